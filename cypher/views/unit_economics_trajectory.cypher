// view: v_unit_economics_trajectory
// question: >-
//   What are the unit economics at each milestone (monthly, EUR, mid case): revenue and
//   run-rate infrastructure cost, gross margin, per-user revenue, cost and contribution,
//   monthly burn, and the dividend pool of the first active dividend policy?
// parameters: {}
// columns:
//   milestone_code: text
//   milestone_name: text
//   sequence: integer
//   timeline: text
//   users: integer
//   monthly_revenue_cents: money
//   monthly_infrastructure_cost_cents: money
//   monthly_gross_margin_cents: money
//   gross_margin_pct: number
//   revenue_per_user_micros: price
//   infra_cost_per_user_micros: price
//   contribution_per_user_micros: price
//   milestone_cost_mid_cents: money
//   monthly_burn_mid_cents: money
//   dividend_policy_code: text
//   monthly_distributable_margin_cents: money
//   monthly_user_dividend_pool_cents: money
//   monthly_platform_share_cents: money
//   monthly_dividend_per_user_micros: price
//   currency: text
//
// The milestone figures are those of v_milestone_cost_summary (see
// milestone_cost_summary.cypher). Exact arithmetic on integer cents; share percentages
// (two decimals) become integer hundredths; every ROUND(a / b, n) on NUMERIC becomes
// sign(a) * ((2|a| + b) / (2b)) with a scaled to the wanted unit (per-user figures are
// rounded to 1/10,000 euro, then given in millionths).
MATCH (m:Milestone)
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(a:MilestoneTeamAllocation)
  WITH sum(a.planned_monthly_cost_cents * toInteger(round(a.allocation_pct * 100))
           * (a.end_month - a.start_month + 1)) AS labor
  RETURN sign(labor) * ((2 * abs(labor) + 10000) / 20000) AS labor_cents
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(i:MilestoneInfrastructureCost)
  RETURN coalesce(sum(i.monthly_amount_cents * (i.end_month - i.start_month + 1)), 0)
           AS infrastructure_cents,
         coalesce(sum(CASE WHEN i.is_run_rate THEN i.monthly_amount_cents END), 0) AS run
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(c:MilestoneCost)
  RETURN coalesce(sum(c.cost_mid_cents), 0) AS other_cents
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(r:RevenueProjection)
  RETURN coalesce(sum(r.monthly_revenue_mid_cents), 0) AS revenue
}
CALL () {
  OPTIONAL MATCH (p:DividendPolicy) WHERE p.is_active
  WITH p ORDER BY p.id LIMIT 1
  RETURN p AS pol
}
WITH m, pol, run, revenue,
     labor_cents + infrastructure_cents + other_cents AS total,
     revenue - run AS margin,
     m.target_users AS users,
     m.end_month - m.start_month + 1 AS months
WITH m, pol, run, revenue, total, margin, users, months,
     CASE WHEN margin > 0 THEN margin ELSE 0 END AS distributable,
     toInteger(round(pol.user_share_pct * 100)) AS user_share_h,
     toInteger(round(pol.platform_share_pct * 100)) AS platform_share_h
RETURN m.code AS milestone_code,
       m.name AS milestone_name,
       m.sequence AS sequence,
       'Months ' + m.start_month + '-' + m.end_month AS timeline,
       users,
       revenue AS monthly_revenue_cents,
       run AS monthly_infrastructure_cost_cents,
       margin AS monthly_gross_margin_cents,
       // margin / revenue x 100 to one decimal: tenths of a percent = margin x 1000 / revenue
       CASE WHEN revenue > 0
            THEN sign(margin) * ((2 * abs(1000 * margin) + revenue) / (2 * revenue)) / 10.0
       END AS gross_margin_pct,
       CASE WHEN users <> 0
            THEN sign(revenue) * sign(users)
                   * ((2 * abs(100 * revenue) + abs(users)) / (2 * abs(users))) * 100
       END AS revenue_per_user_micros,
       CASE WHEN users <> 0
            THEN sign(run) * sign(users)
                   * ((2 * abs(100 * run) + abs(users)) / (2 * abs(users))) * 100
       END AS infra_cost_per_user_micros,
       CASE WHEN users <> 0
            THEN sign(margin) * sign(users)
                   * ((2 * abs(100 * margin) + abs(users)) / (2 * abs(users))) * 100
       END AS contribution_per_user_micros,
       total AS milestone_cost_mid_cents,
       sign(total) * sign(months) * ((2 * abs(total) + abs(months)) / (2 * abs(months)))
         AS monthly_burn_mid_cents,
       pol.code AS dividend_policy_code,
       distributable AS monthly_distributable_margin_cents,
       // distributable x share / 100 in cents: distributable x share_h / 10,000
       (2 * distributable * user_share_h + 10000) / 20000 AS monthly_user_dividend_pool_cents,
       (2 * distributable * platform_share_h + 10000) / 20000 AS monthly_platform_share_cents,
       // user pool per user in 1/10,000 euro: distributable x share_h / (100 x users)
       CASE WHEN users <> 0
            THEN sign(distributable * user_share_h) * sign(users)
                   * ((2 * abs(distributable * user_share_h) + 100 * abs(users))
                      / (200 * abs(users))) * 100
       END AS monthly_dividend_per_user_micros,
       'EUR' AS currency
ORDER BY sequence
