// view: v_loaded_salary_by_location
// question: >-
//   What does a role cost fully loaded in each location and year: salary benchmark mid
//   plus statutory employer on-costs (rates on a capped and floored base, plus fixed
//   annual amounts), in the benchmark currency?
// parameters: {}
// columns:
//   location_code: text
//   location_name: text
//   role_code: text
//   role_title: text
//   role_category_code: text
//   seniority: text
//   year: integer
//   currency: text
//   annual_salary_mid_cents: money
//   employer_oncost_annual_cents: money
//   employer_oncost_pct: number
//   loaded_annual_cost_mid_cents: money
//   loaded_monthly_cost_mid_cents: money
//   oncost_factor_count: integer
//   is_estimate: boolean
//
// Exact arithmetic: employer_rate_pct (two decimals) becomes integer hundredths, so each
// factor's on-cost is rate_hundredths x base_cents, in units of 1/10,000 cent; fixed
// amounts are scaled to the same unit. The sum is rounded half away from zero once, as
// ROUND(..., 2) does on NUMERIC: for a/b with b > 0, sign(a) * ((2|a| + b) / (2b)).
// Factors apply where they share the benchmark's location, year and currency and count
// towards the loaded cost.
MATCH (sb:SalaryBenchmark)-[:FOR_LOCATION]->(l:Location),
      (sb)-[:FOR_ROLE]->(r:Role)-[:IN_CATEGORY]->(rc:RoleCategory)
CALL (sb, l) {
  OPTIONAL MATCH (f:EmploymentCostFactor)-[:APPLIES_IN]->(l)
  WHERE f.year = sb.year AND f.currency = sb.currency AND f.applies_to_loaded_cost
  WITH sb, f,
       CASE WHEN sb.annual_mid_cents < coalesce(f.contribution_base_cap_cents, sb.annual_mid_cents)
            THEN sb.annual_mid_cents
            ELSE coalesce(f.contribution_base_cap_cents, sb.annual_mid_cents)
       END - coalesce(f.contribution_base_floor_cents, 0) AS base_cents
  RETURN coalesce(sum(CASE WHEN f IS NOT NULL
                           THEN toInteger(round(coalesce(f.employer_rate_pct, 0) * 100))
                                  * CASE WHEN base_cents > 0 THEN base_cents ELSE 0 END
                                + coalesce(f.fixed_annual_amount_cents, 0) * 10000
                      END), 0) AS oncost_e4,
         count(f) AS factor_count
}
WITH sb, l, r, rc, oncost_e4, factor_count,
     sign(oncost_e4) * ((2 * abs(oncost_e4) + 10000) / 20000) AS oncost_cents,
     sb.annual_mid_cents * 10000 + oncost_e4 AS loaded_e4
RETURN l.code AS location_code,
       l.name AS location_name,
       r.code AS role_code,
       r.title AS role_title,
       rc.code AS role_category_code,
       sb.seniority AS seniority,
       sb.year AS year,
       sb.currency AS currency,
       sb.annual_mid_cents AS annual_salary_mid_cents,
       oncost_cents AS employer_oncost_annual_cents,
       // 100 x oncost / mid in hundredths of a percent = oncost_e4 / mid_cents
       CASE WHEN sb.annual_mid_cents <> 0
            THEN sign(oncost_e4) * sign(sb.annual_mid_cents)
                   * ((2 * abs(oncost_e4) + abs(sb.annual_mid_cents))
                      / (2 * abs(sb.annual_mid_cents))) / 100.0
       END AS employer_oncost_pct,
       sign(loaded_e4) * ((2 * abs(loaded_e4) + 10000) / 20000) AS loaded_annual_cost_mid_cents,
       sign(loaded_e4) * ((2 * abs(loaded_e4) + 120000) / 240000) AS loaded_monthly_cost_mid_cents,
       factor_count AS oncost_factor_count,
       sb.is_estimate AS is_estimate
ORDER BY location_code, role_category_code, role_code, year
