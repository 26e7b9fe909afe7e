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
from lifeevents.text.labels import Language, label
from lifeevents.text.names import DisplayNames
from lifeevents.text.report import summary_rows
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.escape.html import escape_text, script_json
from lifeevents.views.options import Highlight, RenderOptions
from lifeevents.views.style import CHANNEL_STYLES, HIGHLIGHT_COLORS, TEXT_COLOR

__all__ = ["STEPS_JSON_ID", "interactive_html"]

#: The id of the ``<script type="application/json">`` that holds the step details.
STEPS_JSON_ID = "lifeevents-steps"

# Words only the page uses (the shared ones come from lifeevents.text.labels).
_WORDS: dict[str, tuple[str, str]] = {
    "details": ("Details", "Details"),
    "hint": (
        "Zeigen Sie auf einen Schritt oder wählen Sie ihn mit der Tabulatortaste.",
        "Point at a step, or move to it with the Tab key.",
    ),
    "text_alternative": (
        "Die Befunde unten beschreiben, was die Karte hervorhebt.",
        "The findings below describe what the map highlights.",
    ),
    "summary": ("Kennzahlen", "Summary"),
    "legend": ("Legende", "Legend"),
    "channels": ("Kanäle", "Channels"),
    "highlights": ("Markierungen", "Highlights"),
    "authority": ("Behörde oder Stelle", "Authority or body"),
    "level": ("Ebene", "Level"),
    "channel": ("Kanal", "Channel"),
    "channels_offered": ("Angebotene Kanäle", "Channels offered"),
    "start_day": ("Frühester Tag", "Earliest day"),
    "requires": ("Benötigt", "Requires"),
    "produces": ("Erzeugt", "Produces"),
    "legal_basis": ("Rechtsgrundlage", "Legal basis"),
    "deadline_days": ("Frist (Tag)", "Deadline (day)"),
    "duration_minutes": ("Eigener Aufwand", "Own effort"),
    "fee_eur": ("Gebühr", "Fee"),
    "pain_points": ("Schmerzpunkte", "Pain points"),
    "precedence": ("Reihenfolge", "Order"),
    "evidence": ("Nachweis wird weitergegeben", "Evidence passed on"),
    "bold_edge": ("dicke Kante", "bold edge"),
    "dashed_edge": ("gestrichelte Kante", "dashed edge"),
    "double_border": ("doppelter Rand", "double border"),
    "dotted_border": ("gepunkteter Rand", "dotted border"),
}

# Detail fields in panel order: JSON key, label key, how the script formats the value, unit.
_FIELDS: tuple[tuple[str, str, str, str], ...] = (
    ("authority", "authority", "text", ""),
    ("level", "level", "text", ""),
    ("channel", "channel", "text", ""),
    ("channels", "channels_offered", "list", ""),
    ("day", "start_day", "number", ""),
    ("requires", "requires", "list", ""),
    ("produces", "produces", "list", ""),
    ("legal_basis", "legal_basis", "text", ""),
    ("deadline_days", "deadline_days", "number", ""),
    ("duration_minutes", "duration_minutes", "number", "min"),
    ("fee_eur", "fee_eur", "eur", ""),
    ("pain_points", "pain_points", "list", ""),
)

# Finding sections in the order of the text report; channel handovers are left out
# because the map does not highlight them and they would drown the rest.
_SECTIONS: tuple[tuple[FindingKind, str], ...] = (
    (FindingKind.AUTHORITY_HANDOVER, "authority_handovers"),
    (FindingKind.MEDIA_BREAK, "media_breaks"),
    (FindingKind.ONCE_ONLY, "once_only"),
    (FindingKind.DEADLINE, "deadlines"),
)

# Legend entry per highlight: colour key in HIGHLIGHT_COLORS, label, style word, swatch class.
_HIGHLIGHT_LEGEND: tuple[tuple[Highlight, str, str, str, str], ...] = (
    (
        Highlight.AUTHORITY_HANDOVERS,
        "authority_handover",
        "authority_handovers",
        "bold_edge",
        "edge bold",
    ),
    (Highlight.MEDIA_BREAKS, "media_break", "media_breaks", "dashed_edge", "edge dashed"),
    (Highlight.ONCE_ONLY, "once_only", "once_only", "double_border", "box double"),
    (Highlight.DEADLINES, "deadline", "deadlines", "dotted_border", "box dotted"),
)

_CSS = f"""
:root {{ color: {TEXT_COLOR}; background: #FFFFFF;
  font-family: "DejaVu Sans", "Segoe UI", Arial, sans-serif; line-height: 1.4; }}
body {{ margin: 0 auto; padding: 1rem; max-width: 110rem; }}
h1 {{ font-size: 1.5rem; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.2rem; margin: 1.5rem 0 .5rem; }}
h3 {{ font-size: 1rem; margin: .75rem 0 .25rem; }}
.subtitle {{ margin: 0; }}
.layout {{ display: grid; grid-template-columns: minmax(0, 1fr) 22rem; gap: 1rem;
  align-items: start; }}
@media (max-width: 60rem) {{ .layout {{ grid-template-columns: minmax(0, 1fr); }} }}
figure {{ margin: 0; border: 1px solid #CCCCCC; min-width: 0; }}
.map {{ overflow: auto; max-height: 85vh; }}
.map svg {{ display: block; }}
figcaption {{ padding: .25rem .5rem; font-size: .9rem; border-top: 1px solid #CCCCCC; }}
#lifeevents-details {{ position: sticky; top: 1rem; border: 1px solid #CCCCCC;
  padding: .5rem 1rem; }}
#lifeevents-details h2 {{ margin-top: .25rem; }}
dl {{ margin: 0; }}
dt {{ font-weight: bold; }}
dd {{ margin: 0 0 .4rem; overflow-wrap: anywhere; }}
/* The whole box of a step reacts, not only its painted strokes and text. */
[id^="step-"] {{ cursor: pointer; pointer-events: bounding-box; }}
[id^="step-"]:focus {{ outline: 3px solid #0072B2; outline-offset: 2px; }}
.selected, .linked {{ filter: drop-shadow(0 0 3px #0072B2) drop-shadow(0 0 2px #0072B2); }}
.findings li[tabindex] {{ cursor: default; }}
.findings li:focus {{ outline: 2px solid #0072B2; }}
table {{ border-collapse: collapse; }}
th, td {{ border: 1px solid #CCCCCC; padding: .2rem .6rem; text-align: left; }}
td.number {{ text-align: right; }}
.legend ul {{ list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .4rem 1.5rem; }}
.swatch {{ display: inline-block; vertical-align: middle; margin-right: .4rem; }}
.swatch.glyph {{ min-width: 1.6rem; text-align: center; border: 2px solid; border-radius: 3px; }}
.swatch.edge {{ width: 2.5rem; height: 0; border-top: 2px solid; }}
.swatch.edge.bold {{ border-top-width: 4px; }}
.swatch.edge.dashed {{ border-top-style: dashed; border-top-width: 3px; }}
.swatch.box {{ width: 1.6rem; height: 1rem; border: 3px solid; }}
.swatch.box.double {{ border-style: double; border-width: 4px; }}
.swatch.box.dotted {{ border-style: dotted; }}
"""

# The only script of the page. It reads the JSON data, never builds markup from it
# (textContent only), and makes the step elements reachable with the keyboard.
_SCRIPT = """
(function () {
  "use strict";
  var steps = JSON.parse(document.getElementById("lifeevents-steps").textContent);
  var fields = JSON.parse(document.getElementById("lifeevents-fields").textContent);
  var map = document.getElementById("lifeevents-map");
  var body = document.getElementById("lifeevents-details-body");
  var lang = document.documentElement.lang;
  var STEP = /^step-[0-9]+$/;
  var current = null;

  function stepElement(node) {
    for (; node && node !== map; node = node.parentNode) {
      if (node.id && STEP.test(node.id) && Object.prototype.hasOwnProperty.call(steps, node.id)) {
        return node;
      }
    }
    return null;
  }

  function format(value, kind) {
    if (value === null || value === undefined || value === "") return "";
    if (Array.isArray(value)) return value.join(", ");
    if (kind === "eur") {
      return new Intl.NumberFormat(lang, {style: "currency", currency: "EUR"}).format(value);
    }
    if (kind === "number") return new Intl.NumberFormat(lang).format(value);
    return String(value);
  }

  function show(element) {
    var step = steps[element.id];
    if (current) current.classList.remove("selected");
    current = element;
    element.classList.add("selected");
    var heading = document.createElement("h3");
    heading.textContent = step.name;
    var list = document.createElement("dl");
    fields.forEach(function (field) {
      var text = format(step[field[0]], field[2]);
      if (!text) return;
      var term = document.createElement("dt");
      term.textContent = field[1];
      var detail = document.createElement("dd");
      detail.textContent = field[3] ? text + "\\u00a0" + field[3] : text;
      list.append(term, detail);
    });
    body.replaceChildren(heading, list);
  }

  Object.keys(steps).forEach(function (id) {
    var element = document.getElementById(id);
    if (!element) return;
    // SVG groups are not focusable by default; tabindex puts them in the Tab order.
    element.setAttribute("tabindex", "0");
    element.setAttribute("role", "button");
    element.setAttribute("aria-label", steps[id].name);
    element.setAttribute("aria-controls", "lifeevents-details");
  });

  function onStep(event) {
    var element = stepElement(event.target);
    if (element && element !== current) show(element);
  }
  map.addEventListener("mouseover", onStep);
  map.addEventListener("focusin", onStep);
  map.addEventListener("click", onStep);

  // A finding marks the map elements it is about while it is pointed at or focused.
  document.querySelectorAll("[data-elements]").forEach(function (item) {
    var targets = item.getAttribute("data-elements").split(" ").map(function (id) {
      return document.getElementById(id);
    }).filter(Boolean);
    function mark(on) {
      return function () {
        targets.forEach(function (target) { target.classList.toggle("linked", on); });
      };
    }
    item.addEventListener("mouseenter", mark(true));
    item.addEventListener("mouseleave", mark(false));
    item.addEventListener("focus", mark(true));
    item.addEventListener("blur", mark(false));
  });
})();
"""

_SCRIPT_HASH = base64.b64encode(hashlib.sha256(_SCRIPT.encode("utf-8")).digest()).decode("ascii")

# Nothing may load: only the page's own script (by hash) runs, styles are inline.
_CSP = (
    "default-src 'none'; "
    f"script-src 'sha256-{_SCRIPT_HASH}'; "
    "style-src 'unsafe-inline'; "
    "img-src data:; "
    "base-uri 'none'; form-action 'none'"
)

# RenderOptions is frozen, so one shared default is safe.
_DEFAULTS = RenderOptions()

_SVG_START = re.compile(r"<svg[\s>]", re.IGNORECASE)
# XML comments cannot contain "--", so the first "-->" ends one in XML and in HTML alike.
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ROLE_IMG = re.compile(r"""(\srole\s*=\s*["'])img(["'])""")


def _word(key: str, lang: Language) -> str:
    german, english = _WORDS[key]
    return german if lang == "de" else english


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


def _headings(report: Report, options: RenderOptions, names: DisplayNames) -> tuple[str, str]:
    """The page's heading (life event, or the options' title) and the line below it."""
    lang = options.lang
    trip = report.journey
    parts = [f"{label('persona', lang)}: {names.persona()}"]
    municipality = names.municipality()
    if municipality:
        parts.append(f"{label('municipality', lang)}: {municipality}")
    if trip.origin and trip.origin != trip.municipality:
        region = trip.region
        known = region is not None and trip.origin in region.municipalities
        origin = region.municipalities[trip.origin].name if known and region else trip.origin
        parts.append(f"{label('origin', lang)}: {origin}")
    return options.title or names.life_event(), " · ".join(parts)


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


def _findings_section(report: Report, ids: ElementIds, lang: Language) -> list[str]:
    found = findings(report, lang)
    lines = [
        '<section class="findings" id="lifeevents-findings" aria-labelledby="findings-heading">',
        f'<h2 id="findings-heading">{escape_text(label("findings", lang))}</h2>',
    ]
    if not found:
        lines.append(f"<p>{escape_text(label('none', lang))}</p>")
    for kind, key in _SECTIONS:
        items = [item for item in found if item.kind is kind]
        if items:
            lines.append(f"<h3>{escape_text(label(key, lang))}</h3>")
            lines.extend(["<ul>", *_finding_items(items, ids), "</ul>"])
    lines.append("</section>")
    chances = opportunities(report, lang)
    lines.extend(
        [
            '<section class="findings" id="lifeevents-opportunities"'
            ' aria-labelledby="opportunities-heading">',
            f'<h2 id="opportunities-heading">{escape_text(label("opportunities", lang))}</h2>',
        ]
    )
    if chances:
        lines.extend(["<ul>", *_finding_items(chances, ids), "</ul>"])
    else:
        lines.append(f"<p>{escape_text(label('none', lang))}</p>")
    lines.append("</section>")
    return lines


def _summary_section(report: Report, lang: Language) -> list[str]:
    lines = [
        '<section id="lifeevents-summary" aria-labelledby="summary-heading">',
        f'<h2 id="summary-heading">{escape_text(_word("summary", lang))}</h2>',
        "<table>",
        f'<thead><tr><th scope="col">{escape_text(label("figure", lang))}</th>'
        f'<th scope="col">{escape_text(label("value", lang))}</th></tr></thead>',
        "<tbody>",
    ]
    lines.extend(
        f'<tr><th scope="row">{escape_text(name)}</th>'
        f'<td class="number">{escape_text(value)}</td></tr>'
        for name, value in summary_rows(report, lang)
    )
    lines.extend(["</tbody>", "</table>", "</section>"])
    return lines


def _legend_section(options: RenderOptions, names: DisplayNames) -> list[str]:
    lang = options.lang
    lines = [
        '<section class="legend" id="lifeevents-legend" aria-labelledby="legend-heading">',
        f'<h2 id="legend-heading">{escape_text(_word("legend", lang))}</h2>',
        f"<h3>{escape_text(_word('channels', lang))}</h3>",
        "<ul>",
    ]
    for channel, style in CHANNEL_STYLES.items():
        lines.append(
            f'<li><span class="swatch glyph" style="border-color: {style.color}"'
            f' aria-hidden="true">{escape_text(style.glyph)}</span>'
            f"{escape_text(names.channel(channel))}</li>"
        )
    lines.extend(["</ul>", f"<h3>{escape_text(_word('highlights', lang))}</h3>", "<ul>"])
    for key in ("precedence", "evidence"):
        lines.append(
            f'<li><span class="swatch edge" style="border-color: '
            f'{HIGHLIGHT_COLORS[key]}" aria-hidden="true"></span>'
            f"{escape_text(_word(key, lang))}</li>"
        )
    for highlight, color_key, label_key, style_word, swatch in _HIGHLIGHT_LEGEND:
        if highlight in options.highlight:
            lines.append(
                f'<li><span class="swatch {swatch}" style="border-color: '
                f'{HIGHLIGHT_COLORS[color_key]}" aria-hidden="true"></span>'
                f"{escape_text(label(label_key, lang))} "
                f"({escape_text(_word(style_word, lang))})</li>"
            )
    lines.extend(["</ul>", "</section>"])
    return lines


def interactive_html(report: Report, svg: str, options: RenderOptions = _DEFAULTS) -> str:
    """A self-contained HTML page: the map ``svg`` with step details, findings and legend.

    ``svg`` is a rendered map whose step elements carry the ids of
    :class:`~lifeevents.views.element_ids.ElementIds`; an XML declaration,
    doctype and comments are dropped. Raises :class:`ValueError` when ``svg``
    has no ``<svg>`` element.

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.graph.journey import journey
    >>> from lifeevents.analysis.report import analyze
    >>> life_event = loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Umzug}
    ... authorities: {amt: {name: Bürgerbüro, level: gemeinde}}
    ... steps:
    ...   - {id: anmelden, name: "Wohnsitz <anmelden>", authority: amt, channels: [in_person]}
    ... ''', regions={})
    >>> svg = '<svg xmlns="http://www.w3.org/2000/svg"><g id="step-0"><text>W</text></g></svg>'
    >>> page = interactive_html(analyze(journey(life_event)), svg)
    >>> page.startswith("<!DOCTYPE html>"), page.count("<svg"), '<html lang="de">' in page
    (True, 1, True)
    >>> "<anmelden>" in page, "Wohnsitz \\\\u003canmelden\\\\u003e" in page
    (False, True)
    """
    lang = options.lang
    ids = ElementIds(report.journey.graph)
    names = DisplayNames(report, lang)
    heading, subtitle = _headings(report, options, names)
    fields = [[key, _word(word, lang), kind, unit] for key, word, kind, unit in _FIELDS]
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
        f'<figcaption id="lifeevents-map-caption">{escape_text(_word("hint", lang))} '
        f"{escape_text(_word('text_alternative', lang))}</figcaption>",
        "</figure>",
        '<aside id="lifeevents-details" aria-live="polite" aria-labelledby="details-heading">',
        f'<h2 id="details-heading">{escape_text(_word("details", lang))}</h2>',
        f'<div id="lifeevents-details-body"><p>{escape_text(_word("hint", lang))}</p></div>',
        "</aside>",
        "</div>",
        *_findings_section(report, ids, lang),
        *_summary_section(report, lang),
        *_legend_section(options, names),
        "</main>",
        f'<script type="application/json" id="{STEPS_JSON_ID}">'
        f"{script_json(_step_data(report, ids, names))}</script>",
        f'<script type="application/json" id="lifeevents-fields">{script_json(fields)}</script>',
        f"<script>{_SCRIPT}</script>",
        "</body>",
        "</html>",
    ]
    return "\n".join(lines) + "\n"
