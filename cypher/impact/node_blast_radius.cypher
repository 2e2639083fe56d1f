// question: >-
//   What depends on a node (its blast radius): every row that references it through foreign
//   keys, up to three hops away, with the cost each carries and the path that ties it in.
// parameters:
//   label: {type: string, required: true, description: "Node label from the graph model, e.g. Location"}
//   key_property: {type: string, required: true, description: "A key property of that label, e.g. code"}
//   key: {type: string, required: true, description: "Its value, e.g. MT-VLT (compared as text)"}
//   depth: {type: integer, default: 2, description: "How many foreign-key hops to follow, 1 to 3"}
//   cost_properties: {type: map, default: {}, description: "{label: money property} read as each dependant's cost"}
// columns:
//   hops: integer
//   label: text
//   key: text
//   name: text
//   cost_property: text
//   cost_cents: money
//   currency: text
//   path: text
//   sources: list
//
// A node depends on another when it points at it (a foreign key: the referencing row's
// relationship runs towards the referenced row), directly or through up to two others. Each
// dependant appears once, at its shortest distance; its cost is the money property the
// graph model names for its label (one per label, so amounts are not counted twice).
// anchor {  `impact node` runs this query with these lines replaced by the label's own
// MATCH (model/cypher.py node_anchor): a dynamic label cannot use a label scan in Neo4j 5.26,
// so the lines here read every node of the graph, and a label scan only the label's.
MATCH (n)
// The label first, the property only for nodes that have it: the planner would read the
// property of every node first.
WHERE CASE WHEN $label IN labels(n) THEN toString(n[$key_property]) = $key ELSE false END
// } anchor
WITH n, [n] AS seen0, [{node: n, text: '(:' + labels(n)[0] + ' ' + n._source_key + ')'}] AS level0
// Breadth first, one hop per step, over distinct nodes (never over paths: the paths to a
// node multiply with every hop, its distinct dependants do not). A node found at hop k is at
// that shortest distance; its path is the first in text order of its shortest paths (its own
// step onto a node found at hop k - 1, followed by that node's path).
CALL (seen0, level0) {
  UNWIND level0 AS y
  WITH y.node AS m, y.text AS tail
  MATCH (x)-[r]->(m)
  WHERE NOT x IN seen0
  WITH x, min('(:' + labels(x)[0] + ' ' + x._source_key + ')-[:' + type(r) + ']->' + tail) AS text
  RETURN collect({node: x, text: text, hops: 1}) AS level1
}
WITH n, seen0 + [y IN level1 | y.node] AS seen1, level1
CALL (seen1, level1) {
  UNWIND CASE WHEN $depth >= 2 THEN level1 ELSE [] END AS y
  WITH y.node AS m, y.text AS tail
  MATCH (x)-[r]->(m)
  WHERE NOT x IN seen1
  WITH x, min('(:' + labels(x)[0] + ' ' + x._source_key + ')-[:' + type(r) + ']->' + tail) AS text
  RETURN collect({node: x, text: text, hops: 2}) AS level2
}
WITH n, seen1 + [y IN level2 | y.node] AS seen2, level1, level2
CALL (seen2, level2) {
  UNWIND CASE WHEN $depth >= 3 THEN level2 ELSE [] END AS y
  WITH y.node AS m, y.text AS tail
  MATCH (x)-[r]->(m)
  WHERE NOT x IN seen2
  WITH x, min('(:' + labels(x)[0] + ' ' + x._source_key + ')-[:' + type(r) + ']->' + tail) AS text
  RETURN collect({node: x, text: text, hops: 3}) AS level3
}
UNWIND level1 + level2 + level3 AS found
WITH found.node AS d, found.hops AS hops, found.text AS path
WHERE d._source_table IS NOT NULL
WITH d, hops, path, labels(d)[0] AS label, $cost_properties[labels(d)[0]] AS cost_property
RETURN hops,
       label,
       d._source_key AS key,
       toString(coalesce(d.code, d.name, d.title, d.full_name, d._source_key)) AS name,
       cost_property,
       CASE WHEN cost_property IS NULL THEN NULL ELSE d[cost_property] END AS cost_cents,
       coalesce(d.currency, 'EUR') AS currency,
       path,
       [{table: d._source_table, key: d._source_key, what: label}] AS sources
ORDER BY hops, label, key
