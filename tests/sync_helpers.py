"""Helpers shared by the sync tests of every capture path (triggers, WAL, Kafka): random SQL
edits generated from the model, a small copy of the seeds, a fresh import to compare with,
and the kill -9 steps of the convergence trials."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
from collections import Counter

import psycopg
from hypothesis import HealthCheck, Phase, settings
from hypothesis import strategies as st

from tests.graph_helpers import TEMPORAL_TYPES, graph_checksum
from vivim_graph.load.importer import import_graph
from vivim_graph.model.spec import load_model


def sql(url: str, statement: str, *params) -> list[tuple]:
    with psycopg.connect(url, autocommit=True) as pg:
        cursor = pg.execute(statement, params or None)
        return cursor.fetchall() if cursor.description else []


def popen(env: dict[str, str], *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "vivim_graph", *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


# A small copy of the seeds (a few rows a table, every reference intact) keeps a fresh
# import to seconds, so each random sequence and each kill can be compared with one.
KEEP_PER_TABLE = 6


def foreign_keys(pg: psycopg.Connection) -> list[tuple[str, list[str], str, list[str], bool]]:
    """(table, columns, referenced table, referenced columns, all columns nullable)."""
    rows = pg.execute(
        """
        SELECT c.conrelid::regclass::text, c.confrelid::regclass::text,
               array(SELECT a.attname FROM unnest(c.conkey) k
                     JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k),
               array(SELECT a.attname FROM unnest(c.confkey) k
                     JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k),
               bool_and(NOT a.attnotnull)
        FROM pg_constraint c JOIN pg_attribute a
          ON a.attrelid = c.conrelid AND a.attnum = ANY(c.conkey)
        WHERE c.contype = 'f' AND c.connamespace = 'public'::regnamespace
        GROUP BY c.oid, c.conrelid, c.confrelid, c.conkey, c.confkey
        """
    ).fetchall()
    return [(t, list(cols), r, list(rcols), nullable) for t, r, cols, rcols, nullable in rows]


def shrink(url: str, keep: int = KEEP_PER_TABLE) -> None:
    """Keep the first rows of each table, then repair references until none dangles:
    a nullable reference to a removed row becomes NULL, any other removes its row."""
    model = load_model()
    tables = [n.table for n in model.nodes] + [j.table for j in model.joins]
    with psycopg.connect(url, autocommit=True) as pg:
        fks = foreign_keys(pg)
        with pg.transaction():
            pg.execute("SET LOCAL session_replication_role = replica")  # no FK triggers
            for table in tables:
                pg.execute(
                    f'DELETE FROM "{table}" WHERE ctid NOT IN '
                    f'(SELECT ctid FROM "{table}" ORDER BY 1 LIMIT {keep})'
                )
            changed = True
            while changed:
                changed = False
                for table, cols, ref, rcols, nullable in fks:
                    pairs = zip(cols, rcols, strict=True)
                    match = " AND ".join(f'r."{b}" = t."{a}"' for a, b in pairs)
                    present = " AND ".join(f't."{a}" IS NOT NULL' for a in cols)
                    dangling = f'{present} AND NOT EXISTS (SELECT 1 FROM "{ref}" r WHERE {match})'
                    cur = None
                    if nullable:  # a CHECK may still want it set: then the row goes
                        sets = ", ".join(f'"{a}" = NULL' for a in cols)
                        try:
                            with pg.transaction():
                                cur = pg.execute(f'UPDATE "{table}" t SET {sets} WHERE {dangling}')
                        except psycopg.errors.CheckViolation:
                            cur = None
                    if cur is None:
                        cur = pg.execute(f'DELETE FROM "{table}" t WHERE {dangling}')
                    changed = changed or cur.rowcount > 0


class Edits:
    """Random plain-SQL edits of the business tables, generated from the model and the
    catalog: inserts (copies of a row), updates (a column takes another row's value, so a
    reference moves to another valid row, or NULL), deletes (cascading as declared), key
    moves, join rows added and removed, truncates. An edit the database refuses (a unique
    or foreign key violation) is skipped: only what PostgreSQL accepts is replicated."""

    KINDS = (
        "insert",
        "update",
        "update",
        "delete",
        "move_key",
        "join_add",
        "join_drop",
        "truncate",
    )

    def __init__(self, pg: psycopg.Connection) -> None:
        self.pg = pg
        self.model = load_model()
        self.nodes = self.model.nodes
        self.joins = self.model.joins
        self.unique_text = {
            (t, c)
            for t, c in pg.execute(
                "SELECT i.indrelid::regclass::text, a.attname FROM pg_index i "
                "JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
                "WHERE i.indisunique AND i.indnatts = 1 AND a.atttypid IN "
                "('text'::regtype, 'varchar'::regtype) AND NOT i.indisprimary"
            ).fetchall()
        }
        self.applied = 0
        self.refused: Counter[str] = Counter()  # why edits were skipped, for the failure text

    def columns(self, table: str) -> list[str]:
        return [
            c
            for (c,) in self.pg.execute(
                "SELECT attname FROM pg_attribute WHERE attrelid = %s::regclass AND attnum > 0 "
                "AND NOT attisdropped AND attgenerated = '' ORDER BY attnum",
                (table,),
            ).fetchall()
        ]

    def pick(self, table: str, n: int, column: str = "id") -> str:
        return (
            f'(SELECT "{column}" FROM "{table}" ORDER BY 1 OFFSET {n} % '
            f'greatest((SELECT count(*) FROM "{table}"), 1) LIMIT 1)'
        )

    def statement(self, kind: str, a: int, b: int, c: int) -> str:
        node = self.nodes[a % len(self.nodes)]
        t = node.table
        if kind == "insert":
            cols = [x for x in self.columns(t) if x != "id"]
            exprs = [
                f"\"{x}\" || '-e{self.applied}x{b}'" if (t, x) in self.unique_text else f'"{x}"'
                for x in cols
            ]
            names = ", ".join(f'"{x}"' for x in cols)
            return (
                f'INSERT INTO "{t}" ({names}) SELECT {", ".join(exprs)} FROM "{t}" '
                f"WHERE id = {self.pick(t, b)}"
            )
        if kind == "update":
            writable = set(self.columns(t))  # a generated column only takes DEFAULT
            props = [p.column for p in node.properties if p.column not in node.key]
            props = [p for p in props if p in writable]
            refs = [r.columns[0] for r in node.references]
            choices = refs + props
            column = choices[b % len(choices)]
            required = {p.column for p in node.properties if p.required}
            nullable = column not in required  # NULL where the model allows it too
            value = "NULL" if c % 5 == 0 and nullable else self.pick(t, c, column)
            return f'UPDATE "{t}" SET "{column}" = {value} WHERE id = {self.pick(t, b)}'
        if kind == "delete":
            return f'DELETE FROM "{t}" WHERE id = {self.pick(t, b)}'
        if kind == "move_key":
            return (
                f'UPDATE "{t}" SET id = (SELECT max(id) + 1000 FROM "{t}") '
                f"WHERE id = {self.pick(t, b)}"
            )
        join = self.joins[a % len(self.joins)]
        j, src, tgt = join.table, join.source.columns[0], join.target.columns[0]
        if kind == "join_add":
            others = [x for x in self.columns(j) if x not in (src, tgt)]
            names = ", ".join(f'"{x}"' for x in [src, tgt, *others])
            values = ", ".join(
                [self.pick(join.source.table, b), self.pick(join.target.table, c)]
                + [f'"{x}"' for x in others]
            )
            return f'INSERT INTO "{j}" ({names}) SELECT {values} FROM "{j}" LIMIT 1'
        if kind == "join_drop":
            return (
                f'DELETE FROM "{j}" WHERE ctid = (SELECT ctid FROM "{j}" '
                f'ORDER BY "{src}", "{tgt}" OFFSET {b} % '
                f'greatest((SELECT count(*) FROM "{j}"), 1) LIMIT 1)'
            )
        return f'TRUNCATE "{j if b % 2 else t}"'  # refused when another table refers to it

    def apply(self, kind: str, a: int, b: int, c: int) -> bool:
        try:
            with self.pg.transaction():
                self.pg.execute(self.statement(kind, a, b, c))
        except (  # refused by a constraint, a type, or a trigger of the schema (RAISE)
            psycopg.errors.IntegrityError,
            psycopg.errors.NotSupportedError,
            psycopg.errors.DataError,
            psycopg.errors.InternalError,
        ) as e:
            self.refused[f"{kind}: {type(e).__name__}"] += 1
            return False
        self.applied += 1
        return True


def fresh_import_keeping_position(driver, url: str) -> tuple[int, int, str]:
    """A fresh import into a graph emptied of replicated data; the sync's own records
    (position, runs) stay, so the next sync goes on incrementally."""
    driver.execute_query(
        "MATCH (n) WHERE n._source_table IS NOT NULL DETACH DELETE n", database_="neo4j"
    )
    with psycopg.connect(url) as conn:
        import_graph(driver, conn, load_model())
    return graph_checksum(driver)


EDIT = st.tuples(
    st.sampled_from(Edits.KINDS),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
    st.integers(0, 10_000),
)


def wait_until_holding(driver, pid: int, timeout: float = 120) -> bool:
    """True once the writer lock is held by process ``pid``; False after ``timeout``."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        held = driver.execute_query(
            "MATCH (l:VivimWriterLock) WHERE l.owner IS NOT NULL RETURN l.pid AS p",
            database_="neo4j",
        ).records
        if held and held[0]["p"] == pid:
            return True
        time.sleep(0.05)
    return False


def edit_randomly(rng: random.Random, edits: Edits, *, most: int = 30, rewrites: int = 25) -> None:
    """Between 5 and ``most`` random edits, then ``rewrites`` tables rewritten as they are
    (every row changes, nothing differs): more for the next run to write, so a kill finds
    it mid-run."""
    for _ in range(rng.randint(5, most)):
        edits.apply(rng.choice(Edits.KINDS), *(rng.randint(0, 10_000) for _ in range(3)))
    for table in rng.sample([n.table for n in edits.nodes], rewrites):
        edits.pg.execute(f'UPDATE "{table}" SET id = id')


def kill_while_writing(
    driver, process: subprocess.Popen[str], rng: random.Random, *, longest: float, timeout=120
) -> bool:
    """SIGKILL ``process`` a random time (up to ``longest`` s) after it took the writer
    lock; True when it was still running then (killed mid-run), False when it had ended."""
    if wait_until_holding(driver, process.pid, timeout):
        time.sleep(rng.uniform(0.0, longest))
    killed = process.poll() is None
    if killed:
        process.kill()
    process.communicate(timeout=60)
    return killed


def kill_9_trials(
    driver, url: str, env: dict[str, str], sync_args: list[str], rerun, *, seed: int, check=None
) -> tuple[int, int]:
    """VIVIM_KILL_TRIALS (10) trials: random edits, a `vivim-graph SYNC_ARGS` process
    (every third with --full) killed with SIGKILL at a random point of its write,
    ``check(trial)``, then ``rerun()`` in process must complete and give exactly the graph
    of a fresh import. Returns (trials, how many were killed mid-run)."""
    trials = int(os.environ.get("VIVIM_KILL_TRIALS", "10"))
    rng = random.Random(seed)
    pg = psycopg.connect(url, autocommit=True)
    edits = Edits(pg)
    killed = 0
    try:
        for trial in range(trials):
            edit_randomly(rng, edits)  # and 25 tables rewritten: a longer sync
            syncing = popen(env, *sync_args, *(["--full"] if trial % 3 == 0 else []))
            killed += kill_while_writing(driver, syncing, rng, longest=2.5)
            if check:
                check(trial)
            assert rerun().status == "completed", trial
            synced = graph_checksum(driver)
            assert synced == fresh_import_keeping_position(driver, url), trial
    finally:
        pg.close()
    return trials, killed


def differential(variable: str, default: int):
    """The hypothesis settings of a differential test: ``variable`` examples (``default``),
    derandomized, a failure printed rather than shrunk for hours."""
    return settings(
        max_examples=int(os.environ.get(variable, str(default))),
        derandomize=True,
        deadline=None,
        database=None,
        phases=[Phase.explicit, Phase.generate],
        suppress_health_check=list(HealthCheck),
    )


# Temporal values travel as [key, type, text] and are parsed back by the server: through the
# driver a datetime stored with offset Z came back with the named zone [UTC], so a restored
# graph differed from the one snapshotted (the graph checksum keeps each value's own text).
_TEMPORALS = (
    "[k IN keys({v}) WHERE {v}[k] IS :: "
    + TEMPORAL_TYPES
    + " | [k, valueType({v}[k]), toString({v}[k])]]"
)
_PARSED = (
    "CASE WHEN kv[1] STARTS WITH 'ZONED DATETIME' THEN datetime(kv[2]) "
    "WHEN kv[1] STARTS WITH 'LOCAL DATETIME' THEN localdatetime(kv[2]) "
    "WHEN kv[1] STARTS WITH 'DATE' THEN date(kv[2]) "
    "WHEN kv[1] STARTS WITH 'ZONED TIME' THEN time(kv[2]) "
    "WHEN kv[1] STARTS WITH 'LOCAL TIME' THEN localtime(kv[2]) "
    "WHEN kv[1] STARTS WITH 'DURATION' THEN duration(kv[2]) END"
)
_NODES = (
    "MATCH (n) WHERE n._source_table IS NOT NULL "
    "RETURN elementId(n) AS id, labels(n) AS l, properties(n) AS p, "
    + _TEMPORALS.format(v="n")
    + " AS tv"
)
_RELS = (
    "MATCH (a)-[r]->(b) WHERE r._source_table IS NOT NULL "
    "RETURN elementId(a) AS a, elementId(b) AS b, type(r) AS t, properties(r) AS p, "
    + _TEMPORALS.format(v="r")
    + " AS tv"
)


def snapshot(driver) -> tuple[list, list]:
    """The replicated part of the graph, to put back later (a small graph only)."""
    nodes = driver.execute_query(_NODES, database_="neo4j").records
    rels = driver.execute_query(_RELS, database_="neo4j").records
    return [dict(r) for r in nodes], [dict(r) for r in rels]


def restore(driver, saved: tuple[list, list]) -> None:
    """Replace the replicated part of the graph with a snapshot (sync records stay)."""
    nodes, rels = saved
    driver.execute_query(
        "MATCH (n) WHERE n._source_table IS NOT NULL DETACH DELETE n", database_="neo4j"
    )
    # The new element id of each saved node, so a relationship finds its ends by id (a
    # property match without a label would scan every node once per relationship).
    created = driver.execute_query(
        "UNWIND $rows AS row CREATE (n:$(row.l)) SET n = row.p "
        f"WITH n, row CALL (n, row) {{ UNWIND row.tv AS kv SET n[kv[0]] = {_PARSED} }} "
        "RETURN collect([row.id, elementId(n)]) AS ids",
        rows=nodes,
        database_="neo4j",
    ).records[0]["ids"]
    now = dict(created)
    driver.execute_query(
        "UNWIND $rows AS row MATCH (a) WHERE elementId(a) = row.a "
        "MATCH (b) WHERE elementId(b) = row.b "
        "CREATE (a)-[r:$(row.t)]->(b) SET r = row.p "
        f"WITH r, row UNWIND row.tv AS kv SET r[kv[0]] = {_PARSED}",
        rows=[{**r, "a": now[r["a"]], "b": now[r["b"]]} for r in rels],
        database_="neo4j",
    )
