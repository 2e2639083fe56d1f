"""The `vivim-graph` command: a thin click layer over the library.

Commands parse options, call one library function and print its result. They are grouped by
topic in this package (``data``, ``servers``, ``queries``, ``impact``, ``guide``, ``mcp``) and
registered here on the root group of ``app``, whose ``main`` is the single error boundary:
project errors print a message and a hint and exit 1, anything else is a crash and exits 2;
tracebacks appear only with ``--debug``.
"""

from __future__ import annotations

from vivim_graph.cli import data, impact, kafka, plan, queries, servers  # noqa: F401  (register)
from vivim_graph.cli.app import cli, main
from vivim_graph.cli.guide import guide_command
from vivim_graph.cli.mcp import mcp_command

__all__ = ["cli", "main"]

# Both stay light: each imports its library (the Browser guide, the MCP SDK) only when run.
cli.add_command(guide_command)
cli.add_command(mcp_command)
