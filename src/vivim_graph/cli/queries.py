"""`vivim-graph query|cypher|report`: named queries, ad-hoc Cypher and the HTML report."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from vivim_graph.cli.app import Context, cli, echo, lean_driver, pass_ctx

if TYPE_CHECKING:
    pass


# --------------------------------------------------------------------------- queries
def _print_result(result: Any, fmt: str) -> None:
    """A query result as a table (money in its currency), or exact JSON or CSV."""
    from vivim_graph.cli import formatting

    if fmt == "json":
        echo(formatting.to_json(result))
    elif fmt == "csv":
        click.echo(formatting.to_csv(result), nl=False)
    else:
        formatting.print_table(result)


def _parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise click.BadParameter(f"{pair!r} is not key=value", param_hint="--param")
        params[key.strip()] = value
    return params


@cli.command()
@click.argument("name", required=False)
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="KEY=VALUE",
    help="A query parameter; repeat for several.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.option("--list", "list_queries", is_flag=True, help="List the named queries.")
@pass_ctx
def query(
    ctx: Context, name: str | None, params: tuple[str, ...], fmt: str, list_queries: bool
) -> None:
    """Run a named Cypher query (the graph's stand-ins for the SQL views, and more)."""
    lean_driver()
    from vivim_graph.neo4j_db import open_driver
    from vivim_graph.queries import catalog as queries

    if list_queries or not name:
        for q in queries.catalog().values():
            described = ", ".join(
                f"{p.name}{'' if p.required else '?'}:{p.type}" for p in q.parameters
            )
            echo(f"{q.name:<40} {q.question}" + (f"  [{described}]" if described else ""))
        return
    with open_driver(ctx.settings) as driver:
        result = queries.run(
            driver, name, _parse_params(params), database=ctx.settings.neo4j_database
        )
    _print_result(result, fmt)


@cli.command()
@click.argument("statement")
@click.option(
    "-p",
    "--param",
    "params",
    multiple=True,
    metavar="NAME[:TYPE]=VALUE",
    help="A $parameter; repeat for several. 12 and 1.5 are numbers, true/false booleans, "
    "[..] and {..} JSON; other values text. NAME:string=007 keeps text, NAME:date=2026-05-01.",
)
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table")
@click.option("--limit", default=1000, show_default=True, help="Rows returned at most.")
@pass_ctx
def cypher(ctx: Context, statement: str, params: tuple[str, ...], fmt: str, limit: int) -> None:
    """Run an ad-hoc read-only Cypher statement (refused if it could write).

    Names the graph model lacks (a misspelt label, type or property) are reported on
    stderr with the closest ones, so an empty answer from a typo is not taken for "no rows".
    """
    lean_driver()
    from vivim_graph.neo4j_db import open_driver
    from vivim_graph.queries.read_only import as_query_result, parse_param, run_read_only

    typed = {k.partition(":")[0]: parse_param(k, v) for k, v in _parse_params(params).items()}
    with open_driver(ctx.settings) as driver:
        answer = run_read_only(
            driver, statement, typed, limit=limit, database=ctx.settings.neo4j_database
        )
    result = as_query_result(answer)
    _print_result(result, fmt)
    _explain_answer(answer)


def _explain_answer(answer: Any) -> None:
    """On stderr, after the rows: cut-short answers and names the model lacks."""
    if answer.truncated:
        click.echo(
            f"note: stopped at the {answer.truncated.replace('_', ' ')} ({len(answer.rows)} "
            "rows); raise --limit or narrow the query",
            err=True,
        )
    for warning in answer.warnings:
        click.echo(f"warning: {warning}", err=True)
    if answer.warnings and not answer.rows:
        click.echo(
            "note: no rows, but the statement names something the graph model lacks: "
            "fix the name before reading this as 'none'",
            err=True,
        )


@cli.command()
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False),
    default="vivim-report",
    show_default=True,
    help="Folder for report.html, the PNG charts and report.json.",
)
@click.option(
    "--plan",
    "plan_names",
    metavar="NAME",
    multiple=True,
    help="Add a saved plan (plan run --save NAME): its chart against the baseline and the "
    "lines it pushes over. Repeatable.",
)
@pass_ctx
def report(ctx: Context, out_dir: str, plan_names: tuple[str, ...]) -> None:
    """Write an HTML report with charts (also PNG) of the main cost questions."""

    from vivim_graph.neo4j_db import open_driver
    from vivim_graph.report.html import build_report

    with open_driver(ctx.settings) as driver:
        db = ctx.settings.neo4j_database
        plans = _saved_plans(driver, plan_names, db)  # before writing: a bad name writes nothing
        result = build_report(driver, Path(out_dir), database=db)
    if plans:
        from vivim_graph.report.plan_chart import add_plans

        for png in add_plans(result.html_path, result.data_path, plans):
            result.png_paths[png.stem] = png
    echo(
        f"Wrote {result.html_path} with {len(result.png_paths)} charts "
        f"({', '.join(p.name for p in result.png_paths.values())}) and {result.data_path.name}."
    )


def _saved_plans(driver, names: tuple[str, ...], database: str) -> list:
    from vivim_graph.impact.plan_store import load_plan

    return [load_plan(driver, name, database=database) for name in names]
