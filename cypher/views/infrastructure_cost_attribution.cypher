// view: v_infrastructure_cost_attribution
// question: >-
//   Which pools and milestones is the spend on each cloud provider and service attributed
//   to, per budget period (from infrastructure cost allocations), in the booked currency and
//   in EUR?
// parameters: {}
// columns:
//   period_code: text
//   provider_code: text
//   service_code: text
//   service_type: text
//   pool_code: text
//   pool_type_code: text
//   milestone_code: text
//   allocation_pct: number
//   usage_quantity: number
//   usage_unit: text
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
// allocation_pct and usage_quantity (units, not money) are summed exactly in hundredths;
// usage_quantity is NULL when no allocation in the group records one.
MATCH (i:InfrastructureCostAllocation)-[:FOR_SERVICE]->(s:Service),
      (i)-[:FOR_BUDGET_PERIOD]->(bp:BudgetPeriod),
      (i)-[:FOR_COST_ALLOCATION_POOL]->(p:CostAllocationPool)-[:FOR_COST_POOL_TYPE]->(pt:CostPoolType)
OPTIONAL MATCH (s)-[:OFFERED_BY]->(cp:CloudProvider)
OPTIONAL MATCH (i)-[:FOR_MILESTONE]->(m:Milestone)
WITH i, s, bp, p, pt, cp, m, i.currency AS fx_from, 'EUR' AS fx_to, bp.end_date AS fx_on
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
WITH bp, cp.code AS provider_code, s.code AS service_code, s.service_type AS service_type,
     p.code AS pool_code, pt.code AS pool_type_code, m.code AS milestone_code,
     m.sequence AS milestone_sequence, i.currency AS currency,
     sum(toInteger(round(i.allocation_pct * 100))) AS pct_e2,
     count(i.usage_quantity_cents) AS usages,
     sum(i.usage_quantity_cents) AS usage_e2,
     max(i.usage_unit) AS usage_unit,
     sum(i.amount_cents) AS amount_cents,
     collect(CASE WHEN fx IS NULL OR i.amount_cents IS NULL THEN NULL ELSE [f IN fx | i.amount_cents * f] END) AS eur_parts
WITH bp, provider_code, service_code, service_type, pool_code, pool_type_code,
     milestone_code, milestone_sequence, currency, pct_e2, usages, usage_e2, usage_unit,
     amount_cents, CASE WHEN size(eur_parts) = 0 THEN NULL ELSE reduce(acc = [0, 0, 0, 0, 0, 0, 0, 0], v IN eur_parts | [i IN range(0, 7) | acc[i] + v[i]]) END AS eur
WITH bp, provider_code, service_code, service_type, pool_code, pool_type_code,
     milestone_code, milestone_sequence, currency, pct_e2, usages, usage_e2, usage_unit,
     amount_cents, CASE WHEN eur IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: eur[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (eur[j] + st.c - ((eur[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((eur[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((eur[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((eur[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((eur[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END AS en
RETURN bp.code AS period_code,
       provider_code,
       service_code,
       service_type,
       pool_code,
       pool_type_code,
       milestone_code,
       toFloat(pct_e2) / 100 AS allocation_pct,
       CASE WHEN usages > 0 THEN toFloat(usage_e2) / 100 END AS usage_quantity,
       usage_unit,
       currency,
       amount_cents,
       CASE WHEN en IS NULL THEN NULL ELSE en.i + CASE WHEN en.i >= 0 THEN CASE WHEN en.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN en.n1 > 5000 OR (en.n1 = 5000 AND en.nz) THEN 1 ELSE 0 END END END AS amount_eur_cents
ORDER BY bp.start_date, provider_code, service_code, pool_type_code, milestone_sequence,
         period_code, milestone_code, currency
