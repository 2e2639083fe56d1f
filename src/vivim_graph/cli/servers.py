"""`vivim-graph neo4j|postgres|doctor`: the local servers and the connection checks."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from vivim_graph.cli.app import Context, cli, echo, pass_ctx

if TYPE_CHECKING:
    pass


# --------------------------------------------------------------------------- neo4j
@cli.group()
def neo4j() -> None:
    """Run the local Neo4j server (from Maven Central artifacts, no Docker)."""


@neo4j.command("start")
@click.option(
    "--version",
    "version",
    metavar="VERSION",
    help="Neo4j to run: a line (5.26.x, 2025.x, 2026.x) or an exact version "
    "[default: VIVIM_NEO4J_VERSION, else 5.26.x]. Calendar versions need Java 21+.",
)
@pass_ctx
def neo4j_start(ctx: Context, version: str | None) -> None:
    """Start the local server; returns once Bolt answers."""
    from vivim_graph.jobs import local_neo4j
    from vivim_graph.settings import resolve_neo4j_version

    settings = ctx.settings
    if version is not None:
        settings = settings.model_copy(
            update={"neo4j_version": resolve_neo4j_version(version, "--version")}
        )
    status = local_neo4j(settings).start(echo=echo)
    echo(status.describe())


@neo4j.command("stop")
@pass_ctx
def neo4j_stop(ctx: Context) -> None:
    """Stop the local server and free its ports."""
    from vivim_graph.servers.local_neo4j import LocalNeo4j

    stopped = LocalNeo4j(ctx.settings).stop()
    echo("Neo4j stopped." if stopped else "Neo4j was not running.")


@neo4j.command("status")
@pass_ctx
def neo4j_status(ctx: Context) -> None:
    """Say whether the local server runs, its version and URIs."""
    from vivim_graph.servers.local_neo4j import LocalNeo4j

    echo(LocalNeo4j(ctx.settings).status().describe())


@neo4j.command("logs")
@click.option("-n", "--lines", default=40, show_default=True, help="How many lines.")
@pass_ctx
def neo4j_logs(ctx: Context, lines: int) -> None:
    """Print the tail of the server log."""
    from vivim_graph.servers.local_neo4j import LocalNeo4j

    echo(LocalNeo4j(ctx.settings).log_tail(lines))


@neo4j.command("reset")
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@pass_ctx
def neo4j_reset(ctx: Context, yes: bool) -> None:
    """Stop the local server and delete its data (the password is set again on start)."""
    import shutil

    from vivim_graph.servers.local_neo4j import LocalNeo4j

    server = LocalNeo4j(ctx.settings)
    if not yes:
        click.confirm(f"Delete all data under {server.home / 'data'}?", abort=True)
    server.stop()
    shutil.rmtree(server.home / "data", ignore_errors=True)
    echo(f"Deleted {server.home / 'data'}.")


# --------------------------------------------------------------------------- postgres
@cli.group()
def postgres() -> None:
    """Run the embedded PostgreSQL 16 (pgserver, no install)."""


@postgres.command("start")
@pass_ctx
def postgres_start(ctx: Context) -> None:
    """Start the embedded server and create the cost database."""
    from vivim_graph.sources.postgres import EmbeddedPostgres

    server = EmbeddedPostgres(ctx.settings)
    server.start()
    echo(server.status().describe())


@postgres.command("stop")
@pass_ctx
def postgres_stop(ctx: Context) -> None:
    """Stop the embedded server."""
    from vivim_graph.sources.postgres import EmbeddedPostgres

    stopped = EmbeddedPostgres(ctx.settings).stop()
    echo("PostgreSQL stopped." if stopped else "PostgreSQL was not running.")


@postgres.command("status")
@pass_ctx
def postgres_status(ctx: Context) -> None:
    """Say whether the embedded server runs, and its URL."""
    from vivim_graph.sources.postgres import EmbeddedPostgres

    echo(EmbeddedPostgres(ctx.settings).status().describe())


# --------------------------------------------------------------------------- doctor
@cli.command()
@pass_ctx
def doctor(ctx: Context) -> None:
    """Check the Neo4j and PostgreSQL connections and print their versions."""
    from vivim_graph.doctor import run_checks

    checks = run_checks(ctx.settings)
    for check in checks:
        mark = "ok  " if check.ok else "FAIL"
        echo(f"[{mark}] {check.name}: {check.detail}")
        if check.hint:
            echo(f"       hint: {check.hint}")
    if not all(c.ok for c in checks):
        raise SystemExit(1)
