"""The HTML report: charts and exact figures from the named queries."""
