"""Maps of journeys: blueprint, journey map and checklist views, in several formats.

The Jupyter display of journeys and reports lives in :mod:`lifeevents.views.jupyter`,
which :mod:`lifeevents.graph.display` imports on the first display. The names below are
imported on first use, so that the command line can read the options cheaply.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from lifeevents.lazy import lazy_exports

if TYPE_CHECKING:
    from lifeevents.views.api import FORMATS, render, render_content, render_to_file
    from lifeevents.views.options import Highlight, RenderOptions, View

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
    "FORMATS": "lifeevents.views.api",
    "Highlight": "lifeevents.views.options",
    "RenderOptions": "lifeevents.views.options",
    "View": "lifeevents.views.options",
    "render": "lifeevents.views.api",
    "render_content": "lifeevents.views.api",
    "render_to_file": "lifeevents.views.api",
}

__getattr__, __dir__ = lazy_exports(sys.modules[__name__], _HOMES)
