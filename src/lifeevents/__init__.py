"""lifeevents: citizens' life events as graphs of administrative steps.

>>> import lifeevents
>>> life_event = lifeevents.load("geburt")
>>> trip = lifeevents.journey(life_event, "unverheiratet-schalter", municipality="rheine")
>>> report = lifeevents.analyze(trip)
>>> report.visits.minimum <= report.visits.as_modelled
True

The names below are imported on first use (PEP 562), so that ``import
lifeevents`` and the command line start fast: the command line needs pydantic,
networkx and the renderers only for the commands that use them. No name here
equals the name of a module, so ``lifeevents.journey`` is always the function.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from lifeevents.lazy import lazy_exports

if TYPE_CHECKING:
    from lifeevents.analysis.report import Report, analyze
    from lifeevents.analysis.validation import validate
    from lifeevents.errors import (
        CapExceededError,
        GraphvizError,
        GraphvizNotFoundError,
        InfeasibleGroupingError,
        InputError,
        LifeeventsError,
        MissingExtraError,
        OutsideOutputError,
        ScenarioNotApplicableError,
        SweepError,
        UnknownFileError,
        UnknownMunicipalityError,
        UnknownNameError,
        UnknownPersonaError,
        UnsupportedFormatError,
        VisitSearchBudgetError,
        WorkbookCellError,
    )
    from lifeevents.formats.journey_file import check, load, loads
    from lifeevents.formats.region_file import load_region
    from lifeevents.formats.scenario_file import load_scenario
    from lifeevents.formats.writer import dump, dumps
    from lifeevents.graph.journey import Journey, journey
    from lifeevents.model.life_event import LifeEvent
    from lifeevents.model.problems import Problem
    from lifeevents.model.region import Region
    from lifeevents.model.scenario import Scenario
    from lifeevents.scenarios import apply
    from lifeevents.studies.sweeps import sweep
    from lifeevents.views.api import render, save
    from lifeevents.views.options import Highlight, RenderOptions, View

__all__ = [
    "CapExceededError",
    "GraphvizError",
    "GraphvizNotFoundError",
    "Highlight",
    "InfeasibleGroupingError",
    "InputError",
    "Journey",
    "LifeEvent",
    "LifeeventsError",
    "MissingExtraError",
    "OutsideOutputError",
    "Problem",
    "Region",
    "RenderOptions",
    "Report",
    "Scenario",
    "ScenarioNotApplicableError",
    "SweepError",
    "UnknownFileError",
    "UnknownMunicipalityError",
    "UnknownNameError",
    "UnknownPersonaError",
    "UnsupportedFormatError",
    "View",
    "VisitSearchBudgetError",
    "WorkbookCellError",
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
    "save",
    "sweep",
    "validate",
]

# Where each public name lives.
_HOMES = {
    "CapExceededError": "lifeevents.errors",
    "GraphvizError": "lifeevents.errors",
    "GraphvizNotFoundError": "lifeevents.errors",
    "Highlight": "lifeevents.views.options",
    "InfeasibleGroupingError": "lifeevents.errors",
    "InputError": "lifeevents.errors",
    "Journey": "lifeevents.graph.journey",
    "LifeEvent": "lifeevents.model.life_event",
    "LifeeventsError": "lifeevents.errors",
    "MissingExtraError": "lifeevents.errors",
    "OutsideOutputError": "lifeevents.errors",
    "Problem": "lifeevents.model.problems",
    "Region": "lifeevents.model.region",
    "RenderOptions": "lifeevents.views.options",
    "Report": "lifeevents.analysis.report",
    "Scenario": "lifeevents.model.scenario",
    "ScenarioNotApplicableError": "lifeevents.errors",
    "SweepError": "lifeevents.errors",
    "UnknownFileError": "lifeevents.errors",
    "UnknownMunicipalityError": "lifeevents.errors",
    "UnknownPersonaError": "lifeevents.errors",
    "UnknownNameError": "lifeevents.errors",
    "UnsupportedFormatError": "lifeevents.errors",
    "View": "lifeevents.views.options",
    "VisitSearchBudgetError": "lifeevents.errors",
    "WorkbookCellError": "lifeevents.errors",
    "__version__": "lifeevents.version",
    "analyze": "lifeevents.analysis.report",
    "apply": "lifeevents.scenarios",
    "check": "lifeevents.formats.journey_file",
    "dump": "lifeevents.formats.writer",
    "dumps": "lifeevents.formats.writer",
    "journey": "lifeevents.graph.journey",
    "load": "lifeevents.formats.journey_file",
    "load_region": "lifeevents.formats.region_file",
    "load_scenario": "lifeevents.formats.scenario_file",
    "loads": "lifeevents.formats.journey_file",
    "render": "lifeevents.views.api",
    "save": "lifeevents.views.api",
    "sweep": "lifeevents.studies.sweeps",
    "validate": "lifeevents.analysis.validation",
}


__getattr__, __dir__ = lazy_exports(sys.modules[__name__], _HOMES)
