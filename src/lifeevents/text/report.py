"""The analysis as text a working group reads: a summary table, then each finding by name.

>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> text = format_report(analyze(journey(loads(DEMO_YAML), "mit-auto")))
>>> print(text.splitlines()[0])
Umzug (demo) · Persona: Mit Auto
>>> "Bürgerbüro → Straßenverkehrsamt" in text
True
"""

from __future__ import annotations

from lifeevents.analysis.report import Report
from lifeevents.text.findings import FindingKind, findings, opportunities
from lifeevents.text.labels import Language, label
from lifeevents.text.names import DisplayNames

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
    """The key figures as (label, value) rows, for tables in every output.

    Parameters
    ----------
    report : Report
        The analysis of a journey.
    lang : {"de", "en"}, optional
        The language of the labels and of the number format (``25 %`` or ``25%``).

    Returns
    -------
    list of tuple of str
        Fourteen rows: steps, authorities, visits (as modelled, minimum, redundant,
        avoidable), channel handovers, media breaks, authority handovers, once-only
        violations, duration, deadlines at risk and the two shares.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> rows = summary_rows(analyze(journey(loads(DEMO_YAML), "mit-auto")), "en")
    >>> rows[2:4]
    [('Visits (as modelled)', '3'), ('Visits (minimum)', '2')]
    >>> rows[-2:]
    [('Digital share', '25%'), ('Available online', '25%')]
    """
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
    """The report as plain text: summary table first, then each finding by step name.

    This is ``lifeevents analyze`` without ``--format``: a title with the journey,
    persona and places, the figures of :func:`summary_rows`, the plan of the fewest
    visits, a section per kind of finding (those with none are left out) and the
    opportunities.

    Steps and authorities are named by :class:`~lifeevents.text.names.DisplayNames`
    (English names where the file gives them); the title and the plan name the
    persona, the municipalities and the sites, in both languages. The life
    event's id stays in the title: it is what ``lifeevents analyze`` takes.

    Parameters
    ----------
    report : Report
        The analysis of a journey.
    lang : {"de", "en"}, optional
        The language of headings, labels and sentences.

    Returns
    -------
    str
        Lines ending in a line break.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> text = format_report(analyze(journey(loads(DEMO_YAML), "mit-auto")), "en")
    >>> lines = text.splitlines()
    >>> for line in lines[:5]:
    ...     print(line)
    Umzug (demo) · Persona: Mit Auto
    <BLANKLINE>
    Figure                                  Value
    --------------------------------------  ------------
    Steps                                   4
    >>> start = lines.index("Visit plan (fewest trips)")
    >>> for line in lines[start : start + 3]:
    ...     print(line)
    Visit plan (fewest trips)
      1. Day 0, Bürgerbüro / Stadtkasse [Rathaus]: Wohnsitz <anmelden> & bestätigen; Gebühr zahlen
      2. Day 0, Straßenverkehrsamt [Kreishaus]: Fahrzeug ummelden

    In German, too, the title and the plan name the persona and the sites:

    >>> print(format_report(analyze(journey(loads(DEMO_YAML), "mit-auto"))).splitlines()[0])
    Umzug (demo) · Persona: Mit Auto
    """
    trip = report.journey
    names = DisplayNames(report, lang)
    town = names.town
    persona = names.persona()
    title = f"{names.life_event()} ({trip.life_event.id}) · {label('persona', lang)}: {persona}"
    if trip.municipality:
        title += f" · {label('municipality', lang)}: {town(trip.municipality)}"
    if trip.origin and trip.uses_origin:
        title += f" · {label('origin', lang)}: {town(trip.origin)}"
    if trip.event_place and trip.uses_event_place and trip.event_place != trip.municipality:
        title += f" · {label('event_place', lang)}: {town(trip.event_place)}"
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
        return " / ".join(dict.fromkeys(names.authority(node) for node in nodes))

    section(
        "plan",
        [
            f"{number}. {label('day', lang).capitalize()} {planned.day}, {place(planned.steps)} "
            f"[{names.site(planned.site)}]: "
            + "; ".join(names.step(node) for node in planned.steps)
            for number, planned in enumerate(visits.plan, start=1)
        ],
    )
    found = findings(report, lang, channels=True)
    for kind, key in _SECTIONS:
        section(key, [f"- {item.text}" for item in found if item.kind is kind])
    section("opportunities", [f"- {item.text}" for item in opportunities(report, lang)])
    return "\n".join(lines) + "\n"
