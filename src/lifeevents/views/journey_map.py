"""The journey-map view: a journey as the citizen lives it, stage by stage, as Graphviz DOT.

The map is one table (a Graphviz HTML-like label, drawn alike in SVG, PNG and
PDF): the stages of the life event are its columns, split into one column per
step; the rows show the day, the touchpoint (step and authority), the channel
(glyph and word, never colour alone), an emotion curve (a five-level grid with
a marker and a bar from the neutral line), the pain points and the
opportunities of :func:`lifeevents.text.findings.opportunities`.

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

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import networkx as nx

from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Channel
from lifeevents.text.findings import opportunities
from lifeevents.views.columns import Column, stage_columns
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.escape.dot import label_text
from lifeevents.views.graphviz_labels import font, wrapped
from lifeevents.views.options import DEFAULT_OPTIONS, RenderOptions
from lifeevents.views.style import CHANNEL_STYLES, FONT, OKABE_ITO, TEXT_COLOR
from lifeevents.views.wording import Wording

__all__ = ["journey_map_source"]

_WRAP = 24  # characters per line of a step name (bold, 11 points) in a 170-point column
_WRAP_SMALL = 28  # the same column's 10-point text: authority, pain points, opportunities
_LABEL_FILL = "#F2F2F2"
_STAGE_FILL = "#E5F1F8"  # blue tint, as the Bund lane
_BASELINE_FILL = "#E8E8E8"
_POSITIVE = OKABE_ITO["blue"]
_NEGATIVE = OKABE_ITO["vermillion"]
_POSITIVE_TINT = "#D4E8F5"
_NEGATIVE_TINT = "#F9DCCB"
_GRID = "#9A9A9A"
_NOTHING = "#666666"  # the dash of an empty cell
# Scale labels top to bottom; the true minus sign reads better than a hyphen.
_LEVELS: tuple[tuple[int, str], ...] = (
    (2, "☺ +2"),
    (1, "+1"),
    (0, "0"),
    (-1, "−1"),
    (-2, "☹ −2"),
)


@dataclass(frozen=True)
class _Map:
    """What every row of one map needs: built once per render."""

    report: Report
    wording: Wording
    graph: nx.DiGraph[str]
    ids: ElementIds
    columns: list[Column]
    # (column index, step or None for an empty stage) for every table column of steps.
    slots: list[tuple[int, str | None]]


def journey_map_source(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The journey map of a report as Graphviz DOT text (render it with ``dot``).

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
        DOT text with one node, the map as an HTML-like table.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> source = journey_map_source(report, RenderOptions(lang="en"))
    >>> "Journey map" in source, "Emotion" in source, "⌨ online" in source
    (True, True, True)
    """
    wording = Wording.of(report, options.lang)
    graph = report.journey.graph
    columns = stage_columns(report, wording)
    slots = [
        (index, node) for index, column in enumerate(columns) for node in column.steps or (None,)
    ]
    drawn = _Map(report, wording, graph, ElementIds(graph), columns, slots)
    rows = [
        _stage_row(drawn),
        _day_row(drawn),
        _touchpoint_row(drawn),
        _channel_row(drawn),
        *_emotion_rows(drawn),
        _pain_point_row(drawn),
        _opportunity_row(drawn),
    ]
    table = (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6" '
        f'COLOR="{_GRID}" BGCOLOR="white">\n'
        + "\n".join(f"<TR>{''.join(row)}</TR>" for row in rows)
        + "\n</TABLE>"
    )
    return "\n".join(
        [
            "digraph journey_map {",
            f'  graph [fontname="{FONT}", fontcolor="{TEXT_COLOR}", bgcolor="white", '
            'pad="0.2", margin="0", labelloc="t", labeljust="l",',
            f"    label=<{_heading(report, options, wording)}>];",
            f'  node [shape=plaintext, fontname="{FONT}", fontcolor="{TEXT_COLOR}", '
            'fontsize="11", margin="0"];',
            f'  map [id="journey-map", label=<\n{table}\n>];',
            "}",
            "",
        ]
    )


# ---------------------------------------------------------------------------
# Cells.


def _font(content: str, *, size: int | None = None, bold: bool = False, color: str = "") -> str:
    """:func:`~lifeevents.views.graphviz_labels.font`, or nothing for empty content."""
    if not content:
        return ""  # Graphviz rejects an empty <FONT> or <B>
    return font(content, size=size, bold=bold, color=color)


def _lines(value: str, width: int = _WRAP) -> str:
    return "<BR/>".join(label_text(line) for line in wrapped(value, width))


def _cell(content: str, **attributes: str | int) -> str:
    rendered = "".join(f' {name.upper()}="{value}"' for name, value in attributes.items())
    return f"<TD{rendered}>{content}</TD>"


def _header(text: str, **attributes: str | int) -> str:
    """A row's name in its first cell."""
    return _cell(
        _font(label_text(text), bold=True),
        bgcolor=_LABEL_FILL,
        align="LEFT",
        valign="TOP",
        **attributes,
    )


def _empty(**attributes: str | int) -> str:
    """A cell with nothing to show: a grey dash."""
    return _cell(_font(label_text("–"), color=_NOTHING), **attributes, valign="TOP")


def _bullets(items: Iterable[str], mark: str, width: int) -> str:
    """A list whose wrapped lines align under the text, not under the mark."""
    lines: list[str] = []
    for item in items:
        parts = wrapped(item, width - 2)
        lines.append(f"{mark} {label_text(parts[0])}")
        # No-break spaces: an SVG viewer drops a line's leading plain space.
        lines.extend(f"&#160;&#160;&#160;{label_text(line)}" for line in parts[1:])
    return "<BR/>".join(lines)


def _joined(parts: Sequence[str], width: int) -> str:
    """Parts joined by `` · ``, broken into lines between parts (inside one only when
    it is longer than a line), so that no line ends with a dangling separator.

    >>> _joined(["Persona: Familie", "Schritte: 7", "Dauer in Tagen: 100"], 30)
    'Persona: Familie · Schritte: 7<BR/>Dauer in Tagen: 100'
    """
    lines: list[str] = []
    for part in parts:
        pieces = wrapped(part, width)
        if lines and len(pieces) == 1 and len(lines[-1]) + 3 + len(pieces[0]) <= width:
            lines[-1] += f" · {pieces[0]}"
        else:
            lines.extend(pieces)
    return "<BR/>".join(label_text(line) for line in lines)


# ---------------------------------------------------------------------------
# Rows, top to bottom.


def _stage_row(drawn: _Map) -> list[str]:
    row = [_header(drawn.wording.words["journey_map.stage"], colspan=2)]
    for column in drawn.columns:
        row.append(
            _cell(
                _font(label_text(column.title), size=13, bold=True),
                colspan=max(1, len(column.steps)),
                bgcolor=_STAGE_FILL,
                align="LEFT",
            )
        )
    return row


def _day_row(drawn: _Map) -> list[str]:
    """Day, deadline and whether the deadline is at risk."""
    wording = drawn.wording
    at_risk = set(drawn.report.schedule.deadlines_at_risk)
    day_of = {entry.step: entry.day for entry in drawn.report.schedule.steps}
    row = [_header(wording.day, colspan=2)]
    for _, node in drawn.slots:
        if node is None:
            row.append(_empty())
            continue
        lines = [f"{wording.day} {day_of[node]}"]
        deadline = drawn.graph.nodes[node]["deadline_days"]
        if deadline is not None:
            lines.append(f"{wording.words['deadline_day']} {deadline}")
        content = "<BR/>".join(label_text(line) for line in lines)
        if node in at_risk:
            warning = f"⚠ {wording.words['journey_map.at_risk']}"
            content += "<BR/>" + _font(label_text(warning), bold=True)
        row.append(_cell(_font(content, size=10), align="LEFT", balign="LEFT", valign="TOP"))
    return row


def _touchpoint_row(drawn: _Map) -> list[str]:
    """The step, in bold, and who it is done with."""
    words, names = drawn.wording.words, drawn.wording.names
    row = [_header(words["journey_map.touchpoint"], colspan=2)]
    for _, node in drawn.slots:
        if node is None:
            nothing = _font(label_text(words["journey_map.no_steps"]), color=_NOTHING)
            row.append(_cell(nothing, valign="TOP"))
            continue
        emotion = drawn.graph.nodes[node]["step"].emotion
        tooltip = (
            f"{names.step(node)} – {names.authority(node)} – {words['journey_map.emotion']}: "
            + (words["journey_map.unknown"] if emotion is None else f"{emotion:+d}")
        )
        content = _font(_lines(names.step(node)), bold=True) + "<BR/>"
        content += _font(_lines(names.authority(node), _WRAP_SMALL), size=10)
        # ID, TOOLTIP and an empty HREF make Graphviz wrap the cell in an SVG group
        # (id "a_step-N") with the tooltip as its title.
        row.append(
            _cell(
                content,
                align="LEFT",
                balign="LEFT",
                valign="TOP",
                width=170,
                id=drawn.ids.step(node),
                tooltip=label_text(tooltip),
                href="",
            )
        )
    return row


def _channel_row(drawn: _Map) -> list[str]:
    """Channel: glyph and word, so it reads without colour; the trip of the visit plan."""
    words, names = drawn.wording.words, drawn.wording.names
    # Number of the trip in the minimum plan, so steps done in one trip can be told.
    plan = drawn.report.visits.plan
    trip_of = {node: number for number, visit in enumerate(plan, start=1) for node in visit.steps}
    row = [_header(words["journey_map.channel"], colspan=2)]
    for _, node in drawn.slots:
        if node is None:
            row.append(_empty())
            continue
        channel: Channel = drawn.graph.nodes[node]["channel"]
        style = CHANNEL_STYLES[channel]
        content = _font(label_text(f"{style.glyph} {names.channel(channel)}"), bold=True)
        if node in trip_of:
            visit = label_text(f"{words['visit']} {trip_of[node]}")
            content += "<BR/>" + _font(visit, size=9)
        row.append(_cell(content, align="LEFT", balign="LEFT", color=style.color))
    return row


def _emotion_rows(drawn: _Map) -> list[list[str]]:
    """Five grid rows; a marker at the level and a bar from the neutral line."""
    rows = []
    for level, scale in _LEVELS:
        row = []
        if level == 2:
            row.append(_header(drawn.wording.words["journey_map.emotion"], rowspan=len(_LEVELS)))
        fill = {"bgcolor": _BASELINE_FILL} if level == 0 else {}
        row.append(_cell(_font(label_text(scale), size=9), align="RIGHT", sides="LR", **fill))
        for _, node in drawn.slots:
            emotion = None if node is None else drawn.graph.nodes[node]["step"].emotion
            if emotion is None:
                if level == 2:
                    mark = "" if node is None else _font(label_text("–"), size=14, color=_NOTHING)
                    row.append(_cell(mark, rowspan=len(_LEVELS), sides="LRB"))
                continue
            row.append(_emotion_cell(emotion, level))
        rows.append(row)
    return rows


def _emotion_cell(emotion: int, level: int) -> str:
    """One grid cell: the marker at the step's level, a tinted bar between it and 0."""
    positive = emotion > 0
    attributes: dict[str, str | int] = {"sides": "LR" if level != -2 else "LRB", "height": 16}
    if level == emotion:
        color = _POSITIVE if positive else _NEGATIVE if emotion < 0 else TEXT_COLOR
        content = _font(label_text("●"), size=13, color=color)
    else:
        content = ""
    between = 0 < level <= emotion or emotion <= level < 0
    if between:
        attributes["bgcolor"] = _POSITIVE_TINT if positive else _NEGATIVE_TINT
    elif level == 0:
        attributes["bgcolor"] = _BASELINE_FILL
    return _cell(content, **attributes)


def _pain_point_row(drawn: _Map) -> list[str]:
    """Pain points, as the journey file lists them."""
    row = [_header(drawn.wording.words["journey_map.pain_points"], colspan=2)]
    for _, node in drawn.slots:
        points = () if node is None else drawn.graph.nodes[node]["step"].pain_points
        row.append(
            _cell(
                _font(_bullets(points, "⚠", _WRAP_SMALL), size=10),
                align="LEFT",
                balign="LEFT",
                valign="TOP",
            )
            if points
            else _empty()
        )
    return row


def _opportunity_row(drawn: _Map) -> list[str]:
    """Opportunities, each in the stage of the latest of its steps."""
    wording = drawn.wording
    column_of = {node: index for index, column in enumerate(drawn.columns) for node in column.steps}
    ideas: dict[int, list[str]] = {}
    for item in opportunities(drawn.report, wording.lang):
        places = [column_of[node] for node in item.steps if node in column_of]
        if places:
            ideas.setdefault(max(places), []).append(item.text)
    row = [_header(wording.words["opportunities"], colspan=2)]
    for index, column in enumerate(drawn.columns):
        span = max(1, len(column.steps))
        if index in ideas:
            width = _WRAP_SMALL * span + 2 * (span - 1)
            content = _font(_bullets(ideas[index], "▸", width), size=10)
            row.append(_cell(content, colspan=span, align="LEFT", balign="LEFT", valign="TOP"))
        else:
            row.append(_empty(colspan=span))
    return row


def _heading(report: Report, options: RenderOptions, wording: Wording) -> str:
    """Title, key figures and legend: in the graph label, so they never widen a column."""
    words = wording.words
    title = options.title or f"{wording.names.life_event()} · {words['journey_map.title']}"
    parts = [
        *wording.persona_parts(),
        f"{words['steps']}: {report.steps}",
        f"{words['duration']}: {report.schedule.duration_days}",
        f"{words['visits_minimum']}: {report.visits.minimum}",
    ]
    legend = f"– = {words['journey_map.unknown']} · {words['journey_map.day_zero']}"
    lines = (
        _font(_lines(title, 70), size=18, bold=True),
        _font(_joined(parts, 110), size=11),
        _font(label_text(legend), size=9),
    )
    return (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">'
        + "".join(f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{line}</TD></TR>' for line in lines)
        + "</TABLE>"
    )
