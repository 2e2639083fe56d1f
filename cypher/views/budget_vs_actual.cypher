// view: v_budget_vs_actual
// question: >-
//   Per budget period and budget line (category x pool): what was budgeted, how much did
//   approved and pending amendments change it, what was spent, and by how much is the line
//   under or over its revised budget?
// parameters:
//   lines: {type: list, description: "Budget line codes to answer for; all if omitted"}
// columns:
//   period_code: text
//   line_code: text
//   category_code: text
//   category_name: text
//   category_type: text
//   pool_code: text
//   pool_type_code: text
//   milestone_code: text
//   currency: text
//   original_budget_cents: money
//   approved_amendments_cents: money
//   pending_amendments_cents: money
//   budgeted_cents: money
//   actual_cents: money
//   variance_cents: money
//   variance_pct: number
//   over_budget: boolean
//
// Revised budget = budgeted + approved amendments (amendments are summed as they are,
// like the SQL). variance = revised - actual; variance_pct = ROUND(100 * (actual -
// revised) / revised, 2) in integer hundredths, rounded half away from zero.
MATCH (l:BudgetLineItem)-[:FOR_BUDGET_PERIOD]->(bp:BudgetPeriod),
      (l)-[:IN_CATEGORY]->(c:CostCategory),
      (l)-[:FOR_COST_ALLOCATION_POOL]->(p:CostAllocationPool)-[:FOR_COST_POOL_TYPE]->(pt:CostPoolType)
WHERE $lines IS NULL OR l.code IN $lines
OPTIONAL MATCH (l)-[:FOR_MILESTONE]->(m:Milestone)
CALL (l) {
  OPTIONAL MATCH (a:BudgetAmendment)-[:FOR_BUDGET_LINE_ITEM]->(l)
  RETURN coalesce(sum(CASE WHEN a.status = 'approved' THEN a.amount_change_cents END), 0)
           AS approved_change,
         coalesce(sum(CASE WHEN a.status = 'proposed' THEN a.amount_change_cents END), 0)
           AS pending_change
}
WITH l, bp, c, p, pt, m, approved_change, pending_change,
     l.budgeted_amount_cents + approved_change AS revised,
     l.actual_amount_cents AS actual
WITH l, bp, c, p, pt, m, approved_change, pending_change, revised, actual,
     10000 * (actual - revised) AS a
RETURN bp.code AS period_code,
       l.code AS line_code,
       c.code AS category_code,
       c.name AS category_name,
       c.category_type AS category_type,
       p.code AS pool_code,
       pt.code AS pool_type_code,
       m.code AS milestone_code,
       l.currency AS currency,
       l.budgeted_amount_cents AS original_budget_cents,
       approved_change AS approved_amendments_cents,
       pending_change AS pending_amendments_cents,
       revised AS budgeted_cents,
       actual AS actual_cents,
       revised - actual AS variance_cents,
       CASE WHEN revised > 0
            THEN toFloat(sign(a) * ((2 * abs(a) + revised) / (2 * revised))) / 100
       END AS variance_pct,
       actual > revised AS over_budget
ORDER BY bp.start_date, pool_type_code, category_code, line_code
