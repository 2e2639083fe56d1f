"""A corpus of ordinary read queries, the way analysts and agents write them.

Most of it is generated from ``graph/model.yaml`` read directly (not through the project's
model code): for every label a count, a sample with unaliased projections, an ORDER BY on
a property and a filter by its natural key; for every relationship type a one-hop
pattern. Hand-written shapes follow (WITH chains, OPTIONAL MATCH, subqueries, list and
map expressions, CASE, UNWIND, shortestPath, dates, parameters, introspection).

A query's parameters may name a sample value the test fetches first (``SAMPLE``), so a
filter by key finds a row when the label has any.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

MODEL = Path(__file__).resolve().parents[1] / "graph" / "model.yaml"


@dataclass(frozen=True)
class Case:
    id: str
    cypher: str
    params: dict[str, Any] = field(default_factory=dict)
    sample: tuple[str, str] | None = None  # (label, property): $value is one of its values
    volatile: tuple[str, ...] = ()  # columns that change between two runs (index read counts)
    unordered: bool = False  # list values come in any order, even run after run


def load() -> dict[str, Any]:
    return yaml.safe_load(MODEL.read_text(encoding="utf-8"))


def _key(node: dict[str, Any]) -> str:
    return node["natural_keys"][0] if node.get("natural_keys") else node["key"][0]


def _other_property(node: dict[str, Any]) -> str:
    """A property to sort by: money first, else the caption, else the first other one
    (never the key or the natural key the sample shows already)."""
    taken = {*node["key"], _key(node)}
    props = [p["name"] for p in node["properties"] if p["name"] not in taken]
    money = [p["name"] for p in node["properties"] if p["type"] in ("money", "price")]
    if money:
        return money[0]
    return node["caption"] if node.get("caption") in props else props[0]


def _literal(value: str) -> str:
    return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'"


def label_cases(model: dict[str, Any]) -> list[Case]:
    cases = []
    for i, node in enumerate(model["nodes"]):
        label, key, other = node["label"], _key(node), _other_property(node)
        first = node["key"][0]
        cases += [
            Case(f"count-{label}", f"MATCH (n:{label}) RETURN count(n)"),
            Case(
                f"sample-{label}",
                f"MATCH (n:{label}) RETURN n.{key}, n.{other} ORDER BY n.{first} LIMIT 5",
            ),
            Case(
                f"order-{label}",
                f"MATCH (x:{label}) WHERE x.{other} IS NOT NULL "
                f"RETURN x.{first}, x.{other} ORDER BY x.{other} DESC, x.{first} LIMIT 10",
            ),
        ]
        if i % 2 == 0:  # half with a parameter, half with the value written in
            cases.append(
                Case(
                    f"by-key-{label}",
                    f"MATCH (n:{label} {{{key}: $value}}) RETURN n.{key}, n.{other}",
                    sample=(label, key),
                )
            )
        else:
            cases.append(
                Case(
                    f"by-key-{label}",
                    f"MATCH (n:{label}) WHERE toString(n.{key}) = $value RETURN n",
                    sample=(label, key),
                )
            )
    return cases


def relationship_cases(model: dict[str, Any]) -> list[Case]:
    by_table = {n["table"]: n for n in model["nodes"]}
    seen: set[str] = set()
    cases = []
    ends = [
        (n, ref["type"], by_table[ref["target"]])
        for n in model["nodes"]
        for ref in n.get("references") or []
    ] + [
        (by_table[j["from"]["table"]], j["type"], by_table[j["to"]["table"]])
        for j in model.get("joins") or []
    ]
    for source, rel_type, target in ends:
        if rel_type in seen:
            continue
        seen.add(rel_type)
        a, b = source["key"][0], target["key"][0]
        cases.append(
            Case(
                f"hop-{rel_type}",
                f"MATCH (a:{source['label']})-[r:{rel_type}]->(b:{target['label']}) "
                f"RETURN a.{a}, type(r), b.{b} ORDER BY a.{a}, b.{b} LIMIT 5",
            )
        )
    return cases


HAND_WRITTEN: list[Case] = [
    Case("unaliased-issue-example", "MATCH (l:Location) RETURN l.city ORDER BY l.city DESC"),
    Case("two-unaliased", "MATCH (l:Location) RETURN l.code, l.country_code ORDER BY l.code"),
    Case("unaliased-function", "MATCH (m:Milestone) RETURN toUpper(m.code), m.target_users * 2"),
    Case("return-star", "MATCH (m:Milestone {code: 'M1'}) RETURN *"),
    Case("return-node", "MATCH (m:Milestone) RETURN m ORDER BY m.sequence LIMIT 3"),
    Case(
        "with-chain",
        "MATCH (m:Milestone) WITH m ORDER BY m.sequence WITH collect(m.code) AS codes "
        "RETURN size(codes), codes[0], codes[-1]",
    ),
    Case(
        "with-where",
        "MATCH (t:TeamMember)-[:BASED_IN]->(l:Location) WITH l, count(t) AS people "
        "WHERE people > 0 RETURN l.code, people ORDER BY people DESC, l.code",
    ),
    Case(
        "optional-match",
        "MATCH (l:Location) OPTIONAL MATCH (l)<-[:BASED_IN]-(t:TeamMember) "
        "RETURN l.code, count(t) ORDER BY l.code",
    ),
    Case(
        "aggregate-order-skip-limit",
        "MATCH (a:LaborCostAllocation)-[:FOR_MILESTONE]->(m:Milestone) "
        "RETURN m.code, sum(a.amount_cents) AS total ORDER BY total DESC SKIP 1 LIMIT 3",
    ),
    Case(
        "aggregate-avg-min-max",
        "MATCH (l:Location) RETURN l.country_code, count(*), min(l.code), max(l.code) "
        "ORDER BY l.country_code",
    ),
    Case(
        "exists-subquery",
        "MATCH (l:Location) WHERE EXISTS { (l)<-[:BASED_IN]-(:TeamMember) } "
        "RETURN l.code ORDER BY l.code",
    ),
    Case(
        "not-exists-subquery",
        "MATCH (l:Location) WHERE NOT EXISTS { MATCH (l)<-[:BASED_IN]-(t:TeamMember) } "
        "RETURN l.code ORDER BY l.code",
    ),
    Case(
        "count-subquery",
        "MATCH (m:Milestone) RETURN m.code, COUNT { (m)<-[:FOR_MILESTONE]-() } AS linked "
        "ORDER BY m.code",
    ),
    Case(
        "collect-subquery",
        "MATCH (l:Location) RETURN l.code, "
        "COLLECT { MATCH (l)<-[:BASED_IN]-(t:TeamMember) RETURN t.code ORDER BY t.code } "
        "AS members ORDER BY l.code",
    ),
    Case(
        "call-subquery",
        "MATCH (m:Milestone) CALL (m) { MATCH (m)<-[:FOR_MILESTONE]-(a:LaborCostAllocation) "
        "RETURN sum(a.amount_cents) AS labour } RETURN m.code, labour ORDER BY m.code",
    ),
    Case(
        "list-comprehension",
        "MATCH (m:Milestone) WITH collect(m.target_users) AS users "
        "RETURN [u IN users WHERE u >= 1000 | u / 1000] AS thousands",
    ),
    Case("pattern-comprehension", "MATCH (l:Location) RETURN l.code, "
         "[(l)<-[:BASED_IN]-(t:TeamMember) | t.code] AS members ORDER BY l.code"),
    Case(
        "map-projection",
        "MATCH (m:Milestone) RETURN m {.code, .name, users: m.target_users} "
        "ORDER BY m.sequence",
    ),
    Case(
        "map-projection-all",
        "MATCH (m:Milestone {code: 'M7'}) RETURN m {.*} AS milestone",
    ),
    Case(
        "case-expression",
        "MATCH (m:Milestone) RETURN m.code, CASE WHEN m.target_users >= 100000 THEN 'large' "
        "WHEN m.target_users >= 10000 THEN 'medium' ELSE 'small' END ORDER BY m.code",
    ),
    Case(
        "case-simple",
        "MATCH (m:Milestone) RETURN m.code, CASE m.status WHEN 'planned' THEN 0 ELSE 1 END "
        "ORDER BY m.code",
    ),
    Case("unwind-literal", "UNWIND ['M1', 'M5', 'M7'] AS code "
         "MATCH (m:Milestone {code: code}) RETURN code, m.target_users"),
    Case("unwind-range", "UNWIND range(1, 5) AS i RETURN i, i * i"),
    Case(
        "shortest-path",
        "MATCH (a:Location {code: 'MT-VLT'}), (b:Milestone {code: 'M7'}) "
        "MATCH p = shortestPath((a)-[*..4]-(b)) RETURN length(p)",
    ),
    Case(
        "variable-length-bounded",
        "MATCH (m:Milestone {code: 'M7'})<-[*1..2]-(x) RETURN count(DISTINCT x)",
    ),
    Case(
        "quantified-path",
        "MATCH (m:Milestone {code: 'M7'}) (()<-[:FOR_MILESTONE]-()){1,2} (x) "
        "RETURN count(x)",
    ),
    Case("date-functions", "RETURN date('2026-05-17').year, date.truncate('month', "
         "date('2026-05-17')), duration.between(date('2026-01-01'), date('2026-05-17')).days"),
    Case(
        "date-from-graph",
        "MATCH (m:Milestone) RETURN m.code, m.planned_start_date, "
        "m.planned_start_date + duration({months: 1}) ORDER BY m.code",
    ),
    Case(
        "date-compare",
        "MATCH (m:Milestone) WHERE m.planned_start_date >= date('2026-01-01') "
        "RETURN m.code, m.planned_start_date.year ORDER BY m.code",
    ),
    Case(
        "parameter-filter",
        "MATCH (m:Milestone) WHERE m.target_users >= $min RETURN m.code ORDER BY m.code",
        params={"min": 10000},
    ),
    Case(
        "parameter-list",
        "MATCH (l:Location) WHERE l.code IN $codes RETURN l.code, l.city ORDER BY l.code",
        params={"codes": ["MT-VLT", "IT-CTA"]},
    ),
    Case(
        "parameter-map",
        "MATCH (m:Milestone {code: $m.code}) RETURN m.name",
        params={"m": {"code": "M7"}},
    ),
    Case("string-functions", "MATCH (l:Location) WHERE l.city STARTS WITH 'C' "
         "RETURN l.city, toLower(l.city), size(l.city) ORDER BY l.city"),
    Case("regex", "MATCH (l:Location) WHERE l.code =~ 'MT-.*' RETURN l.code ORDER BY l.code"),
    Case("distinct", "MATCH (l:Location) RETURN DISTINCT l.country_code ORDER BY l.country_code"),
    Case("union", "MATCH (m:Milestone {code: 'M1'}) RETURN m.code AS code "
         "UNION MATCH (l:Location {code: 'MT-VLT'}) RETURN l.code AS code"),
    Case("labels-and-keys", "MATCH (m:Milestone {code: 'M7'}) RETURN labels(m), keys(m)"),
    Case("coalesce-null", "MATCH (m:Milestone) RETURN m.code, coalesce(m.description, '') <> '' "
         "ORDER BY m.code"),
    Case("reduce", "MATCH (m:Milestone) WITH collect(m.target_users) AS u "
         "RETURN reduce(s = 0, x IN u | s + x)"),
    Case("backticked", "MATCH (`m`:`Milestone`) RETURN `m`.`code` ORDER BY `m`.`code`"),
    Case("trailing-semicolon", "MATCH (m:Milestone) RETURN count(*);"),
    Case("comment", "// how many milestones?\nMATCH (m:Milestone) /* all */ RETURN count(m)"),
    # introspection
    Case("show-indexes", "SHOW INDEXES", volatile=("lastRead", "readCount")),
    Case("show-range-indexes-yield", "SHOW RANGE INDEXES YIELD name, labelsOrTypes, properties "
         "RETURN name, labelsOrTypes, properties ORDER BY name"),
    Case("show-indexes-where", "SHOW INDEXES YIELD name, type WHERE type = 'RANGE' "
         "RETURN count(*)"),
    Case("show-constraints", "SHOW CONSTRAINTS"),
    Case("show-constraints-yield", "SHOW CONSTRAINTS YIELD name, labelsOrTypes, properties "
         "RETURN name, labelsOrTypes, properties ORDER BY name"),
    Case("show-procedures", "SHOW PROCEDURES YIELD name, mode WHERE name STARTS WITH 'db.' "
         "RETURN name, mode ORDER BY name"),
    Case("show-functions", "SHOW FUNCTIONS YIELD name, category RETURN name, category "
         "ORDER BY name LIMIT 50"),
    Case("show-builtin-functions", "SHOW BUILT IN FUNCTIONS YIELD name RETURN count(*)"),
    Case("db-labels", "CALL db.labels()"),
    Case("db-labels-yield", "CALL db.labels() YIELD label RETURN label ORDER BY label"),
    Case("db-relationship-types", "CALL db.relationshipTypes() YIELD relationshipType "
         "RETURN relationshipType ORDER BY relationshipType"),
    Case("db-property-keys", "CALL db.propertyKeys()"),
    Case("db-schema-visualization", "CALL db.schema.visualization()", unordered=True),
    Case("db-schema-node-type-properties", "CALL db.schema.nodeTypeProperties() "
         "YIELD nodeType, propertyName RETURN nodeType, propertyName "
         "ORDER BY nodeType, propertyName"),
    Case("db-schema-rel-type-properties", "CALL db.schema.relTypeProperties()"),
]  # fmt: skip


def corpus() -> list[Case]:
    model = load()
    return label_cases(model) + relationship_cases(model) + HAND_WRITTEN
