"""Terminal output: tables with rich on a terminal, plain text when piped."""

from __future__ import annotations

from rich.console import Console
from rich.table import Table

from vivim_graph.relational import Catalog

console = Console()


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
