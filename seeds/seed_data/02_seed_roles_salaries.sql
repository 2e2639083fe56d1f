-- VIVIM cost database, seed 02: role categories, roles, skills, role skills,
-- salary benchmarks (every role x every location, 2026) and contractor rates.
-- Source keys and flags: shared/data/labor-cost-facts.md (§1 salaries, §5 contractors, §7 keys).

SET client_min_messages = warning;

-- ---------------------------------------------------------------------------
-- Role categories (codes from CONVENTIONS.md)
-- ---------------------------------------------------------------------------
INSERT INTO role_categories (code, name, description) VALUES
('engineering',    'Software Engineering',        'Backend, frontend and full-stack product engineering'),
('ml',             'Machine Learning & Data',     'ML engineering, data science and data engineering'),
('infrastructure', 'Infrastructure & SRE',        'DevOps, platform and site reliability engineering'),
('security',       'Security',                    'Application, cloud and infrastructure security'),
('design',         'Design',                      'Product, UX and UI design'),
('product',        'Product Management',          'Product discovery, roadmap and delivery'),
('legal',          'Legal & Compliance',          'In-house counsel and regulatory compliance (GDPR, AI Act, MiCA)'),
('community',      'Community',                   'Community management, DAO and contributor relations'),
('operations',     'Operations',                  'Company operations, finance operations and administration');

-- ---------------------------------------------------------------------------
-- Roles. salary_family / salary_multiplier say how each role is priced from the
-- derived salary matrix (labor facts §1b); lead roles use the senior cell x multiplier.
-- Multipliers other than 1.00 are VIVIM estimates [EST]:
--   swe-lead 1.20 x senior backend (cf. ES tech lead 75-100k, ADE26 [SRC])
--   compliance-officer-mid 0.90 x mid legal counsel (cf. Malta compliance officer 45-70k, RIV25 [PROXY])
--   operations-manager-mid 0.90 x mid product manager (no source)
--   data-scientist-mid = data engineer mid (cf. ES data scientist median ~55.4k, MANF26 [SRC])
-- ---------------------------------------------------------------------------
INSERT INTO roles (code, title, role_category_id, seniority, salary_family, salary_multiplier,
                   years_experience_min, years_experience_max, is_people_manager, description)
SELECT v.code, v.title, (SELECT id FROM role_categories WHERE code = v.category), v.seniority, v.family, v.mult,
       v.ymin, v.ymax, v.mgr, v.descr
FROM (VALUES
    ('swe-junior',               'Software Engineer (Junior)',               'engineering',    'junior', 'backend',    1.00, 0, 2,    false, 'Full-stack / backend engineer, 0-2 years'),
    ('swe-mid',                  'Software Engineer',                        'engineering',    'mid',    'backend',    1.00, 3, 5,    false, 'Full-stack / backend engineer, 3-5 years'),
    ('swe-senior',               'Senior Software Engineer',                 'engineering',    'senior', 'backend',    1.00, 6, NULL, false, 'Senior individual contributor, 6+ years'),
    ('swe-lead',                 'Lead Software Engineer (Tech Lead)',       'engineering',    'lead',   'backend',    1.20, 8, NULL, true,  'Technical lead / architect with people responsibility'),
    ('frontend-junior',          'Frontend Engineer (Junior)',               'engineering',    'junior', 'frontend',   1.00, 0, 2,    false, 'Web and mobile UI engineering'),
    ('frontend-mid',             'Frontend Engineer',                        'engineering',    'mid',    'frontend',   1.00, 3, 5,    false, 'Web and mobile UI engineering'),
    ('frontend-senior',          'Senior Frontend Engineer',                 'engineering',    'senior', 'frontend',   1.00, 6, NULL, false, 'Frontend architecture, design systems'),
    ('backend-senior',           'Senior Backend Engineer',                  'engineering',    'senior', 'backend',    1.00, 6, NULL, false, 'APIs, data model, PostgreSQL, distributed systems'),
    ('ml-engineer-junior',       'ML Engineer (Junior)',                     'ml',             'junior', 'ml',         1.00, 0, 2,    false, 'Model integration, evaluation pipelines'),
    ('ml-engineer-mid',          'ML Engineer',                              'ml',             'mid',    'ml',         1.00, 3, 5,    false, 'RAG, embeddings, fine-tuning, inference serving'),
    ('ml-engineer-senior',       'Senior ML Engineer',                       'ml',             'senior', 'ml',         1.00, 6, NULL, false, 'Training pipelines, model architecture, ML platform'),
    ('data-scientist-mid',       'Data Scientist',                           'ml',             'mid',    'data',       1.00, 3, 5,    false, 'Analytics, experimentation, user and revenue models'),
    ('data-engineer-mid',        'Data Engineer',                            'ml',             'mid',    'data',       1.00, 3, 5,    false, 'Pipelines, warehouse, consent-aware data flows'),
    ('devops-mid',               'DevOps Engineer',                          'infrastructure', 'mid',    'devops_sre', 1.00, 3, 5,    false, 'CI/CD, infrastructure as code, Kubernetes'),
    ('devops-senior',            'Senior DevOps / Platform Engineer',        'infrastructure', 'senior', 'devops_sre', 1.00, 6, NULL, false, 'Platform engineering, multi-provider EU hosting'),
    ('sre-senior',               'Senior Site Reliability Engineer',         'infrastructure', 'senior', 'devops_sre', 1.00, 6, NULL, false, 'Reliability, observability, incident response, scaling'),
    ('security-engineer-senior', 'Senior Security Engineer',                 'security',       'senior', 'security',   1.00, 6, NULL, false, 'AppSec, cloud security, key management, audits (SOC 2)'),
    ('designer-mid',             'Product / UX Designer',                    'design',         'mid',    'design',     1.00, 3, 5,    false, 'UX research, interaction and UI design'),
    ('designer-senior',          'Senior Product Designer',                  'design',         'senior', 'design',     1.00, 6, NULL, false, 'Design systems, consent UX, research leadership'),
    ('product-manager-mid',      'Product Manager',                          'product',        'mid',    'product',    1.00, 3, 5,    false, 'Discovery, delivery, metrics'),
    ('product-manager-senior',   'Senior Product Manager',                   'product',        'senior', 'product',    1.00, 6, NULL, false, 'Strategy, roadmap, monetisation'),
    ('legal-counsel-mid',        'Legal Counsel',                            'legal',          'mid',    'legal',      1.00, 3, 5,    false, 'Contracts, privacy, employment'),
    ('legal-counsel-senior',     'Senior Legal Counsel',                     'legal',          'senior', 'legal',      1.00, 6, NULL, false, 'Regulatory (GDPR, EU AI Act, MiCA), corporate, token law'),
    ('compliance-officer-mid',   'Compliance Officer',                       'legal',          'mid',    'legal',      0.90, 3, 5,    false, 'GDPR/DPO tasks, KYC/AML programme, AI Act documentation'),
    ('community-manager-junior', 'Community Manager (Junior)',               'community',      'junior', 'community',  1.00, 0, 2,    false, 'Forums, moderation, onboarding'),
    ('community-manager-mid',    'Community Manager',                        'community',      'mid',    'community',  1.00, 3, 5,    false, 'Community programmes, DAO participation, contributor relations'),
    ('operations-manager-mid',   'Operations Manager',                       'operations',     'mid',    'product',    0.90, 3, 5,    false, 'Finance ops, vendors, hiring logistics, budgeting')
) AS v(code, title, category, seniority, family, mult, ymin, ymax, mgr, descr);

-- ---------------------------------------------------------------------------
-- Skills
-- ---------------------------------------------------------------------------
INSERT INTO skills (code, name, skill_type, description) VALUES
('typescript',          'TypeScript / Node.js',                 'technical',  'Backend and frontend TypeScript'),
('python',              'Python',                               'technical',  'Python for services, data and ML'),
('postgresql',          'PostgreSQL',                           'technical',  'Schema design, query tuning, replication'),
('api-design',          'API design',                           'technical',  'REST/GraphQL API design and versioning'),
('distributed-systems', 'Distributed systems',                  'technical',  'Queues, caching, consistency, scaling'),
('react',               'React / React Native',                 'technical',  'Web and mobile UI frameworks'),
('kubernetes',          'Kubernetes',                           'technical',  'Container orchestration'),
('terraform',           'Terraform / IaC',                      'tool',       'Infrastructure as code across Hetzner, OVHcloud, AWS'),
('observability',       'Observability',                        'technical',  'Metrics, logs, tracing, alerting (Grafana, Sentry)'),
('linux-ops',           'Linux operations',                     'technical',  'Server administration, networking, backups'),
('pytorch',             'PyTorch',                              'tool',       'Model training and fine-tuning'),
('llm-finetuning',      'LLM fine-tuning (LoRA/QLoRA)',         'technical',  'Parameter-efficient fine-tuning and evaluation'),
('rag-vector-search',   'RAG and vector search',                'technical',  'Embeddings, vector databases, retrieval pipelines'),
('data-pipelines',      'Data pipelines',                       'technical',  'ETL/ELT, streaming, data quality'),
('statistics',          'Statistics and experimentation',       'technical',  'A/B testing, forecasting, causal analysis'),
('appsec',              'Application security',                 'technical',  'Secure coding, pentest findings, OWASP'),
('threat-modeling',     'Threat modelling',                     'technical',  'STRIDE, risk assessment'),
('ux-research',         'UX research',                          'domain',     'Interviews, usability testing'),
('figma',               'Figma',                                'tool',       'UI design and prototyping'),
('product-discovery',   'Product discovery',                    'domain',     'Problem framing, prioritisation, metrics'),
('gdpr',                'GDPR',                                 'regulatory', 'EU data protection: DPIA, DPA, data-subject rights'),
('eu-ai-act',           'EU AI Act',                            'regulatory', 'Risk classification, transparency duties, documentation'),
('mica',                'MiCA and token regulation',            'regulatory', 'Crypto-asset rules, white papers, securities qualification'),
('contract-drafting',   'Contract drafting',                    'domain',     'Commercial, employment and contributor agreements'),
('community-building',  'Community building',                   'domain',     'Moderation, programmes, engagement'),
('dao-governance',      'DAO governance',                       'domain',     'Proposals, voting, treasury processes'),
('finops',              'Budgeting and FinOps',                 'domain',     'Budgets, cloud cost control, vendor management'),
('technical-writing',   'Technical writing',                    'soft',       'Documentation, specifications, wiki'),
('stakeholder-comms',   'Stakeholder communication',            'soft',       'Cross-team and community communication'),
('english-professional','Professional English',                 'language',   'Working language of the distributed team');

-- ---------------------------------------------------------------------------
-- Role skills (required_level 1-5)
-- ---------------------------------------------------------------------------
INSERT INTO role_skills (role_id, skill_id, required_level, is_mandatory)
SELECT r.id, s.id, v.lvl, v.mand
FROM (VALUES
    ('swe-junior', 'typescript', 2, true), ('swe-junior', 'postgresql', 2, true), ('swe-junior', 'api-design', 1, false), ('swe-junior', 'english-professional', 3, true),
    ('swe-mid', 'typescript', 3, true), ('swe-mid', 'postgresql', 3, true), ('swe-mid', 'api-design', 3, true), ('swe-mid', 'distributed-systems', 2, false),
    ('swe-senior', 'typescript', 4, true), ('swe-senior', 'postgresql', 4, true), ('swe-senior', 'distributed-systems', 4, true), ('swe-senior', 'api-design', 4, true),
    ('swe-lead', 'distributed-systems', 5, true), ('swe-lead', 'api-design', 5, true), ('swe-lead', 'stakeholder-comms', 4, true), ('swe-lead', 'technical-writing', 4, false),
    ('frontend-junior', 'react', 2, true), ('frontend-junior', 'typescript', 2, true),
    ('frontend-mid', 'react', 3, true), ('frontend-mid', 'typescript', 3, true), ('frontend-mid', 'figma', 2, false),
    ('frontend-senior', 'react', 4, true), ('frontend-senior', 'typescript', 4, true), ('frontend-senior', 'ux-research', 2, false),
    ('backend-senior', 'postgresql', 5, true), ('backend-senior', 'distributed-systems', 4, true), ('backend-senior', 'api-design', 4, true), ('backend-senior', 'python', 3, false),
    ('ml-engineer-junior', 'python', 3, true), ('ml-engineer-junior', 'pytorch', 2, true), ('ml-engineer-junior', 'rag-vector-search', 2, false),
    ('ml-engineer-mid', 'python', 4, true), ('ml-engineer-mid', 'pytorch', 3, true), ('ml-engineer-mid', 'rag-vector-search', 4, true), ('ml-engineer-mid', 'llm-finetuning', 3, true),
    ('ml-engineer-senior', 'python', 5, true), ('ml-engineer-senior', 'pytorch', 5, true), ('ml-engineer-senior', 'llm-finetuning', 5, true), ('ml-engineer-senior', 'rag-vector-search', 4, true), ('ml-engineer-senior', 'eu-ai-act', 2, false),
    ('data-scientist-mid', 'python', 4, true), ('data-scientist-mid', 'statistics', 4, true), ('data-scientist-mid', 'postgresql', 3, true),
    ('data-engineer-mid', 'python', 4, true), ('data-engineer-mid', 'data-pipelines', 4, true), ('data-engineer-mid', 'postgresql', 4, true), ('data-engineer-mid', 'gdpr', 2, false),
    ('devops-mid', 'kubernetes', 3, true), ('devops-mid', 'terraform', 3, true), ('devops-mid', 'linux-ops', 3, true), ('devops-mid', 'observability', 2, false),
    ('devops-senior', 'kubernetes', 4, true), ('devops-senior', 'terraform', 4, true), ('devops-senior', 'linux-ops', 4, true), ('devops-senior', 'finops', 3, false),
    ('sre-senior', 'observability', 5, true), ('sre-senior', 'kubernetes', 4, true), ('sre-senior', 'distributed-systems', 4, true), ('sre-senior', 'postgresql', 3, false),
    ('security-engineer-senior', 'appsec', 5, true), ('security-engineer-senior', 'threat-modeling', 4, true), ('security-engineer-senior', 'linux-ops', 3, true), ('security-engineer-senior', 'gdpr', 3, false),
    ('designer-mid', 'figma', 4, true), ('designer-mid', 'ux-research', 3, true),
    ('designer-senior', 'figma', 5, true), ('designer-senior', 'ux-research', 4, true), ('designer-senior', 'gdpr', 2, false),
    ('product-manager-mid', 'product-discovery', 3, true), ('product-manager-mid', 'stakeholder-comms', 3, true), ('product-manager-mid', 'statistics', 2, false),
    ('product-manager-senior', 'product-discovery', 5, true), ('product-manager-senior', 'stakeholder-comms', 4, true), ('product-manager-senior', 'eu-ai-act', 2, false),
    ('legal-counsel-mid', 'contract-drafting', 4, true), ('legal-counsel-mid', 'gdpr', 3, true),
    ('legal-counsel-senior', 'contract-drafting', 5, true), ('legal-counsel-senior', 'gdpr', 4, true), ('legal-counsel-senior', 'eu-ai-act', 4, true), ('legal-counsel-senior', 'mica', 4, true),
    ('compliance-officer-mid', 'gdpr', 4, true), ('compliance-officer-mid', 'eu-ai-act', 3, true), ('compliance-officer-mid', 'mica', 3, false), ('compliance-officer-mid', 'technical-writing', 3, false),
    ('community-manager-junior', 'community-building', 2, true), ('community-manager-junior', 'english-professional', 4, true),
    ('community-manager-mid', 'community-building', 4, true), ('community-manager-mid', 'dao-governance', 3, true), ('community-manager-mid', 'stakeholder-comms', 3, true),
    ('operations-manager-mid', 'finops', 4, true), ('operations-manager-mid', 'stakeholder-comms', 3, true), ('operations-manager-mid', 'contract-drafting', 2, false)
) AS v(role_code, skill_code, lvl, mand)
JOIN roles r  ON r.code = v.role_code
JOIN skills s ON s.code = v.skill_code;

-- ---------------------------------------------------------------------------
-- Salary benchmarks, year 2026: every role x every location.
-- Matrix = labor facts §1b, thousands per year, low / mid / high; all cells [EST]
-- (band low = 0.85 x mid, high = 1.20 x mid around anchors of §1a).
-- dagger = cell set directly from role-specific sources (legal, community,
-- London ML/data, SF ML) instead of the role multiplier.
-- Palermo uses the Catania cells, Sliema the Valletta cells [PROXY].
-- Anchor sources per matrix:
--   ES-PMI  -- src: est. from MANF25, MANF26, PAS25, JOPPY22, INE-DM (Baleares ≈98% of Spain) [EST]
--   IT-CTA  -- src: est. from EXP24, EXP25 (Catania / South) [EST]
--   MT-VLT  -- src: est. from GRS23, RIV25 [EST]
--   DE-BER  -- src: est. from HP24, HP25, PB26 [EST]
--   GB-LON  -- src: est. from ITJW, SS26, PML26 [EST]
--   US-SFO  -- src: est. from KRUZE, BLS, CARTA25 [EST]
--   legal   -- src: HAYS20 (ES), KEYP x0.75 (IT), RIV25 compliance proxy (MT), ACAD/GEH22 (DE), RNH25/PS-UK (UK), BG24 (US) [EST]
--   community -- src: BVCM, GVC, CMX16, floor at Spanish SMI [EST]
-- ---------------------------------------------------------------------------
INSERT INTO salary_benchmarks (role_id, location_id, seniority, year, annual_low, annual_mid, annual_high, currency,
                               pay_basis, source_key, source_flag, is_estimate, derivation_note)
WITH salary_matrix (matrix_code, family, seniority, low_k, mid_k, high_k, is_dagger) AS (
    VALUES
    ('ES-PMI', 'backend', 'junior', 23, 27, 32, false),
    ('ES-PMI', 'backend', 'mid', 34, 40, 48, false),
    ('ES-PMI', 'backend', 'senior', 47, 55, 66, false),
    ('ES-PMI', 'frontend', 'junior', 22, 26, 31, false),
    ('ES-PMI', 'frontend', 'mid', 32, 38, 46, false),
    ('ES-PMI', 'frontend', 'senior', 44, 52, 63, false),
    ('ES-PMI', 'ml', 'junior', 26, 31, 37, false),
    ('ES-PMI', 'ml', 'mid', 39, 46, 55, false),
    ('ES-PMI', 'ml', 'senior', 54, 63, 76, false),
    ('ES-PMI', 'devops_sre', 'junior', 25, 29, 35, false),
    ('ES-PMI', 'devops_sre', 'mid', 37, 43, 52, false),
    ('ES-PMI', 'devops_sre', 'senior', 50, 59, 71, false),
    ('ES-PMI', 'security', 'junior', 25, 29, 35, false),
    ('ES-PMI', 'security', 'mid', 37, 43, 52, false),
    ('ES-PMI', 'security', 'senior', 50, 59, 71, false),
    ('ES-PMI', 'data', 'junior', 24, 28, 34, false),
    ('ES-PMI', 'data', 'mid', 36, 42, 50, false),
    ('ES-PMI', 'data', 'senior', 49, 58, 69, false),
    ('ES-PMI', 'design', 'junior', 20, 23, 28, false),
    ('ES-PMI', 'design', 'mid', 29, 34, 41, false),
    ('ES-PMI', 'design', 'senior', 40, 47, 56, false),
    ('ES-PMI', 'product', 'junior', 23, 28, 33, false),
    ('ES-PMI', 'product', 'mid', 35, 41, 49, false),
    ('ES-PMI', 'product', 'senior', 48, 56, 67, false),
    ('ES-PMI', 'legal', 'junior', 27, 32, 38, true),
    ('ES-PMI', 'legal', 'mid', 38, 45, 54, true),
    ('ES-PMI', 'legal', 'senior', 51, 60, 72, true),
    ('ES-PMI', 'community', 'junior', 17, 20, 24, true),
    ('ES-PMI', 'community', 'mid', 22, 26, 31, true),
    ('ES-PMI', 'community', 'senior', 29, 34, 41, true),
    ('IT-CTA', 'backend', 'junior', 20, 24, 29, false),
    ('IT-CTA', 'backend', 'mid', 29, 34, 41, false),
    ('IT-CTA', 'backend', 'senior', 40, 47, 56, false),
    ('IT-CTA', 'frontend', 'junior', 19, 23, 27, false),
    ('IT-CTA', 'frontend', 'mid', 27, 32, 39, false),
    ('IT-CTA', 'frontend', 'senior', 38, 45, 54, false),
    ('IT-CTA', 'ml', 'junior', 23, 28, 33, false),
    ('IT-CTA', 'ml', 'mid', 33, 39, 47, false),
    ('IT-CTA', 'ml', 'senior', 46, 54, 65, false),
    ('IT-CTA', 'devops_sre', 'junior', 22, 26, 31, false),
    ('IT-CTA', 'devops_sre', 'mid', 31, 37, 44, false),
    ('IT-CTA', 'devops_sre', 'senior', 43, 51, 61, false),
    ('IT-CTA', 'security', 'junior', 22, 26, 31, false),
    ('IT-CTA', 'security', 'mid', 31, 37, 44, false),
    ('IT-CTA', 'security', 'senior', 43, 51, 61, false),
    ('IT-CTA', 'data', 'junior', 21, 25, 30, false),
    ('IT-CTA', 'data', 'mid', 30, 36, 43, false),
    ('IT-CTA', 'data', 'senior', 42, 49, 59, false),
    ('IT-CTA', 'design', 'junior', 17, 20, 24, false),
    ('IT-CTA', 'design', 'mid', 25, 29, 35, false),
    ('IT-CTA', 'design', 'senior', 34, 40, 48, false),
    ('IT-CTA', 'product', 'junior', 21, 24, 29, false),
    ('IT-CTA', 'product', 'mid', 29, 35, 42, false),
    ('IT-CTA', 'product', 'senior', 41, 48, 58, false),
    ('IT-CTA', 'legal', 'junior', 28, 33, 40, true),
    ('IT-CTA', 'legal', 'mid', 36, 42, 50, true),
    ('IT-CTA', 'legal', 'senior', 48, 56, 67, true),
    ('IT-CTA', 'community', 'junior', 17, 20, 24, true),
    ('IT-CTA', 'community', 'mid', 21, 25, 30, true),
    ('IT-CTA', 'community', 'senior', 27, 32, 38, true),
    ('MT-VLT', 'backend', 'junior', 26, 30, 36, false),
    ('MT-VLT', 'backend', 'mid', 38, 45, 54, false),
    ('MT-VLT', 'backend', 'senior', 53, 62, 74, false),
    ('MT-VLT', 'frontend', 'junior', 24, 28, 34, false),
    ('MT-VLT', 'frontend', 'mid', 36, 43, 51, false),
    ('MT-VLT', 'frontend', 'senior', 50, 59, 71, false),
    ('MT-VLT', 'ml', 'junior', 29, 34, 41, false),
    ('MT-VLT', 'ml', 'mid', 44, 52, 62, false),
    ('MT-VLT', 'ml', 'senior', 61, 71, 86, false),
    ('MT-VLT', 'devops_sre', 'junior', 28, 32, 39, false),
    ('MT-VLT', 'devops_sre', 'mid', 41, 49, 58, false),
    ('MT-VLT', 'devops_sre', 'senior', 57, 67, 80, false),
    ('MT-VLT', 'security', 'junior', 28, 32, 39, false),
    ('MT-VLT', 'security', 'mid', 41, 49, 58, false),
    ('MT-VLT', 'security', 'senior', 57, 67, 80, false),
    ('MT-VLT', 'data', 'junior', 27, 32, 38, false),
    ('MT-VLT', 'data', 'mid', 40, 47, 57, false),
    ('MT-VLT', 'data', 'senior', 55, 65, 78, false),
    ('MT-VLT', 'design', 'junior', 22, 26, 31, false),
    ('MT-VLT', 'design', 'mid', 33, 38, 46, false),
    ('MT-VLT', 'design', 'senior', 45, 53, 63, false),
    ('MT-VLT', 'product', 'junior', 26, 31, 37, false),
    ('MT-VLT', 'product', 'mid', 39, 46, 55, false),
    ('MT-VLT', 'product', 'senior', 54, 63, 76, false),
    ('MT-VLT', 'legal', 'junior', 30, 35, 42, true),
    ('MT-VLT', 'legal', 'mid', 42, 50, 60, true),
    ('MT-VLT', 'legal', 'senior', 60, 70, 84, true),
    ('MT-VLT', 'community', 'junior', 19, 22, 26, true),
    ('MT-VLT', 'community', 'mid', 24, 28, 34, true),
    ('MT-VLT', 'community', 'senior', 32, 38, 46, true),
    ('DE-BER', 'backend', 'junior', 47, 55, 66, false),
    ('DE-BER', 'backend', 'mid', 60, 70, 84, false),
    ('DE-BER', 'backend', 'senior', 75, 88, 106, false),
    ('DE-BER', 'frontend', 'junior', 44, 52, 63, false),
    ('DE-BER', 'frontend', 'mid', 57, 66, 80, false),
    ('DE-BER', 'frontend', 'senior', 71, 84, 100, false),
    ('DE-BER', 'ml', 'junior', 54, 63, 76, false),
    ('DE-BER', 'ml', 'mid', 68, 80, 97, false),
    ('DE-BER', 'ml', 'senior', 86, 101, 121, false),
    ('DE-BER', 'devops_sre', 'junior', 50, 59, 71, false),
    ('DE-BER', 'devops_sre', 'mid', 64, 76, 91, false),
    ('DE-BER', 'devops_sre', 'senior', 81, 95, 114, false),
    ('DE-BER', 'security', 'junior', 50, 59, 71, false),
    ('DE-BER', 'security', 'mid', 64, 76, 91, false),
    ('DE-BER', 'security', 'senior', 81, 95, 114, false),
    ('DE-BER', 'data', 'junior', 49, 58, 69, false),
    ('DE-BER', 'data', 'mid', 62, 74, 88, false),
    ('DE-BER', 'data', 'senior', 79, 92, 111, false),
    ('DE-BER', 'design', 'junior', 40, 47, 56, false),
    ('DE-BER', 'design', 'mid', 51, 60, 71, false),
    ('DE-BER', 'design', 'senior', 64, 75, 90, false),
    ('DE-BER', 'product', 'junior', 48, 56, 67, false),
    ('DE-BER', 'product', 'mid', 61, 71, 86, false),
    ('DE-BER', 'product', 'senior', 76, 90, 108, false),
    ('DE-BER', 'legal', 'junior', 49, 58, 70, true),
    ('DE-BER', 'legal', 'mid', 61, 72, 86, true),
    ('DE-BER', 'legal', 'senior', 81, 95, 114, true),
    ('DE-BER', 'community', 'junior', 27, 32, 38, true),
    ('DE-BER', 'community', 'mid', 34, 40, 48, true),
    ('DE-BER', 'community', 'senior', 44, 52, 62, true),
    ('GB-LON', 'backend', 'junior', 36, 42, 50, false),
    ('GB-LON', 'backend', 'mid', 53, 62, 74, false),
    ('GB-LON', 'backend', 'senior', 72, 85, 102, false),
    ('GB-LON', 'frontend', 'junior', 34, 40, 48, false),
    ('GB-LON', 'frontend', 'mid', 50, 59, 71, false),
    ('GB-LON', 'frontend', 'senior', 69, 81, 97, false),
    ('GB-LON', 'ml', 'junior', 47, 55, 66, true),
    ('GB-LON', 'ml', 'mid', 68, 80, 96, true),
    ('GB-LON', 'ml', 'senior', 89, 105, 126, true),
    ('GB-LON', 'devops_sre', 'junior', 39, 45, 54, false),
    ('GB-LON', 'devops_sre', 'mid', 57, 67, 80, false),
    ('GB-LON', 'devops_sre', 'senior', 78, 92, 110, false),
    ('GB-LON', 'security', 'junior', 39, 45, 54, false),
    ('GB-LON', 'security', 'mid', 57, 67, 80, false),
    ('GB-LON', 'security', 'senior', 78, 92, 110, false),
    ('GB-LON', 'data', 'junior', 41, 48, 58, true),
    ('GB-LON', 'data', 'mid', 56, 66, 79, true),
    ('GB-LON', 'data', 'senior', 76, 90, 108, true),
    ('GB-LON', 'design', 'junior', 30, 36, 43, false),
    ('GB-LON', 'design', 'mid', 45, 53, 63, false),
    ('GB-LON', 'design', 'senior', 61, 72, 87, false),
    ('GB-LON', 'product', 'junior', 36, 43, 51, false),
    ('GB-LON', 'product', 'mid', 54, 63, 76, false),
    ('GB-LON', 'product', 'senior', 74, 87, 104, false),
    ('GB-LON', 'legal', 'junior', 55, 65, 78, true),
    ('GB-LON', 'legal', 'mid', 81, 95, 114, true),
    ('GB-LON', 'legal', 'senior', 110, 130, 156, true),
    ('GB-LON', 'community', 'junior', 22, 26, 31, true),
    ('GB-LON', 'community', 'mid', 29, 34, 41, true),
    ('GB-LON', 'community', 'senior', 39, 46, 55, true),
    ('US-SFO', 'backend', 'junior', 106, 125, 150, false),
    ('US-SFO', 'backend', 'mid', 140, 165, 198, false),
    ('US-SFO', 'backend', 'senior', 178, 210, 252, false),
    ('US-SFO', 'frontend', 'junior', 101, 119, 142, false),
    ('US-SFO', 'frontend', 'mid', 133, 157, 188, false),
    ('US-SFO', 'frontend', 'senior', 170, 200, 239, false),
    ('US-SFO', 'ml', 'junior', 128, 150, 180, true),
    ('US-SFO', 'ml', 'mid', 170, 200, 240, true),
    ('US-SFO', 'ml', 'senior', 217, 255, 306, true),
    ('US-SFO', 'devops_sre', 'junior', 115, 135, 162, false),
    ('US-SFO', 'devops_sre', 'mid', 151, 178, 214, false),
    ('US-SFO', 'devops_sre', 'senior', 193, 227, 272, false),
    ('US-SFO', 'security', 'junior', 115, 135, 162, false),
    ('US-SFO', 'security', 'mid', 151, 178, 214, false),
    ('US-SFO', 'security', 'senior', 193, 227, 272, false),
    ('US-SFO', 'data', 'junior', 112, 131, 158, false),
    ('US-SFO', 'data', 'mid', 147, 173, 208, false),
    ('US-SFO', 'data', 'senior', 187, 220, 265, false),
    ('US-SFO', 'design', 'junior', 90, 106, 128, false),
    ('US-SFO', 'design', 'mid', 119, 140, 168, false),
    ('US-SFO', 'design', 'senior', 152, 178, 214, false),
    ('US-SFO', 'product', 'junior', 108, 128, 153, false),
    ('US-SFO', 'product', 'mid', 143, 168, 202, false),
    ('US-SFO', 'product', 'senior', 182, 214, 257, false),
    ('US-SFO', 'legal', 'junior', 136, 160, 192, true),
    ('US-SFO', 'legal', 'mid', 178, 210, 252, true),
    ('US-SFO', 'legal', 'senior', 234, 275, 330, true),
    ('US-SFO', 'community', 'junior', 64, 75, 90, true),
    ('US-SFO', 'community', 'mid', 81, 95, 114, true),
    ('US-SFO', 'community', 'senior', 106, 125, 150, true)),
location_matrix (location_code, matrix_code, base_source, legal_source, flag) AS (
    VALUES
    ('ES-PMI', 'ES-PMI', 'est. from MANF25/MANF26/PAS25/JOPPY22/INE-DM', 'HAYS20',        'EST'),
    ('IT-CTA', 'IT-CTA', 'est. from EXP24/EXP25',                        'KEYP x0.75',    'EST'),
    ('IT-PMO', 'IT-CTA', 'est. from EXP24/EXP25 (Catania cells)',        'KEYP x0.75',    'PROXY'),
    ('MT-VLT', 'MT-VLT', 'est. from GRS23/RIV25',                        'RIV25 (compliance proxy)', 'EST'),
    ('MT-SLM', 'MT-VLT', 'est. from GRS23/RIV25 (Valletta cells)',       'RIV25 (compliance proxy)', 'PROXY'),
    ('DE-BER', 'DE-BER', 'est. from HP24/HP25/PB26',                     'ACAD/GEH22',    'EST'),
    ('GB-LON', 'GB-LON', 'est. from ITJW/SS26/PML26',                    'RNH25/PS-UK',   'EST'),
    ('US-SFO', 'US-SFO', 'est. from KRUZE/BLS/CARTA25',                  'BG24',          'EST')
)
SELECT r.id,
       l.id,
       r.seniority,
       2026,
       ROUND(m.low_k  * 1000 * r.salary_multiplier, -2),
       ROUND(m.mid_k  * 1000 * r.salary_multiplier, -2),
       ROUND(m.high_k * 1000 * r.salary_multiplier, -2),
       l.currency,
       CASE WHEN l.country_code = 'IT' THEN 'ral' ELSE 'annual_gross_base' END,
       CASE
           WHEN r.salary_family = 'legal'     THEN lm.legal_source
           WHEN r.salary_family = 'community' THEN 'BVCM/GVC/CMX16 (+SMI floor)'
           WHEN m.is_dagger AND r.salary_family = 'ml'   AND lm.matrix_code = 'GB-LON' THEN 'ITJW'
           WHEN m.is_dagger AND r.salary_family = 'data' AND lm.matrix_code = 'GB-LON' THEN 'PML26'
           WHEN m.is_dagger AND r.salary_family = 'ml'   AND lm.matrix_code = 'US-SFO' THEN 'CC26'
           ELSE lm.base_source
       END || ' via labor facts §1b',
       lm.flag,
       true,
       'Matrix cell ' || m.family || '/' || m.seniority || ' of ' || lm.matrix_code
         || CASE WHEN r.salary_multiplier <> 1 THEN ' x ' || r.salary_multiplier::text ELSE '' END
         || CASE WHEN m.is_dagger THEN ' (role-specific source cell)' ELSE '' END
FROM roles r
CROSS JOIN location_matrix lm
JOIN locations l     ON l.code = lm.location_code
JOIN salary_matrix m ON m.matrix_code = lm.matrix_code
                    AND m.family = r.salary_family
                    AND m.seniority = CASE WHEN r.seniority = 'lead' THEN 'senior' ELSE r.seniority END;

-- ---------------------------------------------------------------------------
-- Contractor / freelance rates (labor facts §5)
-- ---------------------------------------------------------------------------
INSERT INTO contractor_rates (code, location_id, role_category_id, description, seniority, rate_unit,
                              rate_low, rate_mid, rate_high, currency, observed_year, source_key, source_flag,
                              is_estimate, notes)
SELECT v.code, (SELECT id FROM locations WHERE code = v.loc), (SELECT id FROM role_categories WHERE code = v.cat),
       v.descr, v.sen, v.unit, v.lo, v.mid, v.hi, v.cur, v.yr, v.src, v.flag, v.est, v.notes
FROM (VALUES
    ('GB-LON-BACKEND-DAY',    'GB-LON', 'engineering', 'Backend developer contract, London',            'senior', 'day',  450::numeric, 525::numeric, 650::numeric, 'GBP', 2025::smallint, 'ITJW', 'SRC', false, 'P25 / median / P75, 6 months to Nov-2025; P90 £778'), -- src: ITJW [SRC]
    ('GB-LON-IT-ALL-DAY',     'GB-LON', 'engineering', 'All IT contracts, London',                      NULL,     'day',  533, 538, 543, 'GBP', 2025, 'ITJW', 'SRC', false, 'Median ~533-543'), -- src: ITJW [SRC]
    ('GB-LON-ML-DAY',         'GB-LON', 'ml',          'Machine learning contract, City of London',     'senior', 'day',  NULL, 625, NULL, 'GBP', 2026, 'ITJW', 'SRC', false, 'Median, Feb-2026'), -- src: ITJW [SRC]
    ('DE-BER-IT-FREELANCE-HOUR', 'DE-BER', 'engineering', 'IT freelancer average, Germany',             'senior', 'hour', 96, 100, NULL, 'EUR', 2023, 'FMAP', 'SRC', false, '>€100/h (2023), €96/h (2022); ≈€770-800/day at 8 h [EST]'), -- src: FMAP [SRC]
    ('DE-BER-DEV-HOUR',       'DE-BER', 'engineering', 'Freelance developers, Germany',                 'senior', 'hour', 86, 87.50, 89, 'EUR', 2021, 'FMAP', 'SRC', false, '≈€690-710/day [EST]'), -- src: FMAP [SRC]
    ('DE-BER-COMMUNITY-DAY',  'DE-BER', 'community',   'Freelance community manager, Germany',          'mid',    'day',  NULL, 350, 400, 'EUR', 2023, 'BVCM', 'EST', true, 'Source: typically <=€400/day [SRC]; mid €350 [EST]'), -- src: BVCM [SRC high, EST mid]
    ('IT-CTA-DEV-5Y-DAY',     'IT-CTA', 'engineering', 'Italian developers with >5 years, minimum day rate', 'senior', 'day', 150, 200, NULL, 'EUR', 2020, 'BITBOSS', 'SRC', false, '71% never below €150; 52% never below €200 (national)'), -- src: BITBOSS [SRC]
    ('IT-CTA-SENIOR-DEV-DAY', 'IT-CTA', 'engineering', 'Senior developer, Sicily',                      'senior', 'day',  250, 325, 400, 'EUR', 2025, 'est. from BITBOSS/Italy rows', 'EST', true, NULL), -- src: est. [EST]
    ('IT-PMO-SENIOR-DEV-DAY', 'IT-PMO', 'engineering', 'Senior developer, Sicily',                      'senior', 'day',  250, 325, 400, 'EUR', 2025, 'est. from BITBOSS/Italy rows', 'EST', true, NULL), -- src: est. [EST]
    ('IT-CTA-ARCHITECT-DAY',  'IT-CTA', 'engineering', 'Freelance software architect, Italy',           'lead',   'day',  500, 750, 1000, 'EUR', 2026, 'sviluppatoremigliore', 'LOW-Q', false, 'National'), -- src: sviluppatoremigliore [LOW-Q]
    ('ES-PMI-DEV-JUNIOR-HOUR','ES-PMI', 'engineering', 'Freelance developer, Spain, junior',            'junior', 'hour', 20, 27.50, 35, 'USD', 2025, 'slashdev.io', 'LOW-Q', false, 'National, USD as quoted'), -- src: slashdev.io [LOW-Q]
    ('ES-PMI-DEV-MID-HOUR',   'ES-PMI', 'engineering', 'Freelance developer, Spain, mid',               'mid',    'hour', 35, 42.50, 50, 'USD', 2025, 'slashdev.io', 'LOW-Q', false, 'National, USD as quoted'), -- src: slashdev.io [LOW-Q]
    ('ES-PMI-DEV-SENIOR-HOUR','ES-PMI', 'engineering', 'Freelance developer, Spain, senior',            'senior', 'hour', 50, 62.50, 75, 'USD', 2025, 'slashdev.io', 'LOW-Q', false, 'National, USD as quoted'), -- src: slashdev.io [LOW-Q]
    ('ES-PMI-SENIOR-DEV-DAY', 'ES-PMI', 'engineering', 'Senior developer, Palma',                       'senior', 'day',  350, 450, 550, 'EUR', 2025, 'est. from Spain row', 'EST', true, NULL), -- src: est. [EST]
    ('MT-VLT-SENIOR-DEV-DAY', 'MT-VLT', 'engineering', 'Senior developer, Malta',                       'senior', 'day',  350, 450, 550, 'EUR', 2025, 'est. (TalentUp Malta 2026 benchmark exists, no figure captured)', 'EST', true, NULL), -- src: est. [EST]
    ('MT-SLM-SENIOR-DEV-DAY', 'MT-SLM', 'engineering', 'Senior developer, Malta',                       'senior', 'day',  350, 450, 550, 'EUR', 2025, 'est. (TalentUp Malta 2026 benchmark exists, no figure captured)', 'EST', true, NULL), -- src: est. [EST]
    ('US-SFO-1099-HOUR',      'US-SFO', 'engineering', 'Senior contract developer (1099), US',          'senior', 'hour', 90, 115, 140, 'USD', 2025, 'SEO pages', 'LOW-Q', false, '~$90-140+/h'), -- src: SEO pages [LOW-Q]
    ('US-SFO-SENIOR-DEV-HOUR','US-SFO', 'engineering', 'Senior contract developer, San Francisco',      'senior', 'hour', 100, 137.50, 175, 'USD', 2025, 'est. from US rows', 'EST', true, '≈ $800-1,400/day') -- src: est. [EST]
) AS v(code, loc, cat, descr, sen, unit, lo, mid, hi, cur, yr, src, flag, est, notes);
