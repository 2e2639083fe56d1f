"""Ad-hoc Cypher for ``vivim-graph cypher``: the same guards the MCP server uses.

Every layer lives in :mod:`vivim_graph.queries.guard` (lexer, EXPLAIN plan, capped query,
timeout, byte cap); this module only shapes the answer as a :class:`QueryResult` for the
CLI's table, JSON and CSV output.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import neo4j

from vivim_graph.queries.catalog import NamedQuery, QueryResult
from vivim_graph.queries.guard import Limits, run_guarded

TIMEOUT_SECONDS = 30.0


def run_read_only(
    driver: neo4j.Driver,
    statement: str,
    params: dict[str, Any],
    *,
    limit: int = 1000,
    database: str = "neo4j",
) -> QueryResult:
    """Run one read-only statement; a refusal raises CypherRefused (a QueryError)."""
    limits = Limits(timeout_seconds=TIMEOUT_SECONDS, max_rows=limit)
    result = run_guarded(driver, statement, params, limits=limits, database=database)
    named = NamedQuery(
        name="(ad hoc)",
        path=Path("-"),
        text=result.cypher,
        question=result.cypher[:80],
        view=None,
        parameters=(),
        columns={},
        folder="adhoc",
    )
    return QueryResult(named, result.columns, result.rows, params)
