"""Sync benchmark: full and incremental sync of a synthetic VIVIM, and a naive baseline.

    .venv/bin/python benchmarks/sync_benchmark.py --scales 0.1 1.0

At scale 1.0 the synthetic VIVIM has 10,000 extra team members, 1,000,000 operational
expenses and 1,000,000 audit-log rows, made by copying seed rows with fresh unique keys
(so every foreign key stays consistent). For each scale it measures, on its own local
Neo4j (ports from the settings: ``VIVIM_NEO4J_BOLT_PORT`` / ``VIVIM_NEO4J_HTTP_PORT`` or the
config file; state in .vivim/bench) and a fresh embedded PostgreSQL database:

- full sync: nodes and relationships per second, and the sync process's peak RSS;
- incremental sync after changing 1 % of the synthetic rows, against the full sync's time;
- a naive baseline on a sample: one neomodel ``save()`` (one transaction) per row.

It prints the figures and writes them to benchmarks/results/sync-<timestamp>.json.
Figures, not assertions: it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

import psycopg
from pydantic import SecretStr

from vivim_graph.neo4j_db import make_driver
from vivim_graph.servers.local_neo4j import LocalNeo4j
from vivim_graph.settings import load_settings
from vivim_graph.sources.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    with_database,
)
from vivim_graph.sources.relational import load_seeds

ROOT = Path(__file__).resolve().parents[1]
SYNTHETIC = {  # table: (rows at scale 1.0, {unique column: SQL expression of g})
    "team_members": (10_000, {"code": "'TMB-' || g"}),
    "operational_expenses": (
        1_000_000,
        {
            "code": "'OPX-' || lpad((g / 10000)::text, 4, '0') || '-' || "
            "lpad((g % 10000)::text, 4, '0')"
        },
    ),
    "audit_logs": (1_000_000, {"request_id": "'bench-' || g"}),
}


def settings():
    ports = load_settings()  # the environment's or the config file's ports, never hard-coded
    return load_settings(
        VIVIM_STATE_DIR=Path(os.environ.get("VIVIM_BENCH_STATE_DIR", ROOT / ".vivim" / "bench")),
        VIVIM_NEO4J_BOLT_PORT=ports.neo4j_bolt_port,
        VIVIM_NEO4J_HTTP_PORT=ports.neo4j_http_port,
        VIVIM_NEO4J_HEAP="2g",
        VIVIM_NEO4J_PAGECACHE="1g",
        NEO4J_PASSWORD=SecretStr("vivim-bench-only"),
        NEO4J_URI=None,
        DATABASE_URL=None,
    )


def synthesize(url: str, scale: float) -> dict[str, int]:
    """Copy seed rows into each big table with new unique keys; returns rows added."""
    added = {}
    with psycopg.connect(url, autocommit=True) as conn:
        for table, (rows, overrides) in SYNTHETIC.items():
            n = int(rows * scale)
            columns = [
                r[0]
                for r in conn.execute(
                    "SELECT column_name::text FROM information_schema.columns "
                    "WHERE table_name = %s AND column_name <> 'id' "
                    "AND is_generated = 'NEVER' ORDER BY ordinal_position",
                    (table,),
                ).fetchall()
            ]
            select = ", ".join(overrides.get(c, f'src."{c}"') for c in columns)
            names = ", ".join(f'"{c}"' for c in columns)
            count = conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
            conn.execute(
                f'INSERT INTO "{table}" ({names}) SELECT {select} FROM generate_series(1, {n}) g '
                f'JOIN (SELECT *, row_number() OVER (ORDER BY id) - 1 AS rn FROM "{table}") src '
                f"ON src.rn = g % {count}"
            )
            added[table] = n
    return added


def change_one_percent(url: str, added: dict[str, int]) -> int:
    changed = 0
    with psycopg.connect(url, autocommit=True) as conn:
        for table, n in added.items():
            k = max(n // 100, 1)
            # The updated_at trigger stamps now(): a real change of one property per row.
            result = conn.execute(
                f'UPDATE "{table}" SET updated_at = updated_at '
                f'WHERE id IN (SELECT id FROM "{table}" ORDER BY id DESC LIMIT {k})'
            )
            changed += result.rowcount
    return changed


def timed_sync(url: str, env: dict[str, str], *extra: str) -> tuple[float, dict, int]:
    """Run `vivim-graph sync` in a child process: wall time, its summary, its peak RSS."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    started = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "vivim_graph", "sync", "--format", "json", *extra],
        env={**env, "DATABASE_URL": url},
        capture_output=True,
        text=True,
        check=True,
    )
    seconds = time.perf_counter() - started
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return seconds, json.loads(result.stdout), max(peak_kib, before)


def naive_baseline(s, url: str, sample: int = 2000) -> float:
    """neomodel save() per row for a sample of audit logs: rows per second."""
    from vivim_graph.model import ogm
    from vivim_graph.model.rows import node_row
    from vivim_graph.model.spec import load_model

    model = load_model()
    node = model.node_by_table["audit_logs"]
    driver = make_driver(s)
    classes = ogm.bind(driver)
    cls = classes[node.label]
    with psycopg.connect(url) as conn, conn.cursor(row_factory=psycopg.rows.dict_row) as cur:
        cur.execute("SELECT * FROM audit_logs ORDER BY id LIMIT %s", (sample,))
        rows = cur.fetchall()
    started = time.perf_counter()
    for row in rows:
        props = node_row(node, row)["props"]
        instance = cls(
            **{
                ("pk" if k == "id" else k): v
                for k, v in props.items()
                if k in cls.defined_properties() or k == "id"
            }
        )
        instance.pk = -row["id"]  # separate keys: the baseline must not touch synced nodes
        instance.save()  # one transaction per row
    seconds = time.perf_counter() - started
    driver.execute_query(
        f"MATCH (n:{node.label}) WHERE n.id < 0 DETACH DELETE n", database_="neo4j"
    )
    driver.close()
    return len(rows) / seconds


def run_scale(scale: float) -> dict:
    s = settings()
    pg = EmbeddedPostgres(s)
    admin = pg.admin_url()
    name = f"vivim_bench_{str(scale).replace('.', '_')}"
    drop_database(admin, name)
    ensure_database(admin, name)
    url = with_database(admin, name)
    load_seeds(url)
    t0 = time.perf_counter()
    added = synthesize(url, scale)
    synth_seconds = time.perf_counter() - t0
    with psycopg.connect(url) as conn:
        total_rows = sum(
            conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
            for (t,) in conn.execute("SELECT tablename FROM pg_tables WHERE schemaname='public'")
        )
    driver = make_driver(s)
    with driver.session(database="neo4j") as session:
        session.run(
            "MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 20000 ROWS"
        ).consume()
    driver.close()
    env = {
        **os.environ,
        "NEO4J_URI": s.bolt_uri,
        "NEO4J_PASSWORD": "vivim-bench-only",
        "VIVIM_STATE_DIR": str(s.state_dir),
        "VIVIM_BATCH_SIZE": "10000",
    }
    full_seconds, full, full_rss = timed_sync(url, env)
    nodes = sum(v["created"] + v["updated"] for v in full["labels"].values())
    rels = sum(v["created"] + v["updated"] for v in full["relationships"].values())
    changed = change_one_percent(url, added)
    inc_seconds, inc, _ = timed_sync(url, env)
    naive = naive_baseline(s, url)
    return {
        "scale": scale,
        "synthetic_rows_added": added,
        "rows_in_database": total_rows,
        "synthesis_seconds": round(synth_seconds, 1),
        "full_sync_seconds": round(full_seconds, 1),
        "full_sync_nodes": nodes,
        "full_sync_relationships": rels,
        "full_sync_rows_per_second": round((nodes + rels) / full_seconds),
        "full_sync_peak_rss_mib": round(full_rss / 1024, 1),
        "incremental_rows_changed": changed,
        "incremental_changes_read": inc["changes_read"],
        "incremental_seconds": round(inc_seconds, 1),
        "incremental_vs_full": round(inc_seconds / full_seconds, 4),
        "naive_rows_per_second": round(naive, 1),
        "batched_vs_naive": round(((nodes + rels) / full_seconds) / naive, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.1, 1.0])
    args = parser.parse_args()
    s = settings()
    server = LocalNeo4j(s)
    server.start(echo=print)
    results = []
    try:
        for scale in args.scales:
            print(f"--- scale {scale}", flush=True)
            result = run_scale(scale)
            results.append(result)
            print(json.dumps(result, indent=2), flush=True)
    finally:
        server.stop()
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    path = out / f"sync-{time.strftime('%Y%m%d-%H%M%S')}.json"
    path.write_text(json.dumps(results, indent=2))
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
