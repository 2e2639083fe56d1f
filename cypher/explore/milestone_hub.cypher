// question: >-
//   Milestone M5 (Social) as the hub: its team allocations, infrastructure costs, legal
//   projects, compliance milestones, revenue projections and cost-per-user figures.
// parameters: {}
// columns: {}
// returns: a graph to paste into Neo4j Browser
MATCH (m:Milestone {code: 'M5'})<-[rel:FOR_MILESTONE]-(x)
RETURN m, rel, x
