"""Moving rows into the graph: the import, the incremental sync and the reconciliation check."""
