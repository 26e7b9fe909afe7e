"""lifeevents: citizens' life events as graphs of administrative steps.

>>> import lifeevents
>>> life_event = lifeevents.load("geburt")
>>> report = lifeevents.analyze(lifeevents.journey(life_event, "unverheiratet-schalter", "rheine"))
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
    from lifeevents.journey import Journey, journey
    from lifeevents.loader import check, load, loads
    from lifeevents.model import LifeEvent
    from lifeevents.problems import InputError, Problem
    from lifeevents.region import Region
    from lifeevents.region_loader import load_region
    from lifeevents.render.api import render
    from lifeevents.render.options import Highlight, RenderOptions, View
    from lifeevents.scenario import Scenario
    from lifeevents.scenario_loader import load_scenario
    from lifeevents.scenarios import apply
    from lifeevents.studies.sweeps import sweep
    from lifeevents.validation import validate
    from lifeevents.writer import dump, dumps

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
    "sweep",
    "validate",
]

# Where each public name lives.
_HOMES = {
    "Highlight": "lifeevents.render.options",
    "InputError": "lifeevents.problems",
    "Journey": "lifeevents.journey",
    "LifeEvent": "lifeevents.model",
    "Problem": "lifeevents.problems",
    "Region": "lifeevents.region",
    "RenderOptions": "lifeevents.render.options",
    "Report": "lifeevents.analysis.report",
    "Scenario": "lifeevents.scenario",
    "apply": "lifeevents.scenarios",
    "load_scenario": "lifeevents.scenario_loader",
    "View": "lifeevents.render.options",
    "analyze": "lifeevents.analysis.report",
    "check": "lifeevents.loader",
    "dump": "lifeevents.writer",
    "dumps": "lifeevents.writer",
    "journey": "lifeevents.journey",
    "load": "lifeevents.loader",
    "load_region": "lifeevents.region_loader",
    "loads": "lifeevents.loader",
    "render": "lifeevents.render.api",
    "sweep": "lifeevents.studies.sweeps",
    "validate": "lifeevents.validation",
    "__version__": "lifeevents.version",
}


__getattr__, __dir__ = lazy_exports(sys.modules[__name__], _HOMES)


class _Package(types.ModuleType):
    """Keeps ``lifeevents.journey`` and ``lifeevents.render`` the public functions.

    Importing the submodule of the same name would otherwise replace the function
    on the package. This goes once no public name equals a module name.
    """

    def __setattr__(self, name: str, value: object) -> None:
        if name in {"journey", "render"} and isinstance(value, types.ModuleType):
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
