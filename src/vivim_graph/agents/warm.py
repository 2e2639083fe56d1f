"""Warm the MCP server before its first question: the server keeps one driver (its pool) for
its whole life; this reads the query catalog and the model's cost properties once, and has
Neo4j plan every named query, so an agent's first question does not pay for them.

Planning is ``EXPLAIN`` (nothing runs, nothing is read), in a read session, in a background
thread: the server answers at once, and a question that arrives first simply plans its
query itself. A query that fails to plan is left for its first caller, who gets the error.
"""

from __future__ import annotations

import threading
from typing import LiteralString, cast

import neo4j

from vivim_graph.agents.tools import Graph
from vivim_graph.impact.node import cost_properties
from vivim_graph.queries import catalog as queries


def warm(graph: Graph) -> list[str]:
    """Plan every named query once; returns the names Neo4j planned."""
    cost_properties(graph.model)
    planned = []
    with graph.driver.session(
        database=graph.database, default_access_mode=neo4j.READ_ACCESS
    ) as session:
        for name, query in queries.catalog().items():
            try:
                # EXPLAIN: planned and cached, nothing run (the header's comments follow it)
                session.run(cast(LiteralString, "EXPLAIN\n" + query.text)).consume()
            except neo4j.exceptions.Neo4jError:
                continue
            planned.append(name)
    return planned


def warm_in_background(graph: Graph) -> threading.Thread:
    """``warm`` in a daemon thread: it never holds the server up, nor keeps it alive."""
    thread = threading.Thread(target=_quietly, args=(graph,), name="vivim-warm", daemon=True)
    thread.start()
    return thread


def _quietly(graph: Graph) -> None:
    try:
        warm(graph)
    except Exception:  # the server lost Neo4j: the first question will say so clearly
        return
