// question: >-
//   How does a monthly labour cost that starts at a milestone and runs to the end of the plan
//   spread over the milestones: which project months fall to each milestone, and what does
//   each milestone gain (EUR)?
// parameters:
//   monthly_cents: {type: integer, required: true, description: "Added cost per month, in EUR cents (negative to save)"}
//   from: {type: string, description: "Start milestone code; default: the first milestone not completed"}
// example: {monthly_cents: 1089390}
// columns:
//   milestone_code: text
//   milestone_name: text
//   sequence: integer
//   first_month: integer
//   last_month: integer
//   months: integer
//   change_cents: money
//   path: text
//   sources: list
//
// Milestones overlap by a month or two, so each project month, from the start milestone's
// first month to the last milestone's last, is counted once: it belongs to the milestone
// with the highest sequence that is running in it (the work moves on to the newer one).
// Months before the start milestone, and milestones before it, are untouched.
CALL () {
  OPTIONAL MATCH (m:Milestone)
  WHERE ($from IS NULL AND m.status <> 'completed') OR m.code = $from
  RETURN m AS start ORDER BY m.sequence LIMIT 1
}
MATCH (m:Milestone)
WITH start, collect(m) AS milestones, max(m.end_month) AS last
UNWIND range(start.start_month, last) AS month
WITH month, [m IN milestones WHERE m.sequence >= start.sequence
                              AND m.start_month <= month <= m.end_month] AS running
WITH month, reduce(top = null, m IN running |
                   CASE WHEN top IS NULL OR m.sequence > top.sequence THEN m ELSE top END) AS owner
WHERE owner IS NOT NULL
WITH owner, min(month) AS first_month, max(month) AS last_month, count(month) AS months
RETURN owner.code AS milestone_code,
       owner.name AS milestone_name,
       owner.sequence AS sequence,
       first_month,
       last_month,
       months,
       $monthly_cents * months AS change_cents,
       '(:Milestone {code: ' + owner.code + '}) months ' + first_month + '-' + last_month AS path,
       [{table: owner._source_table, key: owner._source_key, what: 'milestone months'}]
         AS sources
ORDER BY sequence
