"""Report.to_frame() and the findings as frames: a journey worked by hand, and every
built-in journey's frames against the report's own figures."""

from __future__ import annotations

import pandas as pd
import pytest

from lifeevents.analysis.frames import FINDING_COLUMNS, SCHEDULE_COLUMNS, findings_frames
from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import load, loads
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys

# Two steps: an online application at the Gemeinde (3 days until the notice exists),
# then the notice sent by post to the Kreis. By hand (journey-format-v1):
# rule 4: antrag starts on day 0, vorlage on day 0 + 3 = 3;
# rule 6: online -> mail is one channel handover;
# rule 7: the citizen carries the notice from digital to paper: one media break;
# rule 8: from amt (gemeinde) to kreis (kreis): one handover, crossing levels;
# rule 9: the Kreis asks for a public notice it did not issue: one violation.
HAND = """\
format: lifeevents/1
life_event: {id: demo, name: Demo}
authorities:
  amt: {name: Amt, level: gemeinde, site: rathaus}
  kreis: {name: Kreisamt, level: kreis, site: kreishaus}
evidence:
  bescheid: {name: Bescheid, issued_by: amt}
steps:
  - {id: antrag, name: Antrag, authority: amt, channels: [online], produces: [bescheid],
     lead_time_days: 3}
  - {id: vorlage, name: Vorlage, authority: kreis, channels: [mail], requires: [bescheid]}
"""


def _hand() -> Report:
    return analyze(journey(loads(HAND)))


def test_schedule_frame_by_hand() -> None:
    assert _hand().to_frame().values.tolist() == [
        ["antrag", "Antrag", "amt", "Amt", "gemeinde", "rathaus", "online", 0],
        ["vorlage", "Vorlage", "kreis", "Kreisamt", "kreis", "kreishaus", "mail", 3],
    ]
    assert list(_hand().to_frame().columns) == list(SCHEDULE_COLUMNS)


def test_findings_frames_by_hand() -> None:
    frames = findings_frames(_hand())
    assert frames["channel_handovers"].values.tolist() == [["antrag", "vorlage", "online", "mail"]]
    assert frames["media_breaks"].values.tolist() == [["antrag", "vorlage", "bescheid"]]
    assert frames["authority_handovers"].values.tolist() == [
        ["antrag", "vorlage", "bescheid", "amt", "kreis", True]
    ]
    assert frames["once_only_violations"].values.tolist() == [["bescheid", "vorlage", "amt"]]


def test_a_kind_without_findings_is_an_empty_frame_with_its_columns() -> None:
    single = analyze(
        journey(
            loads(
                "format: lifeevents/1\nlife_event: {id: x, name: X}\n"
                "authorities: {amt: {name: Amt, level: gemeinde}}\n"
                "steps: [{id: a, name: A, authority: amt, channels: [online]}]\n"
            )
        )
    )
    for kind, frame in findings_frames(single).items():
        assert frame.empty
        assert list(frame.columns) == list(FINDING_COLUMNS[kind])


@pytest.mark.parametrize("name", list(builtin_journeys()))
def test_builtin_frames_agree_with_the_report(name: str) -> None:
    life_event = load(name)
    for persona in life_event.persona_ids():
        report = analyze(journey(life_event, persona, municipality="rheine"))
        data = report.to_dict()
        schedule = report.to_frame()
        assert schedule.drop(columns="name").to_dict("records") == data["schedule"]
        for kind, frame in findings_frames(report).items():
            items = data[kind]["items"]
            assert len(frame) == data[kind]["count"] == report.to_record()[kind]
            for row, item in zip(frame.to_dict("records"), items, strict=True):
                assert set(row) == set(item)  # the columns are the JSON keys
                for key, value in item.items():
                    expected = " ".join(value) if isinstance(value, list) else value
                    assert row[key] == expected
                    assert isinstance(row[key], str | int | bool)
    # Frames of several journeys and personas concatenate into one.
    both = pd.concat([report.to_frame(), report.to_frame()], ignore_index=True)
    assert len(both) == 2 * report.steps
