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

Only one writer runs at a time: a sync holds the graph's writer lock (``writer_lock``, a
node in Neo4j, not a PostgreSQL advisory lock, because one graph may be fed from several
PostgreSQL servers) for its whole run, and so do ``import`` and ``up``.

No capture gap: TRUNCATE, which fires no row trigger, logs one table-level entry ('T') and
the next run reconciles that table by key. An incremental run first checks that every
trigger is present and enabled, and refuses (asking for ``--full``) when one is not, since
changes made meanwhile never reached the log. The log is written only by SECURITY DEFINER
trigger functions; other roles hold no privilege on it, so they cannot hide a change.
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

from vivim_graph.errors import RowValidationError, VivimGraphError
from vivim_graph.load.change_writer import ChangeWriter, warm_plans
from vivim_graph.load.importer import (
    KEEP_ROWS,
    Tally,
    declared_foreign_keys,
    import_graph,
    node_columns,
    table_order,
)
from vivim_graph.load.writer_lock import WriterBusy, writer_lock
from vivim_graph.model.cypher import (
    apply_constraints,
    join_key_columns_query,
    node_eids_query,
    node_key_columns_query,
)
from vivim_graph.model.rows import join_row, key_of, node_row, validate_row
from vivim_graph.model.spec import GraphModel, JoinSpec, NodeSpec

CAPTURE_SCHEMA = "vivim_sync"
SyncBusy = WriterBusy  # the name earlier versions raised


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
    warnings: list[str] = field(default_factory=list)
    capture: str = "triggers"  # or "wal" (load/wal_capture.py)

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
            "capture": self.capture,
            "source": self.source,
            "status": self.status,
            "dry_run": self.dry_run,
            "seconds": round(self.ended_at - self.started_at, 3),
            "changes_read": self.changes_read,
            "labels": tallies(self.labels),
            "relationships": tallies(self.relationships),
            "plan": self.plan,
            "stopped_early": self.stopped_early,
            "warnings": self.warnings,
        }


# ----------------------------------------------------------------- change capture
CAPTURE_VERSION = "vivim-capture 2"  # the change log's comment: what the installed DDL is


class CaptureGap(VivimGraphError):
    """A change could have escaped the log: a trigger is missing or disabled."""


@dataclass(frozen=True)
class CaptureStatus:
    """The change log and the capture triggers as found, read in one query."""

    log_exists: bool
    version: str | None  # the change log's comment: the version of the installed DDL
    triggers: dict[tuple[str, str], str]  # (table, trigger) -> pg_trigger.tgenabled


def capture_status(conn: psycopg.Connection, model: GraphModel) -> CaptureStatus:
    """One round trip for what ``capture_gaps`` and ``install_capture`` check."""
    log = f"{CAPTURE_SCHEMA}.change_log"
    row = conn.execute(
        "SELECT to_regclass(%s) IS NOT NULL, obj_description(to_regclass(%s), 'pg_class'), "
        "(SELECT coalesce(json_agg(json_build_array(c.relname, t.tgname, t.tgenabled::text)), "
        "'[]') FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
        "WHERE c.relname = ANY(%s) AND c.relnamespace = 'public'::regnamespace "
        "AND t.tgname = ANY(%s))",
        (log, log, [t for t, _ in replicated_tables(model)], list(TRIGGERS)),
    ).fetchone()
    conn.commit()
    assert row is not None  # a SELECT without FROM returns one row
    states = {(table, name): state for table, name, state in row[2]}
    return CaptureStatus(bool(row[0]), row[1], states)


def install_capture(
    conn: psycopg.Connection, model: GraphModel, status: CaptureStatus | None = None
) -> list[str]:
    """Create (or upgrade) the change log and the triggers on every replicated table;
    return the problems left (a table whose trigger this role may not create or enable),
    which only ``--full`` covers.

    Once installed at the current version it takes no lock at all: DDL such as CREATE
    INDEX IF NOT EXISTS would wait behind any open transaction that wrote to the log.
    """
    status = status or capture_status(conn, model)
    if status.version != CAPTURE_VERSION:
        _create_change_log(conn)
    problems = _attach_triggers(conn, model, status.triggers)
    conn.commit()
    return problems


# The log is written only by these functions. SECURITY DEFINER runs them as the role that
# installed them (the log's owner), so the roles that edit the business tables need, and
# get, no privilege on the log: they cannot edit or delete its rows to hide a change. The
# fixed search_path keeps a caller's objects from standing in for the log.
_CAPTURE_DDL = """
CREATE SCHEMA IF NOT EXISTS {s};
CREATE TABLE IF NOT EXISTS {s}.change_log (
    id         bigserial PRIMARY KEY,
    table_name text  NOT NULL,
    row_key    jsonb NOT NULL,
    op         char(1) NOT NULL,
    txid       xid8  NOT NULL DEFAULT pg_current_xact_id(),
    logged_at  timestamptz NOT NULL DEFAULT clock_timestamp()
);
CREATE INDEX IF NOT EXISTS change_log_txid ON {s}.change_log (txid);
ALTER TABLE {s}.change_log DROP CONSTRAINT IF EXISTS change_log_op_check;
ALTER TABLE {s}.change_log ADD CONSTRAINT change_log_op_check CHECK (op IN ('I', 'U', 'D', 'T'));
CREATE OR REPLACE FUNCTION {s}.log_change() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
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
-- TRUNCATE fires no row trigger: one table-level entry, and the sync sweeps that table.
CREATE OR REPLACE FUNCTION {s}.log_truncate() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
BEGIN
    INSERT INTO {s}.change_log (table_name, row_key, op) VALUES (TG_TABLE_NAME, '{{}}', 'T');
    RETURN NULL;
END;
$$;
REVOKE ALL ON SCHEMA {s} FROM PUBLIC;
REVOKE ALL ON ALL TABLES IN SCHEMA {s} FROM PUBLIC;
REVOKE ALL ON ALL SEQUENCES IN SCHEMA {s} FROM PUBLIC;
REVOKE ALL ON FUNCTION {s}.log_change(), {s}.log_truncate() FROM PUBLIC;
COMMENT ON TABLE {s}.change_log IS {version};
"""


def _create_change_log(conn: psycopg.Connection) -> None:
    conn.execute(
        sql.SQL(_CAPTURE_DDL).format(
            s=sql.Identifier(CAPTURE_SCHEMA), version=sql.Literal(CAPTURE_VERSION)
        )
    )
    # Grants made earlier (or by default privileges) to other roles are taken back too.
    grantees = conn.execute(
        "SELECT DISTINCT grantee FROM information_schema.role_table_grants "
        "WHERE table_schema = %s AND table_name = 'change_log' "
        "AND grantee NOT IN (current_user, 'PUBLIC') "
        "AND privilege_type IN ('INSERT', 'UPDATE', 'DELETE', 'TRUNCATE')",
        (CAPTURE_SCHEMA,),
    ).fetchall()
    for (grantee,) in grantees:
        conn.execute(
            sql.SQL("REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON {}.change_log FROM {}").format(
                sql.Identifier(CAPTURE_SCHEMA), sql.Identifier(grantee)
            )
        )


TRIGGERS = {  # name -> (when it fires, function)
    "vivim_capture": ("AFTER INSERT OR UPDATE OR DELETE ON {t} FOR EACH ROW", "log_change"),
    "vivim_capture_truncate": ("AFTER TRUNCATE ON {t} FOR EACH STATEMENT", "log_truncate"),
}


def _attach_triggers(
    conn: psycopg.Connection, model: GraphModel, found: dict[tuple[str, str], str]
) -> list[str]:
    """Create each missing trigger and enable each disabled one; return what could not be."""
    problems = []
    for table, key in replicated_tables(model):
        for name, (when, function) in TRIGGERS.items():
            state = found.get((table, name))
            if state == "O":
                continue
            args = (
                sql.SQL(", ").join(sql.Literal(k) for k in key)
                if name == "vivim_capture"
                else sql.SQL("")
            )
            statement = (
                sql.SQL("ALTER TABLE {t} ENABLE TRIGGER {n}")
                if state is not None
                else sql.SQL("CREATE TRIGGER {n} " + when + " EXECUTE FUNCTION {s}.{f}({args})")
            )
            try:
                with conn.transaction():
                    conn.execute(
                        statement.format(
                            t=sql.Identifier(table),
                            n=sql.Identifier(name),
                            s=sql.Identifier(CAPTURE_SCHEMA),
                            f=sql.Identifier(function),
                            args=args,
                        )
                    )
            except psycopg.errors.InsufficientPrivilege:
                problems.append(f"{table}: no privilege to create or enable trigger {name}")
    return problems


def capture_gaps(
    conn: psycopg.Connection, model: GraphModel, status: CaptureStatus | None = None
) -> list[str]:
    """Why a change could have escaped the log, one line per table (empty: none).

    'A' (ENABLE ALWAYS) fires in every session; 'R' fires only in replica sessions, so in
    ordinary sessions it is as good as disabled.
    """
    status = status or capture_status(conn, model)
    if not status.log_exists:
        return [f"the change log {CAPTURE_SCHEMA}.change_log is missing"]
    states = status.triggers
    gaps = []
    for table, _ in replicated_tables(model):
        for name in TRIGGERS:
            state = states.get((table, name))
            if state is None:
                gaps.append(f"{table}: trigger {name} is missing")
            elif state not in ("O", "A"):
                gaps.append(f"{table}: trigger {name} is disabled")
    return gaps


def unknown_log_tables(conn: psycopg.Connection, model: GraphModel) -> list[str]:
    """Tables named in the change log that the model does not replicate."""
    rows = conn.execute(
        sql.SQL(
            "SELECT DISTINCT table_name FROM {}.change_log WHERE NOT table_name = ANY(%s)"
        ).format(sql.Identifier(CAPTURE_SCHEMA)),
        ([t for t, _ in replicated_tables(model)],),
    ).fetchall()
    conn.commit()
    return sorted(t for (t,) in rows)


def refuse_gaps(
    gaps: list[str],
    capture: str = "the change log",
    hint: str = "run `vivim-graph sync --full`: it re-attaches and re-enables the triggers, "
    "then reconciles every table",
) -> CaptureGap:
    """The refusal of an incremental run when ``capture`` may have missed changes."""
    shown = "; ".join(gaps[:5]) + (f"; and {len(gaps) - 5} more" if len(gaps) > 5 else "")
    return CaptureGap(
        f"changes may have escaped {capture}, so an incremental sync would miss them: "
        f"{shown}. Nothing was written and the position was not advanced",
        hint=hint,
    )


def replicated_tables(model: GraphModel) -> Iterator[tuple[str, tuple[str, ...]]]:
    for node in model.nodes:
        yield node.table, node.key
    for join in model.joins:
        yield join.table, (join.source.columns[0], join.target.columns[0], *join.merge_on)


def snapshot_xmin(conn: psycopg.Connection) -> int:
    row = conn.execute("SELECT pg_snapshot_xmin(pg_current_snapshot())::text::bigint").fetchone()
    conn.commit()
    return int(row[0]) if row else 0


def read_changes(
    conn: psycopg.Connection, since: int
) -> tuple[dict[str, list[dict[str, Any]]], set[str]]:
    """Distinct changed keys per table, from the watermark on (the overlap window), and the
    tables truncated in that window (whose rows no row trigger saw go)."""
    changes: dict[str, dict[str, dict[str, Any]]] = defaultdict(dict)
    truncated: set[str] = set()
    with conn.cursor(row_factory=dict_row) as cur:
        cur.execute(
            sql.SQL(
                "SELECT table_name, row_key, op FROM {}.change_log "
                "WHERE txid >= %s::text::xid8 ORDER BY id"
            ).format(sql.Identifier(CAPTURE_SCHEMA)),
            (str(since),),
        )
        for row in cur:
            if row["op"] == "T":
                truncated.add(row["table_name"])
                continue
            key = row["row_key"]
            changes[row["table_name"]][json.dumps(key, sort_keys=True)] = key
    conn.commit()
    return {t: list(keys.values()) for t, keys in changes.items()}, truncated


def expand_truncated(
    driver: neo4j.Driver,
    conn: psycopg.Connection,
    model: GraphModel,
    changes: dict[str, list[dict[str, Any]]],
    truncated: set[str],
    *,
    database: str,
) -> None:
    """A truncated table is reconciled by key, as the full import's sweep does: every key
    the graph holds for it and every key the table holds now become changed keys, so the
    ordinary path upserts the rows that exist and deletes the rest."""
    for table in sorted(truncated):
        node = model.node_by_table.get(table)
        join = next((j for j in model.joins if j.table == table), None)
        if node is not None and len(node.key) == 1:
            graph_query = node_key_columns_query(node)
            columns = list(node.key)
        elif join is not None:
            source = model.node_by_table[join.source.table]
            target = model.node_by_table[join.target.table]
            columns = [join.source.columns[0], join.target.columns[0], *join.merge_on]
            graph_query = join_key_columns_query(source, target, join, columns)
        else:
            continue  # not replicated (reported as unknown), or a composite-key label
        records, _, _ = driver.execute_query(
            graph_query,
            table=table,
            database_=database,
            routing_=neo4j.RoutingControl.READ,
        )
        keys = {json.dumps(k, sort_keys=True): k for k in changes.get(table, [])}
        for record in records:
            key = {c: record[c] for c in columns}
            keys[json.dumps(key, sort_keys=True)] = key
        query = sql.SQL("SELECT {} FROM {}").format(
            sql.SQL(", ").join(sql.Identifier(c) for c in columns), sql.Identifier(table)
        )
        with conn.cursor(row_factory=dict_row) as cur:
            for row in cur.execute(query):
                key = json.loads(json.dumps(dict(row), default=str))
                keys[json.dumps(key, sort_keys=True)] = key
        conn.commit()
        changes[table] = list(keys.values())


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
SET s += $position, s.last_run = $run, s.updated_at = datetime()
WITH s
MERGE (r:SyncRun {id: $run})
SET r += $props, r.started_at = datetime($started), r.ended_at = datetime()
MERGE (r)-[:OF_SOURCE]->(s)
""",
)


def record_run(driver, database, summary: SyncSummary, watermark: int | None) -> None:
    """The trigger path's run and its watermark (None: keep the old one)."""
    finish_run(driver, database, summary, None if watermark is None else {"watermark": watermark})


def finish_run(driver, database, summary: SyncSummary, position: dict[str, Any] | None) -> None:
    """Record the run; with ``position`` (the SyncState properties a capture path keeps:
    the triggers' watermark, the WAL's lsn) also move the source's position, in the same
    write. None: a failed or partial run, recorded while the old position stays."""
    props = {
        "mode": summary.mode,
        "status": summary.status,
        "source": summary.source,
        "capture": summary.capture,
        "changes_read": summary.changes_read,
        "counts": json.dumps(summary.as_dict()["labels"] | summary.as_dict()["relationships"]),
    }
    started = time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(summary.started_at))
    if position is None:
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
        position=position,
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


def _node_rows(conn, node: NodeSpec, keys: list[dict[str, Any]]) -> _NodeBatch:
    """The current rows of one node table's changed keys, validated, and the keys gone.

    Keys come from the log as JSON (``to_jsonb``), so integers arrive as integers and
    ``key_of`` gives the same node key as for a row read from the table. Every row is
    validated (pydantic, and exact money in ``node_row``) as the import validates it.
    """
    pairs: dict[Any, tuple[dict[str, Any], dict[str, Any]]] = {}
    for row in _fetch_rows(conn, node.table, node.key, node_columns(node), keys):
        validate_row(node.table, node.properties, node.key, row)
        out = node_row(node, row)
        pairs[out["key"]] = (row, out)  # a key logged twice is one row
    gone = sorted({key_of(node.key, k) for k in keys} - set(pairs), key=str)
    return list(pairs.values()), gone


def _join_rows(conn, join: JoinSpec, keys: list[dict[str, Any]]) -> _JoinBatch:
    """The current rows of one join table's changed keys, and the keys gone."""
    key_columns = _join_key(join)
    columns = list(dict.fromkeys([*key_columns, *[p.column for p in join.properties]]))
    rows = {
        tuple(str(r[c]) for c in key_columns): r
        for r in _fetch_rows(conn, join.table, key_columns, columns, keys)
    }
    for row in rows.values():
        join_row(join, row, key_columns[0], key_columns[1])  # exact money
    gone = [k for k in keys if tuple(str(k[c]) for c in key_columns) not in rows]
    return list(rows.values()), gone


def _join_key(join: JoinSpec) -> tuple[str, ...]:
    return (join.source.columns[0], join.target.columns[0], *join.merge_on)


class Interrupt:
    """SIGINT (Ctrl-C) and SIGTERM finish the current batch, then stop cleanly.

    A second signal while stopping is taken as "now": it raises KeyboardInterrupt, and the
    write transaction under way is rolled back (nothing half-written, position unchanged).
    """

    SIGNALS = (signal.SIGINT, signal.SIGTERM)

    def __init__(self) -> None:
        self.requested = False

    @contextmanager
    def armed(self) -> Iterator[None]:
        def handler(signum, frame):
            if self.requested:
                raise KeyboardInterrupt
            self.requested = True

        try:
            previous = {s: signal.signal(s, handler) for s in self.SIGNALS}
        except ValueError:  # not the main thread: leave the signals as they are
            yield
            return
        try:
            yield
        finally:
            for s, h in previous.items():
                signal.signal(s, h)


class Stopped(Exception):
    """Raised at a batch boundary once a stop was requested (never escapes the sync)."""


# ----------------------------------------------------------------- validating changes
def _batches(keys: list[Any], size: int) -> Iterator[list[Any]]:
    for start in range(0, len(keys), size):
        yield keys[start : start + size]


def _refuse_null_keys(table: str, columns: tuple[str, ...], keys: list[dict[str, Any]]) -> None:
    for key in keys:
        for column in columns:
            if key.get(column) is None:
                raise RowValidationError(
                    f"{table} row {key!r}: column {column} is missing (the key may not be NULL)",
                    table=table,
                    key=key,
                    column=column,
                )


def _refuse_dangling(
    conn: psycopg.Connection,
    table: str,
    columns: tuple[str, ...],
    pairs: list[tuple[Any, tuple[Any, ...]]],
    target: str,
    target_columns: tuple[str, ...],
) -> None:
    """(row key, referenced values) pairs that match no row of the target table; a
    reference with a NULL column refers to nothing, as in the import's anti-join."""
    wanted = {tuple(str(v) for v in values) for _, values in pairs if None not in values}
    if not wanted:
        return
    arrays = [list(column) for column in zip(*sorted(wanted), strict=True)]
    query = sql.SQL(
        "SELECT DISTINCT {cols} FROM {t} WHERE ({cols}) IN (SELECT * FROM unnest({arrays}))"
    ).format(
        cols=sql.SQL(", ").join(
            sql.SQL("{}::text").format(sql.Identifier(c)) for c in target_columns
        ),
        t=sql.Identifier(target),
        arrays=sql.SQL(", ").join(sql.SQL("%s::text[]") for _ in arrays),
    )
    found = {tuple(row) for row in conn.execute(query, arrays).fetchall()}
    for key, values in pairs:
        if None not in values and tuple(str(v) for v in values) not in found:
            shown = values[0] if len(values) == 1 else values
            raise RowValidationError(
                f"{table} row {key!r}: column {', '.join(columns)} = {shown} refers to no row "
                f"of {target}",
                table=table,
                key=key,
                column=columns[0],
            )


def _refuse_deleted_but_referenced(
    conn: psycopg.Connection,
    model: GraphModel,
    table: str,
    deleted: list[Any],
    declared: set[tuple[str, tuple, str, tuple]],
) -> None:
    """A deleted row that unchanged rows still refer to (no FK constraint kept them)."""
    if not deleted:
        return
    ends = [
        (n.table, n.key, r.columns, r.target, r.target_columns)
        for n in model.nodes
        for r in n.references
    ]
    ends += [
        (j.table, (j.source.columns[0], j.target.columns[0]), e.columns, e.table, e.target_columns)
        for j in model.joins
        for e in (j.source, j.target)
    ]
    for source, key, columns, target, target_columns in ends:
        if target != table or (source, columns, target, target_columns) in declared:
            continue
        column = columns[0]
        query = sql.SQL("SELECT {k}, {c} FROM {t} WHERE {c}::text = ANY(%s) LIMIT 1").format(
            k=sql.SQL(", ").join(sql.Identifier(k) for k in key),
            c=sql.Identifier(column),
            t=sql.Identifier(source),
        )
        row = conn.execute(query, ([str(k) for k in deleted],)).fetchone()
        if row is not None:
            key_value = row[0] if len(key) == 1 else "|".join(str(v) for v in row[:-1])
            raise RowValidationError(
                f"{source} row {key_value!r}: column {column} = {row[-1]} refers to no row of "
                f"{table} (that row was deleted)",
                table=source,
                key=key_value,
                column=column,
            )


_NodeBatch = tuple[list[tuple[dict[str, Any], dict[str, Any]]], list[Any]]
_JoinBatch = tuple[list[dict[str, Any]], list[dict[str, Any]]]
Kept = dict[tuple[str, int], Any]  # (table, batch number) -> the batch as read


def validate_changes(
    conn: psycopg.Connection,
    model: GraphModel,
    changes: dict[str, list[dict[str, Any]]],
    *,
    batch_size: int,
    interrupt: Interrupt,
    progress: Callable[[str, int, int | None], None],
) -> Kept:
    """Every changed row of every table, before the first write, as the import does: the
    row itself (pydantic, exact money), NULL keys, and each reference it makes or loses
    that PostgreSQL does not enforce itself (a declared, validated foreign key it does).

    Returns the batches it read while they are few (``KEEP_ROWS`` keys in all), so that
    the write pass need not read them again; a bigger run reads a batch again to write it.
    """
    if not any(changes.get(table) for table, _ in replicated_tables(model)):
        return {}
    declared = declared_foreign_keys(conn)
    kept: Kept = {}
    budget = KEEP_ROWS
    for node in model.nodes:
        keys = changes.get(node.table, [])
        _refuse_null_keys(node.table, node.key, keys)
        for index, batch in enumerate(_batches(keys, batch_size)):
            if interrupt.requested:
                raise Stopped
            pairs, gone = _node_rows(conn, node, batch)
            _refuse_node_references(conn, model, node, [r for r, _ in pairs], declared)
            _refuse_deleted_but_referenced(conn, model, node.table, gone, declared)
            if len(batch) <= budget:
                kept[(node.table, index)], budget = (pairs, gone), budget - len(batch)
            progress(f"validate {node.table}", min((index + 1) * batch_size, len(keys)), len(keys))
    for join in model.joins:
        keys = changes.get(join.table, [])
        _refuse_null_keys(join.table, _join_key(join), keys)
        for index, batch in enumerate(_batches(keys, batch_size)):
            rows, gone = _join_rows(conn, join, batch)
            _refuse_join_ends(conn, join, rows, declared)
            if len(batch) <= budget:
                kept[(join.table, index)], budget = (rows, gone), budget - len(batch)
    return kept


def _refuse_node_references(conn, model, node: NodeSpec, rows: list[dict], declared) -> None:
    for ref in node.references:
        if (node.table, ref.columns, ref.target, ref.target_columns) in declared:
            continue  # PostgreSQL enforces it
        _refuse_dangling(
            conn,
            node.table,
            ref.columns,
            [(key_of(node.key, r), tuple(r[c] for c in ref.columns)) for r in rows],
            ref.target,
            ref.target_columns,
        )


def _refuse_join_ends(conn, join: JoinSpec, rows: list[dict], declared) -> None:
    source, target = join.source.columns[0], join.target.columns[0]
    for end in (join.source, join.target):
        if (join.table, end.columns, end.table, end.target_columns) in declared:
            continue  # PostgreSQL enforces it
        _refuse_dangling(
            conn,
            join.table,
            end.columns,
            [(f"{r[source]}|{r[target]}", (r[end.columns[0]],)) for r in rows],
            end.table,
            end.target_columns[:1],
        )


# ----------------------------------------------------------------- applying changes
def apply_changes(
    driver: neo4j.Driver,
    conn: psycopg.Connection,
    model: GraphModel,
    changes: dict[str, list[dict[str, Any]]],
    summary: SyncSummary,
    *,
    database: str,
    batch_size: int,
    interrupt: Interrupt,
    progress: Callable[[str, int, int | None], None],
) -> None:
    """Validate every change, then write: nodes, their relationships, join rows, deletes.

    Both passes read one REPEATABLE READ snapshot, so the rows written are exactly the rows
    validated, whatever commits meanwhile (later commits are in the log for the next run).
    """
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        kept = validate_changes(
            conn, model, changes, batch_size=batch_size, interrupt=interrupt, progress=progress
        )
        _write_changes(
            driver,
            conn,
            model,
            changes,
            summary,
            database=database,
            batch_size=batch_size,
            interrupt=interrupt,
            progress=progress,
            kept=kept,
        )


def _write_changes(
    driver, conn, model, changes, summary, *, database, batch_size, interrupt, progress, kept=None
) -> None:
    """Nodes (tables in foreign-key order, several sharing a transaction) with their
    foreign keys, then join rows, then deletes, by the generic statements (``change_writer``)."""
    kept = {} if kept is None else kept
    writer = ChangeWriter(
        driver,
        database,
        model,
        summary.run_id,
        summary.labels,
        summary.relationships,
        batch_size,
    )
    for node in table_order(model):
        keys = changes.get(node.table, [])
        for index, batch in enumerate(_batches(keys, batch_size)):
            if interrupt.requested:
                raise Stopped
            pairs, gone = kept.pop((node.table, index), None) or _node_rows(conn, node, batch)
            writer.nodes(node, pairs, gone)
            progress(f"sync {node.label}", min((index + 1) * batch_size, len(keys)), len(keys))
    writer.finish_nodes()
    for join in model.joins:
        keys = changes.get(join.table, [])
        for index, batch in enumerate(_batches(keys, batch_size)):
            if interrupt.requested:
                raise Stopped
            rows, gone = kept.pop((join.table, index), None) or _join_rows(conn, join, batch)
            writer.join_rows(join, rows, gone)
    writer.delete_nodes()


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
            node_eids_query(node),
            keys=all_keys,
            database_=database,
            routing_=neo4j.RoutingControl.READ,
        )
        found = {r["key"] for r in records}
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
class Neo4jStopped(VivimGraphError):
    """Neo4j stopped answering in the middle of a run."""


def neo4j_stopped(error: BaseException, command: str) -> Neo4jStopped:
    return Neo4jStopped(
        f"Neo4j stopped answering during `{command}` ({type(error).__name__}). Nothing is "
        "lost: PostgreSQL is untouched, the graph holds only complete batches, and the sync "
        "position was not advanced, so the next run redoes this one",
        hint=f"once Neo4j answers again (`vivim-graph doctor`), run `{command}` again",
    )


NEO4J_GONE = (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired)


def sync_once(
    driver: neo4j.Driver,
    conn: psycopg.Connection,
    model: GraphModel,
    *,
    source: str,
    database: str = "neo4j",
    batch_size: int = 5000,
    full: bool = False,
    dry_run: bool = False,
    wait: bool = False,
    progress: Callable[[str, int, int | None], None] = lambda *_: None,
    interrupt: Interrupt | None = None,
    started_at: float | None = None,
    waiting: Callable[[str], None] = lambda _: None,
    locked_run: Callable[..., SyncSummary] | None = None,
) -> SyncSummary:
    """One sync run: full the first time (or with ``full``), incremental afterwards.

    Non-dry runs hold the graph's writer lock (see ``writer_lock``), which ``import`` and
    ``up`` take too. A dry run writes nothing and takes no lock. ``locked_run`` is what runs
    under the lock, with the same arguments (the WAL path's reader; the triggers' by default).
    """
    interrupt = interrupt or Interrupt()
    with sync_writer(
        driver,
        database,
        full=full,
        dry_run=dry_run,
        wait=wait,
        waiting=waiting,
        interrupt=interrupt,
    ):
        return (locked_run or _sync_locked)(
            driver,
            conn,
            model,
            source=source,
            database=database,
            batch_size=batch_size,
            full=full,
            dry_run=dry_run,
            progress=progress,
            interrupt=interrupt,
            started_at=started_at,
        )


@contextmanager
def sync_writer(
    driver: neo4j.Driver,
    database: str,
    *,
    full: bool,
    dry_run: bool,
    wait: bool,
    waiting: Callable[[str], None],
    interrupt: Interrupt,
) -> Iterator[None]:
    """What every sync run (trigger or WAL capture) holds: the graph's writer lock (none for
    a dry run, which writes nothing), and Neo4j going away reported as the sync's own error."""
    command = "vivim-graph sync" + (" --full" if full else "")
    lock = (
        contextlib.nullcontext()
        if dry_run
        else writer_lock(
            driver,
            database,
            command.removeprefix("vivim-graph "),
            wait=wait,
            waiting=waiting,
            cancelled=lambda: interrupt.requested,
        )
    )
    try:
        with lock:
            yield
    except NEO4J_GONE as e:
        raise neo4j_stopped(e, command) from e


def _sync_locked(
    driver,
    conn,
    model,
    *,
    source,
    database,
    batch_size,
    full,
    dry_run,
    progress,
    interrupt,
    started_at: float | None = None,
) -> SyncSummary:
    # The reported time covers the whole run, and from ``started_at`` when the caller gives
    # it (the command: loading the model and connecting included).
    watermark = read_state(driver, database, source)
    mode = "full" if full or watermark is None else "incremental"
    summary = SyncSummary(
        run_id=uuid.uuid4().hex,
        mode=mode,
        source=source,
        started_at=started_at or time.time(),
        dry_run=dry_run,
    )
    new_watermark = _prepare_capture(conn, model, summary)

    def checked_progress(task: str, done: int, total: int | None) -> None:
        progress(task, done, total)
        if interrupt.requested:  # after a batch was written: stop at this boundary
            raise Stopped

    try:
        if mode == "full":
            run_full(driver, conn, model, summary, database, batch_size, dry_run, checked_progress)
        else:
            _run_incremental(
                driver,
                conn,
                model,
                summary,
                database,
                batch_size,
                dry_run,
                checked_progress,
                interrupt,
                watermark or 0,
            )
    except Stopped:
        summary.stopped_early = True
    except BaseException as e:
        conn.rollback()
        summary.status = "failed"
        summary.ended_at = time.time()
        if not dry_run and not isinstance(e, NEO4J_GONE):
            with contextlib.suppress(Exception):
                record_run(driver, database, summary, None)
        raise
    _finish(driver, conn, database, summary, new_watermark)
    return summary


def _prepare_capture(conn: psycopg.Connection, model: GraphModel, summary: SyncSummary) -> int:
    """Check and install change capture; return the watermark this run will leave."""
    status = capture_status(conn, model)  # one round trip for both checks
    if summary.mode == "incremental":
        # Before anything else: a trigger missing or disabled since the last run means
        # changes the log never saw; reinstalling it now would hide that.
        gaps = capture_gaps(conn, model, status)
        if gaps:
            raise refuse_gaps(gaps)
    summary.warnings.extend(install_capture(conn, model, status))
    return snapshot_xmin(conn)  # before reading anything (see module doc)


def end_run(driver, conn, database: str, summary: SyncSummary, position: dict[str, Any]) -> bool:
    """Record how the run ended; only a completed run moves the position (``position``,
    as ``finish_run`` takes it). True then: the caller may drop what its capture kept."""
    conn.rollback()
    summary.ended_at = time.time()
    if summary.dry_run:
        summary.status = "planned"
        return False
    if summary.stopped_early:
        summary.status = "interrupted"
        finish_run(driver, database, summary, None)
        return False
    summary.status = "completed"
    finish_run(driver, database, summary, position)
    return True


def _finish(driver, conn, database: str, summary: SyncSummary, new_watermark: int) -> None:
    """End the run; a completed one prunes the log up to its new watermark."""
    if end_run(driver, conn, database, summary, {"watermark": new_watermark}):
        prune_log(conn, new_watermark)


def run_full(driver, conn, model, summary, database, batch_size, dry_run, progress) -> None:
    if dry_run:
        summary.plan = {"full": {"tables": len(model.tables)}}
        return
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
    warm_plans(driver, database, batch_size)  # the next, incremental, run plans only lookups


def _run_incremental(
    driver, conn, model, summary, database, batch_size, dry_run, progress, interrupt, watermark
) -> None:
    changes, truncated = read_changes(conn, watermark)
    apply_captured(
        driver,
        conn,
        model,
        summary,
        changes,
        truncated,
        database=database,
        batch_size=batch_size,
        dry_run=dry_run,
        progress=progress,
        interrupt=interrupt,
    )


def apply_captured(
    driver,
    conn,
    model,
    summary,
    changes: dict[str, list[dict[str, Any]]],
    truncated: set[str],
    *,
    database,
    batch_size,
    dry_run,
    progress,
    interrupt,
) -> None:
    """What any capture read (changed keys per table, truncated tables), validated and
    applied; shared by the trigger path and the write-ahead log path (wal_capture)."""
    replicated = {t for t, _ in replicated_tables(model)}
    unknown = sorted((set(changes) | truncated) - replicated)
    if unknown:
        summary.warnings.append(
            "the change log names tables the graph model does not replicate (ignored): "
            + ", ".join(unknown)
        )
    expand_truncated(driver, conn, model, changes, truncated & replicated, database=database)
    changes = {t: k for t, k in changes.items() if t in replicated}
    summary.changes_read = sum(len(v) for v in changes.values())
    if dry_run:
        summary.plan = plan_changes(driver, conn, model, changes, database=database)
        return
    if changes:  # a run without changes touches no schema at all
        apply_constraints(driver, model, database)
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
