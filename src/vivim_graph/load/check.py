"""`vivim-graph check`: reconcile PostgreSQL against the graph, table by table.

- rows per table against nodes per label, and the keys themselves, compared by a merge of
  two sorted key lists (memory holds one label's keys), so a missing node and an orphan node
  cannot cancel out;
- non-NULL foreign keys against relationships, and join rows against relationships;
- with ``deep``, every property of every node and relationship against its row: both sides
  streamed sorted by key and merged, as the key lists are, so memory stays flat and an
  operator can prove a replica equal (a value edited in either database shows, which a
  count or key comparison cannot see).
"""

from __future__ import annotations

import datetime as dt
import itertools
from collections import defaultdict
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any, LiteralString

import neo4j
import psycopg
from psycopg import sql

from vivim_graph.load.importer import count_rows, stream_rows
from vivim_graph.model.cypher import (
    CHECK_JOIN_VALUES,
    CHECK_NODE_KEYS,
    CHECK_NODE_VALUES,
    CHECK_REFERENCE_VALUES,
    CHECK_RELATIONSHIP_COUNTS,
)
from vivim_graph.model.rows import join_row, key_of, node_row
from vivim_graph.model.spec import GraphModel, JoinSpec, NodeSpec


@dataclass
class Mismatch:
    kind: str  # "label" or "relationship"
    name: str
    table: str
    rows: int
    graph: int
    missing: list[Any] = field(default_factory=list)  # keys in PostgreSQL, not in the graph
    orphans: list[Any] = field(default_factory=list)  # keys in the graph, not in PostgreSQL
    # kind "property": (key, property, value from the row, value in the graph), the first few;
    # ``graph`` then counts every difference found, ``rows`` the elements compared
    differences: list[tuple[Any, str, Any, Any]] = field(default_factory=list)


@dataclass
class CheckReport:
    labels_checked: int = 0
    relationships_checked: int = 0
    mismatches: list[Mismatch] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.mismatches


def _read(driver: neo4j.Driver, database: str, query: LiteralString, **params: Any) -> list[Any]:
    records, _, _ = driver.execute_query(
        query,
        database_=database,
        routing_=neo4j.RoutingControl.READ,
        **params,
    )
    return records


def _graph_keys_by_label(
    driver: neo4j.Driver, database: str, model: GraphModel
) -> Iterator[tuple[str, Iterator[Any]]]:
    """(label, its keys sorted) for every model label in the graph, from one query: one
    statement text whatever the model, so a cold server plans it once (a text per label cost
    ~10 s of planning on a fresh server). A label's keys arrive as one list, so memory holds
    one label's keys at a time, not the graph's."""
    keys = model.key_properties
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        for record in session.run(CHECK_NODE_KEYS, labels=list(keys), keys=keys):
            yield record["label"], iter(record["keys"])


def _relationship_counts(
    driver: neo4j.Driver, database: str, model: GraphModel
) -> dict[tuple[str, str, str, str | None], int]:
    """Relationships of the model's types by (start label, type, end label, source table),
    from one pass over the relationships (one statement, planned once)."""
    counts: dict[tuple[str, str, str, str | None], int] = defaultdict(int)
    records = _read(
        driver,
        database,
        CHECK_RELATIONSHIP_COUNTS,
        labels=list(model.key_properties),
        types=sorted(model.relationship_types()),
    )
    for record in records:
        for start in record["starts"]:
            for end in record["ends"]:
                counts[(start, record["type"], end, record["table"])] += record["c"]
    return counts


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
    deep: bool = False,
) -> CheckReport:
    report = CheckReport()
    keys: dict[str, tuple] = {}
    # The relationship pass runs on its own session while the keys are merged: Neo4j runs
    # each query on one core, so the two passes overlap.
    with ThreadPoolExecutor(max_workers=1) as pool:
        counting = pool.submit(_relationship_counts, driver, database, model)
        for label, graph_keys in _graph_keys_by_label(driver, database, model):
            node = model.node_by_label[label]
            keys[node.table] = _diff(_pg_keys(conn, node, batch_size), graph_keys)
        counts = counting.result()
    by_triple: dict[tuple[str, str, str], int] = defaultdict(int)  # a foreign key's, any table
    for (start, kind, end, _), c in counts.items():
        by_triple[(start, kind, end)] += c
    for node in model.nodes:
        missing, orphans, rows, nodes = keys.get(node.table) or _diff(
            _pg_keys(conn, node, batch_size), iter(())
        )
        report.labels_checked += 1
        if missing or orphans:
            report.mismatches.append(
                Mismatch("label", node.label, node.table, rows, nodes, missing, orphans)
            )
        not_null = _count_not_null(conn, node.table, [r.columns for r in node.references])
        for ref, expected in zip(node.references, not_null, strict=True):
            triple = (node.label, ref.type, model.label_of(ref.target))
            _count_relationships(
                report,
                "({})-[:{}]->({})".format(*triple),
                f"{node.table}.{','.join(ref.columns)}",
                expected,
                by_triple[triple],
            )
    for join in model.joins:
        triple = _join_triple(model, join)
        _count_relationships(
            report,
            "({})-[:{}]->({})".format(*triple),
            join.table,
            count_rows(conn, join.table),
            counts.get((*triple, join.table), 0),
        )
    if deep:
        report.mismatches.extend(deep_mismatches(driver, conn, model, database, batch_size))
    conn.rollback()
    return report


def _count_relationships(
    report: CheckReport, name: str, source: str, expected: int, found: int
) -> None:
    """One relationship set: as many relationships as non-NULL foreign keys or join rows."""
    report.relationships_checked += 1
    if expected != found:
        report.mismatches.append(Mismatch("relationship", name, source, expected, found))


def _count_not_null(
    conn: psycopg.Connection, table: str, references: list[tuple[str, ...]]
) -> list[int]:
    """Rows of a table whose foreign key is set, for each of its foreign keys: one scan."""
    if not references:
        return []
    query = sql.SQL("SELECT {} FROM {}").format(
        sql.SQL(", ").join(
            sql.SQL("count(*) FILTER (WHERE {})").format(
                sql.SQL(" AND ").join(
                    sql.SQL("{} IS NOT NULL").format(sql.Identifier(c)) for c in columns
                )
            )
            for columns in references
        ),
        sql.Identifier(table),
    )
    row = conn.execute(query).fetchone()
    return [int(n) for n in row] if row else [0] * len(references)


# ----------------------------------------------------------------- check --deep
VOLATILE = {"_sync_run"}  # which run last wrote an element: not part of its value
SHOWN = 10  # differences listed per label or type; all are counted


def deep_mismatches(
    driver: neo4j.Driver, conn: psycopg.Connection, model: GraphModel, database: str, batch: int
) -> list[Mismatch]:
    """Every node and relationship compared, property by property, with the row it comes
    from. The rows are converted exactly as the import converts them (``node_row`` and
    ``join_row``), so the expected value is the one a fresh import would write. The graph
    side is three streamed statements whatever the model (nodes, foreign keys, joins), each
    sorted by its group and then by key, so every group merges with its table's rows."""
    keys = model.key_properties
    labels = list(keys)
    found: list[Mismatch] = []
    nodes = _stream(driver, database, CHECK_NODE_VALUES, labels=labels, keys=keys)
    for (label,), actual in _groups(nodes, 1):
        node = model.node_by_label[label]
        found.append(_compare(label, node.table, _expected_nodes(conn, node, batch), actual))
    references = {
        (n.label, r.type, model.label_of(r.target)): (n, r)
        for n in model.nodes
        for r in n.references
    }
    fk_types = sorted({r.type for n in model.nodes for r in n.references})
    stream = _stream(
        driver, database, CHECK_REFERENCE_VALUES, labels=labels, keys=keys, types=fk_types
    )
    for triple, actual in _groups(stream, 3):
        if triple in references:
            node, ref = references[triple]
            expected = _expected_references(conn, node, ref.columns[0], batch)
            name = "({})-[:{}]->({})".format(*triple)
            found.append(_compare(name, node.table, expected, actual))
    joins = {j.table: j for j in model.joins}
    if joins:
        stream = _stream(
            driver,
            database,
            CHECK_JOIN_VALUES,
            labels=labels,
            keys=keys,
            types=sorted({j.type for j in model.joins}),
            merge={t: [_property_name(j, c) for c in j.merge_on] for t, j in joins.items()},
        )
        for (start, kind, end, table), actual in _groups(stream, 4):
            join = joins.get(table)
            if join is not None and (start, kind, end) == _join_triple(model, join):
                found.append(_compare_join(conn, model, join, actual, batch))
    conn.rollback()
    return [m for m in found if m.graph]


def _stream(driver: neo4j.Driver, database: str, query: LiteralString, **params: Any):
    """(group..., key, properties) of each record, properties without the volatile ones."""
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        for record in session.run(query, **params):
            p = {k: v for k, v in record["p"].items() if k not in VOLATILE}
            yield (*record.values()[:-2], record["k"], p)


def _groups(stream: Iterator[tuple], width: int) -> Iterator[tuple[tuple, Iterator]]:
    """A stream sorted by its first ``width`` fields, as (group, its (key, properties)s)."""
    for group, items in itertools.groupby(stream, key=lambda item: item[:width]):
        yield group, (item[width:] for item in items)


def _property_name(join: JoinSpec, column: str) -> str:
    return next(p.name for p in join.properties if p.column == column)


def _join_triple(model: GraphModel, join: JoinSpec) -> tuple[str, str, str]:
    return model.label_of(join.source.table), join.type, model.label_of(join.target.table)


def _value_props(props: dict[str, Any], temporals: dict[str, str | None], row, specs):
    """The properties ``SET n += row.props`` leaves: NULLs remove, temporals as values."""
    values = {k: v for k, v in props.items() if v is not None}
    for spec in specs:
        if spec.name in temporals and row.get(spec.column) is not None:
            values[spec.name] = row[spec.column]
    return values


def _expected_nodes(conn: psycopg.Connection, node: NodeSpec, batch: int):
    columns = list(dict.fromkeys([*node.key, *(p.column for p in node.properties)]))
    for rows in _ordered_rows(conn, node.table, columns, list(node.key), batch):
        for row in rows:
            converted = node_row(node, row)
            values = _value_props(converted["props"], converted["t"], row, node.properties)
            values |= {"_source_table": node.table, "_source_key": str(converted["key"])}
            yield converted["key"], values


def _expected_references(conn: psycopg.Connection, node: NodeSpec, column: str, batch: int):
    columns = [node.key[0], column]
    for rows in _ordered_rows(conn, node.table, columns, columns, batch):
        for row in rows:
            if row[column] is not None:
                yield [row[node.key[0]], row[column]], {"_source_table": node.table}


def _compare_join(conn, model: GraphModel, join: JoinSpec, actual, batch: int) -> Mismatch:
    ends = [join.source.columns[0], join.target.columns[0]]
    order = [*ends, *join.merge_on]
    columns = list(dict.fromkeys([*order, *(p.column for p in join.properties)]))

    def expected():
        for rows in _ordered_rows(conn, join.table, columns, order, batch):
            for row in rows:
                converted = join_row(join, row, ends[0], ends[1])
                values = _value_props(converted["props"], converted["t"], row, join.properties)
                values |= {
                    "_source_table": join.table,
                    "_source_key": f"{row[ends[0]]}|{row[ends[1]]}",
                }
                yield [row[c] for c in order], values

    name = "({})-[:{}]->({})".format(*_join_triple(model, join))
    return _compare(name, join.table, expected(), actual)


def _ordered_rows(conn, table: str, columns: list[str], order: list[str], batch: int):
    """Rows sorted as Neo4j sorts the same keys (text byte-wise, like Neo4j's code points)."""
    collatable = {
        name
        for (name,) in conn.execute(
            "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attcollation <> 0",
            (table,),
        ).fetchall()
    }
    query = sql.SQL("SELECT {} FROM {} ORDER BY {}").format(
        sql.SQL(", ").join(sql.Identifier(c) for c in columns),
        sql.Identifier(table),
        sql.SQL(", ").join(
            sql.SQL('{} COLLATE "C"' if c in collatable else "{}").format(sql.Identifier(c))
            for c in order
        ),
    )
    with conn.cursor(name=f"vivim_deep_{table}"[:60]) as cur:
        cur.itersize = batch
        cur.execute(query)
        while rows := cur.fetchmany(batch):
            yield [dict(zip(columns, r, strict=True)) for r in rows]


def _same(expected: Any, found: Any) -> bool:
    if hasattr(found, "to_native"):  # Neo4j Date / DateTime
        found = found.to_native()
        if isinstance(found, dt.datetime) and isinstance(expected, dt.datetime):
            if expected.tzinfo is None:  # Cypher reads a zone-less datetime as UTC
                expected = expected.replace(tzinfo=dt.UTC)
            return found == expected
    if isinstance(found, bool) or isinstance(expected, bool):
        return found is expected
    if isinstance(found, int | float) and isinstance(expected, int | float):
        return found == expected
    return type(found) is type(expected) and found == expected


def _compare(name: str, table: str, expected, actual) -> Mismatch:
    """Merge the two sorted streams; a key on one side only was already reported by the
    key check, so here only the properties of keys on both sides are compared."""
    result = Mismatch("property", name, table, 0, 0)
    for key, want, have in _pairs(expected, actual):
        if want is None or have is None:
            continue
        result.rows += 1
        for prop in sorted(set(want) | set(have)):
            a, b = want.get(prop), have.get(prop)
            if (a is None and b is None) or (a is not None and b is not None and _same(a, b)):
                continue
            result.graph += 1
            if len(result.differences) < SHOWN:
                result.differences.append((key, prop, a, b))
    return result


def _pairs(left, right):
    """(key, left value or None, right value or None) from two streams sorted by key."""
    a, b = next(left, None), next(right, None)
    while a is not None or b is not None:
        if b is None or (a is not None and a[0] < b[0]):
            yield a[0], a[1], None
            a = next(left, None)
        elif a is None or b[0] < a[0]:
            yield b[0], None, b[1]
            b = next(right, None)
        else:
            yield a[0], a[1], b[1]
            a, b = next(left, None), next(right, None)
