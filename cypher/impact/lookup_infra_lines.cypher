// question: Which project months does each milestone infrastructure line run in?
// parameters:
//   lines: {type: list, description: "Line codes to answer for; all if omitted"}
// columns:
//   line_code: text
//   milestone_code: text
//   start_month: integer
//   end_month: integer
MATCH (i:MilestoneInfrastructureCost)-[:FOR_MILESTONE]->(m:Milestone)
WHERE $lines IS NULL OR i.code IN $lines
RETURN i.code AS line_code, m.code AS milestone_code, i.start_month AS start_month,
       i.end_month AS end_month
ORDER BY line_code
