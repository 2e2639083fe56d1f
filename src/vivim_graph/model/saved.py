"""What the project itself adds to the graph beside the replicated tables: saved scenarios
and plans (``impact.store``, ``impact.plan_store``). Declared here, in the model layer, so
the writers and the name checks of ad-hoc Cypher (``queries.names``) read the same names.

They are not replicated (no ``_source_table``): the import leaves them alone.
"""

from __future__ import annotations

SCENARIO_LABEL = "Scenario"
PLAN_STEP_LABEL = "PlanStep"
AFFECTS = "AFFECTS"  # (:Scenario|PlanStep)-[:AFFECTS]->(a replicated node)
HAS_STEP = "HAS_STEP"  # (:Scenario)-[:HAS_STEP {step}]->(:PlanStep), a plan's changes in order

# label or type -> its property keys
SAVED_LABELS: dict[str, frozenset[str]] = {
    SCENARIO_LABEL: frozenset(
        {
            "name",
            "kind",
            "title",
            "saved_at",
            "parameters_json",
            "result_json",
            "change_cents",
            "currency",
        }
    ),
    PLAN_STEP_LABEL: frozenset(
        {
            "plan",
            "step",
            "kind",
            "title",
            "parameters_json",
            "change_cents",
            "alone_change_cents",
            "currency",
        }
    ),
}
SAVED_TYPES: dict[str, frozenset[str]] = {
    AFFECTS: frozenset({"what", "change_cents"}),
    HAS_STEP: frozenset({"step"}),
}
