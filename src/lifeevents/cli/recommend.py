"""The ``recommend`` command: which scenarios to fund first within a budget.

Registered by :func:`lifeevents.cli.studies.add_commands`; like it, this
module imports nothing heavy until the command runs.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from lifeevents.text.labels import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from lifeevents.model.life_event import LifeEvent
    from lifeevents.model.region import Region
    from lifeevents.model.scenario import Scenario
    from lifeevents.studies.cases import AnnualCases
    from lifeevents.studies.impact import YearlyImpact

__all__ = [
    "add_cases_arguments",
    "add_recommend_command",
    "candidate_scenarios",
    "check_cases_arguments",
    "yearly_impact",
]


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
        "--scenario",
        action="extend",
        nargs="+",
        metavar="FILE-or-NAME",
        help="candidate scenarios (default: every built-in one)",
    )
    recommend.add_argument(
        "--objective", choices=("visits", "hours"), default="visits", help="what to save"
    )
    add_cases_arguments(recommend)
    recommend.add_argument("--format", choices=("text", "json"), default="text")
    recommend.add_argument("--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE)
    recommend.set_defaults(handler=_recommend)


def add_cases_arguments(parser: argparse.ArgumentParser) -> None:
    """Add what a yearly impact is computed from: ``--cases``, ``--years``,
    ``--travel-minutes``, ``--journey``, ``--backend``, ``--workers``, ``--region-file``.

    Shared by ``recommend`` and ``impact``; :func:`yearly_impact` reads them.

    Parameters
    ----------
    parser : argparse.ArgumentParser
        The command's parser.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_cases_arguments(parser)
    >>> arguments = parser.parse_args(["--cases", "cases.yaml", "--years", "3"])
    >>> arguments.cases, arguments.years, arguments.travel_minutes, arguments.journey
    ('cases.yaml', 3, 0.0, None)
    """
    parser.add_argument(
        "--cases",
        required=True,
        metavar="FILE",
        help="annual cases per life event, municipality (and persona): .csv or .yaml, or "
        "'estimate' for the built-in estimate for Kreis Steinfurt (docs/studies.md)",
    )
    parser.add_argument(
        "--years", type=int, default=1, metavar="N", help="costs over N years (default 1)"
    )
    parser.add_argument(
        "--travel-minutes",
        type=float,
        default=0.0,
        metavar="M",
        help="your travel time per visit, for citizen hours (default 0: none is sourced)",
    )
    parser.add_argument(
        "--journey",
        action="append",
        metavar="FILE",
        help="a journey file the cases name (built-in journeys are found by their id)",
    )
    parser.add_argument("--backend", choices=("serial", "processes", "dask"), default="serial")
    parser.add_argument("--workers", type=int, metavar="N", help="processes")
    parser.add_argument(
        "--region-file", action="append", metavar="FILE", help="your own region file"
    )


def _recommend(arguments: argparse.Namespace) -> int:
    from lifeevents.cli.runtime import UsageError
    from lifeevents.studies.recommend_text import format_recommendation
    from lifeevents.studies.selection import recommend, scenario_cost

    if arguments.budget < 0:
        raise UsageError("--budget must be at least 0")
    check_cases_arguments(arguments)
    scenarios = candidate_scenarios(arguments.scenario)
    if all(scenario_cost(scenario) is None for scenario in scenarios):
        raise UsageError(
            "none of the scenarios gives a cost ('cost:' in the scenario file, "
            "scenario-format-v1), so none can be weighed against a budget; the built-in "
            "scenarios give none (no public figure was found)"
        )
    impact = yearly_impact(arguments)
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


def check_cases_arguments(arguments: argparse.Namespace) -> None:
    """Raise :class:`~lifeevents.cli.runtime.UsageError` for wrong values of
    :func:`add_cases_arguments`' options, before any work.

    Parameters
    ----------
    arguments : argparse.Namespace
        The parsed command line.

    Examples
    --------
    >>> parser = argparse.ArgumentParser()
    >>> add_cases_arguments(parser)
    >>> check_cases_arguments(parser.parse_args(["--cases", "c.csv", "--years", "0"]))
    Traceback (most recent call last):
    ...
    lifeevents.cli.runtime.UsageError: --travel-minutes must be at least 0, --years at least 1
    """
    from lifeevents.cli.runtime import UsageError

    if arguments.years < 1 or arguments.travel_minutes < 0:
        raise UsageError("--travel-minutes must be at least 0, --years at least 1")
    if arguments.workers is not None and arguments.workers < 1:
        raise UsageError(f"--workers must be at least 1, not {arguments.workers}")


def candidate_scenarios(names: Sequence[str] | None) -> list[Scenario]:
    """The scenarios named (files or built-in names), or every built-in one.

    Parameters
    ----------
    names : sequence of str or None
        Scenario files or built-in names; none: every built-in scenario.

    Returns
    -------
    list of Scenario
        The scenarios, checked, in the order given.

    Raises
    ------
    lifeevents.cli.runtime.UsageError
        For a name that is neither a file nor a built-in scenario.

    Examples
    --------
    >>> [scenario.id for scenario in candidate_scenarios(["ewa", "urkunden-direkt"])]
    ['ewa', 'urkunden-direkt']
    """
    from lifeevents.cli.runtime import UsageError
    from lifeevents.formats.scenario_file import load_scenarios
    from lifeevents.library.builtin import builtin_scenarios

    try:
        return load_scenarios(names or list(builtin_scenarios()))
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None


def yearly_impact(arguments: argparse.Namespace) -> YearlyImpact:
    """The yearly impact of the cases of :func:`add_cases_arguments`' options.

    The one place the commands ``recommend`` and ``impact`` read their cases: the
    cases file, the journeys it names (the ``--journey`` files, then built-in
    journeys by id), the regions (built-in and ``--region-file``).

    Parameters
    ----------
    arguments : argparse.Namespace
        The parsed command line.

    Returns
    -------
    YearlyImpact
        Ready to give yearly totals with any scenarios.

    Raises
    ------
    lifeevents.errors.InputError
        For a cases or journey file with problems, located.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> parser = argparse.ArgumentParser()
    >>> add_cases_arguments(parser)
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     cases = Path(folder) / "cases.csv"
    ...     _ = cases.write_text("life_event,municipality,cases\\ntodesfall,saerbeck,10\\n")
    ...     impact = yearly_impact(parser.parse_args(["--cases", str(cases)]))
    >>> impact.totals().once_only_violations
    40.0
    """
    from lifeevents.cli.studies import load_regions
    from lifeevents.studies.cases import read_cases
    from lifeevents.studies.impact import YearlyImpact

    regions = load_regions(arguments.region_file or ())
    if arguments.cases == "estimate":
        from lifeevents.studies.estimate import estimate_cases

        estimate = estimate_cases()
        # Say on standard error that these cases are an estimate and what it leaves out.
        print(estimate.summary(), file=sys.stderr)
        cases = estimate.to_cases()
    else:
        cases = read_cases(arguments.cases)
    return YearlyImpact(
        cases,
        _life_events(cases, arguments.journey or (), regions),
        regions=regions,
        travel_minutes=arguments.travel_minutes,
        backend=arguments.backend,
        workers=arguments.workers,
    )


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
