"""What a cell of a journey workbook holds, as the journey file would say it.

The reader (:mod:`lifeevents.export.workbook_reader`) asks :func:`cell_value` for
each filled cell; a value no journey can take raises :class:`~lifeevents.errors.WorkbookCellError`,
which the reader turns into a problem located at the cell.
"""

from __future__ import annotations

import datetime
import difflib
import re
from typing import Any

from lifeevents.errors import InputError, WorkbookCellError
from lifeevents.export.workbook_layout import Column
from lifeevents.formats.yaml_reader import read_yaml
from lifeevents.model.vocabulary import Channel, Level
from lifeevents.text.labels import words

__all__ = ["cell_value", "choice_value"]

# A cell may also hold the German word a reader sees for a channel or level.
_GERMAN = words("de")
_CHOICES: dict[str, dict[str, str]] = {
    "channel": {channel.value: _GERMAN[f"channel.{channel.value}"] for channel in Channel},
    "level": {level.value: _GERMAN[f"level.{level.value}"] for level in Level},
    "transfer": {"citizen": "Bürger", "direct": "direkt"},
}
_NOUN = {"channel": "channel", "level": "level", "transfer": "transfer mode"}
_TRUE = {"wahr", "true", "ja", "yes", "1"}
_FALSE = {"falsch", "false", "nein", "no", "0"}


def cell_value(column: Column, cell: Any) -> Any:
    """The value of ``cell`` as the journey file would hold it in ``column``.

    Raises
    ------
    WorkbookCellError
        A formula, a date where text or a number belongs, an unknown channel, level
        or transfer mode (with the closest one), or a map that is not ``key: value``.

    Examples
    --------
    >>> from types import SimpleNamespace
    >>> from lifeevents.export.workbook_layout import SHEETS
    >>> column = {c.key: c for c in SHEETS["Schritte"].columns}
    >>> cell_value(column["more_channels"], SimpleNamespace(value="online, phone"))
    ['online', 'phone']
    >>> cell_value(column["channel"], SimpleNamespace(value="Telefon"))  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.WorkbookCellError: unknown channel 'Telefon'; did you mean 'phone'?
    >>> cell_value(column["lead_time_days"], SimpleNamespace(value=3.0))
    3
    """
    value = cell.value
    if getattr(cell, "data_type", None) == "f" or (
        isinstance(value, str) and value.startswith("=")
    ):
        raise WorkbookCellError(
            f"a formula ({value}); write the value itself, formulas are not calculated"
        )
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        if column.kind in ("int", "float", "bool"):
            raise WorkbookCellError("a date where a number belongs; format the cell as a number")
        raise WorkbookCellError(
            f"a date where {column.key} text belongs; format the cell as text and "
            "type the value again"
        )
    kind = column.kind
    if kind in _CHOICES:
        return choice_value(kind, value)
    if kind == "ids":
        items = [item.strip() for item in re.split(r"[,\n]", str(value))]
        return [item for item in items if item]
    if kind == "texts":
        return [line for line in str(value).split("\n") if line.strip()]
    if kind == "int":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"-?[0-9]+", value.strip()):
            return int(value)
        return value
    if kind == "float":
        if isinstance(value, int) and not isinstance(value, bool):
            return float(value)
        return value
    if kind == "bool":
        if isinstance(value, str) and value.strip().lower() in _TRUE | _FALSE:
            return value.strip().lower() in _TRUE
        return value
    if kind == "map":
        try:
            parsed = read_yaml("{" + str(value) + "}", "cell").data
        except InputError:
            raise WorkbookCellError(
                f"'{value}' is not a list of key: value pairs, e.g. verheiratet: true"
            ) from None
        return parsed
    if isinstance(value, bool):
        return "WAHR" if value else "FALSCH"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def choice_value(kind: str, value: Any) -> Any:
    """A channel, level or transfer mode by its id; its German word earns a hint.

    Examples
    --------
    >>> choice_value("channel", "online"), choice_value("level", "gemeinde")
    ('online', 'gemeinde')
    >>> choice_value("transfer", "Bote")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    lifeevents.errors.WorkbookCellError: unknown transfer mode 'Bote'; choose one of: citizen, ...
    """
    choices = _CHOICES[kind]
    if isinstance(value, str):
        text = value.strip()
        if text in choices:
            return text
        by_label = {label.lower(): key for key, label in choices.items()}
        hint = by_label.get(text.lower())
        if hint is None:
            close = difflib.get_close_matches(text.lower(), list(choices), n=1, cutoff=0.6)
            hint = close[0] if close else None
        suggestion = (
            f"; did you mean '{hint}'?" if hint else f"; choose one of: {', '.join(choices)}"
        )
        raise WorkbookCellError(f"unknown {_NOUN[kind]} '{text}'{suggestion}")
    raise WorkbookCellError(f"unknown {_NOUN[kind]} {value!r}; choose one of: {', '.join(choices)}")
