"""The package's public API: every name in __all__ resolves, lazily, to what it says."""

from __future__ import annotations

import subprocess
import sys

import vivim_graph


def test_every_public_name_resolves():
    for name in vivim_graph.__all__:
        assert getattr(vivim_graph, name) is not None, name
    assert vivim_graph.run_impact.__module__ == "vivim_graph.impact.scenarios"
    assert vivim_graph.run_query.__name__ == "run"


def test_importing_the_package_loads_no_library():
    code = (
        "import sys, vivim_graph; "
        "print(sorted(m for m in sys.modules if m in ('neo4j', 'psycopg', 'pydantic')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
