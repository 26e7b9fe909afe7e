"""The ``sweep`` and ``matrix`` commands of the command line (studies across the Kreis);
``recommend`` lives in :mod:`lifeevents.cli.recommend`.

:func:`add_commands` only builds argument parsers and imports nothing heavy, so
``lifeevents --help`` stays fast; each handler imports pandas, Dask and the engine
when it runs. Wrong usage raises :class:`~lifeevents.cli.runtime.UsageError`
(exit code 2), invalid input :class:`~lifeevents.errors.InputError` (exit code 1,
located ``FILE:LINE:COLUMN`` lines).
"""

from __future__ import annotations

import argparse
import errno
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, TextIO

from lifeevents.text.labels import DEFAULT_LANGUAGE, LANGUAGES

if TYPE_CHECKING:
    from lifeevents.model.life_event import LifeEvent
    from lifeevents.model.region import Region

__all__ = ["add_commands"]

_SUFFIXES = ".csv, .parquet, .xlsx"


def add_commands(commands: Any) -> None:
    """Register ``sweep``, ``matrix`` and ``recommend`` on the sub-command parsers of the CLI.

    Parameters
    ----------
    commands
        The sub-command parsers (:meth:`argparse.ArgumentParser.add_subparsers`).

    Examples
    --------
    >>> parser = argparse.ArgumentParser(prog="lifeevents")
    >>> add_commands(parser.add_subparsers(dest="command"))
    >>> arguments = parser.parse_args(
    ...     ["sweep", "geburt", "todesfall", "-o", "studie.csv", "--municipality", "all"]
    ... )
    >>> arguments.journeys, arguments.output, arguments.municipality, arguments.backend
    (['geburt', 'todesfall'], 'studie.csv', ['all'], 'serial')
    >>> parser.parse_args(["matrix", "geburt", "-o", "matrix.html"]).lang
    'de'
    """
    sweep = commands.add_parser(
        "sweep",
        help=f"analyse every combination of journeys, personas, municipalities and "
        f"scenarios into one table ({_SUFFIXES})",
        description=(
            "Analyse every combination of the journeys named, their personas, municipalities "
            "and what-if scenarios, one row each with every figure of 'analyze', and write "
            f"the table; the suffix of OUTPUT chooses the format ({_SUFFIXES}; '-' writes "
            "CSV to standard output). Needs pip install 'lifeevents[studies]'. See "
            "docs/studies.md."
        ),
    )
    sweep.add_argument(
        "journeys", nargs="+", metavar="FILE-or-NAME", help="journey files or built-in names"
    )
    sweep.add_argument(
        "-o", "--output", required=True, help="output file; its suffix sets the format"
    )
    sweep.add_argument(
        "--persona",
        action="extend",
        nargs="+",
        metavar="P",
        help="persona ids every journey has, 'all' (default: each journey's own) or 'grid' "
        "(the persona grid, with a 'share' column; docs/studies.md)",
    )
    sweep.add_argument(
        "--persona-grid",
        metavar="FILE",
        help="your own persona grid file (lifeevents-persona-grid/1) for --persona grid",
    )
    sweep.add_argument(
        "--municipality",
        action="extend",
        nargs="+",
        metavar="M",
        help="municipality ids, or 'all' for every one of the region (default: the "
        "region's default municipality)",
    )
    sweep.add_argument(
        "--scenario",
        action="extend",
        nargs="+",
        metavar="FILE-or-NAME",
        help="what-if scenarios (files or built-in names): today and each alone",
    )
    sweep.add_argument(
        "--scenario-combinations",
        action="store_true",
        help="every combination of the scenarios (2**n per journey), not only each alone",
    )
    sweep.add_argument("--origin", help="municipality the citizen leaves (moving)")
    sweep.add_argument(
        "--backend",
        choices=("serial", "processes", "dask"),
        default="serial",
        help="where the analyses run: here, in local processes, or on Dask (default serial)",
    )
    sweep.add_argument(
        "--workers", type=int, metavar="N", help="processes (default: every processor)"
    )
    sweep.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="a running Dask scheduler (tcp://HOST:PORT) to use instead of a local cluster",
    )
    sweep.add_argument(
        "--region-file", action="append", metavar="FILE", help="your own region file"
    )
    sweep.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    sweep.set_defaults(handler=_sweep)

    matrix = commands.add_parser(
        "matrix",
        help="who is responsible for each step in each municipality (.csv, .html)",
        description=(
            "For each step of the journeys named and each municipality of their region: the "
            "responsible authority and its level; marks steps whose responsibility differs "
            "between municipalities and says where a life event involves both Kreis and "
            "Gemeinde. The suffix of OUTPUT chooses the format (.csv, .html). See "
            "docs/studies.md."
        ),
    )
    matrix.add_argument(
        "journeys", nargs="+", metavar="FILE-or-NAME", help="journey files or built-in names"
    )
    matrix.add_argument("-o", "--output", required=True, help="output file (.csv or .html)")
    matrix.add_argument(
        "--municipality",
        action="extend",
        nargs="+",
        metavar="M",
        help="only these municipalities (default: every one of the region)",
    )
    matrix.add_argument(
        "--lang", choices=LANGUAGES, default=DEFAULT_LANGUAGE, help="language of the page"
    )
    matrix.add_argument(
        "--region-file", action="append", metavar="FILE", help="your own region file"
    )
    matrix.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    matrix.set_defaults(handler=_matrix)

    from lifeevents.cli.estimate import add_estimate_command
    from lifeevents.cli.recommend import add_recommend_command

    add_recommend_command(commands)
    add_estimate_command(commands)


def _usage(message: str) -> Exception:
    # The command line's own class, so that it prints the message and exits with 2;
    # lifeevents.cli.runtime is loaded by then (the command line runs the handlers).
    from lifeevents.cli.runtime import UsageError

    return UsageError(message)


def _sweep(arguments: argparse.Namespace) -> int:
    from lifeevents.errors import UnsupportedFormatError
    from lifeevents.studies.files import frame_bytes, frame_format

    # Wrong usage first, before any work: the output, the backend's options.
    to_stdout = arguments.output == "-"
    try:
        suffix = frame_format("out.csv" if to_stdout else arguments.output)
    except UnsupportedFormatError as error:
        raise _usage(str(error)) from None
    if arguments.scheduler is not None and arguments.backend != "dask":
        raise _usage("--scheduler needs --backend dask")
    if arguments.workers is not None and arguments.workers < 1:
        raise _usage(f"--workers must be at least 1, not {arguments.workers}")
    if not to_stdout:
        _check_folder(arguments.output)
    regions = load_regions(arguments.region_file or ())
    life_events = valid_life_events(arguments.journeys, regions)
    frame = _run_sweep(arguments, life_events, regions)
    content = frame_bytes(frame, suffix, sheet="sweep")
    if to_stdout:
        sys.stdout.write(content.decode("utf-8"))
        return 0
    from lifeevents.formats.atomic import write_atomic

    write_atomic(arguments.output, content)
    if not arguments.quiet:
        print(f"wrote {arguments.output} ({len(frame)} rows)", file=sys.stderr)
    return 0


def _matrix(arguments: argparse.Namespace) -> int:
    from pathlib import Path

    from lifeevents.formats.atomic import write_atomic
    from lifeevents.studies.matrix import responsibility_matrix
    from lifeevents.text.labels import label

    suffix = Path(arguments.output).suffix.lower()
    if suffix not in (".csv", ".html"):
        raise _usage(
            f"cannot write '{suffix or arguments.output}': name the output *.csv or *.html"
        )
    if suffix == ".csv":
        from lifeevents.studies.files import frame_format

        frame_format(arguments.output)  # pandas is there, or say how to get it
    _check_folder(arguments.output)
    regions = load_regions(arguments.region_file or ())
    matrices = []
    for life_event in valid_life_events(arguments.journeys, regions):
        region = regions.get(life_event.region) if life_event.region else None
        if region is None:
            raise _usage(f"a responsibility matrix needs a region; '{life_event.id}' names none")
        unknown = [m for m in arguments.municipality or () if m not in region.municipalities]
        if unknown:
            known = ", ".join(region.municipalities)
            raise _usage(
                f"region '{region.id}' has no municipality '{unknown[0]}'; municipalities: {known}"
            )
        matrices.append(
            responsibility_matrix(life_event, region, municipalities=arguments.municipality)
        )
    if suffix == ".html":
        from lifeevents.studies.matrix_page import matrix_html

        content: str | bytes = matrix_html(matrices, arguments.lang)
    else:
        import pandas as pd

        from lifeevents.studies.files import frame_bytes

        frame = pd.concat([matrix.to_frame() for matrix in matrices], ignore_index=True)
        content = frame_bytes(frame.fillna(""), ".csv")
    write_atomic(arguments.output, content)
    if not arguments.quiet:
        lang = arguments.lang
        for matrix in matrices:
            both = len(matrix.needs_kreis_and_gemeinde())
            print(
                f"{matrix.life_event}: {label('kreis_and_gemeinde', lang)}: {both} "
                f"{label('of', lang)} {len(matrix.municipalities)} "
                f"{label('in_municipalities', lang)} · {label('differing_steps', lang)}: "
                f"{len(matrix.differing)}",
                file=sys.stderr,
            )
        print(f"wrote {arguments.output}", file=sys.stderr)
    return 0


def _run_sweep(
    arguments: argparse.Namespace, life_events: list[LifeEvent], regions: dict[str, Region]
) -> Any:
    from lifeevents.errors import SweepError
    from lifeevents.formats.scenario_file import load_scenarios
    from lifeevents.studies.progress import progress_bar
    from lifeevents.studies.sweeps import sweep

    try:
        scenarios = load_scenarios(arguments.scenario or ())
    except FileNotFoundError as error:
        raise _usage(str(error)) from None
    try:
        with (
            _client(arguments.scheduler) as client,
            # The bar is drawn with control sequences, which the command line's escaping
            # writer would show as text; it holds only our own words and numbers.
            progress_bar(_raw(sys.stderr), description="sweep") as tell,
        ):
            return sweep(
                life_events,
                personas=_personas(arguments.persona),
                persona_grid=arguments.persona_grid,
                municipalities=_all_or(arguments.municipality, None),
                scenarios=scenarios,
                scenario_combinations=arguments.scenario_combinations,
                origin=arguments.origin,
                regions=regions,
                backend=arguments.backend,
                client=client,
                workers=arguments.workers,
                progress=None if arguments.quiet else tell,
            )
    except SweepError as error:
        raise _usage(str(error)) from None


def _personas(values: Sequence[str] | None) -> Sequence[str] | str:
    """The personas asked for: ids, ``'all'`` (the default) or ``'grid'`` alone."""
    chosen = _all_or(values, "all") or "all"
    if not isinstance(chosen, str) and "grid" in chosen:
        if len(chosen) > 1:
            raise _usage("'grid' stands alone: give 'grid' or ids, not both")
        return "grid"
    return chosen


def _check_folder(output: str) -> None:
    """The folder of ``output`` exists: said before the work, not after it."""
    from pathlib import Path

    folder = Path(output).parent
    if not folder.is_dir():
        raise FileNotFoundError(errno.ENOENT, "no such folder", str(folder))


def _all_or(values: Sequence[str] | None, default: str | None) -> Sequence[str] | str | None:
    """The ids given, ``'all'`` when given (alone), or ``default`` when none are."""
    if not values:
        return default
    if "all" in values:
        if len(values) > 1:
            raise _usage("'all' stands alone: give 'all' or ids, not both")
        return "all"
    return values


@contextmanager
def _client(address: str | None) -> Iterator[Any]:
    """A Dask client connected to ``address`` while the block runs (``None`` without one)."""
    if address is None:
        yield None
        return
    import importlib

    try:
        distributed: Any = importlib.import_module("distributed")
    except ImportError as error:
        message = f"--scheduler needs dask.distributed ({error}): "
        raise _usage(message + "pip install 'lifeevents[studies]'") from None
    try:
        client = distributed.Client(address, timeout="10s")
    except OSError as error:
        raise _usage(f"--scheduler {address}: cannot connect ({error})") from None
    try:
        yield client
    finally:
        client.close()


def load_regions(region_files: Sequence[str]) -> dict[str, Region]:
    """Built-in regions, plus the user's region files (which win on equal ids)."""
    from lifeevents.formats.region_file import builtin_regions, load_region

    regions = dict(builtin_regions())
    for path in region_files:
        region = load_region(path)
        regions[region.id] = region
    return regions


def valid_life_events(names: Sequence[str], regions: dict[str, Region]) -> list[LifeEvent]:
    """The valid journeys named (files or built-in names), checked like ``validate``."""
    from lifeevents.analysis.validation import validate
    from lifeevents.errors import InputError
    from lifeevents.library.builtin import find_journey
    from lifeevents.model.problems import Problem

    life_events: list[LifeEvent] = []
    problems: list[Problem] = []
    for name in dict.fromkeys(names):
        try:
            path = find_journey(name)
        except FileNotFoundError as error:
            raise _usage(str(error)) from None
        result = validate(path, regions)
        if result.model is None or not result.ok:
            problems.extend(problem for problem in result.problems if problem.is_error)
        else:
            life_events.append(result.model)
    if problems:
        raise InputError(problems)
    return life_events


def _raw(stream: TextIO) -> TextIO:
    """The stream under the command line's escaping writer."""
    from lifeevents.cli.streams import EscapingWriter

    return stream.stream if isinstance(stream, EscapingWriter) else stream
