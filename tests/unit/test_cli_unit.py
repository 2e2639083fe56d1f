"""The CLI without servers: help, exit codes of the error boundary."""

from __future__ import annotations

import os

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
