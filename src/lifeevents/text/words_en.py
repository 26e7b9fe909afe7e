"""Every word a reader sees, in English.

One entry per key; :mod:`lifeevents.text.labels` checks that both languages have the
same keys and the same ``{placeholders}``. Keys of one view start with its name.
"""

from __future__ import annotations

__all__ = ["WORDS"]

WORDS: dict[str, str] = {
    "persona": "Persona",
    "municipality": "Municipality",
    "origin": "Origin",
    "event_place": "Place of the event",
    "scenarios": "Scenarios",
    "today": "today",
    "with_scenarios": "with the scenario",
    "overlay": "Difference",
    "difference": "Difference today – with the scenario",
    "channel": "Channel",
    "authority": "Authority",
    "site": "Site",
    "added": "new",
    "removed": "removed",
    "direct_now": "now direct",
    "not_applied": "not applied",
    "percentage_points": "pp",
    "figure": "Figure",
    "value": "Value",
    "steps": "Steps",
    "authorities": "Authorities and bodies",
    "visits_modelled": "Visits (as modelled)",
    "visits_minimum": "Visits (minimum)",
    "visits_redundant": "Visits that could be merged",
    "visits_avoidable": "Visits with a non-physical alternative",
    "heuristic": "heuristic",
    "channel_handovers": "Channel handovers",
    "media_breaks": "Media breaks",
    "authority_handovers": "Citizen as courier",
    "crossing_levels": "of which cross levels",
    "once_only": "Once-only violations",
    "duration": "Duration in days",
    "deadlines": "Deadlines at risk",
    "digital_share": "Digital share",
    "online_share": "Available online",
    "plan": "Visit plan (fewest trips)",
    "visit": "Visit",
    "day": "day",
    "carries": "citizen carries",
    "requires_from": "requires",
    "issued_by": "issued by",
    "deadline_day": "deadline: day",
    "starts_day": "earliest day",
    "none": "none",
    "findings": "Findings",
    "opportunities": "Opportunities",
    "schedule": "Schedule",
}
