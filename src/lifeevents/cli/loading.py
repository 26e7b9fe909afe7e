"""What a command names, loaded: regions, the journey for its personas, scenarios.

Shared by ``validate``, ``analyze``, ``render``, ``compare``, ``workshop`` and
``list``. A name that is not known is wrong usage (:class:`UsageError`, exit code
2); a file with errors raises :class:`~lifeevents.errors.InputError`
(exit code 1). The engine loads inside the functions, when a command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lifeevents.cli.runtime import UsageError, print_problems
from lifeevents.errors import InputError

if TYPE_CHECKING:
    from lifeevents.formats.journey_file import Regions
    from lifeevents.graph.journey import Journey
    from lifeevents.model.life_event import LifeEvent
    from lifeevents.model.region import Region
    from lifeevents.model.scenario import Scenario
    from lifeevents.scenarios import Applied

__all__ = ["Loaded", "apply_named", "load_for_analysis", "regions_asked", "scenarios_named"]


def regions_asked(arguments: argparse.Namespace) -> Regions:
    """The built-in regions, plus the user's region files (which win on equal ids).

    Parameters
    ----------
    arguments
        The command's arguments, with ``region_file`` (see
        :func:`lifeevents.cli.options.add_region_file`).

    Returns
    -------
    Regions
        Every region by its id.

    Examples
    --------
    >>> list(regions_asked(argparse.Namespace(region_file=None)))
    ['kreis-steinfurt']
    """
    from lifeevents.formats.region_file import builtin_regions, load_region

    regions: dict[str, Region] = dict(builtin_regions())
    for path in arguments.region_file or ():
        region = load_region(path)
        regions[region.id] = region
    return regions


@dataclass(frozen=True)
class Loaded:
    """A valid journey file, its region, the personas asked for, and the journeys that
    validating it built (reused when they are the ones asked for).

    Examples
    --------
    >>> arguments = argparse.Namespace(
    ...     command="analyze", journey="geburt", persona="default", scenario=None,
    ...     municipality=None, origin=None, event_place=None, region_file=None,
    ... )
    >>> loaded = load_for_analysis(arguments)
    >>> loaded.life_event.id, loaded.personas, loaded.municipalities(arguments)
    ('geburt', ['default'], [None])
    >>> loaded.journey("default", arguments).municipality
    'greven'
    """

    life_event: LifeEvent
    region: Region | None
    personas: list[str]
    built: dict[tuple[str, str | None], Journey]
    scenarios: tuple[str, ...] = ()  # the ids of the scenarios applied

    def municipalities(self, arguments: argparse.Namespace) -> list[str | None]:
        """The municipality asked for, or every one of the region for ``all``.

        Parameters
        ----------
        arguments
            The command's arguments, with ``municipality``.

        Returns
        -------
        list of str or None
            The municipalities, ``None`` for the region's default one.
        """
        if arguments.municipality != "all":
            return [arguments.municipality]
        if self.region is None:
            raise UsageError(
                f"--municipality all needs a region; '{self.life_event.id}' names none"
            )
        return list(self.region.municipalities)

    def journey(
        self, persona: str, arguments: argparse.Namespace, place: str | None = None
    ) -> Journey:
        """The journey of ``persona`` in ``place`` (default: the municipality asked for).

        Parameters
        ----------
        persona
            The persona's id.
        arguments
            The command's arguments, with ``municipality``, ``origin`` and ``event_place``.
        place
            The home municipality, instead of the one asked for.

        Returns
        -------
        Journey
            The journey graph, reused from validation when it is the one asked for.
        """
        from lifeevents.graph.journey import journey

        municipality = place if place is not None else arguments.municipality
        asked = municipality
        if self.region is not None and municipality is None:
            municipality = self.region.region.default_municipality
        origin, event_place = arguments.origin, arguments.event_place
        trip = self.built.get((persona, municipality))
        if (
            trip is not None
            and (origin is None or origin == trip.origin)
            and (event_place is None or event_place == trip.event_place)
        ):
            return trip
        return journey(
            self.life_event,
            persona,
            municipality=asked,
            origin=arguments.origin,
            region=self.region,
            event_place=event_place,
        )


def load_for_analysis(arguments: argparse.Namespace, *, apply: bool = True) -> Loaded:
    """The valid journey, its region and the personas asked for; raise on bad input.

    Warnings of the journey file are printed on standard error.

    Parameters
    ----------
    arguments
        The command's arguments (see :func:`lifeevents.cli.options.add_journey_options`).
    apply
        Whether to apply the scenarios asked for (``--scenario``).

    Returns
    -------
    Loaded
        The journey, ready for the personas and municipalities asked for.

    Raises
    ------
    UsageError
        For a journey or persona that does not exist.
    InputError
        For a journey file with errors.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "umzug.yaml"
    ...     _ = path.write_text(DEMO_YAML, encoding="utf-8")
    ...     arguments = argparse.Namespace(
    ...         command="analyze", journey=str(path), persona="all", scenario=None,
    ...         municipality=None, origin=None, event_place=None, region_file=None,
    ...     )
    ...     loaded = load_for_analysis(arguments)
    ...     arguments.persona = "ohne-auto"
    ...     load_for_analysis(arguments)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.cli.runtime.UsageError: no persona 'ohne-auto' in ...umzug.yaml; personas: default, \
mit-auto, or 'all'
    >>> loaded.life_event.id, loaded.personas, loaded.scenarios
    ('demo', ['default', 'mit-auto'], ())
    """
    from lifeevents.analysis.validation import BuiltJourneys, validate
    from lifeevents.library.builtin import find_journey

    regions = regions_asked(arguments)
    try:
        path = find_journey(arguments.journey)
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    wanted = None if arguments.persona == "all" else frozenset({arguments.persona})
    built = BuiltJourneys(wanted)
    result = validate(path, regions, trips=built)
    if result.model is None:
        raise InputError(result.problems)
    print_problems(result.warnings)
    life_event = result.model
    region = regions.get(life_event.region) if life_event.region else None
    personas = life_event.persona_ids() if arguments.persona == "all" else [arguments.persona]
    for persona in personas:
        if persona not in life_event.persona_ids():
            known = ", ".join(life_event.persona_ids())
            raise UsageError(f"no persona '{persona}' in {path}; personas: {known}, or 'all'")
    if not apply or not arguments.scenario:
        return Loaded(life_event, region, personas, built.journeys)
    applied = apply_named(life_event, arguments.scenario, regions, arguments.command)
    return Loaded(applied.life_event, region, personas, {}, applied.applied)


def scenarios_named(names: Sequence[str]) -> list[Scenario]:
    """The scenarios named on the command line; an unknown name is wrong usage.

    Parameters
    ----------
    names
        Scenario files or names of built-in scenarios.

    Returns
    -------
    list of Scenario
        The scenarios, in the order named.

    Examples
    --------
    >>> [scenario.id for scenario in scenarios_named(["ewa"])]
    ['ewa']
    >>> scenarios_named(["no-such-scenario"])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.cli.runtime.UsageError: 'no-such-scenario' is neither a file nor a built-in ...
    """
    from lifeevents.formats.scenario_file import load_scenarios

    try:
        return load_scenarios(names)
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None


def apply_named(
    life_event: LifeEvent, names: Sequence[str], regions: Regions, command: str
) -> Applied:
    """The journey with the scenarios named applied; a note for those that do not apply.

    Parameters
    ----------
    life_event
        The journey today.
    names
        Scenario files or names of built-in scenarios, applied in this order.
    regions
        The regions the journey and the scenarios may name.
    command
        The command, for the note on standard error.

    Returns
    -------
    Applied
        The changed journey and the ids of the scenarios applied.

    Examples
    --------
    The built-in scenario ``ewa`` is meant for other journeys:

    >>> from contextlib import redirect_stderr
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> regions = regions_asked(argparse.Namespace(region_file=None))
    >>> with redirect_stderr(sys.stdout):  # doctest: +ELLIPSIS
    ...     applied = apply_named(loads(DEMO_YAML), ["ewa"], regions, "analyze")
    lifeevents analyze: note: scenario 'ewa' does not apply to 'demo' (see its applies_to); ...
    >>> applied.applied, applied.not_applied, applied.life_event == loads(DEMO_YAML)
    ((), ('ewa',), True)
    """
    from lifeevents.scenarios import apply_scenarios

    applied = apply_scenarios(life_event, scenarios_named(names), regions=regions)
    for scenario_id in applied.not_applied:
        print(
            f"lifeevents {command}: note: scenario '{scenario_id}' does not apply to "
            f"'{life_event.id}' (see its applies_to); not applied",
            file=sys.stderr,
        )
    return applied
