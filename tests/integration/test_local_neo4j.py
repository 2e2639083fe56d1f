"""The local Neo4j runner itself: start, idempotent start, stop frees ports, data persists.

Runs its own server on its own ports and state directory, whatever backend the rest of the
suite uses, because this is the code path every user without Docker depends on.
"""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from pydantic import SecretStr

from tests.servers import TEST_STATE_DIR, worker_port
from vivim_graph.neo4j_db import make_driver
from vivim_graph.servers.local_neo4j import LocalNeo4j
from vivim_graph.settings import load_settings

pytestmark = pytest.mark.integration

BOLT, HTTP = (
    worker_port("VIVIM_TEST_LIFECYCLE_BOLT_PORT", 17787),
    worker_port("VIVIM_TEST_LIFECYCLE_HTTP_PORT", 17574),
)


def _port_open(port: int) -> bool:
    with socket.socket() as sock:
        sock.settimeout(0.5)
        return sock.connect_ex(("127.0.0.1", port)) == 0


def test_stop_frees_ports_and_restart_keeps_data(tmp_path):
    settings = load_settings(
        VIVIM_STATE_DIR=TEST_STATE_DIR / "lifecycle",
        VIVIM_NEO4J_BOLT_PORT=BOLT,
        VIVIM_NEO4J_HTTP_PORT=HTTP,
        VIVIM_NEO4J_HEAP="512m",
        VIVIM_NEO4J_PAGECACHE="128m",
        VIVIM_JVM_OPTIONS="-XX:TieredStopAtLevel=1 -Dvivim.lifecycle=yes",
        NEO4J_PASSWORD=SecretStr("lifecycle-pass"),
        NEO4J_URI=None,
    )
    server = LocalNeo4j(settings, home=tmp_path / "neo4j")
    messages: list[str] = []
    try:
        status = server.start(echo=messages.append)
        assert status.running and status.version and status.version.startswith("5.26")
        again = server.start(echo=messages.append)
        assert again.pid == status.pid
        assert any("already running" in m for m in messages)
        # VIVIM_JVM_OPTIONS reach the server's JVM, after the defaults (so they win)
        arguments = Path(f"/proc/{status.pid}/cmdline").read_bytes().split(b"\0")
        assert b"-Dvivim.lifecycle=yes" in arguments
        assert arguments.index(b"-XX:TieredStopAtLevel=1") > arguments.index(b"-Xmx512m")
        assert b"-XX:+UseG1GC" in arguments  # no collector among the options: Neo4j's own

        driver = make_driver(settings)
        driver.execute_query("CREATE (:Persisted {k: 'kept'})", database_="neo4j")
        driver.close()

        assert server.stop() is True
        assert not _port_open(BOLT) and not _port_open(HTTP)
        assert server.status().running is False

        server.start(echo=messages.append)
        driver = make_driver(settings)
        records, _, _ = driver.execute_query(
            "MATCH (p:Persisted) RETURN p.k AS k", database_="neo4j"
        )
        driver.close()
        assert [r["k"] for r in records] == ["kept"]
    finally:
        server.stop()
    assert not _port_open(BOLT)
