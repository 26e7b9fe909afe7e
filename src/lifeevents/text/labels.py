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

__all__ = ["LANGUAGES", "Language", "label", "words"]

Language = Literal["de", "en"]
LANGUAGES: tuple[Language, ...] = ("de", "en")

_CATALOGUES: dict[Language, Mapping[str, str]] = {
    "de": MappingProxyType(words_de.WORDS),
    "en": MappingProxyType(words_en.WORDS),
}


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
