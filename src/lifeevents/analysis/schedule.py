"""Schedule and deadlines (spec rule 4).

``start(v)`` is the latest ``start(u) + lead_time_days(u)`` over the
dependencies ``u -> v`` (0 without any); the duration is the latest
``start(v) + lead_time_days(v)``; a step is at risk when it cannot start by its
``deadline_days``.

>>> import networkx as nx
>>> graph = nx.DiGraph()
>>> graph.add_node("a", lead_time_days=3, deadline_days=None)
>>> graph.add_node("b", lead_time_days=1, deadline_days=2)
>>> graph.add_edge("a", "b")
>>> start_days(graph)
{'a': 0, 'b': 3}
>>> duration_days(graph)
4
>>> deadlines_at_risk(graph)
['b']
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

from lifeevents.analysis.shape import Shape, shape_of
from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.vocabulary import Channel

__all__ = [
    "Schedule",
    "ScheduledStep",
    "deadlines_at_risk",
    "duration_days",
    "schedule",
    "start_days",
]


def start_days(graph: nx.DiGraph[str], order: list[str] | None = None) -> dict[str, int]:
    """The start day of every step by rule 4, in topological order.

    A step starts on the latest day one of its predecessors' outputs exist
    (``start(u) + lead_time_days(u)``), day 0 without predecessors.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph: every node carries ``lead_time_days``.
    order : list of str, optional
        A topological order of ``graph`` computed before (default: computed here).

    Returns
    -------
    dict
        Step id -> start day (days after the event), in topological order.

    See Also
    --------
    schedule : start days, duration and deadlines together.

    Examples
    --------
    When someone needs care, the assessment waits 14 days for the application,
    the decision 7 more for the assessment:

    >>> from lifeevents import journey, load
    >>> start_days(journey(load("pflegefall")).graph)  # doctest: +NORMALIZE_WHITESPACE
    {'pflegeberatung': 0, 'pflegegrad-beantragen': 0, 'md-begutachtung': 14,
     'pflegegrad-bescheid': 21, 'pflegehilfsmittel': 28}
    """
    # Plain mappings: a lookup through networkx's views is a Python call.
    return _start_days(dict(iter(graph.nodes(data=True))), shape_of(dict(graph.adjacency())), order)


def _start_days(
    nodes: Mapping[str, Mapping[str, Any]], shape: Shape, order: Sequence[str] | None = None
) -> dict[str, int]:
    if order is None:
        order = _order(shape)
    predecessors = shape.predecessors
    start: dict[str, int] = {}
    for node in order:
        start[node] = max(
            (start[source] + nodes[source]["lead_time_days"] for source in predecessors[node]),
            default=0,
        )
    return start


def _order(shape: Shape) -> tuple[str, ...]:
    if shape.order is None:
        raise nx.NetworkXUnfeasible("the graph has a cycle")
    return shape.order


def duration_days(graph: nx.DiGraph[str], start: dict[str, int] | None = None) -> int:
    """Days from the event until every step's outputs exist (0 for an empty journey).

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph: every node carries ``lead_time_days``.
    start : dict, optional
        The :func:`start_days` of ``graph``, if computed before.

    Returns
    -------
    int
        The latest ``start(v) + lead_time_days(v)`` over all steps.

    Examples
    --------
    The care aids, applied for on day 28, take 14 days:

    >>> from lifeevents import journey, load
    >>> duration_days(journey(load("pflegefall")).graph)
    42
    """
    start = start if start is not None else start_days(graph)
    return max(
        (day + graph.nodes[node]["lead_time_days"] for node, day in start.items()), default=0
    )


def deadlines_at_risk(graph: nx.DiGraph[str], start: dict[str, int] | None = None) -> list[str]:
    """Steps that cannot start by their ``deadline_days``, in topological order.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph: every node carries ``lead_time_days`` and may carry
        ``deadline_days`` (``None``: no deadline).
    start : dict, optional
        The :func:`start_days` of ``graph``, if computed before.

    Returns
    -------
    list of str
        The ids of the steps whose earliest start day is later than their deadline.

    Examples
    --------
    The built-in journeys meet their deadlines; here a certificate takes three days,
    but the step that needs it is due on day 2:

    >>> import networkx as nx
    >>> graph = nx.DiGraph()
    >>> graph.add_node("bescheinigung", lead_time_days=3, deadline_days=None)
    >>> graph.add_node("antrag", lead_time_days=0, deadline_days=2)
    >>> graph.add_edge("bescheinigung", "antrag")
    >>> deadlines_at_risk(graph)
    ['antrag']
    """
    start = start if start is not None else start_days(graph)
    return [
        node
        for node, day in start.items()
        if graph.nodes[node].get("deadline_days") is not None
        and day > graph.nodes[node]["deadline_days"]
    ]


@dataclass(frozen=True)
class ScheduledStep:
    """One applicable step with where, how and on which day it happens.

    Attributes
    ----------
    step : str
        The step id.
    name : str
        The step's name (German, as in the journey file).
    authority : ResolvedAuthority
        The authority that does it, as resolved for the journey.
    channel : Channel
        The channel chosen for the persona.
    day : int
        The start day by rule 4 (days after the event).

    Examples
    --------
    >>> from lifeevents import journey, load
    >>> entry = schedule(journey(load("pflegefall")).graph).steps[3]
    >>> entry.name, entry.authority.name, entry.day
    ('Bescheid über den Pflegegrad erhalten', 'Pflegekasse', 21)
    >>> entry.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'step': 'pflegegrad-bescheid', 'authority': 'pflegekasse', 'authority_name': 'Pflegekasse',
     'level': 'sozialversicherung', 'site': 'pflegekasse', 'channel': 'mail', 'day': 21}
    """

    step: str
    name: str
    authority: ResolvedAuthority
    channel: Channel
    day: int

    def to_dict(self) -> dict[str, Any]:
        """The entry as in ``schedule`` of the machine-readable analysis."""
        return {
            "step": self.step,
            "authority": self.authority.id,
            "authority_name": self.authority.name,
            "level": self.authority.level.value,
            "site": self.authority.site,
            "channel": self.channel.value,
            "day": self.day,
        }


@dataclass(frozen=True)
class Schedule:
    """Rule 4 for a whole journey: when each step starts, how long it all takes, what is late.

    Attributes
    ----------
    steps : tuple of ScheduledStep
        Every applicable step, by start day, then in dependency order.
    duration_days : int
        Days from the event until every step's outputs exist.
    deadlines_at_risk : tuple of str
        The steps that cannot start by their ``deadline_days``.

    See Also
    --------
    schedule : builds one from a journey graph.

    Examples
    --------
    >>> from lifeevents import journey, load
    >>> timing = schedule(journey(load("pflegefall")).graph)
    >>> timing.duration_days, timing.deadlines_at_risk, timing.day("md-begutachtung")
    (42, (), 14)
    >>> [entry.step for entry in timing.steps][:2]
    ['pflegeberatung', 'pflegegrad-beantragen']
    """

    steps: tuple[ScheduledStep, ...]
    duration_days: int
    deadlines_at_risk: tuple[str, ...]

    def day(self, step_id: str) -> int:
        """The start day of a step (``KeyError`` for a step not in the schedule)."""
        return self._days[step_id]

    @functools.cached_property
    def _days(self) -> dict[str, int]:
        # Built on first use: findings ask for many steps' days (a scan each was quadratic).
        return {entry.step: entry.day for entry in self.steps}

    def to_dict(self) -> dict[str, Any]:
        """``duration_days``, ``deadlines_at_risk`` and ``schedule``, as in the analysis."""
        return {
            "duration_days": self.duration_days,
            "deadlines_at_risk": list(self.deadlines_at_risk),
            "schedule": [entry.to_dict() for entry in self.steps],
        }


def schedule(graph: nx.DiGraph[str]) -> Schedule:
    """Start days, duration and deadlines at risk; steps sorted by day, then dependency order.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph (:attr:`Journey.graph <lifeevents.graph.journey.Journey.graph>`).

    Returns
    -------
    Schedule
        Rule 4 for the whole journey.

    Examples
    --------
    Nothing in the demo journey takes time, so everything can happen on day 0:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> timing = schedule(journey(loads(DEMO_YAML), "mit-auto").graph)
    >>> [(entry.step, entry.day) for entry in timing.steps]
    [('anmelden', 0), ('gebuehr', 0), ('kfz', 0), ('rundfunk', 0)]
    >>> timing.duration_days
    0
    """
    return _schedule(dict(iter(graph.nodes(data=True))), shape_of(dict(graph.adjacency())))


def _schedule(nodes: Mapping[str, Mapping[str, Any]], shape: Shape) -> Schedule:
    """:func:`schedule` of the graph's node data and shape (``analyze`` has both)."""
    order = _order(shape)
    start = _start_days(nodes, shape, order)
    entries = sorted(
        (
            ScheduledStep(
                step=node,
                name=nodes[node]["name"],
                authority=nodes[node]["authority"],
                channel=nodes[node]["channel"],
                day=start[node],
            )
            for node in order
        ),
        key=lambda entry: entry.day,
    )
    return Schedule(
        steps=tuple(entries),
        duration_days=max(
            (day + nodes[node]["lead_time_days"] for node, day in start.items()), default=0
        ),
        deadlines_at_risk=tuple(
            node
            for node, day in start.items()
            if nodes[node].get("deadline_days") is not None and day > nodes[node]["deadline_days"]
        ),
    )
