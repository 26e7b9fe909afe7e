"""Spec rules 1-3 as plain data: the nodes and edges a journey graph is built from.

Validation checks these parts without importing networkx (see
:mod:`lifeevents.model.order`); :func:`lifeevents.graph.journey.journey_from_parts`
turns them into the graph.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lifeevents.formats.gc_pause import collection_paused
from lifeevents.formats.region_file import builtin_regions
from lifeevents.graph.edges import dependency_edges
from lifeevents.graph.invariants import persona_part, places_part
from lifeevents.graph.resolution import checked_municipality
from lifeevents.model.life_event import LifeEvent, Persona
from lifeevents.model.order import is_acyclic
from lifeevents.model.region import Region

__all__ = ["JourneyParts", "journey_parts"]


@dataclass(frozen=True)
class JourneyParts:
    """A life event instantiated for a persona as plain data, before it becomes a graph.

    Graph attributes, nodes with their attributes and edges with theirs, as
    :func:`~lifeevents.graph.journey.journey` puts them into the graph. Validation
    checks these without importing networkx (see :mod:`lifeevents.model.order`);
    :func:`~lifeevents.graph.journey.journey_from_parts` makes the journey.

    Attributes
    ----------
    life_event : LifeEvent
        The journey file's model.
    persona_id : str
        The persona's id.
    persona : Persona
        The persona.
    municipality, origin, event_place : str or None
        The municipalities the authorities were resolved for (``None`` without a region).
    region : Region or None
        The region used.
    attributes : dict
        The graph's attributes.
    nodes : list of (str, dict)
        Each applicable step's id and node attributes, in file order.
    edges : list of (str, str, dict)
        Each dependency's source, target and edge attributes.
    known_acyclic : bool or None
        Whether the edges leave the nodes in an order, when known already
        (:attr:`is_acyclic` works it out otherwise).

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> parts = journey_parts(loads(DEMO_YAML), "mit-auto")
    >>> [step_id for step_id, _ in parts.nodes], len(parts.edges), parts.is_acyclic
    (['anmelden', 'gebuehr', 'kfz', 'rundfunk'], 3, True)
    """

    life_event: LifeEvent
    persona_id: str
    persona: Persona
    municipality: str | None
    origin: str | None
    event_place: str | None
    region: Region | None
    attributes: dict[str, Any]
    nodes: list[tuple[str, dict[str, Any]]]
    edges: list[tuple[str, str, dict[str, Any]]]
    #: Whether the edges were found to leave the nodes in an order (``None``: not known).
    known_acyclic: bool | None = None

    @property
    def is_acyclic(self) -> bool:
        if self.known_acyclic is not None:
            return self.known_acyclic
        return is_acyclic((node for node, _ in self.nodes), ((u, v) for u, v, _ in self.edges))


def journey_parts(
    life_event: LifeEvent,
    persona: str = "default",
    *,
    municipality: str | None = None,
    origin: str | None = None,
    region: Region | None = None,
    event_place: str | None = None,
) -> JourneyParts:
    """What :func:`~lifeevents.graph.journey.journey` builds its graph from.

    Same parameters, defaults and errors as
    :func:`~lifeevents.graph.journey.journey`, except a dependency cycle, which
    :func:`~lifeevents.graph.journey.journey_from_parts` reports.

    Parameters
    ----------
    life_event : LifeEvent
        The journey file's model.
    persona : str, optional
        The persona's id (default ``"default"``).
    municipality, origin, region, event_place
        As for :func:`~lifeevents.graph.journey.journey`.

    Returns
    -------
    JourneyParts
        The nodes and edges of the journey graph as plain data.

    Examples
    --------
    ``kfz`` applies only to a persona with a car:

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML)
    >>> [step_id for step_id, _ in journey_parts(umzug).nodes]
    ['anmelden', 'gebuehr', 'rundfunk']
    >>> dict(journey_parts(umzug, "mit-auto").nodes)["kfz"]["site"]
    'kreishaus'
    """
    with collection_paused():
        return _parts(life_event, persona, municipality, origin, region, event_place)


def _parts(
    life_event: LifeEvent,
    persona: str,
    municipality: str | None,
    origin: str | None,
    region: Region | None,
    event_place: str | None,
) -> JourneyParts:
    chosen = life_event.persona(persona)
    if region is None and life_event.region is not None:
        region = builtin_regions().get(life_event.region)
    if region is not None:
        municipality = checked_municipality(
            region, municipality or region.region.default_municipality
        )
        origin = checked_municipality(region, origin or municipality)
        event_place = checked_municipality(
            region,
            event_place or region.usual_event_place(life_event.id, municipality) or municipality,
        )
    part = persona_part(life_event, persona)
    places = places_part(life_event, region, municipality, origin, event_place)
    step_authority = places.resolver.step
    nodes = []
    for step, channel in zip(part.steps, part.channels, strict=True):
        authority = step_authority(step)
        nodes.append(
            (
                step.id,
                {
                    "step": step,
                    "name": step.name,
                    "authority": authority,
                    "site": authority.site,
                    "level": authority.level,
                    "channel": channel,
                    "channels": step.channels,
                    "lead_time_days": step.lead_time_days,
                    "deadline_days": step.deadline_days,
                    "visit": step.visit,
                    "stage": step.stage,
                },
            )
        )
    edges = part.edges
    if edges is None:  # too many dependencies: the error, told after those of the steps
        applicable = {step.id for step in part.steps}
        edges = tuple(dependency_edges(life_event, applicable, persona))
    return JourneyParts(
        life_event,
        persona,
        chosen,
        municipality,
        origin,
        event_place,
        region,
        {
            "life_event": life_event.id,
            "persona": persona,
            "municipality": municipality,
            "origin": origin,
            "event_place": event_place,
            "evidence": dict(places.evidence),
        },
        nodes,
        # Fresh attribute mappings: the parts are the caller's to change.
        [(source, target, dict(attributes)) for source, target, attributes in edges],
        part.acyclic,
    )
