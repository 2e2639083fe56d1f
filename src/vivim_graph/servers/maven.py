"""Jars from Maven Central, resolved once into the cache: the local Neo4j and the local
Kafka with Debezium are both fetched this way (a POM listing what is wanted, then
``mvn dependency:copy-dependencies``), so the steps and their errors are written once."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vivim_graph.errors import LocalServerError, ToolMissingError


@dataclass(frozen=True)
class Fetch:
    """One set of jars: the POM, and what the messages call it."""

    pom: str
    missing: str  # "Maven (mvn) is needed once to fetch {missing} from Maven Central"
    fetching: str  # the line printed before the download
    resolving: str  # "Maven could not resolve {resolving}"
    install_hint: str
    failure_hint: str


def fetch_jars(cache: Path, fetch: Fetch, *, echo: Callable[[str], object] = print) -> Path:
    """Resolve the POM's dependencies into ``cache/lib.partial`` and return it; the caller
    moves it into place and marks the cache complete, so an interrupted fetch is redone."""
    mvn = shutil.which("mvn")
    if mvn is None:
        raise ToolMissingError(
            f"Maven (mvn) is needed once to fetch {fetch.missing} from Maven Central",
            hint=fetch.install_hint,
        )
    echo(fetch.fetching)
    cache.mkdir(parents=True, exist_ok=True)
    (cache / "pom.xml").write_text(fetch.pom, encoding="utf-8")
    staging = cache / "lib.partial"
    shutil.rmtree(staging, ignore_errors=True)
    result = subprocess.run(
        [mvn, "-q", "-B", "dependency:copy-dependencies", f"-DoutputDirectory={staging}"],
        cwd=cache,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise LocalServerError(
            f"Maven could not resolve {fetch.resolving}",
            log_tail="\n".join((result.stdout + result.stderr).splitlines()[-15:]),
            hint=fetch.failure_hint,
        )
    return staging
