"""What-if scenarios on the cost graph: what a hire, a relocation, a provider switch, a user
scale or a node changes, in EUR, computed without changing the graph.

Each scenario runs named Cypher files from ``cypher/impact/`` (the change, with the path and
source rows behind every figure) and the view twins from ``cypher/views/`` (the baseline), in
read transactions, and adds them up here in integers. Nothing is written: a saved scenario
(``scenario_store``) is a separate ``:Scenario`` node that only points at what it affects.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

import neo4j

from vivim_graph.errors import QueryError, did_you_mean
from vivim_graph.model.spec import GraphModel, load_model
from vivim_graph.queries import catalog as queries
from vivim_graph.values import plain

# Country names as contract templates give their governing law, and EU membership (for
# GDPR transfers). Reference data about the world, not about VIVIM, so it lives here.
COUNTRY_NAMES = {
    "AT": "Austria", "BE": "Belgium", "BG": "Bulgaria", "CH": "Switzerland", "CY": "Cyprus",
    "CZ": "Czechia", "DE": "Germany", "DK": "Denmark", "EE": "Estonia", "ES": "Spain",
    "FI": "Finland", "FR": "France", "GB": "United Kingdom", "GR": "Greece", "HR": "Croatia",
    "HU": "Hungary", "IE": "Ireland", "IT": "Italy", "LT": "Lithuania", "LU": "Luxembourg",
    "LV": "Latvia", "MT": "Malta", "NL": "Netherlands", "NO": "Norway", "PL": "Poland",
    "PT": "Portugal", "RO": "Romania", "SE": "Sweden", "SI": "Slovenia", "SK": "Slovakia",
    "US": "United States",
}  # fmt: skip
COUNTRY_ALIASES = {"uk": "GB", "britain": "GB", "england": "GB", "usa": "US", "america": "US"}
EU_MEMBERS = {
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU", "IE",
    "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK",
}  # fmt: skip
EMPLOYMENT_TYPES = ("employee", "contractor", "freelance")


@dataclass
class ImpactReport:
    """A scenario's answer. Money is integer EUR cents; cost per user integer micros."""

    kind: str
    title: str
    parameters: dict[str, Any]
    milestones: list[dict[str, Any]] = field(default_factory=list)
    totals: dict[str, Any] = field(default_factory=dict)
    budgets_over: list[dict[str, Any]] = field(default_factory=list)
    pools_over: list[dict[str, Any]] = field(default_factory=list)
    obligations: list[dict[str, Any]] = field(default_factory=list)
    ranking: list[dict[str, Any]] = field(default_factory=list)
    details: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    cypher: dict[str, str] = field(default_factory=dict)  # named query -> its text
    cypher_parameters: dict[str, dict[str, Any]] = field(default_factory=dict)  # last call's
    currency: str = "EUR"

    def to_dict(self) -> dict[str, Any]:
        return plain(asdict(self))

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ImpactReport:
        return cls(**data)


def round_div(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero (as NUMERIC ROUND does)."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    sign = -1 if numerator < 0 else 1
    return sign * ((2 * abs(numerator) + denominator) // (2 * denominator))


class _Runner:
    """Runs named queries for one report and keeps the Cypher that ran."""

    def __init__(self, driver: neo4j.Driver, database: str, report: ImpactReport) -> None:
        self.driver, self.database, self.report = driver, database, report

    def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        result = queries.run(self.driver, name, params, database=self.database)
        self.report.cypher[name] = result.query.text
        self.report.cypher_parameters[name] = plain(result.parameters)
        return result.rows


# --------------------------------------------------------------------------- lookups
def resolve_locations(run: _Runner, text: str) -> list[dict[str, Any]]:
    """Locations a user means by `text`: a code, a country (code or name), city, region or name."""
    rows = run.rows("impact/lookup_locations")
    wanted = text.strip().lower()
    country = COUNTRY_ALIASES.get(wanted) or next(
        (code for code, name in COUNTRY_NAMES.items() if name.lower() == wanted), None
    )
    for test in (
        lambda r: r["location_code"].lower() == wanted,
        lambda r: r["country_code"].lower() == wanted or r["country_code"] == country,
        lambda r: wanted in {str(r[k]).lower() for k in ("city", "region", "location_name")},
        lambda r: wanted in r["location_name"].lower() or wanted in str(r["region"]).lower(),
    ):
        found = [r for r in rows if test(r)]
        if found:
            # the place the team already works in first, then by code
            return sorted(found, key=lambda r: (-r["team_members"], r["location_code"]))
    known = ", ".join(f"{r['location_code']} ({r['location_name']})" for r in rows)
    raise QueryError(f"no location matches {text!r}; known locations: {known}")


def _start_milestone(baseline: dict[str, dict[str, Any]], start: str | None) -> str:
    if start is None:
        open_ones = [r for r in baseline.values() if r["status"] != "completed"]
        if not open_ones:
            raise QueryError("every milestone is completed; give --from MILESTONE")
        return min(open_ones, key=lambda r: r["sequence"])["milestone_code"]
    if start not in baseline:
        raise QueryError(f"no milestone {start!r}; milestones: {', '.join(baseline)}")
    return start


def _plan_from(baseline: dict[str, dict[str, Any]], start: str) -> dict[str, int]:
    """Project months from the start milestone's first to the plan's last."""
    last = max(b["end_month"] for b in baseline.values())
    return {"first_month": baseline[start]["start_month"], "last_month": last}


def _baseline(run: _Runner) -> dict[str, dict[str, Any]]:
    summary = {r["milestone_code"]: r for r in run.rows("milestone_cost_summary")}
    for row in run.rows("impact/lookup_milestones"):
        summary[row["milestone_code"]].update(
            status=row["status"], start_month=row["start_month"], end_month=row["end_month"]
        )
    return summary


# --------------------------------------------------------------------------- sections
def _milestone_section(
    report: ImpactReport,
    baseline: dict[str, dict[str, Any]],
    changes: dict[str, int],
    evidence: dict[str, dict[str, Any]],
) -> None:
    """Baseline, change and scenario per milestone and in total, with cost per user."""
    rows = []
    for code, base in sorted(baseline.items(), key=lambda kv: kv[1]["sequence"]):
        before = base["total_cost_mid_cents"]
        change = changes.get(code, 0)
        users = base["target_users"]
        rows.append(
            {
                "milestone_code": code,
                "milestone_name": base["milestone_name"],
                "sequence": base["sequence"],
                "target_users": users,
                "baseline_cents": before,
                "change_cents": change,
                "scenario_cents": before + change,
                # whole-milestone cost over its target users, in micros (1/1,000,000 EUR)
                "baseline_cost_per_user_micros": round_div(before * 10_000, users)
                if users
                else None,
                "scenario_cost_per_user_micros": round_div((before + change) * 10_000, users)
                if users
                else None,
                "path": evidence.get(code, {}).get("path"),
                "sources": evidence.get(code, {}).get("sources", []),
                "rules": evidence.get(code, {}).get("rules", []) if change else [],
            }
        )
    report.milestones = rows
    before = sum(r["baseline_cents"] for r in rows)
    change = sum(r["change_cents"] for r in rows)
    last = rows[-1]
    report.totals.update(
        {
            "plan_months": max(b["end_month"] for b in baseline.values()),
            "baseline_cents": before,
            "change_cents": change,
            "scenario_cents": before + change,
            "final_target_users": last["target_users"],
            # the whole plan over the users it reaches
            "baseline_cost_per_user_micros": round_div(before * 10_000, last["target_users"]),
            "scenario_cost_per_user_micros": round_div(
                (before + change) * 10_000, last["target_users"]
            ),
        }
    )


def _budget_section(run: _Runner, report: ImpactReport, periods: list[dict[str, Any]]) -> None:
    """Budget lines and cost pools the change pushes over (or that were over already)."""
    added_by_line: Counter[str] = Counter()
    added_by_pool: Counter[str] = Counter()
    evidence: dict[str, dict[str, Any]] = {}
    for row in periods:
        row["rules"] = ["R-POOL"]
        keys = [row["pool_code"]] + ([row["line_code"]] if row["line_code"] else [])
        for key in keys:
            (added_by_line if key == row["line_code"] else added_by_pool)[key] += row["added_cents"]
            # a pool (line) may take several changes or rules: keep every path and source
            ev = evidence.setdefault(key, {"paths": [], "sources": []})
            ev["paths"].append(row["path"])
            ev["sources"] += [x for x in row["sources"] if x not in ev["sources"]]
    for ev in evidence.values():
        ev["path"] = "; ".join(dict.fromkeys(ev.pop("paths")))
    # (limit, used, over flag) in the view row; the report names them per section.
    # The baselines are two of the heaviest views: read them only when something is added.
    report.budgets_over = _overruns(
        added_by_line,
        {r["line_code"]: r for r in run.rows("budget_vs_actual")} if added_by_line else {},
        evidence,
        key="line_code",
        view=("budgeted_cents", "actual_cents", "over_budget"),
        names=("budget_cents", "baseline_actual_cents", "scenario_actual_cents"),
    )
    report.pools_over = _overruns(
        added_by_pool,
        {r["pool_code"]: r for r in run.rows("cost_pool_utilization")} if added_by_pool else {},
        evidence,
        key="pool_code",
        view=("allocated_cents", "spent_cents", "over_allocated"),
        names=("allocated_cents", "baseline_spent_cents", "scenario_spent_cents"),
    )
    report.details["budget_periods"] = periods


def _overruns(
    added: Counter[str],
    baseline: dict[str, dict[str, Any]],
    evidence: dict[str, dict[str, Any]],
    *,
    key: str,
    view: tuple[str, str, str],
    names: tuple[str, str, str],
) -> list[dict[str, Any]]:
    """The budget lines (or pools) whose use plus what the change adds exceeds their limit."""
    limit_col, used_col, flag_col = view
    limit_name, before_name, after_name = names
    over = []
    for code, amount in sorted(added.items()):
        row = baseline[code]
        used = row[used_col] + amount
        if used > row[limit_col]:
            over.append(
                {
                    key: code,
                    "period_code": row["period_code"],
                    limit_name: row[limit_col],
                    before_name: row[used_col],
                    "added_cents": amount,
                    after_name: used,
                    "over_by_cents": used - row[limit_col],
                    "was_over": bool(row[flag_col]),
                    "rules": ["R-POOL", "R-OVER"],
                    "path": evidence[code]["path"],
                    "sources": evidence[code]["sources"],
                }
            )
    return over


def _obligations(
    run: _Runner,
    location: dict[str, Any],
    employment_type: str,
    salary_annual_cents: int | None,
    exclude_members: list[str] | None = None,
) -> list[dict[str, Any]]:
    country = location["country_code"]
    return run.rows(
        "impact/location_obligations",
        location=location["location_code"],
        country_name=COUNTRY_NAMES.get(country, country),
        eu_member=country in EU_MEMBERS,
        employment_type=employment_type,
        salary_annual_cents=salary_annual_cents,
        exclude_members=exclude_members or [],
    )


# --------------------------------------------------------------------------- scenarios
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


def _hire_units(run: _Runner, **params: Any) -> list[dict[str, Any]]:
    return run.rows("impact/hire_unit_cost", country_names=COUNTRY_NAMES, **params)


def _year_note(report: ImpactReport, unit: dict[str, Any], baseline: dict[str, Any]) -> None:
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
    if count < 1:
        raise QueryError(f"--count must be at least 1, not {count}")
    if not 0 < fte <= 1:
        raise QueryError(f"--fte must be more than 0 and at most 1, not {fte}")
    if employment_type not in EMPLOYMENT_TYPES:
        raise QueryError(f"--employment-type must be one of {', '.join(EMPLOYMENT_TYPES)}")
    params = {
        "location": location,
        "role": role,
        "seniority": seniority,
        "count": count,
        "from": start,
        "employment_type": employment_type,
        "fte": fte,
    }
    report = ImpactReport("hire", "", params)
    run = _Runner(driver, database, report)
    team = _check_role(run, role)["team_code"]
    baseline = _baseline(run)
    start = _start_milestone(baseline, start)
    place = resolve_locations(run, location)[0]
    units = _hire_units(
        run,
        role=role,
        seniority=seniority,
        locations=None,
        fte=fte,
        employment_type=employment_type,
        **{"from": start},
    )
    unit = next((u for u in units if u["location_code"] == place["location_code"]), None)
    if unit is None:
        where = ", ".join(u["location_code"] for u in units) or "nowhere"
        what = "salary benchmark" if employment_type == "employee" else "contractor rate"
        raise QueryError(
            f"no {what} for role {role!r} (seniority {seniority or 'of the role'}) in "
            f"{place['location_code']}; there is one in: {where}"
        )
    items = _employer_items(unit, count)
    monthly = unit["monthly_cost_eur_cents"] * count + sum(i["monthly_eur_cents"] for i in items)
    report.title = (
        f"Hire {count} x {role} ({unit['seniority']}, {employment_type}, FTE {fte:g}) in "
        f"{place['location_name']} ({place['location_code']}) from {start}, team {team}"
    )
    report.parameters.update(
        {"from": start, "resolved_location": place["location_code"], "team": team}
    )
    spread = run.rows("impact/labour_change_by_milestone", monthly_cents=monthly, **{"from": start})
    report.obligations = _obligations(run, place, employment_type, unit["annual_mid_cents"])
    one_off = sum(o["one_off_cost_cents"] for o in report.obligations if o["status"] == "needed")
    changes = {r["milestone_code"]: r["change_cents"] for r in spread}
    changes[start] = changes.get(start, 0) + one_off
    evidence = _hire_evidence(unit, items, spread, count, start if one_off else None)
    _milestone_section(report, baseline, changes, evidence)
    months = sum(r["months"] for r in spread)
    report.totals.update(
        {
            "monthly_cost_per_hire_cents": unit["monthly_cost_eur_cents"],
            "employer_items_monthly_cents": sum(i["monthly_eur_cents"] for i in items),
            "monthly_cost_cents": monthly,
            "months_paid": months,
            "labour_change_cents": monthly * months,
            "one_off_cents": one_off,
        }
    )
    periods = run.rows(
        "impact/change_by_period",
        changes=[{"team": team, "monthly_cents": monthly, **_plan_from(baseline, start)}],
    )
    _budget_section(run, report, periods)
    report.ranking = _ranking(units, place, count, months, monthly * months + one_off)
    report.details["unit_cost"] = [unit]
    report.details["employer_items"] = items
    report.details["months"] = spread
    _year_note(report, unit, baseline)
    return report


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


def relocate(
    driver: neo4j.Driver,
    *,
    to: str,
    member: str | None = None,
    team: str | None = None,
    start: str | None = None,
    database: str = "neo4j",
) -> ImpactReport:
    if (member is None) == (team is None):
        raise QueryError("give exactly one of --member or --team")
    params = {"to": to, "member": member, "team": team, "from": start}
    report = ImpactReport("relocate", "", params)
    run = _Runner(driver, database, report)
    baseline = _baseline(run)
    start = _start_milestone(baseline, start)
    place = resolve_locations(run, to)[0]
    people = run.rows("impact/lookup_team_members", member=member, team=team)
    if not people:
        raise QueryError(
            f"no team member {member!r}" if member else f"no team {team!r} with members"
        )
    moves = _moves(run, report, people, place, start)
    new_costs = {m["member_code"]: m["new_monthly_cost_cents"] for m in moves}
    report.title = (
        f"Relocate {member or 'team ' + str(team)} ({len(moves)} people) to "
        f"{place['location_name']} ({place['location_code']}) from {start}"
    )
    report.parameters.update({"from": start, "resolved_location": place["location_code"]})
    per_milestone = run.rows(
        "impact/relocation_by_milestone", new_costs=new_costs, **{"from": start}
    )
    changes = {r["milestone_code"]: r["change_cents"] for r in per_milestone}
    evidence = {
        r["milestone_code"]: {**r, "rules": ["R-RELOCATE", "R-MILESTONE-SHARE"]}
        for r in per_milestone
    }
    # R-ONE-OFF: an employment contract if anyone who moves is an employee
    kinds = {m["employment_type"] for m in moves}
    report.obligations = _obligations(
        run,
        place,
        "employee" if "employee" in kinds or not kinds else "contractor",
        max((m["annual_mid_cents"] or 0 for m in moves), default=None),
        exclude_members=[m["member_code"] for m in moves],
    )
    for o in report.obligations:
        if o["status"] == "counted_per_employer":  # R-RELOCATE: not applied to moves
            o["status"] = "not_counted"
            o["detail"] = "payroll_allowance: once per employer, not applied to moves (R-RELOCATE)"
    one_off = sum(o["one_off_cost_cents"] for o in report.obligations if o["status"] == "needed")
    changes[start] = changes.get(start, 0) + one_off
    _milestone_section(report, baseline, changes, evidence)
    plan = _plan_from(baseline, start)
    periods = run.rows(
        "impact/change_by_period",
        changes=[
            {
                "team": m["team_code"],
                "monthly_cents": m["monthly_change_cents"],
                "first_month": max(plan["first_month"], m["first_month"]),
                "last_month": min(plan["last_month"], m["last_month"] or plan["last_month"]),
            }
            for m in moves
            if m["monthly_change_cents"]
        ],
    )
    _budget_section(run, report, periods)
    report.totals.update(
        {
            "monthly_change_cents": sum(m["monthly_change_cents"] for m in moves),
            "one_off_cents": one_off,
        }
    )
    report.details["moves"] = moves
    return report


def _moves(
    run: _Runner,
    report: ImpactReport,
    people: list[dict[str, Any]],
    place: dict[str, Any],
    start: str,
) -> list[dict[str, Any]]:
    """R-RELOCATE: each person's cost in the new place, by the unit-cost rules at their FTE."""
    moves = []
    unit_costs: dict[tuple[str, float, str], list[dict[str, Any]]] = {}
    for person in people:
        if person["location_code"] == place["location_code"]:
            report.notes.append(f"{person['member_code']} is already in {place['location_code']}")
            continue
        # people of the same role, FTE and contract cost the same there: ask once
        same = (person["role_code"], person["fte"], person["employment_type"])
        if same not in unit_costs:
            unit_costs[same] = _hire_units(
                run,
                role=person["role_code"],
                seniority=None,
                locations=[place["location_code"]],
                fte=person["fte"],
                employment_type=person["employment_type"],
                **{"from": start},
            )
        units = unit_costs[same]
        if not units:
            raise QueryError(
                f"no salary benchmark or contractor rate for {person['member_code']}'s role "
                f"{person['role_code']} in {place['location_code']}"
            )
        new = units[0]["monthly_cost_eur_cents"]
        moves.append(
            {
                **person,
                "new_monthly_cost_cents": new,
                "monthly_change_cents": new - person["monthly_cost_cents"],
                "annual_mid_cents": units[0]["annual_mid_cents"],
                "rules": units[0]["rules"] + ["R-RELOCATE"],
                "path": units[0]["path"],
                "sources": units[0]["sources"],
            }
        )
    return moves


def node(
    driver: neo4j.Driver,
    *,
    label: str,
    key: str,
    depth: int = 2,
    database: str = "neo4j",
    model: GraphModel | None = None,
) -> ImpactReport:
    if not 1 <= depth <= 3:
        raise QueryError(f"--depth must be 1, 2 or 3, not {depth}")
    model = model or load_model()
    spec = model.node_by_label.get(label)
    if spec is None:
        hint = did_you_mean(label, list(model.node_by_label))
        raise QueryError(f"no label {label!r} in the graph model.{hint}")
    key_property = spec.natural_keys[0] if spec.natural_keys else spec.key_property
    report = ImpactReport(
        "node",
        f"What depends on {label} {key_property}={key} (within {depth} hops)",
        {"label": label, "key": key, "depth": depth},
    )
    run = _Runner(driver, database, report)
    found = run.rows("impact/lookup_node", label=label, key_property=key_property, key=key)
    if not found or not found[0]["found"]:
        raise QueryError(f"no {label} with {key_property} = {key!r} in the graph")
    rows = run.rows(
        "impact/node_blast_radius",
        label=label,
        key_property=key_property,
        key=key,
        depth=depth,
        cost_properties=cost_properties(model),
    )
    totals: Counter[str] = Counter()
    by_label: Counter[str] = Counter()
    for row in rows:
        by_label[row["label"]] += 1
        if isinstance(row["cost_cents"], int):
            totals[row["currency"]] += row["cost_cents"]
    report.totals = {
        "dependants": len(rows),
        "by_label": dict(by_label.most_common()),
        "cost_by_currency_cents": dict(sorted(totals.items())),
        "key_property": key_property,
    }
    report.details["dependants"] = rows
    return report


def cost_properties(model: GraphModel) -> dict[str, str]:
    """The one money property per label that stands for what a row costs (from the model)."""
    preferences = (
        lambda n: "mid" in n and "cost" in n,
        lambda n: n.startswith("monthly_cost") or n.startswith("monthly_amount"),
        lambda n: "cost" in n and "base" not in n,
        lambda n: n.startswith("amount") or n.endswith("_amount_cents"),
        lambda n: "mid" in n,
    )
    chosen = {}
    for spec in model.nodes:
        money = [p.name for p in spec.properties if p.type == "money"]
        for prefer in preferences:
            match = next((name for name in money if prefer(name)), None)
            if match:
                chosen[spec.label] = match
                break
    return chosen


def _check_role(run: _Runner, role: str) -> dict[str, Any]:
    """The role's row, with the team a hire of it joins (R-TEAM)."""
    roles = run.rows("impact/lookup_roles")
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


def switch_provider(
    driver: neo4j.Driver,
    *,
    from_provider: str,
    to_provider: str,
    service: str | None = None,
    database: str = "neo4j",
) -> ImpactReport:
    params = {"from_provider": from_provider, "to_provider": to_provider, "service": service}
    report = ImpactReport(
        "switch_provider",
        f"Move {service or 'every service'} from {from_provider} to {to_provider}",
        params,
    )
    run = _Runner(driver, database, report)
    providers = [p["provider_code"] for p in run.rows("impact/lookup_providers")]
    for code in (from_provider, to_provider):
        if code not in providers:
            raise QueryError(f"no cloud provider {code!r}; providers: {', '.join(providers)}")
    if from_provider == to_provider:
        raise QueryError("--from and --to name the same provider")
    baseline = _baseline(run)
    query_params = {"from_provider": from_provider, "to_provider": to_provider, "service": service}
    lines = run.rows("impact/provider_switch_lines", **query_params)
    if not lines and service:
        raise QueryError(
            f"{from_provider} has no milestone infrastructure line for service {service!r}"
        )
    changes: Counter[str] = Counter()
    line_count: Counter[str] = Counter()
    evidence: dict[str, dict[str, Any]] = {}
    for line in lines:
        changes[line["milestone_code"]] += line["delta_cents"]
        line_count[line["milestone_code"]] += 1
        ev = evidence.setdefault(
            line["milestone_code"], {"path": "", "sources": [], "rules": ["R-SWITCH"]}
        )
        ev["sources"] = ev["sources"] + line["sources"]
    for code, ev in evidence.items():
        n = line_count[code]
        ev["path"] = (
            f"(:Milestone {{code: {code}}})<-[:FOR_MILESTONE]-({n} :MilestoneInfrastructureCost)"
            f"-[:FOR_SERVICE]->(:Service)-[:OFFERED_BY]->(:CloudProvider {{code: {from_provider}}})"
        )
    _milestone_section(report, baseline, dict(changes), evidence)
    months = {r["line_code"]: r for r in run.rows("impact/lookup_infra_lines")}
    periods = run.rows(
        "impact/change_by_period",
        changes=[
            {
                "service_type": line["service_type"],
                "monthly_cents": line["delta_monthly_cents"],
                "first_month": months[line["line_code"]]["start_month"],
                "last_month": months[line["line_code"]]["end_month"],
            }
            for line in lines
            if line["delta_monthly_cents"]
        ],
    )
    _budget_section(run, report, periods)
    scales: dict[str, dict[str, Any]] = {}
    for c in run.rows("impact/provider_switch_scales", **query_params):
        scale = scales.setdefault(
            c["threshold_code"],
            {
                "threshold_code": c["threshold_code"],
                "user_count": c["user_count"],
                "model_code": c["model_code"],
                "components": 0,
                "unmatched": 0,
                "old_monthly_cents": 0,
                "new_monthly_cents": 0,
                "delta_monthly_cents": 0,
                "sources": [],
            },
        )
        scale["components"] += 1
        scale["unmatched"] += 0 if c["matched"] else 1
        scale["old_monthly_cents"] += c["old_monthly_eur_cents"]
        scale["new_monthly_cents"] += c["new_monthly_eur_cents"] or c["old_monthly_eur_cents"]
        scale["delta_monthly_cents"] += c["delta_monthly_cents"]
        scale["sources"] += c["sources"]
    for scale in scales.values():
        users = scale["user_count"]
        scale["delta_cost_per_user_micros"] = (
            round_div(scale["delta_monthly_cents"] * 10_000, users) if users else None
        )
    report.details["per_user_scale"] = sorted(scales.values(), key=lambda s: s["user_count"])
    report.details["lines"] = lines
    report.details["unmatched_services"] = [
        s
        for s in run.rows("impact/provider_switch_unmatched_services", **query_params)
        if not s["matched"]
    ]
    report.totals.update(
        {
            "lines": len(lines),
            "lines_matched": sum(1 for x in lines if x["matched"]),
            "lines_unmatched": sum(1 for x in lines if not x["matched"]),
        }
    )
    return report


def users(
    driver: neo4j.Driver,
    *,
    mau: int,
    at: str | None = None,
    database: str = "neo4j",
) -> ImpactReport:
    if mau < 1:
        raise QueryError(f"--mau must be at least 1, not {mau}")
    report = ImpactReport("users", "", {"mau": mau, "at": at})
    run = _Runner(driver, database, report)
    baseline = _baseline(run)
    if at is not None and at not in baseline:
        raise QueryError(f"no milestone {at!r}; milestones: {', '.join(baseline)}")
    rows = run.rows("impact/user_scale", mau=mau, at=at)
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
    _milestone_section(
        report,
        baseline,
        {at: change},
        {
            at: {
                "path": f"(:UserScaleThreshold {{code: {row['scenario_threshold_code']}}})"
                f"<-[:FOR_USER_SCALE_THRESHOLD]-(:InfrastructureCostModel "
                f"{{code: {row['scenario_model_code']}}}) x {months} months",
                "sources": row["sources"],
                "rules": ["R-USERS"],
            }
        },
    )
    periods = run.rows(
        "impact/change_by_period",
        changes=[
            {
                # R-USERS: the scaled run rate has no service type; it is charged as compute
                "service_type": "compute",
                "monthly_cents": row["delta_infra_monthly_cents"],
                "first_month": base["start_month"],
                "last_month": base["end_month"],
            }
        ]
        if row["delta_infra_monthly_cents"]
        else [],
    )
    _budget_section(run, report, periods)
    report.totals.update(
        {
            "milestone_months": months,
            "infra_change_cents": change,
            **{k: v for k, v in row.items() if k not in ("sources", "milestone_code", "sequence")},
        }
    )
    report.details["scale"] = [row]
    return report


def run_impact(
    driver: neo4j.Driver, kind: str, params: dict[str, Any], *, database: str = "neo4j"
) -> ImpactReport:
    """One entry point for every scenario kind (the CLI and the agents' tools)."""
    runners = {
        "hire": hire,
        "relocate": relocate,
        "switch_provider": switch_provider,
        "users": users,
        "node": node,
    }
    if kind not in runners:
        raise QueryError(f"no scenario kind {kind!r}; kinds: {', '.join(runners)}")
    return runners[kind](driver, database=database, **params)
