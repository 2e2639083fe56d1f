-- VIVIM cost database, seed 05: rows for modules 05 dao, 06 wiki, 07 work, 08 agents, 09 community.
--
-- Loaded after all 14 schema files and seeds 01-04, so rows may reference any module.
-- Other rows are referenced by natural key (code, slug, handle) through sub-selects.
-- Team members (seed 04) are looked up by code (TM-001 .. TM-023) and tolerated when
-- missing: the column is nullable or the row falls back (see community_members, task_assignments).
--
-- Calendar: project month 1 = January 2026 (module 03); M1 = months 1-3 … M10 = months 20-22.
-- The state recorded here is as of 2027-09-30 (end of month 21): everything earlier has
-- happened, M10 work is still running, one proposal is in its vote and one is a draft.
--
-- Figures: members, proposals, treasury movements, projects, bounties, wiki articles,
-- agents and their usage are VIVIM plan figures unless a row cites a source.
-- Sources cited as `-- src: <fact sheet> §<section> <source> [<flag>]`; the fact sheets are
-- ../shared/data/infra-llm-legal-cost-facts.md (flags P/S/E) and labor-cost-facts.md.
--
-- Deterministic "randomness" (who votes, how runs go) comes from md5 of fixed text via
-- pg_temp.h(), so every load produces the same rows. Temporary tables and the function
-- live in pg_temp and disappear at the end of the session.

SET client_min_messages = warning;

CREATE FUNCTION pg_temp.h(t text) RETURNS integer
LANGUAGE sql IMMUTABLE AS $$ SELECT ('x' || substr(md5(t), 1, 7))::bit(28)::integer $$;

-- =====================================================================================
-- 09 community: members (first, because DAO, wiki and work rows refer to them)
-- =====================================================================================
-- VIVIM plan figure: 42 members by 2027-09 (one suspended, one left); 14 of them on staff,
-- linked to team_members of seed 04 by code (chosen to match their role and team).
-- vgt = governance tokens held (VGT), used for voting power; token balances proper live
-- in module 11 (token_holdings). Staff display names come from team_members.full_name.
CREATE TEMP TABLE tmp_member (
    handle text PRIMARY KEY, fallback_name text, tm_code text, member_type text,
    joined date, location_code text, country char(2), status text, left_on date, vgt numeric, bio text);
INSERT INTO tmp_member VALUES  -- VIVIM plan figure
 ('tramuntana',    'Joan Ferrer Vidal',         'TM-001','core_team','2026-01-05','ES-PMI','ES','active',NULL,120000,'Founder, platform lead'),
 ('etna_dev',      'Marta Pons Serra',          'TM-002','core_team','2026-01-05','IT-CTA','IT','active',NULL,110000,'Backend, ACU pipeline'),
 ('gozo-ops',      'Stephanie Grech',    'TM-017','core_team','2026-01-12','MT-VLT','MT','active',NULL, 95000,'Operations and DAO treasury signer'),
 ('serra_ml',      'Salvatore Greco',           'TM-008','core_team','2026-01-19','ES-PMI','ES','active',NULL, 90000,'ML research, context engine'),
 ('ortigia',       'Daniel Camilleri',        'TM-003','core_team','2026-02-02','IT-PMO','IT','active',NULL, 80000,'Product lead, Compose'),
 ('spree-sec',     'Karl Vella',          'TM-015','core_team','2026-02-09','DE-BER','DE','active',NULL, 75000,'Security engineering'),
 ('mdina',         'Rebecca Azzopardi',           'TM-007','core_team','2026-03-02','MT-SLM','MT','active',NULL, 70000,'Legal counsel'),
 ('dragonera',     'Elena Debono',           'TM-020','core_team','2026-03-16','ES-PMI','ES','active',NULL, 65000,'Community lead'),
 ('catania-sre',   'Lucia Amengual Roig',         'TM-004','core_team','2026-04-06','IT-CTA','IT','active',NULL, 60000,'DevOps and SRE'),
 ('thames-pm',     'Alessandra Puglisi',           'TM-023','core_team','2026-05-04','GB-LON','GB','active',NULL, 55000,'Product management, revenue'),
 ('soller-design', 'Francesca Lo Bue',            'TM-009','core_team','2026-06-01','ES-PMI','ES','active',NULL, 50000,'Frontend and design system'),
 ('kalsa-legal',   'Maria Borg',    'TM-016','core_team','2026-08-03','IT-PMO','IT','active',NULL, 45000,'Privacy and compliance officer'),
 ('valletta-ml',   'Antonino Messina',       'TM-012','core_team','2026-10-05','MT-VLT','MT','active',NULL, 40000,'ML engineer, training pipeline'),
 ('palma-data',    'Chiara Barbagallo',        'TM-011','core_team','2027-01-11','ES-PMI','ES','active',NULL, 35000,'Data scientist, revenue analytics'),
 ('nodewright',    'Ana Ferreira',        NULL,'contributor','2026-02-16',NULL,'PT','active',NULL, 38000,'Rust and sync engines'),
 ('bytebaker',     'Tomasz Nowak',        NULL,'contributor','2026-02-23',NULL,'PL','active',NULL, 22000,'Full-stack TypeScript'),
 ('posidonia',     'Elena Pons',          NULL,'contributor','2026-03-09','ES-PMI','ES','active',NULL, 26000,'Technical writer'),
 ('ragu_rust',     'Salvo Marino',        NULL,'contributor','2026-03-23','IT-CTA','IT','active',NULL, 30000,'Systems programmer'),
 ('sliema-sky',    'Rachel Vella',        NULL,'user',       '2026-04-06','MT-SLM','MT','active',NULL,  4000,'Early user'),
 ('kernelkat',     'Katarina Horvat',     NULL,'contributor','2026-04-20',NULL,'HR','active',NULL, 24000,'Security researcher'),
 ('lowtide',       'Jonas Becker',        NULL,'contributor','2026-05-04','DE-BER','DE','active',NULL, 18000,'Data engineering'),
 ('oliveoil_ops',  'Nikos Papadakis',     NULL,'contributor','2026-05-18',NULL,'GR','active',NULL, 15000,'DevOps'),
 ('moka',          'Chiara Bellini',      NULL,'contributor','2026-06-01',NULL,'IT','active',NULL, 16000,'Frontend, Italian localisation'),
 ('fjordfox',      'Ingrid Lund',         NULL,'user',       '2026-06-15',NULL,'NO','active',NULL,  6000,'Power user'),
 ('paella.dev',    'Jordi Puig',          NULL,'contributor','2026-06-29',NULL,'ES','active',NULL, 14000,'Mobile developer'),
 ('valletta-vibes','Mark Azzopardi',      NULL,'user',       '2026-07-13','MT-VLT','MT','active',NULL,  3000,'Community meetup host'),
 ('quietquant',    'Amelie Laurent',      NULL,'contributor','2026-07-27',NULL,'FR','active',NULL, 20000,'ML evaluation'),
 ('dublin_data',   'Ciaran Walsh',        NULL,'contributor','2026-08-10',NULL,'IE','active',NULL, 12000,'Analytics engineer'),
 ('tulipstack',    'Daan de Vries',       NULL,'contributor','2026-08-24',NULL,'NL','active',NULL, 11000,'Infrastructure as code'),
 ('sfo-advisor',   'Priya Raman',         NULL,'advisor',    '2026-03-01','US-SFO','US','active',NULL, 50000,'Advisor, data-dividend economics'),
 ('ngi-partner',   'Open Data Lab Palermo',NULL,'partner',   '2026-05-01','IT-PMO','IT','active',NULL, 30000,'University partner lab'),
 ('alpine_ai',     'Lukas Gruber',        NULL,'contributor','2026-09-07',NULL,'AT','active',NULL, 13000,'Fine-tuning pipelines'),
 ('sirocco',       'Yasmin Haddad',       NULL,'user',       '2026-09-21',NULL,'MT','active',NULL,  5000,'Maltese translation'),
 ('cantina',       'Beatriz Costa',       NULL,'contributor','2026-10-05',NULL,'PT','active',NULL,  9000,'Payments integration'),
 ('londonfog',     'Oliver Grant',        NULL,'user',       '2026-10-19','GB-LON','GB','active',NULL,  2500,'User'),
 ('pixelmonk',     'Hugo Martin',         NULL,'contributor','2026-11-02',NULL,'FR','active',NULL,  8000,'UI design'),
 ('marsala',       'Rosa Lombardo',       NULL,'contributor','2026-11-16',NULL,'IT','active',NULL,  7000,'QA automation'),
 ('tramontane',    'Marc Fabre',          NULL,'user',       '2026-12-07',NULL,'FR','active',NULL,  2000,'User'),
 ('baltic_byte',   'Liis Tamm',           NULL,'contributor','2027-01-11',NULL,'EE','active',NULL,  6000,'Smart contracts'),
 ('ibiza-beat',    'Carla Ribas',         NULL,'user',       '2027-02-08',NULL,'ES','active',NULL,  1500,'User'),
 ('spambot9000',   'Spam Account',        NULL,'user',       '2026-10-01',NULL,NULL,'suspended',NULL, 500,'Suspended for spam'),
 ('quiet-leaver',  'Paolo Conti',         NULL,'contributor','2026-04-13',NULL,'IT','inactive','2027-03-31',10000,'Former contributor');

INSERT INTO community_members
    (handle, display_name, team_member_id, member_type, status, location_id, country_code,
     joined_on, left_on, wallet_address, bio)
SELECT m.handle,
       COALESCE(tm.full_name, m.fallback_name),
       tm.id,
       -- core_team needs a team member; if seed 04 has no such code the person is a contributor
       CASE WHEN m.member_type = 'core_team' AND tm.id IS NULL THEN 'contributor' ELSE m.member_type END,
       m.status,
       COALESCE(tm.location_id, (SELECT id FROM locations WHERE code = m.location_code)),
       COALESCE((SELECT l.country_code FROM locations l WHERE l.id = tm.location_id), m.country),
       -- a person can join the community before being hired
       LEAST(m.joined, COALESCE(tm.start_date, m.joined)),
       m.left_on,
       CASE WHEN m.status <> 'suspended'
            THEN '0x' || md5(m.handle) || substr(md5('vivim:' || m.handle), 1, 8) END,
       m.bio
FROM tmp_member m
LEFT JOIN team_members tm ON tm.code = m.tm_code
ORDER BY m.joined, m.handle;

-- =====================================================================================
-- 05 dao
-- =====================================================================================
INSERT INTO dao_proposal_categories
    (code, name, description, quorum_pct, pass_threshold_pct, voting_period_days, max_request_amount) VALUES  -- VIVIM plan figure
 ('governance',      'Governance',        'Charter, voting rules, signers, policies',               20.00, 66.67, 14, NULL),
 ('protocol-change', 'Protocol change',   'Changes to the VIVIM protocol or platform defaults',     20.00, 66.67, 10, NULL),
 ('treasury-grant',  'Treasury grant',    'Moves funds to the grants treasury for bounty rounds',   10.00, 50.00,  7, 100000),
 ('budget',          'Budget request',    'Pays an external service from the main treasury',        10.00, 50.00,  7,  50000),
 ('partnership',     'Partnership',       'Agreements with universities, companies, other DAOs',    10.00, 60.00,  7,  50000),
 ('community',       'Community',         'Community programmes, events and translations',           5.00, 50.00,  5,  15000);

INSERT INTO dao_treasuries
    (code, name, description, treasury_type, currency, opening_balance, opened_on, token_symbol,
     opening_token_balance, wallet_address, multisig_threshold, multisig_signers, low_balance_alert) VALUES  -- VIVIM plan figure
 ('main-treasury',    'VIVIM DAO main treasury',  'Receives the seed allocation, grants and the platform revenue share; pays approved budgets',
    'main', 'EUR', 0, '2026-02-02', 'VGT', 0, '0x' || md5('main-treasury') || substr(md5('vivim:main-treasury'),1,8), 3, 5, 50000),
 ('grants',           'Grants and bounties',      'Funded by treasury-grant proposals; pays bounties in EUR and VWT work tokens',
    'grants', 'EUR', 0, '2026-04-01', 'VWT', 0, '0x' || md5('grants') || substr(md5('vivim:grants'),1,8), 2, 3, 5000),
 ('dividend-reserve', 'User dividend reserve',    'Holds the 70% user share of platform revenue until monthly dividend payout (M10)',
    'dividend_reserve', 'EUR', 0, '2027-06-01', NULL, 0, '0x' || md5('dividend-reserve') || substr(md5('vivim:dividend-reserve'),1,8), 3, 5, NULL);

-- Proposals. Eligible voting power = VGT held by members who had joined when the vote opened,
-- times 1.5 for tokens held outside the member list (VIVIM plan assumption).
CREATE TEMP TABLE tmp_proposal (
    code text PRIMARY KEY, title text, category text, milestone text, treasury text, proposer text,
    status text, amount numeric, token_symbol text, tokens numeric, submitted date,
    vote_start timestamptz, vote_end timestamptz, executed date, summary text,
    participation int, for_pct int, against_pct int);  -- last three drive the generated votes
INSERT INTO tmp_proposal VALUES  -- VIVIM plan figure (amounts sourced where noted)
 ('VIP-001','Ratify the VIVIM DAO charter and multisig signers','governance','M1',NULL,'tramuntana','executed',0,NULL,0,
   '2026-03-02','2026-03-09 09:00+00','2026-03-23 09:00+00','2026-03-24','Adopts the charter, a 3-of-5 multisig for the main treasury and the proposal categories.',85,92,4),
 ('VIP-002','Open the grants treasury and fund bounty round 1','treasury-grant','M2','main-treasury','dragonera','executed',15000,NULL,0,
   '2026-04-06','2026-04-13 09:00+00','2026-04-20 09:00+00','2026-05-04','Moves EUR 15,000 to the grants treasury for ACU, Compose, Context and wiki bounties.',75,88,6),
 ('VIP-003','Adopt BYOK as the default for LLM access','protocol-change','M2',NULL,'etna_dev','passed',0,NULL,0,
   '2026-04-20','2026-04-27 09:00+00','2026-05-07 09:00+00',NULL,'Users bring their own LLM API keys; VIVIM does not resell tokens.',70,85,10),
 ('VIP-004','External security review of the ACU data pipeline','budget','M3','main-treasury','spree-sec','executed',24000,NULL,0,
   '2026-05-25','2026-06-01 09:00+00','2026-06-08 09:00+00','2026-06-15','Fixed-fee penetration test and code review before Compose launches.',65,80,12),
 ('VIP-005','Community translation programme (ES, IT, MT)','community','M5','grants','posidonia','executed',6000,'VWT',150000,
   '2026-08-10','2026-08-17 09:00+00','2026-08-22 09:00+00','2026-09-01','Translation bounties for Spanish, Italian and Maltese UI and wiki.',55,90,3),
 ('VIP-006','Move vector search from Pinecone to self-hosted pgvector','protocol-change','M4',NULL,'lowtide','rejected',0,NULL,0,
   '2026-06-29','2026-07-06 09:00+00','2026-07-16 09:00+00',NULL,'Self-host vector search on Hetzner to cut Pinecone read-unit costs.',70,45,45),
 ('VIP-007','DPIA for the Consent module','budget','M6','main-treasury','kalsa-legal','executed',6000,NULL,0,
   -- src: infra-llm-legal §4.3 DPIA cost 30-40 h x EUR 100-200/h = EUR 3,000-8,000 [E]
   '2026-09-28','2026-10-05 09:00+00','2026-10-12 09:00+00','2026-10-20','External data-protection impact assessment before consent receipts go live.',60,86,8),
 ('VIP-008','Fund bounty round 2 (Social, Consent, Scale)','treasury-grant','M6','main-treasury','dragonera','executed',20000,NULL,0,
   '2026-10-26','2026-11-02 09:00+00','2026-11-09 09:00+00','2026-11-16','Second transfer to the grants treasury.',65,84,9),
 ('VIP-009','EU AI Act transparency review for VIVIM agents','budget','M7','main-treasury','mdina','executed',12000,NULL,0,
   -- src: infra-llm-legal §4.5 limited-risk estimate EUR 5k-20k one-off [E]
   '2026-11-30','2026-12-07 09:00+00','2026-12-14 09:00+00','2027-01-11','Legal review, disclosure UX and documentation for the limited-risk agents.',58,82,10),
 ('VIP-010','Training-data curation partnership with a Maltese university','partnership','M8','main-treasury','ngi-partner','rejected',18000,NULL,0,
   '2027-02-08','2027-02-15 09:00+00','2027-02-22 09:00+00',NULL,'Funds two research assistants to curate consented training data.',8,70,20),
 ('VIP-011','SOC 2 Type I readiness and audit','budget','M7','main-treasury','gozo-ops','executed',30000,NULL,0,
   -- src: infra-llm-legal §4.4 SOC 2 Type I audit fee USD 15k-40k (strac.io) [S]; EUR amount is the VIVIM budget line
   '2027-02-22','2027-03-01 09:00+00','2027-03-08 09:00+00','2027-04-05','Boutique-auditor Type I report ahead of enterprise pilots.',62,78,14),
 ('VIP-012','Fund bounty round 3 (Training, Revenue, Dividend)','treasury-grant','M8','main-treasury','dragonera','executed',20000,NULL,0,
   '2027-03-29','2027-04-05 09:00+00','2027-04-12 09:00+00','2027-04-19','Third transfer to the grants treasury.',60,83,8),
 ('VIP-013','Dividend policy: 70/30 split and monthly user reserve','governance','M9','main-treasury','sfo-advisor','executed',20000,NULL,0,
   '2027-05-31','2027-06-07 09:00+00','2027-06-21 09:00+00','2027-07-01','Confirms the 70% user / 30% platform split and seeds the dividend reserve with EUR 20,000.',72,87,6),
 ('VIP-014','Raise the community-category quorum from 5% to 8%','governance','M10',NULL,'thames-pm','voting',0,NULL,0,
   '2027-09-20','2027-09-27 09:00+00','2027-10-11 09:00+00',NULL,'Community proposals passed with very low turnout; raise the bar.',35,60,30),
 ('VIP-015','Upgrade the forum moderator agent to a larger model','budget','M10','main-treasury','dragonera','draft',600,NULL,0,
   '2027-09-28',NULL,NULL,NULL,'Raises the moderator budget from USD 8 to USD 40 a month for fewer false flags, plus an evaluation; in discussion.',0,0,0);

INSERT INTO dao_proposals
    (code, title, summary, dao_proposal_category_id, milestone_id, dao_treasury_id, proposer_member_id, status,
     requested_amount, requested_token_amount, token_symbol, submitted_on, voting_starts_at, voting_ends_at,
     eligible_voting_power, quorum_pct, pass_threshold_pct, executed_on, discussion_url)
SELECT p.code, p.title, p.summary,
       c.id,
       (SELECT id FROM milestones WHERE code = p.milestone),
       (SELECT id FROM dao_treasuries WHERE code = p.treasury),
       (SELECT id FROM community_members WHERE handle = p.proposer),
       p.status, p.amount, p.tokens, p.token_symbol, p.submitted, p.vote_start, p.vote_end,
       CASE WHEN p.vote_start IS NOT NULL THEN
            (SELECT round(sum(m.vgt) * 1.5, -3) FROM tmp_member m
             WHERE m.joined <= p.vote_start::date AND m.status <> 'suspended') END,
       c.quorum_pct, c.pass_threshold_pct, p.executed,
       'https://forum.vivim.example/t/' || lower(p.code)
FROM tmp_proposal p
JOIN dao_proposal_categories c ON c.code = p.category
ORDER BY p.code;

-- Delegations of VGT voting power (VIVIM plan figure). Power = the delegator's holding.
CREATE TEMP TABLE tmp_delegation (delegator text, delegate text, category text, valid_from date, valid_to date, reason text);
INSERT INTO tmp_delegation VALUES
 ('sliema-sky',     'dragonera',  NULL,              '2026-04-10', NULL, NULL),
 ('fjordfox',       'tramuntana', NULL,              '2026-06-20', NULL, NULL),
 ('valletta-vibes', 'gozo-ops',   NULL,              '2026-07-15', NULL, NULL),
 ('londonfog',      'thames-pm',  NULL,              '2026-10-25', NULL, NULL),
 ('tramontane',     'pixelmonk',  NULL,              '2026-12-10', '2027-05-31', 'Delegate stepped back from governance'),
 ('tramontane',     'dragonera',  NULL,              '2027-06-01', NULL, NULL),
 ('ibiza-beat',     'posidonia',  'community',       '2027-02-10', NULL, NULL),
 ('sirocco',        'mdina',      'budget',          '2026-09-25', NULL, NULL),
 ('quiet-leaver',   'etna_dev',   NULL,              '2026-11-01', '2027-03-31', 'Delegator left the community'),
 ('dublin_data',    'serra_ml',   'protocol-change', '2026-08-15', NULL, NULL);
INSERT INTO dao_delegations
    (delegator_member_id, delegate_member_id, dao_proposal_category_id, voting_power, token_symbol, valid_from, valid_to, revoked_reason)
SELECT (SELECT id FROM community_members WHERE handle = d.delegator),
       (SELECT id FROM community_members WHERE handle = d.delegate),
       (SELECT id FROM dao_proposal_categories WHERE code = d.category),
       m.vgt, 'VGT', d.valid_from, d.valid_to, d.reason
FROM tmp_delegation d JOIN tmp_member m ON m.handle = d.delegator
ORDER BY d.valid_from, d.delegator;

-- Votes, generated: a member votes when joined (and not yet left) before the vote opened,
-- has not delegated for that category at that time, and the per-proposal participation draw
-- says so. Choice follows the proposal's for/against split. Voting power = own VGT + VGT
-- delegated to the voter at the opening of the vote. VIVIM plan figure.
INSERT INTO dao_votes (dao_proposal_id, community_member_id, choice, voting_power, delegated_power, cast_at, rationale)
SELECT dp.id, cm.id,
       CASE WHEN pg_temp.h(p.code || ':c:' || m.handle) % 100 < p.for_pct THEN 'for'
            WHEN pg_temp.h(p.code || ':c:' || m.handle) % 100 < p.for_pct + p.against_pct THEN 'against'
            ELSE 'abstain' END,
       m.vgt + COALESCE(dg.power, 0),
       COALESCE(dg.power, 0),
       -- within the voting window, and not after the data date for the vote still open
       p.vote_start + make_interval(hours => pg_temp.h(p.code || ':t:' || m.handle)
                                        % GREATEST(1, (extract(epoch FROM (LEAST(p.vote_end, timestamptz '2027-09-30 23:00+00')
                                                                           - p.vote_start)) / 3600)::int - 1)),
       NULL
FROM tmp_proposal p
JOIN dao_proposals dp            ON dp.code = p.code
JOIN dao_proposal_categories pc  ON pc.id = dp.dao_proposal_category_id
JOIN tmp_member m                ON m.joined <= p.vote_start::date
                                AND (m.left_on IS NULL OR m.left_on > p.vote_start::date)
                                AND m.status <> 'suspended'
JOIN community_members cm        ON cm.handle = m.handle
LEFT JOIN LATERAL (
    SELECT sum(d.voting_power) AS power
    FROM dao_delegations d
    WHERE d.delegate_member_id = cm.id
      AND d.valid_from <= p.vote_start::date AND (d.valid_to IS NULL OR d.valid_to >= p.vote_start::date)
      AND (d.dao_proposal_category_id IS NULL OR d.dao_proposal_category_id = pc.id)
) dg ON true
WHERE p.vote_start IS NOT NULL
  AND pg_temp.h(p.code || ':p:' || m.handle) % 100 < p.participation
  AND NOT EXISTS (
        SELECT 1 FROM dao_delegations d
        WHERE d.delegator_member_id = cm.id
          AND d.valid_from <= p.vote_start::date AND (d.valid_to IS NULL OR d.valid_to >= p.vote_start::date)
          AND (d.dao_proposal_category_id IS NULL OR d.dao_proposal_category_id = pc.id))
ORDER BY p.code, m.handle;

UPDATE dao_votes v SET rationale = x.rationale
FROM (VALUES
  ('VIP-006','lowtide',    'Pinecone read units are our fastest-growing line; pgvector on Hetzner is enough below 100k users.'),
  ('VIP-006','serra_ml',   'Recall drops on our eval set with pgvector HNSW at current settings; revisit after M7.'),
  ('VIP-010','gozo-ops',   'Good idea, but the budget overlaps the M8 training data line already planned.'),
  ('VIP-013','sfo-advisor','Same split as the dividend policy in the cost model; reserve smooths monthly payouts.'),
  ('VIP-004','spree-sec',  'An external review is cheaper before launch than after an incident.')
) AS x(code, handle, rationale)
WHERE v.dao_proposal_id = (SELECT id FROM dao_proposals WHERE code = x.code)
  AND v.community_member_id = (SELECT id FROM community_members WHERE handle = x.handle);

-- Treasury movements (without bounty payouts, which follow the work module below).
CREATE TEMP TABLE tmp_tx (code text, treasury text, direction text, ttype text, amount numeric, token_symbol text,
                          tokens numeric, tdate date, proposal text, milestone text, counterparty text, description text);
INSERT INTO tmp_tx VALUES
 -- VIVIM plan figure: seed allocation from the company and genesis token allocations
 ('TX-0001','main-treasury','inflow','capital_contribution',250000,NULL,0,'2026-02-02',NULL,'M1','VIVIM founders','Seed allocation to the DAO'),
 ('TX-0031','main-treasury','inflow','capital_contribution',0,'VGT',10000000,'2026-03-02',NULL,'M1','VIVIM token generation event','10M VGT ecosystem reserve at the TGE (seed 07)'),
 ('TX-0002','grants','inflow','capital_contribution',0,'VWT',2000000,'2026-04-01',NULL,'M2','VIVIM token genesis','2M VWT work-token allocation for bounties'),
 ('TX-0003','main-treasury','inflow','grant_received',60000,NULL,0,'2026-06-30',NULL,'M3','EU open-internet grant programme','Public grant for user-owned data infrastructure (assumed award)'),
 ('TX-0004','main-treasury','outflow','internal_transfer',15000,NULL,0,'2026-05-04','VIP-002','M2','grants','Bounty round 1'),
 ('TX-0005','grants','inflow','internal_transfer',15000,NULL,0,'2026-05-04','VIP-002','M2','main-treasury','Bounty round 1'),
 ('TX-0006','main-treasury','outflow','proposal_disbursement',24000,NULL,0,'2026-06-15','VIP-004','M3','External security firm','ACU pipeline security review'),
 ('TX-0007','grants','outflow','proposal_disbursement',1500,NULL,0,'2026-09-01','VIP-005','M5','Translation reviewers','Glossary and review for ES/IT/MT translations'),
 ('TX-0008','main-treasury','outflow','proposal_disbursement',6000,NULL,0,'2026-10-20','VIP-007','M6','Data-protection consultancy','DPIA for the Consent module'),
 ('TX-0009','main-treasury','outflow','internal_transfer',20000,NULL,0,'2026-11-16','VIP-008','M6','grants','Bounty round 2'),
 ('TX-0010','grants','inflow','internal_transfer',20000,NULL,0,'2026-11-16','VIP-008','M6','main-treasury','Bounty round 2'),
 ('TX-0011','main-treasury','outflow','proposal_disbursement',12000,NULL,0,'2027-01-11','VIP-009','M7','AI Act counsel','AI Act transparency review'),
 ('TX-0012','main-treasury','outflow','proposal_disbursement',30000,NULL,0,'2027-04-05','VIP-011','M7','SOC 2 audit firm','SOC 2 Type I readiness and audit'),
 ('TX-0013','main-treasury','outflow','internal_transfer',20000,NULL,0,'2027-04-19','VIP-012','M8','grants','Bounty round 3'),
 ('TX-0014','grants','inflow','internal_transfer',20000,NULL,0,'2027-04-19','VIP-012','M8','main-treasury','Bounty round 3'),
 -- VIVIM plan figure: LLM credits for the agents (v_agent_run_costs: roughly USD 50-80 a month), topped up quarterly
 ('TX-0015','main-treasury','outflow','operating_expense',150,NULL,0,'2026-10-01',NULL,'M6','LLM API providers','Agent LLM credits Q4-2026'),
 ('TX-0016','main-treasury','outflow','operating_expense',180,NULL,0,'2027-01-04',NULL,'M7','LLM API providers','Agent LLM credits Q1-2027'),
 ('TX-0017','main-treasury','outflow','operating_expense',210,NULL,0,'2027-04-01',NULL,'M8','LLM API providers','Agent LLM credits Q2-2027'),
 ('TX-0018','main-treasury','outflow','operating_expense',240,NULL,0,'2027-07-01',NULL,'M9','LLM API providers','Agent LLM credits Q3-2027'),
 -- VIVIM plan figure: 30% platform share of revenue arrives from M9 (Revenue)
 ('TX-0019','main-treasury','inflow','revenue_share',8400,NULL,0,'2027-06-30',NULL,'M9','VIVIM platform','Platform share of June revenue'),
 ('TX-0020','main-treasury','inflow','revenue_share',11200,NULL,0,'2027-07-31',NULL,'M9','VIVIM platform','Platform share of July revenue'),
 ('TX-0021','main-treasury','inflow','revenue_share',14900,NULL,0,'2027-08-31',NULL,'M9','VIVIM platform','Platform share of August revenue'),
 ('TX-0022','main-treasury','outflow','internal_transfer',20000,NULL,0,'2027-07-01','VIP-013','M9','dividend-reserve','Seed the dividend reserve'),
 ('TX-0023','dividend-reserve','inflow','internal_transfer',20000,NULL,0,'2027-07-01','VIP-013','M9','main-treasury','Seed the dividend reserve'),
 -- VIVIM plan figure: 70% user share flows to the reserve, first dividends paid in M10
 ('TX-0024','dividend-reserve','inflow','revenue_share',19600,NULL,0,'2027-06-30',NULL,'M9','VIVIM platform','User share (70%) of June revenue'),
 ('TX-0025','dividend-reserve','inflow','revenue_share',26100,NULL,0,'2027-07-31',NULL,'M9','VIVIM platform','User share (70%) of July revenue'),
 ('TX-0026','dividend-reserve','inflow','revenue_share',34800,NULL,0,'2027-08-31',NULL,'M10','VIVIM platform','User share (70%) of August revenue'),
 ('TX-0027','dividend-reserve','outflow','dividend_distribution',38500,NULL,0,'2027-08-31',NULL,'M10','VIVIM users','First monthly user dividend (June-July revenue)'),
 ('TX-0028','dividend-reserve','outflow','dividend_distribution',31000,NULL,0,'2027-09-30',NULL,'M10','VIVIM users','Monthly user dividend (August revenue)'),
 ('TX-0029','main-treasury','inflow','refund',2400,NULL,0,'2027-05-10','VIP-011','M8','SOC 2 audit firm','Unused readiness hours refunded'),
 ('TX-0030','main-treasury','outflow','operating_expense',4200,NULL,0,'2027-09-15',NULL,'M10','Multisig and custody provider','Annual custody and multisig tooling');
INSERT INTO treasury_transactions
    (code, dao_treasury_id, direction, transaction_type, amount, currency, token_symbol, token_amount,
     transaction_date, dao_proposal_id, milestone_id, counterparty, tx_hash, description)
SELECT x.code, (SELECT id FROM dao_treasuries WHERE code = x.treasury), x.direction, x.ttype, x.amount, 'EUR',
       x.token_symbol, x.tokens, x.tdate,
       (SELECT id FROM dao_proposals WHERE code = x.proposal),
       (SELECT id FROM milestones WHERE code = x.milestone),
       x.counterparty, '0x' || md5(x.code) || md5('tx:' || x.code), x.description
FROM tmp_tx x ORDER BY x.code;

-- =====================================================================================
-- 06 wiki (revisions by agents are added after the agents exist, in the 08 block)
-- =====================================================================================
INSERT INTO wiki_spaces (slug, name, description, visibility, owner_team_id, ai_assistance, created_on) VALUES  -- VIVIM plan figure
 ('handbook',        'Company handbook',        'How VIVIM works: onboarding, roles, rituals',           'public',   (SELECT id FROM teams WHERE code = 'operations'),       'suggest',    '2026-01-12'),
 ('architecture',    'Architecture',            'ACU, Compose, Context engine, sync and storage',        'public',   (SELECT id FROM teams WHERE code = 'core-platform'),    'draft',      '2026-01-19'),
 ('governance',      'DAO governance',          'Charter, proposal process, treasury reports',           'public',   (SELECT id FROM teams WHERE code = 'community-growth'), 'suggest',    '2026-03-02'),
 ('ai-agents',       'AI agents',               'What each agent does, its limits and runbooks',         'members',  (SELECT id FROM teams WHERE code = 'infra-sre'),        'autonomous', '2026-06-01'),
 ('compliance',      'Compliance and privacy',  'GDPR, consent, AI Act, SOC 2 evidence',                 'internal', (SELECT id FROM teams WHERE code = 'legal-compliance'), 'suggest',    '2026-05-04'),
 ('community-guides','Community guides',        'Bounties, contributing, translations, FAQ',             'public',   (SELECT id FROM teams WHERE code = 'community-growth'), 'draft',      '2026-04-06');

CREATE TEMP TABLE tmp_article (slug text, space text, title text, atype text, status text, author text, milestone text,
                               ai_pct numeric, words int, views int, drafted date, published date, summary text);
INSERT INTO tmp_article VALUES  -- VIVIM plan figure
 ('onboarding-guide',          'handbook',        'Onboarding guide',                          'guide',          'published','gozo-ops',     'M1', 20, 2400, 1850,'2026-01-14','2026-01-30','First two weeks at VIVIM'),
 ('remote-work-policy',        'handbook',        'Remote work and hubs in Palma, Catania and Malta','reference', 'published','gozo-ops',     'M1', 10, 1300,  960,'2026-02-02','2026-02-16','Hub locations, coworking, travel'),
 ('engineering-rituals',       'handbook',        'Engineering rituals',                       'guide',          'published','etna_dev',     'M2', 35, 1100,  640,'2026-03-09','2026-03-20','Planning, demos, incident reviews'),
 ('acu-architecture',          'architecture',    'ACU: atomic content units',                 'spec',           'published','etna_dev',     'M2', 15, 5200, 2300,'2026-02-16','2026-04-10','Data model and storage of ACUs'),
 ('compose-pipeline',          'architecture',    'Compose pipeline',                          'spec',           'published','ortigia',      'M3', 25, 4100, 1420,'2026-05-04','2026-06-26','How user content is composed and rendered'),
 ('context-engine',            'architecture',    'Context engine and retrieval',              'spec',           'published','serra_ml',     'M4', 30, 6300, 1980,'2026-06-08','2026-08-21','Embedding, retrieval, ranking'),
 ('vector-store-decision',     'architecture',    'ADR-007: keep Pinecone for vector search',  'decision_record','published','serra_ml',     'M4', 40,  900,  730,'2026-07-17','2026-07-24','Outcome of VIP-006'),
 ('sync-protocol',             'architecture',    'Sync protocol v1',                          'spec',           'in_review','nodewright',   'M7', 20, 3800,  210,'2027-01-18',NULL,        'Multi-device sync design'),
 ('scaling-runbook',           'architecture',    'Scaling runbook to 100k users',             'runbook',        'published','catania-sre',  'M7', 45, 2900,  870,'2027-01-04','2027-03-12','Capacity steps U25K to U100K'),
 ('dao-charter',               'governance',      'DAO charter',                               'reference',      'published','tramuntana',   'M1', 10, 3500, 2600,'2026-02-23','2026-03-24','Charter as ratified by VIP-001'),
 ('proposal-process',          'governance',      'How to write and pass a proposal',          'guide',          'published','dragonera',    'M2', 50, 1800, 1740,'2026-03-30','2026-04-14','Categories, quorum, thresholds'),
 ('treasury-report-2026',      'governance',      'Treasury report 2026',                      'report',         'published','gozo-ops',     'M7', 70, 2100,  990,'2027-01-05','2027-01-20','Inflows, outflows and balances for 2026'),
 ('dividend-policy-explained', 'governance',      'The user dividend, explained',              'faq',            'published','sfo-advisor',  'M9', 35, 1600, 3100,'2027-06-01','2027-07-05','70/30 split and monthly payouts'),
 ('wiki-curator-runbook',      'ai-agents',       'Wiki curator agent runbook',                'runbook',        'published','catania-sre',  'M5', 60, 1200,  320,'2026-08-03','2026-08-28','What the curator may change on its own'),
 ('agent-cost-controls',       'ai-agents',       'Agent budgets and cost alerts',             'guide',          'published','palma-data',   'M8', 55, 1500,  410,'2027-02-15','2027-03-05','Monthly budgets, alert thresholds'),
 ('moderator-agent-policy',    'ai-agents',       'Forum moderator agent policy',              'reference',      'draft',    'dragonera',    'M10',65,  800,   40,'2027-09-13',NULL,        'Scope of automated moderation'),
 ('gdpr-records-of-processing','compliance',      'GDPR records of processing',                'reference',      'published','kalsa-legal',  'M6', 15, 2700,  150,'2026-09-07','2026-10-02','Art. 30 records'),
 ('consent-dpia-summary',      'compliance',      'Consent module DPIA summary',               'report',         'published','kalsa-legal',  'M6', 30, 1900,  260,'2026-10-21','2026-11-13','Outcome of the DPIA funded by VIP-007'),
 ('ai-act-transparency',       'compliance',      'AI Act transparency notices',               'reference',      'published','mdina',        'M7', 25, 1400,  230,'2027-01-12','2027-02-04','Art. 50 notices for agents and features'),
 ('soc2-evidence-index',       'compliance',      'SOC 2 evidence index',                      'reference',      'archived', 'gozo-ops',     'M7', 40, 1100,   90,'2027-02-01','2027-03-01','Superseded by the auditor portal'),
 ('contributing',              'community-guides','Contributing to VIVIM',                     'guide',          'published','posidonia',    'M2', 30, 2000, 2900,'2026-04-06','2026-04-24','Repos, PRs, code of conduct'),
 ('bounty-faq',                'community-guides','Bounty FAQ',                                'faq',            'published','posidonia',    'M2', 45, 1300, 3400,'2026-04-27','2026-05-05','Claiming, review, payout'),
 ('translation-style-guide',   'community-guides','Translation style guide (ES, IT, MT)',      'guide',          'published','moka',         'M5', 20, 1700,  520,'2026-09-02','2026-09-18','Terminology and tone'),
 ('glossary',                  'community-guides','Glossary',                                  'glossary',       'published','posidonia',    'M3', 55,  900, 1200,'2026-05-11','2026-05-20','ACU, VGT, VWT and other terms');
INSERT INTO wiki_articles
    (slug, wiki_space_id, title, summary, article_type, status, author_member_id, milestone_id,
     ai_generated_pct, word_count, view_count, first_drafted_on, published_on)
SELECT a.slug, s.id, a.title, a.summary, a.atype, a.status,
       (SELECT id FROM community_members WHERE handle = a.author),
       (SELECT id FROM milestones WHERE code = a.milestone),
       a.ai_pct, a.words, a.views, a.drafted, a.published
FROM tmp_article a JOIN wiki_spaces s ON s.slug = a.space
ORDER BY a.drafted, a.slug;

INSERT INTO wiki_tags (slug, name, tag_group) VALUES  -- VIVIM plan figure
 ('onboarding','Onboarding','audience'), ('contributors','Contributors','audience'), ('engineering','Engineering','topic'),
 ('architecture','Architecture','topic'), ('ml','Machine learning','topic'), ('infrastructure','Infrastructure','topic'),
 ('dao','DAO','module'), ('treasury','Treasury','module'), ('bounties','Bounties','module'), ('agents','AI agents','module'),
 ('cost','Cost','topic'), ('gdpr','GDPR','compliance'), ('ai-act','EU AI Act','compliance'), ('soc2','SOC 2','compliance'),
 ('dividend','Dividend','milestone'), ('i18n','Translation','topic');

INSERT INTO wiki_article_tags (wiki_article_id, wiki_tag_id, tagged_by, ai_confidence_pct)
SELECT (SELECT id FROM wiki_articles WHERE slug = x.article), (SELECT id FROM wiki_tags WHERE slug = x.tag),
       x.by, x.conf
FROM (VALUES
 ('onboarding-guide','onboarding','human',NULL::numeric), ('remote-work-policy','onboarding','human',NULL), ('remote-work-policy','cost','ai',72.5),
 ('engineering-rituals','engineering','human',NULL), ('engineering-rituals','onboarding','ai',81.0),
 ('acu-architecture','architecture','human',NULL), ('acu-architecture','engineering','ai',93.0),
 ('compose-pipeline','architecture','human',NULL), ('compose-pipeline','engineering','ai',90.0),
 ('context-engine','architecture','human',NULL), ('context-engine','ml','human',NULL), ('context-engine','cost','ai',64.0),
 ('vector-store-decision','architecture','human',NULL), ('vector-store-decision','dao','ai',88.0), ('vector-store-decision','cost','human',NULL),
 ('sync-protocol','architecture','human',NULL), ('scaling-runbook','infrastructure','human',NULL), ('scaling-runbook','cost','ai',86.0),
 ('dao-charter','dao','human',NULL), ('proposal-process','dao','human',NULL), ('proposal-process','contributors','ai',77.0),
 ('treasury-report-2026','treasury','human',NULL), ('treasury-report-2026','dao','ai',95.0), ('treasury-report-2026','cost','ai',91.0),
 ('dividend-policy-explained','dividend','human',NULL), ('dividend-policy-explained','treasury','ai',83.0),
 ('wiki-curator-runbook','agents','human',NULL), ('agent-cost-controls','agents','human',NULL), ('agent-cost-controls','cost','human',NULL),
 ('moderator-agent-policy','agents','ai',97.0), ('gdpr-records-of-processing','gdpr','human',NULL),
 ('consent-dpia-summary','gdpr','human',NULL), ('ai-act-transparency','ai-act','human',NULL), ('ai-act-transparency','agents','ai',89.0),
 ('soc2-evidence-index','soc2','human',NULL), ('contributing','contributors','human',NULL), ('bounty-faq','bounties','human',NULL),
 ('bounty-faq','contributors','ai',92.0), ('translation-style-guide','i18n','human',NULL), ('translation-style-guide','contributors','ai',70.0),
 ('glossary','onboarding','ai',75.0), ('glossary','contributors','human',NULL)
) AS x(article, tag, by, conf);

INSERT INTO wiki_article_links (source_article_id, target_article_id, link_type, suggested_by_ai)
SELECT (SELECT id FROM wiki_articles WHERE slug = x.src), (SELECT id FROM wiki_articles WHERE slug = x.dst), x.lt, x.ai
FROM (VALUES
 ('onboarding-guide','remote-work-policy','references',false), ('onboarding-guide','engineering-rituals','references',false),
 ('onboarding-guide','glossary','references',true), ('compose-pipeline','acu-architecture','depends_on',false),
 ('context-engine','acu-architecture','depends_on',false), ('context-engine','vector-store-decision','references',false),
 ('vector-store-decision','context-engine','explains',true), ('sync-protocol','acu-architecture','depends_on',false),
 ('scaling-runbook','context-engine','references',true), ('scaling-runbook','agent-cost-controls','related',true),
 ('proposal-process','dao-charter','depends_on',false), ('treasury-report-2026','dao-charter','references',false),
 ('treasury-report-2026','proposal-process','related',true), ('dividend-policy-explained','treasury-report-2026','references',false),
 ('dividend-policy-explained','glossary','references',true), ('wiki-curator-runbook','agent-cost-controls','related',true),
 ('moderator-agent-policy','wiki-curator-runbook','related',true), ('moderator-agent-policy','ai-act-transparency','depends_on',false),
 ('consent-dpia-summary','gdpr-records-of-processing','depends_on',false), ('ai-act-transparency','gdpr-records-of-processing','related',true),
 ('soc2-evidence-index','gdpr-records-of-processing','references',false), ('bounty-faq','contributing','depends_on',false),
 ('bounty-faq','proposal-process','references',true), ('translation-style-guide','glossary','depends_on',false),
 ('contributing','onboarding-guide','related',true), ('glossary','acu-architecture','explains',false)
) AS x(src, dst, lt, ai);

-- =====================================================================================
-- 07 work
-- =====================================================================================
CREATE TEMP TABLE tmp_project (code text, name text, milestone text, team text, lead text, status text, visibility text,
                               start_date date, end_date date, budget numeric, bounty_budget numeric, repo text, descr text);
INSERT INTO tmp_project VALUES  -- VIVIM plan figure; budgets are the non-labour work budgets of the projects
 ('WP-FOUNDATION','Foundation: repos, CI, auth',           'M1', 'core-platform',    'TM-001','completed','open',    '2026-01-05','2026-03-31', 45000,     0,'vivim/platform', 'Monorepo, CI/CD, identity and the first ACU prototype'),
 ('WP-ACU',       'ACU storage and API',                   'M2', 'core-platform',    'TM-002','completed','open',    '2026-03-02','2026-05-29', 38000,  8000,'vivim/acu',      'Atomic content units: schema, storage, public API'),
 ('WP-COMPOSE',   'Compose editor and renderer',           'M3', 'product-design',   'TM-003','completed','open',    '2026-05-04','2026-07-31', 52000,  6000,'vivim/compose',  'Editor, templates and the rendering pipeline'),
 ('WP-CONTEXT',   'Context engine',                        'M4', 'ml-research',      'TM-008','completed','open',    '2026-06-01','2026-09-30', 70000,  7000,'vivim/context',  'Embeddings, retrieval and ranking'),
 ('WP-SOCIAL',    'Social graph and sharing',              'M5', 'core-platform',    'TM-002','completed','open',    '2026-08-03','2026-11-30', 90000, 12000,'vivim/social',   'Follows, sharing, feeds'),
 ('WP-WIKI',      'AI wiki and knowledge base',            'M5', 'community-growth', 'TM-013','active',   'open',    '2026-05-04',NULL,         25000,  5000,'vivim/wiki',     'Wiki platform, curator agent, docs backlog'),
 ('WP-I18N',      'Translations ES, IT, MT',               'M5', 'community-growth', 'TM-020','completed','open',    '2026-09-01','2027-06-30', 15000,  6000,'vivim/i18n',     'Translation programme funded by VIP-005'),
 ('WP-CONSENT',   'Consent receipts and data controls',    'M6', 'legal-compliance', 'TM-007','completed','open',    '2026-10-01','2027-01-29', 60000,  9000,'vivim/consent',  'Consent receipts, export, deletion'),
 ('WP-SCALE',     'Scale to 100k users',                   'M7', 'infra-sre',        'TM-004','completed','internal','2026-12-01','2027-03-31',110000, 10000,'vivim/infra',    'Capacity, observability, cost controls'),
 ('WP-TRAINING',  'Consented model training',              'M8', 'ml-research',      'TM-012','completed','open',    '2027-02-01','2027-05-31',140000, 12000,'vivim/training', 'Fine-tuning on consented data, evaluation'),
 ('WP-REVENUE',   'Revenue streams and billing',           'M9', 'product-design',   'TM-023','completed','open',    '2027-05-03','2027-08-31', 60000,  8000,'vivim/billing',  'Subscriptions, marketplace fees, invoicing'),
 ('WP-DIVIDEND',  'User dividend distribution',            'M10','core-platform',    'TM-001','active',   'open',    '2027-08-02',NULL,         70000, 10000,'vivim/dividend', 'Dividend calculation, claims and payouts');
INSERT INTO work_projects
    (code, name, description, milestone_id, team_id, lead_member_id, status, visibility, start_date, end_date,
     budget_amount, bounty_budget_amount, currency, repository_url)
SELECT p.code, p.name, p.descr, (SELECT id FROM milestones WHERE code = p.milestone), (SELECT id FROM teams WHERE code = p.team),
       (SELECT id FROM team_members WHERE code = p.lead), p.status, p.visibility, p.start_date, p.end_date,
       p.budget, p.bounty_budget, 'EUR', 'https://github.com/' || p.repo
FROM tmp_project p ORDER BY p.start_date, p.code;

CREATE TEMP TABLE tmp_task (code text, project text, title text, ttype text, status text, priority text,
                            est numeric, actual numeric, opened date, due date, completed date);
INSERT INTO tmp_task VALUES  -- VIVIM plan figure
 ('WT-001','WP-FOUNDATION','Monorepo and CI pipeline',                 'infra',   'done','high',    40, 46,'2026-01-05','2026-01-23','2026-01-27'),
 ('WT-002','WP-FOUNDATION','Passkey authentication',                   'feature', 'done','critical',80, 92,'2026-01-12','2026-02-20','2026-02-24'),
 ('WT-003','WP-FOUNDATION','Threat model v1',                          'security','done','high',    24, 20,'2026-02-02','2026-02-27','2026-02-26'),
 ('WT-004','WP-ACU',       'ACU schema and migrations',                'feature', 'done','critical',60, 58,'2026-03-02','2026-03-27','2026-03-26'),
 ('WT-005','WP-ACU',       'Public ACU REST API',                      'feature', 'done','high',    90,112,'2026-03-16','2026-04-30','2026-05-06'),
 ('WT-006','WP-ACU',       'ACU import from Markdown',                 'feature', 'done','medium',  30, 34,'2026-04-06','2026-05-15','2026-05-14'),
 ('WT-007','WP-ACU',       'API reference docs',                       'docs',    'done','medium',  20, 18,'2026-04-20','2026-05-22','2026-05-20'),
 ('WT-008','WP-COMPOSE',   'Block editor',                             'feature', 'done','critical',120,140,'2026-05-04','2026-06-26','2026-07-03'),
 ('WT-009','WP-COMPOSE',   'Design system tokens',                     'design',  'done','high',    40, 38,'2026-05-04','2026-05-29','2026-05-28'),
 ('WT-010','WP-COMPOSE',   'Renderer performance budget',              'research','done','medium',  24, 30,'2026-06-15','2026-07-17','2026-07-20'),
 ('WT-011','WP-CONTEXT',   'Embedding service',                        'feature', 'done','critical',80, 96,'2026-06-01','2026-07-17','2026-07-24'),
 ('WT-012','WP-CONTEXT',   'Retrieval evaluation set',                 'research','done','high',    40, 44,'2026-06-15','2026-07-31','2026-07-30'),
 ('WT-013','WP-CONTEXT',   'pgvector vs Pinecone benchmark',           'research','done','medium',  24, 28,'2026-06-22','2026-07-10','2026-07-09'),
 ('WT-014','WP-SOCIAL',    'Follow graph service',                     'feature', 'done','critical',100,118,'2026-08-03','2026-09-25','2026-10-02'),
 ('WT-015','WP-SOCIAL',    'Share sheet and deep links',               'feature', 'done','high',    50, 47,'2026-08-17','2026-09-30','2026-09-29'),
 ('WT-016','WP-SOCIAL',    'Feed ranking v1',                          'feature', 'done','high',    70, 85,'2026-09-07','2026-11-13','2026-11-20'),
 ('WT-017','WP-SOCIAL',    'Abuse reporting flow',                     'community','cancelled','medium',30, NULL,'2026-09-14',NULL,NULL),
 ('WT-018','WP-WIKI',      'Wiki platform upgrade for AI features',    'infra',   'done','high',    30, 26,'2026-05-04','2026-05-22','2026-05-21'),
 ('WT-019','WP-WIKI',      'Curator agent integration',                'feature', 'done','medium',  40, 52,'2026-07-06','2026-08-28','2026-09-04'),
 ('WT-020','WP-WIKI',      'Architecture docs backlog',                'docs',    'in_progress','medium',60, 34,'2027-05-03','2027-10-29',NULL),
 ('WT-021','WP-I18N',      'i18n framework in the web app',            'feature', 'done','high',    30, 33,'2026-09-01','2026-09-25','2026-09-24'),
 ('WT-022','WP-I18N',      'Maltese locale',                           'community','done','medium', 20, 22,'2026-09-14','2026-12-18','2027-01-15'),
 ('WT-023','WP-CONSENT',   'Consent receipts',                         'feature', 'done','critical',90,101,'2026-10-01','2026-12-11','2026-12-16'),
 ('WT-024','WP-CONSENT',   'Data export (GDPR art. 20)',               'legal',   'done','high',    40, 38,'2026-10-19','2026-12-04','2026-12-03'),
 ('WT-025','WP-CONSENT',   'Deletion pipeline',                        'feature', 'done','high',    50, 63,'2026-11-02','2027-01-15','2027-01-22'),
 ('WT-026','WP-SCALE',     'Autoscaling on Hetzner',                   'infra',   'done','critical',80, 88,'2026-12-01','2027-01-29','2027-02-03'),
 ('WT-027','WP-SCALE',     'Load tests to 100k MAU',                   'infra',   'done','high',    40, 36,'2027-01-11','2027-02-26','2027-02-25'),
 ('WT-028','WP-SCALE',     'Cost dashboards',                          'feature', 'done','medium',  30, 31,'2027-01-18','2027-03-12','2027-03-12'),
 ('WT-029','WP-SCALE',     'Penetration test fixes',                   'security','done','high',    30, 42,'2027-02-15','2027-03-26','2027-03-31'),
 ('WT-030','WP-TRAINING',  'Consented data pipeline',                  'feature', 'done','critical',90, 97,'2027-02-01','2027-03-26','2027-03-30'),
 ('WT-031','WP-TRAINING',  'LoRA fine-tune runs on H100',              'research','done','high',    60, 54,'2027-03-15','2027-04-30','2027-04-28'),
 ('WT-032','WP-TRAINING',  'Model evaluation harness',                 'research','done','high',    50, 66,'2027-03-01','2027-05-14','2027-05-21'),
 ('WT-033','WP-REVENUE',   'Stripe billing integration',               'feature', 'done','critical',70, 74,'2027-05-03','2027-06-18','2027-06-17'),
 ('WT-034','WP-REVENUE',   'Marketplace fee engine',                   'feature', 'done','high',    60, 71,'2027-05-17','2027-07-23','2027-07-30'),
 ('WT-035','WP-REVENUE',   'Invoices and VAT',                         'legal',   'done','high',    30, 29,'2027-06-07','2027-08-13','2027-08-12'),
 ('WT-036','WP-DIVIDEND',  'Dividend calculation job',                 'feature', 'done','critical',60, 64,'2027-08-02','2027-08-27','2027-08-27'),
 ('WT-037','WP-DIVIDEND',  'Dividend claim UI',                        'feature', 'in_review','high',40, 37,'2027-08-09','2027-10-01',NULL),
 ('WT-038','WP-DIVIDEND',  'Payout reconciliation',                    'feature', 'in_progress','high',50, 22,'2027-08-23','2027-10-15',NULL),
 ('WT-039','WP-DIVIDEND',  'Dividend tax guidance (MiCA/MiFID check)', 'legal',   'todo','medium', 20, NULL,'2027-09-06','2027-10-22',NULL),
 ('WT-040','WP-DIVIDEND',  'Wallet claim smart contract audit',        'security','backlog','high', 40, NULL,'2027-09-20',NULL,NULL);
INSERT INTO work_tasks (code, work_project_id, title, task_type, status, priority, estimate_hours, actual_hours,
                        opened_on, due_date, completed_on)
SELECT t.code, (SELECT id FROM work_projects WHERE code = t.project), t.title, t.ttype, t.status, t.priority,
       t.est, t.actual, t.opened, t.due, t.completed
FROM tmp_task t ORDER BY t.code;

-- Assignments: the owner is a member of the project's team employed when the task opened
-- (rotating by task number); without one, the project lead owns the task. The lead also
-- reviews feature, security and legal tasks. Team members come from seed 04.
INSERT INTO task_assignments (work_task_id, team_member_id, assignment_role, allocation_pct, assigned_on)
SELECT wt.id, owner.id, 'owner', 100, wt.opened_on
FROM work_tasks wt
JOIN work_projects wp ON wp.id = wt.work_project_id
CROSS JOIN LATERAL (
    SELECT tm.id, row_number() OVER (ORDER BY tm.code) AS rn, count(*) OVER () AS n
    FROM team_members tm
    WHERE tm.team_id = wp.team_id
      AND tm.start_date <= wt.opened_on AND (tm.end_date IS NULL OR tm.end_date >= wt.opened_on)
) owner
WHERE owner.rn = 1 + substring(wt.code FROM 4)::int % owner.n;
INSERT INTO task_assignments (work_task_id, team_member_id, assignment_role, allocation_pct, assigned_on)
SELECT wt.id, wp.lead_member_id, 'owner', 100, wt.opened_on
FROM work_tasks wt
JOIN work_projects wp ON wp.id = wt.work_project_id
WHERE wp.lead_member_id IS NOT NULL
  AND NOT EXISTS (SELECT 1 FROM task_assignments ta WHERE ta.work_task_id = wt.id);
INSERT INTO task_assignments (work_task_id, team_member_id, assignment_role, allocation_pct, assigned_on)
SELECT wt.id, wp.lead_member_id, 'reviewer', 10, wt.opened_on
FROM work_tasks wt
JOIN work_projects wp ON wp.id = wt.work_project_id
WHERE wp.lead_member_id IS NOT NULL
  AND wt.task_type IN ('feature','security','legal')
ON CONFLICT (work_task_id, team_member_id) DO NOTHING;

CREATE TEMP TABLE tmp_bounty (code text, project text, task text, title text, difficulty text, status text,
                              reward numeric, vwt numeric, proposal text, posted date, deadline date, max_claimants int);
INSERT INTO tmp_bounty VALUES  -- VIVIM plan figure; round 1 by VIP-002, round 2 by VIP-008, round 3 by VIP-012, translations by VIP-005
 ('BNT-001','WP-ACU',     'WT-006','ACU import from Markdown',                 'intermediate','paid',     1500, 3000,'VIP-002','2026-05-04','2026-06-05',1),
 ('BNT-002','WP-ACU',      NULL,   'ACU client SDK in Rust',                   'advanced',    'paid',     3000, 6000,'VIP-002','2026-05-04','2026-06-30',1),
 ('BNT-003','WP-COMPOSE', 'WT-010','Renderer fuzzing harness',                 'advanced',    'paid',     2500, 5000,'VIP-002','2026-05-11','2026-07-10',1),
 ('BNT-004','WP-WIKI',     NULL,   'Write the contributor guide',              'beginner',    'paid',      600, 1500,'VIP-002','2026-05-11','2026-06-12',1),
 ('BNT-005','WP-CONTEXT', 'WT-013','pgvector vs Pinecone benchmark',           'intermediate','paid',     2000, 4000,'VIP-002','2026-06-15','2026-07-10',1),
 ('BNT-006','WP-COMPOSE',  NULL,   'Accessibility audit of the editor',        'intermediate','expired',  1200, 2500,'VIP-002','2026-06-01','2026-07-31',1),
 ('BNT-007','WP-SOCIAL',   NULL,   'Federation bridge prototype',              'expert',      'paid',     4000, 8000,'VIP-008','2026-11-16','2027-01-31',1),
 ('BNT-008','WP-I18N',    'WT-022','Italian UI translation',                   'beginner',    'paid',      800, 1500,'VIP-008','2026-11-16','2026-12-31',1),
 ('BNT-009','WP-CONSENT', 'WT-024','Data export in open formats',              'intermediate','paid',     1800, 3500,'VIP-008','2026-11-16','2027-01-15',2),
 ('BNT-010','WP-CONSENT',  NULL,   'Consent receipt verifier CLI',             'intermediate','paid',     1500, 3000,'VIP-008','2026-11-23','2027-01-29',1),
 ('BNT-011','WP-SCALE',   'WT-027','Load-test scenarios for 100k MAU',         'advanced',    'completed',2200, 4500,'VIP-008','2026-12-07','2027-02-26',1),
 ('BNT-012','WP-SCALE',    NULL,   'Terraform modules for Hetzner',            'intermediate','in_review',1600, 3000,'VIP-008','2027-01-11','2027-10-31',1),
 ('BNT-013','WP-SOCIAL',  'WT-017','Abuse reporting flow',                     'intermediate','cancelled',1400, 2500,'VIP-008','2026-11-23','2027-01-31',1),
 ('BNT-014','WP-TRAINING','WT-032','Evaluation suite for the fine-tuned model', 'advanced',    'paid',     3000, 6000,'VIP-012','2027-04-19','2027-06-15',1),
 ('BNT-015','WP-REVENUE',  NULL,   'PSD2 payout integration',                  'advanced',    'claimed',  2800, 5000,'VIP-012','2027-05-10','2027-10-31',1),
 ('BNT-016','WP-DIVIDEND','WT-037','Dividend claim UI polish',                 'intermediate','claimed',  1200, 2500,'VIP-012','2027-08-16','2027-10-15',1),
 ('BNT-017','WP-DIVIDEND', NULL,   'End-to-end tests for dividend payouts',    'intermediate','in_review',1500, 3000,'VIP-012','2027-08-23','2027-10-15',1),
 ('BNT-018','WP-DIVIDEND','WT-040','Smart contract audit of the claim wallet', 'expert',      'open',     4500, 9000,'VIP-012','2027-09-20','2027-11-30',1),
 ('BNT-019','WP-WIKI',    'WT-020','Document the sync protocol',               'intermediate','open',      900, 2000,'VIP-012','2027-09-06','2027-11-15',1),
 ('BNT-020','WP-REVENUE',  NULL,   'Revenue dashboard for DAO reports',        'beginner',    'open',      700, 1500,'VIP-012','2027-09-13','2027-11-15',2),
 ('BNT-021','WP-I18N',     NULL,   'Spanish wiki translation',                 'beginner',    'paid',      900, 2000,'VIP-005','2026-09-01','2026-11-30',1),
 ('BNT-022','WP-I18N',     NULL,   'Maltese UI translation',                   'beginner',    'paid',     1100, 2500,'VIP-005','2026-09-01','2026-12-31',1);
INSERT INTO work_bounties (code, work_project_id, work_task_id, title, difficulty, status, reward_amount, currency,
                           reward_token_symbol, reward_token_amount, dao_proposal_id, dao_treasury_id,
                           max_claimants, posted_on, deadline)
SELECT b.code, (SELECT id FROM work_projects WHERE code = b.project), (SELECT id FROM work_tasks WHERE code = b.task),
       b.title, b.difficulty, b.status, b.reward, 'EUR', 'VWT', b.vwt,
       (SELECT id FROM dao_proposals WHERE code = b.proposal), (SELECT id FROM dao_treasuries WHERE code = 'grants'),
       b.max_claimants, b.posted, b.deadline
FROM tmp_bounty b ORDER BY b.code;

CREATE TEMP TABLE tmp_claim (bounty text, handle text, status text, claimed timestamptz, submitted timestamptz, reviewed timestamptz, notes text);
INSERT INTO tmp_claim VALUES  -- VIVIM plan figure
 ('BNT-001','nodewright',  'accepted', '2026-05-05 10:00+00','2026-05-29 16:00+00','2026-06-02 09:00+00','Merged'),
 ('BNT-001','bytebaker',   'withdrawn','2026-05-05 14:00+00',NULL,NULL,'Claimed second; withdrew'),
 ('BNT-002','ragu_rust',   'accepted', '2026-05-06 08:00+00','2026-06-24 18:00+00','2026-06-29 11:00+00','Merged after two review rounds'),
 ('BNT-003','kernelkat',   'accepted', '2026-05-12 09:00+00','2026-07-03 12:00+00','2026-07-08 10:00+00','Found three crashers'),
 ('BNT-004','posidonia',   'accepted', '2026-05-11 11:00+00','2026-06-05 15:00+00','2026-06-08 09:00+00','Published as contributing guide'),
 ('BNT-005','lowtide',     'accepted', '2026-06-16 09:00+00','2026-07-08 17:00+00','2026-07-10 09:00+00','Input to VIP-006'),
 ('BNT-006','bytebaker',   'rejected', '2026-06-03 09:00+00','2026-07-28 20:00+00','2026-08-04 09:00+00','Incomplete WCAG coverage'),
 ('BNT-007','oliveoil_ops','accepted', '2026-11-17 09:00+00','2027-01-25 18:00+00','2027-01-29 10:00+00','Prototype accepted'),
 ('BNT-008','moka',        'accepted', '2026-11-16 15:00+00','2026-12-20 12:00+00','2026-12-22 09:00+00','Merged'),
 ('BNT-009','paella.dev',  'accepted', '2026-11-17 10:00+00','2027-01-08 12:00+00','2027-01-12 09:00+00','Merged'),
 ('BNT-009','quietquant',  'rejected', '2026-11-18 10:00+00','2027-01-10 12:00+00','2027-01-12 09:30+00','Duplicate of the accepted solution'),
 ('BNT-010','quietquant',  'accepted', '2026-11-24 09:00+00','2027-01-20 12:00+00','2027-01-26 09:00+00','Merged'),
 ('BNT-011','dublin_data', 'accepted', '2026-12-08 09:00+00','2027-02-20 12:00+00','2027-02-24 09:00+00','Accepted; payout pending KYC'),
 ('BNT-012','tulipstack',  'submitted','2027-01-12 09:00+00','2027-09-22 12:00+00',NULL,NULL),
 ('BNT-014','alpine_ai',   'accepted', '2027-04-20 09:00+00','2027-06-10 12:00+00','2027-06-14 09:00+00','Used in M8 model card'),
 ('BNT-015','cantina',     'claimed',  '2027-05-12 09:00+00',NULL,NULL,NULL),
 ('BNT-016','pixelmonk',   'claimed',  '2027-08-17 09:00+00',NULL,NULL,NULL),
 ('BNT-017','marsala',     'submitted','2027-08-24 09:00+00','2027-09-27 12:00+00',NULL,NULL),
 ('BNT-018','baltic_byte', 'withdrawn','2027-09-21 09:00+00',NULL,NULL,'Conflict of interest: wrote the contract'),
 ('BNT-021','posidonia',   'accepted', '2026-09-02 09:00+00','2026-11-20 12:00+00','2026-11-25 09:00+00','Merged'),
 ('BNT-022','sirocco',     'accepted', '2026-09-03 09:00+00','2026-12-15 12:00+00','2026-12-18 09:00+00','Merged');
INSERT INTO bounty_claims (work_bounty_id, community_member_id, status, claimed_at, submitted_at, reviewed_at,
                           submission_url, review_notes)
SELECT (SELECT id FROM work_bounties WHERE code = c.bounty), (SELECT id FROM community_members WHERE handle = c.handle),
       c.status, c.claimed, c.submitted, c.reviewed,
       CASE WHEN c.submitted IS NOT NULL THEN 'https://github.com/vivim/pulls/' || lower(c.bounty) || '-' || c.handle END,
       c.notes
FROM tmp_claim c ORDER BY c.claimed;

-- Payouts: each paid bounty is paid from the grants treasury; the outflow is recorded first
-- and the payout points at it.
CREATE TEMP TABLE tmp_payout (code text, tx_code text, bounty text, handle text, method text, paid date);
INSERT INTO tmp_payout VALUES  -- VIVIM plan figure
 ('BP-001','TX-1001','BNT-001','nodewright',  'mixed',     '2026-06-05'),
 ('BP-002','TX-1002','BNT-002','ragu_rust',   'sepa',      '2026-07-03'),
 ('BP-003','TX-1003','BNT-004','posidonia',   'sepa',      '2026-06-12'),
 ('BP-004','TX-1004','BNT-003','kernelkat',   'stablecoin','2026-07-10'),
 ('BP-005','TX-1005','BNT-005','lowtide',     'sepa',      '2026-07-17'),
 ('BP-006','TX-1006','BNT-021','posidonia',   'sepa',      '2026-11-30'),
 ('BP-007','TX-1007','BNT-022','sirocco',     'mixed',     '2026-12-22'),
 ('BP-008','TX-1008','BNT-008','moka',        'sepa',      '2026-12-29'),
 ('BP-009','TX-1009','BNT-009','paella.dev',  'sepa',      '2027-01-15'),
 ('BP-010','TX-1010','BNT-010','quietquant',  'stablecoin','2027-01-29'),
 ('BP-011','TX-1011','BNT-007','oliveoil_ops','mixed',     '2027-02-05'),
 ('BP-012','TX-1012','BNT-014','alpine_ai',   'sepa',      '2027-06-18');
INSERT INTO treasury_transactions
    (code, dao_treasury_id, direction, transaction_type, amount, currency, token_symbol, token_amount,
     transaction_date, dao_proposal_id, milestone_id, counterparty, tx_hash, description)
SELECT p.tx_code, (SELECT id FROM dao_treasuries WHERE code = 'grants'), 'outflow', 'bounty_payout',
       b.reward_amount, b.currency, b.reward_token_symbol, b.reward_token_amount, p.paid, b.dao_proposal_id,
       wp.milestone_id, p.handle, '0x' || md5(p.tx_code) || md5('tx:' || p.tx_code), 'Bounty ' || b.code || ': ' || b.title
FROM tmp_payout p
JOIN work_bounties b  ON b.code = p.bounty
JOIN work_projects wp ON wp.id = b.work_project_id
ORDER BY p.tx_code;
INSERT INTO bounty_payouts (code, bounty_claim_id, treasury_transaction_id, amount, currency, token_symbol, token_amount,
                            payout_method, paid_on)
SELECT p.code, c.id, (SELECT id FROM treasury_transactions WHERE code = p.tx_code),
       b.reward_amount, b.currency, b.reward_token_symbol, b.reward_token_amount, p.method, p.paid
FROM tmp_payout p
JOIN work_bounties b      ON b.code = p.bounty
JOIN community_members cm ON cm.handle = p.handle
JOIN bounty_claims c      ON c.work_bounty_id = b.id AND c.community_member_id = cm.id
ORDER BY p.code;

-- =====================================================================================
-- 08 agents
-- =====================================================================================
-- LLM per agent: llm_api_costs (module 02, seed 03) by code. The fallback prices are the
-- same list prices from the fact sheet, used for run costs only if seed 03 lacks the code
-- (the FK then stays NULL).
CREATE TEMP TABLE tmp_agent (code text, name text, atype text, descr text, llm_code text,
                             fb_in numeric, fb_out numeric, team text, status text, autonomy text, budget numeric,
                             deployed date, retired date,
                             runs int, base_in int, base_out int, calls int, fail_pct int);  -- last five drive generated runs
INSERT INTO tmp_agent VALUES
 -- src: infra-llm-legal §2.2 Claude Haiku 4.5 USD 1.00 / 5.00 per MTok (api-evangelist/anthropic) [S]
 ('wiki-curator','Wiki curator','wiki_curator','Drafts summaries, suggests links and tags, flags stale articles',
   'anthropic-claude-haiku-4-5',1.00,5.00,'community-growth','active','approval_required',10,'2026-08-28',NULL, 16, 3000000, 300000, 120, 6),
 -- src: infra-llm-legal §2.2 Claude Sonnet 4.6 USD 3.00 / 15.00 per MTok (api-evangelist/anthropic) [S]
 ('code-reviewer','Code reviewer','code_reviewer','First-pass review of pull requests, incl. bounty submissions',
   'anthropic-claude-sonnet-4-6',3.00,15.00,'core-platform','active','suggest',60,'2026-05-04',NULL, 20, 10000000, 500000, 250, 8),
 -- src: infra-llm-legal §2.1 GPT-5 mini USD 0.25 / 2.00 per MTok (github/docs Copilot table) [S]
 ('issue-triage','Issue triage','triage','Labels and routes new issues and bounty claims',
   'openai-gpt-5-mini',0.25,2.00,'core-platform','active','autonomous',5,'2026-04-20',NULL, 18, 4000000, 400000, 800, 4),
 -- src: infra-llm-legal §2.4 Mistral Small 3.x USD 0.10 / 0.30 per MTok (skills.sh) [S]
 ('treasury-monitor','Treasury monitor','treasury_monitor','Reconciles treasury movements with proposals and flags anomalies',
   'mistral-small-3',0.10,0.30,'operations','active','suggest',2,'2026-06-01',NULL, 14, 3000000, 300000, 300, 3),
 -- src: infra-llm-legal §2.3 Gemini 2.5 Flash USD 0.30 / 2.50 per MTok (api-evangelist/deepmind) [S]
 ('forum-moderator','Forum moderator','community_moderator','Flags spam and abuse, answers FAQ in forums',
   'google-gemini-2-5-flash',0.30,2.50,'community-growth','active','approval_required',8,'2026-11-16',NULL, 16, 5000000, 500000, 1600, 10),
 -- src: infra-llm-legal §2.2 Claude Sonnet 4.6 USD 3.00 / 15.00 per MTok [S]
 ('cost-analyst','Cost analyst','cost_analyst','Monthly cost variance report across labour, infrastructure and agents',
   'anthropic-claude-sonnet-4-6',3.00,15.00,'operations','active','suggest',15,'2027-01-04',NULL, 9, 2000000, 150000, 20, 11),
 -- src: infra-llm-legal §2.4 Mistral Medium 3.x USD 0.40 / 2.00 per MTok (getmaxim.ai) [S]
 ('compliance-checker','Compliance checker','compliance_checker','Checks wiki and product copy against GDPR and AI Act notices',
   'mistral-medium-3',0.40,2.00,'legal-compliance','active','approval_required',5,'2026-10-26',NULL, 12, 3000000, 250000, 150, 8),
 -- src: infra-llm-legal §2.1 GPT-4.1 mini USD 0.40 / 1.60 per MTok (t3dotgg gist) [S]
 ('sre-assistant','SRE assistant','devops','Summarises alerts and suggests runbook steps during incidents',
   'openai-gpt-4-1-mini',0.40,1.60,'infra-sre','paused','suggest',5,'2027-01-18',NULL, 10, 1500000, 150000, 100, 20),
 -- src: infra-llm-legal §2.1 GPT-4o mini USD 0.15 / 0.60 per MTok [S]
 ('faq-bot-v1','FAQ bot v1','support','First support bot; replaced by the forum moderator',
   'openai-gpt-4o-mini',0.15,0.60,'community-growth','retired','autonomous',2,'2026-05-18','2026-11-30', 8, 2000000, 250000, 700, 25);

INSERT INTO ai_agents (code, name, agent_type, description, llm_api_cost_id, owner_team_id, status, autonomy_level,
                       monthly_budget, currency, deployed_on, retired_on)
SELECT a.code, a.name, a.atype, a.descr,
       (SELECT l.id FROM llm_api_costs l WHERE l.code = a.llm_code),
       (SELECT id FROM teams WHERE code = a.team), a.status, a.autonomy, a.budget, 'USD', a.deployed, a.retired
FROM tmp_agent a ORDER BY a.deployed, a.code;

INSERT INTO agent_workflows (code, name, description, ai_agent_id, module_scope, trigger_type, schedule_cron, is_active)
SELECT w.code, w.name, w.descr, (SELECT id FROM ai_agents WHERE code = w.agent), w.scope, w.trig, w.cron, w.active
FROM (VALUES  -- VIVIM plan figure
 ('wiki-weekly-curation',  'Weekly wiki curation',        'Find stale articles, propose summaries, links and tags', 'wiki-curator',     'wiki',       'schedule','0 6 * * 1',  true),
 ('wiki-new-article-review','New article review',         'Suggest tags and links when an article is published',    'wiki-curator',     'wiki',       'event',   NULL,         true),
 ('pr-review',             'Pull request review',         'Review each PR, incl. bounty submissions',               'code-reviewer',    'work',       'webhook', NULL,         true),
 ('issue-triage',          'Issue and claim triage',      'Label issues, route bounty claims to reviewers',         'issue-triage',     'work',       'webhook', NULL,         true),
 ('treasury-reconcile',    'Daily treasury reconciliation','Match treasury movements with proposals and payouts',   'treasury-monitor', 'dao',        'schedule','0 5 * * *',  true),
 ('forum-moderation',      'Forum moderation',            'Screen new posts; answer FAQ with wiki links',           'forum-moderator',  'community',  'event',   NULL,         true),
 ('monthly-cost-report',   'Monthly cost variance report','Budget vs actual across modules, posted to the wiki',    'cost-analyst',     'operations', 'schedule','0 7 2 * *',  true),
 ('copy-compliance-check', 'Copy compliance check',       'Check new copy for GDPR and AI Act notices',             'compliance-checker','compliance','event',   NULL,         true),
 ('incident-assist',       'Incident assistant',          'Summarise alerts and propose runbook steps',             'sre-assistant',    'security',   'manual',  NULL,         false),
 ('faq-answer',            'FAQ answering (v1)',          'Answer support questions from the FAQ',                  'faq-bot-v1',       'community',  'event',   NULL,         false)
) AS w(code, name, descr, agent, scope, trig, cron, active);

INSERT INTO workflow_steps (agent_workflow_id, step_no, name, step_type, ai_agent_id, timeout_seconds, retry_limit,
                            est_input_tokens, est_output_tokens)
SELECT (SELECT id FROM agent_workflows WHERE code = s.wf), s.no, s.name, s.stype,
       (SELECT id FROM ai_agents WHERE code = s.agent), s.timeout, s.retries, s.tin, s.tout
FROM (VALUES  -- VIVIM plan figure
 ('wiki-weekly-curation',1,'Query articles not revised in 90 days','db_query',NULL,60,1,0,0),
 ('wiki-weekly-curation',2,'Draft summaries and link suggestions','llm_call','wiki-curator',300,2,12000,1800),
 ('wiki-weekly-curation',3,'Check drafts for personal data','llm_call','compliance-checker',120,1,4000,300),
 ('wiki-weekly-curation',4,'Editor approves changes','human_approval',NULL,604800,0,0,0),
 ('wiki-weekly-curation',5,'Write revisions','db_write',NULL,60,2,0,0),
 ('wiki-new-article-review',1,'Suggest tags and links','llm_call','wiki-curator',120,2,5000,500),
 ('wiki-new-article-review',2,'Save AI tags with confidence','db_write',NULL,30,2,0,0),
 ('pr-review',1,'Fetch diff and CI results','tool_call',NULL,120,2,0,0),
 ('pr-review',2,'Review diff','llm_call','code-reviewer',600,1,35000,3000),
 ('pr-review',3,'Post review comments','tool_call',NULL,60,2,0,0),
 ('issue-triage',1,'Classify issue or claim','llm_call','issue-triage',60,2,5000,500),
 ('issue-triage',2,'Apply labels and assign','tool_call',NULL,30,2,0,0),
 ('treasury-reconcile',1,'Load new treasury movements','db_query',NULL,60,1,0,0),
 ('treasury-reconcile',2,'Match movements with proposals','llm_call','treasury-monitor',180,1,8000,1000),
 ('treasury-reconcile',3,'Unmatched or low balance?','condition',NULL,10,0,0,0),
 ('treasury-reconcile',4,'Notify signers','notification',NULL,30,3,0,0),
 ('forum-moderation',1,'Screen post','llm_call','forum-moderator',30,1,3000,300),
 ('forum-moderation',2,'Flag or answer?','condition',NULL,10,0,0,0),
 ('forum-moderation',3,'Moderator confirms hide','human_approval',NULL,86400,0,0,0),
 ('forum-moderation',4,'Post FAQ answer','tool_call',NULL,30,2,0,0),
 ('monthly-cost-report',1,'Query cost views','db_query',NULL,300,1,0,0),
 ('monthly-cost-report',2,'Write variance analysis','llm_call','cost-analyst',900,1,55000,5500),
 ('monthly-cost-report',3,'Publish to wiki','db_write',NULL,60,2,0,0),
 ('copy-compliance-check',1,'Check copy','llm_call','compliance-checker',300,1,20000,1500),
 ('copy-compliance-check',2,'Counsel review of findings','human_approval',NULL,259200,0,0,0),
 ('incident-assist',1,'Collect alerts','tool_call',NULL,60,1,0,0),
 ('incident-assist',2,'Summarise and propose steps','llm_call','sre-assistant',180,1,12000,1400),
 ('faq-answer',1,'Answer from FAQ','llm_call','faq-bot-v1',30,1,2800,350)
) AS s(wf, no, name, stype, agent, timeout, retries, tin, tout);

-- Runs, generated per agent: evenly spread over the agent's life up to 2027-09-30 (or its
-- pause), token counts vary around the agent's base, a deterministic share fails. A run is
-- one execution of a workflow over a batch (e.g. all pull requests since the last run, the
-- whole wiki, a month of treasury movements), hence the millions of tokens per run. Cost = tokens x list
-- price of the agent's LLM (llm_api_costs, or the cited fallback price).
INSERT INTO agent_runs (code, ai_agent_id, agent_workflow_id, triggered_by, status, started_at, finished_at,
                        input_tokens, output_tokens, llm_calls, cost_amount, currency, human_override, error_message)
WITH r AS (
    SELECT a.*, g.i,
           ag.id AS agent_id,
           (SELECT w.id FROM agent_workflows w WHERE w.ai_agent_id = ag.id ORDER BY w.code
            OFFSET (g.i % (SELECT count(*) FROM agent_workflows w2 WHERE w2.ai_agent_id = ag.id)) LIMIT 1) AS wf_id,
           (a.deployed + ((COALESCE(a.retired, CASE WHEN a.status = 'paused' THEN DATE '2027-06-16' END, DATE '2027-09-30') - a.deployed) * (g.i - 0.5) / a.runs)::int)::timestamp
             + make_interval(hours => 6 + pg_temp.h(a.code || ':h:' || g.i) % 14,
                             mins  => pg_temp.h(a.code || ':m:' || g.i) % 60) AS started,
           pg_temp.h(a.code || ':f:' || g.i) % 100 AS fail_draw,
           0.6 + (pg_temp.h(a.code || ':v:' || g.i) % 80) / 100.0 AS size_factor,
           l.input_price_per_mtok AS in_price, l.output_price_per_mtok AS out_price, l.currency AS llm_currency
    FROM tmp_agent a
    JOIN ai_agents ag ON ag.code = a.code
    LEFT JOIN llm_api_costs l ON l.id = ag.llm_api_cost_id
    CROSS JOIN LATERAL generate_series(1, a.runs) AS g(i)
), s AS (
    SELECT r.*,
           CASE WHEN r.fail_draw < r.fail_pct / 2 THEN 'timeout'
                WHEN r.fail_draw < r.fail_pct THEN 'failed'
                ELSE 'succeeded' END AS run_status,
           -- failed runs stop early: fewer tokens
           round(r.base_in * r.size_factor * CASE WHEN r.fail_draw < r.fail_pct THEN 0.4 ELSE 1 END)::bigint AS tin,
           round(r.base_out * r.size_factor * CASE WHEN r.fail_draw < r.fail_pct THEN 0.2 ELSE 1 END)::bigint AS tout
    FROM r
)
SELECT 'RUN-' || lpad(row_number() OVER (ORDER BY s.started, s.code)::text, 4, '0'),
       s.agent_id, s.wf_id,
       (SELECT CASE w.trigger_type WHEN 'schedule' THEN 'schedule' WHEN 'webhook' THEN 'webhook'
                                   WHEN 'manual' THEN 'manual' ELSE 'event' END
        FROM agent_workflows w WHERE w.id = s.wf_id),
       s.run_status,
       s.started AT TIME ZONE 'UTC',
       (s.started + make_interval(secs => CASE WHEN s.run_status = 'timeout' THEN 3600
                                               ELSE 8 + (s.tin / 5000) + pg_temp.h(s.code || ':d:' || s.i) % 40 END)) AT TIME ZONE 'UTC',
       s.tin, s.tout, s.calls,
       round((s.tin * COALESCE(s.in_price, s.fb_in) + s.tout * COALESCE(s.out_price, s.fb_out)) / 1000000.0, 6),
       COALESCE(s.llm_currency, 'USD'),
       (s.autonomy <> 'autonomous' AND s.run_status = 'succeeded' AND pg_temp.h(s.code || ':o:' || s.i) % 100 < 15),
       CASE s.run_status WHEN 'timeout' THEN 'Step exceeded its timeout'
                     WHEN 'failed'  THEN (ARRAY['LLM API returned 429 rate limit','Tool call returned malformed JSON',
                                                'Context window exceeded','Upstream 503 from provider'])
                                         [1 + pg_temp.h(s.code || ':e:' || s.i) % 4] END
FROM s;

-- Quarterly monitoring metrics computed from the runs above (quarter-end rows; agents run
-- a handful of times a month in this plan, so a month is too small a sample).
INSERT INTO agent_monitoring_metrics (ai_agent_id, metric_date, metric_name, metric_value, unit, threshold_value)
SELECT r.ai_agent_id,
       (date_trunc('quarter', r.started_at AT TIME ZONE 'UTC') + interval '3 months - 1 day')::date,
       m.metric_name,
       CASE m.metric_name
            WHEN 'success_rate_pct' THEN round(100.0 * count(*) FILTER (WHERE r.status = 'succeeded') / count(*), 2)
            WHEN 'cost_per_run'     THEN round(avg(r.cost_amount), 4)
            WHEN 'tokens_per_run'   THEN round(avg(r.input_tokens + r.output_tokens), 0)
            WHEN 'latency_p95_ms'   THEN round(1000 * percentile_cont(0.95) WITHIN GROUP
                                              (ORDER BY extract(epoch FROM r.finished_at - r.started_at))::numeric, 0)
       END,
       CASE m.metric_name WHEN 'success_rate_pct' THEN 'pct' WHEN 'cost_per_run' THEN r.currency::text
                          WHEN 'tokens_per_run' THEN 'tokens' ELSE 'ms' END,
       CASE m.metric_name WHEN 'success_rate_pct' THEN 90 WHEN 'latency_p95_ms' THEN 3600000 ELSE NULL END
FROM agent_runs r
CROSS JOIN (VALUES ('success_rate_pct'), ('cost_per_run'), ('tokens_per_run'), ('latency_p95_ms')) AS m(metric_name)
GROUP BY r.ai_agent_id, r.currency, date_trunc('quarter', r.started_at AT TIME ZONE 'UTC'), m.metric_name;

-- Alerts: one per quarter in which an agent's success rate fell below its threshold, plus
-- hand-written alerts tied to particular runs (VIVIM plan figure).
INSERT INTO agent_alerts (code, ai_agent_id, agent_run_id, agent_monitoring_metric_id, alert_type, severity, status,
                          message, raised_at, acknowledged_at, resolved_at)
SELECT 'ALRT-' || lpad(row_number() OVER (ORDER BY mm.metric_date, a.code)::text, 3, '0'),
       mm.ai_agent_id, NULL, mm.id, 'failure_spike',
       CASE WHEN mm.metric_value < 60 THEN 'critical' ELSE 'warning' END,
       CASE WHEN mm.metric_date < DATE '2027-09-01' THEN 'resolved' ELSE 'open' END,
       a.code || ': success rate ' || mm.metric_value || '%'
              || ' in the quarter to ' || to_char(mm.metric_date, 'YYYY-MM-DD')
              || ' (threshold ' || mm.threshold_value || '%)',
       (mm.metric_date + 1)::timestamp AT TIME ZONE 'UTC' + interval '7 hours',
       CASE WHEN mm.metric_date < DATE '2027-09-01' THEN (mm.metric_date + 1)::timestamp AT TIME ZONE 'UTC' + interval '9 hours' END,
       CASE WHEN mm.metric_date < DATE '2027-09-01' THEN (mm.metric_date + 3)::timestamp AT TIME ZONE 'UTC' + interval '12 hours' END
FROM agent_monitoring_metrics mm
JOIN ai_agents a ON a.id = mm.ai_agent_id
WHERE mm.metric_name = 'success_rate_pct' AND mm.metric_value < mm.threshold_value;

INSERT INTO agent_alerts (code, ai_agent_id, agent_run_id, alert_type, severity, status, message,
                          raised_at, acknowledged_at, resolved_at)
SELECT 'ALRT-' || lpad(((SELECT count(*) FROM agent_alerts) + x.n)::text, 3, '0'),
       a.id,
       (SELECT r.id FROM agent_runs r WHERE r.ai_agent_id = a.id AND r.started_at >= x.raised - interval '45 days'
          AND r.started_at <= x.raised ORDER BY r.cost_amount DESC LIMIT 1),
       x.atype, x.sev, x.status, x.msg, x.raised, x.ack, x.resolved
FROM (VALUES
 (1,'cost-analyst','cost_overrun','warning','resolved','Run cost 4x the monthly median: full-year report requested by mistake',
    timestamptz '2027-04-03 10:00+00', timestamptz '2027-04-03 11:00+00', timestamptz '2027-04-04 09:00+00'),
 (2,'forum-moderator','policy_violation','critical','resolved','Hid a legitimate governance post as spam; restored by moderator',
    timestamptz '2027-02-10 18:30+00', timestamptz '2027-02-10 19:00+00', timestamptz '2027-02-11 08:00+00'),
 (3,'code-reviewer','budget_threshold','info','acknowledged','80% of the monthly LLM budget used by day 20',
    timestamptz '2027-08-20 07:00+00', timestamptz '2027-08-20 08:15+00', NULL),
 (4,'sre-assistant','output_quality','warning','resolved','Suggested a runbook step for the wrong cluster; agent paused',
    timestamptz '2027-06-14 03:20+00', timestamptz '2027-06-14 03:40+00', timestamptz '2027-06-16 12:00+00'),
 (5,'wiki-curator','output_quality','info','suppressed','Link suggestions to archived articles (known, filter added)',
    timestamptz '2027-03-02 06:30+00', NULL, NULL),
 (6,'compliance-checker','timeout','warning','open','Two consecutive timeouts on long policy pages',
    timestamptz '2027-09-28 14:00+00', NULL, NULL)
) AS x(n, agent, atype, sev, status, msg, raised, ack, resolved)
JOIN ai_agents a ON a.code = x.agent
ORDER BY x.n;

-- Wiki revisions (06): generated per article. Revision 1 creates the article (by the author,
-- or as an AI draft accepted by the author where most of it was written by AI); later
-- revisions alternate between people and the wiki curator agent once it is deployed.
INSERT INTO wiki_article_revisions (wiki_article_id, revision_no, editor_member_id, ai_agent_id, edit_kind,
                                    change_summary, words_added, words_removed, revised_at)
WITH base AS (
    SELECT wa.id, wa.slug, wa.author_member_id, wa.word_count, wa.ai_generated_pct, wa.first_drafted_on,
           COALESCE(wa.published_on, DATE '2027-09-30') AS last_day,
           2 + pg_temp.h('revs:' || wa.slug) % 5 AS n_revs
    FROM wiki_articles wa
), curator AS (
    SELECT id, deployed_on FROM ai_agents WHERE code = 'wiki-curator'
), editors AS (
    SELECT array_agg(id ORDER BY handle) AS ids FROM community_members
    WHERE member_type IN ('core_team','contributor') AND status = 'active'
)
SELECT b.id, g.n,
       CASE WHEN g.n = 1 THEN b.author_member_id
            WHEN g.n % 2 = 0 AND c.deployed_on <= rev_day.d AND pg_temp.h(b.slug || ':ai:' || g.n) % 3 = 0 THEN NULL
            ELSE e.ids[1 + pg_temp.h(b.slug || ':ed:' || g.n) % array_length(e.ids, 1)] END,
       CASE WHEN g.n = 1 AND b.ai_generated_pct >= 50 AND c.deployed_on <= b.first_drafted_on THEN c.id
            WHEN g.n > 1 AND g.n % 2 = 0 AND c.deployed_on <= rev_day.d THEN c.id END,
       CASE WHEN g.n = 1 AND b.ai_generated_pct >= 50 AND c.deployed_on <= b.first_drafted_on THEN 'ai_draft'
            WHEN g.n = 1 THEN 'create'
            WHEN g.n % 2 = 0 AND c.deployed_on <= rev_day.d THEN
                 (ARRAY['ai_summary','ai_link_suggestion'])[1 + pg_temp.h(b.slug || ':k:' || g.n) % 2]
            WHEN g.n = b.n_revs THEN 'review'
            ELSE 'edit' END,
       CASE WHEN g.n = 1 THEN 'First draft' WHEN g.n = b.n_revs THEN 'Review before publishing' ELSE 'Update' END,
       CASE WHEN g.n = 1 THEN (b.word_count * 0.7)::int
            ELSE (b.word_count * 0.3 / (b.n_revs - 1))::int + pg_temp.h(b.slug || ':w:' || g.n) % 60 END,
       CASE WHEN g.n = 1 THEN 0 ELSE pg_temp.h(b.slug || ':r:' || g.n) % 60 END,
       rev_day.d::timestamp AT TIME ZONE 'UTC' + make_interval(hours => 8 + pg_temp.h(b.slug || ':hh:' || g.n) % 10)
FROM base b
CROSS JOIN curator c
CROSS JOIN editors e
CROSS JOIN LATERAL generate_series(1, b.n_revs) AS g(n)
CROSS JOIN LATERAL (SELECT b.first_drafted_on + ((b.last_day - b.first_drafted_on) * (g.n - 1) / GREATEST(1, b.n_revs - 1)) AS d) rev_day
ORDER BY b.id, g.n;

-- =====================================================================================
-- 09 community: forums, threads, posts, contributions, reputation
-- =====================================================================================
INSERT INTO forums (slug, name, description, forum_category, wiki_space_id, moderator_member_id, moderation_agent_id, opened_on)
SELECT f.slug, f.name, f.descr, f.cat, (SELECT id FROM wiki_spaces WHERE slug = f.space),
       (SELECT id FROM community_members WHERE handle = f.moderator), (SELECT id FROM ai_agents WHERE code = f.agent), f.opened
FROM (VALUES  -- VIVIM plan figure
 ('announcements','Announcements','Releases, milestones, treasury reports','announcements',NULL,'dragonera',NULL,DATE '2026-02-02'),
 ('governance','Governance','Discussion of DAO proposals before and during votes','governance','governance','dragonera','forum-moderator','2026-03-02'),
 ('engineering','Engineering','Architecture, RFCs, code','engineering','architecture','etna_dev','forum-moderator','2026-03-02'),
 ('bounties','Bounties','Questions about open bounties and claims','bounties','community-guides','posidonia','forum-moderator','2026-05-04'),
 ('support','Support','Help for VIVIM users','support','community-guides','sliema-sky','forum-moderator','2026-05-18'),
 ('wiki-talk','Wiki talk','Discussion of wiki articles and the curator agent','wiki','handbook','posidonia','wiki-curator','2026-08-28')
) AS f(slug, name, descr, cat, space, moderator, agent, opened);

CREATE TEMP TABLE tmp_thread (slug text, forum text, title text, author text, proposal text, bounty text,
                              status text, pinned boolean, opened timestamptz, n_posts int);
INSERT INTO tmp_thread VALUES  -- VIVIM plan figure
 ('welcome-to-vivim','announcements','Welcome to VIVIM','tramuntana',NULL,NULL,'locked',true,'2026-02-02 09:00+00',3),
 ('m5-social-released','announcements','M5 Social is live','thames-pm',NULL,NULL,'locked',false,'2026-11-30 10:00+00',4),
 ('first-dividend-paid','announcements','First user dividend paid','gozo-ops',NULL,NULL,'open',true,'2027-08-31 12:00+00',5),
 ('vip-001-charter','governance','VIP-001: DAO charter','tramuntana','VIP-001',NULL,'archived',false,'2026-03-02 09:00+00',4),
 ('vip-002-bounty-round-1','governance','VIP-002: bounty round 1','dragonera','VIP-002',NULL,'archived',false,'2026-04-06 09:00+00',5),
 ('vip-006-pgvector','governance','VIP-006: move to pgvector?','lowtide','VIP-006',NULL,'archived',false,'2026-06-29 09:00+00',7),
 ('vip-010-university-partnership','governance','VIP-010: university partnership','ngi-partner','VIP-010',NULL,'archived',false,'2027-02-08 09:00+00',4),
 ('vip-013-dividend-policy','governance','VIP-013: dividend policy','sfo-advisor','VIP-013',NULL,'resolved',false,'2027-05-31 09:00+00',6),
 ('vip-014-quorum','governance','VIP-014: raise community quorum','thames-pm','VIP-014',NULL,'open',true,'2027-09-20 09:00+00',5),
 ('vip-015-moderator-upgrade','governance','VIP-015: bigger model for the moderator?','dragonera','VIP-015',NULL,'open',false,'2027-09-28 09:00+00',3),
 ('acu-api-feedback','engineering','ACU API feedback','nodewright',NULL,NULL,'resolved',false,'2026-04-15 09:00+00',5),
 ('sync-protocol-rfc','engineering','RFC: sync protocol v1','nodewright',NULL,NULL,'open',false,'2027-01-20 09:00+00',6),
 ('bnt-002-rust-sdk','bounties','BNT-002: Rust SDK scope','ragu_rust',NULL,'BNT-002','resolved',false,'2026-05-06 09:00+00',4),
 ('bnt-018-audit-conflict','bounties','BNT-018: who can claim the audit?','baltic_byte',NULL,'BNT-018','open',false,'2027-09-21 12:00+00',3),
 ('payout-kyc-question','bounties','Do I need KYC for payouts?','dublin_data',NULL,'BNT-011','resolved',false,'2027-02-25 09:00+00',4),
 ('export-my-data','support','How do I export my data?','fjordfox',NULL,NULL,'resolved',false,'2026-12-05 09:00+00',3),
 ('dividend-not-received','support','Dividend not received','londonfog',NULL,NULL,'open',false,'2027-09-02 09:00+00',4),
 ('curator-too-eager','wiki-talk','The curator agent suggests too many links','posidonia',NULL,NULL,'resolved',false,'2027-03-01 09:00+00',4);
INSERT INTO forum_threads (slug, forum_id, title, author_member_id, dao_proposal_id, work_bounty_id, status, is_pinned, opened_at)
SELECT t.slug, (SELECT id FROM forums WHERE slug = t.forum), t.title, (SELECT id FROM community_members WHERE handle = t.author),
       (SELECT id FROM dao_proposals WHERE code = t.proposal), (SELECT id FROM work_bounties WHERE code = t.bounty),
       t.status, t.pinned, t.opened
FROM tmp_thread t ORDER BY t.opened;

-- Posts, generated: post 1 by the thread author; replies by members who had joined by then;
-- in forums with a moderation agent, every fourth reply is written by that agent.
INSERT INTO forum_posts (forum_thread_id, author_member_id, ai_agent_id, parent_post_id, body, posted_at, upvotes,
                         is_accepted_answer, is_hidden)
SELECT ft.id,
       CASE WHEN g.n = 1 THEN ft.author_member_id
            WHEN g.n % 4 = 0 AND f.moderation_agent_id IS NOT NULL THEN NULL
            ELSE pool.ids[1 + pg_temp.h(t.slug || ':a:' || g.n) % array_length(pool.ids, 1)] END,
       CASE WHEN g.n > 1 AND g.n % 4 = 0 AND f.moderation_agent_id IS NOT NULL THEN f.moderation_agent_id END,
       NULL,
       CASE WHEN g.n = 1 THEN t.title || ' - opening post.'
            WHEN g.n % 4 = 0 AND f.moderation_agent_id IS NOT NULL
                 THEN 'Automated note: related wiki articles and previous decisions are linked below.'
            ELSE (ARRAY['Agree, with one caveat about cost.','Could we see the numbers first?',
                        'This matches what we saw in the last milestone.','I can help with this.',
                        'Linked the relevant wiki article.','Thanks, that solved it.'])
                 [1 + pg_temp.h(t.slug || ':b:' || g.n) % 6] END,
       t.opened + make_interval(hours => (g.n - 1) * (3 + pg_temp.h(t.slug || ':g:' || g.n) % 20)),
       pg_temp.h(t.slug || ':u:' || g.n) % 25,
       (t.status = 'resolved' AND g.n = t.n_posts AND t.forum IN ('support','bounties','engineering','wiki-talk')),
       false
FROM tmp_thread t
JOIN forum_threads ft ON ft.slug = t.slug
JOIN forums f         ON f.id = ft.forum_id
CROSS JOIN LATERAL generate_series(1, t.n_posts) AS g(n)
CROSS JOIN LATERAL (
    SELECT array_agg(cm.id ORDER BY cm.handle) AS ids FROM community_members cm
    WHERE cm.joined_on <= t.opened::date AND cm.status = 'active' AND cm.id <> ft.author_member_id
) pool
ORDER BY t.opened, g.n;
-- replies point at the opening post of their thread
UPDATE forum_posts p SET parent_post_id = o.id
FROM forum_posts o
WHERE o.forum_thread_id = p.forum_thread_id AND p.id <> o.id
  AND o.posted_at = (SELECT min(posted_at) FROM forum_posts x WHERE x.forum_thread_id = p.forum_thread_id);
-- one spam post hidden by the moderator agent
INSERT INTO forum_posts (forum_thread_id, author_member_id, body, posted_at, upvotes, is_hidden)
VALUES ((SELECT id FROM forum_threads WHERE slug = 'm5-social-released'),
        (SELECT id FROM community_members WHERE handle = 'spambot9000'),
        'Cheap followers, click here', '2026-12-01 03:14+00', 0, true);

-- Contributions, derived from the rows above plus a few hand-written ones.
INSERT INTO contributions (code, community_member_id, contribution_type, title, work_task_id, wiki_article_id,
                           dao_proposal_id, bounty_claim_id, status, contributed_on, reward_amount, currency,
                           reward_token_symbol, reward_token_amount)
SELECT 'CTB-' || lpad(row_number() OVER (ORDER BY c.contributed_on, c.title)::text, 4, '0'), c.*
FROM (
    -- accepted or rejected bounty claims
    SELECT bc.community_member_id, 'bounty' AS contribution_type, b.title, b.work_task_id, NULL::bigint AS wiki_article_id,
           NULL::bigint AS dao_proposal_id, bc.id AS bounty_claim_id,
           CASE bc.status WHEN 'accepted' THEN 'accepted' ELSE 'rejected' END AS status,
           bc.submitted_at::date AS contributed_on,
           CASE WHEN bc.status = 'accepted' THEN b.reward_amount ELSE 0 END AS reward_amount, b.currency,
           b.reward_token_symbol, CASE WHEN bc.status = 'accepted' THEN b.reward_token_amount ELSE 0 END AS reward_token_amount
    FROM bounty_claims bc JOIN work_bounties b ON b.id = bc.work_bounty_id
    WHERE bc.status IN ('accepted','rejected')
    UNION ALL
    -- published wiki articles by non-staff authors earn 200 VWT (VIVIM plan figure)
    SELECT wa.author_member_id, 'wiki', wa.title, NULL, wa.id, NULL, NULL,
           CASE WHEN wa.status IN ('published','archived') THEN 'accepted' ELSE 'submitted' END,
           COALESCE(wa.published_on, wa.first_drafted_on), 0, 'EUR',
           CASE WHEN cm.team_member_id IS NULL AND wa.status IN ('published','archived') THEN 'VWT' END,
           CASE WHEN cm.team_member_id IS NULL AND wa.status IN ('published','archived') THEN 200 ELSE 0 END
    FROM wiki_articles wa JOIN community_members cm ON cm.id = wa.author_member_id
    UNION ALL
    -- proposals
    SELECT dp.proposer_member_id, 'governance', dp.code || ': ' || dp.title, NULL, NULL, dp.id, NULL,
           CASE WHEN dp.status IN ('passed','executed') THEN 'accepted'
                WHEN dp.status IN ('rejected','cancelled','expired') THEN 'rejected' ELSE 'submitted' END,
           dp.submitted_on, 0, 'EUR', NULL, 0
    FROM dao_proposals dp WHERE dp.proposer_member_id IS NOT NULL
    UNION ALL
    -- hand-written code, design, translation, moderation and bug reports (VIVIM plan figure)
    SELECT (SELECT id FROM community_members WHERE handle = x.handle), x.ctype, x.title,
           (SELECT id FROM work_tasks WHERE code = x.task), NULL, NULL, NULL, x.status, x.d, 0, 'EUR',
           CASE WHEN x.vwt > 0 THEN 'VWT' END, x.vwt
    FROM (VALUES
      ('nodewright','code','Fix ACU pagination off-by-one','WT-005','accepted',DATE '2026-04-28',300),
      ('bytebaker','code','Passkey fallback for older Android','WT-002','accepted','2026-02-26',250),
      ('pixelmonk','design','Dark mode for the block editor','WT-008','accepted','2026-12-14',300),
      ('tulipstack','code','Hetzner firewall module','WT-026','accepted','2027-01-25',250),
      ('quietquant','code','Retrieval metrics in the eval set','WT-012','accepted','2026-07-29',300),
      ('alpine_ai','code','QLoRA config for the 8B model','WT-031','accepted','2027-04-22',350),
      ('marsala','code','Flaky test fixes in billing','WT-033','rejected','2027-06-10',0),
      ('cantina','code','SEPA mandate handling','WT-034','submitted','2027-09-24',0),
      ('moka','translation','Italian wiki glossary',NULL,'accepted','2026-10-02',150),
      ('sirocco','translation','Maltese FAQ',NULL,'accepted','2027-01-20',150),
      ('sliema-sky','moderation','Support forum triage, Q1-2027',NULL,'accepted','2027-03-31',100),
      ('fjordfox','bug_report','Export misses attachments',NULL,'accepted','2026-12-06',50),
      ('londonfog','bug_report','Dividend amount shown twice',NULL,'submitted','2027-09-03',0),
      ('kernelkat','bug_report','Session fixation on logout',NULL,'accepted','2026-09-14',200),
      ('posidonia','docs','Bounty FAQ refresh',NULL,'accepted','2027-04-26',100)
    ) AS x(handle, ctype, title, task, status, d, vwt)
) c;

-- Reputation events, derived (VIVIM plan figure for the points):
--   bounty completed 50/80/120/160 by difficulty; wiki article published 30; proposal passed 60;
--   other accepted contributions 20-40; vote cast 2; accepted forum answer 15; penalties.
INSERT INTO reputation_events (community_member_id, event_type, points, contribution_id, occurred_on, note)
SELECT c.community_member_id,
       CASE c.contribution_type WHEN 'bounty' THEN 'bounty_completed' WHEN 'wiki' THEN 'wiki_published'
                                WHEN 'governance' THEN 'proposal_passed' ELSE 'contribution_accepted' END,
       CASE c.contribution_type
            WHEN 'bounty' THEN (SELECT CASE b.difficulty WHEN 'beginner' THEN 50 WHEN 'intermediate' THEN 80
                                                         WHEN 'advanced' THEN 120 ELSE 160 END
                                FROM bounty_claims bc JOIN work_bounties b ON b.id = bc.work_bounty_id
                                WHERE bc.id = c.bounty_claim_id)
            WHEN 'wiki' THEN 30 WHEN 'governance' THEN 60 WHEN 'code' THEN 40 WHEN 'design' THEN 40
            WHEN 'bug_report' THEN 20 ELSE 25 END,
       c.id, c.contributed_on, c.code
FROM contributions c WHERE c.status = 'accepted';
INSERT INTO reputation_events (community_member_id, event_type, points, dao_vote_id, occurred_on, note)
SELECT v.community_member_id, 'vote_cast', 2, v.id, v.cast_at::date, p.code
FROM dao_votes v JOIN dao_proposals p ON p.id = v.dao_proposal_id;
INSERT INTO reputation_events (community_member_id, event_type, points, forum_post_id, occurred_on, note)
SELECT fp.author_member_id, 'forum_accepted_answer', 15, fp.id, fp.posted_at::date, 'Accepted answer'
FROM forum_posts fp WHERE fp.is_accepted_answer AND fp.author_member_id IS NOT NULL;
INSERT INTO reputation_events (community_member_id, event_type, points, occurred_on, note)
SELECT (SELECT id FROM community_members WHERE handle = x.handle), x.etype, x.points, x.d, x.note
FROM (VALUES  -- VIVIM plan figure
  ('nodewright','peer_endorsement',25,DATE '2026-07-01','Endorsed by etna_dev for the Rust SDK'),
  ('posidonia','peer_endorsement',25,'2026-12-01','Endorsed by dragonera for translation coordination'),
  ('ragu_rust','peer_endorsement',20,'2027-02-15','Endorsed by kernelkat'),
  ('spambot9000','moderation_penalty',-100,'2026-12-01','Spam; account suspended'),
  ('bytebaker','moderation_penalty',-20,'2026-08-05','Rude reply in a bounty review thread')
) AS x(handle, etype, points, d, note);

-- Reputation snapshots at year end 2026 and at the data date, from the events.
INSERT INTO member_reputation (community_member_id, as_of_date, reputation_points, reputation_level, vote_weight_multiplier)
SELECT cm.id, s.as_of, COALESCE(sum(re.points), 0),
       CASE WHEN COALESCE(sum(re.points), 0) >= 300 THEN 'steward'
            WHEN COALESCE(sum(re.points), 0) >= 120 THEN 'trusted'
            WHEN COALESCE(sum(re.points), 0) >= 30  THEN 'contributor'
            ELSE 'newcomer' END,
       CASE WHEN COALESCE(sum(re.points), 0) >= 300 THEN 1.20
            WHEN COALESCE(sum(re.points), 0) >= 120 THEN 1.10
            WHEN COALESCE(sum(re.points), 0) >= 30  THEN 1.05
            WHEN COALESCE(sum(re.points), 0) < 0    THEN 0.00
            ELSE 1.00 END
FROM community_members cm
CROSS JOIN (VALUES (DATE '2026-12-31'), (DATE '2027-09-30')) AS s(as_of)
LEFT JOIN reputation_events re ON re.community_member_id = cm.id AND re.occurred_on <= s.as_of
WHERE cm.joined_on <= s.as_of
GROUP BY cm.id, s.as_of;
