"""The sheets of a printed map: the index page, and the pages joined on paper-size sheets.

Graphviz writes each page as a PDF of the drawing's own size; :func:`sheets`
places each, scaled and centred, on a landscape sheet of the paper size and
joins them with :mod:`pypdf` (BSD licence, pure Python). The same pages give
the same bytes.

Examples
--------
>>> from lifeevents.views.options import Paper
>>> len(sheets([], Paper.A4, "Leer")) > 0
True
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from io import BytesIO

from pypdf import PageObject, PdfReader, PdfWriter, Transformation

from lifeevents.analysis.report import Report
from lifeevents.views.blueprint.titles import figures, titles
from lifeevents.views.columns import Column
from lifeevents.views.escape.dot import HtmlLabel, attribute_list, label_text
from lifeevents.views.graphviz_labels import font
from lifeevents.views.graphviz_output import render_graphviz
from lifeevents.views.options import Paper, RenderOptions, View
from lifeevents.views.style import FONT, TEXT_COLOR
from lifeevents.views.wording import Wording

__all__ = ["MARGIN", "fitting_scale", "index_pdf", "index_source", "map_title", "sheets"]

#: The white border of every sheet, in points (about 1 cm).
MARGIN = 28.0
# The blank border Graphviz gives a PDF, in points.
_GRAPHVIZ_MARGIN = 36.0
# The index lists at most this many dependencies between pages.
_MOST_CROSSINGS = 20
# A small drawing is enlarged at most this much.
_LARGEST_SCALE = 1.5


def fitting_scale(size: tuple[float, float], paper: Paper) -> float:
    """The factor that fits a drawing of ``size`` points inside the margins of ``paper``.

    Parameters
    ----------
    size : tuple of float
        The drawing's width and height in points.
    paper : Paper
        The sheet (landscape).

    Returns
    -------
    float
        The scale, rounded to four decimals; at most 1.5 (a small map is not blown up).

    Examples
    --------
    >>> fitting_scale((1684.0, 500.0), Paper.A4), fitting_scale((100.0, 100.0), Paper.A2)
    (0.4667, 1.5)
    """
    width, height = paper.size
    scale = min((width - 2 * MARGIN) / max(size[0], 1.0), (height - 2 * MARGIN) / max(size[1], 1.0))
    return round(min(scale, _LARGEST_SCALE), 4)


def index_source(
    report: Report, wording: Wording, options: RenderOptions, pages: Sequence[Sequence[Column]]
) -> str:
    """The DOT text of the index page: title, persona, which stage is on which page, figures.

    Parameters
    ----------
    report : Report
        The analysed journey.
    wording : Wording
        The words and names of the render.
    options : RenderOptions
        The title, if one is given instead of the life event's name.
    pages : sequence of sequence of Column
        The columns of each map page (the index is page 1, the map starts on page 2).

    Returns
    -------
    str
        DOT text of one plain-text node with an HTML table; under the list of
        pages the key figures of the whole journey (each page counts its own).

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> wording = Wording.of(report, "en")
    >>> source = index_source(report, wording, RenderOptions(), [[Column("a", "1 · A", ("x",))]])
    >>> "Page 1 of 2" in source, "1 · A" in source, "Persona: Mit Auto" in source
    (True, True, True)
    """
    words = wording.words
    _, subtitle = titles(options, wording)
    title = map_title(wording, options)
    total = len(pages) + 1
    rows = [
        font(label_text(title), size=22, bold=True),
        font(label_text(subtitle), size=14),
        font(
            label_text(
                f"{words['paper.page'].format(page=1, pages=total)} · {words['paper.contents']}"
            ),
            size=14,
            bold=True,
        ),
    ]
    # A column split over several pages is listed once per part: "(part 1 of 2)".
    parts = Counter(column.key for page in pages for column in page)
    seen: Counter[str] = Counter()
    entries = ""
    for number, page in enumerate(pages, start=2):
        for column in page:
            seen[column.key] += 1
            title = column.title
            if parts[column.key] > 1:
                title = words["paper.part"].format(
                    title=title, part=seen[column.key], parts=parts[column.key]
                )
            on_page = words["paper.on_page"].format(page=number)
            entries += (
                f'<TR><TD ALIGN="LEFT">{font(label_text(title), size=14)}</TD>'
                f'<TD ALIGN="LEFT">{font(label_text(on_page), size=14)}</TD></TR>'
            )
    table = (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="6" COLOR="#999999">'
        f'<TR><TD ALIGN="LEFT">{font(label_text(words["paper.column"]), size=12, bold=True)}</TD>'
        f'<TD ALIGN="LEFT">{font(label_text(words["paper.page_word"]), size=12, bold=True)}</TD>'
        f"</TR>{entries}</TABLE>"
    )
    shown = figures(report, wording)
    whole = (
        '<TABLE BORDER="0" CELLBORDER="1" CELLSPACING="0" CELLPADDING="4" COLOR="#999999">'
        + "".join(
            f'<TR><TD ALIGN="LEFT">{font(label_text(name), size=11)}</TD>'
            f'<TD ALIGN="RIGHT">{font(label_text(value), size=11, bold=True)}</TD></TR>'
            for name, value in shown
        )
        + "</TABLE>"
    )
    notes = [
        font(label_text(words["paper.figures_note"]), size=11),
        whole,
        font(label_text(words["paper.note"]), size=11),
        *_crossings(report, wording, pages),
    ]
    cells = "".join(f'<TR><TD ALIGN="LEFT">{row}</TD></TR>' for row in [*rows, table, *notes])
    label = HtmlLabel(f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="6">{cells}</TABLE>')
    node = {"shape": "plaintext", "fontname": FONT, "fontcolor": TEXT_COLOR, "label": label}
    graph = {"id": "index", "bgcolor": "white", "pad": "0.3", "fontname": FONT}
    return (
        f"digraph index {{\n  graph {attribute_list(graph)}\n"
        f"  contents {attribute_list(node)}\n}}\n"
    )


def _crossings(report: Report, wording: Wording, pages: Sequence[Sequence[Column]]) -> list[str]:
    """The dependencies whose steps stand on different pages, as label lines (at most
    :data:`_MOST_CROSSINGS`, then how many more)."""
    words, names = wording.words, wording.names
    page_of = {
        step: number
        for number, page in enumerate(pages, start=2)
        for column in page
        for step in column.steps
    }
    graph = report.journey.graph
    lines = [
        words["paper.crossing"].format(
            source=names.step(source),
            source_page=page_of[source],
            target=names.step(target),
            target_page=page_of[target],
        )
        for source, target in graph.edges
        if source in page_of and target in page_of and page_of[source] != page_of[target]
    ]
    if not lines:
        return []
    shown = lines[:_MOST_CROSSINGS]
    if len(lines) > _MOST_CROSSINGS:
        shown.append(words["paper.more"].format(count=len(lines) - _MOST_CROSSINGS))
    heading = font(label_text(words["paper.crossings"]), size=11, bold=True)
    return [heading, *(font(label_text(line), size=11) for line in shown)]


def map_title(wording: Wording, options: RenderOptions) -> str:
    """The title of a printed map: the options' title, else the life event and the view.

    Parameters
    ----------
    wording : Wording
        The words and names of the render.
    options : RenderOptions
        The title, if given, and the view.

    Returns
    -------
    str
        For example ``Umzug · Journey Map``.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> from lifeevents.views.options import View
    >>> wording = Wording.of(analyze(journey(loads(DEMO_YAML))), "en")
    >>> map_title(wording, RenderOptions(view=View.JOURNEY)), map_title(wording, RenderOptions())
    ('Umzug · Journey map', 'Umzug · Blueprint')
    """
    view = "journey_map.title" if options.view is View.JOURNEY else "blueprint.title"
    return options.title or f"{wording.names.life_event()} · {wording.words[view]}"


def index_pdf(
    report: Report, wording: Wording, options: RenderOptions, pages: Sequence[Sequence[Column]]
) -> bytes:
    """The index page (:func:`index_source`) drawn by Graphviz as a PDF.

    Parameters
    ----------
    report, wording, options, pages
        As for :func:`index_source`.

    Returns
    -------
    bytes
        A one-page PDF of the index's own size.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML)))
    >>> index_pdf(report, Wording.of(report), RenderOptions(), [])[:5]  # doctest: +SKIP
    b'%PDF-'
    """
    return render_graphviz(index_source(report, wording, options, pages), "pdf")


def sheets(pages: Sequence[bytes], paper: Paper, title: str) -> bytes:
    """Join one-page PDFs, each scaled and centred on a landscape sheet of ``paper``.

    Parameters
    ----------
    pages : sequence of bytes
        PDFs; the first page of each is placed on a sheet of its own.
    paper : Paper
        The sheet size.
    title : str
        The document's title (PDF metadata).

    Returns
    -------
    bytes
        The PDF; the same pages give the same bytes.

    Examples
    --------
    >>> pdf = sheets([], Paper.A3, "Umzug")
    >>> PdfReader(BytesIO(pdf)).metadata.title
    'Umzug'
    """
    width, height = paper.size
    writer = PdfWriter()
    for pdf in pages:
        source = PdfReader(BytesIO(pdf)).pages[0]
        box = source.mediabox
        # Graphviz surrounds a PDF drawing with a blank half inch; the sheet has its margin.
        inset = _GRAPHVIZ_MARGIN if min(box.width, box.height) > 2 * _GRAPHVIZ_MARGIN else 0.0
        drawn = (float(box.width) - 2 * inset, float(box.height) - 2 * inset)
        scale = fitting_scale(drawn, paper)
        sheet = PageObject.create_blank_page(writer, width=width, height=height)
        left = (width - drawn[0] * scale) / 2 - (float(box.left) + inset) * scale
        bottom = (height - drawn[1] * scale) / 2 - (float(box.bottom) + inset) * scale
        sheet.merge_transformed_page(
            source, Transformation().scale(scale, scale).translate(left, bottom)
        )
        writer.add_page(sheet)
    writer.add_metadata({"/Title": title, "/Producer": "lifeevents"})
    out = BytesIO()
    writer.write(out)
    return out.getvalue()
