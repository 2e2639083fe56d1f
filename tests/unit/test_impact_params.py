"""The impact parameters are declared once (impact/params.py); the CLI options and the MCP
input schemas are generated from them. These listings are written out by hand, so a change
of the declaration (or of the generators) that alters a public surface fails here."""

from __future__ import annotations

import asyncio
import json

import click
import pytest

from vivim_graph.agents.server import build_server
from vivim_graph.agents.tools import Graph
from vivim_graph.cli.main import cli
from vivim_graph.errors import QueryError
from vivim_graph.impact.params import SCENARIOS, HireParams, check
from vivim_graph.impact.scenarios import RUNNERS

# (option, parameter name, click type info, default, required, help) of `impact hire`: the
# options it always had, now with the same bounds and choices as MCP and the library
HIRE_OPTIONS = [
    ("--location", "location", {"param_type": "String", "name": "text"}, None, True,
     "Code, city, region or country (malta)."),
    ("--role", "role", {"param_type": "String", "name": "text"}, None, True,
     "Role code, e.g. swe-senior."),
    ("--seniority", "seniority", {"choices": ["junior", "mid", "senior", "lead"],
     "case_sensitive": True, "param_type": "Choice", "name": "choice"}, None, False, None),
    ("--count", "count", {"min": 1, "max": 100, "min_open": False, "max_open": False,
     "clamp": False, "param_type": "IntRange", "name": "integer range"}, 1, False, None),
    ("--from", "start", {"param_type": "String", "name": "text"}, None, False,
     "Default: first not completed."),
    ("--employment-type", "employment_type", {"choices": ["employee", "contractor", "freelance"],
     "case_sensitive": True, "param_type": "Choice", "name": "choice"}, "employee", False,
     "contractor/freelance: the local rate x working days, no on-costs (R-CONTRACTOR)."),
    ("--fte", "fte", {"min": 0.01, "max": 1.0, "min_open": False, "max_open": False,
     "clamp": False, "param_type": "FloatRange", "name": "float range"}, 1.0, False,
     "Part-time share; on-costs are computed on the part-time pay (R-FTE)."),
    ("--format", "fmt", {"choices": ["table", "json", "csv"], "case_sensitive": True,
     "param_type": "Choice", "name": "choice"}, "table", False, None),
    ("--explain", "explain", {"param_type": "Bool", "name": "boolean"}, False, False,
     "Show the path and source rows."),
    ("--save", "save_as", {"param_type": "String", "name": "text"}, None, False,
     "Save as a :Scenario node."),
]  # fmt: skip

STRING_OR_NULL = {"anyOf": [{"type": "string"}, {"type": "null"}], "default": None}
HIRE_SCHEMA = {
    "properties": {
        "location": {"description": "Location code, city, region or country: malta",
                     "title": "Location", "type": "string"},
        "role": {"description": "Role code, e.g. swe-senior (find label=Role)", "title": "Role",
                 "type": "string"},
        "count": {"default": 1, "maximum": 100, "minimum": 1, "title": "Count",
                  "type": "integer"},
        "start_milestone": {**STRING_OR_NULL, "title": "Start Milestone",
                            "description":
                                "Milestone code the hires start in; default: first open"},
        "seniority": {"anyOf": [{"enum": ["junior", "mid", "senior", "lead"], "type": "string"},
                                {"type": "null"}],
                      "default": None, "description": "junior, mid, senior or lead",
                      "title": "Seniority"},
        "employment_type": {"default": "employee", "description":
                            "employee, contractor or freelance", "title": "Employment Type",
                            "enum": ["employee", "contractor", "freelance"], "type": "string"},
        "fte": {"default": 1.0, "minimum": 0.01, "maximum": 1, "title": "Fte",
                "type": "number"},
    },
    "required": ["location", "role"],
    "title": "impact_hireArguments",
    "type": "object",
}  # fmt: skip


def _command(name: str) -> click.Command:
    group = cli.commands["impact"]
    command = group.get_command(click.Context(group), name)  # type: ignore[attr-defined]
    assert command is not None
    return command


def test_hire_cli_options_are_the_listed_ones():
    command = _command("hire")
    found = []
    for p in command.params:
        info = json.loads(json.dumps(p.to_info_dict()))  # choices as lists
        found.append(
            (info["opts"][0], info["name"], info["type"], info["default"], info["required"],
             info["help"])
        )  # fmt: skip
    assert found == HIRE_OPTIONS
    metavars = {p.name: p.metavar for p in command.params}
    assert metavars["start"] == "MILESTONE" and metavars["location"] is None


def test_node_takes_label_and_key_as_arguments():
    command = _command("node")
    kinds = [(p.param_type_name, p.name) for p in command.params][:3]
    assert kinds == [("argument", "label"), ("argument", "key"), ("option", "depth")]


def _schemas() -> dict[str, dict]:
    graph = Graph(driver=None, model=None)  # type: ignore[arg-type]  # never queried here
    tools = asyncio.run(build_server(graph).list_tools())
    return {t.name: t.input_schema for t in tools}


def test_hire_mcp_schema_is_the_listed_one():
    schema = _schemas()["impact_hire"]
    assert schema == HIRE_SCHEMA
    assert list(schema["properties"]) == list(HIRE_SCHEMA["properties"])  # order too


def test_every_scenario_has_a_flat_tool_named_after_it():
    schemas = _schemas()
    assert set(RUNNERS) == set(SCENARIOS)
    for kind, model in SCENARIOS.items():
        props = schemas[f"impact_{kind}"]["properties"]
        assert all("$ref" not in p and p.get("type") != "object" for p in props.values())
        assert len(props) == len(model.model_fields)


GOOD = {"location": "malta", "role": "swe-senior"}


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        ({"count": 0}, "--count must be at least 1 and at most 100, not 0"),
        ({"count": -5}, "--count must be at least 1 and at most 100, not -5"),
        ({"count": 500}, "--count must be at least 1 and at most 100, not 500"),
        ({"fte": 0}, "--fte must be at least 0.01 and at most 1, not 0"),
        ({"fte": 1.5}, "--fte must be at least 0.01 and at most 1, not 1.5"),
        ({"employment_type": "intern"}, "--employment-type must be one of employee, contractor"),
        ({"seniority": "principal"}, "--seniority must be one of junior, mid, senior, lead"),
        ({"count": "many"}, "--count must be at least 1 and at most 100, not many"),
        ({"colour": "red"}, "no parameter 'colour' for impact hire"),
    ],
)
def test_library_refuses_bad_hire_values_naming_the_parameter(bad, message):
    with pytest.raises(QueryError, match=message):
        check(HireParams, **GOOD, **bad)


@pytest.mark.parametrize(
    "ok",
    [
        {},
        {"count": 1},
        {"count": 100},
        {"fte": 0.5},
        {"fte": 1},
        {"employment_type": "freelance"},
        {"seniority": "lead"},
        {"start": "M5"},
    ],
)
def test_library_accepts_ordinary_hire_values(ok):
    params = check(HireParams, **GOOD, **ok)
    assert params.location == "malta" and all(getattr(params, k) == v for k, v in ok.items())
