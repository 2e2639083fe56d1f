// question: >-
//   Which budget lines and cost pools take a monthly cost change, per budget period, by the
//   database's cost_allocation_rules: a team's labour split by its 'people' rules, a cloud
//   service type's spend by its 'tools' rules; the months of the period the change runs in,
//   and the amount each pool and its budget line gain (EUR)?
// parameters:
//   changes: {type: list, required: true, description: "[{team: code, service_type: type, monthly_cents: integer, first_month: integer, last_month: integer}, ...]; give team (labour) or service_type (cloud)"}
// example: {changes: [{team: community-growth, monthly_cents: 300000, first_month: 8, last_month: 22}]}
// columns:
//   period_code: text
//   pool_code: text
//   line_code: text
//   rule_code: text
//   allocation_pct: number
//   team_code: text
//   service_type: text
//   months: integer
//   added_cents: money
//   path: text
//   sources: list
//
// R-POOL (docs/cost-rules.md): project month 1 is the month of the earliest milestone's
// planned start; a budget period takes the months of the change that start inside it. The
// rules are the active CostAllocationRules of source module 'people' for the team (or
// 'tools' for the service type) in effect on the period's first day; each sends
// allocation_pct of the change to the pool of its target pool type in that period:
// added = ROUND(monthly x months x pct / 100, 2), once per change, rule and period. The
// budget line is the period's line of that pool in the top-level cost category of the rule
// (LAB for labour, INF for cloud); a pool without such a line is still charged.
// The rules, pools, periods and budget lines depend only on the change's team or service
// type, so they are found once per distinct one (not once per change: a provider switch sends
// dozens of lines of a few service types), each rule from its team or its service type.
MATCH (m:Milestone)
WITH min(m.planned_start_date - duration({months: m.start_month - 1})) AS month_one
// each change's months as dates, computed once per change rather than once per period
WITH [n IN range(0, size($changes) - 1) |
      {n: n, change: $changes[n],
       dates: [month IN range($changes[n].first_month, $changes[n].last_month) |
               month_one + duration({months: month - 1})]}] AS numbered
UNWIND numbered AS k
WITH DISTINCT numbered, k.change.team AS team, k.change.service_type AS service_type
CALL (team, service_type) {
  MATCH (:Team {code: team})<-[:IN_TEAM]-(rule:CostAllocationRule)
  WHERE rule.is_active AND rule.source_module = 'people'
  RETURN rule
  UNION
  MATCH (rule:CostAllocationRule)
  WHERE service_type IS NOT NULL AND rule.is_active AND rule.source_module = 'tools'
    AND rule.service_type = service_type
  RETURN rule
}
MATCH (rule)-[:TARGET_POOL_TYPE]->(pt:CostPoolType)<-[:FOR_COST_POOL_TYPE]-(pool:CostAllocationPool),
      (pool)-[:FOR_BUDGET_PERIOD]->(bp:BudgetPeriod)
WHERE rule.effective_from <= bp.start_date
  AND (rule.effective_to IS NULL OR rule.effective_to >= bp.start_date)
OPTIONAL MATCH (rule)-[:IN_CATEGORY]->(:CostCategory)-[:CHILD_OF*0..]->(top:CostCategory)
WHERE NOT (top)-[:CHILD_OF]->()
OPTIONAL MATCH (line:BudgetLineItem)-[:FOR_COST_ALLOCATION_POOL]->(pool),
               (line)-[:IN_CATEGORY]->(top),
               (line)-[:FOR_BUDGET_PERIOD]->(bp)
UNWIND [k IN numbered WHERE coalesce(k.change.team, '') = coalesce(team, '')
                        AND coalesce(k.change.service_type, '') = coalesce(service_type, '')] AS k
WITH k.n AS n, k.change AS change, rule, pool, bp, line, top,
     size([date IN k.dates WHERE bp.start_date <= date <= bp.end_date]) AS months
WHERE months > 0
WITH n, change, rule, pool, bp, line, top, months,
     change.monthly_cents * months * toInteger(round(rule.allocation_pct * 100)) AS added_e4
RETURN bp.code AS period_code,
       pool.code AS pool_code,
       line.code AS line_code,
       rule.code AS rule_code,
       rule.allocation_pct AS allocation_pct,
       change.team AS team_code,
       change.service_type AS service_type,
       months,
       sign(added_e4) * ((2 * abs(added_e4) + 10000) / 20000) AS added_cents,
       CASE WHEN change.team IS NOT NULL THEN '(:Team {code: ' + change.team + '})<-[:IN_TEAM]-'
            ELSE '' END
         + '(:CostAllocationRule {code: ' + rule.code + ', allocation_pct: '
         + toString(rule.allocation_pct) + '})-[:TARGET_POOL_TYPE]->(:CostPoolType)'
         + '<-[:FOR_COST_POOL_TYPE]-(:CostAllocationPool {code: ' + pool.code + '})'
         + CASE WHEN line IS NULL THEN ''
                ELSE '<-[:FOR_COST_ALLOCATION_POOL]-(:BudgetLineItem {code: ' + line.code
                     + ', category: ' + top.code + '})'
           END AS path,
       [{table: rule._source_table, key: rule._source_key, what: 'allocation rule'},
        {table: pool._source_table, key: pool._source_key, what: 'cost pool'},
        {table: bp._source_table, key: bp._source_key, what: 'budget period'}]
         + CASE WHEN line IS NULL THEN []
                ELSE [{table: line._source_table, key: line._source_key, what: 'budget line'}]
           END AS sources
ORDER BY period_code, pool_code, n, rule_code
