"""The report: charts exist, are valid images, and plot the named queries' values."""

from __future__ import annotations

import json

import pytest

from tests.servers import cli_env, run_cli
from vivim_graph.queries import catalog as queries
from vivim_graph.report.html import CHARTS, build_report

pytestmark = pytest.mark.integration


@pytest.fixture(scope="module")
def graph_with_seeds(seeded_graph):
    return seeded_graph


def test_report_files_are_valid_images_of_the_queries(graph_with_seeds, tmp_path):
    import matplotlib.image

    report = build_report(graph_with_seeds, tmp_path)
    assert set(report.png_paths) == set(CHARTS)
    for path in report.png_paths.values():
        assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
        pixels = matplotlib.image.imread(path)
        assert pixels.shape[0] > 200 and pixels.shape[1] > 400
        assert pixels.std() > 0.01  # not a blank canvas
    page = report.html_path.read_text()
    assert page.count("data:image/png;base64,") == len(CHARTS)

    plotted = json.loads(report.data_path.read_text())
    summary = queries.run(graph_with_seeds, "milestone_cost_summary").rows
    assert plotted["milestone_costs"]["total_cost_mid_cents"] == [
        r["total_cost_mid_cents"] for r in summary
    ]
    assert plotted["milestone_costs"]["cumulative_cost_mid_cents"][-1] == 189468500
    budget = queries.run(graph_with_seeds, "budget_vs_actual").rows
    q1 = [r for r in budget if r["period_code"] == "2026-Q1" and r["currency"] == "EUR"]
    index = plotted["budget_vs_actual"]["periods"].index("2026-Q1")
    assert plotted["budget_vs_actual"]["actual_cents"][index] == sum(r["actual_cents"] for r in q1)
    pools = queries.run(graph_with_seeds, "cost_pool_utilization").rows
    assert plotted["pool_utilization"]["utilization_pct"] == [r["utilization_pct"] for r in pools]
    assert any(p > 100 for p in plotted["pool_utilization"]["utilization_pct"])


def test_report_command(graph_with_seeds, neo4j_server, seeded_db, tmp_path):
    result = run_cli(cli_env(neo4j_server, seeded_db), "report", "--out", str(tmp_path / "r"))
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "r" / "report.html").exists()
    assert "4 charts" in result.stdout


MONEY_AXES = {"milestone_costs": "y", "cost_per_user": "y", "budget_vs_actual": "y"}


def test_money_axes_are_currency_not_scientific_notation(graph_with_seeds):
    import matplotlib.pyplot as plt

    from vivim_graph.report.html import chart_figure, collect_series

    series = collect_series(graph_with_seeds)
    # The lines milestone_cost_summary adds up: team allocations, infrastructure, other costs.
    records, _, _ = graph_with_seeds.execute_query(
        "MATCH (:Milestone)<-[:FOR_MILESTONE]-(x) "
        "WHERE x:MilestoneTeamAllocation OR x:MilestoneInfrastructureCost OR x:MilestoneCost "
        "RETURN collect(DISTINCT x.currency) AS c"
    )
    assert [series["milestone_costs"]["currency"]] == records[0]["c"]
    trajectory = queries.run(graph_with_seeds, "cost_per_user_trajectory").rows
    assert {series["cost_per_user"]["currency"]} == {r["model_currency"] for r in trajectory}
    symbols = {"EUR": "€", "USD": "$", "GBP": "£"}
    for name in MONEY_AXES:
        symbol = symbols.get(series[name]["currency"], series[name]["currency"])
        fig = chart_figure(name, series)
        fig.canvas.draw()  # tick labels are formatted at draw time
        try:
            for ax in fig.axes:  # the milestone chart has a second (cumulative) y axis
                labels = [t.get_text() for t in ax.get_yticklabels() if t.get_text()]
                assert len(labels) >= 3, (name, labels)
                assert all(symbol in label for label in labels), (name, labels)
                assert not any("e+" in label or "e-" in label for label in labels), labels
                assert ax.yaxis.get_offset_text().get_text() == "", name  # no "1e7" corner
            if name == "milestone_costs":  # millions of euros read as such
                top = max(series[name]["cumulative_cost_mid_cents"]) / 100
                right = [t.get_text() for t in fig.axes[1].get_yticklabels()]
                assert top >= 1e6 and any(label.endswith("M") for label in right), right
        finally:
            plt.close(fig)
