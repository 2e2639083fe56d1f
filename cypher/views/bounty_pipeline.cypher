// view: v_bounty_pipeline
// question: >-
//   Where do each project's bounties stand: how many are open, claimed, completed, paid or
//   closed, and how much money is open, committed and paid against the bounty budget?
// parameters: {}
// columns:
//   project_code: text
//   project_name: text
//   milestone_code: text
//   currency: text
//   bounty_count: integer
//   open_count: integer
//   claimed_count: integer
//   completed_unpaid_count: integer
//   paid_count: integer
//   closed_unpaid_count: integer
//   claim_count: integer
//   open_amount_cents: money
//   committed_amount_cents: money
//   paid_amount_cents: money
//   paid_tokens_micros: price
//   bounty_budget_amount_cents: money
//   bounty_budget_remaining_cents: money
//
// One row per project and bounty currency (projects without bounties are left out, as
// the SQL inner join does). Token amounts are integer millionths in the graph.
MATCH (wp:WorkProject)-[:FOR_MILESTONE]->(m:Milestone)
MATCH (wp)<-[:FOR_WORK_PROJECT]-(b:WorkBounty)
CALL (b) {
  OPTIONAL MATCH (b)<-[:FOR_WORK_BOUNTY]-(c:BountyClaim)
  RETURN count(c) AS claims
}
CALL (b) {
  OPTIONAL MATCH (b)<-[:FOR_WORK_BOUNTY]-(:BountyClaim)<-[:FOR_BOUNTY_CLAIM]-(p:BountyPayout)
  RETURN sum(p.amount_cents) AS paid_cents, sum(p.token_amount_micros) AS paid_micros
}
WITH wp, m, b.currency AS currency,
     count(b) AS bounty_count,
     count(CASE WHEN b.status = 'open' THEN 1 END) AS open_count,
     count(CASE WHEN b.status IN ['claimed', 'in_review'] THEN 1 END) AS claimed_count,
     count(CASE WHEN b.status = 'completed' THEN 1 END) AS completed_unpaid_count,
     count(CASE WHEN b.status = 'paid' THEN 1 END) AS paid_count,
     count(CASE WHEN b.status IN ['cancelled', 'expired'] THEN 1 END) AS closed_unpaid_count,
     sum(claims) AS claim_count,
     sum(CASE WHEN b.status = 'open' THEN b.reward_amount_cents END) AS open_amount_cents,
     sum(CASE WHEN b.status IN ['claimed', 'in_review', 'completed']
              THEN b.reward_amount_cents END) AS committed_amount_cents,
     sum(paid_cents) AS paid_amount_cents,
     sum(paid_micros) AS paid_tokens_micros,
     sum(CASE WHEN NOT b.status IN ['draft', 'cancelled', 'expired']
              THEN b.reward_amount_cents END) AS reserved_cents
RETURN wp.code AS project_code,
       wp.name AS project_name,
       m.code AS milestone_code,
       currency,
       bounty_count,
       open_count,
       claimed_count,
       completed_unpaid_count,
       paid_count,
       closed_unpaid_count,
       claim_count,
       open_amount_cents,
       committed_amount_cents,
       paid_amount_cents,
       paid_tokens_micros,
       wp.bounty_budget_amount_cents AS bounty_budget_amount_cents,
       wp.bounty_budget_amount_cents - reserved_cents AS bounty_budget_remaining_cents
ORDER BY project_code, currency
