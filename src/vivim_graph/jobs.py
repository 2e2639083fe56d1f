"""Multi-step jobs the CLI runs: the README's main command, and the relational load."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from vivim_graph.browser.guide import write_served_guide
from vivim_graph.servers.browser_files import guide_url
from vivim_graph.servers.local_neo4j import LocalNeo4j, port_open
from vivim_graph.settings import Settings, check_neo4j_uri
from vivim_graph.sources.postgres import EmbeddedPostgres, connect, resolve_database_url
from vivim_graph.sources.relational import LoadReport, load_seeds

Echo = Callable[[str], None]


def local_neo4j(settings: Settings) -> LocalNeo4j:
    """The local server, serving the Browser guide generated from the query catalog."""
    return LocalNeo4j(settings, web_content=write_served_guide)


def load_relational(
    settings: Settings, *, reset: bool, echo: Echo, seeds: Path | None = None
) -> LoadReport:
    """Load the seeds (``seeds`` or the shipped folder) into DATABASE_URL, or the embedded
    server (started if needed)."""
    url = resolve_database_url(settings)
    admin_url = None
    if reset:
        if settings.database_url is None:
            admin_url = EmbeddedPostgres(settings).admin_url()
        else:
            from vivim_graph.sources.postgres import with_database

            admin_url = with_database(url, "postgres")
    return load_seeds(
        url, reset=reset, admin_url=admin_url, seeds=seeds, progress=lambda f: echo(f"  {f}")
    )


def relational_is_loaded(url: str) -> bool:
    with connect(url) as conn:
        row = conn.execute("SELECT to_regclass('public.locations') IS NOT NULL").fetchone()
        return bool(row and row[0])


def ensure_source(settings: Settings, *, echo: Echo, model=None) -> str:
    """The PostgreSQL to import from: DATABASE_URL as it is, or the embedded server with
    the seeds loaded (loading them the first time). With ``model``, a database the model
    does not fit (empty, or a table or column on one side only) is refused here."""
    url = resolve_database_url(settings)
    if settings.database_url is None and not relational_is_loaded(url):
        echo("Loading the VIVIM cost database into the embedded PostgreSQL:")
        report = load_relational(settings, reset=False, echo=echo)
        echo(f"Loaded {len(report.files)} SQL files in {report.seconds:.1f} s.")
    if model is not None:
        from vivim_graph.model.draft import check_source
        from vivim_graph.sources.postgres import redact

        with connect(url) as conn:
            check_source(conn, model, source=redact(url))
    return url


def run_import(
    settings: Settings, *, echo: Echo, progress=None, wait: bool = False, waiting: Echo = print
):
    """`vivim-graph import`: replicate every table of the model into Neo4j.

    It holds the graph's writer lock (as ``sync`` does), so an import and a sync never
    sweep each other's nodes; with ``wait`` it queues behind the running writer, saying so
    through ``waiting``.
    """
    from vivim_graph.load.importer import import_graph
    from vivim_graph.load.sync import NEO4J_GONE, neo4j_stopped
    from vivim_graph.load.writer_lock import writer_lock
    from vivim_graph.model.spec import load_model
    from vivim_graph.neo4j_db import open_driver

    check_neo4j_uri(settings.bolt_uri)  # a bad NEO4J_URI fails before any other work
    model = load_model()
    url = ensure_source(settings, echo=echo, model=model)
    with open_driver(settings) as driver, connect(url) as conn:
        try:
            with writer_lock(driver, settings.neo4j_database, "import", wait=wait, waiting=waiting):
                return import_graph(
                    driver,
                    conn,
                    model,
                    database=settings.neo4j_database,
                    batch_size=settings.batch_size,
                    progress=progress or (lambda *_: None),
                )
        except NEO4J_GONE as e:
            raise neo4j_stopped(e, "vivim-graph import") from e


def run_offline_import(settings: Settings, *, echo: Echo, progress=None):
    """`vivim-graph import --offline`: a first load of the local server through
    ``neo4j-admin database import`` (see ``load.offline``); refused for any other target or
    a graph that is not empty."""
    from vivim_graph.load.offline import offline_import, refuse_unless_local
    from vivim_graph.model.spec import load_model

    check_neo4j_uri(settings.bolt_uri)
    refuse_unless_local(settings)  # before any other work
    model = load_model()
    url = ensure_source(settings, echo=echo, model=model)
    with connect(url) as conn:
        return offline_import(
            local_neo4j(settings), conn, model, echo=echo, progress=progress or (lambda *_: None)
        )


def run_sync(
    settings: Settings,
    *,
    full: bool,
    dry_run: bool,
    wait: bool,
    watch: float | None,
    report,
    progress=None,
    echo: Echo = lambda _: None,
    capture: str = "triggers",
) -> None:
    """`vivim-graph sync`: once, or every ``watch`` seconds until interrupted.

    ``capture`` is 'triggers', 'wal' or 'auto' (see ``wal_capture.choose_capture``); the
    choice is said through ``echo``.

    SIGINT and SIGTERM are caught for the whole command, between runs as well as during
    one: the run under way finishes its current batch and stops cleanly.
    """
    import time

    from vivim_graph.load.sync import Interrupt, sync_once
    from vivim_graph.model.spec import load_model
    from vivim_graph.neo4j_db import open_driver
    from vivim_graph.sources.postgres import redact

    check_neo4j_uri(settings.bolt_uri)  # a bad NEO4J_URI fails before any other work
    started = time.time()  # the reported time includes loading the model and connecting
    model = load_model()
    url = ensure_source(settings, echo=lambda _: None, model=model)
    interrupt = Interrupt()
    with interrupt.armed(), open_driver(settings) as driver, connect(url) as conn:
        once = _sync_capture(driver, conn, settings, redact(url), capture, echo) or sync_once
        while not interrupt.requested:
            summary = once(
                driver,
                conn,
                model,
                source=redact(url),
                database=settings.neo4j_database,
                batch_size=settings.batch_size,
                full=full,
                dry_run=dry_run,
                wait=wait,
                progress=progress or (lambda *_: None),
                interrupt=interrupt,
                started_at=started,
                waiting=echo,
            )
            report(summary)
            full, started = False, None
            if watch is None or summary.stopped_early:
                return
            deadline = time.monotonic() + watch
            while time.monotonic() < deadline and not interrupt.requested:
                time.sleep(0.2)


def _sync_capture(driver, conn, settings: Settings, source: str, capture: str, echo: Echo):
    """The WAL path's run function when ``capture`` resolves to it (None: the triggers)."""
    from vivim_graph.load import wal_capture

    chosen, why = wal_capture.choose_capture(driver, settings.neo4j_database, conn, source, capture)
    echo(f"capture: {chosen} ({why})")
    return wal_capture.sync_once_wal if chosen == "wal" else None


def sync_capture_job(settings: Settings, action: str) -> list[str]:
    """`vivim-graph sync setup|teardown`: the WAL capture's slot and publication."""
    from vivim_graph.load import wal_capture
    from vivim_graph.model.spec import load_model

    model = load_model()
    url = ensure_source(settings, echo=lambda _: None, model=model)
    with connect(url) as conn:
        if action == "setup":
            return wal_capture.setup(conn, model)
        return wal_capture.teardown(conn)


def sync_status_job(settings: Settings):
    """`vivim-graph sync status`: (capture in use, the slot's state, the graph's positions)."""
    from vivim_graph.load import wal_capture
    from vivim_graph.neo4j_db import open_driver
    from vivim_graph.sources.postgres import redact

    check_neo4j_uri(settings.bolt_uri)
    url = resolve_database_url(settings)
    with open_driver(settings) as driver, connect(url) as conn:
        positions = wal_capture.read_positions(driver, settings.neo4j_database, redact(url))
        chosen, why = wal_capture.choose_capture(
            driver, settings.neo4j_database, conn, redact(url), "auto"
        )
        return chosen, why, positions, wal_capture.slot_status(conn, positions.lsn)


def run_check(settings: Settings, *, deep: bool = False):
    from vivim_graph.load.check import check_graph
    from vivim_graph.model.draft import check_source
    from vivim_graph.model.spec import load_model
    from vivim_graph.neo4j_db import open_driver
    from vivim_graph.sources.postgres import redact

    check_neo4j_uri(settings.bolt_uri)  # a bad NEO4J_URI fails before any other work
    model = load_model()
    url = resolve_database_url(settings)
    with connect(url) as conn:
        check_source(conn, model, source=redact(url))
    with open_driver(settings) as driver, connect(url) as conn:
        return check_graph(
            driver,
            conn,
            model,
            database=settings.neo4j_database,
            batch_size=settings.batch_size,
            deep=deep,
        )


def _start_local_neo4j(settings: Settings, *, echo: Echo) -> None:
    """Start the local server when NEO4J_URI is unset or names its own address (unless
    another program already answers there: then NEO4J_URI is taken at its word)."""
    if not settings.names_local_neo4j:
        refuse_silent_local_address(settings)
        return
    server = local_neo4j(settings)
    if not settings.uses_local_neo4j:
        if not server.status().running and port_open(settings.neo4j_bolt_port):
            return  # a Neo4j of the user's own (Docker, Desktop) at that address
        echo(f"NEO4J_URI names the local server's address ({settings.neo4j_uri}): starting it.")
    echo(server.start(echo=echo).describe())


LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")


def refuse_silent_local_address(settings: Settings) -> None:
    """NEO4J_URI names this machine, at a port that is not the local server's and where
    nothing answers: say so plainly (and how to have `up` start the local server there),
    instead of the driver's "Unable to retrieve routing information" after other work."""
    import socket
    from urllib.parse import urlsplit

    from vivim_graph.errors import ConnectionFailed

    uri = settings.bolt_uri
    parts = urlsplit(uri)
    if parts.scheme not in ("neo4j", "bolt") or parts.hostname not in LOCAL_HOSTS:
        return
    port = parts.port or 7687
    try:
        socket.create_connection((parts.hostname, port), timeout=2).close()
        return  # a Neo4j of the user's own answers there
    except OSError:
        pass
    shown = f"{parts.scheme}://{parts.netloc.rpartition('@')[2]}"
    raise ConnectionFailed(
        f"nothing answers at NEO4J_URI {shown}: no server listens on port {port} of this "
        f"machine, and the local server vivim-graph runs is set to port "
        f"{settings.neo4j_bolt_port} (VIVIM_NEO4J_BOLT_PORT)",
        uri=shown,
        hint=f"to have `up` start the local server at that address, set "
        f"VIVIM_NEO4J_BOLT_PORT={port} (or unset NEO4J_URI); else start the Neo4j it names",
    )


FIRST_QUERIES = ("malta_cost_drivers", "milestone_hub", "cloud_providers")


def up(settings: Settings, *, echo: Echo, progress=None):
    """Start everything on the embedded defaults, load and import the seeds, say where to look."""
    from vivim_graph.resources import resource_dir

    check_neo4j_uri(settings.bolt_uri)
    _start_local_neo4j(settings, echo=echo)
    if settings.database_url is None:
        postgres = EmbeddedPostgres(settings)
        postgres.start()
        echo(postgres.status().describe())
    summary = run_import(settings, echo=echo, progress=progress)
    style = resource_dir("graph") / "style.grass"
    explore = resource_dir("cypher") / "explore"
    lines = [
        "",
        f"Neo4j Browser: {settings.browser_url}",
        f"  log in as {settings.neo4j_username} with NEO4J_PASSWORD"
        + (" (local default: vivim-local-only)" if settings.uses_local_neo4j else ""),
    ]
    if settings.uses_local_neo4j:
        http = f"http://127.0.0.1:{settings.neo4j_http_port}"
        lines += [
            "  on connect, a guided tour of the cost questions opens, with every named query,",
            "  and the graph style (one hue per module) is applied; reopen the tour with:",
            f"     :play {guide_url(http)}",
        ]
    else:
        lines += [
            f"  style: drag {style} onto the Browser window (a hue per module, shades per label)",
            "  guided tour: vivim-graph guide --out DIR writes it, and says how to open it",
        ]
    lines.append("  first queries to paste:")
    for name in FIRST_QUERIES:
        text = (explore / f"{name}.cypher").read_text(encoding="utf-8")
        body = " ".join(
            line.strip()
            for line in text.splitlines()
            if line.strip() and not line.lstrip().startswith("//")
        )
        lines += [f"  -- {name}:", f"     {body}"]
    lines.append("Stop the servers with: vivim-graph neo4j stop; vivim-graph postgres stop")
    return summary, "\n".join(lines)
