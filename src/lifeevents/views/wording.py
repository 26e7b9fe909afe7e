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

    def step_day(self, day: int, start: int, template: str = "") -> tuple[str, ...]:
        """When a step is done, as every view says it.

        Normally its day: ``Tag 14``. When the visit plan does it later than the
        schedule could start it (a merged visit waits for its last step, and what
        follows the visit waits too), the plan's day and since when the step
        alone could be done: ``Tag 30`` and ``(möglich ab Tag 14)``.

        Parameters
        ----------
        day : int
            The day the step is done on in the visit plan
            (:func:`~lifeevents.views.columns.plan_days`).
        start : int
            Its start day in the schedule (rule 4), the earliest it can be done.
        template : str, optional
            A catalogue entry with a ``{day}`` placeholder for the first part, such as
            ``ab Tag {day}``; by default the day word and the number.

        Returns
        -------
        tuple[str, ...]
            The day, then the note when there is one: joined by a space they are
            one text; a view may break the line between them.

        Examples
        --------
        >>> from lifeevents import analyze, journey, loads
        >>> from lifeevents.library.demo import DEMO_YAML
        >>> wording = Wording.of(analyze(journey(loads(DEMO_YAML))))
        >>> wording.step_day(14, 14), wording.step_day(30, 14)
        (('Tag 14',), ('Tag 30', '(möglich ab Tag 14)'))
        >>> " ".join(wording.step_day(30, 14, wording.words["checklist.from_day"]))
        'ab Tag 30 (möglich ab Tag 14)'
        """
        first = template.format(day=day) if template else f"{self.day} {day}"
        if day <= start:
            return (first,)
        return (first, self.words["day_possible_from"].format(day=start))

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
