"""Mermaid code of a journey: the blueprint as a ``flowchart``, the journey map as a ``journey``.

Mermaid text can be pasted into Markdown (GitHub, GitLab, wikis) and is drawn in
the reader's browser. Blueprint: one ``subgraph`` per level (lane), one node per
applicable step shaped by its channel (and marked with the channel's glyph, so
shape and colour are never the only cue), dependency edges labelled with the
evidence they carry, authority handovers drawn thick and media breaks dashed
(``linkStyle``), once-only violations and deadlines at risk marked by class.
Journey: one ``section`` per stage, one task per step with a score of 1-5 from
its emotion (3 without one) and its authority as the actor.

Every text from the journey file is quoted where the syntax allows and passed
through :func:`~lifeevents.views.escape.mermaid.mermaid_text`, which replaces
each character that could end a label, start a comment or become markup with a
Mermaid entity code (``#quot;``, ``#lt;``, ``#35;`` ...). Ids are ``step_N`` by position
(:class:`~lifeevents.views.element_ids.ElementIds`), never the step's own id.
Output is deterministic.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> print(generate_code(analyze(journey(loads(DEMO_YAML), "mit-auto"))))
... # doctest: +NORMALIZE_WHITESPACE
flowchart LR
  accTitle: Umzug · Persona#58; Mit Auto
  subgraph lane_kreis["Kreis"]
    step_2["⌂ Fahrzeug ummelden<br/>Straßenverkehrsamt"]
  end
  subgraph lane_gemeinde["Gemeinde"]
    step_0["⌂ Wohnsitz #lt;anmelden#gt; #amp; bestätigen<br/>Bürgerbüro"]
    step_1["⌂ Gebühr zahlen<br/>Stadtkasse"]
  end
  subgraph lane_privat["Privat"]
    step_3(["⌨ Rundfunkbeitrag ummelden<br/>Beitragsservice"])
  end
  step_0 -.-> step_1
  step_0 -->|"Meldebestätigung"| step_2
  step_0 -.-> step_3
  linkStyle 1 stroke:#D55E00,stroke-width:4px
  style lane_kreis fill:#FCF3DE,stroke:#9A9A9A,color:#1A1A1A
  style lane_gemeinde fill:#EEF7FC,stroke:#9A9A9A,color:#1A1A1A
  style lane_privat fill:#F2F2F2,stroke:#9A9A9A,color:#1A1A1A
  classDef ch_in_person fill:#FFFFFF,stroke:#D55E00,stroke-width:2px,color:#1A1A1A
  classDef ch_online fill:#FFFFFF,stroke:#0072B2,stroke-width:2px,color:#1A1A1A
  classDef onceOnly stroke:#CC79A7,stroke-width:4px,stroke-dasharray:2 2
  class step_0,step_1,step_2 ch_in_person
  class step_3 ch_online
  class step_2 onceOnly
"""

from __future__ import annotations

import re

from lifeevents.analysis.report import Report
from lifeevents.graph.journey import topological_order
from lifeevents.model.vocabulary import Channel, Level
from lifeevents.text.labels import Language
from lifeevents.views.columns import stage_columns
from lifeevents.views.element_ids import ElementIds
from lifeevents.views.escape.mermaid import mermaid_text
from lifeevents.views.options import Direction, View
from lifeevents.views.style import (
    CHANNEL_STYLES,
    HIGHLIGHT_COLORS,
    LANE_ORDER,
    LEVEL_FILLS,
    TEXT_COLOR,
)
from lifeevents.views.wording import Wording

__all__ = ["generate_code", "node_id"]

# Node shapes per channel: (opening, closing) around the quoted label.
_SHAPES: dict[Channel, tuple[str, str]] = {
    Channel.IN_PERSON: ("[", "]"),  # rectangle: a counter
    Channel.TERMINAL: ("[[", "]]"),  # subroutine: a machine at the counter
    Channel.ONLINE: ("([", "])"),  # stadium
    Channel.EMAIL: (">", "]"),  # flag
    Channel.VIDEO: ("(", ")"),  # rounded rectangle
    Channel.PHONE: ("{{", "}}"),  # hexagon
    Channel.MAIL: ("[/", "/]"),  # parallelogram: a letter
    Channel.PROACTIVE: ("[/", "\\]"),  # trapezoid
}

# Words the journey lexer reads as statements when a task line starts with them
# (its lexer tries them before a task name), so a step called "Title deed ..." would
# become the title. Such a task's first letter is written as an entity code.
_JOURNEY_KEYWORDS = re.compile(r"^(journey|title|section|acctitle|accdescr)", re.IGNORECASE)


def node_id(ids: ElementIds, node: str) -> str:
    """The Mermaid id of a step: its element id with ``-`` as ``_``.

    Parameters
    ----------
    ids : ElementIds
        The element ids of the journey graph.
    node : str
        A step id.

    Returns
    -------
    str
        ``step_N``, safe as a Mermaid id whatever the step id holds.

    Examples
    --------
    >>> import networkx as nx
    >>> node_id(ElementIds(nx.DiGraph([("anmelden", "end")])), "end")
    'step_1'
    """
    return ids.step(node).replace("-", "_")


def generate_code(
    report: Report,
    *,
    direction: Direction = "LR",
    lang: Language = "de",
    view: View = View.BLUEPRINT,
) -> str:
    """Mermaid code of the blueprint (``flowchart``) or the journey map (``journey``).

    Parameters
    ----------
    report : Report
        The analysed journey.
    direction : {"LR", "TB"}, default "LR"
        The flowchart's direction (lanes top to bottom with ``LR``).
    lang : Language, default "de"
        The language of words and names.
    view : View, default View.BLUEPRINT
        ``View.BLUEPRINT`` or ``View.JOURNEY``.

    Returns
    -------
    str
        Mermaid code, ending in a line break.

    Raises
    ------
    ValueError
        For the checklist view, which is text, not a diagram.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> print(generate_code(report, view=View.JOURNEY, lang="en"))
    journey
      title Umzug · Journey map · Persona#58; Mit Auto
      section 1 · Ummelden
        Wohnsitz #lt;anmelden#gt; #amp; bestätigen: 2: Bürgerbüro
        Gebühr zahlen: 3: Stadtkasse
      section 2 · Danach
        Fahrzeug ummelden: 3: Straßenverkehrsamt
        Rundfunkbeitrag ummelden: 3: Beitragsservice
    <BLANKLINE>
    """
    if view is View.JOURNEY:
        return _journey(report, Wording.of(report, lang))
    if view is View.BLUEPRINT:
        return _flowchart(report, direction, Wording.of(report, lang))
    raise ValueError(f"Mermaid has no {view.value} view; use 'blueprint' or 'journey'")


def _filled(text: str, fallback: str) -> str:
    """``text``, or an escaped fallback when it is empty (an empty task or label is an error)."""
    return text or mermaid_text(fallback) or "?"


def _persona(wording: Wording) -> str:
    return f"{wording.words['persona']}: {wording.names.persona()}"


def _flowchart(report: Report, direction: Direction, wording: Wording) -> str:
    graph = report.journey.graph
    names = wording.names
    ids = ElementIds(graph)
    at_risk = set(report.schedule.deadlines_at_risk)
    title = f"{names.life_event()} · {_persona(wording)}"
    lines = [f"flowchart {direction}", f"  accTitle: {mermaid_text(title)}"]

    # Lanes in the fixed level order; steps in each lane in file order.
    lanes: list[Level] = []
    for level in LANE_ORDER:
        members = [node for node in graph if graph.nodes[node]["level"] is level]
        if not members:
            continue
        lines.append(f'  subgraph lane_{level.value}["{mermaid_text(names.level(level))}"]')
        for node in members:
            channel: Channel = graph.nodes[node]["channel"]
            opening, closing = _SHAPES[channel]
            text = f"{CHANNEL_STYLES[channel].glyph} {names.step(node)}"
            if node in at_risk:
                text = f"⚠ {text}"
            # The line break is Mermaid's own markup, so it is added after escaping.
            content = mermaid_text(text) + "<br/>" + mermaid_text(names.authority(node))
            lines.append(f'    {node_id(ids, node)}{opening}"{content}"{closing}')
        lines.append("  end")
        lanes.append(level)

    # Edges in a fixed order (targets in dependency order, sources in file order),
    # so that linkStyle indices are stable.
    position = {node: index for index, node in enumerate(graph)}
    handovers = {(item.source, item.target) for item in report.authority_handovers}
    breaks = {(item.source, item.target) for item in report.media_breaks}
    thick: list[int] = []
    dashed: list[int] = []
    both: list[int] = []
    index = 0
    for target in topological_order(graph):
        for source in sorted(graph.pred[target], key=position.__getitem__):
            data = graph.edges[source, target]
            evidence = ", ".join(names.evidence(item) for item in data["evidence"])
            arrow = f'-->|"{_filled(mermaid_text(evidence), "…")}"|' if evidence else "-.->"
            lines.append(f"  {node_id(ids, source)} {arrow} {node_id(ids, target)}")
            key = (source, target)
            if key in handovers and key in breaks:
                both.append(index)
            elif key in handovers:
                thick.append(index)
            elif key in breaks:
                dashed.append(index)
            index += 1
    handover = HIGHLIGHT_COLORS["authority_handover"]
    media = HIGHLIGHT_COLORS["media_break"]
    for indices, style in (
        (thick, f"stroke:{handover},stroke-width:4px"),
        (dashed, f"stroke:{media},stroke-width:3px,stroke-dasharray:8 4"),
        (both, f"stroke:{handover},stroke-width:4px,stroke-dasharray:8 4"),
    ):
        if indices:
            lines.append(f"  linkStyle {','.join(map(str, indices))} {style}")

    # Lane backgrounds as in the Graphviz blueprint (light tints; the lane title names it).
    for level in lanes:
        lines.append(
            f"  style lane_{level.value} fill:{LEVEL_FILLS[level]},stroke:#9A9A9A,"
            f"color:{TEXT_COLOR}"
        )
    # Classes: the channel's colour on every node, then the findings on top.
    used = sorted({graph.nodes[node]["channel"] for node in graph}, key=list(Channel).index)
    for channel in used:
        lines.append(
            f"  classDef ch_{channel.value} fill:#FFFFFF,stroke:{CHANNEL_STYLES[channel].color},"
            f"stroke-width:2px,color:{TEXT_COLOR}"
        )
    once_only = list(dict.fromkeys(item.step for item in report.once_only_violations))
    if once_only:
        lines.append(
            f"  classDef onceOnly stroke:{HIGHLIGHT_COLORS['once_only']},stroke-width:4px,"
            "stroke-dasharray:2 2"
        )
    if at_risk:
        lines.append(
            f"  classDef deadlineRisk stroke:{HIGHLIGHT_COLORS['deadline']},stroke-width:4px"
        )
    for channel in used:
        members = [node_id(ids, node) for node in graph if graph.nodes[node]["channel"] is channel]
        lines.append(f"  class {','.join(members)} ch_{channel.value}")
    if once_only:
        lines.append(f"  class {','.join(node_id(ids, node) for node in once_only)} onceOnly")
    risky = [node_id(ids, node) for node in graph if node in at_risk]
    if risky:
        lines.append(f"  class {','.join(risky)} deadlineRisk")
    return "\n".join(lines) + "\n"


def _journey(report: Report, wording: Wording) -> str:
    graph = report.journey.graph
    names = wording.names
    title = f"{names.life_event()} · {wording.words['journey_map.title']} · {_persona(wording)}"
    lines = ["journey", f"  title {mermaid_text(title)}"]
    for column in stage_columns(report, wording):
        # A section without tasks draws an empty band; leave it out.
        if not column.steps:
            continue
        lines.append(f"  section {mermaid_text(column.title)}")
        for node in column.steps:
            emotion = graph.nodes[node]["step"].emotion
            score = 3 if emotion is None else emotion + 3
            task = _filled(mermaid_text(names.step(node)), node)
            if _JOURNEY_KEYWORDS.match(task):
                task = f"#{ord(task[0])};{task[1:]}"
            actor = _filled(mermaid_text(names.authority(node), extra=","), "?")
            lines.append(f"    {task}: {score}: {actor}")
    return "\n".join(lines) + "\n"
