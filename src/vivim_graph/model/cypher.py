"""Neo4j constraints and indexes, derived from the graph model and applied idempotently."""

from __future__ import annotations

from typing import LiteralString, cast

import neo4j

from vivim_graph.model.spec import GraphModel, quote


def schema_statements(model: GraphModel) -> list[str]:
    """A uniqueness constraint on every label's key; an index on every natural key."""
    statements = []
    for node in model.nodes:
        label, key = quote(node.label), quote(node.key_property)
        statements.append(
            f"CREATE CONSTRAINT {quote(node.label + '_key')} IF NOT EXISTS "
            f"FOR (n:{label}) REQUIRE n.{key} IS UNIQUE"
        )
        for natural in node.natural_keys:
            prop = node.property_for(natural)
            name = prop.name if prop else natural
            statements.append(
                f"CREATE INDEX {quote(node.label + '_' + name)} IF NOT EXISTS "
                f"FOR (n:{label}) ON (n.{quote(name)})"
            )
    return statements


def apply_constraints(driver: neo4j.Driver, model: GraphModel, database: str) -> int:
    statements = schema_statements(model)

    def work(tx: neo4j.ManagedTransaction) -> None:
        # One schema transaction: all or nothing, and far fewer round trips.
        # IF NOT EXISTS makes every statement idempotent.
        for statement in statements:
            tx.run(cast(LiteralString, statement)).consume()

    with driver.session(database=database) as session:
        session.execute_write(work)
        session.run("CALL db.awaitIndexes(300)").consume()
    return len(statements)
