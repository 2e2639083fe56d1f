// question: >-
//   Who is a team member (or in a team), with role, location, team category, FTE, employment
//   type and monthly cost?
// parameters:
//   member: {type: string, description: "Team member code, e.g. TM-005"}
//   team: {type: string, description: "Team code, e.g. core-platform"}
// columns:
//   member_code: text
//   full_name: text
//   role_code: text
//   location_code: text
//   team_code: text
//   team_category_code: text
//   fte: number
//   employment_type: text
//   monthly_cost_cents: money
//   currency: text
//   annual_mid_cents: money
MATCH (tm:TeamMember)-[:MEMBER_OF]->(t:Team)-[:IN_CATEGORY]->(rc:RoleCategory),
      (tm)-[:HAS_ROLE]->(r:Role), (tm)-[:BASED_IN]->(l:Location)
WHERE ($member IS NOT NULL AND tm.code = $member) OR ($team IS NOT NULL AND t.code = $team)
RETURN tm.code AS member_code, tm.full_name AS full_name, r.code AS role_code,
       l.code AS location_code, t.code AS team_code, rc.code AS team_category_code,
       tm.fte AS fte, tm.employment_type AS employment_type,
       tm.monthly_cost_cents AS monthly_cost_cents, tm.currency AS currency,
       null AS annual_mid_cents
ORDER BY member_code
