"""Read back the BPMN files :mod:`lifeevents.export.bpmn` writes, as a journey model.

The model holds the journey as exported, for the persona it was exported for:
its applicable steps in order (tasks), the authorities as resolved (lanes and
``le:authority``), the order (sequence flows become ``after``), the evidence and
who brings it (data associations become ``requires`` and ``produces``), and
the persona's channel preference. Analysing it for that persona gives the same
figures as the journey exported. Conditions (``when``) are gone: every step
applies.

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.graph.journey import journey
>>> from lifeevents.export.bpmn import bpmn_text
>>> original = journey(loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Demo}
... authorities: {amt: {name: Amt, level: gemeinde}, kasse: {name: Kasse, level: kreis}}
... evidence: {bescheid: {name: Bescheid, issued_by: amt}}
... steps:
...   - {id: a, name: Antrag, authority: amt, channels: [online], produces: [bescheid]}
...   - {id: b, name: Zahlen, authority: kasse, channels: [mail], requires: [bescheid]}
... '''))
>>> model = read_bpmn(bpmn_text(original))
>>> [(step.id, step.authority, step.after, step.requires) for step in model.steps]
[('a', 'amt', (), ()), ('b', 'kasse', ('a',), ('bescheid',))]
"""

from __future__ import annotations

import os
import xml.etree.ElementTree as ET
from typing import Any

import pydantic

from lifeevents.errors import InputError
from lifeevents.export.bpmn import BPMN, NAMESPACE
from lifeevents.formats.reading import READ_LIMIT, read_limited, too_large
from lifeevents.model.life_event import FORMAT, LifeEvent
from lifeevents.model.problems import Problem

__all__ = ["file_id", "load_bpmn", "read_bpmn"]

_TASKS = ("task", "manualTask", "userTask", "sendTask", "serviceTask", "receiveTask")


def _q(namespace: str, tag: str) -> str:
    return f"{{{namespace}}}{tag}"


def file_id(authority_id: str) -> str:
    """The id a resolved authority gets in a journey file: region offices resolved for a
    municipality (``buergerbuero@greven``) become ``buergerbuero.greven``, since ``@`` in a
    reference means ``@origin``.

    >>> file_id("buergerbuero@greven"), file_id("amt")
    ('buergerbuero.greven', 'amt')
    """
    return authority_id.replace("@", ".")


def load_bpmn(path: str | os.PathLike[str]) -> LifeEvent:
    """Read a ``.bpmn`` file written by lifeevents; :class:`InputError` when it is not one."""
    filename = os.fspath(path)
    try:
        raw = read_limited(path)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError([Problem(filename, 1, 1, f"cannot read: {reason}")]) from None
    if len(raw) > READ_LIMIT:
        raise InputError([Problem(filename, 1, 1, too_large(len(raw)))])
    return read_bpmn(raw, filename)


def read_bpmn(text: str | bytes, filename: str = "<string>") -> LifeEvent:
    """The journey model of BPMN text written by :func:`~lifeevents.export.bpmn.bpmn_text`."""

    def fail(message: str, line: int = 1) -> InputError:
        return InputError([Problem(filename, line, 1, message)])

    if "<!DOCTYPE" in (text if isinstance(text, str) else text.decode("utf-8", "replace")):
        raise fail("BPMN files have no DOCTYPE; this file is not one lifeevents wrote")
    try:
        root = ET.fromstring(text)
    except ET.ParseError as error:
        line, column = error.position
        raise InputError([Problem(filename, line, column + 1, f"not XML: {error}")]) from None
    process = root.find(_q(BPMN, "process"))
    journey = (
        process.find(f"{_q(BPMN, 'extensionElements')}/{_q(NAMESPACE, 'journey')}")
        if process is not None
        else None
    )
    if process is None or journey is None:
        raise fail(
            "not a BPMN file written by lifeevents (no process with le:journey); "
            "only files from 'lifeevents export' can be read back"
        )
    extension = process.find(_q(BPMN, "extensionElements"))
    assert extension is not None
    authorities = {
        file_id(item.get("id", "")): {
            key: item.get(key) for key in ("name", "level", "site") if item.get(key) is not None
        }
        for item in extension.iter(_q(NAMESPACE, "authority"))
    }
    lane_of: dict[str, str] = {}
    for lane in process.iter(_q(BPMN, "lane")):
        marker = lane.find(f"{_q(BPMN, 'extensionElements')}/{_q(NAMESPACE, 'lane')}")
        for ref in lane.iter(_q(BPMN, "flowNodeRef")):
            lane_of[(ref.text or "").strip()] = file_id(
                marker.get("authority", "") if marker is not None else ""
            )
    evidence_of: dict[str, str] = {}
    evidence: dict[str, dict[str, Any]] = {}
    objects = {item.get("id"): item for item in process.iter(_q(BPMN, "dataObject"))}
    for reference in process.iter(_q(BPMN, "dataObjectReference")):
        data_object = objects.get(reference.get("dataObjectRef"))
        item = (
            data_object.find(f".//{_q(NAMESPACE, 'evidence')}") if data_object is not None else None
        )
        if item is None:
            continue
        evidence_id = item.get("id", "")
        evidence_of[reference.get("id", "")] = evidence_id
        values: dict[str, Any] = {"name": item.get("name", ""), "transfer": item.get("transfer")}
        values["identity"] = item.get("identity") == "true"
        if item.get("issued_by"):
            values["issued_by"] = file_id(item.get("issued_by", ""))
        evidence[evidence_id] = values
    step_of: dict[str, str] = {}
    tasks = [child for child in process if child.tag in {_q(BPMN, tag) for tag in _TASKS}]
    for task in tasks:
        marker = task.find(f"{_q(BPMN, 'extensionElements')}/{_q(NAMESPACE, 'step')}")
        step_of[task.get("id", "")] = (
            marker.get("id", "") if marker is not None else task.get("id", "")
        )
    after: dict[str, list[str]] = {}
    for flow in process.iter(_q(BPMN, "sequenceFlow")):
        source, target = (
            step_of.get(flow.get("sourceRef", "")),
            step_of.get(flow.get("targetRef", "")),
        )
        if source is not None and target is not None:
            after.setdefault(target, []).append(source)
    steps = [_step(task, step_of, lane_of, after, evidence_of) for task in tasks]
    if not steps:
        raise fail(
            "the process has no steps (none applied to the persona it was exported for), "
            "so there is no journey to read"
        )
    prefer = (journey.get("prefer") or "").split()
    data: dict[str, Any] = {
        "format": FORMAT,
        "life_event": {"id": journey.get("id"), "name": journey.get("name")},
        "authorities": authorities,
        "evidence": evidence,
        "personas": {journey.get("persona", "default"): {"prefer": prefer} if prefer else {}},
        "steps": steps,
    }
    try:
        return LifeEvent.model_validate(data)
    except pydantic.ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"])
        raise fail(f"the journey in this BPMN file is not valid: {where}: {first['msg']}") from None


def _step(
    task: ET.Element,
    step_of: dict[str, str],
    lane_of: dict[str, str],
    after: dict[str, list[str]],
    evidence_of: dict[str, str],
) -> dict[str, Any]:
    task_id = task.get("id", "")
    marker = task.find(f"{_q(BPMN, 'extensionElements')}/{_q(NAMESPACE, 'step')}")
    values: dict[str, Any] = {} if marker is None else dict(marker.attrib)
    step_id = step_of[task_id]
    step: dict[str, Any] = {
        "id": step_id,
        "name": task.get("name", step_id),
        "authority": lane_of.get(task_id, ""),
        "channels": values.get("channels", "").split(),
    }
    if after.get(step_id):
        step["after"] = after[step_id]
    requires = [
        evidence_of[(ref.text or "").strip()]
        for association in task.iter(_q(BPMN, "dataInputAssociation"))
        for ref in association.iter(_q(BPMN, "sourceRef"))
        if (ref.text or "").strip() in evidence_of
    ]
    produces = [
        evidence_of[(ref.text or "").strip()]
        for association in task.iter(_q(BPMN, "dataOutputAssociation"))
        for ref in association.iter(_q(BPMN, "targetRef"))
        if (ref.text or "").strip() in evidence_of
    ]
    if requires:
        step["requires"] = requires
    if produces:
        step["produces"] = produces
    for key in ("lead_time_days", "deadline_days"):
        if values.get(key, "").isdigit():
            step[key] = int(values[key])
    for key in ("visit", "stage", "legal_basis", "leika"):
        if key in values:
            step[key] = values[key]
    return step
