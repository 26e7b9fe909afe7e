"""The checklist as one self-contained HTML page: inline CSS, no script, nothing loaded.

Every text goes through :func:`~lifeevents.views.escape.html.escape_line`, and
the page's Content-Security-Policy lets nothing load or run.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> page = checklist_html(analyze(journey(loads(DEMO_YAML), "mit-auto")))
>>> page.count('<section class="trip">'), "&lt;anmelden&gt; &amp;" in page
(2, True)
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import groupby

from lifeevents.analysis.report import Report
from lifeevents.views.assets import style_sheet
from lifeevents.views.checklist.content import Item, build
from lifeevents.views.escape.html import escape_line
from lifeevents.views.options import DEFAULT_OPTIONS, RenderOptions
from lifeevents.views.style import OKABE_ITO, TEXT_COLOR
from lifeevents.views.wording import Wording

__all__ = ["checklist_html"]

# The style sheet, from package data; it starts on a line of its own.
_CSS = "\n" + style_sheet(
    "checklist.css",
    text_color=TEXT_COLOR,
    trip_color=OKABE_ITO["vermillion"],
    deadlines_color=OKABE_ITO["black"],
)


def checklist_html(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The checklist as one self-contained HTML page (inline CSS, no script, no network).

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions, optional
        The language, and a title to use instead of ``Checkliste: <life event>``.

    Returns
    -------
    str
        The HTML page, ending in a line break.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> page = checklist_html(analyze(journey(loads(DEMO_YAML))), RenderOptions(lang="en"))
    >>> '<html lang="en">' in page, "<anmelden>" in page
    (True, False)
    >>> page.count('<input type="checkbox">')
    3
    """
    lang = options.lang
    checklist = build(report, Wording.of(report, lang))
    title = options.title or checklist.title
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{escape_line(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may load or run: the page is text, styles are inline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">",
        '<meta name="generator" content="lifeevents">',
        f"<title>{escape_line(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape_line(title)}</h1>",
        f'<p class="meta">{escape_line(checklist.meta)}</p>',
        *(f"<p>{escape_line(paragraph)}</p>" for paragraph in checklist.intro),
    ]
    for section in checklist.sections:
        lines.append(f'<section class="{section.kind}">')
        lines.append(f"<h2>{escape_line(section.heading)}</h2>")
        lines.extend(f"<p>{escape_line(paragraph)}</p>" for paragraph in section.paragraphs)
        for caption, items in section.lists:
            if caption:
                lines.append(f"<h3>{escape_line(caption)}</h3>")
            lines.extend(_items(items))
        lines.append("</section>")
    lines.extend(["</main>", "</body>", "</html>"])
    return "\n".join(lines) + "\n"


def _items(items: Iterable[Item]) -> list[str]:
    """A list of items; items with a box and notes without one in lists of their own."""
    lines: list[str] = []
    for checked, run in groupby(items, key=lambda item: item.checkbox):
        lines.extend(_list(list(run), checked))
    return lines


def _list(shown: list[Item], checked: bool) -> list[str]:
    lines = ['<ul class="checklist">' if checked else "<ul>"]
    for item in shown:
        text = f"<strong>{escape_line(item.lead)}</strong>"
        if item.rest:
            text += f" {escape_line(item.rest)}"
        if item.checkbox:
            text = f'<label><input type="checkbox"> <span>{text}</span></label>'
        lines.append(f"<li>{text}")
        if item.notes:
            lines.append('<ul class="notes">')
            lines.extend(f"<li>{escape_line(note)}</li>" for note in item.notes)
            lines.append("</ul>")
        lines.append("</li>")
    lines.append("</ul>")
    return lines
