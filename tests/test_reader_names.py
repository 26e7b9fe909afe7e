"""Names, not ids, where a person reads: no persona id in the reader-facing outputs of any
built-in journey (text report, Jupyter summary, map title, scenario comparison, gallery
index), in German and English."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import lifeevents
from lifeevents.library.builtin import builtin_journeys
from lifeevents.model.life_event import LifeEvent
from lifeevents.scenarios.compare import compare, format_text
from lifeevents.text.labels import LANGUAGES, Language
from lifeevents.text.report import format_report
from lifeevents.views.blueprint import blueprint_title
from lifeevents.views.jupyter import report_bundle
from lifeevents.views.options import RenderOptions

GALLERY = Path(__file__).parents[1] / "docs" / "gallery" / "index.md"
BUILTIN = sorted(builtin_journeys())


def named_personas(life_event: LifeEvent) -> dict[str, str]:
    """Persona ids that have a name of their own (an unnamed persona is shown by its id)."""
    return {
        persona_id: persona.name
        for persona_id, persona in life_event.personas.items()
        if persona.name and persona.name != persona_id
    }


def raw_ids(text: str, ids: dict[str, str]) -> list[str]:
    """The ids standing alone in ``text`` once the names are taken out ("digital" is an id
    and a word of the name "Angestellte, digital")."""
    for shown in sorted(ids.values(), key=len, reverse=True):
        text = text.replace(shown, " ")
    return [item for item in ids if re.search(rf"(?<![\w-]){re.escape(item)}(?![\w-])", text)]


@pytest.mark.parametrize("name", BUILTIN)
@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_persona_id_in_reader_text(name: str, lang: Language) -> None:
    life_event = lifeevents.load(name)
    ids = named_personas(life_event)
    for persona in ids:
        report = lifeevents.analyze(lifeevents.journey(life_event, persona))
        texts = {
            "analyze": format_report(report, lang),
            "jupyter": report_bundle(report)["text/html"],
            "map title": blueprint_title(report, RenderOptions(lang=lang)),
        }
        for output, text in texts.items():
            assert not raw_ids(text, ids), (name, persona, output)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_no_persona_or_municipality_id_in_the_scenario_comparison(lang: Language) -> None:
    life_event = lifeevents.load("umzug-innerhalb-kreis")
    scenario = lifeevents.load_scenario("kfz-im-buergerbuero")
    rows = compare(life_event, [scenario], municipalities=["saerbeck"])
    text = format_text(rows, lang)
    assert not raw_ids(text, named_personas(life_event))
    assert "Saerbeck" in text
    assert not raw_ids(text, {"saerbeck": "Saerbeck"})
    names = {"de": scenario.name, "en": scenario.name_en or scenario.name}
    assert f"kfz-im-buergerbuero: {names[lang]}" in text
    if lang == "en":
        assert life_event.life_event.name not in text  # the English name, not the German


def test_gallery_index_names_the_personas() -> None:
    rows = re.findall(
        r"^\| ([^|]+?) \|.*\]\(([\w-]+)/([\w-]+)-blueprint\.svg\)",
        GALLERY.read_text(encoding="utf-8"),
        re.M,
    )
    assert {journey for _, journey, _ in rows} == set(BUILTIN)
    for shown, journey, persona in rows:
        declared = lifeevents.load(journey).personas.get(persona)
        expected = declared.name if declared is not None and declared.name else "Grundfall"
        assert shown == expected, (journey, persona)
