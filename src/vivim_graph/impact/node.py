"""Node: the blast radius of a node, everything whose cost depends on it, with paths."""

from __future__ import annotations

from collections import Counter

import neo4j

from vivim_graph.errors import QueryError, did_you_mean
from vivim_graph.impact.common import ImpactReport, Runner, in_one_read
from vivim_graph.impact.params import NodeParams, check
from vivim_graph.model import cypher as model_cypher
from vivim_graph.model.spec import GraphModel, load_model
from vivim_graph.queries import catalog as queries


def node(
    driver: neo4j.Driver,
    *,
    label: str,
    key: str,
    depth: int = 2,
    database: str = "neo4j",
    model: GraphModel | None = None,
) -> ImpactReport:
    """What references the node ``label`` ``key`` within ``depth`` hops, with its cost."""
    check(NodeParams, label=label, key=key, depth=depth)
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
    costs = cost_properties(model)
    # the named query started at the label's own nodes, not at every node, its hundreds of
    # rows back in one record
    query = queries.collected(
        queries.anchored(
            queries.get("impact/node_blast_radius"), model_cypher.node_anchor(spec, key_property)
        )
    )
    return in_one_read(
        driver, database, report, lambda run: _blast_radius(run, query, key_property, costs)
    )


def _blast_radius(
    run: Runner, query: queries.NamedQuery, key_property: str, costs: dict[str, str]
) -> None:
    """The node's dependants and their cost, in ``run``'s one read transaction."""
    report = run.report
    label, key, depth = (report.parameters[k] for k in ("label", "key", "depth"))
    rows = run.rows_of(
        query,
        label=label,
        key_property=key_property,
        key=key,
        depth=depth,
        cost_properties=costs,
    )
    # no dependants: is there no such node? (asked only then: one round trip, not two)
    if (
        not rows
        and not run.rows("impact/lookup_node", label=label, key_property=key_property, key=key)[0][
            "found"
        ]
    ):
        raise QueryError(f"no {label} with {key_property} = {key!r} in the graph")
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


# The choice per model, kept with the model it was made for (the model is loaded once per
# process and immutable, so the MCP server and repeated calls pay for it once).
_COSTS: dict[int, tuple[GraphModel, dict[str, str]]] = {}


def cost_properties(model: GraphModel) -> dict[str, str]:
    """The one money property per label that stands for what a row costs (from the model)."""
    kept = _COSTS.get(id(model))
    if kept is None or kept[0] is not model:
        _COSTS.clear()
        kept = _COSTS[id(model)] = (model, _choose_costs(model))
    return dict(kept[1])


def _choose_costs(model: GraphModel) -> dict[str, str]:
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
