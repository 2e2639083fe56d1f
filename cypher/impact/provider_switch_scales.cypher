// question: >-
//   If the services of one provider in the infrastructure cost models (0 to 1M users) moved
//   to another, what would each model component cost per month, using the services and
//   pricing tiers the two providers have in common? Components with no match say why.
// parameters:
//   from_provider: {type: string, required: true, description: "Cloud provider code to leave, e.g. hetzner"}
//   to_provider: {type: string, required: true, description: "Cloud provider code to move to, e.g. ovhcloud"}
//   service: {type: string, description: "Only components of this service code or service_type of from_provider; all if omitted"}
// columns:
//   threshold_code: text
//   user_count: integer
//   model_code: text
//   component_id: integer
//   purpose: text
//   cost_category: text
//   service_code: text
//   tier_code: text
//   quantity: number
//   unit: text
//   old_monthly_eur_cents: money
//   matched: boolean
//   replacement_service_code: text
//   replacement_tier_code: text
//   replacement_price_eur_micros: price
//   new_monthly_eur_cents: money
//   delta_monthly_cents: money
//   reason: text
//   sources: list
//
// Which components: every InfrastructureCostModelComponent whose pricing tier belongs to a
// service of from_provider (with `service`, only that service code or service_type).
// A component's key is its id (its natural key is model, tier and purpose).
//
// Quantity: in the seed a component's quantity counts its tier's unit per month
// (monthly_cost = ROUND(quantity x unit_price, 2) on every row): servers for instance_month
// tiers, including Hetzner's hourly_capped ones (a server kept all month costs its monthly
// cap); GB for gb_month; TB for tb_month; plans; millions of requests or units. No
// component uses an instance_hour tier; one that did would count hours, and only
// instance_hour tiers would replace it.
//
// Candidates, prices and ties: as in provider_switch_lines.cypher, with the component's
// tier unit as the unit to price: services of to_provider with the same service_type and
// is_managed flag, vcpu >= and ram_gb >= where the original has them; tiers in the same
// unit, or instance_hour x 730 for instance_month, gb_month x 1000 for tb_month, gb x 1000
// for tb; unit_price x factor converted once to EUR at the latest direct FxRate, 6
// decimals, half away from zero; cheapest wins, then service code, then tier code.
//
// Money: old = the stored monthly_cost_eur (ROUND(ROUND(quantity x unit_price, 2) x fx, 2)
// in the source); new = ROUND(quantity x price_eur, 2), one rounding, the same rule as the
// milestone lines. Unmatched components keep their cost (delta 0). Integer arithmetic; the
// product is split so nothing passes 9.2e18 while quantity < 4.6e8 units.
MATCH (fromP:CloudProvider {code: $from_provider})<-[:OFFERED_BY]-(s:Service)
WHERE $service IS NULL OR s.code = $service OR s.service_type = $service
OPTIONAL MATCH (toP:CloudProvider {code: $to_provider})
// The replacement depends on the service and the tier's unit only: search it once per
// service and unit, then fan out to the components (many share a service).
CALL (s) {
  MATCH (s)<-[:TIER_OF]-(t0:ServicePricingTier)<-[:FOR_SERVICE_PRICING_TIER]-
        (:InfrastructureCostModelComponent)
  RETURN DISTINCT t0.unit AS tier_unit
}
WITH toP, s, tier_unit
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
             OR (tier_unit = 'tb_month' AND t.unit = 'gb_month')
             OR (tier_unit = 'tb' AND t.unit = 'gb'))
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
WITH toP, s, tier_unit, n_type, n_kind, n_sized, n_tiers, head(candidates) AS best
MATCH (s)<-[:TIER_OF]-(t0:ServicePricingTier)<-[:FOR_SERVICE_PRICING_TIER]-
      (k:InfrastructureCostModelComponent)-[:FOR_INFRASTRUCTURE_COST_MODEL]->
      (icm:InfrastructureCostModel)-[:FOR_USER_SCALE_THRESHOLD]->(u:UserScaleThreshold)
WHERE t0.unit = tier_unit OR (t0.unit IS NULL AND tier_unit IS NULL)
WITH s, t0, k, icm, u, tier_unit, best,
     k.quantity_micros / 1000 AS q,
     best.price / 10000000 AS p1,
     best.price % 10000000 AS p0,
     CASE
       WHEN toP IS NULL THEN 'no cloud provider ' + $to_provider
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
                             WHEN 'tb_month' THEN ' or gb_month'
                             WHEN 'tb' THEN ' or gb' ELSE '' END
       WHEN best IS NULL THEN 'no FX rate to EUR for the currency of the ' + toP.code + ' tiers'
     END AS reason
// quantity (thousandths) x price (micros) / 1e7 = cents, with price = p1 x 1e7 + p0
WITH s, t0, k, icm, u, tier_unit, best, reason,
     CASE WHEN best IS NULL THEN k.monthly_cost_eur_cents
          ELSE q * p1 + (2 * q * p0 + 10000000) / 20000000 END AS new_monthly
RETURN u.code AS threshold_code,
       u.user_count AS user_count,
       icm.code AS model_code,
       k.id AS component_id,
       k.purpose AS purpose,
       k.cost_category AS cost_category,
       s.code AS service_code,
       t0.tier_code AS tier_code,
       k.quantity_micros / 1000000.0 AS quantity,
       tier_unit AS unit,
       k.monthly_cost_eur_cents AS old_monthly_eur_cents,
       best IS NOT NULL AS matched,
       best.service.code AS replacement_service_code,
       best.tier.tier_code AS replacement_tier_code,
       best.price AS replacement_price_eur_micros,
       new_monthly AS new_monthly_eur_cents,
       new_monthly - k.monthly_cost_eur_cents AS delta_monthly_cents,
       reason,
       [x IN [{table: k._source_table, key: k.id},
              {table: icm._source_table, key: icm.code},
              {table: u._source_table, key: u.code},
              {table: t0._source_table, key: t0.id},
              {table: s._source_table, key: s.code},
              CASE WHEN best IS NOT NULL
                   THEN {table: best.service._source_table, key: best.service.code} END,
              CASE WHEN best IS NOT NULL
                   THEN {table: best.tier._source_table, key: best.tier.id} END,
              CASE WHEN best.fx IS NOT NULL
                   THEN {table: best.fx._source_table, key: best.fx.id} END]
        WHERE x IS NOT NULL] AS sources
ORDER BY user_count, model_code, component_id
