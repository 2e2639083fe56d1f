-- =============================================================================
-- Seed 08: Compliance & KYC (module 12, `compliance`)
-- =============================================================================
-- Vendor prices per check: §4.8 of ../shared/data/infra-llm-legal-cost-facts.md
-- (USD as listed, never converted). MiCA / MFSA figures: §4.6, §4.7. GDPR, SOC 2
-- and AI Act figures: §4.3-§4.5. Flags are the fact sheet's quality flags:
-- [P] provider page, [S] secondary transcription, [E] estimate/derived.
-- People, identities, applications and events are VIVIM plan figures.
-- =============================================================================

SET client_min_messages = warning;

-- -----------------------------------------------------------------------------
-- Verification tiers
-- -----------------------------------------------------------------------------
INSERT INTO verification_tiers (code, name, tier_level, description, requires_id_document, requires_liveness,
    requires_proof_of_address, requires_sanctions_screening, requires_source_of_funds, unlocks,
    max_annual_payout, payout_currency, vendor, vendor_plan, cost_per_check, vendor_monthly_minimum, currency, reverification_months)
VALUES
('KYC-T0', 'Unverified', 0, 'Wallet or e-mail only', false, false, false, false, false,
 'Use the app, forum and wiki; vote with VGT; no payouts', 0, 'EUR', NULL, NULL, 0, 0, 'USD', NULL),  -- VIVIM plan figure
('KYC-T1', 'Basic identity', 1, 'Government ID + liveness selfie', true, true, false, false, false,
 'Bounty payouts and dividend claims up to EUR 1,000 per year', 1000, 'EUR', 'veriff', 'Essential', 0.800000, 49.00, 'USD', 36),
 -- src: §4.8 api-evangelist/veriff plans 2026-05-08 [S] (bulk sweep, lower confidence): $0.80/verification, $49/mo minimum
('KYC-T2', 'Verified with AML screening', 2, 'ID + liveness + proof of address + sanctions/PEP screening and monitoring', true, true, true, true, false,
 'Dividend claims and bounty payouts up to EUR 15,000 per year; staking above 100,000 VGT', 15000, 'EUR', 'sumsub', 'Compliance', 1.850000, 299.00, 'USD', 24),
 -- src: §4.8 api-evangelist/sumsub plans 2026-05-25 [S]: $1.85 per successful verification, $299/mo minimum
('KYC-T3', 'Enhanced due diligence', 3, 'T2 checks + source of funds + PEP/sanctions add-on + ongoing monitoring', true, true, true, true, true,
 'No payout cap; contributor token grants; treasury multisig signer', NULL, 'EUR', 'veriff', 'Premium + PEP/sanctions + monitoring', 2.620000, 209.00, 'USD', 12);
 -- src: §4.8 api-evangelist/veriff plans 2026-05-08 [S]: Premium $1.89 + PEP/sanctions $0.64 + ongoing monitoring $0.09 = $2.62 [E sum]; $209/mo minimum

-- -----------------------------------------------------------------------------
-- User identities: 24 community members who started KYC (VIVIM plan figure).
-- Identity UID-000i belongs to the i-th handle below (countries are plan
-- figures). They start at T0; the tier and status are set from the
-- applications further down.
-- -----------------------------------------------------------------------------
INSERT INTO user_identities (code, community_member_id, verification_tier_id, identity_type, legal_name_hash,
    country_of_residence, nationality, location_id, risk_rating, is_pep, status, verified_at, next_review_on)
SELECT 'UID-' || lpad(h.i::text, 4, '0'), cm.id, (SELECT id FROM verification_tiers WHERE code = 'KYC-T0'),
       'natural_person', md5('legal-name:' || cm.handle) || md5('vivim:legal-name:' || cm.handle),
       h.country, h.country,
       (SELECT id FROM locations WHERE code = h.loc),
       CASE WHEN h.i IN (11, 18) THEN 'high' WHEN h.i % 8 = 0 THEN 'medium' ELSE 'low' END,
       h.i = 11, 'unverified', NULL, NULL
FROM (VALUES
    ( 1, 'nodewright',     'PT', NULL),      ( 2, 'bytebaker',    'PL', NULL),      ( 3, 'posidonia',   'ES', 'ES-PMI'),
    ( 4, 'ragu_rust',      'IT', 'IT-CTA'),  ( 5, 'sliema-sky',   'MT', 'MT-SLM'),  ( 6, 'kernelkat',   'HR', NULL),
    ( 7, 'lowtide',        'DE', 'DE-BER'),  ( 8, 'oliveoil_ops', 'GR', NULL),      ( 9, 'moka',        'IT', NULL),
    (10, 'fjordfox',       'NO', NULL),      (11, 'paella.dev',   'ES', NULL),      (12, 'valletta-vibes','MT','MT-VLT'),
    (13, 'quietquant',     'FR', NULL),      (14, 'dublin_data',  'IE', NULL),      (15, 'tulipstack',  'NL', NULL),
    (16, 'sfo-advisor',    'US', 'US-SFO'),  (17, 'alpine_ai',    'AT', NULL),      (18, 'quiet-leaver','IT', NULL),
    (19, 'sirocco',        'MT', NULL),      (20, 'cantina',      'PT', NULL),      (21, 'londonfog',   'GB', 'GB-LON'),
    (22, 'ngi-partner',    'IT', 'IT-PMO'),  (23, 'pixelmonk',    'FR', NULL),      (24, 'marsala',     'IT', NULL)
) AS h(i, handle, country, loc)
JOIN community_members cm ON cm.handle = h.handle;
-- VIVIM plan figure

-- -----------------------------------------------------------------------------
-- KYC applications (VIVIM plan figure), deterministic pattern:
--  * every identity applies for T1 (Veriff Essential) 2-6 days after joining;
--    identities 7, 14, 21 are rejected, 19 needs a resubmission, 24 is still in review;
--    identities 3 and 17 went through Shufti Pro Essentials during a vendor trial;
--    identity 11 is a politically exposed person (high risk, verified).
--  * every third approved identity then applies for T2 (Sumsub Compliance) 30 days after T1;
--    identity 15's T2 application expired unanswered; identity 18 is rejected on a
--    confirmed sanctions match (suspended, SAR filed).
--  * identities 6 and 12 then apply for T3 (Veriff Premium + add-ons) 50 days after T1.
-- Billing: Sumsub bills successful verifications only; Veriff bills each session
-- with a decision, resubmissions free (src: §4.8 veriff.com/payments-and-invoicing [P]);
-- Shufti Pro $0.95 per check (src: §4.8 api-evangelist/shufti-pro plans [S]).
-- -----------------------------------------------------------------------------
INSERT INTO kyc_applications (code, user_identity_id, verification_tier_id, vendor, vendor_plan, vendor_reference, status,
    submitted_at, decided_at, rejection_reason, reviewed_by_member_id, check_cost, currency)
SELECT 'KYC-2026-' || lpad(a.n::text, 4, '0'), ui.id, vt.id, a.vendor, a.plan,
       a.vendor || '-' || md5('kyc:' || a.n)::text,
       a.status, (cm.joined_on + a.offset_from_join) AT TIME ZONE 'UTC',
       CASE WHEN a.status IN ('approved','rejected','expired') THEN (cm.joined_on + a.offset_from_join + make_interval(hours => a.decision_hours)) AT TIME ZONE 'UTC' END,
       CASE WHEN a.status = 'rejected' THEN a.reason END,
       CASE WHEN a.status IN ('approved','rejected') AND a.tier <> 'KYC-T1' THEN (SELECT id FROM team_members WHERE code = 'TM-016') END,
       CASE WHEN a.vendor = 'sumsub'     AND a.status = 'approved'              THEN 1.85
            WHEN a.vendor = 'veriff'     AND a.status IN ('approved','rejected') THEN vt.cost_per_check
            WHEN a.vendor = 'shufti-pro' AND a.status IN ('approved','rejected') THEN 0.95
            ELSE 0 END,
       'USD'
FROM (
    -- T1
    SELECT i AS n, i AS ident, 'KYC-T1' AS tier,
           CASE WHEN i IN (3, 17) THEN 'shufti-pro' ELSE 'veriff' END AS vendor,
           CASE WHEN i IN (3, 17) THEN 'Essentials' ELSE 'Essential' END AS plan,
           CASE WHEN i IN (7, 14, 21) THEN 'rejected' WHEN i = 19 THEN 'resubmission_requested'
                WHEN i = 24 THEN 'in_review' ELSE 'approved' END AS status,
           make_interval(days => 2 + i % 5, hours => 9 + i % 9) AS offset_from_join,
           1 + (i * 7) % 30 AS decision_hours,
           CASE i WHEN 7 THEN 'Document expired' WHEN 14 THEN 'Liveness check failed' ELSE 'Document image unreadable after two attempts' END AS reason
    FROM generate_series(1, 24) AS i
    UNION ALL
    -- T2
    SELECT 100 + i, i, 'KYC-T2', 'sumsub', 'Compliance',
           CASE WHEN i = 15 THEN 'expired' WHEN i = 18 THEN 'rejected' ELSE 'approved' END,
           make_interval(days => 32 + i % 5, hours => 10 + i % 7),
           CASE WHEN i = 15 THEN 24 * 30 ELSE 20 + (i * 11) % 50 END,
           'Sanctions screening: confirmed match on EU consolidated list'
    FROM generate_series(3, 24, 3) AS i
    WHERE i NOT IN (21, 24)
    UNION ALL
    -- T3
    SELECT 200 + i, i, 'KYC-T3', 'veriff', 'Premium + PEP/sanctions + monitoring', 'approved',
           make_interval(days => 52 + i % 5, hours => 11), 48 + i, NULL
    FROM unnest(ARRAY[6, 12]) AS i
) AS a
JOIN user_identities ui    ON ui.code = 'UID-' || lpad(a.ident::text, 4, '0')
JOIN community_members cm  ON cm.id = ui.community_member_id
JOIN verification_tiers vt ON vt.code = a.tier;

-- Current tier and status of each identity, from its applications
UPDATE user_identities ui
SET verification_tier_id = COALESCE(best.tier_id, ui.verification_tier_id),
    status      = CASE WHEN ui.code = 'UID-0018' THEN 'suspended'
                       WHEN best.tier_id IS NOT NULL THEN 'verified'
                       WHEN EXISTS (SELECT 1 FROM kyc_applications k WHERE k.user_identity_id = ui.id AND k.status IN ('in_review','resubmission_requested','submitted')) THEN 'pending'
                       WHEN EXISTS (SELECT 1 FROM kyc_applications k WHERE k.user_identity_id = ui.id AND k.status = 'rejected') THEN 'rejected'
                       ELSE ui.status END,
    risk_rating = CASE WHEN ui.code = 'UID-0018' THEN 'prohibited' ELSE ui.risk_rating END,
    verified_at = best.decided_at,
    next_review_on = ((best.decided_at AT TIME ZONE 'UTC') + make_interval(months => best.reverification_months))::date
FROM (SELECT DISTINCT ON (k.user_identity_id) k.user_identity_id, vt.id AS tier_id, k.decided_at, vt.reverification_months
      FROM kyc_applications k JOIN verification_tiers vt ON vt.id = k.verification_tier_id
      WHERE k.status = 'approved'
      ORDER BY k.user_identity_id, vt.tier_level DESC) best
WHERE best.user_identity_id = ui.id;

UPDATE user_identities ui
SET status = CASE WHEN EXISTS (SELECT 1 FROM kyc_applications k WHERE k.user_identity_id = ui.id AND k.status IN ('in_review','resubmission_requested','submitted')) THEN 'pending'
                  WHEN EXISTS (SELECT 1 FROM kyc_applications k WHERE k.user_identity_id = ui.id AND k.status = 'rejected') THEN 'rejected'
                  ELSE ui.status END
WHERE ui.status = 'unverified';

-- -----------------------------------------------------------------------------
-- KYC documents: ID (passport or national ID) + liveness for every application,
-- proof of address from T2, source of funds for T3. Hashes and vault references
-- only. Retained 5 years after the end of the relationship (AMLD), set here as
-- 5 years after submission.  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO kyc_documents (kyc_application_id, document_type, issuing_country, document_number_hash, expiry_date,
    verification_status, rejection_reason, verified_at, storage_ref, retain_until)
SELECT x.app_id, x.doc_type, x.issuing_country, x.number_hash, x.expiry_date, x.vstatus,
       CASE WHEN x.vstatus = 'rejected' THEN COALESCE(x.app_reason, 'Image unreadable; resubmission requested') END,
       CASE WHEN x.vstatus = 'verified' THEN COALESCE(x.decided_at, x.submitted_at + interval '2 hours') END,
       x.storage_ref, x.retain_until
FROM (
    SELECT k.id AS app_id, d.doc_type, k.rejection_reason AS app_reason, k.decided_at, k.submitted_at,
           CASE WHEN d.is_id THEN ui.nationality END AS issuing_country,
           CASE WHEN d.is_id THEN md5('docno:' || k.code) || md5('vivim:docno:' || k.code) END AS number_hash,
           CASE WHEN d.is_id THEN CASE WHEN k.rejection_reason = 'Document expired' THEN DATE '2026-01-31'
                                       ELSE DATE '2029-06-30' + (k.id % 900)::int END END AS expiry_date,
           CASE WHEN k.status = 'approved' THEN 'verified'
                WHEN k.status = 'expired' THEN 'expired'
                WHEN k.status = 'rejected' AND d.is_id AND k.rejection_reason = 'Document expired' THEN 'expired'
                WHEN k.status = 'rejected' AND d.doc_type = 'selfie_liveness' AND k.rejection_reason = 'Liveness check failed' THEN 'rejected'
                WHEN k.status = 'rejected' AND d.is_id AND k.rejection_reason LIKE 'Document image%' THEN 'rejected'
                WHEN k.status = 'rejected' THEN 'verified'
                WHEN k.status = 'resubmission_requested' AND d.is_id THEN 'rejected'
                ELSE 'pending' END AS vstatus,
           'vault://kyc/' || k.code || '/' || d.doc_type AS storage_ref,
           ((k.submitted_at AT TIME ZONE 'UTC')::date + interval '5 years')::date AS retain_until
    FROM kyc_applications k
    JOIN user_identities ui    ON ui.id = k.user_identity_id
    JOIN verification_tiers vt ON vt.id = k.verification_tier_id
    CROSS JOIN LATERAL (VALUES (CASE WHEN ui.nationality IN ('ES','IT','DE','PT','NL','FR','MT') AND k.id % 2 = 0 THEN 'national_id' ELSE 'passport' END, 1, true),
                               ('selfie_liveness', 1, false),
                               ('proof_of_address', 2, false),
                               ('source_of_funds', 3, false)) AS d(doc_type, min_level, is_id)
    WHERE vt.tier_level >= d.min_level
) x;

-- -----------------------------------------------------------------------------
-- Sanctions screening
--  * onboarding screening inside every T2/T3 application (included in the
--    Sumsub Compliance / Veriff add-on price, so no separate cost)
--  * monthly re-screening of all verified identities, Jul-Oct 2026, through the
--    OpenSanctions /match API, Jul-Nov 2026, at EUR 0.10 per query (src: §4.8 opensanctions.org FAQ [P])
--  * payout screening before the first dividend claims, SanctionsWise Starter at
--    $0.02 per screen (src: §4.8 docs-sanctionswise.orchestraprime.ai [P])
-- Hit rate 0.5-3% per kyccost.com (§4.8 [S]); here 3 hits in ~90 screens.
-- -----------------------------------------------------------------------------
INSERT INTO sanctions_screening (user_identity_id, kyc_application_id, provider, screening_type, lists_checked, screened_at,
    result, match_score, reviewed_by_member_id, reviewed_at, cost_per_screen, currency)
SELECT k.user_identity_id, k.id, CASE WHEN k.vendor = 'sumsub' THEN 'sumsub' ELSE 'veriff' END, 'onboarding',
       'EU consolidated, UN, OFAC SDN, UK HMT, PEP', k.submitted_at + interval '3 minutes',
       CASE WHEN ui.code = 'UID-0018' THEN 'confirmed_match' ELSE 'clear' END,
       CASE WHEN ui.code = 'UID-0018' THEN 96.50 END,
       CASE WHEN ui.code = 'UID-0018' THEN (SELECT id FROM team_members WHERE code = 'TM-016') END,
       CASE WHEN ui.code = 'UID-0018' THEN k.submitted_at + interval '24 hours' END,
       0, 'USD'
FROM kyc_applications k
JOIN user_identities ui    ON ui.id = k.user_identity_id
JOIN verification_tiers vt ON vt.id = k.verification_tier_id
WHERE vt.tier_level >= 2 AND k.status <> 'expired';

INSERT INTO sanctions_screening (user_identity_id, provider, screening_type, lists_checked, screened_at,
    result, match_score, reviewed_by_member_id, reviewed_at, cost_per_screen, currency)
SELECT ui.id, 'opensanctions', 'periodic', 'OpenSanctions default collection (EU, UN, OFAC, UK, PEPs)',
       m + interval '2 hours' + make_interval(mins => ui.id::int),
       CASE WHEN ui.code = 'UID-0008' AND m = TIMESTAMPTZ '2026-09-01 00:00:00+00' THEN 'false_positive'
            WHEN ui.code = 'UID-0020' AND m = TIMESTAMPTZ '2026-10-01 00:00:00+00' THEN 'potential_match'
            ELSE 'clear' END,
       CASE WHEN ui.code = 'UID-0008' AND m = TIMESTAMPTZ '2026-09-01 00:00:00+00' THEN 71.20
            WHEN ui.code = 'UID-0020' AND m = TIMESTAMPTZ '2026-10-01 00:00:00+00' THEN 64.00 END,
       CASE WHEN ui.code = 'UID-0008' AND m = TIMESTAMPTZ '2026-09-01 00:00:00+00' THEN (SELECT id FROM team_members WHERE code = 'TM-016') END,
       CASE WHEN ui.code = 'UID-0008' AND m = TIMESTAMPTZ '2026-09-01 00:00:00+00' THEN m + interval '28 hours' END,
       0.10, 'EUR'
FROM user_identities ui
CROSS JOIN (SELECT mm AT TIME ZONE 'UTC' AS m FROM generate_series(TIMESTAMP '2026-07-01', TIMESTAMP '2026-11-01', interval '1 month') AS mm) AS ms
WHERE ui.status = 'verified' AND ui.verified_at < m;

INSERT INTO sanctions_screening (user_identity_id, provider, screening_type, lists_checked, screened_at,
    result, match_score, cost_per_screen, currency)
SELECT ui.id, 'sanctionswise', 'payout', 'OFAC SDN, EU consolidated, UN',
       TIMESTAMPTZ '2026-11-02 06:00:00+00' + make_interval(secs => ui.id::int * 17), 'clear', NULL, 0.020000, 'USD'
FROM user_identities ui
WHERE ui.status = 'verified';

-- -----------------------------------------------------------------------------
-- Compliance requirements
-- -----------------------------------------------------------------------------
INSERT INTO compliance_requirements (code, compliance_framework_id, title, article_reference, requirement_type, priority,
    owner_team_id, owner_member_id, milestone_id, due_date, status, implemented_on,
    estimated_cost_low, estimated_cost_mid, estimated_cost_high, currency, cost_basis)
SELECT r.code, cf.id, r.title, r.article, r.rtype, r.priority,
       (SELECT id FROM teams WHERE code = r.team_code), (SELECT id FROM team_members WHERE code = r.tm_code),
       (SELECT id FROM milestones WHERE code = r.milestone_code), r.due, r.status, r.implemented_on,
       r.low, r.mid, r.high, r.currency, r.basis
FROM (VALUES
  -- GDPR
  ('GDPR-ROPA',        'GDPR', 'Record of processing activities', 'Art. 30', 'documentation', 'high', 'legal-compliance', 'TM-016', 'M1', DATE '2026-03-31', 'implemented', DATE '2026-03-20',
      1000.00, 2000.00, 3000.00, 'EUR', 'Internal time, 1-3 person-days; VIVIM plan figure'),  -- VIVIM plan figure
  ('GDPR-DPO',         'GDPR', 'Appoint an outsourced Data Protection Officer', 'Art. 37-39', 'staffing', 'high', 'legal-compliance', 'TM-016', 'M1', DATE '2026-03-31', 'implemented', DATE '2026-02-27',
      6000.00, 9000.00, 15000.00, 'EUR', 'DPO-as-a-service EUR 6k-15k/yr (EUR 500-999/mo) -- src: §4.3 computertechreviews.com, engagecompliance.co [S]'),  -- src: §4.3 computertechreviews.com, engagecompliance.co [S]
  ('GDPR-DPIA-MEMORY', 'GDPR', 'DPIA for conversation memory and context features', 'Art. 35', 'documentation', 'critical', 'legal-compliance', 'TM-016', 'M4', DATE '2026-06-30', 'verified', DATE '2026-06-22',
      3000.00, 5500.00, 8000.00, 'EUR', '30-40 h x EUR 100-200/h -- src: §4.3 ecomply.io + data-privacy-office.com [E derived]'),  -- src: §4.3 ecomply.io + data-privacy-office.com [E derived]
  ('GDPR-DPIA-KYC',    'GDPR', 'DPIA for identity verification (KYC) processing', 'Art. 35', 'documentation', 'high', 'legal-compliance', 'TM-016', 'M6', DATE '2026-11-30', 'in_progress', NULL,
      3000.00, 5500.00, 8000.00, 'EUR', '30-40 h x EUR 100-200/h -- src: §4.3 [E derived]'),  -- src: §4.3 [E derived]
  ('GDPR-DSR',         'GDPR', 'Data-subject request handling within one month', 'Art. 12, 15-22', 'technical_control', 'high', 'core-platform', 'TM-001', 'M6', DATE '2026-12-15', 'in_progress', NULL,
      2000.00, 4000.00, 7000.00, 'EUR', 'Engineering time for export/erasure tooling; VIVIM plan figure'),  -- VIVIM plan figure
  ('GDPR-CONSENT',     'GDPR', 'Granular consent for training on user data (Consent milestone)', 'Art. 6(1)(a), 7', 'technical_control', 'critical', 'product-design', 'TM-003', 'M6', DATE '2027-01-31', 'in_progress', NULL,
      5000.00, 9000.00, 15000.00, 'EUR', 'Design + engineering + legal review; VIVIM plan figure'),  -- VIVIM plan figure
  ('GDPR-BREACH',      'GDPR', '72-hour personal data breach notification procedure', 'Art. 33-34', 'policy', 'high', 'security', 'TM-015', 'M2', DATE '2026-05-31', 'implemented', DATE '2026-05-12',
      500.00, 1000.00, 2000.00, 'EUR', 'Policy drafting, internal time; VIVIM plan figure'),  -- VIVIM plan figure
  ('GDPR-DPA',         'GDPR', 'Processor agreements with KYC vendors and hosting providers', 'Art. 28', 'documentation', 'medium', 'legal-compliance', 'TM-016', 'M5', DATE '2026-09-30', 'implemented', DATE '2026-09-18',
      750.00, 1500.00, 3000.00, 'EUR', '3-8 h x EUR 250-400/h -- src: §4.1 VIVIM planning rate [E]'),  -- src: §4.1 VIVIM planning rate [E]
  -- SOC 2
  ('SOC2-READINESS',   'SOC2', 'SOC 2 readiness assessment and control mapping', 'TSC 2017', 'audit', 'medium', 'security', 'TM-015', 'M7', DATE '2027-02-28', 'not_started', NULL,
      5000.00, 10000.00, 20000.00, 'USD', 'Part of the $55k-175k first-year programme -- src: §4.4 strac.io 2026-05-26 [S]'),  -- src: §4.4 strac.io 2026-05-26 [S]
  ('SOC2-TYPE1',       'SOC2', 'SOC 2 Type I audit', 'TSC 2017', 'audit', 'high', 'security', 'TM-015', 'M8', DATE '2027-05-31', 'not_started', NULL,
      15000.00, 27500.00, 40000.00, 'USD', 'Type I audit fee $15k-40k -- src: §4.4 strac.io 2026-05-26 [S]'),  -- src: §4.4 strac.io 2026-05-26 [S]
  ('SOC2-TYPE2',       'SOC2', 'SOC 2 Type II audit (first observation window)', 'TSC 2017', 'audit', 'medium', 'security', 'TM-015', 'M10', DATE '2027-10-31', 'not_started', NULL,
      25000.00, 50000.00, 75000.00, 'USD', 'Type II audit fee $25k-75k -- src: §4.4 strac.io 2026-05-26 [S]'),  -- src: §4.4 strac.io 2026-05-26 [S]
  ('SOC2-CC6',         'SOC2', 'Logical access controls: MFA, RBAC, quarterly access reviews', 'CC6.1-CC6.3', 'technical_control', 'high', 'security', 'TM-015', 'M3', DATE '2026-07-31', 'implemented', DATE '2026-07-24',
      2000.00, 4000.00, 6000.00, 'EUR', 'Engineering time; VIVIM plan figure'),  -- VIVIM plan figure
  -- EU AI Act
  ('AIACT-ART50',      'EU-AI-ACT', 'Transparency: disclose AI interaction and AI-generated content', 'Art. 50', 'technical_control', 'high', 'product-design', 'TM-003', 'M4', DATE '2026-08-02', 'implemented', DATE '2026-07-28',
      5000.00, 12500.00, 20000.00, 'EUR', 'Limited-risk system: EUR 5k-20k one-off -- src: §4.5 trusq.io + derived [E]'),  -- src: §4.5 trusq.io + derived [E]
  ('AIACT-CLASSIFY',   'EU-AI-ACT', 'Risk classification of every AI feature (no Annex III use)', 'Art. 6, Annex III', 'documentation', 'high', 'legal-compliance', 'TM-007', 'M3', DATE '2026-07-31', 'verified', DATE '2026-07-10',
      2000.00, 4000.00, 8000.00, 'EUR', '5-20 h x EUR 400-700/h regulatory counsel, low end -- src: §4.1 [E]'),  -- src: §4.1 [E]
  ('AIACT-LITERACY',   'EU-AI-ACT', 'AI literacy training for staff', 'Art. 4', 'staffing', 'medium', 'operations', 'TM-017', 'M2', DATE '2026-05-31', 'implemented', DATE '2026-05-20',
      500.00, 1000.00, 2500.00, 'EUR', 'Internal training time; VIVIM plan figure'),  -- VIVIM plan figure
  ('AIACT-GPAI-FT',    'EU-AI-ACT', 'Obligations review for the fine-tuned model (downstream GPAI modifier)', 'Art. 53, 25', 'documentation', 'medium', 'ml-research', 'TM-008', 'M8', DATE '2027-05-31', 'not_started', NULL,
      4000.00, 8000.00, 14000.00, 'EUR', '10-20 h x EUR 400-700/h -- src: §4.1 [E]'),  -- src: §4.1 [E]
  -- MiCA
  ('MICA-VWT-WP',      'MICA', 'VWT crypto-asset white paper and MFSA notification', 'Art. 6-8', 'registration', 'critical', 'legal-compliance', 'TM-007', 'M1', DATE '2026-02-28', 'verified', DATE '2026-02-16',
      8000.00, 14000.00, 28000.00, 'EUR', 'Drafting 20-40 h x EUR 400-700/h -- src: §4.1 [E]; MFSA notification fee EUR 2,500 in regulatory_reports -- src: §4.7 [S]'),  -- src: §4.1 [E]; MFSA notification fee EUR 2,500 in regulatory_reports -- src: §4.7 [S]
  ('MICA-VGT-QUALIF',  'MICA', 'Legal qualification of VGT (dividend rights: MiFID II financial instrument?)', 'Art. 2(4)(a); ESMA guidelines 17-Dec-2024', 'documentation', 'critical', 'legal-compliance', 'TM-007', 'M9', DATE '2027-04-30', 'in_progress', NULL,
      12000.00, 24000.00, 42000.00, 'EUR', '30-60 h x EUR 400-700/h -- src: §4.1 [E], §4.6 regscope [S]'),  -- src: §4.1 [E], §4.6 regscope [S]
  ('MICA-CASP-SCOPE',  'MICA', 'CASP perimeter analysis: staking, custody and exchange features', 'Art. 59-67', 'documentation', 'high', 'legal-compliance', 'TM-007', 'M7', DATE '2027-01-31', 'not_started', NULL,
      5000.00, 10000.00, 15000.00, 'EUR', 'Counsel review; a CASP licence itself would cost EUR 250k->2M in year one -- src: §4.6 finconduit.com [S]'),  -- src: §4.6 finconduit.com [S]
  ('MICA-MARKETING',   'MICA', 'Marketing communications consistent with the white paper', 'Art. 7', 'policy', 'medium', 'community-growth', 'TM-020', 'M2', DATE '2026-04-30', 'implemented', DATE '2026-04-14',
      0.00, 500.00, 1500.00, 'EUR', 'Internal review; VIVIM plan figure'),  -- VIVIM plan figure
  -- AML
  ('AMLD-CDD',         'AMLD', 'Customer due diligence before payouts (tiered KYC)', 'AMLD Art. 13', 'technical_control', 'critical', 'legal-compliance', 'TM-016', 'M5', DATE '2026-08-31', 'implemented', DATE '2026-03-01',
      4000.00, 7500.00, 13100.00, 'USD', '5,000 verifications x $0.80-2.62 per check -- src: §4.8 Veriff/Sumsub plans [S], [E] volume'),  -- src: §4.8 Veriff/Sumsub plans [S], [E] volume
  ('AMLD-SCREENING',   'AMLD', 'Ongoing sanctions and PEP screening of verified identities', 'AMLD Art. 13(1)(d), EU sanctions regs', 'technical_control', 'high', 'legal-compliance', 'TM-016', 'M5', DATE '2026-07-31', 'implemented', DATE '2026-07-01',
      1200.00, 2400.00, 4800.00, 'EUR', '1,000-2,000 identities x 12 runs x EUR 0.10 -- src: §4.8 opensanctions.org [P], [E] volume'),  -- src: §4.8 opensanctions.org [P], [E] volume
  ('AMLD-RISK-ASSESS', 'AMLD', 'Business-wide AML/CFT risk assessment', 'AMLD Art. 8', 'reporting', 'high', 'legal-compliance', 'TM-016', 'M6', DATE '2026-12-31', 'in_progress', NULL,
      3000.00, 6000.00, 10000.00, 'EUR', '10-25 h x EUR 250-400/h -- src: §4.1 [E]'),  -- src: §4.1 [E]
  ('AMLD-MLRO',        'AMLD', 'Money-laundering reporting officer (0.2 FTE compliance officer)', 'AMLD Art. 8(4)', 'staffing', 'high', 'legal-compliance', 'TM-016', 'M5', DATE '2026-08-31', 'implemented', DATE '2026-08-03',
      9000.00, 11500.00, 14000.00, 'EUR', '0.2 x EUR 45k-70k Malta compliance officer -- src: labor RIV25 [PROXY]'),  -- src: labor RIV25 [PROXY]
  -- ISO 27001
  ('ISO-ISMS',         'ISO27001', 'ISMS scope, risk assessment and Statement of Applicability', 'Cl. 4-6', 'documentation', 'low', 'security', 'TM-015', 'M9', DATE '2027-07-31', 'not_started', NULL,
      8000.00, 15000.00, 25000.00, 'EUR', 'VIVIM plan figure (estimate; no sourced ISO 27001 price in the fact sheet)'),  -- VIVIM plan figure
  ('ISO-A8-BACKUP',    'ISO27001', 'Information backup: encrypted, tested restores', 'Annex A 8.13', 'technical_control', 'medium', 'infra-sre', 'TM-004', 'M3', DATE '2026-07-31', 'implemented', DATE '2026-06-30',
      500.00, 1000.00, 2000.00, 'EUR', 'Engineering time; storage cost in backup_configurations; VIVIM plan figure'),  -- VIVIM plan figure
  ('ISO-CERT',         'ISO27001', 'ISO 27001 certification audit', 'Cl. 9.2', 'audit', 'low', 'security', 'TM-015', 'M10', DATE '2027-10-31', 'not_applicable', NULL,
      0.00, 0.00, 0.00, 'EUR', 'Deferred: SOC 2 chosen first; VIVIM plan figure')  -- VIVIM plan figure
) AS r(code, fw, title, article, rtype, priority, team_code, tm_code, milestone_code, due, status, implemented_on, low, mid, high, currency, basis)
JOIN compliance_frameworks cf ON cf.code = r.fw;

-- -----------------------------------------------------------------------------
-- AML transaction monitoring alerts (VIVIM plan figure). Several alerts are
-- raised on VWT bounty payouts (token_transfers, by tx hash) and on the first
-- dividend claims; amounts in EUR at the token reference price.
-- -----------------------------------------------------------------------------
INSERT INTO transaction_monitoring (code, user_identity_id, token_transfer_id, rule_code, alert_at, amount, currency,
    risk_score, status, reviewed_by_member_id, resolved_at, resolution_note)
SELECT t.code, ui.id,
       (SELECT tt.id FROM token_transfers tt WHERE tt.tx_hash = '0x' || md5('bounty:' || t.bounty_n) || md5('vivim:bounty:' || t.bounty_n)),
       t.rule, t.alert_at, t.amount, 'EUR', t.score, t.status,
       CASE WHEN t.status <> 'open' THEN (SELECT id FROM team_members WHERE code = 'TM-016') END,
       CASE WHEN t.status IN ('cleared','escalated') THEN t.alert_at + make_interval(hours => t.hours) END,
       t.note
FROM (VALUES
    ('TMA-2026-001', 'UID-0002', 1,    'new_wallet_high_value',  TIMESTAMPTZ '2026-06-12 14:05:00+00',   40.00, 41.00, 'cleared',       6, 'Known contributor; wallet linked in profile'),
    ('TMA-2026-002', 'UID-0006', 2,    'high_risk_jurisdiction', TIMESTAMPTZ '2026-06-19 14:05:00+00',   55.00, 35.00, 'cleared',      20, 'Residence confirmed in the EU'),
    ('TMA-2026-003', 'UID-0018', NULL, 'sanctioned_counterparty',TIMESTAMPTZ '2026-05-19 09:40:00+00', 1200.00, 98.00, 'escalated',     4, 'Confirmed EU sanctions match; SAR filed, identity suspended'),
    ('TMA-2026-004', 'UID-0004', 7,    'velocity',               TIMESTAMPTZ '2026-07-24 14:05:00+00',   55.00, 52.00, 'cleared',      30, 'Three rewards in one sprint; legitimate'),
    ('TMA-2026-005', 'UID-0001', 8,    'large_payout',           TIMESTAMPTZ '2026-07-31 14:05:00+00',   70.00, 45.00, 'cleared',      12, 'Within the T2 payout cap'),
    ('TMA-2026-006', 'UID-0013', NULL, 'structuring',            TIMESTAMPTZ '2026-09-03 11:15:00+00',  960.00, 77.00, 'escalated',    52, 'Repeated payouts just under the T1 cap from linked wallets; SAR drafted'),
    ('TMA-2026-007', 'UID-0020', NULL, 'mixer_exposure',         TIMESTAMPTZ '2026-10-20 08:30:00+00',  310.00, 68.00, 'investigating', 0, NULL),
    ('TMA-2026-008', 'UID-0006', 14,   'velocity',               TIMESTAMPTZ '2026-09-11 14:05:00+00',   85.00, 39.00, 'cleared',       8, 'Automated false positive; rule threshold raised'),
    ('TMA-2026-009', 'UID-0016', NULL, 'large_payout',           TIMESTAMPTZ '2026-11-12 10:00:00+00',  520.00, 30.00, 'open',          0, NULL),
    ('TMA-2026-010', 'UID-0002', 17,   'new_wallet_high_value',  TIMESTAMPTZ '2026-10-02 14:05:00+00',   55.00, 44.00, 'cleared',       5, 'Wallet change confirmed by signed message')
) AS t(code, uid, bounty_n, rule, alert_at, amount, score, status, hours, note)
JOIN user_identities ui ON ui.code = t.uid;

-- -----------------------------------------------------------------------------
-- Suspicious activity reports, filed with Malta's FIU (FIAU)  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO suspicious_activity_reports (code, user_identity_id, transaction_monitoring_id, compliance_framework_id, filed_with,
    status, prepared_by_member_id, drafted_on, filed_on, external_reference, amount_involved, currency, summary)
VALUES
('SAR-2026-001', (SELECT id FROM user_identities WHERE code = 'UID-0018'), (SELECT id FROM transaction_monitoring WHERE code = 'TMA-2026-003'),
 (SELECT id FROM compliance_frameworks WHERE code = 'AMLD'), 'FIAU-MT', 'acknowledged', (SELECT id FROM team_members WHERE code = 'TM-016'),
 DATE '2026-05-19', DATE '2026-05-20', 'FIAU-STR-2026-0417', 1200.00, 'EUR',
 'Applicant confirmed on the EU consolidated sanctions list during T2 onboarding; pending payout frozen.'),
('SAR-2026-002', (SELECT id FROM user_identities WHERE code = 'UID-0013'), (SELECT id FROM transaction_monitoring WHERE code = 'TMA-2026-006'),
 (SELECT id FROM compliance_frameworks WHERE code = 'AMLD'), 'FIAU-MT', 'draft', (SELECT id FROM team_members WHERE code = 'TM-016'),
 DATE '2026-09-05', NULL, NULL, 960.00, 'EUR',
 'Possible structuring of bounty payouts below the T1 cap across linked wallets.');

-- -----------------------------------------------------------------------------
-- Data retention policies  -- VIVIM plan figure (periods per the cited legal basis)
-- -----------------------------------------------------------------------------
INSERT INTO data_retention_policies (code, name, data_category, compliance_framework_id, legal_basis, retention_days,
    retention_trigger, deletion_method, applies_to_tables, review_due_on)
SELECT p.code, p.name, p.category, cf.id, p.basis, p.days, p.trig, p.method, p.tables, p.review
FROM (VALUES
    ('RET-KYC-DOCS',  'KYC documents',                    'kyc_documents',       'AMLD', 'AML CDD record keeping: 5 years after the business relationship ends', 1826, 'end_of_relationship', 'crypto_shred',        'kyc_documents', DATE '2027-03-31'),
    ('RET-KYC-REC',   'KYC decisions and screenings',     'kyc_records',         'AMLD', 'AML CDD record keeping: 5 years after the business relationship ends', 1826, 'end_of_relationship', 'archive_then_delete', 'kyc_applications, sanctions_screening', DATE '2027-03-31'),
    ('RET-TX',        'Payout and transfer records',      'transaction_records', 'AMLD', 'AML: 5 years after the transaction',                                   1826, 'transaction_date',    'archive_then_delete', 'token_transfers, dividend_claims, transaction_monitoring', DATE '2027-03-31'),
    ('RET-ACCOUNT',   'Account data',                     'account_data',        'GDPR', 'Contract (Art. 6(1)(b)); storage limitation Art. 5(1)(e)',               90, 'account_closure',     'hard_delete',         'community_members, user_identities', DATE '2027-01-31'),
    ('RET-CONVO',     'Conversation memory and context',  'conversation_data',   'GDPR', 'Consent (Art. 6(1)(a)); deleted after withdrawal',                        30, 'consent_withdrawal',  'crypto_shred',        'ACU store (outside this database)', DATE '2027-01-31'),
    ('RET-TELEMETRY', 'Product telemetry',                'telemetry',           'GDPR', 'Legitimate interest (Art. 6(1)(f)); anonymised after 13 months',          395, 'collection',          'anonymise',           'user_metrics_daily sources', DATE '2027-06-30'),
    ('RET-AUDIT',     'Security and compliance audit logs','audit_logs',         'SOC2', 'SOC 2 CC7 evidence; 3 years',                                           1095, 'collection',          'archive_then_delete', 'audit_logs, compliance_audit_log, authentication_log, data_access_log', DATE '2027-06-30'),
    ('RET-BACKUP',    'Database backups',                 'backups',             'ISO27001', 'ISO 27001 A.8.13; 35-day rolling window',                             35, 'collection',          'hard_delete',         'backup_records', DATE '2027-06-30'),
    ('RET-MARKETING', 'Newsletter and marketing',         'marketing',           'GDPR', 'Consent (Art. 6(1)(a))',                                                  30, 'consent_withdrawal',  'hard_delete',         'newsletter list (outside this database)', DATE '2027-01-31')
) AS p(code, name, category, fw, basis, days, trig, method, tables, review)
JOIN compliance_frameworks cf ON cf.code = p.fw;

-- -----------------------------------------------------------------------------
-- GDPR data-subject requests  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO data_deletion_requests (code, community_member_id, user_identity_id, request_type, received_at, due_by, status,
    completed_at, data_retention_policy_id, handled_by_member_id, outcome_note)
SELECT d.code, cm.id, ui.id, d.rtype, d.received_at, (d.received_at AT TIME ZONE 'UTC')::date + d.due_days, d.status,
       d.completed_at, (SELECT id FROM data_retention_policies WHERE code = d.policy), (SELECT id FROM team_members WHERE code = 'TM-016'), d.note
FROM (VALUES
    ('DSR-2026-001', 'lowtide',      'access',        TIMESTAMPTZ '2026-05-10 10:00:00+00', 30, 'completed',           TIMESTAMPTZ '2026-05-15 16:00:00+00', NULL,           'Export delivered (JSON)'),
    ('DSR-2026-002', 'fjordfox',     'erasure',       TIMESTAMPTZ '2026-07-20 08:30:00+00', 30, 'completed',           TIMESTAMPTZ '2026-07-29 12:00:00+00', 'RET-CONVO',    'Conversation memory erased; account kept at the member''s request'),
    ('DSR-2026-003', 'nodewright',   'portability',   TIMESTAMPTZ '2026-05-15 19:10:00+00', 30, 'completed',           TIMESTAMPTZ '2026-05-20 09:00:00+00', NULL,           'ACU archive exported'),
    ('DSR-2026-004', 'quiet-leaver', 'erasure',       TIMESTAMPTZ '2026-08-10 07:45:00+00', 30, 'partially_completed', TIMESTAMPTZ '2026-09-02 11:30:00+00', 'RET-KYC-DOCS', 'Profile data erased; KYC records and the SAR file are kept 5 years under AML law'),
    ('DSR-2026-005', 'posidonia',    'rectification', TIMESTAMPTZ '2026-06-30 12:00:00+00', 30, 'completed',           TIMESTAMPTZ '2026-07-01 09:15:00+00', NULL,           'Display name corrected'),
    ('DSR-2026-006', 'dublin_data',  'objection',     TIMESTAMPTZ '2026-08-20 15:20:00+00', 30, 'completed',           TIMESTAMPTZ '2026-08-27 10:00:00+00', NULL,           'Excluded from product analytics'),
    ('DSR-2026-007', 'tulipstack',   'erasure',       TIMESTAMPTZ '2026-09-08 09:00:00+00', 30, 'refused',             TIMESTAMPTZ '2026-09-28 14:00:00+00', 'RET-TX',       'Payout and transfer records must be kept 5 years (AML); conversation data erased separately'),
    ('DSR-2026-008', 'alpine_ai',    'access',        TIMESTAMPTZ '2026-09-15 11:11:00+00', 30, 'completed',           TIMESTAMPTZ '2026-09-23 17:30:00+00', NULL,           'Export delivered'),
    ('DSR-2026-009', 'cantina',      'erasure',       TIMESTAMPTZ '2026-10-12 06:40:00+00', 30, 'completed',           TIMESTAMPTZ '2026-10-26 08:00:00+00', 'RET-CONVO',    'Conversation memory crypto-shredded'),
    ('DSR-2026-010', 'sliema-sky',   'restriction',   TIMESTAMPTZ '2026-10-22 13:00:00+00', 30, 'in_progress',         NULL,                                 NULL,           NULL),
    ('DSR-2026-011', 'sirocco',      'portability',   TIMESTAMPTZ '2026-11-03 17:25:00+00', 30, 'received',            NULL,                                 NULL,           NULL),
    ('DSR-2026-012', 'londonfog',    'erasure',       TIMESTAMPTZ '2026-11-10 10:05:00+00', 90, 'in_progress',         NULL,                                 NULL,           'Extended by two months (Art. 12(3)): erasure across federated instances')
) AS d(code, handle, rtype, received_at, due_days, status, completed_at, policy, note)
JOIN community_members cm ON cm.handle = d.handle
LEFT JOIN user_identities ui ON ui.community_member_id = cm.id;

-- -----------------------------------------------------------------------------
-- Regulatory reports
-- -----------------------------------------------------------------------------
INSERT INTO regulatory_reports (code, compliance_framework_id, regulator, report_type, period_start, period_end, due_date,
    submitted_on, status, prepared_by_member_id, milestone_id, filing_fee, preparation_cost, currency)
SELECT r.code, cf.id, r.regulator, r.rtype, r.ps, r.pe, r.due, r.submitted, r.status,
       (SELECT id FROM team_members WHERE code = r.tm), (SELECT id FROM milestones WHERE code = r.ms), r.fee, r.prep, r.currency
FROM (VALUES
    ('RR-MFSA-WP-VWT',   'MICA',      'MFSA', 'white_paper_notification', NULL::date,         NULL::date,         DATE '2026-02-20', DATE '2026-02-16', 'accepted',       NULL,     'M1', 2500.00,  14000.00, 'EUR'),  -- prepared by external counsel
        -- src: §4.7 camilleripreziosi.com / mondaq.com [S]: white paper notification, other crypto-assets, EUR 2,500; preparation [E] §4.1
    ('RR-FIAU-RA-2026',  'AMLD',      'FIAU', 'aml_risk_assessment',      DATE '2026-01-01', DATE '2026-12-31', DATE '2027-01-31', NULL,              'in_preparation', 'TM-016', 'M6', 0.00,      6000.00, 'EUR'),  -- VIVIM plan figure
    ('RR-IDPC-ROPA',     'GDPR',      'IDPC', 'ropa',                     NULL,              NULL,              DATE '2026-03-31', DATE '2026-03-20', 'submitted',      'TM-016', 'M1', 0.00,      2000.00, 'EUR'),  -- VIVIM plan figure (kept on file, shown on request)
    ('RR-IDPC-DPIA-MEM', 'GDPR',      'IDPC', 'dpia',                     NULL,              NULL,              DATE '2026-06-30', DATE '2026-06-22', 'accepted',       'TM-016', 'M4', 0.00,      5500.00, 'EUR'),  -- src: §4.3 [E derived]
    ('RR-IDPC-DPIA-KYC', 'GDPR',      'IDPC', 'dpia',                     NULL,              NULL,              DATE '2026-11-30', NULL,              'in_preparation', 'TM-016', 'M6', 0.00,      5500.00, 'EUR'),  -- src: §4.3 [E derived]
    ('RR-SOC2-T1',       'SOC2',      'AICPA auditor', 'soc2_report',     DATE '2027-05-01', DATE '2027-05-01', DATE '2027-05-31', NULL,              'planned',        'TM-015', 'M8', 0.00,     27500.00, 'USD'),  -- src: §4.4 strac.io [S]
    ('RR-AIACT-TRANSP',  'EU-AI-ACT', 'AI Office (self-assessment)', 'transparency_report', DATE '2026-01-01', DATE '2026-12-31', DATE '2027-02-28', NULL, 'planned', 'TM-007', 'M7', 0.00, 3000.00, 'EUR'),  -- VIVIM plan figure
    ('RR-IDPC-BREACH-01','GDPR',      'IDPC', 'incident_notification',    DATE '2026-09-14', DATE '2026-09-14', DATE '2026-09-17', DATE '2026-09-16', 'accepted',       'TM-015', 'M5', 0.00,       800.00, 'EUR')   -- VIVIM plan figure (Art. 33, 72 h)
) AS r(code, fw, regulator, rtype, ps, pe, due, submitted, status, tm, ms, fee, prep, currency)
JOIN compliance_frameworks cf ON cf.code = r.fw;

-- -----------------------------------------------------------------------------
-- Compliance audit log, derived from the rows above (deterministic)
-- -----------------------------------------------------------------------------
INSERT INTO compliance_audit_log (occurred_at, actor_type, team_member_id, ai_agent_id, action, entity_table, entity_key, compliance_framework_id, details)
-- applications submitted (system)
SELECT k.submitted_at, 'system', NULL::bigint, NULL::bigint, 'kyc_submitted', 'kyc_applications', k.code,
       (SELECT id FROM compliance_frameworks WHERE code = 'AMLD'), 'Tier ' || vt.code || ' via ' || k.vendor
FROM kyc_applications k JOIN verification_tiers vt ON vt.id = k.verification_tier_id
UNION ALL
-- decisions (vendor automation for T1, compliance officer for T2/T3)
SELECT k.decided_at, CASE WHEN k.reviewed_by_member_id IS NULL THEN 'system' ELSE 'team_member' END, k.reviewed_by_member_id, NULL,
       'kyc_decision', 'kyc_applications', k.code, (SELECT id FROM compliance_frameworks WHERE code = 'AMLD'), k.status
FROM kyc_applications k WHERE k.decided_at IS NOT NULL
UNION ALL
-- reviewed screening hits
SELECT s.reviewed_at, 'team_member', s.reviewed_by_member_id, NULL, 'screening_review', 'sanctions_screening',
       ui.code || '@' || to_char(s.screened_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI'), (SELECT id FROM compliance_frameworks WHERE code = 'AMLD'), s.result
FROM sanctions_screening s JOIN user_identities ui ON ui.id = s.user_identity_id
WHERE s.reviewed_at IS NOT NULL
UNION ALL
-- monthly screening batch runs: scheduler until the compliance agent (module 08,
-- deployed 2026-10-26) took them over
SELECT m + interval '1 hour',
       CASE WHEN m >= TIMESTAMPTZ '2026-11-01 00:00:00+00' THEN 'ai_agent' ELSE 'system' END, NULL,
       CASE WHEN m >= TIMESTAMPTZ '2026-11-01 00:00:00+00' THEN (SELECT id FROM ai_agents WHERE code = 'compliance-checker') END,
       'screening_run', 'sanctions_screening',
       'batch-' || to_char(m AT TIME ZONE 'UTC', 'YYYY-MM'), (SELECT id FROM compliance_frameworks WHERE code = 'AMLD'), 'Monthly OpenSanctions re-screening'
FROM (SELECT mm AT TIME ZONE 'UTC' AS m FROM generate_series(TIMESTAMP '2026-07-01', TIMESTAMP '2026-11-01', interval '1 month') AS mm) AS ms
UNION ALL
-- SAR filings
SELECT (s.filed_on + time '15:00') AT TIME ZONE 'UTC', 'team_member', s.prepared_by_member_id, NULL, 'sar_filed', 'suspicious_activity_reports', s.code,
       s.compliance_framework_id, 'Filed with ' || s.filed_with
FROM suspicious_activity_reports s WHERE s.filed_on IS NOT NULL
UNION ALL
-- alert reviews
SELECT t.resolved_at, 'team_member', t.reviewed_by_member_id, NULL, 'alert_review', 'transaction_monitoring', t.code,
       (SELECT id FROM compliance_frameworks WHERE code = 'AMLD'), t.status
FROM transaction_monitoring t WHERE t.resolved_at IS NOT NULL
UNION ALL
-- data-subject requests completed
SELECT d.completed_at, 'team_member', d.handled_by_member_id, NULL, 'dsr_completed', 'data_deletion_requests', d.code,
       (SELECT id FROM compliance_frameworks WHERE code = 'GDPR'), d.request_type || ': ' || d.status
FROM data_deletion_requests d WHERE d.completed_at IS NOT NULL
UNION ALL
-- requirements implemented
SELECT (c.implemented_on + time '17:00') AT TIME ZONE 'UTC', CASE WHEN tm.id IS NULL THEN 'system' ELSE 'team_member' END, tm.id, NULL,
       'requirement_status_change', 'compliance_requirements', c.code, c.compliance_framework_id, c.status
FROM compliance_requirements c
LEFT JOIN team_members tm ON tm.id = c.owner_member_id AND tm.start_date <= c.implemented_on   -- owners hired later are not the actor
WHERE c.implemented_on IS NOT NULL
UNION ALL
-- reports submitted
SELECT (r.submitted_on + time '12:00') AT TIME ZONE 'UTC', CASE WHEN tm.id IS NULL THEN 'system' ELSE 'team_member' END, tm.id, NULL,
       'report_submitted', 'regulatory_reports', r.code, r.compliance_framework_id, r.regulator || ' ' || r.report_type
FROM regulatory_reports r
LEFT JOIN team_members tm ON tm.id = r.prepared_by_member_id AND tm.start_date <= r.submitted_on
WHERE r.submitted_on IS NOT NULL;
