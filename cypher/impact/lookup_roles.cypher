// question: >-
//   Which roles can be hired, with their seniority and category, and which team a hire of the
//   role joins (its cost follows that team's allocation rules)?
// parameters: {}
// columns:
//   role_code: text
//   title: text
//   seniority: text
//   role_category_code: text
//   team_code: text
//   team_basis: text
//
// R-TEAM (docs/cost-rules.md): the team whose role category is the role's; if no team has
// it (design), the team most members of that role category belong to (ties: lower code).
MATCH (r:Role)-[:IN_CATEGORY]->(rc:RoleCategory)
CALL (rc) {
  OPTIONAL MATCH (t:Team)-[:IN_CATEGORY]->(rc)
  RETURN t.code AS own ORDER BY t.code LIMIT 1
}
CALL (rc) {
  OPTIONAL MATCH (t:Team)<-[:MEMBER_OF]-(:TeamMember)-[:HAS_ROLE]->(:Role)-[:IN_CATEGORY]->(rc)
  WITH t, count(*) AS members
  RETURN t.code AS usual ORDER BY members DESC, t.code LIMIT 1
}
RETURN r.code AS role_code, r.title AS title, r.seniority AS seniority,
       rc.code AS role_category_code, coalesce(own, usual) AS team_code,
       CASE WHEN own IS NOT NULL THEN 'team of the role category ' + rc.code
            WHEN usual IS NOT NULL THEN 'team most ' + rc.code + ' members belong to'
       END AS team_basis
ORDER BY role_code
