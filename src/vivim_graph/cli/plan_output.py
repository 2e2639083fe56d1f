"""A plan for people (tables, money in EUR) and scripts (JSON as the MCP tool, CSV).

The table shows each milestone's baseline, each change's contribution, the plan and cost per
user (with the low-high range when the plan ran every case), then the changes, the budget
lines and pools that go over and the legal, compliance and tax work the plan brings.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from typing import Any

from vivim_graph.cli.impact_output import (
    BUDGETS_OVER,
    OBLIGATIONS,
    POOLS_OVER,
    eur,
    per_user,
    print_explanation,
    print_section,
    signed,
)
from vivim_graph.impact.common import ImpactReport
from vivim_graph.impact.plan import case_key

STEPS = [
    ("#", "step"),
    ("kind", "kind"),
    ("change", "title"),
    ("alone", "alone_change_cents"),
    ("in the plan", "change_cents"),
]


def print_plan(report: ImpactReport, *, explain: bool = False) -> None:
    from vivim_graph.cli.output import console

    console.print(f"[bold]{report.title}[/bold]")
    _print_milestones(console, report, explain)
    steps = report.details.get("steps", [])
    print_section(console, "Changes, in order (R-PLAN)", steps, STEPS, False, "")
    for s in steps:
        for i in s["interactions"]:
            console.print(
                f"  change {s['step']}: {i['rule']}: {i['detail']} ({signed(i['change_cents'])})"
            )
    over = [*BUDGETS_OVER, *CASE_COLUMNS] if _all(report) else BUDGETS_OVER
    pools = [*POOLS_OVER, *CASE_COLUMNS] if _all(report) else POOLS_OVER
    print_section(console, "Budget lines over (the plan's changes together, R-PLAN-OVER)",
             _shown(report.budgets_over), over, explain, "nothing goes over")  # fmt: skip
    print_section(console, "Cost pools over (the plan's changes together, R-PLAN-OVER)",
             _shown(report.pools_over), pools, explain, "nothing goes over")  # fmt: skip
    obligations = [*OBLIGATIONS, ("changes", "steps")]
    print_section(console, "Legal, compliance and tax work the plan brings",
             _shown(report.obligations), obligations, explain, "nothing")  # fmt: skip
    for note in report.notes:
        console.print(f"note: {note}")


CASE_COLUMNS = [("over low", "over_by_low_cents"), ("over high", "over_by_high_cents"),
                ("cases over", "cases")]  # fmt: skip


def _shown(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Rows for a table: lists as plain text (``1, 2``, ``low, mid``)."""
    return [
        {k: ", ".join(map(str, v)) if k in ("cases", "steps") else v for k, v in r.items()}
        for r in rows
    ]


def _all(report: ImpactReport) -> bool:
    return report.parameters.get("case") == "all"


def _print_milestones(console, report: ImpactReport, explain: bool) -> None:
    """Baseline, each change, the plan and cost per user, per milestone and in total."""
    from rich.table import Table

    case = report.parameters.get("case", "mid")
    steps = [s["step"] for s in report.details.get("steps", [])]
    title = f"Cost per milestone (EUR, {'mid with low-high' if case == 'all' else case} case)"
    table = Table(title=title, title_justify="left")
    ranged = ["plan low", "plan high"] if case == "all" else []
    headers = ["milestone", "baseline", *[f"change {n}" for n in steps], "plan", *ranged,
               "plan/user"]  # fmt: skip
    for name in headers:
        table.add_column(name, justify="left" if name == "milestone" else "right")
    t = report.totals
    rows = [(f"{m['milestone_code']} {m['milestone_name']}", m) for m in report.milestones]
    rows.append((f"total ({t['plan_months']} months)", t))
    for label, row in rows:
        changes = [signed(c["change_cents"]) if c["change_cents"] else "" for c in
                   row.get("contributions", [])]  # fmt: skip
        band = [eur(row.get(case_key("scenario_cents", c))) for c in ("low", "high")]
        table.add_row(
            label,
            eur(row["baseline_cents"]),
            *changes,
            eur(row["scenario_cents"]),
            *(band if case == "all" else []),
            per_user(row["scenario_cost_per_user_micros"]),
            style="bold" if row is t else None,
        )
    console.print(table)
    console.print(
        f"Plan change: {signed(t['change_cents'])}; cost per user over the plan "
        f"({t['final_target_users']:,} users): {per_user(t['baseline_cost_per_user_micros'])}"
        f" -> {per_user(t['scenario_cost_per_user_micros'])}"
    )
    if explain:
        for m in report.milestones:
            if m["change_cents"]:
                label = f"{m['milestone_code']} change"
                print_explanation(console, label, m["path"], m["sources"], m.get("rules"))


CSV_HEADER = ["section", "code", "step", "case", "baseline_cents", "change_cents",
              "plan_cents", "over_by_cents"]  # fmt: skip


def to_csv(report: ImpactReport) -> str:
    """One row per figure and case: milestones, total, each change, lines and pools over."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADER)
    writer.writerows(_csv_rows(report))
    return out.getvalue()


def _cases(report: ImpactReport) -> tuple[str, ...]:
    return ("low", "mid", "high") if _all(report) else (report.parameters.get("case", "mid"),)


def _csv_rows(report: ImpactReport) -> Iterator[list[Any]]:
    rows = [("milestone", m["milestone_code"], m) for m in report.milestones]
    rows.append(("total", "plan", report.totals))
    for case in _cases(report):
        k = case_key if _all(report) else (lambda key, _c: key)
        for section, code, row in rows:
            yield [section, code, "", case, row[k("baseline_cents", case)],
                   row[k("change_cents", case)], row[k("scenario_cents", case)], ""]  # fmt: skip
            for c in row.get("contributions", []):
                yield [f"{section}_change", code, c["step"], case, "",
                       c[k("change_cents", case)], "", ""]  # fmt: skip
        for section, key, over in (("budget_line_over", "line_code", report.budgets_over),
                                   ("cost_pool_over", "pool_code", report.pools_over)):  # fmt: skip
            for r in over:
                if case in r.get("cases", [case]):
                    yield [section, r[key], "", case, "", r.get(k("added_cents", case)), "",
                           r.get(k("over_by_cents", case))]  # fmt: skip


def json_text(data: Any) -> str:
    import json

    return json.dumps(data, indent=2, ensure_ascii=False, default=str)


def print_comparison(result: dict[str, Any]) -> None:
    """Each plan's change and total per milestone, then the lines over in some plans only."""
    from rich.table import Table

    from vivim_graph.cli.output import console

    names = result["plans"]
    table = Table(title="Plans side by side: change (plan total) per milestone, EUR",
                  title_justify="left")  # fmt: skip
    table.add_column("milestone")
    for name in names:
        table.add_column(name, justify="right")
    for row in result["milestones"]:
        cells = [f"{signed(row[n]['change_cents'] or 0)} ({eur(row[n]['scenario_cents'])})"
                 for n in names]  # fmt: skip
        table.add_row(row["milestone_code"], *cells, style="bold" if row is
                      result["milestones"][-1] else None)  # fmt: skip
    console.print(table)
    if not result["over"]:
        console.print("No budget line or cost pool goes over in any plan.")
    for e in result["over"]:
        where = ", ".join(f"{n} by {eur(c)}" for n, c in e["over_in"].items())
        rest = f"; not in {', '.join(e['not_over_in'])}" if e["differs"] else " (in every plan)"
        console.print(f"{e['kind']} {e['code']}: over in {where}{rest}", highlight=False)
