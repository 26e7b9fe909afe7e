"""Jupyter display of journeys (the map, fitted and legible) and reports (a compact summary).

Registered with :mod:`lifeevents.graph.display` when :mod:`lifeevents.views` is
imported. A journey shows its blueprint as HTML: the SVG fills the notebook's
width inside a frame that scrolls, and when that width would make a step name
smaller than :data:`READABLE_PX` pixels, the map keeps a readable width and the
frame scrolls sideways instead. A report shows its title, the key figures once
and the findings, and says how to get the map (``report.journey``), so that its
display stays a few kilobytes. Only the MIME types the front end asks for are
built: ``text/plain`` alone never draws a map. When Graphviz is missing, objects
show as text and say why.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> bundle = report_bundle(analyze(journey(loads(DEMO_YAML), "mit-auto")))
>>> sorted(bundle), "<h4>Umzug · Persona: Mit Auto</h4>" in bundle["text/html"]
(['text/html', 'text/plain'], True)
"""

from __future__ import annotations

import math
import re

from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import GraphvizNotFoundError
from lifeevents.graph.display import MimeBundle, Wanted, register
from lifeevents.graph.journey import Journey
from lifeevents.text.findings import findings, opportunities
from lifeevents.text.labels import DEFAULT_LANGUAGE, Language, words
from lifeevents.text.names import DisplayNames
from lifeevents.text.report import format_report, summary_rows
from lifeevents.views.api import render_content
from lifeevents.views.escape.html import escape
from lifeevents.views.options import RenderOptions
from lifeevents.views.svg_metrics import step_name_size, svg_size

__all__ = ["READABLE_PX", "fitted_map_html", "journey_bundle", "report_bundle"]

#: The smallest step name the notebook shows, in CSS pixels; below it the map scrolls.
READABLE_PX = 11
# The frame is at most this high; a taller map scrolls inside it.
_MAX_HEIGHT = "80vh"
_SVG_ROOT = re.compile(r"<svg\b[^>]*>")
_SIZE_ATTRIBUTE = re.compile(r'\s(?:width|height)="[^"]*"')


def _svg(report: Report) -> str | None:
    try:
        image = render_content(report, "svg", RenderOptions())
    except GraphvizNotFoundError:
        return None
    return image if isinstance(image, str) else image.decode("utf-8")


def fitted_map_html(svg: str, lang: Language = DEFAULT_LANGUAGE) -> str:
    """A Graphviz SVG as HTML that fits the notebook's width and stays readable.

    The SVG loses its fixed size and fills the frame's width (its height follows
    the aspect ratio); the frame is at most ``80vh`` high and scrolls. The map
    never gets narrower than the width at which its smallest step name is
    :data:`READABLE_PX` pixels high: on a narrower notebook the frame scrolls
    sideways, and a line under it says so.

    Parameters
    ----------
    svg : str
        An SVG document written by Graphviz.
    lang : {"de", "en"}, optional
        The language of the line under the map.

    Returns
    -------
    str
        An HTML fragment: a scrolling ``<div>`` with the SVG inline.

    Examples
    --------
    >>> svg = '<?xml version="1.0"?>\\n<svg width="2200pt" height="400pt" viewBox="0 0 2200 400">'
    >>> html = fitted_map_html(svg + '<text font-size="11.00">A</text></svg>')
    >>> 'min-width:2200px' in html, '<svg style="display:block;width:100%;height:auto"' in html
    (True, True)
    >>> "<?xml" in html
    False
    """
    width, _ = svg_size(svg)
    # At a width of D pixels a name of s units is s * D / width pixels high.
    readable = math.ceil(READABLE_PX * width / step_name_size(svg))
    start = svg.find("<svg")
    inline = svg[start:] if start >= 0 else svg
    match = _SVG_ROOT.search(inline)
    if match is not None:
        tag = _SIZE_ATTRIBUTE.sub("", match.group(0))
        tag = tag.replace("<svg", '<svg style="display:block;width:100%;height:auto"', 1)
        inline = inline[: match.start()] + tag + inline[match.end() :]
    frame = (
        f'<div class="lifeevents-map" style="max-height:{_MAX_HEIGHT};overflow:auto;'
        'border:1px solid #ccc">'
        f'<div style="width:100%;min-width:{readable}px">{inline}</div></div>'
    )
    note = escape(words(lang)["jupyter.scroll_hint"])
    return f'{frame}\n<p style="font-size:smaller;color:#555">{note}</p>'


def journey_bundle(trip: Journey, wanted: Wanted = lambda _: True) -> MimeBundle:
    """The blueprint fitted to the notebook (HTML); the bare SVG for a front end without HTML.

    Parameters
    ----------
    trip : Journey
        The journey to show.
    wanted : callable, optional
        Whether a MIME type was asked for; nothing is drawn when neither
        ``text/html`` nor ``image/svg+xml`` is wanted.

    Returns
    -------
    MimeBundle
        ``{"text/html": ...}`` (see :func:`fitted_map_html`), or
        ``image/svg+xml`` when the front end asks for SVG but not HTML (one copy
        of the map, never two); without Graphviz a line that says so.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> journey_bundle(journey(loads(DEMO_YAML)), lambda kind: kind == "text/plain")
    {}
    """
    html, bare = wanted("text/html"), wanted("image/svg+xml")
    if not (html or bare):
        return {}
    svg = _svg(analyze(trip))
    if svg is None:
        note = escape(words(DEFAULT_LANGUAGE)["jupyter.no_graphviz"])
        return {"text/html": f"<p><em>{note}</em></p>"} if html else {}
    bundle: MimeBundle = {}
    if html:
        bundle["text/html"] = fitted_map_html(svg)
    elif bare:
        bundle["image/svg+xml"] = svg
    return bundle


def report_bundle(report: Report, wanted: Wanted = lambda _: True) -> MimeBundle:
    """A compact summary: title, the key figures once, the findings, and how to see the map.

    Parameters
    ----------
    report : Report
        The analysed journey to show.
    wanted : callable, optional
        Whether a MIME type was asked for.

    Returns
    -------
    MimeBundle
        ``text/html`` (no map: a few kilobytes) and ``text/plain`` (the text report).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> bundle = report_bundle(analyze(journey(loads(DEMO_YAML), "mit-auto")))
    >>> "<h5>Befunde</h5>" in bundle["text/html"], "<svg" in bundle["text/html"]
    (True, False)
    >>> sorted(report_bundle(analyze(journey(loads(DEMO_YAML))), lambda kind: False))
    []
    """
    lang: Language = DEFAULT_LANGUAGE
    bundle: MimeBundle = {}
    if wanted("text/html"):
        bundle["text/html"] = _summary_html(report, lang)
    if wanted("text/plain"):
        bundle["text/plain"] = format_report(report, lang)
    return bundle


def _summary_html(report: Report, lang: Language) -> str:
    catalogue = words(lang)
    names = DisplayNames(report, lang)
    title = f"{names.life_event()} · {catalogue['persona']}: {names.persona()}"
    municipality = names.municipality()
    if municipality is not None:
        title += f" · {catalogue['municipality']}: {municipality}"
    rows = "".join(
        f"<tr><th style='text-align:left'>{escape(name)}</th><td>{escape(value)}</td></tr>"
        for name, value in summary_rows(report, lang)
    )
    items = "".join(
        f"<li>{escape(item.text)}</li>"
        for item in [*findings(report, lang), *opportunities(report, lang)]
    )
    hint = escape(catalogue["jupyter.map_hint"]).format(
        call="<code>report.journey</code>",
        save="<code>lifeevents.save(report, &quot;karte.html&quot;)</code>",
    )
    parts = [
        f"<h4>{escape(title)}</h4>",
        f"<table>{rows}</table>",
        f"<h5>{escape(catalogue['findings'])}</h5><ul>{items}</ul>" if items else "",
        f"<p>{hint}</p>",
    ]
    return "\n".join(part for part in parts if part)


register(Journey, journey_bundle)
register(Report, report_bundle)
