"""One exception tree for the whole project.

Every error a user can cause or meet derives from :class:`VivimGraphError`. Each carries
the context needed to act on it (file, table, key, URI, parameter) and a ``hint`` that
says what to do next. The CLI's error boundary (``cli.main``) prints these without a
traceback; anything else is a crash (exit 2).
"""

from __future__ import annotations


class VivimGraphError(Exception):
    """Base of every error this project raises on purpose."""

    def __init__(self, message: str, *, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return self.message


class ConfigError(VivimGraphError):
    """A setting is missing, malformed, or points at a file that cannot be read."""


class ToolMissingError(VivimGraphError):
    """An external program the project needs (Java, Maven) is not installed."""


class LocalServerError(VivimGraphError):
    """The local Neo4j or PostgreSQL server could not be started, stopped or found."""

    def __init__(self, message: str, *, log_tail: str | None = None, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.log_tail = log_tail


class ConnectionFailed(VivimGraphError):
    """A database did not answer, or refused the credentials. Never carries a password."""

    def __init__(self, message: str, *, uri: str, user: str | None = None, hint: str | None = None):
        super().__init__(message, hint=hint)
        self.uri = uri
        self.user = user


class SeedLoadError(VivimGraphError):
    """A SQL file failed to load into PostgreSQL."""

    def __init__(
        self, message: str, *, file: str, line: int | None = None, hint: str | None = None
    ):
        super().__init__(message, hint=hint)
        self.file = file
        self.line = line


def did_you_mean(name: str, choices: list[str], *, cutoff: float = 0.6) -> str:
    """ " Did you mean a, b?" for the choices close to a misspelt name, else ""."""
    import difflib

    close = difflib.get_close_matches(name, choices, n=3, cutoff=cutoff)
    return f" Did you mean {', '.join(close)}?" if close else ""


class ModelError(VivimGraphError):
    """The graph model (graph/model.yaml) is inconsistent with itself or with the database."""


class RowValidationError(VivimGraphError):
    """A source row does not fit the graph model: missing key, dangling reference, bad type."""

    def __init__(
        self, message: str, *, table: str, key: object = None, column: str | None = None
    ) -> None:
        super().__init__(message)
        self.table = table
        self.key = key
        self.column = column


class OfflineImportRefused(VivimGraphError):
    """`import --offline` cannot run here: the target is not the local server, or its graph
    is not empty (or a writer holds it)."""


class QueryError(VivimGraphError):
    """A named query is unknown, lacks a parameter, or failed in Neo4j."""


class GraphCheckFailed(VivimGraphError):
    """Reconciliation found rows and nodes (or keys and relationships) that disagree."""


class CypherRefused(QueryError):
    """An ad-hoc Cypher statement was refused by a guard, or stopped by a limit.

    ``code`` is stable (``write_refused``, ``procedure_not_allowed``, ``timeout`` …) so an
    agent can act on it; ``guard`` names the layer that stopped it (``characters``,
    ``lexer``, ``plan``, ``runtime``); ``hint`` says what to do instead.
    """

    def __init__(self, code: str, message: str, *, guard: str, hint: str | None = None) -> None:
        super().__init__(f"refused ({code}): {message}", hint=hint)
        self.code = code
        self.guard = guard
        self.reason = message

    def to_dict(self) -> dict[str, str | None]:
        return {"code": self.code, "guard": self.guard, "message": self.reason, "hint": self.hint}


class GuideError(VivimGraphError):
    """The Neo4j Browser guide could not be generated (a tour stop names no query)."""
