"""Run Graphviz on DOT text and make its output deterministic and accessible.

:func:`render_graphviz` calls the ``dot`` program (any layout engine through
``-K``), so that only ``dot`` has to be installed. SVG output gains a
``<title>`` and a ``<desc>`` right after the root element, which screen
readers announce (``role="img"`` with ``aria-labelledby``/``aria-describedby``).
PDF output gets a fixed creation date: cairo 1.16 writes the current time and
ignores ``SOURCE_DATE_EPOCH`` (tested), so the date is overwritten in place,
keeping every byte offset of the cross-reference table valid.

Examples
--------
>>> svg = add_svg_text_alternative(
...     '<svg width="8pt" height="8pt">\\n<g/></svg>', title="Umzug <1>", description="a & b")
>>> print(svg)  # doctest: +NORMALIZE_WHITESPACE
<svg width="8pt" height="8pt" role="img" aria-labelledby="map-title"
     aria-describedby="map-desc">
<title id="map-title">Umzug &lt;1&gt;</title>
<desc id="map-desc">a &amp; b</desc>
<g/></svg>
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import time
from typing import Literal

from lifeevents.errors import GraphvizError, GraphvizNotFoundError
from lifeevents.views.escape.html import escape_text

__all__ = [
    "Engine",
    "Format",
    "add_svg_text_alternative",
    "fix_pdf_dates",
    "render_graphviz",
]

Format = Literal["svg", "png", "pdf"]
Engine = Literal["dot", "sfdp"]

_SVG_ROOT = re.compile(r"<svg\b[^>]*?>")
# cairo writes "D:YYYYMMDDHHmmSS" then "Z" or "+HH'mm".
_PDF_DATE = re.compile(rb"/(CreationDate|ModDate) \(D:(\d{14})([^)]*)\)")


def render_graphviz(
    source: str,
    fmt: Format,
    *,
    engine: Engine = "dot",
    title: str | None = None,
    description: str | None = None,
    timeout: float = 120,
) -> bytes:
    """Lay out and draw DOT ``source`` as SVG, PNG or PDF; the same input gives the same bytes.

    Parameters
    ----------
    source : str
        DOT text.
    fmt : {"svg", "png", "pdf"}
        The image format.
    engine : {"dot", "sfdp"}, default "dot"
        The layout engine (run as ``dot -K<engine>``).
    title, description : str, optional
        The SVG's ``<title>`` and ``<desc>`` (ignored for PNG and PDF, which
        have no place for them).
    timeout : float, default 120
        Seconds before Graphviz is stopped.

    Returns
    -------
    bytes
        The image.

    Raises
    ------
    GraphvizNotFoundError
        When ``dot`` is missing.
    GraphvizError
        When it fails or takes longer than ``timeout`` seconds.
    ValueError
        For an unknown format or engine.

    Examples
    --------
    >>> svg = render_graphviz("digraph { a -> b }", "svg", title="A")  # doctest: +SKIP
    >>> b'<title id="map-title">A</title>' in svg  # doctest: +SKIP
    True
    >>> render_graphviz("digraph { a -> b }", "gif")  # type: ignore[arg-type]
    Traceback (most recent call last):
    ...
    ValueError: unknown format 'gif'; choose svg, png or pdf
    """
    if fmt not in ("svg", "png", "pdf"):
        raise ValueError(f"unknown format {fmt!r}; choose svg, png or pdf")
    if engine not in ("dot", "sfdp"):
        raise ValueError(f"unknown engine {engine!r}; choose dot or sfdp")
    executable = shutil.which("dot")
    if executable is None:
        raise GraphvizNotFoundError()
    # cairo 1.16 ignores SOURCE_DATE_EPOCH (newer versions honour it); in UTC the date it
    # writes has one length everywhere, so fix_pdf_dates can replace it in place.
    environment = {**os.environ, "TZ": "UTC", "SOURCE_DATE_EPOCH": "0"}
    returncode, stdout, stderr = _run(
        [executable, f"-K{engine}", f"-T{fmt}"], source.encode("utf-8"), environment, timeout
    )
    if returncode == -signal.SIGINT:
        raise KeyboardInterrupt  # Ctrl-C reached dot (same process group) before us
    if returncode != 0 or not stdout:
        message = " ".join(stderr.decode("utf-8", "replace").split())[:500]
        raise GraphvizError(
            f"Graphviz ({engine} -T{fmt}) failed with exit code {returncode}"
            + (f": {message}" if message else "")
        )
    if fmt == "svg":
        svg = stdout.decode("utf-8")
        if title is not None or description is not None:
            svg = add_svg_text_alternative(svg, title=title, description=description)
        return svg.encode("utf-8")
    if fmt == "pdf":
        return fix_pdf_dates(stdout)
    return stdout


def _run(
    command: list[str], data: bytes, environment: dict[str, str], timeout: float
) -> tuple[int, bytes, bytes]:
    """Run Graphviz; on a timeout, Ctrl-C or any other exception the child is killed first.

    ``subprocess.run`` waits only a quarter second for a child after Ctrl-C and then
    reports a *timeout*; here an interruption stays a :class:`KeyboardInterrupt`.
    """
    try:
        process = subprocess.Popen(
            command,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=environment,
        )
    except FileNotFoundError:
        raise GraphvizNotFoundError() from None
    started = time.monotonic()
    try:
        stdout, stderr = process.communicate(data, timeout=timeout)
    except subprocess.TimeoutExpired as error:
        _end(process)
        if isinstance(error.__context__, KeyboardInterrupt) or (
            time.monotonic() - started < timeout
        ):
            raise KeyboardInterrupt from None
        raise GraphvizError(f"Graphviz took longer than {timeout:g} s") from None
    except BaseException:
        _end(process)
        raise
    return process.returncode, stdout, stderr


def _end(process: subprocess.Popen[bytes]) -> None:
    process.kill()
    process.wait()


def add_svg_text_alternative(
    svg: str, *, title: str | None, description: str | None, id_prefix: str = "map"
) -> str:
    """Insert ``<title>`` and ``<desc>`` (escaped) right after the root ``<svg>`` start tag.

    The root element gets ``role="img"`` and ARIA references to both, so the
    map has an accessible name and a text alternative.

    Parameters
    ----------
    svg : str
        An SVG document.
    title, description : str or None
        The texts; None leaves one out.
    id_prefix : str, default "map"
        Keeps the two ids unique when a page embeds several maps.

    Returns
    -------
    str
        The SVG with the text alternative.

    Raises
    ------
    ValueError
        When ``svg`` has no ``<svg>`` element.

    Examples
    --------
    >>> add_svg_text_alternative("<svg/>", title="A", description=None, id_prefix="m1")
    '<svg role="img" aria-labelledby="m1-title">\\n<title id="m1-title">A</title></svg>'
    """
    match = _SVG_ROOT.search(svg)
    if match is None:
        raise ValueError("no <svg> element in the Graphviz output")
    start_tag = match.group(0)
    closing = "/>" if start_tag.endswith("/>") else ">"
    attributes = ' role="img"'
    children = ""
    if title is not None:
        attributes += f' aria-labelledby="{id_prefix}-title"'
        children += f'\n<title id="{id_prefix}-title">{escape_text(title, quote=False)}</title>'
    if description is not None:
        attributes += f' aria-describedby="{id_prefix}-desc"'
        children += f'\n<desc id="{id_prefix}-desc">{escape_text(description, quote=False)}</desc>'
    new_tag = start_tag[: -len(closing)].rstrip() + attributes + ">"
    rest = svg[match.end() :]
    if closing == "/>":
        rest = "</svg>" + rest
    return svg[: match.start()] + new_tag + children + rest


def fix_pdf_dates(pdf: bytes) -> bytes:
    """Replace the dates cairo writes into a PDF by 1970-01-01, keeping every byte offset.

    Parameters
    ----------
    pdf : bytes
        A PDF written by cairo.

    Returns
    -------
    bytes
        The same PDF, of the same length, dated 1970-01-01 00:00:00.

    Examples
    --------
    >>> fix_pdf_dates(b"/CreationDate (D:20261123092131+01'00)")
    b"/CreationDate (D:19700101000000+00'00)"
    """

    def fixed(match: re.Match[bytes]) -> bytes:
        zone = re.sub(rb"\d", b"0", match.group(3)).replace(b"-", b"+")
        return b"/" + match.group(1) + b" (D:19700101000000" + zone + b")"

    return _PDF_DATE.sub(fixed, pdf)
