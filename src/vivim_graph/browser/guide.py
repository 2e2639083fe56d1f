"""The guided tour of the cost graph in Neo4j Browser, generated from the query catalog.

The guide is one HTML file in the format Browser's ``:play <url>`` renders: an
``<article class="guide">`` holding a ``<carousel>`` of ``<slide>``s. Browser gives every
``<pre class="runnable">`` a play icon that runs it, and a click on the text puts it in the
editor. The tour's stops name catalog queries; the rest of the catalog (views, impact
scenarios, graph queries) follows, each with its ``:param`` lines, so a query added under
``cypher/`` appears the next time the guide is written.

The local server serves the guide and the style from its Browser static files
(``<home>/web/browser/guides/``, see ``local_neo4j``); its ``browser.post_connect_cmd``
runs ``:style`` and ``:play`` on every connect. For a remote server or Aura,
``vivim-graph guide --out DIR`` writes the same two files and says how to open them.
"""

from __future__ import annotations

import datetime as dt
import html
import json
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from vivim_graph.errors import GuideError
from vivim_graph.model.style import text_color
from vivim_graph.queries.catalog import FOLDERS, NamedQuery, Parameter, catalog
from vivim_graph.queries.questions import TOUR, Stop
from vivim_graph.resources import resource_dir
from vivim_graph.servers.browser_files import GUIDE_DIR, GUIDE_FILE, STYLE_FILE, style_url

TITLE = "VIVIM cost drivers"
PER_SLIDE = 4  # catalog queries per slide: a slide should not need much scrolling


FOLDER_TITLES = {
    "views": "Named views",
    "impact": "Impact scenarios",
    "explore": "Graph queries",
}


# --------------------------------------------------------------------------- Cypher literals
def cypher_literal(value: Any) -> str:
    """A Python value as a Cypher literal, for Browser's ``:param name => literal``."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, dt.date):
        return f"date('{value.isoformat()}')"
    if isinstance(value, str):
        escaped = value.replace("\\", "\\\\").replace("'", "\\'")
        return f"'{escaped}'"
    if isinstance(value, list | tuple):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    if isinstance(value, dict):
        items = (f"`{k}`: {cypher_literal(v)}" for k, v in value.items())
        return "{" + ", ".join(items) + "}"
    raise GuideError(f"cannot write {value!r} ({type(value).__name__}) as a Cypher literal")


_EXAMPLE = re.compile(r"\be\.g\.\s*(.+)$", re.S)


def example_value(query: NamedQuery, param: Parameter) -> Any:
    """The value a ``:param`` line sets: the default; for a required parameter without one,
    the header's ``example:`` entry or the ``e.g.`` in its description; else null."""
    if param.default is not None or not param.required:
        return param.default
    examples = query.extra.get("example") or query.extra.get("examples") or {}
    if isinstance(examples, dict) and param.name in examples:
        return examples[param.name]
    match = _EXAMPLE.search(param.description)
    if not match:
        return None
    text = match.group(1).strip()
    try:
        value, _ = json.JSONDecoder().raw_decode(text)
        return value
    except ValueError:
        token = re.split(r"[\s;,)]", text, maxsplit=1)[0].rstrip(".")
        return token or None


def param_lines(query: NamedQuery) -> list[str]:
    """One ``:param`` command per parameter; ``;`` lets Browser run them as one block."""
    return [
        f":param {p.name} => {cypher_literal(example_value(query, p))};" for p in query.parameters
    ]


def cypher_body(query: NamedQuery) -> str:
    """The query without its leading comment header: the guide shows the question instead.
    Only whole leading ``//`` lines go; comments inside the query stay as they are."""
    lines = query.text.strip().splitlines()
    while lines and (not lines[0].strip() or lines[0].lstrip().startswith("//")):
        lines.pop(0)
    return "\n".join(lines).rstrip()


# --------------------------------------------------------------------------- HTML
def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _query_html(query: NamedQuery) -> str:
    parts = [
        f"<h4><code>{_e(query.name)}</code></h4>",
        f"<p>{_e(query.question)}</p>",
    ]
    if query.parameters:
        rows = "".join(
            f"<li><code>{_e(p.name)}</code> ({_e(p.type)}"
            + (", required" if p.required else "")
            + (f"): {_e(p.description)}" if p.description else ")")
            + "</li>"
            for p in query.parameters
        )
        missing = [
            p.name for p in query.parameters if p.required and example_value(query, p) is None
        ]
        note = (
            f"<p><strong>Set {_e(', '.join(missing))} before running.</strong></p>"
            if missing
            else ""
        )
        parts += [
            f"<p>Parameters: set them first (edit the values in the editor if you like).</p>"
            f"<ul>{rows}</ul>{note}",
            _runnable("\n".join(param_lines(query)), mode="text"),
        ]
    parts.append(_runnable(cypher_body(query)))
    parts.append(
        f'<p class="small">Same rows on the command line: '
        f"<code>vivim-graph query {_e(query.name)}</code></p>"
    )
    return "\n".join(parts)


def _runnable(text: str, *, mode: str = "cypher") -> str:
    return f'<pre mode="{mode}" class="pre-scrollable code runnable">{_e(text)}</pre>'


def _slide(title: str, lead: str, body: str) -> str:
    return (
        '<slide class="row-fluid">\n'
        f'<div class="col-sm-3"><h3>{_e(title)}</h3><p class="lead">{_e(lead)}</p></div>\n'
        f'<div class="col-sm-9">\n{body}\n</div>\n'
        "</slide>"
    )


def _intro_slide(stops: Sequence[Stop], style_href: str | None, modules: list[Any]) -> str:
    items = "".join(f"<li>{_e(s.title)}</li>" for s in stops)
    swatches = " ".join(
        f'<span style="display:inline-block;padding:2px 6px;margin:2px;border-radius:8px;'
        f'background:{_e(m.color)};color:{text_color(m.color)}">{_e(m.name)}</span>'
        for m in modules
    )
    if style_href:
        style = (
            "<p>The graph style (one hue per module, a shade per label, readable captions) was "
            "applied when you connected. To apply it again:</p>"
            + _runnable(f":style {style_href}", mode="text")
        )
    else:
        style = (
            "<p>Apply the graph style: drag <code>graph/style.grass</code> onto the Browser "
            "window, or run <code>:style</code> and paste the file.</p>"
        )
    body = f"""
<p>VIVIM's cost database as a graph: every table is a label, every foreign key a
relationship. This tour answers the main cost questions with queries you run by clicking
the <i class="fa fa-play-circle-o"></i> icon (click the text to put it in the editor).</p>
<ol>{items}</ol>
<p>Then every named query of the project follows: views, impact scenarios and graph
queries, each with its parameters as <code>:param</code> lines.</p>
{style}
<p>Colours by module: {swatches}</p>
<p>Start with Malta:</p>
{_runnable(cypher_body(catalog()["explore/malta_cost_drivers"]))}
"""
    return _slide(TITLE, "A guided tour of what drives VIVIM's costs.", body)


def _chunks(items: Sequence[NamedQuery], size: int) -> Iterable[Sequence[NamedQuery]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def build_guide(
    queries: dict[str, NamedQuery] | None = None,
    *,
    style_href: str | None = None,
    stops: Sequence[Stop] = TOUR,
) -> str:
    """The guide's HTML. ``style_href``: where ``:style`` can fetch the style, if anywhere."""
    from vivim_graph.model.spec import load_model

    queries = queries if queries is not None else catalog()
    unknown = sorted({n for s in stops for n in s.queries} - set(queries))
    if unknown:
        raise GuideError(
            f"the Browser guide's tour names queries that are not in cypher/: {', '.join(unknown)}",
            hint="rename them in vivim_graph.browser.guide.TOUR, or restore the files",
        )
    slides = [_intro_slide(stops, style_href, list(load_model().modules))]
    for stop in stops:
        body = "\n<hr/>\n".join(_query_html(queries[n]) for n in stop.queries)
        slides.append(_slide(stop.title, stop.lead, body))
    for folder in FOLDERS:
        members = [q for q in queries.values() if q.folder == folder]
        groups = list(_chunks(members, PER_SLIDE))
        for number, group in enumerate(groups, start=1):
            title = FOLDER_TITLES.get(folder, folder)
            if len(groups) > 1:
                title += f" ({number}/{len(groups)})"
            lead = f"cypher/{folder}/: " + ", ".join(q.name.split("/")[-1] for q in group)
            body = "\n<hr/>\n".join(_query_html(q) for q in group)
            slides.append(_slide(title, lead, body))
    return (
        f"<!-- {TITLE}: generated by vivim-graph from cypher/ and graph/; do not edit. -->\n"
        '<article class="guide">\n<carousel class="deck container-fluid">\n'
        + "\n".join(slides)
        + "\n</carousel>\n</article>\n"
    )


# --------------------------------------------------------------------------- files
@dataclass(frozen=True)
class GuideFiles:
    html: Path
    style: Path
    queries: int


def write_guide(directory: Path, *, style_href: str | None = None) -> GuideFiles:
    """Write the guide and the style (graph/style.grass, generated from the model)."""
    queries = catalog()
    text = build_guide(queries, style_href=style_href)
    directory.mkdir(parents=True, exist_ok=True)
    html_path, style_path = directory / GUIDE_FILE, directory / STYLE_FILE
    _write_atomically(html_path, text)
    _write_atomically(style_path, served_style())
    return GuideFiles(html_path, style_path, len(queries))


def served_style() -> str:
    """graph/style.grass without comments, which Browser's grass parser does not know."""
    text = (resource_dir("graph") / "style.grass").read_text(encoding="utf-8")
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S).strip() + "\n"


def _write_atomically(path: Path, text: str) -> None:
    """The server may be serving the file right now: never let it see half of it."""
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(path)


def write_served_guide(web_root: Path, http_base: str) -> GuideFiles:
    """Regenerate the guide where a local server serves it (``web_root/browser/guides``)."""
    catalog.cache_clear()  # query files may have been added since this process read them
    directory = web_root / "browser" / GUIDE_DIR
    return write_guide(directory, style_href=style_url(http_base))
