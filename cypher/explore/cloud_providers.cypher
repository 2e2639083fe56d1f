// question: >-
//   Cloud providers with their services, pricing tiers and ML compute instances.
// parameters: {}
// columns: {}
// returns: a graph to paste into Neo4j Browser
MATCH (p:CloudProvider)<-[o:OFFERED_BY]-(s)
OPTIONAL MATCH (s)<-[t:TIER_OF]-(tier:ServicePricingTier)
RETURN p, o, s, t, tier
