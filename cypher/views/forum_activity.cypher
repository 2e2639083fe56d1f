// view: v_forum_activity
// question: >-
//   How active is each forum, how many threads discuss DAO proposals, and how much is
//   written by AI agents?
// parameters: {}
// columns:
//   forum_slug: text
//   forum_name: text
//   forum_category: text
//   thread_count: integer
//   open_threads: integer
//   proposal_threads: integer
//   post_count: integer
//   ai_post_count: integer
//   ai_post_pct: number
//   distinct_posters: integer
//   upvotes: integer
//   last_post_at: any
//
// The AI share of posts is ROUND(x, 2) in integer hundredths rounded half up.
MATCH (f:Forum)
CALL (f) {
  OPTIONAL MATCH (f)<-[:FOR_FORUM]-(t:ForumThread)
  RETURN count(t) AS thread_count,
         count(CASE WHEN t.status = 'open' THEN 1 END) AS open_threads,
         count(CASE WHEN EXISTS { (t)-[:FOR_DAO_PROPOSAL]->(:DaoProposal) } THEN 1 END)
           AS proposal_threads
}
CALL (f) {
  OPTIONAL MATCH (f)<-[:FOR_FORUM]-(:ForumThread)<-[:FOR_FORUM_THREAD]-(p:ForumPost)
  OPTIONAL MATCH (p)-[:AUTHOR_MEMBER]->(author:CommunityMember)
  RETURN count(p) AS post_count,
         count(CASE WHEN EXISTS { (p)-[:FOR_AI_AGENT]->(:AiAgent) } THEN 1 END) AS ai_post_count,
         count(DISTINCT author) AS distinct_posters,
         sum(p.upvotes) AS upvotes,
         max(p.posted_at) AS last_post_at
}
RETURN f.slug AS forum_slug,
       f.name AS forum_name,
       f.forum_category AS forum_category,
       thread_count,
       open_threads,
       proposal_threads,
       post_count,
       ai_post_count,
       CASE WHEN post_count > 0
            THEN ((20000 * ai_post_count + post_count) / (2 * post_count)) / 100.0
       END AS ai_post_pct,
       distinct_posters,
       upvotes,
       last_post_at
ORDER BY forum_slug
