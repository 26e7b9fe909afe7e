"""The ``lifeevents`` command line.

Exit codes follow the spec: 0 success, 1 invalid input (every problem printed as
``FILE:LINE:COLUMN: message``), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

from lifeevents import __version__
from lifeevents.loader import CheckResult, check
from lifeevents.problems import Problem
from lifeevents.schema import journey_schema_json

__all__ = ["main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
JOURNEY_SUFFIXES = (".yaml", ".yml")


def journey_files(paths: Sequence[str]) -> Iterator[Path]:
    """Files named, and journey files found (recursively, sorted) in folders named."""
    for name in paths:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                found
                for found in path.rglob("*")
                if found.suffix in JOURNEY_SUFFIXES and found.is_file()
            )
        else:
            yield path


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _validate(arguments: argparse.Namespace) -> int:
    results: list[CheckResult] = []
    for path in journey_files(arguments.paths):
        result = check(path)
        results.append(result)
        _print_problems(result.problems)
        if result.ok and not arguments.quiet:
            assert result.life_event is not None
            steps = len(result.life_event.steps)
            print(f"{result.filename}: valid ({result.life_event.id}, {steps} steps)")
    if not results:
        searched = ", ".join(arguments.paths)
        print(
            f"lifeevents validate: no journey files (*.yaml, *.yml) in {searched}", file=sys.stderr
        )
        return EXIT_INVALID
    invalid = sum(not result.ok for result in results)
    if invalid:
        print(f"{invalid} of {len(results)} file(s) invalid", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _schema(arguments: argparse.Namespace) -> int:
    sys.stdout.write(journey_schema_json())
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lifeevents",
        description=(
            "Model citizens' life events as graphs of administrative steps, "
            "find avoidable visits, handovers and media breaks, and draw the journey."
        ),
    )
    parser.add_argument("--version", action="version", version=f"lifeevents {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate = commands.add_parser(
        "validate",
        help="check journey files and report every problem with file, line and column",
        description="Check journey files (or folders of them) against format lifeevents/1.",
    )
    validate.add_argument("paths", nargs="+", metavar="PATH", help="journey file or folder")
    validate.add_argument("-q", "--quiet", action="store_true", help="print problems only")
    validate.set_defaults(handler=_validate)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of the journey format",
        description="Print the JSON Schema of journey files, for editors and other tools.",
    )
    schema.set_defaults(handler=_schema)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = arguments.handler
    try:
        return handler(arguments)
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
