"""The answer commands import only what they need: the driver without numpy (which stays
importable afterwards), and no psycopg. Checked in fresh processes."""

from __future__ import annotations

import subprocess
import sys

PROBE = """
import sys
from vivim_graph.cli import main, output  # the commands' modules, then what an answer loads
from vivim_graph.cli.app import lean_driver
lean_driver()
from vivim_graph.impact import scenarios
from vivim_graph import neo4j_db
from vivim_graph.cli import formatting, impact_output
loaded = sorted(m for m in ("neo4j", "numpy", "pandas", "pyarrow", "psycopg") if m in sys.modules)
import numpy  # a later command (the report's charts) still has it
print(loaded, numpy.__name__ in sys.modules, sys.modules["neo4j"].GraphDatabase.__name__)
"""


def test_answers_load_the_driver_without_numpy_or_psycopg():
    out = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, check=True
    ).stdout.split()
    assert out == ["['neo4j']", "True", "GraphDatabase"]


def test_without_lean_driver_the_driver_brings_numpy():
    probe = "import sys, neo4j; print('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["True"]  # so the first test's absence is lean_driver's doing
