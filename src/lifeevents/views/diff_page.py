"""The difference page: today, with the scenarios, and the overlay, with a toggle.

One self-contained HTML file (no CDN, no file from elsewhere): the three SVG
maps inline, radio buttons to switch, and a Content-Security-Policy that allows
only the page's own style and script (by hash), so no name from a journey or
scenario file can run code.
"""

from __future__ import annotations

import base64
import hashlib

from lifeevents.analysis.report import Report
from lifeevents.text.labels import Language, label
from lifeevents.text.names import DisplayNames
from lifeevents.views.assets import read_asset
from lifeevents.views.diff import figure_lines
from lifeevents.views.escape.html import escape

__all__ = ["VIEWS", "diff_html"]

#: The three pictures, in the order of the toggle.
VIEWS = ("today", "changed", "overlay")

# The page's style sheet and script, from package data; each starts on a line of its own.
_STYLE = "\n" + read_asset("difference.css")
_SCRIPT = "\n" + read_asset("difference.js")


def _digest(text: str) -> str:
    return base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")


_CSP = (
    "default-src 'none'; img-src data:; "
    f"style-src 'sha256-{_digest(_STYLE)}' 'unsafe-hashes'; "
    f"script-src 'sha256-{_digest(_SCRIPT)}'"
)


def diff_html(today: Report, changed: Report, views: dict[str, str], lang: Language = "de") -> str:
    """The page; ``views`` holds the SVG of ``today``, ``changed`` and ``overlay``."""
    title = f"{DisplayNames(changed, lang).life_event()}: {label('difference', lang)}"
    words = {"today": "today", "changed": "with_scenarios", "overlay": "overlay"}
    toggle = "".join(
        f'<label class="view"><input type="radio" name="view" value="{view}"'
        f"{' checked' if view == 'overlay' else ''}>{escape(label(words[view], lang))}"
        "</label>"
        for view in VIEWS
    )
    sections = "".join(
        f'<section class="map" data-view="{view}" aria-label="'
        f'{escape(label(words[view], lang))}">{_inline(views[view])}</section>'
        for view in VIEWS
    )
    figures = "".join(f"<li>{escape(line)}</li>" for line in figure_lines(today, changed, lang))
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(_CSP)}">'
        f'<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f'<h1>{escape(title)}</h1><ul class="figures">{figures}</ul>'
        f'<fieldset aria-label="{escape(label("overlay", lang))}">{toggle}</fieldset>'
        f"{sections}<script>{_SCRIPT}</script></body></html>\n"
    )


def _inline(svg: str) -> str:
    """The ``<svg>`` element of a Graphviz SVG document (its XML prolog left out)."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else ""
