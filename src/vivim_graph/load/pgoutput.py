"""Decode the messages of PostgreSQL's ``pgoutput`` logical decoding plugin (protocol 1).

The format is PostgreSQL's "Logical Replication Message Formats" (protocol documentation,
chapter 55.9 in version 16). Each message is one ``bytea`` row of
``pg_logical_slot_peek_binary_changes``: a one-byte tag, then fixed fields in network byte
order. Strings end with a NUL byte. A tuple ("TupleData") is an Int16 column count, then per
column a kind byte: ``n`` NULL, ``u`` an unchanged TOASTed value (not sent), ``t`` text or
``b`` binary, the last two followed by an Int32 length and that many bytes.

Only what the sync needs is kept of each message; the decoder never guesses: an unknown
tag or a message that ends early raises ``PgoutputError`` naming the offset.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from typing import Final

from vivim_graph.errors import VivimGraphError


class PgoutputError(VivimGraphError):
    """A pgoutput message this decoder cannot read."""


class _Unchanged:
    """A TOASTed value the update did not change: pgoutput sends a marker, not the value."""

    def __repr__(self) -> str:
        return "UNCHANGED"


UNCHANGED: Final = _Unchanged()
Value = str | bytes | None | _Unchanged


@dataclass(frozen=True)
class Column:
    name: str
    type_oid: int
    is_key: bool  # part of the replica identity


@dataclass(frozen=True)
class Relation:
    oid: int
    namespace: str  # '' for pg_catalog
    name: str
    replica_identity: str  # pg_class.relreplident: d(efault) n(othing) f(ull) i(ndex)
    columns: tuple[Column, ...]


@dataclass(frozen=True)
class Begin:
    final_lsn: int
    commit_time: int  # microseconds since 2000-01-01
    xid: int


@dataclass(frozen=True)
class Commit:
    flags: int
    commit_lsn: int
    end_lsn: int
    commit_time: int


@dataclass(frozen=True)
class Origin:
    lsn: int
    name: str


@dataclass(frozen=True)
class Type:
    oid: int
    namespace: str
    name: str


@dataclass(frozen=True)
class Insert:
    relation: int
    new: tuple[Value, ...]


@dataclass(frozen=True)
class Update:
    relation: int
    old_kind: str | None  # 'K' (the old key), 'O' (the old row, REPLICA IDENTITY FULL) or None
    old: tuple[Value, ...] | None
    new: tuple[Value, ...]


@dataclass(frozen=True)
class Delete:
    relation: int
    old_kind: str  # 'K' or 'O', as for Update
    old: tuple[Value, ...]


@dataclass(frozen=True)
class Truncate:
    options: int  # bit 1: CASCADE, bit 2: RESTART IDENTITY
    relations: tuple[int, ...]


@dataclass(frozen=True)
class LogicalMessage:
    transactional: bool
    lsn: int
    prefix: str
    content: bytes


Message = (
    Begin | Commit | Origin | Relation | Type | Insert | Update | Delete | Truncate | LogicalMessage
)


class _Reader:
    """A cursor over one message: each read takes the next field and moves on."""

    def __init__(self, data: bytes) -> None:
        self.data = data
        self.pos = 0

    def take(self, n: int) -> bytes:
        if self.pos + n > len(self.data):
            raise PgoutputError(
                f"pgoutput message {self.data[:1]!r} ends at byte {len(self.data)}, "
                f"but a field needs {n} bytes from byte {self.pos}"
            )
        chunk = self.data[self.pos : self.pos + n]
        self.pos += n
        return chunk

    def byte(self) -> str:
        return chr(self.take(1)[0])

    def int8(self) -> int:
        return self.take(1)[0]

    def int16(self) -> int:
        return int(struct.unpack("!h", self.take(2))[0])

    def int32(self) -> int:
        return int(struct.unpack("!i", self.take(4))[0])

    def uint32(self) -> int:  # oids and xids are unsigned
        return int(struct.unpack("!I", self.take(4))[0])

    def int64(self) -> int:
        return int(struct.unpack("!q", self.take(8))[0])

    def uint64(self) -> int:  # LSNs are unsigned
        return int(struct.unpack("!Q", self.take(8))[0])

    def string(self) -> str:
        end = self.data.find(b"\0", self.pos)
        if end < 0:
            raise PgoutputError(f"pgoutput string from byte {self.pos} has no terminating NUL")
        text = self.data[self.pos : end].decode("utf-8")
        self.pos = end + 1
        return text

    def tuple_data(self) -> tuple[Value, ...]:
        values: list[Value] = []
        for _ in range(self.int16()):
            kind = self.byte()
            if kind == "n":
                values.append(None)
            elif kind == "u":
                values.append(UNCHANGED)
            elif kind in ("t", "b"):
                raw = self.take(self.int32())
                values.append(raw.decode("utf-8") if kind == "t" else raw)
            else:
                raise PgoutputError(f"pgoutput tuple column kind {kind!r} at byte {self.pos - 1}")
        return tuple(values)

    def done(self) -> None:
        if self.pos != len(self.data):
            raise PgoutputError(
                f"pgoutput message {self.data[:1]!r} has {len(self.data) - self.pos} "
                f"bytes left over after byte {self.pos}"
            )


def _relation(r: _Reader) -> Relation:
    oid, namespace, name = r.uint32(), r.string(), r.string()
    identity = chr(r.int8())
    columns = []
    for _ in range(r.int16()):
        flags, column = r.int8(), r.string()
        type_oid, _modifier = r.uint32(), r.int32()
        columns.append(Column(column, type_oid, bool(flags & 1)))
    return Relation(oid, namespace, name, identity, tuple(columns))


def _update(r: _Reader) -> Update:
    relation = r.uint32()
    kind = r.byte()
    old_kind, old = None, None
    if kind in ("K", "O"):  # the old key or row comes first, when sent at all
        old_kind, old = kind, r.tuple_data()
        kind = r.byte()
    if kind != "N":
        raise PgoutputError(f"pgoutput update: expected the new tuple ('N'), got {kind!r}")
    return Update(relation, old_kind, old, r.tuple_data())


def _delete(r: _Reader) -> Delete:
    relation, kind = r.uint32(), r.byte()
    if kind not in ("K", "O"):
        raise PgoutputError(f"pgoutput delete: expected 'K' or 'O', got {kind!r}")
    return Delete(relation, kind, r.tuple_data())


def _insert(r: _Reader) -> Insert:
    relation, kind = r.uint32(), r.byte()
    if kind != "N":
        raise PgoutputError(f"pgoutput insert: expected the new tuple ('N'), got {kind!r}")
    return Insert(relation, r.tuple_data())


def _truncate(r: _Reader) -> Truncate:
    count, options = r.int32(), r.int8()
    return Truncate(options, tuple(r.uint32() for _ in range(count)))


def _message(r: _Reader) -> LogicalMessage:
    flags, lsn, prefix = r.int8(), r.uint64(), r.string()
    return LogicalMessage(bool(flags & 1), lsn, prefix, r.take(r.int32()))


_DECODERS = {
    "B": lambda r: Begin(r.uint64(), r.int64(), r.uint32()),
    "C": lambda r: Commit(r.int8(), r.uint64(), r.uint64(), r.int64()),
    "O": lambda r: Origin(r.uint64(), r.string()),
    "R": _relation,
    "Y": lambda r: Type(r.uint32(), r.string(), r.string()),
    "I": _insert,
    "U": _update,
    "D": _delete,
    "T": _truncate,
    "M": _message,
}


def decode(data: bytes) -> Message:
    """One pgoutput message (protocol version 1, no streaming) from its bytes."""
    if not data:
        raise PgoutputError("empty pgoutput message")
    reader = _Reader(bytes(data))
    tag = reader.byte()
    decoder = _DECODERS.get(tag)
    if decoder is None:
        raise PgoutputError(f"unknown pgoutput message tag {tag!r}")
    message = decoder(reader)
    reader.done()
    return message


def format_lsn(lsn: int) -> str:
    """An LSN as PostgreSQL prints it: two hexadecimal halves, 'X/Y'."""
    return f"{lsn >> 32:X}/{lsn & 0xFFFFFFFF:X}"


def parse_lsn(text: str) -> int:
    high, _, low = text.partition("/")
    if not low:
        raise PgoutputError(f"not an LSN: {text!r} (expected 'X/Y', two hexadecimal numbers)")
    return (int(high, 16) << 32) | int(low, 16)
