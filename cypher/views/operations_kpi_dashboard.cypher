// view: v_operations_kpi_dashboard
// question: >-
//   How is each budget period doing (quarters in order, then the fiscal year rolling up its
//   quarters): budget vs actual, pool utilization, headcount, spend by source and burn rate,
//   all in EUR via fx_rates?
// parameters: {}
// columns:
//   period_code: text
//   period_type: text
//   start_date: date
//   end_date: date
//   status: text
//   currency: text
//   total_budget_cents: money
//   total_actual_cents: money
//   variance_cents: money
//   variance_pct: number
//   budget_lines: integer
//   budget_lines_over: integer
//   pool_allocated_cents: money
//   pool_spent_cents: money
//   pool_utilization_pct: number
//   pools: integer
//   pools_over_allocated: integer
//   treasury_funded_cents: money
//   headcount: integer
//   fte: number
//   labor_spend_cents: money
//   infra_spend_cents: money
//   opex_spend_cents: money
//   programs_spend_cents: money
//   monthly_burn_rate_cents: money
//   cost_per_fte_cents: money
//   human_utilization_pct: number
//   infra_utilization_pct: number
//
// Currency conversion reproduces ops_fx_convert() exactly: the FxRate nearest to the date
// (direct pair first, inverse pair otherwise; none: NULL, same currency: x1). A factor is a
// list of integer limbs [units, then 7 groups of 4 decimals]: a direct rate has 8 decimals,
// an inverse rate 1/rate is long-divided to the scale PostgreSQL's NUMERIC division keeps
// (max(20 + 4w, 8) decimals, w = the base-10000 weight of the rate) and rounded half up.
// Amounts (integer cents) times factors are summed limb by limb, so every sum is exact, and
// rounded half away from zero to cents once, where SQL applies ROUND(..., 2).
// Leaf periods are the budget periods that carry pools; a period rolls up the leaves inside
// it. Pool figures are those of cost_pool_utilization (rounded to cents in the pool
// currency), then converted to EUR at the leaf's end date, as the SQL does.
// monthly_burn_rate and cost_per_fte divide an exact EUR sum: floor(2e4 * spent) and
// floor(2e6 * spent) are exact from the limbs, so their rounding to cents is exact.
// variance_pct and pool_utilization_pct divide two EUR sums taken to 1e-4 cent.
// infra_utilization_pct averages the leaves' average utilization as exact fractions.
MATCH (q:BudgetPeriod)
WHERE EXISTS { (:CostAllocationPool)-[:FOR_BUDGET_PERIOD]->(q) }
CALL (q) {
  MATCH (li:BudgetLineItem)-[:FOR_BUDGET_PERIOD]->(q)
  CALL (li) {
    OPTIONAL MATCH (a:BudgetAmendment)-[:FOR_BUDGET_LINE_ITEM]->(li)
    WHERE a.status = 'approved'
    RETURN coalesce(sum(a.amount_change_cents), 0) AS approved
  }
  WITH li, li.budgeted_amount_cents + approved AS revised,
       li.currency AS fx_from, 'EUR' AS fx_to, q.end_date AS fx_on
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
  RETURN count(li) AS n_lines,
         count(CASE WHEN li.actual_amount_cents > revised THEN 1 END) AS n_lines_over,
         collect(CASE WHEN fx IS NULL OR revised IS NULL THEN NULL ELSE [f IN fx | revised * f] END) AS budget_parts,
         collect(CASE WHEN fx IS NULL OR li.actual_amount_cents IS NULL THEN NULL ELSE [f IN fx | li.actual_amount_cents * f] END) AS actual_parts
}
CALL (q) {
  MATCH (p:CostAllocationPool)-[:FOR_BUDGET_PERIOD]->(q)
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
  WITH p, q, norms, fnorm, p.allocated_amount_cents AS allocated, coalesce(norms[5], {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}) AS tn
  WITH p, q, tn.i > allocated OR (tn.i = allocated AND tn.fz) AS over,
       [allocated,
        CASE WHEN tn IS NULL THEN NULL ELSE tn.i + CASE WHEN tn.i >= 0 THEN CASE WHEN tn.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN tn.n1 > 5000 OR (tn.n1 = 5000 AND tn.nz) THEN 1 ELSE 0 END END END,
        coalesce(CASE WHEN norms[1] IS NULL THEN NULL ELSE norms[1].i + CASE WHEN norms[1].i >= 0 THEN CASE WHEN norms[1].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[1].n1 > 5000 OR (norms[1].n1 = 5000 AND norms[1].nz) THEN 1 ELSE 0 END END END, 0),
        coalesce(CASE WHEN norms[2] IS NULL THEN NULL ELSE norms[2].i + CASE WHEN norms[2].i >= 0 THEN CASE WHEN norms[2].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[2].n1 > 5000 OR (norms[2].n1 = 5000 AND norms[2].nz) THEN 1 ELSE 0 END END END, 0),
        coalesce(CASE WHEN norms[0] IS NULL THEN NULL ELSE norms[0].i + CASE WHEN norms[0].i >= 0 THEN CASE WHEN norms[0].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[0].n1 > 5000 OR (norms[0].n1 = 5000 AND norms[0].nz) THEN 1 ELSE 0 END END END, 0),
        coalesce(CASE WHEN norms[3] IS NULL THEN NULL ELSE norms[3].i + CASE WHEN norms[3].i >= 0 THEN CASE WHEN norms[3].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[3].n1 > 5000 OR (norms[3].n1 = 5000 AND norms[3].nz) THEN 1 ELSE 0 END END END, 0) + coalesce(CASE WHEN norms[4] IS NULL THEN NULL ELSE norms[4].i + CASE WHEN norms[4].i >= 0 THEN CASE WHEN norms[4].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN norms[4].n1 > 5000 OR (norms[4].n1 = 5000 AND norms[4].nz) THEN 1 ELSE 0 END END END, 0),
        coalesce(CASE WHEN fnorm IS NULL THEN NULL ELSE fnorm.i + CASE WHEN fnorm.i >= 0 THEN CASE WHEN fnorm.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN fnorm.n1 > 5000 OR (fnorm.n1 = 5000 AND fnorm.nz) THEN 1 ELSE 0 END END END, 0)] AS figures,
       p.currency AS fx_from, 'EUR' AS fx_to, q.end_date AS fx_on
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
  WITH over, [amount IN figures | CASE WHEN fx IS NULL OR amount IS NULL THEN NULL ELSE [f IN fx | amount * f] END] AS eur
  // per figure (allocated, spent, labor, infra, opex, programs, treasury): its EUR vectors
  WITH count(*) AS n_pools, count(CASE WHEN over THEN 1 END) AS n_pools_over,
       collect(eur) AS eurs
  RETURN n_pools, n_pools_over,
         [k IN range(0, 6) | [e IN eurs WHERE e[k] IS NOT NULL | e[k]]] AS pool_parts
}
CALL (q) {
  MATCH (ru:ResourceUtilization)-[:FOR_BUDGET_PERIOD]->(q),
        (ru)-[:FOR_RESOURCE_POOL]->(rp:ResourcePool)
  RETURN count(CASE WHEN rp.resource_type = 'human' THEN 1 END) AS n_human,
         sum(CASE WHEN rp.resource_type = 'human' THEN ru.used_units_cents ELSE 0 END)
           AS human_used,
         sum(CASE WHEN rp.resource_type = 'human' THEN ru.capacity_units_cents ELSE 0 END)
           AS human_capacity,
         count(CASE WHEN rp.resource_type <> 'human' THEN 1 END) AS n_infra,
         sum(CASE WHEN rp.resource_type <> 'human'
                  THEN toInteger(round(ru.utilization_pct * 100)) ELSE 0 END) AS infra_util_sum
}
WITH collect({q: q, n_lines: n_lines, n_lines_over: n_lines_over, budget_parts: budget_parts,
               actual_parts: actual_parts, n_pools: n_pools, n_pools_over: n_pools_over,
               pool_parts: pool_parts, n_human: n_human, human_used: human_used,
               human_capacity: human_capacity, n_infra: n_infra,
               infra_util_sum: infra_util_sum}) AS leaves
MATCH (bp:BudgetPeriod)
WITH bp, [x IN leaves WHERE x.q.start_date >= bp.start_date AND x.q.end_date <= bp.end_date]
         AS mine
WHERE size(mine) > 0
CALL (bp) {
  OPTIONAL MATCH (tm:TeamMember)
  WHERE tm.start_date <= bp.end_date AND (tm.end_date IS NULL OR tm.end_date >= bp.start_date)
  RETURN count(tm) AS headcount, coalesce(sum(toInteger(round(tm.fte * 100))), 0) AS fte_e2
}
WITH bp, mine, headcount, fte_e2, size(mine) AS quarters,
     [x IN mine WHERE x.n_lines > 0] AS with_lines,
     [x IN mine WHERE x.n_infra > 0] AS with_infra,
     reduce(acc = [], x IN mine | acc + x.budget_parts) AS budget_parts,
     reduce(acc = [], x IN mine | acc + x.actual_parts) AS actual_parts,
     [k IN range(0, 6) | reduce(acc = [], x IN mine | acc + x.pool_parts[k])] AS pool_parts
WITH bp, mine, headcount, fte_e2, quarters, with_lines, with_infra,
     CASE WHEN size(budget_parts) = 0 THEN NULL ELSE reduce(acc = [0, 0, 0, 0, 0, 0, 0, 0], v IN budget_parts | [i IN range(0, 7) | acc[i] + v[i]]) END AS budget,
     CASE WHEN size(actual_parts) = 0 THEN NULL ELSE reduce(acc = [0, 0, 0, 0, 0, 0, 0, 0], v IN actual_parts | [i IN range(0, 7) | acc[i] + v[i]]) END AS actual,
     [part IN pool_parts | CASE WHEN size(part) = 0 THEN NULL ELSE reduce(acc = [0, 0, 0, 0, 0, 0, 0, 0], v IN part | [i IN range(0, 7) | acc[i] + v[i]]) END] AS pool_sums
WITH bp, mine, headcount, fte_e2, quarters, with_lines, with_infra, budget, actual, pool_sums,
     CASE WHEN budget IS NULL OR actual IS NULL THEN NULL ELSE [i IN range(0, 7) | budget[i] - actual[i]] END AS variance,
     CASE WHEN actual IS NULL OR budget IS NULL THEN NULL ELSE [i IN range(0, 7) | actual[i] - budget[i]] END AS overspend
WITH bp, mine, headcount, fte_e2, quarters, with_lines, with_infra,
     CASE WHEN budget IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: budget[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (budget[j] + st.c - ((budget[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((budget[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((budget[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((budget[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((budget[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END AS bn,
     CASE WHEN actual IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: actual[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (actual[j] + st.c - ((actual[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((actual[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((actual[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((actual[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((actual[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END AS an,
     CASE WHEN variance IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: variance[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (variance[j] + st.c - ((variance[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((variance[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((variance[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((variance[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((variance[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END AS vn,
     CASE WHEN overspend IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: overspend[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (overspend[j] + st.c - ((overspend[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((overspend[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((overspend[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((overspend[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((overspend[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END AS osn,
     [S IN pool_sums | CASE WHEN S IS NULL THEN NULL ELSE reduce(st = {c: 0, i: 0, n1: 0, n2: 0, nz: false, fz: false}, j IN [7, 6, 5, 4, 3, 2, 1, 0] | CASE WHEN j = 0 THEN {c: 0, i: S[0] + st.c, n1: st.n1, n2: st.n2, nz: st.nz, fz: st.fz} ELSE {c: (S[j] + st.c - ((S[j] + st.c) % 10000 + 10000) % 10000) / 10000, i: 0, n1: ((S[j] + st.c) % 10000 + 10000) % 10000, n2: CASE WHEN j = 2 THEN ((S[j] + st.c) % 10000 + 10000) % 10000 ELSE st.n2 END, nz: st.nz OR (j > 1 AND ((S[j] + st.c) % 10000 + 10000) % 10000 <> 0), fz: st.fz OR ((S[j] + st.c) % 10000 + 10000) % 10000 <> 0} END) END] AS pn,
     // infra utilization: mean over leaves of each leaf's mean, as a fraction num / den
     reduce(fr = [0, 1], x IN with_infra |
            [fr[0] * x.n_infra + x.infra_util_sum * fr[1], fr[1] * x.n_infra]) AS iu
WITH bp, mine, headcount, fte_e2, quarters, with_lines, with_infra, bn, an, vn, osn, pn, iu,
     pn[1] AS sn,
     CASE WHEN bn IS NULL OR (bn.i = 0 AND NOT bn.fz) THEN NULL
          ELSE bn.i * 10000 + bn.n1 END AS b4,
     CASE WHEN osn IS NULL THEN NULL ELSE osn.i * 10000 + osn.n1 END AS o4,
     CASE WHEN pn[0] IS NULL OR (pn[0].i = 0 AND NOT pn[0].fz) THEN NULL
          ELSE pn[0].i * 10000 + pn[0].n1 END AS a4,
     reduce(s = 0, x IN mine | s + x.n_human) AS n_human,
     reduce(s = 0, x IN mine | s + x.human_used) AS human_used,
     reduce(s = 0, x IN mine | s + x.human_capacity) AS human_capacity
WITH bp, mine, headcount, fte_e2, quarters, with_lines, with_infra, bn, an, vn, pn, iu, sn, b4, a4,
     n_human, human_used, human_capacity,
     CASE WHEN b4 IS NOT NULL AND o4 IS NOT NULL THEN 10000 * o4 END AS vp,
     CASE WHEN sn IS NOT NULL AND a4 IS NOT NULL THEN 10000 * (sn.i * 10000 + sn.n1) END AS up
RETURN bp.code AS period_code,
       bp.period_type AS period_type,
       bp.start_date AS start_date,
       bp.end_date AS end_date,
       bp.status AS status,
       'EUR' AS currency,
       CASE WHEN bn IS NULL THEN NULL ELSE bn.i + CASE WHEN bn.i >= 0 THEN CASE WHEN bn.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN bn.n1 > 5000 OR (bn.n1 = 5000 AND bn.nz) THEN 1 ELSE 0 END END END AS total_budget_cents,
       CASE WHEN an IS NULL THEN NULL ELSE an.i + CASE WHEN an.i >= 0 THEN CASE WHEN an.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN an.n1 > 5000 OR (an.n1 = 5000 AND an.nz) THEN 1 ELSE 0 END END END AS total_actual_cents,
       CASE WHEN vn IS NULL THEN NULL ELSE vn.i + CASE WHEN vn.i >= 0 THEN CASE WHEN vn.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN vn.n1 > 5000 OR (vn.n1 = 5000 AND vn.nz) THEN 1 ELSE 0 END END END AS variance_cents,
       CASE WHEN vp IS NOT NULL
            THEN toFloat(sign(vp) * ((2 * abs(vp) + b4) / (2 * b4))) / 100 END AS variance_pct,
       CASE WHEN size(with_lines) > 0
            THEN reduce(s = 0, x IN with_lines | s + x.n_lines) END AS budget_lines,
       CASE WHEN size(with_lines) > 0
            THEN reduce(s = 0, x IN with_lines | s + x.n_lines_over) END AS budget_lines_over,
       CASE WHEN pn[0] IS NULL THEN NULL ELSE pn[0].i + CASE WHEN pn[0].i >= 0 THEN CASE WHEN pn[0].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN pn[0].n1 > 5000 OR (pn[0].n1 = 5000 AND pn[0].nz) THEN 1 ELSE 0 END END END AS pool_allocated_cents,
       CASE WHEN sn IS NULL THEN NULL ELSE sn.i + CASE WHEN sn.i >= 0 THEN CASE WHEN sn.n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN sn.n1 > 5000 OR (sn.n1 = 5000 AND sn.nz) THEN 1 ELSE 0 END END END AS pool_spent_cents,
       CASE WHEN up IS NOT NULL
            THEN toFloat(sign(up) * ((2 * abs(up) + a4) / (2 * a4))) / 100 END
         AS pool_utilization_pct,
       reduce(s = 0, x IN mine | s + x.n_pools) AS pools,
       reduce(s = 0, x IN mine | s + x.n_pools_over) AS pools_over_allocated,
       CASE WHEN pn[6] IS NULL THEN NULL ELSE pn[6].i + CASE WHEN pn[6].i >= 0 THEN CASE WHEN pn[6].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN pn[6].n1 > 5000 OR (pn[6].n1 = 5000 AND pn[6].nz) THEN 1 ELSE 0 END END END AS treasury_funded_cents,
       headcount,
       toFloat(fte_e2) / 100 AS fte,
       CASE WHEN pn[2] IS NULL THEN NULL ELSE pn[2].i + CASE WHEN pn[2].i >= 0 THEN CASE WHEN pn[2].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN pn[2].n1 > 5000 OR (pn[2].n1 = 5000 AND pn[2].nz) THEN 1 ELSE 0 END END END AS labor_spend_cents,
       CASE WHEN pn[3] IS NULL THEN NULL ELSE pn[3].i + CASE WHEN pn[3].i >= 0 THEN CASE WHEN pn[3].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN pn[3].n1 > 5000 OR (pn[3].n1 = 5000 AND pn[3].nz) THEN 1 ELSE 0 END END END AS infra_spend_cents,
       CASE WHEN pn[4] IS NULL THEN NULL ELSE pn[4].i + CASE WHEN pn[4].i >= 0 THEN CASE WHEN pn[4].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN pn[4].n1 > 5000 OR (pn[4].n1 = 5000 AND pn[4].nz) THEN 1 ELSE 0 END END END AS opex_spend_cents,
       CASE WHEN pn[5] IS NULL THEN NULL ELSE pn[5].i + CASE WHEN pn[5].i >= 0 THEN CASE WHEN pn[5].n1 >= 5000 THEN 1 ELSE 0 END ELSE CASE WHEN pn[5].n1 > 5000 OR (pn[5].n1 = 5000 AND pn[5].nz) THEN 1 ELSE 0 END END END AS programs_spend_cents,
       // spend is never negative: floor((floor(2e4 * spent) + d * 1e4) / (2 * d * 1e4))
       CASE WHEN sn IS NOT NULL
            THEN (2 * (sn.i * 10000 + sn.n1) + CASE WHEN sn.n2 >= 5000 THEN 1 ELSE 0 END
                  + quarters * 3 * 10000) / (2 * quarters * 3 * 10000) END
         AS monthly_burn_rate_cents,
       CASE WHEN sn IS NOT NULL AND fte_e2 > 0
            THEN (2 * (sn.i * 1000000 + sn.n1 * 100) + (2 * sn.n2) / 100 + fte_e2 * 10000)
                 / (2 * fte_e2 * 10000) END AS cost_per_fte_cents,
       CASE WHEN n_human > 0 AND human_capacity > 0
            THEN toFloat((2 * 10000 * human_used + human_capacity) / (2 * human_capacity)) / 100
       END AS human_utilization_pct,
       CASE WHEN size(with_infra) > 0
            THEN toFloat((2 * iu[0] + iu[1] * size(with_infra))
                         / (2 * iu[1] * size(with_infra))) / 100 END AS infra_utilization_pct
ORDER BY CASE bp.period_type WHEN 'month' THEN 1 WHEN 'quarter' THEN 2
                             WHEN 'half_year' THEN 3 ELSE 4 END,
         start_date, period_code
