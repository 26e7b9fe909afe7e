"""The LeiKa service catalogue (Leistungskatalog) shipped with lifeevents.

Source: KDN OZG-Datenbank-NRW, June 2023, MIT licence (see ``data/README.md``).

>>> service = leika("99115005104001")
>>> service.name, service.lebenslage
('Wohnsitz Anmeldung als Hauptwohnsitz', 'Wohnen & Umzug')
>>> leika("00000000000000") is None
True
"""

from __future__ import annotations

import csv
import functools
import io
from dataclasses import dataclass
from pathlib import Path

__all__ = ["LeikaService", "leika", "leika_catalog"]

_CSV = Path(__file__).resolve().parent / "data" / "leika-ozg-nrw.csv"


@dataclass(frozen=True)
class LeikaService:
    """One LeiKa service with its OZG assignment."""

    key: str
    name: str
    leika_type: str
    legal_basis: str
    ozg_id: str
    ozg_name: str
    lebenslage: str
    themenfeld: str


_COLUMNS = (
    "leika_key",
    "leika_name",
    "leika_type",
    "legal_basis",
    "ozg_id",
    "ozg_name",
    "lebenslage",
    "themenfeld",
)


def _service(row: dict[str, str]) -> LeikaService:
    return LeikaService(
        key=row["leika_key"],
        name=" ".join(row["leika_name"].split()),  # the source has stray spaces
        leika_type=row["leika_type"],
        legal_basis=row["legal_basis"],
        ozg_id=row["ozg_id"],
        ozg_name=row["ozg_name"],
        lebenslage=row["lebenslage"],
        themenfeld=row["themenfeld"],
    )


@functools.cache
def _text() -> str:
    return _CSV.read_text(encoding="utf-8")


@functools.cache
def leika_catalog() -> dict[str, LeikaService]:
    """Every service by key (read once)."""
    return {row["leika_key"]: _service(row) for row in csv.DictReader(io.StringIO(_text()))}


@functools.cache
def leika(key: str) -> LeikaService | None:
    """The service of a 14-digit LeiKa key, or ``None`` when the catalogue lacks it.

    Parses only the record of ``key`` (each record starts a line with its key), so
    checking a journey's few keys does not parse the 4,800-row catalogue.
    """
    text = _text()
    start = text.find(f"\n{key},")
    if not key.isdigit() or start < 0:
        return None
    values = next(csv.reader(io.StringIO(text[start + 1 :])))
    return _service(dict(zip(_COLUMNS, values, strict=False)))
