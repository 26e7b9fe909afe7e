"""Read YAML into plain values while remembering where every key and value stood.

Values are built from the parser's event stream, never by a YAML constructor, so
no tag can create a Python object or run code. Scalars are resolved by the
YAML 1.2 core schema (``yes`` and ``on`` stay text; ``true``, ``12``, ``1.5``,
``null`` do not). Hostile input meets hard limits on size, nesting depth and
alias expansion, and each limit gives one located problem. The limits are our
own and fire before any limit of the installed YAML library (libyaml has its own
nesting limit since PyYAML 6.0.4), so the message is the same with either parser.

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
from dataclasses import dataclass
from typing import Any, Protocol

import yaml

from lifeevents.errors import InputError
from lifeevents.formats.gc_pause import collection_paused
from lifeevents.formats.reading import READ_LIMIT, too_large
from lifeevents.formats.yaml_errors import first_too_deep, syntax_problem
from lifeevents.model.problems import Problem

__all__ = [
    "ALIAS_FLOOR",
    "ALIAS_RATIO",
    "MAX_BYTES",
    "MAX_DEPTH",
    "Document",
    "Positions",
    "read_yaml",
    "resolve_plain",
]

MAX_BYTES = READ_LIMIT
MAX_DEPTH = 64
# Aliases may add ALIAS_FLOOR values plus ALIAS_RATIO times the values written in the file
# so far. Aliases only repeat what was written before them, so honest files stay far below
# this; an alias bomb (each level repeating the last) passes it within a few lines, while
# a large file without aliases is bounded by MAX_BYTES alone.
ALIAS_FLOOR = 10_000
ALIAS_RATIO = 10

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


class _ParserMark(Protocol):
    """A mark as the YAML parser gives it: line and column counted from 0."""

    line: int
    column: int


# Where a value or key stands: (line, column) counted from 1, or the parser's own mark,
# which the reader keeps as it is (converting every mark of a large file costs more than
# converting the few ever asked for).
_Where = Mark | _ParserMark
# Where a value stands, and the positions inside it: for a list one node per item, for
# a mapping each key's mark and its value's node, for a scalar or an alias None. A tree
# beside the data, so that reading builds no path per value.
_Node = tuple[_Where, "list[_Node] | dict[str, tuple[_Where, _Node]] | None"]


def _line_column(where: _Where) -> Mark:
    return where if isinstance(where, tuple) else (where.line + 1, where.column + 1)


@dataclass
class Positions:
    """1-based (line, column) of each value and each mapping key, by path.

    A path names a value by mapping keys and list positions, as the data nests it.
    A path that leads nowhere gives the position of the deepest value found along
    it, so a problem about a missing key points at the mapping that lacks it.

    Attributes
    ----------
    root : tree or None
        The positions of the document's top value and everything inside it (built
        by :func:`read_yaml`); ``None`` for an empty document, whose every path is
        at ``(1, 1)``.

    Examples
    --------
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> positions = read_yaml(DEMO_YAML, "umzug.yaml").positions
    >>> positions.key(("steps", 2, "when", "has_car")), positions.value(("steps", 2, "when"))
    ((18, 57), (18, 56))
    >>> positions.value(("steps", 2, "visit"))  # not written: the step itself
    (17, 5)
    """

    root: _Node | None = None

    def value(self, path: Sequence[str | int]) -> Mark:
        """Where the value at ``path`` stands, or its nearest recorded ancestor."""
        return _line_column(self._walk(path)[0])

    def key(self, path: Sequence[str | int]) -> Mark:
        """Where the key naming ``path`` stands (falls back to the value)."""
        mark, key_mark = self._walk(path)
        return _line_column(mark if key_mark is None else key_mark)

    def _walk(self, path: Sequence[str | int]) -> tuple[_Where, _Where | None]:
        """The mark of the deepest node along ``path``, and its key's mark if the whole
        path was found and ends in a mapping key."""
        if self.root is None:
            return (1, 1), None
        node, key_mark = self.root, None
        for part in path:
            inside = node[1]
            if isinstance(inside, list) and type(part) is int and 0 <= part < len(inside):
                node, key_mark = inside[part], None
            elif isinstance(inside, dict) and isinstance(part, str) and part in inside:
                key_mark, node = inside[part]
            else:
                return node[0], None
        return node[0], key_mark


@dataclass
class Document:
    """A parsed YAML document: plain data and where each part of it stood.

    Attributes
    ----------
    data : object
        The document as plain values: dicts, lists, text, numbers, booleans and
        ``None`` (YAML 1.2 core schema).
    positions : Positions
        Where each key and value stood.
    texts : list of str or None
        Every text of the document, keys included, as read.

    Examples
    --------
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> document = read_yaml(DEMO_YAML, "umzug.yaml")
    >>> document.data["steps"][2]["when"], document.positions.value(("steps", 2, "when"))
    ({'has_car': True}, (18, 56))
    """

    data: Any
    positions: Positions
    #: Every text of the document, keys included, as read (aliases not repeated); lets
    #: the text checks skip walking the data. ``None`` where a document was made otherwise.
    texts: list[str] | None = None


class _ReadError(Exception):
    """A problem that ends reading (syntax, limits)."""

    def __init__(self, mark: _Where, message: str) -> None:
        super().__init__(message)
        self.mark = _line_column(mark)
        self.message = message


@dataclass
class _Frame:
    """An open list or mapping: the positions of its items, its anchor, and how many
    values had been read before it (its size, for an alias to it, follows at its end)."""

    container: dict[str, Any] | list[Any]
    inside: list[_Node] | dict[str, tuple[_Where, _Node]]
    anchor: str | None
    before: int


def read_yaml(text: str | bytes, filename: str) -> Document:
    """Parse one YAML document safely; raise :class:`InputError` with a located problem.

    No tag can create a Python object; keys must be unique; size, nesting depth and
    alias expansion are limited (see the module's description).

    Parameters
    ----------
    text : str or bytes
        The document (bytes must be UTF-8; a byte order mark is skipped).
    filename : str
        The name the problem shows.

    Returns
    -------
    Document
        The plain data and the position of each part.

    Raises
    ------
    InputError
        With one located problem: a syntax error, a repeated key, a tag, a limit.

    Examples
    --------
    >>> read_yaml("leika: 99115005104001\\nags: '05566076'\\nanswer: yes\\n", "x.yaml").data
    {'leika': 99115005104001, 'ags': '05566076', 'answer': 'yes'}
    >>> read_yaml("a: 1\\na: 2\\n", "x.yaml")
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: x.yaml:2:1: the key 'a' appears twice in this mapping
    >>> read_yaml("run: !!python/object/apply:os.system [ls]\\n", "x.yaml")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: x.yaml:1:6: the YAML tag '!!python/object/apply:os.system' is ...
    """
    try:
        if isinstance(text, bytes):
            text = _decode(text)
        if len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
            raise _ReadError((1, 1), too_large(len(text.encode("utf-8", "surrogatepass"))))
        with collection_paused():  # reading builds many objects that all live on
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
    data: Any = None
    documents = 0
    written = 0  # values written out in the file
    aliased = 0  # values repeated through aliases
    last: Any = None  # the last event read, where a syntax error's search for depth begins
    texts: list[str] = []
    # The innermost open collection, its item positions and a mapping's key waiting for
    # its value, kept in locals rather than read from stack[-1]: this loop is most of the
    # time of reading a large file, so each value is placed inline, with no call.
    container: Any = None  # a dict or list (None before the first value)
    inside: Any = None
    key: str | None = None
    key_mark: _Where = (1, 1)
    # Event types tested by identity, scalars first: they are most events.
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    event: Any  # narrowed by `kind` below, which mypy cannot follow
    value: Any
    opened: list[_Node] | dict[str, tuple[_Where, _Node]] | None  # a new collection's items
    loader = None
    try:
        # yaml.parse() is this loop behind a generator; get_event() returns None at the end.
        loader = _Loader(text)  # the pure-Python reader checks the characters here
        next_event = loader.get_event
        while (event := next_event()) is not None:
            last = event
            kind = type(event)
            if kind is scalar_event:
                mark = event.start_mark
                if key is None and type(container) is dict:
                    if event.tag is not None:
                        _check_tag(event, allowed=("str",))
                    key = event.value
                    if key == "<<" and event.implicit[0]:
                        raise _ReadError(
                            mark,
                            "YAML merge keys (<<) are not supported in journey files; "
                            "write the keys out",
                        )
                    if key in container:
                        raise _ReadError(mark, f"the key '{key}' appears twice in this mapping")
                    key_mark = mark
                    texts.append(key)
                    continue
                value = event.value
                if event.tag is not None:
                    value = _scalar(event)
                elif event.implicit[0]:
                    value = resolve_plain(value)  # unquoted; quoted and block text stay text
                if type(value) is str:
                    texts.append(value)
                if event.anchor:
                    anchors[event.anchor] = (value, 1)
                written += 1
                opened = None
            elif kind is mapping_end or kind is sequence_end:
                done = stack.pop()
                if done.anchor:
                    anchors[done.anchor] = (done.container, written + aliased - done.before)
                if stack:
                    container, inside = stack[-1].container, stack[-1].inside
                continue
            elif kind is mapping_start or kind is sequence_start:
                mark = event.start_mark
                is_map = kind is mapping_start
                if event.tag is not None:
                    _check_tag(event, allowed=("map",) if is_map else ("seq",))
                if len(stack) >= MAX_DEPTH:
                    raise _ReadError(mark, _nested_message())
                value = {} if is_map else []
                opened = {} if is_map else []
                written += 1
                stack.append(_Frame(value, opened, event.anchor, written + aliased - 1))
            elif kind is alias_event:
                mark = event.start_mark
                if event.anchor not in anchors:
                    raise _ReadError(mark, f"the alias '*{event.anchor}' has no anchor before it")
                value, size = anchors[event.anchor]
                aliased += size
                if aliased > ALIAS_FLOOR + ALIAS_RATIO * written:
                    raise _ReadError(
                        mark,
                        f"YAML aliases here repeat {aliased:,} values, more than {ALIAS_FLOOR:,} "
                        f"plus {ALIAS_RATIO} times the {written:,} values written so far; "
                        "write repeated parts out instead",
                    )
                opened = None
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _ReadError(
                        _mark(event),
                        "a journey file holds one YAML document; remove the second '---'",
                    )
                continue
            else:
                continue
            # Place the value (and where it stands) in the innermost open collection.
            node = (mark, opened)
            if type(container) is list:
                container.append(value)
                inside.append(node)
            elif container is None:
                data, positions.root = value, node
            elif key is None:
                raise _ReadError(mark, "a key must be plain text, not a list or mapping")
            else:
                container[key] = value
                inside[key] = (key_mark, node)
                key = None
            if opened is not None:  # a list or mapping begins: the innermost one now
                container, inside = value, opened
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
        # A parser may read ahead of the events it has handed out (libyaml scans up to
        # 1,024 characters for a possible key), and its own nesting limit then fires first.
        begin = last.end_mark.index if last is not None else 0
        end = error.problem_mark.index if error.problem_mark else len(text)
        too_deep = first_too_deep(text, begin, end, len(stack), MAX_DEPTH)
        if too_deep is not None:
            raise _ReadError(too_deep, _nested_message()) from None
        raise _ReadError(*syntax_problem(error, text)) from None
    except yaml.YAMLError as error:
        raise _ReadError((1, 1), f"YAML error: {' '.join(str(error).split())}") from None
    finally:
        if loader is not None:
            loader.dispose()
    return Document(data, positions, texts)


def _nested_message() -> str:
    return f"values are nested more than {MAX_DEPTH} levels deep; a journey file needs only a few"


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
    value: str = event.value
    tag = event.tag
    if tag is None:
        # The usual case: no tag; quoted and block scalars are always text.
        return resolve_plain(value) if event.implicit[0] else value
    _check_tag(event, allowed=("str", "int", "float", "bool", "null"))
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

    Unlike YAML 1.1 (PyYAML's default), ``yes``, ``no``, ``on`` and ``off`` stay
    text; so do whole numbers written with leading zeros, which in keys and codes
    (LeiKa, AGS) carry meaning.

    Parameters
    ----------
    value : str
        The scalar as written, without quotes.

    Returns
    -------
    object
        ``None``, a bool, an int, a float, or the text itself.

    Examples
    --------
    >>> [resolve_plain(text) for text in ("yes", "1e3", "0o17", "~", "True", "007")]
    ['yes', 1000.0, 15, None, True, '007']
    """
    first = value[:1]
    if first.isalpha() and first not in "fFnNtT":
        return value  # no number, boolean or null starts so: the usual case, decided at once
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
