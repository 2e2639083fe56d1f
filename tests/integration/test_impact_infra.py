"""The infrastructure impact scenarios (switch provider, user scale) agree to the cent with
an independent computation in plain SQL (NUMERIC arithmetic) and Python Decimal over the
seeded relational database."""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import psycopg
import pytest

from vivim_graph.queries import catalog as queries

pytestmark = pytest.mark.integration

IMPACT = [
    "impact/provider_switch_lines",
    "impact/provider_switch_scales",
    "impact/provider_switch_unmatched_services",
    "impact/user_scale",
]

# The unit rules of the header of provider_switch_lines.cypher, written again in SQL.
LINE_TIER_UNIT = """
    CASE i.unit WHEN 'server-month' THEN 'instance_month' WHEN 'gpu-month' THEN 'instance_month'
                WHEN 'lb-month' THEN 'instance_month' WHEN 'GB-month' THEN 'gb_month'
                WHEN 'TB-month' THEN 'tb_month' WHEN 'month' THEN 'plan_month'
                WHEN 'zone-month' THEN 'plan_month' END
"""

CANDIDATES = """
cand AS (
    SELECT x.item, c.code COLLATE "C" AS cand_code, t.tier_code COLLATE "C" AS tier_code,
           ROUND(t.unit_price
                 * CASE WHEN t.unit = x.tier_unit THEN 1
                        WHEN t.unit = 'instance_hour' THEN 730 ELSE 1000 END
                 * CASE WHEN t.currency = 'EUR' THEN 1 ELSE fx.rate END, 6) AS price
    FROM x
    JOIN services c ON c.service_type = x.service_type AND c.is_managed = x.is_managed
                   AND (x.vcpu IS NULL OR c.vcpu >= x.vcpu)
                   AND (x.ram_gb IS NULL OR c.ram_gb >= x.ram_gb)
    JOIN cloud_providers q ON q.id = c.cloud_provider_id AND q.code = %(to)s
    JOIN service_pricing_tiers t ON t.service_id = c.id
         AND (t.unit = x.tier_unit
              OR (x.tier_unit = 'instance_month' AND t.unit = 'instance_hour')
              OR (x.tier_unit = 'tb_month' AND t.unit = 'gb_month')
              OR (x.tier_unit = 'tb' AND t.unit = 'gb'))
    LEFT JOIN LATERAL (SELECT f.rate FROM fx_rates f
                       WHERE f.base_currency = t.currency AND f.quote_currency = 'EUR'
                       ORDER BY f.rate_date DESC LIMIT 1) fx ON true
    WHERE t.currency = 'EUR' OR fx.rate IS NOT NULL
), best AS (
    SELECT DISTINCT ON (item) * FROM cand ORDER BY item, price, cand_code, tier_code
)
"""

SQL_LINES = f"""
WITH x AS (
    SELECT i.code AS item, m.code AS milestone_code, m.sequence, s.code AS service_code,
           s.service_type, s.is_managed, s.vcpu, s.ram_gb, i.quantity, i.unit,
           i.monthly_amount, i.end_month - i.start_month + 1 AS months,
           {LINE_TIER_UNIT} AS tier_unit
    FROM milestone_infrastructure_costs i
    JOIN milestones m ON m.id = i.milestone_id
    JOIN services s ON s.id = i.service_id
    JOIN cloud_providers p ON p.id = s.cloud_provider_id
    WHERE p.code = %(from)s
      AND (%(service)s::text IS NULL OR s.code = %(service)s OR s.service_type = %(service)s)
), {CANDIDATES}
SELECT x.milestone_code, x.sequence, x.item AS line_code, x.service_code, x.quantity,
       x.months, x.monthly_amount AS old_monthly, b.cand_code, b.tier_code, b.price,
       COALESCE(ROUND(x.quantity * b.price, 2), x.monthly_amount) AS new_monthly
FROM x LEFT JOIN best b ON b.item = x.item
ORDER BY x.sequence, x.item COLLATE "C"
"""

SQL_SCALES = f"""
WITH x AS (
    SELECT k.id AS item, u.code AS threshold_code, u.user_count, icm.code AS model_code,
           s.code AS service_code, s.service_type, s.is_managed, s.vcpu, s.ram_gb,
           k.quantity, t0.unit AS tier_unit, k.monthly_cost_eur AS old_monthly
    FROM infrastructure_cost_model_components k
    JOIN infrastructure_cost_models icm ON icm.id = k.infrastructure_cost_model_id
    JOIN user_scale_thresholds u ON u.id = icm.user_scale_threshold_id
    JOIN service_pricing_tiers t0 ON t0.id = k.service_pricing_tier_id
    JOIN services s ON s.id = t0.service_id
    JOIN cloud_providers p ON p.id = s.cloud_provider_id
    WHERE p.code = %(from)s
      AND (%(service)s::text IS NULL OR s.code = %(service)s OR s.service_type = %(service)s)
), {CANDIDATES}
SELECT x.item AS component_id, x.threshold_code, x.model_code, x.service_code, x.tier_unit,
       x.quantity, x.old_monthly, b.cand_code, b.tier_code, b.price,
       COALESCE(ROUND(x.quantity * b.price, 2), x.old_monthly) AS new_monthly
FROM x LEFT JOIN best b ON b.item = x.item
ORDER BY x.user_count, x.model_code COLLATE "C", x.item
"""


def cents(x: Decimal) -> int:
    scaled = x * 100
    assert scaled == scaled.to_integral_value(), x
    return int(scaled)


def micros(x: Decimal) -> int:
    scaled = x * 1_000_000
    assert scaled == scaled.to_integral_value(), x
    return int(scaled)


def round_to(x: Decimal, places: int) -> Decimal:
    """PostgreSQL's ROUND(numeric, n): half away from zero."""
    return x.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


def sql_rows(conn: psycopg.Connection, sql: str, params: dict[str, Any]) -> list[dict[str, Any]]:
    with conn.cursor() as cur:
        cur.execute(sql, params)
        names = [d.name for d in cur.description]
        return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


@pytest.fixture(scope="module")
def graph_seeded(seeded_graph):
    return seeded_graph


def switch(driver, stem: str, src: str, dst: str, service: str | None = None):
    params = {"from_provider": src, "to_provider": dst}
    if service is not None:
        params["service"] = service
    return queries.run(driver, f"impact/{stem}", params)


def check_lines(driver, seeded, src: str, dst: str, service: str | None = None):
    rows = switch(driver, "provider_switch_lines", src, dst, service).rows
    expected = sql_rows(seeded, SQL_LINES, {"from": src, "to": dst, "service": service})
    assert [r["line_code"] for r in rows] == [e["line_code"] for e in expected]
    for r, e in zip(rows, expected, strict=True):
        delta_monthly = cents(e["new_monthly"]) - cents(e["old_monthly"])
        assert r["milestone_code"] == e["milestone_code"]
        assert r["service_code"] == e["service_code"]
        assert r["months"] == e["months"]
        assert Decimal(str(r["quantity"])) == e["quantity"]
        assert r["old_monthly_cents"] == cents(e["old_monthly"])
        assert r["matched"] is (e["cand_code"] is not None), r
        assert r["replacement_service_code"] == e["cand_code"]
        assert r["replacement_tier_code"] == e["tier_code"]
        assert r["replacement_price_eur_micros"] == (
            micros(e["price"]) if e["price"] is not None else None
        )
        assert r["new_monthly_cents"] == cents(e["new_monthly"]), r["line_code"]
        assert r["delta_monthly_cents"] == delta_monthly
        assert r["delta_cents"] == delta_monthly * e["months"]
        assert (r["reason"] is None) == r["matched"]
        tables = {s["table"] for s in r["sources"]}
        assert {"milestone_infrastructure_costs", "milestones", "services"} <= tables
        assert {"table": "milestone_infrastructure_costs", "key": r["line_code"]} in r["sources"]
        if r["matched"]:
            assert "service_pricing_tiers" in tables
    return rows, expected


def test_impact_queries_are_read_only(graph_seeded):
    params = {
        "from_provider": "hetzner",
        "to_provider": "ovhcloud",
        "service": None,
        "mau": 1000,
        "at": None,
        "case": "high",  # a plan's case (R-CASE); the impact commands use the default mid
    }
    for name in IMPACT:
        query = queries.get(name)
        bound = {p.name: params[p.name] for p in query.parameters}
        with graph_seeded.session(database="neo4j") as session:
            summary = session.run("EXPLAIN\n" + query.text, bound).consume()
        assert summary.query_type == "r", name


def test_hetzner_to_ovhcloud_lines_match_sql_to_the_cent(graph_seeded, seeded):
    rows, expected = check_lines(graph_seeded, seeded, "hetzner", "ovhcloud")
    assert len(rows) > 50
    unmatched = {r["service_code"] for r in rows if not r["matched"]}
    assert unmatched == {"hetzner-lb11", "hetzner-object-storage"}  # network; per plan_month
    assert all(r["delta_cents"] == 0 for r in rows if not r["matched"])
    # the per-milestone totals the lead's impact report adds up
    by_milestone: dict[str, int] = {}
    for e in expected:
        delta = (cents(e["new_monthly"]) - cents(e["old_monthly"])) * e["months"]
        by_milestone[e["milestone_code"]] = by_milestone.get(e["milestone_code"], 0) + delta
    got: dict[str, int] = {}
    for r in rows:
        got[r["milestone_code"]] = got.get(r["milestone_code"], 0) + r["delta_cents"]
    assert got == by_milestone
    assert sum(got.values()) > 0  # OVH's dedicated-vCPU instances cost more than Hetzner's CX


def test_hetzner_to_ovhcloud_with_a_service_filter(graph_seeded, seeded):
    rows, _ = check_lines(graph_seeded, seeded, "hetzner", "ovhcloud", "hetzner-cx53")
    assert rows and {r["service_code"] for r in rows} == {"hetzner-cx53"}
    assert {r["replacement_service_code"] for r in rows} == {"ovh-b2-60"}
    rows, _ = check_lines(graph_seeded, seeded, "hetzner", "ovhcloud", "storage")
    assert {r["service_type"] for r in rows} == {"storage"}
    volume = [r for r in rows if r["service_code"] == "hetzner-volume"]
    assert volume and all(r["replacement_service_code"] == "ovh-block-storage" for r in volume)
    # a TB-month line priced from a per-GB tier: 1000 x EUR 0.007
    tb = [r for r in rows if r["unit"] == "TB-month"]
    assert tb and all(r["replacement_price_eur_micros"] == 7_000_000 for r in tb)


def test_a_pair_without_candidates_lists_the_unmatched_lines(graph_seeded, seeded):
    rows, _ = check_lines(graph_seeded, seeded, "ovhcloud", "hetzner")
    unmatched = [r for r in rows if not r["matched"]]
    assert {r["service_code"] for r in unmatched} >= {"ovh-b2-60", "ovh-l4-90", "ovh-h100-380"}
    for r in unmatched:
        assert r["new_monthly_cents"] == r["old_monthly_cents"]
        assert r["delta_monthly_cents"] == 0 and r["delta_cents"] == 0
        assert r["replacement_service_code"] is None and r["reason"]
    b260 = next(r for r in unmatched if r["service_code"] == "ovh-b2-60")
    assert b260["reason"] == "no hetzner compute service with vcpu >= 16 and ram_gb >= 60.0"
    # the hourly-only OVH b3-16 goes to the cheapest Hetzner box at least as big
    b316 = next(r for r in rows if r["service_code"] == "ovh-b3-16")
    assert b316["replacement_service_code"] == "hetzner-cx43"
    # no provider at all: every line unmatched, nothing changes
    rows = switch(graph_seeded, "provider_switch_lines", "hetzner", "nowhere").rows
    assert rows and all(not r["matched"] and r["delta_cents"] == 0 for r in rows)
    assert {r["reason"] for r in rows} == {"no cloud provider nowhere"}
    assert switch(graph_seeded, "provider_switch_lines", "nowhere", "hetzner").rows == []


@pytest.mark.parametrize(
    ("src", "dst", "service"),
    [("hetzner", "ovhcloud", None), ("cloudflare", "aws-eu", None), ("ovhcloud", "hetzner", "gpu")],
)
def test_scales_match_sql_to_the_cent(graph_seeded, seeded, src, dst, service):
    rows = switch(graph_seeded, "provider_switch_scales", src, dst, service).rows
    expected = sql_rows(seeded, SQL_SCALES, {"from": src, "to": dst, "service": service})
    assert rows and [r["component_id"] for r in rows] == [e["component_id"] for e in expected]
    for r, e in zip(rows, expected, strict=True):
        assert r["threshold_code"] == e["threshold_code"]
        assert r["model_code"] == e["model_code"]
        assert r["unit"] == e["tier_unit"]
        assert Decimal(str(r["quantity"])) == e["quantity"]
        assert r["old_monthly_eur_cents"] == cents(e["old_monthly"])
        assert r["replacement_service_code"] == e["cand_code"]
        assert r["replacement_tier_code"] == e["tier_code"]
        assert r["replacement_price_eur_micros"] == (
            micros(e["price"]) if e["price"] is not None else None
        )
        assert r["new_monthly_eur_cents"] == cents(e["new_monthly"]), r["component_id"]
        assert r["delta_monthly_cents"] == cents(e["new_monthly"]) - cents(e["old_monthly"])
        assert r["matched"] is (e["cand_code"] is not None)
        assert (r["reason"] is None) == r["matched"]
        key = {"table": "infrastructure_cost_model_components", "key": r["component_id"]}
        assert key in r["sources"]


def test_unmatched_services_follow_the_same_rules(graph_seeded, seeded):
    rows = switch(graph_seeded, "provider_switch_unmatched_services", "hetzner", "ovhcloud").rows
    all_services = sql_rows(
        seeded,
        "SELECT s.code FROM services s JOIN cloud_providers p ON p.id = s.cloud_provider_id "
        "WHERE p.code = 'hetzner'",
        {},
    )
    assert {r["service_code"] for r in rows} == {s["code"] for s in all_services}
    unmatched = {r["service_code"]: r for r in rows if not r["matched"]}
    assert set(unmatched) == {"hetzner-lb11", "hetzner-traffic", "hetzner-object-storage"}
    assert unmatched["hetzner-object-storage"]["unmatched_units"] == ["plan_month"]
    assert unmatched["hetzner-traffic"]["line_count"] == 0  # used nowhere, still listed
    # a matched line's service has a replacement here (object storage only for its TB-months)
    lines = switch(graph_seeded, "provider_switch_lines", "hetzner", "ovhcloud").rows
    replaceable = {r["service_code"] for r in rows if r["replacement_service_codes"]}
    assert {r["service_code"] for r in lines if r["matched"]} <= replaceable
    assert unmatched["hetzner-object-storage"]["replacement_service_codes"] == [
        "ovh-object-storage"
    ]
    gpu = switch(
        graph_seeded, "provider_switch_unmatched_services", "ovhcloud", "hetzner", "gpu"
    ).rows
    assert gpu and not any(r["matched"] for r in gpu)


# --- user scale ---------------------------------------------------------------------------


def expected_user_scale(conn: psycopg.Connection, mau: int, at: str | None) -> dict[str, Any]:
    """The rules of the header of user_scale.cypher, in Python Decimal over SQL rows."""
    m = sql_rows(
        conn,
        "SELECT id, code, sequence, target_users, user_scale_threshold_id FROM milestones "
        "WHERE %(at)s::text IS NULL OR code = %(at)s ORDER BY sequence DESC LIMIT 1",
        {"at": at},
    )[0]
    one = sql_rows(
        conn,
        "SELECT (SELECT COALESCE(SUM(monthly_amount), 0) FROM milestone_infrastructure_costs "
        "        WHERE milestone_id = %(m)s AND is_run_rate) AS run, "
        "       (SELECT COALESCE(SUM(monthly_revenue_mid), 0) FROM revenue_projections "
        "        WHERE milestone_id = %(m)s) AS revenue, "
        "       (SELECT monthly_cost_mid FROM infrastructure_cost_models "
        "        WHERE user_scale_threshold_id = %(t)s) AS base_mid",
        {"m": m["id"], "t": m["user_scale_threshold_id"]},
    )[0]
    crossed = sql_rows(
        conn,
        "SELECT u.code, u.user_count, icm.code AS model, icm.monthly_cost_mid AS mid "
        "FROM user_scale_thresholds u "
        "LEFT JOIN infrastructure_cost_models icm ON icm.user_scale_threshold_id = u.id "
        "WHERE u.user_count <= %(n)s ORDER BY u.user_count DESC LIMIT 1",
        {"n": mau},
    )[0]
    nxt = sql_rows(
        conn,
        "SELECT code FROM user_scale_thresholds WHERE user_count > %(n)s "
        "ORDER BY user_count LIMIT 1",
        {"n": mau},
    )
    pol = sql_rows(
        conn,
        "SELECT code, user_share_pct, platform_share_pct, min_pool_amount FROM dividend_policies "
        "WHERE is_active ORDER BY id LIMIT 1",
        {},
    )[0]
    users, n = m["target_users"], Decimal(mau)
    run, revenue, base_mid = one["run"], one["revenue"], one["base_mid"]
    s_run = round_to(run * crossed["mid"] / base_mid, 2) if base_mid else crossed["mid"]
    s_revenue = round_to(revenue * n / users, 2)

    def economics(infra: Decimal, rev: Decimal, people: Decimal) -> dict[str, Decimal]:
        pool = max(rev - infra, Decimal(0))
        return {
            "pool": pool,
            "user_pool": round_to(pool * pol["user_share_pct"] / 100, 2),
            "platform": round_to(pool * pol["platform_share_pct"] / 100, 2),
            "div_pu": round_to(pool * pol["user_share_pct"] / 100 / people, 4),
            "infra_pu": round_to(infra / people, 4),
            "net_pu": round_to((infra - rev) / people, 3),
        }

    base = economics(run, revenue, Decimal(users))
    scen = economics(s_run, s_revenue, n)
    return {
        "milestone_code": m["code"],
        "baseline_users": users,
        "baseline_infra_monthly_cents": cents(run),
        "baseline_revenue_monthly_cents": cents(revenue),
        "baseline_model_mid_cents": cents(base_mid),
        "baseline_dividend_pool_cents": cents(base["pool"]),
        "baseline_user_dividend_pool_cents": cents(base["user_pool"]),
        "baseline_platform_share_cents": cents(base["platform"]),
        "baseline_dividend_per_user_micros": micros(base["div_pu"]),
        "baseline_infra_cost_per_user_micros": micros(base["infra_pu"]),
        "baseline_net_cost_per_user_micros": micros(base["net_pu"]),
        "scenario_threshold_code": crossed["code"],
        "scenario_threshold_users": crossed["user_count"],
        "next_threshold_code": nxt[0]["code"] if nxt else None,
        "scenario_model_code": crossed["model"],
        "scenario_model_mid_cents": cents(crossed["mid"]),
        "scenario_model_cost_per_user_micros": micros(round_to(crossed["mid"] / n, 4)),
        "scenario_infra_monthly_cents": cents(s_run),
        "scenario_revenue_monthly_cents": cents(s_revenue),
        "scenario_dividend_pool_cents": cents(scen["pool"]),
        "scenario_user_dividend_pool_cents": cents(scen["user_pool"]),
        "scenario_platform_share_cents": cents(scen["platform"]),
        "scenario_dividend_per_user_micros": micros(scen["div_pu"]),
        "scenario_infra_cost_per_user_micros": micros(scen["infra_pu"]),
        "scenario_net_cost_per_user_micros": micros(scen["net_pu"]),
        "dividend_policy_code": pol["code"],
        "dividend_min_pool_cents": cents(pol["min_pool_amount"]),
        "scenario_pool_meets_minimum": scen["pool"] >= pol["min_pool_amount"],
        "delta_infra_monthly_cents": cents(s_run - run),
        "delta_revenue_monthly_cents": cents(s_revenue - revenue),
        "delta_dividend_pool_cents": cents(scen["pool"] - base["pool"]),
    }


@pytest.mark.parametrize(
    ("mau", "at"),
    [
        (300, None),  # below the first non-zero threshold (U500): crosses U0
        (250_000, None),  # exactly a threshold
        (60_000, None),  # between U50K and U75K
        (300, "M1"),
        (250_000, "M5"),
        (60_000, "M9"),
    ],
)
def test_user_scale_matches_decimal_arithmetic(graph_seeded, seeded, mau, at):
    params: dict[str, Any] = {"mau": mau} if at is None else {"mau": mau, "at": at}
    rows = queries.run(graph_seeded, "impact/user_scale", params).rows
    assert len(rows) == 1
    row, expected = rows[0], expected_user_scale(seeded, mau, at)
    assert {k: row[k] for k in expected} == expected
    assert row["mau"] == mau and row["currency"] == "EUR"
    tables = {s["table"] for s in row["sources"]}
    assert {"milestones", "user_scale_thresholds", "infrastructure_cost_models"} <= tables
    assert {"table": "milestones", "key": expected["milestone_code"]} in row["sources"]


def test_user_scale_baseline_is_what_the_views_say(graph_seeded, seeded):
    for code in ("M1", "M9", "M10"):
        row = queries.run(graph_seeded, "impact/user_scale", {"mau": 1000, "at": code}).rows[0]
        view = sql_rows(
            seeded,
            "SELECT u.*, s.cost_per_user FROM v_unit_economics_trajectory u "
            "JOIN v_milestone_cost_summary s USING (milestone_code) "
            "WHERE milestone_code = %(c)s",
            {"c": code},
        )[0]
        assert row["baseline_infra_monthly_cents"] == cents(view["monthly_infrastructure_cost"])
        assert row["baseline_revenue_monthly_cents"] == cents(view["monthly_revenue"])
        assert row["baseline_dividend_pool_cents"] == cents(view["monthly_distributable_margin"])
        assert row["baseline_user_dividend_pool_cents"] == cents(view["monthly_user_dividend_pool"])
        assert row["baseline_dividend_per_user_micros"] == micros(view["monthly_dividend_per_user"])
        assert row["baseline_infra_cost_per_user_micros"] == micros(view["infra_cost_per_user"])
        assert row["baseline_net_cost_per_user_micros"] == micros(view["cost_per_user"])
    # the planned dividend pool of M10 is the one dividend_calculations record
    planned = sql_rows(
        seeded,
        "SELECT DISTINCT d.pool_amount, d.user_pool_amount FROM dividend_calculations d "
        "JOIN dividend_policies p ON p.id = d.dividend_policy_id "
        "JOIN milestones m ON m.id = d.milestone_id WHERE p.code = 'DIV-70-30' AND m.code = 'M10'",
        {},
    )
    m10 = queries.run(graph_seeded, "impact/user_scale", {"mau": 100_000}).rows[0]
    assert m10["milestone_code"] == "M10"
    assert [cents(planned[0]["pool_amount"]), cents(planned[0]["user_pool_amount"])] == [
        m10["baseline_dividend_pool_cents"],
        m10["baseline_user_dividend_pool_cents"],
    ]
    # at its own target every delta is zero
    assert all(v == 0 for k, v in m10.items() if k.startswith("delta_"))


def test_user_scale_refuses_nonsense(graph_seeded):
    assert queries.run(graph_seeded, "impact/user_scale", {"mau": 0}).rows == []
    assert queries.run(graph_seeded, "impact/user_scale", {"mau": -5}).rows == []
    assert queries.run(graph_seeded, "impact/user_scale", {"mau": 10, "at": "M99"}).rows == []
