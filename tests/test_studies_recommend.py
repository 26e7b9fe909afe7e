"""Annual cases, yearly impact recomputed by hand, and recommend against brute force."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from lifeevents.analysis.report import analyze
from lifeevents.errors import InputError
from lifeevents.formats.journey_file import load, loads
from lifeevents.formats.scenario_file import load_scenario
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.scenario import Scenario, ScenarioCost
from lifeevents.scenarios import apply_scenarios
from lifeevents.studies.cases import AnnualCases, read_cases_text
from lifeevents.studies.impact import YearlyImpact
from lifeevents.studies.selection import Objective, recommend, scenario_cost
from profiles import examples

# --- annual cases -----------------------------------------------------------------


def test_cases_from_csv_and_yaml_agree() -> None:
    csv_rows = read_cases_text(
        "life_event,municipality,persona,cases,source\n"
        "geburt,rheine,,760,IT.NRW 2023\n"
        "geburt,rheine,alleinerziehend,90.5,\n",
        "c.csv",
    )
    yaml_rows = read_cases_text(
        "cases:\n"
        "  - {life_event: geburt, municipality: rheine, cases: 760, source: IT.NRW 2023}\n"
        "  - {life_event: geburt, municipality: rheine, persona: alleinerziehend, cases: 90.5}\n",
        "c.yaml",
    )
    simple = [(r.life_event, r.municipality, r.persona, r.cases) for r in csv_rows]
    assert simple == [
        ("geburt", "rheine", "default", 760.0),
        ("geburt", "rheine", "alleinerziehend", 90.5),
    ]
    assert [(r.life_event, r.municipality, r.persona, r.cases) for r in yaml_rows] == simple
    assert [(r.file, r.line) for r in yaml_rows] == [("c.yaml", 2), ("c.yaml", 3)]


@pytest.mark.parametrize(
    ("text", "filename", "expected"),
    [
        ("a,b\n", "c.csv", "c.csv:1:1: missing column(s) life_event, municipality, cases"),
        ("", "c.csv", "c.csv:1:1: empty file: a header line is needed"),
        ("life_event,municipality,cases\n", "c.csv", "c.csv:1:1: no cases in the file"),
        (
            "life_event,municipality,cases\ngeburt,rheine,viele\n",
            "c.csv",
            "c.csv:2:15: cases must be a number of at least 0, not 'viele'",
        ),
        (
            "life_event,municipality,cases\ngeburt,,1\n",
            "c.csv",
            "c.csv:2:1: municipality is empty",
        ),
        (
            "life_event,municipality,cases,anzahl\ngeburt,rheine,1,2\n",
            "c.csv",
            "c.csv:2:1: unknown column 'anzahl'",
        ),
        (
            "life_event,municipality,cases\ngeburt,rheine,1\ngeburt,rheine,2\n",
            "c.csv",
            "c.csv:3:1: geburt, rheine, default is given twice (first on line 2)",
        ),
        ("cases: 5\n", "c.yaml", "c.yaml:1:8: a cases file in YAML has a list 'cases:'"),
        (
            "cases:\n  - {life_event: geburt, municipality: rheine, cases: nan}\n",
            "c.yaml",
            "c.yaml:2:55: cases must be a number of at least 0, not 'nan'",
        ),
    ],
)
def test_bad_cases_are_located(text: str, filename: str, expected: str) -> None:
    with pytest.raises(InputError) as caught:
        read_cases_text(text, filename)
    assert str(caught.value.problems[0]).startswith(expected)


def test_cases_must_name_known_journeys_places_and_personas() -> None:
    rows = read_cases_text(
        "life_event,municipality,persona,cases\n"
        "geburt,rhein,,1\ngeburt,rheine,niemand,1\nhochzeit,rheine,,1\n",
        "c.csv",
    )
    with pytest.raises(InputError) as caught:
        YearlyImpact(rows, {"geburt": load("geburt")})
    assert [str(p).split(": ", 1) for p in caught.value.problems] == [
        ["c.csv:2:1", "region 'kreis-steinfurt' has no municipality 'rhein'"],
        [
            "c.csv:3:1",
            "no persona 'niemand' in 'geburt'; personas: default, verheiratet-digital, "
            "unverheiratet-schalter, geringes-einkommen, alleinerziehend",
        ],
        ["c.csv:4:1", "unknown life event 'hochzeit'; known: geburt"],
    ]


# --- yearly impact by hand ----------------------------------------------------------


def test_one_row_recomputed_by_hand() -> None:
    # todesfall, persona default, in Saerbeck, 100 cases a year, 30 minutes of travel
    # per visit. The applicable steps and their duration_minutes (journeys/todesfall.yaml):
    # leichenschau 60, bestatter-beauftragen 120, sterbefall-anzeigen 30,
    # sterbeurkunden-ausstellen 10, melderegister-sterbefall none, grabstelle-erwerben 45,
    # bestattung 180, bestatter-rechnung none, bank-informieren 45,
    # rundfunkbeitrag-abmelden 15, krankenkasse-informieren 20: 525 minutes, 2 without.
    # Visits as modelled (in person): bestatter-beauftragen, grabstelle-erwerben,
    # bestattung, bank-informieren = 4, none at the Kreis.
    # Hours per case: (525 + 4 × 30) / 60 = 10.75; a year: 1,075.
    cases = read_cases_text("life_event,municipality,cases\ntodesfall,saerbeck,100\n")
    impact = YearlyImpact(cases, {"todesfall": load("todesfall")}, travel_minutes=30)
    today = impact.totals()
    assert today.cases == 100
    assert today.visits == 400
    assert today.kreis_visits == 0
    assert today.hours == pytest.approx(1075)
    assert today.steps_without_minutes == 200
    report = analyze(journey(load("todesfall"), "default", municipality="saerbeck"))
    assert today.once_only_violations == 100 * len(report.once_only_violations)
    assert today.authority_handovers == 100 * len(report.authority_handovers)
    assert today.media_breaks == 100 * len(report.media_breaks)


KREIS_VISIT = """\
format: lifeevents/1
life_event: {id: kfz, name: Kfz}
authorities:
  amt: {name: Bürgerbüro, level: gemeinde, site: rathaus}
  kreis: {name: Zulassungsstelle, level: kreis, site: kreishaus}
steps:
  - {id: anmelden, name: Anmelden, authority: amt, channels: [in_person], duration_minutes: 20}
  - {id: zulassen, name: Zulassen, authority: kreis, channels: [in_person, online],
     duration_minutes: 30, after: [anmelden]}
"""


def test_kreis_visits_and_a_scenario_by_hand() -> None:
    # Two visits, one of them at the Kreis; 12 cases a year, 15 minutes of travel:
    # hours (20 + 30 + 2 × 15) / 60 × 12 = 16. Online registration drops the Kreis
    # visit: 1 visit, (50 + 15) / 60 × 12 = 13 hours.
    life_event = loads(KREIS_VISIT)
    cases = (AnnualCases("kfz", "x", "default", 12.0),)
    impact = YearlyImpact(cases, {"kfz": life_event}, travel_minutes=15, regions={})
    today = impact.totals()
    assert (today.visits, today.kreis_visits) == (24, 12)
    assert today.hours == pytest.approx(16)
    online = Scenario.model_validate(
        {
            "format": "lifeevents-scenario/1",
            "id": "online",
            "name": "Online",
            "changes": [{"step": "zulassen", "channels": ["online", "in_person"]}],
        }
    )
    after = impact.totals([online])
    assert (after.visits, after.kreis_visits) == (12, 0)
    assert after.hours == pytest.approx(13)


# --- recommend against brute force -------------------------------------------------

CASES = (
    AnnualCases("umzug-innerhalb-kreis", "saerbeck", "default", 100.0),
    AnnualCases("umzug-innerhalb-kreis", "rheine", "schalter-mit-auto-und-hund", 50.0),
    AnnualCases("todesfall", "greven", "default", 30.0),
)
NAMES = ("ewa", "kfz-online", "kfz-im-buergerbuero", "urkunden-direkt")
TRAVEL = 20.0


@cache
def _life_events() -> dict[str, LifeEvent]:
    return {name: load(name) for name in ("umzug-innerhalb-kreis", "todesfall")}


def _brute_force(subset: tuple[str, ...], objective: str) -> float:
    """The yearly figure with ``subset`` applied, computed the plain way."""
    visits, hours = _yearly(subset)
    return visits if objective == "visits" else hours


@cache
def _yearly(subset: tuple[str, ...]) -> tuple[float, float]:
    visits = hours = 0.0
    for row in CASES:
        scenarios = [load_scenario(name) for name in subset]
        changed = apply_scenarios(_life_events()[row.life_event], scenarios).life_event
        report = analyze(journey(changed, row.persona, municipality=row.municipality))
        minutes = sum(step.duration_minutes or 0 for step in report.journey.steps)
        visits += row.cases * report.visits.as_modelled
        hours += row.cases * (minutes + TRAVEL * report.visits.as_modelled) / 60
    return visits, hours


def _with_cost(name: str, euros: int) -> Scenario:
    return load_scenario(name).model_copy(update={"cost": ScenarioCost(one_off_eur=euros)})


@cache
def _impact() -> YearlyImpact:
    return YearlyImpact(CASES, _life_events(), travel_minutes=TRAVEL)


@settings(max_examples=examples(25))
@given(
    st.lists(st.integers(0, 10), min_size=len(NAMES), max_size=len(NAMES)),
    st.integers(0, 30),
    st.sampled_from(["visits", "hours"]),
)
def test_recommend_matches_brute_force(costs: list[int], budget: int, objective: Objective) -> None:
    scenarios = [_with_cost(name, cost * 1000) for name, cost in zip(NAMES, costs, strict=True)]
    result = recommend(_impact(), scenarios, budget=budget * 1000, objective=objective)
    today = _brute_force((), objective)
    best = max(
        today - _brute_force(subset, objective)
        for size in range(len(NAMES) + 1)
        for subset in itertools.combinations(NAMES, size)
        if sum(costs[NAMES.index(name)] for name in subset) <= budget
    )
    assert result.exact
    assert result.saving == pytest.approx(max(best, 0.0))
    chosen = tuple(name for name in NAMES if name in {c.scenario for c in result.chosen})
    assert today - _brute_force(chosen, objective) == pytest.approx(result.saving)
    assert result.cost <= budget * 1000
    # Greedy (forced) never beats the exact set, and its bound holds.
    greedy = recommend(
        _impact(),
        scenarios,
        budget=budget * 1000,
        objective=objective,
        exact_limit=0,
    )
    assert greedy.exact == (not result.candidates)  # no candidate: nothing to search
    assert greedy.cost <= budget * 1000
    assert greedy.saving <= result.saving + 1e-9
    assert result.saving <= greedy.upper_bound + 1e-9
    assert greedy.gap == pytest.approx(greedy.upper_bound - greedy.saving)


def test_marginal_gains_by_drop_one() -> None:
    scenarios = [_with_cost(name, 1000) for name in NAMES]
    result = recommend(_impact(), scenarios, budget=10_000)
    chosen = [c.scenario for c in result.chosen]
    assert chosen  # something saves visits
    for choice in result.chosen:
        rest = tuple(n for n in NAMES if n in chosen and n != choice.scenario)
        expected = _brute_force(rest, "visits") - _brute_force(
            tuple(n for n in NAMES if n in chosen), "visits"
        )
        assert choice.marginal == pytest.approx(expected)
    assert [c.marginal for c in result.chosen] == sorted(
        (c.marginal for c in result.chosen), reverse=True
    )


def test_left_out_without_cost_or_over_budget() -> None:
    scenarios = [
        load_scenario("ewa"),
        _with_cost("kfz-online", 9000),
        _with_cost("urkunden-direkt", 1),
    ]
    result = recommend(_impact(), scenarios, budget=5000)
    assert (result.without_cost, result.over_budget, result.candidates) == (
        ("ewa",),
        ("kfz-online",),
        ("urkunden-direkt",),
    )


def test_cost_over_years() -> None:
    costly = load_scenario("ewa").model_copy(
        update={"cost": ScenarioCost(one_off_eur=1000, yearly_eur=250)}
    )
    assert scenario_cost(costly) == 1250
    assert scenario_cost(costly, years=4) == 2000
    assert scenario_cost(load_scenario("ewa")) is None


# --- command line ---------------------------------------------------------------------


def _run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lifeevents", *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def _scenario_file(folder: Path, name: str, euros: int) -> str:
    source = load_scenario(name)
    path = folder / f"{name}.yaml"
    text = Path(str(source._source.filename)).read_text(encoding="utf-8")  # type: ignore[union-attr]
    path.write_text(text + f"cost:\n  one_off_eur: {euros}\n", encoding="utf-8")
    return path.name


def test_cli_recommend(tmp_path: Path) -> None:
    (tmp_path / "cases.csv").write_text(
        "life_event,municipality,persona,cases\n"
        "umzug-innerhalb-kreis,saerbeck,,100\n"
        "umzug-innerhalb-kreis,rheine,schalter-mit-auto-und-hund,50\n",
        encoding="utf-8",
    )
    files = [_scenario_file(tmp_path, "ewa", 20000), _scenario_file(tmp_path, "kfz-online", 5000)]
    done = _run(
        "recommend",
        "--budget",
        "30000",
        "--cases",
        "cases.csv",
        "--scenario",
        *files,
        "--format",
        "json",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["exact"] is True
    assert data["cost_eur"] <= 30000
    saving = data["today"]["visits"] - data["with_chosen"]["visits"]
    assert data["saving_per_year"] == saving
    text = _run(
        "recommend",
        "--budget",
        "30000",
        "--cases",
        "cases.csv",
        "--scenario",
        *files,
        "--lang",
        "en",
        cwd=tmp_path,
    )
    assert text.returncode == 0, text.stderr
    assert text.stdout.startswith("Recommendation within the budget: Budget 30,000 EUR")
    assert "Marginal gain" in text.stdout


def test_cli_recommend_errors(tmp_path: Path) -> None:
    (tmp_path / "cases.csv").write_text(
        "life_event,municipality,cases\ngeburt,rheine,zehn\n", encoding="utf-8"
    )
    no_cost = _run("recommend", "--budget", "1000", "--cases", "cases.csv", cwd=tmp_path)
    assert no_cost.returncode == 2
    assert "none of the scenarios gives a cost" in no_cost.stderr
    file = _scenario_file(tmp_path, "ewa", 10)
    bad = _run(
        "recommend", "--budget", "1000", "--cases", "cases.csv", "--scenario", file, cwd=tmp_path
    )
    assert (bad.returncode, bad.stderr) == (
        1,
        "cases.csv:2:15: cases must be a number of at least 0, not 'zehn'\n",
    )
