"""MCP server for AI agents (issue 8). Placeholder: replaced by the real server."""

from __future__ import annotations

import click


@click.command("mcp")
def mcp_command() -> None:
    """Serve the cost graph to AI agents over the Model Context Protocol."""
    raise click.ClickException("not built yet")
