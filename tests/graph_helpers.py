"""Helpers for graph tests: a canonical checksum of the whole graph."""

from __future__ import annotations

import hashlib
import json

import neo4j

# Provenance of *when* an element was written; everything else must be identical.
VOLATILE = {"_sync_run"}


def _canonical(value):
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in sorted(value.items()) if k not in VOLATILE}
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


def graph_checksum(driver: neo4j.Driver, database: str = "neo4j") -> tuple[int, int, str]:
    """(nodes, relationships, sha256) over labels, properties and relationship endpoints."""
    digest = hashlib.sha256()
    lines: list[str] = []
    with driver.session(database=database) as session:
        for record in session.run(
            # replicated data only: not the test marker, not SyncRun/SyncState records
            "MATCH (n) WHERE n._source_table IS NOT NULL "
            "RETURN labels(n) AS labels, properties(n) AS props"
        ):
            lines.append(
                json.dumps(
                    [sorted(record["labels"]), _canonical(record["props"])],
                    sort_keys=True,
                    default=str,
                )
            )
        node_count = len(lines)
        rels: list[str] = []
        for record in session.run(
            "MATCH (a)-[r]->(b) WHERE r._source_table IS NOT NULL "
            "RETURN labels(a) AS al, a._source_key AS ak, type(r) AS t, "
            "properties(r) AS props, labels(b) AS bl, b._source_key AS bk"
        ):
            rels.append(
                json.dumps(
                    [
                        record["al"],
                        record["ak"],
                        record["t"],
                        _canonical(record["props"]),
                        record["bl"],
                        record["bk"],
                    ],
                    sort_keys=True,
                    default=str,
                )
            )
    for line in sorted(lines) + sorted(rels):
        digest.update(line.encode())
    return node_count, len(rels), digest.hexdigest()
