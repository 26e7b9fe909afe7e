"""The journey-map view: a journey as the citizen lives it, stage by stage, as Graphviz DOT.

The map is one table (a Graphviz HTML-like label, drawn alike in SVG, PNG and
PDF): the stages of the life event are its columns, split into one column per
step; the rows show the day, the touchpoint (step and authority), the channel
(glyph and word, never colour alone), an emotion curve (a five-level grid with
a marker and a bar from the neutral line), the pain points and the
opportunities of :func:`lifeevents.text.findings.opportunities`.

Every text from the journey file passes :func:`html.escape` (and Graphviz's own
backslash escapes are doubled), so a name such as ``<script>`` or ``\\N`` is
drawn as written. The output is deterministic: one report and one set of
options always give the same bytes.

:class:`DisplayNames` and :func:`stage_columns` are shared with the checklist
and Mermaid renderers.

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.graph.journey import journey
>>> from lifeevents.analysis.report import analyze
>>> life_event = loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Umzug, stages: [einzug, ummelden]}
... authorities: {amt: {name: Bürgerbüro, level: gemeinde, site: rathaus}}
... steps:
...   - {id: anmelden, name: "Wohnsitz <anmelden>", authority: amt, stage: ummelden,
...      channels: [in_person], emotion: -1, pain_points: [Wartezeit]}
... ''', regions={})
>>> source = journey_map_source(analyze(journey(life_event)))
>>> source.startswith("digraph journey_map {"), "Wohnsitz &lt;anmelden&gt;" in source
(True, True)
>>> "<anmelden>" in source
False
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Channel
from lifeevents.text.findings import opportunities
from lifeevents.text.labels import Language, label
from lifeevents.text.names import DisplayNames
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.escape.dot import label_text
from lifeevents.views.escape.plain import clean
from lifeevents.views.options import RenderOptions
from lifeevents.views.style import CHANNEL_STYLES, FONT, OKABE_ITO, TEXT_COLOR

__all__ = [
    "DEFAULT_OPTIONS",
    "Column",
    "journey_map_source",
    "stage_columns",
]

# Words only the journey map uses (the shared ones come from lifeevents.text.labels).
_WORDS: dict[Language, dict[str, str]] = {
    "de": {
        "journey_map": "Journey Map",
        "stage": "Phase",
        "touchpoint": "Kontaktpunkt",
        "channel": "Kanal",
        "emotion": "Emotion",
        "pain_points": "Schmerzpunkte",
        "no_steps": "keine Schritte",
        "unknown": "keine Angabe",
        "at_risk": "Frist gefährdet",
        "day_zero": "Tag 0 = Tag des Ereignisses",
    },
    "en": {
        "journey_map": "Journey map",
        "stage": "Stage",
        "touchpoint": "Touchpoint",
        "channel": "Channel",
        "emotion": "Emotion",
        "pain_points": "Pain points",
        "no_steps": "no steps",
        "unknown": "not given",
        "at_risk": "deadline at risk",
        "day_zero": "day 0 = day of the event",
    },
}

# English channel and level words; German ones come from the vocabulary.
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
# Scale labels top to bottom; the true minus sign reads better than a hyphen.
_LEVELS: tuple[tuple[int, str], ...] = (
    (2, "☺ +2"),
    (1, "+1"),
    (0, "0"),
    (-1, "−1"),
    (-2, "☹ −2"),
)


#: The options a renderer uses when none are given (frozen, so one shared value is safe).
DEFAULT_OPTIONS = RenderOptions()


@dataclass(frozen=True)
class Column:
    """One column of the map: a stage (or a day, when the life event has no stages)."""

    key: str
    title: str
    steps: tuple[str, ...]


def stage_columns(report: Report, lang: Language = "de") -> list[Column]:
    """The map's columns, left to right, each with its steps in schedule order.

    Columns are the life event's stages, then stages that only steps name. A
    step without a stage joins the stage of the step before it in the schedule
    (the first stage when none comes before). A life event without stages gets
    one column per schedule day.

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.graph.journey import journey
    >>> from lifeevents.analysis.report import analyze
    >>> life_event = loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Demo}
    ... authorities: {amt: {name: Amt, level: gemeinde}}
    ... steps:
    ...   - {id: a, name: A, authority: amt, channels: [mail], lead_time_days: 3}
    ...   - {id: b, name: B, authority: amt, channels: [mail], after: [a]}
    ... ''', regions={})
    >>> [(column.title, column.steps) for column in stage_columns(analyze(journey(life_event)))]
    [('Tag 0', ('a',)), ('Tag 3', ('b',))]
    """
    graph = report.journey.graph
    order = [entry.step for entry in report.schedule.steps]
    names = DisplayNames(report, lang)
    stages = list(report.journey.life_event.life_event.stages)
    for node in order:
        stage = graph.nodes[node]["stage"]
        if stage is not None and stage not in stages:
            stages.append(stage)
    if not stages:
        days: dict[int, list[str]] = {}
        for entry in report.schedule.steps:
            days.setdefault(entry.day, []).append(entry.step)
        day_word = label("day", lang).capitalize()
        return [
            Column(f"day-{day}", f"{day_word} {day}", tuple(steps))
            for day, steps in sorted(days.items())
        ]
    members: dict[str, list[str]] = {stage: [] for stage in stages}
    current = stages[0]
    for node in order:
        current = graph.nodes[node]["stage"] or current
        members[current].append(node)
    return [
        Column(stage, f"{number} · {names.stage(stage)}", tuple(members[stage]))
        for number, stage in enumerate(stages, start=1)
    ]


def _wrapped(value: str, width: int = _WRAP) -> list[str]:
    """Lines of at most ``width`` characters; a longer word stays whole on its own line.

    German compounds are long, and one cut without a hyphen reads as a typo:

    >>> _wrapped("Schuleingangsuntersuchung beim Gesundheitsamt")
    ['Schuleingangsuntersuchung', 'beim Gesundheitsamt']
    """
    return textwrap.wrap(clean(value), width, break_long_words=False) or [""]


def _lines(value: str, width: int = _WRAP) -> str:
    return "<BR/>".join(label_text(line) for line in _wrapped(value, width))


def _font(content: str, *, size: int | None = None, bold: bool = False, color: str = "") -> str:
    if not content:
        return ""  # Graphviz rejects an empty <FONT> or <B>
    if bold:
        content = f"<B>{content}</B>"
    attributes = (f' POINT-SIZE="{size}"' if size else "") + (f' COLOR="{color}"' if color else "")
    return f"<FONT{attributes}>{content}</FONT>" if attributes else content


def _cell(content: str, **attributes: str | int) -> str:
    rendered = "".join(f' {name.upper()}="{value}"' for name, value in attributes.items())
    return f"<TD{rendered}>{content}</TD>"


def _bullets(items: Iterable[str], mark: str, width: int) -> str:
    """A list whose wrapped lines align under the text, not under the mark."""
    lines: list[str] = []
    for item in items:
        wrapped = _wrapped(item, width - 2)
        lines.append(f"{mark} {label_text(wrapped[0])}")
        # No-break spaces: an SVG viewer drops a line's leading plain space.
        lines.extend(f"&#160;&#160;&#160;{label_text(line)}" for line in wrapped[1:])
    return "<BR/>".join(lines)


def _title(report: Report, options: RenderOptions, names: DisplayNames) -> tuple[str, list[str]]:
    lang = options.lang
    title = options.title or f"{names.life_event()} · {_WORDS[lang]['journey_map']}"
    parts = [f"{label('persona', lang)}: {names.persona()}"]
    municipality = names.municipality()
    if municipality:
        parts.append(f"{label('municipality', lang)}: {municipality}")
    parts.append(f"{label('steps', lang)}: {report.steps}")
    parts.append(f"{label('duration', lang)}: {report.schedule.duration_days}")
    parts.append(f"{label('visits_minimum', lang)}: {report.visits.minimum}")
    return title, parts


def _joined(parts: Sequence[str], width: int) -> str:
    """Parts joined by `` · ``, broken into lines between parts (inside one only when
    it is longer than a line), so that no line ends with a dangling separator.

    >>> _joined(["Persona: Familie", "Schritte: 7", "Dauer in Tagen: 100"], 30)
    'Persona: Familie · Schritte: 7<BR/>Dauer in Tagen: 100'
    """
    lines: list[str] = []
    for part in parts:
        pieces = _wrapped(part, width)
        if lines and len(pieces) == 1 and len(lines[-1]) + 3 + len(pieces[0]) <= width:
            lines[-1] += f" · {pieces[0]}"
        else:
            lines.extend(pieces)
    return "<BR/>".join(label_text(line) for line in lines)


def _slots(columns: Sequence[Column]) -> list[tuple[int, str | None]]:
    """(column index, step or None for an empty stage) for every table column of steps."""
    slots: list[tuple[int, str | None]] = []
    for index, column in enumerate(columns):
        slots.extend((index, node) for node in column.steps or (None,))
    return slots


def journey_map_source(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The journey map of a report as Graphviz DOT text (render it with ``dot``).

    ``options.lang`` chooses German or English words, ``options.title`` replaces
    the title; the other options concern the blueprint and are ignored here.

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.graph.journey import journey
    >>> from lifeevents.analysis.report import analyze
    >>> life_event = loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Demo}
    ... authorities: {amt: {name: Amt, level: gemeinde}}
    ... steps: [{id: a, name: Antrag, authority: amt, channels: [online], emotion: 2}]
    ... ''', regions={})
    >>> source = journey_map_source(analyze(journey(life_event)), RenderOptions(lang="en"))
    >>> "Journey map" in source, "Emotion" in source, "⌨ online" in source
    (True, True, True)
    """
    lang = options.lang
    words = _WORDS[lang]
    graph = report.journey.graph
    names = DisplayNames(report, lang)
    ids = ElementIds(graph)
    columns = stage_columns(report, lang)
    slots = _slots(columns)
    at_risk = set(report.schedule.deadlines_at_risk)
    day_of = {entry.step: entry.day for entry in report.schedule.steps}
    # Number of the trip in the minimum plan, so steps done in one trip can be told.
    plan = report.visits.plan
    trip_of = {node: number for number, visit in enumerate(plan, start=1) for node in visit.steps}

    def header(text: str, **attributes: str | int) -> str:
        return _cell(
            _font(label_text(text), bold=True),
            bgcolor=_LABEL_FILL,
            align="LEFT",
            valign="TOP",
            **attributes,
        )

    def empty() -> str:
        return _cell(_font(label_text("–"), color="#666666"), valign="TOP")

    rows: list[str] = []

    # Stages.
    row = [header(words["stage"], colspan=2)]
    for column in columns:
        row.append(
            _cell(
                _font(label_text(column.title), size=13, bold=True),
                colspan=max(1, len(column.steps)),
                bgcolor=_STAGE_FILL,
                align="LEFT",
            )
        )
    rows.append("<TR>" + "".join(row) + "</TR>")

    # Day, deadline and whether the step is a visit.
    row = [header(label("day", lang).capitalize(), colspan=2)]
    for _, node in slots:
        if node is None:
            row.append(empty())
            continue
        lines = [f"{label('day', lang).capitalize()} {day_of[node]}"]
        deadline = graph.nodes[node]["deadline_days"]
        if deadline is not None:
            lines.append(f"{label('deadline_day', lang)} {deadline}")
        content = "<BR/>".join(label_text(line) for line in lines)
        if node in at_risk:
            content += "<BR/>" + _font(label_text(f"⚠ {words['at_risk']}"), bold=True)
        row.append(_cell(_font(content, size=10), align="LEFT", balign="LEFT", valign="TOP"))
    rows.append("<TR>" + "".join(row) + "</TR>")

    # Touchpoints: the step, in bold, and who it is done with.
    row = [header(words["touchpoint"], colspan=2)]
    for _, node in slots:
        if node is None:
            row.append(_cell(_font(label_text(words["no_steps"]), color="#666666"), valign="TOP"))
            continue
        emotion = graph.nodes[node]["step"].emotion
        tooltip = f"{names.step(node)} – {names.authority(node)} – {words['emotion']}: " + (
            words["unknown"] if emotion is None else f"{emotion:+d}"
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
                id=ids.step(node),
                tooltip=label_text(tooltip),
                href="",
            )
        )
    rows.append("<TR>" + "".join(row) + "</TR>")

    # Channel: glyph and word, so it reads without colour.
    row = [header(words["channel"], colspan=2)]
    for _, node in slots:
        if node is None:
            row.append(empty())
            continue
        channel: Channel = graph.nodes[node]["channel"]
        style = CHANNEL_STYLES[channel]
        content = _font(label_text(f"{style.glyph} {names.channel(channel)}"), bold=True)
        if node in trip_of:
            content += "<BR/>" + _font(
                label_text(f"{label('visit', lang)} {trip_of[node]}"), size=9
            )
        row.append(_cell(content, align="LEFT", balign="LEFT", color=style.color))
    rows.append("<TR>" + "".join(row) + "</TR>")

    # Emotion: five grid rows; a marker at the level and a bar from the neutral line.
    for level, scale in _LEVELS:
        row = []
        if level == 2:
            row.append(header(words["emotion"], rowspan=len(_LEVELS)))
        fill = {"bgcolor": _BASELINE_FILL} if level == 0 else {}
        row.append(_cell(_font(label_text(scale), size=9), align="RIGHT", sides="LR", **fill))
        for _, node in slots:
            emotion = None if node is None else graph.nodes[node]["step"].emotion
            if emotion is None:
                if level == 2:
                    mark = "" if node is None else _font(label_text("–"), size=14, color="#666666")
                    row.append(_cell(mark, rowspan=len(_LEVELS), sides="LRB"))
                continue
            row.append(_emotion_cell(emotion, level))
        rows.append("<TR>" + "".join(row) + "</TR>")

    # Pain points, as the journey file lists them.
    row = [header(words["pain_points"], colspan=2)]
    for _, node in slots:
        points = () if node is None else graph.nodes[node]["step"].pain_points
        row.append(
            _cell(
                _font(_bullets(points, "⚠", _WRAP_SMALL), size=10),
                align="LEFT",
                balign="LEFT",
                valign="TOP",
            )
            if points
            else empty()
        )
    rows.append("<TR>" + "".join(row) + "</TR>")

    # Opportunities, each in the stage of the latest of its steps.
    column_of = {node: index for index, column in enumerate(columns) for node in column.steps}
    ideas: dict[int, list[str]] = {}
    for item in opportunities(report, lang):
        places = [column_of[node] for node in item.steps if node in column_of]
        if places:
            ideas.setdefault(max(places), []).append(item.text)
    row = [header(label("opportunities", lang), colspan=2)]
    for index, column in enumerate(columns):
        span = max(1, len(column.steps))
        if index in ideas:
            width = _WRAP_SMALL * span + 2 * (span - 1)
            content = _font(_bullets(ideas[index], "▸", width), size=10)
            row.append(_cell(content, colspan=span, align="LEFT", balign="LEFT", valign="TOP"))
        else:
            row.append(_cell(_font(label_text("–"), color="#666666"), colspan=span, valign="TOP"))
    rows.append("<TR>" + "".join(row) + "</TR>")

    table = (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6" '
        f'COLOR="{_GRID}" BGCOLOR="white">\n' + "\n".join(rows) + "\n</TABLE>"
    )
    # Title and legend sit in the graph label, so their length never widens a column.
    title, subtitle = _title(report, options, names)
    legend = f"– = {words['unknown']} · {words['day_zero']}"
    heading = (
        '<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="2">'
        + "".join(
            f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">{line}</TD></TR>'
            for line in (
                _font(_lines(title, 70), size=18, bold=True),
                _font(_joined(subtitle, 110), size=11),
                _font(label_text(legend), size=9),
            )
        )
        + "</TABLE>"
    )
    return "\n".join(
        [
            "digraph journey_map {",
            f'  graph [fontname="{FONT}", fontcolor="{TEXT_COLOR}", bgcolor="white", '
            'pad="0.2", margin="0", labelloc="t", labeljust="l",',
            f"    label=<{heading}>];",
            f'  node [shape=plaintext, fontname="{FONT}", fontcolor="{TEXT_COLOR}", '
            'fontsize="11", margin="0"];',
            f'  map [id="journey-map", label=<\n{table}\n>];',
            "}",
            "",
        ]
    )


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
