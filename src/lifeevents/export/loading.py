"""Load the journey a command names: a file or built-in name, a persona, a place.

The command line's own loading lives in :mod:`lifeevents.cli.loading`; this is the part
the export commands need, through public functions only.
"""

from __future__ import annotations

from collections.abc import Sequence

from lifeevents.analysis.validation import validate
from lifeevents.errors import InputError, UnknownNameError
from lifeevents.formats.region_file import builtin_regions, load_region
from lifeevents.graph.journey import Journey, journey
from lifeevents.library.builtin import find_journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.region import Region

__all__ = ["load_journey"]


def load_journey(
    name: str,
    persona: str = "default",
    municipality: str | None = None,
    origin: str | None = None,
    region_files: Sequence[str] = (),
    event_place: str | None = None,
    *,
    scenarios: Sequence[str] = (),
) -> Journey:
    """The journey of a valid journey file (or built-in journey) for one persona, with
    the what-if ``scenarios`` (files or built-in names) applied in order.

    Raises :class:`InputError` for an invalid file or scenario, :class:`UnknownNameError`
    for a name that is neither a file nor a built-in journey or scenario, an unknown
    persona, or a scenario not meant for the journey (its ``applies_to``).

    Parameters
    ----------
    name : str
        A journey file, or the name of a built-in journey.
    persona : str, optional
        The persona id.
    municipality, origin, event_place : str, optional
        The places of the journey (see :func:`lifeevents.journey`).
    region_files : sequence of str, optional
        Region files to use beside the built-in regions.
    scenarios : sequence of str, optional
        Scenario files or names of built-in scenarios, applied in order.

    Returns
    -------
    Journey
        The journey, validated completely (as ``lifeevents validate`` does).

    Raises
    ------
    InputError
        For an invalid journey, region or scenario file, located in it.
    UnknownNameError
        For an unknown name, persona, or a scenario not meant for the journey.

    Examples
    --------
    Moving house within the Kreis with a car and a dog, in Saerbeck; then with the
    built-in scenario that updates the vehicle papers at the Bürgerbüro:

    >>> from lifeevents import analyze
    >>> today = load_journey("umzug-innerhalb-kreis", "schalter-mit-auto-und-hund", "saerbeck")
    >>> today  # doctest: +NORMALIZE_WHITESPACE
    <Journey 'umzug-innerhalb-kreis' persona='schalter-mit-auto-und-hund',
     municipality='saerbeck': 15 steps, 12 dependencies>
    >>> then = load_journey("umzug-innerhalb-kreis", "schalter-mit-auto-und-hund", "saerbeck",
    ...                     scenarios=["kfz-im-buergerbuero"])
    >>> analyze(today).visits.as_modelled, analyze(then).visits.as_modelled
    (8, 7)
    >>> load_journey("gebrut")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.UnknownNameError: 'gebrut' is neither ... (did you mean 'geburt'?); ...
    """
    regions: dict[str, Region] = dict(builtin_regions())
    for region_file in region_files:
        loaded = load_region(region_file)
        regions[loaded.id] = loaded
    try:
        path = find_journey(name)
    except FileNotFoundError as error:
        raise UnknownNameError(str(error)) from None
    result = validate(path, regions)
    if result.model is None or not result.ok:
        raise InputError(problem for problem in result.problems if problem.is_error)
    life_event = result.model
    if persona not in life_event.persona_ids():
        known = ", ".join(life_event.persona_ids())
        raise UnknownNameError(f"no persona '{persona}' in {path}; personas: {known}")
    region = regions.get(life_event.region) if life_event.region else None
    if scenarios:
        life_event = _with_scenarios(life_event, scenarios, regions)
    return journey(
        life_event,
        persona,
        municipality=municipality,
        origin=origin,
        region=region,
        event_place=event_place,
    )


def _with_scenarios(
    life_event: LifeEvent, names: Sequence[str], regions: dict[str, Region]
) -> LifeEvent:
    from lifeevents.formats.scenario_file import load_scenarios
    from lifeevents.scenarios import apply_scenarios

    try:
        loaded = load_scenarios(names)
    except FileNotFoundError as error:
        raise UnknownNameError(str(error)) from None
    applied = apply_scenarios(life_event, loaded, regions=regions)
    if applied.not_applied:
        raise UnknownNameError(
            f"scenario(s) {', '.join(applied.not_applied)} do not apply to life event "
            f"'{life_event.id}' (see their applies_to)"
        )
    return applied.life_event
