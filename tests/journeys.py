"""Small journey texts for hand-computed tests."""

from __future__ import annotations

from textwrap import dedent

from lifeevents.formats.journey_file import loads
from lifeevents.model.life_event import LifeEvent

HEADER = """\
format: lifeevents/1
life_event: {id: test, name: Test}
authorities:
  buergerbuero: {name: Bürgerbüro, level: gemeinde, site: rathaus}
  standesamt: {name: Standesamt, level: gemeinde, site: rathaus}
  kreis: {name: Straßenverkehrsamt, level: kreis, site: kreishaus}
  kasse: {name: Familienkasse, level: bund, site: familienkasse}
  bank: {name: Bank, level: privat, site: bank}
"""


def life_event(body: str) -> LifeEvent:
    """A journey from the shared header plus ``body`` (evidence, personas, steps)."""
    return loads(HEADER + dedent(body), "test.yaml", regions={})
