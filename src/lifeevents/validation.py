"""Full validation of a journey file: the loader's checks plus those that need a journey.

Some input errors only show once a persona is applied: a modelled ``visit``
group can be feasible for one persona and not for another (spec rule 5). This
module checks every persona of a file.
"""

from __future__ import annotations

import os

from lifeevents.analysis.report import modelled_visit_problems
from lifeevents.journey import UnknownMunicipalityError, journey
from lifeevents.library import builtin_regions
from lifeevents.limits import MAX_CHECK_STEPS, MAX_PERSONAS, CapExceededError
from lifeevents.loader import Regions, check, source_of
from lifeevents.model import LifeEvent
from lifeevents.problems import CheckResult, InputError, Problem
from lifeevents.region import Region

__all__ = ["journey_problems", "validate"]


def journey_problems(
    life_event: LifeEvent, region: Region | None = None, municipality: str | None = None
) -> list[Problem]:
    """Problems that appear when the life event is instantiated for each of its personas.

    With a region, every municipality that can make a difference is tried unless
    ``municipality`` is given: a visit group may span two sites in one municipality
    and not in another. Municipalities whose offices for this file's steps are at the
    same sites give the same answer, so only the first of them is tried; without
    ``visit:`` groups, one municipality suffices. The work is capped (see
    :mod:`lifeevents.limits`): too many personas, or personas × municipalities × steps
    above :data:`~lifeevents.limits.MAX_CHECK_STEPS`, is one located problem.
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
                trip = journey(life_event, persona, place, region=region)
                found.update(modelled_visit_problems(trip))
            except CapExceededError as error:
                return sorted({*found, *error.problems})  # the next would hit the cap too
            except InputError as error:
                found.update(error.problems)
            except UnknownMunicipalityError:
                break  # reported by the command that chose the municipality
    return sorted(found)


def _distinct_places(life_event: LifeEvent, region: Region) -> list[str | None]:
    """One municipality per distinct set of sites this file's steps are done at."""
    if not any(step.visit is not None for step in life_event.steps):
        return [next(iter(region.municipalities), None)]
    offices = sorted(
        {
            step.authority
            for step in life_event.steps
            if step.authority_id not in life_event.authorities
            and region.has_office(step.authority_id)
        }
    )
    by_sites: dict[tuple[str, ...], str] = {}
    for place in region.municipalities:
        sites = tuple(
            region.resolve(office.removesuffix("@origin"), place).site for office in offices
        )
        by_sites.setdefault(sites, place)
    return list(by_sites.values())


def _at(life_event: LifeEvent, path: tuple[str | int, ...], message: str) -> Problem:
    source = source_of(life_event)
    if source is None:
        return Problem(f"<{life_event.id}>", 1, 1, message)
    return source.problem(path, message)


def validate(
    path: str | os.PathLike[str], regions: Regions | None = None
) -> CheckResult[LifeEvent]:
    """Check a journey file completely (``lifeevents validate``)."""
    result = check(path, regions)
    if result.model is None:
        return result
    life_event = result.model
    known = builtin_regions() if regions is None else regions
    region = known.get(life_event.region) if life_event.region is not None else None
    extra = journey_problems(life_event, region)
    if not extra:
        return result
    return CheckResult(result.filename, None, tuple(sorted({*result.problems, *extra})))
