-- VIVIM cost database, seed 01: locations, cost-of-living / office data,
-- employer on-cost factors, tax incentives and regulatory salary floors.
-- Source keys and flags: shared/data/labor-cost-facts.md (§2 on-costs, §3 incentives,
-- §4 cost of living and offices, §6 thresholds, §7 source key).
-- All rows for planning year 2026; where only a 2024/2025 figure exists it is carried
-- forward and source_year says so.

SET client_min_messages = warning;

-- ---------------------------------------------------------------------------
-- Locations
-- cost_of_living_index: Berlin = 100, excl. rent -- src: est. from NUMBEO [EST] (facts §4a)
-- numbeo_*: NYC = 100 -- src: NUMBEO [SRC] (years differ, see numbeo_index_year)
-- coworking / office rent: see location_facility_costs below for the sources
-- ---------------------------------------------------------------------------
INSERT INTO locations (code, name, country_code, city, region, currency, timezone, is_reference_market,
                       cost_of_living_index, numbeo_col_index, numbeo_rent_index, numbeo_index_year,
                       coworking_desk_monthly, coworking_currency, office_rent_sqm_monthly,
                       regulatory_notes, data_quality_notes, source_keys)
VALUES
-- src: NUMBEO 2022 [SRC]; KELISTO (+24.2% vs Spain) [SRC]; coworking [EST]; office CBRE 6-10 €/m² [SRC]
('ES-PMI', 'Palma (Mallorca)', 'ES', 'Palma', 'Balearic Islands', 'EUR', 'Europe/Madrid', false,
 92.50, 59.00, 28.90, 2022, 200.00, 'EUR', 8.00,
 'Pay in 14 instalments (ET art. 31); employer SS ≈32% below the 2026 cap of €61,214.40/yr; SMI €16,576/yr (2025); Beckham inbound regime (24% flat, 6 tax years); Startup Law (15% CIT, €50k stock-option exemption).',
 'No Palma tech-salary survey: Spain national figures scaled by the Baleares factor (≈98%, INE-DM). Palma cost of living +24.2% vs Spain average (2025).',
 'NUMBEO; KELISTO; CBRE; INE-DM; BOE25; ES26; AEAT-BK; LEY28'),
-- src: NUMBEO 2022 [SRC]; coworking / office [EST]
('IT-CTA', 'Catania (Sicily)', 'IT', 'Catania', 'Sicily', 'EUR', 'Europe/Rome', false,
 87.50, 57.30, 17.50, 2022, 160.00, 'EUR', 8.00,
 'Salaries quoted as RAL (13th/14th month included); employer INPS ≈29-32% + TFR 7.41% + INAIL ≈0.5%; no statutory minimum wage (CCNL tables); impatriati regime 50-60% exemption; Decontribuzione Sud 20% (max €125/month) 2026-27.',
 'IT pay from Experis Catania/South figures (EXP24/EXP25). Office rent has no source (check Agenzia Entrate OMI).',
 'NUMBEO; EXP24; EXP25; IT-INPS; IT-TFR; INAIL; DLGS209; L207'),
-- src: NUMBEO 2022 [SRC]; coworking Repubblica 2016 140-180 [SRC, old]; office [EST]
('IT-PMO', 'Palermo (Sicily)', 'IT', 'Palermo', 'Sicily', 'EUR', 'Europe/Rome', false,
 87.50, 58.00, 14.70, 2022, 160.00, 'EUR', 8.00,
 'Same Italian regime as Catania: RAL includes 13th/14th month; INPS ≈29-32%, TFR 7.41%, INAIL ≈0.5%; impatriati; Decontribuzione Sud 2025-2029.',
 'No Palermo IT pay data: salary benchmarks equal Catania [PROXY].',
 'NUMBEO; EXP24; EXP25; IT-INPS; IT-TFR; DLGS209; L207'),
-- src: NUMBEO Sliema 2025/26 [PROXY for Valletta]; coworking [EST]; office EMC Grade A 20-30 [SRC]
('MT-VLT', 'Valletta', 'MT', 'Valletta', 'Malta', 'EUR', 'Europe/Malta', false,
 97.50, 62.58, 35.02, 2025, 240.00, 'EUR', 25.00,
 'Class 1 SSC 10% employer, capped weekly (≈€2,860/yr 2026 [EST]; €2,768 in 2024); maternity fund 0.3%; statutory bonuses €512.52/yr; no mandatory pension; 15% flat tax for highly skilled individuals (min €65,000, LN 20/2026); KEI fast-track permit (min €35,000).',
 'Malta salary data is national (GRS23, RIV25); Valletta and Sliema form one labour market. Numbeo index is Sliema''s.',
 'NUMBEO; GRS23; RIV25; MT-CFR; DIER; MT-LN; IM; ME; EMC'),
-- src: NUMBEO 2025/26 [SRC]; coworking [EST]; office EMC (Sliema/St Julian's top of range) [SRC]
('MT-SLM', 'Sliema', 'MT', 'Sliema', 'Malta', 'EUR', 'Europe/Malta', false,
 97.50, 62.58, 35.02, 2025, 240.00, 'EUR', 27.50,
 'Same Maltese regime as Valletta: SSC 10% capped; maternity fund 0.3%; statutory bonuses; 15% highly-skilled regime; KEI.',
 'Salary benchmarks shared with Valletta [PROXY]. Numbeo 2022 → 2025/26: CoL 74.8 → 62.58, rent 31.5 → 35.02.',
 'NUMBEO; GRS23; RIV25; MT-CFR; DIER; MT-LN; IM; EMC'),
-- src: NUMBEO 2024 [SRC]; BNG22 $359 [SRC]; office COMMEDGE $63.63/sq ft/yr ≈ $57/m²/month [EST]
('US-SFO', 'San Francisco', 'US', 'San Francisco', 'California', 'USD', 'America/Los_Angeles', true,
 145.00, 92.50, 83.90, 2024, 359.00, 'USD', 57.00,
 'Employer FICA 7.65% (OASDI capped at $184,500 in 2026); FUTA with California credit reduction; CA UI/ETT on first $7,000; SDI employee-paid; SF HCSO health spending for 20+ employees; employer health premium ≈ $7.9k single.',
 'Reference market. Non-engineering SF pay has few sources. Office vacancy 31.6% (Q2-2025).',
 'NUMBEO; BNG22; COMMEDGE; KIDDER; KRUZE; BLS; SSA; IRS; EDD; SF-OLSE; KFF25'),
-- src: NUMBEO (Berlin only combined 48.0, not comparable) -> index base; BNG22 $210 [SRC]; office avg 27-27.80 H1-2025 [SRC]
('DE-BER', 'Berlin', 'DE', 'Berlin', 'Berlin', 'EUR', 'Europe/Berlin', true,
 100.00, NULL, NULL, NULL, 210.00, 'USD', 27.40,
 'Employer social insurance ≈21% statutory (+≈1.5% U1/U2/BG) with 2026 ceilings €101,400 (RV/AV) and €69,750 (KV/PV); no 13th month by law; no expat tax regime; EU Blue Card minimum €50,700 (2026); Forschungszulage R&D credit 25% (35% SME).',
 'Reference market and index base (Berlin = 100). Coworking price quoted in USD by the source.',
 'NUMBEO; BNG22; HP24; HP25; PB26; DE-SV; DE-BC; FZulG'),
-- src: NUMBEO 2024 [SRC]; BNG22 $308 [SRC]; office City Grade B £41.65/sq ft/yr ≈ £37/m²/month [EST]
('GB-LON', 'London', 'GB', 'London', 'England', 'GBP', 'Europe/London', true,
 125.00, 80.10, 71.60, 2024, 308.00, 'USD', 37.00,
 'Employer NIC 15% above £5,000/yr, no cap (2025/26); Employment Allowance £10,500; auto-enrolment pension 3% employer on £6,240-50,270; apprenticeship levy only above £3m paybill; non-dom regime abolished, 4-year FIG regime from 6-Apr-2025.',
 'Reference market. Coworking price quoted in USD by the source.',
 'NUMBEO; BNG22; SAVILLS; ITJW; SS26; PML26; UK-HMRC; UK-FIG');

-- Working days 2026 = 261 weekdays less the public holidays that fall on a weekday
-- (national + regional + the city's patron day). -- src: est. from the official 2026
-- holiday calendars, not re-verified [EST]
--   ES-PMI 261 - 10 (1 Jan, 6 Jan, 20 Jan Sant Sebastià, 2-3 Apr, 6 Apr, 1 May, 12 Oct, 8 Dec, 25 Dec)
--   IT-CTA 261 - 8  (1 Jan, 6 Jan, 5 Feb Sant'Agata, 6 Apr, 1 May, 2 Jun, 8 Dec, 25 Dec)
--   IT-PMO 261 - 8  (1 Jan, 6 Jan, 6 Apr, 1 May, 2 Jun, 15 Jul Santa Rosalia, 8 Dec, 25 Dec)
--   MT-*   261 - 11 (1 Jan, 10 Feb, 19 Mar, 31 Mar, 3 Apr, 1 May, 29 Jun, 8 Sep, 21 Sep, 8 Dec, 25 Dec)
--   DE-BER 261 - 7  (1 Jan, 3 Apr, 6 Apr, 1 May, 14 May, 25 May, 25 Dec)
--   GB-LON 261 - 8  (England and Wales bank holidays 2026)
--   US-SFO 261 - 11 (US federal holidays 2026, 4 Jul observed on 3 Jul)
-- ---------------------------------------------------------------------------
UPDATE locations l SET working_days_per_year = v.days
FROM (VALUES ('ES-PMI', 251), ('IT-CTA', 253), ('IT-PMO', 253), ('MT-VLT', 250), ('MT-SLM', 250),
             ('DE-BER', 254), ('GB-LON', 253), ('US-SFO', 250)) AS v(code, days)  -- src: est. [EST]
WHERE l.code = v.code;

-- ---------------------------------------------------------------------------
-- Location facility costs (labor facts §4b coworking, §4c office rent)
-- ---------------------------------------------------------------------------
INSERT INTO location_facility_costs (location_id, facility_type, unit, cost_low, cost_mid, cost_high, currency,
                                     observed_year, source_key, source_flag, is_estimate, notes)
VALUES
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'coworking_hot_desk',   'desk_month', 150, 200, 250, 'EUR', 2025, 'est. (no direct Palma price)', 'EST', true, 'Hot desk'),              -- src: est. [EST]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'coworking_fixed_desk', 'desk_month', 250, 300, 350, 'EUR', 2025, 'est. (no direct Palma price)', 'EST', true, 'Fixed desk'),            -- src: est. [EST]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'coworking_desk_avg',   'desk_month', 150, 165, 180, 'EUR', 2025, 'palmacoliving.co terms', 'PROXY', false, '€180 1-month / €150 3-month incl. 21% VAT; coliving-linked space'), -- src: palmacoliving.co [PROXY]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'office_rent_sqm',      'sqm_month', 6, 8, 10, 'EUR', 2021, 'CBRE', 'SRC', false, 'Palma city centre; Son Oms business park 4-5 €/m²'),  -- src: CBRE [SRC]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'private_office_per_person', 'person_month', 250, 280, 365, 'EUR', 2022, 'elespanol.com (Málaga proxy)', 'PROXY', false, 'Málaga ≈280 per person; Barcelona ≈30% more'), -- src: elespanol.com [PROXY]
((SELECT id FROM locations WHERE code = 'IT-CTA'), 'coworking_desk_avg',   'desk_month', 120, 160, 200, 'EUR', 2025, 'est. from Italy rows', 'EST', true, NULL),         -- src: est. [EST]
((SELECT id FROM locations WHERE code = 'IT-CTA'), 'office_rent_sqm',      'sqm_month', 6, 8, 10, 'EUR', 2025, 'est. (check Agenzia Entrate OMI)', 'EST', true, NULL), -- src: est. [EST]
((SELECT id FROM locations WHERE code = 'IT-PMO'), 'coworking_desk_avg',   'desk_month', 140, 160, 180, 'EUR', 2016, 'Repubblica (Quarto Tempo)', 'SRC', false, 'Small desk 140 / large desk 180; old'), -- src: Repubblica 2016 [SRC]
((SELECT id FROM locations WHERE code = 'IT-PMO'), 'office_rent_sqm',      'sqm_month', 6, 8, 10, 'EUR', 2025, 'est. (check Agenzia Entrate OMI)', 'EST', true, NULL), -- src: est. [EST]
((SELECT id FROM locations WHERE code = 'MT-VLT'), 'coworking_desk_avg',   'desk_month', 180, 240, 300, 'EUR', 2025, 'est. (no direct Malta price)', 'EST', true, NULL), -- src: est. [EST]
((SELECT id FROM locations WHERE code = 'MT-VLT'), 'office_rent_sqm',      'sqm_month', 15, 22.50, 30, 'EUR', 2020, 'EMC', 'SRC', false, 'Grade B 15-20 / Grade A 20-30'), -- src: EMC [SRC]
((SELECT id FROM locations WHERE code = 'MT-SLM'), 'coworking_desk_avg',   'desk_month', 180, 240, 300, 'EUR', 2025, 'est. (no direct Malta price)', 'EST', true, NULL), -- src: est. [EST]
((SELECT id FROM locations WHERE code = 'MT-SLM'), 'office_rent_sqm',      'sqm_month', 20, 27.50, 30, 'EUR', 2020, 'EMC', 'SRC', false, 'Sliema/St Julian''s at the top of the Grade A range'), -- src: EMC [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'coworking_desk_avg',   'desk_month', 359, 359, 359, 'USD', 2022, 'BNG22', 'SRC', false, 'Average desk'), -- src: BNG22 [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'office_rent_sqm',      'sqm_month', 57, 57, 67, 'USD', 2025, 'COMMEDGE', 'SRC', false, 'In-place $63.63/sq ft/yr ≈ $57/m²/month [EST conversion]; Class A asking $74.83 (Q4-2023) ≈ $67'), -- src: COMMEDGE [SRC]
((SELECT id FROM locations WHERE code = 'DE-BER'), 'coworking_desk_avg',   'desk_month', 210, 210, 210, 'USD', 2022, 'BNG22', 'SRC', false, 'Average desk'), -- src: BNG22 [SRC]
((SELECT id FROM locations WHERE code = 'DE-BER'), 'office_rent_sqm',      'sqm_month', 27, 27.40, 47.50, 'EUR', 2025, 'agents (press) H1-2025', 'SRC', false, 'Average 27-27.80; prime 46-47.50'), -- src: Berlin agents H1-2025 [SRC]
((SELECT id FROM locations WHERE code = 'GB-LON'), 'coworking_desk_avg',   'desk_month', 308, 308, 308, 'USD', 2022, 'BNG22', 'SRC', false, 'Average desk'), -- src: BNG22 [SRC]
((SELECT id FROM locations WHERE code = 'GB-LON'), 'office_rent_sqm',      'sqm_month', 37, 37, 89, 'GBP', 2025, 'SAVILLS; press Q1-2025', 'SRC', false, 'City Grade B £41.65/sq ft/yr ≈ £37/m²/month; City prime £99.75 ≈ £89 [EST conversion ×10.764/12]'); -- src: SAVILLS [SRC]

-- ---------------------------------------------------------------------------
-- Employment cost factors, year 2026 (labor facts §2)
-- ---------------------------------------------------------------------------
-- Spain (Palma) -- src: BOE25 / ES26 [SRC]; cap 2026 €61,214.40/yr
INSERT INTO employment_cost_factors (location_id, factor_code, year, source_year, name, factor_type, employer_rate_pct,
                                     fixed_annual_amount, contribution_base_floor, contribution_base_cap, currency,
                                     is_mandatory, is_included_in_gross, applies_to_loaded_cost,
                                     source_key, source_flag, is_estimate, notes)
VALUES
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-SS-COMMON',       2026, 2025, 'Contingencias comunes (common contingencies)', 'social_security', 23.60, NULL, NULL, 61214.40, 'EUR', true, false, true,  'BOE25; ES26', 'SRC', false, 'Rate 2025, cap 2026'),   -- src: BOE25 [SRC]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-UNEMPLOYMENT',    2026, 2025, 'Desempleo (open-ended contract)', 'unemployment', 5.50, NULL, NULL, 61214.40, 'EUR', true, false, true,   'BOE25', 'SRC', false, '6.70% for fixed-term contracts'), -- src: BOE25 [SRC]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-FOGASA',          2026, 2025, 'FOGASA wage guarantee fund', 'wage_guarantee', 0.20, NULL, NULL, 61214.40, 'EUR', true, false, true,          'BOE25', 'SRC', false, NULL), -- src: BOE25 [SRC]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-TRAINING',        2026, 2025, 'Formación profesional (vocational training)', 'training_levy', 0.60, NULL, NULL, 61214.40, 'EUR', true, false, true, 'BOE25', 'SRC', false, NULL), -- src: BOE25 [SRC]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-MEI',             2026, 2026, 'MEI intergenerational equity (employer share)', 'social_security', 0.75, NULL, NULL, 61214.40, 'EUR', true, false, true, 'ES26', 'EST', true, 'Total 0.90% in 2026 [SRC]; employer split ≈0.75% [EST]'), -- src: ES26 [SRC total, EST split]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-AT-EP',           2026, 2025, 'Work-accident premium AT/EP, office/IT staff', 'accident_insurance', 1.25, NULL, NULL, 61214.40, 'EUR', true, false, true, 'tarifa de primas (DA 4ª Ley 42/2006)', 'EST', true, '≈1.0-1.5% depending on CNAE/occupation'), -- src: est. [EST]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-SOLIDARITY-T1',   2026, 2026, 'Solidarity levy on pay above the cap, tranche 1 (up to +10%)', 'solidarity_levy', 0.96, NULL, 61214.40, 67335.84, 'EUR', true, false, true, 'ES26', 'SRC', false, 'Employer share; total 1.15%'), -- src: ES26 [SRC]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-SOLIDARITY-T2',   2026, 2026, 'Solidarity levy, tranche 2 (+10% to +50% over cap)', 'solidarity_levy', 1.04, NULL, 67335.84, 91821.60, 'EUR', true, false, true, 'ES26', 'SRC', false, 'Employer share; total 1.25%'), -- src: ES26 [SRC]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-SOLIDARITY-T3',   2026, 2026, 'Solidarity levy, tranche 3 (above +50% over cap)', 'solidarity_levy', 1.22, NULL, 91821.60, NULL, 'EUR', true, false, true, 'ES26', 'SRC', false, 'Employer share; total 1.46%'), -- src: ES26 [SRC]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-EXTRA-PAYS',      2026, 2025, 'Two extra monthly payments (14 pagas)', 'extra_month_pay', 0.00, NULL, NULL, NULL, 'EUR', true, true, false, 'ET31', 'SRC', false, 'Already included in annual gross; may be prorated into 12'), -- src: ET31 [SRC]
((SELECT id FROM locations WHERE code = 'ES-PMI'), 'ES-VOLUNTARY-BENEFITS', 2026, 2026, 'Voluntary benefits (private health, meal vouchers, training)', 'benefit', 3.00, NULL, NULL, NULL, 'EUR', false, false, false, 'labor facts §2g', 'EST', true, 'Typical 2-6% of salary; not statutory, excluded from loaded cost'); -- src: est. [EST]

-- Italy (Catania, Palermo) -- src: IT-INPS, INPS, IT-TFR, INAIL, AUX, peoitaly [SRC]
INSERT INTO employment_cost_factors (location_id, factor_code, year, source_year, name, factor_type, employer_rate_pct,
                                     fixed_annual_amount, contribution_base_floor, contribution_base_cap, currency,
                                     is_mandatory, is_included_in_gross, applies_to_loaded_cost,
                                     source_key, source_flag, is_estimate, notes)
SELECT l.id, v.factor_code, 2026, v.source_year, v.name, v.factor_type, v.rate, v.fixed, NULL, v.cap, 'EUR',
       v.mandatory, v.in_gross, v.applies, v.source_key, v.flag, v.est, v.notes
FROM locations l
CROSS JOIN (VALUES
    ('IT-INPS',        2025::smallint, 'INPS employer contributions (commerce/services), total', 'social_security', 30.00, NULL::numeric, 120607.00, true, false, true,  'IT-INPS', 'SRC', false, '≈29-32% depending on sector, size, CCNL; midpoint used; massimale 2025 €120,607 (post-1996 insured)'), -- src: IT-INPS [SRC]
    ('IT-IVS',         2025::smallint, 'IVS pension part of INPS (employer)', 'pension', 23.81, NULL, 120607.00, true, false, false, 'INPS', 'SRC', false, 'Component of IT-INPS; informational, not added again'), -- src: INPS [SRC]
    ('IT-INAIL',       2024::smallint, 'INAIL accident insurance, office activity (item 0722)', 'accident_insurance', 0.50, NULL, NULL, true, false, true, 'INAIL', 'SRC', false, 'Average ≈5 per mille; software item 0726 not found'), -- src: INAIL [SRC]
    ('IT-TFR',         2025::smallint, 'TFR severance accrual (RAL / 13.5)', 'severance_accrual', 7.41, NULL, NULL, true, false, true, 'IT-TFR', 'SRC', false, '6.91% accrues to employee, 0.50% to INPS guarantee fund; deferred liability'), -- src: IT-TFR [SRC]
    ('IT-13TH-14TH',   2025::smallint, 'Tredicesima / quattordicesima', 'extra_month_pay', 0.00, NULL, NULL, true, true, false, 'AUX', 'SRC', false, '13th standard in all CCNL, 14th in commerce/tertiary CCNL; already in RAL'), -- src: AUX [SRC]
    ('IT-CCNL-HEALTH', 2024::smallint, 'CCNL supplementary health fund and flexible benefits', 'benefit', NULL, 356.00, NULL, true, false, true, 'CCNL', 'EST', true, 'e.g. Metasalute ≈€156 + flexible benefits €200 per year; from memory, not re-verified') -- src: CCNL [EST]
) AS v(factor_code, source_year, name, factor_type, rate, fixed, cap, mandatory, in_gross, applies, source_key, flag, est, notes)
WHERE l.code IN ('IT-CTA', 'IT-PMO');

-- Malta (Valletta, Sliema) -- src: MT-CFR, DIER [SRC]
-- SSC cap: the 2024 table (MT-CFR [SRC]) has the 10% band up to €532.28/week (max €53.23/week).
-- The 2026 cap is not published in the facts; labor facts §2c estimate it at ≈ €54-56/week
-- [EST]. Year 2026 uses the midpoint €55.00/week => band cap €550.00/week x 52 = €28,600.00/yr
-- (max €2,860.00). The 2024 cap was carried into the 2026 row before (source_year 2024).
INSERT INTO employment_cost_factors (location_id, factor_code, year, source_year, name, factor_type, employer_rate_pct,
                                     fixed_annual_amount, contribution_base_floor, contribution_base_cap, currency,
                                     is_mandatory, is_included_in_gross, applies_to_loaded_cost,
                                     source_key, source_flag, is_estimate, notes)
SELECT l.id, v.factor_code, 2026, v.source_year, v.name, v.factor_type, v.rate, v.fixed, NULL, v.cap, 'EUR',
       v.mandatory, v.in_gross, v.applies, v.source_key, v.flag, v.est, v.notes
FROM locations l
CROSS JOIN (VALUES
    ('MT-SSC-CLASS1',   2026::smallint, 'Class 1 social security contribution (employer)', 'social_security', 10.00, NULL::numeric, 28600.00, true, false, true, 'MT-CFR', 'EST', true, '2026 weekly cap ≈€55.00 (born 1962+), midpoint of the ≈€54-56 estimate; 2024 table: €53.23/week on €532.28'), -- src: MT-CFR [SRC 2024, EST 2026]
    ('MT-MATERNITY',    2026::smallint, 'Maternity / work-life balance fund', 'social_security', 0.30, NULL, 28600.00, true, false, true, 'MT-CFR', 'EST', true, 'Employer only, capped like SSC (2026 cap estimated as above)'), -- src: MT-CFR (Mercans) [SRC rate, EST 2026 cap]
    ('MT-STAT-BONUSES', 2025::smallint, 'Statutory bonuses (June/December) and weekly allowance (March/September)', 'statutory_bonus', NULL, 512.52, NULL, true, false, true, 'DIER', 'SRC', false, '135.10 x 2 + 121.16 x 2 per full-time employee'), -- src: DIER [SRC]
    ('MT-PENSION',      2025::smallint, 'Employer pension', 'pension', 0.00, NULL, NULL, false, false, false, 'general', 'SRC', false, 'No mandatory employer pension in Malta') -- src: labor facts §2c [SRC]
) AS v(factor_code, source_year, name, factor_type, rate, fixed, cap, mandatory, in_gross, applies, source_key, flag, est, notes)
WHERE l.code IN ('MT-VLT', 'MT-SLM');

-- Germany (Berlin), 2026 -- src: DE-SV [SRC]; ceilings RV/AV €101,400, KV/PV €69,750
INSERT INTO employment_cost_factors (location_id, factor_code, year, source_year, name, factor_type, employer_rate_pct,
                                     fixed_annual_amount, contribution_base_floor, contribution_base_cap, currency,
                                     is_mandatory, is_included_in_gross, applies_to_loaded_cost,
                                     source_key, source_flag, is_estimate, notes)
VALUES
((SELECT id FROM locations WHERE code = 'DE-BER'), 'DE-RV',        2026, 2026, 'Rentenversicherung (pension), employer half of 18.6%', 'pension', 9.30, NULL, NULL, 101400.00, 'EUR', true, false, true, 'DE-SV', 'SRC', false, NULL), -- src: DE-SV [SRC]
((SELECT id FROM locations WHERE code = 'DE-BER'), 'DE-AV',        2026, 2026, 'Arbeitslosenversicherung (unemployment), employer half of 2.6%', 'unemployment', 1.30, NULL, NULL, 101400.00, 'EUR', true, false, true, 'DE-SV', 'SRC', false, NULL), -- src: DE-SV [SRC]
((SELECT id FROM locations WHERE code = 'DE-BER'), 'DE-KV',        2026, 2026, 'Krankenversicherung (health), employer half of 14.6%', 'health_insurance', 7.30, NULL, NULL, 69750.00, 'EUR', true, false, true, 'DE-SV', 'SRC', false, NULL), -- src: DE-SV [SRC]
((SELECT id FROM locations WHERE code = 'DE-BER'), 'DE-KV-ZUSATZ', 2026, 2026, 'Health-fund add-on rate (avg 2.9%), employer half', 'health_insurance', 1.45, NULL, NULL, 69750.00, 'EUR', true, false, true, 'DE-SV', 'SRC', false, 'Average Zusatzbeitrag 2026'), -- src: DE-SV [SRC]
((SELECT id FROM locations WHERE code = 'DE-BER'), 'DE-PV',        2026, 2026, 'Pflegeversicherung (long-term care), employer half of 3.6%', 'health_insurance', 1.80, NULL, NULL, 69750.00, 'EUR', true, false, true, 'DE-SV', 'SRC', false, 'Childless surcharge paid by employee only'), -- src: DE-SV [SRC]
((SELECT id FROM locations WHERE code = 'DE-BER'), 'DE-U3',        2026, 2025, 'Insolvency levy (Insolvenzgeldumlage U3)', 'other_levy', 0.15, NULL, NULL, 101400.00, 'EUR', true, false, true, 'DE-SV', 'EST', true, '0.15% in 2025 [SRC]; 2026 assumed unchanged [EST]'), -- src: DE-SV [SRC 2025, EST 2026]
((SELECT id FROM locations WHERE code = 'DE-BER'), 'DE-U1U2-BG',   2026, 2026, 'U1/U2 levies and statutory accident insurance (BG)', 'accident_insurance', 1.50, NULL, NULL, 101400.00, 'EUR', true, false, true, 'labor facts §2d', 'EST', true, '≈1-3% combined; U1 only for employers with <=30 staff'), -- src: est. [EST]
((SELECT id FROM locations WHERE code = 'DE-BER'), 'DE-13TH',      2026, 2026, '13th month salary', 'extra_month_pay', 0.00, NULL, NULL, NULL, 'EUR', false, false, false, 'labor facts §2d', 'SRC', false, 'Not required by law; only if contract/collective agreement says so'); -- src: labor facts §2d [SRC]

-- United Kingdom (London), tax year 2025/26 carried into 2026 -- src: UK-HMRC, TPR [SRC]
INSERT INTO employment_cost_factors (location_id, factor_code, year, source_year, name, factor_type, employer_rate_pct,
                                     fixed_annual_amount, contribution_base_floor, contribution_base_cap, currency,
                                     is_mandatory, is_included_in_gross, applies_to_loaded_cost,
                                     source_key, source_flag, is_estimate, notes)
VALUES
((SELECT id FROM locations WHERE code = 'GB-LON'), 'UK-NIC-SECONDARY', 2026, 2025, 'Employer NIC (Class 1 secondary)', 'social_security', 15.00, NULL, 5000.00, NULL, 'GBP', true, false, true, 'UK-HMRC', 'SRC', false, '15% above the £5,000 secondary threshold, no upper cap; before Employment Allowance'), -- src: UK-HMRC [SRC]
((SELECT id FROM locations WHERE code = 'GB-LON'), 'UK-PENSION-AE',    2026, 2025, 'Auto-enrolment workplace pension, employer minimum', 'pension', 3.00, NULL, 6240.00, 50270.00, 'GBP', true, false, true, 'UK-HMRC; TPR', 'SRC', false, 'On qualifying earnings £6,240-50,270 (total minimum 8%)'), -- src: UK-HMRC/TPR [SRC]
((SELECT id FROM locations WHERE code = 'GB-LON'), 'UK-APPRENTICESHIP-LEVY', 2026, 2025, 'Apprenticeship levy', 'training_levy', 0.50, NULL, NULL, NULL, 'GBP', false, false, false, 'UK-HMRC', 'SRC', false, 'Only for paybills above £3m (after £15,000 allowance); not applicable to VIVIM'), -- src: UK-HMRC [SRC]
((SELECT id FROM locations WHERE code = 'GB-LON'), 'UK-CLASS-1A',      2026, 2025, 'Class 1A NIC on benefits in kind', 'social_security', 15.00, NULL, NULL, NULL, 'GBP', false, false, false, 'UK-HMRC', 'SRC', false, 'Charged on the value of benefits in kind, not on salary'); -- src: UK-HMRC [SRC]

-- United States / California / San Francisco -- src: SSA, IRS, EDD, SF-OLSE, KFF25 [SRC]
INSERT INTO employment_cost_factors (location_id, factor_code, year, source_year, name, factor_type, employer_rate_pct,
                                     fixed_annual_amount, contribution_base_floor, contribution_base_cap, currency,
                                     is_mandatory, is_included_in_gross, applies_to_loaded_cost,
                                     source_key, source_flag, is_estimate, notes)
VALUES
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-OASDI',         2026, 2026, 'Social Security (OASDI), employer', 'social_security', 6.20, NULL, NULL, 184500.00, 'USD', true, false, true, 'SSA', 'SRC', false, '2026 wage base $184,500 (max $11,439)'), -- src: SSA [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-MEDICARE',      2026, 2025, 'Medicare, employer', 'health_insurance', 1.45, NULL, NULL, NULL, 'USD', true, false, true, 'IRS', 'SRC', false, 'No cap; extra 0.9% above $200k is employee-only'), -- src: IRS [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-FUTA',          2026, 2025, 'FUTA net of 5.4% state credit', 'unemployment', 0.60, NULL, NULL, 7000.00, 'USD', true, false, true, 'IRS', 'SRC', false, '6.0% less 5.4% credit on first $7,000 = $42'), -- src: IRS [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-CA-FUTA-CR',    2026, 2026, 'California FUTA credit reduction', 'unemployment', 1.50, NULL, NULL, 7000.00, 'USD', true, false, true, 'IRS; EDD', 'EST', true, '1.2% in 2025 [SRC]; ≈1.5% projected for 2026 [EST]'), -- src: IRS/EDD [EST 2026]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-CA-UI',         2026, 2025, 'California unemployment insurance (new employer)', 'unemployment', 3.40, NULL, NULL, 7000.00, 'USD', true, false, true, 'EDD', 'SRC', false, 'Range 1.5-6.2% on first $7,000'), -- src: EDD [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-CA-ETT',        2026, 2025, 'California Employment Training Tax', 'training_levy', 0.10, NULL, NULL, 7000.00, 'USD', true, false, true, 'EDD', 'SRC', false, '$7 per employee'), -- src: EDD [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-CA-SDI',        2026, 2025, 'California State Disability Insurance', 'social_security', 0.00, NULL, NULL, NULL, 'USD', true, false, false, 'EDD', 'SRC', false, '1.2% employee-paid, no employer cost'), -- src: EDD [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-SF-HCSO',       2026, 2025, 'SF Health Care Security Ordinance spending (20-99 employees)', 'health_insurance', NULL, 5324.80, NULL, NULL, 'USD', false, false, false, 'SF-OLSE', 'SRC', false, '$2.56/h x 2,080 h (20-99 staff); $3.85/h for 100+; for-profit firms under 20 exempt; usually satisfied by the health plan below'), -- src: SF-OLSE [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-HEALTH-SINGLE', 2026, 2025, 'Employer health premium, single coverage', 'benefit', NULL, 7885.00, NULL, NULL, 'USD', false, false, true, 'KFF25', 'SRC', false, '$9,325 total less $1,440 worker share; family plan employer share ≈$20,143'), -- src: KFF25 [SRC]
((SELECT id FROM locations WHERE code = 'US-SFO'), 'US-401K-MATCH',    2026, 2025, '401(k) employer match', 'pension', 3.50, NULL, NULL, NULL, 'USD', false, false, false, 'labor facts §2f', 'EST', true, '~3-4% if offered; not counted in loaded cost'); -- src: est. [EST]

-- ---------------------------------------------------------------------------
-- Tax incentives (labor facts §3)
-- ---------------------------------------------------------------------------
-- Spain (Palma) -- src: AEAT-BK, LEY28, RD1008 [SRC]
INSERT INTO tax_incentives (code, location_id, name, incentive_type, beneficiary, reduction_pct, flat_tax_rate_pct,
                            max_benefit_annual, min_salary_annual, currency, max_years, valid_from, valid_to,
                            is_active_2026, conditions, source_key, source_flag, is_estimate)
VALUES
('ES-PMI-BECKHAM', (SELECT id FROM locations WHERE code = 'ES-PMI'), 'Beckham law: special inbound-worker regime (art. 93 LIRPF)', 'personal_income_tax', 'employee',
 NULL, 24.00, NULL, NULL, 'EUR', 6, DATE '2023-01-01', NULL, true,
 'Flat 24% on Spanish-source employment income up to €600k (47% above), worldwide income not taxed. Not Spanish resident in the prior 5 years; move due to employment (incl. remote work), directorship, innovative entrepreneurship (ENISA) or highly qualified startup/R&D work. File Modelo 149 within 6 months of SS registration. Year of arrival + 5 years.',
 'AEAT-BK', 'SRC', false), -- src: AEAT-BK [SRC]
('ES-PMI-STARTUP-CIT', (SELECT id FROM locations WHERE code = 'ES-PMI'), 'Startup Law: reduced corporate tax', 'corporate_tax', 'company',
 NULL, 15.00, NULL, NULL, 'EUR', 4, DATE '2023-01-01', NULL, true,
 'CIT 15% instead of 25% for the first year with a positive tax base + 3 following. Certified startup (ENISA): <5 years old (7 in strategic sectors), turnover <=€10m, >=60% of staff in Spain, no dividends distributed, not listed.',
 'LEY28', 'SRC', false), -- src: LEY28 [SRC]
('ES-PMI-STARTUP-DEFERRAL', (SELECT id FROM locations WHERE code = 'ES-PMI'), 'Startup Law: tax deferral and no advance CIT payments', 'corporate_tax', 'company',
 NULL, NULL, NULL, NULL, 'EUR', 2, DATE '2023-01-01', NULL, true,
 'Tax debt deferrable 12 months (year 1) and 6 months (year 2) without guarantee; no advance CIT payments for 2 years. Same certification as the reduced CIT.',
 'LEY28', 'SRC', false), -- src: LEY28 [SRC]
('ES-PMI-STOCK-OPTIONS', (SELECT id FROM locations WHERE code = 'ES-PMI'), 'Startup Law: employee stock-option exemption', 'equity_compensation', 'employee',
 100.00, NULL, 50000.00, NULL, 'EUR', NULL, DATE '2023-01-01', NULL, true,
 'Income-tax exemption on startup equity grants up to €50,000/yr (was €12k); taxation deferred to exit or 10 years. Employees of a certified startup.',
 'LEY28; RD1008', 'SRC', false), -- src: LEY28/RD1008 [SRC]
('ES-PMI-ANGEL-RELIEF', (SELECT id FROM locations WHERE code = 'ES-PMI'), 'Startup Law: investor income-tax deduction', 'investor_relief', 'investor',
 50.00, NULL, 50000.00, NULL, 'EUR', NULL, DATE '2023-01-01', NULL, true,
 '50% income-tax deduction on up to €100k/yr invested in new or recent companies (max deduction €50k).',
 'LEY28', 'SRC', false); -- src: LEY28 [SRC]

-- Italy (Catania and Palermo: national schemes + Southern schemes) -- src: DLGS209, L207, DL60, euradia [SRC]
INSERT INTO tax_incentives (code, location_id, name, incentive_type, beneficiary, reduction_pct, flat_tax_rate_pct,
                            max_benefit_annual, min_salary_annual, currency, max_years, valid_from, valid_to,
                            is_active_2026, conditions, source_key, source_flag, is_estimate)
SELECT l.code || '-' || v.suffix, l.id, v.name, v.itype, v.beneficiary, v.red, v.flat, v.maxben, NULL, 'EUR', v.years,
       v.vfrom, v.vto, v.active, v.conditions, v.source_key, v.flag, false
FROM locations l
CROSS JOIN (VALUES
    ('IMPATRIATI', 'Impatriati regime (art. 5 D.Lgs. 209/2023)', 'personal_income_tax', 'employee', 50.00, NULL::numeric, NULL::numeric, 5::smallint, DATE '2024-01-01', NULL::date, true,
     '50% of qualifying employment income exempt (60% with a minor child); qualifying income capped at €600k/yr. Not Italian resident in the prior 3 tax years (6 or 7 if same employer/group). High qualification required; work mainly in Italy; stay resident >=4 years or clawback.',
     'DLGS209', 'SRC'), -- src: DLGS209 [SRC]
    ('IMPATRIATI-OLD', 'Old impatriati regime (pre-2024, closed to new arrivals)', 'personal_income_tax', 'employee', 90.00, NULL, NULL, 10::smallint, DATE '2020-01-01', DATE '2023-12-31', false,
     '70% exempt (90% in the South incl. Sicily); legacy cases only; reference.',
     'DLGS209', 'SRC'), -- src: DLGS209 [SRC]
    ('DECONTRIB-SUD-2020', 'Decontribuzione Sud (L. 178/2020), original', 'social_security_relief', 'employer', 30.00, NULL, NULL, 4::smallint, DATE '2021-01-01', DATE '2024-12-31', false,
     '30% cut in employer INPS contributions for private employers in the South; ended 31-Dec-2024 (EU state-aid limit).',
     'L207', 'SRC'), -- src: L207 [SRC]
    ('DECONTRIB-SUD', 'Decontribuzione Sud (L. 207/2024, c. 406-412), 2026-2027 tranche', 'social_security_relief', 'employer', 20.00, NULL, 1500.00, 5::smallint, DATE '2025-01-01', DATE '2029-12-31', true,
     'Cut in employer INPS contributions for open-ended contracts at SMEs (<=250 staff) in Southern regions incl. Sicily: 25% max €145/month (2025); 20% max €125/month (2026-2027); tapering to ≈15%, ≈€75/month by 2029. EU de minimis limits apply.',
     'L207', 'SRC'), -- src: L207 [SRC]
    ('ZES-UNICA', 'Bonus ZES Unica (DL 60/2024 art. 24)', 'social_security_relief', 'employer', 100.00, NULL, NULL, NULL::smallint, DATE '2024-09-01', DATE '2025-12-31', false,
     'Employer contribution exemption for new open-ended hires by employers with <=10 staff in the South; hires 1-Sep-2024 to 31-Dec-2025; hire 35+ and long-term unemployed (verify). Details partial.',
     'DL60', 'SRC'), -- src: DL60 [SRC, partial]
    ('MAXI-DEDUCTION', 'Maxi-deduction for new hires (120-130% of labour cost)', 'corporate_tax', 'company', NULL, NULL, NULL, 3::smallint, DATE '2025-01-01', DATE '2027-12-31', true,
     'Corporate deduction up to 120-130% of the labour cost of new hires, extended by 3 years; plus bonus giovani / bonus donne contribution exemptions. Conditions per law.',
     'euradia', 'SRC') -- src: euradia [SRC, partial]
) AS v(suffix, name, itype, beneficiary, red, flat, maxben, years, vfrom, vto, active, conditions, source_key, flag)
WHERE l.code IN ('IT-CTA', 'IT-PMO');

-- Malta (Valletta and Sliema) -- src: MT-LN, MT-HQP, IM, ME [SRC]
INSERT INTO tax_incentives (code, location_id, name, incentive_type, beneficiary, reduction_pct, flat_tax_rate_pct,
                            max_benefit_annual, min_salary_annual, currency, max_years, valid_from, valid_to,
                            is_active_2026, conditions, source_key, source_flag, is_estimate)
SELECT l.code || '-' || v.suffix, l.id, v.name, v.itype, v.beneficiary, v.red, v.flat, v.maxben, v.minsal, 'EUR', v.years,
       v.vfrom, v.vto, v.active, v.conditions, v.source_key, v.flag, false
FROM locations l
CROSS JOIN (VALUES
    ('HSI-15', 'Tax Treatment of Highly Skilled Individuals Rules 2026 (LN 20/2026)', 'personal_income_tax', 'employee', NULL::numeric, 15.00, NULL::numeric, 65000.00, 15::smallint, DATE '2026-01-01', DATE '2040-12-31', true,
     '15% flat tax on employment income up to €7m (excess at normal rates, top 35%). Minimum salary €65,000 (rises €10k every 5 years); STEM/innovation sectors; non-Maltese-domiciled; degree or 5 years experience. 5 years + two 5-year extensions, not beyond 31-Dec-2040. Check final LN text.',
     'MT-LN', 'SRC'), -- src: MT-LN [SRC]
    ('HQP-15', 'Highly Qualified Persons Rules (old, being replaced)', 'personal_income_tax', 'employee', NULL, 15.00, NULL, 98436.00, NULL::smallint, NULL::date, DATE '2025-12-31', false,
     '15% flat up to €5m; minimum salary €98,436 (2024); senior finance/gaming/aviation posts; determinations until 31-Dec-2025.',
     'MT-HQP', 'SRC'), -- src: MT-HQP [SRC]
    ('KEI', 'Key Employee Initiative fast-track single permit', 'immigration_permit', 'employee', NULL, NULL, NULL, 35000.00, 3::smallint, DATE '2024-01-01', NULL, true,
     'Permit decided within 5 working days for third-country nationals in highly specialised or managerial roles; minimum salary €35,000 (was €30k); 1-year permit renewable up to 3 years.',
     'IM', 'SRC'), -- src: IM [SRC]
    ('SEI', 'Specialist Employee Initiative permit', 'immigration_permit', 'employee', NULL, NULL, NULL, 25000.00, NULL, DATE '2024-01-01', NULL, true,
     'Permit in ~15 working days; minimum salary €25,000; specialist skills; renewable.',
     'IM', 'SRC'), -- src: IM [SRC]
    ('BUSINESS-START', 'Malta Enterprise Business START seed grant', 'grant', 'company', NULL, NULL, 10000.00, NULL, 1::smallint, DATE '2025-01-01', DATE '2026-10-30', true,
     'Seed grant up to €10,000 in tranches for early-stage startups (earlier scheme up to €25,000); apply by 30-Oct-2026; check Malta Enterprise terms.',
     'ME', 'SRC'), -- src: ME/Deloitte [SRC]
    ('STARTUP-FINANCE', 'Malta Enterprise Start-up Finance', 'repayable_advance', 'company', NULL, NULL, 400000.00, NULL, NULL, DATE '2024-01-01', NULL, true,
     'Repayable advance up to €400k (€800k for innovative / high-growth) for innovative startups under 5 years old.',
     'ME', 'SRC'), -- src: ME [SRC]
    ('STARTUP-RESIDENCE', 'Startup Residence Programme', 'residence_programme', 'founder', NULL, NULL, NULL, NULL, 3::smallint, DATE '2024-01-01', NULL, true,
     'Residence for non-EU founders and key staff of startups approved by Malta Enterprise; 3 years + extensions.',
     'ME', 'SRC') -- src: ME [SRC]
) AS v(suffix, name, itype, beneficiary, red, flat, maxben, minsal, years, vfrom, vto, active, conditions, source_key, flag)
WHERE l.code IN ('MT-VLT', 'MT-SLM');

-- Germany (Berlin) -- src: DE-BC, FZulG [SRC]
INSERT INTO tax_incentives (code, location_id, name, incentive_type, beneficiary, reduction_pct, flat_tax_rate_pct,
                            max_benefit_annual, min_salary_annual, currency, max_years, valid_from, valid_to,
                            is_active_2026, conditions, source_key, source_flag, is_estimate)
VALUES
('DE-BER-BLUE-CARD', (SELECT id FROM locations WHERE code = 'DE-BER'), 'EU Blue Card (residence permit, not a tax break)', 'immigration_permit', 'employee',
 NULL, NULL, NULL, 50700.00, 'EUR', 4, DATE '2026-01-01', NULL, true,
 'Minimum salary €50,700 in 2026 (€45,934.20 for shortage occupations / new graduates; 2025: €48,300 / €43,759.80). Degree + job offer; IT specialists may qualify with 3 years experience instead of a degree. No expat income-tax regime exists in Germany.',
 'DE-BC', 'SRC', false), -- src: DE-BC [SRC]
('DE-BER-FORSCHUNGSZULAGE', (SELECT id FROM locations WHERE code = 'DE-BER'), 'Forschungszulage (R&D tax credit)', 'rd_tax_credit', 'company',
 35.00, NULL, 4200000.00, NULL, 'EUR', NULL, DATE '2026-01-01', NULL, true,
 '25% of eligible R&D costs (35% for SMEs); cost base max €12m/yr from 2026 (+20% overhead flat rate); paid out even when loss-making. Relevant for ML/R&D staff. max_benefit = 35% x €12m.',
 'FZulG', 'SRC', false); -- src: FZulG [SRC]

-- United Kingdom (London) -- src: UK-FIG, UK-HMRC [SRC]
INSERT INTO tax_incentives (code, location_id, name, incentive_type, beneficiary, reduction_pct, flat_tax_rate_pct,
                            max_benefit_annual, min_salary_annual, currency, max_years, valid_from, valid_to,
                            is_active_2026, conditions, source_key, source_flag, is_estimate)
VALUES
('GB-LON-FIG-4YR', (SELECT id FROM locations WHERE code = 'GB-LON'), '4-year foreign income and gains (FIG) regime', 'personal_income_tax', 'employee',
 100.00, NULL, NULL, NULL, 'GBP', 4, DATE '2025-04-06', NULL, true,
 '100% relief on foreign income and gains for new UK residents after >=10 years of non-residence; no discount on UK employment income. Non-dom remittance basis abolished 6-Apr-2025.',
 'UK-FIG', 'SRC', false), -- src: UK-FIG [SRC]
('GB-LON-OWR', (SELECT id FROM locations WHERE code = 'GB-LON'), 'Overseas Workday Relief (revised)', 'personal_income_tax', 'employee',
 NULL, NULL, NULL, NULL, 'GBP', 4, DATE '2025-04-06', NULL, true,
 'Relief on pay for foreign workdays for FIG-eligible individuals, up to 4 years; details not captured.',
 'UK-FIG', 'SRC', false), -- src: UK-FIG [SRC, partial]
('GB-LON-EMPLOYMENT-ALLOWANCE', (SELECT id FROM locations WHERE code = 'GB-LON'), 'Employment Allowance (employer NIC credit)', 'payroll_allowance', 'employer',
 NULL, NULL, 10500.00, NULL, 'GBP', NULL, DATE '2025-04-06', NULL, true,
 'Up to £10,500/yr off the employer NIC bill per employer; £100k eligibility cap removed; not available where a director is the only employee.',
 'UK-HMRC', 'SRC', false), -- src: UK-HMRC [SRC]
('GB-LON-UNDER21-NIC', (SELECT id FROM locations WHERE code = 'GB-LON'), '0% employer NIC for under-21s and apprentices under 25', 'social_security_relief', 'employer',
 100.00, NULL, NULL, NULL, 'GBP', NULL, DATE '2025-04-06', NULL, true,
 'No employer NIC up to £50,270/yr of pay for employees under 21 and apprentices under 25.',
 'UK-HMRC', 'SRC', false); -- src: UK-HMRC [SRC]
-- San Francisco: no relocation tax regime (labor facts §3) -- no rows.

-- ---------------------------------------------------------------------------
-- Minimum salary thresholds and contribution ceilings (labor facts §6, §2)
-- ---------------------------------------------------------------------------
INSERT INTO minimum_salary_thresholds (code, location_id, name, threshold_type, annual_amount, currency, year,
                                       source_key, source_flag, notes)
VALUES
('ES-SMI-2025',          (SELECT id FROM locations WHERE code = 'ES-PMI'), 'Spain minimum wage (SMI)', 'minimum_wage', 16576.00, 'EUR', 2025, 'RD 87/2025', 'SRC', '€1,184 x 14; not re-verified'), -- src: RD 87/2025 [SRC]
('ES-SS-CAP-2026',       (SELECT id FROM locations WHERE code = 'ES-PMI'), 'Spain maximum contribution base', 'contribution_ceiling', 61214.40, 'EUR', 2026, 'ES26', 'SRC', '€5,101.20/month'), -- src: ES26 [SRC]
('ES-SS-CAP-2025',       (SELECT id FROM locations WHERE code = 'ES-PMI'), 'Spain maximum contribution base', 'contribution_ceiling', 58914.00, 'EUR', 2025, 'BOE25', 'SRC', '€4,909.50/month'), -- src: BOE25 [SRC]
('IT-INPS-MASSIMALE-2025', (SELECT id FROM locations WHERE code = 'IT-CTA'), 'Italy INPS contribution ceiling (massimale)', 'contribution_ceiling', 120607.00, 'EUR', 2025, 'INPS', 'SRC', 'Workers first insured after 1996; applies nationally (Catania row)'), -- src: INPS [SRC]
('MT-VLT-KEI-MIN',       (SELECT id FROM locations WHERE code = 'MT-VLT'), 'Malta KEI permit minimum salary', 'permit_minimum', 35000.00, 'EUR', 2024, 'IM', 'SRC', NULL), -- src: IM [SRC]
('MT-SLM-KEI-MIN',       (SELECT id FROM locations WHERE code = 'MT-SLM'), 'Malta KEI permit minimum salary', 'permit_minimum', 35000.00, 'EUR', 2024, 'IM', 'SRC', NULL), -- src: IM [SRC]
('MT-VLT-HSI-MIN',       (SELECT id FROM locations WHERE code = 'MT-VLT'), 'Malta highly-skilled 15% regime minimum salary', 'tax_regime_minimum', 65000.00, 'EUR', 2026, 'MT-LN', 'SRC', NULL), -- src: MT-LN [SRC]
('MT-SLM-HSI-MIN',       (SELECT id FROM locations WHERE code = 'MT-SLM'), 'Malta highly-skilled 15% regime minimum salary', 'tax_regime_minimum', 65000.00, 'EUR', 2026, 'MT-LN', 'SRC', NULL), -- src: MT-LN [SRC]
('DE-BLUECARD-2026',     (SELECT id FROM locations WHERE code = 'DE-BER'), 'EU Blue Card minimum salary (general)', 'permit_minimum', 50700.00, 'EUR', 2026, 'DE-BC', 'SRC', NULL), -- src: DE-BC [SRC]
('DE-BLUECARD-SHORT-2026', (SELECT id FROM locations WHERE code = 'DE-BER'), 'EU Blue Card minimum salary (shortage occupations / new graduates)', 'permit_minimum', 45934.20, 'EUR', 2026, 'DE-BC', 'SRC', NULL), -- src: DE-BC [SRC]
('DE-BLUECARD-2025',     (SELECT id FROM locations WHERE code = 'DE-BER'), 'EU Blue Card minimum salary (general)', 'permit_minimum', 48300.00, 'EUR', 2025, 'DE-BC', 'SRC', NULL), -- src: DE-BC [SRC]
('DE-BBG-RV-2026',       (SELECT id FROM locations WHERE code = 'DE-BER'), 'Pension/unemployment contribution ceiling (BBG RV/AV)', 'contribution_ceiling', 101400.00, 'EUR', 2026, 'DE-SV', 'SRC', '€8,450/month'), -- src: DE-SV [SRC]
('DE-BBG-KV-2026',       (SELECT id FROM locations WHERE code = 'DE-BER'), 'Health/care contribution ceiling (BBG KV/PV)', 'contribution_ceiling', 69750.00, 'EUR', 2026, 'DE-SV', 'SRC', '€5,812.50/month'), -- src: DE-SV [SRC]
('DE-JAEG-2026',         (SELECT id FROM locations WHERE code = 'DE-BER'), 'Compulsory health-insurance income limit (JAEG)', 'contribution_threshold', 77400.00, 'EUR', 2026, 'DE-SV', 'SRC', NULL), -- src: DE-SV [SRC]
('UK-NIC-ST-2025',       (SELECT id FROM locations WHERE code = 'GB-LON'), 'Employer NIC secondary threshold', 'contribution_threshold', 5000.00, 'GBP', 2025, 'UK-HMRC', 'SRC', 'Tax year 2025/26'), -- src: UK-HMRC [SRC]
('UK-AE-UPPER-2025',     (SELECT id FROM locations WHERE code = 'GB-LON'), 'Auto-enrolment qualifying earnings upper limit', 'contribution_ceiling', 50270.00, 'GBP', 2025, 'UK-HMRC', 'SRC', 'Lower limit £6,240'), -- src: UK-HMRC/TPR [SRC]
('US-SS-WAGE-BASE-2026', (SELECT id FROM locations WHERE code = 'US-SFO'), 'US Social Security wage base', 'wage_base', 184500.00, 'USD', 2026, 'SSA', 'SRC', 'Employer max $11,439'); -- src: SSA [SRC]
