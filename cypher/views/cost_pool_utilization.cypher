// view: v_cost_pool_utilization
// question: >-
//   How much of each cost pool is spent and what remains, per pool and period (spend =
//   operational expenses + labor/infrastructure/work/community allocations, converted to
//   the pool currency via fx_rates)?
// parameters:
//   pools: {type: list, description: "Cost pool codes to answer for; all if omitted"}
// columns:
//   pool_code: text
//   pool_name: text
//   pool_type_code: text
//   pool_class: text
//   period_code: text
//   owner_team_code: text
//   currency: text
//   allocated_cents: money
//   treasury_funded_cents: money
//   opex_spent_cents: money
//   labor_spent_cents: money
//   infrastructure_spent_cents: money
//   work_spent_cents: money
//   community_spent_cents: money
//   spent_cents: money
//   remaining_cents: money
//   utilization_pct: number
//   over_allocated: boolean
//
// Currency conversion reproduces ops_fx_convert() exactly: the FxRate nearest to the date
// (direct pair first, inverse pair otherwise; none: NULL, same currency: x1). A factor is a
// list of integer limbs [units, then 7 groups of 4 decimals]: a direct rate has 8 decimals,
// an inverse rate 1/rate is long-divided to the scale PostgreSQL's NUMERIC division keeps
// (max(20 + 4w, 8) decimals, w = the base-10000 weight of the rate) and rounded half up.
// Amounts (integer cents) times factors are summed limb by limb, so every sum is exact, and
// rounded half away from zero to cents once, where SQL applies ROUND(..., 2).
// utilization_pct = ROUND(100 * spent / allocated, 2): floor(2e4 * spent) is exact from the
// limbs, so the half-up rounding to hundredths is exact too (spend is never negative).
MATCH (p:CostAllocationPool)-[:FOR_COST_POOL_TYPE]->(pt:CostPoolType),
      (p)-[:FOR_BUDGET_PERIOD]->(bp:BudgetPeriod)
WHERE $pools IS NULL OR p.code IN $pools
OPTIONAL MATCH (p)-[:OWNER_TEAM]->(t:Team)
CALL (p) {
  CALL (p) {
    CALL (p) {
      MATCH (e:OperationalExpense)-[:FOR_COST_ALLOCATION_POOL]->(p)
      WHERE e.payment_status <> 'refunded'
      RETURN 'operational_expense' AS source, e.expense_date AS booked_on,
             e.amount_cents AS amount, e.currency AS currency
      UNION ALL
      MATCH (l:LaborCostAllocation)-[:FOR_COST_ALLOCATION_POOL]->(p),
            (l)-[:FOR_BUDGET_PERIOD]->(lp:BudgetPeriod)
      RETURN 'labor' AS source, lp.end_date AS booked_on,
             l.amount_cents AS amount, l.currency AS currency
      UNION ALL
      MATCH (i:InfrastructureCostAllocation)-[:FOR_COST_ALLOCATION_POOL]->(p),
            (i)-[:FOR_BUDGET_PERIOD]->(ip:BudgetPeriod)
      RETURN 'infrastructure' AS source, ip.end_date AS booked_on,
             i.amount_cents AS amount, i.currency AS currency
      UNION ALL
      MATCH (w:WorkCostAllocation)-[:FOR_COST_ALLOCATION_POOL]->(p),
            (w)-[:FOR_BUDGET_PERIOD]->(wp:BudgetPeriod)
      WHERE w.payout_status <> 'cancelled'
      RETURN 'work' AS source, coalesce(w.paid_on, wp.end_date) AS booked_on,
             w.amount_cents AS amount, w.currency AS currency
      UNION ALL
      MATCH (c:CommunityCostAllocation)-[:FOR_COST_ALLOCATION_POOL]->(p),
            (c)-[:FOR_BUDGET_PERIOD]->(cp:BudgetPeriod)
      WHERE c.status <> 'cancelled'
      RETURN 'community' AS source, cp.end_date AS booked_on,
             c.amount_cents AS amount, c.currency AS currency
    }
    WITH source, amount, currency AS fx_from, p.currency AS fx_to, booked_on AS fx_on
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
    WITH source, CASE WHEN fx IS NULL OR amount IS NULL THEN NULL ELSE [f IN fx | amount * f] END AS vec
    WITH collect(CASE WHEN vec IS NOT NULL THEN {source: source, vec: vec} END) AS ledger
    RETURN [k IN ['operational_expense', 'labor', 'infrastructure', 'work', 'community'] |
            [row IN ledger WHERE row.source = k | row.vec]]
           + [[row IN ledger | row.vec]] AS parts
  }
  CALL (p) {
    MATCH (ta:TreasuryAllocation)-[:FOR_COST_ALLOCATION_POOL]->(p)
    WHERE ta.status IN ['approved', 'disbursed']
    WITH ta.amount_cents AS amount, ta.currency AS fx_from, p.currency AS fx_to,
         ta.allocation_date AS fx_on
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
    WITH CASE WHEN fx IS NULL OR amount IS NULL THEN NULL ELSE [f IN fx | amount * f] END AS vec
    RETURN collect(vec) AS funding
  }
  WITH [part IN parts | CASE WHEN size(part) = 0 THEN NULL ELSE reduce(acc = [0, 0, 0, 0, 0, 0, 0, 0], v IN part | [i IN range(0, 7) | acc[i] + v[i]]) END] AS sums, CASE WHEN size(funding) = 0 THEN NULL ELSE reduce(acc = [0, 0, 0, 0, 0, 0, 0, 0], v IN funding | [i IN range(0, 7) | acc[i] + v[i]]) END AS fsum
  RETURN [S IN sums | CASE WHEN S IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: S[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (S[j] + st.c - ((S[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((S[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((S[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((S[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((S[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END] AS norms, CASE WHEN fsum IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: fsum[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (fsum[j] + st.c - ((fsum[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((fsum[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((fsum[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((fsum[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((fsum[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END AS fnorm, sums
}
WITH p, pt, bp, t, norms, fnorm, p.allocated_amount_cents AS allocated,
     coalesce(norms[5], {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}) AS tn,
     // allocated - spend, exactly
     [k IN range(0, 7) | CASE WHEN k = 0 THEN p.allocated_amount_cents ELSE 0 END
                           - coalesce(sums[5], [0, 0, 0, 0, 0, 0, 0, 0])[k]] AS rest
WITH p, pt, bp, t, norms, fnorm, allocated, tn, CASE WHEN rest IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: rest[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (rest[j] + st.c - ((rest[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((rest[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((rest[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((rest[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((rest[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END AS rn
RETURN p.code AS pool_code,
       p.name AS pool_name,
       pt.code AS pool_type_code,
       pt.pool_class AS pool_class,
       bp.code AS period_code,
       t.code AS owner_team_code,
       p.currency AS currency,
       allocated AS allocated_cents,
       coalesce(CASE WHEN fnorm IS NULL THEN NULL ELSE fnorm.i + CASE WHEN fnorm.i >= 0 THEN CASE WHEN fnorm.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN fnorm.n1 > 5000 OR (fnorm.n1 = 5000 AND fnorm.nz) THEN 1 ELSE 0 END END END, 0) AS treasury_funded_cents,
       coalesce(CASE WHEN norms[0] IS NULL THEN NULL ELSE norms[0].i + CASE WHEN norms[0].i >= 0 THEN CASE WHEN norms[0].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[0].n1 > 5000 OR (norms[0].n1 = 5000 AND norms[0].nz) THEN 1 ELSE 0 END END END, 0) AS opex_spent_cents,
       coalesce(CASE WHEN norms[1] IS NULL THEN NULL ELSE norms[1].i + CASE WHEN norms[1].i >= 0 THEN CASE WHEN norms[1].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[1].n1 > 5000 OR (norms[1].n1 = 5000 AND norms[1].nz) THEN 1 ELSE 0 END END END, 0) AS labor_spent_cents,
       coalesce(CASE WHEN norms[2] IS NULL THEN NULL ELSE norms[2].i + CASE WHEN norms[2].i >= 0 THEN CASE WHEN norms[2].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[2].n1 > 5000 OR (norms[2].n1 = 5000 AND norms[2].nz) THEN 1 ELSE 0 END END END, 0) AS infrastructure_spent_cents,
       coalesce(CASE WHEN norms[3] IS NULL THEN NULL ELSE norms[3].i + CASE WHEN norms[3].i >= 0 THEN CASE WHEN norms[3].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[3].n1 > 5000 OR (norms[3].n1 = 5000 AND norms[3].nz) THEN 1 ELSE 0 END END END, 0) AS work_spent_cents,
       coalesce(CASE WHEN norms[4] IS NULL THEN NULL ELSE norms[4].i + CASE WHEN norms[4].i >= 0 THEN CASE WHEN norms[4].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[4].n1 > 5000 OR (norms[4].n1 = 5000 AND norms[4].nz) THEN 1 ELSE 0 END END END, 0) AS community_spent_cents,
       CASE WHEN tn IS NULL THEN NULL ELSE tn.i + CASE WHEN tn.i >= 0 THEN CASE WHEN tn.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN tn.n1 > 5000 OR (tn.n1 = 5000 AND tn.nz) THEN 1 ELSE 0 END END END AS spent_cents,
       CASE WHEN rn IS NULL THEN NULL ELSE rn.i + CASE WHEN rn.i >= 0 THEN CASE WHEN rn.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN rn.n1 > 5000 OR (rn.n1 = 5000 AND rn.nz) THEN 1 ELSE 0 END END END AS remaining_cents,
       CASE WHEN allocated > 0
            THEN toFloat((2 * (tn.i * 10000 + tn.n1) + CASE WHEN tn.n2 >= 5000 THEN 1 ELSE 0 END
                          + allocated) / (2 * allocated)) / 100 END AS utilization_pct,
       tn.i > allocated OR (tn.i = allocated AND tn.fz) AS over_allocated
ORDER BY bp.start_date, pool_type_code, pool_code
