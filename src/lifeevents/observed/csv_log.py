"""Reading CSV event logs with pyarrow's multi-threaded reader.

The header is read first, so a missing column is reported before any data is
parsed. Only the configured columns are read, all as text; :func:`build_log`
checks and encodes them. Positions of bad values are found afterwards, by a slow
scan of the file that only a bad log pays for: line numbers count physical
lines (a quoted value may span several), columns count characters.

>>> import tempfile, os
>>> folder = tempfile.mkdtemp()
>>> path = os.path.join(folder, "log.csv")
>>> _ = open(path, "w", encoding="utf-8").write(
...     "case_id,activity,timestamp\\n1,Geburt anzeigen,2024-03-01\\n")
>>> log = read_csv_log(path)
>>> log.cases, log.events, log.activities
(1, 1, ['Geburt anzeigen'])
>>> _ = open(path, "w", encoding="utf-8").write("case,activity,timestamp\\n1,a,2024-03-01\\n")
>>> read_csv_log(path)  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
lifeevents.errors.InputError: .../log.csv:1:1: no column 'case_id' (the case id) ...
"""

from __future__ import annotations

import codecs
import csv
import os
from dataclasses import fields
from pathlib import Path

from lifeevents.errors import InputError
from lifeevents.model.problems import Problem
from lifeevents.model.suggestions import did_you_mean
from lifeevents.observed.log import (
    LOG_LIMIT,
    EventLog,
    LogColumns,
    build_log,
    check_log_file,
    require_engine,
)

__all__ = ["read_csv_log"]

_REQUIRED = {"case": "the case id", "activity": "the activity", "timestamp": "the time"}
_HEADER_LIMIT = 1024 * 1024


def read_csv_log(
    path: str | os.PathLike[str],
    columns: LogColumns | None = None,
    *,
    delimiter: str = ",",
    max_bytes: int = LOG_LIMIT,
) -> EventLog:
    """Read a UTF-8 CSV log with a header line; see :class:`LogColumns` for the columns."""
    require_engine()
    import pyarrow as pa
    import pyarrow.csv as pa_csv

    columns = columns or LogColumns()
    source = os.fspath(path)
    check_log_file(path, max_bytes)
    raw_header = _header(source, delimiter)
    # Names match without surrounding blanks; pyarrow needs them as written.
    written = {name.strip(): name for name in reversed(raw_header)}
    header = [name.strip() for name in raw_header]
    wanted: dict[str, str] = {}
    missing = []
    for field in fields(LogColumns):
        name = getattr(columns, field.name)
        if name in written:
            wanted[field.name] = written[name]
        elif field.name in _REQUIRED:
            missing.append(
                f"no column '{name}' ({_REQUIRED[field.name]})"
                f"{did_you_mean(name, header)}; the header has: {', '.join(header)}"
            )
    if missing:
        raise InputError([Problem(source, 1, 1, message) for message in missing])
    try:
        table = pa_csv.read_csv(
            source,
            read_options=pa_csv.ReadOptions(block_size=4 * 1024 * 1024),
            parse_options=pa_csv.ParseOptions(delimiter=delimiter, newlines_in_values=True),
            convert_options=pa_csv.ConvertOptions(
                include_columns=list(dict.fromkeys(wanted.values())),
                # Dictionary-encoded while parsing: cases, activities, channels repeat.
                column_types={
                    **dict.fromkeys(wanted.values(), pa.dictionary(pa.int32(), pa.string())),
                    wanted["timestamp"]: pa.string(),
                },
                strings_can_be_null=False,
                quoted_strings_can_be_null=False,
            ),
        )
    except (pa.ArrowException, OSError) as error:
        raise InputError([_locate_failure(source, delimiter, header, str(error))]) from None
    locator = _Locator(source, delimiter, wanted, raw_header)
    values = {key: table.column(name) for key, name in wanted.items()}
    return build_log(source, columns, values, locator.locate)


def _header(source: str, delimiter: str) -> list[str]:
    with Path(source).open("rb") as stream:
        first = stream.readline(_HEADER_LIMIT)
    if not first.strip():
        raise InputError([Problem(source, 1, 1, "empty log: the first line must name the columns")])
    try:
        text = first.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise InputError([_encoding_problem(source, 1, first, error)]) from None
    return next(csv.reader([text], delimiter=delimiter))


def _encoding_problem(source: str, line: int, raw: bytes, error: UnicodeDecodeError) -> Problem:
    column = len(raw[: error.start].decode("utf-8", "replace")) + 1
    return Problem(
        source,
        line,
        column,
        f"not UTF-8 (byte 0x{raw[error.start]:02x}): save the log as UTF-8; "
        "a log may not mix encodings",
    )


def _locate_failure(source: str, delimiter: str, header: list[str], reason: str) -> Problem:
    """Where pyarrow's reader failed: the first line that is not UTF-8 or has the wrong
    number of values (found by a slow scan; only bad logs pay for it)."""
    decoder = codecs.getincrementaldecoder("utf-8")()
    with Path(source).open("rb") as stream:
        for number, raw in enumerate(stream, start=1):
            try:
                decoder.decode(raw)
            except UnicodeDecodeError as error:
                return _encoding_problem(source, number, raw, error)
    with Path(source).open(encoding="utf-8-sig", newline="") as stream:
        reader = csv.reader(stream, delimiter=delimiter)
        next(reader, None)
        start = reader.line_num + 1
        try:
            for row in reader:
                if len(row) != len(header) and any(cell.strip() for cell in row):
                    return Problem(
                        source,
                        start,
                        1,
                        f"{len(row)} values where the header has {len(header)} columns",
                    )
                start = reader.line_num + 1
        except csv.Error as error:
            return Problem(source, start, 1, f"cannot read the line: {error}")
    return Problem(source, 1, 1, f"cannot read the log: {reason}")


class _Locator:
    """Line and column of an event's value, by scanning the file on first use."""

    def __init__(self, source: str, delimiter: str, wanted: dict[str, str], header: list[str]):
        self.source = source
        self.delimiter = delimiter
        self.field = {key: header.index(name) for key, name in wanted.items()}

    def locate(self, index: int, key: str) -> tuple[int, int]:
        field = self.field[key]
        with Path(self.source).open(encoding="utf-8-sig", newline="") as stream:
            reader = csv.reader(stream, delimiter=self.delimiter)
            next(reader, None)
            start = reader.line_num + 1
            row_index = 0
            for row in reader:
                if row:  # pyarrow skips empty lines too
                    if row_index == index:
                        return start, self._column(start, field)
                    row_index += 1
                start = reader.line_num + 1
        return start, 1

    def _column(self, line: int, field: int) -> int:
        with Path(self.source).open(encoding="utf-8-sig", newline="") as stream:
            for number, text in enumerate(stream, start=1):
                if number == line:
                    return _field_start(text, field, self.delimiter)
        return 1


def _field_start(line: str, field: int, delimiter: str) -> int:
    """The 1-based character column where value number ``field`` (0-based) starts.

    >>> _field_start('a,"b,c",d', 2, ",")
    9
    """
    if field == 0:
        return 1
    quoted = False
    seen = 0
    for offset, char in enumerate(line):
        if char == '"':
            quoted = not quoted
        elif char == delimiter and not quoted:
            seen += 1
            if seen == field:
                return offset + 2
    return 1
