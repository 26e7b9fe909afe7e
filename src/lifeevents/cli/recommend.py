"""The ``recommend`` command: which scenarios to fund first within a budget.

Registered by :func:`lifeevents.cli.studies.add_commands`; like it, this
module imports nothing heavy until the command runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from lifeevents.text.labels import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from lifeevents.model.life_event import LifeEvent
    from lifeevents.model.region import Region
    from lifeevents.studies.cases import AnnualCases

__all__ = ["add_recommend_command"]


def add_recommend_command(commands: Any) -> None:
    """Register ``recommend`` on the sub-command parsers of the CLI.

    Parameters
    ----------
    commands
        The sub-command parsers (:meth:`argparse.ArgumentParser.add_subparsers`).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_recommend_command(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(
    ...     ["recommend", "--budget", "5000", "--cases", "cases.csv", "--scenario", "a.yaml"]
    ... )
    >>> arguments.budget, arguments.cases, arguments.scenario, arguments.objective
    (5000.0, 'cases.csv', ['a.yaml'], 'visits')
    >>> arguments.years, arguments.travel_minutes, arguments.backend
    (1, 0.0, 'serial')
    """
    recommend = commands.add_parser(
        "recommend",
        help="the scenarios with the largest yearly saving within a budget",
        description=(
            "Choose the set of what-if scenarios with the largest yearly saving of visits (or "
            "citizen hours) whose cost fits the budget, judged on their combined effect on "
            "the annual cases you give. Scenarios need a 'cost:' (scenario-format-v1); the "
            "built-in ones have none. Exact up to 15 candidates, greedy with its gap beyond. "
            "See docs/studies.md."
        ),
    )
    recommend.add_argument("--budget", type=float, required=True, metavar="EUR", help="budget")
    recommend.add_argument(
        "--cases",
        required=True,
        metavar="FILE",
        help="annual cases per life event, municipality (and persona): .csv or .yaml, or "
        "'estimate' for the built-in estimate for Kreis Steinfurt (docs/studies.md)",
    )
    recommend.add_argument(
        "--scenario",
        action="extend",
        nargs="+",
        metavar="FILE-or-NAME",
        help="candidate scenarios (default: every built-in one)",
    )
    recommend.add_argument(
        "--objective", choices=("visits", "hours"), default="visits", help="what to save"
    )
    recommend.add_argument(
        "--years", type=int, default=1, metavar="N", help="costs over N years (default 1)"
    )
    recommend.add_argument(
        "--travel-minutes",
        type=float,
        default=0.0,
        metavar="M",
        help="your travel time per visit, for citizen hours (default 0: none is sourced)",
    )
    recommend.add_argument(
        "--journey",
        action="append",
        metavar="FILE",
        help="a journey file the cases name (built-in journeys are found by their id)",
    )
    recommend.add_argument("--backend", choices=("serial", "processes", "dask"), default="serial")
    recommend.add_argument("--workers", type=int, metavar="N", help="processes")
    recommend.add_argument("--format", choices=("text", "json"), default="text")
    recommend.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    recommend.add_argument(
        "--region-file", action="append", metavar="FILE", help="your own region file"
    )
    recommend.set_defaults(handler=_recommend)


def _recommend(arguments: argparse.Namespace) -> int:
    from lifeevents.cli.runtime import UsageError
    from lifeevents.cli.studies import load_regions
    from lifeevents.formats.scenario_file import load_scenarios
    from lifeevents.library.builtin import builtin_scenarios
    from lifeevents.studies.cases import read_cases
    from lifeevents.studies.impact import YearlyImpact
    from lifeevents.studies.recommend_text import format_recommendation
    from lifeevents.studies.selection import recommend, scenario_cost

    if arguments.budget < 0 or arguments.years < 1 or arguments.travel_minutes < 0:
        raise UsageError("--budget and --travel-minutes must be at least 0, --years at least 1")
    if arguments.workers is not None and arguments.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {arguments.workers}")
    try:
        scenarios = load_scenarios(arguments.scenario or list(builtin_scenarios()))
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    if all(scenario_cost(scenario) is None for scenario in scenarios):
        raise UsageError(
            "none of the scenarios gives a cost ('cost:' in the scenario file, "
            "scenario-format-v1), so none can be weighed against a budget; the built-in "
            "scenarios give none (no public figure was found)"
        )
    regions = load_regions(arguments.region_file or ())
    cases = read_cases(arguments.cases)
    if arguments.cases == "estimate":
        from lifeevents.studies.estimate import estimate_cases

        print(estimate_cases().summary(), file=sys.stderr)
    impact = YearlyImpact(
        cases,
        _life_events(cases, arguments.journey or (), regions),
        regions=regions,
        travel_minutes=arguments.travel_minutes,
        backend=arguments.backend,
        workers=arguments.workers,
    )
    result = recommend(
        impact,
        scenarios,
        budget=arguments.budget,
        objective=arguments.objective,
        years=arguments.years,
    )
    if arguments.format == "json":
        import json

        sys.stdout.write(json.dumps(result.to_dict(), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(format_recommendation(result, arguments.lang) + "\n")
    return 0


def _life_events(
    cases: tuple[AnnualCases, ...], files: Any, regions: dict[str, Region]
) -> dict[str, LifeEvent]:
    """The journeys the cases name: the files given, then built-in journeys by id."""
    from lifeevents.cli.studies import valid_life_events
    from lifeevents.library.builtin import builtin_journeys

    given = {life_event.id: life_event for life_event in valid_life_events(files, regions)}
    builtin = builtin_journeys()
    wanted = sorted({row.life_event for row in cases} - set(given))
    found = valid_life_events([name for name in wanted if name in builtin], regions)
    life_events = {**given, **{life_event.id: life_event for life_event in found}}
    return _with_grid(cases, life_events)


def _with_grid(
    cases: tuple[AnnualCases, ...], life_events: dict[str, LifeEvent]
) -> dict[str, LifeEvent]:
    """The journeys with the built-in persona grid when the cases name its personas
    (as ``lifeevents estimate --grid`` writes them)."""
    from lifeevents.studies.persona_grid import load_persona_grid, with_persona_grid

    grid = load_persona_grid()
    if not {row.persona for row in cases} & set(grid.shares()):
        return life_events
    return {key: with_persona_grid(life_event, grid) for key, life_event in life_events.items()}
