"""Package data of the views: the style sheets and scripts of the HTML pages.

- ``page.css``, ``page.js``: the interactive page around a map
  (:mod:`lifeevents.views.html`),
- ``checklist.css``: the checklist page (:mod:`lifeevents.views.checklist`),
- ``difference.css``, ``difference.js``: the difference page
  (:mod:`lifeevents.views.diff_page`).

A style sheet names the colours of :mod:`lifeevents.views.style` as
``$placeholders`` (:class:`string.Template`), so that every colour has one
source; :func:`style_sheet` fills them in. The files ship inside the wheel
(hatch includes every file of the package).

Examples
--------
>>> read_asset("page.js").startswith("(function () {")
True
>>> "$" in style_sheet("page.css", text_color="#1A1A1A")
False
"""

from __future__ import annotations

from importlib.resources import files
from string import Template

__all__ = ["read_asset", "style_sheet"]


def read_asset(name: str) -> str:
    """The text of one asset file, with ``\\n`` line ends on every platform.

    Parameters
    ----------
    name : str
        The file name, e.g. ``page.js``.

    Returns
    -------
    str
        The file's text.

    Examples
    --------
    >>> read_asset("difference.js").splitlines()[0]
    '(function () {'
    """
    return files(__name__).joinpath(name).read_text(encoding="utf-8")


def style_sheet(name: str, **colors: str) -> str:
    """A style sheet with its ``$placeholders`` filled in.

    Parameters
    ----------
    name : str
        The file name, e.g. ``checklist.css``.
    **colors : str
        A value for every placeholder of the file (a missing one raises :class:`KeyError`).

    Returns
    -------
    str
        The CSS text.

    Examples
    --------
    >>> style_sheet("page.css", text_color="#000000").splitlines()[0]
    ':root { color: #000000; background: #FFFFFF;'
    """
    return Template(read_asset(name)).substitute(colors)
