"""The Neo4j Browser guide: generated from the catalog, and shown by a real Browser.

The unit tests need no server. The integration test drives Debian's headless Chromium
(through selenium and chromium-driver) against the test server's own Browser: it connects,
checks that the guide opened by itself, clicks a query and checks that the graph is drawn in
the colours of graph/style.grass. Screenshots go to test-artifacts/.
"""

from __future__ import annotations

import datetime as dt
import re
import shutil
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from pydantic import SecretStr

from vivim_graph.browser import guide as browser_guide
from vivim_graph.browser.guide import Stop, build_guide, cypher_literal, served_style
from vivim_graph.cli.guide import guide_command
from vivim_graph.errors import GuideError
from vivim_graph.queries import catalog as queries
from vivim_graph.servers.local_neo4j import LocalNeo4j
from vivim_graph.settings import load_settings

ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"
CHROMIUM = ("chromium", "chromium-browser", "google-chrome")
WAIT = 60  # seconds: the first Bolt connection of a fresh server can be slow


# --------------------------------------------------------------------------- unit
def test_guide_holds_every_named_query_with_its_parameters():
    page = build_guide(style_href="http://127.0.0.1:7474/browser/guides/vivim.grass")
    assert page.count("<slide") >= len(browser_guide.TOUR) + 2
    assert '<article class="guide">' in page and "<carousel" in page
    for name, query in queries.catalog().items():
        assert f"<code>{name}</code>" in page, name
        first_line = browser_guide.cypher_body(query).splitlines()[0]
        assert browser_guide._e(first_line) in page, name
        for param in query.parameters:
            assert f":param {param.name} =&gt; " in page, (name, param.name)
    assert ":style http://127.0.0.1:7474/browser/guides/vivim.grass" in page


def test_tour_stops_name_catalog_queries():
    known = set(queries.catalog())
    for stop in browser_guide.TOUR:
        assert set(stop.queries) <= known, stop.title
    with pytest.raises(GuideError, match="no_such_query"):
        build_guide(stops=[Stop("Broken", "a stop naming a missing query", ("no_such_query",))])


def test_parameters_become_cypher_literals():
    assert cypher_literal("it's") == r"'it\'s'"
    assert cypher_literal(None) == "null"
    assert cypher_literal(True) == "true"
    assert cypher_literal(15) == "15" and cypher_literal(0.5) == "0.5"
    assert cypher_literal(dt.date(2026, 1, 31)) == "date('2026-01-31')"
    assert cypher_literal(["MT-VLT", 2]) == "['MT-VLT', 2]"
    assert cypher_literal({"role_category": "eng", "monthly_cents": -5}) == (
        "{`role_category`: 'eng', `monthly_cents`: -5}"
    )


def test_required_parameter_takes_the_example_from_its_description(tmp_path):
    path = tmp_path / "hire.cypher"
    path.write_text(
        "// question: A test query.\n// parameters:\n"
        '//   role: {type: string, required: true, description: "Role code, e.g. swe-senior"}\n'
        "//   top: {type: integer, default: 3}\n"
        "//   amount: {type: integer, required: true, description: cents}\n"
        "// columns: {}\nRETURN $role AS role\n"
    )
    query = queries.parse_file(path, "impact/hire", "impact")
    assert browser_guide.param_lines(query) == [
        ":param role => 'swe-senior';",
        ":param top => 3;",
        ":param amount => null;",
    ]
    assert "Set amount before running" in browser_guide._query_html(query)


def test_served_style_has_no_comments_for_browsers_grass_parser():
    style = served_style()
    assert "/*" not in style
    assert style.startswith("node {")
    assert "node.Location { color: " in style
    # Browser's parser toggles string state on every quote: quotes must come in pairs per rule.
    assert all(line.count("'") % 2 == 0 for line in style.splitlines())


def test_local_server_config_opens_the_guide_on_connect(tmp_path):
    settings = load_settings(VIVIM_STATE_DIR=tmp_path, VIVIM_NEO4J_HTTP_PORT=47999, NEO4J_URI=None)
    config = LocalNeo4j(settings)._config_text()
    base = "http://127.0.0.1:47999/browser/guides"
    assert f"browser.post_connect_cmd=play {base}/vivim.html; style {base}/vivim.grass" in config
    assert "browser.remote_content_hostname_whitelist=" in config
    allowlist = re.search(r"remote_content_hostname_whitelist=(.*)", config)
    assert allowlist and "127.0.0.1" in allowlist.group(1).split(",")


def test_guide_command_for_a_remote_server_writes_the_files(tmp_path, monkeypatch):
    monkeypatch.setenv("NEO4J_URI", "neo4j+s://example.databases.neo4j.io")
    result = CliRunner().invoke(guide_command, ["--out", str(tmp_path / "g")])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "g" / "vivim.html").read_text().startswith("<!-- VIVIM cost drivers")
    assert (tmp_path / "g" / "vivim.grass").exists()
    assert ":play https://<allowed host>/" in result.output
    assert "remote_content_hostname_whitelist" in result.output


# --------------------------------------------------------------------------- Browser
def _chrome() -> Any:
    """A headless Chromium driven by selenium; a missing piece fails with what to install."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        pytest.fail("selenium is missing: .venv/bin/pip install -e '.[test]'", pytrace=False)
    binary = next((shutil.which(b) for b in CHROMIUM if shutil.which(b)), None)
    driver_path = shutil.which("chromedriver")
    if binary is None or driver_path is None:
        pytest.fail(
            "the Browser guide test needs Chromium and its WebDriver: "
            "apt-get install -y chromium chromium-driver (./scripts/test installs them)",
            pytrace=False,
        )
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for flag in (
        "--headless=new",
        "--no-sandbox",  # tests run as root here
        "--disable-dev-shm-usage",
        "--window-size=1600,1200",
    ):
        options.add_argument(flag)
    return webdriver.Chrome(service=Service(driver_path), options=options)


@pytest.fixture(scope="module")
def browser_target(request, neo4j_server) -> Iterator[tuple[str, Any]]:
    """The seeded graph in the test server, whose Browser must serve the guide."""
    if neo4j_server.backend != "local runner" or not neo4j_server.http_url:
        pytest.fail(
            f"the Browser tour test needs the local runner, whose Browser serves the guide; "
            f"this run uses {neo4j_server.backend}. Unset NEO4J_URI so the tests start the "
            "local runner, or leave this test out explicitly with: pytest -m 'not browser'",
            pytrace=False,
        )
    url = f"{neo4j_server.http_url}/browser/guides/vivim.html"
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            assert response.status == 200
    except OSError as e:
        pytest.fail(
            f"the test server does not serve the guide at {url} ({e}); it was probably "
            "started before the guide existed: stop it (vivim-graph neo4j stop with the "
            "test state dir and ports) and run the tests again",
            pytrace=False,
        )
    request.getfixturevalue("seeded_graph")  # the seeds, imported once per session
    chrome = _chrome()
    try:
        yield neo4j_server.http_url, chrome
    finally:
        chrome.quit()


def _grass_colours() -> dict[str, str]:
    return dict(re.findall(r"^node\.(\w+) \{ color: (#[0-9A-Fa-f]{6});", served_style(), re.M))


def _wait(chrome: Any, condition, what: str) -> Any:
    from selenium.common.exceptions import StaleElementReferenceException
    from selenium.webdriver.support.ui import WebDriverWait

    # React re-renders frames while they load: an element found a moment ago may be gone.
    wait = WebDriverWait(chrome, WAIT, ignored_exceptions=(StaleElementReferenceException,))
    try:
        return wait.until(lambda d: condition(d))
    except Exception as e:
        ARTIFACTS.mkdir(exist_ok=True)
        chrome.save_screenshot(str(ARTIFACTS / "browser-failure.png"))
        raise AssertionError(
            f"Neo4j Browser: {what} within {WAIT} s (see test-artifacts/browser-failure.png)"
        ) from e


@pytest.mark.integration
@pytest.mark.browser
def test_browser_opens_the_guide_and_draws_a_styled_graph(browser_target, neo4j_server):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys

    http_url, chrome = browser_target
    ARTIFACTS.mkdir(exist_ok=True)
    bolt = neo4j_server.uri.split("://", 1)[1]
    chrome.get(f"{http_url}/browser/")

    address = _wait(chrome, lambda d: _usable(d, "[data-testid=boltaddress]"), "no connect form")
    if address.get_attribute("value") != bolt:  # React keeps its state: type, do not clear()
        address.send_keys(Keys.CONTROL, "a")
        address.send_keys(Keys.DELETE, bolt)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=username]").send_keys(neo4j_server.user)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=password]").send_keys(neo4j_server.password)
    chrome.find_element(By.CSS_SELECTOR, "[data-testid=connect]").click()

    title = _wait(
        chrome,
        lambda d: [h for h in d.find_elements(By.TAG_NAME, "h3") if h.text == browser_guide.TITLE],
        f"the guide titled {browser_guide.TITLE!r} did not open on connect",
    )[0]
    query = _wait(
        chrome,
        lambda d: d.find_elements(By.CSS_SELECTOR, "pre.runnable[mode=cypher]"),
        "the guide shows no clickable query",
    )[0]
    assert "MATCH (l:Location)" in query.text
    colours = _grass_colours()
    # :style runs beside :play on connect; the graph must be drawn after it applied.
    _wait(
        chrome,
        lambda d: (
            colours["Location"].lower()
            in (d.execute_script("return localStorage.getItem('neo4j.grass')") or "").lower()
        ),
        "the style from graph/style.grass was not applied",
    )
    chrome.execute_script("arguments[0].scrollIntoView({block: 'start'})", title)
    time.sleep(0.5)  # let the frame settle before the screenshot
    chrome.save_screenshot(str(ARTIFACTS / "browser-guide.png"))

    query.find_element(By.CSS_SELECTOR, "i.fa-play-circle-o").click()  # runs it
    _wait(
        chrome,
        lambda d: d.find_elements(By.CSS_SELECTOR, "svg g.node circle.b-outline"),
        "running the guide's query drew no graph",
    )
    valletta = _wait(
        chrome,
        lambda d: [
            n for n in d.find_elements(By.CSS_SELECTOR, "svg g.node") if n.text == "Valletta"
        ],
        "no node captioned Valletta (the Location caption from the style)",
    )[0]
    fill = valletta.find_element(By.CSS_SELECTOR, "circle.b-outline").get_attribute("fill")
    assert fill.lower() == colours["Location"].lower()
    for label in ("Location", "TeamMember", "TaxIncentive"):
        chip = chrome.find_element(
            By.CSS_SELECTOR, f"[data-testid=property-details-overview-node-label-{label}]"
        )
        style = chip.get_attribute("style") or ""
        assert _hex(colours[label]) in style, (label, style)
    time.sleep(1.0)  # the force layout settles
    chrome.save_screenshot(str(ARTIFACTS / "browser-graph.png"))


def _usable(chrome: Any, selector: str) -> Any:
    """The first element that can take input yet: the form renders before it is ready."""
    from selenium.webdriver.common.by import By

    found = chrome.find_elements(By.CSS_SELECTOR, selector)
    return next((e for e in found if e.is_displayed() and e.is_enabled()), None)


def _hex(colour: str) -> str:
    """Browsers report inline colours as rgb(); compare in that form."""
    r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
    return f"rgb({r}, {g}, {b})"


def test_local_guide_is_written_where_the_server_serves_it(tmp_path):
    settings = load_settings(
        VIVIM_STATE_DIR=tmp_path, NEO4J_PASSWORD=SecretStr("s3cret-guide"), NEO4J_URI=None
    )
    server = LocalNeo4j(settings)
    files = browser_guide.write_served_guide(server.web_root, server.http_base)
    assert "s3cret-guide" not in files.html.read_text()
    assert files.html.parent == tmp_path.resolve() / "neo4j" / "web" / "browser" / "guides"
