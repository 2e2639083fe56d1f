"""Sync: incremental, correct under concurrent writes, crash-safe, single-writer."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psycopg
import pytest
from pydantic import SecretStr

from tests.graph_helpers import clean, fresh_checksum, graph_checksum, run_sync
from tests.servers import (
    CRASH_BOLT_PORT,
    CRASH_HTTP_PORT,
    TEST_NEO4J_VERSION,
    TEST_STATE_DIR,
    cli_env,
    run_cli,
)
from tests.sync_helpers import wait_until_holding
from vivim_graph.errors import VivimGraphError
from vivim_graph.load.sync import SyncBusy
from vivim_graph.load.writer_lock import writer_lock

pytestmark = pytest.mark.integration

# The server the crash test kills: its own, so killing it does not disturb the others.

CHANGES = """
INSERT INTO skills (code, name, skill_type) SELECT 'graph-db', 'Graph databases', skill_type
  FROM skills LIMIT 1;
UPDATE salary_benchmarks SET annual_mid = annual_mid + 1000, annual_high = annual_high + 1000
  WHERE id = (SELECT min(id) FROM salary_benchmarks);
UPDATE team_members SET location_id = (SELECT id FROM locations WHERE code = 'MT-SLM')
  WHERE code = 'TM-001';
UPDATE team_members SET end_date = NULL, notes = NULL WHERE code = 'TM-002';
INSERT INTO role_skills (role_id, skill_id, required_level, is_mandatory)
  SELECT (SELECT id FROM roles WHERE code = 'swe-senior'),
         (SELECT id FROM skills WHERE code = 'graph-db'), 3, false;
DELETE FROM role_skills WHERE (role_id, skill_id) =
  (SELECT role_id, skill_id FROM role_skills ORDER BY role_id, skill_id LIMIT 1);
DELETE FROM agent_alerts WHERE id = (SELECT max(id) FROM agent_alerts);
UPDATE dao_proposals SET title = title || ' (amended)' WHERE code = 'VIP-003';
UPDATE operational_expenses SET amount = amount + 0.01
  WHERE id = (SELECT min(id) FROM operational_expenses);
"""


@pytest.fixture
def source(seeded_scratch_db: str) -> str:
    return seeded_scratch_db


def test_incremental_sync_equals_a_fresh_import(driver, source):
    clean(driver)
    first = run_sync(driver, source)
    assert first.mode == "full" and first.status == "completed"
    with psycopg.connect(source, autocommit=True) as pg:
        pg.execute(CHANGES)
    second = run_sync(driver, source)
    assert second.mode == "incremental" and second.status == "completed"
    assert 8 <= second.changes_read <= 20  # the changed keys, not the database
    assert second.labels["Skill"].created == 1
    assert second.labels["AgentAlert"].deleted == 1
    assert second.relationships["BASED_IN"].created == 1
    assert second.relationships["BASED_IN"].deleted == 1  # the foreign key moved
    synced = graph_checksum(driver)
    # provenance: the run that last wrote a changed node, and its SyncRun record
    records, _, _ = driver.execute_query(
        "MATCH (m:TeamMember {code: 'TM-001'}) MATCH (r:SyncRun {id: m._sync_run}) "
        "RETURN m._source_table AS t, m._source_key AS k, r.status AS status, r.mode AS mode",
        database_="neo4j",
    )
    assert records and records[0]["t"] == "team_members"
    assert (records[0]["status"], records[0]["mode"]) == ("completed", "incremental")
    assert synced == fresh_checksum(driver, source)


def test_the_same_sync_twice_changes_nothing(driver, source):
    clean(driver)
    run_sync(driver, source)
    with psycopg.connect(source, autocommit=True) as pg:
        pg.execute(CHANGES)
    run_sync(driver, source)
    before = graph_checksum(driver)
    again = run_sync(driver, source)
    assert graph_checksum(driver) == before
    assert sum(t.created + t.deleted for t in again.labels.values()) == 0
    assert sum(t.created + t.deleted for t in again.relationships.values()) == 0


def test_a_transaction_that_commits_after_a_sync_is_still_picked_up(driver, source):
    clean(driver)
    run_sync(driver, source)
    late = psycopg.connect(source)  # begins before the next sync, commits after it
    late.execute(
        "INSERT INTO skills (code, name, skill_type) "
        "SELECT 'late-skill', 'Committed late', skill_type FROM skills LIMIT 1"
    )
    try:
        between = run_sync(driver, source)
        assert between.status == "completed"
        late.commit()
    finally:
        late.close()
    found = lambda: driver.execute_query(  # noqa: E731
        "MATCH (s:Skill {code: 'late-skill'}) RETURN count(s) AS c", database_="neo4j"
    ).records[0]["c"]
    assert found() == 0
    run_sync(driver, source)
    assert found() == 1


def test_dry_run_writes_nothing_and_plans(driver, source):
    clean(driver)
    run_sync(driver, source)
    with psycopg.connect(source, autocommit=True) as pg:
        pg.execute(CHANGES)
    before = graph_checksum(driver)
    runs_before = driver.execute_query(
        "MATCH (r:SyncRun) RETURN count(r) AS c", database_="neo4j"
    ).records[0]["c"]
    planned = run_sync(driver, source, dry_run=True)
    assert planned.status == "planned"
    assert planned.plan["Skill"] == {"create": 1, "update": 0, "delete": 0}
    assert planned.plan["AgentAlert"]["delete"] == 1
    assert planned.plan["TeamMember"]["update"] == 2
    assert graph_checksum(driver) == before
    assert (
        driver.execute_query("MATCH (r:SyncRun) RETURN count(r) AS c", database_="neo4j").records[
            0
        ]["c"]
        == runs_before
    )


def test_a_second_writer_is_refused_while_one_holds_the_lock(driver, source, neo4j_server):
    clean(driver)
    with writer_lock(driver, "neo4j", "test holder"):
        with pytest.raises(SyncBusy, match="another vivim-graph writer is running"):
            run_sync(driver, source)
        env = cli_env(neo4j_server, source)
        for command in ("sync", "import"):
            result = run_cli(env, command, timeout=120)
            assert result.returncode == 1, (command, result.stderr)
            assert "another vivim-graph writer is running" in result.stderr
            assert "test holder" in result.stderr and "--wait" in result.stderr
    assert graph_checksum(driver)[0] == 0  # neither wrote anything
    # released: the next writer goes ahead
    assert run_sync(driver, source).status == "completed"
    assert issubclass(SyncBusy, VivimGraphError)


def test_sync_command_json_summary(driver, source, neo4j_server):
    clean(driver)
    env = cli_env(neo4j_server, source)

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return run_cli(env, "sync", *args, timeout=600)

    first = run("--format", "json")
    assert first.returncode == 0, first.stderr
    import json

    assert json.loads(first.stdout)["mode"] == "full"
    with psycopg.connect(source, autocommit=True) as pg:
        pg.execute(CHANGES)
    second = json.loads(run("--format", "json").stdout)
    assert second["mode"] == "incremental" and second["status"] == "completed"
    assert second["labels"]["Skill"]["created"] == 1
    assert "password" not in json.dumps(second)


def test_killing_neo4j_mid_sync_then_rerunning_gives_the_fresh_import(source, tmp_path):
    """Its own server, so killing it does not disturb the rest of the suite."""
    from vivim_graph.neo4j_db import make_driver
    from vivim_graph.servers.local_neo4j import LocalNeo4j
    from vivim_graph.settings import load_settings

    settings = load_settings(
        VIVIM_STATE_DIR=TEST_STATE_DIR / "crash",
        VIVIM_NEO4J_BOLT_PORT=CRASH_BOLT_PORT,
        VIVIM_NEO4J_HTTP_PORT=CRASH_HTTP_PORT,
        VIVIM_NEO4J_HEAP="512m",
        VIVIM_NEO4J_PAGECACHE="128m",
        VIVIM_NEO4J_VERSION=TEST_NEO4J_VERSION,
        NEO4J_PASSWORD=SecretStr("crash-test-pass"),
        NEO4J_URI=None,
    )
    server = LocalNeo4j(settings, home=tmp_path / "neo4j")
    env = {
        **os.environ,
        "NEO4J_URI": f"neo4j://127.0.0.1:{CRASH_BOLT_PORT}",
        "NEO4J_PASSWORD": "crash-test-pass",
        "DATABASE_URL": source,
        "VIVIM_STATE_DIR": str(TEST_STATE_DIR / "crash"),
    }
    try:
        server.start(echo=lambda _: None)
        first = run_cli(env, "sync", timeout=900)
        assert first.returncode == 0, first.stderr
        with psycopg.connect(source, autocommit=True) as pg:
            pg.execute(CHANGES)
            # ~1,000 changed rows, so a sync in batches of 5 is still running when killed
            for table in (
                "salary_benchmarks",
                "daily_metrics",
                "reputation_events",
                "authentication_log",
                "backup_records",
            ):
                pg.execute(f"UPDATE {table} SET updated_at = updated_at")
        syncing = subprocess.Popen(
            [sys.executable, "-m", "vivim_graph", "sync", "--batch-size", "5"],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        # Kill once it writes (it holds the writer lock), not after a fixed wait: on busy
        # cores a fixed wait killed Neo4j before the sync had even connected.
        with make_driver(settings) as watcher:
            assert wait_until_holding(watcher, syncing.pid), syncing.communicate()[1]
        time.sleep(0.5)
        assert syncing.poll() is None, "the sync finished before the kill: nothing tested"
        os.kill(server.pid(), signal.SIGKILL)
        killed_at = time.monotonic()
        _, err = syncing.communicate(timeout=300)
        # one clear message within seconds, not minutes of driver retries and a crash
        assert time.monotonic() - killed_at < 45
        assert syncing.returncode == 1, err
        assert "Neo4j stopped answering" in err and "Nothing is lost" in err
        assert "position was not advanced" in err and "run `vivim-graph sync` again" in err
        assert "crashed" not in err and err.count("retried") == 0
        server.stop()
        server.start(echo=lambda _: None)
        rerun = run_cli(env, "sync", timeout=900)
        assert rerun.returncode == 0, rerun.stderr
        driver = make_driver(settings)
        try:
            recovered = graph_checksum(driver)
            failed = driver.execute_query(
                "MATCH (r:SyncRun) RETURN collect(r.status) AS s", database_="neo4j"
            ).records[0]["s"]
            assert recovered == fresh_checksum(driver, source)
        finally:
            driver.close()
        assert "completed" in failed
    finally:
        server.stop()
