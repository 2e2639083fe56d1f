// question: >-
//   What if a milestone ran at N monthly active users instead of its target: which user-scale
//   threshold does N cross, what does that threshold's infrastructure cost model cost, and
//   what happens to revenue, the dividend pool and cost per user?
// parameters:
//   mau: {type: integer, required: true, description: "Monthly active users of the scenario, 1 or more"}
//   at: {type: string, description: "Milestone code, e.g. M7; the last milestone by sequence if omitted"}
//   case: {type: string, default: mid, description: "low, mid or high: the scenario cost model's figure that scales the run rate (R-CASE)"}
// columns:
//   milestone_code: text
//   sequence: integer
//   mau: integer
//   currency: text
//   baseline_users: integer
//   baseline_threshold_code: text
//   baseline_model_code: text
//   baseline_model_mid_cents: money
//   baseline_infra_monthly_cents: money
//   baseline_revenue_monthly_cents: money
//   baseline_gross_margin_cents: money
//   baseline_dividend_pool_cents: money
//   baseline_user_dividend_pool_cents: money
//   baseline_platform_share_cents: money
//   baseline_dividend_per_user_micros: price
//   baseline_infra_cost_per_user_micros: price
//   baseline_net_cost_per_user_micros: price
//   scenario_threshold_code: text
//   scenario_threshold_users: integer
//   next_threshold_code: text
//   next_threshold_users: integer
//   scenario_model_code: text
//   scenario_model_low_cents: money
//   scenario_model_mid_cents: money
//   scenario_model_high_cents: money
//   scenario_compute_monthly_cents: money
//   scenario_database_monthly_cents: money
//   scenario_storage_monthly_cents: money
//   scenario_network_monthly_cents: money
//   scenario_cdn_monthly_cents: money
//   scenario_vector_db_monthly_cents: money
//   scenario_gpu_monthly_cents: money
//   scenario_other_monthly_cents: money
//   scenario_model_cost_per_user_micros: price
//   scenario_infra_monthly_cents: money
//   scenario_revenue_monthly_cents: money
//   scenario_gross_margin_cents: money
//   scenario_dividend_pool_cents: money
//   scenario_user_dividend_pool_cents: money
//   scenario_platform_share_cents: money
//   scenario_dividend_per_user_micros: price
//   scenario_infra_cost_per_user_micros: price
//   scenario_net_cost_per_user_micros: price
//   dividend_policy_code: text
//   dividend_policy_effective: boolean
//   dividend_min_pool_cents: money
//   scenario_pool_meets_minimum: boolean
//   delta_users: integer
//   delta_infra_monthly_cents: money
//   delta_revenue_monthly_cents: money
//   delta_dividend_pool_cents: money
//   delta_user_dividend_pool_cents: money
//   delta_infra_cost_per_user_micros: price
//   delta_net_cost_per_user_micros: price
//   sources: list
//
// Refusal: mau < 1, or an `at` that names no milestone, gives no row.
//
// Baseline: the milestone as planned, from the sources the views use: users = target_users;
// infrastructure = the run-rate line items (is_run_rate) per month; revenue = the sum of
// its revenue projections (mid); the threshold and cost model are the milestone's own.
// The figures equal v_unit_economics_trajectory and v_milestone_cost_summary.
//
// Scenario threshold: the UserScaleThreshold with the highest user_count <= mau; the next
// one is the lowest user_count > mau (none above the top). Its InfrastructureCostModel
// gives low / mid / high and the category breakdown of mid, as stored.
//
// Scenario infrastructure = the plan's run rate scaled by the cost models:
// ROUND(run rate x scenario model mid / baseline model mid, 2). The plan's line items hold
// costs the models have no row for (GPU capacity, headroom allowance), so the scenario
// model mid alone would change the figure even at the milestone's own target; scaled, any
// mau in the baseline's threshold band leaves infrastructure as planned, and it never goes
// negative (an additive step did, e.g. M1 at 300 MAU). Without a baseline model, or one
// costing 0, the scenario model mid is taken as is. The model alone, per user, is
// scenario_model_cost_per_user_micros (mid / mau to 4 decimals, as
// v_infrastructure_cost_summary rounds it).
//
// Revenue scales linearly per user: ROUND(revenue x mau / target_users, 2), once on the
// total (no revenue when target_users is 0).
//
// Dividend (the rule dividend_calculations follow: pool = gross_revenue - direct_costs, the
// run-rate infrastructure, 42,000 - 16,000 = 26,000 EUR at M10): the policy is the first
// active one by id, as in v_unit_economics_trajectory; pool = max(revenue - infrastructure,
// 0) (its gross_margin basis); user pool = ROUND(pool x user_share_pct / 100, 2), platform
// share = ROUND(pool x platform_share_pct / 100, 2); per user = ROUND(pool x user_share_pct
// / 100 / users, 4). The view applies neither min_pool_amount nor the policy's first
// milestone, so these figures do not either; dividend_policy_effective and
// scenario_pool_meets_minimum say whether a payout would happen.
//
// Cost per user, as the views round it: infrastructure / users to 4 decimals
// (v_unit_economics_trajectory), net (infrastructure - revenue) / users to 3 decimals
// (v_milestone_cost_summary), both as micros. Every ROUND(a / b, n) on NUMERIC becomes
// sign(a) * ((2|a| + b) / (2b)) on integers.
MATCH (m:Milestone)
WHERE $mau >= 1 AND ($at IS NULL OR m.code = $at)
WITH m ORDER BY m.sequence DESC LIMIT 1
OPTIONAL MATCH (m)-[:FOR_USER_SCALE_THRESHOLD]->(bu:UserScaleThreshold)
OPTIONAL MATCH (bu)<-[:FOR_USER_SCALE_THRESHOLD]-(bicm:InfrastructureCostModel)
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(i:MilestoneInfrastructureCost)
  WHERE i.is_run_rate
  RETURN coalesce(sum(i.monthly_amount_cents), 0) AS run,
         collect(CASE WHEN i IS NOT NULL THEN {table: i._source_table, key: i.code} END)
           AS run_sources
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(r:RevenueProjection)
  RETURN coalesce(sum(r.monthly_revenue_mid_cents), 0) AS revenue,
         collect(CASE WHEN r IS NOT NULL THEN {table: r._source_table, key: r.id} END)
           AS revenue_sources
}
CALL () {
  OPTIONAL MATCH (u:UserScaleThreshold) WHERE u.user_count <= $mau
  RETURN u AS su ORDER BY u.user_count DESC LIMIT 1
}
CALL () {
  OPTIONAL MATCH (u:UserScaleThreshold) WHERE u.user_count > $mau
  RETURN u AS nu ORDER BY u.user_count LIMIT 1
}
OPTIONAL MATCH (su)<-[:FOR_USER_SCALE_THRESHOLD]-(sicm:InfrastructureCostModel)
CALL () {
  OPTIONAL MATCH (p:DividendPolicy) WHERE p.is_active
  WITH p ORDER BY p.id LIMIT 1
  OPTIONAL MATCH (p)-[:EFFECTIVE_FROM_MILESTONE]->(pm:Milestone)
  RETURN p AS pol, pm AS pol_from
}
WITH m, bu, bicm, su, nu, sicm, pol, pol_from, run, revenue, run_sources, revenue_sources,
     m.target_users AS users, $mau AS n,
     toInteger(round(pol.user_share_pct * 100)) AS user_h,
     toInteger(round(pol.platform_share_pct * 100)) AS platform_h,
     // R-CASE: a plan's low (high) case scales by the scenario model's low (high)
     CASE $case WHEN 'low' THEN sicm.monthly_cost_low_cents
                WHEN 'high' THEN sicm.monthly_cost_high_cents
                ELSE sicm.monthly_cost_mid_cents END AS s_model
WITH m, bu, bicm, su, nu, sicm, pol, pol_from, run, revenue, run_sources, revenue_sources,
     users, n, user_h, platform_h,
     CASE WHEN coalesce(bicm.monthly_cost_mid_cents, 0) > 0
          THEN (2 * run * s_model + bicm.monthly_cost_mid_cents)
               / (2 * bicm.monthly_cost_mid_cents)
          ELSE s_model END AS s_run,
     CASE WHEN users > 0
          THEN sign(revenue) * ((2 * abs(revenue) * n + users) / (2 * users)) END AS s_revenue
WITH m, bu, bicm, su, nu, sicm, pol, pol_from, run, revenue, run_sources, revenue_sources,
     users, n, user_h, platform_h, s_revenue, s_run
WITH m, bu, bicm, su, nu, sicm, pol, pol_from, run, revenue, run_sources, revenue_sources,
     users, n, user_h, platform_h, s_run, s_revenue,
     CASE WHEN revenue - run > 0 THEN revenue - run ELSE 0 END AS pool,
     CASE WHEN s_revenue - s_run > 0 THEN s_revenue - s_run ELSE 0 END AS s_pool
WITH m, bu, bicm, su, nu, sicm, pol, pol_from, run, revenue, run_sources, revenue_sources,
     users, n, s_run, s_revenue, pool, s_pool, user_h,
     (2 * pool * user_h + 10000) / 20000 AS user_pool,
     (2 * pool * platform_h + 10000) / 20000 AS platform_share,
     (2 * s_pool * user_h + 10000) / 20000 AS s_user_pool,
     (2 * s_pool * platform_h + 10000) / 20000 AS s_platform_share,
     // per-user figures: 1/10,000 euro (x 100 = micros) and net in 1/1,000 euro (x 1000)
     CASE WHEN users > 0
          THEN ((2 * pool * user_h + 100 * users) / (200 * users)) * 100 END AS div_pu,
     ((2 * s_pool * user_h + 100 * n) / (200 * n)) * 100 AS s_div_pu,
     CASE WHEN users > 0
          THEN sign(run) * ((2 * abs(100 * run) + users) / (2 * users)) * 100 END AS infra_pu,
     sign(s_run) * ((2 * abs(100 * s_run) + n) / (2 * n)) * 100 AS s_infra_pu,
     sign(sicm.monthly_cost_mid_cents)
       * ((2 * abs(100 * sicm.monthly_cost_mid_cents) + n) / (2 * n)) * 100 AS s_model_pu,
     CASE WHEN users > 0
          THEN sign(run - revenue) * ((2 * abs(10 * (run - revenue)) + users) / (2 * users))
               * 1000 END AS net_pu,
     CASE WHEN s_revenue IS NOT NULL
          THEN sign(s_run - s_revenue) * ((2 * abs(10 * (s_run - s_revenue)) + n) / (2 * n))
               * 1000 END AS s_net_pu
RETURN m.code AS milestone_code,
       m.sequence AS sequence,
       n AS mau,
       'EUR' AS currency,
       users AS baseline_users,
       bu.code AS baseline_threshold_code,
       bicm.code AS baseline_model_code,
       bicm.monthly_cost_mid_cents AS baseline_model_mid_cents,
       run AS baseline_infra_monthly_cents,
       revenue AS baseline_revenue_monthly_cents,
       revenue - run AS baseline_gross_margin_cents,
       pool AS baseline_dividend_pool_cents,
       user_pool AS baseline_user_dividend_pool_cents,
       platform_share AS baseline_platform_share_cents,
       div_pu AS baseline_dividend_per_user_micros,
       infra_pu AS baseline_infra_cost_per_user_micros,
       net_pu AS baseline_net_cost_per_user_micros,
       su.code AS scenario_threshold_code,
       su.user_count AS scenario_threshold_users,
       nu.code AS next_threshold_code,
       nu.user_count AS next_threshold_users,
       sicm.code AS scenario_model_code,
       sicm.monthly_cost_low_cents AS scenario_model_low_cents,
       sicm.monthly_cost_mid_cents AS scenario_model_mid_cents,
       sicm.monthly_cost_high_cents AS scenario_model_high_cents,
       sicm.compute_monthly_cents AS scenario_compute_monthly_cents,
       sicm.database_monthly_cents AS scenario_database_monthly_cents,
       sicm.storage_monthly_cents AS scenario_storage_monthly_cents,
       sicm.network_monthly_cents AS scenario_network_monthly_cents,
       sicm.cdn_monthly_cents AS scenario_cdn_monthly_cents,
       sicm.vector_db_monthly_cents AS scenario_vector_db_monthly_cents,
       sicm.gpu_monthly_cents AS scenario_gpu_monthly_cents,
       sicm.other_monthly_cents AS scenario_other_monthly_cents,
       s_model_pu AS scenario_model_cost_per_user_micros,
       s_run AS scenario_infra_monthly_cents,
       s_revenue AS scenario_revenue_monthly_cents,
       s_revenue - s_run AS scenario_gross_margin_cents,
       s_pool AS scenario_dividend_pool_cents,
       s_user_pool AS scenario_user_dividend_pool_cents,
       s_platform_share AS scenario_platform_share_cents,
       s_div_pu AS scenario_dividend_per_user_micros,
       s_infra_pu AS scenario_infra_cost_per_user_micros,
       s_net_pu AS scenario_net_cost_per_user_micros,
       pol.code AS dividend_policy_code,
       CASE WHEN pol IS NOT NULL
            THEN pol_from IS NULL OR m.sequence >= pol_from.sequence END
         AS dividend_policy_effective,
       pol.min_pool_amount_cents AS dividend_min_pool_cents,
       CASE WHEN pol IS NOT NULL THEN s_pool >= coalesce(pol.min_pool_amount_cents, 0) END
         AS scenario_pool_meets_minimum,
       n - users AS delta_users,
       s_run - run AS delta_infra_monthly_cents,
       s_revenue - revenue AS delta_revenue_monthly_cents,
       s_pool - pool AS delta_dividend_pool_cents,
       s_user_pool - user_pool AS delta_user_dividend_pool_cents,
       s_infra_pu - infra_pu AS delta_infra_cost_per_user_micros,
       s_net_pu - net_pu AS delta_net_cost_per_user_micros,
       [x IN [{table: m._source_table, key: m.code},
              CASE WHEN bu IS NOT NULL THEN {table: bu._source_table, key: bu.code} END,
              CASE WHEN bicm IS NOT NULL THEN {table: bicm._source_table, key: bicm.code} END,
              CASE WHEN su IS NOT NULL THEN {table: su._source_table, key: su.code} END,
              CASE WHEN nu IS NOT NULL THEN {table: nu._source_table, key: nu.code} END,
              CASE WHEN sicm IS NOT NULL THEN {table: sicm._source_table, key: sicm.code} END,
              CASE WHEN pol IS NOT NULL THEN {table: pol._source_table, key: pol.code} END]
        WHERE x IS NOT NULL] + run_sources + revenue_sources AS sources
