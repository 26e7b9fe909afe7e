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
from lifeevents.graph.resolution import AuthorityResolver, checked_municipality
from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.life_event import LifeEvent, Persona, Step
from lifeevents.model.order import is_acyclic
from lifeevents.model.region import Region

__all__ = ["JourneyParts", "journey_parts"]


@dataclass(frozen=True)
class JourneyParts:
    """A life event instantiated for a persona as plain data: graph attributes, nodes
    with their attributes and edges with theirs, as :func:`journey` puts them into the
    graph. Validation checks these without importing networkx (see
    :mod:`lifeevents.model.order`); :func:`journey_from_parts` makes the journey."""

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

    @property
    def is_acyclic(self) -> bool:
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
    """What :func:`journey` builds its graph from, with the same defaults and errors
    (except a dependency cycle, which :func:`journey_from_parts` reports)."""
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
    resolver = AuthorityResolver(life_event, region, municipality, origin, event_place)
    applicable = {step.id for step in life_event.steps if chosen.matches(step.when)}
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
            "evidence": resolver.evidence(),
        },
        [
            (step.id, _node_attributes(step, chosen, resolver.step(step)))
            for step in life_event.steps
            if step.id in applicable
        ],
        list(dependency_edges(life_event, applicable, persona)),
    )


def _node_attributes(step: Step, persona: Persona, authority: ResolvedAuthority) -> dict[str, Any]:
    return {
        "step": step,
        "name": step.name,
        "authority": authority,
        "site": authority.site,
        "level": authority.level,
        "channel": persona.choose(step.channels),
        "channels": step.channels,
        "lead_time_days": step.lead_time_days,
        "deadline_days": step.deadline_days,
        "visit": step.visit,
        "stage": step.stage,
    }
