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

>>> from lifeevents import journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> trip = journey(loads(DEMO_YAML), "mit-auto")
>>> plain_graph(trip).edges["anmelden", "kfz"]["evidence"]
['meldung']
>>> plain_graph(trip, flat=True).edges["anmelden", "kfz"]["evidence"]
'meldung'
>>> node_link_data(trip)["links"][1]["evidence"]
['meldung']
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

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).
    flat : bool, optional
        Join lists by spaces, leave unset values out and make text safe for XML.

    Returns
    -------
    networkx.DiGraph
        A new graph with the attributes listed in the module documentation.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> graph = plain_graph(trip)
    >>> graph.graph
    {'life_event': 'demo', 'persona': 'mit-auto', 'municipality': None, 'origin': None}
    >>> node = graph.nodes["kfz"]
    >>> node["authority_name"], node["level"], node["channel"], node["channels"], node["visit"]
    ('Straßenverkehrsamt', 'kreis', 'in_person', ['in_person'], None)
    >>> "visit" in plain_graph(trip, flat=True).nodes["kfz"]
    False
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
    """The journey graph as GraphML (UTF-8 text), for Gephi, yEd, Cytoscape and networkx.

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).

    Returns
    -------
    str
        The flat :func:`plain_graph` as GraphML.

    See Also
    --------
    read_graphml_text : reads it back.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> text = graphml_text(trip)
    >>> text.startswith("<graphml"), "Wohnsitz &lt;anmelden&gt; &amp; best&#228;tigen" in text
    (True, True)
    """
    return "\n".join(nx.generate_graphml(plain_graph(trip, flat=True))) + "\n"


def read_graphml_text(text: str) -> nx.DiGraph[str]:
    """Read GraphML written by :func:`graphml_text`, lists split back into lists.

    The reverse of :func:`graphml_text` up to the unset values it leaves out:
    ``read_graphml_text(graphml_text(trip))`` equals ``plain_graph(trip, flat=True)``
    with its list attributes split at spaces.

    Parameters
    ----------
    text : str
        GraphML text, as :func:`graphml_text` writes it.

    Returns
    -------
    networkx.DiGraph
        The plain graph, ``channels``, ``evidence`` and ``citizen_evidence`` as lists.

    Raises
    ------
    ValueError
        When the GraphML describes an undirected graph.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> graph = read_graphml_text(graphml_text(trip))
    >>> graph.edges["anmelden", "kfz"]["citizen_evidence"], graph.nodes["anmelden"]["name"]
    (['meldung'], 'Wohnsitz <anmelden> & bestätigen')
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
    """Write :func:`graphml_text` to ``path`` atomically.

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).
    path : str or os.PathLike
        The file to write (conventionally ``.graphml``); replaced if it exists.

    Examples
    --------
    networkx reads the file as it reads any GraphML:

    >>> import tempfile
    >>> from pathlib import Path
    >>> import networkx as nx
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_graphml(trip, Path(folder, "umzug.graphml"))
    ...     graph = nx.read_graphml(Path(folder, "umzug.graphml"))
    >>> list(graph.successors("anmelden"))
    ['gebuehr', 'kfz', 'rundfunk']
    """
    write_atomic(path, graphml_text(trip))


def node_link_data(trip: Journey) -> dict[str, Any]:
    """The plain graph as node-link data (``nodes`` and ``links``), ready for JSON and D3.

    ``networkx.node_link_graph(data, edges="links")`` reads it back into a graph
    equal to :func:`plain_graph`.

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).

    Returns
    -------
    dict
        ``directed``, ``multigraph``, ``graph``, ``nodes`` and ``links``.

    Examples
    --------
    >>> import networkx as nx
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> data = node_link_data(trip)
    >>> [(link["source"], link["target"]) for link in data["links"]]
    [('anmelden', 'gebuehr'), ('anmelden', 'kfz'), ('anmelden', 'rundfunk')]
    >>> graph = nx.node_link_graph(data, edges="links")
    >>> graph.nodes["kfz"] == plain_graph(trip).nodes["kfz"]
    True
    """
    data: dict[str, Any] = nx.node_link_data(plain_graph(trip), edges="links")
    return data


def node_link_json(trip: Journey) -> str:
    """:func:`node_link_data` as JSON text (UTF-8, umlauts kept, stable key order).

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).

    Returns
    -------
    str
        Indented JSON ending in a line break.

    Examples
    --------
    >>> import json
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> data = json.loads(node_link_json(trip))
    >>> data["graph"]["persona"], data["nodes"][0]["authority_name"]
    ('mit-auto', 'Bürgerbüro')
    """
    return json.dumps(node_link_data(trip), ensure_ascii=False, indent=2) + "\n"


def write_node_link_json(trip: Journey, path: str | os.PathLike[str]) -> None:
    """Write :func:`node_link_json` to ``path`` atomically.

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).
    path : str or os.PathLike
        The file to write (conventionally ``.graph.json``); replaced if it exists.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML), "mit-auto")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_node_link_json(trip, Path(folder, "umzug.graph.json"))
    ...     text = Path(folder, "umzug.graph.json").read_text(encoding="utf-8")
    >>> text == node_link_json(trip)
    True
    """
    write_atomic(path, node_link_json(trip))
