-- =============================================================================
-- VIVIM cost database — seed 06: operations (module 10)
-- Cost pools Q1-Q4 2026, categories and attribution rules, operational
-- expenses (facilities, SaaS, legal, insurance, travel, equipment), resource
-- pools and utilization, budgets, and the cross-module cost attributions.
--
-- Load after seeds 01-05. Other modules' rows are referenced by natural key.
-- Sources: ../shared/data/labor-cost-facts.md (§4b coworking) and
-- ../shared/data/infra-llm-legal-cost-facts.md (§1 cloud, §4 legal, §5 SaaS);
-- the source key and flag sit in a comment beside the rows that use them.
-- Project calendar: project month 1 = January 2026 (see milestones).
-- =============================================================================

SET client_min_messages = warning;

-- Session helper: the milestone each 2026 quarter mostly works on (most days of
-- overlap with the quarter, lower sequence on a tie). Temporary, dropped at the end.
CREATE TEMP TABLE tmp_quarter_focus AS
SELECT DISTINCT ON (q.code) q.code AS period_code, m.id AS milestone_id, m.code AS milestone_code
FROM (VALUES ('2026-Q1', DATE '2026-01-01', DATE '2026-03-31'),
             ('2026-Q2', DATE '2026-04-01', DATE '2026-06-30'),
             ('2026-Q3', DATE '2026-07-01', DATE '2026-09-30'),
             ('2026-Q4', DATE '2026-10-01', DATE '2026-12-31')) q(code, s, e)
JOIN milestones m ON m.planned_start_date <= q.e AND m.planned_end_date >= q.s
ORDER BY q.code, (LEAST(m.planned_end_date, q.e) - GREATEST(m.planned_start_date, q.s)) DESC, m.sequence;

-- -----------------------------------------------------------------------------
-- cost_pool_types — VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO cost_pool_types (code, name, pool_class, owner_team_id, description)
SELECT v.code, v.name, v.pool_class, (SELECT id FROM teams WHERE code = v.team), v.descr
FROM (VALUES
    ('ENG',       'Engineering delivery',        'direct',         'core-platform',    'Core platform engineering: payroll, dev tooling, contributor grants'),
    ('ML',        'ML research & training',      'direct',         'ml-research',      'ML research staff, GPU training and vector search attributed to ML'),
    ('INFRA',     'Cloud infrastructure & SRE',  'shared_service', 'infra-sre',        'Production cloud, storage, CDN, observability and the SRE team'),
    ('SECLEGAL',  'Security, legal & compliance','direct',         'legal-compliance', 'Security and legal staff, counsel, DPO, audits, regulatory fees'),
    ('PRODUCT',   'Product & design',            'direct',         'product-design',   'Product management and design staff and design tools'),
    ('COMMUNITY', 'Community & growth',          'program',        'community-growth', 'Community team and community programmes (ambassadors, events, hackathons)'),
    ('DAO',       'DAO programmes & bounties',   'program',        'community-growth', 'Open-work bounties and contributor grants funded through the DAO treasuries'),
    ('GA',        'General & administrative',    'shared_service', 'operations',       'Operations staff, coworking, collaboration SaaS, insurance, accounting, travel, equipment')
) v(code, name, pool_class, team, descr);

-- -----------------------------------------------------------------------------
-- budget_periods — VIVIM plan figure (fiscal year = calendar year 2026)
-- -----------------------------------------------------------------------------
INSERT INTO budget_periods (code, name, period_type, fiscal_year, start_date, end_date, status, notes) VALUES
    ('FY2026', 'Fiscal year 2026', 'year', 2026, '2026-01-01', '2026-12-31', 'open', 'Project months 1-12 (milestones M1-M7)');
INSERT INTO budget_periods (code, name, period_type, fiscal_year, start_date, end_date, parent_period_id, status, notes)
SELECT v.code, v.name, 'quarter', 2026, v.s::date, v.e::date, (SELECT id FROM budget_periods WHERE code = 'FY2026'), v.status, v.notes
FROM (VALUES
    ('2026-Q1', 'Q1 2026', '2026-01-01', '2026-03-31', 'closed', 'M1 Foundation'),
    ('2026-Q2', 'Q2 2026', '2026-04-01', '2026-06-30', 'closed', 'M2 ACU, M3 Compose'),
    ('2026-Q3', 'Q3 2026', '2026-07-01', '2026-09-30', 'closed', 'M4 Context, M5 Social'),
    ('2026-Q4', 'Q4 2026', '2026-10-01', '2026-12-31', 'open',   'M5 Social, M6 Consent; actuals to date plus committed')
) v(code, name, s, e, status, notes);

-- -----------------------------------------------------------------------------
-- cost_allocation_pools — allocated amounts: VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO cost_allocation_pools (code, name, cost_pool_type_id, budget_period_id, owner_team_id, milestone_id,
                                   allocated_amount, currency, funding_source, status, description)
SELECT pt.code || '-' || v.period,
       pt.name || ' ' || v.period,
       pt.id,
       (SELECT id FROM budget_periods WHERE code = v.period),
       pt.owner_team_id,
       (SELECT milestone_id FROM tmp_quarter_focus f WHERE f.period_code = v.period),
       v.allocated, 'EUR',
       CASE pt.code WHEN 'DAO' THEN 'dao_treasury' WHEN 'COMMUNITY' THEN 'mixed' ELSE 'operating' END,
       CASE WHEN v.period = '2026-Q4' THEN 'active' ELSE 'closed' END,
       v.note
FROM (VALUES
    -- pool type, period, allocated (EUR)                                      -- VIVIM plan figure
    ('COMMUNITY', '2026-Q1',    2500.00, NULL),
    ('COMMUNITY', '2026-Q2',    9500.00, NULL),
    ('COMMUNITY', '2026-Q3',   27300.00, 'Palma hackathon (M5 Social launch)'),
    ('COMMUNITY', '2026-Q4',   18000.00, NULL),
    ('DAO', '2026-Q1',    2500.00, NULL),
    ('DAO', '2026-Q2',   17000.00, NULL),
    ('DAO', '2026-Q3',   10500.00, NULL),
    ('DAO', '2026-Q4',   26000.00, NULL),
    ('ENG', '2026-Q1',   68500.00, NULL),
    ('ENG', '2026-Q2',  120500.00, NULL),
    ('ENG', '2026-Q3',  107000.00, NULL),
    ('ENG', '2026-Q4',  128500.00, NULL),
    ('GA', '2026-Q1',   51500.00, 'Annual insurance premiums fall in Q1'),
    ('GA', '2026-Q2',   61000.00, NULL),
    ('GA', '2026-Q3',   50500.00, NULL),
    ('GA', '2026-Q4',   57000.00, NULL),
    ('INFRA', '2026-Q1',   20500.00, NULL),
    ('INFRA', '2026-Q2',   18500.00, NULL),
    ('INFRA', '2026-Q3',   30000.00, NULL),
    ('INFRA', '2026-Q4',   45700.00, NULL),
    ('ML', '2026-Q1',   10000.00, NULL),
    ('ML', '2026-Q2',   27500.00, NULL),
    ('ML', '2026-Q3',   50000.00, NULL),
    ('ML', '2026-Q4',   52900.00, 'H100 training burst for M6 planned at 300 GPU-hours'),
    ('PRODUCT', '2026-Q1',   33500.00, NULL),
    ('PRODUCT', '2026-Q2',   34000.00, NULL),
    ('PRODUCT', '2026-Q3',   48000.00, NULL),
    ('PRODUCT', '2026-Q4',   56500.00, NULL),
    ('SECLEGAL', '2026-Q1',   19500.00, NULL),
    ('SECLEGAL', '2026-Q2',   69500.00, 'MiCA / securities qualification opinion budgeted at 25 h'),
    ('SECLEGAL', '2026-Q3',   64500.00, NULL),
    ('SECLEGAL', '2026-Q4',  114000.00, 'SOC 2 Type I audit') 
) v(pool_type, period, allocated, note)
JOIN cost_pool_types pt ON pt.code = v.pool_type;

-- -----------------------------------------------------------------------------
-- cost_categories (hierarchical) — VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO cost_categories (code, name, category_type, expense_nature, description) VALUES
    ('LAB', 'Labor',                        'labor',                 'opex',  'Payroll and contractor cost of team members'),
    ('INF', 'Cloud infrastructure',         'infrastructure',        'opex',  'Metered cloud services and one-off cloud fees'),
    ('FAC', 'Facilities',                   'facilities',            'opex',  'Coworking, meeting rooms, event space, registered address'),
    ('SW',  'Software & SaaS',              'software',              'opex',  'Per-seat and flat SaaS subscriptions'),
    ('PRO', 'Professional services',        'professional_services', 'opex',  'Counsel, DPO, audits, accounting, regulatory fees'),
    ('INS', 'Insurance',                    'insurance',             'opex',  'Insurance premiums'),
    ('COM', 'Community programmes',         'community',             'opex',  'Ambassadors, moderation, events, hackathons, content'),
    ('WRK', 'Open work',                    'work',                  'opex',  'Bounty payouts and external contributor grants'),
    ('TRV', 'Travel',                       'travel',                'opex',  'Team offsites and conference travel'),
    ('EQP', 'Equipment',                    'equipment',             'capex', 'Laptops and peripherals'),
    ('GOV', 'DAO & governance operations',  'governance',            'opex',  'On-chain execution and governance tooling');

INSERT INTO cost_categories (code, name, parent_id, category_type, expense_nature, description)
SELECT v.code, v.name, p.id, p.category_type, p.expense_nature, v.descr
FROM (VALUES
    ('LAB-EMP',     'Employees',                        'LAB', 'Employer cost of employees'),
    ('LAB-CTR',     'Contractors & freelancers',        'LAB', 'Invoiced cost of contractors and freelancers'),
    ('INF-COMPUTE', 'Compute',                          'INF', 'Virtual and dedicated servers'),
    ('INF-DB',      'Databases',                        'INF', 'Managed and self-hosted databases'),
    ('INF-STORAGE', 'Storage',                          'INF', 'Object and block storage'),
    ('INF-NET',     'Network & CDN',                    'INF', 'CDN plans, load balancers, traffic'),
    ('INF-VECTOR',  'Vector database',                  'INF', 'Vector search service'),
    ('INF-GPU',     'GPU compute',                      'INF', 'GPU instances for training and inference'),
    ('INF-LLM',     'LLM APIs',                         'INF', 'Internal and agent LLM API usage'),
    ('INF-SAAS',    'Infrastructure SaaS',              'INF', 'Cloud-billed SaaS'),
    ('FAC-COWORK',  'Coworking desks',                  'FAC', 'Hot and fixed coworking desks'),
    ('FAC-MEET',    'Meeting rooms & event space',      'FAC', 'Day rental of rooms and event space'),
    ('FAC-VIRTUAL', 'Virtual office',                   'FAC', 'Registered address and mail handling'),
    ('SW-DEV',      'Developer tools',                  'SW',  'Code hosting, issue tracking'),
    ('SW-COLLAB',   'Collaboration',                    'SW',  'Chat, docs, office suite, design'),
    ('SW-OBS',      'Observability',                    'SW',  'Error tracking, metrics, logs'),
    ('SW-SEC',      'Security tools',                   'SW',  'Password management'),
    ('PRO-LEGAL',   'Legal counsel',                    'PRO', 'External counsel, fixed-fee drafting'),
    ('PRO-DPO',     'Data protection officer',          'PRO', 'Outsourced DPO and DPIAs'),
    ('PRO-AUDIT',   'Audits & certification',           'PRO', 'SOC 2 and similar audits'),
    ('PRO-ACCT',    'Accounting & payroll',             'PRO', 'Bookkeeping, payroll bureau'),
    ('PRO-REG',     'Regulatory fees',                  'PRO', 'Fees paid to regulators'),
    ('INS-PREMIUM', 'Insurance premiums',               'INS', 'Premiums of all policies'),
    ('COM-PROG',    'Ambassadors & moderation',         'COM', 'Stipends of community ambassadors, moderators, translators'),
    ('COM-EVENTS',  'Events & hackathons',              'COM', 'Meetups, hackathons, prizes'),
    ('COM-CONTENT', 'Content & hosting',                'COM', 'Content production and forum hosting'),
    ('WRK-BOUNTY',  'Bounties',                         'WRK', 'Bounty rewards paid to claimants'),
    ('WRK-GRANT',   'Contributor grants',               'WRK', 'Grants to external contributors of work projects'),
    ('TRV-TEAM',    'Team travel',                      'TRV', 'Offsites and conferences'),
    ('EQP-HW',      'Hardware',                         'EQP', 'Laptops'),
    ('GOV-ONCHAIN', 'On-chain execution',               'GOV', 'Multisig execution gas and governance tooling')
) v(code, name, parent, descr)
JOIN cost_categories p ON p.code = v.parent;

-- third level: two sub-categories where the split matters
INSERT INTO cost_categories (code, name, parent_id, category_type, expense_nature, description)
SELECT v.code, v.name, p.id, p.category_type, p.expense_nature, v.descr
FROM (VALUES
    ('SW-DEV-AI',    'AI coding assistants',  'SW-DEV',  'Per-seat AI coding assistants'),
    ('INF-GPU-TRAIN','GPU training runs',     'INF-GPU', 'Burst GPU hours for model training')
) v(code, name, parent, descr)
JOIN cost_categories p ON p.code = v.parent;

-- -----------------------------------------------------------------------------
-- cost_allocation_rules — VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO cost_allocation_rules (code, name, source_module, source_table, team_id, service_type, cost_category_id,
                                   target_pool_type_id, allocation_basis, allocation_pct, effective_from, effective_to,
                                   priority, description)
SELECT v.code, v.name, v.module, v.tbl,
       (SELECT id FROM teams WHERE code = v.team),
       v.stype,
       (SELECT id FROM cost_categories WHERE code = v.cat),
       (SELECT id FROM cost_pool_types WHERE code = v.pool),
       v.basis, v.pct, DATE '2026-01-01', NULL::date, v.prio, v.descr
FROM (VALUES
    -- people: team member cost by team
    ('AR-PPL-CORE',    'Core platform labor',          'people', 'team_members', 'core-platform',    NULL, 'LAB', 'ENG',       'fte',       100.00, 10, NULL),
    ('AR-PPL-ML',      'ML research labor',            'people', 'team_members', 'ml-research',      NULL, 'LAB', 'ML',        'fte',       100.00, 10, NULL),
    ('AR-PPL-SRE-INF', 'SRE labor to infrastructure',  'people', 'team_members', 'infra-sre',        NULL, 'LAB', 'INFRA',     'fte',        80.00, 10, 'Operations of production'),
    ('AR-PPL-SRE-SEC', 'SRE labor to security',        'people', 'team_members', 'infra-sre',        NULL, 'LAB', 'SECLEGAL',  'fte',        20.00, 10, 'Hardening, backups, audit evidence'),
    ('AR-PPL-SEC',     'Security labor',               'people', 'team_members', 'security',         NULL, 'LAB', 'SECLEGAL',  'fte',       100.00, 10, NULL),
    ('AR-PPL-PROD',    'Product & design labor',       'people', 'team_members', 'product-design',   NULL, 'LAB', 'PRODUCT',   'fte',       100.00, 10, NULL),
    ('AR-PPL-COMM',    'Community labor',              'people', 'team_members', 'community-growth', NULL, 'LAB', 'COMMUNITY', 'fte',        70.00, 10, NULL),
    ('AR-PPL-COMM-DAO','Community labor to DAO',       'people', 'team_members', 'community-growth', NULL, 'LAB', 'DAO',       'fte',        30.00, 10, 'Bounty programme and governance facilitation'),
    ('AR-PPL-LEGAL',   'Legal & compliance labor',     'people', 'team_members', 'legal-compliance', NULL, 'LAB', 'SECLEGAL',  'fte',       100.00, 10, NULL),
    ('AR-PPL-OPS',     'Operations labor',             'people', 'team_members', 'operations',       NULL, 'LAB', 'GA',        'fte',       100.00, 10, NULL),
    -- tools: cloud spend by service type
    ('AR-TLS-COMPUTE', 'Compute to infrastructure',    'tools',  'services', NULL, 'compute',   'INF-COMPUTE', 'INFRA', 'usage',  100.00, 20, NULL),
    ('AR-TLS-DB',      'Databases to infrastructure',  'tools',  'services', NULL, 'database',  'INF-DB',      'INFRA', 'usage',  100.00, 20, NULL),
    ('AR-TLS-STO-INF', 'Storage to infrastructure',    'tools',  'services', NULL, 'storage',   'INF-STORAGE', 'INFRA', 'usage',   75.00, 20, 'User data and backups'),
    ('AR-TLS-STO-ML',  'Storage to ML',                'tools',  'services', NULL, 'storage',   'INF-STORAGE', 'ML',    'usage',   25.00, 20, 'Training data sets and checkpoints'),
    ('AR-TLS-NET',     'Network to infrastructure',    'tools',  'services', NULL, 'network',   'INF-NET',     'INFRA', 'usage',  100.00, 20, NULL),
    ('AR-TLS-CDN',     'CDN to infrastructure',        'tools',  'services', NULL, 'cdn',       'INF-NET',     'INFRA', 'usage',  100.00, 20, NULL),
    ('AR-TLS-VEC-INF', 'Vector DB to infrastructure',  'tools',  'services', NULL, 'vector_db', 'INF-VECTOR',  'INFRA', 'usage',   60.00, 20, 'Production context retrieval'),
    ('AR-TLS-VEC-ML',  'Vector DB to ML',              'tools',  'services', NULL, 'vector_db', 'INF-VECTOR',  'ML',    'usage',   40.00, 20, 'Embedding experiments'),
    ('AR-TLS-GPU',     'GPU to ML',                    'tools',  'services', NULL, 'gpu',       'INF-GPU',     'ML',    'usage',  100.00, 20, NULL),
    ('AR-TLS-LLM',     'LLM APIs to ML',               'tools',  'services', NULL, 'llm_api',   'INF-LLM',     'ML',    'usage',  100.00, 20, 'BYOK for users; internal/agent usage only'),
    ('AR-TLS-SAAS',    'Cloud SaaS to G&A',            'tools',  'services', NULL, 'saas',      'INF-SAAS',    'GA',    'seats',  100.00, 20, NULL),
    -- operations, work, dao, community, governance
    ('AR-OPS-FAC',     'Facilities to G&A',            'operations', 'facility_expenses',  NULL, NULL, 'FAC', 'GA',       'headcount', 100.00, 30, 'Desks follow headcount per location'),
    ('AR-OPS-SAAS',    'Collaboration SaaS to G&A',    'operations', 'operational_expenses', NULL, NULL, 'SW-COLLAB', 'GA', 'seats',   100.00, 30, 'Design seats go to PRODUCT directly'),
    ('AR-OPS-INS',     'Insurance to G&A',             'operations', 'insurance_policies', NULL, NULL, 'INS', 'GA',       'direct',    100.00, 30, 'Crypto/D&O covers borne by SECLEGAL where stated on the policy'),
    ('AR-GOV-LEGAL',   'Legal projects to SECLEGAL',   'governance', 'legal_projects',     NULL, NULL, 'PRO', 'SECLEGAL', 'direct',    100.00, 30, NULL),
    ('AR-WRK-BOUNTY',  'Bounties to DAO programmes',   'work',       'work_bounties',      NULL, NULL, 'WRK-BOUNTY', 'DAO', 'direct',  100.00, 40, NULL),
    ('AR-WRK-GRANT',   'Contributor grants to DAO',    'work',       'work_projects',      NULL, NULL, 'WRK-GRANT',  'DAO', 'direct',  100.00, 40, NULL),
    ('AR-DAO-FUND',    'DAO treasury funding',         'dao',        'dao_treasuries',     NULL, NULL, NULL,         'DAO', 'direct',  100.00, 50, 'Funding, not spend: see treasury_allocations'),
    ('AR-COM-PROG',    'Community programmes',         'community',  'community_members',  NULL, NULL, 'COM',        'COMMUNITY', 'direct', 100.00, 40, NULL)
) v(code, name, module, tbl, team, stype, cat, pool, basis, pct, prio, descr);

-- -----------------------------------------------------------------------------
-- operational_expense_types — VIVIM plan figure (thresholds)
-- -----------------------------------------------------------------------------
INSERT INTO operational_expense_types (code, name, cost_category_id, recurrence, is_capex, approval_threshold, currency, description)
SELECT v.code, v.name, (SELECT id FROM cost_categories WHERE code = v.cat), v.rec, v.capex, v.thr, 'EUR', v.descr
FROM (VALUES
    ('coworking-desk',     'Coworking desks',            'FAC-COWORK',  'quarterly', false,  2000.00, 'Quarterly desk invoices per location'),
    ('event-space',        'Meeting rooms & event space','FAC-MEET',    'one_off',   false,  1000.00, NULL),
    ('virtual-office',     'Virtual office',             'FAC-VIRTUAL', 'quarterly', false,   500.00, NULL),
    ('saas-subscription',  'SaaS subscription',          'SW',          'quarterly', false,  1500.00, 'Seat-based or flat SaaS, billed quarterly'),
    ('legal-fees',         'Legal fees',                 'PRO-LEGAL',   'one_off',   false,  5000.00, NULL),
    ('dpo-service',        'DPO service',                'PRO-DPO',     'monthly',   false,  1000.00, NULL),
    ('audit-fees',         'Audit fees',                 'PRO-AUDIT',   'one_off',   false, 10000.00, NULL),
    ('accounting',         'Accounting & payroll bureau','PRO-ACCT',    'quarterly', false,  2000.00, NULL),
    ('regulatory-fee',     'Regulatory fee',             'PRO-REG',     'one_off',   false,  1000.00, NULL),
    ('insurance-premium',  'Insurance premium',          'INS-PREMIUM', 'annual',    false,  3000.00, NULL),
    ('travel',             'Travel',                     'TRV-TEAM',    'one_off',   false,  3000.00, NULL),
    ('equipment',          'Equipment purchase',         'EQP-HW',      'one_off',   true,   2500.00, NULL),
    ('cloud-commitment',   'Cloud prepayment / one-off', 'INF',         'one_off',   false,  2000.00, 'One-off cloud fees; recurring usage is in infrastructure_cost_allocations'),
    ('onchain-execution',  'On-chain execution',         'GOV-ONCHAIN', 'usage_based', false, 500.00, NULL)
) v(code, name, cat, rec, capex, thr, descr);

-- -----------------------------------------------------------------------------
-- facility_expenses: coworking desks per location and quarter. Desks = team
-- members based at the location, at least half-time, active in the quarter.
-- Desk prices per month:
--   ES-PMI fixed desk 290 EUR   -- src: labor-cost-facts §4b Palma 250-350 fixed desk [EST]
--   IT-CTA hot desk   160 EUR   -- src: labor-cost-facts §4b Catania/Palermo 120-200 [EST]
--   IT-PMO hot desk   150 EUR   -- src: labor-cost-facts §4b Palermo small desk 140 (Repubblica 2016) [SRC] old; 2026 value [EST]
--   MT-VLT fixed desk 250 EUR   -- src: labor-cost-facts §4b Valletta/Sliema 180-300 [EST]
--   MT-SLM hot desk   220 EUR   -- src: labor-cost-facts §4b Valletta/Sliema 180-300 [EST]
--   DE-BER hot desk   210 USD   -- src: BNG22 Berlin avg desk $210/month [SRC] (2022)
--   GB-LON hot desk   308 USD   -- src: BNG22 London avg desk $308/month [SRC] (2022)
--   US-SFO hot desk   359 USD   -- src: BNG22 San Francisco avg desk $359/month [SRC] (2022)
-- -----------------------------------------------------------------------------
INSERT INTO facility_expenses (code, location_id, budget_period_id, cost_allocation_pool_id, cost_category_id, facility_type,
                               provider_name, quantity, billing_unit, billed_units, unit_cost, currency, start_date, end_date, notes)
SELECT 'FAC-' || loc.code || '-' || q.code,
       loc.id, q.id,
       (SELECT p.id FROM cost_allocation_pools p WHERE p.code = 'GA-' || q.code),
       (SELECT id FROM cost_categories WHERE code = 'FAC-COWORK'),
       d.ftype, d.provider, hc.desks, 'desk_month', 3, d.price, d.ccy, q.start_date, q.end_date,
       'Desks = team members based in ' || loc.code || ' active in the quarter'
FROM (VALUES
    ('ES-PMI', 'coworking_fixed_desk', 'Palma coworking (fixed desks)',    290.00, 'EUR'),
    ('IT-CTA', 'coworking_hot_desk',   'Catania coworking (hot desks)',    160.00, 'EUR'),
    ('IT-PMO', 'coworking_hot_desk',   'Palermo coworking (hot desks)',    150.00, 'EUR'),
    ('MT-VLT', 'coworking_fixed_desk', 'Valletta coworking (fixed desks)', 250.00, 'EUR'),
    ('MT-SLM', 'coworking_hot_desk',   'Sliema coworking (hot desks)',     220.00, 'EUR'),
    ('DE-BER', 'coworking_hot_desk',   'Berlin coworking (hot desks)',     210.00, 'USD'),
    ('GB-LON', 'coworking_hot_desk',   'London coworking (hot desks)',     308.00, 'USD'),
    ('US-SFO', 'coworking_hot_desk',   'San Francisco coworking',          359.00, 'USD')
) d(loc, ftype, provider, price, ccy)
JOIN locations loc ON loc.code = d.loc
CROSS JOIN budget_periods q
CROSS JOIN LATERAL (
    SELECT count(*) AS desks
    FROM team_members tm
    WHERE tm.location_id = loc.id AND tm.fte >= 0.5
      AND tm.start_date <= q.end_date AND (tm.end_date IS NULL OR tm.end_date >= q.start_date)
) hc
WHERE q.period_type = 'quarter' AND hc.desks > 0;

-- meeting rooms, offsites, registered address — VIVIM plan figure (no day-rate source in ../shared/data)
INSERT INTO facility_expenses (code, location_id, budget_period_id, cost_allocation_pool_id, cost_category_id, facility_type,
                               provider_name, quantity, billing_unit, billed_units, unit_cost, currency, start_date, end_date, notes)
SELECT v.code, (SELECT id FROM locations WHERE code = v.loc), q.id,
       (SELECT p.id FROM cost_allocation_pools p WHERE p.code = 'GA-' || v.period),
       (SELECT id FROM cost_categories WHERE code = v.cat),
       v.ftype, v.provider, v.qty, v.unit, v.billed, v.price, 'EUR', v.s::date, v.e::date, v.notes
FROM (VALUES
    ('FAC-ES-PMI-OFFSITE-2026-Q2', 'ES-PMI', '2026-Q2', 'FAC-MEET',    'event_space',    'Palma offsite venue',        1, 'event_day',     2, 850.00, '2026-05-12', '2026-05-13', 'M2 ACU retrospective and M3 planning offsite'),   -- VIVIM plan figure
    ('FAC-ES-PMI-OFFSITE-2026-Q4', 'ES-PMI', '2026-Q4', 'FAC-MEET',    'event_space',    'Palma offsite venue',        1, 'event_day',     2, 900.00, '2026-11-17', '2026-11-18', 'M6 Consent planning offsite'),                       -- VIVIM plan figure
    ('FAC-IT-CTA-ROOM-2026-Q3',    'IT-CTA', '2026-Q3', 'FAC-MEET',    'meeting_room',   'Catania coworking',          1, 'room_day',      4, 120.00, '2026-07-06', '2026-09-28', 'ML research design reviews'),                       -- VIVIM plan figure
    ('FAC-MT-VLT-VO-2026-Q1',      'MT-VLT', '2026-Q1', 'FAC-VIRTUAL', 'virtual_office', 'Valletta corporate services',1, 'address_month', 3,  95.00, '2026-01-01', '2026-03-31', 'Registered address for the Maltese entity'),        -- VIVIM plan figure
    ('FAC-MT-VLT-VO-2026-Q2',      'MT-VLT', '2026-Q2', 'FAC-VIRTUAL', 'virtual_office', 'Valletta corporate services',1, 'address_month', 3,  95.00, '2026-04-01', '2026-06-30', 'Registered address for the Maltese entity'),        -- VIVIM plan figure
    ('FAC-MT-VLT-VO-2026-Q3',      'MT-VLT', '2026-Q3', 'FAC-VIRTUAL', 'virtual_office', 'Valletta corporate services',1, 'address_month', 3,  95.00, '2026-07-01', '2026-09-30', 'Registered address for the Maltese entity'),        -- VIVIM plan figure
    ('FAC-MT-VLT-VO-2026-Q4',      'MT-VLT', '2026-Q4', 'FAC-VIRTUAL', 'virtual_office', 'Valletta corporate services',1, 'address_month', 3,  95.00, '2026-10-01', '2026-12-31', 'Registered address for the Maltese entity')         -- VIVIM plan figure
) v(code, loc, period, cat, ftype, provider, qty, unit, billed, price, s, e, notes)
JOIN budget_periods q ON q.code = v.period;

-- -----------------------------------------------------------------------------
-- insurance_policies — VIVIM plan figure: ../shared/data holds no insurance
-- premium quotes; premiums and limits are placeholders to replace with broker quotes.
-- -----------------------------------------------------------------------------
INSERT INTO insurance_policies (code, name, policy_type, insurer_name, broker_name, location_id, cost_pool_type_id,
                                coverage_limit, deductible, annual_premium, currency, premium_frequency,
                                start_date, end_date, status, covers)
SELECT v.code, v.name, v.ptype, v.insurer, v.broker, (SELECT id FROM locations WHERE code = v.loc),
       (SELECT id FROM cost_pool_types WHERE code = v.pool),
       v.lim, v.ded, v.prem, 'EUR', v.freq, DATE '2026-01-01', DATE '2026-12-31', v.status, v.covers
FROM (VALUES
    ('INS-GL-2026',    'General liability',                 'general_liability',      'Mapfre',          'Palma broker',    'ES-PMI', 'GA',       1000000.00, 600.00,  1450.00, 'annual',    'active', 'Third-party bodily injury and property damage, coworking premises'),   -- VIVIM plan figure
    ('INS-PI-2026',    'Professional indemnity / tech E&O', 'professional_indemnity', 'Hiscox',          'Palma broker',    'ES-PMI', 'GA',       2000000.00, 2500.00, 5200.00, 'annual',    'active', 'Errors and omissions of the VIVIM platform and API'),                  -- VIVIM plan figure
    ('INS-CYBER-2026', 'Cyber liability',                   'cyber',                  'Beazley',         'Malta broker',    'MT-VLT', 'GA',       1000000.00, 5000.00, 7800.00, 'quarterly', 'active', 'Breach response, GDPR regulatory defence, business interruption'),     -- VIVIM plan figure
    ('INS-DO-2026',    'Directors & officers',              'directors_officers',     'AIG',             'Malta broker',    'MT-VLT', 'SECLEGAL', 1500000.00, 10000.00, 6400.00, 'annual',   'active', 'D&O incl. token-issuance regulatory investigations'),                  -- VIVIM plan figure
    ('INS-EQUIP-2026', 'Equipment all-risks',               'equipment',              'Allianz',         NULL,              'IT-CTA', 'GA',         60000.00, 250.00,   540.00, 'quarterly', 'active', 'Laptops and peripherals of all team members, worldwide'),              -- VIVIM plan figure
    -- MiCA Art. 67 own funds (Class 1 EUR 50k) can be met by insurance  -- src: infra-llm-legal-cost-facts §4.6 thecaspdirectory/compliora [S]
    ('INS-CASP-2026',  'CASP professional indemnity (quote)','crypto_custody',        'Lloyd''s syndicate','Malta broker',  'MT-VLT', 'SECLEGAL',  500000.00, 25000.00, 9800.00, 'annual',   'quoted', 'Covers MiCA Art. 67 own-funds requirement if VIVIM needs a CASP licence')  -- VIVIM plan figure (premium)
) v(code, name, ptype, insurer, broker, loc, pool, lim, ded, prem, freq, status, covers);

-- -----------------------------------------------------------------------------
-- operational_expenses
-- -----------------------------------------------------------------------------

-- (a) facility invoices: one per facility contract, billed at the start of its term
INSERT INTO operational_expenses (code, expense_date, budget_period_id, cost_allocation_pool_id, operational_expense_type_id,
                                  cost_category_id, vendor_name, description, quantity, unit_price, amount, currency,
                                  payment_status, invoice_ref, location_id, facility_expense_id)
SELECT 'OPX-2026-' || lpad((1000 + row_number() OVER (ORDER BY f.start_date, f.code))::text, 4, '0'),
       f.start_date, f.budget_period_id, f.cost_allocation_pool_id,
       (SELECT id FROM operational_expense_types WHERE code = CASE f.facility_type
            WHEN 'event_space' THEN 'event-space' WHEN 'meeting_room' THEN 'event-space'
            WHEN 'virtual_office' THEN 'virtual-office' ELSE 'coworking-desk' END),
       f.cost_category_id, f.provider_name, 'Invoice for ' || f.code,
       f.quantity * f.billed_units, f.unit_cost, f.total_amount, f.currency,
       'paid', 'INV-' || f.code, f.location_id, f.id
FROM facility_expenses f;

-- (b) insurance premiums: annual policies billed in Q1, quarterly ones each quarter; quotes are not billed
INSERT INTO operational_expenses (code, expense_date, budget_period_id, cost_allocation_pool_id, operational_expense_type_id,
                                  cost_category_id, vendor_name, description, amount, currency, payment_status, invoice_ref,
                                  location_id, insurance_policy_id)
SELECT 'OPX-2026-' || lpad((2000 + row_number() OVER (ORDER BY q.start_date, ip.code))::text, 4, '0'),
       q.start_date + 14, q.id,
       (SELECT p.id FROM cost_allocation_pools p WHERE p.cost_pool_type_id = ip.cost_pool_type_id AND p.budget_period_id = q.id),
       (SELECT id FROM operational_expense_types WHERE code = 'insurance-premium'),
       (SELECT id FROM cost_categories WHERE code = 'INS-PREMIUM'),
       ip.insurer_name, ip.name || ' premium ' || q.code,
       CASE ip.premium_frequency WHEN 'quarterly' THEN round(ip.annual_premium / 4, 2) ELSE ip.annual_premium END,
       ip.currency, 'paid', 'PREM-' || ip.code || '-' || q.code, ip.location_id, ip.id
FROM insurance_policies ip
JOIN budget_periods q ON q.period_type = 'quarter'
WHERE ip.status = 'active'
  AND (ip.premium_frequency = 'quarterly' OR q.code = '2026-Q1');

-- (c) SaaS seats, billed quarterly per seat-month. Seats = team members active in
-- the quarter (all members, or the teams listed). Prices per seat/month, USD:
--   GitHub Team 4            -- src: infra-llm-legal-cost-facts §5 api-evangelist/github [S]
--   GitHub Copilot Business 19 -- src: infra-llm-legal-cost-facts §5 GeoFLAC discussion [S]
--   Linear Basic 10          -- src: infra-llm-legal-cost-facts §5 api-evangelist/linear [S]
--   Notion Plus 10 (annual)  -- src: infra-llm-legal-cost-facts §5 api-evangelist/notion [S]
--   Slack Pro 7.25 (annual)  -- src: infra-llm-legal-cost-facts §5 api-evangelist/slack [S]
--   Google Workspace Business Standard 14 -- src: infra-llm-legal-cost-facts §5 api-evangelist/google-workspace [S, bulk sweep]
--   1Password Business 7.99  -- src: infra-llm-legal-cost-facts §5 api-evangelist/1password [S, bulk sweep]
--   Figma Professional 16    -- src: infra-llm-legal-cost-facts §5 api-evangelist/figma [S, bulk sweep]
--   Grafana Cloud Pro 8 per active user (+19 platform fee below) -- src: infra-llm-legal-cost-facts §5 api-evangelist/grafana-com [S]
INSERT INTO operational_expenses (code, expense_date, budget_period_id, cost_allocation_pool_id, operational_expense_type_id,
                                  cost_category_id, vendor_name, description, quantity, unit_price, amount, currency,
                                  payment_status, invoice_ref, team_id)
SELECT 'OPX-2026-' || lpad((3000 + row_number() OVER (ORDER BY q.start_date, s.tool))::text, 4, '0'),
       q.start_date + 4, q.id,
       (SELECT p.id FROM cost_allocation_pools p WHERE p.code = s.pool || '-' || q.code),
       (SELECT id FROM operational_expense_types WHERE code = 'saas-subscription'),
       (SELECT id FROM cost_categories WHERE code = s.cat),
       s.vendor, s.tool || ' ' || q.code || ' (' || seats.n || ' seats x 3 months)',
       seats.n * 3, s.price, round(seats.n * 3 * s.price, 2), 'USD', 'paid',
       'SAAS-' || upper(replace(s.tool, ' ', '-')) || '-' || q.code,
       (SELECT id FROM teams WHERE code = s.owner_team)
FROM (VALUES
    ('GitHub Team',            'GitHub',    'SW-DEV',    'ENG',     4.00, NULL,                                                   'core-platform'),
    ('GitHub Copilot Business','GitHub',    'SW-DEV-AI', 'ENG',    19.00, ARRAY['core-platform','ml-research','infra-sre','security'], 'core-platform'),
    ('Linear Basic',           'Linear',    'SW-DEV',    'ENG',    10.00, ARRAY['core-platform','ml-research','infra-sre','security','product-design'], 'core-platform'),
    ('Notion Plus',            'Notion',    'SW-COLLAB', 'GA',     10.00, NULL,                                                   'operations'),
    ('Slack Pro',              'Slack',     'SW-COLLAB', 'GA',      7.25, NULL,                                                   'operations'),
    ('Google Workspace Business Standard','Google', 'SW-COLLAB', 'GA', 14.00, NULL,                                               'operations'),
    ('1Password Business',     '1Password', 'SW-SEC',    'GA',      7.99, NULL,                                                   'security'),
    ('Figma Professional',     'Figma',     'SW-COLLAB', 'PRODUCT',16.00, ARRAY['product-design'],                                'product-design'),
    ('Grafana Cloud Pro users','Grafana Labs','SW-OBS',  'INFRA',   8.00, ARRAY['infra-sre','security'],                          'infra-sre')
) s(tool, vendor, cat, pool, price, teams_filter, owner_team)
CROSS JOIN budget_periods q
CROSS JOIN LATERAL (
    SELECT count(*) AS n
    FROM team_members tm JOIN teams t ON t.id = tm.team_id
    WHERE tm.start_date <= q.end_date AND (tm.end_date IS NULL OR tm.end_date >= q.start_date)
      AND (s.teams_filter IS NULL OR t.code = ANY (s.teams_filter))
) seats
WHERE q.period_type = 'quarter' AND seats.n > 0;

-- (d) equipment: one laptop per team member joining in the quarter (employees and
-- contractors working full-time) — VIVIM plan figure: 1,900 EUR per laptop
INSERT INTO operational_expenses (code, expense_date, budget_period_id, cost_allocation_pool_id, operational_expense_type_id,
                                  cost_category_id, vendor_name, description, quantity, unit_price, amount, currency,
                                  payment_status, invoice_ref)
SELECT 'OPX-2026-' || lpad((4000 + row_number() OVER (ORDER BY q.start_date))::text, 4, '0'),
       q.start_date + 9, q.id,
       (SELECT p.id FROM cost_allocation_pools p WHERE p.code = 'GA-' || q.code),
       (SELECT id FROM operational_expense_types WHERE code = 'equipment'),
       (SELECT id FROM cost_categories WHERE code = 'EQP-HW'),
       'Apple / Lenovo reseller', 'Laptops for ' || j.n || ' new joiners in ' || q.code,
       j.n, 1900.00, j.n * 1900.00, 'EUR', 'paid', 'HW-' || q.code            -- VIVIM plan figure
FROM budget_periods q
CROSS JOIN LATERAL (
    SELECT count(*) AS n FROM team_members tm
    WHERE tm.start_date BETWEEN q.start_date AND q.end_date AND tm.fte >= 0.8
) j
WHERE q.period_type = 'quarter' AND j.n > 0;

-- (e) everything else, one row per transaction
INSERT INTO operational_expenses (code, expense_date, budget_period_id, cost_allocation_pool_id, operational_expense_type_id,
                                  cost_category_id, vendor_name, description, quantity, unit_price, amount, currency,
                                  payment_status, invoice_ref, service_id, team_id, location_id, milestone_id)
SELECT v.code, v.d::date, bp.id,
       (SELECT p.id FROM cost_allocation_pools p WHERE p.code = v.pool || '-' || bp.code),
       (SELECT id FROM operational_expense_types WHERE code = v.etype),
       (SELECT id FROM cost_categories WHERE code = v.cat),
       v.vendor, v.descr, v.qty, v.unit_price, v.amount, v.ccy, v.status, v.inv,
       (SELECT id FROM services WHERE code = v.svc),
       (SELECT id FROM teams WHERE code = v.team),
       (SELECT id FROM locations WHERE code = v.loc),
       (SELECT id FROM milestones WHERE code = v.ms)
FROM (VALUES
    -- legal counsel; planning rate EUR 250-400/h tech counsel, 400-700/h regulatory
    ('OPX-2026-0001', '2026-02-10', 'SECLEGAL', 'legal-fees', 'PRO-LEGAL', 'Palma tech counsel', 'Terms of service and privacy policy package', 5, 350.00, 1750.00, 'EUR', 'paid', 'LEG-0101', NULL, 'legal-compliance', 'ES-PMI', 'M1'),   -- src: est. from infra-llm-legal-cost-facts §4.1/§4.2 [E]
    ('OPX-2026-0002', '2026-03-03', 'SECLEGAL', 'legal-fees', 'PRO-LEGAL', 'Palma tech counsel', 'Employment and contractor agreement templates (ES/IT/MT)', 8, 300.00, 2400.00, 'EUR', 'paid', 'LEG-0102', NULL, 'legal-compliance', 'ES-PMI', 'M1'),   -- src: est. from infra-llm-legal-cost-facts §4.2 (2-5 h x EUR 250-400 per template) [E]
    ('OPX-2026-0003', '2026-05-20', 'SECLEGAL', 'legal-fees', 'PRO-LEGAL', 'Valletta fintech counsel', 'MiCA vs MiFID II qualification opinion for the dividend token (42 h)', 42, 550.00, 23100.00, 'EUR', 'paid', 'LEG-0201', NULL, 'legal-compliance', 'MT-VLT', 'M2'),   -- src: est. from infra-llm-legal-cost-facts §4.1 regulatory EUR 400-700/h and §4.6 [E]
    ('OPX-2026-0004', '2026-06-12', 'SECLEGAL', 'legal-fees', 'PRO-DPO',   'EU privacy consultancy', 'DPIA for context capture (ACU) — external review, 36 h', 36, 150.00, 5400.00, 'EUR', 'paid', 'LEG-0202', NULL, 'legal-compliance', NULL, 'M3'),   -- src: est. from infra-llm-legal-cost-facts §4.3 (30-40 h x EUR 100-200/h) [E]
    ('OPX-2026-0005', '2026-08-25', 'SECLEGAL', 'legal-fees', 'PRO-LEGAL', 'EU AI Act specialist', 'AI Act limited-risk review: transparency notices and documentation', NULL, NULL, 12000.00, 'EUR', 'paid', 'LEG-0301', NULL, 'legal-compliance', NULL, 'M4'),   -- src: est. from infra-llm-legal-cost-facts §4.5 (EUR 5k-20k one-off) [E]
    ('OPX-2026-0006', '2026-11-05', 'SECLEGAL', 'audit-fees', 'PRO-AUDIT', 'Boutique SOC 2 auditor', 'SOC 2 Type I audit fee', NULL, NULL, 24000.00, 'USD', 'approved', 'AUD-0401', NULL, 'security', NULL, 'M6'),   -- src: infra-llm-legal-cost-facts §4.4 Type I $15k-40k (strac.io) [S]
    ('OPX-2026-0008', '2026-06-22', 'SECLEGAL', 'audit-fees', 'PRO-AUDIT', 'EU security consultancy', 'External security review of the ACU data pipeline (DAO VIP-004)', NULL, NULL, 22500.00, 'EUR', 'paid', 'SEC-0201', NULL, 'security', NULL, 'M3'),   -- VIVIM plan figure (DAO approved EUR 24,000)
    ('OPX-2026-0009', '2026-11-03', 'SECLEGAL', 'legal-fees', 'PRO-DPO', 'EU privacy consultancy', 'DPIA for the Consent module (DAO VIP-007), 38 h', 38, 150.00, 5700.00, 'EUR', 'paid', 'LEG-0402', NULL, 'legal-compliance', NULL, 'M6'),   -- src: est. from infra-llm-legal-cost-facts §4.3 (30-40 h x EUR 100-200/h) [E]
    ('OPX-2026-0007', '2026-10-20', 'SECLEGAL', 'regulatory-fee', 'PRO-REG', 'MFSA', 'Crypto-asset white paper notification (other crypto-assets)', NULL, NULL, 2500.00, 'EUR', 'paid', 'MFSA-0401', NULL, 'legal-compliance', 'MT-VLT', 'M6'),   -- src: infra-llm-legal-cost-facts §4.7 MiCA Act Fees Regs 2024 [S]
    -- outsourced DPO, EUR 600/month (Privacy Partners)           -- src: infra-llm-legal-cost-facts §4.3 computertechreviews [S]
    ('OPX-2026-0011', '2026-01-05', 'SECLEGAL', 'dpo-service', 'PRO-DPO', 'Privacy Partners', 'DPO-as-a-service Q1', 3, 600.00, 1800.00, 'EUR', 'paid', 'DPO-Q1', NULL, 'legal-compliance', NULL, NULL),
    ('OPX-2026-0012', '2026-04-06', 'SECLEGAL', 'dpo-service', 'PRO-DPO', 'Privacy Partners', 'DPO-as-a-service Q2', 3, 600.00, 1800.00, 'EUR', 'paid', 'DPO-Q2', NULL, 'legal-compliance', NULL, NULL),
    ('OPX-2026-0013', '2026-07-06', 'SECLEGAL', 'dpo-service', 'PRO-DPO', 'Privacy Partners', 'DPO-as-a-service Q3', 3, 600.00, 1800.00, 'EUR', 'paid', 'DPO-Q3', NULL, 'legal-compliance', NULL, NULL),
    ('OPX-2026-0014', '2026-10-05', 'SECLEGAL', 'dpo-service', 'PRO-DPO', 'Privacy Partners', 'DPO-as-a-service Q4', 3, 600.00, 1800.00, 'EUR', 'paid', 'DPO-Q4', NULL, 'legal-compliance', NULL, NULL),
    -- accounting & payroll bureau — VIVIM plan figure
    ('OPX-2026-0021', '2026-03-31', 'GA', 'accounting', 'PRO-ACCT', 'Palma gestoría', 'Bookkeeping and payroll Q1', NULL, NULL, 1350.00, 'EUR', 'paid', 'ACC-Q1', NULL, 'operations', 'ES-PMI', NULL),
    ('OPX-2026-0022', '2026-06-30', 'GA', 'accounting', 'PRO-ACCT', 'Palma gestoría', 'Bookkeeping and payroll Q2', NULL, NULL, 1420.00, 'EUR', 'paid', 'ACC-Q2', NULL, 'operations', 'ES-PMI', NULL),
    ('OPX-2026-0023', '2026-09-30', 'GA', 'accounting', 'PRO-ACCT', 'Palma gestoría', 'Bookkeeping and payroll Q3', NULL, NULL, 1480.00, 'EUR', 'paid', 'ACC-Q3', NULL, 'operations', 'ES-PMI', NULL),
    ('OPX-2026-0024', '2026-12-15', 'GA', 'accounting', 'PRO-ACCT', 'Palma gestoría', 'Bookkeeping, payroll and year-end Q4', NULL, NULL, 2600.00, 'EUR', 'pending', 'ACC-Q4', NULL, 'operations', 'ES-PMI', NULL),
    -- travel — VIVIM plan figure
    ('OPX-2026-0031', '2026-05-08', 'GA', 'travel', 'TRV-TEAM', 'Travel agency', 'Flights and hotels, Palma offsite (May)', NULL, NULL, 6400.00, 'EUR', 'paid', 'TRV-0201', NULL, 'operations', 'ES-PMI', 'M2'),
    ('OPX-2026-0032', '2026-09-14', 'COMMUNITY', 'travel', 'TRV-TEAM', 'Travel agency', 'Conference travel: community talks (EthCC follow-up, Malta AI summit)', NULL, NULL, 2900.00, 'EUR', 'paid', 'TRV-0301', NULL, 'community-growth', NULL, 'M5'),
    ('OPX-2026-0033', '2026-11-10', 'GA', 'travel', 'TRV-TEAM', 'Travel agency', 'Flights and hotels, Palma offsite (November)', NULL, NULL, 7800.00, 'EUR', 'paid', 'TRV-0401', NULL, 'operations', 'ES-PMI', 'M6'),
    ('OPX-2026-0034', '2026-03-18', 'ML', 'travel', 'TRV-TEAM', 'Travel agency', 'ML research workshop travel', NULL, NULL, 1650.00, 'EUR', 'paid', 'TRV-0101', NULL, 'ml-research', NULL, 'M1'),
    -- flat SaaS                                                  -- src: infra-llm-legal-cost-facts §5 Sentry Team $26/mo, Grafana Pro $19/mo platform fee [S]
    ('OPX-2026-0041', '2026-01-05', 'INFRA', 'saas-subscription', 'SW-OBS', 'Sentry', 'Sentry Team Q1', 3, 26.00, 78.00, 'USD', 'paid', 'SAAS-SENTRY-Q1', NULL, 'infra-sre', NULL, NULL),
    ('OPX-2026-0042', '2026-04-05', 'INFRA', 'saas-subscription', 'SW-OBS', 'Sentry', 'Sentry Team Q2', 3, 26.00, 78.00, 'USD', 'paid', 'SAAS-SENTRY-Q2', NULL, 'infra-sre', NULL, NULL),
    ('OPX-2026-0043', '2026-07-05', 'INFRA', 'saas-subscription', 'SW-OBS', 'Sentry', 'Sentry Business Q3 (upgrade for M4 traffic)', 3, 80.00, 240.00, 'USD', 'paid', 'SAAS-SENTRY-Q3', NULL, 'infra-sre', NULL, NULL),   -- src: §5 Sentry Business $80/mo [S]
    ('OPX-2026-0044', '2026-10-05', 'INFRA', 'saas-subscription', 'SW-OBS', 'Sentry', 'Sentry Business Q4', 3, 80.00, 240.00, 'USD', 'paid', 'SAAS-SENTRY-Q4', NULL, 'infra-sre', NULL, NULL),
    ('OPX-2026-0045', '2026-01-05', 'INFRA', 'saas-subscription', 'SW-OBS', 'Grafana Labs', 'Grafana Cloud Pro platform fee Q1', 3, 19.00, 57.00, 'USD', 'paid', 'SAAS-GRAFANA-Q1', NULL, 'infra-sre', NULL, NULL),
    ('OPX-2026-0046', '2026-04-05', 'INFRA', 'saas-subscription', 'SW-OBS', 'Grafana Labs', 'Grafana Cloud Pro platform fee Q2', 3, 19.00, 57.00, 'USD', 'paid', 'SAAS-GRAFANA-Q2', NULL, 'infra-sre', NULL, NULL),
    ('OPX-2026-0047', '2026-07-05', 'INFRA', 'saas-subscription', 'SW-OBS', 'Grafana Labs', 'Grafana Cloud Pro platform fee Q3', 3, 19.00, 57.00, 'USD', 'paid', 'SAAS-GRAFANA-Q3', NULL, 'infra-sre', NULL, NULL),
    ('OPX-2026-0048', '2026-10-05', 'INFRA', 'saas-subscription', 'SW-OBS', 'Grafana Labs', 'Grafana Cloud Pro platform fee Q4', 3, 19.00, 57.00, 'USD', 'paid', 'SAAS-GRAFANA-Q4', NULL, 'infra-sre', NULL, NULL),
    -- one-off cloud: Pinecone annual commitment (discounts need >= $8,000/yr)  -- src: infra-llm-legal-cost-facts §1.6 docs.pinecone.io [P]
    ('OPX-2026-0051', '2026-12-01', 'INFRA', 'cloud-commitment', 'INF-VECTOR', 'Pinecone', 'Pinecone Standard annual prepaid commitment for 2027', NULL, NULL, 8000.00, 'USD', 'approved', 'PC-COMMIT-2027', 'pinecone-serverless', 'infra-sre', NULL, 'M6'),
    -- on-chain execution of DAO decisions — VIVIM plan figure
    ('OPX-2026-0061', '2026-03-25', 'DAO', 'onchain-execution', 'GOV-ONCHAIN', 'Safe multisig (gas)', 'Execution gas for treasury transactions Q1', NULL, NULL,  85.00, 'EUR', 'paid', 'GAS-Q1', NULL, 'community-growth', NULL, NULL),
    ('OPX-2026-0062', '2026-06-25', 'DAO', 'onchain-execution', 'GOV-ONCHAIN', 'Safe multisig (gas)', 'Execution gas for treasury transactions Q2', NULL, NULL, 140.00, 'EUR', 'paid', 'GAS-Q2', NULL, 'community-growth', NULL, NULL),
    ('OPX-2026-0063', '2026-09-25', 'DAO', 'onchain-execution', 'GOV-ONCHAIN', 'Safe multisig (gas)', 'Execution gas for treasury transactions Q3', NULL, NULL, 190.00, 'EUR', 'paid', 'GAS-Q3', NULL, 'community-growth', NULL, NULL),
    ('OPX-2026-0064', '2026-11-25', 'DAO', 'onchain-execution', 'GOV-ONCHAIN', 'Safe multisig (gas)', 'Execution gas for treasury transactions Q4', NULL, NULL, 160.00, 'EUR', 'pending', 'GAS-Q4', NULL, 'community-growth', NULL, NULL)
) v(code, d, pool, etype, cat, vendor, descr, qty, unit_price, amount, ccy, status, inv, svc, team, loc, ms)
JOIN budget_periods bp ON bp.period_type = 'quarter' AND v.d::date BETWEEN bp.start_date AND bp.end_date;

-- -----------------------------------------------------------------------------
-- resource_pools — VIVIM plan figure (capacities); unit costs cite their source
-- -----------------------------------------------------------------------------
INSERT INTO resource_pools (code, name, resource_type, capacity_unit, owner_team_id, cloud_provider_id, service_id,
                            location_id, total_capacity, unit_cost, currency, description)
SELECT v.code, v.name, v.rtype, v.unit, (SELECT id FROM teams WHERE code = v.team),
       (SELECT id FROM cloud_providers WHERE code = v.provider),
       (SELECT id FROM services WHERE code = v.svc),
       (SELECT id FROM locations WHERE code = v.loc),
       v.cap, v.unit_cost, v.ccy, v.descr
FROM (VALUES
    ('RP-HUM-ENG',      'Engineering capacity',          'human',   'fte',       'core-platform',    NULL,        NULL, 'ES-PMI', 12.00, 15000.00, 'EUR', 'Product engineering FTE (core platform, product & design); unit cost = loaded cost per FTE-quarter'),  -- VIVIM plan figure
    ('RP-HUM-RESEARCH', 'ML research capacity',          'human',   'fte',       'ml-research',      NULL,        NULL, 'IT-CTA',  5.00, 16500.00, 'EUR', 'ML research FTE'),                                     -- VIVIM plan figure
    ('RP-HUM-OPS',      'Platform operations capacity',  'human',   'fte',       'infra-sre',        NULL,        NULL, NULL,      6.00, 16000.00, 'EUR', 'SRE, security and operations FTE'),                    -- VIVIM plan figure
    ('RP-HUM-GTM',      'Community, legal & growth capacity','human','fte',      'community-growth', NULL,        NULL, 'MT-SLM',  5.00, 12500.00, 'EUR', 'Community, legal and compliance FTE'),                 -- VIVIM plan figure
    ('RP-CMP-HETZNER',  'Hetzner shared vCPU',           'compute', 'vcpu',      'infra-sre',        'hetzner',   'hetzner-cx33', NULL, 96.00, 4.870000, 'EUR', 'CX33 at EUR 6.49/month for 4 vCPU = EUR 1.62 per vCPU-month, x3 per quarter'),   -- src: infra-llm-legal-cost-facts §1.1 Hetzner API [P]
    ('RP-GPU-OVH',      'OVH GPU hours',                 'gpu',     'gpu_hours', 'ml-research',      'ovhcloud',  'ovh-l40s-90',     NULL, 1500.00, 1.400000, 'EUR', 'l40s-90 at EUR 1.40/h; H100 bursts priced separately'),   -- src: infra-llm-legal-cost-facts §1.2 OVH catalogue 2025-01-27 [S]
    ('RP-STO-OBJECT',   'Object storage',                'storage', 'tb',        'infra-sre',        'hetzner',   'hetzner-object-storage', NULL, 20.00, 14.700000, 'EUR', 'Extra object storage ~EUR 4.9 per TB-month, x3 per quarter'),   -- src: infra-llm-legal-cost-facts §1.1 Hetzner docs [P]
    ('RP-STO-VECTOR',   'Vector index storage',          'storage', 'gb',        'core-platform',    'pinecone',  'pinecone-serverless', NULL, 200.00, 0.990000, 'USD', 'Pinecone serverless storage $0.33/GB-month, x3 per quarter')  -- src: infra-llm-legal-cost-facts §1.6 flexprice teardown [S]
) v(code, name, rtype, unit, team, provider, svc, loc, cap, unit_cost, ccy, descr);

-- -----------------------------------------------------------------------------
-- resource_utilization
-- -----------------------------------------------------------------------------
-- human: capacity = FTE of the team's members active in the quarter (pro rata
-- months); used = capacity x delivery share (VIVIM plan figure per team/quarter)
INSERT INTO resource_utilization (resource_pool_id, team_id, budget_period_id, capacity_units, used_units, peak_pct, notes)
SELECT (SELECT id FROM resource_pools WHERE code = m.pool), t.id, q.id,
       round(cap.fte, 2), round(cap.fte * u.share / 100, 2), LEAST(100, u.share + 6),
       'Delivery share ' || u.share || '% of available FTE'
FROM (VALUES
    ('core-platform',    'RP-HUM-ENG'), ('product-design',   'RP-HUM-ENG'),
    ('ml-research',      'RP-HUM-RESEARCH'),
    ('infra-sre',        'RP-HUM-OPS'), ('security', 'RP-HUM-OPS'), ('operations', 'RP-HUM-OPS'),
    ('community-growth', 'RP-HUM-GTM'), ('legal-compliance', 'RP-HUM-GTM')
) m(team, pool)
JOIN teams t ON t.code = m.team
CROSS JOIN budget_periods q
JOIN (VALUES   -- delivery share % by team and quarter — VIVIM plan figure
    ('core-platform',    '2026-Q1', 82), ('core-platform',    '2026-Q2', 91), ('core-platform',    '2026-Q3', 96), ('core-platform',    '2026-Q4', 94),
    ('product-design',   '2026-Q1', 74), ('product-design',   '2026-Q2', 86), ('product-design',   '2026-Q3', 88), ('product-design',   '2026-Q4', 80),
    ('ml-research',      '2026-Q1', 70), ('ml-research',      '2026-Q2', 84), ('ml-research',      '2026-Q3', 93), ('ml-research',      '2026-Q4', 97),
    ('infra-sre',        '2026-Q1', 78), ('infra-sre',        '2026-Q2', 85), ('infra-sre',        '2026-Q3', 92), ('infra-sre',        '2026-Q4', 95),
    ('security',         '2026-Q1', 65), ('security',         '2026-Q2', 72), ('security',         '2026-Q3', 81), ('security',         '2026-Q4', 90),
    ('operations',       '2026-Q1', 80), ('operations',       '2026-Q2', 83), ('operations',       '2026-Q3', 85), ('operations',       '2026-Q4', 88),
    ('community-growth', '2026-Q1', 60), ('community-growth', '2026-Q2', 76), ('community-growth', '2026-Q3', 94), ('community-growth', '2026-Q4', 89),
    ('legal-compliance', '2026-Q1', 72), ('legal-compliance', '2026-Q2', 95), ('legal-compliance', '2026-Q3', 90), ('legal-compliance', '2026-Q4', 93)
) u(team, period, share) ON u.team = m.team AND u.period = q.code
CROSS JOIN LATERAL (
    SELECT sum(tm.fte * (
             SELECT count(*) FROM generate_series(q.start_date, q.end_date, interval '1 month') g(mo)
             WHERE g.mo::date >= date_trunc('month', tm.start_date)::date
               AND (tm.end_date IS NULL OR g.mo::date <= tm.end_date)) / 3.0) AS fte
    FROM team_members tm
    WHERE tm.team_id = t.id
      AND tm.start_date <= q.end_date AND (tm.end_date IS NULL OR tm.end_date >= q.start_date)
) cap
WHERE q.period_type = 'quarter' AND cap.fte > 0;

-- compute / GPU / storage: capacity reserved per team and used units — VIVIM plan figure
INSERT INTO resource_utilization (resource_pool_id, team_id, budget_period_id, capacity_units, used_units, peak_pct, notes)
SELECT (SELECT id FROM resource_pools WHERE code = v.pool), (SELECT id FROM teams WHERE code = v.team),
       (SELECT id FROM budget_periods WHERE code = v.period), v.cap, v.used, v.peak, v.notes
FROM (VALUES
    ('RP-CMP-HETZNER', 'core-platform', '2026-Q1', 16.00,  9.50, 71.00, 'API + web, 4 x CX33'),
    ('RP-CMP-HETZNER', 'core-platform', '2026-Q2', 24.00, 16.80, 82.00, NULL),
    ('RP-CMP-HETZNER', 'core-platform', '2026-Q3', 40.00, 33.60, 97.00, 'M4 Context launch traffic'),
    ('RP-CMP-HETZNER', 'core-platform', '2026-Q4', 56.00, 43.10, 90.00, NULL),
    ('RP-CMP-HETZNER', 'infra-sre',     '2026-Q1',  8.00,  3.90, 62.00, 'Monitoring, CI runners'),
    ('RP-CMP-HETZNER', 'infra-sre',     '2026-Q2',  8.00,  5.20, 70.00, NULL),
    ('RP-CMP-HETZNER', 'infra-sre',     '2026-Q3', 12.00,  8.90, 88.00, NULL),
    ('RP-CMP-HETZNER', 'infra-sre',     '2026-Q4', 12.00,  9.80, 93.00, NULL),
    ('RP-CMP-HETZNER', 'ml-research',   '2026-Q1',  8.00,  2.40, 55.00, 'Data pipelines'),
    ('RP-CMP-HETZNER', 'ml-research',   '2026-Q2',  8.00,  4.60, 68.00, NULL),
    ('RP-CMP-HETZNER', 'ml-research',   '2026-Q3', 12.00,  8.20, 84.00, NULL),
    ('RP-CMP-HETZNER', 'ml-research',   '2026-Q4', 16.00, 11.50, 88.00, NULL),
    ('RP-GPU-OVH',     'ml-research',   '2026-Q1', 200.00,  152.00, 100.00, 'Fine-tune experiments on l40s-90'),
    ('RP-GPU-OVH',     'ml-research',   '2026-Q2', 400.00,  318.00, 100.00, NULL),
    ('RP-GPU-OVH',     'ml-research',   '2026-Q3', 700.00,  612.00, 100.00, NULL),
    ('RP-GPU-OVH',     'ml-research',   '2026-Q4', 1100.00, 1064.00, 100.00, 'Plus H100 burst for M6'),
    ('RP-GPU-OVH',     'core-platform', '2026-Q3', 150.00,   88.00, 90.00, 'Inference trials for context ranking'),
    ('RP-GPU-OVH',     'core-platform', '2026-Q4', 200.00,  131.00, 92.00, NULL),
    ('RP-STO-OBJECT',  'core-platform', '2026-Q1', 2.00, 0.60, 35.00, 'User archives and backups'),
    ('RP-STO-OBJECT',  'core-platform', '2026-Q2', 3.00, 1.40, 52.00, NULL),
    ('RP-STO-OBJECT',  'core-platform', '2026-Q3', 5.00, 3.10, 66.00, NULL),
    ('RP-STO-OBJECT',  'core-platform', '2026-Q4', 8.00, 5.70, 74.00, NULL),
    ('RP-STO-OBJECT',  'ml-research',   '2026-Q1', 2.00, 0.90, 45.00, 'Training sets and checkpoints'),
    ('RP-STO-OBJECT',  'ml-research',   '2026-Q2', 3.00, 1.80, 62.00, NULL),
    ('RP-STO-OBJECT',  'ml-research',   '2026-Q3', 4.00, 2.90, 75.00, NULL),
    ('RP-STO-OBJECT',  'ml-research',   '2026-Q4', 6.00, 5.20, 90.00, NULL),
    ('RP-STO-VECTOR',  'core-platform', '2026-Q1',  20.00,   4.50, 25.00, 'Context index'),
    ('RP-STO-VECTOR',  'core-platform', '2026-Q2',  40.00,  17.00, 48.00, NULL),
    ('RP-STO-VECTOR',  'core-platform', '2026-Q3',  80.00,  58.00, 76.00, NULL),
    ('RP-STO-VECTOR',  'core-platform', '2026-Q4', 150.00, 121.00, 84.00, NULL)
) v(pool, team, period, cap, used, peak, notes);

-- -----------------------------------------------------------------------------
-- capacity_forecasts (as of 2026-10-01) — VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO capacity_forecasts (code, resource_pool_id, team_id, milestone_id, user_scale_threshold_id, forecast_as_of,
                                target_start, target_end, forecast_capacity, demand_low, demand_mid, demand_high,
                                confidence_pct, projected_cost, currency, recommended_action, notes)
SELECT v.code, (SELECT id FROM resource_pools WHERE code = v.pool), (SELECT id FROM teams WHERE code = v.team),
       (SELECT id FROM milestones WHERE code = v.ms), (SELECT id FROM user_scale_thresholds WHERE code = v.scale),
       DATE '2026-10-01', v.s::date, v.e::date, v.cap, v.lo, v.mid, v.hi, v.conf, v.cost, v.ccy, v.action, v.notes
FROM (VALUES
    ('CF-HUM-ENG-2027Q1',     'RP-HUM-ENG',      'core-platform',    'M7',  'U100K', '2027-01-01', '2027-03-31', 12.00, 10.00, 12.50, 14.00, 70.00, 187500.00, 'EUR', 'hire',       'M7 Scale needs 1-2 more backend engineers'),
    ('CF-HUM-ENG-2027Q2',     'RP-HUM-ENG',      'core-platform',    'M8',  'U100K', '2027-04-01', '2027-06-30', 13.00, 11.00, 13.00, 15.00, 60.00, 195000.00, 'EUR', 'none',       NULL),
    ('CF-HUM-RES-2027Q1',     'RP-HUM-RESEARCH', 'ml-research',      'M7',  'U100K', '2027-01-01', '2027-03-31',  5.00,  5.00,  6.00,  7.00, 65.00,  99000.00, 'EUR', 'hire',       'M8 Training preparation'),
    ('CF-HUM-RES-2027Q2',     'RP-HUM-RESEARCH', 'ml-research',      'M8',  'U100K', '2027-04-01', '2027-06-30',  6.00,  6.00,  7.00,  8.00, 55.00, 115500.00, 'EUR', 'hire',       NULL),
    ('CF-HUM-OPS-2027Q1',     'RP-HUM-OPS',      'infra-sre',        'M7',  'U100K', '2027-01-01', '2027-03-31',  6.00,  5.00,  6.00,  7.50, 70.00,  96000.00, 'EUR', 'none',       'On-call rota for 100K users'),
    ('CF-HUM-GTM-2027Q1',     'RP-HUM-GTM',      'community-growth', 'M7',  'U100K', '2027-01-01', '2027-03-31',  5.00,  4.00,  5.00,  6.00, 75.00,  62500.00, 'EUR', 'none',       NULL),
    ('CF-HUM-GTM-2027Q3',     'RP-HUM-GTM',      'legal-compliance', 'M9',  'U100K', '2027-07-01', '2027-09-30',  5.00,  5.00,  6.00,  7.00, 50.00,  75000.00, 'EUR', 'hire',       'M9 Revenue: payments, KYC and MiCA work'),
    ('CF-CMP-2026Q4',         'RP-CMP-HETZNER',  'core-platform',    'M6',  'U75K',  '2026-10-01', '2026-12-31', 84.00, 60.00, 70.00, 82.00, 80.00,   340.00, 'EUR', 'none',       NULL),
    ('CF-CMP-2027Q1',         'RP-CMP-HETZNER',  'core-platform',    'M7',  'U100K', '2027-01-01', '2027-03-31', 96.00, 80.00, 96.00, 120.00, 65.00,  470.00, 'EUR', 'scale_up',   'Add CX43 nodes before M7 load tests'),
    ('CF-CMP-2027Q2',         'RP-CMP-HETZNER',  'core-platform',    'M8',  'U100K', '2027-04-01', '2027-06-30', 96.00, 90.00, 110.00, 140.00, 55.00, 540.00, 'EUR', 'scale_up',   NULL),
    ('CF-CMP-2027Q4',         'RP-CMP-HETZNER',  'core-platform',    'M10', 'U250K', '2027-10-01', '2027-12-31', 96.00, 140.00, 180.00, 240.00, 40.00, 880.00, 'EUR', 'renegotiate','Dedicated servers cheaper beyond ~150 vCPU'),
    ('CF-GPU-2027Q1',         'RP-GPU-OVH',      'ml-research',      'M7',  'U100K', '2027-01-01', '2027-03-31', 1500.00, 1200.00, 1600.00, 2200.00, 60.00, 2240.00, 'EUR', 'procure', 'Savings plan on l40s-90'),
    ('CF-GPU-2027Q2',         'RP-GPU-OVH',      'ml-research',      'M8',  'U100K', '2027-04-01', '2027-06-30', 1500.00, 2500.00, 3600.00, 5000.00, 50.00, 10080.00, 'EUR', 'procure', 'M8 Training: H100 at EUR 2.80/h for the bulk'),   -- src: infra-llm-legal-cost-facts §1.2 OVH h100-380 EUR 2.80/h [S]
    ('CF-GPU-2027Q3',         'RP-GPU-OVH',      'ml-research',      'M8',  'U100K', '2027-07-01', '2027-09-30', 1500.00, 1500.00, 2400.00, 3500.00, 45.00, 6720.00, 'EUR', 'scale_down', NULL),
    ('CF-STO-2026Q4',         'RP-STO-OBJECT',   'core-platform',    'M6',  'U75K',  '2026-10-01', '2026-12-31', 20.00, 10.00, 12.00, 15.00, 80.00,  176.40, 'EUR', 'none',       NULL),
    ('CF-STO-2027Q2',         'RP-STO-OBJECT',   'core-platform',    'M8',  'U100K', '2027-04-01', '2027-06-30', 20.00, 16.00, 22.00, 30.00, 55.00,  323.40, 'EUR', 'scale_up',   NULL),
    ('CF-VEC-2026Q4',         'RP-STO-VECTOR',   'core-platform',    'M6',  'U75K',  '2026-10-01', '2026-12-31', 200.00, 130.00, 150.00, 180.00, 75.00, 148.50, 'USD', 'none',      NULL),
    ('CF-VEC-2027Q2',         'RP-STO-VECTOR',   'core-platform',    'M8',  'U100K', '2027-04-01', '2027-06-30', 200.00, 220.00, 300.00, 420.00, 50.00, 297.00, 'USD', 'scale_up',  'Index per user context grows with M7 Scale')
) v(code, pool, team, ms, scale, s, e, cap, lo, mid, hi, conf, cost, ccy, action, notes);

-- -----------------------------------------------------------------------------
-- labor_cost_allocations: every team member, every quarter they are active,
-- split over pools by the 'people' attribution rules of their team.
-- amount = monthly_cost (team_members, seed 04) x months active in the quarter x rule pct.
-- Milestone = the member's largest milestone_team_allocation overlapping the
-- quarter, else the quarter's focus milestone.
-- -----------------------------------------------------------------------------
INSERT INTO labor_cost_allocations (team_member_id, budget_period_id, cost_allocation_pool_id, milestone_id, cost_category_id,
                                    cost_allocation_rule_id, allocation_pct, months_active, amount, currency, basis)
SELECT a.tm_id, a.period_id, p.id,
       COALESCE(
           (SELECT mta.milestone_id
            FROM milestone_team_allocations mta
            JOIN milestones m ON m.id = mta.milestone_id
            WHERE mta.team_member_id = a.tm_id
              AND mta.start_month <= a.q_end_month AND mta.end_month >= a.q_start_month
            ORDER BY mta.allocation_pct DESC, m.sequence
            LIMIT 1),
           (SELECT f.milestone_id FROM tmp_quarter_focus f WHERE f.period_code = a.period_code)),
       (SELECT id FROM cost_categories WHERE code = CASE a.employment_type WHEN 'employee' THEN 'LAB-EMP' ELSE 'LAB-CTR' END),
       r.id, r.allocation_pct, a.months,
       round(a.monthly_cost * a.months * r.allocation_pct / 100, 2), a.currency,
       CASE WHEN a.period_code IN ('2026-Q1','2026-Q2','2026-Q3') THEN 'timesheet' ELSE 'fte_plan' END
FROM (
    SELECT tm.id AS tm_id, tm.team_id, tm.monthly_cost, tm.currency, tm.employment_type,
           q.id AS period_id, q.code AS period_code, q.start_date, q.end_date,
           extract(month FROM q.start_date)::int AS q_start_month,
           extract(month FROM q.end_date)::int   AS q_end_month,
           (SELECT count(*) FROM generate_series(q.start_date, q.end_date, interval '1 month') g(mo)
            WHERE g.mo::date >= date_trunc('month', tm.start_date)::date
              AND (tm.end_date IS NULL OR g.mo::date <= tm.end_date)) AS months
    FROM team_members tm
    CROSS JOIN budget_periods q
    WHERE q.period_type = 'quarter'
) a
JOIN cost_allocation_rules r
  ON r.source_module = 'people' AND r.team_id = a.team_id AND r.is_active
 AND r.effective_from <= a.end_date AND (r.effective_to IS NULL OR r.effective_to >= a.start_date)
JOIN cost_allocation_pools p ON p.cost_pool_type_id = r.target_pool_type_id AND p.budget_period_id = a.period_id
WHERE a.months > 0;

-- -----------------------------------------------------------------------------
-- infrastructure_cost_allocations: quarterly spend per service (below), split
-- over pools by the 'tools' attribution rules of its service type.
-- -----------------------------------------------------------------------------
INSERT INTO infrastructure_cost_allocations (service_id, budget_period_id, cost_allocation_pool_id, milestone_id, cost_category_id,
                                             cost_allocation_rule_id, usage_quantity, usage_unit, allocation_pct, amount, currency, notes)
SELECT s.id, q.id, p.id, f.milestone_id,
       CASE WHEN s.service_type = 'gpu' AND v.training
            THEN (SELECT id FROM cost_categories WHERE code = 'INF-GPU-TRAIN') ELSE r.cost_category_id END,
       r.id, round(v.qty * r.allocation_pct / 100, 2), v.unit, r.allocation_pct,
       round(v.amount * r.allocation_pct / 100, 2), v.ccy, v.notes
FROM (VALUES
    -- service code, quarter, usage, unit, quarter amount, currency, training run?, notes
    ('hetzner-cx33',   '2026-Q1',    12.00, 'server_months',   77.88, 'EUR', false, '4 x CX33 at EUR 6.49/month'),   -- src: infra-llm-legal-cost-facts §1.1 Hetzner API 2026-05-27 [P]
    ('hetzner-cx33',   '2026-Q2',    18.00, 'server_months',  116.82, 'EUR', false, '6 x CX33'),                    -- src: infra-llm-legal-cost-facts §1.1 [P]
    ('hetzner-cx33',   '2026-Q3',    30.00, 'server_months',  194.70, 'EUR', false, '10 x CX33'),                   -- src: infra-llm-legal-cost-facts §1.1 [P]
    ('hetzner-cx33',   '2026-Q4',    42.00, 'server_months',  272.58, 'EUR', false, '14 x CX33'),                   -- src: infra-llm-legal-cost-facts §1.1 [P]
    ('hetzner-object-storage',   '2026-Q1',     3.00, 'tb_months',       15.00, 'EUR', false, 'Object storage base (1 TB incl.)'),           -- src: infra-llm-legal-cost-facts §1.1 Hetzner docs [P]
    ('hetzner-object-storage',   '2026-Q2',     6.00, 'tb_months',       29.70, 'EUR', false, 'Base + ~1 TB extra at EUR 4.9/TB-month'),   -- src: infra-llm-legal-cost-facts §1.1 [P]
    ('hetzner-object-storage',   '2026-Q3',    12.00, 'tb_months',       59.10, 'EUR', false, NULL),                                       -- src: infra-llm-legal-cost-facts §1.1 [P]
    ('hetzner-object-storage',   '2026-Q4',    21.00, 'tb_months',      103.20, 'EUR', false, NULL),                                       -- src: infra-llm-legal-cost-facts §1.1 [P]
    ('ovh-l40s-90',       '2026-Q1',   152.00, 'gpu_hours',      212.80, 'EUR', false, 'l40s-90 at EUR 1.40/h'),      -- src: infra-llm-legal-cost-facts §1.2 OVH catalogue [S]
    ('ovh-l40s-90',       '2026-Q2',   318.00, 'gpu_hours',      445.20, 'EUR', false, NULL),                          -- src: infra-llm-legal-cost-facts §1.2 [S]
    ('ovh-l40s-90',       '2026-Q3',   700.00, 'gpu_hours',      980.00, 'EUR', false, 'incl. inference trials'),      -- src: infra-llm-legal-cost-facts §1.2 [S]
    ('ovh-l40s-90',       '2026-Q4',  1195.00, 'gpu_hours',     1673.00, 'EUR', false, NULL),                          -- src: infra-llm-legal-cost-facts §1.2 [S]
    ('ovh-h100-380', '2026-Q3',   400.00, 'gpu_hours',     1120.00, 'EUR', true,  'H100 burst for M4 context model at EUR 2.80/h'),   -- src: infra-llm-legal-cost-facts §1.2 OVH h100-380 [S]
    ('ovh-h100-380', '2026-Q4',  5200.00, 'gpu_hours',    14560.00, 'EUR', true,  'M6 consent-aware model: 5,200 H100-hours vs 300 planned'),   -- src: infra-llm-legal-cost-facts §1.2 OVH h100-380 EUR 2.80/h [S]
    ('cloudflare-plan',       '2026-Q1',     3.00, 'plan_months',     60.00, 'USD', false, 'Pro plan $20/month'),         -- src: infra-llm-legal-cost-facts §1.5 Cloudflare [S]
    ('cloudflare-plan',       '2026-Q2',     3.00, 'plan_months',     60.00, 'USD', false, NULL),                          -- src: infra-llm-legal-cost-facts §1.5 [S]
    ('cloudflare-plan',       '2026-Q3',     3.00, 'plan_months',    600.00, 'USD', false, 'Business plan $200/month from July (M4 launch)'),   -- src: infra-llm-legal-cost-facts §1.5 [S]
    ('cloudflare-plan',       '2026-Q4',     3.00, 'plan_months',    600.00, 'USD', false, NULL),                          -- src: infra-llm-legal-cost-facts §1.5 [S]
    ('pinecone-serverless', '2026-Q1',     3.00, 'plan_months',    150.00, 'USD', false, 'Standard minimum $50/month'),  -- src: infra-llm-legal-cost-facts §1.6 docs.pinecone.io [P]
    ('pinecone-serverless', '2026-Q2',     3.00, 'plan_months',    186.00, 'USD', false, 'Minimum + read units ($16/M RU)'),   -- src: infra-llm-legal-cost-facts §1.6 [S]
    ('pinecone-serverless', '2026-Q3',     3.00, 'plan_months',    412.00, 'USD', false, NULL),                          -- src: infra-llm-legal-cost-facts §1.6 [S]
    ('pinecone-serverless', '2026-Q4',     3.00, 'plan_months',    684.00, 'USD', false, NULL),                          -- src: infra-llm-legal-cost-facts §1.6 [S]
    ('hetzner-cx43',  '2026-Q1',     3.00, 'instance_months', 45.00, 'EUR', false, 'Self-hosted PostgreSQL on CX43, ~EUR 15/month'),   -- src: infra-llm-legal-cost-facts §1.1 CX43 EUR 0.021/h [S]
    ('hetzner-cx43',  '2026-Q2',     6.00, 'instance_months', 90.00, 'EUR', false, 'Primary + replica'),           -- src: infra-llm-legal-cost-facts §1.1 [S]
    ('hetzner-cx43',  '2026-Q3',     6.00, 'instance_months', 90.00, 'EUR', false, NULL),                          -- src: infra-llm-legal-cost-facts §1.1 [S]
    ('hetzner-cx43',  '2026-Q4',     9.00, 'instance_months',135.00, 'EUR', false, 'Second replica for M6'),       -- src: infra-llm-legal-cost-facts §1.1 [S]
    ('hetzner-volume','2026-Q1',   600.00, 'gb_months',      34.32, 'EUR', false, '200 GB block volumes at EUR 0.0572/GB-month'),   -- src: infra-llm-legal-cost-facts §1.1 Hetzner API 2026-05-27 [P]
    ('hetzner-volume','2026-Q2',  1200.00, 'gb_months',      68.64, 'EUR', false, '400 GB'),                                        -- src: infra-llm-legal-cost-facts §1.1 [P]
    ('hetzner-volume','2026-Q3',  2400.00, 'gb_months',     137.28, 'EUR', false, '800 GB'),                                        -- src: infra-llm-legal-cost-facts §1.1 [P]
    ('hetzner-volume','2026-Q4',  3600.00, 'gb_months',     205.92, 'EUR', false, '1.2 TB'),                                        -- src: infra-llm-legal-cost-facts §1.1 [P]
    ('aws-s3-standard','2026-Q2',    3.00, 'tb_months',      63.00, 'EUR', false, 'Off-site backup copy, ~EUR 21 per TB-month'),     -- src: infra-llm-legal-cost-facts §1.4 resistro.org [S]
    ('aws-s3-standard','2026-Q3',    3.00, 'tb_months',      63.00, 'EUR', false, NULL),                                            -- src: infra-llm-legal-cost-facts §1.4 [S]
    ('aws-s3-standard','2026-Q4',    6.00, 'tb_months',     126.00, 'EUR', false, '2 TB from October'),                              -- src: infra-llm-legal-cost-facts §1.4 [S]
    ('cloudflare-r2', '2026-Q3',  1500.00, 'gb_months',      22.50, 'USD', false, 'Media for M5 Social, $0.015/GB-month, no egress'),  -- src: infra-llm-legal-cost-facts §1.5 cloudflare-docs r2/pricing [P]
    ('cloudflare-r2', '2026-Q4',  4500.00, 'gb_months',      67.50, 'USD', false, NULL),                                            -- src: infra-llm-legal-cost-facts §1.5 [P]
    ('hetzner-gex44', '2026-Q3',     2.00, 'server_months', 368.00, 'EUR', false, 'Dedicated RTX 4000 inference box from August'),   -- src: infra-llm-legal-cost-facts §1.1 GEX44 ~EUR 184/month [S]
    ('hetzner-gex44', '2026-Q4',     3.00, 'server_months', 552.00, 'EUR', false, NULL),                                            -- src: infra-llm-legal-cost-facts §1.1 [S]
    ('hetzner-lb11',   '2026-Q3',     3.00, 'lb_months',       16.20, 'EUR', false, 'LB11 ~EUR 5.4/month'),         -- src: infra-llm-legal-cost-facts §1.1 podmonkey (pre-2026) [S]
    ('hetzner-lb11',   '2026-Q4',     3.00, 'lb_months',       16.20, 'EUR', false, NULL)                           -- src: infra-llm-legal-cost-facts §1.1 [S]
) v(svc, period, qty, unit, amount, ccy, training, notes)
JOIN services s ON s.code = v.svc
JOIN budget_periods q ON q.code = v.period
JOIN tmp_quarter_focus f ON f.period_code = v.period
JOIN cost_allocation_rules r ON r.source_module = 'tools' AND r.service_type = s.service_type AND r.is_active
JOIN cost_allocation_pools p ON p.cost_pool_type_id = r.target_pool_type_id AND p.budget_period_id = q.id;

-- -----------------------------------------------------------------------------
-- work_cost_allocations
-- -----------------------------------------------------------------------------
-- (a) bounties (seed 05): reward attributed to the DAO pool of the quarter the
-- bounty was posted in; paid bounties paid 3 weeks after posting (within quarter)
INSERT INTO work_cost_allocations (work_bounty_id, budget_period_id, cost_allocation_pool_id, milestone_id, cost_category_id,
                                   allocation_pct, amount, currency, payout_status, paid_on, notes)
SELECT b.id, q.id, p.id, wp.milestone_id, (SELECT id FROM cost_categories WHERE code = 'WRK-BOUNTY'),
       100, b.reward_amount, b.currency,
       CASE WHEN b.status = 'paid' THEN 'paid' ELSE 'committed' END,
       CASE WHEN b.status = 'paid' THEN LEAST(b.posted_on + 21, q.end_date) END,
       'Bounty ' || b.code || ' (' || b.status || ')'
FROM work_bounties b
JOIN work_projects wp ON wp.id = b.work_project_id
JOIN budget_periods q ON q.period_type = 'quarter' AND b.posted_on BETWEEN q.start_date AND q.end_date
JOIN cost_allocation_pools p ON p.budget_period_id = q.id
                            AND p.cost_pool_type_id = (SELECT id FROM cost_pool_types WHERE code = 'DAO')
WHERE b.status IN ('claimed','in_review','completed','paid') AND b.reward_amount > 0;

-- (b) external contributor grants on work projects — VIVIM plan figure
INSERT INTO work_cost_allocations (work_project_id, budget_period_id, cost_allocation_pool_id, milestone_id, cost_category_id,
                                   allocation_pct, amount, currency, payout_status, paid_on, notes)
SELECT wp.id, q.id, (SELECT p.id FROM cost_allocation_pools p WHERE p.code = v.pool || '-' || v.period),
       wp.milestone_id, (SELECT id FROM cost_categories WHERE code = 'WRK-GRANT'),
       v.pct, v.amount, 'EUR', v.status, v.paid::date, v.notes
FROM (VALUES
    ('WP-FOUNDATION', '2026-Q1', 'DAO', 100.00, 1500.00, 'paid',      '2026-03-20', 'Contributor grant: SDK examples'),
    ('WP-ACU',        '2026-Q2', 'DAO',  60.00, 1500.00, 'paid',      '2026-05-22', 'Contributor grant: ACU importers (DAO share)'),
    ('WP-ACU',        '2026-Q2', 'ENG',  40.00, 1000.00, 'paid',      '2026-05-22', 'Contributor grant: ACU importers (engineering share)'),
    ('WP-WIKI',       '2026-Q2', 'DAO', 100.00,  800.00, 'paid',      '2026-06-19', 'Contributor grant: wiki templates'),
    ('WP-COMPOSE',    '2026-Q3', 'DAO', 100.00, 1200.00, 'paid',      '2026-07-24', 'Contributor grant: compose themes'),
    ('WP-CONTEXT',    '2026-Q3', 'DAO',  50.00, 1500.00, 'paid',      '2026-09-10', 'Contributor grant: context connectors (DAO share)'),
    ('WP-CONTEXT',    '2026-Q3', 'ML',   50.00, 1500.00, 'paid',      '2026-09-10', 'Contributor grant: context connectors (ML share)'),
    ('WP-I18N',       '2026-Q3', 'DAO', 100.00,  600.00, 'paid',      '2026-09-25', 'Contributor grant: translation tooling'),
    ('WP-SOCIAL',     '2026-Q4', 'DAO', 100.00, 3500.00, 'committed', NULL,         'Contributor grant: social graph plugins'),
    ('WP-CONSENT',    '2026-Q4', 'DAO', 100.00, 1200.00, 'paid',      '2026-11-27', 'Contributor grant: consent receipts library'),
    ('WP-I18N',       '2026-Q4', 'DAO', 100.00,  700.00, 'committed', NULL,         'Contributor grant: Maltese locale'),
    ('WP-SCALE',      '2026-Q4', 'ENG', 100.00, 2000.00, 'committed', NULL,         'Contributor grant: load-test harness')
) v(wp, period, pool, pct, amount, status, paid, notes)
JOIN work_projects wp ON wp.code = v.wp
JOIN budget_periods q ON q.code = v.period;

-- -----------------------------------------------------------------------------
-- treasury_allocations: DAO funding of pools under proposals (seed 05) — VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO treasury_allocations (code, dao_treasury_id, dao_proposal_id, budget_period_id, cost_allocation_pool_id,
                                  allocation_date, amount, currency, status, purpose)
SELECT v.code, (SELECT id FROM dao_treasuries WHERE code = v.treasury), (SELECT id FROM dao_proposals WHERE code = v.proposal),
       q.id, (SELECT p.id FROM cost_allocation_pools p WHERE p.code = v.pool || '-' || v.period),
       v.d::date, v.amount, 'EUR', v.status, v.purpose
FROM (VALUES
    ('TA-2026-01', 'main-treasury', 'VIP-001', '2026-Q1', 'DAO',       '2026-03-24',  2500.00, 'disbursed',   'Initial contributor-grant budget ratified with the DAO charter'),
    ('TA-2026-02', 'main-treasury', 'VIP-002', '2026-Q2', 'DAO',       '2026-05-04',  4000.00, 'disbursed',   'Bounty round 1, May tranche'),
    ('TA-2026-03', 'main-treasury', 'VIP-002', '2026-Q2', 'DAO',       '2026-06-01',  4000.00, 'disbursed',   'Bounty round 1, June tranche'),
    ('TA-2026-04', 'grants',        'VIP-002', '2026-Q2', 'COMMUNITY', '2026-05-04',  1500.00, 'disbursed',   'Grants treasury opened: ambassadors'),
    ('TA-2026-05', 'grants',        'VIP-002', '2026-Q2', 'COMMUNITY', '2026-06-01',  1500.00, 'disbursed',   'Grants treasury: meetups'),
    ('TA-2026-06', 'main-treasury', 'VIP-004', '2026-Q2', 'SECLEGAL',  '2026-06-15', 12000.00, 'disbursed',   'External security review of the ACU data pipeline, 50% upfront'),
    ('TA-2026-07', 'main-treasury', 'VIP-004', '2026-Q2', 'SECLEGAL',  '2026-06-30', 12000.00, 'disbursed',   'External security review of the ACU data pipeline, 50% on delivery'),
    ('TA-2026-08', 'main-treasury', 'VIP-002', '2026-Q3', 'DAO',       '2026-07-06',  2500.00, 'disbursed',   'Bounty round 1, July tranche'),
    ('TA-2026-09', 'main-treasury', 'VIP-002', '2026-Q3', 'DAO',       '2026-08-03',  2500.00, 'disbursed',   'Bounty round 1, August tranche'),
    ('TA-2026-10', 'main-treasury', 'VIP-002', '2026-Q3', 'DAO',       '2026-09-01',  2000.00, 'disbursed',   'Bounty round 1, September tranche'),
    ('TA-2026-11', 'main-treasury', 'VIP-002', '2026-Q3', 'DAO',       '2026-09-20',   500.00, 'clawed_back', 'Unclaimed reward of expired bounty BNT-006 returned to the treasury'),
    ('TA-2026-12', 'grants',        'VIP-005', '2026-Q3', 'COMMUNITY', '2026-09-01',  3000.00, 'disbursed',   'Community translation programme (ES, IT, MT), first half'),
    ('TA-2026-13', 'grants',        'VIP-005', '2026-Q3', 'COMMUNITY', '2026-09-28',  3000.00, 'disbursed',   'Community translation programme (ES, IT, MT), second half'),
    ('TA-2026-14', 'main-treasury', 'VIP-007', '2026-Q4', 'SECLEGAL',  '2026-10-20',  6000.00, 'disbursed',   'DPIA for the Consent module'),
    ('TA-2026-15', 'main-treasury', 'VIP-008', '2026-Q4', 'DAO',       '2026-11-16',  6000.00, 'disbursed',   'Bounty round 2 (Social, Consent, Scale), November tranche'),
    ('TA-2026-16', 'main-treasury', 'VIP-008', '2026-Q4', 'DAO',       '2026-12-01',  6000.00, 'approved',    'Bounty round 2, December tranche'),
    ('TA-2026-17', 'main-treasury', 'VIP-009', '2026-Q4', 'SECLEGAL',  '2026-12-01', 12000.00, 'proposed',    'EU AI Act transparency review for VIVIM agents (vote pending)'),
    ('TA-2026-18', 'grants',        NULL,      '2026-Q4', 'COMMUNITY', '2026-11-20',  3000.00, 'proposed',    'Top-up for Q4 meetups (proposal being drafted)')
) v(code, treasury, proposal, period, pool, d, amount, status, purpose)
JOIN budget_periods q ON q.code = v.period;

-- -----------------------------------------------------------------------------
-- community_cost_allocations — VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO community_cost_allocations (code, program_name, program_type, community_member_id, wiki_space_id, location_id,
                                        budget_period_id, cost_allocation_pool_id, milestone_id, cost_category_id,
                                        participants, amount, currency, status, description)
SELECT v.code, v.prog, v.ptype,
       (SELECT id FROM community_members WHERE handle = v.member),
       (SELECT id FROM wiki_spaces WHERE slug = v.wiki),
       (SELECT id FROM locations WHERE code = v.loc),
       q.id, (SELECT p.id FROM cost_allocation_pools p WHERE p.code = 'COMMUNITY-' || v.period),
       f.milestone_id, (SELECT id FROM cost_categories WHERE code = v.cat),
       v.participants, v.amount, 'EUR', v.status, v.descr
FROM (VALUES
    ('CCA-2026-001', 'Ambassador stipends',       'ambassador',    'nodewright', NULL,   NULL,     '2026-Q1', 'COM-PROG',    NULL,  750.00, 'paid', 'EUR 250/month stipend'),
    ('CCA-2026-002', 'Ambassador stipends',       'ambassador',    'nodewright', NULL,   NULL,     '2026-Q2', 'COM-PROG',    NULL,  750.00, 'paid', NULL),
    ('CCA-2026-003', 'Ambassador stipends',       'ambassador',    'posidonia', NULL,   NULL,     '2026-Q2', 'COM-PROG',    NULL,  750.00, 'paid', NULL),
    ('CCA-2026-004', 'Ambassador stipends',       'ambassador',    'nodewright', NULL,   NULL,     '2026-Q3', 'COM-PROG',    NULL,  750.00, 'paid', NULL),
    ('CCA-2026-005', 'Ambassador stipends',       'ambassador',    'posidonia', NULL,   NULL,     '2026-Q3', 'COM-PROG',    NULL,  750.00, 'paid', NULL),
    ('CCA-2026-006', 'Ambassador stipends',       'ambassador',    'nodewright', NULL,   NULL,     '2026-Q4', 'COM-PROG',    NULL,  750.00, 'committed', NULL),
    ('CCA-2026-007', 'Ambassador stipends',       'ambassador',    'posidonia', NULL,   NULL,     '2026-Q4', 'COM-PROG',    NULL,  750.00, 'committed', NULL),
    ('CCA-2026-008', 'Forum moderation',          'moderation',    'kernelkat', NULL,   NULL,     '2026-Q2', 'COM-PROG',    NULL,  600.00, 'paid', NULL),
    ('CCA-2026-009', 'Forum moderation',          'moderation',    'kernelkat', NULL,   NULL,     '2026-Q3', 'COM-PROG',    NULL,  900.00, 'paid', 'M5 Social launch load'),
    ('CCA-2026-010', 'Forum moderation',          'moderation',    'kernelkat', NULL,   NULL,     '2026-Q4', 'COM-PROG',    NULL,  900.00, 'committed', NULL),
    ('CCA-2026-011', 'Docs translation (IT/ES)',  'translation',   'posidonia', 'community-guides',  NULL,     '2026-Q3', 'COM-CONTENT', NULL,  800.00, 'paid', 'Translation of the user wiki'),
    ('CCA-2026-012', 'Docs translation (MT/EN)',  'translation',   'kernelkat', 'community-guides',  NULL,     '2026-Q4', 'COM-CONTENT', NULL,  600.00, 'committed', NULL),
    ('CCA-2026-013', 'Catania meetup',            'events',        NULL,  NULL,   'IT-CTA', '2026-Q1', 'COM-EVENTS',    35,  650.00, 'paid', 'Launch meetup, venue and catering'),
    ('CCA-2026-014', 'Valletta meetup',           'events',        NULL,  NULL,   'MT-VLT', '2026-Q2', 'COM-EVENTS',    40,  800.00, 'paid', NULL),
    ('CCA-2026-015', 'Palma meetup',              'events',        NULL,  NULL,   'ES-PMI', '2026-Q2', 'COM-EVENTS',    55,  950.00, 'paid', NULL),
    ('CCA-2026-016', 'Palma hackathon: venue',    'hackathon',     NULL,  NULL,   'ES-PMI', '2026-Q3', 'COM-EVENTS',   120, 6800.00, 'paid', 'Two-day venue, catering, streaming'),
    ('CCA-2026-017', 'Palma hackathon: prizes',   'hackathon',     NULL,  NULL,   'ES-PMI', '2026-Q3', 'COM-EVENTS',   120, 7500.00, 'paid', 'Prize pool raised from 5,000 after sponsor fell through'),
    ('CCA-2026-018', 'Palermo meetup',            'events',        NULL,  NULL,   'IT-PMO', '2026-Q4', 'COM-EVENTS',    30,  600.00, 'committed', NULL),
    ('CCA-2026-019', 'Community forum hosting',   'forum_hosting', NULL,  'governance',  NULL,     '2026-Q1', 'COM-CONTENT', NULL,  300.00, 'paid', 'Hosted forum plan'),
    ('CCA-2026-020', 'Community forum hosting',   'forum_hosting', NULL,  'governance',  NULL,     '2026-Q2', 'COM-CONTENT', NULL,  300.00, 'paid', NULL),
    ('CCA-2026-021', 'Community forum hosting',   'forum_hosting', NULL,  'governance',  NULL,     '2026-Q3', 'COM-CONTENT', NULL,  300.00, 'paid', NULL),
    ('CCA-2026-022', 'Community forum hosting',   'forum_hosting', NULL,  'governance',  NULL,     '2026-Q4', 'COM-CONTENT', NULL,  300.00, 'committed', NULL),
    ('CCA-2026-023', 'Explainer videos',          'content',       NULL,  'compliance',  NULL,     '2026-Q3', 'COM-CONTENT', NULL, 1200.00, 'paid', 'Consent and dividend explainers'),
    ('CCA-2026-024', 'Contributor rewards',       'contributor_rewards', 'paella.dev', NULL, NULL, '2026-Q4', 'COM-PROG',    NULL,  500.00, 'committed', 'Top community contributors, M6')
) v(code, prog, ptype, member, wiki, loc, period, cat, participants, amount, status, descr)
JOIN budget_periods q ON q.code = v.period
JOIN tmp_quarter_focus f ON f.period_code = v.period;

-- -----------------------------------------------------------------------------
-- budget_line_items: one line per pool and top-level cost category.
-- budgeted_amount: VIVIM plan figure. actual_amount: computed below from the
-- transactions and allocations booked to the pool in that category subtree.
-- -----------------------------------------------------------------------------
INSERT INTO budget_line_items (code, budget_period_id, cost_category_id, cost_allocation_pool_id, milestone_id, owner_team_id,
                               description, budgeted_amount, currency, status)
SELECT 'BL-' || v.pool || '-' || v.cat || '-' || v.period,
       q.id, c.id, p.id, p.milestone_id, p.owner_team_id,
       c.name || ' in ' || p.name, v.budget, 'EUR',
       CASE WHEN v.period = '2026-Q4' THEN 'approved' ELSE 'locked' END
FROM (VALUES
    -- pool type, category, period, budget (EUR) — VIVIM plan figure
    ('COMMUNITY','COM','2026-Q1',   2100.00),  -- actual at seed time 1700.00
    ('DAO','GOV','2026-Q1',    100.00),  -- actual at seed time 85.00
    ('DAO','WRK','2026-Q1',   1850.00),  -- actual at seed time 1500.00
    ('ENG','LAB','2026-Q1',  64800.00),  -- actual at seed time 52925.00
    ('ENG','SW','2026-Q1',    750.00),  -- actual at seed time 592.94
    ('GA','EQP','2026-Q1',  20500.00),  -- actual at seed time 17100.00
    ('GA','FAC','2026-Q1',   8100.00),  -- actual at seed time 6675.00
    ('GA','INS','2026-Q1',   8100.00),  -- actual at seed time 8735.00
    ('GA','LAB','2026-Q1',  10100.00),  -- actual at seed time 8560.00
    ('GA','PRO','2026-Q1',   1600.00),  -- actual at seed time 1350.00
    ('GA','SW','2026-Q1',   1000.00),  -- actual at seed time 910.44
    ('INFRA','INF','2026-Q1',    350.00),  -- actual at seed time 288.77
    ('INFRA','LAB','2026-Q1',  18800.00),  -- actual at seed time 15576.00
    ('INFRA','SW','2026-Q1',    170.00),  -- actual at seed time 136.63
    ('ML','INF','2026-Q1',    350.00),  -- actual at seed time 276.69
    ('ML','LAB','2026-Q1',   7300.00),  -- actual at seed time 6210.00
    ('ML','TRV','2026-Q1',   1950.00),  -- actual at seed time 1650.00
    ('PRODUCT','LAB','2026-Q1',  31900.00),  -- actual at seed time 27810.00
    ('PRODUCT','SW','2026-Q1',    100.00),  -- actual at seed time 82.50
    ('SECLEGAL','INS','2026-Q1',   7100.00),  -- actual at seed time 6400.00
    ('SECLEGAL','LAB','2026-Q1',   4700.00),  -- actual at seed time 3894.00
    ('SECLEGAL','PRO','2026-Q1',   6800.00),  -- actual at seed time 5950.00
    ('COMMUNITY','COM','2026-Q2',   5100.00),  -- actual at seed time 4150.00
    ('COMMUNITY','LAB','2026-Q2',   3600.00),  -- actual at seed time 3220.00
    ('DAO','GOV','2026-Q2',    180.00),  -- actual at seed time 140.00
    ('DAO','LAB','2026-Q2',   1500.00),  -- actual at seed time 1380.00
    ('DAO','WRK','2026-Q2',  14300.00),  -- actual at seed time 11900.00
    ('ENG','LAB','2026-Q2', 113200.00),  -- actual at seed time 94646.00
    ('ENG','SW','2026-Q2',   1150.00),  -- actual at seed time 1038.93
    ('ENG','WRK','2026-Q2',   1100.00),  -- actual at seed time 1000.00
    ('GA','EQP','2026-Q2',  16300.00),  -- actual at seed time 13300.00
    ('GA','FAC','2026-Q2',  15600.00),  -- actual at seed time 12785.00
    ('GA','INS','2026-Q2',   2200.00),  -- actual at seed time 2085.00
    ('GA','LAB','2026-Q2',  14500.00),  -- actual at seed time 12840.00
    ('GA','PRO','2026-Q2',   1750.00),  -- actual at seed time 1420.00
    ('GA','SW','2026-Q2',   1800.00),  -- actual at seed time 1618.56
    ('GA','TRV','2026-Q2',   6900.00),  -- actual at seed time 6400.00
    ('INFRA','INF','2026-Q2',    550.00),  -- actual at seed time 475.29
    ('INFRA','LAB','2026-Q2',  16900.00),  -- actual at seed time 15576.00
    ('INFRA','SW','2026-Q2',    190.00),  -- actual at seed time 157.26
    ('ML','INF','2026-Q2',    650.00),  -- actual at seed time 549.47
    ('ML','LAB','2026-Q2',  25400.00),  -- actual at seed time 23115.00
    ('PRODUCT','LAB','2026-Q2',  32400.00),  -- actual at seed time 27810.00
    ('PRODUCT','SW','2026-Q2',     90.00),  -- actual at seed time 82.50
    ('SECLEGAL','LAB','2026-Q2',  24000.00),  -- actual at seed time 23099.00
    ('SECLEGAL','PRO','2026-Q2',  37500.00),  -- actual at seed time 52800.00
    ('COMMUNITY','COM','2026-Q3',  11600.00),  -- actual at seed time 19000.00
    ('COMMUNITY','LAB','2026-Q3',   8700.00),  -- actual at seed time 8489.60
    ('COMMUNITY','TRV','2026-Q3',   3000.00),  -- actual at seed time 2900.00
    ('DAO','GOV','2026-Q3',    240.00),  -- actual at seed time 190.00
    ('DAO','LAB','2026-Q3',   4000.00),  -- actual at seed time 3638.40
    ('DAO','WRK','2026-Q3',   5700.00),  -- actual at seed time 5300.00
    ('ENG','LAB','2026-Q3', 101300.00),  -- actual at seed time 104346.00
    ('ENG','SW','2026-Q3',   1050.00),  -- actual at seed time 1265.79
    ('GA','EQP','2026-Q3',  11200.00),  -- actual at seed time 9500.00
    ('GA','FAC','2026-Q3',  15700.00),  -- actual at seed time 14565.00
    ('GA','INS','2026-Q3',   2500.00),  -- actual at seed time 2085.00
    ('GA','LAB','2026-Q3',  15000.00),  -- actual at seed time 12840.00
    ('GA','PRO','2026-Q3',   1750.00),  -- actual at seed time 1480.00
    ('GA','SW','2026-Q3',   2300.00),  -- actual at seed time 2124.36
    ('INFRA','INF','2026-Q3',   1500.00),  -- actual at seed time 1237.97
    ('INFRA','LAB','2026-Q3',  26600.00),  -- actual at seed time 22384.00
    ('INFRA','SW','2026-Q3',    400.00),  -- actual at seed time 317.09
    ('ML','INF','2026-Q3',   3200.00),  -- actual at seed time 2679.31
    ('ML','LAB','2026-Q3',  41700.00),  -- actual at seed time 36225.00
    ('ML','TRV','2026-Q3',   1500.00),  -- actual at seed time 0.00
    ('ML','WRK','2026-Q3',   1650.00),  -- actual at seed time 1500.00
    ('PRODUCT','LAB','2026-Q3',  45700.00),  -- actual at seed time 41901.00
    ('PRODUCT','SW','2026-Q3',    150.00),  -- actual at seed time 123.74
    ('SECLEGAL','LAB','2026-Q3',  45200.00),  -- actual at seed time 42643.00
    ('SECLEGAL','PRO','2026-Q3',  16700.00),  -- actual at seed time 13800.00
    ('COMMUNITY','COM','2026-Q4',   4900.00),  -- actual at seed time 4400.00
    ('COMMUNITY','LAB','2026-Q4',  12400.00),  -- actual at seed time 10319.40
    ('DAO','GOV','2026-Q4',    180.00),  -- actual at seed time 160.00
    ('DAO','LAB','2026-Q4',   5200.00),  -- actual at seed time 4422.60
    ('DAO','WRK','2026-Q4',  19200.00),  -- actual at seed time 15700.00
    ('ENG','LAB','2026-Q4', 119500.00),  -- actual at seed time 104346.00
    ('ENG','SW','2026-Q4',   1700.00),  -- actual at seed time 1472.03
    ('ENG','WRK','2026-Q4',   2100.00),  -- actual at seed time 2000.00
    ('GA','EQP','2026-Q4',   4400.00),  -- actual at seed time 3800.00
    ('GA','FAC','2026-Q4',  19400.00),  -- actual at seed time 17025.00
    ('GA','INS','2026-Q4',   2400.00),  -- actual at seed time 2085.00
    ('GA','LAB','2026-Q4',  13800.00),  -- actual at seed time 12840.00
    ('GA','PRO','2026-Q4',   2900.00),  -- actual at seed time 2600.00
    ('GA','SW','2026-Q4',   2900.00),  -- actual at seed time 2427.84
    ('GA','TRV','2026-Q4',   8900.00),  -- actual at seed time 7800.00
    ('INFRA','INF','2026-Q4',   4500.00),  -- actual at seed time 8536.52
    ('INFRA','LAB','2026-Q4',  40800.00),  -- actual at seed time 39861.60
    ('INFRA','SW','2026-Q4',    400.00),  -- actual at seed time 358.34
    ('ML','INF','2026-Q4',   6600.00),  -- actual at seed time 17143.40
    ('ML','LAB','2026-Q4',  46300.00),  -- actual at seed time 44505.00
    ('PRODUCT','LAB','2026-Q4',  51700.00),  -- actual at seed time 45926.00
    ('PRODUCT','SW','2026-Q4',    200.00),  -- actual at seed time 164.99
    ('PRODUCT','TRV','2026-Q4',   2000.00),  -- actual at seed time 0.00
    ('SECLEGAL','LAB','2026-Q4',  75300.00),  -- actual at seed time 66608.40
    ('SECLEGAL','PRO','2026-Q4',  23900.00)   -- actual at seed time 30623.87
) v(pool, cat, period, budget)
JOIN budget_periods q ON q.code = v.period
JOIN cost_categories c ON c.code = v.cat
JOIN cost_allocation_pools p ON p.code = v.pool || '-' || v.period;

-- actual_amount = everything booked to the line's pool whose category is the
-- line's category or one of its descendants, converted to the line currency.
WITH RECURSIVE tree AS (
    SELECT id AS root_id, id AS cat_id FROM cost_categories
    UNION ALL
    SELECT t.root_id, c.id FROM tree t JOIN cost_categories c ON c.parent_id = t.cat_id
), ledger AS (
    SELECT cost_allocation_pool_id AS pool_id, cost_category_id AS cat_id, amount, currency, expense_date AS d
    FROM operational_expenses WHERE payment_status <> 'refunded'
    UNION ALL
    SELECT l.cost_allocation_pool_id, l.cost_category_id, l.amount, l.currency, bp.end_date
    FROM labor_cost_allocations l JOIN budget_periods bp ON bp.id = l.budget_period_id
    UNION ALL
    SELECT i.cost_allocation_pool_id, i.cost_category_id, i.amount, i.currency, bp.end_date
    FROM infrastructure_cost_allocations i JOIN budget_periods bp ON bp.id = i.budget_period_id
    UNION ALL
    SELECT w.cost_allocation_pool_id, w.cost_category_id, w.amount, w.currency, COALESCE(w.paid_on, bp.end_date)
    FROM work_cost_allocations w JOIN budget_periods bp ON bp.id = w.budget_period_id
    WHERE w.payout_status <> 'cancelled'
    UNION ALL
    SELECT c.cost_allocation_pool_id, c.cost_category_id, c.amount, c.currency, bp.end_date
    FROM community_cost_allocations c JOIN budget_periods bp ON bp.id = c.budget_period_id
    WHERE c.status <> 'cancelled'
), actuals AS (
    SELECT li.id, round(sum(ops_fx_convert(lg.amount, lg.currency, li.currency, lg.d)), 2) AS actual
    FROM budget_line_items li
    JOIN tree t ON t.root_id = li.cost_category_id
    JOIN ledger lg ON lg.pool_id = li.cost_allocation_pool_id AND lg.cat_id = t.cat_id
    GROUP BY li.id
)
UPDATE budget_line_items li SET actual_amount = a.actual
FROM actuals a WHERE a.id = li.id;

-- -----------------------------------------------------------------------------
-- budget_amendments — VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO budget_amendments (code, budget_line_item_id, amendment_date, amount_change, currency, reason, status,
                               requested_by_member_id, dao_proposal_id)
SELECT v.code, (SELECT id FROM budget_line_items WHERE code = v.line), v.d::date, v.change, 'EUR', v.reason, v.status,
       (SELECT id FROM team_members WHERE code = v.member), (SELECT id FROM dao_proposals WHERE code = v.proposal)
FROM (VALUES
    ('AMD-2026-001', 'BL-SECLEGAL-PRO-2026-Q2', '2026-05-25',   8000.00, 'MiCA/MiFID qualification opinion grew from 25 h to 42 h', 'approved', 'TM-016', NULL),
    ('AMD-2026-002', 'BL-COMMUNITY-COM-2026-Q3','2026-08-20',   4000.00, 'Hackathon prize pool raised after sponsor withdrew; covered by the VIP-005 grants budget', 'approved', 'TM-013',  'VIP-005'),
    ('AMD-2026-003', 'BL-ML-INF-2026-Q4',       '2026-11-12',   6000.00, 'H100 burst for the M6 model exceeded the 300 h plan',      'proposed', 'TM-008',    NULL),
    ('AMD-2026-004', 'BL-GA-FAC-2026-Q2',       '2026-04-10',   -500.00, 'Palermo desk cancelled',                                   'approved', 'TM-017',   NULL),
    ('AMD-2026-005', 'BL-ENG-SW-2026-Q3',       '2026-07-08',    300.00, 'Copilot seats for new joiners',                            'approved', 'TM-001',   NULL),
    ('AMD-2026-006', 'BL-INFRA-INF-2026-Q4',    '2026-11-28',   7500.00, 'Pinecone 2027 annual commitment (discounted rate)',        'proposed', 'TM-004',   NULL),
    ('AMD-2026-007', 'BL-INFRA-INF-2026-Q3',    '2026-07-01',   1500.00, 'Migration from Pinecone to self-hosted pgvector',          'rejected', 'TM-004',   'VIP-006'),
    ('AMD-2026-008', 'BL-SECLEGAL-PRO-2026-Q4', '2026-10-02',  10000.00, 'SOC 2 Type I audit quote above plan',                      'approved', 'TM-015',   NULL),
    ('AMD-2026-009', 'BL-GA-TRV-2026-Q4',       '2026-10-15',  -1000.00, 'Offsite shortened to two days',                            'withdrawn','TM-017',   NULL),
    ('AMD-2026-010', 'BL-GA-EQP-2026-Q2',       '2026-04-20',   1900.00, 'One more laptop: contractor converted to employee',         'approved', 'TM-017',   NULL),
    ('AMD-2026-011', 'BL-ML-LAB-2026-Q3',       '2026-07-15',  -2000.00, 'Data scientist start moved from August to September',     'approved', 'TM-008',   NULL),
    ('AMD-2026-012', 'BL-DAO-WRK-2026-Q4',      '2026-11-18',   3000.00, 'Bounty round 2 volume above the Q4 plan (VIP-008)',        'proposed', 'TM-020',   'VIP-008')
) v(code, line, d, change, reason, status, member, proposal);

-- -----------------------------------------------------------------------------
-- budget_approvals — VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO budget_approvals (code, budget_period_id, budget_line_item_id, budget_amendment_id, approval_stage,
                              approver_member_id, dao_proposal_id, decision, decided_at, approved_amount, currency, comments)
SELECT v.code, (SELECT id FROM budget_periods WHERE code = v.period),
       (SELECT id FROM budget_line_items WHERE code = v.line),
       (SELECT id FROM budget_amendments WHERE code = v.amd),
       v.stage, (SELECT id FROM team_members WHERE code = v.member), (SELECT id FROM dao_proposals WHERE code = v.proposal),
       v.decision, v.decided::timestamptz, v.amount, 'EUR', v.comments
FROM (VALUES
    -- period budgets
    ('BA-2026-001', 'FY2026',  NULL, NULL, 'finance',   'TM-003',  NULL,  'approved', '2026-01-05 10:00+01', NULL, 'FY2026 operating plan reviewed (acting finance lead until TM-017 joins)'),
    ('BA-2026-002', 'FY2026',  NULL, NULL, 'dao_vote',  NULL,      'VIP-001', 'approved', '2026-03-24 18:00+01', NULL, 'Treasury-funded programme budgets ratified with the charter'),
    ('BA-2026-003', '2026-Q1', NULL, NULL, 'finance',   'TM-003',  NULL,  'approved', '2026-01-05 11:00+01', NULL, NULL),
    ('BA-2026-004', '2026-Q1', NULL, NULL, 'executive', 'TM-001', NULL,  'approved', '2026-01-07 10:00+01', NULL, NULL),
    ('BA-2026-005', '2026-Q2', NULL, NULL, 'finance',   'TM-017', NULL,  'approved', '2026-03-20 10:00+01', NULL, NULL),
    ('BA-2026-006', '2026-Q2', NULL, NULL, 'executive', 'TM-001', NULL,  'changes_requested', '2026-03-24 10:00+01', NULL, 'Legal line too low for MiCA work'),
    ('BA-2026-007', '2026-Q2', NULL, NULL, 'executive', 'TM-001', NULL,  'approved', '2026-03-27 10:00+01', NULL, NULL),
    ('BA-2026-008', '2026-Q3', NULL, NULL, 'finance',   'TM-017', NULL,  'approved', '2026-06-19 10:00+02', NULL, NULL),
    ('BA-2026-009', '2026-Q3', NULL, NULL, 'executive', 'TM-001', NULL,  'approved', '2026-06-24 10:00+02', NULL, NULL),
    ('BA-2026-010', '2026-Q4', NULL, NULL, 'finance',   'TM-017', NULL,  'approved', '2026-09-18 10:00+02', NULL, NULL),
    ('BA-2026-011', '2026-Q4', NULL, NULL, 'executive', 'TM-001', NULL,  'approved', '2026-09-23 10:00+02', NULL, NULL),
    -- large lines
    ('BA-2026-012', '2026-Q4', 'BL-SECLEGAL-PRO-2026-Q4', NULL, 'team_lead', 'TM-015', NULL, 'approved', '2026-09-15 10:00+02', NULL, 'SOC 2 scope confirmed'),
    ('BA-2026-013', '2026-Q3', 'BL-COMMUNITY-COM-2026-Q3', NULL, 'team_lead', 'TM-013', NULL, 'approved', '2026-06-12 10:00+02', NULL, 'Hackathon plan'),
    -- amendments
    ('BA-2026-014', '2026-Q2', NULL, 'AMD-2026-001', 'finance',  'TM-017', NULL,  'approved', '2026-05-27 12:00+02',  8000.00, NULL),
    ('BA-2026-015', '2026-Q3', NULL, 'AMD-2026-002', 'dao_vote', NULL,      'VIP-005', 'approved', '2026-09-01 18:00+02',  4000.00, 'Grants treasury top-up'),
    ('BA-2026-016', '2026-Q4', NULL, 'AMD-2026-003', 'finance',  'TM-017', NULL,  'pending',  NULL,                   NULL,    'Awaiting M6 training report'),
    ('BA-2026-017', '2026-Q2', NULL, 'AMD-2026-004', 'finance',  'TM-017', NULL,  'approved', '2026-04-13 12:00+02',  NULL,    'Budget cut'),
    ('BA-2026-018', '2026-Q3', NULL, 'AMD-2026-005', 'team_lead','TM-001', NULL,  'approved', '2026-07-09 12:00+02',   300.00, NULL),
    ('BA-2026-019', '2026-Q4', NULL, 'AMD-2026-006', 'finance',  'TM-017', NULL,  'pending',  NULL,                   NULL,    NULL),
    ('BA-2026-020', '2026-Q3', NULL, 'AMD-2026-007', 'dao_vote', NULL,      'VIP-006', 'rejected', '2026-07-13 18:00+02',  NULL,    'VIP-006 rejected: stay on Pinecone'),
    ('BA-2026-021', '2026-Q4', NULL, 'AMD-2026-008', 'executive','TM-001', NULL,  'approved', '2026-10-06 12:00+02', 10000.00, NULL),
    ('BA-2026-022', '2026-Q2', NULL, 'AMD-2026-010', 'finance',  'TM-017', NULL,  'approved', '2026-04-21 12:00+02',  1900.00, NULL),
    ('BA-2026-023', '2026-Q3', NULL, 'AMD-2026-011', 'finance',  'TM-017', NULL,  'approved', '2026-07-16 12:00+02',  NULL,    'Budget cut'),
    ('BA-2026-024', '2026-Q4', NULL, 'AMD-2026-012', 'dao_vote', NULL,     'VIP-008', 'pending', NULL,                NULL,    'Top-up vote scheduled')
) v(code, period, line, amd, stage, member, proposal, decision, decided, amount, comments);

DROP TABLE tmp_quarter_focus;
