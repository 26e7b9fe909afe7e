"""Display words in German (default) and English, shared by every renderer.

>>> label("visits_minimum", "de")
'Besuche (Minimum)'
>>> label("visits_minimum", "en")
'Visits (minimum)'
"""

from __future__ import annotations

from typing import Literal

__all__ = ["LANGUAGES", "Language", "label"]

Language = Literal["de", "en"]
LANGUAGES: tuple[Language, ...] = ("de", "en")

_LABELS: dict[str, tuple[str, str]] = {
    "persona": ("Persona", "Persona"),
    "municipality": ("Gemeinde", "Municipality"),
    "origin": ("Herkunft", "Origin"),
    "event_place": ("Ort des Ereignisses", "Place of the event"),
    "scenarios": ("Szenarien", "Scenarios"),
    "today": ("heute", "today"),
    "with_scenarios": ("mit Szenario", "with the scenario"),
    "overlay": ("Unterschied", "Difference"),
    "difference": ("Unterschied heute – mit Szenario", "Difference today – with the scenario"),
    "channel": ("Kanal", "Channel"),
    "authority": ("Stelle", "Authority"),
    "site": ("Ort", "Site"),
    "added": ("neu", "new"),
    "removed": ("entfällt", "removed"),
    "direct_now": ("jetzt direkt", "now direct"),
    "not_applied": ("nicht angewandt", "not applied"),
    "percentage_points": ("Pp.", "pp"),
    "figure": ("Kennzahl", "Figure"),
    "value": ("Wert", "Value"),
    "steps": ("Schritte", "Steps"),
    "authorities": ("Behörden und Stellen", "Authorities and bodies"),
    "visits_modelled": ("Besuche (wie modelliert)", "Visits (as modelled)"),
    "visits_minimum": ("Besuche (Minimum)", "Visits (minimum)"),
    "visits_redundant": ("Zusammenlegbare Besuche", "Visits that could be merged"),
    "visits_avoidable": (
        "Besuche mit Alternative ohne Weg",
        "Visits with a non-physical alternative",
    ),
    "heuristic": ("Näherung", "heuristic"),
    "channel_handovers": ("Kanalwechsel", "Channel handovers"),
    "media_breaks": ("Medienbrüche", "Media breaks"),
    "authority_handovers": ("Bürger als Bote (Behördenwechsel)", "Citizen as courier"),
    "crossing_levels": ("davon ebenenübergreifend", "of which cross levels"),
    "once_only": ("Once-Only-Verstöße", "Once-only violations"),
    "duration": ("Dauer in Tagen", "Duration in days"),
    "deadlines": ("Gefährdete Fristen", "Deadlines at risk"),
    "digital_share": ("Digitalanteil", "Digital share"),
    "online_share": ("Online verfügbar", "Available online"),
    "plan": ("Besuchsplan (kleinste Zahl an Wegen)", "Visit plan (fewest trips)"),
    "visit": ("Besuch", "Visit"),
    "day": ("Tag", "day"),
    "carries": ("Bürger trägt", "citizen carries"),
    "requires_from": ("verlangt", "requires"),
    "issued_by": ("ausgestellt von", "issued by"),
    "deadline_day": ("Frist: Tag", "deadline: day"),
    "starts_day": ("frühestens Tag", "earliest day"),
    "none": ("keine", "none"),
    "findings": ("Befunde", "Findings"),
    "opportunities": ("Chancen", "Opportunities"),
    "schedule": ("Ablauf", "Schedule"),
    # The responsibility matrix (lifeevents matrix).
    "responsibility_matrix": ("Zuständigkeiten je Gemeinde", "Responsibility by municipality"),
    "step": ("Schritt", "Step"),
    "level": ("Ebene", "Level"),
    "differs": ("je Gemeinde verschieden geregelt", "differs between municipalities"),
    "differing_steps": (
        "Schritte, je Gemeinde verschieden geregelt",
        "Steps whose responsibility differs between municipalities",
    ),
    "kreis_and_gemeinde": ("Kreis und Gemeinde beteiligt", "Kreis and Gemeinde both involved"),
    "in_municipalities": ("Gemeinden", "municipalities"),
    "of": ("von", "of"),
    "taken_by_no_persona": ("nimmt keine Persona", "taken by no persona"),
    # Recommendations within a budget (lifeevents recommend).
    "recommendation": ("Empfehlung im Budget", "Recommendation within the budget"),
    "budget": ("Budget", "Budget"),
    "years": ("Jahr(e)", "year(s)"),
    "objective_visits": ("Besuche pro Jahr", "visits per year"),
    "objective_hours": ("Bürgerstunden pro Jahr", "citizen hours per year"),
    "scenario": ("Szenario", "Scenario"),
    "cost_eur": ("Kosten (EUR)", "Cost (EUR)"),
    "marginal_gain": ("Grenznutzen", "Marginal gain"),
    "eur_per_unit": ("EUR je Einheit", "EUR per unit"),
    "saving": ("Einsparung", "Saving"),
    "with_chosen": ("mit Auswahl", "with the choice"),
    "exact_search": (
        "exakt: alle Kombinationen im Budget geprüft",
        "exact: every set within budget",
    ),
    "greedy_search": (
        "Näherung (gierig); höchstens möglich",
        "approximation (greedy); at most possible",
    ),
    "nothing_chosen": ("keines lohnt sich im Budget", "none pays off within the budget"),
    "without_cost": ("ohne Kostenangabe, nicht abgewogen", "without a cost, not weighed"),
    "over_budget": ("allein schon über dem Budget", "over the budget alone"),
    "cases_per_year": ("Fälle pro Jahr", "cases per year"),
    "kreis_visits": ("davon beim Kreis", "of which at the Kreis"),
    "citizen_hours": ("Bürgerstunden", "Citizen hours"),
    "steps_without_minutes": (
        "Schritte ohne Zeitangabe (als 0 gezählt)",
        "steps without a duration (counted as 0)",
    ),
}


def label(key: str, lang: Language = "de") -> str:
    """The display word for ``key`` in ``lang``."""
    german, english = _LABELS[key]
    return german if lang == "de" else english
