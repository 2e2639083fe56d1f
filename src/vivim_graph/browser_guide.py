"""Neo4j Browser guided tour (issue 7, part 5). Placeholder: replaced by the real guide."""

from __future__ import annotations

import click


@click.command("guide")
def guide_command() -> None:
    """Write the Neo4j Browser guide and say how to open it."""
    raise click.ClickException("not built yet")
