"""The HTTP side of ``lifeevents serve``: the standard library's threading server, no framework.

Addresses (``GET`` and ``HEAD`` only; nothing is ever written):

``/``
    the workshop page for the choice in the query string (see
    :class:`~lifeevents.server.outcome.Choice`);
``/view.html``
    the interactive HTML view of the same choice (:func:`lifeevents.render`);
``/source/PATH``
    a YAML file of the folder with numbered lines and its problems marked;
``/events``
    Server-Sent Events: the version of the files, each time it changes;
``/static/serve.css``, ``/static/serve.js``
    the page's own style and script.

Every response forbids sniffing, framing and referrers; pages may load only the
server's own style and script (Content-Security-Policy). Bound to a loopback
address, the server answers only requests whose ``Host`` names it, so a web page
elsewhere cannot read the folder through a rebound domain name.
"""

from __future__ import annotations

import ipaddress
import socket
import sys
import threading
import traceback
from collections.abc import Iterator
from contextlib import contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, unquote

from lifeevents.formats.reading import READ_LIMIT, read_limited
from lifeevents.server.choice import Choice
from lifeevents.server.drawing import interactive_page
from lifeevents.server.outcome import Memory, outcome
from lifeevents.server.page import main_page, message_page, source_page
from lifeevents.server.paths import yaml_file
from lifeevents.server.watch import Watcher
from lifeevents.server.workspace import Files, Workspace
from lifeevents.text.labels import Language

__all__ = ["DEFAULT_PORT", "WorkshopServer", "is_loopback", "workshop_server"]

#: The port when none is given.
DEFAULT_PORT = 8765
#: Seconds between keep-alive comments on an idle event stream (to notice closed pages).
KEEP_ALIVE_SECONDS = 15.0

_STATIC = Path(__file__).with_name("static")
_STATIC_FILES = {
    "/static/serve.css": ("text/css; charset=utf-8", _STATIC / "serve.css"),
    "/static/serve.js": ("text/javascript; charset=utf-8", _STATIC / "serve.js"),
}
_CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
# The interactive view brings its own policy (its script by hash) in a <meta> element.
_VIEW_CSP = "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
_HTML = "text/html; charset=utf-8"


def is_loopback(host: str) -> bool:
    """Whether ``host`` is only reachable from this machine.

    Parameters
    ----------
    host : str
        A host name or an IP address (IPv6 with or without brackets).

    Returns
    -------
    bool
        True for ``localhost`` and loopback addresses; False for any other name,
        which may resolve anywhere.

    Examples
    --------
    >>> is_loopback("[::1]"), is_loopback("example.org")
    (True, False)
    >>> is_loopback("127.0.0.1"), is_loopback("localhost"), is_loopback("0.0.0.0")
    (True, True, False)
    """
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


class WorkshopServer(ThreadingHTTPServer):
    """The server of one folder: its files, their watcher, the language, the drawings.

    Usually made by :func:`workshop_server`, which also starts and stops the watcher.

    Parameters
    ----------
    address : tuple of (str, int)
        Host and port to listen on (port 0: a free one).
    workspace : Workspace
        The folder's files.
    watcher : Watcher
        Notices edits in the folder.
    lang : {"de", "en"}
        The language of the pages.

    Attributes
    ----------
    url : str
        The address to open in a browser.
    allowed_hosts : frozenset of str or None
        On a loopback address, the ``Host`` headers it answers; ``None`` elsewhere.
    memory : Memory
        The drawings made so far.

    Examples
    --------
    Building a server binds and listens on a socket, so the lines that do are
    not run as doctests (``+SKIP``); nothing is served until ``serve_forever()``:

    >>> import tempfile
    >>> from pathlib import Path
    >>> folder = tempfile.TemporaryDirectory()
    >>> workspace = Workspace(Path(folder.name), Path("workshop"))
    >>> watcher = Watcher(workspace.root)
    >>> server = WorkshopServer(("127.0.0.1", 0), workspace, watcher, "en")  # doctest: +SKIP
    >>> server.url  # doctest: +SKIP
    'http://127.0.0.1:41327/'
    >>> server.server_close()  # doctest: +SKIP
    >>> folder.cleanup()
    """

    daemon_threads = True  # open event streams do not keep the process alive

    def __init__(
        self,
        address: tuple[str, int],
        workspace: Workspace,
        watcher: Watcher,
        lang: Language,
    ) -> None:
        host = address[0]
        self.address_family = socket.AF_INET6 if ":" in host else socket.AF_INET
        super().__init__(address, _Handler)
        self.workspace = workspace
        self.watcher = watcher
        self.lang = lang
        self.memory = Memory()
        port = self.server_address[1]
        shown = f"[{host}]" if ":" in host else host
        self.url = f"http://{shown}:{port}/"
        self.allowed_hosts: frozenset[str] | None = None
        if is_loopback(host):
            names = {"localhost", "127.0.0.1", "[::1]", shown}
            self.allowed_hosts = frozenset(
                {f"{name}:{port}" for name in names} | (names if port == 80 else set())
            )

    def files(self) -> tuple[str, Files]:
        """The version of the files and the files, checked."""
        version, snapshot = self.watcher.state()
        return version, self.workspace.files(snapshot)


class _Handler(BaseHTTPRequestHandler):
    server: WorkshopServer

    def version_string(self) -> str:
        return "lifeevents-serve"

    def log_message(self, format: str, *args: Any) -> None:
        """Requests are not logged: the terminal stays readable in the workshop."""

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def do_POST(self) -> None:
        self._refuse_method()

    def do_PUT(self) -> None:
        self._refuse_method()

    def do_DELETE(self) -> None:
        self._refuse_method()

    def do_PATCH(self) -> None:
        self._refuse_method()

    def _refuse_method(self) -> None:
        self._send(
            HTTPStatus.METHOD_NOT_ALLOWED,
            "text/plain; charset=utf-8",
            b"lifeevents serve only reads: GET and HEAD\n",
            headers={"Allow": "GET, HEAD"},
        )

    def _answer(self, *, with_body: bool) -> None:
        self._with_body = with_body
        try:
            self._route()
        except (BrokenPipeError, ConnectionResetError, ConnectionAbortedError):
            pass  # the page went away
        except Exception:  # a bug: say so in the terminal, answer 500, keep serving
            traceback.print_exc(file=sys.stderr)
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, "text/plain; charset=utf-8", b"error\n")

    def _route(self) -> None:
        host = self.headers.get("Host")
        allowed = self.server.allowed_hosts
        if allowed is not None and host is not None and host.lower() not in allowed:
            self._send(HTTPStatus.FORBIDDEN, "text/plain; charset=utf-8", b"unknown host\n")
            return
        # Never urlsplit(): it reads "//name/..." as a host. The path is what precedes "?".
        path, _, query = self.path.partition("?")
        path = path.partition("#")[0]
        if path in _STATIC_FILES:
            content_type, file = _STATIC_FILES[path]
            self._send(HTTPStatus.OK, content_type, file.read_bytes())
        elif path == "/":
            self._main(query)
        elif path == "/view.html":
            self._view(query)
        elif path == "/events" and self._with_body:
            self._events(query)
        elif path.startswith("/source/"):
            self._source(unquote(path.removeprefix("/source/"), errors="replace"))
        else:
            self._not_found()

    def _main(self, query: str) -> None:
        server = self.server
        version, files = server.files()
        choice = Choice.from_query(parse_qs(query))
        shown = outcome(files, choice, server.lang, server.memory, server.workspace)
        page = main_page(shown, files, server.workspace, server.lang, version)
        self._send(HTTPStatus.OK, _HTML, page.encode("utf-8"))

    def _view(self, query: str) -> None:
        server = self.server
        version, files = server.files()
        choice = Choice.from_query(parse_qs(query))
        page = interactive_page(files, choice, server.lang, server.workspace)
        if page is None:
            message = message_page("serve.not_drawable", server.lang, version)
            self._send(HTTPStatus.CONFLICT, _HTML, message.encode("utf-8"))
            return
        self._send(HTTPStatus.OK, _HTML, page.encode("utf-8"), csp=_VIEW_CSP)

    def _source(self, relative: str) -> None:
        server = self.server
        version, files = server.files()
        entry = next((item for item in files.folder_files if item.relative == relative), None)
        path = yaml_file(server.workspace.root, relative) if entry is not None else None
        if entry is None or path is None:
            self._not_found()
            return
        try:
            raw = read_limited(path)
        except OSError:
            self._not_found()
            return
        content = raw[:READ_LIMIT].decode("utf-8", errors="replace")
        page = source_page(entry, content, files, server.workspace, server.lang, version)
        self._send(HTTPStatus.OK, _HTML, page.encode("utf-8"))

    def _events(self, query: str) -> None:
        """Stream the version of the files: at once if it is not ``since``, then on every
        change, with a comment every :data:`KEEP_ALIVE_SECONDS` in between."""
        since = parse_qs(query).get("since", [""])[0]
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Type", "text/event-stream; charset=utf-8")
        self._common_headers()
        self.end_headers()
        self.wfile.write(b"retry: 1000\n\n")
        self.wfile.flush()
        watcher = self.server.watcher
        while not watcher.stopped:
            current = watcher.wait(since, KEEP_ALIVE_SECONDS)
            if current is None:
                self.wfile.write(b": still here\n\n")
            else:
                self.wfile.write(f"data: {current}\n\n".encode("ascii"))
                since = current
            self.wfile.flush()

    def _not_found(self) -> None:
        version, _ = self.server.watcher.state()
        page = message_page("serve.not_found", self.server.lang, version)
        self._send(HTTPStatus.NOT_FOUND, _HTML, page.encode("utf-8"))

    def _common_headers(self, csp: str = _CSP) -> None:
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.send_header("Content-Security-Policy", csp)

    def _send(
        self,
        status: HTTPStatus,
        content_type: str,
        body: bytes,
        *,
        csp: str = _CSP,
        headers: dict[str, str] | None = None,
    ) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self._common_headers(csp)
        self.end_headers()
        if getattr(self, "_with_body", True):
            self.wfile.write(body)


@contextmanager
def workshop_server(
    folder: Path,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    lang: Language = "de",
    shown_as: Path | None = None,
) -> Iterator[WorkshopServer]:
    """A server bound to ``host:port`` (port 0: a free one) over ``folder``, its watcher
    running; run it with ``serve_forever()``. Afterwards the watcher stops (which ends
    every event stream) and the socket closes.

    Parameters
    ----------
    folder : Path
        The folder of journey and scenario files.
    host : str
        The address to listen on (default: this computer only).
    port : int
        The port (0: a free one).
    lang : {"de", "en"}
        The language of the pages.
    shown_as : Path, optional
        The folder as problems name it (default: ``folder``).

    Yields
    ------
    WorkshopServer
        The server, bound and listening, its watcher running.

    Raises
    ------
    OSError
        Naming the address when it cannot be bound (a port in use).

    Examples
    --------
    Not run as a doctest (``+SKIP``): it binds a socket. ``lifeevents serve``
    does the same, then serves until Ctrl-C:

    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as folder:  # doctest: +SKIP
    ...     with workshop_server(Path(folder), port=0, lang="en") as server:
    ...         print(server.url.startswith("http://127.0.0.1:"))
    True
    """
    workspace = Workspace(folder, folder if shown_as is None else shown_as)
    watcher = Watcher(workspace.root)
    try:
        server = WorkshopServer((host, port), workspace, watcher, lang)
    except OSError as error:
        reason = error.strerror or str(error)
        raise OSError(
            error.errno,
            f"cannot listen on {host}:{port}: {reason} (choose another --port; "
            "--port 0 picks a free one)",
        ) from None
    watcher.start()
    try:
        yield server
    finally:
        watcher.stop()
        server.server_close()


def serve_in_thread(server: WorkshopServer) -> threading.Thread:
    """Run ``server`` in a background thread (for tests and embedding); stop it with
    ``server.shutdown()``."""
    thread = threading.Thread(target=server.serve_forever, name="lifeevents-serve", daemon=True)
    thread.start()
    return thread
