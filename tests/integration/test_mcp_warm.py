"""The MCP server's warm-up plans every named query, and changes nothing in the graph."""

from __future__ import annotations

import pytest

from tests.graph_helpers import graph_checksum
from vivim_graph.agents.tools import Graph
from vivim_graph.agents.warm import warm
from vivim_graph.model.spec import load_model
from vivim_graph.queries import catalog as queries

pytestmark = pytest.mark.integration


def test_warm_plans_every_named_query_and_writes_nothing(seeded_graph):
    before = graph_checksum(seeded_graph)
    planned = warm(Graph(seeded_graph, load_model()))
    assert sorted(planned) == sorted(queries.catalog())
    assert graph_checksum(seeded_graph) == before


def test_warm_leaves_what_does_not_plan_to_its_first_caller(seeded_graph):
    graph = Graph(seeded_graph, load_model(), database="no-such-database")
    assert warm(graph) == []  # no error in the background: the first question reports it
