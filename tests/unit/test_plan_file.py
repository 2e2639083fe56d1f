"""The plan file: its published JSON Schema is current, it takes the impact commands'
parameters (names, bounds, choices), and bad plans are refused naming the file and change."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from vivim_graph.errors import QueryError
from vivim_graph.impact import plan_file
from vivim_graph.impact.params import HireParams, RelocateParams, SwitchProviderParams, UsersParams

ROOT = Path(__file__).resolve().parents[2]
SCHEMA = ROOT / "plans" / "plan.schema.json"
EXAMPLES = sorted((ROOT / "plans" / "examples").glob("*.yaml"))


def test_published_schema_is_current():
    published = json.loads(SCHEMA.read_text(encoding="utf-8"))
    assert published == json.loads(plan_file.schema_text()), (
        "plans/plan.schema.json is stale: regenerate it with "
        "python -c 'from vivim_graph.impact import plan_file; "
        'open("plans/plan.schema.json", "w").write(plan_file.schema_text())\''
    )


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_examples_are_valid_for_the_schema_and_the_model(path):
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
    plan = plan_file.load(path)
    assert plan.name == data["name"] and len(plan.changes) == len(data["changes"])


@pytest.mark.parametrize(
    ("kind", "model"),
    [("hire", HireParams), ("contractor", HireParams), ("relocate", RelocateParams),
     ("switch-provider", SwitchProviderParams), ("users", UsersParams)],
)  # fmt: skip
def test_each_kind_takes_the_impact_parameters(kind, model):
    step = json.loads(SCHEMA.read_text())["$defs"]
    title = "".join(p.title() for p in kind.split("-")) + "Change"
    properties = set(step[title]["properties"])
    assert properties == {"kind", *model.model_fields}


def test_a_contractor_is_a_hire_on_a_contract():
    plan = plan_file.parse(
        {"name": "c", "changes": [{"kind": "contractor", "location": "malta", "role": "x"}]}
    )
    scenario, params = plan_file.scenario_of(plan.changes[0])
    assert scenario == "hire" and params["employment_type"] == "contractor"
    with pytest.raises(QueryError, match="change 1 \\(contractor\\), employment_type"):
        plan_file.parse(
            {
                "name": "c",
                "changes": [
                    {
                        "kind": "contractor",
                        "location": "m",
                        "role": "x",
                        "employment_type": "employee",
                    }
                ],
            }
        )


@pytest.mark.parametrize(
    ("change", "complaint"),
    [
        ({"kind": "hire", "location": "malta", "role": "r", "count": 0}, "change 2 (hire), count"),
        ({"kind": "hire", "location": "malta", "role": "r", "fte": 1.5}, "change 2 (hire), fte"),
        ({"kind": "hire", "location": "malta"}, "change 2 (hire), role"),
        ({"kind": "hire", "location": "m", "role": "r", "seniority": "guru"}, "seniority"),
        ({"kind": "users", "mau": 0}, "change 2 (users), mau"),
        ({"kind": "users", "mau": 10, "colour": "red"}, "change 2 (users), colour"),
        ({"kind": "relocate", "to": "x", "member": "TM-1", "start": 5}, "start"),
        ({"kind": "fire", "who": "everyone"}, "change 2"),
    ],
)
def test_bad_changes_are_refused_naming_file_and_change(change, complaint):
    good = {"kind": "users", "mau": 10}
    with pytest.raises(QueryError) as e:
        plan_file.parse({"name": "p", "changes": [good, change]}, "plans/p.yaml")
    assert str(e.value).startswith("plans/p.yaml: ") and complaint in str(e.value)


def test_ordinary_plans_are_accepted():
    plan = plan_file.parse(
        {
            "name": "ok",
            "changes": [
                {"kind": "hire", "location": "berlin", "role": "swe-senior", "count": 100},
                {"kind": "users", "mau": 1, "at": "M1"},
                {"kind": "switch-provider", "from_provider": "a", "to_provider": "b"},
            ],
        }
    )
    assert [c.kind for c in plan.changes] == ["hire", "users", "switch-provider"]


@pytest.mark.parametrize(
    "data", [None, [], {"name": "x"}, {"name": "", "changes": [{"kind": "users", "mau": 1}]},
             {"name": "x", "changes": []}],
)  # fmt: skip
def test_plans_without_changes_or_name_are_refused(data):
    with pytest.raises(QueryError, match=r"^f\.yaml: "):
        plan_file.parse(data, "f.yaml")


def test_unreadable_and_malformed_files_name_the_file(tmp_path):
    with pytest.raises(QueryError, match="cannot read plan file"):
        plan_file.load(tmp_path / "missing.yaml")
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: [unclosed\n")
    with pytest.raises(QueryError, match=r"bad\.yaml: not valid YAML"):
        plan_file.load(bad)


def test_csv_has_one_row_per_figure_and_case():
    """A hand-made `--case all` answer: every milestone, total and change in each case."""
    import csv
    import io

    from vivim_graph.cli.plan_output import to_csv
    from vivim_graph.impact.common import ImpactReport

    def figures(base: int, change: int) -> dict:
        row = {}
        for case, factor in (("low", 9), ("mid", 10), ("high", 12)):
            infix = "" if case == "mid" else f"_{case}"
            b, c = base * factor, change * factor
            row |= {f"baseline{infix}_cents": b, f"change{infix}_cents": c,
                    f"scenario{infix}_cents": b + c}  # fmt: skip
        row["contributions"] = [
            {"step": 1, "change_cents": row["change_cents"],
             "change_low_cents": row["change_low_cents"],
             "change_high_cents": row["change_high_cents"]}
        ]  # fmt: skip
        return row

    report = ImpactReport("plan", "t", {"case": "all"})
    report.milestones = [{"milestone_code": "M1", **figures(100, 0)},
                         {"milestone_code": "M2", **figures(200, 7)}]  # fmt: skip
    report.totals = figures(300, 7)
    report.pools_over = [{"pool_code": "P", "cases": ["high"], "added_cents": None,
                          "added_high_cents": 84, "over_by_cents": 0,
                          "over_by_low_cents": 0, "over_by_high_cents": 5}]  # fmt: skip
    rows = list(csv.DictReader(io.StringIO(to_csv(report))))
    assert len(rows) == 3 * (3 * 2) + 1  # (2 milestones + total) x (figure + change) x 3 cases
    m2_high = next(r for r in rows if r["section"] == "milestone" and r["code"] == "M2"
                   and r["case"] == "high")  # fmt: skip
    assert (m2_high["baseline_cents"], m2_high["plan_cents"]) == ("2400", "2484")
    pool = [r for r in rows if r["section"] == "cost_pool_over"]
    assert [(r["case"], r["change_cents"], r["over_by_cents"]) for r in pool] == [
        ("high", "84", "5")
    ]
