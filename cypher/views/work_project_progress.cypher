// view: v_work_project_progress
// question: >-
//   How far along is each work project, and are finished tasks taking longer than
//   estimated?
// parameters: {}
// columns:
//   project_code: text
//   project_name: text
//   milestone_code: text
//   team_code: text
//   status: text
//   task_count: integer
//   done_count: integer
//   in_progress_count: integer
//   done_pct: number
//   estimate_hours: number
//   done_estimate_hours: number
//   done_actual_hours: number
//   actual_vs_estimate_pct: number
//   budget_amount_cents: money
//   currency: text
//
// Hours (NUMERIC(6,1)) are summed exactly as integer tenths; the percentages are
// ROUND(x, 2) of exact ratios, in integer hundredths rounded half up (all positive).
MATCH (wp:WorkProject)-[:FOR_MILESTONE]->(m:Milestone)
MATCH (wp)-[:IN_TEAM]->(t:Team)
CALL (wp) {
  OPTIONAL MATCH (wp)<-[:FOR_WORK_PROJECT]-(wt:WorkTask)
  RETURN count(wt) AS task_count,
         count(CASE WHEN wt.status = 'done' THEN 1 END) AS done_count,
         count(CASE WHEN wt.status IN ['in_progress', 'in_review'] THEN 1 END)
           AS in_progress_count,
         count(CASE WHEN wt.status <> 'cancelled' THEN 1 END) AS live_count,
         sum(CASE WHEN wt.status <> 'cancelled'
                  THEN toInteger(round(wt.estimate_hours * 10)) END) AS estimate_t,
         sum(CASE WHEN wt.status = 'done'
                  THEN toInteger(round(wt.estimate_hours * 10)) END) AS done_estimate_t,
         sum(CASE WHEN wt.status = 'done'
                  THEN toInteger(round(wt.actual_hours * 10)) END) AS done_actual_t
}
RETURN wp.code AS project_code,
       wp.name AS project_name,
       m.code AS milestone_code,
       t.code AS team_code,
       wp.status AS status,
       task_count,
       done_count,
       in_progress_count,
       CASE WHEN live_count > 0
            THEN ((20000 * done_count + live_count) / (2 * live_count)) / 100.0
       END AS done_pct,
       estimate_t / 10.0 AS estimate_hours,
       done_estimate_t / 10.0 AS done_estimate_hours,
       done_actual_t / 10.0 AS done_actual_hours,
       CASE WHEN done_estimate_t > 0
            THEN ((20000 * done_actual_t + done_estimate_t) / (2 * done_estimate_t)) / 100.0
       END AS actual_vs_estimate_pct,
       wp.budget_amount_cents AS budget_amount_cents,
       wp.currency AS currency
ORDER BY project_code
