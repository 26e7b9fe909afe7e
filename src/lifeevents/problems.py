"""Located problems in input files, and the exception that carries them.

>>> problem = Problem("umzug.yaml", 12, 5, "unknown channel 'onlne'")
>>> str(problem)
"umzug.yaml:12:5: unknown channel 'onlne'"
>>> str(Problem("umzug.yaml", 3, 1, "LeiKa key not in the catalogue", Severity.WARNING))
'umzug.yaml:3:1: warning: LeiKa key not in the catalogue'
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Generic, TypeVar

__all__ = ["CheckResult", "InputError", "Problem", "Severity", "read_checked", "valid_model"]

ModelT = TypeVar("ModelT")


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


@dataclass(frozen=True)
class CheckResult(Generic[ModelT]):
    """The outcome of checking one file: the model when valid, and every problem."""

    filename: str
    model: ModelT | None
    problems: tuple[Problem, ...] = field(default=())

    @property
    def errors(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if problem.is_error)

    @property
    def warnings(self) -> tuple[Problem, ...]:
        return tuple(problem for problem in self.problems if not problem.is_error)

    @property
    def ok(self) -> bool:
        return not self.errors


def read_checked(
    path: str | os.PathLike[str],
    check_document: Callable[[str | bytes, str], CheckResult[ModelT]],
) -> CheckResult[ModelT]:
    """Read a file and check it; a file that cannot be read is a problem, not an exception."""
    filename = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return CheckResult(filename, None, (Problem(filename, 1, 1, f"cannot read: {reason}"),))
    return check_document(raw, filename)


def valid_model(result: CheckResult[ModelT]) -> ModelT:
    """The model of a check, or :class:`InputError` with every error."""
    if result.model is None or any(problem.is_error for problem in result.problems):
        raise InputError(problem for problem in result.problems if problem.is_error)
    return result.model
