"""The `vivim-graph` command: thin click groups over the library, and terminal rendering."""
