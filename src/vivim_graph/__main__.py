"""`python -m vivim_graph` is the same as `vivim-graph`."""

from vivim_graph.cli.main import main

main()
