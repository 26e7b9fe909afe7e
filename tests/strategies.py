"""Hypothesis strategies for valid journey models (consistent references, acyclic)."""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from lifeevents.model.life_event import LifeEvent
from lifeevents.model.vocabulary import Channel, Level, Transfer

CHANNELS = list(Channel)
LEVELS = list(Level)
ATTRIBUTES = ("married", "car", "income")

# Texts a journey file may hold: no lone surrogates (Cs) and no unassigned code points or
# noncharacters such as U+FFFE (Cn), which validation rejects because no map can show them.
texts = st.text(st.characters(exclude_categories=["Cs", "Cn"]), min_size=1, max_size=12)
idents = st.text(
    st.sampled_from("abcdefghijklmnopqrstuvwxyzäöüß0123456789-_.@"), min_size=1, max_size=8
).filter(lambda text: "@" not in text)
slugs = st.from_regex(r"[a-z0-9][a-z0-9-]{0,10}", fullmatch=True)
attribute_values = st.one_of(
    st.booleans(), st.integers(-5, 5), st.sampled_from(["ja", "nein", "yes", "1e3"])
)


@st.composite
def journey_data(draw: st.DrawFn, max_steps: int = 8) -> dict[str, Any]:
    """Plain data of a valid journey file."""
    authority_ids = draw(st.lists(idents, min_size=1, max_size=4, unique=True))
    sites = draw(st.lists(idents, min_size=1, max_size=3, unique=True))
    authorities: dict[str, Any] = {}
    for authority_id in authority_ids:
        authority: dict[str, Any] = {
            "name": draw(texts),
            "level": draw(st.sampled_from(LEVELS)).value,
        }
        if draw(st.booleans()):
            authority["site"] = draw(st.sampled_from(sites))
        authorities[authority_id] = authority

    evidence_ids = draw(st.lists(idents, max_size=4, unique=True))
    evidence: dict[str, Any] = {}
    for evidence_id in evidence_ids:
        item: dict[str, Any] = {"name": draw(texts)}
        if draw(st.booleans()):
            item["issued_by"] = draw(st.sampled_from(authority_ids))
        if draw(st.booleans()):
            item["identity"] = draw(st.booleans())
        if draw(st.booleans()):
            item["transfer"] = draw(st.sampled_from(list(Transfer))).value
        evidence[evidence_id] = item

    personas: dict[str, Any] = {}
    for persona_id in draw(st.lists(idents, max_size=3, unique=True)):
        persona: dict[str, Any] = {}
        keys = draw(st.lists(st.sampled_from(ATTRIBUTES), unique=True))
        if keys:
            persona["attributes"] = {key: draw(attribute_values) for key in keys}
        prefer = draw(st.lists(st.sampled_from(CHANNELS), unique=True, max_size=4))
        if prefer:
            persona["prefer"] = [channel.value for channel in prefer]
        personas[persona_id] = persona

    step_ids = draw(st.lists(idents, min_size=1, max_size=max_steps, unique=True))
    # Each evidence has at most one producer, earlier than every step that requires it.
    producer = {
        evidence_id: draw(st.one_of(st.none(), st.integers(0, len(step_ids) - 1)))
        for evidence_id in evidence_ids
    }

    def site_of(authority_id: str) -> str:
        return str(authorities[authority_id].get("site", authority_id))

    visit_site: dict[str, str] = {}
    steps = []
    for index, step_id in enumerate(step_ids):
        authority_id = draw(st.sampled_from(authority_ids))
        channels = draw(st.lists(st.sampled_from(CHANNELS), min_size=1, max_size=3, unique=True))
        step: dict[str, Any] = {
            "id": step_id,
            "name": draw(texts),
            "authority": authority_id,
            "channels": [channel.value for channel in channels],
        }
        earlier = step_ids[:index]
        if bool(earlier) and draw(st.booleans()):
            step["after"] = draw(st.lists(st.sampled_from(earlier), unique=True, max_size=3))
        produced = [e for e, p in producer.items() if p == index]
        if produced:
            step["produces"] = produced
        requirable = [e for e, p in producer.items() if p is None or p < index]
        if bool(requirable) and draw(st.booleans()):
            step["requires"] = draw(st.lists(st.sampled_from(requirable), unique=True, max_size=3))
        if draw(st.booleans()):
            step["lead_time_days"] = draw(st.integers(0, 5))
        if draw(st.booleans()):
            step["deadline_days"] = draw(st.integers(0, 10))
        if draw(st.booleans()):
            step["when"] = {
                key: draw(attribute_values)
                for key in draw(st.lists(st.sampled_from(ATTRIBUTES), unique=True, max_size=2))
            }
        if draw(st.booleans()):
            visit = draw(st.sampled_from(["v1", "v2"]))
            site = site_of(authority_id)
            if visit_site.setdefault(visit, site) == site:
                step["visit"] = visit
        optional: dict[str, Any] = {
            "name_en": texts,
            "legal_basis": texts,
            "leika": st.from_regex(r"[0-9]{14}", fullmatch=True),
            "duration_minutes": st.integers(0, 600),
            "fee_eur": st.floats(0, 1e6, allow_nan=False, allow_infinity=False),
            "emotion": st.integers(-2, 2),
            "pain_points": st.lists(texts, max_size=2, unique=True),
            "notes": texts,
            "sources": st.lists(texts, max_size=2),
            "verified": st.booleans(),
        }
        for key in draw(st.lists(st.sampled_from(sorted(optional)), unique=True, max_size=4)):
            step[key] = draw(optional[key])
        steps.append(step)

    # A step that requires evidence produced by a later-indexed step would be fine too,
    # but producers are drawn first, so every requirement points backwards: no cycles.
    data: dict[str, Any] = {
        "format": "lifeevents/1",
        "life_event": {"id": draw(slugs), "name": draw(texts)},
        "authorities": authorities,
        "steps": steps,
    }
    if evidence:
        data["evidence"] = evidence
    if personas:
        data["personas"] = personas
    return data


@st.composite
def life_events(draw: st.DrawFn, max_steps: int = 8) -> LifeEvent:
    """Valid journey models."""
    return LifeEvent.model_validate(draw(journey_data(max_steps)))
