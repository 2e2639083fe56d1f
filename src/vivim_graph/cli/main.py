"""The `vivim-graph` command: a thin click layer over the library.

Commands parse options, call one library function and print its result; they are grouped by
topic in this package (``data``, ``servers``, ``queries``, the impact commands below, ``guide``
and ``mcp``), all registered on the root group of ``app``, whose ``main`` is the single error
boundary: project errors print a message and a hint and exit 1, anything else is a crash and
exits 2; tracebacks appear only with ``--debug``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from vivim_graph.cli import data, queries, servers  # noqa: F401  (they register commands)
from vivim_graph.cli.app import Context, cli, echo, main, pass_ctx

if TYPE_CHECKING:
    pass

__all__ = ["cli", "main"]


# --------------------------------------------------------------------------- impact
def _impact_options(f):
    f = click.option("--save", "save_as", metavar="NAME", help="Save as a :Scenario node.")(f)
    f = click.option("--explain", is_flag=True, help="Show the path and source rows.")(f)
    f = click.option(
        "--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table"
    )(f)
    return f


def _print_impact(report, fmt: str, explain: bool) -> None:
    from vivim_graph.cli import impact_output

    if fmt == "json":
        click.echo(impact_output.to_json(report))
    elif fmt == "csv":
        click.echo(impact_output.to_csv(report), nl=False)
    else:
        impact_output.print_report(report, explain=explain)


def _run_impact(ctx: Context, kind: str, params, fmt: str, explain: bool, save_as) -> None:
    """Run one scenario kind, save it if asked, and print it in the chosen format."""
    from vivim_graph.impact.scenarios import run_impact
    from vivim_graph.neo4j_db import open_driver

    with open_driver(ctx.settings) as driver:
        report = run_impact(driver, kind, params, database=ctx.settings.neo4j_database)
        if save_as:
            from vivim_graph.impact.store import save

            links = save(driver, save_as, report, database=ctx.settings.neo4j_database)
    _print_impact(report, fmt, explain)
    if save_as:
        click.echo(f"Saved scenario {save_as!r} ({links} links to the graph).", err=True)


@cli.group()
def impact() -> None:
    """What-if scenarios computed on the graph (which they never change)."""


@impact.command("hire")
@click.option("--location", required=True, help="Code, city, region or country (malta).")
@click.option("--role", required=True, help="Role code, e.g. swe-senior.")
@click.option("--seniority", type=click.Choice(["junior", "mid", "senior", "lead"]))
@click.option("--count", default=1, show_default=True, type=click.IntRange(1))
@click.option("--from", "start", metavar="MILESTONE", help="Default: first not completed.")
@click.option(
    "--employment-type",
    type=click.Choice(["employee", "contractor", "freelance"]),
    default="employee",
    show_default=True,
    help="contractor/freelance: the local rate x working days, no on-costs (R-CONTRACTOR).",
)
@click.option(
    "--fte",
    default=1.0,
    show_default=True,
    type=click.FloatRange(0.01, 1.0),
    help="Part-time share; on-costs are computed on the part-time pay (R-FTE).",
)
@_impact_options
@pass_ctx
def impact_hire(ctx: Context, fmt, explain, save_as, **options) -> None:
    """What hiring COUNT people of a role in a location changes, ranked across locations."""
    _run_impact(ctx, "hire", options, fmt, explain, save_as)


@impact.command("relocate")
@click.option("--member", help="Team member code, e.g. TM-005.")
@click.option("--team", help="Team code, e.g. core-platform.")
@click.option("--to", "to", required=True, help="Code, city, region or country.")
@click.option("--from", "start", metavar="MILESTONE", help="Default: first not completed.")
@_impact_options
@pass_ctx
def impact_relocate(ctx: Context, fmt, explain, save_as, **options) -> None:
    """What moving a person or a team to another location changes."""
    _run_impact(ctx, "relocate", options, fmt, explain, save_as)


@impact.command("switch-provider")
@click.option("--from", "from_provider", required=True, help="Provider code, e.g. hetzner.")
@click.option("--to", "to_provider", required=True, help="Provider code, e.g. ovhcloud.")
@click.option("--service", help="Only this service code or service type.")
@_impact_options
@pass_ctx
def impact_switch(ctx: Context, fmt, explain, save_as, **options) -> None:
    """Infrastructure cost per milestone and per user scale on another provider."""
    _run_impact(ctx, "switch_provider", options, fmt, explain, save_as)


@impact.command("users")
@click.option("--mau", required=True, type=click.IntRange(1), help="Monthly active users.")
@click.option("--at", "at", metavar="MILESTONE", help="Default: the last milestone.")
@_impact_options
@pass_ctx
def impact_users(ctx: Context, fmt, explain, save_as, **options) -> None:
    """Infrastructure, revenue, dividend pool and cost per user at a user scale."""
    _run_impact(ctx, "users", options, fmt, explain, save_as)


@impact.command("node")
@click.argument("label")
@click.argument("key")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(1, 3))
@_impact_options
@pass_ctx
def impact_node(ctx: Context, label, key, depth, fmt, explain, save_as) -> None:
    """Everything whose cost depends on a node (LABEL and natural KEY), with paths."""
    _run_impact(ctx, "node", dict(label=label, key=key, depth=depth), fmt, explain, save_as)


@cli.group()
def scenario() -> None:
    """Saved scenarios (:Scenario nodes): list, show, compare, delete."""


@scenario.command("list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@pass_ctx
def scenario_list(ctx: Context, fmt: str) -> None:
    """The saved scenarios."""
    import json

    from vivim_graph.cli.impact_output import signed
    from vivim_graph.impact.store import list_scenarios
    from vivim_graph.neo4j_db import open_driver

    with open_driver(ctx.settings) as driver:
        rows = list_scenarios(driver, database=ctx.settings.neo4j_database)
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2))
        return
    if not rows:
        echo("No saved scenarios. Save one with `vivim-graph impact … --save NAME`.")
    for r in rows:
        change = signed(r["change_cents"]) if isinstance(r["change_cents"], int) else ""
        echo(f"{r['name']:<24} {r['kind']:<16} {change:>16}  {r['saved_at']}  {r['title']}")


@scenario.command("show")
@click.argument("name")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.option("--explain", is_flag=True, help="Show the path and source rows.")
@pass_ctx
def scenario_show(ctx: Context, name: str, fmt: str, explain: bool) -> None:
    """One saved scenario, as it was computed."""
    from vivim_graph.impact.store import load
    from vivim_graph.neo4j_db import open_driver

    with open_driver(ctx.settings) as driver:
        report = load(driver, name, database=ctx.settings.neo4j_database)
    _print_impact(report, fmt, explain)


@scenario.command("compare")
@click.argument("a")
@click.argument("b")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table")
@pass_ctx
def scenario_compare(ctx: Context, a: str, b: str, fmt: str) -> None:
    """Two saved scenarios side by side: change per milestone and in total."""
    import json

    from vivim_graph.cli.impact_output import print_comparison
    from vivim_graph.impact.store import compare, load
    from vivim_graph.neo4j_db import open_driver

    with open_driver(ctx.settings) as driver:
        db = ctx.settings.neo4j_database
        rows = compare(load(driver, a, database=db), load(driver, b, database=db))
    if fmt == "json":
        click.echo(json.dumps({"a": a, "b": b, "rows": rows}, indent=2))
    else:
        print_comparison(a, b, rows)


@scenario.command("delete")
@click.argument("name")
@pass_ctx
def scenario_delete(ctx: Context, name: str) -> None:
    """Delete a saved scenario (the baseline graph is untouched)."""
    from vivim_graph.impact.store import delete
    from vivim_graph.neo4j_db import open_driver

    with open_driver(ctx.settings) as driver:
        delete(driver, name, database=ctx.settings.neo4j_database)
    echo(f"Deleted scenario {name!r}.")


# --------------------------------------------------------------------------- plug-ins
# Commands that live beside the library code they drive (one module each), imported only
# when invoked: that cuts start-up time for every other command.
def _register_plugins() -> None:
    from vivim_graph.cli.guide import guide_command
    from vivim_graph.cli.mcp import mcp_command

    cli.add_command(guide_command)
    cli.add_command(mcp_command)


_register_plugins()
