"""Named Cypher queries: files under ``cypher/`` named after what they compute (dbt-style).

Each file opens with a header of ``//`` comment lines holding YAML, ended by a bare ``//``
line or the first line of Cypher (comments after a bare ``//`` are prose)::

    // view: v_milestone_cost_summary        (the SQL view it stands in for, if any)
    // question: What does each milestone cost, cumulatively and per user?
    // parameters:
    //   milestone: {type: string, description: "Milestone code, e.g. M5; all if omitted"}
    // columns:
    //   milestone_code: text
    //   total_cost_mid_cents: money          (integer cents; the row's currency, else EUR)
    //   cost_per_user_micros: price          (integer millionths)

The catalog is read once and checked (every file has a question and columns, parameter
types are known). The query text is sent to Neo4j as it is, comments included.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, LiteralString, cast

import neo4j
import yaml

from vivim_graph.errors import QueryError, did_you_mean
from vivim_graph.queries.lexer import tokenize
from vivim_graph.resources import resource_dir

COLUMN_KINDS = {"text", "integer", "number", "money", "price", "date", "boolean", "list", "any"}
PARAM_TYPES: dict[str, Any] = {
    "string": str,
    "integer": int,
    "number": float,
    "boolean": bool,
    "date": dt.date,
    "list": list,  # given as JSON on the command line
    "map": dict,  # given as JSON on the command line
}
SCALES = {"money": 100, "price": 1_000_000}
FOLDERS = ("views", "impact", "explore")


@dataclass(frozen=True)
class Parameter:
    name: str
    type: str
    required: bool = False
    default: Any = None
    description: str = ""

    def convert(self, raw: Any) -> Any:
        """A value from the command line or JSON, as the declared type."""
        if raw is None or not isinstance(raw, str):
            return raw
        try:
            if self.type == "integer":
                return int(raw)
            if self.type == "number":
                return float(raw)
            if self.type == "boolean":
                if raw.lower() not in ("true", "false", "1", "0", "yes", "no"):
                    raise ValueError(raw)
                return raw.lower() in ("true", "1", "yes")
            if self.type == "date":
                return dt.date.fromisoformat(raw)
            if self.type in ("list", "map"):
                value = json.loads(raw)
                if not isinstance(value, PARAM_TYPES[self.type]):
                    raise ValueError(raw)
                return value
        except ValueError as e:
            raise QueryError(f"parameter {self.name} must be a {self.type}, not {raw!r}") from e
        return raw


@dataclass(frozen=True)
class NamedQuery:
    name: str  # "<folder>/<file stem>" for impact and explore; the stem for views
    path: Path
    text: str
    question: str
    view: str | None
    parameters: tuple[Parameter, ...]
    columns: dict[str, str]
    folder: str = "views"
    extra: dict[str, Any] = field(default_factory=dict)

    def bind(self, given: dict[str, Any]) -> dict[str, Any]:
        """Check and convert the parameters; unknown or missing ones name the valid ones."""
        known = {p.name: p for p in self.parameters}
        unknown = sorted(set(given) - set(known))
        if unknown:
            raise QueryError(
                f"query {self.name} has no parameter {', '.join(unknown)}; "
                f"valid: {', '.join(known) or '(none)'}"
            )
        bound = {}
        for p in self.parameters:
            value = p.convert(given.get(p.name, p.default))
            if value is None and p.required:
                raise QueryError(
                    f"query {self.name} needs parameter {p.name} ({p.type}): {p.description}"
                )
            bound[p.name] = value
        return bound


# libyaml's loader when PyYAML has it: the catalog's ~60 headers parse several times faster.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_HEADER_LINE = re.compile(r"^//( ?)(.*)$")


def parse_file(path: Path, name: str, folder: str) -> NamedQuery:
    text = path.read_text(encoding="utf-8")
    header_lines = []
    for line in text.splitlines():
        match = _HEADER_LINE.match(line)
        if not match or not line.strip("/ \t"):  # a bare `//` ends the header: prose follows
            break
        header_lines.append(match.group(2))
    try:
        header = yaml.load("\n".join(header_lines), Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as e:
        raise QueryError(f"{path}: the header is not valid YAML: {e}") from e
    if not isinstance(header, dict) or not header.get("question"):
        raise QueryError(f"{path}: the header needs at least `question:` and `columns:`")
    columns = header.get("columns") or {}
    bad = {c: k for c, k in columns.items() if k not in COLUMN_KINDS}
    if bad:
        raise QueryError(f"{path}: unknown column kinds {bad}; use one of {sorted(COLUMN_KINDS)}")
    parameters = []
    for pname, spec in (header.get("parameters") or {}).items():
        spec = spec or {}
        if spec.get("type", "string") not in PARAM_TYPES:
            raise QueryError(f"{path}: parameter {pname} has unknown type {spec.get('type')}")
        parameters.append(
            Parameter(
                name=pname,
                type=spec.get("type", "string"),
                required=bool(spec.get("required")),
                default=spec.get("default"),
                description=str(spec.get("description", "")),
            )
        )
    known = {"view", "question", "parameters", "columns"}
    return NamedQuery(
        name=name,
        path=path,
        text=text,
        question=" ".join(str(header["question"]).split()),
        view=header.get("view"),
        parameters=tuple(parameters),
        columns=dict(columns),
        folder=folder,
        extra={k: v for k, v in header.items() if k not in known},
    )


@cache
def catalog(root: Path | None = None) -> dict[str, NamedQuery]:
    """Every named query, by name: views by stem, others as ``folder/stem``."""
    root = root or resource_dir("cypher")
    queries: dict[str, NamedQuery] = {}
    for folder in FOLDERS:
        for path in sorted((root / folder).glob("*.cypher")):
            name = path.stem if folder == "views" else f"{folder}/{path.stem}"
            queries[name] = parse_file(path, name, folder)
    return queries


def get(name: str) -> NamedQuery:
    queries = catalog()
    if name not in queries:
        hint = did_you_mean(name, list(queries))
        raise QueryError(
            f"no query named {name!r}.{hint} `vivim-graph query --list` shows all {len(queries)}."
        )
    return queries[name]


@dataclass
class QueryResult:
    query: NamedQuery
    columns: list[str]
    rows: list[dict[str, Any]]
    parameters: dict[str, Any]


def run(
    driver: neo4j.Driver,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    database: str = "neo4j",
) -> QueryResult:
    """Run a named query in a read transaction."""
    get(name).bind(params or {})  # a wrong name or parameter fails before connecting
    try:
        with driver.session(database=database, default_access_mode=neo4j.READ_ACCESS) as s:
            return s.execute_read(run_in, name, params)
    except neo4j.exceptions.Neo4jError as e:
        raise QueryError(f"query {name} failed in Neo4j: {e.message}") from e


_SCALARS = (str, int, float, bool, type(None))


class _NotPlain(Exception):
    """A value holding a node, relationship, path or temporal value."""


def _plain(value: Any) -> Any:
    """A copy of a value made only of scalars, lists and maps (every impact query's rows)."""
    kind = type(value)
    if kind in _SCALARS:
        return value
    # scalars, most of the values, without a call each (a collected blast radius holds
    # thousands of them)
    if kind is list:
        return [v if type(v) in _SCALARS else _plain(v) for v in value]
    if kind is dict:
        return {k: v if type(v) in _SCALARS else _plain(v) for k, v in value.items()}
    raise _NotPlain


def plain_row(record: neo4j.Record) -> dict[str, Any]:
    """A record as ``record.data()`` gives it, with scalars, lists and maps on a fast path:
    the driver's exporter checks every value against a dozen abstract types, which was a
    fifth of a scenario's time; anything else goes through the exporter as before."""
    row = {}
    for key, value in record.items():
        try:
            row[key] = _plain(value)
        except _NotPlain:
            row[key] = record.data(key)[key]
    return row


def run_in(
    tx: neo4j.ManagedTransaction,
    name: str,
    params: dict[str, Any] | None = None,
    *,
    query: NamedQuery | None = None,
) -> QueryResult:
    """Run a named query inside a transaction the caller holds (several queries, one
    transaction: one consistent snapshot, no BEGIN/COMMIT per query); ``query`` runs in its
    stead a variant of it (``anchored``) under the same name and parameters."""
    query = query or get(name)
    bound = query.bind(params or {})
    try:
        result = tx.run(cast(LiteralString, query.text), **bound)
        columns, rows = list(result.keys()), [plain_row(record) for record in result]
        if query.extra.get("collected"):  # one record back: the rows it holds, in order
            columns = list(query.columns)
            rows = [{c: row[c] for c in columns} for row in rows[0]["rows"]]
    except neo4j.exceptions.Neo4jError as e:
        if e.is_retryable():  # the managed transaction runs the whole unit of work again
            raise
        raise QueryError(f"query {name} failed in Neo4j: {e.message}") from e
    return QueryResult(query, columns, rows, bound)


_ANCHOR = re.compile(r"^// anchor \{.*?^// \} anchor\n", re.MULTILINE | re.DOTALL)


def anchored(query: NamedQuery, anchor: str) -> NamedQuery:
    """The query with the lines from its ``// anchor {`` line to its ``// } anchor`` line
    replaced by ``anchor``: a caller that knows more than the query's parameters say (the
    label of a node, from the graph model) starts it where an index or a label scan can."""
    text, found = _ANCHOR.subn(lambda _: anchor + "\n", query.text)
    if found != 1:
        raise QueryError(f"{query.path}: needs exactly one `// anchor {{` ... `// }} anchor` block")
    return dataclasses.replace(query, text=text)


_COLUMN = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")


def _collect(query: NamedQuery) -> str:
    """The aggregation that gathers a query's rows, its declared columns in order, as maps."""
    fields = ", ".join(f"`{c}`: `{c}`" for c in query.columns)
    return f"collect({{{fields}}})"


def collected(query: NamedQuery) -> NamedQuery:
    """The query run as a subquery whose rows come back in ONE record, a list of maps in
    their order; ``run_in`` hands them out as rows again (same columns, same values). For
    a caller that reads hundreds of rows: the driver decodes each record on its own (a
    message, two socket reads and a Record per row), a single list at once."""
    bad = [c for c in query.columns if not _COLUMN.match(c)]
    if bad or not query.columns:
        raise QueryError(f"{query.path}: columns {bad or '(none)'} cannot be collected")
    text = f"CALL () {{\n{query.text.rstrip()}\n}}\nRETURN {_collect(query)} AS rows"
    return dataclasses.replace(query, text=text, extra={**query.extra, "collected": True})


def _renamed_parameters(text: str, prefix: str) -> str:
    """``text`` with every ``$name`` written ``$<prefix>name`` (found by the lexer, so a
    ``$`` inside a string literal or a comment is left alone)."""
    out, last = [], 0
    for token in tokenize(text):
        if token.kind == "param":
            out += [text[last : token.pos], "$", prefix, token.value]
            last = token.pos + 1 + len(token.value)
    return "".join(out) + text[last:]


@dataclass(frozen=True)
class Combined:
    """Several named queries sent as ONE statement (``combined``), and how to split its one
    record back into each query's rows."""

    text: str
    parameters: dict[str, Any]
    parts: tuple[tuple[NamedQuery, dict[str, Any]], ...]  # each query (collected), bound

    def results(self, record: neo4j.Record) -> list[QueryResult]:
        results = []
        for i, (query, bound) in enumerate(self.parts):
            columns = list(query.columns)
            rows = [{c: row[c] for c in columns} for row in _plain(record[f"rows{i}"])]
            results.append(QueryResult(query, columns, rows, bound))
        return results


def combined_text(parts: list[NamedQuery]) -> str:
    """The statement ``combined`` sends for ``parts``, in order."""
    blocks = []
    for i, query in enumerate(parts):
        body = _renamed_parameters(query.text.rstrip(), f"q{i}_")
        blocks.append(
            f"CALL () {{\n  CALL () {{\n{body}\n  }}\n  RETURN {_collect(query)} AS rows{i}\n}}"
        )
    return "\n".join(blocks) + "\nRETURN " + ", ".join(f"rows{i}" for i in range(len(parts)))


@cache
def _combined_text(names: tuple[str, ...]) -> str:  # the lexer's pass, once per combination
    return combined_text([get(name) for name in names])


def combined(calls: list[tuple[str, dict[str, Any]]]) -> Combined:
    """Independent named queries as one statement of one record: each runs as a subquery of
    its own (no variable crosses between them) whose rows come back collected in a column
    ``rows<i>``, its parameters renamed ``$q<i>_<name>`` so two queries may give one name
    different values. One round trip instead of one per query; every query's rows, columns
    and order are what it gives alone (``tests/integration/test_impact_collected.py``)."""
    parameters: dict[str, Any] = {}
    parts = []
    for i, (name, params) in enumerate(calls):
        query = get(name)
        bound = query.bind(params)
        parameters.update({f"q{i}_{k}": v for k, v in bound.items()})
        parts.append((collected(query), bound))
    text = _combined_text(tuple(name for name, _ in calls))
    return Combined(text, parameters, tuple(parts))


def run_combined(
    tx: neo4j.ManagedTransaction, calls: list[tuple[str, dict[str, Any]]]
) -> list[QueryResult]:
    """Run ``combined(calls)`` in the caller's transaction; each query's result, in order."""
    together = combined(calls)
    names = ", ".join(name for name, _ in calls)
    try:
        record = tx.run(cast(LiteralString, together.text), together.parameters).single(strict=True)
    except neo4j.exceptions.Neo4jError as e:
        if e.is_retryable():
            raise
        raise QueryError(f"queries {names} failed in Neo4j: {e.message}") from e
    return together.results(record)
