"""Annual case numbers per life event, municipality and persona, from the user's file
or the built-in estimate.

Give your own figures, with their source, as CSV or YAML (see docs/studies.md), or
the name ``estimate`` for the built-in estimate for Kreis Steinfurt (census 2022
population times sourced rates per 1,000 inhabitants, for the life events that
have one; :mod:`lifeevents.studies.estimate`):

.. code-block:: text

    life_event,municipality,persona,cases
    geburt,rheine,,760
    geburt,rheine,alleinerziehend,90

``persona`` may be left out or empty: such cases are analysed as the persona
``default`` (no attributes, no preference: every step's usual channel). Errors
point at the line (CSV) or the value (YAML).

>>> rows = read_cases_text("life_event,municipality,cases\\ngeburt,rheine,760\\n", "c.csv")
>>> rows[0].life_event, rows[0].persona, rows[0].cases
('geburt', 'default', 760.0)
>>> read_cases_text("life_event,municipality,cases\\ngeburt,rheine,-1\\n", "c.csv")
Traceback (most recent call last):
...
lifeevents.errors.InputError: c.csv:2:15: cases must be a number of at least 0, not '-1'
"""

from __future__ import annotations

import csv
import io
import math
import os
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from lifeevents.errors import InputError
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import Problem
from lifeevents.model.region import Region

__all__ = ["AnnualCases", "check_cases", "read_cases", "read_cases_text"]

_REQUIRED = ("life_event", "municipality", "cases")
_COLUMNS = (*_REQUIRED, "persona")
_SUFFIXES = (".csv", ".yaml", ".yml")


@dataclass(frozen=True)
class AnnualCases:
    """How many cases of a life event a municipality sees a year, for one persona.

    One row of a cases file; it remembers where it was read, so that a later check
    (:func:`check_cases`) can point at it.

    Attributes
    ----------
    life_event : str
        The id of the life event (a journey file's ``life_event.id``).
    municipality : str
        The municipality id.
    persona : str
        The persona id; ``default`` where the file leaves it out.
    cases : float
        Cases a year (at least 0).
    file : str
        The cases file, as problems name it.
    line, column : int
        Where the row starts in the file, counted from 1.

    Examples
    --------
    >>> row = AnnualCases("geburt", "rheine", "default", 760.0, "cases.csv", 2)
    >>> print(row.problem("unknown life event"))
    cases.csv:2:1: unknown life event
    """

    life_event: str
    municipality: str
    persona: str
    cases: float
    file: str = "<cases>"
    line: int = 1
    column: int = 1

    def problem(self, message: str) -> Problem:
        return Problem(self.file, self.line, self.column, message)


def read_cases(path: str | os.PathLike[str]) -> tuple[AnnualCases, ...]:
    """Read a cases file (``.csv``, ``.yaml`` or ``.yml``), or the built-in estimate.

    Parameters
    ----------
    path : str or os.PathLike
        The file; its suffix says whether it is CSV or YAML. The name
        ``"estimate"`` gives the built-in estimate (persona ``default``; see
        :func:`lifeevents.studies.estimate.estimate_cases`).

    Returns
    -------
    tuple of AnnualCases
        The rows in file order.

    Raises
    ------
    lifeevents.errors.InputError
        For another suffix, a file that cannot be read, and every located problem
        of its content (see :func:`read_cases_text`).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     path = Path(folder) / "cases.yaml"
    ...     text = "cases:\\n  - {life_event: geburt, municipality: rheine, cases: 7}\\n"
    ...     _ = path.write_text(text, encoding="utf-8")
    ...     [(row.life_event, row.cases, row.line) for row in read_cases(path)]
    [('geburt', 7.0, 2)]
    >>> read_cases("cases.txt")
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: cases.txt:1:1: a cases file is *.csv, *.yaml or *.yml (or \
'estimate' for the built-in one)
    >>> [(row.municipality, round(row.cases, 1)) for row in read_cases("estimate")][:2]
    [('altenberge', 94.0), ('emsdetten', 326.5)]
    """
    name = os.fspath(path)
    if name == "estimate":
        from lifeevents.studies.estimate import estimate_cases

        return estimate_cases().to_cases()
    if Path(name).suffix.lower() not in _SUFFIXES:
        message = "a cases file is *.csv, *.yaml or *.yml (or 'estimate' for the built-in one)"
        raise InputError([Problem(name, 1, 1, message)])
    try:
        data = Path(name).read_bytes()
    except OSError as error:
        raise InputError([Problem(name, 1, 1, f"cannot read: {error.strerror}")]) from None
    return read_cases_text(data, name)


def read_cases_text(text: str | bytes, filename: str = "<cases.csv>") -> tuple[AnnualCases, ...]:
    """Cases from CSV text, or YAML when ``filename`` ends in ``.yaml``/``.yml``.

    CSV needs the columns ``life_event``, ``municipality`` and ``cases`` (any
    order, ``persona`` and ``source`` optional); YAML a list ``cases:`` of
    mappings with the same keys. A row named twice is an error.

    Parameters
    ----------
    text : str or bytes
        The content; bytes are decoded as UTF-8 (a byte-order mark is allowed).
    filename : str
        The file as problems name it; its suffix chooses CSV or YAML.

    Returns
    -------
    tuple of AnnualCases
        The rows in file order.

    Raises
    ------
    lifeevents.errors.InputError
        Every problem of the content, located (``FILE:LINE:COLUMN``).

    Examples
    --------
    >>> text = "life_event,municipality,persona,cases\\ngeburt,rheine,,760\\ngeburt,rheine,,90\\n"
    >>> read_cases_text(text, "c.csv")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: c.csv:3:1: geburt, rheine, default is given twice (first on ...
    >>> rows = read_cases_text(text.replace(",,90", ",alleinerziehend,90"), "c.csv")
    >>> [(row.persona, row.cases) for row in rows]
    [('default', 760.0), ('alleinerziehend', 90.0)]
    """
    if Path(filename).suffix.lower() in (".yaml", ".yml"):
        return _from_yaml(text, filename)
    try:
        decoded = text.decode("utf-8-sig") if isinstance(text, bytes) else text
    except UnicodeDecodeError as error:
        raise InputError([Problem(filename, 1, 1, f"not UTF-8 text ({error.reason})")]) from None
    return _from_csv(decoded, filename)


def _from_csv(text: str, filename: str) -> tuple[AnnualCases, ...]:
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = next(reader)
    except StopIteration:
        raise InputError([Problem(filename, 1, 1, "empty file: a header line is needed")]) from None
    header = [name.strip() for name in header]
    missing = [name for name in _REQUIRED if name not in header]
    if missing:
        message = f"missing column(s) {', '.join(missing)}; columns: {', '.join(_COLUMNS)}"
        raise InputError([Problem(filename, 1, 1, message)])
    rows: list[AnnualCases] = []
    problems: list[Problem] = []
    for fields in reader:
        line = reader.line_num
        if not any(field.strip() for field in fields):
            continue
        values = dict(zip(header, fields, strict=False))

        def column(name: str, fields: list[str] = fields) -> int:
            index = header.index(name)
            return 1 + sum(len(field) + 1 for field in fields[:index])

        _row(values, filename, line, column, rows, problems)
    return _checked(rows, problems, filename)


def _from_yaml(text: str | bytes, filename: str) -> tuple[AnnualCases, ...]:
    from lifeevents.formats.yaml_reader import read_yaml

    document = read_yaml(text, filename)
    data = document.data
    items = data.get("cases") if isinstance(data, dict) else None
    if not isinstance(items, list):
        line, column = document.positions.value(("cases",))
        message = "a cases file in YAML has a list 'cases:' of {life_event, municipality, cases}"
        raise InputError([Problem(filename, line, column, message)])
    rows: list[AnnualCases] = []
    problems: list[Problem] = []
    for index, item in enumerate(items):
        line, column = document.positions.value(("cases", index))
        if not isinstance(item, dict):
            problems.append(Problem(filename, line, column, "each case is a mapping"))
            continue

        def at(name: str, index: int = index) -> int:
            return document.positions.value(("cases", index, name))[1]

        values = {key: "" if value is None else str(value) for key, value in item.items()}
        _row(values, filename, line, at, rows, problems)
    return _checked(rows, problems, filename)


def _row(
    values: Mapping[str, str],
    filename: str,
    line: int,
    column: Callable[[str], int],
    rows: list[AnnualCases],
    problems: list[Problem],
) -> None:
    """One row of ``values``, appended to ``rows``, or its problems to ``problems``."""
    found = [
        Problem(
            filename, line, 1, f"unknown column '{name}'; columns: {', '.join(_COLUMNS)}, source"
        )
        for name in values
        if name not in _COLUMNS and name != "source"
    ]
    found += [
        Problem(filename, line, 1, f"{name} is empty")
        for name in ("life_event", "municipality")
        if not values.get(name, "").strip()
    ]
    text = values.get("cases", "").strip()
    try:
        cases = float(text)
    except ValueError:
        cases = math.nan
    if not math.isfinite(cases) or cases < 0:
        message = f"cases must be a number of at least 0, not '{text}'"
        found.append(Problem(filename, line, column("cases"), message))
    if found:
        problems.extend(found)
        return
    rows.append(
        AnnualCases(
            values["life_event"].strip(),
            values["municipality"].strip(),
            values.get("persona", "").strip() or "default",
            cases,
            filename,
            line,
            1,
        )
    )


def _checked(
    rows: list[AnnualCases], problems: list[Problem], filename: str
) -> tuple[AnnualCases, ...]:
    seen: dict[tuple[str, str, str], AnnualCases] = {}
    for row in rows:
        key = (row.life_event, row.municipality, row.persona)
        if key in seen:
            first = seen[key]
            problems.append(
                row.problem(f"{', '.join(key)} is given twice (first on line {first.line})")
            )
        seen.setdefault(key, row)
    if problems:
        raise InputError(problems)
    if not rows:
        raise InputError([Problem(filename, 1, 1, "no cases in the file")])
    return tuple(rows)


def check_cases(
    cases: Sequence[AnnualCases],
    life_events: Mapping[str, LifeEvent],
    regions: Mapping[str, Region],
) -> None:
    """Check that every row names a known life event, a municipality of its region
    and one of its personas.

    Parameters
    ----------
    cases : sequence of AnnualCases
        The rows read (:func:`read_cases`).
    life_events : mapping of str to LifeEvent
        The journeys by id.
    regions : mapping of str to Region
        The regions by id (the municipality is checked where the journey names one).

    Raises
    ------
    lifeevents.errors.InputError
        Locating each row that does not fit, at its line in the cases file.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> cases = read_cases_text("life_event,municipality,persona,cases\\n"
    ...                         "demo,rheine,mit-auto,10\\ndemo,rheine,ohne-auto,5\\n", "c.csv")
    >>> check_cases(cases, {"demo": loads(DEMO_YAML)}, {})  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.InputError: c.csv:3:1: no persona 'ohne-auto' in 'demo'; personas: ...
    >>> check_cases(cases[:1], {"demo": loads(DEMO_YAML)}, {}) is None
    True
    """
    problems = []
    for row in cases:
        life_event = life_events.get(row.life_event)
        if life_event is None:
            known = ", ".join(life_events)
            problems.append(row.problem(f"unknown life event '{row.life_event}'; known: {known}"))
            continue
        region = regions.get(life_event.region) if life_event.region else None
        if region is not None and row.municipality not in region.municipalities:
            problems.append(
                row.problem(f"region '{region.id}' has no municipality '{row.municipality}'")
            )
        if row.persona not in life_event.persona_ids():
            known = ", ".join(life_event.persona_ids())
            problems.append(
                row.problem(f"no persona '{row.persona}' in '{row.life_event}'; personas: {known}")
            )
    if problems:
        raise InputError(problems)
