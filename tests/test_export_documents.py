"""Lossless JSON of a life event and of a report."""

from __future__ import annotations

import json

import pytest
from hypothesis import given
from hypothesis import strategies as st

from export_support import analysed, builtin_trips, figures
from lifeevents.analysis.report import analyze
from lifeevents.errors import InputError
from lifeevents.export.documents import (
    life_event_json,
    load_life_event,
    load_report,
    report_json,
)
from lifeevents.model.life_event import LifeEvent
from strategies import life_events


@given(life_events())
def test_life_event_json_round_trip_is_lossless(life_event: LifeEvent) -> None:
    text = life_event_json(life_event)
    json.loads(text)  # JSON, not only YAML
    assert load_life_event(text) == life_event


@given(life_events(), st.data())
def test_report_json_round_trip_keeps_every_figure(
    life_event: LifeEvent, data: st.DataObject
) -> None:
    report = analysed(life_event, data.draw(st.sampled_from(life_event.persona_ids())))
    loaded = load_report(report_json(report))
    assert loaded.to_dict() == report.to_dict()
    assert loaded.journey.life_event == life_event


def test_builtin_reports_round_trip_with_their_region() -> None:
    for _label, trip in list(builtin_trips())[::5]:
        report = analyze(trip)
        loaded = load_report(report_json(report))
        assert figures(loaded) == figures(report)
        assert loaded.journey.municipality == trip.municipality


def test_an_edited_figure_is_refused() -> None:
    _label, trip = next(builtin_trips())
    data = json.loads(report_json(analyze(trip)))
    data["analysis"]["visits"]["minimum"] += 1
    with pytest.raises(InputError, match=r"differs from the analysis .* in visits"):
        load_report(json.dumps(data), "r.json")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{", "r.json:1:1: not JSON"),
        ("[]", "not a report"),
        ('{"format": "lifeevents-report/1"}', "the report has no 'persona'"),
    ],
)
def test_what_is_not_a_report_is_a_located_error(text: str, message: str) -> None:
    with pytest.raises(InputError, match=message):
        load_report(text, "r.json")


def test_a_bad_journey_inside_a_report_is_located() -> None:
    _label, trip = next(builtin_trips())
    data = json.loads(report_json(analyze(trip)))
    data["journey"]["steps"][0]["channels"] = ["vor ort"]
    with pytest.raises(InputError, match=r"r\.json#journey:\d+:\d+: .*'vor ort'"):
        load_report(json.dumps(data), "r.json")
