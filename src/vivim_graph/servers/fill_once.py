"""Cache entries (jar sets, the unpacked Browser) filled by one process at a time.

On a new machine the first users of an entry often arrive together: the test workers
each start a Neo4j, or `vivim-graph up` runs beside the tests. Without a lock each of them
fetches into the same staging directory and one removes the ``lib/`` another has just
started a server on ("Could not find or load main class"). So the filler takes an
exclusive ``flock`` on ``<entry>.lock``; whoever waited finds the marker written and
fills nothing. A killed filler drops its lock with its process, and its half-filled staging
directory is redone by the next one (the marker is written last).
"""

from __future__ import annotations

import fcntl
from collections.abc import Callable
from pathlib import Path


def fill_once(
    entry: Path,
    marker: Path,
    fill: Callable[[], None],
    *,
    echo: Callable[[str], object] = print,
) -> bool:
    """Run ``fill`` (which writes ``marker`` last) unless ``marker`` exists; return whether
    this process filled the entry. Waits, saying so, while another process fills it."""
    if marker.exists():
        return False
    entry.parent.mkdir(parents=True, exist_ok=True)
    with open(entry.with_name(entry.name + ".lock"), "a", encoding="utf-8") as lock:
        try:
            fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            echo(f"Waiting for another process to finish filling {entry} ...")
            fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            if marker.exists():  # filled while this process waited
                return False
            fill()
            return True
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
