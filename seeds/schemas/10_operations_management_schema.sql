-- =============================================================================
-- VIVIM cost database — module 10: operations (`operations`)
-- Cost allocation pools, cost categories and attribution rules, operational
-- expenses, facilities, insurance, resource capacity, budgets and the
-- cross-module cost attributions (people, tools, work, DAO, community).
--
-- Depends on: config/database_config.sql and modules 01 (locations, teams,
-- team_members), 02 (cloud_providers, services, user_scale_thresholds, fx_rates),
-- 03 (milestones), 05 (dao_treasuries, dao_proposals), 06 (wiki_spaces),
-- 07 (work_projects, work_bounties), 09 (community_members).
--
-- Money model (read this before querying):
--   * Every money row carries its own currency. Nothing is converted silently;
--     views that need EUR call ops_fx_convert(), which reads fx_rates (module 02).
--   * "Spend" of a pool = operational_expenses + labor_cost_allocations
--     + infrastructure_cost_allocations + work_cost_allocations
--     + community_cost_allocations booked to that pool. These five sources are
--     disjoint by design: payroll lives only in labor_cost_allocations, recurring
--     metered cloud spend only in infrastructure_cost_allocations, bounty and
--     contributor payouts only in work_cost_allocations, community programme
--     spend only in community_cost_allocations, and everything else (facilities,
--     SaaS, legal, insurance, travel, equipment, one-off cloud fees) only in
--     operational_expenses.
--   * facility_expenses are the facility contracts; each is invoiced through
--     operational_expenses (facility_expense_id), so do not add both.
--   * treasury_allocations are FUNDING of pools by the DAO (already part of the
--     pool's allocated_amount), not spend.
-- =============================================================================

SET client_min_messages = warning;

-- -----------------------------------------------------------------------------
-- Helper: explicit currency conversion through fx_rates (module 02).
-- Uses the rate nearest to p_on (direct pair first, inverse pair otherwise);
-- returns NULL when no rate exists, so a missing rate is visible, never hidden.
-- fx_rates.rate = units of quote_currency per 1 unit of base_currency.
-- -----------------------------------------------------------------------------
CREATE OR REPLACE FUNCTION ops_fx_convert(p_amount NUMERIC, p_from CHAR(3), p_to CHAR(3), p_on DATE)
RETURNS NUMERIC
LANGUAGE sql STABLE AS $$
    SELECT CASE
        WHEN p_amount IS NULL THEN NULL
        WHEN p_from = p_to THEN p_amount
        ELSE p_amount * (
            SELECT x.r FROM (
                SELECT f.rate AS r, abs(f.rate_date - p_on) AS dist, 0 AS pref
                FROM fx_rates f
                WHERE f.base_currency = p_from AND f.quote_currency = p_to AND f.rate > 0
                UNION ALL
                SELECT 1 / f.rate, abs(f.rate_date - p_on), 1
                FROM fx_rates f
                WHERE f.base_currency = p_to AND f.quote_currency = p_from AND f.rate > 0
            ) x
            ORDER BY x.dist, x.pref
            LIMIT 1)
    END
$$;
COMMENT ON FUNCTION ops_fx_convert(NUMERIC, CHAR, CHAR, DATE) IS
    'operations: converts an amount between currencies with the fx_rates row nearest to the given date (direct or inverse pair); NULL when no rate exists';

-- -----------------------------------------------------------------------------
-- Helper triggers for rules a CHECK cannot express (they span rows/tables).
-- -----------------------------------------------------------------------------

-- A dated row must fall inside its budget period.
-- TG_ARGV[0] = name of the DATE column to test; TG_ARGV[1] (optional) = a second
-- DATE column (for example an end date) that must also fall inside the period.
CREATE OR REPLACE FUNCTION ops_check_date_in_period() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    j      jsonb := to_jsonb(NEW);
    p      record;
    d      date;
    i      integer;
BEGIN
    SELECT start_date, end_date, code INTO p FROM budget_periods WHERE id = (j->>'budget_period_id')::bigint;
    IF NOT FOUND THEN
        RETURN NEW;                         -- the FK reports the missing period
    END IF;
    FOR i IN 0 .. TG_NARGS - 1 LOOP
        d := (j->>TG_ARGV[i])::date;
        IF d IS NOT NULL AND (d < p.start_date OR d > p.end_date) THEN
            RAISE EXCEPTION '%.% = % lies outside budget period % (% .. %)',
                TG_TABLE_NAME, TG_ARGV[i], d, p.code, p.start_date, p.end_date
                USING ERRCODE = 'check_violation';
        END IF;
    END LOOP;
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION ops_check_date_in_period() IS
    'operations: trigger function; refuses rows whose date column(s) lie outside their budget period';

-- The allocation percentages of one source (team member, service) in one budget
-- period may not add up to more than 100. TG_ARGV[0] = the source FK column.
CREATE OR REPLACE FUNCTION ops_check_allocation_pct_sum() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
    j      jsonb := to_jsonb(NEW);
    total  numeric;
BEGIN
    EXECUTE format(
        'SELECT COALESCE(sum(allocation_pct), 0) FROM %I WHERE %I = $1 AND budget_period_id = $2 AND id <> $3',
        TG_TABLE_NAME, TG_ARGV[0])
    INTO total
    USING (j->>TG_ARGV[0])::bigint, (j->>'budget_period_id')::bigint, (j->>'id')::bigint;
    IF total + NEW.allocation_pct > 100 THEN
        RAISE EXCEPTION '% % = %: allocation_pct in budget period % would total % (max 100)',
            TG_TABLE_NAME, TG_ARGV[0], j->>TG_ARGV[0], j->>'budget_period_id', total + NEW.allocation_pct
            USING ERRCODE = 'check_violation';
    END IF;
    RETURN NEW;
END;
$$;
COMMENT ON FUNCTION ops_check_allocation_pct_sum() IS
    'operations: trigger function; refuses allocations whose percentages per source and budget period exceed 100';

-- =============================================================================
-- 1. Pools, periods, categories, rules
-- =============================================================================

CREATE TABLE cost_pool_types (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9-]{1,19}$'),
    name                TEXT NOT NULL,
    pool_class          TEXT NOT NULL
                        CHECK (pool_class IN ('direct','shared_service','program','reserve')),
    owner_team_id       BIGINT REFERENCES teams(id),
    default_currency    CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (default_currency IN ('EUR','USD','GBP','CHF')),
    is_active           BOOLEAN NOT NULL DEFAULT true,
    description         TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE cost_pool_types IS
    'operations: Cost pool families (engineering, ML, infrastructure, G&A, DAO programmes ...) that budget pools and attribution rules point at';

CREATE TABLE budget_periods (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE
                        CHECK (code ~ '^([0-9]{4}-(Q[1-4]|H[12]|M(0[1-9]|1[0-2]))|FY[0-9]{4})$'),
    name                TEXT NOT NULL,
    period_type         TEXT NOT NULL CHECK (period_type IN ('month','quarter','half_year','year')),
    fiscal_year         SMALLINT NOT NULL CHECK (fiscal_year BETWEEN 2020 AND 2100),
    start_date          DATE NOT NULL,
    end_date            DATE NOT NULL,
    parent_period_id    BIGINT REFERENCES budget_periods(id),
    status              TEXT NOT NULL DEFAULT 'planned'
                        CHECK (status IN ('planned','open','closed','locked')),
    notes               TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_date > start_date),
    CHECK (parent_period_id IS NULL OR parent_period_id <> id),
    CHECK (extract(year FROM start_date) = fiscal_year),
    CHECK ((period_type = 'year') = (code LIKE 'FY%'))
);
COMMENT ON TABLE budget_periods IS
    'operations: Budget tracking periods (2026-Q1 … 2026-Q4 under FY2026) with dates and open/closed status';

CREATE TABLE cost_allocation_pools (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    cost_pool_type_id   BIGINT NOT NULL REFERENCES cost_pool_types(id),
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    owner_team_id       BIGINT REFERENCES teams(id),
    milestone_id        BIGINT REFERENCES milestones(id),
    allocated_amount    NUMERIC(14,2) NOT NULL CHECK (allocated_amount >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    funding_source      TEXT NOT NULL DEFAULT 'operating'
                        CHECK (funding_source IN ('operating','dao_treasury','grant','mixed')),
    status              TEXT NOT NULL DEFAULT 'approved'
                        CHECK (status IN ('draft','approved','active','closed','frozen')),
    description         TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (cost_pool_type_id, budget_period_id),
    UNIQUE (id, budget_period_id)           -- target of the composite FKs below
);
COMMENT ON TABLE cost_allocation_pools IS
    'operations: Budget pools per pool type and budget period (Q1-Q4 2026): allocated amount that expenses and allocations draw down';

CREATE TABLE cost_categories (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE CHECK (code ~ '^[A-Z][A-Z0-9-]{1,29}$'),
    name                TEXT NOT NULL,
    parent_id           BIGINT REFERENCES cost_categories(id) ON DELETE RESTRICT,
    category_type       TEXT NOT NULL
                        CHECK (category_type IN ('labor','infrastructure','facilities','software',
                                                 'professional_services','insurance','community',
                                                 'work','travel','equipment','governance')),
    expense_nature      TEXT NOT NULL DEFAULT 'opex' CHECK (expense_nature IN ('opex','capex')),
    description         TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (parent_id IS NULL OR parent_id <> id)
);
COMMENT ON TABLE cost_categories IS
    'operations: Hierarchical cost categories (parent_id); budget lines sit on top-level categories, transactions on leaves';

CREATE TABLE cost_allocation_rules (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    source_module       TEXT NOT NULL
                        CHECK (source_module IN ('people','tools','users','governance','dao','wiki','work',
                                                 'agents','community','operations','tokens','compliance',
                                                 'analytics','security')),
    source_table        TEXT NOT NULL CHECK (source_table ~ '^[a-z][a-z0-9_]*$'),
    team_id             BIGINT REFERENCES teams(id),
    service_type        TEXT CHECK (service_type IN ('compute','database','storage','network','cdn',
                                                     'vector_db','gpu','llm_api','saas')),
    cost_category_id    BIGINT REFERENCES cost_categories(id),
    target_pool_type_id BIGINT NOT NULL REFERENCES cost_pool_types(id),
    allocation_basis    TEXT NOT NULL
                        CHECK (allocation_basis IN ('headcount','fte','usage','seats','direct',
                                                    'revenue','square_meters','equal_split')),
    allocation_pct      NUMERIC(5,2) NOT NULL CHECK (allocation_pct > 0 AND allocation_pct <= 100),
    effective_from      DATE NOT NULL,
    effective_to        DATE,
    priority            SMALLINT NOT NULL DEFAULT 100 CHECK (priority > 0),
    is_active           BOOLEAN NOT NULL DEFAULT true,
    description         TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (effective_to IS NULL OR effective_to >= effective_from),
    CHECK (service_type IS NULL OR source_module = 'tools'),
    UNIQUE NULLS NOT DISTINCT (source_module, source_table, team_id, service_type, cost_category_id,
                               target_pool_type_id, effective_from)
);
COMMENT ON TABLE cost_allocation_rules IS
    'operations: Cross-module attribution rules: which share (pct, basis) of a source module''s cost (optionally per team / service type / category) goes to which pool type';

-- =============================================================================
-- 2. Operational expenses, facilities, insurance
-- =============================================================================

CREATE TABLE operational_expense_types (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    cost_category_id    BIGINT NOT NULL REFERENCES cost_categories(id),
    recurrence          TEXT NOT NULL
                        CHECK (recurrence IN ('one_off','monthly','quarterly','annual','usage_based')),
    is_capex            BOOLEAN NOT NULL DEFAULT false,
    approval_threshold  NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (approval_threshold >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    description         TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now()
);
COMMENT ON TABLE operational_expense_types IS
    'operations: Expense classifications (coworking, SaaS seats, legal fees, insurance premium …) with default category, recurrence and approval threshold';

CREATE TABLE facility_expenses (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    location_id         BIGINT NOT NULL REFERENCES locations(id),
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    cost_allocation_pool_id BIGINT NOT NULL,
    cost_category_id    BIGINT NOT NULL REFERENCES cost_categories(id),
    facility_type       TEXT NOT NULL
                        CHECK (facility_type IN ('coworking_hot_desk','coworking_fixed_desk','private_office',
                                                 'meeting_room','event_space','virtual_office')),
    provider_name       TEXT NOT NULL,
    quantity            NUMERIC(8,2) NOT NULL CHECK (quantity > 0),          -- desks, rooms, addresses
    billing_unit        TEXT NOT NULL
                        CHECK (billing_unit IN ('desk_month','office_month','room_day','event_day','address_month')),
    billed_units        NUMERIC(8,2) NOT NULL CHECK (billed_units > 0),      -- months or days per quantity
    unit_cost           NUMERIC(14,2) NOT NULL CHECK (unit_cost >= 0),
    total_amount        NUMERIC(14,2) GENERATED ALWAYS AS (round(quantity * billed_units * unit_cost, 2)) STORED,
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    start_date          DATE NOT NULL,
    end_date            DATE NOT NULL,
    notes               TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_date >= start_date),
    CHECK ((billing_unit LIKE '%\_month') = (facility_type IN ('coworking_hot_desk','coworking_fixed_desk',
                                                               'private_office','virtual_office'))),
    FOREIGN KEY (cost_allocation_pool_id, budget_period_id)
        REFERENCES cost_allocation_pools(id, budget_period_id)
);
COMMENT ON TABLE facility_expenses IS
    'operations: Facility contracts per location and period (coworking desks in Palma/Catania/Palermo/Valletta/Sliema, meeting rooms, offsites, virtual office); invoiced via operational_expenses';
CREATE TRIGGER trg_facility_expenses_in_period
    BEFORE INSERT OR UPDATE ON facility_expenses
    FOR EACH ROW EXECUTE FUNCTION ops_check_date_in_period('start_date', 'end_date');

CREATE TABLE insurance_policies (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    policy_type         TEXT NOT NULL
                        CHECK (policy_type IN ('general_liability','professional_indemnity','cyber',
                                               'directors_officers','employers_liability',
                                               'equipment','crypto_custody','travel_health')),
    insurer_name        TEXT NOT NULL,
    broker_name         TEXT,
    location_id         BIGINT REFERENCES locations(id),                 -- jurisdiction of the policy
    cost_pool_type_id   BIGINT NOT NULL REFERENCES cost_pool_types(id),  -- pool family that bears the premium
    coverage_limit      NUMERIC(14,2) NOT NULL CHECK (coverage_limit >= 0),
    deductible          NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (deductible >= 0),
    annual_premium      NUMERIC(14,2) NOT NULL CHECK (annual_premium >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    premium_frequency   TEXT NOT NULL DEFAULT 'annual'
                        CHECK (premium_frequency IN ('annual','quarterly','monthly')),
    start_date          DATE NOT NULL,
    end_date            DATE NOT NULL,
    status              TEXT NOT NULL DEFAULT 'active'
                        CHECK (status IN ('quoted','active','expired','cancelled')),
    covers              TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (end_date > start_date),
    CHECK (deductible <= coverage_limit)
);
COMMENT ON TABLE insurance_policies IS
    'operations: Insurance coverage (liability, cyber, D&O, professional indemnity, equipment): limits, deductibles, premiums and term';

CREATE TABLE operational_expenses (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE CHECK (code ~ '^OPX-[0-9]{4}-[0-9]{4}$'),
    expense_date        DATE NOT NULL,
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    cost_allocation_pool_id BIGINT NOT NULL,
    operational_expense_type_id BIGINT NOT NULL REFERENCES operational_expense_types(id),
    cost_category_id    BIGINT NOT NULL REFERENCES cost_categories(id),
    vendor_name         TEXT NOT NULL,
    description         TEXT,
    quantity            NUMERIC(12,2) CHECK (quantity IS NULL OR quantity >= 0),
    unit_price          NUMERIC(18,6) CHECK (unit_price IS NULL OR unit_price >= 0),
    amount              NUMERIC(14,2) NOT NULL CHECK (amount >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    payment_status      TEXT NOT NULL DEFAULT 'paid'
                        CHECK (payment_status IN ('pending','approved','paid','disputed','refunded')),
    invoice_ref         TEXT,
    service_id          BIGINT REFERENCES services(id),
    team_id             BIGINT REFERENCES teams(id),
    location_id         BIGINT REFERENCES locations(id),
    milestone_id        BIGINT REFERENCES milestones(id),
    facility_expense_id BIGINT REFERENCES facility_expenses(id),
    insurance_policy_id BIGINT REFERENCES insurance_policies(id),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (facility_expense_id IS NULL OR insurance_policy_id IS NULL),
    CHECK (quantity IS NULL OR unit_price IS NULL OR abs(amount - round(quantity * unit_price, 2)) <= 0.01),
    FOREIGN KEY (cost_allocation_pool_id, budget_period_id)
        REFERENCES cost_allocation_pools(id, budget_period_id)
);
COMMENT ON TABLE operational_expenses IS
    'operations: Transaction-level non-payroll expenses (facilities, SaaS, legal, insurance, travel, equipment, one-off cloud fees) with category, pool and optional service/team/location/milestone';
CREATE INDEX operational_expenses_pool_idx ON operational_expenses (cost_allocation_pool_id);
CREATE INDEX operational_expenses_category_idx ON operational_expenses (cost_category_id);
CREATE TRIGGER trg_operational_expenses_in_period
    BEFORE INSERT OR UPDATE ON operational_expenses
    FOR EACH ROW EXECUTE FUNCTION ops_check_date_in_period('expense_date');

-- =============================================================================
-- 3. Resource capacity
-- =============================================================================

CREATE TABLE resource_pools (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    name                TEXT NOT NULL,
    resource_type       TEXT NOT NULL CHECK (resource_type IN ('human','compute','gpu','storage','network')),
    capacity_unit       TEXT NOT NULL
                        CHECK (capacity_unit IN ('fte','person_hours','vcpu','gpu_hours','tb','gb')),
    owner_team_id       BIGINT REFERENCES teams(id),
    cloud_provider_id   BIGINT REFERENCES cloud_providers(id),
    service_id          BIGINT REFERENCES services(id),
    location_id         BIGINT REFERENCES locations(id),
    total_capacity      NUMERIC(14,2) NOT NULL CHECK (total_capacity >= 0),
    unit_cost           NUMERIC(18,6) NOT NULL DEFAULT 0 CHECK (unit_cost >= 0),   -- per capacity unit per quarter
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    description         TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((resource_type = 'human') = (capacity_unit IN ('fte','person_hours'))),
    CHECK (resource_type = 'human' OR cloud_provider_id IS NOT NULL),
    CHECK (resource_type <> 'human' OR cloud_provider_id IS NULL)
);
COMMENT ON TABLE resource_pools IS
    'operations: Capacity pools (human FTE, compute vCPU, GPU hours, storage TB/GB) with total capacity and unit cost per quarter';

CREATE TABLE resource_utilization (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    resource_pool_id    BIGINT NOT NULL REFERENCES resource_pools(id) ON DELETE CASCADE,
    team_id             BIGINT NOT NULL REFERENCES teams(id),
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    capacity_units      NUMERIC(14,2) NOT NULL CHECK (capacity_units >= 0),
    used_units          NUMERIC(14,2) NOT NULL CHECK (used_units >= 0),
    utilization_pct     NUMERIC(5,2) GENERATED ALWAYS AS
                        (CASE WHEN capacity_units > 0 THEN round(100 * used_units / capacity_units, 2) ELSE 0 END) STORED,
    peak_pct            NUMERIC(5,2) CHECK (peak_pct IS NULL OR peak_pct BETWEEN 0 AND 100),
    notes               TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (used_units <= capacity_units),
    CHECK (utilization_pct BETWEEN 0 AND 100),
    CHECK (peak_pct IS NULL OR peak_pct >= utilization_pct),
    UNIQUE (resource_pool_id, team_id, budget_period_id)
);
COMMENT ON TABLE resource_utilization IS
    'operations: Resource usage per pool, team and budget period: capacity, used units, utilization_pct (generated) and peak';

CREATE TABLE capacity_forecasts (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    resource_pool_id    BIGINT NOT NULL REFERENCES resource_pools(id) ON DELETE CASCADE,
    team_id             BIGINT REFERENCES teams(id),
    milestone_id        BIGINT REFERENCES milestones(id),
    user_scale_threshold_id BIGINT REFERENCES user_scale_thresholds(id),
    forecast_as_of      DATE NOT NULL,
    target_start        DATE NOT NULL,
    target_end          DATE NOT NULL,
    forecast_capacity   NUMERIC(14,2) NOT NULL CHECK (forecast_capacity >= 0),
    demand_low          NUMERIC(14,2) NOT NULL CHECK (demand_low >= 0),
    demand_mid          NUMERIC(14,2) NOT NULL,
    demand_high         NUMERIC(14,2) NOT NULL,
    confidence_pct      NUMERIC(5,2) NOT NULL CHECK (confidence_pct BETWEEN 0 AND 100),
    projected_cost      NUMERIC(14,2) NOT NULL CHECK (projected_cost >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    recommended_action  TEXT NOT NULL DEFAULT 'none'
                        CHECK (recommended_action IN ('none','scale_up','scale_down','hire','procure','renegotiate')),
    notes               TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (target_end >= target_start),
    CHECK (target_start >= forecast_as_of),
    CHECK (demand_low <= demand_mid AND demand_mid <= demand_high)
);
COMMENT ON TABLE capacity_forecasts IS
    'operations: Future capacity vs demand (low/mid/high) per resource pool, tied to milestones and user-scale thresholds, with projected cost and action';

-- =============================================================================
-- 4. Budgets
-- =============================================================================

CREATE TABLE budget_line_items (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    cost_category_id    BIGINT NOT NULL REFERENCES cost_categories(id),
    cost_allocation_pool_id BIGINT NOT NULL,
    milestone_id        BIGINT REFERENCES milestones(id),
    owner_team_id       BIGINT REFERENCES teams(id),
    description         TEXT,
    budgeted_amount     NUMERIC(14,2) NOT NULL CHECK (budgeted_amount >= 0),
    actual_amount       NUMERIC(14,2) NOT NULL DEFAULT 0 CHECK (actual_amount >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    status              TEXT NOT NULL DEFAULT 'approved' CHECK (status IN ('draft','approved','locked')),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE (budget_period_id, cost_category_id, cost_allocation_pool_id),
    FOREIGN KEY (cost_allocation_pool_id, budget_period_id)
        REFERENCES cost_allocation_pools(id, budget_period_id)
);
COMMENT ON TABLE budget_line_items IS
    'operations: Budget vs actual per budget period x cost category (top level) x pool: budgeted_amount and actual_amount (actual = booked transactions and allocations of that category subtree)';

CREATE TABLE budget_amendments (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    budget_line_item_id BIGINT NOT NULL REFERENCES budget_line_items(id) ON DELETE CASCADE,
    amendment_date      DATE NOT NULL,
    amount_change       NUMERIC(14,2) NOT NULL CHECK (amount_change <> 0),   -- signed: + increase, - cut
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    reason              TEXT NOT NULL,
    status              TEXT NOT NULL DEFAULT 'proposed'
                        CHECK (status IN ('proposed','approved','rejected','withdrawn')),
    requested_by_member_id BIGINT REFERENCES team_members(id),
    dao_proposal_id     BIGINT REFERENCES dao_proposals(id),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (requested_by_member_id IS NOT NULL OR dao_proposal_id IS NOT NULL)
);
COMMENT ON TABLE budget_amendments IS
    'operations: Signed changes to a budget line (increase/cut) with reason, requester or DAO proposal and approval status';

CREATE TABLE budget_approvals (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    budget_line_item_id BIGINT REFERENCES budget_line_items(id) ON DELETE CASCADE,
    budget_amendment_id BIGINT REFERENCES budget_amendments(id) ON DELETE CASCADE,
    approval_stage      TEXT NOT NULL CHECK (approval_stage IN ('team_lead','finance','executive','dao_vote')),
    approver_member_id  BIGINT REFERENCES team_members(id),
    dao_proposal_id     BIGINT REFERENCES dao_proposals(id),
    decision            TEXT NOT NULL DEFAULT 'pending'
                        CHECK (decision IN ('pending','approved','rejected','changes_requested')),
    decided_at          TIMESTAMPTZ,
    approved_amount     NUMERIC(14,2) CHECK (approved_amount IS NULL OR approved_amount >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    comments            TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(budget_line_item_id, budget_amendment_id) <= 1),
    CHECK ((decision = 'pending') = (decided_at IS NULL)),
    CHECK (approval_stage <> 'dao_vote' OR dao_proposal_id IS NOT NULL),
    CHECK (approval_stage = 'dao_vote' OR approver_member_id IS NOT NULL),
    CHECK (decision = 'approved' OR approved_amount IS NULL)
);
COMMENT ON TABLE budget_approvals IS
    'operations: Approval workflow of budget periods, lines and amendments (team lead, finance, executive, DAO vote) with decision and approved amount';

-- =============================================================================
-- 5. Cross-module cost attributions
-- =============================================================================

CREATE TABLE labor_cost_allocations (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    team_member_id      BIGINT NOT NULL REFERENCES team_members(id),
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    cost_allocation_pool_id BIGINT NOT NULL,
    milestone_id        BIGINT REFERENCES milestones(id),
    cost_category_id    BIGINT NOT NULL REFERENCES cost_categories(id),
    cost_allocation_rule_id BIGINT REFERENCES cost_allocation_rules(id),
    allocation_pct      NUMERIC(5,2) NOT NULL CHECK (allocation_pct > 0 AND allocation_pct <= 100),
    months_active       NUMERIC(4,2) NOT NULL CHECK (months_active > 0 AND months_active <= 12),
    amount              NUMERIC(14,2) NOT NULL CHECK (amount >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    basis               TEXT NOT NULL DEFAULT 'fte_plan' CHECK (basis IN ('fte_plan','timesheet','estimate')),
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    UNIQUE NULLS NOT DISTINCT (team_member_id, budget_period_id, cost_allocation_pool_id, milestone_id),
    FOREIGN KEY (cost_allocation_pool_id, budget_period_id)
        REFERENCES cost_allocation_pools(id, budget_period_id)
);
COMMENT ON TABLE labor_cost_allocations IS
    'operations: People-module integration: team member cost per budget period attributed to a pool and milestone (pct of the member''s cost, amount)';
CREATE TRIGGER trg_labor_cost_allocations_pct_sum
    BEFORE INSERT OR UPDATE ON labor_cost_allocations
    FOR EACH ROW EXECUTE FUNCTION ops_check_allocation_pct_sum('team_member_id');

CREATE TABLE infrastructure_cost_allocations (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    service_id          BIGINT NOT NULL REFERENCES services(id),
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    cost_allocation_pool_id BIGINT NOT NULL,
    milestone_id        BIGINT REFERENCES milestones(id),
    cost_category_id    BIGINT NOT NULL REFERENCES cost_categories(id),
    cost_allocation_rule_id BIGINT REFERENCES cost_allocation_rules(id),
    usage_quantity      NUMERIC(14,2) CHECK (usage_quantity IS NULL OR usage_quantity >= 0),
    usage_unit          TEXT,
    allocation_pct      NUMERIC(5,2) NOT NULL CHECK (allocation_pct > 0 AND allocation_pct <= 100),
    amount              NUMERIC(14,2) NOT NULL CHECK (amount >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    notes               TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK ((usage_quantity IS NULL) = (usage_unit IS NULL)),
    UNIQUE NULLS NOT DISTINCT (service_id, budget_period_id, cost_allocation_pool_id, milestone_id),
    FOREIGN KEY (cost_allocation_pool_id, budget_period_id)
        REFERENCES cost_allocation_pools(id, budget_period_id)
);
COMMENT ON TABLE infrastructure_cost_allocations IS
    'operations: Tools-module integration: recurring cloud service spend per budget period attributed to pools and milestones (pct of the service''s period cost, amount)';
CREATE TRIGGER trg_infrastructure_cost_allocations_pct_sum
    BEFORE INSERT OR UPDATE ON infrastructure_cost_allocations
    FOR EACH ROW EXECUTE FUNCTION ops_check_allocation_pct_sum('service_id');

CREATE TABLE work_cost_allocations (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    work_project_id     BIGINT REFERENCES work_projects(id),
    work_bounty_id      BIGINT REFERENCES work_bounties(id),
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    cost_allocation_pool_id BIGINT NOT NULL,
    milestone_id        BIGINT REFERENCES milestones(id),
    cost_category_id    BIGINT NOT NULL REFERENCES cost_categories(id),
    allocation_pct      NUMERIC(5,2) NOT NULL DEFAULT 100 CHECK (allocation_pct > 0 AND allocation_pct <= 100),
    amount              NUMERIC(14,2) NOT NULL CHECK (amount >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    payout_status       TEXT NOT NULL DEFAULT 'committed' CHECK (payout_status IN ('committed','paid','cancelled')),
    paid_on             DATE,
    notes               TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (num_nonnulls(work_project_id, work_bounty_id) = 1),
    CHECK ((payout_status = 'paid') = (paid_on IS NOT NULL)),
    UNIQUE NULLS NOT DISTINCT (work_project_id, work_bounty_id, budget_period_id, cost_allocation_pool_id),
    FOREIGN KEY (cost_allocation_pool_id, budget_period_id)
        REFERENCES cost_allocation_pools(id, budget_period_id)
);
COMMENT ON TABLE work_cost_allocations IS
    'operations: Work-module integration: bounty payouts and work-project contributor costs attributed to pools and milestones per budget period';
CREATE TRIGGER trg_work_cost_allocations_in_period
    BEFORE INSERT OR UPDATE ON work_cost_allocations
    FOR EACH ROW EXECUTE FUNCTION ops_check_date_in_period('paid_on');

CREATE TABLE treasury_allocations (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    dao_treasury_id     BIGINT NOT NULL REFERENCES dao_treasuries(id),
    dao_proposal_id     BIGINT REFERENCES dao_proposals(id),
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    cost_allocation_pool_id BIGINT NOT NULL,
    allocation_date     DATE NOT NULL,
    amount              NUMERIC(14,2) NOT NULL CHECK (amount > 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    status              TEXT NOT NULL DEFAULT 'approved'
                        CHECK (status IN ('proposed','approved','disbursed','clawed_back')),
    purpose             TEXT NOT NULL,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (status = 'proposed' OR dao_proposal_id IS NOT NULL),
    FOREIGN KEY (cost_allocation_pool_id, budget_period_id)
        REFERENCES cost_allocation_pools(id, budget_period_id)
);
COMMENT ON TABLE treasury_allocations IS
    'operations: DAO-integration: funding moved from DAO treasuries into cost pools under a DAO proposal (funding, part of allocated_amount, not spend)';
CREATE TRIGGER trg_treasury_allocations_in_period
    BEFORE INSERT OR UPDATE ON treasury_allocations
    FOR EACH ROW EXECUTE FUNCTION ops_check_date_in_period('allocation_date');

CREATE TABLE community_cost_allocations (
    id                  BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
    code                TEXT NOT NULL UNIQUE,
    program_name        TEXT NOT NULL,
    program_type        TEXT NOT NULL
                        CHECK (program_type IN ('ambassador','moderation','events','hackathon','content',
                                                'translation','forum_hosting','contributor_rewards')),
    community_member_id BIGINT REFERENCES community_members(id),
    wiki_space_id       BIGINT REFERENCES wiki_spaces(id),
    location_id         BIGINT REFERENCES locations(id),
    budget_period_id    BIGINT NOT NULL REFERENCES budget_periods(id),
    cost_allocation_pool_id BIGINT NOT NULL,
    milestone_id        BIGINT REFERENCES milestones(id),
    cost_category_id    BIGINT NOT NULL REFERENCES cost_categories(id),
    participants        INTEGER CHECK (participants IS NULL OR participants >= 0),
    amount              NUMERIC(14,2) NOT NULL CHECK (amount >= 0),
    currency            CHAR(3) NOT NULL DEFAULT 'EUR' CHECK (currency IN ('EUR','USD','GBP','CHF')),
    status              TEXT NOT NULL DEFAULT 'paid' CHECK (status IN ('planned','committed','paid','cancelled')),
    description         TEXT,
    created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
    CHECK (program_type NOT IN ('ambassador','moderation','translation') OR community_member_id IS NOT NULL),
    FOREIGN KEY (cost_allocation_pool_id, budget_period_id)
        REFERENCES cost_allocation_pools(id, budget_period_id)
);
COMMENT ON TABLE community_cost_allocations IS
    'operations: Community-module integration: community programme costs (ambassadors, moderation, events, hackathons, content, forum hosting) attributed to pools per period, linked to community members / wiki spaces';

-- =============================================================================
-- 6. Views
-- =============================================================================

CREATE VIEW v_cost_pool_utilization AS
WITH ledger AS (
    -- every spend row booked to a pool, from the five disjoint sources
    SELECT 'operational_expense'::text AS source, e.cost_allocation_pool_id, e.expense_date AS booked_on,
           e.amount, e.currency
    FROM operational_expenses e
    WHERE e.payment_status <> 'refunded'
    UNION ALL
    SELECT 'labor', l.cost_allocation_pool_id, bp.end_date, l.amount, l.currency
    FROM labor_cost_allocations l JOIN budget_periods bp ON bp.id = l.budget_period_id
    UNION ALL
    SELECT 'infrastructure', i.cost_allocation_pool_id, bp.end_date, i.amount, i.currency
    FROM infrastructure_cost_allocations i JOIN budget_periods bp ON bp.id = i.budget_period_id
    UNION ALL
    SELECT 'work', w.cost_allocation_pool_id, COALESCE(w.paid_on, bp.end_date), w.amount, w.currency
    FROM work_cost_allocations w JOIN budget_periods bp ON bp.id = w.budget_period_id
    WHERE w.payout_status <> 'cancelled'
    UNION ALL
    SELECT 'community', c.cost_allocation_pool_id, bp.end_date, c.amount, c.currency
    FROM community_cost_allocations c JOIN budget_periods bp ON bp.id = c.budget_period_id
    WHERE c.status <> 'cancelled'
), spend AS (
    SELECT l.cost_allocation_pool_id,
           l.source,
           ops_fx_convert(l.amount, l.currency, p.currency, l.booked_on) AS amount_pool_ccy
    FROM ledger l
    JOIN cost_allocation_pools p ON p.id = l.cost_allocation_pool_id
), agg AS (
    SELECT cost_allocation_pool_id,
           sum(amount_pool_ccy) FILTER (WHERE source = 'operational_expense') AS opex_spent,
           sum(amount_pool_ccy) FILTER (WHERE source = 'labor')               AS labor_spent,
           sum(amount_pool_ccy) FILTER (WHERE source = 'infrastructure')      AS infrastructure_spent,
           sum(amount_pool_ccy) FILTER (WHERE source = 'work')                AS work_spent,
           sum(amount_pool_ccy) FILTER (WHERE source = 'community')           AS community_spent,
           sum(amount_pool_ccy)                                               AS total_spent
    FROM spend
    GROUP BY cost_allocation_pool_id
), funding AS (
    SELECT t.cost_allocation_pool_id,
           sum(ops_fx_convert(t.amount, t.currency, p.currency, t.allocation_date)) AS treasury_funded
    FROM treasury_allocations t
    JOIN cost_allocation_pools p ON p.id = t.cost_allocation_pool_id
    WHERE t.status IN ('approved','disbursed')
    GROUP BY t.cost_allocation_pool_id
)
SELECT p.code                                        AS pool_code,
       p.name                                        AS pool_name,
       pt.code                                       AS pool_type_code,
       pt.pool_class,
       bp.code                                       AS period_code,
       t.code                                        AS owner_team_code,
       p.currency,
       round(p.allocated_amount, 2)                  AS allocated,
       round(COALESCE(f.treasury_funded, 0), 2)      AS treasury_funded,
       round(COALESCE(a.opex_spent, 0), 2)           AS opex_spent,
       round(COALESCE(a.labor_spent, 0), 2)          AS labor_spent,
       round(COALESCE(a.infrastructure_spent, 0), 2) AS infrastructure_spent,
       round(COALESCE(a.work_spent, 0), 2)           AS work_spent,
       round(COALESCE(a.community_spent, 0), 2)      AS community_spent,
       round(COALESCE(a.total_spent, 0), 2)          AS spent,
       round(p.allocated_amount - COALESCE(a.total_spent, 0), 2) AS remaining,
       CASE WHEN p.allocated_amount > 0
            THEN round(100 * COALESCE(a.total_spent, 0) / p.allocated_amount, 2) END AS utilization_pct,
       COALESCE(a.total_spent, 0) > p.allocated_amount AS over_allocated
FROM cost_allocation_pools p
JOIN cost_pool_types pt ON pt.id = p.cost_pool_type_id
JOIN budget_periods bp ON bp.id = p.budget_period_id
LEFT JOIN teams t ON t.id = p.owner_team_id
LEFT JOIN agg a ON a.cost_allocation_pool_id = p.id
LEFT JOIN funding f ON f.cost_allocation_pool_id = p.id
ORDER BY bp.start_date, pt.code, p.code;
COMMENT ON VIEW v_cost_pool_utilization IS
    'operations: How much of each cost pool is spent and what remains, per pool and period (spend = operational expenses + labor/infrastructure/work/community allocations, converted to the pool currency via fx_rates). Columns: pool_code, pool_name, pool_type_code, pool_class, period_code, owner_team_code, currency, allocated, treasury_funded, opex_spent, labor_spent, infrastructure_spent, work_spent, community_spent, spent, remaining, utilization_pct, over_allocated';

CREATE VIEW v_budget_vs_actual AS
WITH amend AS (
    SELECT budget_line_item_id,
           sum(amount_change) FILTER (WHERE status = 'approved') AS approved_change,
           sum(amount_change) FILTER (WHERE status = 'proposed') AS pending_change
    FROM budget_amendments
    GROUP BY budget_line_item_id
), lines AS (
    SELECT li.*,
           li.budgeted_amount + COALESCE(am.approved_change, 0) AS revised_budget,
           COALESCE(am.approved_change, 0) AS approved_change,
           COALESCE(am.pending_change, 0)  AS pending_change
    FROM budget_line_items li
    LEFT JOIN amend am ON am.budget_line_item_id = li.id
)
SELECT bp.code                                  AS period_code,
       l.code                                   AS line_code,
       c.code                                   AS category_code,
       c.name                                   AS category_name,
       c.category_type,
       p.code                                   AS pool_code,
       pt.code                                  AS pool_type_code,
       m.code                                   AS milestone_code,
       l.currency,
       round(l.budgeted_amount, 2)              AS original_budget,
       round(l.approved_change, 2)              AS approved_amendments,
       round(l.pending_change, 2)               AS pending_amendments,
       round(l.revised_budget, 2)               AS budgeted,
       round(l.actual_amount, 2)                AS actual,
       round(l.revised_budget - l.actual_amount, 2) AS variance,
       CASE WHEN l.revised_budget > 0
            THEN round(100 * (l.actual_amount - l.revised_budget) / l.revised_budget, 2) END AS variance_pct,
       l.actual_amount > l.revised_budget       AS over_budget
FROM lines l
JOIN budget_periods bp ON bp.id = l.budget_period_id
JOIN cost_categories c ON c.id = l.cost_category_id
JOIN cost_allocation_pools p ON p.id = l.cost_allocation_pool_id
JOIN cost_pool_types pt ON pt.id = p.cost_pool_type_id
LEFT JOIN milestones m ON m.id = l.milestone_id
ORDER BY bp.start_date, pt.code, c.code, l.code;
COMMENT ON VIEW v_budget_vs_actual IS
    'operations: Budget vs actual per budget period and budget line (category x pool): original budget, approved/pending amendments, revised budget, actual, variance (budget - actual; negative = overspend), variance_pct (overspend relative to budget) and over_budget flag. Columns: period_code, line_code, category_code, category_name, category_type, pool_code, pool_type_code, milestone_code, currency, original_budget, approved_amendments, pending_amendments, budgeted, actual, variance, variance_pct, over_budget';

CREATE VIEW v_resource_utilization_by_team AS
SELECT t.code                                   AS team_code,
       t.name                                   AS team_name,
       bp.code                                  AS period_code,
       rp.resource_type,
       rp.capacity_unit,
       count(*)                                 AS resource_pools,
       round(sum(ru.capacity_units), 2)         AS capacity,
       round(sum(ru.used_units), 2)             AS used,
       round(sum(ru.capacity_units - ru.used_units), 2) AS idle,
       CASE WHEN sum(ru.capacity_units) > 0
            THEN round(100 * sum(ru.used_units) / sum(ru.capacity_units), 2) END AS utilization_pct,
       max(ru.peak_pct)                         AS peak_pct,
       rp.currency,
       round(sum(ru.used_units * rp.unit_cost), 2)                     AS used_cost,
       round(sum((ru.capacity_units - ru.used_units) * rp.unit_cost), 2) AS idle_cost
FROM resource_utilization ru
JOIN resource_pools rp ON rp.id = ru.resource_pool_id
JOIN teams t ON t.id = ru.team_id
JOIN budget_periods bp ON bp.id = ru.budget_period_id
GROUP BY t.code, t.name, bp.code, bp.start_date, rp.resource_type, rp.capacity_unit, rp.currency
ORDER BY bp.start_date, t.code, rp.resource_type, rp.capacity_unit, bp.code, rp.currency;
COMMENT ON VIEW v_resource_utilization_by_team IS
    'operations: How much of its human, compute, GPU and storage capacity each team uses per budget period, and what the used and idle capacity cost. Columns: team_code, team_name, period_code, resource_type, capacity_unit, resource_pools, capacity, used, idle, utilization_pct, peak_pct, currency, used_cost, idle_cost';

CREATE VIEW v_labor_cost_attribution AS
SELECT bp.code                                  AS period_code,
       t.code                                   AS team_code,
       r.code                                   AS role_code,
       loc.code                                 AS location_code,
       p.code                                   AS pool_code,
       pt.code                                  AS pool_type_code,
       m.code                                   AS milestone_code,
       count(DISTINCT l.team_member_id)         AS members,
       round(sum(tm.fte * l.allocation_pct / 100), 2) AS fte_attributed,
       round(sum(l.months_active * tm.fte * l.allocation_pct / 100), 2) AS person_months,
       l.currency,
       round(sum(l.amount), 2)                  AS amount,
       round(sum(ops_fx_convert(l.amount, l.currency, 'EUR', bp.end_date)), 2) AS amount_eur
FROM labor_cost_allocations l
JOIN team_members tm ON tm.id = l.team_member_id
JOIN budget_periods bp ON bp.id = l.budget_period_id
JOIN cost_allocation_pools p ON p.id = l.cost_allocation_pool_id
JOIN cost_pool_types pt ON pt.id = p.cost_pool_type_id
LEFT JOIN teams t ON t.id = tm.team_id
LEFT JOIN roles r ON r.id = tm.role_id
LEFT JOIN locations loc ON loc.id = tm.location_id
LEFT JOIN milestones m ON m.id = l.milestone_id
GROUP BY bp.code, bp.start_date, t.code, r.code, loc.code, p.code, pt.code, m.code, m.sequence, l.currency
ORDER BY bp.start_date, t.code, r.code, loc.code, pt.code, m.sequence, bp.code, m.code, l.currency;
COMMENT ON VIEW v_labor_cost_attribution IS
    'operations: Which pools and milestones the labor cost of each team, role and location is attributed to, per budget period (from labor_cost_allocations). Columns: period_code, team_code, role_code, location_code, pool_code, pool_type_code, milestone_code, members, fte_attributed, person_months, currency, amount, amount_eur (via fx_rates)';

CREATE VIEW v_infrastructure_cost_attribution AS
SELECT bp.code                                  AS period_code,
       cp.code                                  AS provider_code,
       s.code                                   AS service_code,
       s.service_type,
       p.code                                   AS pool_code,
       pt.code                                  AS pool_type_code,
       m.code                                   AS milestone_code,
       round(sum(i.allocation_pct), 2)          AS allocation_pct,
       round(sum(i.usage_quantity), 2)          AS usage_quantity,
       max(i.usage_unit)                        AS usage_unit,
       i.currency,
       round(sum(i.amount), 2)                  AS amount,
       round(sum(ops_fx_convert(i.amount, i.currency, 'EUR', bp.end_date)), 2) AS amount_eur
FROM infrastructure_cost_allocations i
JOIN services s ON s.id = i.service_id
LEFT JOIN cloud_providers cp ON cp.id = s.cloud_provider_id
JOIN budget_periods bp ON bp.id = i.budget_period_id
JOIN cost_allocation_pools p ON p.id = i.cost_allocation_pool_id
JOIN cost_pool_types pt ON pt.id = p.cost_pool_type_id
LEFT JOIN milestones m ON m.id = i.milestone_id
GROUP BY bp.code, bp.start_date, cp.code, s.code, s.service_type, p.code, pt.code, m.code, m.sequence, i.currency
ORDER BY bp.start_date, cp.code, s.code, pt.code, m.sequence, bp.code, m.code, i.currency;
COMMENT ON VIEW v_infrastructure_cost_attribution IS
    'operations: Which pools and milestones the spend on each cloud provider and service is attributed to, per budget period (from infrastructure_cost_allocations). Columns: period_code, provider_code, service_code, service_type, pool_code, pool_type_code, milestone_code, allocation_pct, usage_quantity, usage_unit, currency, amount, amount_eur (via fx_rates)';

CREATE VIEW v_operations_kpi_dashboard AS
WITH periods AS (
    -- each budget period with the budget periods that carry pools inside it
    -- (a quarter covers itself; FY2026 covers its four quarters)
    SELECT bp.id AS period_id, q.id AS leaf_id
    FROM budget_periods bp
    JOIN budget_periods q
      ON q.start_date >= bp.start_date AND q.end_date <= bp.end_date
     AND q.id IN (SELECT budget_period_id FROM cost_allocation_pools)
), lines AS (
    SELECT li.budget_period_id,
           count(*) AS lines,
           sum(ops_fx_convert(li.budgeted_amount + COALESCE(am.approved_change, 0), li.currency, 'EUR', bp.end_date)) AS budget_eur,
           sum(ops_fx_convert(li.actual_amount, li.currency, 'EUR', bp.end_date)) AS actual_eur,
           count(*) FILTER (WHERE li.actual_amount > li.budgeted_amount + COALESCE(am.approved_change, 0)) AS lines_over
    FROM budget_line_items li
    JOIN budget_periods bp ON bp.id = li.budget_period_id
    LEFT JOIN (SELECT budget_line_item_id, sum(amount_change) AS approved_change
               FROM budget_amendments WHERE status = 'approved'
               GROUP BY budget_line_item_id) am ON am.budget_line_item_id = li.id
    GROUP BY li.budget_period_id
), pools AS (
    SELECT p.budget_period_id,
           count(*) AS pools,
           count(*) FILTER (WHERE u.over_allocated) AS pools_over,
           sum(ops_fx_convert(u.allocated, u.currency, 'EUR', bp.end_date))            AS allocated_eur,
           sum(ops_fx_convert(u.spent, u.currency, 'EUR', bp.end_date))                AS spent_eur,
           sum(ops_fx_convert(u.labor_spent, u.currency, 'EUR', bp.end_date))          AS labor_eur,
           sum(ops_fx_convert(u.infrastructure_spent, u.currency, 'EUR', bp.end_date)) AS infra_eur,
           sum(ops_fx_convert(u.opex_spent, u.currency, 'EUR', bp.end_date))           AS opex_eur,
           sum(ops_fx_convert(u.work_spent + u.community_spent, u.currency, 'EUR', bp.end_date)) AS programs_eur,
           sum(ops_fx_convert(u.treasury_funded, u.currency, 'EUR', bp.end_date))      AS treasury_eur
    FROM cost_allocation_pools p
    JOIN budget_periods bp ON bp.id = p.budget_period_id
    JOIN v_cost_pool_utilization u ON u.pool_code = p.code
    GROUP BY p.budget_period_id
), util AS (
    SELECT ru.budget_period_id,
           sum(ru.used_units) FILTER (WHERE rp.resource_type = 'human')     AS human_used,
           sum(ru.capacity_units) FILTER (WHERE rp.resource_type = 'human') AS human_capacity,
           avg(ru.utilization_pct) FILTER (WHERE rp.resource_type <> 'human') AS infra_util_pct
    FROM resource_utilization ru
    JOIN resource_pools rp ON rp.id = ru.resource_pool_id
    GROUP BY ru.budget_period_id
), agg AS (
    SELECT pr.period_id,
           count(*)             AS quarters,
           sum(l.lines)         AS lines,
           sum(l.lines_over)    AS lines_over,
           sum(l.budget_eur)    AS budget_eur,
           sum(l.actual_eur)    AS actual_eur,
           sum(po.pools)        AS pools,
           sum(po.pools_over)   AS pools_over,
           sum(po.allocated_eur) AS allocated_eur,
           sum(po.spent_eur)    AS spent_eur,
           sum(po.labor_eur)    AS labor_eur,
           sum(po.infra_eur)    AS infra_eur,
           sum(po.opex_eur)     AS opex_eur,
           sum(po.programs_eur) AS programs_eur,
           sum(po.treasury_eur) AS treasury_eur,
           sum(ut.human_used)   AS human_used,
           sum(ut.human_capacity) AS human_capacity,
           avg(ut.infra_util_pct) AS infra_util_pct
    FROM periods pr
    LEFT JOIN lines l  ON l.budget_period_id = pr.leaf_id
    LEFT JOIN pools po ON po.budget_period_id = pr.leaf_id
    LEFT JOIN util ut  ON ut.budget_period_id = pr.leaf_id
    GROUP BY pr.period_id
), heads AS (
    SELECT bp.id AS period_id, count(tm.id) AS headcount, COALESCE(sum(tm.fte), 0) AS fte
    FROM budget_periods bp
    LEFT JOIN team_members tm
      ON tm.start_date <= bp.end_date AND (tm.end_date IS NULL OR tm.end_date >= bp.start_date)
    GROUP BY bp.id
)
SELECT bp.code                                           AS period_code,
       bp.period_type,
       bp.start_date,
       bp.end_date,
       bp.status,
       'EUR'::char(3)                                    AS currency,
       round(a.budget_eur, 2)                            AS total_budget,
       round(a.actual_eur, 2)                            AS total_actual,
       round(a.budget_eur - a.actual_eur, 2)             AS variance,
       round(100 * (a.actual_eur - a.budget_eur) / NULLIF(a.budget_eur, 0), 2) AS variance_pct,
       a.lines::int                                      AS budget_lines,
       a.lines_over::int                                 AS budget_lines_over,
       round(a.allocated_eur, 2)                         AS pool_allocated,
       round(a.spent_eur, 2)                             AS pool_spent,
       round(100 * a.spent_eur / NULLIF(a.allocated_eur, 0), 2) AS pool_utilization_pct,
       a.pools::int                                      AS pools,
       a.pools_over::int                                 AS pools_over_allocated,
       round(a.treasury_eur, 2)                          AS treasury_funded,
       h.headcount::int                                  AS headcount,
       round(h.fte, 2)                                   AS fte,
       round(a.labor_eur, 2)                             AS labor_spend,
       round(a.infra_eur, 2)                             AS infra_spend,
       round(a.opex_eur, 2)                              AS opex_spend,
       round(a.programs_eur, 2)                          AS programs_spend,
       round(a.spent_eur / NULLIF(a.quarters * 3, 0), 2) AS monthly_burn_rate,
       round(a.spent_eur / NULLIF(h.fte, 0), 2)          AS cost_per_fte,
       round(100 * a.human_used / NULLIF(a.human_capacity, 0), 2) AS human_utilization_pct,
       round(a.infra_util_pct, 2)                        AS infra_utilization_pct
FROM budget_periods bp
JOIN agg a ON a.period_id = bp.id
JOIN heads h ON h.period_id = bp.id
ORDER BY CASE bp.period_type WHEN 'month' THEN 1 WHEN 'quarter' THEN 2 WHEN 'half_year' THEN 3 ELSE 4 END, bp.start_date, bp.code;
COMMENT ON VIEW v_operations_kpi_dashboard IS
    'operations: How each budget period is doing, one row per period (quarters in order, then the fiscal year rolling up its quarters): budget vs actual, pool utilization, headcount, spend by source and burn rate, all in EUR via fx_rates. Columns: period_code, period_type, start_date, end_date, status, currency, total_budget, total_actual, variance (budget - actual), variance_pct (overspend relative to budget), budget_lines, budget_lines_over, pool_allocated, pool_spent, pool_utilization_pct, pools, pools_over_allocated, treasury_funded, headcount, fte (team members active at any time in the period), labor_spend, infra_spend, opex_spend, programs_spend (work + community), monthly_burn_rate (pool spend per month), cost_per_fte, human_utilization_pct, infra_utilization_pct (mean over compute/GPU/storage pools)';

SELECT vivim_attach_updated_at_triggers();
