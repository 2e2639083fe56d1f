"""Bad settings end with exit 1 and one message that names the setting, never a crash.

A few cases run the real command in a fresh process (as a user meets them); the rest call
the CLI's entry point in process, which is the same error boundary. Every guard is also
shown to let the ordinary values through.
"""

from __future__ import annotations

import os
import random
import socket
from pathlib import Path

import psycopg
import pytest

from tests.servers import TEST_STATE_DIR, Neo4jTarget, cli_env, run_cli
from vivim_graph.cli.main import main
from vivim_graph.errors import ConfigError, ModelError
from vivim_graph.model.draft import check_source
from vivim_graph.model.spec import load_model
from vivim_graph.neo4j_db import check_neo4j_uri
from vivim_graph.settings import load_settings
from vivim_graph.sources.postgres import check_database_url

SECRET = "s3cret-pw"


def run_main(monkeypatch, capsys, env: dict[str, str], *args: str) -> tuple[int, str]:
    """The CLI's entry point in this process, with ``env`` as the only settings."""
    for name in list(os.environ):
        if name.startswith(("NEO4J_", "VIVIM_", "DATABASE_URL", "PG")):
            monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    try:
        main(list(args))
        code = 0
    except SystemExit as exited:
        code = int(exited.code or 0)
    captured = capsys.readouterr()
    return code, captured.err + captured.out


# ------------------------------------------------------------------ DATABASE_URL
MALFORMED_URLS = [
    f"postgres//app:{SECRET}@db.example/vivim",
    f"mysql://app:{SECRET}@db.example/vivim",
    f"postgresql://app:{SECRET}@db.example:notaport/vivim",
    f"host=db.example port=54x32 password={SECRET}",
    f"postgresql://app:{SECRET}@db.example/vivim?no_such_option=1",
    f"postgresql://app:{SECRET}%zz@db.example/vivim",
    f"host=db.example dbname password={SECRET}",
    f"postgresql://app:{SECRET}@[::1/vivim",
]
GOOD_URLS = [
    "",
    "postgresql://app:pw@db.example:5432/vivim",
    "postgres://db.example/vivim",
    "postgresql:///vivim?host=/tmp",
    "postgresql://h1:5432,h2:5433/vivim?target_session_attrs=read-write",
    "host=db.example port=5432 dbname=vivim user=app",
    "postgresql://app@[::1]:5432/vivim?sslmode=require",
]


@pytest.mark.parametrize("url", MALFORMED_URLS)
def test_a_malformed_database_url_is_refused_naming_it(url, monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, out = run_main(
        monkeypatch, capsys, {"DATABASE_URL": url, "VIVIM_STATE_DIR": str(tmp_path)}, "import"
    )
    assert code == 1, out
    assert "DATABASE_URL" in out and "Hint:" in out
    assert SECRET not in out and "Traceback" not in out and "crashed" not in out


@pytest.mark.parametrize("url", GOOD_URLS)
def test_well_formed_database_urls_pass_the_check(url):
    assert check_database_url(url) == url


def test_a_malformed_database_url_in_a_real_process(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "DATABASE_URL": MALFORMED_URLS[0],
        "VIVIM_STATE_DIR": str(tmp_path),
    }
    result = run_cli(env, "sync", timeout=60)
    assert result.returncode == 1
    assert "DATABASE_URL is not a PostgreSQL connection string" in result.stderr
    assert SECRET not in result.stderr + result.stdout and "Traceback" not in result.stderr


# ------------------------------------------------------------------ NEO4J_URI
BAD_NEO4J_URIS = [
    "http://127.0.0.1:7474",
    "https://browser.example:7473/browser/",
    "ws://127.0.0.1:7687",
    "127.0.0.1:7687",
    "neo4js://host:7687",
    f"http://neo4j:{SECRET}@host:7474",
]
GOOD_NEO4J_URIS = [
    "neo4j://127.0.0.1:7687",
    "neo4j+s://abcd1234.databases.neo4j.io",
    "neo4j+ssc://host:7687",
    "bolt://host",
    "bolt+s://host:7687",
    "bolt+ssc://[::1]:7687",
]


@pytest.mark.parametrize("command", ["check", "import", "sync"])
@pytest.mark.parametrize("uri", BAD_NEO4J_URIS)
def test_an_unsupported_neo4j_uri_is_refused_naming_it(uri, command, monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    code, out = run_main(
        monkeypatch,
        capsys,
        # a valid DATABASE_URL where nothing listens: the check must come before PostgreSQL
        {
            "NEO4J_URI": uri,
            "DATABASE_URL": "postgresql://127.0.0.1:1/none",
            "VIVIM_STATE_DIR": str(tmp_path),
        },
        command,
    )
    assert code == 1, out
    assert "NEO4J_URI" in out and "neo4j://" in out
    assert SECRET not in out and "Traceback" not in out and "crashed" not in out


@pytest.mark.parametrize("uri", GOOD_NEO4J_URIS)
def test_bolt_uris_pass_the_check(uri):
    assert check_neo4j_uri(uri) == uri


def test_an_http_neo4j_uri_in_a_real_process(tmp_path):
    env = {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "NEO4J_URI": "http://127.0.0.1:7474",
        "VIVIM_STATE_DIR": str(tmp_path),
    }
    result = run_cli(env, "cypher", "RETURN 1", timeout=60)
    assert result.returncode == 1
    assert "NEO4J_URI http://127.0.0.1:7474 has scheme http://" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_neo4j_uri_with_a_bad_port_is_refused(monkeypatch, capsys, tmp_path):
    monkeypatch.chdir(tmp_path)
    env = {"NEO4J_URI": "neo4j://127.0.0.1:notaport", "VIVIM_STATE_DIR": str(tmp_path)}
    code, out = run_main(monkeypatch, capsys, env, "cypher", "RETURN 1")
    assert code == 1 and "NEO4J_URI" in out and "Traceback" not in out, out


# ------------------------------------------------------------------ NEO4J_DATABASE
def neo4j_env(neo4j: Neo4jTarget, **extra: str) -> dict[str, str]:
    return {
        "NEO4J_URI": neo4j.uri,
        "NEO4J_USERNAME": neo4j.user,
        "NEO4J_PASSWORD": neo4j.password,
        "VIVIM_STATE_DIR": str(TEST_STATE_DIR),
        **extra,
    }


def test_an_unknown_neo4j_database_is_refused_naming_it(
    neo4j_server, monkeypatch, capsys, tmp_path
):
    monkeypatch.chdir(tmp_path)
    env = neo4j_env(neo4j_server, NEO4J_DATABASE="neo4jj")
    code, out = run_main(monkeypatch, capsys, env, "cypher", "RETURN 1 AS one")
    assert code == 1, out
    assert "NEO4J_DATABASE 'neo4jj'" in out and "Did you mean neo4j" in out
    assert "Traceback" not in out and "crashed" not in out
    # the ordinary value answers
    code, out = run_main(monkeypatch, capsys, neo4j_env(neo4j_server), "cypher", "RETURN 1 AS one")
    assert code == 0, out


def test_an_unknown_neo4j_database_in_a_real_process(neo4j_server, seeded_db):
    env = cli_env(neo4j_server, seeded_db)
    env["NEO4J_DATABASE"] = "no_such_graph"
    result = run_cli(env, "check", timeout=120)
    assert result.returncode == 1
    assert "NEO4J_DATABASE 'no_such_graph'" in result.stderr
    assert "Traceback" not in result.stderr


# ------------------------------------------------------------------ the source database
@pytest.mark.parametrize("command", ["import", "sync", "check"])
def test_an_empty_database_says_to_run_db_load(
    command, neo4j_server, scratch_db, monkeypatch, capsys, tmp_path
):
    monkeypatch.chdir(tmp_path)
    env = neo4j_env(neo4j_server, DATABASE_URL=scratch_db)
    code, out = run_main(monkeypatch, capsys, env, command)
    assert code == 1, out
    assert "holds none of the" in out and "vivim-graph db load" in out
    assert "Traceback" not in out and "crashed" not in out


def test_the_seeded_database_fits_the_model(seeded_db):
    with psycopg.connect(seeded_db) as conn:
        check_source(conn, load_model(), source="seeded")  # raises on any drift


def _drift_cases(seed: int) -> list[tuple[str, str]]:
    """(DDL, the message it must cause) for edits that make PostgreSQL and the model
    disagree, on tables and columns drawn at random from the model."""
    model = load_model()
    rng = random.Random(seed)
    tables = sorted(model.columns_by_table)
    in_pg, in_model = (
        "is in PostgreSQL but not in graph/model.yaml",
        ("is in graph/model.yaml but not in PostgreSQL"),
    )
    cases = []
    for table in rng.sample(tables, 8):
        column = rng.choice(sorted(model.columns_by_table[table]))
        cases += [
            (f'ALTER TABLE "{table}" ADD COLUMN zz_extra int', f"column {table}.zz_extra {in_pg}"),
            (
                f'ALTER TABLE "{table}" RENAME COLUMN "{column}" TO zz_renamed',
                f"column {table}.{column} {in_model}",
            ),
            (f'ALTER TABLE "{table}" RENAME TO "zz_{table[:40]}"', f"table {table} {in_model}"),
        ]
    cases.append(("CREATE TABLE zz_new_table (id int)", f"table zz_new_table {in_pg}"))
    return cases


@pytest.mark.parametrize("seed", [1, 2])
def test_a_table_or_column_on_one_side_only_is_named(seeded_db, seed):
    model = load_model()
    with psycopg.connect(seeded_db) as conn:
        for ddl, expected in _drift_cases(seed):
            conn.execute(ddl)
            with pytest.raises(ModelError) as caught:
                check_source(conn, model, source="seeded")
            conn.rollback()  # DDL is transactional: the shared database is untouched
            assert str(caught.value).startswith(expected), (ddl, str(caught.value))
            assert caught.value.hint
        check_source(conn, model, source="seeded")  # and rolled back, it fits again


def test_a_column_missing_from_the_model_fails_import_with_exit_1(
    neo4j_server, scratch_db, monkeypatch, capsys, tmp_path, seed_copies
):
    seed_copies.fill(scratch_db)
    with psycopg.connect(scratch_db, autocommit=True) as conn:
        conn.execute("ALTER TABLE roles ADD COLUMN bonus_pct numeric")
    monkeypatch.chdir(tmp_path)
    env = neo4j_env(neo4j_server, DATABASE_URL=scratch_db)
    code, out = run_main(monkeypatch, capsys, env, "import")
    assert code == 1, out
    assert "column roles.bonus_pct is in PostgreSQL but not in graph/model.yaml" in out
    assert "model draft" in out


def test_empty_database_in_a_real_process(neo4j_server, scratch_db):
    result = run_cli(cli_env(neo4j_server, scratch_db), "import", timeout=120)
    assert result.returncode == 1
    assert "vivim-graph db load" in result.stderr and "Traceback" not in result.stderr


# ------------------------------------------------------------------ up and NEO4J_URI
@pytest.mark.parametrize(
    ("uri", "local"),
    [
        (None, True),
        ("neo4j://127.0.0.1:{port}", True),
        ("bolt://localhost:{port}", True),
        ("neo4j://[::1]:{port}", True),
        ("neo4j://127.0.0.1:{other}", False),
        ("neo4j+s://127.0.0.1:{port}", False),
        ("neo4j://db.example:{port}", False),
        ("neo4j://127.0.0.1:notaport", False),
    ],
)
def test_which_neo4j_uris_name_the_local_server(uri, local):
    port = 25_000 + random.Random(uri).randrange(1000)
    value = uri.format(port=port, other=port + 1) if uri else None
    settings = load_settings(NEO4J_URI=value, VIVIM_NEO4J_BOLT_PORT=port)
    assert settings.names_local_neo4j is local


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_up_with_neo4j_uri_naming_the_local_address_starts_the_local_server(
    tmp_path: Path, scratch_db
):
    """Nothing answers at NEO4J_URI = the local server's own address, so `up` starts the
    local server there. The HTTP port is held by this test, so the start stops at once
    with the local runner's own clear message, proving `up` tried to start it."""
    bolt = free_port()
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        http = int(blocker.getsockname()[1])
        env = {
            "PATH": os.environ["PATH"],
            "HOME": str(tmp_path),
            "NEO4J_URI": f"neo4j://127.0.0.1:{bolt}",
            "VIVIM_NEO4J_BOLT_PORT": str(bolt),
            "VIVIM_NEO4J_HTTP_PORT": str(http),
            "VIVIM_STATE_DIR": str(tmp_path / "state"),
            "DATABASE_URL": scratch_db,
        }
        result = run_cli(env, "up", timeout=120)
    assert result.returncode == 1, result.stdout + result.stderr
    assert "NEO4J_URI names the local server's address" in result.stdout
    assert f"port {http} on 127.0.0.1 is taken" in result.stderr
    assert "routing" not in result.stderr and "Traceback" not in result.stderr


def test_config_error_is_what_the_guards_raise():
    with pytest.raises(ConfigError):
        check_database_url("mysql://x")
    with pytest.raises(ConfigError):
        check_neo4j_uri("http://x")


# ------------------------------------------------------------------ doctor
def test_doctor_names_the_same_problems(neo4j_server, scratch_db, seeded_db):
    from pydantic import SecretStr

    from vivim_graph.doctor import run_checks

    def checks(**overrides):
        settings = load_settings(
            NEO4J_URI=neo4j_server.uri,
            NEO4J_USERNAME=neo4j_server.user,
            NEO4J_PASSWORD=SecretStr(neo4j_server.password),
            VIVIM_STATE_DIR=TEST_STATE_DIR,
            **overrides,
        )
        return {c.name: c for c in run_checks(settings)}

    bad = checks(DATABASE_URL=SecretStr(scratch_db), NEO4J_DATABASE="neo4jj")
    assert not bad["neo4j"].ok and "NEO4J_DATABASE 'neo4jj'" in bad["neo4j"].detail
    # an empty database is reachable (not a fault), and doctor says what to run
    assert "no cost tables loaded yet" in bad["postgres"].detail
    assert "vivim-graph db load" in (bad["postgres"].hint or "")
    with psycopg.connect(seeded_db) as conn:  # drift is a fault: shown, then rolled back
        conn.execute("ALTER TABLE roles ADD COLUMN zz_doctor int")
        conn.commit()
    try:
        drifted = checks(DATABASE_URL=SecretStr(seeded_db))
    finally:
        with psycopg.connect(seeded_db, autocommit=True) as conn:
            conn.execute("ALTER TABLE roles DROP COLUMN zz_doctor")
    assert not drifted["postgres"].ok and "roles.zz_doctor" in drifted["postgres"].detail
    good = checks(DATABASE_URL=SecretStr(seeded_db))
    assert good["neo4j"].ok and good["postgres"].ok
    assert "cost tables fit graph/model.yaml" in good["postgres"].detail
    malformed = checks(DATABASE_URL=SecretStr(MALFORMED_URLS[1]))
    assert not malformed["postgres"].ok and "DATABASE_URL" in malformed["postgres"].detail
    assert SECRET not in malformed["postgres"].detail
