// view: v_token_supply_distribution
// question: >-
//   Who holds each token's supply, by holder type, at the token's latest holdings date?
// parameters: {}
// columns:
//   token_symbol: text
//   as_of_date: date
//   holder_type: text
//   wallets: integer
//   balance: number
//   locked_balance: number
//   total_supply: number
//   pct_of_total_supply: number
//   pct_of_recorded_balance: number
//
// Token amounts are NUMERIC(28,8), not money: they are summed exactly as integers of
// 1e-8 token and returned as numbers. Both percentages are ROUND(100 * part / whole, 4)
// computed by integer long division and rounded half up (balances are not negative).
MATCH (h:TokenHolding)-[:TOKEN]->(tr:Token)
WITH tr, max(h.as_of_date) AS as_of_date
MATCH (h:TokenHolding)-[:TOKEN]->(tr)
WHERE h.as_of_date = as_of_date
WITH tr, as_of_date, h.holder_type AS holder_type,
     count(*) AS wallets,
     sum(toInteger(round(h.balance * 100000000))) AS balance,
     sum(toInteger(round(h.locked_balance * 100000000))) AS locked_balance
WITH tr, collect({as_of_date: as_of_date, holder_type: holder_type, wallets: wallets,
                  balance: balance, locked_balance: locked_balance}) AS groups
WITH tr, groups, reduce(s = 0, g IN groups | s + g.balance) AS recorded,
     toInteger(round(tr.total_supply * 100000000)) AS supply
UNWIND groups AS g
WITH tr, g, supply, recorded,
     CASE WHEN supply > 0 THEN
       reduce(st = [100 * g.balance / supply, 100 * g.balance % supply], i IN range(1, 4) |
              [st[0] * 10 + st[1] * 10 / supply, st[1] * 10 % supply]) END AS of_supply,
     CASE WHEN recorded > 0 THEN
       reduce(st = [100 * g.balance / recorded, 100 * g.balance % recorded], i IN range(1, 4) |
              [st[0] * 10 + st[1] * 10 / recorded, st[1] * 10 % recorded]) END AS of_recorded
RETURN tr.symbol AS token_symbol,
       g.as_of_date AS as_of_date,
       g.holder_type AS holder_type,
       g.wallets AS wallets,
       toFloat(g.balance) / 100000000 AS balance,
       toFloat(g.locked_balance) / 100000000 AS locked_balance,
       toFloat(supply) / 100000000 AS total_supply,
       CASE WHEN supply > 0
            THEN toFloat(of_supply[0] + CASE WHEN 2 * of_supply[1] >= supply THEN 1 ELSE 0 END)
                 / 10000 END AS pct_of_total_supply,
       CASE WHEN recorded > 0
            THEN toFloat(of_recorded[0]
                         + CASE WHEN 2 * of_recorded[1] >= recorded THEN 1 ELSE 0 END)
                 / 10000 END AS pct_of_recorded_balance
ORDER BY token_symbol, g.balance DESC, holder_type
