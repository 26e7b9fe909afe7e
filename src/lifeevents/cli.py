"""The ``lifeevents`` command line.

Exit codes follow the spec: 0 success, 1 invalid input (every problem printed as
``FILE:LINE:COLUMN: message``), 2 wrong usage.
"""

from __future__ import annotations

import argparse
import gc
import json
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from lifeevents.errors import (
    GraphvizNotFoundError,
    UnknownMunicipalityError,
    UnsupportedFormatError,
)
from lifeevents.gc_pause import collection_paused
from lifeevents.labels import LANGUAGES
from lifeevents.problems import CheckResult, InputError, Problem
from lifeevents.render.options import Highlight, View

# The engine, the renderers and pydantic load inside the commands that use them, so
# that `--help`, `list` and `validate` start fast (benchmarks/startup.py).
if TYPE_CHECKING:
    from lifeevents.journey import Journey
    from lifeevents.loader import Regions
    from lifeevents.model import LifeEvent
    from lifeevents.region import Region

__all__ = ["build_parser", "console", "main"]

EXIT_OK = 0
EXIT_INVALID = 1
EXIT_USAGE = 2
JOURNEY_SUFFIXES = (".yaml", ".yml")


class UsageError(Exception):
    """Wrong usage of the command line (exit code 2)."""


def journey_files(names: Sequence[str]) -> Iterator[Path]:
    """Files named, built-in journeys named, and journey files in folders named (sorted)."""
    from lifeevents.library import find_journey

    for name in names:
        path = Path(name)
        if path.is_dir():
            yield from sorted(
                found
                for found in path.rglob("*")
                if found.suffix in JOURNEY_SUFFIXES and found.is_file()
            )
        else:
            try:
                yield find_journey(name)
            except FileNotFoundError:
                yield path  # reported as a located "cannot read" problem


def _print_problems(problems: Sequence[Problem]) -> None:
    for problem in problems:
        print(problem, file=sys.stderr)


def _regions(arguments: argparse.Namespace) -> Regions:
    """Built-in regions, plus the user's region files (which win on equal ids)."""
    from lifeevents.library import builtin_regions
    from lifeevents.region_loader import load_region

    regions: dict[str, Region] = dict(builtin_regions())
    for path in arguments.region_file or ():
        region = load_region(path)
        regions[region.id] = region
    return regions


def _validate(arguments: argparse.Namespace) -> int:
    from lifeevents.validation import validate

    regions = _regions(arguments)
    results: list[CheckResult[LifeEvent]] = []
    for path in journey_files(arguments.paths):
        if path.suffix == ".xlsx":  # a workbook (lifeevents export ... -o x.xlsx)
            from lifeevents.workbook import validate_workbook

            result = validate_workbook(path, regions=regions)
        else:
            result = validate(path, regions)
        results.append(result)
        _print_problems(result.problems)
        if result.model is not None and result.ok and not arguments.quiet:
            steps = len(result.model.steps)
            print(f"{result.filename}: valid ({result.model.id}, {steps} steps)")
    if not results:
        searched = ", ".join(arguments.paths)
        print(f"lifeevents: no journey files (*.yaml, *.yml) in {searched}", file=sys.stderr)
        return EXIT_INVALID
    invalid = sum(not result.ok for result in results)
    if invalid:
        print(f"{invalid} of {len(results)} file(s) invalid", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


@dataclass(frozen=True)
class _Loaded:
    """A valid journey file, its region, the personas asked for, and the journeys that
    validating it built (reused when they are the ones asked for)."""

    life_event: LifeEvent
    region: Region | None
    personas: list[str]
    built: dict[tuple[str, str | None], Journey]

    def journey(self, persona: str, arguments: argparse.Namespace) -> Journey:
        from lifeevents.journey import journey

        municipality = arguments.municipality
        if self.region is not None and municipality is None:
            municipality = self.region.region.default_municipality
        origin = arguments.origin
        trip = self.built.get((persona, municipality))
        if trip is not None and (origin is None or origin == trip.origin):
            return trip
        return journey(
            self.life_event, persona, arguments.municipality, arguments.origin, self.region
        )


def _load_for_analysis(arguments: argparse.Namespace) -> _Loaded:
    """The valid journey, its region and the personas asked for; raise on bad input."""
    from lifeevents.library import find_journey
    from lifeevents.validation import validate

    regions = _regions(arguments)
    try:
        path = find_journey(arguments.journey)
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    built: dict[tuple[str, str | None], Journey] = {}
    result = validate(path, regions, trips=built)
    if result.model is None:
        raise InputError(result.problems)
    _print_problems(result.warnings)
    life_event = result.model
    region = regions.get(life_event.region) if life_event.region else None
    personas = life_event.persona_ids() if arguments.persona == "all" else [arguments.persona]
    for persona in personas:
        if persona not in life_event.persona_ids():
            known = ", ".join(life_event.persona_ids())
            raise UsageError(f"no persona '{persona}' in {path}; personas: {known}, or 'all'")
    return _Loaded(life_event, region, personas, built)


def _analyze(arguments: argparse.Namespace) -> int:
    from lifeevents.analysis.report import Report, analyze
    from lifeevents.text_report import format_report

    loaded = _load_for_analysis(arguments)
    reports: list[Report] = [
        analyze(loaded.journey(persona, arguments)) for persona in loaded.personas
    ]
    if reports and reports[0].journey.uses_origin and arguments.origin is None:
        print(
            f"lifeevents analyze: note: this journey involves the municipality the citizen "
            f"leaves ('@origin'); without --origin it is taken to be "
            f"{reports[0].journey.municipality}",
            file=sys.stderr,
        )
    if arguments.format == "json":
        data: Any = [report.to_dict() for report in reports]
        if arguments.persona != "all":
            data = data[0]
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write("\n".join(format_report(report, arguments.lang) for report in reports))
    return EXIT_OK


def _render(arguments: argparse.Namespace) -> int:
    from lifeevents.analysis.report import analyze
    from lifeevents.render.api import FORMATS, render_content, render_to_file
    from lifeevents.render.options import RenderOptions

    loaded = _load_for_analysis(arguments)
    if len(loaded.personas) != 1:
        raise UsageError("render draws one persona; name it with --persona")
    trip = loaded.journey(loaded.personas[0], arguments)
    options = RenderOptions(
        view=View(arguments.view),
        lang=arguments.lang,
        direction=arguments.direction,
        highlight=frozenset(Highlight)
        if arguments.highlight is None
        else frozenset(Highlight(item) for item in arguments.highlight.split(",") if item),
        compact=arguments.compact,
    )
    report = analyze(trip)
    if arguments.output == "-":
        fmt = arguments.format or FORMATS[options.view][0]
        content = render_content(report, fmt, options)
        if isinstance(content, bytes):
            raise UsageError(f"'{fmt}' is binary; write it to a file with -o FILE.{fmt}")
        sys.stdout.write(content)
        return EXIT_OK
    path = render_to_file(report, arguments.output, options)
    if not arguments.quiet:
        print(f"wrote {path}", file=sys.stderr)
    return EXIT_OK


def _workshop(arguments: argparse.Namespace) -> int:
    from lifeevents.library import builtin_journeys, find_journey
    from lifeevents.text_report import format_report
    from lifeevents.validation import validate
    from lifeevents.workshop import DEFAULT_OUTPUTS, Output, run_workshop

    regions = _regions(arguments)
    names = list(builtin_journeys()) if arguments.all else arguments.journeys
    if not names:
        raise UsageError("name journeys (files or built-in names), or use --all")
    life_events = []
    for name in names:
        try:
            path = find_journey(name)
        except FileNotFoundError as error:
            raise UsageError(str(error)) from None
        result = validate(path, regions)
        if result.model is None:
            raise InputError(result.problems)
        life_events.append(result.model)
    outputs = DEFAULT_OUTPUTS
    if arguments.formats:
        wanted = set(arguments.formats.split(","))
        outputs = tuple(item for item in DEFAULT_OUTPUTS if item.fmt in wanted)
        outputs += tuple(
            Output(view, fmt)
            for fmt in sorted(wanted - {item.fmt for item in DEFAULT_OUTPUTS})
            for view in (View.BLUEPRINT, View.JOURNEY)
        )
    entries = run_workshop(
        life_events,
        Path(arguments.output),
        regions=regions,
        municipality=arguments.municipality,
        origin=arguments.origin,
        lang=arguments.lang,
        outputs=outputs,
        progress=lambda message: print(message, file=sys.stderr, flush=True),
    )
    if not arguments.quiet:
        sys.stdout.write(
            "\n".join(format_report(entry.report, arguments.lang) for entry in entries)
        )
    print(
        f"wrote {sum(len(entry.files) for entry in entries)} files and an index to "
        f"{arguments.output}/",
        file=sys.stderr,
    )
    return EXIT_OK


def _list(arguments: argparse.Namespace) -> int:
    from lifeevents.library import builtin_journeys
    from lifeevents.validation import validate

    regions = _regions(arguments)
    lines = ["Life events (built-in journeys):"]
    for name, path in builtin_journeys().items():
        result = validate(path, regions)
        if result.model is None:
            lines.append(f"  {name:<28} (invalid: run 'lifeevents validate {name}')")
            continue
        personas = ", ".join(result.model.persona_ids())
        lines.append(f"  {name:<28} {result.model.name} — personas: {personas}")
    lines.append("")
    lines.append("Regions and municipalities:")
    for region in regions.values():
        default = region.region.default_municipality
        lines.append(f"  {region.id:<28} {region.region.name} (default municipality: {default})")
        for municipality_id, municipality in region.municipalities.items():
            kind = "Stadt" if municipality.kind == "stadt" else "Gemeinde"
            lines.append(f"    {municipality_id:<26} {municipality.name} ({kind})")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _schema(arguments: argparse.Namespace) -> int:
    from lifeevents.schema import journey_schema_json, region_schema_json

    sys.stdout.write(region_schema_json() if arguments.region else journey_schema_json())
    return EXIT_OK


def _add_region_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--region-file",
        action="append",
        metavar="FILE",
        help="your own region file (format lifeevents-region/1); may be repeated",
    )


def _add_place_options(parser: argparse.ArgumentParser) -> None:
    """Where and in which language: shared by analyze, render and workshop."""
    parser.add_argument("--municipality", help="home municipality (after the event)")
    parser.add_argument("--origin", help="municipality the citizen leaves (moving)")
    parser.add_argument("--lang", choices=LANGUAGES, default="de", help="language of the output")
    _add_region_file(parser)


def _add_journey_options(parser: argparse.ArgumentParser, *, persona_help: str) -> None:
    """One journey for one persona: shared by analyze and render."""
    parser.add_argument(
        "journey", metavar="FILE-or-NAME", help="journey file or built-in journey name"
    )
    parser.add_argument("--persona", default="default", help=persona_help)
    _add_place_options(parser)


class _VersionAction(argparse.Action):
    """``--version``, reading the installed version only when asked (importlib.metadata is slow)."""

    def __init__(self, option_strings: Sequence[str], dest: str, **kwargs: Any) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from lifeevents.version import __version__

        print(f"lifeevents {__version__}")  # on standard output, as argparse's own action
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="lifeevents",
        description=(
            "Model citizens' life events as graphs of administrative steps, "
            "find avoidable visits, handovers and media breaks, and draw the journey."
        ),
    )
    parser.add_argument("--version", action=_VersionAction, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)

    validate_command = commands.add_parser(
        "validate",
        help="check journey files and report every problem with file, line and column",
        description=(
            "Check journey files, folders of them, or built-in journeys by name, "
            "against format lifeevents/1."
        ),
    )
    validate_command.add_argument(
        "paths", nargs="+", metavar="PATH", help="journey file, folder, or built-in name"
    )
    validate_command.add_argument("-q", "--quiet", action="store_true", help="problems only")
    _add_region_file(validate_command)
    validate_command.set_defaults(handler=_validate)

    analyze_command = commands.add_parser(
        "analyze",
        help="count visits, handovers, media breaks and once-only violations of a journey",
        description=(
            "Analyse a journey by the definitions of journey-format-v1: visits as modelled "
            "and at minimum, channel handovers, media breaks, authority handovers, once-only "
            "violations, schedule and deadlines, digital shares."
        ),
    )
    _add_journey_options(analyze_command, persona_help="persona id, or 'all' for every persona")
    analyze_command.add_argument("--format", choices=("text", "json"), default="text")
    analyze_command.set_defaults(handler=_analyze)

    render_command = commands.add_parser(
        "render",
        help="draw a journey: blueprint, journey map or checklist (svg, png, pdf, mmd, html, …)",
        description=(
            "Draw a journey as a blueprint (lanes per level), a journey map (stages, emotions, "
            "pain points) or a checklist for citizens. The format follows the file suffix."
        ),
    )
    _add_journey_options(render_command, persona_help="persona id")
    render_command.add_argument(
        "-o",
        "--output",
        required=True,
        help="output file (suffix sets the format), or - for stdout",
    )
    render_command.add_argument(
        "--format", help="format when writing to stdout (-o -): svg, dot, mmd, html or md"
    )
    render_command.add_argument(
        "--view", choices=[view.value for view in View], default=View.BLUEPRINT.value
    )
    render_command.add_argument("--direction", choices=("LR", "TB"), default="LR")
    render_command.add_argument(
        "--highlight",
        metavar="LIST",
        help="comma-separated findings to mark (default all): "
        + ",".join(item.value for item in Highlight),
    )
    render_command.add_argument(
        "--compact",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="compact style for large journeys (default: automatic above 200 steps)",
    )
    render_command.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    render_command.set_defaults(handler=_render)

    workshop_command = commands.add_parser(
        "workshop",
        help="analyse life events for every persona and write all maps and an index",
        description=(
            "The main job for a working group: for each journey and each persona, print the "
            "findings and write the blueprint (svg, html), the journey map (svg) and the "
            "checklist (md, html) into OUTPUT/<life event>/, with an index.html and index.md."
        ),
    )
    workshop_command.add_argument(
        "journeys",
        nargs="*",
        metavar="FILE-or-NAME",
        help="journeys (default with --all: every one)",
    )
    workshop_command.add_argument("--all", action="store_true", help="every built-in journey")
    workshop_command.add_argument("-o", "--output", default="out", help="output folder")
    _add_place_options(workshop_command)
    workshop_command.add_argument(
        "--formats", metavar="LIST", help="only these formats, e.g. svg,png (default: svg,html,md)"
    )
    workshop_command.add_argument("-q", "--quiet", action="store_true", help="no text reports")
    workshop_command.set_defaults(handler=_workshop)

    list_command = commands.add_parser(
        "list",
        help="show the built-in life events, regions and municipalities",
        description="Show the built-in life events, regions and municipalities.",
    )
    _add_region_file(list_command)
    list_command.set_defaults(handler=_list)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of journey files (or of region files)",
        description="Print the JSON Schema of journey files, for editors and other tools.",
    )
    schema.add_argument("--region", action="store_true", help="the schema of region files")
    schema.set_defaults(handler=_schema)

    from lifeevents.export.commands import add_commands  # argparse only: --help stays fast

    add_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    parser = build_parser()
    arguments = parser.parse_args(argv)
    handler: Callable[[argparse.Namespace], int] = arguments.handler
    try:
        with collection_paused():
            return handler(arguments)
    except InputError as error:
        _print_problems(error.problems)
        return EXIT_INVALID
    except (UsageError, UnknownMunicipalityError, UnsupportedFormatError) as error:
        print(f"lifeevents {arguments.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except GraphvizNotFoundError as error:
        print(f"lifeevents {arguments.command}: {error}", file=sys.stderr)
        return EXIT_INVALID
    except BrokenPipeError:
        # Output piped into `head` and closed early: not an error of ours.
        sys.stderr.close()
        return EXIT_OK
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130


def console() -> NoReturn:
    """The ``lifeevents`` program: :func:`main`, then exit with its code.

    A command lives briefly and keeps most of what it builds, so the cyclic
    collector stays off for the whole process: its scans would cost about half of
    a 10,000-step analysis, and the one scan on switching it back on before exit
    about a sixth more.
    """
    gc.disable()
    sys.exit(main())


if __name__ == "__main__":
    console()
