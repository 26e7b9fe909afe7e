"""The journey graph: spec rules 1-3 applied to a life event, and the order helpers."""
