"""`render --paper A4|A3|A2`: print sizes that stay legible (pages, lane headers, an index)."""

from __future__ import annotations

import math
import re
import subprocess
import sys
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

import lifeevents
from lifeevents.errors import UnsupportedFormatError
from lifeevents.library.builtin import builtin_journeys
from lifeevents.text.labels import Language, words
from lifeevents.text.names import DisplayNames
from lifeevents.views.options import Paper
from lifeevents.views.paper import MIN_NAME_PT

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


def smallest_bold_size(page: Any) -> float:
    """The smallest bold text on a page, in points on paper (font size x text and page matrix)."""
    sizes: list[float] = []

    def visit(text: str, cm: list[float], tm: list[float], font: Any, size: float) -> None:
        if not text.strip() or font is None or "Bold" not in str(font.get("/BaseFont", "")):
            return
        a, b, c, d = tm[0], tm[1], tm[2], tm[3]
        # The text matrix, then the page's: both scale the glyphs.
        a, b, c, d = (
            a * cm[0] + b * cm[2],
            a * cm[1] + b * cm[3],
            c * cm[0] + d * cm[2],
            c * cm[1] + d * cm[3],
        )
        sizes.append(size * math.sqrt(abs(a * d - b * c)))

    page.extract_text(visitor_text=visit)
    return min(sizes, default=math.inf)


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
    reader = pdf_of(name, paper)
    map_pages = reader.pages[1:] if len(reader.pages) > 1 else reader.pages
    for page in map_pages:
        assert smallest_bold_size(page) >= MIN_NAME_PT - 0.01, (name, paper)


@pytest.mark.parametrize("name", ["geburt", "todesfall"])
def test_the_journey_map_is_split_too(name: str) -> None:
    reader = pdf_of(name, "A4", lang="en", view="journey")
    assert len(reader.pages) > 2
    index = reader.pages[0].extract_text()
    assert "· Journey map\n" in index
    assert f"Page 1 of {len(reader.pages)} · Contents" in index
    for number, page in enumerate(reader.pages[1:], start=2):
        assert f"Journey map · Page {number} of {len(reader.pages)}" in page.extract_text()
        assert smallest_bold_size(page) >= MIN_NAME_PT - 0.01, name


def test_the_unsplit_map_would_be_too_small_on_a4() -> None:
    # The check above can fail: the one-page PDF of the drawing, fitted to A4, is unreadable.
    trip = lifeevents.journey(lifeevents.load("todesfall"))
    page = PdfReader(BytesIO(lifeevents.render(trip, "pdf"))).pages[0]
    scale = min((842 - 56) / float(page.mediabox.width), (595 - 56) / float(page.mediabox.height))
    assert smallest_bold_size(page) * scale < MIN_NAME_PT


def test_index_page_lists_every_stage_and_each_page_repeats_the_lane_headers() -> None:
    reader = pdf_of("todesfall", "A4", lang="en")
    catalogue = words("en")
    index = reader.pages[0].extract_text()
    total = len(reader.pages)
    assert total > 2
    assert f"Page 1 of {total} · {catalogue['paper.contents']}" in index
    assert "Persona: Grundfall" in index
    # The dependencies between pages, drawn there without an arrow, are listed.
    assert catalogue["paper.crossings"] in index
    assert re.search(r"\(page 2\) → .+ \(page [3-9]\)", index)
    listed = re.findall(r"^(\d · .+?)(?: \(part \d of \d\))? page (\d+)$", index, re.M)
    stages = {title for title, _ in listed}
    # A stage too wide for a page of its own is listed once per part.
    titles = [title for title, _ in listed]
    for title in set(titles):
        if titles.count(title) > 1:
            assert f"{title} (part 1 of {titles.count(title)})" in index
    assert stages == {"1 · Erste Tage", "2 · Bestattung", "3 · Nachlass", "4 · Absicherung"}
    pages = {int(page) for _, page in listed}
    assert pages == set(range(2, total + 1))  # every map page is listed
    trip = lifeevents.journey(lifeevents.load("todesfall"))
    names = DisplayNames(lifeevents.analyze(trip), "en")
    for title, number in listed:
        text = reader.pages[int(number) - 1].extract_text()
        assert f"Page {number} of {total}" in text
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
    data = lifeevents.render(lifeevents.journey(life_event), "pdf", paper="A4")
    reader = PdfReader(BytesIO(data))
    assert len(reader.pages) > 2
    index = reader.pages[0].extract_text()
    assert "Tag 0 Seite 2" in index
    for page in reader.pages[1:]:
        assert smallest_bold_size(page) >= MIN_NAME_PT - 0.01
        assert "Gemeinde" in page.extract_text() or "Kreis" in page.extract_text()
