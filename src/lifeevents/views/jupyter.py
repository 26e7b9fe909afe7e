"""Jupyter display of journeys (the map) and reports (figures table, map, findings).

Registered with :mod:`lifeevents.graph.display` when :mod:`lifeevents.views` is
imported. When Graphviz is missing, objects show as text and say why.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> bundle = report_bundle(analyze(journey(loads(DEMO_YAML))))
>>> sorted(bundle), "<h4>Umzug · Persona: default</h4>" in bundle["text/html"]
(['text/html', 'text/plain'], True)
"""

from __future__ import annotations

from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import GraphvizNotFoundError
from lifeevents.graph.display import MimeBundle, register
from lifeevents.graph.journey import Journey
from lifeevents.text.findings import findings, opportunities
from lifeevents.text.labels import Language, words
from lifeevents.text.report import format_report, summary_rows
from lifeevents.views.api import render_content
from lifeevents.views.escape.html import escape
from lifeevents.views.options import RenderOptions

__all__ = ["journey_bundle", "report_bundle"]


def _svg(report: Report) -> str | None:
    try:
        image = render_content(report, "svg", RenderOptions())
    except GraphvizNotFoundError:
        return None
    return image if isinstance(image, str) else image.decode("utf-8")


def journey_bundle(trip: Journey) -> MimeBundle:
    """The blueprint map as SVG (nothing extra when Graphviz is missing).

    Parameters
    ----------
    trip : Journey
        The journey to show.

    Returns
    -------
    MimeBundle
        ``{"image/svg+xml": svg}``, or nothing without Graphviz.

    Examples
    --------
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> set(journey_bundle(journey(loads(DEMO_YAML)))) <= {"image/svg+xml"}
    True
    """
    svg = _svg(analyze(trip))
    return {"image/svg+xml": svg} if svg is not None else {}


def report_bundle(report: Report) -> MimeBundle:
    """The key figures as an HTML table, the map, and the findings; plus the text report.

    Parameters
    ----------
    report : Report
        The analysed journey to show.

    Returns
    -------
    MimeBundle
        ``text/html`` (figures, map, findings) and ``text/plain`` (the text report).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> bundle = report_bundle(analyze(journey(loads(DEMO_YAML), "mit-auto")))
    >>> "<h5>Befunde</h5>" in bundle["text/html"]
    True
    """
    lang: Language = "de"
    catalogue = words(lang)
    rows = "".join(
        f"<tr><th style='text-align:left'>{escape(name)}</th><td>{escape(value)}</td></tr>"
        for name, value in summary_rows(report, lang)
    )
    items = "".join(
        f"<li>{escape(item.text)}</li>"
        for item in [*findings(report, lang), *opportunities(report, lang)]
    )
    svg = _svg(report)
    parts = [
        f"<h4>{escape(report.journey.life_event.name)} · "
        f"{escape(catalogue['persona'])}: {escape(report.journey.persona_id)}</h4>",
        f"<table>{rows}</table>",
        svg or "<p><em>Graphviz (dot) is not installed: no map.</em></p>",
        f"<h5>{escape(catalogue['findings'])}</h5><ul>{items}</ul>" if items else "",
    ]
    return {"text/html": "\n".join(parts), "text/plain": format_report(report, lang)}


register(Journey, journey_bundle)
register(Report, report_bundle)
