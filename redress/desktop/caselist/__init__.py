"""The case list: a table model over case summaries, a filtering proxy, and the dashboard."""
