"""Relocate: what moving a person or a whole team to another location changes."""

from __future__ import annotations

from typing import Any

import neo4j

from vivim_graph.errors import QueryError
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
    milestone_section,
    obligations,
    obligations_call,
    one_off_cents,
    plan_from,
    prefetch,
    reported,
    resolve_locations,
    start_milestone,
)
from vivim_graph.impact.params import RelocateParams, check


def relocate(
    driver: neo4j.Driver,
    *,
    to: str,
    member: str | None = None,
    team: str | None = None,
    start: str | None = None,
    database: str = "neo4j",
) -> ImpactReport:
    """What moving ``member`` or ``team`` to ``to`` changes (see RelocateParams)."""
    values = {"to": to, "member": member, "team": team, "start": start}
    check(RelocateParams, **values)
    if (member is None) == (team is None):
        raise QueryError("give exactly one of --member or --team")
    report = ImpactReport("relocate", "", reported(values))
    return in_one_read(driver, database, report, lambda run: _relocate(run, values))


def _relocate(run: Runner, values: dict[str, Any]) -> None:
    """The move's report, in ``run``'s one read transaction."""
    report, to, member, team = run.report, values["to"], values["member"], values["team"]
    start = values["start"]
    people_call = ("impact/lookup_team_members", {"member": member, "team": team})
    prefetch(run, people_call, locations=True)
    baseline = load_baseline(run)
    start = start_milestone(baseline, start)
    place = resolve_locations(run, to)[0]
    people = run.rows(people_call[0], **people_call[1])
    if not people:
        raise QueryError(
            f"no team member {member!r}" if member else f"no team {team!r} with members"
        )
    moves = _moves(run, report, people, place, start)
    report.title = (
        f"Relocate {member or 'team ' + str(team)} ({len(moves)} people) to "
        f"{place['location_name']} ({place['location_code']}) from {start}"
    )
    report.parameters.update({"from": start, "resolved_location": place["location_code"]})
    # the change per milestone, the obligations and the budget periods need only the moves:
    # one round trip for the three
    changes = _changes(baseline, moves, start)
    run.together(
        _per_milestone_call(moves, start),
        _obligations_call(moves, place),
        *change_by_period_call(changes),
    )
    one_off = _milestones(run, report, baseline, moves, place, start)
    budget_section(run, report, change_by_period(run, changes))
    report.totals.update(
        {
            "monthly_change_cents": sum(m["monthly_change_cents"] for m in moves),
            "one_off_cents": one_off,
        }
    )
    report.details["moves"] = moves


def _milestones(
    run: Runner,
    report: ImpactReport,
    baseline: Baseline,
    moves: list[dict[str, Any]],
    place: dict[str, Any],
    start: str,
) -> int:
    """The change per milestone through the movers' allocations, with the one-off legal work
    at the start; returns that one-off cost."""
    name, params = _per_milestone_call(moves, start)
    per_milestone = run.rows(name, **params)
    changes = {r["milestone_code"]: r["change_cents"] for r in per_milestone}
    evidence = {
        r["milestone_code"]: {**r, "rules": ["R-RELOCATE", "R-MILESTONE-SHARE"]}
        for r in per_milestone
    }
    report.obligations = _obligations(run, moves, place)
    one_off = one_off_cents(report)
    changes[start] = changes.get(start, 0) + one_off
    milestone_section(report, baseline, changes, evidence)
    return one_off


def _per_milestone_call(moves: list[dict[str, Any]], start: str) -> Call:
    new_costs = {m["member_code"]: m["new_monthly_cost_cents"] for m in moves}
    return ("impact/relocation_by_milestone", {"new_costs": new_costs, "from": start})


def _obligations_call(moves: list[dict[str, Any]], place: dict[str, Any]) -> Call:
    """An employment contract if anyone who moves is an employee (R-ONE-OFF)."""
    kinds = {m["employment_type"] for m in moves}
    return obligations_call(
        place,
        "employee" if "employee" in kinds or not kinds else "contractor",
        max((m["annual_mid_cents"] or 0 for m in moves), default=None),
        exclude_members=[m["member_code"] for m in moves],
    )


def _obligations(
    run: Runner, moves: list[dict[str, Any]], place: dict[str, Any]
) -> list[dict[str, Any]]:
    """R-ONE-OFF: an employment contract if anyone who moves is an employee; what applies
    once per employer is not applied to moves (R-RELOCATE)."""
    found = obligations(run, _obligations_call(moves, place))
    for o in found:
        if o["status"] == "counted_per_employer":
            o["status"] = "not_counted"
            o["detail"] = "payroll_allowance: once per employer, not applied to moves (R-RELOCATE)"
    return found


def _changes(baseline: Baseline, moves: list[dict[str, Any]], start: str) -> list[dict[str, Any]]:
    """Each mover's monthly change over their months in the plan (for the budget periods)."""
    plan = plan_from(baseline, start)
    return [
        {
            "team": m["team_code"],
            "monthly_cents": m["monthly_change_cents"],
            "first_month": max(plan["first_month"], m["first_month"]),
            "last_month": min(plan["last_month"], m["last_month"] or plan["last_month"]),
        }
        for m in moves
        if m["monthly_change_cents"]
    ]


def _moves(
    run: Runner,
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
            unit_costs[same] = hire_units(
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
