"""One self-contained, offline HTML page around a rendered map: hover details, findings, legend.

The page inlines the SVG of a map and adds what an image cannot give: a details
panel per step (on hover, focus or click), the findings and opportunities of
:mod:`lifeevents.text.findings` as the text alternative, the summary figures and a
legend. It loads nothing: no network, no fonts, no files beside it, and its
Content-Security-Policy allows only its own script (by hash), so a step name
that looks like markup stays text even if it slipped through unescaped.

The map fills the window below a toolbar and opens fitted to it, the whole
journey in view; the page's script (``assets/page.js``) zooms and pans it (mouse
wheel, dragging, pinching, the keys ``+ - 0`` and the arrow keys, the toolbar's
buttons), dims the steps outside a chosen stage or lane, finds steps by name,
and links the findings both ways to the map. The findings, figures and legend
sit in a panel the toolbar opens beside the map; printed, the map fills a page
of its own and the panel follows.

The step data travels as JSON in ``<script type="application/json"
id="lifeevents-steps">``, keyed by the element ids of
:class:`~lifeevents.views.element_ids.ElementIds` (``step-0``, ``step-1``, ...),
the same ids the map's step elements carry (a Graphviz table cell's as
``a_step-0``). Each entry names the step's map column (``column``: the stage id,
or ``day-N``) and lane (``lane``: the level), which the filters use.

Output is deterministic: the same report, SVG and options give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from typing import Any

from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Channel, Level
from lifeevents.text.findings import Finding, FindingKind, findings, opportunities
from lifeevents.text.names import DisplayNames
from lifeevents.text.report import summary_rows
from lifeevents.views.assets import read_asset, style_sheet
from lifeevents.views.columns import Column, stage_columns
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.escape.html import escape_text, script_json
from lifeevents.views.options import DEFAULT_OPTIONS, Highlight, RenderOptions
from lifeevents.views.style import CHANNEL_STYLES, HIGHLIGHT_COLORS, TEXT_COLOR
from lifeevents.views.wording import Wording

__all__ = ["STEPS_JSON_ID", "interactive_html"]

#: The id of the ``<script type="application/json">`` that holds the step details.
STEPS_JSON_ID = "lifeevents-steps"

# Detail fields in panel order: JSON key, word key, how the script formats the value,
# word key of the unit (or "").
_FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("authority", "html.authority", "text", ""),
    ("stage", "html.stage", "text", ""),
    ("level", "html.level", "text", ""),
    ("channel", "html.channel", "text", ""),
    ("channels", "html.channels_offered", "list", ""),
    ("day", "html.start_day", "number", ""),
    ("requires", "html.requires", "list", ""),
    ("produces", "html.produces", "list", ""),
    ("legal_basis", "html.legal_basis", "text", ""),
    ("deadline_days", "html.deadline_days", "number", ""),
    ("duration_minutes", "html.duration_minutes", "number", "html.minutes"),
    ("fee_eur", "html.fee_eur", "eur", ""),
    ("pain_points", "html.pain_points", "list", ""),
)

# Finding sections in the order of the text report; channel handovers are left out
# because the map does not highlight them and they would drown the rest.
_SECTIONS: tuple[tuple[FindingKind, str], ...] = (
    (FindingKind.AUTHORITY_HANDOVER, "authority_handovers"),
    (FindingKind.MEDIA_BREAK, "media_breaks"),
    (FindingKind.ONCE_ONLY, "once_only"),
    (FindingKind.DEADLINE, "deadlines"),
)

# Legend entry per highlight: colour key in HIGHLIGHT_COLORS, word key, word key of the
# style, swatch class.
_HIGHLIGHT_LEGEND: tuple[tuple[Highlight, str, str, str, str], ...] = (
    (
        Highlight.AUTHORITY_HANDOVERS,
        "authority_handover",
        "authority_handovers",
        "html.bold_edge",
        "edge bold",
    ),
    (Highlight.MEDIA_BREAKS, "media_break", "media_breaks", "html.dashed_edge", "edge dashed"),
    (Highlight.ONCE_ONLY, "once_only", "once_only", "html.double_border", "box double"),
    (Highlight.DEADLINES, "deadline", "deadlines", "html.dotted_border", "box dotted"),
)

# The page's style sheet and its only script, from package data. The script reads the
# JSON data, never builds markup from it (textContent only), and makes the step
# elements reachable with the keyboard. Both start on a line of their own.
_CSS = "\n" + style_sheet("page.css", text_color=TEXT_COLOR)
_SCRIPT = "\n" + read_asset("page.js")

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")

# Nothing may load: only the page's own script (by hash) runs, styles are inline.
_CSP = (
    "default-src 'none'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; "
    "style-src 'unsafe-inline'; "
    "img-src data:; "
    "base-uri 'none'; form-action 'none'"
)

_SVG_START = re.compile(r"<svg[\s>]", re.IGNORECASE)
# XML comments cannot contain "--", so the first "-->" ends one in XML and in HTML alike.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ROLE_IMG = re.compile(r"""(\srole\s*=\s*["'])img(["'])""")


def _channel_text(channel: Channel, names: DisplayNames) -> str:
    return f"{CHANNEL_STYLES[channel].glyph} {names.channel(channel)}"


def _inline_svg(svg: str) -> str:
    """The ``<svg>`` element alone: no XML declaration, doctype or comments.

    A root ``role="img"`` (as Graphviz output with a text alternative has) becomes
    ``role="group"``: an image's parts are hidden from assistive technology, but
    here its steps are focusable controls.
    """
    match = _SVG_START.search(svg)
    if match is None:
        raise ValueError("svg: no <svg> element found")
    element = _COMMENT.sub("", svg[match.start() :]).strip()
    end = element.find(">")
    root = _ROLE_IMG.sub(r"\1group\2", element[:end])
    return root + element[end:]


def _has_stages(report: Report) -> bool:
    """Whether the map's columns are stages (else schedule days), as the maps decide."""
    graph = report.journey.graph
    return bool(report.journey.life_event.life_event.stages) or any(
        data["stage"] for _, data in graph.nodes(data=True)
    )


def _step_data(
    report: Report, ids: ElementIds, names: DisplayNames, columns: list[Column]
) -> dict[str, dict[str, Any]]:
    graph = report.journey.graph
    day = {entry.step: entry.day for entry in report.schedule.steps}
    column_of = {node: column for column in columns for node in column.steps}
    staged = _has_stages(report)

    def evidence(items: Iterable[str]) -> list[str]:
        return [names.evidence(item) for item in items]

    data: dict[str, dict[str, Any]] = {}
    for node, attributes in graph.nodes(data=True):
        step = attributes["step"]
        column = column_of.get(node)
        data[ids.step(node)] = {
            "step": node,
            "name": names.step(node),
            "authority": names.authority(node),
            "stage": column.title if column is not None and staged else None,
            "level": names.level(attributes["level"]),
            "channel": _channel_text(attributes["channel"], names),
            "channels": [_channel_text(channel, names) for channel in attributes["channels"]],
            "day": day[node],
            "requires": evidence(step.requires),
            "produces": evidence(step.produces),
            "legal_basis": step.legal_basis,
            "deadline_days": attributes["deadline_days"],
            "duration_minutes": step.duration_minutes,
            "fee_eur": step.fee_eur,
            "pain_points": list(step.pain_points),
            "column": column.key if column is not None else None,
            "lane": attributes["level"].value,
        }
    return data


def _option(value: str, text: str) -> str:
    return f'<option value="{escape_text(value)}">{escape_text(text)}</option>'


def _filter(control: str, label: str, choices: list[tuple[str, str]], all_word: str) -> str:
    options = "".join(_option(value, text) for value, text in [("", all_word), *choices])
    return (
        f'<label class="filter">{escape_text(label)} '
        f'<select id="{control}" aria-controls="lifeevents-map">{options}</select></label>'
    )


def _toolbar(report: Report, columns: list[Column], wording: Wording) -> list[str]:
    """The viewer's controls: zoom, the stage and lane filters, search, the panel button."""
    words = wording.words
    graph = report.journey.graph
    levels = {data["level"] for _, data in graph.nodes(data=True)}
    lanes = [(level.value, wording.names.level(level)) for level in Level if level in levels]
    stages = [(column.key, column.title) for column in columns if column.steps]
    column_word = words["blueprint.stage"] if _has_stages(report) else wording.day

    def button(control: str, text: str, hint: str) -> str:
        return (
            f'<button type="button" id="{control}" title="{escape_text(hint)}" '
            f'aria-label="{escape_text(hint)}" aria-controls="lifeevents-map">'
            f"{escape_text(text)}</button>"
        )

    return [
        '<div class="tools">',
        button("lifeevents-zoom-out", "\u2212", words["html.zoom_out"]),
        button("lifeevents-zoom-in", "+", words["html.zoom_in"]),
        button("lifeevents-fit", words["html.fit"], words["html.fit_hint"]),
        _filter("lifeevents-stage", column_word, stages, words["html.all"]),
        _filter("lifeevents-lane", words["html.level"], lanes, words["html.all"]),
        '<span class="search">'
        f'<input type="search" id="lifeevents-search" autocomplete="off" spellcheck="false"'
        f' placeholder="{escape_text(words["html.search"])}"'
        f' title="{escape_text(words["html.search_hint"])}"'
        f' aria-label="{escape_text(words["html.search_hint"])}">'
        f'<output id="lifeevents-search-count" for="lifeevents-search" aria-live="polite"'
        f' data-of="{escape_text(words["html.search_count"])}"'
        f' data-none="{escape_text(words["html.search_none"])}"></output></span>',
        '<button type="button" id="lifeevents-panel-toggle" aria-expanded="false"'
        f' aria-controls="lifeevents-panel">{escape_text(words["html.panel"])}'
        f' <span class="badge" title="{escape_text(words["html.panel_count"])}" hidden>'
        "</span></button>",
        "</div>",
    ]


def _headings(report: Report, options: RenderOptions, wording: Wording) -> tuple[str, str]:
    """The page's heading (life event, or the options' title) and the line below it."""
    trip = report.journey
    parts = wording.persona_parts()
    if trip.origin and trip.origin != trip.municipality:
        region = trip.region
        known = region is not None and trip.origin in region.municipalities
        origin = region.municipalities[trip.origin].name if known and region else trip.origin
        parts.append(f"{wording.words['origin']}: {origin}")
    return options.title or wording.names.life_event(), " · ".join(parts)


def _finding_items(items: list[Finding], ids: ElementIds) -> list[str]:
    lines = []
    for item in items:
        targets = [ids.step(node) for node in item.steps]
        if item.edge is not None:
            targets.append(ids.edge(*item.edge))
        lines.append(
            f'<li tabindex="0" data-elements="{" ".join(targets)}">{escape_text(item.text)}</li>'
        )
    return lines


def _findings_section(report: Report, ids: ElementIds, wording: Wording) -> list[str]:
    words = wording.words
    found = findings(report, wording.lang)
    lines = [
        '<section class="findings" id="lifeevents-findings" aria-labelledby="findings-heading">',
        f'<h2 id="findings-heading">{escape_text(words["findings"])}</h2>',
    ]
    if not found:
        lines.append(f"<p>{escape_text(words['none'])}</p>")
    for kind, key in _SECTIONS:
        items = [item for item in found if item.kind is kind]
        if items:
            lines.append(f"<h3>{escape_text(words[key])}</h3>")
            lines.extend(["<ul>", *_finding_items(items, ids), "</ul>"])
    lines.append("</section>")
    chances = opportunities(report, wording.lang)
    lines.extend(
        [
            '<section class="findings" id="lifeevents-opportunities"'
            ' aria-labelledby="opportunities-heading">',
            f'<h2 id="opportunities-heading">{escape_text(words["opportunities"])}</h2>',
        ]
    )
    if chances:
        lines.extend(["<ul>", *_finding_items(chances, ids), "</ul>"])
    else:
        lines.append(f"<p>{escape_text(words['none'])}</p>")
    lines.append("</section>")
    return lines


def _summary_section(report: Report, wording: Wording) -> list[str]:
    words = wording.words
    lines = [
        '<section id="lifeevents-summary" aria-labelledby="summary-heading">',
        f'<h2 id="summary-heading">{escape_text(words["html.summary"])}</h2>',
        "<table>",
        f'<thead><tr><th scope="col">{escape_text(words["figure"])}</th>'
        f'<th scope="col">{escape_text(words["value"])}</th></tr></thead>',
        "<tbody>",
    ]
    lines.extend(
        f'<tr><th scope="row">{escape_text(name)}</th>'
        f'<td class="number">{escape_text(value)}</td></tr>'
        for name, value in summary_rows(report, wording.lang)
    )
    lines.extend(["</tbody>", "</table>", "</section>"])
    return lines


def _legend_section(options: RenderOptions, wording: Wording) -> list[str]:
    words = wording.words
    lines = [
        '<section class="legend" id="lifeevents-legend" aria-labelledby="legend-heading">',
        f'<h2 id="legend-heading">{escape_text(words["html.legend"])}</h2>',
        f"<h3>{escape_text(words['html.channels'])}</h3>",
        "<ul>",
    ]
    for channel, style in CHANNEL_STYLES.items():
        lines.append(
            f'<li><span class="swatch glyph" style="border-color: {style.color}"'
            f' aria-hidden="true">{escape_text(style.glyph)}</span>'
            f"{escape_text(wording.names.channel(channel))}</li>"
        )
    lines.extend(["</ul>", f"<h3>{escape_text(words['html.highlights'])}</h3>", "<ul>"])
    for key in ("precedence", "evidence"):
        lines.append(
            f'<li><span class="swatch edge" style="border-color: '
            f'{HIGHLIGHT_COLORS[key]}" aria-hidden="true"></span>'
            f"{escape_text(words[f'html.{key}'])}</li>"
        )
    for highlight, color_key, word_key, style_key, swatch in _HIGHLIGHT_LEGEND:
        if highlight in options.highlight:
            lines.append(
                f'<li><span class="swatch {swatch}" style="border-color: '
                f'{HIGHLIGHT_COLORS[color_key]}" aria-hidden="true"></span>'
                f"{escape_text(words[word_key])} ({escape_text(words[style_key])})</li>"
            )
    lines.extend(["</ul>", "</section>"])
    return lines


def interactive_html(report: Report, svg: str, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """A self-contained HTML page: the map ``svg`` with step details, findings and legend.

    The map opens fitted to the window and can be zoomed, panned, filtered by
    stage and lane and searched by step name (see the module's description).

    Parameters
    ----------
    report : Report
        The analysed journey the map shows.
    svg : str
        A rendered map whose step elements carry the ids of
        :class:`~lifeevents.views.element_ids.ElementIds`; an XML declaration,
        doctype and comments are dropped.
    options : RenderOptions, optional
        The language, the title, and which highlights the legend explains.

    Returns
    -------
    str
        The HTML page.

    Raises
    ------
    ValueError
        When ``svg`` has no ``<svg>`` element.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> svg = '<svg xmlns="http://www.w3.org/2000/svg"><g id="step-0"><text>W</text></g></svg>'
    >>> page = interactive_html(analyze(journey(loads(DEMO_YAML))), svg)
    >>> page.startswith("<!DOCTYPE html>"), page.count("<svg"), '<html lang="de">' in page
    (True, 1, True)
    >>> "<anmelden>" in page, "Wohnsitz \\\\u003canmelden\\\\u003e \\\\u0026" in page
    (False, True)
    """
    lang = options.lang
    wording = Wording.of(report, lang)
    words = wording.words
    ids = ElementIds(report.journey.graph)
    columns = stage_columns(report, wording)
    heading, subtitle = _headings(report, options, wording)
    fields = [
        [key, words[word], kind, words[unit] if unit else ""] for key, word, kind, unit in _FIELDS
    ]
    hint = escape_text(words["html.hint"])
    help_text = escape_text(words["html.map_help"])
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{escape_text(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{escape_text(_CSP)}">',
        '<meta name="generator" content="lifeevents">',
        f"<title>{escape_text(heading)} · {escape_text(subtitle)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        '<header class="toolbar">',
        '<div class="title">',
        f'<h1 title="{escape_text(heading)}">{escape_text(heading)}</h1>',
        f'<p class="subtitle" title="{escape_text(subtitle)}">{escape_text(subtitle)}</p>',
        "</div>",
        *_toolbar(report, columns, wording),
        "</header>",
        '<main class="workspace">',
        '<figure class="viewer" aria-describedby="lifeevents-map-caption">',
        # The map fills the figure; the script sets its viewBox to zoom and pan.
        f'<div id="lifeevents-map" class="map">{_inline_svg(svg)}</div>',
        f'<figcaption id="lifeevents-map-caption" class="visually-hidden">{hint} {help_text} '
        f"{escape_text(words['html.text_alternative_panel'])}</figcaption>",
        # A card over the map that never takes the pointer: the map stays usable below it.
        '<aside id="lifeevents-details" aria-live="polite" aria-labelledby="details-heading"'
        " hidden>",
        f'<h2 id="details-heading" class="visually-hidden">{escape_text(words["html.details"])}'
        "</h2>",
        f'<div id="lifeevents-details-body"><p>{hint}</p></div>',
        "</aside>",
        "</figure>",
        '<aside id="lifeevents-panel" class="panel" aria-label="'
        f'{escape_text(words["html.panel"])}" hidden>',
        '<div class="panel-head">',
        f'<p class="help">{help_text}</p>',
        '<button type="button" id="lifeevents-panel-close" aria-controls="lifeevents-panel">'
        f"{escape_text(words['html.close'])}</button>",
        "</div>",
        *_findings_section(report, ids, wording),
        *_summary_section(report, wording),
        *_legend_section(options, wording),
        "</aside>",
        "</main>",
        f'<script type="application/json" id="{STEPS_JSON_ID}">'
        f"{script_json(_step_data(report, ids, wording.names, columns))}</script>",
        f'<script type="application/json" id="lifeevents-fields">{script_json(fields)}</script>',
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
