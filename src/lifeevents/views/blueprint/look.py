"""How a blueprint looks: sizes of the full and the compact drawing, colours, badges.

Step highlights are badges inside the step, each with its own border style and
colour; edge highlights differ in line style and colour alike, so no finding is
told by colour alone.

Examples
--------
>>> FULL.font_size, COMPACT.font_size
(18, 9)
>>> print(badge_cell("deadline", "Frist: Tag 14", 30))  # doctest: +NORMALIZE_WHITESPACE
<TD BORDER="1" STYLE="dotted" COLOR="#000000" ALIGN="LEFT" CELLPADDING="2">⚠ Frist: Tag
14<BR ALIGN="LEFT"/></TD>
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from lifeevents.views.escape.dot import DotValue, label_text
from lifeevents.views.graphviz_labels import wrapped
from lifeevents.views.style import HIGHLIGHT_COLORS, OKABE_ITO, ChannelStyle

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
    "MARKER_DISTANCE",
    "MARKER_STAGGER",
    "MEDIA_BREAK",
    "MUTED",
    "NODE_MARGIN",
    "NOTE_MARGIN",
    "Look",
    "badge_cell",
    "badge_lines",
    "channel_day_lines",
    "label_lines",
    "shape_attributes",
]


@dataclass(frozen=True)
class Look:
    """Sizes of the full drawing and of the compact one for large journeys.

    Parameters
    ----------
    compact : bool
        Whether this is the compact style (evidence names in tooltips).
    font_size : float
        Point size of a step's name (bold) and of the headings (larger).
    detail_size : float
        Point size of the other lines of a step: authority, channel and day, badges.
    edge_font_size, title_size, marker_size : float
        Point sizes of edge texts, the title and the numbers on the edges.
    key_size : float
        Point size of the key's words: line styles, badges, channels and the markers'
        words (large enough to read on a projector wherever the step names are).
    nodesep, ranksep : float
        Graphviz spacing between nodes and between ranks, in inches.
    wrap : int
        Characters per line of a step name.
    detail_wrap : int
        Characters per line of the other lines of a step: authority and badges.

    Examples
    --------
    The two looks in use, :data:`FULL` and :data:`COMPACT`:

    >>> FULL.compact, FULL.font_size, FULL.wrap
    (False, 18, 16)
    >>> COMPACT.compact, COMPACT.font_size, COMPACT.wrap
    (True, 9, 22)
    """

    compact: bool
    font_size: float
    detail_size: float
    edge_font_size: float
    title_size: float
    marker_size: float
    key_size: float
    nodesep: float
    ranksep: float
    wrap: int
    detail_wrap: int


#: The full drawing: step names large enough to read on a projector when the whole map
#: fits a 1920×1080 screen (tests/test_legibility.py), the other lines smaller (larger on
#: a dense map, as far as the names allow: :mod:`~lifeevents.views.blueprint.fit`).
FULL = Look(
    compact=False,
    font_size=18,
    detail_size=11,
    edge_font_size=9,
    title_size=22,
    marker_size=11,
    key_size=14,
    nodesep=0.12,
    ranksep=0.36,
    wrap=16,
    detail_wrap=28,
)
#: The compact drawing, above :data:`~lifeevents.views.options.COMPACT_THRESHOLD` steps.
COMPACT = Look(
    compact=True,
    font_size=9,
    detail_size=9,
    edge_font_size=8,
    title_size=18,
    marker_size=8,
    key_size=14,
    nodesep=0.12,
    ranksep=0.34,
    wrap=22,
    detail_wrap=34,
)
#: How far an edge's number stands from the arrowhead, in tens of points: its centre
#: 17 pt before the head, clear of the arrowhead (10 pt). ``ranksep`` leaves the room a
#: number needs between two neighbouring columns (marker, arrowhead, a gap: 26 pt and
#: 24 pt), so it does not fall under the step it leaves, which is drawn over the edge.
MARKER_DISTANCE = 1.7
#: Each further marker on the edges into one step stands this much farther back
#: (22 pt): edges that arrive side by side would otherwise stack their numbers.
MARKER_STAGGER = 2.2

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
NODE_MARGIN = "0.04,0.04"  # inches, horizontal and vertical
NOTE_MARGIN = "0.04,0.1"  # the text starts below the folded corner


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


def channel_day_lines(channel: str, day: Sequence[str], width: int) -> list[str]:
    """The detail lines of a step's channel and day: one line, or the day's note on a second.

    Parameters
    ----------
    channel : str
        The chosen channel's name.
    day : Sequence[str]
        The step's day and its note, if any
        (:func:`~lifeevents.views.columns.step_days`).
    width : int
        Characters per detail line.

    Returns
    -------
    list[str]
        ``"channel · day note"`` when it fits in ``width``, else the note on a line
        of its own.

    Examples
    --------
    >>> channel_day_lines("vor Ort", ["Tag 30"], 28)
    ['vor Ort · Tag 30']
    >>> channel_day_lines("vor Ort", ["Tag 30", "(möglich ab Tag 14)"], 28)
    ['vor Ort · Tag 30', '(möglich ab Tag 14)']
    """
    lines = [f"{channel} · {day[0]}", *day[1:]]
    joined = " ".join(lines)
    return [joined] if len(joined) <= width else lines


def badge_lines(kind: str, text: str, width: int) -> list[str]:
    """The lines of a badge: its glyph, then its text wrapped, each part on a new line.

    Parameters
    ----------
    kind : str
        ``visit``, ``once_only`` or ``deadline``.
    text : str
        What the badge says; a line break starts a new line (a part of its own).
    width : int
        Characters per line.

    Returns
    -------
    list[str]
        The lines, not yet escaped.

    Examples
    --------
    >>> badge_lines("visit", "2. von 4 im kürzesten Plan\\nauch online möglich", 28)
    ['⚑ 2. von 4 im kürzesten Plan', 'auch online möglich']
    """
    glyph = BADGES[kind][0]
    return [line for part in f"{glyph} {text}".split("\n") for line in wrapped(part, width)]


def badge_cell(kind: str, text: str, width: int) -> str:
    """A badge of :data:`BADGES` as a table cell: glyph and text inside its border.

    Parameters
    ----------
    kind : str
        ``visit``, ``once_only`` or ``deadline``.
    text : str
        What the badge says, escaped here (see :func:`badge_lines`).
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
    _, cell_style, color = BADGES[kind]
    content = "".join(label_text(line) + BR_LEFT for line in badge_lines(kind, text, width))
    return (
        f'<TD BORDER="1" STYLE="{cell_style}" COLOR="{color}" ALIGN="LEFT" '
        f'CELLPADDING="2">{content}</TD>'
    )


def shape_attributes(look: ChannelStyle) -> dict[str, DotValue]:
    """The node attributes that draw a channel's shape: shape, corners, borders, colour.

    Parameters
    ----------
    look : ChannelStyle
        The channel's style.

    Returns
    -------
    dict[str, DotValue]
        Graphviz node attributes; None where the default holds.

    Examples
    --------
    >>> from lifeevents.model.vocabulary import Channel
    >>> from lifeevents.views.style import CHANNEL_STYLES
    >>> shape_attributes(CHANNEL_STYLES[Channel.PROACTIVE])["peripheries"]
    2
    >>> shape_attributes(CHANNEL_STYLES[Channel.MAIL])["margin"]
    '0.04,0.1'
    """
    return {
        "shape": look.shape,
        "style": "filled,rounded" if look.rounded else None,
        "peripheries": look.peripheries if look.peripheries != 1 else None,
        # A note's folded corner (6 points) would cover the end of the first line.
        "margin": NOTE_MARGIN if look.shape == "note" else None,
        "color": look.color,
    }
