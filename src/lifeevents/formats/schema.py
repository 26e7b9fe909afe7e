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


def journey_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a journey file."""
    schema = LifeEvent.model_json_schema()
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **schema,
    }


def journey_schema_json() -> str:
    """The schema as stable, pretty JSON text (ends with a newline)."""
    return json.dumps(journey_schema(), indent=2, ensure_ascii=False) + "\n"


def region_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a region file."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Region.model_json_schema(),
    }


def region_schema_json() -> str:
    return json.dumps(region_schema(), indent=2, ensure_ascii=False) + "\n"


def scenario_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of a scenario file.

    >>> scenario_schema()["properties"]["format"]["const"]
    'lifeevents-scenario/1'
    """
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        **Scenario.model_json_schema(),
    }


def scenario_schema_json() -> str:
    return json.dumps(scenario_schema(), indent=2, ensure_ascii=False) + "\n"
