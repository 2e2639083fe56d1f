"""Compare a SQL view's rows with its Cypher twin's rows, value by value.

Column mapping: a SQL column ``c`` appears in the twin as ``c`` (text, integers, dates,
booleans, non-money decimals), ``c_cents`` (money: exact, SQL value x 100) or ``c_micros``
(sub-cent prices and per-user figures: exact, SQL value x 1,000,000). Non-money decimals
must agree to the SQL value's own precision. Order is compared where the view orders its
result; otherwise rows are compared as multisets.
"""

from __future__ import annotations

import datetime as dt
import random
import re
from decimal import Decimal
from pathlib import Path
from typing import Any

import psycopg
from psycopg import sql

SCHEMAS = Path(__file__).resolve().parents[1] / "seeds" / "schemas"


def sql_view_names() -> list[str]:
    """Views named in the schema files (collected without a database)."""
    names: set[str] = set()
    for path in SCHEMAS.glob("*.sql"):
        names |= set(
            re.findall(r"CREATE\s+(?:OR\s+REPLACE\s+)?VIEW\s+(v_\w+)", path.read_text(), re.I)
        )
    return sorted(names)


def view_is_ordered(conn: psycopg.Connection, view: str) -> bool:
    """True when the view's outermost query ends in ORDER BY (not a window's or a
    subquery's ORDER BY, which sit inside parentheses)."""
    definition = conn.execute("SELECT pg_get_viewdef(%s::regclass, true)", (view,)).fetchone()[0]
    text = re.sub(r"'(?:[^']|'')*'", "''", definition)  # string literals cannot count
    depth = 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif depth == 0 and text[i : i + 8].upper() == "ORDER BY":
            return True
    return False


def map_columns(sql_columns: list[str], cypher_columns: list[str]) -> tuple[list, list[str]]:
    mapping, problems = [], []
    available = set(cypher_columns)
    for column in sql_columns:
        for name, scale in (
            (column, None),
            (f"{column}_cents", 100),
            (f"{column}_micros", 1_000_000),
        ):
            if name in available:
                mapping.append((column, name, scale))
                available.discard(name)
                break
        else:
            problems.append(
                f"column {column} has no twin (as {column}, {column}_cents or {column}_micros)"
            )
    if available:
        problems.append(f"twin has extra columns {sorted(available)}")
    return mapping, problems


def same(sql_value: Any, cypher_value: Any, scale: int | None) -> bool:
    if sql_value is None or cypher_value is None:
        return sql_value is None and cypher_value is None
    if scale is not None:
        exact = Decimal(sql_value) * scale
        return exact == exact.to_integral_value() and int(exact) == cypher_value
    if isinstance(sql_value, bool) or isinstance(cypher_value, bool):
        return sql_value == cypher_value
    if isinstance(sql_value, Decimal):
        places = max(-sql_value.as_tuple().exponent, 0)  # type: ignore[operator]
        tolerance = Decimal(1).scaleb(-places) / 2 + Decimal("1e-9")
        return abs(Decimal(repr(float(cypher_value))) - sql_value) <= tolerance
    if isinstance(sql_value, float):
        return abs(sql_value - float(cypher_value)) <= 1e-9 * max(1.0, abs(sql_value))
    if isinstance(sql_value, dt.datetime | dt.date):
        iso = cypher_value.iso_format() if hasattr(cypher_value, "iso_format") else cypher_value
        return (
            str(iso)[:10] == sql_value.isoformat()[:10]
            if isinstance(sql_value, dt.date) and not isinstance(sql_value, dt.datetime)
            else (
                cypher_value.to_native() == sql_value
                if hasattr(cypher_value, "to_native")
                else False
            )
        )
    if isinstance(sql_value, list):
        return list(sql_value) == list(cypher_value)
    return sql_value == cypher_value


def compare(
    view: str,
    sql_columns: list[str],
    sql_rows: list[tuple],
    cypher_columns: list[str],
    cypher_rows: list[dict],
    ordered: bool,
) -> list[str]:
    mapping, problems = map_columns(sql_columns, cypher_columns)
    if problems:
        return problems
    if len(sql_rows) != len(cypher_rows):
        return [f"{view}: {len(sql_rows)} SQL rows, {len(cypher_rows)} Cypher rows"]
    index = {c: i for i, c in enumerate(sql_columns)}

    def matches(srow: tuple, crow: dict) -> bool:
        return all(same(srow[index[s]], crow[c], scale) for s, c, scale in mapping)

    if ordered:
        for n, (srow, crow) in enumerate(zip(sql_rows, cypher_rows, strict=True)):
            if not matches(srow, crow):
                return [f"{view} row {n}: SQL {srow} != Cypher {crow}"]
        return []
    unmatched = list(cypher_rows)
    for srow in sql_rows:
        hit = next((i for i, crow in enumerate(unmatched) if matches(srow, crow)), None)
        if hit is None:
            return [f"{view}: SQL row {srow} has no equal Cypher row"]
        unmatched.pop(hit)
    return []


def perturb(conn: psycopg.Connection, seed: int, share: float = 0.3) -> int:
    """Randomly rescale money in a share of the rows of every table (within the rules).

    Each row's money columns are scaled by one factor, so low <= mid <= high survives;
    an update that breaks a rule (a sum check, a trigger) is rolled back and skipped.
    """
    rng = random.Random(seed)
    columns = conn.execute(
        """
        SELECT c.table_name::text, array_agg(c.column_name::text ORDER BY c.ordinal_position)
        FROM information_schema.columns c
        JOIN information_schema.tables t USING (table_schema, table_name)
        WHERE c.table_schema = 'public' AND t.table_type = 'BASE TABLE'
          AND c.data_type = 'numeric' AND c.numeric_scale = 2 AND c.numeric_precision >= 10
          AND c.is_generated = 'NEVER'
        GROUP BY c.table_name ORDER BY c.table_name
        """
    ).fetchall()
    changed = 0
    for table, money in columns:
        ids = (
            [
                r[0]
                for r in conn.execute(
                    sql.SQL("SELECT id FROM {} ORDER BY id").format(sql.Identifier(table))
                ).fetchall()
            ]
            if _has_id(conn, table)
            else []
        )
        for row_id in ids:
            if rng.random() > share:
                continue
            factor = Decimal(rng.randint(50, 150)) / 100
            assignments = sql.SQL(", ").join(
                sql.SQL("{c} = round({c} * %s, 2)").format(c=sql.Identifier(c)) for c in money
            )
            statement = sql.SQL("UPDATE {} SET {} WHERE id = %s").format(
                sql.Identifier(table), assignments
            )
            try:
                with conn.transaction():
                    conn.execute(statement, [factor] * len(money) + [row_id])
                changed += 1
            except psycopg.Error:
                continue
    return changed


def _has_id(conn: psycopg.Connection, table: str) -> bool:
    return bool(
        conn.execute(
            "SELECT 1 FROM information_schema.columns WHERE table_schema = 'public' "
            "AND table_name = %s AND column_name = 'id'",
            (table,),
        ).fetchone()
    )
