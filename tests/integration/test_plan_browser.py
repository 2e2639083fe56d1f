"""The Browser tour's page for saved plans, in a real headless Chromium.

A plan is saved (a :Scenario with its :PlanStep nodes), the test connects the test server's
own Neo4j Browser, finds the tour's "Saved plans" page, runs its graph query and checks that
the plan, its steps and what they affect are drawn. Screenshot: test-artifacts/.
"""

from __future__ import annotations

import time

import pytest

from tests.integration.test_browser_guide import ARTIFACTS, _usable, _wait, browser_target
from vivim_graph.browser import guide as browser_guide
from vivim_graph.impact.plan import run_plan
from vivim_graph.impact.plan_file import parse
from vivim_graph.impact.plan_store import save_plan
from vivim_graph.impact.store import delete

__all__ = ["browser_target"]  # the fixture, shared with the guide's own Browser test
pytestmark = [pytest.mark.integration, pytest.mark.browser]
PLAN = {
    "name": "browser-plan",
    "changes": [{"kind": "users", "mau": 250000}, {"kind": "users", "mau": 60000, "at": "M6"}],
}


def _connect(chrome, http_url: str, neo4j_server) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    chrome.get(f"{http_url}/browser/")
    bolt = neo4j_server.uri.split("://", 1)[1]
    address = _wait(chrome, lambda d: _usable(d, "[data-testid=boltaddress]"), "no connect form")
    if address.get_attribute("value") != bolt:
        address.send_keys(Keys.CONTROL, "a")
        address.send_keys(Keys.DELETE, bolt)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=username]").send_keys(neo4j_server.user)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=password]").send_keys(neo4j_server.password)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=connect]").click()
    _wait(
        chrome,
        lambda d: [h for h in d.find_elements(By.TAG_NAME, "h3") if h.text == browser_guide.TITLE],
        "the guide did not open on connect",
    )


# The carousel shows one slide at a time; its counter ("1/23") sits beside the arrows, the
# next one last. Clicking it through the DOM needs no knowledge of the Browser's classes.
NEXT_SLIDE = r"""
const counter = [...document.querySelectorAll('*')].find(
  e => e.children.length === 0 && /^\s*\d+\s*\/\s*\d+\s*$/.test(e.textContent));
if (!counter) { return null; }
const row = [...counter.parentElement.children];
row[row.length - 1].dispatchEvent(new MouseEvent('click', {bubbles: true}));
return counter.textContent;
"""
PLANS_QUERY = "MATCH (s:Scenario {kind: 'plan'})-[h:HAS_STEP]"


def _to_plans_page(chrome):
    """Page through the tour until the saved-plans page shows; its graph query."""
    from selenium.webdriver.common.by import By

    seen = []
    for _ in range(len(browser_guide.TOUR) + 3):
        found = [
            q
            for q in chrome.find_elements(By.CSS_SELECTOR, "pre.runnable[mode=cypher]")
            if PLANS_QUERY in (q.get_attribute("textContent") or "")
        ]
        if found:
            return found[0]
        seen.append(chrome.execute_script(NEXT_SLIDE))
        time.sleep(1.0)
    chrome.save_screenshot(str(ARTIFACTS / "browser-failure.png"))
    raise AssertionError(f"no saved-plans page in the tour (pages seen: {seen})")


def test_the_tour_shows_saved_plans_their_steps_and_what_they_affect(
    browser_target, neo4j_server, seeded_graph
):
    from selenium.webdriver.common.by import By

    report = run_plan(seeded_graph, parse(PLAN))
    links = save_plan(seeded_graph, PLAN["name"], report)
    assert links > 0
    try:
        http_url, chrome = browser_target
        ARTIFACTS.mkdir(exist_ok=True)
        _connect(chrome, http_url, neo4j_server)
        query = _to_plans_page(chrome)
        play = query.find_element(By.CSS_SELECTOR, "i.fa-play-circle-o")
        chrome.execute_script("arguments[0].click()", play)  # runs it, on its slide or not
        nodes = _wait(
            chrome,
            lambda d: (
                (found := d.find_elements(By.CSS_SELECTOR, "svg g.node"))
                and len(found) >= 4
                and found
            ),
            "running the saved-plans query drew no plan graph",
        )
        time.sleep(1.0)  # the force layout settles
        chrome.save_screenshot(str(ARTIFACTS / "browser-plans.png"))
        chips = chrome.find_elements(
            By.CSS_SELECTOR, "[data-testid^=property-details-overview-node-label-]"
        )
        labels = {c.get_attribute("data-testid").rsplit("-", 1)[-1] for c in chips}
        # the plan, its two steps and the milestones they change
        assert {"Scenario", "PlanStep", "Milestone"} <= labels, labels
        assert len(nodes) >= 1 + 2 + 1
    finally:
        delete(seeded_graph, PLAN["name"])
