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

from collections.abc import Collection, Mapping
from typing import Any

import networkx as nx

from lifeevents.model.vocabulary import Channel

__all__ = ["digital_share", "online_available_share"]

# Tuples, not sets: looking an enum member up in a set hashes it in Python.
_ONLINE = (Channel.ONLINE, Channel.PROACTIVE)
_DIGITAL = tuple(channel for channel in Channel if channel.is_digital)


def digital_share(graph: nx.DiGraph[str]) -> float:
    """Share of applicable steps done on a digital channel (rule 10).

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph: every node carries its chosen ``channel``.

    Returns
    -------
    float
        Between 0.0 and 1.0; 0.0 for a journey without applicable steps.

    See Also
    --------
    online_available_share : the share that could be done online.

    Examples
    --------
    One of the demo's three steps (the broadcasting fee) is done online:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> round(digital_share(journey(loads(DEMO_YAML)).graph), 3)
    0.333
    """
    return _digital_share([data for _, data in graph.nodes(data=True)])


def _digital_share(nodes: Collection[Mapping[str, Any]]) -> float:
    if not nodes:
        return 0.0
    return sum(1 for data in nodes if data["channel"] in _DIGITAL) / len(nodes)


def online_available_share(graph: nx.DiGraph[str]) -> float:
    """Share of applicable steps that offer ``online`` or ``proactive`` (rule 10).

    It counts what is offered, whatever the persona chooses: the gap to
    :func:`digital_share` is what a persona could do online but does not.

    Parameters
    ----------
    graph : networkx.DiGraph
        A journey graph: every node carries its offered ``channels``.

    Returns
    -------
    float
        Between 0.0 and 1.0; 0.0 for a journey without applicable steps.

    Examples
    --------
    With a car, the demo adds a vehicle registration that is offered in person only:

    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> online_available_share(journey(loads(DEMO_YAML), "mit-auto").graph)
    0.25
    """
    return _online_available_share([data for _, data in graph.nodes(data=True)])


def _online_available_share(nodes: Collection[Mapping[str, Any]]) -> float:
    if not nodes:
        return 0.0
    offered = 0
    for data in nodes:
        for channel in data["channels"]:
            if channel in _ONLINE:
                offered += 1
                break
    return offered / len(nodes)
