"""The main job: analyse life events for every persona and draw every map, for a workshop.

For each journey and persona it writes the blueprint (SVG and interactive
HTML), the journey map (SVG) and the citizen's checklist (Markdown and HTML)
into ``OUTPUT/<life event>/``, plus ``index.html`` and ``index.md`` that list
every file with its key figures. ``make demo`` and ``make gallery`` run it.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from lifeevents.analysis.report import Report, analyze
from lifeevents.atomic import write_atomic
from lifeevents.journey import journey
from lifeevents.labels import Language, label
from lifeevents.loader import Regions
from lifeevents.model import LifeEvent
from lifeevents.names import DisplayNames
from lifeevents.region import Region
from lifeevents.render.api import render_to_file
from lifeevents.render.options import RenderOptions, View

__all__ = ["DEFAULT_OUTPUTS", "Output", "WorkshopEntry", "run_workshop"]


@dataclass(frozen=True)
class Output:
    """One file per journey and persona: which view, in which format."""

    view: View
    fmt: str

    @property
    def suffix(self) -> str:
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
    """What was made for one journey and persona."""

    report: Report
    files: tuple[Path, ...]


def run_workshop(
    life_events: Sequence[LifeEvent],
    output: Path,
    *,
    regions: Regions,
    municipality: str | None = None,
    origin: str | None = None,
    lang: Language = "de",
    outputs: Sequence[Output] = DEFAULT_OUTPUTS,
    progress: Callable[[str], None] = lambda message: None,
) -> list[WorkshopEntry]:
    """Analyse and draw every persona of every life event; returns what was written."""
    output.mkdir(parents=True, exist_ok=True)
    plans = [(event, persona) for event in life_events for persona in event.persona_ids()]
    entries: list[WorkshopEntry] = []
    for number, (event, persona) in enumerate(plans, start=1):
        progress(f"[{number}/{len(plans)}] {event.id} · {persona}")
        region: Region | None = regions.get(event.region) if event.region else None
        report = analyze(journey(event, persona, municipality, origin, region))
        folder = output / event.id
        folder.mkdir(exist_ok=True)
        files = tuple(
            render_to_file(
                report,
                folder / f"{persona}-{item.suffix}",
                RenderOptions(view=item.view, lang=lang),
            )
            for item in outputs
        )
        entries.append(WorkshopEntry(report, files))
    write_atomic(output / "index.md", _index_markdown(entries, output, lang))
    write_atomic(output / "index.html", _index_html(entries, output, lang))
    return entries


def _figures(report: Report) -> tuple[int, int, int, int, int]:
    visits = report.visits
    return (
        visits.as_modelled,
        visits.minimum,
        len(report.authority_handovers),
        len(report.media_breaks),
        len(report.once_only_violations),
    )


def _headers(lang: Language) -> list[str]:
    return [
        label("persona", lang),
        label("visits_modelled", lang),
        label("visits_minimum", lang),
        label("authority_handovers", lang),
        label("media_breaks", lang),
        label("once_only", lang),
    ]


def _by_life_event(entries: list[WorkshopEntry]) -> list[list[WorkshopEntry]]:
    groups: dict[str, list[WorkshopEntry]] = {}
    for entry in entries:
        groups.setdefault(entry.report.journey.life_event.id, []).append(entry)
    return list(groups.values())


def _heading(entry: WorkshopEntry, lang: Language) -> str:
    names = DisplayNames(entry.report, lang)
    municipality = names.municipality()
    return names.life_event() + (f" · {municipality}" if municipality else "")


def _link_name(entry: WorkshopEntry, path: Path) -> str:
    return path.name.removeprefix(entry.report.journey.persona_id + "-")


def _index_markdown(entries: list[WorkshopEntry], output: Path, lang: Language) -> str:
    files_word = "Dateien" if lang == "de" else "Files"
    lines = ["# lifeevents"]
    for group in _by_life_event(entries):
        # Links, not embedded images: a wide map shrunk to the page width is unreadable.
        lines += ["", f"## {_heading(group[0], lang)}", ""]
        lines += ["| " + " | ".join([*_headers(lang), files_word]) + " |"]
        lines.append("|" + "---|" * (len(_headers(lang)) + 1))
        for entry in group:
            links = " · ".join(
                f"[{_link_name(entry, path)}]({path.relative_to(output).as_posix()})"
                for path in entry.files
            )
            figures = " | ".join(str(value) for value in _figures(entry.report))
            lines.append(f"| {entry.report.journey.persona_id} | {figures} | {links} |")
    return "\n".join(lines) + "\n"


def _index_html(entries: list[WorkshopEntry], output: Path, lang: Language) -> str:
    rows: list[str] = []
    heads = "".join(f"<th>{html.escape(head)}</th>" for head in _headers(lang))
    for group in _by_life_event(entries):
        rows.append(
            f"<tr><th colspan='7' class='event'>{html.escape(_heading(group[0], lang))}</th></tr>"
            f"<tr>{heads}<th></th></tr>"
        )
        for entry in group:
            links = " · ".join(
                f"<a href='{html.escape(path.relative_to(output).as_posix())}'>"
                f"{html.escape(_link_name(entry, path))}</a>"
                for path in entry.files
            )
            cells = "".join(f"<td>{value}</td>" for value in _figures(entry.report))
            persona = html.escape(entry.report.journey.persona_id)
            rows.append(f"<tr><td>{persona}</td>{cells}<td>{links}</td></tr>")
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
        "<title>lifeevents</title><style>"
        "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#1a1a1a}"
        "table{border-collapse:collapse}td,th{padding:4px 10px;border-bottom:1px solid #ddd;"
        "text-align:left}th.event{font-size:1.2em;padding-top:1.2em}</style></head><body>"
        f"<h1>lifeevents</h1><table>{''.join(rows)}</table></body></html>\n"
    )
