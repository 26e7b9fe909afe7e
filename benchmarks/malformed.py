"""How long ``lifeevents.formats.journey_file.check()`` takes on malformed and hostile input.

Target (issue "malformed files"): every malformed file is rejected in under 2 s.
The cases are those of ``tests/test_malformed.py`` (the committed files in
``tests/malformed/`` and the inputs generated at test time: 50 MB, 10,000 levels
deep, not UTF-8, thousands of problems), plus benchmark-only ones below.

Target (issue "Hardening"): every adversarial shape of ``tests/adversarial.py``
(small files whose shape makes work explode: 10,000 personas, a skipped step
between 2,000 and 2,000 steps, dense dependencies) is rejected at a cap, or
checked, analysed and drawn (blueprint SVG, with Graphviz), in under 2 s each.

Each case is checked once, in process, and given up after ``--give-up`` seconds.
``validate()`` (what ``lifeevents validate`` runs: ``check()`` plus the per-persona
checks of spec rule 5) is timed too. The exit status is 1 when a case is over budget.

    .venv/bin/python benchmarks/malformed.py            # every case
    .venv/bin/python benchmarks/malformed.py nested     # cases whose name contains 'nested'
"""

from __future__ import annotations

import argparse
import signal
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from adversarial import SHAPES, Shape
from lifeevents.analysis.report import analyze
from lifeevents.analysis.validation import validate
from lifeevents.formats.journey_file import check, load
from lifeevents.graph.journey import journey
from lifeevents.model.life_event import LifeEvent
from lifeevents.model.problems import CheckResult
from lifeevents.views.api import render_content
from lifeevents.views.options import RenderOptions
from test_malformed import GENERATED, Case, committed_cases

BUDGET_S = 2.0

#: Committed files that attack the reader rather than the format.
HOSTILE_FILES = (
    "alias-bomb",
    "alias-without-anchor",
    "custom-tag-include",
    "duplicate-mapping-key",
    "mapping-as-key",
    "python-tag-on-root",
    "python-tag-open-file",
    "python-tag-os-system",
    "python-tag-via-tag-directive",
    "two-documents",
)


def _many_unknown_keys() -> bytes:
    # Not in the test suite: slow (seconds) but not a hang, so only measured here.
    return ("format: lifeevents/1\n" + "".join(f"k{i}: 1\n" for i in range(150_000))).encode()


BENCHMARK_ONLY = (Case("many-unknown-keys", (), generate=_many_unknown_keys),)


class GaveUpError(Exception):
    pass


@contextmanager
def give_up_after(seconds: int) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (POSIX; elsewhere wait for it to end)."""
    if not hasattr(signal, "SIGALRM") or seconds <= 0:
        yield
        return

    def interrupt(signum: int, frame: FrameType | None) -> None:
        raise GaveUpError

    previous = signal.signal(signal.SIGALRM, interrupt)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


Checker = Callable[[Path], CheckResult[LifeEvent]]


def timed(checker: Checker, path: Path, give_up: int) -> tuple[float, CheckResult[LifeEvent]]:
    """Seconds one call took, and its result; raises :class:`GaveUpError`."""
    start = time.perf_counter()
    with give_up_after(give_up):
        result = checker(path)
    return time.perf_counter() - start, result


def measure(case: Case, folder: Path, give_up: int) -> tuple[str, bool]:
    """One row of the table (times of check() and validate(), problems), and whether over."""
    path = case.materialise(folder)
    gave_up = f"{f'> {give_up} s':>10}"
    try:
        try:
            check_s, result = timed(check, path, give_up)
        except GaveUpError:
            return f"{gave_up} {'-':>10} {'-':>9}  OVER {BUDGET_S:.0f} s", True
        try:
            validate_s, result = timed(validate, path, give_up)
            validate_cell = f"{validate_s * 1000:>7.1f} ms"
        except GaveUpError:
            validate_s, validate_cell = float(give_up), gave_up
    finally:
        if case.path is None:
            path.unlink()
    over = max(check_s, validate_s) >= BUDGET_S
    row = f"{check_s * 1000:>7.1f} ms {validate_cell} {len(result.problems):>9}"
    if over:
        row += f"  OVER {BUDGET_S:.0f} s"
    if not result.errors:
        row += "  (accepted: a known bug?)"
    return row, over


def measure_shape(shape: Shape, folder: Path, give_up: int) -> tuple[str, bool]:
    """One row for an adversarial shape: validate(), then analyse and draw the valid ones."""
    path = folder / f"{shape.name}.yaml"
    path.write_text(shape.generate(), encoding="utf-8")
    try:
        validate_s, result = timed(validate, path, give_up)
    except GaveUpError:
        return f"{f'> {give_up} s':>10} {'-':>10}  OVER {BUDGET_S:.0f} s", True
    draw_cell = "-"
    draw_s = 0.0
    if shape.valid and result.ok:
        start = time.perf_counter()
        with give_up_after(give_up):
            render_content(analyze(journey(load(path, regions={}))), "svg", RenderOptions())
        draw_s = time.perf_counter() - start
        draw_cell = f"{draw_s * 1000:>7.1f} ms"
    path.unlink()
    over = max(validate_s, draw_s) >= BUDGET_S
    row = f"{validate_s * 1000:>7.1f} ms {draw_cell:>10}"
    if result.ok != shape.valid:
        row += "  (unexpected: " + ("accepted" if result.ok else "rejected") + ")"
        over = True
    if over:
        row += f"  OVER {BUDGET_S:.0f} s"
    return row, over


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("names", nargs="*", help="run only cases whose name contains one of these")
    parser.add_argument(
        "--give-up", type=int, default=30, metavar="SECONDS", help="stop a case after this long"
    )
    arguments = parser.parse_args()

    committed = {case.name: case for case in committed_cases()}
    hostile = [committed[name] for name in HOSTILE_FILES] + [*GENERATED, *BENCHMARK_ONLY]
    others = [case for name, case in committed.items() if name not in HOSTILE_FILES]
    over: list[str] = []
    with tempfile.TemporaryDirectory() as folder:
        for title, cases in (("hostile input", hostile), ("other malformed files", others)):
            print(f"{title}:")
            print(f"  {'case':<32} {'check()':>10} {'validate()':>10} {'problems':>9}")
            for case in cases:
                if arguments.names and not any(part in case.name for part in arguments.names):
                    continue
                row, is_over = measure(case, Path(folder), arguments.give_up)
                print(f"  {case.name:<32} {row}", flush=True)
                if is_over:
                    over.append(case.name)
        print("adversarial shapes (tests/adversarial.py):")
        print(f"  {'case':<32} {'validate()':>10} {'draw':>10}")
        for shape in SHAPES:
            if arguments.names and not any(part in shape.name for part in arguments.names):
                continue
            try:
                row, is_over = measure_shape(shape, Path(folder), arguments.give_up)
            except GaveUpError:
                row, is_over = f"{'-':>10} {f'> {arguments.give_up} s':>10}  OVER", True
            print(f"  {shape.name:<32} {row}", flush=True)
            if is_over:
                over.append(shape.name)
    print(f"over the {BUDGET_S:.0f} s budget: {', '.join(over) or 'none'}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
