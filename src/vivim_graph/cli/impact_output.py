"""An impact report for people (rich tables, money in EUR) and for scripts (JSON, CSV).

JSON carries everything, paths and source rows included; CSV is one row per figure with its
section; tables show the answer, and ``--explain`` adds the path and source rows under it.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from typing import Any

from vivim_graph.cli.formatting import money_text
from vivim_graph.impact.common import ImpactReport


def eur(cents: int | None) -> str:
    return "" if cents is None else money_text(cents, "money", "EUR")


def per_user(micros: int | None) -> str:
    return "" if micros is None else money_text(micros, "price", "EUR")


def signed(cents: int) -> str:
    return ("+" if cents > 0 else "") + eur(cents)


def to_json(report: ImpactReport) -> str:
    return json.dumps(report.to_dict(), indent=2, ensure_ascii=False, default=str)


CSV_HEADER = [
    "section",
    "code",
    "baseline_cents",
    "change_cents",
    "scenario_cents",
    "status",
    "path",
]


def to_csv(report: ImpactReport) -> str:
    """One row per figure with its section (see CSV_HEADER)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    writer.writerows(_csv_figures(report))
    writer.writerows(_csv_lists(report))
    return out.getvalue()


def _csv_figures(report: ImpactReport) -> Iterator[list[Any]]:
    """Milestones, the plan total, and the budget lines and pools that go over."""
    for m in report.milestones:
        yield [
            "milestone",
            m["milestone_code"],
            m["baseline_cents"],
            m["change_cents"],
            m["scenario_cents"],
            "",
            m["path"] or "",
        ]
    t = report.totals
    if "baseline_cents" in t:
        yield ["total", "plan", t["baseline_cents"], t["change_cents"], t["scenario_cents"], "", ""]
    for section, rows, code, before, after in (
        ("budget_line_over", report.budgets_over, "line_code", "baseline_actual_cents",
         "scenario_actual_cents"),
        ("cost_pool_over", report.pools_over, "pool_code", "baseline_spent_cents",
         "scenario_spent_cents"),
    ):  # fmt: skip
        for r in rows:
            yield [
                section,
                r[code],
                r[before],
                r["added_cents"],
                r[after],
                f"over by {r['over_by_cents']}",
                r["path"],
            ]


def _csv_lists(report: ImpactReport) -> Iterator[list[Any]]:
    """Obligations, the ranking, and the detail rows that have a code and a path."""
    for o in report.obligations:
        yield ["obligation", o["code"], "", o["one_off_cost_cents"], "", o["status"], o["path"]]
    for r in report.ranking:
        status = "chosen" if r["chosen"] else f"rank {r['rank']}"
        yield ["ranking", r["location_code"], "", r["total_cents"], "", status, r["path"]]
    for name, rows in report.details.items():
        if name in ("budget_periods", "months", "unit_cost", "moves"):
            continue
        for row in rows:
            code = row.get("line_code") or row.get("key") or row.get("code")
            yield [name, code, "", "", "", "", row.get("path", "")]


# (title, report attribute or detail, columns, message when empty) of the tables after the
# facts; which apply depends on the scenario kind (see _sections).
Columns = list[tuple[str, str]]
BUDGETS_OVER: Columns = [
    ("line", "line_code"),
    ("period", "period_code"),
    ("budget", "budget_cents"),
    ("actual", "baseline_actual_cents"),
    ("added", "added_cents"),
    ("scenario", "scenario_actual_cents"),
    ("over by", "over_by_cents"),
    ("already over", "was_over"),
]
POOLS_OVER: Columns = [
    ("pool", "pool_code"),
    ("allocated", "allocated_cents"),
    ("spent", "baseline_spent_cents"),
    ("added", "added_cents"),
    ("scenario", "scenario_spent_cents"),
    ("over by", "over_by_cents"),
    ("already over", "was_over"),
]
OBLIGATIONS: Columns = [
    ("kind", "kind"),
    ("code", "code"),
    ("status", "status"),
    ("one-off", "one_off_cost_cents"),
    ("what", "title"),
    ("detail", "detail"),
]
EMPLOYER_ITEMS: Columns = [
    ("item", "code"),
    ("applies", "applies"),
    ("a year", "annual_credit"),
    ("per month (EUR)", "monthly_eur_cents"),
    ("what", "detail"),
]
RANKING: Columns = [
    ("#", "rank"),
    ("location", "location_name"),
    ("per hire / month", "monthly_cost_per_hire_cents"),
    ("one-off", "one_off_cents"),
    ("total", "total_cents"),
    ("vs chosen", "versus_chosen_cents"),
    ("chosen", "chosen"),
]


def print_report(report: ImpactReport, *, explain: bool = False) -> None:
    """The report as tables: milestones, facts, what goes over, and the scenario's own."""
    from vivim_graph.cli.output import console

    console.print(f"[bold]{report.title}[/bold]")
    if report.milestones:
        _print_milestones(console, report, explain)
    _print_facts(console, report, explain)
    for title, rows, columns, empty in _sections(report):
        print_section(console, title, rows, columns, explain, empty)
    for note in report.notes:
        console.print(f"note: {note}")


def _sections(report: ImpactReport) -> list[tuple[str, list[dict[str, Any]], Columns, str]]:
    """The tables after the facts that apply to this kind of scenario."""
    sections = [
        ("Budget lines over their revised budget", report.budgets_over, BUDGETS_OVER,
         "nothing goes over"),
        ("Cost pools over their allocation", report.pools_over, POOLS_OVER, "nothing goes over"),
    ]  # fmt: skip
    if report.kind in ("hire", "relocate"):
        title = "Legal, compliance and tax: what the location brings"
        sections.append((title, report.obligations, OBLIGATIONS, "nothing"))
    if report.kind == "hire":
        title = "Once per employer / once per country (R-EMPLOYER-ITEM, R-ONE-OFF)"
        items = report.details.get("employer_items", [])
        sections.append((title, items, EMPLOYER_ITEMS, "nothing"))
    if report.ranking:
        title = "The same hire in every location (months paid + one-off legal work)"
        sections.append((title, report.ranking, RANKING, ""))
    return sections


def _print_milestones(console, report: ImpactReport, explain: bool) -> None:
    """Baseline, change and scenario per milestone and in total, with cost per user."""
    from rich.table import Table

    table = Table(title="Cost per milestone (EUR, mid case)", title_justify="left")
    for name in ("milestone", "baseline", "change", "scenario", "cost/user", "scenario/user"):
        table.add_column(name, justify="left" if name == "milestone" else "right")
    for m in report.milestones:
        table.add_row(
            f"{m['milestone_code']} {m['milestone_name']}",
            eur(m["baseline_cents"]),
            signed(m["change_cents"]) if m["change_cents"] else "",
            eur(m["scenario_cents"]),
            per_user(m["baseline_cost_per_user_micros"]),
            per_user(m["scenario_cost_per_user_micros"]),
        )
    t = report.totals
    table.add_row(
        f"total ({t['plan_months']} months)",
        eur(t["baseline_cents"]),
        signed(t["change_cents"]),
        eur(t["scenario_cents"]),
        per_user(t["baseline_cost_per_user_micros"]),
        per_user(t["scenario_cost_per_user_micros"]),
        style="bold",
    )
    console.print(table)
    console.print(
        f"Cost per user over the plan ({t['final_target_users']:,} users): "
        f"{per_user(t['baseline_cost_per_user_micros'])} -> "
        f"{per_user(t['scenario_cost_per_user_micros'])}"
    )
    if explain:
        for m in report.milestones:
            if m["change_cents"]:
                label = f"{m['milestone_code']} change"
                print_explanation(console, label, m["path"], m["sources"], m.get("rules"))


# Which detail tables a person sees (JSON has them all, with paths and sources).
DETAIL_COLUMNS = {
    "moves": ["member_code", "role_code", "location_code", "monthly_cost_cents",
              "new_monthly_cost_cents", "monthly_change_cents"],
    "per_user_scale": ["threshold_code", "user_count", "components", "unmatched",
                       "old_monthly_cents", "new_monthly_cents", "delta_monthly_cents",
                       "delta_cost_per_user_micros"],
    "unmatched_services": ["service_code", "service_type", "reason"],
    "lines": ["line_code", "service_code", "replacement_service_code", "old_monthly_cents",
              "new_monthly_cents", "delta_cents", "reason"],
    "dependants": ["hops", "label", "name", "cost_property", "cost_cents", "currency"],
}  # fmt: skip


USER_SCALE_ROWS = (
    ("users", "users", "int"),
    ("threshold", "threshold_code", "text"),
    ("infrastructure / month", "infra_monthly_cents", "money"),
    ("revenue / month", "revenue_monthly_cents", "money"),
    ("gross margin / month", "gross_margin_cents", "money"),
    ("dividend pool", "dividend_pool_cents", "money"),
    ("users' share of the pool", "user_dividend_pool_cents", "money"),
    ("dividend per user", "dividend_per_user_micros", "price"),
    ("infrastructure per user", "infra_cost_per_user_micros", "price"),
    ("net cost per user", "net_cost_per_user_micros", "price"),
)


def _print_user_scale(console, row: dict[str, Any]) -> None:
    """Baseline against scenario for `impact users`, one line per measure."""
    from rich.table import Table

    table = Table(title=f"{row['milestone_code']} at {row['mau']:,} users", title_justify="left")
    for header in ("", "baseline", "scenario", "change"):
        table.add_column(header, justify="left" if not header else "right")

    def show(value: Any, kind: str) -> str:
        if value is None:
            return ""
        if kind == "money":
            return eur(value)
        if kind == "price":
            return per_user(value)
        return f"{value:,}" if isinstance(value, int) else str(value)

    for label, key, kind in USER_SCALE_ROWS:
        base = row.get(f"baseline_{key}")
        scen = row.get(f"scenario_{key}")
        if key == "users":
            base, scen = row["baseline_users"], row["mau"]
        change = scen - base if kind != "text" and None not in (base, scen) else None
        table.add_row(label, show(base, kind), show(scen, kind), show(change, kind))
    console.print(table)
    console.print(
        f"model {row['scenario_model_code']}: {eur(row['scenario_model_mid_cents'])} / month mid "
        f"(low {eur(row['scenario_model_low_cents'])}, "
        f"high {eur(row['scenario_model_high_cents'])});"
        f" next threshold {row['next_threshold_code'] or '-'}"
        f" at {row['next_threshold_users'] or 0:,} users; dividend policy "
        f"{row['dividend_policy_code']}"
    )


def _print_facts(console, report: ImpactReport, explain: bool) -> None:
    if report.kind == "users":
        _print_user_scale(console, report.details["scale"][0])
        return
    skip = {"baseline_cents", "change_cents", "scenario_cents", "final_target_users"}
    skip |= {"baseline_cost_per_user_micros", "scenario_cost_per_user_micros", "plan_months"}
    facts = [(k, v) for k, v in report.totals.items() if k not in skip]
    for key, value in facts:
        if key.endswith("_cents") and isinstance(value, int):
            value = eur(value)
        elif key.endswith("_micros") and isinstance(value, int):
            value = per_user(value)
        console.print(
            f"{key.replace('_cents', '').replace('_micros', '').replace('_', ' ')}: {value}"
        )
    for name, columns in DETAIL_COLUMNS.items():
        rows = report.details.get(name) or []
        if rows and (explain or name != "lines"):
            print_section(
                console, name.replace("_", " "), rows, [(c, c) for c in columns], False, ""
            )


def print_section(
    console,
    title: str,
    rows: list[dict[str, Any]],
    columns: list[tuple[str, str]],
    explain: bool,
    empty: str,
) -> None:
    from rich.table import Table

    if not rows:
        if empty:
            console.print(f"{title}: {empty}")
        return
    table = Table(title=title, title_justify="left")
    for header, _ in columns:
        table.add_column(header)
    for row in rows:
        cells = []
        for _, key in columns:
            value = row.get(key)
            if key.endswith("_cents") and isinstance(value, int):
                cells.append(eur(value) if value or key != "one_off_cost_cents" else "")
            elif key.endswith("_micros") and isinstance(value, int):
                cells.append(per_user(value))
            elif isinstance(value, bool):
                cells.append("yes" if value else "")
            else:
                cells.append("" if value is None else str(value))
        table.add_row(*cells)
    console.print(table)
    if explain:
        for row in rows:
            label = str(row.get(columns[0][1]))
            print_explanation(
                console, label, row.get("path"), row.get("sources", []), row.get("rules")
            )


def print_explanation(
    console,
    label: str,
    path: str | None,
    sources: list[dict[str, Any]],
    rules: list[str] | None = None,
) -> None:
    console.print(f"  [dim]{label}[/dim]: {path or ''}")
    if rules:
        # rule ids are the headings of docs/cost-rules.md
        console.print(f"    rules: {', '.join(rules)} (docs/cost-rules.md)", highlight=False)
    for s in sources:
        extra = f" ({s['what']})" if s.get("what") else ""
        ref = f" source {s['source_key']}" if s.get("source_key") else ""
        console.print(f"    {s.get('table')} #{s.get('key')}{extra}{ref}", highlight=False)


def print_comparison(a: str, b: str, rows: list[dict[str, Any]]) -> None:
    from rich.table import Table

    from vivim_graph.cli.output import console

    table = Table(title=f"Scenario {a} vs {b}: change per milestone (EUR)", title_justify="left")
    for header in ("milestone", a, b, f"{b} - {a}"):
        table.add_column(header, justify="left" if header == "milestone" else "right")
    for r in rows:
        table.add_row(
            r["milestone_code"],
            signed(r["a_change_cents"]),
            signed(r["b_change_cents"]),
            signed(r["b_minus_a_cents"]),
        )
    console.print(table)
