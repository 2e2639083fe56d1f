"""Where the project's data files live: ``graph/``, ``cypher/`` and ``seeds/``.

In a wheel they are shipped under ``vivim_graph/_resources/`` (see pyproject's
force-include); in a source checkout or editable install they are at the repository's
top level. Everything that reads those files goes through :func:`resource_dir`.
"""

from __future__ import annotations

from pathlib import Path

from vivim_graph.errors import ConfigError

_PACKAGE_DIR = Path(__file__).resolve().parent
_CANDIDATES = (_PACKAGE_DIR / "_resources", _PACKAGE_DIR.parent.parent)


def resource_dir(name: str) -> Path:
    """Absolute path of a top-level resource folder (``graph``, ``cypher`` or ``seeds``)."""
    for root in _CANDIDATES:
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise ConfigError(
        f"cannot find the {name}/ folder next to the vivim_graph package",
        hint="reinstall the package (pip install .) or run from a source checkout",
    )
