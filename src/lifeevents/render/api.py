"""``render()``: one entry point that picks the view's renderer and the output format.

Formats by file suffix (or given by name): ``svg`` (default), ``png``, ``pdf``,
``dot`` and ``html`` for the blueprint and journey-map views, ``mmd``
(Mermaid) for both, and ``md`` or ``html`` for the checklist view. Files are
written atomically: an error never leaves a half-written file.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path
from typing import Literal

from lifeevents.analysis.report import Report, analyze
from lifeevents.atomic import write_atomic
from lifeevents.errors import UnsupportedFormatError
from lifeevents.journey import Journey
from lifeevents.labels import Language
from lifeevents.render.blueprint import (
    blueprint_description,
    blueprint_engine,
    blueprint_source,
    blueprint_title,
)
from lifeevents.render.checklist import checklist_html, checklist_markdown
from lifeevents.render.graphviz_output import render_graphviz
from lifeevents.render.html import interactive_html
from lifeevents.render.journey_map import journey_map_source
from lifeevents.render.mermaid import generate_code
from lifeevents.render.options import Direction, Highlight, RenderOptions, View

__all__ = ["FORMATS", "UnsupportedFormatError", "render", "render_content", "render_to_file"]

#: Formats each view can be written in.
FORMATS: dict[View, tuple[str, ...]] = {
    View.BLUEPRINT: ("svg", "png", "pdf", "dot", "mmd", "html"),
    View.JOURNEY: ("svg", "png", "pdf", "dot", "mmd", "html"),
    View.CHECKLIST: ("md", "html"),
}
_ALL_FORMATS = frozenset(name for names in FORMATS.values() for name in names)


def render_content(report: Report, fmt: str, options: RenderOptions) -> str | bytes:
    """The rendered map as text (svg, dot, mmd, html, md) or bytes (png, pdf)."""
    if fmt not in FORMATS[options.view]:
        allowed = ", ".join(FORMATS[options.view])
        raise UnsupportedFormatError(
            f"the {options.view.value} view cannot be written as '{fmt}'; formats: {allowed}"
        )
    if options.view is View.CHECKLIST:
        return (
            checklist_markdown(report, options) if fmt == "md" else checklist_html(report, options)
        )
    if fmt == "mmd":
        return generate_code(
            report, direction=options.direction, lang=options.lang, view=options.view
        )
    source = (
        blueprint_source(report, options)
        if options.view is View.BLUEPRINT
        else journey_map_source(report, options)
    )
    if fmt == "dot":
        return source
    image_format: Literal["svg", "png", "pdf"] = "png" if fmt == "png" else "svg"
    if fmt == "pdf":
        image_format = "pdf"
    image = render_graphviz(
        source,
        image_format,
        engine=blueprint_engine(report, options) if options.view is View.BLUEPRINT else "dot",
        title=blueprint_title(report, options),
        # The text alternative (key figures and findings) fits both views.
        description=blueprint_description(report, options),
    )
    if fmt == "html":
        return interactive_html(report, image.decode("utf-8"), options)
    return image.decode("utf-8") if fmt == "svg" else image


def render_to_file(report: Report, path: str | os.PathLike[str], options: RenderOptions) -> Path:
    """Write the map to ``path``; the suffix names the format. Returns the path."""
    target = Path(path)
    fmt = target.suffix.lstrip(".").lower()
    if fmt not in _ALL_FORMATS:
        raise UnsupportedFormatError(
            f"cannot tell the format of '{target}' from its suffix; use one of: "
            + ", ".join(f".{name}" for name in sorted(_ALL_FORMATS))
        )
    write_atomic(target, render_content(report, fmt, options))
    return target


def render(
    subject: Journey | Report,
    path_or_format: str | os.PathLike[str] = "svg",
    *,
    view: View | str = View.BLUEPRINT,
    lang: Language = "de",
    direction: Direction = "LR",
    highlight: Iterable[Highlight | str] | None = None,
    compact: bool | None = None,
) -> Path | str | bytes:
    """Draw a journey (or an analysed report).

    ``path_or_format`` is a file path, written atomically and returned, or a
    format name (``"svg"``, ``"png"``, ``"pdf"``, ``"dot"``, ``"mmd"``,
    ``"html"``, ``"md"``) whose content is returned (bytes for png and pdf).
    """
    report = subject if isinstance(subject, Report) else analyze(subject)
    options = RenderOptions(
        view=View(view),
        lang=lang,
        direction=direction,
        highlight=frozenset(Highlight)
        if highlight is None
        else frozenset(Highlight(item) for item in highlight),
        compact=compact,
    )
    if isinstance(path_or_format, str) and path_or_format in _ALL_FORMATS:
        return render_content(report, path_or_format, options)
    return render_to_file(report, path_or_format, options)
