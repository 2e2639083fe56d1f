"""`vivim-graph kafka start|stop|status` and `vivim-graph kafka-config`: the Kafka path.

The consumer itself is `vivim-graph sync --from-kafka` (registered on `sync`, in ``data``).
"""

from __future__ import annotations

import json
from pathlib import Path

import click

from vivim_graph.cli.app import Context, cli, echo, echo_err, pass_ctx

_DB_HELP = "The PostgreSQL Debezium reads, over TCP (default: DATABASE_URL)."


@cli.group()
def kafka() -> None:
    """Run a local Kafka (KRaft) and Kafka Connect with Debezium (Maven Central jars)."""


@kafka.command("start")
@click.option("--database-url", envvar="DATABASE_URL", help=_DB_HELP)
@click.option("--topic-prefix", default="vivim", show_default=True, help="Debezium topic.prefix.")
@click.option("--broker-only", is_flag=True, help="Start the broker, not Connect.")
@pass_ctx
def kafka_start(
    ctx: Context, database_url: str | None, topic_prefix: str, broker_only: bool
) -> None:
    """Start the broker and (unless --broker-only) Connect with the model's connector."""
    from vivim_graph.load.debezium import connector_config, model_topics
    from vivim_graph.model.spec import load_model
    from vivim_graph.servers.kafka import LocalKafka, create_topics

    local = LocalKafka(ctx.settings)
    model = load_model()
    config = None
    if not broker_only:  # a bad address fails before anything starts
        url = database_url or _database_url(ctx)
        config = connector_config(model, url, topic_prefix=topic_prefix)
    local.start_broker(echo=echo)
    created = create_topics(local.bootstrap, model_topics(model, topic_prefix))
    if created:
        echo(f"Created {len(created)} topics ({topic_prefix}.public.<table>).")
    if config is not None:
        local.start_connect(config, echo=echo)
    echo(local.status().describe())


def _database_url(ctx: Context) -> str:
    from vivim_graph.sources.postgres import resolve_database_url

    return resolve_database_url(ctx.settings, start_embedded=False)


@kafka.command("stop")
@pass_ctx
def kafka_stop(ctx: Context) -> None:
    """Stop Connect and the broker (their data stays)."""
    from vivim_graph.servers.kafka import LocalKafka

    stopped = LocalKafka(ctx.settings).stop()
    echo(f"Stopped: {', '.join(stopped)}." if stopped else "Kafka was not running.")


@kafka.command("status")
@pass_ctx
def kafka_status(ctx: Context) -> None:
    """Say whether the broker and Connect run, and the connector's state."""
    from vivim_graph.servers.kafka import LocalKafka

    echo(LocalKafka(ctx.settings).status().describe())


@cli.command("kafka-config")
@click.option("--database-url", envvar="DATABASE_URL", help=_DB_HELP)
@click.option("--name", default="vivim-graph", show_default=True, help="Connector name.")
@click.option("--topic-prefix", default="vivim", show_default=True, help="Debezium topic.prefix.")
@click.option("--slot", default="vivim_debezium", show_default=True, help="Replication slot.")
@click.option(
    "--snapshot",
    type=click.Choice(["no_data", "initial"]),
    default="no_data",
    show_default=True,
    help="no_data: changes only (run `sync --full` once); initial: every row first.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["json", "properties"]),
    default="json",
    show_default=True,
    help="json: the Connect REST body; properties: a standalone worker's file.",
)
@click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path), help="File.")
@pass_ctx
def kafka_config(
    ctx: Context,
    database_url: str | None,
    name: str,
    topic_prefix: str,
    slot: str,
    snapshot: str,
    fmt: str,
    output: Path | None,
) -> None:
    """Write the Debezium connector configuration derived from graph/model.yaml.

    Checks each table's REPLICA IDENTITY and prints the statements a table needs.
    """
    from vivim_graph.load.debezium import (
        as_properties,
        connector_config,
        replica_identity_advice,
    )
    from vivim_graph.model.spec import load_model
    from vivim_graph.sources.postgres import connect

    url = database_url or _database_url(ctx)
    model = load_model()
    config = connector_config(
        model, url, name=name, topic_prefix=topic_prefix, slot=slot, snapshot=snapshot
    )
    if fmt == "json":
        text = json.dumps({"name": name, "config": config}, indent=2) + "\n"
    else:
        text = as_properties(config)
    if output is None:
        click.echo(text, nl=False)
    else:
        output.write_text(text, encoding="utf-8")
        echo_err(f"Wrote {output} ({len(config)} settings).")
    with connect(url) as conn:
        advice = replica_identity_advice(conn, model)
    _print_advice(advice)


def _print_advice(advice) -> None:
    missing = [a.table for a in advice if a.identity == "missing"]
    needed = [a.statement() for a in advice if a.statement()]
    if missing:
        echo_err(f"Tables of the model missing in PostgreSQL: {', '.join(missing)}")
    if needed:
        echo_err(
            f"{len(needed)} tables need REPLICA IDENTITY FULL (their model key is not their "
            "primary key, so a delete would not carry it):"
        )
        for statement in needed:
            echo_err(f"  {statement}")
    else:
        echo_err(f"REPLICA IDENTITY: all {len(advice)} tables carry their model key already.")
    echo_err(
        "Add database.password (or ${env:PGPASSWORD} with a config provider) where the "
        "connector runs; the server needs wal_level=logical."
    )


# --------------------------------------------------------------------------- sync --from-kafka
def kafka_options(command):
    """The options `sync` takes for the Kafka path."""
    for option in reversed(
        [
            click.option(
                "--from-kafka",
                metavar="BOOTSTRAP",
                help="Apply Debezium change events from this Kafka (host:port,...) instead "
                "of the change log; offsets are committed after each graph write.",
            ),
            click.option(
                "--topics",
                default=r"vivim\.public\..*",
                show_default=True,
                metavar="PATTERN",
                help="Regular expression of the topics to read (with --from-kafka).",
            ),
            click.option(
                "--group",
                default="vivim-graph",
                show_default=True,
                help="Consumer group: members of one group split the tables between them.",
            ),
            click.option(
                "--stop-when-idle",
                type=click.FloatRange(min=0.5),
                metavar="SECONDS",
                help="With --from-kafka: stop after SECONDS without events (default: run "
                "until Ctrl-C).",
            ),
        ]
    ):
        command = option(command)
    return command


def sync_from_kafka(
    settings, *, fmt: str, from_kafka: str, topics: str, group: str, stop_when_idle
) -> None:
    from vivim_graph.load.kafka_sync import run_from_kafka

    result = run_from_kafka(
        settings,
        bootstrap=from_kafka,
        topics=topics,
        group=group,
        stop_when_idle=stop_when_idle,
        echo=echo_err,
    )
    if fmt == "json":
        body = result.summary.as_dict() | {
            "events": result.events,
            "tombstones": result.tombstones,
            "ignored": result.ignored,
            "batches": result.batches,
            "uncommitted_batches": result.uncommitted,
            "tables": sorted(result.tables),
        }
        echo(json.dumps(body, indent=2))
    else:
        echo(result.describe())
