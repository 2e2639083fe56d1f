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
        # the tour's page for plans, and its graph query (every slide is in the page)
        query = _wait(
            chrome,
            lambda d: [
                q
                for q in d.find_elements(By.CSS_SELECTOR, "pre.runnable[mode=cypher]")
                if "MATCH (s:Scenario {kind: 'plan'})-[h:HAS_STEP]"
                in q.get_attribute("textContent")
            ],
            "the guide has no saved-plans query",
        )[0]
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
        labels = {
            chip.text
            for chip in chrome.find_elements(
                By.CSS_SELECTOR, "[data-testid^=property-details-overview-node-label-]"
            )
        }
        # the plan, its two steps and the milestones they change (M6 and the last)
        assert len(nodes) >= 1 + 2 + 2
        assert any("Scenario" in t for t in labels) and any("PlanStep" in t for t in labels)
        assert any("Milestone" in t for t in labels)
    finally:
        delete(seeded_graph, PLAN["name"])
