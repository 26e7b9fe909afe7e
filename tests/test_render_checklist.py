"""The checklist view (Markdown and HTML): hand-checked plans, escaping, determinism, snapshots."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from textwrap import dedent

import pytest

from lifeevents.analysis.report import analyze
from lifeevents.formats.journey_file import loads
from lifeevents.graph.journey import journey
from lifeevents.text.labels import Language
from lifeevents.views.checklist import checklist_html, checklist_markdown
from lifeevents.views.options import RenderOptions
from test_render_journey_map import (
    HOSTILE_NAME,
    WAITING_TRIP,
    check_snapshot,
    hostile_report,
    move_report,
    spec_report,
)

HERE = Path(__file__).parent


def section(markdown: str, heading: str) -> str:
    """The text of the ``## heading`` section (up to the next ``## ``)."""
    start = markdown.index(f"\n## {heading}\n") + 1
    end = markdown.find("\n## ", start + 1)
    return markdown[start : end if end != -1 else len(markdown)].strip()


def headings(markdown: str) -> list[str]:
    return [line[3:] for line in markdown.splitlines() if line.startswith("## ")]


# ---------------------------------------------------------------------------
# Hand-checked plans.


def test_spec_example_default_one_visit_with_everything() -> None:
    markdown = checklist_markdown(spec_report("default"))
    assert markdown.startswith(
        "# Checkliste: Geburt eines Kindes\n\nPersona: Grundfall · Gemeinde: "
    )
    assert "Auf einen Blick: 1 Besuch vor Ort · 0 Aufgaben von zu Hause · 1 Frist" in markdown
    assert headings(markdown) == ["Fristen", "Besuch 1 · Tag 0: Standesamt"]
    assert section(markdown, "Fristen") == (
        "## Fristen\n\n- [ ] **Bis Tag 7:** Geburt anzeigen (§ 18 PStG)"
    )
    # The three steps of the minimum plan, at the Rathaus; the identity document to bring.
    assert section(markdown, "Besuch 1 · Tag 0: Standesamt") == "\n".join(
        [
            "## Besuch 1 · Tag 0: Standesamt",
            "",
            "Wo: Rathaus",
            "",
            "Wann: frühestens an Tag 0, alles bei einem Besuch",
            "",
            "### Mitbringen",
            "",
            "- [ ] **Personalausweis** (Ausweisdokument)",
            "",
            "### Dort erledigen",
            "",
            "- [ ] **Geburt anzeigen** – Frist: bis Tag 7 · Rechtsgrundlage: § 18 PStG",
            "- [ ] **Geburtsurkunden abholen**",
            "- [ ] **Namen des Kindes bestimmen**",
            "",
            "### Sie bekommen dort",
            "",
            "- **Geburtsurkunde**",
        ]
    )


def test_spec_example_digital_posts_first_visits_then_applies_online() -> None:
    markdown = checklist_markdown(spec_report("digital"))
    assert headings(markdown) == [
        "Fristen",
        "Zuerst von zu Hause erledigen",
        "Besuch 1 · Tag 0: Standesamt",
        "Danach von zu Hause erledigen",
    ]
    # The birth is registered by post before the visit that depends on it ...
    assert section(markdown, "Zuerst von zu Hause erledigen") == "\n".join(
        [
            "## Zuerst von zu Hause erledigen",
            "",
            "- [ ] **Geburt anzeigen** – per Post · bei Standesamt · ab Tag 0 · "
            "Frist: bis Tag 7 · Rechtsgrundlage: § 18 PStG",
            "  - Dafür brauchen Sie: Personalausweis",
            "  - Sie bekommen: Geburtsurkunde",
        ]
    )
    visit = section(markdown, "Besuch 1 · Tag 0: Standesamt")
    assert "### Mitbringen" not in visit  # neither step of the visit requires anything
    assert "- [ ] **Namen des Kindes bestimmen**" in visit
    # ... and the online application, which no visit needs, comes after the visit of its day.
    assert section(markdown, "Danach von zu Hause erledigen") == "\n".join(
        [
            "## Danach von zu Hause erledigen",
            "",
            "- [ ] **Elterngeld beantragen** – online · bei Elterngeldstelle · ab Tag 0",
            "  - Dafür brauchen Sie: Geburtsurkunde",
        ]
    )


def test_move_orders_trips_by_dependency_and_lists_what_to_bring() -> None:
    markdown = checklist_markdown(move_report())
    assert headings(markdown) == [
        "Fristen",
        "Zuerst von zu Hause erledigen",
        # Both trips are on day 10; the Bürgerbüro comes first because the
        # Straßenverkehrsamt needs its Meldebestätigung ("kreishaus" sorts first).
        "Besuch 1 · Tag 10: Bürgerbüro / Steueramt",
        "Besuch 2 · Tag 10: Straßenverkehrsamt",
        "Danach von zu Hause erledigen",
    ]
    deadlines = section(markdown, "Fristen")
    assert "- [ ] **Bis Tag 7:** Wohnsitz anmelden (§ 17 BMG) – ⚠ Frist in Gefahr" in deadlines
    # The finding's own sentence explains the risk.
    assert "  - Wohnsitz anmelden: frühestens Tag 10, Frist Tag 7" in deadlines
    first = section(markdown, "Zuerst von zu Hause erledigen")
    assert "- [ ] **Bestätigung vom Vermieter holen** – per Post · bei Vermieter" in first
    assert "  - Sie bekommen nach etwa 3 Tagen: Wohnungsgeberbestätigung" in first
    assert "- [ ] **Termin buchen** – online · bei Bürgerbüro · ab Tag 0" in first

    town_hall = section(markdown, "Besuch 1 · Tag 10: Bürgerbüro / Steueramt")
    assert "Wo: Rathaus" in town_hall
    bring = town_hall.split("### Mitbringen\n\n")[1].split("\n\n")[0]
    assert bring.splitlines() == [
        "- [ ] **Personalausweis** (Ausweisdokument)",
        "- [ ] **Wohnungsgeberbestätigung** (von: Vermieter)",
    ]
    # Two authorities at one site: each task says where.
    assert "- [ ] **Hundesteuer ummelden** – bei Steueramt" in town_hall

    district = section(markdown, "Besuch 2 · Tag 10: Straßenverkehrsamt")
    bring = district.split("### Mitbringen\n\n")[1].split("\n\n")[0]
    assert bring.splitlines() == [
        "- [ ] **Personalausweis** (Ausweisdokument)",
        "- [ ] **Meldebestätigung** (von: Bürgerbüro)",
        "- [ ] **Fahrzeugschein**",
    ]
    # Evidence with transfer: direct is not the citizen's to bring.
    assert "(nicht mitbringen): Registerauskunft" in district
    assert "- [ ] **Krankenkasse informieren** – online" in section(
        markdown, "Danach von zu Hause erledigen"
    )


def test_english_checklist_uses_english_words_and_names() -> None:
    markdown = checklist_markdown(move_report(), RenderOptions(lang="en"))
    assert markdown.startswith("# Checklist: Moving (test)\n")
    assert headings(markdown) == [
        "Deadlines",
        "First, from home",
        "Visit 1 · day 10: Bürgerbüro / Steueramt",
        "Visit 2 · day 10: Straßenverkehrsamt",
        "Afterwards, from home",
    ]
    assert "- [ ] **By day 7:** Register the address (§ 17 BMG) – ⚠ deadline at risk" in markdown
    assert "- [ ] **ID card** (identity document)" in markdown
    assert "At a glance: 2 visits in person · 3 tasks from home · 1 deadline" in markdown


def test_a_journey_done_from_home_has_no_visits() -> None:
    life_event = loads(
        dedent("""\
            format: lifeevents/1
            life_event: {id: online, name: Online}
            authorities: {amt: {name: Amt, level: bund}}
            steps:
              - {id: a, name: Antrag stellen, authority: amt, channels: [online]}
              - {id: b, name: Bescheid abwarten, authority: amt, channels: [proactive],
                 after: [a]}
        """),
        regions={},
    )
    markdown = checklist_markdown(analyze(journey(life_event)))
    assert headings(markdown) == ["Fristen", "Von zu Hause erledigen"]
    assert "Keine gesetzlichen Fristen." in markdown
    assert "1 Aufgabe von zu Hause · 0 Fristen · 1 Schritt geschieht ohne Ihr Zutun" in markdown
    # The proactive step is a note without a box, below what the citizen does.
    assert section(markdown, "Von zu Hause erledigen").splitlines()[2:] == [
        "- [ ] **Antrag stellen** – online · bei Amt · ab Tag 0",
        "",
        "### Geschieht ohne Ihr Zutun",
        "",
        "- **Bescheid abwarten** – geschieht automatisch, Sie müssen nichts tun · ab Tag 0",
    ]


def test_a_task_after_a_waiting_trip_says_its_day_as_the_maps_do() -> None:
    # The trip to the town hall (a and c) waits for b's 3 days; d follows a: both the
    # trip's step a and the task d could start on day 0, but come on day 3.
    report = analyze(journey(loads(WAITING_TRIP, "warten.yaml", regions={})))
    markdown = checklist_markdown(report)
    assert "## Besuch 1 · Tag 3: Amt" in markdown
    assert "- [ ] **D** – per Post · bei Amt · ab Tag 3 (möglich ab Tag 0)" in markdown
    assert "- [ ] **B** – per Post · bei Amt · ab Tag 0\n" in markdown
    english = checklist_markdown(report, RenderOptions(lang="en"))
    assert "from day 3 (possible from day 0)" in english


# The hospital reports the birth (no effort of the parents recorded, nothing they
# hand in); the registry office enters the child on its own; the Steuer-ID arrives.
# Only the registration of the name and the application are the parents' tasks.
BIRTH = dedent("""\
    format: lifeevents/1
    life_event: {id: geburt, name: Geburt, name_en: Birth}
    authorities:
      klinik: {name: Geburtsklinik, name_en: Hospital, level: privat}
      amt: {name: Standesamt, level: gemeinde, site: rathaus}
      bzst: {name: Bundeszentralamt für Steuern, level: bund}
      kasse: {name: Familienkasse, level: bund}
    evidence:
      anzeige: {name: Geburtsanzeige, transfer: direct}
      urkunde: {name: Geburtsurkunde, issued_by: amt}
      ausweis: {name: Personalausweis, identity: true}
      steuer-id: {name: Steuer-ID}
      meldung: {name: Meldedaten, transfer: direct}
    steps:
      - {id: anzeige, name: Klinik zeigt die Geburt an, authority: klinik, channels: [mail],
         produces: [anzeige], lead_time_days: 2, deadline_days: 7}
      - {id: beurkunden, name: Geburt beurkunden lassen, authority: amt,
         channels: [in_person], requires: [anzeige, ausweis], produces: [urkunde, meldung],
         duration_minutes: 30, deadline_days: 30}
      - {id: melden, name: Kind wird gemeldet, authority: amt, channels: [proactive],
         after: [beurkunden]}
      - {id: steuer, name: Steuer-ID kommt per Brief, authority: bzst, channels: [mail],
         requires: [meldung], produces: [steuer-id], lead_time_days: 14}
      - {id: kindergeld, name: Kindergeld beantragen, authority: kasse, channels: [mail],
         requires: [urkunde, steuer-id], duration_minutes: 20}
""")


def test_only_what_the_citizen_does_gets_a_box() -> None:
    report = analyze(journey(loads(BIRTH, "geburt.yaml", regions={})))
    markdown = checklist_markdown(report)
    assert "Auf einen Blick: 1 Besuch vor Ort · 1 Aufgabe von zu Hause · 1 Frist" in markdown
    assert "3 Schritte geschehen ohne Ihr Zutun" in markdown
    # The hospital's deadline is shown, without a box: it is not the parents' to keep.
    assert section(markdown, "Fristen").splitlines()[2:] == [
        "- [ ] **Bis Tag 30:** Geburt beurkunden lassen",
        "",
        "### Geschieht ohne Ihr Zutun",
        "",
        "- **Bis Tag 7:** Klinik zeigt die Geburt an – Geburtsklinik kümmert sich darum, "
        "Sie müssen nichts tun",
    ]
    # Before the visit only the hospital acts: a section of notes, no box.
    assert section(markdown, "Geschieht ohne Ihr Zutun").splitlines()[2:] == [
        "- **Klinik zeigt die Geburt an** – Geburtsklinik kümmert sich darum, Sie müssen "
        "nichts tun · ab Tag 0 · Frist: bis Tag 7",
    ]
    # The visit: where, what to bring, what to do there.
    trip = section(markdown, "Besuch 1 · Tag 2: Standesamt")
    assert "- [ ] **Personalausweis** (Ausweisdokument)" in trip
    assert "- [ ] **Geburt beurkunden lassen** – Frist: bis Tag 30" in trip
    after = section(markdown, "Danach von zu Hause erledigen")
    assert after.splitlines()[2:] == [
        "- [ ] **Kindergeld beantragen** – per Post · bei Familienkasse · ab Tag 16",
        "  - Dafür brauchen Sie: Geburtsurkunde, Steuer-ID",
        "",
        "### Geschieht ohne Ihr Zutun",
        "",
        "- **Kind wird gemeldet** – geschieht automatisch, Sie müssen nichts tun · ab Tag 2",
        "- **Steuer-ID kommt per Brief** – Bundeszentralamt für Steuern kümmert sich darum, "
        "Sie müssen nichts tun · ab Tag 2",
        "  - Sie bekommen nach etwa 14 Tagen: Steuer-ID",
    ]
    # The HTML page: the same boxes, and the notes as a plain list.
    page = checklist_html(report)
    assert parse(page).checkboxes == markdown.count("- [ ] ") == 4
    # Every box stands in a list styled for boxes; no note stands in one.
    for html_list in re.findall(r"<ul[^>]*>.*?</ul>", page, flags=re.S):
        boxes = html_list.count('type="checkbox"')
        assert html_list.startswith('<ul class="checklist">') == (boxes > 0)
    notes = page.split("<h3>Geschieht ohne Ihr Zutun</h3>")[-1].split("</section>")[0]
    assert "<ul>" in notes
    assert "checkbox" not in notes
    assert "<strong>Kind wird gemeldet</strong> – geschieht automatisch" in notes


def test_steps_done_for_the_citizen_in_english() -> None:
    report = analyze(journey(loads(BIRTH, "geburt.yaml", regions={})))
    markdown = checklist_markdown(report, RenderOptions(lang="en"))
    assert "3 steps happen without you" in markdown
    assert "## Happens without you" in markdown
    assert "– Hospital takes care of it, nothing for you to do" in markdown
    assert "– happens automatically, nothing to do" in markdown
    page = checklist_html(report, RenderOptions(lang="en"))
    assert "<h3>Happens without you</h3>" in page


def test_without_recorded_efforts_only_proactive_steps_are_done_for_the_citizen() -> None:
    # A file that records no effort at all: a step by post stays the citizen's task.
    text = BIRTH.replace("duration_minutes: 30, ", "").replace(", duration_minutes: 20", "")
    assert "duration_minutes" not in text
    report = analyze(journey(loads(text, "geburt.yaml", regions={})))
    markdown = checklist_markdown(report)
    assert "- [ ] **Klinik zeigt die Geburt an** – per Post · bei Geburtsklinik" in markdown
    assert "1 Schritt geschieht ohne Ihr Zutun" in markdown


# ---------------------------------------------------------------------------
# HTML.


class _Page(HTMLParser):
    """Collects tags, the text and the checkboxes of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.text: list[str] = []
        self.checkboxes = 0
        self.attributes: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        self.attributes.append((tag, attrs))
        if tag == "input" and ("type", "checkbox") in attrs:
            self.checkboxes += 1

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("lang", ["de", "en"])
def test_html_page_is_self_contained_and_matches_the_markdown(lang: Language) -> None:
    report = move_report()
    page = checklist_html(report, RenderOptions(lang=lang))
    parsed = parse(page)
    assert page.startswith("<!DOCTYPE html>\n")
    assert ("html", [("lang", lang)]) in parsed.attributes
    assert "script" not in parsed.tags
    assert not re.search(r"\b(src|href)=", page)  # nothing to load
    assert not re.search(r"https?://", page)
    # One checkbox per "- [ ]" of the Markdown.
    markdown = checklist_markdown(report, RenderOptions(lang=lang))
    assert parsed.checkboxes == markdown.count("- [ ] ") > 0
    text = " ".join("".join(parsed.text).split())
    for heading in headings(markdown):
        assert heading in text


# ---------------------------------------------------------------------------
# Escaping and determinism.


def test_hostile_names_stay_text_in_markdown_and_html() -> None:
    report = hostile_report()
    markdown = checklist_markdown(report)
    # Markdown: every character that could become markup is backslash-escaped.
    assert "\\<script\\>alert(1)\\</script\\>" in markdown
    assert re.search(r"(?<!\\)[<>]", markdown) is None
    assert "x\\&amp;" in markdown
    assert "\\\\N" in markdown  # a backslash shows as one
    assert "\nzwei" not in markdown  # the newline in the name is a space
    page = checklist_html(report)
    parsed = parse(page)
    assert not {"script", "i", "b"} & set(parsed.tags)
    text = "".join(parsed.text)
    assert HOSTILE_NAME.replace("\n", " ") in text
    assert "&lt;script&gt;" in page


def test_output_is_deterministic_across_runs_and_hash_seeds() -> None:
    first = checklist_markdown(move_report()) + checklist_html(move_report())
    assert first == checklist_markdown(move_report()) + checklist_html(move_report())
    code = (
        "import sys; sys.path.insert(0, sys.argv[1]); "
        "import test_render_journey_map as t; "
        "from lifeevents.views.checklist import checklist_html, checklist_markdown; "
        "sys.stdout.write(checklist_markdown(t.move_report()) + checklist_html(t.move_report()))"
    )
    other = subprocess.run(
        [sys.executable, "-c", code, str(HERE)],
        env={**os.environ, "PYTHONHASHSEED": "3"},
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=True,
    ).stdout
    assert other == first


@pytest.mark.parametrize(
    ("persona", "lang"), [("default", "de"), ("digital", "de"), ("digital", "en")]
)
def test_spec_example_snapshot(persona: str, lang: Language) -> None:
    markdown = checklist_markdown(spec_report(persona), RenderOptions(lang=lang))
    check_snapshot(f"spec-example-{persona}-{lang}.md", markdown)
