"""The Kafka path's servers for the tests (issue 16): a PostgreSQL with ``wal_level=logical``
on TCP, a single-node Kafka (KRaft) and Kafka Connect running the Debezium connector, all
from Maven Central jars, started once a session (``kafka_pipeline`` in tests/conftest.py)
and shared by test_kafka_path.py and test_kafka_kills.py. Debezium's JDBC driver cannot use
the Unix socket the session's embedded server listens on, hence a PostgreSQL of its own.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg

from tests.servers import TEST_STATE_DIR, worker_port
from tests.sync_helpers import fresh_import_keeping_position, shrink
from vivim_graph.load.debezium import connector_config, model_topics, topic_name
from vivim_graph.load.kafka_sync import consume
from vivim_graph.load.sync import replicated_tables
from vivim_graph.model.spec import load_model
from vivim_graph.servers.kafka import LocalKafka, create_topics
from vivim_graph.settings import load_settings
from vivim_graph.sources.postgres import ensure_database, with_database
from vivim_graph.sources.relational import load_seeds

KAFKA_PORT = worker_port("VIVIM_TEST_KAFKA_PORT", 17092)  # +1 controller, +2 Connect
PG_PORT = worker_port("VIVIM_TEST_KAFKA_PG_PORT", 17433)
TOPIC_PREFIX = "vivimtest"
TOPICS = rf"{TOPIC_PREFIX}\.public\..*"
SLOT = "vivim_debezium"
GROUP = "vivim-test"


@dataclass(frozen=True)
class Pipeline:
    url: str  # the PostgreSQL Debezium reads
    bootstrap: str
    home: Path
    kafka: LocalKafka  # to kill and restart the broker or Connect
    connector: dict[str, str]  # the connector configuration Connect runs


# ----------------------------------------------------------------- a logical PostgreSQL
def start_logical_postgres(data_dir: Path, port: int):
    """pgserver's PostgreSQL 16, restarted with wal_level=logical on 127.0.0.1:port."""
    import pgserver
    from pgserver._commands import pg_ctl

    server = pgserver.get_server(data_dir, cleanup_mode=None)  # initdb, as its owner
    user = server.system_user
    server.cleanup_mode = "stop"
    server.cleanup()
    options = (
        f"-h 127.0.0.1 -p {port} -c unix_socket_directories='' -c wal_level=logical "
        "-c max_wal_senders=4 -c max_replication_slots=4 "
        # not durable, as tests/servers.py TEST_PG_DURABILITY says why
        "-c fsync=off -c full_page_writes=off"
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
        done["stop_pg"] = start_logical_postgres(home / "pg", PG_PORT)
        admin = f"postgresql://postgres@127.0.0.1:{PG_PORT}/postgres"
        ensure_database(admin, "vivim_kafka")
        url = with_database(admin, "vivim_kafka")
        load_seeds(url)
        shrink(url)  # a few rows a table: a fresh import in seconds
        done["url"] = url
    except BaseException as e:  # reported by the fixture, in the main thread
        done["error"] = e


def wait_for_slot(url: str, timeout: float = 120) -> None:
    """Until Debezium's replication slot is active (its task streams from it)."""
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


@contextmanager
def started_pipeline(driver) -> Iterator[Pipeline]:
    """PostgreSQL and the broker start side by side, then Connect; stopped at the end."""
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
    loader.start()
    try:
        local.start_broker(echo=lambda _: None)
        model = load_model()
        create_topics(local.bootstrap, model_topics(model, TOPIC_PREFIX))
        loader.join()
        if "error" in source:
            raise source["error"]
        config = connector_config(model, source["url"], topic_prefix=TOPIC_PREFIX, slot=SLOT)
        local.start_connect(config, echo=lambda _: None)
        wait_for_slot(source["url"])
        yield Pipeline(source["url"], local.bootstrap, home, local, config)
    finally:
        loader.join()
        local.stop()
        if "stop_pg" in source:
            source["stop_pg"]()
        shutil.rmtree(home, ignore_errors=True)


# ----------------------------------------------------------------- helpers
def wait_until_serving(pipeline: Pipeline, timeout: float = 180) -> None:
    """Until the broker leads every partition of the model's topics again (a restarted
    broker opens its port before it has taken up its partitions)."""
    from confluent_kafka import KafkaException
    from confluent_kafka.admin import AdminClient

    admin = AdminClient({"bootstrap.servers": pipeline.bootstrap})
    wanted = model_topics(load_model(), TOPIC_PREFIX)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            topics = admin.list_topics(timeout=10).topics
        except KafkaException:
            topics = {}
        led = [
            t in topics
            and topics[t].error is None
            and all(p.leader >= 0 and p.error is None for p in topics[t].partitions.values())
            for t in wanted
        ]
        if all(led):
            return
        time.sleep(0.5)
    raise AssertionError("the restarted broker did not lead its partitions in time")


def caught_up(pipeline: Pipeline, timeout: float = 120) -> None:
    """Return once Debezium has published the changes committed so far.

    A last, harmless transaction follows the edits: one row of every non-empty replicated
    table rewritten as it is. This waits until each of those tables' topics holds its
    event. Debezium reads the WAL in order and a partition keeps the order it was sent
    in, so each topic's earlier events are there too. One probe topic is not enough:
    Connect's producer packs partitions into requests of at most 1 MB, rotating which
    comes first, so a large change set can reach one topic before another (seen in CI).
    (The slot's confirmed position is no guide either: Debezium confirms a transaction's
    LSN only once a later one arrives.)
    """
    from confluent_kafka import Consumer, TopicPartition

    probe = Consumer({"bootstrap.servers": pipeline.bootstrap, "group.id": "vivim-probe"})
    deadline = time.monotonic() + timeout
    try:
        with psycopg.connect(pipeline.url) as pg:
            tables = [
                (table, key[0])
                for table, key in replicated_tables(load_model())
                if pg.execute(f'SELECT 1 FROM "{table}" LIMIT 1').fetchone()
            ]
            parts = {t: TopicPartition(topic_name(TOPIC_PREFIX, t), 0) for t, _ in tables}
            before = {t: _high_watermark(probe, p, deadline) for t, p in parts.items()}
            for table, column in tables:
                pg.execute(
                    f'UPDATE "{table}" SET "{column}" = "{column}" '
                    f'WHERE ctid = (SELECT ctid FROM "{table}" LIMIT 1)'
                )
            pg.commit()
        waiting = set(parts)
        while time.monotonic() < deadline:
            waiting = {
                t for t in waiting if _high_watermark(probe, parts[t], deadline) <= before[t]
            }
            if not waiting:
                return
            time.sleep(0.3)
    finally:
        probe.close()
    raise AssertionError(f"Debezium did not publish the changes in time: {sorted(waiting)}")


def _high_watermark(probe, partition, deadline: float) -> int:
    """The partition's end offset; a broker that has just restarted may answer "not leader"
    for a while after it lists itself as leader, so that is retried until ``deadline``."""
    from confluent_kafka import KafkaError, KafkaException

    passing = (
        KafkaError.NOT_LEADER_FOR_PARTITION,
        KafkaError.LEADER_NOT_AVAILABLE,
        KafkaError._TRANSPORT,
        KafkaError._TIMED_OUT,
    )
    while True:
        try:
            return probe.get_watermark_offsets(partition, timeout=30)[1]
        except KafkaException as e:
            error = e.args[0]
            if not (error.retriable() or error.code() in passing):
                raise
            if time.monotonic() > deadline:
                raise
            time.sleep(0.5)


def consume_all(driver, pipeline: Pipeline, group: str = GROUP, **options):
    """Consume in process until every assigned partition is read and idle."""
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


def in_step(driver, pipeline: Pipeline) -> tuple[int, int, str]:
    """Bring the graph and the group's offsets level with PostgreSQL: whatever an earlier
    module left (a cleaned graph, unread events), after this the next consume starts from
    a graph equal to a fresh import. Returns its checksum."""
    caught_up(pipeline)
    consume_all(driver, pipeline)
    return fresh_import_keeping_position(driver, pipeline.url)


def popen_sync(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vivim_graph", "sync", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
