"""Change capture from PostgreSQL's write-ahead log: a logical replication slot (``pgoutput``)
and a publication over the replicated tables, instead of triggers and a change log.

Why it is correct, and what it costs
------------------------------------
``vivim-graph sync setup`` creates a publication over the tables the model replicates and a
logical replication slot; from then on PostgreSQL keeps every committed change of those
tables in the WAL until the slot is advanced. No trigger, no extra write per business
transaction, TRUNCATE included (pgoutput sends it as one message).

A run reads the slot with ``pg_logical_slot_peek_binary_changes`` up to the flush position
it noted at its start, decodes the pgoutput messages (``pgoutput.py``) into the same
``(table, key)`` change entries the trigger path reads, and hands them to the same
validation and apply code (``sync.apply_captured``). Peeking consumes nothing. Only after
the graph write committed does the run record the new position (LSN) in the graph, in the
``SyncState`` node with the run, and then advance the slot to it
(``pg_replication_slot_advance``). A run that dies anywhere before leaves the slot where it
was, so the rerun reads the same changes again: at-least-once, and harmless, because
applying a change re-reads the row's current state (idempotent). A crash between recording
and advancing leaves the slot behind the graph's position: the rerun replays a little.

A decoded transaction has written its commit record, but it becomes visible to other
snapshots a moment later; before applying, the run waits until every transaction it read
is visible (``_wait_until_visible``), so it never re-reads a row's state from before it.

The slot's position must never be ahead of the graph's: that means someone else consumed
the slot, or it was dropped and created again, and changes were lost to this graph. An
incremental run checks this (and the slot, the publication and the replica identities)
first and refuses, asking for ``--full``, as the trigger path refuses a missing trigger.

A full run creates the slot (if missing) before its snapshot, so every change after the
snapshot is in the slot; it records the slot's position without advancing it, and the next
run replays what the slot kept from before the snapshot (harmless).

The cost: a slot that is not read keeps WAL on the server's disk. ``sync status`` shows the
lag and the retained WAL, and every run warns when it grows past ``RETAINED_WARN_BYTES``
or towards ``max_slot_wal_keep_size``; ``sync teardown`` drops the slot and publication.
"""

from __future__ import annotations

import contextlib
import json
import re
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import neo4j
import psycopg
from psycopg import sql

from vivim_graph.errors import VivimGraphError
from vivim_graph.load import pgoutput
from vivim_graph.load.sync import (
    NEO4J_GONE,
    CaptureGap,
    Interrupt,
    Stopped,
    SyncSummary,
    apply_captured,
    end_run,
    record_run,
    refuse_gaps,
    replicated_tables,
    run_full,
    sync_once,
)
from vivim_graph.model.spec import GraphModel

SLOT_PREFIX = "vivim_graph"  # + the database's name and oid: slot names are cluster-wide
PUBLICATION = "vivim_graph"
PLUGIN = "pgoutput"
RETAINED_WARN_BYTES = 1 << 30  # 1 GiB of WAL kept for the slot: warn
VISIBLE_TIMEOUT = 30.0  # seconds to wait for a decoded transaction to become visible


class CaptureUnavailable(VivimGraphError):
    """WAL capture was asked for, but the server or the role does not allow it."""


def slot_name(conn: psycopg.Connection) -> str:
    """This database's slot. Slots belong to the whole server, publications to one
    database: the name holds the database's (and its oid, unique while it exists)."""
    row = conn.execute(
        "SELECT datname, oid::bigint FROM pg_database WHERE datname = current_database()"
    ).fetchone()
    name, oid = (str(row[0]), int(row[1])) if row else ("", 0)
    return f"{SLOT_PREFIX}_{re.sub(r'[^a-z0-9_]', '_', name.lower())[:38]}_{oid}"


# ----------------------------------------------------------------- what the server allows
@dataclass(frozen=True)
class WalSupport:
    allowed: bool
    reason: str


def wal_support(conn: psycopg.Connection) -> WalSupport:
    """Whether this server and role can use WAL capture: ``wal_level=logical`` and the
    REPLICATION attribute (or superuser); the reason either way, for the printed choice."""
    row = conn.execute(
        "SELECT current_setting('wal_level'), r.rolsuper OR r.rolreplication "
        "FROM pg_roles r WHERE r.rolname = current_user"
    ).fetchone()
    conn.commit()
    level, replication = (row[0], bool(row[1])) if row else ("?", False)
    if level != "logical":
        return WalSupport(False, f"the server runs with wal_level={level}, not logical")
    if not replication:
        return WalSupport(False, "this role has no REPLICATION privilege")
    return WalSupport(True, "wal_level=logical and this role may replicate")


@dataclass(frozen=True)
class Positions:
    """What the graph holds for a source: the trigger path's watermark, this path's LSN,
    and the capture its last completed run used."""

    watermark: int | None
    lsn: int | None
    last_capture: str | None = None


def read_positions(driver: neo4j.Driver, database: str, source: str) -> Positions:
    records, _, _ = driver.execute_query(
        "MATCH (s:SyncState {source: $source}) OPTIONAL MATCH (r:SyncRun {id: s.last_run}) "
        "RETURN s.watermark AS w, s.lsn AS lsn, r.capture AS capture",
        source=source,
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    if not records:
        return Positions(None, None)
    w, lsn = records[0]["w"], records[0]["lsn"]
    return Positions(
        int(w) if w is not None else None,
        pgoutput.parse_lsn(lsn) if lsn is not None else None,
        records[0]["capture"] or ("triggers" if w is not None else None),
    )


def choose_capture(
    driver: neo4j.Driver, database: str, conn: psycopg.Connection, source: str, requested: str
) -> tuple[str, str]:
    """('wal' or 'triggers', why). ``auto`` keeps the capture a source is already synced
    with (switching is a full run, so it is asked for explicitly); a new source gets WAL
    capture when the server allows it, triggers otherwise."""
    support = wal_support(conn)
    if requested == "wal":
        if not support.allowed:
            raise CaptureUnavailable(
                f"WAL capture is not available: {support.reason}",
                hint="set wal_level=logical (ALTER SYSTEM, then restart) and grant the role "
                "REPLICATION, or use `--capture triggers`",
            )
        return "wal", "asked for"
    if requested == "triggers":
        return "triggers", "asked for"
    last = read_positions(driver, database, source).last_capture
    if last == "triggers":
        return "triggers", "this source is synced with triggers (--capture wal switches)"
    if last == "wal":
        if not support.allowed:
            raise CaptureUnavailable(
                f"this source is synced from the write-ahead log, but {support.reason}",
                hint="grant the role REPLICATION again, or switch with `--capture triggers`",
            )
        return "wal", "this source is synced from the write-ahead log"
    if support.allowed:
        return "wal", support.reason
    return "triggers", support.reason


# ----------------------------------------------------------------- setup and teardown
def _identity_columns(conn: psycopg.Connection, tables: list[str]) -> dict[str, tuple[str, set]]:
    """table -> (relreplident, the columns an UPDATE/DELETE sends as the old key)."""
    rows = conn.execute(
        """
        SELECT c.relname, c.relreplident::text,
               array(SELECT a.attname FROM pg_index i
                     JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)
                     WHERE i.indrelid = c.oid AND ((c.relreplident = 'd' AND i.indisprimary)
                                                   OR (c.relreplident = 'i' AND i.indisreplident)))
        FROM pg_class c
        WHERE c.relname = ANY(%s) AND c.relnamespace = 'public'::regnamespace
        """,
        (tables,),
    ).fetchall()
    return {name: (ident, set(columns)) for name, ident, columns in rows}


def identity_gaps(conn: psycopg.Connection, model: GraphModel) -> list[str]:
    """Tables whose deletes would not carry the model's key (their replica identity does
    not cover it). Publishing such a table would lose its deletes; with no identity at all,
    PostgreSQL would even refuse the table's UPDATEs and DELETEs."""
    keys = dict(replicated_tables(model))
    found = _identity_columns(conn, list(keys))
    gaps = []
    for table, key in keys.items():
        ident, columns = found.get(table, ("?", set()))
        if ident != "f" and not set(key) <= columns:
            gaps.append(table)
    return gaps


def setup(conn: psycopg.Connection, model: GraphModel) -> list[str]:
    """Create (or bring up to date) the publication and the slot; return what was done.

    Idempotent: a second call finds everything in place and changes nothing. Tables whose
    replica identity does not carry the model's key get REPLICA IDENTITY FULL first.
    """
    support = wal_support(conn)
    if not support.allowed:
        raise CaptureUnavailable(
            f"WAL capture is not available: {support.reason}",
            hint="set wal_level=logical and grant REPLICATION, or sync with `--capture triggers`",
        )
    done = []
    for table in identity_gaps(conn, model):
        _alter(conn, sql.SQL("ALTER TABLE {} REPLICA IDENTITY FULL").format(sql.Identifier(table)))
        done.append(f"{table}: REPLICA IDENTITY FULL (its primary key does not hold the model key)")
    done.extend(_ensure_publication(conn, model))
    if _slot_row(conn) is None:
        slot = slot_name(conn)
        conn.commit()  # a slot is created outside any transaction that wrote
        with _autocommit(conn):
            conn.execute(
                "SELECT pg_create_logical_replication_slot(%s, %s)", (slot, PLUGIN)
            ).fetchone()
        done.append(f"created the replication slot {slot} ({PLUGIN})")
    conn.commit()
    return done


def _alter(conn: psycopg.Connection, statement: sql.Composable) -> None:
    try:
        with conn.transaction():
            conn.execute(statement)
    except psycopg.errors.InsufficientPrivilege as e:
        raise CaptureUnavailable(
            f"WAL capture needs DDL this role may not run: {e.diag.message_primary}",
            hint="run `vivim-graph sync setup` as the tables' owner, or sync with "
            "`--capture triggers`",
        ) from e


@contextlib.contextmanager
def _autocommit(conn: psycopg.Connection) -> Iterator[None]:
    previous = conn.autocommit
    conn.autocommit = True
    try:
        yield
    finally:
        conn.autocommit = previous


def _published_tables(conn: psycopg.Connection) -> set[str] | None:
    """The tables in the publication (None: no publication)."""
    exists = conn.execute("SELECT 1 FROM pg_publication WHERE pubname = %s", (PUBLICATION,))
    if exists.fetchone() is None:
        return None
    rows = conn.execute(
        "SELECT tablename FROM pg_publication_tables WHERE pubname = %s AND schemaname = 'public'",
        (PUBLICATION,),
    ).fetchall()
    return {t for (t,) in rows}


def _ensure_publication(conn: psycopg.Connection, model: GraphModel) -> list[str]:
    tables = sorted(t for t, _ in replicated_tables(model))
    listed = sql.SQL(", ").join(sql.Identifier(t) for t in tables)
    published = _published_tables(conn)
    if published is None:
        _alter(
            conn,
            sql.SQL("CREATE PUBLICATION {} FOR TABLE {}").format(
                sql.Identifier(PUBLICATION), listed
            ),
        )
        return [f"created the publication {PUBLICATION} over {len(tables)} tables"]
    if published != set(tables):
        _alter(
            conn,
            sql.SQL("ALTER PUBLICATION {} SET TABLE {}").format(
                sql.Identifier(PUBLICATION), listed
            ),
        )
        return [f"set the publication {PUBLICATION} to the model's {len(tables)} tables"]
    return []


def teardown(conn: psycopg.Connection) -> list[str]:
    """Drop the slot (releasing the WAL it keeps) and the publication; idempotent."""
    done = []
    conn.commit()
    with _autocommit(conn):
        if _slot_row(conn) is not None:
            slot = slot_name(conn)
            conn.execute("SELECT pg_drop_replication_slot(%s)", (slot,))
            done.append(f"dropped the replication slot {slot}")
        if _published_tables(conn) is not None:
            conn.execute(sql.SQL("DROP PUBLICATION {}").format(sql.Identifier(PUBLICATION)))
            done.append(f"dropped the publication {PUBLICATION}")
    return done


# ----------------------------------------------------------------- the slot's state
@dataclass
class SlotStatus:
    name: str
    exists: bool
    plugin: str | None = None
    active: bool = False
    confirmed_lsn: int | None = None
    restart_lsn: int | None = None
    current_lsn: int = 0
    wal_status: str | None = None  # reserved, extended, unreserved, lost
    safe_wal_size: int | None = None  # bytes before max_slot_wal_keep_size invalidates it
    keep_size: int | None = None  # max_slot_wal_keep_size in bytes (None: unlimited)
    published: set[str] | None = None
    graph_lsn: int | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def lag_bytes(self) -> int | None:
        """WAL written since the last change the graph confirmed."""
        return None if self.confirmed_lsn is None else self.current_lsn - self.confirmed_lsn

    @property
    def retained_bytes(self) -> int | None:
        """WAL the server keeps on disk for this slot."""
        return None if self.restart_lsn is None else self.current_lsn - self.restart_lsn


def _slot_row(conn: psycopg.Connection) -> tuple | None:
    return conn.execute(
        "SELECT plugin, active, confirmed_flush_lsn::text, restart_lsn::text, wal_status, "
        "safe_wal_size FROM pg_replication_slots "
        "WHERE slot_name = %s AND database = current_database()",
        (slot_name(conn),),
    ).fetchone()


def slot_status(conn: psycopg.Connection, graph_lsn: int | None = None) -> SlotStatus:
    row = _slot_row(conn)
    current = conn.execute(
        "SELECT pg_current_wal_lsn()::text, "
        "pg_size_bytes(nullif(current_setting('max_slot_wal_keep_size'), '-1'))"
    ).fetchone()
    status = SlotStatus(slot_name(conn), exists=row is not None, graph_lsn=graph_lsn)
    status.published = _published_tables(conn)
    conn.commit()
    status.current_lsn = pgoutput.parse_lsn(current[0]) if current else 0
    status.keep_size = int(current[1]) if current and current[1] is not None else None
    if row is not None:
        plugin, active, confirmed, restart, wal_status, safe = row
        status.plugin, status.active, status.wal_status = plugin, bool(active), wal_status
        status.confirmed_lsn = pgoutput.parse_lsn(confirmed) if confirmed else None
        status.restart_lsn = pgoutput.parse_lsn(restart) if restart else None
        status.safe_wal_size = int(safe) if safe is not None else None
    status.warnings = retention_warnings(status)
    return status


def _size(n: int) -> str:
    for unit in ("bytes", "KiB", "MiB", "GiB"):
        if abs(n) < 1024 or unit == "GiB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n = n / 1024  # type: ignore[assignment]
    return str(n)


def retention_warnings(status: SlotStatus) -> list[str]:
    """Why the slot's retained WAL is, or is becoming, a danger to the server's disk."""
    if not status.exists:
        return []
    warnings = []
    retained = status.retained_bytes or 0
    if status.wal_status == "lost":
        return [
            f"the slot {status.name} was invalidated (max_slot_wal_keep_size): the WAL it "
            "needed is gone; run `vivim-graph sync teardown`, `sync setup`, then `sync --full`"
        ]
    if status.wal_status == "unreserved":
        warnings.append(
            f"the slot {status.name} is past max_slot_wal_keep_size and will be invalidated at the "
            "next checkpoint: run `vivim-graph sync` now"
        )
    if status.keep_size and retained >= status.keep_size // 2:
        warnings.append(
            f"the slot keeps {_size(retained)} of WAL, over half of max_slot_wal_keep_size "
            f"({_size(status.keep_size)}): sync more often"
        )
    elif retained >= RETAINED_WARN_BYTES:
        warnings.append(
            f"the slot keeps {_size(retained)} of WAL on the server's disk (warning from "
            f"{_size(RETAINED_WARN_BYTES)}): sync more often, or `vivim-graph sync teardown` "
            "if this graph is no longer synced"
        )
    return warnings


def wal_gaps(conn: psycopg.Connection, model: GraphModel, graph_lsn: int | None) -> list[str]:
    """Why changes could have escaped this graph since its last run (empty: none)."""
    status = slot_status(conn, graph_lsn)
    gaps = []
    if not status.exists:
        gaps.append(f"the replication slot {status.name} is missing")
    elif status.plugin != PLUGIN:
        gaps.append(f"the replication slot {status.name} uses {status.plugin}, not {PLUGIN}")
    elif status.wal_status == "lost":
        gaps.append(f"the replication slot {status.name} was invalidated (its WAL was removed)")
    elif graph_lsn is not None and (status.confirmed_lsn or 0) > graph_lsn:
        gaps.append(
            f"the replication slot {status.name} is at "
            f"{pgoutput.format_lsn(status.confirmed_lsn or 0)}, "
            f"past this graph's position {pgoutput.format_lsn(graph_lsn)} (read by another "
            "consumer, or dropped and created again)"
        )
    if status.published is None:
        gaps.append(f"the publication {PUBLICATION} is missing")
    else:
        missing = sorted({t for t, _ in replicated_tables(model)} - status.published)
        gaps.extend(f"{t}: not in the publication {PUBLICATION}" for t in missing)
    gaps.extend(
        f"{t}: its replica identity does not carry the model key"
        for t in identity_gaps(conn, model)
    )
    conn.commit()
    return gaps


def _refuse(gaps: list[str]) -> CaptureGap:
    return refuse_gaps(
        gaps,
        "the write-ahead log capture",
        hint="run `vivim-graph sync --capture wal --full`: it sets the slot and publication "
        "up again, then reconciles every table",
    )


# ----------------------------------------------------------------- reading the slot
# Key values arrive as text; they become what the trigger path's to_jsonb keys are, so the
# same key gives the same node key (``key_of``) and the same change entry.
_INTEGER_TYPES = {20, 21, 23, 26}  # int8, int2, int4, oid
_FLOAT_TYPES = {700, 701}
_NUMERIC, _BOOL = 1700, 16


def _typed(value: str, type_oid: int) -> Any:
    if type_oid in _INTEGER_TYPES:
        return int(value)
    if type_oid == _BOOL:
        return value == "t"
    if type_oid in _FLOAT_TYPES:
        return float(value)
    if type_oid == _NUMERIC:
        number = Decimal(value)
        return int(number) if number == number.to_integral_value() else float(number)
    return value


@dataclass
class WalRead:
    """What one run read from the slot."""

    changes: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    truncated: set[str] = field(default_factory=set)
    xids: set[int] = field(default_factory=set)  # transactions with a change to apply
    transactions: int = 0
    messages: int = 0
    last_end_lsn: int = 0

    def add(self, table: str, key: dict[str, Any]) -> None:
        self.changes[table][json.dumps(key, sort_keys=True, default=str)] = key

    def keyed(self) -> dict[str, list[dict[str, Any]]]:
        return {t: list(keys.values()) for t, keys in self.changes.items()}


class ChangeDecoder:
    """Turns a stream of pgoutput messages into change entries (table, key), as the
    trigger path's change log holds them: an insert logs the new key; an update the new
    key, and the old one too when the key moved; a delete the old key; a truncate the table.
    """

    def __init__(self, keys: dict[str, tuple[str, ...]]) -> None:
        self.keys = keys  # table -> the model's key columns
        self.relations: dict[int, pgoutput.Relation] = {}
        self.read = WalRead()
        self.xid = 0

    def feed(self, message: pgoutput.Message) -> None:
        self.read.messages += 1
        match message:
            case pgoutput.Relation():
                self.relations[message.oid] = message
            case pgoutput.Begin():
                self.xid = message.xid
            case pgoutput.Commit():
                self.read.transactions += 1
                self.read.last_end_lsn = max(self.read.last_end_lsn, message.end_lsn)
            case pgoutput.Insert():
                self._row(message.relation, message.new)
            case pgoutput.Update():
                new = self._row(message.relation, message.new, fallback=message.old)
                if message.old is not None:
                    self._row(message.relation, message.old, unless=new)
            case pgoutput.Delete():
                self._row(message.relation, message.old)
            case pgoutput.Truncate():
                for oid in message.relations:
                    self.read.truncated.add(self._relation(oid).name)
                    self.read.xids.add(self.xid)

    def _relation(self, oid: int) -> pgoutput.Relation:
        relation = self.relations.get(oid)
        if relation is None:  # pgoutput sends a Relation before a relation's first change
            raise pgoutput.PgoutputError(f"pgoutput change for relation {oid} before its Relation")
        return relation

    def _row(self, oid, values, *, fallback=None, unless=None) -> dict[str, Any] | None:
        relation = self._relation(oid)
        key_columns = self.keys.get(relation.name)
        if key_columns is None:  # not replicated: named in the run's warnings
            self.read.add(relation.name, {})
            return None
        by_name = {c.name: (v, c.type_oid) for c, v in zip(relation.columns, values, strict=True)}
        if fallback is not None and any(
            by_name.get(c, (None,))[0] is pgoutput.UNCHANGED for c in key_columns
        ):
            return self._row(oid, fallback)  # a TOASTed key column the update did not touch
        key = {}
        for column in key_columns:
            value, type_oid = by_name.get(column, (None, 0))
            key[column] = None if value is None else _typed(str(value), type_oid)
        if key != unless:
            self.read.add(relation.name, key)
            self.read.xids.add(self.xid)
        return key


_PEEK = """
SELECT data FROM pg_logical_slot_peek_binary_changes(
    %s, %s::pg_lsn, NULL, 'proto_version', '1', 'publication_names', %s)
"""


def read_wal_changes(conn: psycopg.Connection, model: GraphModel) -> tuple[WalRead, int]:
    """Every change the slot holds up to the WAL flushed now, decoded; and the position the
    run may confirm once they are applied. Peeking consumes nothing."""
    decoder = ChangeDecoder(dict(replicated_tables(model)))
    with conn.transaction():
        row = conn.execute("SELECT pg_current_wal_flush_lsn()::text").fetchone()
        upto = row[0] if row else "0/0"
        with conn.cursor(name=f"vivim_wal_{uuid.uuid4().hex[:8]}") as cursor:
            cursor.itersize = 2000
            cursor.execute(_PEEK, (slot_name(conn), upto, PUBLICATION))
            for (data,) in cursor:
                decoder.feed(pgoutput.decode(bytes(data)))
    # Every transaction committed before ``upto`` was decoded (peek reads each record that
    # starts before it), so the slot may move there even when none of them was ours.
    return decoder.read, max(pgoutput.parse_lsn(upto), decoder.read.last_end_lsn)


def _wait_until_visible(conn: psycopg.Connection, xids: set[int], timeout: float) -> None:
    """Until a snapshot sees every transaction in ``xids`` (32-bit ids from the WAL).

    A transaction is decoded once its commit record is written; it leaves the running set,
    becoming visible, a moment later. A snapshot that sees it is followed by ones that do.
    """
    deadline = time.monotonic() + timeout
    while xids:
        row = conn.execute(
            "SELECT pg_snapshot_xmax(s)::text, array(SELECT pg_snapshot_xip(s)::text) "
            "FROM pg_current_snapshot() s"
        ).fetchone()
        conn.commit()
        xmax = int(row[0]) if row else 0
        running = {int(x) for x in (row[1] if row else [])}
        if not any(in_flight(x, xmax, running) for x in xids):
            return
        if time.monotonic() > deadline:
            raise VivimGraphError(
                f"transactions read from the WAL did not become visible within {timeout:.0f} s",
                hint="run `vivim-graph sync` again",
            )
        time.sleep(0.01)


def in_flight(xid: int, xmax: int, running: set[int]) -> bool:
    """Whether a committed 32-bit ``xid`` is still invisible to a snapshot (``xmax`` and
    ``running`` are 64-bit ids: epoch and xid): at or past xmax, or still running."""
    behind = (xmax - xid) % (1 << 32)  # how far the xid is below xmax, modulo wraparound
    if behind == 0 or behind >= 1 << 31:
        return True
    return (xmax - behind) in running


def advance_slot(conn: psycopg.Connection, lsn: int) -> None:
    """Move the slot's confirmed position forward to ``lsn`` (never backwards)."""
    row = _slot_row(conn)
    confirmed = pgoutput.parse_lsn(row[2]) if row and row[2] else None
    if confirmed is not None and lsn > confirmed:
        conn.execute(
            "SELECT pg_replication_slot_advance(%s, %s::pg_lsn)",
            (slot_name(conn), pgoutput.format_lsn(lsn)),
        )
    conn.commit()


# ----------------------------------------------------------------- the run
def sync_once_wal(
    driver: neo4j.Driver, conn: psycopg.Connection, model: GraphModel, **options: Any
) -> SyncSummary:
    """``sync.sync_once`` with changes read from the WAL: the same options, lock,
    validation, apply, summary and failure handling."""
    return sync_once(driver, conn, model, locked_run=_wal_locked, **options)


def _wal_locked(driver, conn, model, *, started_at: float | None = None, **run: Any) -> SyncSummary:
    return _locked(driver, conn, model, _Run(**run), started_at)


@dataclass(frozen=True)
class _Run:
    source: str
    database: str
    batch_size: int
    full: bool
    dry_run: bool
    progress: Callable[[str, int, int | None], None]
    interrupt: Interrupt


def _locked(driver, conn, model, run: _Run, started_at: float | None) -> SyncSummary:
    graph_lsn = read_positions(driver, run.database, run.source).lsn
    summary = SyncSummary(
        run_id=uuid.uuid4().hex,
        mode="full" if run.full or graph_lsn is None else "incremental",
        source=run.source,
        started_at=started_at or time.time(),
        dry_run=run.dry_run,
        capture="wal",
    )

    def checked_progress(task: str, done: int, total: int | None) -> None:
        run.progress(task, done, total)
        if run.interrupt.requested:  # after a batch was written: stop at this boundary
            raise Stopped

    try:
        if summary.mode == "full":
            position = _full(driver, conn, model, summary, run, checked_progress)
        else:
            position = _incremental(
                driver, conn, model, summary, run, checked_progress, graph_lsn or 0
            )
    except Stopped:
        summary.stopped_early, position = True, 0
    except BaseException as e:
        conn.rollback()
        summary.status, summary.ended_at = "failed", time.time()
        if not run.dry_run and not isinstance(e, NEO4J_GONE):
            with contextlib.suppress(Exception):
                record_run(driver, run.database, summary, None)
        raise
    _finish(driver, conn, run, summary, position)
    return summary


def _full(driver, conn, model, summary: SyncSummary, run: _Run, progress) -> int:
    """Set the capture up before the import's snapshot; return the slot's position."""
    if run.dry_run:
        summary.plan = {"full": {"tables": len(model.tables)}}
        return 0
    summary.warnings.extend(w for w in setup(conn, model) if "REPLICA IDENTITY" in w)
    row = _slot_row(conn)
    conn.commit()
    position = pgoutput.parse_lsn(row[2]) if row and row[2] else 0
    run_full(driver, conn, model, summary, run.database, run.batch_size, False, progress)
    return position


def _incremental(driver, conn, model, summary, run: _Run, progress, graph_lsn: int) -> int:
    gaps = wal_gaps(conn, model, graph_lsn)
    if gaps:
        raise _refuse(gaps)
    read, position = read_wal_changes(conn, model)
    _wait_until_visible(conn, read.xids, VISIBLE_TIMEOUT)
    apply_captured(
        driver,
        conn,
        model,
        summary,
        read.keyed(),
        read.truncated,
        database=run.database,
        batch_size=run.batch_size,
        dry_run=run.dry_run,
        progress=progress,
        interrupt=run.interrupt,
    )
    return position


def _finish(driver, conn, run: _Run, summary: SyncSummary, position: int) -> None:
    """Record how the run ended; only a completed run records its position, and the slot
    moves only after that (a crash in between replays, never skips)."""
    if end_run(driver, conn, run.database, summary, {"lsn": pgoutput.format_lsn(position)}):
        advance_slot(conn, position)
        summary.warnings.extend(slot_status(conn).warnings)
