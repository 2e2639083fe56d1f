"""Multi-step jobs the CLI runs: the README's main command, and the relational load."""

from __future__ import annotations

from collections.abc import Callable

from vivim_graph.local_neo4j import LocalNeo4j
from vivim_graph.postgres import EmbeddedPostgres, connect, resolve_database_url
from vivim_graph.relational import LoadReport, load_seeds
from vivim_graph.settings import Settings

Echo = Callable[[str], None]


def load_relational(settings: Settings, *, reset: bool, echo: Echo) -> LoadReport:
    """Load the seeds into DATABASE_URL, or the embedded server (started if needed)."""
    url = resolve_database_url(settings)
    admin_url = None
    if reset:
        if settings.database_url is None:
            admin_url = EmbeddedPostgres(settings).admin_url()
        else:
            from vivim_graph.postgres import with_database

            admin_url = with_database(url, "postgres")
    return load_seeds(url, reset=reset, admin_url=admin_url, progress=lambda f: echo(f"  {f}"))


def relational_is_loaded(url: str) -> bool:
    with connect(url) as conn:
        row = conn.execute("SELECT to_regclass('public.locations') IS NOT NULL").fetchone()
        return bool(row and row[0])


def ensure_source(settings: Settings, *, echo: Echo) -> str:
    """The PostgreSQL to import from: DATABASE_URL as it is, or the embedded server with
    the seeds loaded (loading them the first time)."""
    url = resolve_database_url(settings)
    if settings.database_url is None and not relational_is_loaded(url):
        echo("Loading the VIVIM cost database into the embedded PostgreSQL:")
        report = load_relational(settings, reset=False, echo=echo)
        echo(f"Loaded {len(report.files)} SQL files in {report.seconds:.1f} s.")
    return url


def run_import(settings: Settings, *, echo: Echo, progress=None):
    """`vivim-graph import`: replicate every table of the model into Neo4j."""
    from vivim_graph.importer import import_graph
    from vivim_graph.model import load_model
    from vivim_graph.neo4j_db import open_driver

    model = load_model()
    url = ensure_source(settings, echo=echo)
    with open_driver(settings) as driver, connect(url) as conn:
        return import_graph(
            driver,
            conn,
            model,
            database=settings.neo4j_database,
            batch_size=settings.batch_size,
            progress=progress or (lambda *_: None),
        )


def run_check(settings: Settings):
    from vivim_graph.check import check_graph
    from vivim_graph.model import load_model
    from vivim_graph.neo4j_db import open_driver

    model = load_model()
    with open_driver(settings) as driver, connect(resolve_database_url(settings)) as conn:
        return check_graph(
            driver, conn, model, database=settings.neo4j_database, batch_size=settings.batch_size
        )


def up(settings: Settings, *, echo: Echo) -> None:
    """Start everything on the embedded defaults, load and import the seeds, say where to look."""
    if settings.uses_local_neo4j:
        status = LocalNeo4j(settings).start(echo=echo)
        echo(status.describe())
    url = resolve_database_url(settings)
    if relational_is_loaded(url):
        echo(
            "PostgreSQL: the cost database is already loaded (reload: vivim-graph db load --reset)."
        )
    else:
        echo("Loading the VIVIM cost database into PostgreSQL:")
        report = load_relational(settings, reset=False, echo=echo)
        echo(f"Loaded {len(report.files)} SQL files in {report.seconds:.1f} s.")
    echo("")
    echo(
        f"Neo4j Browser: {settings.browser_url}  (user {settings.neo4j_username}, "
        "password from NEO4J_PASSWORD; the local default is in the README)"
    )
    echo("Stop everything with: vivim-graph neo4j stop && vivim-graph postgres stop")
