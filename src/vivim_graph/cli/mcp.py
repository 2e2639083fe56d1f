"""`vivim-graph mcp`: serve the cost graph to AI agents (see vivim_graph.agents)."""

from __future__ import annotations

import os

import click


@click.command("mcp")
@click.option("--transport", type=click.Choice(["stdio", "http"]), default="stdio")
@click.option("--host", default="127.0.0.1", show_default=True, help="HTTP bind address.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535))
@click.option(
    "--token-env",
    default="VIVIM_MCP_TOKEN",
    show_default=True,
    help="Environment variable holding the bearer token for HTTP (never a command argument).",
)
@click.option(
    "--allowed-host", "allowed_hosts", multiple=True, help="Extra Host name clients may use."
)
@click.option("--timeout", default=15.0, show_default=True, help="Seconds per read_cypher.")
@click.option("--max-rows", default=1000, show_default=True, type=click.IntRange(1))
@click.pass_context
def mcp_command(
    click_ctx: click.Context,
    transport: str,
    host: str,
    port: int,
    token_env: str,
    allowed_hosts: tuple[str, ...],
    timeout: float,
    max_rows: int,
) -> None:
    """Serve the cost graph to AI agents over the Model Context Protocol."""
    # Imported here: the MCP SDK costs about half a second, which no other command should pay.
    from vivim_graph.agents.server import serve
    from vivim_graph.queries.guard import Limits

    serve(
        click_ctx.obj.settings,
        transport=transport,
        host=host,
        port=port,
        token=os.environ.get(token_env) or None,
        token_env=token_env,
        allowed_hosts=allowed_hosts,
        limits=Limits(timeout_seconds=timeout, max_rows=max_rows),
        announce=lambda line: click.echo(line, err=True),
    )
