"""Cache entries are filled by one process at a time (servers/fill_once.py): processes
that arrive together fill once, a failed or killed filler leaves the entry to be redone."""

from __future__ import annotations

import multiprocessing
import os
import signal
import time
from pathlib import Path

import pytest

from vivim_graph.servers.fill_once import fill_once


def _filler(entry: str, log: str, seconds: float) -> None:
    entry_path = Path(entry)

    def fill() -> None:
        with open(log, "a", encoding="utf-8") as out:
            out.write(f"{os.getpid()}\n")
        time.sleep(seconds)  # long enough for the others to arrive while this one fills
        entry_path.mkdir(exist_ok=True)
        (entry_path / ".complete").write_text("done", encoding="utf-8")

    fill_once(entry_path, entry_path / ".complete", fill, echo=lambda _: None)
    # whoever returns finds the entry complete, whether it filled it or waited
    assert (entry_path / ".complete").read_text(encoding="utf-8") == "done"


def _start(entry: Path, log: Path, seconds: float) -> multiprocessing.Process:
    process = multiprocessing.get_context("fork").Process(
        target=_filler, args=(str(entry), str(log), seconds)
    )
    process.start()
    return process


def test_processes_arriving_together_fill_once(tmp_path):
    entry, log = tmp_path / "neo4j-x", tmp_path / "fills.log"
    processes = [_start(entry, log, 0.5) for _ in range(4)]
    for process in processes:
        process.join(timeout=30)
    assert [p.exitcode for p in processes] == [0, 0, 0, 0]
    assert len(log.read_text(encoding="utf-8").split()) == 1


def test_a_filler_killed_with_sigkill_leaves_the_entry_to_the_next(tmp_path):
    entry, log = tmp_path / "neo4j-x", tmp_path / "fills.log"
    first = _start(entry, log, 30)
    deadline = time.monotonic() + 10
    while not log.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    assert log.exists(), "the first filler never started"
    os.kill(first.pid, signal.SIGKILL)
    first.join(timeout=10)
    assert not (entry / ".complete").exists()
    second = _start(entry, log, 0)
    second.join(timeout=30)
    assert second.exitcode == 0
    assert len(log.read_text(encoding="utf-8").split()) == 2


def test_a_failed_fill_writes_no_marker_and_is_redone(tmp_path):
    entry, marker = tmp_path / "e", tmp_path / "e" / ".complete"

    def broken() -> None:
        raise RuntimeError("Maven could not resolve it")

    with pytest.raises(RuntimeError, match="could not resolve"):
        fill_once(entry, marker, broken)
    calls: list[int] = []

    def fill() -> None:
        calls.append(1)
        entry.mkdir()
        marker.write_text("ok", encoding="utf-8")

    assert fill_once(entry, marker, fill) is True
    assert fill_once(entry, marker, fill) is False
    assert calls == [1]


def test_a_waiting_process_says_it_waits(tmp_path):
    entry, log = tmp_path / "e", tmp_path / "fills.log"
    first = _start(entry, log, 1.0)
    deadline = time.monotonic() + 10
    while not log.exists() and time.monotonic() < deadline:
        time.sleep(0.02)
    said: list[str] = []
    filled = fill_once(entry, entry / ".complete", lambda: None, echo=said.append)
    first.join(timeout=30)
    assert filled is False
    assert said == [f"Waiting for another process to finish filling {entry} ..."]
