"""Deterministic ids of map elements, shared by the renderers, the HTML page and tests.

Ids come from the position of a step in the journey graph (file order), never
from hashes or from the step id itself (which may hold any character), so two
renders of one input are byte-identical and every id is valid in SVG and HTML.

>>> import networkx as nx
>>> graph = nx.DiGraph([("anmelden", "kfz")])
>>> step_element_id(graph, "kfz"), edge_element_id(graph, "anmelden", "kfz")
('step-1', 'edge-0-1')
"""

from __future__ import annotations

import networkx as nx

__all__ = ["edge_element_id", "step_element_id"]


def _position(graph: nx.DiGraph[str], node: str) -> int:
    positions: dict[str, int] | None = graph.graph.get("_element_positions")
    if positions is None or len(positions) != len(graph):
        positions = {name: index for index, name in enumerate(graph)}
        graph.graph["_element_positions"] = positions
    return positions[node]


def step_element_id(graph: nx.DiGraph[str], node: str) -> str:
    """The id of a step's element, e.g. ``step-3``."""
    return f"step-{_position(graph, node)}"


def edge_element_id(graph: nx.DiGraph[str], source: str, target: str) -> str:
    """The id of a dependency's element, e.g. ``edge-3-7``."""
    return f"edge-{_position(graph, source)}-{_position(graph, target)}"
