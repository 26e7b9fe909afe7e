"""BPMN 2.0: valid against the OMG schemas with DI, laid out, and read back without loss."""

from __future__ import annotations

import functools
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export_support import analysed, builtin_trips, figures
from lifeevents.analysis.report import analyze
from lifeevents.errors import InputError
from lifeevents.export.bpmn import bpmn_text, write_bpmn
from lifeevents.export.bpmn_import import file_id, load_bpmn, read_bpmn
from lifeevents.export.xml_text import xml_safe
from lifeevents.formats.journey_file import loads
from lifeevents.formats.writer import dumps
from lifeevents.graph.journey import Journey, journey
from lifeevents.model.life_event import LifeEvent
from profiles import examples
from strategies import life_events

etree = pytest.importorskip("lxml.etree")
spiff = pytest.importorskip("SpiffWorkflow")

BPMN = "{http://www.omg.org/spec/BPMN/20100524/MODEL}"
DI = "{http://www.omg.org/spec/BPMN/20100524/DI}"


@functools.cache
def _schema() -> Any:
    # BPMN20.xsd imports BPMNDI.xsd, which imports DC.xsd and DI.xsd: the diagram is checked too.
    folder = Path(spiff.__file__).parent / "bpmn" / "parser" / "schema"
    return etree.XMLSchema(etree.parse(str(folder / "BPMN20.xsd")))


def _assert_valid(text: str) -> Any:
    document = etree.fromstring(text.encode())
    schema = _schema()
    assert schema.validate(document), schema.error_log
    return document


def _expected_figures(trip: Journey) -> dict[str, Any]:
    """The figures of the journey as the imported model shows them: resolved authority ids
    as file ids, names as XML carries them."""

    def imported(value: Any, key: str = "") -> Any:
        if isinstance(value, dict):
            return {name: imported(item, name) for name, item in value.items()}
        if isinstance(value, list):
            return [imported(item, key) for item in value]
        if isinstance(value, str) and (key.endswith("authority") or key == "issued_by"):
            return file_id(value)
        if isinstance(value, str) and key.endswith("_name"):
            return xml_safe(value)
        return value

    result: dict[str, Any] = imported(figures(analyze(trip)))
    return result


BUILTIN = list(builtin_trips())


@pytest.mark.parametrize(("label", "trip"), BUILTIN, ids=[label for label, _ in BUILTIN])
def test_every_builtin_journey_is_valid_bpmn_and_reads_back(label: str, trip: Journey) -> None:
    document = _assert_valid(bpmn_text(trip))
    # Every element of the process and the collaboration has a shape or an edge.
    drawn = {element.get("bpmnElement") for element in document.iter(f"{DI}BPMNShape")}
    drawn |= {element.get("bpmnElement") for element in document.iter(f"{DI}BPMNEdge")}
    kinds = ("manualTask", "userTask", "sendTask", "serviceTask", "sequenceFlow", "lane")
    for kind in (*kinds, "dataObjectReference", "messageFlow", "participant"):
        for element in document.iter(f"{BPMN}{kind}"):
            assert element.get("id") in drawn, (kind, element.get("id"))
    tasks = sum(1 for kind in kinds[:4] for _ in document.iter(f"{BPMN}{kind}"))
    assert tasks == trip.graph.number_of_nodes()

    model = read_bpmn(bpmn_text(trip))
    assert [step.id for step in model.steps] == list(trip.graph)
    loads(dumps(model), regions={})  # a valid journey file on its own
    again = analyze(journey(model, trip.persona_id))
    assert figures(again) == _expected_figures(trip)


def test_lanes_follow_levels_and_tasks_their_channel() -> None:
    trip = journey(
        loads(
            """
format: lifeevents/1
life_event: {id: demo, name: Demo}
authorities:
  amt: {name: Bürgerbüro, level: gemeinde}
  kreis: {name: Kreishaus, level: kreis}
evidence: {bescheid: {name: Bescheid, issued_by: amt}}
steps:
  - {id: a, name: Antrag, authority: amt, channels: [in_person], produces: [bescheid]}
  - {id: b, name: Zulassung, authority: kreis, channels: [mail], requires: [bescheid]}
  - {id: c, name: Bescheid, authority: kreis, channels: [proactive], after: [b]}
""",
            regions={},
        )
    )
    document = _assert_valid(bpmn_text(trip))
    assert [lane.get("name") for lane in document.iter(f"{BPMN}lane")] == [
        "Kreishaus",
        "Bürgerbüro",
    ]
    assert [element.get("name") for element in document.iter(f"{BPMN}manualTask")] == ["Antrag"]
    assert [element.get("name") for element in document.iter(f"{BPMN}sendTask")] == ["Zulassung"]
    assert [element.get("name") for element in document.iter(f"{BPMN}serviceTask")] == ["Bescheid"]
    # The citizen carries the Bescheid: out of step a to the citizen, from the citizen into b.
    flows = [(f.get("sourceRef"), f.get("targetRef")) for f in document.iter(f"{BPMN}messageFlow")]
    assert flows == [("Task_1", "Participant_Citizen"), ("Participant_Citizen", "Task_2")]
    # Findings are documented on the step concerned.
    documentation = document.find(f".//{BPMN}sendTask/{BPMN}documentation")
    assert documentation is not None
    assert "Bescheid" in documentation.text
    # Sequence flows run left to right.
    shapes = {
        shape.get("bpmnElement"): float(shape[0].get("x"))
        for shape in document.iter(f"{DI}BPMNShape")
    }
    assert shapes["Task_1"] < shapes["Task_2"] < shapes["Task_3"]


@settings(max_examples=examples(30))
@given(life_events(), st.data())
def test_generated_journeys_are_valid_and_round_trip(
    life_event: LifeEvent, data: st.DataObject
) -> None:
    persona = data.draw(st.sampled_from(life_event.persona_ids()))
    report = analysed(life_event, persona)
    text = bpmn_text(report.journey, report)
    _assert_valid(text)
    if not report.journey.graph:
        with pytest.raises(InputError, match="the process has no steps"):
            read_bpmn(text)
        return
    model = read_bpmn(text)
    assert [step.id for step in model.steps] == list(report.journey.graph)
    again = analyze(journey(model, persona))
    assert figures(again) == _expected_figures(report.journey)


def test_written_file_loads(tmp_path: Path) -> None:
    _label, trip = BUILTIN[0]
    write_bpmn(trip, tmp_path / "a.bpmn")
    assert load_bpmn(tmp_path / "a.bpmn").steps == read_bpmn(bpmn_text(trip)).steps


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("<bpmn", r"a\.bpmn:1:\d+: not XML"),
        ("<definitions/>", "not a BPMN file written by lifeevents"),
        ('<!DOCTYPE x [<!ENTITY a "aaaa">]><x>&a;</x>', "no DOCTYPE"),
    ],
)
def test_other_files_are_located_errors(text: str, message: str, tmp_path: Path) -> None:
    path = tmp_path / "a.bpmn"
    path.write_text(text)
    with pytest.raises(InputError, match=message):
        load_bpmn(path)
    with pytest.raises(InputError, match="cannot read"):
        load_bpmn(tmp_path / "missing.bpmn")


def test_figures_survive_as_json() -> None:
    # The schedule compares authority ids, so the mapping must be stable across the run.
    _label, trip = BUILTIN[-1]
    assert json.dumps(_expected_figures(trip)) == json.dumps(_expected_figures(trip))
