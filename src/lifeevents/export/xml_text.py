"""Text that XML 1.0 can carry unchanged through writing and parsing.

XML 1.0 has no way to write most control characters, and a parser turns every
line end into ``\\n``. Exports in XML formats (GraphML, BPMN) pass their text
through :func:`xml_safe` so that what a reader gets back is exactly what was
written.

>>> xml_safe("Antrag\\r\\nstellen\\x01")
'Antrag\\nstellen\\ufffd'
"""

from __future__ import annotations

import re

__all__ = ["xml_safe"]

_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LINE_END = re.compile("\r\n?")


def xml_safe(text: str) -> str:
    """``text`` with line ends as ``\\n`` and characters XML 1.0 forbids as U+FFFD.

    Parameters
    ----------
    text : str
        Text for an attribute or element of an XML export.

    Returns
    -------
    str
        The text an XML parser gives back unchanged.

    Examples
    --------
    A step name pasted from a Windows tool, with a stray control character:

    >>> xml_safe("Antrag\\r\\nstellen\\x0b")
    'Antrag\\nstellen\\ufffd'
    >>> xml_safe("Wohnsitz <anmelden> & bestätigen")  # escaping is the writer's job
    'Wohnsitz <anmelden> & bestätigen'
    """
    return _ILLEGAL.sub("\ufffd", _LINE_END.sub("\n", text))
