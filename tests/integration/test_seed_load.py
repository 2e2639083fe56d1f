"""All-or-nothing seed loads: a failing, incomplete or malformed seed set changes nothing.

Every test compares a full dump of the database (each relation's row count and a checksum
of its rows, plus the functions) taken before and after, so "nothing changed" is checked
row by row, not assumed from the exit code.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from functools import partial
from pathlib import Path

import psycopg
import pytest

from tests.servers import TEST_STATE_DIR, run_cli
from vivim_graph.errors import SeedLoadError
from vivim_graph.resources import resource_dir
from vivim_graph.sources.relational import load_seeds, read_seed_file, seed_files

pytestmark = pytest.mark.integration

SEEDS = resource_dir("seeds")


def dump(url: str) -> dict[str, tuple[int, str]]:
    """Every table's row count and an order-independent checksum, views and functions."""
    with psycopg.connect(url, autocommit=True) as conn:
        relations = conn.execute(
            "SELECT n.nspname, c.relname, c.relkind FROM pg_class c "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE c.relkind IN ('r', 'v', 'p', 'S') AND n.nspname NOT IN "
            "('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
            "AND n.nspname NOT LIKE 'pg_temp%' "
            "ORDER BY 1, 2"
        ).fetchall()
        out: dict[str, tuple[int, str]] = {}
        for schema, name, kind in relations:
            table = psycopg.sql.Identifier(schema, name)
            text = "SELECT 1, md5(last_value::text || is_called::text) FROM {} t"
            if kind != "S":
                text = (
                    "SELECT count(*), md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), "
                    "'')) FROM {} t"
                )
            query = psycopg.sql.SQL(text).format(table)  # type: ignore[arg-type]
            count, digest = conn.execute(query).fetchone()
            out[f"{kind}:{schema}.{name}"] = (count, digest)
        for schema, name, args in conn.execute(
            "SELECT n.nspname, p.proname, pg_get_function_identity_arguments(p.oid) "
            "FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2, 3"
        ):
            out[f"f:{schema}.{name}({args})"] = (0, "")
    return out


def databases(url: str) -> set[str]:
    with psycopg.connect(url, autocommit=True) as conn:
        return {r[0] for r in conn.execute("SELECT datname FROM pg_database")}


def copy_seeds(tmp_path: Path) -> Path:
    target = tmp_path / "seeds"
    shutil.copytree(SEEDS, target)
    return target


def insert_line(path: Path, line: int, text: str) -> None:
    """Put ``text`` on line ``line`` (1-based) of ``path``, shifting the rest down."""
    lines = path.read_text(encoding="utf-8").splitlines()
    lines.insert(line - 1, text)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def statement_boundary(path: Path, after: int) -> int:
    """The first line at or after ``after`` where a new statement may start: the line
    after a statement's end, found from the splitter-independent rule that a statement of
    these files ends with ';' at the end of a line outside dollar quotes."""
    lines = path.read_text(encoding="utf-8").splitlines()
    in_dollar = False
    for number, text in enumerate(lines, 1):
        if text.count("$$") % 2:
            in_dollar = not in_dollar
        ends = text.rstrip().endswith(";") and not text.lstrip().startswith("--")
        if number >= after and not in_dollar and ends:
            return number + 1
    return len(lines) + 1


@pytest.fixture
def marked_db(scratch_db: str) -> str:
    """A database that already holds something of its own (a table, a row, a function)."""
    with psycopg.connect(scratch_db, autocommit=True) as conn:
        conn.execute("CREATE TABLE keep_me (id int PRIMARY KEY, note text)")
        conn.execute("INSERT INTO keep_me VALUES (1, 'there before the load')")
        conn.execute("CREATE FUNCTION keep_fn() RETURNS int LANGUAGE sql AS 'SELECT 1'")
    return scratch_db


@pytest.fixture(scope="module")
def broken_in_07(tmp_path_factory) -> tuple[Path, int]:
    """A copy of seeds/ whose file 07 fails half-way, after files 01-06 loaded fine."""
    seeds = copy_seeds(tmp_path_factory.mktemp("broken07"))
    target = seeds / "seed_data" / "07_seed_token_vesting.sql"
    total = len(target.read_text(encoding="utf-8").splitlines())
    line = statement_boundary(target, total // 2)
    insert_line(target, line, "INSERT INTO no_such_table_in_07 VALUES (1);")
    return seeds, line


# ------------------------------------------------------------------ failure in file 07
def test_a_failure_in_file_07_leaves_the_database_exactly_as_before(marked_db, broken_in_07):
    seeds, line = broken_in_07
    before = dump(marked_db)
    with pytest.raises(SeedLoadError) as caught:
        load_seeds(marked_db, seeds=seeds)
    assert f"07_seed_token_vesting.sql:{line}" in str(caught.value)
    assert "no_such_table_in_07" in str(caught.value)
    assert dump(marked_db) == before
    # and the untouched database then loads the good seeds in one go
    load_seeds(marked_db)
    after = dump(marked_db)
    assert after["r:public.keep_me"] == before["r:public.keep_me"]
    assert after["r:public.token_registry"][0] > 0


def test_reset_with_a_failing_seed_set_keeps_the_old_database(
    scratch_db, broken_in_07, postgres_server
):
    load_seeds(scratch_db)
    with psycopg.connect(scratch_db, autocommit=True) as conn:
        conn.execute("UPDATE locations SET region = 'edited before the reset' WHERE id = 1")
    before = dump(scratch_db)
    name = psycopg.conninfo.conninfo_to_dict(scratch_db)["dbname"]
    admin = postgres_server.url
    seeds, line = broken_in_07
    with pytest.raises(SeedLoadError) as caught:
        load_seeds(scratch_db, reset=True, admin_url=admin, seeds=seeds)
    assert f"07_seed_token_vesting.sql:{line}" in str(caught.value)
    assert "kept" in (caught.value.hint or "")
    assert dump(scratch_db) == before
    assert not {f"{name}__loading", f"{name}__previous"} & databases(admin)
    # a good reset replaces it: same tables and counts, the edit is gone
    load_seeds(scratch_db, reset=True, admin_url=admin)
    after = dump(scratch_db)
    assert {k: v[0] for k, v in after.items()} == {k: v[0] for k, v in before.items()}
    with psycopg.connect(scratch_db) as conn:
        notes = conn.execute("SELECT region FROM locations WHERE id = 1").fetchone()[0]
    assert notes != "edited before the reset"
    assert not {f"{name}__loading", f"{name}__previous"} & databases(admin)


def test_reset_refuses_while_another_session_uses_the_database(scratch_db, postgres_server):
    load_seeds(scratch_db)
    before = dump(scratch_db)
    with psycopg.connect(scratch_db, application_name="someone-else"):
        with pytest.raises(SeedLoadError) as caught:
            load_seeds(scratch_db, reset=True, admin_url=postgres_server.url)
        assert "someone-else" in str(caught.value) and "1 other session" in str(caught.value)
    assert dump(scratch_db) == before
    load_seeds(scratch_db, reset=True, admin_url=postgres_server.url)  # alone: it works


def test_cli_db_load_fails_in_07_with_exit_1_and_keeps_the_database(scratch_db, broken_in_07):
    seeds, line = broken_in_07
    env = {**os.environ, "DATABASE_URL": scratch_db, "VIVIM_STATE_DIR": str(TEST_STATE_DIR)}
    run = partial(run_cli, env)
    first = run("db", "load", "--seeds", str(seeds))
    assert first.returncode == 1, first.stderr
    assert f"07_seed_token_vesting.sql:{line}" in first.stderr
    assert "Traceback" not in first.stderr
    empty = dump(scratch_db)
    assert not [k for k in empty if k.startswith("r:public.")], "nothing may be loaded"
    assert run("db", "load").returncode == 0
    before = dump(scratch_db)
    again = run("db", "load", "--reset", "--seeds", str(seeds))
    assert again.returncode == 1 and "kept" in again.stderr
    assert dump(scratch_db) == before


# ------------------------------------------------------------------ checked before loading
HOSTILE = [
    "BEGIN;",
    "begin work;",
    "BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE;",
    "START TRANSACTION;",
    "start\n  transaction read write;",
    "COMMIT;",
    "commit and chain;",
    "END;",
    "end transaction;",
    "ROLLBACK;",
    "ROLLBACK TO SAVEPOINT s1;",
    "ABORT;",
    "SAVEPOINT s1;",
    "RELEASE SAVEPOINT s1;",
    "release s1;",
    "PREPARE TRANSACTION 'x';",
    "/* leading comment */ COMMIT;",
    "-- a comment line\nCOMMIT;",
    "\\i other.sql",
    "\\set ON_ERROR_STOP on",
    "\\connect postgres",
]
ORDINARY = [
    "DO $$ BEGIN PERFORM 1; END $$;",
    "DO $body$ BEGIN IF true THEN RAISE NOTICE 'x'; END IF; COMMIT; END $body$;",
    "SELECT 'BEGIN; COMMIT;';",
    "-- BEGIN;",
    "/* COMMIT; */ SELECT 1;",
    'SELECT 1 AS "commit";',
    "SELECT E'\\\\' || 'END';",
    "SET client_min_messages = warning;",
    "CREATE TABLE begin_end (commit_at date, rollback_note text);",
    "INSERT INTO begin_end (rollback_note) VALUES ('ROLLBACK; then END;');",
]


def test_transaction_control_is_refused_with_file_and_line(tmp_path, scratch_db):
    files = seed_files()
    target = next(f for f in files if f.name == "05_seed_dao_wiki_work.sql")
    line = statement_boundary(target, 40)
    before = dump(scratch_db)
    for statement in HOSTILE:
        copy = tmp_path / target.name
        shutil.copy(target, copy)
        insert_line(copy, line, statement)
        statement_line = line + statement.count("\n") if statement.startswith("--") else line
        with pytest.raises(SeedLoadError) as caught:
            load_seeds(scratch_db, files=[copy if f == target else f for f in files])
        assert f"{target.name}:{statement_line}:" in str(caught.value), statement
        assert caught.value.line == statement_line
    assert dump(scratch_db) == before


def test_ordinary_statements_and_every_shipped_file_pass_the_check(tmp_path):
    for statement in ORDINARY:
        path = tmp_path / "ordinary.sql"
        path.write_text(f"SELECT 1;\n{statement}\nSELECT 2;\n", encoding="utf-8")
        statements = read_seed_file(path)  # not refused
        assert statements[0] == (1, "SELECT 1") and statements[-1] == (3, "SELECT 2"), statement
    for path in seed_files():  # the real corpus: thousands of statements, none refused
        assert read_seed_file(path)


def test_the_shipped_files_hold_no_transaction_control_by_plain_text():
    """Independent of the splitter: no line of a seed file is a bare BEGIN; or COMMIT;
    (END; alone ends plpgsql blocks, so it is left to the splitter-based check)."""
    control = {"BEGIN", "START TRANSACTION", "COMMIT", "ROLLBACK"}
    for path in seed_files():
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            bare = line.strip().rstrip(";").upper()
            assert not (line.strip().endswith(";") and bare in control), f"{path.name}:{number}"


def test_a_missing_file_is_refused_and_nothing_is_loaded(tmp_path, marked_db):
    seeds = copy_seeds(tmp_path)
    (seeds / "schemas" / "07_work_management_schema.sql").unlink()
    before = dump(marked_db)
    with pytest.raises(SeedLoadError) as caught:
        load_seeds(marked_db, seeds=seeds)
    assert "07_work_management_schema.sql" in str(caught.value)
    assert "missing" in str(caught.value)
    assert dump(marked_db) == before


def test_an_unlisted_file_and_a_missing_manifest_are_refused(tmp_path):
    seeds = copy_seeds(tmp_path)
    extra = seeds / "seed_data" / "11_seed_extra.sql"
    extra.write_text("SELECT 1;\n", encoding="utf-8")
    with pytest.raises(SeedLoadError) as caught:
        seed_files(seeds)
    assert "11_seed_extra.sql" in str(caught.value) and "not listed" in str(caught.value)
    extra.unlink()
    assert len(seed_files(seeds)) == 25  # the copy as shipped is complete
    (seeds / "load-order.txt").unlink()
    with pytest.raises(SeedLoadError, match=r"load-order\.txt"):
        seed_files(seeds)


def test_cli_refuses_a_missing_file_with_exit_1(tmp_path, scratch_db):
    seeds = copy_seeds(tmp_path)
    (seeds / "seed_data" / "09_seed_analytics.sql").unlink()
    env = {**os.environ, "DATABASE_URL": scratch_db, "VIVIM_STATE_DIR": str(TEST_STATE_DIR)}
    result = run_cli(env, "db", "load", "--seeds", str(seeds))
    assert result.returncode == 1
    assert "09_seed_analytics.sql" in result.stderr and "Traceback" not in result.stderr


def test_a_non_utf8_file_is_named_with_byte_and_line(tmp_path, marked_db):
    seeds = copy_seeds(tmp_path)
    target = seeds / "seed_data" / "06_seed_operations.sql"
    data = target.read_bytes()
    lines = data.split(b"\n")
    bad_line = 30
    lines[bad_line - 1] += b" -- caf\xe9 in Latin-1"
    broken = b"\n".join(lines)
    target.write_bytes(broken)
    offset = broken.index(b"\xe9")
    before = dump(marked_db)
    with pytest.raises(SeedLoadError) as caught:
        load_seeds(marked_db, seeds=seeds)
    message = str(caught.value)
    assert "06_seed_operations.sql" in message and "UTF-8" in message
    assert f"byte {offset}" in message and f"line {bad_line}" in message
    assert dump(marked_db) == before


# ------------------------------------------------------------------ plain psql
def psql_binary() -> str:
    found = shutil.which("psql")
    if found:
        return found
    import pgserver

    return str(Path(pgserver.__file__).parent / "pginstall" / "bin" / "psql")


def readme_psql(seeds: Path, url: str) -> subprocess.CompletedProcess[str]:
    """The README's plain-psql load, run as written there (psql taken from PATH), from
    the folder that holds ``seeds``, into ``url`` instead of vivim_costs_db."""
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    block = readme.split("```bash\ncreatedb vivim_costs_db\n", 1)[1].split("```", 1)[0]
    assert "--single-transaction" in block and "load-order.txt" in block
    command = block.replace("-d vivim_costs_db", '-d "$URL"')
    env = {**os.environ, "URL": url}
    env["PATH"] = f"{Path(psql_binary()).parent}:{env['PATH']}"
    return subprocess.run(
        ["bash", "-c", command],
        capture_output=True,
        text=True,
        env=env,
        cwd=seeds.parent,
        check=False,
    )


def test_readme_psql_command_loads_the_manifest_in_one_transaction(scratch_db, broken_in_07):
    result = readme_psql(SEEDS, scratch_db)
    assert result.returncode == 0, result.stderr
    loaded = dump(scratch_db)
    tables = [k for k in loaded if k.startswith("r:public.")]
    assert len(tables) >= 140 and all(loaded[k][0] > 0 for k in tables)
    # and with psql too, a failure in 07 leaves nothing behind
    with psycopg.connect(scratch_db, autocommit=True) as conn:
        conn.execute("DROP SCHEMA public CASCADE")
        conn.execute("CREATE SCHEMA public")
    before = dump(scratch_db)
    seeds, _ = broken_in_07
    failed = readme_psql(seeds, scratch_db)
    assert failed.returncode != 0 and "no_such_table_in_07" in failed.stderr
    assert dump(scratch_db) == before
