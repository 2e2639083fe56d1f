"""PostgreSQL: the embedded default (pgserver), or any server via DATABASE_URL / PG*.

The embedded server is a real PostgreSQL 16 from the ``pgserver`` wheel, running in a
folder under the state directory and listening on a Unix socket only. It keeps running
after the command that started it exits, like the local Neo4j, until ``postgres stop``.
"""

from __future__ import annotations

import logging
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import psycopg
from psycopg import conninfo as pg_conninfo
from psycopg import sql

from vivim_graph.errors import ConfigError, ConnectionFailed, LocalServerError
from vivim_graph.settings import Settings

_PG_ENV = ("PGHOST", "PGPORT", "PGDATABASE", "PGUSER", "PGSERVICE")


def redact(url: str) -> str:
    """A connection string with its password removed, safe to print."""
    if not url:
        return "(libpq defaults from PG* variables)"
    try:
        params = pg_conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError:
        return "(unparseable connection string)"
    params.pop("password", None)
    host = params.get("host", "")
    port = f":{params['port']}" if params.get("port") else ""
    user = f"{params['user']}@" if params.get("user") else ""
    dbname = params.get("dbname", "")
    if host.startswith("/"):  # a Unix socket directory, as the embedded server uses
        return f"postgresql://{user}/{dbname}?host={host}"
    return f"postgresql://{user}{host}{port}/{dbname}"


@dataclass(frozen=True)
class PostgresStatus:
    running: bool
    data_dir: Path
    url: str | None

    def describe(self) -> str:
        if not self.running:
            return f"PostgreSQL (embedded): stopped (data {self.data_dir})"
        return f"PostgreSQL (embedded): running\n  URL:  {self.url}\n  Data: {self.data_dir}"


class EmbeddedPostgres:
    """The pgserver-managed PostgreSQL 16 under ``<state_dir>/postgres``."""

    def __init__(self, settings: Settings, data_dir: Path | None = None) -> None:
        self.settings = settings
        self.data_dir = (data_dir or settings.state_dir / "postgres").resolve()

    def start(self) -> str:
        """Start (or find) the server, make sure the cost database exists, return its URL."""
        server = self._server()
        url = server.get_uri(self.settings.postgres_database)
        ensure_database(server.get_uri(), self.settings.postgres_database)
        return url

    def admin_url(self) -> str:
        return self._server().get_uri()

    def _server(self):  # -> pgserver.PostgresServer
        logging.getLogger("pgserver").setLevel(logging.WARNING)
        self.data_dir.mkdir(parents=True, exist_ok=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs warns when XDG_RUNTIME_DIR is unset
            import pgserver  # imported lazily: it spawns nothing until asked

            try:
                server = pgserver.get_server(self.data_dir, cleanup_mode=None)
                _ensure_logical_wal(server)
                return server
            except Exception as e:  # pgserver raises bare subprocess errors
                log = self.data_dir / "log"
                tail = log.read_text(errors="replace")[-2000:] if log.exists() else None
                raise LocalServerError(
                    f"embedded PostgreSQL failed to start in {self.data_dir}: {e}",
                    log_tail=tail,
                ) from e

    def status(self) -> PostgresStatus:
        pid_file = self.data_dir / "postmaster.pid"
        running = False
        if pid_file.exists():
            try:
                pid = int(pid_file.read_text().splitlines()[0])
                os.kill(pid, 0)
                running = True
            except (ValueError, IndexError, ProcessLookupError, PermissionError):
                running = False
        url = redact(self._server().get_uri(self.settings.postgres_database)) if running else None
        return PostgresStatus(running=running, data_dir=self.data_dir, url=url)

    def stop(self) -> bool:
        if not self.status().running:
            return False
        server = self._server()
        # pgserver stops the postmaster when its last handle in this process is cleaned
        # up with mode "stop"; it also forgets the handle, so a later start is fresh.
        server.cleanup_mode = "stop"
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            server.cleanup()
        return True


# The sync reads changes from the write-ahead log (load/wal_capture.py), which needs
# logical decoding; slots above the default 10, since every database that is synced keeps one.
_WAL_SETTINGS = {"wal_level": "logical", "max_replication_slots": "32"}


def _ensure_logical_wal(server) -> None:  # server: pgserver.PostgresServer
    """Set ``wal_level=logical`` once (ALTER SYSTEM), restarting the server for it to apply.

    Only the first start after an upgrade of this package restarts; afterwards the setting is
    in postgresql.auto.conf and the check is one SHOW.
    """
    with psycopg.connect(server.get_uri(), autocommit=True) as conn:
        row = conn.execute("SHOW wal_level").fetchone()
        if row and row[0] == _WAL_SETTINGS["wal_level"]:
            return
        for name, value in _WAL_SETTINGS.items():
            conn.execute(
                sql.SQL("ALTER SYSTEM SET {} = {}").format(sql.Identifier(name), sql.Literal(value))
            )
    from pgserver._commands import pg_ctl

    # pg_ctl restart reuses the options of the last start (postmaster.opts): same socket.
    pg_ctl(["-w", "-m", "fast", "restart"], pgdata=server.pgdata, user=server.system_user)
    server.ensure_postgres_running()  # re-read postmaster.pid: the new process


_URL_HINT = (
    "write it as postgresql://USER:PASSWORD@HOST:5432/vivim_costs_db (or libpq key=value "
    "pairs: host=HOST dbname=vivim_costs_db), or unset it to use the embedded server"
)


def check_database_url(url: str, *, setting: str = "DATABASE_URL") -> str:
    """``url`` if libpq can parse it; else a ConfigError naming the setting, never the
    password (libpq's own message quotes the whole string, so it is not repeated)."""
    try:
        params = pg_conninfo.conninfo_to_dict(url)
    except psycopg.ProgrammingError as e:
        scheme = url.split("://", 1)[0] if "://" in url else None
        if scheme is not None and scheme not in ("postgresql", "postgres"):
            why = f"its scheme {scheme}:// is not PostgreSQL's (postgresql://)"
        else:
            # libpq quotes the offending text, which may hold the password: leave it out.
            why = re.sub(
                r'"([^"]*)"',
                lambda m: m.group(0) if len(m.group(1)) <= 1 else "(the value)",
                str(e).strip().splitlines()[0],
            )
        raise ConfigError(
            f"{setting} is not a PostgreSQL connection string: {why}", hint=_URL_HINT
        ) from None
    port = str(params.get("port") or "")
    if port and not all(p.strip().isdigit() for p in port.split(",")):
        raise ConfigError(f"{setting}: port {port!r} is not a number", hint=_URL_HINT)
    return url


def resolve_database_url(settings: Settings, *, start_embedded: bool = True) -> str:
    """DATABASE_URL, else libpq's PG* variables (empty conninfo), else the embedded server."""
    if settings.database_url is not None:
        return check_database_url(settings.database_url.get_secret_value())
    if any(os.environ.get(name) for name in _PG_ENV):
        return ""
    embedded = EmbeddedPostgres(settings)
    if not start_embedded:
        status = embedded.status()
        if not status.running:
            raise ConnectionFailed(
                "the embedded PostgreSQL is not running",
                uri=str(embedded.data_dir),
                hint="run `vivim-graph postgres start` (or `vivim-graph up`), or set DATABASE_URL",
            )
    return embedded.start()


def connect(url: str, **kwargs: object) -> psycopg.Connection:
    """Open a connection; failures name the server (never the password) and what to do."""
    check_database_url(url, setting="the PostgreSQL connection string (DATABASE_URL)")
    try:
        return psycopg.connect(url, **kwargs)  # type: ignore[arg-type]
    except psycopg.OperationalError as e:
        first_line = str(e).strip().splitlines()[0] if str(e).strip() else type(e).__name__
        raise ConnectionFailed(
            f"cannot connect to PostgreSQL at {redact(url)}: {first_line}",
            uri=redact(url),
            hint="check DATABASE_URL (or PG* variables), or unset them to use the embedded server",
        ) from e


def ensure_database(admin_url: str, name: str) -> None:
    """Create database ``name`` on the server behind ``admin_url`` if it does not exist."""
    with connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        if not exists:
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def drop_database(admin_url: str, name: str) -> None:
    with connect(admin_url, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )


def with_database(url: str, name: str) -> str:
    """The same server and credentials, another database."""
    params = pg_conninfo.conninfo_to_dict(url) if url else {}
    params["dbname"] = name
    return pg_conninfo.make_conninfo(**params)


def server_version(url: str) -> str:
    with connect(url) as conn:
        row = conn.execute("SHOW server_version").fetchone()
        return str(row[0]) if row else "?"
