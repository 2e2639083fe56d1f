"""Ad-hoc Cypher that cannot write: checked by EXPLAIN before it runs, in a READ session.

A READ access mode only routes a query in a cluster; it is no permission (Community
edition has no read-only role). So the statement is planned first with EXPLAIN, and only a
plan whose query type is exactly ``r`` (read only) runs, inside a read transaction with a
timeout, and its rows are capped.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, LiteralString, cast

import neo4j

from vivim_graph.errors import QueryError
from vivim_graph.queries import NamedQuery, QueryResult

TIMEOUT_SECONDS = 30.0


def run_read_only(
    driver: neo4j.Driver,
    statement: str,
    params: dict[str, Any],
    *,
    limit: int = 1000,
    database: str = "neo4j",
) -> QueryResult:
    text = statement.strip().rstrip(";")
    if not text:
        raise QueryError("empty statement")
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        try:
            plan = session.run(cast(LiteralString, "EXPLAIN " + text), **params).consume()
        except neo4j.exceptions.Neo4jError as e:
            raise QueryError(f"Neo4j cannot run this statement: {e.message}") from e
        if plan.query_type != "r":
            raise QueryError(
                f"refused: the statement could write (query type {plan.query_type!r}); "
                "`vivim-graph cypher` runs read-only statements only"
            )

        @neo4j.unit_of_work(timeout=TIMEOUT_SECONDS)
        def work(tx: neo4j.ManagedTransaction) -> tuple[list[str], list[dict[str, Any]]]:
            result = tx.run(cast(LiteralString, text), **params)
            rows = []
            for record in result:  # streamed; stop at the cap instead of fetching all
                if len(rows) >= limit:
                    break
                rows.append(record.data())
            return list(result.keys()), rows

        try:
            columns, rows = session.execute_read(work)
        except neo4j.exceptions.Neo4jError as e:
            raise QueryError(f"the statement failed: {e.message}") from e
    named = NamedQuery(
        name="(ad hoc)",
        path=Path("-"),
        text=text,
        question=text[:80],
        view=None,
        parameters=(),
        columns={},
        folder="adhoc",
    )
    return QueryResult(named, columns, rows, params)
