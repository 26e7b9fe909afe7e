"""Malformed journey files: each is rejected through the real command line, safely.

Every case must give exit code 1, print each problem as ``FILE:LINE:COLUMN: message``
on stderr (no traceback), report exactly the problems its ``# expect:`` lines name,
finish well within the subprocess timeout, execute nothing and write no file.

The committed cases live in ``tests/malformed/``; each starts with comment lines::

    # expect: LINE:COLUMN: substring of the message     (one per error reported)
    # xfail: why the expected problems are not reported as written (a known bug)
    # xfail-contract: why the file breaks the command-line contract (a known bug)

Cases that cannot be committed (50 MB, 10,000 levels deep, bytes that are not
UTF-8) are generated at test time by :data:`GENERATED`. Timing belongs to
``benchmarks/malformed.py``; here a generous timeout only catches a hang.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

import adversarial

MALFORMED = Path(__file__).parent / "malformed"

#: Catches a hang, not slowness: the "< 2 s" budget is measured in benchmarks/malformed.py.
HANG_TIMEOUT_S = 20

LOCATED = re.compile(r"^(?P<file>.+?):(?P<line>[0-9]+):(?P<column>[0-9]+): (?P<message>\S.*)$")
SUMMARY = re.compile(r"^[0-9]+ of [0-9]+ file\(s\) invalid$")
EXPECT = re.compile(r"^# expect: (?P<line>[0-9]+):(?P<column>[0-9]+): (?P<message>.+)$")
XFAIL = re.compile(r"^# xfail: (?P<reason>.+)$")
XFAIL_CONTRACT = re.compile(r"^# xfail-contract: (?P<reason>.+)$")
WARNING = "warning: "


@dataclass(frozen=True)
class Expected:
    """One problem a case must report: where, and a part of its message."""

    line: int
    column: int
    message: str

    def matches(self, line: int, column: int, message: str) -> bool:
        return (line, column) == (self.line, self.column) and self.message in message

    def __str__(self) -> str:
        return f"{self.line}:{self.column}: {self.message}"


@dataclass(frozen=True)
class Case:
    """A malformed input: a committed file, or bytes generated at test time."""

    name: str
    expected: tuple[Expected, ...]
    path: Path | None = None
    generate: Callable[[], bytes] | None = field(default=None, compare=False)
    xfail: str | None = None
    xfail_contract: str | None = None

    def materialise(self, folder: Path) -> Path:
        """The file to validate (generated ones are written into ``folder``)."""
        if self.path is not None:
            return self.path
        assert self.generate is not None
        target = folder / f"{self.name}.yaml"
        target.write_bytes(self.generate())
        return target


def read_case(path: Path) -> Case:
    """A committed case with the expectations from its leading comment lines."""
    expected: list[Expected] = []
    xfail: str | None = None
    xfail_contract: str | None = None
    for raw in path.read_bytes().decode("utf-8").splitlines():
        if not raw.startswith("#"):
            break
        if match := EXPECT.match(raw):
            expected.append(Expected(int(match["line"]), int(match["column"]), match["message"]))
        elif match := XFAIL.match(raw):
            xfail = match["reason"]
        elif match := XFAIL_CONTRACT.match(raw):
            xfail_contract = match["reason"]
    if not expected:
        raise ValueError(f"{path} does not start with '# expect: LINE:COLUMN: message'")
    return Case(path.stem, tuple(expected), path=path, xfail=xfail, xfail_contract=xfail_contract)


def committed_cases() -> list[Case]:
    return [read_case(path) for path in sorted(MALFORMED.glob("*.yaml"))]


# Generated inputs -------------------------------------------------------------------------

_HEADER = "format: lifeevents/1\nlife_event: {id: umzug, name: Umzug}\n"
_AUTHORITY = "authorities: {amt: {name: Bürgerbüro, level: gemeinde}}\n"


def _huge() -> bytes:
    step = "  - {id: anmelden, name: Wohnsitz anmelden, authority: amt, channels: [online]}\n"
    head = _HEADER + _AUTHORITY + "steps:\n"
    count = (50 * 1024 * 1024 - len(head)) // len(step) + 1
    return (head + step * count).encode("utf-8")


def _nested(opening: str, closing: str) -> Callable[[], bytes]:
    def generate() -> bytes:
        return f"format: lifeevents/1\nlife_event: {opening * 10_000}1{closing * 10_000}\n".encode()

    return generate


def _many_values() -> bytes:
    return ("format: lifeevents/1\nlife_event: [" + "1, " * 300_000 + "1]\n").encode()


# Sizes at which quadratic checks would run for minutes, far past the timeout even on a
# much faster machine; the checks (linear, with capped hints and problems) take well under 1 s.
_UNKNOWN_REFERENCES = 2_000


def _many_unknown_references() -> bytes:
    # Every step requires an evidence id nobody defined, next to thousands that are.
    lines = [_HEADER, "authorities: {a: {name: A, level: bund}}\n", "evidence:\n"]
    lines += [f"  nachweis{i}: {{name: Nachweis}}\n" for i in range(_UNKNOWN_REFERENCES)]
    lines.append("steps:\n")
    lines += [
        f"  - {{id: s{i}, name: S, authority: a, channels: [online], requires: [nachwies{i}]}}\n"
        for i in range(_UNKNOWN_REFERENCES)
    ]
    return "".join(lines).encode()


_PRODUCERS = 4_000
_REPEATS = 30_000


def _many_repeats() -> bytes:
    # One step lists the same (existing) step 30,000 times: one problem, found in linear time.
    return (
        _HEADER + "authorities: {a: {name: A, level: bund}}\nsteps:\n"
        "  - {id: t, name: T, authority: a, channels: [online]}\n"
        "  - {id: s, name: S, authority: a, channels: [online], after: ["
        + ", ".join(["t"] * _REPEATS)
        + "]}\n"
    ).encode()


def _many_producers() -> bytes:
    # One evidence produced by thousands of steps whose `when` contradict each other, and
    # one channel typo at the end so that the file is invalid.
    lines = [
        _HEADER,
        "authorities: {a: {name: A, level: bund}}\n",
        "evidence: {e: {name: E}}\n",
        "personas: {p: {attributes: {k: 0}}}\n",
        "steps:\n",
    ]
    lines += [
        f"  - {{id: s{i}, name: S, authority: a, channels: [online], produces: [e], "
        f"when: {{k: {i}}}}}\n"
        for i in range(_PRODUCERS)
    ]
    lines.append("  - {id: last, name: S, authority: a, channels: [onlne]}\n")
    return "".join(lines).encode()


# Adversarial shapes (tests/adversarial.py) that hit a cap of lifeevents.model.limits.
_DEPENDENCY_CAP = "more than 50,000 dependencies for persona 'default'"
_BRIDGING_CAP = "pass on more than 200,000 dependencies in all"

_LIST_COLUMN = len("life_event: ") + 1
_DEEP = "values are nested more than 64 levels deep"

GENERATED: tuple[Case, ...] = (
    Case(
        "huge-50-mib",
        (Expected(1, 1, "the file is 50.0 MiB; input files may be at most 4 MiB"),),
        generate=_huge,
    ),
    Case(
        "nested-10000-lists",
        # The 64th '[' is one level too deep.
        (Expected(2, _LIST_COLUMN + 63, _DEEP),),
        generate=_nested("[", "]"),
    ),
    Case(
        "nested-10000-mappings",
        (Expected(2, _LIST_COLUMN + 63 * len("{a: "), _DEEP),),
        generate=_nested("{a: ", "}"),
    ),
    Case(
        "not-utf8-latin1",
        (Expected(2, 32, "the file is not UTF-8 text; save it with UTF-8 encoding"),),
        generate=lambda: b"format: lifeevents/1\nlife_event: {id: umzug, name: M\xfcnster}\n",
    ),
    Case(
        "not-utf8-utf16",
        (Expected(1, 1, "the file is not UTF-8 text"),),
        generate=lambda: (_HEADER + _AUTHORITY).encode("utf-16"),
    ),
    Case(
        "control-character",
        (Expected(2, 34, "control character U+0000"),),
        generate=lambda: b'format: lifeevents/1\nlife_event: {id: umzug, name: "Um\x00zug"}\n',
    ),
    Case(
        "many-values",
        # 300,001 honest values (no aliases) are read; the model then rejects the list.
        (
            Expected(1, 1, "'steps' is missing"),
            Expected(
                2, _LIST_COLUMN, "life_event: expected a mapping of keys to values, got a list"
            ),
        ),
        generate=_many_values,
    ),
    Case(
        "many-unknown-references",
        # The first 100 errors are listed (hints for the first ones only), then a count.
        (
            Expected(
                6 + _UNKNOWN_REFERENCES,
                len("  - {id: s0, name: S, authority: a, channels: [online], requires: [") + 1,
                "step 's0': unknown evidence 'nachwies0' (did you mean 'nachweis0'?)",
            ),
            *(
                Expected(
                    6 + _UNKNOWN_REFERENCES + i,
                    len(f"  - {{id: s{i}, name: S, authority: a, channels: [online], requires: [")
                    + 1,
                    f"step 's{i}': unknown evidence 'nachwies{i}'",
                )
                for i in range(1, 100)
            ),
            Expected(
                6 + _UNKNOWN_REFERENCES + 100,
                len("  - {id: s100, name: S, authority: a, channels: [online], requires: [") + 1,
                "... and 3900 more problems; fix these first",
            ),
        ),
        generate=_many_unknown_references,
    ),
    Case(
        "many-producers",
        (
            Expected(
                7 + _PRODUCERS,
                len("  - {id: last, name: S, authority: a, channels: [") + 1,
                "'onlne' is not an allowed channel",
            ),
        ),
        generate=_many_producers,
    ),
    Case(
        "cap-10000-personas",
        (Expected(6, 3, "10,000 personas; a journey may have at most 100"),),
        generate=lambda: adversarial.many_personas().encode(),
    ),
    Case(
        # The 51st successor of the skipped step brings the 50,001st dependency.
        "cap-skipped-step-between-1000-and-1000",
        (Expected(1057, 10, f"step 'b50': {_DEPENDENCY_CAP}"),),
        generate=lambda: adversarial.skipped_between().encode(),
    ),
    Case(
        "cap-growing-chain-of-skipped-steps",
        (
            Expected(
                1637, 10, f"step 'n631': the steps that do not apply to a persona {_BRIDGING_CAP}"
            ),
        ),
        generate=lambda: adversarial.growing_skipped_chain().encode(),
    ),
    Case(
        "many-repeats",
        (
            Expected(
                6,
                len("  - {id: s, name: S, authority: a, channels: [online], after: ") + 1,
                "step 's', after: lists t more than once",
            ),
        ),
        generate=_many_repeats,
    ),
)


def all_cases() -> list[Case]:
    return [*committed_cases(), *GENERATED]


# Running the command line -----------------------------------------------------------------


@dataclass(frozen=True)
class Run:
    """One run of ``lifeevents validate`` on one case, in an empty working directory."""

    path: Path
    returncode: int
    stdout: str
    stderr: str
    left_in_cwd: tuple[str, ...]


def validate_command(*paths: Path | str) -> list[str]:
    return [sys.executable, "-m", "lifeevents", "validate", *map(str, paths)]


def listing(folder: Path) -> tuple[str, ...]:
    return tuple(sorted(str(path.relative_to(folder)) for path in folder.rglob("*")))


_RUNS: dict[str, Run | subprocess.TimeoutExpired] = {}


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("malformed")


def run_case(case: Case, workdir: Path) -> Run:
    """Validate the case once per test session (both tests of a case share the run)."""
    if case.name not in _RUNS:
        inputs = workdir / "inputs"
        inputs.mkdir(exist_ok=True)
        cwd = workdir / "cwd" / case.name
        cwd.mkdir(parents=True)
        path = case.materialise(inputs)
        try:
            completed = subprocess.run(
                validate_command(path),
                cwd=cwd,
                capture_output=True,
                timeout=HANG_TIMEOUT_S,
                check=False,
            )
        except subprocess.TimeoutExpired as error:
            _RUNS[case.name] = error
        else:
            _RUNS[case.name] = Run(
                path,
                completed.returncode,
                completed.stdout.decode("utf-8", "replace"),
                completed.stderr.decode("utf-8", "replace"),
                listing(cwd),
            )
        finally:
            if case.path is None:
                path.unlink()  # a generated input may be 50 MB
    result = _RUNS[case.name]
    if isinstance(result, subprocess.TimeoutExpired):
        pytest.fail(f"lifeevents validate did not finish within {HANG_TIMEOUT_S} s on {case.name}")
    return result


@dataclass(frozen=True)
class Reported:
    line: int
    column: int
    message: str

    @property
    def is_warning(self) -> bool:
        return self.message.startswith(WARNING)


def reported(run: Run) -> Iterator[Reported]:
    """The located problems of a run's stderr (other lines are checked elsewhere)."""
    for text in run.stderr.splitlines():
        match = LOCATED.match(text)
        if match and match["file"] == str(run.path):
            yield Reported(int(match["line"]), int(match["column"]), match["message"])


def _params(reason_of: Callable[[Case], str | None]) -> list[object]:
    return [
        pytest.param(
            case,
            id=case.name,
            marks=[pytest.mark.xfail(strict=True, reason=reason)]
            if (reason := reason_of(case))
            else [],
        )
        for case in all_cases()
    ]


# The tests --------------------------------------------------------------------------------


@pytest.mark.parametrize("case", _params(lambda case: case.xfail_contract))
def test_rejected_with_located_problems_only(case: Case, workdir: Path) -> None:
    run = run_case(case, workdir)
    assert run.returncode == 1, run.stdout + run.stderr
    assert "Traceback" not in run.stdout + run.stderr
    assert run.stderr.endswith("\n")
    lines = run.stderr.splitlines()
    assert SUMMARY.match(lines[-1]), lines[-1]
    for text in lines[:-1]:
        match = LOCATED.match(text)
        assert match, f"not FILE:LINE:COLUMN: message: {text!r}"
        assert match["file"] == str(run.path)
        assert int(match["line"]) >= 1
        assert int(match["column"]) >= 1
    assert not run.left_in_cwd, f"files written: {run.left_in_cwd}"


@pytest.mark.parametrize("case", _params(lambda case: case.xfail))
def test_reports_exactly_the_expected_errors(case: Case, workdir: Path) -> None:
    run = run_case(case, workdir)
    problems = list(reported(run))
    for expected in case.expected:
        assert any(expected.matches(p.line, p.column, p.message) for p in problems), (
            f"expected {run.path}:{expected}\ngot:\n{run.stderr}"
        )
    for problem in problems:
        if problem.is_warning:
            continue
        assert any(
            e.matches(problem.line, problem.column, problem.message) for e in case.expected
        ), f"unexpected error {problem}"


def test_enough_cases() -> None:
    assert len(committed_cases()) + len(GENERATED) >= 25
    names = {case.name for case in all_cases()}
    assert len(names) == len(committed_cases()) + len(GENERATED)


def test_validating_every_case_together_writes_nothing(tmp_path: Path) -> None:
    """One run over the folder and the quick generated inputs: no file appears anywhere."""
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    cwd = tmp_path / "cwd"
    cwd.mkdir()
    quick = [case for case in GENERATED if case.xfail_contract is None]
    for case in quick:
        case.materialise(inputs)
    before = (listing(inputs), listing(MALFORMED))
    completed = subprocess.run(
        validate_command(MALFORMED, inputs),
        cwd=cwd,
        capture_output=True,
        timeout=HANG_TIMEOUT_S * 3,
        check=False,
    )
    assert completed.returncode == 1
    files = len(committed_cases()) + len(quick)
    invalid = files - sum(case.xfail_contract is not None for case in committed_cases())
    summary = completed.stderr.decode().splitlines()[-1]
    assert summary == f"{invalid} of {files} file(s) invalid"
    assert listing(cwd) == ()
    assert (listing(inputs), listing(MALFORMED)) == before


@pytest.mark.skipif(shutil.which("touch") is None, reason="needs the touch command")
@pytest.mark.parametrize(
    "case", [pytest.param(c, id=c.name) for c in committed_cases() if "python-tag" in c.name]
)
def test_code_payloads_would_really_write_a_file(case: Case, tmp_path: Path) -> None:
    """Control: an unsafe YAML loader does run these payloads, so 'no file' above means safe."""
    assert case.path is not None
    program = "import sys, yaml; yaml.unsafe_load(open(sys.argv[1], encoding='utf-8'))"
    subprocess.run(
        [sys.executable, "-c", program, str(case.path)],
        cwd=tmp_path,
        capture_output=True,
        timeout=HANG_TIMEOUT_S,
        check=False,
    )
    assert [path.suffix for path in tmp_path.iterdir()] == [".marker"]


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))


@pytest.mark.skipif(not os.path.exists("/dev/zero"), reason="needs /dev/zero")
def test_endless_device_file_is_rejected(tmp_path: Path) -> None:
    completed = subprocess.run(
        validate_command("/dev/zero"),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=HANG_TIMEOUT_S,
        preexec_fn=_limit_memory,  # without a limit the bug would eat all memory
        check=False,
    )
    assert "Traceback" not in completed.stderr
    assert completed.returncode == 1
    assert completed.stderr.startswith("/dev/zero:1:1: ")
