"""Plans: several impact changes computed together, read-only.

The expected figures come from the impact commands (themselves checked to the cent against
SQL in test_impact.py) and from the seed rows with the rules of docs/cost-rules.md (R-PLAN,
R-CASE), written again here in SQL and Decimal; nothing is taken from the plan's own code.
The replicated graph's checksum is the same after every test.
"""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest

from tests.graph_helpers import graph_checksum
from tests.integration.test_impact import UNIT_COST_SQL
from tests.servers import cli_env
from tests.servers import run_cli as vg
from vivim_graph.impact import scenarios as impact
from vivim_graph.impact.plan import run_plan
from vivim_graph.impact.plan_file import load, parse

pytestmark = pytest.mark.integration
ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "plans" / "examples"
VALLETTA_SENIOR = {"kind": "hire", "location": "MT-VLT", "role": "swe-senior", "start": "M5"}


def cents(value: Decimal) -> int:
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


@pytest.fixture(scope="module")
def baseline_checksum(seeded_graph):
    return graph_checksum(seeded_graph)


@pytest.fixture(autouse=True)
def graph_unchanged(baseline_checksum, seeded_graph):
    """Every plan test leaves the replicated graph exactly as imported."""
    yield
    assert graph_checksum(seeded_graph) == baseline_checksum


@pytest.fixture(scope="module")
def env(seeded_graph, seeded_db, neo4j_server):
    return cli_env(neo4j_server, seeded_db)


@pytest.fixture(scope="module")
def alone(seeded_graph):
    """Each impact answer once, by its parameters (the impact commands' library calls)."""
    cache: dict[str, impact.ImpactReport] = {}

    def get(kind: str, **params) -> impact.ImpactReport:
        key = json.dumps([kind, params], sort_keys=True)
        if key not in cache:
            cache[key] = impact.run_impact(seeded_graph, kind, params)
        return cache[key]

    return get


def plan_of(*changes: dict) -> object:
    return parse({"name": "test", "changes": list(changes)})


def by_milestone(report) -> dict[str, int]:
    return {m["milestone_code"]: m["change_cents"] for m in report.milestones}


def over(rows, key: str) -> dict[str, int]:
    return {r[key]: r["over_by_cents"] for r in rows}


# --------------------------------------------------------------------------- one change
ONE_CHANGE = [
    ("hire", {"kind": "hire", "location": "malta", "role": "swe-senior", "count": 2,
              "start": "M5"}),
    ("hire", {"kind": "contractor", "location": "berlin", "role": "swe-senior", "start": "M6"}),
    ("relocate", {"kind": "relocate", "member": "TM-012", "to": "catania", "start": "M5"}),
    ("switch_provider", {"kind": "switch-provider", "from_provider": "hetzner",
                         "to_provider": "ovhcloud", "service": "gpu"}),
    ("users", {"kind": "users", "mau": 50000, "at": "M7"}),
]  # fmt: skip


@pytest.mark.parametrize(("scenario", "change"), ONE_CHANGE, ids=[c["kind"] for _, c in ONE_CHANGE])
def test_a_plan_of_one_change_is_the_impact_answer_to_the_cent(
    seeded_graph, alone, scenario, change
):
    params = {k: v for k, v in change.items() if k != "kind"}
    if change["kind"] == "contractor":
        params["employment_type"] = "contractor"
    expected = alone(scenario, **params)
    got = run_plan(seeded_graph, plan_of(change))
    assert by_milestone(got) == by_milestone(expected)
    for key in ("baseline_cents", "change_cents", "scenario_cents",
                "scenario_cost_per_user_micros"):  # fmt: skip
        assert got.totals[key] == expected.totals[key], key
    assert over(got.budgets_over, "line_code") == over(expected.budgets_over, "line_code")
    assert over(got.pools_over, "pool_code") == over(expected.pools_over, "pool_code")
    assert {o["code"] for o in got.obligations} == {o["code"] for o in expected.obligations}
    assert got.details["steps"][0]["alone_change_cents"] == expected.totals["change_cents"]


def test_plan_run_json_is_the_impact_command_json(env):
    """Through the CLI: `plan run` of the README's hire equals `impact hire` to the cent."""
    done = vg(env, "impact", "hire", "--location", "malta", "--role", "swe-senior", "--count",
              "2", "--from", "M5", "--format", "json")  # fmt: skip
    assert done.returncode == 0, done.stderr
    hire = json.loads(done.stdout)
    path = ROOT / "tests" / "integration" / "_one_hire.yaml"
    path.write_text(
        "name: one\nchanges:\n  - {kind: hire, location: malta, role: swe-senior, count: 2, "
        "start: M5}\n"
    )
    try:
        done = vg(env, "plan", "run", str(path), "--format", "json")
    finally:
        path.unlink()
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    assert [m["change_cents"] for m in got["milestones"]] == [
        m["change_cents"] for m in hire["milestones"]
    ]
    assert got["totals"]["scenario_cents"] == hire["totals"]["scenario_cents"]
    assert got["provenance"] and got["cypher"], "the JSON carries its provenance"
    tables = {p["source_table"] for p in got["provenance"]}
    assert {"salary_benchmarks", "employment_cost_factors", "cost_allocation_rules"} <= tables


# --------------------------------------------------------------------------- two hires
def test_two_hires_sharing_no_capped_item_are_the_sum(seeded_graph, alone):
    """A Valletta engineer (core-platform: ENG pools) and a Palermo designer (product-design:
    PRODUCT pools) share no line, pool or once-per-employer item: the plan is the sum."""
    designer = {"kind": "hire", "location": "IT-PMO", "role": "designer-mid", "start": "M5"}
    got = run_plan(seeded_graph, plan_of(VALLETTA_SENIOR, designer))
    a = alone("hire", location="MT-VLT", role="swe-senior", start="M5")
    b = alone("hire", location="IT-PMO", role="designer-mid", start="M5")
    for code, change in by_milestone(got).items():
        assert change == by_milestone(a)[code] + by_milestone(b)[code], code
    assert got.totals["change_cents"] == a.totals["change_cents"] + b.totals["change_cents"]
    for section, key in (("budgets_over", "line_code"), ("pools_over", "pool_code")):
        expected = over(getattr(a, section), key) | over(getattr(b, section), key)
        assert over(getattr(got, section), key) == expected


def _pool_headroom(seeded, pool: str) -> tuple[int, int]:
    """(allocated, spent) of a pool from the SQL view (R-OVER)."""
    row = seeded.execute(
        "SELECT allocated, spent FROM v_cost_pool_utilization WHERE pool_code = %s", (pool,)
    ).fetchone()
    return cents(row[0]), cents(row[1])


def test_two_hires_on_one_pool_go_over_together_where_neither_does_alone(
    seeded_graph, seeded, alone
):
    """R-PLAN-OVER: two Valletta engineers from M5 as two changes. Their costs add up (no
    capped cost item in Malta), but ENG-2026-Q4 (core-platform's pool for October-December
    2026, 100 % by rule AR-PPL-CORE) has room for one engineer's three months, not two."""
    cur = seeded.cursor()
    cur.execute(UNIT_COST_SQL, {"role": "swe-senior", "location": "MT-VLT", "start": "M5",
                                "seniority": None, "fte": Decimal("1.00")})  # fmt: skip
    monthly = cents(cur.fetchone()[0])
    pct = seeded.execute(
        "SELECT r.allocation_pct FROM cost_allocation_rules r JOIN teams t ON t.id = r.team_id "
        "WHERE t.code = 'core-platform' AND r.is_active AND r.source_module = 'people'"
    ).fetchone()[0]
    q4_months = 3  # 2026-Q4 = project months 10-12, all after M5's start (month 8)
    added_one = cents(Decimal(monthly * q4_months) * pct / 100 / 100)
    allocated, spent = _pool_headroom(seeded, "ENG-2026-Q4")
    assert spent + added_one <= allocated < spent + 2 * added_one  # the data make the case

    one = alone("hire", location="MT-VLT", role="swe-senior", start="M5")
    got = run_plan(seeded_graph, plan_of(VALLETTA_SENIOR, VALLETTA_SENIOR))
    assert "ENG-2026-Q4" not in over(one.pools_over, "pool_code")
    assert over(got.pools_over, "pool_code")["ENG-2026-Q4"] == spent + 2 * added_one - allocated
    assert got.totals["change_cents"] == 2 * one.totals["change_cents"]  # costs still add up


def test_two_london_hires_share_the_employment_allowance(seeded_graph, seeded, alone, env):
    """R-PLAN-EMPLOYER: the UK Employment Allowance is capped once per employer. Alone, each
    London engineer's NIC (15 % over the secondary threshold) uses the whole cap; in the plan
    the second finds it used, so the plan costs the credit of one more than the sum, less
    the UK employment contract, drafted once (R-PLAN-ONCE) where the sum drafts it twice."""
    (cap,) = seeded.execute(
        "SELECT max_benefit_annual FROM tax_incentives WHERE code = 'GB-LON-EMPLOYMENT-ALLOWANCE'"
    ).fetchone()
    (fx,) = seeded.execute(
        "SELECT rate FROM fx_rates WHERE base_currency = 'GBP' AND quote_currency = 'EUR' "
        "ORDER BY rate_date DESC LIMIT 1"
    ).fetchone()
    (pay,) = seeded.execute(
        "SELECT sb.annual_mid FROM salary_benchmarks sb JOIN roles r ON r.id = sb.role_id "
        "JOIN locations l ON l.id = sb.location_id WHERE r.code = 'swe-senior' "
        "AND l.code = 'GB-LON' AND sb.seniority = r.seniority ORDER BY sb.year DESC LIMIT 1"
    ).fetchone()
    rate, floor = seeded.execute(
        "SELECT employer_rate_pct, contribution_base_floor FROM employment_cost_factors "
        "WHERE factor_code = 'UK-NIC-SECONDARY'"
    ).fetchone()
    assert rate / 100 * (pay - floor) >= cap  # one hire's NIC covers the whole allowance
    months = seeded.execute(
        "SELECT (SELECT max(end_month) FROM milestones) - start_month + 1 FROM milestones "
        "WHERE code = 'M5'"
    ).fetchone()[0]
    credit_monthly = cents(cap * fx / 12)
    # R-ONE-OFF: no UK employment template; drafting one costs the mean of the others, and
    # R-PLAN-ONCE drafts it once, for the first hire
    assert not seeded.execute(
        "SELECT 1 FROM contract_templates WHERE contract_type = 'employment' "
        "AND governing_law = 'United Kingdom'"
    ).fetchone()
    drafting = cents(
        seeded.execute(
            "SELECT avg(drafting_cost) FROM contract_templates WHERE contract_type = 'employment'"
        ).fetchone()[0]
    )

    one = alone("hire", location="london", role="swe-senior", start="M5")
    assert one.details["employer_items"][0]["monthly_eur_cents"] == -credit_monthly
    done = vg(env, "plan", "run", str(EXAMPLES / "london-pair.yaml"), "--format", "json")
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    extra = credit_monthly * months - drafting
    assert got["totals"]["change_cents"] == 2 * one.totals["change_cents"] + extra
    second = got["details"]["steps"][1]
    assert second["alone_change_cents"] == one.totals["change_cents"]
    assert second["change_cents"] == one.totals["change_cents"] + extra
    assert [i["rule"] for i in second["interactions"]] == ["R-PLAN-ONCE", "R-PLAN-EMPLOYER"]
    assert got["details"]["steps"][0]["interactions"] == []


# --------------------------------------------------------------------------- cases
RANGED = ("baseline_cents", "change_cents", "scenario_cents", "baseline_cost_per_user_micros",
          "scenario_cost_per_user_micros", "alone_change_cents")  # fmt: skip


def _ordered(row: dict, where: str) -> int:
    checked = 0
    for key in RANGED:
        if key in row and row[key] is not None:
            stem, unit = key.rsplit("_", 1)
            low, high = row[f"{stem}_low_{unit}"], row[f"{stem}_high_{unit}"]
            assert low <= row[key] <= high, (where, key, low, row[key], high)
            checked += 1
    for c in row.get("contributions", []):
        assert c["change_low_cents"] <= c["change_cents"] <= c["change_high_cents"], where
        checked += 1
    return checked


@pytest.fixture(scope="module")
def growth_all(env):
    """The issue's question, every case, through the CLI, saved as `growth`."""
    done = vg(env, "plan", "run", str(EXAMPLES / "malta-growth.yaml"), "--case", "all",
              "--format", "json", "--save", "growth")  # fmt: skip
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_low_mid_high_are_ordered_for_every_figure(growth_all, seeded):
    checked = sum(_ordered(m, m["milestone_code"]) for m in growth_all["milestones"])
    checked += _ordered(growth_all["totals"], "total")
    checked += sum(_ordered(s, f"change {s['step']}") for s in growth_all["details"]["steps"])
    assert checked > 50
    for row in growth_all["budgets_over"] + growth_all["pools_over"]:
        assert row["over_by_low_cents"] <= row["over_by_cents"] <= row["over_by_high_cents"]
    t = growth_all["totals"]
    assert t["scenario_low_cents"] < t["scenario_cents"] < t["scenario_high_cents"]


def test_the_low_case_uses_the_benchmark_low(growth_all, seeded):
    """R-CASE: the hire's low case is R-SALARY...R-FX on annual_low (SQL, as test_impact)."""
    cur = seeded.cursor()
    for case, column in (("low", "annual_low"), ("high", "annual_high")):
        cur.execute(UNIT_COST_SQL.replace("sb.annual_mid * ", f"sb.{column} * "),
                    {"role": "swe-senior", "location": "MT-VLT", "start": "M5",
                     "seniority": None, "fte": Decimal("1.00")})  # fmt: skip
        monthly = cents(cur.fetchone()[0])
        step = growth_all["details"]["steps"][0]
        assert step[f"change_{case}_cents"] == 2 * monthly * 15, case  # 2 hires, months 8-22
    other = {r[0]: (cents(r[1]), cents(r[2]), cents(r[3])) for r in seeded.execute(
        "SELECT m.code, sum(c.cost_low), sum(c.cost_mid), sum(c.cost_high) FROM milestones m "
        "JOIN milestone_costs c ON c.milestone_id = m.id GROUP BY m.code")}  # fmt: skip
    for m in growth_all["milestones"]:
        low, mid, high = other[m["milestone_code"]]
        assert m["baseline_low_cents"] == m["baseline_cents"] - mid + low
        assert m["baseline_high_cents"] == m["baseline_cents"] - mid + high


# --------------------------------------------------------------------------- saved, compare
def test_saved_plan_is_a_scenario_with_ordered_steps(growth_all, env, driver):
    records, _, _ = driver.execute_query(
        "MATCH (s:Scenario {name: 'growth'})-[h:HAS_STEP]->(p:PlanStep) "
        "OPTIONAL MATCH (p)-[a:AFFECTS]->(n) "
        "RETURN p.step AS step, p.kind AS kind, h.step AS h, collect(labels(n)[0]) AS labels "
        "ORDER BY step"
    )
    steps = [r.data() for r in records]
    assert [s["kind"] for s in steps] == ["hire", "relocate", "switch-provider", "users"]
    assert [s["step"] for s in steps] == [s["h"] for s in steps] == [1, 2, 3, 4]
    assert {"Location", "Role", "Milestone"} <= set(steps[0]["labels"])
    assert "TeamMember" in steps[1]["labels"] and "CloudProvider" in steps[2]["labels"]
    listed = vg(env, "scenario", "list", "--format", "json")
    assert any(s["name"] == "growth" and s["kind"] == "plan" for s in json.loads(listed.stdout))
    shown = vg(env, "scenario", "show", "growth", "--format", "json")
    assert (
        json.loads(shown.stdout)["totals"]["change_cents"] == growth_all["totals"]["change_cents"]
    )


def test_compare_plans_side_by_side(growth_all, env, seeded_graph):
    """A saved plan against a file: the contractors cost more, and what goes over differs."""
    contractors = EXAMPLES / "malta-contractors.yaml"
    done = vg(env, "plan", "compare", "growth", str(contractors), "--format", "json")
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["plans"] == ["growth", "malta-contractors"]
    total = result["milestones"][-1]
    assert total["growth"]["change_cents"] == growth_all["totals"]["change_cents"]
    rerun = run_plan(seeded_graph, load(contractors))
    assert total["malta-contractors"]["change_cents"] == rerun.totals["change_cents"]
    assert rerun.totals["change_cents"] > growth_all["totals"]["change_cents"]
    expected_g = {r["pool_code"] for r in growth_all["pools_over"] if r["over_by_cents"] > 0}
    expected_c = {r["pool_code"] for r in rerun.pools_over}
    pools = {e["code"]: e for e in result["over"] if e["kind"] == "cost pool"}
    assert set(pools) == expected_g | expected_c
    for code, e in pools.items():
        assert e["differs"] == ((code in expected_g) != (code in expected_c)), code
    table = vg(env, "plan", "compare", "growth", str(contractors))
    assert "malta-contractors" in table.stdout and table.returncode == 0


def test_compare_refuses_one_plan_and_single_scenarios(env, growth_all):
    done = vg(env, "plan", "compare", "growth")
    assert done.returncode == 1 and "at least two" in done.stderr
    done = vg(env, "plan", "compare", "growth", "no-such-plan")
    assert done.returncode == 1 and "no saved scenario 'no-such-plan'" in done.stderr


def test_bad_plan_file_is_refused_naming_the_change(env, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("name: bad\nchanges:\n  - {kind: hire, location: malta, role: nobody}\n")
    done = vg(env, "plan", "run", str(bad))
    assert done.returncode == 1
    assert "change 1 (hire): no role 'nobody'" in done.stderr


def test_report_with_a_plan_has_its_chart_and_table(env, growth_all, tmp_path):
    import struct

    done = vg(env, "report", "--out", str(tmp_path), "--plan", "growth")
    assert done.returncode == 0, done.stderr
    png = tmp_path / "plan_growth.png"
    header = png.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", header[16:24])
    assert (width, height) == (990, 495)  # 9 x 4.5 inches at 110 dpi
    assert png.stat().st_size > 20_000  # lines, a band and labels, not an empty canvas
    page = (tmp_path / "report.html").read_text()
    assert '<img alt="plan growth" src="data:image/png;base64,' in page
    assert '<table class="plan-over">' in page
    for row in growth_all["budgets_over"]:
        assert f"<td>{row['line_code']}</td>" in page
    for row in growth_all["pools_over"]:
        assert f"<td>{row['pool_code']}</td>" in page
    data = json.loads((tmp_path / "report.json").read_text())["plans"]["growth"]
    cumulative = 0
    for m, value in zip(growth_all["milestones"], data["plan_cumulative_low_cents"], strict=True):
        cumulative += m["scenario_low_cents"]
        assert value == cumulative
    refused = vg(env, "report", "--out", str(tmp_path / "x"), "--plan", "no-such-plan")
    assert refused.returncode == 1 and not (tmp_path / "x").exists()


def test_deleting_a_saved_plan_removes_its_steps(env, driver, growth_all):
    done = vg(env, "scenario", "delete", "growth")
    assert done.returncode == 0, done.stderr
    records, _, _ = driver.execute_query(
        "OPTIONAL MATCH (s:Scenario {name: 'growth'}) OPTIONAL MATCH (p:PlanStep {plan: 'growth'}) "
        "RETURN count(s) AS s, count(p) AS p"
    )
    assert records[0]["s"] == 0 and records[0]["p"] == 0


# --------------------------------------------------------------------------- MCP
def test_mcp_impact_plan_has_the_file_schema_and_the_cli_answer(seeded_graph, env, tmp_path):
    import asyncio

    from vivim_graph.agents import server, tools
    from vivim_graph.model.spec import load_model

    srv = server.build_server(tools.Graph(seeded_graph, load_model()))
    listed = {t.name: t for t in asyncio.run(srv.list_tools())}
    schema = listed["impact_plan"].input_schema
    published = json.loads((ROOT / "plans" / "plan.schema.json").read_text())
    assert schema["$defs"] == published["$defs"]
    assert schema["properties"]["changes"] == published["properties"]["changes"]
    assert set(schema["required"]) == set(published["required"])

    changes = [{"kind": "users", "mau": 250000}, {"kind": "users", "mau": 60000, "at": "M6"}]
    result = asyncio.run(srv.call_tool("impact_plan", {"name": "mcp", "changes": changes}))
    answer = result.structured_content if hasattr(result, "structured_content") else result[1]
    path = tmp_path / "mcp.yaml"
    path.write_text(json.dumps({"name": "mcp", "changes": changes}))
    done = vg(env, "plan", "run", str(path), "--format", "json")
    assert done.returncode == 0, done.stderr
    cli = json.loads(done.stdout)
    for key in ("milestones", "totals", "budgets_over", "pools_over", "obligations"):
        assert answer[key] == cli[key], key
    assert answer["provenance"] == cli["provenance"] and answer["provenance"]
    assert {c["cypher"] for c in answer["cypher"]} == {c["cypher"] for c in cli["cypher"]}
