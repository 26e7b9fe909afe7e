"""Cells of text placed at computed positions, written as Graphviz nodes pinned there.

The journey map lays itself out: each cell is one node with an HTML-like label
of the cell's size, pinned at its place (``pos="x,y!"``, drawn by ``neato``,
which the DOT names with ``layout=neato``), so that lines drawn between nodes
(the emotion curve) meet the cells exactly. A cell's size comes from its text:
lines wrapped to a width measured with :func:`~lifeevents.views.text_width.text_width`,
which errs on the wide side, so the text fits; should it not, Graphviz widens the
cell rather than cut the text.

Examples
--------
>>> block = Block(wrap("Wohnsitz anmelden", 11, 80, bold=True), 11, bold=True)
>>> block.lines
('Wohnsitz', 'anmelden')
>>> cell = Cell(0, 0, 100, content_height((block,)), (block,))
>>> cell.height
39
>>> print(cell_node("c0", cell))  # doctest: +ELLIPSIS
  "c0" [pos="50,-19.5!", label=<<TABLE BORDER="0" CELLBORDER="1" ...<B>Wohnsitz<BR/>anmelden</B>...
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, field

from lifeevents.views.escape.dot import label_text
from lifeevents.views.escape.plain import clean
from lifeevents.views.graphviz_labels import font
from lifeevents.views.text_width import text_width

__all__ = [
    "PADDING",
    "Block",
    "Cell",
    "bullets",
    "cell_node",
    "content_height",
    "content_width",
    "wrap",
]

#: Space between a cell's border and its text, in points (Graphviz CELLPADDING).
PADDING = 5
_BORDER = 1
# Height of a line as a multiple of its font size: Pango's line of DejaVu Sans is
# about 1.17; a little more keeps the last line off the border.
_LINE = 1.22
_INDENT = 3  # no-break spaces before the continuation lines of a bullet


def wrap(text: str, size: float, width: float, *, bold: bool = False) -> tuple[str, ...]:
    """Lines of ``text`` no wider than ``width`` points; a longer word stays whole.

    Parameters
    ----------
    text : str
        Any text; it is cleaned to one line of plain text first.
    size : float
        The font size in points.
    width : float
        The widest line allowed, in points.
    bold : bool, default False
        Whether the text is bold.

    Returns
    -------
    tuple[str, ...]
        At least one line (an empty one for empty text), not yet escaped.

    Examples
    --------
    >>> wrap("Schuleingangsuntersuchung beim Amt", 10, 60)
    ('Schuleingangsuntersuchung', 'beim Amt')
    >>> wrap("", 10, 60)
    ('',)
    """
    lines: list[str] = []
    for word in clean(text).split(" "):
        if lines and text_width(f"{lines[-1]} {word}", size, bold=bold) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return tuple(lines) or ("",)


def bullets(items: Sequence[str], mark: str, size: float, width: float) -> Block:
    """A list in one block: each item after ``mark``, its wrapped lines under its text.

    Parameters
    ----------
    items : Sequence[str]
        The items, in order.
    mark : str
        The bullet, such as ``⚠`` or ``▸``.
    size : float
        The font size in points.
    width : float
        The widest line allowed, in points, indentation included.

    Returns
    -------
    Block
        The lines, continuation lines indented by three no-break spaces.

    Examples
    --------
    >>> bullets(["Lange Wartezeit"], "⚠", 10, 60).lines
    ('⚠ Lange', 'Wartezeit')
    """
    indent = text_width("\u00a0" * _INDENT, size)
    lines: list[str] = []
    indents: list[int] = []
    for item in items:
        first, *rest = wrap(f"{mark} {item}", size, width)
        lines.append(first)
        indents.append(0)
        if rest:
            more = wrap(" ".join(rest), size, width - indent)
            lines.extend(more)
            indents.extend([_INDENT] * len(more))
    return Block(tuple(lines), size, indents=tuple(indents))


@dataclass(frozen=True)
class Block:
    """Lines of one font size, weight and colour inside a cell.

    Parameters
    ----------
    lines : tuple[str, ...]
        Plain text, one entry a line (escaped when drawn).
    size : float
        The font size in points.
    bold : bool, default False
        Bold lines.
    color : str, default ""
        A text colour (the node's default when empty).
    indents : tuple[int, ...], default ()
        For each line, how many no-break spaces go before it (none when missing):
        the continuation lines of a bullet align under its text.

    Examples
    --------
    >>> Block(("⚠ Lange", "Wartezeit"), 10, indents=(0, 3)).markup()
    '<FONT POINT-SIZE="10">⚠ Lange<BR/>&#160;&#160;&#160;Wartezeit</FONT>'
    """

    lines: tuple[str, ...]
    size: float
    bold: bool = False
    color: str = ""
    indents: tuple[int, ...] = ()

    def indent(self, index: int) -> int:
        """The no-break spaces before line ``index``."""
        return self.indents[index] if index < len(self.indents) else 0

    def markup(self) -> str:
        """The lines as label markup, each escaped; empty when every line is empty."""
        if not any(self.lines):
            return ""  # Graphviz rejects an empty <FONT> or <B>
        body = "<BR/>".join(
            "&#160;" * self.indent(index) + label_text(line)
            for index, line in enumerate(self.lines)
        )
        return font(body, size=self.size, bold=self.bold, color=self.color)

    def width(self) -> float:
        """The widest line in points (a no-break space counted as a space)."""
        return max(
            text_width("\u00a0" * self.indent(index) + line, self.size, bold=self.bold)
            for index, line in enumerate(self.lines)
        )


def content_width(blocks: Sequence[Block]) -> int:
    """The width a cell needs for ``blocks``: the widest line, padding and border.

    Examples
    --------
    >>> content_width([Block(("Tag 3",), 10)])
    42
    """
    widest = max((block.width() for block in blocks), default=0.0)
    return math.ceil(widest + 2 * (PADDING + _BORDER))


def content_height(blocks: Sequence[Block]) -> int:
    """The height a cell needs for ``blocks``: every line, padding and border.

    Examples
    --------
    >>> content_height([Block(("a", "b"), 10)])
    37
    """
    lines = sum(len(block.lines) * block.size * _LINE for block in blocks)
    return math.ceil(lines + 2 * (PADDING + _BORDER))


@dataclass(frozen=True)
class Cell:
    """A rectangle of the map with its text: top-left corner, size, blocks, looks.

    Parameters
    ----------
    x, y : float
        The top-left corner in points, ``y`` growing downwards.
    width, height : int
        The size in points.
    blocks : tuple[Block, ...], default ()
        The text, top to bottom.
    attributes : dict[str, str], default {}
        More attributes of the cell (``BGCOLOR``, ``ID``, ``TOOLTIP``, ``HREF``,
        ``ALIGN``, ``SIDES``, ``COLOR``), written as given (already escaped).
    padding : int, default PADDING
        Space between border and text, in points.

    Examples
    --------
    >>> Cell(0, 0, 40, 20).height
    20
    """

    x: float
    y: float
    width: int
    height: int
    blocks: tuple[Block, ...] = ()
    attributes: dict[str, str] = field(default_factory=dict)
    padding: int = PADDING


def cell_node(name: str, cell: Cell, *, border: int = _BORDER, grid: str = "") -> str:
    """One DOT node line: the cell as a one-cell table pinned at its centre.

    Parameters
    ----------
    name : str
        The node's name (a plain identifier).
    cell : Cell
        Where and what.
    border : int, default 1
        The width of the cell's border; 0 for none.
    grid : str, default ""
        The border's colour (the node's default when empty).

    Returns
    -------
    str
        The node statement, indented by two spaces.

    Examples
    --------
    >>> print(cell_node("h", Cell(10, 20, 30, 40, (), {"BGCOLOR": "#F2F2F2"}), border=0))
      "h" [pos="25,-40!", label=<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" \
CELLPADDING="5"><TR><TD WIDTH="30" HEIGHT="40" BGCOLOR="#F2F2F2"></TD></TR></TABLE>>];
    """
    content = "<BR/>".join(markup for block in cell.blocks if (markup := block.markup()))
    attributes = {
        "WIDTH": str(cell.width),
        "HEIGHT": str(cell.height),
        **({"ALIGN": "LEFT", "BALIGN": "LEFT", "VALIGN": "TOP"} if content else {}),
        **cell.attributes,
    }
    if grid and border:
        attributes.setdefault("COLOR", grid)
    cell_attributes = "".join(f' {key}="{value}"' for key, value in attributes.items())
    table = (
        f'<TABLE BORDER="0" CELLBORDER="{border}" CELLSPACING="0" CELLPADDING="{cell.padding}">'
        f"<TR><TD{cell_attributes}>{content}</TD></TR></TABLE>"
    )
    x = _number(cell.x + cell.width / 2)
    y = _number(-(cell.y + cell.height / 2))
    return f'  "{name}" [pos="{x},{y}!", label=<{table}>];'


def _number(value: float) -> str:
    """A coordinate without trailing zeros: ``50``, ``12.5``."""
    return f"{value:.2f}".rstrip("0").rstrip(".")
