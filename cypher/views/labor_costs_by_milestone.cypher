// view: v_labor_costs_by_milestone
// question: >-
//   What labour does each milestone take, from the team allocations: headcount
//   (employees vs contractors), teams involved, average FTE, person-months, and the cost
//   of employees, of contractors and in total (EUR, mid case)?
// parameters: {}
// columns:
//   milestone_code: text
//   milestone_name: text
//   sequence: integer
//   milestone_months: integer
//   headcount: integer
//   employees: integer
//   contractors: integer
//   teams_involved: integer
//   avg_fte: number
//   person_months: number
//   employee_cost_mid_cents: money
//   contractor_cost_mid_cents: money
//   labor_cost_mid_cents: money
//   currency: text
//
// Exact arithmetic: allocation_pct (two decimals) becomes integer hundredths h, so an
// allocation is h x months / 10,000 person-months and costs planned_monthly_cost_cents x
// h x months / 10,000 cents; sums are rounded half away from zero once, as ROUND(..., 2)
// does on NUMERIC. Contractors are everyone whose employment_type is not 'employee'.
MATCH (m:Milestone)
CALL (m) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(a:MilestoneTeamAllocation)-[:ALLOCATES]->(tm:TeamMember)
  OPTIONAL MATCH (tm)-[:MEMBER_OF]->(t:Team)
  WITH tm, t, toInteger(round(a.allocation_pct * 100)) * (a.end_month - a.start_month + 1)
                AS pm_e4,
       a.planned_monthly_cost_cents * toInteger(round(a.allocation_pct * 100))
         * (a.end_month - a.start_month + 1) AS cost_e4
  RETURN count(DISTINCT tm) AS headcount,
         count(DISTINCT CASE WHEN tm.employment_type = 'employee' THEN tm END) AS employees,
         count(DISTINCT CASE WHEN tm.employment_type <> 'employee' THEN tm END) AS contractors,
         count(DISTINCT t) AS teams_involved,
         coalesce(sum(pm_e4), 0) AS pm_e4,
         coalesce(sum(CASE WHEN tm.employment_type = 'employee' THEN cost_e4 END), 0)
           AS employee_e4,
         coalesce(sum(CASE WHEN tm.employment_type <> 'employee' THEN cost_e4 END), 0)
           AS contractor_e4,
         coalesce(sum(cost_e4), 0) AS labor_e4
}
WITH m, headcount, employees, contractors, teams_involved, pm_e4, employee_e4,
     contractor_e4, labor_e4, m.end_month - m.start_month + 1 AS months
RETURN m.code AS milestone_code,
       m.name AS milestone_name,
       m.sequence AS sequence,
       months AS milestone_months,
       headcount,
       employees,
       contractors,
       teams_involved,
       // person-months / months in hundredths: pm_e4 / (100 x months)
       sign(pm_e4) * sign(months)
         * ((2 * abs(pm_e4) + 100 * abs(months)) / (200 * abs(months))) / 100.0 AS avg_fte,
       sign(pm_e4) * ((2 * abs(pm_e4) + 100) / 200) / 100.0 AS person_months,
       sign(employee_e4) * ((2 * abs(employee_e4) + 10000) / 20000) AS employee_cost_mid_cents,
       sign(contractor_e4) * ((2 * abs(contractor_e4) + 10000) / 20000)
         AS contractor_cost_mid_cents,
       sign(labor_e4) * ((2 * abs(labor_e4) + 10000) / 20000) AS labor_cost_mid_cents,
       'EUR' AS currency
ORDER BY sequence
