"""What-if scenarios on the cost graph: what a hire, a relocation, a provider switch, a user
scale or a node changes, in EUR, computed without changing the graph.

One module per scenario (``hire``, ``relocate``, ``switch_provider``, ``users``, ``node``),
what they share in ``common``, their parameters in ``params``. This module is the one entry
point the CLI and the agents' tools call, and keeps the names the library has always had.
"""

from __future__ import annotations

from typing import Any

import neo4j

from vivim_graph.errors import QueryError
from vivim_graph.impact.common import ImpactReport, round_div
from vivim_graph.impact.hire import hire
from vivim_graph.impact.node import cost_properties, node
from vivim_graph.impact.params import EMPLOYMENT_TYPES, SCENARIOS
from vivim_graph.impact.relocate import relocate
from vivim_graph.impact.switch_provider import switch_provider
from vivim_graph.impact.users import users

__all__ = [
    "EMPLOYMENT_TYPES",
    "ImpactReport",
    "cost_properties",
    "hire",
    "node",
    "relocate",
    "round_div",
    "run_impact",
    "switch_provider",
    "users",
]

RUNNERS = {
    "hire": hire,
    "relocate": relocate,
    "switch_provider": switch_provider,
    "users": users,
    "node": node,
}
assert set(RUNNERS) == set(SCENARIOS)  # every scenario has its parameters, and back


def run_impact(
    driver: neo4j.Driver, kind: str, params: dict[str, Any], *, database: str = "neo4j"
) -> ImpactReport:
    """One entry point for every scenario kind (the CLI and the agents' tools)."""
    if kind not in RUNNERS:
        raise QueryError(f"no scenario kind {kind!r}; kinds: {', '.join(RUNNERS)}")
    return RUNNERS[kind](driver, database=database, **params)
