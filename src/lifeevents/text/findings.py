"""Findings of a report as sentences a working group reads, and the opportunities they suggest.

Every output that explains a journey in words (the text report, the map's
legend and text alternative, the HTML findings list, the journey map's
opportunity row, the checklist) takes its sentences from here, so they agree.

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
... ''', regions={})
>>> for finding in findings(analyze(journey(life_event))):
...     print(finding.kind.value, "|", finding.text.split(" (")[0])
authority_handover | Bürgerbüro → Straßenverkehrsamt: Bürger trägt Meldebestätigung
once_only | Fahrzeug ummelden verlangt Meldebestätigung, ausgestellt von Bürgerbüro
>>> for item in opportunities(analyze(journey(life_event))):
...     print(item.text)
Besuch vermeidbar, anderer Kanal angeboten: Fahrzeug ummelden
Meldebestätigung direkt zwischen Bürgerbüro und Straßenverkehrsamt austauschen
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lifeevents.analysis.report import Report
from lifeevents.text.labels import Language
from lifeevents.text.names import DisplayNames

__all__ = ["Finding", "FindingKind", "findings", "opportunities"]


class FindingKind(StrEnum):
    AUTHORITY_HANDOVER = "authority_handover"
    MEDIA_BREAK = "media_break"
    ONCE_ONLY = "once_only"
    DEADLINE = "deadline"
    CHANNEL_HANDOVER = "channel_handover"
    MERGE_VISITS = "merge_visits"
    AVOIDABLE_VISIT = "avoidable_visit"


@dataclass(frozen=True)
class Finding:
    """One finding: what kind, one sentence, and the steps (or the edge) it is about."""

    kind: FindingKind
    text: str
    steps: tuple[str, ...]

    @property
    def edge(self) -> tuple[str, str] | None:
        """The dependency ``(from, to)`` for edge findings, else ``None``."""
        edge_kinds = {
            FindingKind.AUTHORITY_HANDOVER,
            FindingKind.MEDIA_BREAK,
            FindingKind.CHANNEL_HANDOVER,
        }
        return (self.steps[0], self.steps[1]) if self.kind in edge_kinds else None


class _Words:
    """Names of steps, channels and evidence in one language (from :class:`DisplayNames`)."""

    def __init__(self, report: Report, lang: Language) -> None:
        self.graph = report.journey.graph
        self.evidence = self.graph.graph.get("evidence", {})
        self.lang = lang
        self.names = DisplayNames(report, lang)
        # Each step's name and channel, looked up once: a long journey's findings name
        # most steps several times.
        self._steps: dict[str, str] = {}
        self._channels: dict[str, str] = {}

    def step(self, node: str) -> str:
        if node not in self._steps:
            self._steps[node] = self.names.step(node)
        return self._steps[node]

    def channel(self, node: str) -> str:
        if node not in self._channels:
            self._channels[node] = self.names.channel(self.graph.nodes[node]["channel"])
        return self._channels[node]

    def evidence_names(self, ids: tuple[str, ...]) -> str:
        return ", ".join(self.names.evidence(item) for item in ids)

    def authority(self, node: str) -> str:
        return self.names.authority(node)

    def pick(self, german: str, english: str) -> str:
        return german if self.lang == "de" else english


def findings(report: Report, lang: Language = "de", *, channels: bool = False) -> list[Finding]:
    """The problems the analyses found, most important kind first.

    Channel handovers are many and mostly harmless; they are included only with
    ``channels=True``.
    """
    words = _Words(report, lang)
    found: list[Finding] = []
    for handover in report.authority_handovers:
        carries = words.pick("Bürger trägt", "citizen carries")
        found.append(
            Finding(
                FindingKind.AUTHORITY_HANDOVER,
                f"{handover.source_authority.name} → {handover.target_authority.name}: "
                f"{carries} {words.evidence_names(handover.evidence)} "
                f"({words.step(handover.source)} → {words.step(handover.target)})",
                (handover.source, handover.target),
            )
        )
    for media_break in report.media_breaks:
        found.append(
            Finding(
                FindingKind.MEDIA_BREAK,
                f"{words.step(media_break.source)} ({words.channel(media_break.source)}) → "
                f"{words.step(media_break.target)} ({words.channel(media_break.target)}): "
                f"{words.evidence_names(media_break.evidence)}",
                (media_break.source, media_break.target),
            )
        )
    for violation in report.once_only_violations:
        found.append(
            Finding(
                FindingKind.ONCE_ONLY,
                f"{words.step(violation.step)} {words.pick('verlangt', 'requires')} "
                f"{words.evidence_names((violation.evidence,))}, "
                f"{words.pick('ausgestellt von', 'issued by')} {violation.issuer.name}",
                (violation.step,),
            )
        )
    for node in report.schedule.deadlines_at_risk:
        deadline = report.journey.graph.nodes[node]["deadline_days"]
        found.append(
            Finding(
                FindingKind.DEADLINE,
                f"{words.step(node)}: "
                + words.pick(
                    f"frühestens Tag {report.schedule.day(node)}, Frist Tag {deadline}",
                    f"earliest day {report.schedule.day(node)}, deadline day {deadline}",
                ),
                (node,),
            )
        )
    if channels:
        for change in report.channel_handovers:
            found.append(
                Finding(
                    FindingKind.CHANNEL_HANDOVER,
                    f"{words.step(change.source)} ({words.channel(change.source)}) → "
                    f"{words.step(change.target)} ({words.channel(change.target)})",
                    (change.source, change.target),
                )
            )
    return found


def opportunities(report: Report, lang: Language = "de") -> list[Finding]:
    """What the findings suggest: merge visits, exchange evidence directly, offer online."""
    words = _Words(report, lang)
    found: list[Finding] = []
    visits = report.visits
    modelled_of = {node: index for index, group in enumerate(visits.modelled) for node in group}
    for planned in visits.plan:
        merged = {modelled_of[node] for node in planned.steps if node in modelled_of}
        if len(merged) > 1:
            names = "; ".join(words.step(node) for node in planned.steps)
            found.append(
                Finding(
                    FindingKind.MERGE_VISITS,
                    words.pick(
                        f"{len(merged)} Besuche zu einem Termin zusammenlegen: {names}",
                        f"merge {len(merged)} visits into one appointment: {names}",
                    ),
                    planned.steps,
                )
            )
    for group in visits.modelled:
        if all(
            any(not channel.is_physical for channel in report.journey.graph.nodes[node]["channels"])
            for node in group
        ):
            names = "; ".join(words.step(node) for node in group)
            found.append(
                Finding(
                    FindingKind.AVOIDABLE_VISIT,
                    words.pick(
                        f"Besuch vermeidbar, anderer Kanal angeboten: {names}",
                        f"visit avoidable, another channel is offered: {names}",
                    ),
                    group,
                )
            )
    seen: set[tuple[str, str, str]] = set()
    for handover in report.authority_handovers:
        for evidence_id in handover.evidence:
            key = (evidence_id, handover.source_authority.id, handover.target_authority.id)
            item = words.evidence.get(evidence_id)
            exchangeable = (
                item is not None
                and not item.identity
                and item.issuer is not None
                and item.issuer.level.is_public
            )
            # Only what the state issued and could pass on itself (the once-only principle);
            # an identity document is shown in person on purpose.
            if key in seen or not exchangeable:
                continue
            seen.add(key)
            found.append(
                Finding(
                    FindingKind.ONCE_ONLY,
                    words.pick(
                        f"{words.evidence_names((evidence_id,))} direkt zwischen "
                        f"{handover.source_authority.name} und "
                        f"{handover.target_authority.name} austauschen",
                        f"exchange {words.evidence_names((evidence_id,))} directly between "
                        f"{handover.source_authority.name} and {handover.target_authority.name}",
                    ),
                    (handover.source, handover.target),
                )
            )
    return found
