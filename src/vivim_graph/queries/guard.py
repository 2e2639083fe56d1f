"""Ad-hoc Cypher that cannot write, read files or run away: four layers, all enforced.

1. **Characters and tokens** (:mod:`vivim_graph.queries.lexer`): invisible/bidi characters,
   writes, ``LOAD CSV``, procedures and namespaced functions outside an allow-list, admin
   commands, ``IN TRANSACTIONS``, ``USE``, several statements, unbounded paths.
2. **The plan**: EXPLAIN in a READ session; the query type must be exactly ``r``, and no
   operator may be estimated above ``max_estimated_rows`` or expand a path without bound.
3. **The statement runs as sent** (never rewritten, so columns keep the names Neo4j gives
   them, ``l.city``), in a read transaction with a server-side timeout. The session pulls
   one batch of ``max_rows + 1`` records; once the row cap is met the rest is discarded,
   which tells the server to stop producing rows.
4. **While streaming**: rows are converted one by one and the answer stops at
   ``max_bytes`` of JSON (then the rest is discarded the same way).

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

_EXPANDING = ("VarLengthExpand", "Repeat", "ShortestPath", "StatefulShortestPath")
# Path bounds in plan details: `[anon_0*]`, `[r*2..]`, `[*..2147483647]` (what an unbounded
# quantified path inside EXISTS { } plans as), `[r*1..3]`, and quantifiers `{1, *}`, `{1, 3}`.
_STAR = re.compile(r"\*(\d*)(\.\.)?(\d*)\]")
_QUANTIFIER = re.compile(r"\{\s*\d+\s*,\s*(\*|\d+)\s*\}")


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
    cypher: str  # the statement as the caller sent it (checked), which is what ran
    parameters: dict[str, Any]
    truncated: str | None = None  # "row_cap" or "byte_cap" when the answer was cut short
    warnings: list[str] = field(default_factory=list)  # names the graph model lacks


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
    text = check_statement(statement, max_hops=limits.max_hops)
    with driver.session(
        database=database,
        default_access_mode=neo4j.READ_ACCESS,
        fetch_size=limits.max_rows + 1,  # one batch is enough; one more row says "truncated"
    ) as session:
        _check_plan(session, text, params, limits)
        columns, rows, truncated = _stream(session, text, params, limits)
    return GuardedResult(columns, rows, text, params, truncated)


def _check_plan(session: neo4j.Session, text: str, params: dict[str, Any], limits: Limits) -> None:
    """EXPLAIN the statement: read-only by Neo4j's own account, no runaway operator."""
    query = neo4j.Query(cast(LiteralString, "EXPLAIN " + text), timeout=limits.timeout_seconds)
    try:
        summary = session.run(query, params).consume()
    except neo4j.exceptions.Neo4jError as e:
        raise _translate(e, "plan") from e
    plan = summary.plan or {}
    if summary.query_type != "r":
        writer = _writing_operator(plan)
        raise CypherRefused(
            "write_refused",
            f"Neo4j plans this as query type {summary.query_type!r}, not read-only 'r'"
            + (f"; the plan writes at {writer}" if writer else ""),
            guard="plan",
            hint="remove the clause or procedure that writes and send a read query "
            "(MATCH … RETURN); the impact tools answer what-if questions",
        )
    _check_operators(plan, limits)


_WRITE_OPERATORS = re.compile(r"Create|Merge|Set|Delete|Remove|Foreach|ProcedureCall|Transaction")


def _upper_bounds(details: str) -> list[int | None]:
    """Each path's upper bound in an operator's details; None when it has none."""
    bounds: list[int | None] = []
    for low, dots, high in _STAR.findall(details):
        text = high if dots else low
        bounds.append(int(text) if text else None)
    for high in _QUANTIFIER.findall(details):
        bounds.append(None if high == "*" else int(high))
    return bounds


def _writing_operator(plan: dict[str, Any]) -> str | None:
    """The first plan operator that can write, with its details (it names the clause)."""
    for op in _operators(plan):
        name = str(op.get("operatorType", "")).split("@")[0]
        if _WRITE_OPERATORS.search(name):
            details = str((op.get("args") or {}).get("Details") or "")
            return f"{name} ({details[:80]})" if details else name
    return None


def _operators(plan: dict[str, Any]) -> list[dict[str, Any]]:
    return [plan] + [op for child in plan.get("children") or [] for op in _operators(child)]


def _check_operators(plan: dict[str, Any], limits: Limits) -> None:
    """Unbounded expansions first (the more specific refusal), then row estimates."""
    operators = _operators(plan)
    for op in operators:
        details = str((op.get("args") or {}).get("Details") or "")
        expanding = str(op.get("operatorType", "")).startswith(_EXPANDING)
        if expanding and any(b is None or b > limits.max_hops for b in _upper_bounds(details)):
            raise CypherRefused(
                "unbounded_path",
                f"the plan expands a path without an upper bound of at most "
                f"{limits.max_hops} hops ({details[:80]})",
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
    session: neo4j.Session, text: str, params: dict[str, Any], limits: Limits
) -> tuple[list[str], list[dict[str, Any]], str | None]:
    """Pull rows until the row or byte cap, then discard the rest (the server stops)."""

    @neo4j.unit_of_work(timeout=limits.timeout_seconds)
    def work(tx: neo4j.ManagedTransaction):
        result = tx.run(cast(LiteralString, text), params)
        columns = list(result.keys())  # as Neo4j names them: `l.city`, `count(*)`
        rows: list[dict[str, Any]] = []
        size, truncated = 0, None
        for record in result:
            if len(rows) >= limits.max_rows:
                truncated = "row_cap"
                break
            row = plain(record.data())  # nodes and relationships as their properties
            size += len(json.dumps(row, default=str, ensure_ascii=False).encode())
            if size > limits.max_bytes:
                truncated = "byte_cap"
                break
            rows.append(row)
        result.consume()  # DISCARD: the server stops producing what nobody will read
        return columns, rows, truncated

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
