"""The difference map: a journey today and with scenarios applied, in one drawing.

Removed steps are struck through and grey, added steps green, changed steps
orange with what changed (channel, authority, site) written under the name;
dependencies that only today has are dashed, new ones green, and evidence that
now travels directly between authorities says so. The title gives the key
figures today → with the scenarios. :func:`~lifeevents.views.diff_page.diff_html`
puts the three pictures (today, with the scenarios, the overlay) on one
self-contained page with a toggle between them.

Examples
--------
>>> import lifeevents
>>> today = lifeevents.load("umzug-innerhalb-kreis")
>>> changed = lifeevents.apply(today, lifeevents.load_scenario("kfz-im-buergerbuero"))
>>> persona = "schalter-mit-auto-und-hund"
>>> before = lifeevents.analyze(lifeevents.journey(today, persona, municipality="saerbeck"))
>>> after = lifeevents.analyze(lifeevents.journey(changed, persona, municipality="saerbeck"))
>>> source = diff_source(before, after)
>>> "Besuche (wie modelliert): 8 → 7" in source
True
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lifeevents.analysis.report import Report
from lifeevents.text import labels
from lifeevents.text.labels import Language
from lifeevents.views.escape.dot import label_text
from lifeevents.views.graphviz_output import render_graphviz
from lifeevents.views.wording import Wording

__all__ = ["DiffStatus", "StepChange", "diff_source", "diff_svg", "figure_lines", "step_changes"]

#: How a step differs: only today, only with the scenarios, changed, or the same.
DiffStatus = str
_LOOK: dict[DiffStatus, tuple[str, str, str]] = {  # border colour, fill, style
    "removed": ("#9e9e9e", "#f2f2f2", "dashed"),
    "added": ("#1b7f3b", "#e7f5ea", "bold"),
    "changed": ("#c25e00", "#fff1e0", "bold"),
    "same": ("#5f6b7a", "#ffffff", "solid"),
}
# The key figures the difference shows: key of Report.to_record(), word key.
_FIGURES = {
    "visits.as_modelled": "visits_modelled",
    "visits.minimum": "visits_minimum",
    "authority_handovers": "authority_handovers",
    "media_breaks": "media_breaks",
    "once_only_violations": "once_only",
    "duration_days": "duration",
}


@dataclass(frozen=True)
class StepChange:
    """One step in the overlay: how it differs, and each changed property.

    Parameters
    ----------
    step : str
        The step id.
    status : DiffStatus
        ``removed``, ``added``, ``changed`` or ``same``.
    changes : tuple[tuple[str, str, str], ...]
        (what, today, with the scenarios) for each changed property.

    Examples
    --------
    The demo journey with the fee paid online and the broadcasting-fee step removed:

    >>> import lifeevents
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> scenario = loads_scenario(
    ...     "format: lifeevents-scenario/1\\nid: x\\nname: X\\nchanges:\\n"
    ...     "  - {step: gebuehr, channels: [online]}\\n  - {step: rundfunk, remove: true}\\n")
    >>> today = lifeevents.loads(DEMO_YAML)
    >>> before = lifeevents.analyze(lifeevents.journey(today))
    >>> after = lifeevents.analyze(lifeevents.journey(lifeevents.apply(today, scenario)))
    >>> for change in step_changes(before, after, "en"):
    ...     print(change.step, change.status, change.changes)
    anmelden same ()
    gebuehr changed (('Channel', 'in person', 'online'),)
    rundfunk removed ()
    """

    step: str
    status: DiffStatus
    changes: tuple[tuple[str, str, str], ...]


@dataclass(frozen=True)
class _Sides:
    """The two journeys of one difference, each with its words and names: built once."""

    today: Report
    changed: Report
    old: Wording
    new: Wording

    @classmethod
    def of(cls, today: Report, changed: Report, lang: Language) -> _Sides:
        return cls(today, changed, Wording.of(today, lang), Wording.of(changed, lang))


def step_changes(today: Report, changed: Report, lang: Language = "de") -> list[StepChange]:
    """Every step of either journey, in the order of the changed one, removed ones last.

    Parameters
    ----------
    today, changed : Report
        The journey today and with the scenarios applied, analysed.
    lang : Language, default "de"
        The language of the property names and values.

    Returns
    -------
    list[StepChange]
        One entry per step.

    Examples
    --------
    >>> import lifeevents
    >>> today = lifeevents.load("umzug-innerhalb-kreis")
    >>> changed = lifeevents.apply(today, lifeevents.load_scenario("kfz-im-buergerbuero"))
    >>> before = lifeevents.analyze(lifeevents.journey(today, "schalter-mit-auto-und-hund"))
    >>> after = lifeevents.analyze(lifeevents.journey(changed, "schalter-mit-auto-und-hund"))
    >>> changes = [item for item in step_changes(before, after, "en") if item.changes]
    >>> for what, old, new in changes[0].changes:
    ...     print(f"{what}: {old} → {new}")
    Authority: Zulassungsstelle des Kreises (Anschriftenänderung) → Bürgerbüro Greven
    Site: Zulassungsstelle Steinfurt → Rathaus Greven
    """
    return _changes(_Sides.of(today, changed, lang))


def _changes(sides: _Sides) -> list[StepChange]:
    old, new = sides.today.journey.graph, sides.changed.journey.graph
    old_names, new_names = sides.old.names, sides.new.names
    words = sides.new.words
    result = []
    for node in [*new, *(node for node in old if node not in new)]:
        if node not in old or node not in new:
            result.append(StepChange(node, "added" if node in new else "removed", ()))
            continue
        properties = (
            (
                words["channel"],
                old_names.channel(old.nodes[node]["channel"]),
                new_names.channel(new.nodes[node]["channel"]),
            ),
            (words["authority"], old_names.authority(node), new_names.authority(node)),
            (
                words["site"],
                old_names.site(old.nodes[node]["site"]),
                new_names.site(new.nodes[node]["site"]),
            ),
        )
        differences = tuple(item for item in properties if item[1] != item[2])
        result.append(StepChange(node, "changed" if differences else "same", differences))
    return result


def diff_source(today: Report, changed: Report, lang: Language = "de") -> str:
    """The DOT source of the overlay.

    Parameters
    ----------
    today, changed : Report
        The journey today and with the scenarios applied, analysed.
    lang : Language, default "de"
        The language of the words and names.

    Returns
    -------
    str
        DOT text for ``dot``.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> diff_source(report, report).count('class="same"')
    3
    """
    return _source(_Sides.of(today, changed, lang))


def _source(sides: _Sides) -> str:
    old, new = sides.today.journey.graph, sides.changed.journey.graph
    lines = [
        "digraph difference {",
        '  graph [rankdir=LR, fontname="Helvetica", fontsize=12, labelloc=t, '
        f"nodesep=0.3, ranksep=0.5, label=<{_title(sides)}>];",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, '
        "margin=0.12];",
        '  edge [fontname="Helvetica", fontsize=9, color="#5f6b7a"];',
    ]
    ids = {}
    for number, item in enumerate(_changes(sides)):
        ids[item.step] = f"s{number}"
        names = sides.old.names if item.status == "removed" else sides.new.names
        name = label_text(names.step(item.step))
        if item.status == "removed":
            name = f"<S>{name}</S>"
        rows = [f"<B>{name}</B>"] + [
            f'<FONT POINT-SIZE="9">{label_text(what)}: {label_text(before)} → '
            f"{label_text(after)}</FONT>"
            for what, before, after in item.changes
        ]
        if item.status in {"added", "removed"}:
            status = label_text(sides.new.words[item.status])
            rows.append(f'<FONT POINT-SIZE="9"><I>{status}</I></FONT>')
        color, fill, style = _LOOK[item.status]
        lines.append(
            f'  {ids[item.step]} [label=<{"<BR/>".join(rows)}>, color="{color}", '
            f'fillcolor="{fill}", style="rounded,filled,{style}", class="{item.status}", '
            f'id="step-{ids[item.step]}"];'
        )
    for source, target in [*new.edges, *(edge for edge in old.edges if edge not in new.edges)]:
        if (source, target) not in new.edges:
            look = 'style=dashed, color="#9e9e9e"'
        elif (source, target) not in old.edges:
            look = 'color="#1b7f3b", penwidth=1.6'
        else:
            look = _transfer_look(sides, source, target)
        lines.append(f"  {ids[source]} -> {ids[target]} [{look}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def diff_svg(today: Report, changed: Report, lang: Language = "de") -> str:
    """The overlay as SVG, with a title and the changed figures as its text alternative.

    Parameters
    ----------
    today, changed : Report
        The journey today and with the scenarios applied, analysed.
    lang : Language, default "de"
        The language of the words and names.

    Returns
    -------
    str
        The SVG drawn by Graphviz.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> '<title id="map-title">Umzug: Unterschied' in diff_svg(report, report)  # doctest: +SKIP
    True
    """
    sides = _Sides.of(today, changed, lang)
    words = sides.new.words
    title = f"{sides.new.names.life_event()}: {words['difference']}"
    description = "; ".join(_figure_lines(sides.today, sides.changed, words))
    image = render_graphviz(_source(sides), "svg", title=title, description=description)
    return image.decode("utf-8")


def _transfer_look(sides: _Sides, source: str, target: str) -> str:
    """An edge both journeys have: marked where its evidence now travels directly."""
    before = sides.today.journey.graph.edges[source, target].get("evidence", ())
    old_evidence = sides.today.journey.graph.graph["evidence"]
    new_evidence = sides.changed.journey.graph.graph["evidence"]
    direct = [
        evidence_id
        for evidence_id in before
        if evidence_id in new_evidence
        and old_evidence[evidence_id].transfer != new_evidence[evidence_id].transfer
    ]
    if not direct:
        return ""
    return f'color="#1b7f3b", penwidth=1.6, label=<{label_text(sides.new.words["direct_now"])}>'


def _title(sides: _Sides) -> str:
    head = f"<B>{label_text(sides.new.names.life_event())}</B>"
    figures = _figure_lines(sides.today, sides.changed, sides.new.words)
    return "<BR/>".join([head, *(label_text(line) for line in figures)])


def figure_lines(today: Report, changed: Report, lang: Language = "de") -> list[str]:
    """The key figures, each as "name: today → with the scenarios".

    Parameters
    ----------
    today, changed : Report
        The journey today and with the scenarios applied, analysed.
    lang : Language, default "de"
        The language of the figure names.

    Returns
    -------
    list[str]
        Visits as modelled and at the minimum, handovers, media breaks,
        once-only violations and duration, changed or not.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> figure_lines(report, report, "en")[0]
    'Visits (as modelled): 2 → 2'
    """
    return _figure_lines(today, changed, labels.words(lang))


def _figure_lines(today: Report, changed: Report, words: Mapping[str, str]) -> list[str]:
    before, after = today.to_record(), changed.to_record()
    return [f"{words[word]}: {before[key]} → {after[key]}" for key, word in _FIGURES.items()]
