// question: Which roles can be hired, with their seniority and category?
// parameters: {}
// columns:
//   role_code: text
//   title: text
//   seniority: text
//   role_category_code: text
MATCH (r:Role)-[:IN_CATEGORY]->(rc:RoleCategory)
RETURN r.code AS role_code, r.title AS title, r.seniority AS seniority,
       rc.code AS role_category_code
ORDER BY role_code
