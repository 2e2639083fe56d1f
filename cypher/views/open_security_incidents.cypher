// view: v_open_security_incidents
// question: >-
//   Which security incidents are still open, how severe and how old are they (hours from
//   detection to the latest recorded incident activity), and what has been done so far?
// parameters: {}
// columns:
//   incident_code: text
//   title: text
//   category: text
//   severity: text
//   status: text
//   commander_code: text
//   detected_at: any
//   contained_at: any
//   as_of_at: any
//   age_hours: number
//   actions_total: integer
//   actions_done: integer
//   hours_spent: number
//   actions_taken: text
//   last_action_at: any
//   personal_data_involved: boolean
//   authority_notified_at: any
//   estimated_cost_cents: money
//   currency: text
//
// as_of_at is the latest incident activity anywhere (the later of the last action and the
// last detection, over all incidents), so the result does not depend on the clock.
// age_hours is ROUND(hours, 1) computed from whole milliseconds in integer tenths;
// hours spent (NUMERIC(6,2)) are summed as integer hundredths.
CALL () {
  OPTIONAL MATCH (ia:IncidentAction)
  RETURN max(ia.performed_at) AS last_action_anywhere
}
CALL () {
  OPTIONAL MATCH (si:SecurityIncident)
  RETURN max(si.detected_at) AS last_detection_anywhere
}
WITH CASE WHEN last_action_anywhere IS NULL OR last_detection_anywhere > last_action_anywhere
          THEN last_detection_anywhere ELSE last_action_anywhere END AS as_of_at
MATCH (si:SecurityIncident)
WHERE si.status <> 'closed'
OPTIONAL MATCH (si)-[:INCIDENT_COMMANDER]->(tm:TeamMember)
CALL (si) {
  OPTIONAL MATCH (si)<-[:FOR_SECURITY_INCIDENT]-(ia:IncidentAction)
  WITH ia ORDER BY ia.action_seq
  RETURN count(ia) AS actions_total,
         count(CASE WHEN ia.status = 'done' THEN 1 END) AS actions_done,
         sum(toInteger(round(ia.hours_spent * 100))) AS hours_h,
         collect(CASE WHEN ia.status = 'done' THEN ia.action_type END) AS done_types,
         max(ia.performed_at) AS last_action_at
}
WITH si, tm, as_of_at, actions_total, actions_done, hours_h, done_types, last_action_at,
     duration.inSeconds(si.detected_at, as_of_at) AS age
WITH si, tm, as_of_at, actions_total, actions_done, hours_h, done_types, last_action_at,
     age.seconds * 1000 + age.nanosecondsOfSecond / 1000000 AS age_ms
RETURN si.code AS incident_code,
       si.title AS title,
       si.category AS category,
       si.severity AS severity,
       si.status AS status,
       tm.code AS commander_code,
       si.detected_at AS detected_at,
       si.contained_at AS contained_at,
       as_of_at,
       // hours to one decimal: tenths = ms / 360,000, rounded half away from zero
       sign(age_ms) * ((2 * abs(age_ms) + 360000) / 720000) / 10.0 AS age_hours,
       actions_total,
       actions_done,
       hours_h / 100.0 AS hours_spent,
       CASE WHEN size(done_types) > 0
            THEN reduce(s = head(done_types), x IN tail(done_types) | s + ', ' + x)
       END AS actions_taken,
       last_action_at,
       si.personal_data_involved AS personal_data_involved,
       si.authority_notified_at AS authority_notified_at,
       si.estimated_cost_cents AS estimated_cost_cents,
       si.currency AS currency
ORDER BY CASE severity WHEN 'critical' THEN 1 WHEN 'high' THEN 2 WHEN 'medium' THEN 3
         ELSE 4 END, detected_at, incident_code
