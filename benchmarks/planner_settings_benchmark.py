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
import time
from pathlib import Path

import psycopg
from side_by_side import bench_settings, print_medians, seeded_database

from vivim_graph.load.importer import import_graph
from vivim_graph.model.spec import load_model
from vivim_graph.neo4j_db import make_driver
from vivim_graph.resources import resource_dir
from vivim_graph.servers.local_neo4j import PLANNER_AND_STOP_CONFIG, LocalNeo4j

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
    s = bench_settings(STATE, "-XX:TieredStopAtLevel=1 -XX:+UseSerialGC")
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
    samples: dict[str, list[dict[str, float]]] = {"without": [], "with": []}
    with seeded_database("vivim_bench_planner") as source:
        for _ in range(args.rounds):
            samples["without"].append(one_round(WithoutSettings, source))
            samples["with"].append(one_round(LocalNeo4j, source))
    print(f"{args.rounds} rounds of each, alternating; lists of {', '.join(map(str, SIZES))}")
    figures = ("start_s", *(f"{p}_s" for _, p, _ in VIEWS), "stop_s")
    print_medians(samples, figures, width=10, digits=2)


if __name__ == "__main__":
    main()
