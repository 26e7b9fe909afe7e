"""``lifeevents serve``: the checked files, what a choice shows, and a real server on port 0."""

from __future__ import annotations

import http.client
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lifeevents.library.builtin import builtin_journeys
from lifeevents.server.app import WorkshopServer
from lifeevents.server.choice import Choice
from lifeevents.server.outcome import Memory, outcome
from lifeevents.server.paths import scan
from lifeevents.server.workspace import Files, Kind, Workspace
from lifeevents.text.labels import label
from serve_support import (
    LISTED,
    SCENARIO_YAML,
    SECRET,
    request,
    running,
    touch_later,
    tree,
    workshop_folder,
    write,
)
from test_serve_paths import HOSTILE_PATHS

pytestmark = pytest.mark.exe  # the maps are drawn with Graphviz

BROKEN = "channels: [in_persn]"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    return workshop_folder(tmp_path)


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Iterator[WorkshopServer]:
    """One server over one folder for the tests that change nothing."""
    with running(workshop_folder(tmp_path_factory.mktemp("shared"))) as server:
        yield server


def _workspace(folder: Path) -> Workspace:
    return Workspace(folder, Path("werkstatt"))


def _files(workspace: Workspace) -> Files:
    return workspace.files(scan(workspace.root))


# The checked files -----------------------------------------------------------------------


def test_each_file_is_checked_as_what_it_is(folder: Path) -> None:
    workspace = _workspace(folder)
    files = _files(workspace)
    kinds = {entry.name: entry.kind for entry in files.folder_files}
    assert kinds == {
        "demo.yaml": Kind.JOURNEY,
        "hostile.yaml": Kind.JOURNEY,
        "link-in.yaml": Kind.JOURNEY,
        "regionen/borken-umzug.yaml": Kind.JOURNEY,
        "kasse-online.yaml": Kind.SCENARIO,
        "regionen/kreis-borken.yaml": Kind.REGION,
    }
    assert all(not entry.errors for entry in files.folder_files)
    # The folder's region joins the built-in ones, so its journey resolves.
    assert "kreis-borken" in files.region_models
    assert not files.builtin_journeys
    # Built-in scenarios are always offered, after the folder's.
    assert next(entry.key for entry in files.scenarios) == "file:kasse-online.yaml"
    assert any(entry.key.startswith("builtin:") for entry in files.scenarios)


def test_problems_name_the_file_as_the_folder_was_given(folder: Path) -> None:
    (folder / "demo.yaml").write_text(
        (folder / "demo.yaml").read_text().replace("channels: [online]", BROKEN)
    )
    entry = _files(_workspace(folder)).entry("file:demo.yaml")
    assert entry is not None
    assert entry.model is None
    assert [str(problem).split(": ")[0] for problem in entry.errors] == [
        "werkstatt/demo.yaml:20:17"
    ]


def test_a_file_is_checked_again_only_when_it_changes(folder: Path) -> None:
    workspace = _workspace(folder)
    first = _files(workspace).entry("file:demo.yaml")
    assert _files(workspace).entry("file:demo.yaml") is first
    touch_later(folder / "demo.yaml", (folder / "demo.yaml").read_text() + "\n")
    assert _files(workspace).entry("file:demo.yaml") is not first


def test_without_journeys_the_builtin_ones_are_offered(tmp_path: Path) -> None:
    write(tmp_path / "szenario.yaml", SCENARIO_YAML)
    files = _files(Workspace(tmp_path, tmp_path))
    assert files.builtin_journeys
    assert [entry.name for entry in files.journeys] == list(builtin_journeys())
    # A YAML file without a format line counts as a journey, as `lifeevents validate`
    # checks it: then the folder has one (with problems), and the built-in ones go.
    write(tmp_path / "liste.yaml", "- eins\n- zwei\n")
    files = _files(Workspace(tmp_path, tmp_path))
    assert not files.builtin_journeys
    assert [entry.name for entry in files.journeys] == ["liste.yaml"]
    assert files.journeys[0].errors


# What a choice shows ---------------------------------------------------------------------


def test_a_choice_is_completed_against_the_files(folder: Path) -> None:
    workspace = _workspace(folder)
    files = _files(workspace)
    shown = outcome(
        files,
        Choice(journey="file:demo.yaml", persona="unbekannt", view="diff", scenarios=("x",)),
        "de",
        Memory(),
        workspace,
    )
    # An unknown persona becomes the first; the difference view needs a scenario.
    assert shown.choice.persona == "default"
    assert shown.choice.view == "blueprint"
    assert shown.choice.scenarios == ()
    assert [key for key, _ in shown.offer.personas] == ["default", "mit-auto"]
    assert [entry.key for entry in shown.offer.scenarios] == ["file:kasse-online.yaml"]


def test_figures_today_and_with_the_scenario(folder: Path) -> None:
    workspace = _workspace(folder)
    choice = Choice(
        journey="file:demo.yaml", persona="mit-auto", scenarios=("file:kasse-online.yaml",)
    )
    shown = outcome(_files(workspace), choice, "de", Memory(), workspace).shown
    assert shown is not None
    figures = {name: (today, changed) for name, today, changed in shown.figures}
    # Hand-computed: the fee paid online drops the cash desk visit (3 visits, minimum 2
    # today; docs of lifeevents.library.demo) to 2 and 2.
    assert figures[label("visits_modelled", "de")] == ("3", "2")
    assert figures[label("visits_minimum", "de")] == ("2", "2")
    assert "Gebühr online zahlen" in shown.subtitle


def test_a_region_of_the_folder_offers_its_municipalities(folder: Path) -> None:
    workspace = _workspace(folder)
    choice = Choice(journey="file:regionen/borken-umzug.yaml", municipality="gescher")
    result = outcome(_files(workspace), choice, "en", Memory(), workspace)
    assert result.offer.municipalities == (("bocholt", "Bocholt"), ("gescher", "Gescher"))
    assert result.choice.municipality == "gescher"
    assert result.shown is not None
    assert "Gescher" in result.shown.subtitle


def test_a_broken_file_shows_its_problems_and_the_last_good_map(folder: Path) -> None:
    workspace = _workspace(folder)
    memory = Memory()
    choice = Choice(journey="file:demo.yaml")
    good = outcome(_files(workspace), choice, "de", memory, workspace)
    assert good.shown is not None
    assert not good.problems
    text = (folder / "demo.yaml").read_text()
    touch_later(folder / "demo.yaml", text.replace("channels: [online]", BROKEN))
    broken = outcome(_files(workspace), choice, "de", memory, workspace)
    assert broken.shown is None
    assert [problem.line for problem in broken.problems] == [20]
    assert broken.last_good == good.shown
    # The form still offers the personas of the last valid version.
    assert [key for key, _ in broken.offer.personas] == ["default", "mit-auto"]


def test_a_scenario_that_does_not_apply_is_a_note(folder: Path) -> None:
    workspace = _workspace(folder)
    choice = Choice(journey="file:demo.yaml", scenarios=("builtin:ewa",))
    shown = outcome(_files(workspace), choice, "en", Memory(), workspace).shown
    assert shown is not None
    assert len(shown.notes) == 1
    assert "not meant for this life event" in shown.notes[0]


# A real server -----------------------------------------------------------------------------


def test_the_page_shows_map_figures_and_findings(shared: WorkshopServer) -> None:
    status, headers, body = request(shared, "/?journey=file%3Ademo.yaml&persona=mit-auto")
    page = body.decode("utf-8")
    assert status == 200
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert "script-src 'self'" in headers["Content-Security-Policy"]
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "<svg" in page
    assert "<?xml" not in page
    assert label("serve.figures", "de") in page
    assert label("findings", "de") in page
    assert "Fahrzeug ummelden" in page
    # Every script and style is the server's own; nothing else is loaded.
    assert re.findall(r'<script[^>]*src="([^"]+)"', page) == ["/static/serve.js"]
    assert "<script>" not in page
    assert "style=" not in page


def test_names_from_files_stay_text(folder: Path) -> None:
    with running(folder, lang="en") as server:
        _, _, body = request(server, "/?journey=file%3Ahostile.yaml&persona=fremd")
        _, _, source = request(server, "/source/hostile.yaml")
    for page in (body.decode("utf-8"), source.decode("utf-8")):
        assert "<script>alert" not in page
        assert "<b onmouseover" not in page
        assert "<img src=x" not in page
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_static_files_and_methods(shared: WorkshopServer) -> None:
    assert request(shared, "/static/serve.js")[0] == 200
    assert request(shared, "/static/serve.css")[0] == 200
    status, headers, body = request(shared, "/", method="HEAD")
    assert status == 200
    assert body == b""
    assert int(headers["Content-Length"]) > 0
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        status, headers, _ = request(shared, "/", method=method)
        assert status == 405
        assert headers["Allow"] == "GET, HEAD"
    assert request(shared, "/nichts")[0] == 404


def test_only_requests_that_name_the_server_are_answered(shared: WorkshopServer) -> None:
    # A page on another site that rebinds its domain name to 127.0.0.1 sends its own name.
    port = shared.server_address[1]
    assert request(shared, "/", headers={"Host": "evil.example"})[0] == 403
    assert request(shared, "/", headers={"Host": f"evil.example:{port}"})[0] == 403
    assert request(shared, "/", headers={"Host": f"localhost:{port}"})[0] == 200


@pytest.mark.parametrize(
    "target",
    [
        "/source/../secret.yaml",
        "/source/../outside/secret.yaml",
        "/source/%2e%2e/secret.yaml",
        "/source/%2E%2E%2Fsecret.yaml",
        "/source/..%2fsecret.yaml",
        "/source/%2e%2e%2f%2e%2e%2fsecret.yaml",
        "/source/%252e%252e/secret.yaml",
        "/source/link-out.yaml",
        "/source/dir-out/secret.yaml",
        "/source/dir-out%2fsecret.yaml",
        "/source//etc/passwd",
        "/source/%2fetc%2fpasswd",
        "/source/.versteckt.yaml",
        "/source/notizen.txt",
        "/source/demo.yaml%00.txt",
        "//etc/passwd",
        "/../secret.yaml",
        "/static/../../secret.yaml",
        "/?journey=file%3A..%2Fsecret.yaml",
        "/?journey=file%3Alink-out.yaml",
        "/?journey=file%3Adir-out%2Fsecret.yaml",
        "/?journey=file%3A%2Ftmp%2Fsecret.yaml",
        "/view.html?journey=file%3Alink-out.yaml",
    ],
)
def test_paths_outside_the_folder_are_refused(shared: WorkshopServer, target: str) -> None:
    status, _, body = request(shared, target)
    assert SECRET not in body.decode("utf-8", "replace")
    if target.startswith(("/source", "//", "/../", "/static")):
        assert status == 404


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(relative=HOSTILE_PATHS, route=st.sampled_from(["/source/", "/?journey=file:", "/"]))
def test_no_request_reads_outside_the_folder(
    shared: WorkshopServer, relative: str, route: str
) -> None:
    # Spaces and control characters cannot travel raw in a request line: encode them,
    # keep every '%' sequence and '/' as the attacker wrote it.
    target = route + quote(relative, safe="/%:?=&\\")
    status, _, body = request(shared, target)
    assert SECRET not in body.decode("utf-8", "replace")
    assert status in (200, 404)
    if route == "/source/" and status == 200:
        # Only a file the folder lists is ever shown.
        assert any(f"<h1>{name}</h1>".encode() in body for name in LISTED)


def test_the_server_writes_nothing(folder: Path) -> None:
    before = tree(folder.parent)
    with running(folder) as server:
        for target in (
            "/",
            "/?journey=file%3Ademo.yaml&scenario=file%3Akasse-online.yaml&view=diff",
            "/view.html?journey=file%3Ademo.yaml",
            "/source/demo.yaml",
            "/source/regionen/kreis-borken.yaml",
        ):
            assert request(server, target)[0] == 200
    assert tree(folder.parent) == before


def test_the_interactive_view_of_a_choice(folder: Path) -> None:
    with running(folder) as server:
        status, headers, body = request(server, "/view.html?journey=file%3Ademo.yaml")
        assert status == 200
        # The view's own policy (in the page) lets its script run; the header adds framing only.
        assert "script-src" not in headers["Content-Security-Policy"]
        assert b"lifeevents-steps" in body
        text = (folder / "demo.yaml").read_text()
        touch_later(folder / "demo.yaml", text.replace("channels: [online]", BROKEN))
        server.watcher.poll()
        assert request(server, "/view.html?journey=file%3Ademo.yaml")[0] == 409


def test_an_edit_reaches_an_open_event_stream(folder: Path) -> None:
    with running(folder) as server:
        version = server.watcher.version
        host, port = server.server_address[:2]
        connection = http.client.HTTPConnection(str(host), int(port), timeout=60)
        connection.request("GET", f"/events?since={version}")
        stream = connection.getresponse()
        assert stream.headers["Content-Type"] == "text/event-stream; charset=utf-8"
        assert stream.readline() == b"retry: 1000\n"
        assert stream.readline() == b"\n"
        touch_later(folder / "demo.yaml", (folder / "demo.yaml").read_text() + "\n")
        # The watcher's own thread notices the edit; the stream then names the new version.
        line = stream.readline().decode("ascii")
        connection.close()
    assert line.startswith("data: ")
    assert line.strip() != f"data: {version}"


def test_the_source_view_marks_the_lines_with_problems(folder: Path) -> None:
    text = (folder / "demo.yaml").read_text()
    write(folder / "demo.yaml", text.replace("channels: [online]", BROKEN))
    with running(folder) as server:
        status, _, body = request(server, "/source/demo.yaml")
        _, _, main = request(server, "/?journey=file%3Ademo.yaml")
    page = body.decode("utf-8")
    assert status == 200
    assert '<li id="L20" class="marked">' in page
    # The main page names the problem FILE:LINE:COLUMN and links to that line.
    link = f'<a href="/source/demo.yaml#L20">{folder}/demo.yaml:20:17</a>'
    assert link in main.decode("utf-8")


def test_builtin_journeys_without_a_folder_of_journeys(tmp_path: Path) -> None:
    with running(tmp_path) as server:
        status, _, body = request(server, "/")
    assert status == 200
    assert label("serve.builtin_journeys", "de") in body.decode("utf-8")


def test_a_file_that_disappears(folder: Path) -> None:
    with running(folder) as server:
        assert request(server, "/source/hostile.yaml")[0] == 200
        (folder / "hostile.yaml").unlink()
        server.watcher.poll()
        assert request(server, "/source/hostile.yaml")[0] == 404
        shutil.rmtree(folder / "regionen")
        server.watcher.poll()
        assert request(server, "/?journey=file%3Aregionen%2Fborken-umzug.yaml")[0] == 200


def test_a_broken_file_keeps_its_name_and_last_good_map_on_the_page(folder: Path) -> None:
    with running(folder) as server:
        assert b"<h1>Umzug</h1>" in request(server, "/?journey=file%3Ademo.yaml")[2]
        text = (folder / "demo.yaml").read_text()
        touch_later(folder / "demo.yaml", text.replace("channels: [online]", BROKEN))
        server.watcher.poll()
        page = request(server, "/?journey=file%3Ademo.yaml")[2].decode("utf-8")
    assert "<h1>Umzug</h1>" in page
    assert '<section id="problems"' in page
    assert '<details id="last-good"' in page
    assert page.count("<svg") == 1  # the last good map, behind one click
