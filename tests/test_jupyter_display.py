"""The Jupyter display: a journey fitted and legible, a report a compact summary without
the map, and only the MIME types the front end asks for are built."""

from __future__ import annotations

import re

import pytest

from lifeevents import analyze, journey, load, loads
from lifeevents.graph import display
from lifeevents.library.builtin import builtin_journeys
from lifeevents.library.demo import DEMO_YAML
from lifeevents.text.report import summary_rows
from lifeevents.views import jupyter
from lifeevents.views.svg_metrics import step_name_size, svg_size

BUILTIN = sorted(builtin_journeys())


def test_report_display_is_small_without_a_map_and_shows_each_figure_once() -> None:
    for name in BUILTIN:
        report = analyze(journey(load(name)))
        bundle = report._repr_mimebundle_()
        html = bundle["text/html"]
        assert len(html.encode("utf-8")) < 15_000, name
        assert "<svg" not in html
        assert "<img" not in html
        assert html.count("<table>") == 1
        for label, _ in summary_rows(report, "de"):
            assert html.count(f">{label}<") == 1, (name, label)
        assert "report.journey" in html  # the map is one call away
        assert bundle["text/plain"].startswith(report.journey.life_event.name)


def test_report_display_names_the_persona_not_its_id() -> None:
    report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    html = report._repr_mimebundle_()["text/html"]
    assert "Persona: Mit Auto" in html
    assert "mit-auto" not in html


def test_text_plain_alone_draws_no_map(monkeypatch: pytest.MonkeyPatch) -> None:
    drawn: list[object] = []
    monkeypatch.setattr(jupyter, "_svg", lambda report: drawn.append(report))
    trip = journey(loads(DEMO_YAML))
    assert set(trip._repr_mimebundle_(include=["text/plain"])) == {"text/plain"}
    assert set(trip._repr_mimebundle_(exclude=["text/html", "image/svg+xml"])) == {"text/plain"}
    report = analyze(trip)
    assert set(report._repr_mimebundle_(include=["text/plain"])) == {"text/plain"}
    assert set(report._repr_mimebundle_(exclude=["text/plain"])) == {"text/html"}
    assert drawn == []


def test_mimebundle_passes_what_was_asked_for_to_the_renderer() -> None:
    asked: list[tuple[bool, bool]] = []

    class Note:
        pass

    def renderer(note: Note, wanted: display.Wanted) -> display.MimeBundle:
        asked.append((wanted("text/html"), wanted("text/markdown")))
        return {"text/html": "<b>x</b>", "text/markdown": "x"}

    display.register(Note, renderer)
    assert set(display.mimebundle(Note(), include=["text/html"])) == {"text/html"}
    assert set(display.mimebundle(Note(), exclude=["text/html"])) == {"text/plain", "text/markdown"}
    assert asked == [(True, False), (False, True)]


@pytest.mark.exe
@pytest.mark.parametrize("name", BUILTIN)
def test_journey_display_fits_the_width_and_keeps_names_readable(name: str) -> None:
    trip = journey(load(name))
    bundle = trip._repr_mimebundle_()
    assert set(bundle) == {"text/plain", "text/html"}  # one copy of the map
    html = bundle["text/html"]
    assert '<svg style="display:block;width:100%;height:auto"' in html
    root = re.search(r"<svg\b[^>]*>", html)
    assert root is not None
    assert " width=" not in root.group(0)
    assert " height=" not in root.group(0)
    assert "max-height:80vh;overflow:auto" in html
    found = re.search(r"min-width:(\d+)px", html)
    assert found is not None
    # At its narrowest the map still shows every step name at >= 11 px.
    width, _ = svg_size(html)
    assert step_name_size(html) * int(found.group(1)) / width >= jupyter.READABLE_PX
    assert "<?xml" not in html
    assert "<!DOCTYPE" not in html


@pytest.mark.exe
def test_svg_alone_is_given_when_html_is_not_wanted() -> None:
    bundle = journey(loads(DEMO_YAML))._repr_mimebundle_(include=["image/svg+xml"])
    assert set(bundle) == {"image/svg+xml"}
    assert bundle["image/svg+xml"].lstrip().startswith("<?xml")
