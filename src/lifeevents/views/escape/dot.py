"""Text inside Graphviz DOT: quoted strings, HTML-like labels and attribute lists.

DOT takes text in two places, and each needs its own escaping:

- a quoted string (``tooltip="..."``, node names): quotes and backslashes are
  escaped, line breaks become DOT's ``\\n``;
- an HTML-like label (``label=<...>``): markup characters become character
  references.

In both, Graphviz reads backslash escapes of its own (``\\N`` is the node's
name, ``\\l`` a left-aligned line break), so every backslash is doubled with
:func:`graphviz.escape` from the declared ``graphviz`` package. Its
:func:`graphviz.quoting.quote` is not used: it leaves a string that is a valid
DOT id bare (``corner``, ``12``) where the maps always quote, and a quoted
name must stay quoted for their output to stay as it is.

Examples
--------
>>> quoted('Wohnsitz "neu"\\nanmelden \\\\N')
'"Wohnsitz \\\\"neu\\\\"\\\\nanmelden \\\\\\\\N"'
>>> label_text("Wohnsitz <anmelden> & \\\\N")
'Wohnsitz &lt;anmelden&gt; &amp; \\\\\\\\N'
>>> attribute_list({"id": "step-0", "width": 0.5, "label": HtmlLabel("<B>A</B>"), "x": None})
'[id="step-0", width=0.5, label=<<B>A</B>>]'
"""

from __future__ import annotations

import html
from collections.abc import Mapping

import graphviz  # type: ignore[import-untyped]

from lifeevents.views.escape.plain import clean

__all__ = ["DotValue", "HtmlLabel", "attribute_list", "label_text", "quoted"]


class HtmlLabel(str):
    """The body of an HTML-like label, already escaped: written as ``<...>``, never quoted.

    Examples
    --------
    >>> attribute_list({"label": HtmlLabel("<B>A</B>")}), attribute_list({"label": "<B>A</B>"})
    ('[label=<<B>A</B>>]', '[label="<B>A</B>"]')
    """

    __slots__ = ()


#: An attribute value: text (quoted), an :class:`HtmlLabel`, a number, or None (left out).
DotValue = str | float | None


def _backslashes_doubled(text: str) -> str:
    """``text`` with every backslash doubled (Graphviz's escString), by :func:`graphviz.escape`."""
    return str(graphviz.escape(text))


def quoted(text: str) -> str:
    """A quoted DOT string: quotes and backslashes escaped, line breaks kept as ``\\n``.

    Parameters
    ----------
    text : str
        Any text; each of its lines is cleaned to plain text first.

    Returns
    -------
    str
        The DOT string, quotes included.

    Examples
    --------
    >>> print(quoted('Amt "Süd"\\r\\nZimmer 1'))
    "Amt \\"Süd\\"\\nZimmer 1"
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    body = "\\n".join(_backslashes_doubled(clean(line)).replace('"', '\\"') for line in lines)
    return f'"{body}"'


def label_text(text: str) -> str:
    """One line of text for an HTML-like label: markup escaped, backslashes doubled.

    Parameters
    ----------
    text : str
        Any text; it is cleaned to one line of plain text first.

    Returns
    -------
    str
        Text to put between the tags of an HTML-like label.

    Examples
    --------
    >>> label_text('<script>"x"</script>')
    '&lt;script&gt;&quot;x&quot;&lt;/script&gt;'
    """
    return _backslashes_doubled(html.escape(clean(text), quote=True))


def attribute_list(attributes: Mapping[str, DotValue]) -> str:
    """``[name=value, ...]``: numbers bare, an :class:`HtmlLabel` as ``<...>``, text quoted.

    Parameters
    ----------
    attributes : Mapping[str, DotValue]
        Attribute names and values in the order to write them; None leaves one out.

    Returns
    -------
    str
        The DOT attribute list, brackets included.

    Examples
    --------
    >>> attribute_list({"penwidth": 1.5, "class": "step visit"})
    '[penwidth=1.5, class="step visit"]'
    """
    parts = []
    for name, value in attributes.items():
        if value is None:
            continue
        if isinstance(value, HtmlLabel):
            parts.append(f"{name}=<{value}>")
        elif isinstance(value, str):
            parts.append(f"{name}={quoted(value)}")
        else:
            parts.append(f"{name}={value:g}")
    return "[" + ", ".join(parts) + "]"
