"""Every exception the lifeevents API raises, under one base class.

Catch :class:`LifeeventsError` to handle any of them. Each class also derives
from the built-in exception it refines (``ValueError``, ``RuntimeError``), so
existing ``except ValueError`` code keeps working. This module imports nothing
heavy, so the command line can name these classes without loading the engine;
each is also exported by the package (``lifeevents.InputError``).

Examples
--------
>>> from lifeevents.model.problems import Problem
>>> error = InputError([Problem("a.yaml", 1, 1, "empty file")])
>>> print(error)
a.yaml:1:1: empty file
>>> isinstance(error, LifeeventsError), isinstance(error, ValueError)
(True, True)
>>> issubclass(UnknownMunicipalityError, LifeeventsError)
True
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lifeevents.model.problems import Problem

__all__ = [
    "CapExceededError",
    "GraphvizError",
    "GraphvizNotFoundError",
    "InfeasibleGroupingError",
    "InputError",
    "LifeeventsError",
    "MissingExtraError",
    "OutsideOutputError",
    "ScenarioNotApplicableError",
    "SweepError",
    "UnknownMunicipalityError",
    "UnknownNameError",
    "UnsupportedFormatError",
    "VisitSearchBudgetError",
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


class InputError(LifeeventsError, ValueError):
    """Invalid input: every problem found, each with ``FILE:LINE:COLUMN``.

    ``problems`` holds the :class:`~lifeevents.model.problems.Problem` objects; the
    message is one problem per line.
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))


class CapExceededError(InputError):
    """Input that would need work beyond one of the caps of
    :mod:`lifeevents.model.limits`: located problems naming the cap."""


class UnknownNameError(LifeeventsError, LookupError):
    """A name the user gave that does not exist (exit code 2 on the command line)."""


class OutsideOutputError(LifeeventsError, ValueError):
    """A file would be written outside its output folder (e.g. through a symbolic link)."""


class ScenarioNotApplicableError(LifeeventsError, ValueError):
    """A scenario whose ``applies_to`` does not list the journey's life event (rule 5)."""


class VisitSearchBudgetError(LifeeventsError, ValueError):
    """The exact search for the fewest visits explored more states than its budget allows."""


class InfeasibleGroupingError(LifeeventsError, ValueError):
    """A grouping breaks rule 5; for the modelled one the spec calls that an input error."""

    def __init__(self, problems: Sequence[str]) -> None:
        self.problems: tuple[str, ...] = tuple(problems)
        super().__init__("; ".join(self.problems))


class MissingExtraError(LifeeventsError, ImportError):
    """An optional extra (such as ``lifeevents[observed]``) is not installed."""


class SweepError(LifeeventsError, ValueError):
    """A sweep asked for something that does not exist or cannot be combined."""
