"""The checklist view: the fewest trips to offices as a personal to-do list.

For citizens and front-desk staff, in plain German (or English): which office
to go to on which day, what to bring there, what to do online, by post or by
phone before, between and after the trips, and which legal deadlines apply.
The trips are the minimum visit plan of the analysis (``report.visits.plan``).

Two outputs of one content: :func:`checklist_markdown` (task-list Markdown,
``- [ ]``) and :func:`checklist_html` (one self-contained page: inline CSS, no
script, nothing loaded). Every text from the journey file is escaped for the
output it goes into, and both outputs are deterministic.

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.graph.journey import journey
>>> from lifeevents.analysis.report import analyze
>>> life_event = loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Umzug}
... authorities:
...   amt: {name: Bürgerbüro, level: gemeinde, site: rathaus}
...   vermieter: {name: Vermieter, level: privat}
... evidence:
...   ausweis: {name: Personalausweis, identity: true}
...   bestaetigung: {name: Wohnungsgeberbestätigung}
... steps:
...   - {id: holen, name: Bestätigung holen, authority: vermieter, channels: [mail],
...      produces: [bestaetigung]}
...   - {id: anmelden, name: Wohnsitz anmelden, authority: amt, channels: [in_person],
...      requires: [ausweis, bestaetigung], deadline_days: 14}
... ''', regions={})
>>> text = checklist_markdown(analyze(journey(life_event)))
>>> print(text.split("### Mitbringen")[1].split("###")[0].strip())
- [ ] **Personalausweis** (Ausweisdokument)
- [ ] **Wohnungsgeberbestätigung** (von: Vermieter)
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from lifeevents.analysis.report import Report
from lifeevents.graph.journey import topological_order
from lifeevents.model.vocabulary import Channel, Transfer
from lifeevents.text.findings import FindingKind, findings
from lifeevents.text.labels import Language, label
from lifeevents.text.names import DisplayNames
from lifeevents.views.escape.html import escape_line
from lifeevents.views.escape.markdown import markdown_text
from lifeevents.views.options import DEFAULT_OPTIONS, RenderOptions
from lifeevents.views.style import OKABE_ITO, TEXT_COLOR

__all__ = ["checklist_html", "checklist_markdown"]

# The few words of this view, in plain language (no "Behördengang", no "Medium").
_WORDS: dict[Language, dict[str, str]] = {
    "de": {
        "title": "Checkliste",
        "municipality": "Gemeinde",
        "how_to": (
            "So lesen Sie die Liste: Tag 0 ist der Tag des Ereignisses, „Tag 7“ heißt "
            "7 Tage danach. Haken Sie ab, was erledigt ist."
        ),
        "overview": "Auf einen Blick",
        "trips": "{n} Besuch vor Ort|{n} Besuche vor Ort",
        "at_home": "{n} Aufgabe von zu Hause|{n} Aufgaben von zu Hause",
        "deadlines_count": "{n} Frist|{n} Fristen",
        "deadlines": "Fristen",
        "deadline_by": "Bis Tag {day}",
        "at_risk": "Frist in Gefahr",
        "first": "Zuerst von zu Hause erledigen",
        "between": "Nach Besuch {number} von zu Hause erledigen",
        "last": "Danach von zu Hause erledigen",
        "only": "Von zu Hause erledigen",
        "trip": "Besuch {number} · Tag {day}: {where}",
        "where": "Wo",
        "when": "Wann",
        "when_text": "frühestens an Tag {day}",
        "one_trip": "alles bei einem Besuch",
        "bring": "Mitbringen",
        "do_there": "Dort erledigen",
        "receive_there": "Sie bekommen dort",
        "identity": "Ausweisdokument",
        "from": "von",
        "direct": "Kommt direkt von der Stelle, die es ausstellt (nicht mitbringen)",
        "needs": "Dafür brauchen Sie",
        "receive": "Sie bekommen",
        "after_days": "nach etwa {days} Tagen",
        "from_day": "ab Tag {day}",
        "deadline": "Frist: bis Tag {day}",
        "legal": "Rechtsgrundlage",
        "at": "bei",
        "nothing": "Nichts zu tun.",
        "no_deadlines": "Keine gesetzlichen Fristen.",
    },
    "en": {
        "title": "Checklist",
        "municipality": "Municipality",
        "how_to": (
            "How to read this list: day 0 is the day of the event, “day 7” means 7 days "
            "later. Tick off what is done."
        ),
        "overview": "At a glance",
        "trips": "{n} visit in person|{n} visits in person",
        "at_home": "{n} task from home|{n} tasks from home",
        "deadlines_count": "{n} deadline|{n} deadlines",
        "deadlines": "Deadlines",
        "deadline_by": "By day {day}",
        "at_risk": "deadline at risk",
        "first": "First, from home",
        "between": "After visit {number}, from home",
        "last": "Afterwards, from home",
        "only": "From home",
        "trip": "Visit {number} · day {day}: {where}",
        "where": "Where",
        "when": "When",
        "when_text": "on day {day} at the earliest",
        "one_trip": "all in one visit",
        "bring": "Bring",
        "do_there": "Do there",
        "receive_there": "You receive there",
        "identity": "identity document",
        "from": "from",
        "direct": "Sent directly by the body that issues it (do not bring)",
        "needs": "You need",
        "receive": "You receive",
        "after_days": "after about {days} days",
        "from_day": "from day {day}",
        "deadline": "deadline: day {day}",
        "legal": "legal basis",
        "at": "at",
        "nothing": "Nothing to do.",
        "no_deadlines": "No legal deadlines.",
    },
}

# How a task is done, as a reader would say it.
_HOW: dict[Language, dict[Channel, str]] = {
    "de": {
        Channel.IN_PERSON: "vor Ort",
        Channel.TERMINAL: "am Selbstbedienungs-Terminal vor Ort",
        Channel.ONLINE: "online",
        Channel.EMAIL: "per E-Mail",
        Channel.VIDEO: "per Video-Termin",
        Channel.PHONE: "per Telefon",
        Channel.MAIL: "per Post",
        Channel.PROACTIVE: "geschieht automatisch, Sie müssen nichts tun",
    },
    "en": {
        Channel.IN_PERSON: "in person",
        Channel.TERMINAL: "at a self-service terminal",
        Channel.ONLINE: "online",
        Channel.EMAIL: "by e-mail",
        Channel.VIDEO: "by video call",
        Channel.PHONE: "by phone",
        Channel.MAIL: "by post",
        Channel.PROACTIVE: "happens automatically, nothing to do",
    },
}


@dataclass(frozen=True)
class _Item:
    """One line of a list: a bold lead, plain text after it, and notes below it."""

    lead: str
    rest: str = ""
    notes: tuple[str, ...] = ()
    checkbox: bool = True


@dataclass(frozen=True)
class _Section:
    heading: str
    paragraphs: tuple[str, ...] = ()
    # (sub-heading or "", items) in reading order.
    lists: tuple[tuple[str, tuple[_Item, ...]], ...] = ()
    kind: str = "tasks"


@dataclass
class _Checklist:
    title: str
    meta: str
    intro: tuple[str, ...]
    sections: list[_Section] = field(default_factory=list)


def _count(forms: str, number: int) -> str:
    """``"{n} Frist|{n} Fristen"`` with a number: the singular for one, else the plural."""
    one, many = forms.split("|")
    return (one if number == 1 else many).format(n=number)


def _slots(report: Report, trips: list[tuple[int, frozenset[str]]]) -> dict[str, int]:
    """For each step done from home, how many trips come before it.

    After every trip it depends on and every trip on an earlier or the same day;
    before every trip that depends on it. Trips are in a topological order sorted
    by day, so one pass each way over the graph finds the nearest ones.
    """
    graph = report.journey.graph
    order = topological_order(graph)
    position = {node: index for index, (_, members) in enumerate(trips) for node in members}
    latest_before: dict[str, int] = {}
    for node in order:
        latest_before[node] = max(
            (max(latest_before[u], position.get(u, -1)) for u in graph.pred[node]), default=-1
        )
    first_after: dict[str, int] = {}
    for node in reversed(order):
        first_after[node] = min(
            (min(first_after[w], position.get(w, len(trips))) for w in graph.succ[node]),
            default=len(trips),
        )
    days = [day for day, _ in trips]
    slots: dict[str, int] = {}
    for entry in report.schedule.steps:
        if entry.step in position:
            continue
        same_day_or_earlier = max(
            (index for index, day in enumerate(days) if day <= entry.day), default=-1
        )
        after = max(latest_before[entry.step], same_day_or_earlier)
        slots[entry.step] = min(after + 1, first_after[entry.step])
    return slots


def _build(report: Report, lang: Language) -> _Checklist:
    words = _WORDS[lang]
    names = DisplayNames(report, lang)
    trip = report.journey
    graph = trip.graph
    life_event = trip.life_event
    day_of = {entry.step: entry.day for entry in report.schedule.steps}
    producer = {
        evidence_id: node for node in graph for evidence_id in graph.nodes[node]["step"].produces
    }

    def is_direct(evidence_id: str) -> bool:
        evidence = life_event.evidence.get(evidence_id)
        return evidence is not None and evidence.transfer is Transfer.DIRECT

    def deadline_text(node: str) -> list[str]:
        step = graph.nodes[node]["step"]
        parts = []
        if step.deadline_days is not None:
            parts.append(words["deadline"].format(day=step.deadline_days))
        if step.legal_basis:
            parts.append(f"{words['legal']}: {step.legal_basis}")
        return parts

    def received(node: str) -> list[str]:
        step = graph.nodes[node]["step"]
        return [names.evidence(item) for item in step.produces if not is_direct(item)]

    # Trips in the order to make them (the plan's), with the steps done from home in between.
    plan = report.visits.plan
    trips = [(visit.day, frozenset(visit.steps)) for visit in plan]
    at_home: list[list[str]] = [[] for _ in range(len(trips) + 1)]
    for node, slot in _slots(report, trips).items():
        at_home[slot].append(node)

    def home_item(node: str) -> _Item:
        channel: Channel = graph.nodes[node]["channel"]
        rest = [f"– {_HOW[lang][channel]}", f"{words['at']} {names.authority(node)}"]
        rest.append(words["from_day"].format(day=day_of[node]))
        rest.extend(deadline_text(node))
        step = graph.nodes[node]["step"]
        notes = []
        needed = [names.evidence(item) for item in step.requires if not is_direct(item)]
        if needed:
            notes.append(f"{words['needs']}: {', '.join(needed)}")
        got = received(node)
        if got:
            lead = f"{words['receive']}"
            if step.lead_time_days:
                lead += " " + words["after_days"].format(days=step.lead_time_days)
            notes.append(f"{lead}: {', '.join(got)}")
        return _Item(names.step(node), " · ".join(rest), tuple(notes))

    def trip_section(number: int, index: int) -> _Section:
        visit = plan[index]
        steps = list(visit.steps)
        authorities = list(dict.fromkeys(names.authority(node) for node in steps))
        where = " / ".join(authorities)
        when = words["when_text"].format(day=visit.day)
        if len(steps) > 1:
            when += f", {words['one_trip']}"
        paragraphs = [f"{words['when']}: {when}"]
        place = names.site(visit.site)
        if place != where:
            paragraphs.insert(0, f"{words['where']}: {place}")
        made_here = {item for node in steps for item in graph.nodes[node]["step"].produces}
        bring: list[_Item] = []
        direct: list[str] = []
        seen: set[str] = set()
        for node in steps:
            for evidence_id in graph.nodes[node]["step"].requires:
                if evidence_id in seen or evidence_id in made_here:
                    continue
                seen.add(evidence_id)
                if is_direct(evidence_id):
                    direct.append(names.evidence(evidence_id))
                    continue
                evidence = life_event.evidence.get(evidence_id)
                if evidence is not None and evidence.identity:
                    bring.append(_Item(names.evidence(evidence_id), f"({words['identity']})"))
                elif evidence_id in producer:
                    source = names.authority(producer[evidence_id])
                    bring.append(_Item(names.evidence(evidence_id), f"({words['from']}: {source})"))
                else:
                    bring.append(_Item(names.evidence(evidence_id)))
        # Identity documents first: without them nothing else at the counter works.
        bring.sort(key=lambda item: item.rest != f"({words['identity']})")
        if direct:
            paragraphs.append(f"{words['direct']}: {', '.join(direct)}")
        tasks = []
        for node in steps:
            rest = deadline_text(node)
            if len(authorities) > 1:
                rest.insert(0, f"{words['at']} {names.authority(node)}")
            tasks.append(_Item(names.step(node), f"– {' · '.join(rest)}" if rest else ""))
        got = [name for node in steps for name in received(node)]
        lists = [(words["bring"], tuple(bring))] if bring else []
        lists.append((words["do_there"], tuple(tasks)))
        if got:
            lists.append(
                (words["receive_there"], tuple(_Item(name, checkbox=False) for name in got))
            )
        return _Section(
            words["trip"].format(number=number, day=visit.day, where=where),
            tuple(paragraphs),
            tuple(lists),
            kind="trip",
        )

    def home_section(position: int) -> _Section | None:
        if not at_home[position]:
            return None
        if not trips:
            heading = words["only"]
        elif position == 0:
            heading = words["first"]
        elif position == len(trips):
            heading = words["last"]
        else:
            heading = words["between"].format(number=position)
        items = tuple(home_item(node) for node in at_home[position])
        return _Section(heading, lists=(("", items),))

    # Deadlines: the latest day for each step that has one, the earliest first.
    at_risk = {
        finding.steps[0]: finding.text
        for finding in findings(report, lang)
        if finding.kind is FindingKind.DEADLINE
    }
    dated = sorted(
        (node for node in graph if graph.nodes[node]["deadline_days"] is not None),
        key=lambda node: (graph.nodes[node]["deadline_days"], day_of[node]),
    )
    deadline_items = []
    for node in dated:
        step = graph.nodes[node]["step"]
        rest = [names.step(node)]
        if step.legal_basis:
            rest.append(f"({step.legal_basis})")
        notes: tuple[str, ...] = ()
        if node in at_risk:
            rest.append(f"– ⚠ {words['at_risk']}")
            notes = (at_risk[node],)
        deadline_items.append(
            _Item(words["deadline_by"].format(day=step.deadline_days) + ":", " ".join(rest), notes)
        )

    home_count = sum(len(nodes) for nodes in at_home)
    title = f"{words['title']}: {names.life_event()}"
    meta = [f"{label('persona', lang)}: {names.persona()}"]
    municipality = names.municipality()
    if municipality:
        meta.append(f"{words['municipality']}: {municipality}")
    counts = (("trips", len(trips)), ("at_home", home_count), ("deadlines_count", len(dated)))
    overview = f"{words['overview']}: " + " · ".join(
        _count(words[key], number) for key, number in counts
    )
    checklist = _Checklist(title, " · ".join(meta), (words["how_to"], overview))
    checklist.sections.append(
        _Section(
            words["deadlines"],
            () if deadline_items else (words["no_deadlines"],),
            (("", tuple(deadline_items)),) if deadline_items else (),
            kind="deadlines",
        )
    )
    for position in range(len(trips) + 1):
        section = home_section(position)
        if section is not None:
            checklist.sections.append(section)
        if position < len(trips):
            checklist.sections.append(trip_section(position + 1, position))
    if not trips and not home_count:
        checklist.sections.append(_Section(words["only"], (words["nothing"],)))
    return checklist


# ---------------------------------------------------------------------------
# Markdown.


def _md_item(item: _Item) -> list[str]:
    box = "- [ ] " if item.checkbox else "- "
    line = f"{box}**{markdown_text(item.lead)}**"
    if item.rest:
        line += f" {markdown_text(item.rest)}"
    return [line, *(f"  - {markdown_text(note)}" for note in item.notes)]


def checklist_markdown(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The checklist as Markdown with task lists (``- [ ]``), in ``options.lang``.

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.graph.journey import journey
    >>> from lifeevents.analysis.report import analyze
    >>> life_event = loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Demo}
    ... authorities: {amt: {name: Amt, level: gemeinde}}
    ... steps: [{id: a, name: "Antrag *stellen*", authority: amt, channels: [online]}]
    ... ''', regions={})
    >>> print(checklist_markdown(analyze(journey(life_event))).splitlines()[-1])
    - [ ] **Antrag \\*stellen\\*** – online · bei Amt · ab Tag 0
    """
    checklist = _build(report, options.lang)
    lines = [
        f"# {markdown_text(options.title or checklist.title)}",
        "",
        markdown_text(checklist.meta),
        "",
    ]
    for paragraph in checklist.intro:
        lines.extend([markdown_text(paragraph), ""])
    for section in checklist.sections:
        lines.extend([f"## {markdown_text(section.heading)}", ""])
        for paragraph in section.paragraphs:
            lines.extend([markdown_text(paragraph), ""])
        for caption, items in section.lists:
            if caption:
                lines.extend([f"### {markdown_text(caption)}", ""])
            for item in items:
                lines.extend(_md_item(item))
            lines.append("")
    return "\n".join(lines).rstrip("\n") + "\n"


# ---------------------------------------------------------------------------
# HTML.

_CSS = f"""
body {{ font-family: "DejaVu Sans", Verdana, Arial, sans-serif; color: {TEXT_COLOR};
  background: #FFFFFF; line-height: 1.5; margin: 0; }}
main {{ max-width: 46rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }}
h1 {{ font-size: 1.6rem; margin: 0 0 .25rem; }}
h2 {{ font-size: 1.25rem; margin: 2rem 0 .5rem; padding-top: .5rem;
  border-top: 2px solid #BBBBBB; }}
section.trip h2 {{ border-top-color: {OKABE_ITO["vermillion"]}; }}
section.deadlines h2 {{ border-top-color: {OKABE_ITO["black"]}; }}
h3 {{ font-size: 1rem; margin: 1rem 0 .25rem; }}
.meta {{ color: #444444; margin: 0 0 1rem; }}
ul {{ padding-left: 1.5rem; }}
ul.checklist {{ list-style: none; padding-left: 0; }}
ul.checklist > li {{ margin: .35rem 0; }}
ul.checklist > li > label {{ display: flex; gap: .5rem; align-items: baseline; cursor: pointer; }}
ul.checklist input {{ width: 1.1rem; height: 1.1rem; flex: none; }}
ul.notes {{ margin: .1rem 0 .25rem 1.6rem; color: #333333; }}
@media print {{ main {{ max-width: none; }} h2 {{ break-after: avoid; }}
  ul.checklist > li {{ break-inside: avoid; }} }}
"""


def _html_items(items: Iterable[_Item]) -> list[str]:
    shown = list(items)
    checked = all(item.checkbox for item in shown)
    lines = ['<ul class="checklist">' if checked else "<ul>"]
    for item in shown:
        text = f"<strong>{escape_line(item.lead)}</strong>" + (
            f" {escape_line(item.rest)}" if item.rest else ""
        )
        if item.checkbox:
            text = f'<label><input type="checkbox"> <span>{text}</span></label>'
        lines.append(f"<li>{text}")
        if item.notes:
            lines.append('<ul class="notes">')
            lines.extend(f"<li>{escape_line(note)}</li>" for note in item.notes)
            lines.append("</ul>")
        lines.append("</li>")
    lines.append("</ul>")
    return lines


def checklist_html(report: Report, options: RenderOptions = DEFAULT_OPTIONS) -> str:
    """The checklist as one self-contained HTML page (inline CSS, no script, no network).

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.graph.journey import journey
    >>> from lifeevents.analysis.report import analyze
    >>> life_event = loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: "<b>Demo</b>"}
    ... authorities: {amt: {name: Amt, level: gemeinde}}
    ... steps: [{id: a, name: Antrag, authority: amt, channels: [in_person]}]
    ... ''', regions={})
    >>> page = checklist_html(analyze(journey(life_event)), RenderOptions(lang="en"))
    >>> '<html lang="en">' in page, "&lt;b&gt;Demo&lt;/b&gt;" in page, "<b>" in page
    (True, True, False)
    >>> page.count('<input type="checkbox">')
    1
    """
    lang = options.lang
    checklist = _build(report, lang)
    title = options.title or checklist.title
    lines = [
        "<!DOCTYPE html>",
        f'<html lang="{escape_line(lang)}">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # Nothing may load or run: the page is text, styles are inline.
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'\">",
        '<meta name="generator" content="lifeevents">',
        f"<title>{escape_line(title)}</title>",
        f"<style>{_CSS}</style>",
        "</head>",
        "<body>",
        "<main>",
        f"<h1>{escape_line(title)}</h1>",
        f'<p class="meta">{escape_line(checklist.meta)}</p>',
        *(f"<p>{escape_line(paragraph)}</p>" for paragraph in checklist.intro),
    ]
    for section in checklist.sections:
        lines.append(f'<section class="{section.kind}">')
        lines.append(f"<h2>{escape_line(section.heading)}</h2>")
        lines.extend(f"<p>{escape_line(paragraph)}</p>" for paragraph in section.paragraphs)
        for caption, items in section.lists:
            if caption:
                lines.append(f"<h3>{escape_line(caption)}</h3>")
            lines.extend(_html_items(items))
        lines.append("</section>")
    lines.extend(["</main>", "</body>", "</html>"])
    return "\n".join(lines) + "\n"
