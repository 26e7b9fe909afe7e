"""The blueprint view: a journey as swimlanes of administrative levels, as Graphviz DOT.

One lane per level (in :data:`~lifeevents.views.style.LANE_ORDER`: top to
bottom with ``direction="LR"``, left to right with ``"TB"``), one column per
stage of the life event (per schedule day when it has no stages), one node per
applicable step and one edge per dependency. On top, the findings: authority
handovers and media breaks as edge styles, once-only violations, visits
numbered by the minimum plan and deadlines at risk as badges in the steps.
A title with the key figures sits above, a key below the lanes.

Why lanes are not clusters: ``dot`` orders clusters by its crossing
minimisation, and nothing pins that order (invisible edges, ``ordering=out``
and ``rank=same`` headers all left lanes shuffled in most random journeys). So
this module ranks every step itself (its column decides the rank interval;
:func:`networkx.network_simplex` keeps edges short), and each rank holds one
separator per lane boundary. Invisible same-rank edges chain each rank in lane
order, separators between the lanes; the separators of one boundary, chained
across the ranks with a heavy weight, are drawn as the straight line between
two lanes. Within a lane ``dot`` still orders the steps to avoid crossings.
A column spans a rank interval, so its title stands at its first rank, with a
line to its last rank (dot draws no vertical lines between columns: an edge
within a rank bends around every node between its ends).

Everything from the journey file is escaped (:func:`html.escape` in HTML-like
labels, DOT quoting in tooltips, Graphviz's backslash escapes doubled in
both), and the output is deterministic: element ids come from
:class:`~lifeevents.views.element_ids.ElementIds`, nothing from clocks,
hashes or random numbers.

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.graph.journey import journey
>>> from lifeevents.analysis.report import analyze
>>> life_event = loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Umzug}
... authorities:
...   amt: {name: Bürgerbüro, level: gemeinde, site: rathaus}
...   kreis: {name: Straßenverkehrsamt, level: kreis, site: kreishaus}
... evidence: {meldung: {name: Meldebestätigung, issued_by: amt}}
... steps:
...   - {id: anmelden, name: "Wohnsitz <anmelden>", authority: amt, channels: [in_person],
...      produces: [meldung]}
...   - {id: kfz, name: Fahrzeug ummelden, authority: kreis, channels: [in_person],
...      requires: [meldung]}
... ''', regions={})
>>> source = blueprint_source(analyze(journey(life_event)))
>>> "<B>Wohnsitz &lt;anmelden&gt;" in source  # an HTML-like label: escaped
True
>>> 'tooltip="Wohnsitz <anmelden>' in source  # a quoted DOT string: Graphviz escapes it
True
>>> 'class="dependency evidence authority-handover"' in source
True
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any, Literal

import networkx as nx

from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Channel, Level
from lifeevents.text.findings import findings
from lifeevents.text.labels import Language, label
from lifeevents.text.names import DisplayNames
from lifeevents.views.density import too_dense_for_dot
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.escape.dot import DotValue, HtmlLabel, attribute_list, label_text, quoted
from lifeevents.views.escape.plain import clean
from lifeevents.views.graphviz_output import Format, render_graphviz
from lifeevents.views.journey_map import stage_columns
from lifeevents.views.options import SFDP_THRESHOLD, Highlight, RenderOptions
from lifeevents.views.style import (
    CHANNEL_STYLES,
    FONT,
    HIGHLIGHT_COLORS,
    LANE_ORDER,
    LEVEL_FILLS,
    OKABE_ITO,
    TEXT_COLOR,
)

__all__ = [
    "MAX_DAY_COLUMNS",
    "blueprint_description",
    "blueprint_engine",
    "blueprint_source",
    "blueprint_title",
    "render_blueprint",
]

#: More schedule days than this become columns of day ranges ("Tag 0–12").
MAX_DAY_COLUMNS = 12
# dot draws a dependency through one virtual node per rank it crosses, and the time
# to place them grows fast: the 1,000-step benchmark crosses 2,300 ranks with one
# column (1 s in dot), 14,000 with twelve (17 s). Day columns are halved in number
# until the crossings fit this budget; a journey's own stages are always kept.
_CROSSING_BUDGET = 4_000

_DEFAULT_OPTIONS = RenderOptions()

# Words only the blueprint uses (the shared ones come from lifeevents.text.labels).
_WORDS: dict[Language, dict[str, str]] = {
    "de": {
        "blueprint": "Blueprint",
        "authority": "Stelle",
        "level": "Ebene",
        "channel": "Kanal",
        "offered": "angeboten",
        "requires": "benötigt",
        "produces": "erzeugt",
        "legal_basis": "Rechtsgrundlage",
        "deadline": "Frist: Tag",
        "stage": "Phase",
        "visit": "Besuch {number} von {total}",
        "visit_short": "Besuch {number}/{total}",
        "as_modelled": "wie modelliert: {count}",
        "visit_key": "Besuch k von n (Besuchsplan mit den wenigsten Wegen)",
        "media_break": "Medienbruch",
        "handover": "Behördenwechsel",
        "order": "Reihenfolge",
        "order_bridged": "Reihenfolge über nicht zutreffende Schritte",
        "evidence": "Nachweis",
        "evidence_key": "Nachweis (Name am Pfeil)",
        "evidence_key_compact": "Nachweis (Name im Tooltip)",
        "key": "Legende",
        "once_only": "Once-only",
        "once_only_step": "Once-only: verlangt",
        "deadline_risk": "Frist gefährdet",
        "no_steps": "Keine Schritte treffen zu.",
        "no_findings": "Keine Befunde.",
        "steps_in_lane": "Schritte",
    },
    "en": {
        "blueprint": "Blueprint",
        "authority": "Authority",
        "level": "Level",
        "channel": "Channel",
        "offered": "offered",
        "requires": "requires",
        "produces": "produces",
        "legal_basis": "Legal basis",
        "deadline": "deadline: day",
        "stage": "Stage",
        "visit": "visit {number} of {total}",
        "visit_short": "visit {number}/{total}",
        "as_modelled": "as modelled: {count}",
        "visit_key": "visit k of n (the plan with the fewest trips)",
        "media_break": "media break",
        "handover": "authority handover",
        "order": "order",
        "order_bridged": "order kept across steps that do not apply",
        "evidence": "evidence",
        "evidence_key": "evidence (named on the arrow)",
        "evidence_key_compact": "evidence (named in the tooltip)",
        "key": "Key",
        "once_only": "once-only",
        "once_only_step": "once-only: requires",
        "deadline_risk": "deadline at risk",
        "no_steps": "No step applies.",
        "no_findings": "No findings.",
        "steps_in_lane": "steps",
    },
}

# Step highlights are badges inside the step, each with its own border style and
# colour; edge highlights differ in line style and colour alike.
_BADGES: dict[str, tuple[str, str, str]] = {
    # kind: (glyph, TD STYLE, colour)
    "visit": ("⚑", "solid", OKABE_ITO["blue"]),
    "once_only": ("⊘", "dashed", HIGHLIGHT_COLORS["once_only"]),
    "deadline": ("⚠", "dotted", HIGHLIGHT_COLORS["deadline"]),
}
_HANDOVER = (HIGHLIGHT_COLORS["authority_handover"], "solid", 3.5)
_MEDIA_BREAK = (HIGHLIGHT_COLORS["media_break"], "dashed", 3.0)
_BOTH_PENWIDTH = 2.5  # two parallel lines, one per finding
_MUTED = "#4D4D4D"  # secondary text: 8.6:1 on white
_HEADER_FILL = "#E8E8E8"
_LANE_LINE = "#B3B3B3"
_FRAME_LINE = "#808080"
_BR = '<BR ALIGN="LEFT"/>'
_NODE_MARGIN = "0.06,0.04"  # inches, horizontal and vertical
_NOTE_MARGIN = "0.06,0.1"  # the text starts below the folded corner


@dataclass(frozen=True)
class _Look:
    """Sizes of the full drawing and of the compact one for large journeys."""

    compact: bool
    font_size: float
    edge_font_size: float
    title_size: float
    nodesep: float
    ranksep: float
    wrap: int  # characters per line of a step name


_FULL = _Look(False, 11, 9, 20, 0.22, 0.3, 28)
_COMPACT = _Look(True, 9, 8, 18, 0.12, 0.3, 22)
_WRAP_EDGE = 24


# ---------------------------------------------------------------------------
# Public functions.


def blueprint_engine(
    report: Report, options: RenderOptions = _DEFAULT_OPTIONS
) -> Literal["dot", "sfdp"]:
    """The Graphviz engine for this blueprint: ``dot``, or ``sfdp`` above the size limit.

    Above :data:`~lifeevents.views.options.SFDP_THRESHOLD` steps, or when the
    dependencies are too dense for ``dot`` (see :mod:`lifeevents.views.density`),
    ``dot`` takes minutes; :func:`blueprint_source` then writes a graph for ``sfdp``,
    without lanes and columns (which ``sfdp`` cannot draw): the level shows as the fill.
    """
    if report.steps > SFDP_THRESHOLD or too_dense_for_dot(report.journey.graph):
        return "sfdp"
    return "dot"


def blueprint_title(report: Report, options: RenderOptions = _DEFAULT_OPTIONS) -> str:
    """The map's title as plain text: life event, persona, municipality."""
    title, subtitle = _titles(report, options, DisplayNames(report, options.lang))
    return f"{title} · {subtitle}"


def blueprint_description(report: Report, options: RenderOptions = _DEFAULT_OPTIONS) -> str:
    """The map in words (its text alternative): the key figures, then the findings."""
    lang = options.lang
    lines = [f"{name}: {value}" for name, value in _figures(report, lang)]
    found = findings(report, lang)
    lines += ["", f"{label('findings', lang)}:"]
    lines += [f"- {item.text}" for item in found] or [_WORDS[lang]["no_findings"]]
    return "\n".join(lines)


def render_blueprint(
    report: Report, fmt: Format = "svg", options: RenderOptions = _DEFAULT_OPTIONS
) -> bytes:
    """The blueprint drawn by Graphviz; SVG gets the title and the text alternative."""
    return render_graphviz(
        blueprint_source(report, options),
        fmt,
        engine=blueprint_engine(report, options),
        title=blueprint_title(report, options),
        description=blueprint_description(report, options),
    )


def blueprint_source(report: Report, options: RenderOptions = _DEFAULT_OPTIONS) -> str:
    """The blueprint of a report as Graphviz DOT text, for the engine of :func:`blueprint_engine`.

    ``options`` choose the language, the direction (``LR``: lanes top to bottom
    and columns left to right; ``TB``: lanes left to right), which findings are
    highlighted, the title, and the compact style (automatic above
    :data:`~lifeevents.views.options.COMPACT_THRESHOLD` steps: smaller type,
    evidence names in tooltips instead of on the edges).

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.graph.journey import journey
    >>> from lifeevents.analysis.report import analyze
    >>> life_event = loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Demo, stages: [vorher, nachher]}
    ... authorities: {amt: {name: Amt, level: gemeinde}}
    ... steps:
    ...   - {id: a, name: Antrag, authority: amt, stage: vorher, channels: [online]}
    ...   - {id: b, name: Bescheid, authority: amt, stage: nachher, channels: [mail], after: [a]}
    ... ''', regions={})
    >>> source = blueprint_source(analyze(journey(life_event)), RenderOptions(lang="en"))
    >>> source.splitlines()[0]
    'digraph blueprint {'
    >>> 'id="lane-gemeinde"' in source, "Municipality" in source, "2 · Nachher" in source
    (True, True, True)
    >>> print(next(line for line in source.splitlines() if line.startswith('  "step-0" ->')))
    ... # doctest: +ELLIPSIS
      "step-0" -> "step-1" [id="edge-0-1", class="dependency precedence", ...]
    """
    return _Writer(report, options, sfdp=blueprint_engine(report, options) == "sfdp").source()


# ---------------------------------------------------------------------------
# Text: everything from the journey file goes through these.


def _html_lines(text: str, width: int, max_lines: int | None = None) -> str:
    """Text wrapped to ``width`` characters, every line left-aligned (``…`` past ``max_lines``)."""
    # Long words stay whole (a line may run past ``width``): a German compound cut
    # without a hyphen ("Schuleingangsuntersuchun|g") reads as a typo.
    lines = textwrap.wrap(clean(text), width, break_long_words=False) or [""]
    if max_lines is not None and len(lines) > max_lines:
        lines = [*lines[: max_lines - 1], lines[max_lines - 1][: width - 2] + " …"]
    return "".join(label_text(line) + _BR for line in lines)


def _font(content: str, *, size: float | None = None, bold: bool = False, color: str = "") -> str:
    if bold:
        content = f"<B>{content}</B>"
    attributes = (f' POINT-SIZE="{size:g}"' if size else "") + (
        f' COLOR="{color}"' if color else ""
    )
    return f"<FONT{attributes}>{content}</FONT>" if attributes else content


# ---------------------------------------------------------------------------
# Layout: columns and ranks are decided here, so that lanes keep their order.


@dataclass(frozen=True)
class _Grid:
    """Column titles, the rank of every step, and the rank where each column starts.

    Rank 0 is the left margin, rank 1 holds the lane headers, steps start at
    rank 2, and ``last`` is the right margin.
    """

    titles: tuple[str, ...]
    rank: dict[str, int]
    column_start: tuple[int, ...]
    last: int


def _grid(report: Report, lang: Language) -> _Grid:
    graph = report.journey.graph
    order = report.journey.order()
    columns = stage_columns(report, lang)
    titles = [column.title for column in columns]
    wanted = {node: index for index, column in enumerate(columns) for node in column.steps}
    # stage_columns gives days only when neither the life event nor a step names a stage.
    by_day = not report.journey.life_event.life_event.stages and not any(
        data["stage"] for _, data in graph.nodes(data=True)
    )
    count = len(columns) if len(columns) <= MAX_DAY_COLUMNS else MAX_DAY_COLUMNS
    while True:
        if by_day and count < len(columns):
            titles, wanted = _day_ranges(report, lang, count)
        # A step never stands left of a step it depends on, whatever its stage says.
        column: dict[str, int] = {}
        for node in order:
            column[node] = max(
                [wanted.get(node, 0), *(column[source] for source in graph.pred[node])]
            )
        rank, starts, last = _ranks(graph, column, len(titles))
        crossed = sum(rank[target] - rank[source] - 1 for source, target in graph.edges)
        if not by_day or count <= 1 or crossed <= _CROSSING_BUDGET:
            return _Grid(tuple(titles), rank, tuple(starts), last)
        count = min(count, len(titles)) // 2


def _day_ranges(report: Report, lang: Language, count: int) -> tuple[list[str], dict[str, int]]:
    """At most ``count`` columns of equally long day ranges (empty ones left out)."""
    days = {entry.step: entry.day for entry in report.schedule.steps}
    first, last = min(days.values()), max(days.values())
    width = -(-(last - first + 1) // count)
    bucket = {node: (day - first) // width for node, day in days.items()}
    used = sorted(set(bucket.values()))
    word = label("day", lang).capitalize()
    titles = [
        f"{word} {first + index * width}–{min(last, first + index * width + width - 1)}"
        for index in used
    ]
    position = {index: number for number, index in enumerate(used)}
    return titles, {node: position[index] for node, index in bucket.items()}


def _ranks(
    graph: nx.DiGraph[str], column: dict[str, int], columns: int
) -> tuple[dict[str, int], list[int], int]:
    """Ranks with the least total edge length, each column an interval of ranks.

    This is ``dot``'s own ranking problem plus the columns: minimise the sum of
    ``x(v) - x(u)`` over the edges, subject to ``x(v) - x(u) >= 1`` and to
    ``b(c) <= x(v) < b(c + 1)`` for a step of column ``c`` (``b`` are the column
    starts). Long edges cost ``dot`` one virtual node per rank they cross, so
    shortest edges are fastest to draw. The linear program is solved through
    its dual, a min-cost flow (:func:`networkx.network_simplex`, about 0.2 s for
    1,000 steps); the ranks are then the potentials: shortest paths over the
    constraints, with each constraint that carries flow held tight.
    """
    if not columns:
        return {}, [], 2
    nodes = list(graph)
    index = {node: number for number, node in enumerate(nodes)}
    start = len(nodes)  # b(c) is node start + c; b(columns) is the right margin

    # (tail, head, least difference, weight in the objective)
    constraints = [(index[u], index[v], 1, 1) for u, v in graph.edges]
    for node in nodes:
        constraints.append((start + column[node], index[node], 0, 0))
        constraints.append((index[node], start + column[node] + 1, 1, 0))
    constraints.extend((start + c, start + c + 1, 1, 0) for c in range(columns))
    constraints.append((start, start + columns, 0, 1))  # keep the drawing narrow

    flow_graph: nx.DiGraph[int] = nx.DiGraph()
    flow_graph.add_nodes_from(range(start + columns + 1), demand=0)
    for tail, head, least, weight in constraints:
        flow_graph.nodes[head]["demand"] += weight
        flow_graph.nodes[tail]["demand"] -= weight
        if flow_graph.has_edge(tail, head):  # parallel constraints: the larger difference wins
            least = max(least, -flow_graph.edges[tail, head]["weight"])
        flow_graph.add_edge(tail, head, weight=-least)
    _, flow = nx.network_simplex(flow_graph)

    potentials: nx.DiGraph[int] = nx.DiGraph()
    source = start + columns + 1
    for tail, head, data in flow_graph.edges(data=True):
        potentials.add_edge(tail, head, weight=data["weight"])
        if flow[tail][head] > 0:
            potentials.add_edge(head, tail, weight=-data["weight"])
    potentials.add_edges_from(((source, node) for node in flow_graph), weight=0)
    lengths = nx.single_source_bellman_ford_path_length(potentials, source)
    distance = {node: int(length) for node, length in lengths.items()}
    offset = 2 + distance[start]  # the first column starts at rank 2
    rank = {node: offset - distance[index[node]] for node in nodes}
    starts = [offset - distance[start + c] for c in range(columns)]
    return rank, starts, offset - distance[start + columns]


# ---------------------------------------------------------------------------
# The DOT writer.


@dataclass(frozen=True)
class _EdgeLook:
    classes: tuple[str, ...]
    color: str
    style: str
    penwidth: float
    label_lines: tuple[str, ...]
    tooltip: str


class _Writer:
    """Builds the DOT text of one blueprint."""

    def __init__(self, report: Report, options: RenderOptions, *, sfdp: bool) -> None:
        self.report = report
        self.options = options
        self.lang: Language = options.lang
        self.words = _WORDS[options.lang]
        self.names = DisplayNames(report, options.lang)
        self.graph = report.journey.graph
        self.ids = ElementIds(self.graph)
        self.sfdp = sfdp
        self.look = _COMPACT if sfdp or options.is_compact(report.steps) else _FULL
        highlight = options.highlight
        self.day = {entry.step: entry.day for entry in report.schedule.steps}
        levels = {data["level"] for _, data in self.graph.nodes(data=True)}
        self.lanes: list[Level] = [level for level in LANE_ORDER if level in levels]
        self.visit_number: dict[str, int] = {}
        if Highlight.VISITS in highlight:
            for number, visit in enumerate(report.visits.plan, start=1):
                self.visit_number.update(dict.fromkeys(visit.steps, number))
        self.once_only: dict[str, list[str]] = {}
        if Highlight.ONCE_ONLY in highlight:
            for violation in report.once_only_violations:
                self.once_only.setdefault(violation.step, []).append(violation.evidence)
        self.at_risk = (
            set(report.schedule.deadlines_at_risk) if Highlight.DEADLINES in highlight else set()
        )
        self.handovers = (
            {(item.source, item.target): item for item in report.authority_handovers}
            if Highlight.AUTHORITY_HANDOVERS in highlight
            else {}
        )
        self.media_breaks = (
            {(item.source, item.target): item for item in report.media_breaks}
            if Highlight.MEDIA_BREAKS in highlight
            else {}
        )
        self.lines: list[str] = []

    def emit(self, line: str) -> None:
        self.lines.append(line)

    def source(self) -> str:
        look = self.look
        self.emit("digraph blueprint {")
        graph: dict[str, DotValue] = {
            "id": "blueprint",
            "class": "blueprint" + (" compact" if look.compact else ""),
            "charset": "UTF-8",
            "rankdir": self.options.direction,
            "newrank": "true",
            "fontname": FONT,
            "fontcolor": TEXT_COLOR,
            "bgcolor": "white",
            "pad": "0.3",
            "nodesep": look.nodesep,
            "ranksep": look.ranksep,
            "outputorder": "edgesfirst",  # lane lines and edges under the steps
            "label": self.title_label(),
            "labelloc": "t",
            "labeljust": "l",
            "tooltip": blueprint_description(self.report, self.options),
        }
        if self.sfdp:
            graph.update({"splines": "false", "overlap": "prism", "K": 0.9})
        else:
            graph["splines"] = "true"
        self.emit(f"  graph {attribute_list(graph)}")
        node: dict[str, DotValue] = {
            "fontname": FONT,
            "fontsize": look.font_size,
            "fontcolor": TEXT_COLOR,
            "style": "filled",
            "fillcolor": "white",
            "penwidth": 1.8,
            "margin": _NODE_MARGIN,
        }
        self.emit(f"  node {attribute_list(node)}")
        edge: dict[str, DotValue] = {
            "fontname": FONT,
            "fontsize": look.edge_font_size,
            "fontcolor": TEXT_COLOR,
            "color": HIGHLIGHT_COLORS["precedence"],
            "arrowsize": 0.8,
        }
        self.emit(f"  edge {attribute_list(edge)}")
        self.steps()
        if not self.sfdp:
            _Frame(self, _grid(self.report, self.lang)).write()
        self.edges()
        self.emit("}")
        return "\n".join(self.lines) + "\n"

    # -- title, key figures ------------------------------------------------------

    def title_label(self) -> HtmlLabel:
        title, subtitle = _titles(self.report, self.options, self.names)
        figures = _figures(self.report, self.lang)
        names = "".join(
            f'<TD ALIGN="LEFT" BGCOLOR="{_HEADER_FILL}">{_font(label_text(name), size=9)}</TD>'
            for name, _ in figures
        )
        values = "".join(
            f'<TD ALIGN="LEFT">{_font(label_text(value), size=12, bold=True)}</TD>'
            for _, value in figures
        )
        rows = [
            _font(label_text(title), size=self.look.title_size, bold=True),
            _font(label_text(subtitle), size=12),
            '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="3" COLOR="#999999">'
            f"<TR>{names}</TR><TR>{values}</TR></TABLE>",
        ]
        if not self.report.steps:
            rows.append(label_text(self.words["no_steps"]))
        if self.sfdp:
            rows.append(self.key_table(channels=True))
        cells = "".join(f'<TR><TD ALIGN="LEFT">{row}</TD></TR>' for row in rows)
        return HtmlLabel(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2">{cells}</TABLE>')

    # -- steps --------------------------------------------------------------------

    def steps(self) -> None:
        for node, data in self.graph.nodes(data=True):
            channel: Channel = data["channel"]
            level: Level = data["level"]
            classes = ["step", f"level-{level.value}", f"channel-{channel.value}"]
            if node in self.visit_number:
                classes.append("visit")
            if node in self.once_only:
                classes.append("once-only")
            if node in self.at_risk:
                classes.append("deadline-at-risk")
            attributes: dict[str, DotValue] = {
                "id": self.ids.step(node),
                "class": " ".join(classes),
                "shape": CHANNEL_STYLES[channel].shape,
                # A note's folded corner (6 points) would cover the end of the first line.
                "margin": _NOTE_MARGIN if CHANNEL_STYLES[channel].shape == "note" else None,
                "color": CHANNEL_STYLES[channel].color,
                # Without lanes (sfdp) the fill tells the level.
                "fillcolor": LEVEL_FILLS[level] if self.sfdp else None,
                "label": self.step_label(node),
                "tooltip": self.step_tooltip(node),
            }
            self.emit(f"  {quoted(self.ids.step(node))} {attribute_list(attributes)}")

    def step_label(self, node: str) -> HtmlLabel:
        look = self.look
        channel: Channel = self.graph.nodes[node]["channel"]
        glyph = _font(label_text(CHANNEL_STYLES[channel].glyph), size=look.font_size + 3)
        name = _html_lines(self.names.step(node), look.wrap, 2 if look.compact else None)
        day = f"{label('day', self.lang).capitalize()} {self.day[node]}"
        rows = [f'<TD VALIGN="TOP">{glyph}</TD><TD ALIGN="LEFT">{_font(name, bold=True)}</TD>']
        if look.compact:
            rows.append(f'<TD></TD><TD ALIGN="LEFT">{label_text(day)}</TD>')
        else:
            authority = _html_lines(self.names.authority(node), look.wrap + 4)
            rows.append(f'<TD></TD><TD ALIGN="LEFT">{_font(authority, color=_MUTED)}</TD>')
            channel_day = f"{self.names.channel(channel)} · {day}"
            rows.append(f'<TD></TD><TD ALIGN="LEFT">{label_text(channel_day)}</TD>')
        rows.extend(f"<TD></TD>{badge}" for badge in self.badges(node))
        body = "".join(f"<TR>{row}</TR>" for row in rows)
        return HtmlLabel(
            f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="1">{body}</TABLE>'
        )

    def badges(self, node: str) -> Iterator[str]:
        words = self.words
        compact = self.look.compact
        if node in self.visit_number:
            visits = self.report.visits
            text = words["visit_short" if compact else "visit"].format(
                number=self.visit_number[node], total=visits.minimum
            )
            if not compact:
                text += f" ({words['as_modelled'].format(count=visits.as_modelled)})"
            yield _badge("visit", text, self.look.wrap + 8)
        if node in self.once_only:
            evidence = ", ".join(self.names.evidence(item) for item in self.once_only[node])
            text = words["once_only"] if compact else f"{words['once_only_step']} {evidence}"
            yield _badge("once_only", text, self.look.wrap + 4)
        if node in self.at_risk:
            text = f"{words['deadline']} {self.graph.nodes[node]['deadline_days']}"
            if not compact:
                text += f", {label('starts_day', self.lang)} {self.day[node]}"
            yield _badge("deadline", text, self.look.wrap + 4)

    def step_tooltip(self, node: str) -> str:
        names = self.names
        words = self.words
        data = self.graph.nodes[node]
        step = data["step"]
        offered = ", ".join(names.channel(item) for item in data["channels"])
        lines = [
            names.step(node),
            f"{words['authority']}: {names.authority(node)} ({names.level(data['level'])})",
            f"{words['channel']}: {names.channel(data['channel'])} ({words['offered']}: {offered})",
            f"{label('day', self.lang).capitalize()} {self.day[node]}",
        ]
        if data["stage"]:
            lines.append(f"{words['stage']}: {names.stage(data['stage'])}")
        for key, items in (("requires", step.requires), ("produces", step.produces)):
            if items:
                lines.append(f"{words[key]}: " + ", ".join(names.evidence(e) for e in items))
        if step.legal_basis:
            lines.append(f"{words['legal_basis']}: {step.legal_basis}")
        if data["deadline_days"] is not None:
            at_risk = node in self.report.schedule.deadlines_at_risk
            risk = f" ({words['deadline_risk']})" if at_risk else ""
            lines.append(f"{words['deadline']} {data['deadline_days']}{risk}")
        if node in self.visit_number:
            visits = self.report.visits
            lines.append(
                words["visit"].format(number=self.visit_number[node], total=visits.minimum)
                + f" ({words['as_modelled'].format(count=visits.as_modelled)})"
            )
        lines.extend(
            f"{words['once_only_step']} {names.evidence(evidence)}"
            for evidence in self.once_only.get(node, [])
        )
        return "\n".join(lines)

    # -- edges ----------------------------------------------------------------------

    def edges(self) -> None:
        for source, target, data in self.graph.edges(data=True):
            look = self.edge_look(source, target, data)
            attributes: dict[str, DotValue] = {
                "id": self.ids.edge(source, target),
                "class": " ".join(look.classes),
                "color": look.color,
                "style": None if look.style == "solid" else look.style,
                "penwidth": look.penwidth,
                "tooltip": look.tooltip,
            }
            if look.label_lines and not self.look.compact:
                text = "".join(_html_lines(line, _WRAP_EDGE) for line in look.label_lines)
                # On white, so that an edge passing close by does not cut through the words;
                # the white stops 2 points short of the label's edge, along which dot draws
                # the edge itself (it would otherwise cover half of the line's width).
                attributes["label"] = HtmlLabel(
                    '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">'
                    f'<TR><TD BGCOLOR="white" ALIGN="LEFT">{text}</TD></TR></TABLE>'
                )
            self.emit(
                f"  {quoted(self.ids.step(source))} -> {quoted(self.ids.step(target))} "
                f"{attribute_list(attributes)}"
            )

    def edge_look(self, source: str, target: str, data: dict[str, Any]) -> _EdgeLook:
        names = self.names
        words = self.words
        evidence: tuple[str, ...] = tuple(data.get("evidence", ()))
        classes = ["dependency", "evidence" if evidence else "precedence"]
        if data.get("bridged"):
            classes.append("bridged")
        color = HIGHLIGHT_COLORS["evidence" if evidence else "precedence"]
        style, penwidth = "solid", 1.6 if evidence else 1.0
        label_lines: list[str] = []
        tooltip = [f"{names.step(source)} → {names.step(target)}"]
        carried: tuple[str, ...] = ()
        handover = self.handovers.get((source, target))
        if handover is not None:
            classes.append("authority-handover")
            color, style, penwidth = _HANDOVER
            carried = handover.evidence
            text = f"{label('carries', self.lang)} " + ", ".join(map(names.evidence, carried))
            label_lines.append(text)
            tooltip.append(
                f"{words['handover']} {handover.source_authority.name} → "
                f"{handover.target_authority.name}: {text}"
            )
        media_break = self.media_breaks.get((source, target))
        if media_break is not None:
            classes.append("media-break")
            channels = " → ".join(
                names.channel(self.graph.nodes[node]["channel"]) for node in (source, target)
            )
            text = f"{words['media_break']}: {channels}"
            # Too long for one line: break after the colon, never inside "vor Ort → online".
            fits = len(text) <= _WRAP_EDGE
            label_lines.extend([text] if fits else [f"{words['media_break']}:", channels])
            tooltip.append(
                f"{words['media_break']} ({channels}): "
                + ", ".join(map(names.evidence, media_break.evidence))
            )
            if handover is None:
                color, style, penwidth = _MEDIA_BREAK
            else:  # both: two parallel lines, dashed so that the break still shows
                color, style, penwidth = (
                    f"{_HANDOVER[0]}:{_MEDIA_BREAK[0]}",
                    "dashed",
                    _BOTH_PENWIDTH,
                )
        others = [item for item in evidence if item not in carried]
        if others:
            label_lines.append(", ".join(map(names.evidence, others)))
        if evidence:
            tooltip.append(f"{words['evidence']}: " + ", ".join(map(names.evidence, evidence)))
        else:
            tooltip.append(words["order_bridged" if data.get("bridged") else "order"])
        return _EdgeLook(
            tuple(classes), color, style, penwidth, tuple(label_lines), "\n".join(tooltip)
        )

    # -- the key ------------------------------------------------------------------

    def key_table(self, *, channels: bool) -> str:
        """The highlights (and, where shapes cannot be drawn, the channels) as a table."""
        words = self.words
        lang = self.lang
        rows: list[tuple[str, str]] = []
        if channels:
            used = {data["channel"] for _, data in self.graph.nodes(data=True)}
            for channel in (item for item in Channel if item in used):
                look = CHANNEL_STYLES[channel]
                rows.append(
                    (_font(label_text(look.glyph), color=look.color), self.names.channel(channel))
                )

        # Line samples drawn with box-drawing characters in the edge's colour.
        def line(sample: str, color: str) -> str:
            return _font(sample, color=color, bold=True)

        evidence_key = words["evidence_key_compact" if self.look.compact else "evidence_key"]
        rows.append((line("───▶", HIGHLIGHT_COLORS["precedence"]), words["order"]))
        rows.append((line("───▶", HIGHLIGHT_COLORS["evidence"]), evidence_key))
        if self.handovers:
            rows.append((line("━━━▶", _HANDOVER[0]), label("authority_handovers", lang)))
        if self.media_breaks:
            rows.append((line("╍╍╍▶", _MEDIA_BREAK[0]), label("media_breaks", lang)))
        cells = "".join(
            f'<TR><TD ALIGN="LEFT">{sample}</TD><TD ALIGN="LEFT">{label_text(text)}</TD></TR>'
            for sample, text in rows
        )
        for kind, text in (
            ("visit", words["visit_key"] if self.visit_number else ""),
            ("once_only", label("once_only", lang) if self.once_only else ""),
            ("deadline", label("deadlines", lang) if self.at_risk else ""),
        ):
            if text:
                glyph, cell_style, color = _BADGES[kind]
                cells += (
                    f'<TR><TD BORDER="1" STYLE="{cell_style}" COLOR="{color}">{label_text(glyph)}'
                    f'</TD><TD ALIGN="LEFT">{label_text(text)}</TD></TR>'
                )
        return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{cells}</TABLE>'


class _Frame:
    """Column and lane headers, the key, and the separators that keep the lanes in order.

    Bands in order across the ranks: 0 the column headers, 1..L the lanes, L+1
    the key. Separator ``k`` lies between band ``k`` and band ``k + 1``.
    """

    def __init__(self, writer: _Writer, grid: _Grid) -> None:
        self.writer = writer
        self.grid = grid
        self.boundaries = len(writer.lanes) + 1
        self.members: dict[int, list[list[str]]] = {}

    def place(self, rank: int, band: int, name: str) -> None:
        bands = self.members.setdefault(rank, [[] for _ in range(self.boundaries + 1)])
        bands[band].append(quoted(name))

    def node(self, name: str, attributes: dict[str, DotValue]) -> None:
        self.writer.emit(f"  {quoted(name)} {attribute_list(attributes)}")

    def write(self) -> None:
        writer = self.writer
        lane = {level: band for band, level in enumerate(writer.lanes, start=1)}
        for node, data in writer.graph.nodes(data=True):
            self.place(self.grid.rank[node], lane[data["level"]], writer.ids.step(node))
        self.column_headers()
        self.lane_headers(lane)
        self.key()
        self.separators()

    def heading(self, text: str, extra: float = 2) -> HtmlLabel:
        return HtmlLabel(
            _font(label_text(text), size=self.writer.look.font_size + extra, bold=True)
        )

    def column_headers(self) -> None:
        writer = self.writer
        stages = writer.report.journey.life_event.life_event.stages
        column_word = writer.words["stage"] if stages else label("day", writer.lang).capitalize()
        down, across = ("↓", "→") if writer.options.direction == "LR" else ("→", "↓")
        corner = f"{writer.words['level']} {down} · {column_word} {across}"
        self.node(
            "corner",
            {
                "shape": "plaintext",
                "style": "",
                "label": HtmlLabel(
                    _font(label_text(corner), size=writer.look.font_size - 1, color=_MUTED)
                ),
            },
        )
        self.place(1, 0, "corner")
        # The header band, left to right: each column's title at its first rank and, when
        # the column spans more ranks, a line to its last rank that ends in a tick, so
        # that every step stands under the title of its column. Invisible edges between
        # the columns keep the band one straight row.
        previous = "corner"
        ends = [*self.grid.column_start[1:], self.grid.last]
        for index, (title, rank, end) in enumerate(
            zip(self.grid.titles, self.grid.column_start, ends, strict=True)
        ):
            name = f"column-{index}"
            self.node(
                name,
                {
                    "id": name,
                    "class": "column",
                    "shape": "box",
                    "style": "filled,rounded",
                    "fillcolor": _HEADER_FILL,
                    "color": _HEADER_FILL,
                    "label": self.heading(title),
                    "tooltip": title,
                },
            )
            self.place(rank, 0, name)
            self.link(previous, name, visible=False)
            previous = name
            if end - 1 > rank:
                extent = f"column-{index}-end"
                self.node(
                    extent,
                    {
                        "class": "column-extent",
                        "shape": "point",
                        "width": 0.03,
                        "color": _FRAME_LINE,
                        "fillcolor": _FRAME_LINE,
                        "label": "",
                        "tooltip": title,
                    },
                )
                self.place(end - 1, 0, extent)
                self.link(name, extent, visible=True)
                previous = extent

    def link(self, tail: str, head: str, *, visible: bool) -> None:
        """An edge of the header band: straight, drawn when it shows a column's extent."""
        attributes: dict[str, DotValue] = {"weight": 10_000}
        if visible:
            attributes.update(
                {
                    "class": "column-extent",
                    "color": _FRAME_LINE,
                    "penwidth": 1.5,
                    "arrowhead": "tee",
                    "arrowsize": 1.2,
                }
            )
        else:
            attributes["style"] = "invis"
        self.writer.emit(f"  {quoted(tail)} -> {quoted(head)} {attribute_list(attributes)}")

    def lane_headers(self, lane: dict[Level, int]) -> None:
        writer = self.writer
        counts = dict.fromkeys(writer.lanes, 0)
        for _, data in writer.graph.nodes(data=True):
            counts[data["level"]] += 1
        for level in writer.lanes:
            name = f"lane-{level.value}"
            title = writer.names.level(level)
            self.node(
                name,
                {
                    "id": name,
                    "class": f"lane level-{level.value}",
                    "shape": "box",
                    "style": "filled,rounded",
                    "fillcolor": LEVEL_FILLS[level],
                    "color": "#999999",
                    "penwidth": 1.0,
                    "label": self.heading(title),
                    "tooltip": f"{writer.words['level']}: {title} "
                    f"({counts[level]} {writer.words['steps_in_lane']})",
                },
            )
            self.place(1, lane[level], name)

    def key(self) -> None:
        """The key in the last band: its title in rank 1, its entries spread over the ranks."""
        writer = self.writer
        band = self.boundaries
        self.node(
            "key",
            {
                "id": "key",
                "class": "key",
                "shape": "plaintext",
                "style": "",
                "label": self.heading(writer.words["key"]),
            },
        )
        self.place(1, band, "key")
        entries: list[tuple[str, dict[str, DotValue]]] = []
        used = {data["channel"] for _, data in writer.graph.nodes(data=True)}
        for channel in (item for item in Channel if item in used):
            look = CHANNEL_STYLES[channel]
            # A no-break space: Graphviz starts a new text run at the font change, and an
            # SVG viewer drops a run's leading plain space ("⌂vor Ort").
            glyph = _font(label_text(look.glyph) + "&#160;", size=writer.look.font_size + 3)
            entries.append(
                (
                    f"key-channel-{channel.value}",
                    {
                        "id": f"key-channel-{channel.value}",
                        "class": f"key-entry channel-{channel.value}",
                        "shape": look.shape,
                        "margin": _NOTE_MARGIN if look.shape == "note" else None,
                        "color": look.color,
                        "label": HtmlLabel(glyph + label_text(writer.names.channel(channel))),
                        "tooltip": f"{writer.words['channel']}: {writer.names.channel(channel)}",
                    },
                )
            )
        entries.append(
            (
                "key-highlights",
                {
                    "id": "key-highlights",
                    "class": "key-entry highlights",
                    "shape": "plaintext",
                    "style": "",
                    "label": HtmlLabel(writer.key_table(channels=False)),
                },
            )
        )
        # One entry per rank from rank 2 on; stacked when the journey has fewer ranks.
        ranks = max(1, self.grid.last - 2)
        per_rank = math.ceil(len(entries) / ranks)
        for number, (name, attributes) in enumerate(entries):
            self.node(name, attributes)
            self.place(2 + number // per_rank, band, name)

    def separators(self) -> None:
        writer = self.writer
        last = max(self.grid.last, *self.members)

        def separator(boundary: int, rank: int) -> str:
            return f'"sep-{boundary}-{rank}"'

        horizontal = writer.options.direction == "LR"
        # Lines between lanes: separators chained across the ranks. dot leaves a gap of
        # 2 points at each separator, so each is a dash of the line's colour that fills it.
        for boundary in range(self.boundaries):
            outer = boundary in (0, self.boundaries - 1)
            color, penwidth = (_FRAME_LINE, 1.2) if outer else (_LANE_LINE, 1.0)
            plug: dict[str, DotValue] = {
                "shape": "box",
                "style": "filled",
                "fixedsize": "true",
                # Along the line 0.04 inch (the gap is 2 points), across it the pen width.
                "width": 0.04 if horizontal else round(penwidth / 72, 4),
                "height": round(penwidth / 72, 4) if horizontal else 0.04,
                "penwidth": 0,
                "fillcolor": color,
                "label": "",
                "class": "lane-separator",
            }
            chain = [separator(boundary, rank) for rank in range(last + 1)]
            writer.emit(f"  {{ node {attribute_list(plug)}; {'; '.join(chain)}; }}")
            line: dict[str, DotValue] = {
                "class": "lane-separator",
                "color": color,
                "penwidth": penwidth,
                "arrowhead": "none",
                "headclip": "false",
                "tailclip": "false",
                # Straight lines: the separators of a boundary align (1,000 still bent them).
                "weight": 10_000,
            }
            writer.emit(f"  {' -> '.join(chain)} {attribute_list(line)}")
        for rank in range(last + 1):
            bands = self.members.get(rank, [[] for _ in range(self.boundaries + 1)])
            names = [separator(boundary, rank) for boundary in range(self.boundaries)]
            names += [name for members in bands for name in members]
            writer.emit("  { rank=same; " + "; ".join(names) + "; }")
            # Same-rank edges keep band b between separators b - 1 and b; within a
            # band dot orders freely.
            order = [
                f"{separator(boundary, rank)} -> {separator(boundary + 1, rank)}"
                for boundary in range(self.boundaries - 1)
            ]
            for band, members in enumerate(bands):
                for name in members:
                    if band > 0:
                        order.append(f"{separator(band - 1, rank)} -> {name}")
                    if band < self.boundaries:
                        order.append(f"{name} -> {separator(band, rank)}")
            writer.emit("  { edge [style=invis]; " + "; ".join(order) + "; }")
            # dot's crossing minimisation may swap two nodes across a same-rank edge
            # when a node between them has no neighbour in the next rank; a weightless
            # edge to the neighbouring separators gives every node one.
            anchors: list[str] = []
            for band, members in enumerate(bands):
                boundary = min(band, self.boundaries - 1)
                for name in members:
                    if rank > 0:
                        anchors.append(f"{separator(boundary, rank - 1)} -> {name}")
                    if rank < last:
                        anchors.append(f"{name} -> {separator(boundary, rank + 1)}")
            if anchors:
                writer.emit("  { edge [style=invis, weight=0]; " + "; ".join(anchors) + "; }")


def _badge(kind: str, text: str, width: int) -> str:
    glyph, cell_style, color = _BADGES[kind]
    content = _html_lines(f"{glyph} {text}", width)
    return (
        f'<TD BORDER="1" STYLE="{cell_style}" COLOR="{color}" ALIGN="LEFT" '
        f'CELLPADDING="2">{content}</TD>'
    )


def _titles(report: Report, options: RenderOptions, names: DisplayNames) -> tuple[str, str]:
    lang = options.lang
    title = options.title or f"{names.life_event()} · {_WORDS[lang]['blueprint']}"
    parts = [f"{label('persona', lang)}: {names.persona()}"]
    municipality = names.municipality()
    if municipality:
        parts.append(f"{label('municipality', lang)}: {municipality}")
    return title, " · ".join(parts)


def _figures(report: Report, lang: Language) -> list[tuple[str, str]]:
    visits = report.visits
    minimum = str(visits.minimum)
    if not visits.minimum_exact:
        minimum += f" ({label('heuristic', lang)})"
    return [
        (label("steps", lang), str(report.steps)),
        (label("visits_modelled", lang), str(visits.as_modelled)),
        (label("visits_minimum", lang), minimum),
        (label("authority_handovers", lang), str(len(report.authority_handovers))),
        (label("media_breaks", lang), str(len(report.media_breaks))),
        (label("once_only", lang), str(len(report.once_only_violations))),
        (label("duration", lang), str(report.schedule.duration_days)),
        (label("deadlines", lang), str(len(report.schedule.deadlines_at_risk))),
    ]
