"""The relational cost database: load the SQL seeds, and describe the live catalog.

Files load in the specification's order: ``config/``, the 14 schema files, the 10 seed
files. The whole load is one transaction (PostgreSQL DDL is transactional), so a failing
file leaves the database as it was, and the error names the file, the line and
PostgreSQL's message.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import psycopg

from vivim_graph.errors import SeedLoadError
from vivim_graph.resources import resource_dir
from vivim_graph.sources.postgres import connect, drop_database, ensure_database
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


def seed_files(seeds: Path | None = None) -> list[Path]:
    """Every SQL file in load order; complains if the set is incomplete."""
    root = seeds or resource_dir("seeds")
    config = sorted((root / "config").glob("*.sql"))
    schemas = sorted((root / "schemas").glob("[0-9][0-9]_*.sql"))
    data = sorted((root / "seed_data").glob("[0-9][0-9]_*.sql"))
    return [*config, *schemas, *data]


@dataclass
class LoadReport:
    files: list[tuple[str, float]] = field(default_factory=list)
    seconds: float = 0.0


def load_seeds(
    url: str,
    *,
    reset: bool = False,
    admin_url: str | None = None,
    files: list[Path] | None = None,
    progress: Callable[[str], None] = lambda _: None,
) -> LoadReport:
    """Load every seed file into the database at ``url`` in one transaction.

    With ``reset`` the database is dropped and created again first (this needs
    ``admin_url``, a connection to another database on the same server).
    """
    if reset:
        if admin_url is None:
            raise SeedLoadError("--reset needs a maintenance connection", file="(reset)")
        name = psycopg.conninfo.conninfo_to_dict(url).get("dbname") or "vivim_costs_db"
        drop_database(admin_url, str(name))
        ensure_database(admin_url, str(name))
    files = files if files is not None else seed_files()
    report = LoadReport()
    started = time.perf_counter()
    with connect(url) as conn:
        if _already_loaded(conn):
            raise SeedLoadError(
                "the database already holds the cost schema",
                file="(database)",
                hint="use `vivim-graph db load --reset` to drop and reload it",
            )
        for path in files:
            progress(path.name)
            t0 = time.perf_counter()
            _execute_file(conn, path)
            report.files.append((path.name, time.perf_counter() - t0))
        conn.commit()
    report.seconds = time.perf_counter() - started
    return report


def _already_loaded(conn: psycopg.Connection) -> bool:
    row = conn.execute("SELECT to_regclass('public.locations') IS NOT NULL").fetchone()
    conn.rollback()
    return bool(row and row[0])


def _execute_file(conn: psycopg.Connection, path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    for line, statement in split_statements(text):
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
