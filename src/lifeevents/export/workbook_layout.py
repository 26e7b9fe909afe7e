"""The layout of a journey workbook: sheets, columns, and how cells hold values.

Shared by the writer (:mod:`lifeevents.export.xlsx`) and the reader
(:mod:`lifeevents.export.workbook_reader`), so the two cannot disagree. Row 1 of each table
sheet holds the keys of the journey format; the sheet *Erläuterung* explains
them in German. This module imports nothing heavy.

>>> [column.key for column in SHEETS["Schritte"].columns][:3]
['id', 'name', 'channel']
>>> column_letter(3), column_letter(27)
('C', 'AA')
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = [
    "INFO_SHEET",
    "MAX_ROWS",
    "SHEETS",
    "Column",
    "Sheet",
    "column_letter",
]

#: Rows a sheet may have (a journey of 10,000 steps fits; a runaway sheet is refused).
MAX_ROWS = 20_000
INFO_SHEET = "Erläuterung"


@dataclass(frozen=True)
class Column:
    """One column: the key in the journey format, its kind, and a German explanation."""

    key: str
    kind: str  # text, id, ids, texts, int, float, bool, channel, level, transfer, map
    help: str
    required: bool = False


@dataclass(frozen=True)
class Sheet:
    """A table sheet: which part of the journey it holds, and its columns."""

    name: str
    section: str  # steps, authorities, evidence, personas, life_event
    columns: tuple[Column, ...]
    help: str


def column_letter(number: int) -> str:
    """The spreadsheet letter of a 1-based column number."""
    letters = ""
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_SOURCES = (
    Column("sources", "texts", "Quellen der Angaben, eine je Zeile"),
    Column("verified", "bool", "WAHR, wenn eine Quelle die Angaben bestätigt; FALSCH, wenn nicht"),
)

SHEETS: dict[str, Sheet] = {
    sheet.name: sheet
    for sheet in (
        Sheet(
            "Lebenslage",
            "life_event",
            (
                Column("id", "id", "Kennung der Lebenslage: a-z, 0-9 und '-'", required=True),
                Column("name", "text", "Name der Lebenslage", required=True),
                Column("name_en", "text", "englischer Name (optional)"),
                Column("lebenslage", "text", "OZG-Lebenslage (optional)"),
                Column("description", "text", "Beschreibung (optional)"),
                Column("stages", "ids", "Phasen in ihrer Reihenfolge, durch Komma getrennt"),
                Column("stage_names", "map", 'Namen der Phasen, z. B. vorher: "Vorbereiten"'),
                Column("region", "id", "Region, die Behörden auflöst, z. B. kreis-steinfurt"),
            ),
            "eine Zeile: die Lebenslage selbst",
        ),
        Sheet(
            "Schritte",
            "steps",
            (
                Column("id", "id", "Kennung des Schritts, ohne Leerzeichen", required=True),
                Column("name", "text", "was die Bürgerin / der Bürger tut", required=True),
                Column("channel", "channel", "heute üblicher Kanal (Auswahlliste)", required=True),
                Column("more_channels", "ids", "weitere angebotene Kanäle, durch Komma getrennt"),
                Column(
                    "authority",
                    "id",
                    "Kennung der Behörde (Blatt Behörden oder Region)",
                    required=True,
                ),
                Column("after", "ids", "Schritte, die vorher erledigt sein müssen"),
                Column("requires", "ids", "benötigte Nachweise (Blatt Nachweise)"),
                Column("produces", "ids", "Nachweise, die der Schritt ausstellt"),
                Column("lead_time_days", "int", "Tage, bis die Ergebnisse vorliegen (ganze Zahl)"),
                Column("deadline_days", "int", "Frist in Tagen nach dem Ereignis (optional)"),
                Column("stage", "id", "Phase (Blatt Lebenslage, stages)"),
                Column("visit", "id", "gleiche Kennung = ein gemeinsamer Termin"),
                Column("when", "map", "gilt nur, wenn die Persona passt, z. B. verheiratet: true"),
                Column("legal_basis", "text", "Rechtsgrundlage, z. B. § 17 BMG"),
                Column("leika", "text", "LeiKa-Schlüssel (14 Ziffern, als Text)"),
                Column("duration_minutes", "int", "eigener Aufwand in Minuten"),
                Column("fee_eur", "float", "Gebühr in Euro"),
                Column("emotion", "int", "Empfinden von -2 (sehr negativ) bis 2 (sehr positiv)"),
                Column("pain_points", "texts", "Schwierigkeiten, eine je Zeile"),
                Column("notes", "text", "Anmerkungen"),
                Column("name_en", "text", "englischer Name (optional)"),
                *_SOURCES,
            ),
            "eine Zeile je Schritt, in der Reihenfolge der Lebenslage",
        ),
        Sheet(
            "Behörden",
            "authorities",
            (
                Column("id", "id", "Kennung der Behörde, ohne Leerzeichen", required=True),
                Column("name", "text", "Name der Behörde", required=True),
                Column("level", "level", "Ebene (Auswahlliste)", required=True),
                Column("site", "id", "Ort; Schritte am selben Ort können ein Termin sein"),
                Column("name_en", "text", "englischer Name (optional)"),
                *_SOURCES,
            ),
            "eine Zeile je Behörde oder Stelle dieser Datei",
        ),
        Sheet(
            "Nachweise",
            "evidence",
            (
                Column("id", "id", "Kennung des Nachweises, ohne Leerzeichen", required=True),
                Column("name", "text", "Name des Nachweises", required=True),
                Column("issued_by", "id", "Kennung der ausstellenden Behörde (leer: privat)"),
                Column("identity", "bool", "WAHR für Ausweisdokumente"),
                Column("transfer", "transfer", "wer ihn überbringt: citizen (Bürger) oder direct"),
                Column("name_en", "text", "englischer Name (optional)"),
                *_SOURCES,
            ),
            "eine Zeile je Nachweis",
        ),
        Sheet(
            "Personas",
            "personas",
            (
                Column("id", "id", "Kennung der Persona, ohne Leerzeichen", required=True),
                Column("name", "text", "Name (optional)"),
                Column("description", "text", "Beschreibung (optional)"),
                Column("attributes", "map", "Merkmale, z. B. verheiratet: true, auto: false"),
                Column("prefer", "ids", "bevorzugte Kanäle in Reihenfolge, durch Komma getrennt"),
            ),
            "eine Zeile je Persona",
        ),
    )
}
