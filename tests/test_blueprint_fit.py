"""Fitting a blueprint to a projector: its detail size, its key's arrangement, its estimates.

The measured sizes of every built-in map are checked in tests/test_legibility.py;
here the choices themselves: larger details where a dense map needs them, never at
the cost of the step names' estimated floor, and the key's tables side by side only
where the band above the lanes stays no wider than the lanes.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from lifeevents.analysis.report import Report, analyze
from lifeevents.formats.journey_file import load
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys
from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.extent import drawing_size, fitted_scale
from lifeevents.views.blueprint.fit import MAX_DETAIL_SIZE, MIN_NAME_PIXELS, fit
from lifeevents.views.blueprint.heading import heading_size
from lifeevents.views.blueprint.look import FULL
from lifeevents.views.blueprint.sizes import margins, step_sizes
from lifeevents.views.options import RenderOptions
from lifeevents.views.wording import Wording
from profiles import examples

sys.path.insert(0, str(Path(__file__).parents[1] / "benchmarks"))
from synthetic import synthetic_life_event


def drawing_of(report: Report) -> Drawing:
    return Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)


def builtin(name: str, persona: str) -> Report:
    return analyze(journey(load(builtin_journeys()[name]), persona))


def test_a_map_with_room_to_spare_keeps_the_full_look() -> None:
    drawing = drawing_of(builtin("arbeitslosigkeit", "default"))
    fitted = fit(drawing, [])
    assert fitted.drawing.look == FULL
    assert fitted.drawing.report is drawing.report


def test_a_dense_map_gets_larger_details_within_the_limit() -> None:
    drawing = drawing_of(builtin("zuzug-in-den-kreis", "digital-mit-auto"))
    fitted = fit(drawing, [])
    look = fitted.drawing.look
    assert FULL.detail_size < look.detail_size <= MAX_DETAIL_SIZE
    # Only the details change: the names, the key and the wrapping stay.
    assert dataclasses.replace(look, detail_size=FULL.detail_size) == FULL


def test_the_key_stands_side_by_side_only_where_the_lanes_are_wide_enough() -> None:
    for name, persona, wide in (
        ("arbeitslosigkeit", "default", False),
        ("todesfall", "ehepartner-digital", True),
    ):
        drawing = drawing_of(builtin(name, persona))
        fitted = fit(drawing, [])
        assert fitted.wide_key is wide, (name, persona)
        size = step_sizes(fitted.drawing)
        room = dataclasses.replace(margins(fitted.drawing, [], wide=wide), least_width=0.0)
        lanes = drawing_size(drawing.graph, fitted.grid.rank, size, room)[0]
        assert (heading_size(fitted.drawing, [], wide=True)[0] <= lanes) is wide


@settings(max_examples=examples(8), deadline=None)
@given(steps=st.integers(min_value=2, max_value=60), seed=st.integers(0, 1000))
def test_larger_details_never_cost_the_names_estimated_floor(steps: int, seed: int) -> None:
    report = analyze(journey(synthetic_life_event(steps, seed), "car"))
    drawing = drawing_of(report)
    fitted = fit(drawing, [])
    look = fitted.drawing.look
    assert FULL.detail_size <= look.detail_size <= MAX_DETAIL_SIZE
    if look.detail_size > FULL.detail_size:
        room = margins(fitted.drawing, [], wide=fitted.wide_key)
        scale = fitted_scale(drawing.graph, fitted.grid.rank, step_sizes(fitted.drawing), room)
        assert look.font_size * scale >= MIN_NAME_PIXELS
    # Every step has its rank in the layout, right of the lane headers.
    assert set(fitted.grid.rank) == set(drawing.graph)
    assert min(fitted.grid.rank.values(), default=2) >= 2
