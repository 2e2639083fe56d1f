// question: Is there a node with this label and key?
// parameters:
//   label: {type: string, required: true, description: "Label from the graph model"}
//   key_property: {type: string, required: true, description: "Key property"}
//   key: {type: string, required: true, description: "Its value, as text"}
// columns:
//   found: boolean
OPTIONAL MATCH (n)
// The label first, the property only for nodes that have it: the planner would read the
// property of every node first (a dynamic label cannot use a label scan in Neo4j 5.26).
WHERE CASE WHEN $label IN labels(n) THEN toString(n[$key_property]) = $key ELSE false END
RETURN count(n) > 0 AS found
