"""The template of a new journey file (``lifeevents new``): valid as it stands, with
comments that say what to fill in.

>>> from lifeevents.formats.journey_file import loads
>>> loads(yaml_template("umzug-test"), regions={}).steps[0].id
'schritt-1'
>>> yaml_template("Umzug")  # doctest: +ELLIPSIS
Traceback (most recent call last):
...
ValueError: 'Umzug' is not a life event id: ...
"""

from __future__ import annotations

import re

__all__ = ["yaml_template"]

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def yaml_template(name: str) -> str:
    """A small valid journey file for the life event ``name`` (a slug), to be filled in."""
    if not _SLUG.fullmatch(name):
        raise ValueError(f"'{name}' is not a life event id: use a-z, 0-9 and '-', e.g. umzug")
    return f"""\
# A new journey, format lifeevents/1 (see docs/journey-format-v1.md).
# Fill it in, then check it: lifeevents validate {name}.yaml
format: lifeevents/1
life_event:
  id: {name}
  name: {name}                    # display name, German
authorities:
  amt:
    name: Bürgerbüro              # the office's name
    level: gemeinde               # bund | land | kreis | gemeinde | sozialversicherung | privat
    site: rathaus                 # physical place; steps at one site may share a visit
    verified: false               # true once a source confirms it (add sources: [...])
evidence:
  personalausweis: {{name: Personalausweis, identity: true}}
personas:
  digital:
    prefer: [online, email, mail, in_person]
steps:
  - id: schritt-1
    name: Ersten Schritt beschreiben
    authority: amt
    channels: [in_person, online] # offered channels; the first is today's usual one
    requires: [personalausweis]
    verified: false
"""
