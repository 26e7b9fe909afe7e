"""Coordinates for the BPMN diagram (BPMN DI): lanes as rows, dependency layers as columns.

Each step goes into the lane of its authority and into the column of its
longest chain of predecessors, so every sequence flow runs left to right. Steps
of one lane and column are stacked; below each step there is room for the data
objects it brings into the journey.

>>> import networkx as nx
>>> graph = nx.DiGraph([("a", "b"), ("a", "c")])
>>> layout = Layout.of(graph, {"a": "amt", "b": "amt", "c": "kasse"}, ["amt", "kasse"])
>>> layout.task("a").x < layout.task("b").x == layout.task("c").x
True
>>> layout.lane("kasse").y == layout.lane("amt").y + layout.lane("amt").height
True
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import networkx as nx

from lifeevents.graph.journey import topological_order

__all__ = ["Box", "Layout", "orthogonal"]

POOL_LABEL = 30
LANE_LABEL = 30
COLUMN = 170
ROW = 150
TASK_WIDTH, TASK_HEIGHT = 100, 80
EVENT = 36
DATA_WIDTH, DATA_HEIGHT, DATA_GAP = 36, 50, 42
CITIZEN_HEIGHT = 80
GAP = 40
TOP = CITIZEN_HEIGHT + GAP
MARGIN = 20


@dataclass(frozen=True)
class Box:
    """A rectangle in diagram coordinates (pixels, y down).

    Attributes
    ----------
    x, y : int
        The top left corner.
    width, height : int
        The size.
    middle, left, right, top, bottom : tuple of int
        The centre and the middle of each side, where flows start and end.

    Examples
    --------
    >>> task = Box(250, 140, 100, 80)
    >>> task.left, task.right, task.bottom
    ((250, 180), (350, 180), (300, 220))
    """

    x: int
    y: int
    width: int
    height: int

    @property
    def middle(self) -> tuple[int, int]:
        """The centre."""
        return self.x + self.width // 2, self.y + self.height // 2

    @property
    def left(self) -> tuple[int, int]:
        """The middle of the left side."""
        return self.x, self.y + self.height // 2

    @property
    def right(self) -> tuple[int, int]:
        """The middle of the right side."""
        return self.x + self.width, self.y + self.height // 2

    @property
    def top(self) -> tuple[int, int]:
        """The middle of the top side."""
        return self.x + self.width // 2, self.y

    @property
    def bottom(self) -> tuple[int, int]:
        """The middle of the bottom side."""
        return self.x + self.width // 2, self.y + self.height


@dataclass(frozen=True)
class Layout:
    """Boxes of the pools, lanes, steps, events and data objects of one diagram.

    Attributes
    ----------
    columns : dict
        Step -> column: 1 + the longest chain of predecessors (column 0 holds the
        start event).
    rows : dict
        Step -> row within its lane and column (steps of one lane and column stack).
    lanes : dict
        Lane key -> its :class:`Box`, top to bottom in the order given.
    lane_of : dict
        Step -> lane key.
    width : int
        The width of the diagram.

    See Also
    --------
    Layout.of : lays out a graph.

    Examples
    --------
    The demo journey with one lane per authority; registering comes first, the
    other steps all depend on it:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> graph = journey(loads(DEMO_YAML), "mit-auto").graph
    >>> lane_of = {node: graph.nodes[node]["authority"].id for node in graph}
    >>> layout = Layout.of(graph, lane_of, ["kreis", "amt", "kasse", "beitrag"])
    >>> layout.columns
    {'anmelden': 1, 'gebuehr': 2, 'kfz': 2, 'rundfunk': 2}
    >>> layout.task("anmelden"), layout.task("kfz")
    (Box(x=250, y=290, width=100, height=80), Box(x=420, y=140, width=100, height=80))
    >>> kreis, amt = layout.lane("kreis"), layout.lane("amt")
    >>> amt.y == kreis.y + kreis.height, kreis.y > layout.citizen_pool.height
    (True, True)
    """

    columns: dict[str, int]
    rows: dict[str, int]
    lanes: dict[str, Box]
    lane_of: dict[str, str]
    width: int

    @classmethod
    def of(
        cls, graph: nx.DiGraph[str], lane_of: Mapping[str, str], lane_order: Sequence[str]
    ) -> Layout:
        """Lay out ``graph``; ``lane_of`` maps each step to a lane key from ``lane_order``.

        Parameters
        ----------
        graph : networkx.DiGraph
            An acyclic graph of steps.
        lane_of : mapping
            Step -> lane key.
        lane_order : sequence of str
            The lane keys, top to bottom.

        Returns
        -------
        Layout
            Columns by longest chain of predecessors, so every flow runs left to right.

        Examples
        --------
        >>> import networkx as nx
        >>> graph = nx.DiGraph([("a", "b"), ("a", "c")])
        >>> layout = Layout.of(graph, {"a": "amt", "b": "amt", "c": "amt"}, ["amt"])
        >>> layout.columns, layout.rows
        ({'a': 1, 'b': 2, 'c': 2}, {'a': 0, 'b': 0, 'c': 1})
        """
        columns: dict[str, int] = {}
        for node in topological_order(graph):
            columns[node] = 1 + max((columns[p] for p in graph.pred[node]), default=0)
        rows: dict[str, int] = {}
        used: dict[tuple[str, int], int] = {}
        for node in graph:
            slot = (lane_of[node], columns[node])
            rows[node] = used.get(slot, 0)
            used[slot] = rows[node] + 1
        last = max(columns.values(), default=0)
        width = LANE_LABEL + POOL_LABEL + MARGIN + (last + 2) * COLUMN
        lanes: dict[str, Box] = {}
        y = TOP
        for key in lane_order:
            height = ROW * max(
                (count for (lane, _), count in used.items() if lane == key), default=1
            )
            lanes[key] = Box(POOL_LABEL, y, width - POOL_LABEL, height)
            y += height
        return cls(columns, rows, lanes, dict(lane_of), width)

    @property
    def last_column(self) -> int:
        """The column of the last steps (0 for none)."""
        return max(self.columns.values(), default=0)

    @property
    def citizen_pool(self) -> Box:
        """The collapsed pool of the citizen, above the process."""
        return Box(0, 0, self.width, CITIZEN_HEIGHT)

    @property
    def process_pool(self) -> Box:
        """The pool of the journey's process, around every lane."""
        bottom = max((lane.y + lane.height for lane in self.lanes.values()), default=TOP + ROW)
        return Box(0, TOP, self.width, bottom - TOP)

    def lane(self, key: str) -> Box:
        """The lane ``key``."""
        return self.lanes[key]

    def task(self, node: str) -> Box:
        """The task of the step ``node``: its lane, column and row."""
        lane = self.lanes[self.lane_of[node]]
        x = POOL_LABEL + LANE_LABEL + MARGIN + self.columns[node] * COLUMN
        return Box(x, lane.y + MARGIN + self.rows[node] * ROW, TASK_WIDTH, TASK_HEIGHT)

    def event(self, lane_key: str, column: int) -> Box:
        """A start or end event in lane ``lane_key`` and ``column``."""
        lane = self.lanes[lane_key]
        x = POOL_LABEL + LANE_LABEL + MARGIN + column * COLUMN + (TASK_WIDTH - EVENT) // 2
        return Box(x, lane.y + MARGIN + (TASK_HEIGHT - EVENT) // 2, EVENT, EVENT)

    def data_object(self, node: str, index: int) -> Box:
        """The ``index``-th data object placed under the step ``node``."""
        task = self.task(node)
        return Box(task.x + index * DATA_GAP, task.y + TASK_HEIGHT + 12, DATA_WIDTH, DATA_HEIGHT)


def orthogonal(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    """Waypoints from ``start`` to ``end`` with right angles, turning just before the end.

    Parameters
    ----------
    start, end : tuple of int
        The points the flow leaves and reaches (a box's right and left side).

    Returns
    -------
    list of tuple of int
        The waypoints, ``start`` and ``end`` included.

    Examples
    --------
    >>> orthogonal((0, 0), (100, 50))
    [(0, 0), (80, 0), (80, 50), (100, 50)]
    >>> orthogonal((0, 5), (100, 5))
    [(0, 5), (100, 5)]
    """
    if start[1] == end[1]:
        return [start, end]
    turn = end[0] - MARGIN
    return [start, (turn, start[1]), (turn, end[1]), end]
