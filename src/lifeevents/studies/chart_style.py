"""How the pictures of studies look, and how they are written: one fixed style, byte-stable SVG.

Every picture of :mod:`lifeevents.studies.charts` is drawn inside :func:`style`:
sizes readable on a projector, DejaVu Sans (which matplotlib ships, so the text
is measured the same everywhere), maths in names switched off, a fixed
``svg.hashsalt`` and no date in the metadata. :func:`figure_svg` and
:func:`save_figure` write a figure so that the same figure gives the same bytes
in every process. matplotlib is imported only when a function runs; without it
they raise :class:`~lifeevents.errors.MissingExtraError`.

>>> number(1234.5), number(1234.5, "en")
('1.234,5', '1,234.5')
"""

from __future__ import annotations

import io
import math
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lifeevents.errors import MissingExtraError, UnsupportedFormatError
from lifeevents.formats.atomic import write_atomic
from lifeevents.text.labels import Language
from lifeevents.views.style import TEXT_COLOR

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["PICTURE_SUFFIXES", "figure_svg", "matplotlib_module", "number", "save_figure", "style"]

#: The file suffixes :func:`save_figure` writes.
PICTURE_SUFFIXES = (".svg", ".png")

# One style for every picture: sizes readable on a projector, one font that
# matplotlib ships (the same everywhere), ids and metadata without chance or clock.
_STYLE: dict[str, Any] = {
    "font.family": "DejaVu Sans",
    "font.size": 14,
    "axes.titlesize": 18,
    "axes.labelsize": 15,
    "xtick.labelsize": 14,
    "ytick.labelsize": 14,
    "text.color": TEXT_COLOR,
    "axes.labelcolor": TEXT_COLOR,
    "xtick.color": TEXT_COLOR,
    "ytick.color": TEXT_COLOR,
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "text.parse_math": False,
    "svg.fonttype": "none",
    "svg.hashsalt": "lifeevents",
    "svg.id": "",
}
_SVG_METADATA: dict[str, Any] = {"Date": None, "Creator": "lifeevents (matplotlib)"}
_PNG_METADATA: dict[str, Any] = {"Software": "lifeevents (matplotlib)"}


def matplotlib_module() -> Any:
    """The matplotlib package, or :class:`~lifeevents.errors.MissingExtraError` saying
    how to install it.

    Examples
    --------
    >>> matplotlib_module().__name__
    'matplotlib'
    """
    try:
        import matplotlib
    except ImportError:
        raise MissingExtraError(
            "pictures need matplotlib: install the extra with pip install 'lifeevents[studies]'"
        ) from None
    return matplotlib


@contextmanager
def style() -> Iterator[None]:
    """Draw and write inside the pictures' fixed style (matplotlib's ``rc_context``).

    Examples
    --------
    >>> import matplotlib
    >>> with style():
    ...     matplotlib.rcParams["svg.hashsalt"], matplotlib.rcParams["font.size"]
    ('lifeevents', 14.0)
    """
    with matplotlib_module().rc_context(_STYLE):
        yield


def number(value: float, lang: Language = "de") -> str:
    """``value`` as a reader writes it: whole numbers without decimals, else one,
    with the separators of ``lang``.

    Parameters
    ----------
    value : float
        The number.
    lang : {"de", "en"}
        German ``1.234,5`` or English ``1,234.5``.

    Returns
    -------
    str
        The number; ``–`` for NaN.

    Examples
    --------
    >>> number(1234.5), number(1234.5, "en"), number(46.666), number(12.0)
    ('1.234,5', '1,234.5', '46,7', '12')
    """
    if math.isnan(value):
        return "–"
    rounded = round(value, 1)
    text = f"{rounded:,.0f}" if rounded == int(rounded) else f"{rounded:,.1f}"
    if text == "-0":
        text = "0"
    if lang == "de":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def figure_svg(figure: Figure) -> str:
    """``figure`` as SVG text: the same text for the same figure in every process.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        A figure of this module (or any other).

    Returns
    -------
    str
        A complete SVG document (with its XML declaration), text kept as text.

    Examples
    --------
    >>> import pandas as pd
    >>> from lifeevents.studies.charts import heat_map
    >>> svg = figure_svg(heat_map(pd.DataFrame({"a": [1.0]}, index=["Rheine"])))
    >>> svg.startswith("<?xml"), "<dc:date>" in svg, "Rheine" in svg
    (True, False, True)
    """
    buffer = io.StringIO()
    with style():
        figure.savefig(buffer, format="svg", metadata=_SVG_METADATA)
    return buffer.getvalue()


def save_figure(figure: Figure, path: str | os.PathLike[str]) -> None:
    """Write ``figure`` atomically as SVG or PNG, as the suffix of ``path`` says.

    Parameters
    ----------
    figure : matplotlib.figure.Figure
        The figure.
    path : str or os.PathLike
        The file: ``.svg`` or ``.png`` (drawn by Agg at 100 dpi).

    Raises
    ------
    lifeevents.errors.UnsupportedFormatError
        For another suffix, before anything is written.
    OSError
        When the file cannot be written.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> import pandas as pd
    >>> from lifeevents.studies.charts import heat_map
    >>> figure = heat_map(pd.DataFrame({"a": [1.0]}, index=["Rheine"]))
    >>> with tempfile.TemporaryDirectory() as folder:
    ...     save_figure(figure, Path(folder) / "karte.png")
    ...     (Path(folder) / "karte.png").read_bytes()[:4]
    b'\\x89PNG'
    """
    suffix = Path(path).suffix.lower()
    if suffix not in PICTURE_SUFFIXES:
        raise UnsupportedFormatError(
            f"cannot draw '{suffix or Path(path).name}': name the picture *.svg or *.png"
        )
    if suffix == ".svg":
        write_atomic(path, figure_svg(figure))
        return
    buffer = io.BytesIO()
    with style():
        figure.savefig(buffer, format="png", metadata=_PNG_METADATA)
    write_atomic(path, buffer.getvalue())
