"""The shape of a journey graph: its nodes, edges and their orders, worked out once per shape.

Every analysis walks the steps in a topological order and the dependencies in file
order. The journeys of one life event and persona have the same shape in every
municipality (only authorities and sites differ), so a study of a Kreis asks for the
same few shapes again and again: :func:`shape_of` works each out once and keeps it,
found again by the graph's adjacency (node ids and edges, in the graph's order).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lifeevents.model.order import order_of

__all__ = ["Shape", "shape_of"]

# At most this many shapes are kept; then they are forgotten and found again.
MAX_SHAPES = 4096
# Only shapes of at most this many steps are kept (a journey's size; larger graphs are
# rare and would make the kept shapes large).
KEEP_UP_TO = 1000


@dataclass(frozen=True, eq=False)
class Shape:
    """Nodes and edges of a journey graph with their orders (all ``None`` orders: a cycle).

    Attributes
    ----------
    nodes : tuple of str
        The nodes in the graph's order (file order).
    order : tuple of str or None
        A topological order, the graph's order breaking ties
        (:func:`~lifeevents.graph.journey.topological_order`); ``None`` for a cycle.
    by_id : tuple of str or None
        A topological order, ids breaking ties; ``None`` for a cycle.
    predecessors : dict of str to tuple of str
        Each node's predecessors.
    by_id_position : dict of str to int
        Each node's position in ``by_id`` (empty for a cycle).
    links : tuple of (tuple of tuple of int, tuple of tuple of int)
        Predecessors and successors of each node of ``by_id``, as sorted positions in
        ``by_id`` (empty for a cycle).
    edges : tuple of (str, str)
        Every edge, sources in the graph's order, each one's targets too.

    Examples
    --------
    >>> import networkx as nx
    >>> graph = nx.DiGraph([("b", "c"), ("a", "c"), ("b", "a")])
    >>> shape = shape_of(dict(graph.adjacency()))
    >>> shape.order, shape.by_id, shape.edges
    (('b', 'a', 'c'), ('b', 'a', 'c'), (('b', 'c'), ('b', 'a'), ('a', 'c')))
    >>> shape_of(dict(graph.adjacency())) is shape
    True
    """

    nodes: tuple[str, ...]
    order: tuple[str, ...] | None
    by_id: tuple[str, ...] | None
    predecessors: dict[str, tuple[str, ...]]
    by_id_position: dict[str, int]
    links: tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]]
    edges: tuple[tuple[str, str], ...]


_SHAPES: dict[tuple[tuple[str, tuple[str, ...]], ...], Shape] = {}


def shape_of(succ: Mapping[str, Iterable[str]]) -> Shape:
    """The shape of a graph given by its adjacency (``dict(graph.adjacency())``).

    Parameters
    ----------
    succ : mapping of str to iterable of str
        Every node, in the graph's order, with its successors (such as the graph's
        adjacency, whose values map successors to edge attributes).

    Returns
    -------
    Shape
        Worked out once for each adjacency (the same object for the same one).

    Examples
    --------
    >>> shape_of({"a": {"b": {}}, "b": {}}).order
    ('a', 'b')
    >>> shape_of({"a": {"b": {}}, "b": {"a": {}}}).order is None  # a cycle
    True
    """
    key = tuple([(node, tuple(targets)) for node, targets in succ.items()])
    found = _SHAPES.get(key)
    if found is None:
        found = _shape(key)
        if len(key) <= KEEP_UP_TO:
            if len(_SHAPES) >= MAX_SHAPES:
                _SHAPES.clear()
            _SHAPES[key] = found
    return found


def _shape(key: tuple[tuple[str, tuple[str, ...]], ...]) -> Shape:
    nodes = tuple(node for node, _ in key)
    succ = dict(key)
    predecessors: dict[str, list[str]] = {node: [] for node in nodes}
    for node, targets in key:
        for target in targets:
            predecessors[target].append(node)
    order = order_of(list(nodes), succ)
    by_id = order_of(sorted(nodes), succ)
    links: tuple[tuple[tuple[int, ...], ...], tuple[tuple[int, ...], ...]] = ((), ())
    position: dict[str, int] = {}
    if by_id is not None:
        position = {node: index for index, node in enumerate(by_id)}
        links = (
            tuple(tuple(sorted([position[p] for p in predecessors[node]])) for node in by_id),
            tuple(tuple(sorted([position[s] for s in succ[node]])) for node in by_id),
        )
    file_position = {node: index for index, node in enumerate(nodes)}
    edges = tuple(
        (source, target)
        for source, targets in key
        for target in (
            sorted(targets, key=file_position.__getitem__) if len(targets) > 1 else targets
        )
    )
    return Shape(
        nodes,
        None if order is None else tuple(order),
        None if by_id is None else tuple(by_id),
        {node: tuple(sources) for node, sources in predecessors.items()},
        position,
        links,
        edges,
    )
