"""A free loopback port, and a quiet threaded server for a folder of files."""

from __future__ import annotations

import contextlib
import functools
import socket
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path


def free_port() -> int:
    """Return a loopback port nothing listens on now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class QuietHandler(SimpleHTTPRequestHandler):
    """Serve files without a log line per request, adding ``extra_headers`` to every response."""

    extra_headers: dict[str, str] = {}

    def log_message(self, format, *args):  # keep test and tool output readable
        pass

    def end_headers(self):
        for name, value in self.extra_headers.items():
            self.send_header(name, value)
        super().end_headers()


@contextlib.contextmanager
def serving(
    folder: Path, port: int = 0, headers: dict[str, str] | None = None, handler: type[QuietHandler] = QuietHandler
) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1:``port`` (any free one by default); yield its base URL."""
    handler_class = type("Handler", (handler,), {"extra_headers": headers or {}})
    server = ThreadingHTTPServer(("127.0.0.1", port), functools.partial(handler_class, directory=str(folder)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
