// view: v_legal_budget_status
// question: >-
//   Per milestone budget period, how does the legal and compliance budget stand (budget
//   vs committed vs spent, utilisation, status), and does it reconcile with the
//   milestone's legal and compliance budget lines, legal projects and compliance
//   requirements?
// parameters: {}
// columns:
//   milestone_code: text
//   milestone_name: text
//   sequence: integer
//   milestone_status: text
//   period_label: text
//   budget_amount_cents: money
//   committed_amount_cents: money
//   spent_amount_cents: money
//   remaining_amount_cents: money
//   utilisation_pct: number
//   budget_status: text
//   legal_budget_lines_cents: money
//   compliance_budget_lines_cents: money
//   legal_projects_mid_cents: money
//   compliance_requirements_mid_cents: money
//   unreconciled_amount_cents: money
//   currency: text
//   as_of_date: date
//
// Exact arithmetic on integer cents. Utilisation = (committed + spent) / budget x 100 to
// one decimal, rounded half away from zero like ROUND(..., 1) on NUMERIC (NULL for a zero
// budget); over_budget above the budget, at_limit from 90 % of it, else within_budget.
MATCH (lb:LegalBudget)-[:FOR_MILESTONE]->(m:Milestone)
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(mc:MilestoneCost)-[:IN_CATEGORY]->(c:MilestoneCostCategory)
  WHERE c.code IN ['legal', 'compliance']
  RETURN coalesce(sum(CASE WHEN c.code = 'legal' THEN mc.cost_mid_cents END), 0) AS legal_lines,
         coalesce(sum(CASE WHEN c.code = 'compliance' THEN mc.cost_mid_cents END), 0)
           AS compliance_lines
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(lp:LegalProject)
  RETURN coalesce(sum(lp.cost_mid_cents), 0) AS legal_projects
}
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(cm:ComplianceMilestone)
  RETURN coalesce(sum(cm.cost_mid_cents), 0) AS compliance_requirements
}
WITH lb, m, legal_lines, compliance_lines, legal_projects, compliance_requirements,
     lb.budget_amount_cents AS budget,
     lb.committed_amount_cents + lb.spent_amount_cents AS used
RETURN m.code AS milestone_code,
       m.name AS milestone_name,
       m.sequence AS sequence,
       m.status AS milestone_status,
       lb.period_label AS period_label,
       budget AS budget_amount_cents,
       lb.committed_amount_cents AS committed_amount_cents,
       lb.spent_amount_cents AS spent_amount_cents,
       budget - lb.committed_amount_cents - lb.spent_amount_cents AS remaining_amount_cents,
       // tenths of a percent: used x 1000 / budget
       CASE WHEN budget <> 0
            THEN sign(used) * sign(budget)
                   * ((2 * abs(1000 * used) + abs(budget)) / (2 * abs(budget))) / 10.0
       END AS utilisation_pct,
       CASE WHEN used > budget THEN 'over_budget'
            WHEN 10 * used >= 9 * budget THEN 'at_limit'
            ELSE 'within_budget' END AS budget_status,
       legal_lines AS legal_budget_lines_cents,
       compliance_lines AS compliance_budget_lines_cents,
       legal_projects AS legal_projects_mid_cents,
       compliance_requirements AS compliance_requirements_mid_cents,
       legal_lines + compliance_lines - legal_projects - compliance_requirements
         AS unreconciled_amount_cents,
       lb.currency AS currency,
       lb.as_of_date AS as_of_date
ORDER BY sequence, lb.period_start
