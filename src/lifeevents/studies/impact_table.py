"""The yearly impact of each scenario, and of all of them together, as one table.

One row per scenario applied alone, then (with two or more) one row with all of
them applied together: their real combined effect, which is not the sum of the
rows above (two scenarios that remove the same visit save it once). Each row
holds the yearly figures of :class:`~lifeevents.studies.impact.YearlyImpact`
today and with the scenario, the saving, the cost and the cost per visit saved:

- **cost**: ``one_off_eur + years × yearly_eur`` from the scenario's ``cost:``
  (:func:`~lifeevents.studies.selection.scenario_cost`); empty when it gives
  none (the built-in scenarios give none: no public figure was found). The row of
  all together costs the sum, or nothing when one of them gives no cost;
- **cost per visit saved**: the cost over the years divided by the visits saved
  in those years (``years ×`` the yearly saving); empty without a cost or a saving.

>>> from lifeevents import loads
>>> from lifeevents.formats.scenario_file import loads_scenario
>>> from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
>>> from lifeevents.studies.cases import read_cases_text
>>> cases = read_cases_text("life_event,municipality,persona,cases\\n"
...                         "demo,musterstadt,mit-auto,10\\n")
>>> impact = YearlyImpact(cases, {"demo": loads(DEMO_YAML)})
>>> [row] = impact_table(impact, [loads_scenario(DEMO_SCENARIO_YAML)])
>>> row.scenario, row.today.visits, row.after.visits, row.saving, row.cost
('kfz-online', 30.0, 20.0, 10.0, None)
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lifeevents.model.scenario import Scenario
from lifeevents.studies.impact import YearlyImpact, YearlyTotals
from lifeevents.studies.selection import scenario_cost

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FIGURES", "ScenarioImpact", "impact_frame", "impact_table"]

#: The yearly figures of each row, today and with the scenario, in the table's order.
FIGURES = (
    "visits",
    "kreis_visits",
    "hours",
    "authority_handovers",
    "media_breaks",
    "once_only_violations",
)


@dataclass(frozen=True)
class ScenarioImpact:
    """One row of the table: a scenario (or all together) against today, over a year.

    Attributes
    ----------
    scenario : str
        The scenario's id; for the row of all together, the ids joined by ``+``.
    name : str
        The scenario's name; empty for the row of all together.
    scenarios : tuple of str
        The ids applied (one, or all).
    today, after : YearlyTotals
        The yearly figures today and with the scenario(s).
    cost : float or None
        Euros over ``years``; ``None`` when a scenario gives no cost.
    years : int
        The years the cost is counted over.

    Examples
    --------
    >>> row = ScenarioImpact("a", "A", ("a",), YearlyTotals(visits=30, hours=10),
    ...                      YearlyTotals(visits=20, hours=8), cost=1000.0, years=2)
    >>> row.saving, row.hours_saved, row.cost_per_visit_saved, row.together
    (10.0, 2.0, 50.0, False)
    """

    scenario: str
    name: str
    scenarios: tuple[str, ...]
    today: YearlyTotals
    after: YearlyTotals
    cost: float | None
    years: int = 1

    @property
    def together(self) -> bool:
        """Whether this is the row of several scenarios applied together."""
        return len(self.scenarios) > 1

    @property
    def saving(self) -> float:
        """Visits saved a year: today's minus those with the scenario(s)."""
        return float(self.today.visits - self.after.visits)

    @property
    def hours_saved(self) -> float:
        """Citizen hours saved a year."""
        return float(self.today.hours - self.after.hours)

    @property
    def cost_per_visit_saved(self) -> float | None:
        """The cost over the years per visit saved in those years; ``None`` without a
        cost or without a saving."""
        if self.cost is None or self.saving <= 0:
            return None
        return self.cost / (self.years * self.saving)

    def to_dict(self) -> dict[str, Any]:
        """The row as plain data: the columns of :func:`impact_frame`."""
        row: dict[str, Any] = {
            "scenario": self.scenario,
            "name": self.name,
            "cases": float(self.today.cases),
        }
        for figure in FIGURES:
            row[f"{figure}.today"] = float(getattr(self.today, figure))
            row[f"{figure}.with"] = float(getattr(self.after, figure))
        row["visits.saved"] = self.saving
        row["hours.saved"] = self.hours_saved
        row["cost_eur"] = self.cost
        row["eur_per_visit_saved"] = self.cost_per_visit_saved
        return row


def impact_table(
    impact: YearlyImpact, scenarios: Sequence[Scenario], *, years: int = 1
) -> tuple[ScenarioImpact, ...]:
    """Each scenario alone and, given two or more, all of them together, against today.

    Parameters
    ----------
    impact : YearlyImpact
        The year's cases and their journeys.
    scenarios : sequence of Scenario
        The scenarios, in the order of the rows (at least one; ids unique).
    years : int
        The years a cost is counted over (at least 1).

    Returns
    -------
    tuple of ScenarioImpact
        One row per scenario, then the row of all together.

    Raises
    ------
    ValueError
        Without scenarios, for an id given twice, or for ``years`` below 1.

    Examples
    --------
    >>> from lifeevents.formats.journey_file import load
    >>> from lifeevents.formats.scenario_file import load_scenario
    >>> from lifeevents.studies.cases import read_cases_text
    >>> cases = read_cases_text("life_event,municipality,cases\\ntodesfall,saerbeck,100\\n")
    >>> impact = YearlyImpact(cases, {"todesfall": load("todesfall")})
    >>> rows = impact_table(impact, [load_scenario("urkunden-direkt"), load_scenario("ewa")])
    >>> [(row.scenario, row.after.once_only_violations, row.cost) for row in rows]
    [('urkunden-direkt', 0.0, None), ('ewa', 400.0, None), ('urkunden-direkt+ewa', 0.0, None)]
    """
    if not scenarios:
        raise ValueError("an impact table needs at least one scenario")
    if years < 1:
        raise ValueError(f"years must be at least 1, not {years}")
    ids = [scenario.id for scenario in scenarios]
    twice = sorted({name for name in ids if ids.count(name) > 1})
    if twice:
        raise ValueError(f"scenario '{twice[0]}' is given twice")
    sets: list[Sequence[Scenario]] = [[scenario] for scenario in scenarios]
    if len(scenarios) > 1:
        sets.append(scenarios)
    impact.prepare([(), *sets])
    today = impact.totals()
    rows = []
    for chosen in sets:
        costs = [scenario_cost(scenario, years) for scenario in chosen]
        rows.append(
            ScenarioImpact(
                scenario="+".join(scenario.id for scenario in chosen),
                name=chosen[0].name if len(chosen) == 1 else "",
                scenarios=tuple(scenario.id for scenario in chosen),
                today=today,
                after=impact.totals(chosen),
                cost=None if None in costs else sum(cost or 0.0 for cost in costs),
                years=years,
            )
        )
    return tuple(rows)


def impact_frame(rows: Sequence[ScenarioImpact]) -> pd.DataFrame:
    """The table as a data frame: one row per :class:`ScenarioImpact`.

    Columns: ``scenario, name, cases``, then ``FIGURE.today`` and ``FIGURE.with``
    for each of :data:`FIGURES`, then ``visits.saved, hours.saved, cost_eur,
    eur_per_visit_saved`` (empty where there is no cost). Needs pandas
    (``lifeevents[studies]``).

    Parameters
    ----------
    rows : sequence of ScenarioImpact
        The rows (:func:`impact_table`).

    Returns
    -------
    pandas.DataFrame
        The table, in the order of ``rows``.

    Examples
    --------
    >>> row = ScenarioImpact("a", "A", ("a",), YearlyTotals(visits=30), YearlyTotals(visits=20),
    ...                      cost=None)
    >>> frame = impact_frame([row])
    >>> print(frame[["scenario", "visits.today", "visits.with", "visits.saved", "cost_eur"]])
      scenario  visits.today  visits.with  visits.saved  cost_eur
    0        a          30.0         20.0          10.0       NaN
    """
    import pandas as pd

    columns = list(ScenarioImpact("", "", (), YearlyTotals(), YearlyTotals(), None).to_dict())
    frame = pd.DataFrame([row.to_dict() for row in rows], columns=columns)
    for column in ("cost_eur", "eur_per_visit_saved"):
        frame[column] = frame[column].astype("float64")
    return frame
