"""Ad-hoc Cypher that cannot write, read files or run away: four layers, all enforced.

1. **Characters and tokens** (:mod:`vivim_graph.queries.lexer`): invisible/bidi characters,
   writes, ``LOAD CSV``, procedures and namespaced functions outside an allow-list, admin
   commands, ``IN TRANSACTIONS``, ``USE``, several statements, unbounded paths.
2. **The plan**: EXPLAIN in a READ session; the query type must be exactly ``r``, and no
   operator may be estimated above ``max_estimated_rows`` or expand a path without bound.
3. **The query itself is capped**: it runs as ``CALL () { <query> } RETURN * LIMIT $cap``
   (valid Cypher 5 for any query ending in RETURN; Neo4j stops pulling once the limit is
   met), in a read transaction with a server-side timeout.
4. **While streaming**: rows are converted one by one and the answer stops at
   ``max_bytes`` of JSON.

A READ access mode only routes a query in a cluster; it is no permission (Community
edition has no read-only role), which is why layers 1 and 2 exist.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any, LiteralString, cast

import neo4j

from vivim_graph.errors import CypherRefused
from vivim_graph.queries.lexer import MAX_HOPS, check_statement
from vivim_graph.values import plain

CAP_PARAMETER = "__vivim_cap"  # our own parameter name; a user parameter may not clash
_EXPANDING = ("VarLengthExpand", "Repeat", "ShortestPath", "StatefulShortestPath")
# In plan details: `[anon_0*]`, `[r*2..]`, and a quantified path `{1, *}`.
_UNBOUNDED = re.compile(r"\*(?:\d+)?\.\.(?!\d)|\*\s*\]|\{\s*\d+\s*,\s*\*\s*\}")


@dataclass(frozen=True)
class Limits:
    timeout_seconds: float = 15.0
    max_rows: int = 1000
    max_bytes: int = 1_000_000
    max_hops: int = MAX_HOPS
    max_estimated_rows: float = 50_000_000.0


@dataclass
class GuardedResult:
    columns: list[str]
    rows: list[dict[str, Any]]
    cypher: str  # the statement as the caller sent it (checked)
    executed: str  # what ran: the statement wrapped with its LIMIT
    parameters: dict[str, Any]
    truncated: str | None = None  # "row_cap" or "byte_cap" when the answer was cut short
    notes: list[str] = field(default_factory=list)


def run_guarded(
    driver: neo4j.Driver,
    statement: str,
    params: dict[str, Any] | None = None,
    *,
    limits: Limits | None = None,
    database: str = "neo4j",
) -> GuardedResult:
    """Check ``statement`` through every layer and run it; refusals raise CypherRefused."""
    limits = limits or Limits()
    params = dict(params or {})
    if CAP_PARAMETER in params:
        raise CypherRefused(
            "parameter_reserved",
            f"${CAP_PARAMETER} is reserved",
            guard="lexer",
            hint="rename that parameter",
        )
    text = check_statement(statement, max_hops=limits.max_hops)
    wrapped = f"CALL () {{\n{text}\n}}\nRETURN * LIMIT ${CAP_PARAMETER}"
    bound = {**params, CAP_PARAMETER: limits.max_rows + 1}  # one more: says "truncated"
    with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as session:
        columns = _check_plan(session, text, wrapped, bound, limits)
        rows, truncated = _stream(session, wrapped, bound, columns, limits)
    return GuardedResult(columns, rows, text, wrapped, params, truncated)


def _explain(session: neo4j.Session, text: str, params: dict[str, Any], limits: Limits):
    query = neo4j.Query(cast(LiteralString, "EXPLAIN " + text), timeout=limits.timeout_seconds)
    result = session.run(query, params)
    return list(result.keys()), result.consume()


def _check_plan(
    session: neo4j.Session, text: str, wrapped: str, params: dict[str, Any], limits: Limits
) -> list[str]:
    """EXPLAIN the statement (its columns, in order) and its wrapped form (what will run)."""
    try:
        columns, summary = _explain(session, text, params, limits)
    except neo4j.exceptions.Neo4jError as e:
        raise _translate(e, "plan") from e
    if summary.query_type != "r":
        raise CypherRefused(
            "write_refused",
            f"Neo4j plans this as query type {summary.query_type!r}, not read-only 'r'",
            guard="plan",
            hint="send a read query (MATCH … RETURN); the impact tools answer what-if questions",
        )
    try:
        _, wrapped_summary = _explain(session, wrapped, params, limits)
    except neo4j.exceptions.Neo4jError as e:
        raise CypherRefused(
            "return_required",
            "the statement cannot be capped: it must end with RETURN",
            guard="plan",
            hint="end with RETURN …; a procedure call needs YIELD … RETURN …",
        ) from e
    if wrapped_summary.query_type != "r":  # cannot differ; checked so it never silently does
        raise CypherRefused("write_refused", "the capped form is not read-only", guard="plan")
    _check_operators(wrapped_summary.plan or {}, limits)
    return columns


def _operators(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [plan] + [op for child in plan.get("children") or [] for op in _operators(child)]


def _check_operators(plan: dict[str, Any], limits: Limits) -> None:
    """Unbounded expansions first (the more specific refusal), then row estimates."""
    operators = _operators(plan)
    for op in operators:
        details = str((op.get("args") or {}).get("Details") or "")
        if str(op.get("operatorType", "")).startswith(_EXPANDING) and _UNBOUNDED.search(details):
            raise CypherRefused(
                "unbounded_path",
                f"the plan expands a path without an upper bound ({details[:80]})",
                guard="plan",
                hint=f"bound the pattern, e.g. [*1..{limits.max_hops}]",
            )
    for op in operators:
        estimate = float((op.get("args") or {}).get("EstimatedRows") or 0)
        if estimate > limits.max_estimated_rows:
            name = str(op.get("operatorType", "")).split("@")[0]
            raise CypherRefused(
                "too_expensive",
                f"Neo4j estimates {estimate:,.0f} rows at {name}",
                guard="plan",
                hint="start from nodes found by label and key (see graph_schema / find), "
                "avoid comma-separated MATCH patterns that are not connected, bound paths",
            )


def _stream(
    session: neo4j.Session,
    wrapped: str,
    params: dict[str, Any],
    columns: list[str],
    limits: Limits,
) -> tuple[list[dict[str, Any]], str | None]:
    @neo4j.unit_of_work(timeout=limits.timeout_seconds)
    def work(tx: neo4j.ManagedTransaction) -> tuple[list[dict[str, Any]], str | None]:
        rows: list[dict[str, Any]] = []
        size = 0
        for record in tx.run(cast(LiteralString, wrapped), params):
            if len(rows) >= limits.max_rows:
                return rows, "row_cap"
            row = {c: plain(record[c]) for c in columns}  # the statement's column order
            size += len(json.dumps(row, default=str, ensure_ascii=False).encode())
            if size > limits.max_bytes:
                return rows, "byte_cap"
            rows.append(row)
        return rows, None

    try:
        return session.execute_read(work)
    except neo4j.exceptions.Neo4jError as e:
        raise _translate(e, "runtime") from e


def _translate(error: neo4j.exceptions.Neo4jError, guard: str) -> CypherRefused:
    """Driver errors as refusals with a code; Neo4j messages never hold credentials."""
    code = error.code or ""
    message = error.message or code
    if "TransactionTimedOut" in code or "Terminated" in code:
        return CypherRefused(
            "timeout",
            f"stopped after the time limit: {message}",
            guard=guard,
            hint="narrow the query: start from a node found by key, filter early, aggregate",
        )
    if "MemoryPoolOutOfMemory" in code or "OutOfMemory" in code:
        return CypherRefused(
            "too_expensive",
            f"stopped by the memory limit: {message}",
            guard=guard,
            hint="narrow the query or aggregate before collecting",
        )
    if "ParameterMissing" in code:
        return CypherRefused(
            "parameter_missing", message, guard=guard, hint="pass every $name in `parameters`"
        )
    if "ProcedureNotFound" in code or "SyntaxError" in code or "Statement" in code:
        return CypherRefused(
            "invalid_cypher",
            message,
            guard=guard,
            hint="fix the statement; graph_schema lists the labels, types and properties",
        )
    return CypherRefused("neo4j_error", message, guard=guard, hint=None)
