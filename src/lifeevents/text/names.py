"""The names a reader sees, in one language: English names where the file gives them.

Every output that names steps, authorities, evidence, channels, levels, stages
or sites takes the words from :class:`DisplayNames`, so the text report, the
findings and every map say the same.
"""

from __future__ import annotations

from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Channel, Level
from lifeevents.text.labels import Language

__all__ = ["DisplayNames"]

_CHANNEL_EN: dict[Channel, str] = {
    Channel.IN_PERSON: "in person",
    Channel.TERMINAL: "terminal",
    Channel.ONLINE: "online",
    Channel.EMAIL: "e-mail",
    Channel.VIDEO: "video",
    Channel.PHONE: "phone",
    Channel.MAIL: "post",
    Channel.PROACTIVE: "proactive",
}
_LEVEL_EN: dict[Level, str] = {
    Level.BUND: "Federal",
    Level.LAND: "State",
    Level.KREIS: "District",
    Level.GEMEINDE: "Municipality",
    Level.SOZIALVERSICHERUNG: "Social insurance",
    Level.PRIVAT: "Private",
}

# Words a stage heading keeps in lower case (German and English function words).
_SMALL_WORDS = frozenset(
    {
        *("der", "die", "das", "den", "dem", "des", "und", "oder", "von", "vor", "nach"),
        *("im", "in", "am", "an", "zu", "zum", "zur", "mit", "bei", "für"),
        *("the", "and", "or", "of", "before", "after", "at", "to", "with", "for"),
    }
)

# Characters per line in a step column; a column is about 170 px wide at 11 pt.


class DisplayNames:
    """The names a reader sees, in one language: English names where the file gives them.

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.graph.journey import journey
    >>> from lifeevents.analysis.report import analyze
    >>> life_event = loads('''
    ... format: lifeevents/1
    ... life_event: {id: demo, name: Umzug, name_en: Moving}
    ... authorities: {amt: {name: Bürgerbüro, level: gemeinde}}
    ... steps:
    ...   - {id: a, name: Anmelden, name_en: Register, authority: amt, channels: [mail]}
    ... ''', regions={})
    >>> names = DisplayNames(analyze(journey(life_event)), "en")
    >>> names.life_event(), names.step("a"), names.authority("a"), names.site("amt")
    ('Moving', 'Register', 'Bürgerbüro', 'Bürgerbüro')
    >>> names.stage("vor-der-geburt"), names.stage("erste-tage")
    ('Vor der Geburt', 'Erste Tage')
    """

    def __init__(self, report: Report, lang: Language) -> None:
        self.report = report
        self.lang = lang
        self._graph = report.journey.graph
        self._life_event = report.journey.life_event

    def _pick(self, german: str, english: str | None) -> str:
        return english if self.lang == "en" and english else german

    def life_event(self) -> str:
        info = self._life_event.life_event
        return self._pick(info.name, info.name_en)

    def persona(self) -> str:
        trip = self.report.journey
        return trip.persona.name or trip.persona_id

    def municipality(self) -> str | None:
        """The display name of the home municipality, if the journey has one."""
        trip = self.report.journey
        if trip.municipality is None:
            return None
        region = trip.region
        if region is not None and trip.municipality in region.municipalities:
            return region.municipalities[trip.municipality].name
        return trip.municipality

    def step(self, node: str) -> str:
        step = self._graph.nodes[node]["step"]
        return self._pick(step.name, step.name_en)

    def authority(self, node: str) -> str:
        resolved = self._graph.nodes[node]["authority"]
        local = self._life_event.authorities.get(resolved.id)
        return self._pick(resolved.name, local.name_en if local is not None else None)

    def evidence(self, evidence_id: str) -> str:
        evidence = self._life_event.evidence.get(evidence_id)
        if evidence is None:
            return evidence_id
        return self._pick(evidence.name, evidence.name_en)

    def channel(self, channel: Channel) -> str:
        return channel.label_de if self.lang == "de" else _CHANNEL_EN[channel]

    def level(self, level: Level) -> str:
        return level.label_de if self.lang == "de" else _LEVEL_EN[level]

    def stage(self, stage: str) -> str:
        """A stage's display name: from ``stage_names``, else the id as a heading
        (``vor-der-geburt`` becomes ``Vor der Geburt``).

        Ids carry no capitals, so every word but the small ones is capitalised,
        which suits German nouns and English headings alike.
        """
        named = self._life_event.life_event.stage_names.get(stage)
        if named is not None:
            return named
        words = stage.replace("_", "-").split("-")
        shown = [
            word if index and word in _SMALL_WORDS else word[:1].upper() + word[1:]
            for index, word in enumerate(word for word in words if word)
        ]
        return " ".join(shown) or stage

    def site(self, site: str) -> str:
        """A site as a place name: the region's site name (and town), else the authority's."""
        base, _, town = site.partition("@")
        region = self.report.journey.region
        if region is not None and base in region.sites:
            place = region.sites[base]
            name = place.name
            if town and place.municipality is None and town in region.municipalities:
                name += " " + region.municipalities[town].name
            if place.address:
                name += ", " + place.address
            return name
        # A site that no region names is an authority's own building (its default site).
        for node in self._graph:
            if self._graph.nodes[node]["authority"].id == site:
                return self.authority(node)
        return self.stage(base)
