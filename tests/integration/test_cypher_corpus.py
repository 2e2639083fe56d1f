"""Ordinary read queries are answered, never refused: the corpus of tests/cypher_corpus.py.

Every statement runs three ways on the seeded graph: directly on Neo4j (the reference),
through the library function the CLI and MCP share (``run_read_only``), and through the
MCP tool function (``read_cypher``). The rows must be the same, up to the row cap, with the
column names Neo4j gives; none may carry a warning (every name comes from the model). A
sample also goes through the real CLI and a real MCP client session over stdio.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

import anyio
import neo4j
import pytest
from mcp.client import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client

from tests.cypher_corpus import Case, corpus, label_cases, load, relationship_cases
from tests.servers import cli_env, run_cli
from vivim_graph.agents.tools import Graph, read_cypher
from vivim_graph.model.spec import load_model
from vivim_graph.queries.guard import Limits
from vivim_graph.queries.names import name_warnings, vocabulary
from vivim_graph.queries.read_only import run_read_only

pytestmark = pytest.mark.integration
CASES = corpus()
LIMITS = Limits(timeout_seconds=15.0, max_rows=200)
SAMPLE_SIZE = 12
GENERATED = {c.id for c in label_cases(load()) + relationship_cases(load())}


def normal(value: Any) -> Any:
    """The JSON a client sees, computed here without the project's converters."""
    if isinstance(value, neo4j.graph.Node | neo4j.graph.Relationship):
        return normal(dict(value.items()))
    if hasattr(value, "iso_format"):
        return value.iso_format()
    if isinstance(value, dict):
        return {k: normal(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [normal(v) for v in value]
    return value


def direct(driver: neo4j.Driver, case: Case, params: dict[str, Any]):
    """The statement as Neo4j answers it, without any guard."""
    records, _, keys = driver.execute_query(
        case.cypher.rstrip().rstrip(";"), params, database_="neo4j"
    )
    return list(keys), [strip(normal(r.data()), case) for r in records]


def strip(row: dict[str, Any], case: Case) -> dict[str, Any]:
    """Without the volatile columns; an unordered case's lists in one canonical order."""
    kept = {k: v for k, v in row.items() if k not in case.volatile}
    if case.unordered:
        return {k: sorted(v, key=json.dumps) if isinstance(v, list) else v for k, v in kept.items()}
    return kept


def samples(driver: neo4j.Driver) -> dict[tuple[str, str], Any]:
    """The smallest value of every (label, property), from one read of the whole graph."""
    records, _, _ = driver.execute_query(
        "MATCH (n) WHERE n._source_table IS NOT NULL RETURN labels(n) AS labels, "
        "properties(n) AS props",
        database_="neo4j",
    )
    smallest: dict[tuple[str, str], Any] = {}
    for record in records:
        for label in record["labels"]:
            for prop, value in record["props"].items():
                key = (label, prop)
                if key not in smallest or _less(value, smallest[key]):
                    smallest[key] = value
    return smallest


def _less(a: Any, b: Any) -> bool:
    try:
        return a < b
    except TypeError:
        return False


def bind(values: dict[tuple[str, str], Any], case: Case) -> dict[str, Any]:
    """The case's parameters; a sampled $value is the smallest value of that property."""
    if case.sample is None:
        return dict(case.params)
    value = values.get(case.sample)
    text = "toString(" in case.cypher
    return {**case.params, "value": str(value) if text and value is not None else value}


def test_corpus_is_large_and_covers_every_label_and_type():
    model = load_model()
    ids = {c.id for c in CASES}
    assert len(CASES) >= 150 and len(ids) == len(CASES)
    for spec in model.nodes:
        for kind in ("count", "sample", "order", "by-key"):
            assert f"{kind}-{spec.label}" in ids
    assert {f"hop-{t}" for t in model.relationship_types()} <= ids
    shapes = ("OPTIONAL MATCH", "EXISTS {", "COUNT {", "shortestPath", "UNWIND [", "CASE ",
              "SHOW INDEXES", "db.schema.visualization", "$", "SKIP", "date.truncate")  # fmt: skip
    for shape in shapes:
        assert any(shape in c.cypher for c in CASES), shape


@pytest.fixture(scope="module")
def graph(seeded_graph) -> Graph:
    return Graph(seeded_graph, load_model(), "neo4j", LIMITS)


@pytest.fixture(scope="module")
def values(seeded_graph) -> dict[tuple[str, str], Any]:
    return samples(seeded_graph)


@pytest.mark.parametrize("case", [pytest.param(c, id=c.id) for c in CASES])
def test_every_ordinary_query_is_answered_like_neo4j(seeded_graph, graph, values, case):
    """Through the MCP tool function, which is the CLI's ``run_read_only`` plus the answer's
    shape (tests/test_query_cli.py and the sample below show the CLI gives the same)."""
    params = bind(values, case)
    keys, expected = direct(seeded_graph, case, params)
    tool = read_cypher(graph, case.cypher, params)
    assert tool["columns"] == keys  # Neo4j's own names, e.g. `l.city`
    assert [strip(r, case) for r in tool["rows"]] == expected[: LIMITS.max_rows]
    assert tool["truncated"] == ("row_cap" if len(expected) > LIMITS.max_rows else None)
    assert tool["warnings"] == [], tool["warnings"]
    assert tool["cypher"][0]["cypher"] == case.cypher.rstrip().rstrip(";").rstrip()


def test_the_cli_function_and_the_tool_give_one_answer(seeded_graph, graph, values):
    """The shared function and the tool on every hand-written shape: same columns and rows."""
    for case in [c for c in CASES if c.id not in GENERATED and not c.volatile]:
        params = bind(values, case)
        shared = run_read_only(seeded_graph, case.cypher, params, limits=LIMITS)
        tool = read_cypher(graph, case.cypher, params)
        rows = [strip(r, case) for r in shared.rows]
        assert (shared.columns, rows, shared.warnings) == (
            tool["columns"], [strip(r, case) for r in tool["rows"]], tool["warnings"]
        ), case.id  # fmt: skip


def sample() -> list[Case]:
    """A fixed sample (seeded): every kind of generated case, and hand-written shapes."""
    rng = random.Random(14)
    hand = [c for c in CASES if c.id not in GENERATED]
    generated = [c for c in CASES if c not in hand]
    picked = rng.sample(generated, 5) + rng.sample(hand, SAMPLE_SIZE - 5)
    return [c for c in picked if not c.volatile]


@pytest.fixture(scope="module")
def env(seeded_graph, seeded_db, neo4j_server):
    return cli_env(neo4j_server, seeded_db)


def cli_param(name: str, value: Any) -> str:
    """``-p`` as a person types it: numbers bare, lists as JSON, text as :string."""
    if isinstance(value, str):
        return f"{name}:string={value}"
    return f"{name}={json.dumps(value)}"


def test_sample_through_the_cli(seeded_graph, env, values):
    for case in sample():
        params = bind(values, case)
        keys, expected = direct(seeded_graph, case, params)
        args = [a for k, v in params.items() for a in ("-p", cli_param(k, v))]
        done = run_cli(env, "cypher", case.cypher, *args, "--format", "json", timeout=120)
        assert done.returncode == 0, (case.id, done.stderr)
        answer = json.loads(done.stdout)
        assert list(answer["columns"]) == keys, case.id
        assert [strip(r, case) for r in answer["rows"]] == expected[:1000], case.id
        assert answer["warnings"] == [] and "warning" not in done.stderr, case.id


def test_sample_through_an_mcp_client(seeded_graph, env, values):
    cases = sample()
    bound = [bind(values, c) for c in cases]
    server = StdioServerParameters(
        command=sys.executable, args=["-m", "vivim_graph", "mcp"], env=env
    )

    async def run() -> list[dict[str, Any]]:
        async with stdio_client(server) as (read, write), ClientSession(read, write) as session:
            await session.initialize()
            answers = []
            for case, params in zip(cases, bound, strict=True):
                result = await session.call_tool(
                    "read_cypher", {"cypher": case.cypher, "params": params}
                )
                assert result.structured_content is not None
                answers.append({"is_error": result.is_error, **result.structured_content})
            return answers

    for case, params, answer in zip(cases, bound, anyio.run(run), strict=True):
        keys, expected = direct(seeded_graph, case, params)
        assert not answer["is_error"], (case.id, answer)
        assert answer["columns"] == keys, case.id
        assert [strip(r, case) for r in answer["rows"]] == expected[:1000], case.id
        assert answer["warnings"] == [], case.id


def suggested(warning: str) -> list[str]:
    """The names after "Did you mean", as a person reads them."""
    _, _, names = warning.partition("Did you mean ")
    return [n.strip() for n in names.rstrip("?").split(",") if n.strip()]


def typo_cases() -> list[tuple[str, str, str]]:
    """(statement, misspelt name, the model's name) for every label, type and a property."""
    model = load()
    cases = []
    for node in model["nodes"]:
        label, props = node["label"], {p["name"] for p in node["properties"]}
        cases.append((f"MATCH (n:{label}s) RETURN count(n)", f"{label}s", label))
        prop = sorted(props)[0]
        if f"{prop}x" not in props:
            cases.append((f"MATCH (n:{label}) RETURN n.{prop}x LIMIT 1", f"{prop}x", prop))
    types = {r["type"] for n in model["nodes"] for r in n.get("references") or []}
    types |= {j["type"] for j in model.get("joins") or []}
    for rel_type in sorted(types):
        cases.append((f"MATCH ()-[r:{rel_type}S]->() RETURN count(r)", f"{rel_type}S", rel_type))
    return cases


def test_every_misspelt_name_is_named_with_the_right_suggestion(seeded_graph):
    """Every label and type misspelt, and a property of every label: one warning naming the
    misspelt name, with the model's name among the suggestions. A sample also runs through
    the shared path: Neo4j answers no rows, and the warning is what tells why."""
    model, vocab = load_model(), vocabulary(load_model())
    cases = typo_cases()
    assert len(cases) >= 144 * 2
    for statement, wrong, right in cases:
        (warning,) = name_warnings(statement, vocab)
        assert f"`{wrong}`" in warning and right in suggested(warning), (statement, warning)
    for statement, wrong, _ in random.Random(14).sample(cases, 10):
        answer = run_read_only(seeded_graph, statement, {}, limits=LIMITS, model=model)
        assert all(v in (None, 0) for row in answer.rows for v in row.values()), statement
        assert len(answer.warnings) == 1 and f"`{wrong}`" in answer.warnings[0]


def test_a_cli_typo_warns_on_stderr(env):
    done = run_cli(env, "cypher", "MATCH (l:Locations) RETURN l.city", "--format", "json")
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["rows"] == []
    assert "no label `Locations`" in done.stderr and "Location" in done.stderr
    assert "no rows" in done.stderr  # an empty answer from a typo is not "none"
    assert json.loads(done.stdout)["warnings"] == [done.stderr.splitlines()[0][9:]]


def catalog_cases() -> list[tuple[str, str, dict[str, Any]]]:
    """The project's own named queries (cypher/): real analyst Cypher, run ad hoc."""
    from vivim_graph.errors import QueryError
    from vivim_graph.queries import catalog as queries

    cases = []
    for name, query in queries.catalog().items():
        try:
            params = query.bind({})
        except QueryError:  # a required parameter without a default: not runnable as is
            continue
        cases.append((name, query.text, params))
    return cases


@pytest.mark.parametrize(("text", "params"), [pytest.param(t, p, id=n) for n, t, p in
                                              catalog_cases()])  # fmt: skip
def test_every_named_query_runs_ad_hoc_like_neo4j(seeded_graph, text, params):
    case = Case("catalog", text)
    keys, expected = direct(seeded_graph, case, params)
    answer = run_read_only(seeded_graph, text, params, limits=LIMITS)
    assert answer.columns == keys and answer.rows == expected[: capped(answer, expected)]
    assert answer.warnings == []


def capped(answer: Any, expected: list[Any]) -> int:
    """How many of Neo4j's rows the answer must hold: all up to the row cap; at the byte
    cap, the rows that fit, at least one, and fewer than Neo4j's."""
    if answer.truncated == "byte_cap":
        assert 0 < len(answer.rows) < len(expected)
        return len(answer.rows)
    return LIMITS.max_rows
