"""Hardening through the real command line: output confinement, bounded work, safe text,
one error path, all-or-nothing workshops, checked API arguments (issue "Hardening").

Each class of failure has its reproduction here, run as a subprocess; the adversarial
shapes are shared with ``benchmarks/malformed.py`` (``tests/adversarial.py``), which
measures that each finishes in under 2 s.
"""

from __future__ import annotations

import os
import re
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

import lifeevents
from adversarial import SHAPES, each_after_all, hubs
from test_cli import LOCATED, VALID, assert_no_traceback, lifeevents_cli, write

#: Catches a hang, not slowness (the budget is measured in benchmarks/malformed.py).
HANG_TIMEOUT_S = 30

HOSTILE = """\
format: lifeevents/1
life_event:
  id: umzug
  name: "Umzug\\e]0;pwned\\a\\e[2J <img src=x onerror=alert(1)> [x](javascript:alert(1)) https://evil.example"
authorities: {amt: {name: "Amt\\e[31m", level: gemeinde, site: rathaus}}
personas:
  "../../../outside": {}
  "/tmp/lifeevents-abs/x": {}
  "C:\\\\x": {}
  "\\e[2Jfake": {}
  "<b>|x|</b>": {}
steps:
  - {id: "s\\e[1m", name: "Antrag\\u202e stellen", authority: amt, channels: [in_person]}
"""


def files_under(folder: Path) -> list[Path]:
    return sorted(path for path in folder.rglob("*"))


def no_raw_controls(text: str) -> bool:
    return not any(
        (ord(char) < 0x20 and char not in "\n\t") or 0x7F <= ord(char) <= 0x9F or char == "\u202e"
        for char in text
    )


# 1. Output confinement ----------------------------------------------------------------------


def test_workshop_never_writes_outside_its_folder(tmp_path: Path) -> None:
    journey = write(tmp_path / "in" / "umzug.yaml", HOSTILE)
    out = tmp_path / "work" / "out"
    completed = lifeevents_cli("workshop", journey, "-o", out, "--formats", "md,mmd", cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    assert_no_traceback(completed)
    everything = files_under(tmp_path)
    outside = [
        path
        for path in everything
        if not path.is_relative_to(out) and not path.is_relative_to(tmp_path / "in")
    ]
    assert outside == [tmp_path / "work"]
    assert not Path("/tmp/lifeevents-abs").exists()
    names = sorted(path.name for path in (out / "umzug").iterdir())
    # 6 personas (5 and "default") × (checklist.md + blueprint.mmd + journey.mmd)
    assert len(names) == 18
    assert all(name.isascii() and "/" not in name and not name.startswith(".") for name in names)
    assert "default-checklist.md" in names
    assert not [path for path in files_under(out) if path.name.startswith(".")]


def test_file_names_from_ids_are_safe_unique_and_stable() -> None:
    from lifeevents.formats.file_names import file_stems

    ids = ["default", "../../../x", "/abs/x", "C:\\x", "con", "x.", "Ehepaar", "ehepaar", "ä"]
    stems = file_stems(ids)
    assert stems == file_stems(reversed(ids))  # the same, whatever the order
    assert stems["default"] == "default"  # safe ids keep their name
    assert len({stem.casefold() for stem in stems.values()}) == len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", stem) for stem in stems.values())
    assert stems["../../../x"] == "x-" + "0274b718"


def test_workshop_refuses_a_symlink_out_of_its_folder(tmp_path: Path) -> None:
    journey = write(tmp_path / "umzug.yaml", HOSTILE)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    out = tmp_path / "out"
    out.mkdir()
    (out / "umzug").symlink_to(elsewhere)
    completed = lifeevents_cli("workshop", journey, "-o", out, "--formats", "md")
    assert completed.returncode == 1
    assert_no_traceback(completed)
    assert "outside the output folder" in completed.stderr
    assert list(elsewhere.iterdir()) == []
    assert sorted(path.name for path in out.iterdir()) == ["umzug"]


# 2. Bounded work ----------------------------------------------------------------------------


def test_adversarial_shapes_stop_early_with_a_located_error(tmp_path: Path) -> None:
    """Every shape in one run of validate: valid ones pass, the others name their cap."""
    paths = {shape: write(tmp_path / f"{shape.name}.yaml", shape.generate()) for shape in SHAPES}
    completed = subprocess.run(
        [sys.executable, "-m", "lifeevents", "validate", *map(str, paths.values())],
        capture_output=True,
        text=True,
        timeout=HANG_TIMEOUT_S * 2,
        check=False,
    )
    assert_no_traceback(completed)
    assert completed.returncode == 1
    invalid = [shape for shape in SHAPES if not shape.valid]
    lines = completed.stderr.splitlines()
    assert lines[-1] == f"{len(invalid)} of {len(SHAPES)} file(s) invalid"
    located = [match for line in lines[:-1] if (match := LOCATED.match(line))]
    assert len(located) == len(lines) - 1, completed.stderr
    for shape, path in paths.items():
        messages = [match["message"] for match in located if match["file"] == str(path)]
        if shape.valid:
            assert f"{path}: valid" in completed.stdout
            assert messages == []
        else:
            assert any(shape.message in message for message in messages), (shape, messages)


@pytest.mark.exe
@pytest.mark.parametrize("generate", [each_after_all, hubs], ids=["each-after-all", "hubs"])
def test_dense_journeys_are_drawn_in_seconds(generate: object, tmp_path: Path) -> None:
    assert callable(generate)
    path = write(tmp_path / "dense.yaml", generate())
    completed = subprocess.run(
        [sys.executable, "-m", "lifeevents", "render", str(path), "-o", str(tmp_path / "d.svg")],
        capture_output=True,
        text=True,
        timeout=HANG_TIMEOUT_S,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert (tmp_path / "d.svg").read_text(encoding="utf-8").startswith("<?xml")


def test_visit_search_budget_is_a_located_error(monkeypatch: pytest.MonkeyPatch) -> None:
    from lifeevents.analysis import visits
    from lifeevents.errors import CapExceededError

    monkeypatch.setattr(visits, "MAX_VISIT_SEARCH_STATES", 3)
    sites = "".join(f"  a{i}: {{name: A{i}, level: bund, site: s{i}}}\n" for i in range(4))
    steps = "".join(
        f"  - {{id: v{i}, name: V, authority: a{i % 4}, channels: [in_person], "
        f"lead_time_days: 1{f', after: [v{i - 2}]' if i >= 2 else ''}}}\n"
        for i in range(12)
    )
    life_event = lifeevents.loads(
        "format: lifeevents/1\nlife_event: {id: v, name: V}\nauthorities:\n"
        + sites
        + "steps:\n"
        + steps,
        "v.yaml",
        regions={},
    )
    with pytest.raises(CapExceededError) as caught:
        lifeevents.analyze(lifeevents.journey(life_event))
    # Located at the steps, naming the cap.
    assert str(caught.value).startswith("v.yaml:9:3: persona 'default': the exact search")
    assert "gave up after 3 states" in str(caught.value)


# 3. Safe text output ------------------------------------------------------------------------


def test_control_characters_are_printed_escaped(tmp_path: Path) -> None:
    journey = write(tmp_path / "umzug.yaml", HOSTILE)
    region = write(
        tmp_path / "region.yaml",
        "format: lifeevents-region/1\n"
        'region: {id: r, name: "R\\e]0;x\\a", default_municipality: m}\n'
        'municipalities: {m: {name: "M\\e[2J", kind: gemeinde}}\n',
    )
    runs = [
        lifeevents_cli("analyze", journey, "--persona", "all"),
        lifeevents_cli("list", "--region-file", region),
        lifeevents_cli("workshop", journey, "-o", tmp_path / "out", "--formats", "md"),
        lifeevents_cli(
            "validate",
            write(
                tmp_path / "bad.yaml", HOSTILE.replace("authority: amt", 'authority: "a\\r\\e[2K"')
            ),
        ),
    ]
    for completed in runs:
        assert_no_traceback(completed)
        assert no_raw_controls(completed.stdout + completed.stderr), completed.args
    assert "\\x1b]0;pwned\\x07" in runs[0].stdout
    assert "M\\x1b[2J" in runs[1].stdout
    assert "\\x1b[2Jfake" in runs[2].stderr  # workshop progress
    assert "authority: 'a\\x0d\\x1b[2K'" in runs[3].stderr  # cannot hide the error


def test_a_line_break_in_a_file_name_cannot_fake_a_line(tmp_path: Path) -> None:
    write(
        tmp_path / "in" / "bad\nok.yaml: valid (x, 1 steps)\nx.yaml",
        HOSTILE.replace("gemeinde", "x"),
    )
    completed = lifeevents_cli("validate", tmp_path / "in")
    assert completed.returncode == 1
    assert "\\nok.yaml: valid (x, 1 steps)\\nx.yaml:" in completed.stderr
    assert all(LOCATED.match(line) for line in completed.stderr.splitlines()[:-1])
    assert completed.stdout == ""


def test_markdown_index_escapes_every_name(tmp_path: Path) -> None:
    journey = write(tmp_path / "umzug.yaml", HOSTILE)
    completed = lifeevents_cli("workshop", journey, "-o", tmp_path / "out", "--formats", "md")
    assert completed.returncode == 0, completed.stderr
    index = (tmp_path / "out" / "index.md").read_text(encoding="utf-8")
    header, table = index.split("\n|---", 1)
    assert not re.search(r"(?<!\\)[<>\[\]]", header)  # every bracket escaped
    assert not re.search(r"(?<!\\)[<>]", table)
    assert "\\[x\\](javascript" in index  # no link: both brackets escaped
    assert "https://" not in index
    assert "\\<img src=x onerror=alert(1)\\>" in index
    assert "\\<b\\>\\|x\\|\\</b\\>" in index


# 4. One error path --------------------------------------------------------------------------


def test_output_errors_are_one_line_messages(tmp_path: Path) -> None:
    (tmp_path / "folder.mmd").mkdir()
    for target, reason in (
        (tmp_path / "folder.mmd", "Is a directory"),
        (tmp_path / "missing" / "x.mmd", "No such file or directory"),
    ):
        completed = lifeevents_cli("render", "geburt", "-o", target)
        assert completed.returncode == 1, completed.stderr
        assert_no_traceback(completed)
        assert completed.stderr.count("\n") == 1
        assert completed.stderr.startswith("lifeevents render: ")
        assert reason in completed.stderr


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write into read-only folders")
def test_read_only_output_folder(tmp_path: Path) -> None:
    folder = tmp_path / "ro"
    folder.mkdir()
    folder.chmod(stat.S_IRUSR | stat.S_IXUSR)
    completed = lifeevents_cli("render", "geburt", "-o", folder / "x.mmd")
    assert completed.returncode == 1
    assert_no_traceback(completed)
    assert "Permission denied" in completed.stderr


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
def test_full_standard_output(tmp_path: Path) -> None:
    with open("/dev/full", "w") as full:
        completed = subprocess.run(
            [sys.executable, "-m", "lifeevents", "analyze", "geburt", "--persona", "all"],
            stdout=full,
            stderr=subprocess.PIPE,
            text=True,
            timeout=HANG_TIMEOUT_S,
            check=False,
        )
    assert completed.returncode == 1
    assert "Traceback" not in completed.stderr
    assert "Exception ignored" not in completed.stderr
    assert completed.stderr.startswith("lifeevents analyze: cannot write the output: ")


def test_standard_output_is_utf8_whatever_the_locale() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii", "LC_ALL": "C"}
    completed = subprocess.run(
        [sys.executable, "-m", "lifeevents", "schema"],
        capture_output=True,
        timeout=HANG_TIMEOUT_S,
        env=env,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    assert "Ü" in completed.stdout.decode("utf-8")


@pytest.mark.parametrize(
    "arguments",
    [
        ("render", "geburt", "-o", "x.svg", "--highlight", "bogus"),
        ("render", "geburt", "-o", "-", "--format", "png"),
        ("workshop", "geburt", "--formats", "svg,bogus"),
    ],
)
def test_usage_errors_exit_2_before_any_work(arguments: tuple[str, ...], tmp_path: Path) -> None:
    completed = lifeevents_cli(*arguments, cwd=tmp_path)
    assert completed.returncode == 2, completed.stderr
    assert_no_traceback(completed)
    assert completed.stderr.count("\n") == 1
    assert list(tmp_path.iterdir()) == []


def test_noncharacter_in_a_name_is_rejected_by_validate(tmp_path: Path) -> None:
    path = write(tmp_path / "a.yaml", VALID.replace("Wohnsitz anmelden", '"Wohnsitz\\uFFFE"'))
    completed = lifeevents_cli("validate", path)
    assert completed.returncode == 1
    assert f"{path}:9:11: step 'anmelden', name: contains U+FFFE" in completed.stderr


def _fake_dot(folder: Path, script: str) -> dict[str, str]:
    """An environment whose ``dot`` is the given shell script."""
    folder.mkdir(exist_ok=True)
    dot = folder / "dot"
    dot.write_text("#!/bin/sh\n" + script, encoding="utf-8")
    dot.chmod(0o755)
    return {**os.environ, "PATH": f"{folder}{os.pathsep}{os.environ['PATH']}"}


def test_graphviz_failure_is_a_located_message(tmp_path: Path) -> None:
    env = _fake_dot(tmp_path / "bin", "echo 'Error: syntax error in line 1' >&2\nexit 1\n")
    path = write(tmp_path / "umzug.yaml", VALID)
    completed = lifeevents_cli("render", path, "-o", tmp_path / "x.svg", env=env)
    assert completed.returncode == 1
    assert_no_traceback(completed)
    line = completed.stderr.strip()
    assert LOCATED.match(line), line
    assert line.startswith(f"{path}:2:13: persona 'default': Graphviz could not draw it")
    assert not (tmp_path / "x.svg").exists()


# 5. All or nothing --------------------------------------------------------------------------


def test_failure_in_the_third_persona_leaves_nothing(tmp_path: Path) -> None:
    counter = tmp_path / "calls"
    env = _fake_dot(
        tmp_path / "bin",
        f'echo x >> "{counter}"\n'
        f'if [ "$(wc -l < "{counter}")" -ge 5 ]; then echo broken >&2; exit 1; fi\n'
        'exec /usr/bin/env -u PATH /usr/bin/dot "$@"\n',
    )
    out = tmp_path / "out"
    journey = write(tmp_path / "umzug.yaml", HOSTILE)  # six personas, one step each
    completed = lifeevents_cli("workshop", journey, "-o", out, "--formats", "svg", env=env)
    assert completed.returncode == 1, completed.stderr
    assert "[3/6] umzug" in completed.stderr  # the first two personas were drawn
    assert_no_traceback(completed)
    assert not out.exists()


def test_failure_keeps_an_earlier_output_as_it_was(tmp_path: Path) -> None:
    out = tmp_path / "out"
    journey = write(tmp_path / "umzug.yaml", HOSTILE)
    first = lifeevents_cli("workshop", journey, "-o", out, "--formats", "mmd")
    assert first.returncode == 0
    before = {path: path.read_bytes() for path in files_under(out) if path.is_file()}
    env = _fake_dot(tmp_path / "bin", "exit 1\n")
    completed = lifeevents_cli("workshop", journey, "-o", out, "--formats", "mmd,svg", env=env)
    assert completed.returncode == 1
    assert {path: path.read_bytes() for path in files_under(out) if path.is_file()} == before


@pytest.mark.parametrize(
    ("signal_number", "exit_code", "message"),
    [(signal.SIGTERM, 143, "terminated"), (signal.SIGINT, 130, "interrupted")],
    ids=["SIGTERM", "SIGINT"],
)
def test_signals_end_dot_and_remove_temporary_files(
    signal_number: int, exit_code: int, message: str, tmp_path: Path
) -> None:
    pid_file = tmp_path / "dot.pid"
    env = _fake_dot(tmp_path / "bin", f'echo $$ > "{pid_file}"\nexec sleep 60\n')
    out = tmp_path / "out"
    process = subprocess.Popen(
        [sys.executable, "-m", "lifeevents", "workshop", "geburt", "-o", str(out)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + HANG_TIMEOUT_S
    while not pid_file.exists() or not pid_file.read_text().strip():
        assert time.monotonic() < deadline, "dot never started"
        time.sleep(0.05)
    dot_pid = int(pid_file.read_text())
    process.send_signal(signal_number)
    _, stderr = process.communicate(timeout=HANG_TIMEOUT_S)
    assert process.returncode == exit_code, stderr
    assert stderr.strip().endswith(f"lifeevents workshop: {message}")
    assert "Traceback" not in stderr
    time.sleep(0.1)
    with pytest.raises(ProcessLookupError):
        os.kill(dot_pid, 0)
    assert not out.exists()


# 6. API arguments ---------------------------------------------------------------------------


def test_api_arguments_are_checked() -> None:
    with pytest.raises(TypeError, match=r"use journey\(lifeevents.load\('geburt'\)"):
        lifeevents.journey("geburt")  # type: ignore[arg-type]
    with pytest.raises(TypeError, match="analyze\\(\\) needs a Journey"):
        lifeevents.analyze(lifeevents.load("geburt"))  # type: ignore[arg-type]
    trip = lifeevents.journey(lifeevents.load("geburt"))
    with pytest.raises(ValueError, match="unknown direction 'up'; choose one of: LR, TB"):
        lifeevents.render(trip, "mmd", direction="up")  # type: ignore[call-overload]
    with pytest.raises(ValueError, match="unknown view 'map'"):
        lifeevents.render(trip, "mmd", view="map")
    with pytest.raises(TypeError, match="highlight takes a list"):
        lifeevents.render(trip, "mmd", highlight="visits")
    with pytest.raises(TypeError, match="render\\(\\) draws a Journey or a Report"):
        lifeevents.render("geburt")  # type: ignore[call-overload]
    with pytest.raises(TypeError, match="persona must be a persona id"):
        lifeevents.journey(lifeevents.load("geburt"), 3)  # type: ignore[arg-type]


def test_region_names_no_map_could_show_are_rejected() -> None:
    from lifeevents.errors import InputError
    from lifeevents.formats.region_file import loads_region

    text = (
        "format: lifeevents-region/1\n"
        'region: {id: r, name: "R\\uFFFF", default_municipality: m}\n'
        f"municipalities: {{m: {{name: {'M' * 301}, kind: gemeinde}}}}\n"
    )
    with pytest.raises(InputError) as caught:
        loads_region(text, "r.yaml")
    assert [str(problem)[:60] for problem in caught.value.problems] == [
        "r.yaml:2:23: region, name: contains U+FFFF, a Unicode noncha",
        "r.yaml:3:28: municipality 'm', name: 301 characters; ids and",
    ]
