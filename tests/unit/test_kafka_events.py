"""Debezium events to change entries, and the connector configuration from the model (no
servers: the end-to-end proof is tests/integration/test_kafka_path.py)."""

from __future__ import annotations

import json

import pytest

from vivim_graph.errors import ConfigError, RowValidationError
from vivim_graph.load.debezium import IdentityAdvice, connector_config, model_topics
from vivim_graph.load.kafka_sync import KafkaSyncError, decode_event, events_to_changes
from vivim_graph.model.spec import load_model

MODEL = load_model()
NODE = MODEL.nodes[0]
JOIN = MODEL.joins[0]
JOIN_KEY = (JOIN.source.columns[0], JOIN.target.columns[0], *JOIN.merge_on)


def message(table: str, op: str, before=None, after=None, *, envelope: bool = False) -> bytes:
    payload = {"before": before, "after": after, "op": op, "source": {"table": table}}
    body = {"schema": {}, "payload": payload} if envelope else payload
    return json.dumps(body).encode()


def test_tombstones_are_none_and_the_schema_envelope_is_read():
    assert decode_event(None, "t") is None and decode_event(b"", "t") is None
    plain = decode_event(message(NODE.table, "c", after={"id": 1}), "t")
    wrapped = decode_event(message(NODE.table, "c", after={"id": 1}, envelope=True), "t")
    assert plain == wrapped and plain is not None and plain.table == NODE.table


@pytest.mark.parametrize("value", [b"not json", b'{"some": "record"}', b"[1, 2]"])
def test_a_message_that_is_no_debezium_event_is_refused_with_the_topic(value):
    with pytest.raises(KafkaSyncError, match=r"topic orders\.x"):
        decode_event(value, "orders.x")


def test_each_event_gives_the_keys_the_trigger_path_would_log():
    """Insert: the new key; delete: the old key; key move: both; update: the key; truncate:
    the table; tables outside the model: counted, not applied."""
    events = [
        decode_event(message(NODE.table, "c", after={"id": 1, "x": 5}), "t"),
        decode_event(message(NODE.table, "u", after={"id": 2}), "t"),
        decode_event(message(NODE.table, "d", before={"id": 3, "x": None}), "t"),
        decode_event(message(NODE.table, "u", before={"id": 4}, after={"id": 9}), "t"),
        decode_event(message(NODE.table, "c", after={"id": 1}), "t"),  # seen twice: once
        decode_event(message(JOIN.table, "t"), "t"),
        decode_event(message("not_in_the_model", "c", after={"id": 1}), "t"),
    ]
    batch = events_to_changes(events, MODEL)
    assert sorted(k["id"] for k in batch.changes[NODE.table]) == [1, 2, 3, 4, 9]
    assert batch.truncated == {JOIN.table}
    assert batch.ignored == 1
    assert batch.created == {NODE.table: [1]}  # only inserts create


def test_a_join_row_is_keyed_by_both_ends_and_its_merge_columns():
    row = {c: f"v-{c}" for c in JOIN_KEY} | {"other": 1}
    batch = events_to_changes([decode_event(message(JOIN.table, "d", before=row), "t")], MODEL)
    assert batch.changes[JOIN.table] == [{c: row[c] for c in JOIN_KEY}]


def test_a_delete_without_the_key_asks_for_replica_identity_full():
    event = decode_event(message(JOIN.table, "d", before={JOIN_KEY[0]: 1}), "t")
    with pytest.raises(RowValidationError, match="REPLICA IDENTITY FULL") as caught:
        events_to_changes([event], MODEL)
    assert JOIN.table in str(caught.value)


def test_the_connector_captures_every_replicated_table_with_its_model_key():
    config = connector_config(MODEL, "postgresql://u@db.example:6543/costs", topic_prefix="p")
    tables = [n.table for n in MODEL.nodes] + [j.table for j in MODEL.joins]
    assert config["table.include.list"].split(",") == [f"public.{t}" for t in tables]
    keys = dict(entry.split(":") for entry in config["message.key.columns"].split(";"))
    assert keys[f"public.{JOIN.table}"] == ",".join(JOIN_KEY)
    assert keys[f"public.{NODE.table}"] == ",".join(NODE.key)
    assert (config["database.hostname"], config["database.port"]) == ("db.example", "6543")
    assert config["decimal.handling.mode"] == "string" and "database.password" not in config
    assert model_topics(MODEL, "p") == [f"p.public.{t}" for t in tables]


def test_a_unix_socket_address_is_refused_for_debezium():
    with pytest.raises(ConfigError, match="TCP"):
        connector_config(MODEL, "postgresql://postgres@/costs?host=/tmp/pg")


@pytest.mark.parametrize(
    ("identity", "pk", "key", "enough"),
    [
        ("default", ("id",), ("id",), True),
        ("default", ("a", "b"), ("a", "b", "kind"), False),  # key wider than the primary key
        ("full", (), ("a", "b"), True),
        ("nothing", ("id",), ("id",), False),
        ("index", ("id",), ("id",), False),  # not judged: FULL is advised
    ],
)
def test_replica_identity_advice(identity, pk, key, enough):
    advice = IdentityAdvice("t", identity, pk, key)
    assert advice.sufficient is enough
    assert (advice.statement() is None) is enough
