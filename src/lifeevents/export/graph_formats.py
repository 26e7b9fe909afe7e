"""The journey graph with plain attribute values: GraphML and node-link JSON.

:attr:`Journey.graph <lifeevents.graph.journey.Journey.graph>` keeps rich objects on
its nodes (the :class:`~lifeevents.model.life_event.Step`, a
:class:`~lifeevents.model.authorities.ResolvedAuthority`, enums), which
:func:`networkx.write_graphml` and :func:`networkx.node_link_data` cannot
serialise. :func:`plain_graph` copies the graph with plain values only; the
journey's own graph is left as it is.

Node attributes of the plain graph: ``name``, ``authority`` (resolved id),
``authority_name``, ``level``, ``site``, ``channel`` (chosen), ``channels``
(offered, usual first), ``lead_time_days``, and when set ``deadline_days``,
``visit``, ``stage``, ``legal_basis``, ``leika``. Edge attributes: ``kind``,
``evidence``, ``citizen_evidence``, ``after``, ``bridged``. Graph attributes:
``life_event``, ``persona``, ``municipality``, ``origin`` (when set).

GraphML has no lists and no null: with ``flat=True`` lists become
space-separated text (ids have no spaces), unset values are left out, and text
passes through :func:`~lifeevents.export.xml_text.xml_safe` (XML turns line ends
into ``\n`` and cannot carry most control characters). Node-link JSON is exact.

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.graph.journey import journey
>>> trip = journey(loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Demo}
... authorities: {amt: {name: Amt, level: gemeinde}}
... evidence: {bescheid: {name: Bescheid, issued_by: amt}}
... steps:
...   - {id: a, name: Antrag, authority: amt, channels: [online, mail], produces: [bescheid]}
...   - {id: b, name: Nachweis, authority: amt, channels: [mail], requires: [bescheid]}
... '''))
>>> plain_graph(trip).nodes["a"]["channels"]
['online', 'mail']
>>> plain_graph(trip, flat=True).nodes["a"]["channels"]
'online mail'
>>> node_link_data(trip)["links"][0]["evidence"]
['bescheid']
"""

from __future__ import annotations

import json
import os
from typing import Any

import networkx as nx

from lifeevents.export.xml_text import xml_safe
from lifeevents.formats.atomic import write_atomic
from lifeevents.graph.journey import Journey

__all__ = [
    "graphml_text",
    "node_link_data",
    "node_link_json",
    "plain_graph",
    "read_graphml_text",
    "write_graphml",
    "write_node_link_json",
]

_LIST_NODE_KEYS = ("channels",)
_LIST_EDGE_KEYS = ("evidence", "citizen_evidence")


def plain_graph(trip: Journey, *, flat: bool = False) -> nx.DiGraph[str]:
    """A copy of the journey graph whose attribute values are str, int, bool or lists of str.

    ``flat=True`` gives values GraphML and GEXF can hold: lists joined by spaces,
    unset values left out.
    """
    graph: nx.DiGraph[str] = nx.DiGraph()
    graph.graph.update(
        _kept(
            {
                "life_event": trip.life_event.id,
                "persona": trip.persona_id,
                "municipality": trip.municipality,
                "origin": trip.origin,
            },
            flat,
        )
    )
    for node, data in trip.graph.nodes(data=True):
        step = data["step"]
        authority = data["authority"]
        attributes: dict[str, Any] = {
            "name": data["name"],
            "authority": authority.id,
            "authority_name": authority.name,
            "level": authority.level.value,
            "site": data["site"],
            "channel": data["channel"].value,
            "channels": [channel.value for channel in data["channels"]],
            "lead_time_days": data["lead_time_days"],
            "deadline_days": data["deadline_days"],
            "visit": data["visit"],
            "stage": data["stage"],
            "legal_basis": step.legal_basis,
            "leika": step.leika,
        }
        graph.add_node(node, **_kept(attributes, flat))
    for source, target, data in trip.graph.edges(data=True):
        attributes = {
            "kind": data["kind"],
            "evidence": list(data["evidence"]),
            "citizen_evidence": list(data["citizen_evidence"]),
            "after": data["after"],
            "bridged": data["bridged"],
        }
        graph.add_edge(source, target, **_kept(attributes, flat))
    return graph


def _kept(attributes: dict[str, Any], flat: bool) -> dict[str, Any]:
    if not flat:
        return attributes
    return {key: _flat(value) for key, value in attributes.items() if value is not None}


def _flat(value: Any) -> Any:
    if isinstance(value, list):
        return xml_safe(" ".join(value))
    return xml_safe(value) if isinstance(value, str) else value


def graphml_text(trip: Journey) -> str:
    """The journey graph as GraphML (UTF-8 text), for Gephi, yEd, Cytoscape and networkx."""
    return "\n".join(nx.generate_graphml(plain_graph(trip, flat=True))) + "\n"


def read_graphml_text(text: str) -> nx.DiGraph[str]:
    """Read GraphML written by :func:`graphml_text`, lists split back into lists.

    The reverse of :func:`graphml_text` up to the unset values it leaves out:
    ``read_graphml_text(graphml_text(trip))`` equals ``plain_graph(trip, flat=True)``
    with its list attributes split at spaces.
    """
    parsed = nx.parse_graphml(text, node_type=str, force_multigraph=False)
    if not isinstance(parsed, nx.DiGraph):
        raise ValueError("not a directed graph: GraphML from graphml_text is directed")
    graph: nx.DiGraph[str] = parsed
    for key in ("node_default", "edge_default"):
        graph.graph.pop(key, None)
    for _, data in graph.nodes(data=True):
        for key in _LIST_NODE_KEYS:
            data[key] = _split(data.get(key, ""))
    for _, _, data in graph.edges(data=True):
        for key in _LIST_EDGE_KEYS:
            data[key] = _split(data.get(key, ""))
    return graph


def _split(text: str) -> list[str]:
    return text.split(" ") if text else []


def write_graphml(trip: Journey, path: str | os.PathLike[str]) -> None:
    """Write :func:`graphml_text` to ``path`` atomically."""
    write_atomic(path, graphml_text(trip))


def node_link_data(trip: Journey) -> dict[str, Any]:
    """The plain graph as node-link data (``nodes`` and ``links``), ready for JSON and D3.

    ``networkx.node_link_graph(data, edges="links")`` reads it back into a graph
    equal to :func:`plain_graph`.
    """
    data: dict[str, Any] = nx.node_link_data(plain_graph(trip), edges="links")
    return data


def node_link_json(trip: Journey) -> str:
    """:func:`node_link_data` as JSON text (UTF-8, umlauts kept, stable key order)."""
    return json.dumps(node_link_data(trip), ensure_ascii=False, indent=2) + "\n"


def write_node_link_json(trip: Journey, path: str | os.PathLike[str]) -> None:
    """Write :func:`node_link_json` to ``path`` atomically."""
    write_atomic(path, node_link_json(trip))
