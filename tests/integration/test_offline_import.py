"""`vivim-graph import --offline`: the admin tool's store gives the online import's graph.

These tests stop and start a Neo4j of their own (crash ports, their own state directory), so
the session's shared test server is never disturbed.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator

import neo4j
import psycopg
import pytest
from pydantic import SecretStr

from tests.graph_helpers import graph_checksum
from tests.servers import CRASH_BOLT_PORT, CRASH_HTTP_PORT, TEST_STATE_DIR, run_cli
from vivim_graph.errors import OfflineImportRefused, RowValidationError
from vivim_graph.jobs import local_neo4j, run_offline_import
from vivim_graph.load.importer import import_graph
from vivim_graph.model.spec import load_model
from vivim_graph.settings import Settings, load_settings
from vivim_graph.sources.relational import load_seeds

BOLT, HTTP = CRASH_BOLT_PORT, CRASH_HTTP_PORT  # this worker's; it runs alone in its lane
STATE = TEST_STATE_DIR / "offline"
PASSWORD = "offline-test-pass"


def offline_settings(database_url: str, **extra) -> Settings:
    return load_settings(
        VIVIM_STATE_DIR=STATE,
        VIVIM_NEO4J_BOLT_PORT=BOLT,
        VIVIM_NEO4J_HTTP_PORT=HTTP,
        VIVIM_NEO4J_HEAP="512m",
        VIVIM_NEO4J_PAGECACHE="256m",
        VIVIM_NEO4J_START_TIMEOUT=600,  # two shared cores: a start can take minutes
        NEO4J_PASSWORD=SecretStr(PASSWORD),
        DATABASE_URL=SecretStr(database_url),
        **{"NEO4J_URI": None, **extra},
    )


@pytest.fixture(scope="module")
def own_server(postgres_server) -> Iterator[Settings]:
    """A local Neo4j of this module's own, started on an empty store; stopped afterwards."""
    settings = offline_settings(postgres_server.url)
    server = local_neo4j(settings)
    server.stop()
    shutil.rmtree(STATE, ignore_errors=True)
    server.start(echo=lambda _: None)
    try:
        yield settings
    finally:
        server.stop()


def connect() -> neo4j.Driver:
    return neo4j.GraphDatabase.driver(
        f"neo4j://127.0.0.1:{BOLT}", auth=("neo4j", PASSWORD), notifications_min_severity="OFF"
    )


@pytest.fixture
def own_driver(own_server: Settings) -> Iterator[neo4j.Driver]:
    driver = connect()
    yield driver
    driver.close()


def wipe(driver: neo4j.Driver) -> None:
    driver.execute_query("MATCH (n) DETACH DELETE n", database_="neo4j")


def count_all(driver: neo4j.Driver) -> tuple[int, int]:
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS n } CALL () { MATCH ()-[r]->() RETURN count(r) "
        "AS r } RETURN n, r",
        database_="neo4j",
    )
    return records[0]["n"], records[0]["r"]


def expected_counts(url: str) -> tuple[int, int]:
    """Nodes: every row of a node table; relationships: every non-NULL first foreign-key
    column and every join row, from the model and PostgreSQL alone."""
    model = load_model()
    nodes = rels = 0
    with psycopg.connect(url) as conn:
        for node in model.nodes:
            nodes += conn.execute(f'SELECT count(*) FROM "{node.table}"').fetchone()[0]
            for ref in node.references:
                column = ref.columns[0]
                rels += conn.execute(f'SELECT count("{column}") FROM "{node.table}"').fetchone()[0]
        for join in model.joins:
            rels += conn.execute(f'SELECT count(*) FROM "{join.table}"').fetchone()[0]
    return nodes, rels


# ------------------------------------------------------------------ bad rows
def _dangling(conn) -> None:
    conn.execute("ALTER TABLE team_members DROP CONSTRAINT team_members_location_id_fkey")
    conn.execute("UPDATE team_members SET location_id = 424242 WHERE code = 'TM-005'")


def _wrong_type(conn) -> None:
    for (name,) in conn.execute(
        "SELECT conname FROM pg_constraint WHERE conrelid = 'roles'::regclass AND contype = 'c'"
    ).fetchall():
        conn.execute(f'ALTER TABLE roles DROP CONSTRAINT "{name}"')
    conn.execute("ALTER TABLE roles ALTER COLUMN years_experience_min TYPE text")
    conn.execute("UPDATE roles SET years_experience_min = 'five' WHERE code = 'swe-senior'")


def _sub_cent(conn) -> None:
    conn.execute("ALTER TABLE contractor_rates ALTER COLUMN rate_mid TYPE numeric(14, 4)")
    conn.execute(
        "UPDATE contractor_rates SET rate_mid = rate_mid + 0.0042 "
        "WHERE id = (SELECT max(id) FROM contractor_rates)"
    )


def _missing_required(conn) -> None:
    conn.execute("ALTER TABLE locations ALTER COLUMN timezone DROP NOT NULL")
    conn.execute("UPDATE locations SET timezone = NULL WHERE id = (SELECT min(id) FROM locations)")


@pytest.mark.parametrize("damage", [_dangling, _wrong_type, _sub_cent, _missing_required])
def test_a_row_the_online_import_refuses_is_refused_alike_and_nothing_changes(
    own_server, own_driver, scratch_db, damage
):
    wipe(own_driver)
    load_seeds(scratch_db)
    with psycopg.connect(scratch_db, autocommit=True) as conn:
        damage(conn)
    with psycopg.connect(scratch_db) as conn, pytest.raises(RowValidationError) as online:
        import_graph(own_driver, conn, load_model())  # validates before its first write
    assert count_all(own_driver) == (0, 0)
    with pytest.raises(RowValidationError) as offline:
        run_offline_import(offline_settings(scratch_db), echo=lambda _: None)
    assert (offline.value.table, offline.value.key, offline.value.column) == (
        online.value.table,
        online.value.key,
        online.value.column,
    )
    assert str(offline.value) == str(online.value)
    assert count_all(own_driver) == (0, 0)  # the server still runs, its graph untouched
    assert not list(STATE.glob("offline-*")), "the export and staging files were left behind"


# ------------------------------------------------------------------ the same graph
def test_offline_import_of_the_seeds_equals_the_online_import(own_server, seeded_db):
    with connect() as driver:
        wipe(driver)
    result = run_offline_import(offline_settings(seeded_db), echo=lambda _: None)
    assert result.check.ok, result.check.mismatches
    with connect() as driver:  # the server was restarted on the new store
        _same_as_online(driver, seeded_db, result)


def _same_as_online(own_driver: neo4j.Driver, seeded_db: str, result) -> None:
    offline = graph_checksum(own_driver)
    assert offline[:2] == expected_counts(seeded_db)
    assert (
        sum(t.rows for t in result.summary.nodes.values()),
        sum(t.rows for t in result.summary.relationships.values()),
    ) == offline[:2]
    # Provenance: every replicated node and relationship carries this run's id.
    records, _, _ = own_driver.execute_query(
        "CALL () { MATCH (n) RETURN collect(DISTINCT n._sync_run) AS n } "
        "CALL () { MATCH ()-[r]->() RETURN collect(DISTINCT r._sync_run) AS r } RETURN n, r",
        database_="neo4j",
    )
    assert records[0]["n"] == [result.summary.run_id] == records[0]["r"]
    constraints = _schema_names(own_driver)

    wipe(own_driver)
    with psycopg.connect(seeded_db) as conn:
        import_graph(own_driver, conn, load_model())
    assert graph_checksum(own_driver) == offline
    assert _schema_names(own_driver) == constraints


def _schema_names(driver: neo4j.Driver) -> set[str]:
    names = set()
    for statement in (
        "SHOW CONSTRAINTS YIELD name RETURN name",
        "SHOW INDEXES YIELD name RETURN name",
    ):
        records, _, _ = driver.execute_query(statement, database_="neo4j")
        names |= {r["name"] for r in records}
    assert len(names) > len(load_model().nodes)  # a key constraint per label, and more
    return names


# ------------------------------------------------------------------ refusals
def _env(url: str, **extra: str) -> dict[str, str]:
    return {
        "PATH": os.environ["PATH"],
        "HOME": os.environ.get("HOME", "/tmp"),
        "VIVIM_STATE_DIR": str(STATE),
        "VIVIM_NEO4J_BOLT_PORT": str(BOLT),
        "VIVIM_NEO4J_HTTP_PORT": str(HTTP),
        "VIVIM_NEO4J_HEAP": "512m",
        "VIVIM_NEO4J_PAGECACHE": "256m",
        "VIVIM_NEO4J_START_TIMEOUT": "600",
        "NEO4J_PASSWORD": PASSWORD,
        "DATABASE_URL": url,
        **extra,
    }


def test_a_graph_that_is_not_empty_is_refused_and_left_as_it_was(own_server, own_driver, seeded_db):
    if count_all(own_driver)[0] == 0:
        with psycopg.connect(seeded_db) as conn:
            import_graph(own_driver, conn, load_model())
    before = graph_checksum(own_driver)
    result = run_cli(_env(seeded_db), "import", "--offline")
    assert result.returncode == 1, result.stdout + result.stderr
    assert f"database 'neo4j' is not empty: it holds {before[0]:,} nodes" in result.stderr
    assert "Traceback" not in result.stderr
    assert graph_checksum(own_driver) == before
    # The same refusal through the library, with the error's own type.
    with pytest.raises(OfflineImportRefused):
        run_offline_import(offline_settings(seeded_db), echo=lambda _: None)
    assert graph_checksum(own_driver) == before


@pytest.mark.parametrize(
    "uri",
    [
        "neo4j://db.example:{bolt}",
        "neo4j://127.0.0.1:{other}",
        "neo4j+s://127.0.0.1:{bolt}",
    ],
)
def test_a_target_that_is_not_the_local_server_is_refused_by_name(
    own_server, own_driver, seeded_db, uri
):
    before = count_all(own_driver)
    value = uri.format(bolt=BOLT, other=BOLT + 1)
    result = run_cli(_env(seeded_db, NEO4J_URI=value), "import", "--offline")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "not the local server" in result.stderr
    assert value.partition("://")[2] in result.stderr
    assert count_all(own_driver) == before


def test_the_local_address_spelt_out_is_accepted(own_server, own_driver, seeded_db):
    """bolt://localhost:<the local port> names the local server: not refused as remote
    (it reaches the emptiness check, which the graph left by the previous test fails)."""
    with psycopg.connect(seeded_db) as conn:
        import_graph(own_driver, conn, load_model())
    result = run_cli(_env(seeded_db, NEO4J_URI=f"bolt://localhost:{BOLT}"), "import", "--offline")
    assert result.returncode == 1
    assert "is not empty" in result.stderr and "not the local server" not in result.stderr
