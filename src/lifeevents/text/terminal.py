"""Text for a terminal: control characters from input files shown escaped, never sent raw.

A journey file may contain ESC, BEL, CSI sequences or bidirectional overrides in
its names. Printed raw they could set the terminal title, clear the screen or
overwrite an error with a fake "valid" line; :func:`terminal_safe` shows each
as a visible escape instead.

>>> terminal_safe("Umzug\\x1b]0;pwned\\x07 – fertig")
'Umzug\\\\x1b]0;pwned\\\\x07 – fertig'
>>> terminal_safe("zwei\\nZeilen", one_line=True)
'zwei\\\\nZeilen'
"""

from __future__ import annotations

import re

__all__ = ["json_safe", "terminal_safe"]

# C0 and C1 controls but tab and newline, DEL, lone surrogates (undecodable bytes in file
# names), bidirectional controls, line and paragraph separators, the byte-order mark and
# noncharacters.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\u061c\u200e\u200f\u2028-\u202e"
    "\u2066-\u2069\ufeff\ufdd0-\ufdef\ufffe\uffff]"
)
_UNSAFE_ONE_LINE = re.compile(f"[\n\t{_UNSAFE.pattern[1:-1]}]")


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group(0))
    if code == 0x0A:
        return "\\n"
    if code == 0x09:
        return "\\t"
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def terminal_safe(text: str, *, one_line: bool = False) -> str:
    """``text`` with every control character shown as an escape such as ``\\x1b``.

    Tabs and line breaks are kept, unless ``one_line`` (for texts that must stay on
    one line, like a ``FILE:LINE:COLUMN: message``).
    """
    return (_UNSAFE_ONE_LINE if one_line else _UNSAFE).sub(_escape, text)


def json_safe(text: str) -> str:
    """JSON text with the characters :func:`terminal_safe` would escape as ``\\uXXXX``.

    Inside JSON they can only occur in strings, where ``\\uXXXX`` means the same.

    >>> json_safe('{"name": "A\u202eB"}')
    '{"name": "A\\\\u202eB"}'
    """
    return _UNSAFE.sub(lambda match: f"\\u{ord(match.group(0)):04x}", text)
