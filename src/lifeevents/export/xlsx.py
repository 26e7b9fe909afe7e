"""Write a journey file as a workbook for working groups (needs the extra ``export``).

Sheets *Lebenslage*, *Schritte*, *Behörden*, *Nachweise*, *Personas* hold the
journey, one row per part, with drop-down lists for channels, levels and
transfer; *Erläuterung* explains every column in German. ``lifeevents import``
and ``lifeevents validate`` read it back (:mod:`lifeevents.export.workbook_reader`).

>>> from lifeevents.formats.journey_file import loads
>>> from lifeevents.export.workbook_reader import read_workbook
>>> life_event = loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Demo}
... authorities: {amt: {name: Amt, level: gemeinde}}
... steps: [{id: a, name: Antrag, authority: amt, channels: [online, mail]}]
... ''')
>>> read_workbook(workbook_bytes(life_event), "demo.xlsx") == life_event
True
"""

from __future__ import annotations

import io
import json
import os
from typing import Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font, PatternFill  # type: ignore[import-untyped]
from openpyxl.worksheet.datavalidation import (  # type: ignore[import-untyped]
    DataValidation,
)

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


def cell_value(column: Column, value: Any) -> Any:
    """How a value of the journey format stands in a cell of ``column``."""
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
    """The journey file as an ``.xlsx`` workbook."""
    data = to_data(life_event)
    book = Workbook()
    _fill(book, data)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def template_workbook_bytes(life_event: LifeEvent) -> bytes:
    """A workbook to fill in: ``life_event`` (a small example) with 200 rows formatted
    for more, drop-downs and explanations."""
    data = to_data(life_event)
    book = Workbook()
    _fill(book, data, rows_of_template=200)
    stream = io.BytesIO()
    book.save(stream)
    return stream.getvalue()


def write_workbook(life_event: LifeEvent, path: str | os.PathLike[str]) -> None:
    """Write :func:`workbook_bytes` to ``path`` atomically."""
    write_atomic(path, workbook_bytes(life_event))
