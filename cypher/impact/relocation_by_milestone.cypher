// question: >-
//   What does each milestone's labour cost become when some team members cost a different
//   amount per month from a start milestone on (a relocation), through their milestone
//   allocations (EUR)?
// parameters:
//   new_costs: {type: map, required: true, description: "{member code: new monthly cost in EUR cents}"}
//   from: {type: string, description: "Start milestone code; default: the first milestone not completed"}
// example: {new_costs: {TM-005: 884489}}
// columns:
//   milestone_code: text
//   milestone_name: text
//   sequence: integer
//   baseline_labor_cents: money
//   scenario_labor_cents: money
//   change_cents: money
//   members: list
//   path: text
//   sources: list
//
// Labour per milestone is computed as v_milestone_cost_summary does: planned monthly cost x
// allocation (integer hundredths of a percent) x months, summed in 1/10,000 cent and rounded
// half away from zero once. Allocations of milestones from the start milestone on use the
// member's new monthly cost; earlier ones keep the planned cost.
CALL () {
  OPTIONAL MATCH (m:Milestone)
  WHERE ($from IS NULL AND m.status <> 'completed') OR m.code = $from
  RETURN m AS start ORDER BY m.sequence LIMIT 1
}
MATCH (m:Milestone)
CALL (m, start) {
  OPTIONAL MATCH (m)<-[:FOR_MILESTONE]-(a:MilestoneTeamAllocation)-[:ALLOCATES]->(tm:TeamMember)
  WITH a, tm, toInteger(round(a.allocation_pct * 100)) * (a.end_month - a.start_month + 1)
                AS weight,
       m.sequence >= start.sequence AND $new_costs[tm.code] IS NOT NULL AS moved
  RETURN coalesce(sum(a.planned_monthly_cost_cents * weight), 0) AS baseline_e4,
         coalesce(sum(CASE WHEN moved THEN $new_costs[tm.code] ELSE a.planned_monthly_cost_cents
                       END * weight), 0) AS scenario_e4,
         [x IN collect(CASE WHEN moved THEN {member: tm.code, allocation: a} END)
          | x.member] AS members,
         [x IN collect(CASE WHEN moved THEN a END)
          | {table: x._source_table, key: x._source_key, what: 'allocation'}] AS sources
}
WITH m, members, sources,
     sign(baseline_e4) * ((2 * abs(baseline_e4) + 10000) / 20000) AS baseline_cents,
     sign(scenario_e4) * ((2 * abs(scenario_e4) + 10000) / 20000) AS scenario_cents
RETURN m.code AS milestone_code,
       m.name AS milestone_name,
       m.sequence AS sequence,
       baseline_cents AS baseline_labor_cents,
       scenario_cents AS scenario_labor_cents,
       scenario_cents - baseline_cents AS change_cents,
       members,
       '(:Milestone {code: ' + m.code + '})<-[:FOR_MILESTONE]-(' + size(sources)
         + ' :MilestoneTeamAllocation)-[:ALLOCATES]->(:TeamMember)' AS path,
       sources
ORDER BY sequence
