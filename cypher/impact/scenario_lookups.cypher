// question: >-
//   What a scenario looks its parameters up in, in one round trip: the milestones in order
//   with their months and status, and when asked the locations (with how many team members
//   are based in each), the roles (with the team a hire of the role joins) and the cloud
//   providers?
// parameters:
//   locations: {type: boolean, default: false, description: "Also list the locations"}
//   roles: {type: boolean, default: false, description: "Also list the roles"}
//   providers: {type: boolean, default: false, description: "Also list the cloud providers"}
// columns:
//   milestones: list
//   locations: list
//   roles: list
//   providers: list
//
// One row; each list holds what a lookup query would return as rows, in its order (an
// empty list when not asked for). Roles, R-TEAM (docs/cost-rules.md): the team whose role
// category is the role's; if no team has it (design), the team most members of that role
// category belong to (ties: lower code).
CALL () {
  MATCH (m:Milestone)
  WITH m ORDER BY m.sequence
  RETURN collect({milestone_code: m.code, sequence: m.sequence, start_month: m.start_month,
                  end_month: m.end_month, status: m.status}) AS milestones
}
CALL () {
  MATCH (l:Location)
  WHERE $locations
  WITH l ORDER BY l.code
  RETURN collect({location_code: l.code, location_name: l.name, country_code: l.country_code,
                  city: l.city, region: l.region, currency: l.currency,
                  team_members: COUNT { (l)<-[:BASED_IN]-(:TeamMember) }}) AS locations
}
CALL () {
  // the team once per role category, then its roles (not once per role: a category's
  // members are walked once)
  MATCH (rc:RoleCategory)
  WHERE $roles
  CALL (rc) {
    OPTIONAL MATCH (t:Team)-[:IN_CATEGORY]->(rc)
    RETURN t.code AS own ORDER BY t.code LIMIT 1
  }
  CALL (rc) {
    OPTIONAL MATCH (t:Team)<-[:MEMBER_OF]-(:TeamMember)-[:HAS_ROLE]->(:Role)-[:IN_CATEGORY]->(rc)
    WITH t, count(*) AS members
    RETURN t.code AS usual ORDER BY members DESC, t.code LIMIT 1
  }
  MATCH (r:Role)-[:IN_CATEGORY]->(rc)
  WITH r, rc, own, usual ORDER BY r.code
  RETURN collect({role_code: r.code, title: r.title, seniority: r.seniority,
                  role_category_code: rc.code, team_code: coalesce(own, usual),
                  team_basis: CASE WHEN own IS NOT NULL THEN 'team of the role category ' + rc.code
                                   WHEN usual IS NOT NULL
                                   THEN 'team most ' + rc.code + ' members belong to'
                              END}) AS roles
}
CALL () {
  MATCH (p:CloudProvider)
  WHERE $providers
  WITH p ORDER BY p.code
  RETURN collect({provider_code: p.code, name: p.name, provider_type: p.provider_type,
                  billing_currency: p.billing_currency}) AS providers
}
RETURN milestones, locations, roles, providers
