"""Where a number came from: the source table and key of the nodes behind an answer.

Every replicated node carries ``_source_table`` and ``_source_key`` plus its key properties
(from the model). A row that holds nodes cites them one by one; an aggregate row (a view)
cites the tables its Cypher reads, found from the labels the text names.
"""

from __future__ import annotations

import re
from typing import Any

from vivim_graph.model.spec import GraphModel

_LABEL_IN_TEXT = re.compile(r":\s*`?([A-Z][A-Za-z0-9]*)`?")


def node_source(props: dict[str, Any], model: GraphModel) -> dict[str, Any] | None:
    """The provenance of one node's properties, or None if it is not a replicated node."""
    table = props.get("_source_table")
    spec = model.node_by_table.get(table) if isinstance(table, str) else None
    if spec is None:
        return None
    key = {}
    for column in spec.key:
        prop = spec.property_for(column)
        key[column] = props.get(prop.name if prop else column)
    return {
        "label": spec.label,
        "source_table": table,
        "source_key": props.get("_source_key"),
        "key": key,
    }


def sources_in_rows(rows: list[dict[str, Any]], model: GraphModel) -> list[dict[str, Any]]:
    """Every replicated node found in the rows (nested anywhere), once each."""
    found: dict[tuple[str, str], dict[str, Any]] = {}

    def walk(value: Any) -> None:
        if isinstance(value, dict):
            source = node_source(value, model)
            if source is not None:
                found.setdefault((source["source_table"], str(source["source_key"])), source)
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(rows)
    return list(found.values())


def tables_in_text(cypher: str, model: GraphModel) -> list[dict[str, Any]]:
    """The source tables behind the labels a Cypher text names (``:Label``)."""
    labels = dict.fromkeys(m.group(1) for m in _LABEL_IN_TEXT.finditer(cypher))
    return [
        {
            "label": label,
            "source_table": model.node_by_label[label].table,
            "key_columns": list(model.node_by_label[label].key),
        }
        for label in labels
        if label in model.node_by_label
    ]
