"""``lifeevents serve`` through a real subprocess: the printed address, a page, Ctrl-C."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from lifeevents.library.demo import DEMO_YAML
from lifeevents.text.labels import label

TIMEOUT_S = 60


@contextmanager
def serving(*arguments: str | Path, cwd: Path | None = None) -> Iterator[subprocess.Popen[str]]:
    """``python -m lifeevents serve ARGUMENTS --port 0``, ended (if still running) afterwards."""
    process = subprocess.Popen(
        [sys.executable, "-m", "lifeevents", "serve", *map(str, arguments), "--port", "0"],
        cwd=cwd,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        encoding="utf-8",
    )
    try:
        yield process
    finally:
        if process.poll() is None:
            process.kill()
        process.communicate(timeout=TIMEOUT_S)


def _get(url: str) -> tuple[int, str]:
    with urllib.request.urlopen(url, timeout=TIMEOUT_S) as response:
        return response.status, response.read().decode("utf-8")


@pytest.mark.exe
@pytest.mark.skipif(not hasattr(signal, "SIGINT"), reason="needs SIGINT")
def test_serve_prints_its_address_serves_the_page_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    (tmp_path / "demo.yaml").write_text(DEMO_YAML, encoding="utf-8")
    before = sorted(os.listdir(tmp_path))
    with serving(tmp_path, "--lang", "en") as process:
        assert process.stdout is not None
        url = process.stdout.readline().strip()
        assert url.startswith("http://127.0.0.1:")
        assert url.endswith("/")
        assert not url.endswith(":0/")  # port 0 picked a free port, and says which
        status, page = _get(url)
        assert status == 200
        assert label("serve.app", "en") in page
        assert "Umzug" in page
        process.send_signal(signal.SIGINT)  # Ctrl-C
        _, stderr = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 130
    assert "lifeevents serve: interrupted" in stderr
    assert "Traceback" not in stderr
    assert sorted(os.listdir(tmp_path)) == before  # it wrote nothing


def test_serve_stops_on_sigterm(tmp_path: Path) -> None:
    with serving(tmp_path) as process:
        assert process.stdout is not None
        assert process.stdout.readline().startswith("http://")
        process.terminate()
        _, stderr = process.communicate(timeout=TIMEOUT_S)
    assert process.returncode == 143
    assert "Traceback" not in stderr


def test_serve_a_missing_folder_is_wrong_usage(tmp_path: Path) -> None:
    completed = subprocess.run(
        [sys.executable, "-m", "lifeevents", "serve", str(tmp_path / "fehlt")],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=False,
    )
    assert completed.returncode == 2
    assert "is not a folder" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_serve_a_port_in_use_is_a_clear_error(tmp_path: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        completed = subprocess.run(
            [sys.executable, "-m", "lifeevents", "serve", str(tmp_path), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT_S,
            check=False,
        )
    assert completed.returncode == 1
    assert f"cannot listen on 127.0.0.1:{port}" in completed.stderr
    assert "Traceback" not in completed.stderr


def test_help_does_not_load_the_server() -> None:
    # `lifeevents --help` stays fast: registering serve imports no server module.
    code = (
        "import sys\n"
        "from lifeevents.cli.main import build_parser\n"
        "build_parser()\n"
        "print(sorted(m for m in sys.modules if m.startswith('lifeevents.server.')))\n"
    )
    completed = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=TIMEOUT_S, check=True
    )
    assert completed.stdout.strip() == "['lifeevents.server.command']"
    help_text = subprocess.run(
        [sys.executable, "-m", "lifeevents", "serve", "--help"],
        capture_output=True,
        text=True,
        timeout=TIMEOUT_S,
        check=True,
    ).stdout
    assert "--host" in help_text
    assert "--port" in help_text
