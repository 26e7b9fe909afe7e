"""CPSV-AP 3.2 RDF: conforms to the official SHACL shapes for every built-in journey."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export_support import builtin_trips
from lifeevents.formats.journey_file import loads
from lifeevents.graph.journey import Journey, journey
from lifeevents.model.life_event import LifeEvent
from profiles import examples
from strategies import life_events

if TYPE_CHECKING:  # at run time, rdflib is imported only if installed (importorskip)
    from rdflib import Graph

rdflib = pytest.importorskip("rdflib")
pyshacl = pytest.importorskip("pyshacl")

from rdflib.compare import isomorphic  # noqa: E402
from rdflib.namespace import DCTERMS, RDF  # noqa: E402

from lifeevents.export.cpsv import CPSV, CV, cpsv_graph, json_ld, turtle  # noqa: E402

pytestmark = pytest.mark.filterwarnings(
    "ignore:ConjunctiveGraph is deprecated:DeprecationWarning"  # rdflib's own JSON-LD parser
)

SHAPES = Path(__file__).parent / "data" / "cpsv-ap-3.2.0-shacl.ttl"


@functools.cache
def _shapes() -> Graph:
    shapes: Graph = rdflib.Graph().parse(SHAPES)
    return shapes


def _conforms(graph: Graph) -> tuple[bool, str]:
    conforms, _, text = pyshacl.validate(graph, shacl_graph=_shapes())
    return bool(conforms), str(text)


BUILTIN = list(builtin_trips())


@pytest.mark.parametrize(("label", "trip"), BUILTIN, ids=[label for label, _ in BUILTIN])
def test_every_builtin_journey_conforms(label: str, trip: Journey) -> None:
    graph = cpsv_graph(trip)
    conforms, report = _conforms(graph)
    assert conforms, report
    assert isomorphic(rdflib.Graph().parse(data=turtle(trip), format="turtle"), graph)
    assert isomorphic(rdflib.Graph().parse(data=json_ld(trip), format="json-ld"), graph)
    public = [n for n, d in trip.graph.nodes(data=True) if d["authority"].level.is_public]
    assert len(set(graph.subjects(RDF.type, CPSV.PublicService))) == len(public)


def test_the_shapes_do_reject() -> None:
    _label, trip = BUILTIN[0]
    graph = cpsv_graph(trip)
    graph.remove((None, DCTERMS.description, None))
    conforms, report = _conforms(graph)
    assert not conforms
    assert "description" in report


def test_values_and_order_through_private_steps() -> None:
    trip = journey(
        loads(
            """
format: lifeevents/1
life_event: {id: demo, name: Demo}
authorities:
  amt: {name: Bürgerbüro, level: gemeinde}
  vermieter: {name: Vermieter, level: privat}
evidence: {bestaetigung: {name: Wohnungsgeberbestätigung}}
steps:
  - {id: a, name: Antrag, authority: amt, channels: [in_person, online], lead_time_days: 14,
     leika: "99115005104001", legal_basis: "§ 17 BMG"}
  - {id: b, name: Bestätigung, authority: vermieter, channels: [mail], after: [a],
     produces: [bestaetigung]}
  - {id: c, name: Anmelden, authority: amt, channels: [in_person], requires: [bestaetigung]}
""",
            regions={},
        )
    )
    text = turtle(trip)
    assert '"P14D"^^xsd:duration' in text
    assert '"99115005104001"' in text
    assert '"§ 17 BMG"@de' in text
    graph = cpsv_graph(trip)
    services = {
        str(graph.value(s, DCTERMS.identifier)): s
        for s in graph.subjects(RDF.type, CPSV.PublicService)
    }
    assert sorted(services) == ["a", "c"]  # the landlord is no public service
    assert list(graph.objects(services["c"], DCTERMS.requires)) == [services["a"]]
    assert len(list(graph.objects(services["a"], CV.hasChannel))) == 2
    assert _conforms(graph)[0]


@settings(max_examples=examples(15))
@given(life_events(), st.data())
def test_generated_journeys_conform(life_event: LifeEvent, data: st.DataObject) -> None:
    trip = journey(life_event, data.draw(st.sampled_from(life_event.persona_ids())))
    conforms, report = _conforms(cpsv_graph(trip))
    assert conforms, report


def test_without_rdflib_the_error_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    from lifeevents.errors import UnsupportedFormatError
    from lifeevents.export.files import export_content

    monkeypatch.setitem(sys.modules, "rdflib", None)
    monkeypatch.delitem(sys.modules, "lifeevents.export.cpsv")
    monkeypatch.delattr("lifeevents.export.cpsv")  # the package's attribute, set on import
    _label, trip = BUILTIN[0]
    with pytest.raises(UnsupportedFormatError, match=r"lifeevents\[export\]"):
        export_content(trip, "ttl")
