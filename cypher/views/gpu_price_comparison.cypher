// view: v_gpu_price_comparison
// question: >-
//   Where is a given GPU cheapest, and is that provider usable under GDPR? Per GPU
//   instance: price per GPU-hour in the list currency and in EUR via the latest FX rate,
//   the 730-hour month in EUR, and the price rank among instances of the same GPU.
// parameters: {}
// columns:
//   gpu_model: text
//   instance_code: text
//   instance_name: text
//   provider_code: text
//   gdpr_compliant: boolean
//   eu_data_residency: boolean
//   region: text
//   billing_model: text
//   gpu_count: integer
//   list_currency: text
//   list_price_per_gpu_hour_micros: price
//   fx_rate_to_eur: number
//   fx_rate_date: date
//   price_per_gpu_hour_eur_cents: money
//   instance_month_eur_730h_cents: money
//   price_rank_for_gpu: integer
//
// The rate to EUR per currency is the latest one; on the same date a direct rate
// (X -> EUR) wins over an inverted one (EUR -> X, 1/rate rounded to 8 decimals), and EUR
// itself is 1. Rates are carried as integer hundred-millionths (e8), prices as integer
// millionths, so price x rate is exact in units of 1e-14 EUR and is rounded half away
// from zero to cents once, as ROUND(..., 2) does on NUMERIC. The rank compares the exact
// (unrounded) EUR prices, like RANK() OVER (PARTITION BY gpu_model ORDER BY ...).
CALL () {
  MATCH (f:FxRate) WHERE f.quote_currency = 'EUR'
  RETURN f.base_currency AS currency, toInteger(round(f.rate * 100000000)) AS to_eur_e8,
         f.rate_date AS rate_date, 1 AS pref
  UNION ALL
  MATCH (f:FxRate) WHERE f.base_currency = 'EUR'
  WITH f, toInteger(round(f.rate * 100000000)) AS rate_e8
  // ROUND(1 / rate, 8) in e8 units: 10^16 / rate_e8, rounded half away from zero
  RETURN f.quote_currency AS currency,
         sign(rate_e8) * ((20000000000000000 + abs(rate_e8)) / (2 * abs(rate_e8))) AS to_eur_e8,
         f.rate_date AS rate_date, 2 AS pref
  UNION ALL
  RETURN 'EUR' AS currency, 100000000 AS to_eur_e8, date('1900-01-01') AS rate_date, 0 AS pref
}
WITH currency, to_eur_e8, rate_date, pref
ORDER BY currency, rate_date DESC, pref
WITH currency, head(collect({to_eur_e8: to_eur_e8, rate_date: rate_date})) AS fx
MATCH (i:MlComputeInstance)-[:OFFERED_BY]->(p:CloudProvider)
WHERE i.currency = currency
WITH i, p, fx,
     i.price_per_gpu_hour_micros * fx.to_eur_e8 AS gpu_hour_e14,
     i.hourly_price_micros * fx.to_eur_e8 AS hour_e14
// 730 x hour_e14 could leave 64 bits for dear instances: split off whole cents first
WITH i, p, fx, gpu_hour_e14,
     sign(gpu_hour_e14) * ((2 * abs(gpu_hour_e14) + 1000000000000) / 2000000000000)
       AS price_per_gpu_hour_eur_cents,
     sign(hour_e14) * ((abs(hour_e14) / 1000000000000) * 730
       + (2 * (abs(hour_e14) % 1000000000000) * 730 + 1000000000000) / 2000000000000)
       AS instance_month_eur_730h_cents
WITH collect({i: i, p: p, fx: fx, exact: gpu_hour_e14, eur: price_per_gpu_hour_eur_cents,
              month: instance_month_eur_730h_cents}) AS rows
UNWIND rows AS row
WITH row, row.i AS i, row.p AS p,
     1 + size([o IN rows WHERE o.i.gpu_model = row.i.gpu_model AND o.exact < row.exact])
       AS price_rank_for_gpu
RETURN i.gpu_model AS gpu_model,
       i.code AS instance_code,
       i.name AS instance_name,
       p.code AS provider_code,
       p.gdpr_compliant AS gdpr_compliant,
       p.eu_data_residency AS eu_data_residency,
       i.region AS region,
       i.billing_model AS billing_model,
       i.gpu_count AS gpu_count,
       i.currency AS list_currency,
       i.price_per_gpu_hour_micros AS list_price_per_gpu_hour_micros,
       row.fx.to_eur_e8 / 100000000.0 AS fx_rate_to_eur,
       row.fx.rate_date AS fx_rate_date,
       row.eur AS price_per_gpu_hour_eur_cents,
       row.month AS instance_month_eur_730h_cents,
       price_rank_for_gpu
ORDER BY gpu_model, price_per_gpu_hour_eur_cents, instance_code
