"""The caps that keep every command fast on any input (documented in docs/command-line.md).

A journey file of a few kilobytes can describe an enormous amount of work: ten
thousand personas checked in every municipality, one step that does not apply
between thousands of predecessors and successors, a graph too dense for
Graphviz to lay out. Every such shape stops early with a located error that
names its cap, instead of running for minutes.

>>> MAX_PERSONAS
100
"""

from __future__ import annotations

__all__ = [
    "MAX_CHECK_STEPS",
    "MAX_DEPENDENCIES",
    "MAX_HINT_LENGTH",
    "MAX_LAYOUT_CROSSINGS",
    "MAX_NAME_LENGTH",
    "MAX_PERSONAS",
    "MAX_TEXT_LENGTH",
    "MAX_VISIT_SEARCH_STATES",
]

#: Personas in one journey file (the built-in journeys have up to five).
MAX_PERSONAS = 100

#: ``validate`` builds the journey of every persona in every municipality that can
#: make a difference; at most this many steps in all (personas × municipalities × steps).
MAX_CHECK_STEPS = 120_000

#: Dependencies (edges) of one persona's journey, counting those bridged through steps
#: that do not apply to the persona.
MAX_DEPENDENCIES = 50_000

#: States the exact search for the fewest visits may explore before it gives up.
MAX_VISIT_SEARCH_STATES = 50_000

#: Unknown names longer than this get no "did you mean" hint (comparing costs length²).
MAX_HINT_LENGTH = 100

#: Characters of an id or a name in a journey file: longer labels break Graphviz (at
#: most 16 KiB per label) and no map could show them.
MAX_NAME_LENGTH = 300

#: Characters of any other text in a journey file (a description, a source).
MAX_TEXT_LENGTH = 5_000

#: Estimated work of a Graphviz ``dot`` layout: pairs of dependencies that span a
#: common column of the map. Beyond it ``dot`` runs for minutes; see
#: :func:`lifeevents.views.density.layout_crossings` (built-in
#: journeys: under 100; a 1,000-step synthetic one: about 2 million).
MAX_LAYOUT_CROSSINGS = 1_000_000
