// question: Which locations can people work in, and how many team members are based in each?
// parameters: {}
// columns:
//   location_code: text
//   location_name: text
//   country_code: text
//   city: text
//   region: text
//   currency: text
//   team_members: integer
MATCH (l:Location)
RETURN l.code AS location_code, l.name AS location_name, l.country_code AS country_code,
       l.city AS city, l.region AS region, l.currency AS currency,
       COUNT { (l)<-[:BASED_IN]-(:TeamMember) } AS team_members
ORDER BY location_code
