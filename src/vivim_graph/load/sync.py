"""Keep the graph in step with a live PostgreSQL: full first, then incremental.

Change capture, and why it is correct under concurrent writes
-------------------------------------------------------------
Triggers on every replicated table append ``(table, key, op, txid)`` to
``vivim_sync.change_log``. ``txid`` is the writing transaction's id (``xid8``), not a
timestamp or a sequence, because those are taken when a row is written while a transaction
becomes visible only when it commits: a plain ``updated_at`` or sequence watermark skips a
transaction that began before a sync and committed after it.

Each run records the ``xmin`` of a snapshot taken *before* it reads anything. Every
transaction with a smaller id had finished by then, so the run saw its effects. The next run
reads the log from that watermark on, which includes every transaction that was still in
flight (the overlap window). Entries seen twice are harmless: applying a change re-reads the
row's *current* state and MERGEs it (or deletes it when the row is gone), so it is
idempotent. The watermark moves forward in the last write transaction of a run, so a run
that dies midway leaves the old one and the rerun redoes the work: the final graph is the
same as after an uninterrupted run.

Tables without the trigger (no privilege to create it, or a table added later) are still
covered by ``--full``: a full import with a sweep, which finds deletes by key.

Only one sync runs at a time: it holds a PostgreSQL advisory lock for its whole run.
"""

from __future__ import annotations

import contextlib
import json
import signal
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

import neo4j
import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from vivim_graph.errors import VivimGraphError
from vivim_graph.load.importer import (
    Tally,
    _write_many,
    import_graph,
    join_write_query,
    node_write_query,
    reference_write_query,
)
from vivim_graph.model.cypher import apply_constraints
from vivim_graph.model.rows import join_row, key_of, node_row, validate_row
from vivim_graph.model.spec import GraphModel, JoinSpec, NodeSpec, quote

LOCK_KEY = 740_213_555  # pg advisory lock id of `vivim-graph sync`
CAPTURE_SCHEMA = "vivim_sync"


class SyncBusy(VivimGraphError):
    """Another sync holds the lock."""


@dataclass
class SyncSummary:
    run_id: str
    mode: str  # "full" or "incremental"
    source: str
    started_at: float
    ended_at: float = 0.0
    status: str = "running"
    dry_run: bool = False
    changes_read: int = 0
    labels: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    relationships: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    plan: dict[str, dict[str, int]] = field(default_factory=dict)
    stopped_early: bool = False

    def as_dict(self) -> dict[str, Any]:
        def tallies(items: dict[str, Tally]) -> dict[str, dict[str, int]]:
            return {
                k: {
                    "created": t.created,
                    "updated": max(t.rows - t.created, 0),
                    "deleted": t.deleted,
                }
                for k, t in sorted(items.items())
            }

        return {
            "run_id": self.run_id,
            "mode": self.mode,
            "source": self.source,
            "status": self.status,
            "dry_run": self.dry_run,
            "seconds": round(self.ended_at - self.started_at, 3),
            "changes_read": self.changes_read,
            "labels": tallies(self.labels),
            "relationships": tallies(self.relationships),
            "plan": self.plan,
            "stopped_early": self.stopped_early,
        }


# ----------------------------------------------------------------- change capture
def install_capture(conn: psycopg.Connection, model: GraphModel) -> list[str]:
    """Create the change log and a trigger on every replicated table; return tables lacking
    one (no privilege), which only ``--full`` covers.

    Once installed it takes no lock at all: DDL such as CREATE INDEX IF NOT EXISTS would
    wait behind any open transaction that wrote to the log, stalling the sync.
    """
    row = conn.execute("SELECT to_regclass(%s) IS NOT NULL", (f"{CAPTURE_SCHEMA}.change_log",))
    if not row.fetchone()[0]:  # type: ignore[index]
        _create_change_log(conn)
    missing = _attach_triggers(conn, model)
    conn.commit()
    return missing


def _create_change_log(conn: psycopg.Connection) -> None:
    conn.execute(
        sql.SQL(
            """
        CREATE SCHEMA IF NOT EXISTS {s};
        CREATE TABLE IF NOT EXISTS {s}.change_log (
            id         bigserial PRIMARY KEY,
            table_name text  NOT NULL,
            row_key    jsonb NOT NULL,
            op         char(1) NOT NULL CHECK (op IN ('I', 'U', 'D')),
            txid       xid8  NOT NULL DEFAULT pg_current_xact_id(),
            logged_at  timestamptz NOT NULL DEFAULT clock_timestamp()
        );
        CREATE INDEX IF NOT EXISTS change_log_txid ON {s}.change_log (txid);
        CREATE OR REPLACE FUNCTION {s}.log_change() RETURNS trigger
        LANGUAGE plpgsql AS $$
        DECLARE
            new_key jsonb;
            old_key jsonb;
        BEGIN
            IF TG_OP <> 'DELETE' THEN
                SELECT jsonb_object_agg(k, to_jsonb(NEW) -> k) INTO new_key FROM unnest(TG_ARGV) k;
            END IF;
            IF TG_OP <> 'INSERT' THEN
                SELECT jsonb_object_agg(k, to_jsonb(OLD) -> k) INTO old_key FROM unnest(TG_ARGV) k;
            END IF;
            IF new_key IS NOT NULL THEN
                INSERT INTO {s}.change_log (table_name, row_key, op)
                VALUES (TG_TABLE_NAME, new_key, left(TG_OP, 1));
            END IF;
            -- A delete, or an update that moved the key: the old key is gone.
            IF old_key IS NOT NULL AND old_key IS DISTINCT FROM new_key THEN
                INSERT INTO {s}.change_log (table_name, row_key, op)
                VALUES (TG_TABLE_NAME, old_key, 'D');
            END IF;
            RETURN NULL;
        END;
        $$;
        """
        ).format(s=sql.Identifier(CAPTURE_SCHEMA))
    )


def _attach_triggers(conn: psycopg.Connection, model: GraphModel) -> list[str]:
    missing = []
    # One catalog query for every table, not one round trip per table on every run.
    tables = list(_replicated_tables(model))
    attached = {
        row[0]
        for row in conn.execute(
            "SELECT t.name FROM unnest(%s::text[]) AS t(name) JOIN pg_trigger g "
            "ON g.tgrelid = t.name::regclass AND g.tgname = 'vivim_capture'",
            ([table for table, _ in tables],),
        )
    }
    for table, key in tables:
        if table in attached:
            continue
        try:
            with conn.transaction():
                conn.execute(
                    sql.SQL(
                        "CREATE TRIGGER vivim_capture AFTER INSERT OR UPDATE OR DELETE ON {t} "
                        "FOR EACH ROW EXECUTE FUNCTION {s}.log_change({args})"
                    ).format(
                        t=sql.Identifier(table),
                        s=sql.Identifier(CAPTURE_SCHEMA),
                        args=sql.SQL(", ").join(sql.Literal(k) for k in key),
                    )
                )
        except psycopg.errors.InsufficientPrivilege:
            missing.append(table)
    return missing


def _replicated_tables(model: GraphModel) -> Iterator[tuple[str, tuple[str, ...]]]:
    for node in model.nodes:
        yield node.table, node.key
    for join in model.joins:
        yield join.table, (join.source.columns[0], join.target.columns[0], *join.merge_on)


def snapshot_xmin(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").fetchone()
    conn.commit()
    return int(row[0]) if row else 0


def read_changes(conn: psycopg.Connection, since: int) -> dict[str, list[dict[str, Any]]]:
    """Distinct changed keys per table, from the watermark on (the overlap window)."""
    changes: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            sql.SQL(
                "SELECT table_name, row_key FROM {}.change_log WHERE txid >= %s::text::xid8 "
                "ORDER BY id"
            ).format(sql.Identifier(CAPTURE_SCHEMA)),
            (str(since),),
        )
        for row in cur:
            key = row["row_key"]
            changes[row["table_name"]][json.dumps(key, sort_keys=True)] = key
    conn.commit()
    return {t: list(keys.values()) for t, keys in changes.items()}


def prune_log(conn: psycopg.Connection, below: int) -> None:
    conn.execute(
        sql.SQL("DELETE FROM {}.change_log WHERE txid < %s::text::xid8").format(
            sql.Identifier(CAPTURE_SCHEMA)
        ),
        (str(below),),
    )
    conn.commit()


# ----------------------------------------------------------------- state in the graph
def read_state(driver: neo4j.Driver, database: str, source: str) -> int | None:
    records, _, _ = driver.execute_query(
        "MATCH (s:SyncState {source: $source}) RETURN s.watermark AS w",
        source=source,
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    return int(records[0]["w"]) if records and records[0]["w"] is not None else None


_FINISH = cast(
    LiteralString,
    """
MERGE (s:SyncState {source: $source})
SET s.watermark = $watermark, s.last_run = $run, s.updated_at = datetime()
WITH s
MERGE (r:SyncRun {id: $run})
SET r += $props, r.started_at = datetime($started), r.ended_at = datetime()
MERGE (r)-[:OF_SOURCE]->(s)
""",
)


def _record_run(driver, database, summary: SyncSummary, watermark: int | None) -> None:
    props = {
        "mode": summary.mode,
        "status": summary.status,
        "source": summary.source,
        "changes_read": summary.changes_read,
        "counts": json.dumps(summary.as_dict()["labels"] | summary.as_dict()["relationships"]),
    }
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(summary.started_at))
    if watermark is None:  # a failed or partial run: record it, keep the old position
        driver.execute_query(
            "MERGE (r:SyncRun {id: $run}) SET r += $props, r.started_at = datetime($started), "
            "r.ended_at = datetime()",
            run=summary.run_id,
            props=props,
            started=started,
            database_=database,
        )
        return
    driver.execute_query(
        _FINISH,
        source=summary.source,
        watermark=watermark,
        run=summary.run_id,
        props=props,
        started=started,
        database_=database,
    )


# ----------------------------------------------------------------- applying changes
def _fetch_rows(
    conn: psycopg.Connection,
    table: str,
    key_columns: tuple[str, ...],
    columns: list[str],
    keys: list[dict[str, Any]],
) -> list[dict[str, Any]]:
    """Current rows for the given keys (one query per batch, keys as a JSON recordset)."""
    on = sql.SQL(" AND ").join(
        sql.SQL("t.{c}::text = k.{c}").format(c=sql.Identifier(c)) for c in key_columns
    )
    record = sql.SQL(", ").join(sql.SQL("{} text").format(sql.Identifier(c)) for c in key_columns)
    query = sql.SQL(
        "SELECT {cols} FROM {t} t JOIN jsonb_to_recordset(%s::jsonb) AS k({record}) ON {on}"
    ).format(
        cols=sql.SQL(", ").join(sql.SQL("t.{}").format(sql.Identifier(c)) for c in columns),
        t=sql.Identifier(table),
        record=record,
        on=on,
    )
    text_keys = [{k: None if v is None else str(v) for k, v in key.items()} for key in keys]
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(query, (json.dumps(text_keys),))
        return cur.fetchall()


def _node_batches(model: GraphModel, node: NodeSpec, conn, keys):
    """Upserts, reference rows and deletes for the changed keys of one node table.

    Keys come from the log as JSON (``to_jsonb``), so integers arrive as integers and
    ``key_of`` gives the same node key as for a row read from the table.
    """
    columns = list(
        dict.fromkeys(
            [p.column for p in node.properties] + [c for r in node.references for c in r.columns]
        )
    )
    rows = _fetch_rows(conn, node.table, node.key, columns, keys)
    for row in rows:
        validate_row(node.table, node.properties, node.key, row)
    present = {key_of(node.key, r) for r in rows}
    deletes = sorted({key_of(node.key, k) for k in keys} - present, key=str)
    upserts = [node_row(node, r) for r in rows]
    refs = [
        (
            ref,
            reference_write_query(model, node, ref),
            [{"key": key_of(node.key, r), "ref": r[ref.columns[0]]} for r in rows],
        )
        for ref in node.references
    ]
    return upserts, refs, deletes


def _delete_nodes_query(node: NodeSpec) -> LiteralString:
    return cast(
        LiteralString,
        f"UNWIND $keys AS k MATCH (n:{quote(node.label)} {{{quote(node.key_property)}: k}}) "
        "DETACH DELETE n",
    )


def _delete_join_query(model: GraphModel, join: JoinSpec) -> LiteralString:
    source = model.node_by_table[join.source.table]
    target = model.node_by_table[join.target.table]
    names = {p.column: p.name for p in join.properties}
    extra = "".join(f" AND r.{quote(names[c])} = row.{quote(c)}" for c in join.merge_on)
    return cast(
        LiteralString,
        f"UNWIND $rows AS row MATCH (a:{quote(source.label)} "
        f"{{{quote(source.key_property)}: row.source}})-[r:{quote(join.type)}]->"
        f"(b:{quote(target.label)} {{{quote(target.key_property)}: row.target}}) "
        f"WHERE true{extra} DELETE r",
    )


class _Interrupt:
    """Ctrl-C finishes the current batch, then stops cleanly."""

    def __init__(self) -> None:
        self.requested = False

    @contextmanager
    def armed(self) -> Iterator[None]:
        previous = signal.getsignal(signal.SIGINT)

        def handler(signum, frame):
            self.requested = True

        try:
            signal.signal(signal.SIGINT, handler)
        except ValueError:  # not the main thread: leave Ctrl-C as it is
            yield
            return
        try:
            yield
        finally:
            signal.signal(signal.SIGINT, previous)


def apply_changes(
    driver: neo4j.Driver,
    conn: psycopg.Connection,
    model: GraphModel,
    changes: dict[str, list[dict[str, Any]]],
    summary: SyncSummary,
    *,
    database: str,
    batch_size: int,
    interrupt: _Interrupt,
    progress: Callable[[str, int, int | None], None],
) -> None:
    """Nodes first, then their relationships, then join rows; deletes last."""
    run = summary.run_id
    node_deletes: list[tuple[NodeSpec, list[Any]]] = []
    pending_refs = []
    for node in model.nodes:
        keys = changes.get(node.table, [])
        for start in range(0, len(keys), batch_size):
            if interrupt.requested:
                summary.stopped_early = True
                return
            upserts, refs, deletes = _node_batches(
                model, node, conn, keys[start : start + batch_size]
            )
            conn.commit()
            if upserts:
                (counters,) = _write_many(
                    driver,
                    database,
                    [(node_write_query(node), {"rows": upserts, "table": node.table, "run": run})],
                )
                tally = summary.labels[node.label]
                tally.rows += len(upserts)
                tally.created += counters.nodes_created
            pending_refs.append((node, refs))
            node_deletes.append((node, deletes))
            progress(f"sync {node.label}", min(start + batch_size, len(keys)), len(keys))
    for node, refs in pending_refs:
        statements = [
            (query, {"rows": rows, "table": node.table, "run": run})
            for _, query, rows in refs
            if rows
        ]
        if statements:
            results = _write_many(driver, database, statements)
            for (ref, _, rows), counters in zip([r for r in refs if r[2]], results, strict=True):
                tally = summary.relationships[ref.type]
                tally.rows += sum(1 for r in rows if r["ref"] is not None)
                tally.created += counters.relationships_created
                tally.deleted += counters.relationships_deleted
    for join in model.joins:
        _apply_join(
            driver,
            conn,
            model,
            join,
            changes.get(join.table, []),
            summary,
            database=database,
            batch_size=batch_size,
        )
    for node, deletes in node_deletes:
        if deletes:
            (counters,) = _write_many(
                driver, database, [(_delete_nodes_query(node), {"keys": deletes})]
            )
            summary.labels[node.label].deleted += counters.nodes_deleted


def _apply_join(driver, conn, model, join: JoinSpec, keys, summary, *, database, batch_size):
    key_columns = (join.source.columns[0], join.target.columns[0], *join.merge_on)
    columns = list(dict.fromkeys([*key_columns, *[p.column for p in join.properties]]))
    tally = summary.relationships[join.type]
    for start in range(0, len(keys), batch_size):
        batch = keys[start : start + batch_size]
        rows = _fetch_rows(conn, join.table, key_columns, columns, batch)
        conn.commit()
        present = {tuple(str(r[c]) for c in key_columns) for r in rows}
        upserts = [join_row(join, r, key_columns[0], key_columns[1]) for r in rows]
        gone = [
            {
                "source": int(k[key_columns[0]]),
                "target": int(k[key_columns[1]]),
                **{c: k.get(c) for c in join.merge_on},
            }
            for k in batch
            if tuple(str(k[c]) for c in key_columns) not in present
        ]
        statements = []
        if upserts:
            statements.append(
                (
                    join_write_query(model, join),
                    {"rows": upserts, "table": join.table, "run": summary.run_id},
                )
            )
        if gone:
            statements.append((_delete_join_query(model, join), {"rows": gone}))
        if statements:
            results = _write_many(driver, database, statements)
            for counters in results:
                tally.created += counters.relationships_created
                tally.deleted += counters.relationships_deleted
            tally.rows += len(upserts)


# ----------------------------------------------------------------- planning (dry run)
def plan_changes(driver, conn, model, changes, *, database) -> dict[str, dict[str, int]]:
    """Creates, updates and deletes per label or relationship type; writes nothing."""
    plan: dict[str, dict[str, int]] = {}
    for node in model.nodes:
        keys = changes.get(node.table, [])
        if not keys:
            continue
        rows = _fetch_rows(conn, node.table, node.key, list(node.key), keys)
        conn.commit()
        present = [key_of(node.key, r) for r in rows]
        all_keys = [key_of(node.key, k) for k in keys]
        records, _, _ = driver.execute_query(
            cast(
                LiteralString,
                f"UNWIND $keys AS k MATCH (n:{quote(node.label)} "
                f"{{{quote(node.key_property)}: k}}) RETURN collect(k) AS found",
            ),
            keys=all_keys,
            database_=database,
            routing_=neo4j.RoutingControl.READ,
        )
        found = set(records[0]["found"])
        plan[node.label] = {
            "create": sum(1 for k in present if k not in found),
            "update": sum(1 for k in present if k in found),
            "delete": sum(1 for k in set(all_keys) - set(present) if k in found),
        }
    for join in model.joins:
        keys = changes.get(join.table, [])
        if keys:
            plan[join.type] = {"upsert_or_delete": len(keys)}
    return plan


# ----------------------------------------------------------------- the run
@contextmanager
def sync_lock(conn: psycopg.Connection, *, wait: bool) -> Iterator[None]:
    if wait:
        conn.execute("SELECT pg_advisory_lock(%s)", (LOCK_KEY,))
    else:
        got = conn.execute("SELECT pg_try_advisory_lock(%s)", (LOCK_KEY,)).fetchone()
        if not got or not got[0]:
            conn.commit()
            raise SyncBusy(
                "another vivim-graph sync is running against this database",
                hint="wait for it to finish, or run with --wait to queue behind it",
            )
    conn.commit()
    try:
        yield
    finally:
        conn.execute("SELECT pg_advisory_unlock(%s)", (LOCK_KEY,))
        conn.commit()


def sync_once(
    driver: neo4j.Driver,
    conn: psycopg.Connection,
    lock_conn: psycopg.Connection,
    model: GraphModel,
    *,
    source: str,
    database: str = "neo4j",
    batch_size: int = 5000,
    full: bool = False,
    dry_run: bool = False,
    wait: bool = False,
    progress: Callable[[str, int, int | None], None] = lambda *_: None,
    interrupt: _Interrupt | None = None,
    started_at: float | None = None,
) -> SyncSummary:
    """One sync run: full the first time (or with ``full``), incremental afterwards."""
    interrupt = interrupt or _Interrupt()
    # The reported time covers the whole run (lock, capture, state, changes, record),
    # and from ``started_at`` when the caller gives it (the command: connecting included).
    started_at = started_at or time.time()
    with sync_lock(lock_conn, wait=wait):
        install_capture(conn, model)
        watermark = read_state(driver, database, source)
        mode = "full" if full or watermark is None else "incremental"
        summary = SyncSummary(
            run_id=uuid.uuid4().hex,
            mode=mode,
            source=source,
            started_at=started_at,
            dry_run=dry_run,
        )
        new_watermark = snapshot_xmin(conn)  # before reading anything (see module doc)
        try:
            if mode == "full":
                if dry_run:
                    summary.plan = {"full": {"tables": len(model.tables)}}
                else:
                    result = import_graph(
                        driver,
                        conn,
                        model,
                        database=database,
                        batch_size=batch_size,
                        progress=progress,
                        run=summary.run_id,
                    )
                    for label, tally in result.nodes.items():
                        summary.labels[label] = tally
                    for rel, tally in result.relationships.items():
                        summary.relationships[rel] = tally
                    summary.labels["(stale removed)"].deleted = result.swept
            else:
                changes = read_changes(conn, watermark or 0)
                summary.changes_read = sum(len(v) for v in changes.values())
                if dry_run:
                    summary.plan = plan_changes(driver, conn, model, changes, database=database)
                else:
                    if changes:  # a run without changes touches no schema at all
                        apply_constraints(driver, model, database)
                    with interrupt.armed():
                        apply_changes(
                            driver,
                            conn,
                            model,
                            changes,
                            summary,
                            database=database,
                            batch_size=batch_size,
                            interrupt=interrupt,
                            progress=progress,
                        )
        except BaseException:
            summary.status = "failed"
            summary.ended_at = time.time()
            if not dry_run:
                with contextlib.suppress(Exception):  # Neo4j may be what failed
                    _record_run(driver, database, summary, None)
            raise
        summary.ended_at = time.time()
        if dry_run:
            summary.status = "planned"
            return summary
        if summary.stopped_early:
            summary.status = "interrupted"
            _record_run(driver, database, summary, None)
            return summary
        summary.status = "completed"
        _record_run(driver, database, summary, new_watermark)
        prune_log(conn, new_watermark)
        return summary
