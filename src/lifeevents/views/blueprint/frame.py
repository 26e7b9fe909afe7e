"""The frame of a blueprint: column and lane headers, the key, and the lane lines.

Why lanes are not clusters: ``dot`` orders clusters by its crossing
minimisation, and nothing pins that order (invisible edges, ``ordering=out``
and ``rank=same`` headers all left lanes shuffled in most random journeys). So
every step has its rank from :mod:`lifeevents.views.blueprint.layout`, and each
rank holds one separator per lane boundary. Invisible same-rank edges chain
each rank in lane order, separators between the lanes; the separators of one
boundary, chained across the ranks with a heavy weight, are drawn as the
straight line between two lanes. Within a lane ``dot`` still orders the steps
to avoid crossings. A column spans a rank interval, so its title stands at its
first rank, with a line to its last rank (dot draws no vertical lines between
columns: an edge within a rank bends around every node between its ends).
"""

from __future__ import annotations

import math
from collections.abc import Callable

from lifeevents.model.vocabulary import Channel, Level
from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.layout import Grid
from lifeevents.views.blueprint.look import (
    FRAME_LINE,
    HEADER_FILL,
    LANE_LINE,
    MUTED,
    shape_attributes,
)
from lifeevents.views.escape.dot import DotValue, HtmlLabel, attribute_list, label_text, quoted
from lifeevents.views.graphviz_labels import font
from lifeevents.views.style import CHANNEL_STYLES, LEVEL_FILLS

__all__ = ["HEADER_GAP", "Frame"]

#: Points between the end of a column's bar and the next column's title.
HEADER_GAP = 8


class Frame:
    """Column and lane headers, the key, and the separators that keep the lanes in order.

    Bands in order across the ranks: 0 the column headers, 1..L the lanes, L+1
    the key. Separator ``k`` lies between band ``k`` and band ``k + 1``.

    Parameters
    ----------
    drawing : Drawing
        The render: its lanes, words and names, look and highlights.
    grid : Grid
        The column titles and the rank of every step.
    emit : Callable[[str], None]
        Takes each line of DOT text, in order.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.blueprint.layout import grid
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> wording = Wording.of(report)
    >>> drawing = Drawing.of(report, RenderOptions(), wording, sfdp=False)
    >>> lines: list[str] = []
    >>> Frame(drawing, grid(report, wording), lines.append).write()
    >>> [line.split(" [")[0].strip() for line in lines if line.startswith('  "lane-')]
    ['"lane-kreis"', '"lane-gemeinde"', '"lane-privat"']
    """

    def __init__(self, drawing: Drawing, grid: Grid, emit: Callable[[str], None]) -> None:
        self.drawing = drawing
        self.grid = grid
        self.emit = emit
        self.boundaries = len(drawing.lanes) + 1
        self.members: dict[int, list[list[str]]] = {}

    def _place(self, rank: int, band: int, name: str) -> None:
        bands = self.members.setdefault(rank, [[] for _ in range(self.boundaries + 1)])
        bands[band].append(quoted(name))

    def _node(self, name: str, attributes: dict[str, DotValue]) -> None:
        self.emit(f"  {quoted(name)} {attribute_list(attributes)}")

    def write(self) -> None:
        """Emit the headers, the key and the separators, each step placed in its band."""
        drawing = self.drawing
        lane = {level: band for band, level in enumerate(drawing.lanes, start=1)}
        for node, data in drawing.graph.nodes(data=True):
            self._place(self.grid.rank[node], lane[data["level"]], drawing.ids.step(node))
        self._column_headers()
        self._lane_headers(lane)
        self._key()
        self._separators()

    def _heading(self, text: str, extra: float = 2) -> HtmlLabel:
        return HtmlLabel(
            font(label_text(text), size=self.drawing.look.font_size + extra, bold=True)
        )

    def _column_headers(self) -> None:
        drawing = self.drawing
        words = drawing.wording.words
        stages = drawing.report.journey.life_event.life_event.stages
        column_word = words["blueprint.stage"] if stages else drawing.wording.day
        down, across = ("↓", "→") if drawing.options.direction == "LR" else ("→", "↓")
        corner = f"{words['blueprint.level']} {down} · {column_word} {across}"
        self._node(
            "corner",
            {
                "shape": "plaintext",
                "style": "",
                "label": HtmlLabel(
                    font(label_text(corner), size=drawing.look.detail_size, color=MUTED)
                ),
            },
        )
        self._place(1, 0, "corner")
        # The header band, left to right: each column's title at its first rank and, when
        # the column spans more ranks, a bar from it to just before the next column's title
        # (after the last column: to the right margin), so that the bar passes over the
        # whole width of every step of its column. Invisible edges between single-rank
        # columns keep the band one straight row.
        previous = "corner"
        for index, (title, rank) in enumerate(
            zip(self.grid.titles, self.grid.column_start, strict=True)
        ):
            name = f"column-{index}"
            self._node(name, self._column_header(name, title))
            self._place(rank, 0, name)
            self._link(previous, name, bar=self._spans(index - 1))
            previous = name
        if self.grid.titles:
            end = "column-end"
            self._node(
                end,
                {"class": "column-end", "shape": "point", "style": "invis", "width": 0.03},
            )
            self._place(self.grid.last, 0, end)
            self._link(previous, end, bar=self._spans(len(self.grid.titles) - 1))

    def _spans(self, index: int) -> str | None:
        """The bar id of column ``index`` when it spans several ranks, else None."""
        if index < 0:
            return None
        starts = self.grid.column_start
        end = starts[index + 1] if index + 1 < len(starts) else self.grid.last
        return f"column-{index}-bar" if end - starts[index] > 1 else None

    def _column_header(self, name: str, title: str) -> dict[str, DotValue]:
        """A column's title: a grey rounded box, with a clear gap before it.

        A bar ends where an edge is clipped, at the node's border; the box within the
        node starts :data:`HEADER_GAP` points further on, so the bar of the column
        before ends clearly before the title, not touching it.
        """
        heading = font(label_text(title), size=self.drawing.look.font_size + 2, bold=True)
        box = f'<TD BGCOLOR="{HEADER_FILL}" STYLE="rounded" CELLPADDING="5">{heading}</TD>'
        if self.drawing.options.direction == "LR":
            rows = f'<TR><TD WIDTH="{HEADER_GAP}"></TD>{box}</TR>'
        else:
            rows = f'<TR><TD HEIGHT="{HEADER_GAP}"></TD></TR><TR>{box}</TR>'
        return {
            "id": name,
            "class": "column",
            "shape": "plaintext",
            "style": "",
            "margin": 0,
            "label": HtmlLabel(
                f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">{rows}</TABLE>'
            ),
            "tooltip": title,
        }

    def _link(self, tail: str, head: str, *, bar: str | None) -> None:
        """An edge of the header band: straight; drawn as the bar ``bar`` when given."""
        attributes: dict[str, DotValue] = {"weight": 10_000}
        if bar is not None:
            attributes.update(
                {
                    "id": bar,
                    "class": "column-extent",
                    "color": FRAME_LINE,
                    "penwidth": 1.5,
                    "arrowhead": "tee",
                    "arrowsize": 1.2,
                }
            )
        else:
            attributes["style"] = "invis"
        self.emit(f"  {quoted(tail)} -> {quoted(head)} {attribute_list(attributes)}")

    def _lane_headers(self, lane: dict[Level, int]) -> None:
        drawing = self.drawing
        words = drawing.wording.words
        counts = dict.fromkeys(drawing.lanes, 0)
        for _, data in drawing.graph.nodes(data=True):
            counts[data["level"]] += 1
        for level in drawing.lanes:
            name = f"lane-{level.value}"
            title = drawing.wording.names.level(level)
            self._node(
                name,
                {
                    "id": name,
                    "class": f"lane level-{level.value}",
                    "shape": "box",
                    "style": "filled,rounded",
                    "fillcolor": LEVEL_FILLS[level],
                    "color": "#999999",
                    "penwidth": 1.0,
                    # As large as a step name, so the lane headers stay narrow.
                    "label": self._heading(title, extra=0),
                    "tooltip": f"{words['blueprint.level']}: {title} "
                    f"({counts[level]} {words['blueprint.steps_in_lane']})",
                },
            )
            self._place(1, lane[level], name)

    def _key(self) -> None:
        """The key of the channels in the last band: its title in rank 1, one shape per rank."""
        drawing = self.drawing
        words, names = drawing.wording.words, drawing.wording.names
        band = self.boundaries
        self._node(
            "key",
            {
                "id": "key",
                "class": "key",
                "shape": "plaintext",
                "style": "",
                "label": self._heading(words["blueprint.key"]),
            },
        )
        self._place(1, band, "key")
        entries: list[tuple[str, dict[str, DotValue]]] = []
        used = {data["channel"] for _, data in drawing.graph.nodes(data=True)}
        for channel in (item for item in Channel if item in used):
            look = CHANNEL_STYLES[channel]
            # A no-break space: Graphviz starts a new text run at the font change, and an
            # SVG viewer drops a run's leading plain space ("⌂vor Ort").
            size = drawing.look.key_size
            glyph = font(label_text(look.glyph) + "&#160;", size=size + 3)
            entries.append(
                (
                    f"key-channel-{channel.value}",
                    {
                        "id": f"key-channel-{channel.value}",
                        "class": f"key-entry channel-{channel.value}",
                        **shape_attributes(look),
                        "label": HtmlLabel(
                            glyph + font(label_text(names.channel(channel)), size=size)
                        ),
                        "tooltip": f"{words['blueprint.channel']}: {names.channel(channel)}",
                    },
                )
            )
        # One entry per rank from rank 2 on; stacked when the journey has fewer ranks.
        ranks = max(1, self.grid.last - 2)
        per_rank = math.ceil(len(entries) / ranks)
        for number, (name, attributes) in enumerate(entries):
            self._node(name, attributes)
            self._place(2 + number // per_rank, band, name)

    def _separators(self) -> None:
        drawing = self.drawing
        last = max(self.grid.last, *self.members)

        def separator(boundary: int, rank: int) -> str:
            return f'"sep-{boundary}-{rank}"'

        horizontal = drawing.options.direction == "LR"
        # Lines between lanes: separators chained across the ranks. dot leaves a gap of
        # 2 points at each separator, so each is a dash of the line's colour that fills it.
        for boundary in range(self.boundaries):
            outer = boundary in (0, self.boundaries - 1)
            color, penwidth = (FRAME_LINE, 1.2) if outer else (LANE_LINE, 1.0)
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
            self.emit(f"  {{ node {attribute_list(plug)}; {'; '.join(chain)}; }}")
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
            self.emit(f"  {' -> '.join(chain)} {attribute_list(line)}")
        for rank in range(last + 1):
            bands = self.members.get(rank, [[] for _ in range(self.boundaries + 1)])
            names = [separator(boundary, rank) for boundary in range(self.boundaries)]
            names += [name for members in bands for name in members]
            self.emit("  { rank=same; " + "; ".join(names) + "; }")
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
            self.emit("  { edge [style=invis]; " + "; ".join(order) + "; }")
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
                self.emit("  { edge [style=invis, weight=0]; " + "; ".join(anchors) + "; }")
