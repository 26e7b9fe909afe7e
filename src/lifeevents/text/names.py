"""The names a reader sees, in one language: English names where the file gives them.

Every output that names steps, authorities, evidence, channels, levels, stages
or sites takes the words from :class:`DisplayNames`, so the text report, the
findings and every map say the same.
"""

from __future__ import annotations

from lifeevents.analysis.report import Report
from lifeevents.model.vocabulary import Channel, Level
from lifeevents.text.labels import Language, words

__all__ = ["DisplayNames"]

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

    Build it once per output and hand it down, so that every part of the output
    names things alike.

    Parameters
    ----------
    report : Report
        The analysis whose journey holds the steps, authorities and places to name.
    lang : {"de", "en"}
        The language: German names as in the file, or the file's English names
        (``name_en``) where it gives them, else the German ones.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> names = DisplayNames(analyze(journey(loads(DEMO_YAML), "mit-auto")), "de")
    >>> names.life_event(), names.persona(), names.step("kfz"), names.authority("kfz")
    ('Umzug', 'Mit Auto', 'Fahrzeug ummelden', 'Straßenverkehrsamt')
    >>> names.evidence("meldung"), names.site("kreishaus"), names.stage("ummelden")
    ('Meldebestätigung', 'Kreishaus', 'Ummelden')

    English names where the file gives them (``name_en``), else the German ones:

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

    Channels and levels are named by the word catalogue
    (:mod:`lifeevents.text.labels`):

    >>> from lifeevents.model.vocabulary import Channel, Level
    >>> names.channel(Channel.IN_PERSON), names.level(Level.KREIS)
    ('in person', 'District')
    """

    def __init__(self, report: Report, lang: Language) -> None:
        self.report = report
        self.lang = lang
        self._graph = report.journey.graph
        self._life_event = report.journey.life_event
        self._words = words(lang)

    def _pick(self, german: str, english: str | None) -> str:
        return english if self.lang == "en" and english else german

    def life_event(self) -> str:
        """The life event's name."""
        info = self._life_event.life_event
        return self._pick(info.name, info.name_en)

    def persona(self) -> str:
        """The persona's name; the word for the base case for an unnamed ``default``; else its id.

        Examples
        --------
        >>> from lifeevents import analyze, journey, loads
        >>> from lifeevents.library.demo import DEMO_YAML
        >>> DisplayNames(analyze(journey(loads(DEMO_YAML))), "en").persona()
        'base case'
        """
        trip = self.report.journey
        if trip.persona.name:
            return trip.persona.name
        return self._words["persona.default"] if trip.persona_id == "default" else trip.persona_id

    def municipality(self) -> str | None:
        """The display name of the home municipality, if the journey has one."""
        municipality = self.report.journey.municipality
        return None if municipality is None else self.town(municipality)

    def town(self, municipality: str) -> str:
        """The display name of a municipality of the journey's region (the home, the
        origin or the place of the event), else its id.

        Examples
        --------
        >>> from lifeevents import analyze, journey, load
        >>> trip = journey(load("umzug-innerhalb-kreis"), municipality="saerbeck", origin="ochtrup")
        >>> names = DisplayNames(analyze(trip), "en")
        >>> names.town("ochtrup"), names.town("atlantis")
        ('Ochtrup', 'atlantis')
        """
        region = self.report.journey.region
        if region is not None and municipality in region.municipalities:
            return region.municipalities[municipality].name
        return municipality

    def step(self, node: str) -> str:
        """The name of the step ``node``."""
        step = self._graph.nodes[node]["step"]
        return self._pick(step.name, step.name_en)

    def authority(self, node: str) -> str:
        """The name of the authority of the step ``node``."""
        resolved = self._graph.nodes[node]["authority"]
        local = self._life_event.authorities.get(resolved.id)
        return self._pick(resolved.name, local.name_en if local is not None else None)

    def evidence(self, evidence_id: str) -> str:
        """The name of an evidence item (its id when the life event does not define it)."""
        evidence = self._life_event.evidence.get(evidence_id)
        if evidence is None:
            return evidence_id
        return self._pick(evidence.name, evidence.name_en)

    def channel(self, channel: Channel) -> str:
        """The name of a channel (``vor Ort``, ``in person``)."""
        return self._words[f"channel.{channel.value}"]

    def level(self, level: Level) -> str:
        """The name of an administrative level (``Kreis``, ``District``)."""
        return self._words[f"level.{level.value}"]

    def stage(self, stage: str) -> str:
        """A stage's display name: from ``stage_names``, else the id as a heading
        (``vor-der-geburt`` becomes ``Vor der Geburt``).

        Ids carry no capitals, so every word but the small ones is capitalised,
        which suits German nouns and English headings alike.
        """
        named = self._life_event.life_event.stage_names.get(stage)
        if named is not None:
            return named
        parts = stage.replace("_", "-").split("-")
        shown = [
            word if index and word in _SMALL_WORDS else word[:1].upper() + word[1:]
            for index, word in enumerate(word for word in parts if word)
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
