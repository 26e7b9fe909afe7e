"""Texts in a journey file that no map could show: too long, or characters no format can hold.

Graphviz takes at most 16 KiB per label and refuses Unicode noncharacters
(U+FFFE, U+FDD0, …) and lone surrogates, and a name of thousands of characters
makes no readable map anyway. So ``validate`` rejects such texts, and every
renderer can draw whatever ``validate`` accepts.

>>> from lifeevents.yaml_reader import read_yaml
>>> document = read_yaml('life_event: {id: x, name: "A\\\\uFFFEB"}', "a.yaml")
>>> for problem in check_texts(document, "a.yaml"):
...     print(problem)  # doctest: +NORMALIZE_WHITESPACE
a.yaml:1:27: life_event, name: contains U+FFFE, a Unicode noncharacter that no output
format can hold; remove it
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from lifeevents.limits import MAX_NAME_LENGTH, MAX_TEXT_LENGTH
from lifeevents.located_validation import describe_path
from lifeevents.problems import Problem
from lifeevents.yaml_reader import Document

__all__ = ["check_texts"]

# Noncharacters (U+FDD0-FDEF and the last two code points of every plane) and surrogates.
_UNDRAWABLE = re.compile(
    "[\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
    )
    + "]"
)
_NAME_KEYS = frozenset({"name", "name_en"})


def _texts(
    value: Any, path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str, bool]]:
    """(path, text, is_key) for every string in the data, keys included."""
    if isinstance(value, str):
        yield path, value, False
    elif isinstance(value, dict):
        for key, child in value.items():
            if isinstance(key, str):
                yield (*path, key), key, True
            yield from _texts(child, (*path, key))
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from _texts(child, (*path, index))


def check_texts(document: Document, filename: str) -> list[Problem]:
    """A problem for each text that is too long or holds a character no format can hold."""
    problems: list[Problem] = []
    for path, text, is_key in _texts(document.data, ()):
        where = describe_path(path, document.data)
        line, column = document.positions.key(path) if is_key else document.positions.value(path)
        is_name = (
            is_key
            or (bool(path) and path[-1] in _NAME_KEYS)
            or (len(path) >= 2 and path[-2] == "stage_names")
        )
        limit = MAX_NAME_LENGTH if is_name else MAX_TEXT_LENGTH
        if len(text) > limit:
            kind = "ids and names" if is_name else "texts"
            problems.append(
                Problem(
                    filename,
                    line,
                    column,
                    f"{where}: {len(text):,} characters; {kind} may have at most {limit:,} "
                    "(docs/command-line.md, caps), so that every map can show them",
                )
            )
        match = _UNDRAWABLE.search(text)
        if match is not None:
            problems.append(
                Problem(
                    filename,
                    line,
                    column,
                    f"{where}: contains U+{ord(match.group(0)):04X}, a Unicode "
                    "noncharacter that no output format can hold; remove it",
                )
            )
    return problems
