"""The view-parity and impact tests again, on the other Neo4j line.

The session's server runs ``TEST_NEO4J_VERSION`` (5.26 LTS unless
``VIVIM_TEST_NEO4J_VERSION`` says otherwise). This module starts a second local server of
the other line (2026.x beside 5.26, 5.26 beside a calendar version) on its own ports and
state directory, as the Neo4j-crash test of test_sync.py does, and runs the *same* test
functions against it: they are imported below, and this module's ``neo4j_server`` and
``driver`` fixtures take the place of the session's for every test collected here. So CI
checks every named view and every impact scenario's figures on both lines without running
the whole suite twice (the impact tests of CLI output and of explanations are left to the
session's server: they add minutes and test nothing that depends on the Neo4j version).

The calendar server's databases speak Cypher 25 by default (see
``local_neo4j.calendar_config``), so the queries are checked in the current language too.

Its ports: ``VIVIM_TEST_OTHER_BOLT_PORT`` / ``VIVIM_TEST_OTHER_HTTP_PORT``, by default the
crash ports (the crash test runs later in the session, after this module stopped its server).
"""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from pydantic import SecretStr

from tests.conftest import claimed_driver
from tests.integration.test_impact import (  # noqa: F401 - the tests and fixtures run here too
    baseline_checksum,
    env,
    test_hire_errors_name_what_is_wrong,
    test_hire_in_a_country_without_a_template_costs_the_legal_work,
    test_hire_two_seniors_in_malta_matches_sql,
    test_node_blast_radius_matches_foreign_keys,
    test_relocation_matches_sql,
    test_saved_scenarios_list_show_compare_delete,
    test_scenarios_left_the_baseline_graph_unchanged,
)
from tests.integration.test_views_parity import (  # noqa: F401
    seeds_in_graph,
    test_parity_on_seeds,
)
from tests.servers import (
    OTHER_BOLT_PORT,
    OTHER_HTTP_PORT,
    TEST_NEO4J_VERSION,
    TEST_PASSWORD,
    TEST_STATE_DIR,
    Neo4jTarget,
)
from vivim_graph.servers.local_neo4j import LocalNeo4j, is_calendar_version
from vivim_graph.settings import DEFAULT_NEO4J_VERSION, NEO4J_LINES, load_settings

pytestmark = pytest.mark.integration

OTHER_VERSION = (
    DEFAULT_NEO4J_VERSION if is_calendar_version(TEST_NEO4J_VERSION) else NEO4J_LINES["2026"]
)


@pytest.fixture(scope="module")
def neo4j_server() -> Iterator[Neo4jTarget]:
    """A local server of the other line; its store stays between runs (a first start of a
    calendar version creates its system database, a minute on two busy cores)."""
    settings = load_settings(
        VIVIM_STATE_DIR=TEST_STATE_DIR / f"other-{OTHER_VERSION}",
        VIVIM_NEO4J_BOLT_PORT=OTHER_BOLT_PORT,
        VIVIM_NEO4J_HTTP_PORT=OTHER_HTTP_PORT,
        VIVIM_NEO4J_VERSION=OTHER_VERSION,
        VIVIM_NEO4J_START_TIMEOUT=600,  # a first start creates the store: slow on busy cores
        NEO4J_PASSWORD=SecretStr(TEST_PASSWORD),
        NEO4J_URI=None,
    )
    server = LocalNeo4j(settings)
    started_here = not server.status().running
    try:
        status = server.start(echo=lambda _: None)
    except Exception as e:  # Java 21+ missing, say: a failure that says what to do
        pytest.fail(f"no Neo4j {OTHER_VERSION} for the other-line tests: {e}", pytrace=False)
    try:
        yield Neo4jTarget(
            uri=status.bolt_uri,
            user="neo4j",
            password=TEST_PASSWORD,
            http_url=f"http://127.0.0.1:{OTHER_HTTP_PORT}",
            backend=f"local runner, Neo4j {OTHER_VERSION}",
        )
    finally:
        if started_here:
            server.stop()


@pytest.fixture(scope="module")
def driver(neo4j_server: Neo4jTarget) -> Iterator[neo4j.Driver]:
    with claimed_driver(neo4j_server) as drv:
        yield drv


def test_the_other_server_runs_the_other_line(driver):
    """What the tests above ran against: the other version, and on a calendar version a
    database whose default language is Cypher 25."""
    component = driver.execute_query(
        "CALL dbms.components() YIELD name, versions RETURN versions[0] AS version",
        database_="neo4j",
    ).records[0]
    assert component["version"] == OTHER_VERSION != TEST_NEO4J_VERSION
    if is_calendar_version(OTHER_VERSION):
        language = driver.execute_query(
            "SHOW DATABASES YIELD name, defaultLanguage WHERE name = 'neo4j' "
            "RETURN defaultLanguage",
            database_="system",
        ).records[0]["defaultLanguage"]
        assert language == "CYPHER 25"
