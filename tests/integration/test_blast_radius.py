"""`impact node`'s blast radius, against a brute force over the whole graph in Python.

The query walks breadth first over distinct nodes; the brute force here enumerates every
path (as the query once did), so the two share nothing but the rule they implement:

- a dependant of n is a node d (not n) with a source row that reaches n by a directed path
  of at most ``depth`` relationships, each relationship used once per path;
- it is listed once, at the length of its shortest such path (``hops``);
- its ``path`` is the text of one of those shortest paths, the first in text order:
  ``(:Label key)-[:TYPE]->`` per step, then ``(:Label key)`` of n;
- its cost is the property the caller names for its label; rows are ordered by hops,
  label, key.
"""

from __future__ import annotations

import random
from collections import defaultdict
from typing import Any

import pytest

from vivim_graph.impact import scenarios as impact
from vivim_graph.queries import catalog as queries

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def whole_graph(seeded_graph) -> dict[str, Any]:
    """Every node (first label, properties) and every relationship, read once."""
    nodes, _, _ = seeded_graph.execute_query(
        "MATCH (n) RETURN elementId(n) AS id, labels(n)[0] AS label, properties(n) AS props",
        database_="neo4j",
    )
    rels, _, _ = seeded_graph.execute_query(
        "MATCH (a)-[r]->(b) RETURN elementId(r) AS id, elementId(a) AS a, type(r) AS type, "
        "elementId(b) AS b",
        database_="neo4j",
    )
    incoming: dict[str, list[tuple[str, str, str]]] = defaultdict(list)
    for r in rels:
        incoming[r["b"]].append((r["id"], r["a"], r["type"]))
    return {"nodes": {n["id"]: n for n in nodes}, "incoming": incoming}


def costs_for(graph: dict[str, Any]) -> dict[str, str]:
    """A cost property per label, chosen by the test: the first `*_cents` one by name."""
    found: dict[str, set[str]] = defaultdict(set)
    for n in graph["nodes"].values():
        found[n["label"]] |= {k for k in n["props"] if k.endswith("_cents")}
    return {label: min(names) for label, names in found.items() if names}


def every_path(graph: dict[str, Any], target: str, depth: int) -> dict[str, list[list]]:
    """Every directed path of 1..depth relationships ending at target, by its start node;
    each path as its steps [(node, type), ...] from the start towards target."""
    paths: dict[str, list[list]] = defaultdict(list)

    def back(node: str, steps: list, used: set[str]) -> None:
        if len(steps) == depth:
            return
        for rel, start, kind in graph["incoming"].get(node, []):
            if rel in used:
                continue
            path = [(start, kind), *steps]
            paths[start].append(path)
            back(start, path, used | {rel})

    back(target, [], set())
    return paths


def brute_force(graph: dict[str, Any], target: str, depth: int) -> list[dict[str, Any]]:
    nodes, costs = graph["nodes"], costs_for(graph)

    def text(path: list) -> str:
        head = "".join(f"(:{nodes[n]['label']} {nodes[n]['props']['_source_key']})-[:{t}]->"
                       for n, t in path)  # fmt: skip
        end = nodes[target]
        return head + f"(:{end['label']} {end['props']['_source_key']})"

    rows = []
    for start, paths in every_path(graph, target, depth).items():
        props = nodes[start]["props"]
        if start == target or props.get("_source_table") is None:
            continue
        hops = min(len(p) for p in paths)
        label = nodes[start]["label"]
        prop = costs.get(label)
        name = next(props[k] for k in ("code", "name", "title", "full_name", "_source_key")
                    if props.get(k) is not None)  # fmt: skip
        rows.append(
            {
                "hops": hops,
                "label": label,
                "key": props["_source_key"],
                "name": str(name),
                "cost_property": prop,
                "cost_cents": props.get(prop) if prop else None,
                "currency": props.get("currency", "EUR"),
                "path": min(text(p) for p in paths if len(p) == hops),
                "sources": [{"table": props["_source_table"], "key": props["_source_key"],
                             "what": label}],
            }
        )  # fmt: skip
    return sorted(rows, key=lambda r: (r["hops"], r["label"], r["key"]))


def starts(graph: dict[str, Any]) -> list[str]:
    """The 10 nodes with the most paths within 3 hops (the widest radii, where paths to a
    node multiply) and 8 others drawn at random among those something points at."""
    keyed = [i for i in graph["incoming"] if graph["nodes"][i]["props"].get("_source_key")]
    reach = {i: sum(map(len, every_path(graph, i, 3).values())) for i in keyed}
    widest = sorted(keyed, key=lambda i: (-reach[i], i))[:10]
    return widest + random.Random(17).sample(sorted(set(keyed) - set(widest)), 8)


def test_blast_radius_matches_every_path_brute_force(whole_graph, seeded_graph):
    costs, compared = costs_for(whole_graph), 0
    for start in starts(whole_graph):
        node = whole_graph["nodes"][start]
        for depth in (1, 2, 3):
            got = queries.run(
                seeded_graph,
                "impact/node_blast_radius",
                {"label": node["label"], "key_property": "_source_key",
                 "key": node["props"]["_source_key"], "depth": depth, "cost_properties": costs},
            ).rows  # fmt: skip
            want = brute_force(whole_graph, start, depth)
            assert got == want, f"{node['label']} {node['props']['_source_key']} depth {depth}"
            compared += len(want)
    assert compared > 5_000  # the widest radii were really walked


def test_impact_node_lists_the_brute_force_dependants(whole_graph, seeded_graph):
    location = next(
        i for i, n in whole_graph["nodes"].items()
        if n["label"] == "Location" and n["props"].get("code") == "MT-VLT"
    )  # fmt: skip
    report = impact.node(seeded_graph, label="Location", key="MT-VLT", depth=3)
    want = brute_force(whole_graph, location, 3)
    got = report.details["dependants"]
    assert [(r["hops"], r["label"], r["key"], r["path"]) for r in got] == [
        (r["hops"], r["label"], r["key"], r["path"]) for r in want
    ]
    assert report.totals["dependants"] == len(want) > 500
