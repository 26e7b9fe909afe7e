"""Same input, same bytes: across processes with different string hashing.

Running a function twice in one process cannot find output that depends on the order
of a set or of a dict built from one: both runs share one ``PYTHONHASHSEED``. Here
each seed gets its own process (:mod:`determinism_driver` runs the commands through
the command line's own entry point) and an empty folder; the folders, with every
file written and everything printed, must be equal byte for byte.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from determinism_driver import EXIT_CODES
from lifeevents.formats.writer import dumps
from lifeevents.model.life_event import LifeEvent
from profiles import examples
from strategies import journey_data

HERE = Path(__file__).resolve().parent
DRIVER = HERE / "determinism_driver.py"
# 0 turns hash randomisation off; the others are two arbitrary orders.
SEEDS = ("0", "1", "12345")
TIMEOUT_S = 300
STAGGER_S = 1.1

Command = tuple[str, list[str]]

# A handful of built-in journeys, with options and language: an event place (geburt),
# a move between two municipalities with region offices at both ends, and English.
JOURNEYS = {
    "geburt": ("", "de"),
    "umzug-innerhalb-kreis": ("--municipality greven --origin rheine", "de"),
    "todesfall": ("", "en"),
}
RENDERED = (
    # (view, suffix): blueprint and journey map in each text format, and the checklist.
    ("blueprint", "svg"),
    ("blueprint", "dot"),
    ("blueprint", "html"),
    ("blueprint", "mmd"),
    ("journey", "svg"),
    ("journey", "mmd"),
    ("checklist", "md"),
    ("checklist", "html"),
)
EXPORTED = (
    *(".bpmn", ".ttl", ".jsonld", ".graphml"),
    *(".graph.json", ".journey.json", ".json", ".xlsx"),
)
OTHERS = {
    "render-png": "render geburt --persona verheiratet-digital -o geburt.png",
    "render-pdf": "render geburt -o geburt.pdf",
    "workshop": "workshop geburt -o workshop",
    "compare-json": "compare geburt --scenario urkunden-direkt --format json",
    "compare-csv": "compare zuzug-in-den-kreis --scenario ewa --scenario kfz-online --format csv",
    "render-diff": "render geburt --scenario urkunden-direkt --view diff -o diff.html",
    "simulate": "simulate geburt --cases 30 --seed 7 --skip 0.3 --late 0.3 -o log.csv",
    "conform": "conform geburt log.csv --format json",
}


def builtin_commands() -> list[Command]:
    """Every kind of output of the command line, for the journeys above."""
    commands: list[Command] = []
    for name, (options, lang) in JOURNEYS.items():
        place = f"{name} {options}"
        where = f"{place} --lang {lang}"
        commands += [
            (f"analyze-{name}-json", f"analyze {where} --persona all --format json".split()),
            (f"analyze-{name}-text", f"analyze {where} --persona all".split()),
        ]
        for view, suffix in RENDERED:
            output = f"{name}-{view}.{suffix}"
            commands.append(
                (f"render-{output}", f"render {where} --view {view} -o {output}".split())
            )
        for suffix in EXPORTED if lang == "de" else ():  # no --lang: English adds nothing
            commands.append((f"export-{name}{suffix}", f"export {place} -o {name}{suffix}".split()))
    return commands + [(label, line.split()) for label, line in OTHERS.items()]


def outputs(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` by its relative path."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file()
    }


def run_per_seed(commands: list[Command], root: Path) -> dict[str, dict[str, bytes]]:
    """Run ``commands`` in one fresh process per seed, each in its own folder.

    The processes overlap, but start a second apart, so that output carrying the time of
    day (a timestamp in a file) differs between them too.
    """
    running = []
    for position, seed in enumerate(SEEDS):
        if position:
            time.sleep(STAGGER_S)
        folder = root / f"seed-{seed}"
        folder.mkdir()
        process = subprocess.Popen(
            [sys.executable, str(DRIVER), json.dumps(commands)],
            cwd=folder,
            env={**os.environ, "PYTHONHASHSEED": seed},
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
        )
        running.append((seed, folder, process))
    found = {}
    for seed, folder, process in running:
        stdout, stderr = process.communicate(timeout=TIMEOUT_S)
        assert process.returncode == 0, stderr.decode("utf-8", "replace")
        assert not stdout
        found[seed] = outputs(folder)
    return found


def assert_same_bytes(per_seed: dict[str, dict[str, bytes]]) -> None:
    first_seed, *other_seeds = per_seed
    first = per_seed[first_seed]
    for seed in other_seeds:
        other = per_seed[seed]
        assert sorted(other) == sorted(first), f"PYTHONHASHSEED={seed} writes other files"
        differing = [name for name in first if other[name] != first[name]]
        assert not differing, f"PYTHONHASHSEED={seed} and {first_seed} differ in {differing}"


@pytest.mark.exe
def test_every_output_of_builtin_journeys_is_the_same_under_every_hash_seed(
    tmp_path: Path,
) -> None:
    commands = builtin_commands()
    per_seed = run_per_seed(commands, tmp_path)
    written = per_seed[SEEDS[0]]
    # Each command worked and wrote what it should: equal empty folders would prove nothing.
    assert json.loads(written[EXIT_CODES]) == {label: 0 for label, _ in commands}
    for name in JOURNEYS:
        for view, suffix in RENDERED:
            assert written[f"{name}-{view}.{suffix}"], (name, view, suffix)
        for suffix in EXPORTED if JOURNEYS[name][1] == "de" else ():
            assert written[f"{name}{suffix}"], (name, suffix)
        assert json.loads(written[f"analyze-{name}-json.stdout"])
    workshop = [path for path in written if path.startswith("workshop/")]
    assert "workshop/index.html" in workshop
    assert len(workshop) == 5 * 5 + 2  # 5 personas × 5 files, two indexes
    assert json.loads(written["compare-json.stdout"])
    assert written["geburt.png"].startswith(b"\x89PNG")
    assert written["geburt.pdf"].startswith(b"%PDF")
    assert len(written["log.csv"].splitlines()) > 30
    assert_same_bytes(per_seed)


@settings(max_examples=examples(2))
@given(st.lists(journey_data(), min_size=3, max_size=8))
def test_generated_journeys_give_the_same_bytes_under_every_hash_seed(
    journeys: list[dict[str, Any]],
) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        commands: list[Command] = []
        for index, data in enumerate(journeys):
            path = root / f"journey-{index}.yaml"
            path.write_text(dumps(LifeEvent.model_validate(data)), encoding="utf-8")
            file = str(path)
            for label, arguments in (
                ("analyze", ["--persona", "all", "--format", "json"]),
                ("text", ["--persona", "all", "--lang", "en"]),
            ):
                commands.append((f"{label}-{index}", ["analyze", file, *arguments]))
            for view, fmt in (("blueprint", "dot"), ("journey", "mmd"), ("checklist", "md")):
                arguments = ["--view", view, "--format", fmt, "-o", "-"]
                commands.append((f"{fmt}-{index}", ["render", file, *arguments]))
        per_seed = run_per_seed(commands, root)
        codes = json.loads(per_seed[SEEDS[0]][EXIT_CODES])
        # 1 is a journey whose modelled visits cannot be kept (a located error, also compared).
        assert set(codes.values()) <= {0, 1}, codes
        assert_same_bytes(per_seed)
