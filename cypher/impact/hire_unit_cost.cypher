// question: >-
//   What does one hire of a role cost per month in EUR in each location (or the given ones):
//   salary benchmark mid plus employer on-costs, less quantified employer contribution
//   reliefs, converted to EUR, at the given FTE? Contractors cost their local rate instead.
// parameters:
//   role: {type: string, required: true, description: "Role code, e.g. swe-senior"}
//   seniority: {type: string, description: "junior, mid, senior or lead; default: the role's own"}
//   locations: {type: list, description: "Location codes, e.g. [\"MT-VLT\"]; every location if omitted"}
//   fte: {type: number, default: 1.0, description: "Full-time equivalent of one hire, 0.01 to 1"}
//   employment_type: {type: string, default: employee, description: "employee, contractor or freelance"}
//   from: {type: string, description: "Start milestone code; default: the first milestone not completed"}
// columns:
//   location_code: text
//   location_name: text
//   country_code: text
//   role_code: text
//   role_category_code: text
//   seniority: text
//   employment_type: text
//   benchmark_year: integer
//   currency: text
//   annual_mid_cents: money
//   employer_oncost_annual_cents: money
//   employer_relief_annual_cents: money
//   loaded_annual_cents: money
//   fx_rate_to_eur: number
//   monthly_cost_eur_cents: money
//   start_milestone: text
//   path: text
//   sources: list
//
// Rules (exact integers; rounding half away from zero, as NUMERIC ROUND does):
// - employee: the latest SalaryBenchmark for role, location and seniority; employer on-costs
//   as v_loaded_salary_by_location (factors of the benchmark's year and currency that count
//   towards the loaded cost; rate on the capped and floored base, plus fixed amounts), in
//   1/10,000 cent. Reliefs: active employer social-security reliefs of the location with a
//   rate and an annual cap, valid on the start milestone's first day, each
//   min(rate x on-cost, cap). loaded annual = ROUND(mid + on-cost - reliefs, 2).
// - contractor or freelance: the ContractorRate mid of the location and role category with
//   the same seniority (else no seniority); a day is 1/20 and an hour 1/160 of a month;
//   several rates are averaged. loaded annual = 12 x that monthly rate.
// - monthly EUR = ROUND(loaded annual x fx x fte / 12, 2); fx is the latest FxRate from the
//   currency to EUR (1 for EUR), taken to 8 decimals.
MATCH (r:Role {code: $role})-[:IN_CATEGORY]->(rc:RoleCategory)
CALL () {
  OPTIONAL MATCH (m:Milestone)
  WHERE ($from IS NULL AND m.status <> 'completed') OR m.code = $from
  RETURN m AS start ORDER BY m.sequence LIMIT 1
}
WITH r, rc, start, coalesce($seniority, r.seniority) AS seniority,
     toInteger(round(coalesce($fte, 1.0) * 100)) AS fte_h,
     coalesce($employment_type, 'employee') AS kind
MATCH (l:Location)
WHERE $locations IS NULL OR l.code IN $locations
CALL (r, l, seniority) {
  OPTIONAL MATCH (sb:SalaryBenchmark {seniority: seniority})-[:FOR_ROLE]->(r)
  WHERE (sb)-[:FOR_LOCATION]->(l)
  RETURN sb ORDER BY sb.year DESC LIMIT 1
}
CALL (sb, l) {
  OPTIONAL MATCH (f:EmploymentCostFactor)-[:APPLIES_IN]->(l)
  WHERE sb IS NOT NULL AND f.year = sb.year AND f.currency = sb.currency
    AND f.applies_to_loaded_cost
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
         [x IN collect(f) | {table: x._source_table, key: x._source_key,
                             what: 'employer on-cost ' + x.factor_code,
                             source_key: x.source_key}] AS factor_sources
}
CALL (sb, l, start, oncost_e4) {
  OPTIONAL MATCH (t:TaxIncentive)-[:OFFERED_IN]->(l)
  WHERE sb IS NOT NULL AND t.beneficiary = 'employer'
    AND t.incentive_type = 'social_security_relief' AND t.is_active_2026
    AND t.reduction_pct IS NOT NULL AND t.max_benefit_annual_cents IS NOT NULL
    AND t.currency = sb.currency
    AND (t.valid_from IS NULL OR t.valid_from <= start.planned_start_date)
    AND (t.valid_to IS NULL OR t.valid_to >= start.planned_start_date)
  // relief = on-cost x rate / 100, in 1/100,000,000 cent; capped per year
  WITH t, toInteger(round(t.reduction_pct * 100)) * oncost_e4 AS relief_e8,
       t.max_benefit_annual_cents * 100000000 AS cap_e8
  RETURN coalesce(sum(CASE WHEN relief_e8 < cap_e8 THEN relief_e8 ELSE cap_e8 END), 0)
           AS relief_e8,
         [x IN collect(t) | {table: x._source_table, key: x._source_key,
                             what: 'employer relief ' + x.code, source_key: x.source_key}]
           AS relief_sources
}
CALL (l, rc, seniority) {
  OPTIONAL MATCH (cr:ContractorRate)-[:LOCATED_IN]->(l)
  WHERE (cr)-[:IN_CATEGORY]->(rc) AND (cr.seniority = seniority OR cr.seniority IS NULL)
  WITH cr, CASE WHEN cr.seniority IS NULL THEN 1 ELSE 0 END AS generic
  ORDER BY generic
  WITH collect({rate: cr, generic: generic}) AS found
  WITH [x IN found WHERE x.generic = found[0].generic | x.rate] AS rates
  RETURN rates
}
WITH r, rc, start, seniority, fte_h, kind, l, sb, oncost_e4, factor_sources, relief_e8,
     relief_sources, rates,
     sb.annual_mid_cents * 100000000 + oncost_e4 * 10000 - relief_e8 AS loaded_e8
WITH *,
     CASE kind
       WHEN 'employee' THEN
         CASE WHEN sb IS NOT NULL
              THEN sign(loaded_e8) * ((2 * abs(loaded_e8) + 100000000) / 200000000) END
       ELSE
         CASE WHEN size(rates) > 0
              // 12 x the mean monthly rate; a day is 1/20, an hour 1/160 of a month
              THEN (2 * 12 * reduce(s = 0, c IN rates | s + c.rate_mid_cents
                      * CASE c.rate_unit WHEN 'day' THEN 20 ELSE 160 END) + size(rates))
                   / (2 * size(rates)) END
     END AS loaded_cents,
     CASE kind WHEN 'employee' THEN sb.currency ELSE rates[0].currency END AS currency
WHERE loaded_cents IS NOT NULL
  AND (kind = 'employee' OR all(c IN rates WHERE c.currency = currency))
CALL (currency) {
  OPTIONAL MATCH (x:FxRate {base_currency: currency, quote_currency: 'EUR'})
  RETURN x ORDER BY x.rate_date DESC LIMIT 1
}
WITH *, CASE WHEN currency = 'EUR' THEN 100000000 ELSE toInteger(round(x.rate * 100000000)) END
          AS rate_e8
WHERE rate_e8 IS NOT NULL
WITH *, loaded_cents * rate_e8 * fte_h AS monthly_num
RETURN l.code AS location_code,
       l.name AS location_name,
       l.country_code AS country_code,
       r.code AS role_code,
       rc.code AS role_category_code,
       seniority,
       kind AS employment_type,
       CASE kind WHEN 'employee' THEN sb.year END AS benchmark_year,
       currency,
       CASE kind WHEN 'employee' THEN sb.annual_mid_cents END AS annual_mid_cents,
       CASE kind WHEN 'employee'
            THEN sign(oncost_e4) * ((2 * abs(oncost_e4) + 10000) / 20000) END
         AS employer_oncost_annual_cents,
       CASE kind WHEN 'employee'
            THEN (2 * relief_e8 + 100000000) / 200000000 END AS employer_relief_annual_cents,
       loaded_cents AS loaded_annual_cents,
       rate_e8 / 100000000.0 AS fx_rate_to_eur,
       sign(monthly_num) * ((2 * abs(monthly_num) + 120000000000) / 240000000000)
         AS monthly_cost_eur_cents,
       start.code AS start_milestone,
       CASE kind WHEN 'employee'
         THEN '(:Role {code: ' + r.code + '})<-[:FOR_ROLE]-(:SalaryBenchmark {id: ' + sb.id
              + ', year: ' + sb.year + '})-[:FOR_LOCATION]->(:Location {code: ' + l.code
              + '})<-[:APPLIES_IN]-(' + size(factor_sources) + ' :EmploymentCostFactor)'
              + CASE WHEN size(relief_sources) > 0
                     THEN ', (:Location)<-[:OFFERED_IN]-(' + size(relief_sources)
                          + ' :TaxIncentive)' ELSE '' END
         ELSE '(:RoleCategory {code: ' + rc.code + '})<-[:IN_CATEGORY]-(' + size(rates)
              + ' :ContractorRate)-[:LOCATED_IN]->(:Location {code: ' + l.code + '})'
       END
         + CASE WHEN currency <> 'EUR'
                THEN ', (:FxRate {base_currency: ' + currency + ', quote_currency: EUR})'
                ELSE '' END AS path,
       CASE kind WHEN 'employee'
         THEN [{table: sb._source_table, key: sb._source_key, what: 'salary benchmark mid',
                source_key: sb.source_key}] + factor_sources + relief_sources
         ELSE [c IN rates | {table: c._source_table, key: c._source_key,
                             what: 'contractor rate ' + c.code, source_key: c.source_key}]
       END
         + CASE WHEN x IS NOT NULL
                THEN [{table: x._source_table, key: x._source_key, what: 'fx rate',
                       source_key: x.source_ref}] ELSE [] END AS sources
ORDER BY monthly_cost_eur_cents, location_code
