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
    """One LeiKa service with its OZG assignment.

    A reference for validating and labelling LeiKa keys, not a source of who is
    responsible (see ``data/README.md``).

    Attributes
    ----------
    key : str
        The 14-digit LeiKa key.
    name : str
        The service's name in the catalogue.
    leika_type : str
        The LeiKa type, as the catalogue gives it (such as ``"2/3"``).
    legal_basis : str
        The legal basis (incomplete in the source).
    ozg_id, ozg_name : str
        The OZG service (OZG-Leistung) the key belongs to.
    lebenslage, themenfeld : str
        The OZG life situation and subject area of that service.

    Examples
    --------
    >>> service = leika("99115005104001")
    >>> service.legal_basis, service.ozg_name, service.themenfeld
    ('Bundesmeldegesetz', 'Wohnsitzmeldungen', 'Bauen & Wohnen')
    """

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
    """Every service by key (read once).

    Returns
    -------
    dict of str to LeikaService
        All services of the catalogue, in the file's order.

    Examples
    --------
    >>> catalog = leika_catalog()
    >>> catalog["99115005104001"] == leika("99115005104001")
    True
    >>> len(catalog) > 4_000
    True
    """
    return {row["leika_key"]: _service(row) for row in csv.DictReader(io.StringIO(_text()))}


@functools.cache
def leika(key: str) -> LeikaService | None:
    """The service of a 14-digit LeiKa key, or ``None`` when the catalogue lacks it.

    Parses only the record of ``key`` (each record starts a line with its key), so
    checking a journey's few keys does not parse the 4,800-row catalogue.

    Parameters
    ----------
    key : str
        A LeiKa key: 14 digits, as text.

    Returns
    -------
    LeikaService or None
        The service, or ``None`` for a key not in the catalogue.

    Examples
    --------
    The key a journey step gives in ``leika:``, looked up:

    >>> from lifeevents import load
    >>> step = load("geburt").step("vaterschaft-anerkennen")
    >>> step.leika, leika(step.leika).name
    ('99133001026000', 'Erklärung zur Vaterschaftsanerkennung Beurkundung')
    >>> leika("00000000000000") is None
    True
    """
    text = _text()
    start = text.find(f"\n{key},")
    if not key.isdigit() or start < 0:
        return None
    values = next(csv.reader(io.StringIO(text[start + 1 :])))
    return _service(dict(zip(_COLUMNS, values, strict=False)))
