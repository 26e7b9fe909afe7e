"""The journey-map view (DOT): hand-checked content, escaping, determinism, snapshots, SVG."""

from __future__ import annotations

import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path
from textwrap import dedent

import pytest

from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import load, loads
from lifeevents.graph.journey import journey
from lifeevents.text.labels import Language
from lifeevents.text.names import DisplayNames
from lifeevents.views.columns import stage_columns
from lifeevents.views.journey_map import journey_map_source
from lifeevents.views.options import RenderOptions
from lifeevents.views.wording import Wording

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


def table(source: str) -> ET.Element:
    """The HTML-like label of the map node, parsed as XML (it must be well-formed)."""
    start = source.index("map [")
    body = source[source.index("label=<\n", start) + len("label=<\n") : source.rindex("\n>];")]
    return ET.fromstring(body)


def grid(element: ET.Element) -> list[list[ET.Element]]:
    """The table as rows of cells, with each row- and colspan cell repeated where it spans."""
    rows = element.findall("TR")
    cells: list[list[ET.Element | None]] = [[] for _ in rows]
    for row_index, row in enumerate(rows):
        column = 0
        for cell in row.findall("TD"):
            while column < len(cells[row_index]) and cells[row_index][column] is not None:
                column += 1
            rowspan, colspan = int(cell.get("ROWSPAN", 1)), int(cell.get("COLSPAN", 1))
            for down in range(rowspan):
                target = cells[row_index + down]
                while len(target) < column + colspan:
                    target.append(None)
                for across in range(colspan):
                    target[column + across] = cell
            column += colspan
    assert all(cell is not None for row in cells for cell in row)
    return [[cell for cell in row if cell is not None] for row in cells]


def text(cell: ET.Element) -> str:
    """The text of a cell, a line break read as a space."""
    parts: list[str] = []

    def walk(element: ET.Element) -> None:
        parts.append(" " if element.tag == "BR" else "")
        parts.append(element.text or "")
        for child in element:
            walk(child)
            parts.append(child.tail or "")

    walk(cell)
    return " ".join("".join(parts).split())


def row_named(rows: list[list[ET.Element]], name: str) -> list[str]:
    """The texts of the step columns of the row whose header is ``name``."""
    for row in rows:
        if text(row[0]) == name:
            return [text(cell) for cell in row[2:]]
    raise AssertionError(f"no row {name!r}")


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
    rows = grid(table(journey_map_source(move_report())))
    stages = row_named(rows, "Phase")
    assert stages == ["1 · Vorbereiten"] * 2 + ["2 · Ummelden"] * 2 + ["3 · Danach"] * 2
    assert row_named(rows, "Tag") == [
        "Tag 0",
        "Tag 0",
        "Tag 10 Frist: Tag 7 ⚠ Frist gefährdet",
        "Tag 10",
        "Tag 10",
        "Tag 10",
    ]
    touchpoints = row_named(rows, "Kontaktpunkt")
    assert touchpoints[2] == "Wohnsitz anmelden Bürgerbüro"
    assert touchpoints[4] == "Fahrzeug ummelden Straßenverkehrsamt"
    # Glyph and word for the channel; the trips of the minimum plan are numbered,
    # the Bürgerbüro first although "kreishaus" sorts before "rathaus".
    assert row_named(rows, "Kanal") == [
        "✉ Post",
        "⌨ online",
        "⌂ vor Ort Besuch 1",
        "⌂ vor Ort Besuch 1",
        "⌂ vor Ort Besuch 2",
        "⌨ online",
    ]
    pains = row_named(rows, "Schmerzpunkte")
    assert pains == [
        "–",
        "⚠ Termine erst nach Wochen",
        "⚠ Persönlich erscheinen ⚠ Lange Wartezeit",
        "–",
        "–",
        "–",
    ]
    opportunities = row_named(rows, "Chancen")
    # One cell per stage, spanning its steps; each idea in the stage of its latest step.
    assert opportunities[0] == opportunities[1] == "–"
    assert opportunities[2].startswith("▸ 2 Besuche zu einem Termin zusammenlegen")
    assert (
        "▸ Besuch vermeidbar, anderer Kanal angeboten: Hundesteuer ummelden" in (opportunities[2])
    )
    assert (
        "Meldebestätigung direkt zwischen Bürgerbüro und Straßenverkehrsamt" in (opportunities[4])
    )


def test_move_map_emotion_curve_marks_each_level_once() -> None:
    rows = grid(table(journey_map_source(move_report())))
    start = next(index for index, row in enumerate(rows) if text(row[0]) == "Emotion")
    levels = rows[start : start + 5]
    assert [text(row[1]) for row in levels] == ["☺ +2", "+1", "0", "−1", "☹ −2"]
    markers = {
        column: [2 - index for index, row in enumerate(levels) if text(row[column + 2]) == "●"]
        for column in range(6)
    }
    # wgb 0, termin -1, anmelden -2, hund (none), kfz +1, kasse +2
    assert markers == {0: [0], 1: [-1], 2: [-2], 3: [], 4: [1], 5: [2]}
    # A step without emotion shows one neutral dash over all five levels.
    assert text(levels[0][5]) == "–"
    assert levels[0][5].get("ROWSPAN") == "5"
    # The bar between the neutral line and the marker is tinted (not colour alone:
    # the marker's row tells the level).
    tint = levels[3][4].get("BGCOLOR")
    assert tint is not None
    assert levels[4][4].get("BGCOLOR") == tint


def test_spec_example_default_and_digital_hand_checked() -> None:
    rows = grid(table(journey_map_source(spec_report("default"))))
    assert row_named(rows, "Kontaktpunkt") == [
        "keine Schritte",
        "Geburt anzeigen Standesamt",
        "Namen des Kindes bestimmen Standesamt",
        "Geburtsurkunden abholen Standesamt",
        "keine Schritte",
    ]
    assert row_named(rows, "Kanal")[1:4] == ["⌂ vor Ort Besuch 1"] * 3
    assert row_named(rows, "Tag")[1] == "Tag 0 Frist: Tag 7"

    source = journey_map_source(spec_report("digital"), RenderOptions(lang="en"))
    rows = grid(table(source))
    assert row_named(rows, "Touchpoint")[1:5] == [
        "Geburt anzeigen Standesamt",
        "Elterngeld beantragen Elterngeldstelle",
        "Namen des Kindes bestimmen Standesamt",
        "Geburtsurkunden abholen Standesamt",
    ]
    assert row_named(rows, "Channel")[1:5] == [
        "✉ post",
        "⌨ online",
        "⌂ in person Visit 1",
        "⌂ in person Visit 1",
    ]
    assert "Birth of a child · Journey map" in source
    assert "Persona: digital · Municipality: Greven" in source
    assert row_named(rows, "Opportunities")[1].startswith("▸ exchange Geburtsurkunde directly")


def test_title_option_replaces_the_title() -> None:
    source = journey_map_source(move_report(), RenderOptions(title="Mein Umzug"))
    assert "Mein Umzug" in source
    assert "Umzug (Test) · Journey Map" not in source


# ---------------------------------------------------------------------------
# Escaping and determinism.


def test_hostile_names_are_text_in_the_dot_label() -> None:
    source = journey_map_source(hostile_report())
    element = table(source)  # well-formed: nothing from the names became markup
    tags = {node.tag for node in element.iter()}
    assert tags <= {"TABLE", "TR", "TD", "FONT", "B", "BR"}
    flat = " ".join(text(cell) for cell in element.iter("TD"))
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
    if which == "hostile":
        assert "<script>alert(1)</script>" in joined
        assert "\\N \\\\" in joined
        assert "{b}" in joined
        assert not list(root.iter(f"{SVG}script"))
    if which == "move":
        assert texts.count("●") == 5
