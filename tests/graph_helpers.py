"""Helpers for graph tests: a canonical checksum of the whole graph, and the sync and fresh
import it is compared against."""

from __future__ import annotations

import hashlib
import json

import neo4j
import psycopg

# Provenance of *when* an element was written; everything else must be identical.
VOLATILE = {"_sync_run"}


def _pairs(pairs: list) -> list:
    """[key, value] pairs sorted by key, volatile ones left out. The values are what the
    server made of them (``_properties``: temporal values as [type, text]), so they need
    no walk of their own here: the checksum's Python cost was as much as the server's."""
    return sorted(p for p in pairs if p[0] not in VOLATILE)


TEMPORAL_TYPES = "DATE | LOCAL DATETIME | ZONED DATETIME | LOCAL TIME | ZONED TIME | DURATION"


def _properties(var: str) -> str:
    """Cypher for ``var``'s properties as [key, value] pairs, temporal values as [type, text]:
    turned into text by the server, as the driver's Python hydration of ~14k datetimes was
    nearly all of a checksum's time (0.6 of 0.85 s on the seed graph)."""
    value = f"{var}[k]"
    return (
        f"[k IN keys({var}) | [k, CASE WHEN {value} IS :: {TEMPORAL_TYPES} "
        f"THEN [valueType({value}), toString({value})] ELSE {value} END]]"
    )


def graph_checksum(driver: neo4j.Driver, database: str = "neo4j") -> tuple[int, int, str]:
    """(nodes, relationships, sha256) over labels, properties and relationship endpoints."""
    digest = hashlib.sha256()
    with driver.session(database=database) as session:
        # each side in ONE record (a list), not a record per row: the driver's cost per
        # record adds up, and the suite takes this checksum some 200 times
        nodes = session.run(
            # replicated data only: not the test marker, not SyncRun/SyncState records
            "MATCH (n) WHERE n._source_table IS NOT NULL "
            f"RETURN collect([labels(n), {_properties('n')}]) AS rows"
        ).single(strict=True)["rows"]
        edges = session.run(
            "MATCH (a)-[r]->(b) WHERE r._source_table IS NOT NULL "
            f"RETURN collect([labels(a), a._source_key, type(r), {_properties('r')}, labels(b), "
            "b._source_key]) AS rows"
        ).single(strict=True)["rows"]
    lines = [json.dumps([sorted(labels), _pairs(props)], default=str) for labels, props in nodes]
    node_count = len(lines)
    rels = [
        json.dumps([sorted(al), ak, t, _pairs(props), sorted(bl), bk], default=str)
        for al, ak, t, props, bl, bk in edges
    ]
    for line in sorted(lines) + sorted(rels):
        digest.update(line.encode())
    return node_count, len(rels), digest.hexdigest()


def clean(driver: neo4j.Driver) -> None:
    """Empty the graph of everything but the test session's marker."""
    driver.execute_query(
        "MATCH (n) WHERE NOT n:VivimTestSession DETACH DELETE n", database_="neo4j"
    )


def run_sync(driver: neo4j.Driver, url: str, **options):
    """One sync of the database at ``url``, in process."""
    from vivim_graph.load.sync import sync_once
    from vivim_graph.model.spec import load_model
    from vivim_graph.sources.postgres import redact

    with psycopg.connect(url) as conn:
        return sync_once(driver, conn, load_model(), source=redact(url), **options)


def run_wal(driver: neo4j.Driver, url: str, **options):
    """One sync of the database at ``url`` reading the WAL, in process."""
    from vivim_graph.load.wal_capture import sync_once_wal
    from vivim_graph.model.spec import load_model
    from vivim_graph.sources.postgres import redact

    with psycopg.connect(url) as conn:
        return sync_once_wal(driver, conn, load_model(), source=redact(url), **options)


def fresh_checksum(driver: neo4j.Driver, url: str):
    """The graph a fresh import of the database gives, in a clean graph."""
    from vivim_graph.load.importer import import_graph
    from vivim_graph.model.spec import load_model

    clean(driver)
    with psycopg.connect(url) as conn:
        import_graph(driver, conn, load_model())
    return graph_checksum(driver)
