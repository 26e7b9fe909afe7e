"""Read a journey workbook (``.xlsx``) into the journey model, with errors located by cell.

The workbook's layout is in :mod:`lifeevents.export.workbook_layout`; the
writer is :mod:`lifeevents.export.xlsx`. Needs openpyxl (the extra ``export``).
Every problem names the sheet and cell, ``journey.xlsx: Schritte!C7: unknown
channel 'vor ort'; did you mean 'in_person'?``, and the journey is then checked
exactly like a YAML journey file, with the same messages.

Rows that are entirely empty are skipped. Merged cells, formulas, dates where
text belongs, unknown sheets or columns, and sheets of more than
:data:`~lifeevents.export.workbook_layout.MAX_ROWS` rows are errors.
"""

from __future__ import annotations

import difflib
import io
import os
import re
import zipfile
from collections.abc import Iterator
from typing import Any

from lifeevents.errors import WorkbookCellError
from lifeevents.export.workbook_cells import cell_value
from lifeevents.export.workbook_layout import MAX_ROWS, SHEETS, Column, Sheet, column_letter
from lifeevents.formats.journey_file import Regions, check_document
from lifeevents.formats.reading import READ_LIMIT, read_limited, too_large
from lifeevents.formats.yaml_reader import Document, Positions
from lifeevents.model.life_event import FORMAT, LifeEvent
from lifeevents.model.problems import CheckResult, Problem, capped, valid_model

__all__ = ["check_workbook", "read_workbook", "validate_workbook"]

# A cell's place travels through the YAML checks as a (line, column) mark: the line
# holds the sheet's number times _SHEET plus the row.
_SHEET = 10_000_000
_SHEET_NUMBERS = {name: number for number, name in enumerate(SHEETS, 1)}
_SHEET_NAMES = {number: name for name, number in _SHEET_NUMBERS.items()}
_KNOWN_SHEETS = {*SHEETS, "Erläuterung"}
_MERGED = re.compile(rb'<mergeCell\s+ref="([A-Z]+[0-9]+)')


def check_workbook(
    source: str | os.PathLike[str] | bytes,
    filename: str | None = None,
    regions: Regions | None = None,
) -> CheckResult[LifeEvent]:
    """Check a workbook like a journey file; every problem located by sheet and cell.

    Parameters
    ----------
    source : str, os.PathLike or bytes
        The ``.xlsx`` file, or its content.
    filename : str, optional
        The name problems are located in (default: the path, or ``<workbook>``).
    regions : dict, optional
        Regions by id the journey may name (default: the built-in regions).

    Returns
    -------
    CheckResult
        The life event as ``model`` when valid, and every problem.

    Examples
    --------
    >>> import io
    >>> from openpyxl import load_workbook
    >>> from lifeevents import loads
    >>> from lifeevents.export.xlsx import workbook_bytes
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> book = load_workbook(io.BytesIO(workbook_bytes(loads(DEMO_YAML))))
    >>> book["Schritte"]["C3"] = "vor ort"
    >>> edited = io.BytesIO()
    >>> book.save(edited)
    >>> print(*check_workbook(edited.getvalue(), "umzug.xlsx").problems)
    umzug.xlsx: Schritte!C3: unknown channel 'vor ort'; did you mean 'in_person'?
    """
    name = filename or (os.fspath(source) if not isinstance(source, bytes) else "<workbook>")
    if isinstance(source, bytes):
        raw = source
    else:
        try:
            raw = read_limited(source)
        except OSError as error:
            reason = error.strerror or str(error)
            return CheckResult(name, None, (Problem(name, 1, 1, f"cannot read: {reason}"),))
    if len(raw) > READ_LIMIT:
        return CheckResult(name, None, (Problem(name, 1, 1, too_large(len(raw))),))
    problems: list[Problem] = []
    document = _document(raw, name, problems)
    if document is None or any(problem.is_error for problem in problems):
        return CheckResult(name, None, tuple(capped(problems)))
    from lifeevents.formats.region_file import builtin_regions

    result = check_document(document, name, builtin_regions() if regions is None else regions)
    return CheckResult(name, result.model, tuple(_cells(result.problems)))


def validate_workbook(
    source: str | os.PathLike[str] | bytes,
    filename: str | None = None,
    regions: Regions | None = None,
) -> CheckResult[LifeEvent]:
    """:func:`check_workbook` plus the checks that need a journey (``lifeevents validate``).

    Parameters
    ----------
    source, filename, regions
        As for :func:`check_workbook`.

    Returns
    -------
    CheckResult
        With the problems of :func:`~lifeevents.analysis.validation.journey_problems` added.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.export.xlsx import workbook_bytes
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> text = DEMO_YAML.replace("authority: amt,", "authority: amt, visit: termin, "
    ...                          "lead_time_days: 1,")
    >>> text = text.replace("authority: kasse,", "authority: kasse, visit: termin,")
    >>> content = workbook_bytes(loads(text))
    >>> check_workbook(content).ok, validate_workbook(content).ok
    (True, False)
    >>> print(validate_workbook(content, "umzug.xlsx").problems[0])  # doctest: +ELLIPSIS
    umzug.xlsx: Schritte!L2: persona 'default': visit grouping is not feasible: ...
    """
    result = check_workbook(source, filename, regions)
    if result.model is None:
        return result
    from lifeevents.analysis.validation import journey_problems
    from lifeevents.formats.region_file import builtin_regions

    known = builtin_regions() if regions is None else regions
    life_event = result.model
    region = known.get(life_event.region) if life_event.region else None
    extra = _cells(journey_problems(life_event, region))
    if not extra:
        return result
    return CheckResult(result.filename, None, tuple(sorted({*result.problems, *extra})))


def read_workbook(
    source: str | os.PathLike[str] | bytes,
    filename: str | None = None,
    regions: Regions | None = None,
) -> LifeEvent:
    """The journey in a workbook; :class:`InputError` listing every error by cell.

    Parameters
    ----------
    source, filename, regions
        As for :func:`check_workbook`.

    Returns
    -------
    LifeEvent
        The journey, when the workbook is valid.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.export.xlsx import workbook_bytes
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> read_workbook(workbook_bytes(loads(DEMO_YAML))) == loads(DEMO_YAML)
    True
    """
    return valid_model(check_workbook(source, filename, regions))


def _cells(problems: Iterator[Problem] | tuple[Problem, ...] | list[Problem]) -> list[Problem]:
    """Problems with marks turned back into sheet and cell."""
    located = []
    for problem in problems:
        sheet = _SHEET_NAMES.get(problem.line // _SHEET)
        if sheet is None:
            located.append(problem)
            continue
        row = problem.line % _SHEET
        where = f"{sheet}!{column_letter(problem.column)}{row}"
        located.append(
            Problem(problem.file, row, problem.column, problem.message, problem.severity, where)
        )
    return located


def _document(raw: bytes, filename: str, problems: list[Problem]) -> Document | None:
    try:
        from openpyxl import load_workbook  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - the extra is part of the test environment
        problems.append(
            Problem(
                filename, 1, 1, "reading workbooks needs openpyxl: pip install 'lifeevents[export]'"
            )
        )
        return None
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=False)
        archive = zipfile.ZipFile(io.BytesIO(raw))
    except Exception as error:  # openpyxl raises many kinds for files that are no workbook
        problems.append(
            Problem(
                filename,
                1,
                1,
                f"not an .xlsx workbook ({type(error).__name__}); save it as an Excel "
                "workbook (.xlsx)",
            )
        )
        return None
    try:
        return _read(book, archive, filename, problems)
    finally:
        book.close()


def _read(
    book: Any, archive: zipfile.ZipFile, filename: str, problems: list[Problem]
) -> Document | None:
    names = list(book.sheetnames)
    for name in names:
        if name not in _KNOWN_SHEETS:
            close = difflib.get_close_matches(name, list(_KNOWN_SHEETS), n=1, cutoff=0.5)
            hint = f"; did you mean '{close[0]}'?" if close else ""
            problems.append(
                Problem(
                    filename,
                    1,
                    1,
                    f"unknown sheet '{name}'{hint} (sheets: {', '.join(SHEETS)})",
                    where=f"{name}!A1",
                )
            )
    for required in ("Lebenslage", "Schritte"):
        if required not in names:
            problems.append(Problem(filename, 1, 1, f"the workbook has no sheet '{required}'"))
    if problems:
        return None
    data: dict[str, Any] = {"format": FORMAT}
    inside: dict[str, Any] = {"format": ((1, 1), ((1, 1), None))}
    for sheet in SHEETS.values():
        if sheet.name not in names:
            continue
        worksheet = book[sheet.name]
        _merged(archive, worksheet, sheet, filename, problems)
        rows = list(_rows(worksheet, sheet, filename, problems))
        number = _SHEET_NUMBERS[sheet.name]
        if sheet.section == "life_event":
            if not rows:
                problems.append(
                    Problem(filename, 2, 1, "no life event in row 2", where=f"{sheet.name}!A2")
                )
                continue
            row_mark, values, marks = rows[0]
            region = values.pop("region", None)
            region_mark = marks.pop("region", row_mark)
            data["life_event"] = values
            inside["life_event"] = (row_mark, (row_mark, _node_map(marks)))
            if region is not None:
                data["region"] = region
                inside["region"] = (region_mark, (region_mark, None))
        elif sheet.section == "steps":
            data["steps"] = [values for _, values, _ in rows]
            mark = (number * _SHEET + 1, 1)
            inside["steps"] = (
                mark,
                (mark, [(row_mark, _node_map(marks)) for row_mark, _, marks in rows]),
            )
        else:
            section: dict[str, Any] = {}
            nodes: dict[str, Any] = {}
            for row_mark, values, marks in rows:
                key = str(values.pop("id", ""))
                id_mark = marks.pop("id", row_mark)
                if key in section:
                    problems.append(
                        _at(filename, id_mark, f"'{key}' is defined twice in {sheet.name}")
                    )
                section[key] = values
                nodes[key] = (id_mark, (row_mark, _node_map(marks)))
            data[sheet.section] = section
            mark = (number * _SHEET + 1, 1)
            inside[sheet.section] = (mark, (mark, nodes))
    if problems:
        problems[:] = _cells(problems)
        return None
    return Document(data, Positions(((1, 1), inside)))


def _node_map(marks: dict[str, Any]) -> dict[str, Any]:
    """Position entries (key mark, node) of one row: a cell, or a list built from cells."""
    entries: dict[str, Any] = {}
    for key, mark in marks.items():
        if isinstance(mark, list):
            entries[key] = (mark[0], (mark[0], [(item, None) for item in mark]))
        else:
            entries[key] = (mark, (mark, None))
    return entries


def _at(filename: str, mark: tuple[int, int], message: str) -> Problem:
    return Problem(filename, mark[0], mark[1], message)


def _merged(
    archive: zipfile.ZipFile, worksheet: Any, sheet: Sheet, filename: str, problems: list[Problem]
) -> None:
    path = getattr(worksheet, "_worksheet_path", None)
    if not path:
        return
    try:
        content = archive.read(path.lstrip("/"))
    except KeyError:
        return
    for match in _MERGED.finditer(content):
        cell = match.group(1).decode()
        problems.append(
            Problem(
                filename,
                1,
                1,
                "merged cells; unmerge them and give every cell its own value",
                where=f"{sheet.name}!{cell}",
            )
        )


def _rows(
    worksheet: Any, sheet: Sheet, filename: str, problems: list[Problem]
) -> Iterator[tuple[tuple[int, int], dict[str, Any], dict[str, Any]]]:
    number = _SHEET_NUMBERS[sheet.name]
    columns = {column.key: column for column in sheet.columns}
    header: dict[int, Column] = {}
    declared = getattr(worksheet, "_max_row", None)  # the sheet's own <dimension>: no reading
    rows = worksheet.iter_rows()
    if isinstance(declared, int) and declared > MAX_ROWS + 1:
        rows = iter(())
        _too_many(sheet, filename, problems)
    for row_number, row in enumerate(rows, 1):
        if row_number > MAX_ROWS + 1:
            _too_many(sheet, filename, problems)
            return
        if row_number == 1:
            for index, cell in enumerate(row, 1):
                if cell.value is None:
                    continue
                key = str(cell.value).strip()
                if key not in columns:
                    close = difflib.get_close_matches(key, list(columns), n=1, cutoff=0.6)
                    hint = f"; did you mean '{close[0]}'?" if close else ""
                    problems.append(
                        Problem(
                            filename,
                            1,
                            index,
                            f"unknown column '{key}'{hint}",
                            where=f"{sheet.name}!{column_letter(index)}1",
                        )
                    )
                else:
                    header[index] = columns[key]
            for column in sheet.columns:
                if column.required and column not in header.values():
                    problems.append(
                        Problem(
                            filename,
                            1,
                            1,
                            f"no column '{column.key}' in row 1",
                            where=f"{sheet.name}!A1",
                        )
                    )
            continue
        values: dict[str, Any] = {}
        marks: dict[str, Any] = {}
        for index, cell in enumerate(row, 1):
            found = header.get(index)
            if (
                found is None
                or cell.value is None
                or (isinstance(cell.value, str) and not cell.value.strip())
            ):
                continue
            column = found
            mark = (number * _SHEET + row_number, index)
            try:
                value = cell_value(column, cell)
            except WorkbookCellError as trouble:
                problems.append(_at(filename, mark, trouble.message))
                continue
            if column.key in ("channel", "more_channels"):
                items = value if isinstance(value, list) else [value]
                values.setdefault("channels", [])
                marks.setdefault("channels", [])
                if column.key == "channel":
                    values["channels"][:0], marks["channels"][:0] = items, [mark]
                else:
                    values["channels"].extend(items)
                    marks["channels"].extend([mark] * len(items))
            else:
                values[column.key] = value
                marks[column.key] = (
                    [mark] * len(value) if isinstance(value, list) and value else mark
                )
        if values:
            yield (number * _SHEET + row_number, 1), values, marks


def _too_many(sheet: Sheet, filename: str, problems: list[Problem]) -> None:
    row = MAX_ROWS + 2
    message = f"more than {MAX_ROWS:,} rows; split the journey or delete formatted empty rows"
    problems.append(Problem(filename, row, 1, message, where=f"{sheet.name}!A{row}"))
