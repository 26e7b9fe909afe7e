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
    """A topological order in which the position in ``nodes`` breaks ties, or ``None``
    when the edges form a cycle (Kahn's algorithm over integer ranks).

    Every successor must be one of ``nodes``; a node without an entry in
    ``successors`` has none.
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

    >>> is_acyclic("abc", [("a", "b"), ("b", "c")]), is_acyclic("ab", [("a", "b"), ("b", "a")])
    (True, False)
    """
    successors: dict[str, list[str]] = {}
    for source, target in edges:
        successors.setdefault(source, []).append(target)
    return order_of(list(dict.fromkeys(nodes)), successors) is not None
