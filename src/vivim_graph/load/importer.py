"""Replicate the relational cost database into Neo4j, following the graph model.

Order of work, and why:
1. **Validate** every row first (pydantic, streamed) and every reference (SQL anti-joins in
   PostgreSQL). Bad input stops the run here, before anything is written, so the graph is
   left exactly as it was.
2. **Constraints**: a uniqueness constraint per label key makes each MERGE an index seek.
3. **Nodes**, then **relationships** (both ends must exist), each table streamed through a
   server-side cursor and written in ``UNWIND $rows`` batches of even size
   (``take_batches``), one managed transaction per batch (retried by the driver). Into a
   graph holding no model node (``BatchWriter.fresh``) everything is a CREATE: node batches
   go two at a time, relationship batches are written behind on a thread of their own. A
   run stopped in between leaves model nodes, so the rerun MERGEs, as every other run does.
4. **Sweep**: nodes of model labels that the run did not write (rows deleted since the
   last import) are removed, so the graph equals the database.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

import neo4j
import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from vivim_graph.errors import RowValidationError
from vivim_graph.model.cypher import (
    CREATE_NODES,
    CREATE_RELATIONSHIPS,
    DELETE_NODES,
    DELETE_STALE_RELATIONSHIPS,
    MERGE_REFERENCE,
    SCAN_NODES,
    UPDATE_NODES,
    create_schema,
    join_merge_query,
    missing_schema,
)
from vivim_graph.model.rows import (
    join_row,
    node_row,
    temporal_maps,
    validate_row,
)
from vivim_graph.model.spec import (
    GraphModel,
    NodeSpec,
    ReferenceSpec,
)

Progress = Callable[[str, int, int | None], None]  # (task, rows done, rows total)


@dataclass
class Tally:
    rows: int = 0
    created: int = 0
    deleted: int = 0


@dataclass
class ImportSummary:
    run_id: str
    nodes: dict[str, Tally] = field(default_factory=dict)
    relationships: dict[str, Tally] = field(default_factory=dict)
    swept: int = 0
    seconds: float = 0.0

    @property
    def rows_read(self) -> int:
        return sum(t.rows for t in self.nodes.values()) + sum(
            t.rows for t in self.relationships.values()
        )


# ----------------------------------------------------------------- reading
def stream_rows(
    conn: psycopg.Connection, table: str, columns: list[str], batch_size: int
) -> Iterator[list[dict[str, Any]]]:
    """Batches of rows through a server-side cursor: memory stays flat whatever the size."""
    query = sql.SQL("SELECT {} FROM {} ORDER BY 1").format(
        sql.SQL(", ").join(sql.Identifier(c) for c in columns), sql.Identifier(table)
    )
    # A server-side cursor lives in a transaction; open one if the caller has none.
    scope = conn.transaction() if conn.autocommit else contextlib.nullcontext()
    with (
        scope,
        conn.cursor(name=f"vivim_{uuid.uuid4().hex[:12]}", row_factory=dict_row) as cur,
    ):
        cur.itersize = batch_size
        cur.execute(query)
        while batch := cur.fetchmany(batch_size):
            yield batch


def count_rows(conn: psycopg.Connection, table: str) -> int:
    query = sql.SQL("SELECT count(*) FROM {}").format(sql.Identifier(table))
    row = conn.execute(query).fetchone()
    return int(row[0]) if row else 0


# ----------------------------------------------------------------- validation
_DECLARED_FOREIGN_KEYS = """
SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
       array(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.o),
       array(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, o)
             JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.o)
FROM pg_constraint c WHERE c.contype = 'f' AND c.convalidated
"""


def declared_foreign_keys(conn: psycopg.Connection) -> set[tuple[str, tuple, str, tuple]]:
    """Validated foreign-key constraints, one catalog query: PostgreSQL already guarantees
    that every row of these has its target, so re-checking them is wasted work."""
    return {(t, tuple(c), ft, tuple(fc)) for t, ft, c, fc in conn.execute(_DECLARED_FOREIGN_KEYS)}


# Rows of small tables kept from the validation pass for the write pass, up to this many in
# all: the write pass then reads only the big tables again, memory stays bounded.
KEEP_ROWS = 20_000


def node_columns(node: NodeSpec) -> list[str]:
    """The columns a node table is read with: its properties and its foreign keys."""
    return list(
        dict.fromkeys(
            [p.column for p in node.properties] + [c for r in node.references for c in r.columns]
        )
    )


def count_all(conn: psycopg.Connection, tables: list[str]) -> dict[str, int]:
    """Rows of every table in one statement (one round trip, not one per table)."""
    query = sql.SQL(" UNION ALL ").join(
        sql.SQL("SELECT {}::text, count(*) FROM {}").format(sql.Literal(t), sql.Identifier(t))
        for t in tables
    )
    return {t: int(n) for t, n in conn.execute(query)}


def fetch_small(conn: psycopg.Connection, nodes: list[NodeSpec]) -> dict[str, list[dict]]:
    """Small tables whole, their queries pipelined: one round trip instead of a cursor's
    four per table (declare, fetch, fetch, close)."""
    cursors = []
    with conn.pipeline():
        for node in nodes:
            cur = conn.cursor(row_factory=dict_row)
            cur.execute(
                sql.SQL("SELECT {} FROM {} ORDER BY 1").format(
                    sql.SQL(", ").join(sql.Identifier(c) for c in node_columns(node)),
                    sql.Identifier(node.table),
                )
            )
            cursors.append((node.table, cur))
    return {table: cur.fetchall() for table, cur in cursors}


def validate_source(
    conn: psycopg.Connection,
    model: GraphModel,
    batch_size: int,
    progress: Progress,
    kept: dict[str, list[tuple[dict[str, Any], dict[str, Any]]]] | None = None,
) -> dict[str, int]:
    """Every row and every reference, before the first write; returns rows per table.

    A reference is checked by anti-join only where PostgreSQL does not enforce it itself.
    Tables of at most ``batch_size`` rows are read in one pipelined round trip and kept in
    ``kept`` (row, converted row) while at most ``KEEP_ROWS`` rows are kept in all, so the
    write pass need not read them again; bigger tables stream through a server-side cursor.
    """
    declared = declared_foreign_keys(conn)
    counts = count_all(conn, [n.table for n in model.nodes])
    small, budget = [], KEEP_ROWS
    for node in model.nodes:
        if counts[node.table] <= batch_size and counts[node.table] <= budget:
            small.append(node)
            budget -= counts[node.table]
    prefetched = fetch_small(conn, small)
    keep = {n.table for n in small}
    for node in model.nodes:
        done, rows = 0, []
        if node.table in prefetched:
            batches: Iterator[list[dict[str, Any]]] = iter([prefetched.pop(node.table)])
        else:
            batches = stream_rows(conn, node.table, node_columns(node), batch_size)
        for batch in batches:
            for row in batch:
                validate_row(node.table, node.properties, node.key, row)
                out = node_row(node, row)  # exactness of money is part of validity
                if node.table in keep:
                    rows.append((row, out))
                done += 1
            progress(f"validate {node.table}", done, counts[node.table])
        if kept is not None and node.table in keep:
            kept[node.table] = rows
        for ref in node.references:
            if (node.table, ref.columns, ref.target, ref.target_columns) in declared:
                continue
            check_reference(conn, node.table, node.key, ref.columns, ref.target, ref.target_columns)
    for join in model.joins:
        for end in (join.source, join.target):
            if (join.table, end.columns, end.table, end.target_columns) in declared:
                continue
            check_reference(
                conn,
                join.table,
                (*join.source.columns, *join.target.columns),
                end.columns,
                end.table,
                end.target_columns,
            )
    return counts


def check_reference(
    conn: psycopg.Connection,
    table: str,
    key: tuple[str, ...],
    columns: tuple[str, ...],
    target: str,
    target_columns: tuple[str, ...],
) -> None:
    """An anti-join in PostgreSQL: a reference to no row, found without loading keys."""
    condition = sql.SQL(" AND ").join(
        sql.SQL("t.{} = s.{}").format(sql.Identifier(tc), sql.Identifier(c))
        for c, tc in zip(columns, target_columns, strict=True)
    )
    not_null = sql.SQL(" AND ").join(
        sql.SQL("s.{} IS NOT NULL").format(sql.Identifier(c)) for c in columns
    )
    query = sql.SQL(
        "SELECT {key}, {cols} FROM {table} s WHERE {not_null} AND NOT EXISTS "
        "(SELECT 1 FROM {target} t WHERE {condition}) LIMIT 1"
    ).format(
        key=sql.SQL(", ").join(sql.SQL("s.{}").format(sql.Identifier(k)) for k in key),
        cols=sql.SQL(", ").join(sql.SQL("s.{}").format(sql.Identifier(c)) for c in columns),
        table=sql.Identifier(table),
        not_null=not_null,
        target=sql.Identifier(target),
        condition=condition,
    )
    row = conn.execute(query).fetchone()
    if row is not None:
        key_value = row[0] if len(key) == 1 else "|".join(str(v) for v in row[: len(key)])
        ref_value = row[len(key) :]
        raise RowValidationError(
            f"{table} row {key_value!r}: column {', '.join(columns)} = "
            f"{ref_value[0] if len(ref_value) == 1 else ref_value} refers to no row of {target}",
            table=table,
            key=key_value,
            column=columns[0],
        )


# ----------------------------------------------------------------- writing
def _write(driver: neo4j.Driver, database: str, query: LiteralString, **params: Any):
    return _write_many(driver, database, [(query, params)])[0]


def _write_many(
    driver: neo4j.Driver, database: str, statements: list[tuple[LiteralString, dict[str, Any]]]
) -> list[Any]:
    """Several statements in one managed transaction (retried as a whole)."""

    def work(tx: neo4j.ManagedTransaction) -> list[Any]:
        return [tx.run(query, **params).consume().counters for query, params in statements]

    with driver.session(database=database) as session:
        return session.execute_write(work)


def _add(tally: Tally, counters: Any) -> None:
    tally.created += counters.nodes_created + counters.relationships_created
    tally.deleted += counters.nodes_deleted + counters.relationships_deleted


def table_order(model: GraphModel) -> list[NodeSpec]:
    """Node tables with the tables they point at first, so a foreign key's target is written
    before it (cycles and self-references are written at the end, see ``BatchWriter.deferred``)."""
    pending = {n.table: n for n in model.nodes}
    order: list[NodeSpec] = []
    while pending:
        ready = [
            n
            for n in pending.values()
            if all(r.target == n.table or r.target not in pending for r in n.references)
        ] or [next(iter(pending.values()))]
        for node in ready:
            order.append(pending.pop(node.table))
    return order


@dataclass
class WriteItem:
    node: NodeSpec
    row: dict[str, Any]  # the PostgreSQL row
    out: dict[str, Any]  # node_row(): key, props, t
    old: str | None  # elementId of the node as it was before the run, else None
    eid: str | None = None


@dataclass
class BatchWriter:
    """The write side of one import: elementIds of the nodes written, references pending."""

    driver: neo4j.Driver
    database: str
    model: GraphModel
    run: str
    summary: ImportSummary
    existing: dict[tuple[str, Any], tuple[str, bool]]  # (label, key) -> (eid, has _sync_run)
    targets: set[str]  # labels some foreign key or join points at: their eids are kept
    eids: dict[tuple[str, Any], str] = field(default_factory=dict)
    deferred: list[tuple[ReferenceSpec, NodeSpec, str, bool, Any]] = field(default_factory=list)
    # (node eid, relationship type) of the foreign keys a sync found the graph already
    # holding as the row is now: not written again.
    unchanged: set[tuple[str, str]] = field(default_factory=set)
    # A first import into a graph holding no model node (``fresh``): the relationships are
    # not written in their nodes' transaction but gathered in ``pending`` and written a full
    # batch at a time, the join rows with them. Each statement then has ``batch_size`` rows
    # but the last (Neo4j plans a statement again for a list of another size class, and the
    # seed's join tables of 26-92 rows cost a plan of their own), in fewer transactions. A
    # run stopped in between leaves model nodes, so the rerun is no longer fresh and MERGEs.
    fresh: bool = False
    batch_size: int = 5000
    pending: list[dict[str, Any]] = field(default_factory=list)
    # Its full batches are written behind, by a thread of their own, one at a time, while
    # this thread goes on (the next rows, the join rows, the last batches): the server
    # writes relationships while Python works (0.73 s → 0.68 s on the seeds, warm server).
    behind: ThreadPoolExecutor | None = field(default=None, repr=False)
    writing: Future | None = field(default=None, repr=False)

    def flush(self, items: list[WriteItem]) -> None:
        """One transaction: the nodes of a batch (any labels), then their foreign keys."""
        if items:
            self._bookkeep(items, *self._node_transaction(items))

    def flush_all(self, batches: list[list[WriteItem]]) -> None:
        """Batches in order; in a fresh import, their node transactions side by side.

        A fresh import's node statement only creates nodes: no batch waits for another's
        locks or reads its nodes, so the server writes two batches at once while this
        process waits. Their foreign keys are then worked out batch by batch, in
        order, as ``flush`` would (a batch's targets are in it or in batches before it).
        """
        if not (self.fresh and len(batches) > 1):
            for items in batches:
                self.flush(items)
            return
        with ThreadPoolExecutor(max_workers=2) as pool:
            done = list(pool.map(self._node_transaction, batches))
        for items, (deferred, counters) in zip(batches, done, strict=True):
            self._bookkeep(items, deferred, counters)

    def _node_transaction(self, items: list[WriteItem]) -> tuple[list, dict[str, Any]]:
        """Write the nodes of a batch (and, unless fresh, their foreign keys): (references
        to nodes not written yet, counters by relationship type)."""

        def work(tx: neo4j.ManagedTransaction) -> tuple[list, dict[str, Any]]:
            creates = [i for i in items if i.old is None]
            rows = [_node_params(k, i, None) for k, i in enumerate(creates)]
            if rows:  # (a sync's batch may create nothing: no statement to plan)
                # one record, not one per node: the driver's cost per record adds up
                created = tx.run(CREATE_NODES, rows=rows, run=self.run).single(strict=True)
                for i, eid in created["created"]:
                    creates[i].eid = eid
            updates = [_node_params(0, i, i.old) for i in items if i.old is not None]
            for i in items:
                i.eid = i.eid if i.old is None else i.old
            if updates:
                tx.run(UPDATE_NODES, rows=updates, run=self.run).consume()
            if self.fresh:
                return [], {}
            return self._references(tx, items)

        with self.driver.session(database=self.database) as session:
            return session.execute_write(work)

    def _bookkeep(self, items: list[WriteItem], deferred: list, counters: dict) -> None:
        """After a batch's node transaction: its foreign keys gathered (fresh), its targets'
        element ids kept, the tallies counted."""
        if self.fresh:  # every item is new: no MERGE, only rows to CREATE
            creates, _, deferred, counters = self._reference_rows(items)
            self.pending.extend(creates)
            self.write_pending()
        self.deferred.extend(deferred)
        for item in items:
            label, key = item.node.label, item.out["key"]
            self.existing.pop((label, key), None)
            if label in self.targets:
                self.eids[(label, key)] = cast(str, item.eid)
            tally = self.summary.nodes[label]
            tally.rows += 1
            tally.created += item.old is None
        for ref_type, (rows, created, deleted) in counters.items():
            tally = self.summary.relationships.setdefault(ref_type, Tally())
            tally.rows, tally.created, tally.deleted = (
                tally.rows + rows,
                tally.created + created,
                tally.deleted + deleted,
            )

    def _references(self, tx: neo4j.ManagedTransaction, items: list[WriteItem]):
        """Foreign keys of a written batch: CREATE from new nodes, MERGE from old ones."""
        creates, merges, deferred, counters = self._reference_rows(items)
        self._run_references(tx, creates, merges, counters)
        return deferred, {k: tuple(v) for k, v in counters.items()}

    def _reference_rows(self, items: list[WriteItem]):
        """The rows of a written batch's foreign keys: (CREATE rows, MERGE rows by table and
        key, references to nodes not written yet, [rows, created, deleted] by type)."""
        local = {(i.node.label, i.out["key"]): i.eid for i in items}
        creates: list[dict[str, Any]] = []
        merges: dict[tuple[str, ReferenceSpec], list[dict[str, Any]]] = defaultdict(list)
        deferred = []
        counters: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for item in items:
            for ref in item.node.references:
                counters[ref.type]  # a table with rows reports each of its foreign keys
                value = item.row[ref.columns[0]]
                if item.old is not None and (item.old, ref.type) in self.unchanged:
                    self.unchanged.discard((item.old, ref.type))
                    counters[ref.type][0] += value is not None
                    continue
                target = self.model.label_of(ref.target)
                b = (
                    None
                    if value is None
                    else local.get((target, value), self.eids.get((target, value)))
                )
                if value is not None and b is None:  # its target is written later
                    deferred.append((ref, item.node, cast(str, item.eid), item.old is None, value))
                    continue
                self._reference_row(
                    ref,
                    item.node,
                    cast(str, item.eid),
                    item.old is None,
                    b,
                    creates,
                    merges,
                    counters,
                )
        return creates, merges, deferred, counters

    @staticmethod
    def _reference_row(ref, node, a, new, b, creates, merges, counters) -> None:
        if b is not None:
            counters[ref.type][0] += 1
        if new and b is not None:
            creates.append({"a": a, "b": b, "type": ref.type, "table": node.table})
            counters[ref.type][1] += 1
        elif not new:
            merges[(node.table, ref)].append({"a": a, "b": b})

    def _run_references(self, tx, creates, merges, counters) -> None:
        if creates:
            tx.run(CREATE_RELATIONSHIPS, rows=creates, run=self.run).consume()
        for (table, ref), rows in merges.items():
            target = self.model.label_of(ref.target)
            c = (
                tx.run(
                    MERGE_REFERENCE,
                    rows=rows,
                    type=ref.type,
                    target=target,
                    table=table,
                    run=self.run,
                )
                .consume()
                .counters
            )
            counters[ref.type][1] += c.relationships_created
            counters[ref.type][2] += c.relationships_deleted

    def write_deferred(self) -> None:
        """Foreign keys whose target came later in the table order (cycles, self-references)."""
        pending, self.deferred = self.deferred, []
        for start in range(0, len(pending), self.batch_size):
            chunk = pending[start : start + self.batch_size]
            if self.fresh:
                creates, _, counters = self._deferred_rows(chunk)
                self.pending.extend(creates)
                self.write_pending()
            else:

                def work(tx, chunk=chunk):
                    creates, merges, counters = self._deferred_rows(chunk)
                    self._run_references(tx, creates, merges, counters)
                    return counters

                with self.driver.session(database=self.database) as session:
                    counters = session.execute_write(work)
            for ref_type, (rows, created, deleted) in counters.items():
                tally = self.summary.relationships.setdefault(ref_type, Tally())
                tally.rows += rows
                tally.created += created
                tally.deleted += deleted

    def _deferred_rows(self, chunk):
        creates: list[dict[str, Any]] = []
        merges: dict = defaultdict(list)
        counters: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0])
        for ref, node, a, new, value in chunk:
            target = self.model.label_of(ref.target)
            # None: the target is not in the graph (a sync whose row points at a row
            # committed after its log was read: the next run links it)
            b = self.eids.get((target, value))
            self._reference_row(ref, node, a, new, b, creates, merges, counters)
        return creates, merges, counters

    def write_pending(self, *, last: bool = False) -> None:
        """The gathered relationship rows of a fresh import, a full batch per transaction;
        with ``last``, the rest too: its one or two batches share a transaction."""
        for chunk in take_batches(self.pending, self.batch_size):
            self._write_behind(chunk)
        if not last:
            return
        rest = list(take_batches(self.pending, self.batch_size, last=True))
        if rest:  # beside the batch still written behind: new relationships, no MERGE
            statements = [(CREATE_RELATIONSHIPS, {"rows": c, "run": self.run}) for c in rest]
            _write_many(self.driver, self.database, statements)
        self._wait_behind()

    def _write_behind(self, chunk: list[dict[str, Any]]) -> None:
        self._wait_behind()  # one batch at a time: memory stays bounded
        if self.behind is None:
            self.behind = ThreadPoolExecutor(max_workers=1, thread_name_prefix="vivim-rels")
        self.writing = self.behind.submit(
            _write, self.driver, self.database, CREATE_RELATIONSHIPS, rows=chunk, run=self.run
        )

    def _wait_behind(self) -> None:
        """Wait for the batch written behind; its error, if any, is raised here."""
        writing, self.writing = self.writing, None
        if writing is not None:
            writing.result()

    def close(self, *, failed: bool = False) -> None:
        """Stop the thread that writes behind, once its batch is done. After a failure
        elsewhere, that failure is the one reported: the batch's own error is dropped."""
        try:
            self._wait_behind()
        except Exception:
            if not failed:
                raise
        finally:
            if self.behind is not None:
                self.behind.shutdown()
                self.behind = None


def take_batches(rows: list, batch_size: int, *, last: bool = False) -> Iterator[list]:
    """Take full batches off the front of ``rows`` while a full batch stays behind; with
    ``last``, the rest as one batch, or as two of even size if more than one is left.

    So no statement gets a short list after full ones: by default Neo4j plans a statement
    again for each power of ten of a list parameter's length, and a 647-row tail after
    5,000-row batches cost a plan of its own (40 ms, as much as writing it). The local
    server is told not to (``servers.local_neo4j.PLANNER_AND_STOP_CONFIG``); a server the
    user brings, Aura or a cluster, keeps the default. Every batch but a lone one has
    between half a batch and a full batch of rows.
    """
    while len(rows) >= 2 * batch_size:
        yield rows[:batch_size]
        del rows[:batch_size]
    if last and rows:
        rest = rows[:]
        rows.clear()
        if len(rest) <= batch_size:
            yield rest
        else:
            half = (len(rest) + 1) // 2
            yield rest[:half]
            yield rest[half:]


def _node_params(i: int, item: WriteItem, old: str | None) -> dict[str, Any]:
    out = item.out
    return {
        "i": i,
        "e": old,
        "label": item.node.label,
        "key": out["key"],
        "props": out["props"],
        "table": item.node.table,
        **temporal_maps(item.node.properties, out["t"]),
    }


def scan_existing(driver, database, model) -> dict[tuple[str, Any], tuple[str, bool]]:
    """Every node of a model label already in the graph, by (label, key): one streamed scan.
    On an empty graph it finds nothing, and every write is a CREATE."""
    keys = model.key_properties
    found: dict[tuple[str, Any], tuple[str, bool]] = {}
    with driver.session(database=database) as session:
        for record in session.run(SCAN_NODES, labels=list(keys), keys=keys):
            found[(record["label"], record["key"])] = (record["e"], record["ran"])
    return found


def _graph_state(driver, database, model):
    """(schema statements missing, the model's nodes already in the graph)."""
    return missing_schema(driver, model, database), scan_existing(driver, database, model)


def write_nodes(writer: BatchWriter, conn, progress, totals, kept) -> None:
    """Every node table written in one pass (small ones from the validation pass's rows),
    rows of several tables sharing a transaction."""
    batch_size = writer.batch_size
    buffer: list[WriteItem] = []
    for node in table_order(writer.model):
        writer.summary.nodes.setdefault(node.label, Tally())
        done = 0
        for batch in _node_batches(conn, node, batch_size, kept):
            for row, out in batch:
                old = writer.existing.get((node.label, out["key"]))
                buffer.append(WriteItem(node, row, out, old[0] if old else None))
            writer.flush_all(list(take_batches(buffer, batch_size)))
            done += len(batch)
            progress(f"nodes {node.label}", done, totals.get(node.table))
    writer.flush_all(list(take_batches(buffer, batch_size, last=True)))
    writer.write_deferred()


def _node_batches(conn, node: NodeSpec, batch_size: int, kept: dict) -> Iterator[list]:
    if node.table in kept:
        yield kept.pop(node.table)
        return
    for batch in stream_rows(conn, node.table, node_columns(node), batch_size):
        yield [(row, node_row(node, row)) for row in batch]


def write_joins(writer: BatchWriter, conn, progress) -> None:
    """Join rows: CREATE into a graph that held no model node, else MERGE."""
    model = writer.model
    for join in model.joins:
        source = model.label_of(join.source.table)
        target = model.label_of(join.target.table)
        columns = [join.source.columns[0], join.target.columns[0]] + [
            p.column
            for p in join.properties
            if p.column not in (join.source.columns[0], join.target.columns[0])
        ]
        tally = writer.summary.relationships.setdefault(join.type, Tally())
        merge = join_merge_query(join)
        for batch in stream_rows(conn, join.table, columns, writer.batch_size):
            rows = []
            for r in batch:
                row = join_row(join, r, columns[0], columns[1])
                row["a"] = writer.eids[(source, row["source"])]
                row["b"] = writer.eids[(target, row["target"])]
                rows.append(row)
            if writer.fresh:  # gathered, written with the references (BatchWriter.pending)
                writer.pending.extend(
                    {
                        "a": row["a"],
                        "b": row["b"],
                        "type": join.type,
                        "table": join.table,
                        "props": row["props"],
                        "key": f"{row['source']}|{row['target']}",
                        **temporal_maps(join.properties, row["t"]),
                    }
                    for row in rows
                )
                writer.write_pending()
                tally.created += len(rows)
            else:
                counters = _write(
                    writer.driver,
                    writer.database,
                    merge,
                    rows=rows,
                    table=join.table,
                    run=writer.run,
                )
                _add(tally, counters)
            tally.rows += len(rows)
            progress(f"relationships {join.type}", tally.rows, None)


def sweep_stale(writer: BatchWriter) -> int:
    """Remove nodes (and their relationships) of model labels not written by this run."""
    batch_size = writer.batch_size
    if writer.fresh:  # the graph held no model node: everything in it was written by this run
        return 0
    stale = sorted({eid for eid, ran in writer.existing.values() if ran})
    removed = 0
    for start in range(0, len(stale), batch_size):
        counters = _write(
            writer.driver, writer.database, DELETE_NODES, eids=stale[start : start + batch_size]
        )
        removed += counters.nodes_deleted
    # Relationships of rows deleted since the last run (join rows, or FKs of kept nodes).
    model = writer.model
    tables = sorted({n.table for n in model.nodes if n.references} | {j.table for j in model.joins})
    counters = _write(
        writer.driver,
        writer.database,
        DELETE_STALE_RELATIONSHIPS,
        tables=tables,
        run=writer.run,
    )
    return removed + counters.relationships_deleted


def import_graph(
    driver: neo4j.Driver,
    conn: psycopg.Connection,
    model: GraphModel,
    *,
    database: str = "neo4j",
    batch_size: int = 5000,
    progress: Progress = lambda *_: None,
    run: str | None = None,
) -> ImportSummary:
    """Validate, then write every table of the model into Neo4j. Idempotent."""
    started = time.perf_counter()
    run = run or uuid.uuid4().hex
    summary = ImportSummary(run_id=run)
    kept: dict[str, list] = {}
    conn.rollback()  # end any read the caller left open: the snapshot must start here
    # One snapshot for every read of the run, validation included: the rows written are
    # the rows validated, and a foreign key's target is in the same snapshot as its row.
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        # What the graph holds is read while the source is validated: both only read, and
        # the server answers while Python checks the rows. Nothing is written before the
        # validation has passed, the schema included.
        with ThreadPoolExecutor(max_workers=1) as pool:
            lookup = pool.submit(_graph_state, driver, database, model)
            totals = validate_source(conn, model, batch_size, progress, kept)
            missing, existing = lookup.result()
        create_schema(driver, missing, database)
        targets = {model.label_of(r.target) for n in model.nodes for r in n.references}
        targets |= {model.label_of(e.table) for j in model.joins for e in (j.source, j.target)}
        writer = BatchWriter(
            driver,
            database,
            model,
            run,
            summary,
            existing,
            targets,
            fresh=not existing,
            batch_size=batch_size,
        )
        try:
            write_nodes(writer, conn, progress, totals, kept)
            write_joins(writer, conn, progress)
            writer.write_pending(last=True)
        except BaseException:
            writer.close(failed=True)
            raise
        writer.close()
    summary.swept = sweep_stale(writer)
    summary.seconds = time.perf_counter() - started
    return summary
