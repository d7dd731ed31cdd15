"""Make the README's screenshot: the A·B page in Chromium, scrolled to where the slices of the
Jacobian add up to the gradient. Uses the browser tests' server and browser, so it runs wherever
they do; run it again after the page changes:

    python docs/screenshot.py            # writes docs/screenshot.png
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.browser.harness import launch, streamlit_server, wait_until_done  # noqa: E402

OUT = Path(__file__).with_name("screenshot.png")
# The heading at the top of the view, below the app's header.
SCROLL_TO = """element => {
  element.scrollIntoView({block: 'start'});
  document.querySelector('[data-testid="stMain"]').scrollTop -= 60;
}"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    with streamlit_server() as (url, _), sync_playwright() as playwright:
        browser = launch(playwright)
        context = browser.new_context(viewport={"width": 1280, "height": 1100}, color_scheme="light")
        page = context.new_page()
        page.goto(f"{url}/matmul?lang=en&predict=off")
        wait_until_done(page)
        charts = page.locator(".js-plotly-plot .main-svg")
        charts.first.wait_for(timeout=60_000)
        # The Jacobian's section: its shape, a heatmap per output element, the sum beneath them.
        heading = page.get_by_role("heading", name="The Jacobian", exact=True)
        heading.evaluate(SCROLL_TO)
        page.wait_for_timeout(1500)  # Plotly's first frame, then the numbers in the cells
        page.screenshot(path=str(OUT))
        browser.close()
    print(f"wrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
