"""Text inside Mermaid code: labels, titles, sections, journey tasks and actors.

Every character that could end a quoted label, open a comment, a directive or
markup, or split a journey task becomes a Mermaid entity code (``#quot;``,
``#lt;``, ``#35;`` ...), which Mermaid draws as the character itself.

Examples
--------
>>> mermaid_text('Wohnsitz "neu" anmelden')
'Wohnsitz #quot;neu#quot; anmelden'
"""

from __future__ import annotations

import re

from lifeevents.views.escape.plain import clean

__all__ = ["mermaid_text"]

# Characters that could end a quoted label, open a comment, a directive or markup,
# or split a journey task (":" ","). Everything else is safe inside a quoted label,
# parentheses included (they are common in names and end nothing inside quotes).
_ENTITIES: dict[str, str] = {
    '"': "#quot;",
    "<": "#lt;",
    ">": "#gt;",
    "&": "#amp;",
    "#": "#35;",
    ";": "#59;",
    "%": "#37;",
    "`": "#96;",
    "{": "#123;",
    "}": "#125;",
    "|": "#124;",
    "[": "#91;",
    "]": "#93;",
    "\\": "#92;",
    ":": "#58;",
}
_RISKY = re.compile("[" + re.escape("".join(_ENTITIES)) + "]")


def mermaid_text(text: str, *, extra: str = "") -> str:
    """Text made safe for a Mermaid label: one line, risky characters as entity codes.

    Parameters
    ----------
    text : str
        Any text; it is cleaned to one line first.
    extra : str, default ""
        Further characters to replace (``","`` for journey actors).

    Returns
    -------
    str
        Text to put inside a quoted Mermaid label (or a title, section or task).

    Examples
    --------
    >>> mermaid_text('Say "hi" <b>#1;</b>\\n{x}')
    'Say #quot;hi#quot; #lt;b#gt;#35;1#59;#lt;/b#gt; #123;x#125;'
    >>> mermaid_text("A, B", extra=",")
    'A#44; B'
    """
    # Mermaid stands entity codes in for "ﬂ°…¶ß" while parsing and turns such runs back
    # into entities, in flowcharts even in text already shown; an invisible joiner
    # after "ﬂ" and "¶" keeps a name from ever forming that run.
    plain = clean(text).replace("ﬂ", "ﬂ\u200c").replace("¶", "¶\u200c")
    encoded = _RISKY.sub(lambda match: _ENTITIES[match.group()], plain)
    for char in extra:
        encoded = encoded.replace(char, f"#{ord(char)};")
    return encoded
