// view: v_infrastructure_cost_summary
// question: >-
//   What does the infrastructure cost per month at each user-scale threshold (0 to 1M
//   users), in EUR: low/mid/high, per user, per 1,000 users, by category, and from which
//   providers (provider mix and the share under EU/EEA/Swiss jurisdiction)?
// parameters: {}
// columns:
//   scale_code: text
//   user_count: integer
//   model_code: text
//   model_name: text
//   currency: text
//   monthly_cost_low_cents: money
//   monthly_cost_mid_cents: money
//   monthly_cost_high_cents: money
//   annual_cost_mid_cents: money
//   cost_per_user_month_mid_micros: price
//   cost_per_1000_users_month_mid_cents: money
//   compute_monthly_cents: money
//   database_monthly_cents: money
//   storage_monthly_cents: money
//   network_monthly_cents: money
//   cdn_monthly_cents: money
//   vector_db_monthly_cents: money
//   gpu_monthly_cents: money
//   other_monthly_cents: money
//   component_count: integer
//   provider_count: integer
//   provider_mix: text
//   eu_provider_share_pct: number
//
// Exact arithmetic on integer cents; every ROUND(a / b, n) on NUMERIC becomes
// sign(a) * ((2|a| + b) / (2b)) with a scaled to the wanted unit. A provider's share of
// the model's mid cost is rounded to whole percent (0 when the model costs nothing);
// the mix lists providers by cost, highest first, then by code.
MATCH (u:UserScaleThreshold)<-[:FOR_USER_SCALE_THRESHOLD]-(m:InfrastructureCostModel)
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_INFRASTRUCTURE_COST_MODEL]-(c:InfrastructureCostModelComponent)
  RETURN count(c) AS component_count
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_INFRASTRUCTURE_COST_MODEL]-(c:InfrastructureCostModelComponent)
                   -[:FOR_SERVICE_PRICING_TIER]->(:ServicePricingTier)-[:TIER_OF]->(:Service)
                   -[:OFFERED_BY]->(p:CloudProvider)
  WITH p, sum(c.monthly_cost_eur_cents) AS cost, count(c.monthly_cost_eur_cents) AS costed
  WITH p, CASE WHEN costed > 0 THEN cost END AS cost
  ORDER BY cost DESC, p.code
  WITH [x IN collect({code: p.code, eu: p.eu_jurisdiction, cost: cost}) WHERE x.code IS NOT NULL]
         AS providers
  WITH providers,
       reduce(t = null, x IN providers | CASE WHEN x.cost IS NULL THEN t
                                              ELSE coalesce(t, 0) + x.cost END) AS total,
       reduce(t = null, x IN providers | CASE WHEN x.cost IS NULL OR NOT x.eu THEN t
                                              ELSE coalesce(t, 0) + x.cost END) AS eu_total
  RETURN size(providers) AS provider_count,
         reduce(s = null, x IN providers |
                CASE WHEN s IS NULL THEN '' ELSE s + ', ' END + x.code + ' '
                + CASE WHEN total IS NULL OR total = 0 OR x.cost IS NULL THEN '0'
                       ELSE toString(sign(x.cost) * ((2 * abs(100 * x.cost) + total) / (2 * total)))
                  END + '%') AS provider_mix,
         CASE WHEN total <> 0 AND eu_total IS NOT NULL
              THEN sign(eu_total) * sign(total)
                     * ((2 * abs(10000 * eu_total) + abs(total)) / (2 * abs(total))) / 100.0
         END AS eu_provider_share_pct
}
WITH u, m, component_count, provider_count, provider_mix, eu_provider_share_pct,
     m.monthly_cost_mid_cents AS mid
RETURN u.code AS scale_code,
       u.user_count AS user_count,
       m.code AS model_code,
       m.name AS model_name,
       m.currency AS currency,
       m.monthly_cost_low_cents AS monthly_cost_low_cents,
       mid AS monthly_cost_mid_cents,
       m.monthly_cost_high_cents AS monthly_cost_high_cents,
       mid * 12 AS annual_cost_mid_cents,
       // euros per user to 4 decimals, as micros: (mid_cents x 100 / users) x 100
       CASE WHEN u.user_count <> 0
            THEN sign(mid) * sign(u.user_count)
                   * ((2 * abs(100 * mid) + abs(u.user_count)) / (2 * abs(u.user_count))) * 100
       END AS cost_per_user_month_mid_micros,
       CASE WHEN u.user_count <> 0
            THEN sign(mid) * sign(u.user_count)
                   * ((2 * abs(1000 * mid) + abs(u.user_count)) / (2 * abs(u.user_count)))
       END AS cost_per_1000_users_month_mid_cents,
       m.compute_monthly_cents AS compute_monthly_cents,
       m.database_monthly_cents AS database_monthly_cents,
       m.storage_monthly_cents AS storage_monthly_cents,
       m.network_monthly_cents AS network_monthly_cents,
       m.cdn_monthly_cents AS cdn_monthly_cents,
       m.vector_db_monthly_cents AS vector_db_monthly_cents,
       m.gpu_monthly_cents AS gpu_monthly_cents,
       m.other_monthly_cents AS other_monthly_cents,
       component_count,
       provider_count,
       provider_mix,
       eu_provider_share_pct
ORDER BY user_count
