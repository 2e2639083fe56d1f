"""`vivim-graph plan run | compare`: several changes at once, with low-mid-high ranges."""

from __future__ import annotations

import click

from vivim_graph.cli.app import Context, cli, pass_ctx

CASE_CHOICES = ["low", "mid", "high", "all"]


@cli.group()
def plan() -> None:
    """Plans (plans/*.yaml): several impact changes computed together, read-only."""


def _print_plan(report, fmt: str, explain: bool) -> None:
    from vivim_graph.cli import plan_output

    if fmt == "json":
        from vivim_graph.impact.plan import answer

        click.echo(plan_output.json_text(answer(report)))
    elif fmt == "csv":
        click.echo(plan_output.to_csv(report), nl=False)
    else:
        plan_output.print_plan(report, explain=explain)


@plan.command("run")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option(
    "--case",
    type=click.Choice(CASE_CHOICES),
    default="mid",
    show_default=True,
    help="Which of the database's figures: low, mid, high, or all three (R-CASE).",
)
@click.option("--save", "save_as", metavar="NAME", help="Save as a :Scenario with its steps.")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.option("--explain", is_flag=True, help="Show the path, source rows and rules.")
@pass_ctx
def plan_run(ctx: Context, file: str, case: str, save_as, fmt: str, explain: bool) -> None:
    """Compute the plan FILE's changes together, each on top of the previous ones."""
    from vivim_graph.impact.plan import run_plan
    from vivim_graph.impact.plan_file import load
    from vivim_graph.neo4j_db import open_driver

    plan_file = load(file)
    with open_driver(ctx.settings) as driver:
        report = run_plan(driver, plan_file, case, database=ctx.settings.neo4j_database)
        if save_as:
            from vivim_graph.impact.plan_store import save_plan

            links = save_plan(driver, save_as, report, database=ctx.settings.neo4j_database)
    _print_plan(report, fmt, explain)
    if save_as:
        click.echo(f"Saved plan {save_as!r} ({links} links to the graph).", err=True)


@plan.command("compare")
@click.argument("plans", nargs=-1, required=True)
@click.option(
    "--case",
    type=click.Choice(["low", "mid", "high"]),
    default="mid",
    show_default=True,
    help="The case plan files are run in (saved plans keep theirs).",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@pass_ctx
def plan_compare(ctx: Context, plans: tuple[str, ...], case: str, fmt: str) -> None:
    """PLANS (saved plan names or plan files) side by side per milestone and in total."""
    from vivim_graph.cli import plan_output
    from vivim_graph.impact.plan_store import compare_plans, load_plan
    from vivim_graph.neo4j_db import open_driver

    with open_driver(ctx.settings) as driver:
        db = ctx.settings.neo4j_database
        loaded = [load_plan(driver, p, case=case, database=db) for p in plans]
    result = compare_plans(loaded)
    if fmt == "json":
        click.echo(plan_output.json_text(result))
    else:
        plan_output.print_comparison(result)
