"""The README's command reference, generated from the click commands themselves.

``cog -r README.md`` rewrites the block between the ``[[[cog`` markers with
:func:`command_reference`; ``tests/unit/test_readme.py`` fails when the README is stale.
"""

from __future__ import annotations

from collections.abc import Iterator

import click


def _usage(ctx: click.Context, command: click.Command) -> str:
    return " ".join(command.collect_usage_pieces(ctx))


def _cell(text: str) -> str:
    """One Markdown table cell: on one line, with GitHub's escape for the cell separator."""
    return " ".join(text.split()).replace("|", "\\|")


def _option_rows(ctx: click.Context, command: click.Command) -> Iterator[str]:
    for param in command.get_params(ctx):
        if not isinstance(param, click.Option) or "--help" in param.opts:
            continue  # arguments are named in the usage line; --help is everywhere
        record = param.get_help_record(ctx)
        if record is not None:
            names, help_text = record
            yield f"| `{_cell(names)}` | {_cell(help_text)} |"


def _walk(command: click.Command, path: list[str], parent: click.Context | None) -> Iterator[str]:
    ctx = click.Context(command, info_name=path[-1], parent=parent)
    if isinstance(command, click.Group):
        if command.invoke_without_command:  # a command of its own too (`sync` and its options)
            yield from _entry(ctx, command, path)
        for name in command.list_commands(ctx):
            sub = command.get_command(ctx, name)
            if sub is not None and not sub.hidden:
                yield from _walk(sub, [*path, name], ctx)
        return
    yield from _entry(ctx, command, path)


def _entry(ctx: click.Context, command: click.Command, path: list[str]) -> Iterator[str]:
    summary = command.get_short_help_str(limit=200)
    yield f"#### `{' '.join(path)} {_usage(ctx, command)}`"
    yield ""
    yield summary
    rows = list(_option_rows(ctx, command))
    if rows:
        yield ""
        yield "| option | meaning |"
        yield "|---|---|"
        yield from rows
    yield ""


def command_reference(cli: click.Command, name: str = "vivim-graph") -> str:
    """Every command's usage line, summary and options, as Markdown."""
    return "\n".join(_walk(cli, [name], None)).rstrip() + "\n"
