"""A real Streamlit server and Debian's Chromium, for the end-to-end tests and the benchmarks."""

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Playwright cannot download its own browser on these machines; Debian's needs these flags to
# run as root, headless, without reaching for Google's servers.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
HOW_TO_ENABLE = "install Debian's Chromium (apt-get install -y chromium) or set CHROMIUM to a Chromium binary"
DONE = '[data-testid="stApp"][data-test-script-state="notRunning"]'


def missing_browser() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if not Path(CHROMIUM).exists():
        return f"Chromium not found at {CHROMIUM}: {HOW_TO_ENABLE}"
    try:
        import playwright.sync_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed: pip install -r requirements-dev.txt"
    return None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def healthy(url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as response:
            return response.read().decode().strip() == "ok"
    except OSError:
        return False


@contextlib.contextmanager
def streamlit_server(
    script: str = "streamlit_app.py",
    timeout: float = 120,
    cwd: Path = ROOT,
    extra: Sequence[str] = (),
    port: int | None = None,
) -> Iterator[tuple[str, subprocess.Popen]]:
    """`streamlit run script` on a local port (a free one unless given); yields (base URL, process)
    once healthy.

    Streamlit reads `.streamlit/config.toml` from `cwd`: the app's own configuration by default;
    `extra` options are added to the command line (--server.baseUrlPath=…).
    """
    port = port or free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(ROOT / script),
        "--server.headless=true", f"--server.port={port}", "--server.address=127.0.0.1",
        "--browser.gatherUsageStats=false", "--server.fileWatcherType=none", *extra,
    ]  # fmt: skip
    process = subprocess.Popen(command, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = next((option.split("=", 1)[1].strip("/") for option in extra if "baseUrlPath" in option), "")
    url = f"http://127.0.0.1:{port}"
    health = f"{url}/{base}" if base else url
    try:
        deadline = time.monotonic() + timeout
        while not healthy(health):
            if process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"streamlit did not become healthy on {url}")
            time.sleep(0.1)
        yield url, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()


def launch(playwright):
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def wait_until_done(page, timeout_ms: int = 60_000) -> None:
    page.wait_for_selector(DONE, timeout=timeout_ms)


# What the page has drawn: its run state, its elements, and its charts' labels and numbers.
DRAWN = """() => [document.querySelector('[data-testid="stApp"]')?.dataset.testScriptState,
  document.querySelectorAll('[data-testid="stElementContainer"]').length,
  document.querySelectorAll('.js-plotly-plot, .jacobian-labels > *, .jacobian-cells > *').length]"""
STILL = "*, *::before, *::after {transition: none !important; animation: none !important}"


def wait_until_still(page, timeout_ms: int = 60_000) -> None:
    """Until the page has finished its runs and stopped changing, its transitions and animations off:
    what a test reads on screen is then what stays there, on a quiet machine or a busy one (a fade-in
    read halfway once failed a contrast test; a page's second run redraws what its first drew)."""
    page.add_style_tag(content=STILL)
    seen, still_since = None, None
    deadline = time.monotonic() + timeout_ms / 1000
    while time.monotonic() < deadline:
        now = page.evaluate(DRAWN)
        if now != seen or now[0] != "notRunning":
            seen, still_since = now, time.monotonic()
        elif time.monotonic() - still_since >= 0.6:
            return
        page.wait_for_timeout(150)
    raise AssertionError(f"the page did not settle: {seen}")


def rss_mib(pid: int) -> float:
    """Resident memory of a process, from /proc (Linux)."""
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")
