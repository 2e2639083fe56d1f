"""The MCP tools: one small function each, registered in ``TOOLS`` (see mcp_server.py).

A tool takes the :class:`Graph` first (bound by the server, hidden from the agent), then
its typed arguments, and returns a dict. Every answer carries ``cypher`` (what ran, with
its parameters) and ``provenance`` (the source tables and keys behind its numbers). Money
stays integer cents (``*_cents``) and micros (``*_micros``), with ``currency`` beside it.
"""

from __future__ import annotations

import inspect
import json
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Annotated, Any, Literal, LiteralString, cast

import neo4j
from pydantic import Field

from vivim_graph.errors import QueryError, did_you_mean
from vivim_graph.impact.answer import json_answer
from vivim_graph.impact.params import (
    HireParams,
    NodeParams,
    RelocateParams,
    ScenarioParams,
    SwitchProviderParams,
    UsersParams,
    fields,
    limits,
)
from vivim_graph.model.provenance import node_source, sources_in_rows, tables_in_text
from vivim_graph.model.spec import GraphModel, NodeSpec, quote
from vivim_graph.queries import catalog as queries
from vivim_graph.queries.guard import Limits
from vivim_graph.queries.questions import TOUR
from vivim_graph.queries.read_only import run_read_only
from vivim_graph.values import plain

EXPLAIN_COST = "explore/explain_cost"
# Which rules of docs/cost-rules.md (their headings) turn a row of each label into a figure.
COST_RULES = {
    "Milestone": ["R-MONTHS", "R-MILESTONE-SHARE", "R-COST-PER-USER"],
    "MilestoneTeamAllocation": ["R-MILESTONE-SHARE"],
    "TeamMember": ["R-MILESTONE-SHARE", "R-POOL", "R-RELOCATE"],
    "SalaryBenchmark": ["R-SALARY", "R-YEAR", "R-FTE"],
    "EmploymentCostFactor": ["R-ONCOST"],
    "TaxIncentive": ["R-RELIEF", "R-EMPLOYER-ITEM"],
    "ContractorRate": ["R-CONTRACTOR"],
    "Location": ["R-CONTRACTOR", "R-ONE-OFF"],
    "FxRate": ["R-FX"],
    "ContractTemplate": ["R-ONE-OFF"],
    "MilestoneInfrastructureCost": ["R-SWITCH", "R-USERS"],
    "CostAllocationRule": ["R-POOL"],
    "CostAllocationPool": ["R-POOL", "R-OVER"],
    "BudgetLineItem": ["R-POOL", "R-OVER"],
    "LaborCostAllocation": ["R-POOL"],
    "InfrastructureCostModel": ["R-USERS"],
}


@dataclass
class Graph:
    """What every tool needs: the driver, the database, the model and the guard limits."""

    driver: neo4j.Driver
    model: GraphModel
    database: str = "neo4j"
    limits: Limits = field(default_factory=Limits)

    def read(self, cypher: str, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = self.driver.execute_query(
            cast(LiteralString, cypher),
            params,
            database_=self.database,
            routing_=neo4j.RoutingControl.READ,
        )
        return [plain(r.data()) for r in records]

    def spec(self, label: str) -> NodeSpec:
        spec = self.model.node_by_label.get(label)
        if spec is None:
            raise QueryError(
                f"label {label!r} is not in the graph model."
                + did_you_mean(label, list(self.model.node_by_label)),
                hint="graph_schema lists every label",
            )
        return spec


Tool = Callable[..., dict[str, Any]]
TOOLS: list[Tool] = []


def tool(fn: Tool) -> Tool:
    """Register a tool: its name, docstring and signature become the MCP tool."""
    TOOLS.append(fn)
    return fn


def _ran(cypher: str, parameters: dict[str, Any]) -> dict[str, Any]:
    return {"cypher": cypher, "parameters": plain(parameters)}


@tool
def graph_schema(
    graph: Graph,
    label: Annotated[str | None, Field(description="Only this label, with full detail")] = None,
    module: Annotated[
        str | None, Field(description="Only this module (e.g. people, cloud), with full detail")
    ] = None,
) -> dict[str, Any]:
    """The graph's labels, relationship types, properties and counts, with what each means.

    Without arguments: every module, every label (description, key, natural keys, node
    count, property names) and every relationship type (count). With `label` or `module`:
    each label's properties with their types, and its relationships (type, direction,
    other label).
    Property types: money is integer cents in `<name>_cents`, price is integer micros in
    `<name>_micros`; the node's `currency` (EUR unless it says otherwise) applies.
    """
    cypher_nodes = "MATCH (n) UNWIND labels(n) AS label RETURN label, count(*) AS nodes"
    cypher_rels = "MATCH ()-[r]->() RETURN type(r) AS type, count(*) AS relationships"
    node_counts = {r["label"]: r["nodes"] for r in graph.read(cypher_nodes)}
    rel_counts = {r["type"]: r["relationships"] for r in graph.read(cypher_rels)}
    if label is not None:
        graph.spec(label)
    detailed = label is not None or module is not None
    labels = [
        _label_entry(spec, graph.model, node_counts.get(spec.label, 0), detailed)
        for spec in graph.model.nodes
        if (label is None or spec.label == label) and (module is None or spec.module == module)
    ]
    return {
        "modules": [{"name": m.name, "description": m.description} for m in graph.model.modules],
        "labels": labels,
        "relationship_types": [
            {"type": t, "relationships": n} for t, n in sorted(rel_counts.items())
        ],
        "conventions": "money: integer cents (*_cents); price: integer micros (*_micros); "
        "every node: _source_table, _source_key (its row in PostgreSQL)",
        "cypher": [_ran(cypher_nodes, {}), _ran(cypher_rels, {})],
        "provenance": [{"source": "graph/model.yaml and live counts"}],
    }


def _label_entry(spec: NodeSpec, model: GraphModel, count: int, detailed: bool) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "label": spec.label,
        "module": spec.module,
        "source_table": spec.table,
        "description": spec.description,
        "key": list(spec.key),
        "natural_keys": list(spec.natural_keys),
        "nodes": count,
        "properties": [p.name for p in spec.properties],
    }
    if detailed:
        entry["properties"] = [{"name": p.name, "type": p.type} for p in spec.properties]
        entry["relationships"] = [
            {"type": r.type, "direction": "out", "to": model.label_of(r.target)}
            for r in spec.references
        ] + [
            {"type": r.type, "direction": "in", "from": other.label}
            for other in model.nodes
            for r in other.references
            if r.target == spec.table
        ]
    return entry


@tool
def find(
    graph: Graph,
    label: Annotated[str, Field(description="A label from graph_schema, e.g. Milestone")],
    value: Annotated[
        str, Field(description="A key or natural key (M7, IT-CTA), or part of a name")
    ],
    limit: Annotated[int, Field(ge=1, le=100)] = 20,
) -> dict[str, Any]:
    """Look nodes up by label and key, natural key (code, slug, handle, symbol) or name.

    Exact key matches come first; otherwise the name (the label's caption) is matched
    case-insensitively as a substring. Returns each node's properties and its source row.
    """
    spec = graph.spec(label)
    keys = list(dict.fromkeys([*spec.natural_keys, spec.key_property]))
    caption = spec.caption if spec.caption in {p.name for p in spec.properties} else "name"
    # Label and property names come from the model, backtick-quoted; the value is a parameter.
    exact = " OR ".join(f"toString(n.{quote(k)}) = $value" for k in keys)
    cypher = (
        f"MATCH (n:{quote(spec.label)}) "
        f"WITH n, CASE WHEN {exact} THEN 0 "
        f"WHEN toLower(toString(n.{quote(caption)})) CONTAINS toLower($value) THEN 1 END AS rank "
        "WHERE rank IS NOT NULL "
        "RETURN n ORDER BY rank, n._source_key LIMIT $limit"
    )
    rows = graph.read(cypher, value=value, limit=limit)
    nodes = [row["n"] for row in rows]
    return {
        "label": spec.label,
        "matched_on": [*keys, caption],
        "nodes": nodes,
        "cypher": [_ran(cypher, {"value": value, "limit": limit})],
        "provenance": [s for n in nodes if (s := node_source(n, graph.model))],
    }


@tool
def list_queries(graph: Graph) -> dict[str, Any]:
    """The named queries (the graph's twins of the SQL views, and explorations).

    Each has a question it answers, typed parameters and column kinds (money = integer
    cents, price = integer micros). Run one with run_query.
    """
    return {
        "queries": [
            {
                "name": q.name,
                "question": q.question,
                "view": q.view,
                "parameters": [
                    {
                        "name": p.name,
                        "type": p.type,
                        "required": p.required,
                        "default": plain(p.default),
                        "description": p.description,
                    }
                    for p in q.parameters
                ],
                "columns": q.columns,
            }
            for q in queries.catalog().values()
        ],
        "cypher": [],
        "provenance": [{"source": "cypher/ files, read at start-up"}],
    }


@tool
def run_query(
    graph: Graph,
    name: Annotated[str, Field(description="A name from list_queries")],
    parameters: Annotated[
        dict[str, Any] | None, Field(description="Parameters by name, as list_queries types them")
    ] = None,
) -> dict[str, Any]:
    """Run a named query and return its rows exactly (money as integer cents / micros)."""
    result = queries.run(graph.driver, name, parameters or {}, database=graph.database)
    rows = [plain(r) for r in result.rows]
    cap = graph.limits.max_rows
    return {
        "query": result.query.name,
        "question": result.query.question,
        "columns": {c: result.query.columns.get(c, "any") for c in result.columns},
        "rows": rows[:cap],
        "truncated": "row_cap" if len(rows) > cap else None,
        "cypher": [_ran(result.query.text, result.parameters)],
        "provenance": sources_in_rows(rows, graph.model)
        or tables_in_text(result.query.text, graph.model),
    }


@tool
def explain_cost(
    graph: Graph,
    label: Annotated[str, Field(description="The node's label, e.g. Milestone, TeamMember")],
    key: Annotated[str, Field(description="Its key or natural key, e.g. M7 or 12")],
    limit: Annotated[int, Field(ge=1, le=500)] = 100,
) -> dict[str, Any]:
    """Why a node costs what it does: its own money, and the cost-bearing nodes behind it.

    Returns the node's money properties (from the model: money → *_cents, price →
    *_micros) and every node with money linked to it one or two hops away in one direction
    (a milestone's allocations and forecasts; a team member's role, location and
    allocations), each with the relationship path, its source table and key.
    """
    spec = graph.spec(label)
    node, key_property = _resolve(graph, spec, key)
    own = {
        p.name: node.get(p.name)
        for p in spec.properties
        if p.type in ("money", "price") and node.get(p.name) is not None
    }
    params = {"label": spec.label, "key_property": key_property, "key": node[key_property]}
    result = queries.run(
        graph.driver, EXPLAIN_COST, {**params, "limit": limit}, database=graph.database
    )
    drivers = [
        {
            **plain(row),
            "money": dict(sorted((k, v) for k, v in row["money"])),
            "rules": COST_RULES.get(row["label"], []),
        }
        for row in result.rows
    ]
    source = node_source(node, graph.model)
    return {
        "node": {
            **(source or {}),
            "money": own,
            "currency": node.get("currency", "EUR"),
            "rules": COST_RULES.get(spec.label, []),
        },
        "rules_document": "docs/cost-rules.md",
        "cost_nodes": drivers,
        "cypher": [_ran(result.query.text, result.parameters)],
        "provenance": [source]
        + [
            {"label": d["label"], "source_table": d["source_table"], "source_key": d["source_key"]}
            for d in drivers
        ],
    }


def _resolve(graph: Graph, spec: NodeSpec, key: str) -> tuple[dict[str, Any], str]:
    """The node whose key or a natural key equals ``key``, and which property matched."""
    for prop in dict.fromkeys([*spec.natural_keys, spec.key_property]):
        cypher = f"MATCH (n:{quote(spec.label)}) WHERE toString(n.{quote(prop)}) = $key RETURN n"
        rows = graph.read(cypher, key=key)
        if len(rows) == 1:
            return rows[0]["n"], prop
    raise QueryError(
        f"no single {spec.label} has key or natural key {key!r}",
        hint=f"find(label={spec.label!r}, value=...) shows the keys",
    )


@tool
def read_cypher(
    graph: Graph,
    cypher: Annotated[str, Field(description="One read-only Cypher statement")],
    params: Annotated[
        dict[str, Any] | None, Field(description="Values for its $names; never format values in")
    ] = None,
) -> dict[str, Any]:
    """Run one read-only Cypher statement as written; prefer run_query/explain_cost if they fit.

    Columns keep Neo4j's names (`l.city`). Allowed besides MATCH … RETURN: SHOW INDEXES /
    CONSTRAINTS / PROCEDURES / FUNCTIONS, db.labels(), db.relationshipTypes(),
    db.propertyKeys(), db.schema.*. Refused, with a code and the fix: writes, LOAD CSV, other
    procedures, namespaced functions beyond date/time/point/apoc.coll|map|text|math|number,
    admin commands, USE, IN TRANSACTIONS, several statements, paths without an upper bound
    <= 6, plans above the row budget, non-ASCII code outside strings. `truncated` says
    row_cap or byte_cap; `warnings` names labels, types and properties the graph model lacks
    (with the closest ones): an empty answer with warnings is probably a typo.
    """
    result = run_read_only(
        graph.driver,
        cypher,
        params or {},
        limits=graph.limits,
        database=graph.database,
        model=graph.model,
    )
    return {
        "columns": result.columns,
        "rows": result.rows,
        "truncated": result.truncated,
        "warnings": result.warnings,
        "cypher": [_ran(result.cypher, result.parameters)],
        "provenance": sources_in_rows(result.rows, graph.model)
        or tables_in_text(result.cypher, graph.model),
    }


# --------------------------------------------------------------------------- impact
def _impact(graph: Graph, kind: str, params: dict[str, Any]) -> dict[str, Any]:
    """A scenario's report, with the Cypher that ran and the source rows behind it."""
    from vivim_graph.impact.scenarios import run_impact

    return json_answer(run_impact(graph.driver, kind, params, database=graph.database))


def _impact_tool(model: type[ScenarioParams], doc: str) -> Tool:
    """An MCP tool for one scenario: its flat arguments are the model's fields, under their
    MCP names (``start_milestone``), with the model's types, defaults, constraints and
    descriptions; the SDK reads them from the signature (see ``server.bind``)."""
    to_field: dict[str, str] = {}
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    parameters = [inspect.Parameter("graph", kind, annotation=Graph)]
    for name, info, where in fields(model):
        published = where.mcp or name
        to_field[published] = name
        kind_of_value: Any = info.annotation
        if where.choices:  # the closed set the CLI offers, as an enum in the schema
            kind_of_value = Literal[where.choices]  # type: ignore[valid-type]
            if not info.is_required() and info.default is None:
                kind_of_value = kind_of_value | None
        constraints = limits(info)
        annotation = Annotated[kind_of_value, Field(description=info.description, **constraints)]
        default = inspect.Parameter.empty if info.is_required() else info.default
        parameters.append(
            inspect.Parameter(published, kind, default=default, annotation=annotation)
        )

    def run(graph: Graph, **arguments: Any) -> dict[str, Any]:
        return _impact(graph, model.kind, {to_field[k]: v for k, v in arguments.items()})

    run.__name__ = run.__qualname__ = f"impact_{model.kind}"
    run.__doc__ = doc
    signature = inspect.Signature(parameters, return_annotation=dict[str, Any])
    run.__signature__ = signature  # type: ignore[attr-defined]
    return tool(run)


impact_hire = _impact_tool(
    HireParams,
    """What hiring people in a location changes, in EUR cents, without changing the graph.

    Returns per-milestone baseline/change/scenario and the plan total, cost per user
    (micros), budget lines and cost pools pushed over, legal/compliance/tax obligations of
    the location, what applies once per employer, and the same hire ranked across every
    location (one-off legal work included). Every figure has a path, source rows and the ids
    of the rules of docs/cost-rules.md that compute it (`rules`). A contractor costs the
    local contractor rate over the location's working days, with no employer on-costs.
    """,
)
impact_relocate = _impact_tool(
    RelocateParams,
    """What moving one person (member) or a whole team to another location changes (EUR).

    Give exactly one of member or team. Same answer shape as impact_hire, with the moves.
    """,
)
impact_switch_provider = _impact_tool(
    SwitchProviderParams,
    """Infrastructure cost per milestone and per user scale if services moved provider.

    Uses the services and pricing tiers the two have in common; unmatched lines keep their
    cost and are listed with the reason, as are unmatched services.
    """,
)
impact_users = _impact_tool(
    UsersParams,
    """A milestone at another user scale: threshold crossed, infrastructure, revenue,
    dividend pool and cost per user, baseline against scenario.""",
)
impact_node = _impact_tool(
    NodeParams,
    """The blast radius of a node: everything that references it within `depth` hops,
    each with its cost property, amount, currency and path.""",
)


def _plan_tool() -> Tool:
    """``impact_plan``: its arguments are the plan file's fields (the same schema: name,
    description, changes with a ``kind`` each), plus the case."""
    from vivim_graph.impact.plan_file import PlanFile

    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    parameters = [inspect.Parameter("graph", kind, annotation=Graph)]
    ordered = sorted(PlanFile.model_fields.items(), key=lambda kv: not kv[1].is_required())
    for name, info in ordered:  # the required first, as a signature must
        default = inspect.Parameter.empty if info.is_required() else info.default
        annotation = Annotated[info.annotation, *info.metadata, Field(description=info.description)]
        parameters.append(inspect.Parameter(name, kind, default=default, annotation=annotation))
    case = Annotated[Literal["low", "mid", "high", "all"], Field(description=PLAN_CASE)]
    parameters.append(inspect.Parameter("case", kind, default="mid", annotation=case))

    def impact_plan(graph: Graph, case: str = "mid", **plan: Any) -> dict[str, Any]:
        from vivim_graph.impact.plan import answer, run_plan
        from vivim_graph.impact.plan_file import parse

        checked = parse(plan, "impact_plan")
        return answer(run_plan(graph.driver, checked, case, database=graph.database))

    impact_plan.__doc__ = PLAN_DOC
    impact_plan.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        parameters, return_annotation=dict[str, Any]
    )
    return tool(impact_plan)


PLAN_CASE = "low, mid or high figures of the database (R-CASE), or all: each figure's three"
PLAN_DOC = """Several changes at once (a plan), computed on the graph without changing it.

    `changes` are impact changes in order, each with a `kind` (hire, contractor, relocate,
    switch-provider, users) and the parameters of that impact tool under their library names
    (`start`, not start_milestone); the same schema as plans/plan.schema.json. Each applies on
    top of the previous ones: one-off legal work once per country, once-per-employer allowances
    shared, budget lines and pools judged on the changes together. Returns baseline, each
    change's contribution and the plan per milestone and in total (EUR cents), cost per user,
    lines and pools over, obligations, with `*_low_cents` / `*_high_cents` when case is all;
    the same JSON as `vivim-graph plan run --format json`, with cypher and provenance.
    """
impact_plan = _plan_tool()


# --------------------------------------------------------------------------- resources, prompts
# What an agent host can show a person before any tool runs: the model, the catalog, the
# conventions (resources), and the Browser tour's cost questions (prompts).
MODEL_URI = "vivim://graph/model.yaml"
CATALOG_URI = "vivim://queries/catalog.json"
CONVENTIONS_URI = "vivim://conventions.md"


def model_resource(graph: Graph) -> str:
    """graph/model.yaml as shipped: labels, keys, properties and relationship types."""
    from vivim_graph.model.spec import model_path

    return model_path().read_text(encoding="utf-8")


def catalog_resource(graph: Graph) -> str:
    """The named queries (question, parameters, column kinds) as JSON."""
    return json.dumps(list_queries(graph)["queries"], indent=2, ensure_ascii=False, default=str)


def conventions_resource(graph: Graph) -> str:
    """Money, currencies and milestones, from the model and the live graph."""
    money = sum(p.type == "money" for n in graph.model.nodes for p in n.properties)
    price = sum(p.type == "price" for n in graph.model.nodes for p in n.properties)
    currencies = graph.read(
        "MATCH (n) WHERE n.currency IS NOT NULL "
        "RETURN n.currency AS currency, count(*) AS nodes ORDER BY nodes DESC, currency"
    )
    milestones = graph.read(
        "MATCH (m:Milestone) RETURN m.code AS code, m.name AS name, m.start_month AS start, "
        "m.end_month AS end, m.planned_start_date AS starts, m.planned_end_date AS ends, "
        "m.target_users AS users, m.status AS status ORDER BY m.sequence"
    )
    lines = [
        "# VIVIM cost conventions",
        "",
        f"- Money is exact: integer cents in properties named `*_cents` ({money} in the "
        "model); 6500000 cents is 65,000.00. Never floats.",
        f"- Prices below a cent are integer micros (millionths) in `*_micros` ({price}).",
        "- Currency: the node's `currency` property; EUR where a node has none. Never add "
        "amounts in different currencies.",
        "- Provenance: every node has `_source_table` and `_source_key`, its row in PostgreSQL.",
        "",
        "## Currencies in the graph",
        *(f"- {c['currency']}: {c['nodes']} nodes" for c in currencies),
        "",
        "## Milestones (the plan's months and target users)",
        "| code | name | months | planned | target users | status |",
        "|---|---|---|---|---|---|",
        *(
            f"| {m['code']} | {m['name']} | {m['start']}-{m['end']} | {m['starts']} to "
            f"{m['ends']} | {m['users']:,} | {m['status']} |"
            for m in milestones
        ),
    ]
    return "\n".join(lines) + "\n"


RESOURCES: tuple[tuple[str, str, str, Callable[[Graph], str]], ...] = (
    (MODEL_URI, "graph-model", "application/yaml", model_resource),
    (CATALOG_URI, "query-catalog", "application/json", catalog_resource),
    (CONVENTIONS_URI, "cost-conventions", "text/markdown", conventions_resource),
)


def tour_prompts() -> list[tuple[str, str, str, str]]:
    """(name, title, description, text) per main cost question (the Browser tour's stops)."""
    prompts = []
    for stop in TOUR:
        name = "_".join(stop.title.lower().replace("'", "").split())
        text = (
            f"{stop.title}: {stop.lead}\n\n"
            "Answer from the VIVIM cost graph with the vivim-graph tools. Run these named "
            f"queries with run_query: {', '.join(stop.queries)} (list_queries gives their "
            "parameters). Use explain_cost for why a node costs what it does and read_cypher "
            "for anything else. Money is integer cents (*_cents) or micros (*_micros) in the "
            "row's currency (see vivim://conventions.md): convert when you present it, and "
            "cite each figure's source_table and key."
        )
        prompts.append((name, stop.title, stop.lead, text))
    return prompts
