"""PostgreSQL, the source of truth: connections, streaming reads, the catalog, and loading the
seed files."""
