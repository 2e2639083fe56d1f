// view: v_proposal_outcomes
// question: >-
//   How did each proposal that went to a vote fare: tally by choice (VGT power), turnout
//   against the eligible-power snapshot, quorum, approval and pass (for a vote still open:
//   as if it closed now), and whether the recorded status agrees?
// parameters: {}
// columns:
//   proposal_code: text
//   title: text
//   category_code: text
//   milestone_code: text
//   status: text
//   requested_amount_cents: money
//   currency: text
//   voting_ends_at: any
//   voter_count: integer
//   votes_for_micros: price
//   votes_against_micros: price
//   votes_abstain_micros: price
//   delegated_power_micros: price
//   eligible_voting_power_micros: price
//   turnout_pct: number
//   quorum_pct: number
//   quorum_met: boolean
//   approval_pct: number
//   pass_threshold_pct: number
//   passed: boolean
//   status_matches_tally: boolean
//
// Voting power (NUMERIC(20,4)) is integer millionths in the graph. Turnout and approval
// are ROUND(..., 2) of exact ratios, computed as integer hundredths rounded half up (all
// figures are positive); quorum and pass tests compare those hundredths with the
// thresholds in hundredths, so no float decides a boolean.
MATCH (p:DaoProposal)-[:IN_CATEGORY]->(c:DaoProposalCategory)
WHERE p.voting_starts_at IS NOT NULL
OPTIONAL MATCH (p)-[:FOR_MILESTONE]->(m:Milestone)
CALL (p) {
  OPTIONAL MATCH (p)<-[:FOR_DAO_PROPOSAL]-(v:DaoVote)
  RETURN count(v) AS voter_count,
         sum(CASE WHEN v.choice = 'for' THEN v.voting_power_micros END) AS power_for,
         sum(CASE WHEN v.choice = 'against' THEN v.voting_power_micros END) AS power_against,
         sum(CASE WHEN v.choice = 'abstain' THEN v.voting_power_micros END) AS power_abstain,
         sum(v.voting_power_micros) AS power_total,
         sum(v.delegated_power_micros) AS power_delegated
}
WITH p, c, m, voter_count, power_for, power_against, power_abstain, power_total,
     power_delegated, p.eligible_voting_power_micros AS eligible,
     toInteger(round(p.quorum_pct * 100)) AS quorum_h,
     toInteger(round(p.pass_threshold_pct * 100)) AS threshold_h
WITH p, c, m, voter_count, power_for, power_against, power_abstain, power_delegated,
     eligible, quorum_h, threshold_h,
     // ROUND(100 * total / eligible, 2) in hundredths: (2a + b) / 2b with a = 10000 * total
     (20000 * power_total + eligible) / (2 * eligible) AS turnout_h,
     CASE WHEN power_for + power_against > 0
          THEN (20000 * power_for + power_for + power_against) / (2 * (power_for + power_against))
     END AS approval_h
WITH p, c, m, voter_count, power_for, power_against, power_abstain, power_delegated,
     eligible, turnout_h, approval_h,
     turnout_h >= quorum_h AS quorum_met,
     (turnout_h >= quorum_h AND approval_h >= threshold_h) AS passed
RETURN p.code AS proposal_code,
       p.title AS title,
       c.code AS category_code,
       m.code AS milestone_code,
       p.status AS status,
       p.requested_amount_cents AS requested_amount_cents,
       p.currency AS currency,
       p.voting_ends_at AS voting_ends_at,
       voter_count,
       power_for AS votes_for_micros,
       power_against AS votes_against_micros,
       power_abstain AS votes_abstain_micros,
       power_delegated AS delegated_power_micros,
       eligible AS eligible_voting_power_micros,
       turnout_h / 100.0 AS turnout_pct,
       p.quorum_pct AS quorum_pct,
       quorum_met,
       approval_h / 100.0 AS approval_pct,
       p.pass_threshold_pct AS pass_threshold_pct,
       passed,
       CASE WHEN p.status IN ['passed', 'executed'] THEN passed
            WHEN p.status = 'rejected' THEN NOT coalesce(passed, false)
       END AS status_matches_tally
ORDER BY proposal_code
