// question: >-
//   The saved plans (vivim-graph plan run FILE --save NAME): each plan, its changes as
//   ordered steps, and what each step affects (locations, roles, people, providers,
//   milestones). The baseline graph is never changed; only these nodes are added.
// parameters: {}
// columns: {}
// returns: a graph to paste into Neo4j Browser
MATCH (s:Scenario {kind: 'plan'})-[h:HAS_STEP]->(p:PlanStep)
OPTIONAL MATCH (p)-[a:AFFECTS]->(n)
RETURN s, h, p, a, n
