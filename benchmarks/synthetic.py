"""Synthetic journeys of any size, deterministic for a given seed (for benchmarks)."""

from __future__ import annotations

import random
from typing import Any

from lifeevents.model.life_event import LifeEvent
from lifeevents.model.vocabulary import Channel, Level

__all__ = ["synthetic_life_event"]

_CHANNEL_MIXES = (
    [Channel.IN_PERSON],
    [Channel.IN_PERSON, Channel.ONLINE],
    [Channel.ONLINE, Channel.IN_PERSON],
    [Channel.MAIL, Channel.ONLINE],
    [Channel.ONLINE],
    [Channel.PHONE, Channel.EMAIL],
    [Channel.TERMINAL, Channel.IN_PERSON],
    [Channel.PROACTIVE],
)


def synthetic_life_event(steps: int, seed: int = 1) -> LifeEvent:
    """A valid journey with ``steps`` steps: about one authority per 10 steps, 20 sites,
    one evidence per 4 steps, dependencies to recent steps (so the graph stays layered)."""
    rng = random.Random(seed)
    levels = list(Level)
    sites = [f"site-{index}" for index in range(min(20, max(1, steps // 5)))]
    authorities = {
        f"amt-{index}": {
            "name": f"Amt {index}",
            "level": levels[index % len(levels)].value,
            "site": sites[index % len(sites)],
        }
        for index in range(max(1, steps // 10))
    }
    authority_ids = list(authorities)
    evidence: dict[str, Any] = {}
    step_data: list[dict[str, Any]] = []
    for index in range(steps):
        step: dict[str, Any] = {
            "id": f"s{index}",
            "name": f"Schritt {index}",
            "authority": rng.choice(authority_ids),
            "channels": [channel.value for channel in rng.choice(_CHANNEL_MIXES)],
            "lead_time_days": rng.choice((0, 0, 0, 1, 2, 5)),
        }
        if index:
            window = range(max(0, index - 30), index)
            step["after"] = sorted({f"s{rng.choice(window)}" for _ in range(rng.randint(0, 2))})
        if index % 4 == 0:
            evidence_id = f"e{index}"
            evidence[evidence_id] = {
                "name": f"Nachweis {index}",
                "issued_by": step["authority"],
                "transfer": rng.choice(("citizen", "citizen", "direct")),
            }
            step["produces"] = [evidence_id]
        produced = [key for key in evidence if int(key[1:]) < index]
        if produced and rng.random() < 0.5:
            step["requires"] = [rng.choice(produced[-10:])]
        if rng.random() < 0.1:
            step["when"] = {"car": True}
        if rng.random() < 0.05:
            step["deadline_days"] = rng.randint(0, 30)
        step_data.append(step)
    return LifeEvent.model_validate(
        {
            "format": "lifeevents/1",
            "life_event": {"id": f"synthetic-{steps}", "name": f"Synthetisch ({steps})"},
            "authorities": authorities,
            "evidence": evidence,
            "personas": {
                "car": {"attributes": {"car": True}, "prefer": ["online", "in_person"]},
            },
            "steps": step_data,
        }
    )
