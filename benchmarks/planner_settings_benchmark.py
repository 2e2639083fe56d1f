"""The local Neo4j with its planner and stop settings (``PLANNER_AND_STOP_CONFIG`` in
``servers/local_neo4j.py``) beside one without them, in one run.

    .venv/bin/python benchmarks/planner_settings_benchmark.py [--rounds 2]

The two run alternately (``--rounds`` of each, so a busy machine weighs on both alike) on
the same ports (the settings', ``VIVIM_NEO4J_BOLT_PORT`` / ``VIVIM_NEO4J_HTTP_PORT``) and
the same store (``.vivim/bench-planner``, or ``VIVIM_BENCH_STATE_DIR``), with the JVM
options the tests use. Each round: the server's start, the seed import, then the two view
twins that take a list (``cost_pool_utilization`` by pools, ``budget_vs_actual`` by budget
lines) asked as an analyst would, about 1, 2, 5, 12 and then 30 of them, each question
asked twice; then ``stop``. Without the settings Neo4j plans a statement again for each size
class of a list parameter, so the first question of each size pays for a plan. The seeds
come from a database of the embedded PostgreSQL. Medians per variant and their ratios; the
load average beside them. Figures, not assertions.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
import uuid
from pathlib import Path

import psycopg
from pydantic import SecretStr

from vivim_graph.load.importer import import_graph
from vivim_graph.model.spec import load_model
from vivim_graph.neo4j_db import make_driver
from vivim_graph.resources import resource_dir
from vivim_graph.servers.local_neo4j import PLANNER_AND_STOP_CONFIG, LocalNeo4j
from vivim_graph.settings import load_settings
from vivim_graph.sources.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    with_database,
)
from vivim_graph.sources.relational import load_seeds

STATE = Path(os.environ.get("VIVIM_BENCH_STATE_DIR", ".vivim/bench-planner"))
SIZES = (1, 2, 5, 12, 30)
# (view file, its list parameter, the query that lists the codes to ask about)
VIEWS = (
    ("views/cost_pool_utilization.cypher", "pools", "MATCH (p:CostAllocationPool) RETURN p.code"),
    ("views/budget_vs_actual.cypher", "lines", "MATCH (l:BudgetLineItem) RETURN l.code"),
)


class WithoutSettings(LocalNeo4j):
    """The same server with Neo4j's own planner and Bolt shutdown defaults."""

    def _config_text(self) -> str:
        lines = super()._config_text().split("\n")
        return "\n".join(line for line in lines if line not in PLANNER_AND_STOP_CONFIG)


def one_round(server_class: type[LocalNeo4j], source: str) -> dict[str, float]:
    ports = load_settings()
    s = load_settings(
        VIVIM_STATE_DIR=STATE,
        VIVIM_NEO4J_BOLT_PORT=ports.neo4j_bolt_port,
        VIVIM_NEO4J_HTTP_PORT=ports.neo4j_http_port,
        VIVIM_JVM_OPTIONS="-XX:TieredStopAtLevel=1 -XX:+UseSerialGC",
        NEO4J_PASSWORD=SecretStr("vivim-bench-only"),
        NEO4J_URI=None,
    )
    server = server_class(s)
    started = time.perf_counter()
    server.start(echo=lambda *_: None)
    figures = {"start_s": time.perf_counter() - started}
    driver = make_driver(s)
    try:
        driver.execute_query("MATCH (n) DETACH DELETE n")
        with psycopg.connect(source) as conn:
            import_graph(driver, conn, load_model())
        driver.execute_query("CALL db.clearQueryCaches()")  # the store may hold old plans
        for file, parameter, listing in VIEWS:
            text = (resource_dir("cypher") / file).read_text(encoding="utf-8")
            codes = [r[0] for r in driver.execute_query(listing).records]
            started = time.perf_counter()
            for size in SIZES:
                for _ in range(2):
                    driver.execute_query(text, {parameter: codes[:size]})
            figures[f"{parameter}_s"] = time.perf_counter() - started
    finally:
        driver.close()
        started = time.perf_counter()
        server.stop()
        figures["stop_s"] = time.perf_counter() - started
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    admin = EmbeddedPostgres(load_settings()).admin_url()
    name = f"vivim_bench_planner_{uuid.uuid4().hex[:6]}"
    ensure_database(admin, name)
    source = with_database(admin, name)
    load_seeds(source)
    samples: dict[str, list[dict[str, float]]] = {"without": [], "with": []}
    try:
        for _ in range(args.rounds):
            samples["without"].append(one_round(WithoutSettings, source))
            samples["with"].append(one_round(LocalNeo4j, source))
    finally:
        drop_database(admin, name)
    print(f"{args.rounds} rounds of each, alternating; lists of {', '.join(map(str, SIZES))}")
    print(f"{'figure':10} {'without':>9} {'with':>9} {'ratio':>7}")
    for figure in ("start_s", *(f"{p}_s" for _, p, _ in VIEWS), "stop_s"):
        a = statistics.median(r[figure] for r in samples["without"])
        b = statistics.median(r[figure] for r in samples["with"])
        print(f"{figure:10} {a:9.2f} {b:9.2f} {b / a:7.2f}")
    print("load average (1, 5, 15 min):", " ".join(f"{x:.1f}" for x in os.getloadavg()))


if __name__ == "__main__":
    main()
