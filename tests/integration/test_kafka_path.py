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
import shutil
import signal
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import psycopg
import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from tests.graph_helpers import graph_checksum
from tests.integration.test_nothing_lost import (
    EDIT,
    Edits,
    fresh_import_keeping_position,
    shrink,
)
from tests.servers import TEST_STATE_DIR, cli_env, worker_port
from vivim_graph.load.debezium import connector_config, model_topics
from vivim_graph.load.kafka_sync import consume
from vivim_graph.model.spec import load_model
from vivim_graph.servers.kafka import LocalKafka, create_topics
from vivim_graph.settings import load_settings
from vivim_graph.sources.postgres import ensure_database, with_database
from vivim_graph.sources.relational import load_seeds

pytestmark = pytest.mark.integration

KAFKA_PORT = worker_port("VIVIM_TEST_KAFKA_PORT", 17092)  # +1 controller, +2 Connect
PG_PORT = worker_port("VIVIM_TEST_KAFKA_PG_PORT", 17433)
TOPIC_PREFIX = "vivimtest"
TOPICS = rf"{TOPIC_PREFIX}\.public\..*"
SLOT = "vivim_debezium"


@dataclass(frozen=True)
class Pipeline:
    url: str  # the PostgreSQL Debezium reads
    bootstrap: str
    home: Path


# ----------------------------------------------------------------- a logical PostgreSQL
def _start_logical_postgres(data_dir: Path, port: int):
    """pgserver's PostgreSQL 16, restarted with wal_level=logical on 127.0.0.1:port."""
    import pgserver
    from pgserver._commands import pg_ctl

    server = pgserver.get_server(data_dir, cleanup_mode=None)  # initdb, as its owner
    user = server.system_user
    server.cleanup_mode = "stop"
    server.cleanup()
    options = (
        f"-h 127.0.0.1 -p {port} -c unix_socket_directories='' -c wal_level=logical "
        "-c max_wal_senders=4 -c max_replication_slots=4"
    )
    pg_ctl(
        ["-w", "-o", options, "-l", str(data_dir / "log"), "start"],
        pgdata=data_dir,
        user=user,
        timeout=120,
    )
    return lambda: pg_ctl(["-w", "-m", "fast", "stop"], pgdata=data_dir, user=user, timeout=60)


def _prepare_source(home: Path, done: dict) -> None:
    try:
        done["stop_pg"] = _start_logical_postgres(home / "pg", PG_PORT)
        admin = f"postgresql://postgres@127.0.0.1:{PG_PORT}/postgres"
        ensure_database(admin, "vivim_kafka")
        url = with_database(admin, "vivim_kafka")
        load_seeds(url)
        shrink(url)  # a few rows a table: a fresh import in seconds
        done["url"] = url
    except BaseException as e:  # reported by the fixture, in the main thread
        done["error"] = e


def _wait_for_slot(url: str, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with psycopg.connect(url, autocommit=True) as pg:
            row = pg.execute(
                "SELECT active FROM pg_replication_slots WHERE slot_name = %s", (SLOT,)
            ).fetchone()
        if row and row[0]:
            return
        time.sleep(0.5)
    raise AssertionError(f"Debezium did not open replication slot {SLOT}")


@pytest.fixture(scope="module")
def pipeline(driver) -> Iterator[Pipeline]:
    home = TEST_STATE_DIR / f"kafka-{uuid.uuid4().hex[:8]}"
    (home / "pg").mkdir(parents=True)
    kafka_settings = load_settings(
        VIVIM_STATE_DIR=home,
        VIVIM_KAFKA_PORT=KAFKA_PORT,
        VIVIM_KAFKA_CONTROLLER_PORT=KAFKA_PORT + 1,
        VIVIM_KAFKA_CONNECT_PORT=KAFKA_PORT + 2,
    )
    local = LocalKafka(kafka_settings)
    source: dict = {}
    loader = threading.Thread(target=_prepare_source, args=(home, source))
    loader.start()  # PostgreSQL and the broker start side by side
    try:
        local.start_broker(echo=lambda _: None)
        model = load_model()
        create_topics(local.bootstrap, model_topics(model, TOPIC_PREFIX))
        loader.join()
        if "error" in source:
            raise source["error"]
        config = connector_config(model, source["url"], topic_prefix=TOPIC_PREFIX, slot=SLOT)
        local.start_connect(config, echo=lambda _: None)
        _wait_for_slot(source["url"])
        # The graph starts as a fresh import made after the slot exists (snapshot no_data):
        # every later change reaches Kafka.
        fresh_import_keeping_position(driver, source["url"])
        yield Pipeline(url=source["url"], bootstrap=local.bootstrap, home=home)
    finally:
        loader.join()
        local.stop()
        if "stop_pg" in source:
            source["stop_pg"]()
        shutil.rmtree(home, ignore_errors=True)


# ----------------------------------------------------------------- helpers
def caught_up(pipeline: Pipeline, timeout: float = 120) -> None:
    """Return once Debezium has published the changes committed so far.

    A last, harmless change (a row rewritten as it is) follows the edits, and this waits
    until its event is in Kafka: Debezium reads the WAL in order and Connect's producer
    sends in order, so the events before it are there too. (The slot's confirmed position
    is no guide: Debezium confirms a transaction's LSN only once a later one arrives.)
    """
    from confluent_kafka import Consumer, TopicPartition

    topic = f"{TOPIC_PREFIX}.public.locations"
    probe = Consumer({"bootstrap.servers": pipeline.bootstrap, "group.id": "vivim-probe"})
    try:
        _, before = probe.get_watermark_offsets(TopicPartition(topic, 0), timeout=30)
        with psycopg.connect(pipeline.url, autocommit=True) as pg:
            pg.execute(
                'UPDATE "locations" SET id = id WHERE id = (SELECT min(id) FROM "locations")'
            )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            _, high = probe.get_watermark_offsets(TopicPartition(topic, 0), timeout=30)
            if high > before:
                return
            time.sleep(0.3)
    finally:
        probe.close()
    raise AssertionError("Debezium did not publish the changes in time")


def consume_all(driver, pipeline: Pipeline, group: str = "vivim-test", **options):
    with psycopg.connect(pipeline.url) as conn:
        return consume(
            driver,
            conn,
            load_model(),
            bootstrap=pipeline.bootstrap,
            topics=TOPICS,
            group=group,
            stop_when_idle=options.pop("stop_when_idle", 1.5),
            **options,
        )


def kafka_env(neo4j_server, pipeline: Pipeline) -> dict[str, str]:
    return cli_env(neo4j_server, pipeline.url)


def popen_sync(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vivim_graph", "sync", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# ----------------------------------------------------------------- the tests
def test_random_edits_through_kafka_give_the_fresh_import(driver, pipeline):
    """Differential: after each random sequence of SQL edits, Debezium -> Kafka -> the
    consumer gives exactly the graph a fresh import gives."""
    pg = psycopg.connect(pipeline.url, autocommit=True)
    edits = Edits(pg)
    rounds: list[tuple[int, int]] = []

    @settings(
        max_examples=int(os.environ.get("VIVIM_KAFKA_EXAMPLES", "5")),
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )
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


def _wait_until_holding(driver, pid: int, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        held = driver.execute_query(
            "MATCH (l:VivimWriterLock) WHERE l.owner IS NOT NULL RETURN l.pid AS p",
            database_="neo4j",
        ).records
        if held and held[0]["p"] == pid:
            return True
        time.sleep(0.05)
    return False


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
            for _ in range(rng.randint(5, 20)):
                edits.apply(rng.choice(Edits.KINDS), *(rng.randint(0, 10_000) for _ in range(3)))
            for table in rng.sample([n.table for n in edits.nodes], 25):  # more to write
                pg.execute(f'UPDATE "{table}" SET id = id')
            caught_up(pipeline)
            args = ["--from-kafka", pipeline.bootstrap, "--topics", TOPICS, "--group", "vivim-test"]
            consumer = popen_sync(env, *args, "--batch-size", "2", "--stop-when-idle", "30")
            if _wait_until_holding(driver, consumer.pid):
                time.sleep(rng.uniform(0.0, 1.5))
            mid_run = consumer.poll() is None
            if mid_run:
                consumer.kill()
                killed += 1
            consumer.communicate(timeout=60)
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
