"""The write side of an incremental sync: changed rows into the graph with the importer's
generic statements.

Why: Neo4j plans each distinct statement text once (70-140 ms cold on a quiet machine, and
again for each size class of a list parameter), and a sync that wrote one text per changed
label and per foreign key spent most of a small run planning. Here a run reads, per table it
touches, its nodes by key and where their foreign keys point now with one small text
(``node_references_query``: a lookup by key needs the label in the text to use the key's
index, a dynamic label being planned as a scan of every node). A foreign key whose
relationship already reaches the row's value is not written at all (the common update: a
property changed, no reference), and its target needs no lookup; the targets of the others
are looked up by key (``node_eids_query``, one small text per target label). Every write
then goes by elementId through the statements the importer uses (``CREATE_NODES``,
``UPDATE_NODES``, ``CREATE_RELATIONSHIPS``, ``MERGE_REFERENCE``, ``DELETE_NODES``, and
``DELETE_JOIN_RELATIONSHIPS``), which a full sync leaves planned for every size class up to
the batch size (``warm_plans``). Join rows that still exist go through
``join_merge_query``, one text per join table (the importer's re-import statement).

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
    node_eids_query,
    node_references_query,
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
            self.driver,
            self.database,
            self.model,
            self.run,
            summary,
            {},
            every_label,
            batch_size=self.batch_size,
        )

    # ------------------------------------------------------------- lookups
    def _read(self, query: Any, **params: Any) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [record.data() for record in tx.run(query, **params)]

        with self.driver.session(database=self.database) as session:
            return session.execute_read(work)

    def _lookup_nodes(self, node: NodeSpec, pairs: list[tuple[dict, dict]], gone: list) -> None:
        """The elementIds of a batch's nodes, which of their foreign keys the graph already
        holds as they are now, and the targets of the others.

        One small statement per table (``node_references_query``) instead of one that
        matched every target by key: that one took seconds to plan for a table of ten
        foreign keys (once per size class of its list), and a row whose foreign keys did
        not change (the common update) needs no target looked up and nothing written."""
        keys = [out["key"] for _, out in pairs] + list(gone)
        if not keys:
            return
        eids = self.writer.eids
        types = [ref.type for ref in node.references]
        ends = {  # a type two foreign keys share is always written (MERGE_REFERENCE)
            ref.type: {"label": target.label, "key": target.key_property}
            for ref in node.references
            if types.count(ref.type) == 1
            for target in (self.model.node_by_table[ref.target],)
        }
        now = {}
        for record in self._read(node_references_query(node), keys=keys, ends=ends):
            eids[(node.label, record["key"])] = record["e"]
            now[record["e"]] = record["ends"]
        wanted: dict[str, set[Any]] = defaultdict(set)
        for row, out in pairs:
            e = eids.get((node.label, out["key"]))
            for ref in node.references:
                held = now.get(e) if e is not None and ref.type in ends else None
                self._note_reference(ref, row, e, held, wanted)
        for table, values in sorted(wanted.items()):
            target = self.model.node_by_table[table]
            for record in self._read(node_eids_query(target), keys=sorted(values, key=str)):
                eids[(target.label, record["key"])] = record["e"]

    def _note_reference(self, ref, row: dict, e: str | None, ends, wanted: dict) -> None:
        """One foreign key of one row: left alone when the node's relationships of its
        type reach exactly the row's value (or nothing, for NULL); else its target is
        wanted, unless already known."""
        target = self.model.node_by_table[ref.target].label
        value = row[ref.columns[0]]
        if e is not None and ends is not None:
            reached = [key for kind, key in ends if kind == ref.type]
            if reached == ([] if value is None else [value]):
                self.writer.unchanged.add((e, ref.type))
                return
        if value is not None and (target, value) not in self.writer.eids:
            wanted[ref.target].add(value)

    # ------------------------------------------------------------- nodes
    def nodes(self, node: NodeSpec, pairs: list[tuple[dict, dict]], gone: list[Any]) -> None:
        """Queue one batch of a table's current rows (row, ``node_row``) and deleted keys;
        write whenever a transaction's worth is queued."""
        self._lookup_nodes(node, pairs, gone)
        eids = self.writer.eids
        for row, out in pairs:
            self.buffer.append(WriteItem(node, row, out, eids.get((node.label, out["key"]))))
        self.deletes[node.label] |= set(gone)
        while len(self.buffer) >= self.batch_size:
            self.flush(self.batch_size)

    def flush(self, limit: int | None = None) -> None:
        """Write the first ``limit`` queued rows (all by default) in one transaction: never
        more than a batch, so the lists stay in the size classes ``warm_plans`` planned."""
        items, self.buffer = self.buffer[:limit], self.buffer[limit:]
        self.writer.flush(items)

    def finish_nodes(self) -> None:
        """The queued nodes, then foreign keys whose target a later batch created."""
        self.flush()
        self.writer.write_deferred()

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
        lookup = join_lookup_query(self.model, join)
        for found in self._read(lookup, rows=ends) if ends else []:
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
# Neo4j caches a plan per size class of a list parameter (1, 2-10, 11-100, 101-1000, ...),
# an empty list being a class of its own: the statements that find their rows by elementId
# get rows that match no element, one list of each size class up to the batch size;
# CREATE_NODES, which would write them, only an empty list.
_NO_ELEMENT: dict[str, str] = {}  # row.e, row.a: NULL, which no element has
_BY_ELEMENT = {
    UPDATE_NODES: "rows",
    CREATE_RELATIONSHIPS: "rows",
    MERGE_REFERENCE: "rows",
    DELETE_NODES: "eids",
    DELETE_JOIN_RELATIONSHIPS: "rows",
}
_SCALARS = {"run": "", "type": "", "target": "", "table": ""}


def size_classes(batch_size: int) -> list[int]:
    """One list size per size class Neo4j plans apart, up to the batch size's own."""
    sizes, size = [], 1
    while size < batch_size:
        sizes.append(size)
        size *= 10
    return [*sizes, batch_size]


def warm_plans(driver: neo4j.Driver, database: str, batch_size: int = 5000) -> None:
    """Plan the generic statements of an incremental run now, with nothing to write, so
    that the first incremental run after a full one finds them in Neo4j's plan cache (a
    full sync into an empty graph only CREATEs, and planning a statement cold costs more
    than running it on a few rows)."""

    def work(tx: neo4j.ManagedTransaction) -> None:
        tx.run(CREATE_NODES, rows=[], run="").consume()
        for size in size_classes(batch_size):
            for query, name in _BY_ELEMENT.items():
                rows = [_NO_ELEMENT if name == "rows" else ""] * size
                tx.run(query, **{**_SCALARS, name: rows}).consume()

    with driver.session(database=database) as session:
        session.execute_write(work)
