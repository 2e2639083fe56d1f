"""Where the test session's Neo4j and PostgreSQL come from.

Order, for each database: an explicit URI in the environment (``NEO4J_URI`` /
``DATABASE_URL``); testcontainers when a Docker engine answers; otherwise the project's own
local runner (Neo4j from Maven Central) and the embedded pgserver. The local test servers
use their own state directory and ports, so a test run never touches the graph that
``vivim-graph up`` imported. A database that cannot be had is an error, never a skip.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import psycopg
from pydantic import SecretStr

from vivim_graph.settings import (
    DEFAULT_NEO4J_VERSION,
    Settings,
    load_settings,
    resolve_neo4j_version,
)

# Under pytest-xdist every worker has servers of its own: worker gwN (N > 0) adds N * 5000
# to every port and uses its own state directory, so no two workers share a database.
WORKER = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw") or 0)


def worker_port(variable: str, default: int) -> int:
    """A port the tests use: the environment's (VIVIM_TEST_*_PORT) or the default, per worker."""
    return int(os.environ.get(variable, str(default))) + 5000 * WORKER


# The local test server's Neo4j: VIVIM_TEST_NEO4J_VERSION (a line such as 2026.x, or an
# exact version), else the default 5.26. Another line keeps its store in its own directory.
TEST_NEO4J_VERSION = resolve_neo4j_version(
    os.environ.get("VIVIM_TEST_NEO4J_VERSION", DEFAULT_NEO4J_VERSION), "VIVIM_TEST_NEO4J_VERSION"
)
_STATE = os.environ.get(
    "VIVIM_TEST_STATE_DIR",
    ".vivim/test"
    if TEST_NEO4J_VERSION == DEFAULT_NEO4J_VERSION
    else f".vivim/test-{TEST_NEO4J_VERSION}",
)
TEST_STATE_DIR = Path(_STATE if WORKER == 0 else f"{_STATE}-gw{WORKER}").resolve()
TEST_BOLT_PORT = worker_port("VIVIM_TEST_BOLT_PORT", 17687)
TEST_HTTP_PORT = worker_port("VIVIM_TEST_HTTP_PORT", 17474)
CRASH_BOLT_PORT = worker_port("VIVIM_TEST_CRASH_BOLT_PORT", 17887)  # servers a test kills
CRASH_HTTP_PORT = worker_port("VIVIM_TEST_CRASH_HTTP_PORT", 17674)
TEST_PASSWORD = "vivim-test-only"
# A second local server (the other Neo4j line, the read-only reader): by default on the
# crash test's ports, free while no crash test runs (modules run one after another).
OTHER_BOLT_PORT = worker_port("VIVIM_TEST_OTHER_BOLT_PORT", CRASH_BOLT_PORT - 5000 * WORKER)
OTHER_HTTP_PORT = worker_port("VIVIM_TEST_OTHER_HTTP_PORT", CRASH_HTTP_PORT - 5000 * WORKER)
_CALENDAR = TEST_NEO4J_VERSION.split(".")[0] >= "2025"
NEO4J_IMAGE = f"neo4j:{TEST_NEO4J_VERSION if _CALENDAR else '5.26'}-community"
POSTGRES_IMAGE = "postgres:16"


@dataclass(frozen=True)
class Neo4jTarget:
    uri: str
    user: str
    password: str
    http_url: str | None  # where Neo4j Browser is served, when known
    backend: str


@dataclass(frozen=True)
class PostgresTarget:
    url: str  # maintenance database: tests create scratch databases beside it
    backend: str


def docker_available() -> bool:
    if shutil.which("docker") is None:
        return False
    try:
        result = subprocess.run(["docker", "info"], capture_output=True, timeout=10, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return result.returncode == 0


def local_test_settings() -> Settings:
    return load_settings(
        VIVIM_STATE_DIR=TEST_STATE_DIR,
        VIVIM_NEO4J_BOLT_PORT=TEST_BOLT_PORT,
        VIVIM_NEO4J_HTTP_PORT=TEST_HTTP_PORT,
        VIVIM_NEO4J_VERSION=TEST_NEO4J_VERSION,
        NEO4J_PASSWORD=SecretStr(TEST_PASSWORD),
        NEO4J_URI=None,
        DATABASE_URL=None,
    )


@contextmanager
def neo4j_target(use_docker: bool) -> Iterator[Neo4jTarget]:
    if os.environ.get("NEO4J_URI"):
        yield Neo4jTarget(
            uri=os.environ["NEO4J_URI"],
            user=os.environ.get("NEO4J_USERNAME", "neo4j"),
            password=os.environ.get("NEO4J_PASSWORD", ""),
            http_url=os.environ.get("NEO4J_HTTP_URL"),
            backend="NEO4J_URI",
        )
        return
    if use_docker:
        from testcontainers.neo4j import Neo4jContainer

        container = (
            Neo4jContainer(NEO4J_IMAGE, password=TEST_PASSWORD)
            .with_env("NEO4J_PLUGINS", "[]" if _CALENDAR else '["apoc"]')
            .with_exposed_ports(7474, 7687)
        )
        with container:
            host = container.get_container_host_ip()
            yield Neo4jTarget(
                uri=container.get_connection_url(),
                user="neo4j",
                password=TEST_PASSWORD,
                http_url=f"http://{host}:{container.get_exposed_port(7474)}",
                backend="testcontainers",
            )
        return
    from vivim_graph.jobs import local_neo4j

    settings = local_test_settings()
    server = local_neo4j(settings)
    started_here = not server.status().running
    status = server.start(echo=lambda _: None)
    try:
        yield Neo4jTarget(
            uri=status.bolt_uri,
            user="neo4j",
            password=TEST_PASSWORD,
            http_url=f"http://127.0.0.1:{TEST_HTTP_PORT}",
            backend="local runner",
        )
    finally:
        if started_here:
            server.stop()


# The test PostgreSQL is thrown away with the test state and never crashes in a test (kill -9
# tests kill the sync, Neo4j and Kafka, not PostgreSQL): it need not flush every commit to
# disk, which on a shared two-core machine makes seed loads and random edits wait on fsync.
# Commits stay synchronous: logical decoding reads only WAL that has been flushed, so with
# synchronous_commit=off a WAL sync run right after a commit could miss it (the next run
# would take it; the tests count what one run reads).
TEST_PG_DURABILITY = {"fsync": "off", "full_page_writes": "off"}


def relax_durability(admin_url: str) -> None:
    """TEST_PG_DURABILITY on the embedded test server (ALTER SYSTEM; a reload applies it)."""
    with psycopg.connect(admin_url, autocommit=True) as conn:
        for name, value in TEST_PG_DURABILITY.items():
            conn.execute(f"ALTER SYSTEM SET {name} = '{value}'")
        conn.execute("ALTER SYSTEM RESET synchronous_commit")  # see above
        conn.execute("SELECT pg_reload_conf()")


@contextmanager
def postgres_target(use_docker: bool) -> Iterator[PostgresTarget]:
    if os.environ.get("DATABASE_URL"):
        yield PostgresTarget(os.environ["DATABASE_URL"], "DATABASE_URL")
        return
    if use_docker:
        from testcontainers.postgres import PostgresContainer

        with PostgresContainer(POSTGRES_IMAGE, driver=None) as container:
            yield PostgresTarget(container.get_connection_url(), "testcontainers")
        return
    from vivim_graph.sources.postgres import EmbeddedPostgres

    server = EmbeddedPostgres(local_test_settings())
    started_here = not server.status().running
    url = server.admin_url()
    relax_durability(url)
    try:
        yield PostgresTarget(url, "pgserver")
    finally:
        if started_here:
            server.stop()


def settings_for(neo4j: Neo4jTarget, database_url: str | None = None) -> Settings:
    """Settings that point the library at the test servers."""
    return load_settings(
        NEO4J_URI=neo4j.uri,
        NEO4J_USERNAME=neo4j.user,
        NEO4J_PASSWORD=SecretStr(neo4j.password),
        DATABASE_URL=SecretStr(database_url) if database_url else None,
        VIVIM_STATE_DIR=TEST_STATE_DIR,
    )


def cli_env(neo4j: Neo4jTarget, database_url: str | None = None) -> dict[str, str]:
    """Environment for running the `vivim-graph` command against the test servers."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEO4J_", "PG"))}
    env.update(
        NEO4J_URI=neo4j.uri,
        NEO4J_USERNAME=neo4j.user,
        NEO4J_PASSWORD=neo4j.password,
        VIVIM_STATE_DIR=str(TEST_STATE_DIR),
    )
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


# Variables the settings read: unset in the in-process run unless env names them, as they
# would be in a fresh process started with exactly env.
_SETTINGS_PREFIXES = ("NEO4J_", "PG", "DATABASE_URL", "VIVIM_")


def run_cli(
    env: dict[str, str], *args: str, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """`vivim-graph ARGS` in this process, through the same error boundary (``main``) as the
    installed command, with exactly the settings of env; stdout and stderr kept apart.

    In-process runs save the interpreter start and imports of a subprocess (seconds each on
    two cores); ``run_cli_process`` is the end-to-end form, for the few tests that need a
    real process (signals, kill -9, the console script itself). ``timeout`` is accepted for
    the same call shape; only the subprocess form enforces it.
    """
    from click.testing import CliRunner

    from vivim_graph.cli.main import main

    isolated: dict[str, str | None] = {
        k: None for k in os.environ if k.startswith(_SETTINGS_PREFIXES)
    }
    isolated.update(env)
    runner = CliRunner()
    code = 0
    with runner.isolation(env=isolated) as (out, err, _):
        try:
            main(list(args))
        except SystemExit as e:
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        stdout = out.getvalue().decode("utf-8", "replace")
        stderr = err.getvalue().decode("utf-8", "replace")
    return subprocess.CompletedProcess(["vivim-graph", *args], code, stdout, stderr)


def run_cli_process(
    env: dict[str, str], *args: str, timeout: int = 300
) -> subprocess.CompletedProcess[str]:
    """`vivim-graph ARGS` in a fresh process, as a user runs it, against the servers in env."""
    return subprocess.run(
        [sys.executable, "-m", "vivim_graph", *args],
        env=env,
        capture_output=True,
        text=True,
        check=False,
        timeout=timeout,
    )
