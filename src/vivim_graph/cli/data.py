"""`vivim-graph up|db|import|sync|check|model`: loading the database and replicating it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from vivim_graph.cli.app import Context, cli, echo, echo_err, pass_ctx
from vivim_graph.cli.kafka import kafka_options, sync_from_kafka

if TYPE_CHECKING:
    from vivim_graph.settings import Settings


# --------------------------------------------------------------------------- up
@cli.command()
@pass_ctx
def up(ctx: Context) -> None:
    """Start Neo4j and PostgreSQL, load the seeds, import them, and say where to look."""
    from vivim_graph import jobs as workflow
    from vivim_graph.cli.output import ProgressDisplay, print_import_summary

    with ProgressDisplay() as progress:
        summary, where_to_look = workflow.up(ctx.settings, echo=echo, progress=progress)
    print_import_summary(summary)
    echo(where_to_look)


# --------------------------------------------------------------------------- db
@cli.group()
def db() -> None:
    """The relational cost database (PostgreSQL): load the seeds, describe the catalog."""


@db.command("load")
@click.option(
    "--reset",
    is_flag=True,
    help="Replace the database: load into a new one, swapped in only on success.",
)
@click.option(
    "--seeds",
    "seeds_dir",
    type=click.Path(exists=True, file_okay=False, path_type=Path),
    help="Load this seeds folder (with its load-order.txt) instead of the shipped one.",
)
@pass_ctx
def db_load(ctx: Context, reset: bool, seeds_dir: Path | None) -> None:
    """Load config, the 14 schemas and the 10 seed files, in order, in one transaction."""
    from vivim_graph import jobs as workflow

    report = workflow.load_relational(ctx.settings, reset=reset, echo=echo, seeds=seeds_dir)
    echo(f"Loaded {len(report.files)} files in {report.seconds:.1f} s.")


@db.command("describe")
@click.option(
    "--mermaid",
    "mermaid_path",
    type=click.Path(dir_okay=False),
    help="Write the entity-relationship diagram (Mermaid) to this file ('-' for stdout).",
)
@pass_ctx
def db_describe(ctx: Context, mermaid_path: str | None) -> None:
    """Every module with its tables, row counts and views, read from the live catalog."""
    from vivim_graph.sources import relational
    from vivim_graph.sources.postgres import connect, resolve_database_url

    with connect(resolve_database_url(ctx.settings)) as conn:
        catalog = relational.read_catalog(conn)
    if mermaid_path:
        text = relational.mermaid_er(catalog)
        if mermaid_path == "-":
            echo(text)
        else:
            with open(mermaid_path, "w", encoding="utf-8") as out:
                out.write(text)
            echo(f"Wrote {mermaid_path} ({len(catalog.foreign_keys)} relationships).")
        return
    from vivim_graph.cli.output import print_catalog

    print_catalog(catalog)


# --------------------------------------------------------------------------- graph
@cli.command("import")
@click.option(
    "--database-url",
    envvar="DATABASE_URL",
    help="Import from this PostgreSQL "
    "instead of the embedded one (which gets the seeds loaded first).",
)
@click.option("--batch-size", type=click.IntRange(1), help="Rows per write transaction.")
@click.option("--wait", is_flag=True, help="Queue behind a running import or sync.")
@click.option(
    "--offline",
    is_flag=True,
    help="First load into the empty local server: build its store with neo4j-admin "
    "import (the server is stopped and restarted), then constraints and check.",
)
@pass_ctx
def import_command(
    ctx: Context, database_url: str | None, batch_size: int | None, wait: bool, offline: bool
) -> None:
    """Replicate every table of the cost database into Neo4j (idempotent)."""
    from vivim_graph import jobs as workflow
    from vivim_graph.cli.output import ProgressDisplay, print_import_summary

    settings = _with_overrides(ctx, database_url=database_url, batch_size=batch_size)
    if offline:
        _import_offline(settings)
        return
    with ProgressDisplay() as progress:
        summary = workflow.run_import(
            settings, echo=echo, progress=progress, wait=wait, waiting=echo_err
        )
    print_import_summary(summary)


def _import_offline(settings: Settings) -> None:
    from vivim_graph import jobs as workflow
    from vivim_graph.cli.output import ProgressDisplay, print_check_report, print_import_summary

    with ProgressDisplay() as progress:
        result = workflow.run_offline_import(settings, echo=echo_err, progress=progress)
    print_import_summary(result.summary)
    echo(
        "offline: "
        + ", ".join(f"{phase.replace('_', ' ')} {s:.1f} s" for phase, s in result.seconds.items())
    )
    print_check_report(result.check)
    if not result.check.ok:
        raise SystemExit(1)


# A group that runs the sync itself when no subcommand is named, so that
# `vivim-graph sync [--full] ...` works as it always did next to `sync setup|teardown|status`.
@cli.group(invoke_without_command=True)
@click.option(
    "--database-url",
    envvar="DATABASE_URL",
    help="Sync from this PostgreSQL (default: the embedded one).",
)
@click.option("--full", is_flag=True, help="Reconcile everything, not only the change log.")
@click.option(
    "--capture",
    type=click.Choice(["auto", "wal", "triggers"]),
    default="auto",
    show_default=True,
    help="Read changes from the write-ahead log (a replication slot) or from triggers. "
    "auto: the capture the source is synced with, else wal when the server allows it "
    "(wal_level=logical, REPLICATION), else triggers; the choice is printed.",
)
@click.option("--dry-run", is_flag=True, help="Print the plan; write nothing.")
@click.option(
    "--wait", is_flag=True, help="Queue behind a running import or sync instead of failing."
)
@click.option(
    "--watch",
    type=click.FloatRange(min=0.5),
    metavar="SECONDS",
    help="Repeat every SECONDS until Ctrl-C (which finishes the current batch).",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.option("--batch-size", type=click.IntRange(1), help="Rows per write transaction.")
@kafka_options
@pass_ctx
def sync(
    ctx: Context,
    database_url: str | None,
    full: bool,
    dry_run: bool,
    wait: bool,
    watch: float | None,
    fmt: str,
    batch_size: int | None,
    capture: str,
    **kafka: Any,
) -> None:
    """Keep the graph in step with PostgreSQL: full first, then only what changed."""
    if click.get_current_context().invoked_subcommand is not None:
        return  # `sync setup|teardown|status`: their own options
    import json

    from vivim_graph import jobs as workflow
    from vivim_graph.cli.output import ProgressDisplay, print_sync_summary

    settings = _with_overrides(ctx, database_url=database_url, batch_size=batch_size)
    if kafka["from_kafka"]:
        if full or dry_run or watch is not None:
            raise click.UsageError("--from-kafka does not combine with --full, --dry-run, --watch")
        sync_from_kafka(settings, fmt=fmt, **kafka)
        return

    def report(summary) -> None:
        if fmt == "json":
            echo(json.dumps(summary.as_dict(), indent=2))
        else:
            print_sync_summary(summary)

    with ProgressDisplay() as progress:
        workflow.run_sync(
            settings,
            full=full,
            dry_run=dry_run,
            wait=wait,
            watch=watch,
            report=report,
            progress=progress,
            echo=echo_err,
            capture=capture,
        )


_SOURCE_OPTION = click.option(
    "--database-url", envvar="DATABASE_URL", help="This PostgreSQL (default: the embedded one)."
)


@sync.command("setup")
@_SOURCE_OPTION
@pass_ctx
def sync_setup(ctx: Context, database_url: str | None) -> None:
    """Create the replication slot and publication WAL capture reads (idempotent)."""
    from vivim_graph import jobs as workflow

    done = workflow.sync_capture_job(_with_overrides(ctx, database_url=database_url), "setup")
    echo("\n".join(done) if done else "WAL capture is already set up: nothing to do.")


@sync.command("teardown")
@_SOURCE_OPTION
@pass_ctx
def sync_teardown(ctx: Context, database_url: str | None) -> None:
    """Drop the replication slot (freeing the WAL it keeps) and the publication."""
    from vivim_graph import jobs as workflow

    done = workflow.sync_capture_job(_with_overrides(ctx, database_url=database_url), "teardown")
    echo("\n".join(done) if done else "No WAL capture to tear down.")


@sync.command("status")
@_SOURCE_OPTION
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@pass_ctx
def sync_status(ctx: Context, database_url: str | None, fmt: str) -> None:
    """The capture in use, the graph's position, the slot's lag and retained WAL; warns
    when the retained WAL grows dangerous (exit 1 when the slot was invalidated)."""
    from vivim_graph import jobs as workflow
    from vivim_graph.cli.output import print_sync_status

    result = workflow.sync_status_job(_with_overrides(ctx, database_url=database_url))
    print_sync_status(*result, fmt=fmt)
    if result[3].wal_status == "lost":
        raise SystemExit(1)


@cli.command()
@click.option("--database-url", envvar="DATABASE_URL", help="Compare against this PostgreSQL.")
@click.option(
    "--deep", is_flag=True, help="Compare every property of every node and relationship too."
)
@pass_ctx
def check(ctx: Context, database_url: str | None, deep: bool) -> None:
    """Reconcile rows with nodes and foreign keys with relationships; exit 1 on a mismatch."""
    from vivim_graph import jobs as workflow
    from vivim_graph.cli.output import print_check_report

    report = workflow.run_check(_with_overrides(ctx, database_url=database_url), deep=deep)
    print_check_report(report)
    if not report.ok:
        raise SystemExit(1)


@cli.group()
def model() -> None:
    """The graph model (graph/model.yaml) and what derives from it."""


@model.command("draft")
@click.option(
    "--write/--check",
    default=False,
    help="Write the merged model, or only report what the model lacks.",
)
@pass_ctx
def model_draft(ctx: Context, write: bool) -> None:
    """Compare the model with the live catalog; propose entries for what it lacks."""
    from vivim_graph.jobs import ensure_source
    from vivim_graph.model import render as model_tools

    url = ensure_source(ctx.settings, echo=lambda _: None)
    changes = model_tools.draft(url, write=write)
    for line in changes:
        echo(line)
    if changes and not write:
        raise SystemExit(1)
    if not changes:
        echo("The model covers every table and column of the database.")


@model.command("render")
@click.option(
    "--check",
    "check_only",
    is_flag=True,
    help="Fail if a derived file is out of date instead of writing it.",
)
def model_render(check_only: bool) -> None:
    """Write the files derived from the model: diagrams and the Browser style."""
    from vivim_graph.model import render as model_tools

    stale = model_tools.render(check_only=check_only)
    for path in stale:
        echo(("out of date: " if check_only else "wrote ") + str(path))
    if check_only and stale:
        raise SystemExit(1)


def _with_overrides(ctx: Context, **overrides: Any) -> Settings:
    from pydantic import SecretStr

    values = {k: v for k, v in overrides.items() if v is not None}
    if "database_url" in values:
        values["database_url"] = SecretStr(values["database_url"])
    return ctx.settings.model_copy(update=values) if values else ctx.settings
