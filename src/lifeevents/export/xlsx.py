"""Write a journey file as a workbook for working groups (needs the extra ``export``).

Sheets *Lebenslage*, *Schritte*, *Behörden*, *Nachweise*, *Personas* hold the
journey, one row per part, with drop-down lists for channels, levels and
transfer; *Erläuterung* explains every column in German. ``lifeevents import``
and ``lifeevents validate`` read it back (:mod:`lifeevents.export.workbook_reader`).

>>> from lifeevents import loads
>>> from lifeevents.export.workbook_reader import read_workbook
>>> from lifeevents.library.demo import DEMO_YAML
>>> life_event = loads(DEMO_YAML)
>>> read_workbook(workbook_bytes(life_event), "demo.xlsx") == life_event
True
"""

from __future__ import annotations

import datetime
import io
import json
import os
import zipfile
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped]
    DataValidation,
)
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]

from lifeevents.export.workbook_layout import INFO_SHEET, SHEETS, Column, Sheet, column_letter
from lifeevents.export.xml_text import xml_safe
from lifeevents.formats.atomic import write_atomic
from lifeevents.formats.writer import to_data
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.vocabulary import Channel, Level, Transfer

__all__ = ["cell_value", "template_workbook_bytes", "workbook_bytes", "write_workbook"]

_CHOICES = {
    "channel": [channel.value for channel in Channel],
    "level": [level.value for level in Level],
    "transfer": [transfer.value for transfer in Transfer],
}
_HEADER = PatternFill("solid", fgColor="DDE6F0")
# The time a workbook says it was made and changed, and that of each part of the
# archive: openpyxl would stamp the clock's, so the same journey gave other bytes each
# second. The earliest time a zip archive can hold.
_WRITTEN = datetime.datetime(1980, 1, 1)


def cell_value(column: Column, value: Any) -> Any:
    """How a value of the journey format stands in a cell of ``column``.

    Parameters
    ----------
    column : Column
        The column the value goes into (its ``kind`` decides the form).
    value : object
        The value as in the journey file's data.

    Returns
    -------
    object
        Lists of ids joined by commas, lists of texts by line breaks, maps as
        ``key: value`` pairs, text made safe for XML; numbers and booleans as they
        are, ``None`` for an empty cell.

    Examples
    --------
    >>> from lifeevents.export.workbook_layout import SHEETS
    >>> more_channels, when = SHEETS["Schritte"].columns[3], SHEETS["Schritte"].columns[12]
    >>> cell_value(more_channels, ["online", "mail"])
    'online, mail'
    >>> cell_value(when, {"has_car": True, "kinder": 2})
    'has_car: true, kinder: 2'
    """
    if value is None:
        return None
    if column.kind == "ids":
        return xml_safe(", ".join(value))
    if column.kind == "texts":
        return xml_safe("\n".join(value))
    if column.kind == "map":
        return xml_safe(
            ", ".join(
                f"{key}: {json.dumps(item, ensure_ascii=False)}" for key, item in value.items()
            )
        )
    if isinstance(value, str):
        return xml_safe(value)
    return value


def _rows(sheet: Sheet, data: dict[str, Any]) -> list[dict[str, Any]]:
    if sheet.section == "life_event":
        row = dict(data["life_event"])
        if "region" in data:
            row["region"] = data["region"]
        return [row]
    if sheet.section == "steps":
        rows = []
        for step in data["steps"]:
            row = dict(step)
            channels = row.pop("channels")
            row["channel"], row["more_channels"] = channels[0], channels[1:] or None
            rows.append(row)
        return rows
    return [{"id": key, **value} for key, value in data.get(sheet.section, {}).items()]


def _fill(book: Workbook, data: dict[str, Any], rows_of_template: int = 0) -> None:
    info = book.active
    assert info is not None
    info.title = INFO_SHEET
    info.append(["Blatt", "Spalte", "Pflicht", "Bedeutung"])
    info.append(
        [
            "",
            "",
            "",
            "Jede Zeile eines Blattes ist ein Teil der Lebenslage; Zeile 1 nennt die "
            "Spalten (nicht ändern). Prüfen: lifeevents validate DATEI.xlsx; in YAML "
            "umwandeln: lifeevents import DATEI.xlsx -o DATEI.yaml",
        ]
    )
    for sheet in SHEETS.values():
        info.append([sheet.name, "", "", sheet.help])
        for column in sheet.columns:
            info.append([sheet.name, column.key, "ja" if column.required else "", column.help])
    for cell in info[1]:
        cell.font = Font(bold=True)
        cell.fill = _HEADER
    info.column_dimensions["A"].width = 14
    info.column_dimensions["B"].width = 18
    info.column_dimensions["D"].width = 90
    for sheet in SHEETS.values():
        worksheet = book.create_sheet(sheet.name)
        worksheet.append([column.key for column in sheet.columns])
        rows = _rows(sheet, data)
        for row in rows:
            worksheet.append([cell_value(column, row.get(column.key)) for column in sheet.columns])
        last = max(len(rows), rows_of_template) + 1
        for number, column in enumerate(sheet.columns, 1):
            letter = column_letter(number)
            header = worksheet.cell(1, number)
            header.font = Font(bold=True)
            header.fill = _HEADER
            worksheet.column_dimensions[letter].width = (
                28 if column.kind in ("text", "texts") else 16
            )
            if column.kind in ("texts", "text"):
                for cell_row in worksheet.iter_rows(min_row=2, min_col=number, max_col=number):
                    for cell in cell_row:
                        cell.alignment = Alignment(wrap_text=True, vertical="top")
            if column.kind in ("text", "id", "ids", "texts", "map"):
                for cell_row in worksheet.iter_rows(
                    min_row=2, max_row=last, min_col=number, max_col=number
                ):
                    for cell in cell_row:
                        cell.number_format = "@"  # text: no dates or numbers made of it
            choices = _CHOICES.get(column.kind)
            if choices:
                validation = DataValidation(
                    type="list",
                    formula1='"' + ",".join(choices) + '"',
                    allow_blank=not column.required,
                )
                validation.error = f"Bitte einen Wert aus der Liste wählen: {', '.join(choices)}"
                validation.add(f"{letter}2:{letter}{max(last, 1000)}")
                worksheet.add_data_validation(validation)
        worksheet.freeze_panes = "B2"


def workbook_bytes(life_event: LifeEvent) -> bytes:
    """The journey file as an ``.xlsx`` workbook.

    Parameters
    ----------
    life_event : LifeEvent
        The life event to write, every part of the journey file.

    Returns
    -------
    bytes
        The workbook: the sheets of :data:`~lifeevents.export.workbook_layout.SHEETS`
        and the explanation sheet first.

    Examples
    --------
    >>> import io
    >>> from openpyxl import load_workbook
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> book = load_workbook(io.BytesIO(workbook_bytes(loads(DEMO_YAML))))
    >>> book.sheetnames
    ['Erläuterung', 'Lebenslage', 'Schritte', 'Behörden', 'Nachweise', 'Personas']
    >>> [cell.value for cell in book["Schritte"][4]][:5]
    ['kfz', 'Fahrzeug ummelden', 'in_person', None, 'kreis']
    """
    data = to_data(life_event)
    book = Workbook()
    _fill(book, data)
    return _saved(book)


def template_workbook_bytes(life_event: LifeEvent) -> bytes:
    """A workbook to fill in: ``life_event`` (a small example) with 200 rows formatted
    for more, drop-downs and explanations.

    Parameters
    ----------
    life_event : LifeEvent
        The example the workbook starts with.

    Returns
    -------
    bytes
        The workbook.

    Examples
    --------
    >>> from lifeevents import loads
    >>> from lifeevents.export.template import yaml_template
    >>> from lifeevents.export.workbook_reader import read_workbook
    >>> example = loads(yaml_template("umzug"))
    >>> read_workbook(template_workbook_bytes(example)) == example
    True
    """
    data = to_data(life_event)
    book = Workbook()
    _fill(book, data, rows_of_template=200)
    return _saved(book)


def _saved(book: Any) -> bytes:
    """``book`` as .xlsx bytes that depend on its content only (see ``_WRITTEN``)."""
    book.properties.created = book.properties.modified = _WRITTEN
    stream = io.BytesIO()
    # What openpyxl's save() does, without setting the modified time to now.
    ExcelWriter(book, _FixedTimeZip(stream, "w", zipfile.ZIP_DEFLATED, allowZip64=True)).save()
    return stream.getvalue()


class _FixedTimeZip(zipfile.ZipFile):
    """A zip archive whose parts all carry the time ``_WRITTEN`` and the same mode."""

    def write(
        self,
        filename: str | os.PathLike[str],
        arcname: str | os.PathLike[str] | None = None,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        # openpyxl writes each sheet to a temporary file first: not its time, not its mode.
        with open(filename, "rb") as part:
            name = os.fspath(filename if arcname is None else arcname)
            self.writestr(name, part.read(), compress_type, compresslevel)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: Any,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if isinstance(zinfo_or_arcname, str):
            zinfo_or_arcname = zipfile.ZipInfo(zinfo_or_arcname, _WRITTEN.timetuple()[:6])
            zinfo_or_arcname.compress_type = self.compression
            zinfo_or_arcname.external_attr = 0o600 << 16  # as ZipFile gives a named part
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)


def write_workbook(life_event: LifeEvent, path: str | os.PathLike[str]) -> None:
    """Write :func:`workbook_bytes` to ``path`` atomically.

    Parameters
    ----------
    life_event : LifeEvent
        The life event to write.
    path : str or os.PathLike
        The file to write (conventionally ``.xlsx``); replaced if it exists.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import loads
    >>> from lifeevents.export.workbook_reader import read_workbook
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> life_event = loads(DEMO_YAML)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     write_workbook(life_event, Path(folder, "umzug.xlsx"))
    ...     back = read_workbook(Path(folder, "umzug.xlsx"))
    >>> back == life_event
    True
    """
    write_atomic(path, workbook_bytes(life_event))
