"""The graph model: the one spec everything derives from (labels, keys, relationships), row
validation at the boundary, and every piece of Cypher built from the model."""
