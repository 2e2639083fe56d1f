"""A scenario runs in one managed read transaction, and a retried one starts afresh."""

from __future__ import annotations

import neo4j
import pytest

from vivim_graph.errors import QueryError
from vivim_graph.impact.common import ImpactReport, Runner, in_one_read

pytestmark = pytest.mark.integration


def test_a_retried_scenario_starts_from_a_fresh_report(seeded_graph):
    attempts: list[Runner] = []

    def work(run: Runner) -> None:
        attempts.append(run)
        run.report.notes.append(f"attempt {len(attempts)}")
        run.report.details["milestones"] = run.rows("impact/lookup_milestones")
        if len(attempts) == 1:  # a lost connection: the driver runs the unit of work again
            raise neo4j.exceptions.ServiceUnavailable("simulated")

    template = ImpactReport("test", "t", {})
    report = in_one_read(seeded_graph, "neo4j", template, work)
    assert len(attempts) == 2 and all(a.tx is not None for a in attempts)
    assert report.notes == ["attempt 2"]  # nothing left over from the failed attempt
    assert template.notes == [] and template.cypher == {}
    expected, _, _ = seeded_graph.execute_query("MATCH (m:Milestone) RETURN count(m) AS n")
    assert len(report.details["milestones"]) == expected[0]["n"] > 0
    assert set(report.cypher) == {"impact/lookup_milestones"}


def test_an_error_in_the_scenario_ends_its_transaction_and_reaches_the_caller(seeded_graph):
    def work(run: Runner) -> None:
        run.rows("impact/lookup_milestones")
        raise QueryError("no such milestone")

    with pytest.raises(QueryError, match="no such milestone"):
        in_one_read(seeded_graph, "neo4j", ImpactReport("test", "t", {}), work)
    with pytest.raises(QueryError, match="query impact/lookup_node failed in Neo4j"):
        in_one_read(
            seeded_graph,
            "neo4j",
            ImpactReport("test", "t", {}),
            lambda run: run.rows("impact/lookup_node", label=1, key_property=[], key="x"),
        )
