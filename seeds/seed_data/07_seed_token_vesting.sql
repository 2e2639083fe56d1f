-- =============================================================================
-- Seed 07: Token & Vesting (module 11, `tokens`)
-- =============================================================================
-- All token figures (supplies, grants, schedules, balances, APRs) are VIVIM plan
-- figures, not market data. Dates are fixed (TGE 2026-03-02; data as of
-- 2026-10-31; the first dividend snapshot is the projected 2027-08-31 one).
-- Scale follows module 05: about 2 M VGT of voting power is in members' hands
-- (dao_proposals.eligible_voting_power 1.16 M -> 2.09 M), out of 10 M VGT. Wallet addresses and transaction hashes are derived
-- deterministically with md5() so a load is reproducible.
-- Rows of other modules are referenced by natural key only.
-- =============================================================================

SET client_min_messages = warning;

-- Session-local helpers (pg_temp, dropped when the load ends).
-- wallet(label): a deterministic 40-hex-digit pseudo address for a label.
-- wallet_of(key): the wallet of a community member (handle) or a team member
-- (TM-code, via the member's community profile) as module 09 records it, else
-- the pseudo address of the key (treasuries, contracts, pools).
CREATE FUNCTION pg_temp.wallet(label TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$ SELECT '0x' || left(md5(label) || md5('vivim:' || label), 40) $$;

CREATE FUNCTION pg_temp.wallet_of(key TEXT) RETURNS TEXT
LANGUAGE sql STABLE AS $$
    SELECT lower(COALESCE(
        (SELECT c.wallet_address FROM community_members c WHERE c.handle = key),
        (SELECT c.wallet_address FROM community_members c JOIN team_members m ON m.id = c.team_member_id
          WHERE m.code = key ORDER BY c.id LIMIT 1),
        '0x' || left(md5('vivim:wallet:' || key) || md5('vivim:vivim:wallet:' || key), 40)))
$$;

-- -----------------------------------------------------------------------------
-- Tokens  -- VIVIM plan figure (supply, price, chain)
-- Regulatory note: a token carrying dividend/profit rights is likely a MiFID II
-- financial instrument, not a MiCA crypto-asset (MiCA Art. 2(4)(a); ESMA
-- guidelines 17-Dec-2024)  -- src: §4.6 regscope "MiCA vs MiFID II" [S]
-- -----------------------------------------------------------------------------
INSERT INTO token_registry (symbol, name, token_type, token_standard, chain, contract_address, decimals,
    total_supply, max_supply, is_transferable, has_voting_rights, has_dividend_rights,
    regulatory_classification, compliance_framework_id, dao_treasury_id, launch_date, reference_price, currency, description)
VALUES
('VGT', 'VIVIM Governance Token', 'governance', 'ERC-20Votes', 'base',
 pg_temp.wallet('vivim:token:VGT'), 18,
 10000000, 10000000, true, true, true,
 'pending', (SELECT id FROM compliance_frameworks WHERE code = 'MICA'),
 (SELECT id FROM dao_treasuries WHERE code = 'main-treasury'), DATE '2026-03-02', 0.100000, 'EUR',
 'Fixed-supply governance token; voting power in the DAO; holding it (with KYC) makes a user eligible for the 70% user dividend pool. Dividend rights make a MiFID II qualification likely: legal opinion pending before any dividend is paid.'),  -- VIVIM plan figure; classification per §4.6 [S]
('VWT', 'VIVIM Work Token', 'work', 'ERC-20', 'base',
 pg_temp.wallet('vivim:token:VWT'), 18,
 12000000, 50000000, true, false, false,
 'other_crypto_asset', (SELECT id FROM compliance_frameworks WHERE code = 'MICA'),
 (SELECT id FROM dao_treasuries WHERE code = 'grants'), DATE '2026-03-02', 0.010000, 'EUR',
 'Work/reward token minted for bounties and contributions; no profit rights. MiCA "other crypto-asset": white paper notification to the MFSA (EUR 2,500 fee, src: §4.7 camilleripreziosi.com [S]).');  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Vesting schedules  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO vesting_schedules (code, name, token_id, beneficiary_class, cliff_months, vesting_months,
    release_frequency, tge_unlock_pct, cliff_unlock_pct, accelerates_on_change_of_control, description)
VALUES
('VS-FOUNDER-48-12', 'Founders: 4 years, 1-year cliff',     (SELECT id FROM token_registry WHERE symbol = 'VGT'), 'founder',     12, 48, 'monthly',   0, 25.00, true,  '25% at the cliff, then 1/48 per month'),
('VS-TEAM-36-6',     'Team: 3 years, 6-month cliff',        (SELECT id FROM token_registry WHERE symbol = 'VGT'), 'team',         6, 36, 'monthly',   0, 16.67, false, '6/36 at the cliff, then 1/36 per month'),
('VS-ADVISOR-24-6',  'Advisors: 2 years, 6-month cliff',    (SELECT id FROM token_registry WHERE symbol = 'VGT'), 'advisor',      6, 24, 'monthly',   0, 25.00, false, '25% at the cliff, then 1/24 per month'),
('VS-CONTRIB-12-3',  'Contributors: 1 year, 3-month cliff', (SELECT id FROM token_registry WHERE symbol = 'VWT'), 'contributor',  3, 12, 'monthly',   0, 25.00, false, 'Core community contributors paid in VWT'),
('VS-COMMUNITY-6-0', 'Community early-user grant: 6 months',(SELECT id FROM token_registry WHERE symbol = 'VGT'), 'community',    0,  6, 'monthly',  20.00, 0,  false, '20% at TGE, rest over 6 months');  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Vesting agreements  -- VIVIM plan figure (grant sizes); grant_value = amount x reference price
-- -----------------------------------------------------------------------------
INSERT INTO vesting_agreements (code, vesting_schedule_id, token_id, team_member_id, community_member_id,
    beneficiary_wallet, granted_amount, grant_date, vesting_start_date, cliff_date, vesting_end_date,
    status, terminated_on, grant_value, currency, approved_by_proposal_id, notes)
SELECT a.code, vs.id, vs.token_id, tm.id, cm.id,
       pg_temp.wallet_of(COALESCE(a.tm_code, a.handle)),
       a.amount, a.grant_date, a.start_date,
       (a.start_date + make_interval(months => vs.cliff_months))::date,
       (a.start_date + make_interval(months => vs.vesting_months))::date,
       a.status, a.terminated_on,
       round(a.amount * tr.reference_price, 2), 'EUR',
       (SELECT id FROM dao_proposals WHERE code = a.proposal_code), a.notes
FROM (VALUES
    ('VA-001', 'VS-FOUNDER-48-12', 'TM-001', NULL,           480000::numeric, DATE '2026-01-05', DATE '2025-07-01', 'active',     NULL::date,        NULL::text, 'Founder grant; vesting credits pre-incorporation work from 2025-07'),
    ('VA-002', 'VS-FOUNDER-48-12', 'TM-002', NULL,           480000,          DATE '2026-01-05', DATE '2025-07-01', 'active',     NULL,              NULL,       'Founder grant'),
    ('VA-003', 'VS-TEAM-36-6',     'TM-003', NULL,           216000,          DATE '2026-01-15', DATE '2026-01-15', 'active',     NULL,              NULL,       NULL),
    ('VA-004', 'VS-TEAM-36-6',     'TM-004', NULL,           216000,          DATE '2026-01-15', DATE '2026-01-15', 'active',     NULL,              NULL,       NULL),
    ('VA-005', 'VS-TEAM-36-6',     'TM-005', NULL,           144000,          DATE '2026-02-01', DATE '2026-02-01', 'active',     NULL,              NULL,       NULL),
    ('VA-006', 'VS-TEAM-36-6',     'TM-006', NULL,           144000,          DATE '2026-02-01', DATE '2026-02-01', 'active',     NULL,              NULL,       NULL),
    ('VA-007', 'VS-TEAM-36-6',     'TM-008', NULL,           108000,          DATE '2026-03-01', DATE '2026-03-01', 'active',     NULL,              NULL,       NULL),
    ('VA-008', 'VS-TEAM-36-6',     'TM-016', NULL,            72000,          DATE '2026-04-01', DATE '2026-04-01', 'active',     NULL,              NULL,       NULL),
    ('VA-009', 'VS-TEAM-36-6',     'TM-015', NULL,           108000,          DATE '2026-06-01', DATE '2026-06-01', 'pending',    NULL,              NULL,       'Cliff on 2026-12-01; nothing vested yet'),
    ('VA-010', 'VS-ADVISOR-24-6',  NULL,     'sfo-advisor',  100000,          DATE '2026-03-01', DATE '2026-03-01', 'active',     NULL,              NULL,       'Advisor grant, data-dividend economics'),
    ('VA-011', 'VS-CONTRIB-12-3',  NULL,     'nodewright',   250000,          DATE '2026-03-02', DATE '2026-03-02', 'active',     NULL,              NULL,       'Core contributor, paid in VWT'),
    ('VA-012', 'VS-CONTRIB-12-3',  NULL,     'ragu_rust',    180000,          DATE '2026-04-01', DATE '2026-04-01', 'active',     NULL,              NULL,       'Core contributor, paid in VWT'),
    ('VA-013', 'VS-CONTRIB-12-3',  NULL,     'oliveoil_ops', 120000,          DATE '2026-06-01', DATE '2026-06-01', 'terminated', DATE '2026-08-31', NULL,       'Stepped down from the core contributor programme before the cliff; grant forfeited to the grants treasury'),
    ('VA-014', 'VS-COMMUNITY-6-0', NULL,     'sliema-sky',     4000,          DATE '2026-04-06', DATE '2026-04-06', 'fully_vested', NULL,            NULL,       'Early-user grant'),
    ('VA-015', 'VS-COMMUNITY-6-0', NULL,     'fjordfox',       6000,          DATE '2026-06-15', DATE '2026-06-15', 'active',     NULL,              NULL,       'Early-user grant'),
    ('VA-016', 'VS-COMMUNITY-6-0', NULL,     'valletta-vibes', 3000,          DATE '2026-07-13', DATE '2026-07-13', 'active',     NULL,              NULL,       'Early-user grant, meetup host')
) AS a(code, schedule_code, tm_code, handle, amount, grant_date, start_date, status, terminated_on, proposal_code, notes)
JOIN vesting_schedules vs ON vs.code = a.schedule_code
JOIN token_registry tr    ON tr.id = vs.token_id
LEFT JOIN team_members tm      ON tm.code = a.tm_code
LEFT JOIN community_members cm ON cm.handle = a.handle;  -- VIVIM plan figure
-- (approved_by_proposal_id stays NULL: grants are in the charter ratified by VIP-001, not in a proposal of their own)

-- -----------------------------------------------------------------------------
-- Vesting events, derived from each agreement's schedule up to 2026-10-31:
-- TGE unlock, cliff unlock (pro rata for the cliff months), then 1/N per month;
-- a terminated grant stops vesting and forfeits the rest. Deterministic.
-- -----------------------------------------------------------------------------
-- TGE unlocks
INSERT INTO vesting_events (vesting_agreement_id, event_type, event_date, amount, notes)
SELECT va.id, 'tge_unlock', va.vesting_start_date, round(va.granted_amount * vs.tge_unlock_pct / 100, 8), 'Unlocked at TGE / grant start'
FROM vesting_agreements va JOIN vesting_schedules vs ON vs.id = va.vesting_schedule_id
WHERE vs.tge_unlock_pct > 0;

-- Cliff unlocks (only when the cliff falls on or before the as-of date and before termination)
INSERT INTO vesting_events (vesting_agreement_id, event_type, event_date, amount, notes)
SELECT va.id, 'cliff_unlock', va.cliff_date,
       round((va.granted_amount - round(va.granted_amount * vs.tge_unlock_pct / 100, 8)) * vs.cliff_months / vs.vesting_months, 8),
       'Cliff reached: ' || vs.cliff_months || ' of ' || vs.vesting_months || ' months'
FROM vesting_agreements va JOIN vesting_schedules vs ON vs.id = va.vesting_schedule_id
WHERE vs.cliff_months > 0
  AND va.cliff_date <= DATE '2026-10-31'
  AND (va.terminated_on IS NULL OR va.cliff_date <= va.terminated_on);

-- Monthly unlocks after the cliff: month k releases cum(k) - cum(k-1), where
-- cum(k) = round(base x k / N, 8), so the unlocks add up exactly to the grant.
INSERT INTO vesting_events (vesting_agreement_id, event_type, event_date, amount, notes)
SELECT va.id, 'periodic_unlock', (va.vesting_start_date + make_interval(months => k))::date,
       round(b.base * k / vs.vesting_months, 8) - round(b.base * (k - 1) / vs.vesting_months, 8),
       'Monthly unlock ' || k || '/' || vs.vesting_months
FROM vesting_agreements va
JOIN vesting_schedules vs ON vs.id = va.vesting_schedule_id
CROSS JOIN LATERAL (SELECT va.granted_amount - round(va.granted_amount * vs.tge_unlock_pct / 100, 8) AS base) b
CROSS JOIN LATERAL generate_series(vs.cliff_months + 1, vs.vesting_months) AS k
WHERE (va.vesting_start_date + make_interval(months => k))::date
      <= LEAST(DATE '2026-10-31', COALESCE(va.terminated_on, DATE '2026-10-31'));

-- Forfeit of the unvested remainder of the terminated grant
INSERT INTO vesting_events (vesting_agreement_id, event_type, event_date, amount, notes)
SELECT va.id, 'forfeit', va.terminated_on,
       va.granted_amount - COALESCE((SELECT sum(e.amount) FROM vesting_events e
                                     WHERE e.vesting_agreement_id = va.id
                                       AND e.event_type IN ('tge_unlock','cliff_unlock','periodic_unlock')), 0),
       'Unvested remainder returned to the main treasury on termination'
FROM vesting_agreements va
WHERE va.status = 'terminated';

-- Claims: beneficiaries claim what had vested by 2026-07-01 (claimed on 2026-07-06)
-- and, for some, by 2026-10-01 (claimed on 2026-10-06).  -- VIVIM plan figure
INSERT INTO vesting_events (vesting_agreement_id, event_type, event_date, amount, tx_hash, notes)
SELECT va.id, 'claim', c.claim_date, c.amount,
       '0x' || md5('claim:' || va.code || ':' || c.claim_date) || md5('vivim:' || va.code || ':' || c.claim_date),
       'Claimed to beneficiary wallet'
FROM vesting_agreements va
CROSS JOIN (VALUES (DATE '2026-07-06', DATE '2026-07-01', DATE '2026-01-01'),
                   (DATE '2026-10-06', DATE '2026-10-01', DATE '2026-07-02')) AS w(claim_date, upto, from_d)
CROSS JOIN LATERAL (
    SELECT w.claim_date, sum(e.amount) AS amount
    FROM vesting_events e
    WHERE e.vesting_agreement_id = va.id
      AND e.event_type IN ('tge_unlock','cliff_unlock','periodic_unlock')
      AND e.event_date BETWEEN w.from_d AND w.upto
) c
WHERE c.amount > 0
  AND NOT (va.code IN ('VA-002','VA-005') AND w.claim_date = DATE '2026-10-06');   -- two beneficiaries have not claimed Q3 yet

-- -----------------------------------------------------------------------------
-- Token holdings at 2026-10-31 (and the treasury / vesting wallets at 2026-06-30).
-- Members' VGT balances are the governance-token figures module 05 uses for
-- their voting power; pools and contracts are VIVIM plan figures; the main
-- treasury holds the rest of the fixed supply, so VGT balances add up to the
-- total supply.  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO token_holdings (token_id, wallet_address, holder_type, community_member_id, team_member_id, dao_treasury_id, balance, locked_balance, as_of_date)
SELECT tr.id, pg_temp.wallet_of(h.wallet_key), h.holder_type,
       cm.id, tm.id, dt.id, h.balance, h.locked, h.as_of
FROM (VALUES
    -- VGT: liquidity (vesting contracts, staking pools and treasuries follow below, derived)
    ('VGT', 'liquidity-vgt-eur',    'liquidity_pool',   NULL, NULL, NULL,  800000::numeric, 0::numeric, DATE '2026-10-31'),
    -- VGT: staff (through their community profile; figures as in module 05)
    ('VGT', 'tramuntana',   'community_member', 'tramuntana',   NULL, NULL, 120000,      0, DATE '2026-10-31'),
    ('VGT', 'etna_dev',     'community_member', 'etna_dev',     NULL, NULL, 110000,      0, DATE '2026-10-31'),
    ('VGT', 'gozo-ops',     'community_member', 'gozo-ops',     NULL, NULL,  95000,  40000, DATE '2026-10-31'),
    ('VGT', 'serra_ml',     'community_member', 'serra_ml',     NULL, NULL,  90000,      0, DATE '2026-10-31'),
    ('VGT', 'ortigia',      'community_member', 'ortigia',      NULL, NULL,  80000,      0, DATE '2026-10-31'),
    ('VGT', 'spree-sec',    'community_member', 'spree-sec',    NULL, NULL,  75000,      0, DATE '2026-10-31'),
    ('VGT', 'mdina',        'community_member', 'mdina',        NULL, NULL,  70000,      0, DATE '2026-10-31'),
    ('VGT', 'dragonera',    'community_member', 'dragonera',    NULL, NULL,  65000,      0, DATE '2026-10-31'),
    ('VGT', 'catania-sre',  'community_member', 'catania-sre',  NULL, NULL,  60000,      0, DATE '2026-10-31'),
    ('VGT', 'thames-pm',    'community_member', 'thames-pm',    NULL, NULL,  55000,      0, DATE '2026-10-31'),
    ('VGT', 'soller-design','community_member', 'soller-design',NULL, NULL,  50000,      0, DATE '2026-10-31'),
    ('VGT', 'kalsa-legal',  'community_member', 'kalsa-legal',  NULL, NULL,  45000,      0, DATE '2026-10-31'),
    ('VGT', 'valletta-ml',  'community_member', 'valletta-ml',  NULL, NULL,  40000,      0, DATE '2026-10-31'),
    ('VGT', 'palma-data',   'community_member', 'palma-data',   NULL, NULL,  35000,      0, DATE '2026-10-31'),
    -- VGT: team members' own wallets (only for those without a community profile)
    ('VGT', 'TM-019',       'team_member',      NULL,      'TM-019', NULL,   5000,      0, DATE '2026-10-31'),
    ('VGT', 'TM-021',       'team_member',      NULL,      'TM-021', NULL,  12000,      0, DATE '2026-10-31'),
    -- VGT: community
    ('VGT', 'nodewright',   'community_member', 'nodewright',   NULL, NULL,  38000,  20000, DATE '2026-10-31'),
    ('VGT', 'bytebaker',    'community_member', 'bytebaker',    NULL, NULL,  22000,      0, DATE '2026-10-31'),
    ('VGT', 'posidonia',    'community_member', 'posidonia',    NULL, NULL,  26000,      0, DATE '2026-10-31'),
    ('VGT', 'ragu_rust',    'community_member', 'ragu_rust',    NULL, NULL,  30000,  15000, DATE '2026-10-31'),
    ('VGT', 'sliema-sky',   'community_member', 'sliema-sky',   NULL, NULL,   4000,      0, DATE '2026-10-31'),
    ('VGT', 'kernelkat',    'community_member', 'kernelkat',    NULL, NULL,  24000,  12000, DATE '2026-10-31'),
    ('VGT', 'lowtide',      'community_member', 'lowtide',      NULL, NULL,  18000,      0, DATE '2026-10-31'),
    ('VGT', 'oliveoil_ops', 'community_member', 'oliveoil_ops', NULL, NULL,  15000,      0, DATE '2026-10-31'),
    ('VGT', 'moka',         'community_member', 'moka',         NULL, NULL,  16000,      0, DATE '2026-10-31'),
    ('VGT', 'fjordfox',     'community_member', 'fjordfox',     NULL, NULL,   6000,      0, DATE '2026-10-31'),
    ('VGT', 'paella.dev',   'community_member', 'paella.dev',   NULL, NULL,  14000,      0, DATE '2026-10-31'),
    ('VGT', 'valletta-vibes','community_member','valletta-vibes',NULL, NULL,  3000,      0, DATE '2026-10-31'),
    ('VGT', 'quietquant',   'community_member', 'quietquant',   NULL, NULL,  20000,  10000, DATE '2026-10-31'),
    ('VGT', 'dublin_data',  'community_member', 'dublin_data',  NULL, NULL,  12000,      0, DATE '2026-10-31'),
    ('VGT', 'tulipstack',   'community_member', 'tulipstack',   NULL, NULL,  11000,      0, DATE '2026-10-31'),
    ('VGT', 'sfo-advisor',  'community_member', 'sfo-advisor',  NULL, NULL,  50000,  25000, DATE '2026-10-31'),
    ('VGT', 'ngi-partner',  'community_member', 'ngi-partner',  NULL, NULL,  30000,      0, DATE '2026-10-31'),
    ('VGT', 'alpine_ai',    'community_member', 'alpine_ai',    NULL, NULL,  13000,      0, DATE '2026-10-31'),
    ('VGT', 'sirocco',      'community_member', 'sirocco',      NULL, NULL,   5000,      0, DATE '2026-10-31'),
    ('VGT', 'cantina',      'community_member', 'cantina',      NULL, NULL,   9000,      0, DATE '2026-10-31'),
    ('VGT', 'londonfog',    'community_member', 'londonfog',    NULL, NULL,   2500,      0, DATE '2026-10-31'),
    ('VGT', 'quiet-leaver', 'community_member', 'quiet-leaver', NULL, NULL,  10000,      0, DATE '2026-10-31'),
    -- VWT
    ('VWT', 'nodewright',   'community_member', 'nodewright',   NULL, NULL,  31250,      0, DATE '2026-10-31'),
    ('VWT', 'ragu_rust',    'community_member', 'ragu_rust',    NULL, NULL,  30000,      0, DATE '2026-10-31'),
    ('VWT', 'posidonia',    'community_member', 'posidonia',    NULL, NULL,  60000,      0, DATE '2026-10-31'),
    ('VWT', 'moka',         'community_member', 'moka',         NULL, NULL,  50000,      0, DATE '2026-10-31'),
    ('VWT', 'sirocco',      'community_member', 'sirocco',      NULL, NULL,  20000,      0, DATE '2026-10-31'),
    ('VWT', 'bytebaker',    'community_member', 'bytebaker',    NULL, NULL,  33500,      0, DATE '2026-10-31'),
    ('VWT', 'kernelkat',    'community_member', 'kernelkat',    NULL, NULL,  29000,      0, DATE '2026-10-31'),
    ('VWT', 'tulipstack',   'community_member', 'tulipstack',   NULL, NULL,  57500,      0, DATE '2026-10-31')
) AS h(symbol, wallet_key, holder_type, handle, tm_code, treasury_code, balance, locked, as_of)
JOIN token_registry tr ON tr.symbol = h.symbol
LEFT JOIN community_members cm ON cm.handle = h.handle
LEFT JOIN team_members tm      ON tm.code = h.tm_code
LEFT JOIN dao_treasuries dt    ON dt.code = h.treasury_code
WHERE h.tm_code IS NULL OR NOT EXISTS (SELECT 1 FROM community_members c WHERE c.team_member_id = tm.id);  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Staking pools  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO staking_pools (code, name, token_id, reward_token_id, pool_wallet, apr_pct, lock_days, unbonding_days,
    min_stake, pool_cap, reward_budget, voting_power_multiplier, status, start_date, end_date)
VALUES
('SP-VGT-FLEX', 'VGT flexible staking', (SELECT id FROM token_registry WHERE symbol = 'VGT'), (SELECT id FROM token_registry WHERE symbol = 'VGT'),
 pg_temp.wallet_of('staking-pool-vgt-flex'),  4.00,  0, 7,    100,   1000000,   40000, 1.00, 'active', DATE '2026-04-01', NULL),
('SP-VGT-90D',  'VGT 90-day lock',      (SELECT id FROM token_registry WHERE symbol = 'VGT'), (SELECT id FROM token_registry WHERE symbol = 'VGT'),
 pg_temp.wallet_of('staking-pool-vgt-90d'),   8.00, 90, 14,   1000,    800000,   64000, 1.50, 'active', DATE '2026-04-01', NULL),
('SP-VWT-30D',  'VWT 30-day lock, rewards in VWT', (SELECT id FROM token_registry WHERE symbol = 'VWT'), (SELECT id FROM token_registry WHERE symbol = 'VWT'),
 pg_temp.wallet_of('staking-pool-vwt-30d'),  12.00, 30, 3,   1000,   2000000,  240000, 1.00, 'active', DATE '2026-05-01', DATE '2027-04-30'),
('SP-VGT-365D', 'VGT 1-year lock (planned for M7)', (SELECT id FROM token_registry WHERE symbol = 'VGT'), (SELECT id FROM token_registry WHERE symbol = 'VGT'),
 pg_temp.wallet_of('staking-pool-vgt-365d'), 12.00, 365, 21, 5000,    500000,   60000, 2.00, 'planned', DATE '2026-12-01', NULL);  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Staking positions  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO staking_positions (code, staking_pool_id, community_member_id, team_member_id, wallet_address,
    staked_amount, staked_at, unlock_at, withdrawn_at, status)
SELECT p.code, sp.id, cm.id, tm.id, pg_temp.wallet_of(COALESCE(p.handle, p.tm_code)),
       p.amount, p.staked_at, p.staked_at + make_interval(hours => 24 * sp.lock_days), p.withdrawn_at, p.status
FROM (VALUES
    ('STK-001', 'SP-VGT-FLEX', 'nodewright',   NULL,     20000::numeric, TIMESTAMPTZ '2026-04-03 10:12:00+00', NULL::timestamptz,                    'active'),
    ('STK-002', 'SP-VGT-FLEX', 'ragu_rust',    NULL,     15000,          TIMESTAMPTZ '2026-04-20 18:40:00+00', NULL,                                 'active'),
    ('STK-003', 'SP-VGT-FLEX', 'lowtide',      NULL,      9000,          TIMESTAMPTZ '2026-05-11 08:05:00+00', TIMESTAMPTZ '2026-09-02 09:00:00+00', 'withdrawn'),
    ('STK-004', 'SP-VGT-90D',  'sfo-advisor',  NULL,     25000,          TIMESTAMPTZ '2026-04-05 12:00:00+00', NULL,                                 'active'),
    ('STK-005', 'SP-VGT-90D',  'kernelkat',    NULL,     12000,          TIMESTAMPTZ '2026-06-01 07:30:00+00', NULL,                                 'active'),
    ('STK-006', 'SP-VGT-90D',  'gozo-ops',     NULL,     40000,          TIMESTAMPTZ '2026-07-10 16:20:00+00', NULL,                                 'active'),
    ('STK-007', 'SP-VGT-90D',  'quietquant',   NULL,     10000,          TIMESTAMPTZ '2026-08-03 09:45:00+00', NULL,                                 'unbonding'),
    ('STK-008', 'SP-VWT-30D',  'nodewright',   NULL,    100000,          TIMESTAMPTZ '2026-06-02 11:00:00+00', NULL,                                 'active'),
    ('STK-009', 'SP-VWT-30D',  'ragu_rust',    NULL,     60000,          TIMESTAMPTZ '2026-07-06 13:15:00+00', NULL,                                 'active'),
    ('STK-010', 'SP-VWT-30D',  'sirocco',      NULL,     30000,          TIMESTAMPTZ '2026-10-01 20:00:00+00', NULL,                                 'active'),
    ('STK-011', 'SP-VWT-30D',  'tulipstack',   NULL,     30000,          TIMESTAMPTZ '2026-08-28 06:50:00+00', TIMESTAMPTZ '2026-10-12 10:00:00+00', 'withdrawn'),
    ('STK-012', 'SP-VGT-FLEX', NULL,           'TM-016',  5000,          TIMESTAMPTZ '2026-10-08 17:00:00+00', NULL,                                 'active')
) AS p(code, pool_code, handle, tm_code, amount, staked_at, withdrawn_at, status)
JOIN staking_pools sp ON sp.code = p.pool_code
LEFT JOIN community_members cm ON cm.handle = p.handle
LEFT JOIN team_members tm      ON tm.code = p.tm_code;  -- VIVIM plan figure

-- Derived balances: vesting contracts hold granted - claimed - forfeited (locked:
-- the part not vested yet) at 2026-06-30 and 2026-10-31; staking pools hold the
-- positions not withdrawn at 2026-10-31 (locked for locked pools).
INSERT INTO token_holdings (token_id, wallet_address, holder_type, balance, locked_balance, as_of_date)
SELECT tr.id, pg_temp.wallet_of('vesting-contract-' || lower(tr.symbol)), 'vesting_contract',
       sum(va.granted_amount) - COALESCE(sum(ev.claimed), 0) - COALESCE(sum(ev.forfeited), 0),
       sum(va.granted_amount) - COALESCE(sum(ev.vested), 0) - COALESCE(sum(ev.forfeited), 0),
       a.as_of
FROM token_registry tr
CROSS JOIN (VALUES (DATE '2026-06-30'), (DATE '2026-10-31')) AS a(as_of)
JOIN vesting_agreements va ON va.token_id = tr.id
LEFT JOIN LATERAL (
    SELECT sum(e.amount) FILTER (WHERE e.event_type = 'claim') AS claimed,
           sum(e.amount) FILTER (WHERE e.event_type = 'forfeit') AS forfeited,
           sum(e.amount) FILTER (WHERE e.event_type IN ('tge_unlock','cliff_unlock','periodic_unlock','acceleration')) AS vested
    FROM vesting_events e WHERE e.vesting_agreement_id = va.id AND e.event_date <= a.as_of
) ev ON true
GROUP BY tr.id, tr.symbol, a.as_of;

INSERT INTO token_holdings (token_id, wallet_address, holder_type, balance, locked_balance, as_of_date)
SELECT sp.token_id, sp.pool_wallet, 'staking_pool', sum(p.staked_amount),
       CASE WHEN sp.lock_days > 0 THEN sum(p.staked_amount) ELSE 0 END, DATE '2026-10-31'
FROM staking_pools sp
JOIN staking_positions p ON p.staking_pool_id = sp.id
WHERE p.staked_at <= TIMESTAMPTZ '2026-10-31 23:59:59+00'
  AND (p.withdrawn_at IS NULL OR p.withdrawn_at > TIMESTAMPTZ '2026-10-31 23:59:59+00')
GROUP BY sp.id, sp.token_id, sp.pool_wallet, sp.lock_days;

-- Treasuries at 2026-10-31 hold the rest of each token's supply (main treasury
-- for VGT, grants treasury for VWT).
INSERT INTO token_holdings (token_id, wallet_address, holder_type, dao_treasury_id, balance, locked_balance, as_of_date)
SELECT tr.id, pg_temp.wallet_of(t.treasury_code), 'treasury', dt.id,
       tr.total_supply - COALESCE((SELECT sum(h.balance) FROM token_holdings h
                                   WHERE h.token_id = tr.id AND h.as_of_date = DATE '2026-10-31'), 0),
       0, DATE '2026-10-31'
FROM (VALUES ('VGT', 'main-treasury'), ('VWT', 'grants')) AS t(symbol, treasury_code)
JOIN token_registry tr ON tr.symbol = t.symbol
JOIN dao_treasuries dt ON dt.code = t.treasury_code;

-- Staking rewards: monthly accrual = staked x APR / 12 for every full month the
-- position was staked, 2026-05 .. 2026-10; months up to August claimed on the 5th
-- of the following month. Deterministic.
INSERT INTO staking_rewards (staking_position_id, period_start, period_end, reward_amount, status, claimed_at)
SELECT p.id, m::date, (m + interval '1 month' - interval '1 day')::date,
       round(p.staked_amount * sp.apr_pct / 100 / 12, 8),
       CASE WHEN m < DATE '2026-09-01' THEN 'claimed' ELSE 'accrued' END,
       CASE WHEN m < DATE '2026-09-01' THEN (m + interval '1 month 4 days 09:00') AT TIME ZONE 'UTC' END
FROM staking_positions p
JOIN staking_pools sp ON sp.id = p.staking_pool_id
CROSS JOIN LATERAL generate_series(TIMESTAMP '2026-05-01', TIMESTAMP '2026-10-01', interval '1 month') AS m
WHERE p.staked_at < m AT TIME ZONE 'UTC'
  AND (p.withdrawn_at IS NULL OR p.withdrawn_at >= (m + interval '1 month') AT TIME ZONE 'UTC');

-- -----------------------------------------------------------------------------
-- Delegations of voting power  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO delegation_records (token_id, delegator_member_id, delegate_member_id, delegated_amount, scope,
    dao_proposal_id, start_date, end_date, status, tx_hash)
SELECT (SELECT id FROM token_registry WHERE symbol = 'VGT'), a.id, b.id, d.amount, d.scope,
       (SELECT id FROM dao_proposals WHERE code = d.proposal_code), d.start_date, d.end_date, d.status,
       '0x' || md5('delegate:' || d.from_h || d.to_h || d.start_date) || md5('vivim:delegate:' || d.from_h || d.start_date)
FROM (VALUES
    -- the same delegations module 05 records for governance (on-chain side here)
    ('sliema-sky',     'dragonera',  4000::numeric, 'all_proposals',   NULL::text, DATE '2026-04-10', NULL::date,        'active'),
    ('fjordfox',       'tramuntana', 6000,          'all_proposals',   NULL,       DATE '2026-06-20', NULL,              'active'),
    ('valletta-vibes', 'gozo-ops',   3000,          'all_proposals',   NULL,       DATE '2026-07-15', NULL,              'active'),
    ('dublin_data',    'serra_ml',  12000,          'technical_only',  NULL,       DATE '2026-08-15', NULL,              'active'),
    ('sirocco',        'mdina',      5000,          'treasury_only',   NULL,       DATE '2026-09-25', NULL,              'active'),
    ('londonfog',      'thames-pm',  2500,          'all_proposals',   NULL,       DATE '2026-10-25', NULL,              'active'),
    -- one-proposal delegation
    ('bytebaker',      'nodewright', 8000,          'single_proposal', 'VIP-006',  DATE '2026-07-06', DATE '2026-07-16', 'expired')
) AS d(from_h, to_h, amount, scope, proposal_code, start_date, end_date, status)
JOIN community_members a ON a.handle = d.from_h
JOIN community_members b ON b.handle = d.to_h;  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Snapshots  -- VIVIM plan figure (block numbers illustrative, Base chain)
-- -----------------------------------------------------------------------------
INSERT INTO token_snapshots (code, token_id, snapshot_type, block_number, snapshot_at, total_supply,
    circulating_supply, eligible_balance, holder_count, dividend_calculation_id, dao_proposal_id, merkle_root)
SELECT s.code, tr.id, s.stype, s.block, s.at, tr.total_supply, s.circulating, s.eligible, s.holders,
       CASE WHEN s.stype = 'dividend'
            THEN (SELECT dc.id FROM dividend_calculations dc
                  JOIN dividend_policies dp ON dp.id = dc.dividend_policy_id
                  JOIN milestones m        ON m.id = dc.milestone_id
                  WHERE dp.code = 'DIV-70-30' AND m.code = 'M10' AND dc.period_start = DATE '2027-08-01') END,
       (SELECT id FROM dao_proposals WHERE code = s.proposal_code),
       '0x' || md5('snapshot:' || s.code) || md5('vivim:snapshot:' || s.code)
FROM (VALUES
    -- governance snapshots at each vote's start; eligible = dao_proposals.eligible_voting_power in module 05
    ('SNAP-VGT-VIP-001', 'VGT', 'governance', 31250000::bigint, TIMESTAMPTZ '2026-03-09 09:00:00+00', 1300000::numeric, 1164000::numeric, 21, 'VIP-001'),
    ('SNAP-VGT-VIP-002', 'VGT', 'governance', 32760000,         TIMESTAMPTZ '2026-04-13 09:00:00+00', 1600000,          1418000,          27, 'VIP-002'),
    ('SNAP-VGT-VIP-003', 'VGT', 'governance', 33360000,         TIMESTAMPTZ '2026-04-27 09:00:00+00', 1650000,          1454000,          28, 'VIP-003'),
    ('SNAP-VGT-VIP-004', 'VGT', 'governance', 34870000,         TIMESTAMPTZ '2026-06-01 09:00:00+00', 1950000,          1730000,          33, 'VIP-004'),
    ('SNAP-VGT-VIP-006', 'VGT', 'governance', 36080000,         TIMESTAMPTZ '2026-07-06 09:00:00+00', 2000000,          1760000,          35, 'VIP-006'),
    ('SNAP-VGT-VIP-005', 'VGT', 'governance', 37890000,         TIMESTAMPTZ '2026-08-17 09:00:00+00', 2150000,          1880000,          39, 'VIP-005'),
    ('SNAP-VGT-VIP-007', 'VGT', 'governance', 40010000,         TIMESTAMPTZ '2026-10-05 09:00:00+00', 2250000,          1997000,          44, 'VIP-007'),
    ('SNAP-VGT-AUDIT-Q3','VGT', 'audit',      39460000,         TIMESTAMPTZ '2026-09-30 23:59:59+00', 2220000,          2220000,          44, NULL),
    ('SNAP-VWT-AUDIT-Q3','VWT', 'audit',      39460000,         TIMESTAMPTZ '2026-09-30 23:59:59+00',  720000,           480000,          19, NULL),
    -- projected dividend snapshot for the first user-dividend month (module 03: policy DIV-70-30,
    -- M10, 2027-08); holder_count = the 8,000 eligible users of that calculation
    ('SNAP-VGT-DIV-2027-08', 'VGT', 'dividend', 61000000,   TIMESTAMPTZ '2027-08-31 23:59:59+00', 2600000,          2090000,        8000, NULL)
) AS s(code, symbol, stype, block, at, circulating, eligible, holders, proposal_code)
JOIN token_registry tr ON tr.symbol = s.symbol;  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Dividend claims (projected) of VGT holders against the first user-dividend
-- calculation (module 03, DIV-70-30, 2027-08). The dividend is per eligible user:
-- claim = pool_amount x user_share_pct / 100 / eligible holders of the snapshot
-- (= per_user_amount of the calculation). The holder's latest recorded holding
-- (2026-10-31) stands in for the snapshot balance.  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO dividend_claims (code, dividend_calculation_id, token_snapshot_id, token_holding_id, community_member_id,
    eligible_balance, claim_amount, currency, status, claimed_at, expires_on, withholding_reason, tx_hash)
SELECT c.code, ts.dividend_calculation_id, ts.id, th.id, th.community_member_id, th.balance,
       round(dc.pool_amount * dp.user_share_pct / 100 / ts.holder_count, 2),
       dc.currency, c.status, NULL, DATE '2028-02-29', c.reason, NULL
FROM (VALUES
    ('DC-2027-08-001', 'nodewright',     'pending',  NULL::text),
    ('DC-2027-08-002', 'bytebaker',      'pending',  NULL),
    ('DC-2027-08-003', 'posidonia',      'pending',  NULL),
    ('DC-2027-08-004', 'ragu_rust',      'pending',  NULL),
    ('DC-2027-08-005', 'sliema-sky',     'pending',  NULL),
    ('DC-2027-08-006', 'kernelkat',      'pending',  NULL),
    ('DC-2027-08-007', 'moka',           'pending',  NULL),
    ('DC-2027-08-008', 'valletta-vibes', 'pending',  NULL),
    ('DC-2027-08-009', 'sfo-advisor',    'pending',  NULL),
    ('DC-2027-08-010', 'quietquant',     'withheld', 'Payout on hold while an AML monitoring alert is escalated (SAR-2026-002)'),
    ('DC-2027-08-011', 'quiet-leaver',   'withheld', 'Identity suspended after a confirmed sanctions match'),
    ('DC-2027-08-012', 'sirocco',        'pending',  NULL)
) AS c(code, handle, status, reason)
JOIN community_members cm ON cm.handle = c.handle
JOIN token_registry tr    ON tr.symbol = 'VGT'
JOIN token_holdings th    ON th.token_id = tr.id AND th.community_member_id = cm.id AND th.as_of_date = DATE '2026-10-31'
JOIN token_snapshots ts   ON ts.code = 'SNAP-VGT-DIV-2027-08'
JOIN dividend_calculations dc ON dc.id = ts.dividend_calculation_id
JOIN dividend_policies dp     ON dp.id = dc.dividend_policy_id;  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Token transfers (on-chain history). Mints at TGE, treasury grants, every
-- vesting claim above, staking deposits, and weekly VWT bounty payouts.
-- Gas fees on Base are a VIVIM plan estimate (EUR 0.02-0.05 per transfer).
-- -----------------------------------------------------------------------------
-- Mints at TGE
INSERT INTO token_transfers (token_id, tx_hash, block_number, transferred_at, from_wallet, to_wallet, amount, transfer_type, gas_fee, currency)
SELECT tr.id, '0x' || md5('mint:' || tr.symbol) || md5('vivim:mint:' || tr.symbol), 30000000 + row_number() OVER (ORDER BY tr.symbol),
       TIMESTAMPTZ '2026-03-02 12:00:00+00', NULL, pg_temp.wallet_of(m.wallet_key), m.amount, 'mint', 0.05, 'EUR'
FROM (VALUES ('VGT', 'main-treasury', 10000000::numeric), ('VWT', 'grants', 12000000)) AS m(symbol, wallet_key, amount)
JOIN token_registry tr ON tr.symbol = m.symbol;  -- VIVIM plan figure

-- Treasury grants and allocations
INSERT INTO token_transfers (token_id, tx_hash, block_number, transferred_at, from_wallet, to_wallet, amount, transfer_type, dao_proposal_id, gas_fee, currency)
SELECT tr.id, '0x' || md5('grant:' || t.n) || md5('vivim:grant:' || t.n), t.block, t.at,
       pg_temp.wallet_of(t.from_key), pg_temp.wallet_of(t.to_key),
       t.amount, t.ttype, (SELECT id FROM dao_proposals WHERE code = t.proposal_code), 0.03, 'EUR'
FROM (VALUES
    -- funding of the vesting contracts: grants up to 2026-03-02, then the later ones (pre-funded on 2026-06-01)
    (1, 'VGT', 'main-treasury',        'vesting-contract-vgt', 1888000::numeric, 30000010::bigint, TIMESTAMPTZ '2026-03-02 12:10:00+00', 'treasury_grant', NULL::text),
    (2, 'VGT', 'main-treasury',        'liquidity-vgt-eur',     800000,          30000020,         TIMESTAMPTZ '2026-03-03 09:00:00+00', 'treasury_grant', NULL),
    (3, 'VWT', 'grants',               'vesting-contract-vwt',  250000,          30000030,         TIMESTAMPTZ '2026-03-02 12:20:00+00', 'treasury_grant', NULL),
    (4, 'VGT', 'main-treasury',        'vesting-contract-vgt',  193000,          36950000,         TIMESTAMPTZ '2026-06-01 08:00:00+00', 'treasury_grant', NULL),
    (5, 'VWT', 'grants',               'vesting-contract-vwt',  300000,          36950010,         TIMESTAMPTZ '2026-06-01 08:10:00+00', 'treasury_grant', NULL),
    (6, 'VWT', 'vesting-contract-vwt', 'grants',                120000,          38820000,         TIMESTAMPTZ '2026-08-31 17:00:00+00', 'transfer',       NULL),
    -- VIP-005: 150,000 VWT of translation bounties (ES, IT, MT)
    (7, 'VWT', 'grants',               'posidonia',              60000,          39050000,         TIMESTAMPTZ '2026-09-08 14:00:00+00', 'bounty_payout',  'VIP-005'),
    (8, 'VWT', 'grants',               'moka',                   50000,          39350000,         TIMESTAMPTZ '2026-09-15 14:00:00+00', 'bounty_payout',  'VIP-005'),
    (9, 'VWT', 'grants',               'sirocco',                40000,          39650000,         TIMESTAMPTZ '2026-09-22 14:00:00+00', 'bounty_payout',  'VIP-005')
) AS t(n, symbol, from_key, to_key, amount, block, at, ttype, proposal_code)
JOIN token_registry tr ON tr.symbol = t.symbol;  -- VIVIM plan figure

-- Vesting claims (same hash as the claim event)
INSERT INTO token_transfers (token_id, tx_hash, block_number, transferred_at, from_wallet, to_wallet, amount, transfer_type, gas_fee, currency)
SELECT va.token_id, e.tx_hash,
       35000000 + (e.event_date - DATE '2026-06-01') * 43200 + row_number() OVER (PARTITION BY e.event_date ORDER BY va.code),
       (e.event_date + time '10:00' + make_interval(mins => (row_number() OVER (PARTITION BY e.event_date ORDER BY va.code))::int * 7)) AT TIME ZONE 'UTC',
       pg_temp.wallet_of('vesting-contract-' || lower(tr.symbol)),
       va.beneficiary_wallet, e.amount, 'vesting_claim', 0.03, 'EUR'
FROM vesting_events e
JOIN vesting_agreements va ON va.id = e.vesting_agreement_id
JOIN token_registry tr     ON tr.id = va.token_id
WHERE e.event_type = 'claim';

-- Staking deposits and withdrawals
INSERT INTO token_transfers (token_id, tx_hash, block_number, transferred_at, from_wallet, to_wallet, amount, transfer_type, gas_fee, currency)
SELECT sp.token_id, '0x' || md5('stake:' || p.code) || md5('vivim:stake:' || p.code),
       32000000 + ((p.staked_at AT TIME ZONE 'UTC')::date - DATE '2026-04-01') * 43200 + p.id,
       p.staked_at, p.wallet_address, sp.pool_wallet, p.staked_amount, 'staking_deposit', 0.04, 'EUR'
FROM staking_positions p JOIN staking_pools sp ON sp.id = p.staking_pool_id
UNION ALL
SELECT sp.token_id, '0x' || md5('unstake:' || p.code) || md5('vivim:unstake:' || p.code),
       32000000 + ((p.withdrawn_at AT TIME ZONE 'UTC')::date - DATE '2026-04-01') * 43200 + p.id,
       p.withdrawn_at, sp.pool_wallet, p.wallet_address, p.staked_amount, 'staking_withdrawal', 0.04, 'EUR'
FROM staking_positions p JOIN staking_pools sp ON sp.id = p.staking_pool_id
WHERE p.withdrawn_at IS NOT NULL;

-- Weekly VWT contribution rewards from the grants treasury, 2026-06-05 .. 2026-10-30,
-- rotating over four contributors; amount follows a fixed pattern.  -- VIVIM plan figure
INSERT INTO token_transfers (token_id, tx_hash, block_number, transferred_at, from_wallet, to_wallet, amount, transfer_type, gas_fee, currency)
SELECT (SELECT id FROM token_registry WHERE symbol = 'VWT'),
       '0x' || md5('bounty:' || g) || md5('vivim:bounty:' || g),
       34000000 + g * 302400,
       TIMESTAMPTZ '2026-06-05 14:00:00+00' + make_interval(hours => 168 * g),
       pg_temp.wallet_of('grants'),
       pg_temp.wallet_of((ARRAY['nodewright','bytebaker','kernelkat','tulipstack'])[1 + g % 4]),
       2500 + (g % 5) * 1500, 'bounty_payout', 0.03, 'EUR'
FROM generate_series(0, 21) AS g;
