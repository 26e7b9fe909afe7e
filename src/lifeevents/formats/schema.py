"""JSON Schema of the journey format, generated from the model.

Editors that speak the YAML language server protocol validate and complete
journey files when the file starts with::

    # yaml-language-server: $schema=journey.schema.json

>>> schema = journey_schema()
>>> schema["properties"]["format"]["const"]
'lifeevents/1'
"""

from __future__ import annotations

import json
import re
from typing import Any

from lifeevents.model.life_event import LifeEvent
from lifeevents.model.region import Region
from lifeevents.model.scenario import Scenario

__all__ = [
    "journey_schema",
    "journey_schema_json",
    "region_schema",
    "region_schema_json",
    "scenario_schema",
    "scenario_schema_json",
]

# pydantic turns each model's class docstring into its schema description. Editors show
# that to people writing YAML: the summary and description, not the numpydoc sections
# (Attributes, Examples) written for Python readers.
_SECTIONS = re.compile(r"\n\n(?:Parameters|Attributes|Examples|See Also|Notes)\n-+\n")


def _for_editors(schema: dict[str, Any]) -> dict[str, Any]:
    """``schema`` with each model's description cut before its first numpydoc section."""
    for part in (schema, *schema.get("$defs", {}).values()):
        description = part.get("description")
        if isinstance(description, str):
            part["description"] = _SECTIONS.split(description, maxsplit=1)[0]
    return schema


def journey_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a journey file.

    Generated from :class:`~lifeevents.model.life_event.LifeEvent`, so it checks
    what the model checks of single values (keys, types, ranges, id syntax); the
    references between parts are checked by the loaders (:func:`lifeevents.check`).

    Returns
    -------
    dict
        The schema as plain data.

    Examples
    --------
    >>> schema = journey_schema()
    >>> schema["title"], schema["required"]
    ('lifeevents journey file', ['format', 'life_event', 'steps'])
    >>> schema["$defs"]["Step"]["required"]
    ['id', 'name', 'authority', 'channels']

    A model's description is its docstring up to the first section, without the
    examples written for Python readers:

    >>> schema["$defs"]["Step"]["description"]
    'One thing the citizen (or an authority for them) does.'
    """
    schema = _for_editors(LifeEvent.model_json_schema())
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def journey_schema_json() -> str:
    """The schema as stable, pretty JSON text (ends with a newline).

    What ``lifeevents schema`` prints; save it as ``journey.schema.json`` for an
    editor.

    Returns
    -------
    str
        :func:`journey_schema` as JSON, indented by two spaces, umlauts kept.

    Examples
    --------
    >>> import json
    >>> text = journey_schema_json()
    >>> json.loads(text) == journey_schema(), text.endswith("}\\n")
    (True, True)
    """
    return json.dumps(journey_schema(), indent=2, ensure_ascii=False) + "\n"


def region_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a region file.

    Returns
    -------
    dict
        The schema of ``lifeevents-region/1``, generated from
        :class:`~lifeevents.model.region.Region`.

    Examples
    --------
    >>> schema = region_schema()
    >>> schema["properties"]["format"]["const"], schema["required"]
    ('lifeevents-region/1', ['format', 'region', 'municipalities'])
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_for_editors(Region.model_json_schema()),
    }


def region_schema_json() -> str:
    """The region schema as stable, pretty JSON text (``lifeevents schema --region``).

    Returns
    -------
    str
        :func:`region_schema` as JSON, indented by two spaces, ending with a newline.

    Examples
    --------
    >>> import json
    >>> json.loads(region_schema_json())["title"]
    'lifeevents region file'
    """
    return json.dumps(region_schema(), indent=2, ensure_ascii=False) + "\n"


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file.

    Returns
    -------
    dict
        The schema of ``lifeevents-scenario/1``, generated from
        :class:`~lifeevents.model.scenario.Scenario`.

    Examples
    --------
    >>> schema = scenario_schema()
    >>> schema["properties"]["format"]["const"], schema["required"]
    ('lifeevents-scenario/1', ['format', 'id', 'name'])
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **_for_editors(Scenario.model_json_schema()),
    }


def scenario_schema_json() -> str:
    """The scenario schema as stable, pretty JSON text (``lifeevents schema --scenario``).

    Returns
    -------
    str
        :func:`scenario_schema` as JSON, indented by two spaces, ending with a newline.

    Examples
    --------
    >>> import json
    >>> json.loads(scenario_schema_json())["title"]
    'lifeevents scenario file'
    """
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
