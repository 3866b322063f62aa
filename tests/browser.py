"""Headless Chromium through selenium, for the HTML report's browser tests and bench scripts.

The browser and its driver are the distribution's packages (Debian: ``chromium`` and
``chromium-driver``), which ``.ci/run`` installs when they are missing; nothing is downloaded
by selenium (its driver manager is never asked: both paths are given).
"""

from __future__ import annotations

import base64
import json
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.remote.webelement import WebElement

CHROMIUM: Final = ("chromium", "chromium-browser")
CHROMEDRIVER: Final = "chromedriver"
# Without the background-networking flags a closed network makes Chromium's own services
# (updates, sync, field trials) fail their connections, and the log fills with their errors.
FLAGS: Final = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--hide-scrollbars",
    "--font-render-hinting=none",
)


def find_browser() -> tuple[str, str] | None:
    """(chromium, chromedriver) on PATH, or None when either is missing."""
    browser = next((found for name in CHROMIUM if (found := shutil.which(name))), None)
    driver = shutil.which(CHROMEDRIVER)
    return (browser, driver) if browser and driver else None


MISSING: Final = (
    "headless Chromium is not installed: install the distribution's chromium and "
    "chromedriver (Debian: apt-get install chromium chromium-driver); .ci/run does"
)


@contextmanager
def chromium(width: int = 1280, height: int = 900) -> Iterator[webdriver.Chrome]:
    """A headless Chromium with a fresh profile, console and network logs on; closed after."""
    found = find_browser()
    if found is None:
        raise RuntimeError(MISSING)
    browser, driver_path = found
    profile = Path(tempfile.mkdtemp(prefix="factcheck-chromium-"))
    options = webdriver.ChromeOptions()
    options.binary_location = browser
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={profile}")
    options.add_argument(f"--window-size={width},{height}")
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    try:
        yield driver
    finally:
        driver.quit()
        shutil.rmtree(profile, ignore_errors=True)


def log(driver: webdriver.Chrome, kind: str) -> list[dict[str, object]]:
    """The entries of a log ('browser': the console; 'performance': DevTools events) since
    the last call; reading drains it."""
    entries: list[dict[str, object]] = driver.get_log(kind)  # type: ignore[no-untyped-call]
    return entries


def requests(driver: webdriver.Chrome) -> list[str]:
    """The URLs the page asked for since the last call (DevTools Network events)."""
    urls = []
    for entry in log(driver, "performance"):
        message = json.loads(str(entry["message"]))["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(str(message["params"]["request"]["url"]))
    return urls


def set_color_scheme(driver: webdriver.Chrome, scheme: str) -> None:
    """Emulate prefers-color-scheme: 'light' or 'dark'."""
    driver.execute_cdp_cmd(
        "Emulation.setEmulatedMedia",
        {"features": [{"name": "prefers-color-scheme", "value": scheme}]},
    )


def screenshot(driver: webdriver.Chrome, path: Path, element: WebElement | None = None) -> None:
    """A PNG of the whole page, or of one element, however tall (beyond the window)."""
    if element is None:
        rect = driver.execute_script(
            "const e = document.documentElement; return [0, 0, e.scrollWidth, e.scrollHeight]"
        )
    else:
        rect = driver.execute_script(
            "const r = arguments[0].getBoundingClientRect();"
            "return [r.left + scrollX, r.top + scrollY, r.width, r.height]",
            element,
        )
    x, y, width, height = (float(v) for v in rect)
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": x, "y": y, "width": width, "height": height, "scale": 1},
        },
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(base64.b64decode(shot["data"]))
