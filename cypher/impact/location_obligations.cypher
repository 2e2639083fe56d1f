// question: >-
//   What legal, compliance and tax work does hiring in a location bring: is it the first hire
//   in the country, is there an employment (or contractor) contract under its law, does staff
//   data leave the EU, which people risks name the place, and which incentives and permits
//   apply at the salary offered?
// parameters:
//   location: {type: string, required: true, description: "Location code, e.g. MT-VLT"}
//   country_name: {type: string, required: true, description: "The country's name as contract templates give governing law, e.g. Malta"}
//   eu_member: {type: boolean, required: true, description: "Whether the country is in the EU (GDPR transfers)"}
//   employment_type: {type: string, default: employee, description: "employee, contractor or freelance"}
//   salary_annual_cents: {type: integer, description: "Annual gross salary offered, in the location currency, for incentive thresholds"}
//   exclude_members: {type: list, default: [], description: "Member codes not counted as present (people who move away)"}
// example: {eu_member: true}
// columns:
//   kind: text
//   code: text
//   title: text
//   status: text
//   one_off_cost_cents: money
//   currency: text
//   detail: text
//   path: text
//   sources: list
//
// A missing contract template is new legal work; its cost is the mean drafting cost of the
// templates of that contract type (rounded half away from zero). Incentives for employees
// and permits are eligible when the salary reaches their minimum. Employer items say how
// they are counted (docs/cost-rules.md): a relief with a rate and cap in each hire's unit
// cost (R-RELIEF), an allowance with a cap once per employer (R-EMPLOYER-ITEM), others not.
// The contract template is needed once per country (R-ONE-OFF).
MATCH (l:Location {code: $location})
CALL (l) {
  OPTIONAL MATCH (other:Location {country_code: l.country_code})<-[:BASED_IN]-(tm:TeamMember)
  WHERE NOT tm.code IN coalesce($exclude_members, [])
  RETURN count(tm) AS present, collect(tm.code)[0..5] AS some
}
CALL (l, present, some) {
  RETURN 'presence' AS kind, l.country_code AS code,
         CASE WHEN present = 0 THEN 'First hire in ' + $country_name
              ELSE $country_name + ' already has ' + present + ' team member(s)' END AS title,
         CASE WHEN present = 0 THEN 'new_country' ELSE 'existing' END AS status,
         0 AS one_off_cost_cents, 'EUR' AS currency,
         CASE WHEN present = 0 THEN 'payroll registration, local employer obligations'
              ELSE 'e.g. ' + reduce(s = '', c IN some | s + CASE s WHEN '' THEN '' ELSE ', ' END + c)
         END AS detail,
         '(:Location {code: ' + l.code + '})<-[:BASED_IN]-(:TeamMember)' AS path,
         [{table: l._source_table, key: l._source_key, what: 'location'}] AS sources
  UNION ALL
  WITH l
  WITH l, CASE WHEN coalesce($employment_type, 'employee') = 'employee'
               THEN 'employment' ELSE 'contractor' END AS contract_type
  OPTIONAL MATCH (own:ContractTemplate {contract_type: contract_type, governing_law: $country_name})
  OPTIONAL MATCH (peer:ContractTemplate {contract_type: contract_type})
  WITH l, contract_type, own, collect(peer) AS peers
  WITH l, contract_type, own, peers,
       reduce(s = 0, p IN peers | s + p.drafting_cost_cents) AS total
  RETURN 'contract_template' AS kind,
         coalesce(own.code, contract_type + ' template (' + $country_name + ')') AS code,
         CASE WHEN own IS NOT NULL THEN own.name
              ELSE 'Draft the ' + contract_type + ' contract under ' + $country_name + ' law' END
           AS title,
         CASE WHEN own IS NOT NULL THEN 'exists' ELSE 'needed' END AS status,
         CASE WHEN own IS NOT NULL OR size(peers) = 0 THEN 0
              ELSE (2 * total + size(peers)) / (2 * size(peers)) END AS one_off_cost_cents,
         coalesce(own.currency, peers[0].currency, 'EUR') AS currency,
         CASE WHEN own IS NOT NULL THEN 'governing law ' + own.governing_law
              ELSE 'estimated as the mean drafting cost of ' + size(peers) + ' '
                   + contract_type + ' template(s)' END AS detail,
         '(:ContractTemplate {contract_type: ' + contract_type + ', governing_law: '
           + $country_name + '})' AS path,
         CASE WHEN own IS NOT NULL
              THEN [{table: own._source_table, key: own._source_key, what: 'template'}]
              ELSE [p IN peers | {table: p._source_table, key: p._source_key,
                                   what: 'drafting cost peer'}] END AS sources
  UNION ALL
  WITH l
  MATCH (f:ComplianceFramework {code: 'GDPR'})
  WHERE NOT $eu_member
  RETURN 'compliance_framework' AS kind, f.code AS code,
         f.name + ': staff data transferred outside the EU' AS title,
         'applies' AS status, 0 AS one_off_cost_cents, 'EUR' AS currency,
         'international transfer safeguards (SCCs, transfer impact assessment) for ' + l.name
           AS detail,
         '(:ComplianceFramework {code: GDPR})' AS path,
         [{table: f._source_table, key: f._source_key, what: 'framework'}] AS sources
  UNION ALL
  WITH l
  MATCH (risk:Risk)-[:IN_CATEGORY]->(:RiskCategory {code: 'people'})
  WHERE any(word IN [l.city, l.region, $country_name]
            WHERE word IS NOT NULL AND toLower(risk.title) CONTAINS toLower(word))
  RETURN 'risk' AS kind, risk.code AS code, risk.title AS title, 'watch' AS status,
         0 AS one_off_cost_cents, risk.currency AS currency,
         'score ' + coalesce(toString(risk.score), '?') + ', mitigation: ' + risk.mitigation
           AS detail,
         '(:Risk {code: ' + risk.code + '})-[:IN_CATEGORY]->(:RiskCategory {code: people})'
           AS path,
         [{table: risk._source_table, key: risk._source_key, what: 'risk'}] AS sources
  UNION ALL
  WITH l
  MATCH (t:TaxIncentive)-[:OFFERED_IN]->(l)
  WHERE t.is_active_2026 AND t.beneficiary IN ['employee', 'employer']
  WITH t, CASE WHEN t.beneficiary = 'employer' AND t.incentive_type = 'social_security_relief'
                    AND t.reduction_pct IS NOT NULL AND t.max_benefit_annual_cents IS NOT NULL
                 THEN 'counted in the unit cost of each hire, on the social-security on-cost (R-RELIEF)'
               WHEN t.beneficiary = 'employer' AND t.incentive_type = 'payroll_allowance'
                    AND t.max_benefit_annual_cents IS NOT NULL
                 THEN 'counted once per employer, not per hire (R-EMPLOYER-ITEM)'
               WHEN t.beneficiary = 'employer'
                 THEN 'not counted: no annual cap in the data or conditional on the person ('
                      + left(t.conditions, 80) + ')'
               WHEN t.min_salary_annual_cents IS NULL OR $salary_annual_cents IS NULL
                 THEN 'no salary minimum'
               WHEN $salary_annual_cents >= t.min_salary_annual_cents
                 THEN 'salary reaches the minimum'
               ELSE 'salary below the minimum' END AS why
  RETURN 'tax_incentive' AS kind, t.code AS code, t.name AS title,
         CASE WHEN why = 'salary below the minimum' THEN 'not_eligible'
              WHEN why STARTS WITH 'counted in the unit' THEN 'counted_per_hire'
              WHEN why STARTS WITH 'counted once' THEN 'counted_per_employer'
              WHEN t.beneficiary = 'employer' THEN 'not_counted'
              ELSE 'eligible' END AS status,
         0 AS one_off_cost_cents, t.currency AS currency,
         t.incentive_type + ': ' + why AS detail,
         '(:TaxIncentive {code: ' + t.code + '})-[:OFFERED_IN]->(:Location)' AS path,
         [{table: t._source_table, key: t._source_key, what: 'incentive',
           source_key: t.source_key}] AS sources
}
RETURN kind, code, title, status, one_off_cost_cents, currency, detail, path, sources
ORDER BY CASE kind WHEN 'presence' THEN 0 WHEN 'contract_template' THEN 1
                   WHEN 'compliance_framework' THEN 2 WHEN 'risk' THEN 3 ELSE 4 END, code
