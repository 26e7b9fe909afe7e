"""Every word a reader sees, in German (the default language).

One entry per key; :mod:`lifeevents.text.labels` checks that both languages have the
same keys and the same ``{placeholders}``. Keys of one view start with its name.
"""

from __future__ import annotations

__all__ = ["WORDS"]

WORDS: dict[str, str] = {
    "persona": "Persona",
    "municipality": "Gemeinde",
    "origin": "Herkunft",
    "event_place": "Ort des Ereignisses",
    "scenarios": "Szenarien",
    "today": "heute",
    "with_scenarios": "mit Szenario",
    "overlay": "Unterschied",
    "difference": "Unterschied heute – mit Szenario",
    "channel": "Kanal",
    "authority": "Stelle",
    "site": "Ort",
    "added": "neu",
    "removed": "entfällt",
    "direct_now": "jetzt direkt",
    "not_applied": "nicht angewandt",
    "percentage_points": "Pp.",
    "figure": "Kennzahl",
    "value": "Wert",
    "steps": "Schritte",
    "authorities": "Behörden und Stellen",
    "visits_modelled": "Besuche (wie modelliert)",
    "visits_minimum": "Besuche (Minimum)",
    "visits_redundant": "Zusammenlegbare Besuche",
    "visits_avoidable": "Besuche mit Alternative ohne Weg",
    "heuristic": "Näherung",
    "channel_handovers": "Kanalwechsel",
    "media_breaks": "Medienbrüche",
    "authority_handovers": "Bürger als Bote (Behördenwechsel)",
    "crossing_levels": "davon ebenenübergreifend",
    "once_only": "Once-Only-Verstöße",
    "duration": "Dauer in Tagen",
    "deadlines": "Gefährdete Fristen",
    "digital_share": "Digitalanteil",
    "online_share": "Online verfügbar",
    "plan": "Besuchsplan (kleinste Zahl an Wegen)",
    "visit": "Besuch",
    "day": "Tag",
    "carries": "Bürger trägt",
    "requires_from": "verlangt",
    "issued_by": "ausgestellt von",
    "deadline_day": "Frist: Tag",
    "starts_day": "frühestens Tag",
    "none": "keine",
    "findings": "Befunde",
    "opportunities": "Chancen",
    "schedule": "Ablauf",
    # studies: lifeevents matrix, recommend and yearly impact
    "responsibility_matrix": "Zuständigkeiten je Gemeinde",
    "step": "Schritt",
    "level": "Ebene",
    "differs": "je Gemeinde verschieden geregelt",
    "differing_steps": "Schritte, je Gemeinde verschieden geregelt",
    "kreis_and_gemeinde": "Kreis und Gemeinde beteiligt",
    "in_municipalities": "Gemeinden",
    "of": "von",
    "taken_by_no_persona": "nimmt keine Persona",
    "recommendation": "Empfehlung im Budget",
    "budget": "Budget",
    "years": "Jahr(e)",
    "objective_visits": "Besuche pro Jahr",
    "objective_hours": "Bürgerstunden pro Jahr",
    "scenario": "Szenario",
    "cost_eur": "Kosten (EUR)",
    "marginal_gain": "Grenznutzen",
    "eur_per_unit": "EUR je Einheit",
    "saving": "Einsparung",
    "with_chosen": "mit Auswahl",
    "exact_search": "exakt: alle Kombinationen im Budget geprüft",
    "greedy_search": "Näherung (gierig); höchstens möglich",
    "nothing_chosen": "keines lohnt sich im Budget",
    "without_cost": "ohne Kostenangabe, nicht abgewogen",
    "over_budget": "allein schon über dem Budget",
    "cases_per_year": "Fälle pro Jahr",
    "kreis_visits": "davon beim Kreis",
    "citizen_hours": "Bürgerstunden",
    "steps_without_minutes": "Schritte ohne Zeitangabe (als 0 gezählt)",
    # The blueprint view (lifeevents.views.blueprint).
    "blueprint.title": "Blueprint",
    "blueprint.authority": "Stelle",
    "blueprint.level": "Ebene",
    "blueprint.channel": "Kanal",
    "blueprint.offered": "angeboten",
    "blueprint.requires": "benötigt",
    "blueprint.produces": "erzeugt",
    "blueprint.legal_basis": "Rechtsgrundlage",
    "blueprint.deadline": "Frist: Tag",
    "blueprint.stage": "Phase",
    "blueprint.visit_short": "Besuch {number}/{total}",
    "blueprint.visit_key": "Besuch k von n (Besuchsplan mit den wenigsten Wegen)",
    "blueprint.media_break": "Medienbruch",
    "blueprint.handover": "Behördenwechsel",
    "blueprint.order": "Reihenfolge",
    "blueprint.order_bridged": "Reihenfolge über nicht zutreffende Schritte",
    "blueprint.evidence": "Nachweis",
    "blueprint.evidence_key_compact": "Nachweis (Name im Tooltip)",
    "blueprint.key": "Legende",
    "blueprint.once_only": "Once-only",
    "blueprint.once_only_step": "Once-only: verlangt",
    "blueprint.deadline_risk": "Frist gefährdet",
    "blueprint.no_steps": "Keine Schritte treffen zu.",
    "blueprint.no_findings": "Keine Befunde.",
    "blueprint.steps_in_lane": "Schritte",
    # The journey-map view (lifeevents.views.journey_map; its Mermaid code too).
    "journey_map.title": "Journey Map",
    "journey_map.stage": "Phase",
    "journey_map.touchpoint": "Kontaktpunkt",
    "journey_map.channel": "Kanal",
    "journey_map.emotion": "Emotion",
    "journey_map.pain_points": "Schmerzpunkte",
    "journey_map.no_steps": "keine Schritte",
    "journey_map.unknown": "keine Angabe",
    "journey_map.at_risk": "Frist gefährdet",
    "journey_map.day_zero": "Tag 0 = Tag des Ereignisses",
    # The checklist view (lifeevents.views.checklist), in plain language (no
    # "Behördengang", no "Medium").
    "checklist.title": "Checkliste",
    "checklist.how_to": (
        "So lesen Sie die Liste: Tag 0 ist der Tag des Ereignisses, „Tag 7“ heißt "
        "7 Tage danach. Haken Sie ab, was erledigt ist."
    ),
    "checklist.overview": "Auf einen Blick",
    "checklist.trips": "{n} Besuch vor Ort|{n} Besuche vor Ort",
    "checklist.at_home": "{n} Aufgabe von zu Hause|{n} Aufgaben von zu Hause",
    "checklist.deadlines_count": "{n} Frist|{n} Fristen",
    "checklist.deadlines": "Fristen",
    "checklist.deadline_by": "Bis Tag {day}",
    "checklist.at_risk": "Frist in Gefahr",
    "checklist.first": "Zuerst von zu Hause erledigen",
    "checklist.between": "Nach Besuch {number} von zu Hause erledigen",
    "checklist.last": "Danach von zu Hause erledigen",
    "checklist.only": "Von zu Hause erledigen",
    "checklist.trip": "Besuch {number} · Tag {day}: {where}",
    "checklist.where": "Wo",
    "checklist.when": "Wann",
    "checklist.when_text": "frühestens an Tag {day}",
    "checklist.one_trip": "alles bei einem Besuch",
    "checklist.bring": "Mitbringen",
    "checklist.do_there": "Dort erledigen",
    "checklist.receive_there": "Sie bekommen dort",
    "checklist.identity": "Ausweisdokument",
    "checklist.from": "von",
    "checklist.direct": "Kommt direkt von der Stelle, die es ausstellt (nicht mitbringen)",
    "checklist.needs": "Dafür brauchen Sie",
    "checklist.receive": "Sie bekommen",
    "checklist.after_days": "nach etwa {days} Tagen",
    "checklist.from_day": "ab Tag {day}",
    "checklist.deadline": "Frist: bis Tag {day}",
    "checklist.legal": "Rechtsgrundlage",
    "checklist.at": "bei",
    "checklist.nothing": "Nichts zu tun.",
    "checklist.no_deadlines": "Keine gesetzlichen Fristen.",
    # How a checklist task is done, as a reader would say it (one per channel).
    "checklist.how.in_person": "vor Ort",
    "checklist.how.terminal": "am Selbstbedienungs-Terminal vor Ort",
    "checklist.how.online": "online",
    "checklist.how.email": "per E-Mail",
    "checklist.how.video": "per Video-Termin",
    "checklist.how.phone": "per Telefon",
    "checklist.how.mail": "per Post",
    "checklist.how.proactive": "geschieht automatisch, Sie müssen nichts tun",
    # The interactive page around a map (lifeevents.views.html).
    "html.details": "Details",
    "html.hint": "Zeigen Sie auf einen Schritt oder wählen Sie ihn mit der Tabulatortaste.",
    "html.summary": "Kennzahlen",
    "html.legend": "Legende",
    "html.channels": "Kanäle",
    "html.highlights": "Markierungen",
    "html.authority": "Behörde oder Stelle",
    "html.level": "Ebene",
    "html.channel": "Kanal",
    "html.channels_offered": "Angebotene Kanäle",
    "html.start_day": "Frühester Tag",
    "html.requires": "Benötigt",
    "html.produces": "Erzeugt",
    "html.legal_basis": "Rechtsgrundlage",
    "html.deadline_days": "Frist (Tag)",
    "html.duration_minutes": "Eigener Aufwand",
    "html.minutes": "min",
    "html.fee_eur": "Gebühr",
    "html.pain_points": "Schmerzpunkte",
    "html.precedence": "Reihenfolge",
    "html.evidence": "Nachweis wird weitergegeben",
    "html.bold_edge": "dicke Kante",
    "html.dashed_edge": "gestrichelte Kante",
    "html.double_border": "doppelter Rand",
    "html.dotted_border": "gepunkteter Rand",
    # The workshop's index of files (lifeevents.views.workshop).
    "workshop.files": "Dateien",
    # serve
    "serve.app": "lifeevents – Werkstatt",
    "serve.journey": "Lebenslage",
    "serve.view": "Ansicht",
    "serve.view_blueprint": "Service-Blueprint",
    "serve.view_journey": "Journey Map",
    "serve.view_diff": "Unterschied heute – mit Szenario",
    "serve.show": "Anzeigen",
    "serve.live": "Live: Änderungen an den Dateien erscheinen sofort.",
    "serve.offline": "Keine Verbindung zum Server: Läuft „lifeevents serve“ noch?",
    "serve.problems": "Probleme in den Dateien",
    "serve.problems_hint": "Die Karte erscheint wieder, sobald die Dateien gültig sind.",
    "serve.last_good": "Letzte gültige Karte (von {time} Uhr)",
    "serve.no_last_good": "Seit dem Start des Servers gab es hierfür noch keine gültige Karte.",
    "serve.warnings": "Hinweise",
    "serve.files": "Dateien im Ordner {folder}",
    "serve.no_files": "Keine YAML-Dateien im Ordner.",
    "serve.valid": "gültig",
    "serve.invalid": "Probleme: {count}",
    "serve.kind_journey": "Lebenslage",
    "serve.kind_scenario": "Szenario",
    "serve.kind_region": "Region",
    "serve.builtin": "eingebaut",
    "serve.builtin_journeys": (
        "Im Ordner liegen keine Lebenslagen; zur Auswahl stehen die eingebauten."
    ),
    "serve.no_journeys": "Keine Lebenslage gefunden.",
    "serve.no_scenarios": "keine für diese Lebenslage",
    "serve.truncated": (
        "Der Ordner hat mehr Dateien, als beobachtet werden; nicht alle sind aufgeführt."
    ),
    "serve.fit": "Karte an die Breite anpassen",
    "serve.interactive": "Interaktive Karte (neuer Tab)",
    "serve.figures": "Kennzahlen",
    "serve.back": "Zurück zur Karte",
    "serve.not_found": "Nicht gefunden",
    "serve.not_drawable": (
        "Diese Karte lässt sich gerade nicht zeichnen; die Werkstattseite zeigt, warum."
    ),
    "serve.not_applied": (
        "Szenario „{scenario}“ gilt nicht für diese Lebenslage (siehe applies_to); nicht angewandt"
    ),
    # text, scenarios, export and observed
    # Channels and levels by their value (lifeevents.text.names.DisplayNames).
    "channel.in_person": "vor Ort",
    "channel.terminal": "Terminal",
    "channel.online": "online",
    "channel.email": "E-Mail",
    "channel.video": "Video",
    "channel.phone": "Telefon",
    "channel.mail": "Post",
    "channel.proactive": "proaktiv",
    "level.bund": "Bund",
    "level.land": "Land",
    "level.kreis": "Kreis",
    "level.gemeinde": "Gemeinde",
    "level.sozialversicherung": "Sozialversicherung",
    "level.privat": "Privat",
    # Sentences of findings and opportunities (lifeevents.text.findings).
    "findings.deadline": "frühestens Tag {day}, Frist Tag {deadline}",
    "findings.merge_visits": "{count} Besuche zu einem Termin zusammenlegen: {steps}",
    "findings.avoidable_visit": "Besuch vermeidbar, anderer Kanal angeboten: {steps}",
    "findings.exchange": "{evidence} direkt zwischen {source} und {target} austauschen",
    # The observed map (lifeevents.observed.observed_map).
    "observed_map.seen": "beobachtet in {seen} von {cases} Fällen",
    "observed_map.disorder": "{n}× in falscher Reihenfolge",
    "observed_map.skipped": "in {n} ausgelassen",
    "observed_map.late": "in {n} verspätet",
    "observed_map.of_cases": "von {cases} Fällen",
    "observed_map.title": "{life_event}: beobachtet (Persona {persona})",
    "observed_map.description": (
        "{title}: je breiter ein Pfeil, desto mehr Fälle; rot: beobachtete Abweichungen"
    ),
    # The report of an event log against a journey (lifeevents.observed.report).
    "observed.header": "{life_event}: {cases} Fälle, {events} Ereignisse in {log}",
    "observed.conforming": "konform",
    "observed.extra_visits": "zusätzliche Besuche (gemacht - Minimum)",
    "observed.deviations": "häufigste Abweichungen",
    "observed.gaps": (
        "Abstände je Abhängigkeit in Tagen (Median beobachtet / Vorlaufzeit modelliert)"
    ),
    "observed.cases": "{cases} Fälle",
    "observed.kind.skipped": "ausgelassen",
    "observed.kind.out_of_order": "falsche Reihenfolge",
    "observed.kind.deadline_missed": "Frist verpasst",
    "observed.kind.unknown_activity": "unbekannte Aktivität",
    "observed.kind.extra_visits": "zusätzliche Besuche",
    "observed.more_visits": "mehr Besuche als das Minimum",
    # BPMN export (lifeevents.export.bpmn): pool, empty lane, end event, evidence at hand.
    "bpmn.citizen": "Bürgerin / Bürger",
    "bpmn.no_steps": "keine Schritte für diese Persona",
    "bpmn.done": "erledigt",
    "bpmn.at_hand": "{evidence} (liegt vor)",
    # CPSV-AP export (lifeevents.export.cpsv): descriptions written into the RDF.
    "cpsv.lebenslage": "OZG-Lebenslage: {lebenslage}",
    "cpsv.step_of": "{step} ({authority}), Schritt der Lebenslage {life_event}",
    # Blueprint, legible maps (issue 13): visits in plain words, numbers on the arrows.
    # The trip's place in the plan with the fewest trips (rule 5), not that it is unavoidable.
    "blueprint.visit_needed": (
        "einziger Besuch im kürzesten Plan|{number}. von {total} im kürzesten Plan"
    ),
    "blueprint.visits_today": "heute {count} Besuch|heute {count} getrennte Besuche",
    "blueprint.visit_key_needed": "Besuch im kürzesten Plan (mit den wenigsten Wegen); {today}",
    "blueprint.evidence_key_marker": "Nachweis (Nummer am Pfeil, in der Legende erklärt)",
    # The map viewer of the interactive page (lifeevents.views.html, assets/page.js).
    "html.zoom_in": "Vergrößern (Taste +)",
    "html.zoom_out": "Verkleinern (Taste −)",
    "html.fit": "Ganze Karte",
    "html.fit_hint": "Die ganze Karte ins Fenster einpassen (Taste 0)",
    "html.all": "alle",
    "html.search": "Schritt suchen",
    "html.search_hint": "Schritt suchen: Eingabetaste springt zum nächsten Treffer",
    "html.search_count": "{current} von {total}",
    "html.search_none": "kein Treffer",
    "html.panel": "Befunde und Legende",
    "html.panel_count": "Befunde zum gewählten Schritt",
    "html.close": "Schließen",
    "html.stage": "Phase",
    "html.map_help": (
        "Mausrad oder zwei Finger: zoomen; ziehen: verschieben; Tasten + und −: zoomen, "
        "0: ganze Karte, Pfeiltasten: verschieben, Esc: Auswahl aufheben. Ein Klick auf "
        "einen Befund zeigt seine Schritte auf der Karte."
    ),
    "html.text_alternative_panel": (
        "Die Befunde unter „Befunde und Legende“ beschreiben, was die Karte hervorhebt."
    ),
    # The journey map's legend (lifeevents.views.journey_map).
    "journey_map.order": (
        "Spalten in zeitlicher Folge (Tag laut Besuchsplan) · Linie = Verlauf der Emotion"
    ),
    # The checklist: steps done without the citizen (lifeevents.views.checklist).
    "checklist.by_others": "Geschieht ohne Ihr Zutun",
    "checklist.by_others_count": (
        "{n} Schritt geschieht ohne Ihr Zutun|{n} Schritte geschehen ohne Ihr Zutun"
    ),
    "checklist.done_by": "{who} kümmert sich darum, Sie müssen nichts tun",
    "jupyter.scroll_hint": "Breite Karten bleiben lesbar: im Rahmen scrollen.",
    "jupyter.no_graphviz": "Graphviz (dot) ist nicht installiert: keine Karte.",
    "jupyter.map_hint": (
        "Die Karte: {call} zeigt sie hier, {save} schreibt sie als interaktive Seite."
    ),
    "paper.page": "Seite {page} von {pages}",
    "paper.contents": "Inhalt",
    "paper.on_page": "Seite {page}",
    "paper.column": "Abschnitt der Karte",
    "paper.page_word": "Seite",
    "paper.note": "Jede Seite zeigt ganze Phasen mit ihren Ebenen.",
    "paper.figures_note": (
        "Kennzahlen der ganzen Lebenslage (die Tabelle jeder Seite zählt deren Schritte "
        "und Befunde):"
    ),
    "compare.all_together": "alle Szenarien zusammen",
    "workshop.title": "Karten für den Workshop",
    "persona.default": "Grundfall",
    "paper.part": "{title} (Teil {part} von {parts})",
    "paper.crossings": "Abhängigkeiten zwischen Seiten (dort ohne Pfeil):",
    "paper.crossing": "{source} (Seite {source_page}) → {target} (Seite {target_page})",
    "paper.more": "… und {count} weitere",
    # Pictures and the yearly impact report (lifeevents.studies.charts, .impact_page).
    "charts.scale_per_column": "Farben je Spalte skaliert",
    "charts.per_municipality": "Kennzahlen je Gemeinde",
    "charts.all_together": "Alle zusammen",
    "charts.eur_per_visits_saved": "EUR je eingespartem Besuch",
    "charts.eur_per_hours_saved": "EUR je eingesparter Stunde",
    "charts.savings_per_scenario": "Einsparung je Szenario",
    "impact.title": "Wirkung pro Jahr je Szenario",
    "impact.inputs": (
        "{cases} Fälle pro Jahr aus {source}; Kosten über {years} Jahr(e); Wegezeit {minutes} "
        "Minuten je Besuch"
    ),
    "impact.today": "heute",
    "impact.with": "mit",
    "impact.cost_per_visit_saved": "EUR je eingespartem Besuch",
    "impact.hours_saved": "Stunden eingespart",
    "impact.no_cost": (
        "Ohne Kostenangabe bleibt die Kostenspalte leer; die mitgelieferten Szenarien nennen "
        "keine Kosten."
    ),
    "impact.together_note": (
        "„Alle zusammen“: alle Szenarien gemeinsam angewandt, die echte gemeinsame Wirkung "
        "(nicht die Summe der Zeilen)."
    ),
    "impact.savings_by_municipality": "Eingesparte Besuche pro Jahr je Gemeinde",
    "impact.table": "Tabelle",
    "impact.pictures": "Bilder",
    # Blueprint badges on one line (issue 13): the key says what ⊘ means.
    "blueprint.once_only_badge": "verlangt {evidence}",
    "blueprint.once_only_key": "Once-Only-Verstoß: verlangt, was die Verwaltung schon hat",
    # The day of a step the visit plan does later than the schedule could start it.
    "day_possible_from": "(möglich ab Tag {day})",
    # A visit step that also offers a channel without a trip (rule 5: an avoidable visit).
    "blueprint.visit_also": "auch {channels} möglich",
}
