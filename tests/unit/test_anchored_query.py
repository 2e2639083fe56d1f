"""A named query started elsewhere (``catalog.anchored``): only its anchor block changes."""

from __future__ import annotations

import dataclasses

import pytest

from vivim_graph.errors import QueryError
from vivim_graph.model import cypher
from vivim_graph.model.spec import load_model
from vivim_graph.queries import catalog


def test_the_blast_radius_anchored_at_a_label_keeps_the_rest_of_its_text():
    query = catalog.get("impact/node_blast_radius")
    anchor = cypher.node_anchor(load_model().node_by_label["Location"], "code")
    variant = catalog.anchored(query, anchor)
    before, _, rest = query.text.partition("// anchor {")
    after = rest.partition("// } anchor\n")[2]
    assert variant.text == before + anchor + "\n" + after
    assert "$label IN labels(n)" in query.text and "$label" not in variant.text
    assert (variant.name, variant.parameters, variant.columns) == (
        query.name,
        query.parameters,
        query.columns,
    )


def test_a_query_without_exactly_one_anchor_block_is_refused():
    query = catalog.get("impact/lookup_node")
    with pytest.raises(QueryError, match=r"lookup_node\.cypher: needs exactly one"):
        catalog.anchored(query, "MATCH (n)")
    twice = dataclasses.replace(
        query, text="// anchor {\nA\n// } anchor\nB\n// anchor {\nC\n// } anchor\n"
    )
    with pytest.raises(QueryError, match="needs exactly one"):
        catalog.anchored(twice, "MATCH (n)")


def test_a_collected_query_returns_its_declared_columns_as_one_list():
    query = catalog.get("impact/lookup_node")
    variant = catalog.collected(query)
    assert variant.text == (
        "CALL () {\n" + query.text.rstrip() + "\n}\nRETURN collect({`found`: `found`}) AS rows"
    )
    assert variant.extra["collected"] is True and "collected" not in query.extra
    assert (variant.name, variant.parameters, variant.columns) == (
        query.name,
        query.parameters,
        query.columns,
    )
    odd = dataclasses.replace(query, columns={"a`b": "text"})
    with pytest.raises(QueryError, match="cannot be collected"):
        catalog.collected(odd)
