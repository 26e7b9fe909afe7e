"""Typed data, no I/O: the vocabulary, life events, regions, scenarios and located problems.

The bottom layer: it imports nothing else from lifeevents except :mod:`lifeevents.errors`.
"""
