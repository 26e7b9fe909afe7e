"""How large a blueprint's step will be, estimated before Graphviz measures it.

The layout (:func:`~lifeevents.views.blueprint.layout.spread`) chooses how
far to spread the steps of a lane from these estimates: lines of text from
the same wrapping as the labels, DejaVu Sans at about 0.6 em a character
(0.62 em in bold, fitted to the built-in journeys), 1.2 em a line.

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

from collections.abc import Callable

from lifeevents.views.blueprint.badges import badge_wrap, step_badges
from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.look import badge_lines
from lifeevents.views.graphviz_labels import wrapped

__all__ = ["step_sizes"]

_EM = 0.6
_EM_BOLD = 0.62
_LINE = 1.2
# The glyph column, cell spacing, node margins and border.
_EXTRA_WIDTH = 34.0
_EXTRA_HEIGHT = 14.0
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
        width = max(map(len, name)) * _EM_BOLD * name_size
        height = len(name) * _LINE * name_size
        if look.compact:
            height += _LINE * detail
        else:
            authority = wrapped(names.authority(node), look.detail_wrap)
            width = max(width, max(map(len, authority)) * _EM * detail)
            height += (len(authority) + 1) * _LINE * detail
        for kind, text in step_badges(drawing, node):
            lines = badge_lines(kind, text, badge)
            width = max(width, max(map(len, lines)) * _EM * detail)
            height += len(lines) * _LINE * detail + _BADGE_FRAME
        return width + _EXTRA_WIDTH, height + _EXTRA_HEIGHT

    return size
