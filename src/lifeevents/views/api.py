"""``render()`` returns a drawing, ``save()`` writes it: both pick the view's renderer and format.

Formats by file suffix (or given by name): ``svg`` (default), ``png``, ``pdf``,
``dot`` and ``html`` for the blueprint and journey-map views, ``mmd``
(Mermaid) for both, and ``md`` or ``html`` for the checklist view. Files are
written atomically: an error never leaves a half-written file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Literal, overload

from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import GraphvizError, InputError, UnsupportedFormatError
from lifeevents.formats.atomic import write_atomic
from lifeevents.graph.journey import Journey
from lifeevents.model.problems import Problem
from lifeevents.text.labels import LANGUAGES, Language
from lifeevents.views.blueprint import (
    blueprint_description,
    blueprint_engine,
    blueprint_source,
    blueprint_title,
)
from lifeevents.views.checklist import checklist_html, checklist_markdown
from lifeevents.views.graphviz_output import render_graphviz
from lifeevents.views.html import interactive_html
from lifeevents.views.journey_map import journey_map_source
from lifeevents.views.mermaid import generate_code
from lifeevents.views.options import Direction, Highlight, Paper, RenderOptions, View
from lifeevents.views.paper import paper_pdf

__all__ = [
    "FORMATS",
    "drawing_problem",
    "render",
    "render_content",
    "render_to_file",
    "save",
]

#: Formats each view can be written in.
FORMATS: dict[View, tuple[str, ...]] = {
    View.BLUEPRINT: ("svg", "png", "pdf", "dot", "mmd", "html"),
    View.JOURNEY: ("svg", "png", "pdf", "dot", "mmd", "html"),
    View.CHECKLIST: ("md", "html"),
}
_ALL_FORMATS = frozenset(name for names in FORMATS.values() for name in names)


def render_content(report: Report, fmt: str, options: RenderOptions) -> str | bytes:
    """The rendered map as text (svg, dot, mmd, html, md) or bytes (png, pdf).

    The one place that picks the renderer of a view and format; :func:`render` and
    :func:`render_to_file` check their arguments, then call it.

    Parameters
    ----------
    report : Report
        The analysed journey.
    fmt : str
        A format of :data:`FORMATS` for the options' view.
    options : RenderOptions
        The view, language, direction, highlights and layout.

    Returns
    -------
    str or bytes
        Text for ``svg``, ``dot``, ``mmd``, ``html`` and ``md``; bytes for ``png``
        and ``pdf``.

    Raises
    ------
    lifeevents.errors.UnsupportedFormatError
        For a format the view cannot be written in.
    lifeevents.errors.InputError
        When Graphviz cannot draw the journey (located at its life event).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> render_content(report, "mmd", RenderOptions(direction="TB")).splitlines()[0]
    'flowchart TB'
    >>> render_content(report, "md", RenderOptions(view=View.CHECKLIST)).splitlines()[0]
    '# Checkliste: Umzug'
    >>> render_content(report, "md", RenderOptions())
    Traceback (most recent call last):
    ...
    lifeevents.errors.UnsupportedFormatError: the blueprint view cannot be written as 'md'; \
formats: svg, png, pdf, dot, mmd, html
    """
    if fmt not in FORMATS[options.view]:
        allowed = ", ".join(FORMATS[options.view])
        raise UnsupportedFormatError(
            f"the {options.view.value} view cannot be written as '{fmt}'; formats: {allowed}"
        )
    if options.paper is not None:
        if fmt != "pdf":
            raise UnsupportedFormatError(
                f"a paper size ({options.paper.value}) is for PDF output, not '{fmt}'"
            )
        return paper_pdf(report, options, _image)
    if options.view is View.CHECKLIST:
        return (
            checklist_markdown(report, options) if fmt == "md" else checklist_html(report, options)
        )
    if fmt == "mmd":
        return generate_code(
            report, direction=options.direction, lang=options.lang, view=options.view
        )
    if fmt == "dot":
        return _source(report, options)
    if fmt == "html":
        return interactive_html(report, _image(report, options, "svg").decode("utf-8"), options)
    image = _image(report, options, fmt)
    return image.decode("utf-8") if fmt == "svg" else image


def _source(report: Report, options: RenderOptions) -> str:
    return (
        blueprint_source(report, options)
        if options.view is View.BLUEPRINT
        else journey_map_source(report, options)
    )


def _image(report: Report, options: RenderOptions, fmt: str) -> bytes:
    """The blueprint or journey map drawn by Graphviz as svg, png or pdf."""
    image_format: Literal["svg", "png", "pdf"] = "png" if fmt == "png" else "svg"
    if fmt == "pdf":
        image_format = "pdf"
    try:
        return render_graphviz(
            _source(report, options),
            image_format,
            engine=blueprint_engine(report, options) if options.view is View.BLUEPRINT else "dot",
            title=blueprint_title(report, options),
            # The text alternative (key figures and findings) fits both views.
            description=blueprint_description(report, options),
        )
    except GraphvizError as error:
        problem = drawing_problem(report, f"Graphviz could not draw it: {error}")
        raise InputError([problem]) from None


def drawing_problem(report: Report, message: str) -> Problem:
    """A problem drawing a journey, located at the life event of its file.

    Parameters
    ----------
    report : Report
        The analysed journey that could not be drawn.
    message : str
        What went wrong.

    Returns
    -------
    Problem
        At the ``life_event:`` of the journey's file, naming the persona; at
        ``<id>:1:1`` for a journey built in code.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML, "umzug.yaml"), "mit-auto"))
    >>> print(drawing_problem(report, "Graphviz could not draw it: syntax error"))
    umzug.yaml:2:13: persona 'mit-auto': Graphviz could not draw it: syntax error
    """
    life_event = report.journey.life_event
    text = f"persona '{report.journey.persona_id}': {message}"
    source = life_event.source
    if source is None:
        return Problem(f"<{life_event.id}>", 1, 1, text)
    return source.problem(("life_event",), text)


def render_to_file(report: Report, path: str | os.PathLike[str], options: RenderOptions) -> Path:
    """Write the map to ``path``; the suffix names the format. Returns the path.

    The file is written atomically: an error never leaves a half-written file.

    Parameters
    ----------
    report : Report
        The analysed journey.
    path : str or os.PathLike
        The file; its suffix (``.svg``, ``.png``, ``.pdf``, ``.dot``, ``.mmd``,
        ``.html``, ``.md``) names the format.
    options : RenderOptions
        The view, language, direction, highlights and layout.

    Returns
    -------
    pathlib.Path
        The path written.

    Raises
    ------
    lifeevents.errors.UnsupportedFormatError
        For a suffix that names no format, or one the view cannot be written in.
    OSError
        When the file cannot be written (naming the file asked for).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> options = RenderOptions(view=View.CHECKLIST, lang="en")
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = render_to_file(report, Path(folder) / "umzug.md", options)
    ...     print(written.name, written.read_text(encoding="utf-8").splitlines()[0])
    umzug.md # Checklist: Umzug
    >>> render_to_file(report, "umzug.txt", options)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.UnsupportedFormatError: cannot tell the format of 'umzug.txt' from its ...
    """
    target = Path(path)
    fmt = target.suffix.lstrip(".").lower()
    if fmt not in _ALL_FORMATS:
        raise UnsupportedFormatError(
            f"cannot tell the format of '{target}' from its suffix; use one of: "
            + ", ".join(f".{name}" for name in sorted(_ALL_FORMATS))
        )
    content = render_content(report, fmt, options)
    try:
        write_atomic(target, content)
    except OSError as error:
        # Name the file asked for, not the temporary file next to it.
        raise OSError(error.errno, error.strerror, os.fspath(target)) from None
    return target


#: Formats :func:`render` returns as bytes; every other format is text.
BinaryFormat = Literal["png", "pdf"]
#: Formats :func:`render` returns as text.
TextFormat = Literal["svg", "dot", "mmd", "html", "md"]


@overload
def render(
    subject: Journey | Report,
    fmt: BinaryFormat,
    *,
    view: View | str | None = ...,
    lang: Language | None = ...,
    direction: Direction | None = ...,
    highlight: Iterable[Highlight | str] | None = ...,
    compact: bool | None = ...,
    paper: Paper | str | None = ...,
) -> bytes: ...


@overload
def render(
    subject: Journey | Report,
    fmt: TextFormat = ...,
    *,
    view: View | str | None = ...,
    lang: Language | None = ...,
    direction: Direction | None = ...,
    highlight: Iterable[Highlight | str] | None = ...,
    compact: bool | None = ...,
    paper: Paper | str | None = ...,
) -> str: ...


def render(
    subject: Journey | Report,
    fmt: str = "svg",
    *,
    view: View | str | None = None,
    lang: Language | None = None,
    direction: Direction | None = None,
    highlight: Iterable[Highlight | str] | None = None,
    compact: bool | None = None,
    paper: Paper | str | None = None,
) -> str | bytes:
    """Draw a journey (or an analysed report) and return the drawing.

    Parameters
    ----------
    subject : Journey or Report
        What to draw; a journey is analysed first.
    fmt : str
        ``"svg"`` (default), ``"dot"``, ``"mmd"`` (Mermaid), ``"html"`` or ``"md"``
        (text), ``"png"`` or ``"pdf"`` (bytes). The checklist view takes ``"md"``
        and ``"html"``.
    view : {"blueprint", "journey", "checklist"}, optional
        The service blueprint (lanes of actors, the default), the journey map
        (stages and emotions) or the citizen's checklist.
    lang : {"de", "en"}, optional
        The language of every word on the map (default German).
    direction : {"LR", "TB"}, optional
        Left to right (default) or top to bottom.
    highlight : list of str, optional
        Which findings to mark (default: all of :class:`Highlight`).
    compact : bool, optional
        Force (or forbid) the compact layout of large journeys.
    paper : {"A4", "A3", "A2"}, optional
        For ``"pdf"``: print on this paper, landscape. One page scaled to fit
        while the step names stay at least 7 pt high, else pages of whole
        stages (each with its lane headers and a header: journey, persona,
        page *i* of *n*) after an index page that lists which stage is on which
        page. Without it the PDF is one page of the drawing's own size.

    Returns
    -------
    str or bytes
        Text for text formats, bytes for ``png`` and ``pdf``. To write a file,
        use :func:`save`.

    Examples
    --------
    >>> import lifeevents
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = lifeevents.journey(lifeevents.loads(DEMO_YAML), "mit-auto")
    >>> lifeevents.render(trip, "mmd").splitlines()[0]
    'flowchart LR'
    """
    options = _options("render", subject, view, lang, direction, highlight, compact, paper)
    if isinstance(fmt, os.PathLike) or (isinstance(fmt, str) and ("." in fmt or "/" in fmt)):
        raise TypeError(
            f"render() returns the drawing; to write the file {os.fspath(fmt)!r} "
            "use lifeevents.save(subject, path)"
        )
    if not isinstance(fmt, str) or fmt not in _ALL_FORMATS:
        raise UnsupportedFormatError(
            f"unknown format {fmt!r}; formats: {', '.join(sorted(_ALL_FORMATS))}"
        )
    return render_content(_report(subject), fmt, options)


def save(
    subject: Journey | Report,
    path: str | os.PathLike[str],
    *,
    view: View | str | None = None,
    lang: Language | None = None,
    direction: Direction | None = None,
    highlight: Iterable[Highlight | str] | None = None,
    compact: bool | None = None,
    paper: Paper | str | None = None,
) -> Path:
    """Draw a journey (or an analysed report) into a file, atomically.

    Parameters
    ----------
    subject : Journey or Report
        What to draw; a journey is analysed first.
    path : str or os.PathLike
        The file; its suffix names the format (``.svg``, ``.png``, ``.pdf``,
        ``.dot``, ``.mmd``, ``.html``, ``.md``). An error never leaves a
        half-written file, and the file gets the usual permissions (umask).
    view, lang, direction, highlight, compact, paper
        As for :func:`render` (``paper`` needs a ``.pdf`` file).

    Returns
    -------
    pathlib.Path
        The path written.

    Examples
    --------
    >>> import lifeevents, tempfile, pathlib
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> trip = lifeevents.journey(lifeevents.loads(DEMO_YAML))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     written = lifeevents.save(trip, pathlib.Path(folder) / "umzug.mmd")
    ...     written.name, written.read_text(encoding="utf-8").startswith("flowchart")
    ('umzug.mmd', True)
    """
    if not isinstance(path, str | os.PathLike):
        raise TypeError(f"save() writes to a file path, not {type(path).__name__}")
    options = _options("save", subject, view, lang, direction, highlight, compact, paper)
    return render_to_file(_report(subject), path, options)


def _options(
    caller: str,
    subject: object,
    view: View | str | None,
    lang: Language | None,
    direction: Direction | None,
    highlight: Iterable[Highlight | str] | None,
    compact: bool | None,
    paper: Paper | str | None = None,
) -> RenderOptions:
    if not isinstance(subject, Journey | Report):
        raise TypeError(
            f"{caller}() draws a Journey or a Report, not {type(subject).__name__}; make one "
            "with lifeevents.journey(lifeevents.load('geburt'), 'default')"
        )
    # An option not given keeps RenderOptions' default: the one source of defaults.
    given: dict[str, Any] = {}
    if view is not None:
        given["view"] = _choice("view", view, View)
    if lang is not None:
        given["lang"] = _checked("lang", lang, LANGUAGES)
    if direction is not None:
        given["direction"] = _checked("direction", direction, ("LR", "TB"))
    if highlight is not None:
        given["highlight"] = _highlights(highlight)
    if paper is not None:
        given["paper"] = _paper(paper)
    return RenderOptions(**given, compact=_optional_bool("compact", compact))


def _paper(value: object) -> Paper:
    if isinstance(value, str) and value.upper() in Paper.__members__:
        return Paper(value.upper())
    allowed = ", ".join(item.value for item in Paper)
    raise ValueError(f"unknown paper {value!r}; choose one of: {allowed} (landscape)")


def _report(subject: Journey | Report) -> Report:
    return subject if isinstance(subject, Report) else analyze(subject)


def _choice(name: str, value: object, kind: type[View]) -> View:
    if isinstance(value, kind):
        return value
    try:
        if not isinstance(value, str):
            raise ValueError
        return kind(value)
    except ValueError:
        allowed = ", ".join(item.value for item in kind)
        raise ValueError(f"unknown {name} {value!r}; choose one of: {allowed}") from None


def _checked(name: str, value: Any, allowed: Iterable[str]) -> Any:
    choices = tuple(allowed)
    if value not in choices:
        raise ValueError(f"unknown {name} {value!r}; choose one of: {', '.join(choices)}")
    return value


def _highlights(items: Iterable[Highlight | str]) -> frozenset[Highlight]:
    if isinstance(items, str):
        raise TypeError(
            "highlight takes a list of findings, e.g. ['visits', 'media_breaks'], not a string"
        )
    chosen: set[Highlight] = set()
    for item in items:
        try:
            chosen.add(Highlight(item))
        except ValueError:
            allowed = ", ".join(kind.value for kind in Highlight)
            raise ValueError(f"unknown highlight {item!r}; choose from: {allowed}") from None
    return frozenset(chosen)


def _optional_bool(name: str, value: object) -> bool | None:
    if value is not None and not isinstance(value, bool):
        raise TypeError(f"{name} must be True, False or None, not {value!r}")
    return value
