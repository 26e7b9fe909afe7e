"""Where a model read from a file came from: its source map, for located errors found later.

A journey is checked again after loading (once a persona is applied, or a scenario
changes it); those problems should point into the file like the loader's do. The
loader attaches a :class:`SourceMap` to the model; any layer can then locate a
value by its path in the document.

Examples
--------
>>> class Fixed:
...     def value(self, path: tuple[str | int, ...]) -> tuple[int, int]:
...         return (7, 3)
>>> source = SourceMap("umzug.yaml", Fixed())
>>> str(source.problem(("steps", 0, "visit"), "cannot be one visit"))
'umzug.yaml:7:3: cannot be one visit'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from lifeevents.model.problems import Problem, Severity

__all__ = ["Locator", "SourceMap"]


class Locator(Protocol):
    """Anything that gives the line and column of a value by its path in a document.

    A path names a value the way the document nests it: mapping keys and list
    positions, such as ``("steps", 2, "requires")``. The YAML reader's
    :class:`~lifeevents.formats.yaml_reader.Positions` is one; a workbook reader
    gives the cell of a value.

    Examples
    --------
    >>> from lifeevents.formats.yaml_reader import read_yaml
    >>> locator: Locator = read_yaml("steps: [{id: a, after: [b]}]", "x.yaml").positions
    >>> locator.value(("steps", 0, "after", 0))
    (1, 25)
    """

    def value(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """Line and column (1-based) of the value at ``path``, or of its closest parent."""
        ...


@dataclass(frozen=True)
class SourceMap:
    """The file a model was read from and the position of every value in it.

    Parameters
    ----------
    filename : str
        The name the problems show (as given when loading).
    positions : Locator
        Positions of the document's values (the YAML reader's, or a workbook's).

    Examples
    --------
    Every loaded journey carries one; a check that runs later locates its problems
    with it:

    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> source = loads(DEMO_YAML, "umzug.yaml").source
    >>> source.location(("steps", 2, "requires"))
    (18, 39)
    >>> print(source.problem(("steps", 2, "requires"), "the Meldebestätigung is missing"))
    umzug.yaml:18:39: the Meldebestätigung is missing
    """

    filename: str
    positions: Locator

    def location(self, path: tuple[str | int, ...]) -> tuple[int, int]:
        """Line and column of the value at ``path``."""
        return self.positions.value(path)

    def problem(
        self, path: tuple[str | int, ...], message: str, severity: Severity = Severity.ERROR
    ) -> Problem:
        """A problem located at the value at ``path``."""
        line, column = self.location(path)
        return Problem(self.filename, line, column, message, severity)
