"""The words around a blueprint: its title, the key figures, and the text alternative.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.options import RenderOptions
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> titles(RenderOptions(), Wording.of(report))
('Umzug · Blueprint', 'Persona: Mit Auto')
>>> figures(report, Wording.of(report, "en"))[:3]
[('Steps', '4'), ('Visits (as modelled)', '3'), ('Visits (minimum)', '2')]
"""

from __future__ import annotations

from lifeevents.analysis.report import Report
from lifeevents.text.findings import findings
from lifeevents.views.options import RenderOptions
from lifeevents.views.wording import Wording

__all__ = ["description", "figures", "titles"]


def titles(options: RenderOptions, wording: Wording) -> tuple[str, str]:
    """The map's title (life event, or the options' title) and the line below it.

    Parameters
    ----------
    options : RenderOptions
        ``options.title`` replaces the title.
    wording : Wording
        The words and names of the render.

    Returns
    -------
    tuple[str, str]
        The title and the subtitle (persona and municipality).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> wording = Wording.of(analyze(journey(loads(DEMO_YAML))))
    >>> titles(RenderOptions(title="Mein Umzug"), wording)
    ('Mein Umzug', 'Persona: Grundfall')
    """
    title = options.title or f"{wording.names.life_event()} · {wording.words['blueprint.title']}"
    return title, " · ".join(wording.persona_parts())


def figures(report: Report, wording: Wording) -> list[tuple[str, str]]:
    """The key figures in the title: (name, value) pairs.

    Parameters
    ----------
    report : Report
        The analysed journey.
    wording : Wording
        The words of the render.

    Returns
    -------
    list[tuple[str, str]]
        Steps, visits as modelled and at the minimum, handovers, media breaks,
        once-only violations, duration and deadlines at risk.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> dict(figures(report, Wording.of(report)))["Bürger als Bote (Behördenwechsel)"]
    '1'
    """
    words = wording.words
    visits = report.visits
    minimum = str(visits.minimum)
    if not visits.minimum_exact:
        minimum += f" ({words['heuristic']})"
    return [
        (words["steps"], str(report.steps)),
        (words["visits_modelled"], str(visits.as_modelled)),
        (words["visits_minimum"], minimum),
        (words["authority_handovers"], str(len(report.authority_handovers))),
        (words["media_breaks"], str(len(report.media_breaks))),
        (words["once_only"], str(len(report.once_only_violations))),
        (words["duration"], str(report.schedule.duration_days)),
        (words["deadlines"], str(len(report.schedule.deadlines_at_risk))),
    ]


def description(report: Report, wording: Wording) -> str:
    """The map in words (its text alternative): the key figures, then the findings.

    Parameters
    ----------
    report : Report
        The analysed journey.
    wording : Wording
        The words of the render.

    Returns
    -------
    str
        One figure per line, a blank line, then the findings as a list.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> print(description(report, Wording.of(report, "en")).splitlines()[9])
    Findings:
    """
    lines = [f"{name}: {value}" for name, value in figures(report, wording)]
    found = findings(report, wording.lang)
    lines += ["", f"{wording.words['findings']}:"]
    lines += [f"- {item.text}" for item in found] or [wording.words["blueprint.no_findings"]]
    return "\n".join(lines)
