// question: >-
//   Which services of one provider have a replacement at another provider, and which have
//   none (and why), whether or not a milestone line or cost-model component uses them today?
// parameters:
//   from_provider: {type: string, required: true, description: "Cloud provider code to leave, e.g. hetzner"}
//   to_provider: {type: string, required: true, description: "Cloud provider code to move to, e.g. ovhcloud"}
//   service: {type: string, description: "Only this service code or service_type of from_provider; all if omitted"}
// columns:
//   service_code: text
//   service_type: text
//   is_managed: boolean
//   vcpu: integer
//   ram_gb: number
//   units: list
//   line_count: integer
//   component_count: integer
//   matched: boolean
//   unmatched_units: list
//   replacement_service_codes: list
//   reason: text
//   sources: list
//
// One row per service of from_provider. The units a service is bought in are its pricing
// tiers' units plus the tier units its milestone lines map to (server-month, gpu-month,
// lb-month -> instance_month; GB-month -> gb_month; TB-month -> tb_month; month,
// zone-month -> plan_month); one_off tiers are left out (no running cost to replace).
// A unit is matched when a service of to_provider with the same service_type and
// is_managed flag, vcpu >= and ram_gb >= where the original has them, has a tier in that
// unit (or instance_hour for instance_month, gb_month for tb_month, gb for tb) priced in
// EUR or in a currency with an FxRate to EUR: the same rules as provider_switch_lines and
// provider_switch_scales. The service is matched when every unit is; the reason names the
// first failing rule; replacement_service_codes lists the to_provider services that price
// at least one of the units. Ordered by service_type, then service code.
MATCH (fromP:CloudProvider {code: $from_provider})<-[:OFFERED_BY]-(s:Service)
WHERE $service IS NULL OR s.code = $service OR s.service_type = $service
OPTIONAL MATCH (toP:CloudProvider {code: $to_provider})
CALL (s) {
  OPTIONAL MATCH (s)<-[:FOR_SERVICE]-(i:MilestoneInfrastructureCost)
  RETURN count(i) AS line_count,
         collect(DISTINCT CASE i.unit
                            WHEN 'server-month' THEN 'instance_month'
                            WHEN 'gpu-month' THEN 'instance_month'
                            WHEN 'lb-month' THEN 'instance_month'
                            WHEN 'GB-month' THEN 'gb_month'
                            WHEN 'TB-month' THEN 'tb_month'
                            WHEN 'month' THEN 'plan_month'
                            WHEN 'zone-month' THEN 'plan_month'
                          END) AS line_units
}
CALL (s) {
  OPTIONAL MATCH (s)<-[:TIER_OF]-(t:ServicePricingTier)
  OPTIONAL MATCH (t)<-[:FOR_SERVICE_PRICING_TIER]-(k:InfrastructureCostModelComponent)
  RETURN count(k) AS component_count,
         collect(DISTINCT CASE WHEN t.unit <> 'one_off' THEN t.unit END) AS tier_units
}
WITH fromP, toP, s, line_count, component_count, line_units,
     [u IN tier_units WHERE NOT u IN line_units] AS other_units
WITH toP, s, line_count, component_count, line_units + other_units AS units
CALL (s, toP) {
  OPTIONAL MATCH (toP)<-[:OFFERED_BY]-(c:Service)
  WHERE c.service_type = s.service_type
  WITH s, c,
       c.is_managed = s.is_managed AS same_kind,
       coalesce(c.is_managed = s.is_managed
                AND (s.vcpu IS NULL OR c.vcpu >= s.vcpu)
                AND (s.ram_gb IS NULL OR c.ram_gb >= s.ram_gb), false) AS big_enough
  OPTIONAL MATCH (c)<-[:TIER_OF]-(t:ServicePricingTier)
  WHERE big_enough
        AND (t.currency = 'EUR'
             OR EXISTS { MATCH (fx:FxRate)
                         WHERE fx.base_currency = t.currency AND fx.quote_currency = 'EUR' })
  WITH c, t, same_kind, big_enough ORDER BY c.code, t.unit
  RETURN count(DISTINCT c) AS n_type,
         count(DISTINCT CASE WHEN same_kind THEN c END) AS n_kind,
         count(DISTINCT CASE WHEN big_enough THEN c END) AS n_sized,
         collect(DISTINCT {code: c.code, unit: t.unit}) AS offers
}
WITH toP, s, line_count, component_count, units, n_type, n_kind, n_sized,
     [o IN offers WHERE o.unit IS NOT NULL] AS offers
WITH toP, s, line_count, component_count, units, n_type, n_kind, n_sized,
     [u IN units WHERE size([o IN offers WHERE o.unit = u
                              OR (u = 'instance_month' AND o.unit = 'instance_hour')
                              OR (u = 'tb_month' AND o.unit = 'gb_month')
                              OR (u = 'tb' AND o.unit = 'gb')]) = 0] AS unmatched_units,
     [o IN offers WHERE o.unit IN units
                     OR (o.unit = 'instance_hour' AND 'instance_month' IN units)
                     OR (o.unit = 'gb_month' AND 'tb_month' IN units)
                     OR (o.unit = 'gb' AND 'tb' IN units) | o.code] AS usable
WITH toP, s, line_count, component_count, units, unmatched_units,
     reduce(acc = [], c IN usable | CASE WHEN c IN acc THEN acc ELSE acc + c END) AS codes,
     CASE
       WHEN toP IS NULL THEN 'no cloud provider ' + $to_provider
       WHEN size(units) = 0 THEN 'the service has no priced tier and no line'
       WHEN n_type = 0 THEN 'no ' + toP.code + ' service of type ' + s.service_type
       WHEN n_kind = 0
       THEN 'no ' + CASE WHEN s.is_managed THEN 'managed ' ELSE 'self-run ' END + toP.code + ' '
            + s.service_type + ' service'
       WHEN n_sized = 0
       THEN 'no ' + toP.code + ' ' + s.service_type + ' service with vcpu >= '
            + coalesce(toString(s.vcpu), '-') + ' and ram_gb >= ' + coalesce(toString(s.ram_gb), '-')
     END AS reason0
WITH toP, s, line_count, component_count, units, unmatched_units, codes,
     coalesce(reason0,
              CASE WHEN size(unmatched_units) > 0
                   THEN 'no ' + toP.code + ' ' + s.service_type + ' tier priced per '
                        + reduce(x = head(unmatched_units), v IN tail(unmatched_units) | x + ', ' + v)
              END) AS reason
RETURN s.code AS service_code,
       s.service_type AS service_type,
       s.is_managed AS is_managed,
       s.vcpu AS vcpu,
       s.ram_gb AS ram_gb,
       units,
       line_count,
       component_count,
       reason IS NULL AS matched,
       CASE WHEN reason IS NULL THEN [] ELSE unmatched_units END AS unmatched_units,
       codes AS replacement_service_codes,
       reason,
       [{table: s._source_table, key: s.code}]
       + [c IN codes | {table: s._source_table, key: c}] AS sources
ORDER BY service_type, service_code
