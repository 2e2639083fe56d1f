"""Ad-hoc Cypher for ``vivim-graph cypher`` and the MCP ``read_cypher`` tool: one function.

Every guard lives in :mod:`vivim_graph.queries.guard` (lexer, EXPLAIN plan, row and byte
caps, timeout); :func:`run_read_only` adds the teaching warnings of
:mod:`vivim_graph.queries.names` (names the graph model lacks, with the closest ones), so
the CLI and the MCP server answer the same statement the same way.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import neo4j

from vivim_graph.errors import QueryError
from vivim_graph.model.spec import GraphModel, load_model
from vivim_graph.queries.catalog import PARAM_TYPES, NamedQuery, Parameter, QueryResult
from vivim_graph.queries.guard import GuardedResult, Limits, run_guarded
from vivim_graph.queries.names import name_warnings, vocabulary

TIMEOUT_SECONDS = 30.0
_INTEGER = re.compile(r"[+-]?\d+")
_NUMBER = re.compile(r"[+-]?(\d+\.\d*|\.\d+|\d+)([eE][+-]?\d+)?")


def run_read_only(
    driver: neo4j.Driver,
    statement: str,
    params: dict[str, Any],
    *,
    limit: int = 1000,
    limits: Limits | None = None,
    database: str = "neo4j",
    model: GraphModel | None = None,
) -> GuardedResult:
    """Run one read-only statement, with warnings for names the model lacks.

    A refusal raises CypherRefused (a QueryError). ``limits`` wins over ``limit``.
    """
    limits = limits or Limits(timeout_seconds=TIMEOUT_SECONDS, max_rows=limit)
    result = run_guarded(driver, statement, params, limits=limits, database=database)
    result.warnings = name_warnings(result.cypher, vocabulary(model or load_model()))
    return result


def as_query_result(result: GuardedResult) -> QueryResult:
    """The answer in the shape the CLI's table, JSON and CSV printers take."""
    named = NamedQuery(
        name="(ad hoc)",
        path=Path("-"),
        text=result.cypher,
        question=result.cypher[:80],
        view=None,
        parameters=(),
        columns={},
        folder="adhoc",
        extra={"warnings": result.warnings, "truncated": result.truncated},
    )
    return QueryResult(named, result.columns, result.rows, result.parameters)


def parse_param(name: str, raw: str) -> Any:
    """One ``-p`` value for a statement without declared parameters.

    ``name:type=value`` converts as ``query -p`` does for a declared type (string, integer,
    number, boolean, date, list, map). A bare ``name=value`` reads integers, decimals,
    ``true``/``false``/``null`` and JSON lists and maps as such, and anything else as text;
    ``name:string=007`` keeps digits as text.
    """
    base, _, kind = name.partition(":")
    if kind:
        if kind not in PARAM_TYPES:
            raise QueryError(
                f"parameter {base} has unknown type {kind!r}",
                hint=f"types: {', '.join(PARAM_TYPES)}",
            )
        return Parameter(name=base, type=kind).convert(raw)
    if _INTEGER.fullmatch(raw):
        return int(raw)
    if _NUMBER.fullmatch(raw):
        return float(raw)
    if raw in ("true", "false", "null") or raw[:1] in ("[", "{"):
        try:
            return json.loads(raw)
        except ValueError as e:
            raise QueryError(
                f"parameter {base}: {raw!r} is not valid JSON",
                hint=f"write it as JSON, or pass {base}:string=… for text",
            ) from e
    return raw
