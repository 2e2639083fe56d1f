"""Apply the curated names of the graph model (labels and relationship types).

`vivim-graph model draft --write` proposes names by rule for tables the model lacks; this
script records the names people chose for the specification's relationship trees, so that
a fresh draft can be curated again in one step. graph/model.yaml remains the source of truth.
Run: .venv/bin/python scripts/dev/curate_model.py
"""

from pathlib import Path

import yaml

from vivim_graph.model.render import dump_model
from vivim_graph.model.spec import GraphModel

LABELS = {
    "risk_register": "Risk",
    "token_registry": "Token",
    "cost_per_user_analysis": "CostPerUserAnalysis",
}
# (table, FK column) -> relationship type
REFERENCES = {
    # Locations tree
    ("salary_benchmarks", "location_id"): "FOR_LOCATION",
    ("employment_cost_factors", "location_id"): "APPLIES_IN",
    ("tax_incentives", "location_id"): "OFFERED_IN",
    ("team_members", "location_id"): "BASED_IN",
    # Roles tree
    ("team_members", "role_id"): "HAS_ROLE",
    ("team_members", "team_id"): "MEMBER_OF",
    ("milestone_team_allocations", "team_member_id"): "ALLOCATES",
    # Cloud providers tree
    ("service_pricing_tiers", "service_id"): "TIER_OF",
    # Users (growth) tree
    ("user_base_projections", "user_growth_model_id"): "PROJECTS",
    ("revenue_projections", "user_growth_model_id"): "ASSUMES_GROWTH",
    ("dividend_calculations", "user_growth_model_id"): "ASSUMES_GROWTH",
    ("revenue_projections", "revenue_stream_id"): "FOR_REVENUE_STREAM",
}
JOINS = {
    "role_skills": "REQUIRES_SKILL",
    "wiki_article_links": "LINKS_TO",
    "wiki_article_tags": "TAGGED",
    "task_assignments": "ASSIGNED_TO",
}


def curate(path: Path) -> None:
    data = yaml.safe_load(path.read_text())
    for node in data["nodes"]:
        node["label"] = LABELS.get(node["table"], node["label"])
        for ref in node.get("references", []):
            ref["type"] = REFERENCES.get((node["table"], ref["columns"][0]), ref["type"])
    for join in data["joins"]:
        join["type"] = JOINS.get(join["table"], join["type"])
    text = dump_model(data)
    GraphModel.model_validate(yaml.safe_load(text))
    path.write_text(text)


if __name__ == "__main__":
    curate(Path(__file__).resolve().parents[2] / "graph" / "model.yaml")
