"""The Kafka path (issue 16): PostgreSQL -> Debezium (Kafka Connect) -> Kafka -> the
consumer -> Neo4j ends with exactly the graph a fresh import of PostgreSQL gives.

Everything is real and started here from Maven Central jars: a single-node Kafka (KRaft),
Kafka Connect standalone running the Debezium PostgreSQL connector configured by
``load.debezium`` from the graph model, and a PostgreSQL of its own with
``wal_level=logical`` listening on TCP (Debezium's JDBC driver cannot use the Unix socket
the session's embedded server listens on).
"""

from __future__ import annotations

import json
import os
import random
import signal
import time
import uuid

import psycopg
import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.graph_helpers import graph_checksum, run_sync, run_wal
from tests.kafka_pipeline import (
    TOPIC_PREFIX,
    TOPICS,
    Pipeline,
    caught_up,
    consume_all,
    in_step,
    popen_sync,
)
from tests.servers import cli_env
from tests.sync_helpers import (
    EDIT,
    Edits,
    differential,
    edit_randomly,
    fresh_import_keeping_position,
    kill_while_writing,
    restore,
    snapshot,
)
from vivim_graph.load.debezium import model_topics
from vivim_graph.load.wal_capture import teardown
from vivim_graph.model.spec import load_model

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def pipeline(driver, kafka_pipeline) -> Pipeline:
    """The session's Kafka path, with the graph level with PostgreSQL (a fresh import)."""
    in_step(driver, kafka_pipeline)
    return kafka_pipeline


def kafka_env(neo4j_server, pipeline: Pipeline) -> dict[str, str]:
    return cli_env(neo4j_server, pipeline.url)


# ----------------------------------------------------------------- the tests
def test_random_edits_through_kafka_give_the_fresh_import(driver, pipeline):
    """Differential: after each random sequence of SQL edits, Debezium -> Kafka -> the
    consumer gives exactly the graph a fresh import gives."""
    pg = psycopg.connect(pipeline.url, autocommit=True)
    edits = Edits(pg)
    rounds: list[tuple[int, int]] = []

    @differential("VIVIM_KAFKA_EXAMPLES", 5)
    @given(st.lists(EDIT, min_size=8, max_size=30))
    def sequence(steps):
        applied = sum(edits.apply(*step) for step in steps)
        caught_up(pipeline)
        result = consume_all(driver, pipeline)
        assert result.summary.status == "completed"
        synced = graph_checksum(driver)
        assert synced == fresh_import_keeping_position(driver, pipeline.url), steps
        rounds.append((applied, result.events))

    try:
        sequence()
    finally:
        pg.close()
    print(f"kafka differential: {len(rounds)} sequences, (edits, events) {rounds}")
    assert len(rounds) >= 3 and sum(a for a, _ in rounds) >= 20, edits.refused.most_common()
    assert all(events > 0 for _, events in rounds)  # the events did come through Kafka


def test_the_same_edits_give_one_graph_by_triggers_wal_kafka_and_a_fresh_import(driver, pipeline):
    """Differential over all four paths: the same random edits, once in PostgreSQL; from
    the same starting graph the trigger sync, the WAL sync and the Kafka consumer each give
    exactly the graph a fresh import gives."""
    url = pipeline.url
    assert run_sync(driver, url).status == "completed"  # triggers installed (full the 1st time)
    assert run_wal(driver, url).status == "completed"  # the slot and publication too
    caught_up(pipeline)
    consume_all(driver, pipeline)  # the Kafka group level with the others
    fresh_import_keeping_position(driver, url)
    pg = psycopg.connect(url, autocommit=True)
    edits = Edits(pg)
    rounds: list[int] = []

    @differential("VIVIM_FOUR_PATHS_EXAMPLES", 2)
    @given(st.lists(EDIT, min_size=8, max_size=30))
    def sequence(steps):
        before = snapshot(driver)
        applied = sum(edits.apply(*step) for step in steps)
        caught_up(pipeline)
        graphs = {}
        for path, run in (
            ("triggers", lambda: run_sync(driver, url)),
            ("wal", lambda: run_wal(driver, url)),
        ):
            summary = run()
            assert (summary.mode, summary.status) == ("incremental", "completed"), path
            graphs[path] = graph_checksum(driver)
            restore(driver, before)
        assert consume_all(driver, pipeline).summary.status == "completed"
        graphs["kafka"] = graph_checksum(driver)
        fresh = fresh_import_keeping_position(driver, url)
        assert graphs == dict.fromkeys(graphs, fresh), steps
        rounds.append(applied)

    try:
        sequence()
    finally:
        pg.close()
        with psycopg.connect(url) as conn:
            teardown(conn)  # the slot would keep WAL for the rest of the session
    print(f"four paths: {len(rounds)} sequences, {sum(rounds)} edits applied")
    assert rounds and sum(rounds) >= 8, edits.refused.most_common()


def test_kill_9_of_the_consumer_then_rerun_converges(driver, pipeline, neo4j_server):
    """The consumer killed with SIGKILL at a random point of a write: its batch was not
    committed, so the rerun applies it again and ends with the fresh import's graph."""
    trials = int(os.environ.get("VIVIM_KAFKA_KILL_TRIALS", "3"))
    rng = random.Random(16)
    env = kafka_env(neo4j_server, pipeline)
    pg = psycopg.connect(pipeline.url, autocommit=True)
    edits = Edits(pg)
    killed = 0
    try:
        for trial in range(trials):
            edit_randomly(rng, edits, most=20)  # and 25 tables rewritten: more to write
            caught_up(pipeline)
            args = ["--from-kafka", pipeline.bootstrap, "--topics", TOPICS, "--group", "vivim-test"]
            consumer = popen_sync(env, *args, "--batch-size", "2", "--stop-when-idle", "30")
            mid_run = kill_while_writing(driver, consumer, rng, longest=1.5, timeout=60)
            killed += mid_run
            rerun = consume_all(driver, pipeline)
            assert rerun.summary.status == "completed", trial
            assert rerun.events > 0 or not mid_run, trial  # what was killed is not committed
            synced = graph_checksum(driver)
            assert synced == fresh_import_keeping_position(driver, pipeline.url), trial
    finally:
        pg.close()
    print(f"kafka kill -9: {trials} trials, {killed} killed mid-run")
    assert killed >= max(1, trials // 2)


def _members(admin, group: str) -> list[set[str]]:
    """The topics assigned to each member of the group."""
    (future,) = admin.describe_consumer_groups([group]).values()
    description = future.result(timeout=30)
    return [{p.topic for p in member.assignment.topic_partitions} for member in description.members]


def _group_done(pipeline: Pipeline, group: str, timeout: float = 120) -> None:
    """Wait until the group has committed every partition of the model's topics to its end."""
    from confluent_kafka import Consumer, TopicPartition

    # A consumer that never subscribes does not join the group: it only reads its offsets.
    reader = Consumer({"bootstrap.servers": pipeline.bootstrap, "group.id": group})
    parts = [TopicPartition(t, 0) for t in model_topics(load_model(), TOPIC_PREFIX)]
    try:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ends = reader.offsets_for_times([TopicPartition(t.topic, 0, -1) for t in parts], 30)
            done = {t.topic: t.offset for t in reader.committed(parts, timeout=30)}
            if all(e.offset <= 0 or done.get(e.topic, -1) >= e.offset for e in ends):
                return
            time.sleep(0.5)
    finally:
        reader.close()
    raise AssertionError(f"group {group} did not commit every partition to its end")


def test_two_consumers_in_one_group_split_the_tables(driver, pipeline, neo4j_server):
    """Two members of one group: each gets its own tables, together they apply every
    change, and the graph is the fresh import's."""
    group = f"vivim-split-{uuid.uuid4().hex[:6]}"
    env = kafka_env(neo4j_server, pipeline)
    # This group's first member reads what the other tests left; the two below start after.
    consume_all(driver, pipeline, group=group, stop_when_idle=1.0)
    args = ["--from-kafka", pipeline.bootstrap, "--topics", TOPICS, "--group", group]
    members = [popen_sync(env, *args, "--format", "json") for _ in range(2)]
    from confluent_kafka.admin import AdminClient

    admin = AdminClient({"bootstrap.servers": pipeline.bootstrap})
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        assigned = _members(admin, group)
        if len(assigned) == 2 and all(assigned):
            break
        time.sleep(0.5)
    else:
        pytest.fail(f"the two consumers did not both get tables: {assigned}")
    assert not assigned[0] & assigned[1]
    changed = set()
    with psycopg.connect(pipeline.url, autocommit=True) as pg:
        for node in load_model().nodes:  # every row changes: both members have work
            if pg.execute(f'UPDATE "{node.table}" SET id = id').rowcount:
                changed.add(node.table)
    caught_up(pipeline)
    _group_done(pipeline, group)
    for member in members:
        member.send_signal(signal.SIGTERM)  # stops cleanly, then prints its summary
    outputs = [json.loads(m.communicate(timeout=120)[0]) for m in members]
    assert all(o["events"] > 0 for o in outputs), outputs
    tables = [set(o["tables"]) for o in outputs]
    assert tables[0] and tables[1] and not tables[0] & tables[1], tables
    assert changed <= tables[0] | tables[1]
    synced = graph_checksum(driver)
    assert synced == fresh_import_keeping_position(driver, pipeline.url)
