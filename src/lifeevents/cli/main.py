"""The ``lifeevents`` command line.

Exit codes follow the spec: 0 success, 1 invalid input (every problem printed as
``FILE:LINE:COLUMN: message``) or an error of the operating system, 2 wrong usage,
130 interrupted; see :mod:`lifeevents.cli.runtime`.
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

from lifeevents.cli.runtime import (
    EXIT_INVALID,
    EXIT_OK,
    EXIT_USAGE,
    UsageError,
    run_command,
    terminal_streams,
)
from lifeevents.errors import InputError
from lifeevents.formats.gc_pause import collection_paused
from lifeevents.model.problems import CheckResult, Problem
from lifeevents.text.labels import LANGUAGES, label
from lifeevents.text.terminal import json_safe, terminal_safe
from lifeevents.views.options import Highlight, View

# The engine, the renderers and pydantic load inside the commands that use them, so
# that `--help`, `list` and `validate` start fast (benchmarks/startup.py).
if TYPE_CHECKING:
    from lifeevents.formats.journey_file import Regions
    from lifeevents.graph.journey import Journey
    from lifeevents.model.life_event import LifeEvent
    from lifeevents.model.region import Region
    from lifeevents.model.scenario import Scenario
    from lifeevents.scenarios import Applied

__all__ = ["build_parser", "console", "main"]

JOURNEY_SUFFIXES = (".yaml", ".yml")


def journey_files(names: Sequence[str]) -> Iterator[Path]:
    """Files named, built-in journeys named, and journey files in folders named (sorted)."""
    from lifeevents.library.builtin import find_journey

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
    # One line each, even when a file name or a value holds a line break.
    for problem in problems:
        print(terminal_safe(str(problem), one_line=True), file=sys.stderr)


def _regions(arguments: argparse.Namespace) -> Regions:
    """Built-in regions, plus the user's region files (which win on equal ids)."""
    from lifeevents.formats.region_file import builtin_regions, load_region

    regions: dict[str, Region] = dict(builtin_regions())
    for path in arguments.region_file or ():
        region = load_region(path)
        regions[region.id] = region
    return regions


def _validate(arguments: argparse.Namespace) -> int:
    regions = _regions(arguments)
    results: list[CheckResult[Any]] = []
    for path in journey_files(arguments.paths):
        result, summary = _check_file(path, regions)
        results.append(result)
        _print_problems(result.problems)
        if result.model is not None and result.ok and not arguments.quiet:
            print(f"{terminal_safe(result.filename, one_line=True)}: valid ({summary})")
    if not results:
        searched = ", ".join(arguments.paths)
        print(f"lifeevents: no journey files (*.yaml, *.yml) in {searched}", file=sys.stderr)
        return EXIT_INVALID
    invalid = sum(not result.ok for result in results)
    if invalid:
        print(f"{invalid} of {len(results)} file(s) invalid", file=sys.stderr)
        return EXIT_INVALID
    return EXIT_OK


def _check_file(path: Path, regions: Regions) -> tuple[CheckResult[Any], str]:
    """Check a journey, region or scenario file, as its ``format:`` line says it is;
    a workbook (``.xlsx``, see :mod:`lifeevents.export.workbook_reader`) as a journey."""
    if path.suffix == ".xlsx":
        from lifeevents.export.workbook_reader import validate_workbook

        workbook = validate_workbook(path, regions=regions)
        model = workbook.model
        return workbook, f"{model.id}, {len(model.steps)} steps" if model else ""
    from lifeevents.formats import file_kinds

    kind = file_kinds.format_of(path)
    if kind == file_kinds.REGION:
        from lifeevents.formats.region_file import check_region

        region = check_region(path)
        count = len(region.model.municipalities) if region.model else 0
        return region, f"region {region.model.id if region.model else ''}, {count} municipalities"
    if kind == file_kinds.SCENARIO:
        return _check_scenario(path, regions)
    from lifeevents.analysis.validation import validate

    journey = validate(path, regions)
    model = journey.model
    return journey, f"{model.id}, {len(model.steps)} steps" if model else ""


def _check_scenario(path: Path, regions: Regions) -> tuple[CheckResult[Any], str]:
    """A scenario file, and applied to each built-in journey it names (their ids)."""
    from lifeevents.formats.journey_file import load
    from lifeevents.formats.scenario_file import check_scenario
    from lifeevents.library.builtin import builtin_journeys
    from lifeevents.scenarios import apply_scenarios

    result = check_scenario(path)
    scenario = result.model
    if scenario is None:
        return result, ""
    builtin = {load(file).id: file for file in builtin_journeys().values()}
    tried = [life_event for life_event in scenario.applies_to or () if life_event in builtin]
    problems: list[Problem] = []
    for life_event_id in tried:
        try:
            apply_scenarios(load(builtin[life_event_id], regions), [scenario], regions=regions)
        except InputError as error:
            problems.extend(error.problems)
    if problems:
        return CheckResult(result.filename, None, (*result.problems, *problems)), ""
    checked = f"; applies to {', '.join(tried)}" if tried else ""
    return result, f"scenario {scenario.id}, {len(scenario.changes)} changes{checked}"


@dataclass(frozen=True)
class _Loaded:
    """A valid journey file, its region, the personas asked for, and the journeys that
    validating it built (reused when they are the ones asked for)."""

    life_event: LifeEvent
    region: Region | None
    personas: list[str]
    built: dict[tuple[str, str | None], Journey]
    scenarios: tuple[str, ...] = ()  # the ids of the scenarios applied

    def municipalities(self, arguments: argparse.Namespace) -> list[str | None]:
        """The municipality asked for, or every one of the region for ``all``."""
        if arguments.municipality != "all":
            return [arguments.municipality]
        if self.region is None:
            raise UsageError(
                f"--municipality all needs a region; '{self.life_event.id}' names none"
            )
        return list(self.region.municipalities)

    def journey(
        self, persona: str, arguments: argparse.Namespace, place: str | None = None
    ) -> Journey:
        """The journey of ``persona`` in ``place`` (default: the municipality asked for)."""
        from lifeevents.graph.journey import journey

        municipality = place if place is not None else arguments.municipality
        asked = municipality
        if self.region is not None and municipality is None:
            municipality = self.region.region.default_municipality
        origin, event_place = arguments.origin, arguments.event_place
        trip = self.built.get((persona, municipality))
        if (
            trip is not None
            and (origin is None or origin == trip.origin)
            and (event_place is None or event_place == trip.event_place)
        ):
            return trip
        return journey(
            self.life_event,
            persona,
            municipality=asked,
            origin=arguments.origin,
            region=self.region,
            event_place=event_place,
        )


def _load_for_analysis(arguments: argparse.Namespace, *, apply: bool = True) -> _Loaded:
    """The valid journey, its region and the personas asked for; raise on bad input.
    With ``apply``, the scenarios asked for are applied."""
    from lifeevents.analysis.validation import BuiltJourneys, validate
    from lifeevents.library.builtin import find_journey

    regions = _regions(arguments)
    try:
        path = find_journey(arguments.journey)
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None
    wanted = None if arguments.persona == "all" else frozenset({arguments.persona})
    built = BuiltJourneys(wanted)
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
    if not apply or not arguments.scenario:
        return _Loaded(life_event, region, personas, built.journeys)
    applied = _applied(life_event, arguments.scenario, regions, arguments.command)
    return _Loaded(applied.life_event, region, personas, {}, applied.applied)


def _scenarios(names: Sequence[str]) -> list[Scenario]:
    """The scenarios named on the command line; an unknown name is wrong usage."""
    from lifeevents.formats.scenario_file import load_scenarios

    try:
        return load_scenarios(names)
    except FileNotFoundError as error:
        raise UsageError(str(error)) from None


def _applied(
    life_event: LifeEvent, names: Sequence[str], regions: Regions, command: str
) -> Applied:
    """The journey with the scenarios named applied; a note for those that do not apply."""
    from lifeevents.scenarios import apply_scenarios

    applied = apply_scenarios(life_event, _scenarios(names), regions=regions)
    for scenario_id in applied.not_applied:
        print(
            f"lifeevents {command}: note: scenario '{scenario_id}' does not apply to "
            f"'{life_event.id}' (see its applies_to); not applied",
            file=sys.stderr,
        )
    return applied


def _analyze(arguments: argparse.Namespace) -> int:
    from lifeevents.analysis.report import Report, analyze
    from lifeevents.text.report import format_report

    loaded = _load_for_analysis(arguments)
    reports: list[Report] = [
        analyze(loaded.journey(persona, arguments, place))
        for place in loaded.municipalities(arguments)
        for persona in loaded.personas
    ]
    if reports and reports[0].journey.uses_origin and arguments.origin is None:
        print(
            f"lifeevents analyze: note: this journey involves the municipality the citizen "
            f"leaves ('@origin'); without --origin it is taken to be "
            f"{reports[0].journey.municipality}",
            file=sys.stderr,
        )
    if arguments.format == "json":
        data: Any = [
            {**report.to_dict(), "scenarios": list(loaded.scenarios)}
            if arguments.scenario
            else report.to_dict()
            for report in reports
        ]
        if arguments.persona != "all" and arguments.municipality != "all":
            data = data[0]
        sys.stdout.write(json_safe(json.dumps(data, indent=2, ensure_ascii=False)) + "\n")
    else:
        if arguments.scenario:
            applied = ", ".join(loaded.scenarios) or "–"
            sys.stdout.write(f"{label('scenarios', arguments.lang)}: {applied}\n\n")
        sys.stdout.write("\n".join(format_report(report, arguments.lang) for report in reports))
    return EXIT_OK


def _compare(arguments: argparse.Namespace) -> int:
    from lifeevents.scenarios.compare import compare, comparison_csv, format_text

    loaded = _load_for_analysis(arguments, apply=False)
    scenarios = _scenarios(arguments.scenario)
    rows = compare(
        loaded.life_event,
        scenarios,
        personas=loaded.personas,
        municipalities=loaded.municipalities(arguments),
        origin=arguments.origin,
        regions=_regions(arguments),
    )
    for scenario in scenarios:
        if not scenario.applies(loaded.life_event.id):
            print(
                f"lifeevents compare: note: scenario '{scenario.id}' does not apply to "
                f"'{loaded.life_event.id}' (see its applies_to); not applied",
                file=sys.stderr,
            )
    if arguments.format == "json":
        text = json.dumps([row.to_dict() for row in rows], indent=2, ensure_ascii=False) + "\n"
        sys.stdout.write(json_safe(text))
    elif arguments.format == "csv":
        sys.stdout.write(comparison_csv(rows))
    else:
        sys.stdout.write(format_text(rows, arguments.lang))
    return EXIT_OK


def _highlights(text: str | None) -> frozenset[Highlight]:
    """The findings named by ``--highlight`` (default all); a usage error for others."""
    if text is None:
        return frozenset(Highlight)
    chosen: set[Highlight] = set()
    for item in filter(None, text.split(",")):
        try:
            chosen.add(Highlight(item))
        except ValueError:
            allowed = ",".join(kind.value for kind in Highlight)
            raise UsageError(
                f"--highlight: unknown finding '{item}'; choose from {allowed}"
            ) from None
    return frozenset(chosen)


def _render(arguments: argparse.Namespace) -> int:
    from lifeevents.analysis.report import analyze
    from lifeevents.views.api import FORMATS, render_content, render_to_file
    from lifeevents.views.options import RenderOptions

    _highlights(arguments.highlight)  # wrong usage is reported before any work
    if arguments.view == DIFF_VIEW:
        return _render_difference(arguments)
    if arguments.output == "-" and arguments.format is not None:
        view = View(arguments.view)
        if arguments.format not in FORMATS[view]:
            allowed = ", ".join(FORMATS[view])
            raise UsageError(
                f"the {view.value} view cannot be written as '{arguments.format}'; "
                f"formats: {allowed}"
            )
    loaded = _load_for_analysis(arguments)
    if len(loaded.personas) != 1:
        raise UsageError("render draws one persona; name it with --persona")
    trip = loaded.journey(loaded.personas[0], arguments)
    options = RenderOptions(
        view=View(arguments.view),
        lang=arguments.lang,
        direction=arguments.direction,
        highlight=_highlights(arguments.highlight),
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


DIFF_VIEW = "diff"
_DIFF_FORMATS = ("svg", "html")


def _render_difference(arguments: argparse.Namespace) -> int:
    """``render --view diff``: the journey today and with the scenarios, as SVG or HTML."""
    from lifeevents.analysis.report import analyze
    from lifeevents.formats.atomic import write_atomic
    from lifeevents.views.api import render_content
    from lifeevents.views.diff import diff_svg
    from lifeevents.views.diff_page import diff_html
    from lifeevents.views.options import RenderOptions

    if not arguments.scenario:
        raise UsageError("--view diff compares with a scenario; name it with --scenario")
    fmt = arguments.format if arguments.output == "-" else Path(arguments.output).suffix[1:]
    if (fmt or "svg") not in _DIFF_FORMATS:
        raise UsageError(f"the diff view is written as svg or html, not '{fmt}'")
    loaded = _load_for_analysis(arguments, apply=False)
    if len(loaded.personas) != 1:
        raise UsageError("render draws one persona; name it with --persona")
    persona = loaded.personas[0]
    applied = _applied(loaded.life_event, arguments.scenario, _regions(arguments), "render")
    today = analyze(loaded.journey(persona, arguments))
    changed_journey = _Loaded(applied.life_event, loaded.region, [persona], {}).journey(
        persona, arguments
    )
    changed = analyze(changed_journey)
    overlay = diff_svg(today, changed, arguments.lang)
    if fmt == "html":
        options = RenderOptions(lang=arguments.lang, direction=arguments.direction)
        views = {
            "today": str(render_content(today, "svg", options)),
            "changed": str(render_content(changed, "svg", options)),
            "overlay": overlay,
        }
        content = diff_html(today, changed, views, arguments.lang)
    else:
        content = overlay
    if arguments.output == "-":
        sys.stdout.write(content)
        return EXIT_OK
    write_atomic(arguments.output, content)
    if not arguments.quiet:
        print(f"wrote {arguments.output}", file=sys.stderr)
    return EXIT_OK


def _workshop(arguments: argparse.Namespace) -> int:
    from lifeevents.analysis.validation import validate
    from lifeevents.errors import UnsupportedFormatError
    from lifeevents.library.builtin import builtin_journeys, find_journey
    from lifeevents.text.report import format_report
    from lifeevents.views.workshop import DEFAULT_OUTPUTS, run_workshop, workshop_outputs

    # Wrong usage first, before any work: formats, then the journeys named.
    outputs = DEFAULT_OUTPUTS
    if arguments.formats is not None:
        try:
            outputs = workshop_outputs(filter(None, arguments.formats.split(",")))
        except UnsupportedFormatError as error:
            raise UsageError(f"--formats: {error}") from None
    regions = _regions(arguments)
    names = list(builtin_journeys()) if arguments.all else arguments.journeys
    if not names:
        raise UsageError("name journeys (files or built-in names), or use --all")
    paths: dict[Path, Path] = {}
    for name in names:
        try:
            path = find_journey(name)
        except FileNotFoundError as error:
            raise UsageError(str(error)) from None
        paths.setdefault(path.resolve(), path)  # a journey named twice is drawn once
    life_events: dict[str, LifeEvent] = {}
    problems: list[Problem] = []
    for path in paths.values():
        result = validate(path, regions)
        if result.model is None:
            problems.extend(result.problems)
            continue
        earlier = life_events.setdefault(result.model.id, result.model)
        if earlier is not result.model:
            problems.append(_same_id(result.model, earlier))
    if problems:
        raise InputError(problems)
    entries = run_workshop(
        list(life_events.values()),
        Path(arguments.output),
        regions=regions,
        municipality=arguments.municipality,
        origin=arguments.origin,
        event_place=arguments.event_place,
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


def _same_id(life_event: LifeEvent, earlier: LifeEvent) -> Problem:
    """Two journeys of one workshop with one id would share their folder."""
    from lifeevents.formats.journey_file import source_of

    source, first = source_of(life_event), source_of(earlier)
    where = first.filename if first is not None else "another journey"
    message = f"life event id '{life_event.id}' is also the id of {where}; give each its own"
    if source is None:
        return Problem(f"<{life_event.id}>", 1, 1, message)
    return source.problem(("life_event", "id"), message)


def _list(arguments: argparse.Namespace) -> int:
    from lifeevents.analysis.validation import validate
    from lifeevents.formats.scenario_file import check_scenario
    from lifeevents.library.builtin import builtin_journeys, builtin_scenarios

    regions = _regions(arguments)
    lines = ["Life events (built-in journeys):"]
    for name, path in builtin_journeys().items():
        result = validate(path, regions)
        if result.model is None:
            lines.append(f"  {name:<28} (invalid: run 'lifeevents validate {name}')")
            continue
        personas = ", ".join(result.model.persona_ids())
        lines.append(f"  {name:<28} {_one_line(result.model.name)} — personas: {personas}")
    lines.append("")
    lines.append("What-if scenarios (built-in):")
    for name, path in builtin_scenarios().items():
        scenario = check_scenario(path).model
        if scenario is None:
            lines.append(f"  {name:<28} (invalid: run 'lifeevents validate {path}')")
            continue
        meant = f" — for: {', '.join(scenario.applies_to)}" if scenario.applies_to else ""
        lines.append(f"  {name:<28} {_one_line(scenario.name)}{meant}")
    lines.append("")
    lines.append("Regions and municipalities:")
    for region in regions.values():
        default = region.region.default_municipality
        lines.append(
            f"  {region.id:<28} {_one_line(region.region.name)} (default municipality: {default})"
        )
        for municipality_id, municipality in region.municipalities.items():
            kind = "Stadt" if municipality.kind == "stadt" else "Gemeinde"
            lines.append(f"    {municipality_id:<26} {_one_line(municipality.name)} ({kind})")
    sys.stdout.write("\n".join(lines) + "\n")
    return EXIT_OK


def _one_line(text: str) -> str:
    return terminal_safe(text, one_line=True)


def _schema(arguments: argparse.Namespace) -> int:
    from lifeevents.formats.schema import (
        journey_schema_json,
        region_schema_json,
        scenario_schema_json,
    )

    if arguments.region:
        text = region_schema_json()
    elif arguments.scenario:
        text = scenario_schema_json()
    else:
        text = journey_schema_json()
    sys.stdout.write(text)
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
    parser.add_argument(
        "--municipality",
        help="home municipality (after the event); 'all' for every one of the region "
        "(analyze, compare)",
    )
    parser.add_argument("--origin", help="municipality the citizen leaves (moving)")
    parser.add_argument(
        "--event-place",
        metavar="MUNICIPALITY",
        help="where the birth, death or marriage happens ('@event' offices; default: the "
        "region's usual place, else the home municipality)",
    )
    parser.add_argument("--lang", choices=LANGUAGES, default="de", help="language of the output")
    _add_region_file(parser)


def _add_journey_options(parser: argparse.ArgumentParser, *, persona_help: str) -> None:
    """One journey for one persona: shared by analyze and render."""
    parser.add_argument(
        "journey", metavar="FILE-or-NAME", help="journey file or built-in journey name"
    )
    parser.add_argument("--persona", default="default", help=persona_help)
    parser.add_argument(
        "--scenario",
        action="append",
        metavar="FILE-or-NAME",
        help="apply this what-if scenario first (file or built-in name); may be repeated, "
        "applied in order",
    )
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
        "--view",
        choices=[*(view.value for view in View), DIFF_VIEW],
        default=View.BLUEPRINT.value,
        help="blueprint (default), journey map, checklist, or diff: today against "
        "--scenario (svg, html)",
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

    compare_command = commands.add_parser(
        "compare",
        help="compare a journey today with what-if scenarios: every figure and its change",
        description=(
            "Analyse a journey today, with each scenario alone and with all together, for "
            "each persona and municipality asked for, and show the change of every figure."
        ),
    )
    compare_command.add_argument(
        "journey", metavar="FILE-or-NAME", help="journey file or built-in journey name"
    )
    compare_command.add_argument(
        "--scenario",
        action="append",
        required=True,
        metavar="FILE-or-NAME",
        help="a what-if scenario (file or built-in name); may be repeated",
    )
    compare_command.add_argument(
        "--persona", default="all", help="persona id, or 'all' (default) for every persona"
    )
    _add_place_options(compare_command)
    compare_command.add_argument("--format", choices=("text", "json", "csv"), default="text")
    compare_command.set_defaults(handler=_compare, event_place=None)

    list_command = commands.add_parser(
        "list",
        help="show the built-in life events, scenarios, regions and municipalities",
        description="Show the built-in life events, what-if scenarios, regions and municipalities.",
    )
    _add_region_file(list_command)
    list_command.set_defaults(handler=_list)

    schema = commands.add_parser(
        "schema",
        help="print the JSON Schema of journey files (or of region files)",
        description="Print the JSON Schema of journey files, for editors and other tools.",
    )
    kinds = schema.add_mutually_exclusive_group()
    kinds.add_argument("--region", action="store_true", help="the schema of region files")
    kinds.add_argument("--scenario", action="store_true", help="the schema of scenario files")
    schema.set_defaults(handler=_schema)

    # Commands of the optional parts; their parsers need argparse only: --help stays fast.
    from lifeevents.cli.export import add_commands as add_export_commands
    from lifeevents.cli.observed import add_commands as add_observed_commands

    add_observed_commands(commands)
    add_export_commands(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    with terminal_streams():
        parser = build_parser()
        try:
            arguments = parser.parse_args(argv)
        except SystemExit as stop:  # --help, --version, or wrong usage (argparse says why)
            return stop.code if isinstance(stop.code, int) else EXIT_USAGE
        handler: Callable[[argparse.Namespace], int] = arguments.handler
        with collection_paused():
            return run_command(arguments.command, handler, arguments)


def console() -> NoReturn:
    """The ``lifeevents`` program: :func:`main`, then exit with its code.

    A command lives briefly and keeps most of what it builds, so the cyclic
    collector stays off for the whole process: its scans would cost about half of
    a 10,000-step analysis, and the one scan on switching it back on before exit
    about a sixth more.
    """
    gc.disable()
    code = main()
    # At exit Python runs one more full collection, even with the collector off, which
    # scans everything the command built (about a tenth of a 10,000-step analysis).
    # Frozen objects are left out of it; the process ends without them being scanned.
    gc.freeze()
    sys.exit(code)


if __name__ == "__main__":
    console()
