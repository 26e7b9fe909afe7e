"""The rank layout of a blueprint: which rank (position across the map) each step gets.

Each column (a stage, or a range of schedule days) is an interval of ranks,
and a step never stands left of a step it depends on. Within these bounds the
ranks keep every edge as short as they can: :func:`ranks` solves ``dot``'s own
ranking problem plus the columns, a linear program, through its dual (a
min-cost flow, :func:`networkx.network_simplex`). ``dot`` then gets the ranks as
fixed (``rank=same`` groups) and only orders the steps within each rank.

Examples
--------
>>> import networkx as nx
>>> rank, starts, last = ranks(nx.DiGraph([("a", "b")]), {"a": 0, "b": 0}, 1)
>>> rank, starts, last
({'a': 2, 'b': 3}, [2], 4)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import networkx as nx

from lifeevents.analysis.report import Report
from lifeevents.views.blueprint.extent import (
    DEFAULT_MARGINS,
    FIT_AREA,
    Margins,
    Size,
    fitted_scale,
    stack_height,
    stacks,
)
from lifeevents.views.columns import stage_columns
from lifeevents.views.wording import Wording

# FIT_AREA is re-exported: the screen :func:`spread` fits the map to.
__all__ = ["FIT_AREA", "MAX_DAY_COLUMNS", "Grid", "grid", "ranks", "spread"]

#: More schedule days than this become columns of day ranges ("Tag 0–12").
MAX_DAY_COLUMNS = 12
# dot draws a dependency through one virtual node per rank it crosses, and the time
# to place them grows fast: the 1,000-step benchmark crosses 2,300 ranks with one
# column (1 s in dot), 14,000 with twelve (17 s). Day columns are halved in number
# until the crossings fit this budget; a journey's own stages are always kept.
_CROSSING_BUDGET = 4_000
# At most this many layouts are tried, each a linear program (milliseconds for a
# journey of people's lives).
_MAX_SOLVES = 40


@dataclass(frozen=True)
class Grid:
    """Column titles, the rank of every step, and the rank where each column starts.

    Rank 0 is the left margin, rank 1 holds the lane headers, steps start at
    rank 2, and ``last`` is the right margin.

    Parameters
    ----------
    titles : tuple[str, ...]
        Column titles, left to right: only columns that hold a step (a stage keeps
        its number from the journey file).
    rank : dict[str, int]
        The rank of every step.
    column_start : tuple[int, ...]
        The first rank of every column.
    last : int
        The rank of the right margin.

    Examples
    --------
    Made by :func:`grid`: the demo's two stages are two columns, the second
    starting at rank 4:

    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> layout = grid(report, Wording.of(report, "en"))
    >>> layout.titles, layout.column_start, layout.last
    (('1 · Ummelden', '2 · Danach'), (2, 4), 5)
    """

    titles: tuple[str, ...]
    rank: dict[str, int]
    column_start: tuple[int, ...]
    last: int


def grid(
    report: Report,
    wording: Wording,
    size: Size | None = None,
    margins: Margins = DEFAULT_MARGINS,
) -> Grid:
    """Columns and ranks of a blueprint: stages, or day ranges within the crossing budget.

    Parameters
    ----------
    report : Report
        The analysed journey.
    wording : Wording
        The words and names of the render (column titles).
    size : Callable[[str], tuple[float, float]], optional
        The estimated width and height of a step in points. When given, steps of
        one lane that would stack up in one rank are spread over more ranks as long
        as that lets the whole map fit a screen larger
        (:func:`spread`).
    margins : Margins, optional
        The estimated room the drawing needs besides its steps (for :func:`spread`).

    Returns
    -------
    Grid
        The column titles and the rank of every step; a stage without a step of
        this persona has no column (the others keep their numbers).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> layout = grid(report, Wording.of(report))
    >>> layout.titles, layout.rank
    (('1 · Ummelden', '2 · Danach'), {'anmelden': 2, 'gebuehr': 3, 'kfz': 4, 'rundfunk': 4})
    """
    graph = report.journey.graph
    order = report.journey.order()
    # A stage without a step of this persona gets no column; the others keep their numbers.
    columns = [column for column in stage_columns(report, wording) if column.steps]
    titles = [column.title for column in columns]
    wanted = {node: index for index, column in enumerate(columns) for node in column.steps}
    # stage_columns gives days only when neither the life event nor a step names a stage.
    by_day = not report.journey.life_event.life_event.stages and not any(
        data["stage"] for _, data in graph.nodes(data=True)
    )
    count = len(columns) if len(columns) <= MAX_DAY_COLUMNS else MAX_DAY_COLUMNS
    while True:
        if by_day and count < len(columns):
            titles, wanted = _day_ranges(report, wording, count)
        # A step never stands left of a step it depends on, whatever its stage says.
        column: dict[str, int] = {}
        for node in order:
            column[node] = max(
                [wanted.get(node, 0), *(column[source] for source in graph.pred[node])]
            )
        shown, column = _occupied(titles, column)
        if size is None:
            rank, starts, last = ranks(graph, column, len(shown))
        else:
            rank, starts, last = spread(graph, column, len(shown), size, margins)
        crossed = sum(rank[target] - rank[source] - 1 for source, target in graph.edges)
        if not by_day or count <= 1 or crossed <= _CROSSING_BUDGET:
            return Grid(tuple(shown), rank, tuple(starts), last)
        count = min(count, len(titles)) // 2


def _occupied(titles: list[str], column: dict[str, int]) -> tuple[list[str], dict[str, int]]:
    """Only the columns that hold a step (a step pushed right of its column may leave it empty)."""
    used = sorted(set(column.values()))
    position = {index: number for number, index in enumerate(used)}
    return [titles[index] for index in used], {
        node: position[index] for node, index in column.items()
    }


def _day_ranges(report: Report, wording: Wording, count: int) -> tuple[list[str], dict[str, int]]:
    """At most ``count`` columns of equally long day ranges (empty ones left out)."""
    days = {entry.step: entry.day for entry in report.schedule.steps}
    first, last = min(days.values()), max(days.values())
    width = -(-(last - first + 1) // count)
    bucket = {node: (day - first) // width for node, day in days.items()}
    used = sorted(set(bucket.values()))
    titles = [
        f"{wording.day} {first + index * width}–{min(last, first + index * width + width - 1)}"
        for index in used
    ]
    position = {index: number for number, index in enumerate(used)}
    return titles, {node: position[index] for node, index in bucket.items()}


def ranks(
    graph: nx.DiGraph[str],
    column: dict[str, int],
    columns: int,
    apart: Iterable[tuple[str, str]] = (),
) -> tuple[dict[str, int], list[int], int]:
    """Ranks with the least total edge length, each column an interval of ranks.

    This is ``dot``'s own ranking problem plus the columns: minimise the sum of
    ``x(v) - x(u)`` over the edges, subject to ``x(v) - x(u) >= 1`` and to
    ``b(c) <= x(v) < b(c + 1)`` for a step of column ``c`` (``b`` are the column
    starts). Long edges cost ``dot`` one virtual node per rank they cross, so
    shortest edges are fastest to draw. The linear program is solved through
    its dual, a min-cost flow (:func:`networkx.network_simplex`, about 0.2 s for
    1,000 steps); the ranks are then the potentials: shortest paths over the
    constraints, with each constraint that carries flow held tight.

    Parameters
    ----------
    graph : networkx.DiGraph
        The journey graph.
    column : dict[str, int]
        The column of every step, no step left of a step it depends on.
    columns : int
        The number of columns.
    apart : Iterable[tuple[str, str]], optional
        Pairs ``(u, v)`` of steps without a path between them that must still
        stand in different ranks, ``v`` right of ``u`` (see
        :func:`spread`); they do not count in the objective.

    Returns
    -------
    tuple[dict[str, int], list[int], int]
        The rank of every step, the first rank of every column, and the rank of
        the right margin (the first column starts at rank 2).

    Examples
    --------
    >>> import networkx as nx
    >>> graph = nx.DiGraph([("a", "b"), ("a", "c")])
    >>> ranks(graph, {"a": 0, "b": 1, "c": 0}, 2)
    ({'a': 2, 'b': 4, 'c': 3}, [2, 4], 5)
    """
    if not columns:
        return {}, [], 2
    nodes = list(graph)
    index = {node: number for number, node in enumerate(nodes)}
    start = len(nodes)  # b(c) is node start + c; b(columns) is the right margin

    # (tail, head, least difference, weight in the objective)
    constraints = [(index[u], index[v], 1, 1) for u, v in graph.edges]
    constraints.extend((index[u], index[v], 1, 0) for u, v in apart)
    for node in nodes:
        constraints.append((start + column[node], index[node], 0, 0))
        constraints.append((index[node], start + column[node] + 1, 1, 0))
    constraints.extend((start + c, start + c + 1, 1, 0) for c in range(columns))
    constraints.append((start, start + columns, 0, 1))  # keep the drawing narrow

    flow_graph: nx.DiGraph[int] = nx.DiGraph()
    flow_graph.add_nodes_from(range(start + columns + 1), demand=0)
    for tail, head, least, weight in constraints:
        flow_graph.nodes[head]["demand"] += weight
        flow_graph.nodes[tail]["demand"] -= weight
        if flow_graph.has_edge(tail, head):  # parallel constraints: the larger difference wins
            least = max(least, -flow_graph.edges[tail, head]["weight"])
        flow_graph.add_edge(tail, head, weight=-least)
    _, flow = nx.network_simplex(flow_graph)

    potentials: nx.DiGraph[int] = nx.DiGraph()
    source = start + columns + 1
    for tail, head, data in flow_graph.edges(data=True):
        potentials.add_edge(tail, head, weight=data["weight"])
        if flow[tail][head] > 0:
            potentials.add_edge(head, tail, weight=-data["weight"])
    potentials.add_edges_from(((source, node) for node in flow_graph), weight=0)
    lengths = nx.single_source_bellman_ford_path_length(potentials, source)
    distance = {node: int(length) for node, length in lengths.items()}
    offset = 2 + distance[start]  # the first column starts at rank 2
    rank = {node: offset - distance[index[node]] for node in nodes}
    starts = [offset - distance[start + c] for c in range(columns)]
    return rank, starts, offset - distance[start + columns]


def spread(
    graph: nx.DiGraph[str],
    column: dict[str, int],
    columns: int,
    size: Size,
    margins: Margins = DEFAULT_MARGINS,
) -> tuple[dict[str, int], list[int], int]:
    """:func:`ranks`, with the steps of a lane spread over more ranks where that fits better.

    Steps of one lane and one rank stand on top of each other and make their
    lane as tall as the stack; most journeys end in several independent steps
    of one stage, and the map grows much taller than a screen. So, greedily,
    the lane whose tallest stack, made lower, lets the estimated drawing fit
    :data:`FIT_AREA` at the largest scale gets that lower limit of height:
    each stack too high keeps the steps that fit under the limit (in the
    graph's order, the first always) and the others are kept apart from them
    (:func:`ranks`' ``apart``), to a rank further right, until no stack is
    higher. A limit of height, not of a number of steps, lets a tall step
    stand alone while two short ones share the next rank. This repeats while
    the scale grows.

    Parameters
    ----------
    graph : networkx.DiGraph
        The journey graph; every node has a ``level`` (its lane).
    column : dict[str, int]
        The column of every step, no step left of a step it depends on.
    columns : int
        The number of columns.
    size : Callable[[str], tuple[float, float]]
        The estimated width and height of a step, in points.
    margins : Margins, optional
        The estimated room the drawing needs besides its steps.

    Returns
    -------
    tuple[dict[str, int], list[int], int]
        As :func:`ranks`.

    Examples
    --------
    Three independent steps of one lane: side by side when the map is taller
    than wide, on top of each other when it is wider.

    >>> import networkx as nx
    >>> graph = nx.DiGraph()
    >>> graph.add_nodes_from("abc", level="gemeinde")
    >>> spread(graph, dict.fromkeys("abc", 0), 1, lambda node: (100, 400))[0]
    {'a': 2, 'b': 3, 'c': 4}
    >>> spread(graph, dict.fromkeys("abc", 0), 1, lambda node: (900, 40))[0]
    {'a': 2, 'b': 2, 'c': 2}

    A tall step alone, the two short ones together in the next rank:

    >>> tall = {"a": 300, "b": 140, "c": 140}
    >>> spread(graph, dict.fromkeys("abc", 0), 1, lambda node: (300, tall[node]))[0]
    {'a': 2, 'b': 3, 'c': 3}
    """
    order = {node: number for number, node in enumerate(graph)}
    best = ranks(graph, column, columns)
    best_scale = fitted_scale(graph, best[0], size, margins)
    limit = _heights(graph, best[0], size)
    budget = [_MAX_SOLVES - 1]
    while True:
        chosen: tuple[float, object, tuple[dict[str, int], list[int], int]]
        chosen = (best_scale, None, best)
        tallest = _heights(graph, best[0], size, several=True)
        for level in sorted(tallest, key=str):
            trial = {**limit, level: tallest[level] - 1.0}
            found = _limited(graph, column, columns, trial, (order, size), budget)
            scale = 0.0 if found is None else fitted_scale(graph, found[0], size, margins)
            if found is not None and scale > chosen[0]:
                chosen = (scale, level, found)
        if chosen[1] is None:
            return best
        best_scale, level, best = chosen
        limit[level] = tallest[level] - 1.0


def _limited(
    graph: nx.DiGraph[str],
    column: dict[str, int],
    columns: int,
    limit: dict[object, float],
    estimate: tuple[dict[str, int], Size],
    budget: list[int],
) -> tuple[dict[str, int], list[int], int] | None:
    """Ranks with no stack of several steps higher than its lane's limit; None past the budget.

    A stack too high keeps its first step and every next one that still fits
    under the limit; the others must stand right of all of them. Every new
    pair joins two steps of one rank, so no pair closes a cycle.
    """
    order, size = estimate
    apart: set[tuple[str, str]] = set()
    while budget[0] > 0:
        budget[0] -= 1
        result = ranks(graph, column, columns, sorted(apart))
        high = False
        for (level, _), stack in stacks(graph, result[0]).items():
            if len(stack) < 2 or stack_height(stack, size) <= limit[level]:
                continue
            high = True
            kept: list[str] = []
            moved: list[str] = []
            for node in sorted(stack, key=order.__getitem__):
                fits = not kept or stack_height([*kept, node], size) <= limit[level]
                (kept if fits else moved).append(node)
            apart.update((left, right) for left in kept for right in moved)
        if not high:
            return result
    return None


def _heights(
    graph: nx.DiGraph[str],
    rank: dict[str, int],
    size: Size,
    *,
    several: bool = False,
) -> dict[object, float]:
    """The height of each lane's tallest stack (only of lanes where it holds several steps)."""
    heights: dict[object, float] = {}
    found = stacks(graph, rank)
    for level, _ in found:
        tallest = max(
            (stack for (other, _), stack in found.items() if other == level),
            key=lambda stack: stack_height(stack, size),
        )
        if not several or len(tallest) > 1:
            heights[level] = stack_height(tallest, size)
    return heights
