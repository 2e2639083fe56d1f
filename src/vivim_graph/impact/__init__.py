"""What-if scenarios on the graph (hire, relocate, switch provider, users, node) and saved
scenarios."""
