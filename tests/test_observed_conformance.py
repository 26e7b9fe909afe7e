"""Conformance per case: planted deviations are found and nothing else; a hand-made log.

The generator (lifeevents.observed.synthetic) plants deviations and keeps the
ground truth; the checker must report exactly that truth for every case, over
seeds, deviation rates, built-in journeys and generated journeys. The hand-made
log (tests/data/observed/handmade.csv, 20 cases against the spec example) has
answers worked out by hand, each explained next to its case.
"""

from __future__ import annotations

import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifeevents.errors import InputError
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import Journey, journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.model.life_event import LifeEvent
from lifeevents.observed.conformance import conform
from lifeevents.observed.csv_log import read_csv_log
from lifeevents.observed.mapping import read_mapping
from lifeevents.observed.report import ObservedReport
from lifeevents.observed.synthetic import Deviations, simulate
from lifeevents.observed.xes_log import read_xes_log
from profiles import examples
from strategies import journey_data

DATA = Path(__file__).parent / "data"
HANDMADE = DATA / "observed" / "handmade.csv"
SPEC_EXAMPLE = DATA / "spec-example.yaml"
CHECKED = (
    "visits_made",
    "visits_minimum",
    "extra_visits",
    "skipped",
    "unknown_activities",
    "out_of_order",
    "deadline_missed",
)
BUILTIN = {name: load(path) for name, path in builtin_journeys().items()}

rates = st.floats(0.0, 1.0)
deviations = st.builds(
    Deviations,
    skip=rates,
    swap=rates,
    extra_trip=rates,
    channel=rates,
    late=rates,
    unknown=rates,
    delay_days=st.integers(0, 5),
)


def check_against_truth(trip: Journey, seed: int, planted: Deviations, activity: str) -> None:
    played = simulate(trip, 12, seed, planted, activity=activity)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "log.csv"
        path.write_text(played.to_csv(), encoding="utf-8")
        log = read_csv_log(path)
    result = conform(log, trip.life_event, region=trip.region)
    found = list(result.per_case())
    assert [case["case"] for case in found] == [case["case"] for case in played.truth]
    for got, want in zip(found, played.truth, strict=True):
        assert {key: got[key] for key in CHECKED} == {key: want[key] for key in CHECKED}
        assert got["persona"] == trip.persona_id
        assert got["conforming"] == (
            not any(want[key] for key in ("skipped", "unknown_activities", "out_of_order"))
            and not want["deadline_missed"]
            and want["extra_visits"] <= 0
        )


@settings(max_examples=examples(30))
@given(
    st.sampled_from(sorted(BUILTIN)),
    st.data(),
    st.integers(0, 10**6),
    deviations,
    st.sampled_from(["name", "id"]),
)
def test_builtin_journeys_every_planted_deviation_and_nothing_else(
    name: str, data: st.DataObject, seed: int, planted: Deviations, activity: str
) -> None:
    life_event = BUILTIN[name]
    persona = data.draw(st.sampled_from(life_event.persona_ids()))
    check_against_truth(journey(life_event, persona), seed, planted, activity)


@settings(max_examples=examples(20))
@given(journey_data(), st.integers(0, 10**6), deviations)
def test_generated_journeys_every_planted_deviation_and_nothing_else(
    data: dict[str, Any], seed: int, planted: Deviations
) -> None:
    life_event = LifeEvent.model_validate(data)
    for persona in life_event.persona_ids():
        try:
            trip = journey(life_event, persona)
        except InputError:
            return  # a cycle: no journey to play
        if len(trip.graph) == 0:
            continue
        try:
            check_against_truth(trip, seed, planted, "id")
        except InputError as error:  # pragma: no cover - shown when it happens
            pytest.fail(str(error))


# ---------------------------------------------------------------------------
# The hand-made log. Spec example: default persona has geburtsanzeige (in person,
# deadline 7 days) -> namensbestimmung and -> geburtsanzeige-termin (both in person,
# visit v1), all at the site 'rathaus' with no lead time: minimum 1 visit. Persona
# 'digital' does geburtsanzeige by mail and adds elterngeld (online) after it:
# minimum still 1 (the v1 trip).

ANZEIGE, NAME, TERMIN, ELTERNGELD = (
    "geburtsanzeige",
    "namensbestimmung",
    "geburtsanzeige-termin",
    "elterngeld",
)


def expected(
    made: int = 1,
    skipped: tuple[str, ...] = (),
    unknown: tuple[str, ...] = (),
    disorder: tuple[tuple[str, str], ...] = (),
    late: tuple[str, ...] = (),
) -> dict[str, Any]:
    return {
        "visits_made": made,
        "visits_minimum": 1,
        "extra_visits": made - 1,
        "skipped": list(skipped),
        "unknown_activities": list(unknown),
        "out_of_order": [{"from": u, "to": v} for u, v in disorder],
        "deadline_missed": list(late),
    }


HAND_MADE = {
    # all three steps in one morning at the rathaus
    "c01": (expected(), True),
    # the certificates fetched the next day: a second trip
    "c02": (expected(made=2), False),
    # the certificates never fetched
    "c03": (expected(skipped=(TERMIN,)), False),
    # the name given before the birth was registered (same trip)
    "c04": (expected(disorder=((ANZEIGE, NAME),)), False),
    # registered on day 8 after the birth (event date 03-01): deadline of 7 days missed
    "c05": (expected(late=(ANZEIGE,)), False),
    # registered on day 7: in time
    "c06": (expected(), True),
    # an activity that is no step
    "c07": (expected(unknown=("Kaffee trinken",)), False),
    # the activity name comes through the mapping file
    "c08": (expected(), True),
    # registration by mail (channel column): only the v1 trip is a visit
    "c09": (expected(), True),
    # everything by mail: no visit at all, one fewer than the minimum
    "c10": (expected(made=0), True),
    # the v1 steps at another site the same day: two visits
    "c11": (expected(made=2), False),
    # the certificates fetched twice: the second time is another trip
    "c12": (expected(made=2), False),
    # persona 'digital', all in order
    "c13": (expected(), True),
    # persona 'digital', Elterngeld applied for before the birth was registered
    "c14": (expected(disorder=((ANZEIGE, ELTERNGELD),)), False),
    # persona 'digital' without Elterngeld
    "c15": (expected(skipped=(ELTERNGELD,)), False),
    # default persona: Elterngeld does not apply (married only), so it maps to no step
    "c16": (expected(unknown=("Elterngeld beantragen",)), False),
    # only the name given
    "c17": (expected(skipped=(ANZEIGE, TERMIN)), False),
    # registration and name at the same minute: not out of order
    "c18": (expected(), True),
    # late, out of order, a second trip and an unknown phone call
    "c19": (
        expected(made=2, unknown=("Rückfrage",), disorder=((ANZEIGE, NAME),), late=(ANZEIGE,)),
        False,
    ),
    # dates without times: all at midnight, nothing out of order
    "c20": (expected(), True),
}


@pytest.fixture(scope="module")
def handmade() -> ObservedReport:
    life_event = load(SPEC_EXAMPLE)
    mapping = read_mapping(DATA / "observed" / "handmade-mapping.yaml", life_event)
    return ObservedReport(conform(read_csv_log(HANDMADE), life_event, mapping=mapping))


@pytest.mark.parametrize("case", sorted(HAND_MADE))
def test_handmade_log_case_by_case(handmade: ObservedReport, case: str) -> None:
    found = {item["case"]: item for item in handmade.conformance.per_case()}
    want, conforming = HAND_MADE[case]
    assert {key: found[case][key] for key in CHECKED} == want
    assert found[case]["conforming"] is conforming


def test_handmade_log_gaps_and_summary(handmade: ObservedReport) -> None:
    cases = {item["case"]: item for item in handmade.conformance.per_case()}
    assert cases["c02"]["gaps"] == [
        {"from": ANZEIGE, "to": NAME, "days": 0, "lead_time_days": 0},
        {"from": ANZEIGE, "to": TERMIN, "days": 1, "lead_time_days": 0},
    ]
    # c14: Elterngeld a day before the registration
    assert {"from": ANZEIGE, "to": ELTERNGELD, "days": -1, "lead_time_days": 0} in cases["c14"][
        "gaps"
    ]
    summary = handmade.summary()
    assert (summary["cases"], summary["events"]) == (20, 63)
    assert summary["conforming"] == sum(conforming for _, conforming in HAND_MADE.values()) == 8
    assert summary["extra_visits"]["distribution"] == {"-1": 1, "0": 15, "1": 4}
    assert summary["skipped"] == [
        {"step": TERMIN, "cases": 2},
        {"step": ELTERNGELD, "cases": 1},  # ties by id
        {"step": ANZEIGE, "cases": 1},
    ]
    assert summary["deadline_missed"] == [{"step": ANZEIGE, "cases": 2}]
    assert summary["deviations"][0] == {
        "kind": "extra_visits",
        "item": "more visits than the minimum",
        "cases": 4,
    }
    edge = next(item for item in summary["edges"] if (item["from"], item["to"]) == (ANZEIGE, NAME))
    assert edge == {
        "from": ANZEIGE,
        "to": NAME,
        "lead_time_days": 0,
        "cases": 19,  # every case but c17
        "median_gap_days": 0.0,
        "out_of_order": 2,
    }
    # 19 registrations: by mail in c09, c10 (column) and c13-c15 (digital chooses mail)
    assert summary["channels"][ANZEIGE] == {"in_person": 14, "mail": 5}


def test_handmade_log_as_xes_gives_the_same_answers(tmp_path: Path) -> None:
    """The same log written as XES (traces, events, trace-level persona) reads the same."""
    import csv

    rows = list(csv.DictReader(HANDMADE.open(encoding="utf-8")))
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<log xes.version="1.0">']
    for case in dict.fromkeys(row["case_id"] for row in rows):
        events = [row for row in rows if row["case_id"] == case]
        lines.append(f'<trace><string key="concept:name" value="{case}"/>')
        persona = next((row["persona"] for row in events if row["persona"]), "")
        if persona:
            lines.append(f'  <string key="persona" value="{persona}"/>')
        for row in events:
            lines.append(f'  <event><string key="concept:name" value="{row["activity"]}"/>')
            lines.append(f'    <date key="time:timestamp" value="{row["timestamp"]}"/>')
            for key in ("channel", "site", "event_date"):
                if row[key]:
                    lines.append(f'    <string key="{key}" value="{row[key]}"/>')
            lines.append("  </event>")
        lines.append("</trace>")
    lines.append("</log>")
    path = tmp_path / "handmade.xes"
    path.write_text("\n".join(lines), encoding="utf-8")
    life_event = load(SPEC_EXAMPLE)
    mapping = read_mapping(DATA / "observed" / "handmade-mapping.yaml", life_event)
    from_xes = conform(read_xes_log(path), life_event, mapping=mapping)
    from_csv = conform(read_csv_log(HANDMADE), life_event, mapping=mapping)
    assert list(from_xes.per_case()) == list(from_csv.per_case())


def test_frame_has_one_row_per_case(handmade: ObservedReport) -> None:
    frame = handmade.frame()
    assert list(frame["case"]) == sorted(HAND_MADE)
    assert frame.loc[frame["case"] == "c19", "out_of_order"].item() == [f"{ANZEIGE}>{NAME}"]
    assert len(handmade.edge_frame()) == len(handmade.conformance.edges)
