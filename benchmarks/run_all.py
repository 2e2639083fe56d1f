"""Where users wait, measured side by side in one run, each figure beside its baseline.

    .venv/bin/python benchmarks/run_all.py --scales 0.05 [0.25]

Ports come from the settings (``VIVIM_NEO4J_BOLT_PORT`` / ``VIVIM_NEO4J_HTTP_PORT`` or the
config file); the state lives in ``.vivim/bench`` (or ``VIVIM_BENCH_STATE_DIR``). It starts
its own local Neo4j there and uses the embedded PostgreSQL, and prints:

- seed import (cold query caches) vs a bare ``UNWIND … CREATE`` of the same node and
  relationship counts, in process and through the CLI (with the CLI's peak memory), and
  through the CLI with the driver's pure-Python codec (without ``neo4j-rust-ext``);
- full sync of a synthetic VIVIM (see ``sync_benchmark.py``) vs the naive baseline
  (one neomodel ``save()`` per row), with peak memory;
- incremental sync after 1 row, 1 % and 10 % of the synthetic rows changed, vs a run that
  finds no change (the fixed cost of a run) and vs the full sync;
- CLI start-up (``--help``) vs a bare ``python -c "import neo4j"``;
- p50/p95 of ``query milestone_cost_summary`` in process and through the CLI;
- p50/p95 of each impact kind in process and through the CLI, beside a bare driver process
  running one query and ``vivim-graph --help`` (``impact_benchmark.py``);
- per scale, full sync vs ``neo4j-admin import`` (export included) vs ``import --offline``
  on the same synthetic data (``offline_benchmark.py``), as ratios.

``--only seed answers impact sync offline`` runs some of the sections (the seed graph is
imported first whenever a later section needs it).

Figures, not assertions: it is not part of the test suite. It writes them to
benchmarks/results/all-<timestamp>.json as well.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg

sys.path.insert(0, str(Path(__file__).resolve().parent))
import offline_benchmark
import sync_benchmark as sb
from impact_benchmark import impact_figures

from vivim_graph.load.importer import import_graph
from vivim_graph.model.spec import load_model
from vivim_graph.neo4j_db import make_driver
from vivim_graph.queries import catalog as queries
from vivim_graph.servers.local_neo4j import LocalNeo4j
from vivim_graph.sources.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    with_database,
)
from vivim_graph.sources.relational import load_seeds

ROOT = sb.ROOT


def wipe(driver) -> None:
    with driver.session(database="neo4j") as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS"
        ).consume()
        session.run("CALL db.clearQueryCaches()").consume()  # every run plans cold


def env_for(s, url: str) -> dict[str, str]:
    return {
        **os.environ,
        "NEO4J_URI": s.bolt_uri,
        "NEO4J_PASSWORD": s.neo4j_password.get_secret_value(),
        "VIVIM_STATE_DIR": str(s.state_dir),
        "DATABASE_URL": url,
    }


def child(env: dict[str, str], *args: str) -> tuple[float, str, int]:
    """Run the CLI in a child process: wall seconds, stdout, peak RSS (KiB) so far."""
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "vivim_graph", *args],
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    return seconds, result.stdout, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss


# ------------------------------------------------------------------ seed import
def pure_python_codec(env: dict[str, str]) -> dict[str, str]:
    """The environment of a child whose driver ignores neo4j-rust-ext (its codec module is
    hidden by a sitecustomize), to measure what the extension brings."""
    folder = Path(tempfile.mkdtemp(prefix="vivim-bench-"))
    (folder / "sitecustomize.py").write_text("import sys\nsys.modules['neo4j._rust'] = None\n")
    path = os.pathsep.join(p for p in (str(folder), env.get("PYTHONPATH", "")) if p)
    return {**env, "PYTHONPATH": path}


def bare_create(driver, nodes: int, relationships: int, batch: int = 5000) -> float:
    """The floor: UNWIND … CREATE of as many nodes and relationships, nothing else."""
    with driver.session(database="neo4j") as session:
        session.run(
            "CREATE CONSTRAINT bench_bare IF NOT EXISTS FOR (n:BenchBare) REQUIRE n.id IS UNIQUE"
        ).consume()
        session.run("CALL db.awaitIndexes(300)").consume()
    started = time.perf_counter()
    for start in range(0, nodes, batch):
        ids = list(range(start, min(start + batch, nodes)))
        driver.execute_query(
            "UNWIND $ids AS i CREATE (:BenchBare {id: i})", ids=ids, database_="neo4j"
        )
    for start in range(0, relationships, batch):
        rows = [
            {"a": i % nodes, "b": (i * 7 + 1) % nodes}
            for i in range(start, min(start + batch, relationships))
        ]
        driver.execute_query(
            "UNWIND $rows AS r MATCH (a:BenchBare {id: r.a}) MATCH (b:BenchBare {id: r.b}) "
            "CREATE (a)-[:BENCH_BARE]->(b)",
            rows=rows,
            database_="neo4j",
        )
    seconds = time.perf_counter() - started
    with driver.session(database="neo4j") as session:
        session.run(
            "MATCH (n:BenchBare) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS"
        ).consume()
        session.run("DROP CONSTRAINT bench_bare IF EXISTS").consume()
    return seconds


def seed_import(s, driver, url: str, codec_runs: int, rounds: int) -> dict:
    env = env_for(s, url)
    wipe(driver)
    first, _, _ = child(env, "import")  # a new database: the constraints are created too
    model = load_model()
    imports, bares = [], []
    # Rounds of the import and the bare statements, interleaved, each after a wipe (the
    # constraints stay; every plan is cold): the JVM warms up over the first rounds, and
    # one sample of each taken in a fixed order would charge that to whichever ran first.
    # The first round of each is reported but left out of the medians: it also pays for
    # compiling the server's code for its statements (the import's run through far more of
    # it than two UNWINDs), which the rounds after it no longer do.
    for _ in range(max(rounds, 3)):
        wipe(driver)
        with psycopg.connect(url) as conn:
            started = time.perf_counter()
            summary = import_graph(driver, conn, model, batch_size=s.batch_size)
            imports.append(time.perf_counter() - started)
        nodes = sum(t.rows for t in summary.nodes.values())
        rels = sum(t.rows for t in summary.relationships.values())
        wipe(driver)
        bares.append(bare_create(driver, nodes, rels))
    in_process, bare = statistics.median(imports[1:]), statistics.median(bares[1:])
    rust, pure = [], []
    for _ in range(codec_runs):  # interleaved, so a busy machine weighs on both alike
        wipe(driver)
        rust.append(child(env, "import")[0])
        wipe(driver)
        pure.append(child(pure_python_codec(env), "import")[0])
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    again, _, _ = child(env, "import")  # a re-import: every node exists
    cli = statistics.median(rust)
    return {
        "nodes": nodes,
        "relationships": rels,
        "first_import_cli_with_constraints_s": round(first, 2),
        "bare_unwind_create_s": round(bare, 2),  # median of the rounds after the first
        "bare_unwind_create_rounds_s": [round(x, 2) for x in bares],
        "import_in_process_cold_s": round(in_process, 2),
        "import_in_process_cold_rounds_s": [round(x, 2) for x in imports],
        "import_vs_bare": round(in_process / bare, 2),
        "import_cli_cold_median_s": round(cli, 2),
        "import_cli_vs_bare": round(cli / bare, 2),
        "import_cli_pure_python_codec_median_s": round(statistics.median(pure), 2),
        "rust_codec_vs_pure_python": round(cli / statistics.median(pure), 2),
        "reimport_cli_s": round(again, 2),
        "import_cli_peak_rss_mib": round(rss / 1024, 1),
    }


# ------------------------------------------------------------------ answers
def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def answers(s, driver, url: str, runs: int, cli_runs: int) -> dict:
    for _ in range(3):  # plans cached, as for a user's second question
        queries.run(driver, "milestone_cost_summary")
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        queries.run(driver, "milestone_cost_summary")
        samples.append(time.perf_counter() - started)
    p50, p95 = percentiles(samples)
    env = env_for(s, url)
    cli = [
        child(env, "query", "milestone_cost_summary", "--format", "json")[0]
        for _ in range(cli_runs)
    ]
    c50, c95 = percentiles(cli)
    help_s = [child(env, "--help")[0] for _ in range(5)]
    bare = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "import neo4j"], check=True)
        bare.append(time.perf_counter() - started)
    return {
        "query_in_process_p50_ms": round(p50 * 1000, 1),
        "query_in_process_p95_ms": round(p95 * 1000, 1),
        "query_cli_p50_s": round(c50, 2),
        "query_cli_p95_s": round(c95, 2),
        "cli_help_median_s": round(statistics.median(help_s), 2),
        "python_import_neo4j_median_s": round(statistics.median(bare), 2),
        "cli_help_vs_import_neo4j": round(statistics.median(help_s) / statistics.median(bare), 2),
    }


# ------------------------------------------------------------------ sync at scale
def change_rows(url: str, added: dict[str, int], *, fraction: float = 0, rows: int = 0) -> int:
    """Touch the newest synthetic rows (the updated_at trigger makes it a real change)."""
    changed = 0
    with psycopg.connect(url, autocommit=True) as conn:
        for table, n in added.items():
            k = rows if rows else max(int(n * fraction), 1)
            result = conn.execute(
                f'UPDATE "{table}" SET updated_at = updated_at '
                f'WHERE id IN (SELECT id FROM "{table}" ORDER BY id DESC LIMIT {k})'
            )
            changed += result.rowcount
            if rows and changed >= rows:
                break
    return changed


ONE_ROW_PAIRS = 5


def one_row_pairs(env: dict[str, str], url: str, added: dict[str, int], pairs: int) -> dict:
    """One changed row against no change, ``pairs`` times alternately (one sample each is
    mostly noise on a shared machine): medians of the wall times, and of what the runs
    report (their own time from connecting to the end, interpreter start excluded)."""
    walls: dict[str, list[float]] = {"no_change": [], "one_row": []}
    reported: dict[str, list[float]] = {"no_change": [], "one_row": []}
    for _ in range(pairs):
        for kind in ("no_change", "one_row"):
            if kind == "one_row":
                change_rows(url, added, rows=1)
            seconds, out, _ = child(env, "sync", "--format", "json")
            walls[kind].append(seconds)
            reported[kind].append(json.loads(out)["seconds"])
    wall = {k: statistics.median(v) for k, v in walls.items()}
    own = {k: statistics.median(v) for k, v in reported.items()}
    return {
        "pairs": pairs,
        "no_change_wall_median_s": round(wall["no_change"], 2),
        "one_row_wall_median_s": round(wall["one_row"], 2),
        "one_row_beyond_no_change_s": round(wall["one_row"] - wall["no_change"], 2),
        "no_change_reported_median_s": round(own["no_change"], 3),
        "one_row_reported_median_s": round(own["one_row"], 3),
    }


def sync_scale(s, driver, admin: str, scale: float) -> dict:
    name = f"vivim_bench_{str(scale).replace('.', '_')}"
    drop_database(admin, name)
    ensure_database(admin, name)
    url = with_database(admin, name)
    load_seeds(url)
    added = sb.synthesize(url, scale)
    wipe(driver)
    env = {**env_for(s, url), "VIVIM_BATCH_SIZE": "10000"}
    full_s, out, rss = child(env, "sync", "--format", "json")
    full = json.loads(out)
    nodes = sum(v["created"] + v["updated"] for v in full["labels"].values())
    rels = sum(v["created"] + v["updated"] for v in full["relationships"].values())
    result = {
        "scale": scale,
        "synthetic_rows_added": added,
        "full_sync_s": round(full_s, 1),
        "full_sync_nodes": nodes,
        "full_sync_relationships": rels,
        "full_sync_per_s": round((nodes + rels) / full_s),
        "full_sync_peak_rss_mib": round(rss / 1024, 1),
    }
    idle_s, out, _ = child(env, "sync", "--format", "json")
    result["no_change_sync_s"] = round(idle_s, 2)
    result["no_change_sync_reported_s"] = json.loads(out)["seconds"]
    result["incremental_1_row_paired"] = one_row_pairs(env, url, added, ONE_ROW_PAIRS)
    for label, kwargs in (("1_row", {"rows": 1}), ("1pct", {"fraction": 0.01})):
        changed = change_rows(url, added, **kwargs)
        seconds, out, _ = child(env, "sync", "--format", "json")
        result[f"incremental_{label}"] = {
            "rows_changed": changed,
            "wall_s": round(seconds, 2),
            "reported_s": json.loads(out)["seconds"],
            "beyond_no_change_s": round(seconds - idle_s, 2),
            "vs_full": round(seconds / full_s, 4),
        }
    changed = change_rows(url, added, fraction=0.10)
    seconds, out, _ = child(env, "sync", "--format", "json")
    result["incremental_10pct"] = {
        "rows_changed": changed,
        "wall_s": round(seconds, 2),
        "reported_s": json.loads(out)["seconds"],
        "vs_full": round(seconds / full_s, 4),
    }
    naive = sb.naive_baseline(s, url, sample=500)
    result["naive_rows_per_s"] = round(naive, 1)
    result["full_sync_vs_naive"] = round(result["full_sync_per_s"] / naive, 1)
    drop_database(admin, name)
    return result


SECTIONS = ("seed", "answers", "impact", "sync", "offline")


def seeded_sections(s, server, driver, url: str, admin: str, args, results: dict) -> None:
    """The sections chosen with --only, in order, each printed as it ends."""
    if "seed" in args.only:
        results["seed_import"] = seed_import(s, driver, url, args.codec_runs, args.seed_rounds)
        print(json.dumps(results["seed_import"], indent=2), flush=True)
    if {"answers", "impact"} & set(args.only):
        child(env_for(s, url), "import")  # the seed graph, whatever the seed section left
    if "answers" in args.only:
        results["answers"] = answers(s, driver, url, args.query_runs, args.cli_runs)
        print(json.dumps(results["answers"], indent=2), flush=True)
    if "impact" in args.only:
        results["impact"] = impact_figures(driver, env_for(s, url), args.query_runs, args.cli_runs)
        print(json.dumps(results["impact"], indent=2), flush=True)
    for scale in args.scales if "sync" in args.only else ():
        print(f"--- scale {scale}", flush=True)
        results[f"sync_{scale}"] = sync_scale(s, driver, admin, scale)
        print(json.dumps(results[f"sync_{scale}"], indent=2), flush=True)
    for scale in args.scales if "offline" in args.only else ():
        # full sync vs neo4j-admin import (export included) vs import --offline
        results[f"offline_{scale}"] = offline_benchmark.compare(s, server, admin, scale)
        print(json.dumps(results[f"offline_{scale}"], indent=2), flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="*", default=[0.05])
    parser.add_argument("--query-runs", type=int, default=50)
    parser.add_argument("--cli-runs", type=int, default=7)
    parser.add_argument("--codec-runs", type=int, default=3)
    parser.add_argument("--seed-rounds", type=int, default=7)
    parser.add_argument("--only", nargs="+", choices=SECTIONS, default=list(SECTIONS))
    args = parser.parse_args()
    s = sb.settings()
    server = LocalNeo4j(s)
    server.start(echo=print)
    results: dict = {"bolt": s.bolt_uri}
    try:
        admin = EmbeddedPostgres(s).admin_url()
        drop_database(admin, "vivim_bench_seed")
        ensure_database(admin, "vivim_bench_seed")
        url = with_database(admin, "vivim_bench_seed")
        load_seeds(url)
        driver = make_driver(s)
        try:
            seeded_sections(s, server, driver, url, admin, args, results)
        finally:
            driver.close()
    finally:
        server.stop()
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"all-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
