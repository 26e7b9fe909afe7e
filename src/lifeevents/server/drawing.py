"""Drawing a completed choice: the map, the figures and the findings, and the interactive page."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass

from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import LifeeventsError
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.scenario import Scenario
from lifeevents.scenarios import apply_scenarios
from lifeevents.server.choice import Choice, Prepared, prepare
from lifeevents.server.workspace import Files, Workspace
from lifeevents.text.findings import FindingKind, findings, opportunities
from lifeevents.text.labels import Language, label
from lifeevents.text.names import DisplayNames
from lifeevents.text.report import summary_rows
from lifeevents.views.api import render
from lifeevents.views.diff import diff_svg

__all__ = [
    "Shown",
    "draw",
    "interactive_page",
    "model_name",
    "svg_element",
]

# Finding sections in the order of the text report and the HTML view.
_SECTIONS = (
    (FindingKind.AUTHORITY_HANDOVER, "authority_handovers"),
    (FindingKind.MEDIA_BREAK, "media_breaks"),
    (FindingKind.ONCE_ONLY, "once_only"),
    (FindingKind.DEADLINE, "deadlines"),
)


@dataclass(frozen=True)
class Shown:
    """A good drawing: the map with its figures and findings.

    Made by :func:`outcome` for a valid choice; :func:`~lifeevents.server.page.main_page`
    shows it.

    Attributes
    ----------
    title : str
        The journey's name.
    subtitle : str
        Persona, municipality and scenarios, in words.
    svg : str
        The ``<svg>`` element of the map (:func:`svg_element`).
    figures : tuple of (str, str, str or None)
        (label, today, with the scenarios or ``None``) per figure.
    findings : tuple of (str, tuple of str)
        (heading, sentences) per kind of finding, then the opportunities.
    notes : tuple of str
        Notes above the map (a scenario that does not apply).
    drawn_at : str
        When it was drawn (local time, ``HH:MM:SS``).
    asks_origin, asks_event_place : bool
        Whether the journey has offices of the municipality left, or of the
        event's place (the form then asks for them).

    Examples
    --------
    >>> shown = Shown("Umzug", "Persona: default", "<svg></svg>",
    ...               figures=(("Besuche", "2", "1"),), findings=())
    >>> [(name, today, changed) for name, today, changed in shown.figures if today != changed]
    [('Besuche', '2', '1')]
    """

    title: str
    subtitle: str
    #: The ``<svg>`` element of the map (no XML prolog, no comments).
    svg: str
    #: (label, today, with the scenarios or ``None``) per figure.
    figures: tuple[tuple[str, str, str | None], ...]
    #: (heading, sentences) per kind of finding, then the opportunities.
    findings: tuple[tuple[str, tuple[str, ...]], ...]
    notes: tuple[str, ...] = ()
    #: When it was drawn (local time, ``HH:MM:SS``).
    drawn_at: str = ""
    #: Whether the journey has offices of the municipality left, or of the event's place.
    asks_origin: bool = False
    asks_event_place: bool = False


def interactive_page(
    files: Files, choice: Choice, lang: Language, workspace: Workspace
) -> str | None:
    """The interactive HTML view of the choice (:func:`lifeevents.render` as ``html``).

    Parameters
    ----------
    files : Files
        The files, checked.
    choice : Choice
        What the page asks for (the ``journey`` view, else the blueprint).
    lang : {"de", "en"}
        The language of the words.
    workspace : Workspace
        The folder.

    Returns
    -------
    str or None
        The page (drawn with Graphviz); ``None`` when the files have problems
        (the main page shows them) or the journey cannot be drawn.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> workspace = Workspace(root, Path("workshop"))
    >>> _ = (root / "umzug.yaml").write_text(DEMO_YAML, encoding="utf-8")
    >>> _ = workspace.files(scan(root))
    >>> broken = DEMO_YAML.replace("channels: [online]", "channels: [fax]")
    >>> _ = (root / "umzug.yaml").write_text(broken, encoding="utf-8")
    >>> files = workspace.files(scan(root))
    >>> interactive_page(files, Choice(), "en", workspace) is None
    True
    >>> folder.cleanup()
    """
    prepared = prepare(files, choice, workspace)
    if prepared is None or prepared.errors or prepared.entry.life_event is None:
        return None
    try:
        analysed = _analysed(prepared, files, lang)
        view = "journey" if prepared.choice.view == "journey" else "blueprint"
        return render(analysed.changed or analysed.today, "html", view=view, lang=lang)
    except LifeeventsError:
        return None


@dataclass(frozen=True)
class _Analysed:
    today: Report
    changed: Report | None
    applied: tuple[str, ...]
    notes: tuple[str, ...]


def _analysed(prepared: Prepared, files: Files, lang: Language) -> _Analysed:
    """Apply the scenarios and analyse, today and with them; raises the library's errors."""
    life_event = prepared.entry.life_event
    assert life_event is not None  # only valid journeys are analysed
    choice = prepared.choice
    scenarios = [item.scenario for item in prepared.scenarios if item.scenario is not None]
    by_id = {scenario.id: scenario for scenario in scenarios}
    applied = apply_scenarios(life_event, scenarios, regions=files.region_models)

    def analysed(event: LifeEvent) -> Report:
        return analyze(
            journey(
                event,
                choice.persona or "default",
                municipality=choice.municipality,
                origin=choice.origin,
                region=prepared.region,
                event_place=choice.event_place,
            )
        )

    return _Analysed(
        today=analysed(life_event),
        changed=analysed(applied.life_event) if applied.applied else None,
        applied=tuple(model_name(by_id[item], lang) for item in applied.applied),
        notes=tuple(
            label("serve.not_applied", lang).format(scenario=model_name(by_id[item], lang))
            for item in applied.not_applied
        ),
    )


def draw(prepared: Prepared, files: Files, lang: Language) -> Shown:
    """The map, figures and findings of a valid choice; raises the library's errors.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.server.paths import scan
    >>> from lifeevents.server.workspace import Workspace
    >>> folder = tempfile.TemporaryDirectory()
    >>> root = Path(folder.name).resolve()
    >>> _ = (root / "umzug.yaml").write_text(DEMO_YAML, encoding="utf-8")
    >>> workspace = Workspace(root, Path("workshop"))
    >>> files = workspace.files(scan(root))
    >>> shown = draw(prepare(files, Choice(), workspace), files, "en")
    >>> shown.svg.startswith("<svg"), len(shown.figures) > 3
    (True, True)
    >>> folder.cleanup()
    """
    analysed = _analysed(prepared, files, lang)
    today, changed = analysed.today, analysed.changed
    report = changed or today
    if prepared.choice.view == "diff" and changed is not None:
        svg = diff_svg(today, changed, lang)
    else:
        view = "journey" if prepared.choice.view == "journey" else "blueprint"
        svg = render(report, "svg", view=view, lang=lang)
    names = DisplayNames(report, lang)
    subtitle = [f"{label('persona', lang)}: {names.persona()}"]
    municipality = names.municipality()
    if municipality:
        subtitle.append(f"{label('municipality', lang)}: {municipality}")
    if analysed.applied:
        subtitle.append(f"{label('scenarios', lang)}: {', '.join(analysed.applied)}")
    rows_changed = summary_rows(changed, lang) if changed is not None else None
    figures = tuple(
        (name, value, rows_changed[index][1] if rows_changed is not None else None)
        for index, (name, value) in enumerate(summary_rows(today, lang))
    )
    return Shown(
        title=names.life_event(),
        subtitle=" · ".join(subtitle),
        svg=svg_element(svg),
        figures=figures,
        findings=_findings(report, lang),
        notes=analysed.notes,
        drawn_at=time.strftime("%H:%M:%S"),
        asks_origin=today.journey.uses_origin,
        asks_event_place=today.journey.uses_event_place,
    )


def model_name(model: LifeEvent | Scenario, lang: Language) -> str:
    """The name of a journey or scenario in ``lang`` (English where the file gives it).

    Parameters
    ----------
    model : LifeEvent or Scenario
        The journey or scenario.
    lang : {"de", "en"}
        The language asked for.

    Returns
    -------
    str
        ``name_en`` for English where the file gives one, else ``name``.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.formats.scenario_file import load_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> model_name(loads(DEMO_YAML), "en")
    'Umzug'
    >>> model_name(load_scenario("ewa"), "en")
    'Electronic residence registration (eWA)'
    """
    if isinstance(model, LifeEvent):
        info = model.life_event
        return info.name_en if lang == "en" and info.name_en else info.name
    return model.name_en if lang == "en" and model.name_en else model.name


def _findings(report: Report, lang: Language) -> tuple[tuple[str, tuple[str, ...]], ...]:
    found = findings(report, lang)
    sections = [
        (label(key, lang), tuple(item.text for item in found if item.kind is kind))
        for kind, key in _SECTIONS
    ]
    sections.append(
        (label("opportunities", lang), tuple(item.text for item in opportunities(report, lang)))
    )
    return tuple((heading, texts) for heading, texts in sections if texts)


_SVG_START = re.compile(r"<svg[\s>]", re.IGNORECASE)
# XML comments cannot contain "--", so the first "-->" ends one in XML and HTML alike.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def svg_element(svg: str) -> str:
    """The ``<svg>`` element of an SVG document, to put inside HTML: no XML declaration,
    no doctype, no comments (Graphviz writes node names into them).

    Parameters
    ----------
    svg : str
        An SVG document, as Graphviz writes it.

    Returns
    -------
    str
        From ``<svg`` on, without comments; empty when there is no ``<svg>``.

    Examples
    --------
    >>> svg_element('<?xml version="1.0"?>\\n<!-- a --><svg><!-- b --><g/></svg>\\n')
    '<svg><g/></svg>'
    """
    match = _SVG_START.search(svg)
    return _COMMENT.sub("", svg[match.start() :]).strip() if match else ""
