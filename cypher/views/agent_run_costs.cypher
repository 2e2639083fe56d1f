// view: v_agent_run_costs
// question: >-
//   What does each agent cost per month (UTC), how many runs fail, and how much of its
//   monthly budget does it use?
// parameters: {}
// columns:
//   agent_code: text
//   agent_name: text
//   agent_type: text
//   llm_code: text
//   month: date
//   currency: text
//   run_count: integer
//   succeeded_count: integer
//   failed_count: integer
//   failure_rate_pct: number
//   input_tokens: integer
//   output_tokens: integer
//   cost_amount_micros: price
//   cost_per_run_micros: price
//   monthly_budget_cents: money
//   budget_used_pct: number
//
// One row per agent, UTC month of the run's start and run currency. Run costs
// (NUMERIC(18,6)) are integer millionths; ROUND(cost / runs, 6) and the percentages are
// rounded half up in integers (all figures are non-negative). Budget use in hundredths
// of a percent is cost_micros / budget_cents.
MATCH (a:AiAgent)<-[:FOR_AI_AGENT]-(r:AgentRun)
OPTIONAL MATCH (a)-[:FOR_LLM_API_COST]->(l:LlmApiCost)
WITH a, l, r,
     date.truncate('month', datetime({datetime: r.started_at, timezone: 'UTC'})) AS month
WITH a, l, month, r.currency AS currency,
     count(r) AS run_count,
     count(CASE WHEN r.status = 'succeeded' THEN 1 END) AS succeeded_count,
     count(CASE WHEN r.status IN ['failed', 'timeout'] THEN 1 END) AS failed_count,
     sum(r.input_tokens) AS input_tokens,
     sum(r.output_tokens) AS output_tokens,
     sum(r.cost_amount_micros) AS cost_micros
RETURN a.code AS agent_code,
       a.name AS agent_name,
       a.agent_type AS agent_type,
       l.code AS llm_code,
       month,
       currency,
       run_count,
       succeeded_count,
       failed_count,
       ((20000 * failed_count + run_count) / (2 * run_count)) / 100.0 AS failure_rate_pct,
       input_tokens,
       output_tokens,
       cost_micros AS cost_amount_micros,
       (2 * cost_micros + run_count) / (2 * run_count) AS cost_per_run_micros,
       a.monthly_budget_cents AS monthly_budget_cents,
       CASE WHEN a.monthly_budget_cents > 0 AND a.currency = currency
            THEN ((2 * cost_micros + a.monthly_budget_cents) / (2 * a.monthly_budget_cents))
                 / 100.0
       END AS budget_used_pct
ORDER BY agent_code, month, currency
