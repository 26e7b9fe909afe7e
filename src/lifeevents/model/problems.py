"""Located problems in input files, and the exception that carries them.

>>> problem = Problem("umzug.yaml", 12, 5, "unknown channel 'onlne'")
>>> str(problem)
"umzug.yaml:12:5: unknown channel 'onlne'"
>>> str(Problem("umzug.yaml", 3, 1, "LeiKa key not in the catalogue", Severity.WARNING))
'umzug.yaml:3:1: warning: LeiKa key not in the catalogue'
>>> str(Problem("umzug.xlsx", 7, 3, "unknown channel 'vor ort'", where="Schritte!C7"))
"umzug.xlsx: Schritte!C7: unknown channel 'vor ort'"
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from enum import StrEnum
from operator import attrgetter
from typing import Generic, TypeVar

from lifeevents.errors import InputError

__all__ = [
    "PROBLEM_LIMIT",
    "CheckResult",
    "Problem",
    "Severity",
    "capped",
    "in_order",
    "valid_model",
]

ModelT = TypeVar("ModelT")


class Severity(StrEnum):
    """How bad a problem is: an error makes the file invalid, a warning does not.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import check_text
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> result = check_text(DEMO_YAML.replace("when: {has_car", "when: {has_bike"))
    >>> [problem.severity for problem in result.problems], result.ok
    ([<Severity.WARNING: 'warning'>], True)
    """

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, order=True)
class Problem:
    """One finding about an input file, at a 1-based line and column.

    Problems sort by file, line and column, so a list of them reads top to bottom;
    ``str()`` gives the ``FILE:LINE:COLUMN: message`` line editors can jump to.

    Attributes
    ----------
    file : str
        The file name as given when reading.
    line, column : int
        Where the problem is, counted from 1.
    message : str
        What is wrong and, where possible, what to do.
    severity : Severity
        An error (the default) or a warning.
    where : str
        A place other than line and column, shown instead of them (a spreadsheet
        cell); empty by default.

    Examples
    --------
    >>> problem = Problem("umzug.yaml", 12, 5, "unknown channel 'onlne'")
    >>> print(problem)
    umzug.yaml:12:5: unknown channel 'onlne'
    >>> problem.is_error
    True
    >>> later = Problem("umzug.yaml", 3, 1, "unused evidence", Severity.WARNING)
    >>> [str(found) for found in sorted([problem, later])]
    ['umzug.yaml:3:1: warning: unused evidence', "umzug.yaml:12:5: unknown channel 'onlne'"]
    """

    file: str
    line: int
    column: int
    message: str
    severity: Severity = Severity.ERROR
    #: A place other than line and column, shown instead of them: a spreadsheet cell
    #: such as ``Schritte!C7`` (``line`` and ``column`` then give the row and column).
    where: str = ""

    def __str__(self) -> str:
        prefix = "warning: " if self.severity is Severity.WARNING else ""
        if self.where:
            return f"{self.file}: {self.where}: {prefix}{self.message}"
        return f"{self.file}:{self.line}:{self.column}: {prefix}{self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR


@dataclass(frozen=True)
class CheckResult(Generic[ModelT]):
    """The outcome of checking one file: the model when valid, and every problem.

    The ``check`` functions return one instead of raising, so that a tool can list
    the problems of many files; :func:`valid_model` turns it into the model or an
    :class:`~lifeevents.errors.InputError`.

    Attributes
    ----------
    filename : str
        The file checked.
    model : object or None
        The model read from it; ``None`` when the file has errors.
    problems : tuple of Problem
        Every error and warning, sorted by position.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import check_text
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> result = check_text(DEMO_YAML.replace("[online]", "[onlne]"), "umzug.yaml")
    >>> result.ok, result.model, len(result.errors), len(result.warnings)
    (False, None, 1, 0)
    >>> check_text(DEMO_YAML).model.name
    'Umzug'
    """

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


#: At most this many problems are listed per file; the rest are counted in one last line.
PROBLEM_LIMIT = 100


#: The fields a :class:`Problem` sorts by, in order, as one tuple: sorting by it gives
#: the dataclass's own order, with tuple comparison in C instead of ``__lt__`` in Python.
_ORDER = attrgetter(*(item.name for item in fields(Problem)))


def in_order(problems: Iterable[Problem]) -> list[Problem]:
    """``sorted(problems)``, fast for the many thousands a flood of bad input makes.

    Parameters
    ----------
    problems : iterable of Problem
        Any problems.

    Returns
    -------
    list of Problem
        The same order as ``sorted(problems)``: by file, line, column, message.

    Examples
    --------
    >>> later, first = Problem("a.yaml", 9, 1, "b"), Problem("a.yaml", 2, 5, "a")
    >>> in_order([later, first]) == sorted([later, first]) == [first, later]
    True
    """
    return sorted(problems, key=_ORDER)


def capped(problems: Iterable[Problem], limit: int = PROBLEM_LIMIT) -> list[Problem]:
    """Problems sorted by position, the first ``limit`` of them and a count of the rest.

    Errors are kept before warnings, so a flood of warnings never hides what makes
    a file invalid; repeated problems are listed once.

    Parameters
    ----------
    problems : iterable of Problem
        Every problem found.
    limit : int, optional
        How many to list (default :data:`PROBLEM_LIMIT`).

    Returns
    -------
    list of Problem
        At most ``limit`` problems sorted by position, and, if some were left out,
        one more that counts them (placed at the first error left out, if any).

    Examples
    --------
    >>> many = [Problem("a.yaml", line, 1, "unknown step") for line in range(1, 200)]
    >>> shown = capped(many, 2)
    >>> [str(problem) for problem in shown]  # doctest: +NORMALIZE_WHITESPACE
    ['a.yaml:1:1: unknown step', 'a.yaml:2:1: unknown step',
     'a.yaml:3:1: ... and 197 more problems; fix these first']
    """
    ordered = in_order(set(problems))
    if len(ordered) <= limit:
        return ordered
    # Errors first, so a flood of warnings never hides what makes the file invalid.
    by_weight = sorted(ordered, key=lambda problem: not problem.is_error)
    shown, rest = in_order(by_weight[:limit]), in_order(by_weight[limit:])
    first_hidden = next((problem for problem in rest if problem.is_error), rest[0])
    summary = Problem(
        first_hidden.file,
        first_hidden.line,
        first_hidden.column,
        f"... and {len(rest)} more problems; fix these first",
        Severity.ERROR if any(problem.is_error for problem in rest) else Severity.WARNING,
    )
    return [*shown, summary]


def valid_model(result: CheckResult[ModelT]) -> ModelT:
    """The model of a check, or :class:`InputError` with every error.

    Parameters
    ----------
    result : CheckResult
        The outcome of a ``check`` function.

    Returns
    -------
    object
        ``result.model``.

    Raises
    ------
    InputError
        When the check found errors (warnings alone do not count).

    Examples
    --------
    >>> from lifeevents.formats.journey_file import check_text
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> valid_model(check_text(DEMO_YAML)).id
    'demo'
    >>> valid_model(check_text("steps: []", "leer.yaml"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: leer.yaml:1:1: 'format' is missing; ...
    """
    if result.model is None or any(problem.is_error for problem in result.problems):
        raise InputError(problem for problem in result.problems if problem.is_error)
    return result.model
