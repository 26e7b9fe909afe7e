"""Texts in a journey file that no map could show: too long, or characters no format can hold.

Graphviz takes at most 16 KiB per label and refuses Unicode noncharacters
(U+FFFE, U+FDD0, …) and lone surrogates, and a name of thousands of characters
makes no readable map anyway. So ``validate`` rejects such texts, and every
renderer can draw whatever ``validate`` accepts.

>>> from lifeevents.formats.yaml_reader import read_yaml
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

from lifeevents.formats.located_validation import describe_path
from lifeevents.formats.yaml_reader import Document
from lifeevents.model.limits import MAX_NAME_LENGTH, MAX_TEXT_LENGTH
from lifeevents.model.problems import Problem

__all__ = ["check_texts"]

# Noncharacters (U+FDD0-FDEF and the last two code points of every plane) and surrogates.
_UNDRAWABLE = re.compile(
    "[\ufdd0-\ufdef\ufffe\uffff\ud800-\udfff"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(1, 17)
    )
    + "]"
)
# Values that are ids or names: shown on maps and in messages, so capped shorter.
_NAME_KEYS = frozenset(
    {"id", "name", "name_en", "authority", "issued_by", "visit", "stage", "site"}
)
_NAME_LISTS = frozenset({"after", "requires", "produces", "stages", "stage_names"})


Path = tuple[str | int, ...]


def _texts(value: Any, path: Path) -> Iterator[tuple[Path, str, bool]]:
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


def _all_strings(value: Any) -> list[str]:
    """Every string in the data, keys included, without their paths (cheap)."""
    found: list[str] = []
    waiting = [value]
    while waiting:
        item = waiting.pop()
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            found.extend(key for key in item if isinstance(key, str))
            waiting.extend(item.values())
        elif isinstance(item, list):
            waiting.extend(item)
    return found


def check_texts(document: Document, filename: str) -> list[Problem]:
    """A problem for each text that is too long or holds a character no format can hold.

    Ids and names may have at most :data:`~lifeevents.model.limits.MAX_NAME_LENGTH`
    characters, other texts :data:`~lifeevents.model.limits.MAX_TEXT_LENGTH`;
    Unicode noncharacters and lone surrogates are refused anywhere.

    Parameters
    ----------
    document : Document
        The parsed file (journey or region).
    filename : str
        The name the problems show.

    Returns
    -------
    list of Problem
        One per text at fault, at its key or value; empty for the usual file.

    Examples
    --------
    >>> from lifeevents.formats.yaml_reader import read_yaml
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> check_texts(read_yaml(DEMO_YAML, "umzug.yaml"), "umzug.yaml")
    []
    >>> long_name = DEMO_YAML.replace("Gebühr zahlen", "Gebühr " * 50)
    >>> for problem in check_texts(read_yaml(long_name, "umzug.yaml"), "umzug.yaml"):
    ...     print(problem)  # doctest: +NORMALIZE_WHITESPACE
    umzug.yaml:15:25: step 'gebuehr', name: 349 characters; ids and names may have at
    most 300 (docs/command-line.md, caps), so that every map can show them
    """
    strings = document.texts if document.texts is not None else _all_strings(document.data)
    if not strings:
        return []
    if max(map(len, strings)) <= MAX_NAME_LENGTH:
        joined = "\n".join(strings)
        # Every character the check looks for lies at U+D800 or above; the usual
        # text (German, with dashes and quotes) lies below, which max() tells in C,
        # and plain ASCII text (ids, generated files) isascii() tells at once.
        if joined.isascii() or max(joined) < "\ud800" or _UNDRAWABLE.search(joined) is None:
            return []  # the usual case, decided without paths
    problems: list[Problem] = []

    def report(path: Path, is_key: bool, message: str) -> None:
        where = describe_path(path, document.data)
        positions = document.positions
        line, column = positions.key(path) if is_key else positions.value(path)
        problems.append(Problem(filename, line, column, f"{where}: {message}"))

    for path, text, is_key in _texts(document.data, ()):
        if len(text) > MAX_NAME_LENGTH:
            is_name = (
                is_key
                or (bool(path) and path[-1] in _NAME_KEYS)
                or (len(path) >= 2 and path[-2] in _NAME_LISTS)
            )
            limit = MAX_NAME_LENGTH if is_name else MAX_TEXT_LENGTH
            if len(text) > limit:
                kind = "ids and names" if is_name else "texts"
                report(
                    path,
                    is_key,
                    f"{len(text):,} characters; {kind} may have at most {limit:,} "
                    "(docs/command-line.md, caps), so that every map can show them",
                )
        match = _UNDRAWABLE.search(text)
        if match is not None:
            report(
                path,
                is_key,
                f"contains U+{ord(match.group(0)):04X}, a Unicode noncharacter that no "
                "output format can hold; remove it",
            )
    return problems
