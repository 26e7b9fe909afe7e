"""Export a journey to a file whose suffix names the format, and import one back.

============================  =====================================================
suffix                        what is written
============================  =====================================================
``.bpmn``                     BPMN 2.0 collaboration with lanes and diagram
``.ttl``, ``.jsonld``         CPSV-AP 3.2 RDF (needs the extra ``export``)
``.xlsx``                     the whole journey file as a workbook (extra ``export``)
``.graphml``                  the journey graph, plain values (Gephi, yEd, networkx)
``.graph.json``               the journey graph as node-link JSON (D3, networkx)
``.journey.json``             the journey file in JSON syntax (lossless)
``.json``                     the analysis report with its journey (lossless)
============================  =====================================================

>>> export_format("umzug.graph.json"), export_format("umzug.bpmn")
('graph.json', 'bpmn')
>>> export_format("umzug.txt")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lifeevents.errors.UnsupportedFormatError: cannot export to 'umzug.txt': ...
"""

from __future__ import annotations

import os
from pathlib import Path

from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import InputError, UnsupportedFormatError
from lifeevents.formats.atomic import write_atomic
from lifeevents.formats.reading import read_limited
from lifeevents.graph.journey import Journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import Problem

__all__ = ["EXPORT_FORMATS", "IMPORT_FORMATS", "export_file", "export_format", "import_file"]

#: Export formats by suffix, longest first (a name may end in several).
EXPORT_FORMATS = ("graph.json", "journey.json", "json", "bpmn", "graphml", "ttl", "jsonld", "xlsx")
#: Formats :func:`import_file` reads.
IMPORT_FORMATS = ("bpmn", "xlsx", "journey.json", "json", "yaml", "yml")


def _suffix(path: str | os.PathLike[str], formats: tuple[str, ...], verb: str) -> str:
    name = Path(path).name.lower()
    for fmt in formats:
        if name.endswith(f".{fmt}"):
            return fmt
    shown = ", ".join(f".{fmt}" for fmt in formats)
    raise UnsupportedFormatError(f"cannot {verb} '{Path(path).name}': the suffix must be {shown}")


def export_format(path: str | os.PathLike[str]) -> str:
    """The export format a file name asks for; :class:`UnsupportedFormatError` if none."""
    return _suffix(path, EXPORT_FORMATS, "export to")


def _needs_extra(fmt: str, error: ImportError) -> UnsupportedFormatError:
    return UnsupportedFormatError(
        f"the format .{fmt} needs a package that is not installed ({error}); install the "
        "optional extra: pip install 'lifeevents[export]'"
    )


def export_content(subject: Journey | Report, fmt: str) -> str | bytes:
    """The text of the export of ``subject`` in format ``fmt`` (see :data:`EXPORT_FORMATS`)."""
    report = subject if isinstance(subject, Report) else None
    trip = report.journey if report is not None else subject
    assert isinstance(trip, Journey)
    if fmt == "bpmn":
        from lifeevents.export.bpmn import bpmn_text

        return bpmn_text(trip, report)
    if fmt in ("ttl", "jsonld"):
        try:
            from lifeevents.export import cpsv
        except ImportError as error:
            raise _needs_extra(fmt, error) from None
        return cpsv.turtle(trip) if fmt == "ttl" else cpsv.json_ld(trip)
    if fmt == "xlsx":
        try:
            from lifeevents.export import xlsx
        except ImportError as error:
            raise _needs_extra(fmt, error) from None
        return xlsx.workbook_bytes(trip.life_event)
    if fmt == "graphml":
        from lifeevents.export.graph_formats import graphml_text

        return graphml_text(trip)
    if fmt == "graph.json":
        from lifeevents.export.graph_formats import node_link_json

        return node_link_json(trip)
    if fmt == "journey.json":
        from lifeevents.export.documents import life_event_json

        return life_event_json(trip.life_event)
    if fmt == "json":
        from lifeevents.export.documents import report_json

        return report_json(report or analyze(trip))
    raise UnsupportedFormatError(f"unknown export format '{fmt}'")


def export_file(subject: Journey | Report, path: str | os.PathLike[str]) -> Path:
    """Write ``subject`` to ``path`` atomically in the format its suffix names.

    Nothing is written when the format is unknown or the journey cannot be analysed.
    """
    content = export_content(subject, export_format(path))
    write_atomic(path, content)
    return Path(path)


def import_file(path: str | os.PathLike[str]) -> LifeEvent:
    """The journey model in a BPMN file written by lifeevents, a journey JSON or YAML file,
    or a report JSON file; :class:`InputError` with located problems."""
    fmt = _suffix(path, IMPORT_FORMATS, "import")
    filename = os.fspath(path)
    if fmt == "bpmn":
        from lifeevents.export.bpmn_import import load_bpmn

        return load_bpmn(path)
    if fmt == "xlsx":
        from lifeevents.export.workbook_reader import read_workbook

        return read_workbook(path)
    try:
        raw = read_limited(path)
    except OSError as error:
        reason = error.strerror or str(error)
        raise InputError([Problem(filename, 1, 1, f"cannot read: {reason}")]) from None
    if fmt == "json" and b'"lifeevents-report/1"' in raw:
        from lifeevents.export.documents import load_report

        return load_report(raw, filename).journey.life_event
    from lifeevents.formats.journey_file import load

    return load(Path(path))
