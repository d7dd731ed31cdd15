"""The entry point's start-up effects (jaccore/ui/startup.py, docs/workarounds.md)."""

import socket
import subprocess
import sys

from tests import ROOT

FRESH_RUN = """
import gc
from streamlit.testing.v1 import AppTest
before = gc.get_freeze_count()
app = AppTest.from_file("streamlit_app.py", default_timeout=120)
app.switch_page("pages/square.py")
app.run()
assert not app.exception, app.exception[0].value
print(before, gc.get_freeze_count())
"""


def test_the_router_freezes_the_imports_once():
    """A fresh server's first run moves what the imports made out of the garbage collector's reach
    (TensorFlow's millions of objects: a full collection costs 170–250 ms with them in reach)."""
    result = subprocess.run([sys.executable, "-c", FRESH_RUN], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    before, after = map(int, result.stdout.split()[-2:])
    assert before == 0 and after > 100_000


def test_the_server_sends_without_delay():
    """Nagle's algorithm off on the server's sockets (docs/workarounds.md): a listening socket made as
    uvicorn makes it (protocol 0, which asyncio leaves alone) gets TCP_NODELAY, and so does every
    connection it accepts afterwards."""
    from jaccore.ui import startup

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        assert listener.proto == 0 and listener.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 0
        startup.send_without_delay.__wrapped__()
        with socket.create_connection(listener.getsockname()):
            accepted, _ = listener.accept()
            with accepted:
                assert accepted.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) == 1
