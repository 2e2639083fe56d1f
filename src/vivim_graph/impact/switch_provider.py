"""Switch provider: infrastructure cost per milestone and per user scale on another provider."""

from __future__ import annotations

from collections import Counter
from typing import Any

import neo4j

from vivim_graph.errors import QueryError
from vivim_graph.impact.common import (
    ImpactReport,
    Runner,
    budget_section,
    change_by_period,
    in_one_read,
    load_baseline,
    looked_up,
    milestone_section,
    per_user_micros,
    prefetch,
)
from vivim_graph.impact.params import SwitchProviderParams, check

_LINES = "impact/provider_switch_lines"
_SCALES = "impact/provider_switch_scales"
_UNMATCHED = "impact/provider_switch_unmatched_services"


def switch_provider(
    driver: neo4j.Driver,
    *,
    from_provider: str,
    to_provider: str,
    service: str | None = None,
    database: str = "neo4j",
) -> ImpactReport:
    """What moving ``service`` (or every service) between providers changes."""
    check(
        SwitchProviderParams, from_provider=from_provider, to_provider=to_provider, service=service
    )
    params = {"from_provider": from_provider, "to_provider": to_provider, "service": service}
    report = ImpactReport(
        "switch_provider",
        f"Move {service or 'every service'} from {from_provider} to {to_provider}",
        params,
    )
    return in_one_read(driver, database, report, lambda run: _switch(run, params))


def _switch(run: Runner, params: dict[str, Any]) -> None:
    """The switch's report, in ``run``'s one read transaction."""
    report, service = run.report, params["service"]
    from_provider, to_provider = params["from_provider"], params["to_provider"]
    # the provider lookups, the baseline, and what needs nothing looked up first: one round trip
    prefetch(run, *((name, params) for name in (_LINES, _SCALES, _UNMATCHED)), providers=True)
    _check_providers(run, from_provider, to_provider)
    baseline = load_baseline(run)
    lines = run.rows(_LINES, **params)
    if not lines and service:
        raise QueryError(
            f"{from_provider} has no milestone infrastructure line for service {service!r}"
        )
    milestone_section(report, baseline, *_line_changes(lines, from_provider))
    budget_section(run, report, _periods(run, lines))
    report.details["per_user_scale"] = _scales(run, params)
    report.details["lines"] = lines
    report.details["unmatched_services"] = [
        s for s in run.rows(_UNMATCHED, **params) if not s["matched"]
    ]
    report.totals.update(
        {
            "lines": len(lines),
            "lines_matched": sum(1 for x in lines if x["matched"]),
            "lines_unmatched": sum(1 for x in lines if not x["matched"]),
        }
    )


def _check_providers(run: Runner, from_provider: str, to_provider: str) -> None:
    providers = [p["provider_code"] for p in looked_up(run, "providers")]
    for code in (from_provider, to_provider):
        if code not in providers:
            raise QueryError(f"no cloud provider {code!r}; providers: {', '.join(providers)}")
    if from_provider == to_provider:
        raise QueryError("--from and --to name the same provider")


def _line_changes(
    lines: list[dict[str, Any]], from_provider: str
) -> tuple[dict[str, int], dict[str, dict[str, Any]]]:
    """R-SWITCH: the change per milestone, and the lines and source rows behind it."""
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
    return dict(changes), evidence


def _periods(run: Runner, lines: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Each changed line's monthly change over its months, by budget period."""
    changed = [line for line in lines if line["delta_monthly_cents"]]
    if not changed:
        return []
    return change_by_period(
        run,
        [
            {
                "service_type": line["service_type"],
                "monthly_cents": line["delta_monthly_cents"],
                "first_month": line["start_month"],
                "last_month": line["end_month"],
            }
            for line in changed
        ],
    )


def _scales(run: Runner, params: dict[str, Any]) -> list[dict[str, Any]]:
    """The monthly run rate of each user-scale threshold on both providers, per user."""
    scales: dict[str, dict[str, Any]] = {}
    for c in run.rows(_SCALES, **params):
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
        scale["delta_cost_per_user_micros"] = per_user_micros(
            scale["delta_monthly_cents"], scale["user_count"]
        )
    return sorted(scales.values(), key=lambda s: s["user_count"])
