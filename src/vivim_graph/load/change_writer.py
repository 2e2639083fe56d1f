"""The write side of an incremental sync: changed rows into the graph with the importer's
generic statements.

Why: Neo4j plans each distinct statement text once (70-140 ms cold), and a sync that wrote
one text per changed label and per foreign key spent most of a small run planning. Here a
run plans, per table it touches, only one key lookup (``node_lookup_query``: the nodes and
their foreign keys' targets; a lookup by key needs the label in the text to use the key's
index, a dynamic label being planned as a scan of every node). Every write then goes by
elementId through the statements the importer uses (``CREATE_NODES``, ``UPDATE_NODES``,
``CREATE_RELATIONSHIPS``, ``MERGE_REFERENCE``, ``DELETE_NODES``, and
``DELETE_JOIN_RELATIONSHIPS``), which a full sync leaves planned (``warm_plans``). Join
rows that still exist go through ``join_merge_query``, one text per join table (the
importer's re-import statement).

Nodes of several tables share a write transaction, and a node's foreign keys are written
in the transaction that writes the node (``importer.BatchWriter``).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import neo4j

from vivim_graph.load.importer import BatchWriter, ImportSummary, Tally, WriteItem
from vivim_graph.model.cypher import (
    CREATE_NODES,
    CREATE_RELATIONSHIPS,
    DELETE_JOIN_RELATIONSHIPS,
    DELETE_NODES,
    MERGE_REFERENCE,
    UPDATE_NODES,
    join_lookup_query,
    join_merge_query,
    node_lookup_query,
)
from vivim_graph.model.rows import join_row
from vivim_graph.model.spec import GraphModel, JoinSpec, NodeSpec


@dataclass
class ChangeWriter:
    """Writes changed rows; knows the elementIds of every node it looked up or wrote."""

    driver: neo4j.Driver
    database: str
    model: GraphModel
    run: str
    labels: dict[str, Tally]  # the sync summary's tallies, updated as batches commit
    relationships: dict[str, Tally]
    batch_size: int
    buffer: list[WriteItem] = field(default_factory=list)
    deletes: dict[str, set[Any]] = field(default_factory=lambda: defaultdict(set))

    def __post_init__(self) -> None:
        summary = ImportSummary(self.run, nodes=self.labels, relationships=self.relationships)
        every_label = {n.label for n in self.model.nodes}
        self.writer = BatchWriter(
            self.driver, self.database, self.model, self.run, summary, {}, every_label
        )

    # ------------------------------------------------------------- lookups
    def _read(self, query: Any, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(query, rows=rows)]

        with self.driver.session(database=self.database) as session:
            return session.execute_read(work)

    def _lookup_nodes(self, node: NodeSpec, pairs: list[tuple[dict, dict]], gone: list) -> None:
        """The elementIds of a batch's nodes and of their foreign keys' targets."""
        refs = node.references
        rows = [
            {"key": out["key"], "refs": [row[r.columns[0]] for r in refs]} for row, out in pairs
        ]
        rows += [{"key": key, "refs": [None] * len(refs)} for key in gone]
        if not rows:
            return
        targets = [self.model.node_by_table[r.target].label for r in refs]
        eids = self.writer.eids
        # Keys are distinct within a batch (rows present, keys gone): match results by key.
        by_key = {r["key"]: r for r in self._read(node_lookup_query(self.model, node), rows)}
        for sent in rows:
            found = by_key[sent["key"]]
            if found["e"] is not None:
                eids[(node.label, sent["key"])] = found["e"]
            for label, key, eid in zip(targets, sent["refs"], found["refs"], strict=True):
                if eid is not None:
                    eids[(label, key)] = eid

    # ------------------------------------------------------------- nodes
    def nodes(self, node: NodeSpec, pairs: list[tuple[dict, dict]], gone: list[Any]) -> None:
        """Queue one batch of a table's current rows (row, ``node_row``) and deleted keys;
        write whenever a transaction's worth is queued."""
        self._lookup_nodes(node, pairs, gone)
        eids = self.writer.eids
        for row, out in pairs:
            self.buffer.append(WriteItem(node, row, out, eids.get((node.label, out["key"]))))
        self.deletes[node.label] |= set(gone)
        if len(self.buffer) >= self.batch_size:
            self.flush()

    def flush(self) -> None:
        items, self.buffer = self.buffer, []
        self.writer.flush(items)

    def finish_nodes(self) -> None:
        """The queued nodes, then foreign keys whose target a later batch created."""
        self.flush()
        self.writer.write_deferred(self.batch_size)

    def delete_nodes(self) -> None:
        """Nodes whose rows are gone, with their relationships: one transaction."""
        eids = self.writer.eids
        work = [
            (label, [eids[(label, k)] for k in sorted(keys, key=str) if (label, k) in eids])
            for label, keys in sorted(self.deletes.items())
        ]
        work = [(label, found) for label, found in work if found]
        if not work:
            return

        def run(tx: neo4j.ManagedTransaction) -> list[int]:
            return [
                tx.run(DELETE_NODES, eids=found).consume().counters.nodes_deleted
                for _, found in work
            ]

        with self.driver.session(database=self.database) as session:
            counts = session.execute_write(run)
        for (label, _), deleted in zip(work, counts, strict=True):
            self.labels[label].deleted += deleted

    # ------------------------------------------------------------- join rows
    def join_rows(self, join: JoinSpec, rows: list[dict], gone: list[dict]) -> None:
        """One batch of a join table: the rows that exist (MERGE) and the keys now gone
        (their relationship deleted), in one transaction."""
        source = self.model.node_by_table[join.source.table].label
        target = self.model.node_by_table[join.target.table].label
        s, t = join.source.columns[0], join.target.columns[0]
        upserts = [join_row(join, r, s, t) for r in rows]
        eids = self.writer.eids
        ends = [{"source": r["source"], "target": r["target"]} for r in upserts]
        ends += [{"source": k[s], "target": k[t]} for k in gone]
        for found in self._read(join_lookup_query(self.model, join), ends) if ends else []:
            if found["a"] is not None:
                eids[(source, found["source"])] = found["a"]
            if found["b"] is not None:
                eids[(target, found["target"])] = found["b"]
        merges = [
            {**r, "a": eids[(source, r["source"])], "b": eids[(target, r["target"])]}
            for r in upserts
            if (source, r["source"]) in eids and (target, r["target"]) in eids
        ]
        names = {p.column: p.name for p in join.properties}
        deletes = [
            {
                "a": eids[(source, k[s])],
                "b": eids[(target, k[t])],
                "type": join.type,
                "on": {names[c]: k.get(c) for c in join.merge_on},
            }
            for k in gone
            if (source, k[s]) in eids and (target, k[t]) in eids
        ]
        self._write_join(join, merges, deletes)
        self.relationships[join.type].rows += len(upserts)

    def _write_join(self, join: JoinSpec, merges: list[dict], deletes: list[dict]) -> None:
        if not merges and not deletes:
            return

        def work(tx: neo4j.ManagedTransaction) -> list[Any]:
            counters = []
            if merges:
                query = join_merge_query(join)
                counters.append(
                    tx.run(query, rows=merges, table=join.table, run=self.run).consume().counters
                )
            if deletes:
                counters.append(tx.run(DELETE_JOIN_RELATIONSHIPS, rows=deletes).consume().counters)
            return counters

        with self.driver.session(database=self.database) as session:
            results = session.execute_write(work)
        tally = self.relationships[join.type]
        for counters in results:
            tally.created += counters.relationships_created
            tally.deleted += counters.relationships_deleted


# Parameters that make each generic statement a no-op: running it plans and caches it.
_EMPTY = {"rows": [], "eids": [], "run": "", "type": "", "target": "", "table": ""}


def warm_plans(driver: neo4j.Driver, database: str) -> None:
    """Plan the generic write statements of an incremental run now, with nothing to write,
    so that the first incremental run after a full one finds them in Neo4j's plan cache
    (a full sync into an empty graph only CREATEs, and planning a statement cold costs more
    than running it on a few rows)."""
    statements = (
        CREATE_NODES,
        UPDATE_NODES,
        CREATE_RELATIONSHIPS,
        MERGE_REFERENCE,
        DELETE_NODES,
        DELETE_JOIN_RELATIONSHIPS,
    )

    def work(tx: neo4j.ManagedTransaction) -> None:
        for query in statements:
            tx.run(query, **_EMPTY).consume()

    with driver.session(database=database) as session:
        session.execute_write(work)
