"""The command line through a real subprocess: exit codes, output forms, determinism.

Exit codes (journey-format-v1): 0 success, 1 invalid input (every problem as
``FILE:LINE:COLUMN: message``, no traceback), 2 wrong usage.
"""

from __future__ import annotations

import json
import os
import re
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml

import lifeevents

TESTS = Path(__file__).parent
SPEC_EXAMPLE = TESTS / "data" / "spec-example.yaml"
MALFORMED = TESTS / "malformed"
TIMEOUT_S = 60

LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>[0-9]+):(?P<column>[0-9]+): (?P<message>\S.*)$")

VALID = """\
format: lifeevents/1
life_event: {id: umzug, name: Umzug innerhalb der Gemeinde}
authorities:
  buergerbuero: {name: Bürgerbüro, level: gemeinde, site: rathaus}
evidence:
  meldebescheinigung: {name: Meldebescheinigung, issued_by: buergerbuero}
steps:
  - id: anmelden
    name: Wohnsitz anmelden
    authority: buergerbuero
    channels: [in_person, online]
    produces: [meldebescheinigung]
  - id: kfz-ummelden
    name: Fahrzeugschein ändern
    authority: buergerbuero
    channels: [in_person]
    requires: [meldebescheinigung]
"""

INVALID = VALID.replace("channels: [in_person]", "channels: [in_persn]")

# Valid, with two warnings: an evidence nobody uses, a `when` attribute no persona has.
WITH_WARNINGS = VALID.replace(
    "steps:\n",
    "  mietvertrag: {name: Mietvertrag}\nsteps:\n",
).replace(
    "    requires: [meldebescheinigung]\n",
    "    requires: [meldebescheinigung]\n    when: {auto: true}\n",
)


def lifeevents_cli(
    *arguments: str | Path, cwd: Path | None = None, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    """Run ``python -m lifeevents`` (the real command line) and capture its output."""
    return subprocess.run(
        [sys.executable, "-m", "lifeevents", *map(str, arguments)],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=TIMEOUT_S,
        check=False,
    )


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def located_files(stderr: str) -> set[str]:
    return {match["file"] for line in stderr.splitlines() if (match := LOCATED.match(line))}


def assert_no_traceback(completed: subprocess.CompletedProcess[str]) -> None:
    assert "Traceback" not in completed.stdout + completed.stderr


# --version, --help, usage errors ----------------------------------------------------------


def test_version() -> None:
    completed = lifeevents_cli("--version")
    assert completed.returncode == 0
    assert completed.stdout == f"lifeevents {lifeevents.__version__}\n"


def test_console_script_matches_module() -> None:
    script = Path(sys.executable).parent / "lifeevents"
    if not script.exists():
        pytest.skip("the console script is not installed next to this Python")
    completed = subprocess.run(
        [str(script), "--version"], capture_output=True, text=True, timeout=TIMEOUT_S, check=False
    )
    assert completed.returncode == 0
    assert completed.stdout == lifeevents_cli("--version").stdout


def test_help_names_the_commands() -> None:
    completed = lifeevents_cli("--help")
    assert completed.returncode == 0
    assert completed.stdout.startswith("usage: lifeevents")
    for command in ("validate", "schema"):
        assert command in completed.stdout


COMMANDS = (
    "validate",
    "analyze",
    "render",
    "workshop",
    "compare",
    "list",
    "schema",
    "conform",
    "simulate",
    "export",
    "import",
    "new",
    "sweep",
    "matrix",
    "recommend",
    "impact",
    "serve",
)
# Loaded by no parser: the engine, the renderers and the standard library modules only a
# command's handler needs (each command module imports them when it runs).
NOT_FOR_HELP = (
    "pydantic",
    "networkx",
    "yaml",
    "json",
    "pathlib",
    "lifeevents.analysis",
    "lifeevents.graph",
    "lifeevents.formats.journey_file",
    "lifeevents.views.api",
    "lifeevents.cli.loading",
)


def test_help_loads_no_engine() -> None:
    code = (
        "import sys\n"
        "from lifeevents.cli.main import build_parser\n"
        "import argparse\n"
        "parser = build_parser()\n"
        "(group,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]\n"
        "commands = sorted(group.choices)\n"
        f"assert set({COMMANDS!r}) <= set(commands), commands\n"
        "for command in commands:\n"
        "    try:\n"
        "        parser.parse_args([command, '--help'])\n"
        "    except SystemExit:\n"
        "        pass\n"
        f"print(sorted(name for name in {NOT_FOR_HELP!r} if name in sys.modules))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT_S, check=True
    )
    assert completed.stdout.splitlines()[-1] == "[]"


def test_validate_help() -> None:
    completed = lifeevents_cli("validate", "--help")
    assert completed.returncode == 0
    assert "PATH" in completed.stdout


@pytest.mark.parametrize(
    "arguments",
    [
        pytest.param((), id="no-command"),
        pytest.param(("frobnicate",), id="unknown-command"),
        pytest.param(("--frobnicate",), id="unknown-option"),
        pytest.param(("validate",), id="validate-without-path"),
        pytest.param(("validate", "--frobnicate", "x.yaml"), id="validate-unknown-option"),
        pytest.param(("schema", "extra"), id="schema-extra-argument"),
    ],
)
def test_wrong_usage_exits_2(arguments: tuple[str, ...]) -> None:
    completed = lifeevents_cli(*arguments)
    assert completed.returncode == 2
    assert completed.stdout == ""
    assert "usage: lifeevents" in completed.stderr
    assert_no_traceback(completed)


# validate ---------------------------------------------------------------------------------


def test_valid_file(tmp_path: Path) -> None:
    path = write(tmp_path / "umzug.yaml", VALID)
    completed = lifeevents_cli("validate", path)
    assert completed.returncode == 0
    assert completed.stdout == f"{path}: valid (umzug, 2 steps)\n"
    assert completed.stderr == ""


def test_spec_example_is_valid() -> None:
    completed = lifeevents_cli("validate", SPEC_EXAMPLE)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == f"{SPEC_EXAMPLE}: valid (geburt, 4 steps)\n"


def test_quiet_prints_nothing_for_a_valid_file(tmp_path: Path) -> None:
    completed = lifeevents_cli("validate", "--quiet", write(tmp_path / "umzug.yaml", VALID))
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, "", "")


def test_warnings_keep_exit_code_0(tmp_path: Path) -> None:
    path = write(tmp_path / "umzug.yaml", WITH_WARNINGS)
    completed = lifeevents_cli("validate", path)
    assert completed.returncode == 0, completed.stderr
    assert completed.stdout == f"{path}: valid (umzug, 2 steps)\n"
    warnings = completed.stderr.splitlines()
    assert len(warnings) == 2
    for line in warnings:
        match = LOCATED.match(line)
        assert match, line
        assert match["file"] == str(path)
        assert match["message"].startswith("warning: ")
    assert "'mietvertrag'" in warnings[0]
    assert "'auto'" in warnings[1]


def test_invalid_file(tmp_path: Path) -> None:
    path = write(tmp_path / "umzug.yaml", INVALID)
    completed = lifeevents_cli("validate", path)
    assert completed.returncode == 1
    assert completed.stdout == ""
    assert completed.stderr.splitlines() == [
        f"{path}:16:16: step 'kfz-ummelden', channels: 'in_persn' is not an allowed channel "
        "(did you mean 'in_person'?); allowed: in_person, terminal, online, email, video, "
        "phone, mail, proactive",
        "1 of 1 file(s) invalid",
    ]


def test_folder_is_searched_recursively(tmp_path: Path) -> None:
    folder = tmp_path / "journeys"
    valid = write(folder / "umzug.yaml", VALID)
    invalid_yml = write(folder / "kreis" / "geburt.yml", INVALID)
    invalid_deep = write(folder / "kreis" / "gemeinde" / "heirat.yaml", "format: lifeevents/1\n")
    write(folder / "notizen.txt", "not: [a journey")
    write(folder / "kreis" / "README.md", "# nothing to validate\n")
    completed = lifeevents_cli("validate", folder)
    assert completed.returncode == 1
    assert_no_traceback(completed)
    assert completed.stdout == f"{valid}: valid (umzug, 2 steps)\n"
    assert located_files(completed.stderr) == {str(invalid_yml), str(invalid_deep)}
    assert completed.stderr.splitlines()[-1] == "2 of 3 file(s) invalid"


def test_folder_of_valid_files(tmp_path: Path) -> None:
    write(tmp_path / "a" / "umzug.yaml", VALID)
    write(tmp_path / "b" / "umzug.yml", VALID)
    completed = lifeevents_cli("validate", "--quiet", tmp_path)
    assert (completed.returncode, completed.stdout, completed.stderr) == (0, "", "")


def test_file_and_folder_together(tmp_path: Path) -> None:
    single = write(tmp_path / "single.yaml", INVALID)
    folder = tmp_path / "folder"
    write(folder / "umzug.yaml", VALID)
    completed = lifeevents_cli("validate", single, folder)
    assert completed.returncode == 1
    assert located_files(completed.stderr) == {str(single)}
    assert completed.stderr.splitlines()[-1] == "1 of 2 file(s) invalid"


def test_missing_path_is_a_located_problem(tmp_path: Path) -> None:
    missing = tmp_path / "gibt-es-nicht.yaml"
    completed = lifeevents_cli("validate", missing)
    assert completed.returncode == 1
    assert_no_traceback(completed)
    assert completed.stderr.splitlines() == [
        f"{missing}:1:1: cannot read: No such file or directory",
        "1 of 1 file(s) invalid",
    ]


def test_folder_without_journeys(tmp_path: Path) -> None:
    write(tmp_path / "notizen.txt", "nothing here")
    completed = lifeevents_cli("validate", tmp_path)
    assert completed.returncode == 1
    assert_no_traceback(completed)
    assert "no journey files (*.yaml, *.yml)" in completed.stderr


def test_validate_writes_nothing(tmp_path: Path) -> None:
    journeys = tmp_path / "journeys"
    write(journeys / "umzug.yaml", VALID)
    write(journeys / "kaputt.yaml", INVALID)
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    before = sorted(tmp_path.rglob("*"))
    lifeevents_cli("validate", journeys, SPEC_EXAMPLE, cwd=cwd)
    assert sorted(tmp_path.rglob("*")) == before


# schema -----------------------------------------------------------------------------------


def schema() -> dict[str, Any]:
    completed = lifeevents_cli("schema")
    assert completed.returncode == 0
    assert completed.stderr == ""
    data: dict[str, Any] = json.loads(completed.stdout)
    return data


def test_schema_structure() -> None:
    data = schema()
    definitions = data["$defs"]
    assert {"Step", "Authority", "Evidence", "Persona"} <= set(definitions)
    assert data["additionalProperties"] is False
    for name in ("Step", "Authority", "Evidence", "Persona"):
        assert definitions[name]["additionalProperties"] is False, name
    assert data["properties"]["format"]["const"] == "lifeevents/1"
    assert set(data["required"]) == {"format", "life_event", "steps"}
    assert set(definitions["Step"]["required"]) == {"id", "name", "authority", "channels"}


def _resolve(data: dict[str, Any], node: dict[str, Any]) -> dict[str, Any]:
    """Follow a local ``$ref``, and step into ``anyOf`` members that are references."""
    while "$ref" in node or "anyOf" in node:
        if "$ref" in node:
            node = data["$defs"][node["$ref"].removeprefix("#/$defs/")]
        else:
            node = next(member for member in node["anyOf"] if member.get("type") != "null")
    return node


def _check_object(data: dict[str, Any], definition: dict[str, Any], value: Any, where: str) -> None:
    assert isinstance(value, dict), where
    properties = definition["properties"]
    assert set(value) <= set(properties), f"{where}: {set(value) - set(properties)}"
    assert set(definition.get("required", [])) <= set(value), where
    for key, item in value.items():
        target = _resolve(data, properties[key])
        if "enum" in target:
            assert item in target["enum"], f"{where}.{key}"
        elif target.get("type") == "array" and isinstance(item, list):
            member = _resolve(data, target.get("items", {}))
            if "enum" in member:
                assert set(item) <= set(member["enum"]), f"{where}.{key}"
        elif target.get("type") == "object" and "properties" in target:
            _check_object(data, target, item, f"{where}.{key}")


def test_schema_accepts_the_spec_example_as_json() -> None:
    """A small structural check (no jsonschema package): keys, required keys, enums."""
    data = schema()
    example = json.loads(json.dumps(yaml.safe_load(SPEC_EXAMPLE.read_text(encoding="utf-8"))))
    _check_object(data, data, example, "journey")
    definitions = data["$defs"]
    for section, definition in (
        ("authorities", "Authority"),
        ("evidence", "Evidence"),
        ("personas", "Persona"),
    ):
        for key, value in example[section].items():
            _check_object(data, definitions[definition], value, f"{section}.{key}")
    for index, step in enumerate(example["steps"]):
        _check_object(data, definitions["Step"], step, f"steps[{index}]")


def test_schema_rejects_a_typo_key() -> None:
    data = schema()
    step = {"id": "a", "name": "A", "authority": "amt", "chanels": ["online"]}
    with pytest.raises(AssertionError):
        _check_object(data, data["$defs"]["Step"], step, "step")


def test_schema_validates_the_spec_example_with_jsonschema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    example = json.loads(json.dumps(yaml.safe_load(SPEC_EXAMPLE.read_text(encoding="utf-8"))))
    jsonschema.validate(example, schema())


# determinism ------------------------------------------------------------------------------


def _environment(hash_seed: str) -> dict[str, str]:
    return {**os.environ, "PYTHONHASHSEED": hash_seed}


@pytest.mark.parametrize(
    "arguments",
    [
        pytest.param(("validate", MALFORMED), id="validate-malformed"),
        pytest.param(("validate", SPEC_EXAMPLE), id="validate-spec-example"),
        pytest.param(("schema",), id="schema"),
    ],
)
def test_output_is_deterministic(arguments: tuple[str | Path, ...]) -> None:
    """Byte-identical output twice, even with different string hashing."""
    first = lifeevents_cli(*arguments, env=_environment("1"))
    second = lifeevents_cli(*arguments, env=_environment("2"))
    assert first.returncode == second.returncode
    assert first.stdout == second.stdout
    assert first.stderr == second.stderr


@pytest.mark.exe
@pytest.mark.parametrize(("umask", "expected"), [(0o022, "-rw-r--r--"), (0o077, "-rw-------")])
def test_written_files_respect_the_umask(tmp_path: Path, umask: int, expected: str) -> None:
    # Like any other tool: a shared workshop folder or a web server must be able to read
    # the maps under the usual umask, and a private umask keeps them private.
    journey = write(tmp_path / "umzug.yaml", VALID)
    folder = tmp_path / "workshop"
    for arguments in (
        ("render", journey, "-o", tmp_path / "map.svg", "-q"),
        ("workshop", journey, "-o", folder, "--formats", "svg", "-q"),
    ):
        completed = subprocess.run(
            [sys.executable, "-m", "lifeevents", *map(str, arguments)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
            preexec_fn=lambda: os.umask(umask),
        )
        assert completed.returncode == 0, completed.stderr
    written = [tmp_path / "map.svg", *(path for path in folder.rglob("*") if path.is_file())]
    assert len(written) > 3
    for path in written:
        assert stat.filemode(path.stat().st_mode) == expected, path
    assert not [path for path in tmp_path.rglob(".*") if path.is_file()], "temporary files left"
