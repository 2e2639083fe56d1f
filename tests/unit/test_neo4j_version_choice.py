"""Choosing the local Neo4j's version: lines and exact versions, the Java each needs, APOC
only where Maven Central has it, and a store that stays with the line that wrote it."""

from __future__ import annotations

import re

import pytest

from vivim_graph.errors import ConfigError, LocalServerError
from vivim_graph.servers.local_neo4j import (
    CALENDAR_ENTRY_POINT,
    ENTRY_POINT,
    check_store_version,
    entry_point,
    java_versions_for,
    pom_text,
    stamp_store_version,
    tuning_config,
)
from vivim_graph.settings import NEO4J_LINES, load_settings, resolve_neo4j_version


@pytest.mark.parametrize("line", sorted(NEO4J_LINES))
@pytest.mark.parametrize("form", ["{}.x", "{}", "{}.*", " {}.X "])
def test_a_line_resolves_to_its_newest_release(line, form):
    exact = resolve_neo4j_version(form.format(line))
    assert exact == NEO4J_LINES[line]
    assert exact.startswith(line + ".")


def test_an_exact_version_is_used_as_given_and_settings_resolve_lines():
    assert resolve_neo4j_version("2026.01.4") == "2026.01.4"
    assert load_settings(VIVIM_NEO4J_VERSION="2026.x").neo4j_version == NEO4J_LINES["2026"]


@pytest.mark.parametrize("bad", ["latest", "2026.x.1", "5", "v5.26.1", "5.26.19-SNAPSHOT", ""])
def test_a_version_that_is_none_is_refused_naming_where_it_came_from(bad):
    with pytest.raises(ConfigError, match=r"--version .* is not a Neo4j version") as caught:
        resolve_neo4j_version(bad, "--version")
    assert "2026.x" in (caught.value.hint or "")


@pytest.mark.parametrize("version", sorted(NEO4J_LINES.values()))
def test_calendar_versions_need_java_21_and_no_apoc(version):
    calendar = int(version.split(".")[0]) >= 2025  # the year-numbered releases
    pom = pom_text(version)
    assert f"<version>{version}</version>" in pom
    assert ("apoc-core" in pom) is not calendar
    assert min(java_versions_for(version)) == (21 if calendar else 17)
    assert entry_point(version) == (CALENDAR_ENTRY_POINT if calendar else ENTRY_POINT)
    # the POM stays one well-formed document whichever dependencies it lists
    assert pom.count("<dependency>") == pom.count("</dependency>") == (2 if calendar else 4)


@pytest.mark.parametrize("version", [*sorted(NEO4J_LINES.values()), "5.26.0", "2025.01.0"])
def test_versions_from_5_26_plan_once_per_parameter_type_and_stop_without_bolt_waits(version):
    lines = dict(line.split("=", 1) for line in tuning_config(version))
    assert lines["internal.cypher.use_parameter_size"] == "false"
    waits = [k for k in lines if k.startswith("internal.server.bolt.") and "shutdown_wait" in k]
    assert len(waits) == 2 and all(lines[k] == "0s" for k in waits)


@pytest.mark.parametrize("version", ["5.25.1", "5.1.0", "4.4.30"])
def test_older_exact_versions_get_no_internal_setting_they_might_not_know(version):
    # strict config validation: a setting the server does not know stops it from starting
    assert tuning_config(version) == []


def test_a_store_is_refused_by_another_line_and_accepted_by_its_own(tmp_path):
    check_store_version(tmp_path, NEO4J_LINES["2026"])  # no store yet: anything goes
    (tmp_path / "data" / "databases").mkdir(parents=True)
    # a store from before the stamp existed was written by 5.26
    check_store_version(tmp_path, "5.26.1")
    with pytest.raises(LocalServerError, match=re.escape(NEO4J_LINES["2026"])) as caught:
        check_store_version(tmp_path, NEO4J_LINES["2026"])
    assert "VIVIM_STATE_DIR" in (caught.value.hint or "")
    stamp_store_version(tmp_path, "2026.01.4")
    check_store_version(tmp_path, NEO4J_LINES["2026"])  # same line, later release
    with pytest.raises(LocalServerError, match=re.escape("written by Neo4j 2026.01.4")):
        check_store_version(tmp_path, NEO4J_LINES["5.26"])
