"""The static guard for ad-hoc Cypher: characters, tokens, keywords, procedures, path bounds.

Neo4j's own read-only check (EXPLAIN ``query_type == 'r'``) does not see file reads and
HTTP fetches: ``LOAD CSV`` and ``apoc.load.*`` plan as reads. So before Neo4j sees a
statement, this module lexes it (comments and string literals stripped the way Cypher's
lexer does) and refuses what a read-only agent never needs.

Procedures and namespaced functions go through an **allow-list**, not a deny-list: APOC
alone has hundreds of procedures and every release adds some (``apoc.load.*``,
``apoc.import.*``, ``apoc.export.*``, ``apoc.cypher.*``, ``apoc.periodic.*``, plugins we do
not know of). A deny-list fails open on the next one; an allow-list fails closed, and an
agent that needs a refused function gets a refusal that names the allowed ones.

Unicode: control, bidi and zero-width characters are refused anywhere (they make code
read differently from what runs). The checks run on the text as sent *and* on its NFKC
form, so fullwidth ``ＣＲＥＡＴＥ`` is read as what it looks like; and code outside string
literals and backticked names must be ASCII (refusing homoglyphs and the Unicode dashes
and arrows Cypher would otherwise accept in patterns).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from vivim_graph.errors import CypherRefused

# Read-only procedures an agent may CALL: the schema of the graph, nothing else.
ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
    }
)
# Namespaced functions that compute on values only (no I/O, no nested Cypher).
ALLOWED_FUNCTION_PREFIXES = (
    "date.",
    "datetime.",
    "localdatetime.",
    "localtime.",
    "time.",
    "duration.",
    "point.",
    "vector.similarity.",
    "apoc.coll.",
    "apoc.map.",
    "apoc.text.",
    "apoc.math.",
    "apoc.number.",
)
WRITE_KEYWORDS = frozenset(
    {"CREATE", "MERGE", "SET", "DELETE", "DETACH", "NODETACH", "REMOVE", "FOREACH", "INSERT"}
)
ADMIN_KEYWORDS = frozenset(
    {"SHOW", "GRANT", "DENY", "REVOKE", "ALTER", "DROP", "TERMINATE", "START", "STOP", "RENAME"}
)
ADMIN_OBJECTS = frozenset(
    {
        "USER",
        "USERS",
        "ROLE",
        "ROLES",
        "DATABASE",
        "DATABASES",
        "ALIAS",
        "COMPOSITE",
        "INDEX",
        "CONSTRAINT",
        "OR",
        "SERVER",
        "PRIVILEGE",
        "PRIVILEGES",
        "LOOKUP",
        "RANGE",
        "TEXT",
        "POINT",
        "FULLTEXT",
        "VECTOR",
    }
)
PREFIX_KEYWORDS = frozenset({"EXPLAIN", "PROFILE", "CYPHER"})
# SHOW commands that only describe the graph's schema and the callable code (read forms,
# optionally followed by YIELD / WHERE / RETURN). Users, roles, privileges, databases,
# settings, servers and transactions stay refused: they describe the server and its users.
SHOW_OBJECTS = frozenset(
    {"INDEX", "INDEXES", "CONSTRAINT", "CONSTRAINTS", "PROCEDURE", "PROCEDURES", "FUNCTION",
     "FUNCTIONS"}
)  # fmt: skip
SHOW_MODIFIERS = frozenset(
    {"ALL", "RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE", "UNIQUE",
     "UNIQUENESS", "NODE", "RELATIONSHIP", "REL", "KEY", "EXIST", "EXISTS", "EXISTENCE",
     "PROPERTY", "TYPE", "BUILT", "IN", "USER", "DEFINED"}
)  # fmt: skip
SHOW_TAIL = frozenset({"EXECUTABLE", "BY", "CURRENT", "USER", "YIELD", "WHERE", "RETURN"})
MAX_HOPS = 6  # an upper bound above this is refused: 11k relationships explode past it

# Cc (control) except tab/newline/CR, Cf (format: bidi, zero-width, BOM), Co/Cn, line/para
# separators. They make a statement read differently from what Neo4j runs.
_ALLOWED_CONTROL = {"\t", "\n", "\r"}
_BAD_CATEGORIES = {"Cc", "Cf", "Co", "Cn", "Zl", "Zp", "Cs"}
_WORD = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_NUMBER = re.compile(r"\d+(?:\.\d+)?(?:[eE][+-]?\d+)?")
_PUNCT = ("..", "<-", "->", "<>", "<=", ">=", "=~", "+=", "::")


@dataclass(frozen=True)
class Token:
    kind: str  # word | name (backticked) | string | number | param | punct
    value: str
    pos: int


def refuse(code: str, message: str, hint: str) -> CypherRefused:
    return CypherRefused(code, message, guard="lexer", hint=hint)


def check_characters(text: str) -> None:
    for i, ch in enumerate(text):
        if ch in _ALLOWED_CONTROL:
            continue
        if unicodedata.category(ch) in _BAD_CATEGORIES:
            raise CypherRefused(
                "bad_character",
                f"character U+{ord(ch):04X} ({unicodedata.name(ch, 'unnamed')}) at offset {i} "
                "is invisible or reorders text",
                guard="characters",
                hint="remove control, bidi and zero-width characters; pass odd text as a "
                "$parameter instead",
            )


def tokenize(text: str) -> list[Token]:
    """Cypher's tokens with comments dropped; strings and backticked names kept whole."""
    tokens: list[Token] = []
    i, n = 0, len(text)
    while i < n:
        ch = text[i]
        if ch.isspace():
            i += 1
        elif text.startswith("//", i):
            end = text.find("\n", i)
            i = n if end < 0 else end + 1
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            if end < 0:
                raise refuse("unterminated", "a /* comment is not closed", "close it with */")
            i = end + 2
        elif ch in "'\"":
            j = i + 1
            while j < n and text[j] != ch:
                j += 2 if text[j] == "\\" else 1  # \' and \\ do not end the literal
            if j >= n:
                raise refuse(
                    "unterminated",
                    f"a string opened at offset {i} is not closed",
                    "close the string, or pass the value as a $parameter",
                )
            tokens.append(Token("string", text[i + 1 : j], i))
            i = j + 1
        elif ch == "`":
            j, parts = i + 1, []
            while True:
                end = text.find("`", j)
                if end < 0:
                    raise refuse("unterminated", "a `name` is not closed", "close it with `")
                parts.append(text[j:end])
                if text.startswith("``", end):  # `` is an escaped backtick inside the name
                    parts.append("`")
                    j = end + 2
                    continue
                i = end + 1
                break
            tokens.append(Token("name", "".join(parts), i))
        elif ch == "$" and (m := _WORD.match(text, i + 1)):
            tokens.append(Token("param", m.group(), i))
            i = m.end()
        elif m := _WORD.match(text, i):
            tokens.append(Token("word", m.group(), i))
            i = m.end()
        elif m := _NUMBER.match(text, i):
            tokens.append(Token("number", m.group(), i))
            i = m.end()
        elif not ch.isascii():
            raise refuse(
                "non_ascii_code",
                f"character {ch!r} (U+{ord(ch):04X}) at offset {i} is outside a string literal",
                "write Cypher keywords, names and operators in ASCII; put other text in "
                "quotes or a $parameter",
            )
        else:
            two = text[i : i + 2]
            value = two if two in _PUNCT else ch
            tokens.append(Token("punct", value, i))
            i += len(value)
    return tokens


def check_statement(statement: str, *, max_hops: int = MAX_HOPS) -> str:
    """Refuse what a read-only agent must not run; return the statement without a final ``;``."""
    check_characters(statement)
    normalized = unicodedata.normalize("NFKC", statement)
    # The NFKC form shows what the text looks like; the original is what Neo4j parses.
    for text in (normalized, statement) if normalized != statement else (statement,):
        tokens = tokenize(text)
        while tokens and tokens[-1].value == ";" and tokens[-1].kind == "punct":
            tokens.pop()
        if not tokens:
            raise refuse("empty", "the statement is empty", "send one MATCH … RETURN statement")
        _check_tokens(tokens, max_hops)
    body = statement.rstrip()
    while body.endswith(";"):  # only a trailing one: any other `;` was refused above
        body = body[:-1].rstrip()
    return body


def _is_keyword(tokens: list[Token], i: int) -> bool:
    """A bare word in keyword position: not a property, label, namespace part or map key."""
    if tokens[i].kind != "word":
        return False
    before = tokens[i - 1].value if i > 0 and tokens[i - 1].kind == "punct" else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    if before in (".", ":", "::"):
        return False
    return not (after is not None and after.kind == "punct" and after.value == ":")


def _check_tokens(tokens: list[Token], max_hops: int) -> None:
    first = tokens[0].value.upper() if tokens[0].kind == "word" else ""
    if first in PREFIX_KEYWORDS:
        raise refuse(
            "option_refused",
            f"{first} prefixes are not accepted",
            "send the query itself; plans and runtimes are chosen by the server",
        )
    for i, tok in enumerate(tokens):
        if tok.kind == "punct" and tok.value == ";":
            raise refuse(
                "multiple_statements",
                "only one statement is accepted",
                "send one statement per call, without `;` between statements",
            )
        if not _is_keyword(tokens, i):
            continue
        word = tok.value.upper()
        nxt = tokens[i + 1].value.upper() if i + 1 < len(tokens) else ""
        if word == "SHOW" and i == 0:
            _check_show(tokens)
            continue
        _check_keyword(word, nxt)
        if word == "CALL":
            _check_procedure(tokens, i + 1)
    _check_functions(tokens)
    _check_paths(tokens, max_hops)


def _check_keyword(word: str, nxt: str) -> None:
    if word in ADMIN_KEYWORDS or (word == "CREATE" and nxt in ADMIN_OBJECTS):
        raise refuse(
            "admin_refused",
            f"administration command ({word} …) refused",
            "only read queries are served; ask an operator for admin work",
        )
    if word in WRITE_KEYWORDS:
        raise refuse(
            "write_refused",
            f"{word} writes to the graph",
            "this tool only reads; use the impact tools for what-if questions "
            "(they compute without changing the graph). If "
            f"{word.lower()} is a variable or key, put it in backticks",
        )
    if word == "LOAD" or word == "CSV":
        raise refuse(
            "file_access_refused",
            "LOAD CSV reads files and URLs",
            "query the graph only; every source table is already imported",
        )
    if word in ("TRANSACTIONS", "PERIODIC"):
        raise refuse(
            "transactions_refused",
            "CALL { … } IN TRANSACTIONS commits on its own",
            "run a plain read query; it runs in one read transaction",
        )
    if word == "USE":
        raise refuse(
            "database_not_allowed",
            "USE selects another database",
            "remove USE; the server answers from its configured graph only",
        )


def _check_show(tokens: list[Token]) -> None:
    """``SHOW [modifiers] INDEXES|CONSTRAINTS|PROCEDURES|FUNCTIONS [EXECUTABLE …] [YIELD …]``."""
    i = 1
    while (
        i < len(tokens) and tokens[i].kind == "word" and tokens[i].value.upper() in (SHOW_MODIFIERS)
    ):
        i += 1
    what = tokens[i].value.upper() if i < len(tokens) and tokens[i].kind == "word" else ""
    after = tokens[i + 1] if i + 1 < len(tokens) else None
    tail = after is None or after.value == ";" or after.value.upper() in SHOW_TAIL
    if what not in SHOW_OBJECTS or not tail or (after is not None and after.kind == "string"):
        shown = " ".join(t.value for t in tokens[: i + 1])
        raise refuse(
            "admin_refused",
            f"{shown} … describes the server or its users, not the graph",
            "allowed: SHOW INDEXES, SHOW CONSTRAINTS, SHOW PROCEDURES, SHOW FUNCTIONS (with "
            "YIELD / WHERE / RETURN), CALL db.labels(), db.schema.visualization(); or use "
            "graph_schema",
        )


def _dotted_name(tokens: list[Token], i: int) -> tuple[str, int]:
    """The name starting at ``tokens[i]`` (``a.b.c``, parts bare or backticked), and its end."""
    parts: list[str] = []
    while i < len(tokens) and tokens[i].kind in ("word", "name"):
        parts.append(tokens[i].value)
        if i + 1 < len(tokens) and tokens[i + 1].value == "." and tokens[i + 1].kind == "punct":
            i += 2
            continue
        i += 1
        break
    return ".".join(parts), i


def _check_procedure(tokens: list[Token], i: int) -> None:
    if i < len(tokens) and tokens[i].value in ("{", "("):
        return  # CALL { … } / CALL (x) { … }: a subquery, checked token by token anyway
    name, _ = _dotted_name(tokens, i)
    if name.lower() not in ALLOWED_PROCEDURES:
        raise refuse(
            "procedure_not_allowed",
            f"procedure {name or '(none)'} is not allowed",
            "allowed procedures: db.labels, db.relationshipTypes, db.propertyKeys, "
            "db.schema.*; or use the graph_schema tool",
        )


def _check_functions(tokens: list[Token]) -> None:
    i = 0
    while i < len(tokens):
        starts_name = tokens[i].kind in ("word", "name") and not (
            i > 0 and (tokens[i - 1].value == "." or tokens[i - 1].value.upper() == "CALL")
        )
        if not starts_name:
            i += 1
            continue
        name, end = _dotted_name(tokens, i)
        is_call = end < len(tokens) and tokens[end].value == "("
        if is_call and "." in name and not name.lower().startswith(ALLOWED_FUNCTION_PREFIXES):
            raise refuse(
                "function_not_allowed",
                f"function {name} is not allowed",
                "built-in functions (count, sum, toInteger, …) and "
                + ", ".join(p + "*" for p in ALLOWED_FUNCTION_PREFIXES)
                + " are allowed",
            )
        i = max(end, i + 1)


def _check_paths(tokens: list[Token], max_hops: int) -> None:
    """Variable-length relationships and quantified paths need an upper bound ≤ max_hops."""
    for i, tok in enumerate(tokens):
        if tok.kind != "punct":
            continue
        prev = tokens[i - 1].value if i > 0 else ""
        if tok.value == "*" and _in_relationship(tokens, i):
            _bounded(_star_bounds(tokens, i + 1), max_hops)
        elif tok.value == "{" and prev in (")", "]", "-", "->", ">"):
            following = tokens[i + 1] if i + 1 < len(tokens) else None
            if following is not None and (following.kind == "number" or following.value == ","):
                _bounded(_brace_bounds(tokens, i + 1), max_hops)
        elif (
            tok.value in ("+", "*") and prev in ("->", "-", ">", "<-") and _after_pattern(tokens, i)
        ):
            _bounded(None, max_hops)


def _in_relationship(tokens: list[Token], i: int) -> bool:
    depth = 0
    for j in range(i - 1, -1, -1):
        value = tokens[j].value if tokens[j].kind == "punct" else ""
        if value == "]":
            depth += 1
        elif value == "[":
            if depth == 0:
                return j > 0 and tokens[j - 1].value in ("-", "<-")
            depth -= 1
    return False


def _after_pattern(tokens: list[Token], i: int) -> bool:
    """`-->+` / `-[r]->*`: a quantifier when a node pattern `(` follows."""
    return i + 1 < len(tokens) and tokens[i + 1].value == "("


def _star_bounds(tokens: list[Token], i: int) -> int | None:
    """Upper bound of ``*``, ``*n``, ``*n..m``, ``*..m``, ``*n..``; None if unbounded."""

    def number_at(k: int) -> int | None:
        if k < len(tokens) and tokens[k].kind == "number":
            return int(float(tokens[k].value))
        return None

    def dots_at(k: int) -> bool:
        return k < len(tokens) and tokens[k].value == ".."

    if number_at(i) is not None:
        if not dots_at(i + 1):
            return number_at(i)  # *n: exactly n hops
        i += 1
    return number_at(i + 1) if dots_at(i) else None


def _brace_bounds(tokens: list[Token], i: int) -> int | None:
    values = []
    while i < len(tokens) and tokens[i].value != "}":
        values.append(tokens[i].value)
        i += 1
    text = "".join(values)
    if "," not in text:
        return int(text) if text.isdigit() else None
    upper = text.split(",", 1)[1]
    return int(upper) if upper.isdigit() else None


def _bounded(upper: int | None, max_hops: int) -> None:
    if upper is None:
        raise refuse(
            "unbounded_path",
            "a variable-length pattern has no upper bound",
            f"give it one, e.g. [*1..{max_hops}] or {{1,{max_hops}}}, and start from "
            "a node found by label and key",
        )
    if upper > max_hops:
        raise refuse(
            "path_too_long",
            f"a variable-length pattern allows {upper} hops",
            f"at most {max_hops} hops are served; start nearer the nodes you need",
        )
