"""The columns of a map, left to right: the life event's stages, or schedule days.

The blueprint and the Mermaid journey put the steps of a journey into these
columns (:func:`stage_columns`). The journey map shows the steps in the order
the citizen lives them (:func:`time_order`, on the days of :func:`plan_days`),
under the stage of each run of steps (:func:`time_columns`). Every map says
the day of a step in the same words (:func:`step_days`).

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> [(column.title, column.steps) for column in stage_columns(report, Wording.of(report))]
[('1 · Ummelden', ('anmelden', 'gebuehr')), ('2 · Danach', ('kfz', 'rundfunk'))]
"""

from __future__ import annotations

import heapq
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import networkx as nx

from lifeevents.analysis.report import Report
from lifeevents.graph.journey import topological_order
from lifeevents.views.wording import Wording

__all__ = [
    "STAGE_NUMBERS",
    "Column",
    "plan_days",
    "stage_columns",
    "step_days",
    "time_columns",
    "time_order",
]

#: The graph attribute of an excerpt that numbers its stages as in the whole journey.
STAGE_NUMBERS = "stage_numbers"


@dataclass(frozen=True)
class Column:
    """One column of a map: a stage (or a day, when the life event has no stages).

    Parameters
    ----------
    key : str
        The stage id, or ``day-N``.
    title : str
        The heading: ``1 · Vor der Geburt``, or ``Tag 3``.
    steps : tuple[str, ...]
        The steps of the column, in schedule order.

    Examples
    --------
    >>> Column("day-3", "Tag 3", ("b",)).title
    'Tag 3'
    """

    key: str
    title: str
    steps: tuple[str, ...]


def stage_columns(report: Report, wording: Wording) -> list[Column]:
    """The map's columns, left to right, each with its steps in schedule order.

    Columns are the life event's stages, then stages that only steps name. A
    step without a stage joins the stage of the step before it in the schedule
    (the first stage when none comes before). A life event without stages gets
    one column per schedule day.

    Parameters
    ----------
    report : Report
        The analysed journey.
    wording : Wording
        The words and names of the render (stage names, the word "day").

    Returns
    -------
    list[Column]
        The columns, left to right; a stage without applicable steps is kept, empty.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> life_event = loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Demo}
    ... authorities: {amt: {name: Amt, level: gemeinde}}
    ... steps:
    ...   - {id: a, name: A, authority: amt, channels: [mail], lead_time_days: 3}
    ...   - {id: b, name: B, authority: amt, channels: [mail], after: [a]}
    ... ''')
    >>> report = analyze(journey(life_event))
    >>> [(column.title, column.steps) for column in stage_columns(report, Wording.of(report))]
    [('Tag 0', ('a',)), ('Tag 3', ('b',))]
    """
    order = [entry.step for entry in report.schedule.steps]
    stages = _stages(report, order)
    if not stages:
        days: dict[int, list[str]] = {}
        for entry in report.schedule.steps:
            days.setdefault(entry.day, []).append(entry.step)
        return [
            Column(f"day-{day}", f"{wording.day} {day}", tuple(steps))
            for day, steps in sorted(days.items())
        ]
    members: dict[str, list[str]] = {stage: [] for stage in stages}
    for node, stage in _stage_of(report, stages).items():
        members[stage].append(node)
    titles = _stage_titles(report, stages, wording)
    return [Column(stage, titles[stage], tuple(members[stage])) for stage in stages]


def plan_days(report: Report) -> dict[str, int]:
    """The day each step is done when the citizen follows the minimum visit plan.

    A visit step is done on the day of its trip (``report.visits.plan``); every
    other step as early as rule 4 allows after the steps it depends on. Where no
    trip waits for another step this is the schedule's start day; it is never
    earlier (not even in an excerpt, whose steps may miss the ones they wait for).

    Parameters
    ----------
    report : Report
        The analysed journey.

    Returns
    -------
    dict[str, int]
        Days after the event, by step id; a step never comes before one it depends on
        (its day is at least theirs plus their lead time).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> plan_days(analyze(journey(loads(DEMO_YAML), "mit-auto")))
    {'anmelden': 0, 'gebuehr': 0, 'kfz': 0, 'rundfunk': 0}
    """
    graph = report.journey.graph
    start = {entry.step: entry.day for entry in report.schedule.steps}
    trip_day = {node: visit.day for visit in report.visits.plan for node in visit.steps}
    days: dict[str, int] = {}
    for node in topological_order(graph):
        earliest = max(
            [start[node]]
            + [days[u] + int(graph.nodes[u]["lead_time_days"]) for u in graph.pred[node]]
        )
        days[node] = max(earliest, trip_day.get(node, earliest))
    return days


def step_days(report: Report, wording: Wording, template: str = "") -> dict[str, tuple[str, ...]]:
    """The day of every step as every view says it (:meth:`Wording.step_day`).

    The day the step is done on in the visit plan (:func:`plan_days`); when that
    is later than its start day in the schedule, since when it could be done too.

    Parameters
    ----------
    report : Report
        The analysed journey.
    wording : Wording
        The words of the render.
    template : str, optional
        A catalogue entry with a ``{day}`` placeholder for the day, such as
        ``ab Tag {day}``; by default the day word and the number.

    Returns
    -------
    dict[str, tuple[str, ...]]
        By step id: the day, and the note when there is one (joined by a space,
        one text).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> step_days(report, Wording.of(report, "en"))["kfz"]
    ('Day 0',)

    A trip waits for its last step: the step that could go on day 0 waits for day 3.

    >>> report = analyze(journey(loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Demo}
    ... authorities: {amt: {name: Amt, level: gemeinde, site: rathaus}}
    ... steps:
    ...   - {id: a, name: A, authority: amt, channels: [in_person]}
    ...   - {id: b, name: B, authority: amt, channels: [mail], lead_time_days: 3}
    ...   - {id: c, name: C, authority: amt, channels: [in_person], after: [b]}
    ... ''')))
    >>> step_days(report, Wording.of(report))
    {'a': ('Tag 3', '(möglich ab Tag 0)'), 'b': ('Tag 0',), 'c': ('Tag 3',)}
    """
    start = {entry.step: entry.day for entry in report.schedule.steps}
    return {
        node: wording.step_day(day, start[node], template)
        for node, day in plan_days(report).items()
    }


def time_order(report: Report) -> tuple[str, ...]:
    """The steps left to right as the citizen lives them: by day, each day in stage order.

    Days never decrease from left to right (:func:`plan_days`). Within a day the
    steps stand in the order of their stages in the journey file, as far as two
    rules allow: no step stands left of a step it depends on, and the trips of
    the minimum visit plan follow one another in the plan's order, never mixed,
    so that the visits read 1, 2, 3, ... A step without a stage counts as the
    stage its stage column has (:func:`stage_columns`, the blueprint's). Among
    steps of one stage the tie-breaker is the number of
    its trip for a visit step; for any other step the smallest number of the
    trips of its day that wait for it (it comes before them), else after every
    trip of its day; then the file's dependency order.

    Parameters
    ----------
    report : Report
        The analysed journey.

    Returns
    -------
    tuple[str, ...]
        Every applicable step once.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> time_order(analyze(journey(loads(DEMO_YAML), "mit-auto")))
    ('anmelden', 'gebuehr', 'kfz', 'rundfunk')

    Two steps of day 0, the later stage first in the file, stand in stage order:

    >>> time_order(analyze(journey(loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Demo, stages: [vorher, nachher]}
    ... authorities: {amt: {name: Amt, level: gemeinde}}
    ... steps:
    ...   - {id: spaet, name: Spät, authority: amt, stage: nachher, channels: [mail]}
    ...   - {id: frueh, name: Früh, authority: amt, stage: vorher, channels: [mail]}
    ... '''))))
    ('frueh', 'spaet')
    """
    graph = report.journey.graph
    days = plan_days(report)
    trip = {node: number for number, visit in enumerate(report.visits.plan) for node in visit.steps}
    order = topological_order(graph)
    position = {node: index for index, node in enumerate(order)}
    rank: dict[str, float] = {}
    for node in reversed(order):
        rank[node] = min(
            [trip.get(node, math.inf)]
            + [rank[w] for w in graph.succ[node] if days[w] == days[node]]
        )
    stages = _stages(report, [entry.step for entry in report.schedule.steps])
    number = {stage: index for index, stage in enumerate(stages)}
    stage = {node: number[of] for node, of in _stage_of(report, stages).items()} if stages else {}
    key = {node: (stage.get(node, 0), rank[node], position[node]) for node in order}
    by_day: dict[int, list[str]] = {}
    for node in order:
        by_day.setdefault(days[node], []).append(node)
    return tuple(node for day in sorted(by_day) for node in _one_day(graph, by_day[day], trip, key))


def _one_day(
    graph: nx.DiGraph[str],
    steps: Sequence[str],
    trip: dict[str, int],
    key: dict[str, tuple[int, float, int]],
) -> list[str]:
    """The steps of one day, each as early by ``key`` as their dependencies of the day
    and the plan's order of the trips allow.

    Steps are taken one by one, the smallest ``key`` of those whose dependencies
    of the day are placed and that belong to no trip or to the next trip of the day.
    """
    members = set(steps)
    waiting = {node: sum(u in members for u in graph.pred[node]) for node in steps}
    # How many steps of each trip of the day are still to come, the trips in plan order.
    left = Counter(trip[node] for node in steps if node in trip)
    trips = sorted(left)
    # The ready steps: of no trip (-1), and of each trip.
    ready: dict[int, list[tuple[tuple[int, float, int], str]]] = {-1: []}
    ready.update((number, []) for number in trips)

    def make_ready(node: str) -> None:
        heapq.heappush(ready[trip.get(node, -1)], (key[node], node))

    for node in steps:
        if not waiting[node]:
            make_ready(node)
    lived: list[str] = []
    while len(lived) < len(steps):
        # Every trip a trip waits for comes before it in the plan: the steps of the next
        # trip of the day wait for no other trip, so one of them or a step of no trip is ready.
        heaps = [ready[-1], ready[trips[0]]] if trips else [ready[-1]]
        _, node = heapq.heappop(min((heap for heap in heaps if heap), key=lambda heap: heap[0]))
        lived.append(node)
        if node in trip:
            left[trip[node]] -= 1
            if not left[trip[node]]:
                trips.pop(0)
        for w in graph.succ[node]:
            if w in members:
                waiting[w] -= 1
                if not waiting[w]:
                    make_ready(w)
    return lived


def time_columns(report: Report, wording: Wording) -> list[Column]:
    """The steps in :func:`time_order`, in runs of one stage (of one day without stages).

    A step without a stage belongs to the stage of the step before it (the first
    stage when none comes before). A stage whose steps are interrupted by another
    stage appears once for each run; a stage without applicable steps does not
    appear.

    Parameters
    ----------
    report : Report
        The analysed journey.
    wording : Wording
        The words and names of the render (stage names, the word "day").

    Returns
    -------
    list[Column]
        The runs, left to right; together they hold every step once, in time order.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> [(column.title, column.steps) for column in time_columns(report, Wording.of(report))]
    [('1 · Ummelden', ('anmelden', 'gebuehr')), ('2 · Danach', ('kfz', 'rundfunk'))]
    """
    graph = report.journey.graph
    order = time_order(report)
    stages = _stages(report, order)
    runs: list[tuple[str, list[str]]] = []
    if not stages:
        days = plan_days(report)
        for node in order:
            key = f"day-{days[node]}"
            if not runs or runs[-1][0] != key:
                runs.append((key, []))
            runs[-1][1].append(node)
        return [
            Column(key, f"{wording.day} {key.removeprefix('day-')}", tuple(steps))
            for key, steps in runs
        ]
    current = stages[0]
    for node in order:
        current = graph.nodes[node]["stage"] or current
        if not runs or runs[-1][0] != current:
            runs.append((current, []))
        runs[-1][1].append(node)
    titles = _stage_titles(report, stages, wording)
    return [Column(stage, titles[stage], tuple(steps)) for stage, steps in runs]


def _stages(report: Report, order: Sequence[str]) -> list[str]:
    """The life event's stages, then any other stage its steps name, in ``order``."""
    graph = report.journey.graph
    stages = list(report.journey.life_event.life_event.stages)
    for node in order:
        stage = graph.nodes[node]["stage"]
        if stage is not None and stage not in stages:
            stages.append(stage)
    return stages


def _stage_of(report: Report, stages: Sequence[str]) -> dict[str, str]:
    """The stage of every step in schedule order: its own, else the one of the step
    before it in the schedule (the first stage when none comes before)."""
    graph = report.journey.graph
    current = stages[0]
    of: dict[str, str] = {}
    for entry in report.schedule.steps:
        current = graph.nodes[entry.step]["stage"] or current
        of[entry.step] = current
    return of


def _stage_titles(report: Report, stages: Sequence[str], wording: Wording) -> dict[str, str]:
    """Each stage's title, "number · name", numbered from 1 in ``stages``' order."""
    # A page of a printed map draws an excerpt of the journey (lifeevents.views.excerpt);
    # its stages keep the numbers they have in the whole journey.
    numbers: dict[str, int] = report.journey.graph.graph.get(STAGE_NUMBERS, {})
    return {
        stage: f"{numbers.get(stage, index)} · {wording.names.stage(stage)}"
        for index, stage in enumerate(stages, start=1)
    }
