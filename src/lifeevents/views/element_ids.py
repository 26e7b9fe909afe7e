"""Deterministic ids of map elements, shared by the renderers, the HTML page and tests.

Ids come from the position of a step in the journey graph (file order), never
from hashes or from the step id itself (which may hold any character), so two
renders of one input are byte-identical and every id is valid in SVG and HTML.

Examples
--------
>>> import networkx as nx
>>> ids = ElementIds(nx.DiGraph([("anmelden", "kfz")]))
>>> ids.step("kfz"), ids.edge("anmelden", "kfz")
('step-1', 'edge-0-1')
"""

from __future__ import annotations

import networkx as nx

__all__ = ["ElementIds"]


class ElementIds:
    """Element ids for one journey graph (make one per render).

    Parameters
    ----------
    graph : networkx.DiGraph
        The journey graph; its node order (file order) numbers the steps.

    Examples
    --------
    >>> import networkx as nx
    >>> ElementIds(nx.DiGraph([("a", "b")])).step("a")
    'step-0'
    """

    def __init__(self, graph: nx.DiGraph[str]) -> None:
        self._position = {node: index for index, node in enumerate(graph)}

    def step(self, node: str) -> str:
        """The id of a step's element, e.g. ``step-3``.

        Parameters
        ----------
        node : str
            A step id.

        Returns
        -------
        str
            ``step-N``, N the step's position in the graph.

        Examples
        --------
        >>> import networkx as nx
        >>> ElementIds(nx.DiGraph([("a", "b")])).step("b")
        'step-1'
        """
        return f"step-{self._position[node]}"

    def edge(self, source: str, target: str) -> str:
        """The id of a dependency's element, e.g. ``edge-3-7``.

        Parameters
        ----------
        source, target : str
            The step ids at both ends.

        Returns
        -------
        str
            ``edge-N-M``, N and M the steps' positions.

        Examples
        --------
        >>> import networkx as nx
        >>> ElementIds(nx.DiGraph([("a", "b")])).edge("a", "b")
        'edge-0-1'
        """
        return f"edge-{self._position[source]}-{self._position[target]}"
