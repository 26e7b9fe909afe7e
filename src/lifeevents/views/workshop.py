"""The main job: analyse life events for every persona and draw every map, for a workshop.

For each journey and persona it writes the blueprint (SVG and interactive
HTML), the journey map (SVG) and the citizen's checklist (Markdown and HTML)
into ``OUTPUT/<life event>/``, plus ``index.html`` and ``index.md`` that list
every file with its key figures. ``make demo`` and ``make gallery`` run it.

Examples
--------
>>> [item.suffix for item in DEFAULT_OUTPUTS][:2]
['blueprint.svg', 'blueprint.html']
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass
from pathlib import Path

from lifeevents.analysis.report import Report, analyze
from lifeevents.errors import UnsupportedFormatError
from lifeevents.formats.atomic import write_atomic
from lifeevents.formats.file_names import confined, file_stems
from lifeevents.formats.journey_file import Regions
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.region import Region
from lifeevents.text.labels import LANGUAGES, Language, words
from lifeevents.text.names import DisplayNames
from lifeevents.views.api import FORMATS, render_content
from lifeevents.views.escape.html import escape
from lifeevents.views.escape.markdown import markdown_text
from lifeevents.views.options import RenderOptions, View

__all__ = ["DEFAULT_OUTPUTS", "Output", "WorkshopEntry", "run_workshop", "workshop_outputs"]


@dataclass(frozen=True)
class Output:
    """One file per journey and persona: which view, in which format.

    Parameters
    ----------
    view : View
        The map.
    fmt : str
        A format of :data:`~lifeevents.views.api.FORMATS` for that view.

    Examples
    --------
    >>> Output(View.CHECKLIST, "md").suffix
    'checklist.md'
    """

    view: View
    fmt: str

    @property
    def suffix(self) -> str:
        """The end of the file name: ``<view>.<format>``."""
        return f"{self.view.value}.{self.fmt}"


DEFAULT_OUTPUTS: tuple[Output, ...] = (
    Output(View.BLUEPRINT, "svg"),
    Output(View.BLUEPRINT, "html"),
    Output(View.JOURNEY, "svg"),
    Output(View.CHECKLIST, "md"),
    Output(View.CHECKLIST, "html"),
)


@dataclass(frozen=True)
class WorkshopEntry:
    """What was made for one journey and persona.

    Parameters
    ----------
    report : Report
        The analysed journey.
    files : tuple[Path, ...]
        The files written for it, in the order of the outputs.

    Examples
    --------
    >>> import tempfile
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     entries = run_workshop([loads(DEMO_YAML)], folder, regions={},
    ...                            outputs=[Output(View.CHECKLIST, "md")])
    >>> [(entry.report.journey.persona_id, [path.name for path in entry.files])
    ...  for entry in entries]
    [('default', ['default-checklist.md']), ('mit-auto', ['mit-auto-checklist.md'])]
    """

    report: Report
    files: tuple[Path, ...]


def workshop_outputs(formats: Iterable[str]) -> tuple[Output, ...]:
    """The outputs for ``--formats``: the default views in these formats, and every other
    format (png, pdf, dot, mmd) for the blueprint and the journey map.

    Parameters
    ----------
    formats : Iterable[str]
        Format names, e.g. ``["svg", "md"]``.

    Returns
    -------
    tuple[Output, ...]
        The outputs, the default ones first.

    Raises
    ------
    UnsupportedFormatError
        For an unknown format, or none.

    Examples
    --------
    >>> [item.suffix for item in workshop_outputs(["svg", "png"])]
    ['blueprint.svg', 'journey.svg', 'blueprint.png', 'journey.png']
    """
    wanted = set(formats)
    known = {fmt for names in FORMATS.values() for fmt in names}
    unknown = sorted(wanted - known)
    if unknown or not wanted:
        raise UnsupportedFormatError(
            f"unknown format {', '.join(map(repr, unknown)) or '(none given)'}; "
            f"formats: {', '.join(sorted(known))}"
        )
    outputs = tuple(item for item in DEFAULT_OUTPUTS if item.fmt in wanted)
    return outputs + tuple(
        Output(view, fmt)
        for fmt in sorted(wanted - {item.fmt for item in DEFAULT_OUTPUTS})
        for view in (View.BLUEPRINT, View.JOURNEY)
    )


def run_workshop(
    life_events: Sequence[LifeEvent],
    output: str | os.PathLike[str],
    *,
    regions: Regions,
    municipality: str | None = None,
    origin: str | None = None,
    lang: Language = "de",
    outputs: Sequence[Output] = DEFAULT_OUTPUTS,
    progress: Callable[[str], None] = lambda message: None,
    event_place: str | None = None,
) -> list[WorkshopEntry]:
    """Analyse and draw every persona of every life event; returns what was written.

    All or nothing: everything is built in a hidden folder inside ``output`` first and
    moved into place only when every map is drawn; on any error (or a signal that
    unwinds) nothing new is left. File names come from
    :func:`~lifeevents.formats.file_names.file_stems`,
    and every file is proven to lie inside ``output``.

    Parameters
    ----------
    life_events : Sequence[LifeEvent]
        The life events; each gets its own folder.
    output : str or os.PathLike
        The folder to write into (made if missing).
    regions : Regions
        The regions the life events may name.
    municipality, origin, event_place : str, optional
        Where the journeys take place (each journey's defaults when not given).
    lang : Language, default "de"
        The language of the maps and the index.
    outputs : Sequence[Output], default DEFAULT_OUTPUTS
        The files to write per journey and persona.
    progress : Callable[[str], None], optional
        Called with one line per journey and persona.

    Returns
    -------
    list[WorkshopEntry]
        What was written, per journey and persona.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> from lifeevents import loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> temporary = tempfile.TemporaryDirectory()
    >>> folder = temporary.name
    >>> entries = run_workshop([loads(DEMO_YAML)], folder, regions={},
    ...                        outputs=[Output(View.CHECKLIST, "md")])
    >>> [path.relative_to(folder).as_posix() for entry in entries for path in entry.files]
    ['demo/default-checklist.md', 'demo/mit-auto-checklist.md']
    >>> sorted(item.name for item in Path(folder).iterdir())
    ['demo', 'index.html', 'index.md']
    >>> temporary.cleanup()
    """
    _check_arguments(life_events, output, outputs, lang)
    root = Path(output)
    if root.exists() and not root.is_dir():
        raise NotADirectoryError(errno.ENOTDIR, "not a folder", os.fspath(root))
    created = not root.exists()
    root.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".lifeevents-workshop-", dir=root))
    try:
        entries = _build(
            life_events,
            root,
            staging,
            regions,
            (municipality, origin, event_place),
            lang,
            outputs,
            progress,
        )
        write_atomic(staging / "index.md", _index_markdown(entries, root, lang))
        write_atomic(staging / "index.html", _index_html(entries, root, lang))
        _move_into_place(staging, root)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        if created:
            with suppress(OSError):
                root.rmdir()  # only when empty: nothing of the user's is removed
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return entries


def _check_arguments(
    life_events: object, output: object, outputs: Sequence[Output], lang: str
) -> None:
    if not isinstance(life_events, Sequence) or not all(
        isinstance(event, LifeEvent) for event in life_events
    ):
        raise TypeError("run_workshop() needs a list of LifeEvent (from lifeevents.load())")
    if not isinstance(output, str | os.PathLike):
        raise TypeError(f"output must be a folder path, not {type(output).__name__}")
    if lang not in LANGUAGES:
        raise ValueError(f"unknown lang {lang!r}; choose one of: {', '.join(LANGUAGES)}")
    for item in outputs:
        if item.fmt not in FORMATS[item.view]:
            raise UnsupportedFormatError(
                f"the {item.view.value} view cannot be written as '{item.fmt}'; "
                f"formats: {', '.join(FORMATS[item.view])}"
            )
    seen: set[str] = set()
    for event in life_events:
        if event.id in seen:
            raise ValueError(f"two life events have the id '{event.id}'; each gets its own folder")
        seen.add(event.id)


def _build(
    life_events: Sequence[LifeEvent],
    root: Path,
    staging: Path,
    regions: Regions,
    places: tuple[str | None, str | None, str | None],
    lang: Language,
    outputs: Sequence[Output],
    progress: Callable[[str], None],
) -> list[WorkshopEntry]:
    municipality, origin, event_place = places  # as given; each journey() fills defaults
    folders = file_stems(event.id for event in life_events)
    plans = [(event, persona) for event in life_events for persona in event.persona_ids()]
    entries: list[WorkshopEntry] = []
    stems: dict[str, dict[str, str]] = {}
    for number, (event, persona) in enumerate(plans, start=1):
        progress(f"[{number}/{len(plans)}] {event.id} · {persona}")
        region: Region | None = regions.get(event.region) if event.region else None
        report = analyze(
            journey(
                event,
                persona,
                municipality=municipality,
                origin=origin,
                region=region,
                event_place=event_place,
            )
        )
        folder = folders[event.id]
        if event.id not in stems:
            stems[event.id] = file_stems(event.persona_ids())
            (staging / folder).mkdir()
        files: list[Path] = []
        for item in outputs:
            name = f"{stems[event.id][persona]}-{item.suffix}"
            content = render_content(report, item.fmt, RenderOptions(view=item.view, lang=lang))
            write_atomic(confined(staging, staging / folder / name), content)
            files.append(root / folder / name)
        entries.append(WorkshopEntry(report, tuple(files)))
    return entries


def _move_into_place(staging: Path, root: Path) -> None:
    """Move the staged folders and index files into ``root``, each checked to stay inside.

    A life-event folder that does not exist yet is moved in whole; into one that
    exists, each file is moved (atomically replacing an older one), and other
    files there are left alone.
    """
    moves: list[tuple[Path, Path]] = []
    for staged in sorted(staging.iterdir()):
        target = confined(root, root / staged.name)
        if staged.is_dir() and target.exists():
            if not target.is_dir():
                raise NotADirectoryError(errno.ENOTDIR, "not a folder", os.fspath(target))
            moves += [
                (item, confined(root, target / item.name)) for item in sorted(staged.iterdir())
            ]
        else:
            moves.append((staged, target))
    for source, target in moves:
        os.replace(source, target)


def _figures(report: Report) -> tuple[int, int, int, int, int]:
    visits = report.visits
    return (
        visits.as_modelled,
        visits.minimum,
        len(report.authority_handovers),
        len(report.media_breaks),
        len(report.once_only_violations),
    )


# The columns of the index after the persona: the figures of _figures.
_HEADERS = (
    "persona",
    "visits_modelled",
    "visits_minimum",
    "authority_handovers",
    "media_breaks",
    "once_only",
)


def _headers(lang: Language) -> list[str]:
    catalogue = words(lang)
    return [catalogue[key] for key in _HEADERS]


def _by_life_event(entries: list[WorkshopEntry]) -> list[list[WorkshopEntry]]:
    groups: dict[str, list[WorkshopEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.report.journey.life_event.id, []).append(entry)
    return list(groups.values())


def _heading(entry: WorkshopEntry, lang: Language) -> str:
    names = DisplayNames(entry.report, lang)
    municipality = names.municipality()
    return names.life_event() + (f" · {municipality}" if municipality else "")


def _link_name(path: Path) -> str:
    """The view and format of a file: what follows the persona's part of its name."""
    return path.name.rsplit("-", 1)[-1]


def _index_markdown(entries: list[WorkshopEntry], output: Path, lang: Language) -> str:
    files_word = words(lang)["workshop.files"]
    lines = [f"# lifeevents · {words(lang)['workshop.title']}"]
    for group in _by_life_event(entries):
        # Links, not embedded images: a wide map shrunk to the page width is unreadable.
        lines += ["", f"## {markdown_text(_heading(group[0], lang))}", ""]
        lines += ["| " + " | ".join([*_headers(lang), files_word]) + " |"]
        lines.append("|" + "---|" * (len(_headers(lang)) + 1))
        for entry in group:
            links = " · ".join(
                f"[{markdown_text(_link_name(path))}]({path.relative_to(output).as_posix()})"
                for path in entry.files
            )
            figures = " | ".join(str(value) for value in _figures(entry.report))
            persona = markdown_text(DisplayNames(entry.report, lang).persona())
            lines.append(f"| {persona} | {figures} | {links} |")
    return "\n".join(lines) + "\n"


def _index_html(entries: list[WorkshopEntry], output: Path, lang: Language) -> str:
    rows: list[str] = []
    heads = "".join(f"<th>{escape(head)}</th>" for head in _headers(lang))
    for group in _by_life_event(entries):
        rows.append(
            f"<tr><th colspan='7' class='event'>{escape(_heading(group[0], lang))}</th></tr>"
            f"<tr>{heads}<th></th></tr>"
        )
        for entry in group:
            links = " · ".join(
                f"<a href='{escape(path.relative_to(output).as_posix())}'>"
                f"{escape(_link_name(path))}</a>"
                for path in entry.files
            )
            cells = "".join(f"<td>{value}</td>" for value in _figures(entry.report))
            persona = escape(DisplayNames(entry.report, lang).persona())
            rows.append(f"<tr><td>{persona}</td>{cells}<td>{links}</td></tr>")
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>lifeevents · {escape(words(lang)['workshop.title'])}</title><style>"
        "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#1a1a1a}"
        "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;"
        "text-align:left}th.event{font-size:1.2em;padding-top:1.2em}</style></head><body>"
        f"<h1>lifeevents · {escape(words(lang)['workshop.title'])}</h1>"
        f"<table>{''.join(rows)}</table></body></html>\n"
    )
