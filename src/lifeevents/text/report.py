"""The analysis as text a working group reads: a summary table, then each finding by name.

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.graph.journey import journey
>>> from lifeevents.analysis.report import analyze
>>> life_event = loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Umzug}
... authorities:
...   amt: {name: Bürgerbüro, level: gemeinde, site: rathaus}
...   kreis: {name: Straßenverkehrsamt, level: kreis, site: kreishaus}
... evidence: {meldung: {name: Meldebestätigung, issued_by: amt}}
... steps:
...   - {id: anmelden, name: Wohnsitz anmelden, authority: amt, channels: [in_person],
...      produces: [meldung]}
...   - {id: kfz, name: Fahrzeug ummelden, authority: kreis, channels: [in_person, online],
...      requires: [meldung]}
... ''')
>>> text = format_report(analyze(journey(life_event)))
>>> print(text.splitlines()[0])
Umzug (demo) · Persona: default
>>> "Bürgerbüro → Straßenverkehrsamt" in text
True
"""

from __future__ import annotations

from lifeevents.analysis.report import Report
from lifeevents.text.findings import FindingKind, findings, opportunities
from lifeevents.text.labels import Language, label

__all__ = ["format_report", "summary_rows"]


_SECTIONS = (
    (FindingKind.AUTHORITY_HANDOVER, "authority_handovers"),
    (FindingKind.MEDIA_BREAK, "media_breaks"),
    (FindingKind.ONCE_ONLY, "once_only"),
    (FindingKind.DEADLINE, "deadlines"),
    (FindingKind.CHANNEL_HANDOVER, "channel_handovers"),
)


def _percent(share: float, lang: Language) -> str:
    # German typography puts a space before the percent sign.
    return f"{share * 100:.0f} %" if lang == "de" else f"{share:.0%}"


def summary_rows(report: Report, lang: Language = "de") -> list[tuple[str, str]]:
    """The key figures as (label, value) rows, for tables in every output."""
    visits = report.visits
    minimum = str(visits.minimum)
    if not visits.minimum_exact:
        minimum += f" ({label('heuristic', lang)})"
    return [
        (label("steps", lang), str(report.steps)),
        (label("authorities", lang), str(report.authorities)),
        (label("visits_modelled", lang), str(visits.as_modelled)),
        (label("visits_minimum", lang), minimum),
        (label("visits_redundant", lang), str(visits.redundant)),
        (label("visits_avoidable", lang), str(visits.avoidable)),
        (label("channel_handovers", lang), str(len(report.channel_handovers))),
        (label("media_breaks", lang), str(len(report.media_breaks))),
        (
            label("authority_handovers", lang),
            f"{len(report.authority_handovers)} "
            f"({label('crossing_levels', lang)} {report.crossing_levels})",
        ),
        (label("once_only", lang), str(len(report.once_only_violations))),
        (label("duration", lang), str(report.schedule.duration_days)),
        (label("deadlines", lang), str(len(report.schedule.deadlines_at_risk))),
        (label("digital_share", lang), _percent(report.digital_share, lang)),
        (label("online_share", lang), _percent(report.online_available_share, lang)),
    ]


def format_report(report: Report, lang: Language = "de") -> str:
    """The report as plain text: summary table first, then each finding by step name."""
    trip = report.journey
    graph = trip.graph
    title = f"{trip.life_event.name} ({trip.life_event.id}) · {label('persona', lang)}: "
    title += trip.persona_id
    if trip.municipality:
        title += f" · {label('municipality', lang)}: {trip.municipality}"
    if trip.origin and trip.uses_origin:
        title += f" · {label('origin', lang)}: {trip.origin}"
    if trip.event_place and trip.uses_event_place and trip.event_place != trip.municipality:
        title += f" · {label('event_place', lang)}: {trip.event_place}"
    lines = [title, ""]

    visits = report.visits
    rows = summary_rows(report, lang)
    width = max(len(name) for name, _ in rows)
    lines.append(f"{label('figure', lang):<{width}}  {label('value', lang)}")
    lines.append(f"{'-' * width}  {'-' * 12}")
    lines.extend(f"{name:<{width}}  {value}" for name, value in rows)

    def section(key: str, items: list[str]) -> None:
        if items:
            lines.extend(["", label(key, lang), *(f"  {item}" for item in items)])

    def place(nodes: tuple[str, ...]) -> str:
        names = dict.fromkeys(graph.nodes[node]["authority"].name for node in nodes)
        return " / ".join(names)

    section(
        "plan",
        [
            f"{number}. {label('day', lang).capitalize()} {planned.day}, {place(planned.steps)} "
            f"[{planned.site}]: " + "; ".join(graph.nodes[node]["name"] for node in planned.steps)
            for number, planned in enumerate(visits.plan, start=1)
        ],
    )
    found = findings(report, lang, channels=True)
    for kind, key in _SECTIONS:
        section(key, [f"- {item.text}" for item in found if item.kind is kind])
    section("opportunities", [f"- {item.text}" for item in opportunities(report, lang)])
    return "\n".join(lines) + "\n"
