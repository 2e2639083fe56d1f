"""The root of the `vivim-graph` command: its group, its context and its error boundary.

Commands parse options, call one library function and print its result. ``main`` is the
single error boundary: project errors print a message and a hint and exit 1, anything
else is a crash and exits 2; tracebacks appear only with ``--debug``.
"""

from __future__ import annotations

import sys
import traceback
from typing import TYPE_CHECKING, Any

import click

from vivim_graph.errors import LocalServerError, VivimGraphError

if TYPE_CHECKING:
    from vivim_graph.settings import Settings


class Context:
    def __init__(self, debug: bool) -> None:
        self.debug = debug
        self._settings: Settings | None = None

    @property
    def settings(self) -> Settings:
        if self._settings is None:
            from vivim_graph.settings import load_settings  # pydantic-settings: cuts start-up

            self._settings = load_settings()
        return self._settings


pass_ctx = click.make_pass_decorator(Context)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--debug", is_flag=True, help="Show tracebacks for errors.")
@click.version_option(package_name="vivim-graph")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """VIVIM's cost database as a Neo4j knowledge graph."""
    ctx.obj = Context(debug)


def lean_driver() -> None:
    """Import the Neo4j driver without numpy, pandas and pyarrow, for a command that only asks
    and answers. The driver imports them when installed, only to send and return their
    values, which answers never carry; numpy (installed for the report's charts) is about a
    third of the driver's import time. A no-op once the driver is loaded, and they stay
    importable afterwards."""
    if "neo4j" in sys.modules:
        return
    hidden = [name for name in ("numpy", "pandas", "pyarrow") if name not in sys.modules]
    sys.modules.update(dict.fromkeys(hidden))  # None: `import numpy` raises ImportError
    try:
        import neo4j  # noqa: F401
    finally:
        for name in hidden:
            if sys.modules.get(name, 0) is None:
                del sys.modules[name]


def echo(message: str = "") -> None:
    click.echo(message)


def echo_err(message: str = "") -> None:
    click.echo(message, err=True)


# --------------------------------------------------------------------------- boundary
def main(argv: list[str] | None = None) -> Any:
    """Entry point with the one error boundary: exit 0 ok, 1 failed run, 2 crash."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        return cli.main(args=argv, prog_name="vivim-graph", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(1)
    except click.ClickException as e:
        e.show()
        sys.exit(1 if e.exit_code != 0 else 0)
    except VivimGraphError as e:
        click.secho(f"Error: {e}", fg="red", err=True)
        if isinstance(e, LocalServerError) and e.log_tail:
            click.echo("--- log tail ---\n" + e.log_tail, err=True)
        if e.hint:
            click.echo(f"Hint: {e.hint}", err=True)
        if debug:
            traceback.print_exc()
        sys.exit(1)
    except SystemExit:
        raise
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Exception as e:
        click.secho(f"vivim-graph crashed: {type(e).__name__}: {e}", fg="red", err=True)
        if debug:
            traceback.print_exc()
        else:
            click.echo("Run again with --debug for the traceback.", err=True)
        sys.exit(2)
