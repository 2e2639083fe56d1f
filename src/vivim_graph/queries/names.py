"""Answers that teach: labels, relationship types and property keys the graph model lacks.

Neo4j answers ``MATCH (l:Locations) RETURN l`` with no rows, which reads like a true "no
such data". This module finds the names a statement uses (from its tokens, the way the
guard's lexer sees them) and, for each one ``graph/model.yaml`` does not have, returns a
warning with the closest names the model does have.

What counts as what:
- after ``:`` inside a node pattern, a label predicate or a list comprehension: labels;
- after ``:`` inside ``-[ … ]-``: relationship types;
- ``v.key`` and ``{key: …}`` in a pattern, where ``v`` is bound by a node or relationship
  pattern of this statement: property keys, checked against the labels (or types) ``v``
  carries there, else against every property of the model. Maps, temporal values and
  names bound by WITH/UNWIND are not checked (their keys are not the model's).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache

from vivim_graph.errors import CypherRefused, did_you_mean
from vivim_graph.model.saved import SAVED_LABELS, SAVED_TYPES
from vivim_graph.model.spec import GraphModel
from vivim_graph.queries.lexer import Token, tokenize

SYSTEM_PROPERTIES = frozenset({"_source_table", "_source_key", "_sync_run"})  # set by the import
_LABEL_JOINERS = {"|", "&", "!", ":", "%"}
_SUBQUERY_WORDS = {"EXISTS", "COUNT", "COLLECT", "CALL"}


@dataclass(frozen=True)
class Vocabulary:
    """The names the graph model defines: labels and types with their property keys."""

    labels: dict[str, frozenset[str]]
    types: dict[str, frozenset[str]]

    @property
    def properties(self) -> frozenset[str]:
        every = [*self.labels.values(), *self.types.values()]
        return frozenset().union(*every) if every else frozenset()


@cache
def vocabulary(model: GraphModel) -> Vocabulary:
    labels = {
        n.label: frozenset(p.name for p in n.properties) | SYSTEM_PROPERTIES for n in model.nodes
    }
    types: dict[str, frozenset[str]] = {t: SYSTEM_PROPERTIES for t in model.relationship_types()}
    for join in model.joins:
        types[join.type] = types[join.type] | {p.name for p in join.properties}
    # saved scenarios and plans: written by the project, not replicated (model.saved)
    labels.update(SAVED_LABELS)
    types.update(SAVED_TYPES)
    return Vocabulary(labels, types)


@dataclass
class _Names:
    labels: list[str] = field(default_factory=list)
    types: list[str] = field(default_factory=list)
    bound: dict[str, tuple[frozenset[str], bool]] = field(default_factory=dict)  # var → owners
    keys: list[tuple[frozenset[str], bool, str]] = field(default_factory=list)  # owners, rel?


def name_warnings(statement: str, vocab: Vocabulary) -> list[str]:
    """One warning per name the model lacks, with the model's closest names."""
    try:
        tokens = tokenize(statement)
    except CypherRefused:  # the guard reports lexing problems; warnings are best effort
        return []
    names = _collect(tokens)
    warnings: list[str] = []
    for label in dict.fromkeys(names.labels):
        if label not in vocab.labels:
            warnings.append(_warn("label", label, list(vocab.labels)))
    for rel_type in dict.fromkeys(names.types):
        if rel_type not in vocab.types:
            warnings.append(_warn("relationship type", rel_type, list(vocab.types)))
    for owners, is_rel, key in dict.fromkeys(names.keys):
        table = vocab.types if is_rel else vocab.labels
        known = [table[o] for o in owners if o in table]
        if owners and not known:
            continue  # the owner itself is unknown: that warning says enough
        allowed = frozenset().union(*known) if known else vocab.properties
        if key not in allowed:
            owner = "|".join(sorted(owners))
            warnings.append(_warn("property", key, sorted(allowed), owner))
    return warnings


def _warn(kind: str, name: str, choices: list[str], owner: str = "") -> str:
    where = f" on {owner}" if owner else ""
    suggestion = did_you_mean(name, choices)
    return f"no {kind} `{name}`{where} in the graph model." + suggestion


_Frame = tuple[str, frozenset[str], bool]  # bracket kind, owners of a pattern, relationship?


def _collect(tokens: list[Token]) -> _Names:
    names = _Names()
    stack: list[_Frame] = []
    for i, tok in enumerate(tokens):
        value = tok.value if tok.kind == "punct" else None
        if value in ("(", "["):
            stack.append(_open(tokens, i, names))
        elif value == "{":
            kind = _brace_kind(tokens, i)
            if kind == "{map" and stack and stack[-1][0] in ("(node", "[rel"):
                _pattern_keys(tokens, i, stack[-1], names)
            stack.append((kind, frozenset(), False))
        elif value in (")", "]", "}"):
            if stack:
                stack.pop()
        elif value == ":" and (not stack or stack[-1][0] != "{map"):
            target = names.types if stack and stack[-1][0] == "[rel" else names.labels
            target.extend(_label_expression(tokens, i + 1))
        elif value == "." and i > 0 and tokens[i - 1].kind in ("word", "name"):
            _property_access(tokens, i, names)
        elif (rebound := _rebinds(tokens, i)) is not None:
            names.bound.pop(rebound, None)  # from here on it is a value, not that pattern's
    return names


def _rebinds(tokens: list[Token], i: int) -> str | None:
    """The variable ``… AS v`` or ``[v IN list …`` / ``reduce(s = 0, v IN …)`` defines anew."""
    tok = tokens[i]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if tok.kind == "word" and tok.value.upper() == "AS" and nxt is not None:
        return nxt.value if nxt.kind in ("word", "name") else None
    prev = tokens[i - 1].value if i > 0 and tokens[i - 1].kind == "punct" else ""
    opens_scope = prev in ("[", "(", ",")
    is_in = nxt is not None and nxt.kind == "word" and nxt.value.upper() == "IN"
    return tok.value if tok.kind in ("word", "name") and opens_scope and is_in else None


def _open(tokens: list[Token], i: int, names: _Names) -> _Frame:
    """What a ``(`` or ``[`` opens; a node or relationship pattern binds its variable."""
    prev = tokens[i - 1] if i > 0 else None
    if tokens[i].value == "[":
        if prev is None or prev.value not in ("-", "<-"):
            return ("[", frozenset(), False)
        return _bind(tokens, i, "[rel", names)
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    after = tokens[i + 2].value if i + 2 < len(tokens) else ""
    looks_like_node = nxt is not None and (
        nxt.value in (":", ")") or (nxt.kind in ("word", "name") and after in (":", ")", "{"))
    )
    is_call = prev is not None and prev.kind in ("word", "name") and not _is_clause_word(prev)
    if looks_like_node and not is_call:
        return _bind(tokens, i, "(node", names)
    return ("(", frozenset(), False)


def _is_clause_word(tok: Token) -> bool:
    return tok.kind == "word" and tok.value.upper() in {
        "MATCH", "WHERE", "AND", "OR", "NOT", "XOR", "EXISTS", "OPTIONAL", "WHEN", "THEN",
        "ELSE",
    }  # fmt: skip


def _bind(tokens: list[Token], i: int, kind: str, names: _Names) -> _Frame:
    """``(v:A:B …`` / ``[r:T|U …``: the variable and the labels or types it carries."""
    is_rel = kind == "[rel"
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if nxt is not None and nxt.kind in ("word", "name"):
        colon = i + 2 < len(tokens) and tokens[i + 2].value == ":"
        owners = frozenset(_label_expression(tokens, i + 3)) if colon else frozenset()
        known, _ = names.bound.get(nxt.value, (frozenset(), is_rel))
        names.bound[nxt.value] = (known | owners, is_rel)
        return (kind, known | owners, is_rel)
    colon = nxt is not None and nxt.value == ":"
    return (kind, frozenset(_label_expression(tokens, i + 2)) if colon else frozenset(), is_rel)


def _brace_kind(tokens: list[Token], i: int) -> str:
    prev = tokens[i - 1] if i > 0 else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and prev.value in (")", "]") and nxt is not None:
        if nxt.kind == "number" or nxt.value == ",":
            return "{q"  # a path quantifier {1,3}
        if prev.value == ")":
            return "{sub"  # CALL (x) { … }
    if prev is not None and prev.kind == "word" and prev.value.upper() in _SUBQUERY_WORDS:
        return "{sub"
    return "{map"


def _pattern_keys(tokens: list[Token], i: int, frame: _Frame, names: _Names) -> None:
    """``{key: value, …}`` of a node or relationship pattern: keys of its labels or types."""
    depth, k = 0, i + 1
    while k < len(tokens):
        value = tokens[k].value if tokens[k].kind == "punct" else None
        if value in ("{", "(", "["):
            depth += 1
        elif value in ("}", ")", "]"):
            if depth == 0:
                break
            depth -= 1
        elif depth == 0 and value == ":" and tokens[k - 1].kind in ("word", "name"):
            names.keys.append((frame[1], frame[2], tokens[k - 1].value))
        k += 1


def _label_expression(tokens: list[Token], i: int) -> list[str]:
    """``A|B&!C`` from ``tokens[i]``: the names, without the operators."""
    found: list[str] = []
    want_name = True  # names and operators alternate; `!` may precede a name
    while i < len(tokens):
        tok = tokens[i]
        if want_name and tok.kind in ("word", "name"):
            found.append(tok.value)
            want_name = False
        elif tok.kind == "punct" and tok.value in _LABEL_JOINERS:
            want_name = True
        else:
            break
        i += 1
    return found


def _property_access(tokens: list[Token], i: int, names: _Names) -> None:
    """``v.key`` where ``v`` is a pattern variable (not a function namespace or a map)."""
    variable = tokens[i - 1].value
    key = tokens[i + 1] if i + 1 < len(tokens) else None
    if key is None or key.kind not in ("word", "name") or variable not in names.bound:
        return
    if i >= 2 and tokens[i - 2].value == ".":  # a.b.c: a namespace, not a variable
        return
    if i + 2 < len(tokens) and tokens[i + 2].value == "(":  # date.truncate(…)
        return
    owners, is_rel = names.bound[variable]
    names.keys.append((owners, is_rel, key.value))
