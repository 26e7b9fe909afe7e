"""Full validation of a journey file: the loader's checks plus those that need a journey.

Some input errors only show once a persona is applied: a modelled ``visit``
group can be feasible for one persona and not for another (spec rule 5). This
module checks every persona of a file.
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from lifeevents.analysis.visits import modelled_grouping_problems_of_parts
from lifeevents.errors import CapExceededError, InputError, UnknownMunicipalityError
from lifeevents.formats.journey_file import Regions, check
from lifeevents.formats.region_file import builtin_regions
from lifeevents.graph.journey import Journey, journey_from_parts, journey_parts, site_pattern
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.limits import MAX_CHECK_STEPS, MAX_PERSONAS
from lifeevents.model.problems import CheckResult, Problem
from lifeevents.model.region import Region

__all__ = ["BuiltJourneys", "grouping_problem", "journey_problems", "validate"]


@dataclass
class BuiltJourneys:
    """Journeys that validating a file builds on the way, kept for a caller who goes on
    to analyse them (by persona and municipality); ``personas`` limits which are kept
    (``None``: all), since building a large journey's graph costs more than checking it."""

    personas: frozenset[str] | None = None
    journeys: dict[tuple[str, str | None], Journey] = field(default_factory=dict)

    def wants(self, persona: str) -> bool:
        return self.personas is None or persona in self.personas


def journey_problems(
    life_event: LifeEvent,
    region: Region | None = None,
    municipality: str | None = None,
    *,
    trips: BuiltJourneys | None = None,
) -> list[Problem]:
    """Problems that appear when the life event is instantiated for each of its personas.

    With a region, every municipality that can make a difference is tried unless
    ``municipality`` is given: a visit group may span two sites in one municipality
    and not in another. Rule 5 compares sites only for equality, so municipalities
    with the same site pattern (see :func:`~lifeevents.graph.journey.site_pattern`) give
    the same answer and only the first of them is tried; without ``visit:`` groups,
    one municipality suffices. The work is capped (see :mod:`lifeevents.model.limits`):
    too many personas, or personas × municipalities × steps above
    :data:`~lifeevents.model.limits.MAX_CHECK_STEPS`, is one located problem.

    ``trips``, when given, receives the journeys of the personas it wants, built on the
    way, so that a caller who goes on to analyse one need not build it again.
    """
    personas = life_event.persona_ids()
    if len(life_event.personas) > MAX_PERSONAS:
        return [
            _at(
                life_event,
                ("personas",),
                f"{len(life_event.personas):,} personas; a journey may have at most "
                f"{MAX_PERSONAS} "
                "(docs/command-line.md, caps): split the file, or merge personas that "
                "differ only in ways no step asks about",
            )
        ]
    places: list[str | None] = [municipality]
    if region is not None and municipality is None:
        places = _distinct_places(life_event, region)
    work = len(personas) * len(places) * len(life_event.steps)
    if work > MAX_CHECK_STEPS:
        return [
            _at(
                life_event,
                ("personas",) if life_event.personas else ("steps",),
                f"checking {len(personas)} personas in {len(places)} municipalities means "
                f"building {work:,} steps; at most {MAX_CHECK_STEPS:,} are checked "
                "(docs/command-line.md, caps): use fewer personas or fewer steps per file",
            )
        ]
    found: set[Problem] = set()
    for place in places:
        for persona in personas:
            try:
                parts = journey_parts(life_event, persona, municipality=place, region=region)
                keep = trips is not None and trips.wants(persona)
                if keep or not parts.is_acyclic:
                    trip = journey_from_parts(parts)  # locates a dependency cycle
                    if trips is not None and keep:
                        trips.journeys[persona, trip.municipality] = trip
                problems = [
                    grouping_problem(life_event, persona, reason)
                    for reason in modelled_grouping_problems_of_parts(parts)
                ]
            except CapExceededError as error:
                return sorted({*found, *error.problems})  # the next would hit the cap too
            except InputError as error:
                problems = list(error.problems)
            except UnknownMunicipalityError:
                break  # reported by the command that chose the municipality
            found.update(problems)
    return sorted(found)


def grouping_problem(life_event: LifeEvent, persona: str, reason: str) -> Problem:
    """Rule 5: a modelled grouping that is not feasible is an input error, located at the
    ``visit`` of the first step the reason names."""
    message = f"persona '{persona}': visit grouping is not feasible: {reason}"
    source = life_event.source
    for index, step in enumerate(life_event.steps):
        if step.visit is not None and _names(step.id, reason):
            if source is not None:
                return source.problem(("steps", index, "visit"), message)
            break
    filename = source.filename if source is not None else f"<{life_event.id}>"
    return Problem(filename, 1, 1, message)


def _names(step_id: str, reason: str) -> bool:
    """Whether ``reason`` mentions the step id as a whole word (ids may contain '-')."""
    return re.search(rf"(?<![\w-]){re.escape(step_id)}(?![\w-])", reason) is not None


def _distinct_places(life_event: LifeEvent, region: Region) -> list[str | None]:
    """One municipality per site pattern; every one whose offices do not all resolve."""
    has_groups = any(step.visit is not None for step in life_event.steps)
    places: list[str | None] = []
    seen: set[object] = set()
    for place in region.municipalities:
        pattern = site_pattern(life_event, region, place)
        key: object = place if pattern is None else (pattern if has_groups else ())
        if key not in seen:
            seen.add(key)
            places.append(place)
    return places


def _at(life_event: LifeEvent, path: tuple[str | int, ...], message: str) -> Problem:
    source = life_event.source
    if source is None:
        return Problem(f"<{life_event.id}>", 1, 1, message)
    return source.problem(path, message)


def validate(
    path: str | os.PathLike[str],
    regions: Regions | None = None,
    *,
    trips: BuiltJourneys | None = None,
) -> CheckResult[LifeEvent]:
    """Check a journey file completely (``lifeevents validate``); see
    :func:`journey_problems` for ``trips``."""
    result = check(path, regions)
    if result.model is None:
        return result
    life_event = result.model
    known = builtin_regions() if regions is None else regions
    region = known.get(life_event.region) if life_event.region is not None else None
    extra = journey_problems(life_event, region, trips=trips)
    if not extra:
        return result
    return CheckResult(result.filename, None, tuple(sorted({*result.problems, *extra})))
