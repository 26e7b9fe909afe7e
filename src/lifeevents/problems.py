"""Located problems in input files, and the exception that carries them.

>>> problem = Problem("umzug.yaml", 12, 5, "unknown channel 'onlne'")
>>> str(problem)
"umzug.yaml:12:5: unknown channel 'onlne'"
>>> str(Problem("umzug.yaml", 3, 1, "LeiKa key not in the catalogue", Severity.WARNING))
'umzug.yaml:3:1: warning: LeiKa key not in the catalogue'
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

__all__ = ["InputError", "Problem", "Severity"]


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about an input file, at a 1-based line and column."""

    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


class InputError(ValueError):
    """Invalid input: every problem found, each with FILE:LINE:COLUMN.

    >>> error = InputError([Problem("a.yaml", 1, 1, "empty file")])
    >>> print(error)
    a.yaml:1:1: empty file
    """

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        super().__init__("\n".join(str(problem) for problem in self.problems))
