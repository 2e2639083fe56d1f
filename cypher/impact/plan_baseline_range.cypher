// question: >-
//   How wide is each milestone's planned cost: the other costs (MilestoneCost) at their low,
//   mid and high figures, the only baseline items the database gives a range for (R-CASE)?
// parameters: {}
// columns:
//   milestone_code: text
//   sequence: integer
//   other_cost_low_cents: money
//   other_cost_mid_cents: money
//   other_cost_high_cents: money
//   currencies: list
//
// Labour allocations and infrastructure line items carry one planned figure each; a plan's
// low (high) baseline is the view's total with the other costs at their low (high).
MATCH (m:Milestone)
OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(c:MilestoneCost)
RETURN m.code AS milestone_code, m.sequence AS sequence,
       coalesce(sum(c.cost_low_cents), 0) AS other_cost_low_cents,
       coalesce(sum(c.cost_mid_cents), 0) AS other_cost_mid_cents,
       coalesce(sum(c.cost_high_cents), 0) AS other_cost_high_cents,
       collect(DISTINCT c.currency) AS currencies
ORDER BY sequence
