"""`vivim-graph guide`: write the Neo4j Browser guide and say how to open it."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from vivim_graph.servers.browser_files import GUIDE_FILE, guide_url, style_url

if TYPE_CHECKING:
    from vivim_graph.settings import Settings


@click.command("guide")
@click.option(
    "--out",
    "out_dir",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="Write vivim.html and vivim.grass here (for a remote server or Aura) instead of "
    "into the local server's Browser files.",
)
def guide_command(out_dir: Path | None) -> None:
    """Write the Neo4j Browser guide and say how to open it."""
    from vivim_graph.settings import load_settings  # pydantic-settings: cuts start-up

    settings = load_settings()
    if out_dir is None and settings.uses_local_neo4j:
        click.echo(_write_for_local(settings))
    else:
        click.echo(_write_for_remote(out_dir or Path("vivim-guide"), settings.bolt_uri))


def _write_for_local(settings: Settings) -> str:
    # Imported here: the guide reads the query catalog, which loads the Neo4j driver.
    from vivim_graph.browser.guide import write_served_guide
    from vivim_graph.servers.local_neo4j import LocalNeo4j

    server = LocalNeo4j(settings)
    files = write_served_guide(server.web_root, server.http_base)
    status = server.status()
    lines = [
        f"Wrote the Neo4j Browser guide ({files.queries} named queries) to {files.html}",
        f"  and the style to {files.style}.",
        f"It opens by itself when you connect at {settings.browser_url}",
        "  (browser.post_connect_cmd in the server's neo4j.conf). To open it by hand:",
        f"  :play {guide_url(server.http_base)}",
        f"  :style {style_url(server.http_base)}",
    ]
    if not status.running:
        lines.append("The local server is not running: start it with vivim-graph neo4j start.")
    return "\n".join(lines)


def _write_for_remote(out_dir: Path, bolt_uri: str) -> str:
    from vivim_graph.browser.guide import write_guide  # see _write_for_local

    files = write_guide(out_dir)
    return "\n".join(
        [
            f"Wrote the Neo4j Browser guide ({files.queries} named queries) to {files.html}",
            f"  and the style to {files.style}, for {bolt_uri}.",
            "Browser fetches :play guides only from hosts in the server's",
            "  browser.remote_content_hostname_whitelist (default: guides.neo4j.com, localhost),",
            "  over CORS. Put vivim.html on such a host, then run in Browser:",
            f"  :play https://<allowed host>/<path>/{GUIDE_FILE}",
            f"Style: drag {files.style} onto the Browser window, or run :style and paste it.",
        ]
    )
