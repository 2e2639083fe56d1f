"""Plans: several impact changes computed together, each on top of the previous ones.

Each change runs as its ``impact`` scenario (the same functions, so a plan of one change is
that command's answer to the cent), read-only. The plan then composes them (docs/cost-rules.md
R-PLAN): what applies once per country is charged once (R-PLAN-ONCE), allowances capped once
per employer are shared by the plan's hires in step order (R-PLAN-EMPLOYER), and what each
change adds to budget lines and cost pools is summed per line and pool *before* overruns are
judged (R-PLAN-OVER), so two hires can push a line over together that neither does alone.
``--case low|high`` reads the database's low (high) figures (R-CASE); ``all`` gives each
figure its low, mid and high. Money is integer EUR cents, as in every scenario.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

import neo4j

from vivim_graph.errors import QueryError
from vivim_graph.impact.answer import json_answer
from vivim_graph.impact.common import (
    ESTIMATE_CASE,
    Baseline,
    ImpactReport,
    Runner,
    budget_section,
    change_by_period,
    load_baseline,
    milestone_section,
    plan_from,
    round_div,
)
from vivim_graph.impact.plan_file import CASES, PlanFile, scenario_of

PLAN_KIND = "plan"


@dataclass
class Step:
    """One change of the plan as its scenario computed it, and what the plan adjusted."""

    number: int
    kind: str
    report: ImpactReport
    changes: dict[str, int] = field(default_factory=dict)  # milestone -> cents, adjusted
    periods: list[dict[str, Any]] = field(default_factory=list)
    interactions: list[dict[str, Any]] = field(default_factory=list)

    @property
    def one_off_at(self) -> str | None:
        """The milestone the step's one-off work is charged to (its start)."""
        return self.report.parameters.get("from")


def _run_step(driver: neo4j.Driver, number: int, change: Any, database: str) -> Step:
    """Run one change as its impact scenario (imported late: scenarios import this package)."""
    from vivim_graph.impact.scenarios import run_impact

    scenario, params = scenario_of(change)
    try:
        report = run_impact(driver, scenario, params, database=database)
    except QueryError as e:
        raise QueryError(f"change {number} ({change.kind}): {e.message}", hint=e.hint) from None
    step = Step(number, change.kind, report)
    step.changes = {m["milestone_code"]: m["change_cents"] for m in report.milestones}
    step.periods = [{**p, "step": number} for p in report.details.get("budget_periods", [])]
    return step


def _once_per_country(steps: list[Step]) -> None:
    """R-PLAN-ONCE: a contract still to draft is drafted once, by the first change needing it."""
    seen: dict[tuple[str, str], int] = {}
    for step in steps:
        for o in step.report.obligations:
            if o["status"] != "needed" or not o["one_off_cost_cents"]:
                continue
            key = (o["kind"], o["code"])
            if key not in seen:
                seen[key] = step.number
                continue
            at = step.one_off_at
            if at is None:
                continue
            step.changes[at] = step.changes.get(at, 0) - o["one_off_cost_cents"]
            step.interactions.append(
                {
                    "rule": "R-PLAN-ONCE",
                    "milestone_code": at,
                    "change_cents": -o["one_off_cost_cents"],
                    "detail": f"{o['code']} is drafted once, by change {seen[key]}",
                }
            )


def _credit(cap: int, before: int, added: int) -> int:
    """R-EMPLOYER-ITEM: what the allowance covers of `added`, on top of `before`."""
    return min(cap, before + added) - min(cap, before)


def _shared_items(run: Runner, steps: list[Step], baseline: Baseline) -> None:
    """R-PLAN-EMPLOYER: an allowance capped once per employer is shared by the plan's hires:
    each later hire's credit is counted on the base of the existing staff and earlier hires."""
    earlier: Counter[str] = Counter()  # item code -> hires' base added by earlier steps
    for step in steps:
        items = step.report.details.get("employer_items") or []
        unit = (step.report.details.get("unit_cost") or [{}])[0]
        diff = 0
        for item in items:
            code, added = item["code"], item["hires_base_cents"]
            before = item["existing_base_cents"] + earlier[code]
            credit = _credit(item["cap_annual_cents"], before, added)
            rate_e8 = round(unit["fx_rate_to_eur"] * 100_000_000)
            monthly = -round_div(credit * rate_e8, 12 * 100_000_000)
            diff += monthly - item["monthly_eur_cents"]
            earlier[code] += added
        if diff:
            _spread(run, step, diff, baseline)


def _spread(run: Runner, step: Step, monthly: int, baseline: Baseline) -> None:
    """Add a monthly change to a hire step: over its months per milestone and per period."""
    start, team = step.report.parameters["from"], step.report.parameters["team"]
    for row in step.report.details.get("months", []):
        code = row["milestone_code"]
        step.changes[code] = step.changes.get(code, 0) + monthly * row["months"]
    periods = change_by_period(
        run, [{"team": team, "monthly_cents": monthly, **plan_from(baseline, start)}]
    )
    step.periods += [{**p, "step": step.number} for p in periods]
    step.interactions.append(
        {
            "rule": "R-PLAN-EMPLOYER",
            "monthly_change_cents": monthly,
            "change_cents": sum(monthly * r["months"] for r in step.report.details["months"]),
            "detail": "the once-per-employer allowance is shared with the plan's earlier hires",
        }
    )


def case_baseline(run: Runner, case: str) -> Baseline:
    """The baseline per milestone in the case: the view's total with the other costs
    (MilestoneCost, the only planned items with a range) at their low, mid or high (R-CASE)."""
    baseline = load_baseline(run)
    if case == "mid":
        return baseline
    ranges = {r["milestone_code"]: r for r in run.rows("impact/plan_baseline_range")}
    out = {}
    for code, row in baseline.items():
        r = ranges[code]
        shift = r[f"other_cost_{case}_cents"] - r["other_cost_mid_cents"]
        out[code] = {**row, "total_cost_mid_cents": row["total_cost_mid_cents"] + shift}
    return out


# --------------------------------------------------------------------------- one case
def run_case(
    driver: neo4j.Driver, plan: PlanFile, case: str = "mid", *, database: str = "neo4j"
) -> ImpactReport:
    """The plan in one case: every change, composed, against the baseline (read-only)."""
    if case not in CASES:
        raise QueryError(f"--case must be one of {', '.join(CASES)} or all, not {case!r}")
    token = ESTIMATE_CASE.set(case)
    try:
        steps = [_run_step(driver, i, c, database) for i, c in enumerate(plan.changes, 1)]
        report = ImpactReport(PLAN_KIND, _title(plan, case), _parameters(plan, case))
        run = Runner(driver, database, report)
        baseline = case_baseline(run, case)
        _once_per_country(steps)
        _shared_items(run, steps, baseline)
        changes: Counter[str] = Counter()
        for step in steps:
            changes.update(step.changes)
        milestone_section(report, baseline, dict(changes), _evidence(steps))
        _contributions(report, steps)
        # R-PLAN-OVER: every change's share of each line and pool summed, then judged
        budget_section(run, report, [p for s in steps for p in s.periods])
    finally:
        ESTIMATE_CASE.reset(token)
    report.obligations = _obligations(steps)
    report.details["steps"] = [_step_row(s) for s in steps]
    report.notes = [n for s in steps for n in dict.fromkeys(s.report.notes)]
    report.notes = list(dict.fromkeys(report.notes))
    for s in steps:
        report.cypher.update(s.report.cypher)
        for name, params in s.report.cypher_parameters.items():
            report.cypher_parameters.setdefault(name, params)
    return report


def _title(plan: PlanFile, case: str) -> str:
    kinds = ", ".join(c.kind for c in plan.changes)
    return f"Plan {plan.name}: {len(plan.changes)} changes ({kinds}), {case} case"


def _parameters(plan: PlanFile, case: str) -> dict[str, Any]:
    return {
        "plan": plan.name,
        "description": plan.description,
        "case": case,
        "changes": [c.model_dump() for c in plan.changes],
    }


def _evidence(steps: list[Step]) -> dict[str, dict[str, Any]]:
    """Per milestone: every changing step's path, source rows and rules, in step order."""
    evidence: dict[str, dict[str, Any]] = {}
    for step in steps:
        for m in step.report.milestones:
            if not step.changes.get(m["milestone_code"]):
                continue
            ev = evidence.setdefault(m["milestone_code"], {"paths": [], "sources": [], "rules": []})
            ev["paths"].append(f"change {step.number}: {m.get('path') or step.report.title}")
            ev["sources"] += [s for s in m.get("sources", []) if s not in ev["sources"]]
            rules = m.get("rules", []) + [i["rule"] for i in step.interactions]
            ev["rules"] += [r for r in rules if r not in ev["rules"]]
    for ev in evidence.values():
        ev["path"] = "; ".join(ev.pop("paths"))
        ev["rules"].append("R-PLAN")
    return evidence


def _contributions(report: ImpactReport, steps: list[Step]) -> None:
    """Each milestone's (and the total's) change split by the change that brings it."""
    for row in report.milestones:
        row["contributions"] = [
            {"step": s.number, "change_cents": s.changes.get(row["milestone_code"], 0)}
            for s in steps
        ]
    report.totals["contributions"] = [
        {"step": s.number, "kind": s.kind, "change_cents": sum(s.changes.values())} for s in steps
    ]


def _obligations(steps: list[Step]) -> list[dict[str, Any]]:
    """Legal, compliance and tax work of every change, once each, with the changes needing it."""
    found: dict[tuple[str, str, str], dict[str, Any]] = {}
    for step in steps:
        for o in step.report.obligations:
            key = (o["kind"], str(o["code"]), o["status"])
            row = found.setdefault(key, {**o, "steps": []})
            row["steps"].append(step.number)
    return list(found.values())


def _step_row(step: Step) -> dict[str, Any]:
    """What the plan shows of a change: its title, parameters, alone and in the plan."""
    from vivim_graph.impact.store import affected

    return {
        "step": step.number,
        "kind": step.kind,
        "scenario": step.report.kind,
        "title": step.report.title,
        "parameters": step.report.parameters,
        "alone_change_cents": step.report.totals.get("change_cents", 0),
        "change_cents": sum(step.changes.values()),
        "interactions": step.interactions,
        "affects": [
            {k: link[k] for k in ("label", "key", "value", "what")}
            for link in affected(step.report)
            if link["label"] != "Milestone"
        ],
    }


# --------------------------------------------------------------------------- every case
RANGED = (
    "baseline_cents",
    "change_cents",
    "scenario_cents",
    "baseline_cost_per_user_micros",
    "scenario_cost_per_user_micros",
)


def case_key(key: str, case: str) -> str:
    """``scenario_cents`` in the low case is ``scenario_low_cents`` (mid keeps its name)."""
    if case == "mid":
        return key
    stem, unit = key.rsplit("_", 1)
    return f"{stem}_{case}_{unit}"


def run_plan(
    driver: neo4j.Driver, plan: PlanFile, case: str = "mid", *, database: str = "neo4j"
) -> ImpactReport:
    """The plan in one case, or (``all``) the mid answer with each figure's low and high."""
    if case != "all":
        return run_case(driver, plan, case, database=database)
    reports = {c: run_case(driver, plan, c, database=database) for c in CASES}
    merged = reports["mid"]
    merged.title = merged.title.replace("mid case", "low, mid and high cases")
    merged.parameters["case"] = "all"
    for c in ("low", "high"):
        other = reports[c]
        _range_rows(merged.milestones, other.milestones, "milestone_code", c)
        _range_rows([merged.totals], [other.totals], None, c)
        _range_rows(merged.details["steps"], other.details["steps"], "step", c)
        for section in ("budgets_over", "pools_over"):
            _range_over(merged, other, section, c)
    for section in ("budgets_over", "pools_over"):
        for row in getattr(merged, section):
            over_in = set(row.get("cases", [])) | ({"mid"} if row.pop("over_mid", True) else set())
            row["cases"] = [c for c in CASES if c in over_in]
            for c in CASES:  # not over in a case: over by nothing
                row.setdefault(case_key("over_by_cents", c), 0)
    return merged


def _range_rows(rows: list[dict], others: list[dict], key: str | None, case: str) -> None:
    """Copy each ranged figure of the other case's rows (matched by ``key``) beside the mid."""
    by_key = {r[key] if key else None: r for r in others}
    for row in rows:
        other = by_key[row[key] if key else None]
        for name in (*RANGED, "alone_change_cents"):
            if name in row:
                row[case_key(name, case)] = other[name]
        for mine, theirs in zip(
            row.get("contributions", []), other.get("contributions", []), strict=True
        ):
            mine[case_key("change_cents", case)] = theirs["change_cents"]


def _range_over(merged: ImpactReport, other: ImpactReport, section: str, case: str) -> None:
    """Lines (pools) over in the case: the mid rows say in which cases and by how much."""
    code = "line_code" if section == "budgets_over" else "pool_code"
    mine = {r[code]: r for r in getattr(merged, section)}
    for row in getattr(other, section):
        target = mine.get(row[code])
        if target is None:  # over in this case only
            # the mid figures of a line the mid case keeps under its limit are not known here
            mid_unknown = ("added_cents", "scenario_actual_cents", "scenario_spent_cents")
            target = {**row, "over_mid": False, "over_by_cents": 0}
            target.update({k: None for k in mid_unknown if k in row})
            getattr(merged, section).append(target)
            mine[row[code]] = target
        target.setdefault("cases", []).append(case)
        target[case_key("over_by_cents", case)] = row["over_by_cents"]
        target[case_key("added_cents", case)] = row["added_cents"]


# --------------------------------------------------------------------------- the JSON answer
def answer(report: ImpactReport) -> dict[str, Any]:
    """The plan as JSON (``plan run --format json`` and the MCP tool ``impact_plan``): the
    same shape as a scenario's (impact/answer.py)."""
    return json_answer(report)
