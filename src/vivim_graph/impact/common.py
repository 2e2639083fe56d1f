"""What every scenario shares: the report, the query runner, the baseline per milestone, and
the sections that turn a change per milestone and per month into figures.

Each scenario runs named Cypher files from ``cypher/impact/`` (the change, with the path and
source rows behind every figure) and the view twins from ``cypher/views/`` (the baseline), in
read transactions, and adds them up in integers. Nothing is written: a saved scenario
(``impact.store``) is a separate ``:Scenario`` node that only points at what it affects.
"""

from __future__ import annotations

import copy
import json
from collections import Counter
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import asdict, dataclass, field
from functools import cache
from typing import Any

import neo4j

from vivim_graph.errors import QueryError
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

Baseline = dict[str, dict[str, Any]]  # milestone code -> its cost summary and months
Call = tuple[str, dict[str, Any]]  # a named query and its parameters, for ``Runner.together``

# R-CASE: which of the database's low / mid / high figures the scenarios read. The impact
# commands always run the mid; a plan (impact.plan) sets low or high around its scenarios.
ESTIMATE_CASE: ContextVar[str] = ContextVar("estimate_case", default="mid")


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


def reported(values: dict[str, Any]) -> dict[str, Any]:
    """A scenario's parameters as its report names them: the start milestone is ``from``."""
    return {"from" if k == "start" else k: v for k, v in values.items()}


def round_div(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half away from zero (as NUMERIC ROUND does)."""
    if denominator < 0:
        numerator, denominator = -numerator, -denominator
    sign = -1 if numerator < 0 else 1
    return sign * ((2 * abs(numerator) + denominator) // (2 * denominator))


def per_user_micros(cents: int, users: int | None) -> int | None:
    """Cents over users in micros (1/1,000,000 EUR); None when there are no users."""
    return round_div(cents * 10_000, users) if users else None


# The queries that answer a scenario with tens of rows or more: inside ``in_one_read`` they
# come back as one record each (``queries.collected``; same rows, same order), as the
# driver's cost per record was most of the time they took in Python.
MANY_ROWS = frozenset(
    {
        "milestone_cost_summary",
        "impact/change_by_period",
        "impact/provider_switch_lines",
        "impact/provider_switch_scales",
        "impact/provider_switch_unmatched_services",
        "impact/relocation_by_milestone",
    }
)


@cache
def _collected(name: str) -> queries.NamedQuery:
    return queries.collected(queries.get(name))


class Runner:
    """Runs named queries for one report and keeps the Cypher that ran.

    Inside ``in_one_read`` it holds that call's managed read transaction (``tx``), so a
    scenario's ten or so queries share one snapshot and one BEGIN/COMMIT; built without a
    transaction, each query runs in its own, as before.
    """

    def __init__(
        self,
        driver: neo4j.Driver,
        database: str,
        report: ImpactReport,
        tx: neo4j.ManagedTransaction | None = None,
    ) -> None:
        self.driver, self.database, self.report, self.tx = driver, database, report, tx
        self.lookups: dict[str, list[dict[str, Any]]] = {}  # what ``prefetch`` looked up
        # results fetched ahead by ``together``, by query name and bound parameters
        self.ready: dict[tuple[str, str], queries.QueryResult] = {}

    def together(self, *calls: Call) -> None:
        """Fetch independent queries in ONE round trip (``queries.combined``); the
        ``rows`` calls that ask for them later with the same parameters read them from
        here. Each round trip costs a scenario about as much as a small query's server
        time, and a scenario asks eight or nine. Outside a transaction: nothing, each
        query runs when asked, as before."""
        if self.tx is None:
            return
        for (name, _), result in zip(
            calls, queries.run_combined(self.tx, list(calls)), strict=True
        ):
            self.ready[(name, _key(result.parameters))] = result

    def rows(self, name: str, **params: Any) -> list[dict[str, Any]]:
        if self.ready:
            ahead = self.ready.get((name, _key(queries.get(name).bind(params))))
            if ahead is not None:
                return self._kept(name, ahead)
        if self.tx is not None and name in MANY_ROWS:
            return self.rows_of(_collected(name), **params)
        if self.tx is None:
            result = queries.run(self.driver, name, params, database=self.database)
        else:
            result = queries.run_in(self.tx, name, params)
        return self._kept(name, result)

    def rows_of(self, query: queries.NamedQuery, **params: Any) -> list[dict[str, Any]]:
        """A variant of a named query (``queries.anchored``), in ``in_one_read``'s
        transaction, kept under the query's name with the text that ran."""
        if self.tx is None:
            raise QueryError(f"query {query.name}: a variant runs only inside in_one_read")
        return self._kept(query.name, queries.run_in(self.tx, query.name, params, query=query))

    def _kept(self, name: str, result: queries.QueryResult) -> list[dict[str, Any]]:
        self.report.cypher[name] = result.query.text
        self.report.cypher_parameters[name] = plain(result.parameters)
        return result.rows


def _key(bound: dict[str, Any]) -> str:
    return json.dumps(bound, sort_keys=True, default=str)


def in_one_read(
    driver: neo4j.Driver,
    database: str,
    report: ImpactReport,
    work: Callable[[Runner], None],
) -> ImpactReport:
    """Run a scenario (``work``, which fills ``run.report``) in ONE managed read transaction.

    The driver retries the whole unit of work on a transient error, so each attempt starts
    from a fresh copy of ``report`` rather than one half filled by the attempt that failed.
    """

    def attempt(tx: neo4j.ManagedTransaction) -> ImpactReport:
        run = Runner(driver, database, copy.deepcopy(report), tx)
        work(run)
        return run.report

    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
            return s.execute_read(attempt)
    except neo4j.exceptions.Neo4jError as e:  # retries spent, or a connection lost midway
        raise QueryError(f"impact {report.kind} failed in Neo4j: {e.message}") from e


# --------------------------------------------------------------------------- lookups
def prefetch(run: Runner, *also: Call, **wanted: bool) -> None:
    """Look up the milestones and what else a scenario names (``locations``, ``roles``,
    ``providers``: True for each wanted) in ONE query instead of one round trip each;
    ``load_baseline``, ``resolve_locations`` and ``looked_up`` then read them from ``run``.
    The baseline's view and the queries in ``also`` (ones that need nothing looked up
    first) come back in the same round trip."""
    run.together(("impact/scenario_lookups", wanted), ("milestone_cost_summary", {}), *also)
    row = run.rows("impact/scenario_lookups", **wanted)[0]
    run.lookups["milestones"] = row["milestones"]
    run.lookups.update({key: row[key] for key, asked in wanted.items() if asked})


def looked_up(run: Runner, key: str) -> list[dict[str, Any]]:
    """The ``key`` rows (locations, roles, providers) prefetched, else looked up now."""
    if key not in run.lookups:
        run.lookups[key] = run.rows("impact/scenario_lookups", **{key: True})[0][key]
    return run.lookups[key]


def resolve_locations(run: Runner, text: str) -> list[dict[str, Any]]:
    """Locations a user means by `text`: a code, a country (code or name), city, region or name."""
    rows = looked_up(run, "locations")
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


def start_milestone(baseline: Baseline, start: str | None) -> str:
    """The milestone a change starts in: the one asked for, or the first not completed."""
    if start is None:
        open_ones = [r for r in baseline.values() if r["status"] != "completed"]
        if not open_ones:
            raise QueryError("every milestone is completed; give --from MILESTONE")
        return min(open_ones, key=lambda r: r["sequence"])["milestone_code"]
    if start not in baseline:
        raise QueryError(f"no milestone {start!r}; milestones: {', '.join(baseline)}")
    return start


def plan_from(baseline: Baseline, start: str) -> dict[str, int]:
    """Project months from the start milestone's first to the plan's last."""
    last = max(b["end_month"] for b in baseline.values())
    return {"first_month": baseline[start]["start_month"], "last_month": last}


def load_baseline(run: Runner) -> Baseline:
    """Each milestone's cost summary (the view) with its status and months."""
    summary = {r["milestone_code"]: r for r in run.rows("milestone_cost_summary")}
    milestones = run.lookups.get("milestones") or run.rows("impact/lookup_milestones")
    for row in milestones:
        summary[row["milestone_code"]].update(
            status=row["status"], start_month=row["start_month"], end_month=row["end_month"]
        )
    return summary


def hire_units(run: Runner, **params: Any) -> list[dict[str, Any]]:
    """The monthly cost of one person of a role per location (the unit-cost rules)."""
    return run.rows(
        "impact/hire_unit_cost", country_names=COUNTRY_NAMES, case=ESTIMATE_CASE.get(), **params
    )


# --------------------------------------------------------------------------- sections
def _milestone_row(
    code: str, base: dict[str, Any], change: int, evidence: dict[str, Any]
) -> dict[str, Any]:
    before, users = base["total_cost_mid_cents"], base["target_users"]
    return {
        "milestone_code": code,
        "milestone_name": base["milestone_name"],
        "sequence": base["sequence"],
        "target_users": users,
        "baseline_cents": before,
        "change_cents": change,
        "scenario_cents": before + change,
        # whole-milestone cost over its target users
        "baseline_cost_per_user_micros": per_user_micros(before, users),
        "scenario_cost_per_user_micros": per_user_micros(before + change, users),
        "path": evidence.get("path"),
        "sources": evidence.get("sources", []),
        "rules": evidence.get("rules", []) if change else [],
    }


def milestone_section(
    report: ImpactReport,
    baseline: Baseline,
    changes: dict[str, int],
    evidence: dict[str, dict[str, Any]],
) -> None:
    """Baseline, change and scenario per milestone and in total, with cost per user."""
    rows = [
        _milestone_row(code, base, changes.get(code, 0), evidence.get(code, {}))
        for code, base in sorted(baseline.items(), key=lambda kv: kv[1]["sequence"])
    ]
    report.milestones = rows
    before = sum(r["baseline_cents"] for r in rows)
    change = sum(r["change_cents"] for r in rows)
    users = rows[-1]["target_users"]
    report.totals.update(
        {
            "plan_months": max(b["end_month"] for b in baseline.values()),
            "baseline_cents": before,
            "change_cents": change,
            "scenario_cents": before + change,
            "final_target_users": users,
            # the whole plan over the users it reaches
            "baseline_cost_per_user_micros": round_div(before * 10_000, users),
            "scenario_cost_per_user_micros": round_div((before + change) * 10_000, users),
        }
    )


# Budget lines and cost pools: the key, the view with their baseline and its parameter that
# narrows it to the codes asked for, its (limit, used, over flag) columns, and the names the
# report gives them.
_LIMITED = (
    (
        "budgets_over",
        "line_code",
        ("budget_vs_actual", "lines"),
        ("budgeted_cents", "actual_cents", "over_budget"),
        ("budget_cents", "baseline_actual_cents", "scenario_actual_cents"),
    ),
    (
        "pools_over",
        "pool_code",
        ("cost_pool_utilization", "pools"),
        ("allocated_cents", "spent_cents", "over_allocated"),
        ("allocated_cents", "baseline_spent_cents", "scenario_spent_cents"),
    ),
)


def budget_section(run: Runner, report: ImpactReport, periods: list[dict[str, Any]]) -> None:
    """Budget lines and cost pools the change pushes over (or that were over already)."""
    added: dict[str, Counter[str]] = {"line_code": Counter(), "pool_code": Counter()}
    evidence: dict[str, dict[str, Any]] = {}
    for row in periods:
        row["rules"] = ["R-POOL"]
        for key in ("pool_code", "line_code"):
            if key == "line_code" and not row[key]:  # every change has a pool, not a line
                continue
            added[key][row[key]] += row["added_cents"]
            # a pool (line) may take several changes or rules: keep every path and source
            ev = evidence.setdefault(row[key], {"paths": [], "sources": []})
            ev["paths"].append(row["path"])
            ev["sources"] += [x for x in row["sources"] if x not in ev["sources"]]
    for ev in evidence.values():
        ev["path"] = "; ".join(dict.fromkeys(ev.pop("paths")))
    if added["line_code"] and added["pool_code"]:  # both baselines in one round trip
        run.together(
            *((view, {codes: sorted(added[key])}) for _, key, (view, codes), *_ in _LIMITED)
        )
    for section, key, (view, codes), columns, names in _LIMITED:
        # the baselines are two of the heaviest views: read them only when something is
        # added, and only for the lines (pools) it is added to
        rows = run.rows(view, **{codes: sorted(added[key])}) if added[key] else []
        base = {r[key]: r for r in rows}
        over = _overruns(added[key], base, evidence, key=key, view=columns, names=names)
        setattr(report, section, over)
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


def change_by_period_call(changes: list[dict[str, Any]]) -> list[Call]:
    """The query that spreads ``changes`` over budget periods; none when nothing changes."""
    return [("impact/change_by_period", {"changes": changes})] if changes else []


def change_by_period(run: Runner, changes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Monthly changes (team or service type, months) spread over budget periods and pools."""
    if not changes:  # nothing to spread: no round trip
        return []
    return run.rows("impact/change_by_period", changes=changes)


def obligations_call(
    location: dict[str, Any],
    employment_type: str,
    salary_annual_cents: int | None,
    exclude_members: list[str] | None = None,
) -> Call:
    """The query for the legal, compliance and tax work a change needs in the location."""
    country = location["country_code"]
    return (
        "impact/location_obligations",
        {
            "location": location["location_code"],
            "country_name": COUNTRY_NAMES.get(country, country),
            "eu_member": country in EU_MEMBERS,
            "employment_type": employment_type,
            "salary_annual_cents": salary_annual_cents,
            "exclude_members": exclude_members or [],
        },
    )


def obligations(run: Runner, call: Call) -> list[dict[str, Any]]:
    """Legal, compliance and tax work the change needs in the location (R-ONE-OFF)."""
    name, params = call
    return run.rows(name, **params)


def one_off_cents(report: ImpactReport) -> int:
    """What the obligations still needed cost once."""
    return sum(o["one_off_cost_cents"] for o in report.obligations if o["status"] == "needed")
