"""Click options generated from the impact parameter models (``impact/params.py``)."""

from __future__ import annotations

import types
from collections.abc import Callable
from typing import Any, Union, get_args, get_origin

import click

from vivim_graph.impact.params import ARGUMENT, ScenarioParams, Surface, fields, limits, option_name


def _base_type(annotation: Any) -> Any:
    """``int`` for ``int | None``: the type a value has when given."""
    if get_origin(annotation) in (Union, types.UnionType):
        return next(a for a in get_args(annotation) if a is not type(None))
    return annotation


def click_type(annotation: Any, where: Surface, bounds: dict[str, Any]) -> Any:
    """The click type of a field: a Choice, an int or float range, or None (text)."""
    if where.choices:
        return click.Choice(list(where.choices))
    base = _base_type(annotation)
    low = bounds.get("ge", bounds.get("gt"))
    if base is int and bounds:
        return click.IntRange(low, bounds.get("le"))
    if base is float and bounds:  # floats, so the help reads 1.0 as the default does
        high = bounds.get("le")
        return click.FloatRange(float(low), None if high is None else float(high))
    return None


def _decorator(name: str, info: Any, where: Surface) -> Callable[[Any], Any]:
    kind = click_type(info.annotation, where, limits(info))
    if where.option == ARGUMENT:
        return click.argument(name, type=kind)
    extra: dict[str, Any] = {"type": kind, "help": where.help, "metavar": where.metavar}
    if info.is_required():
        extra["required"] = True
    elif info.default is not None:
        extra.update(default=info.default, show_default=True)
    return click.option(option_name(name, where), name, **extra)


def options_from(model: type[ScenarioParams]) -> Callable[[Any], Any]:
    """Decorate a click command with one option (or argument) per field of ``model``."""

    def decorate(command: Any) -> Any:
        for name, info, where in reversed(list(fields(model, model.cli_order))):
            command = _decorator(name, info, where)(command)
        return command

    return decorate
