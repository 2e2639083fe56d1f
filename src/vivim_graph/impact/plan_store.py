"""Saved plans and plan comparison.

A saved plan is a ``:Scenario`` (``impact.store``: ``scenario list/show/compare/delete`` keep
working on it) of kind ``plan``, with its changes as ordered ``:PlanStep`` nodes
(``(:Scenario)-[:HAS_STEP {step}]->(:PlanStep)``), each linked by ``AFFECTS`` to what the change
touches (location, role, people, providers, milestones). Labels, types and keys come from the
graph model or ``impact.store``; the baseline is never modified.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import neo4j

from vivim_graph.errors import QueryError
from vivim_graph.impact import store
from vivim_graph.impact.common import ImpactReport
from vivim_graph.impact.plan import PLAN_KIND, run_plan
from vivim_graph.impact.plan_file import load as load_file
from vivim_graph.model.spec import GraphModel, load_model, quote


def step_links(report: ImpactReport, model: GraphModel) -> list[dict[str, Any]]:
    """(step, label, key, value, what, change) of what each step affects, milestones included."""
    links = []
    for step in report.details.get("steps", []):
        for link in step["affects"]:
            links.append({"step": step["step"], **link, "change": None})
    for m in report.milestones:
        for c in m.get("contributions", []):
            if c["change_cents"]:
                links.append(
                    {
                        "step": c["step"],
                        "label": "Milestone",
                        "key": "code",
                        "value": m["milestone_code"],
                        "what": "cost",
                        "change": c["change_cents"],
                    }
                )
    for link in links:
        if link["label"] not in model.node_by_label:  # labels only from the graph model
            raise QueryError(f"cannot link a plan step to unknown label {link['label']!r}")
    return links


def _write_steps(name: str, report: ImpactReport, links: list[dict[str, Any]]):
    """The transaction work that (re)writes the plan's steps and their links."""
    steps = [
        {
            "step": s["step"],
            "kind": s["kind"],
            "title": s["title"],
            "parameters_json": json.dumps(s["parameters"], sort_keys=True, default=str),
            "change_cents": s["change_cents"],
            "alone_change_cents": s["alone_change_cents"],
        }
        for s in report.details.get("steps", [])
    ]
    scenario, step_label = store.SCENARIO_LABEL, store.PLAN_STEP_LABEL

    def work(tx: neo4j.ManagedTransaction) -> int:
        tx.run(
            f"MATCH (s:{scenario} {{name: $name}})-[:{store.HAS_STEP}]->(old:{step_label}) "
            "DETACH DELETE old",
            name=name,
        ).consume()
        tx.run(
            f"MATCH (s:{scenario} {{name: $name}}) UNWIND $steps AS row "
            f"CREATE (s)-[:{store.HAS_STEP} {{step: row.step}}]->(p:{step_label}) "
            "SET p = row, p.plan = $name, p.currency = $currency",
            name=name,
            steps=steps,
            currency=report.currency,
        ).consume()
        made = 0
        for label in sorted({link["label"] for link in links}):
            rows = [link for link in links if link["label"] == label]
            record = tx.run(
                f"MATCH (:{scenario} {{name: $name}})-[:{store.HAS_STEP}]->(p:{step_label}) "
                f"UNWIND $rows AS row WITH p, row WHERE p.step = row.step "
                f"MATCH (n:{quote(label)}) WHERE toString(n[row.key]) = toString(row.value) "
                f"CREATE (p)-[:{store.AFFECTS} {{what: row.what, change_cents: row.change}}]->(n) "
                "RETURN count(*) AS made",
                name=name,
                rows=rows,
            ).single()
            made += record["made"] if record else 0
        return made

    return work


def save_plan(
    driver: neo4j.Driver, name: str, report: ImpactReport, *, database: str = "neo4j"
) -> int:
    """Save the plan as a Scenario with its steps, in one transaction; returns links made."""
    model = load_model()
    links = step_links(report, model)
    work = _write_steps(name, report, links)
    return store.save(driver, name, report, database=database, model=model, also=work)


def load_plan(
    driver: neo4j.Driver, what: str, *, case: str = "mid", database: str = "neo4j"
) -> tuple[str, ImpactReport]:
    """(name, report) of a plan file (run now) or of a saved plan (as it was computed)."""
    path = Path(what)
    if path.suffix in (".yaml", ".yml", ".json") or path.exists():
        plan = load_file(path)
        return plan.name, run_plan(driver, plan, case, database=database)
    report = store.load(driver, what, database=database)
    if report.kind != PLAN_KIND:
        raise QueryError(
            f"saved scenario {what!r} is a {report.kind} scenario, not a plan",
            hint="compare single scenarios with `vivim-graph scenario compare A B`",
        )
    return what, report


def compare_plans(plans: list[tuple[str, ImpactReport]]) -> dict[str, Any]:
    """Side by side per milestone and in total, and the lines and pools over in some only."""
    if len(plans) < 2:
        raise QueryError("plan compare needs at least two plans")
    names = [name for name, _ in plans]
    if len(set(names)) < len(names):
        raise QueryError(f"plan compare: the same plan twice ({', '.join(names)})")
    codes = [m["milestone_code"] for m in plans[0][1].milestones]
    rows = []
    for code in [*codes, "total"]:
        row: dict[str, Any] = {"milestone_code": code}
        for name, report in plans:
            found = report.totals if code == "total" else _milestone(report, code)
            row[name] = {k: found.get(k) for k in ("change_cents", "scenario_cents")}
        rows.append(row)
    return {"plans": names, "milestones": rows, "over": _over_in_some(plans)}


def _milestone(report: ImpactReport, code: str) -> dict[str, Any]:
    return next((m for m in report.milestones if m["milestone_code"] == code), {})


def _over_in_some(plans: list[tuple[str, ImpactReport]]) -> list[dict[str, Any]]:
    """Each budget line and pool that goes over in at least one plan: in which, by how much."""
    over: dict[tuple[str, str], dict[str, Any]] = {}
    for name, report in plans:
        for section, key in (("budgets_over", "line_code"), ("pools_over", "pool_code")):
            for row in getattr(report, section):
                if row.get("over_by_cents", 0) <= 0:  # over only in another case of an `all` run
                    continue
                entry = over.setdefault(
                    (section, row[key]),
                    {"kind": "budget line" if key == "line_code" else "cost pool",
                     "code": row[key], "over_in": {}},
                )  # fmt: skip
                entry["over_in"][name] = row["over_by_cents"]
    names = [name for name, _ in plans]
    for entry in over.values():
        entry["not_over_in"] = [n for n in names if n not in entry["over_in"]]
        entry["differs"] = bool(entry["not_over_in"])
    return sorted(over.values(), key=lambda e: (not e["differs"], e["kind"], e["code"]))
