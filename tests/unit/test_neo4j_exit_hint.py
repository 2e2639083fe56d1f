"""A local Neo4j that exits during start-up: the hint names the way out the log points to."""

from __future__ import annotations

from pathlib import Path

from vivim_graph.servers.local_neo4j import exit_hint

LOG = Path("/state/neo4j/logs/neo4j.log")

# A log tail in Neo4j 5.26's format around the phrase seen on this machine after a server's
# first start was killed with SIGKILL ("Transaction logs are missing").
DAMAGED = """\
2026-12-03 17:40:02.114+0000 ERROR Failed to start Neo4j on 127.0.0.1:7474.
org.neo4j.kernel.lifecycle.LifecycleException: Component 'DatabaseLifecycles' failed to initialize.
Caused by: java.lang.RuntimeException: Fail to start 'DatabaseId{00000000[system]}'.
Caused by: org.neo4j.kernel.impl.storemigration.UnableToUpgradeException: \
Transaction logs are missing and recovery is not possible.
"""


def test_a_damaged_store_points_at_reset_and_the_log():
    hint = exit_hint(DAMAGED, LOG)
    assert "vivim-graph neo4j reset" in hint and str(LOG) in hint


def test_any_other_exit_points_at_the_log_only():
    other = "ERROR Failed to bind to 127.0.0.1:7687: Address already in use"
    hint = exit_hint(other, LOG)
    assert "reset" not in hint and hint == f"full log: {LOG}"
