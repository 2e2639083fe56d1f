"""The MCP server for AI agents: typed tools over the queries and impact scenarios."""
