"""The journey-map view (DOT): hand-checked content, escaping, determinism, snapshots, SVG."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from itertools import pairwise
from pathlib import Path
from textwrap import dedent

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from export_support import analysed
from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import load, loads
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.model.life_event import LifeEvent
from lifeevents.text.labels import Language
from lifeevents.text.names import DisplayNames
from lifeevents.views.blueprint import blueprint_source
from lifeevents.views.columns import plan_days, stage_columns, time_columns, time_order
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.journey_cells import FIT_AREA, MapLayout
from lifeevents.views.journey_map import journey_map_layout, journey_map_source
from lifeevents.views.map_grid import Cell
from lifeevents.views.options import RenderOptions
from lifeevents.views.wording import Wording
from profiles import examples
from strategies import journey_data

HERE = Path(__file__).parent
SPEC_EXAMPLE = HERE / "data" / "spec-example.yaml"
SNAPSHOTS = HERE / "snapshots"

# A move with stages, emotions from -2 to +2 (one step without), pain points, a
# deadline at risk and a step without a stage.
MOVE = dedent("""\
    format: lifeevents/1
    life_event:
      id: umzug-test
      name: Umzug (Test)
      name_en: Moving (test)
      stages: [vorbereiten, ummelden, danach]
    authorities:
      vermieter: {name: Vermieter, level: privat}
      buergerbuero: {name: Bürgerbüro, level: gemeinde, site: rathaus}
      steueramt: {name: Steueramt, level: gemeinde, site: rathaus}
      kreis: {name: Straßenverkehrsamt, level: kreis, site: kreishaus}
      kasse: {name: Krankenkasse, level: sozialversicherung}
    evidence:
      ausweis: {name: Personalausweis, name_en: ID card, identity: true}
      wgb: {name: Wohnungsgeberbestätigung}
      meldung: {name: Meldebestätigung, issued_by: buergerbuero}
      fahrzeugschein: {name: Fahrzeugschein}
      register: {name: Registerauskunft, issued_by: buergerbuero, transfer: direct}
    personas:
      digital: {prefer: [online, mail]}
    steps:
      - {id: wgb, name: Bestätigung vom Vermieter holen, authority: vermieter,
         stage: vorbereiten, channels: [mail], produces: [wgb], lead_time_days: 3, emotion: 0}
      - {id: termin, name: Termin buchen, authority: buergerbuero, stage: vorbereiten,
         channels: [online, phone], lead_time_days: 10, emotion: -1,
         pain_points: [Termine erst nach Wochen]}
      - {id: anmelden, name: Wohnsitz anmelden, name_en: Register the address,
         authority: buergerbuero, stage: ummelden, channels: [in_person], after: [termin],
         requires: [ausweis, wgb], produces: [meldung], deadline_days: 7,
         legal_basis: "§ 17 BMG", emotion: -2,
         pain_points: [Persönlich erscheinen, Lange Wartezeit]}
      - {id: hund, name: Hundesteuer ummelden, authority: steueramt, stage: ummelden,
         channels: [in_person, mail], after: [anmelden]}
      - {id: kfz, name: Fahrzeug ummelden, authority: kreis, stage: danach,
         channels: [in_person, online],
         requires: [ausweis, meldung, fahrzeugschein, register], emotion: 1}
      - {id: kasse, name: Krankenkasse informieren, authority: kasse, channels: [online],
         after: [anmelden], emotion: 2}
""")

HOSTILE_NAME = "<script>alert(1)</script> \"q\" 'a' {b} \\N \\\\ x&amp;\nzwei"


def move_report(persona: str = "default") -> Report:
    return analyze(journey(loads(MOVE, "move.yaml", regions={}), persona))


def spec_report(persona: str) -> Report:
    return analyze(journey(load(SPEC_EXAMPLE), persona))


def hostile_report() -> Report:
    text = MOVE.replace("name: Wohnsitz anmelden,", f"name: {quote(HOSTILE_NAME)},")
    text = text.replace("name: Bürgerbüro,", f"name: {quote(HOSTILE_NAME)},")
    text = text.replace("[Persönlich erscheinen,", f"[{quote(HOSTILE_NAME)},")
    # A name of blanks only: nothing to show, and nothing may break.
    text = text.replace("name: Krankenkasse,", 'name: "  ",')
    text = text.replace("stages: [vorbereiten,", "stages: ['<i>vor</i>',")
    text = text.replace("stage: vorbereiten", "stage: '<i>vor</i>'")
    return analyze(journey(loads(text, "hostile.yaml", regions={})))


def quote(text: str) -> str:
    """A YAML double-quoted scalar."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{escaped}"'


def cell_text(cell: Cell) -> str:
    """The text of a cell, its lines joined by spaces."""
    return " ".join(" ".join(line for block in cell.blocks for line in block.lines).split())


def rows_of(layout: MapLayout) -> dict[str, list[str]]:
    """The texts of each named row, band after band, left to right (not the emotion)."""
    rows: dict[str, list[str]] = {}
    cells = [cell for cell, _ in layout.cells]
    headers = [cell for cell in cells if cell.x == 0 and cell.y >= layout.bands[0].top]
    right = max(cell.width for cell in headers)
    for header in headers:
        name = cell_text(header)
        if name == "Emotion":
            continue
        row = sorted(
            (cell for cell in cells if cell.y == header.y and cell.x >= right),
            key=lambda cell: cell.x,
        )
        rows.setdefault(name, []).extend(cell_text(cell) for cell in row)
    return rows


def emotions(layout: MapLayout) -> dict[str, int]:
    """The emotion of each step with a dot."""
    return {step: emotion for _, _, _, step, emotion in layout.dots}


def visit_numbers(layout: MapLayout, word: str = "Besuch") -> list[int]:
    """The visit numbers of the channel row, left to right."""
    channel = rows_of(layout)["Kanal" if word == "Besuch" else "Channel"]
    return [int(text.rsplit(" ", 1)[1]) for text in channel if f" {word} " in text]


def days(layout: MapLayout) -> list[int]:
    """The day of each column, left to right."""
    return [int(text.split()[1]) for text in rows_of(layout)["Tag"]]


# ---------------------------------------------------------------------------
# Columns.


def test_columns_are_stages_and_a_step_without_stage_joins_the_stage_before_it() -> None:
    report = move_report()
    columns = stage_columns(report, Wording.of(report))
    assert [(column.key, column.title, column.steps) for column in columns] == [
        ("vorbereiten", "1 · Vorbereiten", ("wgb", "termin")),
        ("ummelden", "2 · Ummelden", ("anmelden", "hund")),
        # kasse has no stage: it follows kfz in the schedule (both day 10).
        ("danach", "3 · Danach", ("kfz", "kasse")),
    ]


def test_spec_example_keeps_empty_stages_and_unstaged_steps_follow_geburtsanzeige() -> None:
    report = spec_report("digital")
    columns = stage_columns(report, Wording.of(report, "en"))
    assert [(column.title, column.steps) for column in columns] == [
        ("1 · Vorbereiten", ()),
        (
            "2 · Geburt",
            ("geburtsanzeige", "elterngeld", "namensbestimmung", "geburtsanzeige-termin"),
        ),
        ("3 · Danach", ()),
    ]


def test_without_stages_the_columns_are_schedule_days() -> None:
    plain = MOVE.replace("  stages: [vorbereiten, ummelden, danach]\n", "")
    for stage in ("vorbereiten", "ummelden", "danach"):
        plain = plain.replace(f" stage: {stage},", "")
    report = analyze(journey(loads(plain, "plain.yaml", regions={})))
    columns = stage_columns(report, Wording.of(report, "en"))
    assert [(column.title, column.steps) for column in columns] == [
        ("Day 0", ("wgb", "termin")),
        ("Day 10", ("anmelden", "hund", "kfz", "kasse")),
    ]


def test_display_names_use_english_names_where_the_file_has_them() -> None:
    names = DisplayNames(move_report(), "en")
    assert names.step("anmelden") == "Register the address"
    assert names.step("hund") == "Hundesteuer ummelden"  # no name_en: the German one
    assert names.evidence("ausweis") == "ID card"
    assert names.site("kreishaus") == "Kreishaus"
    assert names.stage("vor-der-geburt") == "Vor der Geburt"


# ---------------------------------------------------------------------------
# Content of the map.


def test_move_map_rows_hand_checked() -> None:
    layout = journey_map_layout(move_report())
    rows = rows_of(layout)
    # One run per stage; kasse has no stage and follows kfz (both day 10).
    assert rows["Phase"] == ["1 · Vorbereiten", "2 · Ummelden", "3 · Danach"]
    assert rows["Tag"] == [
        "Tag 0",
        "Tag 0",
        "Tag 10 Frist: Tag 7 ⚠ Frist gefährdet",
        "Tag 10",
        "Tag 10",
        "Tag 10",
    ]
    touchpoints = rows["Kontaktpunkt"]
    assert touchpoints[2] == "Wohnsitz anmelden Bürgerbüro"
    assert touchpoints[4] == "Fahrzeug ummelden Straßenverkehrsamt"
    # Glyph and word for the channel; the trips of the minimum plan are numbered,
    # the Bürgerbüro first although "kreishaus" sorts before "rathaus".
    assert rows["Kanal"] == [
        "✉ Post",
        "⌨ online",
        "⌂ vor Ort Besuch 1",
        "⌂ vor Ort Besuch 1",
        "⌂ vor Ort Besuch 2",
        "⌨ online",
    ]
    assert rows["Schmerzpunkte"] == [
        "–",
        "⚠ Termine erst nach Wochen",
        "⚠ Persönlich erscheinen ⚠ Lange Wartezeit",
        "–",
        "–",
        "–",
    ]
    ideas = rows["Chancen"]
    # One cell per run of a stage; each idea under the run of its latest step.
    assert ideas[0] == "–"
    assert ideas[1].startswith("▸ 2 Besuche zu einem Termin zusammenlegen")
    assert "▸ Besuch vermeidbar, anderer Kanal angeboten: Hundesteuer ummelden" in ideas[1]
    assert "Meldebestätigung direkt zwischen Bürgerbüro und Straßenverkehrsamt" in ideas[2]


def test_move_map_emotion_is_a_curve_with_a_gap_where_a_step_has_none() -> None:
    layout = journey_map_layout(move_report())
    # wgb 0, termin -1, anmelden -2, hund (none), kfz +1, kasse +2
    assert emotions(layout) == {"wgb": 0, "termin": -1, "anmelden": -2, "kfz": 1, "kasse": 2}
    steps = [step for _, _, _, step, _ in layout.dots]
    joined = [(steps[tail], steps[head]) for tail, head in layout.edges]
    # Neighbours are joined; hund has no emotion, so anmelden and kfz are not.
    assert joined == [("wgb", "termin"), ("termin", "anmelden"), ("kfz", "kasse")]
    # A higher emotion is drawn higher (y grows downwards), one level 16 points.
    height = {step: y for _, y, _, step, _ in layout.dots}
    assert height["kasse"] < height["kfz"] < height["wgb"] < height["termin"] < height["anmelden"]
    assert height["termin"] - height["anmelden"] == -16
    source = journey_map_source(move_report())
    assert source.count(" -> ") == 3
    assert '"d0" -> "d1";' in source


def test_spec_example_default_and_digital_hand_checked() -> None:
    rows = rows_of(journey_map_layout(spec_report("default")))
    # Stages without steps are left out: the map shows what the citizen lives.
    assert rows["Phase"] == ["2 · Geburt"]
    assert rows["Kontaktpunkt"] == [
        "Geburt anzeigen Standesamt",
        "Namen des Kindes bestimmen Standesamt",
        "Geburtsurkunden abholen Standesamt",
    ]
    assert rows["Kanal"] == ["⌂ vor Ort Besuch 1"] * 3
    assert rows["Tag"][0] == "Tag 0 Frist: Tag 7"

    options = RenderOptions(lang="en")
    rows = rows_of(journey_map_layout(spec_report("digital"), options))
    # All on day 0: the trip before the online application, which no trip waits for.
    assert rows["Touchpoint"] == [
        "Geburt anzeigen Standesamt",
        "Namen des Kindes bestimmen Standesamt",
        "Geburtsurkunden abholen Standesamt",
        "Elterngeld beantragen Elterngeldstelle",
    ]
    assert rows["Channel"] == [
        "✉ post",
        "⌂ in person Visit 1",
        "⌂ in person Visit 1",
        "⌨ online",
    ]
    source = journey_map_source(spec_report("digital"), options)
    assert "Birth of a child · Journey map" in source
    assert "Persona: digital · Municipality: Greven" in source
    assert rows["Opportunities"][0].startswith("▸ exchange Geburtsurkunde directly")


# ---------------------------------------------------------------------------
# Time order and visit numbers.

# Stage "nachher" is lived first: its visit is on day 0, stage "vorher" waits 5 days.
LATE_STAGE = dedent("""\
    format: lifeevents/1
    life_event: {id: zeit, name: Zeit, stages: [vorher, nachher]}
    authorities:
      amt: {name: Amt, level: gemeinde, site: rathaus}
      kreis: {name: Kreis, level: kreis, site: kreishaus}
    steps:
      - {id: x, name: X, authority: amt, stage: vorher, channels: [mail], lead_time_days: 5}
      - {id: y, name: Y, authority: amt, stage: vorher, channels: [in_person], after: [x]}
      - {id: z, name: Z, authority: kreis, stage: nachher, channels: [in_person]}
""")

# a and c share the town hall and one trip: it waits for b's 3 days, and d after a too.
WAITING_TRIP = dedent("""\
    format: lifeevents/1
    life_event: {id: warten, name: Warten}
    authorities:
      amt: {name: Amt, level: gemeinde, site: rathaus}
    steps:
      - {id: a, name: A, authority: amt, channels: [in_person]}
      - {id: b, name: B, authority: amt, channels: [mail], lead_time_days: 3}
      - {id: c, name: C, authority: amt, channels: [in_person], after: [b]}
      - {id: d, name: D, authority: amt, channels: [mail], after: [a]}
      - {id: e, name: E, authority: amt, channels: [mail]}
""")


def test_a_later_stage_lived_first_stands_first() -> None:
    report = analyze(journey(loads(LATE_STAGE, "zeit.yaml", regions={})))
    # Day 0 in stage order (x, z); y of the earlier stage comes on day 5, after z.
    assert time_order(report) == ("x", "z", "y")
    columns = time_columns(report, Wording.of(report))
    assert [(column.title, column.steps) for column in columns] == [
        ("1 · Vorher", ("x",)),
        ("2 · Nachher", ("z",)),
        ("1 · Vorher", ("y",)),
    ]
    layout = journey_map_layout(report)
    assert days(layout) == [0, 0, 5]
    assert visit_numbers(layout) == [1, 2]


def test_steps_of_a_waiting_trip_are_shown_on_its_day() -> None:
    report = analyze(journey(loads(WAITING_TRIP, "warten.yaml", regions={})))
    assert [(visit.day, visit.steps) for visit in report.visits.plan] == [(3, ("a", "c"))]
    # a could start on day 0, but its trip is on day 3; d follows a.
    assert plan_days(report) == {"a": 3, "b": 0, "c": 3, "d": 3, "e": 0}
    # Day 0: b before e (file order); day 3: the trip, then d (no trip depends on it).
    assert time_order(report) == ("b", "e", "a", "c", "d")
    layout = journey_map_layout(report)
    assert days(layout) == [0, 0, 3, 3, 3]
    # a and d could start on day 0: the map says so beside the plan's day.
    assert rows_of(layout)["Tag"] == [
        "Tag 0",
        "Tag 0",
        "Tag 3 (möglich ab Tag 0)",
        "Tag 3",
        "Tag 3 (möglich ab Tag 0)",
    ]
    assert visit_numbers(layout) == [1, 1]


@pytest.mark.parametrize(
    ("lang", "said"),
    [("de", "Tag 30 (möglich ab Tag 14)"), ("en", "Day 30 (possible from day 14)")],
)
def test_both_maps_say_the_day_of_a_step_in_the_same_words(lang: Language, said: str) -> None:
    report = analyze(journey(load("arbeitslosigkeit"), "aufstocker"))
    node = "beratungsgespraech"  # Erstgespräch bei der Arbeitsvermittlung
    # It could start on day 14; its merged visit waits for day 30.
    assert {entry.step: entry.day for entry in report.schedule.steps}[node] == 14
    assert [visit.day for visit in report.visits.plan if node in visit.steps] == [30]
    options = RenderOptions(lang=lang)
    layout = journey_map_layout(report, options)
    steps = [step for band in layout.bands for step in band.steps]
    day_row = rows_of(layout)["Tag" if lang == "de" else "Day"]
    assert day_row[steps.index(node)].startswith(said)
    step_id = ElementIds(report.journey.graph).step(node)
    source = blueprint_source(report, options)
    (line,) = [line for line in source.splitlines() if f'id="{step_id}"' in line]
    # The channel line breaks before the note (too long for one); the tooltip has one line.
    day, note = said.split(" (")
    assert f' · {day}</TD></TR><TR><TD></TD><TD ALIGN="LEFT">({note}</TD>' in line
    assert f"\\n{said}\\n" in line


def test_a_step_a_trip_waits_for_stands_before_the_later_trips_of_its_day() -> None:
    text = dedent("""\
        format: lifeevents/1
        life_event: {id: tag, name: Tag}
        authorities:
          amt: {name: Amt, level: gemeinde, site: rathaus}
          kreis: {name: Kreis, level: kreis, site: kreishaus}
        steps:
          - {id: erst, name: Erst, authority: amt, channels: [in_person]}
          - {id: online, name: Online, authority: kreis, channels: [online]}
          - {id: dann, name: Dann, authority: kreis, channels: [in_person], after: [online]}
          - {id: spaet, name: Spät, authority: amt, channels: [mail]}
    """)
    report = analyze(journey(loads(text, "tag.yaml", regions={})))
    plan = [visit.steps for visit in report.visits.plan]
    assert plan == [("erst",), ("dann",)]
    # All on day 0: trip 1, then what trip 2 waits for, trip 2, then the rest.
    assert time_order(report) == ("erst", "online", "dann", "spaet")


@st.composite
def staged_life_events(draw: st.DrawFn, min_stages: int = 0) -> LifeEvent:
    """Valid journey models with up to three stages, in any order, and steps in them
    or in none."""
    data = draw(journey_data(max_steps=10))
    stages = draw(
        st.lists(st.sampled_from(["s1", "s2", "s3"]), min_size=min_stages, max_size=3, unique=True)
    )
    if stages:
        data["life_event"]["stages"] = stages
        for step in data["steps"]:
            stage = draw(st.one_of(st.none(), st.sampled_from(stages)))
            if stage is not None:
                step["stage"] = stage
    return LifeEvent.model_validate(data)


@settings(max_examples=examples(60), deadline=None)
@given(staged_life_events(), st.data())
def test_columns_never_go_back_in_time_and_visits_count_up(
    life_event: LifeEvent, data: st.DataObject
) -> None:
    report = analysed(life_event, data.draw(st.sampled_from(life_event.persona_ids())))
    order = time_order(report)
    graph = report.journey.graph
    assert sorted(order) == sorted(graph)
    day = plan_days(report)
    shown = [day[node] for node in order]
    assert shown == sorted(shown)
    # A step never stands left of one it depends on, and waits for its lead time.
    place = {node: index for index, node in enumerate(order)}
    for u, v in graph.edges:
        assert place[u] < place[v]
        assert day[v] >= day[u] + graph.nodes[u]["lead_time_days"]
    # The trips of the plan: each on its day, numbered 1, 2, 3, ... from left to right.
    trip = {node: n for n, visit in enumerate(report.visits.plan, 1) for node in visit.steps}
    numbers = [trip[node] for node in order if node in trip]
    assert numbers == sorted(numbers)
    assert list(dict.fromkeys(numbers)) == list(range(1, len(report.visits.plan) + 1))
    for visit in report.visits.plan:
        assert {day[node] for node in visit.steps} == {visit.day}
    # The runs of stages hold every step once, in this order.
    columns = time_columns(report, Wording.of(report))
    assert tuple(node for column in columns for node in column.steps) == order


@settings(max_examples=examples(60), deadline=None)
@given(staged_life_events(min_stages=1), st.data())
def test_each_day_reads_in_stage_order_as_far_as_the_plan_allows(
    life_event: LifeEvent, data: st.DataObject
) -> None:
    report = analysed(life_event, data.draw(st.sampled_from(life_event.persona_ids())))
    graph = report.journey.graph
    order = time_order(report)
    day = plan_days(report)
    # The stage of a step is its stage column's (a step without one: the blueprint's).
    columns = stage_columns(report, Wording.of(report))
    stage = {node: index for index, column in enumerate(columns) for node in column.steps}
    trip = {node: n for n, visit in enumerate(report.visits.plan, 1) for node in visit.steps}
    for a, b in pairwise(order):
        if day[a] == day[b] and stage[a] > stage[b]:
            # b could not stand before a: it depends on a, or a ends a trip before b's.
            assert graph.has_edge(a, b) or (a in trip and b in trip and trip[a] < trip[b])


def stage_runs(report: Report, order: tuple[str, ...]) -> int:
    """How many runs of one stage ``order`` has; a step without a stage continues a run."""
    graph = report.journey.graph
    current = report.journey.life_event.life_event.stages[0]
    runs: list[str] = []
    for node in order:
        current = graph.nodes[node]["stage"] or current
        if not runs or runs[-1] != current:
            runs.append(current)
    return len(runs)


def without_stages(life_event: LifeEvent) -> LifeEvent:
    """The same journey without stages: its map in plain time order, by day and visit plan."""
    return life_event.model_copy(
        update={
            "life_event": life_event.life_event.model_copy(update={"stages": ()}),
            "steps": tuple(step.model_copy(update={"stage": None}) for step in life_event.steps),
        }
    )


@pytest.mark.parametrize("name", sorted(builtin_journeys()))
def test_stage_order_within_a_day_never_adds_a_run_to_a_builtin_map(name: str) -> None:
    life_event = load(name)
    if not life_event.life_event.stages:
        pytest.skip("no stages")
    for persona in life_event.persona_ids():
        report = analyze(journey(life_event, persona))
        plain = time_order(analyze(journey(without_stages(life_event), persona)))
        assert sorted(plain) == sorted(report.journey.graph)
        runs = time_columns(report, Wording.of(report))
        assert len(runs) == stage_runs(report, time_order(report)), (name, persona)
        assert len(runs) <= stage_runs(report, plain), (name, persona)


def test_runs_of_one_day_merge_in_the_maps_of_issue_13() -> None:
    def numbers(name: str, persona: str) -> list[str]:
        report = analyze(journey(load(name), persona))
        return [run.title.split(" · ")[0] for run in time_columns(report, Wording.of(report))]

    # Day 0 held stages 1, 4, 1; day 51 stages 4, then 3.
    assert numbers("pflegefall", "ehepaar-schalter") == ["1", "4", "2", "3", "4"]
    assert numbers("arbeitslosigkeit", "aufstocker") == ["1", "2", "3", "4"]


@pytest.mark.parametrize("name", sorted(builtin_journeys()))
def test_every_builtin_map_reads_forward_in_time(name: str) -> None:
    life_event = load(name)
    for persona in life_event.persona_ids():
        layout = journey_map_layout(analyze(journey(life_event, persona)))
        shown = days(layout)
        assert shown == sorted(shown), (name, persona)
        numbers = visit_numbers(layout)
        assert numbers == sorted(numbers), (name, persona)
        assert list(dict.fromkeys(numbers)) == list(range(1, len(set(numbers)) + 1))


def test_title_option_replaces_the_title() -> None:
    source = journey_map_source(move_report(), RenderOptions(title="Mein Umzug"))
    assert "Mein Umzug" in source
    assert "Umzug (Test) · Journey Map" not in source


# ---------------------------------------------------------------------------
# Escaping and determinism.


def labels(source: str) -> list[ET.Element]:
    """The HTML-like label of every cell, parsed as XML (each must be well-formed)."""
    found = re.findall(r"label=<(<TABLE.*?</TABLE>)>\];", source)
    assert found
    return [ET.fromstring(label) for label in found]


def text(element: ET.Element) -> str:
    """The text of a label, a line break read as a space."""
    parts: list[str] = []

    def walk(node: ET.Element) -> None:
        parts.append(" " if node.tag == "BR" else "")
        parts.append(node.text or "")
        for child in node:
            walk(child)
            parts.append(child.tail or "")

    walk(element)
    return " ".join("".join(parts).split())


def test_hostile_names_are_text_in_the_dot_label() -> None:
    source = journey_map_source(hostile_report())
    elements = labels(source)  # well-formed: nothing from the names became markup
    tags = {node.tag for element in elements for node in element.iter()}
    assert tags <= {"TABLE", "TR", "TD", "FONT", "B", "BR"}
    flat = " ".join(text(element) for element in elements)
    # Newlines become spaces; Graphviz turns the doubled backslashes back into one.
    shown = "<script>alert(1)</script> \"q\" 'a' {b} \\\\N \\\\\\\\ x&amp; zwei"
    assert shown in flat
    assert "<i>vor</i>" in flat
    assert "<script>" not in source
    assert "\\N" not in source.replace("\\\\", "")


def test_output_is_deterministic_across_runs_and_hash_seeds() -> None:
    first = journey_map_source(move_report())
    assert first == journey_map_source(move_report())
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "import test_render_journey_map as t; "
        "from lifeevents.views.journey_map import journey_map_source; "
        "sys.stdout.write(journey_map_source(t.move_report()))"
    )
    for seed in ("1", "2"):
        other = subprocess.run(
            [sys.executable, "-c", code, str(HERE)],
            env={**os.environ, "PYTHONHASHSEED": seed},
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        assert other == first


# ---------------------------------------------------------------------------
# Snapshots (UPDATE_SNAPSHOTS=1 rewrites them).


@pytest.mark.parametrize(
    ("persona", "lang"), [("default", "de"), ("digital", "de"), ("digital", "en")]
)
def test_spec_example_snapshot(persona: str, lang: Language) -> None:
    source = journey_map_source(spec_report(persona), RenderOptions(lang=lang))
    check_snapshot(f"spec-example-{persona}-{lang}.dot", source)


def check_snapshot(name: str, content: str) -> None:
    path = SNAPSHOTS / name
    if os.environ.get("UPDATE_SNAPSHOTS") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(content, encoding="utf-8")
        return
    assert path.exists(), f"missing snapshot {path}; run with UPDATE_SNAPSHOTS=1"
    assert content == path.read_text(encoding="utf-8"), (
        f"{name} differs from its snapshot; if the change is intended, "
        "rerun with UPDATE_SNAPSHOTS=1 and review the diff"
    )


# ---------------------------------------------------------------------------
# Graphviz.

SVG = "{http://www.w3.org/2000/svg}"


@pytest.mark.exe
@pytest.mark.parametrize("which", ["spec-default", "move", "hostile"])
def test_dot_renders_svg_with_the_texts_and_step_groups(which: str) -> None:
    report = {
        "spec-default": lambda: spec_report("default"),
        "move": move_report,
        "hostile": hostile_report,
    }[which]()
    # The DOT names its engine (layout=neato): plain "dot" draws it as laid out.
    svg = subprocess.run(
        ["dot", "-Tsvg"],
        input=journey_map_source(report).encode("utf-8"),
        capture_output=True,
        check=True,
    ).stdout
    root = ET.fromstring(svg)
    texts = [element.text or "" for element in root.iter(f"{SVG}text")]
    joined = " ".join(texts)
    assert "Emotion" in texts
    assert "Kontaktpunkt" in texts
    # Each touchpoint cell is a group a page can find (Graphviz prefixes "a_").
    groups = {element.get("id") for element in root.iter(f"{SVG}g")}
    assert {f"a_step-{index}" for index in range(report.steps)} <= groups
    assert "journey-map" in groups  # the whole map
    if which == "hostile":
        assert "<script>alert(1)</script>" in joined
        assert "\\N \\\\" in joined
        assert "{b}" in joined
        assert not list(root.iter(f"{SVG}script"))
    if which == "move":
        # Five dots, and the curve: a line from dot to dot between neighbours.
        assert len(list(root.iter(f"{SVG}ellipse"))) == 5
        edges = [g for g in root.iter(f"{SVG}g") if g.get("class") == "edge"]
        assert len(edges) == 3
        layout = journey_map_layout(report)
        centre = {step: (x, y) for x, y, _, step, _ in layout.dots}
        start = edges[0].find(f"{SVG}path")
        assert start is not None
        first = re.findall(r"-?[0-9.]+", start.get("d", ""))
        # The line leaves wgb's dot to the right, level with it (y is negated).
        assert float(first[0]) > centre["wgb"][0]


def fitted_scale(svg: bytes) -> float:
    """How much a viewer enlarges the SVG to fit it into the projector's area."""
    box = ET.fromstring(svg).get("viewBox", "")
    width, height = (float(value) for value in box.split()[2:])
    return min(FIT_AREA[0] / width, FIT_AREA[1] / height)


@pytest.mark.exe
@pytest.mark.parametrize("name", sorted(builtin_journeys()))
def test_step_names_of_every_builtin_map_are_legible_fitted_to_a_projector(name: str) -> None:
    """Fitted into 1880 × 960 pixels, every step name is drawn at least 12 pixels high."""
    life_event = load(name)
    for persona in life_event.persona_ids():
        for lang in ("de", "en"):
            report = analyze(journey(life_event, persona))
            svg = subprocess.run(
                ["dot", "-Tsvg"],
                input=journey_map_source(report, RenderOptions(lang=lang)).encode("utf-8"),
                capture_output=True,
                check=True,
            ).stdout
            root = ET.fromstring(svg)
            scale = fitted_scale(svg)
            steps = [g for g in root.iter(f"{SVG}g") if (g.get("id") or "").startswith("a_step-")]
            assert len(steps) == report.steps
            for group in steps:
                names = [
                    float(element.get("font-size", "0"))
                    for element in group.iter(f"{SVG}text")
                    if element.get("font-weight") == "bold"
                ]
                assert names, (name, persona, group.get("id"))
                assert min(names) * scale >= 12, (name, persona, lang, min(names), scale)
