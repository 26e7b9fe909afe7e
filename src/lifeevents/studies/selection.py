"""Which scenarios to fund first: the set with the largest yearly saving within a budget.

Scenarios are not additive (two that remove the same visit save it once), so each
candidate set is judged on its real combined effect (:class:`YearlyImpact`).

- **Cost** of a scenario over ``years``: ``one_off_eur + years × yearly_eur`` from
  its ``cost:`` (scenario-format-v1). A scenario without a cost cannot be weighed
  against a budget and is left out (and named).
- **Saving** of a set: today's yearly visits (or citizen hours) minus those with
  the set applied.
- **Exact** for up to ``exact_limit`` (15) candidates: every set within the budget
  is evaluated; ties go to the cheaper, then the smaller set, then the earlier
  one in the order given.
- **Greedy** beyond: add the scenario with the largest saving per euro that
  still fits, while one saves anything; compare with the best single scenario.
  The *gap* is stated against an upper bound: savings of different life events
  add up (their cases are independent), so no set within budget saves more than
  the sum, over life events, of the best saving of any affordable set of the
  scenarios that apply to it (enumerated when at most 15 apply; else the whole of
  today's figure for that life event).
- **Marginal gain** of a chosen scenario: the set's saving minus the saving of
  the set without it.

>>> from lifeevents.formats.journey_file import load
>>> from lifeevents.formats.scenario_file import loads_scenario
>>> from lifeevents.studies.cases import read_cases_text
>>> cases = read_cases_text("life_event,municipality,cases\\ntodesfall,saerbeck,100\\n")
>>> impact = YearlyImpact(cases, {"todesfall": load("todesfall")})
>>> urkunden = loads_scenario(
...     "format: lifeevents-scenario/1\\nid: u\\nname: U\\napplies_to: [todesfall]\\n"
...     "changes: [{evidence: sterbeurkunde, transfer: direct}]\\ncost: {one_off_eur: 900}\\n")
>>> result = recommend(impact, [urkunden], budget=1000, objective="visits")
>>> result.exact, [choice.scenario for choice in result.chosen], result.saving
(True, [], 0.0)
"""

from __future__ import annotations

import itertools
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from lifeevents.errors import SweepError
from lifeevents.model.scenario import Scenario
from lifeevents.studies.impact import YearlyImpact, YearlyTotals

__all__ = ["EXACT_LIMIT", "Choice", "Objective", "Recommendation", "recommend", "scenario_cost"]

Objective = Literal["visits", "hours"]
OBJECTIVES: tuple[Objective, ...] = ("visits", "hours")

#: Candidates up to which every set within the budget is evaluated.
EXACT_LIMIT = 15

# Savings and costs closer than this are equal (sums of floats).
_EPSILON = 1e-9


@dataclass(frozen=True)
class Choice:
    """A chosen scenario: its cost over the years and its marginal gain in the set.

    Attributes
    ----------
    scenario : str
        The scenario's id.
    cost : float
        Its cost over the recommendation's years, in euros (:func:`scenario_cost`).
    marginal : float
        The set's yearly saving minus the saving of the set without it.

    Examples
    --------
    >>> choice = Choice("gebuehr-online", cost=1000.0, marginal=40.0)
    >>> choice.cost / choice.marginal  # euros per visit saved a year
    25.0
    """

    scenario: str
    cost: float
    marginal: float


@dataclass(frozen=True)
class Recommendation:
    """The best set found, how it was found, and what was left out.

    Made by :func:`recommend`;
    :func:`~lifeevents.studies.recommend_text.format_recommendation` writes it as
    text, :meth:`to_dict` as plain data.

    Attributes
    ----------
    objective : {"visits", "hours"}
        What is saved.
    budget : float
        The budget in euros.
    years : int
        The years the costs are counted over.
    today, after : YearlyTotals
        The yearly figures today and with the chosen set.
    chosen : tuple of Choice
        The chosen scenarios, largest marginal gain first.
    saving : float
        The yearly saving of the set.
    cost : float
        The set's cost over the years.
    exact : bool
        Whether every set within the budget was evaluated (else greedy).
    upper_bound : float
        No set within the budget saves more (equal to ``saving`` when exact).
    candidates : tuple of str
        The scenarios weighed.
    without_cost : tuple of str
        Scenarios left out because they give no cost.
    over_budget : tuple of str
        Scenarios left out because alone they cost more than the budget.

    Examples
    --------
    Made-up cases and costs for the demo journey:

    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.cases import read_cases_text
    >>> cases = read_cases_text("life_event,municipality,persona,cases\\n"
    ...                         "demo,musterstadt,default,30\\ndemo,musterstadt,mit-auto,10\\n")
    >>> impact = YearlyImpact(cases, {"demo": loads(DEMO_YAML)})
    >>> def online(step, cost):
    ...     return loads_scenario(f"format: lifeevents-scenario/1\\nid: {step}-online\\n"
    ...                           f"name: {step} online\\ncost: {{one_off_eur: {cost}}}\\n"
    ...                           f"changes: [{{step: {step}, channels: [online]}}]\\n")
    >>> result = recommend(impact, [online("gebuehr", 1000), online("kfz", 3000)], budget=2000)
    >>> result.saving, result.gap, result.over_budget
    (40.0, 0.0, ('kfz-online',))
    >>> result.to_dict()["chosen"]
    [{'scenario': 'gebuehr-online', 'cost_eur': 1000.0, 'marginal_gain': 40.0}]
    """

    objective: Objective
    budget: float
    years: int
    today: YearlyTotals
    after: YearlyTotals
    chosen: tuple[Choice, ...]
    saving: float
    cost: float
    exact: bool
    upper_bound: float
    candidates: tuple[str, ...]
    without_cost: tuple[str, ...]
    over_budget: tuple[str, ...]

    @property
    def gap(self) -> float:
        """How much more the best set could save at most (0 when exact)."""
        return max(0.0, self.upper_bound - self.saving)

    def to_dict(self) -> dict[str, object]:
        """Every field as plain data (``lifeevents recommend --format json``)."""
        return {
            "objective": self.objective,
            "budget_eur": self.budget,
            "years": self.years,
            "exact": self.exact,
            "saving_per_year": self.saving,
            "cost_eur": self.cost,
            "upper_bound": self.upper_bound,
            "gap": self.gap,
            "chosen": [
                {"scenario": c.scenario, "cost_eur": c.cost, "marginal_gain": c.marginal}
                for c in self.chosen
            ],
            "candidates": list(self.candidates),
            "without_cost": list(self.without_cost),
            "over_budget": list(self.over_budget),
            "today": self.today.to_dict(),
            "with_chosen": self.after.to_dict(),
        }


def scenario_cost(scenario: Scenario, years: int = 1) -> float | None:
    """``one_off_eur + years × yearly_eur``, or ``None`` when the scenario gives no cost.

    Parameters
    ----------
    scenario : Scenario
        The scenario, with its ``cost:`` (scenario-format-v1).
    years : int
        The years counted.

    Returns
    -------
    float or None
        The cost in euros; ``None`` without a cost (it cannot be weighed).

    Examples
    --------
    A made-up cost, and a built-in scenario (none of them gives a cost):

    >>> from lifeevents.formats.scenario_file import load_scenario, loads_scenario
    >>> scenario = loads_scenario("format: lifeevents-scenario/1\\nid: x\\nname: X\\n"
    ...                           "cost: {one_off_eur: 1000, yearly_eur: 100}\\n")
    >>> scenario_cost(scenario, years=3), scenario_cost(load_scenario("ewa"))
    (1300.0, None)
    """
    cost = scenario.cost
    if cost is None or (cost.one_off_eur is None and cost.yearly_eur is None):
        return None
    return (cost.one_off_eur or 0.0) + years * (cost.yearly_eur or 0.0)


def recommend(
    impact: YearlyImpact,
    scenarios: Sequence[Scenario],
    *,
    budget: float,
    objective: Objective = "visits",
    years: int = 1,
    exact_limit: int = EXACT_LIMIT,
) -> Recommendation:
    """The set of ``scenarios`` with the largest yearly saving of ``objective`` whose cost
    over ``years`` is within ``budget`` (see the module for every definition).

    Parameters
    ----------
    impact : YearlyImpact
        The cases of a year and their journeys.
    scenarios : sequence of Scenario
        The candidates; those without a cost, or over the budget alone, are left
        out (and named).
    budget : float
        The budget in euros (at least 0).
    objective : {"visits", "hours"}
        Visits or citizen hours saved a year.
    years : int
        The years the costs are counted over (at least 1).
    exact_limit : int
        Candidates up to which every set is evaluated; beyond, greedy with a gap.

    Returns
    -------
    Recommendation
        The set, its saving and cost, and how it was found.

    Raises
    ------
    SweepError
        For an unknown objective, a negative budget or fewer than one year.

    Examples
    --------
    Made-up cases and costs for the demo journey: with 5,000 euros both fit, and
    paying the fee online saves more visits per euro:

    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import loads_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.cases import read_cases_text
    >>> cases = read_cases_text("life_event,municipality,persona,cases\\n"
    ...                         "demo,musterstadt,default,30\\ndemo,musterstadt,mit-auto,10\\n")
    >>> impact = YearlyImpact(cases, {"demo": loads(DEMO_YAML)})
    >>> def online(step, cost):
    ...     return loads_scenario(f"format: lifeevents-scenario/1\\nid: {step}-online\\n"
    ...                           f"name: {step} online\\ncost: {{one_off_eur: {cost}}}\\n"
    ...                           f"changes: [{{step: {step}, channels: [online]}}]\\n")
    >>> result = recommend(impact, [online("gebuehr", 1000), online("kfz", 3000)], budget=5000)
    >>> [(choice.scenario, choice.marginal) for choice in result.chosen]
    [('gebuehr-online', 40.0), ('kfz-online', 10.0)]
    >>> result.today.visits, result.after.visits, result.cost, result.exact
    (90.0, 40.0, 4000.0, True)
    """
    if objective not in OBJECTIVES:
        raise SweepError(f"unknown objective {objective!r}; choose visits or hours")
    if budget < 0 or years < 1:
        raise SweepError("the budget must be at least 0 and years at least 1")
    costs = {s.id: scenario_cost(s, years) for s in scenarios}
    without_cost = tuple(s.id for s in scenarios if costs[s.id] is None)
    over_budget = tuple(
        s.id for s in scenarios if (cost := costs[s.id]) is not None and cost > budget + _EPSILON
    )
    candidates = [s for s in scenarios if s.id not in without_cost and s.id not in over_budget]
    search = _Search(impact, objective, budget, {s.id: costs[s.id] or 0.0 for s in candidates})
    if len(candidates) <= exact_limit:
        best, exact, bound = search.exact(candidates), True, None
    else:
        best, exact = search.greedy(candidates), False
        bound = search.upper_bound(candidates, EXACT_LIMIT)
    saving = search.saving(best)
    return Recommendation(
        objective=objective,
        budget=budget,
        years=years,
        today=search.today,
        after=impact.totals(best),
        chosen=search.ranked(best),
        saving=saving,
        cost=search.cost(best),
        exact=exact,
        upper_bound=saving if bound is None else max(bound, saving),
        candidates=tuple(s.id for s in candidates),
        without_cost=without_cost,
        over_budget=over_budget,
    )


class _Search:
    """Savings and costs of sets of scenarios, for one objective and budget."""

    def __init__(
        self, impact: YearlyImpact, objective: Objective, budget: float, costs: dict[str, float]
    ) -> None:
        self.impact = impact
        self.objective = objective
        self.budget = budget
        self.costs = costs
        self.today = impact.totals()

    def value(self, totals: YearlyTotals) -> float:
        return float(getattr(totals, self.objective))

    def saving(self, chosen: Sequence[Scenario], life_events: list[str] | None = None) -> float:
        today = self.today if life_events is None else self.impact.totals((), life_events)
        return self.value(today) - self.value(self.impact.totals(chosen, life_events))

    def cost(self, chosen: Sequence[Scenario]) -> float:
        return sum(self.costs[s.id] for s in chosen)

    def fits(self, chosen: Sequence[Scenario]) -> bool:
        return self.cost(chosen) <= self.budget + _EPSILON

    def exact(self, candidates: Sequence[Scenario]) -> tuple[Scenario, ...]:
        """Every set within budget, smaller sets first: the best, ties to the cheaper."""
        sets = [
            combination
            for size in range(len(candidates) + 1)
            for combination in itertools.combinations(candidates, size)
            if self.fits(combination)
        ]
        self.impact.prepare(sets)
        return self._best(sets)

    def _best(self, sets: Sequence[tuple[Scenario, ...]]) -> tuple[Scenario, ...]:
        best: tuple[Scenario, ...] = ()
        best_saving, best_cost = 0.0, 0.0
        for combination in sets:
            saving, cost = self.saving(combination), self.cost(combination)
            if saving > best_saving + _EPSILON or (
                abs(saving - best_saving) <= _EPSILON and cost < best_cost - _EPSILON
            ):
                best, best_saving, best_cost = combination, saving, cost
        return best

    def greedy(self, candidates: Sequence[Scenario]) -> tuple[Scenario, ...]:
        """Add the best saving per euro while one fits and saves; then the better of that
        and the best single scenario."""
        chosen: tuple[Scenario, ...] = ()
        current = 0.0
        while True:
            options = [
                (*chosen, s) for s in candidates if s not in chosen and self.fits((*chosen, s))
            ]
            self.impact.prepare(options)
            scored = []
            for option in options:
                gain = self.saving(option) - current
                if gain > _EPSILON:
                    extra = self.costs[option[-1].id]
                    scored.append((gain / extra if extra > 0 else float("inf"), gain, option))
            if not scored:
                break
            _, gain, chosen = max(scored, key=lambda item: (item[0], item[1]))
            current += gain
        singles = [(s,) for s in candidates]
        self.impact.prepare(singles)
        return self._best([chosen, *singles])

    def upper_bound(self, candidates: Sequence[Scenario], exact_limit: int) -> float:
        """The most any set within budget can save (see the module)."""
        bound = 0.0
        for name in self.impact.life_events:
            applying = [s for s in candidates if s.applies(name)]
            if len(applying) > exact_limit:
                bound += self.value(self.impact.totals((), [name]))
                continue
            sets = [
                combination
                for size in range(len(applying) + 1)
                for combination in itertools.combinations(applying, size)
                if self.fits(combination)
            ]
            self.impact.prepare(sets, [name])
            bound += max(self.saving(combination, [name]) for combination in sets)
        return bound

    def ranked(self, chosen: Sequence[Scenario]) -> tuple[Choice, ...]:
        """The chosen scenarios by marginal gain (largest first), then as given."""
        whole = self.saving(chosen)
        without = [tuple(s for s in chosen if s is not left) for left in chosen]
        self.impact.prepare(without)
        choices = [
            Choice(s.id, self.costs[s.id], whole - self.saving(rest))
            for s, rest in zip(chosen, without, strict=True)
        ]
        order = {s.id: index for index, s in enumerate(chosen)}
        return tuple(sorted(choices, key=lambda c: (-c.marginal, order[c.scenario])))
