"""The word catalogues: both languages say the same things, with the same placeholders."""

from __future__ import annotations

import string

from lifeevents.text import words_de, words_en
from lifeevents.text.labels import LANGUAGES, label, words


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field is not None}


def test_both_languages_have_the_same_keys() -> None:
    assert set(words_de.WORDS) == set(words_en.WORDS)


def test_both_languages_have_the_same_placeholders() -> None:
    for key, german in words_de.WORDS.items():
        assert _placeholders(german) == _placeholders(words_en.WORDS[key]), key


def test_singular_and_plural_forms_come_in_pairs() -> None:
    for lang in LANGUAGES:
        for key, text in words(lang).items():
            assert text.count("|") in (0, 1), (lang, key)
            assert ("|" in text) == ("|" in words("de")[key]), (lang, key)


def test_no_empty_words() -> None:
    for lang in LANGUAGES:
        assert all(text.strip() for text in words(lang).values()), lang


def test_label_reads_the_catalogue() -> None:
    assert label("media_breaks", "de") == "Medienbrüche"
    assert label("media_breaks", "en") == "Media breaks"


def test_every_channel_and_level_has_a_word() -> None:
    from lifeevents.model.vocabulary import Channel, Level

    keys = {f"channel.{item.value}" for item in Channel} | {f"level.{item.value}" for item in Level}
    for lang in LANGUAGES:
        assert keys <= set(words(lang)), lang


def test_every_figure_of_a_record_has_a_word() -> None:
    from lifeevents import analyze, journey, loads
    from lifeevents.library.demo import DEMO_YAML
    from lifeevents.text.labels import FIGURE_WORDS, figure_label

    record = analyze(journey(loads(DEMO_YAML), "mit-auto")).to_record()
    numeric = {name for name, value in record.items() if not isinstance(value, bool)}
    assert set(FIGURE_WORDS) == numeric
    for lang in LANGUAGES:
        assert all(figure_label(name, lang) for name in numeric), lang
