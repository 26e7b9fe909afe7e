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
}
