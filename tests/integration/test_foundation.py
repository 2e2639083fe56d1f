"""Foundation: real Neo4j (with Browser and APOC) and real PostgreSQL, doctor, errors."""

from __future__ import annotations

import urllib.request

import pytest
from pydantic import SecretStr

from tests.servers import Neo4jTarget, cli_env, run_cli, settings_for
from vivim_graph.errors import ConnectionFailed
from vivim_graph.neo4j_db import make_driver
from vivim_graph.sources.postgres import connect

pytestmark = pytest.mark.integration


def test_node_written_and_read_back(graph):
    graph.execute_query(
        "CREATE (:Probe {name: $name, amount_cents: $cents})",
        name="malta",
        cents=123456,
        database_="neo4j",
    )
    records, _, _ = graph.execute_query(
        "MATCH (p:Probe {name: $name}) RETURN p.amount_cents AS cents",
        name="malta",
        database_="neo4j",
    )
    assert [r["cents"] for r in records] == [123456]


def test_browser_is_served(neo4j_server: Neo4jTarget):
    assert neo4j_server.http_url, "this Neo4j backend does not say where Browser is served"
    with urllib.request.urlopen(f"{neo4j_server.http_url}/browser/", timeout=10) as response:
        html = response.read().decode("utf-8")
    assert response.status == 200
    assert "<title>Neo4j Browser</title>" in html


def test_apoc_is_present(graph):
    records, _, _ = graph.execute_query("RETURN apoc.version() AS v", database_="neo4j")
    version = records[0]["v"]
    assert version.startswith("5."), version


def test_query_through_postgres(pg):
    row = pg.execute("SELECT current_setting('server_version_num')::int, 6 * 7").fetchone()
    assert row[0] >= 150000
    assert row[1] == 42


def test_doctor_reports_both_databases(neo4j_server: Neo4jTarget, scratch_db: str):
    result = run_cli(cli_env(neo4j_server, scratch_db), "doctor")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "[ok  ] neo4j: Neo4j Kernel 5." in result.stdout
    assert "APOC 5." in result.stdout
    assert "[ok  ] postgres: PostgreSQL 1" in result.stdout


def test_wrong_password_names_uri_and_user_never_the_password(
    neo4j_server: Neo4jTarget, scratch_db: str
):
    secret = "Wr0ng-Pa55word-xyz"
    bad = Neo4jTarget(neo4j_server.uri, neo4j_server.user, secret, None, "bad")
    with pytest.raises(ConnectionFailed) as caught:
        make_driver(settings_for(bad, scratch_db))
    error = caught.value
    assert neo4j_server.uri in str(error) and f"'{neo4j_server.user}'" in str(error)
    assert secret not in str(error) and secret not in (error.hint or "")

    result = run_cli(cli_env(bad, scratch_db), "doctor")
    assert result.returncode == 1
    output = result.stdout + result.stderr
    assert "refused the credentials" in output and neo4j_server.uri in output
    assert secret not in output


def test_unreachable_postgres_is_a_clear_error(neo4j_server: Neo4jTarget):
    settings = settings_for(neo4j_server)
    url = "postgresql://vivim:s3cret-pg@127.0.0.1:1/nowhere"
    with pytest.raises(ConnectionFailed) as caught:
        connect(url)
    assert "127.0.0.1:1/nowhere" in str(caught.value)
    assert "s3cret-pg" not in str(caught.value)
    assert settings.neo4j_password.get_secret_value() not in repr(settings)


def test_settings_secret_never_in_repr():
    settings = settings_for(Neo4jTarget("neo4j://x:1", "u", "hunter2-secret", None, "t"))
    assert "hunter2-secret" not in repr(settings)
    assert isinstance(settings.neo4j_password, SecretStr)
