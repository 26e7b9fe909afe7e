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


@functools.cache
def leika_catalog() -> dict[str, LeikaService]:
    """Every service by key (read once)."""
    with _CSV.open(encoding="utf-8", newline="") as stream:
        return {
            row["leika_key"]: LeikaService(
                key=row["leika_key"],
                name=" ".join(row["leika_name"].split()),  # the source has stray spaces
                leika_type=row["leika_type"],
                legal_basis=row["legal_basis"],
                ozg_id=row["ozg_id"],
                ozg_name=row["ozg_name"],
                lebenslage=row["lebenslage"],
                themenfeld=row["themenfeld"],
            )
            for row in csv.DictReader(stream)
        }


def leika(key: str) -> LeikaService | None:
    """The service of a 14-digit LeiKa key, or ``None`` when the catalogue lacks it."""
    return leika_catalog().get(key)
