"""The records of a study's analyses, kept a column at a time.

A worker turns its records (one dict of figures per analysis) into columns before
sending them back, so the process that builds the frame takes whole columns and
does no work per record. For every other reader, :class:`Records` is a sequence of
dicts like any other.

>>> records = Records.of([{"steps": 3, "visits": 2}, {"steps": 4, "visits": 3}])
>>> records[1], records.column("visits")
({'steps': 4, 'visits': 3}, [2, 3])
>>> records == [{"steps": 3, "visits": 2}, {"steps": 4, "visits": 3}]
True
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, overload

from lifeevents.errors import SweepError

__all__ = ["Records"]


class Records(Sequence[dict[str, Any]]):
    """Records with the same keys, stored as one list per key.

    Use :meth:`of` and :meth:`joined` to make them.

    Parameters
    ----------
    columns : mapping of str to list
        The values of each key, in record order, all of the same length.

    Examples
    --------
    >>> first = Records.of([{"a": 1, "b": "x"}])
    >>> both = Records.joined([first, Records.of([{"a": 2, "b": "y"}])])
    >>> len(both), both.names, both[-1]
    (2, ('a', 'b'), {'a': 2, 'b': 'y'})
    >>> list(Records.joined([]))
    []
    """

    def __init__(self, columns: Mapping[str, list[Any]] | None = None) -> None:
        self._columns = dict(columns or {})
        lengths = {len(values) for values in self._columns.values()}
        if len(lengths) > 1:
            raise ValueError(f"columns of different lengths: {sorted(lengths)}")
        self._length = lengths.pop() if lengths else 0

    @classmethod
    def of(cls, records: Iterable[Mapping[str, Any]]) -> Records:
        """The records given, as columns (each must have the keys of the first).

        Raises
        ------
        SweepError
            For a record whose keys differ from the first record's (a measure that
            does not give the same figures for every report).
        """
        rows = list(records)
        if not rows:
            return cls()
        names = list(rows[0])
        expected = rows[0].keys()
        for row in rows:
            if row.keys() != expected:
                raise SweepError(
                    f"every record needs the same figures; {sorted(expected)} and "
                    f"{sorted(row)} differ (does the measure always give the same keys?)"
                )
        return cls({name: [row[name] for row in rows] for name in names})

    @classmethod
    def joined(cls, parts: Iterable[Records]) -> Records:
        """The records of ``parts``, one after another (empty parts left out)."""
        filled = [part for part in parts if len(part)]
        if not filled:
            return cls()
        names = filled[0].names
        columns: dict[str, list[Any]] = {name: [] for name in names}
        for part in filled:
            if set(part.names) != set(names):
                raise SweepError(f"records with different figures: {names} and {part.names}")
            for name in names:
                columns[name].extend(part.column(name))
        return cls(columns)

    @property
    def names(self) -> tuple[str, ...]:
        """The keys of every record, in order."""
        return tuple(self._columns)

    def column(self, name: str) -> list[Any]:
        """The values of ``name``, in record order (do not change the list)."""
        return self._columns[name]

    def __len__(self) -> int:
        return self._length

    @overload
    def __getitem__(self, index: int) -> dict[str, Any]: ...

    @overload
    def __getitem__(self, index: slice) -> list[dict[str, Any]]: ...

    def __getitem__(self, index: int | slice) -> dict[str, Any] | list[dict[str, Any]]:
        if isinstance(index, slice):
            return [self[position] for position in range(self._length)[index]]
        position = range(self._length)[index]  # IndexError as for a list
        return {name: values[position] for name, values in self._columns.items()}

    def __iter__(self) -> Iterator[dict[str, Any]]:
        names = self.names
        for values in zip(*self._columns.values(), strict=True):
            yield dict(zip(names, values, strict=True))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Sequence) or isinstance(other, str | bytes):
            return NotImplemented
        return len(self) == len(other) and all(
            mine == theirs for mine, theirs in zip(self, other, strict=True)
        )

    __hash__ = None  # type: ignore[assignment]  # equal to lists, which do not hash

    def __repr__(self) -> str:
        return f"Records({list(self)!r})"
