"""Local servers for one machine without Docker: Neo4j from Maven Central, its Browser files,
and the connection doctor."""
