"""The yearly impact per scenario: one row by hand, the table, ``lifeevents impact`` end to end."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd
import pytest

from lifeevents.formats.journey_file import load, loads
from lifeevents.formats.scenario_file import loads_scenario
from lifeevents.library.demo import DEMO_SCENARIO_YAML, DEMO_YAML
from lifeevents.studies.cases import read_cases_text
from lifeevents.studies.impact import YearlyImpact
from lifeevents.studies.impact_page import impact_html, municipality_savings
from lifeevents.studies.impact_table import impact_frame, impact_table

LIFEEVENTS = [sys.executable, "-m", "lifeevents"]

# Made-up yearly cases of the demo journey (lifeevents.library.demo) in two places.
CASES = (
    "life_event,municipality,persona,cases\n"
    "demo,musterstadt,default,30\n"
    "demo,musterstadt,mit-auto,10\n"
    "demo,anderstadt,mit-auto,5\n"
)
# The demo scenario (the car re-registered online) with a made-up cost.
KFZ = DEMO_SCENARIO_YAML + "cost: {one_off_eur: 1000, yearly_eur: 200, sources: [made up]}\n"
# The fee paid online; no cost given.
GEBUEHR = (
    "format: lifeevents-scenario/1\nid: gebuehr-online\nname: Gebühr online zahlen\n"
    "changes: [{step: gebuehr, channels: [online]}]\n"
)


def _impact() -> YearlyImpact:
    return YearlyImpact(read_cases_text(CASES), {"demo": loads(DEMO_YAML)}, travel_minutes=30)


def test_one_row_by_hand() -> None:
    # Per case, from the demo journey: "default" (no car) visits the Bürgerbüro and the
    # Stadtkasse (2 visits, none at the Kreis, no handover, no media break, no once-only
    # violation). "mit-auto" also visits the Straßenverkehrsamt in the Kreishaus (3 visits,
    # 1 at the Kreis) carrying the Meldebestätigung (1 handover, 1 once-only violation).
    # With the car online, "mit-auto" makes 2 visits, none at the Kreis, and the paper
    # Meldebestätigung now goes into an online step: 1 media break.
    # 45 cases: 30 default, 15 mit-auto. No step has a duration, so hours are travel only.
    [row] = impact_table(_impact(), [loads_scenario(KFZ)], years=2)
    today, after = row.today, row.after
    assert today.cases == 45
    assert today.visits == 30 * 2 + 15 * 3 == 105
    assert today.kreis_visits == 15
    assert today.hours == 105 * 30 / 60 == 52.5
    assert (today.authority_handovers, today.media_breaks, today.once_only_violations) == (
        15,
        0,
        15,
    )
    assert after.visits == 30 * 2 + 15 * 2 == 90
    assert after.kreis_visits == 0
    assert after.hours == 90 * 30 / 60 == 45
    assert (after.authority_handovers, after.media_breaks, after.once_only_violations) == (
        15,
        15,
        15,
    )
    assert row.saving == 15
    assert row.hours_saved == 7.5
    assert row.cost == 1000 + 2 * 200
    assert row.cost_per_visit_saved == pytest.approx(1400 / (2 * 15))


def test_each_alone_then_all_together() -> None:
    rows = impact_table(_impact(), [loads_scenario(KFZ), loads_scenario(GEBUEHR)])
    assert [row.scenario for row in rows] == [
        "kfz-online",
        "gebuehr-online",
        "kfz-online+gebuehr-online",
    ]
    assert [row.together for row in rows] == [False, False, True]
    # The fee online saves the Stadtkasse visit of all 45 cases; together with the car
    # online, default makes 1 visit and mit-auto 1: 45, a saving of 60 (15 + 45).
    assert [row.saving for row in rows] == [15, 45, 60]
    # A cost only where every scenario gives one; never made up.
    assert [row.cost for row in rows] == [1200, None, None]
    assert [row.cost_per_visit_saved for row in rows] == [80, None, None]
    frame = impact_frame(rows)
    assert frame["scenario"].tolist() == [row.scenario for row in rows]
    assert frame["cost_eur"].isna().tolist() == [False, True, True]
    assert frame.loc[2, "visits.with"] == 45


def test_table_errors() -> None:
    kfz = loads_scenario(KFZ)
    with pytest.raises(ValueError, match="at least one scenario"):
        impact_table(_impact(), [])
    with pytest.raises(ValueError, match="'kfz-online' is given twice"):
        impact_table(_impact(), [kfz, kfz])
    with pytest.raises(ValueError, match="years must be at least 1"):
        impact_table(_impact(), [kfz], years=0)


def test_by_municipality_adds_up_to_the_totals() -> None:
    impact = _impact()
    kfz = loads_scenario(KFZ)
    places = impact.by_municipality([kfz])
    assert list(places) == ["musterstadt", "anderstadt"]
    assert places["musterstadt"].visits == 30 * 2 + 10 * 2
    assert places["anderstadt"].visits == 5 * 2
    total = places["musterstadt"] + places["anderstadt"]
    assert total == impact.totals([kfz])
    savings = municipality_savings(impact, [kfz], impact_table(impact, [kfz]))
    assert savings["kfz-online"].to_dict() == {"musterstadt": 10.0, "anderstadt": 5.0}


class _Page(HTMLParser):
    """What a reader sees of the page: the table's cells by row, headings, SVG roots."""

    def __init__(self) -> None:
        super().__init__()
        self.rows: list[list[str]] = []
        self.headings: list[str] = []
        self.svgs = 0
        self.scripts = 0
        self.links: list[str] = []
        self._cell: list[str] | None = None
        self._heading = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = []
        elif tag in ("h1", "h2"):
            self._heading = True
            self.headings.append("")
        elif tag == "svg":
            self.svgs += 1
        elif tag == "script":
            self.scripts += 1
        self.links += [v for k, v in attrs if k in ("src", "href") and v and "://" in v]

    def handle_endtag(self, tag: str) -> None:
        if tag in ("td", "th") and self._cell is not None and self.rows:
            self.rows[-1].append("".join(self._cell).strip())
            self._cell = None
        elif tag in ("h1", "h2"):
            self._heading = False

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)
        if self._heading:
            self.headings[-1] += data


def _parse(page: str) -> _Page:
    parser = _Page()
    parser.feed(page)
    return parser


def test_page_table_and_pictures() -> None:
    page = impact_html(
        _impact(), [loads_scenario(KFZ), loads_scenario(GEBUEHR)], years=2, source="c.csv"
    )
    parsed = _parse(page)
    assert parsed.headings == ["Wirkung pro Jahr je Szenario", "Tabelle", "Bilder"]
    body = parsed.rows[2:]
    assert [row[0] for row in body] == [
        "Fahrzeug online ummelden",
        "Gebühr online zahlen",
        "Alle zusammen",
    ]
    # cases; visits today/with; ... ; saving, hours saved, cost, EUR per visit saved
    assert body[0][1:4] == ["45", "105", "90"]
    assert body[0][-4:] == ["15", "7,5", "1.400", "46,7"]
    assert body[1][-2:] == ["", ""]
    # bars and, with two municipalities, the heat map; nothing loaded from elsewhere
    assert parsed.svgs == 2
    assert parsed.scripts == 0
    assert all(link.startswith("http://www.w3.org/") for link in parsed.links)
    for svg in page.split("<svg")[1:]:
        element = "<svg" + svg.split("</svg>")[0] + "</svg>"
        ElementTree.fromstring(element)  # each inline picture is well-formed SVG
    ids = [part.split('"')[0] for part in page.split(' id="')[1:]]
    assert len(ids) == len(set(ids)), "two pictures share an id"


def test_page_without_several_municipalities_has_no_heat_map() -> None:
    cases = read_cases_text("life_event,municipality,persona,cases\ndemo,x,mit-auto,3\n")
    impact = YearlyImpact(cases, {"demo": loads(DEMO_YAML)})
    page = impact_html(impact, [loads_scenario(KFZ)], lang="en")
    parsed = _parse(page)
    assert parsed.svgs == 1
    assert parsed.headings == ["Yearly impact per scenario", "Table", "Pictures"]


def test_page_names_municipalities_and_escapes_names() -> None:
    cases = read_cases_text(
        "life_event,municipality,cases\ntodesfall,saerbeck,100\ntodesfall,hoerstel,50\n"
    )
    impact = YearlyImpact(cases, {"todesfall": load("todesfall")})
    hostile = loads_scenario(
        'format: lifeevents-scenario/1\nid: x\nname: "<b>fett</b> & $x$"\n'
        "changes: [{evidence: sterbeurkunde, transfer: direct}]\n"
    )
    page = impact_html(impact, [hostile])
    assert "<b>fett" not in page
    assert "&lt;b&gt;fett&lt;/b&gt; &amp; $x$" in page
    assert "Hörstel" in page
    assert "Saerbeck" in page


# --- the command line -------------------------------------------------------------


def _files(folder: Path) -> None:
    (folder / "demo.yaml").write_text(DEMO_YAML, encoding="utf-8")
    (folder / "kfz.yaml").write_text(KFZ, encoding="utf-8")
    (folder / "gebuehr.yaml").write_text(GEBUEHR, encoding="utf-8")
    (folder / "cases.csv").write_text(CASES, encoding="utf-8")


def _run(*arguments: str, cwd: Path, seed: str = "0") -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LIFEEVENTS, *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
        env={**os.environ, "PYTHONHASHSEED": seed},
    )


_ARGUMENTS = (
    "impact",
    "--cases",
    "cases.csv",
    "--journey",
    "demo.yaml",
    "--scenario",
    "kfz.yaml",
    "gebuehr.yaml",
    "--years",
    "2",
    "--travel-minutes",
    "30",
)


def test_cli_csv_is_the_table(tmp_path: Path) -> None:
    _files(tmp_path)
    done = _run(*_ARGUMENTS, "-o", "impact.csv", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    frame = pd.read_csv(tmp_path / "impact.csv")
    assert frame["scenario"].tolist() == [
        "kfz-online",
        "gebuehr-online",
        "kfz-online+gebuehr-online",
    ]
    first = frame.iloc[0]
    assert (first["visits.today"], first["visits.with"], first["visits.saved"]) == (105, 90, 15)
    assert (first["hours.today"], first["hours.with"]) == (52.5, 45)
    assert (first["media_breaks.today"], first["media_breaks.with"]) == (0, 15)
    assert first["cost_eur"] == 1400
    assert first["eur_per_visit_saved"] == pytest.approx(1400 / 30)
    assert frame["cost_eur"].isna().tolist() == [False, True, True]
    text = (tmp_path / "impact.csv").read_text(encoding="utf-8")
    assert text.splitlines()[2].endswith(",,")  # no cost: empty, not 0
    expected = impact_frame(
        impact_table(_impact(), [loads_scenario(KFZ), loads_scenario(GEBUEHR)], years=2)
    )
    written = pd.read_csv(tmp_path / "impact.csv").fillna({"name": ""})
    pd.testing.assert_frame_equal(written, expected, check_dtype=False)


def test_cli_html_and_xlsx_are_the_same_bytes_every_time(tmp_path: Path) -> None:
    _files(tmp_path)
    for seed, name in (("1", "a"), ("2", "b")):
        for suffix in (".html", ".xlsx"):
            done = _run(*_ARGUMENTS, "--lang", "en", "-o", name + suffix, cwd=tmp_path, seed=seed)
            assert done.returncode == 0, done.stderr
    assert (tmp_path / "a.html").read_bytes() == (tmp_path / "b.html").read_bytes()
    assert (tmp_path / "a.xlsx").read_bytes() == (tmp_path / "b.xlsx").read_bytes()
    page = (tmp_path / "a.html").read_text(encoding="utf-8")
    parsed = _parse(page)
    assert parsed.headings[0] == "Yearly impact per scenario"
    assert parsed.svgs == 2
    workbook = pd.read_excel(io.BytesIO((tmp_path / "a.xlsx").read_bytes()), sheet_name="impact")
    assert workbook["visits.saved"].tolist() == [15, 45, 60]


@pytest.mark.parametrize(
    ("extra", "code", "message"),
    [
        (["-o", "impact.json"], 2, "cannot write '.json': name the output *.csv"),
        (["-o", "missing/impact.csv"], 1, "missing: no such folder"),
        (["-o", "i.csv", "--years", "0"], 2, "--years at least 1"),
        (["-o", "i.csv", "--scenario", "nothing.yaml"], 1, "nothing.yaml:1:1: cannot read"),
        (["-o", "i.csv", "--scenario", "kfz.yaml", "kfz.yaml"], 2, "'kfz-online' is given twice"),
        (["-o", "i.csv", "--cases", "bad.csv"], 1, "bad.csv:2:8: cases must be a number"),
        (["-o", "i.csv", "--cases", "unknown.csv"], 1, "unknown.csv:2:1: unknown life event"),
    ],
)
def test_cli_errors(tmp_path: Path, extra: list[str], code: int, message: str) -> None:
    _files(tmp_path)
    (tmp_path / "bad.csv").write_text("life_event,municipality,cases\ndemo,x,many\n")
    (tmp_path / "unknown.csv").write_text("life_event,municipality,cases\nnix,x,1\n")
    arguments = ["impact", "--cases", "cases.csv", "--journey", "demo.yaml", *extra]
    if "--scenario" not in extra:
        arguments += ["--scenario", "kfz.yaml"]
    done = _run(*arguments, cwd=tmp_path)
    assert done.returncode == code, done.stderr
    assert message in done.stderr
    assert "Traceback" not in done.stderr
    assert done.stderr.count("\n") <= 2
    assert sorted(path.name for path in tmp_path.iterdir() if path.name.startswith("i")) == []
