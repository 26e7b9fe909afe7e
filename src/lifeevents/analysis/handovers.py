"""Where the journey changes hands: channels, media and authorities (spec rules 6-8).

Each finding is counted once per dependency edge, however many evidence items
travel on it; ``evidence`` lists the items the citizen carries.

>>> import networkx as nx
>>> from lifeevents.model.authorities import ResolvedAuthority
>>> from lifeevents.model.vocabulary import Channel, Level
>>> amt = ResolvedAuthority("amt", "Amt", Level.GEMEINDE, "rathaus")
>>> kreis = ResolvedAuthority("kreis", "Kreis", Level.KREIS, "kreishaus")
>>> graph = nx.DiGraph()
>>> graph.add_node("a", channel=Channel.IN_PERSON, authority=amt)
>>> graph.add_node("b", channel=Channel.ONLINE, authority=kreis)
>>> graph.add_edge("a", "b", evidence=("bescheinigung",), citizen_evidence=("bescheinigung",))
>>> channel_handovers(graph)[0].to_dict()
{'from': 'a', 'to': 'b', 'from_channel': 'in_person', 'to_channel': 'online'}
>>> media_breaks(graph)[0].to_dict()
{'from': 'a', 'to': 'b', 'evidence': ['bescheinigung']}
>>> authority_handovers(graph)[0].crosses_levels
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import networkx as nx

from lifeevents.analysis.shape import Shape, shape_of
from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.vocabulary import Channel

__all__ = [
    "AuthorityHandover",
    "ChannelHandover",
    "MediaBreak",
    "authority_handovers",
    "channel_handovers",
    "edges_in_order",
    "media_breaks",
]


@dataclass(frozen=True)
class ChannelHandover:
    """A dependency whose two steps use different channels (rule 6).

    Attributes
    ----------
    source, target : str
        The step ids of the dependency ``source -> target``.
    source_channel, target_channel : Channel
        The channel chosen for each of the two steps.

    See Also
    --------
    channel_handovers : finds them in a journey graph.

    Examples
    --------
    In the demo journey the citizen registers in person, then pays the broadcasting
    fee online:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> handover = channel_handovers(journey(loads(DEMO_YAML)).graph)[0]
    >>> handover.source, handover.target, handover.target_channel
    ('anmelden', 'rundfunk', <Channel.ONLINE: 'online'>)
    >>> handover.to_dict()
    {'from': 'anmelden', 'to': 'rundfunk', 'from_channel': 'in_person', 'to_channel': 'online'}
    """

    source: str
    target: str
    source_channel: Channel
    target_channel: Channel

    def to_dict(self) -> dict[str, Any]:
        """The item as in ``channel_handovers.items`` of the machine-readable analysis."""
        return {
            "from": self.source,
            "to": self.target,
            "from_channel": self.source_channel.value,
            "to_channel": self.target_channel.value,
        }


@dataclass(frozen=True)
class MediaBreak:
    """Citizen-carried evidence moving between paper and digital (rule 7).

    Attributes
    ----------
    source, target : str
        The step ids of the dependency ``source -> target``.
    evidence : tuple of str
        The evidence ids the citizen carries from one medium to the other.

    See Also
    --------
    media_breaks : finds them in a journey graph.

    Examples
    --------
    Moving house with the persona ``digital-mit-auto``, the landlord's confirmation
    arrives by e-mail and must be shown on paper at the registration office:

    >>> import lifeevents
    >>> trip = lifeevents.journey(lifeevents.load("umzug-innerhalb-kreis"), "digital-mit-auto")
    >>> item = media_breaks(trip.graph)[0]
    >>> item.source, item.target, item.evidence
    ('wohnungsgeberbestaetigung', 'anmeldung', ('wohnungsgeberbestaetigung',))
    >>> trip.channel(item.source), trip.channel(item.target)
    (<Channel.EMAIL: 'email'>, <Channel.IN_PERSON: 'in_person'>)
    """

    source: str
    target: str
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        """The item as in ``media_breaks.items`` of the machine-readable analysis."""
        return {"from": self.source, "to": self.target, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class AuthorityHandover:
    """Citizen-carried evidence moving from one authority to another (rule 8).

    Attributes
    ----------
    source, target : str
        The step ids of the dependency ``source -> target``.
    evidence : tuple of str
        The evidence ids the citizen carries from one authority to the other.
    source_authority, target_authority : ResolvedAuthority
        The authorities of the two steps, as resolved for the journey.
    crosses_levels : bool
        Whether the two authorities belong to different levels (Gemeinde, Kreis, ...).

    See Also
    --------
    authority_handovers : finds them in a journey graph.

    Examples
    --------
    With a car, the citizen takes the Meldebestätigung from the Bürgerbüro (Gemeinde)
    to the Straßenverkehrsamt (Kreis):

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> handover = authority_handovers(journey(loads(DEMO_YAML), "mit-auto").graph)[0]
    >>> handover.source_authority.name, handover.target_authority.name, handover.evidence
    ('Bürgerbüro', 'Straßenverkehrsamt', ('meldung',))
    >>> handover.crosses_levels
    True
    """

    source: str
    target: str
    evidence: tuple[str, ...]
    source_authority: ResolvedAuthority
    target_authority: ResolvedAuthority

    @property
    def crosses_levels(self) -> bool:
        """Whether the two authorities belong to different levels."""
        return self.source_authority.level is not self.target_authority.level

    def to_dict(self) -> dict[str, Any]:
        """The item as in ``authority_handovers.items`` of the machine-readable analysis."""
        return {
            "from": self.source,
            "to": self.target,
            "evidence": list(self.evidence),
            "from_authority": self.source_authority.id,
            "to_authority": self.target_authority.id,
            "crosses_levels": self.crosses_levels,
        }


Edges = list[tuple[str, str, dict[str, Any]]]
Nodes = Mapping[str, Mapping[str, Any]]


def _edges_in_order(graph: nx.DiGraph[str]) -> Edges:
    """Edges sorted by the position of source, then target, in the graph (file order)."""
    succ = dict(graph.adjacency())
    return edges_in_order(succ, shape_of(succ))


def edges_in_order(succ: Mapping[str, Mapping[str, dict[str, Any]]], shape: Shape) -> Edges:
    """Every edge with its attributes, sorted by the position of source, then target, in
    the graph (file order).

    Parameters
    ----------
    succ : mapping
        The graph's adjacency (``dict(graph.adjacency())``).
    shape : Shape
        Its shape (:func:`~lifeevents.analysis.shape.shape_of`).

    Returns
    -------
    list of (str, str, dict)
        Source, target and the edge's attributes.

    Examples
    --------
    >>> import networkx as nx
    >>> graph = nx.DiGraph()
    >>> graph.add_nodes_from(["a", "b", "c"])
    >>> graph.add_edges_from([("a", "c", {"kind": "x"}), ("a", "b"), ("b", "c")])
    >>> succ = dict(graph.adjacency())
    >>> [(source, target) for source, target, _ in edges_in_order(succ, shape_of(succ))]
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    """
    return [(source, target, succ[source][target]) for source, target in shape.edges]


def _node_data(graph: nx.DiGraph[str]) -> dict[str, dict[str, Any]]:
    # A plain mapping: looking nodes up through graph.nodes is a Python call each, per edge.
    # (The data view iterates the graph's own dict; graph.nodes.items() looks up each node.)
    return dict(iter(graph.nodes(data=True)))


def channel_handovers(graph: nx.DiGraph[str]) -> list[ChannelHandover]:
    """Dependency edges whose steps have different chosen channels (rule 6).

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph (:attr:`Journey.graph <lifeevents.graph.journey.Journey.graph>`):
        every node carries its chosen ``channel``.

    Returns
    -------
    list of ChannelHandover
        One per edge whose two steps' channels differ, in file order of the steps.

    See Also
    --------
    media_breaks : the handovers that change the medium of carried evidence.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> graph = journey(loads(DEMO_YAML)).graph
    >>> [(item.source, item.target) for item in channel_handovers(graph)]
    [('anmelden', 'rundfunk')]

    Registering and paying at the town hall are both in person, so that edge is no
    handover.
    """
    return _channel_handovers(_node_data(graph), _edges_in_order(graph))


def _channel_handovers(nodes: Nodes, edges: Edges) -> list[ChannelHandover]:
    return [
        ChannelHandover(source, target, nodes[source]["channel"], nodes[target]["channel"])
        for source, target, _ in edges
        if nodes[source]["channel"] != nodes[target]["channel"]
    ]


def media_breaks(graph: nx.DiGraph[str]) -> list[MediaBreak]:
    """Evidence edges with citizen-carried evidence whose steps' media are set and differ.

    The medium of a channel is paper (in person, post), digital (online, e-mail,
    video, terminal, proactive) or none (phone); see
    :attr:`Channel.medium <lifeevents.model.vocabulary.Channel.medium>`.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph: nodes carry their chosen ``channel``, edges the
        ``citizen_evidence`` the citizen carries along them.

    Returns
    -------
    list of MediaBreak
        One per such edge, in file order of the steps.

    Examples
    --------
    The demo journey keeps everything the citizen carries on paper, so it has none:

    >>> from lifeevents import journey, load, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> media_breaks(journey(loads(DEMO_YAML), "mit-auto").graph)
    []

    Moving house digitally, the landlord's confirmation comes by e-mail but goes to
    the registration office in person:

    >>> trip = journey(load("umzug-innerhalb-kreis"), "digital-mit-auto")
    >>> [(item.source, item.target) for item in media_breaks(trip.graph)]
    [('wohnungsgeberbestaetigung', 'anmeldung')]
    """
    return _media_breaks(_node_data(graph), _edges_in_order(graph))


def _media_breaks(nodes: Nodes, edges: Edges) -> list[MediaBreak]:
    found = []
    for source, target, data in edges:
        carried = data.get("citizen_evidence", ())
        source_medium = nodes[source]["channel"].medium
        target_medium = nodes[target]["channel"].medium
        if carried and source_medium and target_medium and source_medium != target_medium:
            found.append(MediaBreak(source, target, tuple(carried)))
    return found


def authority_handovers(graph: nx.DiGraph[str]) -> list[AuthorityHandover]:
    """Evidence edges with citizen-carried evidence between different authorities (rule 8).

    Authorities are compared after resolution (a region's office for the
    municipality), not by the spelling of their references.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph: nodes carry their resolved ``authority``, edges the
        ``citizen_evidence`` the citizen carries along them.

    Returns
    -------
    list of AuthorityHandover
        One per such edge, in file order of the steps.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> life_event = loads(DEMO_YAML)
    >>> authority_handovers(journey(life_event).graph)
    []
    >>> handover = authority_handovers(journey(life_event, "mit-auto").graph)[0]
    >>> handover.to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'from': 'anmelden', 'to': 'kfz', 'evidence': ['meldung'], 'from_authority': 'amt',
     'to_authority': 'kreis', 'crosses_levels': True}
    """
    return _authority_handovers(_node_data(graph), _edges_in_order(graph))


def _authority_handovers(nodes: Nodes, edges: Edges) -> list[AuthorityHandover]:
    found = []
    for source, target, data in edges:
        carried = data.get("citizen_evidence", ())
        source_authority = nodes[source]["authority"]
        target_authority = nodes[target]["authority"]
        # Identity after resolution, not the spelling of the reference (spec).
        if carried and source_authority.id != target_authority.id:
            found.append(
                AuthorityHandover(
                    source, target, tuple(carried), source_authority, target_authority
                )
            )
    return found
