"""Every step name of every built-in blueprint is readable on a projector, the map fitted.

The HTML viewer fits the SVG into a map area of 1880 × 960 CSS pixels on a
1920 × 1080 screen. With ``W × H`` the SVG's viewBox, the scale is
``s = min(1880 / W, 960 / H)``; each step name's font size (viewBox units)
times ``s`` must be at least 12 pixels, for every built-in journey and persona
with the default options. SVG is parsed with :mod:`xml.etree` (Graphviz
writes no entity declarations).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest

from lifeevents.analysis.report import analyze
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.views.blueprint import render_blueprint
from lifeevents.views.blueprint.layout import FIT_AREA

SVG = "{http://www.w3.org/2000/svg}"
#: The smallest step name on the fitted screen, in CSS pixels.
MIN_PIXELS = 12.0

CASES = [
    (name, persona)
    for name, path in sorted(builtin_journeys().items())
    for persona in load(path).persona_ids()
]


def fitted_name_pixels(svg: bytes) -> tuple[float, list[str]]:
    """The smallest step name's size on the fitted screen, and the names found."""
    root = ET.fromstring(svg)
    _, _, width, height = (float(value) for value in (root.get("viewBox") or "").split())
    scale = min(FIT_AREA[0] / width, FIT_AREA[1] / height)
    sizes: list[float] = []
    names: list[str] = []
    for group in root.iter(f"{SVG}g"):
        if "step" not in (group.get("class") or "").split():
            continue
        # The name is the step's bold text (its lines); authority, day and badges are not.
        for text in group.iter(f"{SVG}text"):
            if text.get("font-weight") == "bold":
                sizes.append(float(text.get("font-size") or 0))
                names.append(text.text or "")
    assert sizes, "no step names in the SVG"
    return min(sizes) * scale, names


@pytest.mark.exe
@pytest.mark.parametrize(("name", "persona"), CASES)
def test_step_names_are_at_least_12_pixels_when_fitted(name: str, persona: str) -> None:
    report = analyze(journey(load(builtin_journeys()[name]), persona))
    pixels, names = fitted_name_pixels(render_blueprint(report, "svg"))
    assert len([line for line in names if line]) >= report.steps  # every step has its name
    assert pixels >= MIN_PIXELS, f"{name}/{persona}: step names {pixels:.1f} px when fitted"
