// view: v_wiki_space_activity
// question: >-
//   How big and how active is each wiki space, and how much of the work is done by AI?
// parameters: {}
// columns:
//   space_slug: text
//   space_name: text
//   visibility: text
//   ai_assistance: text
//   article_count: integer
//   published_count: integer
//   in_progress_count: integer
//   total_words: integer
//   total_views: integer
//   avg_ai_generated_pct: number
//   revision_count: integer
//   ai_revision_count: integer
//   ai_revision_pct: number
//   distinct_editors: integer
//   outgoing_links: integer
//   last_revised_at: any
//
// Percentages are rounded as ROUND(x, 2) does, in integer hundredths: the average AI
// share from the articles' shares in hundredths, the AI revision share from the counts.
MATCH (s:WikiSpace)
CALL (s) {
  OPTIONAL MATCH (s)<-[:FOR_WIKI_SPACE]-(a:WikiArticle)
  RETURN count(a) AS article_count,
         count(CASE WHEN a.status = 'published' THEN 1 END) AS published_count,
         count(CASE WHEN a.status IN ['draft', 'in_review'] THEN 1 END) AS in_progress_count,
         sum(a.word_count) AS total_words,
         sum(a.view_count) AS total_views,
         sum(toInteger(round(a.ai_generated_pct * 100))) AS ai_pct_h
}
CALL (s) {
  OPTIONAL MATCH (s)<-[:FOR_WIKI_SPACE]-(:WikiArticle)<-[:FOR_WIKI_ARTICLE]-(r:WikiArticleRevision)
  OPTIONAL MATCH (r)-[:EDITOR_MEMBER]->(e:CommunityMember)
  RETURN count(DISTINCT r) AS revision_count,
         count(DISTINCT CASE WHEN EXISTS { (r)-[:FOR_AI_AGENT]->(:AiAgent) } THEN r END)
           AS ai_revision_count,
         count(DISTINCT e) AS distinct_editors,
         max(r.revised_at) AS last_revised_at
}
CALL (s) {
  OPTIONAL MATCH (s)<-[:FOR_WIKI_SPACE]-(:WikiArticle)-[l:LINKS_TO]->(:WikiArticle)
  RETURN count(l) AS outgoing_links
}
RETURN s.slug AS space_slug,
       s.name AS space_name,
       s.visibility AS visibility,
       s.ai_assistance AS ai_assistance,
       article_count,
       published_count,
       in_progress_count,
       total_words,
       total_views,
       CASE WHEN article_count > 0
            THEN ((2 * ai_pct_h + article_count) / (2 * article_count)) / 100.0
       END AS avg_ai_generated_pct,
       revision_count,
       ai_revision_count,
       CASE WHEN revision_count > 0
            THEN ((20000 * ai_revision_count + revision_count) / (2 * revision_count)) / 100.0
       END AS ai_revision_pct,
       distinct_editors,
       outgoing_links,
       last_revised_at
ORDER BY space_slug
