"""The browser tests' shared parts: one app server and one Chromium per test module."""

import pytest

from tests.browser.harness import launch, streamlit_server


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
