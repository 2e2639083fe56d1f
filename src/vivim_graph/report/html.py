"""`vivim-graph report`: charts of the main cost questions, from the named queries.

Writes ``<out>/report.html`` (self-contained: the charts are embedded), the charts as PNG,
and ``report.json`` with the exact values plotted (integer cents). Every number comes from
the same named queries as `vivim-graph query`; nothing is computed from SQL here.
"""

from __future__ import annotations

import base64
import html
import json
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import neo4j

from vivim_graph.queries import catalog as queries
from vivim_graph.report.money import count_axis, main_currency, money_axis, one_currency

CHARTS = ("milestone_costs", "cost_per_user", "budget_vs_actual", "pool_utilization")


@dataclass
class Report:
    html_path: Path
    png_paths: dict[str, Path]
    data_path: Path
    series: dict[str, Any]


def collect_series(driver: neo4j.Driver, database: str = "neo4j") -> dict[str, Any]:
    """The values each chart plots, exact (cents, micros), with the query behind each."""
    summary = queries.run(driver, "milestone_cost_summary", database=database).rows
    trajectory = queries.run(driver, "cost_per_user_trajectory", database=database).rows
    budget = queries.run(driver, "budget_vs_actual", database=database).rows
    pools = queries.run(driver, "cost_pool_utilization", database=database).rows
    currencies = queries.run(driver, "explore/milestone_currencies", database=database).rows
    budget_currency = main_currency((r["currency"] for r in budget), "budget_vs_actual")
    periods: dict[str, dict[str, int]] = defaultdict(lambda: {"budgeted": 0, "actual": 0})
    for row in budget:
        if row["currency"] == budget_currency:
            periods[row["period_code"]]["budgeted"] += row["budgeted_cents"] or 0
            periods[row["period_code"]]["actual"] += row["actual_cents"] or 0
    return {
        "milestone_costs": {
            "query": "milestone_cost_summary",
            "currency": one_currency((r["currency"] for r in currencies), "milestone costs"),
            "milestones": [r["milestone_code"] for r in summary],
            "total_cost_mid_cents": [r["total_cost_mid_cents"] for r in summary],
            "cumulative_cost_mid_cents": [r["cumulative_cost_mid_cents"] for r in summary],
        },
        "cost_per_user": {
            "query": "cost_per_user_trajectory",
            "currency": one_currency((r["model_currency"] for r in trajectory), "cost per user"),
            "user_count": [r["user_count"] for r in trajectory],
            "model_cost_per_user_mid_micros": [
                r["model_cost_per_user_mid_micros"] for r in trajectory
            ],
        },
        "budget_vs_actual": {
            "query": f"budget_vs_actual ({budget_currency} lines, summed per period)",
            "currency": budget_currency,
            "periods": sorted(periods),
            "budgeted_cents": [periods[p]["budgeted"] for p in sorted(periods)],
            "actual_cents": [periods[p]["actual"] for p in sorted(periods)],
        },
        "pool_utilization": {
            "query": "cost_pool_utilization",
            "pools": [r["pool_code"] for r in pools],
            "utilization_pct": [r["utilization_pct"] for r in pools],
        },
    }


def _milestone_costs(ax: Any, ms: dict[str, Any]) -> None:
    ax.bar(ms["milestones"], [c / 100 for c in ms["total_cost_mid_cents"]], label="milestone")
    ax2 = ax.twinx()
    ax2.plot(
        ms["milestones"],
        [c / 100 for c in ms["cumulative_cost_mid_cents"]],
        "o-",
        color="#D35F5F",
        label="cumulative",
    )
    money_axis(ax.yaxis, ms["currency"])
    money_axis(ax2.yaxis, ms["currency"])
    ax.set_ylabel(f"{ms['currency']} per milestone (mid)")
    ax2.set_ylabel(f"{ms['currency']} cumulative")
    ax.set_title("Milestone cost trajectory and cumulative cost")


def _cost_per_user(ax: Any, cpu: dict[str, Any]) -> None:
    points = [
        (u, m / 1_000_000)
        for u, m in zip(cpu["user_count"], cpu["model_cost_per_user_mid_micros"], strict=True)
        if u and m is not None
    ]
    ax.plot([p[0] for p in points], [p[1] for p in points], "o-")
    ax.set_xscale("log")
    count_axis(ax.xaxis)
    money_axis(ax.yaxis, cpu["currency"])
    ax.set_xlabel("users (log scale)")
    ax.set_ylabel(f"{cpu['currency']} per user per month (model, mid)")
    ax.set_title("Infrastructure cost per user by user scale")


def _budget_vs_actual(ax: Any, bva: dict[str, Any]) -> None:
    x = range(len(bva["periods"]))
    ax.bar([i - 0.2 for i in x], [c / 100 for c in bva["budgeted_cents"]], 0.4, label="budget")
    ax.bar([i + 0.2 for i in x], [c / 100 for c in bva["actual_cents"]], 0.4, label="actual")
    ax.set_xticks(list(x), bva["periods"])
    money_axis(ax.yaxis, bva["currency"])
    ax.set_ylabel(bva["currency"])
    ax.legend()
    ax.set_title(f"Budget against actual by period ({bva['currency']} lines)")


def _pool_utilization(ax: Any, pu: dict[str, Any]) -> None:
    colors = ["#D35F5F" if (p or 0) > 100 else "#4C8EDA" for p in pu["utilization_pct"]]
    ax.barh(pu["pools"], [p or 0 for p in pu["utilization_pct"]], color=colors)
    ax.axvline(100, color="black", linewidth=0.8)
    ax.set_xlabel("utilisation % (red: over allocation)")
    ax.tick_params(axis="y", labelsize=6)
    ax.set_title("Cost-pool utilisation")


# Each chart: the series it draws, the figure size, and how it is drawn.
_DRAW = {
    "milestone_costs": ((9, 4.5), _milestone_costs),
    "cost_per_user": ((9, 4.5), _cost_per_user),
    "budget_vs_actual": ((9, 4.5), _budget_vs_actual),
    "pool_utilization": ((10, 6), _pool_utilization),
}


def chart_figure(name: str, series: dict[str, Any]) -> Any:
    """One chart as a matplotlib Figure (the caller saves and closes it)."""
    import matplotlib  # imported here: only `report` pays for matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    size, draw = _DRAW[name]
    fig, ax = plt.subplots(figsize=size)
    draw(ax, series[name])
    return fig


def _charts(series: dict[str, Any], out: Path) -> dict[str, Path]:
    import matplotlib  # imported here: only `report` pays for matplotlib

    matplotlib.use("Agg")  # files only, no display
    import matplotlib.pyplot as plt

    paths: dict[str, Path] = {}
    for name in _DRAW:
        fig = chart_figure(name, series)
        path = out / f"{name}.png"
        fig.tight_layout()
        fig.savefig(path, dpi=110)
        plt.close(fig)
        paths[name] = path
    return paths


def build_report(driver: neo4j.Driver, out: Path, database: str = "neo4j") -> Report:
    out.mkdir(parents=True, exist_ok=True)
    series = collect_series(driver, database)
    pngs = _charts(series, out)
    data_path = out / "report.json"
    data_path.write_text(json.dumps(series, indent=2), encoding="utf-8")
    sections = []
    for name in CHARTS:
        encoded = base64.b64encode(pngs[name].read_bytes()).decode("ascii")
        sections.append(
            f"<h2>{html.escape(name.replace('_', ' '))}</h2>"
            f"<p>From the named query <code>{html.escape(series[name]['query'])}</code>.</p>"
            f'<img alt="{html.escape(name)}" src="data:image/png;base64,{encoded}">'
        )
    page = (
        "<!doctype html><html><head><meta charset='utf-8'><title>VIVIM cost report</title>"
        "<style>body{font-family:sans-serif;max-width:1000px;margin:auto}img{max-width:100%}"
        "</style></head><body><h1>VIVIM cost report</h1>" + "".join(sections) + "</body></html>"
    )
    html_path = out / "report.html"
    html_path.write_text(page, encoding="utf-8")
    return Report(html_path, pngs, data_path, series)
