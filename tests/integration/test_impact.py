"""Impact scenarios, checked against an independent computation in plain SQL.

Each scenario's figures are recomputed over the relational database: the unit cost from the
seed rows with NUMERIC arithmetic, and the scenario itself by applying the change inside a
transaction (a new team member with allocations, moved costs, repriced lines) and reading
the SQL views, then rolling back. The graph must agree to the cent, and stay unchanged.
"""

from __future__ import annotations

import json
from collections import Counter
from decimal import ROUND_HALF_UP, Decimal

import psycopg
import pytest

from tests.graph_helpers import graph_checksum
from tests.servers import cli_env
from tests.servers import run_cli as vg
from vivim_graph.errors import QueryError
from vivim_graph.impact import scenarios as impact
from vivim_graph.impact import store as scenario_store

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def baseline_checksum(seeded_graph):
    return graph_checksum(seeded_graph)


@pytest.fixture(scope="module")
def env(baseline_checksum, driver, seeded_db, neo4j_server):
    return cli_env(neo4j_server, seeded_db)


def cents(value: Decimal) -> int:
    return int((value * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


# --------------------------------------------------------------------------- SQL oracle
UNIT_COST_SQL = """
WITH start AS (SELECT planned_start_date AS day FROM milestones WHERE code = %(start)s),
sb AS (
    SELECT sb.* FROM salary_benchmarks sb
    JOIN roles r ON r.id = sb.role_id JOIN locations l ON l.id = sb.location_id
    WHERE r.code = %(role)s AND l.code = %(location)s
      AND sb.seniority = COALESCE(%(seniority)s, r.seniority)
    ORDER BY sb.year DESC LIMIT 1),
pay AS (SELECT sb.annual_mid * %(fte)s AS amount FROM sb),
oncost AS (
    SELECT COALESCE(SUM(COALESCE(f.employer_rate_pct, 0) / 100.0
             * GREATEST(0, LEAST(pay.amount, COALESCE(f.contribution_base_cap, pay.amount))
                           - COALESCE(f.contribution_base_floor, 0))
             + COALESCE(f.fixed_annual_amount, 0)), 0) AS amount,
           COALESCE(SUM(COALESCE(f.employer_rate_pct, 0) / 100.0
             * GREATEST(0, LEAST(pay.amount, COALESCE(f.contribution_base_cap, pay.amount))
                           - COALESCE(f.contribution_base_floor, 0)))
             FILTER (WHERE f.factor_type = 'social_security'), 0) AS social
    FROM sb CROSS JOIN pay JOIN employment_cost_factors f
      ON f.location_id = sb.location_id AND f.year = sb.year AND f.currency = sb.currency
     AND f.applies_to_loaded_cost),
relief AS (
    -- docs/cost-rules.md R-RELIEF: on the social-security contributions only
    SELECT COALESCE(SUM(LEAST(o.social * t.reduction_pct / 100, t.max_benefit_annual)), 0)
             AS amount
    FROM sb, oncost o, start, tax_incentives t
    WHERE t.location_id = sb.location_id AND t.beneficiary = 'employer'
      AND t.incentive_type = 'social_security_relief' AND t.is_active_2026
      AND t.reduction_pct IS NOT NULL AND t.max_benefit_annual IS NOT NULL
      AND t.currency = sb.currency
      AND (t.valid_from IS NULL OR t.valid_from <= start.day)
      AND (t.valid_to IS NULL OR t.valid_to >= start.day)),
fx AS (
    SELECT CASE WHEN sb.currency = 'EUR' THEN 1 ELSE (
             SELECT rate FROM fx_rates WHERE base_currency = sb.currency
               AND quote_currency = 'EUR' ORDER BY rate_date DESC LIMIT 1) END AS rate
    FROM sb)
SELECT ROUND(ROUND(pay.amount + o.amount - r.amount, 2) * fx.rate / 12, 2)
         AS monthly, sb.annual_mid
FROM sb, pay, oncost o, relief r, fx
"""

OWNER_MONTHS_SQL = """
WITH start AS (SELECT * FROM milestones WHERE code = %(start)s),
months AS (
    SELECT g AS month FROM start,
           generate_series(start.start_month, (SELECT max(end_month) FROM milestones)) g),
owner AS (
    SELECT DISTINCT ON (month) month, m.id, m.code
    FROM months JOIN milestones m
      ON m.start_month <= month AND month <= m.end_month
     AND m.sequence >= (SELECT sequence FROM start)
    ORDER BY month, m.sequence DESC)
SELECT id, code, min(month) AS first_month, max(month) AS last_month, count(*) AS months
FROM owner GROUP BY id, code ORDER BY min(month)
"""


def sql_unit_cost(cur, role, location, start, seniority=None, fte="1.00"):
    cur.execute(
        UNIT_COST_SQL,
        {
            "role": role,
            "location": location,
            "start": start,
            "seniority": seniority,
            "fte": Decimal(fte),
        },
    )
    row = cur.fetchone()
    return (cents(row[0]), cents(row[1])) if row else None


def milestone_totals(cur) -> dict[str, int]:
    cur.execute("SELECT milestone_code, total_cost_mid FROM v_milestone_cost_summary")
    return {code: cents(total) for code, total in cur.fetchall()}


def added_by_period(cur, monthly: int, first: int, last: int, category: str) -> dict[str, int]:
    """Cents added to each pool of the role category's team, by the months in its period."""
    cur.execute(
        """
        SELECT p.code, count(*) FROM generate_series(%(first)s::int, %(last)s::int) g
        JOIN budget_periods bp ON (DATE '2026-01-01' + make_interval(months => g - 1))::date
                                  BETWEEN bp.start_date AND bp.end_date
        JOIN cost_allocation_pools p ON p.budget_period_id = bp.id
        JOIN teams t ON t.id = p.owner_team_id
        JOIN role_categories rc ON rc.id = t.role_category_id AND rc.code = %(category)s
        GROUP BY p.code
        """,
        {"first": first, "last": last, "category": category},
    )
    return {pool: monthly * n for pool, n in cur.fetchall()}


def over_after(cur, added_by_pool: dict[str, int], category_code: str) -> tuple[set, set]:
    """Budget lines and pools over after adding the amounts (read from the SQL views)."""
    lines, pools = set(), set()
    cur.execute(
        "SELECT line_code, pool_code, budgeted, actual FROM v_budget_vs_actual "
        "WHERE category_code = %s",
        (category_code,),
    )
    for line, pool, budgeted, actual in cur.fetchall():
        if pool in added_by_pool and cents(actual) + added_by_pool[pool] > cents(budgeted):
            lines.add(line)
    cur.execute("SELECT pool_code, allocated, spent FROM v_cost_pool_utilization")
    for pool, allocated, spent in cur.fetchall():
        if pool in added_by_pool and cents(spent) + added_by_pool[pool] > cents(allocated):
            pools.add(pool)
    return lines, pools


# --------------------------------------------------------------------------- hire
def test_hire_two_seniors_in_malta_matches_sql(env, driver, seeded_db):
    report = impact.hire(driver, location="malta", role="swe-senior", count=2, start="M5")
    assert report.parameters["resolved_location"] == "MT-VLT"  # where the team already is
    with psycopg.connect(seeded_db) as conn, conn.cursor() as cur:
        unit, annual_mid = sql_unit_cost(cur, "swe-senior", "MT-VLT", "M5")
        assert report.totals["monthly_cost_per_hire_cents"] == unit
        monthly = 2 * unit
        baseline = milestone_totals(cur)
        cur.execute(OWNER_MONTHS_SQL, {"start": "M5"})
        owners = cur.fetchall()
        # the hire as rows: a member at 100 % on each milestone for the months it owns
        cur.execute(
            "INSERT INTO team_members (code, full_name, team_id, role_id, location_id, fte, "
            "start_date, monthly_cost) SELECT 'TM-HIRE', 'Two new seniors', t.id, r.id, l.id, "
            "1, DATE '2026-08-01', %s FROM teams t, roles r, locations l "
            "WHERE t.code = 'core-platform' AND r.code = 'swe-senior' AND l.code = 'MT-VLT' "
            "RETURNING id",
            (Decimal(monthly) / 100,),
        )
        member = cur.fetchone()[0]
        for milestone_id, _, first, last, _ in owners:
            cur.execute(
                "INSERT INTO milestone_team_allocations (milestone_id, team_member_id, "
                "allocation_pct, start_month, end_month, planned_monthly_cost) "
                "VALUES (%s, %s, 100, %s, %s, %s)",
                (milestone_id, member, first, last, Decimal(monthly) / 100),
            )
        scenario = milestone_totals(cur)
        added = added_by_period(cur, monthly, 8, 22, "engineering")
        lines_over, pools_over = over_after(cur, added, "LAB")
        conn.rollback()
    by_code = {m["milestone_code"]: m for m in report.milestones}
    for code, total in baseline.items():
        assert by_code[code]["baseline_cents"] == total
        assert by_code[code]["scenario_cents"] == scenario[code], code
    assert sum(scenario.values()) - sum(baseline.values()) == report.totals["change_cents"]
    assert report.totals["change_cents"] == monthly * 15 > 0  # months 8 to 22
    assert {m for m, r in by_code.items() if r["change_cents"]} == {o[1] for o in owners}
    # cost per user: the plan's total over the last milestone's users, in micros
    users = report.totals["final_target_users"]
    assert report.totals["scenario_cost_per_user_micros"] == int(
        (Decimal(sum(scenario.values())) * 10_000 / users).quantize(1, ROUND_HALF_UP)
    )
    assert {b["line_code"] for b in report.budgets_over} == lines_over
    assert {p["pool_code"] for p in report.pools_over} == pools_over
    assert lines_over, "two seniors on top of the plan push an engineering budget over"
    # Malta: templates exist, R-007 names Malta, the 15% regime needs more than the mid salary
    status = {(o["kind"], o["code"]): o["status"] for o in report.obligations}
    assert status[("contract_template", "CT-EMP-MT")] == "exists"
    assert status[("risk", "R-007")] == "watch"
    assert status[("tax_incentive", "MT-VLT-HSI-15")] == "not_eligible"
    assert annual_mid < 6_500_000  # the regime's minimum, €65,000
    # the same hire everywhere: each location's unit cost recomputed in SQL; the totals
    # (with the one-off and once-per-employer items) are checked in test_cost_rules
    with psycopg.connect(seeded_db) as conn, conn.cursor() as cur:
        for row in report.ranking:
            expected = sql_unit_cost(cur, "swe-senior", row["location_code"], "M5")
            assert row["monthly_cost_per_hire_cents"] == expected[0], row["location_code"]
    ranked = [r["total_cents"] for r in report.ranking]
    assert ranked == sorted(ranked) and len(ranked) == 8
    # every figure carries its path and source rows
    m5 = by_code["M5"]
    assert "SalaryBenchmark" in m5["path"] and "FOR_LOCATION" in m5["path"]
    assert {"table": "salary_benchmarks"}.items() <= m5["sources"][0].items()


def test_hire_in_a_country_without_a_template_costs_the_legal_work(driver, env, seeded_db):
    report = impact.hire(driver, location="berlin", role="ml-engineer-senior", start="M5")
    needed = [o for o in report.obligations if o["status"] == "needed"]
    with psycopg.connect(seeded_db) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT ROUND(AVG(drafting_cost), 2) FROM contract_templates "
            "WHERE contract_type = 'employment'"
        )
        mean = cents(cur.fetchone()[0])
        unit, _ = sql_unit_cost(cur, "ml-engineer-senior", "DE-BER", "M5")
    assert [o["one_off_cost_cents"] for o in needed] == [mean]
    assert report.totals["one_off_cents"] == mean
    assert report.totals["change_cents"] == unit * 15 + mean
    m5 = next(m for m in report.milestones if m["milestone_code"] == "M5")
    assert m5["change_cents"] == unit * 2 + mean  # M5 owns months 8-9, and the one-off


def test_hire_errors_name_what_is_wrong(driver, env):
    with pytest.raises(QueryError, match="no location matches 'atlantis'"):
        impact.hire(driver, location="atlantis", role="swe-senior")
    with pytest.raises(QueryError, match="Did you mean swe-senior"):
        impact.hire(driver, location="malta", role="swe-senor")
    with pytest.raises(QueryError, match=r"no contractor rate.*ml-engineer-senior.*MT-VLT"):
        impact.hire(
            driver, location="valletta", role="ml-engineer-senior", employment_type="contractor"
        )
    with pytest.raises(QueryError, match="--count must be at least 1"):
        impact.hire(driver, location="malta", role="swe-senior", count=0)
    with pytest.raises(QueryError, match="no milestone 'M42'"):
        impact.hire(driver, location="malta", role="swe-senior", start="M42")


# --------------------------------------------------------------------------- relocate
def test_relocation_matches_sql(driver, env, seeded_db):
    report = impact.relocate(driver, member="TM-005", to="berlin", start="M5")
    move = report.details["moves"][0]
    with psycopg.connect(seeded_db) as conn, conn.cursor() as cur:
        cur.execute(
            "SELECT r.code, tm.fte, tm.monthly_cost FROM team_members tm "
            "JOIN roles r ON r.id = tm.role_id WHERE tm.code = 'TM-005'"
        )
        role, fte, old = cur.fetchone()
        new, _ = sql_unit_cost(cur, role, "DE-BER", "M5", fte=str(fte))
        assert move["new_monthly_cost_cents"] == new
        assert move["monthly_change_cents"] == new - cents(old)
        baseline = milestone_totals(cur)
        cur.execute(
            "UPDATE milestone_team_allocations a SET planned_monthly_cost = %s "
            "FROM milestones m, team_members tm WHERE a.milestone_id = m.id "
            "AND a.team_member_id = tm.id AND tm.code = 'TM-005' AND m.sequence >= 5",
            (Decimal(new) / 100,),
        )
        scenario = milestone_totals(cur)
        cur.execute(
            "SELECT ROUND(AVG(drafting_cost), 2) FROM contract_templates "
            "WHERE contract_type = 'employment'"
        )
        one_off = cents(cur.fetchone()[0])  # no employment contract under German law yet
        conn.rollback()
    scenario["M5"] += one_off
    for m in report.milestones:
        assert m["baseline_cents"] == baseline[m["milestone_code"]]
        assert m["scenario_cents"] == scenario[m["milestone_code"]], m["milestone_code"]
    changed = {m["milestone_code"] for m in report.milestones if m["change_cents"]}
    assert changed == {"M5", "M7"}  # TM-005's allocations from M5 on
    assert report.totals["change_cents"] == sum(scenario.values()) - sum(baseline.values())


def test_relocating_a_team_or_nobody_is_explained(driver, env):
    with pytest.raises(QueryError, match="exactly one of --member or --team"):
        impact.relocate(driver, to="berlin")
    with pytest.raises(QueryError, match="no team member 'TM-999'"):
        impact.relocate(driver, member="TM-999", to="berlin")
    team = impact.relocate(driver, team="core-platform", to="catania", start="M6")
    moved = {m["member_code"] for m in team.details["moves"]}
    assert moved and all(m["location_code"] != "IT-CTA" for m in team.details["moves"])
    assert team.totals["monthly_change_cents"] == sum(
        m["monthly_change_cents"] for m in team.details["moves"]
    )


# --------------------------------------------------------------------------- node
def test_node_blast_radius_matches_foreign_keys(driver, env, seeded_db):
    report = impact.node(driver, label="Location", key="MT-VLT", depth=1)
    with psycopg.connect(seeded_db) as conn, conn.cursor() as cur:
        cur.execute(
            """
            SELECT c.conrelid::regclass::text, a.attname
            FROM pg_constraint c
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
            WHERE c.contype = 'f' AND c.confrelid = 'locations'::regclass
              AND array_length(c.conkey, 1) = 1
            """
        )
        expected: Counter[str] = Counter()
        for table, column in cur.fetchall():
            cur.execute(
                f'SELECT count(*) FROM "{table}" WHERE "{column}" = '  # names from the catalog
                "(SELECT id FROM locations WHERE code = 'MT-VLT')"
            )
            expected[table] += cur.fetchone()[0]
    got = Counter(d["sources"][0]["table"] for d in report.details["dependants"])
    assert got == +expected
    team = [d for d in report.details["dependants"] if d["label"] == "TeamMember"]
    assert team and all(d["cost_property"] == "monthly_cost_cents" for d in team)
    deeper = impact.node(driver, label="Location", key="MT-VLT", depth=2)
    assert deeper.totals["dependants"] > report.totals["dependants"]
    with pytest.raises(QueryError, match="Did you mean Location"):
        impact.node(driver, label="Locaton", key="MT-VLT")
    with pytest.raises(QueryError, match="no Location with code = 'XX-XXX'"):
        impact.node(driver, label="Location", key="XX-XXX")


# --------------------------------------------------------------------------- CLI
def test_cli_hire_acceptance_table_and_json(env):
    args = ["impact", "hire", "--location", "malta", "--role", "swe-senior", "--count", "2"]
    table = vg(env, *args, "--from", "M5")
    assert table.returncode == 0, table.stderr
    out = table.stdout
    for expected in (
        "M5 Social",
        "total (22 months)",
        "Cost per user over the plan",
        "Budget lines over",
        "Cost pools over",
        "CT-EMP-MT",
        "R-007",
        "The same hire in every location",
        "San Francisco",
    ):
        assert expected in out, expected
    as_json = vg(env, *args, "--from", "M5", "--format", "json")
    payload = json.loads(as_json.stdout)
    assert payload["totals"]["change_cents"] == sum(
        m["change_cents"] for m in payload["milestones"]
    )
    assert f"+€{payload['totals']['change_cents'] / 100:,.2f}" in out
    assert all(m["path"] and m["sources"] for m in payload["milestones"] if m["change_cents"])
    assert "impact/hire_unit_cost" in payload["cypher"]
    explained = vg(env, *args, "--explain")
    assert "salary_benchmarks #" in explained.stdout
    # the explanation names the rules of docs/cost-rules.md behind each figure
    assert "rules: R-SALARY" in explained.stdout and "R-POOL" in explained.stdout
    csv_out = vg(env, *args, "--format", "csv")
    assert csv_out.stdout.startswith("section,code,baseline_cents")
    bad = vg(env, "impact", "hire", "--location", "malta", "--role", "nobody")
    assert bad.returncode == 1 and "no role 'nobody'" in bad.stderr


def test_saved_scenarios_list_show_compare_delete(env, driver):
    for name, location in (("malta-2", "malta"), ("berlin-2", "berlin")):
        saved = vg(
            env, "impact", "hire", "--location", location, "--role", "swe-senior",
            "--count", "2", "--from", "M5", "--save", name, "--format", "json",
        )  # fmt: skip
        assert saved.returncode == 0, saved.stderr
        assert f"Saved scenario '{name}'" in saved.stderr
    links = driver.execute_query(
        "MATCH (s:Scenario {name: 'malta-2'})-[a:AFFECTS]->(n) "
        "RETURN labels(n)[0] AS label, count(*) AS n",
        database_="neo4j",
    ).records
    linked = {r["label"]: r["n"] for r in links}
    assert linked["Milestone"] == 6 and linked["Location"] == 1 and linked["Role"] == 1
    listed = vg(env, "scenario", "list", "--format", "json")
    names = [s["name"] for s in json.loads(listed.stdout)]
    assert {"malta-2", "berlin-2"} <= set(names)
    shown = json.loads(vg(env, "scenario", "show", "malta-2", "--format", "json").stdout)
    assert shown["parameters"]["resolved_location"] == "MT-VLT"
    compared = json.loads(
        vg(env, "scenario", "compare", "malta-2", "berlin-2", "--format", "json").stdout
    )
    total = compared["rows"][-1]
    assert total["milestone_code"] == "total" and total["b_minus_a_cents"] > 0  # Berlin costs more
    assert vg(env, "scenario", "delete", "berlin-2").returncode == 0
    gone = vg(env, "scenario", "show", "berlin-2")
    assert gone.returncode == 1 and "no saved scenario 'berlin-2'" in gone.stderr
    scenario_store.delete(driver, "malta-2")


def test_scenarios_left_the_baseline_graph_unchanged(env, driver, baseline_checksum):
    """Runs last: every scenario above ran, and some were saved and deleted."""
    assert graph_checksum(driver) == baseline_checksum
    leftovers = driver.execute_query(
        "MATCH (s:Scenario) RETURN count(s) AS n", database_="neo4j"
    ).records[0]["n"]
    assert leftovers == 0
