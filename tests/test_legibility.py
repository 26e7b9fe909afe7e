"""Every step name of every built-in blueprint is readable on a projector, the map fitted.

The HTML viewer fits the SVG into a map area of 1880 × 960 CSS pixels on a
1920 × 1080 screen. With ``W × H`` the SVG's viewBox, the scale is
``s = min(1880 / W, 960 / H)``; each step name's font size (viewBox units)
times ``s`` must be at least 12 pixels, for every built-in journey and persona
with the default options. A step name is what
:func:`lifeevents.views.svg_metrics.step_names` finds (the bold lines in the
step's group), the one definition the print planner measures too.
"""

from __future__ import annotations

import pytest

from lifeevents.analysis.report import analyze
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.views.blueprint import render_blueprint
from lifeevents.views.blueprint.layout import FIT_AREA
from lifeevents.views.svg_metrics import step_names, svg_size

#: The smallest step name on the fitted screen, in CSS pixels.
MIN_PIXELS = 12.0

CASES = [
    (name, persona)
    for name, path in sorted(builtin_journeys().items())
    for persona in load(path).persona_ids()
]


def fitted_name_pixels(svg: bytes) -> tuple[float, list[str]]:
    """The smallest step name's size on the fitted screen, and the names' lines found."""
    text = svg.decode("utf-8")
    width, height = svg_size(text)
    scale = min(FIT_AREA[0] / width, FIT_AREA[1] / height)
    # The name is the step's bold text (its lines); authority, day, badges and markers are not.
    names = step_names(text)
    assert names, "no step names in the SVG"
    return min(size for _, size in names) * scale, [line for line, _ in names]


@pytest.mark.exe
@pytest.mark.parametrize(("name", "persona"), CASES)
def test_step_names_are_at_least_12_pixels_when_fitted(name: str, persona: str) -> None:
    report = analyze(journey(load(builtin_journeys()[name]), persona))
    pixels, names = fitted_name_pixels(render_blueprint(report, "svg"))
    assert len([line for line in names if line]) >= report.steps  # every step has its name
    assert pixels >= MIN_PIXELS, f"{name}/{persona}: step names {pixels:.1f} px when fitted"
