"""Graphviz HTML-like labels: fonts and wrapped lines, for the blueprint and the journey map.

Text goes into a label through :func:`~lifeevents.views.escape.dot.label_text`;
these helpers add the markup around it.

Examples
--------
>>> font("Antrag", size=11, bold=True)
'<FONT POINT-SIZE="11"><B>Antrag</B></FONT>'
>>> wrapped("Schuleingangsuntersuchung beim Gesundheitsamt", 24)
['Schuleingangsuntersuchung', 'beim Gesundheitsamt']
"""

from __future__ import annotations

import re

from lifeevents.views.escape.plain import clean

__all__ = ["font", "wrapped"]


def font(content: str, *, size: float | None = None, bold: bool = False, color: str = "") -> str:
    """``content`` in bold, at a point size or in a colour (each only when asked for).

    Parameters
    ----------
    content : str
        Label markup, its text already escaped.
    size : float, optional
        The point size.
    bold : bool, default False
        Wrap the content in ``<B>``.
    color : str, default ""
        A colour such as ``#4D4D4D``.

    Returns
    -------
    str
        The content with the markup around it (none when nothing is asked for).

    Examples
    --------
    >>> font("Amt", color="#4D4D4D")
    '<FONT COLOR="#4D4D4D">Amt</FONT>'
    >>> font("Amt")
    'Amt'
    """
    if bold:
        content = f"<B>{content}</B>"
    attributes = (f' POINT-SIZE="{size:g}"' if size else "") + (
        f' COLOR="{color}"' if color else ""
    )
    return f"<FONT{attributes}>{content}</FONT>" if attributes else content


def wrapped(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters; a longer word is divided at a compound joint
    or stays whole on its own line.

    German compounds are long, and one cut without a hyphen
    ("Schuleingangsuntersuchun|g") reads as a typo.

    Parameters
    ----------
    text : str
        Any text; it is cleaned to one line of plain text first.
    width : int
        Characters per line.

    Returns
    -------
    list[str]
        At least one line (an empty one for empty text), not yet escaped.

    Examples
    --------
    A word longer than a line is divided where German compounds join after a
    linking *s* ("Versicherungs-|bestätigung"), with a hyphen at the end of the line;
    a word without such a joint stays whole.

    >>> wrapped("", 10)
    ['']
    >>> wrapped("Versicherungsbestätigung (eVB) anfordern", 16)
    ['Versicherungs-', 'bestätigung', '(eVB) anfordern']
    >>> wrapped("Todesbescheinigung", 16)
    ['Todesbescheinigung']
    """
    words = [part for word in clean(text).split() for part in _compound_parts(word, width)]
    lines: list[str] = []
    for word in words:
        # A divided word's part ends its line: with the next part it is longer than a line.
        if lines and not lines[-1].endswith(_DIVIDED) and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return [line.replace(_DIVIDED, "-") for line in lines] or [""]


# Marks a part of a divided word until the lines are made (clean() leaves no control
# characters in the text, so it cannot occur there).
_DIVIDED = "\x00"
# Endings after which German compounds join with a linking s (Fugen-s): a safe place
# to divide a word that is longer than a line.
# (A lookahead, so that overlapping joints such as "ungs" and "schafts" are all found.)
_JOINT = re.compile("(?=(ungs|heits|keits|schafts|tions|täts))")
_SHORTEST_PART = 4


def _compound_parts(word: str, width: int) -> list[str]:
    """``word``, or its parts with a hyphen after each but the last when it is longer
    than ``width`` and divides at a joint."""
    if len(word) <= width:
        return [word]
    lower = word.lower()
    ends = [match.end(1) for match in _JOINT.finditer(lower)]
    # Both parts at least _SHORTEST_PART letters; the first with its hyphen fits the line.
    cuts = [
        end for end in ends if _SHORTEST_PART <= end < width and len(word) - end >= _SHORTEST_PART
    ]
    if not cuts:
        return [word]
    cut = max(cuts)
    return [f"{word[:cut]}{_DIVIDED}", *_compound_parts(word[cut:], width)]
