"""Split a SQL file into statements, with the line each one starts on.

Understands what can hide a semicolon: 'strings' (with '' and E'\\'' escapes), "quoted
identifiers", -- line comments, /* nested block comments */ and $tag$ dollar quotes $tag$.
Used so that a failing statement is reported as file:line, as psql does.
"""

from __future__ import annotations

import re

_DOLLAR = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$")


def split_statements(text: str) -> list[tuple[int, str]]:
    statements: list[tuple[int, str]] = []
    i, n, start, line = 0, len(text), 0, 1
    start_line: int | None = None
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
            i += 1
            continue
        if ch.isspace():
            i += 1
            continue
        if text.startswith("--", i):
            end = text.find("\n", i)
            i = n if end < 0 else end
            continue
        if text.startswith("/*", i):
            depth, i = 1, i + 2
            while i < n and depth:
                if text.startswith("/*", i):
                    depth, i = depth + 1, i + 2
                elif text.startswith("*/", i):
                    depth, i = depth - 1, i + 2
                else:
                    line += text[i] == "\n"
                    i += 1
            continue
        if start_line is None:
            start_line, start = line, i
        if ch == ";":
            statements.append((start_line, text[start:i].strip()))
            start_line = None
            i += 1
            continue
        if ch == "'":
            escapes = i > 0 and text[i - 1] in "eE" and (i < 2 or not text[i - 2].isalnum())
            i += 1
            while i < n:
                if escapes and text[i] == "\\":
                    line += text[i + 1 : i + 2] == "\n"
                    i += 2
                    continue
                if text[i] == "'":
                    if text.startswith("''", i):
                        i += 2
                        continue
                    break
                line += text[i] == "\n"
                i += 1
            i += 1
            continue
        if ch == '"':
            end = text.find('"', i + 1)
            end = n if end < 0 else end
            line += text.count("\n", i, end)
            i = end + 1
            continue
        if ch == "$":
            match = _DOLLAR.match(text, i)
            if match and not (i > 0 and (text[i - 1].isalnum() or text[i - 1] == "_")):
                tag = match.group(0)
                end = text.find(tag, match.end())
                end = n if end < 0 else end
                line += text.count("\n", i, end)
                i = end + len(tag)
                continue
        i += 1
    if start_line is not None and text[start:].strip():
        statements.append((start_line, text[start:].strip()))
    return statements
