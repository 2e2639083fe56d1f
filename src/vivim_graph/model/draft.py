"""Draft and drift-check the graph model against the live PostgreSQL catalog.

``graph/model.yaml`` is the source of truth and is curated by hand (labels, relationship
types, captions). This module proposes entries for tables and columns the model does not
cover yet, by rule, and reports drift; it never overwrites a curated entry.
Run: ``vivim-graph model draft`` (writes the merged model) or ``model check``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

import psycopg

from vivim_graph.errors import ConfigError, ModelError
from vivim_graph.model.spec import GraphModel
from vivim_graph.sources.relational import MODULES, module_of

MODULE_COLORS = {
    "people": "#4C8EDA",
    "tools": "#F79767",
    "users": "#57C7E3",
    "governance": "#D9C8AE",
    "dao": "#8DCC93",
    "wiki": "#ECB5C9",
    "work": "#FFC454",
    "agents": "#DA7194",
    "community": "#569480",
    "operations": "#C990C0",
    "tokens": "#F16667",
    "compliance": "#A5ABB6",
    "analytics": "#6DCE9E",
    "security": "#D35F5F",
}
_NATURAL_KEYS = ("code", "slug", "handle", "symbol")
_CAPTIONS = ("name", "title", "display_name", "full_name", "code", "slug", "handle", "symbol")
_KEEP_PLURAL = ("ss", "is", "us", "data", "metrics_daily", "daily")


@dataclass
class Column:
    name: str
    sql_type: str
    not_null: bool


@dataclass
class Table:
    name: str
    comment: str
    columns: list[Column]
    primary_key: list[str]
    foreign_keys: list[tuple[tuple[str, ...], str, tuple[str, ...]]] = field(default_factory=list)

    @property
    def module(self) -> str:
        return module_of(self.comment)

    @property
    def description(self) -> str:
        return self.comment.split(":", 1)[1].strip() if ":" in self.comment else self.comment

    def is_join(self) -> bool:
        """A pure join table: no surrogate id, and a primary key holding exactly two
        single-column foreign keys (plus, possibly, plain key columns like link_type)."""
        fk_columns = [cols for cols, _, _ in self.foreign_keys if len(cols) == 1]
        pk = set(self.primary_key)
        return "id" not in pk and sum(1 for cols in fk_columns if cols[0] in pk) == 2


def read_tables(conn: psycopg.Connection) -> list[Table]:
    rows = conn.execute(
        """
        SELECT c.relname, coalesce(obj_description(c.oid, 'pg_class'), ''),
               a.attname, format_type(a.atttypid, a.atttypmod), a.attnotnull
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')
        ORDER BY c.relname, a.attnum
        """
    ).fetchall()
    tables: dict[str, Table] = {}
    for table, comment, column, sql_type, not_null in rows:
        tables.setdefault(table, Table(table, comment, [], [])).columns.append(
            Column(column, sql_type, not_null)
        )
    for table, columns in conn.execute(
        """
        SELECT c.conrelid::regclass::text,
               array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
                     ORDER BY k.i)
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'p' AND n.nspname = 'public'
        """
    ).fetchall():
        if table in tables:
            tables[table].primary_key = list(columns)
    from vivim_graph.sources.relational import read_foreign_keys

    for fk in read_foreign_keys(conn):
        if fk.table in tables:
            tables[fk.table].foreign_keys.append((fk.columns, fk.ref_table, fk.ref_columns))
    return sorted(tables.values(), key=lambda t: (_module_index(t.module), t.name))


def source_drift(model: GraphModel, live: dict[str, set[str]]) -> list[tuple[str, str]]:
    """(problem, hint) for each table and column that PostgreSQL and the model do not
    share, tables first; ``live`` maps each table of schema public to its columns."""
    drift: list[tuple[str, str]] = []
    add_hint = "add it with `vivim-graph model draft --write`, review graph/model.yaml, run again"
    gone_hint = (
        "the database lacks it: reload the seeds (`vivim-graph db load --reset`) or point "
        "DATABASE_URL at the cost database, or remove it from graph/model.yaml"
    )
    wanted = model.columns_by_table
    for table in sorted(wanted.keys() - live.keys()):
        drift.append((f"table {table} is in graph/model.yaml but not in PostgreSQL", gone_hint))
    for table in sorted(live.keys() - wanted.keys()):
        drift.append((f"table {table} is in PostgreSQL but not in graph/model.yaml", add_hint))
    for table in sorted(wanted.keys() & live.keys()):
        for column in sorted(wanted[table] - live[table]):
            drift.append(
                (f"column {table}.{column} is in graph/model.yaml but not in PostgreSQL", gone_hint)
            )
        for column in sorted(live[table] - wanted[table]):
            drift.append(
                (f"column {table}.{column} is in PostgreSQL but not in graph/model.yaml", add_hint)
            )
    return drift


def check_source(conn: psycopg.Connection, model: GraphModel, *, source: str) -> None:
    """Refuse a source the model does not fit before anything is read or written: an empty
    database (no cost tables), or any table or column on one side only."""
    live: dict[str, set[str]] = {}
    for table, column in conn.execute(
        "SELECT c.relname, a.attname FROM pg_class c "
        "JOIN pg_namespace n ON n.oid = c.relnamespace "
        "JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped "
        "WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p')"
    ):
        live.setdefault(table, set()).add(column)
    if not live.keys() & model.columns_by_table.keys():
        raise ConfigError(
            f"the PostgreSQL database at {source} holds none of the "
            f"{len(model.columns_by_table)} cost tables of graph/model.yaml; nothing was written",
            hint="load them with `vivim-graph db load`, or point DATABASE_URL at the cost database",
        )
    drift = source_drift(model, live)
    if drift:
        (first, hint), more = drift[0], len(drift) - 1
        also = f" (and {more} more: {'; '.join(p for p, _ in drift[1:4])})" if more else ""
        raise ModelError(f"{first}{also}; nothing was written", hint=hint)


def _module_index(module: str) -> int:
    return MODULES.index(module) if module in MODULES else len(MODULES)


# ------------------------------------------------------------------ naming rules
def singular(word: str) -> str:
    if word.endswith(_KEEP_PLURAL):
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def label_for(table: str) -> str:
    parts = table.split("_")
    parts[-1] = singular(parts[-1])
    return "".join(p[:1].upper() + p[1:] for p in parts)


def property_type(sql_type: str) -> str:
    t = sql_type.lower()
    if t.endswith("[]"):
        return "list"
    if t in ("smallint", "integer", "bigint"):
        return "integer"
    if t == "boolean":
        return "boolean"
    if t == "date":
        return "date"
    if t.startswith("timestamp"):
        return "datetime"
    if t in ("real", "double precision"):
        return "float"
    if t in ("json", "jsonb"):
        return "json"
    match = re.match(r"numeric\((\d+),(\d+)\)", t)
    if match:
        precision, scale = int(match.group(1)), int(match.group(2))
        if scale == 2 and precision >= 10:
            return "money"
        if 3 <= scale <= 6 and precision >= 12:
            return "price"
        return "decimal"
    if t == "numeric":
        return "decimal"
    return "string"


def property_name(column: str, kind: str) -> str:
    if column in ("module", "key"):  # reserved for the importer's own properties
        column = "source_" + column
    return column + {"money": "_cents", "price": "_micros"}.get(kind, "")


def reference_type(column: str, target_table: str) -> str:
    stem = column[:-3] if column.endswith("_id") else column
    if stem == "parent" or stem.startswith("parent_"):
        return "CHILD_OF"
    fixed = {
        "location": "LOCATED_IN",
        "role": "FOR_ROLE",
        "milestone": "FOR_MILESTONE",
        "team": "IN_TEAM",
        "cloud_provider": "OFFERED_BY",
        "service": "FOR_SERVICE",
    }
    if stem in fixed and target_table == stem + ("s" if not stem.endswith("y") else ""):
        return fixed[stem]
    if stem.endswith("category"):
        return "IN_CATEGORY"
    if label_for(target_table).lower() == stem.replace("_", ""):
        return "FOR_" + stem.upper()
    return stem.upper()


# ------------------------------------------------------------------ drafting
def draft_node(table: Table) -> dict[str, Any]:
    fk_columns = {cols[0] for cols, _, _ in table.foreign_keys if len(cols) == 1}
    columns = {c.name for c in table.columns}
    node: dict[str, Any] = {
        "table": table.name,
        "label": label_for(table.name),
        "module": table.module,
        "key": table.primary_key or ["id"],
        "natural_keys": [k for k in _NATURAL_KEYS if k in columns],
        "caption": next(
            (c for c in _CAPTIONS if c in columns),
            table.primary_key[0] if table.primary_key else "id",
        ),
        "description": table.description,
        "properties": [
            _prop(c)
            for c in table.columns
            if c.name not in fk_columns or c.name in table.primary_key
        ],
        "references": [
            {
                "type": reference_type(cols[0], target),
                "columns": list(cols),
                "target": target,
                "target_columns": list(target_cols),
            }
            for cols, target, target_cols in table.foreign_keys
        ],
    }
    return node


def draft_join(table: Table) -> dict[str, Any]:
    ends = [
        (cols, target, tcols)
        for cols, target, tcols in table.foreign_keys
        if len(cols) == 1 and cols[0] in table.primary_key
    ][:2]
    (scols, starget, stcols), (tcols_, ttarget, ttcols) = ends
    other_fks = {c[0] for c, _, _ in table.foreign_keys}
    stem = tcols_[0][:-3] if tcols_[0].endswith("_id") else tcols_[0]
    merge_on = [c for c in table.primary_key if c not in (scols[0], tcols_[0])]
    return {
        "table": table.name,
        "type": "HAS_" + stem.upper(),
        "merge_on": merge_on,
        "module": table.module,
        "from": {"table": starget, "columns": list(scols), "target_columns": list(stcols)},
        "to": {"table": ttarget, "columns": list(tcols_), "target_columns": list(ttcols)},
        "description": table.description,
        "properties": [_prop(c) for c in table.columns if c.name not in other_fks],
    }


def _prop(column: Column) -> dict[str, Any]:
    kind = property_type(column.sql_type)
    prop: dict[str, Any] = {
        "column": column.name,
        "name": property_name(column.name, kind),
        "type": kind,
    }
    if column.not_null:
        prop["required"] = True
    return prop


def merge_model(existing: dict[str, Any] | None, tables: list[Table]) -> dict[str, Any]:
    """Curated entries win; tables, columns and foreign keys the model lacks are added."""
    existing = existing or {}
    nodes = {n["table"]: n for n in existing.get("nodes", [])}
    joins = {j["table"]: j for j in existing.get("joins", [])}
    out_nodes, out_joins = [], []
    for table in tables:
        if table.name in joins or (table.name not in nodes and table.is_join()):
            fresh = draft_join(table)
            current = joins.get(table.name, fresh)
            current["properties"] = _merge_props(current.get("properties", []), fresh["properties"])
            out_joins.append(current)
            continue
        fresh = draft_node(table)
        current = nodes.get(table.name, fresh)
        current["properties"] = _merge_props(current.get("properties", []), fresh["properties"])
        have = {tuple(r["columns"]) for r in current.get("references", [])}
        current["references"] = [
            r
            for r in current.get("references", [])
            if any(tuple(r["columns"]) == tuple(f["columns"]) for f in fresh["references"])
        ]
        current["references"] += [r for r in fresh["references"] if tuple(r["columns"]) not in have]
        out_nodes.append(current)
    modules = existing.get("modules") or [
        {"name": m, "number": i + 1, "color": MODULE_COLORS[m]} for i, m in enumerate(MODULES)
    ]
    return {"version": 1, "modules": modules, "nodes": out_nodes, "joins": out_joins}


def _merge_props(current: list[dict[str, Any]], fresh: list[dict[str, Any]]) -> list[dict]:
    known = {p["column"]: p for p in current}
    return [known.get(p["column"], p) for p in fresh]
