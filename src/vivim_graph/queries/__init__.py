"""Named Cypher queries (the catalog of `cypher/`) and the guarded path for ad-hoc read-only
Cypher."""
