"""Maps of journeys: blueprint, journey map and checklist views, in several formats.

Importing this package registers the Jupyter display of journeys and reports.
"""

from lifeevents.render import jupyter as _jupyter
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

del _jupyter
