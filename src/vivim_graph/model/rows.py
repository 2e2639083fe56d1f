"""Rows at the boundary: validate a PostgreSQL row against the model, convert it for Neo4j.

One pydantic model per table, built from the graph model, checks each row once (key
present, values of the declared type). Conversion then makes money exact integers (cents
or micros), JSON text, and floats for non-money decimals.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable
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


# Looked up once per row: by the identity of the model's properties tuple, not through a
# cache that hashes its arguments (hashing a tuple of frozen specs cost more than validating
# the row). Each entry keeps its tuple, so the id cannot be reused while the entry lives.
_BY_IDENTITY: dict[tuple[str, int], tuple[tuple[PropertySpec, ...], Any]] = {}


def _per_properties(kind: str, properties: tuple[PropertySpec, ...], build: Callable[[], Any]):
    hit = _BY_IDENTITY.get((kind, id(properties)))
    if hit is None or hit[0] is not properties:
        hit = _BY_IDENTITY[(kind, id(properties))] = (properties, build())
    return hit[1]


def validate_row(
    table: str, properties: tuple[PropertySpec, ...], key: tuple[str, ...], row: dict[str, Any]
) -> None:
    """Raise RowValidationError naming the table, the key and the column at fault."""
    try:
        known = _per_properties(
            "row", properties, lambda: (table, key, row_model(table, properties, key))
        )
        # the same specs under another table or key (not seen in the model): the cache
        model = known[2] if known[:2] == (table, key) else row_model(table, properties, key)
        model.model_validate(row)
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


def temporal_maps(properties: tuple[PropertySpec, ...], t: dict[str, Any]) -> dict[str, Any]:
    """``t`` (temporal properties as ISO text) split into the two kinds the generic
    statements set: ``d`` (dates) and ``dt`` (datetimes)."""
    kinds = _per_properties(
        "temporal", properties, lambda: {p.name: p.type for p in properties if p.type in TEMPORAL}
    )
    d, dt_ = {}, {}
    for k, v in t.items():
        (d if kinds[k] == "date" else dt_)[k] = v
    return {"d": d, "dt": dt_}


# How split_properties treats a value of each kind: temporal (ISO text), as is (what
# ``to_neo4j`` returns unchanged), text; every other kind goes through ``to_neo4j``.
_HOW = {
    **dict.fromkeys(TEMPORAL, "temporal"),
    **dict.fromkeys(("integer", "boolean", "float"), "as is"),
    "string": "text",
}


def _how(properties: tuple[PropertySpec, ...]) -> tuple[tuple[str, str, str, PropertySpec], ...]:
    """(name, column, how, spec) per property, worked out once per table, not per value."""
    return tuple((p.name, p.column, _HOW.get(p.type, "convert"), p) for p in properties)


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
    for name, column, how, prop in _per_properties("split", properties, lambda: _how(properties)):
        value = row.get(column)
        if how == "temporal":
            temporals[name] = None if value is None else value.isoformat()
        elif how == "as is" or value is None:
            props[name] = value
        elif how == "text":
            props[name] = value if isinstance(value, str) else str(value)
        else:
            props[name] = to_neo4j(prop, value, table=table, key=key)
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
