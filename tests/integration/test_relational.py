"""The relational cost database (seeds/): loads cleanly, is complete, and keeps its rules."""

from __future__ import annotations

import shutil
import subprocess
from decimal import Decimal
from pathlib import Path

import psycopg
import pytest

from vivim_graph.errors import SeedLoadError
from vivim_graph.sources.relational import MODULES, load_seeds, mermaid_er, read_catalog, seed_files

pytestmark = pytest.mark.integration

# The specification's Cost Model Summary: a contract the view must reproduce to the cent.
SPEC_SUMMARY = [
    ("M1", "Foundation", "Months 1-3", 500, "500", "90600.00", "0.08"),
    ("M2", "ACU", "Months 3-5", 2500, "2,500", "74555.00", "0.028"),
    ("M3", "Compose", "Months 5-7", 10000, "10,000", "121830.00", "0.019"),
    ("M4", "Context", "Months 6-9", 25000, "25,000", "188300.00", "0.022"),
    ("M5", "Social", "Months 8-11", 50000, "50,000", "232000.00", "0.023"),
    ("M6", "Consent", "Months 10-13", 75000, "75,000", "192200.00", "0.005"),
    ("M7", "Scale", "Months 12-15", 100000, "100,000", "314000.00", "0.075"),
    ("M8", "Training", "Months 14-17", 100000, "100,000", "356000.00", "0.12"),
    ("M9", "Revenue", "Months 17-20", 100000, "100,000", "158800.00", "-0.31"),
    ("M10", "Dividend", "Months 20-22", 100000, "100,000+", "166400.00", "-0.26"),
]
SPEC_VIEWS = [
    "v_labor_costs_by_milestone",
    "v_infrastructure_cost_summary",
    "v_milestone_cost_summary",
    "v_unit_economics_trajectory",
    "v_cost_per_user_trajectory",
    "v_risk_dashboard",
    "v_cost_pool_utilization",
    "v_budget_vs_actual",
    "v_resource_utilization_by_team",
    "v_labor_cost_attribution",
    "v_infrastructure_cost_attribution",
    "v_operations_kpi_dashboard",
]


def psql_binary() -> str:
    found = shutil.which("psql")
    if found:
        return found
    import pgserver

    return str(Path(pgserver.__file__).parent / "pginstall" / "bin" / "psql")


def test_psql_loads_every_file_in_order_with_on_error_stop(scratch_db: str):
    files = seed_files()
    assert [f.parent.name for f in files].count("schemas") == 14
    assert [f.parent.name for f in files].count("seed_data") == 10
    for path in files:
        result = subprocess.run(
            [psql_binary(), "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", scratch_db, "-f", str(path)],
            capture_output=True,
            text=True,
            check=False,
        )
        assert result.returncode == 0, f"{path.name}: {result.stderr}"
        assert "ERROR" not in result.stderr


def test_every_table_has_rows_and_every_module_is_present(seeded):
    catalog = read_catalog(seeded)
    empty = [t.name for t in catalog.tables if t.rows == 0]
    assert not empty, f"tables without rows: {empty}"
    assert {t.module for t in catalog.tables} == set(MODULES)
    assert not [t.name for t in catalog.tables if t.module == "unknown"]
    assert len(catalog.tables) >= 140


def test_every_view_returns_rows(seeded):
    catalog = read_catalog(seeded)
    names = {v.name for v in catalog.views}
    assert set(SPEC_VIEWS) <= names, f"missing: {set(SPEC_VIEWS) - names}"
    assert not [v.name for v in catalog.views if v.rows == 0]
    assert {v.module for v in catalog.views} == set(MODULES), "every module has a view"


def test_specified_tables_are_substantial(seeded):
    def one(sql: str) -> int:
        return seeded.execute(sql).fetchone()[0]

    assert one("SELECT count(*) FROM locations") >= 8
    assert one("SELECT count(*) FROM roles") >= 20
    pairs = one("SELECT count(DISTINCT (role_id, location_id)) FROM salary_benchmarks")
    assert pairs == one("SELECT count(*) FROM roles") * one("SELECT count(*) FROM locations")
    assert (
        one(
            "SELECT count(*) FROM user_scale_thresholds t WHERE NOT EXISTS "
            "(SELECT 1 FROM infrastructure_cost_models m WHERE m.user_scale_threshold_id = t.id)"
        )
        == 0
    )
    assert one("SELECT max(user_count) FROM user_scale_thresholds") == 1_000_000
    codes = {r[0] for r in seeded.execute("SELECT code FROM compliance_frameworks")}
    assert {"GDPR", "SOC2", "EU-AI-ACT", "MICA"} <= codes
    assert {r[0] for r in seeded.execute("SELECT symbol FROM token_registry")} >= {"VGT", "VWT"}
    policy = seeded.execute(
        "SELECT user_share_pct, platform_share_pct FROM dividend_policies WHERE code IN "
        "(SELECT code FROM dividend_policies ORDER BY created_at, id LIMIT 1)"
    ).fetchone()
    assert policy == (Decimal("70.00"), Decimal("30.00"))


def test_every_foreign_key_holds(seeded):
    assert (
        seeded.execute(
            "SELECT count(*) FROM pg_constraint WHERE contype = 'f' AND NOT convalidated"
        ).fetchone()[0]
        == 0
    )
    catalog = read_catalog(seeded, count_rows=False)
    assert len(catalog.foreign_keys) > 150
    for fk in catalog.foreign_keys:
        pairs = zip(fk.columns, fk.ref_columns, strict=True)
        on = " AND ".join(f't."{r}" = s."{c}"' for c, r in pairs)
        not_null = " AND ".join(f's."{c}" IS NOT NULL' for c in fk.columns)
        dangling = seeded.execute(
            f'SELECT count(*) FROM "{fk.table}" s WHERE {not_null} AND NOT EXISTS '
            f'(SELECT 1 FROM "{fk.ref_table}" t WHERE {on})'
        ).fetchone()[0]
        assert dangling == 0, f"{fk.table}.{fk.columns} -> {fk.ref_table}"


def test_milestone_cost_summary_reproduces_the_specification_to_the_cent(seeded):
    rows = seeded.execute(
        "SELECT milestone_code, milestone_name, timeline, target_users, users_label, "
        "total_cost_mid, cost_per_user, cumulative_cost_mid FROM v_milestone_cost_summary"
    ).fetchall()
    got = [(c, n, t, u, ul, tot, cpu) for c, n, t, u, ul, tot, cpu, _ in rows]
    expected = [
        (c, n, t, u, ul, Decimal(tot), Decimal(cpu)) for c, n, t, u, ul, tot, cpu in SPEC_SUMMARY
    ]
    assert got == expected
    assert rows[-1][7] == Decimal("1894685.00")
    assert sum(r[5] for r in rows) == Decimal("1894685.00")


def test_summary_is_computed_from_detail_rows_not_typed(
    seeded_db: str, scratch_db: str, seed_copies
):
    """Change one detail row and the view's total moves by exactly that amount."""
    seed_copies.fill(scratch_db)
    with psycopg.connect(scratch_db, autocommit=True) as conn:
        before = conn.execute(
            "SELECT total_cost_mid FROM v_milestone_cost_summary WHERE milestone_code = 'M3'"
        ).fetchone()[0]
        conn.execute(
            "UPDATE milestone_costs SET cost_mid = cost_mid + 12.34, cost_high = cost_high + 12.34 "
            "WHERE id = (SELECT mc.id FROM milestone_costs mc JOIN milestones m "
            "ON m.id = mc.milestone_id WHERE m.code = 'M3' ORDER BY mc.id LIMIT 1)"
        )
        after = conn.execute(
            "SELECT total_cost_mid FROM v_milestone_cost_summary WHERE milestone_code = 'M3'"
        ).fetchone()[0]
    assert after - before == Decimal("12.34")


@pytest.mark.parametrize(
    ("case", "statement"),
    [
        (
            "negative salary",
            "UPDATE salary_benchmarks SET annual_low = -1 WHERE id = (SELECT min(id) FROM "
            "salary_benchmarks)",
        ),
        (
            "mid above high",
            "UPDATE salary_benchmarks SET annual_mid = annual_high + 1 WHERE id = "
            "(SELECT min(id) FROM salary_benchmarks)",
        ),
        (
            "unknown location",
            "UPDATE team_members SET location_id = 987654321 WHERE id = (SELECT min(id) FROM "
            "team_members)",
        ),
        (
            "allocation over 100 %",
            "UPDATE milestone_team_allocations SET allocation_pct = 120 WHERE id = "
            "(SELECT min(id) FROM milestone_team_allocations)",
        ),
    ],
)
def test_rows_that_break_a_rule_are_refused(seeded, case, statement):
    with pytest.raises(psycopg.errors.IntegrityError), seeded.transaction():
        seeded.execute(statement)


def test_a_failing_file_names_file_and_line_and_loads_nothing(scratch_db: str, tmp_path):
    files = seed_files()
    broken = tmp_path / "01_seed_locations.sql"
    original = next(f for f in files if f.name == "01_seed_locations.sql")
    lines = original.read_text().splitlines()
    lines.insert(3, "INSERT INTO locations (code) VALUES ('XX-BAD');")  # misses NOT NULLs
    broken.write_text("\n".join(lines))
    files = [broken if f == original else f for f in files]
    with pytest.raises(SeedLoadError) as caught:
        load_seeds(scratch_db, files=files)
    assert caught.value.line == 4
    assert "01_seed_locations.sql:4" in str(caught.value)
    assert "null value" in str(caught.value)
    with psycopg.connect(scratch_db) as conn:
        assert conn.execute("SELECT to_regclass('public.locations')").fetchone()[0] is None


def test_describe_and_mermaid_come_from_the_live_catalog(seeded):
    catalog = read_catalog(seeded)
    modules = catalog.by_module()
    assert list(modules) == list(MODULES)
    people_tables = {t.name for t in modules["people"][0]}
    assert {"locations", "roles", "salary_benchmarks", "team_members"} <= people_tables
    diagram = mermaid_er(catalog)
    assert diagram.startswith("erDiagram")
    assert 'locations ||--o{ team_members : "location_id"' in diagram


def test_db_load_and_describe_commands(scratch_db: str, tmp_path):
    from functools import partial

    from tests.servers import TEST_STATE_DIR, run_cli

    env = {
        **__import__("os").environ,
        "DATABASE_URL": scratch_db,
        "VIVIM_STATE_DIR": str(TEST_STATE_DIR),
    }
    run = partial(run_cli, env)
    first = run("db", "load")
    assert first.returncode == 0, first.stderr
    assert "Loaded 25 files" in first.stdout
    again = run("db", "load")
    assert again.returncode == 1 and "--reset" in again.stderr
    reset = run("db", "load", "--reset")
    assert reset.returncode == 0, reset.stderr
    described = run("db", "describe")
    assert described.returncode == 0, described.stderr
    for module in MODULES:
        assert f"{module}:" in described.stdout
    assert (
        "salary_benchmarks" in described.stdout and "v_milestone_cost_summary" in described.stdout
    )
    mermaid_file = tmp_path / "er.md"
    assert run("db", "describe", "--mermaid", str(mermaid_file)).returncode == 0
    assert mermaid_file.read_text().startswith("erDiagram")
