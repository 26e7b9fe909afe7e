"""The ``conform`` and ``simulate`` commands of the command line.

:func:`add_commands` only declares the options (argparse), so ``lifeevents
--help`` stays fast; the handlers import the engine, pyarrow and numpy when they
run. Errors follow the rest of the command line: every input problem as
``FILE:LINE:COLUMN: message`` and exit code 1, wrong usage exit code 2.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from lifeevents.cli.options import (
    JOURNEY_HELP_BRIEF,
    add_journey,
    add_lang,
    add_municipality,
    add_origin,
    add_persona,
)
from lifeevents.cli.runtime import UsageError, print_problems

if TYPE_CHECKING:
    from lifeevents.cli.options import Commands
    from lifeevents.model.life_event import LifeEvent
    from lifeevents.model.region import Region

__all__ = ["add_commands"]

_PROBABILITIES = ("skip", "swap", "extra_trip", "channel", "late", "unknown")


def add_commands(commands: Commands) -> None:
    """Add ``conform`` and ``simulate`` to the sub-command parsers of ``lifeevents``.

    Parameters
    ----------
    commands
        The sub-command parsers.

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_commands(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(["conform", "geburt", "log.csv", "--column", "case=Fall"])
    >>> arguments.persona, arguments.column, arguments.format
    (None, ['case=Fall'], 'text')
    >>> parser.parse_args(["simulate", "geburt", "--cases", "3", "-o", "-"]).skip
    0.0
    """
    conform = commands.add_parser(
        "conform",
        help="check an event log of real cases against a journey (designed vs observed)",
        description=(
            "Check every case of an event log (CSV, or XES by the suffix .xes) against the "
            "journey for its persona and municipality: visits made vs the minimum, skipped "
            "steps, unknown activities, steps out of order, missed deadlines, and the gaps "
            "between dependent steps. Needs the extra: pip install 'lifeevents[observed]'."
        ),
    )
    add_journey(conform, JOURNEY_HELP_BRIEF)
    conform.add_argument("log", metavar="LOG", help="event log: CSV with a header, or .xes")
    conform.add_argument("--mapping", metavar="FILE", help="YAML: activity name -> step id")
    add_persona(
        conform,
        "persona of every case (default: the log's persona column, else default)",
        default=None,
    )
    add_municipality(conform, "municipality of every case (default: the log's column)")
    add_origin(conform)
    conform.add_argument(
        "--column",
        action="append",
        default=[],
        metavar="KEY=NAME",
        help="column (XES: attribute key) names, e.g. case=Vorgang; keys: case, activity, "
        "timestamp, channel, site, persona, municipality, event_date",
    )
    conform.add_argument("--delimiter", default=",", help="CSV delimiter (default ,)")
    conform.add_argument(
        "--max-size", type=int, default=1024, metavar="MIB", help="largest log read (MiB)"
    )
    conform.add_argument(
        "--map",
        metavar="FILE",
        help="also draw the journey with observed frequencies and deviations (.svg, .png, "
        ".pdf, .dot), for the persona and municipality with the most cases",
    )
    conform.add_argument("--format", choices=("text", "json", "csv"), default="text")
    add_lang(conform)
    conform.add_argument("-o", "--output", default="-", help="output file, or - for stdout")
    conform.set_defaults(handler=_conform)

    simulate = commands.add_parser(
        "simulate",
        help="write a synthetic event log of a journey, with planted deviations",
        description=(
            "Play a journey for many cases and write the event log as CSV, with deviations "
            "planted at the given rates (each a probability per case) and, with --truth, the "
            "ground truth in the shape of 'conform --format json'."
        ),
    )
    add_journey(simulate, JOURNEY_HELP_BRIEF)
    simulate.add_argument("--cases", type=int, required=True, help="number of cases")
    simulate.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    simulate.add_argument("-o", "--output", required=True, help="log file (CSV), or -")
    add_persona(simulate)
    add_municipality(simulate)
    add_origin(simulate)
    for name in _PROBABILITIES:
        simulate.add_argument(
            f"--{name.replace('_', '-')}",
            type=float,
            default=0.0,
            metavar="P",
            help=f"probability that a case gets the deviation '{name}'",
        )
    simulate.add_argument("--delay-days", type=int, default=0, help="random delay per step")
    simulate.add_argument(
        "--activity", choices=("name", "id"), default="name", help="write step names or ids"
    )
    simulate.add_argument("--truth", metavar="FILE", help="write the ground truth (JSON)")
    simulate.set_defaults(handler=_simulate)


def _load(name: str) -> tuple[LifeEvent, Region | None]:
    from lifeevents.analysis.validation import validate
    from lifeevents.errors import InputError
    from lifeevents.formats.region_file import builtin_regions
    from lifeevents.library.builtin import find_journey

    try:
        path = find_journey(name)
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    regions = builtin_regions()
    result = validate(path, regions)
    if result.model is None or not result.ok:
        raise InputError(result.errors)
    print_problems(result.warnings)
    life_event = result.model
    return life_event, regions.get(life_event.region) if life_event.region else None


def _write(output: str, content: str) -> None:
    """Standard output, or a file written atomically (an OSError is reported by the
    command line's one error path, with exit code 1)."""
    if output == "-":
        sys.stdout.write(content)
        return
    from lifeevents.formats.atomic import write_atomic

    write_atomic(output, content)


def _conform(arguments: argparse.Namespace) -> int:
    import json

    from lifeevents.errors import MissingExtraError
    from lifeevents.observed.log import LogColumns, require_engine

    try:
        require_engine()
    except MissingExtraError as error:
        print(f"lifeevents conform: {error}", file=sys.stderr)
        return 1
    from lifeevents.observed.conformance import conform
    from lifeevents.observed.csv_log import read_csv_log
    from lifeevents.observed.mapping import read_mapping
    from lifeevents.observed.report import ObservedReport
    from lifeevents.observed.xes_log import read_xes_log

    is_xes = arguments.log.lower().endswith(".xes")
    try:
        columns = LogColumns.parse(arguments.column, LogColumns.xes() if is_xes else None)
    except ValueError as error:
        raise UsageError(str(error)) from None
    if len(arguments.delimiter) != 1:
        raise UsageError("--delimiter must be one character")
    life_event, region = _load(arguments.journey)
    if arguments.persona is not None and arguments.persona not in life_event.persona_ids():
        known = ", ".join(life_event.persona_ids())
        raise UsageError(f"no persona '{arguments.persona}' in {life_event.id}; personas: {known}")
    mapping = read_mapping(arguments.mapping, life_event) if arguments.mapping else None
    limit = arguments.max_size * 1024 * 1024
    if is_xes:
        log = read_xes_log(arguments.log, columns, max_bytes=limit)
    else:
        log = read_csv_log(arguments.log, columns, delimiter=arguments.delimiter, max_bytes=limit)
    result = conform(
        log,
        life_event,
        mapping=mapping,
        persona=arguments.persona,
        municipality=arguments.municipality,
        origin=arguments.origin,
        region=region,
    )
    report = ObservedReport(result)
    if arguments.map and result.log.cases:
        import numpy as np

        from lifeevents.observed.observed_map import render_observed_map

        busiest = int(np.bincount(result.case_journey).argmax())
        render_observed_map(result, arguments.map, busiest)
    if arguments.format == "json":
        from lifeevents.text.terminal import json_safe

        # Control characters from the log stay escaped (\uXXXX), as in every JSON output.
        content = json_safe(json.dumps(report.to_dict(), indent=1, ensure_ascii=False)) + "\n"
    elif arguments.format == "csv":
        content = report.to_csv()
    else:
        content = report.to_text(arguments.lang, life_event)
    _write(arguments.output, content)
    return 0


def _simulate(arguments: argparse.Namespace) -> int:
    import json

    from lifeevents.graph.journey import journey
    from lifeevents.observed.synthetic import Deviations, simulate

    if arguments.cases < 1:
        raise UsageError("--cases must be at least 1")
    try:
        deviations = Deviations(
            **{name: getattr(arguments, name) for name in _PROBABILITIES},
            delay_days=arguments.delay_days,
        )
    except ValueError as error:
        raise UsageError(str(error)) from None
    life_event, region = _load(arguments.journey)
    if arguments.persona not in life_event.persona_ids():
        known = ", ".join(life_event.persona_ids())
        raise UsageError(f"no persona '{arguments.persona}' in {life_event.id}; personas: {known}")
    trip = journey(
        life_event,
        arguments.persona,
        municipality=arguments.municipality,
        origin=arguments.origin,
        region=region,
    )
    played = simulate(
        trip, arguments.cases, arguments.seed, deviations, activity=arguments.activity
    )
    if arguments.truth:
        truth = {"life_event": life_event.id, "per_case": played.truth}
        _write(arguments.truth, json.dumps(truth, indent=1, ensure_ascii=False) + "\n")
    _write(arguments.output, played.to_csv())
    return 0
