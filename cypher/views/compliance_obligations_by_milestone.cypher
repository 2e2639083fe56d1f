// view: v_compliance_obligations_by_milestone
// question: >-
//   What compliance obligations does each milestone carry, per framework: requirements
//   (blocking, met), deliverables, their low/mid/high cost, and the legal projects' mid
//   cost for the same milestone and framework?
// parameters: {}
// columns:
//   milestone_code: text
//   milestone_name: text
//   sequence: integer
//   framework_code: text
//   framework_name: text
//   requirements: integer
//   blocking_requirements: integer
//   requirements_met: integer
//   deliverables: text
//   compliance_cost_low_cents: money
//   compliance_cost_mid_cents: money
//   compliance_cost_high_cents: money
//   legal_cost_mid_cents: money
//   currency: text
//
// One row per milestone and framework having compliance requirements. Deliverables are
// joined with '; ' by due month, then requirement code. Cost sums stay NULL when no
// requirement has that cost, like SQL's SUM.
MATCH (cm:ComplianceMilestone)-[:FOR_MILESTONE]->(m:Milestone),
      (cm)-[:FOR_COMPLIANCE_FRAMEWORK]->(cf:ComplianceFramework)
WITH m, cf, cm ORDER BY cm.due_month, cm.code
WITH m, cf,
     count(cm) AS requirements,
     count(CASE WHEN cm.is_blocking THEN cm END) AS blocking_requirements,
     count(CASE WHEN cm.status = 'met' THEN cm END) AS requirements_met,
     collect(cm.deliverable) AS deliverables,
     CASE WHEN count(cm.cost_low_cents) > 0 THEN sum(cm.cost_low_cents) END AS low,
     CASE WHEN count(cm.cost_mid_cents) > 0 THEN sum(cm.cost_mid_cents) END AS mid,
     CASE WHEN count(cm.cost_high_cents) > 0 THEN sum(cm.cost_high_cents) END AS high,
     min(cm.currency) AS currency
CALL (m, cf) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(lp:LegalProject)-[:FOR_COMPLIANCE_FRAMEWORK]->(cf)
  RETURN coalesce(sum(lp.cost_mid_cents), 0) AS legal_cost_mid_cents
}
RETURN m.code AS milestone_code,
       m.name AS milestone_name,
       m.sequence AS sequence,
       cf.code AS framework_code,
       cf.name AS framework_name,
       requirements,
       blocking_requirements,
       requirements_met,
       CASE WHEN size(deliverables) > 0
            THEN reduce(s = head(deliverables), d IN tail(deliverables) | s + '; ' + d)
       END AS deliverables,
       low AS compliance_cost_low_cents,
       mid AS compliance_cost_mid_cents,
       high AS compliance_cost_high_cents,
       legal_cost_mid_cents,
       currency
ORDER BY sequence, framework_code
