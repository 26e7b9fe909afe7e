"""Regions, the built-in Kreis Steinfurt, the built-in journeys, the LeiKa catalogue."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lifeevents.analysis.report import analyze
from lifeevents.analysis.validation import validate
from lifeevents.errors import InputError, UnknownMunicipalityError
from lifeevents.formats.journey_file import load
from lifeevents.formats.region_file import builtin_regions, check_region_text, load_region
from lifeevents.graph.journey import journey
from lifeevents.library.builtin import builtin_journeys, find_journey
from lifeevents.library.leika import leika, leika_catalog
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.region import Region
from lifeevents.model.vocabulary import Level

DATA = Path(__file__).parent / "data"
STEINFURT = "kreis-steinfurt"
MUNICIPALITIES_OF_STEINFURT = {
    "emsdetten", "greven", "hoerstel", "horstmar", "ibbenbueren", "lengerich", "ochtrup",
    "rheine", "steinfurt", "tecklenburg", "altenberge", "hopsten", "ladbergen", "laer",
    "lienen", "lotte", "metelen", "mettingen", "neuenkirchen", "nordwalde", "recke",
    "saerbeck", "westerkappeln", "wettringen",
}  # fmt: skip


@pytest.fixture(scope="module")
def steinfurt() -> Region:
    return builtin_regions()[STEINFURT]


def test_steinfurt_has_its_24_municipalities(steinfurt: Region) -> None:
    assert set(steinfurt.municipalities) == MUNICIPALITIES_OF_STEINFURT
    kinds = [municipality.kind for municipality in steinfurt.municipalities.values()]
    assert kinds.count("stadt") == 10
    assert kinds.count("gemeinde") == 14
    assert steinfurt.region.default_municipality in steinfurt.municipalities


def test_youth_welfare_office_differs_between_greven_and_saerbeck(steinfurt: Region) -> None:
    greven = steinfurt.resolve("jugendamt", "greven")
    saerbeck = steinfurt.resolve("jugendamt", "saerbeck")
    assert greven.id != saerbeck.id
    assert greven.level is Level.GEMEINDE  # Greven runs its own Jugendamt
    assert saerbeck.level is Level.KREIS  # Saerbeck is served by the Kreisjugendamt
    assert steinfurt.resolve("jugendamt", "nordwalde") == saerbeck


@pytest.mark.parametrize(
    "office", ["jugendamt", "elterngeldstelle"], ids=lambda office: f"delegation-{office}"
)
def test_every_delegation_resolves_to_the_town(steinfurt: Region, office: str) -> None:
    for municipality, delegation in steinfurt.offices[office].delegations.items():
        resolved = steinfurt.resolve(office, municipality)
        assert resolved.name == delegation.name
        assert resolved.id == f"{office}@{municipality}"


def test_municipal_offices_are_one_per_municipality(steinfurt: Region) -> None:
    resolved = {steinfurt.resolve("buergerbuero", name) for name in steinfurt.municipalities}
    assert len(resolved) == 24
    assert steinfurt.resolve("buergerbuero", "greven").name == "Bürgerbüro Greven"


def builtin_fact_parts() -> list[tuple[str, dict[str, Any]]]:
    """Every part of the built-in data that states a fact: (where, data)."""
    parts: list[tuple[str, dict[str, Any]]] = []
    for region in builtin_regions().values():
        data = region.model_dump()
        parts.append((f"{region.id}: region", data["region"]))
        for kind in ("municipalities", "sites", "offices"):
            for key, value in data[kind].items():
                parts.append((f"{region.id}: {kind} {key}", value))
                for name, delegation in value.get("delegations", {}).items():
                    parts.append((f"{region.id}: {kind} {key} delegation {name}", delegation))
    for name, path in builtin_journeys().items():
        life_event = load(path)
        for step in life_event.steps:
            parts.append((f"{name}: step {step.id}", step.model_dump()))
        for key, authority in life_event.authorities.items():
            parts.append((f"{name}: authority {key}", authority.model_dump()))
        for key, evidence in life_event.evidence.items():
            parts.append((f"{name}: evidence {key}", evidence.model_dump()))
    return parts


def test_every_builtin_fact_has_a_source_or_is_marked_unverified() -> None:
    missing = [
        where
        for where, part in builtin_fact_parts()
        if not part.get("sources") and part.get("verified") is not False
    ]
    assert missing == [], "add sources or verified: false to: " + ", ".join(missing)


def test_every_builtin_leika_key_is_in_the_catalogue() -> None:
    unknown = [
        f"{name}: {step.id} {step.leika}"
        for name, path in builtin_journeys().items()
        for step in load(path).steps
        if step.leika is not None and leika(step.leika) is None
    ]
    assert unknown == []


def test_builtin_journeys_exist() -> None:
    assert builtin_journeys(), "journeys/ holds no journey"


@pytest.mark.parametrize("name", sorted(builtin_journeys()))
def test_builtin_journey_validates_and_analyses_everywhere(name: str) -> None:
    result = validate(builtin_journeys()[name])
    assert result.ok, [str(problem) for problem in result.problems]
    life_event = result.model
    assert isinstance(life_event, LifeEvent)
    assert life_event.region == STEINFURT
    assert len(life_event.personas) >= 3
    region = builtin_regions()[STEINFURT]
    for municipality in region.municipalities:
        for persona in life_event.persona_ids():
            report = analyze(journey(life_event, persona, municipality=municipality))
            assert report.visits.minimum <= report.visits.as_modelled
            assert report.to_dict()["municipality"] == municipality


def test_find_journey_by_name_and_path() -> None:
    for name, path in builtin_journeys().items():
        assert find_journey(name) == path
    assert find_journey(str(DATA / "spec-example.yaml")) == DATA / "spec-example.yaml"
    with pytest.raises(FileNotFoundError, match="built-in"):
        find_journey("no-such-journey")


def test_user_region_file_resolves_offices() -> None:
    region = load_region(DATA / "kreis-borken.yaml")
    life_event = load(DATA / "borken-umzug.yaml", regions={region.id: region})
    trip = journey(life_event, region=region)
    assert trip.municipality == "bocholt"
    assert trip.authority("anmelden").name == "Bürgerbüro Bocholt"
    assert trip.authority("kfz").site == "zulassung-bocholt"
    report = analyze(trip)
    assert [h.evidence for h in report.authority_handovers] == [("meldebestaetigung",)]
    assert (
        journey(life_event, municipality="gescher", region=region).authority("kfz").site
        == "kreishaus-borken"
    )
    with pytest.raises(UnknownMunicipalityError, match="did you mean 'gescher'"):
        journey(life_event, municipality="gesher", region=region)


def test_journey_of_unknown_region_without_the_file_is_an_error() -> None:
    with pytest.raises(InputError, match="unknown authority 'buergerbuero'"):
        load(DATA / "borken-umzug.yaml")


def test_user_region_through_the_command_line() -> None:
    command = [sys.executable, "-m", "lifeevents", "analyze", str(DATA / "borken-umzug.yaml")]
    without = subprocess.run(command, capture_output=True, text=True, timeout=60)
    assert without.returncode == 1
    assert "borken-umzug.yaml:7:56: step 'anmelden': unknown authority" in without.stderr
    assert "borken-umzug.yaml:9:51: step 'kfz': unknown authority" in without.stderr
    with_region = subprocess.run(
        [*command, "--region-file", str(DATA / "kreis-borken.yaml"), "--municipality", "gescher"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert with_region.returncode == 0, with_region.stderr
    assert "Bürgerbüro Gescher" in with_region.stdout
    wrong = subprocess.run(
        [*command, "--region-file", str(DATA / "kreis-borken.yaml"), "--municipality", "x"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert wrong.returncode == 2
    assert "municipalities: bocholt, gescher" in wrong.stderr


def test_region_errors_are_located() -> None:
    text = (DATA / "kreis-borken.yaml").read_text(encoding="utf-8")
    broken = text.replace("default_municipality: bocholt", "default_municipality: bocolt")
    broken = broken.replace("scope: region", "scope: regoin")
    result = check_region_text(broken, "borken.yaml")
    messages = [str(problem) for problem in result.problems]
    assert any("borken.yaml:6:25: region: unknown municipality 'bocolt'" in m for m in messages)
    assert any("'regoin'" in m and "borken.yaml:13:" in m for m in messages), messages


def test_catalogue_lookup() -> None:
    service = leika("99027006000000")
    assert service is not None
    assert service.lebenslage
    assert service.ozg_name
    assert leika("99999999999999") is None


def test_unknown_leika_key_is_a_warning_not_an_error(tmp_path: Path) -> None:
    text = (DATA / "spec-example.yaml").read_text(encoding="utf-8")
    path = tmp_path / "geburt.yaml"
    path.write_text(text.replace('"99027006000000"', '"99999999999999"'), encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "lifeevents", "validate", str(path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert f"{path}:36:12: warning: step 'geburtsanzeige': LeiKa key 99999999999999" in (
        completed.stderr
    )


def test_leika_lookup_of_one_record_equals_the_whole_catalogue() -> None:
    # leika() parses only the record asked for; it must agree with the full parse.
    catalogue = leika_catalog()
    assert len(catalogue) > 4_000
    assert all(leika(key) == service for key, service in catalogue.items())
    assert leika("9911500510400") is None  # a prefix of a key is no key
