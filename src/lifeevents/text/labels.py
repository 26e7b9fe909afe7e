"""The word catalogues: every word a reader sees, in German (default) and English.

The words themselves are in :mod:`lifeevents.text.words_de` and
:mod:`lifeevents.text.words_en`, one table per language with the same keys.

>>> label("visits_minimum", "de")
'Besuche (Minimum)'
>>> label("visits_minimum", "en")
'Visits (minimum)'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType
from typing import Literal

from lifeevents.text import words_de, words_en

__all__ = [
    "DEFAULT_LANGUAGE",
    "FIGURE_WORDS",
    "LANGUAGES",
    "Language",
    "figure_label",
    "label",
    "words",
]

Language = Literal["de", "en"]
LANGUAGES: tuple[Language, ...] = ("de", "en")
#: The language of every output unless asked otherwise: the users are German authorities.
DEFAULT_LANGUAGE: Language = "de"

_CATALOGUES: dict[Language, Mapping[str, str]] = {
    "de": MappingProxyType(words_de.WORDS),
    "en": MappingProxyType(words_en.WORDS),
}

#: The catalogue key of each figure of :meth:`Report.to_record
#: <lifeevents.analysis.report.Report.to_record>` that has a number.
FIGURE_WORDS: Mapping[str, str] = MappingProxyType(
    {
        "steps": "steps",
        "authorities": "authorities",
        "visits.as_modelled": "visits_modelled",
        "visits.minimum": "visits_minimum",
        "visits.redundant": "visits_redundant",
        "visits.avoidable": "visits_avoidable",
        "channel_handovers": "channel_handovers",
        "media_breaks": "media_breaks",
        "authority_handovers": "authority_handovers",
        "authority_handovers.crossing_levels": "crossing_levels",
        "once_only_violations": "once_only",
        "duration_days": "duration",
        "deadlines_at_risk": "deadlines",
        "digital_share": "digital_share",
        "online_available_share": "online_share",
    }
)


def words(lang: Language = "de") -> Mapping[str, str]:
    """The whole catalogue of ``lang``: build it once per render and hand it down.

    Examples
    --------
    >>> words("en")["visits_minimum"]
    'Visits (minimum)'
    """
    return _CATALOGUES[lang]


def label(key: str, lang: Language = "de") -> str:
    """The display word for ``key`` in ``lang``.

    Examples
    --------
    >>> label("media_breaks")
    'Medienbrüche'
    """
    return _CATALOGUES[lang][key]


def figure_label(figure: str, lang: Language = "de") -> str:
    """The display word for a figure of :meth:`Report.to_record
    <lifeevents.analysis.report.Report.to_record>` (a key of :data:`FIGURE_WORDS`).

    Examples
    --------
    >>> figure_label("visits.as_modelled", "en"), figure_label("once_only_violations")
    ('Visits (as modelled)', 'Once-Only-Verstöße')
    """
    return _CATALOGUES[lang][FIGURE_WORDS[figure]]
