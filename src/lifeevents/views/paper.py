"""A map printed on A4, A3 or A2 (landscape) that stays legible.

A map whose step names stay at least :data:`MIN_NAME_PT` points high when it is
scaled to the paper is printed on one page. A larger map (blueprint or journey
map) is printed on several pages, each with whole columns (stages) of the map:
every page is a map of its own with the lane (or row) headers, the title (life
event, page *i* of *n*) and the persona line, and a first page lists which
stage is on which page. A column too wide for a page of its own is split by
schedule order.

Each page is drawn by Graphviz as a PDF of its own size and placed, scaled and
centred, on a sheet of the paper size (:mod:`pypdf` joins the sheets).

Examples
--------
>>> from lifeevents.views.options import Paper
>>> legible(1684.0 * 0.5, 500.0, 11.0, Paper.A4)
True
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable

from lifeevents.analysis.report import Report
from lifeevents.views.blueprint.titles import titles
from lifeevents.views.columns import Column, stage_columns
from lifeevents.views.excerpt import excerpt
from lifeevents.views.options import Paper, RenderOptions
from lifeevents.views.paper_sheets import fitting_scale, index_pdf, map_title, sheets
from lifeevents.views.svg_metrics import step_name_size, svg_size
from lifeevents.views.wording import Wording

__all__ = ["MIN_NAME_PT", "Draw", "MapPage", "legible", "map_pages", "paper_pdf", "plan_pages"]

#: The smallest step name on paper, in points.
MIN_NAME_PT = 7.0
#: Draws a report with options as an image of the given format (svg or pdf).
Draw = Callable[[Report, RenderOptions, str], bytes]


def legible(width: float, height: float, name_size: float, paper: Paper) -> bool:
    """Whether a drawing's step names stay at least :data:`MIN_NAME_PT` high on ``paper``.

    Parameters
    ----------
    width, height : float
        The drawing's size in points.
    name_size : float
        The size of its smallest step name, in points.
    paper : Paper
        The sheet.

    Returns
    -------
    bool
        True when the fitted drawing keeps its names legible.

    Examples
    --------
    >>> legible(3166.0, 1216.0, 11.0, Paper.A2)
    False
    """
    return name_size * fitting_scale((width, height), paper) >= MIN_NAME_PT


def plan_pages(
    report: Report, options: RenderOptions, measure: Callable[[Report], bool]
) -> list[list[Column]]:
    """The columns of each page: as many whole columns per page as stay legible.

    Columns are taken left to right; a page grows while ``measure`` says its
    drawing is legible. A single column that is not legible alone is split by
    schedule order into parts that are (a part of one step is always kept).

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions
        The language (column titles).
    measure : callable
        Whether the drawing of an excerpt (:func:`~lifeevents.views.excerpt.excerpt`)
        is legible on the paper.

    Returns
    -------
    list of list of Column
        The pages, each a list of columns (or parts of one column), left to right.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> report = analyze(journey(loads(DEMO_YAML), "mit-auto"))
    >>> pages = plan_pages(report, RenderOptions(), lambda part: part.journey.graph.order() < 3)
    >>> [[column.title for column in page] for page in pages]
    [['1 · Ummelden'], ['2 · Danach']]
    """
    columns = stage_columns(report, Wording.of(report, options.lang))
    queue = [column for column in columns if column.steps]
    pages: list[list[Column]] = []
    while queue:
        page = [queue.pop(0)]
        if not measure(excerpt(report, page)) and len(page[0].steps) > 1:
            steps = page[0].steps
            half = len(steps) // 2
            first = dataclasses.replace(page[0], steps=steps[:half])
            queue[:0] = [first, dataclasses.replace(page[0], steps=steps[half:])]
            continue
        while queue and measure(excerpt(report, [*page, queue[0]])):
            page.append(queue.pop(0))
        pages.append(page)
    return pages


@dataclasses.dataclass(frozen=True)
class MapPage:
    """One map page of a print: what it draws and with which options.

    Parameters
    ----------
    report : Report
        The whole journey, or an :func:`~lifeevents.views.excerpt.excerpt` of it.
    options : RenderOptions
        The options to draw it with: no paper, the page's title.
    columns : tuple of Column
        The columns of the whole journey the page shows (for the index); empty
        when the page is the whole map.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> MapPage(analyze(journey(loads(DEMO_YAML))), RenderOptions()).columns
    ()
    """

    report: Report
    options: RenderOptions
    columns: tuple[Column, ...] = ()


def map_pages(report: Report, options: RenderOptions, draw: Draw) -> list[MapPage]:
    """What each map page of the print draws: the whole map when it is legible, else excerpts.

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions
        The view, language and highlights, and the paper (not None).
    draw : callable
        Draws a report with options as ``svg`` or ``pdf`` bytes (the view's renderer).

    Returns
    -------
    list of MapPage
        The map pages in order; a single page is the whole map (and the print
        has no index page).

    Raises
    ------
    ValueError
        When ``options.paper`` is None.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> map_pages(analyze(journey(loads(DEMO_YAML))), RenderOptions(), lambda *_: b"")
    Traceback (most recent call last):
    ...
    ValueError: the map's pages need options with a paper size
    """
    paper = options.paper
    if paper is None:
        raise ValueError("the map's pages need options with a paper size")
    plain = dataclasses.replace(options, paper=None)

    def measure(part: Report, title: str | None = None) -> bool:
        svg = draw(part, dataclasses.replace(plain, title=title), "svg").decode("utf-8")
        return legible(*svg_size(svg), step_name_size(svg), paper)

    if measure(report, options.title):
        return [MapPage(report, plain)]
    wording = Wording.of(report, options.lang)
    provisional = _page_title(wording, options, 99, 99)
    pages = plan_pages(report, options, lambda part: measure(part, provisional))
    return [
        MapPage(
            excerpt(report, columns),
            dataclasses.replace(plain, title=_page_title(wording, options, number, len(pages))),
            tuple(columns),
        )
        for number, columns in enumerate(pages, start=2)
    ]


def paper_pdf(report: Report, options: RenderOptions, draw: Draw) -> bytes:
    """The map as a PDF on ``options.paper``: one legible page, or pages with an index.

    Parameters
    ----------
    report : Report
        The analysed journey.
    options : RenderOptions
        The view, language and highlights, and the paper (not None).
    draw : callable
        Draws a report with options as ``svg`` or ``pdf`` bytes (the view's renderer).

    Returns
    -------
    bytes
        The PDF; every sheet of the paper's size, landscape.

    Raises
    ------
    ValueError
        When ``options.paper`` is None.

    Examples
    --------
    >>> from lifeevents import analyze, journey, loads
    >>> from lifeevents.library.demo import DEMO_YAML
    >>> paper_pdf(analyze(journey(loads(DEMO_YAML))), RenderOptions(), lambda *_: b"")
    Traceback (most recent call last):
    ...
    ValueError: paper_pdf needs options with a paper size
    """
    paper = options.paper
    if paper is None:
        raise ValueError("paper_pdf needs options with a paper size")
    wording = Wording.of(report, options.lang)
    document = " · ".join([map_title(wording, options), titles(options, wording)[1]])
    pages = map_pages(report, options, draw)
    drawn = [draw(page.report, page.options, "pdf") for page in pages]
    if len(pages) == 1:
        return sheets(drawn, paper, document)
    index = index_pdf(report, wording, options, [page.columns for page in pages])
    return sheets([index, *drawn], paper, document)


def _page_title(wording: Wording, options: RenderOptions, number: int, pages: int) -> str:
    words = wording.words
    title = map_title(wording, options)
    return f"{title} · " + words["paper.page"].format(page=number, pages=pages + 1)
