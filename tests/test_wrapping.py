"""Wrapping step names into lines (views.graphviz_labels.wrapped): hand-computed cases
and properties over any text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from lifeevents.views.escape.plain import clean
from lifeevents.views.graphviz_labels import wrapped
from profiles import examples

WORDS = st.sampled_from(
    [
        "Versicherungsbestätigung",
        "Eröffnungsprotokoll",
        "Todesbescheinigung",
        "Kfz-",
        "und",
        "Bau-",
        "Amt",
        "(eVB)",
        "anfordern",
        "Gesellschaftsvertrag",
        "Staatsangehörigkeitsausweis",
    ]
)


def test_a_long_compound_divides_at_its_joint() -> None:
    assert wrapped("Versicherungsbestätigung (eVB) anfordern", 16) == [
        "Versicherungs-",
        "bestätigung",
        "(eVB) anfordern",
    ]
    assert wrapped("Eröffnungsprotokoll anfordern", 16) == ["Eröffnungs-", "protokoll", "anfordern"]


def test_a_word_without_a_joint_stays_whole_and_hyphens_of_the_text_stay() -> None:
    assert wrapped("Todesbescheinigung", 16) == ["Todesbescheinigung"]
    assert wrapped("Bau- und Planungsamt", 16) == ["Bau- und", "Planungsamt"]
    assert wrapped("Versicherungsbestätigung", 30) == ["Versicherungsbestätigung"]


@given(st.lists(WORDS | st.text(min_size=1, max_size=30), max_size=8), st.integers(8, 40))
@settings(max_examples=examples(300))
def test_lines_fit_and_keep_every_letter(words: list[str], width: int) -> None:
    text = clean(" ".join(words))
    lines = wrapped(text, width)
    assert lines
    for line in lines:
        # Only a word that cannot be divided may be longer than a line, alone on it.
        assert len(line) <= width or " " not in line.strip()

    # No letter is lost or added: only spaces, line breaks and division hyphens differ.
    def letters(value: str) -> str:
        return "".join(value.split()).replace("-", "")

    assert letters("".join(lines)) == letters(text)
