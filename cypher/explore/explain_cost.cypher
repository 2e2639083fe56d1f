// question: >-
//   Why does this node cost what it does? The cost-bearing nodes linked to it (any node
//   with *_cents or *_micros properties), one or two hops away in one direction, with the
//   relationship path, each node's source table and key, and its money properties.
// parameters:
//   label: {type: string, default: Milestone, description: "A label from the graph model"}
//   key_property: {type: string, default: code, description: "The property that identifies the node (its key or a natural key)"}
//   key: {type: string, default: M7, description: "The value of key_property"}
//   limit: {type: integer, default: 100, description: "Cost nodes returned at most"}
// columns:
//   direction: text
//   hops: integer
//   path: list
//   label: text
//   source_table: text
//   source_key: text
//   caption: any
//   money: list
//   currency: text
//
// Hops follow one direction (all incoming or all outgoing): a milestone's costs point at
// it, a team member points at its role and location. The one mixed shape kept is a link
// row without money of its own (an allocation): (n)<-(allocation)->(team member). Other
// mixes would reach siblings (other members of the same location), which explain nothing.
MATCH (n:$($label))
WHERE n[$key_property] = $key
CALL (n) {
  MATCH path = (n)<-[*1..2]-(c)
  RETURN 'incoming' AS direction, path, c
  UNION
  MATCH path = (n)-[*1..2]->(c)
  RETURN 'outgoing' AS direction, path, c
  UNION
  MATCH path = (n)<-[]-(link)-[]->(c)
  WHERE NOT any(k IN keys(link) WHERE k ENDS WITH '_cents' OR k ENDS WITH '_micros')
  RETURN 'via_link' AS direction, path, c
}
WITH n, direction, path, c
WHERE c <> n AND c._source_table IS NOT NULL
  AND any(k IN keys(c) WHERE k ENDS WITH '_cents' OR k ENDS WITH '_micros')
WITH direction, c, path ORDER BY length(path)
WITH direction, c, head(collect(path)) AS path
RETURN
  direction,
  length(path) AS hops,
  [r IN relationships(path) |
    {from: labels(startNode(r))[0], from_key: startNode(r)._source_key, relationship: type(r),
     to: labels(endNode(r))[0], to_key: endNode(r)._source_key}] AS path,
  labels(c)[0] AS label,
  c._source_table AS source_table,
  c._source_key AS source_key,
  coalesce(c.name, c.code, c.title, c.description) AS caption,
  [k IN keys(c) WHERE k ENDS WITH '_cents' OR k ENDS WITH '_micros' | [k, c[k]]] AS money,
  coalesce(c.currency, 'EUR') AS currency
ORDER BY hops, direction, label, source_key
LIMIT $limit
