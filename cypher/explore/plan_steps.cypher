// question: >-
//   What does each saved plan change, step by step: the change, what it costs alone and in
//   the plan (after the changes before it), and the nodes it affects?
// parameters:
//   plan: {type: string, description: "Saved plan name; every saved plan if omitted"}
// columns:
//   plan: text
//   step: integer
//   kind: text
//   title: text
//   alone_change_cents: money
//   change_cents: money
//   currency: text
//   affects: list
MATCH (s:Scenario {kind: 'plan'})-[:HAS_STEP]->(p:PlanStep)
WHERE $plan IS NULL OR s.name = $plan
OPTIONAL MATCH (p)-[a:AFFECTS]->(n)
WITH s, p, collect(DISTINCT labels(n)[0] + ' ' + coalesce(n.code, n.name, '') + ' (' + a.what + ')')
       AS affects
RETURN s.name AS plan, p.step AS step, p.kind AS kind, p.title AS title,
       p.alone_change_cents AS alone_change_cents, p.change_cents AS change_cents,
       p.currency AS currency, affects
ORDER BY plan, step
