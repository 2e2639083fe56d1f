"""Rows at the boundary: validate a PostgreSQL row against the model, convert it for Neo4j.

One pydantic model per table, built from the graph model, checks each row once (key
present, values of the declared type). Conversion then makes money exact integers (cents
or micros), JSON text, and floats for non-money decimals.
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from functools import cache
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError, create_model

from vivim_graph.errors import RowValidationError
from vivim_graph.model import SCALE, NodeSpec, PropertySpec

_PY_TYPES: dict[str, Any] = {
    "integer": int,
    "string": str,
    "boolean": bool,
    "date": dt.date,
    "datetime": dt.datetime,
    "money": Decimal,
    "price": Decimal,
    "decimal": Decimal,
    "float": float,
    "json": Any,
    "list": list,
}


class _Row(BaseModel):
    model_config = ConfigDict(extra="ignore", frozen=True)


@cache
def row_model(table: str, properties: tuple[PropertySpec, ...], key: tuple[str, ...]) -> type:
    fields: dict[str, Any] = {}
    for prop in properties:
        py_type = _PY_TYPES[prop.type]
        if prop.required or prop.column in key:
            fields[prop.column] = (py_type, ...)
        else:
            fields[prop.column] = (py_type | None, None)
    return create_model(f"Row_{table}", __base__=_Row, **fields)


def validate_row(
    table: str, properties: tuple[PropertySpec, ...], key: tuple[str, ...], row: dict[str, Any]
) -> None:
    """Raise RowValidationError naming the table, the key and the column at fault."""
    try:
        row_model(table, properties, key).model_validate(row)
    except ValidationError as e:
        first = e.errors()[0]
        column = str(first["loc"][0]) if first["loc"] else None
        key_value = key_of(key, row)
        problem = "is missing" if first["type"] == "missing" else first["msg"].lower()
        if row.get(column) is None and column in key:
            problem = "is missing (the key may not be NULL)"
        raise RowValidationError(
            f"{table} row {key_value!r}: column {column} {problem}",
            table=table,
            key=key_value,
            column=column,
        ) from e


def key_of(key: tuple[str, ...], row: dict[str, Any]) -> Any:
    """The node key of a row: the key column's value, or a 'a|b' string if composite."""
    if len(key) == 1:
        return row.get(key[0])
    return "|".join(str(row.get(column)) for column in key)


def to_neo4j(prop: PropertySpec, value: Any, *, table: str, key: Any) -> Any:
    """One column value as an exact Neo4j property value."""
    if value is None:
        return None
    kind = prop.type
    if kind in SCALE:
        scaled = Decimal(value) * SCALE[kind]
        if scaled != scaled.to_integral_value():
            raise RowValidationError(
                f"{table} row {key!r}: column {prop.column} = {value} is finer than the "
                f"{'cent' if kind == 'money' else 'micro-unit'} the graph stores exactly",
                table=table,
                key=key,
                column=prop.column,
            )
        return int(scaled)
    if kind == "decimal":
        return float(value)
    if kind == "json":
        return json.dumps(value, sort_keys=True, default=str)
    if kind == "list":
        return [float(v) if isinstance(v, Decimal) else v for v in value]
    return value


def node_properties(node: NodeSpec, row: dict[str, Any]) -> dict[str, Any]:
    key = key_of(node.key, row)
    props = {
        p.name: to_neo4j(p, row.get(p.column), table=node.table, key=key) for p in node.properties
    }
    if len(node.key) > 1:
        props["key"] = key
    props["module"] = node.module
    return props
