// view: v_milestone_cost_summary
// question: >-
//   What does each milestone cost (labor, infrastructure, other), what is the running
//   22-month total, and what is the net monthly run cost per user?
// parameters: {}
// columns:
//   milestone_code: text
//   milestone_name: text
//   sequence: integer
//   timeline: text
//   target_users: integer
//   users_label: text
//   labor_cost_mid_cents: money
//   infrastructure_cost_mid_cents: money
//   other_cost_mid_cents: money
//   total_cost_mid_cents: money
//   cumulative_cost_mid_cents: money
//   monthly_infrastructure_cost_cents: money
//   monthly_revenue_cents: money
//   cost_per_user_micros: price
//
// Exact arithmetic: money is integer cents; allocation_pct (two decimals) becomes integer
// hundredths, so labor is summed in units of 1/10,000 cent and rounded half away from
// zero once per milestone, as PostgreSQL's ROUND(..., 2) does on NUMERIC.
// One pass over a milestone's FOR_MILESTONE relationships for the four sums (a milestone has
// thousands of them, mostly from other labels: one subquery per sum walked them four times).
MATCH (m:Milestone)
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(x)
  WHERE x:MilestoneTeamAllocation OR x:MilestoneInfrastructureCost OR x:MilestoneCost
        OR x:RevenueProjection
  WITH sum(CASE WHEN x:MilestoneTeamAllocation
                THEN x.planned_monthly_cost_cents * toInteger(round(x.allocation_pct * 100))
                     * (x.end_month - x.start_month + 1) END) AS labor,
       coalesce(sum(CASE WHEN x:MilestoneInfrastructureCost
                         THEN x.monthly_amount_cents * (x.end_month - x.start_month + 1) END), 0)
         AS infrastructure_cents,
       coalesce(sum(CASE WHEN x:MilestoneInfrastructureCost AND x.is_run_rate
                         THEN x.monthly_amount_cents END), 0) AS monthly_run_cents,
       coalesce(sum(CASE WHEN x:MilestoneCost THEN x.cost_mid_cents END), 0) AS other_cents,
       coalesce(sum(CASE WHEN x:RevenueProjection THEN x.monthly_revenue_mid_cents END), 0)
         AS revenue_cents
  RETURN (labor + sign(labor) * 5000) / 10000 AS labor_cents, infrastructure_cents,
         monthly_run_cents, other_cents, revenue_cents
}
WITH m, labor_cents, infrastructure_cents, other_cents, monthly_run_cents, revenue_cents,
     labor_cents + infrastructure_cents + other_cents AS total_cents
ORDER BY m.sequence
WITH collect({m: m, labor: labor_cents, infra: infrastructure_cents, other: other_cents,
              run: monthly_run_cents, revenue: revenue_cents, total: total_cents}) AS rows
UNWIND range(0, size(rows) - 1) AS i
WITH rows[i] AS row, reduce(s = 0, r IN rows[0..i + 1] | s + r.total) AS cumulative
WITH row, cumulative, row.m AS m,
     // net monthly run cost per user in thousandths of a euro: (run - revenue) cents x 10
     // over users, rounded half away from zero like ROUND(x, 3): sign(a)*((2|a| + b) / 2b)
     (row.run - row.revenue) * 10 AS a
WITH row, cumulative, m,
     CASE WHEN m.target_users > 0
          THEN sign(a) * ((2 * abs(a) + m.target_users) / (2 * m.target_users)) * 1000
     END AS cost_per_user_micros
RETURN m.code AS milestone_code,
       m.name AS milestone_name,
       m.sequence AS sequence,
       'Months ' + m.start_month + '-' + m.end_month AS timeline,
       m.target_users AS target_users,
       m.users_label AS users_label,
       row.labor AS labor_cost_mid_cents,
       row.infra AS infrastructure_cost_mid_cents,
       row.other AS other_cost_mid_cents,
       row.total AS total_cost_mid_cents,
       cumulative AS cumulative_cost_mid_cents,
       row.run AS monthly_infrastructure_cost_cents,
       row.revenue AS monthly_revenue_cents,
       cost_per_user_micros
ORDER BY sequence
