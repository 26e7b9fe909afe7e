"""lifeevents: citizens' life events as graphs of administrative steps.

>>> import lifeevents
>>> life_event = lifeevents.load("geburt")
>>> trip = lifeevents.journey(life_event, "unverheiratet-schalter", municipality="rheine")
>>> report = lifeevents.analyze(trip)
>>> report.visits.minimum <= report.visits.as_modelled
True

The names below are imported on first use (PEP 562), so that ``import
lifeevents`` and the command line start fast: the command line needs pydantic,
networkx and the renderers only for the commands that use them.
"""

from __future__ import annotations

import sys
import types
from typing import TYPE_CHECKING

from lifeevents.lazy import lazy_exports

if TYPE_CHECKING:
    from lifeevents.analysis.report import Report, analyze
    from lifeevents.analysis.validation import validate
    from lifeevents.formats.journey_file import check, load, loads
    from lifeevents.formats.region_file import load_region
    from lifeevents.formats.scenario_file import load_scenario
    from lifeevents.formats.writer import dump, dumps
    from lifeevents.graph.journey import Journey, journey
    from lifeevents.model.life_event import LifeEvent
    from lifeevents.model.problems import InputError, Problem
    from lifeevents.model.region import Region
    from lifeevents.model.scenario import Scenario
    from lifeevents.scenarios import apply
    from lifeevents.views.api import render
    from lifeevents.views.options import Highlight, RenderOptions, View

__all__ = [
    "Highlight",
    "InputError",
    "Journey",
    "LifeEvent",
    "Problem",
    "Region",
    "RenderOptions",
    "Report",
    "Scenario",
    "View",
    "__version__",
    "analyze",
    "apply",
    "check",
    "dump",
    "dumps",
    "journey",
    "load",
    "load_region",
    "load_scenario",
    "loads",
    "render",
    "validate",
]

# Where each public name lives.
_HOMES = {
    "Highlight": "lifeevents.views.options",
    "InputError": "lifeevents.model.problems",
    "Journey": "lifeevents.graph.journey",
    "LifeEvent": "lifeevents.model.life_event",
    "Problem": "lifeevents.model.problems",
    "Region": "lifeevents.model.region",
    "RenderOptions": "lifeevents.views.options",
    "Report": "lifeevents.analysis.report",
    "Scenario": "lifeevents.model.scenario",
    "apply": "lifeevents.scenarios",
    "load_scenario": "lifeevents.formats.scenario_file",
    "View": "lifeevents.views.options",
    "analyze": "lifeevents.analysis.report",
    "check": "lifeevents.formats.journey_file",
    "dump": "lifeevents.formats.writer",
    "dumps": "lifeevents.formats.writer",
    "journey": "lifeevents.graph.journey",
    "load": "lifeevents.formats.journey_file",
    "load_region": "lifeevents.formats.region_file",
    "loads": "lifeevents.formats.journey_file",
    "render": "lifeevents.views.api",
    "validate": "lifeevents.analysis.validation",
    "__version__": "lifeevents.version",
}


__getattr__, __dir__ = lazy_exports(sys.modules[__name__], _HOMES)


class _Package(types.ModuleType):
    """Keeps ``lifeevents.graph.journey`` and ``lifeevents.views`` the public functions.

    Importing the submodule of the same name would otherwise replace the function
    on the package. This goes once no public name equals a module name.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in {"journey", "render"} and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
