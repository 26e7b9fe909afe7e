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

__all__ = ["DEFAULT_STEP_NAME_SIZE", "step_name_size", "svg_size"]

#: The step-name size assumed when an SVG has no steps (the blueprint's full look, pt).
DEFAULT_STEP_NAME_SIZE = 11.0

_VIEW_BOX = re.compile(r'<svg\b[^>]*?\bviewBox="([-\d.\s]+)"')
_STEP_GROUP = re.compile(r'<g\b[^>]*\bclass="node step\b[^"]*"[^>]*>(.*?)</g>\s*</g>', re.S)
_TEXT = re.compile(r"<text\b([^>]*)>")
_SIZE = re.compile(r'\bfont-size="([\d.]+)"')


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


def step_name_size(svg: str) -> float:
    """The smallest font size of a step name (the bold lines of a step), in SVG units.

    Parameters
    ----------
    svg : str
        A blueprint or journey map written by Graphviz: steps are groups of class
        ``node step``, their names bold.

    Returns
    -------
    float
        The smallest size of a step name; the smallest of any text in a step when
        no name is bold; :data:`DEFAULT_STEP_NAME_SIZE` for a map without steps.

    Examples
    --------
    >>> step_name_size('<svg viewBox="0 0 1 1"></svg>')
    11.0
    """
    sizes: list[float] = []
    for group in _STEP_GROUP.finditer(svg):
        texts = [match.group(1) for match in _TEXT.finditer(group.group(1))]
        bold = [text for text in texts if 'font-weight="bold"' in text] or texts
        sizes.extend(float(found.group(1)) for text in bold if (found := _SIZE.search(text)))
    return min(sizes, default=DEFAULT_STEP_NAME_SIZE)
