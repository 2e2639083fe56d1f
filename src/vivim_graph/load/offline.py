"""`vivim-graph import --offline`: a first load at scale through ``neo4j-admin database import``.

The online import writes through Bolt; for a first load into an empty graph the offline tool
builds the store directly, several times faster. This module streams PostgreSQL into the
tool's CSV files and swaps the store into the local server, and the graph it gives is the
online import's, property for property:

- **The same values.** Each property's CSV text is what the online path would store: where
  PostgreSQL's own text already is that value (integers, text, booleans as ``true``/``false``,
  ISO dates, datetimes through ``to_json``, exact money as ``(x * 100)::bigint``, numerics
  parsed as doubles) a table is streamed by ``COPY … TO STDOUT`` straight into its file, no
  Python per row. A table with a column of any other kind (JSON, arrays, inet and the like)
  goes through the importer's own ``node_row``/``join_row``, row by row.
- **The same checks.** Every row the online import would refuse is refused here, before the
  store is touched, with the same message: SQL finds the first row with a missing required
  value or money finer than a cent (then ``validate_row``/``node_row`` word the error), and
  references PostgreSQL does not enforce are checked by the importer's anti-joins.
- **The same provenance**: ``module``, ``_source_table``, ``_source_key``, ``_sync_run`` on
  nodes, ``_source_table`` (and the join key) on relationships; then the same constraints.

Every read is in one REPEATABLE READ snapshot, as in the online import. The store is built
in a staging home, and swapped in only once the tool has succeeded; the old one comes back
if the server does not start on the new one. The tool writes no schema (Community has no
``--schema``), so the constraints are created after start, then ``check`` runs.
"""

from __future__ import annotations

import re
import shutil
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import neo4j
import psycopg
from psycopg import sql
from psycopg.rows import dict_row

from vivim_graph.errors import OfflineImportRefused, RowValidationError, VivimGraphError
from vivim_graph.load.check import CheckReport, check_graph
from vivim_graph.load.importer import (
    ImportSummary,
    Progress,
    Tally,
    check_reference,
    declared_foreign_keys,
    node_columns,
    stream_rows,
)
from vivim_graph.model.cypher import (
    GRAPH_SAMPLE_LABELS,
    GRAPH_SIZE,
    WRITER_LOCK_HOLDER,
    apply_constraints,
)
from vivim_graph.model.rows import TEMPORAL, join_row, node_row, to_neo4j, validate_row
from vivim_graph.model.spec import SCALE, GraphModel, JoinSpec, NodeSpec, PropertySpec
from vivim_graph.neo4j_db import make_driver
from vivim_graph.servers.local_neo4j import LocalNeo4j
from vivim_graph.servers.neo4j_admin import (
    ImportSource,
    restore_store,
    run_admin_import,
    staging_home,
    swap_store,
)
from vivim_graph.settings import Settings

# PostgreSQL types whose text, as COPY writes it, is the property the online import stores.
_INTEGERS = {"int2", "int4", "int8"}
_NUMBERS = _INTEGERS | {"numeric", "float4", "float8"}
_FAST_TYPES: dict[str, set[str]] = {
    "integer": _INTEGERS,
    "string": {"text", "varchar", "bpchar", "name"},
    "boolean": {"bool"},
    "date": {"date"},
    "datetime": {"timestamp", "timestamptz"},
    "money": _NUMBERS,
    "price": _NUMBERS,
    "decimal": _NUMBERS,
    "float": _NUMBERS,
}
# The importer's header type of each model type (list: from the array's element type).
HEADER_TYPES = {
    "integer": "long",
    "string": "string",
    "boolean": "boolean",
    "date": "date",
    "datetime": "datetime",
    "money": "long",
    "price": "long",
    "decimal": "double",
    "float": "double",
    "json": "string",
}
_ARRAY_TYPES = {
    "_text": "string[]",
    "_varchar": "string[]",
    "_bpchar": "string[]",
    "_int2": "long[]",
    "_int4": "long[]",
    "_int8": "long[]",
    "_numeric": "double[]",
    "_float4": "double[]",
    "_float8": "double[]",
    "_bool": "boolean[]",
}
PROVENANCE = ("module:string", "_source_table:string", "_source_key:string", "_sync_run:string")
Echo = Callable[[str], None]
_COLUMN_TYPES = """
SELECT c.relname::text, a.attname::text, t.typname::text, t.typtype::text
FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_type t ON t.oid = a.atttypid
WHERE c.relname = ANY(%s) AND c.relnamespace = 'public'::regnamespace
  AND a.attnum > 0 AND NOT a.attisdropped
"""


@dataclass
class Export:
    """The files the admin tool reads, and what they hold."""

    nodes: list[ImportSource] = field(default_factory=list)
    relationships: list[ImportSource] = field(default_factory=list)
    multiline: list[Path] = field(default_factory=list)  # files with a line break in a value
    summary: ImportSummary = field(default_factory=lambda: ImportSummary(run_id=""))


# ----------------------------------------------------------------- refusals
def refuse_unless_local(settings: Settings) -> None:
    """The offline tool writes the local server's store files: nothing else can be its target."""
    if not settings.names_local_neo4j:
        raise OfflineImportRefused(
            f"import --offline writes the local Neo4j server's store, but NEO4J_URI names "
            f"{settings.bolt_uri.rpartition('@')[2]}, which is not the local server "
            f"(127.0.0.1:{settings.neo4j_bolt_port})",
            hint="unset NEO4J_URI to use the local server, or run `vivim-graph import` "
            "(online) against that server",
        )


def refuse_unless_empty(driver: neo4j.Driver, database: str) -> None:
    """A first load only: a graph with any node (but the writer lock's) is never replaced."""
    with driver.session(database=database) as session:
        holder = session.run(WRITER_LOCK_HOLDER).single()
        if holder is not None:
            raise OfflineImportRefused(
                f"database {database!r} has a running writer ({holder['command']}, pid "
                f"{holder['pid']} on {holder['host']}); import --offline needs it idle and empty",
                hint="wait for it to finish, then run `vivim-graph import` (online)",
            )
        labels = [r["label"] for r in session.run(GRAPH_SAMPLE_LABELS)]
        if labels:
            size = session.run(GRAPH_SIZE).single()
            nodes = size["nodes"] if size else 0
            raise OfflineImportRefused(
                f"database {database!r} is not empty: it holds {nodes:,} nodes (labels "
                f"{', '.join(sorted(labels))}…); import --offline only makes a first load",
                hint="use `vivim-graph import` (online) or `vivim-graph sync` to update it, or "
                "`vivim-graph neo4j reset` to start from an empty graph",
            )


# ----------------------------------------------------------------- export
def column_types(conn: psycopg.Connection, model: GraphModel) -> dict[tuple[str, str], str]:
    """(table, column) -> PostgreSQL type name; enums as ``text`` (COPY writes their label)."""
    rows = conn.execute(_COLUMN_TYPES, (sorted(model.tables),)).fetchall()
    return {(t, c): ("text" if kind == "e" else name) for t, c, name, kind in rows}


def fast_expression(prop: PropertySpec, pg_type: str | None) -> sql.Composable | None:
    """SQL whose COPY text is the property's value, or None where Python must convert it."""
    if pg_type not in _FAST_TYPES.get(prop.type, set()):
        return None
    column = sql.Identifier(prop.column)
    if prop.type in SCALE:  # exact: rows finer than the unit were refused before
        return sql.SQL("({} * {})::bigint").format(column, sql.Literal(SCALE[prop.type]))
    if prop.type == "boolean":
        return sql.SQL("{}::text").format(column)
    if prop.type == "datetime":  # ISO 8601 with the session's offset, as psycopg reads it
        return sql.SQL("to_json({}) #>> '{{}}'").format(column)
    return column


def header_type(prop: PropertySpec, pg_type: str | None, table: str) -> str:
    if prop.type != "list":
        return HEADER_TYPES[prop.type]
    if pg_type not in _ARRAY_TYPES:
        raise OfflineImportRefused(
            f"column {table}.{prop.column} ({pg_type}) is a list the offline import cannot "
            "write exactly",
            hint="use `vivim-graph import` (online)",
        )
    return _ARRAY_TYPES[pg_type]


def write_header(path: Path, columns: list[str]) -> Path:
    path.write_text(",".join(columns) + "\n", encoding="utf-8")
    return path


_NEEDS_QUOTES = re.compile(r'[,"\n\r]')


def csv_field(value: Any) -> str:
    """One value as the admin tool reads it back: NULL empty, "" quoted, RFC 4180 quoting."""
    if isinstance(value, str):  # first: most values, and every text PostgreSQL wrote
        if value == "" or _NEEDS_QUOTES.search(value):
            return '"' + value.replace('"', '""') + '"'
        return value
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        text = repr(value)
        return {"nan": "NaN", "inf": "Infinity", "-inf": "-Infinity"}.get(text, text)
    if isinstance(value, int):
        return str(value)
    if isinstance(value, list):
        text = ";".join(csv_field(v).strip('"').replace('""', '"') for v in value)
        return '"' + text.replace('"', '""') + '"'
    return csv_field(str(value))


def copy_to_file(conn: psycopg.Connection, query: sql.Composable, path: Path) -> tuple[int, bool]:
    """Stream COPY's CSV into ``path``: rows written, and whether a value holds a line break.
    COPY hands over one row at a time: they are written (and their line breaks counted) in
    blocks, not one by one."""
    breaks, block = 0, []
    with conn.cursor() as cur, path.open("wb") as out:
        with cur.copy(sql.SQL("COPY ({}) TO STDOUT (FORMAT csv)").format(query)) as copy:
            for chunk in copy:
                block.append(chunk)
                if len(block) == 10_000:
                    breaks += _write_block(out, block)
                    block = []
            breaks += _write_block(out, block)
        rows = cur.rowcount
    return rows, breaks > rows


def _write_block(out, block: list) -> int:
    data = b"".join(block)
    out.write(data)
    return data.count(b"\n") + data.count(b"\r")


# ----------------------------------------------------------------- validation
def first_invalid(
    conn: psycopg.Connection, table: str, key: tuple[str, ...], properties, columns: list[str]
) -> dict[str, Any] | None:
    """The first row (in key order) the online import would refuse for a missing required
    value or money finer than its unit, found by SQL; None when there is none."""
    conditions = []
    for prop in properties:
        column = sql.Identifier(prop.column)
        if prop.required or prop.column in key:
            conditions.append(sql.SQL("{} IS NULL").format(column))
        if prop.type in SCALE:
            scaled = sql.SQL("({} * {})").format(column, sql.Literal(SCALE[prop.type]))
            conditions.append(sql.SQL("{0} <> trunc({0})").format(scaled))
    if not conditions:
        return None
    query = sql.SQL("SELECT {} FROM {} WHERE {} ORDER BY 1 LIMIT 1").format(
        sql.SQL(", ").join(sql.Identifier(c) for c in columns),
        sql.Identifier(table),
        sql.SQL(" OR ").join(conditions),
    )
    with conn.cursor(row_factory=dict_row) as cur:
        return cur.execute(query).fetchone()


def _refuse(table: str, row: dict[str, Any], convert: Callable[[dict[str, Any]], Any]) -> None:
    """Word the refusal as the online import does: its own validation and conversion."""
    convert(row)  # raises RowValidationError
    raise RowValidationError(f"{table}: row {row!r} does not fit the model", table=table)


def check_references(conn: psycopg.Connection, model: GraphModel) -> None:
    """Every reference PostgreSQL does not enforce itself, by anti-join (as the importer)."""
    declared = declared_foreign_keys(conn)
    for node in model.nodes:
        for ref in node.references:
            if (node.table, ref.columns, ref.target, ref.target_columns) not in declared:
                check_reference(
                    conn, node.table, node.key, ref.columns, ref.target, ref.target_columns
                )
    for join in model.joins:
        for end in (join.source, join.target):
            if (join.table, end.columns, end.table, end.target_columns) not in declared:
                key = (*join.source.columns, *join.target.columns)
                check_reference(conn, join.table, key, end.columns, end.table, end.target_columns)


# ----------------------------------------------------------------- nodes
def export_node(
    conn: psycopg.Connection, node: NodeSpec, types: dict, out: Path, run: str, export: Export
) -> None:
    """One node table into ``<label>.csv``: by COPY when every column allows it."""
    columns = node_columns(node)
    bad = first_invalid(conn, node.table, node.key, node.properties, columns)
    if bad is not None:
        _refuse(node.table, bad, lambda row: _validated_node_row(node, row))
    pg = {p.name: types.get((node.table, p.column)) for p in node.properties}
    header = [f":ID({node.label})"] + [
        f"{p.name}:{header_type(p, pg[p.name], node.table)}" for p in node.properties
    ]
    if len(node.key) > 1:
        header.append("key:string")
    header += PROVENANCE
    data = out / f"node-{node.table}.csv"
    expressions = [fast_expression(p, pg[p.name]) for p in node.properties]
    if len(node.key) == 1 and all(e is not None for e in expressions):
        key = sql.Identifier(node.key[0])
        query = sql.SQL("SELECT {key}, {props}, {module}, {table}, {key}, {run} FROM {t}").format(
            key=key,
            props=sql.SQL(", ").join(e for e in expressions if e is not None),
            module=sql.Literal(node.module),
            table=sql.Literal(node.table),
            run=sql.Literal(run),
            t=sql.Identifier(node.table),
        )
        rows, multiline = copy_to_file(conn, query, data)
    else:
        rows, multiline = _node_rows_to_file(conn, node, expressions, data, run)
    header_path = write_header(out / f"node-{node.table}.h.csv", header)
    export.nodes.append(ImportSource(node.label, header_path, data))
    if multiline:
        export.multiline.append(data)
    export.summary.nodes[node.label] = Tally(rows=rows, created=rows)


def _validated_node_row(node: NodeSpec, row: dict[str, Any]) -> dict[str, Any]:
    validate_row(node.table, node.properties, node.key, row)
    return node_row(node, row)  # exactness of money is part of validity


def _node_rows_to_file(
    conn, node: NodeSpec, expressions: list[sql.Composable | None], path: Path, run: str
):
    """A table COPY cannot write whole, row by row: only the columns COPY cannot write
    exactly (JSON, inet, …) are validated and converted by the importer's own code; the
    others arrive as PostgreSQL's text of the same expressions the COPY path uses, which
    their column types already make valid. (250k audit rows with one JSON column took
    9.8 s through full per-row validation.)"""
    slow = [n for n, e in enumerate(expressions) if e is None]
    selected = [sql.Identifier(c) for c in node.key] + [
        sql.Identifier(p.column) if e is None else sql.SQL("({})::text").format(e)
        for p, e in zip(node.properties, expressions, strict=True)
    ]
    query = sql.SQL("SELECT {} FROM {} ORDER BY {}").format(
        sql.SQL(", ").join(selected),
        sql.Identifier(node.table),
        sql.SQL(", ").join(sql.SQL(str(n)) for n in range(1, len(node.key) + 1)),
    )
    line = _node_line(node, slow, run)
    rows, multiline = 0, False
    with (
        conn.cursor(name=f"vivim_offline_{uuid.uuid4().hex[:12]}") as cur,
        path.open("w", encoding="utf-8", newline="") as out,
    ):
        cur.itersize = 5000
        cur.execute(query)
        while batch := cur.fetchmany(5000):
            lines = [line(record) for record in batch]
            multiline = multiline or any("\n" in x or "\r" in x for x in lines)
            out.write("\n".join(lines) + "\n")
            rows += len(batch)
    return rows, multiline


def _node_line(node: NodeSpec, slow: list[int], run: str) -> Callable[[tuple], str]:
    """One record (key columns, then each property) as its CSV line: the ID, each property,
    the composite key, the provenance. Only the ``slow`` properties are validated and
    converted in Python; the rest are PostgreSQL's text already."""
    width, composite = len(node.key), len(node.key) > 1
    properties = node.properties
    checked = tuple(properties[n] for n in slow)
    tail = [csv_field(node.module), csv_field(node.table)]
    run_field = csv_field(run)

    def line(record: tuple) -> str:
        key = record[0] if not composite else "|".join(str(v) for v in record[:width])
        values = list(record[width:])
        if slow:  # only the columns PostgreSQL's types do not already make valid
            row = dict(zip(node.key, record[:width], strict=True))
            row |= {properties[n].column: values[n] for n in slow}
            validate_row(node.table, checked, node.key, row)
            for n in slow:
                prop, value = properties[n], values[n]
                if value is not None:
                    values[n] = (
                        value.isoformat()
                        if prop.type in TEMPORAL
                        else to_neo4j(prop, value, table=node.table, key=key)
                    )
        fields = [csv_field(key), *(csv_field(v) for v in values)]
        if composite:
            fields.append(csv_field(key))
        return ",".join([*fields, *tail, csv_field(str(key)), run_field])

    return line


def node_id(node: NodeSpec) -> sql.Composable:
    """A node's ID in the files: its key, or the importer's 'a|b' text of a composite key."""
    if len(node.key) == 1:
        return sql.Identifier(node.key[0])
    parts = sql.SQL(", ").join(sql.Identifier(c) for c in node.key)
    return sql.SQL("concat_ws('|', {})").format(parts)


def export_references(
    conn: psycopg.Connection, model: GraphModel, node: NodeSpec, out: Path, run: str, export
) -> None:
    """A node table's foreign keys, one file each: (row)-[:TYPE]->(target), when not NULL."""
    for number, ref in enumerate(node.references):
        target = model.node_by_table[ref.target]
        column = sql.Identifier(ref.columns[0])  # the importer follows the first column
        query = sql.SQL("SELECT {}, {}, {}, {} FROM {} WHERE {} IS NOT NULL").format(
            node_id(node),
            column,
            sql.Literal(node.table),
            sql.Literal(run),
            sql.Identifier(node.table),
            column,
        )
        data = out / f"ref-{node.table}-{number}.csv"
        rows, _ = copy_to_file(conn, query, data)
        header = write_header(
            out / f"ref-{node.table}-{number}.h.csv",
            [
                f":START_ID({node.label})",
                f":END_ID({target.label})",
                "_source_table:string",
                "_sync_run:string",
            ],
        )
        export.relationships.append(ImportSource(ref.type, header, data))
        tally = export.summary.relationships.setdefault(ref.type, Tally())
        tally.rows += rows
        tally.created += rows


# ----------------------------------------------------------------- joins
def export_join(
    conn: psycopg.Connection, model: GraphModel, join: JoinSpec, types: dict, out: Path, run: str
) -> tuple[list[str], Path, int, bool]:
    """A join table into one file: both ends, its properties, module and provenance."""
    source, target = join.source.columns[0], join.target.columns[0]
    money = tuple(p for p in join.properties if p.type in SCALE)
    columns = list(dict.fromkeys([source, target, *(p.column for p in join.properties)]))
    bad = first_invalid(conn, join.table, (), money, columns)
    if bad is not None:
        _refuse(join.table, bad, lambda row: join_row(join, row, source, target))
    pg = {p.name: types.get((join.table, p.column)) for p in join.properties}
    header = [
        f":START_ID({model.node_by_table[join.source.table].label})",
        f":END_ID({model.node_by_table[join.target.table].label})",
        *(f"{p.name}:{header_type(p, pg[p.name], join.table)}" for p in join.properties),
        "module:string",
        "_source_table:string",
        "_source_key:string",
        "_sync_run:string",
    ]
    data = out / f"join-{join.table}.csv"
    expressions = [fast_expression(p, pg[p.name]) for p in join.properties]
    if all(e is not None for e in expressions):
        a, b = sql.Identifier(source), sql.Identifier(target)
        query = sql.SQL(
            "SELECT {a}, {b}, {props} {module}, {table}, concat({a}, '|', {b}), {run} FROM {t}"
        ).format(
            a=a,
            b=b,
            props=sql.SQL("").join(sql.SQL("{}, ").format(e) for e in expressions if e),
            module=sql.Literal(join.module),
            table=sql.Literal(join.table),
            run=sql.Literal(run),
            t=sql.Identifier(join.table),
        )
        rows, multiline = copy_to_file(conn, query, data)
    else:
        rows, multiline = _join_rows_to_file(conn, join, data, run)
    return header, data, rows, multiline


def _join_rows_to_file(conn, join: JoinSpec, path: Path, run: str) -> tuple[int, bool]:
    source, target = join.source.columns[0], join.target.columns[0]
    columns = list(dict.fromkeys([source, target, *(p.column for p in join.properties)]))
    rows, multiline = 0, False
    with path.open("w", encoding="utf-8", newline="") as out:
        for batch in stream_rows(conn, join.table, columns, 5000):
            for row in batch:
                converted = join_row(join, row, source, target)
                props, temporals = converted["props"], converted["t"]
                values = [row[source], row[target]]
                values += [temporals.get(p.name, props.get(p.name)) for p in join.properties]
                key = f"{row[source]}|{row[target]}"
                values += [join.module, join.table, key, run]
                line = ",".join(csv_field(v) for v in values)
                multiline = multiline or "\n" in line or "\r" in line
                out.write(line + "\n")
            rows += len(batch)
    return rows, multiline


def export_source(
    conn: psycopg.Connection, model: GraphModel, out: Path, run: str, progress: Progress
) -> Export:
    """Validate every row and reference, and write every file, in one snapshot."""
    export = Export(summary=ImportSummary(run_id=run))
    conn.rollback()
    with conn.transaction():
        conn.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        conn.execute("SET LOCAL DateStyle TO ISO, YMD")
        conn.execute("SET LOCAL extra_float_digits TO 1")  # shortest exact float text
        check_references(conn, model)
        types = column_types(conn, model)
        for number, node in enumerate(model.nodes, 1):
            export_node(conn, node, types, out, run, export)
            export_references(conn, model, node, out, run, export)
            progress("export", number, len(model.nodes) + len(model.joins))
        for number, join in enumerate(model.joins, len(model.nodes) + 1):
            header, data, rows, multiline = export_join(conn, model, join, types, out, run)
            path = write_header(out / f"join-{join.table}.h.csv", header)
            export.relationships.append(ImportSource(join.type, path, data))
            if multiline:
                export.multiline.append(data)
            tally = export.summary.relationships.setdefault(join.type, Tally())
            tally.rows += rows
            tally.created += rows
            progress("export", number, len(model.nodes) + len(model.joins))
    return export


def swap_and_start(server: LocalNeo4j, staging: Path, database: str, echo: Echo) -> None:
    """Stop the server, swap the staged store in, start it; the old store comes back if the
    server or the database does not start on the new one."""
    settings = server.settings
    with make_driver(settings) as driver:  # again: something may have written meanwhile
        refuse_unless_empty(driver, database)
    server.stop()
    backup = swap_store(server, staging, database)
    try:
        server.start(echo=echo)
        make_driver(settings).close()  # the database is online, not only the server
    except VivimGraphError:
        server.stop()
        restore_store(server, backup, database)
        server.start(echo=echo)
        raise
    shutil.rmtree(backup, ignore_errors=True)


@dataclass
class OfflineResult:
    summary: ImportSummary
    check: CheckReport
    seconds: dict[str, float]  # per phase: export, admin import, swap, constraints, check


def offline_import(
    server: LocalNeo4j,
    conn: psycopg.Connection,
    model: GraphModel,
    *,
    echo: Echo = lambda _: None,
    progress: Progress = lambda *_: None,
) -> OfflineResult:
    """Export, build the store offline, swap it in, create the constraints, check."""
    settings, database = server.settings, server.settings.neo4j_database
    refuse_unless_local(settings)
    started, seconds = time.perf_counter(), {}
    if not server.status().running:
        server.start(echo=echo)
    with make_driver(settings) as driver:
        refuse_unless_empty(driver, database)
    run = uuid.uuid4().hex
    root = server.home.parent / f"offline-{run[:12]}"  # beside the home: renames stay local
    try:
        (root / "export").mkdir(parents=True)
        export = export_source(conn, model, root / "export", run, progress)
        seconds["export"] = time.perf_counter() - started
        staging = staging_home(root / "home")
        seconds["admin_import"] = run_admin_import(
            server, staging, database, export.nodes, export.relationships, export.multiline
        )
        mark = time.perf_counter()
        swap_and_start(server, staging, database, echo)
        seconds["swap_and_start"] = time.perf_counter() - mark
    finally:
        shutil.rmtree(root, ignore_errors=True)
    with make_driver(settings) as driver:
        mark = time.perf_counter()
        apply_constraints(driver, model, database)
        seconds["constraints"] = time.perf_counter() - mark
        mark = time.perf_counter()
        report = check_graph(driver, conn, model, database=database, batch_size=settings.batch_size)
        seconds["check"] = time.perf_counter() - mark
    export.summary.seconds = time.perf_counter() - started
    return OfflineResult(export.summary, report, seconds)
