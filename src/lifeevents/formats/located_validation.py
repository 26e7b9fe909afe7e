"""Validate parsed YAML against a pydantic model and explain each error in plain words.

Pydantic reports errors by path; this module turns each into a
:class:`~lifeevents.model.problems.Problem` at the line and column of the offending
key or value, with a message for people who write YAML, not Python: what was
expected, which values are allowed, and the closest allowed value to a typo.
Journey, region and scenario loaders all use it.
"""

from __future__ import annotations

import functools
import inspect
import types
import typing
from collections.abc import Sequence
from typing import Any, TypeVar

import pydantic
from pydantic_core import ErrorDetails

from lifeevents.formats.yaml_reader import Document
from lifeevents.model.problems import Problem, in_order
from lifeevents.model.suggestions import did_you_mean

__all__ = ["describe_path", "validate_document"]

ModelT = TypeVar("ModelT", bound=pydantic.BaseModel)

# Members of a union that pydantic appends to an error path.
_UNION_TAGS = frozenset(
    {
        "bool",
        "int",
        "float",
        "str",
        "function-after[_no_repeats(), tuple]",
    }
)
# A discriminated union of models (scenario changes) tags the member it chose "kind:...":
# kept to find the model, left out of the path an author sees.
_KIND_TAG = "kind:"
_HINT_BUDGET = 50
_ENUM_NOUN = {"channels": "channel", "prefer": "channel", "transfer": "transfer mode"}
_SECTION_NOUN = {
    "steps": "step",
    "authorities": "authority",
    "evidence": "evidence",
    "personas": "persona",
    "municipalities": "municipality",
    "offices": "office",
    "sites": "site",
    "changes": "change",
}


def validate_document(
    model: type[ModelT], document: Document, filename: str
) -> tuple[ModelT | None, list[Problem]]:
    """Validate ``document.data`` as ``model``; return the instance or the located problems.

    Parameters
    ----------
    model : type of pydantic.BaseModel
        The model of the whole file (``LifeEvent``, ``Region``, ``Scenario``).
    document : Document
        The parsed YAML, with positions.
    filename : str
        The name the problems show.

    Returns
    -------
    model or None
        The validated instance, or ``None`` when the data does not fit the model.
    list of Problem
        One problem per error pydantic found, at the line and column of the key or
        value concerned; empty when the data is valid.

    Examples
    --------
    >>> from lifeevents.formats.yaml_reader import read_yaml
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.model.life_event import LifeEvent
    >>> typo = read_yaml(DEMO_YAML.replace("level: kreis", "level: landkreis"), "umzug.yaml")
    >>> life_event, problems = validate_document(LifeEvent, typo, "umzug.yaml")
    >>> life_event, len(problems)
    (None, 1)
    >>> print(problems[0])  # doctest: +NORMALIZE_WHITESPACE
    umzug.yaml:6:44: authority 'kreis', level: 'landkreis' is not an allowed level
    (did you mean 'kreis'?); allowed: bund, land, kreis, gemeinde, sozialversicherung, privat
    """
    if not isinstance(document.data, dict):
        kind = "empty" if document.data is None else _shown(document.data)
        if isinstance(document.data, str):
            kind = "plain text"
        return None, [
            Problem(filename, 1, 1, f"the file is {kind}; expected a mapping of keys to values")
        ]
    try:
        return model.model_validate(document.data), []
    except pydantic.ValidationError as error:
        return None, _problems(model, error, document, filename)


def describe_path(path: Sequence[str | int], data: Any) -> str:
    """Name a place in a file the way its author thinks of it.

    A list item of a section (``steps``, ``changes``) is named by its ``id`` (or
    number), a mapping entry by its key; positions inside plain lists are left out.

    Parameters
    ----------
    path : sequence of str or int
        Keys and list positions from the top of the document.
    data : object
        The document's data, to read the ids of list items from.

    Returns
    -------
    str
        Such as ``"step 'kfz', requires"``; empty for the top of the file.

    Examples
    --------
    >>> from lifeevents.formats.yaml_reader import read_yaml
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> data = read_yaml(DEMO_YAML, "umzug.yaml").data
    >>> describe_path(("steps", 2, "requires", 0), data)
    "step 'kfz', requires"
    >>> describe_path(("steps", 0, "channels", 1), {"steps": [{"id": "anmelden"}]})
    "step 'anmelden', channels"
    >>> describe_path(("authorities", "standesamt", "level"), {})
    "authority 'standesamt', level"
    """
    words: list[str] = []
    node = data
    index = 0
    while index < len(path):
        part = path[index]
        child = _child(node, part)
        if isinstance(part, str) and part in _SECTION_NOUN and index + 1 < len(path):
            key = path[index + 1]
            item = _child(child, key)
            label = item.get("id") if isinstance(item, dict) else None
            if part == "changes" and isinstance(key, int):
                named = f"{key + 1}{_change_target(item)}"
            elif isinstance(key, int):
                named = f"'{label}'" if isinstance(label, str) else f"number {key + 1}"
            else:
                named = f"'{key}'"
            words.append(f"{_SECTION_NOUN[part]} {named}")
            node = item
            index += 2
            continue
        if isinstance(part, str):
            words.append(part)
        node = child
        index += 1
    return ", ".join(words)


def _change_target(change: Any) -> str:
    """`` (step 'x')`` for a scenario change whose target can be read, else nothing."""
    if not isinstance(change, dict):
        return ""
    for key in ("step", "evidence", "authority"):
        if isinstance(change.get(key), str):
            return f" ({key} '{change[key]}')"
    added = change.get("add_step")
    if isinstance(added, dict) and isinstance(added.get("id"), str):
        return f" (add_step '{added['id']}')"
    return ""


def _child(node: Any, part: str | int) -> Any:
    if isinstance(node, dict) and isinstance(part, str):
        return node.get(part)
    if isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
        return node[part]
    return None


def _kind(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false value"
    if isinstance(value, int | float):
        return "number"
    if isinstance(value, str):
        return "text"
    if isinstance(value, list):
        return "list"
    if isinstance(value, dict):
        return "mapping"
    return "empty value" if value is None else type(value).__name__


def _problems(
    model: type[pydantic.BaseModel],
    error: pydantic.ValidationError,
    document: Document,
    filename: str,
) -> list[Problem]:
    seen: set[tuple[tuple[str | int, ...], str]] = set()
    problems: list[Problem] = []
    union_paths: set[tuple[str | int, ...]] = set()
    details = error.errors(include_url=False)
    unknown_keys: dict[tuple[str | int, ...], list[str]] = {}
    for detail in details:
        if detail["type"] == "extra_forbidden":
            unknown_keys.setdefault(tuple(detail["loc"][:-1]), []).append(str(detail["loc"][-1]))
    failed_paths = [tuple(detail["loc"]) for detail in details]
    for detail in details:
        loc = tuple(detail["loc"])
        if detail["type"] == "too_short" and any(
            len(other) > len(loc) and other[: len(loc)] == loc for other in failed_paths
        ):
            continue  # a list looks short only because one of its items failed
        if detail["type"] == "missing" and did_you_mean(
            detail["loc"][-1], unknown_keys.get(tuple(detail["loc"][:-1]), [])
        ):
            continue  # the misspelt key is reported, with the right name
        model_path = tuple(part for part in detail["loc"] if not _is_kind(part))
        path = tuple(part for part in model_path if part not in _UNION_TAGS)
        if len(path) != len(model_path):
            # One failed union gives an error per member; say it once.
            if path in union_paths:
                continue
            union_paths.add(path)
            message = (
                f"expected a plain value (text, number or true/false), "
                f"got a {_kind(detail['input'])}"
            )
        else:
            # A did-you-mean scans every allowed key; only the first few problems get one.
            message = _message(
                model, detail, path, tuple(detail["loc"]), with_hint=len(problems) < _HINT_BUDGET
            )
        if (path, message) in seen:
            continue
        seen.add((path, message))
        is_key = detail["type"] == "extra_forbidden"
        line, column = document.positions.key(path) if is_key else document.positions.value(path)
        where = describe_path(
            path[:-1] if is_key or detail["type"] == "missing" else path, document.data
        )
        problems.append(
            Problem(filename, line, column, f"{where}: {message}" if where else message)
        )
    return in_order(problems)


def _is_kind(part: str | int) -> bool:
    return isinstance(part, str) and part.startswith(_KIND_TAG)


def _message(
    model: type[pydantic.BaseModel],
    detail: ErrorDetails,
    path: tuple[str | int, ...],
    model_path: tuple[str | int, ...],
    *,
    with_hint: bool = True,
) -> str:
    """``path`` is where the author looks; ``model_path`` the same with the kinds of
    discriminated unions, which say which model validated it."""
    kind = detail["type"]
    value = detail["input"]
    ctx = detail.get("ctx", {})
    field = next((part for part in reversed(path) if isinstance(part, str)), "")
    if kind == "missing":
        return f"'{path[-1]}' is missing; {_required_hint(model, model_path[:-1])}"
    if kind == "extra_forbidden":
        allowed = _allowed_keys(model, model_path[:-1])
        hint = did_you_mean(path[-1], allowed) if with_hint else ""
        return f"unknown key '{path[-1]}'{hint}; allowed keys: {', '.join(allowed)}"
    if kind == "enum":
        noun = _ENUM_NOUN.get(field, field.rstrip("s") or "value")
        choices = [
            choice.strip(" '")
            for choice in str(ctx.get("expected", "")).replace(" or ", ", ").split(",")
        ]
        return (
            f"'{value}' is not an allowed {noun}"
            f"{did_you_mean(value, choices)}; allowed: {', '.join(choices)}"
        )
    if kind == "literal_error":
        return f"'{value}' is not supported; expected {ctx.get('expected')}"
    if kind in {"string_type"}:
        quote = "; put it in quotes" if isinstance(value, int | float | bool) else ""
        got = f"a {_kind(value)} ({_shown(value)})" if quote else _shown(value)
        return f"expected text, got {got}{quote}"
    if kind in {"int_type", "int_parsing", "int_from_float"}:
        return f"expected a whole number, got {_shown(value)}"
    if kind in {"float_type", "float_parsing"}:
        return f"expected a number, got {_shown(value)}"
    if kind in {"bool_type", "bool_parsing"}:
        return f"expected true or false, got {_shown(value)}"
    if kind in {"greater_than_equal", "greater_than"}:
        return f"{_shown(value)} is too small; it must be at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in {"less_than_equal", "less_than"}:
        return f"{_shown(value)} is too large; it must be at most {ctx.get('le', ctx.get('lt'))}"
    if kind == "string_pattern_mismatch":
        return _pattern_message(field, value)
    if kind == "string_too_short":
        return "must not be empty"
    if kind == "too_short":
        return f"needs at least {ctx.get('min_length', 1)} item(s)"
    if kind in {"tuple_type", "list_type"}:
        return f"expected a list such as [a, b], got {_shown(value)}"
    if kind in {"dict_type", "model_type", "model_attributes_type"}:
        return f"expected a mapping of keys to values, got {_shown(value)}"
    if kind == "value_error":
        return str(detail["msg"]).removeprefix("Value error, ")
    return str(detail["msg"])


def _shown(value: Any) -> str:
    if isinstance(value, dict | list | bool):
        return f"a {_kind(value)}" if not isinstance(value, bool) else str(value).lower()
    if value is None:
        return "an empty value"
    return (
        f"'{value}'"
        if isinstance(value, str)
        else str(value).lower()
        if isinstance(value, bool)
        else str(value)
    )


def _pattern_message(field: str, value: Any) -> str:
    if field == "leika":
        return f"'{value}' is not a LeiKa key; a LeiKa key has exactly 14 digits"
    if field == "authority":
        return (
            f"'{value}' is not an authority reference; use an authority id without spaces, "
            "optionally followed by '@origin' or '@event'"
        )
    if field in {"id", "region"}:
        return f"'{value}' is not a valid id here; use lower-case letters, digits and '-' only"
    return f"'{value}' is not a valid id; ids must not contain spaces"


def _allowed_keys(model: type[pydantic.BaseModel], path: Sequence[str | int]) -> list[str]:
    target = _model_at(model, path)
    return [] if target is None else list(_own_fields_first(target))


@functools.cache
def _own_fields_first(target: type[pydantic.BaseModel]) -> tuple[str, ...]:
    # A class's own fields first: shared ones (sources, verified) matter less to authors.
    # Once per model: a file with a hundred thousand unknown keys asks for each of them.
    own = inspect.get_annotations(target)
    return tuple(sorted(target.model_fields, key=lambda name: name not in own))


def _required_hint(model: type[pydantic.BaseModel], path: Sequence[str | int]) -> str:
    target = _model_at(model, path)
    if target is None:
        return "add it"
    required = [name for name, info in target.model_fields.items() if info.is_required()]
    return f"required keys here: {', '.join(required)}"


def _model_at(
    model: type[pydantic.BaseModel], path: Sequence[str | int]
) -> type[pydantic.BaseModel] | None:
    """The model class that validates the mapping at ``path``."""
    annotation: Any = model
    for part in path:
        if _is_kind(part):
            annotation = _tagged_member(annotation, str(part))
            continue
        model_class = _as_model(annotation)
        if model_class is not None and isinstance(part, str):
            if part not in model_class.model_fields:
                return None
            annotation = model_class.model_fields[part].annotation
            continue
        annotation = _element(annotation)
        if annotation is None:
            return None
    return _as_model(annotation)


def _tagged_member(annotation: Any, tag: str) -> Any:
    """The member of a discriminated union that carries ``pydantic.Tag(tag)``."""
    for member in _union_members(_unannotated(annotation)):
        if any(
            isinstance(meta, pydantic.Tag) and meta.tag == tag
            for meta in getattr(member, "__metadata__", ())
        ):
            return _unannotated(member)
    return None


def _unannotated(annotation: Any) -> Any:
    while typing.get_origin(annotation) is typing.Annotated:
        annotation = typing.get_args(annotation)[0]
    return annotation


def _as_model(annotation: Any) -> type[pydantic.BaseModel] | None:
    for candidate in (annotation, *_union_members(annotation)):
        if isinstance(candidate, type) and issubclass(candidate, pydantic.BaseModel):
            return candidate
    return None


def _union_members(annotation: Any) -> tuple[Any, ...]:
    if typing.get_origin(annotation) in (typing.Union, types.UnionType):
        return typing.get_args(annotation)
    return ()


def _element(annotation: Any) -> Any:
    """The type of one element of a list/tuple/dict annotation."""
    for candidate in (annotation, *_union_members(annotation)):
        origin = typing.get_origin(candidate)
        args = typing.get_args(candidate)
        if origin in (list, tuple, set, frozenset) and args:
            return args[0]
        if origin is dict and len(args) == 2:
            return args[1]
    return None
