// view: v_metric_latest
// question: >-
//   What is the latest daily value of every defined metric, wherever it is stored, with
//   the value about 7 days earlier, the change, the trend, and is it improving and on
//   target?
// parameters: {}
// columns:
//   metric_code: text
//   metric_name: text
//   category: text
//   unit: text
//   currency: text
//   latest_date: date
//   latest_value_micros: price
//   previous_date: date
//   previous_value_micros: price
//   change_micros: price
//   change_pct: number
//   trend: text
//   assessment: text
//   target_value_micros: price
//   on_target: boolean
//
// Every metric value is carried as integer millionths of its unit, whatever its source:
// daily_metrics values and targets (NUMERIC(18,4)) are stored so; money columns of the
// wide daily tables are cents (x 10,000); counts are integers and the few non-money
// decimals (minutes, percentages, sentiment; at most three decimals) are rounded to
// integers once, when read. So the change and the on-target test are exact, and
// change_pct is ROUND(x, 2) in integer hundredths, rounded half away from zero.
//
// As in SQL, each wide table contributes only the columns its VALUES list names: the
// per-day rollups of operations_metrics_daily (worst provider; infra cost of EUR rows
// only, NULL on a day without any) and ai_agent_metrics_daily (sums; success rate of the
// day's tasks), and NULL values are skipped for the user, community and agent tables.
MATCH (md:MetricDefinition)
CALL (md) {
  OPTIONAL MATCH (md)<-[:FOR_METRIC_DEFINITION]-(d:DailyMetric)
  WHERE d.dimension = 'all'
  RETURN collect(CASE WHEN d IS NOT NULL THEN {date: d.metric_date, value: d.value_micros} END)
           AS from_long
}
CALL (md) {
  WITH md
  WHERE md.source_table = 'user_metrics_daily'
    AND md.source_column IN ['registered_users', 'new_signups', 'dau', 'wau', 'mau',
                             'churned_users', 'avg_session_minutes', 'd7_retention_pct']
  MATCH (u:UserMetricsDaily)
  WITH u, u[md.source_column] AS raw
  WHERE raw IS NOT NULL
  RETURN collect({date: u.metric_date, value: toInteger(round(raw * 1000000.0))}) AS from_users
}
CALL (md) {
  WITH md
  WHERE md.source_table = 'revenue_metrics_daily'
    AND md.source_column IN ['mrr', 'arr', 'new_mrr', 'churned_mrr', 'paying_customers', 'arpu',
                             'dividend_pool_accrued']
  MATCH (r:RevenueMetricsDaily)
  RETURN collect({date: r.metric_date,
                  value: coalesce(r[md.source_column + '_cents'] * 10000,
                                  toInteger(round(r[md.source_column] * 1000000.0)))})
           AS from_revenue
}
CALL (md) {
  WITH md
  WHERE md.source_table = 'operations_metrics_daily'
    AND md.source_column IN ['uptime_pct', 'p95_latency_ms', 'error_rate_pct', 'infra_cost']
  MATCH (o:OperationsMetricsDaily)
  WITH md, o.metric_date AS day,
       min(o.uptime_pct) AS uptime_pct,
       max(o.p95_latency_ms_cents) AS p95_latency_cents,
       max(o.error_rate_pct) AS error_rate_pct,
       count(CASE WHEN o.currency = 'EUR' THEN 1 END) AS eur_rows,
       sum(CASE WHEN o.currency = 'EUR' THEN o.infra_cost_cents END) AS eur_cost_cents
  RETURN collect({date: day,
                  value: CASE md.source_column
                           WHEN 'uptime_pct' THEN toInteger(round(uptime_pct * 1000000.0))
                           WHEN 'p95_latency_ms' THEN p95_latency_cents * 10000
                           WHEN 'error_rate_pct' THEN toInteger(round(error_rate_pct * 1000000.0))
                           WHEN 'infra_cost' THEN CASE WHEN eur_rows > 0
                                                       THEN eur_cost_cents * 10000 END
                         END}) AS from_operations
}
CALL (md) {
  WITH md
  WHERE md.source_table = 'community_metrics_daily'
    AND md.source_column IN ['total_members', 'active_members', 'new_members', 'forum_posts',
                             'contributions_merged', 'bounties_completed', 'bounty_payouts',
                             'sentiment_score']
  MATCH (c:CommunityMetricsDaily)
  WITH c, coalesce(c[md.source_column + '_cents'] * 10000,
                   toInteger(round(c[md.source_column] * 1000000.0))) AS value
  WHERE value IS NOT NULL
  RETURN collect({date: c.metric_date, value: value}) AS from_community
}
CALL (md) {
  WITH md
  WHERE md.source_table = 'governance_metrics_daily'
    AND md.source_column IN ['active_proposals', 'votes_cast', 'unique_voters', 'turnout_pct',
                             'treasury_balance']
  MATCH (g:GovernanceMetricsDaily)
  RETURN collect({date: g.metric_date,
                  value: coalesce(g[md.source_column + '_cents'] * 10000,
                                  toInteger(round(g[md.source_column] * 1000000.0)))})
           AS from_governance
}
CALL (md) {
  WITH md
  WHERE md.source_table = 'ai_agent_metrics_daily'
    AND md.source_column IN ['tasks_completed', 'success_rate_pct', 'llm_cost',
                             'human_escalations']
  MATCH (a:AiAgentMetricsDaily)
  WITH md, a.metric_date AS day,
       sum(a.tasks_completed) AS completed,
       sum(a.tasks_completed + a.tasks_failed) AS attempted,
       sum(a.llm_cost_cents) AS llm_cost_cents,
       sum(a.human_escalations) AS escalations
  WITH day,
       CASE md.source_column
         WHEN 'tasks_completed' THEN completed * 1000000
         // round(100.0 * completed / attempted, 2): hundredths rounded half up, x 10,000
         WHEN 'success_rate_pct' THEN CASE WHEN attempted > 0
                                           THEN (20000 * completed + attempted)
                                                / (2 * attempted) * 10000 END
         WHEN 'llm_cost' THEN llm_cost_cents * 10000
         WHEN 'human_escalations' THEN escalations * 1000000
       END AS value
  WHERE value IS NOT NULL
  RETURN collect({date: day, value: value}) AS from_agents
}
WITH md, from_long + from_users + from_revenue + from_operations + from_community
         + from_governance + from_agents AS vals
WHERE size(vals) > 0
WITH md, vals,
     reduce(best = null, v IN vals | CASE WHEN best IS NULL OR v.date > best.date
                                          THEN v ELSE best END) AS l
WITH md, l,
     reduce(best = null, v IN [v IN vals WHERE v.date <= l.date - duration({days: 7})] |
            CASE WHEN best IS NULL OR v.date > best.date THEN v ELSE best END) AS p
WITH md, l, p, l.value AS lv, p.value AS pv, 10000 * (l.value - p.value) AS a
RETURN md.code AS metric_code,
       md.name AS metric_name,
       md.category AS category,
       md.unit AS unit,
       md.currency AS currency,
       l.date AS latest_date,
       lv AS latest_value_micros,
       p.date AS previous_date,
       pv AS previous_value_micros,
       lv - pv AS change_micros,
       CASE WHEN pv <> 0
            THEN sign(a) * ((2 * abs(a) + abs(pv)) / (2 * abs(pv))) / 100.0
       END AS change_pct,
       CASE WHEN pv IS NULL THEN 'new'
            WHEN lv > pv THEN 'up'
            WHEN lv < pv THEN 'down'
            ELSE 'flat' END AS trend,
       CASE WHEN pv IS NULL OR lv = pv OR md.direction = 'neutral' THEN 'neutral'
            WHEN (lv > pv) = (md.direction = 'higher_is_better') THEN 'improving'
            ELSE 'worsening' END AS assessment,
       md.target_value_micros AS target_value_micros,
       CASE WHEN md.target_value_micros IS NULL THEN null
            WHEN md.direction = 'higher_is_better' THEN lv >= md.target_value_micros
            WHEN md.direction = 'lower_is_better' THEN lv <= md.target_value_micros
       END AS on_target
ORDER BY category, metric_code
