"""What the A/B benchmarks of a local Neo4j share (``jvm_options_benchmark.py``,
``planner_settings_benchmark.py``): a seeded source database, the settings of a throwaway
server on the configured ports, and the table of medians with their ratios."""

from __future__ import annotations

import os
import statistics
import uuid
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from pydantic import SecretStr

from vivim_graph.settings import Settings, load_settings
from vivim_graph.sources.postgres import (
    EmbeddedPostgres,
    drop_database,
    ensure_database,
    with_database,
)
from vivim_graph.sources.relational import load_seeds


@contextmanager
def seeded_database(prefix: str) -> Iterator[str]:
    """The URL of a new database of the embedded PostgreSQL holding the seeds; dropped after."""
    admin = EmbeddedPostgres(load_settings()).admin_url()
    name = f"{prefix}_{uuid.uuid4().hex[:6]}"
    ensure_database(admin, name)
    try:
        source = with_database(admin, name)
        load_seeds(source)
        yield source
    finally:
        drop_database(admin, name)


def bench_settings(state: Path, jvm_options: str) -> Settings:
    """A server of its own (``state``) on the settings' ports, with a password of its own."""
    ports = load_settings()
    return load_settings(
        VIVIM_STATE_DIR=state,
        VIVIM_NEO4J_BOLT_PORT=ports.neo4j_bolt_port,
        VIVIM_NEO4J_HTTP_PORT=ports.neo4j_http_port,
        VIVIM_JVM_OPTIONS=jvm_options,
        NEO4J_PASSWORD=SecretStr("vivim-bench-only"),
        NEO4J_URI=None,
    )


def print_medians(
    samples: dict[str, list[dict[str, float]]], figures: Sequence[str], *, width: int, digits: int
) -> None:
    """One row per figure: the median of each variant (in ``samples``' order), then the
    second's ratio to the first; the load average last."""
    (a_name, a), (b_name, b) = samples.items()
    print(f"{'figure':{width}} {a_name:>10} {b_name:>10} {'ratio':>7}")
    for figure in figures:
        x = statistics.median(r[figure] for r in a)
        y = statistics.median(r[figure] for r in b)
        print(f"{figure:{width}} {x:10.{digits}f} {y:10.{digits}f} {y / x:7.2f}")
    print("load average (1, 5, 15 min):", " ".join(f"{v:.1f}" for v in os.getloadavg()))
