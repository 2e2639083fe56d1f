"""Read routing with Community edition: what a ``neo4j://`` URI does against a writer and a
read-only server, measured rather than assumed (docs/scale.md, "Read replicas").

Community has no clustering: each standalone server answers the routing procedure with a
table that names only itself, so one driver cannot send reads to one server and writes to
another. What does work: every read the project makes is a READ transaction (named
queries, the Cypher guard, the impact commands), so a driver pointed at a read-only server
answers them, and a write sent there is refused with an error that names the server.
"""

from __future__ import annotations

from collections.abc import Iterator

import neo4j
import pytest
from pydantic import SecretStr

from tests.servers import (
    OTHER_BOLT_PORT,
    OTHER_HTTP_PORT,
    TEST_BOLT_PORT,
    TEST_NEO4J_VERSION,
    TEST_PASSWORD,
    TEST_STATE_DIR,
    Neo4jTarget,
    cli_env,
    run_cli,
    settings_for,
)
from vivim_graph.neo4j_db import make_driver
from vivim_graph.queries.guard import run_guarded
from vivim_graph.servers.local_neo4j import LocalNeo4j
from vivim_graph.settings import load_settings

pytestmark = pytest.mark.integration

MARKER = "VivimTestSession"  # the session's writer holds one (conftest); the reader none


class ReadOnlyNeo4j(LocalNeo4j):
    """The local runner's server with every user database read-only, as a read replica
    would be run beside a writer (the advertised address is already set to its own port)."""

    def _config_text(self) -> str:
        return super()._config_text() + "server.databases.default_to_read_only=true\n"


@pytest.fixture(scope="module")
def reader() -> Iterator[Neo4jTarget]:
    """A read-only server. A database cannot be *created* read-only (the first start of an
    empty home fails to start `neo4j`: "No write operations are allowed"), so an empty home
    is started writable once to create its store, as a snapshot would be loaded, then
    restarted read-only."""
    settings = load_settings(
        VIVIM_STATE_DIR=TEST_STATE_DIR / "reader",
        VIVIM_NEO4J_BOLT_PORT=OTHER_BOLT_PORT,
        VIVIM_NEO4J_HTTP_PORT=OTHER_HTTP_PORT,
        VIVIM_NEO4J_VERSION=TEST_NEO4J_VERSION,
        VIVIM_NEO4J_START_TIMEOUT=600,  # a first start creates the store: slow on busy cores
        NEO4J_PASSWORD=SecretStr(TEST_PASSWORD),
        NEO4J_URI=None,
    )
    server = ReadOnlyNeo4j(settings)
    server.stop()  # a server left running may be writable: restart it read-only
    try:
        created = server.home / "data" / "created-writable"  # gone with the store
        if not created.exists():
            LocalNeo4j(settings).start(echo=lambda _: None)
            LocalNeo4j(settings).stop()
            created.touch()
        status = server.start(echo=lambda _: None)
    except Exception as e:
        pytest.fail(f"no read-only Neo4j for the routing tests: {e}", pytrace=False)
    try:
        yield Neo4jTarget(status.bolt_uri, "neo4j", TEST_PASSWORD, None, "read-only runner")
    finally:
        server.stop()


def routing_table(driver: neo4j.Driver) -> dict[str, list[str]]:
    records = driver.execute_query(
        "CALL dbms.routing.getRoutingTable({}, 'neo4j') YIELD servers RETURN servers",
        database_="system",
        routing_=neo4j.RoutingControl.READ,
    ).records
    return {s["role"]: sorted(s["addresses"]) for s in records[0]["servers"]}


def answered_by(driver: neo4j.Driver, routing: neo4j.RoutingControl) -> tuple[str, int]:
    """Which server a transaction of this kind went to, and how many markers it saw."""
    records, summary, _ = driver.execute_query(
        f"MATCH (m:{MARKER}) RETURN count(m) AS markers", database_="neo4j", routing_=routing
    )
    address = summary.server.address
    return f"{address.host}:{address.port}", records[0]["markers"]


def test_each_standalone_server_routes_only_to_itself(driver, reader):
    writer = [f"127.0.0.1:{TEST_BOLT_PORT}"]
    assert routing_table(driver) == {"READ": writer, "ROUTE": writer, "WRITE": writer}
    with neo4j.GraphDatabase.driver(reader.uri, auth=(reader.user, reader.password)) as drv:
        reader_table = routing_table(drv)
    own = [f"127.0.0.1:{OTHER_BOLT_PORT}"]
    assert reader_table["READ"] == own and reader_table["ROUTE"] == own
    # Neither table names the other server: no driver can mix them.
    assert not any(writer[0] in addresses for addresses in reader_table.values())


def test_a_routing_uri_sends_reads_and_writes_to_the_one_server_it_names(driver, reader):
    """neo4j:// to the writer: READ and WRITE both go there; to the reader: both go there."""
    for routing in (neo4j.RoutingControl.READ, neo4j.RoutingControl.WRITE):
        assert answered_by(driver, routing) == (f"127.0.0.1:{TEST_BOLT_PORT}", 1)
    with neo4j.GraphDatabase.driver(reader.uri, auth=(reader.user, reader.password)) as drv:
        assert answered_by(drv, neo4j.RoutingControl.READ) == (f"127.0.0.1:{OTHER_BOLT_PORT}", 0)


def test_the_project_reads_from_the_reader(reader, scratch_db):
    """The project's own driver and read paths (connection check, the guard) on the reader."""
    settings = settings_for(reader, scratch_db)
    drv = make_driver(settings)  # verify: connectivity and a READ on NEO4J_DATABASE
    try:
        result = run_guarded(drv, f"MATCH (m:{MARKER}) RETURN count(m) AS markers")
    finally:
        drv.close()
    assert result.rows == [{"markers": 0}]  # the writer has one: this read went to the reader


def test_a_write_sent_to_the_reader_is_refused_with_a_clear_error(reader, scratch_db, seed_copies):
    seed_copies.fill(scratch_db)
    result = run_cli(cli_env(reader, scratch_db), "import")
    assert result.returncode == 1, result.stderr
    assert "read-only" in result.stderr and str(OTHER_BOLT_PORT) in result.stderr
    assert "NEO4J_URI" in result.stderr  # the hint: point writes at the writer
    with neo4j.GraphDatabase.driver(reader.uri, auth=(reader.user, reader.password)) as drv:
        nodes = drv.execute_query("MATCH (n) RETURN count(n) AS n", database_="neo4j")
    assert nodes.records[0]["n"] == 0
