"""MCP server for AI agents (issue 8): the cost graph's tools over stdio or streamable HTTP.

Built on the official MCP Python SDK (``mcp.server.mcpserver.MCPServer``). Tools live in
:mod:`vivim_graph.agents.tools`; this module binds them to one :class:`Graph`, turns project
errors into tool errors an agent can act on (a stable ``code``, a message, a hint), and
runs the transport.

HTTP security: binds 127.0.0.1 unless told otherwise; the SDK's transport security checks
Host and Origin against DNS rebinding; a bearer token (``VIVIM_MCP_TOKEN`` or the
variable named by ``--token-env``) is required when set, and a non-loopback bind without a
token is refused.
"""

from __future__ import annotations

import hmac
import inspect
import json
from collections.abc import Callable
from typing import Any

from mcp.server.mcpserver import MCPServer
from mcp.server.transport_security import TransportSecuritySettings
from mcp_types import CallToolResult, TextContent, ToolAnnotations
from starlette.types import ASGIApp, Receive, Scope, Send

from vivim_graph.agents.tools import RESOURCES, TOOLS, Graph, Tool, tour_prompts
from vivim_graph.errors import ConfigError, CypherRefused, QueryError, VivimGraphError
from vivim_graph.queries.guard import Limits
from vivim_graph.settings import Settings

LOOPBACK = ("127.0.0.1", "localhost", "::1")
INSTRUCTIONS = (
    "VIVIM's cost database as a Neo4j graph. Start with graph_schema or list_queries; use "
    "find to get a node's key, explain_cost for why it costs what it does, run_query for "
    "the named views, read_cypher for anything else (read-only, guarded). The resources hold "
    "the graph model, the query catalog and the cost conventions; the prompts, the main cost "
    "questions. Money is integer "
    "cents (*_cents), prices integer micros (*_micros), in the row's currency. Cite the "
    "provenance (source_table + key) of every number you quote."
)


def build_server(graph: Graph) -> MCPServer:
    """An MCP server with every tool of ``TOOLS`` bound to ``graph``."""
    server = MCPServer("vivim-graph", instructions=INSTRUCTIONS, log_level="WARNING")
    for fn in TOOLS:
        server.add_tool(
            bind(fn, graph),
            name=fn.__name__,
            description=inspect.getdoc(fn),
            annotations=ToolAnnotations(read_only_hint=True, open_world_hint=False),
        )
    for uri, name, mime, build in RESOURCES:
        server.resource(uri, name=name, description=inspect.getdoc(build), mime_type=mime)(
            _reader(build, graph)
        )
    for name, title, description, text in tour_prompts():
        server.prompt(name=name, title=title, description=description)(_constant(text))
    return server


def _reader(build: Any, graph: Graph) -> Any:
    def read() -> str:
        return build(graph)

    return read


def _constant(text: str) -> Any:
    def prompt() -> str:
        return text

    return prompt


def bind(fn: Tool, graph: Graph) -> Any:
    """``fn`` with its first argument (the graph) bound and project errors as tool errors.

    The SDK reads the tool's input schema from the signature, so the bound function
    publishes ``fn``'s signature without ``graph``.
    """
    signature = inspect.signature(fn, eval_str=True)
    params = list(signature.parameters.values())[1:]

    def call(**kwargs: Any) -> Any:
        try:
            return fn(graph, **kwargs)
        except VivimGraphError as e:
            return error_result(e)

    call.__name__ = fn.__name__
    call.__doc__ = fn.__doc__
    call.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    call.__annotations__ = {p.name: p.annotation for p in params}
    call.__annotations__["return"] = signature.return_annotation
    return call


def error_result(error: VivimGraphError) -> CallToolResult:
    """A tool error with a stable code; messages name no credentials (see errors.py)."""
    if isinstance(error, CypherRefused):
        payload = error.to_dict()
    else:
        code = "invalid_request" if isinstance(error, QueryError) else "graph_unavailable"
        payload = {"code": code, "guard": None, "message": error.message, "hint": error.hint}
    return CallToolResult(
        content=[TextContent(type="text", text=json.dumps({"error": payload}))],
        structured_content={"error": payload},
        is_error=True,
    )


class BearerToken:
    """ASGI middleware: every HTTP request needs ``Authorization: Bearer <token>``."""

    def __init__(self, app: ASGIApp, token: str) -> None:
        self.app = app
        self.token = token.encode()

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            given = dict(scope["headers"]).get(b"authorization", b"")
            scheme, _, value = given.partition(b" ")
            # compare_digest: the time taken does not reveal how much of the token matched
            if scheme.lower() != b"bearer" or not hmac.compare_digest(value.strip(), self.token):
                await send(
                    {
                        "type": "http.response.start",
                        "status": 401,
                        "headers": [
                            (b"content-type", b"application/json"),
                            (b"www-authenticate", b'Bearer realm="vivim-graph"'),
                        ],
                    }
                )
                body = b'{"error": "unauthorized: send Authorization: Bearer <VIVIM_MCP_TOKEN>"}'
                await send({"type": "http.response.body", "body": body})
                return
        await self.app(scope, receive, send)


def transport_security(host: str, port: int, extra_hosts: tuple[str, ...]) -> Any:
    """Host and Origin allow-lists (DNS rebinding): loopback names, the bind host, extras."""
    names = [*LOOPBACK, *extra_hosts] + ([] if host in ("0.0.0.0", "::") else [host])
    hosts = [f"[{n}]" if ":" in n else n for n in dict.fromkeys(names)]
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=[f"{h}:{port}" for h in hosts],
        allowed_origins=[f"{scheme}://{h}:{port}" for h in hosts for scheme in ("http", "https")],
    )


def require_token_off_loopback(host: str, token: str | None, token_env: str) -> None:
    if host not in LOOPBACK and not token:
        raise ConfigError(
            f"refusing to serve MCP on {host} without a token",
            hint=f"set {token_env} to a long random secret, or bind 127.0.0.1",
        )


def http_app(server: MCPServer, host: str, port: int, token: str | None, extra: tuple[str, ...]):
    app = server.streamable_http_app(
        transport_security=transport_security(host, port, extra), host=host
    )
    return BearerToken(app, token) if token else app


def serve(
    settings: Settings,
    *,
    transport: str,
    host: str,
    port: int,
    token: str | None,
    token_env: str,
    allowed_hosts: tuple[str, ...],
    limits: Limits,
    announce: Callable[[str], None],
) -> None:
    """Serve the cost graph over stdio or streamable HTTP until the client or Ctrl-C ends it."""
    from vivim_graph.agents.warm import warm_in_background
    from vivim_graph.model.spec import load_model
    from vivim_graph.neo4j_db import open_driver

    if transport == "http":
        require_token_off_loopback(host, token, token_env)  # before anything connects
    with open_driver(settings) as driver:
        graph = Graph(driver, load_model(), settings.neo4j_database, limits)
        warm_in_background(graph)  # plans the named queries while the client connects
        server = build_server(graph)
        if transport == "stdio":
            server.run("stdio")
            return
        import uvicorn  # only the HTTP transport needs the ASGI server

        app = http_app(server, host, port, token, allowed_hosts)
        announce(f"MCP (streamable HTTP) on http://{host}:{port}/mcp")
        uvicorn.run(app, host=host, port=port, log_level="warning")
