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


def _name(statement: str) -> str:
    """The constraint or index name of a statement from ``schema_statements``."""
    return statement.split("`")[1].replace("``", "`")


def apply_constraints(driver: neo4j.Driver, model: GraphModel, database: str) -> int:
    """Create the constraints and indexes the graph lacks; returns how many were created.

    One catalog read first: when they all exist (every run after the first), nothing is
    sent, instead of ~240 schema statements per run.
    """
    statements = schema_statements(model)
    with driver.session(database=database) as session:
        present = {r["name"] for r in session.run("SHOW CONSTRAINTS YIELD name RETURN name")}
        present |= {r["name"] for r in session.run("SHOW INDEXES YIELD name RETURN name")}
        missing = [s for s in statements if _name(s) not in present]
        if not missing:
            return 0

        def work(tx: neo4j.ManagedTransaction) -> None:
            # One schema transaction: all or nothing, and far fewer round trips.
            # IF NOT EXISTS keeps every statement idempotent under a concurrent run.
            for statement in missing:
                tx.run(cast(LiteralString, statement)).consume()

        try:
            session.execute_write(work)
        except neo4j.exceptions.ClientError as e:
            if e.code != _EQUIVALENT:
                raise
            _create_one_by_one(session, missing)
        session.run("CALL db.awaitIndexes(300)").consume()
    return len(missing)


_EQUIVALENT = "Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists"


def _create_one_by_one(session: neo4j.Session, statements: list[str]) -> None:
    """After a crash Neo4j repopulates its indexes, and one may be missing from the catalog
    read yet exist: wait for them, then create each statement alone, an equivalent rule
    counting as present."""
    session.run("CALL db.awaitIndexes(300)").consume()
    for statement in statements:
        try:
            session.run(cast(LiteralString, statement)).consume()
        except neo4j.exceptions.ClientError as e:
            if e.code != _EQUIVALENT:
                raise
