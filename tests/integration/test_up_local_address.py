"""`vivim-graph up` with NEO4J_URI spelling out an address on this machine.

Naming the local server's own address (any of 127.0.0.1, localhost, ::1; neo4j:// or
bolt://) starts it; naming another port where nothing answers says so plainly before any
other work, never "Unable to retrieve routing information".
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

import pytest

from tests.servers import run_cli
from vivim_graph.jobs import refuse_silent_local_address
from vivim_graph.settings import load_settings


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def base_env(tmp_path: Path, bolt: int, http: int, uri: str) -> dict[str, str]:
    return {
        "PATH": os.environ["PATH"],
        "HOME": str(tmp_path),
        "NEO4J_URI": uri,
        "VIVIM_NEO4J_BOLT_PORT": str(bolt),
        "VIVIM_NEO4J_HTTP_PORT": str(http),
        "VIVIM_STATE_DIR": str(tmp_path / "state"),
    }


@pytest.mark.parametrize("uri", ["bolt://localhost:{bolt}", "neo4j://localhost:{bolt}"])
def test_the_local_address_by_name_starts_the_local_server(tmp_path: Path, uri: str):
    """The HTTP port is held by the test, so the start stops at once with the runner's own
    message: proof that `up` set out to start the local server at NEO4J_URI's address."""
    bolt = free_port()
    with socket.socket() as blocker:
        blocker.bind(("127.0.0.1", 0))
        blocker.listen()
        http = int(blocker.getsockname()[1])
        result = run_cli(base_env(tmp_path, bolt, http, uri.format(bolt=bolt)), "up")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert "NEO4J_URI names the local server's address" in result.stdout
    assert f"port {http} on 127.0.0.1 is taken" in result.stderr
    assert "routing" not in output.lower() and "Traceback" not in output


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1"])
def test_another_local_port_where_nothing_answers_is_said_plainly(tmp_path: Path, host: str):
    named, local, http = free_port(), free_port(), free_port()
    assert named != local
    env = base_env(tmp_path, local, http, f"neo4j://{host}:{named}")
    result = run_cli(env, "up")
    output = result.stdout + result.stderr
    assert result.returncode == 1, output
    assert f"nothing answers at NEO4J_URI neo4j://{host}:{named}" in result.stderr
    assert f"VIVIM_NEO4J_BOLT_PORT={named}" in result.stderr  # how to have it started there
    assert "routing" not in output.lower() and "Traceback" not in output
    # said before any other work: no server was started, no state written
    assert not (tmp_path / "state").exists()


def test_a_local_port_where_something_answers_is_taken_at_its_word():
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        port = int(listener.getsockname()[1])
        settings = load_settings(
            NEO4J_URI=f"bolt://127.0.0.1:{port}", VIVIM_NEO4J_BOLT_PORT=free_port()
        )
        assert refuse_silent_local_address(settings) is None
    remote = load_settings(NEO4J_URI="neo4j://db.example:7687", VIVIM_NEO4J_BOLT_PORT=port)
    assert refuse_silent_local_address(remote) is None  # not this machine: not ours to judge
