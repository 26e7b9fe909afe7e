"""The words and names of one render: built once at the entry function, handed down.

Every word a reader sees comes from the catalogue of
:mod:`lifeevents.text.labels`, every name of a step, authority, evidence,
channel, level, stage or site from :class:`~lifeevents.text.names.DisplayNames`.
A renderer's entry function builds one :class:`Wording` and passes it to
everything it calls, so one render reads one catalogue and one set of names.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
>>> wording = Wording.of(report, "en")
>>> wording.words["blueprint.key"], wording.names.step("kfz"), wording.day
('Key', 'Fahrzeug ummelden', 'Day')
>>> wording.persona_parts()
['Persona: Mit Auto']
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from lifeevents.analysis.report import Report
from lifeevents.text.labels import Language, words
from lifeevents.text.names import DisplayNames

__all__ = ["Wording"]


@dataclass(frozen=True)
class Wording:
    """The catalogue of one language and the display names of one report.

    Parameters
    ----------
    lang : Language
        The language of both.
    words : Mapping[str, str]
        The word catalogue (:func:`lifeevents.text.labels.words`).
    names : DisplayNames
        The names of the report's steps, authorities, evidence and places.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> wording = Wording.of(analyze(journey(loads(DEMO_YAML))), "de")
    >>> wording.words["journey_map.title"], wording.names.life_event()
    ('Journey Map', 'Umzug')
    """

    lang: Language
    words: Mapping[str, str]
    names: DisplayNames

    @classmethod
    def of(cls, report: Report, lang: Language = "de") -> Wording:
        """The words and names for drawing ``report`` in ``lang``.

        Parameters
        ----------
        report : Report
            The analysed journey to draw.
        lang : Language, default "de"
            ``"de"`` or ``"en"``.

        Returns
        -------
        Wording
            The catalogue and the display names, built once.

        Examples
        --------
        >>> from lifeevents import analyze, journey, loads
        >>> from lifeevents.library.demo import DEMO_YAML
        >>> Wording.of(analyze(journey(loads(DEMO_YAML))), "en").words["steps"]
        'Steps'
        """
        return cls(lang, words(lang), DisplayNames(report, lang))

    @property
    def day(self) -> str:
        """The word "day" as it starts a line or a heading: ``Tag``, ``Day``."""
        return self.words["day"].capitalize()

    def counted(self, key: str, amount: int, **values: object) -> str:
        """A catalogue entry ``"singular|plural"``, the form for ``amount``, filled in.

        Parameters
        ----------
        key : str
            A catalogue key whose words have a singular and a plural form.
        amount : int
            The number that chooses the form: the singular for 1.
        **values : object
            The placeholders' values.

        Returns
        -------
        str
            The chosen form with its placeholders filled.

        Examples
        --------
        >>> from lifeevents import analyze, journey, loads
        >>> from lifeevents.library.demo import DEMO_YAML
        >>> wording = Wording.of(analyze(journey(loads(DEMO_YAML))))
        >>> wording.counted("blueprint.visits_today", 1, count=1)
        'heute 1 Besuch'
        >>> wording.counted("blueprint.visit_needed", 4, number=3, total=4)
        '3. von 4 im kürzesten Plan'
        """
        one, many = self.words[key].split("|")
        return (one if amount == 1 else many).format(**values)

    def persona_parts(self) -> list[str]:
        """Who the journey is for: ``Persona: …`` and, if it has one, ``Gemeinde: …``.

        Returns
        -------
        list[str]
            One or two parts of a subtitle, in reading order.

        Examples
        --------
        >>> from lifeevents import analyze, journey, loads
        >>> from lifeevents.library.demo import DEMO_YAML
        >>> Wording.of(analyze(journey(loads(DEMO_YAML)))).persona_parts()
        ['Persona: Grundfall']
        """
        parts = [f"{self.words['persona']}: {self.names.persona()}"]
        municipality = self.names.municipality()
        if municipality:
            parts.append(f"{self.words['municipality']}: {municipality}")
        return parts
