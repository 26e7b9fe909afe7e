"""The band above a blueprint's lanes: title, persona line, key figures, and the key.

Left the title, the persona line and the key figures; right of them, side by
side, the key: line styles, badges, and the markers' words in blocks. Side by
side, not below each other, so that the band stays low: a map fitted to a
screen loses to its height what it gains in width. When the map is narrow, the
badges stand below the line styles (``wide=False``), so that the band is no
wider than the lanes. :func:`heading_size` estimates the band's size for the
layout (:mod:`~lifeevents.views.blueprint.fit`).

Graphviz stretches a table nested in a cell to the cell's height and shares
the room among its rows; each part stands in a table of its own with empty rows
below it (:data:`_FILLERS`), which take most of that room, so that the part keeps
about its own height at the top of the band.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.blueprint.markers import Markers
>>> from lifeevents.views.options import RenderOptions
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
>>> label = heading_label(drawing, Markers({}, ("Bürger trägt Meldebestätigung",)))
>>> "Umzug · Blueprint" in label, 'ID="key-markers-1"' in label
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence

from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.key import key_rows, key_table, key_tables
from lifeevents.views.blueprint.look import HEADER_FILL
from lifeevents.views.blueprint.markers import KEY_ROWS, MARKER_WRAP, Markers, marker_key
from lifeevents.views.blueprint.titles import figures, titles
from lifeevents.views.escape.dot import HtmlLabel, label_text
from lifeevents.views.graphviz_labels import font, wrapped

__all__ = [
    "FIGURE_NAME_SIZE",
    "FIGURE_VALUE_SIZE",
    "SUBTITLE_SIZE",
    "heading_label",
    "heading_size",
]

#: Point sizes of the persona line and of the key figures' names and values.
SUBTITLE_SIZE = 12
FIGURE_NAME_SIZE = 9
FIGURE_VALUE_SIZE = 12
#: Points between the parts of the band.
_GAP = 24
#: Empty rows below each part (see the module's text).
_FILLERS = 6
# Estimates, in points: DejaVu Sans at about 0.55 em a character in these texts (0.58 in
# bold; fitted to the built-in journeys), 1.2 em a line, and what cell padding,
# spacing and borders add to a row of text.
_EM = 0.55
_EM_BOLD = 0.58
_LINE = 1.2
_ROW = 6.0
_MARKER = 22.0  # a marker's box and the space after it


def heading_label(drawing: Drawing, markers: Markers, *, wide: bool = True) -> HtmlLabel:
    """The band above the lanes, as the graph's HTML-like label.

    Parameters
    ----------
    drawing : Drawing
        The render: its words, look, highlights and whether it is drawn by ``sfdp``
        (then the key lists the channels too, below the figures).
    markers : Markers
        The numbers on the edges and their words.
    wide : bool, default True
        Line styles and badges side by side; else the badges below the line styles.

    Returns
    -------
    HtmlLabel
        A ``<TABLE>`` for the graph's ``label``.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> drawing = Drawing.of(report, RenderOptions(lang="en"), Wording.of(report, "en"), sfdp=True)
    >>> label = heading_label(drawing, Markers({}, ()))
    >>> "Visits (minimum)" in label, "in person" in label  # sfdp: channels in the key
    (True, True)
    """
    title, subtitle = titles(drawing.options, drawing.wording)
    shown = figures(drawing.report, drawing.wording)
    names = "".join(
        f'<TD ALIGN="LEFT" BGCOLOR="{HEADER_FILL}">'
        f"{font(label_text(name), size=FIGURE_NAME_SIZE)}</TD>"
        for name, _ in shown
    )
    values = "".join(
        f'<TD ALIGN="LEFT">{font(label_text(value), size=FIGURE_VALUE_SIZE, bold=True)}</TD>'
        for _, value in shown
    )
    rows = [
        font(label_text(title), size=drawing.look.title_size, bold=True),
        font(label_text(subtitle), size=SUBTITLE_SIZE),
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" COLOR="#999999">'
        f"<TR>{names}</TR><TR>{values}</TR></TABLE>",
    ]
    if not drawing.report.steps:
        rows.append(label_text(drawing.wording.words["blueprint.no_steps"]))
    if drawing.sfdp:
        rows.append(key_table(drawing, channels=True))
        cells = "".join(f'<TR><TD ALIGN="LEFT">{row}</TD></TR>' for row in rows)
        return HtmlLabel(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">{cells}</TABLE>')
    left = "".join(f'<TR><TD ALIGN="LEFT">{row}</TD></TR>' for row in rows)
    parts = [f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">{left}</TABLE>']
    parts.extend(key_tables(drawing, channels=False, wide=wide))
    parts.extend(marker_key(markers, drawing.look.key_size, drawing.wording.words["blueprint.key"]))
    cells = f'<TD WIDTH="{_GAP}"></TD>'.join(
        f'<TD VALIGN="TOP">{_at_top(part)}</TD>' for part in parts
    )
    return HtmlLabel(
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{cells}</TR></TABLE>'
    )


def _at_top(table: str) -> str:
    """A table over empty rows, which take most of the room when its cell is taller."""
    fillers = "<TR><TD></TD></TR>" * _FILLERS
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        f"<TR><TD>{table}</TD></TR>{fillers}</TABLE>"
    )


def heading_size(
    drawing: Drawing, marker_texts: Sequence[str], *, wide: bool = True
) -> tuple[float, float]:
    """The estimated width and height of the band above the lanes, in points.

    Parameters
    ----------
    drawing : Drawing
        The render (not drawn by ``sfdp``): its words, look and highlights.
    marker_texts : Sequence[str]
        The words of the markers, one per number.
    wide : bool, default True
        As in :func:`heading_label`.

    Returns
    -------
    tuple[float, float]
        Width and height.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
    >>> wide = heading_size(drawing, ["Bürger trägt Meldebestätigung"])
    >>> narrow = heading_size(drawing, ["Bürger trägt Meldebestätigung"], wide=False)
    >>> narrow[0] < wide[0], narrow[1] > wide[1]
    (True, True)
    """
    look = drawing.look
    title, subtitle = titles(drawing.options, drawing.wording)
    shown = figures(drawing.report, drawing.wording)
    table = sum(
        max(len(name) * _EM * FIGURE_NAME_SIZE, len(value) * _EM_BOLD * FIGURE_VALUE_SIZE) + _ROW
        for name, value in shown
    )
    widths = [
        max(len(title) * _EM_BOLD * look.title_size, len(subtitle) * _EM * SUBTITLE_SIZE, table)
    ]
    heights = [
        (look.title_size + SUBTITLE_SIZE + FIGURE_NAME_SIZE + FIGURE_VALUE_SIZE) * _LINE + 5 * _ROW
    ]
    line = look.key_size * _LINE
    lines, badges = key_rows(drawing, channels=False)
    for rows in [lines, badges] if wide else [lines + badges]:
        if rows:
            widths.append(max(len(row.text) for row in rows) * _EM * look.key_size + 3 * line)
            heights.append(len(rows) * (line + _ROW))
    for first in range(0, len(marker_texts), KEY_ROWS):
        block = [wrapped(text, MARKER_WRAP) for text in marker_texts[first : first + KEY_ROWS]]
        longest = max(len(part) for lines_of_text in block for part in lines_of_text)
        widths.append(longest * _EM * look.key_size + _MARKER)
        heights.append(sum(len(lines_of_text) * line + _ROW for lines_of_text in block))
    return sum(widths) + _GAP * (len(widths) - 1), max(heights)
