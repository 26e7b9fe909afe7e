"""The difference map: a journey today and with scenarios applied, in one drawing.

Removed steps are struck through and grey, added steps green, changed steps
orange with what changed (channel, authority, site) written under the name;
dependencies that only today has are dashed, new ones green, and evidence that
now travels directly between authorities says so. The title gives the key
figures today → with the scenarios. :func:`diff_html` puts the three pictures
(today, with the scenarios, the overlay) on one self-contained page with a
toggle between them.

>>> import lifeevents
>>> from lifeevents.analysis.report import analyze
>>> today = lifeevents.load("umzug-innerhalb-kreis")
>>> changed = lifeevents.apply(today, lifeevents.load_scenario("kfz-im-buergerbuero"))
>>> persona = "schalter-mit-auto-und-hund"
>>> before = analyze(lifeevents.journey(today, persona, "saerbeck"))
>>> after = analyze(lifeevents.journey(changed, persona, "saerbeck"))
>>> source = diff_source(before, after)
>>> "Besuche (wie modelliert): 8 → 7" in source
True
"""

from __future__ import annotations

from dataclasses import dataclass

from lifeevents.analysis.report import Report
from lifeevents.text.labels import Language, label
from lifeevents.text.names import DisplayNames
from lifeevents.views.escape.dot import label_text
from lifeevents.views.graphviz_output import render_graphviz

__all__ = ["DiffStatus", "StepChange", "diff_source", "diff_svg", "figure_lines", "step_changes"]

#: How a step differs: only today, only with the scenarios, changed, or the same.
DiffStatus = str
_LOOK: dict[DiffStatus, tuple[str, str, str]] = {  # border colour, fill, style
    "removed": ("#9e9e9e", "#f2f2f2", "dashed"),
    "added": ("#1b7f3b", "#e7f5ea", "bold"),
    "changed": ("#c25e00", "#fff1e0", "bold"),
    "same": ("#5f6b7a", "#ffffff", "solid"),
}


@dataclass(frozen=True)
class StepChange:
    """One step in the overlay: how it differs, and each changed property (old, new)."""

    step: str
    status: DiffStatus
    changes: tuple[tuple[str, str, str], ...]  # (what, today, with the scenarios)


def step_changes(today: Report, changed: Report, lang: Language = "de") -> list[StepChange]:
    """Every step of either journey, in the order of the changed one, removed ones last."""
    old, new = today.journey.graph, changed.journey.graph
    old_names, new_names = DisplayNames(today, lang), DisplayNames(changed, lang)
    result = []
    for node in [*new, *(node for node in old if node not in new)]:
        if node not in old or node not in new:
            result.append(StepChange(node, "added" if node in new else "removed", ()))
            continue
        properties = (
            (
                label("channel", lang),
                old_names.channel(old.nodes[node]["channel"]),
                new_names.channel(new.nodes[node]["channel"]),
            ),
            (label("authority", lang), old_names.authority(node), new_names.authority(node)),
            (
                label("site", lang),
                old_names.site(old.nodes[node]["site"]),
                new_names.site(new.nodes[node]["site"]),
            ),
        )
        differences = tuple(item for item in properties if item[1] != item[2])
        result.append(StepChange(node, "changed" if differences else "same", differences))
    return result


def diff_source(today: Report, changed: Report, lang: Language = "de") -> str:
    """The DOT source of the overlay."""
    old, new = today.journey.graph, changed.journey.graph
    names = {"old": DisplayNames(today, lang), "new": DisplayNames(changed, lang)}
    lines = [
        "digraph difference {",
        '  graph [rankdir=LR, fontname="Helvetica", fontsize=12, labelloc=t, '
        f"nodesep=0.3, ranksep=0.5, label=<{_title(today, changed, lang)}>];",
        '  node [shape=box, style="rounded,filled", fontname="Helvetica", fontsize=11, '
        "margin=0.12];",
        '  edge [fontname="Helvetica", fontsize=9, color="#5f6b7a"];',
    ]
    ids = {}
    for number, item in enumerate(step_changes(today, changed, lang)):
        ids[item.step] = f"s{number}"
        side = "old" if item.status == "removed" else "new"
        name = label_text(names[side].step(item.step))
        if item.status == "removed":
            name = f"<S>{name}</S>"
        rows = [f"<B>{name}</B>"] + [
            f'<FONT POINT-SIZE="9">{label_text(what)}: {label_text(before)} → '
            f"{label_text(after)}</FONT>"
            for what, before, after in item.changes
        ]
        if item.status in {"added", "removed"}:
            rows.append(
                f'<FONT POINT-SIZE="9"><I>{label_text(label(item.status, lang))}</I></FONT>'
            )
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
            look = _transfer_look(today, changed, source, target, lang)
        lines.append(f"  {ids[source]} -> {ids[target]} [{look}];")
    lines.append("}")
    return "\n".join(lines) + "\n"


def diff_svg(today: Report, changed: Report, lang: Language = "de") -> str:
    """The overlay as SVG."""
    title = f"{DisplayNames(changed, lang).life_event()}: {label('difference', lang)}"
    description = "; ".join(figure_lines(today, changed, lang))
    image = render_graphviz(
        diff_source(today, changed, lang), "svg", title=title, description=description
    )
    return image.decode("utf-8")


def _transfer_look(today: Report, changed: Report, source: str, target: str, lang: Language) -> str:
    """An edge both journeys have: marked where its evidence now travels directly."""
    before = today.journey.graph.edges[source, target].get("evidence", ())
    old_evidence = today.journey.graph.graph["evidence"]
    new_evidence = changed.journey.graph.graph["evidence"]
    direct = [
        evidence_id
        for evidence_id in before
        if evidence_id in new_evidence
        and old_evidence[evidence_id].transfer != new_evidence[evidence_id].transfer
    ]
    if not direct:
        return ""
    return f'color="#1b7f3b", penwidth=1.6, label=<{label_text(label("direct_now", lang))}>'


def _title(today: Report, changed: Report, lang: Language) -> str:
    head = f"<B>{label_text(DisplayNames(changed, lang).life_event())}</B>"
    return "<BR/>".join([head, *(label_text(line) for line in figure_lines(today, changed, lang))])


def figure_lines(today: Report, changed: Report, lang: Language = "de") -> list[str]:
    """The figures that changed, as "name: today → with the scenarios"."""
    before, after = today.to_record(), changed.to_record()
    keys = {
        "visits.as_modelled": "visits_modelled",
        "visits.minimum": "visits_minimum",
        "authority_handovers": "authority_handovers",
        "media_breaks": "media_breaks",
        "once_only_violations": "once_only",
        "duration_days": "duration",
    }
    return [f"{label(word, lang)}: {before[key]} → {after[key]}" for key, word in keys.items()]
