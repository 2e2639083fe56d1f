// question: Is there a node with this label and key?
// parameters:
//   label: {type: string, required: true, description: "Label from the graph model"}
//   key_property: {type: string, required: true, description: "Key property"}
//   key: {type: string, required: true, description: "Its value, as text"}
// columns:
//   found: boolean
OPTIONAL MATCH (n)
WHERE $label IN labels(n) AND toString(n[$key_property]) = $key
RETURN count(n) > 0 AS found
