"""Terminal output: tables with rich on a terminal, plain text when piped."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.console import Console
from rich.table import Table

if TYPE_CHECKING:  # psycopg is 0.1-0.2 s to import: only `db` commands need it at run time
    from vivim_graph.sources.relational import Catalog

console = Console()
if not console.is_terminal:
    # Piped or redirected: no terminal width to respect, so do not squeeze tables to 80
    # columns; COLUMNS still wins when a script sets it.
    import os

    console = Console(width=int(os.environ.get("COLUMNS", "240")))


def print_catalog(catalog: Catalog) -> None:
    total_rows = 0
    for module, (tables, views) in catalog.by_module().items():
        table = Table(
            title=f"{module}: {len(tables)} tables, {len(views)} views",
            title_justify="left",
            show_lines=False,
        )
        table.add_column("kind")
        table.add_column("name")
        table.add_column("rows", justify="right")
        for info in tables:
            table.add_row("table", info.name, f"{info.rows:,}")
            total_rows += info.rows
        for info in views:
            table.add_row("view", info.name, f"{info.rows:,}")
        console.print(table)
    console.print(
        f"{len(catalog.tables)} tables, {len(catalog.views)} views, "
        f"{len(catalog.foreign_keys)} foreign keys, {total_rows:,} rows"
    )


def print_import_summary(summary) -> None:  # ImportSummary; typed loosely to avoid a cycle
    table = Table(title="Import summary", title_justify="left")
    for column in ("kind", "name", "rows read", "created", "updated", "deleted"):
        table.add_column(column, justify="left" if column in ("kind", "name") else "right")
    for label, tally in sorted(summary.nodes.items()):
        table.add_row(
            "node",
            label,
            f"{tally.rows:,}",
            f"{tally.created:,}",
            f"{max(tally.rows - tally.created, 0):,}",
            f"{tally.deleted:,}",
        )
    for rel_type, tally in sorted(summary.relationships.items()):
        table.add_row(
            "rel",
            rel_type,
            f"{tally.rows:,}",
            f"{tally.created:,}",
            f"{max(tally.rows - tally.created, 0):,}",
            f"{tally.deleted:,}",
        )
    console.print(table)
    nodes = sum(t.rows for t in summary.nodes.values())
    rels = sum(t.rows for t in summary.relationships.values())
    rate = summary.rows_read / summary.seconds if summary.seconds else 0
    console.print(
        f"{len(summary.nodes)} labels, {nodes:,} nodes; {len(summary.relationships)} "
        f"relationship types, {rels:,} relationships; {summary.swept:,} stale removed; "
        f"{summary.seconds:.1f} s ({rate:,.0f} rows/s)"
    )


def print_check_report(report) -> None:  # CheckReport
    if report.ok:
        console.print(
            f"check passed: {report.labels_checked} labels and "
            f"{report.relationships_checked} relationship sets match PostgreSQL"
        )
        return
    if report.mismatches and all(m.kind == "property" for m in report.mismatches):
        _print_differences(report)
        return
    table = Table(title="Mismatches", title_justify="left")
    for column in ("kind", "name", "source", "rows", "graph", "missing", "orphans"):
        table.add_column(column)
    for m in report.mismatches:
        table.add_row(
            m.kind,
            m.name,
            m.table,
            str(m.rows),
            str(m.graph),
            ", ".join(map(str, m.missing)),
            ", ".join(map(str, m.orphans)),
        )
    console.print(table)
    _print_differences(report)


def _print_differences(report) -> None:
    """Property differences found by ``check --deep``: element, key, property, both values."""
    differences = [m for m in report.mismatches if m.kind == "property"]
    if not differences:
        return
    table = Table(title="Property differences", title_justify="left")
    for column in ("label or type", "key", "property", "PostgreSQL", "graph"):
        table.add_column(column)
    for m in differences:
        for key, prop, expected, found in m.differences:
            table.add_row(m.name, str(key), prop, repr(expected), repr(found))
        if m.graph > len(m.differences):
            table.add_row(m.name, "…", f"{m.graph - len(m.differences)} more", "", "")
    console.print(table)


class ProgressDisplay:
    """A progress bar per task on a terminal; nothing when output is piped."""

    def __init__(self) -> None:
        self.enabled = console.is_terminal
        self._progress = None
        self._tasks: dict[str, int] = {}

    def __enter__(self) -> ProgressDisplay:
        if self.enabled:
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

            self._progress = Progress(
                TextColumn("{task.description:<40}"),
                BarColumn(),
                MofNCompleteColumn(),
                console=console,
                transient=True,
            )
            self._progress.__enter__()
        return self

    def __exit__(self, *exc) -> None:
        if self._progress is not None:
            self._progress.__exit__(*exc)

    def __call__(self, task: str, done: int, total: int | None) -> None:
        if self._progress is None:
            return
        if task not in self._tasks:
            self._tasks[task] = self._progress.add_task(task, total=total)
        self._progress.update(self._tasks[task], completed=done, total=total)


def print_sync_summary(summary) -> None:  # SyncSummary
    data = summary.as_dict()
    head = (
        f"sync {data['mode']} run {data['run_id'][:8]} ({data['capture']} capture) "
        f"from {data['source']}: "
        f"{data['status']}, {data['changes_read']} changed keys read, {data['seconds']} s"
    )
    console.print(head)
    if data["plan"]:
        table = Table(title="Plan (nothing written)", title_justify="left")
        table.add_column("label or type")
        for column in ("create", "update", "delete"):
            table.add_column(column, justify="right")
        for name, counts in data["plan"].items():
            table.add_row(name, *(str(counts.get(c, "")) for c in ("create", "update", "delete")))
        console.print(table)
        return
    rows = [("node", k, v) for k, v in data["labels"].items()] + [
        ("rel", k, v) for k, v in data["relationships"].items()
    ]
    rows = [r for r in rows if any(r[2].values())]
    if rows:
        table = Table(title_justify="left")
        for column in ("kind", "name", "created", "updated", "deleted"):
            table.add_column(column, justify="left" if column in ("kind", "name") else "right")
        for kind, name, counts in rows:
            table.add_row(
                kind, name, str(counts["created"]), str(counts["updated"]), str(counts["deleted"])
            )
        console.print(table)
    if data["stopped_early"]:
        console.print(
            "Stopped on request after the current batch; nothing is lost: the position was "
            "not advanced, so the next sync redoes this one."
        )
    for warning in data.get("warnings", []):
        console.print(f"[yellow]warning:[/yellow] {warning}")


def print_sync_status(capture: str, why: str, positions, slot, *, fmt: str = "text") -> None:
    """`vivim-graph sync status`: (capture, why, wal_capture.Positions, wal_capture.SlotStatus)."""
    import json

    from vivim_graph.load.pgoutput import format_lsn

    def lsn(value: int | None) -> str | None:
        return None if value is None else format_lsn(value)

    data = {
        "capture": capture,
        "why": why,
        "graph_lsn": lsn(positions.lsn),
        "graph_watermark": positions.watermark,
        "slot": {
            "name": slot.name,
            "exists": slot.exists,
            "plugin": slot.plugin,
            "active": slot.active,
            "confirmed_lsn": lsn(slot.confirmed_lsn),
            "restart_lsn": lsn(slot.restart_lsn),
            "current_lsn": lsn(slot.current_lsn),
            "lag_bytes": slot.lag_bytes,
            "retained_bytes": slot.retained_bytes,
            "wal_status": slot.wal_status,
            "safe_wal_size": slot.safe_wal_size,
        },
        "published_tables": None if slot.published is None else len(slot.published),
        "warnings": slot.warnings,
    }
    if fmt == "json":
        console.print_json(json.dumps(data))
        return
    console.print(f"capture: {capture} ({why})")
    console.print(
        f"graph position: LSN {data['graph_lsn'] or 'none'}, "
        f"trigger watermark {positions.watermark if positions.watermark is not None else 'none'}"
    )
    if not slot.exists:
        console.print("replication slot: none (`vivim-graph sync setup` creates it)")
    else:
        console.print(
            f"replication slot {slot.name}: {slot.plugin}, "
            f"confirmed {data['slot']['confirmed_lsn']}, "
            f"lag {slot.lag_bytes} bytes, retained WAL {slot.retained_bytes} bytes, "
            f"wal_status {slot.wal_status}"
            + ("" if slot.safe_wal_size is None else f", {slot.safe_wal_size} bytes to the limit")
        )
    published = data["published_tables"]
    console.print(f"publication: {'none' if published is None else f'{published} tables'}")
    for warning in slot.warnings:
        console.print(f"[yellow]warning:[/yellow] {warning}")
