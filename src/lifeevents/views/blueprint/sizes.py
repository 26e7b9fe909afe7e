"""How large a blueprint's steps and margins will be, estimated before Graphviz measures them.

The layout (:func:`~lifeevents.views.blueprint.layout.spread`) chooses how
far to spread the steps of a lane from these estimates: lines of text from
the same wrapping as the labels, DejaVu Sans at about 0.6 em a character
(0.62 em in bold, fitted to the built-in journeys), 1.2 em a line. The
margins are the lane headers left of the steps, and the band above them
(:func:`~lifeevents.views.blueprint.heading.heading_size`), the column headers
and the key below them.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.options import RenderOptions
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
>>> width, height = step_sizes(drawing)("kfz")
>>> 100 < width < 250 and 50 < height < 150
True
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from lifeevents.views.blueprint.badges import badge_wrap, step_badges
from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.extent import Margins
from lifeevents.views.blueprint.heading import heading_size
from lifeevents.views.blueprint.look import badge_lines, channel_day_lines
from lifeevents.views.graphviz_labels import wrapped

__all__ = ["margins", "step_sizes"]

_EM = 0.6
_EM_BOLD = 0.62
_LINE = 1.2
_GLYPH = 2
_PAD = 10.8  # the drawing's margin (pad, 0.15 in)
# Cell spacing, node margins and border (fitted to the built-in journeys).
_EXTRA_WIDTH = 13.0
_EXTRA_HEIGHT = 10.0
# Across, besides the lane headers: the drawing's margins and the gap after the headers.
_LANE_COLUMN = 20.0
# Down, besides the band above the lanes: the column headers, the key below the lanes,
# the drawing's margins (fitted to the built-in journeys).
_FRAME_HEIGHT = 100.0
# A badge's border and padding.
_BADGE_FRAME = 2.0


def step_sizes(drawing: Drawing) -> Callable[[str], tuple[float, float]]:
    """A function from a step to its estimated width and height, in points.

    Parameters
    ----------
    drawing : Drawing
        The render: its look (sizes, wrapping), names and highlights.

    Returns
    -------
    Callable[[str], tuple[float, float]]
        Width and height of a step's node.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> sizes = step_sizes(Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False))
    >>> sizes("anmelden")[1] > sizes("rundfunk")[1]  # a visit badge makes it taller
    True
    """
    look = drawing.look
    names = drawing.wording.names
    name_size, detail = look.font_size, look.detail_size
    badge = badge_wrap(look)

    def size(node: str) -> tuple[float, float]:
        name = wrapped(names.step(node), look.wrap)
        # The channel's glyph opens the first line: about two characters.
        width = max(len(name[0]) + _GLYPH, *map(len, name)) * _EM_BOLD * name_size
        height = len(name) * _LINE * name_size
        if look.compact:
            height += _LINE * detail
        else:
            authority = wrapped(names.authority(node), look.detail_wrap)
            channel = names.channel(drawing.graph.nodes[node]["channel"])
            # As the writer draws them: the day's note may take a line of its own.
            details = [
                *authority,
                *channel_day_lines(channel, drawing.day_text[node], look.detail_wrap),
            ]
            width = max(width, max(map(len, details)) * _EM * detail)
            height += len(details) * _LINE * detail
        for kind, text in step_badges(drawing, node):
            lines = badge_lines(kind, text, badge)
            width = max(width, max(map(len, lines)) * _EM * detail)
            height += len(lines) * _LINE * detail + _BADGE_FRAME
        return width + _EXTRA_WIDTH, height + _EXTRA_HEIGHT

    return size


def margins(drawing: Drawing, marker_texts: Sequence[str], *, wide: bool) -> Margins:
    """The estimated room a blueprint needs besides its steps, in points.

    Parameters
    ----------
    drawing : Drawing
        The render (not drawn by ``sfdp``): its lanes, words and look.
    marker_texts : Sequence[str]
        The words of the markers on the edges, one per number.
    wide : bool
        Whether the key's tables stand side by side (see
        :func:`~lifeevents.views.blueprint.heading.heading_label`).

    Returns
    -------
    Margins
        Across: the lane headers; down: the band above the lanes, the column
        headers and the key; and the band's width, which the drawing is never
        narrower than.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
    >>> room = margins(drawing, [], wide=True)
    >>> 100 < room.width < 300 and 150 < room.height < 400 and room.least_width > 1000
    True
    """
    look = drawing.look
    words = drawing.wording.words
    names = drawing.wording.names
    headers = [len(names.level(level)) * _EM_BOLD * look.font_size + 20 for level in drawing.lanes]
    corner = len(words["blueprint.level"]) + len(words["blueprint.stage"]) + 8
    lane_column = max(
        [
            *headers,
            corner * _EM * look.detail_size,
            len(words["blueprint.key"]) * _EM_BOLD * (look.font_size + 2),
        ]
    )
    width, height = heading_size(drawing, marker_texts, wide=wide)
    return Margins(lane_column + _LANE_COLUMN, height + _FRAME_HEIGHT, width + 2 * _PAD)
