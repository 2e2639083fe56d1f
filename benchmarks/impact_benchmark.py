"""Answers where users wait: every impact kind in process and through the CLI, beside a bare
driver process that runs one query and beside ``vivim-graph --help``, in one run.

Used by ``run_all.py`` (its ``impact`` section); on its own, against a running server with
the seeds imported (ports and password from the settings)::

    .venv/bin/python benchmarks/impact_benchmark.py [--runs 50] [--cli-runs 7]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from typing import Any

from vivim_graph.impact import scenarios as impact

# One scenario per kind, as the README's examples ask them: (kind, library call, CLI args).
KINDS: tuple[tuple[str, dict[str, Any], tuple[str, ...]], ...] = (
    ("hire", {"location": "malta", "role": "swe-senior", "count": 2, "start": "M5"},
     ("hire", "--location", "malta", "--role", "swe-senior", "--count", "2", "--from", "M5")),
    ("relocate", {"member": "TM-005", "to": "berlin", "start": "M5"},
     ("relocate", "--member", "TM-005", "--to", "berlin", "--from", "M5")),
    ("switch_provider", {"from_provider": "hetzner", "to_provider": "ovhcloud"},
     ("switch-provider", "--from", "hetzner", "--to", "ovhcloud")),
    ("users", {"mau": 100_000}, ("users", "--mau", "100000")),
    ("node", {"label": "Location", "key": "MT-VLT", "depth": 2},
     ("node", "Location", "MT-VLT", "--depth", "2")),
)  # fmt: skip

# The floor a CLI answer is compared with: start Python, import the driver, connect, run
# one trivial query, print.
BARE_DRIVER = (
    "import os, neo4j\n"
    "d = neo4j.GraphDatabase.driver(os.environ['NEO4J_URI'],"
    " auth=('neo4j', os.environ['NEO4J_PASSWORD']))\n"
    "print(d.execute_query('RETURN 1', database_='neo4j').records[0][0])\n"
    "d.close()\n"
)


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered), p95


def timed(call: Callable[[], Any], runs: int) -> tuple[float, float]:
    """p50, p95 in seconds of ``runs`` calls."""
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        call()
        samples.append(time.perf_counter() - started)
    return percentiles(samples)


def process(env: dict[str, str], *args: str) -> Callable[[], None]:
    """A child process to time; it must succeed."""
    return lambda: subprocess.run(args, env=env, capture_output=True, check=True)


def cli(env: dict[str, str], *args: str) -> Callable[[], None]:
    return process(env, sys.executable, "-m", "vivim_graph", *args)


def bare_read(driver) -> None:
    """The floor of an in-process answer: one managed read transaction, one `RETURN 1`."""
    with driver.session(database="neo4j", default_access_mode="READ") as s:
        s.execute_read(lambda tx: tx.run("RETURN 1").consume())


def in_process(driver, runs: int) -> dict[str, Any]:
    """Each kind's p50/p95 in ms, its plans cached (as for a user's second question), and
    how many queries its one transaction sends; beside the floor, a bare read transaction."""
    figures = {}
    for kind, params, _ in KINDS:
        for _ in range(3):
            report = impact.run_impact(driver, kind, params)
        p50, p95 = timed(lambda k=kind, p=params: impact.run_impact(driver, k, p), runs)
        figures[kind] = {
            "p50_ms": round(p50 * 1000, 1),
            "p95_ms": round(p95 * 1000, 1),
            "queries": len(report.cypher),
        }
    p50, p95 = timed(lambda: bare_read(driver), runs)
    figures["bare_read_tx"] = {"p50_ms": round(p50 * 1000, 1), "p95_ms": round(p95 * 1000, 1)}
    return figures


def through_cli(env: dict[str, str], runs: int) -> dict[str, Any]:
    """The bare driver process, ``--help`` and each kind through the CLI, interleaved so a
    busy machine weighs on all of them alike; seconds, and each answer over the bare one."""
    calls = {"bare_driver": process(env, sys.executable, "-c", BARE_DRIVER)}
    calls["help"] = cli(env, "--help")
    for kind, _, args in KINDS:
        calls[kind] = cli(env, "impact", *args, "--format", "json")
    samples: dict[str, list[float]] = {name: [] for name in calls}
    for _ in range(runs):
        for name, call in calls.items():
            started = time.perf_counter()
            call()
            samples[name].append(time.perf_counter() - started)
    bare = statistics.median(samples["bare_driver"])
    figures: dict[str, Any] = {}
    for name, values in samples.items():
        p50, p95 = percentiles(values)
        figures[name] = {
            "p50_s": round(p50, 2),
            "p95_s": round(p95, 2),
            "vs_bare": round(p50 / bare, 2),
        }
    return figures


def impact_figures(driver, env: dict[str, str], runs: int, cli_runs: int) -> dict[str, Any]:
    return {"in_process": in_process(driver, runs), "cli": through_cli(env, cli_runs)}


def main() -> None:
    from vivim_graph.neo4j_db import make_driver
    from vivim_graph.settings import load_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=50)
    parser.add_argument("--cli-runs", type=int, default=7)
    args = parser.parse_args()
    s = load_settings()
    env = {**os.environ, "NEO4J_URI": s.bolt_uri,
           "NEO4J_PASSWORD": s.neo4j_password.get_secret_value()}  # fmt: skip
    driver = make_driver(s)
    try:
        print(json.dumps(impact_figures(driver, env, args.runs, args.cli_runs), indent=2))
    finally:
        driver.close()


if __name__ == "__main__":
    main()
