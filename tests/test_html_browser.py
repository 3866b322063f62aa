"""The HTML report in a real browser: the distribution's headless Chromium, through selenium.

One browser for the module. Each page is loaded from a file: no console message of any
level, no request but the file itself, a card per finding, the conflicting pair marked, and
filters that work by mouse and keyboard. Chromium missing is a skip with the reason, except
in CI (CI=true), where .ci/run installs it and its absence is a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from selenium import webdriver
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webelement import WebElement
from selenium.webdriver.support.ui import Select, WebDriverWait

from checker.model import CheckResult, Verdict
from checker.pipeline import run_check
from checker.report import html
from tests.browser import MISSING, chromium, find_browser, log, requests, set_color_scheme
from tests.conftest import ROOT
from tests.helpers import check


@pytest.fixture(scope="module")
def browser() -> Iterator[webdriver.Chrome]:
    if find_browser() is None:
        if os.environ.get("CI"):
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    with chromium() as driver:
        yield driver


@pytest.fixture(scope="module")
def results(tmp_path_factory: pytest.TempPathFactory) -> dict[str, CheckResult]:
    """The seeds, the discrepancy fixture (seeds + tests/data/corpus_discrepancy), and a
    death toll with a same-day contradiction and a wrong-way step (a timeline)."""
    cwd = Path.cwd()
    os.chdir(ROOT)
    try:
        seeds = run_check()
        discrepancy = run_check([Path("seeds"), Path("tests/data/corpus_discrepancy")])
    finally:
        os.chdir(cwd)
    timeline = check(
        tmp_path_factory.mktemp("timeline"),
        {
            "a.txt": ("Wire A", "2024-03-01", "In Gaza, 30,000 people have been killed."),
            "b.txt": ("Wire B", "2024-03-20", "In Gaza, 32,000 people have been killed."),
            "c.txt": ("Wire C", "2024-03-20", "In Gaza, 31,000 people have been killed."),
            "d.txt": ("Wire D", "2024-04-18", "In Gaza, 29,000 people have been killed."),
        },
    )
    return {"seeds": seeds, "discrepancy": discrepancy, "timeline": timeline}


@pytest.fixture(scope="module")
def pages(
    results: dict[str, CheckResult], tmp_path_factory: pytest.TempPathFactory
) -> dict[str, str]:
    folder = tmp_path_factory.mktemp("html")
    urls = {}
    for name, result in results.items():
        path = folder / f"{name}.html"
        path.write_text(html.render(result), encoding="utf-8")
        urls[name] = path.as_uri()
    return urls


def load(browser: webdriver.Chrome, url: str) -> None:
    """Load a page fresh, with the logs of earlier pages drained."""
    browser.get("about:blank")
    log(browser, "browser")
    log(browser, "performance")
    set_color_scheme(browser, "light")
    browser.get(url)


def shown(browser: webdriver.Chrome) -> list[str]:
    return [
        card.get_attribute("id") or ""
        for card in browser.find_elements(By.CSS_SELECTOR, "article.card")
        if card.is_displayed()
    ]


def status(browser: webdriver.Chrome) -> str:
    return browser.find_element(By.CSS_SELECTOR, "output[name=shown]").text


def fact_ids(result: CheckResult, *verdicts: Verdict) -> list[str]:
    return [f"fact-{f.fact.id}" for f in result.findings if not verdicts or f.verdict in verdicts]


@pytest.mark.parametrize("name", ["seeds", "discrepancy", "timeline"])
def test_loads_with_no_console_message_and_no_request_but_the_file(
    browser: webdriver.Chrome, pages: dict[str, str], name: str
) -> None:
    load(browser, pages[name])
    assert log(browser, "browser") == []
    assert browser.execute_script("return performance.getEntriesByType('resource').length") == 0
    requested = requests(browser)
    assert requested == [pages[name]]
    # The script ran (the CSP let it): the filters are shown and count the cards.
    assert browser.find_element(By.CSS_SELECTOR, "form.filters").is_displayed()
    assert browser.execute_script("return document.documentElement.className") == ""


@pytest.mark.parametrize("name", ["seeds", "discrepancy", "timeline"])
def test_every_finding_has_its_card_in_order(
    browser: webdriver.Chrome, pages: dict[str, str], results: dict[str, CheckResult], name: str
) -> None:
    load(browser, pages[name])
    result = results[name]
    assert shown(browser) == fact_ids(result)
    total = len(result.findings)
    assert status(browser) == f"{total} of {total} finding{'' if total == 1 else 's'} shown"
    # The open cards (those that fail) have their chart in the page; the others get theirs
    # when they open.
    charts = browser.find_elements(By.CSS_SELECTOR, "article.card svg.number-line")
    assert len(charts) == sum(result.fails(f) for f in result.findings)


def test_a_collapsed_card_gets_its_body_when_it_opens(
    browser: webdriver.Chrome, pages: dict[str, str]
) -> None:
    load(browser, pages["discrepancy"])
    card = browser.find_element(By.ID, "fact-projectiles-launched")
    assert card.find_elements(By.CSS_SELECTOR, "li.claim") == []
    card.find_element(By.TAG_NAME, "summary").click()
    wait_for(browser, lambda: len(card.find_elements(By.CSS_SELECTOR, "li.claim")) == 4)
    assert [s.text for s in card.find_elements(By.CSS_SELECTOR, "li.claim strong")] == [
        "more than 300",
        "hundreds of",
        "over 300",
        "more than 300",
    ]
    rows = card.find_elements(By.CSS_SELECTOR, "svg.number-line g.row")
    assert [r.find_element(By.CSS_SELECTOR, "text.label").text for r in rows] == [
        "more than 300",
        "hundreds of",
        "over 300",
        "more than 300",
    ]
    assert card.find_elements(By.CSS_SELECTOR, 'script[type="text/html"]') == []
    assert log(browser, "browser") == []


def test_the_conflicting_pair_is_marked(browser: webdriver.Chrome, pages: dict[str, str]) -> None:
    load(browser, pages["discrepancy"])
    card = browser.find_element(By.ID, "fact-drones-launched")
    assert card.find_element(By.TAG_NAME, "details").get_attribute("open") == "true"
    marked = card.find_elements(By.CSS_SELECTOR, "li.claim.conflict")
    assert [c.find_element(By.CSS_SELECTOR, "strong").text for c in marked] == ["170", "185"]
    assert [c.find_element(By.CSS_SELECTOR, "em.flag").text for c in marked] == [
        "✗ conflicting"
    ] * 2
    rows = card.find_elements(By.CSS_SELECTOR, "svg.number-line g.row.conflict")
    assert [r.find_element(By.CSS_SELECTOR, "text.label").text for r in rows] == ["170", "185"]
    # The conflicting claims are drawn in red, not only named.
    color = browser.execute_script(
        "return getComputedStyle(arguments[0]).fill",
        rows[0].find_element(By.CSS_SELECTOR, ".cross"),
    )
    assert color == "rgb(194, 31, 31)"


def test_a_click_on_a_verdict_filter_hides_the_agreements(
    browser: webdriver.Chrome, pages: dict[str, str], results: dict[str, CheckResult]
) -> None:
    load(browser, pages["discrepancy"])
    result = results["discrepancy"]
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=agreement]").click()
    others = (Verdict.DISCREPANCY, Verdict.EVOLVING, Verdict.SINGLE_SOURCE)
    assert shown(browser) == fact_ids(result, *others)
    assert "fact-projectiles-launched" not in shown(browser)
    assert status(browser) == "9 of 10 findings shown"
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=agreement]").click()
    assert shown(browser) == fact_ids(result)


def test_severity_origin_fails_and_search_filters(
    browser: webdriver.Chrome, pages: dict[str, str]
) -> None:
    load(browser, pages["discrepancy"])
    browser.find_element(By.CSS_SELECTOR, "input[name=severity][value=warning]").click()
    assert shown(browser) == ["fact-drones-launched", "fact-projectiles-launched"]
    browser.find_element(By.CSS_SELECTOR, "input[name=severity][value=warning]").click()
    Select(browser.find_element(By.NAME, "origin")).select_by_visible_text(
        "officials in Washington (1)"
    )
    assert shown(browser) == ["fact-drones-launched"]
    Select(browser.find_element(By.NAME, "origin")).select_by_index(0)
    browser.find_element(By.NAME, "fails").click()
    assert shown(browser) == ["fact-drones-launched"]
    browser.find_element(By.NAME, "fails").click()
    search = browser.find_element(By.NAME, "q")
    search.send_keys("Rafah refuge")  # words anywhere in a card, in any order
    wait_for(browser, lambda: shown(browser) == ["fact-rafah-sheltering"])
    assert status(browser) == "1 of 10 findings shown"
    search.clear()
    search.send_keys("wire.md")  # a file name
    wait_for(
        browser, lambda: shown(browser) == ["fact-drones-launched", "fact-projectiles-launched"]
    )


def wait_for(browser: webdriver.Chrome, condition: Callable[[], bool]) -> None:
    """Until `condition` holds (the search waits for the user to stop typing), 5 s at most."""
    WebDriverWait(browser, 5).until(lambda _: condition())


def focused(browser: webdriver.Chrome) -> WebElement:
    element = browser.switch_to.active_element
    assert isinstance(element, WebElement)
    return element


def test_filters_and_cards_are_reachable_and_work_by_keyboard(
    browser: webdriver.Chrome, pages: dict[str, str], results: dict[str, CheckResult]
) -> None:
    load(browser, pages["discrepancy"])
    body = browser.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)
    reached = []
    for _ in range(40):
        element = focused(browser)
        reached.append(
            (element.tag_name, element.get_attribute("name") or "", element.get_attribute("value"))
        )
        if reached[-1] == ("input", "verdict", "agreement"):
            break
        element.send_keys(Keys.TAB)
    assert reached[0] == ("a", "", None)  # the skip link comes first
    assert reached[-1] == ("input", "verdict", "agreement")
    focused(browser).send_keys(Keys.SPACE)
    assert "fact-projectiles-launched" not in shown(browser)
    assert len(shown(browser)) == len(results["discrepancy"].findings) - 1
    # A card opens from the keyboard: focus its summary, press Enter.
    summary = browser.find_element(By.CSS_SELECTOR, "#fact-rafah-sheltering summary")
    details = browser.find_element(By.CSS_SELECTOR, "#fact-rafah-sheltering details")
    assert details.get_attribute("open") is None
    browser.execute_script("arguments[0].focus()", summary)
    focused(browser).send_keys(Keys.ENTER)
    assert details.get_attribute("open") == "true"


def test_expand_and_collapse_all_act_on_the_shown_cards(
    browser: webdriver.Chrome, pages: dict[str, str]
) -> None:
    load(browser, pages["discrepancy"])
    browser.find_element(By.CSS_SELECTOR, "input[name=verdict][value=agreement]").click()
    browser.find_element(By.CSS_SELECTOR, "[data-action=expand]").click()
    opened = browser.execute_script(
        "return Array.from(document.querySelectorAll('article.card'), a => "
        "[a.id, a.querySelector('details').open])"
    )
    assert [open_ for id_, open_ in opened if id_ != "fact-projectiles-launched"] == [True] * 9
    assert dict(opened)["fact-projectiles-launched"] is False
    browser.find_element(By.CSS_SELECTOR, "[data-action=collapse]").click()
    assert (
        browser.execute_script(
            "return document.querySelectorAll('article.card details[open]').length"
        )
        == 0
    )


def test_the_timeline_marks_its_bad_steps(browser: webdriver.Chrome, pages: dict[str, str]) -> None:
    load(browser, pages["timeline"])
    card = browser.find_element(By.ID, "fact-gaza-death-toll")
    marks = card.find_elements(By.CSS_SELECTOR, "svg.timeline g.mark.bad")
    assert [m.get_attribute("class") for m in marks] == [
        "mark o1 step-same-day bad",
        "mark o3 step-wrong-way bad",
    ]
    rows = card.find_elements(By.CSS_SELECTOR, "table.steps tr.bad")
    assert [r.text for r in rows] == [
        "2024-03-20 ✗ #2 32,000 Wire B same-day: contradicts '31,000' (Wire C)",
        "2024-04-18 ✗ #4 29,000 Wire D wrong-way: after '31,000' (Wire C)",
    ]


def test_dark_mode_and_print_styles_apply(browser: webdriver.Chrome, pages: dict[str, str]) -> None:
    load(browser, pages["discrepancy"])
    background = "return getComputedStyle(document.documentElement).backgroundColor"
    assert browser.execute_script(background) == "rgb(255, 255, 255)"
    set_color_scheme(browser, "dark")
    assert browser.execute_script(background) == "rgb(21, 24, 28)"
    browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    try:
        assert browser.execute_script(background) == "rgb(255, 255, 255)"
        display = "return getComputedStyle(document.querySelector('form.filters')).display"
        assert browser.execute_script(display) == "none"
    finally:
        browser.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": ""})


def test_a_link_to_a_card_opens_it(browser: webdriver.Chrome, pages: dict[str, str]) -> None:
    load(browser, pages["discrepancy"] + "#fact-rafah-sheltering")
    details = browser.find_element(By.CSS_SELECTOR, "#fact-rafah-sheltering details")
    assert details.get_attribute("open") == "true"
