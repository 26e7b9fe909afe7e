"""Yearly impact: the figures of every case of a year, today and with scenarios.

Each row of the cases file (:mod:`lifeevents.studies.cases`) is a journey (life
event, municipality, persona) taken ``cases`` times a year. Per case:

- ``visits``: visits as modelled (rule 5 of journey-format-v1);
- ``kreis_visits``: modelled visits at an authority of the Kreis level (the
  Kreishaus and its branch offices, the trips people most often call far);
- ``hours``: the sum of the applicable steps' ``duration_minutes`` plus
  ``travel_minutes`` per visit, in hours. A step without ``duration_minutes``
  counts 0 and is counted in ``steps_without_minutes``; lifeevents has no sourced
  travel time, so it is 0 unless you give one;
- ``authority_handovers``, ``media_breaks``, ``once_only_violations``: rules 7-9.

The yearly figure is the sum over the rows of cases × the per-case figure.
Scenarios are applied together, as in a sweep, so their combined effect is
measured, not the sum of their effects alone.

>>> from lifeevents.formats.journey_file import load
>>> from lifeevents.formats.scenario_file import load_scenario
>>> from lifeevents.studies.cases import read_cases_text
>>> cases = read_cases_text("life_event,municipality,cases\\ntodesfall,saerbeck,100\\n")
>>> impact = YearlyImpact(cases, {"todesfall": load("todesfall")})
>>> today = impact.totals()
>>> today.cases, today.once_only_violations
(100.0, 400.0)
>>> impact.totals([load_scenario("urkunden-direkt")]).once_only_violations
0.0
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, fields
from typing import Any

from lifeevents.analysis.report import Report
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.region import Region
from lifeevents.model.scenario import Scenario
from lifeevents.model.vocabulary import Level
from lifeevents.studies.backends import Backend, run_study
from lifeevents.studies.cases import AnnualCases, check_cases
from lifeevents.studies.plan import Group, Study

__all__ = ["YearlyImpact", "YearlyTotals", "impact_measure"]


@dataclass(frozen=True)
class YearlyTotals:
    """The figures of a year's cases (see the module for each definition).

    Totals add up with ``+``; :meth:`to_dict` gives them as plain data.

    Attributes
    ----------
    cases : float
        Cases a year.
    visits : float
        Visits as modelled, over every case.
    kreis_visits : float
        Of those, visits at an authority of the Kreis level.
    hours : float
        Citizen hours: step minutes plus travel minutes per visit.
    authority_handovers, media_breaks, once_only_violations : float
        The findings of rules 7-9, over every case.
    steps_without_minutes : float
        Steps counted as 0 minutes because they give no ``duration_minutes``.

    Examples
    --------
    >>> rheine = YearlyTotals(cases=10.0, visits=30.0)
    >>> greven = YearlyTotals(cases=5.0, visits=10.0)
    >>> both = rheine + greven
    >>> both.cases, both.visits, both.to_dict()["hours"]
    (15.0, 40.0, 0.0)
    """

    cases: float = 0.0
    visits: float = 0.0
    kreis_visits: float = 0.0
    hours: float = 0.0
    authority_handovers: float = 0.0
    media_breaks: float = 0.0
    once_only_violations: float = 0.0
    steps_without_minutes: float = 0.0

    def __add__(self, other: YearlyTotals) -> YearlyTotals:
        return YearlyTotals(
            *(getattr(self, f.name) + getattr(other, f.name) for f in fields(YearlyTotals))
        )

    def to_dict(self) -> dict[str, float]:
        return {f.name: getattr(self, f.name) for f in fields(YearlyTotals)}


def impact_measure(report: Report) -> dict[str, Any]:
    """The figures of one journey that a sweep's record lacks (a worker computes them).

    The :data:`~lifeevents.studies.plan.Measure` of the studies that
    :class:`YearlyImpact` runs.

    Parameters
    ----------
    report : Report
        One analysed journey.

    Returns
    -------
    dict
        ``impact.step_minutes`` (the applicable steps' ``duration_minutes``),
        ``impact.steps_without_minutes`` and ``impact.kreis_visits`` (modelled
        visits at a Kreis authority).

    Examples
    --------
    The demo journey gives no step a duration; the vehicle step is at the Kreis:

    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> impact_measure(analyze(journey(loads(DEMO_YAML), "mit-auto")))
    {'impact.step_minutes': 0, 'impact.steps_without_minutes': 4, 'impact.kreis_visits': 1}
    """
    graph = report.journey.graph
    steps = [data["step"] for _, data in graph.nodes(data=True)]
    kreis = sum(
        graph.nodes[group[0]]["authority"].level is Level.KREIS for group in report.visits.modelled
    )
    return {
        "impact.step_minutes": sum(step.duration_minutes or 0 for step in steps),
        "impact.steps_without_minutes": sum(step.duration_minutes is None for step in steps),
        "impact.kreis_visits": kreis,
    }


class YearlyImpact:
    """Yearly totals of a set of cases, with any set of scenarios applied.

    Each life event is analysed once per set of scenarios that applies to it; the
    results are kept, so asking again (as :func:`~lifeevents.studies.selection.recommend`
    does for thousands of sets) costs only a sum. :meth:`prepare` computes many sets
    in one run of the chosen backend.

    Parameters
    ----------
    cases : sequence of AnnualCases
        The cases of a year (:func:`~lifeevents.studies.cases.read_cases`).
    life_events : mapping of str to LifeEvent
        The journeys the cases name, by id.
    regions : mapping of str to Region, optional
        The regions by id (default: the built-in ones).
    travel_minutes : float
        Minutes of travel per visit for citizen hours (default 0: lifeevents has
        no sourced travel time).
    backend, client, workers
        Where the analyses run, as for :func:`~lifeevents.studies.backends.run_study`.

    Raises
    ------
    lifeevents.errors.InputError
        For cases that name an unknown life event, municipality or persona
        (:func:`~lifeevents.studies.cases.check_cases`).
    ValueError
        For negative ``travel_minutes``.

    Examples
    --------
    A year of made-up cases of the demo journey (it names no region, so the
    municipality is not checked), today and with the fee paid online:

    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.cases import read_cases_text
    >>> cases = read_cases_text("life_event,municipality,persona,cases\\n"
    ...                         "demo,musterstadt,default,30\\ndemo,musterstadt,mit-auto,10\\n")
    >>> impact = YearlyImpact(cases, {"demo": loads(DEMO_YAML)}, travel_minutes=30)
    >>> today = impact.totals()
    >>> today.visits, today.kreis_visits, today.hours
    (90.0, 10.0, 45.0)
    >>> online = loads_scenario("format: lifeevents-scenario/1\\nid: gebuehr-online\\n"
    ...                         "name: Gebühr online\\n"
    ...                         "changes: [{step: gebuehr, channels: [online]}]\\n")
    >>> impact.totals([online]).visits, impact.key("demo", [online])
    (50.0, ('demo', ('gebuehr-online',)))
    """

    def __init__(
        self,
        cases: Sequence[AnnualCases],
        life_events: Mapping[str, LifeEvent],
        *,
        regions: Mapping[str, Region] | None = None,
        travel_minutes: float = 0.0,
        backend: Backend = "serial",
        client: Any = None,
        workers: int | None = None,
    ) -> None:
        if regions is None:
            from lifeevents.formats.region_file import builtin_regions

            regions = builtin_regions()
        if travel_minutes < 0:
            raise ValueError(f"travel_minutes must be at least 0, not {travel_minutes}")
        check_cases(cases, life_events, regions)
        self.regions = regions
        self.travel_minutes = travel_minutes
        self._run = {"backend": backend, "client": client, "workers": workers}
        rows: dict[str, list[AnnualCases]] = {}
        for row in cases:
            rows.setdefault(row.life_event, []).append(row)
        self.life_events = {name: life_events[name] for name in rows}
        self._rows = rows
        self._groups: dict[tuple[str, tuple[str, ...]], YearlyTotals] = {}
        self._places: dict[tuple[str, tuple[str, ...]], dict[str, YearlyTotals]] = {}

    def key(self, life_event: str, scenarios: Iterable[Scenario]) -> tuple[str, tuple[str, ...]]:
        """Which analysis a life event needs with ``scenarios``: those that apply to it."""
        return (life_event, tuple(s.id for s in scenarios if s.applies(life_event)))

    def prepare(
        self, sets: Iterable[Sequence[Scenario]], life_events: Iterable[str] | None = None
    ) -> None:
        """Analyse, in one run, what the totals of each of ``sets`` need (for every life
        event of the cases, or only ``life_events``)."""
        names = list(self.life_events) if life_events is None else list(life_events)
        missing: dict[tuple[str, tuple[str, ...]], tuple[Scenario, ...]] = {}
        for scenarios in sets:
            for name in names:
                key = self.key(name, scenarios)
                if key not in self._groups and key not in missing:
                    missing[key] = tuple(s for s in scenarios if s.applies(name))
        if not missing:
            return
        groups = []
        for (name, _), applied in missing.items():
            life_event = self.life_events[name]
            region = self.regions.get(life_event.region) if life_event.region else None
            pairs = tuple((row.municipality, row.persona) for row in self._rows[name])
            groups.append(Group(life_event, applied, pairs, region))
        study = Study((), tuple(groups), None, self.regions, measure=impact_measure)
        results = run_study(study, **self._run)
        for key, records in zip(missing, results, strict=True):
            places: dict[str, YearlyTotals] = {}
            for row, record in zip(self._rows[key[0]], records, strict=True):
                places[row.municipality] = places.get(
                    row.municipality, YearlyTotals()
                ) + self._summed(row, record)
            self._places[key] = places
            self._groups[key] = sum(places.values(), YearlyTotals())

    def totals(
        self, scenarios: Sequence[Scenario] = (), life_events: Iterable[str] | None = None
    ) -> YearlyTotals:
        """The yearly figures with ``scenarios`` applied together (default: today)."""
        names = list(self.life_events) if life_events is None else list(life_events)
        self.prepare([scenarios], names)
        total = YearlyTotals()
        for name in names:
            total += self._groups[self.key(name, scenarios)]
        return total

    def by_municipality(
        self, scenarios: Sequence[Scenario] = (), life_events: Iterable[str] | None = None
    ) -> dict[str, YearlyTotals]:
        """The yearly figures of each municipality with ``scenarios`` applied together.

        Parameters
        ----------
        scenarios : sequence of Scenario
            Applied together (default: none, today).
        life_events : iterable of str, optional
            Only these life events (default: every one of the cases).

        Returns
        -------
        dict of str to YearlyTotals
            By municipality id, in the order the cases name them first; they add up
            to :meth:`totals`.

        Examples
        --------
        >>> from lifeevents import loads
        >>> from lifeevents.library.demo import DEMO_YAML
        >>> from lifeevents.studies.cases import read_cases_text
        >>> cases = read_cases_text("life_event,municipality,persona,cases\\n"
        ...                         "demo,musterstadt,mit-auto,10\\ndemo,seedorf,default,4\\n")
        >>> places = YearlyImpact(cases, {"demo": loads(DEMO_YAML)}).by_municipality()
        >>> {place: totals.visits for place, totals in places.items()}
        {'musterstadt': 30.0, 'seedorf': 8.0}
        """
        names = list(self.life_events) if life_events is None else list(life_events)
        self.prepare([scenarios], names)
        order = [row.municipality for name in names for row in self._rows[name]]
        places = {place: YearlyTotals() for place in dict.fromkeys(order)}
        for name in names:
            for place, totals in self._places[self.key(name, scenarios)].items():
                places[place] += totals
        return places

    def _summed(self, row: AnnualCases, record: Mapping[str, Any]) -> YearlyTotals:
        """The yearly figures of one row of the cases."""
        visits = record["visits.as_modelled"]
        minutes = record["impact.step_minutes"] + self.travel_minutes * visits
        n = row.cases
        return YearlyTotals(
            cases=n,
            visits=n * visits,
            kreis_visits=n * record["impact.kreis_visits"],
            hours=n * minutes / 60,
            authority_handovers=n * record["authority_handovers"],
            media_breaks=n * record["media_breaks"],
            once_only_violations=n * record["once_only_violations"],
            steps_without_minutes=n * record["impact.steps_without_minutes"],
        )
