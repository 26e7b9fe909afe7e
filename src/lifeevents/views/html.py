"""One self-contained, offline HTML page around a rendered map: hover details, findings, legend.

The page inlines the SVG of a map and adds what an image cannot give: a details
panel per step (on hover, focus or click), the findings and opportunities of
:mod:`lifeevents.text.findings` as the text alternative, the summary figures and a
legend. It loads nothing: no network, no fonts, no files beside it, and its
Content-Security-Policy allows only its own script (by hash), so a step name
that looks like markup stays text even if it slipped through unescaped.

The step data travels as JSON in ``<script type="application/json"
id="lifeevents-steps">``, keyed by the element ids of
:class:`~lifeevents.views.element_ids.ElementIds` (``step-0``, ``step-1``, ...),
the same ids the map's step elements carry.

Output is deterministic: the same report, SVG and options give the same bytes.
"""

from __future__ import annotations

import base64
import hashlib
import re
from collections.abc import Iterable
from typing import Any

from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Channel
from lifeevents.text.findings import Finding, FindingKind, findings, opportunities
from lifeevents.text.names import DisplayNames
from lifeevents.text.report import summary_rows
from lifeevents.views.assets import read_asset, style_sheet
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


def _step_data(report: Report, ids: ElementIds, names: DisplayNames) -> dict[str, dict[str, Any]]:
    graph = report.journey.graph
    day = {entry.step: entry.day for entry in report.schedule.steps}

    def evidence(items: Iterable[str]) -> list[str]:
        return [names.evidence(item) for item in items]

    data: dict[str, dict[str, Any]] = {}
    for node, attributes in graph.nodes(data=True):
        step = attributes["step"]
        data[ids.step(node)] = {
            "step": node,
            "name": names.step(node),
            "authority": names.authority(node),
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
        }
    return data


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
    heading, subtitle = _headings(report, options, wording)
    fields = [
        [key, words[word], kind, words[unit] if unit else ""] for key, word, kind, unit in _FIELDS
    ]
    hint = escape_text(words["html.hint"])
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
        "<header>",
        f"<h1>{escape_text(heading)}</h1>",
        f'<p class="subtitle">{escape_text(subtitle)}</p>',
        "</header>",
        "<main>",
        '<div class="layout">',
        '<figure aria-describedby="lifeevents-map-caption">',
        # The map scrolls inside its own box, so the caption and the panel stay in view.
        f'<div id="lifeevents-map" class="map">{_inline_svg(svg)}</div>',
        f'<figcaption id="lifeevents-map-caption">{hint} '
        f"{escape_text(words['html.text_alternative'])}</figcaption>",
        "</figure>",
        '<aside id="lifeevents-details" aria-live="polite" aria-labelledby="details-heading">',
        f'<h2 id="details-heading">{escape_text(words["html.details"])}</h2>',
        f'<div id="lifeevents-details-body"><p>{hint}</p></div>',
        "</aside>",
        "</div>",
        *_findings_section(report, ids, wording),
        *_summary_section(report, wording),
        *_legend_section(options, wording),
        "</main>",
        f'<script type="application/json" id="{STEPS_JSON_ID}">'
        f"{script_json(_step_data(report, ids, wording.names))}</script>",
        f'<script type="application/json" id="lifeevents-fields">{script_json(fields)}</script>',
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
