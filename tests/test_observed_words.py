"""The observed report and map speak the reader's language; the words come from the catalogue.

The hand-made log (tests/data/observed/handmade.csv, 20 cases against the spec
example) has 63 events, 8 conforming cases and 4 cases with one visit more than
the minimum (tests/test_observed_conformance.py works them out case by case).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import journey
from lifeevents.observed.conformance import conform
from lifeevents.observed.csv_log import read_csv_log
from lifeevents.observed.mapping import read_mapping
from lifeevents.observed.observed_map import render_observed_map
from lifeevents.observed.report import ObservedReport
from lifeevents.observed.synthetic import simulate

DATA = Path(__file__).parent / "data"
HANDMADE = DATA / "observed" / "handmade.csv"
SPEC_EXAMPLE = DATA / "spec-example.yaml"


@pytest.fixture(scope="module")
def handmade() -> ObservedReport:
    life_event = load(SPEC_EXAMPLE)
    mapping = read_mapping(DATA / "observed" / "handmade-mapping.yaml", life_event)
    return ObservedReport(conform(read_csv_log(HANDMADE), life_event, mapping=mapping))


def test_text_in_german_by_default(handmade: ObservedReport) -> None:
    lines = handmade.to_text().splitlines()
    assert lines[0].endswith(f": 20 Fälle, 63 Ereignisse in {HANDMADE}")
    assert lines[1:5] == [
        "  konform: 8 (40,0 %)",
        "  zusätzliche Besuche (gemacht - Minimum): -1: 1, 0: 15, 1: 4",
        "  häufigste Abweichungen:",
        "           4  zusätzliche Besuche: mehr Besuche als das Minimum",
    ]
    assert "  Abstände je Abhängigkeit in Tagen (Median beobachtet / Vorlaufzeit modelliert):" in (
        lines
    )


def test_text_in_english_as_the_command_line_writes_it(handmade: ObservedReport) -> None:
    lines = handmade.to_text("en").splitlines()
    assert lines[0].endswith(f": 20 cases, 63 events in {HANDMADE}")
    assert lines[1:5] == [
        "  conforming: 8 (40.0 %)",
        "  extra visits (made - minimum): -1: 1, 0: 15, 1: 4",
        "  most common deviations:",
        "           4  extra_visits: more visits than the minimum",
    ]
    assert "  gaps per dependency (median days observed / lead time modelled):" in lines


def test_german_numbers_group_thousands_with_a_point(tmp_path: Path) -> None:
    life_event = load(SPEC_EXAMPLE)
    played = simulate(journey(life_event), 400, seed=1)
    path = tmp_path / "log.csv"
    path.write_text(played.to_csv(), encoding="utf-8")
    report = ObservedReport(conform(read_csv_log(path), life_event))
    events = report.summary()["events"]
    assert events >= 1000  # each case has at least the three steps of the default persona
    german, english = report.to_text("de"), report.to_text("en")
    assert f"400 Fälle, {events // 1000}.{events % 1000:03d} Ereignisse" in german
    assert f"400 cases, {events // 1000},{events % 1000:03d} events" in english


@pytest.mark.exe
def test_map_title_in_english(tmp_path: Path, handmade: ObservedReport) -> None:
    out = render_observed_map(handmade.conformance, tmp_path / "observed.svg", lang="en")
    svg = out.read_text(encoding="utf-8")
    assert ">Birth of a child: observed (persona base case)</title>" in svg
    assert "the wider an arrow, the more cases" in svg
    assert "beobachtet" not in svg
