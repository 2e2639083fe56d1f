// question: >-
//   What does one hire of a role cost per month in EUR in each location (or the given ones),
//   by the rules of docs/cost-rules.md: salary benchmark mid at the FTE, employer on-costs on
//   that pay, less quantified employer reliefs on their own base, converted to EUR; or a
//   contractor's rate over the location's working days? Also what applies once per employer
//   (payroll allowances) and once per country (a contract template to draft).
// parameters:
//   role: {type: string, required: true, description: "Role code, e.g. swe-senior"}
//   seniority: {type: string, description: "junior, mid, senior or lead; default: the role's own"}
//   locations: {type: list, description: "Location codes, e.g. [\"MT-VLT\"]; every location if omitted"}
//   fte: {type: number, default: 1.0, description: "Full-time equivalent of one hire, 0.01 to 1"}
//   employment_type: {type: string, default: employee, description: "employee, contractor or freelance"}
//   from: {type: string, description: "Start milestone code; default: the first milestone not completed"}
//   country_names: {type: map, default: {}, description: "{country code: name as contract templates give governing law}"}
//   case: {type: string, default: mid, description: "low, mid or high: which salary benchmark or contractor rate figure (R-CASE)"}
// columns:
//   location_code: text
//   location_name: text
//   country_code: text
//   role_code: text
//   role_category_code: text
//   seniority: text
//   employment_type: text
//   benchmark_year: integer
//   start_year: integer
//   currency: text
//   annual_mid_cents: money
//   pay_annual_cents: money
//   employer_oncost_annual_cents: money
//   relief_base_annual_cents: money
//   employer_relief_annual_cents: money
//   loaded_annual_cents: money
//   fx_rate_to_eur: number
//   monthly_cost_eur_cents: money
//   working_days: integer
//   contractor_rates: integer
//   employer_items: list
//   existing_employer_base_cents: money
//   contract_template: text
//   contract_one_off_cents: money
//   start_milestone: text
//   rules: list
//   path: text
//   sources: list
//   template_sources: list
//
// Rules (docs/cost-rules.md; exact integers, rounding half away from zero):
// - R-SALARY / R-YEAR: the SalaryBenchmark of role, location and seniority with the latest
//   year not after the start milestone's year.
// - R-FTE: pay = annual mid x FTE. On-costs and reliefs are computed on that pay; caps,
//   floors and fixed amounts are not scaled.
// - R-ONCOST: factors of the benchmark's year and currency counted in the loaded cost;
//   rate x max(0, min(pay, cap) - floor) + fixed amount.
// - R-RELIEF: active employer social_security_relief with a rate and an annual cap, valid on
//   the start day: min(rate x relief base, cap); the base is the on-cost of the factors of
//   factor_type social_security only (e.g. INPS, not INAIL, TFR or a health fund).
// - R-LOADED: loaded annual = ROUND(pay + on-cost - reliefs, 2) in the pay currency.
// - R-CONTRACTOR: ContractorRate mids of the location and role category with the same
//   seniority (else none); each x working days (day) or 8 x working days (hour) x its FX
//   rate, averaged, x FTE. No employer on-costs. loaded annual is in EUR.
// - R-FX: monthly EUR = ROUND(loaded annual x fx / 12, 2); fx = the latest FxRate of the
//   currency to EUR, taken to 8 decimals (1 for EUR).
// - R-EMPLOYER-ITEM: active employer payroll_allowance incentives with an annual maximum
//   (UK Employment Allowance) are listed with the social-security on-cost of the employees
//   already in the country; the caller applies them once per employer.
// - R-ONE-OFF: an employment (contractor) ContractTemplate under the country's law exists,
//   or drafting one costs the mean drafting cost of the templates of that type.
MATCH (r:Role {code: $role})-[:IN_CATEGORY]->(rc:RoleCategory)
CALL () {
  OPTIONAL MATCH (m:Milestone)
  WHERE ($from IS NULL AND m.status <> 'completed') OR m.code = $from
  RETURN m AS start ORDER BY m.sequence LIMIT 1
}
WITH r, rc, start, start.planned_start_date.year AS start_year,
     coalesce($seniority, r.seniority) AS seniority,
     toInteger(round(coalesce($fte, 1.0) * 100)) AS fte_h,
     coalesce($employment_type, 'employee') AS kind
MATCH (l:Location)
WHERE $locations IS NULL OR l.code IN $locations
CALL (r, l, seniority, start_year) {
  OPTIONAL MATCH (sb:SalaryBenchmark {seniority: seniority})-[:FOR_ROLE]->(r)
  WHERE (sb)-[:FOR_LOCATION]->(l) AND sb.year <= start_year
  RETURN sb ORDER BY sb.year DESC LIMIT 1
}
// pay in 1/100 cent (e2): annual mid x FTE in hundredths
// R-CASE: the low or high benchmark instead of the mid when a plan asks for that case
WITH r, rc, start, start_year, seniority, fte_h, kind, l, sb,
     CASE $case WHEN 'low' THEN sb.annual_low_cents WHEN 'high' THEN sb.annual_high_cents
                ELSE sb.annual_mid_cents END * fte_h AS pay_e2
CALL (sb, l, pay_e2) {
  OPTIONAL MATCH (f:EmploymentCostFactor)-[:APPLIES_IN]->(l)
  WHERE sb IS NOT NULL AND f.year = sb.year AND f.currency = sb.currency
    AND f.applies_to_loaded_cost
  WITH f, CASE WHEN f.contribution_base_cap_cents IS NOT NULL
                    AND f.contribution_base_cap_cents * 100 < pay_e2
               THEN f.contribution_base_cap_cents * 100 ELSE pay_e2 END
          - coalesce(f.contribution_base_floor_cents, 0) * 100 AS base_e2
  // factor on-cost in 1/1,000,000 cent: rate (1/100 %) x base (1/100 cent) + fixed
  WITH f, toInteger(round(coalesce(f.employer_rate_pct, 0) * 100))
            * CASE WHEN base_e2 > 0 THEN base_e2 ELSE 0 END AS rated_e6
  RETURN coalesce(sum(rated_e6 + coalesce(f.fixed_annual_amount_cents, 0) * 1000000), 0)
           AS oncost_e6,
         coalesce(sum(CASE WHEN f.factor_type = 'social_security' THEN rated_e6 END), 0)
           AS social_e6,
         [x IN collect(f) | {table: x._source_table, key: x._source_key,
                             what: 'employer on-cost ' + x.factor_code
                                   + CASE WHEN x.factor_type = 'social_security'
                                          THEN ' (relief base)' ELSE '' END,
                             source_key: x.source_key}] AS factor_sources
}
CALL (sb, l, start, social_e6) {
  OPTIONAL MATCH (t:TaxIncentive)-[:OFFERED_IN]->(l)
  WHERE sb IS NOT NULL AND t.beneficiary = 'employer'
    AND t.incentive_type = 'social_security_relief' AND t.is_active_2026
    AND t.reduction_pct IS NOT NULL AND t.max_benefit_annual_cents IS NOT NULL
    AND t.currency = sb.currency
    AND (t.valid_from IS NULL OR t.valid_from <= start.planned_start_date)
    AND (t.valid_to IS NULL OR t.valid_to >= start.planned_start_date)
  // relief = rate (1/100 %) x social-security on-cost (1/1,000,000 cent), in 1e-10 cent
  WITH t, toInteger(round(t.reduction_pct * 100)) * social_e6 AS relief_e10,
       t.max_benefit_annual_cents * 10000000000 AS cap_e10
  RETURN coalesce(sum(CASE WHEN relief_e10 < cap_e10 THEN relief_e10 ELSE cap_e10 END), 0)
           AS relief_e10,
         [x IN collect(t) | {table: x._source_table, key: x._source_key,
                             what: 'employer relief ' + x.code, source_key: x.source_key}]
           AS relief_sources
}
CALL (l, sb, start) {
  // once per employer: allowances against the employer's social-security bill in the country
  OPTIONAL MATCH (t:TaxIncentive)-[:OFFERED_IN]->(l)
  WHERE sb IS NOT NULL AND t.beneficiary = 'employer' AND t.incentive_type = 'payroll_allowance'
    AND t.is_active_2026 AND t.max_benefit_annual_cents IS NOT NULL AND t.currency = sb.currency
    AND (t.valid_from IS NULL OR t.valid_from <= start.planned_start_date)
    AND (t.valid_to IS NULL OR t.valid_to >= start.planned_start_date)
  RETURN [x IN collect(t) | {code: x.code, name: x.name, currency: x.currency,
                             cap_annual_cents: x.max_benefit_annual_cents,
                             source: {table: x._source_table, key: x._source_key,
                                      what: 'per-employer allowance ' + x.code,
                                      source_key: x.source_key}}] AS employer_items
}
CALL (l, sb, start, employer_items) {
  // the social-security on-cost of the employees already in the country, at their FTE
  OPTIONAL MATCH (tm:TeamMember {employment_type: 'employee'})-[:BASED_IN]->(ol:Location)
  WHERE size(employer_items) > 0 AND ol.country_code = l.country_code
    AND tm.start_date <= start.planned_start_date
    AND (tm.end_date IS NULL OR tm.end_date >= start.planned_start_date)
  OPTIONAL MATCH (tm)-[:HAS_ROLE]->(:Role)<-[:FOR_ROLE]-(osb:SalaryBenchmark)-[:FOR_LOCATION]->(ol)
  WHERE osb.year = sb.year
  OPTIONAL MATCH (of:EmploymentCostFactor {factor_type: 'social_security'})-[:APPLIES_IN]->(ol)
  WHERE of.year = osb.year AND of.currency = osb.currency AND of.applies_to_loaded_cost
  WITH tm, of, osb.annual_mid_cents * toInteger(round(tm.fte * 100)) AS opay_e2
  WITH of, CASE WHEN of.contribution_base_cap_cents IS NOT NULL
                     AND of.contribution_base_cap_cents * 100 < opay_e2
                THEN of.contribution_base_cap_cents * 100 ELSE opay_e2 END
           - coalesce(of.contribution_base_floor_cents, 0) * 100 AS obase_e2
  WITH sum(toInteger(round(coalesce(of.employer_rate_pct, 0) * 100))
           * CASE WHEN obase_e2 > 0 THEN obase_e2 ELSE 0 END) AS existing_e6
  RETURN sign(coalesce(existing_e6, 0))
           * ((2 * abs(coalesce(existing_e6, 0)) + 1000000) / 2000000) AS existing_employer_base_cents
}
CALL (l, rc, seniority, kind) {
  // contractor rates are read only for contractors and freelancers
  OPTIONAL MATCH (cr:ContractorRate)-[:LOCATED_IN]->(l)
  WHERE kind <> 'employee' AND (cr)-[:IN_CATEGORY]->(rc)
    AND (cr.seniority = seniority OR cr.seniority IS NULL)
  WITH cr, CASE WHEN cr.seniority IS NULL THEN 1 ELSE 0 END AS generic
  ORDER BY generic, cr.code
  WITH collect({rate: cr, generic: generic}) AS found
  WITH [x IN found WHERE x.generic = found[0].generic | x.rate] AS rates
  UNWIND (CASE WHEN size(rates) = 0 THEN [null] ELSE rates END) AS cr
  CALL (cr) {
    OPTIONAL MATCH (x:FxRate {base_currency: cr.currency, quote_currency: 'EUR'})
    WHERE cr.currency <> 'EUR'
    RETURN x AS cfx ORDER BY x.rate_date DESC LIMIT 1
  }
  // one rate a year in EUR, in 1e-8 cent: rate x billed units x fx
  // R-CASE: a rate without a low (high) figure keeps its mid
  WITH cr, cfx, CASE $case WHEN 'low' THEN coalesce(cr.rate_low_cents, cr.rate_mid_cents)
                           WHEN 'high' THEN coalesce(cr.rate_high_cents, cr.rate_mid_cents)
                           ELSE cr.rate_mid_cents END
         * CASE cr.rate_unit WHEN 'day' THEN l.working_days_per_year
                             ELSE 8 * l.working_days_per_year END
         * CASE WHEN cr.currency = 'EUR' THEN 100000000
                ELSE toInteger(round(cfx.rate * 100000000)) END AS year_e8
  RETURN count(cr) AS n_rates, sum(year_e8) AS rates_e8,
         count(year_e8) = count(cr) AS rates_priced,
         [c IN collect(cr) | {table: c._source_table, key: c._source_key,
                              what: 'contractor rate ' + c.code + ' (' + c.rate_unit + ')',
                              source_key: c.source_key}]
         + [x IN collect(cfx) | {table: x._source_table, key: x._source_key,
                                 what: 'fx rate ' + x.base_currency + '/EUR',
                                 source_key: x.source_ref}] AS rate_sources
}
CALL (l, kind) {
  WITH CASE WHEN kind = 'employee' THEN 'employment' ELSE 'contractor' END AS contract_type,
       coalesce($country_names, {})[l.country_code] AS law
  OPTIONAL MATCH (own:ContractTemplate {contract_type: contract_type})
  WHERE own.governing_law = law
  WITH contract_type, law, head(collect(own)) AS own
  OPTIONAL MATCH (peer:ContractTemplate {contract_type: contract_type})
  WITH contract_type, law, own, collect(peer) AS peers,
       sum(peer.drafting_cost_cents) AS total
  RETURN coalesce(own.code, contract_type + ' template (' + coalesce(law, '?') + ')')
           AS contract_template,
         CASE WHEN own IS NOT NULL OR size(peers) = 0 THEN 0
              ELSE (2 * total + size(peers)) / (2 * size(peers)) END AS contract_one_off_cents,
         CASE WHEN own IS NOT NULL
              THEN [{table: own._source_table, key: own._source_key, what: 'contract template'}]
              ELSE [p IN peers | {table: p._source_table, key: p._source_key,
                                   what: 'drafting cost peer'}] END AS template_sources
}
WITH *,
     pay_e2 * 10000 * 10000 + oncost_e6 * 10000 - relief_e10 AS loaded_e10
WITH *,
     CASE kind
       WHEN 'employee' THEN
         CASE WHEN sb IS NOT NULL
              THEN sign(loaded_e10) * ((2 * abs(loaded_e10) + 10000000000) / 20000000000) END
       ELSE
         // EUR cents: mean of the yearly rates x FTE (1/100)
         CASE WHEN n_rates > 0 AND rates_priced
              THEN (2 * rates_e8 * fte_h + n_rates * 10000000000)
                   / (2 * n_rates * 10000000000) END
     END AS loaded_cents,
     CASE kind WHEN 'employee' THEN sb.currency ELSE 'EUR' END AS currency
WHERE loaded_cents IS NOT NULL
CALL (currency) {
  OPTIONAL MATCH (x:FxRate {base_currency: currency, quote_currency: 'EUR'})
  WHERE currency <> 'EUR'
  RETURN x ORDER BY x.rate_date DESC LIMIT 1
}
WITH *, CASE WHEN currency = 'EUR' THEN 100000000 ELSE toInteger(round(x.rate * 100000000)) END
          AS rate_e8
WHERE rate_e8 IS NOT NULL
WITH *, loaded_cents * rate_e8 AS monthly_num
RETURN l.code AS location_code,
       l.name AS location_name,
       l.country_code AS country_code,
       r.code AS role_code,
       rc.code AS role_category_code,
       seniority,
       kind AS employment_type,
       CASE kind WHEN 'employee' THEN sb.year END AS benchmark_year,
       start_year,
       currency,
       CASE kind WHEN 'employee' THEN sb.annual_mid_cents END AS annual_mid_cents,
       CASE kind WHEN 'employee' THEN (2 * pay_e2 + 100) / 200 END AS pay_annual_cents,
       CASE kind WHEN 'employee'
            THEN (2 * oncost_e6 + 1000000) / 2000000 END AS employer_oncost_annual_cents,
       CASE kind WHEN 'employee'
            THEN (2 * social_e6 + 1000000) / 2000000 END AS relief_base_annual_cents,
       CASE kind WHEN 'employee'
            THEN (2 * relief_e10 + 10000000000) / 20000000000 END AS employer_relief_annual_cents,
       loaded_cents AS loaded_annual_cents,
       rate_e8 / 100000000.0 AS fx_rate_to_eur,
       sign(monthly_num) * ((2 * abs(monthly_num) + 1200000000) / 2400000000)
         AS monthly_cost_eur_cents,
       CASE kind WHEN 'employee' THEN null ELSE l.working_days_per_year END AS working_days,
       CASE kind WHEN 'employee' THEN null ELSE n_rates END AS contractor_rates,
       CASE kind WHEN 'employee' THEN employer_items ELSE [] END AS employer_items,
       existing_employer_base_cents,
       contract_template,
       contract_one_off_cents,
       start.code AS start_milestone,
       CASE kind WHEN 'employee'
         THEN ['R-SALARY', 'R-YEAR', 'R-FTE', 'R-ONCOST']
              + CASE WHEN size(relief_sources) > 0 THEN ['R-RELIEF'] ELSE [] END
              + ['R-LOADED', 'R-FX']
         ELSE ['R-CONTRACTOR', 'R-FX'] END AS rules,
       CASE kind WHEN 'employee'
         THEN '(:Role {code: ' + r.code + '})<-[:FOR_ROLE]-(:SalaryBenchmark {id: ' + sb.id
              + ', year: ' + sb.year + '})-[:FOR_LOCATION]->(:Location {code: ' + l.code
              + '})<-[:APPLIES_IN]-(' + size(factor_sources) + ' :EmploymentCostFactor)'
              + CASE WHEN size(relief_sources) > 0
                     THEN ', (:Location)<-[:OFFERED_IN]-(' + size(relief_sources)
                          + ' :TaxIncentive)' ELSE '' END
         ELSE '(:RoleCategory {code: ' + rc.code + '})<-[:IN_CATEGORY]-(' + n_rates
              + ' :ContractorRate)-[:LOCATED_IN]->(:Location {code: ' + l.code
              + ', working_days_per_year: ' + l.working_days_per_year + '})'
       END
         + CASE WHEN x IS NOT NULL
                THEN ', (:FxRate {base_currency: ' + currency + ', quote_currency: EUR})'
                ELSE '' END AS path,
       CASE kind WHEN 'employee'
         THEN [{table: sb._source_table, key: sb._source_key, what: 'salary benchmark mid',
                source_key: sb.source_key}] + factor_sources + relief_sources
         ELSE [{table: l._source_table, key: l._source_key, what: 'location working days'}]
              + rate_sources
       END
         + CASE WHEN x IS NOT NULL
                THEN [{table: x._source_table, key: x._source_key, what: 'fx rate',
                       source_key: x.source_ref}] ELSE [] END AS sources,
       template_sources
ORDER BY monthly_cost_eur_cents, location_code
