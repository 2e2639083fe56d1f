"""The Neo4j Browser's static files for the local server, and the settings that open the
guided tour on connect.

The server serves the first ``browser/`` directory on its classpath at /browser/. The local
runner puts ``<home>/web`` before ``lib/`` (which holds the Browser jar) and mirrors the
jar's files there, so the guide in ``<home>/web/browser/guides/`` is served beside them and
can be rewritten while the server runs: no extra web server, no re-packed jar.
"""

from __future__ import annotations

import os
import shutil
import zipfile
from pathlib import Path

from vivim_graph.errors import LocalServerError
from vivim_graph.servers.fill_once import fill_once

BROWSER_VERSION = "5.24.0"  # newest Neo4j Browser published on Maven Central
GUIDE_DIR = "guides"  # under the Browser's static root, so served at /browser/guides/
GUIDE_FILE = "vivim.html"
STYLE_FILE = "vivim.grass"


def guide_url(http_base: str) -> str:
    return f"{http_base.rstrip('/')}/browser/{GUIDE_DIR}/{GUIDE_FILE}"


def style_url(http_base: str) -> str:
    return f"{http_base.rstrip('/')}/browser/{GUIDE_DIR}/{STYLE_FILE}"


def post_connect_cmd(http_base: str) -> str:
    """Browser's ``browser.post_connect_cmd``: commands without their ``:``, ``;``-separated."""
    return f"play {guide_url(http_base)}; style {style_url(http_base)}"


def guide_config(http_base: str) -> list[str]:
    """neo4j.conf lines that make Browser apply the style and open the guide on connect.

    Browser runs each ``;``-separated command of ``browser.post_connect_cmd`` after a
    successful connect, prefixed with ``:``. ``:style URL`` and ``:play URL`` fetch only
    from hosts in the allowlist, whose default (guides.neo4j.com, localhost) lacks
    127.0.0.1, where this server listens.
    """
    return [
        f"browser.post_connect_cmd={post_connect_cmd(http_base)}",
        "browser.remote_content_hostname_whitelist=guides.neo4j.com,localhost,127.0.0.1",
    ]


def browser_files(artifacts: Path) -> Path:
    """The Browser jar's ``browser/`` directory, unpacked once into the artifact cache."""
    target = artifacts / f"neo4j-browser-{BROWSER_VERSION}"
    marker = target / ".complete"

    def fill() -> None:
        jar = artifacts / "lib" / f"neo4j-browser-{BROWSER_VERSION}.jar"
        if not jar.exists():
            raise LocalServerError(
                f"the Neo4j Browser jar is missing from {jar.parent}",
                hint=f"delete {artifacts} so it is fetched again",
            )
        staging = target.with_name(target.name + ".partial")
        shutil.rmtree(staging, ignore_errors=True)
        with zipfile.ZipFile(jar) as archive:
            members = [m for m in archive.namelist() if m.startswith("browser/")]
            archive.extractall(staging, members=members)
        shutil.rmtree(target, ignore_errors=True)
        staging.rename(target)
        marker.write_text(BROWSER_VERSION, encoding="utf-8")

    fill_once(target, marker, fill)
    return target / "browser"


# Browser 5.24 on a Community server loads Segment (analytics.js), Canny (feedback widget)
# and Google Fonts once connected, whatever neo4j.conf says: it reads
# browser.allow_outgoing_connections on Enterprise only. The index.html the local server
# serves carries this policy, so the page loads nothing but from the local server (and talks
# Bolt to it over a WebSocket). :play of a guide on another host is refused as well.
OFFLINE_CSP = (
    "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
    "connect-src 'self' ws://127.0.0.1:* ws://localhost:* http://127.0.0.1:* "
    "http://localhost:*; worker-src 'self' blob:"
)


def offline_index(source: Path, target: Path) -> None:
    """Write ``target/index.html``: the Browser's own, with :data:`OFFLINE_CSP` first in
    ``<head>``. Replaced, never written in place: it may be a hard link into the cache."""
    text = (source / "index.html").read_text(encoding="utf-8")
    if "<head>" not in text:
        raise LocalServerError(
            f"{source / 'index.html'} has no <head> to hold the offline policy",
            hint=f"delete {source.parent} so the Browser jar is unpacked again",
        )
    meta = f'<meta http-equiv="Content-Security-Policy" content="{OFFLINE_CSP}"/>'
    served = text.replace("<head>", "<head>" + meta, 1)
    path = target / "index.html"
    if path.exists() and path.read_text(encoding="utf-8") == served:
        return
    partial = path.with_name("index.html.partial")
    partial.write_text(served, encoding="utf-8")
    partial.replace(path)


def link_browser_files(source: Path, target: Path) -> None:
    """Mirror the Browser's files into the home's web root, keeping ``guides/``, with the
    offline ``index.html``.

    Hard links cost no space; a copy is the fallback across file systems. A version
    stamp makes a home installed by an older Browser pick up the new files.
    """
    stamp = target / ".browser-version"
    if not (stamp.exists() and stamp.read_text(encoding="utf-8") == BROWSER_VERSION):
        _mirror(source, target)
        stamp.write_text(BROWSER_VERSION, encoding="utf-8")
    offline_index(source, target)


def _mirror(source: Path, target: Path) -> None:
    for entry in target.iterdir() if target.exists() else ():
        if entry.name != "guides":
            shutil.rmtree(entry) if entry.is_dir() else entry.unlink()

    def link(src: str, dst: str) -> None:
        try:
            os.link(src, dst)
        except OSError:
            shutil.copy2(src, dst)

    shutil.copytree(source, target, copy_function=link, dirs_exist_ok=True)
