"""Screenshots of the HTML report, light and dark, taken by the distribution's headless Chromium.

Run from the repository root (Chromium and chromedriver installed, as .ci/run does):

    python bench/screenshots.py                 # reports/html-*.png, beside the pages
    python bench/screenshots.py --out docs/images   # refresh the README's pictures

It writes reports/seeds.html (the seeds) and reports/discrepancy.html (the seeds with
tests/data/corpus_discrepancy), then takes a picture of each whole page in light and in dark
mode: html-seeds-light.png, html-seeds-dark.png, html-discrepancy-light.png,
html-discrepancy-dark.png. On the seeds the agreement's card is opened (nothing fails, so
every card starts collapsed); on the discrepancy the failing card is open by itself. A
third page, a death toll with a same-day contradiction and a wrong-way step, gives
html-timeline-light.png and html-timeline-dark.png: the card with its timeline. Pages and
pictures are the same on every run (no clock, a fixed window of 1280 px).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Final

ROOT: Final = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from selenium.webdriver.common.by import By  # noqa: E402

from checker.report import html  # noqa: E402
from tests.browser import chromium, log, screenshot, set_color_scheme  # noqa: E402
from tests.helpers import check  # noqa: E402

WIDTH: Final = 1280
TIMELINE: Final = {
    "a.txt": ("Wire A", "2024-03-01", "In Gaza, 30,000 people have been killed, officials said."),
    "b.txt": ("Wire B", "2024-03-20", "In Gaza, 32,000 people have been killed, medics said."),
    "c.txt": ("Wire C", "2024-03-20", "The toll in Gaza rose to 31,000 people killed."),
    "d.txt": ("Wire D", "2024-04-18", "In Gaza, 29,000 people have been killed, it said."),
}


def pages(reports: Path) -> dict[str, tuple[Path, str]]:
    """Write the pages; name -> (page, what to open or show: a card's id)."""
    from checker.pipeline import run_check

    reports.mkdir(parents=True, exist_ok=True)
    root = os.path.relpath(ROOT, reports.resolve()) + "/"
    written = {}
    for name, paths, card in (
        ("seeds", [Path("seeds")], "fact-projectiles-launched"),
        ("discrepancy", [Path("seeds"), Path("tests/data/corpus_discrepancy")], ""),
    ):
        page = reports / f"{name}.html"
        page.write_text(html.render(run_check(paths), root=root), encoding="utf-8")
        written[name] = (page, card)
    with tempfile.TemporaryDirectory() as folder:
        cwd = Path.cwd()
        os.chdir(folder)
        try:
            result = check(Path(), TIMELINE)
        finally:
            os.chdir(cwd)
    page = reports / "timeline.html"
    page.write_text(html.render(result), encoding="utf-8")
    written["timeline"] = (page, "fact-gaza-death-toll")
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "reports", help="folder of the PNGs")
    args = parser.parse_args()
    os.chdir(ROOT)
    with chromium(WIDTH, 900) as browser:
        for name, (page, card) in pages(ROOT / "reports").items():
            for scheme in ("light", "dark"):
                browser.get("about:blank")
                set_color_scheme(browser, scheme)
                browser.get(page.resolve().as_uri() + (f"#{card}" if card else ""))
                browser.execute_script("window.scrollTo(0, 0)")
                shot = args.out / f"html-{name}-{scheme}.png"
                element = browser.find_element(By.ID, card) if name == "timeline" else None
                screenshot(browser, shot, element)
                problems = log(browser, "browser")
                print(f"{shot.relative_to(ROOT) if shot.is_relative_to(ROOT) else shot}"
                      + (f"  console: {problems}" if problems else ""))  # fmt: skip


if __name__ == "__main__":
    main()
