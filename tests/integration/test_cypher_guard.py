"""The read-only guards: hostile Cypher is refused by the expected layer, within the time
limit, and the graph stays byte-for-byte the same; ordinary reads still work.

`python -m tests.test_cypher_guard` prints the hostile cases and their guard as a table.
"""

from __future__ import annotations

import json
import time

import pytest

from tests.graph_helpers import graph_checksum
from vivim_graph.errors import CypherRefused
from vivim_graph.queries.guard import Limits, run_guarded

LIMITS = Limits(timeout_seconds=3.0, max_rows=100)
GRACE_SECONDS = 3.0  # a refusal comes back within the time limit plus this

# (id, statement, expected code, guard)
HOSTILE: list[tuple[str, str, str, str]] = [
    # writes, in every form
    ("create", "CREATE (:Intruder {x: 1})", "write_refused", "lexer"),
    ("merge", "MERGE (n:Intruder {id: 1}) RETURN n", "write_refused", "lexer"),
    ("set", "MATCH (m:Milestone) SET m.name = 'x' RETURN m", "write_refused", "lexer"),
    ("set_map", "MATCH (m:Milestone) SET m += {name: 'x'}", "write_refused", "lexer"),
    ("delete", "MATCH (n:Milestone) DELETE n", "write_refused", "lexer"),
    ("detach_delete", "MATCH (n) DETACH DELETE n", "write_refused", "lexer"),
    ("remove", "MATCH (m:Milestone) REMOVE m.name RETURN m", "write_refused", "lexer"),
    ("foreach_set", "MATCH (m:Milestone) FOREACH (x IN [1] | SET m.hacked = x)",
     "write_refused", "lexer"),
    ("lowercase_create", "match (m:Milestone) create (:Intruder) return m",
     "write_refused", "lexer"),
    ("create_in_subquery", "MATCH (m:Milestone) CALL (m) { CREATE (:Intruder) } RETURN m",
     "write_refused", "lexer"),
    ("in_transactions", "MATCH (m:Milestone) CALL (m) { RETURN m.code AS c } "
     "IN TRANSACTIONS OF 10 ROWS RETURN c", "transactions_refused", "lexer"),
    ("apoc_create_node", "CALL apoc.create.node(['Intruder'], {}) YIELD node RETURN node",
     "procedure_not_allowed", "lexer"),
    ("apoc_merge_node", "CALL apoc.merge.node(['Intruder'], {id: 1}) YIELD node RETURN node",
     "procedure_not_allowed", "lexer"),
    # file reads and HTTP fetches (plan as query type 'r': Neo4j's own check passes them)
    ("load_csv_file", "LOAD CSV FROM 'file:///etc/passwd' AS line RETURN line",
     "file_access_refused", "lexer"),
    ("load_csv_http", "LOAD CSV WITH HEADERS FROM 'http://169.254.169.254/latest/' AS r "
     "RETURN r", "file_access_refused", "lexer"),
    ("apoc_load_json", "CALL apoc.load.json('file:///etc/passwd') YIELD value RETURN value",
     "procedure_not_allowed", "lexer"),
    ("apoc_load_jsonParams", "CALL apoc.load.jsonParams('http://127.0.0.1:27474/', {}, null) "
     "YIELD value RETURN value", "procedure_not_allowed", "lexer"),
    ("apoc_load_xml", "CALL apoc.load.xml('http://example.com/x.xml') YIELD value RETURN value",
     "procedure_not_allowed", "lexer"),
    ("apoc_load_csv", "CALL apoc.load.csv('file:///etc/passwd') YIELD list RETURN list",
     "procedure_not_allowed", "lexer"),
    ("apoc_import_csv", "CALL apoc.import.csv([{fileName: 'file:///x.csv', labels: ['X']}], "
     "[], {}) YIELD nodes RETURN nodes", "procedure_not_allowed", "lexer"),
    ("apoc_export_csv", "CALL apoc.export.csv.all('/tmp/out.csv', {}) YIELD file RETURN file",
     "procedure_not_allowed", "lexer"),
    ("apoc_cypher_run", "CALL apoc.cypher.run('MATCH (n) DETACH DELETE n', {}) YIELD value "
     "RETURN value", "procedure_not_allowed", "lexer"),
    ("apoc_cypher_doIt", "CALL apoc.cypher.doIt('CREATE (:Intruder)', {}) YIELD value "
     "RETURN value", "procedure_not_allowed", "lexer"),
    ("apoc_cypher_runWrite", "CALL apoc.cypher.runWrite('CREATE (:Intruder)', {}) YIELD value "
     "RETURN value", "procedure_not_allowed", "lexer"),
    ("apoc_cypher_function", "RETURN apoc.cypher.runFirstColumnSingle('MATCH (n) RETURN n', {})"
     " AS x", "function_not_allowed", "lexer"),
    ("apoc_periodic_iterate", "CALL apoc.periodic.iterate('MATCH (n) RETURN n', "
     "'DETACH DELETE n', {}) YIELD batches RETURN batches", "procedure_not_allowed", "lexer"),
    ("apoc_periodic_commit", "CALL apoc.periodic.commit('MATCH (n) RETURN n', {}) "
     "YIELD updates RETURN updates", "procedure_not_allowed", "lexer"),
    ("backticked_procedure", "CALL `apoc`.`load`.`json`('file:///etc/passwd') YIELD value "
     "RETURN value", "procedure_not_allowed", "lexer"),
    ("spaced_procedure", "CALL apoc . load /* x */ . json('file:///etc/passwd') YIELD value "
     "RETURN value", "procedure_not_allowed", "lexer"),
    ("dbms_list_config", "CALL dbms.listConfig() YIELD name, value RETURN name, value",
     "procedure_not_allowed", "lexer"),
    ("dbms_create_user", "CALL dbms.security.createUser('eve', 'pw', false)",
     "procedure_not_allowed", "lexer"),
    ("db_create_label", "CALL db.createLabel('Intruder')", "procedure_not_allowed", "lexer"),
    # admin commands and other databases
    ("show_users", "SHOW USERS", "admin_refused", "lexer"),
    ("create_user", "CREATE USER eve SET PASSWORD 'secret-pw'", "admin_refused", "lexer"),
    ("create_database", "CREATE DATABASE evil", "admin_refused", "lexer"),
    ("drop_database", "DROP DATABASE neo4j", "admin_refused", "lexer"),
    ("grant_role", "GRANT ROLE admin TO eve", "admin_refused", "lexer"),
    ("terminate", "TERMINATE TRANSACTIONS 'neo4j-transaction-1'", "admin_refused", "lexer"),
    ("create_index", "CREATE INDEX x FOR (n:Milestone) ON (n.name)", "admin_refused", "lexer"),
    ("use_system", "USE system MATCH (n) RETURN n", "database_not_allowed", "lexer"),
    ("cypher_options", "CYPHER runtime=parallel MATCH (n) RETURN count(n) AS c",
     "option_refused", "lexer"),
    # several statements
    ("two_statements", "MATCH (n) RETURN count(n) AS c; MATCH (n) DETACH DELETE n",
     "multiple_statements", "lexer"),
    ("statement_after_comment", "RETURN 1 AS x // harmless\n; CREATE (:Intruder)",
     "multiple_statements", "lexer"),
    # comment tricks
    ("block_comment_hides", "MATCH (n) /* just reading */ DETACH /* really */ DELETE n",
     "write_refused", "lexer"),
    ("line_comment_newline", "MATCH (n) RETURN n // read only\nDETACH DELETE n",
     "write_refused", "lexer"),
    ("comment_splits_keyword", "CRE/**/ATE (:Intruder)", "invalid_cypher", "plan"),
    ("comment_opener_in_string", "RETURN '/*' AS a, 1 AS b */ CREATE (:Intruder) //'",
     "write_refused", "lexer"),
    ("unterminated_comment", "MATCH (n) RETURN n /* CREATE (:Intruder)", "unterminated",
     "lexer"),
    # string-escape tricks
    ("escaped_quote", "RETURN 'it\\'s' AS s CREATE (:Intruder)", "write_refused", "lexer"),
    ("escaped_backslash", "RETURN 'a\\\\' AS s, 'x' AS t CREATE (:Intruder)",
     "write_refused", "lexer"),
    ("unterminated_string", "RETURN 'abc AS s", "unterminated", "lexer"),
    # Unicode tricks
    ("fullwidth_delete", "MATCH (n) ＤＥＴＡＣＨ ＤＥＬＥＴＥ n", "write_refused", "lexer"),
    ("fullwidth_load_csv", "ＬＯＡＤ ＣＳＶ FROM 'file:///etc/passwd' AS l RETURN l",
     "file_access_refused", "lexer"),
    ("fullwidth_match", "ＭＡＴＣＨ (n) RETURN count(n) AS c", "non_ascii_code", "lexer"),
    ("zero_width_joiner", "MATCH (n) DE\u200dLETE n", "bad_character", "characters"),
    ("zero_width_space_proc", "CALL apoc.load.js\u200bon('file:///etc/passwd') YIELD value "
     "RETURN value", "bad_character", "characters"),
    ("bidi_override", "RETURN 'safe' AS s /* \u202e */ CREATE (:Intruder)", "bad_character",
     "characters"),
    ("byte_order_mark", "\ufeffCREATE (:Intruder)", "bad_character", "characters"),
    ("null_byte", "MATCH (n) RETURN n\x00 CREATE (:Intruder)", "bad_character", "characters"),
    ("homoglyph_create", "\u0421REATE (:Intruder)", "non_ascii_code", "lexer"),
    ("unicode_dash_path", "MATCH (a)\u2010[*]\u2010>(b) RETURN count(*) AS c", "non_ascii_code",
     "lexer"),
    # runaway queries
    ("cartesian_product", "MATCH (a), (b), (c) WHERE a.id <> b.id AND b.id <> c.id "
     "RETURN count(*) AS n", "too_expensive", "plan"),
    ("unbounded_star", "MATCH p = (a)-[*]-(b) RETURN count(p) AS n", "unbounded_path", "lexer"),
    ("unbounded_from", "MATCH p = (a)-[*2..]-(b) RETURN count(p) AS n", "unbounded_path",
     "lexer"),
    ("unbounded_typed", "MATCH (a)-[:FOR_MILESTONE*]->(b) RETURN count(*) AS n",
     "unbounded_path", "lexer"),
    ("unbounded_shortest", "MATCH p = shortestPath((a:Milestone)-[*]-(b:Location)) RETURN p",
     "unbounded_path", "lexer"),
    ("qpp_braces", "MATCH p = (a:Milestone)((x)-->(y)){1,}(b) RETURN count(p) AS n",
     "unbounded_path", "lexer"),
    ("qpp_plus", "MATCH p = (a:Milestone)((x)-->(y))+(b) RETURN count(p) AS n",
     "unbounded_path", "plan"),
    ("too_many_hops", "MATCH (a)-[*1..20]-(b) RETURN count(*) AS n", "path_too_long", "lexer"),
    ("slow_loop", "UNWIND range(1, 100000) AS i UNWIND range(1, 100000) AS j "
     "RETURN count(*) AS n", "timeout", "runtime"),
    # aimed at the cap: the statement now runs as sent, so nothing may hide behind it
    ("write_after_aliased_projection", "MATCH (m:Milestone) WITH m.code AS code "
     "CREATE (:Intruder {code: code}) RETURN code", "write_refused", "lexer"),
    ("set_behind_backticked_alias", "MATCH (m:Milestone) WITH m, m.code AS `RETURN` "
     "SET m.hacked = 1 RETURN `RETURN`", "write_refused", "lexer"),
    ("write_after_unaliased_return", "MATCH (m:Milestone) RETURN m.code "
     "UNION MATCH (m:Milestone) MERGE (:Intruder) RETURN m.code", "write_refused", "lexer"),
    ("write_procedure_behind_yield", "CALL db.labels() YIELD label "
     "CALL db.createLabel(label + 'X') RETURN label", "procedure_not_allowed", "lexer"),
    ("apoc_write_behind_yield", "MATCH (m:Milestone) CALL apoc.create.setProperty(m, "
     "'hacked', 1) YIELD node RETURN node.code", "procedure_not_allowed", "lexer"),
    ("subquery_write_behind_yield", "CALL db.labels() YIELD label "
     "CALL (label) { CREATE (:Intruder {l: label}) } RETURN label", "write_refused", "lexer"),
    ("in_transactions_in_projection", "MATCH (m:Milestone) RETURN m.code, COLLECT { "
     "CALL (m) { RETURN m.code AS c } IN TRANSACTIONS RETURN c } AS x",
     "transactions_refused", "lexer"),
    ("unbounded_in_pattern_comprehension", "MATCH (m:Milestone) "
     "RETURN [(m)-[*]-(x) | x.code] AS reach", "unbounded_path", "lexer"),
    ("open_upper_in_pattern_comprehension", "MATCH (m:Milestone) "
     "RETURN m.code, [(m)-[:FOR_MILESTONE*2..]-(x) | x.code] AS reach", "unbounded_path",
     "lexer"),
    ("qpp_plus_in_pattern_comprehension", "MATCH (m:Milestone) RETURN m.code, "
     "[(m)-[:FOR_MILESTONE]-(x) WHERE EXISTS { (x)((a)-->(b))+(y) } | x.code] AS reach",
     "unbounded_path", "plan"),
    ("qpp_plus_in_count_subquery", "MATCH (m:Milestone) RETURN m.code, "
     "COUNT { MATCH p = (m)((a)-->(b))+(x) RETURN p } AS reach", "unbounded_path", "plan"),
    ("unbounded_in_count_subquery", "MATCH (m:Milestone) RETURN m.code, "
     "COUNT { (m)-[*]-() } AS reach", "unbounded_path", "lexer"),
    # writes and admin hidden in SHOW … YIELD forms
    ("show_yield_create", "SHOW INDEXES YIELD name CREATE (:Intruder {name: name})",
     "write_refused", "lexer"),
    ("show_yield_procedure", "SHOW PROCEDURES YIELD name CALL apoc.cypher.runWrite("
     "'CREATE (:Intruder)', {}) YIELD value RETURN value", "procedure_not_allowed", "lexer"),
    ("show_yield_terminate", "SHOW INDEXES YIELD name TERMINATE TRANSACTIONS 'neo4j-tx-1'",
     "admin_refused", "lexer"),
    ("show_yield_drop", "SHOW INDEXES YIELD name DROP INDEX Milestone_code", "admin_refused",
     "lexer"),
    ("show_then_statement", "SHOW INDEXES; CREATE (:Intruder)", "multiple_statements", "lexer"),
    ("show_transactions", "SHOW TRANSACTIONS YIELD transactionId "
     "TERMINATE TRANSACTIONS transactionId", "admin_refused", "lexer"),
    ("show_privileges", "SHOW PRIVILEGES", "admin_refused", "lexer"),
    ("show_roles", "SHOW ALL ROLES YIELD role RETURN role", "admin_refused", "lexer"),
    ("show_user_privileges", "SHOW USER neo4j PRIVILEGES", "admin_refused", "lexer"),
    ("show_current_user", "SHOW CURRENT USER", "admin_refused", "lexer"),
    ("show_databases", "SHOW DATABASES", "admin_refused", "lexer"),
    ("show_settings", "SHOW SETTINGS YIELD name, value RETURN name, value", "admin_refused",
     "lexer"),
    ("show_servers", "SHOW SERVERS", "admin_refused", "lexer"),
    ("show_after_match", "MATCH (n) WITH count(n) AS c SHOW USERS", "admin_refused", "lexer"),
    # introspection-looking procedures and functions that are not introspection
    ("db_create_property", "CALL db.createProperty('hacked')", "procedure_not_allowed",
     "lexer"),
    ("db_create_rel_type", "CALL db.createRelationshipType('HACKED')",
     "procedure_not_allowed", "lexer"),
    ("backticked_create_label", "CALL `db`.`createLabel`('Intruder')",
     "procedure_not_allowed", "lexer"),
    ("db_labels_lookalike", "CALL db.labels.hidden() YIELD label RETURN label",
     "procedure_not_allowed", "lexer"),
    ("db_clear_caches", "CALL db.clearQueryCaches()", "procedure_not_allowed", "lexer"),
    ("dbms_components", "CALL dbms.components() YIELD name RETURN name",
     "procedure_not_allowed", "lexer"),
    ("dbms_set_config", "CALL dbms.setConfigValue('db.logs.query.enabled', 'OFF')",
     "procedure_not_allowed", "lexer"),
    ("db_function", "RETURN db.nameFromElementId('4:x:0') AS n", "function_not_allowed",
     "lexer"),
]  # fmt: skip

pytestmark = pytest.mark.integration


def totals(driver) -> tuple[int, int]:
    """Every node and relationship, replicated or not (the checksum sees replicated only)."""
    records, _, _ = driver.execute_query(
        "CALL () { MATCH (n) RETURN count(n) AS nodes } "
        "CALL () { MATCH ()-[r]->() RETURN count(r) AS rels } RETURN nodes, rels",
        database_="neo4j",
    )
    return records[0]["nodes"], records[0]["rels"]


@pytest.fixture(scope="module")
def before(seeded_graph):
    return graph_checksum(seeded_graph), totals(seeded_graph)


@pytest.mark.parametrize(
    ("statement", "code", "guard"),
    [pytest.param(s, c, g, id=i) for i, s, c, g in HOSTILE],
)
def test_hostile_statement_is_refused(seeded_graph, before, statement, code, guard):
    started = time.monotonic()
    with pytest.raises(CypherRefused) as refused:
        run_guarded(seeded_graph, statement, {}, limits=LIMITS)
    elapsed = time.monotonic() - started
    assert (refused.value.code, refused.value.guard) == (code, guard), refused.value.message
    assert refused.value.hint or code == "invalid_cypher"
    assert elapsed < LIMITS.timeout_seconds + GRACE_SECONDS
    assert totals(seeded_graph) == before[1]


def test_at_least_a_hundred_hostile_cases():
    assert len(HOSTILE) >= 100
    assert len({case[0] for case in HOSTILE}) == len(HOSTILE)


@pytest.mark.parametrize(
    ("statement", "params", "expected"),
    [
        pytest.param(
            "MATCH (m:Milestone {code: $code}) RETURN m.code AS code, m.target_users AS users",
            {"code": "M7"},
            [{"code": "M7", "users": 100000}],
            id="match_with_parameter",
        ),
        pytest.param(
            "MATCH (l:Location {code: 'IT-CTA'})<-[:BASED_IN]-(t:TeamMember) "
            "RETURN l.code AS code, count(t) > 0 AS staffed",
            {},
            [{"code": "IT-CTA", "staffed": True}],
            id="relationship_and_aggregate",
        ),
        pytest.param(
            "RETURN 'CREATE; DELETE // LOAD CSV apoc.load.json(' AS s, {set: 1} AS m",
            {},
            [{"s": "CREATE; DELETE // LOAD CSV apoc.load.json(", "m": {"set": 1}}],
            id="keywords_inside_strings_and_map_keys",
        ),
        pytest.param(
            "MATCH (m:Milestone {code: 'M7'})<-[:FOR_MILESTONE*1..2]-(x) "
            "RETURN count(DISTINCT x) > 0 AS linked",
            {},
            [{"linked": True}],
            id="bounded_variable_length",
        ),
        pytest.param(
            "RETURN date.truncate('month', date('2026-05-17')) AS month, 3 * 2 AS six;",
            {},
            [{"month": "2026-05-01", "six": 6}],
            id="namespaced_function_and_trailing_semicolon",
        ),
    ],
)
def test_ordinary_reads_still_work(seeded_graph, statement, params, expected):
    result = run_guarded(seeded_graph, statement, params, limits=LIMITS)
    assert result.rows == expected
    assert result.truncated is None


def test_schema_procedure_is_allowed(seeded_graph):
    result = run_guarded(
        seeded_graph, "CALL db.labels() YIELD label RETURN label ORDER BY label", {}
    )
    assert {"Milestone", "TeamMember", "Location"} <= {r["label"] for r in result.rows}


def test_rows_and_bytes_are_capped_on_the_client(seeded_graph):
    rows = run_guarded(seeded_graph, "UNWIND range(1, 5000) AS i RETURN i", {}, limits=LIMITS)
    assert len(rows.rows) == LIMITS.max_rows and rows.truncated == "row_cap"
    assert rows.rows == [{"i": i} for i in range(1, LIMITS.max_rows + 1)]
    assert rows.cypher == "UNWIND range(1, 5000) AS i RETURN i"  # ran as sent, not rewritten
    wide = Limits(max_rows=1000, max_bytes=10_000)
    padded = run_guarded(
        seeded_graph,
        "UNWIND range(1, 500) AS i RETURN i, reduce(s = '', x IN range(1, 100) | s + 'x') AS pad",
        {},
        limits=wide,
    )
    assert padded.truncated == "byte_cap" and 0 < len(padded.rows) < 100
    size = sum(len(json.dumps(r).encode()) for r in padded.rows)
    assert size <= wide.max_bytes < size + len(json.dumps(padded.rows[0]).encode()) + 10


def test_the_server_stops_once_the_cap_is_met(seeded_graph):
    """A billion rows capped at 100 come back well within the timeout: the rest is
    discarded, so Neo4j never produces them (pulling them all would time out)."""
    started = time.monotonic()
    result = run_guarded(
        seeded_graph, "UNWIND range(1, 1000000000) AS i RETURN i, i * 2", {}, limits=LIMITS
    )
    assert result.truncated == "row_cap" and len(result.rows) == LIMITS.max_rows
    assert result.columns == ["i", "i * 2"]
    assert time.monotonic() - started < LIMITS.timeout_seconds


def test_unaliased_projection_keeps_neo4j_column_names(seeded_graph):
    statement = "MATCH (l:Location) RETURN l.city, count(*) ORDER BY l.city DESC"
    result = run_guarded(seeded_graph, statement, {}, limits=LIMITS)
    records, _, keys = seeded_graph.execute_query(statement, database_="neo4j")
    assert result.columns == list(keys) == ["l.city", "count(*)"]
    assert result.rows == [r.data() for r in records]


@pytest.mark.parametrize(
    ("statement", "code", "words"),
    [
        ("MATCH (m:Milestone) SET m.x = 1 RETURN m", "write_refused", ("SET", "impact")),
        ("CALL apoc.load.json('x') YIELD value RETURN value", "procedure_not_allowed",
         ("apoc.load.json", "db.labels")),
        ("SHOW USERS", "admin_refused", ("SHOW USERS", "SHOW INDEXES")),
        ("MATCH p = (a)-[*]-(b) RETURN count(p)", "unbounded_path", ("upper bound", "*1..6")),
        ("RETURN apoc.cypher.runFirstColumnSingle('RETURN 1', {})", "function_not_allowed",
         ("apoc.cypher.runFirstColumnSingle", "apoc.coll")),
        ("LOAD CSV FROM 'file:///x' AS l RETURN l", "file_access_refused", ("LOAD CSV",
         "imported")),
    ],
)  # fmt: skip
def test_refusals_name_the_clause_and_offer_the_fix(seeded_graph, statement, code, words):
    with pytest.raises(CypherRefused) as refused:
        run_guarded(seeded_graph, statement, {}, limits=LIMITS)
    said = f"{refused.value.reason} || {refused.value.hint}"
    assert refused.value.code == code
    assert words[0] in refused.value.reason and words[1] in (refused.value.hint or ""), said


def test_plan_refusal_names_the_writing_operator(seeded_graph):
    """A write the lexer cannot see (here: a procedure the allow-list would admit if it
    wrote) is named by the plan layer; simulated with a widened allow-list."""
    from vivim_graph.queries import lexer as cypher_lexer

    allowed = cypher_lexer.ALLOWED_PROCEDURES
    cypher_lexer.ALLOWED_PROCEDURES = allowed | {"db.createlabel"}
    try:
        with pytest.raises(CypherRefused) as refused:
            run_guarded(seeded_graph, "CALL db.createLabel('Intruder')", {}, limits=LIMITS)
    finally:
        cypher_lexer.ALLOWED_PROCEDURES = allowed
    assert (refused.value.code, refused.value.guard) == ("write_refused", "plan")
    assert "db.createLabel" in refused.value.reason


def test_refusals_never_echo_credentials(seeded_graph, neo4j_server):
    with pytest.raises(CypherRefused) as refused:
        run_guarded(seeded_graph, "CREATE USER eve SET PASSWORD $pw", {"pw": "x"})
    text = f"{refused.value} {refused.value.hint}"
    assert neo4j_server.password not in text


def test_graph_is_unchanged(seeded_graph, before):
    """Runs last in this module: the whole graph is what it was before the hostile cases."""
    assert graph_checksum(seeded_graph) == before[0]
    assert totals(seeded_graph) == before[1]
    records, _, _ = seeded_graph.execute_query(
        "MATCH (n) WHERE n:Intruder OR n.hacked IS NOT NULL RETURN count(n) AS c",
        database_="neo4j",
    )
    assert records[0]["c"] == 0


def markdown_table() -> str:
    lines = ["| case | statement | refusal code | guard |", "|---|---|---|---|"]
    for case, statement, code, guard in HOSTILE:
        shown = statement.encode("unicode_escape").decode("ascii").replace("|", "\\|")
        lines.append(f"| {case} | `{shown}` | `{code}` | {guard} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(markdown_table())
