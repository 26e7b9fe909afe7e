"""How a blueprint looks: sizes of the full and the compact drawing, colours, badges.

Step highlights are badges inside the step, each with its own border style and
colour; edge highlights differ in line style and colour alike, so no finding is
told by colour alone.

Examples
--------
>>> FULL.font_size, COMPACT.font_size
(11, 9)
>>> print(badge_cell("deadline", "Frist: Tag 14", 30))  # doctest: +NORMALIZE_WHITESPACE
<TD BORDER="1" STYLE="dotted" COLOR="#000000" ALIGN="LEFT" CELLPADDING="2">⚠ Frist: Tag
14<BR ALIGN="LEFT"/></TD>
"""

from __future__ import annotations

from dataclasses import dataclass

from lifeevents.views.escape.dot import label_text
from lifeevents.views.graphviz_labels import wrapped
from lifeevents.views.style import HIGHLIGHT_COLORS, OKABE_ITO

__all__ = [
    "BADGES",
    "BOTH_PENWIDTH",
    "BR_LEFT",
    "COMPACT",
    "FRAME_LINE",
    "FULL",
    "HANDOVER",
    "HEADER_FILL",
    "LANE_LINE",
    "MEDIA_BREAK",
    "MUTED",
    "NODE_MARGIN",
    "NOTE_MARGIN",
    "WRAP_EDGE",
    "Look",
    "badge_cell",
    "label_lines",
]


@dataclass(frozen=True)
class Look:
    """Sizes of the full drawing and of the compact one for large journeys.

    Parameters
    ----------
    compact : bool
        Whether this is the compact style (evidence names in tooltips).
    font_size, edge_font_size, title_size : float
        Point sizes of step text, edge labels and the title.
    nodesep, ranksep : float
        Graphviz spacing between nodes and between ranks, in inches.
    wrap : int
        Characters per line of a step name.

    Examples
    --------
    The two looks in use, :data:`FULL` and :data:`COMPACT`:

    >>> FULL.compact, FULL.font_size, FULL.wrap
    (False, 11, 28)
    >>> COMPACT.compact, COMPACT.font_size, COMPACT.wrap
    (True, 9, 22)
    """

    compact: bool
    font_size: float
    edge_font_size: float
    title_size: float
    nodesep: float
    ranksep: float
    wrap: int


#: The full drawing.
FULL = Look(False, 11, 9, 20, 0.22, 0.3, 28)
#: The compact drawing, above :data:`~lifeevents.views.options.COMPACT_THRESHOLD` steps.
COMPACT = Look(True, 9, 8, 18, 0.12, 0.3, 22)
#: Characters per line of an edge label.
WRAP_EDGE = 24

#: Badges inside a step, by kind: (glyph, TD STYLE, colour).
BADGES: dict[str, tuple[str, str, str]] = {
    "visit": ("⚑", "solid", OKABE_ITO["blue"]),
    "once_only": ("⊘", "dashed", HIGHLIGHT_COLORS["once_only"]),
    "deadline": ("⚠", "dotted", HIGHLIGHT_COLORS["deadline"]),
}
#: An authority handover's edge: (colour, style, pen width).
HANDOVER = (HIGHLIGHT_COLORS["authority_handover"], "solid", 3.5)
#: A media break's edge: (colour, style, pen width).
MEDIA_BREAK = (HIGHLIGHT_COLORS["media_break"], "dashed", 3.0)
#: The pen width of an edge that is both: two parallel lines, one per finding.
BOTH_PENWIDTH = 2.5
MUTED = "#4D4D4D"  # secondary text: 8.6:1 on white
HEADER_FILL = "#E8E8E8"
LANE_LINE = "#B3B3B3"
FRAME_LINE = "#808080"
#: A line break that keeps the next line left-aligned.
BR_LEFT = '<BR ALIGN="LEFT"/>'
NODE_MARGIN = "0.06,0.04"  # inches, horizontal and vertical
NOTE_MARGIN = "0.06,0.1"  # the text starts below the folded corner


def label_lines(text: str, width: int, max_lines: int | None = None) -> str:
    """Text wrapped to ``width`` characters, every line left-aligned (``…`` past ``max_lines``).

    Parameters
    ----------
    text : str
        Any text, escaped here.
    width : int
        Characters per line; a longer word stays whole.
    max_lines : int, optional
        Cut after this many lines, the last one ending in `` …``.

    Returns
    -------
    str
        HTML-like label markup, every line ending in :data:`BR_LEFT`.

    Examples
    --------
    >>> label_lines("Wohnsitz <anmelden>", 10)
    'Wohnsitz<BR ALIGN="LEFT"/>&lt;anmelden&gt;<BR ALIGN="LEFT"/>'
    """
    lines = wrapped(text, width)
    if max_lines is not None and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1][: width - 2] + " …"]
    return "".join(label_text(line) + BR_LEFT for line in lines)


def badge_cell(kind: str, text: str, width: int) -> str:
    """A badge of :data:`BADGES` as a table cell: glyph and text inside its border.

    Parameters
    ----------
    kind : str
        ``visit``, ``once_only`` or ``deadline``.
    text : str
        What the badge says, escaped here.
    width : int
        Characters per line.

    Returns
    -------
    str
        One ``<TD>`` of an HTML-like label.

    Examples
    --------
    >>> badge_cell("visit", "Besuch 1/2", 20)[:40]
    '<TD BORDER="1" STYLE="solid" COLOR="#007'
    """
    glyph, cell_style, color = BADGES[kind]
    content = label_lines(f"{glyph} {text}", width)
    return (
        f'<TD BORDER="1" STYLE="{cell_style}" COLOR="{color}" ALIGN="LEFT" '
        f'CELLPADDING="2">{content}</TD>'
    )
