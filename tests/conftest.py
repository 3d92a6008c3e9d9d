"""Shared fixtures: one real app server and one headless Chromium for the whole browser-test run."""

from pathlib import Path

import pytest

ARTIFACTS = Path(__file__).parent / "artifacts"


@pytest.fixture(scope="session")
def app_url():
    from tests.streamlit_server import app_server

    ARTIFACTS.mkdir(exist_ok=True)
    with app_server() as server:
        yield server.base_url


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    from tests.streamlit_server import launch_browser

    with sync_playwright() as pw:
        b = launch_browser(pw)
        yield b
        b.close()


@pytest.fixture(scope="session")
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS
