"""A synthetic event log: a journey played for many cases, with planted deviations.

Each case starts on a random day of 2024 (its event date) and follows the
journey: the minimum visit plan's groups happen as one trip each (no two trips
to one site on one day), every other step on its own, each unit on the earliest
day its predecessors allow (rule 4) plus a random delay of up to
``Deviations.delay_days``. Then, with the probabilities in :class:`Deviations`,
at most one of each deviation is planted per case:

- ``late``: a step with a deadline happens 1-10 days after it (its
  descendants move by as much, so the order is kept);
- ``skip``: a step leaves no event;
- ``swap``: a step happens one second before its latest predecessor;
- ``channel``: a step is done through another channel it offers;
- ``extra_trip``: a visit step is repeated at its site on a later day;
- ``unknown``: an event whose activity belongs to no step.

The ground truth of every case is kept beside the log, in the shape of
``per_case`` of ``lifeevents conform --format json``: the planted skips, swaps
and unknown activities, and the visits and missed deadlines counted from the
events as written.

>>> from lifeevents import journey, load
>>> trip = journey(load("geburt"), "verheiratet-digital", municipality="rheine")
>>> log = simulate(trip, cases=3, seed=1)
>>> len(log.truth), log.rows[0][:2]
(3, ('1', 'Mutterschaftsgeld beantragen'))
"""

from __future__ import annotations

import csv
import io
import random
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import networkx as nx

from lifeevents.analysis.visits import visits
from lifeevents.graph.journey import Journey, topological_order
from lifeevents.model.vocabulary import Channel

__all__ = ["HEADER", "UNKNOWN_ACTIVITY", "Deviations", "SimulatedLog", "simulate"]

HEADER = (
    "case_id",
    "activity",
    "timestamp",
    "channel",
    "site",
    "persona",
    "municipality",
    "event_date",
)
#: The activity of planted unknown events.
UNKNOWN_ACTIVITY = "Rückfrage ohne Schritt"
_EPOCH = date(1970, 1, 1)
_DAY = 86_400
_MORNING = 8 * 3600


@dataclass(frozen=True)
class Deviations:
    """Probabilities (0-1) that a case gets each deviation, and the random delay."""

    skip: float = 0.0
    swap: float = 0.0
    extra_trip: float = 0.0
    channel: float = 0.0
    late: float = 0.0
    unknown: float = 0.0
    delay_days: int = 0

    def __post_init__(self) -> None:
        for name in ("skip", "swap", "extra_trip", "channel", "late", "unknown"):
            value = getattr(self, name)
            if not 0.0 <= value <= 1.0:
                raise ValueError(f"the probability of {name} must lie in [0, 1], not {value}")
        if self.delay_days < 0:
            raise ValueError("delay_days must be 0 or more")


@dataclass
class _Event:
    step: str | None
    time: int
    channel: Channel | None
    site: str


@dataclass(frozen=True)
class SimulatedLog:
    """The rows of the log (``HEADER`` order) and the ground truth of every case."""

    rows: list[tuple[str, ...]]
    truth: list[dict[str, Any]] = field(default_factory=list)

    def to_csv(self) -> str:
        """The log as CSV text with a header line."""
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(HEADER)
        writer.writerows(self.rows)
        return buffer.getvalue()


def simulate(
    trip: Journey,
    cases: int,
    seed: int,
    deviations: Deviations | None = None,
    *,
    activity: str = "name",
) -> SimulatedLog:
    """Play ``trip`` for ``cases`` cases; ``activity`` writes each step's ``name`` or ``id``."""
    if activity not in ("name", "id"):
        raise ValueError(f"activity must be 'name' or 'id', not {activity!r}")
    deviations = deviations or Deviations()
    rng = random.Random(seed)
    label = {
        step: step if activity == "id" else trip.graph.nodes[step]["name"] for step in trip.graph
    }
    plan = _Plan.of(trip)
    rows: list[tuple[str, ...]] = []
    truth: list[dict[str, Any]] = []
    for number in range(1, cases + 1):
        case = str(number)
        day0 = (date(2024, 1, 1) - _EPOCH).days + rng.randrange(366)
        events, planted = _play(plan, rng, deviations, day0)
        events.sort(key=lambda event: event.time)
        event_date = (_EPOCH + timedelta(days=day0)).isoformat()
        for event in events:
            moment = datetime(1970, 1, 1) + timedelta(seconds=event.time)
            rows.append(
                (
                    case,
                    label[event.step] if event.step else UNKNOWN_ACTIVITY,
                    moment.isoformat(),
                    event.channel.value if event.channel else "",
                    event.site,
                    trip.persona_id,
                    trip.municipality or "",
                    event_date,
                )
            )
        truth.append({"case": case, **_truth(plan, events, planted, day0)})
    return SimulatedLog(rows, truth)


@dataclass(frozen=True)
class _Plan:
    """What every case shares: units (a trip's steps, or one other step) in dependency order."""

    trip: Journey
    units: list[list[str]]
    is_trip: list[bool]
    minimum: int

    @classmethod
    def of(cls, trip: Journey) -> _Plan:
        graph = trip.graph
        result = visits(graph)
        unit_of: dict[str, int] = {}
        units: list[list[str]] = []
        for visit in result.plan:
            for step in visit.steps:
                unit_of[step] = len(units)
            units.append(list(visit.steps))
        is_trip = [True] * len(units)
        order = topological_order(graph)
        for step in order:
            if step not in unit_of:
                unit_of[step] = len(units)
                units.append([step])
                is_trip.append(False)
        contracted: nx.DiGraph[int] = nx.DiGraph()
        contracted.add_nodes_from(range(len(units)))
        contracted.add_edges_from(
            (unit_of[u], unit_of[v]) for u, v in graph.edges() if unit_of[u] != unit_of[v]
        )
        rank = {step: index for index, step in enumerate(order)}
        unit_order = [int(unit) for unit in nx.lexicographical_topological_sort(contracted)]
        return cls(
            trip=trip,
            units=[sorted(units[u], key=rank.__getitem__) for u in unit_order],
            is_trip=[is_trip[u] for u in unit_order],
            minimum=result.minimum,
        )


def _play(
    plan: _Plan, rng: random.Random, deviations: Deviations, day0: int
) -> tuple[list[_Event], dict[str, list[Any]]]:
    graph = plan.trip.graph
    nodes = graph.nodes
    day: dict[str, int] = {}
    time: dict[str, int] = {}
    used: set[tuple[str, int]] = set()
    clock = 0
    for members, is_trip in zip(plan.units, plan.is_trip, strict=True):
        ready = max(
            (
                day[u] + nodes[u]["lead_time_days"]
                for v in members
                for u in graph.pred[v]
                if u not in members
            ),
            default=day0,
        )
        when = ready + rng.randint(0, deviations.delay_days)
        site = nodes[members[0]]["site"]
        while is_trip and (site, when) in used:
            when += 1
        if is_trip:
            used.add((site, when))
        for step in members:
            day[step] = when
            clock += 60
            time[step] = when * _DAY + _MORNING + clock
    channel = {step: nodes[step]["channel"] for step in graph}
    planted: dict[str, list[Any]] = {"skipped": [], "out_of_order": [], "unknown": []}

    if rng.random() < deviations.late:
        candidates = [s for s in graph if nodes[s]["deadline_days"] is not None]
        if candidates:
            step = rng.choice(candidates)
            target = day0 + nodes[step]["deadline_days"] + rng.randint(1, 10)
            delta = target - day[step]
            if delta > 0:
                for moved in {step, *nx.descendants(graph, step)}:
                    day[moved] += delta
                    time[moved] += delta * _DAY
    present = set(graph)
    if rng.random() < deviations.skip and len(graph) > 1:
        step = rng.choice(list(graph))
        present.discard(step)
        planted["skipped"].append(step)
    if rng.random() < deviations.swap:
        # v moves just before its latest predecessor u: only u -> v is then out of order.
        pairs: list[tuple[str, str]] = []
        for later in graph:
            before = [u for u in graph.pred[later] if u in present]
            if later in present and before:
                pairs.append((max(before, key=time.__getitem__), later))
        if pairs:
            u, v = rng.choice(pairs)
            time[v] = time[u] - 1
            day[v] = time[v] // _DAY
            planted["out_of_order"].append((u, v))
    if rng.random() < deviations.channel:
        candidates = [s for s in present if len(nodes[s]["channels"]) > 1]
        if candidates:
            step = rng.choice(sorted(candidates))
            channel[step] = rng.choice([c for c in nodes[step]["channels"] if c != channel[step]])
    events = [_Event(s, time[s], channel[s], nodes[s]["site"]) for s in graph if s in present]
    last = max((event.time for event in events), default=day0 * _DAY) // _DAY
    if rng.random() < deviations.extra_trip:
        candidates = [s for s in sorted(present) if channel[s].is_physical]
        if candidates:
            step = rng.choice(candidates)
            again = (last + rng.randint(1, 5)) * _DAY + _MORNING + 30
            events.append(_Event(step, again, channel[step], nodes[step]["site"]))
    if rng.random() < deviations.unknown:
        moment = rng.choice(events).time + 15 if events else day0 * _DAY + _MORNING
        events.append(_Event(None, moment, Channel.PHONE, ""))
        planted["unknown"].append(UNKNOWN_ACTIVITY)
    return events, planted


def _truth(plan: _Plan, events: list[_Event], planted: dict[str, Any], day0: int) -> dict[str, Any]:
    graph = plan.trip.graph
    first: dict[str, int] = {}
    for event in events:
        if event.step is not None:
            first[event.step] = min(first.get(event.step, event.time), event.time)
    made = len(
        {
            (event.site, event.time // _DAY)
            for event in events
            if event.channel is not None and event.channel.is_physical
        }
    )
    late = [
        step
        for step in graph
        if step in first
        and graph.nodes[step]["deadline_days"] is not None
        and first[step] // _DAY - day0 > graph.nodes[step]["deadline_days"]
    ]
    return {
        "visits_made": made,
        "visits_minimum": plan.minimum,
        "extra_visits": made - plan.minimum,
        "skipped": list(planted["skipped"]),
        "unknown_activities": list(planted["unknown"]),
        "out_of_order": [{"from": u, "to": v} for u, v in planted["out_of_order"]],
        "deadline_missed": late,
    }
