// question: >-
//   Where does the budget go over? Budget lines whose actual spend is above their budget,
//   with their period, cost category, cost pool, milestone and owner team.
// parameters: {}
// columns: {}
// returns: a graph to paste into Neo4j Browser
MATCH (l:BudgetLineItem)-[fp:FOR_BUDGET_PERIOD]->(bp:BudgetPeriod)
WHERE l.actual_amount_cents > l.budgeted_amount_cents
OPTIONAL MATCH (l)-[ic:IN_CATEGORY]->(c:CostCategory)
OPTIONAL MATCH (l)-[fa:FOR_COST_ALLOCATION_POOL]->(p:CostAllocationPool)
OPTIONAL MATCH (l)-[fm:FOR_MILESTONE]->(m:Milestone)
OPTIONAL MATCH (l)-[ot:OWNER_TEAM]->(t:Team)
RETURN l, fp, bp, ic, c, fa, p, fm, m, ot, t
