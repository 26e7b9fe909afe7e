"""Topological order of plain adjacency data, with no graph library.

The journey graph is a networkx graph, but the checks that run on every
``lifeevents validate`` work on plain lists and dicts: importing networkx takes
longer than validating a typical journey. These functions serve both.

>>> order_of(["b", "a", "c"], {"b": ["c"], "a": ["c"]})
['b', 'a', 'c']
>>> order_of(["a", "b"], {"a": ["b"], "b": ["a"]}) is None
True
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence

__all__ = ["is_acyclic", "order_of"]


def order_of(nodes: Sequence[str], successors: Mapping[str, Iterable[str]]) -> list[str] | None:
    """A topological order of ``nodes`` in which their position breaks ties.

    Kahn's algorithm over integer ranks: of the nodes whose predecessors are all
    placed, the earliest in ``nodes`` comes next. The same input always gives the
    same order, so maps and reports are reproducible.

    Parameters
    ----------
    nodes : sequence of str
        Every node, in the order that breaks ties (for journeys: file order).
    successors : mapping of str to iterable of str
        The nodes each node must come before. Every successor must be one of
        ``nodes``; a node without an entry has none.

    Returns
    -------
    list of str or None
        The nodes in order, or ``None`` when the edges form a cycle.

    See Also
    --------
    lifeevents.graph.journey.topological_order : the same for a networkx graph.

    Examples
    --------
    ``b`` comes before ``a`` in ``nodes``, so it comes first:

    >>> order_of(["b", "a", "c"], {"b": ["c"], "a": ["c"]})
    ['b', 'a', 'c']
    >>> order_of(["a", "b"], {"a": ["b"], "b": ["a"]}) is None
    True
    """
    rank = {node: index for index, node in enumerate(nodes)}
    waiting = [0] * len(nodes)
    for node in nodes:
        for successor in successors.get(node, ()):
            waiting[rank[successor]] += 1
    ready = [index for index, count in enumerate(waiting) if count == 0]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        node = nodes[heapq.heappop(ready)]
        order.append(node)
        for successor in successors.get(node, ()):
            index = rank[successor]
            waiting[index] -= 1
            if waiting[index] == 0:
                heapq.heappush(ready, index)
    return order if len(order) == len(nodes) else None


def is_acyclic(nodes: Iterable[str], edges: Iterable[tuple[str, str]]) -> bool:
    """Whether ``edges`` between ``nodes`` form no cycle.

    Parameters
    ----------
    nodes : iterable of str
        Every node (repeats are ignored).
    edges : iterable of (str, str)
        ``(source, target)`` pairs between ``nodes``.

    Returns
    -------
    bool
        ``True`` when some order puts every source before its target.

    Examples
    --------
    >>> is_acyclic("abc", [("a", "b"), ("b", "c")]), is_acyclic("ab", [("a", "b"), ("b", "a")])
    (True, False)
    """
    successors: dict[str, list[str]] = {}
    for source, target in edges:
        successors.setdefault(source, []).append(target)
    return order_of(list(dict.fromkeys(nodes)), successors) is not None
