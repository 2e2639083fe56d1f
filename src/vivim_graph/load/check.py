"""`vivim-graph check`: reconcile PostgreSQL against the graph, table by table.

- rows per table against nodes per label, and the keys themselves, compared by a streaming
  merge of two sorted key lists (memory stays flat), so a missing node and an orphan node
  cannot cancel out;
- non-NULL foreign keys against relationships, and join rows against relationships.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

import neo4j
import psycopg
from psycopg import sql

from vivim_graph.load.importer import count_rows, stream_rows
from vivim_graph.model.rows import key_of
from vivim_graph.model.spec import GraphModel, NodeSpec, quote


@dataclass
class Mismatch:
    kind: str  # "label" or "relationship"
    name: str
    table: str
    rows: int
    graph: int
    missing: list[Any] = field(default_factory=list)  # keys in PostgreSQL, not in the graph
    orphans: list[Any] = field(default_factory=list)  # keys in the graph, not in PostgreSQL


@dataclass
class CheckReport:
    labels_checked: int = 0
    relationships_checked: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def _read(driver: neo4j.Driver, database: str, query: str, **params: Any) -> list[Any]:
    records, _, _ = driver.execute_query(
        cast(LiteralString, query),
        database_=database,
        routing_=neo4j.RoutingControl.READ,
        **params,
    )
    return records


def _graph_keys(driver: neo4j.Driver, database: str, node: NodeSpec) -> Iterator[Any]:
    query = cast(
        LiteralString,
        f"MATCH (n:{quote(node.label)}) RETURN n.{quote(node.key_property)} AS k ORDER BY k",
    )
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        for record in session.run(query):  # streamed, not collected
            yield record["k"]


def _pg_keys(conn: psycopg.Connection, node: NodeSpec, batch_size: int) -> Iterator[Any]:
    if len(node.key) == 1:
        for batch in stream_rows(conn, node.table, list(node.key), batch_size):
            for row in batch:
                yield row[node.key[0]]
    else:  # composite keys are compared as their 'a|b' strings, sorted the same way
        keys = sorted(
            key_of(node.key, row)
            for batch in stream_rows(conn, node.table, list(node.key), batch_size)
            for row in batch
        )
        yield from keys


def _diff(left: Iterator[Any], right: Iterator[Any], limit: int = 10):
    """Merge two sorted streams; return (only_left, only_right, count_left, count_right)."""
    only_left, only_right = [], []
    count_left = count_right = 0
    a, b = next(left, None), next(right, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a < b):
            count_left += 1
            if len(only_left) < limit:
                only_left.append(a)
            a = next(left, None)
        elif a is None or b < a:
            count_right += 1
            if len(only_right) < limit:
                only_right.append(b)
            b = next(right, None)
        else:
            count_left += 1
            count_right += 1
            a, b = next(left, None), next(right, None)
    return only_left, only_right, count_left, count_right


def check_graph(
    driver: neo4j.Driver,
    conn: psycopg.Connection,
    model: GraphModel,
    *,
    database: str = "neo4j",
    batch_size: int = 5000,
) -> CheckReport:
    report = CheckReport()
    for node in model.nodes:
        missing, orphans, rows, nodes = _diff(
            _pg_keys(conn, node, batch_size), _graph_keys(driver, database, node)
        )
        report.labels_checked += 1
        if missing or orphans:
            report.mismatches.append(
                Mismatch("label", node.label, node.table, rows, nodes, missing, orphans)
            )
        for ref in node.references:
            target = model.node_by_table[ref.target]
            expected = _count_not_null(conn, node.table, ref.columns)
            found = _read(
                driver,
                database,
                f"MATCH (:{quote(node.label)})-[r:{quote(ref.type)}]->(:{quote(target.label)}) "
                "RETURN count(r) AS c",
            )[0]["c"]
            report.relationships_checked += 1
            if expected != found:
                report.mismatches.append(
                    Mismatch(
                        "relationship",
                        f"({node.label})-[:{ref.type}]->({target.label})",
                        f"{node.table}.{','.join(ref.columns)}",
                        expected,
                        found,
                    )
                )
    for join in model.joins:
        source = model.node_by_table[join.source.table]
        target = model.node_by_table[join.target.table]
        expected = count_rows(conn, join.table)
        found = _read(
            driver,
            database,
            f"MATCH (:{quote(source.label)})-[r:{quote(join.type)}]->(:{quote(target.label)}) "
            "WHERE r._source_table = $table RETURN count(r) AS c",
            table=join.table,
        )[0]["c"]
        report.relationships_checked += 1
        if expected != found:
            report.mismatches.append(
                Mismatch(
                    "relationship",
                    f"({source.label})-[:{join.type}]->({target.label})",
                    join.table,
                    expected,
                    found,
                )
            )
    conn.rollback()
    return report


def _count_not_null(conn: psycopg.Connection, table: str, columns: tuple[str, ...]) -> int:
    condition = sql.SQL(" AND ").join(
        sql.SQL("{} IS NOT NULL").format(sql.Identifier(c)) for c in columns
    )
    query = sql.SQL("SELECT count(*) FROM {} WHERE {}").format(sql.Identifier(table), condition)
    row = conn.execute(query).fetchone()
    return int(row[0]) if row else 0
