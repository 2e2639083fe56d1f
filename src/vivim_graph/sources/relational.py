"""The relational cost database: load the SQL seeds, and describe the live catalog.

Files load in the order ``seeds/load-order.txt`` lists them: ``config/``, the 14 schema
files, the 10 seed files. Before anything is sent, every file is checked: the set must
match the manifest (a missing or unlisted file is refused), each file must be UTF-8, and
none may hold transaction control (BEGIN, COMMIT, ...) or psql meta-commands, which would
split the load. The whole load is then one transaction (PostgreSQL DDL is transactional),
so a failing file leaves the database as it was, and the error names the file, the line
and PostgreSQL's message. ``--reset`` loads into a new database and swaps it in only on
success, so a failed reload keeps the old one.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psycopg
from psycopg import sql

from vivim_graph.errors import SeedLoadError
from vivim_graph.resources import resource_dir
from vivim_graph.sources.postgres import connect, drop_database, ensure_database, with_database
from vivim_graph.sources.sql_split import split_statements

MODULES = (
    "people",
    "tools",
    "users",
    "governance",
    "dao",
    "wiki",
    "work",
    "agents",
    "community",
    "operations",
    "tokens",
    "compliance",
    "analytics",
    "security",
)
_MODULE_PREFIX = re.compile(r"^\s*([a-z]+)\s*:")
MANIFEST = "load-order.txt"
# Statements that would end or split the load's one transaction (PostgreSQL's spellings).
_TRANSACTION_CONTROL = re.compile(
    r"^(BEGIN|START\s+TRANSACTION|COMMIT|END|ROLLBACK|ABORT|SAVEPOINT|RELEASE"
    r"|PREPARE\s+TRANSACTION)\b",
    re.IGNORECASE,
)
_NOTHING_LOADED = "nothing was loaded: the files are checked before the first statement"


def seed_files(seeds: Path | None = None) -> list[Path]:
    """The SQL files the manifest lists, in its order; refuses a missing or unlisted file."""
    root = (seeds or resource_dir("seeds")).resolve()
    manifest = root / MANIFEST
    if not manifest.is_file():
        raise SeedLoadError(
            f"{manifest} is missing: it lists the SQL files to load, in order",
            file=str(manifest),
            hint="restore it (git checkout seeds/load-order.txt); " + _NOTHING_LOADED,
        )
    listed: list[Path] = []
    for number, raw in enumerate(manifest.read_text(encoding="utf-8").splitlines(), 1):
        entry = raw.strip()
        if not entry or entry.startswith("#"):
            continue
        path = (root / entry).resolve()
        if not path.is_file() or path in listed:
            problem = "a second time" if path in listed else "but the file is missing"
            raise SeedLoadError(
                f"{path}: listed in {MANIFEST} line {number}, {problem}",
                file=str(path),
                line=number,
                hint=f"restore the file, or correct line {number} of {manifest}; "
                + _NOTHING_LOADED,
            )
        listed.append(path)
    unlisted = sorted(set(root.rglob("*.sql")) - set(listed))
    if unlisted:
        raise SeedLoadError(
            f"{unlisted[0]} is not listed in {manifest}",
            file=str(unlisted[0]),
            hint=f"add it to {MANIFEST} where it belongs in the load order, or remove it; "
            + _NOTHING_LOADED,
        )
    return listed


def read_seed_file(path: Path) -> list[tuple[int, str]]:
    """The file's statements with their lines; refuses bad encoding and transaction control."""
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as e:
        line = data[: e.start].count(b"\n") + 1
        raise SeedLoadError(
            f"{path}: not valid UTF-8 at byte {e.start} (line {line}, byte 0x{data[e.start]:02x})",
            file=str(path),
            line=line,
            hint="save the file as UTF-8 (e.g. iconv -f latin1 -t utf-8); " + _NOTHING_LOADED,
        ) from e
    statements = split_statements(text)
    for line, statement in statements:
        match = _TRANSACTION_CONTROL.match(statement)
        if match or statement.startswith("\\"):
            what = match.group(1).upper() if match else statement.split()[0]
            kind = "transaction control" if match else "a psql meta-command"
            raise SeedLoadError(
                f"{path.name}:{line}: {what} is {kind}; seed files may not hold it",
                file=str(path),
                line=line,
                hint="remove it: the loader runs all files in one transaction (psql: "
                "--single-transaction); " + _NOTHING_LOADED,
            )
    return statements


@dataclass
class LoadReport:
    files: list[tuple[str, float]] = field(default_factory=list)
    seconds: float = 0.0


Progress = Callable[[str], None]


def load_seeds(
    url: str,
    *,
    reset: bool = False,
    admin_url: str | None = None,
    files: list[Path] | None = None,
    seeds: Path | None = None,
    progress: Progress = lambda _: None,
) -> LoadReport:
    """Load every seed file into the database at ``url`` in one transaction.

    With ``reset`` the files load into a new database beside it, which replaces it only
    when the load succeeded (this needs ``admin_url``, a connection to another database
    on the same server). Every file is read and checked before anything is sent.
    """
    files = files if files is not None else seed_files(seeds)
    parsed = [(path, read_seed_file(path)) for path in files]
    if not reset:
        return _load_into(url, parsed, progress)
    if admin_url is None:
        raise SeedLoadError("--reset needs a maintenance connection", file="(reset)")
    name = str(psycopg.conninfo.conninfo_to_dict(url).get("dbname") or "vivim_costs_db")
    loading = f"{name}__loading"
    _refuse_if_in_use(admin_url, name)
    drop_database(admin_url, loading)  # a leftover of an interrupted reload
    ensure_database(admin_url, loading)
    try:
        report = _load_into(with_database(url, loading), parsed, progress)
        _swap_in(admin_url, loading, name)
    except SeedLoadError as e:
        drop_database(admin_url, loading)
        if e.file != "(reset)":
            e.hint = f"{e.hint}; the database {name} was kept as it was"
        raise
    except BaseException:
        drop_database(admin_url, loading)
        raise
    return report


def _load_into(url: str, parsed: list[tuple[Path, list[tuple[int, str]]]], progress) -> LoadReport:
    report = LoadReport()
    started = time.perf_counter()
    with connect(url) as conn:
        if _already_loaded(conn):
            raise SeedLoadError(
                "the database already holds the cost schema",
                file="(database)",
                hint="use `vivim-graph db load --reset` to replace it with a fresh load",
            )
        for path, statements in parsed:
            progress(path.name)
            t0 = time.perf_counter()
            _execute_file(conn, path, statements)
            report.files.append((path.name, time.perf_counter() - t0))
        conn.commit()
    report.seconds = time.perf_counter() - started
    return report


def _sessions_on(conn: psycopg.Connection, name: str) -> list[tuple[int, str]]:
    return [
        (int(pid), str(app))
        for pid, app in conn.execute(
            "SELECT pid, coalesce(nullif(application_name, ''), 'unnamed client') "
            "FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() "
            "AND backend_type = 'client backend' ORDER BY pid",
            (name,),
        )
    ]


def _in_use_error(name: str, sessions: list[tuple[int, str]]) -> SeedLoadError:
    who = ", ".join(f"pid {pid} ({app})" for pid, app in sessions[:5])
    return SeedLoadError(
        f"cannot replace database {name}: {len(sessions)} other session(s) are connected "
        f"to it: {who}",
        file="(reset)",
        hint="stop them (a `vivim-graph sync --watch`, `mcp`, psql or a GUI) or end them with "
        f"SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '{name}'; "
        f"then run again. {name} was not changed",
    )


def _refuse_if_in_use(admin_url: str, name: str, grace_seconds: float = 2.0) -> None:
    """Refuse while other clients are connected. A connection closed a moment ago can still
    be listed until its server process exits, so sessions get a short grace to go away."""
    deadline = time.monotonic() + grace_seconds
    with connect(admin_url, autocommit=True) as conn:
        sessions = _sessions_on(conn, name)
        while sessions and time.monotonic() < deadline:
            time.sleep(0.1)
            sessions = _sessions_on(conn, name)
    if sessions:
        raise _in_use_error(name, sessions)


def _swap_in(admin_url: str, loading: str, name: str) -> None:
    """Rename the old database away and the new one in, in one transaction; drop the old."""
    previous = f"{name}__previous"
    drop_database(admin_url, previous)  # a leftover of an interrupted swap
    with connect(admin_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", (name,)).fetchone()
        try:
            with conn.transaction():
                if exists:
                    conn.execute(
                        sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                            sql.Identifier(name), sql.Identifier(previous)
                        )
                    )
                conn.execute(
                    sql.SQL("ALTER DATABASE {} RENAME TO {}").format(
                        sql.Identifier(loading), sql.Identifier(name)
                    )
                )
        except psycopg.errors.ObjectInUse as e:  # someone connected while we loaded
            raise _in_use_error(name, _sessions_on(conn, name)) from e
    if exists:
        drop_database(admin_url, previous)


def _already_loaded(conn: psycopg.Connection) -> bool:
    row = conn.execute("SELECT to_regclass('public.locations') IS NOT NULL").fetchone()
    conn.rollback()
    return bool(row and row[0])


def _execute_file(conn: psycopg.Connection, path: Path, statements: list[tuple[int, str]]) -> None:
    for line, statement in statements:
        try:
            # No parameters: sent as a simple query inside the load's one transaction.
            conn.execute(statement.encode("utf-8"))  # type: ignore[call-overload]
        except psycopg.Error as e:
            conn.rollback()
            at = line + _offset_in_statement(statement, e)
            message = (e.diag.message_primary or str(e)).strip()
            detail = f" ({e.diag.message_detail})" if e.diag.message_detail else ""
            raise SeedLoadError(
                f"{path.name}:{at}: {message}{detail}",
                file=str(path),
                line=at,
                hint="nothing was loaded: the whole load is one transaction",
            ) from e


def _offset_in_statement(statement: str, error: psycopg.Error) -> int:
    """Lines into the statement where PostgreSQL points, when it gives a position."""
    position = error.diag.statement_position
    return statement[: int(position) - 1].count("\n") if position else 0


# ---------------------------------------------------------------- describe
@dataclass(frozen=True)
class TableInfo:
    name: str
    module: str
    rows: int
    comment: str


@dataclass(frozen=True)
class ForeignKey:
    table: str
    columns: tuple[str, ...]
    ref_table: str
    ref_columns: tuple[str, ...]


@dataclass(frozen=True)
class Catalog:
    tables: list[TableInfo]
    views: list[TableInfo]
    foreign_keys: list[ForeignKey]

    def by_module(self) -> dict[str, tuple[list[TableInfo], list[TableInfo]]]:
        result: dict[str, tuple[list[TableInfo], list[TableInfo]]] = {}
        for module in [*MODULES, "unknown"]:
            tables = [t for t in self.tables if t.module == module]
            views = [v for v in self.views if v.module == module]
            if tables or views:
                result[module] = (tables, views)
        return result


def module_of(comment: str | None) -> str:
    match = _MODULE_PREFIX.match(comment or "")
    return match.group(1) if match and match.group(1) in MODULES else "unknown"


def read_catalog(conn: psycopg.Connection, *, count_rows: bool = True) -> Catalog:
    """Tables, views and foreign keys of schema ``public``, from the live catalog."""
    relations = conn.execute(
        """
        SELECT c.relname, c.relkind, coalesce(obj_description(c.oid, 'pg_class'), '')
        FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'p')
        ORDER BY c.relname
        """
    ).fetchall()
    tables, views = [], []
    for name, kind, comment in relations:
        rows = 0
        if count_rows:
            query = psycopg.sql.SQL("SELECT count(*) FROM {}").format(psycopg.sql.Identifier(name))
            rows = int(conn.execute(query).fetchone()[0])  # type: ignore[index]
        info = TableInfo(name, module_of(comment), rows, comment)
        (views if kind == "v" else tables).append(info)
    return Catalog(tables, views, read_foreign_keys(conn))


def read_foreign_keys(conn: psycopg.Connection) -> list[ForeignKey]:
    rows = conn.execute(
        """
        SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
               array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n
                     ORDER BY k.i),
               array(SELECT a.attname FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n
                     ORDER BY k.i)
        FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace
        WHERE c.contype = 'f' AND n.nspname = 'public'
        ORDER BY 1, 3
        """
    ).fetchall()
    return [ForeignKey(t, tuple(cols), rt, tuple(rcols)) for t, rt, cols, rcols in rows]


def mermaid_er(catalog: Catalog) -> str:
    """An entity-relationship diagram of the live database, one subgraph-free erDiagram."""
    lines = ["erDiagram"]
    for fk in catalog.foreign_keys:
        label = ",".join(fk.columns)
        lines.append(f'    {fk.ref_table} ||--o{{ {fk.table} : "{label}"')
    linked = {fk.table for fk in catalog.foreign_keys} | {
        fk.ref_table for fk in catalog.foreign_keys
    }
    for table in catalog.tables:
        if table.name not in linked:
            lines.append(f"    {table.name} {{\n        bigint id PK\n    }}")
    return "\n".join(lines) + "\n"
