"""Settings layering (environment over YAML over defaults) and redaction; no servers."""

from __future__ import annotations

import pytest

from vivim_graph.errors import ConfigError
from vivim_graph.servers.local_neo4j import gc_options, jvm_options, neo4j_jvm_flags
from vivim_graph.settings import LOCAL_DEFAULT_PASSWORD, load_settings
from vivim_graph.sources.postgres import redact


@pytest.fixture
def clean_env(monkeypatch, tmp_path):
    for name in (
        "NEO4J_URI",
        "NEO4J_USERNAME",
        "NEO4J_PASSWORD",
        "NEO4J_DATABASE",
        "DATABASE_URL",
        "VIVIM_CONFIG",
        "VIVIM_NEO4J_HEAP",
        "VIVIM_NEO4J_BOLT_PORT",
        "VIVIM_JVM_OPTIONS",
    ):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_defaults(clean_env):
    s = load_settings()
    assert s.bolt_uri == "neo4j://127.0.0.1:7687"
    assert s.neo4j_password.get_secret_value() == LOCAL_DEFAULT_PASSWORD
    assert s.neo4j_heap == "1g" and s.postgres_database == "vivim_costs_db"


def test_yaml_beats_defaults_and_env_beats_yaml(clean_env, monkeypatch):
    (clean_env / "vivim-graph.yaml").write_text(
        "neo4j_heap: 2g\nneo4j_bolt_port: 7700\nneo4j_password: from-file\n"
    )
    s = load_settings()
    assert s.neo4j_heap == "2g" and s.bolt_uri == "neo4j://127.0.0.1:7700"
    assert s.neo4j_password.get_secret_value() == "from-file"
    monkeypatch.setenv("VIVIM_NEO4J_HEAP", "3g")
    monkeypatch.setenv("NEO4J_PASSWORD", "from-env")
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://abc.databases.neo4j.io")
    s = load_settings()
    assert s.neo4j_heap == "3g" and s.neo4j_password.get_secret_value() == "from-env"
    assert s.bolt_uri == "neo4j+s://abc.databases.neo4j.io" and not s.uses_local_neo4j


def test_bad_value_names_the_setting(clean_env, monkeypatch):
    monkeypatch.setenv("VIVIM_NEO4J_BOLT_PORT", "not-a-port")
    with pytest.raises(ConfigError, match="VIVIM_NEO4J_BOLT_PORT"):
        load_settings()


def test_malformed_yaml_names_the_file(clean_env):
    (clean_env / "vivim-graph.yaml").write_text("neo4j_heap: [unclosed\n")
    with pytest.raises(ConfigError, match=r"vivim-graph\.yaml"):
        load_settings()


def test_missing_config_file_is_an_error(clean_env, monkeypatch):
    monkeypatch.setenv("VIVIM_CONFIG", str(clean_env / "nope.yaml"))
    with pytest.raises(ConfigError, match=r"nope\.yaml"):
        load_settings()


def test_redact_drops_password():
    assert redact("postgresql://bob:pw123@db.example:5433/costs") == (
        "postgresql://bob@db.example:5433/costs"
    )
    assert "pw123" not in redact("host=h port=1 user=u password=pw123 dbname=d")
    assert redact("postgresql://postgres@/vivim?host=/tmp/sock") == (
        "postgresql://postgres@/vivim?host=/tmp/sock"
    )


def test_jvm_options_split_as_a_shell_would_and_default_to_none(clean_env, monkeypatch):
    assert jvm_options(load_settings()) == []
    monkeypatch.setenv("VIVIM_JVM_OPTIONS", "-XX:TieredStopAtLevel=1 '-Dnote=two words'")
    assert jvm_options(load_settings()) == ["-XX:TieredStopAtLevel=1", "-Dnote=two words"]


@pytest.mark.parametrize(
    ("options", "collector"),
    [
        ([], ["-XX:+UseG1GC"]),
        (["-XX:TieredStopAtLevel=1", "-XX:+UseStringDeduplication"], ["-XX:+UseG1GC"]),
        (["-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"], []),
        (["-XX:+UseParallelGC"], []),
        (["-XX:+UseZGC", "-Xmx1g"], []),
    ],
)
def test_a_collector_among_the_options_replaces_the_default_g1(options, collector):
    """The JVM refuses two collectors: one named by the operator replaces G1."""
    assert gc_options(options) == collector


@pytest.mark.parametrize("options", ["", "-XX:+UseSerialGC -Xmx2g", "-XX:+UseZGC -Dx=1"])
def test_every_neo4j_jvm_gets_one_collector_and_the_operator_options_last(
    clean_env, monkeypatch, options
):
    # the JVM refuses two collectors, and of two -Xmx (or -D) flags the last one counts
    monkeypatch.setenv("VIVIM_JVM_OPTIONS", options)
    flags = neo4j_jvm_flags(load_settings())
    assert sum(f.startswith("-XX:+Use") and f.endswith("GC") for f in flags) == 1
    assert flags[len(flags) - len(options.split()) :] == options.split()
    assert "-Dfile.encoding=UTF-8" in flags


def test_unbalanced_jvm_options_name_the_setting(clean_env, monkeypatch):
    monkeypatch.setenv("VIVIM_JVM_OPTIONS", "-Dnote='open")
    with pytest.raises(ConfigError, match="VIVIM_JVM_OPTIONS"):
        jvm_options(load_settings())
