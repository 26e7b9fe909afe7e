"""One report that combines every analysis of a journey (``lifeevents analyze``).

:meth:`Report.to_dict` gives the machine-readable analysis of the spec, with at
least its keys and their meanings.

The Bürgerbüro and its cash desk share the town hall, so the demo's two visits
there could be one:

>>> from lifeevents import journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> report = analyze(journey(loads(DEMO_YAML)))
>>> report.visits.as_modelled, report.visits.minimum, report.visits.redundant
(2, 1, 1)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

# The analyses' inner functions take what analyze() reads from the graph once.
from lifeevents.analysis.handovers import (
    AuthorityHandover,
    ChannelHandover,
    MediaBreak,
    _authority_handovers,
    _channel_handovers,
    _media_breaks,
    edges_in_order,
)
from lifeevents.analysis.once_only import OnceOnlyViolation, _once_only_violations
from lifeevents.analysis.schedule import Schedule, _schedule
from lifeevents.analysis.shape import shape_of
from lifeevents.analysis.shares import _digital_share, _online_available_share
from lifeevents.analysis.validation import grouping_problem
from lifeevents.analysis.visits import (
    VisitsResult,
    modelled_grouping_problems,
    visits_of_nodes,
)
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
    """Every finding of spec rules 4-10 for one journey.

    Made by :func:`analyze`; it keeps the journey it was computed from, so that
    every output (text, maps, exports) can name steps and authorities.

    Attributes
    ----------
    journey : Journey
        The journey analysed (one life event, persona and place).
    visits : VisitsResult
        Visits as modelled, the minimum and a plan (rule 5).
    channel_handovers : tuple of ChannelHandover
        Dependencies whose steps use different channels (rule 6).
    media_breaks : tuple of MediaBreak
        Carried evidence moving between paper and digital (rule 7).
    authority_handovers : tuple of AuthorityHandover
        Carried evidence moving between authorities (rule 8).
    once_only_violations : tuple of OnceOnlyViolation
        Evidence the state holds that the citizen must hand over (rule 9).
    schedule : Schedule
        Start days, duration and deadlines at risk (rule 4).
    digital_share, online_available_share : float
        Shares of steps done digitally and offered online (rule 10).
    steps, authorities, crossing_levels : int
        Applicable steps, distinct authorities, authority handovers across levels.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> report  # doctest: +NORMALIZE_WHITESPACE
    <Report 'demo' persona='mit-auto': 4 steps, visits 3 (minimum 2), 1 authority handovers,
     0 media breaks, 1 once-only violations>
    >>> report.steps, report.authorities, report.crossing_levels
    (4, 4, 1)

    :meth:`to_record` gives every figure under a stable key, the row of a data frame:

    >>> record = report.to_record()
    >>> record["visits.minimum"], record["once_only_violations"], record["digital_share"]
    (2, 1, 0.25)
    """

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
        """Number of authority handovers between different levels."""
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
    """Rule 5: a modelled grouping that is not feasible is an input error; locate each reason.

    Only the modelled ``visit`` groups are checked; the search for the fewest
    visits is not run.

    Parameters
    ----------
    trip : Journey
        The journey whose ``visit`` groups are checked.

    Returns
    -------
    list of Problem
        One per reason, located at the ``visit`` of the first step it names; empty
        when the modelled grouping is feasible.

    Examples
    --------
    The demo's visits are feasible:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> modelled_visit_problems(journey(loads(DEMO_YAML)))
    []

    Registering and paying cannot be one visit when the registration takes a day:

    >>> text = DEMO_YAML.replace("authority: amt,", "authority: amt, visit: termin, "
    ...                          "lead_time_days: 1,")
    >>> text = text.replace("authority: kasse,", "authority: kasse, visit: termin,")
    >>> trip = journey(loads(text, "umzug.yaml"))
    >>> print(modelled_visit_problems(trip)[0])  # doctest: +NORMALIZE_WHITESPACE
    umzug.yaml:13:85: persona 'default': visit grouping is not feasible: visit (anmelden,
    gebuehr): gebuehr needs anmelden, whose lead time of 1 days does not fit into one day
    """
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

    Parameters
    ----------
    trip : Journey
        A journey made by :func:`lifeevents.journey`.

    Returns
    -------
    Report
        Every figure and finding of spec rules 4-10.

    Raises
    ------
    InputError
        When the modelled visits are not a feasible grouping (spec rule 5), located
        in the journey file (see :func:`modelled_visit_problems`).
    CapExceededError
        When the exact search for the fewest visits exceeds its budget.
    TypeError
        When ``trip`` is not a :class:`~lifeevents.graph.journey.Journey`.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> report.visits.as_modelled, report.visits.minimum
    (3, 2)
    >>> [(item.source, item.target) for item in report.authority_handovers]
    [('anmelden', 'kfz')]
    >>> report.to_dict()["once_only_violations"]
    {'count': 1, 'items': [{'evidence': 'meldung', 'step': 'kfz', 'issued_by': 'amt'}]}
    """
    if not isinstance(trip, Journey):
        raise TypeError(
            f"analyze() needs a Journey, not {type(trip).__name__}; make one with "
            "lifeevents.journey(lifeevents.load('geburt'), 'default')"
        )
    with collection_paused():
        return _analyze(trip)


def _analyze(trip: Journey) -> Report:
    # One look at the graph for every analysis: its node data, adjacency and shape.
    graph = trip.graph
    nodes = dict(iter(graph.nodes(data=True)))
    succ = dict(graph.adjacency())
    shape = shape_of(succ)
    try:
        visit_result = visits_of_nodes(nodes, shape)
    except InfeasibleGroupingError:
        raise InputError(modelled_visit_problems(trip)) from None
    except VisitSearchBudgetError as error:
        raise CapExceededError([_at_steps(trip, str(error))]) from None
    edges = edges_in_order(succ, shape)
    data = list(nodes.values())
    return Report(
        journey=trip,
        visits=visit_result,
        channel_handovers=tuple(_channel_handovers(nodes, edges)),
        media_breaks=tuple(_media_breaks(nodes, edges)),
        authority_handovers=tuple(_authority_handovers(nodes, edges)),
        once_only_violations=tuple(
            _once_only_violations(graph.graph.get("evidence", {}), nodes.items())
        ),
        schedule=_schedule(nodes, shape),
        digital_share=_digital_share(data),
        online_available_share=_online_available_share(data),
    )
