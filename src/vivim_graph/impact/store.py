"""Saved scenarios: a ``:Scenario`` node per name, with its parameters and results, linked by
``AFFECTS`` to the baseline nodes it touches so Browser can show them.

The baseline is never modified: a scenario only adds its own node and relationships that
start from it, and the import's sweep leaves both alone (they carry no ``_source_table``).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import neo4j

from vivim_graph.errors import QueryError
from vivim_graph.impact.common import ImpactReport
from vivim_graph.model.saved import (
    AFFECTS,
    HAS_STEP,
    PLAN_STEP_LABEL,
    SCENARIO_LABEL,
)
from vivim_graph.model.spec import GraphModel, load_model, quote

# The labels and types are declared in the model layer (model.saved); a saved plan
# (impact.plan_store) is a Scenario with its changes as ordered PlanStep nodes.


def affected(report: ImpactReport) -> list[dict[str, Any]]:
    """(label, natural key, value, what, change) of every baseline node the scenario touches."""
    links: list[dict[str, Any]] = []

    def add(label: str, key: str, value: Any, what: str, change: int | None = None) -> None:
        if value is not None:
            links.append(
                {"label": label, "key": key, "value": value, "what": what, "change": change}
            )

    for m in report.milestones:
        if m["change_cents"]:
            add("Milestone", "code", m["milestone_code"], "cost", m["change_cents"])
    for b in report.budgets_over:
        add("BudgetLineItem", "code", b["line_code"], "over budget", b["added_cents"])
    for p in report.pools_over:
        add("CostAllocationPool", "code", p["pool_code"], "over allocated", p["added_cents"])
    kinds = {"risk": "Risk", "compliance_framework": "ComplianceFramework"}
    for o in report.obligations:
        if o["kind"] in kinds:
            add(kinds[o["kind"]], "code", o["code"], o["status"])
        if o["kind"] == "contract_template" and o["status"] == "exists":
            add("ContractTemplate", "code", o["code"], "contract")
    params = report.parameters
    add("Location", "code", params.get("resolved_location"), "location")
    if report.kind == "hire":
        add("Role", "code", params.get("role"), "role")
    for move in report.details.get("moves", []):
        add("TeamMember", "code", move["member_code"], "moves", move["monthly_change_cents"])
    for key in ("from_provider", "to_provider"):
        add("CloudProvider", "code", params.get(key), key)
    if report.kind == "node":
        add(params["label"], report.totals.get("key_property", "code"), params["key"], "subject")
    return links


def save(
    driver: neo4j.Driver,
    name: str,
    report: ImpactReport,
    *,
    database: str = "neo4j",
    model: GraphModel | None = None,
    also: Callable[[neo4j.ManagedTransaction], int] | None = None,
) -> int:
    """Store (or replace) scenario `name` in one transaction; returns the links made.
    ``also`` writes more in the same transaction (a plan's steps) and returns its links."""
    if not name.strip():
        raise QueryError("--save needs a non-empty name")
    model = model or load_model()
    links = affected(report)
    by_label: dict[str, list[dict[str, Any]]] = {}
    for link in links:
        if link["label"] not in model.node_by_label:  # labels only from the graph model
            raise QueryError(f"cannot link a scenario to unknown label {link['label']!r}")
        by_label.setdefault(link["label"], []).append(link)

    def work(tx: neo4j.ManagedTransaction) -> int:
        tx.run(
            f"MERGE (s:{SCENARIO_LABEL} {{name: $name}}) "
            f"WITH s OPTIONAL MATCH (s)-[old:{AFFECTS}]->() DELETE old "
            "WITH DISTINCT s SET s.kind = $kind, s.title = $title, s.saved_at = datetime(), "
            "s.parameters_json = $parameters_json, s.result_json = $result, "
            "s.change_cents = $change, s.currency = $currency",
            name=name,
            kind=report.kind,
            title=report.title,
            parameters_json=json.dumps(report.parameters, sort_keys=True, default=str),
            result=json.dumps(report.to_dict(), default=str),
            change=report.totals.get("change_cents"),
            currency=report.currency,
        ).consume()
        made = 0
        for label, rows in by_label.items():
            record = tx.run(
                f"MATCH (s:{SCENARIO_LABEL} {{name: $name}}) UNWIND $rows AS row "
                f"MATCH (n:{quote(label)}) WHERE toString(n[row.key]) = toString(row.value) "
                f"CREATE (s)-[:{AFFECTS} {{what: row.what, change_cents: row.change}}]->(n) "
                "RETURN count(*) AS made",
                name=name,
                rows=rows,
            ).single()
            made += record["made"] if record else 0
        return made + (also(tx) if also else 0)

    with driver.session(database=database) as session:
        return session.execute_write(work)


def list_scenarios(driver: neo4j.Driver, *, database: str = "neo4j") -> list[dict[str, Any]]:
    records, _, _ = driver.execute_query(
        f"MATCH (s:{SCENARIO_LABEL}) "
        f"RETURN s.name AS name, s.kind AS kind, s.title AS title, "
        "toString(s.saved_at) AS saved_at, s.change_cents AS change_cents, "
        f"s.currency AS currency, COUNT {{ (s)-[:{AFFECTS}]->() }} AS links ORDER BY s.saved_at",
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    return [r.data() for r in records]


def load(driver: neo4j.Driver, name: str, *, database: str = "neo4j") -> ImpactReport:
    records, _, _ = driver.execute_query(
        f"MATCH (s:{SCENARIO_LABEL} {{name: $name}}) RETURN s.result_json AS result",
        name=name,
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    if not records:
        known = [s["name"] for s in list_scenarios(driver, database=database)]
        raise QueryError(
            f"no saved scenario {name!r}; saved: {', '.join(known) or '(none)'}",
            hint="save one with `vivim-graph impact … --save NAME`",
        )
    return ImpactReport.from_dict(json.loads(records[0]["result"]))


def delete(driver: neo4j.Driver, name: str, *, database: str = "neo4j") -> None:
    load(driver, name, database=database)  # a clear error when it does not exist
    driver.execute_query(
        f"MATCH (s:{SCENARIO_LABEL} {{name: $name}}) "
        f"OPTIONAL MATCH (s)-[:{HAS_STEP}]->(step:{PLAN_STEP_LABEL}) DETACH DELETE step, s",
        name=name,
        database_=database,
    )


def compare(a: ImpactReport, b: ImpactReport) -> list[dict[str, Any]]:
    """Per milestone and in total: each scenario's change and the difference between them."""
    b_rows = {m["milestone_code"]: m for m in b.milestones}
    rows = []
    for m in a.milestones:
        other = b_rows.get(m["milestone_code"], {})
        rows.append(
            {
                "milestone_code": m["milestone_code"],
                "a_change_cents": m["change_cents"],
                "b_change_cents": other.get("change_cents", 0),
                "b_minus_a_cents": other.get("change_cents", 0) - m["change_cents"],
            }
        )
    a_total, b_total = a.totals.get("change_cents", 0), b.totals.get("change_cents", 0)
    rows.append(
        {
            "milestone_code": "total",
            "a_change_cents": a_total,
            "b_change_cents": b_total,
            "b_minus_a_cents": b_total - a_total,
        }
    )
    return rows
