"""Sync from the write-ahead log (issue 16, part 1): the same guarantees and the same tests
as the trigger path. Every graph is compared with a fresh import into a clean graph, and in
the differential test with the graph the trigger path gives after the same edits."""

from __future__ import annotations

import json
import time

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.graph_helpers import clean, fresh_checksum, graph_checksum, run_sync, run_wal
from tests.integration.test_sync import CHANGES
from tests.servers import cli_env, run_cli
from tests.sync_helpers import (
    EDIT,
    Edits,
    differential,
    fresh_import_keeping_position,
    kill_9_trials,
    restore,
    snapshot,
    sql,
)
from vivim_graph.load.sync import CaptureGap
from vivim_graph.load.wal_capture import (
    PUBLICATION,
    read_positions,
    setup,
    teardown,
)
from vivim_graph.model.spec import load_model
from vivim_graph.sources.postgres import redact

pytestmark = pytest.mark.integration


def slot(url: str) -> tuple | None:
    """(confirmed LSN as text, restart LSN as text) of this database's slot, or None."""
    rows = sql(
        url,
        "SELECT confirmed_flush_lsn::text, restart_lsn::text FROM pg_replication_slots "
        "WHERE slot_name LIKE 'vivim_graph%%' AND database = current_database()",
    )
    return rows[0] if rows else None


def lsn_value(text: str) -> int:  # written from PostgreSQL's 'X/Y' notation, not the src parser
    high, low = text.split("/")
    return int(high, 16) * 2**32 + int(low, 16)


@pytest.fixture
def source(seeded_scratch_db: str) -> str:
    return seeded_scratch_db


@pytest.fixture
def small_source(small_scratch_db: str) -> str:
    return small_scratch_db


def test_the_test_server_runs_with_logical_wal(source):
    assert sql(source, "SHOW wal_level") == [("logical",)]


def test_wal_incremental_equals_a_fresh_import_and_installs_no_trigger(driver, source):
    clean(driver)
    first = run_wal(driver, source)
    assert (first.mode, first.capture, first.status) == ("full", "wal", "completed")
    assert slot(source) is not None
    triggers = sql(source, "SELECT count(*) FROM pg_trigger WHERE tgname LIKE 'vivim_capture%%'")
    assert triggers == [(0,)]  # no write added to business transactions
    sql(source, CHANGES)
    second = run_wal(driver, source)
    assert (second.mode, second.capture, second.status) == ("incremental", "wal", "completed")
    assert 8 <= second.changes_read <= 20  # the changed keys, not the database
    assert second.labels["Skill"].created == 1
    assert second.labels["AgentAlert"].deleted == 1
    assert second.relationships["BASED_IN"].created == 1
    assert second.relationships["BASED_IN"].deleted == 1  # the foreign key moved
    # the position is in the graph and the slot was advanced to it, not past it
    position = read_positions(driver, "neo4j", redact(source)).lsn
    confirmed = slot(source)[0]
    assert position is not None and lsn_value(confirmed) == position
    synced = graph_checksum(driver)
    again = run_wal(driver, source)  # nothing new: nothing written
    assert again.changes_read == 0 and graph_checksum(driver) == synced
    assert synced == fresh_checksum(driver, source)


def test_a_transaction_that_commits_after_a_run_is_picked_up_by_the_next(driver, small_source):
    source = small_source
    clean(driver)
    run_wal(driver, source)
    late = psycopg.connect(source)  # begins before the next sync, commits after it
    late.execute(
        "INSERT INTO skills (code, name, skill_type) "
        "SELECT 'late-skill', 'Committed late', skill_type FROM skills LIMIT 1"
    )
    try:
        assert run_wal(driver, source).status == "completed"
        late.commit()
    finally:
        late.close()
    count = "MATCH (s:Skill {code: 'late-skill'}) RETURN count(s) AS c"
    assert driver.execute_query(count, database_="neo4j").records[0]["c"] == 0
    run_wal(driver, source)
    assert driver.execute_query(count, database_="neo4j").records[0]["c"] == 1


def test_truncate_reaches_the_graph_through_the_wal(driver, small_source):
    source = small_source
    clean(driver)
    run_wal(driver, source)
    alerts = sql(source, "SELECT count(*) FROM agent_alerts")[0][0]
    sql(source, "TRUNCATE agent_alerts, role_skills")
    sql(
        source,
        "INSERT INTO role_skills (role_id, skill_id, required_level, is_mandatory) "
        "SELECT (SELECT min(id) FROM roles), (SELECT min(id) FROM skills), 2, true",
    )
    second = run_wal(driver, source)
    assert second.mode == "incremental" and second.status == "completed"
    assert second.labels["AgentAlert"].deleted == alerts > 0
    left = driver.execute_query("MATCH (n:AgentAlert) RETURN count(n) AS c", database_="neo4j")
    assert left.records[0]["c"] == 0
    assert graph_checksum(driver) == fresh_checksum(driver, source)


def test_setup_and_teardown_are_idempotent_and_a_missing_slot_is_refused(driver, small_source):
    source = small_source
    model = load_model()
    with psycopg.connect(source) as conn:
        first = setup(conn, model)
        assert any("replication slot vivim_graph_vivim_test_" in line for line in first)
        assert any(PUBLICATION in line for line in first)
        assert setup(conn, model) == []  # everything in place: nothing done
    tables = {t for (t,) in sql(source, "SELECT tablename FROM pg_publication_tables")}
    assert tables == {n.table for n in model.nodes} | {j.table for j in model.joins}
    clean(driver)
    run_wal(driver, source)
    with psycopg.connect(source) as conn:
        dropped = teardown(conn)
        assert len(dropped) == 2 and teardown(conn) == []
    assert slot(source) is None
    sql(source, "DELETE FROM agent_alerts WHERE id = (SELECT max(id) FROM agent_alerts)")
    before, position = graph_checksum(driver), read_positions(driver, "neo4j", redact(source))
    with pytest.raises(CaptureGap, match=r"the replication slot vivim_graph_\w+ is missing") as e:
        run_wal(driver, source)
    assert "--full" in (e.value.hint or "")
    assert graph_checksum(driver) == before
    assert read_positions(driver, "neo4j", redact(source)) == position
    assert run_wal(driver, source, full=True).status == "completed"  # sets it up again
    assert run_wal(driver, source).mode == "incremental"
    assert graph_checksum(driver) == fresh_checksum(driver, source)


def test_a_slot_read_past_the_graph_position_is_refused(driver, small_source):
    """Someone else consumed the slot: the changes in between never reached this graph."""
    source = small_source
    clean(driver)
    run_wal(driver, source)
    sql(
        source,
        "UPDATE skills SET name = name || ' (lost?)' WHERE id = (SELECT min(id) FROM skills)",
    )
    sql(
        source,
        "SELECT pg_replication_slot_advance(slot_name, pg_current_wal_lsn()) "
        "FROM pg_replication_slots WHERE database = current_database()",
    )
    with pytest.raises(CaptureGap, match="past this graph's position"):
        run_wal(driver, source)
    run_wal(driver, source, full=True)
    assert graph_checksum(driver) == fresh_checksum(driver, source)


EDITS = """
INSERT INTO skills (code, name, skill_type) SELECT 'graph-db', 'Graph databases', skill_type
  FROM skills LIMIT 1;
UPDATE skills SET name = name || ' (v2)' WHERE id = (SELECT min(id) FROM skills);
"""


def test_cli_capture_choice_setup_status_and_teardown(driver, small_source, neo4j_server):
    source = small_source
    clean(driver)
    env = cli_env(neo4j_server, source)
    setup_run = run_cli(env, "sync", "setup")
    assert setup_run.returncode == 0, setup_run.stderr
    assert "created the replication slot vivim_graph_" in setup_run.stdout
    assert "nothing to do" in run_cli(env, "sync", "setup").stdout
    first = run_cli(env, "sync", "--format", "json")  # auto: a new source gets the WAL
    assert first.returncode == 0, first.stderr
    assert "capture: wal" in first.stderr
    assert json.loads(first.stdout)["capture"] == "wal"
    sql(source, EDITS)
    second = json.loads(run_cli(env, "sync", "--format", "json").stdout)
    assert (second["mode"], second["capture"]) == ("incremental", "wal")
    assert second["labels"]["Skill"]["created"] == 1
    # a change not yet synced: the status shows the lag, in bytes of WAL
    sql(source, "UPDATE skills SET name = name || '!' WHERE id = (SELECT min(id) FROM skills)")
    status = run_cli(env, "sync", "status", "--format", "json")
    assert status.returncode == 0, status.stderr
    shown = json.loads(status.stdout)
    confirmed, restart = slot(source)
    current = lsn_value(sql(source, "SELECT pg_current_wal_lsn()::text")[0][0])
    assert shown["capture"] == "wal" and shown["slot"]["confirmed_lsn"] == confirmed
    assert 0 < shown["slot"]["lag_bytes"] <= current - lsn_value(confirmed)
    assert shown["slot"]["retained_bytes"] >= shown["slot"]["lag_bytes"]
    assert shown["slot"]["retained_bytes"] <= current - lsn_value(restart)
    assert shown["published_tables"] == len(load_model().tables)
    assert shown["warnings"] == []  # a few kilobytes: no danger
    doctor = run_cli(env, "doctor")
    assert doctor.returncode == 0, doctor.stdout
    assert "wal capture" in doctor.stdout and "slot vivim_graph_" in doctor.stdout
    text = run_cli(env, "sync", "status").stdout
    assert "replication slot vivim_graph_" in text and "pgoutput" in text and "lag" in text
    down = run_cli(env, "sync", "teardown")
    assert down.returncode == 0 and "dropped the replication slot" in down.stdout
    refused = run_cli(env, "sync")
    assert refused.returncode == 1 and "replication slot" in refused.stderr
    assert "--full" in refused.stderr


def test_status_warns_when_the_retained_wal_nears_the_servers_limit(driver, small_source):
    """max_slot_wal_keep_size set to under twice what the slot keeps: warned, with why."""
    from vivim_graph.load.wal_capture import slot_status

    source = small_source
    clean(driver)
    run_wal(driver, source)
    # WAL to keep (any table's: the slot holds the WAL, not only the published changes)
    sql(
        source,
        "CREATE TABLE wal_filler AS "
        "SELECT g, repeat('x', 200) AS t FROM generate_series(1, 20000) g",
    )
    with psycopg.connect(source) as conn:
        quiet = slot_status(conn)
    assert quiet.retained_bytes >= 2 * 2**20 and quiet.warnings == []
    # the setting is in whole megabytes: 1.5 times what is kept, rounded up, is under twice
    limit_mb = quiet.retained_bytes * 3 // 2 // 2**20 + 1
    sql(source, f"ALTER SYSTEM SET max_slot_wal_keep_size = '{limit_mb}MB'")
    sql(source, "SELECT pg_reload_conf()")
    try:
        time.sleep(0.3)
        with psycopg.connect(source) as conn:
            warned = slot_status(conn)
    finally:
        sql(source, "ALTER SYSTEM RESET max_slot_wal_keep_size")
        sql(source, "SELECT pg_reload_conf()")
    assert warned.keep_size == limit_mb * 2**20
    assert warned.retained_bytes * 2 >= warned.keep_size > warned.retained_bytes
    assert any("max_slot_wal_keep_size" in w for w in warned.warnings), warned


def test_random_edit_sequences_give_the_same_graph_as_triggers_and_a_fresh_import(
    driver, small_source
):
    """Differential: after each random sequence of SQL edits, the WAL incremental gives the
    graph the trigger path gives from the same starting graph, and a fresh import gives."""
    clean(driver)
    assert run_sync(driver, small_source).mode == "full"  # installs the triggers
    assert run_wal(driver, small_source, full=True).mode == "full"  # the slot, after them
    pg = psycopg.connect(small_source, autocommit=True)
    edits = Edits(pg)
    rounds: list[int] = []

    @differential("VIVIM_WAL_DIFFERENTIAL_EXAMPLES", 10)
    @given(st.lists(EDIT, min_size=8, max_size=40))
    def sequence(steps):
        before = snapshot(driver)
        applied = sum(edits.apply(*step) for step in steps)
        by_triggers = run_sync(driver, small_source)
        assert by_triggers.mode == "incremental" and by_triggers.status == "completed"
        triggers = graph_checksum(driver)
        restore(driver, before)
        by_wal = run_wal(driver, small_source)
        assert (by_wal.mode, by_wal.status) == ("incremental", "completed")
        wal = graph_checksum(driver)
        assert wal == triggers, steps
        assert wal == fresh_import_keeping_position(driver, small_source), steps
        rounds.append(applied)

    try:
        sequence()
    finally:
        pg.close()
    print(f"WAL differential: {len(rounds)} sequences, {sum(rounds)} edits applied")
    assert len(rounds) >= 8 and sum(rounds) >= 40, edits.refused.most_common()


def test_kill_9_of_wal_syncs_then_rerun_equals_a_fresh_import(driver, small_source, neo4j_server):
    """Ten trials: a WAL sync process killed with SIGKILL at a random point (every third a
    full one), rerun, compared with a fresh import; the slot never runs past the graph."""
    clean(driver)
    env = cli_env(neo4j_server, small_source)
    assert run_wal(driver, small_source).status == "completed"

    def never_past_the_graph(trial: int) -> None:
        position = read_positions(driver, "neo4j", redact(small_source)).lsn
        assert lsn_value(slot(small_source)[0]) <= position, trial

    trials, killed_mid_run = kill_9_trials(
        driver,
        small_source,
        env,
        ["sync", "--capture", "wal", "--batch-size", "2"],
        lambda: run_wal(driver, small_source),
        seed=16,
        check=never_past_the_graph,
    )
    print(f"WAL kill -9: {trials} trials, {killed_mid_run} killed mid-run")
    assert trials >= 10 and killed_mid_run >= trials // 2
