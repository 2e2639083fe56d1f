"""The project's one Neo4j driver, and the translation of driver errors.

Everything talks to Neo4j through a driver made here, with managed transactions
(``execute_query`` / ``execute_read`` / ``execute_write``) and ``database_=`` on every
call, so a routing URI (``neo4j://``, ``neo4j+s://`` for Aura or a cluster) works unchanged.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager

import neo4j
from neo4j import GraphDatabase
from neo4j.exceptions import AuthError, Neo4jError, ServiceUnavailable

from vivim_graph.errors import ConnectionFailed
from vivim_graph.settings import Settings

# A Neo4j that stopped answering must end a run within seconds with one clear message
# (see ``sync.Neo4jStopped``), not after the driver's default 30 s of retries per
# transaction and 60 s per connection wait, each retry logged as a warning line. Transient
# errors (deadlocks, leader changes) are still retried for this long.
RETRY_SECONDS = 8.0
CONNECT_SECONDS = 10.0
logging.getLogger("neo4j").setLevel(logging.ERROR)


def make_driver(settings: Settings, *, verify: bool = True) -> neo4j.Driver:
    """A driver for the configured URI; with ``verify`` it fails fast with a clear error."""
    uri, user = settings.bolt_uri, settings.neo4j_username
    driver = GraphDatabase.driver(
        uri,
        auth=(user, settings.neo4j_password.get_secret_value()),
        user_agent="vivim-graph",
        # Planner notices ("label does not exist" on an empty graph) would reach the
        # user's terminal through logging; queries are checked by tests instead.
        notifications_min_severity="OFF",
        max_transaction_retry_time=RETRY_SECONDS,
        connection_acquisition_timeout=CONNECT_SECONDS,
        connection_timeout=CONNECT_SECONDS,
    )
    if verify:
        try:
            driver.verify_connectivity()
        except BaseException as e:
            driver.close()
            raise translate_connection_error(e, uri=uri, user=user) from e
    return driver


@contextmanager
def open_driver(settings: Settings) -> Iterator[neo4j.Driver]:
    driver = make_driver(settings)
    try:
        yield driver
    finally:
        driver.close()


def translate_connection_error(error: BaseException, *, uri: str, user: str) -> BaseException:
    """Driver errors as ConnectionFailed naming the URI and user, never the password."""
    if isinstance(error, AuthError):
        return ConnectionFailed(
            f"Neo4j at {uri} refused the credentials of user '{user}'",
            uri=uri,
            user=user,
            hint="check NEO4J_USERNAME / NEO4J_PASSWORD (the local server keeps the password "
            "it was first started with; `vivim-graph neo4j reset` starts it afresh)",
        )
    if isinstance(error, ServiceUnavailable | OSError):
        return ConnectionFailed(
            f"Neo4j does not answer at {uri}",
            uri=uri,
            user=user,
            hint="start the local server with `vivim-graph neo4j start`, or fix NEO4J_URI",
        )
    if isinstance(error, Neo4jError):
        return ConnectionFailed(
            f"Neo4j at {uri} failed: {error.message or error.code}", uri=uri, user=user
        )
    return error


def server_info(driver: neo4j.Driver, database: str) -> dict[str, str]:
    records, _, _ = driver.execute_query(
        "CALL dbms.components() YIELD name, versions, edition "
        "RETURN name, versions[0] AS version, edition",
        database_=database,
        routing_=neo4j.RoutingControl.READ,
    )
    row = records[0]
    return {"name": row["name"], "version": row["version"], "edition": row["edition"]}
