"""A local single-node Kafka (KRaft) and Kafka Connect with Debezium, from Maven Central.

Started the way the local Neo4j starts: the jars are resolved once with Maven into
``~/.cache/vivim-graph/kafka-<kafka>-debezium-<debezium>/lib`` and run on Java 17 (or 21);
the state (``config/``, ``data/``, ``logs/``, ``run/``) lives under ``<state_dir>/kafka``.

Two processes:

- the broker, ``kafka.Kafka``, one node that is broker and KRaft controller at once
  (its storage is formatted with ``kafka.tools.StorageTool`` on first start);
- Kafka Connect standalone, ``org.apache.kafka.connect.cli.ConnectStandalone``, with the
  Debezium PostgreSQL connector on its classpath, running one connector whose
  configuration ``load.debezium`` derives from the graph model.

Why Connect standalone and not Debezium Embedded: Connect is what the pipelines this path
plugs into already run, and it needs no code of ours on the Java side (Debezium Embedded is a
library: it would need a Java main class compiled here). Its offsets are kept in a local
file, so a restarted worker resumes where it stopped.

Why Kafka 4.3 and not 4.4: Debezium 3.6.1 is built against Kafka Connect 4.3.0; on 4.4's
Connect its task fails at start (``NoClassDefFoundError: org.apache.kafka.common.utils.
Sanitizer``, a class 4.4 removed). One jar set serves both processes, so the broker is 4.3
too (a 4.3 broker speaks to every current client).
"""

from __future__ import annotations

import base64
import contextlib
import json
import os
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass
from pathlib import Path

from vivim_graph.errors import LocalServerError, ToolMissingError
from vivim_graph.servers.fill_once import fill_once
from vivim_graph.servers.local_neo4j import find_java, jvm_options, port_open, port_taken
from vivim_graph.servers.maven import Fetch, fetch_jars
from vivim_graph.settings import Settings

KAFKA_VERSION = "4.3.2"
DEBEZIUM_VERSION = "3.6.1.Final"
BROKER_MAIN = "kafka.Kafka"
CONNECT_MAIN = "org.apache.kafka.connect.cli.ConnectStandalone"
STORAGE_TOOL = "kafka.tools.StorageTool"

_POM = """<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>vivim</groupId><artifactId>kafka-local</artifactId><version>1</version>
  <packaging>pom</packaging>
  <dependencies>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka_2.13</artifactId>
      <version>{kafka}</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>kafka-tools</artifactId>
      <version>{kafka}</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>connect-runtime</artifactId>
      <version>{kafka}</version></dependency>
    <dependency><groupId>org.apache.kafka</groupId><artifactId>connect-json</artifactId>
      <version>{kafka}</version></dependency>
    <dependency><groupId>io.debezium</groupId><artifactId>debezium-connector-postgres</artifactId>
      <version>{debezium}</version></dependency>
    <dependency><groupId>org.apache.logging.log4j</groupId>
      <artifactId>log4j-slf4j-impl</artifactId><version>2.25.5</version></dependency>
  </dependencies>
</project>
"""

# WARN and above, Debezium at INFO (its start and its errors are what one looks for).
_LOG4J = """rootLogger.level=WARN
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
logger.debezium.name=io.debezium
logger.debezium.level=INFO
"""


def ensure_kafka_artifacts(settings: Settings, *, echo=print) -> Path:
    """The jar directory, resolved with Maven on first use; later calls download nothing."""
    cache = settings.cache_dir / f"kafka-{KAFKA_VERSION}-debezium-{DEBEZIUM_VERSION}"
    lib = cache / "lib"
    marker = cache / ".complete"

    def fill() -> None:
        fetch = Fetch(
            pom=_POM.format(kafka=KAFKA_VERSION, debezium=DEBEZIUM_VERSION),
            missing="Kafka and Debezium",
            fetching=f"Fetching Kafka {KAFKA_VERSION} and Debezium {DEBEZIUM_VERSION} into "
            f"{cache} (once)...",
            resolving=f"Kafka {KAFKA_VERSION} / Debezium {DEBEZIUM_VERSION}",
            install_hint="install it (Debian: apt-get install maven)",
            failure_hint="check that Maven Central is reachable",
        )
        staging = fetch_jars(cache, fetch, echo=echo)
        shutil.rmtree(lib, ignore_errors=True)
        staging.rename(lib)
        marker.write_text(KAFKA_VERSION, encoding="utf-8")

    fill_once(cache, marker, fill, echo=echo)
    return lib


@dataclass(frozen=True)
class KafkaStatus:
    broker_pid: int | None
    connect_pid: int | None
    bootstrap: str
    connect_url: str
    home: Path
    connector: dict | None = None  # Connect's status of the connector, when it answers

    def describe(self) -> str:
        lines = [
            f"Kafka {KAFKA_VERSION}: "
            + (
                f"running (pid {self.broker_pid}), {self.bootstrap}"
                if self.broker_pid
                else "stopped"
            ),
            f"Kafka Connect + Debezium {DEBEZIUM_VERSION}: "
            + (
                f"running (pid {self.connect_pid}), {self.connect_url}"
                if self.connect_pid
                else "stopped"
            ),
        ]
        if self.connector:
            tasks = ", ".join(t.get("state", "?") for t in self.connector.get("tasks", []))
            state = self.connector.get("connector", {}).get("state", "?")
            lines.append(
                f"  connector {self.connector.get('name')}: {state}; tasks: {tasks or '-'}"
            )
        lines.append(f"  Home: {self.home}")
        return "\n".join(lines)


class LocalKafka:
    """The broker and the Connect worker: one home, one pid file each."""

    def __init__(self, settings: Settings, home: Path | None = None) -> None:
        self.settings = settings
        self.home = (home or settings.state_dir / "kafka").resolve()
        self.bootstrap = f"127.0.0.1:{settings.kafka_port}"
        self.connect_url = f"http://127.0.0.1:{settings.kafka_connect_port}"

    # ------------------------------------------------------------ processes
    def _pid(self, role: str) -> int | None:
        try:
            pid = int((self.home / "run" / f"{role}.pid").read_text().strip())
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except (OSError, ValueError):
            return None
        # The pid is ours only while its command line names this home and role.
        return pid if f"-Dvivim.kafka={self.home}/{role}".encode() in cmdline else None

    def status(self) -> KafkaStatus:
        connect_pid = self._pid("connect")
        return KafkaStatus(
            broker_pid=self._pid("broker"),
            connect_pid=connect_pid,
            bootstrap=self.bootstrap,
            connect_url=self.connect_url,
            home=self.home,
            connector=self.connector_status() if connect_pid else None,
        )

    def _spawn(self, java: str, lib: Path, role: str, main: str, *args: str) -> int:
        (self.home / "logs").mkdir(parents=True, exist_ok=True)
        (self.home / "run").mkdir(parents=True, exist_ok=True)
        log4j = self.home / "config" / "log4j2.properties"
        log4j.write_text(_LOG4J, encoding="utf-8")
        command = [
            java,
            "-Xmx512m",
            *jvm_options(self.settings),
            f"-Dvivim.kafka={self.home}/{role}",
            f"-Dlog4j2.configurationFile={log4j}",
            "-cp",
            f"{lib}/*",
            main,
            *args,
        ]
        with (self.home / "logs" / f"{role}.log").open("ab") as log:
            process = subprocess.Popen(
                command,
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                cwd=self.home,
                start_new_session=True,  # survives the command that started it, like Neo4j
            )
        (self.home / "run" / f"{role}.pid").write_text(str(process.pid), encoding="utf-8")
        return process.pid

    def log_tail(self, role: str, lines: int = 30) -> str:
        path = self.home / "logs" / f"{role}.log"
        if not path.exists():
            return f"(no {role} log yet)"
        return "\n".join(path.read_text(errors="replace").splitlines()[-lines:])

    # ------------------------------------------------------------ the broker
    def _broker_config(self) -> str:
        port, controller = self.settings.kafka_port, self.settings.kafka_controller_port
        return "\n".join(
            [
                "process.roles=broker,controller",
                "node.id=1",
                f"controller.quorum.voters=1@127.0.0.1:{controller}",
                f"listeners=PLAINTEXT://127.0.0.1:{port},CONTROLLER://127.0.0.1:{controller}",
                f"advertised.listeners=PLAINTEXT://127.0.0.1:{port}",
                "controller.listener.names=CONTROLLER",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "inter.broker.listener.name=PLAINTEXT",
                f"log.dirs={self.home / 'data'}",
                "num.partitions=1",
                # one node: every internal topic has one replica
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "",
            ]
        )

    def start_broker(self, *, echo=print, timeout: float = 180.0) -> None:
        """Start the broker (formatting its storage the first time); idempotent."""
        if self._pid("broker"):
            echo(f"Kafka is already running (pid {self._pid('broker')}).")
            return
        for port in (self.settings.kafka_port, self.settings.kafka_controller_port):
            if port_taken(port):
                raise LocalServerError(
                    f"port {port} on 127.0.0.1 is taken by another program",
                    hint="stop it, or choose others with VIVIM_KAFKA_PORT / "
                    "VIVIM_KAFKA_CONTROLLER_PORT",
                )
        java, _ = find_java()
        lib = ensure_kafka_artifacts(self.settings, echo=echo)
        config = self.home / "config" / "server.properties"
        config.parent.mkdir(parents=True, exist_ok=True)
        config.write_text(self._broker_config(), encoding="utf-8")
        if not (self.home / "data" / "meta.properties").exists():
            self._format(java, lib, config)
        echo(f"Starting Kafka {KAFKA_VERSION} on {self.bootstrap}...")
        pid = self._spawn(java, lib, "broker", BROKER_MAIN, str(config))
        self._wait(lambda: port_open(self.settings.kafka_port), pid, "broker", timeout)

    def _format(self, java: str, lib: Path, config: Path) -> None:
        cluster_id = base64.urlsafe_b64encode(uuid.uuid4().bytes).decode().rstrip("=")
        result = subprocess.run(
            [
                java,
                *jvm_options(self.settings),
                "-cp",
                f"{lib}/*",
                STORAGE_TOOL,
                "format",
                "-t",
                cluster_id,
                "-c",
                str(config),
            ],
            capture_output=True,
            text=True,
            check=False,
        )
        if result.returncode != 0:
            raise LocalServerError(
                "Kafka could not format its storage",
                log_tail="\n".join((result.stdout + result.stderr).splitlines()[-15:]),
            )

    def _wait(self, ready, pid: int, role: str, timeout: float) -> None:
        deadline = time.monotonic() + timeout
        while not ready():
            if not _alive(pid):
                raise LocalServerError(
                    f"Kafka's {role} exited at start", log_tail=self.log_tail(role)
                )
            if time.monotonic() > deadline:
                raise LocalServerError(
                    f"Kafka's {role} did not answer within {timeout:.0f} s",
                    log_tail=self.log_tail(role),
                )
            time.sleep(0.5)

    # ------------------------------------------------------------ Connect + Debezium
    def start_connect(
        self, connector: dict[str, str], *, echo=print, timeout: float = 300.0
    ) -> None:
        """Start Connect standalone with one connector; return once its task runs.

        A running worker is left as it is (its connector configuration too).
        """
        if self._pid("connect"):
            echo(f"Kafka Connect is already running (pid {self._pid('connect')}).")
            return
        if port_taken(self.settings.kafka_connect_port):
            raise LocalServerError(
                f"port {self.settings.kafka_connect_port} on 127.0.0.1 is taken by another program",
                hint="stop it, or choose another with VIVIM_KAFKA_CONNECT_PORT",
            )
        java, _ = find_java()
        lib = ensure_kafka_artifacts(self.settings, echo=echo)
        worker = self.home / "config" / "connect-worker.properties"
        worker.parent.mkdir(parents=True, exist_ok=True)
        worker.write_text(self._worker_config(), encoding="utf-8")
        connector_file = self.home / "config" / "connector.properties"
        connector_file.write_text(
            "".join(f"{k}={v}\n" for k, v in connector.items()), encoding="utf-8"
        )
        echo(f"Starting Kafka Connect with Debezium {DEBEZIUM_VERSION} ({self.connect_url})...")
        pid = self._spawn(java, lib, "connect", CONNECT_MAIN, str(worker), str(connector_file))
        self._wait(lambda: self._task_running(connector["name"]), pid, "connect", timeout)

    def _worker_config(self) -> str:
        return "\n".join(
            [
                f"bootstrap.servers={self.bootstrap}",
                # Plain JSON without the schema envelope: what the consumer reads.
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "key.converter.schemas.enable=false",
                "value.converter.schemas.enable=false",
                f"offset.storage.file.filename={self.home / 'data' / 'connect.offsets'}",
                "offset.flush.interval.ms=1000",
                f"listeners=http://127.0.0.1:{self.settings.kafka_connect_port}",
                # The connector is on the classpath and declares itself to ServiceLoader:
                # no scan of every jar at start (tens of seconds).
                "plugin.discovery=service_load",
                "",
            ]
        )

    def connector_status(self) -> dict | None:
        try:
            with urllib.request.urlopen(
                f"{self.connect_url}/connectors?expand=status", timeout=3
            ) as r:
                found = json.load(r)
        except (OSError, ValueError):
            return None
        for entry in found.values():
            return entry.get("status")
        return None

    def _task_running(self, name: str) -> bool:
        status = self.connector_status()
        if not status or status.get("name") != name:
            return False
        tasks = status.get("tasks", [])
        failed = [t for t in tasks if t.get("state") == "FAILED"]
        if failed:
            raise LocalServerError(
                f"the Debezium connector {name} failed: "
                + (failed[0].get("trace") or "?").splitlines()[0],
                log_tail=self.log_tail("connect"),
                hint="check the PostgreSQL address, wal_level=logical and the connector settings",
            )
        return bool(tasks) and all(t.get("state") == "RUNNING" for t in tasks)

    # ------------------------------------------------------------ stop
    def stop(self, timeout: float = 60.0) -> list[str]:
        """Stop Connect, then the broker; return what was stopped."""
        stopped = []
        for role in ("connect", "broker"):
            pid = self._pid(role)
            if pid is None:
                continue
            with contextlib.suppress(ProcessLookupError):
                os.kill(pid, signal.SIGTERM)
            deadline = time.monotonic() + timeout
            while _alive(pid) and time.monotonic() < deadline:
                time.sleep(0.2)
            if _alive(pid):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            stopped.append(role)
        return stopped


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    try:  # a zombie (exited, not yet reaped) is not alive
        return Path(f"/proc/{pid}/stat").read_text().split()[2] != "Z"
    except (OSError, IndexError):
        return True


def kafka_client():
    """The confluent_kafka module, or a clear error naming the extra that installs it."""
    try:
        import confluent_kafka
    except ImportError as e:
        raise ToolMissingError(
            "the Kafka path needs the confluent-kafka package",
            hint="pip install 'vivim-graph[kafka]' (or pip install confluent-kafka)",
        ) from e
    return confluent_kafka


def create_topics(bootstrap: str, topics: list[str], *, timeout: float = 60.0) -> list[str]:
    """Create the topics that are missing (one partition, one replica); return those created.

    Created ahead, the consumer's pattern subscription sees every table's topic from the
    start, and Debezium's first event of each table does not wait for auto-creation.
    """
    kafka_client()
    from confluent_kafka.admin import AdminClient, NewTopic

    admin = AdminClient({"bootstrap.servers": bootstrap})
    existing = set(admin.list_topics(timeout=timeout).topics)
    missing = [t for t in topics if t not in existing]
    if not missing:
        return []
    futures = admin.create_topics([NewTopic(t, 1, 1) for t in missing], request_timeout=timeout)
    for topic, future in futures.items():
        try:
            future.result(timeout=timeout)
        except Exception as e:  # already created by another process meanwhile: fine
            if "TOPIC_ALREADY_EXISTS" not in str(e):
                raise LocalServerError(f"Kafka could not create topic {topic}: {e}") from e
    return missing
