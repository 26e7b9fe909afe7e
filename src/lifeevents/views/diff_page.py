"""The difference page: today, with the scenarios, and the overlay, with a toggle.

One self-contained HTML file (no CDN, no file from elsewhere): the three SVG
maps inline, radio buttons to switch, and a Content-Security-Policy that allows
only the page's own style and script (by hash), so no name from a journey or
scenario file can run code.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> report = analyze(journey(loads(DEMO_YAML)))
>>> page = diff_html(report, report, dict.fromkeys(VIEWS, "<svg></svg>"), "en")
>>> page.count('<section class="map"'), "<h1>Umzug: Difference today" in page
(3, True)
"""

from __future__ import annotations

import base64
import hashlib

from lifeevents.analysis.report import Report
from lifeevents.text.labels import Language
from lifeevents.views.assets import read_asset
from lifeevents.views.diff import figure_lines
from lifeevents.views.escape.html import escape
from lifeevents.views.wording import Wording

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
    """The page with the three maps and a toggle between them.

    Parameters
    ----------
    today, changed : Report
        The journey today and with the scenarios applied, analysed.
    views : dict[str, str]
        The SVG of each of :data:`VIEWS`: ``today``, ``changed`` and ``overlay``.
    lang : Language, default "de"
        The language of the page.

    Returns
    -------
    str
        The HTML page; the overlay is shown first.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> page = diff_html(report, report, dict.fromkeys(VIEWS, "<svg></svg>"))
    >>> page.count('type="radio"'), 'value="overlay" checked' in page
    (3, True)
    """
    wording = Wording.of(changed, lang)
    words = wording.words
    title = " · ".join(
        [f"{wording.names.life_event()}: {words['difference']}", *wording.persona_parts()]
    )
    captions = {
        "today": words["today"],
        "changed": words["with_scenarios"],
        "overlay": words["overlay"],
    }
    toggle = "".join(
        f'<label class="view"><input type="radio" name="view" value="{view}"'
        f"{' checked' if view == 'overlay' else ''}>{escape(captions[view])}"
        "</label>"
        for view in VIEWS
    )
    sections = "".join(
        f'<section class="map" data-view="{view}" aria-label="'
        f'{escape(captions[view])}">{_inline(views[view])}</section>'
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
        f'<fieldset aria-label="{escape(words["overlay"])}">{toggle}</fieldset>'
        f"{sections}<script>{_SCRIPT}</script></body></html>\n"
    )


def _inline(svg: str) -> str:
    """The ``<svg>`` element of a Graphviz SVG document (its XML prolog left out)."""
    start = svg.find("<svg")
    return svg[start:] if start >= 0 else ""
