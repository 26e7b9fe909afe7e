"""``lifeevents sweep`` through a real subprocess: outputs, the progress bar, errors."""

from __future__ import annotations

import io
import os
import pty
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from lifeevents.studies import KEY_COLUMNS, sweep

LIFEEVENTS = [sys.executable, "-m", "lifeevents"]


def _run(*arguments: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*LIFEEVENTS, *arguments],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )


def test_csv_is_the_frame_of_the_api(tmp_path: Path) -> None:
    done = _run(
        "sweep",
        "geburt",
        "todesfall",
        "--municipality",
        "rheine",
        "saerbeck",
        "--scenario",
        "urkunden-direkt",
        "-o",
        "study.csv",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    written = pd.read_csv(tmp_path / "study.csv", keep_default_na=False)
    expected = sweep(
        ["geburt", "todesfall"],
        municipalities=["rheine", "saerbeck"],
        scenarios=["urkunden-direkt"],
    )
    assert list(written.columns) == list(expected.columns)
    assert written.astype(str).values.tolist() == expected.astype(str).values.tolist()
    assert done.stderr == f"wrote study.csv ({len(expected)} rows)\n"
    assert oct((tmp_path / "study.csv").stat().st_mode & 0o777) != "0o600"


def test_all_municipalities_and_combinations(tmp_path: Path) -> None:
    done = _run(
        "sweep",
        "umzug-innerhalb-kreis",
        "--persona",
        "all",
        "--municipality",
        "all",
        "--scenario",
        "kfz-online",
        "--scenario",
        "ewa",
        "--scenario-combinations",
        "-o",
        "-",
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    frame = pd.read_csv(io.StringIO(done.stdout), keep_default_na=False)
    assert frame["municipality"].nunique() == 24
    assert list(dict.fromkeys(frame["scenarios"])) == ["", "kfz-online", "ewa", "kfz-online+ewa"]


@pytest.mark.parametrize("suffix", [".parquet", ".xlsx"])
def test_parquet_and_workbook(tmp_path: Path, suffix: str) -> None:
    done = _run("sweep", "todesfall", "--backend", "processes", "-o", f"s{suffix}", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    path = tmp_path / f"s{suffix}"
    frame = pd.read_parquet(path) if suffix == ".parquet" else pd.read_excel(path)
    assert list(frame.columns[: len(KEY_COLUMNS)]) == list(KEY_COLUMNS)
    assert len(frame) == len(sweep("todesfall"))
    first = path.read_bytes()
    assert _run("sweep", "todesfall", "-q", "-o", f"s{suffix}", cwd=tmp_path).returncode == 0
    assert path.read_bytes() == first  # no clock in the file


def test_a_progress_bar_on_a_terminal_only(tmp_path: Path) -> None:
    arguments = [*LIFEEVENTS, "sweep", "geburt", "--municipality", "all", "-o", "s.csv"]
    controller, terminal = pty.openpty()
    process = subprocess.Popen(arguments, cwd=tmp_path, stderr=terminal, stdout=subprocess.DEVNULL)
    os.close(terminal)
    seen = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # the terminal closed with the process
            break
        if not chunk:
            break
        seen += chunk
    assert process.wait(timeout=120) == 0
    os.close(controller)
    assert b"sweep" in seen
    assert b"120/120" in seen  # 24 municipalities x 5 personas
    assert b"\x1b[" in seen  # drawn, not escaped
    piped = _run("sweep", "geburt", "--municipality", "all", "-o", "s.csv", cwd=tmp_path)
    assert piped.stderr == "wrote s.csv (120 rows)\n"


@pytest.mark.parametrize(
    ("arguments", "code", "message"),
    [
        (["gebur"], 2, "lifeevents sweep: 'gebur' is neither a file nor a built-in journey"),
        (["geburt", "--municipality", "rhein"], 2, "(did you mean 'rheine'?)"),
        (["geburt", "--persona", "niemand"], 2, "no persona 'niemand' in 'geburt'"),
        (["geburt", "--persona", "all", "default"], 2, "'all' stands alone"),
        (["geburt", "--scenario", "nix"], 2, "'nix' is neither a file nor a built-in scenario"),
        (["geburt", "--scheduler", "tcp://127.0.0.1:1"], 2, "--scheduler needs --backend dask"),
        (["geburt", "--workers", "0"], 2, "--workers must be at least 1"),
    ],
)
def test_wrong_usage_is_one_line(
    tmp_path: Path, arguments: list[str], code: int, message: str
) -> None:
    done = _run("sweep", *arguments, "-o", "s.csv", cwd=tmp_path)
    assert done.returncode == code
    assert message in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert "Traceback" not in done.stderr
    assert not (tmp_path / "s.csv").exists()


def test_wrong_output_before_any_work(tmp_path: Path) -> None:
    done = _run("sweep", "geburt", "-o", "s.txt", cwd=tmp_path)
    assert (done.returncode, done.stderr) == (
        2,
        "lifeevents sweep: cannot write '.txt': name the output *.csv, *.parquet, *.xlsx\n",
    )
    missing = _run("sweep", "geburt", "-o", "nowhere/s.csv", cwd=tmp_path)
    assert (missing.returncode, missing.stderr) == (
        1,
        "lifeevents sweep: nowhere: no such folder\n",
    )


def test_invalid_journey_and_scenario_are_located(tmp_path: Path) -> None:
    (tmp_path / "kaputt.yaml").write_text(
        "format: lifeevents-scenario/1\nid: kaputt\nname: Kaputt\n"
        "changes: [{step: gibt-es-nicht, remove: true}]\n",
        encoding="utf-8",
    )
    done = _run("sweep", "geburt", "--scenario", "kaputt.yaml", "-o", "s.csv", cwd=tmp_path)
    assert done.returncode == 1
    assert done.stderr.startswith("kaputt.yaml:4:")
    assert "gibt-es-nicht" in done.stderr
    (tmp_path / "j.yaml").write_text(
        "format: lifeevents/1\nlife_event: {id: j}\n", encoding="utf-8"
    )
    bad = _run("sweep", "j.yaml", "-o", "s.csv", cwd=tmp_path)
    assert bad.returncode == 1
    assert all(line.startswith("j.yaml:") for line in bad.stderr.splitlines())
    assert not (tmp_path / "s.csv").exists()


def test_help_does_not_import_pandas_or_dask() -> None:
    code = (
        "import sys; from lifeevents.cli.main import build_parser; build_parser(); "
        "print(sorted(m for m in ('pandas', 'dask', 'distributed', 'rich') if m in sys.modules))"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]"
