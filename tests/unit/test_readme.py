"""The README's command reference is generated from the click commands; it must not drift."""

from __future__ import annotations

import re
from pathlib import Path

from cogapp import Cog

README = Path(__file__).resolve().parents[2] / "README.md"


def test_command_reference_is_current():
    cog = Cog()
    cog.options.replace = False
    text = README.read_text(encoding="utf-8")
    regenerated = cog.process_string(text, fname=str(README))
    assert regenerated == text, "README.md is stale: run `cog -r README.md`"


def test_every_command_is_in_the_reference():
    import click

    from vivim_graph.cli.main import cli

    text = README.read_text(encoding="utf-8")
    headings = set(re.findall(r"^#### `vivim-graph ([a-z0-9 -]+?) \[", text, flags=re.M))
    expected: set[str] = set()
    for name, command in cli.commands.items():
        # list_commands, not .commands: `impact` builds its commands only when first asked
        subs = (
            command.list_commands(click.Context(command))
            if isinstance(command, click.Group)
            else None
        )
        expected |= {f"{name} {s}" for s in subs} if subs else {name}
        if getattr(command, "invoke_without_command", False):  # `sync`: a command and a group
            expected.add(name)
    assert headings == expected
