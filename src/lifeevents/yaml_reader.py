"""Read YAML into plain values while remembering where every key and value stood.

Values are built from the parser's event stream, never by a YAML constructor, so
no tag can create a Python object or run code. Scalars are resolved by the
YAML 1.2 core schema (``yes`` and ``on`` stay text; ``true``, ``12``, ``1.5``,
``null`` do not). Hostile input meets hard limits on size, nesting depth and
alias expansion, and each limit gives one located problem.

>>> document = read_yaml("a: [1, two]\\nb: {c: true}\\n", "x.yaml")
>>> document.data
{'a': [1, 'two'], 'b': {'c': True}}
>>> document.positions.value(("a", 1))
(1, 8)
>>> document.positions.key(("b", "c"))
(2, 5)
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import yaml

from lifeevents.problems import READ_LIMIT, InputError, Problem, too_large

__all__ = [
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_VALUES",
    "Document",
    "Positions",
    "read_yaml",
    "resolve_plain",
]

MAX_BYTES = READ_LIMIT
MAX_DEPTH = 64
MAX_VALUES = 50_000  # the largest built-in journey has about 500 values

Path = tuple[str | int, ...]
Mark = tuple[int, int]

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG = "tag:yaml.org,2002:"
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")
_SPECIAL_FLOAT = {
    ".inf": float("inf"), ".Inf": float("inf"), ".INF": float("inf"),
    "+.inf": float("inf"), "+.Inf": float("inf"), "+.INF": float("inf"),
    "-.inf": float("-inf"), "-.Inf": float("-inf"), "-.INF": float("-inf"),
    ".nan": float("nan"), ".NaN": float("nan"), ".NAN": float("nan"),
}  # fmt: skip


@dataclass
class Positions:
    """1-based (line, column) of each value and each mapping key, by path."""

    values: dict[Path, Mark] = field(default_factory=dict)
    keys: dict[Path, Mark] = field(default_factory=dict)

    def value(self, path: Sequence[str | int]) -> Mark:
        """Where the value at ``path`` stands, or its nearest recorded ancestor."""
        return self._nearest(self.values, tuple(path))

    def key(self, path: Sequence[str | int]) -> Mark:
        """Where the key naming ``path`` stands (falls back to the value)."""
        path = tuple(path)
        return self.keys[path] if path in self.keys else self.value(path)

    def _nearest(self, table: dict[Path, Mark], path: Path) -> Mark:
        while path and path not in table:
            path = path[:-1]
        return table.get(path, (1, 1))


@dataclass
class Document:
    """A parsed YAML document: plain data and where each part of it stood."""

    data: Any
    positions: Positions


class _ReadError(Exception):
    """A problem that ends reading (syntax, limits)."""

    def __init__(self, mark: Mark, message: str) -> None:
        super().__init__(message)
        self.mark = mark
        self.message = message


@dataclass
class _Frame:
    container: dict[str, Any] | list[Any]
    path: Path
    anchor: str | None
    size: int = 1
    key: str | None = None
    key_mark: Mark = (1, 1)


def read_yaml(text: str | bytes, filename: str) -> Document:
    """Parse one YAML document safely; raise :class:`InputError` with a located problem."""
    try:
        if isinstance(text, bytes):
            text = _decode(text)
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise _ReadError((1, 1), too_large(len(text.encode("utf-8", "surrogatepass"))))
        return _build(text)
    except _ReadError as stop:
        raise InputError([Problem(filename, stop.mark[0], stop.mark[1], stop.message)]) from None


def _decode(raw: bytes) -> str:
    if len(raw) > MAX_BYTES:
        raise _ReadError((1, 1), too_large(len(raw)))
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise _ReadError(
            (line, column), "the file is not UTF-8 text; save it with UTF-8 encoding"
        ) from None


def _mark(event: Any) -> Mark:
    return (event.start_mark.line + 1, event.start_mark.column + 1)


def _build(text: str) -> Document:
    positions = Positions()
    anchors: dict[str, tuple[Any, int]] = {}
    stack: list[_Frame] = []
    root: list[Any] = []
    documents = 0
    total = 0

    def place(value: Any, mark: Mark, size: int) -> None:
        nonlocal total
        total += size
        if total > MAX_VALUES:
            raise _ReadError(
                mark,
                f"the file expands to more than {MAX_VALUES:,} values (through YAML aliases?); "
                "journey files are far smaller, so write repeated parts out",
            )
        if not stack:
            root.append(value)
            positions.values[()] = mark
            return
        frame = stack[-1]
        frame.size += size
        if isinstance(frame.container, list):
            path = (*frame.path, len(frame.container))
            frame.container.append(value)
        else:
            if frame.key is None:
                raise _ReadError(mark, "a key must be plain text, not a list or mapping")
            path = (*frame.path, frame.key)
            frame.container[frame.key] = value
            positions.keys[path] = frame.key_mark
            frame.key = None
        positions.values[path] = mark

    try:
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.DocumentStartEvent):
                documents += 1
                if documents > 1:
                    raise _ReadError(
                        _mark(event),
                        "a journey file holds one YAML document; remove the second '---'",
                    )
            elif isinstance(event, yaml.ScalarEvent):
                frame = stack[-1] if stack else None
                if (
                    isinstance(frame, _Frame)
                    and isinstance(frame.container, dict)
                    and (frame.key is None)
                ):
                    _check_tag(event, allowed=("str",))
                    key = event.value
                    if key == "<<" and event.implicit[0]:
                        raise _ReadError(
                            _mark(event),
                            "YAML merge keys (<<) are not supported in journey files; "
                            "write the keys out",
                        )
                    if key in frame.container:
                        raise _ReadError(
                            _mark(event), f"the key '{key}' appears twice in this mapping"
                        )
                    frame.key, frame.key_mark = key, _mark(event)
                    continue
                value = _scalar(event)
                place(value, _mark(event), 1)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
            elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                is_map = isinstance(event, yaml.MappingStartEvent)
                _check_tag(event, allowed=("map",) if is_map else ("seq",))
                if len(stack) >= MAX_DEPTH:
                    raise _ReadError(
                        _mark(event),
                        f"values are nested more than {MAX_DEPTH} levels deep; "
                        "a journey file needs only a few",
                    )
                container: dict[str, Any] | list[Any] = {} if is_map else []
                frame_path = _child_path(stack, container)
                place(container, _mark(event), 0)
                stack.append(_Frame(container, frame_path, event.anchor))
            elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                done = stack.pop()
                if stack:
                    stack[-1].size += done.size
                if done.anchor:
                    anchors[done.anchor] = (done.container, done.size)
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor not in anchors:
                    raise _ReadError(
                        _mark(event), f"the alias '*{event.anchor}' has no anchor before it"
                    )
                value, size = anchors[event.anchor]
                place(value, _mark(event), size)
    except yaml.reader.ReaderError as error:
        line = text.count("\n", 0, error.position) + 1
        column = error.position - (text.rfind("\n", 0, error.position) + 1) + 1
        character = error.character if isinstance(error.character, str) else chr(error.character)
        raise _ReadError(
            (line, column),
            f"the file contains the control character U+{ord(character):04X}, which YAML "
            "does not allow; remove it",
        ) from None
    except yaml.MarkedYAMLError as error:
        raise _ReadError(*_syntax_problem(error, text)) from None
    except yaml.YAMLError as error:
        raise _ReadError((1, 1), f"YAML error: {' '.join(str(error).split())}") from None
    return Document(root[0] if root else None, positions)


def _syntax_problem(error: yaml.MarkedYAMLError, text: str) -> tuple[Mark, str]:
    """Where a syntax error is and what to do, in words for people who write YAML."""
    problem, context = error.problem_mark, error.context_mark
    mark = problem or context
    where = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = " ".join(part for part in (error.context, error.problem) if part)
    lines = text.splitlines()
    if (
        problem is not None
        and problem.line < len(lines)
        and lines[problem.line][problem.column : problem.column + 1] == "\t"
    ):
        return where, "tabs are not allowed for indentation in YAML; use spaces"
    if problem is not None and context is not None and problem.line >= len(lines):
        # The file ended while something was still open: point at where it was opened.
        opened = (context.line + 1, context.column + 1)
        return opened, f"YAML syntax error: {detail} (opened here, never closed)"
    return where, f"YAML syntax error: {detail}"


def _child_path(stack: list[_Frame], container: object) -> Path:
    if not stack:
        return ()
    frame = stack[-1]
    if isinstance(frame.container, list):
        return (*frame.path, len(frame.container))
    return (*frame.path, frame.key if frame.key is not None else "?")


def _check_tag(event: Any, allowed: tuple[str, ...]) -> None:
    tag = event.tag
    if tag is None or tag == "!" or tag in {_TAG + name for name in allowed}:
        return
    shown = "!!" + tag[len(_TAG) :] if tag.startswith(_TAG) else tag
    raise _ReadError(
        _mark(event),
        f"the YAML tag '{shown}' is not allowed here; journey files use plain values only "
        "(remove the tag)",
    )


def _scalar(event: Any) -> Any:
    _check_tag(event, allowed=("str", "int", "float", "bool", "null"))
    value: str = event.value
    tag = event.tag
    if tag in (None, "!") and not event.implicit[0]:
        return value  # quoted or block scalar: always text
    kind = tag[len(_TAG) :] if tag and tag.startswith(_TAG) else None
    if kind == "str":
        return value
    resolved = resolve_plain(value)
    if kind is None or (kind == "null" and resolved is None):
        return resolved
    if kind == "bool" and isinstance(resolved, bool):
        return resolved
    if kind == "int" and isinstance(resolved, int) and not isinstance(resolved, bool):
        return resolved
    if kind == "float" and isinstance(resolved, int | float) and not isinstance(resolved, bool):
        return float(resolved)
    raise _ReadError(_mark(event), f"'{value}' is not a valid !!{kind}")


def resolve_plain(value: str) -> Any:
    """The value of an unquoted scalar under the YAML 1.2 core schema.

    >>> [resolve_plain(text) for text in ("yes", "1e3", "0o17", "~", "True", "007")]
    ['yes', 1000.0, 15, None, True, '007']
    """
    if _NULL.match(value):
        return None
    if value in _BOOL:
        return _BOOL[value]
    if _INT.match(value):
        # Leading zeros carry meaning in keys and codes (LeiKa, AGS): such values stay text.
        digits = value.lstrip("+-")
        return value if len(digits) > 1 and digits.startswith("0") else int(value)
    if _OCT.match(value):
        return int(value[2:], 8)
    if _HEX.match(value):
        return int(value[2:], 16)
    if _FLOAT.match(value):
        return float(value)
    if value in _SPECIAL_FLOAT:
        return _SPECIAL_FLOAT[value]
    return value
