"""Every SQL view has a Cypher twin that returns the same rows, on the seeds and on
randomly perturbed data (so that agreement is no accident of the seed figures)."""

from __future__ import annotations

import psycopg
import pytest

from tests.parity import compare, perturb, sql_view_names, view_is_ordered
from vivim_graph.load.importer import import_graph
from vivim_graph.model.spec import load_model
from vivim_graph.queries import catalog as queries

pytestmark = pytest.mark.integration

SQL_VIEWS = sql_view_names()


def twin_name(view: str) -> str:
    return view.removeprefix("v_")


def assert_parity(view: str, pg: psycopg.Connection, driver) -> None:
    with pg.cursor() as cur:
        cur.execute(f'SELECT * FROM "{view}"')  # view names come from the schema files
        sql_columns = [d.name for d in cur.description]
        sql_rows = cur.fetchall()
    assert sql_rows, f"{view} returns no rows: parity would prove nothing"
    result = queries.run(driver, twin_name(view))
    problems = compare(
        view, sql_columns, sql_rows, result.columns, result.rows, view_is_ordered(pg, view)
    )
    assert not problems, problems


@pytest.fixture(scope="module")
def seeds_in_graph(seeded_graph):
    return seeded_graph


def test_views_in_catalog_match_the_schema_files(seeded):
    live = {
        r[0] for r in seeded.execute("SELECT viewname FROM pg_views WHERE schemaname = 'public'")
    }
    assert live == set(SQL_VIEWS)


def test_every_view_has_a_twin_and_every_twin_a_view():
    views = {name: q for name, q in queries.catalog().items() if q.folder == "views"}
    missing = [v for v in SQL_VIEWS if twin_name(v) not in views]
    assert not missing, f"SQL views without a Cypher twin: {missing}"
    orphans = [n for n, q in views.items() if q.view not in SQL_VIEWS]
    assert not orphans, f"Cypher views naming no SQL view: {orphans}"
    assert all(views[twin_name(v)].view == v for v in SQL_VIEWS)


@pytest.mark.parametrize("view", SQL_VIEWS)
def test_parity_on_seeds(view, seeds_in_graph, seeded, driver):
    assert_parity(view, seeded, driver)


@pytest.mark.parametrize("seed", [11, 23])
def test_parity_on_perturbed_data(seed, driver, scratch_db, seed_copies):
    seed_copies.fill(scratch_db)
    with psycopg.connect(scratch_db, autocommit=True) as pg:
        assert perturb(pg, seed) > 100
    driver.execute_query(
        "MATCH (n) WHERE NOT n:VivimTestSession DETACH DELETE n", database_="neo4j"
    )
    with psycopg.connect(scratch_db) as conn:
        import_graph(driver, conn, load_model())
    failures = []
    with psycopg.connect(scratch_db, autocommit=True) as pg:
        for view in SQL_VIEWS:
            try:
                assert_parity(view, pg, driver)
            except AssertionError as e:
                failures.append(str(e)[:300])
    assert not failures, failures
