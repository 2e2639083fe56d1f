"""Replicate the relational cost database into Neo4j, following the graph model.

Order of work, and why:
1. **Validate** every row first (pydantic, streamed) and every reference (SQL anti-joins in
   PostgreSQL). Bad input stops the run here, before anything is written, so the graph is
   left exactly as it was.
2. **Constraints**: a uniqueness constraint per label key makes each MERGE an index seek.
3. **Nodes**, then **relationships** (both ends must exist), each table streamed through a
   server-side cursor and written in ``UNWIND $rows … MERGE`` batches, one managed
   transaction per batch (retried by the driver; every write is an idempotent MERGE).
4. **Sweep**: nodes of model labels that the run did not write (rows deleted since the
   last import) are removed, so the graph equals the database.
"""

from __future__ import annotations

import contextlib
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

import neo4j
import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from vivim_graph.errors import RowValidationError
from vivim_graph.model.cypher import apply_constraints
from vivim_graph.model.rows import (
    join_row,
    key_of,
    node_row,
    temporal_assignments,
    validate_row,
)
from vivim_graph.model.spec import GraphModel, JoinSpec, NodeSpec, ReferenceSpec, quote

Progress = Callable[[str, int, int | None], None]  # (task, rows done, rows total)


@dataclass
class Tally:
    rows: int = 0
    created: int = 0
    deleted: int = 0
    properties_set: int = 0


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


def _cypher(text: str) -> LiteralString:
    # Labels and types come only from the validated model and are backtick-quoted.
    return cast(LiteralString, text)


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
def validate_source(
    conn: psycopg.Connection, model: GraphModel, batch_size: int, progress: Progress
) -> None:
    """Every row and every reference, before the first write."""
    for node in model.nodes:
        columns = [p.column for p in node.properties]
        done = 0
        for batch in stream_rows(conn, node.table, columns, batch_size):
            for row in batch:
                validate_row(node.table, node.properties, node.key, row)
                node_row(node, row)  # exactness of money is part of validity
            done += len(batch)
            progress(f"validate {node.table}", done, None)
        for ref in node.references:
            _check_reference(
                conn, node.table, node.key, ref.columns, ref.target, ref.target_columns
            )
    for join in model.joins:
        for end in (join.source, join.target):
            _check_reference(
                conn,
                join.table,
                (*join.source.columns, *join.target.columns),
                end.columns,
                end.table,
                end.target_columns,
            )


def _check_reference(
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
def node_write_query(node: NodeSpec) -> LiteralString:
    label, key = quote(node.label), quote(node.key_property)
    return _cypher(
        f"UNWIND $rows AS row MERGE (n:{label} {{{key}: row.key}}) "
        "SET n += row.props" + temporal_assignments(node.properties, "n") + ", "
        "n._source_table = $table, n._source_key = toString(row.key), n._sync_run = $run"
    )


def reference_write_query(model: GraphModel, node: NodeSpec, ref: ReferenceSpec) -> LiteralString:
    """Set one foreign key's relationship, removing a stale one (a changed or NULL key)."""
    target = model.node_by_table[ref.target]
    a, b, t = quote(node.label), quote(target.label), quote(ref.type)
    ak, bk = quote(node.key_property), quote(target.key_property)
    return _cypher(
        f"UNWIND $rows AS row MATCH (a:{a} {{{ak}: row.key}}) "
        f"OPTIONAL MATCH (a)-[old:{t}]->(o:{b}) WHERE row.ref IS NULL OR o.{bk} <> row.ref "
        "DELETE old "
        "WITH DISTINCT a, row WHERE row.ref IS NOT NULL "
        f"MATCH (b:{b} {{{bk}: row.ref}}) MERGE (a)-[r:{t}]->(b) "
        "SET r._source_table = $table, r._sync_run = $run"
    )


def join_write_query(model: GraphModel, join: JoinSpec) -> LiteralString:
    source = model.node_by_table[join.source.table]
    target = model.node_by_table[join.target.table]
    names = {p.column: p.name for p in join.properties}
    merge_keys = ", ".join(f"{quote(names[c])}: row.props.{quote(names[c])}" for c in join.merge_on)
    merge_map = f" {{{merge_keys}}}" if merge_keys else ""
    return _cypher(
        f"UNWIND $rows AS row MATCH (a:{quote(source.label)} "
        f"{{{quote(source.key_property)}: row.source}}) "
        f"MATCH (b:{quote(target.label)} {{{quote(target.key_property)}: row.target}}) "
        f"MERGE (a)-[r:{quote(join.type)}{merge_map}]->(b) "
        "SET r += row.props" + temporal_assignments(join.properties, "r") + ", "
        "r._source_table = $table, "
        "r._source_key = toString(row.source) + '|' + toString(row.target), r._sync_run = $run"
    )


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
    tally.properties_set += counters.properties_set


def write_nodes(driver, database, conn, model, run, batch_size, progress, summary) -> None:
    for node in model.nodes:
        tally = summary.nodes.setdefault(node.label, Tally())
        total = count_rows(conn, node.table)
        query = node_write_query(node)
        for batch in stream_rows(conn, node.table, [p.column for p in node.properties], batch_size):
            rows = [node_row(node, r) for r in batch]
            _add(tally, _write(driver, database, query, rows=rows, table=node.table, run=run))
            tally.rows += len(rows)
            progress(f"nodes {node.label}", tally.rows, total)


def write_references(driver, database, conn, model, run, batch_size, progress, summary):
    for node in model.nodes:
        if not node.references:
            continue
        key_cols = list(node.key)
        ref_cols = [c for ref in node.references for c in ref.columns if c not in key_cols]
        columns = key_cols + list(dict.fromkeys(ref_cols))
        queries = [(ref, reference_write_query(model, node, ref)) for ref in node.references]
        total = count_rows(conn, node.table)
        done = 0
        for batch in stream_rows(conn, node.table, columns, batch_size):
            statements = []
            for ref, query in queries:
                rows = [{"key": key_of(node.key, r), "ref": r[ref.columns[0]]} for r in batch]
                statements.append((query, {"rows": rows, "table": node.table, "run": run}))
                tally = summary.relationships.setdefault(ref.type, Tally())
                tally.rows += sum(1 for r in rows if r["ref"] is not None)
            # All of a batch's foreign keys in one transaction.
            results = _write_many(driver, database, statements)
            for (ref, _), counters in zip(queries, results, strict=True):
                _add(summary.relationships[ref.type], counters)
            done += len(batch)
            progress(f"relationships of {node.label}", done, total)


def write_joins(driver, database, conn, model, run, batch_size, progress, summary) -> None:
    for join in model.joins:
        columns = [join.source.columns[0], join.target.columns[0]] + [
            p.column
            for p in join.properties
            if p.column not in (join.source.columns[0], join.target.columns[0])
        ]
        query = join_write_query(model, join)
        tally = summary.relationships.setdefault(join.type, Tally())
        total = count_rows(conn, join.table)
        for batch in stream_rows(conn, join.table, columns, batch_size):
            rows = [join_row(join, r, columns[0], columns[1]) for r in batch]
            _add(tally, _write(driver, database, query, rows=rows, table=join.table, run=run))
            tally.rows += len(rows)
            progress(f"relationships {join.type}", tally.rows, total)


def sweep_stale(driver, database, model, run) -> int:
    """Remove nodes (and their relationships) of model labels not written by this run."""
    removed = 0
    for node in model.nodes:
        query = _cypher(
            f"MATCH (n:{quote(node.label)}) WHERE n._sync_run <> $run "
            "WITH n LIMIT 10000 DETACH DELETE n RETURN count(*) AS removed"
        )
        while True:
            counters = _write(driver, database, query, run=run)
            removed += counters.nodes_deleted
            if counters.nodes_deleted == 0:
                break
    # Relationships of rows deleted since the last run (join rows, or FKs of kept nodes).
    tables = sorted({n.table for n in model.nodes if n.references} | {j.table for j in model.joins})
    counters = _write(
        driver,
        database,
        _cypher(
            "MATCH ()-[r]->() WHERE r._source_table IN $tables AND r._sync_run <> $run DELETE r"
        ),
        tables=tables,
        run=run,
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
    try:
        validate_source(conn, model, batch_size, progress)
    finally:
        conn.rollback()  # end the read transaction the cursors opened
    apply_constraints(driver, model, database)
    with conn.transaction():  # one consistent snapshot for every read of the run
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        write_nodes(driver, database, conn, model, run, batch_size, progress, summary)
        write_references(driver, database, conn, model, run, batch_size, progress, summary)
        write_joins(driver, database, conn, model, run, batch_size, progress, summary)
    summary.swept = sweep_stale(driver, database, model, run)
    summary.seconds = time.perf_counter() - started
    return summary
