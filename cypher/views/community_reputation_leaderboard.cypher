// view: v_community_reputation_leaderboard
// question: >-
//   Who are the most reputable community members, and what did they do to get there
//   (contributions, EUR and token rewards, votes, proposals, wiki articles, forum posts)?
// parameters: {}
// columns:
//   rank: integer
//   handle: text
//   display_name: text
//   member_type: text
//   is_staff: boolean
//   joined_on: date
//   reputation_points: integer
//   reputation_events: integer
//   accepted_contributions: integer
//   rewards_eur_cents: money
//   reward_tokens_micros: price
//   votes_cast: integer
//   proposals_authored: integer
//   articles_published: integer
//   forum_posts: integer
//   last_event_on: date
//
// rank is RANK() over reputation points, highest first, among members who are not
// suspended: one plus the number of those members with more points. Token rewards
// (NUMERIC(20,4)) are integer millionths in the graph.
MATCH (cm:CommunityMember)
WHERE cm.status <> 'suspended'
CALL (cm) {
  OPTIONAL MATCH (cm)<-[:FOR_COMMUNITY_MEMBER]-(e:ReputationEvent)
  RETURN sum(e.points) AS points, count(e) AS event_count, max(e.occurred_on) AS last_event_on
}
CALL (cm) {
  OPTIONAL MATCH (cm)<-[:FOR_COMMUNITY_MEMBER]-(c:Contribution)
  WHERE c.status = 'accepted'
  RETURN count(c) AS accepted_contributions,
         sum(CASE WHEN c.currency = 'EUR' THEN c.reward_amount_cents END) AS rewards_eur_cents,
         sum(c.reward_token_amount_micros) AS reward_tokens_micros
}
CALL (cm) {
  RETURN COUNT { (cm)<-[:FOR_COMMUNITY_MEMBER]-(:DaoVote) } AS votes_cast,
         COUNT { (cm)<-[:PROPOSER_MEMBER]-(:DaoProposal) } AS proposals_authored,
         COUNT { (cm)<-[:AUTHOR_MEMBER]-(a:WikiArticle) WHERE a.status = 'published' }
           AS articles_published,
         COUNT { (cm)<-[:AUTHOR_MEMBER]-(:ForumPost) } AS forum_posts,
         EXISTS { (cm)-[:FOR_TEAM_MEMBER]->(:TeamMember) } AS is_staff
}
WITH collect({cm: cm, points: points, event_count: event_count, last_event_on: last_event_on,
              accepted: accepted_contributions, eur: rewards_eur_cents,
              tokens: reward_tokens_micros, votes: votes_cast, proposals: proposals_authored,
              articles: articles_published, posts: forum_posts, staff: is_staff}) AS rows
UNWIND rows AS row
WITH row, row.cm AS cm,
     size([other IN rows WHERE other.points > row.points]) + 1 AS rank
RETURN rank,
       cm.handle AS handle,
       cm.display_name AS display_name,
       cm.member_type AS member_type,
       row.staff AS is_staff,
       cm.joined_on AS joined_on,
       row.points AS reputation_points,
       row.event_count AS reputation_events,
       row.accepted AS accepted_contributions,
       row.eur AS rewards_eur_cents,
       row.tokens AS reward_tokens_micros,
       row.votes AS votes_cast,
       row.proposals AS proposals_authored,
       row.articles AS articles_published,
       row.posts AS forum_posts,
       row.last_event_on AS last_event_on
ORDER BY rank, handle
