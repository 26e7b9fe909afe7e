"""Text inside Markdown: never markup, never a link.

Every character CommonMark or GitHub's extensions could read as markup is
escaped with a backslash (emphasis, code, links, images, raw HTML, entities,
headings, tables, strikethrough, math), and what GitHub would turn into a link
by itself (``https://…``, ``www.…``, ``name@example.org``) is broken up with a
character reference, which a Markdown viewer shows as the character itself.

Examples
--------
>>> markdown_text("[klick](javascript:alert(1)) <img src=x> *fett*")
'\\\\[klick\\\\](javascript:alert(1)) \\\\<img src=x\\\\> \\\\*fett\\\\*'
>>> markdown_text("siehe https://example.org oder www.example.org")
'siehe https&#58;//example.org oder www&#46;example.org'
"""

from __future__ import annotations

import re

from lifeevents.views.escape.plain import clean

__all__ = ["markdown_text"]

# Characters Markdown (CommonMark and GitHub's extensions) could read as markup:
# emphasis, code, links, raw HTML, entities, headings, tables, strikethrough, math.
_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~&$])")
# What GitHub links without markup: a scheme followed by "://", "www.", an e-mail address.
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=www)(\.)|(@)")


def _reference(match: re.Match[str]) -> str:
    return f"&#{ord(match.group(0))};"


def markdown_text(text: str) -> str:
    """``text`` on one line, as literal Markdown text: no markup, no link.

    Parameters
    ----------
    text : str
        Any text; it is cleaned to one line first
        (:func:`~lifeevents.views.escape.plain.clean`).

    Returns
    -------
    str
        Text that every Markdown viewer shows as written.

    Examples
    --------
    >>> print(markdown_text("**Antrag** #1"))
    \\*\\*Antrag\\*\\* \\#1
    """
    return _AUTOLINK.sub(_reference, _MARKDOWN_SPECIAL.sub(r"\\\1", clean(text)))
