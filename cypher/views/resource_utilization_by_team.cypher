// view: v_resource_utilization_by_team
// question: >-
//   How much of its human, compute, GPU and storage capacity does each team use per budget
//   period, and what do the used and idle capacity cost?
// parameters: {}
// columns:
//   team_code: text
//   team_name: text
//   period_code: text
//   resource_type: text
//   capacity_unit: text
//   resource_pools: integer
//   capacity: number
//   used: number
//   idle: number
//   utilization_pct: number
//   peak_pct: number
//   currency: text
//   used_cost_cents: money
//   idle_cost_cents: money
//
// Capacity figures are units (FTE, vCPU, GPU hours, TB), not money: summed exactly in
// hundredths (the graph's *_cents properties) and returned as numbers. Costs are units
// (1/100) x unit_cost (1/1,000,000), summed in 1e-8 and rounded half away from zero to
// cents once per group, as ROUND(sum(...), 2) does on NUMERIC.
MATCH (ru:ResourceUtilization)-[:FOR_RESOURCE_POOL]->(rp:ResourcePool),
      (ru)-[:IN_TEAM]->(t:Team),
      (ru)-[:FOR_BUDGET_PERIOD]->(bp:BudgetPeriod)
WITH t, bp, rp.resource_type AS resource_type, rp.capacity_unit AS capacity_unit,
     rp.currency AS currency,
     count(*) AS resource_pools,
     sum(ru.capacity_units_cents) AS capacity,
     sum(ru.used_units_cents) AS used,
     max(ru.peak_pct) AS peak_pct,
     sum(ru.used_units_cents * rp.unit_cost_micros) AS used_cost,
     sum((ru.capacity_units_cents - ru.used_units_cents) * rp.unit_cost_micros) AS idle_cost
RETURN t.code AS team_code,
       t.name AS team_name,
       bp.code AS period_code,
       resource_type,
       capacity_unit,
       resource_pools,
       toFloat(capacity) / 100 AS capacity,
       toFloat(used) / 100 AS used,
       toFloat(capacity - used) / 100 AS idle,
       CASE WHEN capacity > 0
            THEN toFloat(sign(used) * ((2 * 10000 * abs(used) + capacity) / (2 * capacity))) / 100
       END AS utilization_pct,
       peak_pct,
       currency,
       sign(used_cost) * ((2 * abs(used_cost) + 1000000) / 2000000) AS used_cost_cents,
       sign(idle_cost) * ((2 * abs(idle_cost) + 1000000) / 2000000) AS idle_cost_cents
ORDER BY bp.start_date, team_code, resource_type, capacity_unit, period_code, currency
