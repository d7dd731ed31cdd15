"""A reverse proxy that serves the app under a path prefix and strips it, as Community Cloud does.

Cloud serves an app at https://<app>.streamlit.app/~/+/…, inside an iframe, and removes /~/+
before the request reaches Streamlit; the site's root is Cloud's own page. This proxy does the same
on the loopback interface, for HTTP and for the websocket: a request for /~/+/matvec reaches the
app as /matvec, and anything outside the prefix is a 404, as the app is not there.
"""

import asyncio
import contextlib
import threading
from collections.abc import Iterator

from dev.harness import free_port

PREFIX = "/~/+"


async def _pipe(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    with contextlib.suppress(ConnectionError):
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    writer.close()


async def _serve(client_reader, client_writer, upstream_port: int) -> None:
    head = await client_reader.readuntil(b"\r\n\r\n")
    request, *headers = head.decode("latin-1").split("\r\n")
    method, path, version = request.split(" ", 2)
    if not (path == PREFIX or path.startswith(PREFIX + "/")):
        client_writer.write(b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")
        await client_writer.drain()
        client_writer.close()
        return
    upgrade = any(line.lower().startswith("upgrade: websocket") for line in headers)
    if not upgrade:  # one request per connection: no need to parse a response's length
        headers = [line for line in headers if not line.lower().startswith("connection:")]
        headers.insert(0, "Connection: close")
    rewritten = f"{method} {path[len(PREFIX) :] or '/'} {version}\r\n" + "\r\n".join(h for h in headers if h)
    upstream_reader, upstream_writer = await asyncio.open_connection("127.0.0.1", upstream_port)
    upstream_writer.write(rewritten.encode("latin-1") + b"\r\n\r\n")
    await asyncio.gather(_pipe(client_reader, upstream_writer), _pipe(upstream_reader, client_writer))


@contextlib.contextmanager
def prefix_proxy(upstream_url: str) -> Iterator[str]:
    """Serve `upstream_url` under PREFIX on a free loopback port; yields the app's URL through it."""
    upstream_port = int(upstream_url.rsplit(":", 1)[1])
    port = free_port()
    loop = asyncio.new_event_loop()  # in a thread of its own: the tests' thread may run Playwright's
    listening = threading.Event()

    def run() -> None:
        start = asyncio.start_server(lambda r, w: _serve(r, w, upstream_port), "127.0.0.1", port)
        server = loop.run_until_complete(start)
        listening.set()
        loop.run_forever()
        server.close()

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    listening.wait(10)
    try:
        yield f"http://127.0.0.1:{port}{PREFIX}"
    finally:
        loop.call_soon_threadsafe(loop.stop)
        thread.join(10)
