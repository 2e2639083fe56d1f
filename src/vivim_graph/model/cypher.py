"""Every piece of Cypher derived from the graph model, built here and nowhere else.

Labels, relationship types and property names come only from the validated model and are
backtick-quoted (``quote``); values always travel as parameters. ``tests/unit/test_model_cypher.py``
pins the exact text of each builder. Constraints and indexes are applied idempotently.
"""

from __future__ import annotations

from typing import LiteralString, cast

import neo4j

from vivim_graph.model.rows import TEMPORAL
from vivim_graph.model.spec import (
    GraphModel,
    JoinSpec,
    NodeSpec,
    PropertySpec,
    quote,
)


def _cypher(text: str) -> LiteralString:
    # The one cast: text built from the model's names (quoted) and parameter placeholders.
    return cast(LiteralString, text)


# ----------------------------------------------------------------- per-label statements
def temporal_assignments(properties: tuple[PropertySpec, ...], variable: str) -> str:
    """Cypher that sets each temporal property from ``row.t`` (NULL removes it)."""
    return "".join(
        f", {variable}.{quote(p.name)} = {TEMPORAL[p.type]}(row.t.{quote(p.name)})"
        for p in properties
        if p.type in TEMPORAL
    )


def node_key_columns_query(node: NodeSpec) -> LiteralString:
    """A label's keys named as its key column (a TRUNCATE's sweep by key, ``sync``)."""
    return _cypher(
        f"MATCH (n:{quote(node.label)}) RETURN n.{quote(node.key_property)} AS {quote(node.key[0])}"
    )


def join_key_columns_query(
    source: NodeSpec, target: NodeSpec, join: JoinSpec, columns: list[str]
) -> LiteralString:
    """A join table's relationships as its key columns (a TRUNCATE's sweep, ``sync``)."""
    names = {p.column: p.name for p in join.properties}
    return _cypher(
        f"MATCH (a:{quote(source.label)})-[r:{quote(join.type)}]->"
        f"(b:{quote(target.label)}) WHERE r._source_table = $table "
        f"RETURN a.{quote(source.key_property)} AS {quote(columns[0])}, "
        f"b.{quote(target.key_property)} AS {quote(columns[1])}"
        + "".join(f", r.{quote(names[c])} AS {quote(c)}" for c in join.merge_on)
    )


def node_eids_query(node: NodeSpec) -> LiteralString:
    """The elementIds of those of ``$keys`` a label holds (``sync --dry-run``'s plan)."""
    return _cypher(
        f"UNWIND $keys AS k MATCH (n:{quote(node.label)} "
        f"{{{quote(node.key_property)}: k}}) RETURN k AS key, elementId(n) AS e"
    )


def node_references_query(node: NodeSpec) -> LiteralString:
    """The elementIds of those of ``$keys`` a label holds, and where their foreign keys
    point now (``sync``): per node, [type, key of the end] of each outgoing relationship
    whose type is one of ``$ends`` (type -> {label, key}: the target's label and key
    property) and whose end has that label. A foreign key whose one relationship already
    reaches the row's value is left alone, and its target needs no lookup by key. Maps,
    not lists, because Neo4j plans a list parameter again for each size class."""
    return _cypher(
        f"UNWIND $keys AS k MATCH (n:{quote(node.label)} {{{quote(node.key_property)}: k}}) "
        "RETURN k AS key, elementId(n) AS e, [(n)-[r]->(x) "
        "WHERE $ends[type(r)].label IN labels(x) | [type(r), x[$ends[type(r)].key]]] AS ends"
    )


def join_lookup_query(model: GraphModel, join: JoinSpec) -> LiteralString:
    """Both ends of a join table's changed rows, as elementIds (``sync``)."""
    source = model.node_by_table[join.source.table]
    target = model.node_by_table[join.target.table]
    return _cypher(
        f"UNWIND $rows AS row OPTIONAL MATCH (a:{quote(source.label)} "
        f"{{{quote(source.key_property)}: row.source}}) "
        f"OPTIONAL MATCH (b:{quote(target.label)} {{{quote(target.key_property)}: row.target}}) "
        "RETURN row.source AS source, row.target AS target, elementId(a) AS a, elementId(b) AS b"
    )


def join_merge_query(join: JoinSpec) -> LiteralString:
    """A join row's relationship between two nodes that may already be linked (4 joins)."""
    names = {p.column: p.name for p in join.properties}
    merge_keys = ", ".join(f"{quote(names[c])}: row.props.{quote(names[c])}" for c in join.merge_on)
    merge_map = f" {{{merge_keys}}}" if merge_keys else ""
    return _cypher(
        "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a "
        "MATCH (b) WHERE elementId(b) = row.b "
        f"MERGE (a)-[r:{quote(join.type)}{merge_map}]->(b) "
        "SET r += row.props" + temporal_assignments(join.properties, "r") + ", "
        "r._source_table = $table, "
        "r._source_key = toString(row.source) + '|' + toString(row.target), r._sync_run = $run"
    )


# ----------------------------------------------------------------- generic writes
# A handful of statement texts whatever the model. Neo4j plans each distinct text once
# (70-140 ms here), and one text per label and foreign key made planning ~90 % of a cold
# import. Labels and types are dynamic ($(...), Neo4j 5.26, values from the model only);
# nodes are found by elementId (a seek): Neo4j 5.26 plans a dynamic-label MATCH or MERGE
# as a scan of every node, so it cannot look a node up by its key.
SCAN_NODES = _cypher(
    "MATCH (n) WHERE any(l IN labels(n) WHERE l IN $labels) "
    "UNWIND [l IN labels(n) WHERE l IN $labels] AS label "
    "RETURN label, n[$keys[label]] AS key, elementId(n) AS e, n._sync_run IS NOT NULL AS ran"
)
# `check`: one pass over the nodes and one over the relationships, whatever the model. On a
# server that has just started (after `import --offline`) a text per label and foreign key
# cost ~10 s of planning on the seed graph; these two plan in ~0.1 s. The keys come as one
# list per label: a record per node cost 8.7 s at scale 0.25 (508k nodes), a list per label 0.4 s.
CHECK_NODE_KEYS = _cypher(
    "MATCH (n) WITH n, [l IN labels(n) WHERE l IN $labels] AS ls WHERE ls <> [] "
    "UNWIND ls AS label WITH label, n[$keys[label]] AS k ORDER BY label, k "
    "RETURN label, collect(k) AS keys"
)
CHECK_RELATIONSHIP_COUNTS = _cypher(
    "MATCH (a)-[r]->(b) WHERE type(r) IN $types "
    "RETURN [l IN labels(a) WHERE l IN $labels] AS starts, type(r) AS type, "
    "[l IN labels(b) WHERE l IN $labels] AS ends, r._source_table AS table, count(*) AS c"
)
# `check --deep`: the same, with every property, each group sorted by key. Nodes are sorted
# before their properties are read, so the sort holds references, not property maps.
CHECK_NODE_VALUES = _cypher(
    "MATCH (n) WITH n, [l IN labels(n) WHERE l IN $labels] AS ls WHERE ls <> [] "
    "UNWIND ls AS label WITH n, label, n[$keys[label]] AS k ORDER BY label, k "
    "RETURN label, k, properties(n) AS p"
)
_ENDS = (
    "MATCH (a)-[r]->(b) WHERE type(r) IN $types{also} "
    "UNWIND [l IN labels(a) WHERE l IN $labels] AS start "
    "UNWIND [l IN labels(b) WHERE l IN $labels] AS end "
)
# A foreign key's relationships, keyed by both ends' keys.
CHECK_REFERENCE_VALUES = _cypher(
    _ENDS.replace("{also}", "")
    + "WITH r, start, type(r) AS type, end, [a[$keys[start]], b[$keys[end]]] AS k "
    "ORDER BY start, type, end, k RETURN start, type, end, k, properties(r) AS p"
)
# A join table's relationships, keyed by both ends and its merge columns ($merge: table ->
# property names), grouped by table as well.
CHECK_JOIN_VALUES = _cypher(
    _ENDS.replace("{also}", " AND r._source_table IN keys($merge)")
    + "WITH r, start, type(r) AS type, end, r._source_table AS table, "
    "[a[$keys[start]], b[$keys[end]]] + [m IN $merge[r._source_table] | r[m]] AS k "
    "ORDER BY start, type, end, table, k RETURN start, type, end, table, k, properties(r) AS p"
)
_TEMPORALS = (
    " FOREACH (k IN keys(coalesce(row.d, {})) | SET {v}[k] = date(row.d[k]))"
    " FOREACH (k IN keys(coalesce(row.dt, {})) | SET {v}[k] = datetime(row.dt[k]))"
)
_PROVENANCE = (
    "{v}._source_table = row.table, {v}._source_key = toString(row.key), {v}._sync_run = $run"
)
CREATE_NODES = _cypher(
    "UNWIND $rows AS row CREATE (n:$(row.label)) SET n = row.props, "
    + _PROVENANCE.replace("{v}", "n")
    + _TEMPORALS.replace("{v}", "n")
    + " RETURN collect([row.i, elementId(n)]) AS created"
)
UPDATE_NODES = _cypher(
    "UNWIND $rows AS row MATCH (n) WHERE elementId(n) = row.e SET n += row.props, "
    + _PROVENANCE.replace("{v}", "n")
    + _TEMPORALS.replace("{v}", "n")
)
CREATE_RELATIONSHIPS = _cypher(
    "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a "
    "MATCH (b) WHERE elementId(b) = row.b "
    "CREATE (a)-[r:$(row.type)]->(b) SET r = coalesce(row.props, {}), "
    "r._source_table = row.table, r._source_key = row.key, r._sync_run = $run"
    + _TEMPORALS.replace("{v}", "r")
)
# A foreign key of a node that existed before the run: drop a stale relationship (the key
# changed or became NULL), MERGE the current one. Run once per foreign key for its counters.
MERGE_REFERENCE = _cypher(
    "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a "
    "OPTIONAL MATCH (a)-[old:$($type)]->(o:$($target)) "
    "WHERE row.b IS NULL OR elementId(o) <> row.b DELETE old "
    "WITH DISTINCT a, row WHERE row.b IS NOT NULL "
    "MATCH (b) WHERE elementId(b) = row.b MERGE (a)-[r:$($type)]->(b) "
    "SET r._source_table = $table, r._sync_run = $run"
)
DELETE_NODES = _cypher("UNWIND $eids AS e MATCH (n) WHERE elementId(n) = e DETACH DELETE n")
# A join row gone: its relationship between the two ends, matched on its merge columns.
DELETE_JOIN_RELATIONSHIPS = _cypher(
    "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a "
    "MATCH (a)-[r]->(b) WHERE type(r) = row.type AND elementId(b) = row.b "
    "AND all(k IN keys(row.on) WHERE r[k] = row.on[k]) DELETE r"
)


# `import --offline` replaces the store: only a graph with nothing in it (but a free writer
# lock) may be replaced, and never while a writer holds the lock.
GRAPH_SAMPLE_LABELS = _cypher(
    "MATCH (n) WHERE NOT n:VivimWriterLock WITH n LIMIT 1000 "
    "UNWIND labels(n) AS label RETURN DISTINCT label LIMIT 5"
)
GRAPH_SIZE = _cypher("MATCH (n) RETURN count(n) AS nodes")
WRITER_LOCK_HOLDER = _cypher(
    "MATCH (l:VivimWriterLock) WHERE l.owner IS NOT NULL AND l.expires_at > datetime() "
    "RETURN l.command AS command, l.pid AS pid, l.host AS host LIMIT 1"
)


DELETE_STALE_RELATIONSHIPS = _cypher(
    "MATCH ()-[r]->() WHERE r._source_table IN $tables AND r._sync_run <> $run DELETE r"
)


# ----------------------------------------------------------------- schema
def schema_statements(model: GraphModel) -> list[str]:
    """A uniqueness constraint on every label's key; an index on every natural key."""
    statements = []
    for node in model.nodes:
        label, key = quote(node.label), quote(node.key_property)
        statements.append(
            f"CREATE CONSTRAINT {quote(node.label + '_key')} IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE"
        )
        for natural in node.natural_keys:
            prop = node.property_for(natural)
            name = prop.name if prop else natural
            statements.append(
                f"CREATE INDEX {quote(node.label + '_' + name)} IF NOT EXISTS "
                f"FOR (n:{label}) ON (n.{quote(name)})"
            )
    return statements


def _name(statement: str) -> str:
    """The constraint or index name of a statement from ``schema_statements``."""
    return statement.split("`")[1].replace("``", "`")


def apply_constraints(driver: neo4j.Driver, model: GraphModel, database: str) -> int:
    """Create the constraints and indexes the graph lacks; returns how many were created."""
    return create_schema(driver, missing_schema(driver, model, database), database)


def missing_schema(driver: neo4j.Driver, model: GraphModel, database: str) -> list[str]:
    """The schema statements whose constraint or index the graph lacks, in one catalog read:
    when they all exist (every run after the first), nothing is sent, instead of ~240 schema
    statements per run. ``SHOW INDEXES`` alone names both: a uniqueness constraint's backing
    index has the constraint's name."""
    statements = schema_statements(model)
    with driver.session(database=database) as session:
        present = {r["name"] for r in session.run("SHOW INDEXES YIELD name RETURN name")}
    return [s for s in statements if _name(s) not in present]


def create_schema(driver: neo4j.Driver, missing: list[str], database: str) -> int:
    """Run the schema statements ``missing_schema`` found missing; returns how many."""
    if not missing:
        return 0
    with driver.session(database=database) as session:

        def work(tx: neo4j.ManagedTransaction) -> None:
            # One schema transaction: all or nothing, and far fewer round trips.
            # IF NOT EXISTS keeps every statement idempotent under a concurrent run.
            for statement in missing:
                tx.run(cast(LiteralString, statement)).consume()

        try:
            session.execute_write(work)
        except neo4j.exceptions.ClientError as e:
            if e.code != _EQUIVALENT:
                raise
            _create_one_by_one(session, missing)
        session.run("CALL db.awaitIndexes(300)").consume()
    return len(missing)


_EQUIVALENT = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"


def _create_one_by_one(session: neo4j.Session, statements: list[str]) -> None:
    """After a crash Neo4j repopulates its indexes, and one may be missing from the catalog
    read yet exist: wait for them, then create each statement alone, an equivalent rule
    counting as present."""
    session.run("CALL db.awaitIndexes(300)").consume()
    for statement in statements:
        try:
            session.run(cast(LiteralString, statement)).consume()
        except neo4j.exceptions.ClientError as e:
            if e.code != _EQUIVALENT:
                raise


# ----------------------------------------------------------------- impact node
def node_anchor(node: NodeSpec, key_property: str) -> LiteralString:
    """Where a blast radius starts for one label (``impact node``): that label's nodes whose
    key, as text, is ``$key``. It stands in for the generic first clause of
    ``impact/node_blast_radius``, whose ``$label`` test reads every node of the graph
    (Neo4j 5.26 plans a dynamic label as a scan of all nodes); a label scan reads only these."""
    known = {p.name for p in node.properties} | {node.key_property}
    if key_property not in known:
        raise ValueError(f"{node.label} has no property {key_property!r}")
    return _cypher(f"MATCH (n:{quote(node.label)})\nWHERE toString(n.{quote(key_property)}) = $key")
