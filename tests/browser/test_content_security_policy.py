"""Every page type in every language, in Chromium: the Content Security Policy is there and nothing breaks it."""

from __future__ import annotations

import pytest
from pelican.settings import read_settings

from tests.browser import checks
from tests.browser.site_pages import ROOT, site_pages

pytestmark = pytest.mark.browser

# Recorded from the first moment of each page, before any of its own scripts run.
RECORD_VIOLATIONS = """
window.__policyViolations = [];
document.addEventListener('securitypolicyviolation', (event) => window.__policyViolations.push(
  `${event.effectiveDirective} refused ${event.blockedURI || 'inline'} at ${event.sourceFile || ''}:${event.lineNumber}`
  + (event.sample ? ` (${event.sample})` : '')));
"""
@pytest.fixture
def watched(tab):
    """Return a phone-sized tab that records policy violations on every page it opens."""
    opened = tab(viewport=checks.PHONE)
    opened.context.add_init_script(RECORD_VIOLATIONS)
    return opened


def violations(opened, site_url, page) -> list[str]:
    """Open a page, wait for its scripts to settle; return the policy violations and console errors it reported."""
    playwright_page = opened.goto(site_url + page.path)
    refused = playwright_page.evaluate("window.__policyViolations")
    if refused:  # a refused script may be what draws the map: do not wait for it
        return [f"/{page.path}: {line}" for line in refused]
    checks.wait_until_ready(playwright_page, page.kind)
    if page.kind == "map":
        # Zooming drops tiles (Leaflet points a dropped tile at a data: image) and opens clusters.
        playwright_page.locator(".leaflet-control-zoom-in").click()
        playwright_page.wait_for_timeout(400)
    found = playwright_page.evaluate("window.__policyViolations")
    found += opened.errors
    opened.errors.clear()
    return [f"/{page.path}: {line}" for line in found]


def expected_policy() -> str:
    from safety.settings import site_policy

    return site_policy(read_settings(str(ROOT / "pelicanconf.py")))


def policy_of(playwright_page) -> str:
    return playwright_page.locator('head > meta[http-equiv="Content-Security-Policy"]').get_attribute("content")


def test_every_page_carries_the_policy_first_in_its_head(example_site, site_url, watched, lang):
    policy = expected_policy()
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    for page in site_pages(example_site, lang):
        playwright_page = watched.goto(site_url + page.path)
        if page.kind != "map":  # the map's is checked below
            assert policy_of(playwright_page) == policy, f"/{page.path}"
        # A policy in a <meta> covers only what comes after it: nothing but the charset may come before.
        assert playwright_page.evaluate(
            "[...document.head.children].findIndex(el => el.httpEquiv === 'Content-Security-Policy')") == 1
        assert playwright_page.locator('head > meta[name="referrer"]').get_attribute("content") == \
            "strict-origin-when-cross-origin"


def test_the_map_page_allows_no_inline_script_either(example_site, site_url, watched, lang):
    page = next(page for page in site_pages(example_site, lang) if page.kind == "map")
    playwright_page = watched.goto(site_url + page.path)
    assert policy_of(playwright_page) == expected_policy()
    assert playwright_page.locator("script:not([src])").count() == 0


def test_no_page_breaks_the_policy(example_site, site_url, watched, lang):
    found = []
    for page in site_pages(example_site, lang):
        found += violations(watched, site_url, page)
    assert found == [], "\n".join(found)
def test_a_script_in_a_page_would_be_refused(example_site, site_url, watched):
    """The policy itself stops inline script: a page that smuggles one in reports it and does not run it."""
    playwright_page = watched.goto(site_url + "about/")
    ran = playwright_page.evaluate("""() => new Promise((resolve) => {
      window.__ran = false;
      const script = document.createElement('script');
      script.textContent = 'window.__ran = true';
      document.body.append(script);
      const image = document.createElement('img');
      image.src = 'https://elsewhere.invalid/pixel.png';
      document.body.append(image);
      setTimeout(() => resolve(window.__ran), 200);
    })""")
    assert ran is False
    reported = playwright_page.evaluate("window.__policyViolations")
    assert any(line.startswith("script-src-elem refused inline") for line in reported), reported
    assert any(line.startswith("img-src refused https://elsewhere.invalid") for line in reported), reported
    watched.errors.clear()  # Chromium also logs the refusals to the console: expected here
