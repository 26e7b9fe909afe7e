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

if TYPE_CHECKING:
    from lifeevents.views.options import RenderOptions

__all__ = ["observed_map_source", "render_observed_map"]

_WIDEST = 8.0
_DEVIATION = "#C0392B"
_TEXT = {
    "de": {
        "seen": "beobachtet in {seen} von {cases} Fällen",
        "disorder": "{n}× in falscher Reihenfolge",
        "skipped": "in {n} ausgelassen",
        "late": "in {n} verspätet",
        "of": " von {cases} Fällen",
    },
    "en": {
        "seen": "observed in {seen} of {cases} cases",
        "disorder": "{n}× out of order",
        "skipped": "skipped in {n}",
        "late": "late in {n}",
        "of": " of {cases} cases",
    },
}


def observed_map_source(
    result: Conformance, journey_number: int = 0, options: RenderOptions | None = None
) -> str:
    """DOT text of the blueprint of ``result.journeys[journey_number]`` with the observations."""
    from lifeevents.analysis.report import analyze
    from lifeevents.views.blueprint import blueprint_source
    from lifeevents.views.element_ids import ElementIds
    from lifeevents.views.options import RenderOptions

    trip = result.journeys[journey_number]
    # Without the designed findings' highlights, so that red means a deviation observed.
    options = options or RenderOptions(highlight=frozenset())
    text = _TEXT.get(options.lang, _TEXT["en"])
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
        note = text["seen"].format(seen=seen, cases=cases)
        parts = [f"penwidth={width:.2f}", f'tooltip="{note}"']
        if disorder:
            label = text["disorder"].format(n=disorder)
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
            notes.append(text["skipped"].format(n=skipped))
        if late:
            notes.append(text["late"].format(n=late))
        if notes:
            label = ", ".join(notes) + text["of"].format(cases=cases)
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
    result: Conformance, path: str | os.PathLike[str], journey_number: int = 0
) -> Path:
    """Draw the observed map to ``path`` (``.svg``, ``.png``, ``.pdf`` or ``.dot``)."""
    from lifeevents.analysis.report import analyze
    from lifeevents.errors import UnsupportedFormatError
    from lifeevents.formats.atomic import write_atomic
    from lifeevents.views.blueprint import blueprint_engine
    from lifeevents.views.graphviz_output import render_graphviz

    target = Path(path)
    fmt = target.suffix.lstrip(".").lower()
    source = observed_map_source(result, journey_number)
    if fmt == "dot":
        write_atomic(target, source)
    elif fmt in ("svg", "png", "pdf"):
        trip = result.journeys[journey_number]
        title = f"{trip.life_event.name}: beobachtet (Persona {trip.persona_id})"
        engine = blueprint_engine(analyze(trip))
        description = (
            f"{title}: je breiter ein Pfeil, desto mehr Fälle; rot: beobachtete Abweichungen"
        )
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
