// question: >-
//   Who is a team member (or in a team), with role, location, team category, FTE, employment
//   type, monthly cost and the project months they are on the payroll?
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
//   first_month: integer
//   last_month: integer
//
// Project month 1 is the month of the earliest milestone's planned start; first_month is
// the month of the member's start date, last_month that of the end date (null: open-ended).
MATCH (m:Milestone)
WITH min(m.planned_start_date - duration({months: m.start_month - 1})) AS month_one
MATCH (tm:TeamMember)-[:MEMBER_OF]->(t:Team)-[:IN_CATEGORY]->(rc:RoleCategory),
      (tm)-[:HAS_ROLE]->(r:Role), (tm)-[:BASED_IN]->(l:Location)
WHERE ($member IS NOT NULL AND tm.code = $member) OR ($team IS NOT NULL AND t.code = $team)
RETURN tm.code AS member_code, tm.full_name AS full_name, r.code AS role_code,
       l.code AS location_code, t.code AS team_code, rc.code AS team_category_code,
       tm.fte AS fte, tm.employment_type AS employment_type,
       tm.monthly_cost_cents AS monthly_cost_cents, tm.currency AS currency,
       null AS annual_mid_cents,
       (tm.start_date.year - month_one.year) * 12 + tm.start_date.month - month_one.month + 1
         AS first_month,
       CASE WHEN tm.end_date IS NOT NULL
            THEN (tm.end_date.year - month_one.year) * 12 + tm.end_date.month
                 - month_one.month + 1 END AS last_month
ORDER BY member_code
