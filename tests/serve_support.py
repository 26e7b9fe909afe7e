"""A workshop folder with hostile neighbours, and a real ``lifeevents serve`` server on port 0.

The folder holds the demo journey, a scenario for it, a region file and a journey
of that region, and a journey whose names are markup. Beside it lies a secret
journey file that must never be read through the server: reached by ``..``, by
a symbolic link to the file and by a symbolic link to its folder.
"""

from __future__ import annotations

import http.client
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from lifeevents.library.demo import DEMO_YAML
from lifeevents.server.app import WorkshopServer, serve_in_thread, workshop_server
from lifeevents.text.labels import Language

DATA = Path(__file__).parent / "data"

#: In the secret file only: a page that holds it has read outside the folder.
SECRET = "GEHEIM-7f3a"

SECRET_YAML = f"""\
# {SECRET}
format: lifeevents/1
life_event: {{id: geheim, name: {SECRET}}}
authorities: {{amt: {{name: {SECRET}, level: gemeinde}}}}
steps:
  - {{id: a, name: {SECRET}, authority: amt, channels: [online]}}
"""

SCENARIO_YAML = """\
format: lifeevents-scenario/1
id: kasse-online
name: Gebühr online zahlen
applies_to: [demo]
changes:
  - {step: gebuehr, channels: [online]}
"""

# Names that are markup: they must stay text in every page.
HOSTILE_YAML = """\
format: lifeevents/1
life_event: {id: hostile, name: "<script>alert(1)</script>"}
authorities: {amt: {name: "<img src=x onerror=alert(2)>", level: gemeinde}}
personas:
  fremd: {name: "<b onmouseover=alert(3)>Fremd</b>"}
steps:
  - {id: a, name: "</title><script>alert(4)</script>", authority: amt, channels: [online]}
"""


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def workshop_folder(tmp_path: Path) -> Path:
    """The folder ``tmp_path/workshop`` and its secret neighbour ``tmp_path/outside``."""
    root = tmp_path / "workshop"
    outside = tmp_path / "outside"
    write(outside / "secret.yaml", SECRET_YAML)
    write(tmp_path / "secret.yaml", SECRET_YAML)
    write(root / "demo.yaml", DEMO_YAML)
    write(root / "kasse-online.yaml", SCENARIO_YAML)
    write(root / "regionen" / "kreis-borken.yaml", (DATA / "kreis-borken.yaml").read_text())
    write(root / "regionen" / "borken-umzug.yaml", (DATA / "borken-umzug.yaml").read_text())
    write(root / "hostile.yaml", HOSTILE_YAML)
    write(root / ".versteckt.yaml", SECRET_YAML)
    write(root / "notizen.txt", SECRET)
    (root / "link-out.yaml").symlink_to(outside / "secret.yaml")
    (root / "dir-out").symlink_to(outside, target_is_directory=True)
    (root / "link-in.yaml").symlink_to(root / "demo.yaml")
    return root


#: The YAML files a scan of the workshop folder lists (inside, not hidden, not out).
LISTED = {
    "demo.yaml",
    "hostile.yaml",
    "kasse-online.yaml",
    "link-in.yaml",
    "regionen/borken-umzug.yaml",
    "regionen/kreis-borken.yaml",
}


def tree(folder: Path) -> dict[str, tuple[bytes, int]]:
    """Every file below ``folder`` (not following links) with its bytes and mtime."""
    found = {}
    for path in sorted(folder.rglob("*")):
        if path.is_file() and not path.is_symlink():
            found[str(path.relative_to(folder))] = (path.read_bytes(), path.stat().st_mtime_ns)
    return found


@contextmanager
def running(folder: Path, lang: Language = "de") -> Iterator[WorkshopServer]:
    """A real server over ``folder`` on a free port, serving in a thread."""
    with workshop_server(folder, port=0, lang=lang) as server:
        thread = serve_in_thread(server)
        try:
            yield server
        finally:
            server.shutdown()
            thread.join()


def request(
    server: WorkshopServer,
    target: str,
    *,
    method: str = "GET",
    headers: dict[str, str] | None = None,
) -> tuple[int, http.client.HTTPMessage, bytes]:
    """Send ``target`` exactly as given (no normalisation) and read the whole answer."""
    host, port = server.server_address[:2]
    connection = http.client.HTTPConnection(str(host), int(port), timeout=60)
    try:
        connection.request(method, target, headers=headers or {})
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def touch_later(path: Path, text: str) -> None:
    """Write ``text`` and move the mtime on, so a change shows even on coarse clocks."""
    before = path.stat().st_mtime_ns
    path.write_text(text, encoding="utf-8")
    after = max(path.stat().st_mtime_ns, before + 1_000_000_000)
    os.utime(path, ns=(after, after))
