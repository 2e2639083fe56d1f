"""Users: a milestone at another user scale (threshold, infrastructure, revenue, per user)."""

from __future__ import annotations

from typing import Any

import neo4j

from vivim_graph.errors import QueryError
from vivim_graph.impact.common import (
    ESTIMATE_CASE,
    ImpactReport,
    Runner,
    budget_section,
    change_by_period,
    in_one_read,
    load_baseline,
    milestone_section,
)
from vivim_graph.impact.params import UsersParams, check


def users(
    driver: neo4j.Driver,
    *,
    mau: int,
    at: str | None = None,
    database: str = "neo4j",
) -> ImpactReport:
    """``mau`` monthly active users at milestone ``at`` (default: the last)."""
    check(UsersParams, mau=mau, at=at)
    report = ImpactReport("users", "", {"mau": mau, "at": at})
    return in_one_read(driver, database, report, lambda run: _users(run, mau, at))


def _users(run: Runner, mau: int, at: str | None) -> None:
    """The user scale's report, in ``run``'s one read transaction."""
    report = run.report
    scale = ("impact/user_scale", {"mau": mau, "at": at, "case": ESTIMATE_CASE.get()})
    # the baseline and the scale in one round trip
    run.together(("impact/lookup_milestones", {}), ("milestone_cost_summary", {}), scale)
    baseline = load_baseline(run)
    if at is not None and at not in baseline:
        raise QueryError(f"no milestone {at!r}; milestones: {', '.join(baseline)}")
    rows = run.rows(scale[0], **scale[1])
    if not rows:
        raise QueryError(f"no user-scale answer for {mau:,} users at {at or 'the last milestone'}")
    row = rows[0]
    at = row["milestone_code"]
    report.parameters["at"] = at
    report.title = (
        f"{mau:,} monthly active users at {at} (planned {row['baseline_users']:,}): "
        f"threshold {row['scenario_threshold_code']}"
    )
    base = baseline[at]
    months = base["end_month"] - base["start_month"] + 1
    change = row["delta_infra_monthly_cents"] * months
    milestone_section(report, baseline, {at: change}, {at: _evidence(row, months)})
    budget_section(run, report, _periods(run, row, base))
    report.totals.update(
        {
            "milestone_months": months,
            "infra_change_cents": change,
            **{k: v for k, v in row.items() if k not in ("sources", "milestone_code", "sequence")},
        }
    )
    report.details["scale"] = [row]


def _evidence(row: dict[str, Any], months: int) -> dict[str, Any]:
    """R-USERS: the threshold crossed and its cost model, over the milestone's months."""
    return {
        "path": f"(:UserScaleThreshold {{code: {row['scenario_threshold_code']}}})"
        f"<-[:FOR_USER_SCALE_THRESHOLD]-(:InfrastructureCostModel "
        f"{{code: {row['scenario_model_code']}}}) x {months} months",
        "sources": row["sources"],
        "rules": ["R-USERS"],
    }


def _periods(run: Runner, row: dict[str, Any], base: dict[str, Any]) -> list[dict[str, Any]]:
    """The run-rate change over the milestone's months, by budget period."""
    if not row["delta_infra_monthly_cents"]:
        return change_by_period(run, [])
    # R-USERS: the scaled run rate has no service type; it is charged as compute
    change = {
        "service_type": "compute",
        "monthly_cents": row["delta_infra_monthly_cents"],
        "first_month": base["start_month"],
        "last_month": base["end_month"],
    }
    return change_by_period(run, [change])
