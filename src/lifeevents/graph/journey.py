"""A journey: one life event as lived by one persona in one municipality, as a graph.

:func:`journey` applies spec rules 1-3: it keeps the applicable steps, chooses
each step's channel, resolves authorities, and builds a :class:`networkx.DiGraph`
with one node per applicable step (in file order) and one edge per dependency.

Node attributes: ``step`` (the :class:`~lifeevents.model.life_event.Step`), ``name``,
``authority`` (a :class:`ResolvedAuthority`), ``site``, ``level``, ``channel``
(chosen), ``channels`` (offered), ``lead_time_days``, ``deadline_days``,
``visit`` (modelled visit id or ``None``), ``stage``.

Edge attributes: ``kind`` (``"evidence"`` when evidence travels on the edge,
else ``"precedence"``), ``evidence`` (ids of all evidence on the edge, file
order), ``citizen_evidence`` (those with ``transfer: citizen``), ``after``
(whether the target lists the source in ``after``), ``bridged`` (the order was
kept through steps that do not apply).

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> trip = journey(loads(DEMO_YAML), "mit-auto")
>>> trip.graph.nodes["kfz"]["site"], trip.graph.nodes["rundfunk"]["channel"]
('kreishaus', <Channel.ONLINE: 'online'>)
>>> trip.graph.edges["anmelden", "kfz"]["evidence"], trip.graph.edges["anmelden", "gebuehr"]["kind"]
(('meldung',), 'precedence')
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lifeevents.errors import InputError
from lifeevents.formats.gc_pause import collection_paused
from lifeevents.graph.display import MimeBundle, mimebundle
from lifeevents.graph.located import step_problem
from lifeevents.graph.parts import JourneyParts, journey_parts
from lifeevents.graph.resolution import site_pattern
from lifeevents.model.authorities import ResolvedAuthority, ResolvedEvidence
from lifeevents.model.life_event import LifeEvent, Persona, Step
from lifeevents.model.order import order_of
from lifeevents.model.problems import Problem
from lifeevents.model.region import Region
from lifeevents.model.vocabulary import Channel

# networkx is imported where a graph is built: validation works without it (see
# lifeevents.model.order), and importing it costs more than validating a journey.
if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "Journey",
    "JourneyParts",
    "ResolvedEvidence",
    "journey",
    "journey_from_parts",
    "journey_parts",
    "site_pattern",
    "topological_order",
]


@dataclass(frozen=True, eq=False)
class Journey:
    """A life event instantiated for a persona (and municipality): the graph and its context.

    ``graph`` is a plain :class:`networkx.DiGraph`; run any networkx algorithm on it.
    Made by :func:`journey`; :func:`lifeevents.analyze` measures it and
    :func:`lifeevents.render` draws it.

    Attributes
    ----------
    life_event : LifeEvent
        The journey file's model.
    persona_id : str
        The persona's id.
    persona : Persona
        The persona.
    municipality, origin : str or None
        The home municipality and the one left (``@origin``); ``None`` without a region.
    graph : networkx.DiGraph
        One node per applicable step, in file order, and one edge per dependency;
        the node and edge attributes are listed in :mod:`lifeevents.graph.journey`.
    region : Region or None
        The region the authorities were resolved in.
    event_place : str or None
        Where the event happens (``@event``); ``None`` without a region.

    Examples
    --------
    The persona ``default`` has no car, so the vehicle step does not apply:

    >>> import networkx as nx
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML)
    >>> journey(umzug)
    <Journey 'demo' persona='default': 3 steps, 2 dependencies>
    >>> trip = journey(umzug, "mit-auto")
    >>> trip.order()
    ['anmelden', 'gebuehr', 'kfz', 'rundfunk']
    >>> trip.channel("kfz"), trip.authority("kfz").name
    (<Channel.IN_PERSON: 'in_person'>, 'Straßenverkehrsamt')
    >>> nx.ancestors(trip.graph, "kfz")
    {'anmelden'}
    """

    life_event: LifeEvent
    persona_id: str
    persona: Persona
    municipality: str | None
    origin: str | None
    graph: nx.DiGraph[str]
    region: Region | None = None
    event_place: str | None = None

    @property
    def uses_event_place(self) -> bool:
        """Whether any step or evidence refers to an office of the place of the event."""
        return any(step.at_event for step in self.life_event.steps) or any(
            (evidence.issued_by or "").endswith("@event")
            for evidence in self.life_event.evidence.values()
        )

    @property
    def uses_origin(self) -> bool:
        """Whether any step or evidence refers to an office of the municipality left."""
        return any(step.at_origin for step in self.life_event.steps) or any(
            (evidence.issued_by or "").endswith("@origin")
            for evidence in self.life_event.evidence.values()
        )

    @property
    def steps(self) -> list[Step]:
        """Applicable steps, in file order."""
        return [self.graph.nodes[node]["step"] for node in self.graph]

    def channel(self, step_id: str) -> Channel:
        """The chosen channel of an applicable step."""
        channel: Channel = self.graph.nodes[step_id]["channel"]
        return channel

    def authority(self, step_id: str) -> ResolvedAuthority:
        """The resolved authority of an applicable step."""
        authority: ResolvedAuthority = self.graph.nodes[step_id]["authority"]
        return authority

    def order(self) -> list[str]:
        """Applicable step ids in a deterministic topological order (file order breaks ties)."""
        return topological_order(self.graph)

    def _repr_mimebundle_(
        self, include: Iterable[str] | None = None, exclude: Iterable[str] | None = None
    ) -> MimeBundle:
        """Jupyter shows the blueprint map (SVG) and a plain-text summary."""
        return mimebundle(self, include, exclude)

    def __repr__(self) -> str:
        where = f", municipality={self.municipality!r}" if self.municipality else ""
        return (
            f"<Journey {self.life_event.id!r} persona={self.persona_id!r}{where}: "
            f"{self.graph.number_of_nodes()} steps, {self.graph.number_of_edges()} dependencies>"
        )


def topological_order(graph: nx.DiGraph[str], *, by_id: bool = False) -> list[str]:
    """A deterministic topological order: insertion (file) order, or ids, break ties.

    Kahn's algorithm over integer ranks; several times faster than
    :func:`networkx.lexicographical_topological_sort` with a key function.

    Parameters
    ----------
    graph : networkx.DiGraph
        A directed acyclic graph, such as :attr:`Journey.graph`.
    by_id : bool, optional
        Break ties by node id instead of by insertion order.

    Returns
    -------
    list of str
        Every node, each after all its predecessors.

    Raises
    ------
    networkx.NetworkXUnfeasible
        When the graph has a cycle.

    Examples
    --------
    >>> import networkx as nx
    >>> graph = nx.DiGraph([("b", "c"), ("a", "c")])
    >>> topological_order(graph), topological_order(graph, by_id=True)
    (['b', 'a', 'c'], ['a', 'b', 'c'])
    """
    # The adjacency as plain mappings: networkx's views answer .get() through the
    # Mapping ABC, several times slower in this hot loop.
    order = order_of(sorted(graph) if by_id else list(graph), dict(graph.adjacency()))
    if order is None:
        import networkx as nx

        raise nx.NetworkXUnfeasible("the graph has a cycle")
    return order


def journey(
    life_event: LifeEvent,
    persona: str = "default",
    *,
    municipality: str | None = None,
    origin: str | None = None,
    region: Region | None = None,
    event_place: str | None = None,
) -> Journey:
    """Instantiate a life event for a persona (spec rules 1-3).

    Keeps the steps whose ``when`` the persona meets, chooses each step's channel
    by the persona's preference, resolves every authority for the municipality,
    and links the steps by their dependencies.

    Parameters
    ----------
    life_event : LifeEvent
        A loaded journey (:func:`lifeevents.load`).
    persona : str, optional
        The persona's id; ``"default"`` always exists (without attributes or
        channel preference, unless the file defines it).
    municipality : str, optional
        The home municipality; with a region, default: the region's default
        municipality.
    origin : str, optional
        The municipality left, for ``@origin`` references (default: ``municipality``).
    region : Region, optional
        Default: the built-in region the file names, if any.
    event_place : str, optional
        Where the birth, death or marriage happens, for ``@event`` references
        (default: the place the region names as usual for this life event and
        municipality, else ``municipality``).

    Returns
    -------
    Journey
        The journey graph and its context.

    Raises
    ------
    KeyError
        For an unknown persona.
    UnknownMunicipalityError
        For a municipality the region does not have.
    InputError
        When an authority cannot be resolved or the dependencies form a cycle.
    TypeError
        For arguments of the wrong type, such as a journey's name instead of the
        loaded journey.

    Examples
    --------
    >>> from lifeevents import load, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> journey(loads(DEMO_YAML), "mit-auto")
    <Journey 'demo' persona='mit-auto': 4 steps, 3 dependencies>

    With a region, the offices depend on where the family lives:

    >>> geburt = load("geburt")
    >>> for town in ("laer", "rheine"):
    ...     trip = journey(geburt, "unverheiratet-schalter", municipality=town)
    ...     print(trip.authority("vaterschaft-anerkennen").name)
    Kreisjugendamt
    Jugendamt der Stadt Rheine
    """
    _check_arguments(life_event, persona, municipality, origin, region)
    if event_place is not None and not isinstance(event_place, str):
        raise TypeError(f"event_place must be a municipality id (str) or None, not {event_place!r}")
    return journey_from_parts(
        journey_parts(
            life_event,
            persona,
            municipality=municipality,
            origin=origin,
            region=region,
            event_place=event_place,
        )
    )


def _check_arguments(
    life_event: object, persona: object, municipality: object, origin: object, region: object
) -> None:
    if isinstance(life_event, str):
        raise TypeError(
            f"journey() needs a loaded life event, not the text {life_event[:40]!r}: "
            f"use journey(lifeevents.load({life_event[:40]!r}), ...) for a built-in journey "
            "or a file"
        )
    if not isinstance(life_event, LifeEvent):
        raise TypeError(
            f"journey() needs a LifeEvent (from lifeevents.load()), not {type(life_event).__name__}"
        )
    if not isinstance(persona, str):
        raise TypeError(f"persona must be a persona id (str), not {type(persona).__name__}")
    for name, value in (("municipality", municipality), ("origin", origin)):
        if value is not None and not isinstance(value, str):
            raise TypeError(f"{name} must be a municipality id (str) or None, not {value!r}")
    if region is not None and not isinstance(region, Region):
        raise TypeError(
            f"region must be a Region (from lifeevents.load_region()) or None, not "
            f"{type(region).__name__}"
        )


def journey_from_parts(parts: JourneyParts) -> Journey:
    """The journey graph of ``parts``; :class:`InputError` for a dependency cycle.

    Parameters
    ----------
    parts : JourneyParts
        What :func:`journey_parts` found.

    Returns
    -------
    Journey
        The same journey :func:`journey` returns for the same arguments.

    Raises
    ------
    InputError
        When the dependencies form a cycle, located at a step of the cycle.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> parts = journey_parts(loads(DEMO_YAML), "mit-auto")
    >>> journey_from_parts(parts)
    <Journey 'demo' persona='mit-auto': 4 steps, 3 dependencies>
    """
    import networkx as nx

    with collection_paused():
        graph: nx.DiGraph[str] = nx.DiGraph(**parts.attributes)
        # What add_nodes_from and add_edges_from do, without their checks per item (a
        # third of building a journey); they still take anything unusual.
        inside: Any = graph  # networkx's own mappings (not in its type stubs)
        node, succ, pred = inside._node, inside._succ, inside._pred
        for step_id, attributes in parts.nodes:
            if step_id in node:
                graph.add_node(step_id, **attributes)
                continue
            node[step_id] = attributes.copy()
            succ[step_id] = {}
            pred[step_id] = {}
        for source, target, attributes in parts.edges:
            if source not in node or target not in node or target in succ[source]:
                graph.add_edge(source, target, **attributes)
                continue
            data = attributes.copy()
            succ[source][target] = data
            pred[target][source] = data
        if not parts.is_acyclic:
            raise InputError([_cycle_problem(parts.life_event, graph)])
        return Journey(
            parts.life_event,
            parts.persona_id,
            parts.persona,
            parts.municipality,
            parts.origin,
            graph,
            parts.region,
            parts.event_place,
        )


def _cycle_problem(life_event: LifeEvent, graph: nx.DiGraph[str]) -> Problem:
    import networkx as nx

    cycle = nx.find_cycle(graph)
    names = " → ".join([*(source for source, *_ in cycle), cycle[0][0]])
    first = life_event.step(cycle[0][0])
    return step_problem(life_event, first, "id", f"steps depend on each other in a circle: {names}")
