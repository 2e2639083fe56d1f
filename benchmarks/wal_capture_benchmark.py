"""Capture benchmark: what each change capture costs PostgreSQL's writers, and how fast each
reads the changes back. PostgreSQL only (no Neo4j): both paths hand the same change entries
to the same validation and apply code, so the apply is not what differs.

    .venv/bin/python benchmarks/wal_capture_benchmark.py [--rounds 3]

On the embedded PostgreSQL (state in .vivim/bench), two fresh databases with the seeds: one
with the trigger capture installed, one with the WAL capture (slot and publication). In both
it updates every row of every table that has an ``updated_at`` column (as the sync tests do:
thousands of rows), timing the UPDATEs (the writers' cost: the triggers write a log row per
row changed), then reads the changes back the way a sync does (``read_changes`` from the
watermark; ``read_wal_changes`` from the slot), timing that and counting the keys.
It prints the figures as JSON and writes them to benchmarks/results/wal-capture-<time>.json.
"""

from __future__ import annotations

import argparse
import json
import time
import uuid
from pathlib import Path

import psycopg

from vivim_graph.load import sync, wal_capture
from vivim_graph.model.spec import load_model
from vivim_graph.settings import load_settings
from vivim_graph.sources.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    with_database,
)
from vivim_graph.sources.relational import load_seeds

ROOT = Path(__file__).resolve().parents[1]
TOUCH_ALL = """DO $$ DECLARE t text; BEGIN
  FOR t IN SELECT table_name FROM information_schema.columns
           WHERE table_schema = 'public' AND column_name = 'updated_at' LOOP
    EXECUTE format('UPDATE %I SET updated_at = updated_at', t);
  END LOOP; END $$"""


def _timed(fn):
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def measure(url: str, capture: str, rounds: int) -> dict:
    model = load_model()
    with psycopg.connect(url) as conn:
        if capture == "triggers":
            sync.install_capture(conn, model)
            watermark = sync.snapshot_xmin(conn)
        else:
            wal_capture.setup(conn, model)
    writes, reads, keys = [], [], 0
    for _ in range(rounds):
        with psycopg.connect(url, autocommit=True) as pg:
            _, seconds = _timed(lambda pg=pg: pg.execute(TOUCH_ALL))
        writes.append(seconds)
        with psycopg.connect(url) as conn:
            if capture == "triggers":
                since = watermark
                (changes, _), seconds = _timed(
                    lambda conn=conn, since=since: sync.read_changes(conn, since)
                )
                keys = sum(len(v) for v in changes.values())
                watermark = sync.snapshot_xmin(conn)
                sync.prune_log(conn, watermark)
            else:
                (read, position), seconds = _timed(
                    lambda conn=conn: wal_capture.read_wal_changes(conn, model)
                )
                keys = sum(len(v) for v in read.changes.values())
                wal_capture.advance_slot(conn, position)
        reads.append(seconds)
    best_write, best_read = min(writes), min(reads)
    return {
        "capture": capture,
        "changed_keys": keys,
        "update_all_seconds_best": round(best_write, 3),
        "read_seconds_best": round(best_read, 3),
        "read_keys_per_second": round(keys / best_read) if best_read else None,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    settings = load_settings(VIVIM_STATE_DIR=ROOT / ".vivim" / "bench", DATABASE_URL=None)
    admin = EmbeddedPostgres(settings).admin_url()
    results = []
    for capture in ("triggers", "wal"):
        name = f"vivim_bench_{capture}_{uuid.uuid4().hex[:6]}"
        ensure_database(admin, name)
        try:
            url = with_database(admin, name)
            load_seeds(url)
            results.append(measure(url, capture, args.rounds))
        finally:
            drop_database(admin, name)
    text = json.dumps({"rounds": args.rounds, "results": results}, indent=2)
    print(text)
    out = ROOT / "benchmarks" / "results"
    out.mkdir(parents=True, exist_ok=True)
    (out / f"wal-capture-{time.strftime('%Y%m%d-%H%M%S')}.json").write_text(text + "\n")


if __name__ == "__main__":
    main()
