// view: v_compliance_requirement_status
// question: >-
//   Per compliance framework (and cost currency), how many requirements are not started,
//   in progress, done or not applicable, how many high-priority ones are open, when is the
//   next open one due, and what do the requirements cost (low/mid/high, open mid)?
// parameters: {}
// columns:
//   framework_code: text
//   framework_name: text
//   currency: text
//   requirements: integer
//   not_started: integer
//   in_progress: integer
//   done: integer
//   not_applicable: integer
//   done_pct: number
//   open_high_priority: integer
//   next_due_date: date
//   cost_low_cents: money
//   cost_mid_cents: money
//   cost_high_cents: money
//   open_cost_mid_cents: money
//
// done_pct = ROUND(100.0 * done / applicable, 2), computed in integer hundredths and
// rounded half away from zero like NUMERIC ROUND; open_cost_mid is NULL when no
// requirement is open (SQL sums an empty FILTER to NULL).
MATCH (cr:ComplianceRequirement)-[:FOR_COMPLIANCE_FRAMEWORK]->(cf:ComplianceFramework)
WITH cf, cr.currency AS currency,
     count(*) AS requirements,
     count(CASE WHEN cr.status = 'not_started' THEN 1 END) AS not_started,
     count(CASE WHEN cr.status = 'in_progress' THEN 1 END) AS in_progress,
     count(CASE WHEN cr.status IN ['implemented', 'verified'] THEN 1 END) AS done,
     count(CASE WHEN cr.status = 'not_applicable' THEN 1 END) AS not_applicable,
     count(CASE WHEN cr.priority IN ['high', 'critical']
                 AND cr.status IN ['not_started', 'in_progress'] THEN 1 END) AS open_high_priority,
     min(CASE WHEN cr.status IN ['not_started', 'in_progress'] THEN cr.due_date END)
       AS next_due_date,
     sum(cr.estimated_cost_low_cents) AS cost_low_cents,
     sum(cr.estimated_cost_mid_cents) AS cost_mid_cents,
     sum(cr.estimated_cost_high_cents) AS cost_high_cents,
     count(CASE WHEN cr.status IN ['not_started', 'in_progress'] THEN 1 END) AS open_count,
     sum(CASE WHEN cr.status IN ['not_started', 'in_progress']
              THEN cr.estimated_cost_mid_cents ELSE 0 END) AS open_mid
WITH cf, currency, requirements, not_started, in_progress, done, not_applicable,
     open_high_priority, next_due_date, cost_low_cents, cost_mid_cents, cost_high_cents,
     open_count, open_mid, requirements - not_applicable AS applicable
RETURN cf.code AS framework_code,
       cf.name AS framework_name,
       currency,
       requirements,
       not_started,
       in_progress,
       done,
       not_applicable,
       CASE WHEN applicable > 0
            THEN toFloat((2 * 10000 * done + applicable) / (2 * applicable)) / 100 END AS done_pct,
       open_high_priority,
       next_due_date,
       cost_low_cents,
       cost_mid_cents,
       cost_high_cents,
       CASE WHEN open_count > 0 THEN open_mid END AS open_cost_mid_cents
ORDER BY framework_code, currency
