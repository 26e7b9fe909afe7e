"""The DOT writer of a blueprint: graph settings, title, steps and dependencies.

Steps are nodes shaped and outlined by their channel, with the step's name,
authority, channel and day (in the words of every view,
:func:`~lifeevents.views.columns.step_days`), and badges for the highlighted findings. Each
dependency is an edge, styled by the handover or media break it is and
labelled with the evidence it carries. The lanes, columns and key around them
come from :mod:`lifeevents.views.blueprint.frame`.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.options import RenderOptions
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
>>> source = write_source(drawing)
>>> source.splitlines()[0], source.count('class="step ')
('digraph blueprint {', 4)
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lifeevents.model.vocabulary import Channel, Level
from lifeevents.views.blueprint.badges import badge_wrap, step_badges
from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.fit import fit
from lifeevents.views.blueprint.frame import Frame
from lifeevents.views.blueprint.heading import heading_label
from lifeevents.views.blueprint.layout import Grid
from lifeevents.views.blueprint.look import (
    BOTH_PENWIDTH,
    HANDOVER,
    MEDIA_BREAK,
    MUTED,
    NODE_MARGIN,
    badge_cell,
    channel_day_lines,
    label_lines,
    shape_attributes,
)
from lifeevents.views.blueprint.markers import marker_cell, marker_distances, number_markers
from lifeevents.views.blueprint.titles import description
from lifeevents.views.escape.dot import DotValue, HtmlLabel, attribute_list, label_text, quoted
from lifeevents.views.graphviz_labels import font
from lifeevents.views.style import (
    CHANNEL_STYLES,
    FONT,
    HIGHLIGHT_COLORS,
    LEVEL_FILLS,
    TEXT_COLOR,
)

__all__ = ["write_source"]


def write_source(drawing: Drawing) -> str:
    """The DOT text of one blueprint.

    Parameters
    ----------
    drawing : Drawing
        The render: report, options, words and names, look and highlights.

    Returns
    -------
    str
        The DOT text, ending in a line break.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=True)
    >>> "lane-" in write_source(drawing)  # no lanes for sfdp
    False
    """
    return _Writer(drawing).source()


@dataclass(frozen=True)
class _EdgeLook:
    classes: tuple[str, ...]
    color: str
    style: str
    penwidth: float
    findings: tuple[str, ...]
    tooltip: str


class _Writer:
    """Builds the DOT text of one blueprint, line by line."""

    def __init__(self, drawing: Drawing) -> None:
        self.words = drawing.wording.words
        self.names = drawing.wording.names
        self.graph = drawing.graph
        self.lines: list[str] = []
        self.drawing = drawing
        self.looks = {
            (source, target): self.edge_look(source, target, data)
            for source, target, data in self.graph.edges(data=True)
        }
        self.grid: Grid | None = None
        self.wide_key = False
        if not drawing.sfdp:
            # The layout, the key's arrangement and the size of the steps' details.
            texts = {"; ".join(look.findings) for look in self.looks.values()}
            fitted = fit(drawing, sorted(text for text in texts if text))
            self.drawing, self.grid, self.wide_key = fitted.drawing, fitted.grid, fitted.wide_key
        self.markers = number_markers(
            (
                (source, target, "; ".join(look.findings))
                for (source, target), look in self.looks.items()
                if look.findings and not drawing.look.compact
            ),
            self.grid.rank if self.grid is not None else {},
        )
        self.marker_distance = marker_distances(
            self.markers, self.grid.rank if self.grid is not None else {}
        )

    def emit(self, line: str) -> None:
        self.lines.append(line)

    def source(self) -> str:
        drawing = self.drawing
        look = drawing.look
        self.emit("digraph blueprint {")
        graph: dict[str, DotValue] = {
            "id": "blueprint",
            "class": "blueprint" + (" compact" if look.compact else ""),
            "charset": "UTF-8",
            "rankdir": drawing.options.direction,
            "newrank": "true",
            "fontname": FONT,
            "fontcolor": TEXT_COLOR,
            "bgcolor": "white",
            "pad": "0.15",
            "nodesep": look.nodesep,
            "ranksep": look.ranksep,
            "outputorder": "edgesfirst",  # lane lines and edges under the steps
            "label": heading_label(drawing, self.markers, wide=self.wide_key),
            "labelloc": "t",
            "labeljust": "l",
            "tooltip": description(drawing.report, drawing.wording),
        }
        if drawing.sfdp:
            graph.update({"splines": "false", "overlap": "prism", "K": 0.9})
        else:
            graph["splines"] = "true"
        self.emit(f"  graph {attribute_list(graph)}")
        node: dict[str, DotValue] = {
            "fontname": FONT,
            "fontsize": look.detail_size,
            "fontcolor": TEXT_COLOR,
            "style": "filled",
            "fillcolor": "white",
            "penwidth": 1.8,
            "margin": NODE_MARGIN,
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
        if self.grid is not None:
            Frame(drawing, self.grid, self.emit).write()
        self.edges()
        self.emit("}")
        return "\n".join(self.lines) + "\n"

    # -- steps --------------------------------------------------------------------

    def steps(self) -> None:
        drawing = self.drawing
        for node, data in self.graph.nodes(data=True):
            channel: Channel = data["channel"]
            level: Level = data["level"]
            classes = ["step", f"level-{level.value}", f"channel-{channel.value}"]
            if node in drawing.visit_number:
                classes.append("visit")
            if node in drawing.once_only:
                classes.append("once-only")
            if node in drawing.at_risk:
                classes.append("deadline-at-risk")
            attributes: dict[str, DotValue] = {
                "id": drawing.ids.step(node),
                "class": " ".join(classes),
                **shape_attributes(CHANNEL_STYLES[channel]),
                # Without lanes (sfdp) the fill tells the level.
                "fillcolor": LEVEL_FILLS[level] if drawing.sfdp else None,
                "label": self.step_label(node),
                "tooltip": self.step_tooltip(node),
            }
            self.emit(f"  {quoted(drawing.ids.step(node))} {attribute_list(attributes)}")

    def step_label(self, node: str) -> HtmlLabel:
        drawing = self.drawing
        look = drawing.look
        channel: Channel = self.graph.nodes[node]["channel"]
        glyph = font(label_text(CHANNEL_STYLES[channel].glyph) + "&#160;", size=look.font_size + 2)
        name = label_lines(self.names.step(node), look.wrap, 2 if look.compact else None)
        name = font(name, size=look.font_size, bold=True)
        rows = [f'<TD></TD><TD ALIGN="LEFT">{glyph}{name}</TD>']  # the glyph opens the name
        day = drawing.day_text[node]
        if look.compact:
            rows.append(f'<TD></TD><TD ALIGN="LEFT">{label_text(" ".join(day))}</TD>')
        else:
            width = look.detail_wrap
            authority = label_lines(self.names.authority(node), width)
            rows.append(f'<TD></TD><TD ALIGN="LEFT">{font(authority, color=MUTED)}</TD>')
            details = channel_day_lines(self.names.channel(channel), day, width)
            rows.extend(f'<TD></TD><TD ALIGN="LEFT">{label_text(line)}</TD>' for line in details)
        wrap = badge_wrap(look)
        rows.extend(
            f"<TD></TD>{badge_cell(kind, text, wrap)}" for kind, text in step_badges(drawing, node)
        )
        body = "".join(f"<TR>{row}</TR>" for row in rows)
        return HtmlLabel(
            f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="1" CELLPADDING="1">{body}</TABLE>'
        )

    def step_tooltip(self, node: str) -> str:
        drawing = self.drawing
        names = self.names
        words = self.words
        data = self.graph.nodes[node]
        step = data["step"]
        offered = ", ".join(names.channel(item) for item in data["channels"])
        channel = names.channel(data["channel"])
        lines = [
            names.step(node),
            f"{words['blueprint.authority']}: {names.authority(node)} "
            f"({names.level(data['level'])})",
            f"{words['blueprint.channel']}: {channel} ({words['blueprint.offered']}: {offered})",
            " ".join(drawing.day_text[node]),
        ]
        if data["stage"]:
            lines.append(f"{words['blueprint.stage']}: {names.stage(data['stage'])}")
        for key, items in (
            ("blueprint.requires", step.requires),
            ("blueprint.produces", step.produces),
        ):
            if items:
                lines.append(f"{words[key]}: " + ", ".join(names.evidence(e) for e in items))
        if step.legal_basis:
            lines.append(f"{words['blueprint.legal_basis']}: {step.legal_basis}")
        if data["deadline_days"] is not None:
            at_risk = node in drawing.report.schedule.deadlines_at_risk
            risk = f" ({words['blueprint.deadline_risk']})" if at_risk else ""
            lines.append(f"{words['blueprint.deadline']} {data['deadline_days']}{risk}")
        if node in drawing.visit_number:
            visits = drawing.report.visits
            wording = drawing.wording
            lines.append(
                wording.counted(
                    "blueprint.visit_needed",
                    visits.minimum,
                    number=drawing.visit_number[node],
                    total=visits.minimum,
                )
                + "; "
                + wording.counted(
                    "blueprint.visits_today", visits.as_modelled, count=visits.as_modelled
                )
            )
        lines.extend(
            f"{words['blueprint.once_only_step']} {names.evidence(evidence)}"
            for evidence in drawing.once_only.get(node, [])
        )
        return "\n".join(lines)

    # -- edges ----------------------------------------------------------------------

    def edges(self) -> None:
        drawing = self.drawing
        for (source, target), look in self.looks.items():
            attributes: dict[str, DotValue] = {
                "id": drawing.ids.edge(source, target),
                "class": " ".join(look.classes),
                "color": look.color,
                "style": None if look.style == "solid" else look.style,
                "penwidth": look.penwidth,
                "tooltip": look.tooltip,
            }
            number = self.markers.number.get((source, target))
            if number is not None:
                # On the edge just before the arrowhead (angle 0), placed after the layout.
                color = look.color.split(":")[0]
                attributes.update(
                    {
                        "headlabel": HtmlLabel(
                            marker_cell(number, color, drawing.look.marker_size)
                        ),
                        "labelangle": 0,
                        "labeldistance": self.marker_distance[source, target],
                        "headtooltip": look.tooltip,
                    }
                )
            self.emit(
                f"  {quoted(drawing.ids.step(source))} -> {quoted(drawing.ids.step(target))} "
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
        on_edge: list[str] = []
        tooltip = [f"{names.step(source)} → {names.step(target)}"]
        carried: tuple[str, ...] = ()
        handover = self.drawing.handovers.get((source, target))
        if handover is not None:
            classes.append("authority-handover")
            color, style, penwidth = HANDOVER
            carried = handover.evidence
            text = f"{words['carries']} " + ", ".join(map(names.evidence, carried))
            on_edge.append(text)
            tooltip.append(
                f"{words['blueprint.handover']} {handover.source_authority.name} → "
                f"{handover.target_authority.name}: {text}"
            )
        media_break = self.drawing.media_breaks.get((source, target))
        if media_break is not None:
            classes.append("media-break")
            channels = " → ".join(
                names.channel(self.graph.nodes[node]["channel"]) for node in (source, target)
            )
            on_edge.append(f"{words['blueprint.media_break']}: {channels}")
            tooltip.append(
                f"{words['blueprint.media_break']} ({channels}): "
                + ", ".join(map(names.evidence, media_break.evidence))
            )
            if handover is None:
                color, style, penwidth = MEDIA_BREAK
            else:  # both: two parallel lines, dashed so that the break still shows
                color, style, penwidth = (
                    f"{HANDOVER[0]}:{MEDIA_BREAK[0]}",
                    "dashed",
                    BOTH_PENWIDTH,
                )
        others = [item for item in evidence if item not in carried]
        if others:
            on_edge.append(", ".join(map(names.evidence, others)))
        if evidence:
            tooltip.append(
                f"{words['blueprint.evidence']}: " + ", ".join(map(names.evidence, evidence))
            )
        else:
            tooltip.append(
                words["blueprint.order_bridged" if data.get("bridged") else "blueprint.order"]
            )
        return _EdgeLook(tuple(classes), color, style, penwidth, tuple(on_edge), "\n".join(tooltip))
