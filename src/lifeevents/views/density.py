"""Whether Graphviz ``dot`` can lay out a graph in seconds, checked before calling it.

``dot`` puts every step in a column (its rank) and routes each dependency that
skips columns through one hidden point per column skipped; it then untangles
the dependencies between each pair of neighbouring columns. When many long
dependencies span the same columns (each step after all earlier ones, a few
steps every later step depends on) that untangling runs for minutes, although
the file may be only a few kilobytes.

:func:`layout_crossings` estimates the work: for each gap between neighbouring
columns (longest-path ranks), the square of the number of dependencies that
span it, summed over the gaps: an upper bound of the pairs ``dot`` must order.
Journeys of people's lives stay far below :data:`~lifeevents.model.limits.MAX_LAYOUT_CROSSINGS`
(under a hundred for the built-in journeys); dense shapes above it are drawn
with the ``sfdp`` layout (blueprint) or refused with a clear message.

Examples
--------
>>> import networkx as nx
>>> layout_crossings(nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")]))
8
"""

from __future__ import annotations

import networkx as nx

from lifeevents.graph.journey import topological_order
from lifeevents.model.limits import MAX_LAYOUT_CROSSINGS

__all__ = ["layout_crossings", "too_dense_for_dot"]


def layout_crossings(graph: nx.DiGraph[str]) -> int:
    """Σ over column gaps of (dependencies spanning the gap)², columns by longest path.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph (any directed acyclic graph).

    Returns
    -------
    int
        The estimate; 0 for a graph without steps.

    Examples
    --------
    >>> import networkx as nx
    >>> layout_crossings(nx.DiGraph([("a", "b"), ("b", "c")]))
    2
    """
    rank: dict[str, int] = {}
    for node in topological_order(graph):
        rank[node] = max((rank[source] + 1 for source in graph.pred[node]), default=0)
    if not rank:
        return 0
    change = [0] * (max(rank.values()) + 2)
    for source, target in graph.edges:
        change[rank[source]] += 1
        change[rank[target]] -= 1
    spanning = total = 0
    for delta in change:
        spanning += delta
        total += spanning * spanning
    return total


def too_dense_for_dot(graph: nx.DiGraph[str]) -> bool:
    """Whether :func:`layout_crossings` exceeds the cap.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph.

    Returns
    -------
    bool
        True above :data:`~lifeevents.model.limits.MAX_LAYOUT_CROSSINGS`.

    Examples
    --------
    >>> import networkx as nx
    >>> too_dense_for_dot(nx.DiGraph([("a", "b"), ("b", "c"), ("a", "c")]))
    False
    """
    return layout_crossings(graph) > MAX_LAYOUT_CROSSINGS
