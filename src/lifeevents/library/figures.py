"""Sourced figures shipped with lifeevents: census population per municipality and
yearly events per 1,000 inhabitants, each with its source and whether it was verified.

The files live in ``library/data/`` (``population-census-2022.csv``,
``event-rates.yaml``, ``persona-grid.yaml``); docs/data-sources.md lists every figure.
A rate is not stored but computed from its two sourced numbers: events / population
x 1,000.

>>> rates = event_rates()
>>> rates["geburt"].events, rates["geburt"].year, rates["geburt"].population.area
(164496, 2022, 'Nordrhein-Westfalen')
>>> round(rates["geburt"].per_1000, 3)
9.194
>>> census_population()["rheine"].population
76344
"""

from __future__ import annotations

import csv
import functools
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

__all__ = [
    "BlockedRate",
    "EventRate",
    "MunicipalPopulation",
    "ReferencePopulation",
    "blocked_rates",
    "census_population",
    "data_folder",
    "event_rates",
    "persona_grid_file",
]

_DATA = Path(__file__).resolve().parent / "data"


def data_folder() -> Path:
    """The folder of the data files shipped with lifeevents.

    Returns
    -------
    pathlib.Path
        ``lifeevents/library/data``.

    Examples
    --------
    >>> (data_folder() / "event-rates.yaml").is_file()
    True
    """
    return _DATA


def persona_grid_file() -> Path:
    """The built-in persona grid (read by :mod:`lifeevents.studies.persona_grid`).

    Returns
    -------
    pathlib.Path
        ``lifeevents/library/data/persona-grid.yaml``.

    Examples
    --------
    >>> persona_grid_file().name
    'persona-grid.yaml'
    """
    return _DATA / "persona-grid.yaml"


@dataclass(frozen=True)
class MunicipalPopulation:
    """A municipality's population on the census day, with its source.

    Attributes
    ----------
    municipality : str
        The municipality id of the built-in region.
    name : str
        Its name.
    population : int or None
        Inhabitants; ``None`` where no figure was found.
    date : str
        The reference day (ISO 8601).
    source, url : str
        Where the figure was read.
    verified : bool
        Whether the figure is trusted: ``False`` where it is missing or doubted.
    note : str
        Why, or what kind of source it is.

    Examples
    --------
    >>> horstmar = census_population()["horstmar"]
    >>> horstmar.population, horstmar.verified
    (6765, False)
    >>> census_population()["wettringen"].population is None
    True
    """

    municipality: str
    name: str
    population: int | None
    date: str
    source: str
    url: str
    verified: bool
    note: str


@dataclass(frozen=True)
class ReferencePopulation:
    """The population a rate is divided by.

    Attributes
    ----------
    id : str
        Its key in ``event-rates.yaml``.
    population : int
        Inhabitants.
    area : str
        Where (``Nordrhein-Westfalen``, ``Deutschland``).
    date : str
        The reference day (ISO 8601).
    source, url : str
        Where the figure was read.
    verified : bool
        Whether the source's text shows the figure.

    Examples
    --------
    >>> event_rates()["ruhestand"].population.id
    'de-zensus-2022'
    """

    id: str
    population: int
    area: str
    date: str
    source: str
    url: str
    verified: bool


@dataclass(frozen=True)
class EventRate:
    """Yearly events of one life event over a population: a rate per 1,000 inhabitants.

    Attributes
    ----------
    life_event : str
        The built-in life event it estimates.
    measure : str
        What was counted (German, as the statistics name it).
    events : int
        How many in ``year``.
    year : int
        The year counted.
    population : ReferencePopulation
        What the events are divided by.
    source, url : str
        Where the count was read.
    verified : bool
        Whether the source's text shows the count.
    note : str
        Caveats.

    Examples
    --------
    >>> marriages = event_rates()["eheschliessung"]
    >>> marriages.measure, round(marriages.per_1000, 2)
    ('Eheschließungen', 4.75)
    """

    life_event: str
    measure: str
    events: int
    year: int
    population: ReferencePopulation
    source: str
    url: str
    verified: bool
    note: str

    @property
    def per_1000(self) -> float:
        """Events per 1,000 inhabitants: ``events / population * 1000``."""
        return self.events / self.population.population * 1000

    @property
    def all_verified(self) -> bool:
        """Whether both the count and the population are verified."""
        return self.verified and self.population.verified


@dataclass(frozen=True)
class BlockedRate:
    """A life event without a sourced rate, and why.

    Attributes
    ----------
    life_event : str
        The built-in life event.
    reason : str
        What is missing.

    Examples
    --------
    >>> print(blocked_rates()["pflegefall"].reason.split(":")[0])
    No count of new care needs a year was found
    """

    life_event: str
    reason: str


@functools.cache
def _rates_document() -> dict[str, Any]:
    data = yaml.safe_load((_DATA / "event-rates.yaml").read_text(encoding="utf-8"))
    if not isinstance(data, dict) or data.get("format") != "lifeevents-rates/1":
        raise ValueError("event-rates.yaml is not a lifeevents-rates/1 file")
    return data


@functools.cache
def event_rates() -> dict[str, EventRate]:
    """The sourced rates by life event id (``rates:`` of ``event-rates.yaml``).

    Returns
    -------
    dict of str to EventRate
        In file order.

    Examples
    --------
    >>> list(event_rates())  # doctest: +NORMALIZE_WHITESPACE
    ['geburt', 'todesfall', 'eheschliessung', 'einschulung', 'ruhestand', 'gewerbeanmeldung',
     'zuzug-in-den-kreis']
    """
    data = _rates_document()
    populations = {
        key: ReferencePopulation(
            key,
            int(value["population"]),
            str(value["area"]),
            str(value["date"]),
            str(value["source"]),
            str(value["url"]),
            bool(value["verified"]),
        )
        for key, value in data["populations"].items()
    }
    return {
        key: EventRate(
            key,
            str(value["measure"]),
            int(value["events"]),
            int(value["year"]),
            populations[value["population"]],
            str(value["source"]),
            str(value["url"]),
            bool(value["verified"]),
            str(value.get("note", "")),
        )
        for key, value in data["rates"].items()
    }


@functools.cache
def blocked_rates() -> dict[str, BlockedRate]:
    """Life events the built-in estimate leaves out, with the reason (``blocked:``).

    Returns
    -------
    dict of str to BlockedRate
        In file order.

    Examples
    --------
    >>> "umzug-innerhalb-gemeinde" in blocked_rates()
    True
    """
    blocked = _rates_document()["blocked"]
    return {key: BlockedRate(key, str(reason)) for key, reason in blocked.items()}


@functools.cache
def census_population() -> dict[str, MunicipalPopulation]:
    """The census 2022 population of each municipality of Kreis Steinfurt.

    Returns
    -------
    dict of str to MunicipalPopulation
        By municipality id, in file order (alphabetical).

    Examples
    --------
    >>> figures = census_population()
    >>> len(figures), sum(f.population or 0 for f in figures.values() if f.verified)
    (24, 428709)
    """
    with (_DATA / "population-census-2022.csv").open(encoding="utf-8", newline="") as file:
        rows = list(csv.DictReader(file))
    return {
        row["municipality"]: MunicipalPopulation(
            row["municipality"],
            row["name"],
            int(row["population"]) if row["population"] else None,
            row["date"],
            row["source"],
            row["url"],
            row["verified"] == "true",
            row["note"],
        )
        for row in rows
    }
