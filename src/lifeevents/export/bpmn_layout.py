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
    """A rectangle in diagram coordinates (pixels, y down)."""

    x: int
    y: int
    width: int
    height: int

    @property
    def middle(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height // 2

    @property
    def left(self) -> tuple[int, int]:
        return self.x, self.y + self.height // 2

    @property
    def right(self) -> tuple[int, int]:
        return self.x + self.width, self.y + self.height // 2

    @property
    def top(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y

    @property
    def bottom(self) -> tuple[int, int]:
        return self.x + self.width // 2, self.y + self.height


@dataclass(frozen=True)
class Layout:
    """Boxes of the pools, lanes, steps, events and data objects of one diagram."""

    columns: dict[str, int]
    rows: dict[str, int]
    lanes: dict[str, Box]
    lane_of: dict[str, str]
    width: int

    @classmethod
    def of(
        cls, graph: nx.DiGraph[str], lane_of: Mapping[str, str], lane_order: Sequence[str]
    ) -> Layout:
        """Lay out ``graph``; ``lane_of`` maps each step to a lane key from ``lane_order``."""
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
        return max(self.columns.values(), default=0)

    @property
    def citizen_pool(self) -> Box:
        return Box(0, 0, self.width, CITIZEN_HEIGHT)

    @property
    def process_pool(self) -> Box:
        bottom = max((lane.y + lane.height for lane in self.lanes.values()), default=TOP + ROW)
        return Box(0, TOP, self.width, bottom - TOP)

    def lane(self, key: str) -> Box:
        return self.lanes[key]

    def task(self, node: str) -> Box:
        lane = self.lanes[self.lane_of[node]]
        x = POOL_LABEL + LANE_LABEL + MARGIN + self.columns[node] * COLUMN
        return Box(x, lane.y + MARGIN + self.rows[node] * ROW, TASK_WIDTH, TASK_HEIGHT)

    def event(self, lane_key: str, column: int) -> Box:
        lane = self.lanes[lane_key]
        x = POOL_LABEL + LANE_LABEL + MARGIN + column * COLUMN + (TASK_WIDTH - EVENT) // 2
        return Box(x, lane.y + MARGIN + (TASK_HEIGHT - EVENT) // 2, EVENT, EVENT)

    def data_object(self, node: str, index: int) -> Box:
        """The ``index``-th data object placed under the step ``node``."""
        task = self.task(node)
        return Box(task.x + index * DATA_GAP, task.y + TASK_HEIGHT + 12, DATA_WIDTH, DATA_HEIGHT)


def orthogonal(start: tuple[int, int], end: tuple[int, int]) -> list[tuple[int, int]]:
    """Waypoints from ``start`` to ``end`` with right angles, turning just before the end.

    >>> orthogonal((0, 0), (100, 50))
    [(0, 0), (80, 0), (80, 50), (100, 50)]
    >>> orthogonal((0, 5), (100, 5))
    [(0, 5), (100, 5)]
    """
    if start[1] == end[1]:
        return [start, end]
    turn = end[0] - MARGIN
    return [start, (turn, start[1]), (turn, end[1]), end]
