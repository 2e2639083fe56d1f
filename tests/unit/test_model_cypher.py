"""The Cypher built from the graph model, pinned to its exact text (no database).

Each statement is written out here by hand from the model's names, so a change to a builder
shows up as a reviewed diff of the text Neo4j will run. Labels, types and properties are
backtick-quoted; every value is a parameter.
"""

from __future__ import annotations

import pytest

from vivim_graph.model import cypher
from vivim_graph.model.spec import JoinSpec, NodeSpec, load_model

MODEL = load_model()
LOCATION = MODEL.node_by_table["locations"]
MEMBER = MODEL.node_by_table["team_members"]
BASED_IN = next(r for r in MEMBER.references if r.type == "BASED_IN")
ROLE_SKILLS = next(j for j in MODEL.joins if j.table == "role_skills")
ROLE, SKILL = MODEL.node_by_table["roles"], MODEL.node_by_table["skills"]
STAMPS = (
    "n.`created_at` = datetime(row.t.`created_at`), n.`updated_at` = datetime(row.t.`updated_at`)"
)

EXPECTED = {
    "join_merge": (
        cypher.join_merge_query(ROLE_SKILLS),
        "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a "
        "MATCH (b) WHERE elementId(b) = row.b MERGE (a)-[r:`REQUIRES_SKILL`]->(b) "
        "SET r += row.props, " + STAMPS.replace("n.", "r.") + ", r._source_table = $table, "
        "r._source_key = toString(row.source) + '|' + toString(row.target), r._sync_run = $run",
    ),
    "delete_join_relationships": (
        cypher.DELETE_JOIN_RELATIONSHIPS,
        "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a "
        "MATCH (a)-[r]->(b) WHERE type(r) = row.type AND elementId(b) = row.b "
        "AND all(k IN keys(row.on) WHERE r[k] = row.on[k]) DELETE r",
    ),
    "node_references": (
        cypher.node_references_query(MEMBER),
        "UNWIND $keys AS k MATCH (n:`TeamMember` {`id`: k}) "
        "RETURN k AS key, elementId(n) AS e, [(n)-[r]->(x) "
        "WHERE $ends[type(r)].label IN labels(x) | [type(r), x[$ends[type(r)].key]]] AS ends",
    ),
    "node_key_columns": (
        cypher.node_key_columns_query(LOCATION),
        "MATCH (n:`Location`) RETURN n.`id` AS `id`",
    ),
    "join_key_columns": (
        cypher.join_key_columns_query(ROLE, SKILL, ROLE_SKILLS, ["role_id", "skill_id"]),
        "MATCH (a:`Role`)-[r:`REQUIRES_SKILL`]->(b:`Skill`) WHERE r._source_table = $table "
        "RETURN a.`id` AS `role_id`, b.`id` AS `skill_id`",
    ),
    "node_eids": (
        cypher.node_eids_query(LOCATION),
        "UNWIND $keys AS k MATCH (n:`Location` {`id`: k}) RETURN k AS key, elementId(n) AS e",
    ),
    # check: one statement each for the nodes and the relationships, whatever the model
    "check_node_keys": (
        cypher.CHECK_NODE_KEYS,
        "MATCH (n) WITH n, [l IN labels(n) WHERE l IN $labels] AS ls WHERE ls <> [] "
        "UNWIND ls AS label WITH label, n[$keys[label]] AS k ORDER BY label, k "
        "RETURN label, collect(k) AS keys",
    ),
    "check_relationship_counts": (
        cypher.CHECK_RELATIONSHIP_COUNTS,
        "MATCH (a)-[r]->(b) WHERE type(r) IN $types "
        "RETURN [l IN labels(a) WHERE l IN $labels] AS starts, type(r) AS type, "
        "[l IN labels(b) WHERE l IN $labels] AS ends, r._source_table AS table, count(*) AS c",
    ),
    "check_node_values": (
        cypher.CHECK_NODE_VALUES,
        "MATCH (n) WITH n, [l IN labels(n) WHERE l IN $labels] AS ls WHERE ls <> [] "
        "UNWIND ls AS label WITH n, label, n[$keys[label]] AS k ORDER BY label, k "
        "RETURN label, k, properties(n) AS p",
    ),
    "check_reference_values": (
        cypher.CHECK_REFERENCE_VALUES,
        "MATCH (a)-[r]->(b) WHERE type(r) IN $types "
        "UNWIND [l IN labels(a) WHERE l IN $labels] AS start "
        "UNWIND [l IN labels(b) WHERE l IN $labels] AS end "
        "WITH r, start, type(r) AS type, end, [a[$keys[start]], b[$keys[end]]] AS k "
        "ORDER BY start, type, end, k RETURN start, type, end, k, properties(r) AS p",
    ),
    "check_join_values": (
        cypher.CHECK_JOIN_VALUES,
        "MATCH (a)-[r]->(b) WHERE type(r) IN $types AND r._source_table IN keys($merge) "
        "UNWIND [l IN labels(a) WHERE l IN $labels] AS start "
        "UNWIND [l IN labels(b) WHERE l IN $labels] AS end "
        "WITH r, start, type(r) AS type, end, r._source_table AS table, "
        "[a[$keys[start]], b[$keys[end]]] + [m IN $merge[r._source_table] | r[m]] AS k "
        "ORDER BY start, type, end, table, k "
        "RETURN start, type, end, table, k, properties(r) AS p",
    ),
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_statement_text(name):
    built, expected = EXPECTED[name]
    assert built == expected


def test_generic_statements_take_labels_and_types_as_parameters():
    assert cypher.CREATE_NODES.startswith("UNWIND $rows AS row CREATE (n:$(row.label)) SET n = ")
    # the created nodes come back in one record (one list), not one record per node
    assert cypher.CREATE_NODES.endswith(" RETURN collect([row.i, elementId(n)]) AS created")
    assert "CREATE (a)-[r:$(row.type)]->(b)" in cypher.CREATE_RELATIONSHIPS
    assert "[old:$($type)]->(o:$($target))" in cypher.MERGE_REFERENCE
    assert cypher.DELETE_NODES == (
        "UNWIND $eids AS e MATCH (n) WHERE elementId(n) = e DETACH DELETE n"
    )
    # Nothing in them is a name from the model: they plan once whatever the label.
    for text in (
        cypher.CREATE_NODES,
        cypher.UPDATE_NODES,
        cypher.CREATE_RELATIONSHIPS,
        cypher.MERGE_REFERENCE,
        cypher.DELETE_JOIN_RELATIONSHIPS,
    ):
        assert "`" not in text


def test_schema_statements_cover_every_label_key_and_natural_key():
    statements = cypher.schema_statements(MODEL)
    assert (
        "CREATE CONSTRAINT `Location_key` IF NOT EXISTS FOR (n:`Location`) REQUIRE n.`id` IS UNIQUE"
        in statements
    )
    assert "CREATE INDEX `Location_code` IF NOT EXISTS FOR (n:`Location`) ON (n.`code`)" in (
        statements
    )
    constraints = [s for s in statements if s.startswith("CREATE CONSTRAINT")]
    indexes = [s for s in statements if s.startswith("CREATE INDEX")]
    assert len(constraints) == len(MODEL.nodes)
    assert len(indexes) == sum(len(n.natural_keys) for n in MODEL.nodes)


def test_a_backtick_in_a_name_cannot_end_the_identifier():
    odd = NodeSpec(
        table="odd",
        label="Odd`) DETACH DELETE (x",
        module="m",
        properties=(),
    )
    assert cypher.node_eids_query(odd) == (
        "UNWIND $keys AS k MATCH (n:`Odd``) DETACH DELETE (x` {`id`: k}) "
        "RETURN k AS key, elementId(n) AS e"
    )
    join = JoinSpec.model_validate(
        {
            "table": "t",
            "type": "T`]->()",
            "module": "m",
            "from": {"table": "roles", "columns": ["role_id"]},
            "to": {"table": "skills", "columns": ["skill_id"]},
        }
    )
    assert "[r:`T``]->()`]" in cypher.join_merge_query(join)


def test_node_anchor_scans_the_label_and_compares_the_key_as_text():
    assert cypher.node_anchor(LOCATION, "code") == (
        "MATCH (n:`Location`)\nWHERE toString(n.`code`) = $key"
    )
    with pytest.raises(ValueError, match="Location has no property 'nope'"):
        cypher.node_anchor(LOCATION, "nope")
