"""Input limits are ours, whichever YAML parser is installed, and bound aliases, not size.

PyYAML 6.0.4's libyaml brought a nesting limit of its own that fires while the
scanner reads ahead; our limit must still be the one reported, with our message
and position, for the C parser (libyaml) and the pure-Python one alike.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from lifeevents.errors import InputError
from lifeevents.formats import yaml_reader
from lifeevents.formats.yaml_reader import ALIAS_FLOOR, MAX_DEPTH, read_yaml

PARSERS = [pytest.param(yaml.SafeLoader, id="python")]
if hasattr(yaml, "CSafeLoader"):
    PARSERS.append(pytest.param(yaml.CSafeLoader, id="libyaml"))

_PREFIX = "life_event: "


@pytest.fixture(params=PARSERS)
def parser(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> type:
    loader: type = request.param
    monkeypatch.setattr(yaml_reader, "_Loader", loader)
    return loader


def problem_of(text: str) -> tuple[int, int, str]:
    with pytest.raises(InputError) as raised:
        read_yaml(text, "x.yaml")
    (problem,) = raised.value.problems
    return problem.line, problem.column, problem.message


@pytest.mark.parametrize("depth", [MAX_DEPTH + 1, 1_000, 10_000])
@pytest.mark.parametrize(("opening", "closing"), [("[", "]"), ("{a: ", "}")])
def test_deep_nesting_is_our_located_problem(
    parser: type, depth: int, opening: str, closing: str
) -> None:
    text = f"format: x\n{_PREFIX}{opening * depth}1{closing * depth}\n"
    line, column, message = problem_of(text)
    # The root mapping is one level; the opening that makes MAX_DEPTH + 1 is too deep.
    assert (line, column) == (2, len(_PREFIX) + 1 + (MAX_DEPTH - 1) * len(opening))
    assert message.startswith(f"values are nested more than {MAX_DEPTH} levels deep")


def test_nesting_within_the_limit_reads(parser: type) -> None:
    depth = MAX_DEPTH - 1
    document = read_yaml(f"{_PREFIX}{'[' * depth}1{']' * depth}\n", "x.yaml")
    value = document.data["life_event"]
    for _ in range(depth - 1):
        value = value[0]
    assert value == [1]


def test_brackets_in_quotes_do_not_count(parser: type) -> None:
    document = read_yaml(f"a: '{'[' * 5000}'\nb: \"{'{' * 5000}\"\n", "x.yaml")
    assert document.data["a"] == "[" * 5000


def test_an_alias_bomb_stops_early(parser: type) -> None:
    lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    for name, previous in zip("bcdefghi", "abcdefgh", strict=True):
        lines.append(f"{name}: &{name} [{', '.join([f'*{previous}'] * 9)}]")
    line, _, message = problem_of("\n".join(lines) + "\n")
    assert line <= 6
    assert "YAML aliases here repeat" in message


def test_honest_aliases_and_large_files_read(parser: type) -> None:
    # Aliases that repeat a small part often stay far below the bound.
    text = "common: &c [online, in_person]\nsteps:\n" + "".join(
        f"  - {{id: s{i}, channels: *c}}\n" for i in range(ALIAS_FLOOR // 4)
    )
    assert len(read_yaml(text, "x.yaml").data["steps"]) == ALIAS_FLOOR // 4
    # Values without aliases, more than the old cap of 50,000 on all values, are an
    # honest large file (bounded by the file size alone).
    many = read_yaml("a: [" + "1, " * 60_000 + "1]\n", "x.yaml")
    assert len(many.data["a"]) == 60_001


def test_problems_and_positions_are_located_alike(parser: type) -> None:
    # A control character (the pure-Python reader finds it before the first event), a
    # repeated key and an alias as a key, each at its own line and column.
    assert problem_of("a: 1\nb: x\x01y\n")[:2] == (2, 5)
    assert problem_of("a: 1\nb:\n  c: 1\n  c: 2\n")[:2] == (4, 3)
    assert problem_of("k: &k v\nm: {*k : 1}\n")[:2] == (2, 5)
    positions = read_yaml("a: 1\nb:\n  - {c: x}\n", "x.yaml").positions
    assert positions.value(("b", 0, "c")) == (3, 9)
    assert positions.key(("b", 0, "c")) == (3, 6)
    assert positions.value(("b", 0, "missing")) == (3, 5)


def _chain_journey(steps: int) -> str:
    lines = [
        "format: lifeevents/1",
        "life_event: {id: gross, name: Große Lebenslage}",
        "authorities:",
        "  amt-a: {name: Amt A, level: gemeinde, site: rathaus}",
        "  amt-b: {name: Amt B, level: kreis, site: kreishaus}",
        "steps:",
    ]
    for index in range(steps):
        authority = "amt-a" if index % 3 else "amt-b"
        channels = "[in_person]" if index % 5 == 0 else "[online, in_person]"
        after = f", after: [s{index - 1}]" if index else ""
        lines.append(
            f"  - {{id: s{index}, name: Schritt {index}, authority: {authority}, "
            f"channels: {channels}{after}}}"
        )
    return "\n".join(lines) + "\n"


def test_a_10000_step_journey_without_aliases_analyses(tmp_path: Path) -> None:
    path = tmp_path / "gross.yaml"
    path.write_text(_chain_journey(10_000), encoding="utf-8")
    completed = subprocess.run(
        [sys.executable, "-m", "lifeevents", "analyze", str(path), "--format", "json"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert completed.returncode == 0, completed.stderr
    report = json.loads(completed.stdout)
    # Every 5th step is in person only, the rest go online: 2,000 visits as modelled.
    assert report["visits"]["as_modelled"] == 2_000
