"""The package's shape rules that a reviewer would otherwise check by eye (issue 12)."""

from __future__ import annotations

import ast
from pathlib import Path

SRC = Path(__file__).resolve().parents[2] / "src" / "vivim_graph"
MAX_LINES = 60
# State machines read best as one loop over characters; splitting them hides the states.
STATE_MACHINES = {("queries/lexer.py", "tokenize"), ("sources/sql_split.py", "split_statements")}


def functions() -> list[tuple[str, str, int]]:
    found = []
    for path in sorted(SRC.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                lines = (node.end_lineno or node.lineno) - node.lineno + 1
                found.append((path.relative_to(SRC).as_posix(), node.name, lines))
    return found


def test_the_scan_sees_the_package():
    names = {(path, name) for path, name, _ in functions()}
    assert len(names) > 300
    assert names >= STATE_MACHINES


def test_no_function_is_longer_than_sixty_lines():
    long = [
        f"{path}:{name} has {lines} lines"
        for path, name, lines in functions()
        if lines > MAX_LINES and (path, name) not in STATE_MACHINES
    ]
    assert long == []
