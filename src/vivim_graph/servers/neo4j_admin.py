"""``neo4j-admin database import full`` from the local server's own jars, and the store swap.

The admin tool is in the jar set the local server runs from (``org.neo4j.cli.AdminTool``,
from ``neo4j-command-line`` and ``neo4j-import-tool``); it needs ``NEO4J_HOME``. It never
writes into the live home: it builds the new store in a **staging home** (its own
``conf/neo4j.conf`` pointing ``server.directories.data`` at the staging ``data/``), so a
failed import leaves the running server and its graph as they were. Only when the tool has
succeeded is the store swapped in, with the server stopped: the live database and
transaction directories are moved aside (kept until the new store has started) and the
staged ones moved in, both renames within one file system.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

from vivim_graph.errors import LocalServerError
from vivim_graph.servers.local_neo4j import (
    ADMIN_TOOL,
    LocalNeo4j,
    ensure_artifacts,
    find_java,
    neo4j_jvm_flags,
)


@dataclass(frozen=True)
class ImportSource:
    """One ``--nodes`` or ``--relationships`` group: a label or type, a header, its data."""

    name: str  # the label (nodes) or relationship type
    header: Path
    data: Path


def store_dirs(home: Path, database: str) -> tuple[Path, Path]:
    """Where a home keeps one database: its store and its transaction logs."""
    data = home / "data"
    return data / "databases" / database, data / "transactions" / database


def staging_home(root: Path) -> Path:
    """A fresh home for the admin tool: nothing in it but a config naming its data dir."""
    shutil.rmtree(root, ignore_errors=True)
    (root / "conf").mkdir(parents=True)
    (root / "data").mkdir()
    (root / "logs").mkdir()
    (root / "conf" / "neo4j.conf").write_text(
        f"server.directories.data={root / 'data'}\nserver.directories.logs={root / 'logs'}\n",
        encoding="utf-8",
    )
    return root


@dataclass(frozen=True)
class ImportFiles:
    """What one admin import reads: node and relationship groups, and the data files that
    hold a line break inside a field."""

    nodes: list[ImportSource]
    relationships: list[ImportSource]
    multiline: list[Path]


def import_command(
    server: LocalNeo4j, staging: Path, database: str, files: ImportFiles
) -> tuple[list[str], dict[str, str]]:
    """The admin tool's command line and environment (Java, jars and heap as the server's)."""
    nodes, relationships, multiline = files.nodes, files.relationships, files.multiline
    java, _ = find_java()
    settings = server.settings
    lib = ensure_artifacts(settings) / "lib" / "*"
    command = [
        java,
        f"-Xmx{settings.neo4j_heap}",
        *neo4j_jvm_flags(settings),
        "-cp",
        str(lib),
        ADMIN_TOOL,
        "database",
        "import",
        "full",
        database,  # first: the file-list options take every argument after them
        f"--max-off-heap-memory={settings.neo4j_pagecache}",
        f"--report-file={staging / 'logs' / 'import.report'}",
        *(f"--nodes={s.name}={s.header},{s.data}" for s in nodes),
        *(f"--relationships={s.name}={s.header},{s.data}" for s in relationships),
    ]
    if multiline:  # v2: only the files that hold a line break are read the slow way
        command += [
            "--multiline-fields-format=v2",
            "--multiline-fields=" + ",".join(str(p) for p in multiline),
        ]
    env = {**os.environ, "NEO4J_HOME": str(staging), "NEO4J_CONF": str(staging / "conf")}
    return command, env


def run_admin_import(
    server: LocalNeo4j,
    staging: Path,
    database: str,
    nodes: list[ImportSource],
    relationships: list[ImportSource],
    multiline: list[Path],
) -> float:
    """Build the store in ``staging``; seconds taken. A failure names the tool's output."""
    files = ImportFiles(nodes, relationships, multiline)
    command, env = import_command(server, staging, database, files)
    log = staging / "logs" / "admin-import.log"
    started = time.perf_counter()
    with log.open("wb") as out:
        result = subprocess.run(
            command, env=env, cwd=staging, stdout=out, stderr=subprocess.STDOUT, check=False
        )
    if result.returncode != 0:
        tail = "\n".join(log.read_text(errors="replace").splitlines()[-25:])
        raise LocalServerError(
            f"neo4j-admin database import failed (exit code {result.returncode}); "
            "the graph was left as it was",
            log_tail=tail,
            hint=f"full output: {log}",
        )
    return time.perf_counter() - started


def swap_store(server: LocalNeo4j, staging: Path, database: str) -> Path:
    """Move the staged store into the stopped server's home; returns where the old one went."""
    if server.status().running:
        raise LocalServerError("the local Neo4j must be stopped before its store is swapped")
    backup = staging.parent / f"{staging.name}-previous"
    shutil.rmtree(backup, ignore_errors=True)
    new = store_dirs(staging, database)
    live = store_dirs(server.home, database)
    old = store_dirs(backup, database)
    for source, target in zip(live, old, strict=True):
        if source.exists():
            target.parent.mkdir(parents=True, exist_ok=True)
            source.rename(target)
    for source, target in zip(new, live, strict=True):
        target.parent.mkdir(parents=True, exist_ok=True)
        source.rename(target)
    return backup


def restore_store(server: LocalNeo4j, backup: Path, database: str) -> None:
    """Undo ``swap_store``: the new store is removed, the old one moved back."""
    for source, target in zip(
        store_dirs(backup, database), store_dirs(server.home, database), strict=True
    ):
        shutil.rmtree(target, ignore_errors=True)
        if source.exists():
            source.rename(target)
