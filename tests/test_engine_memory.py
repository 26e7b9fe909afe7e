"""The engine keeps what it works out for each life event (graph/invariants.py), but a
process that analyses one changed journey after another (a study, a notebook) must
not keep every journey it ever analysed."""

from __future__ import annotations

import gc
import weakref

from lifeevents.analysis.report import analyze
from lifeevents.formats.journey_file import load
from lifeevents.formats.region_file import builtin_regions
from lifeevents.graph.invariants import MAX_LIFE_EVENTS, places_part
from lifeevents.graph.journey import journey


def test_journeys_analysed_once_are_not_kept_forever() -> None:
    geburt = load("geburt")
    region = builtin_regions()["kreis-steinfurt"]
    analysed = []
    for _ in range(MAX_LIFE_EVENTS + 20):
        copy = geburt.model_copy(deep=True)  # equal, but a model of its own
        analyze(journey(copy, "default", municipality="rheine", region=region))
        analysed.append(weakref.ref(copy))
        del copy
    gc.collect()
    # What is kept for places refers to its life event: only the last ones stay.
    assert 0 < sum(reference() is not None for reference in analysed) <= MAX_LIFE_EVENTS


def test_what_is_kept_for_a_journey_in_use_is_found_again() -> None:
    geburt = load("geburt")
    region = builtin_regions()["kreis-steinfurt"]
    places = places_part(geburt, region, "laer", "laer", "laer")
    for _ in range(MAX_LIFE_EVENTS - 1):
        places_part(geburt.model_copy(deep=True), region, "laer", "laer", "laer")
    assert places_part(geburt, region, "laer", "laer", "laer") is places
