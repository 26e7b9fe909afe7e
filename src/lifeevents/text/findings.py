"""Findings of a report as sentences a working group reads, and the opportunities they suggest.

Every output that explains a journey in words (the text report, the map's
legend and text alternative, the HTML findings list, the journey map's
opportunity row, the checklist) takes its sentences from here, so they agree.

>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> for finding in findings(report):
...     print(finding.kind.value, "|", finding.text.split(" (")[0])
authority_handover | Bürgerbüro → Straßenverkehrsamt: Bürger trägt Meldebestätigung
once_only | Fahrzeug ummelden verlangt Meldebestätigung, ausgestellt von Bürgerbüro
>>> for item in opportunities(report):
...     print(item.text)
2 Besuche zu einem Termin zusammenlegen: Wohnsitz <anmelden> & bestätigen; Gebühr zahlen
Meldebestätigung direkt zwischen Bürgerbüro und Straßenverkehrsamt austauschen
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from lifeevents.analysis.report import Report
from lifeevents.text.labels import Language, words
from lifeevents.text.names import DisplayNames

__all__ = ["Finding", "FindingKind", "findings", "opportunities"]


class FindingKind(StrEnum):
    """What a :class:`Finding` is about; the value names it in machine-readable output.

    The first five are problems (:func:`findings`), the last two opportunities
    (:func:`opportunities`, which also suggests ``ONCE_ONLY`` exchanges).

    Attributes
    ----------
    AUTHORITY_HANDOVER, MEDIA_BREAK, ONCE_ONLY, DEADLINE, CHANNEL_HANDOVER
        Findings of spec rules 8, 7, 9, 4 and 6.
    MERGE_VISITS
        Visits at one site that one appointment could serve.
    AVOIDABLE_VISIT
        A visit whose steps are also offered without going anywhere.

    Examples
    --------
    >>> FindingKind("media_break") is FindingKind.MEDIA_BREAK
    True
    >>> [kind.value for kind in FindingKind][:3]
    ['authority_handover', 'media_break', 'once_only']
    """

    AUTHORITY_HANDOVER = "authority_handover"
    MEDIA_BREAK = "media_break"
    ONCE_ONLY = "once_only"
    DEADLINE = "deadline"
    CHANNEL_HANDOVER = "channel_handover"
    MERGE_VISITS = "merge_visits"
    AVOIDABLE_VISIT = "avoidable_visit"


@dataclass(frozen=True)
class Finding:
    """One finding: what kind, one sentence, and the steps (or the edge) it is about.

    Attributes
    ----------
    kind : FindingKind
        What the finding is about.
    text : str
        One sentence for readers, in the language it was made for.
    steps : tuple of str
        The step ids concerned; for an edge finding the dependency ``(from, to)``.
    edge : tuple of str or None
        The dependency ``(from, to)`` of an edge finding (handovers, media breaks),
        else ``None``.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> handover, violation = findings(analyze(journey(loads(DEMO_YAML), "mit-auto")), "en")
    >>> handover.kind, handover.edge
    (<FindingKind.AUTHORITY_HANDOVER: 'authority_handover'>, ('anmelden', 'kfz'))
    >>> violation.text, violation.steps, violation.edge
    ('Fahrzeug ummelden requires Meldebestätigung, issued by Bürgerbüro', ('kfz',), None)
    """

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
    """Names of steps, channels and evidence (from :class:`DisplayNames`) and the
    catalogue's words, in one language."""

    def __init__(self, report: Report, lang: Language) -> None:
        self.graph = report.journey.graph
        self.evidence = self.graph.graph.get("evidence", {})
        self.names = DisplayNames(report, lang)
        self.words = words(lang)
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

    def say(self, key: str, **values: object) -> str:
        """The catalogue's sentence ``key`` with ``values`` filled in."""
        return self.words[key].format(**values)


def findings(report: Report, lang: Language = "de", *, channels: bool = False) -> list[Finding]:
    """The problems the analyses found, most important kind first.

    Channel handovers are many and mostly harmless; they are included only with
    ``channels=True``.

    Parameters
    ----------
    report : Report
        The analysis of a journey.
    lang : {"de", "en"}, optional
        The language of the sentences (names come from the journey file, in English
        where it gives ``name_en``).
    channels : bool, optional
        Whether to include channel handovers.

    Returns
    -------
    list of Finding
        Authority handovers, media breaks, once-only violations, deadlines at risk,
        then channel handovers, each in the order of the report.

    See Also
    --------
    opportunities : what the findings suggest.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> [finding.kind.value for finding in findings(report, channels=True)]
    ['authority_handover', 'once_only', 'channel_handover']
    >>> print(findings(report, "en")[0].text)  # doctest: +NORMALIZE_WHITESPACE
    Bürgerbüro → Straßenverkehrsamt: citizen carries Meldebestätigung
    (Wohnsitz <anmelden> & bestätigen → Fahrzeug ummelden)
    """
    words = _Words(report, lang)
    found: list[Finding] = []
    for handover in report.authority_handovers:
        carries = words.words["carries"]
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
                f"{words.step(violation.step)} {words.words['requires_from']} "
                f"{words.evidence_names((violation.evidence,))}, "
                f"{words.words['issued_by']} {violation.issuer.name}",
                (violation.step,),
            )
        )
    for node in report.schedule.deadlines_at_risk:
        deadline = report.journey.graph.nodes[node]["deadline_days"]
        found.append(
            Finding(
                FindingKind.DEADLINE,
                f"{words.step(node)}: "
                + words.say("findings.deadline", day=report.schedule.day(node), deadline=deadline),
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
    """What the findings suggest: merge visits, exchange evidence directly, offer online.

    Parameters
    ----------
    report : Report
        The analysis of a journey.
    lang : {"de", "en"}, optional
        The language of the sentences.

    Returns
    -------
    list of Finding
        Visits to merge (``MERGE_VISITS``), visits with an alternative
        (``AVOIDABLE_VISIT``), then evidence the state issued that authorities could
        exchange directly (``ONCE_ONLY``, once per evidence and pair of authorities).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> for item in opportunities(report, "en"):  # doctest: +NORMALIZE_WHITESPACE
    ...     print(item.kind.value, "|", item.text)
    merge_visits | merge 2 visits into one appointment: Wohnsitz <anmelden> & bestätigen;
    Gebühr zahlen
    once_only | exchange Meldebestätigung directly between Bürgerbüro and Straßenverkehrsamt
    """
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
                    words.say("findings.merge_visits", count=len(merged), steps=names),
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
                    words.say("findings.avoidable_visit", steps=names),
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
                    words.say(
                        "findings.exchange",
                        evidence=words.evidence_names((evidence_id,)),
                        source=handover.source_authority.name,
                        target=handover.target_authority.name,
                    ),
                    (handover.source, handover.target),
                )
            )
    return found
