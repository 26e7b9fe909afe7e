"""What the checklist says, before it is written as Markdown or HTML.

The trips are the minimum visit plan of the analysis, in the plan's order;
every step done from home (online, by post, by phone) goes between the trips,
after every trip it depends on and before every trip that depends on it.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> from lifeevents.views.wording import Wording
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> checklist = build(report, Wording.of(report, "en"))
>>> checklist.title
'Checklist: Umzug'
>>> [section.heading for section in checklist.sections]  # doctest: +NORMALIZE_WHITESPACE
['Deadlines', 'Visit 1 · day 0: Bürgerbüro / Stadtkasse',
 'Visit 2 · day 0: Straßenverkehrsamt', 'Afterwards, from home']
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from lifeevents.analysis.report import Report
from lifeevents.analysis.visits import PlannedVisit
from lifeevents.graph.journey import topological_order
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.vocabulary import Channel, Transfer
from lifeevents.text.findings import FindingKind, findings
from lifeevents.views.checklist.actors import citizen_acts
from lifeevents.views.columns import step_days
from lifeevents.views.wording import Wording

__all__ = ["Checklist", "Item", "Section", "build"]


@dataclass(frozen=True)
class Item:
    """One line of a list: a bold lead, plain text after it, and notes below it.

    Parameters
    ----------
    lead : str
        The bold start: a step, a piece of evidence, a deadline.
    rest : str, default ""
        Plain text after the lead.
    notes : tuple[str, ...], default ()
        Lines below the item.
    checkbox : bool, default True
        Whether the item can be ticked off.

    Examples
    --------
    What to bring to the Straßenverkehrsamt, and who issues it:

    >>> item = Item("Meldebestätigung", "(von: Bürgerbüro)")
    >>> item.lead, item.rest, item.checkbox
    ('Meldebestätigung', '(von: Bürgerbüro)', True)
    """

    lead: str
    rest: str = ""
    notes: tuple[str, ...] = ()
    checkbox: bool = True


@dataclass(frozen=True)
class Section:
    """One section: a heading, paragraphs, then lists with an optional sub-heading each.

    Parameters
    ----------
    heading : str
        The section's heading.
    paragraphs : tuple[str, ...], default ()
        Text below the heading.
    lists : tuple[tuple[str, tuple[Item, ...]], ...], default ()
        (sub-heading or "", items), in reading order.
    kind : str, default "tasks"
        ``tasks``, ``trip`` or ``deadlines`` (the HTML page styles them).

    Examples
    --------
    The second trip of the demo journey: what to bring, what to do there:

    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> trip = build(report, Wording.of(report, "en")).sections[2]
    >>> trip.heading, trip.kind
    ('Visit 2 · day 0: Straßenverkehrsamt', 'trip')
    >>> [(heading, [item.lead for item in items]) for heading, items in trip.lists]
    [('Bring', ['Meldebestätigung']), ('Do there', ['Fahrzeug ummelden'])]
    """

    heading: str
    paragraphs: tuple[str, ...] = ()
    lists: tuple[tuple[str, tuple[Item, ...]], ...] = ()
    kind: str = "tasks"


@dataclass
class Checklist:
    """The whole checklist: title, the line below it, the introduction and the sections.

    Parameters
    ----------
    title : str
        ``Checkliste: <life event>``.
    meta : str
        Persona and municipality.
    intro : tuple[str, ...]
        How to read the list, and the overview.
    sections : list[Section]
        Deadlines first, then the trips with the tasks from home between them.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> checklist = build(report, Wording.of(report, "en"))
    >>> checklist.title, checklist.meta
    ('Checklist: Umzug', 'Persona: Mit Auto')
    >>> [section.kind for section in checklist.sections]
    ['deadlines', 'trip', 'trip', 'tasks']
    """

    title: str
    meta: str
    intro: tuple[str, ...]
    sections: list[Section] = field(default_factory=list)


@dataclass(frozen=True)
class _Trips:
    """What every part of one checklist needs: built once per render."""

    report: Report
    wording: Wording
    graph: nx.DiGraph[str]
    life_event: LifeEvent
    day_of: dict[str, int]
    # "ab Tag N" of each step, in the words of every view (the visit plan's day).
    from_day: dict[str, str]
    # The step that produces each piece of evidence.
    producer: dict[str, str]
    # The trips in the order to make them (the plan's).
    plan: tuple[PlannedVisit, ...]
    # The steps done from home before trip 1, after trip 1, ..., after the last trip.
    at_home: list[list[str]]


def build(report: Report, wording: Wording) -> Checklist:
    """The checklist of a report: deadlines, trips, and the tasks from home between them.

    Parameters
    ----------
    report : Report
        The analysed journey.
    wording : Wording
        The words and names of the render.

    Returns
    -------
    Checklist
        The content, not yet escaped for an output.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> build(report, Wording.of(report)).intro[1]
    'Auf einen Blick: 1 Besuch vor Ort · 1 Aufgabe von zu Hause · 0 Fristen'
    """
    graph = report.journey.graph
    plan = tuple(report.visits.plan)
    trips = [(visit.day, frozenset(visit.steps)) for visit in plan]
    at_home: list[list[str]] = [[] for _ in range(len(trips) + 1)]
    for node, slot in _slots(report, trips).items():
        at_home[slot].append(node)
    context = _Trips(
        report=report,
        wording=wording,
        graph=graph,
        life_event=report.journey.life_event,
        day_of={entry.step: entry.day for entry in report.schedule.steps},
        from_day={
            node: " ".join(day)
            for node, day in step_days(report, wording, wording.words["checklist.from_day"]).items()
        },
        producer={
            evidence_id: node
            for node in graph
            for evidence_id in graph.nodes[node]["step"].produces
        },
        plan=plan,
        at_home=at_home,
    )
    words = wording.words
    deadlines = _deadline_items(context)
    home_count = sum(len(nodes) for nodes in at_home)
    others = sum(not citizen_acts(report, node) for nodes in at_home for node in nodes)
    counts = [
        ("checklist.trips", len(trips)),
        ("checklist.at_home", home_count - others),
        ("checklist.deadlines_count", sum(item.checkbox for item in deadlines)),
    ]
    if others:
        counts.append(("checklist.by_others_count", others))
    overview = f"{words['checklist.overview']}: " + " · ".join(
        _count(words[key], number) for key, number in counts
    )
    checklist = Checklist(
        f"{words['checklist.title']}: {wording.names.life_event()}",
        " · ".join(wording.persona_parts()),
        (words["checklist.how_to"], overview),
    )
    checklist.sections.append(
        Section(
            words["checklist.deadlines"],
            () if deadlines else (words["checklist.no_deadlines"],),
            _split(deadlines, words["checklist.by_others"]),
            kind="deadlines",
        )
    )
    for position in range(len(trips) + 1):
        section = _home_section(context, position)
        if section is not None:
            checklist.sections.append(section)
        if position < len(trips):
            checklist.sections.append(_trip_section(context, position))
    if not trips and not home_count:
        checklist.sections.append(Section(words["checklist.only"], (words["checklist.nothing"],)))
    return checklist


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


def _is_direct(context: _Trips, evidence_id: str) -> bool:
    """Whether the evidence travels between the authorities, never through the citizen."""
    evidence = context.life_event.evidence.get(evidence_id)
    return evidence is not None and evidence.transfer is Transfer.DIRECT


def _deadline_text(context: _Trips, node: str) -> list[str]:
    words = context.wording.words
    step = context.graph.nodes[node]["step"]
    parts = []
    if step.deadline_days is not None:
        parts.append(words["checklist.deadline"].format(day=step.deadline_days))
    if step.legal_basis:
        parts.append(f"{words['checklist.legal']}: {step.legal_basis}")
    return parts


def _received(context: _Trips, node: str) -> list[str]:
    """The evidence a step hands to the citizen."""
    step = context.graph.nodes[node]["step"]
    names = context.wording.names
    return [names.evidence(item) for item in step.produces if not _is_direct(context, item)]


def _done_for_you(context: _Trips, node: str) -> str:
    """That a step is done without the citizen: automatically, or by whom."""
    words, names = context.wording.words, context.wording.names
    if context.graph.nodes[node]["channel"] is Channel.PROACTIVE:
        return words["checklist.how.proactive"]
    return words["checklist.done_by"].format(who=names.authority(node))


def _home_item(context: _Trips, node: str) -> Item:
    """A task done from home: how, with whom, from which day, what it needs and gives;
    a step done for the citizen as a note without a box: who does it, what arrives."""
    words, names = context.wording.words, context.wording.names
    channel: Channel = context.graph.nodes[node]["channel"]
    own = citizen_acts(context.report, node)
    how = [
        f"– {words[f'checklist.how.{channel.value}']}",
        f"{words['checklist.at']} {names.authority(node)}",
    ]
    rest = [
        *(how if own else [f"– {_done_for_you(context, node)}"]),
        context.from_day[node],
        *_deadline_text(context, node),
    ]
    step = context.graph.nodes[node]["step"]
    notes = []
    needed = [names.evidence(item) for item in step.requires if not _is_direct(context, item)]
    if needed:
        notes.append(f"{words['checklist.needs']}: {', '.join(needed)}")
    got = _received(context, node)
    if got:
        lead = f"{words['checklist.receive']}"
        if step.lead_time_days:
            lead += " " + words["checklist.after_days"].format(days=step.lead_time_days)
        notes.append(f"{lead}: {', '.join(got)}")
    return Item(names.step(node), " · ".join(rest), tuple(notes), checkbox=own)


def _home_section(context: _Trips, position: int) -> Section | None:
    """The tasks from home before trip ``position + 1`` (None when there are none)."""
    words = context.wording.words
    nodes = context.at_home[position]
    if not nodes:
        return None
    trips = len(context.plan)
    items = [_home_item(context, node) for node in nodes]
    tasks = any(item.checkbox for item in items)
    if not tasks:
        heading = words["checklist.by_others"]
    elif not trips:
        heading = words["checklist.only"]
    elif position == 0:
        heading = words["checklist.first"]
    elif position == trips:
        heading = words["checklist.last"]
    else:
        heading = words["checklist.between"].format(number=position)
    return Section(heading, lists=_split(items, words["checklist.by_others"]))


def _split(items: list[Item], caption: str) -> tuple[tuple[str, tuple[Item, ...]], ...]:
    """Items with a box, then those without under ``caption`` (each list when not empty;
    the caption only after items with a box)."""
    tasks = tuple(item for item in items if item.checkbox)
    notes = tuple(item for item in items if not item.checkbox)
    lists = (("", tasks),) if tasks else ()
    return lists + (((caption if tasks else "", notes),) if notes else ())


def _to_bring(context: _Trips, steps: list[str]) -> tuple[list[Item], list[str]]:
    """What to bring on a trip (identity documents first), and what comes directly."""
    words, names = context.wording.words, context.wording.names
    graph = context.graph
    made_here = {item for node in steps for item in graph.nodes[node]["step"].produces}
    identity = f"({words['checklist.identity']})"
    bring: list[Item] = []
    direct: list[str] = []
    seen: set[str] = set()
    for node in steps:
        for evidence_id in graph.nodes[node]["step"].requires:
            if evidence_id in seen or evidence_id in made_here:
                continue
            seen.add(evidence_id)
            if _is_direct(context, evidence_id):
                direct.append(names.evidence(evidence_id))
                continue
            evidence = context.life_event.evidence.get(evidence_id)
            if evidence is not None and evidence.identity:
                bring.append(Item(names.evidence(evidence_id), identity))
            elif evidence_id in context.producer:
                source = names.authority(context.producer[evidence_id])
                rest = f"({words['checklist.from']}: {source})"
                bring.append(Item(names.evidence(evidence_id), rest))
            else:
                bring.append(Item(names.evidence(evidence_id)))
    # Identity documents first: without them nothing else at the counter works.
    bring.sort(key=lambda item: item.rest != identity)
    return bring, direct


def _trip_section(context: _Trips, index: int) -> Section:
    """Trip ``index + 1``: where and when, what to bring, what to do, what you receive."""
    words, names = context.wording.words, context.wording.names
    visit = context.plan[index]
    steps = list(visit.steps)
    authorities = list(dict.fromkeys(names.authority(node) for node in steps))
    where = " / ".join(authorities)
    when = words["checklist.when_text"].format(day=visit.day)
    if len(steps) > 1:
        when += f", {words['checklist.one_trip']}"
    paragraphs = [f"{words['checklist.when']}: {when}"]
    place = names.site(visit.site)
    if place != where:
        paragraphs.insert(0, f"{words['checklist.where']}: {place}")
    bring, direct = _to_bring(context, steps)
    if direct:
        paragraphs.append(f"{words['checklist.direct']}: {', '.join(direct)}")
    tasks = []
    for node in steps:
        rest = _deadline_text(context, node)
        if len(authorities) > 1:
            rest.insert(0, f"{words['checklist.at']} {names.authority(node)}")
        tasks.append(Item(names.step(node), f"– {' · '.join(rest)}" if rest else ""))
    got = [name for node in steps for name in _received(context, node)]
    lists = [(words["checklist.bring"], tuple(bring))] if bring else []
    lists.append((words["checklist.do_there"], tuple(tasks)))
    if got:
        received = tuple(Item(name, checkbox=False) for name in got)
        lists.append((words["checklist.receive_there"], received))
    return Section(
        words["checklist.trip"].format(number=index + 1, day=visit.day, where=where),
        tuple(paragraphs),
        tuple(lists),
        kind="trip",
    )


def _deadline_items(context: _Trips) -> list[Item]:
    """The latest day for each step that has a deadline, the earliest first."""
    words, names = context.wording.words, context.wording.names
    graph = context.graph
    at_risk = {
        finding.steps[0]: finding.text
        for finding in findings(context.report, context.wording.lang)
        if finding.kind is FindingKind.DEADLINE
    }
    dated = sorted(
        (node for node in graph if graph.nodes[node]["deadline_days"] is not None),
        key=lambda node: (graph.nodes[node]["deadline_days"], context.day_of[node]),
    )
    items = []
    for node in dated:
        step = graph.nodes[node]["step"]
        rest = [names.step(node)]
        if step.legal_basis:
            rest.append(f"({step.legal_basis})")
        notes: tuple[str, ...] = ()
        if node in at_risk:
            rest.append(f"– ⚠ {words['checklist.at_risk']}")
            notes = (at_risk[node],)
        own = citizen_acts(context.report, node)
        if not own:
            rest.append(f"– {_done_for_you(context, node)}")
        lead = words["checklist.deadline_by"].format(day=step.deadline_days) + ":"
        items.append(Item(lead, " ".join(rest), notes, checkbox=own))
    return items
