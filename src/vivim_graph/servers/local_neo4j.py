"""A real Neo4j Community server without Docker, assembled from Maven Central.

The version is ``VIVIM_NEO4J_VERSION``: 5.26 LTS by default (Java 17 or 21, APOC in
``plugins/``), or a calendar version (2025.x, 2026.x: what Aura runs, Cypher 25), which
needs Java 21 or later and has no APOC on Maven Central; the JVM is chosen by version.

The official tarball is not on Maven Central, so the server home is assembled here:
``lib/`` holds ``org.neo4j:neo4j`` and its dependencies (server, Bolt, HTTP) plus the
Neo4j Browser jar, ``plugins/`` holds APOC core. Artifacts are resolved once with Maven
into a cache outside the repository (``~/.cache/vivim-graph/neo4j-<version>``); the
server's own home (``conf/``, ``data/``, ``logs/``, ``run/``) lives under the state
directory (``.vivim/neo4j`` by default), so data persists across stop and start.

The Browser is served from ``<home>/web/browser/`` (the jar's files, hard-linked from the
cache), not from the jar: the server serves the first ``browser/`` on its classpath, and a
directory lets the guided tour (``web/browser/guides/``, written by ``browser.guide``) be
rewritten while the server runs. The runner does not know what the tour holds: whoever starts
it passes ``web_content``, a function that writes the served files (see ``jobs.local_neo4j``).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from vivim_graph.errors import ConfigError, LocalServerError, ToolMissingError, VivimGraphError
from vivim_graph.servers.browser_files import (
    BROWSER_VERSION,
    browser_files,
    guide_config,
    link_browser_files,
)
from vivim_graph.servers.fill_once import fill_once
from vivim_graph.servers.maven import Fetch, fetch_jars
from vivim_graph.settings import Settings

ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"
CALENDAR_ENTRY_POINT = "org.neo4j.server.Neo4jCommunity"  # 2025.x on: renamed
ADMIN_TOOL = "org.neo4j.cli.AdminTool"
SUPPORTED_JAVA = (17, 21)  # Neo4j 5.26 LTS runs on Java 17 or 21
CALENDAR_JAVA = (21, 25)  # 2025.x and 2026.x need Java 21; 2025.10 on also run on 25
# Flags the official launcher passes; without the first one startup fails with a
# LinkageError about DirectByteBuffer on Java 17.
JVM_OPENS = (
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--add-opens=java.base/java.lang=ALL-UNNAMED",
)

# A local server is offline: it sends no usage data and its Browser neither shows the
# usage-data banner nor sends product analytics. Neo4j 5.26's own usage report (a daily call
# to udc.neo4j.com) is dbms.usage_report.enabled. Browser 5.24 shows the banner only when its
# telemetry settings are left to itself; client.allow_telemetry=false (served to it by
# dbms.clientConfig) makes them neo4j.conf's, off. browser.allow_outgoing_connections is an
# Enterprise setting: Community refuses to start with it (strict config validation), and
# Community's Browser does not read it.
OFFLINE_CONFIG = (
    "dbms.usage_report.enabled=false",
    "client.allow_telemetry=false",
)

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>vivim</groupId><artifactId>neo4j-local</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.neo4j</groupId><artifactId>neo4j</artifactId>
      <version>{neo4j}</version></dependency>
    <dependency><groupId>org.neo4j.client</groupId><artifactId>neo4j-browser</artifactId>
      <version>{browser}</version></dependency>
{apoc}  </dependencies>
</project>
"""
_APOC = """    <dependency><groupId>org.neo4j.procedure</groupId><artifactId>apoc-core</artifactId>
      <version>{neo4j}</version></dependency>
    <dependency><groupId>org.neo4j.procedure</groupId><artifactId>apoc-common</artifactId>
      <version>{neo4j}</version></dependency>
"""


def is_calendar_version(version: str) -> bool:
    """2025.x and later: Cypher 25, Java 21+, no APOC on Maven Central."""
    return int(version.split(".")[0]) >= 2025


def java_versions_for(version: str) -> tuple[int, ...]:
    return CALENDAR_JAVA if is_calendar_version(version) else SUPPORTED_JAVA


def entry_point(version: str) -> str:
    return CALENDAR_ENTRY_POINT if is_calendar_version(version) else ENTRY_POINT


def calendar_config(version: str) -> list[str]:
    """neo4j.conf lines only calendar versions know. New databases speak Cypher 25, as on
    Aura, so every query the project sends is checked against the current language (the
    usage report is off for every version: OFFLINE_CONFIG)."""
    if not is_calendar_version(version):
        return []
    return ["db.query.default_language=CYPHER_25"]


# Internal settings that 5.26 and the calendar versions both know (strict config validation
# refuses to start on an unknown one, so older exact versions go without them). Measured on
# this project's statements, each in one run against the defaults:
# - Neo4j plans a statement again for each size class of a list or string parameter: an
#   impact question about one pool and then about two was planned twice, 1.5-2.5 s each for
#   the large impact and view statements. Without the size hint a statement is planned once
#   per parameter type; a parameter's size feeds only the planner's row estimates.
# - `neo4j stop` waited 5 s for idle Bolt connections and 5 s for Bolt's thread pool after
#   every database had already stopped (10.2 s; 0.3 s without the waits): a client still
#   connected then gets nothing more than "database unavailable" either way.
PLANNER_AND_STOP_CONFIG = (
    "internal.cypher.use_parameter_size=false",
    "internal.server.bolt.connection_shutdown_wait_time=0s",
    "internal.server.bolt.thread_pool_shutdown_wait_time=0s",
)


def tuning_config(version: str) -> list[str]:
    """PLANNER_AND_STOP_CONFIG for the versions known to have those settings (5.26 on)."""
    major, minor = (int(part) for part in version.split(".")[:2])
    return list(PLANNER_AND_STOP_CONFIG) if (major, minor) >= (5, 26) else []


def pom_text(version: str) -> str:
    """The Maven project whose dependencies are the server's ``lib/`` (and APOC, where
    Maven Central has it: its releases stop at 5.26)."""
    apoc = "" if is_calendar_version(version) else _APOC.format(neo4j=version)
    return _POM.format(neo4j=version, browser=BROWSER_VERSION, apoc=apoc)


@dataclass(frozen=True)
class ServerStatus:
    running: bool
    pid: int | None
    version: str | None
    bolt_uri: str
    browser_url: str
    home: Path

    def describe(self) -> str:
        if not self.running:
            return f"Neo4j: stopped (home {self.home})"
        return (
            f"Neo4j {self.version or '?'}: running (pid {self.pid})\n"
            f"  Bolt:    {self.bolt_uri}\n"
            f"  Browser: {self.browser_url}\n"
            f"  Home:    {self.home}"
        )


def jvm_options(settings: Settings) -> list[str]:
    """The operator's extra JVM options (``VIVIM_JVM_OPTIONS``), split as a shell would."""
    try:
        return shlex.split(settings.jvm_options)
    except ValueError as e:
        raise ConfigError(f"VIVIM_JVM_OPTIONS cannot be split into options: {e}") from e


def gc_options(extra: list[str]) -> list[str]:
    """G1, Neo4j's own choice, unless the operator's options name a collector: the JVM
    refuses to start with two (the tests choose the serial one, see tests/conftest.py)."""
    chosen = any(o.startswith("-XX:+Use") and o.endswith("GC") for o in extra)
    return [] if chosen else ["-XX:+UseG1GC"]


def neo4j_jvm_flags(settings: Settings) -> list[str]:
    """The flags every Neo4j JVM gets (the server, ``neo4j-admin``) after its heap: the
    collector, the launcher's own, then the operator's options, last so that they win."""
    extra = jvm_options(settings)
    return [*gc_options(extra), "-Dfile.encoding=UTF-8", *JVM_OPENS, *extra]


def find_java(version: str = "5.26") -> tuple[str, int]:
    """A Java that runs Neo4j ``version``: JAVA_HOME, else PATH, else a JDK under
    /usr/lib/jvm (where Debian and Temurin packages put them), the first that fits."""
    wanted = java_versions_for(version)
    candidates: list[str] = []
    if os.environ.get("JAVA_HOME"):
        candidates.append(str(Path(os.environ["JAVA_HOME"]) / "bin" / "java"))
    if shutil.which("java"):
        candidates.append(shutil.which("java") or "java")
    candidates += sorted(str(p) for p in Path("/usr/lib/jvm").glob("*/bin/java"))
    seen: list[str] = []
    for java in candidates:
        major = _java_major(java)
        if major is not None:
            seen.append(f"{java} (Java {major})")
            if major in wanted:
                return java, major
    found = "; found " + ", ".join(seen) if seen else ""
    needs = " or ".join(str(v) for v in wanted)
    package = (
        "temurin-25-jdk or openjdk-21-jre-headless"
        if wanted == CALENDAR_JAVA
        else ("openjdk-17-jre-headless")
    )
    raise ToolMissingError(
        f"Neo4j {version} needs Java {needs}{found}",
        hint=f"install one (e.g. {package}) or set JAVA_HOME to it",
    )


def _java_major(java: str) -> int | None:
    try:
        out = subprocess.run(
            [java, "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return None
    match = re.search(r'version "(\d+)', out.stderr + out.stdout)
    return int(match.group(1)) if match else None


STORE_STAMP = "vivim-neo4j-version"  # under data/: `neo4j reset` deletes it with the store


def version_line(version: str) -> str:
    """``2026`` for 2026.08.1, ``5.26`` for 5.26.19: a store stays within its line."""
    parts = version.split(".")
    return parts[0] if is_calendar_version(version) else ".".join(parts[:2])


def check_store_version(home: Path, version: str) -> None:
    """Refuse to open a store written by another Neo4j line: a calendar version would
    upgrade a 5.26 store for good, and 5.26 cannot read a calendar version's store."""
    data = home / "data"
    if not (data / "databases").exists():
        return
    stamp = data / STORE_STAMP
    # Stores from before the stamp existed were written by 5.26, the only version then.
    written = stamp.read_text(encoding="utf-8").strip() if stamp.exists() else "5.26"
    if version_line(written) != version_line(version):
        raise LocalServerError(
            f"the Neo4j store under {data} was written by Neo4j {written}; "
            f"Neo4j {version} is another line and would not open it safely",
            hint=f"start Neo4j {written} (VIVIM_NEO4J_VERSION={written}), or keep each "
            "version in its own VIVIM_STATE_DIR, or `vivim-graph neo4j reset` (deletes "
            "the graph; re-import it after)",
        )


def stamp_store_version(home: Path, version: str) -> None:
    (home / "data" / STORE_STAMP).write_text(version, encoding="utf-8")


def ensure_artifacts(settings: Settings, *, echo=print) -> Path:
    """Resolve the server's jars with Maven on first use; later calls download nothing."""
    cache = settings.cache_dir / f"neo4j-{settings.neo4j_version}"
    version = settings.neo4j_version
    marker = cache / ".complete"

    def fill() -> None:
        fetch = Fetch(
            pom=pom_text(version),
            missing="Neo4j",
            fetching=f"Fetching Neo4j {version} from Maven Central into {cache} (once)...",
            resolving=f"Neo4j {version}",
            install_hint="install it (Debian: apt-get install maven), or use docker compose up",
            failure_hint="check that Maven Central is reachable and the version exists",
        )
        staging = fetch_jars(cache, fetch, echo=echo)
        lib, plugins = cache / "lib", cache / "plugins"
        shutil.rmtree(lib, ignore_errors=True)
        shutil.rmtree(plugins, ignore_errors=True)
        plugins.mkdir()
        for jar in staging.glob("apoc-*.jar"):  # APOC loads as a plugin, not from lib/
            jar.rename(plugins / jar.name)
        staging.rename(lib)
        marker.write_text(version, encoding="utf-8")

    fill_once(cache, marker, fill, echo=echo)
    return cache


# Writes files under the web root that the server serves as /browser/... (web root, HTTP base).
WebContent = Callable[[Path, str], object]


class LocalNeo4j:
    """The local server: one home, one process, one pid file."""

    def __init__(
        self,
        settings: Settings,
        home: Path | None = None,
        *,
        web_content: WebContent | None = None,
    ) -> None:
        self.settings = settings
        self.web_content = web_content
        self.home = (home or settings.state_dir / "neo4j").resolve()
        self.pid_file = self.home / "run" / "neo4j.pid"
        self.log_file = self.home / "logs" / "neo4j.log"
        self.console_log = self.home / "logs" / "console.log"

    # ---------------------------------------------------------------- queries
    def pid(self) -> int | None:
        try:
            pid = int(self.pid_file.read_text().strip())
        except (OSError, ValueError):
            return None
        try:
            os.kill(pid, 0)
        except ProcessLookupError:
            return None
        except PermissionError:
            pass
        if not _is_neo4j_process(pid):
            return None
        return pid

    def status(self) -> ServerStatus:
        pid = self.pid()
        running = pid is not None and port_open(self.settings.neo4j_bolt_port)
        return ServerStatus(
            running=running,
            pid=pid,
            version=self._http_version() if running else None,
            bolt_uri=f"neo4j://127.0.0.1:{self.settings.neo4j_bolt_port}",
            browser_url=f"http://127.0.0.1:{self.settings.neo4j_http_port}/browser/",
            home=self.home,
        )

    def _http_version(self) -> str | None:
        url = f"http://127.0.0.1:{self.settings.neo4j_http_port}/"
        try:
            with urllib.request.urlopen(url, timeout=3) as response:
                return str(json.load(response).get("neo4j_version"))
        except (OSError, ValueError):
            return None

    def log_tail(self, lines: int = 40) -> str:
        for path in (self.log_file, self.console_log):
            if path.exists() and path.stat().st_size:
                return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])
        return "(no server log yet)"

    # ---------------------------------------------------------------- start / stop
    def start(self, *, echo=print) -> ServerStatus:
        """Start the server and return once Bolt answers; idempotent."""
        current = self.status()
        if current.running:
            echo(f"Neo4j is already running (pid {current.pid}).")
            if _cmdline_mentions(current.pid, str(self.web_root)):
                self.refresh_guide(echo=echo)  # served from disk: new queries show at once
            else:
                echo(
                    "  It was started without the Browser guide; to get it, restart it: "
                    "vivim-graph neo4j stop, then vivim-graph neo4j start."
                )
            return current
        for port in (self.settings.neo4j_bolt_port, self.settings.neo4j_http_port):
            if port_taken(port):
                raise LocalServerError(
                    f"port {port} on 127.0.0.1 is taken by another program",
                    hint="stop it, or choose other ports with VIVIM_NEO4J_BOLT_PORT / "
                    "VIVIM_NEO4J_HTTP_PORT",
                )
        java, _ = find_java(self.settings.neo4j_version)
        check_store_version(self.home, self.settings.neo4j_version)
        artifacts = ensure_artifacts(self.settings, echo=echo)
        self._prepare_home(java, artifacts, echo=echo)
        process = self._launch(java, artifacts)
        self._wait_for_bolt(process)
        stamp_store_version(self.home, self.settings.neo4j_version)
        return self.status()

    @property
    def web_root(self) -> Path:
        """Put on the classpath before ``lib/``: its ``browser/`` is what /browser/ serves."""
        return self.home / "web"

    @property
    def http_base(self) -> str:
        return f"http://127.0.0.1:{self.settings.neo4j_http_port}"

    def refresh_guide(self, *, echo=print) -> None:
        """Rewrite the served web content (the Browser guide and style); a broken query file
        only warns, since the server is useful without the guide."""
        if self.web_content is None:
            return
        try:
            self.web_content(self.web_root, self.http_base)
        except VivimGraphError as e:
            echo(f"warning: the Neo4j Browser guide was not regenerated: {e}")

    def _prepare_home(self, java: str, artifacts: Path, *, echo=print) -> None:
        for sub in ("conf", "data", "logs", "run", "import", "plugins"):
            (self.home / sub).mkdir(parents=True, exist_ok=True)
        wanted = {jar.name for jar in (artifacts / "plugins").glob("*.jar")}
        for jar in (self.home / "plugins").glob("apoc-*.jar"):
            if jar.name not in wanted:  # another version's APOC would break start-up
                jar.unlink()
        for jar in (artifacts / "plugins").glob("*.jar"):
            target = self.home / "plugins" / jar.name
            if not target.exists():
                shutil.copy2(jar, target)
        (self.home / "conf" / "neo4j.conf").write_text(self._config_text(), encoding="utf-8")
        link_browser_files(browser_files(artifacts), self.web_root / "browser")
        self.refresh_guide(echo=echo)
        if not (self.home / "data" / "dbms" / "auth.ini").exists():
            # Before the first start only: the password applies to a fresh store.
            result = subprocess.run(
                [
                    java,
                    *jvm_options(self.settings),
                    "-cp",
                    str(artifacts / "lib" / "*"),
                    ADMIN_TOOL,
                    "dbms",
                    "set-initial-password",
                    self.settings.neo4j_password.get_secret_value(),
                ],
                env=self._env(),
                capture_output=True,
                text=True,
                check=False,
            )
            if result.returncode != 0:
                raise LocalServerError(
                    "could not set the initial Neo4j password",
                    log_tail=(result.stdout + result.stderr)[-2000:],
                )

    def _config_text(self) -> str:
        s = self.settings
        return "\n".join(
            [
                "# Written by vivim-graph on every start; edit settings, not this file.",
                f"server.bolt.listen_address=127.0.0.1:{s.neo4j_bolt_port}",
                f"server.bolt.advertised_address=127.0.0.1:{s.neo4j_bolt_port}",
                f"server.http.listen_address=127.0.0.1:{s.neo4j_http_port}",
                f"server.http.advertised_address=127.0.0.1:{s.neo4j_http_port}",
                "server.https.enabled=false",
                "dbms.security.auth_enabled=true",
                f"server.memory.heap.initial_size={s.neo4j_heap}",
                f"server.memory.heap.max_size={s.neo4j_heap}",
                f"server.memory.pagecache.size={s.neo4j_pagecache}",
                "dbms.security.procedures.unrestricted=apoc.*",
                f"server.directories.import={self.home / 'import'}",
                "db.tx_log.rotation.retention_policy=1 days",
                *guide_config(self.http_base),
                *OFFLINE_CONFIG,
                *calendar_config(s.neo4j_version),
                *tuning_config(s.neo4j_version),
                "",
            ]
        )

    def _env(self) -> dict[str, str]:
        return {**os.environ, "NEO4J_HOME": str(self.home), "NEO4J_CONF": str(self.home / "conf")}

    def _launch(self, java: str, artifacts: Path) -> subprocess.Popen[bytes]:
        heap = self.settings.neo4j_heap
        classpath = os.pathsep.join(
            [
                str(self.home / "plugins" / "*"),
                str(self.home / "conf" / "*"),
                str(self.web_root),  # before lib/: its browser/ shadows the Browser jar's
                str(artifacts / "lib" / "*"),
            ]
        )
        command = [
            java,
            f"-Xms{heap}",
            f"-Xmx{heap}",
            *neo4j_jvm_flags(self.settings),  # the operator's last: their -Xmx wins
            "-cp",
            classpath,
            entry_point(self.settings.neo4j_version),
            f"--home-dir={self.home}",
            f"--config-dir={self.home / 'conf'}",
        ]
        with self.console_log.open("ab") as console:
            process = subprocess.Popen(
                command,
                cwd=self.home,
                env=self._env(),
                stdout=console,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                start_new_session=True,
            )
        self.pid_file.write_text(str(process.pid))
        return process

    def _wait_for_bolt(self, process: subprocess.Popen[bytes]) -> None:
        deadline = time.monotonic() + self.settings.neo4j_start_timeout
        while time.monotonic() < deadline:
            if process.poll() is not None:
                self.pid_file.unlink(missing_ok=True)
                tail = self.log_tail()
                raise LocalServerError(
                    f"Neo4j exited during start-up (exit code {process.returncode})",
                    log_tail=tail,
                    hint=exit_hint(tail, self.log_file),
                )
            if port_open(self.settings.neo4j_bolt_port) and self._http_version():
                return
            time.sleep(0.5)
        self.stop()
        raise LocalServerError(
            f"Neo4j did not answer on Bolt within {self.settings.neo4j_start_timeout:.0f} s",
            log_tail=self.log_tail(),
            hint="raise VIVIM_NEO4J_START_TIMEOUT, or read the log named above",
        )

    def stop(self, timeout: float = 60.0) -> bool:
        """Stop cleanly (SIGTERM, then SIGKILL after ``timeout``); True if it was running."""
        pid = self.pid()
        if pid is None:
            self.pid_file.unlink(missing_ok=True)
            return False
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline and _alive(pid):
            time.sleep(0.3)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
            while _alive(pid):
                time.sleep(0.1)
        for port in (self.settings.neo4j_bolt_port, self.settings.neo4j_http_port):
            _wait_port_closed(port)
        self.pid_file.unlink(missing_ok=True)
        return True


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    with contextlib.suppress(ChildProcessError, OSError):
        finished, _ = os.waitpid(pid, os.WNOHANG)  # reap our own child if it exited
        if finished == pid:
            return False
    return Path(f"/proc/{pid}").exists() and "zombie" not in _proc_state(pid)


def _proc_state(pid: int) -> str:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
    except OSError:
        return "zombie"
    match = re.search(r"^State:\s+\S+\s+\((\w+)\)", status, re.M)
    return match.group(1) if match else ""


def _is_neo4j_process(pid: int) -> bool:
    """Guards against a stale pid file whose pid now belongs to another program."""
    return any(_cmdline_mentions(pid, main) for main in (ENTRY_POINT, CALENDAR_ENTRY_POINT))


def _cmdline_mentions(pid: int | None, text: str) -> bool:
    try:
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return True  # no /proc (not Linux): assume it does
    return text.encode() in cmdline


def port_open(port: int, host: str = "127.0.0.1") -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.settimeout(0.5)
        return sock.connect_ex((host, port)) == 0


# What a store left half-made looks like in the log: a server killed during its very first
# start has files but no transaction logs, and Neo4j refuses it on every later start.
_BROKEN_STORE = ("Transaction logs are missing",)


def exit_hint(log_tail: str, log_file: Path) -> str:
    """What to do about a server that exited during start-up, judged from its log."""
    if any(sign in log_tail for sign in _BROKEN_STORE):
        return (
            "its store is damaged (typically a server killed during its first start): "
            "`vivim-graph neo4j reset` deletes the local graph's data, then `vivim-graph up` "
            f"starts afresh and imports again; full log: {log_file}"
        )
    return f"full log: {log_file}"


def port_taken(port: int, *, grace: float = 5.0) -> bool:
    """Whether another program listens on ``port``. A server killed a moment ago (kill -9, a
    crash) still holds its ports while its threads exit, so a restart right after it waits up
    to ``grace`` seconds for them to close before calling them taken."""
    _wait_port_closed(port, grace)
    return port_open(port)


def _wait_port_closed(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while port_open(port) and time.monotonic() < deadline:
        time.sleep(0.2)
