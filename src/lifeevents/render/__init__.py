"""Maps of journeys: blueprint, journey map and checklist views, in several formats.

The Jupyter display of journeys and reports lives in :mod:`lifeevents.render.jupyter`,
which :mod:`lifeevents.display` imports on the first display. The names below are
imported on first use, so that the command line can read the options cheaply.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from lifeevents.lazy import lazy_exports

if TYPE_CHECKING:
    from lifeevents.render.api import FORMATS, render, render_content, render_to_file
    from lifeevents.render.options import Highlight, RenderOptions, View

__all__ = [
    "FORMATS",
    "Highlight",
    "RenderOptions",
    "View",
    "render",
    "render_content",
    "render_to_file",
]

_HOMES = {
    "FORMATS": "lifeevents.render.api",
    "Highlight": "lifeevents.render.options",
    "RenderOptions": "lifeevents.render.options",
    "View": "lifeevents.render.options",
    "render": "lifeevents.render.api",
    "render_content": "lifeevents.render.api",
    "render_to_file": "lifeevents.render.api",
}

__getattr__, __dir__ = lazy_exports(sys.modules[__name__], _HOMES)
