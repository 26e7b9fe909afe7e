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

from dataclasses import dataclass

from lifeevents.model.vocabulary import Channel
from lifeevents.views.blueprint.drawing import Drawing
from lifeevents.views.blueprint.look import BADGES, HANDOVER, MEDIA_BREAK
from lifeevents.views.escape.dot import label_text
from lifeevents.views.graphviz_labels import font
from lifeevents.views.style import CHANNEL_STYLES, HIGHLIGHT_COLORS

__all__ = ["KeyRow", "key_rows", "key_table", "key_tables"]


@dataclass(frozen=True)
class KeyRow:
    """One entry of the key: a sample drawn like the map, and what it means.

    Parameters
    ----------
    sample : str
        HTML-like markup of the sample (a line in the edge's colour, a glyph).
    text : str
        What it means, plain text.
    badge : str or None
        The kind of badge (a key of ``BADGES``) whose border the sample's cell gets.

    Examples
    --------
    >>> KeyRow("⚑", "Besuch", "visit").badge
    'visit'
    """

    sample: str
    text: str
    badge: str | None = None


def key_rows(drawing: Drawing, *, channels: bool) -> tuple[list[KeyRow], list[KeyRow]]:
    """The key's entries: the line styles (and channels), then the badges.

    Parameters
    ----------
    drawing : Drawing
        The render: which highlights it shows, its words, names and key size.
    channels : bool
        List the channels too (the ``sfdp`` drawing, which has no key nodes).

    Returns
    -------
    tuple[list[KeyRow], list[KeyRow]]
        Channels and line styles; the badges that the map shows.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> drawing = Drawing.of(report, RenderOptions(), Wording.of(report), sfdp=False)
    >>> lines, badges = key_rows(drawing, channels=False)
    >>> [row.text for row in lines][:2], [row.badge for row in badges]
    (['Reihenfolge', 'Nachweis (Nummer am Pfeil, in der Legende erklärt)'], ['visit', 'once_only'])
    """
    words = drawing.wording.words
    names = drawing.wording.names
    size = drawing.look.key_size
    lines: list[KeyRow] = []
    if channels:
        used = {data["channel"] for _, data in drawing.graph.nodes(data=True)}
        for channel in (item for item in Channel if item in used):
            look = CHANNEL_STYLES[channel]
            glyph = font(label_text(look.glyph), size=size, color=look.color)
            lines.append(KeyRow(glyph, names.channel(channel)))

    def line(sample: str, color: str) -> str:
        return font(sample, size=size, color=color, bold=True)

    evidence_key = words[
        "blueprint.evidence_key_compact"
        if drawing.look.compact
        else "blueprint.evidence_key_marker"
    ]
    lines.append(KeyRow(line("───▶", HIGHLIGHT_COLORS["precedence"]), words["blueprint.order"]))
    lines.append(KeyRow(line("───▶", HIGHLIGHT_COLORS["evidence"]), evidence_key))
    if drawing.handovers:
        lines.append(KeyRow(line("━━━▶", HANDOVER[0]), words["authority_handovers"]))
    if drawing.media_breaks:
        lines.append(KeyRow(line("╍╍╍▶", MEDIA_BREAK[0]), words["media_breaks"]))
    visit_key = words["blueprint.visit_key"]
    if not drawing.look.compact:
        modelled = drawing.report.visits.as_modelled
        today = drawing.wording.counted("blueprint.visits_today", modelled, count=modelled)
        visit_key = words["blueprint.visit_key_needed"].format(today=today)
    badges = [
        KeyRow(font(label_text(BADGES[kind][0]), size=size), text, kind)
        for kind, text in (
            ("visit", visit_key if drawing.visit_number else ""),
            ("once_only", words["blueprint.once_only_key"] if drawing.once_only else ""),
            ("deadline", words["deadlines"] if drawing.at_risk else ""),
        )
        if text
    ]
    return lines, badges


def key_tables(drawing: Drawing, *, channels: bool, wide: bool = True) -> list[str]:
    """The key as tables: line styles (and channels), then badges.

    Two short tables side by side (``wide``) keep the band above the lanes low;
    one table, the badges below the line styles, keeps it narrow. Each table is
    drawn as an SVG group ``a_key-lines`` or ``a_key-badges`` (an id, a tooltip
    and an empty link make Graphviz draw one), where a reader and
    :func:`lifeevents.views.svg_metrics.key_texts` find the key's words.

    Parameters
    ----------
    drawing : Drawing
        The render: which highlights it shows, its words, names and key size.
    channels : bool
        List the channels too (the ``sfdp`` drawing, which has no key nodes).
    wide : bool, default True
        Two tables; else one.

    Returns
    -------
    list[str]
        HTML-like ``<TABLE>`` s, one row per entry; a table without rows is left out.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import Highlight, RenderOptions
    >>> from lifeevents.views.wording import Wording
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> options = RenderOptions(highlight=frozenset({Highlight.VISITS}))
    >>> drawing = Drawing.of(report, options, Wording.of(report), sfdp=False)
    >>> [table[:22] for table in key_tables(drawing, channels=False)]
    ['<TABLE ID="key-lines" ', '<TABLE ID="key-badges"']
    """
    size = drawing.look.key_size
    tooltip = label_text(drawing.wording.words["blueprint.key"])
    lines, badges = key_rows(drawing, channels=channels)
    tables = []
    for name, rows in (
        [("lines", lines), ("badges", badges)] if wide else [("lines", lines + badges)]
    ):
        cells = "".join(
            "<TR>"
            + (
                f'<TD BORDER="1" STYLE="{BADGES[row.badge][1]}" COLOR="{BADGES[row.badge][2]}">'
                if row.badge
                else '<TD ALIGN="LEFT">'
            )
            + f'{row.sample}</TD><TD ALIGN="LEFT">{font(label_text(row.text), size=size)}</TD>'
            "</TR>"
            for row in rows
        )
        if cells:
            tables.append(
                f'<TABLE ID="key-{name}" TOOLTIP="{tooltip}" HREF="" '
                f'BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{cells}</TABLE>'
            )
    return tables


def key_table(drawing: Drawing, *, channels: bool) -> str:
    """The key as one table: :func:`key_tables` side by side.

    Parameters
    ----------
    drawing : Drawing
        The render: which highlights it shows, its words and names.
    channels : bool
        List the channels too (the ``sfdp`` drawing, which has no key nodes).

    Returns
    -------
    str
        An HTML-like ``<TABLE>``.

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
    cells = '<TD WIDTH="24"></TD>'.join(
        f'<TD VALIGN="TOP">{table}</TD>' for table in key_tables(drawing, channels=channels)
    )
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{cells}</TR></TABLE>'
    )
