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
MATCH (n)
WHERE $label IN labels(n) AND toString(n[$key_property]) = $key
MATCH p = (d)-[*1..3]->(n)
WHERE length(p) <= $depth AND d._source_table IS NOT NULL AND d <> n
WITH n, d, min(length(p)) AS hops, collect(p) AS paths
WITH n, d, hops, [x IN paths WHERE length(x) = hops][0] AS p
WITH d, hops, p, labels(d)[0] AS label, $cost_properties[labels(d)[0]] AS cost_property
RETURN hops,
       label,
       d._source_key AS key,
       toString(coalesce(d.code, d.name, d.title, d.full_name, d._source_key)) AS name,
       cost_property,
       CASE WHEN cost_property IS NULL THEN NULL ELSE d[cost_property] END AS cost_cents,
       coalesce(d.currency, 'EUR') AS currency,
       reduce(s = '', i IN range(0, length(p) - 1) |
              s + '(:' + labels(nodes(p)[i])[0] + ' ' + nodes(p)[i]._source_key + ')-[:'
                + type(relationships(p)[i]) + ']->')
         + '(:' + labels(nodes(p)[-1])[0] + ' ' + nodes(p)[-1]._source_key + ')' AS path,
       [{table: d._source_table, key: d._source_key, what: label}] AS sources
ORDER BY hops, label, key
