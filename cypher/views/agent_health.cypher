// view: v_agent_health
// question: >-
//   How reliable is each agent over its whole life: runs, failure and human-override
//   rates, total cost (runs in the agent's currency), and unresolved alerts?
// parameters: {}
// columns:
//   agent_code: text
//   agent_name: text
//   agent_type: text
//   status: text
//   autonomy_level: text
//   run_count: integer
//   failure_rate_pct: number
//   human_override_pct: number
//   total_cost_micros: price
//   currency: text
//   last_run_at: any
//   alert_count: integer
//   unresolved_alerts: integer
//   unresolved_critical: integer
//
// Run costs (NUMERIC(18,6)) are integer millionths, summed only where the run's currency
// is the agent's; rates are ROUND(x, 2) in integer hundredths rounded half up.
MATCH (a:AiAgent)
CALL (a) {
  OPTIONAL MATCH (a)<-[:FOR_AI_AGENT]-(r:AgentRun)
  RETURN count(r) AS run_count,
         count(CASE WHEN r.status IN ['failed', 'timeout'] THEN 1 END) AS failed_count,
         count(CASE WHEN r.human_override THEN 1 END) AS override_count,
         max(r.started_at) AS last_run_at,
         sum(CASE WHEN r.currency = a.currency THEN r.cost_amount_micros END) AS cost_micros
}
CALL (a) {
  OPTIONAL MATCH (a)<-[:FOR_AI_AGENT]-(al:AgentAlert)
  RETURN count(al) AS alert_count,
         count(CASE WHEN al.status IN ['open', 'acknowledged'] THEN 1 END) AS unresolved_alerts,
         count(CASE WHEN al.status IN ['open', 'acknowledged'] AND al.severity = 'critical'
                    THEN 1 END) AS unresolved_critical
}
RETURN a.code AS agent_code,
       a.name AS agent_name,
       a.agent_type AS agent_type,
       a.status AS status,
       a.autonomy_level AS autonomy_level,
       run_count,
       CASE WHEN run_count > 0
            THEN ((20000 * failed_count + run_count) / (2 * run_count)) / 100.0
       END AS failure_rate_pct,
       CASE WHEN run_count > 0
            THEN ((20000 * override_count + run_count) / (2 * run_count)) / 100.0
       END AS human_override_pct,
       cost_micros AS total_cost_micros,
       a.currency AS currency,
       last_run_at,
       alert_count,
       unresolved_alerts,
       unresolved_critical
ORDER BY agent_code
