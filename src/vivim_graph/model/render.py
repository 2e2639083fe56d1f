"""Maintain the graph model and render what derives from it.

- ``draft``: compare ``graph/model.yaml`` with the live catalog, add what it lacks.
- ``render``: write ``graph/diagrams/*.md`` (Mermaid) and ``graph/style.grass`` (Neo4j
  Browser style, see ``model.style``: one hue per module, a shade and a caption per label).
  A test runs ``render(check_only=True)`` so the derived files cannot drift from the model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from vivim_graph.model import style
from vivim_graph.model.draft import merge_model, read_tables
from vivim_graph.model.spec import GraphModel, load_model, model_path
from vivim_graph.resources import resource_dir
from vivim_graph.sources.postgres import connect

HEADER = """\
# The VIVIM graph model: the one source of truth for labels, keys, properties and
# relationship types. Constraints, neomodel classes, the importer's Cypher, the diagrams
# and the Browser style derive from it. Curated by hand; `vivim-graph model draft --write`
# adds entries for tables and columns the model lacks, never overwriting curated ones.
#
# Property names are the source columns in snake_case; money columns (NUMERIC(p>=10,2))
# become <column>_cents (integer cents), sub-cent prices (NUMERIC scale 3-6) become
# <column>_micros (integer millionths); the row's `currency` column sits beside them.
"""


class _FlowDict(dict):
    """Rendered on one line: keeps property and end lists readable."""


def _flow_representer(dumper: yaml.SafeDumper, data: _FlowDict) -> Any:
    return dumper.represent_mapping("tag:yaml.org,2002:map", data, flow_style=True)


class _Dumper(yaml.SafeDumper):
    pass


_Dumper.add_representer(_FlowDict, _flow_representer)


def dump_model(data: dict[str, Any]) -> str:
    def flow(items: list[dict[str, Any]]) -> list[_FlowDict]:
        return [_FlowDict(i) for i in items]

    for node in data["nodes"]:
        node["properties"] = flow(node["properties"])
        node["references"] = flow(node.get("references", []))
        for key in ("key", "natural_keys"):
            node[key] = list(node.get(key, []))
    for join in data["joins"]:
        join["properties"] = flow(join.get("properties", []))
        join["from"], join["to"] = _FlowDict(join["from"]), _FlowDict(join["to"])
    data["modules"] = flow(data["modules"])
    return HEADER + yaml.dump(data, Dumper=_Dumper, sort_keys=False, width=100, allow_unicode=True)


def draft(database_url: str, *, write: bool) -> list[str]:
    """Lines describing what the model lacks against the database's tables (and, with
    ``write``, what was added)."""
    path = model_path()
    existing = yaml.safe_load(path.read_text()) if path.exists() else None
    with connect(database_url) as conn:
        tables = read_tables(conn)
    merged = merge_model(yaml.safe_load(yaml.safe_dump(existing)) if existing else None, tables)
    changes = _describe_changes(existing or {}, merged)
    if write and changes:
        text = dump_model(merged)
        GraphModel.model_validate(yaml.safe_load(text))  # never write an invalid model
        path.write_text(text, encoding="utf-8")
    return changes


def _describe_changes(old: dict[str, Any], new: dict[str, Any]) -> list[str]:
    def index(data: dict[str, Any]) -> dict[str, set[str]]:
        out: dict[str, set[str]] = {}
        for entry in [*data.get("nodes", []), *data.get("joins", [])]:
            out[entry["table"]] = {p["column"] for p in entry.get("properties", [])} | {
                ",".join(r["columns"]) for r in entry.get("references", [])
            }
        return out

    before, after = index(old), index(new)
    lines = [f"table {t}: not in the model" for t in sorted(after.keys() - before.keys())]
    lines += [
        f"table {t}: in the model, not in the database"
        for t in sorted(before.keys() - after.keys())
    ]
    for table in sorted(before.keys() & after.keys()):
        for column in sorted(after[table] - before[table]):
            lines.append(f"table {table}: column or key {column} not in the model")
        for column in sorted(before[table] - after[table]):
            lines.append(f"table {table}: column or key {column} no longer in the database")
    return lines


# ------------------------------------------------------------------ derived files
def mermaid(model: GraphModel, module: str | None = None) -> str:
    """A flowchart of labels and relationship types, overall or for one module."""
    lines = ["flowchart LR"]
    shown: set[str] = set()

    def include(table: str) -> bool:
        return module is None or model.node_by_table[table].module == module

    edges: list[tuple[str, str, str]] = []
    for node in model.nodes:
        for ref in node.references:
            if include(node.table) or include(ref.target):
                edges.append((node.label, ref.type, model.label_of(ref.target)))
    for join in model.joins:
        if include(join.source.table) or include(join.target.table):
            edges.append(
                (model.label_of(join.source.table), join.type, model.label_of(join.target.table))
            )
    for source, rel_type, target in edges:
        lines.append(f"    {source} -->|{rel_type}| {target}")
        shown.update((source, target))
    for node in model.nodes:
        if include(node.table) and node.label not in shown:
            lines.append(f"    {node.label}")
            shown.add(node.label)
    colors = {m.name: m.color for m in model.modules}
    for node in model.nodes:
        if node.label in shown:
            lines.append(f"    style {node.label} fill:{colors[node.module]}")
    return "\n".join(lines)


def diagrams_markdown(model: GraphModel) -> str:
    parts = [
        "# The unified VIVIM knowledge graph",
        "",
        "Generated from `graph/model.yaml` by `vivim-graph model render`; do not edit.",
        "",
        "## All modules",
        "",
        "```mermaid",
        mermaid(model),
        "```",
    ]
    for module in model.modules:
        parts += [
            "",
            f"## {module.number:02d} {module.name}",
            "",
            "```mermaid",
            mermaid(model, module.name),
            "```",
        ]
    return "\n".join(parts) + "\n"


def grass(model: GraphModel) -> str:
    """Neo4j Browser style: one hue per module, a shade and a readable caption per label."""
    return style.grass(model)


def derived_files(model: GraphModel) -> dict[Path, str]:
    graph_dir = resource_dir("graph")
    return {
        graph_dir / "diagrams" / "unified_knowledge_graph.md": diagrams_markdown(model),
        graph_dir / "style.grass": grass(model),
    }


def render(*, check_only: bool = False) -> list[Path]:
    """Write (or, with ``check_only``, list) derived files that differ from the model."""
    stale = []
    for path, text in derived_files(load_model()).items():
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            stale.append(path)
            if not check_only:
                path.parent.mkdir(parents=True, exist_ok=True)
                path.write_text(text, encoding="utf-8")
    return stale
