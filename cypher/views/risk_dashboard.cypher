// view: v_risk_dashboard
// question: >-
//   Which risks are open (not closed), highest score first: category, milestone,
//   compliance framework, owner team, likelihood x impact, severity, residual score,
//   mitigation and its mid cost?
// parameters: {}
// columns:
//   risk_code: text
//   title: text
//   category_code: text
//   category_name: text
//   milestone_code: text
//   milestone_name: text
//   framework_code: text
//   owner_team_code: text
//   owner_team_name: text
//   likelihood: integer
//   impact: integer
//   score: integer
//   severity: text
//   residual_score: integer
//   status: text
//   mitigation: text
//   mitigation_cost_mid_cents: money
//   currency: text
//   review_due_on: date
//
// Severity: critical at score >= 15, high >= 10, medium >= 5, else low. Order: score
// descending, then milestone sequence (risks without a milestone last), then risk code.
MATCH (r:Risk)-[:IN_CATEGORY]->(rc:RiskCategory),
      (r)-[:OWNER_TEAM]->(t:Team)
WHERE r.status <> 'closed'
OPTIONAL MATCH (r)-[:FOR_MILESTONE]->(m:Milestone)
OPTIONAL MATCH (r)-[:FOR_COMPLIANCE_FRAMEWORK]->(cf:ComplianceFramework)
RETURN r.code AS risk_code,
       r.title AS title,
       rc.code AS category_code,
       rc.name AS category_name,
       m.code AS milestone_code,
       m.name AS milestone_name,
       cf.code AS framework_code,
       t.code AS owner_team_code,
       t.name AS owner_team_name,
       r.likelihood AS likelihood,
       r.impact AS impact,
       r.score AS score,
       CASE WHEN r.score >= 15 THEN 'critical'
            WHEN r.score >= 10 THEN 'high'
            WHEN r.score >= 5 THEN 'medium'
            ELSE 'low' END AS severity,
       r.residual_likelihood * r.residual_impact AS residual_score,
       r.status AS status,
       r.mitigation AS mitigation,
       r.mitigation_cost_mid_cents AS mitigation_cost_mid_cents,
       r.currency AS currency,
       r.review_due_on AS review_due_on
ORDER BY score DESC, m.sequence, risk_code
