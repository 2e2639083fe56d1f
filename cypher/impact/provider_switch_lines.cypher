// question: >-
//   If the infrastructure line items of one provider moved to another, what would each
//   milestone line cost per month and over its months, using the services and pricing
//   tiers the two providers have in common? Lines with no match keep their cost and say why.
// parameters:
//   from_provider: {type: string, required: true, description: "Cloud provider code to leave, e.g. hetzner"}
//   to_provider: {type: string, required: true, description: "Cloud provider code to move to, e.g. ovhcloud"}
//   service: {type: string, description: "Only lines of this service code or service_type of from_provider; all if omitted"}
// columns:
//   milestone_code: text
//   sequence: integer
//   line_code: text
//   service_code: text
//   service_type: text
//   quantity: number
//   unit: text
//   start_month: integer
//   end_month: integer
//   months: integer
//   old_monthly_cents: money
//   matched: boolean
//   replacement_service_code: text
//   replacement_tier_code: text
//   replacement_price_eur_micros: price
//   new_monthly_cents: money
//   delta_monthly_cents: money
//   delta_cents: money
//   reason: text
//   sources: list
//
// Which lines: every MilestoneInfrastructureCost whose service is offered by from_provider
// (with `service`, only that service code or service_type). Lines without a service
// (allowances) belong to no provider and are left out.
//
// Candidates: services of to_provider with the same service_type and the same is_managed
// flag (added to the brief's rule: it is what tells block volumes from managed object
// storage, and a managed service from one VIVIM would run itself); where the original has
// vcpu / ram_gb, a candidate needs vcpu >= and ram_gb >= (an unknown size does not qualify),
// because a smaller machine is not a replacement.
//
// Units: the line unit names a tier unit: server-month, gpu-month, lb-month -> instance_month;
// GB-month -> gb_month; TB-month -> tb_month; month, zone-month -> plan_month. A tier in that
// unit prices one line unit at unit_price. Two conversions the seed itself uses are added:
// an instance_hour tier prices an instance-month at unit_price x 730 h (OVH b3-16 has only an
// hourly tier, and the M7-M10 lines price it exactly so), and a gb_month tier prices a
// TB-month at unit_price x 1000.
//
// Price: unit_price x factor (exact, in the tier currency) is converted to EUR once, at the
// latest FxRate from the tier currency to EUR (direct pair, rate taken as integer 1e-8
// units), and rounded half away from zero to 6 decimals (micros). EUR tiers are not
// converted. A tier whose currency has no rate is no candidate. The cheapest price wins;
// ties go to the lower service code, then tier code. A free tier (price 0) wins if it is
// a candidate: tier limits are not modelled.
//
// Money: new monthly = ROUND(quantity x price_eur, 2), as the generated column
// monthly_amount does; delta = (new - old monthly) x (end_month - start_month + 1).
// Unmatched lines keep their cost (delta 0) and give the first failing rule as reason.
// Integer arithmetic only; products are split (x = hi x 10^k + lo) so no intermediate
// passes 9.2e18 while quantity < 4.6e10 and price x rate < 9.2e12 EUR.
MATCH (fromP:CloudProvider {code: $from_provider})<-[:OFFERED_BY]-(s:Service)
WHERE $service IS NULL OR s.code = $service OR s.service_type = $service
OPTIONAL MATCH (toP:CloudProvider {code: $to_provider})
// The replacement depends on the service and the line's unit only: search it once per
// service and unit, then fan out to the lines (not once per line: many share a service).
CALL (s) {
  MATCH (s)<-[:FOR_SERVICE]-(i:MilestoneInfrastructureCost)
  RETURN DISTINCT i.unit AS unit
}
WITH fromP, toP, s, unit,
     CASE unit
       WHEN 'server-month' THEN 'instance_month'
       WHEN 'gpu-month' THEN 'instance_month'
       WHEN 'lb-month' THEN 'instance_month'
       WHEN 'GB-month' THEN 'gb_month'
       WHEN 'TB-month' THEN 'tb_month'
       WHEN 'month' THEN 'plan_month'
       WHEN 'zone-month' THEN 'plan_month'
     END AS tier_unit
CALL (s, toP, tier_unit) {
  OPTIONAL MATCH (toP)<-[:OFFERED_BY]-(c:Service)
  WHERE c.service_type = s.service_type
  WITH s, tier_unit, c, c.is_managed = s.is_managed AS same_kind,
       coalesce(c.is_managed = s.is_managed
                AND (s.vcpu IS NULL OR c.vcpu >= s.vcpu)
                AND (s.ram_gb IS NULL OR c.ram_gb >= s.ram_gb), false) AS big_enough
  OPTIONAL MATCH (c)<-[:TIER_OF]-(t:ServicePricingTier)
  WHERE big_enough AND tier_unit IS NOT NULL
        AND (t.unit = tier_unit
             OR (tier_unit = 'instance_month' AND t.unit = 'instance_hour')
             OR (tier_unit = 'tb_month' AND t.unit = 'gb_month'))
  CALL (t) {
    OPTIONAL MATCH (fx:FxRate)
    WHERE t.currency <> 'EUR' AND fx.base_currency = t.currency AND fx.quote_currency = 'EUR'
    RETURN fx ORDER BY fx.rate_date DESC LIMIT 1
  }
  WITH s, tier_unit, c, same_kind, big_enough, t, fx,
       t.unit_price_micros * CASE WHEN t.unit = tier_unit THEN 1
                                  WHEN t.unit = 'instance_hour' THEN 730
                                  ELSE 1000 END AS a,
       CASE WHEN t.currency = 'EUR' THEN 100000000
            ELSE toInteger(round(fx.rate * 100000000)) END AS r
  // a x r / 1e8, half up (all terms >= 0), with a = a1 x 1e8 + a0 and r = r1 x 1e8 + r0
  WITH s, tier_unit, c, same_kind, big_enough, t, fx,
       CASE WHEN t.currency = 'EUR' THEN a
            WHEN r IS NOT NULL
            THEN a * (r / 100000000) + (a / 100000000) * (r % 100000000)
                 + (2 * (a % 100000000) * (r % 100000000) + 100000000) / 200000000
       END AS price
  ORDER BY price, c.code, t.tier_code
  RETURN count(DISTINCT c) AS n_type,
         count(DISTINCT CASE WHEN same_kind THEN c END) AS n_kind,
         count(DISTINCT CASE WHEN big_enough THEN c END) AS n_sized,
         count(t) AS n_tiers,
         collect(CASE WHEN price IS NOT NULL
                      THEN {service: c, tier: t, fx: fx, price: price} END) AS candidates
}
WITH fromP, toP, s, unit, tier_unit, n_type, n_kind, n_sized, n_tiers,
     head(candidates) AS best
MATCH (s)<-[:FOR_SERVICE]-(i:MilestoneInfrastructureCost)-[:FOR_MILESTONE]->(m:Milestone)
WHERE i.unit = unit OR (i.unit IS NULL AND unit IS NULL)
WITH fromP, toP, s, i, m, tier_unit, best,
     i.end_month - i.start_month + 1 AS months,
     i.quantity_cents AS q,
     best.price / 1000000 AS p1,
     best.price % 1000000 AS p0,
     CASE
       WHEN toP IS NULL THEN 'no cloud provider ' + $to_provider
       WHEN tier_unit IS NULL THEN 'line unit ' + i.unit + ' maps to no tier unit'
       WHEN n_type = 0 THEN 'no ' + toP.code + ' service of type ' + s.service_type
       WHEN n_kind = 0
       THEN 'no ' + CASE WHEN s.is_managed THEN 'managed ' ELSE 'self-run ' END + toP.code + ' '
            + s.service_type + ' service'
       WHEN n_sized = 0
       THEN 'no ' + toP.code + ' ' + s.service_type + ' service with vcpu >= '
            + coalesce(toString(s.vcpu), '-') + ' and ram_gb >= ' + coalesce(toString(s.ram_gb), '-')
       WHEN n_tiers = 0
       THEN 'no ' + toP.code + ' ' + s.service_type + ' tier priced per ' + tier_unit
            + CASE tier_unit WHEN 'instance_month' THEN ' or instance_hour'
                             WHEN 'tb_month' THEN ' or gb_month' ELSE '' END
       WHEN best IS NULL THEN 'no FX rate to EUR for the currency of the ' + toP.code + ' tiers'
     END AS reason
// quantity (cents) x price (micros) / 1e6 = cents, with price = p1 x 1e6 + p0
WITH s, i, m, tier_unit, best, months, reason,
     CASE WHEN best IS NULL THEN i.monthly_amount_cents
          ELSE q * p1 + (2 * q * p0 + 1000000) / 2000000 END AS new_monthly
RETURN m.code AS milestone_code,
       m.sequence AS sequence,
       i.code AS line_code,
       s.code AS service_code,
       s.service_type AS service_type,
       i.quantity_cents / 100.0 AS quantity,
       i.unit AS unit,
       i.start_month AS start_month,
       i.end_month AS end_month,
       months,
       i.monthly_amount_cents AS old_monthly_cents,
       best IS NOT NULL AS matched,
       best.service.code AS replacement_service_code,
       best.tier.tier_code AS replacement_tier_code,
       best.price AS replacement_price_eur_micros,
       new_monthly AS new_monthly_cents,
       new_monthly - i.monthly_amount_cents AS delta_monthly_cents,
       (new_monthly - i.monthly_amount_cents) * months AS delta_cents,
       reason,
       [x IN [{table: i._source_table, key: i.code},
              {table: m._source_table, key: m.code},
              {table: s._source_table, key: s.code},
              CASE WHEN best IS NOT NULL
                   THEN {table: best.service._source_table, key: best.service.code} END,
              CASE WHEN best IS NOT NULL
                   THEN {table: best.tier._source_table, key: best.tier.id} END,
              CASE WHEN best.fx IS NOT NULL
                   THEN {table: best.fx._source_table, key: best.fx.id} END]
        WHERE x IS NOT NULL] AS sources
ORDER BY sequence, line_code
