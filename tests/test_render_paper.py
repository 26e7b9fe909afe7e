"""`render --paper A4|A3|A2`: print sizes that stay legible (pages, lane headers, an index)."""

from __future__ import annotations

import math
import re
import subprocess
import sys
import unicodedata
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import lifeevents
from lifeevents.analysis.report import Report
from lifeevents.errors import UnsupportedFormatError
from lifeevents.library.builtin import builtin_journeys
from lifeevents.text.labels import Language, words
from lifeevents.text.names import DisplayNames
from lifeevents.views.api import render_content
from lifeevents.views.options import Paper, RenderOptions, View
from lifeevents.views.paper import MIN_NAME_PT, map_pages
from lifeevents.views.svg_metrics import step_names

pytestmark = pytest.mark.exe

SIZES = {"A4": (842, 595), "A3": (1191, 842), "A2": (1684, 1191)}


def run(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lifeevents", *arguments],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def draw(part: Report, options: RenderOptions, fmt: str) -> bytes:
    """The view's drawing as bytes, as the print draws it."""
    content = render_content(part, fmt, options)
    return content.encode("utf-8") if isinstance(content, str) else content


def planned_names(
    trip: lifeevents.Journey, paper: str, lang: Language = "de", view: str = "blueprint"
) -> list[set[str]]:
    """The lines of the step names of each map page, from the SVG of what the page draws.

    The planner's pages (:func:`map_pages`) and its definition of a step name
    (:func:`step_names`); compared in compatibility form, as the PDF's text is.
    """
    options = RenderOptions(view=View(view), lang=lang, paper=Paper(paper))
    pages = map_pages(lifeevents.analyze(trip), options, draw)
    return [
        {
            unicodedata.normalize("NFKC", line)
            for line, _ in step_names(draw(page.report, page.options, "svg").decode("utf-8"))
        }
        for page in pages
    ]


def name_sizes(page: Any, names: set[str]) -> dict[str, float]:
    """The step names' lines on a page, each with its smallest size in points on paper.

    A step name is bold text that is a line of a step name: numbered markers, the
    key, the figures and the headers are bold too, and smaller or larger. The PDF
    sets ligatures ("ﬂ" for "fl") from a font of their own, so a line comes in
    pieces: pieces in a row at the same height and size are joined.
    """
    sizes: dict[str, float] = {}
    pieces: list[str] = []
    line_at: list[tuple[float, float, bool]] = []  # height, size, bold of the line in hand

    def flush() -> None:
        line = unicodedata.normalize("NFKC", "".join(pieces).strip())
        if line_at and line_at[0][2] and line in names:
            sizes[line] = min(sizes.get(line, math.inf), line_at[0][1])
        pieces.clear()
        line_at.clear()

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if font is None:
            return
        a, b, c, d = tm[0], tm[1], tm[2], tm[3]
        # The text matrix, then the page's: both scale the glyphs.
        a, b, c, d = (
            a * cm[0] + b * cm[2],
            a * cm[1] + b * cm[3],
            c * cm[0] + d * cm[2],
            c * cm[1] + d * cm[3],
        )
        where = (
            round(tm[4] * cm[1] + tm[5] * cm[3] + cm[5], 1),
            round(size * math.sqrt(abs(a * d - b * c)), 3),
        )
        if line_at and line_at[0][:2] != where:
            flush()
        if not line_at:
            line_at.append((*where, "Bold" in str(font.get("/BaseFont", ""))))
        pieces.append(text)
        if text.endswith("\n"):
            flush()

    page.extract_text(visitor_text=visit)
    flush()
    return sizes


def assert_names_legible(reader: PdfReader, planned: list[set[str]], case: object) -> None:
    """Each map page shows every line of its step names, each at least MIN_NAME_PT high."""
    pages = reader.pages[1:] if len(planned) > 1 else reader.pages
    assert len(pages) == len(planned), case
    for number, (page, names) in enumerate(zip(pages, planned, strict=True), start=1):
        assert names, (case, number, "the page has no step")
        sizes = name_sizes(page, names)
        assert set(sizes) == names, (case, number, sorted(names - set(sizes)))
        small = {line: round(size, 2) for line, size in sizes.items() if size < MIN_NAME_PT - 0.01}
        assert not small, (case, number, small)


def pdf_of(name: str, paper: str, lang: Language = "de", view: str = "blueprint") -> PdfReader:
    trip = lifeevents.journey(lifeevents.load(name))
    data = lifeevents.render(trip, "pdf", paper=paper, lang=lang, view=view)
    return PdfReader(BytesIO(data))


@pytest.mark.parametrize("paper", sorted(SIZES))
def test_every_sheet_has_the_paper_size_landscape(paper: str) -> None:
    reader = pdf_of("todesfall", paper)
    for page in reader.pages:
        assert (float(page.mediabox.width), float(page.mediabox.height)) == SIZES[paper]


@pytest.mark.parametrize(
    ("name", "paper"),
    [*((name, "A4") for name in sorted(builtin_journeys())), ("todesfall", "A2")],
)
def test_step_names_stay_legible_or_the_map_is_split(name: str, paper: str) -> None:
    planned = planned_names(lifeevents.journey(lifeevents.load(name)), paper)
    assert_names_legible(pdf_of(name, paper), planned, (name, paper))


@pytest.mark.parametrize("name", ["geburt", "todesfall"])
def test_the_journey_map_is_split_too(name: str) -> None:
    reader = pdf_of(name, "A4", lang="en", view="journey")
    assert len(reader.pages) > 2
    index = reader.pages[0].extract_text()
    assert "· Journey map\n" in index
    assert f"Page 1 of {len(reader.pages)} · Contents" in index
    for number, page in enumerate(reader.pages[1:], start=2):
        assert f"Journey map · Page {number} of {len(reader.pages)}" in page.extract_text()
    planned = planned_names(lifeevents.journey(lifeevents.load(name)), "A4", "en", "journey")
    assert_names_legible(reader, planned, name)


def test_the_unsplit_map_would_be_too_small_on_a4() -> None:
    # The check above can fail: the one-page PDF of the drawing, fitted to A4, is unreadable.
    trip = lifeevents.journey(lifeevents.load("todesfall"))
    page = PdfReader(BytesIO(lifeevents.render(trip, "pdf"))).pages[0]
    scale = min((842 - 56) / float(page.mediabox.width), (595 - 56) / float(page.mediabox.height))
    svg = lifeevents.render(trip, "svg")
    names = {unicodedata.normalize("NFKC", line) for line, _ in step_names(svg)}
    sizes = name_sizes(page, names)
    assert set(sizes) == names
    assert min(sizes.values()) * scale < MIN_NAME_PT


def test_index_page_lists_every_stage_and_each_page_repeats_the_lane_headers() -> None:
    # In German: its longer words keep this map too wide for one legible A4 page.
    reader = pdf_of("todesfall", "A4", lang="de")
    catalogue = words("de")
    index = reader.pages[0].extract_text()
    total = len(reader.pages)
    assert total > 2
    assert f"Seite 1 von {total} · {catalogue['paper.contents']}" in index
    assert "Persona: Grundfall" in index
    # The dependencies between pages, drawn there without an arrow, are listed.
    assert catalogue["paper.crossings"] in index
    assert re.search(r"\(Seite 2\) → .+ \(Seite [3-9]\)", index)
    listed = re.findall(r"^(\d · .+?)(?: \(Teil \d von \d\))? Seite (\d+)$", index, re.M)
    stages = {title for title, _ in listed}
    # A stage too wide for a page of its own is listed once per part.
    titles = [title for title, _ in listed]
    for title in set(titles):
        if titles.count(title) > 1:
            assert f"{title} (Teil 1 von {titles.count(title)})" in index
    assert stages == {"1 · Erste Tage", "2 · Bestattung", "3 · Nachlass", "4 · Absicherung"}
    pages = {int(page) for _, page in listed}
    assert pages == set(range(2, total + 1))  # every map page is listed
    trip = lifeevents.journey(lifeevents.load("todesfall"))
    names = DisplayNames(lifeevents.analyze(trip), "de")
    for title, number in listed:
        text = reader.pages[int(number) - 1].extract_text()
        assert f"Seite {number} von {total}" in text
        assert "Persona: Grundfall" in text
        assert title in text  # the column's header
        # The lane header of every level whose steps the page shows.
        stage = {"1": "erste-tage", "2": "bestattung", "3": "nachlass", "4": "absicherung"}
        for node, data in trip.graph.nodes(data=True):
            if data["stage"] == stage[title[0]] and names.step(node).split()[0] in text:
                assert names.level(data["level"]) in text


def test_a_map_that_fits_is_one_scaled_page_without_an_index() -> None:
    reader = pdf_of("todesfall", "A2", view="journey")
    assert len(reader.pages) == 1
    assert (float(reader.pages[0].mediabox.width), float(reader.pages[0].mediabox.height)) == (
        1684,
        1191,
    )


def test_without_paper_the_pdf_is_one_page_of_the_drawings_size() -> None:
    trip = lifeevents.journey(lifeevents.load("todesfall"))
    reader = PdfReader(BytesIO(lifeevents.render(trip, "pdf")))
    assert len(reader.pages) == 1
    assert float(reader.pages[0].mediabox.width) > 2000


def test_same_input_same_bytes() -> None:
    trip = lifeevents.journey(lifeevents.load("todesfall"))
    first = lifeevents.render(trip, "pdf", paper=Paper.A4)
    assert lifeevents.render(trip, "pdf", paper="a4") == first


def test_paper_is_for_pdf_only_and_must_be_known() -> None:
    trip = lifeevents.journey(lifeevents.load("geburt"))
    with pytest.raises(UnsupportedFormatError, match=r"paper size \(A4\) is for PDF output"):
        lifeevents.render(trip, "svg", paper="A4")
    with pytest.raises(ValueError, match="unknown paper 'A5'; choose one of: A4, A3, A2"):
        lifeevents.render(trip, "pdf", paper="A5")


def test_cli_writes_the_paper_pdf_and_rejects_a_bad_size(tmp_path: Path) -> None:
    target = tmp_path / "karte.pdf"
    done = run("render", "todesfall", "-o", str(target), "--paper", "A3")
    assert done.returncode == 0, done.stderr
    reader = PdfReader(target)
    assert {(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages} == {
        (1191, 842)
    }
    bad = run("render", "todesfall", "-o", str(tmp_path / "x.pdf"), "--paper", "Letter")
    assert bad.returncode == 2
    assert "unknown paper 'Letter'; choose A4, A3, A2" in bad.stderr
    assert "Traceback" not in bad.stderr
    wrong = run("render", "todesfall", "-o", str(tmp_path / "x.svg"), "--paper", "A4")
    assert wrong.returncode == 2
    assert "--paper prints a blueprint or journey map as PDF" in wrong.stderr
    assert not (tmp_path / "x.pdf").exists()
    assert not (tmp_path / "x.svg").exists()


def test_a_journey_without_stages_is_split_by_days() -> None:
    steps = "".join(
        f"  - {{id: s{i}, name: Ein ziemlich langer Schrittname Nummer {i}, "
        f"authority: {'amt' if i % 2 else 'kreis'}, channels: [in_person], lead_time_days: {i}"
        + (f", after: [s{i - 1}]" if i else "")
        + "}\n"
        for i in range(14)
    )
    life_event = lifeevents.loads(
        "format: lifeevents/1\n"
        "life_event: {id: demo, name: Demo}\n"
        "authorities: {amt: {name: Amt, level: gemeinde}, kreis: {name: Kreisamt, level: kreis}}\n"
        "steps:\n" + steps,
        regions={},
    )
    trip = lifeevents.journey(life_event)
    reader = PdfReader(BytesIO(lifeevents.render(trip, "pdf", paper="A4")))
    assert len(reader.pages) > 2
    index = reader.pages[0].extract_text()
    assert "Tag 0 Seite 2" in index
    assert_names_legible(reader, planned_names(trip, "A4"), "demo")
    for page in reader.pages[1:]:
        assert "Gemeinde" in page.extract_text() or "Kreis" in page.extract_text()
