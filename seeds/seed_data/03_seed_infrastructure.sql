-- VIVIM cost database, seed 03: FX rates and all module-02 (tools) data:
-- providers, services, pricing tiers, user-scale thresholds, infrastructure cost
-- models (0 to 1M users) and their components, LLM API prices, GPU instances and
-- training cost estimates.
-- Source: shared/data/infra-llm-legal-cost-facts.md (§1 cloud, §2 LLM, §3 ML compute).
-- Flags as in that file: [P] provider page/API, [S] secondary transcription, [E] our estimate.

SET client_min_messages = warning;

-- ---------------------------------------------------------------------------
-- FX rates (1 base = rate quote)
-- ---------------------------------------------------------------------------
INSERT INTO fx_rates (base_currency, quote_currency, rate_date, rate, is_derived, is_estimate, source_ref, notes) VALUES
('EUR', 'USD', DATE '2026-05-27', 1.16370000, false, false, 'ECB reference rate 2026-05-27, cited in devantler-tech/platform commit cb791c6', 'FX used for derived values in the infra fact sheet'), -- src: infra facts header (ECB) [S]
('EUR', 'GBP', DATE '2026-05-27', 0.85106383, false, true,  'labor facts conventions: 1 GBP ≈ €1.15-1.20 (unverified)', 'Midpoint 1 GBP = €1.175 -> 1 EUR = 0.8511 GBP; replace with the ECB rate'), -- src: labor facts [EST]
('EUR', 'CHF', DATE '2026-05-27', 0.94000000, false, true,  'placeholder, no source in the fact sheets', 'Placeholder for Exoscale CHF billing; replace with the ECB rate'); -- src: none [EST]

-- inverse rows, derived from the rows above
INSERT INTO fx_rates (base_currency, quote_currency, rate_date, rate, is_derived, is_estimate, source_ref, notes)
SELECT quote_currency, base_currency, rate_date, ROUND(1 / rate, 8), true, is_estimate, source_ref, 'Inverse of ' || base_currency || '/' || quote_currency
FROM fx_rates
WHERE base_currency = 'EUR';

-- ---------------------------------------------------------------------------
-- Cloud providers
-- ---------------------------------------------------------------------------
INSERT INTO cloud_providers (code, name, provider_type, hq_country, eu_jurisdiction, gdpr_compliant, eu_data_residency,
                             us_cloud_act_exposure, billing_currency, website, notes) VALUES
('hetzner',    'Hetzner Online',                 'iaas',        'DE', true,  true,  true,  false, 'EUR', 'https://www.hetzner.com',     'Portfolio-wide price increase 2026-04-01, setup fees from Feb/Apr 2026, further repricing of new orders from 2026-06-15 (tables not published)'),
('ovhcloud',   'OVHcloud',                       'iaas',        'FR', true,  true,  true,  false, 'EUR', 'https://www.ovhcloud.com',    'Public-cloud prices from the catalogue export of 2025-01-27; savings plans 1-36 months'),
('exoscale',   'Exoscale (A1 Digital)',          'iaas',        'CH', true,  true,  true,  false, 'EUR', 'https://www.exoscale.com',    'EU/CH regions; per-second billing in EUR/CHF/USD. Compute, SOS, DBaaS and GPU prices not captured (pricing page renders client-side)'),
('aws-eu',     'Amazon Web Services (EU regions)', 'hyperscaler', 'US', false, true,  true,  true,  'USD', 'https://aws.amazon.com',      'EU regions (eu-central-1 Frankfurt, eu-west-1, eu-south-1 Milan); US parent (CLOUD Act)'),
('aws-us',     'Amazon Web Services (US regions)', 'hyperscaler', 'US', false, false, false, true,  'USD', 'https://aws.amazon.com',      'us-east-1 reference prices only; data would leave the EU'),
('cloudflare', 'Cloudflare',                     'cdn_edge',    'US', false, true,  false, true,  'USD', 'https://www.cloudflare.com',  'Global edge; EU data localisation only with the Enterprise Data Localization Suite'),
('pinecone',   'Pinecone',                       'vector_db',   'US', false, true,  true,  true,  'USD', 'https://www.pinecone.io',     'Serverless; EU regions available, but captured prices are AWS us-east-1 rates (EU may differ)'),
('runpod',     'RunPod',                         'gpu_cloud',   'US', false, false, false, true,  'USD', 'https://www.runpod.io',       'Community cloud hosts are third parties; not for EU personal data'),
('lambda',     'Lambda',                         'gpu_cloud',   'US', false, false, false, true,  'USD', 'https://lambda.ai',           'US data centres'),
('nebius',     'Nebius',                         'gpu_cloud',   'NL', true,  true,  true,  false, 'USD', 'https://nebius.com',          'Amsterdam HQ; EU (Finland) data centres; prices quoted in USD'),
('hyperstack', 'Hyperstack (NexGen Cloud)',      'gpu_cloud',   'GB', false, true,  true,  false, 'USD', 'https://www.hyperstack.cloud','UK company; European (incl. Norway/EEA) data centres - verify region per order');

-- ---------------------------------------------------------------------------
-- Services
-- ---------------------------------------------------------------------------
INSERT INTO services (code, cloud_provider_id, name, service_type, region, vcpu, ram_gb, disk_gb, gpu_model, is_managed, description)
SELECT v.code, (SELECT id FROM cloud_providers WHERE code = v.provider), v.name, v.stype, v.region,
       v.vcpu, v.ram, v.disk, v.gpu, v.managed, v.descr
FROM (VALUES
    ('hetzner-cx23',            'hetzner',    'Hetzner Cloud CX23 (shared Intel)',     'compute',  'fsn1/nbg1/hel1', 2::smallint, 4::numeric, 40::numeric, NULL, false, 'Small shared-vCPU server'),
    ('hetzner-cx33',            'hetzner',    'Hetzner Cloud CX33 (shared Intel)',     'compute',  'fsn1/nbg1/hel1', 4, 8, 80, NULL, false, 'Shared-vCPU server'),
    ('hetzner-cx43',            'hetzner',    'Hetzner Cloud CX43 (shared Intel)',     'compute',  'fsn1/nbg1/hel1', 8, 16, 160, NULL, false, 'Shared-vCPU server'),
    ('hetzner-cx53',            'hetzner',    'Hetzner Cloud CX53 (shared Intel)',     'compute',  'fsn1/nbg1/hel1', 16, 32, NULL, NULL, false, 'Shared-vCPU server'),
    ('hetzner-cax21',           'hetzner',    'Hetzner Cloud CAX21 (ARM Ampere)',      'compute',  'fsn1/nbg1/hel1', 4, 8, NULL, NULL, false, 'ARM server'),
    ('hetzner-cpx32',           'hetzner',    'Hetzner Cloud CPX32 (AMD)',             'compute',  'fsn1/nbg1/hel1', 4, 8, 160, NULL, false, 'AMD shared-vCPU server'),
    ('hetzner-volume',          'hetzner',    'Hetzner Cloud Volume (block storage)',  'storage',  'fsn1/nbg1/hel1', NULL, NULL, NULL, NULL, false, 'Block storage attached to cloud servers'),
    ('hetzner-snapshot',        'hetzner',    'Hetzner Cloud snapshots',               'storage',  'fsn1/nbg1/hel1', NULL, NULL, NULL, NULL, false, 'Server snapshots and backups'),
    ('hetzner-object-storage',  'hetzner',    'Hetzner Object Storage (S3)',           'storage',  'fsn1/nbg1/hel1', NULL, NULL, NULL, NULL, true, 'S3-compatible object storage'),
    ('hetzner-traffic',         'hetzner',    'Hetzner Cloud traffic',                 'network',  'EU',             NULL, NULL, NULL, NULL, false, '20 TB/month included per server; overage per TB'),
    ('hetzner-lb11',            'hetzner',    'Hetzner Load Balancer LB11',            'network',  'fsn1/nbg1/hel1', NULL, NULL, NULL, NULL, true, 'Smallest managed load balancer'),
    ('hetzner-gex44',           'hetzner',    'Hetzner GEX44 dedicated GPU server',    'gpu',      'fsn1',           20, 64, NULL, 'RTX 4000 SFF Ada 20 GB', false, 'i5-13500, 64 GB RAM; monthly, setup fee extra'),
    ('hetzner-gex130',          'hetzner',    'Hetzner GEX130 dedicated GPU server',   'gpu',      'fsn1',           NULL, NULL, NULL, 'RTX 6000 Ada 48 GB', false, 'Monthly, setup fee extra'),
    ('ovh-b2-15',               'ovhcloud',   'OVHcloud Public Cloud b2-15',           'compute',  'GRA/SBG (FR)',   4, 15, NULL, NULL, false, 'General purpose instance'),
    ('ovh-b2-30',               'ovhcloud',   'OVHcloud Public Cloud b2-30',           'compute',  'GRA/SBG (FR)',   8, 30, NULL, NULL, false, 'General purpose instance'),
    ('ovh-b2-60',               'ovhcloud',   'OVHcloud Public Cloud b2-60',           'compute',  'GRA/SBG (FR)',   16, 60, NULL, NULL, false, 'General purpose instance, used for self-managed PostgreSQL at scale'),
    ('ovh-b3-16',               'ovhcloud',   'OVHcloud Public Cloud b3-16',           'compute',  'GRA/SBG (FR)',   4, 16, NULL, NULL, false, 'General purpose instance, NVMe'),
    ('ovh-block-storage',       'ovhcloud',   'OVHcloud Block Storage',                'storage',  'GRA/SBG (FR)',   NULL, NULL, NULL, NULL, false, 'Classic (250 IOPS) and high-speed (3,000 IOPS) volumes'),
    ('ovh-object-storage',      'ovhcloud',   'OVHcloud Standard Object Storage (S3)', 'storage',  'Frankfurt/FR',   NULL, NULL, NULL, NULL, true, 'S3-compatible object storage, billed per GB-hour (720 h month)'),
    ('ovh-l4-90',               'ovhcloud',   'OVHcloud GPU l4-90',                    'gpu',      'GRA (FR)',       22, 90, NULL, 'NVIDIA L4 24 GB', false, '1x L4'),
    ('ovh-l40s-90',             'ovhcloud',   'OVHcloud GPU l40s-90',                  'gpu',      'GRA (FR)',       15, 90, NULL, 'NVIDIA L40S 48 GB', false, '1x L40S'),
    ('ovh-a100-180',            'ovhcloud',   'OVHcloud GPU a100-180',                 'gpu',      'GRA (FR)',       15, 180, NULL, 'NVIDIA A100 80 GB', false, '1x A100'),
    ('ovh-h100-380',            'ovhcloud',   'OVHcloud GPU h100-380',                 'gpu',      'GRA (FR)',       30, 380, NULL, 'NVIDIA H100 80 GB', false, '1x H100'),
    ('exoscale-private-connect','exoscale',   'Exoscale Private Connect',              'network',  'CH/EU',          NULL, NULL, NULL, NULL, true, 'Dedicated physical port into Exoscale'),
    ('exoscale-recovery',       'exoscale',   'Exoscale data recovery service',        'storage',  'CH/EU',          NULL, NULL, NULL, NULL, true, 'Recovery service, priced per GB'),
    ('aws-c7i-large',           'aws-eu',     'Amazon EC2 c7i.large',                  'compute',  'eu-central-1',   2, 4, NULL, NULL, false, 'Compute-optimised, Linux on-demand'),
    ('aws-m7i-large',           'aws-eu',     'Amazon EC2 m7i.large',                  'compute',  'eu-central-1',   2, 8, NULL, NULL, false, 'General purpose, Linux on-demand'),
    ('aws-rds-pg-t4g-medium',   'aws-eu',     'Amazon RDS for PostgreSQL db.t4g.medium','database','eu-central-1',   2, 4, NULL, NULL, true, 'Single-AZ; Multi-AZ ≈ 2x'),
    ('aws-s3-standard',         'aws-eu',     'Amazon S3 Standard',                    'storage',  'eu-central-1',   NULL, NULL, NULL, NULL, true, 'Object storage'),
    ('aws-data-transfer-out',   'aws-eu',     'AWS data transfer out to internet',     'network',  'eu-central-1',   NULL, NULL, NULL, NULL, true, 'First pricing tier'),
    ('aws-g5-2xlarge',          'aws-eu',     'Amazon EC2 g5.2xlarge',                 'gpu',      'eu-central-1',   8, 32, NULL, 'NVIDIA A10G 24 GB', false, '1x A10G'),
    ('aws-g6e-2xlarge',         'aws-eu',     'Amazon EC2 g6e.2xlarge',                'gpu',      'eu-central-1',   8, 64, NULL, 'NVIDIA L40S 48 GB', false, '1x L40S'),
    ('cloudflare-plan',         'cloudflare', 'Cloudflare application services plan', 'cdn',      'global',         NULL, NULL, NULL, NULL, true, 'CDN, DNS, WAF per domain (zone)'),
    ('cloudflare-r2',           'cloudflare', 'Cloudflare R2 object storage',          'storage',  'global (EU jurisdiction option)', NULL, NULL, NULL, NULL, true, 'S3-compatible, zero egress fees'),
    ('cloudflare-workers',      'cloudflare', 'Cloudflare Workers Paid',               'compute',  'global',         NULL, NULL, NULL, NULL, true, 'Edge functions'),
    ('pinecone-serverless',     'pinecone',   'Pinecone serverless vector database',   'vector_db','aws-us-east-1 (EU regions available)', NULL, NULL, NULL, NULL, true, 'Usage-based: storage, read units, write units, with plan minimums')
) AS v(code, provider, name, stype, region, vcpu, ram, disk, gpu, managed, descr);

-- ---------------------------------------------------------------------------
-- Service pricing tiers
-- ---------------------------------------------------------------------------
INSERT INTO service_pricing_tiers (service_id, tier_code, name, billing_model, unit, unit_price, monthly_price,
                                   included_units, currency, effective_date, source_ref, source_flag, is_estimate, notes)
SELECT (SELECT id FROM services WHERE code = v.service), v.tier, v.name, v.billing, v.unit, v.price, v.monthly,
       v.incl, v.cur, v.eff, v.src, v.flag, v.flag = 'E', v.notes
FROM (VALUES
    -- Hetzner (EUR, excl. VAT)
    ('hetzner-cx23', 'monthly',  'CX23 monthly cap',          'hourly_capped', 'instance_month', 3.99::numeric, 3.99::numeric, NULL::numeric, 'EUR', DATE '2026-04-15', 'docs.vdhome.be/reference/costs', 'S', NULL), -- src: vdhome [S]
    ('hetzner-cx23', 'hourly',   'CX23 hourly',               'hourly',        'instance_hour',  0.006, NULL, NULL, 'EUR', DATE '2026-04-15', 'docs.cnap.tech/compute/providers/hetzner', 'S', '~€4.11/mo at hourly rate'), -- src: cnap.tech [S]
    ('hetzner-cx33', 'monthly',  'CX33 monthly cap',          'hourly_capped', 'instance_month', 6.49, 6.49, NULL, 'EUR', DATE '2026-05-27', 'Hetzner GET /v1/pricing via devantler-tech/platform cb791c6', 'P', 'fsn1'), -- src: Hetzner API [P]
    ('hetzner-cx33', 'hourly',   'CX33 hourly',               'hourly',        'instance_hour',  0.0104, NULL, NULL, 'EUR', DATE '2026-05-27', 'Hetzner GET /v1/pricing via devantler-tech/platform cb791c6', 'P', NULL), -- src: Hetzner API [P]
    ('hetzner-cx43', 'monthly',  'CX43 monthly (approx.)',    'hourly_capped', 'instance_month', 15.00, 15.00, NULL, 'EUR', DATE '2026-04-15', 'docs.cnap.tech (Hetzner provider page)', 'S', '~€15/mo'), -- src: cnap.tech [S]
    ('hetzner-cx43', 'hourly',   'CX43 hourly',               'hourly',        'instance_hour',  0.021, NULL, NULL, 'EUR', DATE '2026-04-15', 'docs.cnap.tech (Hetzner provider page)', 'S', NULL), -- src: cnap.tech [S]
    ('hetzner-cx53', 'monthly',  'CX53 monthly (approx.)',    'hourly_capped', 'instance_month', 26.00, 26.00, NULL, 'EUR', DATE '2026-04-15', 'docs.vdhome.be/reference/costs', 'S', '~€26/mo'), -- src: vdhome [S]
    ('hetzner-cx53', 'hourly',   'CX53 hourly',               'hourly',        'instance_hour',  0.036, NULL, NULL, 'EUR', DATE '2026-04-15', 'docs.vdhome.be/reference/costs', 'S', NULL), -- src: vdhome [S]
    ('hetzner-cax21', 'hourly',  'CAX21 hourly',              'hourly',        'instance_hour',  0.007, NULL, NULL, 'EUR', DATE '2026-04-15', 'docs.cnap.tech', 'S', NULL), -- src: cnap.tech [S]
    ('hetzner-cpx32', 'hourly',  'CPX32 hourly',              'hourly',        'instance_hour',  0.016, NULL, NULL, 'EUR', DATE '2026-04-15', 'docs.cnap.tech', 'S', NULL), -- src: cnap.tech [S]
    ('hetzner-volume', 'per-gb', 'Volume per GB-month',       'usage',         'gb_month',       0.0572, NULL, NULL, 'EUR', DATE '2026-05-27', 'Hetzner GET /v1/pricing via devantler-tech/platform cb791c6', 'P', 'Was €0.0477 before 2026'), -- src: Hetzner API [P]
    ('hetzner-snapshot', 'per-gb', 'Snapshot per GB-month',   'usage',         'gb_month',       0.01, NULL, NULL, 'EUR', DATE '2026-04-15', 'docs.cnap.tech', 'S', NULL), -- src: cnap.tech [S]
    ('hetzner-object-storage', 'base', 'Object Storage base (1 TB storage + 1 TB egress)', 'flat', 'plan_month', 5.00, 5.00, 1, 'EUR', DATE '2024-12-01', 'docs.hetzner.com/storage/object-storage/overview', 'P', 'Max €5.00/mo incl. 1 TB'), -- src: Hetzner docs [P]
    ('hetzner-object-storage', 'extra-storage', 'Additional storage per TB-month', 'usage', 'tb_month', 4.891, NULL, NULL, 'EUR', DATE '2024-12-01', 'docs.hetzner.com: €0.0067/TB-h x 730 h', 'E', 'Derived from the hourly TB price [P]'), -- src: Hetzner docs [P] -> per month [E]
    ('hetzner-traffic', 'overage', 'Traffic overage per TB',  'usage',         'tb',             1.00, NULL, 20, 'EUR', DATE '2026-05-27', 'Hetzner GET /v1/pricing via devantler-tech/platform cb791c6', 'P', '20 TB/month included per server'), -- src: Hetzner API [P]
    ('hetzner-lb11', 'monthly',  'LB11 monthly (approx.)',    'hourly_capped', 'instance_month', 5.40, 5.40, NULL, 'EUR', DATE '2025-12-31', 'podmonkey docs "Pricing sources" (≈ $5.90, pre-2026)', 'E', 'USD figure converted at 1.0926 [E]; re-check after the April-2026 increase'), -- src: podmonkey [S] -> EUR [E]
    ('hetzner-gex44', 'monthly', 'GEX44 monthly',             'monthly',       'instance_month', 184.00, 184.00, NULL, 'EUR', DATE '2026-01-15', 'abn.company/blog/homelab-gpu-eight-dev-team; GitHub project note', 'S', 'Setup fee extra (new dedicated setup fees from 2026-04-29)'), -- src: abn.company [S]
    ('hetzner-gex130', 'monthly','GEX130 monthly',            'monthly',       'instance_month', 838.00, 838.00, NULL, 'EUR', DATE '2026-01-15', 'GitHub project notes (GEX130 €838/mo)', 'S', 'One source ≈€700'), -- src: GitHub notes [S]
    -- OVHcloud (EUR excl. VAT) -- src: OVHcloud public-cloud catalogue export 2025-01-27 [S]
    ('ovh-b2-15', 'hourly',  'b2-15 hourly',  'hourly',  'instance_hour',  0.13, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-b2-15', 'monthly', 'b2-15 monthly billing', 'monthly', 'instance_month', 46.20, 46.20, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-b2-30', 'hourly',  'b2-30 hourly',  'hourly',  'instance_hour',  0.26, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-b2-30', 'monthly', 'b2-30 monthly billing', 'monthly', 'instance_month', 93.50, 93.50, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-b2-60', 'hourly',  'b2-60 hourly',  'hourly',  'instance_hour',  0.51, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-b2-60', 'monthly', 'b2-60 monthly billing', 'monthly', 'instance_month', 182.00, 182.00, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-b3-16', 'hourly',  'b3-16 hourly',  'hourly',  'instance_hour',  0.19, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-block-storage', 'classic',    'Classic volume (250 IOPS) per GB-month',     'usage', 'gb_month', 0.04, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-block-storage', 'high-speed', 'High-speed volume (3,000 IOPS) per GB-month','usage', 'gb_month', 0.09, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-object-storage', 'standard',  'Standard object storage per GB-month',       'usage', 'gb_month', 0.007, NULL, NULL, 'EUR', DATE '2026-03-01', 'civnode.com storage write-up (≈€70 per 10 TB)', 'S', 'Frankfurt'), -- src: civnode [S]
    ('ovh-l4-90', 'hourly',  'l4-90 hourly',  'hourly',  'instance_hour',  0.75, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-l4-90', 'monthly', 'l4-90 monthly billing', 'monthly', 'instance_month', 540.00, 540.00, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-l40s-90', 'hourly',  'l40s-90 hourly',  'hourly',  'instance_hour',  1.40, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', 'A 2026 API test fixture shows €1.80/h (low confidence)'),
    ('ovh-l40s-90', 'monthly', 'l40s-90 monthly billing', 'monthly', 'instance_month', 1008.00, 1008.00, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-a100-180', 'hourly',  'a100-180 hourly',  'hourly',  'instance_hour',  2.75, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    ('ovh-a100-180', 'monthly', 'a100-180 monthly billing', 'monthly', 'instance_month', 1100.00, 1100.00, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', 'As listed; lower than 730 h x hourly'),
    ('ovh-h100-380', 'hourly',  'h100-380 hourly',  'hourly',  'instance_hour',  2.80, NULL, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', 'ovhcloud.com/en shows $2.99/h in 2026'),
    ('ovh-h100-380', 'monthly', 'h100-380 monthly billing', 'monthly', 'instance_month', 1940.00, 1940.00, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud public-cloud catalogue export 2025-01-27', 'S', NULL),
    -- Exoscale -- src: api-evangelist/exoscale plans file (from exoscale.com/pricing) [S]
    ('exoscale-private-connect', 'port',  'Private Connect physical port per month', 'monthly', 'port_month', 500.00, 500.00, NULL, 'EUR', DATE '2026-09-20', 'api-evangelist/exoscale plans', 'S', 'Equinix virtual port €250/mo'),
    ('exoscale-private-connect', 'setup', 'Private Connect port setup',              'one_off', 'one_off',    2500.00, NULL, NULL, 'EUR', DATE '2026-09-20', 'api-evangelist/exoscale plans', 'S', 'Equinix virtual port setup €1,250'),
    ('exoscale-recovery', 'per-gb', 'Recovery service per GB (max)', 'usage', 'gb', 0.12, NULL, NULL, 'EUR', DATE '2026-09-20', 'api-evangelist/exoscale plans', 'S', NULL),
    -- AWS EU (USD, Linux on-demand)
    ('aws-c7i-large', 'hourly',    'c7i.large on-demand eu-central-1',      'hourly', 'instance_hour',  0.10185, NULL, NULL, 'USD', DATE '2026-01-15', 'skypilot-org/skypilot-catalog v7 aws vms.csv (commit 001367d)', 'S', 'us-east-1 0.08925'), -- src: SkyPilot catalog [S]
    ('aws-c7i-large', 'monthly-730h', 'c7i.large 730 h month',              'hourly', 'instance_month', 74.3505, 74.35, NULL, 'USD', DATE '2026-01-15', 'SkyPilot hourly x 730 h', 'E', NULL), -- src: SkyPilot [S] x730 [E]
    ('aws-m7i-large', 'hourly',    'm7i.large on-demand eu-central-1 (est.)', 'hourly', 'instance_hour', 0.115, NULL, NULL, 'USD', DATE '2026-01-15', 'us-east-1 ≈0.1008 x 1.141 (c7i Frankfurt/Virginia ratio)', 'E', 'Verify'), -- src: derived [E]
    ('aws-rds-pg-t4g-medium', 'us-east-1-ref', 'db.t4g.medium single-AZ us-east-1', 'hourly', 'instance_hour', 0.065, 47.45, NULL, 'USD', DATE '2026-03-01', 'infratally.com "AWS RDS pricing explained 2026"', 'S', 'Reference region'), -- src: infratally [S]
    ('aws-rds-pg-t4g-medium', 'eu-central-1-est', 'db.t4g.medium single-AZ eu-central-1 (est.)', 'monthly', 'instance_month', 54.57, 54.57, NULL, 'USD', DATE '2026-03-01', 'us-east-1 x 1.15 uplift', 'E', 'Multi-AZ ≈ 2x; verify in AWS calculator'), -- src: derived [E]
    ('aws-s3-standard', 'standard', 'S3 Standard per GB-month eu-central-1', 'usage', 'gb_month', 0.0245, NULL, NULL, 'USD', DATE '2026-04-15', 'resistro.org/blog/hetzner-vs-aws-s3', 'S', '≈€21 per TB-month'), -- src: resistro [S]
    ('aws-data-transfer-out', 'first-tier', 'Data transfer out per GB (first tier)', 'usage', 'gb', 0.09, NULL, NULL, 'USD', DATE '2026-04-15', 'resistro.org', 'S', '≈€8 per 100 GB'), -- src: resistro [S]
    ('aws-g5-2xlarge', 'hourly',  'g5.2xlarge on-demand eu-central-1',  'hourly', 'instance_hour', 1.5156, NULL, NULL, 'USD', DATE '2026-01-15', 'skypilot-org/skypilot-catalog v7 aws vms.csv', 'S', NULL), -- src: SkyPilot [S]
    ('aws-g6e-2xlarge', 'hourly', 'g6e.2xlarge on-demand eu-central-1', 'hourly', 'instance_hour', 2.8035, NULL, NULL, 'USD', DATE '2026-01-15', 'skypilot-org/skypilot-catalog v7 aws vms.csv', 'S', NULL), -- src: SkyPilot [S]
    -- Cloudflare (USD)
    ('cloudflare-plan', 'free',     'Free plan',     'flat', 'plan_month', 0.00, 0.00, NULL, 'USD', DATE '2025-12-01', 'betterlink-blog "Cloudflare plans explained"', 'S', 'Per domain'), -- src: betterlink [S]
    ('cloudflare-plan', 'pro',      'Pro plan',      'flat', 'plan_month', 20.00, 20.00, NULL, 'USD', DATE '2025-12-01', 'betterlink-blog; Cloudflare billing FAQ', 'S', 'Per domain; monthly billing may be higher'), -- src: betterlink [S]
    ('cloudflare-plan', 'business', 'Business plan', 'flat', 'plan_month', 200.00, 200.00, NULL, 'USD', DATE '2025-12-01', 'betterlink-blog; Cloudflare billing FAQ', 'S', 'Per domain; Enterprise custom ($2,000+)'), -- src: betterlink [S]
    ('cloudflare-r2', 'storage',    'R2 Standard storage per GB-month', 'usage', 'gb_month', 0.015, NULL, 10, 'USD', DATE '2026-06-01', 'cloudflare/cloudflare-docs r2/pricing.mdx', 'P', 'First 10 GB-month free; egress $0'), -- src: Cloudflare docs [P]
    ('cloudflare-r2', 'ia-storage', 'R2 Infrequent Access per GB-month','usage', 'gb_month', 0.01, NULL, NULL, 'USD', DATE '2026-06-01', 'cloudflare/cloudflare-docs r2/pricing.mdx', 'P', '+$0.01/GB retrieval'), -- src: Cloudflare docs [P]
    ('cloudflare-r2', 'class-a',    'R2 Class A operations per million', 'usage', 'million_requests', 4.50, NULL, 1, 'USD', DATE '2026-06-01', 'cloudflare/cloudflare-docs r2/pricing.mdx', 'P', '1 M/month free'), -- src: Cloudflare docs [P]
    ('cloudflare-r2', 'class-b',    'R2 Class B operations per million', 'usage', 'million_requests', 0.36, NULL, 10, 'USD', DATE '2026-06-01', 'cloudflare/cloudflare-docs r2/pricing.mdx', 'P', '10 M/month free'), -- src: Cloudflare docs [P]
    ('cloudflare-workers', 'paid-base', 'Workers Paid base', 'flat', 'plan_month', 5.00, 5.00, NULL, 'USD', DATE '2026-08-03', 'halideworks/onelight wiki "Pricing"', 'S', '10 M requests and 30 M CPU-ms included'), -- src: onelight wiki [S]
    ('cloudflare-workers', 'requests',  'Workers requests per million', 'usage', 'million_requests', 0.30, NULL, 10, 'USD', DATE '2026-08-03', 'halideworks/onelight wiki "Pricing"', 'S', NULL), -- src: onelight wiki [S]
    -- Pinecone serverless (USD, AWS us-east-1 rates)
    ('pinecone-serverless', 'starter',    'Starter plan minimum',    'flat',  'plan_month', 0.00, 0.00, NULL, 'USD', DATE '2026-06-01', 'docs.pinecone.io/guides/manage-cost', 'P', NULL), -- src: Pinecone docs [P]
    ('pinecone-serverless', 'builder',    'Builder plan (flat, usage capped)', 'flat', 'plan_month', 20.00, 20.00, NULL, 'USD', DATE '2026-06-01', 'docs.pinecone.io/guides/manage-cost', 'P', NULL), -- src: Pinecone docs [P]
    ('pinecone-serverless', 'standard-min', 'Standard plan monthly minimum', 'flat', 'plan_month', 50.00, 50.00, NULL, 'USD', DATE '2026-06-01', 'docs.pinecone.io/guides/manage-cost', 'P', 'Usage counts towards the minimum'), -- src: Pinecone docs [P]
    ('pinecone-serverless', 'enterprise-min', 'Enterprise plan monthly minimum', 'flat', 'plan_month', 500.00, 500.00, NULL, 'USD', DATE '2026-06-01', 'docs.pinecone.io/guides/manage-cost', 'P', NULL), -- src: Pinecone docs [P]
    ('pinecone-serverless', 'storage',    'Storage per GB-month (Standard)', 'usage', 'gb_month', 0.33, NULL, NULL, 'USD', DATE '2026-11-04', 'docs.flexprice.io Pinecone pricing teardown', 'S', NULL), -- src: flexprice [S]
    ('pinecone-serverless', 'read-units', 'Read units per million',  'usage', 'million_units', 16.00, NULL, NULL, 'USD', DATE '2026-11-04', 'docs.flexprice.io Pinecone pricing teardown', 'S', NULL), -- src: flexprice [S]
    ('pinecone-serverless', 'write-units','Write units per million', 'usage', 'million_units', 4.00, NULL, NULL, 'USD', DATE '2026-11-04', 'docs.flexprice.io Pinecone pricing teardown', 'S', NULL) -- src: flexprice [S]
) AS v(service, tier, name, billing, unit, price, monthly, incl, cur, eff, src, flag, notes);

-- ---------------------------------------------------------------------------
-- User scale thresholds. Load assumptions are VIVIM plan figures [E].
-- ---------------------------------------------------------------------------
INSERT INTO user_scale_thresholds (code, user_count, name, stage_description, dau_share_pct, peak_requests_per_sec,
                                   stored_data_tb, vectors_millions) VALUES
('U0',    0,       'Pre-launch',     'Development and staging only (before M1)',           0.00,    0,   0.050,    0.000), -- VIVIM plan figure
('U500',  500,     'Private alpha',  'M1 Foundation target',                               30.00,   5,   0.100,    0.500), -- VIVIM plan figure
('U2500', 2500,    'Closed beta',    'M2 ACU target',                                      30.00,  15,   0.300,    2.500), -- VIVIM plan figure
('U10K',  10000,   'Public beta',    'M3 Compose target',                                  25.00,  50,   1.200,   10.000), -- VIVIM plan figure
('U25K',  25000,   'Early growth',   'M4 Context target',                                  25.00, 120,   3.500,   25.000), -- VIVIM plan figure
('U50K',  50000,   'Social launch',  'M5 Social target',                                   22.00, 250,   8.000,   55.000), -- VIVIM plan figure
('U75K',  75000,   'Consent layer',  'M6 Consent target',                                  20.00, 350,  12.000,   80.000), -- VIVIM plan figure
('U100K', 100000,  'Scale',          'M7 Scale to M10 Dividend target',                    20.00, 500,  16.000,  110.000), -- VIVIM plan figure
('U250K', 250000,  'Growth',         'Post-M10 growth',                                    18.00, 1200, 40.000,  270.000), -- VIVIM plan figure
('U500K', 500000,  'Expansion',      'Multi-country expansion',                            18.00, 2400, 80.000,  550.000), -- VIVIM plan figure
('U1M',   1000000, 'Mass market',    'One million monthly active users',                   15.00, 4500, 160.000, 1100.000); -- VIVIM plan figure

-- ---------------------------------------------------------------------------
-- Infrastructure cost models, one per threshold. Costs are filled in from the
-- components below (mid = sum of components in EUR; low = mid x 0.85 for
-- commitments/right-sizing; high = mid x 1.40 for Hetzner 2026 repricing,
-- headroom and USD moves) -- src: est. from infra facts §1 [E]
-- ---------------------------------------------------------------------------
INSERT INTO infrastructure_cost_models (code, user_scale_threshold_id, name, architecture_summary,
                                        monthly_cost_low, monthly_cost_mid, monthly_cost_high, currency,
                                        low_factor, high_factor, assumes_byok_llm, source_ref, is_estimate, notes)
SELECT 'ICM-' || u.code, u.id, v.name, v.arch, 0, 0, 0, 'EUR', 0.85, 1.40, true,
       'est. from infra facts §1 (Hetzner, OVHcloud, AWS EU, Cloudflare, Pinecone prices)', true, v.notes
FROM user_scale_thresholds u
JOIN (VALUES
    ('U0',    'Pre-launch dev/staging',  'Two small Hetzner servers (dev, staging) and a dev database; free Cloudflare and Pinecone Starter', NULL),
    ('U500',  'Alpha single-region',     'Hetzner CX33 app + worker, CX33 PostgreSQL, object storage, Cloudflare Pro, Pinecone Builder', NULL),
    ('U2500', 'Beta with load balancer', 'Three CX33 app nodes behind LB11, CX43 PostgreSQL, Pinecone Standard minimum', NULL),
    ('U10K',  'Public beta HA',          'CX43 app tier, PostgreSQL primary + replica, workers, offsite backups on OVHcloud, Pinecone usage', NULL),
    ('U25K',  'Growth HA',               'CX53 app tier, CX53 PostgreSQL pair, R2 media storage, larger vector index', NULL),
    ('U50K',  'Social launch',           'CX53 app tier, PostgreSQL on OVHcloud b2-60 with high-speed volumes, R2 media, Pinecone usage', NULL),
    ('U75K',  'Consent layer',           'As U50K with three database nodes and more workers', NULL),
    ('U100K', 'Scale',                   'Twelve app nodes, three b2-60 database nodes, Cloudflare Business, one OVH L4 for self-hosted embeddings, DR copy on S3 Frankfurt', 'Embeddings self-hosted from here on; chat LLM remains BYOK'),
    ('U250K', 'Growth at scale',         'Horizontal app tier of 25 CX53, four database nodes, two L4 GPUs for embeddings', NULL),
    ('U500K', 'Expansion',               '45 CX53 app nodes, six b2-60 database nodes, three L4 GPUs', NULL),
    ('U1M',   'Mass market',             '80 CX53 app nodes, ten b2-60 database nodes, four L4 GPUs, two Cloudflare Business zones', 'Pinecone is the largest line; self-hosting pgvector/Qdrant on EU servers would cut it')
) AS v(code, name, arch, notes) ON v.code = u.code;

-- Components: (model, service, tier, purpose, category, quantity in tier units)
-- EUR value = quantity x unit_price x rate to EUR (fx_rates, 2026-05-27)
INSERT INTO infrastructure_cost_model_components (infrastructure_cost_model_id, service_pricing_tier_id, purpose,
                                                  cost_category, quantity, monthly_cost, currency, fx_rate_to_eur, monthly_cost_eur)
SELECT m.id, t.id, v.purpose, v.category, v.qty,
       ROUND(v.qty * t.unit_price, 2),
       t.currency,
       fx.to_eur,
       ROUND(ROUND(v.qty * t.unit_price, 2) * fx.to_eur, 2)
FROM (VALUES
    -- U0 pre-launch
    ('ICM-U0', 'hetzner-cx23', 'monthly', 'dev and staging servers', 'compute', 2::numeric),
    ('ICM-U0', 'hetzner-cx33', 'monthly', 'dev database', 'database', 1),
    ('ICM-U0', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 50),
    ('ICM-U0', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U0', 'cloudflare-plan', 'free', 'CDN/DNS plan', 'cdn', 1),
    ('ICM-U0', 'pinecone-serverless', 'starter', 'vector DB plan', 'vector_db', 1),
    -- U500
    ('ICM-U500', 'hetzner-cx33', 'monthly', 'app and worker servers', 'compute', 2),
    ('ICM-U500', 'hetzner-cx33', 'monthly', 'PostgreSQL server', 'database', 1),
    ('ICM-U500', 'hetzner-cx23', 'monthly', 'staging server', 'compute', 1),
    ('ICM-U500', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 100),
    ('ICM-U500', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 50),
    ('ICM-U500', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U500', 'cloudflare-plan', 'pro', 'CDN/WAF plan', 'cdn', 1),
    ('ICM-U500', 'pinecone-serverless', 'builder', 'vector DB plan', 'vector_db', 1),
    -- U2500
    ('ICM-U2500', 'hetzner-cx33', 'monthly', 'app servers', 'compute', 3),
    ('ICM-U2500', 'hetzner-cx43', 'monthly', 'PostgreSQL server', 'database', 1),
    ('ICM-U2500', 'hetzner-cx23', 'monthly', 'staging server', 'compute', 1),
    ('ICM-U2500', 'hetzner-lb11', 'monthly', 'load balancer', 'network', 1),
    ('ICM-U2500', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 200),
    ('ICM-U2500', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 100),
    ('ICM-U2500', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U2500', 'cloudflare-plan', 'pro', 'CDN/WAF plan', 'cdn', 1),
    ('ICM-U2500', 'pinecone-serverless', 'standard-min', 'vector DB plan minimum', 'vector_db', 1),
    -- U10K
    ('ICM-U10K', 'hetzner-cx43', 'monthly', 'app servers', 'compute', 3),
    ('ICM-U10K', 'hetzner-cx43', 'monthly', 'PostgreSQL primary + replica', 'database', 2),
    ('ICM-U10K', 'hetzner-cx33', 'monthly', 'background workers', 'compute', 2),
    ('ICM-U10K', 'hetzner-cx23', 'monthly', 'staging server', 'compute', 1),
    ('ICM-U10K', 'hetzner-lb11', 'monthly', 'load balancer', 'network', 1),
    ('ICM-U10K', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 500),
    ('ICM-U10K', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 200),
    ('ICM-U10K', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U10K', 'hetzner-object-storage', 'extra-storage', 'object storage beyond 1 TB (TB)', 'storage', 1),
    ('ICM-U10K', 'ovh-object-storage', 'standard', 'offsite backups (GB)', 'storage', 500),
    ('ICM-U10K', 'cloudflare-plan', 'pro', 'CDN/WAF plan', 'cdn', 1),
    ('ICM-U10K', 'pinecone-serverless', 'storage', 'vector storage (GB)', 'vector_db', 20),
    ('ICM-U10K', 'pinecone-serverless', 'read-units', 'vector reads (M RU)', 'vector_db', 3),
    ('ICM-U10K', 'pinecone-serverless', 'write-units', 'vector writes (M WU)', 'vector_db', 1),
    -- U25K
    ('ICM-U25K', 'hetzner-cx53', 'monthly', 'app servers', 'compute', 3),
    ('ICM-U25K', 'hetzner-cx53', 'monthly', 'PostgreSQL primary + replica', 'database', 2),
    ('ICM-U25K', 'hetzner-cx43', 'monthly', 'background workers', 'compute', 2),
    ('ICM-U25K', 'hetzner-cx33', 'monthly', 'staging server', 'compute', 1),
    ('ICM-U25K', 'hetzner-lb11', 'monthly', 'load balancers', 'network', 2),
    ('ICM-U25K', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 1000),
    ('ICM-U25K', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 400),
    ('ICM-U25K', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U25K', 'hetzner-object-storage', 'extra-storage', 'object storage beyond 1 TB (TB)', 'storage', 3),
    ('ICM-U25K', 'ovh-object-storage', 'standard', 'offsite backups (GB)', 'storage', 2000),
    ('ICM-U25K', 'cloudflare-plan', 'pro', 'CDN/WAF plan', 'cdn', 1),
    ('ICM-U25K', 'cloudflare-r2', 'storage', 'media storage (GB)', 'storage', 500),
    ('ICM-U25K', 'cloudflare-r2', 'class-a', 'media writes (M ops)', 'storage', 2),
    ('ICM-U25K', 'cloudflare-r2', 'class-b', 'media reads (M ops)', 'storage', 20),
    ('ICM-U25K', 'pinecone-serverless', 'storage', 'vector storage (GB)', 'vector_db', 50),
    ('ICM-U25K', 'pinecone-serverless', 'read-units', 'vector reads (M RU)', 'vector_db', 8),
    ('ICM-U25K', 'pinecone-serverless', 'write-units', 'vector writes (M WU)', 'vector_db', 3),
    -- U50K
    ('ICM-U50K', 'hetzner-cx53', 'monthly', 'app servers', 'compute', 6),
    ('ICM-U50K', 'ovh-b2-60', 'monthly', 'PostgreSQL primary + replica', 'database', 2),
    ('ICM-U50K', 'ovh-block-storage', 'high-speed', 'database volumes (GB)', 'database', 500),
    ('ICM-U50K', 'hetzner-cx43', 'monthly', 'background workers', 'compute', 4),
    ('ICM-U50K', 'hetzner-cx33', 'monthly', 'staging server', 'compute', 1),
    ('ICM-U50K', 'hetzner-lb11', 'monthly', 'load balancers', 'network', 2),
    ('ICM-U50K', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 2000),
    ('ICM-U50K', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 800),
    ('ICM-U50K', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U50K', 'hetzner-object-storage', 'extra-storage', 'object storage beyond 1 TB (TB)', 'storage', 6),
    ('ICM-U50K', 'ovh-object-storage', 'standard', 'offsite backups (GB)', 'storage', 5000),
    ('ICM-U50K', 'cloudflare-plan', 'pro', 'CDN/WAF plan', 'cdn', 1),
    ('ICM-U50K', 'cloudflare-r2', 'storage', 'media storage (GB)', 'storage', 1500),
    ('ICM-U50K', 'cloudflare-r2', 'class-a', 'media writes (M ops)', 'storage', 6),
    ('ICM-U50K', 'cloudflare-r2', 'class-b', 'media reads (M ops)', 'storage', 60),
    ('ICM-U50K', 'pinecone-serverless', 'storage', 'vector storage (GB)', 'vector_db', 120),
    ('ICM-U50K', 'pinecone-serverless', 'read-units', 'vector reads (M RU)', 'vector_db', 20),
    ('ICM-U50K', 'pinecone-serverless', 'write-units', 'vector writes (M WU)', 'vector_db', 8),
    -- U75K
    ('ICM-U75K', 'hetzner-cx53', 'monthly', 'app servers', 'compute', 8),
    ('ICM-U75K', 'ovh-b2-60', 'monthly', 'PostgreSQL primary + 2 replicas', 'database', 3),
    ('ICM-U75K', 'ovh-block-storage', 'high-speed', 'database volumes (GB)', 'database', 1000),
    ('ICM-U75K', 'hetzner-cx43', 'monthly', 'background workers', 'compute', 5),
    ('ICM-U75K', 'hetzner-cx33', 'monthly', 'staging server', 'compute', 1),
    ('ICM-U75K', 'hetzner-lb11', 'monthly', 'load balancers', 'network', 3),
    ('ICM-U75K', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 3000),
    ('ICM-U75K', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 1200),
    ('ICM-U75K', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U75K', 'hetzner-object-storage', 'extra-storage', 'object storage beyond 1 TB (TB)', 'storage', 9),
    ('ICM-U75K', 'ovh-object-storage', 'standard', 'offsite backups (GB)', 'storage', 7500),
    ('ICM-U75K', 'cloudflare-plan', 'pro', 'CDN/WAF plan', 'cdn', 1),
    ('ICM-U75K', 'cloudflare-r2', 'storage', 'media storage (GB)', 'storage', 2500),
    ('ICM-U75K', 'cloudflare-r2', 'class-a', 'media writes (M ops)', 'storage', 10),
    ('ICM-U75K', 'cloudflare-r2', 'class-b', 'media reads (M ops)', 'storage', 100),
    ('ICM-U75K', 'pinecone-serverless', 'storage', 'vector storage (GB)', 'vector_db', 180),
    ('ICM-U75K', 'pinecone-serverless', 'read-units', 'vector reads (M RU)', 'vector_db', 30),
    ('ICM-U75K', 'pinecone-serverless', 'write-units', 'vector writes (M WU)', 'vector_db', 12),
    -- U100K
    ('ICM-U100K', 'hetzner-cx53', 'monthly', 'app servers', 'compute', 12),
    ('ICM-U100K', 'ovh-b2-60', 'monthly', 'PostgreSQL primary + 2 replicas', 'database', 3),
    ('ICM-U100K', 'ovh-block-storage', 'high-speed', 'database volumes (GB)', 'database', 1500),
    ('ICM-U100K', 'hetzner-cx43', 'monthly', 'background workers', 'compute', 6),
    ('ICM-U100K', 'hetzner-cx33', 'monthly', 'staging servers', 'compute', 2),
    ('ICM-U100K', 'hetzner-lb11', 'monthly', 'load balancers', 'network', 3),
    ('ICM-U100K', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 4000),
    ('ICM-U100K', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 1600),
    ('ICM-U100K', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U100K', 'hetzner-object-storage', 'extra-storage', 'object storage beyond 1 TB (TB)', 'storage', 12),
    ('ICM-U100K', 'ovh-object-storage', 'standard', 'offsite backups (GB)', 'storage', 10000),
    ('ICM-U100K', 'aws-s3-standard', 'standard', 'disaster-recovery copy, Frankfurt (GB)', 'storage', 2000),
    ('ICM-U100K', 'cloudflare-plan', 'business', 'CDN/WAF plan', 'cdn', 1),
    ('ICM-U100K', 'cloudflare-r2', 'storage', 'media storage (GB)', 'storage', 4000),
    ('ICM-U100K', 'cloudflare-r2', 'class-a', 'media writes (M ops)', 'storage', 16),
    ('ICM-U100K', 'cloudflare-r2', 'class-b', 'media reads (M ops)', 'storage', 160),
    ('ICM-U100K', 'pinecone-serverless', 'storage', 'vector storage (GB)', 'vector_db', 250),
    ('ICM-U100K', 'pinecone-serverless', 'read-units', 'vector reads (M RU)', 'vector_db', 40),
    ('ICM-U100K', 'pinecone-serverless', 'write-units', 'vector writes (M WU)', 'vector_db', 15),
    ('ICM-U100K', 'ovh-l4-90', 'monthly', 'self-hosted embedding inference', 'gpu', 1),
    -- U250K
    ('ICM-U250K', 'hetzner-cx53', 'monthly', 'app servers', 'compute', 25),
    ('ICM-U250K', 'ovh-b2-60', 'monthly', 'PostgreSQL cluster', 'database', 4),
    ('ICM-U250K', 'ovh-block-storage', 'high-speed', 'database volumes (GB)', 'database', 3000),
    ('ICM-U250K', 'hetzner-cx43', 'monthly', 'background workers', 'compute', 12),
    ('ICM-U250K', 'hetzner-cx33', 'monthly', 'staging servers', 'compute', 2),
    ('ICM-U250K', 'hetzner-lb11', 'monthly', 'load balancers', 'network', 5),
    ('ICM-U250K', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 8000),
    ('ICM-U250K', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 3000),
    ('ICM-U250K', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U250K', 'hetzner-object-storage', 'extra-storage', 'object storage beyond 1 TB (TB)', 'storage', 30),
    ('ICM-U250K', 'ovh-object-storage', 'standard', 'offsite backups (GB)', 'storage', 25000),
    ('ICM-U250K', 'aws-s3-standard', 'standard', 'disaster-recovery copy, Frankfurt (GB)', 'storage', 5000),
    ('ICM-U250K', 'cloudflare-plan', 'business', 'CDN/WAF plan', 'cdn', 1),
    ('ICM-U250K', 'cloudflare-r2', 'storage', 'media storage (GB)', 'storage', 10000),
    ('ICM-U250K', 'cloudflare-r2', 'class-a', 'media writes (M ops)', 'storage', 40),
    ('ICM-U250K', 'cloudflare-r2', 'class-b', 'media reads (M ops)', 'storage', 400),
    ('ICM-U250K', 'pinecone-serverless', 'storage', 'vector storage (GB)', 'vector_db', 600),
    ('ICM-U250K', 'pinecone-serverless', 'read-units', 'vector reads (M RU)', 'vector_db', 100),
    ('ICM-U250K', 'pinecone-serverless', 'write-units', 'vector writes (M WU)', 'vector_db', 40),
    ('ICM-U250K', 'ovh-l4-90', 'monthly', 'self-hosted embedding inference', 'gpu', 2),
    -- U500K
    ('ICM-U500K', 'hetzner-cx53', 'monthly', 'app servers', 'compute', 45),
    ('ICM-U500K', 'ovh-b2-60', 'monthly', 'PostgreSQL cluster', 'database', 6),
    ('ICM-U500K', 'ovh-block-storage', 'high-speed', 'database volumes (GB)', 'database', 6000),
    ('ICM-U500K', 'hetzner-cx43', 'monthly', 'background workers', 'compute', 22),
    ('ICM-U500K', 'hetzner-cx33', 'monthly', 'staging servers', 'compute', 3),
    ('ICM-U500K', 'hetzner-lb11', 'monthly', 'load balancers', 'network', 8),
    ('ICM-U500K', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 15000),
    ('ICM-U500K', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 6000),
    ('ICM-U500K', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U500K', 'hetzner-object-storage', 'extra-storage', 'object storage beyond 1 TB (TB)', 'storage', 55),
    ('ICM-U500K', 'ovh-object-storage', 'standard', 'offsite backups (GB)', 'storage', 45000),
    ('ICM-U500K', 'aws-s3-standard', 'standard', 'disaster-recovery copy, Frankfurt (GB)', 'storage', 10000),
    ('ICM-U500K', 'cloudflare-plan', 'business', 'CDN/WAF plan', 'cdn', 1),
    ('ICM-U500K', 'cloudflare-r2', 'storage', 'media storage (GB)', 'storage', 20000),
    ('ICM-U500K', 'cloudflare-r2', 'class-a', 'media writes (M ops)', 'storage', 80),
    ('ICM-U500K', 'cloudflare-r2', 'class-b', 'media reads (M ops)', 'storage', 900),
    ('ICM-U500K', 'pinecone-serverless', 'storage', 'vector storage (GB)', 'vector_db', 1100),
    ('ICM-U500K', 'pinecone-serverless', 'read-units', 'vector reads (M RU)', 'vector_db', 200),
    ('ICM-U500K', 'pinecone-serverless', 'write-units', 'vector writes (M WU)', 'vector_db', 80),
    ('ICM-U500K', 'ovh-l4-90', 'monthly', 'self-hosted embedding inference', 'gpu', 3),
    -- U1M
    ('ICM-U1M', 'hetzner-cx53', 'monthly', 'app servers', 'compute', 80),
    ('ICM-U1M', 'ovh-b2-60', 'monthly', 'PostgreSQL cluster (sharded)', 'database', 10),
    ('ICM-U1M', 'ovh-block-storage', 'high-speed', 'database volumes (GB)', 'database', 12000),
    ('ICM-U1M', 'hetzner-cx43', 'monthly', 'background workers', 'compute', 40),
    ('ICM-U1M', 'hetzner-cx33', 'monthly', 'staging servers', 'compute', 4),
    ('ICM-U1M', 'hetzner-lb11', 'monthly', 'load balancers', 'network', 12),
    ('ICM-U1M', 'hetzner-volume', 'per-gb', 'block storage (GB)', 'storage', 28000),
    ('ICM-U1M', 'hetzner-snapshot', 'per-gb', 'snapshots (GB)', 'storage', 10000),
    ('ICM-U1M', 'hetzner-object-storage', 'base', 'object storage base', 'storage', 1),
    ('ICM-U1M', 'hetzner-object-storage', 'extra-storage', 'object storage beyond 1 TB (TB)', 'storage', 100),
    ('ICM-U1M', 'ovh-object-storage', 'standard', 'offsite backups (GB)', 'storage', 80000),
    ('ICM-U1M', 'aws-s3-standard', 'standard', 'disaster-recovery copy, Frankfurt (GB)', 'storage', 20000),
    ('ICM-U1M', 'cloudflare-plan', 'business', 'CDN/WAF plans (two zones)', 'cdn', 2),
    ('ICM-U1M', 'cloudflare-r2', 'storage', 'media storage (GB)', 'storage', 40000),
    ('ICM-U1M', 'cloudflare-r2', 'class-a', 'media writes (M ops)', 'storage', 160),
    ('ICM-U1M', 'cloudflare-r2', 'class-b', 'media reads (M ops)', 'storage', 2000),
    ('ICM-U1M', 'pinecone-serverless', 'storage', 'vector storage (GB)', 'vector_db', 2000),
    ('ICM-U1M', 'pinecone-serverless', 'read-units', 'vector reads (M RU)', 'vector_db', 400),
    ('ICM-U1M', 'pinecone-serverless', 'write-units', 'vector writes (M WU)', 'vector_db', 150),
    ('ICM-U1M', 'ovh-l4-90', 'monthly', 'self-hosted embedding inference', 'gpu', 4)
) AS v(model_code, service_code, tier_code, purpose, category, qty)
JOIN infrastructure_cost_models m ON m.code = v.model_code
JOIN services s                   ON s.code = v.service_code
JOIN service_pricing_tiers t      ON t.service_id = s.id AND t.tier_code = v.tier_code
JOIN (
    SELECT 'EUR'::char(3) AS currency, 1::numeric AS to_eur
    UNION ALL
    SELECT base_currency, rate FROM fx_rates WHERE quote_currency = 'EUR' AND rate_date = DATE '2026-05-27'
) fx ON fx.currency = t.currency;

-- Roll the components up into the model figures (mid = sum in EUR; low/high by factor).
UPDATE infrastructure_cost_models m
SET compute_monthly   = a.compute,
    database_monthly  = a.database,
    storage_monthly   = a.storage,
    network_monthly   = a.network,
    cdn_monthly       = a.cdn,
    vector_db_monthly = a.vector_db,
    gpu_monthly       = a.gpu,
    other_monthly     = a.other,
    monthly_cost_mid  = a.total,
    monthly_cost_low  = ROUND(a.total * m.low_factor, 2),
    monthly_cost_high = ROUND(a.total * m.high_factor, 2),
    fx_rate_date      = DATE '2026-05-27'
FROM (
    SELECT infrastructure_cost_model_id AS model_id,
           COALESCE(SUM(monthly_cost_eur) FILTER (WHERE cost_category = 'compute'), 0)   AS compute,
           COALESCE(SUM(monthly_cost_eur) FILTER (WHERE cost_category = 'database'), 0)  AS database,
           COALESCE(SUM(monthly_cost_eur) FILTER (WHERE cost_category = 'storage'), 0)   AS storage,
           COALESCE(SUM(monthly_cost_eur) FILTER (WHERE cost_category = 'network'), 0)   AS network,
           COALESCE(SUM(monthly_cost_eur) FILTER (WHERE cost_category = 'cdn'), 0)       AS cdn,
           COALESCE(SUM(monthly_cost_eur) FILTER (WHERE cost_category = 'vector_db'), 0) AS vector_db,
           COALESCE(SUM(monthly_cost_eur) FILTER (WHERE cost_category = 'gpu'), 0)       AS gpu,
           COALESCE(SUM(monthly_cost_eur) FILTER (WHERE cost_category = 'other'), 0)     AS other,
           SUM(monthly_cost_eur) AS total
    FROM infrastructure_cost_model_components
    GROUP BY infrastructure_cost_model_id
) a
WHERE a.model_id = m.id;

-- ---------------------------------------------------------------------------
-- LLM API list prices, USD per 1M tokens (infra facts §2)
-- ---------------------------------------------------------------------------
INSERT INTO llm_api_costs (code, provider, model, model_type, is_open_weight, is_preview, input_price_per_mtok,
                           output_price_per_mtok, cached_input_price_per_mtok, batch_discount_pct,
                           eu_residency_uplift_pct, currency, price_date, price_date_is_approx,
                           source_ref, source_flag, notes)
SELECT v.code, v.provider, v.model, v.mtype, v.open_w, v.preview, v.inp, v.outp, v.cached, v.batch, v.eu_uplift,
       'USD', v.pdate, v.approx, v.src, 'S', v.notes
FROM (VALUES
    -- OpenAI: batch -50%, EU data residency +10% (api-evangelist/openai plans, 2026-05-04) [S]
    ('openai-gpt-4o',          'OpenAI', 'GPT-4o',          'chat',      false, false, 2.50::numeric, 10.00::numeric, NULL::numeric, 50.00::numeric, 10.00::numeric, DATE '2025-07-01', true,  't3dotgg gist "cost per 1m tokens"; kunishou/GenerativeAI-Cost', 'Still listed 2026'), -- src: t3dotgg gist [S]
    ('openai-gpt-4o-mini',     'OpenAI', 'GPT-4o mini',     'chat',      false, false, 0.15, 0.60, NULL, 50.00, 10.00, DATE '2026-09-26', false, 'gemmozero/ai-pricing-matrix-2026', NULL), -- src: gemmozero [S]
    ('openai-gpt-4-1',         'OpenAI', 'GPT-4.1',         'chat',      false, false, 2.00, 8.00, 0.50, 50.00, 10.00, DATE '2026-06-01', true,  'github/docs copilot models-and-pricing.yml', NULL), -- src: github/docs [S]
    ('openai-gpt-4-1-mini',    'OpenAI', 'GPT-4.1 mini',    'chat',      false, false, 0.40, 1.60, NULL, 50.00, 10.00, DATE '2025-07-01', true,  't3dotgg gist', NULL), -- src: t3dotgg gist [S]
    ('openai-gpt-4-1-nano',    'OpenAI', 'GPT-4.1 nano',    'chat',      false, false, 0.10, 0.40, NULL, 50.00, 10.00, DATE '2025-07-01', true,  't3dotgg gist', NULL), -- src: t3dotgg gist [S]
    ('openai-o3',              'OpenAI', 'o3',              'reasoning', false, false, 2.00, 8.00, NULL, 50.00, 10.00, DATE '2025-07-01', true,  'RingCanary gist', 'After the mid-2025 cut (earlier $10/$40)'), -- src: RingCanary gist [S]
    ('openai-o4-mini',         'OpenAI', 'o4-mini',         'reasoning', false, false, 1.10, 4.40, NULL, 50.00, 10.00, DATE '2025-07-01', true,  'RingCanary gist', NULL), -- src: RingCanary gist [S]
    ('openai-gpt-5',           'OpenAI', 'GPT-5',           'chat',      false, false, 1.25, 10.00, NULL, 50.00, 10.00, DATE '2026-05-01', true,  'docs.rs openai-cost crate pricing table', NULL), -- src: openai-cost crate [S]
    ('openai-gpt-5-mini',      'OpenAI', 'GPT-5 mini',      'chat',      false, false, 0.25, 2.00, 0.025, 50.00, 10.00, DATE '2026-06-01', true,  'github/docs copilot models-and-pricing.yml', NULL), -- src: github/docs [S]
    ('openai-gpt-5-2',         'OpenAI', 'GPT-5.2',         'chat',      false, false, 1.75, 14.00, 0.175, 50.00, 10.00, DATE '2026-06-01', true, 'github/docs copilot models-and-pricing.yml', NULL), -- src: github/docs [S]
    ('openai-gpt-5-4',         'OpenAI', 'GPT-5.4',         'chat',      false, false, 2.50, 15.00, 0.25, 50.00, 10.00, DATE '2026-05-04', false, 'api-evangelist/openai plans/openai-plans-pricing.yml', NULL), -- src: api-evangelist/openai [S]
    ('openai-gpt-5-4-mini',    'OpenAI', 'GPT-5.4 mini',    'chat',      false, false, 0.75, 4.50, 0.075, 50.00, 10.00, DATE '2026-05-04', false, 'api-evangelist/openai plans/openai-plans-pricing.yml', NULL), -- src: api-evangelist/openai [S]
    ('openai-gpt-5-4-nano',    'OpenAI', 'GPT-5.4 nano',    'chat',      false, false, 0.20, 1.25, 0.02, 50.00, 10.00, DATE '2026-05-04', false, 'api-evangelist/openai plans/openai-plans-pricing.yml', NULL), -- src: api-evangelist/openai [S]
    ('openai-gpt-5-5',         'OpenAI', 'GPT-5.5',         'chat',      false, false, 5.00, 30.00, 0.50, 50.00, 10.00, DATE '2026-05-04', false, 'api-evangelist/openai plans/openai-plans-pricing.yml', NULL), -- src: api-evangelist/openai [S]
    ('openai-gpt-5-5-pro',     'OpenAI', 'GPT-5.5 Pro',     'reasoning', false, false, 30.00, 180.00, NULL, 50.00, 10.00, DATE '2026-05-04', false, 'api-evangelist/openai plans/openai-plans-pricing.yml', NULL), -- src: api-evangelist/openai [S]
    ('openai-gpt-5-5-mini',    'OpenAI', 'GPT-5.5 mini',    'chat',      false, false, 0.40, 1.60, NULL, 50.00, 10.00, DATE '2026-06-01', false, 'mandark-droid/genai_otel_instrument v1.3.2', NULL), -- src: genai_otel_instrument [S]
    ('openai-gpt-5-5-nano',    'OpenAI', 'GPT-5.5 nano',    'chat',      false, false, 0.10, 0.40, NULL, 50.00, 10.00, DATE '2026-06-01', false, 'mandark-droid/genai_otel_instrument v1.3.2', NULL), -- src: genai_otel_instrument [S]
    -- Anthropic: batch -50% [S]
    ('anthropic-claude-opus-4-1',   'Anthropic', 'Claude Opus 4 / 4.1',       'chat', false, false, 15.00, 75.00, 1.50, 50.00, NULL, DATE '2025-07-01', true,  'docs.rs tokr pricing.toml', 'Legacy tier'), -- src: tokr [S]
    ('anthropic-claude-opus-4-7',   'Anthropic', 'Claude Opus 4.5 / 4.6 / 4.7', 'chat', false, false, 5.00, 25.00, 0.50, 50.00, NULL, DATE '2026-05-22', false, 'tokr pricing.toml; api-evangelist/anthropic plans', 'Cache write 5-min 6.25, 1-h 10.00'), -- src: api-evangelist/anthropic [S]
    ('anthropic-claude-sonnet-4',   'Anthropic', 'Claude Sonnet 4 / 4.5',     'chat', false, false, 3.00, 15.00, NULL, 50.00, NULL, DATE '2025-07-01', true,  't3dotgg gist', '4.5 reported at the same tier'), -- src: t3dotgg gist [S]
    ('anthropic-claude-sonnet-4-6', 'Anthropic', 'Claude Sonnet 4.6',         'chat', false, false, 3.00, 15.00, 0.30, 50.00, NULL, DATE '2026-05-22', false, 'api-evangelist/anthropic plans', '>200K context: 6.00 / 22.50'), -- src: api-evangelist/anthropic [S]
    ('anthropic-claude-haiku-4-5',  'Anthropic', 'Claude Haiku 4.5',          'chat', false, false, 1.00, 5.00, 0.10, 50.00, NULL, DATE '2026-07-05', false, 'api-evangelist/anthropic plans; HF aicostbudget-ai/ai-api-pricing', NULL), -- src: api-evangelist/anthropic [S]
    ('anthropic-claude-3-5-haiku',  'Anthropic', 'Claude 3.5 Haiku (legacy)', 'chat', false, false, 0.80, 4.00, NULL, 50.00, NULL, DATE '2025-07-01', true,  'gemmozero/ai-pricing-matrix-2026', NULL), -- src: gemmozero [S]
    -- Google Gemini Developer API, paid tier: batch -50% [S]
    ('google-gemini-2-5-pro',        'Google', 'Gemini 2.5 Pro',               'chat', false, false, 1.25, 10.00, NULL, 50.00, NULL, DATE '2026-10-07', false, 'api-evangelist/deepmind plans; RingCanary gist', '>200K context: 2.50 / 15.00'), -- src: api-evangelist/deepmind [S]
    ('google-gemini-2-5-flash',      'Google', 'Gemini 2.5 Flash',             'chat', false, false, 0.30, 2.50, NULL, 50.00, NULL, DATE '2026-10-07', false, 'api-evangelist/deepmind plans', 'Audio input 1.00'), -- src: api-evangelist/deepmind [S]
    ('google-gemini-2-5-flash-lite', 'Google', 'Gemini 2.5 Flash-Lite',        'chat', false, false, 0.10, 0.40, NULL, 50.00, NULL, DATE '2026-04-19', false, 'schlebek/ai-wish-generator v3.2.0', NULL), -- src: schlebek [S]
    ('google-gemini-3-flash',        'Google', 'Gemini 3 Flash (preview)',     'chat', false, true,  0.50, 3.00, NULL, 50.00, NULL, DATE '2026-04-19', false, 'schlebek/ai-wish-generator v3.2.0', NULL), -- src: schlebek [S]
    ('google-gemini-3-1-flash-lite', 'Google', 'Gemini 3.1 Flash-Lite (preview)', 'chat', false, true, 0.25, 1.50, NULL, 50.00, NULL, DATE '2026-04-19', false, 'schlebek/ai-wish-generator v3.2.0', NULL), -- src: schlebek [S]
    ('google-gemini-3-1-pro',        'Google', 'Gemini 3.1 Pro (preview)',     'chat', false, true,  2.00, 12.00, NULL, 50.00, NULL, DATE '2026-10-07', false, 'api-evangelist/deepmind plans', '>200K context: 4.00 / 18.00'), -- src: api-evangelist/deepmind [S]
    ('google-gemini-3-5-flash',      'Google', 'Gemini 3.5 Flash',             'chat', false, false, 1.50, 9.00, NULL, 50.00, NULL, DATE '2026-10-07', false, 'api-evangelist/deepmind plans', NULL), -- src: api-evangelist/deepmind [S]
    ('google-gemini-3-5-flash-lite', 'Google', 'Gemini 3.5 Flash-Lite',        'chat', false, false, 0.30, 2.50, NULL, 50.00, NULL, DATE '2026-10-07', false, 'api-evangelist/deepmind plans', NULL), -- src: api-evangelist/deepmind [S]
    ('google-gemini-3-8-flash-promo','Google', 'Gemini 3.8 Flash (promo to 2026-12-31)', 'chat', false, false, 0.75, 3.75, NULL, 50.00, NULL, DATE '2026-10-07', false, 'api-evangelist/deepmind plans', 'Promotional price until 2026-12-31'), -- src: api-evangelist/deepmind [S]
    ('google-gemini-3-8-flash',      'Google', 'Gemini 3.8 Flash (from 2027-01-01)', 'chat', false, false, 1.50, 7.50, NULL, 50.00, NULL, DATE '2026-10-07', false, 'api-evangelist/deepmind plans', 'List price from 2027-01-01'), -- src: api-evangelist/deepmind [S]
    -- Mistral AI (EU provider): batch -50% [S]
    ('mistral-large-3',     'Mistral AI', 'Mistral Large 3',        'chat',      true,  false, 0.50, 1.50, NULL, 50.00, NULL, DATE '2025-12-01', true, 'skills.sh mistral-cost-tuning', 'mistral-large-latest, late 2025; open weights'), -- src: skills.sh [S]
    ('mistral-large-2',     'Mistral AI', 'Mistral Large 2 / Pixtral Large', 'chat', false, false, 2.00, 6.00, NULL, 50.00, NULL, DATE '2026-01-15', true, 'lava.so Mistral gateway docs; wavespeed.ai', NULL), -- src: lava.so [S]
    ('mistral-medium-3',    'Mistral AI', 'Mistral Medium 3.x',     'chat',      false, false, 0.40, 2.00, NULL, 50.00, NULL, DATE '2026-03-01', true, 'getmaxim.ai model library', NULL), -- src: getmaxim.ai [S]
    ('mistral-small-3',     'Mistral AI', 'Mistral Small 3.x',      'chat',      true,  false, 0.10, 0.30, NULL, 50.00, NULL, DATE '2026-01-15', true, 'skills.sh mistral-cost-tuning; t3dotgg gist', NULL), -- src: skills.sh [S]
    ('mistral-codestral',   'Mistral AI', 'Codestral',              'chat',      false, false, 0.30, 0.90, NULL, 50.00, NULL, DATE '2025-07-01', true, 'skills.sh mistral-cost-tuning', 'Another 2026 matrix lists 0.20 / 0.60'), -- src: skills.sh [S]
    ('mistral-magistral-medium', 'Mistral AI', 'Magistral Medium',  'reasoning', false, false, 2.00, 5.00, NULL, 50.00, NULL, DATE '2026-01-15', true, 'lava.so Mistral docs', NULL), -- src: lava.so [S]
    ('mistral-magistral-small',  'Mistral AI', 'Magistral Small',   'reasoning', true,  false, 0.50, 1.50, NULL, 50.00, NULL, DATE '2026-01-15', true, 'lava.so Mistral docs', NULL), -- src: lava.so [S]
    ('mistral-ministral-3b','Mistral AI', 'Ministral 3B',           'chat',      false, false, 0.10, 0.10, NULL, 50.00, NULL, DATE '2025-07-01', true, 'skills.sh mistral-cost-tuning', NULL), -- src: skills.sh [S]
    -- Open-weight models via inference providers [S]
    ('groq-llama-3-1-8b',        'Groq',      'Llama 3.1 8B Instant',        'chat', true, false, 0.05, 0.08, NULL, NULL, NULL, DATE '2026-09-26', false, 'gemmozero/ai-pricing-matrix-2026', NULL), -- src: gemmozero [S]
    ('groq-llama-3-70b',         'Groq',      'Llama 3.x 70B',               'chat', true, false, 0.59, 0.79, NULL, NULL, NULL, DATE '2026-09-26', false, 'gemmozero/ai-pricing-matrix-2026; Mirascope PR #272', NULL), -- src: gemmozero [S]
    ('groq-gpt-oss-120b',        'Groq',      'gpt-oss-120b',                'chat', true, false, 0.15, 0.60, NULL, NULL, NULL, DATE '2026-06-01', true,  'braintrustdata/braintrust-proxy issues #925, #566', 'Same price at Together'), -- src: braintrust-proxy [S]
    ('together-llama-3-1-8b',    'Together AI', 'Llama 3.1 8B',              'chat', true, false, 0.18, 0.18, NULL, NULL, NULL, DATE '2026-09-26', false, 'gemmozero/ai-pricing-matrix-2026', NULL), -- src: gemmozero [S]
    ('deepinfra-llama-3-1-8b',   'DeepInfra', 'Llama 3.1 8B Instruct Turbo', 'chat', true, false, 0.02, 0.04, NULL, NULL, NULL, DATE '2026-11-05', false, 'HF hundredthrun/gpu-cloud-prices (deepinfra.com/pricing)', NULL), -- src: hundredthrun [S]
    ('deepinfra-llama-3-3-70b',  'DeepInfra', 'Llama 3.3 70B Instruct Turbo','chat', true, false, 0.10, 0.32, NULL, NULL, NULL, DATE '2026-11-05', false, 'HF hundredthrun/gpu-cloud-prices', NULL), -- src: hundredthrun [S]
    ('deepinfra-llama-4-scout',  'DeepInfra', 'Llama 4 Scout 17B-16E',       'chat', true, false, 0.10, 0.30, NULL, NULL, NULL, DATE '2026-11-05', false, 'HF hundredthrun/gpu-cloud-prices', NULL), -- src: hundredthrun [S]
    ('deepinfra-llama-3-1-405b', 'DeepInfra', 'Llama 3.1 405B',              'chat', true, false, 0.80, 0.80, NULL, NULL, NULL, DATE '2026-11-05', false, 'HF hundredthrun/gpu-cloud-prices', NULL), -- src: hundredthrun [S]
    ('deepseek-v3',              'DeepSeek',  'DeepSeek V3',                 'chat', true, false, 0.27, 1.10, NULL, NULL, NULL, DATE '2025-07-01', true,  't3dotgg gist', 'First-party API'), -- src: t3dotgg gist [S]
    -- Embeddings (input only) [S]/[P]
    ('openai-text-embedding-3-small', 'OpenAI', 'text-embedding-3-small', 'embedding', false, false, 0.02, 0, NULL, 50.00, 10.00, DATE '2026-06-01', true, 'developers.openai.com/api/docs/models/text-embedding-3-large', 'Provider page [P]'), -- src: OpenAI docs [P]
    ('openai-text-embedding-3-large', 'OpenAI', 'text-embedding-3-large', 'embedding', false, false, 0.13, 0, NULL, 50.00, 10.00, DATE '2026-06-01', true, 'developers.openai.com/api/docs/models/text-embedding-3-large', 'Provider page [P]'), -- src: OpenAI docs [P]
    ('openai-text-embedding-ada-002', 'OpenAI', 'text-embedding-ada-002 (legacy)', 'embedding', false, false, 0.10, 0, NULL, NULL, NULL, DATE '2025-07-01', true, 'docs.praison.ai embeddings/openai', NULL), -- src: praison [S]
    ('google-gemini-embedding-2',     'Google', 'Gemini Embedding 2 (text)', 'embedding', false, false, 0.20, 0, NULL, NULL, NULL, DATE '2026-10-07', false, 'api-evangelist/deepmind plans', NULL), -- src: api-evangelist/deepmind [S]
    ('mistral-embed',                 'Mistral AI', 'mistral-embed',      'embedding', false, false, 0.10, 0, NULL, NULL, NULL, DATE '2025-07-01', true, 'skills.sh mistral-cost-tuning', NULL), -- src: skills.sh [S]
    ('cohere-embed-v4',               'Cohere', 'embed-v4.0',             'embedding', false, false, 0.12, 0, NULL, NULL, NULL, DATE '2026-03-01', true, 'getmaxim.ai cost calculator (Cohere)', 'embed v3: 0.10'), -- src: getmaxim.ai [S]
    ('voyage-2',                      'Voyage AI', 'voyage-2',            'embedding', false, false, 0.10, 0, NULL, NULL, NULL, DATE '2025-01-01', true, 'thenile.dev embedding-models page', 'voyage-large-2-instruct 0.12'), -- src: thenile.dev [S]
    ('fireworks-nomic-embed-v1-5',    'Fireworks AI', 'nomic-embed-text-v1.5', 'embedding', true, false, 0.008, 0, NULL, NULL, NULL, DATE '2025-01-01', true, 'thenile.dev embedding-models page', NULL) -- src: thenile.dev [S]
) AS v(code, provider, model, mtype, open_w, preview, inp, outp, cached, batch, eu_uplift, pdate, approx, src, notes);

-- OpenAI embedding prices come from the provider page
UPDATE llm_api_costs SET source_flag = 'P'
WHERE code IN ('openai-text-embedding-3-small', 'openai-text-embedding-3-large');

-- ---------------------------------------------------------------------------
-- ML compute instances (infra facts §3.1). hourly_price = whole instance.
-- ---------------------------------------------------------------------------
INSERT INTO ml_compute_instances (code, cloud_provider_id, service_id, name, gpu_model, gpu_count, gpu_memory_gb,
                                  vcpu, ram_gb, region, billing_model, hourly_price, price_per_gpu_hour, monthly_price,
                                  currency, price_date, source_ref, source_flag, is_estimate, notes)
SELECT v.code, (SELECT id FROM cloud_providers WHERE code = v.provider), (SELECT id FROM services WHERE code = v.service),
       v.name, v.gpu, v.n, v.mem, v.vcpu, v.ram, v.region, v.billing, v.hourly, ROUND(v.hourly / v.n, 6), v.monthly,
       v.cur, v.pdate, v.src, v.flag, v.flag = 'E', v.notes
FROM (VALUES
    ('ovh-l4-90',              'ovhcloud',   'ovh-l4-90',      'OVHcloud l4-90',             'L4 24GB',            1::smallint, 24::smallint, 22::smallint, 90::numeric, 'GRA (FR)', 'on_demand', 0.75::numeric, 540.00::numeric, 'EUR', DATE '2025-01-27', 'OVHcloud catalogue export 2025-01-27', 'S', NULL), -- src: OVH catalogue [S]
    ('ovh-l40s-90',            'ovhcloud',   'ovh-l40s-90',    'OVHcloud l40s-90',           'L40S 48GB',          1, 48, 15, 90, 'GRA (FR)', 'on_demand', 1.40, 1008.00, 'EUR', DATE '2025-01-27', 'OVHcloud catalogue export 2025-01-27', 'S', NULL), -- src: OVH catalogue [S]
    ('ovh-a10-45',             'ovhcloud',   NULL,             'OVHcloud a10-45',            'A10 24GB',           1, 24, 30, 45, 'GRA (FR)', 'on_demand', 0.76, NULL, 'EUR', DATE '2025-01-27', 'OVHcloud catalogue export 2025-01-27', 'S', NULL), -- src: OVH catalogue [S]
    ('ovh-a100-180',           'ovhcloud',   'ovh-a100-180',   'OVHcloud a100-180',          'A100 80GB',          1, 80, 15, 180, 'GRA (FR)', 'on_demand', 2.75, 1100.00, 'EUR', DATE '2025-01-27', 'OVHcloud catalogue export 2025-01-27', 'S', NULL), -- src: OVH catalogue [S]
    ('ovh-h100-380',           'ovhcloud',   'ovh-h100-380',   'OVHcloud h100-380',          'H100 80GB',          1, 80, 30, 380, 'GRA (FR)', 'on_demand', 2.80, 1940.00, 'EUR', DATE '2025-01-27', 'OVHcloud catalogue export 2025-01-27', 'S', 'US site shows $2.99/h in 2026'), -- src: OVH catalogue [S]
    ('ovh-h100-760',           'ovhcloud',   NULL,             'OVHcloud h100-760 (2x)',     'H100 80GB',          2, 80, NULL, NULL, 'GRA (FR)', 'on_demand', 5.60, 3880.00, 'EUR', DATE '2025-01-27', 'OVHcloud catalogue export 2025-01-27', 'S', NULL), -- src: OVH catalogue [S]
    ('ovh-h100-1520',          'ovhcloud',   NULL,             'OVHcloud h100-1520 (4x)',    'H100 80GB',          4, 80, NULL, NULL, 'GRA (FR)', 'on_demand', 11.20, 7770.00, 'EUR', DATE '2025-01-27', 'OVHcloud catalogue export 2025-01-27', 'S', NULL), -- src: OVH catalogue [S]
    ('hetzner-gex44',          'hetzner',    'hetzner-gex44',  'Hetzner GEX44 (dedicated)',  'RTX 4000 SFF Ada 20GB', 1, 20, 20, 64, 'fsn1', 'monthly_dedicated', 0.252055, 184.00, 'EUR', DATE '2026-01-15', 'abn.company; GitHub project note; hourly = 184 / 730 h', 'E', 'Monthly price [S]; hourly equivalent [E]; setup fee extra'), -- src: abn.company [S] / hourly [E]
    ('hetzner-gex130',         'hetzner',    'hetzner-gex130', 'Hetzner GEX130 (dedicated)', 'RTX 6000 Ada 48GB',  1, 48, NULL, NULL, 'fsn1', 'monthly_dedicated', 1.147945, 838.00, 'EUR', DATE '2026-01-15', 'GitHub project notes; hourly = 838 / 730 h', 'E', 'Monthly price [S]; hourly equivalent [E]'), -- src: GitHub notes [S] / hourly [E]
    ('aws-g5-2xlarge-fra',     'aws-eu',     'aws-g5-2xlarge', 'AWS g5.2xlarge eu-central-1','A10G 24GB',          1, 24, 8, 32, 'eu-central-1', 'on_demand', 1.5156, NULL, 'USD', DATE '2026-01-15', 'skypilot-org/skypilot-catalog v7 aws vms.csv', 'S', 'Whole VM'), -- src: SkyPilot [S]
    ('aws-g5-24xlarge-fra',    'aws-eu',     NULL,             'AWS g5.24xlarge eu-central-1','A10G 24GB',         4, 24, 96, 384, 'eu-central-1', 'on_demand', 10.18405, NULL, 'USD', DATE '2026-01-15', 'skypilot-org/skypilot-catalog v7 aws vms.csv', 'S', NULL), -- src: SkyPilot [S]
    ('aws-g6e-2xlarge-fra',    'aws-eu',     'aws-g6e-2xlarge','AWS g6e.2xlarge eu-central-1','L40S 48GB',         1, 48, 8, 64, 'eu-central-1', 'on_demand', 2.8035, NULL, 'USD', DATE '2026-01-15', 'skypilot-org/skypilot-catalog v7 aws vms.csv', 'S', 'Whole VM'), -- src: SkyPilot [S]
    ('aws-g6e-12xlarge-fra',   'aws-eu',     NULL,             'AWS g6e.12xlarge eu-central-1','L40S 48GB',        4, 48, NULL, NULL, 'eu-central-1', 'on_demand', 13.12002, NULL, 'USD', DATE '2026-01-15', 'skypilot-org/skypilot-catalog v7 aws vms.csv', 'S', NULL), -- src: SkyPilot [S]
    ('aws-p5-48xlarge-use1',   'aws-us',     NULL,             'AWS p5.48xlarge us-east-1',  'H100 80GB',          8, 80, NULL, NULL, 'us-east-1', 'on_demand', 55.04, NULL, 'USD', DATE '2026-11-09', 'datareceipts/data-receipts 109-gpu-pricing', 'S', 'EU price not captured'), -- src: datareceipts [S]
    ('aws-p4de-24xlarge-use1', 'aws-us',     NULL,             'AWS p4de.24xlarge us-east-1','A100 80GB',          8, 80, NULL, NULL, 'us-east-1', 'on_demand', 27.45, NULL, 'USD', DATE '2026-11-09', 'datareceipts/data-receipts 109-gpu-pricing', 'S', NULL), -- src: datareceipts [S]
    ('runpod-h100-sxm-community','runpod',   NULL,             'RunPod H100 SXM (Community)','H100 80GB',          1, 80, NULL, NULL, 'global', 'community', 2.69, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data gpu_prices.csv', 'S', NULL), -- src: silybench-data [S]
    ('runpod-h100-sxm-secure', 'runpod',     NULL,             'RunPod H100 SXM (Secure)',   'H100 80GB',          1, 80, NULL, NULL, 'global', 'on_demand', 3.49, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data; datareceipts vendors.json', 'S', 'A Nov-2026 read shows $3.99'), -- src: silybench-data [S]
    ('runpod-h100-pcie-community','runpod',  NULL,             'RunPod H100 PCIe (Community)','H100 80GB',         1, 80, NULL, NULL, 'global', 'community', 1.99, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data', 'S', 'Secure $2.89'), -- src: silybench-data [S]
    ('runpod-a100-sxm-community','runpod',   NULL,             'RunPod A100 80GB SXM (Community)','A100 80GB',     1, 80, NULL, NULL, 'global', 'community', 1.39, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data', 'S', 'Secure $1.59-1.79'), -- src: silybench-data [S]
    ('runpod-l40s-community',  'runpod',     NULL,             'RunPod L40S (Community)',    'L40S 48GB',          1, 48, NULL, NULL, 'global', 'community', 0.79, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data', 'S', 'Secure $1.09'), -- src: silybench-data [S]
    ('runpod-rtx4090-community','runpod',    NULL,             'RunPod RTX 4090 (Community)','RTX 4090 24GB',      1, 24, NULL, NULL, 'global', 'community', 0.34, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data', 'S', 'Secure $0.74'), -- src: silybench-data [S]
    ('lambda-h100-sxm-8x',     'lambda',     NULL,             'Lambda 8x H100 SXM',         'H100 80GB',          8, 80, NULL, NULL, 'US', 'on_demand', 31.92, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data; api-evangelist/lambda-labs', 'S', '$3.99 per GPU-hour'), -- src: silybench-data [S]
    ('lambda-h100-sxm-1x',     'lambda',     NULL,             'Lambda 1x H100 SXM',         'H100 80GB',          1, 80, NULL, NULL, 'US', 'on_demand', 4.29, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data', 'S', 'PCIe 1x $3.29'), -- src: silybench-data [S]
    ('lambda-a100-80-sxm-8x',  'lambda',     NULL,             'Lambda 8x A100 80GB SXM',    'A100 80GB',          8, 80, NULL, NULL, 'US', 'on_demand', 22.32, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data; api-evangelist/lambda-labs', 'S', '$2.79 per GPU-hour'), -- src: silybench-data [S]
    ('lambda-a100-40-1x',      'lambda',     NULL,             'Lambda 1x A100 40GB',        'A100 40GB',          1, 40, NULL, NULL, 'US', 'on_demand', 1.99, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data', 'S', NULL), -- src: silybench-data [S]
    ('nebius-h100',            'nebius',     NULL,             'Nebius H100 (HGX)',          'H100 80GB',          1, 80, NULL, NULL, 'eu-north1 (FI)', 'on_demand', 3.85, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data', 'S', NULL), -- src: silybench-data [S]
    ('nebius-l40s',            'nebius',     NULL,             'Nebius L40S',                'L40S 48GB',          1, 48, NULL, NULL, 'eu-north1 (FI)', 'on_demand', 1.55, NULL, 'USD', DATE '2026-09-25', 'tgarg01/silybench-data', 'S', NULL), -- src: silybench-data [S]
    ('hyperstack-h100-sxm',    'hyperstack', NULL,             'Hyperstack H100 SXM',        'H100 80GB',          1, 80, NULL, NULL, 'Europe', 'on_demand', 3.20, NULL, 'USD', DATE '2026-08-26', 'api-evangelist/nexgen-cloud plans', 'S', 'NVLink H100 $2.60'), -- src: api-evangelist/nexgen-cloud [S]
    ('hyperstack-h200',        'hyperstack', NULL,             'Hyperstack H200',            'H200 141GB',         1, 141, NULL, NULL, 'Europe', 'on_demand', 3.99, NULL, 'USD', DATE '2026-08-26', 'api-evangelist/nexgen-cloud plans', 'S', NULL) -- src: api-evangelist/nexgen-cloud [S]
) AS v(code, provider, service, name, gpu, n, mem, vcpu, ram, region, billing, hourly, monthly, cur, pdate, src, flag, notes);

-- ---------------------------------------------------------------------------
-- ML training cost estimates (infra facts §3.2, §3.3).
-- cost = GPU-hours x price_per_gpu_hour of the linked instance, in its currency.
-- GPU-hour ranges are [E] derived from the cited anchors.
-- ---------------------------------------------------------------------------
INSERT INTO ml_training_cost_estimates (code, name, training_type, base_model, model_params_b, training_tokens_b,
                                        ml_compute_instance_id, gpu_hours_low, gpu_hours_mid, gpu_hours_high,
                                        cost_low, cost_mid, cost_high, currency, includes_experimentation,
                                        source_ref, source_flag, is_estimate, notes)
SELECT v.code, v.name, v.ttype, v.base, v.params, v.tokens, i.id, v.h_lo, v.h_mid, v.h_hi,
       ROUND(v.h_lo * i.price_per_gpu_hour, 2), ROUND(v.h_mid * i.price_per_gpu_hour, 2), ROUND(v.h_hi * i.price_per_gpu_hour, 2),
       i.currency, v.exper, v.src, 'E', true, v.notes
FROM (VALUES
    ('FT-8B-LORA-OVH-H100',     '8B LoRA/QLoRA fine-tune, single run, EU (OVH H100)',      'lora',          'Llama-3.1-8B', 8::numeric, 0.03::numeric, 'ovh-h100-380', 4::numeric, 8::numeric, 12::numeric, false,
     'infra facts §3.2 VIVIM planning estimate (10-50 M tokens, 1x H100 4-12 h)', '≈ €11-34 per run'), -- src: est. from §3.2 [E]
    ('FT-8B-PROGRAM-OVH-H100',  '8B fine-tune programme incl. experiments and evals, EU (OVH H100)', 'lora', 'Llama-3.1-8B', 8, NULL, 'ovh-h100-380', 8, 20, 36, true,
     'infra facts §3.2 (x2-3 for experimentation/evals)', NULL), -- src: est. from §3.2 [E]
    ('FT-8B-LORA-RUNPOD-H100',  '8B LoRA fine-tune, single run (RunPod H100 community)',   'lora',          'Llama-3.1-8B', 8, 0.03, 'runpod-h100-sxm-community', 4, 8, 12, false,
     'infra facts §3.2 ($11-42 at RunPod $2.69-3.49/h)', 'Not for EU personal data'), -- src: est. from §3.2 [E]
    ('FT-8B-QLORA-RTX4090',     '8B QLoRA fine-tune, 3,000 steps (RunPod RTX 4090)',      'qlora',         'Llama-3.1-8B', 8, NULL, 'runpod-rtx4090-community', 11, 13, 15.5, false,
     'deploybase.ai GPU guide ($1.25-1.75 per 1,000 steps at $0.34/h)', 'QLoRA 8B needs ≈10-14 GB VRAM'), -- src: deploybase.ai [S] -> hours [E]
    ('FT-70B-QLORA-OVH-L40S',   '70B QLoRA fine-tune on one 48 GB GPU, EU (OVH L40S)',    'qlora',         'Llama-3.x-70B', 70, NULL, 'ovh-l40s-90', 3, 8, 14, false,
     'aihardwareindex.com (QLoRA single 48 GB GPU $4-20/run)', NULL), -- src: aihardwareindex [S] -> hours [E]
    ('FT-70B-LORA-OVH-A100',    '70B LoRA fine-tune on 2-4x A100, EU (OVH A100)',         'lora',          'Llama-3.x-70B', 70, NULL, 'ovh-a100-180', 36, 80, 145, false,
     'aihardwareindex.com (LoRA 2-4x A100 $100-400)', NULL), -- src: aihardwareindex [S] -> hours [E]
    ('FT-70B-FULL-LAMBDA-8XH100','70B full fine-tune on 8x H100 (Lambda)',                'full_finetune', 'Llama-3.x-70B', 70, NULL, 'lambda-h100-sxm-8x', 125, 280, 500, false,
     'aihardwareindex.com (full FT 8x H100 $500-2,000)', 'Not for EU personal data'), -- src: aihardwareindex [S] -> hours [E]
    ('PT-GPT2-124M-LAMBDA-A100','GPT-2 124M pretrain, 10B tokens (llm.c), 8x A100',       'pretrain',      'GPT-2 124M', 0.124, 10, 'lambda-a100-80-sxm-8x', 10, 12, 16, false,
     'karpathy/llm.c discussion #481 (≈90 min on 8x A100 ≈ $20)', 'Source node price was ~$14/h; Lambda list price used'), -- src: llm.c #481 [S] -> hours [E]
    ('PT-GPT2-350M-LAMBDA-A100','GPT-2 350M pretrain, 30B tokens (llm.c), 8x A100',       'pretrain',      'GPT-2 350M', 0.350, 30, 'lambda-a100-80-sxm-8x', 100, 112, 135, false,
     'karpathy/llm.c discussion #481 (≈14 h, ≈$200)', NULL), -- src: llm.c #481 [S] -> hours [E]
    ('PT-GPT2-1B5-LAMBDA-H100', 'GPT-2 1.5B pretrain (llm.c), 8x H100',                   'pretrain',      'GPT-2 1.5B', 1.5, NULL, 'lambda-h100-sxm-8x', 170, 192, 230, false,
     'karpathy/llm.c discussion #677 (24 h on one 8x H100 node ≈ $672)', NULL), -- src: llm.c #677 [S] -> hours [E]
    ('PT-NANOCHAT-561M-RUNPOD', 'nanochat ~561M full pipeline incl. SFT, 8x H100',        'pretrain',      'nanochat d20', 0.561, NULL, 'runpod-h100-sxm-community', 24, 32, 40, false,
     'nanochat README ("$100 tier": ≈4 h on 8x H100 @ ~$24/h)', 'Not for EU personal data'), -- src: nanochat README [S] -> hours [E]
    ('PT-NANOCHAT-D32-RUNPOD',  'nanochat d32 (~41.6 h on 8x H100)',                      'pretrain',      'nanochat d32', NULL, NULL, 'runpod-h100-sxm-community', 300, 333, 400, false,
     'nanochat README / aitoearn blog (≈$1,000)', NULL), -- src: nanochat [S] -> hours [E]
    ('PT-VIVIM-1B-OVH-H100',    'VIVIM 1B domain model pretrain, 20B tokens, EU (OVH H100)', 'pretrain',   'VIVIM-1B (plan)', 1, 20, 'ovh-h100-380', 100, 160, 300, true,
     '6 x params x tokens = 1.2e20 FLOPs; H100 at ~40% MFU ≈ 83 GPU-h; x1.2-3.6 for restarts/evals', 'VIVIM plan figure (M8 Training)') -- src: est. (6ND rule, llm.c thread) [E]
) AS v(code, name, ttype, base, params, tokens, instance, h_lo, h_mid, h_hi, exper, src, notes)
JOIN ml_compute_instances i ON i.code = v.instance;

-- Managed fine-tuning APIs (no GPU instance) -- src: finlora-docs "Resource usage and cost analysis" [S]
INSERT INTO ml_training_cost_estimates (code, name, training_type, base_model, model_params_b, training_tokens_b,
                                        ml_compute_instance_id, gpu_hours_low, gpu_hours_mid, gpu_hours_high,
                                        cost_low, cost_mid, cost_high, currency, includes_experimentation,
                                        source_ref, source_flag, is_estimate, notes)
VALUES
('FT-MANAGED-GEMINI-FLASH-LITE', 'Managed fine-tune, Gemini 2.0 Flash-Lite (FinLoRA task)', 'managed_finetune', 'Gemini 2.0 Flash-Lite', NULL, NULL, NULL, NULL, NULL, NULL,
 130.00, 162.00, 243.00, 'USD', false, 'finlora-docs.readthedocs.io "Resource usage and cost analysis"', 'S', true, 'Source figure ≈$162 [S]; band 0.8x-1.5x [E]; parameter count not disclosed'), -- src: finlora-docs [S]
('FT-MANAGED-GPT-4O-MINI',       'Managed fine-tune, GPT-4o-mini, 4 epochs (FinLoRA task)', 'managed_finetune', 'GPT-4o-mini', NULL, NULL, NULL, NULL, NULL, NULL,
 250.00, 312.00, 468.00, 'USD', false, 'finlora-docs.readthedocs.io "Resource usage and cost analysis"', 'S', true, 'Source figure ≈$312 [S]; band 0.8x-1.5x [E]; parameter count not disclosed'); -- src: finlora-docs [S]
