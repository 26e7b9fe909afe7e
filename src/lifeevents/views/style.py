"""Colours, shapes and glyphs of every map, in one place.

Colours come from the Okabe-Ito palette, which stays distinguishable with the
common colour-vision deficiencies; every channel is told apart by shape and
glyph as well, never by colour alone. Text is dark on light fills (contrast
ratio of at least 4.5:1 for text, WCAG AA).

Examples
--------
>>> CHANNEL_STYLES[Channel.MAIL].glyph, LEVEL_FILLS[Level.KREIS]
('✉', '#FCF3DE')
"""

from __future__ import annotations

from dataclasses import dataclass

from lifeevents.model.vocabulary import Channel, Level

__all__ = [
    "CHANNEL_STYLES",
    "FONT",
    "HIGHLIGHT_COLORS",
    "LANE_ORDER",
    "LEVEL_FILLS",
    "OKABE_ITO",
    "TEXT_COLOR",
    "ChannelStyle",
]

#: The Okabe-Ito palette (Okabe & Ito 2008, "Color Universal Design").
OKABE_ITO = {
    "orange": "#E69F00",
    "sky_blue": "#56B4E9",
    "bluish_green": "#009E73",
    "yellow": "#F0E442",
    "blue": "#0072B2",
    "vermillion": "#D55E00",
    "reddish_purple": "#CC79A7",
    "black": "#000000",
}

TEXT_COLOR = "#1A1A1A"
# DejaVu Sans is in Debian's fonts-dejavu-core, a Graphviz dependency, and has the umlauts
# and every glyph; Graphviz measures the text with it. An SVG opened where it is missing
# (most Windows and macOS machines) falls back to Arial, which is narrower, so the text
# still fits its boxes, rather than to the browser's default serif font.
FONT = "DejaVu Sans,Arial,Helvetica,sans-serif"

#: Lanes top to bottom (or left to right with direction TB): the order of :class:`Level`.
LANE_ORDER: tuple[Level, ...] = tuple(Level)

#: Light lane backgrounds, one per level (tints of the palette; dark text stays readable).
LEVEL_FILLS: dict[Level, str] = {
    Level.BUND: "#E5F1F8",  # blue tint
    Level.LAND: "#E6F5F0",  # bluish green tint
    Level.KREIS: "#FCF3DE",  # orange tint
    Level.GEMEINDE: "#EEF7FC",  # sky blue tint
    Level.SOZIALVERSICHERUNG: "#F8ECF3",  # reddish purple tint
    Level.PRIVAT: "#F2F2F2",  # grey
}


@dataclass(frozen=True)
class ChannelStyle:
    """How a step done on one channel looks: a Graphviz shape, a glyph and a border colour.

    Parameters
    ----------
    shape : str
        A Graphviz node shape, one of the rectangular ones: a text of several lines
        needs a third less room in a box than in an ellipse or a hexagon.
    glyph : str
        A character in DejaVu Sans that names the channel.
    color : str
        The border colour, from :data:`OKABE_ITO`.
    rounded : bool, default False
        Rounded corners (digital channels).
    peripheries : int, default 1
        Border lines: two for what happens without the citizen.

    Examples
    --------
    >>> CHANNEL_STYLES[Channel.ONLINE]
    ChannelStyle(shape='box', glyph='⌨', color='#0072B2', rounded=True, peripheries=1)
    """

    shape: str
    glyph: str
    color: str
    rounded: bool = False
    peripheries: int = 1


CHANNEL_STYLES: dict[Channel, ChannelStyle] = {
    # Glyphs are all in DejaVu Sans, so PNG and PDF show them too (no emoji font needed).
    # Rectangular shapes only: ellipses, hexagons and octagons around a label of several
    # lines are 40-60 % wider and taller, and the map must fit a projector's screen.
    Channel.IN_PERSON: ChannelStyle("box", "⌂", OKABE_ITO["vermillion"]),
    Channel.TERMINAL: ChannelStyle("box3d", "▣", OKABE_ITO["vermillion"]),
    Channel.ONLINE: ChannelStyle("box", "⌨", OKABE_ITO["blue"], rounded=True),
    Channel.EMAIL: ChannelStyle("box", "@", OKABE_ITO["blue"], rounded=True),
    Channel.VIDEO: ChannelStyle("box", "▶", OKABE_ITO["blue"], rounded=True),
    Channel.PHONE: ChannelStyle("tab", "☎", OKABE_ITO["bluish_green"]),
    Channel.MAIL: ChannelStyle("note", "✉", OKABE_ITO["orange"]),
    Channel.PROACTIVE: ChannelStyle(
        "box", "⚡", OKABE_ITO["reddish_purple"], rounded=True, peripheries=2
    ),
}

#: Colours of highlighted findings (edges and node borders), each also drawn with its own style.
HIGHLIGHT_COLORS: dict[str, str] = {
    "authority_handover": OKABE_ITO["vermillion"],  # bold edge
    "media_break": OKABE_ITO["orange"],  # dashed edge
    "once_only": OKABE_ITO["reddish_purple"],  # double border / marker
    "deadline": OKABE_ITO["black"],  # dotted border
    "precedence": "#666666",
    "evidence": "#333333",
}
