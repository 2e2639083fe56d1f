"""Query results for people (tables, money in its currency) and for scripts (JSON, CSV).

JSON and CSV keep values exact: money stays integer cents (``*_cents``) and sub-cent
prices integer micros (``*_micros``), with the column kinds alongside. Tables divide them
for reading and show the currency symbol.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal
from typing import Any

from vivim_graph.queries.catalog import SCALES, QueryResult
from vivim_graph.values import plain

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "CHF": "CHF "}


def money_text(amount: int, kind: str, currency: str | None) -> str:
    scale = SCALES[kind]
    value = Decimal(amount) / scale
    symbol = SYMBOLS.get(currency or "EUR", f"{currency} ")
    sign = "-" if value < 0 else ""
    digits = 2 if kind == "money" else 6
    text = f"{abs(value):,.{digits}f}"
    if kind == "price":
        text = text.rstrip("0").rstrip(".") if "." in text else text
    return f"{sign}{symbol}{text}"


def display_name(column: str, kind: str) -> str:
    for suffix in ("_cents", "_micros"):
        if kind in SCALES and column.endswith(suffix):
            return column[: -len(suffix)]
    return column


def cell(value: Any, kind: str, row: dict[str, Any]) -> str:
    if value is None:
        return ""
    if kind in SCALES and isinstance(value, int):
        return money_text(value, kind, row.get("currency"))
    if isinstance(value, float):
        return f"{value:,.4f}".rstrip("0").rstrip(".")
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(plain(value))


def to_json(result: QueryResult) -> str:
    kinds = {c: result.query.columns.get(c, "any") for c in result.columns}
    payload = {
        "query": result.query.name,
        "question": result.query.question,
        "parameters": plain(result.parameters),
        "columns": kinds,
        "rows": [plain(row) for row in result.rows],
        "cypher": result.query.text,
    }
    if result.query.folder == "adhoc":  # ad-hoc Cypher: say when the answer is partial or
        payload["truncated"] = result.query.extra.get("truncated")  # names look misspelt
        payload["warnings"] = result.query.extra.get("warnings") or []
    return json.dumps(payload, indent=2, ensure_ascii=False, default=str)


def to_csv(result: QueryResult) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(
            [
                json.dumps(plain(row[c])) if isinstance(row[c], dict | list) else plain(row[c])
                for c in result.columns
            ]
        )
    return out.getvalue()


def print_table(result: QueryResult) -> None:
    from rich.markup import escape
    from rich.table import Table

    from vivim_graph.cli.output import console

    title = escape(f"{result.query.name}: {result.query.question}")  # Cypher has [brackets]
    adhoc = result.query.folder == "adhoc"  # the person just typed the statement: no title
    table = Table(title=None if adhoc else title, title_justify="left")
    kinds = {c: result.query.columns.get(c, "any") for c in result.columns}
    for column in result.columns:
        numeric = kinds[column] in ("money", "price", "integer", "number")
        table.add_column(
            display_name(column, kinds[column]), justify="right" if numeric else "left"
        )
    for row in result.rows:
        table.add_row(*[cell(row[c], kinds[c], row) for c in result.columns])
    console.print(table)
    console.print(f"{len(result.rows)} row(s)")
