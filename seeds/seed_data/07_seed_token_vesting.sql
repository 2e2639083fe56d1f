-- =============================================================================
-- Seed 07: Token & Vesting (module 11, `tokens`)
-- =============================================================================
-- All token figures (supplies, grants, schedules, balances, APRs) are VIVIM plan
-- figures, not market data. Dates are fixed (TGE 2026-03-02; data as of
-- 2026-10-31). Wallet addresses and transaction hashes are derived
-- deterministically with md5() so a load is reproducible.
-- Rows of other modules are referenced by natural key only.
-- =============================================================================

SET client_min_messages = warning;

-- Session-local helpers (pg_temp, dropped when the load ends).
-- wallet(label): a deterministic 40-hex-digit pseudo address for a label.
-- wallet_of(key): the wallet of a DAO treasury (code), a community member
-- (handle) or a team member (TM-code, via the member's community profile) as
-- modules 05 and 09 record it, else the pseudo address of the key.
CREATE FUNCTION pg_temp.wallet(label TEXT) RETURNS TEXT
LANGUAGE sql IMMUTABLE AS $$ SELECT '0x' || left(md5(label) || md5('vivim:' || label), 40) $$;

CREATE FUNCTION pg_temp.wallet_of(key TEXT) RETURNS TEXT
LANGUAGE sql STABLE AS $$
    SELECT lower(COALESCE(
        (SELECT t.wallet_address FROM dao_treasuries t WHERE t.code = key),
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
 100000000, 100000000, true, true, true,
 'pending', (SELECT id FROM compliance_frameworks WHERE code = 'MICA'),
 (SELECT id FROM dao_treasuries WHERE code = 'main-treasury'), DATE '2026-03-02', 0.050000, 'EUR',
 'Fixed-supply governance token; voting power in the DAO and a share of the 70% user dividend pool. Dividend rights make a MiFID II qualification likely: legal opinion pending before any dividend is paid.'),  -- VIVIM plan figure; classification per §4.6 [S]
('VWT', 'VIVIM Work Token', 'work', 'ERC-20', 'base',
 pg_temp.wallet('vivim:token:VWT'), 18,
 120000000, 500000000, true, false, false,
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
    ('VA-001', 'VS-FOUNDER-48-12', 'TM-001', NULL,       6000000::numeric, DATE '2026-01-05', DATE '2025-07-01', 'active',     NULL::date,        NULL,      'Founder grant; vesting credits pre-incorporation work from 2025-07'),
    ('VA-002', 'VS-FOUNDER-48-12', 'TM-002', NULL,       6000000,          DATE '2026-01-05', DATE '2025-07-01', 'active',     NULL,              NULL,      'Founder grant'),
    ('VA-003', 'VS-TEAM-36-6',     'TM-003', NULL,       1200000,          DATE '2026-01-15', DATE '2026-01-15', 'active',     NULL,              NULL,      NULL),
    ('VA-004', 'VS-TEAM-36-6',     'TM-004', NULL,       1200000,          DATE '2026-01-15', DATE '2026-01-15', 'active',     NULL,              NULL,      NULL),
    ('VA-005', 'VS-TEAM-36-6',     'TM-005', NULL,        900000,          DATE '2026-02-01', DATE '2026-02-01', 'active',     NULL,              NULL,      NULL),
    ('VA-006', 'VS-TEAM-36-6',     'TM-006', NULL,        900000,          DATE '2026-02-01', DATE '2026-02-01', 'terminated', DATE '2026-08-31', NULL,      'Left 2026-08-31; unvested part forfeited to the treasury'),
    ('VA-007', 'VS-TEAM-36-6',     'TM-007', NULL,        600000,          DATE '2026-03-01', DATE '2026-03-01', 'active',     NULL,              NULL,      NULL),
    ('VA-008', 'VS-TEAM-36-6',     'TM-008', NULL,        600000,          DATE '2026-04-01', DATE '2026-04-01', 'active',     NULL,              NULL,      NULL),
    ('VA-009', 'VS-ADVISOR-24-6',  NULL,     'member7',   400000,          DATE '2026-02-15', DATE '2026-02-15', 'active',     NULL,              'VIP-001', 'Advisor grant approved by the DAO'),
    ('VA-010', 'VS-CONTRIB-12-3',  NULL,     'member8',  2500000,          DATE '2026-03-02', DATE '2026-03-02', 'active',     NULL,              'VIP-002', 'Core contributor, paid in VWT'),
    ('VA-011', 'VS-CONTRIB-12-3',  NULL,     'member9',  1800000,          DATE '2026-04-01', DATE '2026-04-01', 'active',     NULL,              'VIP-002', 'Core contributor, paid in VWT'),
    ('VA-012', 'VS-COMMUNITY-6-0', NULL,     'member10',   50000,          DATE '2026-03-02', DATE '2026-03-02', 'fully_vested', NULL,            NULL,      'Early-user grant'),
    ('VA-013', 'VS-COMMUNITY-6-0', NULL,     'member11',   50000,          DATE '2026-03-02', DATE '2026-03-02', 'fully_vested', NULL,            NULL,      'Early-user grant'),
    ('VA-014', 'VS-COMMUNITY-6-0', NULL,     'member12',   35000,          DATE '2026-05-04', DATE '2026-05-04', 'active',     NULL,              NULL,      'Early-user grant')
) AS a(code, schedule_code, tm_code, handle, amount, grant_date, start_date, status, terminated_on, proposal_code, notes)
JOIN vesting_schedules vs ON vs.code = a.schedule_code
JOIN token_registry tr    ON tr.id = vs.token_id
LEFT JOIN team_members tm      ON tm.code = a.tm_code
LEFT JOIN community_members cm ON cm.handle = a.handle;  -- VIVIM plan figure

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
  AND NOT (va.code IN ('VA-002','VA-005') AND w.claim_date = DATE '2026-10-06');   -- two beneficiaries have not claimed yet in Q4

-- -----------------------------------------------------------------------------
-- Token holdings at 2026-09-30 and 2026-10-31  -- VIVIM plan figure
-- Contract and treasury wallets, then members (balances derived from claims
-- plus plan figures for open-market holders).
-- -----------------------------------------------------------------------------
INSERT INTO token_holdings (token_id, wallet_address, holder_type, community_member_id, team_member_id, dao_treasury_id, balance, locked_balance, as_of_date)
SELECT tr.id, pg_temp.wallet_of(h.wallet_key), h.holder_type,
       cm.id, tm.id, dt.id, h.balance, h.locked, h.as_of
FROM (VALUES
    -- VGT
    ('VGT', 'main-treasury',        'treasury',         NULL,      NULL,     'main-treasury', 38000000::numeric, 0::numeric,        DATE '2026-09-30'),
    ('VGT', 'main-treasury',        'treasury',         NULL,      NULL,     'main-treasury', 37350000,          0,                 DATE '2026-10-31'),
    ('VGT', 'vesting-contract-vgt', 'vesting_contract', NULL,      NULL,     NULL,            12850000,          12850000,          DATE '2026-09-30'),
    ('VGT', 'vesting-contract-vgt', 'vesting_contract', NULL,      NULL,     NULL,            12155000,          12155000,          DATE '2026-10-31'),
    ('VGT', 'staking-pool-vgt-flex','staking_pool',     NULL,      NULL,     NULL,             2400000,           0,                 DATE '2026-09-30'),
    ('VGT', 'staking-pool-vgt-flex','staking_pool',     NULL,      NULL,     NULL,             2600000,           0,                 DATE '2026-10-31'),
    ('VGT', 'staking-pool-vgt-90d', 'staking_pool',     NULL,      NULL,     NULL,             3900000,           3900000,           DATE '2026-09-30'),
    ('VGT', 'staking-pool-vgt-90d', 'staking_pool',     NULL,      NULL,     NULL,             4200000,           4200000,           DATE '2026-10-31'),
    ('VGT', 'liquidity-vgt-eur',    'liquidity_pool',   NULL,      NULL,     NULL,             8000000,           0,                 DATE '2026-09-30'),
    ('VGT', 'liquidity-vgt-eur',    'liquidity_pool',   NULL,      NULL,     NULL,             8000000,           0,                 DATE '2026-10-31'),
    ('VGT', 'dividend-escrow',      'dividend_escrow',  NULL,      NULL,     NULL,             5000000,           5000000,           DATE '2026-10-31'),
    ('VGT', 'TM-001',               'team_member',      NULL,      'TM-001', NULL,             1875000,           0,                 DATE '2026-10-31'),
    ('VGT', 'TM-003',               'team_member',      NULL,      'TM-003', NULL,              300000,           0,                 DATE '2026-10-31'),
    ('VGT', 'TM-004',               'team_member',      NULL,      'TM-004', NULL,              300000,           0,                 DATE '2026-10-31'),
    ('VGT', 'member7',              'community_member', 'member7', NULL,     NULL,               120000,          0,                 DATE '2026-10-31'),
    ('VGT', 'member10',             'community_member', 'member10',NULL,     NULL,                50000,          0,                 DATE '2026-09-30'),
    ('VGT', 'member10',             'community_member', 'member10',NULL,     NULL,                58000,          0,                 DATE '2026-10-31'),
    ('VGT', 'member11',             'community_member', 'member11',NULL,     NULL,                50000,          25000,             DATE '2026-10-31'),
    ('VGT', 'member12',             'community_member', 'member12',NULL,     NULL,                29000,          0,                 DATE '2026-10-31'),
    ('VGT', 'member13',             'community_member', 'member13',NULL,     NULL,               240000,          150000,            DATE '2026-09-30'),
    ('VGT', 'member13',             'community_member', 'member13',NULL,     NULL,               265000,          150000,            DATE '2026-10-31'),
    ('VGT', 'member14',             'community_member', 'member14',NULL,     NULL,               180000,          0,                 DATE '2026-10-31'),
    ('VGT', 'member15',             'community_member', 'member15',NULL,     NULL,                95000,          40000,             DATE '2026-10-31'),
    ('VGT', 'member16',             'community_member', 'member16',NULL,     NULL,                61000,          0,                 DATE '2026-10-31'),
    ('VGT', 'member17',             'community_member', 'member17',NULL,     NULL,                12500,          0,                 DATE '2026-10-31'),
    -- VWT
    ('VWT', 'grants',               'treasury',         NULL,      NULL,     'grants',       96500000,          0,                 DATE '2026-10-31'),
    ('VWT', 'vesting-contract-vwt', 'vesting_contract', NULL,      NULL,     NULL,             2400000,           2400000,           DATE '2026-10-31'),
    ('VWT', 'staking-pool-vwt-30d', 'staking_pool',     NULL,      NULL,     NULL,             6500000,           6500000,           DATE '2026-10-31'),
    ('VWT', 'member8',              'community_member', 'member8', NULL,     NULL,              1250000,          0,                 DATE '2026-10-31'),
    ('VWT', 'member9',              'community_member', 'member9', NULL,     NULL,               750000,          0,                 DATE '2026-10-31'),
    ('VWT', 'member13',             'community_member', 'member13',NULL,     NULL,               420000,          0,                 DATE '2026-10-31'),
    ('VWT', 'member18',             'community_member', 'member18',NULL,     NULL,               310000,          0,                 DATE '2026-10-31'),
    ('VWT', 'member19',             'community_member', 'member19',NULL,     NULL,               185000,          0,                 DATE '2026-10-31'),
    ('VWT', 'member20',             'community_member', 'member20',NULL,     NULL,                96000,          0,                 DATE '2026-10-31')
) AS h(symbol, wallet_key, holder_type, handle, tm_code, treasury_code, balance, locked, as_of)
JOIN token_registry tr ON tr.symbol = h.symbol
LEFT JOIN community_members cm ON cm.handle = h.handle
LEFT JOIN team_members tm      ON tm.code = h.tm_code
LEFT JOIN dao_treasuries dt    ON dt.code = h.treasury_code;  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Staking pools  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO staking_pools (code, name, token_id, reward_token_id, pool_wallet, apr_pct, lock_days, unbonding_days,
    min_stake, pool_cap, reward_budget, voting_power_multiplier, status, start_date, end_date)
VALUES
('SP-VGT-FLEX', 'VGT flexible staking', (SELECT id FROM token_registry WHERE symbol = 'VGT'), (SELECT id FROM token_registry WHERE symbol = 'VGT'),
 pg_temp.wallet_of('staking-pool-vgt-flex'),  4.00,  0, 7,   1000,  10000000,  400000, 1.00, 'active', DATE '2026-04-01', NULL),
('SP-VGT-90D',  'VGT 90-day lock',      (SELECT id FROM token_registry WHERE symbol = 'VGT'), (SELECT id FROM token_registry WHERE symbol = 'VGT'),
 pg_temp.wallet_of('staking-pool-vgt-90d'),   8.00, 90, 14, 10000,   8000000,  640000, 1.50, 'active', DATE '2026-04-01', NULL),
('SP-VWT-30D',  'VWT 30-day lock, rewards in VWT', (SELECT id FROM token_registry WHERE symbol = 'VWT'), (SELECT id FROM token_registry WHERE symbol = 'VWT'),
 pg_temp.wallet_of('staking-pool-vwt-30d'),  12.00, 30, 3,   5000,  20000000, 2400000, 1.00, 'active', DATE '2026-05-01', DATE '2027-04-30'),
('SP-VGT-365D', 'VGT 1-year lock (planned for M7)', (SELECT id FROM token_registry WHERE symbol = 'VGT'), (SELECT id FROM token_registry WHERE symbol = 'VGT'),
 pg_temp.wallet_of('staking-pool-vgt-365d'), 12.00, 365, 21, 50000, 5000000,  600000, 2.00, 'planned', DATE '2026-12-01', NULL);  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Staking positions  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO staking_positions (code, staking_pool_id, community_member_id, team_member_id, wallet_address,
    staked_amount, staked_at, unlock_at, withdrawn_at, status)
SELECT p.code, sp.id, cm.id, tm.id, pg_temp.wallet_of(COALESCE(p.handle, p.tm_code)),
       p.amount, p.staked_at, p.staked_at + make_interval(days => sp.lock_days), p.withdrawn_at, p.status
FROM (VALUES
    ('STK-001', 'SP-VGT-FLEX', 'member13', NULL,     150000::numeric, TIMESTAMPTZ '2026-04-03 10:12:00+00', NULL::timestamptz,                 'active'),
    ('STK-002', 'SP-VGT-FLEX', 'member15', NULL,      40000,          TIMESTAMPTZ '2026-04-20 18:40:00+00', NULL,                              'active'),
    ('STK-003', 'SP-VGT-FLEX', 'member14', NULL,      60000,          TIMESTAMPTZ '2026-05-11 08:05:00+00', TIMESTAMPTZ '2026-09-02 09:00:00+00', 'withdrawn'),
    ('STK-004', 'SP-VGT-90D',  'member7',  NULL,     100000,          TIMESTAMPTZ '2026-04-05 12:00:00+00', NULL,                              'active'),
    ('STK-005', 'SP-VGT-90D',  'member11', NULL,      25000,          TIMESTAMPTZ '2026-06-01 07:30:00+00', NULL,                              'active'),
    ('STK-006', 'SP-VGT-90D',  NULL,       'TM-003', 150000,          TIMESTAMPTZ '2026-07-10 16:20:00+00', NULL,                              'active'),
    ('STK-007', 'SP-VGT-90D',  'member16', NULL,      30000,          TIMESTAMPTZ '2026-05-15 09:45:00+00', NULL,                              'unbonding'),
    ('STK-008', 'SP-VWT-30D',  'member8',  NULL,     800000,          TIMESTAMPTZ '2026-06-02 11:00:00+00', NULL,                              'active'),
    ('STK-009', 'SP-VWT-30D',  'member9',  NULL,     400000,          TIMESTAMPTZ '2026-07-01 13:15:00+00', NULL,                              'active'),
    ('STK-010', 'SP-VWT-30D',  'member18', NULL,     150000,          TIMESTAMPTZ '2026-08-03 20:00:00+00', NULL,                              'active'),
    ('STK-011', 'SP-VWT-30D',  'member19', NULL,      90000,          TIMESTAMPTZ '2026-06-20 06:50:00+00', TIMESTAMPTZ '2026-10-12 10:00:00+00', 'withdrawn')
) AS p(code, pool_code, handle, tm_code, amount, staked_at, withdrawn_at, status)
JOIN staking_pools sp ON sp.code = p.pool_code
LEFT JOIN community_members cm ON cm.handle = p.handle
LEFT JOIN team_members tm      ON tm.code = p.tm_code;  -- VIVIM plan figure

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
WHERE p.staked_at < m
  AND (p.withdrawn_at IS NULL OR p.withdrawn_at >= m + interval '1 month');

-- -----------------------------------------------------------------------------
-- Delegations of voting power  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO delegation_records (token_id, delegator_member_id, delegate_member_id, delegated_amount, scope,
    dao_proposal_id, start_date, end_date, status, tx_hash)
SELECT (SELECT id FROM token_registry WHERE symbol = 'VGT'), a.id, b.id, d.amount, d.scope,
       (SELECT id FROM dao_proposals WHERE code = d.proposal_code), d.start_date, d.end_date, d.status,
       '0x' || md5('delegate:' || d.from_h || d.to_h || d.start_date) || md5('vivim:delegate:' || d.from_h || d.start_date)
FROM (VALUES
    ('member10', 'member13',  58000::numeric, 'all_proposals',   NULL,      DATE '2026-04-01', NULL::date,        'active'),
    ('member11', 'member13',  25000,          'all_proposals',   NULL,      DATE '2026-04-15', NULL,              'active'),
    ('member12', 'member7',   29000,          'technical_only',  NULL,      DATE '2026-06-01', NULL,              'active'),
    ('member16', 'member14',  61000,          'treasury_only',   NULL,      DATE '2026-05-20', DATE '2026-09-30', 'revoked'),
    ('member17', 'member7',   12500,          'single_proposal', 'VIP-003', DATE '2026-06-10', DATE '2026-06-24', 'expired'),
    ('member15', 'member14',  55000,          'all_proposals',   NULL,      DATE '2026-07-01', NULL,              'active')
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
            THEN (SELECT dc.id FROM dividend_calculations dc ORDER BY dc.period_start, dc.id LIMIT 1) END,
       (SELECT id FROM dao_proposals WHERE code = s.proposal_code),
       '0x' || md5('snapshot:' || s.code) || md5('vivim:snapshot:' || s.code)
FROM (VALUES
    ('SNAP-VGT-VIP-001', 'VGT', 'governance', 31250000::bigint, TIMESTAMPTZ '2026-03-20 00:00:00+00', 18000000::numeric, 9000000::numeric, 412, 'VIP-001'),
    ('SNAP-VGT-VIP-002', 'VGT', 'governance', 32460000,         TIMESTAMPTZ '2026-04-17 00:00:00+00', 21000000,          11500000,         655, 'VIP-002'),
    ('SNAP-VGT-VIP-003', 'VGT', 'governance', 33670000,         TIMESTAMPTZ '2026-05-15 00:00:00+00', 24500000,          13800000,         903, 'VIP-003'),
    ('SNAP-VGT-VIP-004', 'VGT', 'governance', 36090000,         TIMESTAMPTZ '2026-07-10 00:00:00+00', 29000000,          16900000,        1288, 'VIP-004'),
    ('SNAP-VGT-AUDIT-Q3','VGT', 'audit',      39460000,         TIMESTAMPTZ '2026-09-30 23:59:59+00', 49850000,          26600000,        1640, NULL),
    ('SNAP-VGT-DIV-001', 'VGT', 'dividend',   40800000,         TIMESTAMPTZ '2026-10-31 23:59:59+00', 50495000,          20000000,        1702, NULL),
    ('SNAP-VWT-AUDIT-Q3','VWT', 'audit',      39460000,         TIMESTAMPTZ '2026-09-30 23:59:59+00', 21000000,          17500000,         388, NULL)
) AS s(code, symbol, stype, block, at, circulating, eligible, holders, proposal_code)
JOIN token_registry tr ON tr.symbol = s.symbol;  -- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- Dividend claims of VGT holders against the first dividend pool calculation
-- (module 03), pro rata to the holder's balance in the dividend snapshot.
-- claim = pool x 70% user share x balance / eligible balance of the snapshot.
-- Holders' eligibility is the 2026-10-31 holding row.  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO dividend_claims (code, dividend_calculation_id, token_snapshot_id, token_holding_id, community_member_id,
    eligible_balance, claim_amount, currency, status, claimed_at, expires_on, withholding_reason, tx_hash)
SELECT c.code, ts.dividend_calculation_id, ts.id, th.id, th.community_member_id, th.balance,
       round(dc.pool_amount * dp.user_share_pct / 100 * th.balance / ts.eligible_balance, 2),
       dc.currency, c.status,
       c.claimed_at, c.expires_on,
       c.reason,
       CASE WHEN c.status = 'claimed' THEN '0x' || md5('dividend:' || c.code) || md5('vivim:dividend:' || c.code) END
FROM (VALUES
    ('DC-001-01', 'member13', 'claimed',  TIMESTAMPTZ '2026-11-10 09:12:00+00', DATE '2027-04-30', NULL),
    ('DC-001-02', 'member14', 'claimed',  TIMESTAMPTZ '2026-11-11 17:40:00+00', DATE '2027-04-30', NULL),
    ('DC-001-03', 'member7',  'pending',  NULL::timestamptz,                    DATE '2027-04-30', NULL),
    ('DC-001-04', 'member15', 'claimed',  TIMESTAMPTZ '2026-11-14 08:03:00+00', DATE '2027-04-30', NULL),
    ('DC-001-05', 'member10', 'pending',  NULL,                                 DATE '2027-04-30', NULL),
    ('DC-001-06', 'member16', 'withheld', NULL,                                 DATE '2027-04-30', 'KYC tier too low for a payout: identity not verified'),
    ('DC-001-07', 'member11', 'claimed',  TIMESTAMPTZ '2026-11-20 12:30:00+00', DATE '2027-04-30', NULL),
    ('DC-001-08', 'member12', 'pending',  NULL,                                 DATE '2027-04-30', NULL),
    ('DC-001-09', 'member17', 'pending',  NULL,                                 DATE '2027-04-30', NULL)
) AS c(code, handle, status, claimed_at, expires_on, reason)
JOIN community_members cm ON cm.handle = c.handle
JOIN token_registry tr    ON tr.symbol = 'VGT'
JOIN token_holdings th    ON th.token_id = tr.id AND th.community_member_id = cm.id AND th.as_of_date = DATE '2026-10-31'
JOIN token_snapshots ts   ON ts.code = 'SNAP-VGT-DIV-001'
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
FROM (VALUES ('VGT', 'main-treasury', 100000000::numeric), ('VWT', 'grants', 120000000)) AS m(symbol, wallet_key, amount)
JOIN token_registry tr ON tr.symbol = m.symbol;  -- VIVIM plan figure

-- Treasury grants and allocations
INSERT INTO token_transfers (token_id, tx_hash, block_number, transferred_at, from_wallet, to_wallet, amount, transfer_type, dao_proposal_id, gas_fee, currency)
SELECT tr.id, '0x' || md5('grant:' || t.n) || md5('vivim:grant:' || t.n), t.block, t.at,
       pg_temp.wallet_of(t.from_key), pg_temp.wallet_of(t.to_key),
       t.amount, t.ttype, (SELECT id FROM dao_proposals WHERE code = t.proposal_code), 0.03, 'EUR'
FROM (VALUES
    (1, 'VGT', 'main-treasury', 'vesting-contract-vgt', 17850000::numeric, 30000010::bigint, TIMESTAMPTZ '2026-03-02 12:10:00+00', 'treasury_grant', NULL),
    (2, 'VGT', 'main-treasury', 'liquidity-vgt-eur',     8000000,          30000020,         TIMESTAMPTZ '2026-03-03 09:00:00+00', 'treasury_grant', NULL),
    (3, 'VGT', 'main-treasury', 'dividend-escrow',       5000000,          40790000,         TIMESTAMPTZ '2026-10-30 15:00:00+00', 'treasury_grant', 'VIP-005'),
    (4, 'VWT', 'grants',        'vesting-contract-vwt',  4300000,          30000030,         TIMESTAMPTZ '2026-03-02 12:20:00+00', 'treasury_grant', 'VIP-002'),
    (5, 'VGT', 'main-treasury', 'member7',                 20000,          33000100,         TIMESTAMPTZ '2026-05-02 10:00:00+00', 'treasury_grant', 'VIP-003'),
    (6, 'VGT', 'vesting-contract-vgt', 'main-treasury',   750000,          39000500,         TIMESTAMPTZ '2026-09-01 08:00:00+00', 'transfer',       NULL)
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
       32000000 + (p.staked_at::date - DATE '2026-04-01') * 43200 + p.id,
       p.staked_at, p.wallet_address, sp.pool_wallet, p.staked_amount, 'staking_deposit', 0.04, 'EUR'
FROM staking_positions p JOIN staking_pools sp ON sp.id = p.staking_pool_id
UNION ALL
SELECT sp.token_id, '0x' || md5('unstake:' || p.code) || md5('vivim:unstake:' || p.code),
       32000000 + (p.withdrawn_at::date - DATE '2026-04-01') * 43200 + p.id,
       p.withdrawn_at, sp.pool_wallet, p.wallet_address, p.staked_amount, 'staking_withdrawal', 0.04, 'EUR'
FROM staking_positions p JOIN staking_pools sp ON sp.id = p.staking_pool_id
WHERE p.withdrawn_at IS NOT NULL;

-- Weekly VWT bounty payouts from the grants treasury, 2026-06-05 .. 2026-10-30,
-- rotating over four contributors; amount follows a fixed pattern.  -- VIVIM plan figure
INSERT INTO token_transfers (token_id, tx_hash, block_number, transferred_at, from_wallet, to_wallet, amount, transfer_type, gas_fee, currency)
SELECT (SELECT id FROM token_registry WHERE symbol = 'VWT'),
       '0x' || md5('bounty:' || g) || md5('vivim:bounty:' || g),
       34000000 + g * 302400,
       TIMESTAMPTZ '2026-06-05 14:00:00+00' + make_interval(weeks => g),
       pg_temp.wallet_of('grants'),
       pg_temp.wallet_of((ARRAY['member13','member18','member19','member20'])[1 + g % 4]),
       2500 + (g % 5) * 1500, 'bounty_payout', 0.03, 'EUR'
FROM generate_series(0, 21) AS g;
