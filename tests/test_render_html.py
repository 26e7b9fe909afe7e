"""The interactive HTML page: structure, step data, escaping, determinism, nothing online.

No browser here: tests/test_browser.py opens the pages in headless Chromium.
"""

from __future__ import annotations

import base64
import hashlib
import json
import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from journeys import life_event
from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.text.findings import findings, opportunities
from lifeevents.views.columns import stage_columns
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.html import STEPS_JSON_ID, interactive_html
from lifeevents.views.options import RenderOptions
from lifeevents.views.wording import Wording

DATA = Path(__file__).parent / "data"
SPEC_EXAMPLE = DATA / "spec-example.yaml"
NAMESPACES = {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink"}

HOSTILE = "<script>alert(1)</script>"
HOSTILE_JOURNEY = """\
evidence:
  nachweis: {name: "</script><script>alert(2)</script>", issued_by: buergerbuero}
personas:
  "<b>persona</b>": {prefer: [online]}
steps:
  - id: "<img/src=x/onerror=alert(3)>"
    name: "<script>alert(1)</script>"
    authority: buergerbuero
    channels: [in_person]
    produces: [nachweis]
    legal_basis: "§ 1 <!-- & ]]> -->"
    pain_points: ["\\u2028 and \\u2029 and '\\"quotes\\"'"]
  - id: zwei
    name: "Zweiter & \\"letzter\\" <Schritt>"
    authority: kreis
    channels: [online, in_person]
    requires: [nachweis]
"""


class Page(HTMLParser):
    """The parts of a page the tests look at."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.doctype: str | None = None
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.scripts: list[tuple[dict[str, str | None], str]] = []
        self.text: list[str] = []
        self._script: dict[str, str | None] | None = None
        self._script_text: list[str] = []
        self.feed(text)
        self.close()

    def handle_decl(self, decl: str) -> None:
        self.doctype = decl

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag == "script":
            self._script, self._script_text = dict(attrs), []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script_text.append(data)
        else:
            self.text.append(data)

    def count(self, tag: str) -> int:
        return sum(name == tag for name, _ in self.tags)

    def ids(self) -> list[str]:
        return [attrs["id"] or "" for _, attrs in self.tags if "id" in attrs]

    def steps_json(self) -> dict[str, dict[str, object]]:
        (text,) = [text for attrs, text in self.scripts if attrs.get("id") == STEPS_JSON_ID]
        data: dict[str, dict[str, object]] = json.loads(text)
        return data

    def inline_scripts(self) -> list[str]:
        return [text for attrs, text in self.scripts if "type" not in attrs and "src" not in attrs]


def map_svg(report: Report) -> str:
    """A stand-in for the blueprint's SVG: one group per step and edge, with the shared ids."""
    ids = ElementIds(report.journey.graph)
    parts = ['<svg xmlns="http://www.w3.org/2000/svg" width="100pt" height="50pt">']
    for index, node in enumerate(report.journey.graph):
        parts.append(
            f'<g id="{ids.step(node)}" class="node step"><text y="{index * 10}">s</text></g>'
        )
    for source, target in report.journey.graph.edges:
        parts.append(f'<g id="{ids.edge(source, target)}" class="edge"><path d="M0,0"/></g>')
    return "".join([*parts, "</svg>"])


def spec_report(persona: str = "default") -> Report:
    return analyze(journey(load(SPEC_EXAMPLE), persona))


def hostile_report() -> Report:
    return analyze(journey(life_event(HOSTILE_JOURNEY), "<b>persona</b>"))


def page_of(report: Report, options: RenderOptions = RenderOptions()) -> tuple[str, Page]:
    text = interactive_html(report, map_svg(report), options)
    return text, Page(text)


def test_page_structure() -> None:
    report = spec_report()
    text, page = page_of(report)
    assert text.startswith("<!DOCTYPE html>\n")
    assert page.doctype is not None
    assert page.doctype.lower() == "doctype html"
    assert page.count("html") == 1
    assert page.tags[0] == ("html", {"lang": "de"})
    assert page.count("svg") == 1
    assert page.count("title") == 1
    assert page.count("table") == 1
    assert len(page.inline_scripts()) == 1
    ids = page.ids()
    assert len(ids) == len(set(ids)), "element ids must be unique"
    for required in ("lifeevents-map", "lifeevents-details", "lifeevents-findings"):
        assert required in ids
    assert {"lifeevents-summary", "lifeevents-legend", STEPS_JSON_ID} <= set(ids)


def test_language_and_title_come_from_the_options() -> None:
    report = spec_report()
    _, english = page_of(report, RenderOptions(lang="en"))
    assert english.tags[0] == ("html", {"lang": "en"})
    assert "Birth of a child" in english.text
    assert "Persona: base case · Municipality: Greven" in english.text
    assert english.steps_json()["step-0"]["level"] == "Municipality"
    _, titled = page_of(report, RenderOptions(title="Mein Titel"))
    assert "Mein Titel" in titled.text


@pytest.mark.parametrize(("persona", "steps"), [("default", 3), ("digital", 4)])
def test_step_json_has_one_entry_per_applicable_step(persona: str, steps: int) -> None:
    report = spec_report(persona)
    _, page = page_of(report)
    data = page.steps_json()
    ids = ElementIds(report.journey.graph)
    assert list(data) == [ids.step(node) for node in report.journey.graph]
    assert len(data) == steps == report.steps
    first = data[ids.step("geburtsanzeige")]
    assert first["name"] == "Geburt anzeigen"
    assert first["authority"] == "Standesamt"
    assert first["level"] == "Gemeinde"
    assert first["requires"] == ["Personalausweis"]
    assert first["produces"] == ["Geburtsurkunde"]
    assert first["legal_basis"] == "§ 18 PStG"
    assert first["deadline_days"] == 7
    assert first["day"] == 0
    assert first["duration_minutes"] is None
    assert first["fee_eur"] is None
    assert first["pain_points"] == []
    chosen = "✉ Post" if persona == "digital" else "⌂ vor Ort"
    assert first["channel"] == chosen
    assert first["channels"] == ["⌂ vor Ort", "✉ Post"]


def test_every_step_json_key_is_an_element_of_the_map() -> None:
    _, page = page_of(spec_report("digital"))
    svg_ids = set(page.ids())
    assert set(page.steps_json()) <= svg_ids


def test_findings_opportunities_and_summary_are_the_text_alternative() -> None:
    report = analyze(
        journey(
            life_event("""\
                evidence: {meldung: {name: Meldebestätigung, issued_by: buergerbuero}}
                steps:
                  - {id: an, name: Anmelden, authority: buergerbuero, channels: [in_person],
                     produces: [meldung]}
                  - {id: kfz, name: Kfz ummelden, authority: kreis,
                     channels: [in_person, online], requires: [meldung]}
                """)
        )
    )
    _, page = page_of(report)
    text = "".join(page.text)
    found = findings(report) + opportunities(report)
    assert found
    for item in found:
        assert item.text in text
    assert "Besuche (Minimum)" in text
    assert "Digitalanteil" in text
    # Each finding names the map elements it is about, with the shared ids.
    ids = ElementIds(report.journey.graph)
    marked = [attrs["data-elements"] for tag, attrs in page.tags if "data-elements" in attrs]
    assert f"{ids.step('an')} {ids.step('kfz')} {ids.edge('an', 'kfz')}" in marked


def test_legend_has_every_channel_glyph_and_the_highlights() -> None:
    _, page = page_of(spec_report())
    text = "".join(page.text)
    for word in ("⌂", "vor Ort", "⌨", "online", "✉", "Post", "⚡", "proaktiv"):
        assert word in text
    assert "Medienbrüche (gestrichelte Kante)" in text
    _, plain = page_of(spec_report(), RenderOptions(highlight=frozenset()))
    assert "gestrichelte Kante" not in "".join(plain.text)


def test_hostile_names_stay_text() -> None:
    report = hostile_report()
    text, page = page_of(report)
    # Only the page's own elements: no script or img from the names, one runnable script.
    assert page.count("script") == 3
    assert page.count("img") == 0
    assert page.count("b") == 0
    assert len(page.inline_scripts()) == 1
    assert HOSTILE not in text
    assert "</script><script>" not in text
    assert "<b>persona</b>" not in text
    assert "<img" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text  # in the findings list
    assert "&lt;b&gt;persona&lt;/b&gt;" in text  # in the title
    # The JSON survives the script element and gives back the exact names.
    data = page.steps_json()
    first = data["step-0"]
    assert first["name"] == HOSTILE
    assert first["step"] == "<img/src=x/onerror=alert(3)>"
    assert first["legal_basis"] == "§ 1 <!-- & ]]> -->"
    assert first["pain_points"] == ["\u2028 and \u2029 and '\"quotes\"'"]
    assert data["step-1"]["requires"] == ["</script><script>alert(2)</script>"]
    (raw,) = [t for a, t in page.scripts if a.get("id") == STEPS_JSON_ID]
    assert not set(raw) & {"<", ">", "&", "\u2028", "\u2029"}


def test_no_urls_but_the_svg_namespaces() -> None:
    text, page = page_of(hostile_report())
    urls = set(re.findall(r"https?://[^\s\"'<>)]+", text))
    assert urls <= NAMESPACES
    assert not [attrs for _, attrs in page.tags if "src" in attrs or "href" in attrs]


def test_content_security_policy_allows_exactly_the_inline_script() -> None:
    _, page = page_of(spec_report())
    (policy,) = [
        attrs["content"] or ""
        for tag, attrs in page.tags
        if tag == "meta" and attrs.get("http-equiv") == "Content-Security-Policy"
    ]
    (script,) = page.inline_scripts()
    digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
    assert f"script-src 'sha256-{digest}'" in policy
    assert "default-src 'none'" in policy


def test_svg_prolog_and_comments_are_dropped() -> None:
    report = spec_report()
    svg = (
        '<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n'
        '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN"\n'
        ' "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n'
        "<!-- Generated by graphviz -->\n" + map_svg(report).replace("<g ", "<!-- n -->\n<g ", 1)
    )
    text = interactive_html(report, svg)
    assert "<?xml" not in text
    assert "<!--" not in text
    assert text.count("<!DOCTYPE") == 1
    assert "svg11.dtd" not in text
    assert Page(text).count("svg") == 1


def test_the_map_is_a_group_of_controls_not_an_image() -> None:
    report = spec_report()
    svg = map_svg(report).replace("<svg ", '<svg role="img" aria-labelledby="map-title" ', 1)
    svg = svg.replace("<g ", '<g role="img" ', 1)
    (root,) = [attrs for tag, attrs in Page(interactive_html(report, svg)).tags if tag == "svg"]
    assert root["role"] == "group"
    assert root["aria-labelledby"] == "map-title"
    assert 'role="img"' in interactive_html(report, svg)  # only the root changes


def test_without_an_svg_element_it_is_an_error() -> None:
    with pytest.raises(ValueError, match="no <svg> element"):
        interactive_html(spec_report(), "<div>not a map</div>")


@pytest.mark.exe
def test_a_graphviz_svg_with_hostile_labels_is_inlined_safely() -> None:
    report = hostile_report()
    ids = ElementIds(report.journey.graph)
    nodes = "\n".join(
        f'n{index} [id="{ids.step(node)}" label="{HOSTILE} --> ]]> &amp;"];'
        for index, node in enumerate(report.journey.graph)
    )
    svg = subprocess.run(
        ["dot", "-Tsvg"], input=f"digraph G {{ {nodes} }}", capture_output=True, text=True,
        check=True,
    ).stdout  # fmt: skip
    text = interactive_html(report, svg)
    page = Page(text)
    assert page.count("svg") == 1
    assert page.count("script") == 3
    assert set(page.steps_json()) <= set(page.ids())
    assert set(re.findall(r"https?://[^\s\"'<>)]+", text)) <= NAMESPACES


def test_every_builtin_journey_and_persona_renders() -> None:
    for path in builtin_journeys().values():
        loaded = load(path)
        for persona in loaded.persona_ids():
            report = analyze(journey(loaded, persona))
            _, page = page_of(report)
            assert len(page.steps_json()) == report.steps, (path.name, persona)
            assert page.count("svg") == 1


def _options_of(page: Page, select: str) -> list[str | None]:
    """The values of a <select>'s options, in order (the parser sees options after it)."""
    values: list[str | None] = []
    inside = False
    for tag, attrs in page.tags:
        if tag == "select":
            inside = attrs.get("id") == select
        elif tag == "option" and inside:
            values.append(attrs.get("value"))
        elif tag not in ("option", "label"):
            inside = False
    return values


def test_the_viewer_controls_filter_by_the_map_columns_and_lanes() -> None:
    report = analyze(journey(load("todesfall")))
    _, page = page_of(report)
    ids = page.ids()
    for control in (
        "lifeevents-zoom-in",
        "lifeevents-zoom-out",
        "lifeevents-fit",
        "lifeevents-stage",
        "lifeevents-lane",
        "lifeevents-search",
        "lifeevents-search-count",
        "lifeevents-panel-toggle",
        "lifeevents-panel",
        "lifeevents-panel-close",
    ):
        assert control in ids, control
    # One choice per column with steps and per lane with steps, after "alle".
    columns = stage_columns(report, Wording.of(report))
    stages = [column.key for column in columns if column.steps]
    assert _options_of(page, "lifeevents-stage") == ["", *stages]
    levels = {data["level"].value for _, data in report.journey.graph.nodes(data=True)}
    lanes = _options_of(page, "lifeevents-lane")
    assert lanes[0] == ""
    assert set(lanes[1:]) == levels
    assert len(lanes) == len(levels) + 1
    # Each step names its column and lane for the filters, and its stage for the panel.
    data = page.steps_json()
    element = ElementIds(report.journey.graph)
    for column in columns:
        for node in column.steps:
            entry = data[element.step(node)]
            assert entry["column"] == column.key
            assert entry["stage"] == column.title
            assert entry["lane"] == report.journey.graph.nodes[node]["level"].value


def test_the_viewer_speaks_the_page_language() -> None:
    report = analyze(journey(load("todesfall")))
    _, german = page_of(report)
    _, english = page_of(report, RenderOptions(lang="en"))
    german_text, english_text = "".join(german.text), "".join(english.text)
    assert "Ganze Karte" in german_text
    assert "Befunde und Legende" in german_text
    assert "Whole map" in english_text
    assert "Findings and legend" in english_text
    assert "Ganze Karte" not in english_text
    placeholders = {attrs.get("placeholder") for tag, attrs in english.tags if tag == "input"} - {
        None
    }
    assert placeholders == {"Find a step"}
    (count,) = [attrs for _, attrs in english.tags if attrs.get("id") == "lifeevents-search-count"]
    assert count["data-of"] == "{current} of {total}"
    assert count["data-none"] == "no match"


def test_without_stages_the_columns_are_days() -> None:
    report = analyze(
        journey(
            life_event("""\
                steps:
                  - {id: a, name: A, authority: buergerbuero, channels: [mail], lead_time_days: 3}
                  - {id: b, name: B, authority: kreis, channels: [mail], after: [a]}
                """)
        )
    )
    text, page = page_of(report)
    data = page.steps_json()
    assert [entry["column"] for entry in data.values()] == ["day-0", "day-3"]
    assert [entry["stage"] for entry in data.values()] == [None, None]
    assert '<label class="filter">Tag <select id="lifeevents-stage"' in text
    assert _options_of(page, "lifeevents-stage") == ["", "day-0", "day-3"]


def test_panels_wait_to_be_opened_and_print_follows_the_map() -> None:
    text, page = page_of(spec_report())
    hidden = {attrs.get("id") for _, attrs in page.tags if "hidden" in attrs}
    assert {"lifeevents-panel", "lifeevents-details"} <= hidden
    # The findings, figures and legend are inside the panel, not on the map.
    start, end = text.index('id="lifeevents-panel"'), text.index("</aside>\n</main>")
    for section in ("lifeevents-findings", "lifeevents-summary", "lifeevents-legend"):
        assert start < text.index(f'id="{section}"') < end
    assert "@media print" in text
    assert "break-after: page" in text
