"""A short-lived local Neo4j with the JVM's defaults beside one with ``VIVIM_JVM_OPTIONS``
(by default ``-XX:TieredStopAtLevel=1``, what the tests use), in one run.

    .venv/bin/python benchmarks/jvm_options_benchmark.py [--options "..."] [--rounds 2]

The two run alternately (``--rounds`` of each, so a busy machine weighs on both alike) on
the same ports (the settings', ``VIVIM_NEO4J_BOLT_PORT`` / ``VIVIM_NEO4J_HTTP_PORT``) and
the same store (``.vivim/bench-jvm``, or ``VIVIM_BENCH_STATE_DIR``): the server's start,
then the seed import twice into an emptied graph (the first with cold query plans and a cold
JIT, as a test module's first import is; the second warm), then two rounds of planning 300
distinct read statements (what a long-lived test server does all session: the Cypher corpus,
the guard's and the views' tests each plan hundreds; the second round is the steady state).
The seeds come from a database of the embedded PostgreSQL. Medians per variant and their
ratios; the load average beside them. Figures, not assertions.
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
from vivim_graph.servers.local_neo4j import LocalNeo4j

STATE = Path(os.environ.get("VIVIM_BENCH_STATE_DIR", ".vivim/bench-jvm"))


def one_round(options: str, source: str) -> dict[str, float]:
    s = bench_settings(STATE, options)
    server = LocalNeo4j(s)
    started = time.perf_counter()
    server.start(echo=lambda *_: None)
    figures = {"start_s": time.perf_counter() - started}
    driver = make_driver(s)
    try:
        for run in ("import_cold_s", "import_warm_s"):
            driver.execute_query("MATCH (n) DETACH DELETE n")  # the seeds: 17,000 items
            started = time.perf_counter()
            with psycopg.connect(source) as conn:
                import_graph(driver, conn, load_model())
            figures[run] = time.perf_counter() - started
        for run in ("plan_300_first_s", "plan_300_then_s"):
            started = time.perf_counter()
            for k in range(300):  # a distinct text each: every one is planned
                driver.execute_query(
                    f"MATCH (n)-[r]->(m) WHERE n._source_table = $t AND size(keys(m)) > {k % 7} "
                    f"WITH n, count(r) AS out ORDER BY out DESC RETURN n._source_key, out "
                    f"LIMIT {k + 1 + len(run)}",
                    t="milestone_team_allocations",
                )
            figures[run] = time.perf_counter() - started
    finally:
        driver.close()
        server.stop()
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--options", default="-XX:TieredStopAtLevel=1")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    samples: dict[str, list[dict[str, float]]] = {"defaults": [], "options": []}
    with seeded_database("vivim_bench_jvm") as source:
        for _ in range(args.rounds):
            samples["defaults"].append(one_round("", source))
            samples["options"].append(one_round(args.options, source))
    print(f"JVM options under test: {args.options!r}; {args.rounds} rounds of each, alternating")
    figures = ("start_s", "import_cold_s", "import_warm_s", "plan_300_first_s", "plan_300_then_s")
    print_medians(samples, figures, width=16, digits=1)


if __name__ == "__main__":
    main()
