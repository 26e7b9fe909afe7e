"""`lifeevents analyze` through a real subprocess: every built-in journey and the spec example,
every persona, JSON with the keys and meanings of the spec, readable text, located errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from lifeevents.formats.journey_file import load
from lifeevents.library.builtin import builtin_journeys

SPEC_EXAMPLE = Path(__file__).parent / "data" / "spec-example.yaml"
TOP_KEYS = {
    "life_event", "persona", "municipality", "steps", "authorities", "visits",
    "channel_handovers", "media_breaks", "authority_handovers", "once_only_violations",
    "duration_days", "deadlines_at_risk", "digital_share", "online_available_share", "schedule",
}  # fmt: skip


def analyze(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lifeevents", "analyze", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def check_report(report: dict[str, Any]) -> None:
    assert report.keys() >= TOP_KEYS
    visits = report["visits"]
    assert visits.keys() >= {"as_modelled", "minimum", "redundant", "avoidable", "plan"}
    assert visits["minimum_exact"] is True  # every built-in journey has at most 30 visit steps
    for visit in visits["plan"]:
        assert visit.keys() >= {"site", "day", "steps"}
    for item in report["channel_handovers"]["items"]:
        assert item.keys() >= {"from", "to", "from_channel", "to_channel"}
    for key in ("media_breaks", "authority_handovers"):
        assert report[key]["count"] == len(report[key]["items"])
        for item in report[key]["items"]:
            assert item.keys() >= {"from", "to", "evidence"}
    assert (
        report["authority_handovers"]["crossing_levels"] <= report["authority_handovers"]["count"]
    )
    for item in report["once_only_violations"]["items"]:
        assert item.keys() >= {"evidence", "step", "issued_by"}
    for entry in report["schedule"]:
        assert entry.keys() >= {
            "step", "authority", "authority_name", "level", "site", "channel", "day"
        }  # fmt: skip
    assert isinstance(report["digital_share"], float)
    assert isinstance(report["online_available_share"], float)
    assert report["steps"] == len(report["schedule"])


@pytest.mark.parametrize(
    "journey", [str(SPEC_EXAMPLE), *sorted(builtin_journeys())], ids=lambda name: Path(name).stem
)
def test_every_persona_as_json(journey: str) -> None:
    completed = analyze(journey, "--persona", "all", "--format", "json")
    assert completed.returncode == 0, completed.stderr
    reports = json.loads(completed.stdout)
    assert [report["persona"] for report in reports] == load(journey).persona_ids()
    for report in reports:
        check_report(report)


def test_text_report_names_steps_and_findings() -> None:
    completed = analyze(str(SPEC_EXAMPLE), "--persona", "digital")
    assert completed.returncode == 0
    text = completed.stdout
    assert "Besuche (Minimum)" in text
    assert "Standesamt → Elterngeldstelle: Bürger trägt Geburtsurkunde" in text
    english = analyze(str(SPEC_EXAMPLE), "--persona", "digital", "--lang", "en").stdout
    assert "Visits (minimum)" in english
    assert "citizen carries Geburtsurkunde" in english


def test_municipality_and_origin() -> None:
    completed = analyze(
        "umzug-innerhalb-kreis", "--persona", "schalter-mit-auto-und-hund",
        "--municipality", "saerbeck", "--origin", "ochtrup", "--format", "json",
    )  # fmt: skip
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    assert report["municipality"] == "saerbeck"
    authorities = {entry["authority"] for entry in report["schedule"]}
    assert "steueramt@ochtrup" in authorities  # the dog tax of the town left
    assert "buergerbuero@saerbeck" in authorities
    no_origin = analyze("umzug-innerhalb-kreis")
    assert "without --origin" in no_origin.stderr


def test_usage_errors_exit_2() -> None:
    assert analyze("geburt", "--municipality", "grevn").returncode == 2
    assert "did you mean 'greven'" in analyze("geburt", "--municipality", "grevn").stderr
    assert analyze("gebrut").returncode == 2
    assert analyze("geburt", "--persona", "niemand").returncode == 2
    assert analyze("geburt", "--format", "xml").returncode == 2


def test_invalid_file_exits_1_with_located_problems(tmp_path: Path) -> None:
    broken = tmp_path / "geburt.yaml"
    broken.write_text(SPEC_EXAMPLE.read_text().replace("level: kreis", "level: kries"), "utf-8")
    completed = analyze(str(broken))
    assert completed.returncode == 1
    assert f"{broken}:14:53: authority 'elterngeldstelle', level:" in completed.stderr
    assert "did you mean 'kreis'" in completed.stderr
    assert "Traceback" not in completed.stderr
