"""A scenario's or a plan's report as JSON for machines (``--format json``, the MCP tools):
the report, the Cypher that ran with its parameters, and the source rows behind the figures."""

from __future__ import annotations

from typing import Any

from vivim_graph.impact.common import ImpactReport

# The report's sections whose rows carry ``sources`` (a plan has no ranking: it stays empty).
_SECTIONS = ("milestones", "budgets_over", "pools_over", "obligations", "ranking")


def json_answer(report: ImpactReport) -> dict[str, Any]:
    """The report's own fields, plus ``cypher`` (text and parameters of every query that ran),
    ``queries`` (their names) and ``provenance`` (each source row once, in first-seen order)."""
    data = report.to_dict()
    rows = [row for section in _SECTIONS for row in data[section]]
    rows += [row for detail in data["details"].values() for row in detail]
    seen: dict[tuple[str, str], dict[str, Any]] = {}
    for row in rows:
        if not isinstance(row, dict):
            continue
        for s in row.get("sources") or []:
            seen.setdefault(
                (s["table"], str(s["key"])),
                {"source_table": s["table"], "source_key": s["key"], "what": s.get("what")},
            )
    return {
        **data,
        "cypher": [
            {"cypher": text, "parameters": data["cypher_parameters"].get(name, {})}
            for name, text in data["cypher"].items()
        ],
        "queries": list(data["cypher"]),
        "provenance": list(seen.values()),
    }
