// What Malta drives: the team members based in Valletta and Sliema, their roles, the
// salary benchmarks for those roles there, and the employer on-costs and tax incentives.
// Parameters: none.  Returns: a graph (paste into Neo4j Browser).
MATCH (l:Location)
WHERE l.country_code = 'MT'
OPTIONAL MATCH (l)<-[based:BASED_IN]-(m:TeamMember)-[has:HAS_ROLE]->(r:Role)
OPTIONAL MATCH (r)<-[fr:FOR_ROLE]-(b:SalaryBenchmark)-[fl:FOR_LOCATION]->(l)
OPTIONAL MATCH (l)<-[ap:APPLIES_IN]-(f:EmploymentCostFactor)
OPTIONAL MATCH (l)<-[oi:OFFERED_IN]-(t:TaxIncentive)
RETURN l, based, m, has, r, fr, b, fl, ap, f, oi, t
