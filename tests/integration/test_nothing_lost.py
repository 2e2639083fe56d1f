"""Nothing lost, whatever operators do (issue 18): one writer at a time, no capture gap,
the same validation on every path, a deep check that proves a replica equal, and clean
stops. Every test compares with a fresh import into a clean graph, or with PostgreSQL."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
import uuid

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.graph_helpers import clean, fresh_checksum, graph_checksum, run_sync
from tests.servers import cli_env, run_cli
from tests.sync_helpers import (
    EDIT,
    Edits,
    differential,
    fresh_import_keeping_position,
    kill_9_trials,
    popen,
    sql,
    wait_until_holding,
)
from vivim_graph.errors import RowValidationError
from vivim_graph.load.sync import CaptureGap, read_state
from vivim_graph.sources.postgres import redact

pytestmark = pytest.mark.integration


@pytest.fixture
def source(seeded_scratch_db: str) -> str:
    return seeded_scratch_db


# ----------------------------------------------------------------- one writer at a time
def test_import_and_sync_started_together_end_equal_to_a_fresh_sync(driver, source, neo4j_server):
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


def test_without_wait_the_second_writer_is_refused_and_writes_nothing(driver, source, neo4j_server):
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


def test_a_disabled_trigger_is_refused_by_sync_and_reported_by_doctor(driver, source, neo4j_server):
    clean(driver)
    run_sync(driver, source)
    sql(source, "ALTER TABLE skills DISABLE TRIGGER vivim_capture")
    sql(
        source,
        "UPDATE skills SET name = 'edited while nobody logged it' WHERE id = "
        "(SELECT min(id) FROM skills)",
    )
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


def test_an_ordinary_role_writes_business_tables_but_cannot_edit_the_change_log(driver, source):
    clean(driver)
    run_sync(driver, source)
    role = f"clerk_{uuid.uuid4().hex[:8]}"
    sql(source, f"CREATE ROLE {role} LOGIN")
    try:
        sql(source, f"GRANT USAGE ON SCHEMA public TO {role}")
        sql(
            source, f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role}"
        )
        sql(source, f"GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO {role}")
        clerk = psycopg.conninfo.make_conninfo(source, user=role, password=None)
        with psycopg.connect(clerk, autocommit=True) as pg:
            pg.execute(
                "UPDATE skills SET name = name || ' (clerk)' WHERE id = "
                "(SELECT min(id) FROM skills)"
            )
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
    pair = sql(
        source,
        "SELECT role_id, skill_id, required_level FROM role_skills "
        "ORDER BY role_id, skill_id LIMIT 1",
    )[0]
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
    # a foreign key's relationship holds only provenance: a property added to one shows too
    driver.execute_query(
        "MATCH (:TeamMember)-[x:BASED_IN]->(:Location) WITH x LIMIT 1 SET x.planted_fk = 7",
        database_="neo4j",
    )
    plain = run_cli(env, "check")
    assert plain.returncode == 0  # keys and counts still agree: only values differ
    deep = run_cli(env, "check", "--deep")
    assert deep.returncode == 1
    assert "Skill" in deep.stdout and "planted" in deep.stdout and skill[1] in deep.stdout
    assert "required_level" in deep.stdout
    assert str(pair[2]) in deep.stdout and str(pair[2] + 1) in deep.stdout
    assert "BASED_IN" in deep.stdout and "planted_fk" in deep.stdout


# ----------------------------------------------------------------- same validation
def test_a_dangling_foreign_key_in_an_incremental_sync_is_refused_before_any_write(
    driver, source, neo4j_server
):
    clean(driver)
    run_sync(driver, source)
    sql(source, "ALTER TABLE team_members DROP CONSTRAINT team_members_location_id_fkey")
    member = sql(source, "SELECT id FROM team_members ORDER BY id LIMIT 1")[0][0]
    # an earlier table's change first: nothing of it may be written either
    sql(
        source,
        "UPDATE locations SET name = name || ' (moved)' WHERE id = (SELECT min(id) FROM locations)",
    )
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
    sql(
        source,
        "UPDATE team_members SET location_id = (SELECT min(id) FROM locations) WHERE id = %s",
        member,
    )
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
    sql(
        source,
        "INSERT INTO role_skills (role_id, skill_id, required_level, is_mandatory) "
        "VALUES (%s, 999999, 1, false)",
        role,
    )
    before = graph_checksum(driver)
    with pytest.raises(RowValidationError, match="skill_id = 999999 refers to no row of skills"):
        run_sync(driver, source)
    assert graph_checksum(driver) == before
    sql(source, "DELETE FROM role_skills WHERE skill_id = 999999")
    sql(source, "ALTER TABLE role_skills ALTER COLUMN role_id DROP NOT NULL")
    sql(
        source,
        "INSERT INTO role_skills (role_id, skill_id, required_level, is_mandatory) "
        "VALUES (NULL, (SELECT min(id) FROM skills), 1, false)",
    )
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
        _, err = watch.communicate(timeout=60)
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
    # Every row of every table with an updated_at column changes: thousands of rows to write.
    sql(
        source,
        """DO $$ DECLARE t text; BEGIN
             FOR t IN SELECT table_name FROM information_schema.columns
                      WHERE table_schema = 'public' AND column_name = 'updated_at' LOOP
               EXECUTE format('UPDATE %I SET updated_at = updated_at', t);
             END LOOP; END $$""",
    )
    syncing = popen(env, "sync", "--batch-size", "1", "--format", "json")
    # Signal as soon as it holds the writer lock: with one row a batch, thousands of batches
    # are still to come, however fast the machine.
    assert wait_until_holding(driver, syncing.pid), "the sync never took the writer lock"
    time.sleep(0.5)
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


@pytest.fixture
def small_source(small_scratch_db: str) -> str:
    return small_scratch_db


def test_random_edit_sequences_sync_incrementally_to_the_fresh_import(driver, small_source):
    """Differential: after each random sequence of SQL edits, the incremental sync gives
    exactly the graph a fresh import gives (counts at the end: how many edits applied)."""
    clean(driver)
    assert run_sync(driver, small_source).mode == "full"
    pg = psycopg.connect(small_source, autocommit=True)
    edits = Edits(pg)
    rounds: list[int] = []

    @differential("VIVIM_DIFFERENTIAL_EXAMPLES", 15)
    # At least 8 edits a sequence: how long hypothesis makes a list varies between runs, and
    # a run of one-edit sequences would prove little.
    @given(st.lists(EDIT, min_size=8, max_size=40))
    def sequence(steps):
        applied = sum(edits.apply(*step) for step in steps)
        summary = run_sync(driver, small_source)
        assert summary.mode == "incremental" and summary.status == "completed"
        synced = graph_checksum(driver)
        assert synced == fresh_import_keeping_position(driver, small_source), steps
        rounds.append(applied)

    try:
        sequence()
    finally:
        pg.close()
    print(f"differential: {len(rounds)} sequences, {sum(rounds)} edits applied")
    # the sequences did edit the database
    assert len(rounds) >= 10 and sum(rounds) >= 50, edits.refused.most_common()


def test_kill_9_of_full_and_incremental_syncs_then_rerun_equals_a_fresh_import(
    driver, small_source, neo4j_server
):
    """At least ten trials: a sync process killed with SIGKILL at a random point, rerun,
    compared with a fresh import. Every third trial kills a full sync."""
    clean(driver)
    env = cli_env(neo4j_server, small_source)
    assert run_sync(driver, small_source).status == "completed"
    trials, killed_mid_run = kill_9_trials(
        driver,
        small_source,
        env,
        ["sync", "--batch-size", "2"],
        lambda: run_sync(driver, small_source),
        seed=18,
    )
    print(f"kill -9: {trials} trials, {killed_mid_run} killed mid-run")
    assert trials >= 10 and killed_mid_run >= trials // 2
