"""Offices at the place of the event (``@event``): a birth, a death or a marriage is
registered by the Standesamt of the place where it happens (PStG §§ 11, 18, 28)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from lifeevents.errors import InputError
from lifeevents.formats.journey_file import load, loads
from lifeevents.formats.region_file import builtin_regions, loads_region
from lifeevents.graph.journey import Journey, journey
from lifeevents.model.region import Region

REGION = """\
format: lifeevents-region/1
region: {id: kreis-x, name: Kreis X, default_municipality: a}
municipalities:
  a: {name: Astadt, kind: stadt}
  b: {name: Bdorf, kind: gemeinde}
  c: {name: Cstadt, kind: stadt}
offices:
  standesamt: {name: Standesamt, level: gemeinde, scope: municipality}
  buergerbuero: {name: Bürgerbüro, level: gemeinde, scope: municipality}
event_places:
  geburt:
    places: {b: c}
    verified: false
"""

JOURNEY = """\
format: lifeevents/1
life_event: {id: geburt, name: Geburt}
region: kreis-x
evidence:
  urkunde: {name: Geburtsurkunde, issued_by: standesamt@event}
steps:
  - {id: beurkunden, name: Geburt beurkunden, authority: standesamt@event,
     channels: [in_person], produces: [urkunde]}
  - {id: melden, name: Kind anmelden, authority: buergerbuero, channels: [in_person],
     requires: [urkunde]}
"""


@pytest.fixture
def region_x() -> Region:
    return loads_region(REGION, "kreis-x.yaml")


def offices(trip: Journey) -> dict[str, str]:
    return {node: trip.authority(node).id for node in trip.graph}


def test_without_a_place_the_event_happens_at_home(region_x: Region) -> None:
    life_event = loads(JOURNEY, regions={"kreis-x": region_x})
    trip = journey(life_event, municipality="a", region=region_x)
    assert trip.event_place == "a"
    assert offices(trip) == {"beurkunden": "standesamt@a", "melden": "buergerbuero@a"}


def test_the_region_names_the_usual_place(region_x: Region) -> None:
    life_event = loads(JOURNEY, regions={"kreis-x": region_x})
    trip = journey(life_event, municipality="b", region=region_x)
    assert trip.event_place == "c"
    assert offices(trip) == {"beurkunden": "standesamt@c", "melden": "buergerbuero@b"}
    issuer = trip.graph.graph["evidence"]["urkunde"].issuer
    assert issuer is not None
    assert issuer.id == "standesamt@c"


def test_a_given_place_wins(region_x: Region) -> None:
    life_event = loads(JOURNEY, regions={"kreis-x": region_x})
    trip = journey(life_event, municipality="b", region=region_x, event_place="a")
    assert offices(trip)["beurkunden"] == "standesamt@a"


def test_an_unknown_place_is_refused(region_x: Region) -> None:
    life_event = loads(JOURNEY, regions={"kreis-x": region_x})
    with pytest.raises(ValueError, match="no municipality 'x'"):
        journey(life_event, municipality="b", region=region_x, event_place="x")


def test_region_event_places_must_name_municipalities() -> None:
    broken = REGION.replace("places: {b: c}", "places: {b: zz, yy: c}")
    with pytest.raises(InputError) as raised:
        loads_region(broken, "kreis-x.yaml")
    messages = [str(problem) for problem in raised.value.problems]
    assert any("unknown municipality 'zz'" in message for message in messages)
    assert any("unknown municipality 'yy'" in message for message in messages)
    assert all(message.startswith("kreis-x.yaml:") for message in messages)


def test_event_on_a_file_local_authority_is_located() -> None:
    text = """\
format: lifeevents/1
life_event: {id: x, name: X}
authorities:
  amt: {name: Amt, level: gemeinde}
steps:
  - {id: s, name: S, authority: amt@event, channels: [online]}
"""
    with pytest.raises(InputError, match="'@event' picks the office of the municipality where"):
        loads(text, "x.yaml")


def test_an_unknown_suffix_is_a_syntax_error() -> None:
    text = """\
format: lifeevents/1
life_event: {id: x, name: X}
region: kreis-steinfurt
steps:
  - {id: s, name: S, authority: standesamt@elsewhere, channels: [online]}
"""
    with pytest.raises(InputError, match="optionally followed by '@origin' or '@event'"):
        loads(text, "x.yaml")


def test_birth_in_another_town_moves_the_registry_office_only() -> None:
    steinfurt = builtin_regions()["kreis-steinfurt"]
    geburt = load("geburt")
    at_home = journey(geburt, "default", municipality="saerbeck", region=steinfurt)
    in_rheine = journey(
        geburt, "default", municipality="saerbeck", region=steinfurt, event_place="rheine"
    )
    assert at_home.authority("geburt-beurkunden").id == "standesamt@saerbeck"
    assert in_rheine.authority("geburt-beurkunden").id == "standesamt@rheine"
    # Registering the child stays with the home municipality.
    assert in_rheine.authority("melderegister-eintragen").id == "buergerbuero@saerbeck"


def test_event_place_through_the_command_line() -> None:
    completed = subprocess.run(
        [
            sys.executable,
            "-m",
            "lifeevents",
            "analyze",
            "todesfall",
            "--municipality",
            "laer",
            "--event-place",
            "steinfurt",
            "--format",
            "json",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    assert (report["municipality"], report["event_place"]) == ("laer", "steinfurt")
    sites = {entry["step"]: entry["site"] for entry in report["schedule"]}
    assert sites["sterbefall-anzeigen"].endswith("@steinfurt")
