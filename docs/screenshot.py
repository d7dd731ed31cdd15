"""Make the pictures in docs/: the README's screenshot (A·B, where the slices of the Jacobian add up to
the gradient), and the pages as a learner sees them — every worked example from its title and formula
to the sum that becomes the gradient, and the chain rule's product, at 1366 and 390 px wide, light and
dark (docs/pictures/, listed in docs/pictures/README.md).
Uses the browser tests' server and browser, so it runs wherever they do; run it again after a
picture changes:

    python docs/screenshot.py
"""

import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from dev.harness import launch, streamlit_server, wait_until_done  # noqa: E402

README_SHOT = Path(__file__).with_name("screenshot.png")
PICTURES = Path(__file__).with_name("pictures")
# Each page from a heading (None: its title, with the formula under it) to the end of the chart that
# closes the picture.
WORKED = ("vector_scalar", "square", "scale", "jacobian_to_gradient", "matvec", "shape_rule", "matmul")
PAGES = {**{slug: (None, "sum") for slug in WORKED}, "chain_rule": ("The chain rule as a matrix product", "product")}
README_PAGE = ("matmul", "The Jacobian", "sum")
WIDTHS = (1366, 390)
SCHEMES = ("light", "dark")
# The region from the heading to the chart's bottom, in the page's own scrolling container.
REGION = """([heading, chart]) => {
  const main = document.querySelector('[data-testid="stMain"]');
  const top = [...main.querySelectorAll('h1, h2')].find((h) => heading === null || h.textContent.trim() === heading);
  top.scrollIntoView({block: 'start'});
  main.scrollTop -= 70;  // below the app's header
  const bottom = document.querySelector(`[data-kind="chart:${chart}"]`).getBoundingClientRect().bottom;
  const from = top.getBoundingClientRect().top - 12;
  return {x: 0, y: from, width: document.documentElement.clientWidth, height: bottom + 16 - from};
}"""


def picture(page, url: str, slug: str, width: int, scheme: str, heading: str | None, chart: str) -> bytes:
    page.set_viewport_size({"width": width, "height": 6000})
    page.emulate_media(color_scheme=scheme)
    page.goto(f"{url}/{slug}?lang=en&predict=off")
    wait_until_done(page)
    page.locator(f'[data-kind="chart:{chart}"] .js-plotly-plot .main-svg').first.wait_for(timeout=60_000)
    page.wait_for_timeout(1500)  # Plotly's first frame, then the labels and numbers over it
    return page.screenshot(clip=page.evaluate(REGION, [heading, chart]))


def small_png(shot: bytes, colours: int = 256) -> bytes:
    """The screenshot in 256 colours (a third of the bytes; the colour key shows bands), or in full."""
    from PIL import Image

    out = io.BytesIO()
    image = Image.open(io.BytesIO(shot)).convert("RGB")
    (image.quantize(colours) if colours else image).save(out, format="PNG", optimize=True)
    return out.getvalue()


def main() -> None:
    from playwright.sync_api import sync_playwright

    PICTURES.mkdir(exist_ok=True)
    with streamlit_server() as (url, _), sync_playwright() as playwright:
        browser = launch(playwright)
        page = browser.new_context().new_page()
        slug, heading, chart = README_PAGE
        README_SHOT.write_bytes(small_png(picture(page, url, slug, 1280, "light", heading, chart), colours=0))
        for slug, (heading, chart) in PAGES.items():
            for width in WIDTHS:
                for scheme in SCHEMES:
                    out = PICTURES / f"{slug}-{width}-{scheme}.png"
                    out.write_bytes(small_png(picture(page, url, slug, width, scheme, heading, chart)))
                    print(f"wrote {out.relative_to(ROOT)}")
        browser.close()
    print(f"wrote {README_SHOT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
