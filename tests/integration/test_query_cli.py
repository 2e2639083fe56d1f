"""The query commands: named queries in every format, their errors, and read-only cypher."""

from __future__ import annotations

import csv
import io
import json
from decimal import Decimal

import pytest

from tests.integration.test_relational import SPEC_SUMMARY
from tests.servers import cli_env, run_cli_process
from tests.servers import run_cli as vg
from vivim_graph.errors import QueryError
from vivim_graph.queries import catalog as queries
from vivim_graph.queries.read_only import run_read_only

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def env(seeded_graph, driver, seeded_db, neo4j_server):
    return cli_env(neo4j_server, seeded_db)


def test_milestone_cost_summary_json_is_the_specification(env):
    # End to end: the installed command in a process of its own.
    result = run_cli_process(env, "query", "milestone_cost_summary", "--format", "json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert payload["columns"]["total_cost_mid_cents"] == "money"
    rows = payload["rows"]
    got = [
        (
            r["milestone_code"],
            r["milestone_name"],
            r["timeline"],
            r["target_users"],
            r["users_label"],
            Decimal(r["total_cost_mid_cents"]) / 100,
            Decimal(r["cost_per_user_micros"]) / 1_000_000,
        )
        for r in rows
    ]
    assert got == [
        (c, n, t, u, ul, Decimal(tot), Decimal(cpu)) for c, n, t, u, ul, tot, cpu in SPEC_SUMMARY
    ]
    assert rows[-1]["cumulative_cost_mid_cents"] == 189468500
    assert "MATCH (m:Milestone)" in payload["cypher"]


def test_table_shows_money_in_its_currency(env):
    result = vg(env, "query", "milestone_cost_summary")
    assert result.returncode == 0, result.stderr
    assert "€90,600.00" in result.stdout and "€1,894,685.00" in result.stdout
    assert "-€0.31" in result.stdout
    assert "10 row(s)" in result.stdout


def test_csv_keeps_exact_values(env):
    result = vg(env, "query", "milestone_cost_summary", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 10
    assert rows[0]["total_cost_mid_cents"] == "9060000"
    assert rows[8]["cost_per_user_micros"] == "-310000"


def test_list_shows_names_questions_and_parameters(env):
    result = vg(env, "query", "--list")
    assert result.returncode == 0
    for name in queries.catalog():
        assert name in result.stdout
    assert "What does each milestone cost" in result.stdout


def test_unknown_query_and_bad_parameters_are_clear_errors(env):
    unknown = vg(env, "query", "milestone_cost_sumary")
    assert unknown.returncode == 1
    assert "no query named 'milestone_cost_sumary'" in unknown.stderr
    assert "milestone_cost_summary" in unknown.stderr  # suggests the close match
    extra = vg(env, "query", "milestone_cost_summary", "-p", "colour=blue")
    assert extra.returncode == 1 and "has no parameter colour" in extra.stderr
    malformed = vg(env, "query", "milestone_cost_summary", "-p", "oops")
    assert malformed.returncode == 1 and "key=value" in malformed.stderr


def test_required_parameter_is_named(tmp_path):
    path = tmp_path / "needs_code.cypher"
    path.write_text(
        "// question: A test query.\n// parameters:\n//   code: {type: string, "
        "required: true, description: a milestone code}\n// columns: {}\n"
        "RETURN $code AS code\n"
    )
    query = queries.parse_file(path, "needs_code", "views")
    with pytest.raises(QueryError, match="needs parameter code"):
        query.bind({})
    assert query.bind({"code": "M5"}) == {"code": "M5"}


def test_cypher_runs_reads_and_refuses_writes(env, driver):
    ok = vg(
        env, "cypher", "MATCH (l:Location) RETURN l.code AS code ORDER BY code", "--format", "json"
    )
    assert ok.returncode == 0, ok.stderr
    assert [r["code"] for r in json.loads(ok.stdout)["rows"]][:2] == ["DE-BER", "ES-PMI"]
    refused = vg(env, "cypher", "MATCH (l:Location) SET l.name = 'x' RETURN l")
    assert refused.returncode == 1 and "refused" in refused.stderr
    with pytest.raises(QueryError, match="refused"):
        run_read_only(driver, "CREATE (:Intruder)", {})
    assert (
        driver.execute_query("MATCH (n:Intruder) RETURN count(n) AS c", database_="neo4j").records[
            0
        ]["c"]
        == 0
    )
    capped = run_read_only(driver, "UNWIND range(1, 5000) AS i RETURN i", {}, limit=10)
    assert len(capped.rows) == 10


def test_every_named_query_file_parses_and_runs(env, driver):
    for name, query in queries.catalog().items():
        if query.folder == "impact":
            continue
        result = queries.run(driver, name)
        if ":Scenario" in query.text:
            # Saved plans are the user's, not the seeds': rows exactly when the graph holds
            # saved-plan steps (none on the seeded graph, some after a plan test saved one).
            steps = driver.execute_query(
                "MATCH (:Scenario {kind: 'plan'})-[:HAS_STEP]->(p:PlanStep) RETURN count(p) AS n",
                database_="neo4j",
            ).records[0]["n"]
            assert bool(result.rows) == (steps > 0), name
            continue
        assert result.rows, f"{name} returned nothing"
