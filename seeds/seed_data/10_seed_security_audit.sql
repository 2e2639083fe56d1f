-- =============================================================================
-- Seed 10: Security & Audit (module 14, `security`)
-- =============================================================================
-- Policies, roles, access, MFA, logins, sessions, events, IDS alerts, scans,
-- incidents, audit trails, keys and backups of VIVIM, mostly October 2026.
-- People are team_members (module 01/04 seed) and user_identities (module 12).
-- Everything is a VIVIM plan figure unless a row cites a source; generated
-- series are deterministic (generate_series, md5, no random()).
-- At the end, the security KPIs of module 13 (MFA coverage, open incidents)
-- are added to daily_metrics.
-- =============================================================================

SET client_min_messages = warning;

-- -----------------------------------------------------------------------------
-- Security policies  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO security_policies (code, name, category, version, compliance_framework_id, control_reference, owner_team_id,
    approved_by_member_id, status, effective_date, review_due_on, summary)
SELECT p.code, p.name, p.category, p.version, (SELECT id FROM compliance_frameworks WHERE code = p.fw), p.ctrl,
       (SELECT id FROM teams WHERE code = p.team), (SELECT id FROM team_members WHERE code = p.approver),
       p.status, p.effective, p.review, p.summary
FROM (VALUES
    ('SEC-POL-ACCESS', 'Access control policy',              'access_control',           '1.2', 'SOC2',     'CC6.1-CC6.3',  'security',         'TM-015', 'active',       DATE '2026-02-01', DATE '2027-02-01', 'Least privilege, role-based access, quarterly access reviews, joiner/mover/leaver process'),
    ('SEC-POL-AUTH',   'Authentication and MFA policy',      'authentication',           '1.1', 'SOC2',     'CC6.1',        'security',         'TM-001', 'active',       DATE '2026-02-01', DATE '2027-02-01', 'SSO with MFA for all staff (hardware key for privileged roles, no SMS); passkeys or wallet signatures for users'),
    ('SEC-POL-ENC',    'Cryptography and key management',    'encryption',               '1.0', 'ISO27001', 'A.8.24',       'security',         'TM-001', 'active',       DATE '2026-02-15', DATE '2027-02-15', 'AES-256-GCM at rest, TLS 1.3 in transit, keys in Vault, rotation per key class'),
    ('SEC-POL-IR',     'Incident response policy',           'incident_response',        '1.1', 'GDPR',     'Art. 33-34',   'security',         'TM-015', 'active',       DATE '2026-05-12', DATE '2027-05-12', 'Severity levels, on-call, 72-hour notification of personal-data breaches to the IDPC'),
    ('SEC-POL-BACKUP', 'Backup and restore policy',          'backup',                   '1.0', 'ISO27001', 'A.8.13',       'infra-sre',        'TM-004', 'active',       DATE '2026-06-30', DATE '2027-06-30', 'Encrypted backups to a second provider, 35-day retention, weekly restore tests'),
    ('SEC-POL-LOG',    'Logging and monitoring policy',      'logging',                  '1.0', 'SOC2',     'CC7.2',        'infra-sre',        'TM-004', 'active',       DATE '2026-03-01', DATE '2027-03-01', 'Central logs, 3-year retention of audit logs, alerting on auth anomalies'),
    ('SEC-POL-VULN',   'Vulnerability management policy',    'vulnerability_management', '1.0', 'SOC2',     'CC7.1',        'security',         'TM-015', 'active',       DATE '2026-06-15', DATE '2027-06-15', 'Weekly image and dependency scans; critical fixes in 7 days, high in 30'),
    ('SEC-POL-DATA',   'Data classification policy',         'data_classification',      '1.0', 'GDPR',     'Art. 5, 32',   'legal-compliance', 'TM-016', 'active',       DATE '2026-04-15', DATE '2027-04-15', 'Public / internal / personal / special (KYC) data classes and their handling'),
    ('SEC-POL-VENDOR', 'Vendor risk policy',                 'vendor_risk',              '0.9', 'SOC2',     'CC9.2',        'legal-compliance', 'TM-007', 'under_review', DATE '2026-09-15', DATE '2026-12-15', 'Due diligence and DPAs for processors (KYC vendors, hosting, LLM APIs)'),
    ('SEC-POL-AUP',    'Acceptable use policy',              'acceptable_use',           '0.3', 'ISO27001', 'A.5.10',       'operations',       NULL,     'draft',        NULL,              NULL,              'Use of company devices, accounts and AI tools')
) AS p(code, name, category, version, fw, ctrl, team, approver, status, effective, review, summary);

-- -----------------------------------------------------------------------------
-- Security roles  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO security_roles (code, name, description, principal_type, privilege_level, is_privileged, requires_mfa,
    max_session_minutes, access_review_days, security_policy_id)
SELECT r.code, r.name, r.descr, r.ptype, r.lvl, r.lvl >= 4, r.mfa, r.session, r.review,
       (SELECT id FROM security_policies WHERE code = 'SEC-POL-ACCESS')
FROM (VALUES
    ('platform-admin',      'Platform administrator', 'Full production access, break-glass',                    'staff',         5, true,   60,  30),
    ('sre-oncall',          'SRE on call',            'Production infrastructure and databases during on-call', 'staff',         4, true,  240,  90),
    ('security-analyst',    'Security analyst',       'SIEM, IDS, audit logs; read access to production logs',  'staff',         4, true,  240,  90),
    ('dao-operator',        'DAO treasury operator',  'Multisig signer and treasury tooling',                   'staff',         4, true,   60,  90),
    ('compliance-reviewer', 'Compliance reviewer',    'KYC documents, screening results, SAR drafts',           'staff',         3, true,  240,  90),
    ('developer',           'Developer',              'Staging, CI/CD, read-only production dashboards',        'staff',         2, true,  720, 180),
    ('read-only-analyst',   'Read-only analyst',      'Aggregated analytics and the cost database (vivim_analyst)', 'staff',     1, true,  720, 365),
    ('verified-contributor','Verified contributor',   'Bounty claims and payouts after KYC tier 1',             'platform_user', 2, true, 10080, 365),
    ('platform-user',       'Platform user',          'Own data, ACU, forum',                                   'platform_user', 1, false, 43200, 365)
) AS r(code, name, descr, ptype, lvl, mfa, session, review);

-- -----------------------------------------------------------------------------
-- User access  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO user_access (code, security_role_id, team_member_id, user_identity_id, access_scope, granted_at,
    granted_by_member_id, expires_at, revoked_at, status, last_reviewed_on, justification)
SELECT a.code, sr.id, tm.id, ui.id, a.scope,
       COALESCE(a.granted_at, (tm.start_date + time '09:00') AT TIME ZONE 'UTC'),
       (SELECT id FROM team_members WHERE code = a.grantor), a.expires_at, a.revoked_at, a.status, a.reviewed, a.why
FROM (VALUES
    ('UA-001', 'platform-admin',      'TM-001', NULL,       'all',        NULL::timestamptz,                     'TM-002', NULL::timestamptz, NULL::timestamptz,                  'active',         DATE '2026-10-01', 'Founder, break-glass holder'),
    ('UA-002', 'platform-admin',      'TM-004', NULL,       'all',        NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Infra lead'),
    ('UA-003', 'sre-oncall',          'TM-014', NULL,       'production', NULL,                                  'TM-004', NULL,              NULL,                               'active',         DATE '2026-10-01', 'On-call rotation'),
    ('UA-004', 'sre-oncall',          'TM-019', NULL,       'production', TIMESTAMPTZ '2026-10-06 09:00:00+00',  'TM-004', NULL,              NULL,                               'active',         NULL,              'Joined on-call after onboarding'),
    ('UA-005', 'security-analyst',    'TM-015', NULL,       'all',        NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Security lead'),
    ('UA-006', 'dao-operator',        'TM-001', NULL,       'dao',        NULL,                                  'TM-017', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Multisig signer 1'),
    ('UA-007', 'dao-operator',        'TM-017', NULL,       'dao',        NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Multisig signer 2, treasury operations'),
    ('UA-008', 'dao-operator',        'TM-003', NULL,       'dao',        NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Multisig signer 3'),
    ('UA-009', 'compliance-reviewer', 'TM-016', NULL,       'production', NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Compliance officer, KYC decisions'),
    ('UA-010', 'compliance-reviewer', 'TM-007', NULL,       'production', NULL,                                  'TM-016', NULL,              NULL,                               'active',         NULL,              'Legal counsel, SAR review'),
    ('UA-011', 'developer',           'TM-002', NULL,       'staging',    NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Backend'),
    ('UA-012', 'developer',           'TM-005', NULL,       'staging',    NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Backend'),
    ('UA-013', 'developer',           'TM-009', NULL,       'staging',    NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Frontend'),
    ('UA-014', 'developer',           'TM-010', NULL,       'production', NULL,                                  'TM-002', NULL,              TIMESTAMPTZ '2026-10-29 16:00:00+00', 'revoked',       DATE '2026-10-01', 'Production read access removed after an attempted PII export'),
    ('UA-015', 'developer',           'TM-010', NULL,       'staging',    NULL,                                  'TM-002', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Junior backend'),
    ('UA-016', 'developer',           'TM-018', NULL,       'staging',    NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Backend'),
    ('UA-017', 'developer',           'TM-022', NULL,       'staging',    NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Frontend'),
    ('UA-018', 'developer',           'TM-008', NULL,       'staging',    NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'ML pipelines'),
    ('UA-019', 'developer',           'TM-012', NULL,       'staging',    NULL,                                  'TM-008', NULL,              NULL,                               'active',         DATE '2026-10-01', 'ML pipelines'),
    ('UA-020', 'read-only-analyst',   'TM-011', NULL,       'read_only',  NULL,                                  'TM-008', NULL,              NULL,                               'pending_review', NULL,              'Data scientist; access review pending'),
    ('UA-021', 'read-only-analyst',   'TM-003', NULL,       'read_only',  NULL,                                  'TM-001', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Product analytics'),
    ('UA-022', 'read-only-analyst',   'TM-020', NULL,       'read_only',  NULL,                                  'TM-003', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Community analytics'),
    ('UA-023', 'read-only-analyst',   'TM-013', NULL,       'read_only',  NULL,                                  'TM-003', TIMESTAMPTZ '2026-09-30 23:59:00+00', NULL,      'expired',        NULL,              'Temporary access for the M5 launch report'),
    ('UA-024', 'developer',           'TM-006', NULL,       'staging',    NULL,                                  'TM-003', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Design system'),
    ('UA-025', 'developer',           'TM-021', NULL,       'staging',    NULL,                                  'TM-003', NULL,              NULL,                               'active',         DATE '2026-10-01', 'Design system'),
    -- platform users (after KYC tier 1)
    ('UA-101', 'verified-contributor', NULL, 'UID-0001', 'production', TIMESTAMPTZ '2026-02-21 12:00:00+00', NULL, NULL, NULL,                                 'active',  NULL, 'KYC T1 approved'),
    ('UA-102', 'verified-contributor', NULL, 'UID-0002', 'production', TIMESTAMPTZ '2026-03-01 12:00:00+00', NULL, NULL, NULL,                                 'active',  NULL, 'KYC T1 approved'),
    ('UA-104', 'verified-contributor', NULL, 'UID-0004', 'production', TIMESTAMPTZ '2026-03-30 12:00:00+00', NULL, NULL, NULL,                                 'active',  NULL, 'KYC T1 approved'),
    ('UA-106', 'verified-contributor', NULL, 'UID-0006', 'production', TIMESTAMPTZ '2026-04-25 12:00:00+00', NULL, NULL, NULL,                                 'active',  NULL, 'KYC T1 approved'),
    ('UA-118', 'verified-contributor', NULL, 'UID-0018', 'production', TIMESTAMPTZ '2026-04-19 12:00:00+00', NULL, NULL, TIMESTAMPTZ '2026-05-19 10:00:00+00', 'revoked', NULL, 'Revoked after a confirmed sanctions match'),
    ('UA-120', 'verified-contributor', NULL, 'UID-0020', 'production', TIMESTAMPTZ '2026-10-09 12:00:00+00', NULL, NULL, NULL,                                 'active',  NULL, 'KYC T1 approved')
) AS a(code, role_code, tm_code, uid, scope, granted_at, grantor, expires_at, revoked_at, status, reviewed, why)
JOIN security_roles sr ON sr.code = a.role_code
LEFT JOIN team_members tm    ON tm.code = a.tm_code
LEFT JOIN user_identities ui ON ui.code = a.uid;

-- -----------------------------------------------------------------------------
-- MFA devices: one per staff member active by October 2026, registered the day
-- after they start (TM-011 only on 2026-10-20; TM-005 replaced a lost key), plus
-- a few platform users.  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO mfa_devices (code, team_member_id, user_identity_id, device_type, label, registered_at, last_used_at, status, revoked_at)
SELECT 'MFA-' || tm.code || CASE WHEN d.suffix IS NULL THEN '' ELSE '-' || d.suffix END, tm.id, NULL, d.dtype, d.label,
       COALESCE(d.registered_at, (tm.start_date + 1 + time '10:00') AT TIME ZONE 'UTC'),
       CASE WHEN d.status = 'active' THEN TIMESTAMPTZ '2026-10-31 08:30:00+00' ELSE d.revoked_at - interval '48 hours' END,
       d.status, d.revoked_at
FROM (VALUES
    ('TM-001', NULL, 'hardware_key',      'YubiKey 5C',        NULL::timestamptz,                    'active',  NULL::timestamptz),
    ('TM-002', NULL, 'webauthn_platform', 'MacBook Touch ID',  NULL,                                 'active',  NULL),
    ('TM-003', NULL, 'hardware_key',      'YubiKey 5 NFC',     NULL,                                 'active',  NULL),
    ('TM-004', NULL, 'hardware_key',      'YubiKey 5C',        NULL,                                 'active',  NULL),
    ('TM-005', 'OLD','totp',              'Phone authenticator',NULL,                                'lost',    TIMESTAMPTZ '2026-08-10 09:00:00+00'),
    ('TM-005', NULL, 'webauthn_platform', 'Laptop Windows Hello', TIMESTAMPTZ '2026-08-10 11:00:00+00', 'active', NULL),
    ('TM-006', NULL, 'webauthn_platform', 'MacBook Touch ID',  NULL,                                 'active',  NULL),
    ('TM-007', NULL, 'passkey',           'Phone passkey',     NULL,                                 'active',  NULL),
    ('TM-008', NULL, 'totp',              'Phone authenticator',NULL,                                'active',  NULL),
    ('TM-009', NULL, 'webauthn_platform', 'MacBook Touch ID',  NULL,                                 'active',  NULL),
    ('TM-010', NULL, 'totp',              'Phone authenticator',NULL,                                'active',  NULL),
    ('TM-011', NULL, 'passkey',           'Phone passkey',     TIMESTAMPTZ '2026-10-20 10:00:00+00', 'active',  NULL),
    ('TM-012', NULL, 'totp',              'Phone authenticator',NULL,                                'active',  NULL),
    ('TM-013', NULL, 'passkey',           'Phone passkey',     NULL,                                 'active',  NULL),
    ('TM-014', NULL, 'hardware_key',      'YubiKey 5C',        NULL,                                 'active',  NULL),
    ('TM-015', NULL, 'hardware_key',      'YubiKey 5C FIPS',   NULL,                                 'active',  NULL),
    ('TM-016', NULL, 'webauthn_platform', 'Laptop Windows Hello', NULL,                              'active',  NULL),
    ('TM-017', NULL, 'hardware_key',      'Ledger + YubiKey',  NULL,                                 'active',  NULL),
    ('TM-018', NULL, 'webauthn_platform', 'MacBook Touch ID',  NULL,                                 'active',  NULL),
    ('TM-019', NULL, 'hardware_key',      'YubiKey 5C',        TIMESTAMPTZ '2026-10-03 10:00:00+00', 'active',  NULL),
    ('TM-020', NULL, 'passkey',           'Phone passkey',     NULL,                                 'active',  NULL),
    ('TM-021', NULL, 'webauthn_platform', 'MacBook Touch ID',  NULL,                                 'active',  NULL),
    ('TM-022', NULL, 'totp',              'Phone authenticator',NULL,                                'active',  NULL)
) AS d(tm_code, suffix, dtype, label, registered_at, status, revoked_at)
JOIN team_members tm ON tm.code = d.tm_code;

INSERT INTO mfa_devices (code, team_member_id, user_identity_id, device_type, label, registered_at, last_used_at, status, revoked_at)
SELECT 'MFA-' || ui.code, NULL, ui.id, d.dtype, d.label, d.registered_at, TIMESTAMPTZ '2026-10-30 19:00:00+00', 'active', NULL
FROM (VALUES ('UID-0001', 'passkey', 'Phone passkey',         TIMESTAMPTZ '2026-02-22 10:00:00+00'),
             ('UID-0002', 'totp',    'Authenticator app',     TIMESTAMPTZ '2026-03-02 10:00:00+00'),
             ('UID-0004', 'passkey', 'Phone passkey',         TIMESTAMPTZ '2026-03-31 10:00:00+00'),
             ('UID-0006', 'hardware_key', 'Security key',     TIMESTAMPTZ '2026-04-26 10:00:00+00'),
             ('UID-0016', 'sms',     'SMS to +1 number',      TIMESTAMPTZ '2026-03-10 10:00:00+00'),
             ('UID-0020', 'totp',    'Authenticator app',     TIMESTAMPTZ '2026-10-09 13:00:00+00')) AS d(uid, dtype, label, registered_at)
JOIN user_identities ui ON ui.code = d.uid;

-- -----------------------------------------------------------------------------
-- Authentication log, October 2026 (deterministic):
--  * staff sign-ins through SSO + MFA on working days, each member every
--    second or third day, from the member's country (module 01 location);
--    TM-011 signed in with password only until enrolling MFA on 2026-10-20
--  * a brute-force burst against "admin" on 2026-10-09 (blocked)
--  * platform users: passkey and wallet-signature logins; UID-0020 from three
--    countries within an hour on 2026-10-20 (impossible travel)
-- -----------------------------------------------------------------------------
INSERT INTO authentication_log (occurred_at, team_member_id, user_identity_id, username_attempted, auth_method, mfa_device_id,
    result, failure_reason, ip_address, country_code, user_agent)
SELECT x.at, x.tm_id, NULL, lower(x.tm_code) || '@vivim.example',
       CASE WHEN x.device_id IS NULL THEN 'password' ELSE 'sso_mfa' END, x.device_id,
       CASE WHEN x.fail THEN 'mfa_failed' ELSE 'success' END,
       CASE WHEN x.fail THEN 'MFA challenge timed out' END,
       ('10.20.' || (x.n % 4) || '.' || (10 + x.n))::inet, x.country, 'Mozilla/5.0 (SSO portal)'
FROM (
    SELECT tm.id AS tm_id, tm.code AS tm_code, loc.country_code AS country, s.n,
           (d + make_interval(hours => 7 + (s.n + g) % 3, mins => (s.n * 7 + g * 13) % 60)) AT TIME ZONE 'UTC' AS at,
           (SELECT md.id FROM mfa_devices md
             WHERE md.team_member_id = tm.id
               AND md.registered_at <= (d + interval '7 hours') AT TIME ZONE 'UTC'
               AND (md.revoked_at IS NULL OR md.revoked_at > (d + interval '7 hours') AT TIME ZONE 'UTC')
             ORDER BY md.registered_at DESC LIMIT 1) AS device_id,
           (s.n + g) % 23 = 0 AS fail
    FROM (VALUES ('TM-001',1),('TM-002',2),('TM-003',3),('TM-004',4),('TM-005',5),('TM-007',7),('TM-008',8),
                 ('TM-010',10),('TM-011',11),('TM-014',14),('TM-015',15),('TM-016',16),('TM-017',17),('TM-019',19)) AS s(code, n)
    JOIN team_members tm ON tm.code = s.code
    JOIN locations loc   ON loc.id = tm.location_id
    CROSS JOIN generate_series(0, 30) AS g
    CROSS JOIN LATERAL (SELECT (DATE '2026-10-01' + g)::timestamp AS d) dd
    WHERE extract(isodow FROM d) < 6
      AND (g + s.n) % CASE WHEN s.n % 2 = 0 THEN 2 ELSE 3 END = 0
      AND tm.start_date <= d::date
) x;

-- brute-force burst (no principal)
INSERT INTO authentication_log (occurred_at, team_member_id, user_identity_id, username_attempted, auth_method, mfa_device_id,
    result, failure_reason, ip_address, country_code, user_agent)
SELECT TIMESTAMPTZ '2026-10-09 03:12:00+00' + make_interval(secs => 9 * g), NULL, NULL,
       (ARRAY['admin','root','administrator','admin@vivim.example'])[1 + g % 4], 'password', NULL,
       CASE WHEN g < 11 THEN 'failure' ELSE 'locked_out' END, CASE WHEN g < 11 THEN 'Unknown user' ELSE 'Source IP locked out' END,
       ('185.220.101.' || (40 + g % 3))::inet, 'DE', 'python-requests/2.31'
FROM generate_series(0, 11) AS g;

-- platform users
INSERT INTO authentication_log (occurred_at, team_member_id, user_identity_id, username_attempted, auth_method, mfa_device_id,
    result, failure_reason, ip_address, country_code, user_agent)
SELECT l.at, NULL, ui.id, lower(ui.code), l.method,
       CASE WHEN l.method IN ('password_mfa','sso_mfa') THEN (SELECT id FROM mfa_devices WHERE user_identity_id = ui.id LIMIT 1) END,
       l.result, CASE WHEN l.result <> 'success' THEN 'Signature did not match the registered wallet' END,
       l.ip::inet, l.country, l.agent
FROM (VALUES
    ('UID-0001', TIMESTAMPTZ '2026-10-02 18:01:00+00', 'passkey',          'success', '81.193.12.40',   'PT', 'VIVIM desktop 0.9'),
    ('UID-0001', TIMESTAMPTZ '2026-10-09 18:15:00+00', 'passkey',          'success', '81.193.12.40',   'PT', 'VIVIM desktop 0.9'),
    ('UID-0001', TIMESTAMPTZ '2026-10-23 17:55:00+00', 'wallet_signature', 'success', '81.193.12.40',   'PT', 'VIVIM web'),
    ('UID-0002', TIMESTAMPTZ '2026-10-03 20:11:00+00', 'password_mfa',     'success', '83.24.101.7',    'PL', 'VIVIM web'),
    ('UID-0002', TIMESTAMPTZ '2026-10-17 21:40:00+00', 'password_mfa',     'success', '83.24.101.7',    'PL', 'VIVIM web'),
    ('UID-0004', TIMESTAMPTZ '2026-10-05 09:30:00+00', 'passkey',          'success', '151.42.18.90',   'IT', 'VIVIM mobile 0.9'),
    ('UID-0004', TIMESTAMPTZ '2026-10-19 09:12:00+00', 'passkey',          'success', '151.42.18.90',   'IT', 'VIVIM mobile 0.9'),
    ('UID-0006', TIMESTAMPTZ '2026-10-06 22:02:00+00', 'wallet_signature', 'success', '93.136.40.2',    'HR', 'VIVIM web'),
    ('UID-0006', TIMESTAMPTZ '2026-10-27 22:30:00+00', 'wallet_signature', 'success', '93.136.40.2',    'HR', 'VIVIM web'),
    ('UID-0012', TIMESTAMPTZ '2026-10-08 19:00:00+00', 'passkey',          'success', '46.11.80.3',     'MT', 'VIVIM mobile 0.9'),
    ('UID-0016', TIMESTAMPTZ '2026-10-12 16:45:00+00', 'password_mfa',     'success', '73.158.64.21',   'US', 'VIVIM web'),
    ('UID-0020', TIMESTAMPTZ '2026-10-20 06:10:00+00', 'wallet_signature', 'success', '188.81.7.14',    'PT', 'VIVIM web'),
    ('UID-0020', TIMESTAMPTZ '2026-10-20 06:31:00+00', 'wallet_signature', 'failure', '103.75.190.8',   'SG', 'curl/8.5'),
    ('UID-0020', TIMESTAMPTZ '2026-10-20 06:44:00+00', 'wallet_signature', 'success', '45.155.205.99',  'RU', 'curl/8.5'),
    ('UID-0020', TIMESTAMPTZ '2026-10-20 06:52:00+00', 'wallet_signature', 'failure', '45.155.205.99',  'RU', 'curl/8.5')
) AS l(uid, at, method, result, ip, country, agent)
JOIN user_identities ui ON ui.code = l.uid;

-- -----------------------------------------------------------------------------
-- Sessions: one per successful sign-in from 2026-10-19 on (staff 12 h max,
-- users per role limit)  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO session_management (session_token_hash, authentication_log_id, team_member_id, user_identity_id, started_at,
    last_activity_at, expires_at, ended_at, end_reason, ip_address, client)
SELECT md5('session:' || a.id) || md5('vivim:session:' || a.id), a.id, a.team_member_id, a.user_identity_id,
       a.occurred_at,
       CASE WHEN a.user_identity_id = (SELECT id FROM user_identities WHERE code = 'UID-0020') THEN a.occurred_at + interval '20 minutes'
            ELSE a.occurred_at + make_interval(mins => (30 + (a.id % 7) * 45)::int) END,
       a.occurred_at + CASE WHEN a.team_member_id IS NOT NULL THEN interval '12 hours' ELSE interval '168 hours' END,
       CASE WHEN a.occurred_at >= TIMESTAMPTZ '2026-10-31 00:00:00+00' THEN NULL
            WHEN a.user_identity_id = (SELECT id FROM user_identities WHERE code = 'UID-0020') THEN TIMESTAMPTZ '2026-10-20 07:30:00+00'
            ELSE a.occurred_at + make_interval(mins => (30 + (a.id % 7) * 45)::int) + CASE WHEN a.id % 3 = 0 THEN interval '0' ELSE interval '15 minutes' END END,
       CASE WHEN a.occurred_at >= TIMESTAMPTZ '2026-10-31 00:00:00+00' THEN NULL
            WHEN a.user_identity_id = (SELECT id FROM user_identities WHERE code = 'UID-0020') THEN 'revoked'
            WHEN a.id % 3 = 0 THEN 'logout' ELSE 'idle_timeout' END,
       a.ip_address,
       CASE WHEN a.team_member_id IS NOT NULL THEN 'web' WHEN a.user_agent LIKE 'VIVIM mobile%' THEN 'mobile'
            WHEN a.user_agent LIKE 'VIVIM desktop%' THEN 'desktop' WHEN a.user_agent LIKE 'curl%' THEN 'api' ELSE 'web' END
FROM authentication_log a
WHERE a.result = 'success' AND a.occurred_at >= TIMESTAMPTZ '2026-10-19 00:00:00+00';

-- -----------------------------------------------------------------------------
-- Security events  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO security_events (code, occurred_at, event_type, severity, source, team_member_id, user_identity_id, service_id, description)
SELECT e.code, e.at, e.etype, e.severity, e.source,
       (SELECT id FROM team_members WHERE code = e.tm), (SELECT id FROM user_identities WHERE code = e.uid),
       (SELECT id FROM services WHERE code = e.svc), e.descr
FROM (VALUES
    ('SE-2026-001', TIMESTAMPTZ '2026-06-03 11:20:00+00', 'secret_leak',          'high',     'github-secret-scanning', 'TM-005', NULL,       NULL,           'Staging API signing key found in a public fork of the web client'),
    ('SE-2026-002', TIMESTAMPTZ '2026-06-15 16:00:00+00', 'vulnerability_found',  'medium',   'scanner',                NULL,     NULL,       'hetzner-cx43', 'External review (VIP-004): 0 critical, 2 high, 5 medium findings in the ACU pipeline'),
    ('SE-2026-003', TIMESTAMPTZ '2026-09-14 08:12:00+00', 'failed_login_burst',   'high',     'auth-service',           NULL,     NULL,       'hetzner-cx43', 'Credential-stuffing wave: 4,100 failed user logins from 900 IPs in 20 minutes'),
    ('SE-2026-004', TIMESTAMPTZ '2026-09-14 08:40:00+00', 'impossible_travel',    'high',     'auth-service',           NULL,     NULL,       'hetzner-cx43', 'Three user accounts signed in from new countries after the credential-stuffing wave'),
    ('SE-2026-005', TIMESTAMPTZ '2026-10-02 08:05:00+00', 'policy_violation',     'low',      'auth-service',           'TM-011', NULL,       NULL,           'Staff sign-in without MFA (device not yet enrolled)'),
    ('SE-2026-006', TIMESTAMPTZ '2026-10-06 09:00:00+00', 'privilege_grant',      'info',     'k8s-audit',              'TM-019', NULL,       NULL,           'sre-oncall role granted (UA-004)'),
    ('SE-2026-007', TIMESTAMPTZ '2026-10-09 03:12:00+00', 'failed_login_burst',   'medium',   'auth-service',           NULL,     NULL,       'hetzner-cx43', '12 attempts on admin accounts from 185.220.101.0/24 (Tor exit); source locked out'),
    ('SE-2026-008', TIMESTAMPTZ '2026-10-11 02:40:00+00', 'malware_detected',     'medium',   'ids',                    NULL,     NULL,       'hetzner-cx33', 'Falco: crypto-miner process in a CI runner container; runner destroyed'),
    ('SE-2026-009', TIMESTAMPTZ '2026-10-14 09:58:00+00', 'ddos_mitigated',       'high',     'cloudflare-waf',         NULL,     NULL,       'cloudflare-plan', 'Layer-7 flood on /api/context (1.8 M req/min); rate limits and a managed challenge applied'),
    ('SE-2026-010', TIMESTAMPTZ '2026-10-16 14:30:00+00', 'suspicious_api_usage', 'medium',   'siem',                   'TM-017', NULL,       NULL,           'Link in an e-mail impersonating the DAO treasury clicked by two staff members'),
    ('SE-2026-011', TIMESTAMPTZ '2026-10-18 21:00:00+00', 'suspicious_api_usage', 'low',      'cloudflare-waf',         NULL,     NULL,       'cloudflare-workers', 'Scraping of public wiki pages above the fair-use limit'),
    ('SE-2026-012', TIMESTAMPTZ '2026-10-20 06:52:00+00', 'impossible_travel',    'high',     'auth-service',           NULL,     'UID-0020', NULL,           'Wallet-signature logins from PT, SG and RU within 42 minutes; sessions revoked'),
    ('SE-2026-013', TIMESTAMPTZ '2026-10-01 04:00:00+00', 'key_rotation',         'info',     'vault',                  'TM-015', NULL,       NULL,           'JWT signing key rotated (KEY-JWT-2026-10)'),
    ('SE-2026-014', TIMESTAMPTZ '2026-10-22 02:15:00+00', 'config_change',        'low',      'k8s-audit',              'TM-014', NULL,       'hetzner-volume', 'Backup job excluded a new tablespace; logical dump partial'),
    ('SE-2026-015', TIMESTAMPTZ '2026-10-27 06:00:00+00', 'vulnerability_found',  'critical', 'scanner',                NULL,     NULL,       'hetzner-cx43', 'Trivy: critical OpenSSL CVE in the production API base image'),
    ('SE-2026-016', TIMESTAMPTZ '2026-10-29 15:40:00+00', 'policy_violation',     'medium',   'siem',                   'TM-010', NULL,       NULL,           'Attempted export of user PII from production without a purpose; denied'),
    ('SE-2026-017', TIMESTAMPTZ '2026-10-31 04:00:00+00', 'key_rotation',         'info',     'vault',                  'TM-015', NULL,       NULL,           'KYC vault key rotated (KEY-KYC-VAULT)')
) AS e(code, at, etype, severity, source, tm, uid, svc, descr);

-- -----------------------------------------------------------------------------
-- Intrusion detection alerts, October 2026 (deterministic pattern, 40 rows)
-- -----------------------------------------------------------------------------
INSERT INTO intrusion_detection (detected_at, sensor, signature_id, signature_name, severity, source_ip, source_country,
    target_service_id, action_taken, is_false_positive, security_event_id)
SELECT TIMESTAMPTZ '2026-10-01 00:00:00+00' + make_interval(hours => 18 * g, mins => (g * 37) % 60),
       s.sensor, s.sig_id, s.sig_name,
       CASE WHEN g IN (13, 18, 26) THEN 'high' ELSE s.severity END,
       ('198.51.100.' || (g * 11 % 250 + 1))::inet,
       (ARRAY['CN','US','RU','NL','BR','DE','VN','IN'])[1 + g % 8],
       (SELECT id FROM services WHERE code = s.svc),
       s.action,
       CASE WHEN g IN (18, 26) THEN true WHEN g % 5 = 0 THEN true WHEN g % 3 = 0 THEN false END,
       CASE WHEN g = 13 THEN (SELECT id FROM security_events WHERE code = 'SE-2026-009') END
FROM generate_series(0, 39) AS g
CROSS JOIN LATERAL (
    SELECT * FROM (VALUES
        (0, 'cloudflare-waf', 'CF-100173', 'SQL injection probe on query string',          'medium', 'cloudflare-plan',    'blocked'),
        (1, 'suricata-edge',  'ET-2001219','ET SCAN potential SSH scan',                    'low',    'hetzner-cx43',       'alerted'),
        (2, 'cloudflare-waf', 'CF-100514', 'Log4Shell-style JNDI lookup probe',             'medium', 'cloudflare-workers', 'blocked'),
        (3, 'wazuh-host',     'WZ-5712',   'SSHD brute force trying to get access',        'low',    'hetzner-cx33',       'rate_limited'),
        (4, 'falco-k8s',      'FALCO-TSH', 'Terminal shell in container',                   'medium', 'hetzner-cx53',       'alerted')
    ) AS t(k, sensor, sig_id, sig_name, severity, svc, action)
    WHERE t.k = g % 5
) s;

-- -----------------------------------------------------------------------------
-- Vulnerability scans  -- VIVIM plan figure (counts); the external review is
-- the fixed-fee test funded by DAO proposal VIP-004 (EUR 24,000, module 05)
-- -----------------------------------------------------------------------------
INSERT INTO vulnerability_scans (code, scanner, scan_type, target_service_id, target, started_at, completed_at, status,
    critical_count, high_count, medium_count, low_count, remediated_count, scan_cost, currency)
SELECT 'VS-' || to_char(w AT TIME ZONE 'UTC', 'YYYY-MM-DD') || '-' || t.short, t.scanner, t.stype, (SELECT id FROM services WHERE code = t.svc), t.target,
       w + t.offs, w + t.offs + t.dur, 'completed',
       CASE WHEN t.short = 'API' AND w = TIMESTAMPTZ '2026-10-26 06:00:00+00' THEN 1 ELSE 0 END,
       (wday + t.k) % 3, (wday + t.k) % 6 + 1, (wday * t.k) % 9 + 2,
       CASE WHEN t.short = 'API' AND w = TIMESTAMPTZ '2026-10-26 06:00:00+00' THEN 0
            ELSE (wday + t.k) % 3 + (wday + t.k) % 6 END,
       0, 'EUR'
FROM (SELECT ww AT TIME ZONE 'UTC' AS w, extract(day FROM ww)::int AS wday
      FROM generate_series(TIMESTAMP '2026-10-05 06:00', TIMESTAMP '2026-10-26 06:00', interval '7 days') AS ww) AS wk
CROSS JOIN (VALUES (1, 'API', 'trivy',      'container_image', 'hetzner-cx43', 'api image vivim/api:prod',       interval '0',        interval '6 minutes'),
                   (2, 'WRK', 'trivy',      'container_image', 'hetzner-cx53', 'worker image vivim/worker:prod', interval '10 minutes', interval '5 minutes'),
                   (3, 'DEP', 'dependabot', 'dependency',      NULL,           'monorepo dependencies',          interval '1 hour',   interval '20 minutes')) AS t(k, short, scanner, stype, svc, target, offs, dur);

INSERT INTO vulnerability_scans (code, scanner, scan_type, target_service_id, target, started_at, completed_at, status,
    critical_count, high_count, medium_count, low_count, remediated_count, scan_cost, currency)
SELECT v.code, v.scanner, v.stype, (SELECT id FROM services WHERE code = v.svc), v.target, v.started, v.completed, v.status,
       v.c, v.h, v.m, v.l, v.r, v.cost, 'EUR'
FROM (VALUES
    ('VS-2026-06-PENTEST', 'external-pentest', 'penetration_test', 'hetzner-cx43', 'ACU data pipeline and API (VIP-004)', TIMESTAMPTZ '2026-06-02 08:00:00+00', TIMESTAMPTZ '2026-06-15 16:00:00+00', 'completed', 0, 2, 5, 9, 16, 24000.00),
    ('VS-2026-09-DAST',    'owasp-zap',        'dast',             'cloudflare-workers', 'app.vivim.example',           TIMESTAMPTZ '2026-09-28 01:00:00+00', TIMESTAMPTZ '2026-09-28 03:10:00+00', 'completed', 0, 1, 3, 12, 14, 0),
    ('VS-2026-10-DAST',    'owasp-zap',        'dast',             'cloudflare-workers', 'app.vivim.example',           TIMESTAMPTZ '2026-10-26 01:00:00+00', TIMESTAMPTZ '2026-10-26 03:05:00+00', 'completed', 0, 0, 4, 10, 8, 0),
    ('VS-2026-10-INFRA',   'nuclei',           'infrastructure',   'hetzner-lb11', 'public edge and load balancer',     TIMESTAMPTZ '2026-10-15 02:00:00+00', TIMESTAMPTZ '2026-10-15 02:40:00+00', 'completed', 0, 0, 1, 4, 5, 0),
    ('VS-2026-11-INFRA',   'openvas',          'infrastructure',   'hetzner-cx33', 'internal network',                  TIMESTAMPTZ '2026-11-02 02:00:00+00', NULL,                                 'running',   0, 0, 0, 0, 0, 0)
) AS v(code, scanner, stype, svc, target, started, completed, status, c, h, m, l, r, cost);

-- -----------------------------------------------------------------------------
-- Security incidents  -- VIVIM plan figure
-- SEC-INC-2026-002 is the personal-data breach notified to the IDPC on
-- 2026-09-16 (regulatory_reports RR-IDPC-BREACH-01, module 12).
-- -----------------------------------------------------------------------------
INSERT INTO security_incidents (code, title, category, severity, status, security_event_id, incident_commander_id,
    detected_at, contained_at, closed_at, affected_users, personal_data_involved, authority_notified_at,
    estimated_cost, currency, root_cause)
SELECT i.code, i.title, i.category, i.severity, i.status, (SELECT id FROM security_events WHERE code = i.event),
       (SELECT id FROM team_members WHERE code = i.commander), i.detected, i.contained, i.closed, i.users, i.pdata, i.notified,
       i.cost, 'EUR', i.cause
FROM (VALUES
    ('SEC-INC-2026-001', 'Staging signing key leaked in a public fork', 'secret_leak', 'medium', 'closed', 'SE-2026-001', 'TM-004',
      TIMESTAMPTZ '2026-06-03 11:20:00+00', TIMESTAMPTZ '2026-06-03 12:05:00+00', TIMESTAMPTZ '2026-06-10 17:00:00+00', 0, false, NULL::timestamptz, 1200.00,
      'Key committed in a sample .env file; secret scanning now blocks pushes'),
    ('SEC-INC-2026-002', 'Credential stuffing: three user accounts taken over', 'account_takeover', 'high', 'closed', 'SE-2026-003', 'TM-015',
      TIMESTAMPTZ '2026-09-14 08:12:00+00', TIMESTAMPTZ '2026-09-14 10:30:00+00', TIMESTAMPTZ '2026-09-30 12:00:00+00', 3, true, TIMESTAMPTZ '2026-09-16 15:00:00+00', 4800.00,
      'Reused passwords without MFA; passkeys offered, breached-password check added'),
    ('SEC-INC-2026-003', 'Phishing e-mail impersonating the DAO treasury', 'phishing', 'medium', 'contained', 'SE-2026-010', 'TM-015',
      TIMESTAMPTZ '2026-10-16 14:30:00+00', TIMESTAMPTZ '2026-10-16 16:00:00+00', NULL, 0, false, NULL, 600.00, NULL),
    ('SEC-INC-2026-004', 'Layer-7 DDoS degraded the public API', 'ddos', 'high', 'closed', 'SE-2026-009', 'TM-004',
      TIMESTAMPTZ '2026-10-14 09:58:00+00', TIMESTAMPTZ '2026-10-14 11:10:00+00', TIMESTAMPTZ '2026-10-21 10:00:00+00', 9000, false, NULL, 900.00,
      'Unauthenticated /api/context endpoint without rate limits; WAF rules and per-key quotas added'),
    ('SEC-INC-2026-005', 'Wallet-signature logins from a mixer-linked address', 'unauthorized_access', 'medium', 'investigating', 'SE-2026-012', 'TM-015',
      TIMESTAMPTZ '2026-10-20 06:52:00+00', NULL, NULL, 1, true, NULL, 300.00, NULL),
    ('SEC-INC-2026-006', 'Critical OpenSSL CVE in the production API image', 'misconfiguration', 'high', 'open', 'SE-2026-015', 'TM-019',
      TIMESTAMPTZ '2026-10-27 06:00:00+00', NULL, NULL, 0, false, NULL, 400.00, NULL),
    ('SEC-INC-2026-007', 'KYC vendor announced a new sub-processor outside the EU', 'vendor', 'low', 'open', NULL, 'TM-016',
      TIMESTAMPTZ '2026-10-30 09:00:00+00', NULL, NULL, 0, true, NULL, 0.00, NULL)
) AS i(code, title, category, severity, status, event, commander, detected, contained, closed, users, pdata, notified, cost, cause);

-- -----------------------------------------------------------------------------
-- Incident actions  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO incident_actions (security_incident_id, action_seq, action_type, description, performed_by_member_id,
    performed_by_agent_id, performed_at, status, hours_spent)
SELECT si.id, a.seq, a.atype, a.descr, (SELECT id FROM team_members WHERE code = a.tm), (SELECT id FROM ai_agents WHERE code = a.agent),
       a.at, a.status, a.hours
FROM (VALUES
    ('SEC-INC-2026-001', 1, 'triage',        'Confirmed the key is valid for staging only',                 'TM-004', NULL,            TIMESTAMPTZ '2026-06-03 11:35:00+00', 'done', 0.5),
    ('SEC-INC-2026-001', 2, 'containment',   'Revoked and destroyed the key (KEY-API-STAGING)',             'TM-004', NULL,            TIMESTAMPTZ '2026-06-03 12:05:00+00', 'done', 0.5),
    ('SEC-INC-2026-001', 3, 'eradication',   'Enabled push protection for secrets on all repositories',     'TM-002', NULL,            TIMESTAMPTZ '2026-06-05 10:00:00+00', 'done', 2.0),
    ('SEC-INC-2026-001', 4, 'post_mortem',   'Post-mortem published in the wiki',                           'TM-004', NULL,            TIMESTAMPTZ '2026-06-10 16:00:00+00', 'done', 3.0),
    ('SEC-INC-2026-002', 1, 'triage',        'Correlated the login burst with the known breach corpus',    'TM-015', NULL,            TIMESTAMPTZ '2026-09-14 08:45:00+00', 'done', 1.5),
    ('SEC-INC-2026-002', 2, 'containment',   'Forced password reset and revoked sessions of 3 accounts',   'TM-015', NULL,            TIMESTAMPTZ '2026-09-14 10:30:00+00', 'done', 2.0),
    ('SEC-INC-2026-002', 3, 'notification',  'Art. 33 notification to the IDPC (RR-IDPC-BREACH-01)',        'TM-016', NULL,            TIMESTAMPTZ '2026-09-16 15:00:00+00', 'done', 4.0),
    ('SEC-INC-2026-002', 4, 'communication', 'Art. 34 notice to the three affected users',                  'TM-016', NULL,            TIMESTAMPTZ '2026-09-16 17:00:00+00', 'done', 1.5),
    ('SEC-INC-2026-002', 5, 'recovery',      'Passkeys and breached-password check rolled out',             'TM-002', NULL,            TIMESTAMPTZ '2026-09-25 12:00:00+00', 'done', 16.0),
    ('SEC-INC-2026-002', 6, 'post_mortem',   'Post-mortem and SOC 2 evidence filed',                        'TM-015', NULL,            TIMESTAMPTZ '2026-09-30 11:00:00+00', 'done', 3.0),
    ('SEC-INC-2026-003', 1, 'triage',        'Collected the e-mail headers and landing page',               'TM-015', NULL,            TIMESTAMPTZ '2026-10-16 14:50:00+00', 'done', 1.0),
    ('SEC-INC-2026-003', 2, 'containment',   'Blocked the domain; reset the two affected staff sessions',   'TM-015', NULL,            TIMESTAMPTZ '2026-10-16 16:00:00+00', 'done', 1.5),
    ('SEC-INC-2026-003', 3, 'communication', 'Warning posted to the community forum and newsletter',        'TM-020', NULL,            TIMESTAMPTZ '2026-10-17 09:00:00+00', 'done', 1.0),
    ('SEC-INC-2026-003', 4, 'eradication',   'Takedown request to the registrar',                           'TM-007', NULL,            TIMESTAMPTZ '2026-10-19 10:00:00+00', 'in_progress', 0.5),
    ('SEC-INC-2026-004', 1, 'triage',        'Identified the flood on /api/context',                        'TM-004', NULL,            TIMESTAMPTZ '2026-10-14 10:05:00+00', 'done', 0.5),
    ('SEC-INC-2026-004', 2, 'containment',   'Cloudflare rate limits and managed challenge',                'TM-014', NULL,            TIMESTAMPTZ '2026-10-14 11:10:00+00', 'done', 1.5),
    ('SEC-INC-2026-004', 3, 'recovery',      'Per-API-key quotas deployed',                                 'TM-002', NULL,            TIMESTAMPTZ '2026-10-17 15:00:00+00', 'done', 10.0),
    ('SEC-INC-2026-004', 4, 'post_mortem',   'Post-mortem published',                                       'TM-004', NULL,            TIMESTAMPTZ '2026-10-21 09:30:00+00', 'done', 2.5),
    ('SEC-INC-2026-005', 1, 'triage',        'Auto-triage: matched the AML alert TMA-2026-007 on the same wallet', NULL, 'issue-triage',  TIMESTAMPTZ '2026-10-20 06:55:00+00', 'done', 0.0),
    ('SEC-INC-2026-005', 2, 'containment',   'Revoked the sessions and froze payouts of UID-0020',           'TM-015', NULL,            TIMESTAMPTZ '2026-10-20 07:30:00+00', 'done', 1.0),
    ('SEC-INC-2026-005', 3, 'forensics',     'Review of the wallet history with the compliance team',       'TM-016', NULL,            TIMESTAMPTZ '2026-10-23 10:00:00+00', 'in_progress', 3.0),
    ('SEC-INC-2026-006', 1, 'triage',        'Auto-triage: routed the Trivy finding to SRE',                NULL,     'issue-triage',  TIMESTAMPTZ '2026-10-27 06:05:00+00', 'done', 0.0),
    ('SEC-INC-2026-006', 2, 'eradication',   'Rebuild the API image on the patched base image',             'TM-019', NULL,            TIMESTAMPTZ '2026-10-28 09:00:00+00', 'in_progress', 2.0),
    ('SEC-INC-2026-006', 3, 'recovery',      'Roll out the patched image to production',                    'TM-019', NULL,            TIMESTAMPTZ '2026-10-30 09:00:00+00', 'planned', 0.0),
    ('SEC-INC-2026-007', 1, 'triage',        'Checked the sub-processor notice against the DPA',            NULL,     'compliance-checker', TIMESTAMPTZ '2026-10-30 09:20:00+00', 'done', 0.0),
    ('SEC-INC-2026-007', 2, 'forensics',     'Transfer impact assessment requested from the vendor',        'TM-007', NULL,            TIMESTAMPTZ '2026-10-31 11:00:00+00', 'in_progress', 1.0)
) AS a(incident, seq, atype, descr, tm, agent, at, status, hours)
JOIN security_incidents si ON si.code = a.incident;

-- -----------------------------------------------------------------------------
-- Encryption keys (metadata only)  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO encryption_keys (code, purpose, algorithm, key_store, security_policy_id, owner_team_id, activated_on,
    rotation_period_days, last_rotated_on, next_rotation_due, expires_on, status)
SELECT k.code, k.purpose, k.alg, k.store, (SELECT id FROM security_policies WHERE code = 'SEC-POL-ENC'),
       (SELECT id FROM teams WHERE code = k.team), k.activated, k.rotation, k.last_rot,
       CASE WHEN k.rotation IS NOT NULL THEN COALESCE(k.last_rot, k.activated) + k.rotation END, k.expires, k.status
FROM (VALUES
    ('KEY-DB-2026',       'database_encryption', 'AES-256-GCM',       'hashicorp-vault', 'infra-sre',        DATE '2026-02-15', 365,        NULL::date,        NULL::date,        'active'),
    ('KEY-BACKUP-2026',   'backup_encryption',   'ChaCha20-Poly1305', 'sops-age',        'infra-sre',        DATE '2026-06-30', 180,        NULL,              NULL,              'active'),
    ('KEY-KYC-VAULT',     'kyc_document_vault',  'AES-256-GCM',       'hashicorp-vault', 'legal-compliance', DATE '2026-03-01', 90,         DATE '2026-10-31', NULL,              'active'),
    ('KEY-JWT-2026-09',   'jwt_signing',         'Ed25519',           'hashicorp-vault', 'core-platform',    DATE '2026-09-01', NULL,       NULL,              DATE '2026-10-08', 'retired'),
    ('KEY-JWT-2026-10',   'jwt_signing',         'Ed25519',           'hashicorp-vault', 'core-platform',    DATE '2026-10-01', 30,         NULL,              NULL,              'active'),
    ('KEY-TLS-API',       'tls',                 'ECDSA-P256',        'cloud-kms',       'infra-sre',        DATE '2026-08-20', 90,         NULL,              DATE '2026-11-18', 'active'),
    ('KEY-TREASURY-MSIG', 'treasury_multisig',   'secp256k1',         'hardware-wallet', 'operations',       DATE '2026-03-24', NULL,       NULL,              NULL,              'active'),
    ('KEY-VAULT-UNSEAL',  'secrets_unseal',      'AES-256-GCM',       'sops-age',        'security',         DATE '2026-02-15', 365,        NULL,              NULL,              'active'),
    ('KEY-API-STAGING',   'jwt_signing',         'Ed25519',           'hashicorp-vault', 'core-platform',    DATE '2026-03-10', NULL,       NULL,              DATE '2026-06-03', 'destroyed')
) AS k(code, purpose, alg, store, team, activated, rotation, last_rot, expires, status);

-- -----------------------------------------------------------------------------
-- Backup configurations. Monthly storage costs from list prices:
--  BK-PG-WAL     OVH object storage ~EUR 0.007/GB-mo x 400 GB = EUR 2.80   -- src: §1.2 civnode.com [S]
--  BK-PG-DAILY   Hetzner object storage, EUR 5.00/mo incl. 1 TB              -- src: §1.1 docs.hetzner.com [P]
--  BK-VOL-SNAP   Hetzner snapshots EUR 0.01/GB-mo x 2,000 GB = EUR 20.00    -- src: §1.1 docs.cnap.tech [S]
--  BK-KYC-VAULT  Exoscale recovery service, max EUR 0.12/GB x 50 GB = EUR 6.00 -- src: §1.3 api-evangelist/exoscale [S]
--  BK-CONFIG     Cloudflare R2 $0.015/GB-mo x 10 GB (first 10 GB free) = $0   -- src: §1.5 cloudflare-docs r2/pricing [P]
-- -----------------------------------------------------------------------------
INSERT INTO backup_configurations (code, name, source_service_id, source_description, backup_type, frequency, schedule_cron,
    retention_days, destination_provider_id, destination_region, encryption_key_id, rpo_minutes, rto_minutes,
    monthly_cost, currency, security_policy_id, is_active)
SELECT b.code, b.name, (SELECT id FROM services WHERE code = b.svc), b.src, b.btype, b.freq, b.cron, b.retention,
       (SELECT id FROM cloud_providers WHERE code = b.dest), b.region, (SELECT id FROM encryption_keys WHERE code = b.key_code),
       b.rpo, b.rto, b.cost, b.currency, (SELECT id FROM security_policies WHERE code = 'SEC-POL-BACKUP'), true
FROM (VALUES
    ('BK-PG-WAL',    'PostgreSQL WAL archive',        'hetzner-cx53',  'Primary PostgreSQL (self-hosted)', 'wal_archive',  'continuous', NULL,           7,  'ovhcloud',   'GRA (Gravelines)', 'KEY-BACKUP-2026',  5,   60,  2.80, 'EUR'),
    ('BK-PG-DAILY',  'PostgreSQL nightly dump',       'hetzner-cx53',  'Primary PostgreSQL (self-hosted)', 'logical_dump', 'daily',      '15 2 * * *',   35, 'hetzner',    'hel1',             'KEY-BACKUP-2026',  1440, 240, 5.00, 'EUR'),
    ('BK-VOL-SNAP',  'Block volume snapshots',        'hetzner-volume','ACU object volumes (2 TB)',        'snapshot',     'daily',      '45 3 * * *',   7,  'hetzner',    'fsn1',             'KEY-DB-2026',      1440, 120, 20.00,'EUR'),
    ('BK-KYC-VAULT', 'KYC document vault',            NULL,            'KYC document vault (encrypted objects)', 'full',   'weekly',     '0 4 * * 0',    35, 'exoscale',   'ch-gva-2',         'KEY-KYC-VAULT',    10080, 480, 6.00, 'EUR'),
    ('BK-CONFIG',    'Infrastructure config and secrets (encrypted)', NULL, 'Terraform state, Helm values, sops files', 'full', 'weekly', '30 4 * * 0',  90, 'cloudflare', 'EU jurisdiction',  'KEY-VAULT-UNSEAL', 10080, 60,  0.00, 'USD')
) AS b(code, name, svc, src, btype, freq, cron, retention, dest, region, key_code, rpo, rto, cost, currency);

-- -----------------------------------------------------------------------------
-- Backup records, October 2026: nightly dump and snapshots every day, WAL
-- archive daily verification, vault and config weekly (Sundays). Restore
-- tests of the nightly dump on Sundays. Failures: snapshot on 2026-10-14
-- (API degradation), partial dump on 2026-10-22 (SE-2026-014).
-- -----------------------------------------------------------------------------
INSERT INTO backup_records (backup_configuration_id, started_at, completed_at, status, size_gb, checksum_verified, restore_tested, error_message)
SELECT bc.id, x.started, x.started + x.duration, x.status, x.size_gb,
       x.status = 'success', x.status = 'success' AND x.restore, x.err
FROM (
    SELECT c.code,
           (d + c.at_time) AT TIME ZONE 'UTC' AS started,
           c.base_minutes * interval '1 minute' + (extract(day FROM d)::int % 4) * interval '1 minute' AS duration,
           CASE WHEN c.code = 'BK-VOL-SNAP' AND d = TIMESTAMP '2026-10-14' THEN 'failed'
                WHEN c.code = 'BK-PG-DAILY' AND d = TIMESTAMP '2026-10-22' THEN 'partial'
                ELSE 'success' END AS status,
           round(c.size0 + c.growth * (d::date - DATE '2026-10-01'), 3) AS size_gb,
           c.code = 'BK-PG-DAILY' AND extract(isodow FROM d) = 7 AS restore,
           CASE WHEN c.code = 'BK-VOL-SNAP' AND d = TIMESTAMP '2026-10-14' THEN 'Snapshot API timeout during the DDoS mitigation window'
                WHEN c.code = 'BK-PG-DAILY' AND d = TIMESTAMP '2026-10-22' THEN 'New tablespace excluded from the dump (config change SE-2026-014)' END AS err
    FROM generate_series(TIMESTAMP '2026-10-01', TIMESTAMP '2026-10-31', interval '1 day') AS d
    CROSS JOIN (VALUES ('BK-PG-WAL',    time '00:05', 3,   2.100::numeric, 0.040::numeric, false),
                       ('BK-PG-DAILY',  time '02:15', 18,  38.500, 0.310, false),
                       ('BK-VOL-SNAP',  time '03:45', 25,  1650.000, 6.500, false),
                       ('BK-KYC-VAULT', time '04:00', 12,  46.000, 0.150, true),
                       ('BK-CONFIG',    time '04:30', 2,   0.350, 0.001, true)) AS c(code, at_time, base_minutes, size0, growth, weekly)
    WHERE NOT c.weekly OR extract(isodow FROM d) = 7
) x
JOIN backup_configurations bc ON bc.code = x.code;

-- -----------------------------------------------------------------------------
-- Data access log: KYC document reviews (module 12 decisions), DSR exports,
-- daily wallet reconciliation reads by the treasury agent, incident forensics,
-- and one denied PII export.  -- VIVIM plan figure
-- -----------------------------------------------------------------------------
INSERT INTO data_access_log (accessed_at, team_member_id, ai_agent_id, user_access_id, subject_identity_id, data_category,
    entity_table, access_type, record_count, purpose, legal_basis, was_authorized)
-- KYC document reviews for T2/T3 decisions by the compliance officer
SELECT k.decided_at - interval '20 minutes', k.reviewed_by_member_id, NULL::bigint,
       (SELECT ua.id FROM user_access ua WHERE ua.code = 'UA-009'), k.user_identity_id, 'kyc_documents',
       'kyc_documents', 'read', (SELECT count(*) FROM kyc_documents d WHERE d.kyc_application_id = k.id)::int,
       'KYC decision ' || k.code, 'legal_obligation', true
FROM kyc_applications k
WHERE k.reviewed_by_member_id IS NOT NULL AND k.decided_at IS NOT NULL
UNION ALL
-- exports for access / portability requests
SELECT d.completed_at - interval '1 hour', d.handled_by_member_id, NULL,
       (SELECT ua.id FROM user_access ua WHERE ua.code = 'UA-009'), d.user_identity_id, 'pii',
       'community_members', 'export', 1, 'Data-subject request ' || d.code, 'legal_obligation', true
FROM data_deletion_requests d
WHERE d.request_type IN ('access','portability') AND d.completed_at IS NOT NULL
UNION ALL
-- treasury agent: daily wallet reconciliation (aggregated wallet balances)
SELECT (g + time '05:00') AT TIME ZONE 'UTC', NULL, (SELECT id FROM ai_agents WHERE code = 'treasury-monitor'),
       NULL, NULL, 'wallet', 'token_holdings', 'read', 60, 'Daily treasury reconciliation', 'legitimate_interest', true
FROM generate_series(TIMESTAMP '2026-10-01', TIMESTAMP '2026-10-31', interval '1 day') AS g
UNION ALL
-- incident forensics on authentication data
SELECT f.at, (SELECT id FROM team_members WHERE code = 'TM-015'), NULL,
       (SELECT ua.id FROM user_access ua WHERE ua.code = 'UA-005'),
       (SELECT id FROM user_identities WHERE code = f.uid), 'telemetry', 'authentication_log', 'read', f.n, f.purpose, 'legitimate_interest', true
FROM (VALUES (TIMESTAMPTZ '2026-10-09 08:00:00+00', NULL::text, 12, 'Forensics: admin brute-force burst'),
             (TIMESTAMPTZ '2026-10-14 12:00:00+00', NULL,       400, 'Forensics: DDoS source analysis'),
             (TIMESTAMPTZ '2026-10-20 07:10:00+00', 'UID-0020',   4, 'Forensics: SEC-INC-2026-005'),
             (TIMESTAMPTZ '2026-10-27 07:00:00+00', NULL,         0, 'Check for exploitation of the OpenSSL CVE')) AS f(at, uid, n, purpose)
UNION ALL
-- denied PII export attempt (SE-2026-016)
SELECT TIMESTAMPTZ '2026-10-29 15:40:00+00', (SELECT id FROM team_members WHERE code = 'TM-010'), NULL,
       (SELECT ua.id FROM user_access ua WHERE ua.code = 'UA-014'), NULL, 'pii', 'community_members', 'export', 0,
       'No documented purpose', 'legitimate_interest', false;

-- -----------------------------------------------------------------------------
-- Audit logs, derived from the rows above plus October deployments (deterministic)
-- -----------------------------------------------------------------------------
INSERT INTO audit_logs (occurred_at, actor_type, team_member_id, ai_agent_id, user_identity_id, action, entity_table, entity_key,
    outcome, request_id, ip_address, details)
-- access grants to staff
SELECT ua.granted_at, CASE WHEN ua.granted_by_member_id IS NULL THEN 'system' ELSE 'team_member' END, ua.granted_by_member_id, NULL::bigint, NULL::bigint,
       'grant', 'user_access', ua.code, 'success', 'req-' || md5('grant:' || ua.code), NULL::inet,
       jsonb_build_object('role', sr.code, 'scope', ua.access_scope)
FROM user_access ua JOIN security_roles sr ON sr.id = ua.security_role_id
UNION ALL
-- revocations
SELECT ua.revoked_at, 'team_member', COALESCE(ua.granted_by_member_id, (SELECT id FROM team_members WHERE code = 'TM-016')), NULL, NULL,
       'revoke', 'user_access', ua.code, 'success', 'req-' || md5('revoke:' || ua.code), NULL, jsonb_build_object('reason', ua.justification)
FROM user_access ua WHERE ua.revoked_at IS NOT NULL
UNION ALL
-- key rotations and activations
SELECT (k.activated_on + time '04:00') AT TIME ZONE 'UTC', 'system', NULL, NULL, NULL,
       'rotate_key', 'encryption_keys', k.code, 'success', 'req-' || md5('key:' || k.code), NULL, jsonb_build_object('purpose', k.purpose)
FROM encryption_keys k WHERE k.activated_on >= DATE '2026-06-01'
UNION ALL
-- restore tests
SELECT br.completed_at + interval '30 minutes', 'system', NULL, NULL, NULL, 'restore', 'backup_records',
       bc.code || '@' || to_char(br.started_at AT TIME ZONE 'UTC', 'YYYY-MM-DD'), 'success',
       'req-' || md5('restore:' || br.id), NULL, jsonb_build_object('target', 'restore-test database')
FROM backup_records br JOIN backup_configurations bc ON bc.id = br.backup_configuration_id
WHERE br.restore_tested
UNION ALL
-- production deployments on working days, alternating between developers; agents review first
SELECT (d + time '14:00' + make_interval(mins => n * 40)) AT TIME ZONE 'UTC',
       'team_member', (SELECT id FROM team_members WHERE code = (ARRAY['TM-002','TM-005','TM-018','TM-009','TM-022'])[1 + (extract(day FROM d)::int + n) % 5]),
       NULL, NULL, 'deploy', 'services', 'api@' || to_char(d, 'YYYYMMDD') || '.' || n,
       CASE WHEN extract(day FROM d)::int = 27 AND n = 1 THEN 'denied' ELSE 'success' END,
       'req-' || md5('deploy:' || d || ':' || n), ('10.20.1.' || (20 + n))::inet,
       jsonb_build_object('reviewed_by_agent', 'code-reviewer')
FROM generate_series(TIMESTAMP '2026-10-01', TIMESTAMP '2026-10-31', interval '1 day') AS d
CROSS JOIN generate_series(0, 1) AS n
WHERE extract(isodow FROM d) < 6
UNION ALL
-- agent configuration changes and user-side actions
SELECT a.at, a.actor, (SELECT id FROM team_members WHERE code = a.tm), (SELECT id FROM ai_agents WHERE code = a.agent),
       (SELECT id FROM user_identities WHERE code = a.uid), a.action, a.tbl, a.ekey, a.outcome, 'req-' || md5('misc:' || a.ekey || to_char(a.at AT TIME ZONE 'UTC', 'YYYYMMDDHH24MI')), NULL, NULL
FROM (VALUES
    (TIMESTAMPTZ '2026-10-03 10:00:00+00', 'ai_agent',      NULL,     'issue-triage',      NULL,       'update', 'work_tasks',        'label-rules-v3',     'success'),
    (TIMESTAMPTZ '2026-10-14 11:12:00+00', 'team_member',   'TM-014', NULL,                NULL,       'config_change', 'services',  'cloudflare-plan/waf-rules', 'success'),
    (TIMESTAMPTZ '2026-10-20 07:30:00+00', 'team_member',   'TM-015', NULL,                NULL,       'revoke', 'session_management','UID-0020 sessions',  'success'),
    (TIMESTAMPTZ '2026-10-22 02:15:00+00', 'team_member',   'TM-014', NULL,                NULL,       'config_change', 'backup_configurations', 'BK-PG-DAILY', 'success'),
    (TIMESTAMPTZ '2026-10-26 09:00:00+00', 'ai_agent',      NULL,     'compliance-checker',NULL,       'create', 'wiki_articles',     'gdpr-notice-review', 'success'),
    (TIMESTAMPTZ '2026-10-29 15:40:00+00', 'team_member',   'TM-010', NULL,                NULL,       'export', 'community_members', 'bulk-export',        'denied'),
    (TIMESTAMPTZ '2026-10-12 20:05:00+00', 'platform_user', NULL,     NULL,                'UID-0001', 'export', 'community_members', 'own ACU archive',    'success'),
    (TIMESTAMPTZ '2026-10-25 18:30:00+00', 'platform_user', NULL,     NULL,                'UID-0006', 'update', 'community_members', 'profile',            'success')
) AS a(at, actor, tm, agent, uid, action, tbl, ekey, outcome);

-- -----------------------------------------------------------------------------
-- Security KPIs into module 13's daily_metrics, October 2026 (2 x 31 rows)
-- -----------------------------------------------------------------------------
INSERT INTO daily_metrics (metric_definition_id, metric_date, dimension, value, currency, source)
SELECT (SELECT id FROM metric_definitions WHERE code = 'mfa_coverage_pct'), d::date, 'all',
       round(100.0 * count(DISTINCT tm.id) FILTER (WHERE EXISTS (
                 SELECT 1 FROM mfa_devices md
                 WHERE md.team_member_id = tm.id AND md.registered_at < (d + interval '1 day') AT TIME ZONE 'UTC'
                   AND (md.revoked_at IS NULL OR md.revoked_at >= (d + interval '1 day') AT TIME ZONE 'UTC')))
             / NULLIF(count(DISTINCT tm.id), 0), 2),
       NULL, 'derived: mfa_devices / active team_members'
FROM generate_series(TIMESTAMP '2026-10-01', TIMESTAMP '2026-10-31', interval '1 day') AS d
JOIN team_members tm ON tm.start_date <= d::date AND (tm.end_date IS NULL OR tm.end_date >= d::date)
GROUP BY d;

INSERT INTO daily_metrics (metric_definition_id, metric_date, dimension, value, currency, source)
SELECT (SELECT id FROM metric_definitions WHERE code = 'open_security_incidents'), d::date, 'all',
       (SELECT count(*) FROM security_incidents si
        WHERE si.detected_at < (d + interval '1 day') AT TIME ZONE 'UTC'
          AND (si.closed_at IS NULL OR si.closed_at >= (d + interval '1 day') AT TIME ZONE 'UTC')),
       NULL, 'derived: security_incidents open at the end of the day'
FROM generate_series(TIMESTAMP '2026-10-01', TIMESTAMP '2026-10-31', interval '1 day') AS d;
