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
>>> life_event = loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Demo}
... authorities: {amt: {name: Amt, level: gemeinde}}
... evidence: {bescheid: {name: Bescheid, issued_by: amt}}
... personas: {online: {prefer: [online]}}
... steps:
...   - {id: antrag, name: Antrag, authority: amt, channels: [in_person, online],
...      produces: [bescheid]}
...   - {id: nachweis, name: Nachweis, authority: amt, channels: [mail], requires: [bescheid]}
... ''')
>>> trip = journey(life_event, persona="online")
>>> trip.channel("antrag")
<Channel.ONLINE: 'online'>
>>> trip.graph.edges["antrag", "nachweis"]["evidence"]
('bescheid',)
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lifeevents.errors import UnknownMunicipalityError
from lifeevents.formats.gc_pause import collection_paused
from lifeevents.formats.journey_file import source_of
from lifeevents.formats.region_file import builtin_regions
from lifeevents.graph.display import MimeBundle, mimebundle
from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.life_event import LifeEvent, Persona, Step
from lifeevents.model.life_event import authority_id as model_authority_id
from lifeevents.model.limits import MAX_DEPENDENCIES, CapExceededError
from lifeevents.model.order import is_acyclic, order_of
from lifeevents.model.problems import InputError, Problem
from lifeevents.model.region import Region
from lifeevents.model.suggestions import did_you_mean
from lifeevents.model.vocabulary import Channel, Transfer

# networkx is imported where a graph is built: validation works without it (see
# lifeevents.model.order), and importing it costs more than validating a journey.
if TYPE_CHECKING:
    import networkx as nx

__all__ = [
    "Journey",
    "JourneyParts",
    "ResolvedEvidence",
    "UnknownMunicipalityError",
    "journey",
    "journey_from_parts",
    "journey_parts",
    "site_pattern",
    "topological_order",
]


@dataclass(frozen=True)
class ResolvedEvidence:
    """An evidence with its issuer resolved (``graph.graph["evidence"]`` maps ids to these)."""

    id: str
    name: str
    issuer: ResolvedAuthority | None
    identity: bool
    transfer: Transfer


@dataclass(frozen=True, eq=False)
class Journey:
    """A life event instantiated for a persona (and municipality): the graph and its context.

    ``graph`` is a plain :class:`networkx.DiGraph`; run any networkx algorithm on it.
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
    municipality: str | None = None,
    origin: str | None = None,
    region: Region | None = None,
    *,
    event_place: str | None = None,
) -> Journey:
    """Instantiate a life event for a persona (spec rules 1-3).

    ``region`` defaults to the built-in region the file names. With a region,
    ``municipality`` defaults to the region's default municipality,
    ``origin`` (for ``@origin`` references) to ``municipality``, and
    ``event_place`` (for ``@event`` references: where the birth, death or marriage
    happens) to the place the region names as usual for this life event and
    municipality, else to ``municipality``.

    Raises :class:`KeyError` for an unknown persona,
    :class:`UnknownMunicipalityError`, and :class:`~lifeevents.model.problems.InputError`
    when an authority cannot be resolved or the dependencies form a cycle.
    """
    _check_arguments(life_event, persona, municipality, origin, region)
    if event_place is not None and not isinstance(event_place, str):
        raise TypeError(f"event_place must be a municipality id (str) or None, not {event_place!r}")
    return journey_from_parts(
        journey_parts(life_event, persona, municipality, origin, region, event_place=event_place)
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
    municipality: str | None = None,
    origin: str | None = None,
    region: Region | None = None,
    *,
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
        municipality = _municipality(region, municipality or region.region.default_municipality)
        origin = _municipality(region, origin or municipality)
        event_place = _municipality(
            region,
            event_place or region.usual_event_place(life_event.id, municipality) or municipality,
        )
    resolver = _Resolver(life_event, region, municipality, origin, event_place)
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
        list(_edges(life_event, applicable, persona)),
    )


def journey_from_parts(parts: JourneyParts) -> Journey:
    """The journey graph of ``parts``; :class:`InputError` for a dependency cycle."""
    import networkx as nx

    with collection_paused():
        graph: nx.DiGraph[str] = nx.DiGraph(**parts.attributes)
        graph.add_nodes_from(parts.nodes)
        graph.add_edges_from(parts.edges)
        if not nx.is_directed_acyclic_graph(graph):
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


def site_pattern(
    life_event: LifeEvent, region: Region, municipality: str
) -> tuple[int, ...] | None:
    """Which steps share a site in ``municipality`` (``origin`` the same, the place of the
    event the usual one): for each step in file order, the number of its site in order
    of first appearance.

    Two municipalities with equal patterns give journeys that differ only in the
    names of sites and offices, so any check that compares sites only for equality
    (such as rule 5) has the same outcome in both. ``None`` when a step's authority
    does not resolve there.
    """
    event_place = region.usual_event_place(life_event.id, municipality) or municipality
    resolver = _Resolver(life_event, region, municipality, municipality, event_place)
    numbers: dict[str, int] = {}
    pattern = []
    for step in life_event.steps:
        resolved = resolver.reference(step.authority)
        if resolved is None:
            return None
        pattern.append(numbers.setdefault(resolved.site, len(numbers)))
    return tuple(pattern)


def _municipality(region: Region, name: str | None) -> str:
    if name is None:
        raise UnknownMunicipalityError(
            f"region '{region.id}' has no default municipality; choose one of: "
            + ", ".join(region.municipalities)
        )
    if name not in region.municipalities:
        raise UnknownMunicipalityError(
            f"region '{region.id}' has no municipality '{name}'"
            f"{did_you_mean(name, list(region.municipalities))}; municipalities: "
            + ", ".join(region.municipalities)
        )
    return name


@dataclass(frozen=True)
class _Resolver:
    """Resolves authority references: file-local authorities first, then region offices."""

    life_event: LifeEvent
    region: Region | None
    municipality: str | None
    origin: str | None
    event_place: str | None = None

    def reference(self, reference: str) -> ResolvedAuthority | None:
        authority_id = model_authority_id(reference)
        authority = self.life_event.authorities.get(authority_id)
        if authority is not None:
            return ResolvedAuthority(
                id=authority_id,
                name=authority.name,
                level=authority.level,
                site=authority.site or authority_id,
            )
        if self.region is None or not self.region.has_office(authority_id):
            return None
        if reference.endswith("@origin"):
            where = self.origin
        elif reference.endswith("@event"):
            where = self.event_place
        else:
            where = self.municipality
        assert where is not None  # journey() sets all three whenever there is a region
        return self.region.resolve(
            authority_id, where, self.life_event.office_changes.get(authority_id)
        )

    def step(self, step: Step) -> ResolvedAuthority:
        resolved = self.reference(step.authority)
        if resolved is None:
            region = f" or in region '{self.region.id}'" if self.region else ""
            message = f"unknown authority '{step.authority}': not defined in this file{region}"
            raise InputError([_problem(self.life_event, step, "authority", message)])
        return resolved

    def evidence(self) -> dict[str, ResolvedEvidence]:
        return {
            evidence_id: ResolvedEvidence(
                id=evidence_id,
                name=evidence.name,
                issuer=self.reference(evidence.issued_by) if evidence.issued_by else None,
                identity=evidence.identity,
                transfer=evidence.transfer,
            )
            for evidence_id, evidence in self.life_event.evidence.items()
        }


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


def _edges(
    life_event: LifeEvent, applicable: set[str], persona_id: str
) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """Dependency edges between applicable steps, bridging steps that do not apply."""
    producer: dict[str, str] = {}
    for step in life_event.steps:
        if step.id in applicable:
            for evidence_id in step.produces:
                producer.setdefault(evidence_id, step.id)

    # Applicable steps that a step (applicable or not) must follow, with what travels.
    def direct_predecessors(step: Step) -> dict[str, tuple[bool, list[str]]]:
        found: dict[str, tuple[bool, list[str]]] = {}
        for other in step.after:
            found[other] = (True, [])
        for evidence_id in step.requires:
            source = producer.get(evidence_id)
            if source is not None and source != step.id:
                is_after, carried = found.get(source, (False, []))
                found[source] = (is_after, [*carried, evidence_id])
        return found

    # Non-applicable steps pass their applicable ancestors on to their successors.
    by_id = {step.id: step for step in life_event.steps}
    frontier = _Frontier(life_event, applicable, by_id, direct_predecessors)
    file_order = {step.id: index for index, step in enumerate(life_event.steps)}
    total = 0
    for step in life_event.steps:
        if step.id not in applicable:
            continue
        edges: dict[str, dict[str, Any]] = {}
        for source, (is_after, carried) in direct_predecessors(step).items():
            if source in applicable:
                edges[source] = _edge(life_event, is_after, carried, bridged=False)
            else:
                for ancestor in frontier.ancestors(source):
                    edges.setdefault(ancestor, _edge(life_event, True, [], bridged=True))
        total += len(edges)
        if total > MAX_DEPENDENCIES:
            raise CapExceededError(
                [
                    _problem(
                        life_event,
                        step,
                        "id",
                        f"more than {MAX_DEPENDENCIES:,} dependencies for persona "
                        f"'{persona_id}', counting those passed on through steps that do "
                        "not apply to the persona (at most "
                        f"{MAX_DEPENDENCIES:,}; docs/command-line.md, caps): let fewer "
                        "steps depend on a step that does not always apply",
                    )
                ]
            )
        for source in sorted(edges, key=file_order.__getitem__):
            yield source, step.id, edges[source]


class _Frontier:
    """The applicable ancestors of steps that do not apply, found without recursion.

    A step that does not apply and has one predecessor, itself not applicable,
    shares that predecessor's set. The sets together may hold at most four times
    :data:`~lifeevents.model.limits.MAX_DEPENDENCIES` entries.
    """

    def __init__(
        self,
        life_event: LifeEvent,
        applicable: set[str],
        by_id: dict[str, Step],
        direct_predecessors: Callable[[Step], dict[str, tuple[bool, list[str]]]],
    ) -> None:
        self.life_event = life_event
        self.applicable = applicable
        self.by_id = by_id
        self.direct_predecessors = direct_predecessors
        self.found: dict[str, set[str]] = {}
        self.entries = 0

    def ancestors(self, start: str) -> set[str]:
        """Applicable steps that ``start`` (not applicable) must follow, through others."""
        stack = [(start, False)]
        open_steps: set[str] = set()
        while stack:
            step_id, expanded = stack.pop()
            if step_id in self.found:
                continue
            step = self.by_id.get(step_id)
            if step is None:
                self.found[step_id] = set()
                continue
            sources = list(self.direct_predecessors(step))
            if not expanded:
                open_steps.add(step_id)
                stack.append((step_id, True))
                stack.extend(
                    (source, False)
                    for source in sources
                    if source not in self.applicable
                    and source not in self.found
                    and source not in open_steps
                )
                continue
            open_steps.discard(step_id)
            self.found[step_id] = self._combine(step, sources)
        return self.found[start]

    def _combine(self, step: Step, sources: list[str]) -> set[str]:
        # A predecessor still open lies on a cycle, which check() reports; it adds nothing.
        passed = [self.found[source] for source in sources if source in self.found]
        direct = [source for source in sources if source in self.applicable]
        if not direct and len(passed) == 1:
            return passed[0]
        result = set(direct).union(*passed)
        self.entries += len(result)
        if self.entries > 4 * MAX_DEPENDENCIES:
            message = (
                f"the steps that do not apply to a persona pass on more than "
                f"{4 * MAX_DEPENDENCIES:,} dependencies in all (at most "
                f"{MAX_DEPENDENCIES:,} per persona, four times that while bridging; "
                "docs/command-line.md, caps): let fewer steps depend on steps that do not "
                "always apply"
            )
            raise CapExceededError([_problem(self.life_event, step, "id", message)])
        return result


def _edge(
    life_event: LifeEvent, is_after: bool, carried: list[str], *, bridged: bool
) -> dict[str, Any]:
    # Evidence a model built in code forgot to declare counts as carried by the citizen.
    citizen = tuple(
        evidence_id
        for evidence_id in carried
        if evidence_id not in life_event.evidence
        or life_event.evidence[evidence_id].transfer is Transfer.CITIZEN
    )
    return {
        "kind": "evidence" if carried else "precedence",
        "evidence": tuple(carried),
        "citizen_evidence": citizen,
        "after": is_after,
        "bridged": bridged,
    }


def _problem(life_event: LifeEvent, step: Step, key: str, message: str) -> Problem:
    source = source_of(life_event)
    index = life_event.steps.index(step)
    if source is None:
        return Problem(f"<{life_event.id}>", 1, 1, f"step '{step.id}': {message}")
    return source.problem(("steps", index, key), f"step '{step.id}': {message}")


def _cycle_problem(life_event: LifeEvent, graph: nx.DiGraph[str]) -> Problem:
    import networkx as nx

    cycle = nx.find_cycle(graph)
    names = " → ".join([*(source for source, *_ in cycle), cycle[0][0]])
    first = life_event.step(cycle[0][0])
    return _problem(life_event, first, "id", f"steps depend on each other in a circle: {names}")
