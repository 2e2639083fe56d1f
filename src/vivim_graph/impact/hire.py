"""Hire: what hiring people of a role in a location changes, ranked across locations."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import neo4j

from vivim_graph.errors import QueryError, did_you_mean
from vivim_graph.impact.common import (
    Baseline,
    Call,
    ImpactReport,
    Runner,
    budget_section,
    change_by_period,
    change_by_period_call,
    hire_units,
    in_one_read,
    load_baseline,
    looked_up,
    milestone_section,
    obligations,
    obligations_call,
    one_off_cents,
    plan_from,
    prefetch,
    reported,
    resolve_locations,
    round_div,
    start_milestone,
)
from vivim_graph.impact.params import HireParams, check


@dataclass
class _Hire:
    """A hire once its role, start, place and unit cost are known."""

    run: Runner
    report: ImpactReport
    baseline: Baseline
    start: str
    place: dict[str, Any]
    unit: dict[str, Any]
    items: list[dict[str, Any]]
    count: int
    team: str

    @property
    def monthly(self) -> int:
        """The hires' monthly cost with what applies once per employer."""
        items = sum(i["monthly_eur_cents"] for i in self.items)
        return self.unit["monthly_cost_eur_cents"] * self.count + items


def hire(
    driver: neo4j.Driver,
    *,
    location: str,
    role: str,
    seniority: str | None = None,
    count: int = 1,
    start: str | None = None,
    employment_type: str = "employee",
    fte: float = 1.0,
    database: str = "neo4j",
) -> ImpactReport:
    """What hiring ``count`` people of a role in a location changes (see HireParams)."""
    values = {
        "location": location,
        "role": role,
        "seniority": seniority,
        "count": count,
        "start": start,
        "employment_type": employment_type,
        "fte": fte,
    }
    check(HireParams, **values)
    report = ImpactReport("hire", "", reported(values))
    return in_one_read(driver, database, report, lambda run: _hire(run, values))


def _hire(run: Runner, values: dict[str, Any]) -> None:
    """The hire's report, in ``run``'s one read transaction."""
    report, role, seniority = run.report, values["role"], values["seniority"]
    count, employment_type, fte = values["count"], values["employment_type"], values["fte"]
    location, start = values["location"], values["start"]
    prefetch(run, roles=True, locations=True)
    team = _check_role(run, role)["team_code"]
    baseline = load_baseline(run)
    start = start_milestone(baseline, start)
    place = resolve_locations(run, location)[0]
    units = hire_units(
        run,
        role=role,
        seniority=seniority,
        locations=None,
        fte=fte,
        employment_type=employment_type,
        **{"from": start},
    )
    unit = _unit_in(units, place, role, seniority, employment_type)
    h = _Hire(run, report, baseline, start, place, unit, _employer_items(unit, count), count, team)
    _name(h, role, employment_type, fte)
    changes = [{"team": team, "monthly_cents": h.monthly, **plan_from(baseline, start)}]
    # the pay per milestone, the obligations and the budget periods need only the unit
    # cost: one round trip for the three
    run.together(
        _spread_call(h),
        obligations_call(place, employment_type, unit["annual_mid_cents"]),
        *change_by_period_call(changes),
    )
    spread = _milestones(h, employment_type)
    months = sum(r["months"] for r in spread)
    periods = change_by_period(run, changes)
    budget_section(run, report, periods)
    total = h.monthly * months + report.totals["one_off_cents"]
    report.ranking = _ranking(units, place, count, months, total)
    report.details["unit_cost"] = [unit]
    report.details["employer_items"] = h.items
    report.details["months"] = spread
    _year_note(report, unit, baseline)


def _name(h: _Hire, role: str, employment_type: str, fte: float) -> None:
    """The report's title, and the parameters as resolved (start, place, team)."""
    place = h.place
    h.report.title = (
        f"Hire {h.count} x {role} ({h.unit['seniority']}, {employment_type}, FTE {fte:g}) in "
        f"{place['location_name']} ({place['location_code']}) from {h.start}, team {h.team}"
    )
    h.report.parameters.update(
        {"from": h.start, "resolved_location": place["location_code"], "team": h.team}
    )


def _unit_in(
    units: list[dict[str, Any]],
    place: dict[str, Any],
    role: str,
    seniority: str | None,
    employment_type: str,
) -> dict[str, Any]:
    """The unit cost in the chosen place, or an error naming where there is one."""
    unit = next((u for u in units if u["location_code"] == place["location_code"]), None)
    if unit is None:
        where = ", ".join(u["location_code"] for u in units) or "nowhere"
        what = "salary benchmark" if employment_type == "employee" else "contractor rate"
        raise QueryError(
            f"no {what} for role {role!r} (seniority {seniority or 'of the role'}) in "
            f"{place['location_code']}; there is one in: {where}"
        )
    return unit


def _milestones(h: _Hire, employment_type: str) -> list[dict[str, Any]]:
    """The change per milestone (pay over its months, one-off work at the start) and the
    totals; returns the pay per milestone."""
    name, params = _spread_call(h)
    spread = h.run.rows(name, **params)
    h.report.obligations = obligations(
        h.run, obligations_call(h.place, employment_type, h.unit["annual_mid_cents"])
    )
    one_off = one_off_cents(h.report)
    changes = {r["milestone_code"]: r["change_cents"] for r in spread}
    changes[h.start] = changes.get(h.start, 0) + one_off
    evidence = _hire_evidence(h.unit, h.items, spread, h.count, h.start if one_off else None)
    milestone_section(h.report, h.baseline, changes, evidence)
    months = sum(r["months"] for r in spread)
    h.report.totals.update(
        {
            "monthly_cost_per_hire_cents": h.unit["monthly_cost_eur_cents"],
            "employer_items_monthly_cents": sum(i["monthly_eur_cents"] for i in h.items),
            "monthly_cost_cents": h.monthly,
            "months_paid": months,
            "labour_change_cents": h.monthly * months,
            "one_off_cents": one_off,
        }
    )
    return spread


def _spread_call(h: _Hire) -> Call:
    return ("impact/labour_change_by_milestone", {"monthly_cents": h.monthly, "from": h.start})


def _check_role(run: Runner, role: str) -> dict[str, Any]:
    """The role's row, with the team a hire of it joins (R-TEAM)."""
    roles = looked_up(run, "roles")
    codes = [r["role_code"] for r in roles]
    if role not in codes:
        hint = did_you_mean(role, codes, cutoff=0.4)
        raise QueryError(f"no role {role!r}.{hint} Roles: {', '.join(codes)}")
    row = roles[codes.index(role)]
    if row["team_code"] is None:
        raise QueryError(
            f"role {role!r} is in category {row['role_category_code']}, which no team has and "
            f"no team member works in: its cost has no allocation rule"
        )
    return row


def _employer_items(unit: dict[str, Any], count: int) -> list[dict[str, Any]]:
    """R-EMPLOYER-ITEM: allowances that apply once per employer, against the employer's
    social-security bill in the country (hires' base added to the existing employees')."""
    items = []
    rate_e8 = round(unit["fx_rate_to_eur"] * 100_000_000)
    existing = unit["existing_employer_base_cents"] or 0
    added = (unit["relief_base_annual_cents"] or 0) * count
    for item in unit.get("employer_items") or []:
        cap = item["cap_annual_cents"]
        credit = min(cap, existing + added) - min(cap, existing)
        items.append(
            {
                "code": item["code"],
                "applies": "once per employer",
                "currency": item["currency"],
                "cap_annual_cents": cap,
                "existing_base_cents": existing,
                "hires_base_cents": added,
                "annual_credit_local_cents": credit,
                "annual_credit": f"{item['currency']} {credit / 100:,.2f}",
                "monthly_eur_cents": -round_div(credit * rate_e8, 12 * 100_000_000),
                "detail": f"{item['name']}: min(cap, social-security on-cost of the employees in "
                f"the country after the hire) - min(cap, before); counted once, not per hire",
                "rules": ["R-EMPLOYER-ITEM", "R-FX"],
                "path": f"(:TaxIncentive {{code: {item['code']}}})-[:OFFERED_IN]->"
                f"(:Location {{code: {unit['location_code']}}})",
                "sources": [item["source"]],
            }
        )
    return items


def _year_note(report: ImpactReport, unit: dict[str, Any], baseline: Baseline) -> None:
    """R-YEAR: say when months of a later year use an earlier year's figures."""
    year = unit.get("benchmark_year") or unit.get("start_year")
    last = max(b["end_month"] for b in baseline.values())
    last_year = 2025 + (last - 1) // 12 + 1  # project month 1 = January 2026
    if year and last_year > year:
        report.notes.append(
            f"R-YEAR: months in {year + 1}"
            + (f"-{last_year}" if last_year > year + 1 else "")
            + f" use the {year} salary, on-cost, cap and "
            f"relief rows (the database has no later year); no indexation is applied"
        )


def _hire_evidence(
    unit: dict[str, Any],
    items: list[dict[str, Any]],
    spread: list[dict[str, Any]],
    count: int,
    one_off_at: str | None,
) -> dict[str, dict[str, Any]]:
    """Path, source rows and rules behind each milestone's change of a hire."""
    rules = unit["rules"] + (["R-EMPLOYER-ITEM"] if items else [])
    rules += ["R-MONTHS", "R-MILESTONE-SHARE"]
    evidence = {}
    for r in spread:
        here = r["milestone_code"] == one_off_at
        evidence[r["milestone_code"]] = {
            "path": f"{unit['path']} x {count}; {r['path']} at 100 %",
            "sources": unit["sources"]
            + [s for i in items for s in i["sources"]]
            + r["sources"]
            + (unit["template_sources"] if here else []),
            "rules": rules + (["R-ONE-OFF"] if here else []),
        }
    return evidence


def _ranking(
    units: list[dict[str, Any]], place: dict[str, Any], count: int, months: int, chosen: int
) -> list[dict[str, Any]]:
    """R-RANKING: the same hire everywhere, over the months paid, with what applies once per
    employer and the one-off legal work of the country."""
    rows = []
    for u in units:
        monthly = u["monthly_cost_eur_cents"] * count
        monthly += sum(i["monthly_eur_cents"] for i in _employer_items(u, count))
        total = monthly * months + u["contract_one_off_cents"]
        rows.append(
            {
                "location_code": u["location_code"],
                "location_name": u["location_name"],
                "currency_of_pay": u["currency"],
                "monthly_cost_per_hire_cents": u["monthly_cost_eur_cents"],
                "monthly_cost_cents": monthly,
                "one_off_cents": u["contract_one_off_cents"],
                "total_cents": total,
                "versus_chosen_cents": total - chosen,
                "chosen": u["location_code"] == place["location_code"],
                "rules": u["rules"] + ["R-RANKING", "R-ONE-OFF"],
                "path": u["path"],
                "sources": u["sources"] + u["template_sources"],
            }
        )
    rows.sort(key=lambda r: (r["total_cents"], r["location_code"]))
    return [{"rank": i, **r} for i, r in enumerate(rows, 1)]
