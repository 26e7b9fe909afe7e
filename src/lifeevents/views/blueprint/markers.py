"""Numbered markers on the dependencies of a blueprint, and their key.

A ``dot`` edge label is a node of its own between two ranks: it widens every
column it stands in, it drifts away from a curved edge, and the same words
repeat on every edge that leaves one step ("Bürger trägt Sterbeurkunde" five
times). So each edge that says something (a document carried, a media break,
the evidence it passes on) gets a small numbered marker *on* the edge, just
before its arrowhead (a head label at angle 0, which ``dot`` places after the
layout, so it costs no room), and the key below the lanes says once what each
number means. Edges that say the same thing share their number; numbers run
from left to right across the map.

Examples
--------
>>> markers = number_markers(
...     [("b", "c", "Bürger trägt Urkunde"), ("a", "b", "Mitteilung"), ("a", "c", "Mitteilung")],
...     {"a": 2, "b": 3, "c": 4},
... )
>>> markers.number, markers.texts
({('a', 'b'): 1, ('a', 'c'): 1, ('b', 'c'): 2}, ('Mitteilung', 'Bürger trägt Urkunde'))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from lifeevents.views.blueprint.look import MARKER_DISTANCE, MARKER_STAGGER, label_lines
from lifeevents.views.escape.dot import HtmlLabel, label_text
from lifeevents.views.graphviz_labels import font

__all__ = [
    "KEY_ROWS",
    "MARKER_WRAP",
    "Markers",
    "marker_cell",
    "marker_distances",
    "marker_key",
    "number_markers",
]

#: Rows of one block of the markers' key; more markers make more blocks side by side.
KEY_ROWS = 4
#: Characters per line of a marker's text in the key.
MARKER_WRAP = 44


@dataclass(frozen=True)
class Markers:
    """The number of each edge that has a marker, and what each number says.

    Parameters
    ----------
    number : dict[tuple[str, str], int]
        The marker number of each edge (source, target) that has one, from 1.
    texts : tuple[str, ...]
        What number ``n`` says, at index ``n - 1``.

    Examples
    --------
    >>> Markers({("a", "b"): 1}, ("Bürger trägt Urkunde",)).texts[0]
    'Bürger trägt Urkunde'
    """

    number: dict[tuple[str, str], int]
    texts: tuple[str, ...]


def number_markers(edges: Iterable[tuple[str, str, str]], rank: Mapping[str, int]) -> Markers:
    """Number the edges that say something, left to right; the same words, the same number.

    Parameters
    ----------
    edges : Iterable[tuple[str, str, str]]
        Source, target and the words of each edge that has a marker, in the graph's order.
    rank : Mapping[str, int]
        The rank (position across the map) of every step.

    Returns
    -------
    Markers
        The numbers and their words.

    Examples
    --------
    >>> number_markers([], {}).texts
    ()
    """
    ordered = sorted(edges, key=lambda edge: (rank[edge[0]], rank[edge[1]]))
    numbers: dict[str, int] = {}
    number: dict[tuple[str, str], int] = {}
    for source, target, text in ordered:
        number[source, target] = numbers.setdefault(text, len(numbers) + 1)
    return Markers(dict(sorted(number.items())), tuple(numbers))


def marker_distances(markers: Markers, rank: Mapping[str, int]) -> dict[tuple[str, str], float]:
    """How far before its arrowhead each marker stands (``labeldistance``).

    Edges that enter one step side by side end close together, and so would
    their numbers. So the markers into one step are staggered: the one on the
    shortest edge (fewest ranks between its steps; then by number and source)
    stands at :data:`~lifeevents.views.blueprint.look.MARKER_DISTANCE`, each
    further one :data:`~lifeevents.views.blueprint.look.MARKER_STAGGER` farther
    back, where a longer edge leaves room for it before its own source step.

    Parameters
    ----------
    markers : Markers
        The numbered edges.
    rank : Mapping[str, int]
        The rank (position across the map) of every step; a step without one
        counts as rank 0.

    Returns
    -------
    dict[tuple[str, str], float]
        By edge (source, target): its marker's ``labeldistance``.

    Examples
    --------
    >>> markers = Markers({("a", "c"): 1, ("b", "c"): 2, ("a", "b"): 1}, ("x", "y"))
    >>> marker_distances(markers, {"a": 0, "b": 1, "c": 2})
    {('a', 'b'): 1.7, ('a', 'c'): 3.9, ('b', 'c'): 1.7}
    """
    into: dict[str, list[tuple[int, int, str]]] = {}
    for (source, target), number in markers.number.items():
        length = abs(rank.get(target, 0) - rank.get(source, 0))
        into.setdefault(target, []).append((length, number, source))
    distances = {}
    for target, sources in into.items():
        for index, (_, _, source) in enumerate(sorted(sources)):
            distances[source, target] = round(MARKER_DISTANCE + index * MARKER_STAGGER, 2)
    return dict(sorted(distances.items()))


def marker_cell(number: int, color: str, size: float) -> str:
    """The marker of ``number`` as an HTML-like table: the number in a rounded frame.

    Parameters
    ----------
    number : int
        The marker's number.
    color : str
        The frame's colour: the edge's colour.
    size : float
        The point size of the number.

    Returns
    -------
    str
        A ``<TABLE>`` on white, so the edge under it does not cut through the number.

    Examples
    --------
    >>> print(marker_cell(3, "#D55E00", 11))  # doctest: +NORMALIZE_WHITESPACE
    <TABLE BORDER="1" STYLE="rounded" COLOR="#D55E00" BGCOLOR="white" CELLBORDER="0"
    CELLSPACING="0" CELLPADDING="1"><TR><TD><FONT POINT-SIZE="11"><B>3</B></FONT></TD></TR></TABLE>
    """
    return (
        f'<TABLE BORDER="1" STYLE="rounded" COLOR="{color}" BGCOLOR="white" CELLBORDER="0" '
        f'CELLSPACING="0" CELLPADDING="1"><TR><TD>{font(str(number), size=size, bold=True)}'
        "</TD></TR></TABLE>"
    )


def marker_key(markers: Markers, size: float, tooltip: str) -> list[HtmlLabel]:
    """The key of the markers in blocks of :data:`KEY_ROWS` rows: marker, then its words.

    Parameters
    ----------
    markers : Markers
        The numbers and their words.
    size : float
        The point size of the numbers and the words.
    tooltip : str
        The tooltip of each block (the word for the key); with it, Graphviz draws
        block ``n`` as the SVG group ``a_key-markers-n``.

    Returns
    -------
    list[HtmlLabel]
        One label per block, left to right; none without markers.

    Examples
    --------
    >>> blocks = marker_key(Markers({}, ("a", "b", "c", "d", "e")), 11, "Legende")
    >>> len(blocks), blocks[1].count('<TR><TD VALIGN="TOP">')  # 4 markers, then 1
    (2, 1)
    >>> blocks[1][:26]
    '<TABLE ID="key-markers-2" '
    """
    blocks: list[HtmlLabel] = []
    for first in range(0, len(markers.texts), KEY_ROWS):
        rows = "".join(
            f'<TR><TD VALIGN="TOP">{marker_cell(number, "#333333", size)}</TD>'
            f'<TD ALIGN="LEFT" BALIGN="LEFT">'
            f"{font(label_lines(text, MARKER_WRAP), size=size)}</TD></TR>"
            for number, text in enumerate(markers.texts[first : first + KEY_ROWS], start=first + 1)
        )
        # Graphviz stretches a table to its cell and shares the room among the rows: empty
        # rows fill a short last block, so that its marker keeps its size.
        rows += '<TR><TD COLSPAN="2"> </TD></TR>' * (KEY_ROWS - len(markers.texts[first:]))
        blocks.append(
            HtmlLabel(
                f'<TABLE ID="key-markers-{len(blocks) + 1}" TOOLTIP="{label_text(tooltip)}" '
                f'HREF="" BORDER="0" CELLBORDER="0" CELLSPACING="2" CELLPADDING="1">{rows}</TABLE>'
            )
        )
    return blocks
