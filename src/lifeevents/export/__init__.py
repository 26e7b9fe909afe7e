"""Exports of journeys to the formats other tools read, and the readers of some of them.

- :mod:`lifeevents.export.graph_formats`: GraphML and node-link JSON with plain values;
- :mod:`lifeevents.export.documents`: lossless JSON of a life event and of a report;
- :mod:`lifeevents.export.bpmn` and :mod:`lifeevents.export.bpmn_import`: BPMN 2.0.

Each module imports what it needs itself, so importing this package costs nothing.
"""

__all__: list[str] = []
