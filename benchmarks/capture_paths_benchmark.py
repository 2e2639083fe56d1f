"""Capture paths side by side: triggers, WAL and Kafka (Debezium), on one source and one
graph, at each scale and change rate, in one run.

    .venv/bin/python benchmarks/capture_paths_benchmark.py --scales 0.05 0.25 --rates 0.01 0.10

For each scale: a PostgreSQL 16 with ``wal_level=logical`` on TCP (Debezium's JDBC driver
needs it), the seeds plus the synthetic rows of ``sync_benchmark.synthesize``; a local Neo4j;
a single-node Kafka and Kafka Connect running the Debezium connector from
``load.debezium``. Ports come from the settings (``VIVIM_NEO4J_BOLT_PORT`` /
``VIVIM_NEO4J_HTTP_PORT``, ``VIVIM_KAFKA_PORT`` / ``_CONTROLLER_PORT`` / ``_CONNECT_PORT``;
the PostgreSQL listens on the Connect port + 1); state in ``.vivim/bench-capture``. The graph
starts with a full sync by each pull path (timed too), so all three capture at once.

For each change rate, one transaction rewrites that share of the rows of every replicated
table (every row change is one event on every path), then each path in turn:

- **kafka**: capture = from the commit until Debezium has published every event (the
  topics' high watermarks); apply = a `sync --from-kafka` process reading them, less its
  idle wait; lag = capture + apply (a consumer started at the commit overlaps the two, so
  this is an upper bound);
- **triggers** and **wal**: capture = reading the changed keys back in process (the change
  log from the graph's watermark; the slot, peeked); apply = the run's own time (from its
  summary) less that capture; lag = the wall time of a `vivim-graph sync --capture X`
  process started at once (interpreter start included).

Throughput is row events per second. Peak memory is the peak RSS of each applying process
(``wait4``), and of the Connect and broker JVMs. The load average is printed beside each
scale. Results: JSON on stdout and in benchmarks/results/capture-paths-<time>.json.
Figures, not assertions: it is not part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psycopg
from pydantic import SecretStr

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.kafka_pipeline: the logical PostgreSQL on TCP

from sync_benchmark import synthesize  # noqa: E402
from tests.kafka_pipeline import start_logical_postgres  # noqa: E402

from vivim_graph.load import sync, wal_capture  # noqa: E402
from vivim_graph.load.debezium import connector_config, model_topics  # noqa: E402
from vivim_graph.model.spec import load_model  # noqa: E402
from vivim_graph.neo4j_db import make_driver  # noqa: E402
from vivim_graph.servers.kafka import LocalKafka, create_topics  # noqa: E402
from vivim_graph.servers.local_neo4j import LocalNeo4j  # noqa: E402
from vivim_graph.settings import load_settings  # noqa: E402
from vivim_graph.sources.postgres import ensure_database, redact, with_database  # noqa: E402
from vivim_graph.sources.relational import load_seeds  # noqa: E402

STATE = ROOT / ".vivim" / "bench-capture"
PREFIX = "vivimbench"
IDLE = 2.0  # the consumer's --stop-when-idle


def progress(what: str) -> None:
    """A phase's end on stderr, with the time and load, to follow a long run."""
    load = " ".join(f"{x:.1f}" for x in os.getloadavg())
    print(f"{time.strftime('%H:%M:%S')} (load {load}) {what}", file=sys.stderr, flush=True)


def bench_settings():
    ports = load_settings()  # the environment's or the config file's ports
    return load_settings(
        VIVIM_STATE_DIR=STATE,
        VIVIM_NEO4J_BOLT_PORT=ports.neo4j_bolt_port,
        VIVIM_NEO4J_HTTP_PORT=ports.neo4j_http_port,
        VIVIM_KAFKA_PORT=ports.kafka_port,
        VIVIM_KAFKA_CONTROLLER_PORT=ports.kafka_controller_port,
        VIVIM_KAFKA_CONNECT_PORT=ports.kafka_connect_port,
        NEO4J_PASSWORD=SecretStr("vivim-bench-only"),
        NEO4J_URI=None,
        DATABASE_URL=None,
    )


def run_process(env: dict[str, str], *args: str) -> tuple[float, dict, float]:
    """`vivim-graph ARGS --format json` in a child: wall seconds, its JSON, peak RSS in MB
    (the child's own, from wait4)."""
    with tempfile.TemporaryFile("w+") as out, tempfile.TemporaryFile("w+") as err:
        started = time.perf_counter()
        child = subprocess.Popen(
            [sys.executable, "-m", "vivim_graph", *args, "--format", "json"],
            env=env,
            stdout=out,
            stderr=err,
        )
        _, status, usage = os.wait4(child.pid, 0)
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        seconds = time.perf_counter() - started
        out.seek(0)
        err.seek(0)
        if child.returncode != 0:
            raise RuntimeError(f"vivim-graph {' '.join(args)} failed:\n{err.read()[-2000:]}")
        return seconds, json.loads(out.read()), round(usage.ru_maxrss / 1024, 1)


def jvm_peak_mb(pid: int | None) -> float | None:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError):
        return None
    return None


def change(url: str, rate: float) -> int:
    """One transaction rewriting ``rate`` of the rows of every replicated table."""
    per_mille = max(int(rate * 1000), 1)
    changed = 0
    with psycopg.connect(url) as conn:
        for table, key in sync.replicated_tables(load_model()):
            k = key[0]
            changed += conn.execute(
                f'UPDATE "{table}" SET "{k}" = "{k}" '
                f"WHERE abs(hashtext(ctid::text)) % 1000 < {per_mille}"
            ).rowcount
        conn.commit()
    return changed


def published(bootstrap: str, topics: list[str]) -> int:
    from confluent_kafka import Consumer, TopicPartition

    probe = Consumer({"bootstrap.servers": bootstrap, "group.id": "vivim-bench-probe"})
    try:
        return sum(probe.get_watermark_offsets(TopicPartition(t, 0), 30)[1] for t in topics)
    finally:
        probe.close()


def kafka_path(env, bootstrap: str, topics: list[str], before: int, events: int, t0) -> dict:
    deadline = time.monotonic() + 1800
    while published(bootstrap, topics) < before + events:
        if time.monotonic() > deadline:
            raise RuntimeError("Debezium did not publish every event within 30 minutes")
        time.sleep(0.2)
    capture_s = time.perf_counter() - t0
    args = ["sync", "--from-kafka", bootstrap, "--topics", rf"{PREFIX}\.public\..*"]
    wall, out, peak = run_process(env, *args, "--group", "bench", "--stop-when-idle", str(IDLE))
    apply_s = max(wall - IDLE, 1e-3)
    return _figures("kafka", out["events"], capture_s, apply_s, capture_s + apply_s, peak)


def pull_path(env, driver, url: str, capture: str) -> dict:
    model = load_model()
    with psycopg.connect(url) as conn:
        started = time.perf_counter()
        if capture == "triggers":
            watermark = sync.read_state(driver, "neo4j", redact(url))
            changes, _ = sync.read_changes(conn, watermark)
        else:
            read, _ = wal_capture.read_wal_changes(conn, model)
            changes = read.keyed()
        capture_s = time.perf_counter() - started
    wall, out, peak = run_process(env, "sync", "--capture", capture)
    keys = sum(len(v) for v in changes.values())
    apply_s = max(out["seconds"] - capture_s, 1e-3)
    return _figures(capture, keys, capture_s, apply_s, wall, peak)


def _figures(path, events, capture_s, apply_s, lag_s, peak_mb) -> dict:
    return {
        "path": path,
        "events": events,
        "capture_s": round(capture_s, 2),
        "capture_events_per_s": round(events / capture_s) if capture_s else None,
        "apply_s": round(apply_s, 2),
        "apply_events_per_s": round(events / apply_s),
        "lag_s": round(lag_s, 2),
        "peak_rss_mb": peak_mb,
    }


def start_scale(settings, scale: float, home: Path) -> dict:
    """PostgreSQL with the synthetic rows, the broker and Connect with Debezium running."""
    (home / "pg").mkdir(parents=True)
    pg_port = settings.kafka_connect_port + 1
    stop_pg = start_logical_postgres(home / "pg", pg_port)
    admin = f"postgresql://postgres@127.0.0.1:{pg_port}/postgres"
    ensure_database(admin, "vivim_bench")
    url = with_database(admin, "vivim_bench")
    load_seeds(url)
    added = synthesize(url, scale)
    progress(f"scale {scale}: source loaded ({sum(added.values())} synthetic rows)")
    kafka = LocalKafka(settings, home=home / "kafka")
    kafka.start_broker(echo=lambda _: None)
    model = load_model()
    topics = model_topics(model, PREFIX)
    create_topics(kafka.bootstrap, topics)
    config = connector_config(model, url, topic_prefix=PREFIX, slot="vivim_debezium")
    kafka.start_connect(config, echo=lambda _: None)
    return {"url": url, "stop_pg": stop_pg, "kafka": kafka, "topics": topics, "added": added}


def full_syncs(env: dict[str, str]) -> dict:
    """The graph made by each pull path's full run (whatever an earlier scale left is
    reconciled away): both then capture the changes."""
    figures = {}
    for capture in ("triggers", "wal"):
        wall, out, peak = run_process(env, "sync", "--capture", capture, "--full")
        assert out["mode"] == "full", out
        figures[capture] = {"seconds": round(wall, 1), "peak_rss_mb": peak}
        progress(f"full sync, {capture}: {figures[capture]}")
    return figures


def measure_scale(settings, driver, scale: float, rates: list[float]) -> dict:
    home = STATE / f"scale-{scale}"
    shutil.rmtree(home, ignore_errors=True)
    # CALL { } IN TRANSACTIONS runs only in an auto-commit transaction (session.run), not
    # in execute_query's managed one: the graph an earlier scale left, emptied in batches
    with driver.session(database="neo4j") as session:
        session.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS").consume()
    parts = start_scale(settings, scale, home)
    url, kafka, topics = parts["url"], parts["kafka"], parts["topics"]
    env = {
        **os.environ,
        "DATABASE_URL": url,
        "NEO4J_URI": settings.bolt_uri,
        "NEO4J_PASSWORD": settings.neo4j_password.get_secret_value(),
        "VIVIM_STATE_DIR": str(STATE),
    }
    try:
        with psycopg.connect(url) as conn:
            rows = sum(
                conn.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]
                for t, _ in sync.replicated_tables(load_model())
            )
        result = {"scale": scale, "rows": rows, "full_sync": full_syncs(env), "rates": []}
        for rate in rates:
            before = published(kafka.bootstrap, topics)
            t0 = time.perf_counter()
            events = change(url, rate)
            paths = [kafka_path(env, kafka.bootstrap, topics, before, events, t0)]
            paths += [pull_path(env, driver, url, capture) for capture in ("triggers", "wal")]
            result["rates"].append({"rate": rate, "rows_changed": events, "paths": paths})
            print(json.dumps(result["rates"][-1]), flush=True)
        status = kafka.status()
        result["connect_peak_rss_mb"] = jvm_peak_mb(status.connect_pid)
        result["broker_peak_rss_mb"] = jvm_peak_mb(status.broker_pid)
        result["load_average"] = [round(x, 1) for x in os.getloadavg()]
        return result
    finally:
        kafka.stop()
        parts["stop_pg"]()
        shutil.rmtree(home, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scales", type=float, nargs="+", default=[0.05, 0.25])
    parser.add_argument("--rates", type=float, nargs="+", default=[0.01, 0.10])
    args = parser.parse_args()
    settings = bench_settings()
    server = LocalNeo4j(settings)
    server.start(echo=lambda _: None)
    results = []
    try:
        driver = make_driver(settings)
        try:
            for scale in args.scales:
                results.append(measure_scale(settings, driver, scale, args.rates))
                print(json.dumps(results[-1], indent=2), flush=True)
        finally:
            driver.close()
    finally:
        server.stop()
        out = ROOT / "benchmarks" / "results"
        out.mkdir(parents=True, exist_ok=True)
        text = json.dumps({"results": results}, indent=2)
        (out / f"capture-paths-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
