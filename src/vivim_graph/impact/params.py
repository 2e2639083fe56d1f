"""The parameters of every impact scenario, declared once.

One pydantic model per scenario gives each parameter's type, default, constraints and
description. The CLI options (``cli/params.py``), the MCP tools' input schemas
(``agents/tools.py``) and the library (``scenarios.check``) are all read from here.

Every surface takes the same values: the same bounds, the same closed sets of choices (a click
Choice, an MCP enum, a check in the library). Only the names may differ, kept for the users of
each surface (``--from`` on the CLI, ``start_milestone`` in MCP, ``start`` in the library), and
that is written next to the field in a :class:`Surface` marker. Nothing here imports click
or the MCP SDK.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any, ClassVar, TypeVar

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic.fields import FieldInfo

from vivim_graph.errors import QueryError

EMPLOYMENT_TYPES = ("employee", "contractor", "freelance")
SENIORITIES = ("junior", "mid", "senior", "lead")


@dataclass(frozen=True)
class Surface:
    """How one field shows on the CLI and in MCP when not simply by its name and description.

    ``option``: the CLI option (``--from``), or ``ARGUMENT`` for a positional argument;
    ``mcp``: the MCP argument name; ``help``: the CLI help (the description is MCP's);
    ``choices``: a closed set of values, offered by the CLI, published as an enum to MCP and
    checked by the library.
    """

    option: str | None = None
    mcp: str | None = None
    help: str | None = None
    metavar: str | None = None
    choices: tuple[str, ...] = ()


ARGUMENT = "ARGUMENT"
# The milestone a change starts in: --from on the CLI, start_milestone in MCP, start here.
START = Surface(
    option="--from",
    mcp="start_milestone",
    metavar="MILESTONE",
    help="Default: first not completed.",
)


class ScenarioParams(BaseModel):
    """Base of the scenario models: no unknown parameters; values cannot change once checked."""

    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: ClassVar[str]
    cli_order: ClassVar[tuple[str, ...] | None] = None  # when the CLI lists options otherwise


class HireParams(ScenarioParams):
    kind = "hire"
    cli_order = ("location", "role", "seniority", "count", "start", "employment_type", "fte")

    location: Annotated[
        str,
        Field(description="Location code, city, region or country: malta"),
        Surface(help="Code, city, region or country (malta)."),
    ]
    role: Annotated[
        str,
        Field(description="Role code, e.g. swe-senior (find label=Role)"),
        Surface(help="Role code, e.g. swe-senior."),
    ]
    count: Annotated[int, Field(ge=1, le=100)] = 1
    start: Annotated[
        str | None,
        Field(description="Milestone code the hires start in; default: first open"),
        START,
    ] = None
    seniority: Annotated[
        str | None,
        Field(description="junior, mid, senior or lead"),
        Surface(choices=SENIORITIES),
    ] = None
    employment_type: Annotated[
        str,
        Field(description="employee, contractor or freelance"),
        Surface(
            choices=EMPLOYMENT_TYPES,
            help="contractor/freelance: the local rate x working days, no on-costs (R-CONTRACTOR).",
        ),
    ] = "employee"
    fte: Annotated[
        float,
        Field(ge=0.01, le=1),
        Surface(
            help="Part-time share; on-costs are computed on the part-time pay (R-FTE).",
        ),
    ] = 1.0


class RelocateParams(ScenarioParams):
    kind = "relocate"
    cli_order = ("member", "team", "to", "start")

    to: Annotated[
        str,
        Field(description="Destination: location code, city, region or country"),
        Surface(help="Code, city, region or country."),
    ]
    member: Annotated[
        str | None,
        Field(description="Team member code, e.g. TM-005"),
        Surface(help="Team member code, e.g. TM-005."),
    ] = None
    team: Annotated[
        str | None,
        Field(description="Team code, e.g. core-platform"),
        Surface(help="Team code, e.g. core-platform."),
    ] = None
    start: Annotated[str | None, Field(description="Default: first open"), START] = None


class SwitchProviderParams(ScenarioParams):
    kind = "switch_provider"

    from_provider: Annotated[
        str,
        Field(description="Cloud provider code, e.g. hetzner"),
        Surface(option="--from", help="Provider code, e.g. hetzner."),
    ]
    to_provider: Annotated[
        str,
        Field(description="Cloud provider code, e.g. ovhcloud"),
        Surface(option="--to", help="Provider code, e.g. ovhcloud."),
    ]
    service: Annotated[
        str | None,
        Field(description="Only this service code or service type (compute, ...)"),
        Surface(help="Only this service code or service type."),
    ] = None


class UsersParams(ScenarioParams):
    kind = "users"

    mau: Annotated[
        int,
        Field(ge=1, description="Monthly active users"),
        Surface(help="Monthly active users."),
    ]
    at: Annotated[
        str | None,
        Field(description="Milestone code; default: the last"),
        Surface(metavar="MILESTONE", help="Default: the last milestone."),
    ] = None


class NodeParams(ScenarioParams):
    kind = "node"

    label: Annotated[
        str,
        Field(description="Label from graph_schema, e.g. Location"),
        Surface(option=ARGUMENT),
    ]
    key: Annotated[str, Field(description="Its natural key, e.g. MT-VLT"), Surface(option=ARGUMENT)]
    depth: Annotated[int, Field(ge=1, le=3)] = 2


SCENARIOS: dict[str, type[ScenarioParams]] = {
    m.kind: m for m in (HireParams, RelocateParams, SwitchProviderParams, UsersParams, NodeParams)
}


# --------------------------------------------------------------------------- reading the fields
def surface(info: FieldInfo) -> Surface:
    """The field's Surface marker (a plain one when it has none)."""
    return next((m for m in info.metadata if isinstance(m, Surface)), Surface())


def limits(info: FieldInfo) -> dict[str, Any]:
    """The field's numeric constraints by name (ge, gt, le, lt)."""
    found: dict[str, Any] = {}
    for meta in info.metadata:
        for name in ("ge", "gt", "le", "lt"):
            if getattr(meta, name, None) is not None:
                found[name] = getattr(meta, name)
    return found


def fields(
    model: type[ScenarioParams], order: tuple[str, ...] | None = None
) -> Iterator[tuple[str, FieldInfo, Surface]]:
    """(name, field, surface) in declaration order, or in ``order`` when given."""
    names = order or tuple(model.model_fields)
    for name in names:
        info = model.model_fields[name]
        yield name, info, surface(info)


def option_name(name: str, where: Surface) -> str:
    """The CLI spelling of a parameter: ``--from`` or ``--employment-type``."""
    return where.option or "--" + name.replace("_", "-")


# --------------------------------------------------------------------------- checking values
_PHRASES = {"ge": "at least {}", "gt": "more than {}", "le": "at most {}", "lt": "less than {}"}


def _complaint(name: str, info: FieldInfo, value: Any) -> str:
    """What is wrong with ``value``, naming the parameter as the CLI does (``--count``)."""
    where = surface(info)
    if where.choices:
        return f"{option_name(name, where)} must be one of {', '.join(where.choices)}"
    bounds = " and ".join(_PHRASES[k].format(v) for k, v in limits(info).items())
    return f"{option_name(name, where)} must be {bounds or 'valid'}, not {value}"


M = TypeVar("M", bound=ScenarioParams)


def check(model: type[M], **values: Any) -> M:
    """The values as ``model``, or a QueryError naming the first parameter that is wrong."""
    try:
        params = model(**values)
    except ValidationError as e:
        error = e.errors()[0]
        name = str(error["loc"][0]) if error["loc"] else ""
        info = model.model_fields.get(name)
        if info is None:
            raise QueryError(f"no parameter {name!r} for impact {model.kind}") from None
        raise QueryError(_complaint(name, info, error.get("input"))) from None
    for name, info, where in fields(model):
        value = getattr(params, name)
        if where.choices and value is not None and value not in where.choices:
            raise QueryError(_complaint(name, info, value))
    return params
