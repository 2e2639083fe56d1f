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
from typing import Annotated, Any

from pydantic import BaseModel, BeforeValidator, ConfigDict, ValidationError, create_model

from vivim_graph.errors import RowValidationError
from vivim_graph.model.spec import SCALE, JoinSpec, NodeSpec, PropertySpec


def _as_text(value: Any) -> Any:
    """inet, uuid, interval and the like arrive as Python objects; the graph stores text."""
    return value if value is None or isinstance(value, str) else str(value)


_PY_TYPES: dict[str, Any] = {
    "integer": int,
    "string": Annotated[str, BeforeValidator(_as_text)],
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
    if kind == "string":
        return _as_text(value)
    if kind == "list":
        return [float(v) if isinstance(v, Decimal) else v for v in value]
    return value


TEMPORAL = {"date": "date", "datetime": "datetime"}


def split_properties(
    properties: tuple[PropertySpec, ...], row: dict[str, Any], *, table: str, key: Any
) -> tuple[dict[str, Any], dict[str, str | None]]:
    """Plain properties, and temporal ones as ISO text.

    Temporal values cross as text and become Neo4j dates and datetimes in Cypher
    (``temporal_assignments``): the driver's own temporal encoding costs ~0.1 ms a value
    in pure Python, which would cap the import at a few thousand rows per second.
    """
    props: dict[str, Any] = {}
    temporals: dict[str, str | None] = {}
    for p in properties:
        value = row.get(p.column)
        if p.type in TEMPORAL:
            temporals[p.name] = None if value is None else value.isoformat()
        else:
            props[p.name] = to_neo4j(p, value, table=table, key=key)
    return props, temporals


def node_row(node: NodeSpec, row: dict[str, Any]) -> dict[str, Any]:
    """One row as the importer sends it: key, plain properties, temporal properties."""
    key = key_of(node.key, row)
    props, temporals = split_properties(node.properties, row, table=node.table, key=key)
    if len(node.key) > 1:
        props["key"] = key
    props["module"] = node.module
    return {"key": key, "props": props, "t": temporals}


def join_row(join: JoinSpec, row: dict[str, Any], source: str, target: str) -> dict[str, Any]:
    """One join-table row as the importer and the sync send it: both ends and properties."""
    key = f"{row[source]}|{row[target]}"
    props, temporals = split_properties(join.properties, row, table=join.table, key=key)
    props["module"] = join.module
    return {"source": row[source], "target": row[target], "props": props, "t": temporals}
