"""How a blueprint fits a projector: its layout, its key's arrangement, and its detail size.

A working group reads the map fitted to a 1920×1080 screen
(:data:`~lifeevents.views.blueprint.extent.FIT_AREA`). The step names are
drawn large (:data:`~lifeevents.views.blueprint.look.FULL`); a step's other
lines (authority, channel and day, badges) are smaller and, on a dense map,
too small to read. So, on the estimates of
:mod:`~lifeevents.views.blueprint.extent` and
:mod:`~lifeevents.views.blueprint.sizes`, :func:`fit` makes them larger, in
half points up to :data:`MAX_DETAIL_SIZE`, until they measure
:data:`MIN_DETAIL_PIXELS` on the fitted screen, as long as every step name
keeps :data:`MIN_NAME_PIXELS`; each estimate must hold with a margin for its
error (about 3 % on the built-in journeys). A map with room to spare keeps the
look's sizes.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.options import RenderOptions
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
>>> fitted = fit(drawing, [])
>>> fitted.drawing.look.detail_size, fitted.grid.titles  # a small map: room to spare
(11, ('1 · Ummelden', '2 · Danach'))
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass

from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.extent import drawing_size, fitted_scale
from lifeevents.views.blueprint.heading import heading_size
from lifeevents.views.blueprint.layout import Grid, grid
from lifeevents.views.blueprint.sizes import margins, step_sizes

__all__ = ["MAX_DETAIL_SIZE", "MIN_DETAIL_PIXELS", "MIN_NAME_PIXELS", "Fit", "fit"]

#: The smallest step name on the fitted screen, in CSS pixels.
MIN_NAME_PIXELS = 12.0
#: The size a step's other lines should reach on the fitted screen, in CSS pixels.
MIN_DETAIL_PIXELS = 9.0
#: The largest point size of a step's other lines.
MAX_DETAIL_SIZE = 14.0
# Estimates must hold by these factors: the step names' floor by the estimate's error on
# the built-in journeys (about 3 %); the details' aim by more, as overshooting it costs
# little where the names have room.
_SAFETY = 1.03
_AIM = 1.06


@dataclass(frozen=True)
class Fit:
    """A blueprint fitted to a screen: its render, its layout and its key's arrangement.

    Parameters
    ----------
    drawing : Drawing
        The render, with the detail size chosen.
    grid : Grid
        The columns and ranks.
    wide_key : bool
        Whether the key's tables stand side by side (the band above the lanes is
        then no wider than the lanes).

    Examples
    --------
    >>> Fit.__dataclass_fields__.keys()
    dict_keys(['drawing', 'grid', 'wide_key'])
    """

    drawing: Drawing
    grid: Grid
    wide_key: bool


def fit(drawing: Drawing, marker_texts: Sequence[str]) -> Fit:
    """The layout, the key's arrangement and the detail size for a drawing with lanes.

    Parameters
    ----------
    drawing : Drawing
        The render (not drawn by ``sfdp``).
    marker_texts : Sequence[str]
        The words of the markers on the edges, one per number.

    Returns
    -------
    Fit
        The render with its detail size, and its layout; the compact look keeps
        its sizes and is not spread (:func:`~lifeevents.views.blueprint.layout.grid`).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> options = RenderOptions(compact=True)
    >>> drawing = Drawing.of(report, options, Wording.of(report), sfdp=False)
    >>> fitted = fit(drawing, [])
    >>> fitted.drawing.look.detail_size, fitted.wide_key
    (9, False)
    """
    report, wording = drawing.report, drawing.wording
    if drawing.look.compact:
        return Fit(drawing, grid(report, wording), wide_key=False)
    graph = drawing.graph
    narrow = margins(drawing, marker_texts, wide=False)
    size = step_sizes(drawing)
    base = grid(report, wording, size, narrow)
    # The key's tables side by side when the band is then still no wider than the lanes.
    lanes = drawing_size(graph, base.rank, size, dataclasses.replace(narrow, least_width=0.0))
    wide = heading_size(drawing, marker_texts, wide=True)[0] <= lanes[0]
    room = margins(drawing, marker_texts, wide=wide)

    def scale(candidate: Drawing, layout: Grid) -> float:
        return fitted_scale(graph, layout.rank, step_sizes(candidate), room)

    chosen = drawing
    look = drawing.look
    detail = look.detail_size + 0.5
    while (
        detail <= MAX_DETAIL_SIZE
        and chosen.look.detail_size * scale(chosen, base) < MIN_DETAIL_PIXELS * _AIM
    ):
        candidate = dataclasses.replace(drawing, look=dataclasses.replace(look, detail_size=detail))
        if look.font_size * scale(candidate, base) < MIN_NAME_PIXELS * _SAFETY:
            break
        chosen = candidate
        detail += 0.5
    if chosen is drawing and not wide:
        return Fit(drawing, base, wide_key=False)
    # Spread again for the chosen sizes and margins; keep the better of the two layouts.
    again = grid(report, wording, step_sizes(chosen), room)
    best = again if scale(chosen, again) >= scale(chosen, base) else base
    return Fit(chosen, best, wide_key=wide)
