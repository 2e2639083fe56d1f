"""The Kafka path: apply Debezium change events from Kafka with the sync's own code.

For pipelines that already run PostgreSQL logical decoding -> Debezium -> Kafka. Each event
becomes what a change-log entry is on the trigger path: a table and a key. The row's
*current* state is then re-read from PostgreSQL and written by ``load.sync.apply_changes``
(validation, exact money, MERGE or delete), so applying an event twice, or late, is harmless.

At least once, never lost: offsets are committed only after the batch's graph writes
succeeded. A consumer killed at any point leaves its batch uncommitted, and the rerun (or
another member of the group) applies it again.

Several consumers in one group split the tables: each table is one topic (one partition),
and the cooperative-sticky assignment spreads the partitions over the members. Because a
table's events may then be applied before the events of the tables it refers to, a created
row also re-applies the rows that refer to it (``add_referrers``): a relationship whose
target node did not exist yet when its source row was written is made once the target is.
Graph writes stay one at a time: each batch holds the graph's writer lock, as a sync does.

Event format: Kafka Connect's JSON converter, with or without the schema envelope.
Tombstones (a null value after a delete) carry nothing the delete did not: they are
counted and skipped. TRUNCATE (op ``t``) reconciles the table by key, as on the trigger path.
"""

from __future__ import annotations

import json
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any

import neo4j
import psycopg
from psycopg import sql

from vivim_graph.errors import RowValidationError, VivimGraphError
from vivim_graph.load.sync import (
    NEO4J_GONE,
    Interrupt,
    Stopped,
    SyncSummary,
    apply_changes,
    expand_truncated,
    neo4j_stopped,
    replicated_tables,
)
from vivim_graph.load.writer_lock import WriterBusy, writer_lock
from vivim_graph.model.cypher import apply_constraints
from vivim_graph.model.spec import GraphModel
from vivim_graph.servers.kafka import kafka_client
from vivim_graph.settings import Settings

Changes = dict[str, list[dict[str, Any]]]
COMMAND = "sync --from-kafka"


class KafkaSyncError(VivimGraphError):
    """Kafka could not be read, or an event cannot be applied."""


@dataclass
class KafkaSyncResult:
    summary: SyncSummary
    events: int = 0
    tombstones: int = 0
    ignored: int = 0  # events of tables the model does not replicate
    batches: int = 0
    uncommitted: int = 0  # batches applied whose offsets a rebalance kept from committing
    tables: set[str] = field(default_factory=set)

    def describe(self) -> str:
        s = self.summary
        return (
            f"Kafka: {self.events} events ({self.tombstones} tombstones, {self.ignored} of "
            f"tables outside the model) in {self.batches} batches from {len(self.tables)} "
            f"tables; {s.changes_read} changed keys applied; status {s.status}"
            + (
                f"; {self.uncommitted} batches left uncommitted by a rebalance (applied again "
                "later, harmlessly)"
                if self.uncommitted
                else ""
            )
        )


# ----------------------------------------------------------------- events -> changes
@dataclass(frozen=True)
class Event:
    table: str
    op: str  # c (create), r (snapshot read), u, d, t (truncate)
    before: dict[str, Any] | None
    after: dict[str, Any] | None


def decode_event(value: bytes | None, topic: str) -> Event | None:
    """One Debezium change event; None for a tombstone."""
    if not value:
        return None
    try:
        payload = json.loads(value)
    except ValueError as e:
        raise KafkaSyncError(
            f"topic {topic}: a message is not JSON ({e})",
            hint="configure the connector with the JSON converter "
            "(value.converter=org.apache.kafka.connect.json.JsonConverter)",
        ) from e
    if isinstance(payload, dict) and "schema" in payload and "payload" in payload:
        payload = payload["payload"]  # the converter's schema envelope
    if not isinstance(payload, dict) or "op" not in payload or "source" not in payload:
        raise KafkaSyncError(
            f"topic {topic}: a message is not a Debezium change event (no op/source)",
            hint="point --topics at the Debezium connector's table topics only",
        )
    return Event(
        table=str(payload["source"].get("table")),
        op=str(payload["op"]),
        before=payload.get("before"),
        after=payload.get("after"),
    )


def _key_of(table: str, columns: tuple[str, ...], image: dict[str, Any], op: str) -> dict:
    key = {c: image.get(c) for c in columns}
    missing = [c for c, v in key.items() if v is None]
    if missing:
        error = RowValidationError(
            f"{table}: a Debezium '{op}' event carries no value for key column "
            f"{', '.join(missing)}, so the row it changed cannot be told. Run ALTER TABLE "
            f'public."{table}" REPLICA IDENTITY FULL (see `vivim-graph kafka-config`)',
            table=table,
            key=key,
            column=missing[0],
        )
        error.hint = "then resync once with `vivim-graph sync --full`"
        raise error
    return key


@dataclass
class EventBatch:
    changes: Changes = field(default_factory=dict)
    truncated: set[str] = field(default_factory=set)
    created: dict[str, list[Any]] = field(default_factory=dict)  # node table -> new keys
    ignored: int = 0


def events_to_changes(events: Iterable[Event], model: GraphModel) -> EventBatch:
    """Distinct changed keys per table, as ``read_changes`` gives them on the trigger path:
    the old key of a delete or a key move, the new key of an insert or update."""
    keys = dict(replicated_tables(model))
    nodes = {n.table for n in model.nodes}
    found: dict[str, dict[str, dict]] = defaultdict(dict)
    created: dict[str, dict[str, Any]] = defaultdict(dict)
    batch = EventBatch()
    for event in events:
        if event.table not in keys:
            batch.ignored += 1
            continue
        if event.op == "t":
            batch.truncated.add(event.table)
            continue
        for image in (event.before, event.after):
            if image:
                key = _key_of(event.table, keys[event.table], image, event.op)
                found[event.table][json.dumps(key, sort_keys=True, default=str)] = key
        if event.op in ("c", "r") and event.table in nodes and event.after:
            key = _key_of(event.table, keys[event.table], event.after, event.op)
            created[event.table][json.dumps(key, default=str)] = key
    batch.changes = {t: list(k.values()) for t, k in found.items()}
    batch.created = {
        t: [k[keys[t][0]] for k in v.values()] for t, v in created.items() if len(keys[t]) == 1
    }
    return batch


def add_referrers(conn: psycopg.Connection, model: GraphModel, batch: EventBatch) -> int:
    """Add to the changes every row that refers to a row created in this batch; return how
    many. Their relationships were written (or skipped) while the target node was missing
    when another consumer, or an earlier batch, applied them first."""
    added = 0
    ends = [(n.table, n.key, r.columns[0], r.target) for n in model.nodes for r in n.references]
    ends += [
        (j.table, (j.source.columns[0], j.target.columns[0], *j.merge_on), e.columns[0], e.table)
        for j in model.joins
        for e in (j.source, j.target)
    ]
    for table, key, column, target in ends:
        new = batch.created.get(target)
        if not new:
            continue
        query = sql.SQL("SELECT {k} FROM {t} WHERE {c}::text = ANY(%s)").format(
            k=sql.SQL(", ").join(sql.Identifier(k) for k in key),
            t=sql.Identifier(table),
            c=sql.Identifier(column),
        )
        rows = conn.execute(query, ([str(k) for k in new],)).fetchall()
        if not rows:
            continue
        current = {
            json.dumps(k, sort_keys=True, default=str): k for k in batch.changes.get(table, [])
        }
        for row in rows:
            k = json.loads(json.dumps(dict(zip(key, row, strict=True)), default=str))
            text = json.dumps(k, sort_keys=True, default=str)
            if text not in current:
                current[text] = k
                added += 1
        batch.changes[table] = list(current.values())
    conn.commit()
    return added


# ----------------------------------------------------------------- applying a batch
def apply_batch(
    driver: neo4j.Driver,
    conn: psycopg.Connection,
    model: GraphModel,
    batch: EventBatch,
    summary: SyncSummary,
    *,
    database: str,
    batch_size: int,
    interrupt: Interrupt,
    waiting: Callable[[str], None] = lambda _: None,
) -> None:
    """Write one batch of changes under the writer lock (queueing behind another writer)."""
    with writer_lock(
        driver, database, COMMAND, wait=True, waiting=waiting, cancelled=lambda: interrupt.requested
    ):
        replicated = set(dict(replicated_tables(model)))
        expand_truncated(
            driver, conn, model, batch.changes, batch.truncated & replicated, database=database
        )
        add_referrers(conn, model, batch)
        summary.changes_read += sum(len(v) for v in batch.changes.values())
        apply_changes(
            driver,
            conn,
            model,
            batch.changes,
            summary,
            database=database,
            batch_size=batch_size,
            interrupt=interrupt,
            progress=lambda *_: None,
        )


def consumer_config(bootstrap: str, group: str) -> dict[str, Any]:
    return {
        "bootstrap.servers": bootstrap,
        "group.id": group,
        "enable.auto.commit": False,  # committed by hand, after the graph write
        "auto.offset.reset": "earliest",  # a new group starts at the oldest event kept
        # spreads single-partition topics (one a table) over the members of the group
        "partition.assignment.strategy": "cooperative-sticky",
        # a pattern subscription notices topics created later (a new table) within seconds
        "topic.metadata.refresh.interval.ms": 5000,
        # a member killed without leaving holds its tables until this expires (default 45 s)
        "session.timeout.ms": 10_000,
        "heartbeat.interval.ms": 2_000,
    }


def _pattern(topics: str) -> str:
    """librdkafka treats a topic name starting with ^ as a regular expression."""
    return topics if topics.startswith("^") else f"^{topics}"


def _commit(consumer, offsets: dict[tuple[str, int], int], result: KafkaSyncResult) -> None:
    from confluent_kafka import KafkaException, TopicPartition

    if not offsets:
        return
    try:
        consumer.commit(
            offsets=[TopicPartition(t, p, o + 1) for (t, p), o in offsets.items()],
            asynchronous=False,
        )
    except KafkaException:
        # A rebalance took some of these partitions meanwhile: their new owner starts from
        # the last committed offset and applies these events again (idempotent).
        result.uncommitted += 1


def _poll(consumer, count: int) -> list:
    from confluent_kafka import KafkaError

    messages = consumer.consume(num_messages=count, timeout=1.0)
    good = []
    for message in messages:
        error = message.error()
        if error is None:
            good.append(message)
        elif error.code() not in (KafkaError._PARTITION_EOF, KafkaError.UNKNOWN_TOPIC_OR_PART):
            raise KafkaSyncError(
                f"Kafka: {error.str()}",
                hint="check --from-kafka (the bootstrap servers) and that the broker runs",
            )
    return good


# ----------------------------------------------------------------- the consumer
def consume(
    driver: neo4j.Driver,
    conn: psycopg.Connection,
    model: GraphModel,
    *,
    bootstrap: str,
    topics: str,
    group: str,
    database: str = "neo4j",
    batch_size: int = 5000,
    stop_when_idle: float | None = None,
    interrupt: Interrupt | None = None,
    waiting: Callable[[str], None] = lambda _: None,
) -> KafkaSyncResult:
    """Consume and apply until interrupted, or until ``stop_when_idle`` seconds pass with
    no event once partitions are assigned."""
    Consumer = kafka_client().Consumer

    interrupt = interrupt or Interrupt()
    summary = _new_summary(bootstrap, group)
    result = KafkaSyncResult(summary)
    consumer = Consumer(consumer_config(bootstrap, group))
    consumer.subscribe([_pattern(topics)])
    run = _Consuming(
        driver, conn, model, consumer, result, database, batch_size, interrupt, waiting
    )
    idle_since = time.monotonic()
    try:
        while not interrupt.requested:
            messages = _poll(consumer, min(batch_size, 10_000))
            if messages:
                idle_since = time.monotonic()
                _handle(run, messages)
            elif _idle_enough(consumer, idle_since, stop_when_idle):
                break
    except Stopped:
        summary.stopped_early = True
    except WriterBusy:
        if not interrupt.requested:  # gave up queueing for the lock because of Ctrl-C
            raise
    except NEO4J_GONE as e:
        raise neo4j_stopped(e, f"vivim-graph {COMMAND}") from e
    finally:
        consumer.close()  # leaves the group at once: its tables go to the other members
    summary.stopped_early = summary.stopped_early or interrupt.requested
    summary.status = "interrupted" if summary.stopped_early else "completed"
    summary.ended_at = time.time()
    return result


def _new_summary(bootstrap: str, group: str) -> SyncSummary:
    return SyncSummary(
        run_id=uuid.uuid4().hex,
        mode="kafka",
        source=f"kafka {bootstrap} group {group}",
        started_at=time.time(),
    )


def _idle_enough(consumer, idle_since: float, stop_when_idle: float | None) -> bool:
    """Idle for ``stop_when_idle`` seconds with nothing left to read in any assigned
    partition. A member that never gets a partition (more members than tables) gives up
    30 s later."""
    if stop_when_idle is None:
        return False
    idle = time.monotonic() - idle_since
    if idle < stop_when_idle:
        return False
    assignment = consumer.assignment()
    if not assignment:
        return idle >= stop_when_idle + 30
    return _nothing_left(consumer, assignment)


def _nothing_left(consumer, assignment) -> bool:
    """Every assigned partition read to its end. A partition this member consumed from has
    a position; one it has not (empty, or read to the end by an earlier member) is judged
    by the group's committed offset, else its first offset (auto.offset.reset=earliest),
    against the broker's high watermark."""
    unread = [tp for tp in consumer.position(assignment) if tp.offset < 0]
    if not unread:
        return True  # fetching from every partition, and nothing came for a while
    from confluent_kafka import TopicPartition

    def where(tps) -> dict[tuple[str, int], int]:
        return {(tp.topic, tp.partition): tp.offset for tp in tps}

    # One request each, for all partitions: ListOffsets at "timestamp" -2 (first) / -1 (end).
    committed = where(consumer.committed(unread, timeout=30))
    first = where(
        consumer.offsets_for_times(
            [TopicPartition(t.topic, t.partition, -2) for t in unread], timeout=30
        )
    )
    end = where(
        consumer.offsets_for_times(
            [TopicPartition(t.topic, t.partition, -1) for t in unread], timeout=30
        )
    )
    for key, high in end.items():
        start = committed.get(key, -1)
        if (start if start >= 0 else first.get(key, 0)) < high:
            return False
    return True


@dataclass
class _Consuming:
    """What one consumer run applies with, handed to each batch."""

    driver: neo4j.Driver
    conn: psycopg.Connection
    model: GraphModel
    consumer: Any
    result: KafkaSyncResult
    database: str
    batch_size: int
    interrupt: Interrupt
    waiting: Callable[[str], None]
    constraints: bool = False  # applied once, before the first write


def _handle(run: _Consuming, messages: list) -> None:
    """Apply one polled batch, then commit its offsets."""
    offsets: dict[tuple[str, int], int] = {}
    events = []
    result = run.result
    for message in messages:
        where = (message.topic(), message.partition())
        offsets[where] = max(offsets.get(where, -1), message.offset())
        event = decode_event(message.value(), message.topic())
        if event is None:
            result.tombstones += 1
        else:
            events.append(event)
            result.tables.add(event.table)
    result.events += len(messages)
    batch = events_to_changes(events, run.model)
    result.ignored += batch.ignored
    if batch.changes or batch.truncated:
        if not run.constraints:
            apply_constraints(run.driver, run.model, run.database)
            run.constraints = True
        apply_batch(
            run.driver,
            run.conn,
            run.model,
            batch,
            result.summary,
            database=run.database,
            batch_size=run.batch_size,
            interrupt=run.interrupt,
            waiting=run.waiting,
        )
    _commit(run.consumer, offsets, result)
    result.batches += 1


def run_from_kafka(
    settings: Settings,
    *,
    bootstrap: str,
    topics: str,
    group: str,
    stop_when_idle: float | None = None,
    echo: Callable[[str], None] = lambda _: None,
) -> KafkaSyncResult:
    """`vivim-graph sync --from-kafka`: consume until Ctrl-C / SIGTERM (which finish the
    current batch) or until idle, from the PostgreSQL the events came from."""
    from vivim_graph.model.spec import load_model
    from vivim_graph.neo4j_db import open_driver
    from vivim_graph.settings import check_neo4j_uri
    from vivim_graph.sources.postgres import connect, resolve_database_url

    check_neo4j_uri(settings.bolt_uri)
    model = load_model()
    url = resolve_database_url(settings)
    interrupt = Interrupt()
    with interrupt.armed(), open_driver(settings) as driver, connect(url) as conn:
        return consume(
            driver,
            conn,
            model,
            bootstrap=bootstrap,
            topics=topics,
            group=group,
            database=settings.neo4j_database,
            batch_size=settings.batch_size,
            stop_when_idle=stop_when_idle,
            interrupt=interrupt,
            waiting=echo,
        )
