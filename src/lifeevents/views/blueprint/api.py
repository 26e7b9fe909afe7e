"""The public functions of the blueprint view: its DOT text, engine, title and text alternative.

Each function builds the words and names of its render once
(:class:`~lifeevents.views.wording.Wording`) and hands them down.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> blueprint_engine(report), blueprint_title(report)
('dot', 'Umzug · Blueprint · Persona: Mit Auto')
"""

from __future__ import annotations

from typing import Literal

from lifeevents.analysis.report import Report
from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.titles import description, titles
from lifeevents.views.blueprint.writer import write_source
from lifeevents.views.density import too_dense_for_dot
from lifeevents.views.graphviz_output import Format, render_graphviz
from lifeevents.views.options import DEFAULT_OPTIONS, SFDP_THRESHOLD, RenderOptions
from lifeevents.views.wording import Wording

__all__ = [
    "blueprint_description",
    "blueprint_engine",
    "blueprint_source",
    "blueprint_title",
    "render_blueprint",
]


def blueprint_engine(
    report: Report, options: RenderOptions = DEFAULT_OPTIONS
) -> Literal["dot", "sfdp"]:
    """The Graphviz engine for this blueprint: ``dot``, or ``sfdp`` above the size limit.

    Above :data:`~lifeevents.views.options.SFDP_THRESHOLD` steps, or when the
    dependencies are too dense for ``dot`` (see :mod:`lifeevents.views.density`),
    ``dot`` takes minutes; :func:`blueprint_source` then writes a graph for ``sfdp``,
    without lanes and columns (which ``sfdp`` cannot draw): the level shows as the fill.

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions, optional
        Not used; taken so that every blueprint function has the same parameters.

    Returns
    -------
    {"dot", "sfdp"}
        The layout engine to run.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> blueprint_engine(analyze(journey(loads(DEMO_YAML))))
    'dot'
    """
    if report.steps > SFDP_THRESHOLD or too_dense_for_dot(report.journey.graph):
        return "sfdp"
    return "dot"


def blueprint_title(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The map's title as plain text: life event, persona, municipality.

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions, optional
        The language, and a title to use instead of the life event's name.

    Returns
    -------
    str
        Title and subtitle on one line.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> blueprint_title(report, RenderOptions(lang="en", title="Moving"))
    'Moving · Persona: base case'
    """
    return _title(options, Wording.of(report, options.lang))


def blueprint_description(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The map in words (its text alternative): the key figures, then the findings.

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions, optional
        The language.

    Returns
    -------
    str
        One key figure per line, a blank line, and the findings as a list.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> print(blueprint_description(report).splitlines()[2])
    Besuche (Minimum): 2
    """
    return description(report, Wording.of(report, options.lang))


def render_blueprint(
    report: Report, fmt: Format = "svg", options: RenderOptions = DEFAULT_OPTIONS
) -> bytes:
    """The blueprint drawn by Graphviz; SVG gets the title and the text alternative.

    Parameters
    ----------
    report : Report
        The analysed journey.
    fmt : {"svg", "png", "pdf"}, default "svg"
        The image format.
    options : RenderOptions, optional
        How to draw it (see :func:`blueprint_source`).

    Returns
    -------
    bytes
        The image; the same input gives the same bytes.

    Raises
    ------
    GraphvizNotFoundError
        When Graphviz's ``dot`` is not installed.
    GraphvizError
        When Graphviz fails.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> svg = render_blueprint(analyze(journey(loads(DEMO_YAML))))  # doctest: +SKIP
    >>> b'<title id="map-title">Umzug · Blueprint' in svg  # doctest: +SKIP
    True
    """
    wording = Wording.of(report, options.lang)
    engine = blueprint_engine(report, options)
    return render_graphviz(
        write_source(Drawing.of(report, options, wording, sfdp=engine == "sfdp")),
        fmt,
        engine=engine,
        title=_title(options, wording),
        description=description(report, wording),
    )


def blueprint_source(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The blueprint of a report as Graphviz DOT text, for the engine of :func:`blueprint_engine`.

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions, optional
        The language, the direction (``LR``: lanes top to bottom and columns
        left to right; ``TB``: lanes left to right), which findings are
        highlighted, the title, and the compact style (automatic above
        :data:`~lifeevents.views.options.COMPACT_THRESHOLD` steps: smaller
        type, evidence names in tooltips instead of on the edges).

    Returns
    -------
    str
        The DOT text, ending in a line break.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> source = blueprint_source(report, RenderOptions(lang="en"))
    >>> source.splitlines()[0]
    'digraph blueprint {'
    >>> 'id="lane-gemeinde"' in source, "Municipality" in source, "2 · Danach" in source
    (True, True, True)
    >>> "&lt;anmelden&gt; &amp;" in source  # an HTML-like label: escaped
    True
    >>> 'tooltip="Wohnsitz <anmelden> & bestätigen' in source  # a DOT string: Graphviz escapes it
    True
    >>> print(next(line for line in source.splitlines() if line.startswith('  "step-0" ->')))
    ... # doctest: +ELLIPSIS
      "step-0" -> "step-1" [id="edge-0-1", class="dependency precedence", ...]
    """
    wording = Wording.of(report, options.lang)
    sfdp = blueprint_engine(report, options) == "sfdp"
    return write_source(Drawing.of(report, options, wording, sfdp=sfdp))


def _title(options: RenderOptions, wording: Wording) -> str:
    title, subtitle = titles(options, wording)
    return f"{title} · {subtitle}"
