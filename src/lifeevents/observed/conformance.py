"""Conformance per case: an event log checked against the journey as designed.

Each case is checked against the journey instantiated for its persona and
municipality (from the log's columns, or given for all cases). An event belongs
to a step when its activity maps to an applicable step (see
:func:`~lifeevents.observed.mapping.step_lookup`); a step *happened* at its first
event. Per case:

- ``visits_made``: distinct (site, day) pairs over events whose channel (the
  log's column, else the step's chosen channel) is physical; the site is the
  log's column, else the step's site. ``visits_minimum`` is rule 5's minimum of
  the case's journey, ``extra_visits`` the difference (negative when the citizen
  went fewer times, e.g. online or skipping a visit step).
- ``skipped``: applicable steps without an event; ``unknown_activities``: the
  activities of events that map to no applicable step.
- ``out_of_order``: dependency edges ``u -> v`` where ``v`` happened strictly
  before ``u`` (both happened).
- ``deadline_missed``: steps with ``deadline_days`` that happened later than that
  many days after day 0 (the case's event date, else the day of its first event).
- gaps: per dependency edge whose two steps happened, the days from ``u`` to
  ``v``, next to ``lead_time_days(u)``.

A case *conforms* when nothing is skipped, unknown, out of order or late and it
needed no more visits than the minimum.

Every check is a vectorised pass over numpy arrays: a (cases x steps) table of
first times, then one column operation per edge; no Python loop runs per event.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lifeevents.errors import InputError
from lifeevents.observed.log import CHANNELS, NO_DAY, EventLog, require_engine

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pandas as pd

    from lifeevents.graph.journey import Journey
    from lifeevents.model.life_event import LifeEvent
    from lifeevents.model.region import Region

__all__ = ["Conformance", "conform"]

_DAY = 86_400


@dataclass(frozen=True, eq=False)
class Conformance:
    """The checks of every case, as arrays (row = case in the log's order).

    Step columns follow ``steps`` (the life event's steps in file order), edge
    columns ``edges`` (every dependency edge of any case's journey).
    """

    log: EventLog
    life_event_id: str
    steps: list[str]
    edges: list[tuple[str, str]]
    lead_time_days: npt.NDArray[np.int64]
    journeys: list[Journey]
    case_journey: npt.NDArray[np.int64]
    events: npt.NDArray[np.int64]
    visits_made: npt.NDArray[np.int64]
    visits_minimum: npt.NDArray[np.int64]
    skipped: npt.NDArray[np.bool_]
    out_of_order: npt.NDArray[np.bool_]
    deadline_missed: npt.NDArray[np.bool_]
    edge_observed: npt.NDArray[np.bool_]
    gap_days: npt.NDArray[np.int64]
    unknown_start: npt.NDArray[np.int64]
    unknown_activity: npt.NDArray[np.int64]
    step_channels: npt.NDArray[np.int64]

    @property
    def extra_visits(self) -> npt.NDArray[np.int64]:
        return self.visits_made - self.visits_minimum

    @property
    def unknown_count(self) -> npt.NDArray[np.int64]:
        """Distinct unknown activities per case."""
        import numpy as np

        return np.asarray(np.diff(self.unknown_start), dtype=np.int64)

    @property
    def conforming(self) -> npt.NDArray[np.bool_]:
        import numpy as np

        return np.asarray(
            (self.extra_visits <= 0)
            & ~self.skipped.any(axis=1)
            & ~self.out_of_order.any(axis=1)
            & ~self.deadline_missed.any(axis=1)
            & (self.unknown_count == 0)
        )

    def case(self, row: int) -> dict[str, Any]:
        """The result of one case, as in ``per_case`` of the JSON output."""
        return next(self.per_case(row, row + 1))

    def per_case(self, start: int = 0, stop: int | None = None) -> Iterator[dict[str, Any]]:
        """Each case's result: ``case, persona, municipality, events, visits_made,
        visits_minimum, extra_visits, skipped, unknown_activities, out_of_order,
        deadline_missed, gaps, conforming``."""
        stop = self.log.cases if stop is None else stop
        steps, edges, lead = self.steps, self.edges, self.lead_time_days.tolist()
        activities = self.log.activities
        conforming = self.conforming.tolist()
        made, minimum = self.visits_made.tolist(), self.visits_minimum.tolist()
        events = self.events.tolist()
        unknown_start, unknown = self.unknown_start.tolist(), self.unknown_activity.tolist()
        for row in range(start, stop):
            trip = self.journeys[int(self.case_journey[row])]
            skipped = self.skipped[row].nonzero()[0].tolist()
            late = self.deadline_missed[row].nonzero()[0].tolist()
            disorder = self.out_of_order[row].nonzero()[0].tolist()
            observed = self.edge_observed[row].nonzero()[0].tolist()
            gaps = self.gap_days[row].tolist()
            yield {
                "case": self.log.case_ids[row],
                "persona": trip.persona_id,
                "municipality": trip.municipality,
                "events": events[row],
                "visits_made": made[row],
                "visits_minimum": minimum[row],
                "extra_visits": made[row] - minimum[row],
                "skipped": [steps[i] for i in skipped],
                "unknown_activities": sorted(
                    activities[i] for i in unknown[unknown_start[row] : unknown_start[row + 1]]
                ),
                "out_of_order": [{"from": edges[j][0], "to": edges[j][1]} for j in disorder],
                "deadline_missed": [steps[i] for i in late],
                "gaps": [
                    {
                        "from": edges[j][0],
                        "to": edges[j][1],
                        "days": gaps[j],
                        "lead_time_days": lead[j],
                    }
                    for j in observed
                ],
                "conforming": conforming[row],
            }

    def to_frame(self) -> pd.DataFrame:
        """One row per case (a pandas DataFrame); lists stay lists, gaps are left out."""
        import pandas as pd

        rows = list(self.per_case())
        for row in rows:
            del row["gaps"]
            row["out_of_order"] = [f"{item['from']}>{item['to']}" for item in row["out_of_order"]]
        return pd.DataFrame(rows)


def conform(
    log: EventLog,
    life_event: LifeEvent,
    *,
    mapping: Mapping[str, str] | None = None,
    persona: str | None = None,
    municipality: str | None = None,
    origin: str | None = None,
    region: Region | None = None,
) -> Conformance:
    """Check every case of ``log`` against ``life_event``.

    ``persona`` and ``municipality``, when given, hold for every case; otherwise
    each case's come from the log's columns (the persona ``default`` and the
    region's default municipality when the log has none). Raises a located
    :class:`InputError` for a persona or municipality in the log that the journey
    does not know.
    """
    require_engine()
    import numpy as np

    from lifeevents.observed.mapping import step_lookup

    journeys, case_journey = _journeys(log, life_event, persona, municipality, origin, region)
    steps = [step.id for step in life_event.steps]
    position = {step: index for index, step in enumerate(steps)}
    n_steps, n_cases, n_journeys = len(steps), log.cases, len(journeys)

    # Per journey: which steps apply, their chosen channel, site, and the edges.
    sites = list(log.sites)
    site_code = {name: code for code, name in enumerate(sites)}
    applicable = np.zeros((n_journeys, n_steps), dtype=bool)
    chosen = np.full((n_journeys, n_steps), -1, dtype=np.int64)
    step_site = np.full((n_journeys, n_steps), -1, dtype=np.int64)
    edge_index: dict[tuple[str, str], int] = {}
    edge_sets: list[list[int]] = []
    minimum = np.zeros(n_journeys, dtype=np.int64)
    from lifeevents.analysis.visits import visits

    for number, trip in enumerate(journeys):
        graph = trip.graph
        for node, attributes in graph.nodes(data=True):
            i = position[node]
            applicable[number, i] = True
            chosen[number, i] = CHANNELS.index(attributes["channel"])
            step_site[number, i] = site_code.setdefault(attributes["site"], len(site_code))
        edge_sets.append([edge_index.setdefault(edge, len(edge_index)) for edge in graph.edges()])
        minimum[number] = visits(graph).minimum
    if "" not in site_code:
        site_code[""] = len(site_code)
    unknown_site = site_code[""]
    edges = list(edge_index)
    n_edges = len(edges)
    edge_present = np.zeros((n_journeys, n_edges), dtype=bool)
    for number, members in enumerate(edge_sets):
        edge_present[number, members] = True
    source = np.array([position[u] for u, _ in edges], dtype=np.int64)
    target = np.array([position[v] for _, v in edges], dtype=np.int64)
    lead = np.array([step.lead_time_days for step in life_event.steps], dtype=np.int64)
    deadline = np.array(
        [-1 if step.deadline_days is None else step.deadline_days for step in life_event.steps],
        dtype=np.int64,
    )

    # Events: their case's journey, their step (-1: none applicable).
    case, time = log.case, log.time
    journey_of_event = case_journey[case]
    lookup = np.array([*step_lookup(life_event, log.activities, mapping or {}), -1])
    step = lookup[log.activity]
    known = step >= 0
    step_clipped = np.where(known, step, 0)
    mapped = known & applicable[journey_of_event, step_clipped]
    step = np.where(mapped, step, -1)

    # The first time of each (case, step).
    never = np.iinfo(np.int64).max
    flat = np.full(n_cases * n_steps, never, dtype=np.int64)
    np.minimum.at(flat, case[mapped] * n_steps + step[mapped], time[mapped])
    first = flat.reshape(n_cases, n_steps)
    done = first != never
    day = np.where(done, first // _DAY, 0)
    skipped = applicable[case_journey] & ~done

    present = edge_present[case_journey]
    observed = present & done[:, source] & done[:, target]
    out_of_order = observed & (first[:, target] < first[:, source])
    gap_days = np.where(observed, day[:, target] - day[:, source], 0)

    start = np.full(n_cases, never, dtype=np.int64)
    np.minimum.at(start, case, time)
    day0 = start // _DAY
    if log.event_day is not None:
        day0 = np.where(log.event_day != NO_DAY, log.event_day, day0)
    deadline_missed = done & (deadline >= 0) & (day - day0[:, None] > deadline)

    # Visits: distinct (case, site, day) over physical events.
    physical_channel = np.array([channel.is_physical for channel in CHANNELS])
    channel_used = np.where(mapped, chosen[journey_of_event, np.where(mapped, step, 0)], -1)
    if log.channel is not None:
        channel_used = np.where(log.channel >= 0, log.channel, channel_used)
    physical = (channel_used >= 0) & physical_channel[np.maximum(channel_used, 0)]
    event_site = np.where(
        mapped, step_site[journey_of_event, np.where(mapped, step, 0)], unknown_site
    )
    if log.site is not None:
        event_site = np.where(log.site >= 0, log.site, event_site)
    event_day = time // _DAY
    first_day = int(event_day.min()) if len(event_day) else 0
    span = int(event_day.max()) - first_day + 1 if len(event_day) else 1
    trips = np.unique(
        (case[physical] * len(site_code) + event_site[physical]) * span
        + event_day[physical]
        - first_day
    )
    visits_made = np.bincount(trips // (len(site_code) * span), minlength=n_cases)

    # Unknown activities: distinct (case, activity) pairs, grouped by case.
    pairs = np.unique(case[~mapped] * len(log.activities) + log.activity[~mapped])
    unknown_case = pairs // max(len(log.activities), 1)
    unknown_start = np.searchsorted(unknown_case, np.arange(n_cases + 1))

    with_channel = mapped & (channel_used >= 0)
    step_channels = np.bincount(
        step[with_channel] * len(CHANNELS) + channel_used[with_channel],
        minlength=n_steps * len(CHANNELS),
    ).reshape(n_steps, len(CHANNELS))

    return Conformance(
        log=log,
        life_event_id=life_event.id,
        steps=steps,
        edges=edges,
        lead_time_days=lead[source],
        journeys=journeys,
        case_journey=case_journey,
        events=np.bincount(case, minlength=n_cases),
        visits_made=np.asarray(visits_made, dtype=np.int64),
        visits_minimum=minimum[case_journey],
        skipped=skipped,
        out_of_order=out_of_order,
        deadline_missed=deadline_missed,
        edge_observed=observed,
        gap_days=gap_days,
        unknown_start=np.asarray(unknown_start, dtype=np.int64),
        unknown_activity=pairs % max(len(log.activities), 1),
        step_channels=step_channels,
    )


def _journeys(
    log: EventLog,
    life_event: LifeEvent,
    persona: str | None,
    municipality: str | None,
    origin: str | None,
    region: Region | None,
) -> tuple[list[Journey], npt.NDArray[np.int64]]:
    """The journey of each distinct (persona, municipality), and each case's number."""
    import numpy as np

    from lifeevents.errors import UnknownMunicipalityError
    from lifeevents.graph.journey import journey

    personas = log.persona if persona is None and log.persona is not None else None
    places = log.municipality if municipality is None and log.municipality is not None else None
    keys: dict[tuple[str, str | None], int] = {}
    case_journey = np.zeros(log.cases, dtype=np.int64)
    first_case: list[int] = []
    for row in range(log.cases):
        key = (
            (personas[row] if personas is not None else None) or persona or "default",
            (places[row] if places is not None else None) or municipality,
        )
        number = keys.get(key)
        if number is None:
            number = keys[key] = len(keys)
            first_case.append(row)
        case_journey[row] = number
    journeys: list[Journey] = []
    for (who, where), row in zip(keys, first_case, strict=True):
        event = int(np.flatnonzero(log.case == row)[0])
        if who not in life_event.persona_ids():
            if personas is None:
                raise KeyError(who)
            known = ", ".join(life_event.persona_ids())
            message = f"no persona '{who}' in journey '{life_event.id}'; personas: {known}"
            raise InputError([log.problem(event, "persona", message)])
        try:
            journeys.append(
                journey(life_event, who, municipality=where, origin=origin, region=region)
            )
        except UnknownMunicipalityError as error:
            if places is None or where is None or where == municipality:
                raise
            raise InputError([log.problem(event, "municipality", str(error))]) from None
    return journeys, case_journey
