"""More than one server: deploy/serve.py runs two replicas behind HAProxy, and a class uses them at once.

Each learner's page, websocket and downloads must reach one replica (Streamlit keeps a session, and
the files it serves for it, in that process's memory): the cookie HAProxy sets pins them. Skipped,
with the reason in pytest's summary, where HAProxy or Chromium is not installed.
"""

import asyncio
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import numpy as np
import pandas as pd
import pytest

import jaccore
from dev.harness import free_port, healthy, launch, missing_browser, wait_until_done
from dev.learner import Learner
from jaccore.catalog import EXAMPLES
from tests import ROOT

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser())),
    pytest.mark.skipif(shutil.which("haproxy") is None, reason="HAProxy not found: apt-get install -y haproxy"),
]


SERVE: dict[str, int] = {}  # deploy/serve.py's process, while the module's deployment runs


@pytest.fixture(scope="module")
def balanced():
    """Two replicas behind HAProxy on a free loopback port, started as the README says."""
    port = free_port()
    command = [sys.executable, str(ROOT / "deploy" / "serve.py"), "--replicas=2", f"--port={port}",
               f"--listen=127.0.0.1:{port}"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    SERVE["pid"] = process.pid
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while not healthy(url):
            assert process.poll() is None and time.monotonic() < deadline, "deploy/serve.py did not start"
            time.sleep(0.2)
        yield url
    finally:
        process.terminate()
        process.wait(timeout=60)
    assert subprocess.run(["pgrep", "-f", f"server.port={port + 1}"], capture_output=True).stdout == b""


def test_a_class_of_learners_through_the_load_balancer(balanced):
    """Eight websocket learners on different pages at once: every move answered, no exception,
    and the load balancer spread them over both replicas."""

    async def learner(n: int) -> Learner:
        with urllib.request.urlopen(balanced) as response:  # the page, which sets the replica's cookie
            cookie = response.headers["Set-Cookie"].split(";")[0]
        learner = Learner(balanced, list(EXAMPLES)[n % len(EXAMPLES)], cookie=cookie)
        await learner.open()
        drawn = learner.panels
        for _ in range(10):
            await learner.move()
        await learner.close()
        assert learner.panels == drawn + 10  # every move redrew the live panel
        return learner

    async def cohort() -> list[Learner]:
        return await asyncio.gather(*(learner(n) for n in range(8)))

    learners = asyncio.run(cohort())
    assert [learner.exceptions for learner in learners] == [[]] * 8
    assert {learner.cookie for learner in learners} == {"JXREPLICA=r1", "JXREPLICA=r2"}


def test_downloads_reach_the_replica_that_made_them(balanced):
    """Browsers in separate contexts (separate learners) move a slider and download the Jacobian:
    each file is the one for what that learner's page shows, served by that learner's replica."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        replicas = set()
        for n in range(4):
            context = browser.new_context(accept_downloads=True)
            page = context.new_page()
            page.goto(f"{balanced}/square?x.0.0={n + 1}&predict=off")
            wait_until_done(page)
            page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
            with page.expect_download() as download:
                page.get_by_role("button", name="jacobian_square_x.csv").click()
            table = pd.read_csv(download.value.path(), index_col=0)
            expected = jaccore.analyze(EXAMPLES["square"].fn, {"x": [[n + 1.0, 2.0]]}, "x").jacobian
            np.testing.assert_array_equal(table.to_numpy(), expected.reshape(2, 2))
            replicas |= {c["value"] for c in context.cookies() if c["name"] == "JXREPLICA"}
            context.close()
        browser.close()
    assert replicas == {"r1", "r2"}


C_TABLE = """() => Array.from(document.querySelectorAll('table[aria-label="C"] td'))
  .map(cell => Number(cell.textContent))"""


def test_a_replica_killed_under_three_learners(balanced):
    """Three learners on A·B, one replica killed (SIGKILL) under them: every learner's next move is
    answered with the right C, those of the dead replica by the other after HAProxy's failover, and
    deploy/serve.py starts the dead replica again. The failover window is printed (bench/README.md)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        learners = []
        for n in range(3):
            page = browser.new_context().new_page()
            page.goto(f"{balanced}/matmul?predict=off&A.0.0={n + 1}")
            wait_until_done(page)
            page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
            replica = next(c["value"] for c in page.context.cookies() if c["name"] == "JXREPLICA")
            learners.append((page, n + 1.0, replica))
        victim = learners[0][2]
        port = int(balanced.rsplit(":", 1)[1]) + int(victim[1:])
        killed = time.monotonic()
        subprocess.run(["pkill", "-KILL", "-f", f"server.port={port}"], check=True)
        answered = {}  # learner → seconds from the kill to the right C after a move
        while len(answered) < len(learners):
            assert time.monotonic() - killed < 60, answered
            for n, (page, a00, _) in enumerate(learners):
                expected = [(a00 + 0.5) * 5 + 2 * 7, (a00 + 0.5) * 6 + 2 * 8, 43, 50]  # A[0,0] one step up
                shown = page.evaluate(C_TABLE)
                if n in answered or shown == expected:
                    answered.setdefault(n, time.monotonic() - killed)
                    continue
                # A move sent before the page reconnected is lost with the replica: move (back) again.
                page.locator('[data-testid="stSlider"] input[type="range"]').first.focus()
                page.keyboard.press("ArrowRight" if shown[0] < expected[0] else "ArrowLeft")
            time.sleep(0.5)
        browser.close()
    while not healthy(f"http://127.0.0.1:{port}"):  # serve.py starts it again
        assert time.monotonic() - killed < 120, "the killed replica was not started again"
        time.sleep(0.5)
    restarted = time.monotonic() - killed
    on = ["the killed replica" if replica == victim else "the other" for _, _, replica in learners]
    times = ", ".join(f"{answered[n]:.1f} s ({where})" for n, where in enumerate(on))
    print(f"\nfailover: right answers after {times}; the replica back after {restarted:.1f} s")


# Every way of writing /_stcore/metrics that Streamlit serves its metrics for (2026-12-07: all of these
# were answered with 200 and the metrics by Streamlit itself), and the plain one.
METRICS = ["/_stcore/metrics", "/_stcore/%6detrics", "/%5fstcore/metrics", "/%5Fstcore/metrics", "/_STCORE/metrics",
           "/_stcore/METRICS", "/_stcore//metrics", "/_stcore/metrics?x=1", "/./_stcore/metrics",
           "/%2e/_stcore/metrics", "/_stcore/metrics;x", "/%255fstcore/metrics", "/_stcore%2fmetrics"]  # fmt: skip


def raw_get(url: str, path: str) -> bytes:
    """A GET of the path exactly as written (urllib would normalise it)."""
    host, port = url.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: learner\r\nConnection: close\r\n\r\n".encode())
        answer = b""
        while chunk := connection.recv(65536):
            answer += chunk
    return answer


@pytest.mark.parametrize("path", METRICS)
def test_the_metrics_are_refused_however_the_path_is_written(balanced, path):
    answer = raw_get(balanced, path)
    assert answer.startswith(b"HTTP/1.1 404") and b"# TYPE" not in answer, answer[:200]


def test_the_balancer_closes_slow_requests_and_hides_the_metrics(balanced):
    """A request whose headers never finish (slowloris) is closed after HAProxy's 10 s, not held for
    an hour; Streamlit's /_stcore/metrics, which it serves to anyone, is not served through it."""
    host, port = balanced.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=30) as slow:
        slow.sendall(b"GET / HTTP/1.1\r\nHost: learner\r\n")  # and never the blank line that ends them
        start = time.monotonic()
        while slow.recv(4096):  # HAProxy's 408, then the close
            pass
        assert time.monotonic() - start < 15
    with pytest.raises(urllib.error.HTTPError) as hidden:
        urllib.request.urlopen(f"{balanced}/_stcore/metrics")
    assert hidden.value.code == 404


def test_a_replica_that_hangs_and_haproxy_when_it_dies_are_started_again(balanced):
    """A replica stopped dead (SIGSTOP: it neither exits nor answers) is killed and started again once it
    has not answered its health check for --hung-after seconds; HAProxy, killed, is started again."""
    base = int(balanced.rsplit(":", 1)[1])
    port = base + 2
    (stopped,) = subprocess.run(["pgrep", "-f", f"server.port={port}"], capture_output=True, text=True).stdout.split()
    subprocess.run(["kill", "-STOP", stopped], check=True)
    deadline = time.monotonic() + 150
    while True:  # a new process on the port, answering
        now = subprocess.run(["pgrep", "-f", f"server.port={port}"], capture_output=True, text=True).stdout.split()
        if now and stopped not in now and healthy(f"http://127.0.0.1:{port}"):
            break
        assert time.monotonic() < deadline, "the hung replica was not started again"
        time.sleep(1)

    def balancer() -> str:
        return subprocess.run(["pgrep", "-P", str(SERVE["pid"]), "haproxy"], capture_output=True, text=True).stdout

    killed = balancer()
    subprocess.run(["pkill", "-KILL", "-P", str(SERVE["pid"]), "haproxy"], check=True)
    deadline = time.monotonic() + 30
    while not (balancer() not in ("", killed) and healthy(balanced)):
        assert time.monotonic() < deadline, "HAProxy was not started again"
        time.sleep(0.5)


def test_https_with_a_certificate_and_http_redirected(tmp_path):
    """--tls-cert: HTTPS on the port (a self-signed certificate here), and plain HTTP on --redirect-port
    answered with a redirect to it; the metrics refused over HTTPS too."""
    import ssl

    key, certificate, pem = tmp_path / "key.pem", tmp_path / "cert.pem", tmp_path / "school.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", certificate,
                    "-days", "1", "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1"],
                   check=True, capture_output=True)  # fmt: skip
    pem.write_bytes(certificate.read_bytes() + key.read_bytes())
    port, plain = free_port(), free_port()
    command = [sys.executable, str(ROOT / "deploy" / "serve.py"), "--replicas=1", f"--port={port}",
               f"--listen=127.0.0.1:{port}", f"--tls-cert={pem}", f"--redirect-port={plain}"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    trusted = ssl.create_default_context(cafile=str(certificate))
    try:
        deadline = time.monotonic() + 180
        while True:
            try:
                with urllib.request.urlopen(f"https://127.0.0.1:{port}/_stcore/health", context=trusted) as answer:
                    assert answer.read().strip() == b"ok"
                    break
            except OSError:
                assert process.poll() is None and time.monotonic() < deadline, "HTTPS did not come up"
                time.sleep(0.5)
        redirect = raw_get(f"http://127.0.0.1:{plain}", "/matmul?predict=off")
        assert redirect.startswith(b"HTTP/1.1 301") and b"location: https://" in redirect.lower()
        with pytest.raises(urllib.error.HTTPError) as hidden:
            urllib.request.urlopen(f"https://127.0.0.1:{port}/_stcore/%6detrics", context=trusted)
        assert hidden.value.code == 404
    finally:
        process.terminate()
        process.wait(timeout=60)
