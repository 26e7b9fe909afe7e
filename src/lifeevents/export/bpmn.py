"""A journey as a BPMN 2.0 collaboration with lanes, data objects and a laid-out diagram.

Structure (see ``docs/export.md`` for why):

- one collapsed pool for the citizen (*Bürgerin / Bürger*), and one pool for the
  journey's process with a lane per authority (in the order of levels: Bund,
  Land, Kreis, Gemeinde, Sozialversicherung, privat). Sequence flows cannot
  cross pools, and the order across authorities is what a journey is about, so
  the authorities are lanes of one process;
- a task per applicable step in its authority's lane, typed by the chosen
  channel: ``manualTask`` in person and by phone, ``userTask`` online, at a
  terminal and by video, ``sendTask`` by post and e-mail, ``serviceTask``
  proactive;
- a sequence flow per dependency, from a start event to the first steps and
  from the last steps to an end event;
- a data object per evidence, with data associations from the step that
  produces it and to the steps that require it;
- message flows where the citizen carries evidence: from the producing step to
  the citizen's pool, and from the citizen's pool to the step it is handed to;
- the findings (handovers, media breaks, once-only violations, visits,
  deadlines) as documentation of the process and of the steps concerned;
- BPMN DI coordinates (:mod:`lifeevents.export.bpmn_layout`);
- the journey's own values (ids, offered channels, levels, lead times) in
  ``extensionElements`` of namespace :data:`NAMESPACE`, so that
  :func:`lifeevents.export.bpmn_import.read_bpmn` can rebuild the journey.

>>> from lifeevents import journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> text = bpmn_text(journey(loads(DEMO_YAML)))
>>> text.count("<bpmn:userTask"), text.count("<bpmn:manualTask"), text.count("<bpmn:lane ")
(1, 2, 3)
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from collections.abc import Iterable

from lifeevents.analysis.report import Report, analyze
from lifeevents.export.bpmn_layout import Box, Layout, orthogonal
from lifeevents.export.xml_text import xml_safe
from lifeevents.formats.atomic import write_atomic
from lifeevents.graph.journey import Journey
from lifeevents.model.authorities import ResolvedAuthority
from lifeevents.model.vocabulary import Channel, Level
from lifeevents.text.findings import findings
from lifeevents.text.labels import words

__all__ = ["BPMN", "NAMESPACE", "TASK_TYPES", "bpmn_text", "write_bpmn"]

BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL"
BPMNDI = "http://www.omg.org/spec/BPMN/20100524/DI"
DC = "http://www.omg.org/spec/DD/20100524/DC"
DI = "http://www.omg.org/spec/DD/20100524/DI"
#: Namespace of the journey's own values in ``extensionElements``.
NAMESPACE = "urn:lifeevents:bpmn:1"

for _prefix, _uri in (("bpmn", BPMN), ("bpmndi", BPMNDI), ("dc", DC), ("di", DI)):
    ET.register_namespace(_prefix, _uri)
ET.register_namespace("le", NAMESPACE)

#: The BPMN task type of each chosen channel.
TASK_TYPES: dict[Channel, str] = {
    Channel.IN_PERSON: "manualTask",
    Channel.PHONE: "manualTask",
    Channel.ONLINE: "userTask",
    Channel.TERMINAL: "userTask",
    Channel.VIDEO: "userTask",
    Channel.MAIL: "sendTask",
    Channel.EMAIL: "sendTask",
    Channel.PROACTIVE: "serviceTask",
}


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


def _sub(parent: ET.Element, tag: str, namespace: str = BPMN, **attributes: str) -> ET.Element:
    return ET.SubElement(
        parent, _q(namespace, tag), {k: xml_safe(v) for k, v in attributes.items()}
    )


def _documentation(parent: ET.Element, lines: Iterable[str]) -> None:
    text = "\n".join(lines)
    if text:
        _sub(parent, "documentation").text = xml_safe(text)


class _Ids:
    """BPMN ids (XML NCNames) for the journey's ids, which may hold any character."""

    def __init__(self) -> None:
        self.steps: dict[str, str] = {}
        self.evidence: dict[str, str] = {}
        self.lanes: dict[str, str] = {}

    def step(self, step_id: str) -> str:
        return self.steps.setdefault(step_id, f"Task_{len(self.steps) + 1}")

    def data(self, evidence_id: str) -> str:
        return self.evidence.setdefault(evidence_id, f"DataObject_{len(self.evidence) + 1}")

    def lane(self, authority_id: str) -> str:
        return self.lanes.setdefault(authority_id, f"Lane_{len(self.lanes) + 1}")


def bpmn_text(trip: Journey, report: Report | None = None) -> str:
    """The journey as BPMN 2.0 XML with diagram coordinates (UTF-8 text).

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).
    report : Report, optional
        Its analysis, if made before (default: analysed here); its findings become
        the documentation of the process and of the steps concerned.

    Returns
    -------
    str
        The XML document, which :func:`~lifeevents.export.bpmn_import.read_bpmn`
        reads back.

    Examples
    --------
    With a car, the demo has four lanes (the Kreis office first, then the Gemeinde
    offices, then the private body) and the citizen's pool carries the
    Meldebestätigung from one task to the other:

    >>> import re
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> text = bpmn_text(journey(loads(DEMO_YAML), "mit-auto"))
    >>> re.findall(r'<bpmn:lane id="[^"]+" name="([^"]+)"', text)
    ['Straßenverkehrsamt', 'Bürgerbüro', 'Stadtkasse', 'Beitragsservice']
    >>> re.findall(r'<bpmn:messageFlow [^>]*name="([^"]+)" sourceRef="([^"]+)"', text)
    [('Meldebestätigung', 'Task_1'), ('Meldebestätigung', 'Participant_Citizen')]

    Names are escaped for XML:

    >>> '<bpmn:manualTask id="Task_1" name="Wohnsitz &lt;anmelden&gt; &amp; bestätigen">' in text
    True
    """
    return _Writer(trip, report or analyze(trip)).text()


def write_bpmn(trip: Journey, path: str | os.PathLike[str], report: Report | None = None) -> None:
    """Write :func:`bpmn_text` to ``path`` atomically.

    Parameters
    ----------
    trip : Journey
        The journey of one persona (and municipality).
    path : str or os.PathLike
        The file to write (conventionally ``.bpmn``); replaced if it exists.
    report : Report, optional
        Its analysis, if made before.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = journey(loads(DEMO_YAML))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_bpmn(trip, Path(folder, "umzug.bpmn"))
    ...     text = Path(folder, "umzug.bpmn").read_text(encoding="utf-8")
    >>> text == bpmn_text(trip)
    True
    """
    write_atomic(path, bpmn_text(trip, report))


class _Writer:
    def __init__(self, trip: Journey, report: Report) -> None:
        self.trip = trip
        self.report = report
        self.graph = trip.graph
        # The words of the diagram, in the language of its findings (German).
        self.words = words()
        self.ids = _Ids()
        for node in trip.graph:
            self.ids.step(node)  # tasks numbered in file order
        authorities = {
            data["authority"].id: data["authority"] for _, data in trip.graph.nodes(data=True)
        }
        levels = list(Level)
        self.lane_order = sorted(authorities, key=lambda key: levels.index(authorities[key].level))
        if not self.lane_order:
            self.lane_order = [""]  # no step applies: one empty lane holds the events
        self.authorities: dict[str, ResolvedAuthority] = authorities
        lane_of = {node: data["authority"].id for node, data in trip.graph.nodes(data=True)}
        self.layout = Layout.of(trip.graph, lane_of, self.lane_order)
        self.sources = [node for node in self.graph if not self.graph.pred[node]]
        self.sinks = [node for node in self.graph if not self.graph.succ[node]]
        self.edges: list[tuple[str, list[tuple[int, int]]]] = []  # element id, waypoints
        self.shapes: list[tuple[str, Box, dict[str, str]]] = []
        self.evidence_place: dict[str, tuple[str, int]] = {}
        self.flow_number: dict[tuple[str, str], int] = {}
        self.incoming: dict[str, list[tuple[str, str]]] = {}
        self.outgoing: dict[str, list[tuple[str, str]]] = {}
        self.producers: dict[str, str] = {}
        self.first_consumers: dict[str, str] = {}
        for node in trip.graph:
            step = trip.graph.nodes[node]["step"]
            for evidence_id in step.produces:
                self.producers.setdefault(evidence_id, node)
            for evidence_id in step.requires:
                self.first_consumers.setdefault(evidence_id, node)

    def text(self) -> str:
        root = ET.Element(
            _q(BPMN, "definitions"),
            {
                "id": "Definitions_1",
                "targetNamespace": f"{NAMESPACE}:{xml_safe(self.trip.life_event.id)}",
                "exporter": "lifeevents",
                "exporterVersion": "1",
            },
        )
        collaboration = _sub(root, "collaboration", id="Collaboration_1")
        _sub(
            collaboration, "participant", id="Participant_Citizen", name=self.words["bpmn.citizen"]
        )
        _sub(
            collaboration,
            "participant",
            id="Participant_Journey",
            name=self.trip.life_event.name,
            processRef="Process_1",
        )
        process = ET.Element(_q(BPMN, "process"), {"id": "Process_1", "isExecutable": "false"})
        self._process(process)
        self._message_flows(collaboration)
        root.append(process)
        self._diagram(root)
        ET.indent(root)
        return (
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            + ET.tostring(root, encoding="unicode")
            + "\n"
        )

    # The process: lanes, events, tasks, data objects, sequence flows.

    def _process(self, process: ET.Element) -> None:
        _documentation(process, (finding.text for finding in findings(self.report)))
        extension = _sub(process, "extensionElements")
        trip = self.trip
        _sub(
            extension,
            "journey",
            NAMESPACE,
            id=trip.life_event.id,
            name=trip.life_event.name,
            persona=trip.persona_id,
            prefer=" ".join(channel.value for channel in trip.persona.prefer),
        )
        for authority in self._all_authorities():
            _sub(extension, "authority", NAMESPACE, **_authority_values(authority))
        lane_set = _sub(process, "laneSet", id="LaneSet_1")
        for key in self.lane_order:
            lane_authority = self.authorities.get(key)
            name = lane_authority.name if lane_authority else self.words["bpmn.no_steps"]
            lane = _sub(lane_set, "lane", id=self.ids.lane(key), name=name)
            if lane_authority:
                _sub(_sub(lane, "extensionElements"), "lane", NAMESPACE, authority=key)
            for node in self.graph:
                if self.graph.nodes[node]["authority"].id == key:
                    _sub(lane, "flowNodeRef").text = self.ids.step(node)
            self.shapes.append(
                (self.ids.lane(key), self.layout.lane(key), {"isHorizontal": "true"})
            )
        nodes = list(self.graph)
        first_lane = self.layout.lane_of[nodes[0]] if nodes else self.lane_order[0]
        last_lane = self.layout.lane_of[nodes[-1]] if nodes else self.lane_order[0]
        start = _sub(process, "startEvent", id="StartEvent_1", name=trip.life_event.name)
        end = _sub(process, "endEvent", id="EndEvent_1", name=self.words["bpmn.done"])
        self.shapes.append(("StartEvent_1", self.layout.event(first_lane, 0), {}))
        self.shapes.append(
            ("EndEvent_1", self.layout.event(last_lane, self.layout.last_column + 1), {})
        )
        flows: list[tuple[str, str]] = [
            ("StartEvent_1", self.ids.step(node)) for node in self.sources
        ]
        flows += [(self.ids.step(u), self.ids.step(v)) for u, v in self.graph.edges]
        flows += [(self.ids.step(node), "EndEvent_1") for node in self.sinks]
        if not nodes:
            flows = [("StartEvent_1", "EndEvent_1")]
        self.flow_number = {flow: number for number, flow in enumerate(flows, 1)}
        for flow in flows:
            self.outgoing.setdefault(flow[0], []).append(flow)
            self.incoming.setdefault(flow[1], []).append(flow)
        self._data_objects(process)
        step_findings = self._step_findings()
        for node in self.graph:
            self._task(process, node, step_findings.get(node, []))
        self._flow_refs(start, "outgoing", self.outgoing.get("StartEvent_1", []))
        self._flow_refs(end, "incoming", self.incoming.get("EndEvent_1", []))
        boxes = {"StartEvent_1": self.layout.event(first_lane, 0)}
        boxes["EndEvent_1"] = self.layout.event(last_lane, self.layout.last_column + 1)
        boxes.update({self.ids.step(node): self.layout.task(node) for node in self.graph})
        for index, (source, target) in enumerate(flows, 1):
            _sub(process, "sequenceFlow", id=f"Flow_{index}", sourceRef=source, targetRef=target)
            points = orthogonal(boxes[source].right, boxes[target].left)
            self.edges.append((f"Flow_{index}", points))

    def _all_authorities(self) -> list[ResolvedAuthority]:
        found = dict(self.authorities)
        for evidence in self.graph.graph["evidence"].values():
            if evidence.issuer is not None:
                found.setdefault(evidence.issuer.id, evidence.issuer)
        return [found[key] for key in sorted(found)]

    def _flow_refs(self, element: ET.Element, kind: str, chosen: list[tuple[str, str]]) -> None:
        for flow in chosen:
            _sub(element, kind).text = f"Flow_{self.flow_number[flow]}"

    def _used_evidence(self) -> list[str]:
        used: dict[str, None] = {}
        for node in self.graph:
            step = self.graph.nodes[node]["step"]
            for evidence_id in (*step.produces, *step.requires):
                if evidence_id in self.graph.graph["evidence"]:
                    used.setdefault(evidence_id)
        return list(used)

    def _data_objects(self, process: ET.Element) -> None:
        placed: dict[str, int] = {}
        for evidence_id in self._used_evidence():
            producer = self._producer(evidence_id)
            node = producer or self.first_consumers[evidence_id]
            index = placed.get(node, 0)
            placed[node] = index + 1
            self.evidence_place[evidence_id] = (node, index)
            evidence = self.graph.graph["evidence"][evidence_id]
            data_id = self.ids.data(evidence_id)
            name = (
                evidence.name
                if producer
                else self.words["bpmn.at_hand"].format(evidence=evidence.name)
            )
            data_object = _sub(process, "dataObject", id=f"{data_id}_Object")
            values = {
                "id": evidence_id,
                "name": evidence.name,
                "identity": str(evidence.identity).lower(),
                "transfer": evidence.transfer.value,
            }
            if evidence.issuer is not None:
                values["issued_by"] = evidence.issuer.id
            _sub(_sub(data_object, "extensionElements"), "evidence", NAMESPACE, **values)
            _sub(
                process,
                "dataObjectReference",
                id=data_id,
                name=name,
                dataObjectRef=f"{data_id}_Object",
            )
            self.shapes.append((data_id, self.layout.data_object(node, index), {}))

    def _producer(self, evidence_id: str) -> str | None:
        return self.producers.get(evidence_id)

    def _step_findings(self) -> dict[str, list[str]]:
        found: dict[str, list[str]] = {}
        for finding in findings(self.report):
            concerned = finding.steps[1:2] if finding.edge else finding.steps
            for node in concerned:
                found.setdefault(node, []).append(finding.text)
        return found

    def _task(self, process: ET.Element, node: str, notes: list[str]) -> None:
        data = self.graph.nodes[node]
        step = data["step"]
        task_id = self.ids.step(node)
        task = _sub(process, TASK_TYPES[data["channel"]], id=task_id, name=data["name"])
        _documentation(task, notes)
        values = {
            "id": step.id,
            "channel": data["channel"].value,
            "channels": " ".join(channel.value for channel in step.channels),
            "lead_time_days": str(step.lead_time_days),
        }
        for key in ("deadline_days", "visit", "stage", "legal_basis", "leika"):
            value = getattr(step, key)
            if value is not None:
                values[key] = str(value)
        _sub(_sub(task, "extensionElements"), "step", NAMESPACE, **values)
        self._flow_refs(task, "incoming", self.incoming.get(task_id, []))
        self._flow_refs(task, "outgoing", self.outgoing.get(task_id, []))
        known = self.graph.graph["evidence"]
        inputs = [e for e in step.requires if e in known]
        if inputs:
            _sub(task, "property", id=f"{task_id}_Input", name="__targetRef_placeholder")
        for index, evidence_id in enumerate(inputs, 1):
            association = _sub(task, "dataInputAssociation", id=f"{task_id}_In_{index}")
            _sub(association, "sourceRef").text = self.ids.data(evidence_id)
            _sub(association, "targetRef").text = f"{task_id}_Input"
            box = self._data_box(evidence_id)
            self.edges.append((f"{task_id}_In_{index}", [box.right, self.layout.task(node).left]))
        for index, evidence_id in enumerate((e for e in step.produces if e in known), 1):
            if self._producer(evidence_id) != node:
                continue  # another applicable step produced it first (spec rule 3)
            association = _sub(task, "dataOutputAssociation", id=f"{task_id}_Out_{index}")
            _sub(association, "targetRef").text = self.ids.data(evidence_id)
            box = self._data_box(evidence_id)
            self.edges.append((f"{task_id}_Out_{index}", [self.layout.task(node).bottom, box.top]))
        self.shapes.append((task_id, self.layout.task(node), {}))

    def _data_box(self, evidence_id: str) -> Box:
        node, index = self.evidence_place[evidence_id]
        return self.layout.data_object(node, index)

    # Message flows: the citizen carries evidence between steps.

    def _message_flows(self, collaboration: ET.Element) -> None:
        citizen = self.layout.citizen_pool
        issued: dict[str, list[str]] = {}
        handed: dict[str, list[str]] = {}
        for source, target, data in self.graph.edges(data=True):
            for evidence_id in data["citizen_evidence"]:
                name = self.graph.graph["evidence"][evidence_id].name
                if name not in issued.setdefault(source, []):
                    issued[source].append(name)
                if name not in handed.setdefault(target, []):
                    handed[target].append(name)
        index = 0
        for node in self.graph:
            box = self.layout.task(node)
            for names, kind in ((issued.get(node), "out"), (handed.get(node), "in")):
                if not names:
                    continue
                index += 1
                flow_id = f"MessageFlow_{index}"
                step_ref, x = self.ids.step(node), box.x + (70 if kind == "out" else 30)
                ends = (step_ref, "Participant_Citizen")
                points = [(x, box.y), (x, citizen.y + citizen.height)]
                if kind == "in":
                    ends, points = (ends[1], ends[0]), points[::-1]
                _sub(
                    collaboration,
                    "messageFlow",
                    id=flow_id,
                    name=", ".join(names),
                    sourceRef=ends[0],
                    targetRef=ends[1],
                )
                self.edges.append((flow_id, points))

    # The diagram.

    def _diagram(self, root: ET.Element) -> None:
        diagram = _sub(root, "BPMNDiagram", BPMNDI, id="BPMNDiagram_1")
        plane = _sub(diagram, "BPMNPlane", BPMNDI, id="BPMNPlane_1", bpmnElement="Collaboration_1")
        pools = [
            ("Participant_Citizen", self.layout.citizen_pool, {"isHorizontal": "true"}),
            ("Participant_Journey", self.layout.process_pool, {"isHorizontal": "true"}),
        ]
        for element, box, extra in [*pools, *self.shapes]:
            shape = _sub(
                plane, "BPMNShape", BPMNDI, id=f"{element}_di", bpmnElement=element, **extra
            )
            _sub(shape, "Bounds", DC, **_bounds(box))
        for element, points in self.edges:
            edge = _sub(plane, "BPMNEdge", BPMNDI, id=f"{element}_di", bpmnElement=element)
            for x, y in points:
                _sub(edge, "waypoint", DI, x=str(x), y=str(y))


def _bounds(box: Box) -> dict[str, str]:
    return {"x": str(box.x), "y": str(box.y), "width": str(box.width), "height": str(box.height)}


def _authority_values(authority: ResolvedAuthority) -> dict[str, str]:
    return {
        "id": authority.id,
        "name": authority.name,
        "level": authority.level.value,
        "site": authority.site,
    }
