"""What the journeys of one life event share across personas and places, worked out once.

A study builds the journey of one life event for many personas and municipalities.
Which steps apply, their dependencies and the channels chosen depend only on the
persona; the resolved authorities only on the places. :func:`persona_part` and
:func:`places_part` keep them for each life event (the models are frozen), so each
is worked out once, not for every journey. What is kept belongs to the life event
object: an equal but different model starts afresh. It goes with the life event,
but what is kept for places refers to the life event (its resolver reads it), so
the life event cannot go while it is kept: only the :data:`MAX_LIFE_EVENTS` life
events used last are kept (a study changes a journey by scenarios many times over,
and a process that runs one study after another must not keep each of them).
"""

from __future__ import annotations

import weakref
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import Any

from lifeevents.errors import CapExceededError
from lifeevents.graph.edges import dependency_edges
from lifeevents.graph.resolution import AuthorityResolver
from lifeevents.model.authorities import ResolvedEvidence
from lifeevents.model.life_event import LifeEvent, Persona, Step
from lifeevents.model.order import is_acyclic
from lifeevents.model.region import Region
from lifeevents.model.vocabulary import Channel

__all__ = ["PersonaPart", "PlacesPart", "persona_part", "places_part"]

# At most this many places are kept per life event (a region has a few dozen
# municipalities; a study asks for each, with the origin and place of the event).
MAX_PLACES = 4096

#: What is kept for this many life events at most, the least recently used dropped
#: first (a study works on one life event at a time).
MAX_LIFE_EVENTS = 64


@dataclass(frozen=True)
class PersonaPart:
    """What a persona makes of a life event, whatever the place (spec rules 1, 2 and the
    dependencies).

    Attributes
    ----------
    persona : Persona
        The persona.
    steps : tuple of Step
        The applicable steps, in file order.
    channels : tuple of Channel
        The channel chosen for each of them (rule 2).
    edges : tuple of (str, str, dict) or None
        Each dependency between applicable steps with its edge attributes, as
        :func:`~lifeevents.graph.edges.dependency_edges` gives them (do not change
        them); ``None`` when there are too many (``dependency_edges`` says so).
    acyclic : bool
        Whether the dependencies leave the steps in an order.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML)
    >>> part = persona_part(umzug, "mit-auto")
    >>> [step.id for step in part.steps], part.channels[-1], part.acyclic
    (['anmelden', 'gebuehr', 'kfz', 'rundfunk'], <Channel.ONLINE: 'online'>, True)
    >>> persona_part(umzug, "mit-auto") is part
    True
    """

    persona: Persona
    steps: tuple[Step, ...]
    channels: tuple[Channel, ...]
    edges: tuple[tuple[str, str, dict[str, Any]], ...] | None
    acyclic: bool


@dataclass(frozen=True)
class PlacesPart:
    """What the places make of a life event, whatever the persona (spec rule 3).

    Attributes
    ----------
    resolver : AuthorityResolver
        Resolves authority references there (it remembers each one resolved).
    evidence : dict of str to ResolvedEvidence
        Every evidence of the file with its issuer resolved there (do not change it).

    Examples
    --------
    >>> from lifeevents import load
    >>> from lifeevents.formats.region_file import builtin_regions
    >>> geburt, steinfurt = load("geburt"), builtin_regions()["kreis-steinfurt"]
    >>> places = places_part(geburt, steinfurt, "laer", "laer", "laer")
    >>> places.resolver.reference("jugendamt").name
    'Kreisjugendamt'
    >>> places_part(geburt, steinfurt, "laer", "laer", "laer") is places
    True
    """

    resolver: AuthorityResolver
    evidence: dict[str, ResolvedEvidence]


# The region's identity, the municipality, origin and place of the event.
_Places = tuple[int, str | None, str | None, str | None]


@dataclass
class _Kept:
    personas: dict[str, PersonaPart] = field(default_factory=dict)
    # By the region's identity (the region is kept too, so its id stays its own).
    places: dict[_Places, tuple[Region | None, PlacesPart]] = field(default_factory=dict)


# By the life event's identity, the one used last at the end, with a weak reference
# that removes the entry with the life event (once nothing kept refers to it).
_KEPT: OrderedDict[int, tuple[weakref.ref[LifeEvent], _Kept]] = OrderedDict()


def _kept(life_event: LifeEvent) -> _Kept:
    key = id(life_event)
    entry = _KEPT.get(key)
    if entry is not None and entry[0]() is life_event:
        _KEPT.move_to_end(key)
        return entry[1]
    kept = _Kept()

    def forget(
        reference: weakref.ref[LifeEvent],
        key: int = key,
        everything: OrderedDict[int, tuple[weakref.ref[LifeEvent], _Kept]] = _KEPT,
    ) -> None:
        current = everything.get(key)
        if current is not None and current[0] is reference:
            del everything[key]

    _KEPT[key] = (weakref.ref(life_event, forget), kept)
    _KEPT.move_to_end(key)  # an entry of a life event gone whose id is used again
    while len(_KEPT) > MAX_LIFE_EVENTS:
        _KEPT.popitem(last=False)
    return kept


def persona_part(life_event: LifeEvent, persona_id: str) -> PersonaPart:
    """The applicable steps, chosen channels and dependencies of ``persona_id``.

    Parameters
    ----------
    life_event : LifeEvent
        The journey file's model.
    persona_id : str
        The persona's id.

    Returns
    -------
    PersonaPart
        Worked out once per life event and persona.

    Raises
    ------
    UnknownPersonaError
        For a persona the life event does not have.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> [step.id for step in persona_part(loads(DEMO_YAML), "default").steps]
    ['anmelden', 'gebuehr', 'rundfunk']
    """
    kept = _kept(life_event)
    found = kept.personas.get(persona_id)
    if found is not None:
        return found
    persona = life_event.persona(persona_id)
    steps = tuple(step for step in life_event.steps if persona.matches(step.when))
    applicable = {step.id for step in steps}
    edges: tuple[tuple[str, str, dict[str, Any]], ...] | None
    try:
        edges = tuple(dependency_edges(life_event, applicable, persona_id))
    except CapExceededError:
        edges = None  # journey_parts() raises it again, after the errors it finds first
    part = PersonaPart(
        persona,
        steps,
        tuple(persona.choose(step.channels) for step in steps),
        edges,
        edges is not None
        and is_acyclic(applicable, ((source, target) for source, target, _ in edges)),
    )
    kept.personas[persona_id] = part
    return part


def places_part(
    life_event: LifeEvent,
    region: Region | None,
    municipality: str | None,
    origin: str | None,
    event_place: str | None,
) -> PlacesPart:
    """The resolver and the resolved evidence for these places.

    Parameters
    ----------
    life_event : LifeEvent
        The journey file's model.
    region : Region or None
        The region whose offices references may name.
    municipality, origin, event_place : str or None
        Where plain, ``@origin`` and ``@event`` references are resolved (checked
        municipalities of ``region``).

    Returns
    -------
    PlacesPart
        Worked out once per life event, region and places.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> places_part(loads(DEMO_YAML), None, None, None, None).evidence["meldung"].issuer.id
    'amt'
    """
    kept = _kept(life_event)
    key = (id(region), municipality, origin, event_place)
    found = kept.places.get(key)
    if found is not None:
        return found[1]
    resolver = AuthorityResolver(life_event, region, municipality, origin, event_place)
    part = PlacesPart(resolver, resolver.evidence())
    if len(kept.places) >= MAX_PLACES:
        kept.places.clear()
    kept.places[key] = (region, part)
    return part
