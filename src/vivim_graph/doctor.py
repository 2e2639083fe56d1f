"""`vivim-graph doctor`: check both connections and say plainly what is wrong."""

from __future__ import annotations

from dataclasses import dataclass

from vivim_graph.errors import VivimGraphError
from vivim_graph.neo4j_db import make_driver, server_info
from vivim_graph.settings import Settings
from vivim_graph.sources.postgres import redact, resolve_database_url, server_version


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool
    detail: str
    hint: str | None = None


def run_checks(settings: Settings) -> list[Check]:
    checks = [check_neo4j(settings), check_postgres(settings)]
    if checks[1].ok:
        checks.append(check_capture(settings))
        checks.append(check_wal_capture(settings))
    return checks


def check_neo4j(settings: Settings) -> Check:
    uri = settings.bolt_uri
    try:
        driver = make_driver(settings)
    except VivimGraphError as e:
        return Check("neo4j", False, str(e), e.hint)
    try:
        info = server_info(driver, settings.neo4j_database)
        apoc = _apoc_version(driver, settings.neo4j_database)
    finally:
        driver.close()
    detail = (
        f"{info['name']} {info['version']} {info['edition']} at {uri} "
        f"(user {settings.neo4j_username}, database {settings.neo4j_database}); "
        f"APOC {apoc or 'not installed'}"
    )
    return Check("neo4j", True, detail)


def _apoc_version(driver, database: str) -> str | None:
    try:
        records, _, _ = driver.execute_query("RETURN apoc.version() AS v", database_=database)
        return str(records[0]["v"])
    except Exception:
        return None


def check_postgres(settings: Settings) -> Check:
    try:
        url = resolve_database_url(settings, start_embedded=False)
        version = server_version(url)
    except VivimGraphError as e:
        return Check("postgres", False, str(e), e.hint)
    source = "DATABASE_URL" if settings.database_url else "embedded"
    detail = f"PostgreSQL {version} at {redact(url)} ({source})"
    fit = _source_fits_model(url)
    if isinstance(fit, VivimGraphError):  # the connection works, the tables do not fit
        return Check("postgres", False, f"{detail}: {fit}", fit.hint)
    if fit is None:  # connected, nothing loaded yet: not a fault, but say what comes next
        return Check(
            "postgres",
            True,
            f"{detail}; no cost tables loaded yet",
            "`vivim-graph db load` loads them (`vivim-graph up` does it for the embedded server)",
        )
    return Check("postgres", True, f"{detail}; {fit}")


def _source_fits_model(url: str) -> str | VivimGraphError | None:
    """Whether the cost tables are there (None when none are) and match graph/model.yaml,
    as import and sync will ask."""
    from vivim_graph.errors import ConfigError
    from vivim_graph.model.draft import check_source
    from vivim_graph.model.spec import load_model
    from vivim_graph.sources.postgres import connect

    try:
        model = load_model()
        with connect(url) as conn:
            check_source(conn, model, source=redact(url))
    except ConfigError:  # no cost tables at all
        return None
    except VivimGraphError as e:
        return e
    return f"its {len(model.columns_by_table)} cost tables fit graph/model.yaml"


def check_capture(settings: Settings) -> Check:
    """The sync's change capture: every trigger present and enabled, no foreign entries.

    A missing or disabled trigger means edits the next incremental sync would never see.
    """
    from vivim_graph.load.sync import CAPTURE_SCHEMA, capture_gaps, unknown_log_tables
    from vivim_graph.model.spec import load_model
    from vivim_graph.sources.postgres import connect

    with connect(resolve_database_url(settings, start_embedded=False)) as conn:
        row = conn.execute("SELECT to_regclass(%s)", (f"{CAPTURE_SCHEMA}.change_log",)).fetchone()
        if not row or row[0] is None:
            return Check("capture", True, "change capture not installed (the first sync does)")
        model = load_model()
        gaps = capture_gaps(conn, model)
        unknown = unknown_log_tables(conn, model)
    if gaps:
        shown = "; ".join(gaps[:5]) + (f"; and {len(gaps) - 5} more" if len(gaps) > 5 else "")
        return Check(
            "capture",
            False,
            f"changes can escape the sync's change log: {shown}",
            "run `vivim-graph sync --full`: it re-attaches and re-enables the triggers and "
            "reconciles every table",
        )
    if unknown:
        return Check(
            "capture",
            False,
            "the change log holds entries for tables the graph model does not replicate: "
            + ", ".join(unknown),
            "a trigger was attached by hand, or the model lost a table: check graph/model.yaml",
        )
    return Check("capture", True, "every replicated table has its capture triggers enabled")


def check_wal_capture(settings: Settings) -> Check:
    """The write-ahead log capture, when this database has its slot: no gap, and no WAL
    retained in amounts that endanger the server's disk."""
    from vivim_graph.load import wal_capture
    from vivim_graph.model.spec import load_model
    from vivim_graph.sources.postgres import connect

    with connect(resolve_database_url(settings, start_embedded=False)) as conn:
        status = wal_capture.slot_status(conn)
        if not status.exists:
            return Check("wal capture", True, "no replication slot (the sync uses triggers)")
        gaps = wal_capture.wal_gaps(conn, load_model(), None)
    if gaps or status.warnings:
        return Check(
            "wal capture",
            False,
            "; ".join(gaps + status.warnings),
            "run `vivim-graph sync` (or `sync --capture wal --full` after a gap); "
            "`vivim-graph sync status` shows the slot",
        )
    return Check(
        "wal capture",
        True,
        f"slot {status.name}: lag {status.lag_bytes} bytes, retained WAL "
        f"{status.retained_bytes} bytes",
    )
