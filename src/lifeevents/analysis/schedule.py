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
from dataclasses import dataclass
from typing import Any

import networkx as nx

from lifeevents.graph.journey import topological_order
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
    """The start day of every step by rule 4, in topological order."""
    # Plain mappings (the reverse view's adjacency holds the predecessors): a lookup
    # through networkx's views is a Python call, and this loop makes one per edge.
    nodes = dict(iter(graph.nodes(data=True)))
    predecessors = dict(graph.reverse(copy=False).adjacency())
    start: dict[str, int] = {}
    for node in order if order is not None else topological_order(graph):
        start[node] = max(
            (start[source] + nodes[source]["lead_time_days"] for source in predecessors[node]),
            default=0,
        )
    return start


def duration_days(graph: nx.DiGraph[str], start: dict[str, int] | None = None) -> int:
    """Days from the event until every step's outputs exist (0 for an empty journey)."""
    start = start if start is not None else start_days(graph)
    return max(
        (day + graph.nodes[node]["lead_time_days"] for node, day in start.items()), default=0
    )


def deadlines_at_risk(graph: nx.DiGraph[str], start: dict[str, int] | None = None) -> list[str]:
    """Steps that cannot start by their ``deadline_days``, in topological order."""
    start = start if start is not None else start_days(graph)
    return [
        node
        for node, day in start.items()
        if graph.nodes[node].get("deadline_days") is not None
        and day > graph.nodes[node]["deadline_days"]
    ]


@dataclass(frozen=True)
class ScheduledStep:
    """One applicable step with where, how and on which day it happens."""

    step: str
    name: str
    authority: ResolvedAuthority
    channel: Channel
    day: int

    def to_dict(self) -> dict[str, Any]:
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
    """Rule 4 for a whole journey."""

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
        return {
            "duration_days": self.duration_days,
            "deadlines_at_risk": list(self.deadlines_at_risk),
            "schedule": [entry.to_dict() for entry in self.steps],
        }


def schedule(graph: nx.DiGraph[str]) -> Schedule:
    """Start days, duration and deadlines at risk; steps sorted by day, then dependency order."""
    order = topological_order(graph)
    start = start_days(graph, order)
    nodes = dict(iter(graph.nodes(data=True)))
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
        duration_days=duration_days(graph, start),
        deadlines_at_risk=tuple(deadlines_at_risk(graph, start)),
    )
