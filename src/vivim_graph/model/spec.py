"""The graph model: one declarative file (``graph/model.yaml``) that everything derives from.

Each entity table is a node label; each foreign key is a relationship from the row that
holds it to the row it points at; each pure join table (a primary key made of exactly two
foreign keys) is a relationship whose other columns become relationship properties.

Property types say how a column crosses into Neo4j exactly:

============ ======================= ===============================================
type         PostgreSQL              Neo4j property
============ ======================= ===============================================
integer      smallint/int/bigint     Integer
string       text/varchar/char/enum  String
boolean      boolean                 Boolean
date         date                    Date
datetime     timestamp[tz]           DateTime
money        NUMERIC(p>=10, 2)       Integer **cents**, property ``<column>_cents``
price        NUMERIC(p, 3..6)        Integer **micros** (1e-6), ``<column>_micros``
decimal      other NUMERIC           Float (percentages, FTE, token amounts: not money)
float        real/double             Float
json         json/jsonb              String (JSON text)
list         arrays                  List
============ ======================= ===============================================

Money stays exact: cents and micros are integers, and the row's ``currency`` column (EUR
unless the row says otherwise) is a property beside them.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
from functools import cached_property
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from vivim_graph.errors import ModelError
from vivim_graph.resources import resource_dir

PropertyType = Literal[
    "integer",
    "string",
    "boolean",
    "date",
    "datetime",
    "money",
    "price",
    "decimal",
    "float",
    "json",
    "list",
]
_LABEL = re.compile(r"^[A-Z][A-Za-z0-9]*$")
_REL_TYPE = re.compile(r"^[A-Z][A-Z0-9_]*$")
_PROP = re.compile(r"^[a-z][a-z0-9_]*$")
SCALE = {"money": 100, "price": 1_000_000}
# Set by the importer on every node: its module, and the joined key of a composite key.
RESERVED = {"module", "key"}


class _Spec(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PropertySpec(_Spec):
    column: str
    name: str
    type: PropertyType
    required: bool = False

    @model_validator(mode="after")
    def _check(self) -> PropertySpec:
        if not _PROP.match(self.name):
            raise ValueError(f"property name {self.name!r} must be snake_case")
        suffix = {"money": "_cents", "price": "_micros"}.get(self.type)
        if suffix and not self.name.endswith(suffix):
            raise ValueError(f"{self.type} property {self.name!r} must end in {suffix}")
        return self


class ReferenceSpec(_Spec):
    """A foreign key of a node table, drawn as ``(this)-[:TYPE]->(target)``."""

    type: str
    columns: tuple[str, ...]
    target: str  # target table
    target_columns: tuple[str, ...] = ("id",)
    description: str = ""


class NodeSpec(_Spec):
    table: str
    label: str
    module: str
    key: tuple[str, ...] = ("id",)
    natural_keys: tuple[str, ...] = ()
    caption: str = "id"
    description: str = ""
    properties: tuple[PropertySpec, ...]
    references: tuple[ReferenceSpec, ...] = ()

    @cached_property
    def key_property(self) -> str:
        """The node property that identifies it: the key column, or ``key`` if composite."""
        return self.key[0] if len(self.key) == 1 else "key"

    def property_for(self, column: str) -> PropertySpec | None:
        return next((p for p in self.properties if p.column == column), None)


class EndSpec(_Spec):
    table: str
    columns: tuple[str, ...]
    target_columns: tuple[str, ...] = ("id",)


class JoinSpec(_Spec):
    """A pure join table, drawn as ``(from)-[:TYPE {properties}]->(to)``."""

    table: str
    type: str
    module: str
    source: EndSpec = Field(alias="from")
    target: EndSpec = Field(alias="to")
    description: str = ""
    properties: tuple[PropertySpec, ...] = ()
    # Key columns besides the two ends (e.g. link_type): part of the relationship's MERGE,
    # so two rows between the same pair stay two relationships.
    merge_on: tuple[str, ...] = ()

    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ModuleSpec(_Spec):
    name: str
    number: int
    color: str
    description: str = ""


class GraphModel(_Spec):
    version: int = 1
    modules: tuple[ModuleSpec, ...]
    nodes: tuple[NodeSpec, ...]
    joins: tuple[JoinSpec, ...] = ()

    @model_validator(mode="after")
    def _consistent(self) -> GraphModel:
        problems: list[str] = []
        modules = {m.name for m in self.modules}
        tables: dict[str, str] = {}
        labels: set[str] = set()
        for node in self.nodes:
            if node.table in tables:
                problems.append(f"table {node.table} appears twice")
            tables[node.table] = "node"
            if not _LABEL.match(node.label):
                problems.append(f"label {node.label!r} of {node.table} must be PascalCase")
            if node.label in labels:
                problems.append(f"label {node.label} is used twice")
            labels.add(node.label)
            if node.module not in modules:
                problems.append(f"{node.table}: unknown module {node.module!r}")
            columns = {p.column for p in node.properties}
            reserved = {p.name for p in node.properties} & RESERVED
            if reserved:
                problems.append(f"{node.table}: property name(s) {sorted(reserved)} are reserved")
            for key in node.key:
                if key not in columns:
                    problems.append(f"{node.table}: key column {key} is not a property")
        for join in self.joins:
            if join.table in tables:
                problems.append(f"table {join.table} appears twice")
            tables[join.table] = "join"
        node_tables = {n.table for n in self.nodes}
        for node in self.nodes:
            for ref in node.references:
                if not _REL_TYPE.match(ref.type):
                    problems.append(f"{node.table}: relationship type {ref.type!r} not UPPER_SNAKE")
                if ref.target not in node_tables:
                    problems.append(f"{node.table}.{ref.columns}: target {ref.target} is no node")
        problems += _shared_relationships(self)
        for join in self.joins:
            if not _REL_TYPE.match(join.type):
                problems.append(f"{join.table}: relationship type {join.type!r} not UPPER_SNAKE")
            for end in (join.source, join.target):
                if end.table not in node_tables:
                    problems.append(f"{join.table}: end {end.table} is no node table")
        if problems:
            raise ValueError("; ".join(problems))
        return self

    # ------------------------------------------------------------- lookups
    @cached_property
    def node_by_table(self) -> dict[str, NodeSpec]:
        return {n.table: n for n in self.nodes}

    @cached_property
    def node_by_label(self) -> dict[str, NodeSpec]:
        return {n.label: n for n in self.nodes}

    @cached_property
    def key_properties(self) -> dict[str, str]:
        """Each label's key property, in the model's order (the generic statements'
        ``$keys``; its keys are the model's labels)."""
        return {n.label: n.key_property for n in self.nodes}

    @cached_property
    def tables(self) -> set[str]:
        return {n.table for n in self.nodes} | {j.table for j in self.joins}

    @cached_property
    def columns_by_table(self) -> dict[str, set[str]]:
        """Every source column the model reads, per table: properties, keys, references."""
        out: dict[str, set[str]] = {}
        for n in self.nodes:
            refs = {c for r in n.references for c in r.columns}
            out[n.table] = {p.column for p in n.properties} | set(n.key) | refs
        for j in self.joins:
            ends = {*j.source.columns, *j.target.columns, *j.merge_on}
            out[j.table] = {p.column for p in j.properties} | ends
        return out

    def label_of(self, table: str) -> str:
        return self.node_by_table[table].label

    def relationship_types(self) -> set[str]:
        types = {r.type for n in self.nodes for r in n.references}
        return types | {j.type for j in self.joins}


def _shared_relationships(model: GraphModel) -> list[str]:
    """A (start label)-[type]->(end label) made by two foreign keys, or by a foreign key and
    a join table: their relationships could not be told apart (``sync`` finds a foreign
    key's relationship by its type, ``check`` by the triple). Join tables may share one:
    their relationships carry ``_source_table``."""
    labels = {n.table: n.label for n in model.nodes}  # (unknown tables are reported apart)
    sources = [
        (
            (n.label, r.type, labels.get(r.target, r.target)),
            f"{n.table}.{','.join(r.columns)}",
            False,
        )
        for n in model.nodes
        for r in n.references
    ] + [
        (
            (labels.get(j.source.table, ""), j.type, labels.get(j.target.table, "")),
            f"join table {j.table}",
            True,
        )
        for j in model.joins
    ]
    made_by: dict[tuple[str, str, str], tuple[str, bool]] = {}
    problems = []
    for triple, source, is_join in sources:
        other, other_is_join = made_by.setdefault(triple, (source, is_join))
        if other != source and not (is_join and other_is_join):
            problems.append(
                "({})-[:{}]->({})".format(*triple) + f" is made by both {other} and {source}"
            )
    return problems


def model_path() -> Path:
    return resource_dir("graph") / "model.yaml"


# libyaml's loader parses the 200 KB model ~7x faster than the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_CACHE: dict[tuple[Path, int, int], GraphModel] = {}


def load_model(path: Path | None = None) -> GraphModel:
    """Read and validate the model; problems name the file and what is wrong.

    Cached per process by path, size and modification time (the model is immutable), so
    commands and the MCP server that ask for it again pay nothing, and an edited file is
    read afresh.
    """
    path = path or model_path()
    try:
        stat = path.stat()
    except OSError as e:
        raise ModelError(f"cannot read the graph model {path}: {e}") from e
    key = (path.resolve(), stat.st_size, stat.st_mtime_ns)
    if key not in _CACHE:
        _CACHE.clear()  # one model per process is the rule; do not hoard old versions
        _CACHE[key] = _read_model(path)
    return _CACHE[key]


def _read_model(path: Path) -> GraphModel:
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as e:
        raise ModelError(f"cannot read the graph model {path}: {e}") from e
    data = _cached_data(text)
    if data is None:
        try:
            data = yaml.load(text, Loader=_YAML_LOADER)
        except yaml.YAMLError as e:
            raise ModelError(f"{path} is not valid YAML: {e}") from e
        _store_data(text, data)
    try:
        return GraphModel.model_validate(data)
    except ValidationError as e:
        first = e.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        raise ModelError(f"{path}: {where}: {first['msg']} ({e.error_count()} problem(s))") from e


# Even libyaml takes ~0.5 s on the 200 KB model, paid by every command (a sync that finds
# one changed row included). The parsed data is kept as JSON, ~40x faster to read, in the
# user's cache under the hash of the model's text: an edited model is parsed afresh, and a
# cache that cannot be read or written only costs the parse.
def _cache_file(text: str) -> Path:
    root = os.environ.get("VIVIM_CACHE_DIR") or (
        Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "vivim-graph"
    )
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]
    return Path(root) / "model" / f"{digest}.json"


def _cached_data(text: str) -> Any:
    try:
        return json.loads(_cache_file(text).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def _store_data(text: str, data: Any) -> None:
    try:
        encoded = json.dumps(data)
        if json.loads(encoded) != data:  # not plain JSON data (a date, a number key): no cache
            return
        path = _cache_file(text)
        path.parent.mkdir(parents=True, exist_ok=True)
        partial = path.with_name(f"{path.stem}.{os.getpid()}.partial")
        partial.write_text(encoded, encoding="utf-8")
        os.replace(partial, path)  # readers see the whole file or none
    except (OSError, TypeError, ValueError):
        return


def quote(identifier: str) -> str:
    """Backtick-escape a label, type or property name taken from the model."""
    return "`" + identifier.replace("`", "``") + "`"
