"""The responsibility matrix as one self-contained HTML page (``lifeevents matrix -o x.html``).

Each life event gets a table, steps down and municipalities across, every cell
coloured by the level of the responsible authority (the lane colours of the
maps) with its name on hover; a step whose responsibility differs between
municipalities is marked, and listed below the table with which body serves
which municipalities. Every word comes from :mod:`lifeevents.text.labels`; every text
from a file is escaped.

>>> from lifeevents.formats.journey_file import load
>>> from lifeevents.studies.matrix import responsibility_matrix
>>> page = matrix_html([responsibility_matrix(load("geburt"))])
>>> page.startswith("<!DOCTYPE html>"), "Jugendamt der Stadt Greven" in page
(True, True)
"""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from lifeevents.model.vocabulary import Level
from lifeevents.studies.matrix import Matrix, StepRow
from lifeevents.text.labels import Language, label
from lifeevents.views.style import LEVEL_FILLS

__all__ = ["matrix_html"]

# Cells show the level's initials, so 24 municipalities fit across; the legend and
# each cell's hover text give the whole name. Initials and names are German in both
# languages (the English words say "Kreis" and "Gemeinde" too).
_SHORT = {
    Level.BUND: "B",
    Level.LAND: "L",
    Level.KREIS: "K",
    Level.GEMEINDE: "G",
    Level.SOZIALVERSICHERUNG: "SV",
    Level.PRIVAT: "P",
}

_STYLE = (
    "body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#1a1a1a}"
    "table{border-collapse:collapse;font-size:0.85em}"
    "th,td{border:1px solid #ccc;padding:3px 5px;text-align:left}td{text-align:center}"
    "thead th.m{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap}"
    "tbody th{position:sticky;left:0;background:#fff;font-weight:normal;white-space:nowrap}"
    "tr.differs th{font-weight:bold}tr.differs td{border-top:2px solid #1a1a1a;"
    "border-bottom:2px solid #1a1a1a}"
    ".legend span{display:inline-block;padding:2px 8px;margin-right:6px;border:1px solid #ccc}"
    ".summary{margin:0.3em 0 0.8em}"
)


def _level(level: Level) -> str:
    return label(f"level.{level.value}", "de")


def matrix_html(matrices: Sequence[Matrix], lang: Language = "de") -> str:
    """One page with the matrix of each life event.

    Parameters
    ----------
    matrices : sequence of Matrix
        One matrix per life event (:func:`~lifeevents.studies.matrix.responsibility_matrix`),
        shown in this order.
    lang : {"de", "en"}
        The language of the page's words (names from the files stay as written).

    Returns
    -------
    str
        A self-contained HTML page: inline style, no script, nothing loaded.

    Examples
    --------
    >>> import re
    >>> from lifeevents import load
    >>> from lifeevents.studies.matrix import responsibility_matrix
    >>> matrix = responsibility_matrix(load("geburt"), municipalities=["rheine", "saerbeck"])
    >>> page = matrix_html([matrix], "en")
    >>> re.findall("<h[12]>([^<]*)", page)
    ['Responsibility by municipality', 'Geburt eines Kindes']
    >>> re.findall("<h3>([^<]*)", page)[0]
    'Vaterschaft anerkennen — differs between municipalities'
    """
    title = label("responsibility_matrix", lang)
    legend = "".join(
        f"<span style='background:{LEVEL_FILLS[level]}'>{_SHORT[level]}: "
        f"{escape(_level(level))}</span>"
        for level in Level
    )
    sections = "".join(_section(matrix, lang) for matrix in matrices)
    return (
        f"<!DOCTYPE html>\n<html lang='{lang}'><head><meta charset='utf-8'>"
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>"
        f"<h1>{escape(title)}</h1><p class='legend'>{escape(label('level', lang))}: {legend}</p>"
        f"{sections}</body></html>\n"
    )


def _section(matrix: Matrix, lang: Language) -> str:
    both = matrix.needs_kreis_and_gemeinde()
    summary = (
        f"{escape(label('kreis_and_gemeinde', lang))}: {len(both)} {escape(label('of', lang))} "
        f"{len(matrix.municipalities)} {escape(label('in_municipalities', lang))} · "
        f"{escape(label('differing_steps', lang))}: {len(matrix.differing)}"
    )
    heads = "".join(f"<th class='m'>{escape(name)}</th>" for name in matrix.municipality_names)
    body = "".join(_row(row, lang) for row in matrix.rows)
    details = "".join(_differing(matrix, row, lang) for row in matrix.differing)
    return (
        f"<section id='{escape(matrix.life_event)}'><h2>{escape(matrix.name)}</h2>"
        f"<p class='summary'>{summary}</p>"
        f"<table><thead><tr><th>{escape(label('step', lang))}</th>{heads}</tr></thead>"
        f"<tbody>{body}</tbody></table>{details}</section>"
    )


def _row(row: StepRow, lang: Language) -> str:
    marker = " ≠" if row.differs else ""
    css = " class='differs'" if row.differs else ""
    cells = []
    for cell in row.cells:
        if cell is None:
            cells.append(f"<td title='{escape(label('taken_by_no_persona', lang))}'>–</td>")
            continue
        hover = f"{cell.name} ({_level(cell.level)}) · {cell.authority.site}"
        cells.append(
            f"<td style='background:{LEVEL_FILLS[cell.level]}' title='{escape(hover)}'>"
            f"{_SHORT[cell.level]}</td>"
        )
    return f"<tr{css}><th>{escape(row.name)}{marker}</th>{''.join(cells)}</tr>"


def _differing(matrix: Matrix, row: StepRow, lang: Language) -> str:
    """Which body serves which municipalities, for a step that differs."""
    bodies: dict[tuple[str, Level], list[str]] = {}
    for place, cell in zip(matrix.municipality_names, row.cells, strict=True):
        if cell is not None:
            bodies.setdefault((cell.name, cell.level), []).append(place)
    items = "".join(
        f"<li><b>{escape(name)}</b> ({escape(_level(level))}): {escape(', '.join(places))}</li>"
        for (name, level), places in bodies.items()
    )
    return f"<h3>{escape(row.name)} — {escape(label('differs', lang))}</h3><ul>{items}</ul>"
