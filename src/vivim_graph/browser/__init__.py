"""The Neo4j Browser guided tour and style, generated from the query catalog and the model."""
