"""lifeevents: citizens' life events as graphs of administrative steps.

>>> import lifeevents
>>> life_event = lifeevents.load("geburt")
>>> report = lifeevents.analyze(lifeevents.journey(life_event, "unverheiratet-schalter", "rheine"))
>>> report.visits.minimum <= report.visits.as_modelled
True
"""

from importlib.metadata import version as _version

from lifeevents import render as _render  # registers the Jupyter display of journeys and reports
from lifeevents.analysis.report import Report, analyze
from lifeevents.journey import Journey, journey
from lifeevents.loader import check, load, loads
from lifeevents.model import LifeEvent
from lifeevents.problems import InputError, Problem
from lifeevents.region import Region
from lifeevents.region_loader import load_region
from lifeevents.render.api import render
from lifeevents.render.options import Highlight, RenderOptions, View
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
    "View",
    "__version__",
    "analyze",
    "check",
    "dump",
    "dumps",
    "journey",
    "load",
    "load_region",
    "loads",
    "render",
    "validate",
]

__version__ = _version("lifeevents")
del _render
