"""The ``impact`` command: the yearly impact of each scenario, and of all together.

One row per scenario applied alone, then one with all of them together (their
real combined effect), with the yearly figures today and with the scenario, the
saving, the cost and the cost per visit saved; as a table (``.csv``, ``.xlsx``,
``.parquet``) or an HTML report with pictures (``.html``). The cases, the
journeys and the scenarios are loaded as ``recommend`` loads them
(:mod:`lifeevents.cli.recommend`). Like every command, this module imports
nothing heavy until the command runs.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from lifeevents.text.labels import DEFAULT_LANGUAGE, LANGUAGES

__all__ = ["add_command"]

_SUFFIXES = (".csv", ".xlsx", ".parquet", ".html")


def add_command(commands: Any) -> None:
    """Register ``impact`` on the sub-command parsers of the CLI.

    Parameters
    ----------
    commands
        The sub-command parsers (:meth:`argparse.ArgumentParser.add_subparsers`).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_command(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["impact", "--cases", "cases.csv", "-o", "impact.html"])
    >>> arguments.cases, arguments.output, arguments.scenario, arguments.years, arguments.lang
    ('cases.csv', 'impact.html', None, 1, 'de')
    """
    from lifeevents.cli.recommend import add_cases_arguments

    impact = commands.add_parser(
        "impact",
        help="the yearly impact of each scenario and of all together (.csv, .xlsx, .html)",
        description=(
            "For the annual cases you give: yearly visits, visits at the Kreis, citizen "
            "hours, handovers, media breaks and once-only violations today and with each "
            "scenario alone, then with all of them together (their real combined effect), "
            "the saving, the cost (from the scenario's 'cost:', empty without one: the "
            "built-in scenarios give none) and the cost per visit saved. The suffix of "
            "OUTPUT chooses the format: a table (.csv, .xlsx, .parquet) or a report with "
            "pictures (.html). Needs pip install 'lifeevents[studies]'. See docs/studies.md."
        ),
    )
    impact.add_argument(
        "-o", "--output", required=True, help="output file: .csv, .xlsx, .parquet or .html"
    )
    impact.add_argument(
        "--scenario",
        action="extend",
        nargs="+",
        metavar="FILE-or-NAME",
        help="scenarios, one row each (default: every built-in one)",
    )
    add_cases_arguments(impact)
    impact.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the report"
    )
    impact.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    impact.set_defaults(handler=_impact)


def _impact(arguments: argparse.Namespace) -> int:
    from pathlib import Path

    from lifeevents.cli.recommend import (
        candidate_scenarios,
        check_cases_arguments,
        yearly_impact,
    )
    from lifeevents.cli.runtime import UsageError
    from lifeevents.cli.studies import _check_folder as check_folder
    from lifeevents.formats.atomic import write_atomic

    # Wrong usage first, before any work: the output, the packages it needs, the options.
    suffix = Path(arguments.output).suffix.lower()
    if suffix not in _SUFFIXES:
        raise UsageError(
            f"cannot write '{suffix or arguments.output}': name the output "
            + ", ".join(f"*{known}" for known in _SUFFIXES)
        )
    _check_packages(suffix, arguments.output)
    check_cases_arguments(arguments)
    check_folder(arguments.output)
    scenarios = candidate_scenarios(arguments.scenario)
    ids = [scenario.id for scenario in scenarios]
    twice = next((name for name in ids if ids.count(name) > 1), None)
    if twice is not None:
        raise UsageError(f"scenario '{twice}' is given twice")
    impact = yearly_impact(arguments)
    if suffix == ".html":
        from lifeevents.studies.impact_page import impact_html

        content: str | bytes = impact_html(
            impact,
            scenarios,
            years=arguments.years,
            source=Path(arguments.cases).name,
            lang=arguments.lang,
        )
    else:
        from lifeevents.studies.files import frame_bytes
        from lifeevents.studies.impact_table import impact_frame, impact_table

        rows = impact_table(impact, scenarios, years=arguments.years)
        content = frame_bytes(impact_frame(rows), suffix, sheet="impact")
    write_atomic(arguments.output, content)
    if not arguments.quiet:
        print(f"wrote {arguments.output} ({len(scenarios)} scenario(s))", file=sys.stderr)
    return 0


def _check_packages(suffix: str, output: str) -> None:
    """The packages the output needs are installed, or say how to get them."""
    import importlib.util

    from lifeevents.cli.runtime import UsageError
    from lifeevents.errors import UnsupportedFormatError
    from lifeevents.studies.files import frame_format

    if suffix == ".html":
        for package in ("pandas", "matplotlib"):
            if importlib.util.find_spec(package) is None:
                raise UsageError(
                    f"writing .html needs {package}: pip install 'lifeevents[studies]'"
                )
        return
    try:
        frame_format(output)
    except UnsupportedFormatError as error:
        raise UsageError(str(error)) from None
