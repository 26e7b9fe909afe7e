"""Every exception the lifeevents API raises, under one base class.

Catch :class:`LifeeventsError` to handle any of them. Each class also derives
from the built-in exception it refines (``ValueError``, ``RuntimeError``), so
existing ``except ValueError`` code keeps working. This module imports nothing
heavy, so the command line can name these classes without loading the engine.

>>> issubclass(UnknownMunicipalityError, LifeeventsError)
True
"""

from __future__ import annotations

__all__ = [
    "GraphvizError",
    "GraphvizNotFoundError",
    "LifeeventsError",
    "UnknownMunicipalityError",
    "UnsupportedFormatError",
]

GRAPHVIZ_INSTALL_HINT = (
    "Graphviz's 'dot' program was not found. Install Graphviz, e.g. "
    "'sudo apt-get install graphviz' (Debian/Ubuntu), 'brew install graphviz' (macOS), "
    "or run 'make setup' in the lifeevents repository."
)


class LifeeventsError(Exception):
    """The base class of every exception raised by lifeevents."""


class UnknownMunicipalityError(LifeeventsError, ValueError):
    """A municipality the journey's region does not have (or none given where one is needed)."""


class UnsupportedFormatError(LifeeventsError, ValueError):
    """A format (or file suffix) the chosen view cannot be written in."""


class GraphvizNotFoundError(LifeeventsError, RuntimeError):
    """The Graphviz ``dot`` program is not installed (or not on ``PATH``)."""

    def __init__(self, message: str = GRAPHVIZ_INSTALL_HINT) -> None:
        super().__init__(message)


class GraphvizError(LifeeventsError, RuntimeError):
    """Graphviz failed: bad DOT text, a crash, or the time limit ran out."""
