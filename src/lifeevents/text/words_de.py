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
}
