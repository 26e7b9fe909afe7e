"""Write a journey model back to YAML: stable key order, defaults left out.

``loads(dumps(x)) == x`` for every valid journey ``x``.

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> umzug = loads(DEMO_YAML)
>>> text = dumps(umzug)
>>> loads(text) == umzug
True
>>> print(text[text.index("- id: rundfunk") :], end="")
- id: rundfunk
  name: Rundfunkbeitrag ummelden
  authority: beitrag
  stage: danach
  channels:
  - online
  after:
  - anmelden
"""

from __future__ import annotations

import inspect
import os
from typing import Any

import pydantic
import yaml

from lifeevents.formats.atomic import write_atomic
from lifeevents.formats.yaml_reader import resolve_plain
from lifeevents.model.life_event import LifeEvent

__all__ = ["dump", "dumps", "to_data"]


def to_data(model: pydantic.BaseModel) -> dict[str, Any]:
    """Plain data of a model: JSON types only, default values left out, own keys first.

    "Own keys first": a class's own fields come before those it inherits (such as
    ``sources`` and ``verified``), as authors write them.

    Parameters
    ----------
    model : pydantic.BaseModel
        Any part of a journey, region or scenario model.

    Returns
    -------
    dict
        The data, ready for YAML or JSON.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> to_data(loads(DEMO_YAML).step("gebuehr"))  # doctest: +NORMALIZE_WHITESPACE
    {'id': 'gebuehr', 'name': 'Gebühr zahlen', 'authority': 'kasse', 'stage': 'ummelden',
     'channels': ['in_person'], 'after': ['anmelden']}
    """
    data: dict[str, Any] = model.model_dump(mode="json", exclude_defaults=True)
    return _own_keys_first(type(model), data, model)


def _own_keys_first(
    cls: type[pydantic.BaseModel], data: dict[str, Any], model: pydantic.BaseModel
) -> dict[str, Any]:
    own = inspect.get_annotations(cls)
    ordered = dict(sorted(data.items(), key=lambda item: item[0] not in own))
    for key, value in ordered.items():
        child = getattr(model, key)
        if isinstance(child, pydantic.BaseModel):
            ordered[key] = _own_keys_first(type(child), value, child)
        elif isinstance(child, tuple | list):
            ordered[key] = [
                _own_keys_first(type(item), sub, item)
                if isinstance(item, pydantic.BaseModel)
                else sub
                for item, sub in zip(child, value, strict=True)
            ]
        elif isinstance(child, dict):
            ordered[key] = {
                name: _own_keys_first(type(item), value[name], item)
                if isinstance(item, pydantic.BaseModel)
                else value[name]
                for name, item in child.items()
            }
    return ordered


class _Dumper(yaml.SafeDumper):
    """Quotes every string that our YAML 1.2 reader would not read back as text."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = "'" if resolve_plain(value) != value else None
    if not value.isprintable():
        style = '"'  # escapes keep line breaks and control characters exact
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Dumper.add_representer(str, _represent_text)


def dumps(life_event: LifeEvent) -> str:
    """The journey as YAML text (UTF-8 safe, umlauts kept, no YAML tags).

    Keys come in the order of the format, values equal to their defaults are left
    out, and every text that would read back as something else (a number, a
    boolean) is quoted, so that ``loads(dumps(x)) == x``.

    Parameters
    ----------
    life_event : LifeEvent
        The journey.

    Returns
    -------
    str
        A journey file (``format: lifeevents/1``).

    See Also
    --------
    dump : write it to a file.

    Examples
    --------
    A LeiKa key is text of digits; written plain, it would read back as a number:

    >>> from lifeevents.formats.journey_file import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> keyed = loads(DEMO_YAML.replace("emotion: -1", "leika: '99115005104001', emotion: -1"))
    >>> [line for line in dumps(keyed).splitlines() if "leika" in line]
    ["  leika: '99115005104001'"]
    """
    return yaml.dump(
        to_data(life_event),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=100,
        default_flow_style=False,
    )


def dump(life_event: LifeEvent, path: str | os.PathLike[str]) -> None:
    """Write the journey to ``path`` atomically.

    Parameters
    ----------
    life_event : LifeEvent
        The journey.
    path : str or os.PathLike
        The file to write (UTF-8); an error never leaves it half-written.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from lifeevents.formats.journey_file import load, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> umzug = loads(DEMO_YAML)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     dump(umzug, pathlib.Path(folder) / "umzug.yaml")
    ...     load(pathlib.Path(folder) / "umzug.yaml") == umzug
    True
    """
    write_atomic(path, dumps(life_event))
