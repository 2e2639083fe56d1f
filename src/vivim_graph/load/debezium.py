"""The Debezium PostgreSQL connector configuration, derived from the graph model.

Every replicated table (each node table, each join table) is captured, with the model's key
as the event key: the consumer (``load.kafka_sync``) needs only the key of each changed row,
since it re-reads the row's current state from PostgreSQL, as the trigger path does.

A delete (and an update that moves the key) carries the old row only as far as the table's
``REPLICA IDENTITY`` reaches: by default its primary key. A table whose model key is not
its primary key needs ``REPLICA IDENTITY FULL`` (``replica_identity_advice`` says which),
or the consumer cannot tell which node or relationship went, and refuses the event.
"""

from __future__ import annotations

from dataclasses import dataclass

import psycopg
from psycopg import conninfo as pg_conninfo

from vivim_graph.errors import ConfigError
from vivim_graph.load.sync import replicated_tables
from vivim_graph.model.spec import GraphModel

SCHEMA = "public"  # the sync replicates tables of the public schema


def topic_name(prefix: str, table: str) -> str:
    """Debezium's default topic for a table: ``<topic.prefix>.<schema>.<table>``."""
    return f"{prefix}.{SCHEMA}.{table}"


def model_topics(model: GraphModel, prefix: str) -> list[str]:
    return [topic_name(prefix, table) for table, _ in replicated_tables(model)]


def _server_of(url: str) -> dict[str, str]:
    params = pg_conninfo.conninfo_to_dict(url) if url else {}
    host = str(params.get("host") or "")
    if not host or host.startswith("/"):
        raise ConfigError(
            "Debezium reaches PostgreSQL over TCP, but the connection string names a Unix "
            f"socket ({host or 'libpq default'})",
            hint="set DATABASE_URL to postgresql://USER@HOST:PORT/DB (a server with "
            "wal_level=logical), or pass --database-url",
        )
    return {
        "database.hostname": host,
        "database.port": str(params.get("port") or 5432),
        "database.user": str(params.get("user") or "postgres"),
        "database.dbname": str(params.get("dbname") or "postgres"),
    }


def connector_config(
    model: GraphModel,
    url: str,
    *,
    name: str = "vivim-graph",
    topic_prefix: str = "vivim",
    slot: str = "vivim_debezium",
    snapshot: str = "no_data",
) -> dict[str, str]:
    """The connector's settings (Kafka Connect's flat string map).

    ``snapshot=no_data`` streams changes from the moment the slot exists: run a full sync
    (``vivim-graph sync --full``) once the connector is up, and the two meet (a change seen
    twice is harmless). ``initial`` sends every row first instead.

    The password is never written: add ``database.password`` (or a config provider
    reference such as ``${env:PGPASSWORD}``) where the connector is deployed.
    """
    tables = [table for table, _ in replicated_tables(model)]
    keys = [f"{SCHEMA}.{table}:{','.join(key)}" for table, key in replicated_tables(model)]
    return {
        "name": name,
        "connector.class": "io.debezium.connector.postgresql.PostgresConnector",
        "plugin.name": "pgoutput",  # built into PostgreSQL 10+: nothing to install
        **_server_of(url),
        "topic.prefix": topic_prefix,
        "schema.include.list": SCHEMA,
        "table.include.list": ",".join(f"{SCHEMA}.{t}" for t in tables),
        # the model's key as the message key: one row's events stay in one partition
        "message.key.columns": ";".join(keys),
        "slot.name": slot,
        "publication.name": slot,
        "publication.autocreate.mode": "filtered",
        "snapshot.mode": snapshot,
        # exact numbers as text, not base64-encoded bytes
        "decimal.handling.mode": "string",
        "tombstones.on.delete": "true",
        "skipped.operations": "none",  # TRUNCATE too (Debezium skips it by default)
        "topic.creation.default.partitions": "1",
        "topic.creation.default.replication.factor": "-1",
    }


@dataclass(frozen=True)
class IdentityAdvice:
    table: str
    identity: str  # default, full, index, nothing, or missing (no such table)
    primary_key: tuple[str, ...]
    model_key: tuple[str, ...]

    @property
    def sufficient(self) -> bool:
        """Deletes and key moves carry the model key."""
        if self.identity == "full":
            return True
        return self.identity == "default" and set(self.model_key) <= set(self.primary_key)

    def statement(self) -> str | None:
        if self.sufficient or self.identity == "missing":
            return None
        return f'ALTER TABLE {SCHEMA}."{self.table}" REPLICA IDENTITY FULL;'


_IDENTITY = {"d": "default", "f": "full", "i": "index", "n": "nothing"}


def replica_identity_advice(conn: psycopg.Connection, model: GraphModel) -> list[IdentityAdvice]:
    """Each replicated table's REPLICA IDENTITY, and whether it is enough for the consumer."""
    rows = conn.execute(
        "SELECT c.relname, c.relreplident::text, coalesce(array(SELECT a.attname::text "
        "FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid "
        "AND a.attnum = ANY(i.indkey) WHERE i.indrelid = c.oid AND i.indisprimary), '{}') "
        "FROM pg_class c WHERE c.relnamespace = %s::regnamespace AND c.relkind = 'r'",
        (SCHEMA,),
    ).fetchall()
    conn.commit()
    found = {name: (_IDENTITY.get(ident, ident), tuple(pk)) for name, ident, pk in rows}
    return [
        IdentityAdvice(
            table=table,
            identity=found.get(table, ("missing", ()))[0],
            primary_key=found.get(table, ("missing", ()))[1],
            model_key=tuple(key),
        )
        for table, key in replicated_tables(model)
    ]


def as_properties(config: dict[str, str]) -> str:
    """The standalone worker's form: ``key=value`` lines."""
    return "".join(f"{key}={value}\n" for key, value in config.items())
