"""One report that combines every analysis of a journey (``lifeevents analyze``).

:meth:`Report.to_dict` gives the machine-readable analysis of the spec, with at
least its keys and their meanings.

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.graph.journey import journey
>>> life_event = loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Demo}
... authorities:
...   amt: {name: Bürgerbüro, level: gemeinde, site: rathaus}
...   kasse: {name: Kasse, level: gemeinde, site: rathaus}
... steps:
...   - {id: anmelden, name: Anmelden, authority: amt, channels: [in_person]}
...   - {id: zahlen, name: Zahlen, authority: kasse, channels: [in_person], after: [anmelden]}
... ''')
>>> report = analyze(journey(life_event))
>>> report.visits.as_modelled, report.visits.minimum, report.visits.redundant
(2, 1, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lifeevents.analysis.handovers import (
    AuthorityHandover,
    ChannelHandover,
    MediaBreak,
    authority_handovers,
    channel_handovers,
    media_breaks,
)
from lifeevents.analysis.once_only import OnceOnlyViolation, once_only_violations
from lifeevents.analysis.schedule import Schedule, schedule
from lifeevents.analysis.shares import digital_share, online_available_share
from lifeevents.analysis.validation import grouping_problem
from lifeevents.analysis.visits import VisitsResult, modelled_grouping_problems, visits
from lifeevents.errors import (
    CapExceededError,
    InfeasibleGroupingError,
    InputError,
    VisitSearchBudgetError,
)
from lifeevents.formats.gc_pause import collection_paused
from lifeevents.graph.display import MimeBundle, mimebundle
from lifeevents.graph.journey import Journey
from lifeevents.model.problems import Problem

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["Report", "analyze", "modelled_visit_problems"]


@dataclass(frozen=True, eq=False)
class Report:
    """Every finding of spec rules 4-10 for one journey."""

    journey: Journey
    visits: VisitsResult
    channel_handovers: tuple[ChannelHandover, ...]
    media_breaks: tuple[MediaBreak, ...]
    authority_handovers: tuple[AuthorityHandover, ...]
    once_only_violations: tuple[OnceOnlyViolation, ...]
    schedule: Schedule
    digital_share: float
    online_available_share: float

    @property
    def steps(self) -> int:
        """Number of applicable steps."""
        return self.journey.graph.number_of_nodes()

    @property
    def authorities(self) -> int:
        """Number of distinct (resolved) authorities of applicable steps."""
        return len({data["authority"].id for _, data in self.journey.graph.nodes(data=True)})

    @property
    def crossing_levels(self) -> int:
        return sum(handover.crosses_levels for handover in self.authority_handovers)

    def to_dict(self) -> dict[str, Any]:
        """The machine-readable analysis (spec: ``lifeevents analyze --format json``)."""
        timing = self.schedule.to_dict()
        return {
            "life_event": self.journey.life_event.id,
            "persona": self.journey.persona_id,
            "municipality": self.journey.municipality,
            "origin": self.journey.origin,
            "event_place": self.journey.event_place,
            "steps": self.steps,
            "authorities": self.authorities,
            "visits": dict(self.visits.to_dict()),
            "channel_handovers": _counted(self.channel_handovers),
            "media_breaks": _counted(self.media_breaks),
            "authority_handovers": {
                "count": len(self.authority_handovers),
                "crossing_levels": self.crossing_levels,
                "items": [item.to_dict() for item in self.authority_handovers],
            },
            "once_only_violations": _counted(self.once_only_violations),
            "duration_days": timing["duration_days"],
            "deadlines_at_risk": timing["deadlines_at_risk"],
            "digital_share": self.digital_share,
            "online_available_share": self.online_available_share,
            "schedule": timing["schedule"],
        }

    def to_record(self) -> dict[str, int | float | bool]:
        """Every figure as one flat mapping with stable keys: the row of a data frame.

        The keys follow :meth:`to_dict` (``visits.minimum`` for ``visits`` →
        ``minimum``); lists become their length. Which journey it is (life event,
        persona, places) is not part of the record: a study puts that in its own
        columns.
        """
        visits = self.visits
        return {
            "steps": self.steps,
            "authorities": self.authorities,
            "visits.as_modelled": visits.as_modelled,
            "visits.minimum": visits.minimum,
            "visits.redundant": visits.redundant,
            "visits.avoidable": visits.avoidable,
            "visits.minimum_exact": visits.minimum_exact,
            "channel_handovers": len(self.channel_handovers),
            "media_breaks": len(self.media_breaks),
            "authority_handovers": len(self.authority_handovers),
            "authority_handovers.crossing_levels": self.crossing_levels,
            "once_only_violations": len(self.once_only_violations),
            "duration_days": self.schedule.duration_days,
            "deadlines_at_risk": len(self.schedule.deadlines_at_risk),
            "digital_share": self.digital_share,
            "online_available_share": self.online_available_share,
        }

    def to_frame(self) -> pd.DataFrame:
        """The schedule as a :class:`pandas.DataFrame`, one row per step (needs pandas);
        the findings: :func:`lifeevents.analysis.frames.findings_frames`."""
        from lifeevents.analysis.frames import schedule_frame

        return schedule_frame(self)

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> MimeBundle:
        """Jupyter shows the figures as an HTML table with the map, and the text report."""
        return mimebundle(self, include, exclude)

    def __repr__(self) -> str:
        return (
            f"<Report {self.journey.life_event.id!r} persona={self.journey.persona_id!r}: "
            f"{self.steps} steps, visits {self.visits.as_modelled} (minimum "
            f"{self.visits.minimum}), {len(self.authority_handovers)} authority handovers, "
            f"{len(self.media_breaks)} media breaks, "
            f"{len(self.once_only_violations)} once-only violations>"
        )


def _counted(items: tuple[Any, ...]) -> dict[str, Any]:
    return {"count": len(items), "items": [item.to_dict() for item in items]}


def modelled_visit_problems(trip: Journey) -> list[Problem]:
    """Rule 5: a modelled grouping that is not feasible is an input error; locate each reason."""
    # Only the modelled grouping is checked: the search for the fewest visits is not needed.
    return [
        grouping_problem(trip.life_event, trip.persona_id, reason)
        for reason in modelled_grouping_problems(trip.graph)
    ]


def _at_steps(trip: Journey, reason: str) -> Problem:
    """A problem of the journey as a whole, located at its ``steps:`` key."""
    message = f"persona '{trip.persona_id}': {reason}"
    source = trip.life_event.source
    if source is None:
        return Problem(f"<{trip.life_event.id}>", 1, 1, message)
    return source.problem(("steps",), message)


def analyze(trip: Journey) -> Report:
    """Run every analysis of the spec on a journey.

    Raises :class:`~lifeevents.errors.InputError` when the modelled visits
    are not a feasible grouping (spec rule 5).
    """
    if not isinstance(trip, Journey):
        raise TypeError(
            f"analyze() needs a Journey, not {type(trip).__name__}; make one with "
            "lifeevents.journey(lifeevents.load('geburt'), 'default')"
        )
    with collection_paused():
        return _analyze(trip)


def _analyze(trip: Journey) -> Report:
    graph = trip.graph
    try:
        visit_result = visits(graph)
    except InfeasibleGroupingError:
        raise InputError(modelled_visit_problems(trip)) from None
    except VisitSearchBudgetError as error:
        raise CapExceededError([_at_steps(trip, str(error))]) from None
    return Report(
        journey=trip,
        visits=visit_result,
        channel_handovers=tuple(channel_handovers(graph)),
        media_breaks=tuple(media_breaks(graph)),
        authority_handovers=tuple(authority_handovers(graph)),
        once_only_violations=tuple(once_only_violations(graph)),
        schedule=schedule(graph),
        digital_share=digital_share(graph),
        online_available_share=online_available_share(graph),
    )
