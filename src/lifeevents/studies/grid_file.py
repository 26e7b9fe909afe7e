"""Reading a persona grid file (``lifeevents-persona-grid/1``) into checked plain data.

:func:`lifeevents.studies.persona_grid.loads_persona_grid` builds the grid from it.
Every problem is located in the file; all are reported together.

>>> dimensions, fits = parse_grid(
...     "format: lifeevents-persona-grid/1\\n"
...     "dimensions:\\n"
...     "  - id: kanal\\n"
...     "    levels:\\n"
...     "      - {id: digital, share: 0.5, prefer: [online, in_person]}\\n"
...     "      - {id: schalter, share: 0.5, prefer: [in_person]}\\n"
...     "life_events:\\n"
...     "  todesfall: {follow: {spouse: married}}\\n", "g.yaml")
>>> [level["id"] for level in dimensions[0]["levels"]], fits
(['digital', 'schalter'], {'todesfall': ({}, {'spouse': 'married'})})
"""

from __future__ import annotations

import math
from typing import Any

from lifeevents.errors import InputError
from lifeevents.model.problems import Problem
from lifeevents.model.vocabulary import Channel

__all__ = ["MAX_PERSONAS", "parse_grid"]

_FORMAT = "lifeevents-persona-grid/1"
#: At most this many personas: every one is analysed for every municipality.
MAX_PERSONAS = 4096
_TOLERANCE = 1e-6
_DIMENSION_KEYS = {"id", "name", "levels", "source", "url", "verified", "note"}
_LEVEL_KEYS = {"id", "name", "share", "attributes", "prefer"}
_CHANNELS = [channel.value for channel in Channel]


def parse_grid(
    text: str | bytes, filename: str
) -> tuple[list[dict[str, Any]], dict[str, tuple[dict[str, Any], dict[str, str]]]]:
    """The dimensions (with their levels) and the journeys' fits of a grid file.

    Parameters
    ----------
    text : str or bytes
        The YAML text.
    filename : str
        The file as problems name it.

    Returns
    -------
    tuple
        The dimensions as dicts (``id, name, levels, source, url, verified, note``;
        each level ``id, name, share, attributes, prefer``), and per journey id its
        fixed attributes and its ``follow`` mapping.

    Raises
    ------
    lifeevents.errors.InputError
        Every problem of the file, located.

    Examples
    --------
    >>> parse_grid("format: lifeevents-persona-grid/1\\ndimensions: []\\n", "g.yaml")
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: g.yaml:2:13: 'dimensions' is a non-empty list of \
{id, levels}
    """
    from lifeevents.formats.yaml_reader import read_yaml

    document = read_yaml(text, filename)
    data = document.data
    problems: list[Problem] = []

    def problem(path: tuple[str | int, ...], message: str) -> None:
        line, column = document.positions.value(path)
        problems.append(Problem(filename, line, column, message))

    if not isinstance(data, dict) or data.get("format") != _FORMAT:
        problem(("format",), f"a persona grid file starts with 'format: {_FORMAT}'")
        raise InputError(problems)
    for key in data:
        if key not in ("format", "dimensions", "life_events"):
            problem((key,), f"unknown key '{key}'; keys: format, dimensions, life_events")
    items = data.get("dimensions")
    if not isinstance(items, list) or not items:
        problem(("dimensions",), "'dimensions' is a non-empty list of {id, levels}")
        raise InputError(problems)
    dimensions = [
        _dimension(item, ("dimensions", index), problem) for index, item in enumerate(items)
    ]
    ids = [dimension["id"] for dimension in dimensions]
    for index, name in enumerate(ids):
        if name in ids[:index]:
            problem(("dimensions", index, "id"), f"dimension '{name}' is given twice")
    count = math.prod(len(dimension["levels"]) or 1 for dimension in dimensions)
    if count > MAX_PERSONAS:
        problem(("dimensions",), f"{count:,} combinations; a grid has at most {MAX_PERSONAS:,}")
    fits = _fits(data.get("life_events", {}), problem)
    if problems:
        raise InputError(problems)
    return dimensions, fits


def _dimension(item: Any, path: tuple[str | int, ...], problem: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        problem(path, "each dimension is a mapping with 'id' and 'levels'")
        return {"id": "", "levels": []}
    for key in item:
        if key not in _DIMENSION_KEYS:
            problem(
                (*path, key), f"unknown key '{key}'; keys: {', '.join(sorted(_DIMENSION_KEYS))}"
            )
    name = _ident(item.get("id"), (*path, "id"), problem)
    levels_data = item.get("levels")
    if not isinstance(levels_data, list) or len(levels_data) < 2:
        problem((*path, "levels"), f"dimension '{name}' needs a list of at least two levels")
        levels_data = []
    levels = [_level(level, (*path, "levels", i), problem) for i, level in enumerate(levels_data)]
    ids = [level["id"] for level in levels]
    for index, level_id in enumerate(ids):
        if level_id in ids[:index]:
            problem((*path, "levels", index, "id"), f"level '{level_id}' is given twice")
    shares = [level["share"] for level in levels]
    if any(share is not None for share in shares):
        if any(share is None for share in shares):
            problem((*path, "levels"), f"give every level of '{name}' a share, or none")
        elif abs(sum(shares) - 1) > _TOLERANCE:
            problem(path, f"the shares of dimension '{name}' sum to {sum(shares):g}, not 1")
    verified = item.get("verified", False)
    if not isinstance(verified, bool):
        problem((*path, "verified"), "verified is true or false")
    return {
        "id": name,
        "name": _text(item.get("name", name), (*path, "name"), problem),
        "levels": levels,
        "source": _text(item.get("source", ""), (*path, "source"), problem),
        "url": _text(item.get("url", ""), (*path, "url"), problem),
        "verified": verified is True,
        "note": _text(item.get("note", ""), (*path, "note"), problem),
    }


def _level(item: Any, path: tuple[str | int, ...], problem: Any) -> dict[str, Any]:
    if not isinstance(item, dict):
        problem(path, "each level is a mapping with 'id' (and share, attributes, prefer)")
        return {"id": "", "name": "", "share": None, "attributes": {}, "prefer": ()}
    for key in item:
        if key not in _LEVEL_KEYS:
            problem((*path, key), f"unknown key '{key}'; keys: {', '.join(sorted(_LEVEL_KEYS))}")
    name = _ident(item.get("id"), (*path, "id"), problem)
    if "_" in name:
        problem((*path, "id"), f"level id '{name}' may not hold '_' (it joins persona ids)")
    share = item.get("share")
    if share is not None and (
        isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1
    ):
        problem((*path, "share"), f"share is a number from 0 to 1, not {share!r}")
        share = None
    return {
        "id": name,
        "name": _text(item.get("name", name), (*path, "name"), problem),
        "share": None if share is None else float(share),
        "attributes": _attributes(item.get("attributes", {}), (*path, "attributes"), problem),
        "prefer": _prefer(item.get("prefer", []), (*path, "prefer"), problem),
    }


def _fits(data: Any, problem: Any) -> dict[str, tuple[dict[str, Any], dict[str, str]]]:
    if not isinstance(data, dict):
        problem(("life_events",), "'life_events' maps journey ids to {attributes, follow}")
        return {}
    fits = {}
    for key, value in data.items():
        path: tuple[str | int, ...] = ("life_events", key)
        value = value or {}
        if not isinstance(value, dict) or set(value) - {"attributes", "follow"}:
            problem(path, f"'{key}' is a mapping with 'attributes' and/or 'follow'")
            continue
        follow = value.get("follow", {})
        if not isinstance(follow, dict) or not all(
            isinstance(k, str) and isinstance(v, str) for k, v in follow.items()
        ):
            problem((*path, "follow"), "follow maps a journey attribute to a grid attribute")
            follow = {}
        fits[str(key)] = (
            _attributes(value.get("attributes", {}), (*path, "attributes"), problem),
            follow,
        )
    return fits


def _ident(value: Any, path: tuple[str | int, ...], problem: Any) -> str:
    if not isinstance(value, str) or not value or any(c.isspace() for c in value):
        problem(path, f"an id is text without spaces, not {value!r}")
        return ""
    return value


def _text(value: Any, path: tuple[str | int, ...], problem: Any) -> str:
    if not isinstance(value, str):
        problem(path, f"text expected, not {value!r}")
        return ""
    return value


def _attributes(value: Any, path: tuple[str | int, ...], problem: Any) -> dict[str, Any]:
    if not isinstance(value, dict) or not all(
        isinstance(key, str) and isinstance(item, bool | int | float | str)
        for key, item in value.items()
    ):
        problem(path, "attributes map names to true/false, numbers or text")
        return {}
    return dict(value)


def _prefer(value: Any, path: tuple[str | int, ...], problem: Any) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(item in _CHANNELS for item in value):
        problem(path, f"prefer is a list of channels: {', '.join(_CHANNELS)}")
        return ()
    return tuple(value)
