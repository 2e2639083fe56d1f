// question: Which cloud providers are there, with their type and billing currency?
// parameters: {}
// columns:
//   provider_code: text
//   name: text
//   provider_type: text
//   billing_currency: text
MATCH (p:CloudProvider)
RETURN p.code AS provider_code, p.name AS name, p.provider_type AS provider_type,
       p.billing_currency AS billing_currency
ORDER BY provider_code
