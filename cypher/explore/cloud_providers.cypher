// Cloud providers with their services, pricing tiers and ML compute instances.
// Parameters: none.  Returns: a graph (paste into Neo4j Browser).
MATCH (p:CloudProvider)<-[o:OFFERED_BY]-(s)
OPTIONAL MATCH (s)<-[t:TIER_OF]-(tier:ServicePricingTier)
RETURN p, o, s, t, tier
