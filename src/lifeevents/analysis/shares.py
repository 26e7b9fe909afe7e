"""Channel shares (spec rule 10).

``digital_share``: applicable steps whose chosen channel is digital, divided by
applicable steps. ``online_available_share``: applicable steps that offer
``online`` or ``proactive``, divided by applicable steps. A journey without
applicable steps has both shares 0.0.

>>> import networkx as nx
>>> from lifeevents.model.vocabulary import Channel
>>> graph = nx.DiGraph()
>>> graph.add_node("a", channel=Channel.ONLINE, channels=(Channel.ONLINE,))
>>> graph.add_node("b", channel=Channel.MAIL, channels=(Channel.MAIL, Channel.PROACTIVE))
>>> graph.add_node("c", channel=Channel.PHONE, channels=(Channel.PHONE,))
>>> round(digital_share(graph), 3), round(online_available_share(graph), 3)
(0.333, 0.667)
"""

from __future__ import annotations

import networkx as nx

from lifeevents.model.vocabulary import Channel

__all__ = ["digital_share", "online_available_share"]

_ONLINE = frozenset({Channel.ONLINE, Channel.PROACTIVE})


def digital_share(graph: nx.DiGraph[str]) -> float:
    """Share of applicable steps done on a digital channel."""
    if not graph:
        return 0.0
    digital = sum(bool(data["channel"].is_digital) for _, data in graph.nodes(data=True))
    return digital / len(graph)


def online_available_share(graph: nx.DiGraph[str]) -> float:
    """Share of applicable steps that offer ``online`` or ``proactive``."""
    if not graph:
        return 0.0
    offered = sum(not _ONLINE.isdisjoint(data["channels"]) for _, data in graph.nodes(data=True))
    return offered / len(graph)
