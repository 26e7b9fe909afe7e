"""Shared helpers of the export tests: journeys of every built-in life event and persona."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from hypothesis import assume

from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import InputError
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import Journey, journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.model.life_event import LifeEvent


def builtin_trips() -> Iterator[tuple[str, Journey]]:
    """Every built-in journey for every persona, with a readable label."""
    for name in builtin_journeys():
        life_event = load(name)
        for persona in life_event.persona_ids():
            yield f"{name}-{persona}", journey(life_event, persona)


def analysed(life_event: LifeEvent, persona: str) -> Report:
    """The report of a generated journey; journeys whose modelled visits are infeasible
    (an input error) are not what these tests are about."""
    try:
        return analyze(journey(life_event, persona))
    except InputError:
        assume(False)
        raise


def figures(report: Report) -> dict[str, Any]:
    """The figures of a report, without the names of where it was made."""
    data = report.to_dict()
    for key in ("life_event", "municipality", "origin", "event_place"):
        data.pop(key)
    return data
