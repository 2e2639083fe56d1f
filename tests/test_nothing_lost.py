"""Nothing lost, whatever operators do (issue 18): one writer at a time, no capture gap,
the same validation on every path, a deep check that proves a replica equal, and clean
stops. Every test compares with a fresh import into a clean graph, or with PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import uuid

import neo4j
import psycopg
import pytest

from tests.graph_helpers import graph_checksum
from tests.servers import cli_env, run_cli
from vivim_graph.errors import RowValidationError
from vivim_graph.importer import import_graph
from vivim_graph.model import load_model
from vivim_graph.postgres import redact
from vivim_graph.relational import load_seeds
from vivim_graph.sync import CaptureGap, read_state, sync_once

pytestmark = pytest.mark.integration


def clean(driver: neo4j.Driver) -> None:
    driver.execute_query(
        "MATCH (n) WHERE NOT n:VivimTestSession DETACH DELETE n", database_="neo4j"
    )


def run_sync(driver, url: str, **options):
    with psycopg.connect(url) as conn:
        return sync_once(driver, conn, load_model(), source=redact(url), **options)


def fresh_checksum(driver, url: str):
    """The graph a fresh import of the database gives, in a clean graph."""
    clean(driver)
    with psycopg.connect(url) as conn:
        import_graph(driver, conn, load_model())
    return graph_checksum(driver)


def sql(url: str, statement: str, *params) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as pg:
        cursor = pg.execute(statement, params or None)
        return cursor.fetchall() if cursor.description else []


def popen(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vivim_graph", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture
def source(scratch_db: str) -> str:
    load_seeds(scratch_db)
    return scratch_db


# ----------------------------------------------------------------- one writer at a time
def test_import_and_sync_started_together_end_equal_to_a_fresh_sync(
    driver, source, neo4j_server
):
    clean(driver)
    env = cli_env(neo4j_server, source)
    sql(source, "UPDATE skills SET name = name || ' (v2)' WHERE id = (SELECT min(id) FROM skills)")
    # Without the lock each run's sweep deleted the nodes the other had just stamped.
    runs = [popen(env, "import", "--wait"), popen(env, "sync", "--full", "--wait")]
    outputs = [run.communicate(timeout=900) for run in runs]
    for run, (_, err) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, err
    together = graph_checksum(driver)
    assert together[0] > 5000  # the whole seed database, not what a sweep left over
    assert together == fresh_checksum(driver, source)


def test_without_wait_the_second_writer_is_refused_and_writes_nothing(
    driver, source, neo4j_server
):
    clean(driver)
    env = cli_env(neo4j_server, source)
    first = popen(env, "import")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:  # until the import holds the lock
        held = driver.execute_query(
            "MATCH (l:VivimWriterLock) WHERE l.owner IS NOT NULL RETURN l.command AS c",
            database_="neo4j",
        ).records
        if held:
            break
        time.sleep(0.1)
    assert held and held[0]["c"] == "import"
    second = run_cli(env, "sync", timeout=300)
    first.communicate(timeout=900)
    assert first.returncode == 0
    assert second.returncode == 1
    assert "another vivim-graph writer is running" in second.stderr
    assert "`import`" in second.stderr and "--wait" in second.stderr
    runs = driver.execute_query("MATCH (r:SyncRun) RETURN count(r) AS c", database_="neo4j")
    assert runs.records[0]["c"] == 0  # the refused sync did not even start a run
    assert graph_checksum(driver) == fresh_checksum(driver, source)


# ----------------------------------------------------------------- no capture gap
def test_truncate_is_captured_and_swept(driver, source):
    clean(driver)
    run_sync(driver, source)
    sql(source, "TRUNCATE agent_alerts, role_skills")
    sql(
        source,
        "INSERT INTO role_skills (role_id, skill_id, required_level, is_mandatory) "
        "SELECT (SELECT min(id) FROM roles), (SELECT min(id) FROM skills), 2, true",
    )
    second = run_sync(driver, source)
    assert second.mode == "incremental" and second.status == "completed"
    assert second.labels["AgentAlert"].deleted > 0
    left = driver.execute_query(
        "MATCH (n:AgentAlert) RETURN count(n) AS c", database_="neo4j"
    ).records[0]["c"]
    assert left == 0
    assert graph_checksum(driver) == fresh_checksum(driver, source)


def test_a_disabled_trigger_is_refused_by_sync_and_reported_by_doctor(
    driver, source, neo4j_server
):
    clean(driver)
    run_sync(driver, source)
    sql(source, "ALTER TABLE skills DISABLE TRIGGER vivim_capture")
    sql(source, "UPDATE skills SET name = 'edited while nobody logged it' WHERE id = "
        "(SELECT min(id) FROM skills)")
    before, position = graph_checksum(driver), read_state(driver, "neo4j", redact(source))
    with pytest.raises(CaptureGap, match="skills: trigger vivim_capture is disabled") as error:
        run_sync(driver, source)
    assert "sync --full" in (error.value.hint or "")
    assert graph_checksum(driver) == before
    assert read_state(driver, "neo4j", redact(source)) == position
    env = cli_env(neo4j_server, source)
    refused = run_cli(env, "sync")
    assert refused.returncode == 1
    assert "skills" in refused.stderr and "sync --full" in refused.stderr
    doctor = run_cli(env, "doctor")
    assert doctor.returncode == 1
    assert "[FAIL] capture" in doctor.stdout and "skills" in doctor.stdout
    # the recovery the message names
    repaired = run_cli(env, "sync", "--full")
    assert repaired.returncode == 0, repaired.stderr
    assert run_cli(env, "doctor").returncode == 0
    synced = graph_checksum(driver)
    assert synced == fresh_checksum(driver, source)


def test_a_dropped_trigger_is_refused_not_silently_reinstalled(driver, source):
    clean(driver)
    run_sync(driver, source)
    sql(source, "DROP TRIGGER vivim_capture_truncate ON agent_alerts")
    sql(source, "DROP TRIGGER vivim_capture ON role_skills")
    with pytest.raises(CaptureGap) as error:
        run_sync(driver, source)
    assert "agent_alerts: trigger vivim_capture_truncate is missing" in str(error.value)
    assert "role_skills: trigger vivim_capture is missing" in str(error.value)
    assert run_sync(driver, source, full=True).status == "completed"
    assert run_sync(driver, source).status == "completed"  # triggers back in place


def test_an_ordinary_role_writes_business_tables_but_cannot_edit_the_change_log(
    driver, source
):
    clean(driver)
    run_sync(driver, source)
    role = f"clerk_{uuid.uuid4().hex[:8]}"
    sql(source, f"CREATE ROLE {role} LOGIN")
    try:
        sql(source, f"GRANT USAGE ON SCHEMA public TO {role}")
        sql(source, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}")
        sql(source, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}")
        clerk = psycopg.conninfo.make_conninfo(source, user=role, password=None)
        with psycopg.connect(clerk, autocommit=True) as pg:
            pg.execute("UPDATE skills SET name = name || ' (clerk)' WHERE id = "
                       "(SELECT min(id) FROM skills)")
            pg.execute("DELETE FROM agent_alerts WHERE id = (SELECT max(id) FROM agent_alerts)")
            for edit in (
                "DELETE FROM vivim_sync.change_log",
                "UPDATE vivim_sync.change_log SET table_name = 'nothing'",
                "TRUNCATE vivim_sync.change_log",
                "INSERT INTO vivim_sync.change_log (table_name, row_key, op) "
                "VALUES ('skills', '{}', 'T')",
            ):
                with pytest.raises(psycopg.errors.InsufficientPrivilege):
                    pg.execute(edit)
        logged = sql(source, "SELECT count(*) FROM vivim_sync.change_log")[0][0]
        assert logged >= 2  # the clerk's edits were logged, through the trigger
        second = run_sync(driver, source)
        assert second.labels["AgentAlert"].deleted == 1
        assert graph_checksum(driver) == fresh_checksum(driver, source)
    finally:
        sql(source, f"DROP OWNED BY {role}")
        sql(source, f"DROP ROLE {role}")


def test_log_entries_for_tables_outside_the_model_are_reported(driver, source, neo4j_server):
    clean(driver)
    run_sync(driver, source)
    sql(
        source,
        "INSERT INTO vivim_sync.change_log (table_name, row_key, op) "
        "VALUES ('not_in_the_model', '{\"id\": 1}', 'I')",
    )
    doctor = run_cli(cli_env(neo4j_server, source), "doctor")
    assert doctor.returncode == 1 and "not_in_the_model" in doctor.stdout
    second = run_sync(driver, source)
    assert second.status == "completed"
    assert any("not_in_the_model" in w for w in second.warnings)


# ----------------------------------------------------------------- check --deep
def test_check_deep_finds_a_value_planted_by_a_direct_cypher_edit(driver, source, neo4j_server):
    clean(driver)
    env = cli_env(neo4j_server, source)
    assert run_cli(env, "sync").returncode == 0
    assert run_cli(env, "check", "--deep").returncode == 0
    skill = sql(source, "SELECT id, name FROM skills ORDER BY id LIMIT 1")[0]
    pair = sql(source, "SELECT role_id, skill_id, required_level FROM role_skills "
               "ORDER BY role_id, skill_id LIMIT 1")[0]
    driver.execute_query(
        "MATCH (s:Skill {id: $id}) SET s.name = 'planted'", id=skill[0], database_="neo4j"
    )
    driver.execute_query(
        "MATCH (:Role {id: $r})-[x:REQUIRES_SKILL]->(:Skill {id: $s}) "
        "SET x.required_level = x.required_level + 1",
        r=pair[0],
        s=pair[1],
        database_="neo4j",
    )
    plain = run_cli(env, "check")
    assert plain.returncode == 0  # keys and counts still agree: only values differ
    deep = run_cli(env, "check", "--deep")
    assert deep.returncode == 1
    assert "Skill" in deep.stdout and "planted" in deep.stdout and skill[1] in deep.stdout
    assert "required_level" in deep.stdout
    assert str(pair[2]) in deep.stdout and str(pair[2] + 1) in deep.stdout


# ----------------------------------------------------------------- same validation
def test_a_dangling_foreign_key_in_an_incremental_sync_is_refused_before_any_write(
    driver, source, neo4j_server
):
    clean(driver)
    run_sync(driver, source)
    sql(source, "ALTER TABLE team_members DROP CONSTRAINT team_members_location_id_fkey")
    member = sql(source, "SELECT id FROM team_members ORDER BY id LIMIT 1")[0][0]
    # an earlier table's change first: nothing of it may be written either
    sql(source, "UPDATE locations SET name = name || ' (moved)' WHERE id = "
        "(SELECT min(id) FROM locations)")
    sql(source, "UPDATE team_members SET location_id = 424242 WHERE id = %s", member)
    before, position = graph_checksum(driver), read_state(driver, "neo4j", redact(source))
    with pytest.raises(RowValidationError) as error:
        run_sync(driver, source)
    assert (error.value.table, error.value.key, error.value.column) == (
        "team_members",
        member,
        "location_id",
    )
    assert "424242" in str(error.value) and "refers to no row of locations" in str(error.value)
    assert graph_checksum(driver) == before
    assert read_state(driver, "neo4j", redact(source)) == position
    cli = run_cli(cli_env(neo4j_server, source), "sync")
    assert cli.returncode == 1
    assert "team_members" in cli.stderr and "location_id" in cli.stderr
    sql(source, "UPDATE team_members SET location_id = NULL WHERE id = %s", member)
    assert run_sync(driver, source).status == "completed"
    assert graph_checksum(driver) == fresh_checksum(driver, source)


def test_a_dangling_join_end_and_a_null_join_key_are_refused(driver, source):
    clean(driver)
    run_sync(driver, source)
    constraints = sql(
        source,
        "SELECT conname FROM pg_constraint WHERE conrelid = 'role_skills'::regclass "
        "AND contype IN ('f', 'p')",
    )
    for (name,) in constraints:
        sql(source, f'ALTER TABLE role_skills DROP CONSTRAINT "{name}"')
    role = sql(source, "SELECT min(id) FROM roles")[0][0]
    sql(source, "INSERT INTO role_skills (role_id, skill_id, required_level, is_mandatory) "
        "VALUES (%s, 999999, 1, false)", role)
    before = graph_checksum(driver)
    with pytest.raises(RowValidationError, match="skill_id = 999999 refers to no row of skills"):
        run_sync(driver, source)
    assert graph_checksum(driver) == before
    sql(source, "DELETE FROM role_skills WHERE skill_id = 999999")
    sql(source, "ALTER TABLE role_skills ALTER COLUMN role_id DROP NOT NULL")
    sql(source, "INSERT INTO role_skills (role_id, skill_id, required_level, is_mandatory) "
        "VALUES (NULL, (SELECT min(id) FROM skills), 1, false)")
    with pytest.raises(RowValidationError, match="column role_id is missing") as error:
        run_sync(driver, source)
    assert (error.value.table, error.value.column) == ("role_skills", "role_id")
    assert graph_checksum(driver) == before


# ----------------------------------------------------------------- clean stops
def _wait_for(run: subprocess.Popen[str], text: str, timeout: float) -> str:
    """Lines of the process's stdout until one holds ``text``."""
    seen = ""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        line = run.stdout.readline()  # type: ignore[union-attr]
        seen += line
        if text in line:
            return seen
        if not line and run.poll() is not None:
            break
    raise AssertionError(f"{text!r} never printed; got {seen!r}")


def test_sigterm_stops_watch_cleanly_between_runs(driver, source, neo4j_server):
    clean(driver)
    env = cli_env(neo4j_server, source)
    watch = popen(env, "sync", "--watch", "1", "--format", "json")
    try:
        _wait_for(watch, '"status": "completed"', 600)
        time.sleep(1.5)  # now between runs, outside any batch
        watch.send_signal(signal.SIGTERM)
        out, err = watch.communicate(timeout=60)
    finally:
        if watch.poll() is None:
            watch.kill()
    assert watch.returncode == 0, err
    assert "crashed" not in err


def test_sigterm_during_a_sync_finishes_the_batch_and_the_rerun_completes(
    driver, source, neo4j_server
):
    clean(driver)
    env = cli_env(neo4j_server, source)
    assert run_cli(env, "sync").returncode == 0
    for table in ("salary_benchmarks", "daily_metrics", "reputation_events"):
        sql(source, f"UPDATE {table} SET updated_at = updated_at")
    syncing = popen(env, "sync", "--batch-size", "5", "--format", "json")
    time.sleep(6)
    assert syncing.poll() is None, "the sync finished before the signal: nothing tested"
    syncing.send_signal(signal.SIGTERM)
    out, err = syncing.communicate(timeout=120)
    assert syncing.returncode == 0, err
    assert json.loads(out)["status"] == "interrupted"
    statuses = driver.execute_query(
        "MATCH (r:SyncRun) RETURN collect(r.status) AS s", database_="neo4j"
    ).records[0]["s"]
    assert "interrupted" in statuses
    assert run_sync(driver, source).status == "completed"
    assert graph_checksum(driver) == fresh_checksum(driver, source)


def test_killed_writer_does_not_keep_the_lock(driver, source, neo4j_server):
    """A kill -9 leaves the lock node claimed; the next writer on this machine takes it."""
    clean(driver)
    env = cli_env(neo4j_server, source)
    killed = popen(env, "sync", "--batch-size", "20")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        held = driver.execute_query(
            "MATCH (l:VivimWriterLock) WHERE l.owner IS NOT NULL RETURN l.pid AS p",
            database_="neo4j",
        ).records
        if held:
            break
        time.sleep(0.1)
    assert held and held[0]["p"] == killed.pid
    os.kill(killed.pid, signal.SIGKILL)
    killed.communicate(timeout=30)
    started = time.monotonic()
    assert run_sync(driver, source).status == "completed"
    assert time.monotonic() - started < 120
    assert graph_checksum(driver) == fresh_checksum(driver, source)
