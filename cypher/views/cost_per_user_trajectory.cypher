// view: v_cost_per_user_trajectory
// question: >-
//   What does infrastructure cost per user per month along the user-scale thresholds:
//   the cost model at each threshold and, where milestones sit at that threshold, the
//   VIVIM plan of the last of them (run cost, revenue, net cost per user)?
// parameters: {}
// columns:
//   threshold_code: text
//   user_count: integer
//   milestone_codes: text
//   cost_model_code: text
//   model_monthly_cost_low_cents: money
//   model_monthly_cost_mid_cents: money
//   model_monthly_cost_high_cents: money
//   model_currency: text
//   model_cost_per_user_mid_micros: price
//   plan_milestone_code: text
//   plan_monthly_infrastructure_cost_cents: money
//   plan_infra_cost_per_user_micros: price
//   plan_monthly_revenue_cents: money
//   plan_net_cost_per_user_micros: price
//
// The plan figures are those of v_milestone_cost_summary for the threshold's milestone
// with the highest sequence: run-rate infrastructure line items and revenue projections
// (integer cents), and the net run cost per user rounded to 1/1,000 euro. Every
// ROUND(a / b, n) on NUMERIC becomes sign(a) * ((2|a| + b) / (2b)) with a scaled to the
// wanted unit; per-user figures are given in millionths.
MATCH (ust:UserScaleThreshold)
OPTIONAL MATCH (ust)<-[:FOR_USER_SCALE_THRESHOLD]-(icm:InfrastructureCostModel)
CALL (ust) {
  OPTIONAL MATCH (ust)<-[:FOR_USER_SCALE_THRESHOLD]-(m:Milestone)
  WITH m ORDER BY m.sequence
  WITH collect(m) AS ms
  RETURN CASE WHEN size(ms) > 0
              THEN reduce(s = head(ms).code, x IN tail(ms) | s + ', ' + x.code)
         END AS milestone_codes,
         last(ms) AS plan
}
CALL (plan) {
  OPTIONAL MATCH (plan)<-[:FOR_MILESTONE]-(i:MilestoneInfrastructureCost)
  WHERE i.is_run_rate
  RETURN sum(i.monthly_amount_cents) AS run
}
CALL (plan) {
  OPTIONAL MATCH (plan)<-[:FOR_MILESTONE]-(r:RevenueProjection)
  RETURN sum(r.monthly_revenue_mid_cents) AS revenue
}
WITH ust, icm, milestone_codes, plan,
     CASE WHEN plan IS NOT NULL THEN run END AS run,
     CASE WHEN plan IS NOT NULL THEN revenue END AS revenue,
     plan.target_users AS users,
     icm.monthly_cost_mid_cents AS mid
WITH ust, icm, milestone_codes, plan, run, revenue, users, mid,
     // net run cost per user in thousandths of a euro: (run - revenue) cents x 10 / users
     (run - revenue) * 10 AS net_e3
RETURN ust.code AS threshold_code,
       ust.user_count AS user_count,
       milestone_codes,
       icm.code AS cost_model_code,
       icm.monthly_cost_low_cents AS model_monthly_cost_low_cents,
       mid AS model_monthly_cost_mid_cents,
       icm.monthly_cost_high_cents AS model_monthly_cost_high_cents,
       icm.currency AS model_currency,
       CASE WHEN ust.user_count <> 0
            THEN sign(mid) * sign(ust.user_count)
                   * ((2 * abs(100 * mid) + abs(ust.user_count)) / (2 * abs(ust.user_count)))
                   * 100
       END AS model_cost_per_user_mid_micros,
       plan.code AS plan_milestone_code,
       run AS plan_monthly_infrastructure_cost_cents,
       CASE WHEN users <> 0
            THEN sign(run) * sign(users)
                   * ((2 * abs(100 * run) + abs(users)) / (2 * abs(users))) * 100
       END AS plan_infra_cost_per_user_micros,
       revenue AS plan_monthly_revenue_cents,
       CASE WHEN users <> 0
            THEN sign(net_e3) * sign(users)
                   * ((2 * abs(net_e3) + abs(users)) / (2 * abs(users))) * 1000
       END AS plan_net_cost_per_user_micros
ORDER BY user_count, cost_model_code
