"""A recommendation as readable text: the ranked table and the figures of the year.

>>> from lifeevents.studies.impact import YearlyTotals
>>> from lifeevents.studies.selection import Choice, Recommendation
>>> today = YearlyTotals(cases=10, visits=30, hours=20)
>>> after = YearlyTotals(cases=10, visits=20, hours=15)
>>> rec = Recommendation("visits", 5000, 1, today, after, (Choice("a", 4000, 10),), 10, 4000,
...                      True, 10, ("a", "b"), ("c",), ())
>>> print(format_recommendation(rec, "en"))  # doctest: +NORMALIZE_WHITESPACE
Recommendation within the budget: Budget 5,000 EUR (1 year(s)), visits per year
exact: every set within budget
<BLANKLINE>
Scenario  Cost (EUR)  Marginal gain  EUR per unit
--------  ----------  -------------  ------------
a              4,000             10           400
<BLANKLINE>
Saving: 10 (30 → 20), Cost (EUR): 4,000
Citizen hours: 20 → 15
c: without a cost, not weighed
"""

from __future__ import annotations

from lifeevents.studies.selection import Recommendation
from lifeevents.text.labels import Language, label

__all__ = ["format_recommendation"]


def format_recommendation(rec: Recommendation, lang: Language = "de") -> str:
    """The recommendation, its ranked table of marginal gains, and what was left out.

    Parameters
    ----------
    rec : Recommendation
        What :func:`~lifeevents.studies.selection.recommend` found.
    lang : {"de", "en"}
        The language of the words.

    Returns
    -------
    str
        Lines of text, without a final line break (``lifeevents recommend``).

    Examples
    --------
    Made-up cases and costs for the demo journey:

    >>> from lifeevents import loads
    >>> from lifeevents.formats.scenario_file import load_scenario, loads_scenario
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.studies.cases import read_cases_text
    >>> from lifeevents.studies.impact import YearlyImpact
    >>> from lifeevents.studies.selection import recommend
    >>> cases = read_cases_text("life_event,municipality,persona,cases\\n"
    ...                         "demo,musterstadt,default,30\\ndemo,musterstadt,mit-auto,10\\n")
    >>> impact = YearlyImpact(cases, {"demo": loads(DEMO_YAML)})
    >>> online = loads_scenario("format: lifeevents-scenario/1\\nid: gebuehr-online\\n"
    ...                         "name: Gebühr online\\ncost: {one_off_eur: 1000}\\n"
    ...                         "changes: [{step: gebuehr, channels: [online]}]\\n")
    >>> result = recommend(impact, [online, load_scenario("ewa")], budget=2000)
    >>> print(format_recommendation(result, "en"))
    Recommendation within the budget: Budget 2,000 EUR (1 year(s)), visits per year
    exact: every set within budget
    <BLANKLINE>
    Scenario        Cost (EUR)  Marginal gain  EUR per unit
    --------------  ----------  -------------  ------------
    gebuehr-online       1,000             40            25
    <BLANKLINE>
    Saving: 40 (90 → 50), Cost (EUR): 1,000
    Citizen hours: 0 → 0
    steps without a duration (counted as 0): 130
    ewa: without a cost, not weighed
    """
    objective = label(f"objective_{rec.objective}", lang)
    lines = [
        f"{label('recommendation', lang)}: {label('budget', lang)} {_euros(rec.budget)} EUR "
        f"({rec.years} {label('years', lang)}), {objective}",
        label("exact_search", lang)
        if rec.exact
        else f"{label('greedy_search', lang)}: {_number(rec.upper_bound)} (+{_number(rec.gap)})",
        "",
    ]
    if rec.chosen:
        header = [
            label("scenario", lang),
            label("cost_eur", lang),
            label("marginal_gain", lang),
            label("eur_per_unit", lang),
        ]
        rows = [
            [
                choice.scenario,
                _euros(choice.cost),
                _number(choice.marginal),
                _euros(choice.cost / choice.marginal) if choice.marginal > 0 else "–",
            ]
            for choice in rec.chosen
        ]
        widths = [max(len(row[i]) for row in [header, *rows]) for i in range(4)]
        for number, row in enumerate([header, ["-" * width for width in widths], *rows]):
            cells = [
                cell.ljust(width) if index == 0 or number < 2 else cell.rjust(width)
                for index, (cell, width) in enumerate(zip(row, widths, strict=True))
            ]
            lines.append("  ".join(cells).rstrip())
        lines.append("")
    else:
        lines += [label("nothing_chosen", lang), ""]
    today, after = rec.today, rec.after
    lines.append(
        f"{label('saving', lang)}: {_number(rec.saving)} ({_number(getattr(today, rec.objective))}"
        f" → {_number(getattr(after, rec.objective))}), {label('cost_eur', lang)}: "
        f"{_euros(rec.cost)}"
    )
    if rec.objective != "hours":
        lines.append(
            f"{label('citizen_hours', lang)}: {_number(today.hours)} → {_number(after.hours)}"
        )
    if today.steps_without_minutes:
        lines.append(
            f"{label('steps_without_minutes', lang)}: {_number(today.steps_without_minutes)}"
        )
    lines += [f"{name}: {label('without_cost', lang)}" for name in rec.without_cost]
    lines += [f"{name}: {label('over_budget', lang)}" for name in rec.over_budget]
    return "\n".join(lines)


def _number(value: float) -> str:
    return f"{value:,.0f}" if abs(value - round(value)) < 1e-9 else f"{value:,.1f}"


def _euros(value: float) -> str:
    return f"{value:,.0f}"
