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
from neo4j.exceptions import AuthError, ConfigurationError, Neo4jError, ServiceUnavailable

from vivim_graph.errors import ConfigError, ConnectionFailed, did_you_mean
from vivim_graph.settings import NEO4J_URI_HINT, Settings, check_neo4j_uri

__all__ = ["check_neo4j_uri", "make_driver", "open_driver"]

# A Neo4j that stopped answering must end a run within seconds with one clear message
# (see ``sync.Neo4jStopped``), not after the driver's default 30 s of retries per
# transaction and 60 s per connection wait, each retry logged as a warning line. Transient
# errors (deadlocks, leader changes) are still retried for this long.
RETRY_SECONDS = 8.0
CONNECT_SECONDS = 10.0
logging.getLogger("neo4j").setLevel(logging.ERROR)
# Without a handler of its own, Python's last-resort handler prints the driver's ERROR lines
# ("Unable to retrieve routing information") on stderr before our one clear message; an
# application that configures logging still gets them through propagation.
logging.getLogger("neo4j").addHandler(logging.NullHandler())


def make_driver(settings: Settings, *, verify: bool = True) -> neo4j.Driver:
    """A driver for the configured URI; with ``verify`` it fails fast with a clear error,
    and checks that NEO4J_DATABASE exists there."""
    uri, user = check_neo4j_uri(settings.bolt_uri), settings.neo4j_username
    try:
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
    except (ConfigurationError, ValueError) as e:  # e.g. a port that is not a number
        raise ConfigError(f"NEO4J_URI {uri.rpartition('@')[2]}: {e}", hint=NEO4J_URI_HINT) from None
    if verify:
        try:
            # the first query connects and logs in: it fails as verify_connectivity() would,
            # one round trip sooner
            check_database(driver, settings.neo4j_database, uri=uri)
        except BaseException as e:
            driver.close()
            raise translate_connection_error(e, uri=uri, user=user) from e
    return driver


def check_database(driver: neo4j.Driver, database: str, *, uri: str) -> None:
    """One trivial read on ``database``: an unknown name is a ConfigError naming
    NEO4J_DATABASE and the databases the server has, not a crash in the first query."""
    try:
        driver.execute_query("RETURN 1", database_=database, routing_=neo4j.RoutingControl.READ)
    except Neo4jError as e:
        if e.code != "Neo.ClientError.Database.DatabaseNotFound":
            raise
        names = _database_names(driver)
        listed = f"; it has {', '.join(names)}" if names else ""
        raise ConfigError(
            f"NEO4J_DATABASE {database!r}: Neo4j at {uri} has no such database{listed}."
            + did_you_mean(database, names),
            hint="set NEO4J_DATABASE to one of them (the default is neo4j), or create it "
            "(CREATE DATABASE needs Enterprise or Aura)",
        ) from None


def _database_names(driver: neo4j.Driver) -> list[str]:
    try:
        records, _, _ = driver.execute_query(
            "SHOW DATABASES YIELD name, type WHERE type <> 'system' RETURN DISTINCT name "
            "ORDER BY name",
            database_="system",
            routing_=neo4j.RoutingControl.READ,
        )
    except Neo4jError:  # not every user may list databases
        return []
    return [str(r["name"]) for r in records]


@contextmanager
def open_driver(settings: Settings) -> Iterator[neo4j.Driver]:
    driver = make_driver(settings)
    try:
        yield driver
    except Neo4jError as e:
        if e.code not in READ_ONLY_CODES:
            raise
        raise read_only_error(settings, e) from None
    finally:
        driver.close()


# A write sent to a read-only database: a Community server started with
# server.databases.default_to_read_only (the first code, seen on 5.26), a database set
# READ ONLY, a read replica.
READ_ONLY_CODES = (
    "Neo.ClientError.General.WriteOnReadOnlyAccessDatabase",
    "Neo.ClientError.General.ForbiddenOnReadOnlyDatabase",
)


def read_only_error(settings: Settings, error: Neo4jError) -> ConfigError:
    uri = settings.bolt_uri.rpartition("@")[2]
    return ConfigError(
        f"Neo4j at {uri} refuses writes to database {settings.neo4j_database!r}: it is "
        f"read-only ({error.message or error.code})",
        hint="import and sync write: point NEO4J_URI at the writer. A read-only server "
        "answers query, cypher, impact (without --save) and mcp (see docs/scale.md)",
    )


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
