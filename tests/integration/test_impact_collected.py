"""A scenario's many-row queries, read back in one record (``queries.catalog.collected``),
give the rows, columns and order each query gives on its own."""

from __future__ import annotations

import pytest

from vivim_graph.impact import scenarios as impact
from vivim_graph.impact.common import MANY_ROWS
from vivim_graph.queries import catalog as queries

pytestmark = pytest.mark.integration

SCENARIOS = (
    ("switch_provider", {"from_provider": "hetzner", "to_provider": "ovhcloud"}),
    ("relocate", {"member": "TM-005", "to": "berlin", "start": "M5"}),
    ("hire", {"location": "malta", "role": "swe-senior", "count": 2, "start": "M5"}),
)


def collected_rows(driver, name: str, params: dict) -> queries.QueryResult:
    with driver.session(database="neo4j") as s:
        return s.execute_read(
            queries.run_in, name, params, query=queries.collected(queries.get(name))
        )


def test_collected_rows_are_the_rows_of_the_query_alone(seeded_graph):
    compared: dict[str, int] = {}
    for kind, params in SCENARIOS:
        report = impact.run_impact(seeded_graph, kind, params)
        for name in set(report.cypher) & MANY_ROWS:
            given = report.cypher_parameters[name]
            alone = queries.run(seeded_graph, name, given)
            together = collected_rows(seeded_graph, name, given)
            assert together.columns == alone.columns, name
            # same rows in the same order, each with its keys in the same order
            assert [list(r.items()) for r in together.rows] == [
                list(r.items()) for r in alone.rows
            ], name
            compared[name] = compared.get(name, 0) + len(alone.rows)
    assert set(compared) == MANY_ROWS  # each of them compared at least once
    assert sum(compared.values()) > 200  # the provider switch alone sends hundreds


def test_impact_node_gives_the_named_query_rows(seeded_graph):
    report = impact.node(seeded_graph, label="Location", key="MT-VLT", depth=2)
    given = report.cypher_parameters["impact/node_blast_radius"]
    alone = queries.run(seeded_graph, "impact/node_blast_radius", given).rows
    assert report.details["dependants"] == alone and len(alone) > 100
    ran = report.cypher["impact/node_blast_radius"]
    assert "MATCH (n:`Location`)" in ran and "$label IN labels(n)" not in ran


def test_queries_combined_in_one_statement_give_each_query_alone(seeded_graph):
    """``catalog.combined``: one round trip, and for every query the rows, columns and order
    it gives alone; the same query twice with other values, and a query with no rows."""
    calls = [
        ("impact/scenario_lookups", {"providers": True, "locations": True}),
        ("milestone_cost_summary", {}),
        ("impact/provider_switch_lines", {"from_provider": "hetzner", "to_provider": "ovhcloud"}),
        ("impact/provider_switch_lines", {"from_provider": "ovhcloud", "to_provider": "hetzner"}),
        (
            "impact/provider_switch_lines",  # no such service: no rows
            {"from_provider": "hetzner", "to_provider": "ovhcloud", "service": "no-such"},
        ),
        ("cost_pool_utilization", {"pools": None}),
    ]
    with seeded_graph.session(database="neo4j") as s:
        together = s.execute_read(queries.run_combined, calls)
    assert len(together) == len(calls)
    sizes = []
    for (name, params), got in zip(calls, together, strict=True):
        alone = queries.run(seeded_graph, name, params)
        assert got.columns == alone.columns, name
        assert [list(r.items()) for r in got.rows] == [list(r.items()) for r in alone.rows], name
        assert got.parameters == alone.parameters, name
        sizes.append(len(alone.rows))
    assert sizes[4] == 0 and min(sizes[:4]) > 0 and sizes[2] != sizes[3]
