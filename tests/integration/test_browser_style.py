"""The Browser style seen in a real Browser, and the local server kept offline.

- The running test server's own settings (``dbms.listConfig``) and what it serves its Browser
  (``dbms.clientConfig``, which Browser reads on connect) turn usage data off.
- Headless Chromium connects to the test server's Browser, runs the tour's Malta drill-down
  and checks that the drawn nodes of that one module (``people``) carry as many fills as the
  answer has labels, each the shade graph/style.grass gives the label; that the screenshot
  shows those shades; that no usage-data banner is on the page; and that the page fetched
  nothing from any host but the local server. The screenshot is kept in test-artifacts/.
"""

from __future__ import annotations

import re
import struct
import time
import urllib.parse
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from tests.integration.test_browser_guide import (  # noqa: F401  (browser_target: a fixture)
    ARTIFACTS,
    _usable,
    _wait,
    browser_target,
)
from vivim_graph.browser import guide as browser_guide
from vivim_graph.browser.guide import served_style
from vivim_graph.model.spec import load_model

pytestmark = pytest.mark.integration

# Browser 5.24's banner (its UdcConsentBanner), shown when telemetry is left to Browser.
BANNER_TEXT = "we collect information on product usage"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
RECORD_BLOCKED = (
    "window.__blocked = []; document.addEventListener('securitypolicyviolation',"
    " e => window.__blocked.push(e.blockedURI));"
)


def _local_runner(neo4j_server: Any) -> None:
    if neo4j_server.backend != "local runner":
        pytest.fail(
            f"the offline settings belong to the local runner; this run uses "
            f"{neo4j_server.backend}. Unset NEO4J_URI so the tests start the local runner.",
            pytrace=False,
        )


def test_local_server_sends_no_usage_data(neo4j_server, driver):
    _local_runner(neo4j_server)
    records, _, _ = driver.execute_query(
        "CALL dbms.listConfig() YIELD name, value RETURN name, value", database_="system"
    )
    wanted = {"dbms.usage_report.enabled", "client.allow_telemetry"}
    config = {r["name"]: r["value"] for r in records if r["name"] in wanted}
    assert config == {
        "dbms.usage_report.enabled": "false",
        "client.allow_telemetry": "false",
    }, "the running test server predates the offline settings: stop it and run again"
    # What Browser itself reads on connect, and decides the banner on.
    records, _, _ = driver.execute_query("CALL dbms.clientConfig()", database_="system")
    client = {r["name"]: r["value"] for r in records}
    assert client.get("client.allow_telemetry") == "false", client
    # Community's Browser loads analytics and fonts from the internet whatever neo4j.conf
    # says: the page it is served declares that it may load from this server only.
    with urllib.request.urlopen(f"{neo4j_server.http_url}/browser/", timeout=10) as response:
        page = response.read().decode("utf-8")
    policy = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', page)
    assert policy, "the served index.html has no Content-Security-Policy"
    directives = dict(d.strip().split(" ", 1) for d in policy.group(1).split(";") if d.strip())
    assert directives["default-src"] == "'self'"
    for name in ("script-src", "style-src", "font-src", "img-src", "connect-src"):
        sources = directives[name].split()
        hosts = [s for s in sources if "://" in s]
        assert all(re.match(r"^(ws|http)://(127\.0\.0\.1|localhost):", h) for h in hosts), (
            name,
            sources,
        )
        assert "*" not in sources and "https:" not in sources, (name, sources)


# --------------------------------------------------------------------------- Chromium
def _grass_rules() -> dict[str, dict[str, str]]:
    rules = {}
    for label, body in re.findall(r"^node\.(\w+) \{ (.*) \}$", served_style(), re.M):
        props = (p.split(":", 1) for p in body.split(";") if p.strip())
        rules[label] = {k.strip(): v.strip().lower() for k, v in props}
    return rules


def _connect(chrome: Any, http_url: str, neo4j_server: Any) -> None:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    chrome.get(f"{http_url}/browser/")
    address = _wait(chrome, lambda d: _usable(d, "[data-testid=boltaddress]"), "no connect form")
    bolt = neo4j_server.uri.split("://", 1)[1]
    if address.get_attribute("value") != bolt:  # React keeps its state: type, do not clear()
        address.send_keys(Keys.CONTROL, "a")
        address.send_keys(Keys.DELETE, bolt)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=username]").send_keys(neo4j_server.user)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=password]").send_keys(neo4j_server.password)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=connect]").click()


def _malta_labels(driver: Any) -> set[str]:
    """The labels of the nodes the tour's Malta query returns, from the database itself."""
    query = browser_guide.cypher_body(browser_guide.catalog()["explore/malta_cost_drivers"])
    records, _, _ = driver.execute_query(query, database_="neo4j")
    labels: set[str] = set()
    for record in records:
        for value in record.values():
            if value is not None and hasattr(value, "labels"):
                labels |= set(value.labels)
    return labels


def _png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])  # the IHDR chunk comes first
    return width, height


def _pixels_of(path: Path, colour: str) -> int:
    """How many screenshot pixels have the colour (±2 per channel for rounding)."""
    import matplotlib.image
    import numpy as np

    pixels = (matplotlib.image.imread(path)[..., :3] * 255).round()
    target = np.array([int(colour[i : i + 2], 16) for i in (1, 3, 5)])
    return int((np.abs(pixels - target) <= 2).all(axis=-1).sum())


@pytest.mark.browser
def test_malta_drill_down_is_drawn_in_shades_without_a_usage_banner(
    browser_target,  # noqa: F811  (the fixture imported above)
    neo4j_server,
    driver,
):
    from selenium.webdriver.common.by import By

    http_url, chrome = browser_target
    rules = _grass_rules()
    model = load_model()
    expected = _malta_labels(driver)
    modules = {model.node_by_label[label].module for label in expected}
    assert len(expected) >= 3 and len(modules) == 1, (expected, modules)

    # Chrome lists a request the page's policy blocked among its resources too (0 ms):
    # record the blocked ones to tell them from requests that went out.
    chrome.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": RECORD_BLOCKED})
    _connect(chrome, http_url, neo4j_server)
    _run_the_tours_malta_query(chrome, rules["Location"]["color"])
    drawn = _wait(
        chrome,
        lambda d: fills if len(fills := _drawn_fills(d)) >= len(expected) else None,
        f"the Malta drill-down drew fewer than {len(expected)} node colours",
    )
    shades = {rules[label]["color"] for label in expected}
    assert drawn == shades, (drawn, shades)  # one shade per label, all of one module
    for label in expected:
        chip = chrome.find_element(
            By.CSS_SELECTOR, f"[data-testid=property-details-overview-node-label-{label}]"
        )
        assert _rgb(rules[label]["color"]) in (chip.get_attribute("style") or ""), label
    sizes = {
        t.get_attribute("font-size")
        for t in chrome.find_elements(By.CSS_SELECTOR, "svg g.node text")
    }
    assert sizes == {"12px"}, sizes

    time.sleep(1.5)  # the force layout settles
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "browser-style-malta.png"
    chrome.save_screenshot(str(shot))
    print(f"screenshot: {shot}")
    width, height = _png_size(shot)
    assert width >= 1200 and height >= 800, (width, height)
    visible = {c for c in shades if _pixels_of(shot, c) >= 100}
    assert len(visible) >= 2, f"the screenshot shows {visible} of {shades} ({shot})"

    page = chrome.find_element(By.TAG_NAME, "body").text
    assert BANNER_TEXT not in page.lower(), f"usage-data banner on the page ({shot})"
    _nothing_fetched_from_the_internet(chrome)


def _run_the_tours_malta_query(chrome: Any, location_colour: str) -> None:
    """Once the style applied on connect, click the Malta query on the guide's first page."""
    from selenium.webdriver.common.by import By

    _wait(
        chrome,
        lambda d: (
            location_colour
            in (d.execute_script("return localStorage.getItem('neo4j.grass')") or "").lower()
        ),
        "the style from graph/style.grass was not applied",
    )
    query = _wait(
        chrome,
        lambda d: d.find_elements(By.CSS_SELECTOR, "pre.runnable[mode=cypher]"),
        "the guide shows no clickable query",
    )[0]
    assert "l.country_code = 'MT'" in query.text
    query.find_element(By.CSS_SELECTOR, "i.fa-play-circle-o").click()


def _nothing_fetched_from_the_internet(chrome: Any) -> None:
    fetched = chrome.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    blocked = set(chrome.execute_script("return window.__blocked || []"))
    remote = [urllib.parse.urlsplit(u) for u in fetched]
    outside = {u.geturl() for u in remote if u.scheme != "data" and u.hostname not in LOCAL_HOSTS}
    assert fetched and outside <= blocked, f"fetched from the internet: {outside - blocked}"
    print(f"blocked by the offline policy: {sorted(blocked)}")


def _drawn_fills(chrome: Any) -> set[str]:
    from selenium.webdriver.common.by import By

    circles = chrome.find_elements(By.CSS_SELECTOR, "svg g.node circle.b-outline")
    return {(c.get_attribute("fill") or "").lower() for c in circles}


def _rgb(colour: str) -> str:
    """Browsers report inline colours as rgb(); compare in that form."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"
