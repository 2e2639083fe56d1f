"""The main cost questions, each answered by named queries of the catalog.

One list serves the Neo4j Browser tour (its stops) and the MCP server (its prompts), so both
ask the same questions with the same queries.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Stop:
    """One stop of the tour: a cost question and the catalog queries that answer it."""

    title: str
    lead: str
    queries: tuple[str, ...]


TOUR = (
    Stop(
        "The biggest cost drivers",
        "Which cost items weigh most across the 22-month plan, and what do labour and "
        "infrastructure spend go to?",
        (
            "explore/biggest_cost_drivers",
            "labor_cost_attribution",
            "infrastructure_cost_attribution",
        ),
    ),
    Stop(
        "What Malta changes",
        "A hire in Malta brings team members, salary benchmarks, employer on-costs, tax "
        "incentives and budget lines. Start from the locations and follow the relationships.",
        ("explore/malta_cost_drivers", "location_cost_overview", "loaded_salary_by_location"),
    ),
    Stop(
        "The milestone cost structure",
        "Milestone is the hub: team allocations, infrastructure, legal and compliance costs, "
        "revenue projections and cost per user all point at it.",
        ("explore/milestone_hub", "milestone_cost_summary", "labor_costs_by_milestone"),
    ),
    Stop(
        "Where the budget goes over",
        "Budget lines whose actual spend is above the budget, and the pools they draw on.",
        ("explore/budget_overruns", "budget_vs_actual", "cost_pool_utilization"),
    ),
    Stop(
        "Which providers cost what",
        "Cloud providers, their services and pricing tiers, the infrastructure cost at each "
        "user scale, and where GPUs are cheapest.",
        ("explore/cloud_providers", "infrastructure_cost_summary", "gpu_price_comparison"),
    ),
    Stop(
        "Saved plans",
        "Plans saved with vivim-graph plan run FILE --save NAME: each plan's changes as "
        "ordered steps, what each costs alone and in the plan, and what it affects.",
        ("explore/saved_plans", "explore/plan_steps"),
    ),
)
