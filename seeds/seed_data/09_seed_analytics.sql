-- =============================================================================
-- Seed 09: Analytics & Reporting (module 13, `analytics`)
-- =============================================================================
-- Daily series cover October 2026 (month 10, milestone M5 Social) and, for
-- revenue, 2026-11-15 .. 2026-12-31 around the M6 early-supporter launch. All
-- series are generated deterministically (generate_series, no random()).
-- Levels follow other modules' plan figures where they exist:
--   users   -> user_base_projections (module 03, base model): MAU 35,355 on
--              2026-10-01 growing to 50,000 on 2026-11-01            -- VIVIM plan figure
--   revenue -> revenue_projections M6: 150 Pro subscribers x EUR 6 + one
--              EUR 500 pilot data licence                             -- VIVIM plan figure
--   infra   -> Hetzner / OVHcloud / Cloudflare list prices, see rows  -- src: §1.1, §1.2, §1.5
--   agents  -> LLM list prices per MTok of each agent's model         -- src: §2.1-§2.4
-- Security metrics (MFA coverage, open incidents) are added to daily_metrics
-- by seed 10, after the security data exists.
-- =============================================================================

SET client_min_messages = warning;

-- -----------------------------------------------------------------------------
-- Metric definitions  -- VIVIM plan figure (targets)
-- -----------------------------------------------------------------------------
INSERT INTO metric_definitions (code, name, description, category, unit, currency, aggregation, direction,
    source_table, source_column, target_value, owner_team_id, milestone_id, is_public)
SELECT d.code, d.name, d.descr, d.category, d.unit, d.currency, d.agg, d.dir, d.src_table, d.src_col, d.target,
       (SELECT id FROM teams WHERE code = d.team), (SELECT id FROM milestones WHERE code = d.ms), d.pub
FROM (VALUES
  -- users
  ('registered_users',   'Registered users',            'Accounts ever created, net of deletions',            'users',      'count',  NULL::char(3), 'last', 'higher_is_better', 'user_metrics_daily', 'registered_users',    NULL::numeric, 'product-design',   'M5', true),
  ('new_signups',        'New sign-ups',                'Accounts created that day',                          'users',      'count',  NULL, 'sum',  'higher_is_better', 'user_metrics_daily', 'new_signups',         NULL,     'community-growth', 'M5', false),
  ('dau',                'Daily active users',          'Users with at least one session that day',           'users',      'count',  NULL, 'avg',  'higher_is_better', 'user_metrics_daily', 'dau',                 12500,    'product-design',   'M5', false),
  ('wau',                'Weekly active users',         'Users active in the trailing 7 days',                'users',      'count',  NULL, 'last', 'higher_is_better', 'user_metrics_daily', 'wau',                 NULL,     'product-design',   'M5', false),
  ('mau',                'Monthly active users',        'Users active in the trailing 30 days',               'users',      'count',  NULL, 'last', 'higher_is_better', 'user_metrics_daily', 'mau',                 50000,    'product-design',   'M5', true),
  ('churned_users',      'Churned users',               'Users inactive for 60 days, counted on the day they cross it', 'users', 'count', NULL, 'sum', 'lower_is_better', 'user_metrics_daily', 'churned_users', NULL, 'product-design', 'M5', false),
  ('avg_session_minutes','Average session length',      'Mean session length in minutes',                     'users',      'minutes',NULL, 'avg',  'higher_is_better', 'user_metrics_daily', 'avg_session_minutes', 12,       'product-design',   'M5', false),
  ('d7_retention',       'Day-7 retention',             'Share of sign-ups active again on day 7',            'users',      'pct',    NULL, 'avg',  'higher_is_better', 'user_metrics_daily', 'd7_retention_pct',    35,       'product-design',   'M5', false),
  -- revenue
  ('mrr',                'Monthly recurring revenue',   'Recurring revenue at the end of the day, monthly',   'revenue',    'money',  'EUR','last', 'higher_is_better', 'revenue_metrics_daily', 'mrr',                1400,   'operations',       'M6', true),
  ('arr',                'Annual run rate',             '12 x MRR',                                           'revenue',    'money',  'EUR','last', 'higher_is_better', 'revenue_metrics_daily', 'arr',                NULL,   'operations',       'M6', false),
  ('new_mrr',            'New MRR',                     'MRR added that day by new customers',                'revenue',    'money',  'EUR','sum',  'higher_is_better', 'revenue_metrics_daily', 'new_mrr',            NULL,   'operations',       'M6', false),
  ('churned_mrr',        'Churned MRR',                 'MRR lost that day',                                  'revenue',    'money',  'EUR','sum',  'lower_is_better',  'revenue_metrics_daily', 'churned_mrr',        NULL,   'operations',       'M6', false),
  ('paying_customers',   'Paying customers',            'Active paid subscriptions and licences',             'revenue',    'count',  NULL, 'last', 'higher_is_better', 'revenue_metrics_daily', 'paying_customers',   151,    'operations',       'M6', false),
  ('arpu',               'ARPU',                        'MRR per paying customer',                            'revenue',    'money',  'EUR','last', 'higher_is_better', 'revenue_metrics_daily', 'arpu',               NULL,   'operations',       'M6', false),
  ('dividend_pool_accrued','Dividend pool accrued',     'User share (70%) of distributable margin accrued; dividends start in M10', 'revenue', 'money', 'EUR', 'last', 'neutral', 'revenue_metrics_daily', 'dividend_pool_accrued', NULL, 'operations', 'M10', true),
  -- operations
  ('uptime_pct',         'Uptime (worst provider)',     'Lowest daily availability across providers',         'operations', 'pct',    NULL, 'min',  'higher_is_better', 'operations_metrics_daily', 'uptime_pct',      99.9,   'infra-sre',        'M5', true),
  ('p95_latency_ms',     'p95 latency (worst provider)','Highest daily p95 latency across providers',         'operations', 'ms',     NULL, 'max',  'lower_is_better',  'operations_metrics_daily', 'p95_latency_ms',  400,    'infra-sre',        'M5', false),
  ('error_rate_pct',     'Error rate (worst provider)', 'Highest daily share of 5xx responses',               'operations', 'pct',    NULL, 'max',  'lower_is_better',  'operations_metrics_daily', 'error_rate_pct',  0.5,    'infra-sre',        'M5', false),
  ('infra_cost_eur',     'Infrastructure cost (EUR providers)', 'Daily cost of EUR-billed providers; USD-billed providers are not converted', 'operations', 'money', 'EUR', 'sum', 'lower_is_better', 'operations_metrics_daily', 'infra_cost', NULL, 'infra-sre', 'M5', false),
  -- community
  ('active_members',     'Active community members',    'Members who posted, voted or contributed in 30 days','community',  'count',  NULL, 'last', 'higher_is_better', 'community_metrics_daily', 'active_members',    NULL,   'community-growth', 'M5', true),
  ('new_members',        'New community members',       'Forum and chat accounts created that day',           'community',  'count',  NULL, 'sum',  'higher_is_better', 'community_metrics_daily', 'new_members',       NULL,   'community-growth', 'M5', false),
  ('contributions_merged','Contributions merged',       'Community pull requests and articles accepted',      'community',  'count',  NULL, 'sum',  'higher_is_better', 'community_metrics_daily', 'contributions_merged', NULL, 'community-growth', 'M5', false),
  ('bounty_payouts',     'Bounty payouts',              'EUR paid for completed bounties that day',           'community',  'money',  'EUR','sum',  'neutral',          'community_metrics_daily', 'bounty_payouts',    NULL,   'community-growth', 'M5', false),
  ('community_sentiment','Community sentiment',         'Mean sentiment of forum posts, -1..1',               'community',  'score',  NULL, 'avg',  'higher_is_better', 'community_metrics_daily', 'sentiment_score',   0.5,    'community-growth', 'M5', false),
  -- governance
  ('votes_cast',         'DAO votes cast',              'Votes cast on proposals that day',                   'governance', 'count',  NULL, 'sum',  'higher_is_better', 'governance_metrics_daily', 'votes_cast',       NULL,   'operations',       'M5', true),
  ('unique_voters',      'Unique voters',               'Distinct members voting that day',                   'governance', 'count',  NULL, 'sum',  'higher_is_better', 'governance_metrics_daily', 'unique_voters',    NULL,   'operations',       'M5', false),
  ('voting_turnout',     'Voting turnout',              'Voting power cast on the open vote / eligible voting power', 'governance', 'pct', NULL, 'max', 'higher_is_better', 'governance_metrics_daily', 'turnout_pct', 50,   'operations',       'M5', true),
  ('treasury_balance',   'Main treasury balance',       'EUR balance of the main DAO treasury',               'governance', 'money',  'EUR','last', 'neutral',          'governance_metrics_daily', 'treasury_balance', NULL,   'operations',       'M5', true),
  -- AI agents
  ('agent_tasks',        'Agent tasks completed',       'Tasks completed by all agents that day',             'ai_agents',  'count',  NULL, 'sum',  'higher_is_better', 'ai_agent_metrics_daily', 'tasks_completed',    NULL,   'operations',       'M5', false),
  ('agent_success_rate', 'Agent success rate',          'Completed / (completed + failed), all agents',        'ai_agents',  'pct',    NULL, 'avg',  'higher_is_better', 'ai_agent_metrics_daily', 'success_rate_pct',   95,     'operations',       'M5', false),
  ('agent_llm_cost',     'Agent LLM cost',              'LLM spend of all agents that day (USD list prices)', 'ai_agents',  'money',  'USD','sum',  'lower_is_better',  'ai_agent_metrics_daily', 'llm_cost',           3,      'operations',       'M5', false),
  ('agent_escalations',  'Agent escalations to humans', 'Tasks handed to a person that day',                  'ai_agents',  'count',  NULL, 'sum',  'lower_is_better',  'ai_agent_metrics_daily', 'human_escalations',  NULL,   'operations',       'M5', false),
  -- cross-cutting (values in daily_metrics)
  ('infra_cost_per_mau', 'Infrastructure cost per MAU', 'EUR-billed infrastructure cost x 30 / MAU',           'cost',       'money',  'EUR','last', 'lower_is_better',  'daily_metrics', NULL,                      0.08,   'infra-sre',        'M5', true),
  ('monthly_burn',       'Monthly burn',                'Monthly cost of active team members + EUR infrastructure x 30', 'cost', 'money', 'EUR', 'last', 'lower_is_better', 'daily_metrics', NULL,               NULL,   'operations',       'M5', false),
  ('cash_runway_months', 'Cash runway',                 'Cash at bank / monthly burn',                        'cost',       'months', NULL, 'last', 'higher_is_better', 'daily_metrics', NULL,                      18,     'operations',       'M5', false),
  ('kyc_approval_rate',  'KYC approval rate',           'Approved / decided KYC applications to date',        'compliance', 'pct',    NULL, 'last', 'higher_is_better', 'daily_metrics', NULL,                      85,     'legal-compliance', 'M5', false),
  ('mfa_coverage_pct',   'MFA coverage of staff',       'Active team members with an active MFA device',      'security',   'pct',    NULL, 'last', 'higher_is_better', 'daily_metrics', NULL,                      100,    'security',         'M3', false),
  ('open_security_incidents','Open security incidents', 'Incidents detected and not closed at the end of the day', 'security', 'count', NULL, 'last', 'lower_is_better', 'daily_metrics', NULL,                    0,      'security',         'M5', false)
) AS d(code, name, descr, category, unit, currency, agg, dir, src_table, src_col, target, team, ms, pub);

-- -----------------------------------------------------------------------------
-- user_metrics_daily, 2026-10-01 .. 2026-10-31 (31 rows). MAU grows
-- geometrically from 35,355 to 50,000 in 31 days (module 03 base model);
-- DAU = 25% of MAU (weekends x 0.86), WAU = 58%, registered = MAU / 0.72.
-- -----------------------------------------------------------------------------
INSERT INTO user_metrics_daily (metric_date, milestone_id, registered_users, new_signups, dau, wau, mau,
    churned_users, avg_session_minutes, d7_retention_pct)
SELECT day::date, (SELECT id FROM milestones WHERE code = 'M5'),
       round(m.mau / 0.72), 366 + 5 * g - CASE WHEN extract(isodow FROM day) IN (6, 7) THEN 40 ELSE 0 END,
       round(m.mau * 0.25 * CASE WHEN extract(isodow FROM day) IN (6, 7) THEN 0.86 ELSE 1 END),
       round(m.mau * 0.58), m.mau,
       32 + g % 5, 11.50 + (g % 7) * 0.30, 31.00 + g * 0.10
FROM generate_series(0, 30) AS g
CROSS JOIN LATERAL (SELECT DATE '2026-10-01' + g AS day) d
CROSS JOIN LATERAL (SELECT round(35355 * power(50000 / 35355.0, g / 31.0))::int AS mau) m;  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- user_cohorts: monthly sign-up cohorts Mar-Oct 2026, organic and community
-- referral. Referral rewards cost EUR 0.50 per referred sign-up; retention
-- is known only for months already completed by 2026-10-31.  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO user_cohorts (code, cohort_month, acquisition_channel, milestone_id, cohort_size,
    retained_m1_pct, retained_m2_pct, retained_m3_pct, acquisition_cost, revenue_to_date, currency)
SELECT 'C-' || to_char(cm.m, 'YYYY-MM') || '-' || ch.short, cm.m::date, ch.channel,
       (SELECT id FROM milestones WHERE code = cm.ms),
       round(cm.new_users * ch.share),
       CASE WHEN cm.m + interval '2 months' <= DATE '2026-11-01' THEN ch.r1 END,
       CASE WHEN cm.m + interval '3 months' <= DATE '2026-11-01' THEN ch.r2 END,
       CASE WHEN cm.m + interval '4 months' <= DATE '2026-11-01' THEN ch.r3 END,
       round(cm.new_users * ch.share * ch.cac, 2), 0, 'EUR'
FROM (VALUES (TIMESTAMP '2026-03-01',  600, 'M1'), (TIMESTAMP '2026-04-01', 1100, 'M2'), (TIMESTAMP '2026-05-01', 2300, 'M3'),
             (TIMESTAMP '2026-06-01', 3900, 'M4'), (TIMESTAMP '2026-07-01', 5200, 'M4'), (TIMESTAMP '2026-08-01', 6211, 'M5'),
             (TIMESTAMP '2026-09-01', 9821, 'M5'), (TIMESTAMP '2026-10-01', 11355, 'M5')) AS cm(m, new_users, ms)
CROSS JOIN (VALUES ('organic',            'ORG', 0.70, 0.00, 38.00, 30.00, 26.00),
                   ('community_referral', 'REF', 0.30, 0.50, 46.00, 39.00, 35.00)) AS ch(channel, short, share, cac, r1, r2, r3);
-- new users Aug-Oct as module 03 base model; earlier months VIVIM plan figure

-- -----------------------------------------------------------------------------
-- revenue_metrics_daily, 2026-11-15 .. 2026-12-31 (47 rows): free beta until
-- 2026-11-30; VIVIM Pro early-supporter plan (EUR 6/month) opens 2026-12-01 and
-- reaches 150 subscribers by 2026-12-31; the EUR 500/month pilot data licence
-- starts 2026-12-15. No churn in the first month. Dividends start in M10, so
-- nothing accrues yet.  -- VIVIM plan figure (revenue_projections M6)
-- -----------------------------------------------------------------------------
INSERT INTO revenue_metrics_daily (metric_date, mrr, arr, new_mrr, expansion_mrr, churned_mrr, paying_customers, arpu,
    dividend_pool_accrued, currency)
SELECT r.day, r.mrr, r.mrr * 12, GREATEST(r.mrr - r.prev_mrr, 0), 0, 0, r.payers,
       CASE WHEN r.payers > 0 THEN round(r.mrr / r.payers, 2) ELSE 0 END, 0, 'EUR'
FROM (
    SELECT x.day, x.payers, x.mrr, COALESCE(lag(x.mrr) OVER (ORDER BY x.day), 0) AS prev_mrr
    FROM (
        SELECT d.day, p.payers,
               (p.payers * 6 + CASE WHEN d.day >= DATE '2026-12-15' THEN 500 ELSE 0 END)::numeric(14,2) AS mrr
        FROM generate_series(TIMESTAMP '2026-11-15', TIMESTAMP '2026-12-31', interval '1 day') AS g
        CROSS JOIN LATERAL (SELECT g::date AS day) d
        CROSS JOIN LATERAL (SELECT CASE WHEN d.day < DATE '2026-12-01' THEN 0
                                        ELSE round(150 * (d.day - DATE '2026-11-30') / 31.0)::int
                                        + CASE WHEN d.day >= DATE '2026-12-15' THEN 1 ELSE 0 END END AS payers) p
    ) x
) r;

-- -----------------------------------------------------------------------------
-- operations_metrics_daily, 2026-10-01 .. 2026-10-31 for three providers (93 rows).
-- Daily cost = monthly fleet cost / 30:
--  hetzner: 6 x CX43 (EUR 0.021/h x 720 h), 3 x CX53 (EUR 0.036/h x 720 h),
--           2 x GEX44 (EUR 184/mo), 2 TB volumes (EUR 0.0572/GB-mo), object
--           storage 5 TB (EUR 5 base incl. 1 TB + EUR 4.9/TB-mo), LB11 (~EUR 5.4)
--           = EUR 681.06/mo, plus EUR 0.90/mo per day of storage growth
--           -- src: §1.1 docs.cnap.tech, docs.vdhome.be [S]; volume/object storage [P]; GEX44 [S]; LB11 [S]
--  ovhcloud: 1 x l4-90 GPU for embeddings, EUR 540/mo monthly billing  -- src: §1.2 OVH catalogue 2025-01-27 [S]
--  cloudflare (USD): Pro $20 + Workers Paid $5 + R2 800 GB x $0.015 = $37/mo
--           -- src: §1.5 betterlink-blog [S], halideworks wiki [S], cloudflare-docs r2/pricing [P]
-- One Hetzner degradation on 2026-10-14 (see security incident SEC-INC-2026-004).
-- -----------------------------------------------------------------------------
INSERT INTO operations_metrics_daily (metric_date, cloud_provider_id, uptime_pct, requests_thousands, p95_latency_ms,
    error_rate_pct, cpu_utilization_pct, storage_gb, infra_cost, currency)
SELECT u.metric_date, cp.id,
       CASE WHEN p.code = 'hetzner' AND u.metric_date = DATE '2026-10-14' THEN 99.620
            WHEN p.code = 'hetzner' THEN 99.950 + (extract(day FROM u.metric_date)::int % 5) * 0.010
            WHEN p.code = 'ovhcloud' THEN 99.980
            ELSE 100.000 END,
       round(u.dau * p.req_per_dau / 1000.0, 2),
       CASE WHEN p.code = 'hetzner' AND u.metric_date = DATE '2026-10-14' THEN 1240.00
            ELSE p.base_latency + (extract(day FROM u.metric_date)::int % 7) * p.latency_step END,
       CASE WHEN p.code = 'hetzner' AND u.metric_date = DATE '2026-10-14' THEN 2.10
            ELSE p.base_err + (extract(day FROM u.metric_date)::int % 4) * 0.02 END,
       p.base_cpu + (u.dau % 11),
       p.storage0 + p.storage_step * (u.metric_date - DATE '2026-10-01'),
       round(p.monthly_cost / 30.0 + p.cost_step * (u.metric_date - DATE '2026-10-01') / 30.0, 2),
       p.currency
FROM user_metrics_daily u
CROSS JOIN (VALUES ('hetzner',    120::numeric, 320::numeric, 6::numeric, 0.20::numeric, 41::numeric, 7000::numeric, 16::numeric, 681.06::numeric, 0.90::numeric, 'EUR'),
                   ('ovhcloud',    12,          180,          4,          0.05,          55,          400,            0,           540.00,          0.00,          'EUR'),
                   ('cloudflare', 140,           45,          1,          0.01,        NULL,          800,            4,            37.00,          0.00,          'USD'))
     AS p(code, req_per_dau, base_latency, latency_step, base_err, base_cpu, storage0, storage_step, monthly_cost, cost_step, currency)
JOIN cloud_providers cp ON cp.code = p.code;

-- -----------------------------------------------------------------------------
-- community_metrics_daily, 2026-10-01 .. 2026-10-31 (31 rows). Forum and chat
-- accounts (broader than the ~40 profiled community_members of module 09);
-- bounty payouts at an average EUR 250 per completed bounty.  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO community_metrics_daily (metric_date, total_members, active_members, new_members, forum_posts,
    contributions_merged, bounties_completed, bounty_payouts, currency, sentiment_score)
SELECT DATE '2026-10-01' + g,
       3200 + 15 * g, 420 + 3 * g + (g % 4) * 5, 15 + g % 6,
       60 + (g * 7) % 50 - CASE WHEN extract(isodow FROM DATE '2026-10-01' + g) IN (6, 7) THEN 20 ELSE 0 END,
       2 + g % 5, CASE WHEN g % 3 = 0 THEN 2 WHEN g % 3 = 1 THEN 1 ELSE 0 END,
       CASE WHEN g % 3 = 0 THEN 500 WHEN g % 3 = 1 THEN 250 ELSE 0 END, 'EUR',
       0.410 + (g % 8) * 0.018
FROM generate_series(0, 30) AS g;

-- -----------------------------------------------------------------------------
-- governance_metrics_daily, 2026-10-01 .. 2026-10-31 (31 rows). VIP-007 is in
-- discussion from 2026-09-28 and voting 10-05 .. 10-12 (eligible 1,997,000 VGT,
-- module 05); VIP-008 is submitted 10-26. Delegated power is the sum of the
-- delegations active that day (module 11). Treasury balance: VIVIM plan figure,
-- VIP-007 (EUR 6,000) executed 2026-10-20.
-- -----------------------------------------------------------------------------
INSERT INTO governance_metrics_daily (metric_date, active_proposals, votes_cast, unique_voters, voting_power_cast,
    delegated_power, voting_token_id, turnout_pct, most_voted_proposal_id, treasury_balance, currency)
SELECT d.day,
       (CASE WHEN d.day <= DATE '2026-10-12' THEN 1 ELSE 0 END) + (CASE WHEN d.day >= DATE '2026-10-26' THEN 1 ELSE 0 END),
       v.votes, v.votes, v.votes * 46000,
       COALESCE((SELECT sum(dr.delegated_amount) FROM delegation_records dr
                 WHERE dr.token_id = tr.id AND dr.start_date <= d.day AND COALESCE(dr.end_date, DATE '9999-12-31') >= d.day), 0),
       tr.id,
       round(100.0 * sum(v.votes * 46000) OVER (PARTITION BY (d.day BETWEEN DATE '2026-10-05' AND DATE '2026-10-12') ORDER BY d.day)
             / 1997000 * CASE WHEN d.day BETWEEN DATE '2026-10-05' AND DATE '2026-10-12' THEN 1 ELSE 0 END, 2),
       CASE WHEN v.votes > 0 THEN (SELECT id FROM dao_proposals WHERE code = 'VIP-007') END,
       CASE WHEN d.day < DATE '2026-10-20' THEN 148000 ELSE 142000 END - 150 * (d.day - DATE '2026-10-01'),
       'EUR'
FROM generate_series(TIMESTAMP '2026-10-01', TIMESTAMP '2026-10-31', interval '1 day') AS g
CROSS JOIN LATERAL (SELECT g::date AS day) d
CROSS JOIN LATERAL (SELECT CASE d.day - DATE '2026-10-05'
                            WHEN 0 THEN 6 WHEN 1 THEN 5 WHEN 2 THEN 4 WHEN 3 THEN 3 WHEN 4 THEN 3
                            WHEN 5 THEN 2 WHEN 6 THEN 3 ELSE 0 END AS votes) v
JOIN token_registry tr ON tr.symbol = 'VGT';  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- ai_agent_metrics_daily, 2026-10-01 .. 2026-10-31 for the agents running in
-- October (module 08 codes), 130 rows. Cost = tasks x tokens per task x list
-- price per MTok (USD):
--   code-reviewer     Claude Sonnet 4.6  $3.00 / $15.00  -- src: §2.2 api-evangelist/anthropic [S]
--   issue-triage      GPT-5 mini         $0.25 / $2.00   -- src: §2.1 github/docs Copilot table [S]
--   treasury-monitor  Mistral Small 3.x  $0.10 / $0.30   -- src: §2.4 skills.sh [S]
--   wiki-curator      Claude Haiku 4.5   $1.00 / $5.00   -- src: §2.2 api-evangelist/anthropic [S]
--   compliance-checker Mistral Medium 3.x $0.40 / $2.00 (from its deployment on 2026-10-26) -- src: §2.4 getmaxim.ai [S]
-- Task volumes and tokens per task: VIVIM plan figure.
-- -----------------------------------------------------------------------------
INSERT INTO ai_agent_metrics_daily (metric_date, ai_agent_id, tasks_completed, tasks_failed, human_escalations,
    success_rate_pct, avg_latency_ms, input_tokens, output_tokens, llm_cost, currency)
SELECT x.day, ag.id, x.done, x.failed, x.escalated,
       round(100.0 * x.done / NULLIF(x.done + x.failed, 0), 2),
       a.latency + (extract(day FROM x.day)::int % 5) * 40,
       (x.done + x.failed) * a.in_tok, (x.done + x.failed) * a.out_tok,
       round((x.done + x.failed) * (a.in_tok * a.in_price + a.out_tok * a.out_price) / 1000000.0, 2),
       'USD'
FROM (VALUES ('code-reviewer',      12, 40000, 2000, 3.00, 15.00, 9500, DATE '2026-10-01'),
             ('issue-triage',       26,  5000,  500, 0.25,  2.00, 2100, DATE '2026-10-01'),
             ('treasury-monitor',   10, 10000, 1000, 0.10,  0.30, 1800, DATE '2026-10-01'),
             ('wiki-curator',        4, 25000, 2500, 1.00,  5.00, 7200, DATE '2026-10-01'),
             ('compliance-checker',  5, 20000, 2000, 0.40,  2.00, 5400, DATE '2026-10-26'))
     AS a(code, tasks, in_tok, out_tok, in_price, out_price, latency, from_day)
JOIN ai_agents ag ON ag.code = a.code
CROSS JOIN LATERAL (
    SELECT d::date AS day,
           GREATEST(a.tasks + ((extract(day FROM d)::int * 3) % 5) - 2
                    - CASE WHEN extract(isodow FROM d) IN (6, 7) THEN a.tasks / 2 ELSE 0 END, 1) AS done,
           CASE WHEN extract(day FROM d)::int % 6 = 0 THEN 1 ELSE 0 END AS failed,
           CASE WHEN extract(day FROM d)::int % 4 = 0 THEN 1 ELSE 0 END AS escalated
    FROM generate_series(a.from_day::timestamp, TIMESTAMP '2026-10-31', interval '1 day') AS d
) x;

-- -----------------------------------------------------------------------------
-- daily_metrics (long table): cross-cutting KPIs derived from the rows above and
-- from other modules, 2026-10-01 .. 2026-10-31 (4 x 31 rows).
-- -----------------------------------------------------------------------------
-- Infrastructure cost per MAU (EUR-billed providers only)
INSERT INTO daily_metrics (metric_definition_id, metric_date, dimension, value, currency, source)
SELECT (SELECT id FROM metric_definitions WHERE code = 'infra_cost_per_mau'), u.metric_date, 'all',
       round(o.eur_cost * 30 / u.mau, 4), 'EUR', 'derived: operations_metrics_daily x 30 / user_metrics_daily.mau'
FROM user_metrics_daily u
JOIN (SELECT metric_date, sum(infra_cost) AS eur_cost FROM operations_metrics_daily WHERE currency = 'EUR' GROUP BY metric_date) o
  ON o.metric_date = u.metric_date;

-- Monthly burn: monthly cost of the team members active that day (module 01/04,
-- EUR rows) + EUR infrastructure x 30
INSERT INTO daily_metrics (metric_definition_id, metric_date, dimension, value, currency, source)
SELECT (SELECT id FROM metric_definitions WHERE code = 'monthly_burn'), o.metric_date, 'all',
       COALESCE((SELECT sum(tm.monthly_cost) FROM team_members tm
                 WHERE tm.currency = 'EUR' AND tm.start_date <= o.metric_date
                   AND (tm.end_date IS NULL OR tm.end_date >= o.metric_date)), 0) + o.eur_cost * 30,
       'EUR', 'derived: team_members.monthly_cost + infrastructure'
FROM (SELECT metric_date, sum(infra_cost) AS eur_cost FROM operations_metrics_daily WHERE currency = 'EUR' GROUP BY metric_date) o;

-- Cash runway: cash at bank EUR 1,450,000 on 2026-10-01 (VIVIM plan figure), reduced by burn / 30 a day
INSERT INTO daily_metrics (metric_definition_id, metric_date, dimension, value, currency, source)
SELECT (SELECT id FROM metric_definitions WHERE code = 'cash_runway_months'), b.metric_date, 'all',
       round((1450000 - COALESCE(sum(b.value / 30) OVER (ORDER BY b.metric_date
                                                         ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)) / b.value, 2),
       NULL, 'derived: plan cash balance / monthly_burn'
FROM daily_metrics b
WHERE b.metric_definition_id = (SELECT id FROM metric_definitions WHERE code = 'monthly_burn');

-- KYC approval rate to date (module 12)
INSERT INTO daily_metrics (metric_definition_id, metric_date, dimension, value, currency, source)
SELECT (SELECT id FROM metric_definitions WHERE code = 'kyc_approval_rate'), d::date, 'all',
       round(100.0 * count(*) FILTER (WHERE k.status = 'approved') / NULLIF(count(*), 0), 2),
       NULL, 'derived: kyc_applications decided by the end of the day'
FROM generate_series(TIMESTAMP '2026-10-01', TIMESTAMP '2026-10-31', interval '1 day') AS d
JOIN kyc_applications k ON k.status IN ('approved','rejected') AND k.decided_at < (d + interval '1 day') AT TIME ZONE 'UTC'
GROUP BY d;

-- -----------------------------------------------------------------------------
-- Metric trends: weekly (Monday-Sunday, cut at 2026-10-31) and October as a
-- month, for a set of metrics, computed from the daily values. forecast = end
-- value + the period's change (naive).
-- -----------------------------------------------------------------------------
INSERT INTO metric_trends (metric_definition_id, period_type, period_start, period_end, start_value, end_value,
    change_pct, trend_direction, forecast_next_value, method)
WITH vals AS (
    SELECT 'mau' AS code, metric_date, mau::numeric AS value FROM user_metrics_daily
    UNION ALL SELECT 'dau', metric_date, dau::numeric FROM user_metrics_daily
    UNION ALL SELECT 'd7_retention', metric_date, d7_retention_pct FROM user_metrics_daily
    UNION ALL SELECT 'active_members', metric_date, active_members::numeric FROM community_metrics_daily
    UNION ALL SELECT 'infra_cost_eur', metric_date, sum(infra_cost) FROM operations_metrics_daily WHERE currency = 'EUR' GROUP BY metric_date
    UNION ALL SELECT 'agent_tasks', metric_date, sum(tasks_completed)::numeric FROM ai_agent_metrics_daily GROUP BY metric_date
), periods AS (
    SELECT 'weekly' AS period_type, w::date AS period_start, LEAST(w::date + 6, DATE '2026-10-31') AS period_end
    FROM generate_series(TIMESTAMP '2026-10-05', TIMESTAMP '2026-10-26', interval '7 days') AS w
    UNION ALL
    SELECT 'monthly', DATE '2026-10-01', DATE '2026-10-31'
), se AS (
    SELECT v.code, p.period_type, p.period_start, p.period_end,
           (SELECT v1.value FROM vals v1 WHERE v1.code = v.code AND v1.metric_date = p.period_start) AS start_value,
           (SELECT v2.value FROM vals v2 WHERE v2.code = v.code AND v2.metric_date = p.period_end) AS end_value
    FROM (SELECT DISTINCT code FROM vals) v CROSS JOIN periods p
)
SELECT md.id, se.period_type, se.period_start, se.period_end, se.start_value, se.end_value,
       round(100 * (se.end_value - se.start_value) / NULLIF(abs(se.start_value), 0), 2),
       CASE WHEN se.end_value > se.start_value THEN 'up' WHEN se.end_value < se.start_value THEN 'down' ELSE 'flat' END,
       se.end_value + (se.end_value - se.start_value), 'period_over_period'
FROM se JOIN metric_definitions md ON md.code = se.code
WHERE se.start_value IS NOT NULL AND se.end_value IS NOT NULL;

-- -----------------------------------------------------------------------------
-- Metric alerts  -- VIVIM plan figure (thresholds); trigger values from the series above
-- -----------------------------------------------------------------------------
INSERT INTO metric_alerts (code, metric_definition_id, condition, threshold_value, severity, status,
    last_triggered_at, last_value, notify_channel, owner_member_id)
SELECT a.code, md.id, a.cond, a.threshold, a.severity, a.status, a.triggered_at, a.last_value, a.channel,
       (SELECT id FROM team_members WHERE code = a.owner)
FROM (VALUES
    ('ALR-UPTIME',      'uptime_pct',         'below',            99.9,  'critical', 'resolved',     TIMESTAMPTZ '2026-10-14 10:20:00+00', 99.62,  'pagerduty', 'TM-004'),
    ('ALR-P95',         'p95_latency_ms',     'above',            800,   'warning',  'resolved',     TIMESTAMPTZ '2026-10-14 10:05:00+00', 1240,   'slack',     'TM-004'),
    ('ALR-ERRORS',      'error_rate_pct',     'above',            1.0,   'critical', 'resolved',     TIMESTAMPTZ '2026-10-14 10:07:00+00', 2.10,   'pagerduty', 'TM-019'),
    ('ALR-MAU-TARGET',  'mau',                'below',            35000, 'warning',  'active',       NULL::timestamptz,                    NULL::numeric, 'slack', 'TM-003'),
    ('ALR-AGENT-COST',  'agent_llm_cost',     'above',            3.00,  'warning',  'active',       NULL,                                 NULL,   'slack',     'TM-017'),
    ('ALR-AGENT-SUCCESS','agent_success_rate','below',            90,    'warning',  'acknowledged', TIMESTAMPTZ '2026-10-24 23:55:00+00', 86.67,  'slack',     'TM-017'),
    ('ALR-RUNWAY',      'cash_runway_months', 'below',            12,    'critical', 'active',       NULL,                                 NULL,   'email',     'TM-017'),
    ('ALR-SENTIMENT',   'community_sentiment','below',            0.40,  'info',     'muted',        NULL,                                 NULL,   'discord',   'TM-020'),
    ('ALR-KYC-RATE',    'kyc_approval_rate',  'below',            80,    'warning',  'active',       NULL,                                 NULL,   'email',     'TM-016'),
    ('ALR-SIGNUPS-DROP','new_signups',        'pct_change_below', -30,   'info',     'active',       NULL,                                 NULL,   'slack',     'TM-020')
) AS a(code, metric, cond, threshold, severity, status, triggered_at, last_value, channel, owner)
JOIN metric_definitions md ON md.code = a.metric;

-- -----------------------------------------------------------------------------
-- Dashboards  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO dashboard_configs (code, name, audience, owner_team_id, primary_metric_definition_id, metric_codes, layout,
    refresh_interval_minutes, is_public)
SELECT d.code, d.name, d.audience, (SELECT id FROM teams WHERE code = d.team),
       (SELECT id FROM metric_definitions WHERE code = d.primary_metric), d.codes, d.layout::jsonb, d.refresh, d.pub
FROM (VALUES
    ('DB-EXEC',       'Executive overview',        'executive',  'operations',       'mau',
     ARRAY['mau','dau','mrr','monthly_burn','cash_runway_months','infra_cost_per_mau'],
     '{"columns": 3, "rows": [["mau","dau","mrr"], ["monthly_burn","cash_runway_months","infra_cost_per_mau"]]}', 60, false),
    ('DB-OPS',        'Infrastructure health',     'engineering','infra-sre',        'uptime_pct',
     ARRAY['uptime_pct','p95_latency_ms','error_rate_pct','infra_cost_eur'],
     '{"columns": 2, "rows": [["uptime_pct","error_rate_pct"], ["p95_latency_ms","infra_cost_eur"]]}', 5, false),
    ('DB-COMMUNITY',  'Community health',          'community',  'community-growth', 'active_members',
     ARRAY['active_members','new_members','contributions_merged','bounty_payouts','community_sentiment'],
     '{"columns": 3, "rows": [["active_members","new_members","community_sentiment"], ["contributions_merged","bounty_payouts"]]}', 60, false),
    ('DB-DAO',        'DAO governance',            'dao',        'operations',       'voting_turnout',
     ARRAY['voting_turnout','votes_cast','unique_voters','treasury_balance'],
     '{"columns": 2, "rows": [["voting_turnout","votes_cast"], ["unique_voters","treasury_balance"]]}', 60, false),
    ('DB-COMPLIANCE', 'Compliance and KYC',        'compliance', 'legal-compliance', 'kyc_approval_rate',
     ARRAY['kyc_approval_rate','open_security_incidents','mfa_coverage_pct'],
     '{"columns": 3, "rows": [["kyc_approval_rate","open_security_incidents","mfa_coverage_pct"]]}', 240, false),
    ('DB-AGENTS',     'AI agents cost and quality','engineering','operations',       'agent_llm_cost',
     ARRAY['agent_tasks','agent_success_rate','agent_llm_cost','agent_escalations'],
     '{"columns": 2, "rows": [["agent_tasks","agent_success_rate"], ["agent_llm_cost","agent_escalations"]]}', 60, false),
    ('DB-PUBLIC',     'Public transparency page',  'public',     'community-growth', 'mau',
     ARRAY['mau','registered_users','uptime_pct','treasury_balance','dividend_pool_accrued','voting_turnout'],
     '{"columns": 3, "rows": [["mau","registered_users","uptime_pct"], ["treasury_balance","dividend_pool_accrued","voting_turnout"]]}', 1440, true)
) AS d(code, name, audience, team, primary_metric, codes, layout, refresh, pub);

-- -----------------------------------------------------------------------------
-- Report schedules  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO report_schedules (code, name, report_type, frequency, output_format, dashboard_config_id,
    primary_metric_definition_id, owner_member_id, generated_by_agent_id, recipients, last_run_at, next_run_at, is_active)
SELECT r.code, r.name, r.rtype, r.freq, r.fmt, (SELECT id FROM dashboard_configs WHERE code = r.dashboard),
       (SELECT id FROM metric_definitions WHERE code = r.metric), (SELECT id FROM team_members WHERE code = r.owner),
       (SELECT id FROM ai_agents WHERE code = r.agent), r.recipients, r.last_run, r.next_run, r.active
FROM (VALUES
    ('RPT-WEEKLY-KPI',   'Weekly KPI digest',              'kpi_digest', 'weekly',    'markdown',       'DB-EXEC',       'mau',               'TM-017', NULL,               'leadership channel',                 TIMESTAMPTZ '2026-10-26 07:00:00+00', TIMESTAMPTZ '2026-11-02 07:00:00+00', true),
    ('RPT-MONTHLY-FIN',  'Monthly cost and revenue report','financial',  'monthly',   'pdf',            'DB-EXEC',       'monthly_burn',      'TM-017', NULL,               'founders, DAO treasury signers',     TIMESTAMPTZ '2026-10-01 08:00:00+00', TIMESTAMPTZ '2026-11-02 08:00:00+00', true),
    ('RPT-DAO-MONTHLY',  'DAO treasury and governance',    'governance', 'monthly',   'html',           'DB-DAO',        'treasury_balance',  'TM-017', 'treasury-monitor', 'all community members (forum post)', TIMESTAMPTZ '2026-10-01 09:00:00+00', TIMESTAMPTZ '2026-11-02 09:00:00+00', true),
    ('RPT-OPS-WEEKLY',   'Weekly infrastructure report',   'kpi_digest', 'weekly',    'dashboard_link', 'DB-OPS',        'uptime_pct',        'TM-004', NULL,               'infra-sre team',                     TIMESTAMPTZ '2026-10-26 06:00:00+00', TIMESTAMPTZ '2026-11-02 06:00:00+00', true),
    ('RPT-COMPLIANCE-Q', 'Quarterly compliance report',    'compliance', 'quarterly', 'pdf',            'DB-COMPLIANCE', 'kyc_approval_rate', 'TM-016', 'compliance-checker','legal-compliance team, DPO',         TIMESTAMPTZ '2026-10-01 10:00:00+00', TIMESTAMPTZ '2027-01-04 10:00:00+00', true),
    ('RPT-AGENT-DAILY',  'Daily agent cost check',         'kpi_digest', 'daily',     'csv',            'DB-AGENTS',     'agent_llm_cost',    'TM-017', NULL,               'operations',                         TIMESTAMPTZ '2026-10-31 23:30:00+00', TIMESTAMPTZ '2026-11-01 23:30:00+00', true),
    ('RPT-INVESTOR-Q',   'Quarterly investor update',      'investor',   'quarterly', 'pdf',            'DB-EXEC',       'mrr',               'TM-001', NULL,               'investors and advisors',             NULL,                                 TIMESTAMPTZ '2027-01-15 09:00:00+00', false)
) AS r(code, name, rtype, freq, fmt, dashboard, metric, owner, agent, recipients, last_run, next_run, active);
