"""The pgoutput decoder, on messages built here field by field from PostgreSQL's protocol
documentation ("Logical Replication Message Formats", protocol version 1), never from the
decoder's own output."""

from __future__ import annotations

import struct

import pytest

from vivim_graph.load import pgoutput
from vivim_graph.load.wal_capture import ChangeDecoder, in_flight


# The documentation's field types: Byte1, Int8, Int16, Int32, Int64 (network byte order),
# String (NUL-terminated), TupleData.
def byte1(c: str) -> bytes:
    return c.encode("ascii")


def int8(n: int) -> bytes:
    return struct.pack("!b", n)


def int16(n: int) -> bytes:
    return struct.pack("!h", n)


def int32(n: int) -> bytes:
    return struct.pack("!I", n)  # oids and xids use the whole unsigned range


def int64(n: int) -> bytes:
    return struct.pack("!Q", n)


def string(s: str) -> bytes:
    return s.encode() + b"\0"


def tuple_data(*values) -> bytes:
    """TupleData: Int16 columns, then each as 'n' (NULL), 'u' (unchanged TOAST) or 't' + Int32
    length + bytes (text format)."""
    out = int16(len(values))
    for v in values:
        if v is None:
            out += byte1("n")
        elif v == "<u>":
            out += byte1("u")
        else:
            raw = v.encode()
            out += byte1("t") + int32(len(raw)) + raw
    return out


def relation(oid: int, name: str, columns, identity: str = "d", namespace: str = "public"):
    """Relation: oid, namespace, name, replica identity (Int8), Int16 columns; per column
    Int8 flags (1 = key), String name, Int32 type oid, Int32 type modifier."""
    out = byte1("R") + int32(oid) + string(namespace) + string(name)
    out += int8(ord(identity)) + int16(len(columns))
    for col, type_oid, key in columns:
        out += int8(1 if key else 0) + string(col) + int32(type_oid) + struct.pack("!i", -1)
    return out


def begin(final_lsn: int, xid: int, ts: int = 0) -> bytes:
    return byte1("B") + int64(final_lsn) + int64(ts) + int32(xid)


def commit(commit_lsn: int, end_lsn: int, ts: int = 0) -> bytes:
    return byte1("C") + int8(0) + int64(commit_lsn) + int64(end_lsn) + int64(ts)


INT4, TEXT, INT8 = 23, 25, 20
SKILLS = relation(16385, "skills", [("id", INT4, True), ("name", TEXT, False)])
ROLE_SKILLS = relation(
    16390,
    "role_skills",
    [("role_id", INT8, False), ("skill_id", INT8, False), ("level", INT4, False)],
    identity="f",
)


def test_begin_commit_and_relation_fields():
    assert pgoutput.decode(begin(0x1_0000_0010, 4_000_000_000, ts=77)) == pgoutput.Begin(
        0x1_0000_0010, 77, 4_000_000_000
    )
    assert pgoutput.decode(commit(0x20, 0x58, ts=5)) == pgoutput.Commit(0, 0x20, 0x58, 5)
    rel = pgoutput.decode(SKILLS)
    assert isinstance(rel, pgoutput.Relation)
    assert (rel.oid, rel.namespace, rel.name, rel.replica_identity) == (
        16385,
        "public",
        "skills",
        "d",
    )
    assert rel.columns == (
        pgoutput.Column("id", INT4, True),
        pgoutput.Column("name", TEXT, False),
    )


def test_insert_update_delete_truncate_and_tuple_kinds():
    insert = pgoutput.decode(byte1("I") + int32(16385) + byte1("N") + tuple_data("7", None))
    assert insert == pgoutput.Insert(16385, ("7", None))
    plain = pgoutput.decode(byte1("U") + int32(16385) + byte1("N") + tuple_data("7", "<u>"))
    assert plain == pgoutput.Update(16385, None, None, ("7", pgoutput.UNCHANGED))
    moved = pgoutput.decode(
        byte1("U")
        + int32(16385)
        + byte1("K")
        + tuple_data("7", None)
        + byte1("N")
        + tuple_data("9", "x")
    )
    assert moved == pgoutput.Update(16385, "K", ("7", None), ("9", "x"))
    delete = pgoutput.decode(byte1("D") + int32(16390) + byte1("O") + tuple_data("1", "2", "3"))
    assert delete == pgoutput.Delete(16390, "O", ("1", "2", "3"))
    truncate = pgoutput.decode(byte1("T") + int32(2) + int8(1) + int32(16385) + int32(16390))
    assert truncate == pgoutput.Truncate(1, (16385, 16390))
    origin = pgoutput.decode(byte1("O") + int64(99) + string("upstream"))
    assert origin == pgoutput.Origin(99, "upstream")
    typ = pgoutput.decode(byte1("Y") + int32(70000) + string("public") + string("mood"))
    assert typ == pgoutput.Type(70000, "public", "mood")
    text = "naïve – ünïcode"
    raw = byte1("I") + int32(1) + byte1("N") + tuple_data(text)
    assert pgoutput.decode(raw).new == (text,)  # length is in bytes, not characters


@pytest.mark.parametrize(
    "data, words",
    [
        (b"", "empty"),
        (b"Z\x00", "unknown pgoutput message tag 'Z'"),
        (begin(1, 2)[:-1], "ends at byte 20"),
        (begin(1, 2) + b"\x00", "1 bytes left over"),
        (byte1("I") + int32(1) + byte1("X") + tuple_data("1"), "expected the new tuple"),
        (byte1("D") + int32(1) + byte1("N") + tuple_data("1"), "expected 'K' or 'O'"),
        (byte1("I") + int32(1) + byte1("N") + int16(1) + byte1("q"), "column kind 'q'"),
        (byte1("R") + int32(1) + b"public", "no terminating NUL"),
    ],
)
def test_malformed_messages_are_refused_with_where(data, words):
    with pytest.raises(pgoutput.PgoutputError, match=words):
        pgoutput.decode(data)


def test_lsn_text_round_trip():
    assert pgoutput.format_lsn(0x1_0187_4600) == "1/1874600"
    assert pgoutput.parse_lsn("16/B374D848") == (0x16 << 32) + 0xB374D848
    with pytest.raises(pgoutput.PgoutputError, match="not an LSN"):
        pgoutput.parse_lsn("12345")


def feed(decoder: ChangeDecoder, *messages: bytes) -> None:
    for m in messages:
        decoder.feed(pgoutput.decode(m))


def test_changes_become_the_trigger_paths_entries():
    """Insert: the new key; update: the new key, and the old one when the key moved;
    delete: the old key; truncate: the table. Keys typed as to_jsonb types them."""
    decoder = ChangeDecoder({"skills": ("id",), "role_skills": ("role_id", "skill_id")})
    feed(
        decoder,
        begin(0x100, 501),
        SKILLS,
        ROLE_SKILLS,
        byte1("I") + int32(16385) + byte1("N") + tuple_data("7", "Rust"),
        byte1("U") + int32(16385) + byte1("N") + tuple_data("7", "Rust 2"),  # same key again
        byte1("U")
        + int32(16385)
        + byte1("K")
        + tuple_data("8", None)
        + byte1("N")
        + tuple_data("80", "moved"),
        byte1("D") + int32(16390) + byte1("O") + tuple_data("3", "4", "1"),
        # FULL identity: the old row comes with every update, key unchanged: one entry
        byte1("U")
        + int32(16390)
        + byte1("O")
        + tuple_data("5", "6", "1")
        + byte1("N")
        + tuple_data("5", "6", "2"),
        commit(0x100, 0x180),
        begin(0x200, 502),
        byte1("T") + int32(1) + int8(0) + int32(16390),
        commit(0x200, 0x240),
    )
    read = decoder.read
    assert read.keyed() == {
        "skills": [{"id": 7}, {"id": 80}, {"id": 8}],
        "role_skills": [{"role_id": 3, "skill_id": 4}, {"role_id": 5, "skill_id": 6}],
    }
    assert read.truncated == {"role_skills"}
    assert (read.transactions, read.last_end_lsn, read.xids) == (2, 0x240, {501, 502})


def test_a_change_before_its_relation_is_refused():
    decoder = ChangeDecoder({"skills": ("id",)})
    with pytest.raises(pgoutput.PgoutputError, match="relation 16385 before its Relation"):
        feed(decoder, byte1("I") + int32(16385) + byte1("N") + tuple_data("1", "x"))


@pytest.mark.parametrize(
    "xid, xmax, running, invisible",
    [
        (100, 101, set(), False),  # committed before the snapshot
        (100, 100, set(), True),  # at xmax: not yet
        (105, 100, set(), True),  # past xmax
        (99, 100, {99}, True),  # still in the running set
        # epoch 1: the snapshot's 64-bit ids are (1 << 32) + xid
        (2**32 - 2, (1 << 32) + 5, set(), False),  # the previous epoch, before wraparound
        (3, (1 << 32) + 5, {(1 << 32) + 3}, True),
        (3, (1 << 32) + 5, {3}, False),  # the same low bits an epoch ago: another xact
    ],
)
def test_visibility_of_a_32_bit_xid_in_a_64_bit_snapshot(xid, xmax, running, invisible):
    assert in_flight(xid, xmax, running) is invisible
