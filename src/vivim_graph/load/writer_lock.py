"""One writer at a time: the lock that `import`, `up` and `sync` take before writing.

Where the lock lives, and why in Neo4j
--------------------------------------
What must not be written by two runs at once is the *graph*: each full run stamps the nodes
it writes and sweeps the ones it did not, so two overlapping runs delete each other's work.
The graph can be fed from different PostgreSQL servers (a staging copy, the embedded one,
production), so a PostgreSQL advisory lock, which only excludes runs against the same
PostgreSQL, would not exclude them. The lock is therefore a node in the graph itself,
``(:VivimWriterLock {name: 'replica'})``, claimed in a write transaction:

- the claim first writes the node (``SET l.claiming = ...``), which takes Neo4j's exclusive
  lock on it, and only then reads the owner, so two claims cannot both see it free;
- the holder renews a lease every few seconds from a background thread; a holder that
  stops renewing (killed, or its machine gone) loses the lock when the lease runs out;
- a holder on this same machine whose process no longer exists (``kill -9``) is taken over
  at once, so a rerun after a crash does not wait for the lease;
- the release deletes the owner only if it is still ours.
"""

from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import neo4j

from vivim_graph.errors import VivimGraphError

LEASE_SECONDS = 30  # a holder that has not renewed for this long has lost the lock
RENEW_SECONDS = 5
LOCK_NAME = "replica"


class WriterBusy(VivimGraphError):
    """Another writer (import, up or sync) holds the graph's writer lock."""


_CLAIM = """
MERGE (l:VivimWriterLock {name: $name})
SET l.claiming = $token
WITH l
WITH l, l.owner IS NULL OR l.expires_at < datetime()
        OR (l.host = $host AND l.pid = $checked_pid AND NOT $checked_alive) AS free
FOREACH (_ IN CASE WHEN free OR l.owner = $token THEN [1] ELSE [] END |
  SET l.owner = $token, l.command = $command, l.host = $host, l.pid = $pid,
      l.acquired_at = datetime(), l.expires_at = datetime() + duration({seconds: $lease}))
REMOVE l.claiming
RETURN l.owner = $token AS ours, l.command AS command, l.host AS host, l.pid AS pid,
       toString(l.acquired_at) AS since
"""

_RENEW = """
MATCH (l:VivimWriterLock {name: $name}) WHERE l.owner = $token
SET l.expires_at = datetime() + duration({seconds: $lease})
RETURN count(l) AS renewed
"""

_RELEASE = """
MATCH (l:VivimWriterLock {name: $name}) WHERE l.owner = $token
REMOVE l.owner, l.command, l.host, l.pid, l.acquired_at, l.expires_at
"""


def _alive(pid: int) -> bool:
    """Whether a process of this machine exists (kill with signal 0 sends nothing)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:  # exists, but belongs to another user
        return True
    return True


def ensure_lock_constraint(driver: neo4j.Driver, database: str) -> None:
    """Without it two first claims could MERGE two lock nodes."""
    # ClientError: created by a concurrent claim meanwhile
    with contextlib.suppress(neo4j.exceptions.ClientError):
        driver.execute_query(
            "CREATE CONSTRAINT vivim_writer_lock IF NOT EXISTS "
            "FOR (l:VivimWriterLock) REQUIRE l.name IS UNIQUE",
            database_=database,
        )


def _try_claim(driver: neo4j.Driver, database: str, token: str, command: str) -> dict:
    host, pid = socket.gethostname(), os.getpid()
    holder = driver.execute_query(
        "MATCH (l:VivimWriterLock {name: $name}) RETURN l.pid AS pid",
        name=LOCK_NAME,
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    ).records
    # The pid checked is passed with its answer: a holder that changed since is not judged.
    checked = holder[0]["pid"] if holder and holder[0]["pid"] is not None else -1
    records, _, _ = driver.execute_query(
        _CLAIM,
        name=LOCK_NAME,
        token=token,
        command=command,
        host=host,
        pid=pid,
        checked_pid=checked,
        checked_alive=checked < 0 or _alive(checked),
        lease=LEASE_SECONDS,
        database_=database,
    )
    return dict(records[0])


def schema_churn(error: neo4j.exceptions.DatabaseError) -> bool:
    """Neo4j could not plan a query because the schema changed under it again and again
    (another process creating many indexes): nothing ran, asking again is safe. Neo4j 5.26
    reports it as Neo.DatabaseError.General.UnknownError, so it is told by its message."""
    return "frequent schema changes" in (error.message or "")


def _busy(holder: dict, command: str) -> WriterBusy:
    return WriterBusy(
        f"another vivim-graph writer is running against this graph: `{holder['command']}` "
        f"(process {holder['pid']} on {holder['host']}, since {holder['since']}); "
        f"`{command}` did not start and wrote nothing",
        hint="wait for it to finish, or run with --wait to queue behind it",
    )


@contextmanager
def writer_lock(
    driver: neo4j.Driver,
    database: str,
    command: str,
    *,
    wait: bool = False,
    waiting: Callable[[str], None] = lambda _: None,
    cancelled: Callable[[], bool] = lambda: False,
) -> Iterator[None]:
    """Hold the graph's writer lock for the block; refuse (or, with ``wait``, queue until
    it is free or ``cancelled()`` says to give up, e.g. on Ctrl-C)."""
    token = uuid.uuid4().hex
    told = False
    ensure_lock_constraint(driver, database)
    while True:
        try:
            holder = _try_claim(driver, database, token, command)
        except neo4j.exceptions.DatabaseError as e:
            if not schema_churn(e):
                raise
            # The holder is creating the graph's constraints (a first import makes ~240):
            # Neo4j gave up planning the claim while its schema kept changing. Ask again.
            time.sleep(1.0)
            continue
        if holder["ours"]:
            break
        if not wait or cancelled():
            raise _busy(holder, command)
        if not told:
            waiting(f"waiting for `{holder['command']}` (process {holder['pid']}) to finish")
            told = True
        time.sleep(1.0)
    stop = threading.Event()
    renewer = threading.Thread(
        target=_renew_until, args=(driver, database, token, stop), daemon=True
    )
    renewer.start()
    neo4j_gone = False
    try:
        yield
    except (neo4j.exceptions.ServiceUnavailable, neo4j.exceptions.SessionExpired):
        neo4j_gone = True  # releasing would only wait for it: the lease or pid check frees it
        raise
    finally:
        stop.set()
        if not neo4j_gone:
            renewer.join(timeout=RENEW_SECONDS + 1)
            with contextlib.suppress(Exception):
                driver.execute_query(_RELEASE, name=LOCK_NAME, token=token, database_=database)


def _renew_until(driver: neo4j.Driver, database: str, token: str, stop: threading.Event) -> None:
    while not stop.wait(RENEW_SECONDS):
        # Neo4j unreachable: the run itself fails on its next write
        with contextlib.suppress(Exception):
            driver.execute_query(
                _RENEW, name=LOCK_NAME, token=token, lease=LEASE_SECONDS, database_=database
            )
