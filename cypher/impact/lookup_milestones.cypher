// question: Which milestones are there, in order, with their months and status?
// parameters: {}
// columns:
//   milestone_code: text
//   sequence: integer
//   start_month: integer
//   end_month: integer
//   status: text
MATCH (m:Milestone)
RETURN m.code AS milestone_code, m.sequence AS sequence, m.start_month AS start_month,
       m.end_month AS end_month, m.status AS status
ORDER BY sequence
