"""How wide a line of text is drawn, so that a map can be laid out before Graphviz runs.

The widths are the advances of DejaVu Sans (the first font of
:data:`~lifeevents.views.style.FONT`) as Graphviz 2.43 with Pango measures
them, in thousandths of the font size, rounded up: measured once with
``dot -Tjson`` on labels of twenty copies of each character at 100 points. At
small sizes hinting rounds the advances, up to 2 % wider (13 points): the sum is
taken 4 % wider. A character not
in the tables is taken as wide as its letter without accents, or else a full
em (wider than most), so an estimate errs on the wide side.

Examples
--------
>>> text_width("Tag 3", 10)
29.14
>>> text_width("Tag 3", 10, bold=True) > text_width("Tag 3", 10)
True
"""

from __future__ import annotations

import unicodedata

__all__ = ["text_width"]

# Advances of the characters " " to "~" (ASCII 32 to 126).
_REGULAR = (
    316, 399, 458, 841, 638, 953, 781, 278, 391, 391, 503, 841, 316, 361, 316, 339,
    638, 638, 638, 638, 638, 638, 638, 638, 638, 638, 339, 339, 841, 841, 841, 534,
    998, 712, 683, 699, 773, 631, 579, 773, 751, 294, 294, 654, 556, 863, 751, 789,
    601, 789, 699, 638, 594, 736, 683, 991, 683, 609, 683, 391, 169, 391, 841, 503,
    503, 616, 638, 548, 638, 616, 346, 638, 638, 278, 278, 579, 278, 976, 638, 616,
    638, 638, 392, 519, 391, 638, 593, 818, 593, 593, 526, 638, 339, 638, 841,
)  # fmt: skip
_BOLD = (
    346, 458, 519, 841, 699, 1006, 871, 309, 458, 458, 526, 841, 384, 413, 384, 368,
    699, 699, 699, 699, 699, 699, 699, 699, 699, 699, 399, 399, 841, 841, 841, 579,
    998, 773, 766, 736, 834, 683, 683, 818, 841, 376, 376, 773, 638, 998, 841, 849,
    736, 849, 773, 678, 705, 811, 773, 1104, 773, 728, 728, 458, 184, 458, 841, 503,
    503, 676, 714, 593, 714, 676, 406, 714, 714, 346, 346, 669, 346, 1043, 714, 691,
    714, 714, 496, 593, 481, 714, 654, 924, 646, 654, 586, 714, 368, 714, 841,
)  # fmt: skip
# Other characters the maps draw: (regular, bold).
_OTHER = {
    "–": (503, 503), "—": (998, 998), "·": (316, 384), "•": (593, 638), "●": (871, 871),
    "⚠": (901, 901), "▸": (503, 503), "☺": (1043, 1043), "☹": (1043, 1043),
    "✉": (841, 841), "⌂": (638, 714), "⌨": (1441, 1441), "☎": (1246, 1246),
    "⚡": (706, 706), "→": (841, 841), "„": (519, 661), "“": (519, 661), "”": (519, 661),
    "‘": (316, 384), "’": (316, 384), "…": (998, 998), "€": (638, 699), "§": (503, 503),
    "ß": (631, 721), "−": (841, 841), "\u00a0": (316, 346),
}  # fmt: skip
_EM = 1000
_HINTING = 1.04
_WIDE = (1000, 1104)  # the widest letter: for a character of no table


def _advance(character: str, bold: bool) -> int:
    table = _BOLD if bold else _REGULAR
    code = ord(character)
    if 32 <= code <= 126:
        return table[code - 32]
    if character in _OTHER:
        return _OTHER[character][bold]
    base = unicodedata.normalize("NFD", character)[0]
    if base != character and 32 <= ord(base) <= 126:
        return table[ord(base) - 32]  # ä as a, É as E
    return _WIDE[bold]


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """The width in points of one line of ``text`` at ``size`` points (an upper estimate).

    Parameters
    ----------
    text : str
        One line of plain text (not yet escaped).
    size : float
        The font size in points.
    bold : bool, default False
        Whether the line is bold.

    Returns
    -------
    float
        The width in points, rounded to hundredths.

    Examples
    --------
    >>> text_width("Wohnsitz anmelden", 11, bold=True)
    127.37
    >>> text_width("", 11)
    0.0
    """
    advances = sum(_advance(character, bold) for character in text)
    return round(advances * size * _HINTING / _EM, 2)
