"""The built-in estimate of annual cases for Kreis Steinfurt: census population times a
sourced rate per 1,000 inhabitants. **An estimate, not a count.**

For each life event with a sourced rate (``library/data/event-rates.yaml``) and
each municipality with a sourced census 2022 population
(``library/data/population-census-2022.csv``)::

    cases = population / 1000 * rate
    rate  = events (NRW or Germany, in one year) / population (census 2022) * 1000

The rates are state or federal averages, not the Kreis's own: a rural Kreis may
have more births and fewer moves than NRW. Life events without a sourced rate
and municipalities without a trusted population are left out and named
(:attr:`CaseEstimate.blocked`, :attr:`CaseEstimate.left_out`). Use it wherever
your own cases go (``read_cases("estimate")``, ``--cases estimate``); give your
own figures when you have them.

>>> estimate = estimate_cases()
>>> row = estimate.row("geburt", "rheine")
>>> row.population, round(row.rate_per_1000, 3), round(row.cases, 1)
(76344, 9.194, 701.9)
>>> sorted(estimate.left_out)
['horstmar', 'wettringen']
>>> "pflegefall" in estimate.blocked
True
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lifeevents.errors import SweepError
from lifeevents.library.figures import blocked_rates, census_population, event_rates
from lifeevents.studies.cases import AnnualCases

if TYPE_CHECKING:
    import pandas as pd

    from lifeevents.studies.persona_grid import PersonaGrid

__all__ = ["ESTIMATE", "CaseEstimate", "EstimatedCases", "estimate_cases"]

#: The name that asks for the built-in estimate wherever a cases file is expected.
ESTIMATE = "estimate"

#: Labels every estimated row (the ``source`` column of :meth:`CaseEstimate.to_csv`).
LABEL = "Schätzung (lifeevents)"


@dataclass(frozen=True)
class EstimatedCases:
    """Estimated annual cases of one life event in one municipality, with the derivation.

    Attributes
    ----------
    life_event, municipality : str
        The ids.
    population : int
        Census 2022 inhabitants of the municipality.
    rate_per_1000 : float
        Events per 1,000 inhabitants a year.
    measure : str
        What the rate counts (German, as the statistics name it).
    events, year : int
        The count the rate comes from and its year.
    area : str
        Where it was counted (``Nordrhein-Westfalen``, ``Deutschland``).
    reference_population : int
        The population the count is divided by.
    rate_source, population_source : str
        Where the count and the municipality's population were read.
    verified : bool
        Whether every figure of the derivation is verified.

    Examples
    --------
    >>> row = estimate_cases(["todesfall"], ["saerbeck"]).rows[0]
    >>> print(row.derivation)
    6865 Einwohner (Zensus 2022) × 13.089 Gestorbene je 1.000 (Nordrhein-Westfalen 2022: \
234176 / 17891698) = 89.9 Fälle im Jahr
    """

    life_event: str
    municipality: str
    population: int
    rate_per_1000: float
    measure: str
    events: int
    year: int
    area: str
    reference_population: int
    rate_source: str
    population_source: str
    verified: bool

    @property
    def cases(self) -> float:
        """``population / 1000 * rate_per_1000``, unrounded."""
        return self.population / 1000 * self.rate_per_1000

    @property
    def derivation(self) -> str:
        """How the figure was computed, in one line (German, like the data)."""
        return (
            f"{self.population} Einwohner (Zensus 2022) × {self.rate_per_1000:.3f} "
            f"{self.measure} je 1.000 ({self.area} {self.year}: {self.events} / "
            f"{self.reference_population}) = {self.cases:.1f} Fälle im Jahr"
        )


@dataclass(frozen=True)
class CaseEstimate:
    """The estimated rows, and what was left out and why.

    Attributes
    ----------
    rows : tuple of EstimatedCases
        By life event (as asked), then municipality (alphabetical, as in the data).
    left_out : dict of str to str
        Municipalities without a trusted census figure, with the reason.
    blocked : dict of str to str
        Life events without a sourced rate, with the reason.

    Examples
    --------
    >>> estimate = estimate_cases(["geburt", "umzug-innerhalb-gemeinde"])
    >>> len(estimate.rows), list(estimate.blocked)
    (22, ['umzug-innerhalb-gemeinde'])
    >>> print(estimate.left_out["wettringen"])
    no census 2022 figure found
    """

    rows: tuple[EstimatedCases, ...]
    left_out: dict[str, str]
    blocked: dict[str, str]

    def row(self, life_event: str, municipality: str) -> EstimatedCases:
        """The row of that life event and municipality (``KeyError`` if there is none)."""
        for row in self.rows:
            if (row.life_event, row.municipality) == (life_event, municipality):
                return row
        raise KeyError((life_event, municipality))

    def to_cases(self, grid: PersonaGrid | None = None) -> tuple[AnnualCases, ...]:
        """The rows as annual cases (:mod:`lifeevents.studies.cases`).

        Without ``grid`` each row is the persona ``default``; with one, each row is
        split over the grid's personas by their shares (the journeys then need the
        grid's personas: :func:`~lifeevents.studies.persona_grid.with_persona_grid`).

        Examples
        --------
        >>> from lifeevents.studies.persona_grid import load_persona_grid
        >>> estimate = estimate_cases(["geburt"], ["rheine"])
        >>> [(c.persona, round(c.cases, 1)) for c in estimate.to_cases()]
        [('default', 701.9)]
        >>> split = estimate.to_cases(load_persona_grid())
        >>> len(split), round(sum(c.cases for c in split), 1)
        (24, 701.9)
        """
        shares = {"default": 1.0} if grid is None else grid.shares()
        found: list[AnnualCases] = []
        for row in self.rows:
            for persona, share in shares.items():
                found.append(
                    AnnualCases(
                        row.life_event,
                        row.municipality,
                        persona,
                        row.cases * share,
                        ESTIMATE,
                        len(found) + 1,
                        1,
                    )
                )
        return tuple(found)

    def to_csv(self, grid: PersonaGrid | None = None) -> str:
        """A cases file (CSV) of the estimate, each row with its derivation as source.

        ``read_cases`` reads it back. Cases keep three decimals.

        Examples
        --------
        >>> text = estimate_cases(["geburt"], ["rheine"]).to_csv()
        >>> print(text.splitlines()[0])
        life_event,municipality,persona,cases,source
        >>> text.splitlines()[1].split(",")[:4]
        ['geburt', 'rheine', 'default', '701.906']
        """
        output = io.StringIO()
        writer = csv.writer(output, lineterminator="\n")
        writer.writerow(["life_event", "municipality", "persona", "cases", "source"])
        shares = {"default": 1.0} if grid is None else grid.shares()
        for row in self.rows:
            source = f"{LABEL}: {row.derivation}. Rate: {row.rate_source}"
            for persona, share in shares.items():
                weighted = "" if grid is None else f" × Anteil {share:.6f} ({grid.file})"
                writer.writerow(
                    [
                        row.life_event,
                        row.municipality,
                        persona,
                        f"{row.cases * share:.3f}",
                        source + weighted,
                    ]
                )
        return output.getvalue()

    def to_frame(self) -> pd.DataFrame:
        """The rows as a frame: keys, inputs, ``cases`` and ``derivation``.

        Examples
        --------
        >>> frame = estimate_cases(["ruhestand"]).to_frame()
        >>> list(frame.columns[:4]), len(frame)
        (['life_event', 'municipality', 'population', 'rate_per_1000'], 22)
        """
        import pandas as pd

        return pd.DataFrame.from_records(
            [
                (
                    row.life_event,
                    row.municipality,
                    row.population,
                    row.rate_per_1000,
                    row.cases,
                    row.measure,
                    row.area,
                    row.year,
                    row.verified,
                    row.derivation,
                    row.rate_source,
                    row.population_source,
                )
                for row in self.rows
            ],
            columns=[
                "life_event",
                "municipality",
                "population",
                "rate_per_1000",
                "cases",
                "measure",
                "area",
                "year",
                "verified",
                "derivation",
                "rate_source",
                "population_source",
            ],
        )

    def summary(self) -> str:
        """One line on what the estimate is and leaves out (English, for logs).

        Examples
        --------
        >>> print(estimate_cases(["geburt"]).summary())  # doctest: +NORMALIZE_WHITESPACE
        cases: the built-in ESTIMATE for Kreis Steinfurt (census 2022 population x rate
        per 1,000; docs/studies.md): 22 municipalities, 1 life event (geburt); left out:
        horstmar, wettringen (no trusted census figure)
        """
        life_events = list(dict.fromkeys(row.life_event for row in self.rows))
        places = len({row.municipality for row in self.rows})
        line = (
            "cases: the built-in ESTIMATE for Kreis Steinfurt (census 2022 population x "
            f"rate per 1,000; docs/studies.md): {places} municipalities, "
            f"{len(life_events)} life event{'s' if len(life_events) != 1 else ''} "
            f"({', '.join(life_events)})"
        )
        if self.left_out:
            line += f"; left out: {', '.join(self.left_out)} (no trusted census figure)"
        if self.blocked:
            line += f"; no sourced rate: {', '.join(self.blocked)}"
        return line


def estimate_cases(
    life_events: Sequence[str] | None = None, municipalities: Sequence[str] | None = None
) -> CaseEstimate:
    """Estimate annual cases from the census population and the sourced rates.

    Parameters
    ----------
    life_events : sequence of str, optional
        Built-in life event ids (default: every one with a sourced rate). One
        without a rate is named in :attr:`CaseEstimate.blocked`.
    municipalities : sequence of str, optional
        Municipality ids of Kreis Steinfurt (default: all). One without a trusted
        census figure is named in :attr:`CaseEstimate.left_out`.

    Returns
    -------
    CaseEstimate
        The rows, and what was left out.

    Raises
    ------
    SweepError
        For a life event or municipality the data do not know.

    Examples
    --------
    >>> estimate = estimate_cases()
    >>> sorted({row.life_event for row in estimate.rows})  # doctest: +NORMALIZE_WHITESPACE
    ['eheschliessung', 'einschulung', 'geburt', 'gewerbeanmeldung', 'ruhestand', 'todesfall',
     'zuzug-in-den-kreis']
    >>> round(sum(row.cases for row in estimate.rows if row.life_event == "geburt"))
    3942
    >>> estimate_cases(["hochzeit"])
    Traceback (most recent call last):
    ...
    lifeevents.errors.SweepError: no estimate for 'hochzeit'; life events: geburt, todesfall, ...
    """
    rates = event_rates()
    blocked_all = blocked_rates()
    population = census_population()
    wanted = list(rates) if life_events is None else list(dict.fromkeys(life_events))
    for name in wanted:
        if name not in rates and name not in blocked_all:
            raise SweepError(
                f"no estimate for '{name}'; life events: {', '.join(rates)} "
                f"(none for {', '.join(blocked_all)})"
            )
    places = list(population) if municipalities is None else list(dict.fromkeys(municipalities))
    for place in places:
        if place not in population:
            raise SweepError(
                f"no census figure for '{place}'; municipalities: {', '.join(population)}"
            )
    left_out = {
        place: population[place].note
        for place in places
        if population[place].population is None or not population[place].verified
    }
    rows = []
    for name in wanted:
        if name not in rates:
            continue
        rate = rates[name]
        for place in places:
            figure = population[place]
            if place in left_out or figure.population is None:
                continue
            rows.append(
                EstimatedCases(
                    name,
                    place,
                    figure.population,
                    rate.per_1000,
                    rate.measure,
                    rate.events,
                    rate.year,
                    rate.population.area,
                    rate.population.population,
                    f"{rate.source}; {rate.population.source}",
                    figure.source,
                    rate.all_verified and figure.verified,
                )
            )
    blocked = {name: blocked_all[name].reason for name in wanted if name in blocked_all}
    if life_events is None:
        blocked = {name: reason.reason for name, reason in blocked_all.items()}
    return CaseEstimate(tuple(rows), left_out, blocked)
