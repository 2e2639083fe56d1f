"""VIVIM's cost database as a Neo4j knowledge graph.

The public library API: everything a command does, Python can do with these names. They are
imported on first use (PEP 562), so ``import vivim_graph`` and ``vivim-graph --help`` stay
fast.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

# name -> the module that defines it
_API = {
    "Settings": "vivim_graph.settings",
    "load_settings": "vivim_graph.settings",
    "VivimGraphError": "vivim_graph.errors",
    "open_driver": "vivim_graph.neo4j_db",
    "GraphModel": "vivim_graph.model.spec",
    "load_model": "vivim_graph.model.spec",
    "load_seeds": "vivim_graph.sources.relational",
    "import_graph": "vivim_graph.load.importer",
    "sync_once": "vivim_graph.load.sync",
    "check_graph": "vivim_graph.load.check",
    "catalog": "vivim_graph.queries.catalog",
    "run_query": "vivim_graph.queries.catalog",
    "run_read_only": "vivim_graph.queries.read_only",
    "run_impact": "vivim_graph.impact.scenarios",
    "build_report": "vivim_graph.report.html",
    "run_checks": "vivim_graph.doctor",
    "up": "vivim_graph.jobs",
}
_RENAMED = {"run_query": "run"}  # public name -> the module's own name

__all__ = ["__version__", *_API]


def __getattr__(name: str) -> Any:
    if name not in _API:
        raise AttributeError(f"module 'vivim_graph' has no attribute {name!r}")
    value = getattr(import_module(_API[name]), _RENAMED.get(name, name))
    globals()[name] = value  # later look-ups skip this function
    return value


def __dir__() -> list[str]:
    return sorted(__all__)
