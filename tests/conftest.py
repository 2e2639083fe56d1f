"""Session-wide real servers and per-test clean state. See tests/servers.py."""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Iterator

import neo4j
import pytest

from tests.servers import (
    Neo4jTarget,
    PostgresTarget,
    docker_available,
    neo4j_target,
    postgres_target,
    settings_for,
)
from vivim_graph.settings import Settings
from vivim_graph.sources.postgres import connect, drop_database, ensure_database, with_database

# pytest-xdist's workers run with COLUMNS=80, which the CLI honours (a script's COLUMNS wins)
# and would squeeze every table the CLI tests read; a piped run of the real command has no
# COLUMNS, so the tests run without it too.
os.environ.pop("COLUMNS", None)

# The tests' servers live for seconds to minutes: the JVM's second (C2) compiler would spend
# more CPU optimising them than it gives back, and on two cores it competes with the tests.
# C1 alone about halved a test Neo4j's start and first import here (figures from
# benchmarks/jvm_options_benchmark.py in the README). The serial collector: heaps of 512 MiB
# or less, and no GC threads competing with the tests (2.8 % less CPU over four test modules,
# 196.7 against 202.3 CPU-s, one run each). Set VIVIM_JVM_OPTIONS to run otherwise.
os.environ.setdefault("VIVIM_JVM_OPTIONS", "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")

# A node only the tests create: its presence proves the database is the tests' own.
MARKER_LABEL = "VivimTestSession"


@pytest.fixture(scope="session")
def _use_docker() -> bool:
    return docker_available()


@pytest.fixture(scope="session")
def neo4j_server(_use_docker: bool) -> Iterator[Neo4jTarget]:
    try:
        with neo4j_target(_use_docker) as target:
            yield target
    except Exception as e:  # a missing database is a failure, with what to do about it
        pytest.fail(
            f"no Neo4j for the tests: {e}. Set NEO4J_URI/NEO4J_PASSWORD, or install Java 17 "
            "and Maven so the local runner can start one (see README).",
            pytrace=False,
        )


@pytest.fixture(scope="session")
def postgres_server(_use_docker: bool) -> Iterator[PostgresTarget]:
    try:
        with postgres_target(_use_docker) as target:
            yield target
    except Exception as e:
        pytest.fail(
            f"no PostgreSQL for the tests: {e}. Set DATABASE_URL, or pip install pgserver.",
            pytrace=False,
        )


@contextlib.contextmanager
def claimed_driver(target: Neo4jTarget) -> Iterator[neo4j.Driver]:
    """A driver to ``target`` whose database is proven to be the tests' own (see below)."""
    drv = neo4j.GraphDatabase.driver(
        target.uri, auth=(target.user, target.password), notifications_min_severity="OFF"
    )
    try:
        drv.verify_connectivity()
        _claim_database(drv)
        yield drv
    finally:
        drv.close()


@pytest.fixture(scope="session")
def driver(neo4j_server: Neo4jTarget) -> Iterator[neo4j.Driver]:
    with claimed_driver(neo4j_server) as drv:
        yield drv


def _claim_database(drv: neo4j.Driver) -> None:
    """Refuse a database holding data the tests did not create; then mark it as ours."""
    records, _, _ = drv.execute_query(
        f"CALL () {{ MATCH (m:{MARKER_LABEL}) RETURN count(m) AS marked }} "
        "CALL () { MATCH (n) RETURN count(n) AS nodes } RETURN marked, nodes",
        database_="neo4j",
    )
    marked, nodes = records[0]["marked"], records[0]["nodes"]
    if nodes > 0 and marked == 0:
        pytest.fail(
            f"the Neo4j database for the tests already holds {nodes} nodes the tests did not "
            "create; refusing to wipe it. Point NEO4J_URI at an empty database.",
            pytrace=False,
        )
    drv.execute_query(f"MERGE (:{MARKER_LABEL} {{id: 1}})", database_="neo4j")


@pytest.fixture
def graph(driver: neo4j.Driver) -> neo4j.Driver:
    """The driver, on a graph emptied of everything but the session marker."""
    driver.execute_query(
        f"MATCH (n) WHERE NOT n:{MARKER_LABEL} DETACH DELETE n",
        database_="neo4j",
    )
    _SEEDED.clear()
    return driver


# The checksum of the graph right after the seeds were imported, for reuse across modules.
_SEEDED: dict[str, tuple[int, int, str]] = {}


@pytest.fixture(scope="module")
def seeded_graph(driver: neo4j.Driver, seeded_db: str) -> neo4j.Driver:
    """The driver, on a graph holding exactly the imported seeds (the tests only read it).

    Importing takes tens of seconds, so a module reuses the graph the previous one left when
    its checksum proves it is still the freshly imported seeds; otherwise it re-imports.
    """
    import psycopg

    from tests.graph_helpers import graph_checksum
    from vivim_graph.load.importer import import_graph
    from vivim_graph.model.spec import load_model

    if _SEEDED.get(seeded_db) and graph_checksum(driver) == _SEEDED[seeded_db]:
        return driver
    driver.execute_query(f"MATCH (n) WHERE NOT n:{MARKER_LABEL} DETACH DELETE n", database_="neo4j")
    with psycopg.connect(seeded_db) as conn:
        import_graph(driver, conn, load_model())
    _SEEDED.clear()
    _SEEDED[seeded_db] = graph_checksum(driver)
    return driver


@pytest.fixture(scope="session")
def kafka_pipeline(driver: neo4j.Driver):
    """PostgreSQL (wal_level=logical) -> Debezium (Kafka Connect) -> Kafka, started once a
    session: the Kafka modules share it (see tests/kafka_pipeline.py)."""
    from tests.kafka_pipeline import started_pipeline

    with started_pipeline(driver) as pipeline:
        yield pipeline


@pytest.fixture
def scratch_db(postgres_server: PostgresTarget) -> Iterator[str]:
    """A fresh, empty PostgreSQL database for one test; dropped afterwards."""
    name = f"vivim_test_{uuid.uuid4().hex[:10]}"
    ensure_database(postgres_server.url, name)
    try:
        yield with_database(postgres_server.url, name)
    finally:
        drop_database(postgres_server.url, name)


class SeedCopies:
    """Fills scratch databases with the loaded seeds by copying a template database.

    Some thirty tests edit a seeded database of their own. Loading the seeds takes seconds
    each time; ``CREATE DATABASE … TEMPLATE`` copies the files of one loaded (and, for
    ``small``, shrunk) database in well under a second. The templates are loaded by the same
    ``load_seeds`` the tests would call, once per worker, and nobody connects to them after
    (PostgreSQL copies only a database no session holds). ``load_seeds`` itself is tested in
    test_seed_load.py and test_relational.py.
    """

    def __init__(self, admin_url: str) -> None:
        self.admin_url = admin_url
        self.templates: dict[bool, str] = {}

    def fill(self, url: str, *, small: bool = False) -> str:
        """Replace the (empty, unconnected) database ``url`` names with a copy of the seeds."""
        from psycopg import conninfo

        name = conninfo.conninfo_to_dict(url)["dbname"]
        drop_database(self.admin_url, name)
        self._copy(self._template(small), name)
        return url

    def _template(self, small: bool) -> str:
        if small not in self.templates:
            from tests.sync_helpers import shrink
            from vivim_graph.sources.relational import load_seeds

            name = f"vivim_template_{'small' if small else 'seeds'}_{uuid.uuid4().hex[:6]}"
            if small:
                self._copy(self._template(False), name)
                shrink(with_database(self.admin_url, name))
            else:
                ensure_database(self.admin_url, name)
                load_seeds(with_database(self.admin_url, name))
            self.templates[small] = name
        return self.templates[small]

    def _copy(self, template: str, name: str) -> None:
        with connect(self.admin_url, autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')


@pytest.fixture(scope="session")
def seed_copies(postgres_server: PostgresTarget) -> Iterator[SeedCopies]:
    copies = SeedCopies(postgres_server.url)
    try:
        yield copies
    finally:
        for name in copies.templates.values():
            drop_database(postgres_server.url, name)


@pytest.fixture
def seeded_scratch_db(scratch_db: str, seed_copies: SeedCopies) -> str:
    """The test's scratch database (the same one ``settings`` and ``pg`` name), seeded."""
    return seed_copies.fill(scratch_db)


@pytest.fixture
def small_scratch_db(scratch_db: str, seed_copies: SeedCopies) -> str:
    """The test's scratch database holding the seeds shrunk by ``sync_helpers.shrink``."""
    return seed_copies.fill(scratch_db, small=True)


@pytest.fixture
def settings(neo4j_server: Neo4jTarget, scratch_db: str) -> Settings:
    return settings_for(neo4j_server, scratch_db)


@pytest.fixture
def pg(scratch_db: str):
    with connect(scratch_db) as conn:
        yield conn


@pytest.fixture(scope="session")
def seeded_db(postgres_server: PostgresTarget, seed_copies: SeedCopies) -> Iterator[str]:
    """One scratch database with the whole cost database loaded; tests only read it."""
    name = f"vivim_seeded_{uuid.uuid4().hex[:8]}"
    url = seed_copies.fill(with_database(postgres_server.url, name))
    try:
        yield url
    finally:
        drop_database(postgres_server.url, name)


@pytest.fixture(scope="session")
def seeded(seeded_db: str):
    """A connection to the seeded database (read-only use)."""
    with connect(seeded_db, autocommit=True) as conn:
        yield conn


# ./scripts/test runs two pytest-xdist workers (``--dist loadgroup``); each module is a group
# of its own, so a worker takes it whole and its module fixtures run once, except the modules
# in _TOGETHER, which share a session fixture and so one worker. The groups are handed out in
# this order (``--no-loadscope-reorder``; xdist's own order is by test count, which put the 800
# quick corpus cases first and a 4-minute crash module last): the longest first, from the
# seconds per module a full run prints (below), so the workers finish within about one short
# module of each other. Modules not named here follow, in file order.
#
# The groups are made by the scheduler below (``pytest_xdist_make_scheduler``), not by
# ``xdist_group`` marks: pytest-xdist 3.8 writes a mark's group into ``item._nodeid``, which
# pytest 9 no longer reads (a node id now comes from ``item._id``), so under pytest 9 every
# test was scheduled alone: modules ran on both workers, each starting the module's servers,
# and the two Kafka modules started two pipelines (tests/unit/test_test_scheduling.py).
_LONGEST_FIRST = (  # from the fresh-clone CI run of 2026-12-05 04:25 UTC: seconds, loaded
    "test_kafka_path.py",  # 192 + test_kafka_kills 66, one group
    "test_kafka_kills.py",
    "test_nothing_lost.py",  # 197
    "test_sync.py",  # 120
    "test_wal_capture.py",  # 105
    "test_plans.py",  # 89
    "test_offline_import.py",  # 88
    "test_cypher_corpus.py",  # 86
    "test_import.py",  # 74
    "test_neo4j_versions.py",  # 69
    "test_views_parity.py",  # 48
    "test_seed_load.py",  # 40
    "test_cost_rules.py",  # 40
    "test_mcp_warm.py",  # 37
    "test_read_routing.py",  # 34
    "test_impact.py",  # 33
    "test_local_neo4j.py",  # 30
    "test_mcp.py",  # 26
    "test_plan_browser.py",  # 25
    "test_impact_collected.py",  # 23
    "test_browser_style.py",  # 19
    "test_browser_guide.py",  # 18
    "test_query_cli.py",  # 17
    "test_relational.py",  # 16
)
_RANK = {name: i for i, name in enumerate(_LONGEST_FIRST)}
# The Kafka modules share the session's Kafka pipeline (``kafka_pipeline``): one start, not two.
_TOGETHER = {"test_kafka_kills.py": "kafka", "test_kafka_path.py": "kafka"}


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # stable: tests keep their order within a module, unnamed modules keep theirs
    items.sort(key=lambda item: _RANK.get(item.path.name, len(_RANK)))


def work_group(nodeid: str) -> str:
    """The unit of work a test belongs to: its module's file, or its _TOGETHER group."""
    path = nodeid.split("::", 1)[0]
    return _TOGETHER.get(path.rsplit("/", 1)[-1], path)


def pytest_xdist_make_scheduler(config: pytest.Config, log):
    """With ``--dist loadgroup``: xdist's scope scheduler, scoped by ``work_group``."""
    if config.getvalue("dist") != "loadgroup":
        return None
    from xdist.scheduler import LoadScopeScheduling

    class ModuleGroups(LoadScopeScheduling):
        def _split_scope(self, nodeid: str) -> str:
            return work_group(nodeid)

    return ModuleGroups(config, log)


# Seconds per module (setup, call and teardown of its tests) and the worker that ran it,
# printed at the end of a run so that _LONGEST_FIRST above can be kept in order.
_MODULE_SECONDS: dict[str, float] = {}
_MODULE_WORKER: dict[str, str] = {}


def pytest_runtest_logreport(report: pytest.TestReport) -> None:
    module = report.nodeid.split("::", 1)[0].rsplit("/", 1)[-1]
    _MODULE_SECONDS[module] = _MODULE_SECONDS.get(module, 0.0) + report.duration
    node = getattr(report, "node", None)  # set by pytest-xdist on the controller
    _MODULE_WORKER[module] = node.gateway.id if node is not None else "-"


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    if len(_MODULE_SECONDS) < 2:
        return
    workers: dict[str, float] = {}
    terminalreporter.section("seconds per module (tests/conftest.py _LONGEST_FIRST)")
    for module, seconds in sorted(_MODULE_SECONDS.items(), key=lambda kv: -kv[1]):
        worker = _MODULE_WORKER[module]
        workers[worker] = workers.get(worker, 0.0) + seconds
        terminalreporter.write_line(f"{seconds:8.1f}  {worker:4}  {module}")
    terminalreporter.write_line("  ".join(f"{k}: {v:.0f} s" for k, v in sorted(workers.items())))
