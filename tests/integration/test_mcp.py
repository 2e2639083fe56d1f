"""The MCP server, driven by the SDK's own client over stdio and streamable HTTP.

Every tool is called on the seeded graph and its answer is checked against the CLI's
answer to the same question. HTTP: a missing or wrong token is 401, a foreign Host or
Origin is refused, and a non-loopback bind without a token does not start.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import anyio
import httpx2
import pytest
from mcp.client import ClientSession
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client

from tests.servers import cli_env, run_cli

RULES_DOC = Path(__file__).resolve().parents[2] / "docs" / "cost-rules.md"

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.integration
TOKEN = "test-token-0123456789abcdef"
MY_TOOLS = {"graph_schema", "find", "list_queries", "run_query", "explain_cost", "read_cypher"}
# Each impact tool with its arguments, and the CLI command that must give the same answer.
IMPACT_CALLS = {
    "impact_hire": {"location": "malta", "role": "swe-senior", "count": 2, "start_milestone": "M5"},
    "impact_relocate": {"to": "berlin", "member": "TM-005", "start_milestone": "M5"},
    "impact_switch_provider": {"from_provider": "hetzner", "to_provider": "ovhcloud"},
    "impact_users": {"mau": 250000},
    "impact_node": {"label": "Location", "key": "MT-VLT", "depth": 1},
}
IMPACT_CLI = {
    "impact_hire": ["hire", "--location", "malta", "--role", "swe-senior", "--count", "2",
                    "--from", "M5"],
    "impact_relocate": ["relocate", "--to", "berlin", "--member", "TM-005", "--from", "M5"],
    "impact_switch_provider": ["switch-provider", "--from", "hetzner", "--to", "ovhcloud"],
    "impact_users": ["users", "--mau", "250000"],
    "impact_node": ["node", "Location", "MT-VLT", "--depth", "1"],
}  # fmt: skip


@pytest.fixture(scope="module")
def env(seeded_graph, driver, seeded_db, neo4j_server):
    return cli_env(neo4j_server, seeded_db)


def vg_json(env: dict[str, str], *args: str) -> dict[str, Any]:
    done = run_cli(env, *args, "--format", "json", timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


async def call(session: ClientSession, tool: str, **arguments: Any) -> dict[str, Any]:
    result = await session.call_tool(tool, arguments)
    assert result.structured_content is not None
    return {"is_error": result.is_error, **result.structured_content}


async def exercise(session: ClientSession) -> dict[str, dict[str, Any]]:
    """Call every tool once; the answers are checked by the tests."""
    await session.initialize()
    listed = await session.list_tools()
    answers: dict[str, dict[str, Any]] = {"tools": {t.name: t for t in listed.tools}}
    answers["graph_schema"] = await call(session, "graph_schema", label="Milestone")
    answers["find"] = await call(session, "find", label="Location", value="Catania")
    answers["list_queries"] = await call(session, "list_queries")
    answers["run_query"] = await call(session, "run_query", name="milestone_cost_summary")
    answers["explain_cost"] = await call(session, "explain_cost", label="Milestone", key="M7")
    answers["read_cypher"] = await call(
        session,
        "read_cypher",
        cypher="MATCH (l:Location) WHERE l.country_code = $cc RETURN l.code AS code, "
        "l.coworking_desk_monthly_cents AS desk_cents ORDER BY code",
        params={"cc": "MT"},
    )
    answers["typo"] = await call(
        session, "read_cypher", cypher="MATCH (l:Locations) RETURN l.city ORDER BY l.city"
    )
    answers["resources"] = {
        str(r.uri): (r, (await session.read_resource(r.uri)).contents[0].text)
        for r in (await session.list_resources()).resources
    }
    prompts = (await session.list_prompts()).prompts
    answers["prompts"] = {
        p.name: (p, (await session.get_prompt(p.name, {})).messages[0].content.text)
        for p in prompts
    }
    answers["refused"] = await call(
        session,
        "read_cypher",
        cypher="CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
    )
    answers["bad_label"] = await call(session, "find", label="Milstone", value="M7")
    for name, arguments in IMPACT_CALLS.items():
        answers[name] = await call(session, name, **arguments)
    return answers


def check_answers(answers: dict[str, Any], env: dict[str, str]) -> None:
    tools = answers["tools"]
    assert set(tools) >= MY_TOOLS
    assert set(tools) >= set(IMPACT_CALLS)
    for name in MY_TOOLS | set(IMPACT_CALLS):
        assert tools[name].description and tools[name].input_schema["type"] == "object"
        assert tools[name].annotations.read_only_hint is True
    assert "cypher" in tools["read_cypher"].input_schema["properties"]

    schema = answers["graph_schema"]
    (milestone,) = schema["labels"]
    assert milestone["source_table"] == "milestones" and milestone["description"]
    counted = vg_json(env, "cypher", "MATCH (m:Milestone) RETURN count(m) AS n")
    assert milestone["nodes"] == counted["rows"][0]["n"] == 10
    assert {"name": "code", "type": "string"} in milestone["properties"]

    found = answers["find"]
    assert [n["code"] for n in found["nodes"]] == ["IT-CTA"]
    assert found["provenance"][0] == {
        "label": "Location",
        "source_table": "locations",
        "source_key": found["nodes"][0]["_source_key"],
        "key": {"id": found["nodes"][0]["id"]},
    }

    names = {q["name"] for q in answers["list_queries"]["queries"]}
    assert {"milestone_cost_summary", "explore/explain_cost"} <= names

    ran = answers["run_query"]
    cli = vg_json(env, "query", "milestone_cost_summary")
    assert ran["rows"] == cli["rows"] and ran["columns"] == cli["columns"]
    assert ran["cypher"][0]["cypher"] == cli["cypher"]
    assert {"label": "Milestone", "source_table": "milestones", "key_columns": ["id"]} in ran[
        "provenance"
    ]

    explained = answers["explain_cost"]
    assert explained["node"]["source_table"] == "milestones"
    assert explained["node"]["key"] == {"id": 7}
    cli = vg_json(
        env, "query", "explore/explain_cost",
        "-p", "label=Milestone", "-p", "key_property=code", "-p", "key=M7",
    )  # fmt: skip
    assert [(c["label"], c["source_key"], c["money"]) for c in explained["cost_nodes"]] == [
        (r["label"], r["source_key"], dict(sorted(map(tuple, r["money"])))) for r in cli["rows"]
    ]
    labor = [c for c in explained["cost_nodes"] if c["label"] == "LaborCostAllocation"]
    assert labor and all(c["path"][0]["relationship"] == "FOR_MILESTONE" for c in labor)
    assert all(isinstance(v, int) for c in labor for v in c["money"].values())
    # each cost node names the rules of docs/cost-rules.md that make it a figure
    headings = {
        line[3:].strip()
        for line in (Path(__file__).resolve().parents[2] / "docs" / "cost-rules.md")
        .read_text()
        .splitlines()
        if line.startswith("## ")
    }
    assert explained["node"]["rules"] and set(explained["node"]["rules"]) <= headings
    assert labor[0]["rules"] == ["R-POOL"]
    assert all(set(c["rules"]) <= headings for c in explained["cost_nodes"])

    read = answers["read_cypher"]
    cli = vg_json(
        env, "cypher",
        "MATCH (l:Location) WHERE l.country_code = $cc RETURN l.code AS code, "
        "l.coworking_desk_monthly_cents AS desk_cents ORDER BY code",
        "-p", "cc=MT",
    )  # fmt: skip
    assert read["rows"] == cli["rows"] and [r["code"] for r in read["rows"]] == [
        "MT-SLM",
        "MT-VLT",
    ]
    assert read["cypher"][0]["cypher"].endswith("ORDER BY code")  # ran as sent
    assert read["warnings"] == [] and read["truncated"] is None
    typo = answers["typo"]
    assert typo["rows"] == [] and typo["columns"] == ["l.city"]
    assert len(typo["warnings"]) == 1 and "`Locations`" in typo["warnings"][0]
    assert "Location" in typo["warnings"][0].split("Did you mean", 1)[1]
    check_resources_and_prompts(answers, env)

    for name in ("graph_schema", "find", "run_query", "explain_cost", "read_cypher"):
        assert answers[name]["cypher"] and answers[name]["provenance"], name

    for name, args in IMPACT_CLI.items():
        answer, cli = answers[name], vg_json(env, "impact", *args)
        assert not answer["is_error"], answer
        for section in ("milestones", "totals", "budgets_over", "pools_over", "ranking"):
            assert answer[section] == cli[section], (name, section)
        assert answer["details"] == cli["details"], name
        assert answer["queries"] == list(cli["cypher"]) and answer["cypher"], name
        assert all(isinstance(c["cypher"], str) for c in answer["cypher"])
        assert answer["provenance"], name
    hire = answers["impact_hire"]
    assert hire["totals"]["change_cents"] > 0 and len(hire["ranking"]) == 8
    assert {"source_table": "salary_benchmarks"}.items() <= hire["provenance"][0].items()
    changed = [m for m in hire["milestones"] if m["change_cents"]]
    assert changed and all("R-MONTHS" in m["rules"] for m in changed)

    refused = answers["refused"]
    assert refused["is_error"] and refused["error"]["code"] == "procedure_not_allowed"
    assert refused["error"]["hint"]
    bad = answers["bad_label"]
    assert bad["is_error"] and bad["error"]["code"] == "invalid_request"
    assert "Milestone" in bad["error"]["message"]  # the close match is suggested


def check_resources_and_prompts(answers: dict[str, Any], env: dict[str, str]) -> None:
    """The model as shipped, every named query, the conventions with the live currencies
    and milestones, and one prompt per Browser tour stop naming queries that exist."""
    resources = answers["resources"]
    assert set(resources) == {
        "vivim://graph/model.yaml", "vivim://queries/catalog.json", "vivim://conventions.md"
    }  # fmt: skip
    model_text = (ROOT / "graph" / "model.yaml").read_text(encoding="utf-8")
    assert resources["vivim://graph/model.yaml"][1] == model_text
    catalog = json.loads(resources["vivim://queries/catalog.json"][1])
    files = {
        (p.stem if p.parent.name == "views" else f"{p.parent.name}/{p.stem}")
        for p in (ROOT / "cypher").glob("*/*.cypher")
    }
    assert {q["name"] for q in catalog} == files
    conventions = resources["vivim://conventions.md"][1]
    currencies = vg_json(
        env, "cypher", "MATCH (n) WHERE n.currency IS NOT NULL RETURN DISTINCT n.currency"
    )
    for row in currencies["rows"]:
        assert f"- {row['n.currency']}: " in conventions
    codes = vg_json(env, "cypher", "MATCH (m:Milestone) RETURN m.code")["rows"]
    assert codes and all(f"| {r['m.code']} |" in conventions for r in codes)
    assert "_cents" in conventions and "_micros" in conventions
    prompts = answers["prompts"]
    guide = (ROOT / "src" / "vivim_graph" / "queries" / "questions.py").read_text(encoding="utf-8")
    assert len(prompts) == guide.count("    Stop(") >= 5
    names = {q["name"] for q in catalog}
    for prompt, text in prompts.values():
        assert prompt.title in guide and prompt.description and prompt.title in text
        listed = text.split("run_query: ", 1)[1].split(" (list_queries", 1)[0].split(", ")
        assert listed and set(listed) <= names, (prompt.name, listed)


def test_stdio(env):
    params = StdioServerParameters(
        command=sys.executable, args=["-m", "vivim_graph", "mcp"], env=env
    )

    async def run() -> dict[str, Any]:
        async with stdio_client(params) as (read, write), ClientSession(read, write) as session:
            return await exercise(session)

    check_answers(anyio.run(run), env)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def http_server(env) -> Iterator[str]:
    port = free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "vivim_graph", "mcp", "--transport", "http", "--port", str(port)],
        env={**env, "VIVIM_MCP_TOKEN": TOKEN},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            assert process.poll() is None, process.stderr.read().decode() if process.stderr else ""
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", port)) == 0:
                    break
            time.sleep(0.2)
        yield f"http://127.0.0.1:{port}/mcp"
    finally:
        process.terminate()
        process.wait(timeout=10)


@asynccontextmanager
async def http_session(url: str, token: str):
    client = httpx2.AsyncClient(headers={"Authorization": f"Bearer {token}"}, timeout=60)
    async with (
        client,
        streamable_http_client(url, http_client=client) as (read, write),
        ClientSession(read, write) as session,
    ):
        yield session


def test_http(env, http_server):
    async def run() -> dict[str, Any]:
        async with http_session(http_server, TOKEN) as session:
            return await exercise(session)

    check_answers(anyio.run(run), env)


def status_of(url: str, headers: dict[str, str]) -> int:
    body = json.dumps(
        {"jsonrpc": "2.0", "id": 1, "method": "initialize", "params": {
            "protocolVersion": "2025-06-18", "capabilities": {},
            "clientInfo": {"name": "t", "version": "0"}}}
    ).encode()  # fmt: skip
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={
            "Content-Type": "application/json",
            "Accept": "application/json, text/event-stream",
            **headers,
        },
    )
    try:
        with urllib.request.urlopen(request, timeout=30) as response:
            return response.status
    except urllib.error.HTTPError as e:
        return e.code


def test_http_refuses_missing_or_wrong_token_and_foreign_host_or_origin(http_server):
    good = {"Authorization": f"Bearer {TOKEN}"}
    assert status_of(http_server, {}) == 401
    assert status_of(http_server, {"Authorization": "Bearer wrong"}) == 401
    assert status_of(http_server, {"Authorization": TOKEN}) == 401  # no Bearer scheme
    assert status_of(http_server, {**good, "Origin": "http://evil.example"}) == 403
    assert status_of(http_server, {**good, "Host": "evil.example"}) == 421
    assert status_of(http_server, good) == 200


def test_non_loopback_bind_without_token_is_refused(env):
    bare = {k: v for k, v in env.items() if k != "VIVIM_MCP_TOKEN"}
    done = subprocess.run(
        [sys.executable, "-m", "vivim_graph", "mcp", "--transport", "http", "--host", "0.0.0.0"],
        env=bare,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 1
    assert "without a token" in done.stderr
    assert os.environ.get("NEO4J_PASSWORD", "\0") not in done.stderr
    assert env["NEO4J_PASSWORD"] not in done.stderr
