"""The checklist view: the fewest trips to offices as a personal to-do list.

For citizens and front-desk staff, in plain German (or English): which office
to go to on which day, what to bring there, what to do online, by post or by
phone before, between and after the trips, and which legal deadlines apply.
The trips are the minimum visit plan of the analysis (``report.visits.plan``).
Only what the citizen does gets a box to tick; what an authority or someone
else does without them (:func:`~lifeevents.views.checklist.actors.citizen_acts`)
is a note without a box, under "Geschieht ohne Ihr Zutun".

Two outputs of one content (:mod:`~lifeevents.views.checklist.content`):
:func:`checklist_markdown` (task-list Markdown, ``- [ ]``) and
:func:`checklist_html` (one self-contained page: inline CSS, no script, nothing
loaded). Every text from the journey file is escaped for the output it goes
into, and both outputs are deterministic.

Examples
--------
What to bring to the Bürgerbüro: the identity document first, then what the
landlord gives:

>>> from lifeevents import analyze, journey, loads
>>> life_event = loads('''
... format: lifeevents/1
... life_event: {id: demo, name: Umzug}
... authorities:
...   amt: {name: Bürgerbüro, level: gemeinde, site: rathaus}
...   vermieter: {name: Vermieter, level: privat}
... evidence:
...   ausweis: {name: Personalausweis, identity: true}
...   bestaetigung: {name: Wohnungsgeberbestätigung}
... steps:
...   - {id: holen, name: Bestätigung holen, authority: vermieter, channels: [mail],
...      produces: [bestaetigung]}
...   - {id: anmelden, name: Wohnsitz anmelden, authority: amt, channels: [in_person],
...      requires: [bestaetigung, ausweis], deadline_days: 14}
... ''')
>>> text = checklist_markdown(analyze(journey(life_event)))
>>> print(text.split("### Mitbringen")[1].split("###")[0].strip())
- [ ] **Personalausweis** (Ausweisdokument)
- [ ] **Wohnungsgeberbestätigung** (von: Vermieter)
"""

from __future__ import annotations

from lifeevents.views.checklist.markdown import checklist_markdown
from lifeevents.views.checklist.page import checklist_html

__all__ = ["checklist_html", "checklist_markdown"]
