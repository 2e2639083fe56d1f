"""Kill -9 on the Kafka path (issue 16): the Kafka broker, Kafka Connect (Debezium) or Neo4j
killed with SIGKILL at a random point while Debezium publishes random edits and the consumer
applies them; the killed process is restarted, the consumer rerun, and the graph must be
exactly a fresh import's (the canonical checksum: nothing lost, nothing doubled).

The consumer's own kill -9 is in test_kafka_path.py. By default one trial kills all three,
each at its own random point, and restarts them side by side, to keep the suite short;
VIVIM_KAFKA_KILL_TRIALS=10 runs ten trials of each alone (docs/scale.md has the outcome of
such a run). Only the killed processes are restarted; the rest of the session's servers
stay up.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import neo4j
import psycopg
import pytest
from pydantic import SecretStr

from tests.graph_helpers import graph_checksum
from tests.kafka_pipeline import (
    GROUP,
    TOPICS,
    Pipeline,
    caught_up,
    consume_all,
    in_step,
    popen_sync,
    wait_for_slot,
    wait_until_serving,
)
from tests.servers import (
    CRASH_BOLT_PORT,
    CRASH_HTTP_PORT,
    TEST_NEO4J_VERSION,
    TEST_STATE_DIR,
    Neo4jTarget,
    cli_env,
    local_test_settings,
)
from tests.sync_helpers import (
    Edits,
    edit_randomly,
    fresh_import_keeping_position,
    wait_until_holding,
)
from vivim_graph.servers.local_neo4j import LocalNeo4j

pytestmark = pytest.mark.integration


@dataclass(frozen=True)
class Graph:
    """A Neo4j this module may kill: the session's own when the local runner started it
    (restarting it costs a warm start, not a new store), else one started here."""

    server: LocalNeo4j
    driver: neo4j.Driver
    target: Neo4jTarget
    group: str  # the consumer group that feeds this graph


@pytest.fixture(scope="module")
def killable(driver, neo4j_server, kafka_pipeline) -> Iterator[Graph]:
    if neo4j_server.backend == "local runner":
        from vivim_graph.jobs import local_neo4j

        in_step(driver, kafka_pipeline)
        yield Graph(local_neo4j(local_test_settings()), driver, neo4j_server, GROUP)
        return
    yield from _graph_of_its_own(kafka_pipeline)


def _graph_of_its_own(pipeline: Pipeline) -> Iterator[Graph]:
    """A Neo4j on the crash ports, for sessions whose Neo4j is not ours to kill."""
    from vivim_graph.neo4j_db import make_driver
    from vivim_graph.settings import load_settings

    password = "kafka-kill-pass"
    settings = load_settings(
        VIVIM_STATE_DIR=TEST_STATE_DIR / "kafka-kills",
        VIVIM_NEO4J_BOLT_PORT=CRASH_BOLT_PORT,
        VIVIM_NEO4J_HTTP_PORT=CRASH_HTTP_PORT,
        VIVIM_NEO4J_VERSION=TEST_NEO4J_VERSION,
        NEO4J_PASSWORD=SecretStr(password),
        NEO4J_URI=None,
    )
    server = LocalNeo4j(settings)
    server.start(echo=lambda _: None)
    own = make_driver(settings)
    try:
        uri = f"neo4j://127.0.0.1:{CRASH_BOLT_PORT}"
        target = Neo4jTarget(uri, "neo4j", password, None, "local runner (kafka kills)")
        group = "vivim-kill-graph"
        caught_up(pipeline)
        consume_all(own, pipeline, group=group)
        fresh_import_keeping_position(own, pipeline.url)
        yield Graph(server, own, target, group)
    finally:
        own.close()
        server.stop()


def _dead(pid: int, timeout: float = 30) -> None:
    """SIGKILL, then wait until the process is gone."""
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                state = stat.read().split()[2]
        except OSError:
            return
        if state == "Z":
            return
        time.sleep(0.05)
    raise AssertionError(f"process {pid} outlived SIGKILL")


@dataclass(frozen=True)
class Kind:
    """What a trial kills: its pid now, how to bring it back, the longest random delay."""

    pid: Callable[[Pipeline, Graph], int | None]
    restart: Callable[[Pipeline, Graph], None]
    longest: float
    while_writing: bool  # the kill waits until the consumer holds the writer lock


def _restart_broker(pipeline: Pipeline, _graph: Graph) -> None:
    pipeline.kafka.start_broker(echo=lambda _: None)
    wait_until_serving(pipeline)


def _restart_connect(pipeline: Pipeline, _graph: Graph) -> None:
    pipeline.kafka.start_connect(pipeline.connector, echo=lambda _: None)
    wait_for_slot(pipeline.url)


def _restart_neo4j(_pipeline: Pipeline, graph: Graph, timeout: float = 300) -> None:
    """Start it again, and wait until its database answers: Bolt opens before the store
    has recovered from the kill."""
    graph.server.stop()  # clears the dead server's pid file
    graph.server.start(echo=lambda _: None)
    deadline = time.monotonic() + timeout
    while True:
        try:
            graph.driver.execute_query("RETURN 1", database_="neo4j")
            return
        except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired):
            if time.monotonic() > deadline:
                raise
            time.sleep(1)


KINDS = {
    # the broker: the consumer loses its fetches and commits, Connect its producer
    "kafka": Kind(
        pid=lambda p, _: p.kafka.status().broker_pid,
        restart=_restart_broker,
        longest=4.0,
        while_writing=False,
    ),
    # Connect with Debezium: events published but not yet recorded in its offsets
    "connect": Kind(
        pid=lambda p, _: p.kafka.status().connect_pid,
        restart=_restart_connect,
        longest=3.0,
        while_writing=False,
    ),
    # Neo4j in the middle of the consumer's graph write
    "neo4j": Kind(
        pid=lambda _, g: g.server.pid(),
        restart=_restart_neo4j,
        longest=1.5,
        while_writing=True,
    ),
}


def _kill_at_random_points(names, pipeline: Pipeline, graph: Graph, consumer, rng) -> bool:
    """Each named process killed at its own random time; True when the consumer was still
    running at every kill."""
    started = time.monotonic()
    running = True
    for delay, name in sorted((rng.uniform(0.0, KINDS[n].longest), n) for n in names):
        time.sleep(max(0.0, started + delay - time.monotonic()))
        pid = KINDS[name].pid(pipeline, graph)
        assert pid is not None, f"{name} is not running: nothing to kill"
        running = running and consumer.poll() is None
        _dead(pid)
    return running


def _restart(names, pipeline: Pipeline, graph: Graph) -> None:
    """Restart what was killed; Neo4j beside Kafka (the broker before Connect)."""
    kafka = [n for n in ("kafka", "connect") if n in names]
    neo4j = (
        threading.Thread(target=KINDS["neo4j"].restart, args=(pipeline, graph))
        if "neo4j" in names
        else None
    )
    if neo4j:
        neo4j.start()
    try:
        for name in kafka:
            KINDS[name].restart(pipeline, graph)
    finally:
        if neo4j:
            neo4j.join()
    if neo4j:
        assert graph.server.pid() is not None, "Neo4j did not come back"


def _trial(names, pipeline: Pipeline, graph: Graph, edits: Edits, rng) -> bool:
    """One trial: random edits, a consumer, the named processes killed at random points,
    restarted, the consumer rerun; True when the consumer was still running at the kills."""
    edit_randomly(rng, edits, most=12, rewrites=8)
    args = ["--from-kafka", pipeline.bootstrap, "--topics", TOPICS, "--group", graph.group]
    env = cli_env(graph.target, pipeline.url)
    consumer = popen_sync(env, *args, "--batch-size", "2", "--stop-when-idle", "3")
    if any(KINDS[n].while_writing for n in names):  # Neo4j dies during the graph write
        wait_until_holding(graph.driver, consumer.pid, 60)
    running = _kill_at_random_points(names, pipeline, graph, consumer, rng)
    try:  # it fails (Neo4j gone), or goes on (Connect, a broker that comes back)
        consumer.communicate(timeout=20)
    except subprocess.TimeoutExpired:  # still retrying: a kill -9 of it too
        consumer.kill()
        consumer.communicate(timeout=30)
    _restart(names, pipeline, graph)
    caught_up(pipeline, timeout=180)
    rerun = consume_all(graph.driver, pipeline, group=graph.group)
    assert rerun.summary.status == "completed"
    synced = graph_checksum(graph.driver)
    assert synced == fresh_import_keeping_position(graph.driver, pipeline.url)
    print(f"kill -9 of {'+'.join(names)}: converged (consumer mid-run: {running})", flush=True)
    return running


# By default one trial kills all three, each at its own random point, so that the restarts
# overlap (the suite stays short); VIVIM_KAFKA_KILL_TRIALS=N runs N trials of each alone.
TRIALS = int(os.environ.get("VIVIM_KAFKA_KILL_TRIALS", "0"))
PLANS = [(name,) for name in KINDS] if TRIALS else [tuple(KINDS)]


@pytest.mark.parametrize("names", PLANS, ids="+".join)
def test_kill_9_then_restart_and_rerun_converges(names, kafka_pipeline, killable):
    """Kills at random points; after each restart the rerun gives the fresh import."""
    trials = TRIALS or 1
    rng = random.Random(f"kafka-kill-{'+'.join(names)}")
    pg = psycopg.connect(kafka_pipeline.url, autocommit=True)
    edits = Edits(pg)
    started = time.monotonic()
    writing = any(KINDS[n].while_writing for n in names)
    wanted = max(1, trials // 2) if writing else 0
    mid_run = done = 0
    try:
        # A consumer may finish its batches before a random kill lands: such a trial still
        # has to converge, but it did not kill during the write, so up to three more trials
        # run until enough of them did (the kill points are random, the load is not ours).
        while done < trials or (mid_run < wanted and done < trials + 3):
            mid_run += _trial(names, kafka_pipeline, killable, edits, rng)
            done += 1
    finally:
        pg.close()
    trials = done
    seconds = time.monotonic() - started
    what = "+".join(names)
    print(f"kafka kill -9 of {what}: {trials} trials converged, {mid_run} mid-run, {seconds:.0f} s")
    assert edits.applied > 0  # the trials did edit the source
    if writing:
        assert mid_run >= wanted  # killed during the graph write, not after it
