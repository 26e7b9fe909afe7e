"""Text inside HTML and SVG: element content, attribute values, JSON in a script.

Three strengths, each for the outputs that use it today:

- :func:`escape`: markup characters as character references (as :func:`html.escape`);
- :func:`escape_text`: the same, with control characters left out (HTML calls them
  parse errors, XML forbids them): the interactive page and SVG text;
- :func:`escape_line`: one line of plain text (:func:`~lifeevents.views.escape.plain.clean`),
  escaped: the checklist page.

Examples
--------
>>> escape('<b title="x">Amt & Co</b>')
'&lt;b title=&quot;x&quot;&gt;Amt &amp; Co&lt;/b&gt;'
>>> escape_text("Amt\\x07 <1>", quote=False)
'Amt &lt;1&gt;'
>>> escape_line(" Amt\\n  <1> ")
'Amt &lt;1&gt;'
"""

from __future__ import annotations

import html
import json
import re
from typing import Any

from lifeevents.text.terminal import json_safe
from lifeevents.views.escape.plain import clean

__all__ = ["escape", "escape_line", "escape_text", "script_json"]

# Control characters but tab and line breaks: parse errors in HTML, forbidden (C0) or
# discouraged (DEL, C1, which some terminals and viewers obey) in XML 1.0.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def escape(text: str, quote: bool = True) -> str:
    """Text for HTML: ``&``, ``<`` and ``>`` (and with ``quote`` both quotes) as references.

    Parameters
    ----------
    text : str
        Any text.
    quote : bool, default True
        Escape ``"`` and ``'`` too, as an attribute value needs.

    Returns
    -------
    str
        The escaped text; everything else is kept as it is.

    Examples
    --------
    >>> escape("Tom's <Amt>", quote=False)
    "Tom's &lt;Amt&gt;"
    """
    return html.escape(text, quote)


def escape_text(text: str, quote: bool = True) -> str:
    """Text for an HTML page or SVG: markup escaped, control characters left out.

    Parameters
    ----------
    text : str
        Any text; tabs and line breaks are kept.
    quote : bool, default True
        Escape ``"`` and ``'`` too, as an attribute value needs.

    Returns
    -------
    str
        The escaped text.

    Examples
    --------
    >>> escape_text("Umzug\\x1b[2J <1>")
    'Umzug[2J &lt;1&gt;'
    """
    return html.escape(_CONTROL.sub("", text), quote)


def escape_line(text: str) -> str:
    """One line of plain text for HTML, attribute-safe.

    Parameters
    ----------
    text : str
        Any text; control characters and whitespace runs become one space.

    Returns
    -------
    str
        The cleaned, escaped text.

    Examples
    --------
    >>> escape_line('Antrag\\n"stellen"')
    'Antrag &quot;stellen&quot;'
    """
    return html.escape(clean(text), quote=True)


def script_json(value: Any) -> str:
    """JSON that cannot end its ``<script>`` element or open a comment inside it.

    Parameters
    ----------
    value : Any
        Data that :func:`json.dumps` can write.

    Returns
    -------
    str
        Compact JSON with ``&``, ``<`` and ``>`` (and line separators and control
        characters) as ``\\uXXXX`` escapes.

    Examples
    --------
    >>> print(script_json({"name": "</script>"}))
    {"name":"\\u003c/script\\u003e"}
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escaped in (
        ("&", "\\u0026"),
        ("<", "\\u003c"),
        (">", "\\u003e"),
    ):
        text = text.replace(char, escaped)
    return json_safe(text)  # also line separators and control characters, as \uXXXX
