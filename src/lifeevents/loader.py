"""Load journey files: safe YAML, model validation, cross-reference checks.

>>> text = '''
... format: lifeevents/1
... life_event: {id: demo, name: Demo}
... authorities: {amt: {name: Bürgerbüro, level: gemeinde}}
... steps:
...   - {id: anmelden, name: Wohnsitz anmelden, authority: amt, channels: [in_person]}
... '''
>>> loads(text).steps[0].name
'Wohnsitz anmelden'
>>> loads(text.replace("in_person", "onlne"), "demo.yaml")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lifeevents.problems.InputError: demo.yaml:6:72: step 'anmelden', channels: 'onlne' is not ...
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from lifeevents.located_validation import validate_document
from lifeevents.model import LifeEvent
from lifeevents.problems import InputError, Problem, Severity
from lifeevents.references import check_references
from lifeevents.yaml_reader import Document, Positions, read_yaml

__all__ = ["CheckResult", "SourceInfo", "check", "check_text", "load", "loads", "source_of"]


@dataclass(frozen=True)
class SourceInfo:
    """Where a loaded journey came from, so later checks can point into the file."""

    filename: str
    positions: Positions

    def problem(self, path: tuple[str | int, ...], message: str) -> Problem:
        line, column = self.positions.value(path)
        return Problem(self.filename, line, column, message)


@dataclass(frozen=True)
class CheckResult:
    """The outcome of checking one file: the model when valid, and every problem."""

    filename: str
    life_event: LifeEvent | None
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


def check_text(text: str | bytes, filename: str = "<string>") -> CheckResult:
    """Check journey text and return the model (if valid) with every problem found."""
    try:
        document = read_yaml(text, filename)
    except InputError as error:
        return CheckResult(filename, None, error.problems)
    return _check_document(document, filename)


def check(path: str | os.PathLike[str]) -> CheckResult:
    """Check a journey file; a file that cannot be read is a problem, not an exception."""
    filename = os.fspath(path)
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        reason = error.strerror or type(error).__name__
        return CheckResult(filename, None, (Problem(filename, 1, 1, f"cannot read: {reason}"),))
    return check_text(raw, filename)


def loads(text: str | bytes, filename: str = "<string>") -> LifeEvent:
    """Load journey text; raise :class:`InputError` listing every error."""
    return _valid(check_text(text, filename))


def load(source: str | os.PathLike[str]) -> LifeEvent:
    """Load a journey from a file path, or from YAML text when a ``str`` has several lines."""
    if isinstance(source, str) and "\n" in source:
        return loads(source)
    return _valid(check(source))


def source_of(life_event: LifeEvent) -> SourceInfo | None:
    """Where a loaded journey came from (``None`` for one built in code)."""
    source = life_event._source
    return source if isinstance(source, SourceInfo) else None


def _valid(result: CheckResult) -> LifeEvent:
    if result.life_event is None or result.errors:
        raise InputError(result.errors)
    return result.life_event


def _check_document(document: Document, filename: str) -> CheckResult:
    life_event, problems = validate_document(LifeEvent, document, filename)
    problems.extend(check_references(document, filename))
    if isinstance(document.data, dict) and isinstance(document.data.get("region"), str):
        region = document.data["region"]
        line, column = document.positions.value(("region",))
        problems.append(
            Problem(
                filename,
                line,
                column,
                f"region '{region}' is not known to this version of lifeevents; "
                "the authorities of this file must all be defined under 'authorities:'",
                Severity.WARNING,
            )
        )
    problems = sorted(set(problems))
    if life_event is not None and not any(problem.is_error for problem in problems):
        life_event._source = SourceInfo(filename, document.positions)
        return CheckResult(filename, life_event, tuple(problems))
    return CheckResult(filename, None, tuple(problems))
