"""The one tiny journey that every doctest shows, so examples stay short and alike.

It is text, not a loaded model, because this layer sits below the file formats.

Four steps of a move (Umzug) in two stages: the Bürgerbüro and its cash desk sit
in the same town hall (two visits where one would do), the Straßenverkehrsamt sits
in the Kreishaus and needs the Meldebestätigung that the citizen carries there (a
handover by the citizen), one step is online, and one applies only to a persona
with a car (the persona ``default`` has none). A step name holds ``<`` and ``&``
so that every renderer's escaping shows in its examples.

Examples
--------
>>> from lifeevents import loads
>>> from lifeevents.library.demo import DEMO_YAML
>>> life_event = loads(DEMO_YAML)
>>> [step.id for step in life_event.steps]
['anmelden', 'gebuehr', 'kfz', 'rundfunk']
>>> list(life_event.personas)
['mit-auto']
>>> from lifeevents import analyze, journey
>>> report = analyze(journey(life_event, "mit-auto"))
>>> report.visits.as_modelled, report.visits.minimum, len(report.once_only_violations)
(3, 2, 1)

The demo scenario offers the car's re-registration online:

>>> from lifeevents import apply
>>> from lifeevents.formats.scenario_file import loads_scenario
>>> online = apply(life_event, loads_scenario(DEMO_SCENARIO_YAML))
>>> analyze(journey(online, "mit-auto")).visits.as_modelled
2
"""

from __future__ import annotations

__all__ = ["DEMO_SCENARIO_YAML", "DEMO_YAML"]

DEMO_YAML = """\
format: lifeevents/1
life_event: {id: demo, name: Umzug, stages: [ummelden, danach]}
authorities:
  amt: {name: Bürgerbüro, level: gemeinde, site: rathaus}
  kasse: {name: Stadtkasse, level: gemeinde, site: rathaus}
  kreis: {name: Straßenverkehrsamt, level: kreis, site: kreishaus}
  beitrag: {name: Beitragsservice, level: privat}
evidence:
  meldung: {name: Meldebestätigung, issued_by: amt}
personas:
  mit-auto: {name: Mit Auto, attributes: {has_car: true}}
steps:
  - {id: anmelden, name: "Wohnsitz <anmelden> & bestätigen", authority: amt, stage: ummelden,
     channels: [in_person], produces: [meldung], emotion: -1, pain_points: [Wartezeit]}
  - {id: gebuehr, name: Gebühr zahlen, authority: kasse, stage: ummelden,
     channels: [in_person], after: [anmelden]}
  - {id: kfz, name: Fahrzeug ummelden, authority: kreis, stage: danach,
     channels: [in_person], requires: [meldung], when: {has_car: true}}
  - {id: rundfunk, name: Rundfunkbeitrag ummelden, authority: beitrag, stage: danach,
     channels: [online], after: [anmelden]}
"""

#: The one demo scenario: the Straßenverkehrsamt offers re-registering the car online.
#: Applied to the demo journey for the persona ``mit-auto``, it saves the visit to the Kreishaus.
DEMO_SCENARIO_YAML = """\
format: lifeevents-scenario/1
id: kfz-online
name: Fahrzeug online ummelden
changes: [{step: kfz, channels: [online, in_person]}]
"""
