"""The graph model and the seed import: every table in the graph, exact, idempotent."""

from __future__ import annotations

import os
from decimal import Decimal

import psycopg
import pytest

from tests.graph_helpers import graph_checksum
from tests.servers import cli_env, run_cli
from vivim_graph.errors import RowValidationError
from vivim_graph.load.check import check_graph
from vivim_graph.load.importer import import_graph
from vivim_graph.model.spec import load_model
from vivim_graph.sources.relational import load_seeds, read_catalog

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def imported(driver, seeded_db):
    driver.execute_query(
        "MATCH (n) WHERE NOT n:VivimTestSession DETACH DELETE n", database_="neo4j"
    )
    with psycopg.connect(seeded_db) as conn:
        summary = import_graph(driver, conn, load_model())
    return summary


def count(driver, query: str, **params) -> int:
    records, _, _ = driver.execute_query(query, database_="neo4j", **params)
    return records[0][0]


def test_every_table_of_the_catalog_is_in_the_graph(imported, driver, seeded):
    """Expected tables come from PostgreSQL's catalog, not from the model."""
    catalog = read_catalog(seeded)
    missing = []
    for table in catalog.tables:
        nodes = count(driver, "MATCH (n) WHERE n._source_table = $t RETURN count(n)", t=table.name)
        rels = count(
            driver,
            "MATCH ()-[r]->() WHERE r._source_table = $t "
            "AND r._source_key IS NOT NULL RETURN count(r)",
            t=table.name,
        )
        if table.rows not in (nodes, rels):
            missing.append(f"{table.name}: {table.rows} rows, {nodes} nodes, {rels} rels")
    assert not missing, missing
    assert len(catalog.tables) == len(load_model().tables)


def test_check_passes_and_the_cli_says_so(imported, driver, seeded, neo4j_server, seeded_db):
    report = check_graph(driver, seeded, load_model())
    assert report.ok, report.mismatches
    assert report.labels_checked == len(load_model().nodes)
    result = run_cli(cli_env(neo4j_server, seeded_db), "check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "check passed" in result.stdout


def test_check_finds_a_missing_node_and_an_orphan(imported, driver, seeded):
    driver.execute_query(
        "MATCH (n:Skill) WITH n ORDER BY n.id LIMIT 1 SET n:SkillAside REMOVE n:Skill",
        database_="neo4j",
    )
    driver.execute_query("CREATE (:Skill {id: -1, _source_table: 'skills'})", database_="neo4j")
    try:
        report = check_graph(driver, seeded, load_model())
        skill = [m for m in report.mismatches if m.name == "Skill"]
        assert skill and skill[0].orphans == [-1] and len(skill[0].missing) == 1
        assert skill[0].rows == skill[0].graph  # equal counts: only keys reveal it
    finally:
        driver.execute_query("MATCH (n:Skill {id: -1}) DELETE n", database_="neo4j")
        driver.execute_query(
            "MATCH (n:SkillAside) SET n:Skill REMOVE n:SkillAside", database_="neo4j"
        )


def test_check_counts_a_missing_foreign_key_and_join_relationship(imported, driver, seeded):
    """One BASED_IN (team_members.location_id) and one REQUIRES_SKILL (a role_skills row)
    taken out: each is reported with the count PostgreSQL gives for it."""
    located = seeded.execute(
        "SELECT count(*) FROM team_members WHERE location_id IS NOT NULL"
    ).fetchone()[0]
    pairs = seeded.execute("SELECT count(*) FROM role_skills").fetchone()[0]
    seeded.rollback()
    for taken in (
        "MATCH (:TeamMember)-[r:BASED_IN]->(:Location) WITH r LIMIT 1 DELETE r",
        "MATCH (:Role)-[r:REQUIRES_SKILL]->(:Skill) WITH r LIMIT 1 DELETE r",
    ):
        driver.execute_query(taken, database_="neo4j")
    try:
        report = check_graph(driver, seeded, load_model())
        found = {m.name: (m.rows, m.graph) for m in report.mismatches if m.kind == "relationship"}
        assert found == {
            "(TeamMember)-[:BASED_IN]->(Location)": (located, located - 1),
            "(Role)-[:REQUIRES_SKILL]->(Skill)": (pairs, pairs - 1),
        }
    finally:  # the import puts both back (a foreign key and a join row are MERGEd again)
        import_graph(driver, seeded, load_model())
        assert check_graph(driver, seeded, load_model()).ok


def test_second_import_is_identical(imported, driver, seeded_db):
    before = graph_checksum(driver)
    with psycopg.connect(seeded_db) as conn:
        second = import_graph(driver, conn, load_model())
    after = graph_checksum(driver)
    assert before == after
    assert sum(t.created for t in second.nodes.values()) == 0
    assert second.swept == 0
    assert {k: v.rows for k, v in second.nodes.items()} == {
        k: v.rows for k, v in imported.nodes.items()
    }


def test_a_first_import_in_small_batches_equals_one_in_the_default_batches(
    imported, driver, seeded_db
):
    """A first import writes the relationships apart from their nodes, a full batch at a
    time, the join rows with them. In batches of 97 rows, tables, foreign keys, deferred
    references and join tables all straddle transactions: the graph and the counts must be
    those of the default batches."""
    clean = "MATCH (n) WHERE NOT n:VivimTestSession DETACH DELETE n"
    imports = {}
    for batch_size in (5000, 97):
        driver.execute_query(clean, database_="neo4j")
        with psycopg.connect(seeded_db) as conn:
            summary = import_graph(driver, conn, load_model(), batch_size=batch_size)
        imports[batch_size] = (
            graph_checksum(driver),
            {k: (v.rows, v.created) for k, v in summary.nodes.items()},
            {k: (v.rows, v.created) for k, v in summary.relationships.items()},
        )
    assert imports[97] == imports[5000]
    nodes, relationships = imports[97][0][:2]
    assert nodes == sum(created for _, created in imports[97][1].values())
    assert relationships == sum(created for _, created in imports[97][2].values())
    # and against PostgreSQL's own counts, by the model's rule: a row is a node, a set
    # foreign key a relationship, a join row a relationship
    model = load_model()
    with psycopg.connect(seeded_db) as conn:

        def scalar(query: str) -> int:
            return conn.execute(query).fetchone()[0]

        rows = sum(scalar(f'SELECT count(*) FROM "{n.table}"') for n in model.nodes)
        set_keys = sum(
            scalar(
                f'SELECT count(*) FROM "{n.table}" WHERE '
                + " AND ".join(f'"{c}" IS NOT NULL' for c in r.columns)
            )
            for n in model.nodes
            for r in n.references
        )
        join_rows = sum(scalar(f'SELECT count(*) FROM "{j.table}"') for j in model.joins)
    assert (nodes, relationships) == (rows, set_keys + join_rows)


def test_money_is_exact_cents_with_currency(imported, driver, seeded):
    rows = seeded.execute(
        "SELECT id, annual_mid, currency FROM salary_benchmarks ORDER BY id"
    ).fetchall()
    records, _, _ = driver.execute_query(
        "MATCH (b:SalaryBenchmark) RETURN b.id AS id, b.annual_mid_cents AS cents, "
        "b.currency AS currency ORDER BY id",
        database_="neo4j",
    )
    assert [(r["id"], r["cents"], r["currency"]) for r in records] == [
        (i, int(mid * 100), cur) for i, mid, cur in rows
    ]
    assert all(isinstance(r["cents"], int) for r in records)
    assert {r["currency"] for r in records} == {"EUR", "GBP", "USD"}
    prices = seeded.execute(
        "SELECT code, input_price_per_mtok FROM llm_api_costs ORDER BY id"
    ).fetchall()
    records, _, _ = driver.execute_query(
        "MATCH (c:LlmApiCost) RETURN c.code AS code, c.input_price_per_mtok_micros AS micros "
        "ORDER BY c.id",
        database_="neo4j",
    )
    assert [(r["code"], r["micros"]) for r in records] == [
        (code, int(p * Decimal(1_000_000))) for code, p in prices
    ]


def test_dates_are_neo4j_dates_and_every_node_has_its_module(imported, driver):
    records, _, _ = driver.execute_query(
        "MATCH (m:TeamMember) RETURN m.start_date AS d, m.created_at AS c LIMIT 1",
        database_="neo4j",
    )
    assert type(records[0]["d"]).__name__ == "Date"
    assert type(records[0]["c"]).__name__ == "DateTime"
    assert (
        count(
            driver,
            "MATCH (n) WHERE n._source_table IS NOT NULL AND n.module IS NULL RETURN count(n)",
        )
        == 0
    )
    modules = {m.name for m in load_model().modules}
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE n._source_table IS NOT NULL RETURN DISTINCT n.module AS m",
        database_="neo4j",
    )
    assert {r["m"] for r in records} == modules


# ------------------------------------------------------------- the specification's trees
def test_malta_tree(imported, driver):
    records, _, _ = driver.execute_query(
        """
        MATCH (l:Location) WHERE l.country_code = 'MT'
        RETURN
          COUNT { (l)<-[:FOR_LOCATION]-(:SalaryBenchmark)-[:FOR_ROLE]->(:Role) } AS benchmarks,
          COUNT { (l)<-[:BASED_IN]-(:TeamMember)-[:HAS_ROLE]->(:Role) } AS members,
          COUNT { (l)<-[:APPLIES_IN]-(:EmploymentCostFactor) } AS factors,
          COUNT { (l)<-[:OFFERED_IN]-(:TaxIncentive) } AS incentives,
          COUNT { (l)<-[:BASED_IN]-(:TeamMember)<-[:ALLOCATES]-(:MilestoneTeamAllocation)
                  -[:FOR_MILESTONE]->(:Milestone) } AS allocations
        """,
        database_="neo4j",
    )
    valletta = max(records, key=lambda r: r["members"])
    assert all(r["benchmarks"] >= 20 for r in records)
    assert valletta["members"] > 0 and valletta["allocations"] > 0
    assert all(r["factors"] > 0 and r["incentives"] > 0 for r in records)


def test_milestone_hub(imported, driver):
    records, _, _ = driver.execute_query(
        """
        MATCH (m:Milestone)
        RETURN m.code AS code,
               COUNT { (m)<-[:FOR_MILESTONE]-(:MilestoneTeamAllocation) } AS allocations,
               COUNT { (m)<-[:FOR_MILESTONE]-(:MilestoneInfrastructureCost) } AS infrastructure,
               COUNT { (m)<-[:FOR_MILESTONE]-(:LegalProject) } AS legal,
               COUNT { (m)<-[:FOR_MILESTONE]-(:ComplianceMilestone) } AS compliance,
               COUNT { (m)<-[:FOR_MILESTONE]-(:RevenueProjection) } AS revenue,
               COUNT { (m)<-[:FOR_MILESTONE]-(:CostPerUserAnalysis) } AS cost_per_user
        """,
        database_="neo4j",
    )
    by_code = {r["code"]: r for r in records}
    assert len(by_code) == 10
    m5 = by_code["M5"]
    assert (
        min(
            m5["allocations"],
            m5["infrastructure"],
            m5["legal"],
            m5["compliance"],
            m5["cost_per_user"],
        )
        > 0
    ), dict(m5)
    assert by_code["M9"]["revenue"] > 0 and by_code["M1"]["revenue"] == 0
    assert all(r["allocations"] > 0 and r["cost_per_user"] == 1 for r in records)


def test_cloud_provider_tree(imported, driver):
    records, _, _ = driver.execute_query(
        """
        MATCH (p:CloudProvider)
        RETURN p.code AS code,
               COUNT { (p)<-[:OFFERED_BY]-(:Service) } AS services,
               COUNT { (p)<-[:OFFERED_BY]-(:MlComputeInstance) } AS instances,
               COUNT { (p)<-[:OFFERED_BY]-(:Service)<-[:TIER_OF]-(:ServicePricingTier) } AS tiers
        """,
        database_="neo4j",
    )
    by_code = {r["code"]: r for r in records}
    assert by_code["hetzner"]["services"] > 0 and by_code["hetzner"]["tiers"] > 0
    assert sum(r["instances"] for r in records) > 0


def test_users_growth_tree(imported, driver):
    records, _, _ = driver.execute_query(
        """
        MATCH (g:UserGrowthModel {code: 'UGM-BASE'})
        RETURN COUNT { (g)<-[:PROJECTS]-(:UserBaseProjection) } AS projections,
               COUNT { (g)<-[:ASSUMES_GROWTH]-(:RevenueProjection)-[:FOR_REVENUE_STREAM]->
                       (:RevenueStream) } AS streams,
               COUNT { (g)<-[:ASSUMES_GROWTH]-(:DividendCalculation) } AS dividends
        """,
        database_="neo4j",
    )
    row = records[0]
    assert row["projections"] > 0 and row["streams"] > 0 and row["dividends"] > 0


def test_neomodel_classes_derive_from_the_model(imported, driver):
    from vivim_graph.model import ogm

    classes = ogm.bind(driver)
    assert set(classes) == {n.label for n in load_model().nodes}
    valletta = classes["Location"].nodes.get(code="MT-VLT")
    members = valletta.based_in_from.all()
    assert members and all(m.module == "people" for m in members)


# ------------------------------------------------------------- bad input
def test_dangling_reference_stops_the_import_and_leaves_the_graph(imported, driver, scratch_db):
    load_seeds(scratch_db)
    with psycopg.connect(scratch_db, autocommit=True) as conn:
        conn.execute("ALTER TABLE team_members DROP CONSTRAINT team_members_location_id_fkey")
        key = conn.execute(
            "UPDATE team_members SET location_id = 424242, full_name = 'Changed Name' "
            "WHERE code = 'TM-005' RETURNING id"
        ).fetchone()[0]
    before = graph_checksum(driver)
    with psycopg.connect(scratch_db) as conn, pytest.raises(RowValidationError) as caught:
        import_graph(driver, conn, load_model())
    error = caught.value
    assert (error.table, error.key, error.column) == ("team_members", key, "location_id")
    assert "424242" in str(error) and "refers to no row of locations" in str(error)
    assert graph_checksum(driver) == before


def test_wrong_type_names_table_key_and_column(imported, driver, scratch_db):
    load_seeds(scratch_db)
    with psycopg.connect(scratch_db, autocommit=True) as conn:
        # A live database whose column drifted from the model: checks dropped, type changed.
        for (name,) in conn.execute(
            "SELECT conname FROM pg_constraint WHERE conrelid = 'roles'::regclass AND contype = 'c'"
        ).fetchall():
            conn.execute(f'ALTER TABLE roles DROP CONSTRAINT "{name}"')
        conn.execute("ALTER TABLE roles ALTER COLUMN years_experience_min TYPE text")
        key = conn.execute(
            "UPDATE roles SET years_experience_min = 'five' WHERE code = 'swe-senior' RETURNING id"
        ).fetchone()[0]
    before = graph_checksum(driver)
    with psycopg.connect(scratch_db) as conn, pytest.raises(RowValidationError) as caught:
        import_graph(driver, conn, load_model())
    assert (caught.value.table, caught.value.key, caught.value.column) == (
        "roles",
        key,
        "years_experience_min",
    )
    assert graph_checksum(driver) == before


def test_import_command_prints_a_summary_and_no_progress_when_piped(
    imported, neo4j_server, seeded_db
):
    result = run_cli(cli_env(neo4j_server, seeded_db), "import", timeout=600)
    assert result.returncode == 0, result.stderr
    assert "Import summary" in result.stdout and "SalaryBenchmark" in result.stdout
    assert "rows/s" in result.stdout
    # Progress bars (with their task names) are for terminals only.
    assert "\r" not in result.stdout and "nodes SalaryBenchmark" not in result.stdout


def test_model_covers_the_catalog_and_derived_files_are_current(imported, neo4j_server, seeded_db):
    from vivim_graph.model import render as model_tools

    assert model_tools.render(check_only=True) == []
    result = run_cli(cli_env(neo4j_server, seeded_db), "model", "draft", "--check")
    assert result.returncode == 0, result.stdout + result.stderr
    assert os.path.exists(load_model.__globals__["model_path"]())


REIMPORT_CHANGES = """
INSERT INTO skills (code, name, skill_type) SELECT 'graph-db', 'Graph databases', skill_type
  FROM skills LIMIT 1;
UPDATE team_members SET location_id = (SELECT min(id) FROM locations WHERE id <>
  (SELECT location_id FROM team_members WHERE code = 'TM-001')) WHERE code = 'TM-001';
UPDATE team_members SET end_date = NULL, notes = NULL WHERE code = 'TM-002';
INSERT INTO role_skills (role_id, skill_id, required_level, is_mandatory)
  SELECT (SELECT min(id) FROM roles), (SELECT id FROM skills WHERE code = 'graph-db'), 3, false;
DELETE FROM role_skills WHERE (role_id, skill_id) =
  (SELECT role_id, skill_id FROM role_skills ORDER BY role_id, skill_id LIMIT 1);
DELETE FROM agent_alerts WHERE id = (SELECT max(id) FROM agent_alerts);
"""


def test_reimport_over_a_changed_database_equals_a_fresh_import(
    imported, driver, scratch_db, seeded_db
):
    """The update path (nodes that exist, moved and NULL foreign keys, deleted rows swept)
    against the create path on an empty graph: the same graph."""
    load_seeds(scratch_db)
    wipe = "MATCH (n) WHERE NOT n:VivimTestSession DETACH DELETE n"
    try:
        with psycopg.connect(scratch_db) as conn:
            import_graph(driver, conn, load_model())
        with psycopg.connect(scratch_db, autocommit=True) as pg:
            pg.execute(REIMPORT_CHANGES)
        with psycopg.connect(scratch_db) as conn:
            again = import_graph(driver, conn, load_model())
        over_old = graph_checksum(driver)
        assert again.nodes["Skill"].created == 1
        assert again.relationships["BASED_IN"].deleted == 1  # TM-001 moved
        assert again.swept >= 2  # the deleted alert's node and the deleted join row
        driver.execute_query(wipe, database_="neo4j")
        with psycopg.connect(scratch_db) as conn:
            fresh = import_graph(driver, conn, load_model())
        assert graph_checksum(driver) == over_old
        assert fresh.swept == 0
        assert sum(t.created for t in fresh.nodes.values()) == over_old[0]
        assert sum(t.created for t in fresh.relationships.values()) == over_old[1]
    finally:  # the module's other tests expect the seeded graph
        driver.execute_query(wipe, database_="neo4j")
        with psycopg.connect(seeded_db) as conn:
            import_graph(driver, conn, load_model())
