"""How big a Graphviz SVG is, and how small its step names: for fitting a map to a page.

The Jupyter display (:mod:`lifeevents.views.jupyter`) and the print pages
(:mod:`lifeevents.views.paper`) scale a map to a width; a map stays legible when
its step names stay large enough at that scale.

Examples
--------
>>> svg = (
...     '<svg width="300pt" height="100pt" viewBox="0.00 0.00 300.00 100.00">'
...     '<g id="step-0" class="node step"><text font-weight="bold" font-size="11.00">A</text>'
...     '<text font-size="9.00">Amt</text></g></svg>'
... )
>>> svg_size(svg), step_name_size(svg)
((300.0, 100.0), 11.0)
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

__all__ = [
    "DEFAULT_STEP_NAME_SIZE",
    "key_texts",
    "step_details",
    "step_name_size",
    "step_names",
    "svg_size",
]

#: The step-name size assumed when an SVG has no steps (the blueprint's full look, pt).
DEFAULT_STEP_NAME_SIZE = 11.0

_VIEW_BOX = re.compile(r'<svg\b[^>]*?\bviewBox="([-\d.\s]+)"')
#: The id of a step's element (:meth:`~lifeevents.views.element_ids.ElementIds.step`), or of
#: the link group Graphviz wraps around a table cell with that id (the journey map's steps).
_STEP_ID = re.compile(r"(?:a_)?step-\d+")
#: The ids of a blueprint's key: its tables (link groups) and its channel entries.
_KEY_ID = re.compile(r"a_key-(?:lines|badges|markers-\d+)|key-channel-[a-z_]+")


def svg_size(svg: str) -> tuple[float, float]:
    """The width and height of a Graphviz SVG in its own units (points).

    Parameters
    ----------
    svg : str
        An SVG document written by Graphviz (it has a ``viewBox``).

    Returns
    -------
    tuple of float
        Width and height.

    Raises
    ------
    ValueError
        When the SVG has no ``viewBox``.

    Examples
    --------
    >>> svg_size('<svg width="8pt" viewBox="0.00 0.00 8.00 4.50">')
    (8.0, 4.5)
    """
    match = _VIEW_BOX.search(svg)
    if match is None:
        raise ValueError("the SVG has no viewBox")
    numbers = [float(part) for part in match.group(1).split()]
    if len(numbers) != 4:
        raise ValueError("the SVG's viewBox does not have four numbers")
    return numbers[2], numbers[3]


def step_names(svg: str) -> list[tuple[str, float]]:
    """The lines of the step names in a map, each with its font size (SVG units).

    This is the one definition of a step name in a drawn map, for fitting a map
    and for the tests: a step is the group with the step's element id
    (``step-N``, :class:`~lifeevents.views.element_ids.ElementIds`), or the link
    group ``a_step-N`` Graphviz makes for a table cell with that id; its name is
    its bold text. Numbered markers on the edges, the key, the figures and the
    headers are bold too, but they are not in a step's group.

    Parameters
    ----------
    svg : str
        A blueprint or journey map written by Graphviz, alone or inside an HTML
        fragment (from its first ``<svg`` to its last ``</svg>``).

    Returns
    -------
    list of tuple of (str, float)
        Each line of each step name and its font size, in document order.

    Raises
    ------
    ValueError
        When there is no ``<svg>`` element or it is not well-formed XML.

    Examples
    --------
    >>> step_names(
    ...     '<svg viewBox="0 0 9 9"><g id="step-0" class="node step"><g id="a_step-0">'
    ...     '<text font-weight="bold" font-size="18.00">Wohnsitz</text>'
    ...     '<text font-weight="bold" font-size="18.00">anmelden</text>'
    ...     '<text font-size="11.00">Bürgerbüro</text></g></g>'
    ...     '<g id="edge-0-1"><text font-weight="bold" font-size="11.00">1</text></g></svg>'
    ... )
    [('Wohnsitz', 18.0), ('anmelden', 18.0)]
    """
    return [
        (line, size)
        for line, size, bold in _texts(svg, _STEP_ID)
        if bold  # the name; a step's other lines are not bold
    ]


def step_details(svg: str) -> list[tuple[str, float]]:
    """The other lines of the steps in a map (authority, channel and day, badges), with sizes.

    A step's group (as in :func:`step_names`) holds its name in bold, the
    channel's glyph (one character) and its details: every other line.

    Parameters
    ----------
    svg : str
        A blueprint or journey map written by Graphviz (see :func:`step_names`).

    Returns
    -------
    list of tuple of (str, float)
        Each detail line and its font size, in document order.

    Raises
    ------
    ValueError
        When there is no ``<svg>`` element or it is not well-formed XML.

    Examples
    --------
    >>> step_details(
    ...     '<svg viewBox="0 0 9 9"><g id="step-0" class="node step">'
    ...     '<text font-size="20.00">⌂</text>'
    ...     '<text font-weight="bold" font-size="18.00">Wohnsitz anmelden</text>'
    ...     '<text font-size="13.00">Bürgerbüro</text></g></svg>'
    ... )
    [('Bürgerbüro', 13.0)]
    """
    return [
        (line, size)
        for line, size, bold in _texts(svg, _STEP_ID)
        if not bold and len(line.strip()) > 1  # not the name, not the glyph
    ]


def key_texts(svg: str) -> list[tuple[str, float]]:
    """The words of a blueprint's key, with their sizes (SVG units).

    The key's tables above the lanes are the link groups ``a_key-lines``,
    ``a_key-badges`` and ``a_key-markers-N``; its channel entries below the lanes
    are the groups
    ``key-channel-...`` (their ids come from
    :mod:`lifeevents.views.blueprint`).

    Parameters
    ----------
    svg : str
        A blueprint written by Graphviz (see :func:`step_names`).

    Returns
    -------
    list of tuple of (str, float)
        Each text of the key and its font size, in document order.

    Raises
    ------
    ValueError
        When there is no ``<svg>`` element or it is not well-formed XML.

    Examples
    --------
    >>> key_texts(
    ...     '<svg viewBox="0 0 9 9"><g id="a_key-lines"><text font-size="14.00">Reihenfolge'
    ...     '</text></g><g id="key-channel-online"><text font-size="14.00">online</text></g>'
    ...     '<g id="step-0"><text font-size="11.00">Amt</text></g></svg>'
    ... )
    [('Reihenfolge', 14.0), ('online', 14.0)]
    """
    return [(line, size) for line, size, _ in _texts(svg, _KEY_ID) if line.strip()]


def _texts(svg: str, group_id: re.Pattern[str]) -> list[tuple[str, float, bool]]:
    """Every text inside a group whose id matches ``group_id``: content, size, bold; each once."""
    start, end = svg.find("<svg"), svg.rfind("</svg>")
    if start < 0 or end < start:
        raise ValueError("the text holds no <svg> element")
    try:
        # From "<svg" on there is no DOCTYPE, so no entity can be declared (or expanded).
        root = ET.fromstring(svg[start : end + len("</svg>")])
    except ET.ParseError as error:
        raise ValueError(f"the SVG is not well-formed: {error}") from None
    texts: dict[int, ET.Element] = {}
    for group in root.iter():
        if _local(group.tag) == "g" and group_id.fullmatch(group.get("id") or ""):
            for text in group.iter():
                if _local(text.tag) == "text":
                    # A step's group holds its link group: each line once.
                    texts.setdefault(id(text), text)
    return [
        (
            "".join(text.itertext()),
            float(text.get("font-size") or 0),
            text.get("font-weight") == "bold",
        )
        for text in texts.values()
    ]


def step_name_size(svg: str) -> float:
    """The smallest font size of a step name (:func:`step_names`), in SVG units.

    Parameters
    ----------
    svg : str
        A blueprint or journey map written by Graphviz (see :func:`step_names`).

    Returns
    -------
    float
        The smallest size of a line of a step name; :data:`DEFAULT_STEP_NAME_SIZE`
        for a map without steps.

    Examples
    --------
    >>> step_name_size('<svg viewBox="0 0 1 1"></svg>')
    11.0
    """
    return min((size for _, size in step_names(svg)), default=DEFAULT_STEP_NAME_SIZE)


def _local(tag: str) -> str:
    """An element's name without its namespace."""
    return tag.rpartition("}")[2]
