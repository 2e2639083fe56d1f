"""A plan file: several changes of the impact kinds, in order, checked by pydantic.

Each change has the parameters of its ``impact`` command, declared once in ``params``: the
step models below are built from those models' fields (same names, defaults, bounds and
closed choices), with a ``kind`` that says which scenario it is. ``contractor`` is a hire
whose employment type is contractor (or freelance), as ``impact hire --employment-type``
models it. The JSON Schema for editors (``plans/plan.schema.json``) is generated from
:class:`PlanFile`; a unit test fails when the published file is stale.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated, Any, Literal, Union

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, create_model

from vivim_graph.errors import QueryError
from vivim_graph.impact.params import (
    HireParams,
    RelocateParams,
    ScenarioParams,
    SwitchProviderParams,
    UsersParams,
    check,
    fields,
)

CASES = ("low", "mid", "high")
# plan kind -> (the scenario it runs, the parameter model, parameters it fixes or narrows)
KINDS: dict[str, tuple[str, type[ScenarioParams]]] = {
    "hire": ("hire", HireParams),
    "contractor": ("hire", HireParams),
    "relocate": ("relocate", RelocateParams),
    "switch-provider": ("switch_provider", SwitchProviderParams),
    "users": ("users", UsersParams),
}
_CONTRACT_TYPES = ("contractor", "freelance")


def _field(name: str, info: Any, choices: tuple[str, ...]) -> tuple[Any, Any]:
    """A parameter as a step field: closed choices become a Literal (an enum in the schema)."""
    annotation = info.annotation
    if choices:
        closed = Literal[choices]  # type: ignore[valid-type]
        annotation = closed | None if info.default is None else closed
    return annotation, info


def _step_model(kind: str, model: type[ScenarioParams]) -> type[BaseModel]:
    """The step of one kind: ``kind`` plus the scenario's parameters."""
    specs: dict[str, Any] = {"kind": (Literal[kind], Field(description=f"A {kind} change"))}
    for name, info, where in fields(model):
        specs[name] = _field(name, info, where.choices)
    if kind == "contractor":  # a hire on a contract: not an employee
        specs["employment_type"] = (
            Literal[_CONTRACT_TYPES],  # type: ignore[valid-type]
            Field(default="contractor", description="contractor or freelance"),
        )
    title = "".join(part.title() for part in kind.split("-")) + "Change"
    return create_model(  # type: ignore[call-overload]
        title, __config__=ConfigDict(extra="forbid", frozen=True), **specs
    )


STEP_MODELS = {kind: _step_model(kind, model) for kind, (_, model) in KINDS.items()}
Change = Annotated[
    Union[tuple(STEP_MODELS.values())],  # type: ignore[valid-type]  # noqa: UP007
    Field(discriminator="kind"),
]


class PlanFile(BaseModel):
    """A plan: its changes in the order they apply, each on top of the previous ones."""

    model_config = ConfigDict(extra="forbid", frozen=True, title="VIVIM cost plan")

    name: Annotated[str, Field(min_length=1, description="Short name, e.g. malta-growth")]
    description: Annotated[str | None, Field(description="What the plan is for")] = None
    changes: Annotated[list[Change], Field(min_length=1, description="In the order they apply")]


def schema() -> dict[str, Any]:
    """The JSON Schema of a plan file (published as plans/plan.schema.json)."""
    out = PlanFile.model_json_schema()
    out["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    return out


def schema_text() -> str:
    return json.dumps(schema(), indent=2, sort_keys=True) + "\n"


def scenario_of(change: BaseModel) -> tuple[str, dict[str, Any]]:
    """(scenario kind, its checked parameters) of one change."""
    kind = change.kind  # type: ignore[attr-defined]
    scenario, model = KINDS[kind]
    values = change.model_dump(exclude={"kind"})
    check(model, **values)  # the same checks (and messages) as the impact commands
    return scenario, values


def _where(loc: tuple[Any, ...], data: Any) -> str:
    """``change 2 (hire), count`` for a pydantic error location."""
    if len(loc) >= 2 and loc[0] == "changes" and isinstance(loc[1], int):
        step = data["changes"][loc[1]] if isinstance(data, dict) else {}
        kind = step.get("kind", "?") if isinstance(step, dict) else "?"
        rest = [str(x) for x in loc[2:] if x != kind]
        return f"change {loc[1] + 1} ({kind})" + (f", {'.'.join(rest)}" if rest else "")
    return ".".join(str(x) for x in loc) or "the plan"


def parse(data: Any, source: str = "the plan") -> PlanFile:
    """A plan from its decoded YAML/JSON, or a QueryError naming the source and the change."""
    try:
        plan = PlanFile.model_validate(data)
    except ValidationError as e:
        error = e.errors()[0]
        raise QueryError(
            f"{source}: {_where(tuple(error['loc']), data)}: {error['msg']}",
            hint="the plan file's schema is plans/plan.schema.json",
        ) from None
    for i, change in enumerate(plan.changes, 1):
        try:
            scenario_of(change)
        except QueryError as e:
            raise QueryError(f"{source}: change {i} ({change.kind}): {e.message}") from None
    return plan


def load(path: str | Path) -> PlanFile:
    """Read and check a plan file (YAML, or JSON which is YAML too)."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise QueryError(f"cannot read plan file {path}: {e.strerror}") from None
    except yaml.YAMLError as e:
        raise QueryError(f"{path}: not valid YAML: {e}") from None
    return parse(data, str(path))
