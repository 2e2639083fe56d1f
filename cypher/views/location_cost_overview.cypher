// view: v_location_cost_overview
// question: >-
//   How expensive is each location to staff? Per location and benchmark year: average
//   salary mid, average employer on-cost, average loaded cost, loaded cost of a mid and a
//   senior software engineer, and the active tax incentives, in the location currency.
// parameters: {}
// columns:
//   location_code: text
//   location_name: text
//   country_code: text
//   currency: text
//   is_reference_market: boolean
//   cost_of_living_index_berlin_100: number
//   coworking_desk_monthly_cents: money
//   coworking_currency: text
//   office_rent_sqm_monthly_cents: money
//   year: integer
//   benchmarked_roles: integer
//   avg_salary_mid_all_roles_cents: money
//   avg_employer_oncost_pct: number
//   avg_loaded_annual_cost_mid_cents: money
//   swe_mid_loaded_annual_cost_cents: money
//   swe_senior_loaded_annual_cost_cents: money
//   active_tax_incentives: integer
//
// Built on the rows of v_loaded_salary_by_location (see loaded_salary_by_location.cypher
// for the exact on-cost arithmetic): each benchmark's on-cost in 1/10,000 cent, its
// rounded loaded cost in cents and its rounded on-cost percentage in hundredths. Averages
// are sums over counts, rounded half away from zero like ROUND(AVG(x), 2) on NUMERIC.
MATCH (sb:SalaryBenchmark)-[:FOR_LOCATION]->(l:Location),
      (sb)-[:FOR_ROLE]->(r:Role)-[:IN_CATEGORY]->(:RoleCategory)
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
                      END), 0) AS oncost_e4
}
WITH sb, l, r, oncost_e4, sb.annual_mid_cents * 10000 + oncost_e4 AS loaded_e4
WITH sb, l, r,
     sign(loaded_e4) * ((2 * abs(loaded_e4) + 10000) / 20000) AS loaded_cents,
     // the view's employer_oncost_pct, in hundredths of a percent
     CASE WHEN sb.annual_mid_cents <> 0
          THEN sign(oncost_e4) * sign(sb.annual_mid_cents)
                 * ((2 * abs(oncost_e4) + abs(sb.annual_mid_cents)) / (2 * abs(sb.annual_mid_cents)))
     END AS oncost_pct_h
WITH l, sb.year AS year,
     count(*) AS n,
     sum(sb.annual_mid_cents) AS salary_sum,
     count(sb.annual_mid_cents) AS salary_n,
     sum(oncost_pct_h) AS pct_sum,
     count(oncost_pct_h) AS pct_n,
     sum(loaded_cents) AS loaded_sum,
     max(CASE WHEN r.code = 'swe-mid' THEN loaded_cents END) AS swe_mid,
     max(CASE WHEN r.code = 'swe-senior' THEN loaded_cents END) AS swe_senior
CALL (l) {
  OPTIONAL MATCH (ti:TaxIncentive)-[:OFFERED_IN]->(l)
  WHERE ti.is_active_2026
  RETURN count(ti) AS active_tax_incentives
}
RETURN l.code AS location_code,
       l.name AS location_name,
       l.country_code AS country_code,
       l.currency AS currency,
       l.is_reference_market AS is_reference_market,
       l.cost_of_living_index AS cost_of_living_index_berlin_100,
       l.coworking_desk_monthly_cents AS coworking_desk_monthly_cents,
       l.coworking_currency AS coworking_currency,
       l.office_rent_sqm_monthly_cents AS office_rent_sqm_monthly_cents,
       year,
       n AS benchmarked_roles,
       CASE WHEN salary_n > 0
            THEN sign(salary_sum) * ((2 * abs(salary_sum) + salary_n) / (2 * salary_n))
       END AS avg_salary_mid_all_roles_cents,
       CASE WHEN pct_n > 0
            THEN sign(pct_sum) * ((2 * abs(pct_sum) + pct_n) / (2 * pct_n)) / 100.0
       END AS avg_employer_oncost_pct,
       sign(loaded_sum) * ((2 * abs(loaded_sum) + n) / (2 * n)) AS avg_loaded_annual_cost_mid_cents,
       swe_mid AS swe_mid_loaded_annual_cost_cents,
       swe_senior AS swe_senior_loaded_annual_cost_cents,
       active_tax_incentives
ORDER BY is_reference_market, location_code, year
