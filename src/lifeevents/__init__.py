"""lifeevents: citizens' life events as graphs of administrative steps."""

from importlib.metadata import version as _version

__version__ = _version("lifeevents")
