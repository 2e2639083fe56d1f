"""Neo4j 5.26 LTS beside the newest calendar version (2026.x, what Aura runs), in one run.

    .venv/bin/python benchmarks/neo4j_versions.py [--versions 5.26.x 2026.x] [--runs 5]

Each version gets its own local server (state in ``.vivim/bench-versions/<version>``, or
under ``VIVIM_BENCH_STATE_DIR``; ports from the settings, ``VIVIM_NEO4J_BOLT_PORT`` /
``VIVIM_NEO4J_HTTP_PORT``), started one after the other on the same ports, and the same seed
database in the embedded PostgreSQL. For each it prints:

- server start (warm: the store exists after the first run) and the JVM it ran on;
- seed import in process, on an emptied graph with cold query caches (median of ``--runs``),
  and a full sync of the same seeds (``sync --full``) after it;
- one pass of every named view twin (cold plans, then the median of warm passes);
- ``impact hire`` (2 senior engineers in Malta from M5), median of warm runs;
- the ad-hoc Cypher guard (EXPLAIN plan check + run) on one read, median of warm runs.

Figures, not assertions; the machine's load average is printed beside them (2 shared cores
here). Results go to benchmarks/results/neo4j-versions-<timestamp>.json as well.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

import psycopg
from pydantic import SecretStr

from vivim_graph.impact import scenarios as impact
from vivim_graph.load.importer import import_graph
from vivim_graph.load.sync import sync_once
from vivim_graph.model.spec import load_model
from vivim_graph.neo4j_db import make_driver
from vivim_graph.queries import catalog as queries
from vivim_graph.queries.guard import run_guarded
from vivim_graph.servers.local_neo4j import LocalNeo4j, find_java
from vivim_graph.settings import load_settings, resolve_neo4j_version
from vivim_graph.sources.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    redact,
    with_database,
)
from vivim_graph.sources.relational import load_seeds

ROOT = Path(__file__).resolve().parents[1]
GUARDED = (
    "MATCH (m:Milestone)<-[:FOR_MILESTONE]-(a) RETURN m.code AS milestone, count(a) AS n "
    "ORDER BY milestone"
)


def settings_for(version: str):
    ports = load_settings()  # the environment's or the config file's ports
    state = Path(os.environ.get("VIVIM_BENCH_STATE_DIR", ROOT / ".vivim" / "bench-versions"))
    return load_settings(
        VIVIM_STATE_DIR=state / resolve_neo4j_version(version),
        VIVIM_NEO4J_BOLT_PORT=ports.neo4j_bolt_port,
        VIVIM_NEO4J_HTTP_PORT=ports.neo4j_http_port,
        VIVIM_NEO4J_VERSION=version,
        NEO4J_PASSWORD=SecretStr("vivim-bench-only"),
        NEO4J_URI=None,
        DATABASE_URL=None,
    )


def timed(work, runs: int) -> float:
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        work()
        samples.append(time.perf_counter() - started)
    return statistics.median(samples)


def wipe(driver) -> None:
    with driver.session(database="neo4j") as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS"
        ).consume()
        session.run("CALL db.clearQueryCaches()").consume()


def loading(driver, url: str, runs: int) -> dict:
    model = load_model()

    def cold_import() -> None:
        wipe(driver)
        with psycopg.connect(url) as conn:
            import_graph(driver, conn, model)

    cold_import()  # the first one creates the constraints
    import_s = timed(cold_import, runs)
    with psycopg.connect(url) as conn:
        started = time.perf_counter()
        sync_once(driver, conn, model, source=redact(url), full=True)
        sync_s = time.perf_counter() - started
    return {
        "import_cold_median_s": round(import_s, 2),
        "sync_full_after_import_s": round(sync_s, 2),
    }


def answering(driver, runs: int) -> dict:
    views = sorted(name for name, q in queries.catalog().items() if q.folder == "views")

    def all_views() -> None:
        for name in views:
            queries.run(driver, name)

    with driver.session(database="neo4j") as session:
        session.run("CALL db.clearQueryCaches()").consume()
    started = time.perf_counter()
    all_views()
    cold = time.perf_counter() - started

    def hire() -> None:
        impact.hire(driver, location="malta", role="swe-senior", count=2, start="M5")

    def guarded() -> None:
        run_guarded(driver, GUARDED)

    hire()
    guarded()
    return {
        "views": len(views),
        "all_views_cold_s": round(cold, 2),
        "all_views_warm_median_s": round(timed(all_views, runs), 2),
        "impact_hire_warm_median_ms": round(timed(hire, runs) * 1000, 1),
        "guarded_read_warm_median_ms": round(
            timed(lambda: run_guarded(driver, GUARDED), runs) * 1000, 1
        ),
    }


def measure(version: str, url: str, runs: int) -> dict:
    s = settings_for(version)
    server = LocalNeo4j(s)
    server.stop()
    _, major = find_java(s.neo4j_version)
    started = time.perf_counter()
    server.start(echo=lambda m: print("  " + m))
    start_s = time.perf_counter() - started
    driver = make_driver(s)
    try:
        figures = {"version": s.neo4j_version, "java": major, "start_s": round(start_s, 1)}
        figures |= loading(driver, url, runs)
        figures |= answering(driver, runs)
    finally:
        driver.close()
        server.stop()
    figures["load_average_1m"] = round(os.getloadavg()[0], 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--versions", nargs="+", default=["5.26.x", "2026.x"])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    pg = EmbeddedPostgres(settings_for(args.versions[0]))
    admin = pg.admin_url()
    name = "vivim_bench_versions"
    drop_database(admin, name)
    ensure_database(admin, name)
    url = with_database(admin, name)
    load_seeds(url)
    results = []
    try:
        for version in args.versions:
            print(f"Neo4j {version}:", flush=True)
            results.append(measure(version, url, args.runs))
            print(json.dumps(results[-1], indent=2), flush=True)
    finally:
        drop_database(admin, name)
    print_table(results)
    out = ROOT / "benchmarks" / "results" / f"neo4j-versions-{time.strftime('%Y%m%d-%H%M%S')}.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=2), encoding="utf-8")
    print(f"written to {out.relative_to(ROOT)}")


def print_table(results: list[dict]) -> None:
    keys = [k for k in results[0] if k != "version"]
    print(f"\n| figure | {' | '.join(r['version'] for r in results)} |")
    print(f"|---|{'---|' * len(results)}")
    for key in keys:
        print(f"| {key} | {' | '.join(str(r.get(key)) for r in results)} |")


if __name__ == "__main__":
    sys.exit(main())
