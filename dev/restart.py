"""A page left open while its server restarts, observed: what the restart tests and bench/restart.py share.

The page is sampled every 50 ms (whether it has finished its run, whether a panel is marked as waiting
for the answer of the sliders on screen, each slider's value, and the numbers computed from them);
RIGHT holds, per page, whether a sample's numbers are those of its sliders.
"""

import os
import subprocess
import sys
import time

import numpy as np

from dev.harness import ROOT, free_port, healthy, wait_until_done

# Every 50 ms, what the page shows: whether it has finished its run, each slider's value by its key,
# and the numbers the page computed from them (a table of C or y, the picture's image number).
SAMPLER = """() => {
  window.__samples = [];
  const take = () => {
    const sliders = {};
    for (const slider of document.querySelectorAll('[data-testid="stSlider"]')) {
      const key = [...(slider.closest('[class*="st-key-"]')?.classList ?? [])].find(c => c.startsWith('st-key-'));
      sliders[key] = Number(slider.querySelector('input[type=range]')?.getAttribute('aria-valuetext'));
    }
    const table = (name) => Array.from(document.querySelectorAll(`table[aria-label="${name}"] td`))
      .map(cell => Number(cell.textContent));
    window.__samples.push({t: performance.now(), state: document.querySelector('[data-testid="stApp"]')?.dataset
      .testScriptState, stale: Boolean(document.querySelector('.jx-panel[data-stale]')), sliders, C: table('C'),
      y: table('y'), image: document.querySelector('.jx-image')?.getAttribute('aria-label') ?? ''});
  };
  take();
  window.__sampler = setInterval(take, 50);
}"""


def values(sample: dict, name: str, shape: tuple[int, int]) -> np.ndarray | None:
    """An input's matrix from its sliders' values in a sample, or None where the page has not drawn them all."""
    found = [[sample["sliders"].get(f"st-key-{name}-{i}-{j}") for j in range(shape[1])] for i in range(shape[0])]
    return None if any(v is None for row in found for v in row) else np.array(found, np.float64)


def matmul_right(sample: dict) -> bool | None:
    """C = A·B from the sliders the page shows (None: the page shows neither)."""
    a, b = values(sample, "A", (2, 2)), values(sample, "B", (2, 2))
    if a is None or b is None or len(sample["C"]) != 4:
        return None
    return bool(np.allclose(np.ravel(sample["C"]), (a @ b).ravel(), atol=0.01))


def playground_right(sample: dict) -> bool | None:
    """y = tanh(W @ x + b), the playground's first formula, from its sliders."""
    w, x, b = values(sample, "W", (2, 3)), values(sample, "x", (3, 1)), values(sample, "b", (2, 1))
    if w is None or x is None or b is None or len(sample["y"]) != 2:
        return None
    return bool(np.allclose(sample["y"], np.tanh(w @ x + b).ravel(), atol=6e-4))


def digits_right(sample: dict) -> bool | None:
    """The picture is of the image the slider names."""
    n = sample["sliders"].get("st-key-image")
    if n is None or not sample["image"]:
        return None
    return sample["image"].startswith(f"Image {int(n)}:")


RIGHT = {"matmul": matmul_right, "playground": playground_right, "digits": digits_right}


def server(port: int) -> subprocess.Popen:
    command = [sys.executable, "-m", "streamlit", "run", str(ROOT / "streamlit_app.py"), "--server.headless=true",
               f"--server.port={port}", "--server.address=127.0.0.1", "--browser.gatherUsageStats=false",
               "--server.fileWatcherType=none"]  # fmt: skip
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 120
    while not healthy(f"http://127.0.0.1:{port}"):
        assert process.poll() is None and time.monotonic() < deadline, "the server did not start"
        time.sleep(0.1)
    return process


def restarted_and_moved(browser, slug: str, stop: int, settle_ms: int = 30_000) -> tuple[list[dict], float]:
    """Open the page, stop its server with `stop`, start a new one on the port, move the first slider as
    soon as it can move, and sample the page until its answer is that of the moved slider (or
    `settle_ms` passed: a hang). Returns the samples and the move's time, in the page's clock."""
    port = free_port()
    context = browser.new_context()
    page = context.new_page()
    process = server(port)
    try:
        page.goto(f"http://127.0.0.1:{port}/{slug}?predict=off")
        wait_until_done(page)
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
        page.evaluate(SAMPLER)
        os.kill(process.pid, stop)
        process.wait(timeout=30)
        process = server(port)
        thumb = page.locator('[data-testid="stSlider"] input[type="range"]').first
        page.wait_for_function("t => !t.disabled && !document.querySelector('[data-testid=stConnectionStatus]')",
                               arg=thumb.element_handle(), timeout=30_000)  # fmt: skip
        before = thumb.get_attribute("aria-valuetext")
        moved_at = page.evaluate("() => performance.now()")
        thumb.focus()
        page.keyboard.press("ArrowRight")
        page.wait_for_function(
            "([t, v]) => t.getAttribute('aria-valuetext') !== v", arg=[thumb.element_handle(), before]
        )
        page.wait_for_function("""([key, ms]) => {
          const last = window.__samples.at(-1);
          return last.state === "notRunning" && !last.stale && Object.values(last.sliders)[0] !== Number(key)
            || performance.now() - window.__samples[0].t > ms;
        }""", arg=[before, settle_ms + 60_000], timeout=settle_ms)  # fmt: skip
        samples = page.evaluate("() => { clearInterval(window.__sampler); return window.__samples; }")
    finally:
        context.close()
        process.terminate()
        process.wait(timeout=30)
    return samples, moved_at
