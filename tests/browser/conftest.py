"""The browser tests' shared parts: one app server and one Chromium per test module."""

import pytest

from dev.harness import launch, streamlit_server


@pytest.fixture(scope="module")
def server():
    with streamlit_server() as (url, _):
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    """A fresh tab (its own cookies and session) that accepts downloads."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    yield page
    context.close()
