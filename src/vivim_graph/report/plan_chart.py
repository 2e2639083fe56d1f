"""`vivim-graph report --plan NAME`: a saved plan against the baseline in the report.

Adds to the report written by ``report.html`` one chart per plan (cumulative cost per
milestone, baseline and plan, with the plan's low-high band when it was run with
``--case all``), as PNG and embedded, a table of the budget lines and cost pools that go
over, and the plotted values to report.json. Every figure is the saved plan's own.
"""

from __future__ import annotations

import base64
import html
import json
from itertools import accumulate
from pathlib import Path
from typing import Any

from vivim_graph.impact.common import ImpactReport


def plan_series(name: str, plan: ImpactReport) -> dict[str, Any]:
    """The values the chart plots, exact (cents): cumulative per milestone, each case."""

    def cumulative(key: str) -> list[int] | None:
        values = [m.get(key) for m in plan.milestones]
        return None if None in values else list(accumulate(values))

    return {
        "plan": name,
        "title": plan.title,
        "case": plan.parameters.get("case", "mid"),
        "currency": plan.currency,
        "milestones": [m["milestone_code"] for m in plan.milestones],
        "baseline_cumulative_cents": cumulative("baseline_cents"),
        "plan_cumulative_cents": cumulative("scenario_cents"),
        "plan_cumulative_low_cents": cumulative("scenario_low_cents"),
        "plan_cumulative_high_cents": cumulative("scenario_high_cents"),
        "budgets_over": plan.budgets_over,
        "pools_over": plan.pools_over,
    }


def _euros(value: float, _pos: Any = None) -> str:
    return f"€{value:,.0f}"


def draw_plan(series: dict[str, Any], path: Path) -> Path:
    """The cumulative cost of the plan against the baseline, with the low-high band."""
    import matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    x = series["milestones"]
    fig, ax = plt.subplots(figsize=(9, 4.5))
    ax.plot(x, [c / 100 for c in series["baseline_cumulative_cents"]], "o--", color="#777777",
            label="baseline (mid)")  # fmt: skip
    ax.plot(x, [c / 100 for c in series["plan_cumulative_cents"]], "o-", color="#D35F5F",
            label=f"plan {series['plan']} (mid)")  # fmt: skip
    low, high = series["plan_cumulative_low_cents"], series["plan_cumulative_high_cents"]
    if low and high:
        ax.fill_between(x, [c / 100 for c in low], [c / 100 for c in high], color="#D35F5F",
                        alpha=0.2, label="plan, low-high")  # fmt: skip
    ax.yaxis.set_major_formatter(FuncFormatter(_euros))
    ax.set_ylabel(f"cumulative cost ({series['currency']})")
    ax.set_title(f"Plan {series['plan']} against the baseline: cumulative cost")
    ax.legend(loc="upper left")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


OVER_COLUMNS = (
    ("line or pool", None),
    ("period", "period_code"),
    ("limit", None),
    ("added by the plan", "added_cents"),
    ("over by", "over_by_cents"),
    ("already over", "was_over"),
    ("cases", "cases"),
)


def _money(cents: Any, currency: str) -> str:
    return "" if not isinstance(cents, int) else f"{currency} {cents / 100:,.2f}"


def over_table(series: dict[str, Any]) -> str:
    """The budget lines and cost pools the plan pushes over (or that were over), as HTML."""
    rows = [(r["line_code"], r["budget_cents"], r) for r in series["budgets_over"]]
    rows += [(r["pool_code"], r["allocated_cents"], r) for r in series["pools_over"]]
    if not rows:
        return "<p>No budget line or cost pool goes over.</p>"
    cur = series["currency"]
    head = "".join(f"<th>{html.escape(h)}</th>" for h, _ in OVER_COLUMNS)
    body = []
    for code, limit, r in rows:
        cells = [code, r.get("period_code") or "", _money(limit, cur),
                 _money(r.get("added_cents"), cur), _money(r.get("over_by_cents"), cur),
                 "yes" if r.get("was_over") else "", ", ".join(r.get("cases") or [])]  # fmt: skip
        body.append("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in cells) + "</tr>")
    return f'<table class="plan-over"><tr>{head}</tr>{"".join(body)}</table>'


def add_plans(
    html_path: Path, data_path: Path, plans: list[tuple[str, ImpactReport]]
) -> list[Path]:
    """Add each plan's chart and table to report.html and its values to report.json."""
    out = html_path.parent
    data = json.loads(data_path.read_text(encoding="utf-8"))
    sections, pngs = [], []
    for name, plan in plans:
        series = plan_series(name, plan)
        data.setdefault("plans", {})[name] = series
        png = draw_plan(series, out / f"plan_{_file_safe(name)}.png")
        pngs.append(png)
        encoded = base64.b64encode(png.read_bytes()).decode("ascii")
        sections.append(
            f"<h2>plan {html.escape(name)}</h2><p>{html.escape(plan.title)}</p>"
            f'<img alt="plan {html.escape(name)}" src="data:image/png;base64,{encoded}">'
            f"<h3>Budget lines and cost pools over</h3>{over_table(series)}"
        )
    data_path.write_text(json.dumps(data, indent=2, default=str), encoding="utf-8")
    page = html_path.read_text(encoding="utf-8")
    page = page.replace("</body>", "".join(sections) + "</body>", 1)
    html_path.write_text(page, encoding="utf-8")
    return pngs


def _file_safe(name: str) -> str:
    return "".join(c if c.isalnum() or c in "-_" else "_" for c in name)
