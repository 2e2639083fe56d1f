// question: >-
//   Which budget lines and cost pools take a monthly cost change, per budget period: the pool
//   owned by the team of each role category, its budget line for the cost category, the
//   months of the period the change runs in, and the amount added (EUR)?
// parameters:
//   changes: {type: list, required: true, description: "[{role_category: code, monthly_cents: integer, first_month: integer, last_month: integer}, ...]"}
//   cost_category: {type: string, default: LAB, description: "Top-level cost category of the budget line: LAB (labour) or INF (infrastructure)"}
// example: {changes: [{role_category: engineering, monthly_cents: 1089390, first_month: 8, last_month: 22}]}
// columns:
//   period_code: text
//   pool_code: text
//   line_code: text
//   role_category_code: text
//   months: integer
//   added_cents: money
//   path: text
//   sources: list
//
// Project month 1 is the month of the earliest milestone's planned start; a change runs from
// its first to its last project month. A budget period takes the months that start inside
// it. The pool is the one of that period whose owner team works in the role category (infra
// work: 'infrastructure'); its line is the budget line of the cost category in that pool.
MATCH (m:Milestone)
WITH min(m.planned_start_date - duration({months: m.start_month - 1})) AS month_one
UNWIND $changes AS change
MATCH (rc:RoleCategory {code: change.role_category})<-[:IN_CATEGORY]-(team:Team)
      <-[:OWNER_TEAM]-(pool:CostAllocationPool)-[:FOR_BUDGET_PERIOD]->(bp:BudgetPeriod)
WITH month_one, change, rc, team, pool, bp,
     size([month IN range(change.first_month, change.last_month)
           WHERE bp.start_date <= month_one + duration({months: month - 1}) <= bp.end_date])
       AS months
WHERE months > 0
OPTIONAL MATCH (line:BudgetLineItem)-[:FOR_COST_ALLOCATION_POOL]->(pool),
               (line)-[:IN_CATEGORY]->(:CostCategory {code: coalesce($cost_category, 'LAB')}),
               (line)-[:FOR_BUDGET_PERIOD]->(bp)
WITH bp, pool, line, rc, team, max(months) AS months,
     sum(change.monthly_cents * months) AS added
RETURN bp.code AS period_code,
       pool.code AS pool_code,
       line.code AS line_code,
       rc.code AS role_category_code,
       months,
       added AS added_cents,
       '(:RoleCategory {code: ' + rc.code + '})<-[:IN_CATEGORY]-(:Team {code: ' + team.code
         + '})<-[:OWNER_TEAM]-(:CostAllocationPool {code: ' + pool.code + '})'
         + CASE WHEN line IS NULL THEN ''
                ELSE '<-[:FOR_COST_ALLOCATION_POOL]-(:BudgetLineItem {code: ' + line.code + '})'
           END AS path,
       [{table: pool._source_table, key: pool._source_key, what: 'cost pool'},
        {table: bp._source_table, key: bp._source_key, what: 'budget period'}]
         + CASE WHEN line IS NULL THEN []
                ELSE [{table: line._source_table, key: line._source_key, what: 'budget line'}]
           END AS sources
ORDER BY period_code, pool_code
