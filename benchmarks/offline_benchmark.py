"""Full sync vs `neo4j-admin import` (export included) vs `vivim-graph import --offline`.

    .venv/bin/python benchmarks/offline_benchmark.py --scales 0.05 0.25

On the same synthetic VIVIM (``sync_benchmark.synthesize``) and the same local Neo4j (ports
from the settings: ``VIVIM_NEO4J_BOLT_PORT`` / ``VIVIM_NEO4J_HTTP_PORT`` or the config file;
state in .vivim/bench), each contender starts from a new, empty store (no data, no schema):

- **full sync**: ``vivim-graph sync`` through the CLI (it creates the constraints);
- **admin tool + export**, the floor a hand-written bulk load reaches: every node table's
  model columns and every foreign key and join row copied out by a bare ``COPY … TO STDOUT``
  (no validation, no conversion: every property a string), ``neo4j-admin database import
  full`` into a staging home, the store swapped in, the server started, the constraints
  created;
- **import --offline** through the CLI: validation, the exact export, the same admin tool,
  swap and start, the same constraints, then ``check`` (also reported without it).

Peak memory of each (``/usr/bin/time``'s maximum resident set): the sync's and the offline
import's process tree (the admin tool the offline path launches included), and the admin
tool's own JVM for the floor (its bare export streams ``COPY`` to files).

It prints the three side by side as ratios, and writes them to benchmarks/results/. Figures,
not assertions: it is not part of the test suite. ``run_all.py`` calls ``compare`` per scale.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from psycopg import sql

sys.path.insert(0, str(Path(__file__).resolve().parent))
import sync_benchmark as sb

from vivim_graph.load.offline import copy_to_file, write_header
from vivim_graph.model.cypher import apply_constraints
from vivim_graph.model.spec import load_model
from vivim_graph.neo4j_db import make_driver
from vivim_graph.servers.local_neo4j import LocalNeo4j
from vivim_graph.servers.neo4j_admin import (
    ImportFiles,
    ImportSource,
    import_command,
    staging_home,
    store_dirs,
    swap_store,
)
from vivim_graph.sources.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    with_database,
)
from vivim_graph.sources.relational import load_seeds

ROOT = sb.ROOT


def empty_store(server: LocalNeo4j) -> None:
    """A new, empty store: no nodes, no constraints, no cached plans."""
    server.stop()
    for path in store_dirs(server.home, server.settings.neo4j_database):
        shutil.rmtree(path, ignore_errors=True)
    server.start(echo=lambda _: None)


def env_for(s, url: str) -> dict[str, str]:
    return {
        **os.environ,
        "NEO4J_URI": s.bolt_uri,
        "NEO4J_PASSWORD": s.neo4j_password.get_secret_value(),
        "VIVIM_STATE_DIR": str(s.state_dir),
        "VIVIM_NEO4J_BOLT_PORT": str(s.neo4j_bolt_port),
        "VIVIM_NEO4J_HTTP_PORT": str(s.neo4j_http_port),
        "VIVIM_NEO4J_HEAP": s.neo4j_heap,
        "VIVIM_NEO4J_PAGECACHE": s.neo4j_pagecache,
        "VIVIM_NEO4J_START_TIMEOUT": "900",
        "VIVIM_BATCH_SIZE": "10000",
        "DATABASE_URL": url,
    }


PEAK = "peak-rss-kib="


def peak_rss(command: list[str]) -> list[str]:
    """The command under GNU time, which prints its tree's peak resident set last on stderr."""
    return ["/usr/bin/time", "-f", PEAK + "%M", *command]


def peak_mib(stderr: str) -> float:
    line = next(x for x in reversed(stderr.splitlines()) if x.startswith(PEAK))
    return round(int(line.removeprefix(PEAK)) / 1024, 1)


def cli(env: dict[str, str], *args: str) -> tuple[float, str, float]:
    """Run the CLI: wall seconds, stdout, peak memory (MiB) of its process tree."""
    started = time.perf_counter()
    result = subprocess.run(
        peak_rss([sys.executable, "-m", "vivim_graph", *args]),
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"vivim-graph {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - started, result.stdout, peak_mib(result.stderr)


def admin_import(
    server: LocalNeo4j, staging: Path, database: str, files: ImportFiles
) -> tuple[float, float]:
    """``run_admin_import`` under GNU time: seconds, and the admin tool's peak memory (MiB)."""
    command, env = import_command(server, staging, database, files)
    log = staging / "logs" / "admin-import.log"
    started = time.perf_counter()
    with log.open("wb") as out:
        result = subprocess.run(
            peak_rss(command), env=env, cwd=staging, stdout=out, stderr=subprocess.PIPE, text=True
        )
    if result.returncode != 0:
        raise RuntimeError(f"admin import failed: {log}\n{result.stderr[-3000:]}")
    return time.perf_counter() - started, peak_mib(result.stderr)


def bare_export(url: str, out: Path) -> tuple[list[ImportSource], list[ImportSource], list]:
    """The floor: every table's model columns by a bare COPY, every property a string."""
    model = load_model()
    nodes, rels, multiline = [], [], []
    with psycopg.connect(url) as conn:
        for node in model.nodes:
            key, columns = node.key[0], [p.column for p in node.properties]
            query = sql.SQL("SELECT {}, {} FROM {}").format(
                sql.Identifier(key),
                sql.SQL(", ").join(sql.Identifier(c) for c in columns),
                sql.Identifier(node.table),
            )
            data = out / f"n-{node.table}.csv"
            _, lines = copy_to_file(conn, query, data)
            header = [f":ID({node.label})", *(f"{p.name}:string" for p in node.properties)]
            nodes.append(
                ImportSource(node.label, write_header(out / f"n-{node.table}.h", header), data)
            )
            multiline += [data] if lines else []
            for number, ref in enumerate(node.references):
                target = model.node_by_table[ref.target].label
                column = sql.Identifier(ref.columns[0])
                query = sql.SQL("SELECT {}, {} FROM {} WHERE {} IS NOT NULL").format(
                    sql.Identifier(key), column, sql.Identifier(node.table), column
                )
                data = out / f"r-{node.table}-{number}.csv"
                copy_to_file(conn, query, data)
                header = [f":START_ID({node.label})", f":END_ID({target})"]
                path = write_header(out / f"r-{node.table}-{number}.h", header)
                rels.append(ImportSource(ref.type, path, data))
        for join in model.joins:
            a, b = join.source.columns[0], join.target.columns[0]
            query = sql.SQL("SELECT * FROM {}").format(sql.Identifier(join.table))
            names = [
                r[0]
                for r in conn.execute(
                    sql.SQL("SELECT * FROM {} LIMIT 0").format(sql.Identifier(join.table))
                ).description
            ]
            data = out / f"j-{join.table}.csv"
            copy_to_file(conn, query, data)
            ends = {
                a: f":START_ID({model.node_by_table[join.source.table].label})",
                b: f":END_ID({model.node_by_table[join.target.table].label})",
            }
            header = [ends.get(n, f"{n}:string") for n in names]
            rels.append(
                ImportSource(join.type, write_header(out / f"j-{join.table}.h", header), data)
            )
    return nodes, rels, multiline


def admin_floor(server: LocalNeo4j, url: str) -> dict:
    """Bare export, admin import, swap, start, constraints: seconds of each and in all."""
    s, database = server.settings, server.settings.neo4j_database
    root = server.home.parent / "bench-floor"
    shutil.rmtree(root, ignore_errors=True)
    (root / "export").mkdir(parents=True)
    started = time.perf_counter()
    nodes, rels, multiline = bare_export(url, root / "export")
    export_s = time.perf_counter() - started
    staging = staging_home(root / "home")
    admin_s, admin_mib = admin_import(
        server, staging, database, ImportFiles(nodes, rels, multiline)
    )
    mark = time.perf_counter()
    server.stop()
    backup = swap_store(server, staging, database)
    server.start(echo=lambda _: None)
    swap_s = time.perf_counter() - mark
    mark = time.perf_counter()
    with make_driver(s) as driver:
        apply_constraints(driver, load_model(), database)
    constraints_s = time.perf_counter() - mark
    total = time.perf_counter() - started
    shutil.rmtree(root, ignore_errors=True)
    shutil.rmtree(backup, ignore_errors=True)
    return {
        "export_s": round(export_s, 1),
        "admin_import_s": round(admin_s, 1),
        "swap_and_start_s": round(swap_s, 1),
        "constraints_s": round(constraints_s, 1),
        "total_s": round(total, 1),
        "admin_tool_peak_rss_mib": admin_mib,
    }


def offline_phases(stdout: str) -> dict[str, float]:
    """The phases `import --offline` prints: 'offline: export 2.1 s, admin import 90.9 s, …'."""
    line = next(x for x in stdout.splitlines() if x.startswith("offline: "))
    return {
        name.strip().replace(" ", "_") + "_s": float(value)
        for name, value in re.findall(r"([a-z ]+?) ([0-9.]+) s", line.removeprefix("offline: "))
    }


def compare(s, server: LocalNeo4j, admin: str, scale: float) -> dict:
    name = f"vivim_bench_offline_{str(scale).replace('.', '_')}"
    drop_database(admin, name)
    ensure_database(admin, name)
    url = with_database(admin, name)
    load_seeds(url)
    added = sb.synthesize(url, scale)
    env = env_for(s, url)
    empty_store(server)
    sync_s, out, sync_mib = cli(env, "sync", "--format", "json")
    full = json.loads(out)
    nodes = sum(v["created"] + v["updated"] for v in full["labels"].values())
    rels = sum(v["created"] + v["updated"] for v in full["relationships"].values())
    # Each contender printed as it ends: a long run stopped early still tells what it measured.
    print(f"scale {scale}: full sync {sync_s:.1f} s, {nodes}+{rels}, {sync_mib} MiB", flush=True)
    empty_store(server)
    floor = admin_floor(server, url)
    print(f"scale {scale}: admin tool + export {json.dumps(floor)}", flush=True)
    empty_store(server)
    offline_s, out, offline_mib = cli(env, "import", "--offline")
    phases = offline_phases(out)
    print(f"scale {scale}: import --offline {offline_s:.1f} s, {offline_mib} MiB", flush=True)
    without_check = offline_s - phases.get("check_s", 0.0)
    drop_database(admin, name)
    return {
        "scale": scale,
        "synthetic_rows_added": added,
        "nodes": nodes,
        "relationships": rels,
        "full_sync_s": round(sync_s, 1),
        "full_sync_peak_rss_mib": sync_mib,
        "offline_cli_peak_rss_mib": offline_mib,
        "admin_tool_with_export_s": floor["total_s"],
        "admin_tool_phases": floor,
        "offline_cli_s": round(offline_s, 1),
        "offline_phases": phases,
        "offline_cli_without_check_s": round(without_check, 1),
        "full_sync_vs_admin_tool": round(sync_s / floor["total_s"], 2),
        "offline_vs_admin_tool": round(offline_s / floor["total_s"], 2),
        "offline_without_check_vs_admin_tool": round(without_check / floor["total_s"], 2),
        "full_sync_vs_offline": round(sync_s / offline_s, 2),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.05, 0.25])
    args = parser.parse_args()
    s = sb.settings().model_copy(update={"neo4j_start_timeout": 900.0})
    server = LocalNeo4j(s)
    server.start(echo=print)
    results = []
    try:
        admin = EmbeddedPostgres(s).admin_url()
        for scale in args.scales:
            print(f"--- scale {scale}", flush=True)
            results.append(compare(s, server, admin, scale))
            print(json.dumps(results[-1], indent=2), flush=True)
    finally:
        server.stop()
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"offline-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
