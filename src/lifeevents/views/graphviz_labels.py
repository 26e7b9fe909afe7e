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

import textwrap

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
    """Lines of at most ``width`` characters; a longer word stays whole on its own line.

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
    >>> wrapped("", 10)
    ['']
    """
    return textwrap.wrap(clean(text), width, break_long_words=False) or [""]
