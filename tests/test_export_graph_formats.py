"""GraphML and node-link JSON: plain values that networkx writes and reads back unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from export_support import builtin_trips
from lifeevents.export.graph_formats import (
    graphml_text,
    node_link_data,
    node_link_json,
    plain_graph,
    read_graphml_text,
    write_graphml,
)
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from strategies import life_events

PLAIN = (str, int, bool, list)


def _assert_plain(graph: nx.DiGraph[str], *, flat: bool) -> None:
    allowed = (str, int, bool, float) if flat else (*PLAIN, type(None))
    for _, data in graph.nodes(data=True):
        assert all(isinstance(value, allowed) for value in data.values()), data
    for _, _, data in graph.edges(data=True):
        assert all(isinstance(value, allowed) for value in data.values()), data


@given(life_events(), st.data())
def test_graphml_and_node_link_read_back_equal(life_event: LifeEvent, data: st.DataObject) -> None:
    persona = data.draw(st.sampled_from(life_event.persona_ids()))
    trip = journey(life_event, persona)
    flat = plain_graph(trip, flat=True)
    _assert_plain(flat, flat=True)
    read = read_graphml_text(graphml_text(trip))
    assert list(read.nodes) == list(flat.nodes)
    assert sorted(read.edges) == sorted(flat.edges)
    for node, attributes in flat.nodes(data=True):
        expected = {**attributes, "channels": attributes["channels"].split(" ")}
        assert read.nodes[node] == expected
    for source, target, attributes in flat.edges(data=True):
        expected = {
            **attributes,
            "evidence": [e for e in attributes.get("evidence", "").split(" ") if e],
            "citizen_evidence": [e for e in attributes.get("citizen_evidence", "").split(" ") if e],
        }
        assert read.edges[source, target] == expected
    assert read.graph == flat.graph

    plain = plain_graph(trip)
    _assert_plain(plain, flat=False)
    back = nx.node_link_graph(json.loads(node_link_json(trip)), edges="links")
    # iter(): to the networkx stubs the view is a set of nodes, but its iterator yields pairs.
    assert dict(iter(back.nodes(data=True))) == dict(iter(plain.nodes(data=True)))
    assert {(u, v): d for u, v, d in back.edges(data=True)} == {
        (u, v): d for u, v, d in plain.edges(data=True)
    }
    assert back.graph == plain.graph
    # The journey's own graph keeps its rich objects.
    assert all("step" in data for _, data in trip.graph.nodes(data=True))


@pytest.mark.parametrize(("label", "trip"), list(builtin_trips())[::4])
def test_builtin_journeys_write_with_plain_networkx(
    label: str, trip: object, tmp_path: Path
) -> None:
    from lifeevents.graph.journey import Journey

    assert isinstance(trip, Journey)
    graph = plain_graph(trip, flat=True)
    nx.write_graphml(graph, tmp_path / "a.graphml")
    nx.write_gexf(graph, tmp_path / "a.gexf")
    write_graphml(trip, tmp_path / "b.graphml")
    read = nx.read_graphml(tmp_path / "b.graphml")
    assert read.number_of_nodes() == trip.graph.number_of_nodes()
    assert read.number_of_edges() == trip.graph.number_of_edges()
    data = node_link_data(trip)
    assert json.loads(json.dumps(data)) == data
    assert [node["id"] for node in data["nodes"]] == list(trip.graph)
