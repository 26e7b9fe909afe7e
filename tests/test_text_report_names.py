"""The text report names what a person reads: the persona, places and sites by name in both
languages, and steps by their English names in English."""

from __future__ import annotations

from lifeevents import analyze, journey, load
from lifeevents.text.report import format_report

MOVING = load("umzug-innerhalb-kreis")
PERSONA = "schalter-mit-auto-und-hund"


def report_lines(lang: str) -> list[str]:
    trip = journey(MOVING, PERSONA, municipality="saerbeck", origin="ochtrup")
    return format_report(analyze(trip), "en" if lang == "en" else "de").splitlines()


def test_english_title_names_the_persona_and_the_places() -> None:
    assert report_lines("en")[0] == (
        "Moving between two municipalities of Kreis Steinfurt (umzug-innerhalb-kreis)"
        " · Persona: Lieber am Schalter, mit Auto und Hund"
        " · Municipality: Saerbeck · Origin: Ochtrup"
    )


def test_german_title_names_the_persona_and_the_places() -> None:
    assert report_lines("de")[0] == (
        "Umzug innerhalb des Kreises Steinfurt (umzug-innerhalb-kreis)"
        " · Persona: Lieber am Schalter, mit Auto und Hund · Gemeinde: Saerbeck"
        " · Herkunft: Ochtrup"
    )


def test_english_visit_plan_names_sites_and_steps() -> None:
    lines = report_lines("en")
    plan = lines[lines.index("Visit plan (fewest trips)") + 1 :]
    assert (
        "  1. Day 0, Deutsche Post (mail forwarding) [Deutsche Post (mail forwarding)]: "
        + ("Order mail forwarding")
        in plan
    )
    assert any(line.startswith("  2. Day 7, ") and "[Rathaus Saerbeck]" in line for line in plan)
    assert not any("[rathaus@saerbeck]" in line for line in plan)


def test_german_visit_plan_names_sites_and_german_step_names() -> None:
    lines = report_lines("de")
    plan = lines[lines.index("Besuchsplan (kleinste Zahl an Wegen)") + 1 :]
    assert (
        "  1. Tag 0, Deutsche Post (Nachsendeservice) [Deutsche Post (Nachsendeservice)]: "
        + ("Nachsendeauftrag stellen")
        in plan
    )
    assert any("[Rathaus Saerbeck]" in line for line in plan)
    assert not any("[rathaus@saerbeck]" in line for line in plan)
