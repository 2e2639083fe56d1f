// question: >-
//   The biggest cost items of the plan: the milestone costs with the highest mid estimate,
//   with their milestone and cost category.
// parameters:
//   top: {type: integer, default: 15, description: "How many cost items to show"}
// columns: {}
// returns: a graph to paste into Neo4j Browser
MATCH (c:MilestoneCost)-[fm:FOR_MILESTONE]->(m:Milestone)
WITH c, fm, m
ORDER BY c.cost_mid_cents DESC
LIMIT $top
OPTIONAL MATCH (c)-[ic:IN_CATEGORY]->(cat)
RETURN c, fm, m, ic, cat
