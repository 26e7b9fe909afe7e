"""How large a blueprint will be, estimated before Graphviz draws it, and its scale on a screen.

The steps stand in a grid: each rank (position across the map) as wide as its
widest step, each lane as high as its highest stack of steps of one rank. The
drawing adds its :class:`Margins`: lane headers left of the steps, above them
the title band and the column headers, below them the key; and it is never
narrower than its title band. :func:`fitted_scale` is the scale at which all
of it fits :data:`FIT_AREA`.

Examples
--------
>>> import networkx as nx
>>> graph = nx.DiGraph()
>>> graph.add_nodes_from("ab", level="gemeinde")
>>> size = lambda node: (200.0, 100.0)
>>> drawing_size(graph, {"a": 2, "b": 3}, size, Margins(100.0, 200.0))
(564.0, 327.0)
>>> round(fitted_scale(graph, {"a": 2, "b": 3}, size, Margins(100.0, 200.0)), 2)
2.94
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import networkx as nx

__all__ = [
    "DEFAULT_MARGINS",
    "FIT_AREA",
    "Margins",
    "Size",
    "drawing_size",
    "fitted_scale",
    "stack_height",
    "stacks",
]

#: The screen a map should fit, in CSS pixels: a 1920×1080 projector less the viewer's
#: margins.
FIT_AREA = (1880.0, 960.0)
#: The estimated width and height of a step, in points.
Size = Callable[[str], tuple[float, float]]
# The gaps dot leaves: between ranks (ranksep, 0.36 in, room for a marker, and the
# edge's ends), between steps stacked in a rank (nodesep), and around a lane.
_RANK_GAP = 32.0
_STACK_GAP = 12.0
_LANE_PADDING = 27.0


@dataclass(frozen=True)
class Margins:
    """The room a drawing needs besides its steps, in points (estimated).

    Parameters
    ----------
    width : float, default 150
        Across: the lane headers and the margins.
    height : float, default 260
        Down: the title band, the column headers, the key and the margins.
    least_width : float, default 0
        The drawing is never narrower: the width of its title band.

    Examples
    --------
    >>> Margins().height
    260.0
    """

    width: float = 150.0
    height: float = 260.0
    least_width: float = 0.0


#: The margins of a drawing of which nothing more is known.
DEFAULT_MARGINS = Margins()


def stacks(graph: nx.DiGraph[str], rank: dict[str, int]) -> dict[tuple[object, int], list[str]]:
    """The steps of each lane and rank.

    Parameters
    ----------
    graph : networkx.DiGraph
        The journey graph; every node has a ``level`` (its lane).
    rank : dict[str, int]
        The rank of every step.

    Returns
    -------
    dict[tuple[object, int], list[str]]
        The steps by (level, rank), in the graph's order.

    Examples
    --------
    >>> graph = nx.DiGraph()
    >>> graph.add_nodes_from("ab", level="kreis")
    >>> stacks(graph, {"a": 2, "b": 2})
    {('kreis', 2): ['a', 'b']}
    """
    found: dict[tuple[object, int], list[str]] = {}
    for node, data in graph.nodes(data=True):
        found.setdefault((data["level"], rank[node]), []).append(node)
    return found


def stack_height(stack: list[str], size: Size) -> float:
    """The estimated height of steps on top of each other, with the gaps between them.

    Parameters
    ----------
    stack : list[str]
        Steps of one lane and rank.
    size : Callable[[str], tuple[float, float]]
        The estimated width and height of a step.

    Returns
    -------
    float
        Points.

    Examples
    --------
    >>> stack_height(["a", "b"], lambda node: (100.0, 50.0))
    112.0
    """
    return sum(size(node)[1] for node in stack) + _STACK_GAP * (len(stack) - 1)


def drawing_size(
    graph: nx.DiGraph[str], rank: dict[str, int], size: Size, margins: Margins
) -> tuple[float, float]:
    """The estimated width and height of the whole drawing, in points.

    Parameters
    ----------
    graph : networkx.DiGraph
        The journey graph; every node has a ``level`` (its lane).
    rank : dict[str, int]
        The rank of every step.
    size : Callable[[str], tuple[float, float]]
        The estimated width and height of a step.
    margins : Margins
        The room besides the steps.

    Returns
    -------
    tuple[float, float]
        Width and height.

    Examples
    --------
    >>> graph = nx.DiGraph()
    >>> graph.add_nodes_from("ab", level="kreis")
    >>> size = lambda node: (100.0, 50.0)
    >>> drawing_size(graph, {"a": 2, "b": 2}, size, Margins(least_width=900.0))
    (900.0, 399.0)
    """
    widths: dict[int, float] = {}
    heights: dict[object, float] = {}
    for (level, number), stack in stacks(graph, rank).items():
        widths[number] = max(widths.get(number, 0.0), *(size(node)[0] for node in stack))
        heights[level] = max(heights.get(level, 0.0), stack_height(stack, size))
    width = margins.width + sum(widths.values()) + _RANK_GAP * len(widths)
    height = margins.height + sum(heights.values()) + _LANE_PADDING * len(heights)
    return max(width, margins.least_width), height


def fitted_scale(
    graph: nx.DiGraph[str], rank: dict[str, int], size: Size, margins: Margins
) -> float:
    """The estimated scale at which the drawing fits :data:`FIT_AREA`.

    Parameters
    ----------
    graph : networkx.DiGraph
        The journey graph; every node has a ``level`` (its lane).
    rank : dict[str, int]
        The rank of every step.
    size : Callable[[str], tuple[float, float]]
        The estimated width and height of a step.
    margins : Margins
        The room besides the steps.

    Returns
    -------
    float
        CSS pixels per point: what a text of 1 pt measures on the fitted screen.

    Examples
    --------
    >>> graph = nx.DiGraph()
    >>> graph.add_node("a", level="kreis")
    >>> fitted_scale(graph, {"a": 2}, lambda node: (1000.0, 673.0), Margins(848.0, 260.0))
    1.0
    """
    width, height = drawing_size(graph, rank, size, margins)
    return min(FIT_AREA[0] / width, FIT_AREA[1] / height)
