"""An event log in columns: what every reader produces and the checker consumes.

Readers (:mod:`~lifeevents.observed.csv_log`, :mod:`~lifeevents.observed.xes_log`)
turn their input into text columns and hand them to :func:`build_log`, which
checks and encodes them: cases and activities become integer codes, timestamps
seconds, channels codes into :class:`~lifeevents.model.vocabulary.Channel`. Every
problem names the file, the line (CSV) or element (XES) and the column.

>>> columns = LogColumns()
>>> columns.case, columns.activity, columns.timestamp
('case_id', 'activity', 'timestamp')
>>> LogColumns.parse(["case=Fall", "activity=Aktivität"]).case
'Fall'
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Sequence
from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from lifeevents.errors import InputError, MissingExtraError
from lifeevents.model.problems import Problem
from lifeevents.model.vocabulary import Channel

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt
    import pyarrow as pa

__all__ = [
    "CHANNELS",
    "LOG_LIMIT",
    "NO_DAY",
    "EventLog",
    "Locate",
    "LogColumns",
    "build_log",
    "check_log_file",
    "read_log",
    "require_engine",
]

#: Logs larger than this (bytes) are refused unless the caller raises the limit.
LOG_LIMIT = 1024**3
#: Channels in the order of their codes in :attr:`EventLog.channel`.
CHANNELS: tuple[Channel, ...] = tuple(Channel)
#: The ``event_day`` of a case without an event date.
NO_DAY = -(2**62)
_SECONDS_PER_DAY = 86_400

#: Where an event's value stands: event index and column key -> (line, column).
Locate = Callable[[int, str], tuple[int, int]]


def require_engine() -> None:
    """Raise :class:`MissingExtraError` with what to install when pyarrow, numpy or
    pandas is missing (found without importing them)."""
    from importlib.util import find_spec

    missing = [module for module in ("numpy", "pyarrow", "pandas") if find_spec(module) is None]
    if missing:
        raise MissingExtraError(
            f"event logs need {', '.join(missing)}: install the extra with "
            "pip install 'lifeevents[observed]'"
        )


@dataclass(frozen=True)
class LogColumns:
    """Column names in a CSV log (for XES: the event attribute keys).

    ``case``, ``activity`` and ``timestamp`` are required; the others are used
    when the log has them: ``channel`` (a channel of journey-format-v1),
    ``site``, ``persona``, ``municipality`` and ``event_date`` (day 0 of a case;
    otherwise its first event's day).
    """

    case: str = "case_id"
    activity: str = "activity"
    timestamp: str = "timestamp"
    channel: str = "channel"
    site: str = "site"
    persona: str = "persona"
    municipality: str = "municipality"
    event_date: str = "event_date"

    @classmethod
    def xes(cls) -> LogColumns:
        """The standard XES keys: the trace's ``concept:name`` names the case."""
        return cls(case="concept:name", activity="concept:name", timestamp="time:timestamp")

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        return tuple(field.name for field in fields(cls))

    @classmethod
    def parse(cls, settings: Sequence[str], base: LogColumns | None = None) -> LogColumns:
        """Columns from ``KEY=NAME`` settings (``ValueError`` for a bad one)."""
        changes: dict[str, str] = {}
        known = cls.keys()
        for setting in settings:
            key, equals, name = setting.partition("=")
            if not equals or key not in known or not name:
                raise ValueError(
                    f"bad column setting '{setting}': use KEY=NAME with KEY one of "
                    + ", ".join(cls.keys())
                )
            changes[key] = name
        return replace(base or cls(), **changes)


@dataclass(frozen=True, eq=False)
class EventLog:
    """A checked event log in columns (numpy arrays), one entry per event.

    Codes index the lists beside them; ``-1`` marks an empty optional value.
    Per-case values (``persona``, ``municipality``, ``event_day``) are one per
    case code. Times are seconds since 1970-01-01 as written (UTC for times with
    an offset); a day is ``time // 86400``.
    """

    source: str
    case: npt.NDArray[np.int64]
    case_ids: list[str]
    activity: npt.NDArray[np.int64]
    activities: list[str]
    time: npt.NDArray[np.int64]
    channel: npt.NDArray[np.int64] | None
    site: npt.NDArray[np.int64] | None
    sites: list[str]
    persona: list[str | None] | None
    municipality: list[str | None] | None
    event_day: npt.NDArray[np.int64] | None
    locate: Locate

    @property
    def events(self) -> int:
        return len(self.case)

    @property
    def cases(self) -> int:
        return len(self.case_ids)

    def problem(self, index: int, key: str, message: str) -> Problem:
        """A problem at event ``index`` in the column of ``key``."""
        line, column = self.locate(index, key)
        return Problem(self.source, line, column, message)


def check_log_file(path: str | os.PathLike[str], max_bytes: int = LOG_LIMIT) -> None:
    """Raise a located :class:`InputError` unless ``path`` is a readable regular file
    of at most ``max_bytes``."""
    name = os.fspath(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            raise OSError("not a regular file")
        with Path(path).open("rb"):
            pass
    except OSError as error:
        reason = error.strerror or str(error) or type(error).__name__
        raise InputError([Problem(name, 1, 1, f"cannot read: {reason}")]) from None
    if info.st_size > max_bytes:
        raise InputError(
            [
                Problem(
                    name,
                    1,
                    1,
                    f"the log is {info.st_size / 1024**2:,.0f} MiB, more than the limit of "
                    f"{max_bytes / 1024**2:,.0f} MiB; raise it (--max-size) if you mean it, "
                    "or split the log",
                )
            ]
        )


def read_log(
    path: str | os.PathLike[str],
    columns: LogColumns | None = None,
    *,
    max_bytes: int = LOG_LIMIT,
) -> EventLog:
    """Read a CSV log, or an XES log when the name ends in ``.xes``."""
    if os.fspath(path).lower().endswith(".xes"):
        from lifeevents.observed.xes_log import read_xes_log

        return read_xes_log(path, columns, max_bytes=max_bytes)
    from lifeevents.observed.csv_log import read_csv_log

    return read_csv_log(path, columns, max_bytes=max_bytes)


def build_log(
    source: str,
    columns: LogColumns,
    values: dict[str, pa.Array],
    locate: Locate,
) -> EventLog:
    """Check and encode text columns (keys of :class:`LogColumns`; the first three required).

    Raises a located :class:`InputError` for an empty case or activity, a timestamp or
    event date that is not ISO 8601, an unknown channel, or a case whose persona,
    municipality or event date differ between its events.
    """
    import numpy as np

    def fail(index: int, key: str, message: str) -> InputError:
        line, column = locate(index, key)
        return InputError([Problem(source, line, column, message)])

    case, case_ids = _encode(values["case"])
    activity, activities = _encode(values["activity"])
    for key, codes, names in (("case", case, case_ids), ("activity", activity, activities)):
        empty = _first_empty(codes, names)
        if empty is not None:
            raise fail(empty, key, f"empty {key} (column '{getattr(columns, key)}')")
    time = _seconds(values["timestamp"], "timestamp", columns.timestamp, fail)

    channel = None
    if "channel" in values:
        codes, names = _encode(values["channel"])
        lookup = np.full(len(names), -1, dtype=np.int64)
        for code, name in enumerate(names):
            if not name:
                continue
            try:
                lookup[code] = CHANNELS.index(Channel(name))
            except ValueError:
                first = int(np.flatnonzero(codes == code)[0])
                raise fail(
                    first,
                    "channel",
                    f"unknown channel '{name}'; channels: {', '.join(CHANNELS)}",
                ) from None
        channel = lookup[codes]
    site = None
    sites: list[str] = []
    if "site" in values:
        codes, sites = _encode(values["site"])
        site = np.where(np.isin(codes, [i for i, n in enumerate(sites) if not n]), -1, codes)

    per_case: dict[str, list[str | None]] = {}
    for key in ("persona", "municipality"):
        if key in values:
            per_case[key] = _per_case(case, len(case_ids), values[key], key, fail)
    event_day = None
    if "event_date" in values:
        text = _per_case(case, len(case_ids), values["event_date"], "event_date", fail)
        import pyarrow as pa

        dated = [index for index, value in enumerate(text) if value is not None]
        days = np.full(len(case_ids), NO_DAY, dtype=np.int64)
        if dated:
            first_event = _first_events(case, len(case_ids))
            seconds = _seconds(
                pa.array([text[index] for index in dated], pa.string()),
                "event_date",
                columns.event_date,
                lambda i, key, message: fail(int(first_event[dated[i]]), key, message),
            )
            days[dated] = seconds // _SECONDS_PER_DAY
        event_day = days
    return EventLog(
        source=source,
        case=case,
        case_ids=case_ids,
        activity=activity,
        activities=activities,
        time=time,
        channel=channel,
        site=site,
        sites=sites,
        persona=per_case.get("persona"),
        municipality=per_case.get("municipality"),
        event_day=event_day,
        locate=locate,
    )


def _first_empty(codes: npt.NDArray[np.int64], names: list[str]) -> int | None:
    import numpy as np

    empty = [code for code, name in enumerate(names) if not name.strip()]
    if not empty:
        return None
    return int(np.flatnonzero(np.isin(codes, empty))[0])


def _encode(array: pa.Array) -> tuple[npt.NDArray[np.int64], list[str]]:
    """Integer codes (in order of first appearance) and the distinct texts."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(array, pa.ChunkedArray):
        if not pa.types.is_dictionary(array.type):
            array = pc.dictionary_encode(pc.fill_null(array, ""))
        encoded = array.unify_dictionaries().combine_chunks()
    elif pa.types.is_dictionary(array.type):
        encoded = array
    else:
        encoded = pc.dictionary_encode(pc.fill_null(array, ""))
    codes = np.asarray(encoded.indices.fill_null(0).to_numpy(zero_copy_only=False), dtype=np.int64)
    names = ["" if name is None else str(name) for name in encoded.dictionary.to_pylist()]
    return codes, names


def _first_events(case: npt.NDArray[np.int64], cases: int) -> npt.NDArray[np.int64]:
    import numpy as np

    first = np.full(cases, len(case), dtype=np.int64)
    np.minimum.at(first, case, np.arange(len(case), dtype=np.int64))
    return first


def _per_case(
    case: npt.NDArray[np.int64],
    cases: int,
    array: pa.Array,
    key: str,
    fail: Callable[[int, str, str], InputError],
) -> list[str | None]:
    """One value per case; events may leave it empty, but may not disagree."""
    import numpy as np

    codes, names = _encode(array)
    empty = [index for index, name in enumerate(names) if not name.strip()]
    value = np.full(cases, -1, dtype=np.int64)
    given = ~np.isin(codes, empty)
    order = np.flatnonzero(given)
    # The first non-empty value of each case, then every event compared with it.
    value_first = np.full(cases, len(codes), dtype=np.int64)
    np.minimum.at(value_first, case[order], order)
    has = value_first < len(codes)
    value[has] = codes[value_first[has]]
    clash = np.flatnonzero(given & (codes != value[case]))
    if len(clash):
        index = int(clash[0])
        raise fail(
            index,
            key,
            f"{key} '{names[codes[index]]}' differs from '{names[value[case[index]]]}' "
            "given before for this case; a case has one " + key,
        )
    return [names[code].strip() if code >= 0 else None for code in value.tolist()]


def _seconds(
    array: pa.Array,
    key: str,
    column: str,
    fail: Callable[[int, str, str], InputError],
) -> npt.NDArray[np.int64]:
    """ISO 8601 texts as seconds since 1970 (local as written, or UTC with an offset)."""
    import numpy as np
    import pyarrow as pa
    import pyarrow.compute as pc

    if isinstance(array, pa.ChunkedArray):
        array = array.combine_chunks()
    array = pc.utf8_trim_whitespace(array)
    for target in (pa.timestamp("us"), pa.timestamp("us", tz="UTC")):
        try:
            parsed = pc.cast(array, target)
        except (pa.ArrowInvalid, pa.ArrowNotImplementedError):
            continue
        if parsed.null_count:
            break
        micro = np.asarray(parsed.cast(pa.int64()).to_numpy(zero_copy_only=False))
        return np.asarray(np.floor_divide(micro, 1_000_000), dtype=np.int64)
    # Slow path, only for a bad log: find the first value that cannot be read.
    aware: bool | None = None
    for index, text in enumerate(array.to_pylist()):
        if not text:
            raise fail(index, key, f"empty {key} (column '{column}')")
        try:
            moment = datetime.fromisoformat(text)
        except ValueError:
            raise fail(
                index,
                key,
                f"cannot read {key} '{text}': write ISO 8601, e.g. 2024-03-01 or "
                "2024-03-01T09:30:00",
            ) from None
        if aware is None:
            aware = moment.tzinfo is not None
        elif aware != (moment.tzinfo is not None):
            raise fail(
                index,
                key,
                f"{key} '{text}' mixes times with and without a UTC offset; "
                "give every time in the log the same way",
            )
    # Readable one by one, but not by the columnar parser (e.g. a 'T' and ' ' mix):
    return np.array(
        [_epoch(datetime.fromisoformat(text)) for text in array.to_pylist()], dtype=np.int64
    )


def _epoch(moment: datetime) -> int:
    from datetime import UTC

    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC).replace(tzinfo=None)
    return int((moment - datetime(1970, 1, 1)).total_seconds() // 1)
