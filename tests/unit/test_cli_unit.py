"""The CLI without servers: help, exit codes of the error boundary."""

from __future__ import annotations

import datetime as dt
import os

import pytest

from tests.servers import run_cli_process as run_cli
from vivim_graph.cli.main import main


def test_help_lists_the_commands(capsys):
    assert main(["--help"]) in (0, None)
    out = capsys.readouterr().out
    for command in ("up", "neo4j", "postgres", "doctor", "db"):
        assert command in out


def test_project_error_exits_1_without_traceback(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    env = {
        "PATH": "/usr/bin:/bin",
        "VIVIM_CONFIG": str(tmp_path / "missing.yaml"),
        "HOME": str(tmp_path),
    }
    result = run_cli(env, "neo4j", "status")
    assert result.returncode == 1
    assert "missing.yaml" in result.stderr and "Traceback" not in result.stderr


def test_unknown_command_exits_nonzero():
    result = run_cli(dict(os.environ), "no-such-command")
    assert result.returncode == 1
    assert "No such command" in result.stderr


@pytest.mark.parametrize(
    ("name", "raw", "expected"),
    [
        ("min", "100000", 100000),
        ("n", "-3", -3),
        ("rate", "1.5", 1.5),
        ("flag", "true", True),
        ("none", "null", None),
        ("codes", '["MT-VLT", "IT-CTA"]', ["MT-VLT", "IT-CTA"]),
        ("m", '{"code": "M7"}', {"code": "M7"}),
        ("code", "M7", "M7"),
        ("code:string", "007", "007"),
        ("n:integer", "12", 12),
        ("on:date", "2026-05-01", dt.date(2026, 5, 1)),
        ("ok:boolean", "yes", True),
        ("text", "12 apples", "12 apples"),
    ],
)
def test_cypher_parameters_are_typed_like_query_parameters(name, raw, expected):
    from vivim_graph.queries.read_only import parse_param

    value = parse_param(name, raw)
    assert value == expected and type(value) is type(expected)


@pytest.mark.parametrize(("name", "raw"), [("n:integer", "x"), ("n:float", "1"), ("l", "[1,")])
def test_bad_cypher_parameters_name_the_parameter(name, raw):
    from vivim_graph.errors import QueryError
    from vivim_graph.queries.read_only import parse_param

    with pytest.raises(QueryError, match=name.partition(":")[0]):
        parse_param(name, raw)
