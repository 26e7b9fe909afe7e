"""The key of a blueprint: what the line styles and badges mean (and, without lanes, the channels).

Line samples are drawn with box-drawing characters in the edge's colour, badges
with their own border style, so the key reads like the map.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.options import RenderOptions
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
>>> table = key_table(drawing, channels=False)
>>> "Reihenfolge" in table, "Bürger als Bote" in table, "Medienbrüche" in table
(True, True, False)
"""

from __future__ import annotations

from lifeevents.model.vocabulary import Channel
from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.look import BADGES, HANDOVER, MEDIA_BREAK
from lifeevents.views.escape.dot import label_text
from lifeevents.views.graphviz_labels import font
from lifeevents.views.style import CHANNEL_STYLES, HIGHLIGHT_COLORS

__all__ = ["key_table"]


def key_table(drawing: Drawing, *, channels: bool) -> str:
    """The highlights (and, where shapes cannot be drawn, the channels) as a table.

    Parameters
    ----------
    drawing : Drawing
        The render: which highlights it shows, its words and names.
    channels : bool
        List the channels too (the ``sfdp`` drawing, which has no key nodes).

    Returns
    -------
    str
        An HTML-like ``<TABLE>``, one row per entry.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> drawing = Drawing.of(report, RenderOptions(lang="en"), Wording.of(report, "en"), sfdp=True)
    >>> "in person" in key_table(drawing, channels=True)
    True
    """
    words = drawing.wording.words
    names = drawing.wording.names
    rows: list[tuple[str, str]] = []
    if channels:
        used = {data["channel"] for _, data in drawing.graph.nodes(data=True)}
        for channel in (item for item in Channel if item in used):
            look = CHANNEL_STYLES[channel]
            rows.append((font(label_text(look.glyph), color=look.color), names.channel(channel)))

    def line(sample: str, color: str) -> str:
        return font(sample, color=color, bold=True)

    evidence_key = words[
        "blueprint.evidence_key_compact"
        if drawing.look.compact
        else "blueprint.evidence_key_marker"
    ]
    rows.append((line("───▶", HIGHLIGHT_COLORS["precedence"]), words["blueprint.order"]))
    rows.append((line("───▶", HIGHLIGHT_COLORS["evidence"]), evidence_key))
    if drawing.handovers:
        rows.append((line("━━━▶", HANDOVER[0]), words["authority_handovers"]))
    if drawing.media_breaks:
        rows.append((line("╍╍╍▶", MEDIA_BREAK[0]), words["media_breaks"]))
    cells = "".join(
        f'<TR><TD ALIGN="LEFT">{sample}</TD><TD ALIGN="LEFT">{label_text(text)}</TD></TR>'
        for sample, text in rows
    )
    visit_key = words["blueprint.visit_key"]
    if not drawing.look.compact:
        modelled = drawing.report.visits.as_modelled
        today = drawing.wording.counted("blueprint.visits_today", modelled, count=modelled)
        visit_key = words["blueprint.visit_key_needed"].format(today=today)
    for kind, text in (
        ("visit", visit_key if drawing.visit_number else ""),
        ("once_only", words["blueprint.once_only_key"] if drawing.once_only else ""),
        ("deadline", words["deadlines"] if drawing.at_risk else ""),
    ):
        if text:
            glyph, cell_style, color = BADGES[kind]
            cells += (
                f'<TR><TD BORDER="1" STYLE="{cell_style}" COLOR="{color}">{label_text(glyph)}'
                f'</TD><TD ALIGN="LEFT">{label_text(text)}</TD></TR>'
            )
    return f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{cells}</TABLE>'
