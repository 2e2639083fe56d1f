// view: v_treasury_balance
// question: >-
//   What is each DAO treasury's balance after all recorded movements?
// parameters: {}
// columns:
//   treasury_code: text
//   treasury_name: text
//   treasury_type: text
//   currency: text
//   opening_balance_cents: money
//   inflows_cents: money
//   outflows_cents: money
//   balance_cents: money
//   token_symbol: text
//   token_balance_micros: price
//   transaction_count: integer
//   last_transaction_date: date
//   low_balance_alert_cents: money
//   below_alert: boolean
//
// Only movements in the treasury's own currency are summed in, as in SQL. Money is
// integer cents; token amounts (NUMERIC(20,4)) are integer millionths in the graph.
MATCH (t:DaoTreasury)
CALL (t) {
  OPTIONAL MATCH (t)<-[:FOR_DAO_TREASURY]-(x:TreasuryTransaction)
  WHERE x.currency = t.currency
  RETURN sum(CASE WHEN x.direction = 'inflow' THEN x.amount_cents END) AS inflows_cents,
         sum(CASE WHEN x.direction = 'outflow' THEN x.amount_cents END) AS outflows_cents,
         sum(CASE WHEN x.direction = 'inflow' THEN x.token_amount_micros END) AS token_in,
         sum(CASE WHEN x.direction = 'outflow' THEN x.token_amount_micros END) AS token_out,
         count(x) AS transaction_count,
         max(x.transaction_date) AS last_transaction_date
}
WITH t, inflows_cents, outflows_cents, token_in, token_out, transaction_count,
     last_transaction_date,
     t.opening_balance_cents + inflows_cents - outflows_cents AS balance_cents
RETURN t.code AS treasury_code,
       t.name AS treasury_name,
       t.treasury_type AS treasury_type,
       t.currency AS currency,
       t.opening_balance_cents AS opening_balance_cents,
       inflows_cents,
       outflows_cents,
       balance_cents,
       t.token_symbol AS token_symbol,
       t.opening_token_balance_micros + token_in - token_out AS token_balance_micros,
       transaction_count,
       last_transaction_date,
       t.low_balance_alert_cents AS low_balance_alert_cents,
       (t.low_balance_alert_cents IS NOT NULL AND balance_cents < t.low_balance_alert_cents)
         AS below_alert
ORDER BY treasury_code
