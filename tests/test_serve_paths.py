"""``lifeevents serve`` reads nothing outside its folder, and notices every edit inside it."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from urllib.parse import unquote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lifeevents.server.paths import confined, scan, yaml_file
from lifeevents.server.watch import Watcher
from serve_support import LISTED, touch_later, workshop_folder

# Pieces of hostile paths: traversal in every spelling, links out, and names inside.
HOSTILE_SEGMENTS = st.sampled_from(
    [
        "..",
        ".",
        "",
        "...",
        "%2e%2e",
        "%2E%2e",
        "%2e",
        "%252e%252e",
        "..%2f",
        "..%5c",
        "%2f",
        "%5c",
        "..\\",
        "\\..",
        "%00",
        "\x00",
        "%c0%ae%c0%ae",
        "．．",
        "~",
        "/",
        "//",
        "outside",
        "secret.yaml",
        "link-out.yaml",
        "dir-out",
        "demo.yaml",
        "link-in.yaml",
        "regionen",
        ".versteckt.yaml",
        "notizen.txt",
        "etc",
        "passwd",
    ]
)
HOSTILE_PATHS = st.lists(HOSTILE_SEGMENTS | st.text(max_size=6), min_size=1, max_size=6).map(
    "/".join
)


@pytest.fixture(scope="module")
def root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return workshop_folder(tmp_path_factory.mktemp("paths")).resolve()


def test_files_inside_are_found(root: Path) -> None:
    assert confined(root, "demo.yaml") == root / "demo.yaml"
    assert confined(root, "regionen/kreis-borken.yaml") == root / "regionen" / "kreis-borken.yaml"
    assert confined(root, "regionen") == root / "regionen"
    # A link that stays inside leads to its target.
    assert confined(root, "link-in.yaml") == root / "demo.yaml"


@pytest.mark.parametrize(
    "relative",
    [
        "../secret.yaml",
        "../outside/secret.yaml",
        "regionen/../../secret.yaml",
        "regionen/../demo.yaml",  # inside, but spelled with '..': refused all the same
        "/etc/passwd",
        "//etc/passwd",
        "./demo.yaml",
        "demo.yaml/",
        "regionen//kreis-borken.yaml",
        "",
        ".versteckt.yaml",
        "link-out.yaml",  # a link to a file outside
        "dir-out/secret.yaml",  # through a link to a folder outside
        "dir-out",
        "demo.yaml\x00.txt",
        "regionen\\kreis-borken.yaml",
        "fehlt.yaml",
    ],
)
def test_paths_that_could_lead_outside_are_refused(root: Path, relative: str) -> None:
    assert confined(root, relative) is None


def test_only_yaml_files_are_read(root: Path) -> None:
    assert yaml_file(root, "demo.yaml") == root / "demo.yaml"
    assert yaml_file(root, "notizen.txt") is None
    assert yaml_file(root, "regionen") is None


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(relative=HOSTILE_PATHS)
def test_no_path_leads_outside(root: Path, relative: str) -> None:
    # The HTTP layer decodes percent-encoding once; try the text as given and decoded.
    for candidate in (relative, unquote(relative, errors="replace")):
        found = confined(root, candidate)
        if found is not None:
            assert found.is_relative_to(root)
            assert found.exists()
            assert ".." not in candidate.split("/")
        served = yaml_file(root, candidate)
        if served is not None:
            assert served.is_relative_to(root)
            assert "GEHEIM" not in served.read_text(encoding="utf-8")


def test_scan_lists_exactly_the_readable_yaml_files(root: Path) -> None:
    snapshot = scan(root)
    assert set(snapshot.files) == LISTED
    assert snapshot.complete
    for relative in snapshot.files:
        assert yaml_file(root, relative) is not None


def test_scan_stops_at_the_file_cap(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("lifeevents.server.paths.MAX_FILES", 3)
    for number in range(5):
        (tmp_path / f"{number}.yaml").write_text("x")
    snapshot = scan(tmp_path.resolve())
    assert sorted(snapshot.files) == ["0.yaml", "1.yaml", "2.yaml"]
    assert not snapshot.complete


def test_scan_skips_tool_folders(tmp_path: Path) -> None:
    for folder in ("node_modules", "__pycache__", ".git", "gut"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.yaml").write_text("x")
    assert sorted(scan(tmp_path.resolve()).files) == ["gut/a.yaml"]


def test_watcher_sees_every_kind_of_edit(tmp_path: Path) -> None:
    root = tmp_path.resolve()
    watcher = Watcher(root)
    versions = [watcher.version]
    assert not watcher.poll()  # nothing changed
    target = root / "a.yaml"
    target.write_text("eins")
    edits: list[Callable[[], object]] = [
        lambda: touch_later(target, "zwei"),  # edited in place
        lambda: (root / "b.yaml").write_text("neu"),  # created
        lambda: os.replace(root / "b.yaml", target),  # saved by renaming over it
        lambda: target.unlink(),  # deleted
    ]
    assert watcher.poll()
    versions.append(watcher.version)
    for edit in edits:
        edit()
        assert watcher.poll()
        versions.append(watcher.version)
    assert len(set(versions)) == len(versions)
    assert watcher.snapshot.files == {}


def test_waiting_for_a_version() -> None:
    watcher = Watcher(Path("/nonexistent-lifeevents-folder"))
    current = watcher.version
    assert watcher.wait("older", timeout=0) == current  # a page of an older version
    assert watcher.wait(current, timeout=0) is None  # nothing new yet
    watcher.stop()
    assert watcher.wait("older", timeout=0) is None  # stopped: streams end
    assert watcher.stopped


def test_versions_differ_between_runs(tmp_path: Path) -> None:
    # A page from an earlier run of the server reloads on the new one.
    assert Watcher(tmp_path).version != Watcher(tmp_path).version
