"""The journey map's geometry: columns of steps wrapped into bands, with the row names again.

:func:`lay_out` places the cells of every row for a given split of the columns
into bands and picks the split that draws the step names largest when the
whole map is fitted to a projector's screen
(:data:`~lifeevents.views.journey_cells.FIT_AREA`, in CSS pixels; one point of
the map's ``viewBox`` is one pixel at scale 1).

Examples
--------
>>> from lifeevents.views.journey_cells import Dot
>>> day = BandCell((Block(("Tag 0",), 11),))
>>> cell = Rows(day=day, emotion=BandCell(dot=Dot("a", -1, "red")))
>>> layout = lay_out(heading=(), headers=cell, steps=("a", "b"), columns=lambda _: [cell, cell],
...                  stages=[("1 · A", 0), ("1 · A", 0)], ideas={}, width=100)
>>> [band.steps for band in layout.bands], len(layout.edges)
([('a', 'b')], 1)
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Sequence

from lifeevents.views.journey_cells import BandCell, LaidBand, MapLayout, Rows
from lifeevents.views.map_grid import (
    PADDING,
    Block,
    Cell,
    bullets,
    content_height,
    content_width,
    wrap,
)

__all__ = ["lay_out"]

_LEVEL = 16  # the height of one of the five emotion levels
_GAP = 20  # between bands
_WIDER = range(0, 121, 20)  # column widths tried, in points more than the narrowest
_TEXT = 11
_STAGE = 14
_STAGE_FILL = "#E5F1F8"
_BASELINE_FILL = "#E8E8E8"
_NOTHING = "#666666"
# Scale labels top to bottom; the true minus sign reads better than a hyphen.
_LEVELS: tuple[tuple[int, str], ...] = (
    (2, "☺ +2"),
    (1, "+1"),
    (0, "0"),
    (-1, "−1"),
    (-2, "☹ −2"),
)


def lay_out(
    *,
    heading: Sequence[Block],
    headers: Rows,
    steps: Sequence[str],
    columns: Callable[[int], Sequence[Rows]],
    stages: Sequence[tuple[str, int]],
    ideas: dict[int, list[str]],
    width: int,
) -> MapLayout:
    """Lay the map out in the split into bands that draws it largest when fitted.

    Parameters
    ----------
    heading : Sequence[Block]
        Title, key figures and legend, above the bands.
    headers : Rows
        The row names.
    steps : Sequence[str]
        The step ids, left to right.
    columns : Callable[[int], Sequence[Rows]]
        The cells of each step, in the order of ``steps``, for a column width in points
        (their text wrapped to it).
    stages : Sequence[tuple[str, int]]
        For each step, the title of its run of one stage and the run's number.
    ideas : dict[int, list[str]]
        Opportunities, by the index of the column they belong to.
    width : int
        The narrowest column in points (wider only for a word that does not fit).

    Returns
    -------
    MapLayout
        The map in the column width (``width`` or up to 120 points more: fewer
        lines, lower rows) and the count of bands that make the fitted map
        largest (the narrowest and fewest among equals), the columns spread
        evenly over the bands.

    Examples
    --------
    >>> rows = Rows(touchpoint=BandCell((Block(("A",), 14),)))
    >>> layout = lay_out(heading=(), headers=rows, steps=["a"] * 30, columns=lambda _: [rows] * 30,
    ...                  stages=[("1", 0)] * 30, ideas={}, width=180)
    >>> len(layout.bands) > 1, layout.scale() > 1
    (True, True)
    """
    count = len(steps)
    best: tuple[float, Sequence[Rows], list[int], int] | None = None
    for wider in _WIDER:
        cells = columns(width + wider)
        widths = [
            max(
                [width + wider, content_width([_stage_block(stages[index][0], 1.0)])]
                + [content_width(cell.blocks) for cell in _step_cells(rows)]
            )
            for index, rows in enumerate(cells)
        ]
        for bands in range(1, max(count, 1) + 1):
            per_band = math.ceil(count / bands) if count else 0
            if bands > 1 and math.ceil(count / per_band) != bands:
                continue  # the same split as a smaller count of bands
            size = _measure(heading, headers, cells, stages, ideas, widths, per_band)
            fitted = MapLayout(*size)
            if best is None or fitted.scale() > best[0] + 1e-9:
                best = (fitted.scale(), cells, widths, per_band)
            if fitted.tall():
                break  # more bands make the map only taller: it cannot grow any more
    assert best is not None
    _, cells, widths, per_band = best
    return _layout(heading, headers, steps, cells, stages, ideas, widths, per_band)


def _header_width(headers: Rows) -> int:
    """The width of the first column: the row names, and the emotion's with its scale."""
    cells = (
        headers.stage,
        headers.day,
        headers.touchpoint,
        headers.channel,
        headers.pain_points,
        headers.opportunities,
    )
    return max(
        [content_width(cell.blocks) for cell in cells]
        + [content_width(headers.emotion.blocks) + _scale_width()]
    )


def _scale_width() -> int:
    return max(content_width([Block((label,), 9)]) for _, label in _LEVELS)


def _measure(
    heading: Sequence[Block],
    headers: Rows,
    columns: Sequence[Rows],
    stages: Sequence[tuple[str, int]],
    ideas: dict[int, list[str]],
    widths: Sequence[int],
    per_band: int,
) -> tuple[float, float]:
    """The width and height of the map in bands of ``per_band`` columns, without drawing it."""
    header_width = _header_width(headers)
    width = float(content_width(heading)) if heading else 0.0
    height = float(content_height(heading)) if heading else 0.0
    count = len(columns)
    for band, start in enumerate(range(0, count, per_band) if per_band else ()):
        indices = list(range(start, min(start + per_band, count)))
        segments = _segments(stages, indices)
        width = max(width, header_width + _span(widths, indices))
        stage = [_stage_cell(stages[run[0]][0], _span(widths, run)) for run in segments]
        found = [_idea_cell(_ideas_of(ideas, run), _span(widths, run)) for run in segments]
        height += (_GAP if band else 0) + _LEVEL * len(_LEVELS)
        for header, cells in (
            (headers.stage, stage),
            (headers.opportunities, found),
            *(
                (getattr(headers, row), [getattr(columns[i], row) for i in indices])
                for row in ("day", "touchpoint", "channel", "pain_points")
            ),
        ):
            height += max([_height(header.blocks)] + [_height(cell.blocks) for cell in cells])
    return width, height


def _step_cells(rows: Rows) -> tuple[BandCell, ...]:
    return (rows.day, rows.touchpoint, rows.channel, rows.pain_points)


def _stage_block(title: str, width: float) -> Block:
    return Block(wrap(title, _STAGE, width, bold=True), _STAGE, bold=True)


def _layout(
    heading: Sequence[Block],
    headers: Rows,
    steps: Sequence[str],
    columns: Sequence[Rows],
    stages: Sequence[tuple[str, int]],
    ideas: dict[int, list[str]],
    widths: Sequence[int],
    per_band: int,
) -> MapLayout:
    scale_width = _scale_width()
    header_width = _header_width(headers)
    heading_cell = Cell(0, 0, content_width(heading), content_height(heading), tuple(heading))
    layout = MapLayout(width=0, height=0)
    if heading:
        layout.cells.append((heading_cell, 0))
    top = float(heading_cell.height if heading else 0)
    starts = range(0, len(steps), per_band) if per_band else range(0)
    for band_index, start in enumerate(starts):
        if band_index:
            top += _GAP
        indices = list(range(start, min(start + per_band, len(steps))))
        height = _band(
            layout,
            headers,
            columns,
            stages,
            ideas,
            indices,
            top,
            widths,
            header_width,
            scale_width,
        )
        layout.bands.append(LaidBand(tuple(steps[index] for index in indices), top, height))
        top += height
    widest = max(
        [heading_cell.width]
        + [
            header_width + _span(widths, range(start, min(start + per_band, len(steps))))
            for start in starts
        ]
    )
    layout.width, layout.height = widest, top
    return layout


def _segments(stages: Sequence[tuple[str, int]], indices: list[int]) -> list[list[int]]:
    """The band's columns in runs of one stage."""
    runs: list[list[int]] = []
    for index in indices:
        if runs and stages[runs[-1][-1]][1] == stages[index][1]:
            runs[-1].append(index)
        else:
            runs.append([index])
    return runs


def _band(
    layout: MapLayout,
    headers: Rows,
    columns: Sequence[Rows],
    stages: Sequence[tuple[str, int]],
    ideas: dict[int, list[str]],
    indices: list[int],
    top: float,
    widths: Sequence[int],
    header_width: int,
    scale_width: int,
) -> int:
    """Place one band's cells, dots and lines; return its height."""
    segments = _segments(stages, indices)
    first = indices[0]

    offsets = {first: float(header_width)}
    for index in indices[1:]:
        offsets[index] = offsets[index - 1] + widths[index - 1]
    x_of = offsets.__getitem__

    stage_cells = [_stage_cell(stages[run[0]][0], _span(widths, run)) for run in segments]
    idea_cells = [_idea_cell(_ideas_of(ideas, run), _span(widths, run)) for run in segments]
    y = top
    y += _run_row(layout, headers.stage, stage_cells, segments, x_of, y, widths, header_width)
    for row in ("day", "touchpoint", "channel"):
        y += _step_row(
            layout,
            getattr(headers, row),
            [getattr(columns[i], row) for i in indices],
            indices,
            x_of,
            y,
            widths,
            header_width,
        )
    y += _emotion_rows(
        layout,
        headers.emotion,
        [columns[i].emotion for i in indices],
        indices,
        x_of,
        y,
        widths,
        header_width,
        scale_width,
    )
    y += _step_row(
        layout,
        headers.pain_points,
        [columns[i].pain_points for i in indices],
        indices,
        x_of,
        y,
        widths,
        header_width,
    )
    y += _run_row(
        layout, headers.opportunities, idea_cells, segments, x_of, y, widths, header_width
    )
    return round(y - top)


def _run_row(
    layout: MapLayout,
    header: BandCell,
    cells: list[BandCell],
    segments: list[list[int]],
    x_of: Callable[[int], float],
    y: float,
    widths: Sequence[int],
    header_width: int,
) -> int:
    """One row of one cell per run of one stage; return its height."""
    height = max([content_height(header.blocks)] + [_height(cell.blocks) for cell in cells])
    layout.cells.append((Cell(0, y, header_width, height, header.blocks, header.attributes), 1))
    for run, cell in zip(segments, cells, strict=True):
        place = Cell(x_of(run[0]), y, _span(widths, run), height, cell.blocks, cell.attributes)
        layout.cells.append((place, 1))
    return height


def _ideas_of(ideas: dict[int, list[str]], run: list[int]) -> tuple[str, ...]:
    return tuple(idea for index in run for idea in ideas.get(index, []))


@functools.lru_cache(maxsize=1024)
def _stage_cell(title: str, width: int) -> BandCell:
    """The stage of a run ``width`` points wide."""
    block = _stage_block(title, width - 2 * (PADDING + 1))
    return BandCell((block,), {"BGCOLOR": _STAGE_FILL})


@functools.lru_cache(maxsize=1024)
def _idea_cell(ideas: tuple[str, ...], width: int) -> BandCell:
    """The opportunities of a run ``width`` points wide: bullets, or a grey dash."""
    if not ideas:
        return BandCell((Block(("–",), _TEXT, color=_NOTHING),))
    return BandCell((bullets(ideas, "▸", _TEXT, width - 2 * (PADDING + 1)),))


def _step_row(
    layout: MapLayout,
    header: BandCell,
    cells: list[BandCell],
    indices: list[int],
    x_of: Callable[[int], float],
    y: float,
    widths: Sequence[int],
    header_width: int,
) -> int:
    """One row of one cell per step; return its height."""
    height = max([content_height(header.blocks)] + [_height(cell.blocks) for cell in cells])
    layout.cells.append((Cell(0, y, header_width, height, header.blocks, header.attributes), 1))
    for index, cell in zip(indices, cells, strict=True):
        layout.cells.append(
            (Cell(x_of(index), y, widths[index], height, cell.blocks, cell.attributes), 1)
        )
    return height


def _emotion_rows(
    layout: MapLayout,
    header: BandCell,
    cells: list[BandCell],
    indices: list[int],
    x_of: Callable[[int], float],
    y: float,
    widths: Sequence[int],
    header_width: int,
    scale_width: int,
) -> int:
    """The five emotion levels: scale, neutral line, a frame per step, dots and lines."""
    height = _LEVEL * len(_LEVELS)
    name_width = header_width - scale_width
    layout.cells.append((Cell(0, y, name_width, height, header.blocks, header.attributes), 1))
    for row, (level, label) in enumerate(_LEVELS):
        fill = {"BGCOLOR": _BASELINE_FILL} if level == 0 else {}
        scale = Block((label,), 9)
        layout.cells.append(
            (
                Cell(
                    name_width,
                    y + row * _LEVEL,
                    scale_width,
                    _LEVEL,
                    (scale,),
                    {"ALIGN": "RIGHT", "VALIGN": "MIDDLE", **fill},
                    padding=1,
                ),
                1,
            )
        )
    neutral = y + 2 * _LEVEL
    layout.cells.append(
        (
            Cell(
                header_width,
                neutral,
                _span(widths, indices),
                _LEVEL,
                (),
                {"BGCOLOR": _BASELINE_FILL},
            ),
            0,
        )
    )
    previous: int | None = None
    for index, cell in zip(indices, cells, strict=True):
        layout.cells.append((Cell(x_of(index), y, widths[index], height), 1))
        dot = cell.dot
        center = x_of(index) + widths[index] / 2
        if dot is None or dot.emotion is None:
            dash = Block(("–",), 12, color=_NOTHING)
            layout.cells.append(
                (
                    Cell(
                        center - 10,
                        neutral,
                        20,
                        _LEVEL,
                        (dash,),
                        {"ALIGN": "CENTER", "VALIGN": "MIDDLE", "BALIGN": "CENTER"},
                        padding=0,
                    ),
                    0,
                )
            )
            previous = None
            continue
        row = 2 - dot.emotion
        middle = y + row * _LEVEL + _LEVEL / 2
        layout.dots.append((center, middle, dot.color, dot.step, dot.emotion))
        current = len(layout.dots) - 1
        if previous is not None:
            layout.edges.append((previous, current))
        previous = current
    return height


@functools.lru_cache(maxsize=4096)
def _height(blocks: tuple[Block, ...]) -> int:
    """:func:`~lifeevents.views.map_grid.content_height`, remembered: every split into
    bands asks again for the same cells."""
    return content_height(blocks)


def _span(widths: Sequence[int], columns: Sequence[int]) -> int:
    """The width of cells side by side."""
    return sum(widths[index] for index in columns)
