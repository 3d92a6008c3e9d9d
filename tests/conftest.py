"""Shared fixtures: one real app server and one headless Chromium for the whole browser-test run (for
each test worker, under pytest-xdist).

Hypothesis draws the same examples on every run and machine, so CI on a clean clone cannot fail on a
case no one has seen; `HYPOTHESIS_PROFILE=explore` draws new ones (and prints how to replay a failure)
when looking for bugs."""

import functools
import os
from pathlib import Path

import pytest
from hypothesis import settings
from streamlit.components.v2 import manifest_scanner

ARTIFACTS = Path(__file__).parent / "artifacts"

settings.register_profile("repeatable", derandomize=True)
settings.register_profile("explore", derandomize=False, print_blob=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "repeatable"))

# Every new AppTest reads the metadata of every installed package, looking for Streamlit components
# (0.1-0.3 s each); the packages do not change during a run.
manifest_scanner.scan_component_manifests = functools.cache(manifest_scanner.scan_component_manifests)


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
