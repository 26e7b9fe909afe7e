"""The journey-map view: a journey as the citizen lives it, step by step, as Graphviz DOT.

The steps stand in columns in the order the citizen lives them
(:func:`~lifeevents.views.columns.time_order`: by day, each day in stage order
as far as dependencies and the minimum visit plan allow, so days never go back
and the visits read 1, 2, 3, ...), under the stage of each run of steps. The
rows show the day (as every view says it: the visit plan's day and, when the
step could start earlier, since when), the touchpoint (step and authority),
the channel (glyph and word, never colour alone, and the
visit of the plan), the emotion (a five-level grid with a dot per step and a
line joining the dots of neighbouring steps; a gap where a step has none), the
pain points and the opportunities of :func:`lifeevents.text.findings.opportunities`.

A long journey wraps into bands of columns, each with the row names again, so
that the whole map stays readable when it is fitted to a projector's screen
(:func:`journey_map_layout` picks the number of columns per band that draws
the step names largest on a 1880 × 960 pixel area). The map lays itself out
(:mod:`~lifeevents.views.map_grid`): every cell is a node pinned at its place.

Every text from the journey file passes
:func:`~lifeevents.views.escape.dot.label_text`, so a name such as ``<script>``
or ``\\N`` is drawn as written. The output is deterministic: one report and one
set of options always give the same bytes.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> source = journey_map_source(analyze(journey(loads(DEMO_YAML), "mit-auto")))
>>> source.startswith("digraph journey_map {"), "Wohnsitz &lt;anmelden&gt; &amp;" in source
(True, True)
>>> "<anmelden>" in source
False
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Channel
from lifeevents.text.findings import opportunities
from lifeevents.views.columns import Column, step_days, time_columns
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.escape.dot import label_text
from lifeevents.views.journey_bands import lay_out
from lifeevents.views.journey_cells import BandCell, Dot, MapLayout, Rows
from lifeevents.views.map_grid import PADDING, Block, bullets, wrap
from lifeevents.views.options import DEFAULT_OPTIONS, RenderOptions
from lifeevents.views.style import CHANNEL_STYLES, FONT, OKABE_ITO, TEXT_COLOR
from lifeevents.views.wording import Wording

__all__ = ["journey_map_layout", "journey_map_source"]

#: Font sizes in points. The step name is the largest text of a column.
NAME_SIZE = 14
_TEXT = 11  # authority, day, visit, pain points, opportunities
_CHANNEL = 12
_STAGE = 14
_HEADER = 12
COLUMN_WIDTH = 180  # points, the narrowest; wider for a word that does not fit
_LABEL_FILL = "#F2F2F2"
_STAGE_FILL = "#E5F1F8"  # blue tint, as the Bund lane
_GRID = "#9A9A9A"
_NOTHING = "#666666"  # the dash of an empty cell
_POSITIVE = OKABE_ITO["blue"]
_NEGATIVE = OKABE_ITO["vermillion"]


@dataclass(frozen=True)
class _Map:
    """What every row of one map needs: built once per render."""

    report: Report
    wording: Wording
    graph: nx.DiGraph[str]
    ids: ElementIds
    runs: list[Column]
    order: tuple[str, ...]
    days: dict[str, tuple[str, ...]]  # the day of each step, as every view says it
    trips: dict[str, int]  # the number of each visit step's trip (1, 2, ...)
    at_risk: frozenset[str]


def journey_map_layout(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> MapLayout:
    """The laid-out journey map: the heading and the bands of columns, with sizes.

    Parameters
    ----------
    report : Report
        The analysed journey to draw.
    options : RenderOptions, optional
        ``options.lang`` chooses German or English words, ``options.title``
        replaces the title.

    Returns
    -------
    MapLayout
        The cells with their places, the emotion dots and lines, the size.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> layout = journey_map_layout(analyze(journey(loads(DEMO_YAML), "mit-auto")))
    >>> [band.steps for band in layout.bands]
    [('anmelden', 'gebuehr', 'kfz', 'rundfunk')]
    """
    wording = Wording.of(report, options.lang)
    graph = report.journey.graph
    runs = time_columns(report, wording)
    order = tuple(node for run in runs for node in run.steps)
    plan = report.visits.plan
    drawn = _Map(
        report,
        wording,
        graph,
        ElementIds(graph),
        runs,
        order,
        step_days(report, wording),
        {node: number for number, visit in enumerate(plan, start=1) for node in visit.steps},
        frozenset(report.schedule.deadlines_at_risk),
    )
    words = wording.words
    stage_of = [index for index, run in enumerate(runs) for _ in run.steps]
    return lay_out(
        heading=_heading(report, options, wording),
        headers=Rows(
            stage=_header(words["journey_map.stage"]),
            day=_header(wording.day),
            touchpoint=_header(words["journey_map.touchpoint"]),
            channel=_header(words["journey_map.channel"]),
            emotion=_header(words["journey_map.emotion"]),
            pain_points=_header(words["journey_map.pain_points"]),
            opportunities=_header(words["opportunities"]),
        ),
        steps=order,
        columns=lambda width: [_column(drawn, node, width) for node in order],
        stages=[(runs[index].title, index) for index in stage_of],
        ideas=_ideas(drawn),
        width=COLUMN_WIDTH,
    )


def journey_map_source(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The journey map of a report as Graphviz DOT text (drawn by ``neato``, named in it).

    Parameters
    ----------
    report : Report
        The analysed journey to draw.
    options : RenderOptions, optional
        ``options.lang`` chooses German or English words, ``options.title``
        replaces the title; the other options concern the blueprint and are
        ignored here.

    Returns
    -------
    str
        DOT text: one pinned node per cell, the emotion dots and the lines between them.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> source = journey_map_source(report, RenderOptions(lang="en"))
    >>> "Journey map" in source, "Emotion" in source, "⌨ online" in source
    (True, True, True)
    >>> "layout=neato" in source
    True
    """
    layout = journey_map_layout(report, options)
    return "\n".join(
        [
            "digraph journey_map {",
            '  graph [id="journey-map", layout=neato, inputscale=72, splines=line, '
            'outputorder="nodesfirst", bgcolor="white", pad="0.2", margin="0"];',
            f'  node [shape=plaintext, fontname="{FONT}", fontcolor="{TEXT_COLOR}", '
            'fontsize="11", margin="0", width="0", height="0"];',
            f'  edge [dir=none, penwidth="2.5", color="{TEXT_COLOR}"];',
            *layout.statements(_GRID),
            "}",
            "",
        ]
    )


# ---------------------------------------------------------------------------
# Cells.


def _header(text: str) -> BandCell:
    """A row's name in its first cell."""
    return BandCell(
        (Block(wrap(text, _HEADER, 130, bold=True), _HEADER, bold=True),), {"BGCOLOR": _LABEL_FILL}
    )


def _empty() -> BandCell:
    """A cell with nothing to show: a grey dash."""
    return BandCell((Block(("–",), _TEXT, color=_NOTHING),))


def _column(drawn: _Map, node: str, width: int) -> Rows:
    """The cells of one step, top to bottom (the stage and the ideas come per run),
    their text wrapped to a column ``width`` points wide."""
    text_width = width - 2 * (PADDING + 1)
    words, names = drawn.wording.words, drawn.wording.names
    graph = drawn.graph
    step = graph.nodes[node]["step"]
    # Day, deadline and whether the deadline is at risk.
    # The day on one line, or its note on the next when both do not fit.
    parts = drawn.days[node]
    joined = " ".join(parts)
    if Block((joined,), _TEXT).width() <= text_width:
        parts = (joined,)
    day = [line for part in parts for line in wrap(part, _TEXT, text_width)]
    deadline = graph.nodes[node]["deadline_days"]
    if deadline is not None:
        day.append(f"{words['deadline_day']} {deadline}")
    day_blocks = [Block(tuple(day), _TEXT)]
    if node in drawn.at_risk:
        warning = f"⚠ {words['journey_map.at_risk']}"
        day_blocks.append(Block(wrap(warning, _TEXT, text_width, bold=True), _TEXT, bold=True))
    # The step, in bold, and who it is done with.
    emotion = step.emotion
    tooltip = f"{names.step(node)} – {names.authority(node)} – {words['journey_map.emotion']}: " + (
        words["journey_map.unknown"] if emotion is None else f"{emotion:+d}"
    )
    touchpoint = BandCell(
        (
            Block(wrap(names.step(node), NAME_SIZE, text_width, bold=True), NAME_SIZE, bold=True),
            Block(wrap(names.authority(node), _TEXT, text_width), _TEXT),
        ),
        # ID, TOOLTIP and an empty HREF make Graphviz wrap the cell in an SVG group
        # (id "a_step-N") with the tooltip as its title.
        {"ID": drawn.ids.step(node), "TOOLTIP": label_text(tooltip), "HREF": ""},
    )
    # Channel: glyph and word, so it reads without colour; the trip of the visit plan.
    channel: Channel = graph.nodes[node]["channel"]
    style = CHANNEL_STYLES[channel]
    channel_blocks = [Block((f"{style.glyph} {names.channel(channel)}",), _CHANNEL, bold=True)]
    trip = drawn.trips.get(node)
    if trip is not None:
        channel_blocks.append(Block((f"{words['visit']} {trip}",), _TEXT))
    points = step.pain_points
    return Rows(
        day=BandCell(tuple(day_blocks)),
        touchpoint=touchpoint,
        channel=BandCell(tuple(channel_blocks), {"COLOR": style.color}),
        emotion=BandCell((), {}, Dot(node, emotion, _dot_color(emotion))),
        pain_points=BandCell((bullets(points, "⚠", _TEXT, text_width),)) if points else _empty(),
    )


def _dot_color(emotion: int | None) -> str:
    if emotion is None or emotion == 0:
        return TEXT_COLOR
    return _POSITIVE if emotion > 0 else _NEGATIVE


def _ideas(drawn: _Map) -> dict[int, list[str]]:
    """Opportunities by the column of the latest of their steps."""
    position = {node: index for index, node in enumerate(drawn.order)}
    ideas: dict[int, list[str]] = {}
    for item in opportunities(drawn.report, drawn.wording.lang):
        places = [position[node] for node in item.steps if node in position]
        if places:
            ideas.setdefault(max(places), []).append(item.text)
    return ideas


def _joined(parts: list[str], size: float, width: float) -> tuple[str, ...]:
    """Parts joined by `` · ``, broken into lines between parts (inside one only when
    it is longer than a line), so that no line ends with a dangling separator.

    >>> _joined(["Persona: Familie", "Schritte: 7", "Dauer in Tagen: 100"], 10, 160)
    ('Persona: Familie · Schritte: 7', 'Dauer in Tagen: 100')
    """
    from lifeevents.views.text_width import text_width

    lines: list[str] = []
    for part in parts:
        pieces = wrap(part, size, width)
        candidate = f"{lines[-1]} · {pieces[0]}" if lines else ""
        if lines and len(pieces) == 1 and text_width(candidate, size) <= width:
            lines[-1] = candidate
        else:
            lines.extend(pieces)
    return tuple(lines)


def _heading(report: Report, options: RenderOptions, wording: Wording) -> tuple[Block, ...]:
    """Title, key figures and legend, above the bands."""
    words = wording.words
    title = options.title or f"{wording.names.life_event()} · {words['journey_map.title']}"
    parts = [
        *wording.persona_parts(),
        f"{words['steps']}: {report.steps}",
        f"{words['duration']}: {report.schedule.duration_days}",
        f"{words['visits_minimum']}: {report.visits.minimum}",
    ]
    legend = (
        f"– = {words['journey_map.unknown']} · {words['journey_map.day_zero']}"
        f" · {words['journey_map.order']}"
    )
    return (
        Block(wrap(title, 22, 1100, bold=True), 22, bold=True),
        Block(_joined(parts, 13, 1100), 13),
        Block(wrap(legend, _TEXT, 1100), _TEXT),
    )
