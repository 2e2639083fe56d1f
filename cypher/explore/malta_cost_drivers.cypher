// question: >-
//   What does Malta drive? Team members based in Valletta and Sliema, their roles, the
//   salary benchmarks for those roles there, employer on-costs and tax incentives.
// parameters: {}
// columns: {}
// returns: a graph to paste into Neo4j Browser
MATCH (l:Location)
WHERE l.country_code = 'MT'
OPTIONAL MATCH (l)<-[based:BASED_IN]-(m:TeamMember)-[has:HAS_ROLE]->(r:Role)
OPTIONAL MATCH (r)<-[fr:FOR_ROLE]-(b:SalaryBenchmark)-[fl:FOR_LOCATION]->(l)
OPTIONAL MATCH (l)<-[ap:APPLIES_IN]-(f:EmploymentCostFactor)
OPTIONAL MATCH (l)<-[oi:OFFERED_IN]-(t:TaxIncentive)
RETURN l, based, m, has, r, fr, b, fl, ap, f, oi, t
