"""The journey drawn with what was observed: edge width by frequency, deviations marked.

The blueprint renderer draws the journey of one persona and municipality; this
module adds, per dependency edge, a width that grows with the share of that
journey's cases in which both steps happened, a red colour and an outside label
when steps were done out of order, and per step an outside label with how many
cases skipped it or missed its deadline. Numbers go into the tooltips too.

>>> from lifeevents import load
>>> from lifeevents.observed.synthetic import Deviations, simulate
>>> from lifeevents.observed.conformance import conform
>>> from lifeevents.observed.log import build_log, LogColumns
>>> import pyarrow as pa
>>> life_event = load("geburt")
>>> from lifeevents import journey
>>> played = simulate(journey(life_event, "verheiratet-digital"), 20, seed=2,
...                   deviations=Deviations(skip=1.0))
>>> log = build_log("sim.csv", LogColumns(),
...     {key: pa.array([row[i] for row in played.rows])
...      for i, key in enumerate(["case", "activity", "timestamp"])}, lambda i, k: (i + 2, 1))
>>> source = observed_map_source(conform(log, life_event, persona="verheiratet-digital"))
>>> "ausgelassen" in source and "penwidth=" in source
True
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from lifeevents.observed.conformance import Conformance
from lifeevents.text.labels import Language, words

if TYPE_CHECKING:
    from lifeevents.views.options import RenderOptions

__all__ = ["observed_map_source", "render_observed_map"]

_WIDEST = 8.0
_DEVIATION = "#C0392B"


def observed_map_source(
    result: Conformance, journey_number: int = 0, options: RenderOptions | None = None
) -> str:
    """DOT text of the blueprint of ``result.journeys[journey_number]`` with the observations.

    Parameters
    ----------
    result : Conformance
        The checks of every case.
    journey_number : int, optional
        Which of ``result.journeys`` (one per persona and municipality) to draw.
    options : RenderOptions, optional
        The blueprint's options (default: no highlights of designed findings, so
        that red means a deviation observed).

    Returns
    -------
    str
        Graphviz DOT text: edges wider the more of the journey's cases did both
        steps, red where steps were out of order, and labels on skipped or late steps.

    See Also
    --------
    render_observed_map : draws it to a file.

    Examples
    --------
    >>> import re
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.observed import Deviations, conform, read_log, simulate
    >>> life_event = loads(DEMO_YAML)
    >>> played = simulate(journey(life_event, "mit-auto"), 20, seed=1,
    ...                   deviations=Deviations(skip=0.5, extra_trip=0.3))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder, "umzug.csv")
    ...     _ = path.write_text(played.to_csv(), encoding="utf-8")
    ...     result = conform(read_log(path), life_event)
    >>> source = observed_map_source(result)
    >>> print(*re.findall(r'xlabel="([^"]+)"', source), sep="; ")
    in 2 ausgelassen von 20 Fällen; in 2 ausgelassen von 20 Fällen; in 1 ausgelassen von 20 Fällen
    >>> re.findall(r'penwidth=([0-9.]+), tooltip="beobachtet in (\\d+)', source)
    [('7.30', '18'), ('7.30', '18'), ('7.65', '19')]
    """
    from lifeevents.analysis.report import analyze
    from lifeevents.views.blueprint import blueprint_source
    from lifeevents.views.element_ids import ElementIds
    from lifeevents.views.options import RenderOptions

    trip = result.journeys[journey_number]
    # Without the designed findings' highlights, so that red means a deviation observed.
    options = options or RenderOptions(highlight=frozenset())
    text = words(options.lang)
    source = blueprint_source(analyze(trip), options)
    rows = result.case_journey == journey_number
    cases = int(rows.sum())
    ids = ElementIds(trip.graph)
    extra: dict[str, str] = {}
    for j, (u, v) in enumerate(result.edges):
        if not trip.graph.has_edge(u, v):
            continue
        seen = int(result.edge_observed[rows, j].sum())
        disorder = int(result.out_of_order[rows, j].sum())
        width = 1 + (_WIDEST - 1) * seen / cases if cases else 1
        note = text["observed_map.seen"].format(seen=seen, cases=cases)
        parts = [f"penwidth={width:.2f}", f'tooltip="{note}"']
        if disorder:
            label = text["observed_map.disorder"].format(n=disorder)
            parts += [f'color="{_DEVIATION}"', f'xlabel="{label}"']
            parts.append(f'fontcolor="{_DEVIATION}"')
        extra[f'[id="{ids.edge(u, v)}",'] = ", ".join(parts)
    for i, step in enumerate(result.steps):
        if step not in trip.graph:
            continue
        skipped = int(result.skipped[rows, i].sum())
        late = int(result.deadline_missed[rows, i].sum())
        notes = []
        if skipped:
            notes.append(text["observed_map.skipped"].format(n=skipped))
        if late:
            notes.append(text["observed_map.late"].format(n=late))
        if notes:
            label = ", ".join(notes) + " " + text["observed_map.of_cases"].format(cases=cases)
            extra[f'[id="{ids.step(step)}",'] = (
                f'xlabel="{label}", fontcolor="{_DEVIATION}", color="{_DEVIATION}", penwidth=3'
            )
    lines = []
    for line in source.splitlines():
        start = line.find("[id=")
        key = line[start : line.find(",", start) + 1] if start >= 0 else ""
        if key in extra and line.rstrip().endswith("]"):
            # A later value of an attribute wins in DOT: the observation overrides the design.
            line = line.rstrip()[:-1] + ", " + extra[key] + "]"
        lines.append(line)
    return "\n".join(lines) + "\n"


def render_observed_map(
    result: Conformance,
    path: str | os.PathLike[str],
    journey_number: int = 0,
    *,
    lang: Language = "de",
) -> Path:
    """Draw the observed map to ``path`` (``.svg``, ``.png``, ``.pdf`` or ``.dot``).

    Parameters
    ----------
    result : Conformance
        The checks of every case.
    path : str or os.PathLike
        The file to write, atomically; its suffix names the format. SVG, PNG and
        PDF need Graphviz's ``dot`` program.
    journey_number : int, optional
        Which of ``result.journeys`` to draw.
    lang : {"de", "en"}, optional
        The language of the map's words, title and description.

    Returns
    -------
    pathlib.Path
        ``path``.

    Raises
    ------
    UnsupportedFormatError
        For any other suffix.
    GraphvizNotFoundError, GraphvizError
        When ``dot`` is missing or fails.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.observed import Deviations, conform, read_log, simulate
    >>> life_event = loads(DEMO_YAML)
    >>> played = simulate(journey(life_event, "mit-auto"), 20, seed=1,
    ...                   deviations=Deviations(skip=0.5, extra_trip=0.3))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder, "umzug.csv")
    ...     _ = path.write_text(played.to_csv(), encoding="utf-8")
    ...     result = conform(read_log(path), life_event)
    ...     drawn = render_observed_map(result, Path(folder, "beobachtet.dot"))
    ...     text = drawn.read_text(encoding="utf-8")
    >>> drawn.name, text == observed_map_source(result)
    ('beobachtet.dot', True)
    """
    from lifeevents.analysis.report import analyze
    from lifeevents.errors import UnsupportedFormatError
    from lifeevents.formats.atomic import write_atomic
    from lifeevents.text.names import DisplayNames
    from lifeevents.views.blueprint import blueprint_engine
    from lifeevents.views.graphviz_output import render_graphviz
    from lifeevents.views.options import RenderOptions

    target = Path(path)
    fmt = target.suffix.lstrip(".").lower()
    options = RenderOptions(highlight=frozenset(), lang=lang)
    source = observed_map_source(result, journey_number, options)
    if fmt == "dot":
        write_atomic(target, source)
    elif fmt in ("svg", "png", "pdf"):
        trip = result.journeys[journey_number]
        text = words(lang)
        analysed = analyze(trip)
        names = DisplayNames(analysed, lang)
        title = text["observed_map.title"].format(
            life_event=names.life_event(), persona=names.persona()
        )
        engine = blueprint_engine(analysed)
        description = text["observed_map.description"].format(title=title)
        drawn = render_graphviz(
            source,
            "svg" if fmt == "svg" else "png" if fmt == "png" else "pdf",
            engine=engine,
            title=title,
            description=description,
        )
        write_atomic(target, drawn)
    else:
        raise UnsupportedFormatError(f"draw the observed map as .svg, .png, .pdf or .dot: {path}")
    return target
