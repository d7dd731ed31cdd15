"""The app where it is hosted: under a path prefix (Community Cloud's /~/+/, behind a proxy that strips
it), under server.baseUrlPath, and in a browser that cannot load the app's Plotly.js; its favicon.

Skipped, with the reason in pytest's summary, where Chromium is not installed.
"""

import urllib.request

import pytest

from dev.harness import missing_browser, streamlit_server, wait_until_done
from tests.browser.proxy import prefix_proxy

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing_browser() is not None, reason=str(missing_browser()))]


def draws_its_charts(browser, url: str, block: str | None = None) -> tuple[int, int, list[str]]:
    """Open `url` (optionally refusing requests that match `block`) until its first chart is drawn:
    the number of charts drawn by the app's panel and by st.plotly_chart, and the page's alerts."""
    context = browser.new_context(viewport={"width": 1366, "height": 900})
    page = context.new_page()
    if block:
        page.route(block, lambda route: route.abort())
    try:
        page.goto(url)
        wait_until_done(page)
        page.locator(".js-plotly-plot .main-svg").first.wait_for(timeout=60_000)
        wait_until_done(page)
        assert page.locator('[data-testid="stException"]').count() == 0
        alerts = page.locator('[data-testid="stAlert"]').all_inner_texts()
        panel = page.locator(".jacobian-heatmap.js-plotly-plot").count()
        fallback = page.locator('[data-testid="stPlotlyChart"] .js-plotly-plot').count()
        return panel, fallback, alerts
    finally:
        context.close()


def test_charts_draw_behind_a_proxy_that_strips_a_path_prefix(browser):
    """As on Community Cloud: the app under /~/+/, the prefix stripped before Streamlit sees it. An
    absolute /app/static/… URL pointed at the site's root, and every chart showed an error instead."""
    with streamlit_server() as (url, _), prefix_proxy(url) as app:
        assert urllib.request.urlopen(f"{app}/_stcore/health").read() == b"ok"
        assert draws_its_charts(browser, f"{app}/matvec?predict=off") == (2, 0, [])


def test_charts_draw_under_base_url_path(browser):
    with streamlit_server(extra=["--server.baseUrlPath=jx"]) as (url, _):
        assert draws_its_charts(browser, f"{url}/jx/matmul?predict=off") == (2, 0, [])


def test_without_the_apps_plotly_js_the_charts_draw_another_way(browser):
    """If the browser cannot load the app's Plotly.js (a blocked request, a proxy that does not pass
    static files), the same figures are drawn with st.plotly_chart, and no error is shown."""
    with streamlit_server() as (url, _):
        link, block = f"{url}/matmul?predict=off", "**/plotly-cartesian.min.js"
        panel, fallback, alerts = draws_its_charts(browser, link, block=block)
    assert panel == 0 and fallback == 2 and alerts == []


def test_the_favicon_is_an_image(browser):
    """ "∂" is not an emoji: as page_icon it made the browser ask for /∂, which answered with HTML."""
    with streamlit_server() as (url, _):
        page = browser.new_page()
        page.goto(f"{url}/square?predict=off")
        wait_until_done(page)
        icon = page.locator('link[rel*="icon"]').first.evaluate("link => link.href")  # resolved, absolute
        response = page.request.get(icon)
        kind = response.headers["content-type"]
        page.close()
    assert response.ok and kind.startswith("image/"), (icon, kind)
