"""Full validation of a journey file: the loader's checks plus those that need a journey.

Some input errors only show once a persona is applied: a modelled ``visit``
group can be feasible for one persona and not for another (spec rule 5). This
module checks every persona of a file.
"""

from __future__ import annotations

import os

from lifeevents.analysis.report import modelled_visit_problems
from lifeevents.journey import Journey, UnknownMunicipalityError, journey, site_pattern
from lifeevents.library import builtin_regions
from lifeevents.loader import Regions, check
from lifeevents.model import LifeEvent
from lifeevents.problems import CheckResult, InputError, Problem
from lifeevents.region import Region

__all__ = ["journey_problems", "validate"]


def journey_problems(
    life_event: LifeEvent,
    region: Region | None = None,
    municipality: str | None = None,
    *,
    trips: dict[tuple[str, str | None], Journey] | None = None,
) -> list[Problem]:
    """Problems that appear when the life event is instantiated for each of its personas.

    With a region, every municipality is tried unless ``municipality`` is given:
    a visit group may span two sites in one municipality and not in another.
    ``trips``, when given, receives the journeys built on the way, by persona and
    municipality, so that a caller who goes on to analyse one need not build it again.
    """
    places: list[str | None] = [municipality]
    if region is not None and municipality is None:
        places = list(region.municipalities)
    found: set[Problem] = set()
    # Rule 5 compares sites only for equality: a persona that passes in one municipality
    # passes in every municipality with the same site pattern (see site_pattern).
    passed: set[tuple[tuple[int, ...], str]] = set()
    for place in places:
        pattern = site_pattern(life_event, region, place) if region and place else None
        for persona in life_event.persona_ids():
            if pattern is not None and (pattern, persona) in passed:
                continue
            try:
                trip = journey(life_event, persona, place, region=region)
                problems = modelled_visit_problems(trip)
                if trips is not None:
                    trips[persona, trip.municipality] = trip
            except InputError as error:
                problems = list(error.problems)
            except UnknownMunicipalityError:
                break  # reported by the command that chose the municipality
            found.update(problems)
            if not problems and pattern is not None:
                passed.add((pattern, persona))
    return sorted(found)


def validate(
    path: str | os.PathLike[str],
    regions: Regions | None = None,
    *,
    trips: dict[tuple[str, str | None], Journey] | None = None,
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
