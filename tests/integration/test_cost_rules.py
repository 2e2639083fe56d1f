"""The impact figures, re-derived from docs/cost-rules.md alone.

This module shares nothing with ``src/``: every expected figure is computed here in plain SQL
and Decimal from the seeded PostgreSQL, following the rules of docs/cost-rules.md (the rule id
is named beside each step), and compared to the cent with what ``impact`` answers from the
graph. The cases cover every location, a non-EUR pay (London, San Francisco), a capped
contribution (Malta, US OASDI), a relief (Sicily), part-time hires, contractors, a
once-per-employer allowance (UK) and each team's allocation split.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import psycopg
import pytest

from vivim_graph.impact import scenarios as impact

pytestmark = pytest.mark.integration

RULES_DOC = Path(__file__).resolve().parents[2] / "docs" / "cost-rules.md"
# governing law of contract templates (reference data about the world, R-ONE-OFF)
COUNTRY = {"ES": "Spain", "IT": "Italy", "MT": "Malta", "DE": "Germany",
           "GB": "United Kingdom", "US": "United States"}  # fmt: skip
HOURS_PER_DAY = 8  # R-CONTRACTOR


def rnd(value: Decimal) -> Decimal:
    """Round half away from zero to the cent."""
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cents(value: Decimal) -> int:
    return int(rnd(value) * 100)


@pytest.fixture(scope="module")
def cur(seeded_db):
    with psycopg.connect(seeded_db) as conn, conn.cursor() as cursor:
        yield cursor
        conn.rollback()


@pytest.fixture(scope="module")
def kg(seeded_graph):
    return seeded_graph


# --------------------------------------------------------------------------- unit cost
def fx_to_eur(cur, currency: str) -> Decimal:
    """R-FX: the latest stored rate from the currency to EUR; 1 for EUR."""
    if currency == "EUR":
        return Decimal(1)
    cur.execute(
        "SELECT rate FROM fx_rates WHERE base_currency = %s AND quote_currency = 'EUR' "
        "ORDER BY rate_date DESC LIMIT 1",
        (currency,),
    )
    return cur.fetchone()[0]


def start_day(cur, start: str):
    cur.execute("SELECT planned_start_date FROM milestones WHERE code = %s", (start,))
    return cur.fetchone()[0]


@dataclass
class Unit:
    monthly: int  # EUR cents, one hire
    loaded: int  # annual, pay currency cents (EUR for contractors)
    relief: int
    social: Decimal  # the relief base, one hire, pay currency (R-RELIEF)
    currency: str
    fx: Decimal
    location_id: int
    country: str


def employee_unit(cur, role: str, location: str, start: str, fte: Decimal) -> Unit:
    day = start_day(cur, start)
    # R-SALARY, R-YEAR: the latest benchmark year not after the start year
    cur.execute(
        """SELECT sb.annual_mid, sb.currency, sb.year, l.id, l.country_code
           FROM salary_benchmarks sb JOIN roles r ON r.id = sb.role_id
           JOIN locations l ON l.id = sb.location_id
           WHERE r.code = %s AND l.code = %s AND sb.seniority = r.seniority
             AND sb.year <= %s ORDER BY sb.year DESC LIMIT 1""",
        (role, location, day.year),
    )
    mid, currency, year, location_id, country = cur.fetchone()
    pay = mid * fte  # R-FTE
    oncost, social = social_oncost(cur, location_id, year, currency, pay)
    # R-RELIEF: rate x the social-security contributions, capped; cap not scaled by FTE
    cur.execute(
        """SELECT reduction_pct, max_benefit_annual FROM tax_incentives
           WHERE location_id = %s AND beneficiary = 'employer'
             AND incentive_type = 'social_security_relief' AND is_active_2026
             AND reduction_pct IS NOT NULL AND max_benefit_annual IS NOT NULL
             AND currency = %s AND (valid_from IS NULL OR valid_from <= %s)
             AND (valid_to IS NULL OR valid_to >= %s)""",
        (location_id, currency, day, day),
    )
    relief = sum((min(pct / 100 * social, cap) for pct, cap in cur.fetchall()), Decimal(0))
    loaded = rnd(pay + oncost - relief)  # R-LOADED
    fx = fx_to_eur(cur, currency)
    return Unit(
        cents(loaded * fx / 12), cents(loaded), cents(relief), social, currency, fx,
        location_id, country,
    )  # fmt: skip


def social_oncost(cur, location_id, year, currency, pay: Decimal) -> tuple[Decimal, Decimal]:
    """R-ONCOST: (all counted on-costs, the social_security part) on the pay."""
    cur.execute(
        """SELECT COALESCE(employer_rate_pct, 0), contribution_base_cap,
                  COALESCE(contribution_base_floor, 0), COALESCE(fixed_annual_amount, 0),
                  factor_type
           FROM employment_cost_factors
           WHERE location_id = %s AND year = %s AND currency = %s AND applies_to_loaded_cost""",
        (location_id, year, currency),
    )
    total = social = Decimal(0)
    for rate, cap, floor, fixed, kind in cur.fetchall():
        base = max(Decimal(0), min(pay, cap if cap is not None else pay) - floor)
        rated = rate / 100 * base
        total += rated + fixed
        social += rated if kind == "social_security" else 0
    return total, social


def contractor_unit(cur, role: str, location: str, fte: Decimal) -> Unit:
    """R-CONTRACTOR: rate x working days (x 8 h for hour rates) in EUR, mean, x FTE."""
    cur.execute(
        """SELECT cr.rate_mid, cr.rate_unit, cr.currency, cr.seniority, l.working_days_per_year,
                  l.id, l.country_code
           FROM contractor_rates cr JOIN locations l ON l.id = cr.location_id
           JOIN roles r ON r.role_category_id = cr.role_category_id
           WHERE r.code = %s AND l.code = %s
             AND (cr.seniority = r.seniority OR cr.seniority IS NULL)""",
        (role, location),
    )
    rows = cur.fetchall()
    exact = [r for r in rows if r[3] is not None]
    rows = exact or rows
    years = [
        mid * days * (1 if unit == "day" else HOURS_PER_DAY) * fx_to_eur(cur, ccy)
        for mid, unit, ccy, _, days, _, _ in rows
    ]
    loaded = rnd(sum(years, Decimal(0)) / len(years) * fte)
    return Unit(cents(loaded / 12), cents(loaded), 0, Decimal(0), "EUR", Decimal(1),
                rows[0][5], rows[0][6])  # fmt: skip


def unit_cost(cur, role, location, start, fte=Decimal(1), kind="employee") -> Unit:
    if kind == "employee":
        return employee_unit(cur, role, location, start, fte)
    return contractor_unit(cur, role, location, fte)


def employer_credit_monthly(cur, unit: Unit, count: int, start: str) -> int:
    """R-EMPLOYER-ITEM: allowances once per employer on the country's social-security bill."""
    day = start_day(cur, start)
    cur.execute(
        """SELECT max_benefit_annual FROM tax_incentives
           WHERE location_id = %s AND beneficiary = 'employer'
             AND incentive_type = 'payroll_allowance' AND is_active_2026
             AND max_benefit_annual IS NOT NULL AND currency = %s
             AND (valid_from IS NULL OR valid_from <= %s)
             AND (valid_to IS NULL OR valid_to >= %s)""",
        (unit.location_id, unit.currency, day, day),
    )
    caps = [c for (c,) in cur.fetchall()]
    if not caps:
        return 0
    cur.execute(
        """SELECT sb.annual_mid * tm.fte, sb.location_id, sb.year, sb.currency
           FROM team_members tm JOIN locations l ON l.id = tm.location_id
           JOIN salary_benchmarks sb ON sb.role_id = tm.role_id AND sb.location_id = l.id
           WHERE tm.employment_type = 'employee' AND l.country_code = %s
             AND tm.start_date <= %s AND (tm.end_date IS NULL OR tm.end_date >= %s)
             AND sb.year = 2026""",
        (unit.country, day, day),
    )
    existing = rnd(
        sum(
            (social_oncost(cur, loc, yr, ccy, pay)[1] for pay, loc, yr, ccy in cur.fetchall()),
            Decimal(0),
        )
    )
    added = rnd(unit.social) * count
    credit = sum((min(cap, existing + added) - min(cap, existing) for cap in caps), Decimal(0))
    return -cents(credit * unit.fx / 12)


def one_off(cur, country: str, kind: str) -> int:
    """R-ONE-OFF: a contract template under the country's law, or the mean drafting cost."""
    contract = "employment" if kind == "employee" else "contractor"
    cur.execute(
        "SELECT count(*) FILTER (WHERE governing_law = %s), AVG(drafting_cost) "
        "FROM contract_templates WHERE contract_type = %s",
        (COUNTRY[country], contract),
    )
    own, mean = cur.fetchone()
    return 0 if own or mean is None else cents(mean)


# --------------------------------------------------------------------------- months, pools
def owned_months(cur, start: str) -> dict[str, tuple[int, int, int]]:
    """R-MONTHS: each month to the running milestone of highest sequence, from the start."""
    cur.execute(
        """WITH s AS (SELECT * FROM milestones WHERE code = %s),
           months AS (SELECT g AS month FROM s,
                      generate_series(s.start_month, (SELECT max(end_month) FROM milestones)) g),
           owner AS (SELECT DISTINCT ON (month) month, m.code FROM months
                     JOIN milestones m ON m.start_month <= month AND month <= m.end_month
                      AND m.sequence >= (SELECT sequence FROM s)
                     ORDER BY month, m.sequence DESC)
           SELECT code, min(month), max(month), count(*) FROM owner GROUP BY code""",
        (start,),
    )
    return {code: (first, last, n) for code, first, last, n in cur.fetchall()}


def pool_additions(cur, changes: list[tuple[str, str, int, int, int]]) -> tuple[Counter, Counter]:
    """R-POOL: (pool -> cents, line -> cents) for [(module, team or service type, monthly,
    first month, last month)], by cost_allocation_rules, once per change, rule and period."""
    pools: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for module, who, monthly, first, last in changes:
        cur.execute(
            """WITH RECURSIVE one AS (
                   SELECT min(planned_start_date - make_interval(months => start_month - 1))::date
                            AS day FROM milestones),
               up AS (SELECT id, id AS top, parent_id FROM cost_categories
                      UNION ALL SELECT up.id, c.id, c.parent_id FROM up
                      JOIN cost_categories c ON c.id = up.parent_id),
               tops AS (SELECT id, top FROM up WHERE parent_id IS NULL),
               months AS (SELECT bp.id AS period, count(*) AS n
                          FROM generate_series(%(first)s::int, %(last)s::int) g, one,
                               budget_periods bp
                          WHERE (one.day + make_interval(months => g - 1))::date
                                BETWEEN bp.start_date AND bp.end_date
                          GROUP BY bp.id)
               SELECT p.code, li.code, ROUND(%(monthly)s::numeric * m.n * r.allocation_pct / 100)
               FROM cost_allocation_rules r
               LEFT JOIN teams t ON t.id = r.team_id
               JOIN cost_allocation_pools p ON p.cost_pool_type_id = r.target_pool_type_id
               JOIN budget_periods bp ON bp.id = p.budget_period_id
               JOIN months m ON m.period = bp.id
               LEFT JOIN tops ON tops.id = r.cost_category_id
               LEFT JOIN budget_line_items li ON li.cost_allocation_pool_id = p.id
                    AND li.budget_period_id = bp.id AND li.cost_category_id = tops.top
               WHERE r.is_active AND r.source_module = %(module)s
                 AND (t.code = %(who)s OR r.service_type = %(who)s)
                 AND r.effective_from <= bp.start_date
                 AND (r.effective_to IS NULL OR r.effective_to >= bp.start_date)""",
            {"first": first, "last": last, "monthly": monthly, "module": module, "who": who},
        )
        for pool, line, added in cur.fetchall():
            pools[pool] += int(added)
            if line:
                lines[line] += int(added)
    return pools, lines


def over(cur, pools: Counter, lines: Counter) -> tuple[set, set]:
    """R-OVER: what goes over once the additions are booked."""
    cur.execute("SELECT line_code, budgeted, actual FROM v_budget_vs_actual")
    lines_over = {
        code for code, budget, actual in cur.fetchall()
        if code in lines and cents(actual) + lines[code] > cents(budget)
    }  # fmt: skip
    cur.execute("SELECT pool_code, allocated, spent FROM v_cost_pool_utilization")
    pools_over = {
        code for code, allocated, spent in cur.fetchall()
        if code in pools and cents(spent) + pools[code] > cents(allocated)
    }  # fmt: skip
    return lines_over, pools_over


def reported_additions(report) -> tuple[Counter, Counter]:
    pools: Counter[str] = Counter()
    lines: Counter[str] = Counter()
    for row in report.details["budget_periods"]:
        pools[row["pool_code"]] += row["added_cents"]
        if row["line_code"]:
            lines[row["line_code"]] += row["added_cents"]
    return +pools, +lines


def hire_team(cur, role: str) -> str:
    """R-TEAM: the team of the role's category, else where most of that category work."""
    cur.execute(
        """SELECT t.code FROM roles r JOIN teams t ON t.role_category_id = r.role_category_id
           WHERE r.code = %s ORDER BY t.code LIMIT 1""",
        (role,),
    )
    row = cur.fetchone()
    if row:
        return row[0]
    cur.execute(
        """SELECT t.code FROM roles r JOIN roles peer ON peer.role_category_id = r.role_category_id
           JOIN team_members tm ON tm.role_id = peer.id JOIN teams t ON t.id = tm.team_id
           WHERE r.code = %s GROUP BY t.code ORDER BY count(*) DESC, t.code LIMIT 1""",
        (role,),
    )
    return cur.fetchone()[0]


def assert_budgets(cur, report, changes) -> None:
    pools, lines = pool_additions(cur, changes)
    assert reported_additions(report) == (+pools, +lines)
    lines_over, pools_over = over(cur, pools, lines)
    assert {b["line_code"] for b in report.budgets_over} == lines_over
    assert {p["pool_code"] for p in report.pools_over} == pools_over


# --------------------------------------------------------------------------- hire cases
HIRES = [
    # role, location, count, start, fte, kind: why the case is here
    ("swe-senior", "MT-VLT", 2, "M5", "1", "employee"),  # README example, Malta SSC cap
    ("swe-junior", "IT-PMO", 1, "M5", "1", "employee"),  # DECONTRIB-SUD on INPS only
    ("swe-senior", "GB-LON", 2, "M5", "1", "employee"),  # GBP, NIC floor, Employment Allowance
    ("swe-senior", "US-SFO", 1, "M6", "1", "employee"),  # USD, OASDI cap, fixed health premium
    ("swe-senior", "MT-VLT", 1, "M5", "0.5", "employee"),  # part-time, cap not halved
    ("ml-engineer-senior", "US-SFO", 1, "M7", "0.5", "employee"),  # part-time, fixed premium
    ("swe-senior", "MT-VLT", 1, "M5", "1", "contractor"),  # day rate x 250 days
    ("swe-senior", "ES-PMI", 1, "M5", "1", "contractor"),  # EUR day + USD hour, averaged
    ("swe-senior", "GB-LON", 1, "M6", "1", "contractor"),  # GBP day rate
    ("swe-senior", "DE-BER", 1, "M5", "0.5", "freelance"),  # EUR hour rates, part-time
    ("community-manager-mid", "IT-PMO", 1, "M5", "1", "employee"),  # 70 % COMMUNITY / 30 % DAO
    ("devops-senior", "ES-PMI", 1, "M5", "1", "employee"),  # 80 % INFRA / 20 % SECLEGAL
    ("security-engineer-senior", "MT-SLM", 1, "M5", "1", "employee"),  # SECLEGAL, not nothing
    ("designer-mid", "ES-PMI", 1, "M5", "1", "employee"),  # design joins product-design
    ("product-manager-mid", "DE-BER", 1, "M5", "1", "employee"),  # Germany: template to draft
    ("legal-counsel-mid", "IT-CTA", 1, "M6", "1", "employee"),  # legal-compliance, relief
    ("ml-engineer-mid", "DE-BER", 1, "M5", "1", "employee"),  # ml-research, 2 ceilings
    ("operations-manager-mid", "MT-VLT", 1, "M5", "1", "employee"),  # operations -> GA
    ("swe-mid", "ES-PMI", 3, "M6", "1", "employee"),  # Spain, from M6
    ("data-engineer-mid", "IT-CTA", 1, "M7", "0.6", "employee"),  # part-time with relief
    ("sre-senior", "GB-LON", 1, "M7", "1", "employee"),  # GB allowance, infra split
]


@pytest.mark.parametrize(("role", "location", "count", "start", "fte", "kind"), HIRES)
def test_hire_matches_the_rules(kg, cur, role, location, count, start, fte, kind):
    report = impact.hire(
        kg, location=location, role=role, count=count, start=start, fte=float(fte),
        employment_type=kind,
    )  # fmt: skip
    assert report.parameters["resolved_location"] == location
    unit = unit_cost(cur, role, location, start, Decimal(fte), kind)
    assert report.totals["monthly_cost_per_hire_cents"] == unit.monthly
    reported_unit = report.details["unit_cost"][0]
    assert reported_unit["loaded_annual_cents"] == unit.loaded
    if kind == "employee":
        assert reported_unit["employer_relief_annual_cents"] == unit.relief
    credit = employer_credit_monthly(cur, unit, count, start) if kind == "employee" else 0
    assert report.totals["employer_items_monthly_cents"] == credit
    monthly = unit.monthly * count + credit
    assert report.totals["monthly_cost_cents"] == monthly
    # R-MONTHS, R-MILESTONE-SHARE (100 %), R-ONE-OFF on the start milestone
    months = owned_months(cur, start)
    extra = one_off(cur, unit.country, kind)
    changes = {m["milestone_code"]: m["change_cents"] for m in report.milestones}
    expected = {code: monthly * n for code, (_, _, n) in months.items()}
    expected[start] += extra
    assert {c: v for c, v in changes.items() if v} == {c: v for c, v in expected.items() if v}
    assert report.totals["change_cents"] == sum(expected.values())
    assert report.totals["one_off_cents"] == extra
    # R-POOL by the team's rules, R-OVER
    first = min(f for f, _, _ in months.values())
    last = max(last for _, last, _ in months.values())
    assert_budgets(cur, report, [("people", hire_team(cur, role), monthly, first, last)])
    # every figure names its rules, and the rules are headings of the document
    headings = {
        line[3:].strip() for line in RULES_DOC.read_text().splitlines() if line[:3] == "## "
    }
    for m in report.milestones:
        assert set(m["rules"]) <= headings and (m["rules"] or not m["change_cents"])
    for row in report.budgets_over + report.pools_over + report.ranking:
        assert row["rules"] and set(row["rules"]) <= headings


def test_ranking_includes_the_one_off_and_every_location(kg, cur):
    report = impact.hire(kg, location="malta", role="swe-senior", count=2, start="M5")
    months = sum(n for _, _, n in owned_months(cur, "M5").values())
    cur.execute("SELECT code FROM locations ORDER BY code")
    codes = [c for (c,) in cur.fetchall()]
    assert sorted(r["location_code"] for r in report.ranking) == codes
    chosen = None
    for row in report.ranking:
        unit = unit_cost(cur, "swe-senior", row["location_code"], "M5")
        credit = employer_credit_monthly(cur, unit, 2, "M5")
        total = (unit.monthly * 2 + credit) * months + one_off(cur, unit.country, "employee")
        assert row["total_cents"] == total, row["location_code"]
        chosen = total if row["chosen"] else chosen
    assert all(r["versus_chosen_cents"] == r["total_cents"] - chosen for r in report.ranking)
    totals = [(r["total_cents"], r["location_code"]) for r in report.ranking]
    assert totals == sorted(totals)
    berlin = next(r for r in report.ranking if r["location_code"] == "DE-BER")
    assert berlin["one_off_cents"] > 0  # no German employment template yet


def test_the_documented_examples_hold(cur):
    """The worked examples of docs/cost-rules.md, recomputed."""
    palermo = employee_unit(cur, "swe-junior", "IT-PMO", "M5", Decimal(1))
    assert palermo.relief == 144_000 and rnd(palermo.social) == Decimal("7200.00")
    assert palermo.loaded == 3_201_440 and palermo.monthly == 266_787
    malta = employee_unit(cur, "swe-senior", "MT-VLT", "M5", Decimal(1))
    assert malta.loaded == 6_545_832 and malta.monthly == 545_486
    half = employee_unit(cur, "swe-senior", "MT-VLT", "M5", Decimal("0.5"))
    assert half.loaded == 3_445_832 and half.monthly == 287_153
    assert contractor_unit(cur, "swe-senior", "MT-VLT", Decimal(1)).monthly == 937_500
    assert contractor_unit(cur, "swe-senior", "ES-PMI", Decimal(1)).monthly == 919_982
    london = employee_unit(cur, "swe-senior", "GB-LON", "M5", Decimal(1))
    assert rnd(london.social) == Decimal("12000.00")
    assert employer_credit_monthly(cur, london, 2, "M5") == -102_813
    text = RULES_DOC.read_text()
    for figure in ("€1,440.00", "€32,014.40", "€5,454.86", "€2,871.53", "€9,375.00",
                   "€9,199.82", "−€1,028.13"):  # fmt: skip
        assert figure in text


# --------------------------------------------------------------------------- relocate
RELOCATIONS = [
    # member or team, to, start
    ("TM-005", None, "DE-BER", "M5"),  # employee to Berlin, template to draft
    ("TM-013", None, "MT-SLM", "M5"),  # community: 70/30 split of the change
    ("TM-026", None, "GB-LON", "M7"),  # part-time US contractor to a GBP day rate
    (None, "infra-sre", "IT-CTA", "M6"),  # a team: 80/20 split, Sicily relief
]


@pytest.mark.parametrize(("member", "team", "to", "start"), RELOCATIONS)
def test_relocation_matches_the_rules(kg, cur, member, team, to, start):
    report = impact.relocate(kg, member=member, team=team, to=to, start=start)
    cur.execute(
        """SELECT tm.code, r.code, tm.fte, tm.employment_type, tm.monthly_cost, t.code,
                  l.code, tm.start_date, tm.end_date
           FROM team_members tm JOIN roles r ON r.id = tm.role_id
           JOIN teams t ON t.id = tm.team_id JOIN locations l ON l.id = tm.location_id
           WHERE tm.code = %s OR t.code = %s ORDER BY tm.code""",
        (member, team),
    )
    people = [p for p in cur.fetchall() if p[6] != to]
    moves = {m["member_code"]: m for m in report.details["moves"]}
    assert set(moves) == {p[0] for p in people}
    months = owned_months(cur, start)
    first = min(f for f, _, _ in months.values())
    last = max(last for _, last, _ in months.values())
    changes, new_cost = [], {}
    for code, role, fte, kind, old, team_code, _, began, ended in people:
        unit = unit_cost(cur, role, to, start, fte, kind)
        new_cost[code] = unit.monthly
        assert moves[code]["new_monthly_cost_cents"] == unit.monthly, code
        assert moves[code]["monthly_change_cents"] == unit.monthly - cents(old)
        # R-RELOCATE: pools over the plan months the member is on the payroll
        on = (began.year - 2026) * 12 + began.month
        off = (ended.year - 2026) * 12 + ended.month if ended else last
        if max(first, on) <= min(last, off):
            changes.append(
                ("people", team_code, unit.monthly - cents(old), max(first, on), min(last, off))
            )
    # R-MILESTONE-SHARE: allocations of milestones from the start on take the new cost
    cur.execute(
        """SELECT m.code, tm.code, a.planned_monthly_cost, a.allocation_pct,
                  a.end_month - a.start_month + 1, m.sequence >= s.sequence
           FROM milestone_team_allocations a JOIN milestones m ON m.id = a.milestone_id
           JOIN team_members tm ON tm.id = a.team_member_id,
           (SELECT sequence FROM milestones WHERE code = %s) s""",
        (start,),
    )
    before: Counter[str] = Counter()
    after: Counter[str] = Counter()
    for milestone, code, planned, pct, n, moved in cur.fetchall():
        before[milestone] += planned * pct / 100 * n
        new = Decimal(new_cost[code]) / 100 if moved and code in new_cost else planned
        after[milestone] += new * pct / 100 * n
    expected = {m: cents(after[m]) - cents(before[m]) for m in before}
    country = to[:2]
    # R-ONE-OFF: an employment template if anyone who moves is an employee, else a contractor one
    kinds = {p[3] for p in people}
    extra = one_off(cur, country, "employee" if "employee" in kinds else "contractor")
    expected[start] = expected.get(start, 0) + extra
    got = {m["milestone_code"]: m["change_cents"] for m in report.milestones}
    assert {k: v for k, v in got.items() if v} == {k: v for k, v in expected.items() if v}
    assert report.totals["one_off_cents"] == extra
    assert_budgets(cur, report, changes)


# --------------------------------------------------------------------------- switch provider
@pytest.mark.parametrize(("source", "target"), [("hetzner", "ovhcloud"), ("ovhcloud", "hetzner")])
def test_switch_provider_pools_follow_the_tools_rules(kg, cur, source, target):
    report = impact.switch_provider(kg, from_provider=source, to_provider=target)
    # R-SWITCH: the lines' own deltas (their pricing is checked in test_impact_infra); here
    # the milestone sums and the allocation of every delta by its service type's rules
    cur.execute(
        """SELECT i.code, m.code, s.service_type, i.monthly_amount, i.start_month, i.end_month
           FROM milestone_infrastructure_costs i JOIN milestones m ON m.id = i.milestone_id
           JOIN services s ON s.id = i.service_id
           JOIN cloud_providers p ON p.id = s.cloud_provider_id
           WHERE p.code = %s""",
        (source,),
    )
    stored = {code: rest for code, *rest in cur.fetchall()}
    by_milestone: Counter[str] = Counter()
    changes = []
    for line in report.details["lines"]:
        milestone, service_type, amount, first, last = stored[line["line_code"]]
        assert line["old_monthly_cents"] == cents(amount)
        delta = line["new_monthly_cents"] - cents(amount)
        by_milestone[milestone] += delta * (last - first + 1)
        if delta:
            changes.append(("tools", service_type, delta, first, last))
    assert set(stored) == {line["line_code"] for line in report.details["lines"]}
    got = {m["milestone_code"]: m["change_cents"] for m in report.milestones if m["change_cents"]}
    assert got == {k: v for k, v in by_milestone.items() if v}
    assert_budgets(cur, report, changes)
    assert any(t != "compute" for _, t, *_ in changes), "a service type other than compute"
