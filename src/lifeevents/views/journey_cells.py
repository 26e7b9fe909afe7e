"""What the journey map's layout works with: cells of a column, emotion dots, the result.

:func:`~lifeevents.views.journey_bands.lay_out` takes :class:`Rows` of
:class:`BandCell` for each step and gives a :class:`MapLayout`, which writes
itself as DOT statements.

Examples
--------
>>> layout = MapLayout(width=1880 - 28.8, height=480)
>>> layout.scale(), layout.tall()
(1.0, False)
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from lifeevents.views.map_grid import Block, Cell, cell_node

__all__ = ["FIT_AREA", "BandCell", "Dot", "LaidBand", "MapLayout", "Rows"]

#: The area a viewer fits the map into: 1920 × 1080 minus a little room for controls.
FIT_AREA = (1880, 960)
_PAD = 14.4  # the graph's pad of 0.2 inches on every side
_DOT = 0.17  # inches


@dataclass(frozen=True)
class Dot:
    """A step, its emotion (None: not known) and the colour of its dot.

    Examples
    --------
    >>> Dot("anmelden", -2, "#D55E00").emotion
    -2
    """

    step: str
    emotion: int | None
    color: str


@dataclass(frozen=True)
class BandCell:
    """What one cell shows: text blocks, cell attributes, and for the emotion row a dot.

    Examples
    --------
    >>> BandCell().blocks, BandCell().dot
    ((), None)
    """

    blocks: tuple[Block, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict)
    dot: Dot | None = None


@dataclass(frozen=True)
class Rows:
    """The cells of one column (or the row names), top to bottom.

    The stage and the opportunities are cells of a whole run of one stage; a
    column leaves them empty.

    Examples
    --------
    >>> Rows().touchpoint
    BandCell(blocks=(), attributes={}, dot=None)
    """

    stage: BandCell = field(default_factory=BandCell)
    day: BandCell = field(default_factory=BandCell)
    touchpoint: BandCell = field(default_factory=BandCell)
    channel: BandCell = field(default_factory=BandCell)
    emotion: BandCell = field(default_factory=BandCell)
    pain_points: BandCell = field(default_factory=BandCell)
    opportunities: BandCell = field(default_factory=BandCell)


@dataclass(frozen=True)
class LaidBand:
    """One band: its steps, left to right, and its top and height in points.

    Examples
    --------
    >>> LaidBand(("a",), 80.0, 300).steps
    ('a',)
    """

    steps: tuple[str, ...]
    top: float
    height: int


@dataclass
class MapLayout:
    """The laid-out map: cells, dots and lines, its bands and its size in points.

    Examples
    --------
    >>> layout = MapLayout(width=100, height=50)
    >>> round(layout.scale(), 2)
    12.18
    """

    width: float
    height: float
    cells: list[tuple[Cell, int]] = field(default_factory=list)
    # The emotion dots: centre x and y, colour, step id, emotion.
    dots: list[tuple[float, float, str, str, int]] = field(default_factory=list)
    edges: list[tuple[int, int]] = field(default_factory=list)
    bands: list[LaidBand] = field(default_factory=list)

    def scale(self, area: tuple[int, int] = FIT_AREA) -> float:
        """How much the map is enlarged when fitted into ``area`` (with its pad)."""
        return min(area[0] / (self.width + 2 * _PAD), area[1] / (self.height + 2 * _PAD))

    def tall(self, area: tuple[int, int] = FIT_AREA) -> bool:
        """Whether the height, not the width, limits the map when fitted into ``area``."""
        return area[1] / (self.height + 2 * _PAD) <= area[0] / (self.width + 2 * _PAD)

    def statements(self, grid: str) -> Iterator[str]:
        """The DOT statements: the cells, then the dots, then the lines between dots."""
        for index, (cell, border) in enumerate(self.cells):
            yield cell_node(f"c{index}", cell, border=border, grid=grid)
        for index, (x, y, color, _, _) in enumerate(self.dots):
            yield (
                f'  "d{index}" [pos="{_number(x)},{_number(-y)}!", shape=circle, '
                f'width="{_DOT}", height="{_DOT}", fixedsize=true, style=filled, '
                f'fillcolor="{color}", color="white", label=""];'
            )
        for tail, head in self.edges:
            yield f'  "d{tail}" -> "d{head}";'


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")
