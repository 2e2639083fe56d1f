// view: v_labor_cost_attribution
// question: >-
//   Which pools and milestones is the labor cost of each team, role and location attributed
//   to, per budget period (from labor cost allocations), in the booked currency and in EUR?
// parameters: {}
// columns:
//   period_code: text
//   team_code: text
//   role_code: text
//   location_code: text
//   pool_code: text
//   pool_type_code: text
//   milestone_code: text
//   members: integer
//   fte_attributed: number
//   person_months: number
//   currency: text
//   amount_cents: money
//   amount_eur_cents: money
//
// Currency conversion reproduces ops_fx_convert() exactly: the FxRate nearest to the date
// (direct pair first, inverse pair otherwise; none: NULL, same currency: x1). A factor is a
// list of integer limbs [units, then 7 groups of 4 decimals]: a direct rate has 8 decimals,
// an inverse rate 1/rate is long-divided to the scale PostgreSQL's NUMERIC division keeps
// (max(20 + 4w, 8) decimals, w = the base-10000 weight of the rate) and rounded half up.
// Amounts (integer cents) times factors are summed limb by limb, so every sum is exact, and
// rounded half away from zero to cents once, where SQL applies ROUND(..., 2).
// fte_attributed = ROUND(sum(fte * pct / 100), 2) and person_months = ROUND(sum(months *
// fte * pct / 100), 2) are exact integer sums (fte, pct, months in hundredths), rounded
// half away from zero.
MATCH (l:LaborCostAllocation)-[:FOR_TEAM_MEMBER]->(tm:TeamMember),
      (l)-[:FOR_BUDGET_PERIOD]->(bp:BudgetPeriod),
      (l)-[:FOR_COST_ALLOCATION_POOL]->(p:CostAllocationPool)-[:FOR_COST_POOL_TYPE]->(pt:CostPoolType)
OPTIONAL MATCH (tm)-[:MEMBER_OF]->(t:Team)
OPTIONAL MATCH (tm)-[:HAS_ROLE]->(r:Role)
OPTIONAL MATCH (tm)-[:BASED_IN]->(loc:Location)
OPTIONAL MATCH (l)-[:FOR_MILESTONE]->(m:Milestone)
WITH l, tm, bp, p, pt, t, r, loc, m, l.currency AS fx_from, 'EUR' AS fx_to, bp.end_date AS fx_on
CALL (fx_from, fx_to, fx_on) {
  OPTIONAL MATCH (x:FxRate)
  WHERE fx_from <> fx_to AND x.rate > 0
    AND ((x.base_currency = fx_from AND x.quote_currency = fx_to)
         OR (x.base_currency = fx_to AND x.quote_currency = fx_from))
  WITH x, CASE WHEN x.base_currency = fx_from THEN 0 ELSE 1 END AS pref,
       toInteger(round(x.rate * 100000000)) AS r
  ORDER BY abs(duration.inDays(x.rate_date, fx_on).days), pref, x.rate_date
  LIMIT 1
  WITH x, pref, r,
       CASE WHEN x IS NULL OR pref = 0 THEN 0
            WHEN (size(toString(r)) + 391) / 4 - 100 >= -3
            THEN 20 + 4 * ((size(toString(r)) + 391) / 4 - 100) ELSE 8 END AS s
  WITH x, pref, r, s,
       CASE WHEN x IS NOT NULL AND pref = 1
            THEN reduce(st = {rem: 100000000 % r, ds: []}, k IN range(0, s) |
                        {rem: st.rem * 10 % r, ds: st.ds + [st.rem * 10 / r]}).ds END AS ds
  WITH x, pref, r, s,
       CASE WHEN ds IS NOT NULL
            THEN [j IN range(1, 7) |
                  CASE WHEN 4 * j <= s
                       THEN reduce(v = 0, k IN range(4 * j - 4, 4 * j - 1) | v * 10 + ds[k])
                       ELSE 0 END
                  + CASE WHEN 4 * j = s AND ds[s] >= 5 THEN 1 ELSE 0 END] END AS lim
  WITH x, pref, r,
       CASE WHEN lim IS NOT NULL
            THEN reduce(st = {c: 0, out: []}, j IN range(6, 0, -1) |
                        {c: (lim[j] + st.c) / 10000, out: [(lim[j] + st.c) % 10000] + st.out})
       END AS inv
  RETURN CASE WHEN fx_from = fx_to THEN [1, 0, 0, 0, 0, 0, 0, 0]
              WHEN x IS NULL THEN NULL
              WHEN pref = 0 THEN [r / 100000000, r % 100000000 / 10000, r % 10000, 0, 0, 0, 0, 0]
              ELSE [100000000 / r + inv.c] + inv.out END AS fx
}
WITH bp, t.code AS team_code, r.code AS role_code, loc.code AS location_code,
     p.code AS pool_code, pt.code AS pool_type_code, m.code AS milestone_code,
     m.sequence AS milestone_sequence, l.currency AS currency,
     count(DISTINCT tm) AS members,
     sum(toInteger(round(tm.fte * 100)) * toInteger(round(l.allocation_pct * 100))) AS fte_e6,
     sum(toInteger(round(l.months_active * 100)) * toInteger(round(tm.fte * 100))
         * toInteger(round(l.allocation_pct * 100))) AS pm_e8,
     sum(l.amount_cents) AS amount_cents,
     collect(CASE WHEN fx IS NULL OR l.amount_cents IS NULL THEN NULL ELSE [f IN fx | l.amount_cents * f] END) AS eur_parts
WITH bp, team_code, role_code, location_code, pool_code, pool_type_code, milestone_code,
     milestone_sequence, currency, members, fte_e6, pm_e8, amount_cents,
     CASE WHEN size(eur_parts) = 0 THEN NULL ELSE reduce(acc = [0, 0, 0, 0, 0, 0, 0, 0], v IN eur_parts | [i IN range(0, 7) | acc[i] + v[i]]) END AS eur
WITH bp, team_code, role_code, location_code, pool_code, pool_type_code, milestone_code,
     milestone_sequence, currency, members, fte_e6, pm_e8, amount_cents, CASE WHEN eur IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: eur[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (eur[j] + st.c - ((eur[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((eur[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((eur[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((eur[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((eur[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END AS en
RETURN bp.code AS period_code,
       team_code,
       role_code,
       location_code,
       pool_code,
       pool_type_code,
       milestone_code,
       members,
       toFloat(sign(fte_e6) * ((2 * abs(fte_e6) + 10000) / 20000)) / 100 AS fte_attributed,
       toFloat(sign(pm_e8) * ((2 * abs(pm_e8) + 1000000) / 2000000)) / 100 AS person_months,
       currency,
       amount_cents,
       CASE WHEN en IS NULL THEN NULL ELSE en.i + CASE WHEN en.i >= 0 THEN CASE WHEN en.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN en.n1 > 5000 OR (en.n1 = 5000 AND en.nz) THEN 1 ELSE 0 END END END AS amount_eur_cents
ORDER BY bp.start_date, team_code, role_code, location_code, pool_type_code,
         milestone_sequence, period_code, milestone_code, currency
