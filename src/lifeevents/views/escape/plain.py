"""One line of plain text: where the escaping for every output language starts.

A name from a journey file may hold line breaks, tabs and control characters;
a map draws each name on its own lines, so these become one space first.
"""

from __future__ import annotations

import unicodedata

__all__ = ["clean"]

# Control characters and line/paragraph separators: never drawn, but they would break lines.
_BREAKING = frozenset({"Cc", "Zl", "Zp"})


def clean(text: str) -> str:
    """One line of plain text: control characters and runs of whitespace become one space.

    Parameters
    ----------
    text : str
        Any text, e.g. a step name from a journey file.

    Returns
    -------
    str
        The text on one line, without leading or trailing whitespace.

    Examples
    --------
    >>> clean(" Wohnsitz\\n anmelden\\x00 ")
    'Wohnsitz anmelden'
    """
    characters = (" " if unicodedata.category(char) in _BREAKING else char for char in text)
    return " ".join("".join(characters).split())
