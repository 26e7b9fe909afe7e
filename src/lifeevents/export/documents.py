"""Lossless JSON of a life event and of an analysis report.

A life event as JSON is the journey file in JSON syntax: the same keys as the
YAML file (:func:`lifeevents.formats.writer.to_data`), so every tool that reads journey
files reads it (YAML 1.2 is a superset of JSON), and errors in it are located
by line and column like those of a YAML file. ``load_life_event(life_event_json(x)) == x``.

A report as JSON (``format: lifeevents-report/1``) holds the analysis of
``lifeevents analyze --format json`` together with everything it was computed
from: the whole journey, persona, municipality, origin and event place. :func:`load_report`
rebuilds the :class:`~lifeevents.analysis.report.Report` from them and refuses a
document whose stored figures differ from the figures of its journey (edited by
hand, or written by a version that counted differently), so a loaded report
always means what its figures say.

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.graph.journey import journey
>>> from lifeevents.analysis.report import analyze
>>> life_event = loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Demo}
... authorities: {amt: {name: Bürgerbüro, level: gemeinde}}
... steps: [{id: a, name: Anmelden, authority: amt, channels: [in_person]}]
... ''')
>>> load_life_event(life_event_json(life_event)) == life_event
True
>>> report = analyze(journey(life_event))
>>> load_report(report_json(report)).to_dict() == report.to_dict()
True
"""

from __future__ import annotations

import json
import re
from typing import TYPE_CHECKING, Any

from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import InputError, UnknownMunicipalityError
from lifeevents.formats.journey_file import Regions, loads
from lifeevents.formats.region_file import builtin_regions
from lifeevents.formats.writer import to_data
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import Problem

if TYPE_CHECKING:
    from lifeevents.model.region import Region

__all__ = ["REPORT_FORMAT", "life_event_json", "load_life_event", "load_report", "report_json"]

REPORT_FORMAT = "lifeevents-report/1"

# JSON may escape any character: those a YAML reader refuses or reads as line breaks
# (NEL, the Unicode line separators) are escaped; characters beyond the BMP stay as they
# are, since a YAML reader does not join escaped surrogate pairs.
_BMP_UNPRINTABLE = re.compile("[^\\x20-\\x7e\\n]")


def _escaped(match: re.Match[str]) -> str:
    char = match.group()
    return char if char.isprintable() or ord(char) > 0xFFFF else f"\\u{ord(char):04x}"


def _json(data: Any) -> str:
    text = json.dumps(data, ensure_ascii=False, indent=2)
    return _BMP_UNPRINTABLE.sub(_escaped, text) + "\n"


def life_event_json(life_event: LifeEvent) -> str:
    """The journey file as JSON text (defaults left out, as in YAML)."""
    return _json(to_data(life_event))


def load_life_event(
    text: str | bytes, filename: str = "<string>", regions: Regions | None = None
) -> LifeEvent:
    """Read a life event from JSON (or YAML) text; :class:`InputError` with located problems."""
    return loads(text, filename, regions)


def report_json(report: Report) -> str:
    """The report and everything it was computed from, as JSON text."""
    trip = report.journey
    return _json(
        {
            "format": REPORT_FORMAT,
            "persona": trip.persona_id,
            "municipality": trip.municipality,
            "origin": trip.origin,
            "event_place": trip.event_place,
            "region": trip.region.id if trip.region is not None else None,
            "journey": to_data(trip.life_event),
            "analysis": report.to_dict(),
        }
    )


def load_report(
    text: str | bytes, filename: str = "<string>", regions: Regions | None = None
) -> Report:
    """Rebuild a report from :func:`report_json` text, checking that its figures hold.

    ``regions`` (default: the built-in regions) must hold the region the report
    names. Raises :class:`InputError` for text that is not such a document.
    """

    def fail(message: str) -> InputError:
        return InputError([Problem(filename, 1, 1, message)])

    try:
        data = json.loads(text)
    except (ValueError, RecursionError) as error:
        raise fail(f"not JSON: {error}") from None
    if not isinstance(data, dict) or data.get("format") != REPORT_FORMAT:
        raise fail(f'not a report: expected a JSON object with "format": "{REPORT_FORMAT}"')
    for key in ("persona", "journey", "analysis"):
        if key not in data:
            raise fail(f"the report has no '{key}'")
    known = builtin_regions() if regions is None else regions
    region: Region | None = None
    if data.get("region") is not None:
        region = known.get(str(data["region"]))
        if region is None:
            raise fail(f"region '{data['region']}' is not known; pass it in regions")
    life_event = loads(_json(data["journey"]), f"{filename}#journey", known)
    try:
        report = analyze(
            journey(
                life_event,
                str(data["persona"]),
                municipality=_optional_text(data.get("municipality")),
                origin=_optional_text(data.get("origin")),
                region=region,
                event_place=_optional_text(data.get("event_place")),
            )
        )
    except KeyError as error:
        raise fail(str(error.args[0])) from None
    except UnknownMunicipalityError as error:
        raise fail(str(error)) from None
    figures = report.to_dict()
    stored = data["analysis"] if isinstance(data["analysis"], dict) else {}
    differing = sorted(
        key for key in {*figures, *stored} if figures.get(key) != stored.get(key)
    ) or (["analysis"] if not stored else [])
    if differing:
        raise fail(
            "the stored analysis differs from the analysis of the stored journey in "
            f"{', '.join(differing)}; it was edited or made by another version: "
            "analyse the journey again"
        )
    return report


def _optional_text(value: object) -> str | None:
    return None if value is None else str(value)
