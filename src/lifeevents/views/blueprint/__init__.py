"""The blueprint view: a journey as swimlanes of administrative levels, as Graphviz DOT.

One lane per level (in :data:`~lifeevents.views.style.LANE_ORDER`: top to
bottom with ``direction="LR"``, left to right with ``"TB"``), one column per
stage of the life event that has a step of the persona (per schedule day when
it has no stages), one node per applicable step and one edge per dependency.
On top, the findings: authority handovers and media breaks as edge styles,
once-only violations, visits numbered by the minimum plan and deadlines at risk
as badges in the steps. A title with the key figures and the key sits above,
the channels' key below the lanes.

One concept per module:

- :mod:`~lifeevents.views.blueprint.api`: the public functions,
- :mod:`~lifeevents.views.blueprint.drawing`: what one render knows,
- :mod:`~lifeevents.views.blueprint.layout`: the rank layout (a linear program),
- :mod:`~lifeevents.views.blueprint.writer`: the DOT writer (steps and edges),
- :mod:`~lifeevents.views.blueprint.frame`: the lane frame (headers, lane lines),
- :mod:`~lifeevents.views.blueprint.key`: the key,
- :mod:`~lifeevents.views.blueprint.heading`: the band above the lanes (title, figures, key),
- :mod:`~lifeevents.views.blueprint.titles`: title, key figures, text alternative,
- :mod:`~lifeevents.views.blueprint.look`: sizes, colours and badges,
- :mod:`~lifeevents.views.blueprint.badges`: what a step's badges say,
- :mod:`~lifeevents.views.blueprint.sizes`: how large a step and the margins will be,
- :mod:`~lifeevents.views.blueprint.extent`: how large the drawing will be, its scale,
- :mod:`~lifeevents.views.blueprint.fit`: the layout and detail size that fit a projector,
- :mod:`~lifeevents.views.blueprint.markers`: the numbers on the edges.

Everything from the journey file is escaped by :mod:`lifeevents.views.escape.dot`,
and the output is deterministic: element ids come from
:class:`~lifeevents.views.element_ids.ElementIds`, nothing from clocks,
hashes or random numbers.

Examples
--------
>>> from lifeevents import analyze, journey, loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> source = blueprint_source(analyze(journey(loads(DEMO_YAML), "mit-auto")))
>>> 'class="dependency evidence authority-handover"' in source
True
"""

from __future__ import annotations

from lifeevents.views.blueprint.api import (
    blueprint_description,
    blueprint_engine,
    blueprint_source,
    blueprint_title,
    render_blueprint,
)
from lifeevents.views.blueprint.layout import MAX_DAY_COLUMNS

__all__ = [
    "MAX_DAY_COLUMNS",
    "blueprint_description",
    "blueprint_engine",
    "blueprint_source",
    "blueprint_title",
    "render_blueprint",
]
