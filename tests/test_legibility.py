"""Every built-in blueprint is readable on a projector, the map fitted to the screen.

The HTML viewer fits the SVG into a map area of 1880 × 960 CSS pixels on a
1920 × 1080 screen. With ``W × H`` the SVG's viewBox, the scale is
``s = min(1880 / W, 960 / H)``; a text's font size (viewBox units) times ``s``
is its height in pixels. For every built-in journey and persona with the
default options:

- each step name is at least 12 pixels. A step name is what
  :func:`lifeevents.views.svg_metrics.step_names` finds (the bold lines in the
  step's group), the one definition the print planner measures too;
- each of a step's other lines (authority, channel and day, badges:
  :func:`~lifeevents.views.svg_metrics.step_details`) is at least 9 pixels,
  except on the few densest maps, where 9 pixels would push the step names
  below 12: there they stay at least as large as they are today
  (:data:`DETAIL_SHORTFALLS`);
- each text of the key (line styles, badges, the markers' words, the channels:
  :func:`~lifeevents.views.svg_metrics.key_texts`) is at least 9 pixels.
"""

from __future__ import annotations

import pytest

from builtin_blueprints import CASES, builtin_blueprint
from lifeevents.views.blueprint.layout import FIT_AREA
from lifeevents.views.svg_metrics import key_texts, step_details, step_names, svg_size

#: The smallest step name on the fitted screen, in CSS pixels.
MIN_PIXELS = 12.0
#: The smallest detail line of a step and the smallest text of the key, in CSS pixels.
MIN_DETAIL_PIXELS = 9.0
#: Maps whose details cannot reach 9 pixels without step names below 12 (measured:
#: 7.63, 7.75 and 8.36 pixels, names 12.1 to 12.5), with the floor they must keep.
DETAIL_SHORTFALLS = {
    ("todesfall", "ehepartner-digital"): 7.6,
    ("eheschliessung", "schalter-mit-auto"): 7.7,
    ("eheschliessung", "digital-mit-auto"): 8.3,
}


def fitted_scale(svg: str) -> float:
    """Screen pixels per SVG unit when the map is fitted to the viewer's map area."""
    width, height = svg_size(svg)
    return min(FIT_AREA[0] / width, FIT_AREA[1] / height)


def fitted_name_pixels(svg: bytes) -> tuple[float, list[str]]:
    """The smallest step name's size on the fitted screen, and the names' lines found."""
    text = svg.decode("utf-8")
    # The name is the step's bold text (its lines); authority, day, badges and markers are not.
    names = step_names(text)
    assert names, "no step names in the SVG"
    return min(size for _, size in names) * fitted_scale(text), [line for line, _ in names]


@pytest.mark.exe
@pytest.mark.parametrize(("name", "persona"), CASES)
def test_step_names_are_at_least_12_pixels_when_fitted(name: str, persona: str) -> None:
    report, svg = builtin_blueprint(name, persona)
    pixels, names = fitted_name_pixels(svg.encode("utf-8"))
    assert len([line for line in names if line]) >= report.steps  # every step has its name
    assert pixels >= MIN_PIXELS, f"{name}/{persona}: step names {pixels:.1f} px when fitted"


@pytest.mark.exe
@pytest.mark.parametrize(("name", "persona"), CASES)
def test_step_details_are_at_least_9_pixels_when_fitted(name: str, persona: str) -> None:
    report, svg = builtin_blueprint(name, persona)
    details = step_details(svg)
    # Every step has its authority and its channel and day, besides its name and glyph.
    assert len(details) >= 2 * report.steps
    assert not [line for line, _ in details if line.strip() in {"⌂", "⌨", "☎", "✉", "⚡"}]
    pixels = min(size for _, size in details) * fitted_scale(svg)
    floor = DETAIL_SHORTFALLS.get((name, persona), MIN_DETAIL_PIXELS)
    assert pixels >= floor, f"{name}/{persona}: step details {pixels:.2f} px when fitted"


@pytest.mark.exe
@pytest.mark.parametrize(("name", "persona"), CASES)
def test_the_key_is_at_least_9_pixels_when_fitted(name: str, persona: str) -> None:
    report, svg = builtin_blueprint(name, persona)
    texts = key_texts(svg)
    words = " ".join(text for text, _ in texts)
    assert "Reihenfolge" in words  # the line styles
    assert "vor Ort" in words or "online" in words or "Post" in words  # the channels
    if report.authority_handovers:
        assert "Bürger trägt" in words  # the markers' words
    pixels = min(size for _, size in texts) * fitted_scale(svg)
    assert pixels >= MIN_DETAIL_PIXELS, f"{name}/{persona}: key {pixels:.2f} px when fitted"


def test_the_shortfalls_are_built_in_maps() -> None:
    assert set(DETAIL_SHORTFALLS) <= set(CASES)
