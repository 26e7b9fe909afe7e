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

from dataclasses import dataclass
from typing import Any

import networkx as nx

from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.vocabulary import Channel

__all__ = [
    "AuthorityHandover",
    "ChannelHandover",
    "MediaBreak",
    "authority_handovers",
    "channel_handovers",
    "media_breaks",
]


@dataclass(frozen=True)
class ChannelHandover:
    """A dependency whose two steps use different channels (rule 6)."""

    source: str
    target: str
    source_channel: Channel
    target_channel: Channel

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "to": self.target,
            "from_channel": self.source_channel.value,
            "to_channel": self.target_channel.value,
        }


@dataclass(frozen=True)
class MediaBreak:
    """Citizen-carried evidence moving between paper and digital (rule 7)."""

    source: str
    target: str
    evidence: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"from": self.source, "to": self.target, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class AuthorityHandover:
    """Citizen-carried evidence moving from one authority to another (rule 8)."""

    source: str
    target: str
    evidence: tuple[str, ...]
    source_authority: ResolvedAuthority
    target_authority: ResolvedAuthority

    @property
    def crosses_levels(self) -> bool:
        return self.source_authority.level is not self.target_authority.level

    def to_dict(self) -> dict[str, Any]:
        return {
            "from": self.source,
            "to": self.target,
            "evidence": list(self.evidence),
            "from_authority": self.source_authority.id,
            "to_authority": self.target_authority.id,
            "crosses_levels": self.crosses_levels,
        }


def _edges_in_order(graph: nx.DiGraph[str]) -> list[tuple[str, str, dict[str, Any]]]:
    """Edges sorted by the position of source, then target, in the graph (file order)."""
    # Source by source in graph order, each one's targets sorted: the same order as sorting
    # every edge by (source, target) position, without a key computed per edge.
    position = {node: index for index, node in enumerate(graph)}
    return [
        (source, target, targets[target])
        for source, targets in graph.adjacency()
        for target in (sorted(targets, key=position.__getitem__) if len(targets) > 1 else targets)
    ]


def _node_data(graph: nx.DiGraph[str]) -> dict[str, dict[str, Any]]:
    # A plain mapping: looking nodes up through graph.nodes is a Python call each, per edge.
    # (The data view iterates the graph's own dict; graph.nodes.items() looks up each node.)
    return dict(iter(graph.nodes(data=True)))


def channel_handovers(graph: nx.DiGraph[str]) -> list[ChannelHandover]:
    """Dependency edges whose steps have different chosen channels."""
    nodes = _node_data(graph)
    return [
        ChannelHandover(source, target, nodes[source]["channel"], nodes[target]["channel"])
        for source, target, _ in _edges_in_order(graph)
        if nodes[source]["channel"] != nodes[target]["channel"]
    ]


def media_breaks(graph: nx.DiGraph[str]) -> list[MediaBreak]:
    """Evidence edges with citizen-carried evidence whose steps' media are set and differ."""
    nodes = _node_data(graph)
    found = []
    for source, target, data in _edges_in_order(graph):
        carried = data.get("citizen_evidence", ())
        source_medium = nodes[source]["channel"].medium
        target_medium = nodes[target]["channel"].medium
        if carried and source_medium and target_medium and source_medium != target_medium:
            found.append(MediaBreak(source, target, tuple(carried)))
    return found


def authority_handovers(graph: nx.DiGraph[str]) -> list[AuthorityHandover]:
    """Evidence edges with citizen-carried evidence between different authorities."""
    nodes = _node_data(graph)
    found = []
    for source, target, data in _edges_in_order(graph):
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
