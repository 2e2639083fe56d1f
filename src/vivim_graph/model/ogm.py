"""Typed Python access to the graph: neomodel classes built from the graph model.

The classes are derived at run time from ``graph/model.yaml``, so there is no second,
hand-written copy of the model to drift. neomodel uses the project's one driver::

    from vivim_graph.model import ogm
    classes = ogm.bind(driver, database="neo4j")
    malta = classes["Location"].nodes.get(code="MT-VLT")   # malta.pk is the graph's `id`
    for member in malta.based_in_from.all(): ...

Each relationship appears on its source class as the lower-case type
(``team_member.based_in``) and on its target class with ``_from`` appended
(``location.based_in_from``).
"""

from __future__ import annotations

from functools import cache
from typing import Any

import neo4j
from neomodel import (
    ArrayProperty,
    BooleanProperty,
    DateProperty,
    DateTimeNeo4jFormatProperty,
    FloatProperty,
    IntegerProperty,
    RelationshipFrom,
    RelationshipTo,
    StringProperty,
    StructuredNode,
    db,
    get_config,
)

from vivim_graph.model.spec import GraphModel, PropertySpec, load_model

_PROPERTY_CLASSES: dict[str, Any] = {
    "integer": IntegerProperty,
    "string": StringProperty,
    "boolean": BooleanProperty,
    "date": DateProperty,
    "datetime": DateTimeNeo4jFormatProperty,
    "money": IntegerProperty,
    "price": IntegerProperty,
    "decimal": FloatProperty,
    "float": FloatProperty,
    "json": StringProperty,
    "list": ArrayProperty,
}


# neomodel reserves the attribute name ``id``; the key property keeps its graph name.
_ATTRIBUTE_NAMES = {"id": "pk"}


def _property(prop: PropertySpec, *, key: bool, natural: bool) -> Any:
    cls = _PROPERTY_CLASSES[prop.type]
    options: dict[str, Any] = {}
    if prop.name in _ATTRIBUTE_NAMES:
        options["db_property"] = prop.name
    if cls is ArrayProperty:
        return ArrayProperty(**options)
    if key:
        return cls(unique_index=True, required=True, **options)
    return cls(index=natural, **options)


@cache
def _classes(model: GraphModel) -> dict[str, type[StructuredNode]]:
    attrs: dict[str, dict[str, Any]] = {}
    for node in model.nodes:
        body: dict[str, Any] = {
            "__label__": node.label,
            "__module__": __name__,
            "__doc__": node.description or node.table,
        }
        for prop in node.properties:
            body[_ATTRIBUTE_NAMES.get(prop.name, prop.name)] = _property(
                prop,
                key=prop.column in node.key and len(node.key) == 1,
                natural=prop.column in node.natural_keys,
            )
        body["module"] = StringProperty()
        if len(node.key) > 1:
            body["key"] = StringProperty(unique_index=True)
        attrs[node.label] = body
    edges = [(n.label, r.type, model.label_of(r.target)) for n in model.nodes for r in n.references]
    edges += [
        (model.label_of(j.source.table), j.type, model.label_of(j.target.table))
        for j in model.joins
    ]
    for source, rel_type, target in edges:
        name = rel_type.lower()
        if name not in attrs[source]:
            attrs[source][name] = RelationshipTo(target, rel_type)
        back = f"{name}_from"
        if back not in attrs[target]:
            attrs[target][back] = RelationshipFrom(source, rel_type)
    # Classes are registered by label in neomodel's global registry; build each once.
    classes = {label: type(label, (StructuredNode,), body) for label, body in attrs.items()}
    # neomodel resolves a relationship's class name as an attribute of this module.
    globals().update(classes)
    return classes


def bind(
    driver: neo4j.Driver, database: str = "neo4j", model: GraphModel | None = None
) -> dict[str, type[StructuredNode]]:
    """Point neomodel at the project's driver and return the classes by label."""
    get_config().database_name = database
    db.set_connection(driver=driver)
    return _classes(model or load_model())
