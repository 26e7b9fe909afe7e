"""Reading XES event logs (IEEE 1849), streamed through expat.

The file is fed to the parser in blocks, so memory grows with the events kept,
never with the text. A document type declaration is refused outright: XES does
not use one, and refusing it rules out entity expansion ("billion laughs") and
external entities; expat never fetches anything by itself either.

A trace is a case: its ``concept:name`` (or the attribute named by
``LogColumns.case``) is the case id. Events carry the activity, the timestamp and
the optional attributes under the keys of :class:`LogColumns` (by default
``concept:name``, ``time:timestamp``, ``channel``, ``site``, ...); a trace-level
``persona``, ``municipality`` or ``event_date`` holds for all its events.
Positions are elements: the line and column of the attribute element, or of the
``<event>`` that lacks it.

>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "log.xes")
>>> _ = open(path, "w", encoding="utf-8").write('''<log xes.version="1.0">
... <trace><string key="concept:name" value="1"/>
...  <event><string key="concept:name" value="geburtsanzeige"/>
...         <date key="time:timestamp" value="2024-03-01T09:00:00"/></event>
... </trace></log>''')
>>> log = read_xes_log(path)
>>> log.case_ids, log.activities, log.events
(['1'], ['geburtsanzeige'], 1)
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.parsers import expat

from lifeevents.errors import InputError
from lifeevents.model.problems import Problem
from lifeevents.observed.log import (
    LOG_LIMIT,
    EventLog,
    LogColumns,
    build_log,
    check_log_file,
    require_engine,
)

__all__ = ["read_xes_log"]

_ATTRIBUTES = {"string", "date", "int", "float", "boolean", "id"}
_OPTIONAL = ("channel", "site", "persona", "municipality", "event_date")
_TRACE_LEVEL = ("persona", "municipality", "event_date")
_BLOCK = 1024 * 1024
Position = tuple[int, int]


class _RefusedError(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class _LocatedError(_RefusedError):
    def __init__(self, at: Position, message: str) -> None:
        super().__init__(message)
        self.at = at


@dataclass
class _Collected:
    values: dict[str, list[str]] = field(default_factory=dict)
    positions: dict[str, list[Position]] = field(default_factory=dict)


def read_xes_log(
    path: str | os.PathLike[str],
    columns: LogColumns | None = None,
    *,
    max_bytes: int = LOG_LIMIT,
) -> EventLog:
    """Read an XES log; the case id is the trace's attribute ``columns.case``."""
    require_engine()
    import pyarrow as pa

    columns = columns or LogColumns.xes()
    source = os.fspath(path)
    check_log_file(path, max_bytes)
    collected = _parse(source, columns)
    # An optional attribute no event has is treated like a CSV column that is absent.
    values = {
        key: pa.array(texts, pa.string())
        for key, texts in collected.values.items()
        if key in ("case", "activity", "timestamp") or any(texts)
    }
    positions = collected.positions

    def locate(index: int, key: str) -> tuple[int, int]:
        return positions[key][index] if key in positions else positions["event"][index]

    return build_log(source, columns, values, locate)


def _parse(source: str, columns: LogColumns) -> _Collected:
    parser = expat.ParserCreate()
    collected = _Collected(
        values={key: [] for key in ("case", "activity", "timestamp", *_OPTIONAL)},
        positions={key: [] for key in ("event", "case", "activity", "timestamp", *_OPTIONAL)},
    )
    wanted = {getattr(columns, key): key for key in ("activity", "timestamp", *_OPTIONAL)}
    state: dict[str, Any] = {"depth": 0, "trace": None, "event": None, "inside": []}

    def where() -> Position:
        return parser.CurrentLineNumber, parser.CurrentColumnNumber + 1

    def refuse(*_: object) -> None:
        raise _RefusedError(
            "a document type declaration (<!DOCTYPE ...>) is not allowed in an XES log"
        )

    def start(name: str, attributes: dict[str, str]) -> None:
        inside: list[str] = state["inside"]
        parent = inside[-1] if inside else None
        inside.append(name)
        if name == "trace":
            state["trace"] = {"at": where(), "attributes": {}}
        elif name == "event" and state["trace"] is not None:
            state["event"] = {"at": where(), "attributes": {}}
        elif name in _ATTRIBUTES and parent in ("trace", "event"):
            key = attributes.get("key")
            value = attributes.get("value")
            if key is None or value is None:
                raise _RefusedError(f"<{name}> needs both 'key' and 'value'")
            target = state["event"] if parent == "event" else state["trace"]
            if target is not None:
                target["attributes"].setdefault(key, (value, where()))

    def end(name: str) -> None:
        state["inside"].pop()
        if name == "event" and state["event"] is not None:
            _add_event(collected, state["trace"], state["event"], columns, wanted)
            state["event"] = None
        elif name == "trace":
            state["trace"] = None

    parser.StartDoctypeDeclHandler = refuse
    parser.EntityDeclHandler = refuse
    parser.StartElementHandler = start
    parser.EndElementHandler = end
    try:
        with Path(source).open("rb") as stream:
            while block := stream.read(_BLOCK):
                parser.Parse(block, False)
            parser.Parse(b"", True)
    except _RefusedError as error:
        line, column = error.at if isinstance(error, _LocatedError) else where()
        raise InputError([Problem(source, line, column, error.message)]) from None
    except expat.ExpatError as error:
        message = expat.errors.messages.get(error.code, str(error)) if error.code else str(error)
        raise InputError(
            [Problem(source, error.lineno, error.offset + 1, f"not well-formed XML: {message}")]
        ) from None
    if not collected.values["case"]:
        raise InputError([Problem(source, 1, 1, "no <trace> with an <event> in this log")])
    return collected


def _add_event(
    collected: _Collected,
    trace: dict[str, Any] | None,
    event: dict[str, Any],
    columns: LogColumns,
    wanted: dict[str, str],
) -> None:
    if trace is None:
        return
    values, positions = collected.values, collected.positions
    case = trace["attributes"].get(columns.case)
    if case is None:
        raise _LocatedError(
            trace["at"], f"a <trace> without a '{columns.case}' attribute (the case id)"
        )
    attributes: dict[str, tuple[str, Position]] = event["attributes"]
    found = {wanted[key]: value for key, value in attributes.items() if key in wanted}
    for required, name in (("activity", columns.activity), ("timestamp", columns.timestamp)):
        if required not in found:
            raise _LocatedError(event["at"], f"an <event> without a '{name}' attribute")
    values["case"].append(case[0])
    positions["case"].append(case[1])
    positions["event"].append(event["at"])
    for key in ("activity", "timestamp", *_OPTIONAL):
        entry = found.get(key)
        if entry is None and key in _TRACE_LEVEL:
            entry = trace["attributes"].get(getattr(columns, key))
        text, at = entry if entry is not None else ("", event["at"])
        values[key].append(text)
        positions[key].append(at)
