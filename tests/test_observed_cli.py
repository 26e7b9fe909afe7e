"""`lifeevents conform` and `lifeevents simulate` through a real subprocess.

Bad logs get one located line each (``FILE:LINE:COLUMN: message``) and exit
code 1, never a traceback or a partial output file; wrong usage exits with 2.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from lifeevents.errors import MissingExtraError
from lifeevents.observed import log as log_module

DATA = Path(__file__).parent / "data"
SPEC_EXAMPLE = str(DATA / "spec-example.yaml")
HANDMADE = DATA / "observed" / "handmade.csv"
LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>[0-9]+):(?P<column>[0-9]+): (?P<message>\S.*)$")
HEADER = "case_id,activity,timestamp,channel,persona\n"
ROW = "c1,Geburt anzeigen,2024-03-04T09:00:00,in_person,\n"


def run(*arguments: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "lifeevents", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
        cwd=cwd,
    )


def run_here(*arguments: str) -> subprocess.CompletedProcess[str]:
    """The command line in this process (fast): same exit code and output as a subprocess."""
    import contextlib
    import io

    from lifeevents.cli.main import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = main(list(arguments))
        except SystemExit as exit_:
            code = int(exit_.code or 0)
    return subprocess.CompletedProcess(list(arguments), code, out.getvalue(), err.getvalue())


def located(result: subprocess.CompletedProcess[str]) -> tuple[str, int, int, str]:
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    match = LOCATED.match(lines[0])
    assert match, lines[0]
    return match["file"], int(match["line"]), int(match["column"]), match["message"]


def test_conform_json_has_the_shape_of_the_issue(tmp_path: Path) -> None:
    out = tmp_path / "report.json"
    mapping = str(DATA / "observed" / "handmade-mapping.yaml")
    result = run(
        "conform", SPEC_EXAMPLE, str(HANDMADE), "--mapping", mapping, "--format", "json",
        "-o", str(out),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    assert (data["cases"], data["events"]) == (20, 63)
    assert {
        "case", "visits_made", "visits_minimum", "extra_visits", "skipped",
        "unknown_activities", "out_of_order", "deadline_missed",
    } <= set(data["per_case"][0])  # fmt: skip
    assert data["summary"]["conforming"] == 8
    assert out.stat().st_mode & 0o777 == 0o666 & ~_umask()


def test_conform_csv_and_text(tmp_path: Path) -> None:
    csv_result = run("conform", SPEC_EXAMPLE, str(HANDMADE), "--format", "csv")
    assert csv_result.returncode == 0, csv_result.stderr
    lines = csv_result.stdout.splitlines()
    assert lines[0].startswith("case,persona,municipality,events,visits_made")
    assert lines[19].startswith("c19,default,")
    assert lines[19].endswith(",false")
    text = run_here("conform", SPEC_EXAMPLE, str(HANDMADE), "--lang", "en")
    assert text.returncode == 0
    assert "20 cases, 63 events" in text.stdout
    # Steps by name, not by id, in either language; German by default.
    assert "skipped: Geburt anzeigen" in text.stdout
    assert "skipped: geburtsanzeige\n" not in text.stdout
    german = run_here("conform", SPEC_EXAMPLE, str(HANDMADE))
    assert german.returncode == 0
    assert "20 Fälle, 63 Ereignisse" in german.stdout
    assert "ausgelassen: Geburt anzeigen" in german.stdout


def write(tmp_path: Path, text: str | bytes, name: str = "log.csv") -> str:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("content", "line", "column", "words"),
    [
        ("case,activity,timestamp\nc1,a,2024-03-01\n", 1, 1, "no column 'case_id'"),
        (HEADER + ROW + "c1,Geburt anzeigen,gestern,in_person,\n", 3, 20, "cannot read timestamp"),
        (HEADER + ROW + "c2,,2024-03-04,in_person,\n", 3, 4, "empty activity"),
        (HEADER + ROW + "c2,Geburt anzeigen,2024-03-04,online-ish,\n", 3, 31, "unknown channel"),
        (HEADER + ROW + "c2,a,2024-03-04,in_person,,extra\n", 3, 1, "6 values"),
        (HEADER + "c1,a,2024-03-04,,default\nc1,b,2024-03-05,,digital\n", 3, 18, "differs"),
        (HEADER + "c1,a,2024-03-04,,niemand\n", 2, 18, "no persona 'niemand'"),
        (
            HEADER + ROW + "c2,a,2024-03-04T10:00:00+01:00,,\n",
            3,
            6,
            "mixes times with and without",
        ),
        ("", 1, 1, "empty log"),
    ],
)
def test_bad_csv_logs_get_one_located_problem(
    tmp_path: Path, content: str, line: int, column: int, words: str
) -> None:
    path = write(tmp_path, content)
    out = tmp_path / "out.json"
    result = run_here("conform", SPEC_EXAMPLE, path, "--format", "json", "-o", str(out))
    assert located(result)[:3] == (path, line, column)
    assert words in result.stderr
    assert not out.exists()


def test_mixed_encodings_are_located(tmp_path: Path) -> None:
    latin = "c2,Geburt anzeigen,2024-03-04,,Müller\n".encode("latin-1")
    path = write(tmp_path, (HEADER + ROW).encode() + latin)
    result = run_here("conform", SPEC_EXAMPLE, path)
    _, line, column, message = located(result)
    assert (line, column) == (3, 33)  # the ü of Müller
    assert "not UTF-8" in message


def test_a_log_over_the_size_limit_is_refused_before_reading(tmp_path: Path) -> None:
    path = write(tmp_path, HEADER + ROW * 10)
    result = run_here("conform", SPEC_EXAMPLE, path, "--max-size", "0")
    assert located(result)[1:3] == (1, 1)
    assert "--max-size" in result.stderr


XES_HEAD = '<?xml version="1.0"?>\n'


@pytest.mark.parametrize(
    ("content", "line", "words"),
    [
        (
            XES_HEAD + '<!DOCTYPE log [<!ENTITY a "aaaa"><!ENTITY b "&a;&a;&a;">]>\n'
            '<log><trace><string key="concept:name" value="&b;"/></trace></log>',
            2,
            "document type declaration",
        ),
        (
            XES_HEAD + '<log><trace><string key="concept:name" value="1"/>\n'
            '<event><string key="concept:name" value="a"/></event></trace></log>',
            3,
            "without a 'time:timestamp'",
        ),
        (XES_HEAD + "<log><trace>\n<event></trace></log>", 3, "not well-formed"),
        (
            XES_HEAD + '<log><trace><string key="concept:name" value="1"/>\n<event>'
            '<string key="concept:name" value="a"/>\n'
            '<date key="time:timestamp" value="01.03.2024"/></event></trace></log>',
            4,
            "cannot read timestamp",
        ),
    ],
)
def test_bad_xes_logs_get_one_located_problem(
    tmp_path: Path, content: str, line: int, words: str
) -> None:
    path = write(tmp_path, content, "log.xes")
    result = run_here("conform", SPEC_EXAMPLE, path)
    assert located(result)[:2] == (path, line)
    assert words in result.stderr


def test_bad_mapping_is_located_in_the_mapping_file(tmp_path: Path) -> None:
    mapping = write(tmp_path, "Anzeige: geburtsanzeige\nName: namensbestimung\n", "map.yaml")
    result = run_here("conform", SPEC_EXAMPLE, str(HANDMADE), "--mapping", mapping)
    file, line, column, message = located(result)
    assert (file, line, column) == (mapping, 2, 7)
    assert "did you mean 'namensbestimmung'" in message


@pytest.mark.parametrize(
    "arguments",
    [
        ("--persona", "niemand"),
        ("--column", "fall=Fall"),
        ("--delimiter", ";;"),
        ("--municipality", "atlantis"),
    ],
)
def test_wrong_usage_exits_with_2(arguments: tuple[str, ...]) -> None:
    result = (run if arguments[0] == "--persona" else run_here)(
        "conform", SPEC_EXAMPLE, str(HANDMADE), *arguments
    )
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    assert result.stderr.startswith("lifeevents conform: ")


def test_simulate_is_deterministic_and_checks_clean(tmp_path: Path) -> None:
    first, second = tmp_path / "a.csv", tmp_path / "b.csv"
    truth = tmp_path / "truth.json"
    common = (
        "simulate",
        "geburt",
        "--cases",
        "40",
        "--seed",
        "5",
        "--skip",
        "0.3",
        "--late",
        "0.3",
    )
    assert run(*common, "-o", str(first), "--truth", str(truth)).returncode == 0
    assert run_here(*common, "-o", str(second)).returncode == 0
    assert first.read_bytes() == second.read_bytes()
    result = run_here("conform", "geburt", str(first), "--format", "json")
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)["per_case"]
    expected = json.loads(truth.read_text(encoding="utf-8"))["per_case"]
    for got, want in zip(found, expected, strict=True):
        assert got["skipped"] == want["skipped"]
        assert got["deadline_missed"] == want["deadline_missed"]


def test_simulate_usage_errors() -> None:
    for arguments in (("--cases", "0"), ("--cases", "3", "--skip", "1.5")):
        result = run_here("simulate", "geburt", *arguments, "-o", "-")
        assert result.returncode == 2
        assert "Traceback" not in result.stderr


def test_help_lists_the_commands_without_loading_the_engine() -> None:
    code = (
        "import sys; from lifeevents.cli.main import build_parser; build_parser(); "
        "print(sorted(m for m in ('pyarrow', 'numpy', 'pandas') if m in sys.modules))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "[]"
    listed = run("--help").stdout
    assert "conform" in listed
    assert "simulate" in listed


def test_missing_extra_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name: None if name == "pyarrow" else real(name)
    )
    with pytest.raises(MissingExtraError, match=r"lifeevents\[observed\]"):
        log_module.require_engine()


def _umask() -> int:
    import os

    current = os.umask(0)
    os.umask(current)
    return current


def test_bom_padded_header_and_other_delimiter(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "\ufeff case_id ; activity;timestamp\nc1;Geburt anzeigen;2024-03-04\n"
        "c1;Namen des Kindes bestimmen;2024-03-04\nc1;geburtsanzeige-termin;2024-03-04\n",
    )
    result = run_here("conform", SPEC_EXAMPLE, path, "--delimiter", ";", "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1] == "c1,default,greven,3,1,1,0,,,,,true"


def test_a_log_with_no_events_gives_an_empty_report(tmp_path: Path) -> None:
    path = write(tmp_path, "case_id,activity,timestamp\n")
    result = run_here("conform", SPEC_EXAMPLE, path, "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert (data["cases"], data["per_case"], data["summary"]["conforming_share"]) == (0, [], 0.0)


def test_map_with_observed_frequencies_as_dot(tmp_path: Path) -> None:
    out = tmp_path / "observed.dot"
    result = run_here("conform", SPEC_EXAMPLE, str(HANDMADE), "--map", str(out), "-o", "-")
    assert result.returncode == 0, result.stderr
    dot = out.read_text(encoding="utf-8")
    # Without the mapping file c08's registration is unknown. Default persona (17
    # cases): the certificates skipped in c03 and c17, the registration skipped in c08
    # and c17 and late in c05 and c19; the name before the registration in c04, c19.
    assert 'xlabel="in 2 ausgelassen von 17 Fällen"' in dot
    assert 'xlabel="in 2 ausgelassen, in 2 verspätet von 17 Fällen"' in dot
    assert 'xlabel="2× in falscher Reihenfolge"' in dot
    assert 'tooltip="beobachtet in 15 von 17 Fällen"' in dot  # registration -> name
    assert 'tooltip="beobachtet in 14 von 17 Fällen"' in dot  # registration -> certificates


@pytest.mark.exe
def test_map_with_observed_frequencies_as_svg(tmp_path: Path) -> None:
    out = tmp_path / "observed.svg"
    result = run_here("conform", SPEC_EXAMPLE, str(HANDMADE), "--map", str(out), "-o", "-")
    assert result.returncode == 0, result.stderr
    assert ">Geburt eines Kindes: beobachtet (Persona Grundfall)</title>" in out.read_text(
        encoding="utf-8"
    )


def test_municipality_column_picks_the_journey_and_an_unknown_one_is_located(
    tmp_path: Path,
) -> None:
    header = "case_id,activity,timestamp,municipality\n"
    good = write(tmp_path, header + "c1,Geburt anzeigen,2024-03-04,rheine\n", "good.csv")
    result = run_here("conform", SPEC_EXAMPLE, good, "--format", "csv")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[1].startswith("c1,default,rheine,1,")
    bad = write(tmp_path, header + "c1,Geburt anzeigen,2024-03-04,atlantis\n", "bad.csv")
    file, line, column, message = located(run_here("conform", SPEC_EXAMPLE, bad))
    assert (file, line, column) == (bad, 2, 31)
    assert "no municipality 'atlantis'" in message


@pytest.mark.parametrize("option", ["-o", "--map"])
def test_an_output_that_cannot_be_written_is_reported(tmp_path: Path, option: str) -> None:
    target = str(tmp_path / "no-such-folder" / "out.dot")
    result = run_here("conform", SPEC_EXAMPLE, str(HANDMADE), option, target)
    assert result.returncode == 1
    assert result.stderr.startswith("lifeevents conform: ")
    assert "No such file or directory" in result.stderr
    assert "Traceback" not in result.stderr
