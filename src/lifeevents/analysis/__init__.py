"""Analyses of a journey graph, one topic per module (spec rules 4-10)."""
