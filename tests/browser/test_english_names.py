"""English names a translation keeps are marked as English, and as names a browser's translator leaves alone."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import language_codes, site_pages

pytestmark = pytest.mark.browser

TRANSLATED = language_codes()[1:]
NAMES = ["Spaces of Sanctuary Portsmouth", "Spaces of Sanctuary", "Space of Sanctuary", "Pompey Safe Spaces Scheme", "Portsmouth"]
# The header, the footer's links and every heading: where a reader meets the names first.
WHERE = "header, footer a, h1, h2, h3, h4, h5, h6, main p"

UNMARKED = """([where, names, everywhere]) => {
  const out = [];
  for (const holder of document.querySelectorAll(where)) {
    const walker = document.createTreeWalker(holder, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode, el = node.parentElement;
      const name = names.find(n => node.textContent.includes(n));
      if (!name || (holder.matches('main p') && !everywhere.includes(name))) continue;
      const lang = el.closest('[lang]').getAttribute('lang');
      const translate = el.closest('[translate]');
      if (lang !== 'en' || !translate || translate.getAttribute('translate') !== 'no') {
        out.push(`"${name}" in <${el.tagName.toLowerCase()}> (lang=${lang})`);
      }
    }
  }
  return [...new Set(out)];
}"""


@pytest.mark.parametrize("code", TRANSLATED)
def test_kept_english_names_are_marked_english(example_site, site_url, tab, code):
    opened = tab(viewport=checks.PHONE)
    pages = [page for page in site_pages(example_site, code) if page.kind != "404"]
    pages.append(type(pages[0])("venue", f"{code}/venues/example-harbour-library/"))  # also in the Pompey scheme
    found, seen = [], set()
    for page in pages:
        playwright_page = opened.goto(site_url + page.path)
        seen.update(playwright_page.evaluate("names => names.filter(n => document.body.innerText.includes(n))", NAMES))
        found += [f"/{page.path}: {line}" for line in
                  playwright_page.evaluate(UNMARKED, [WHERE, NAMES, ["Pompey Safe Spaces Scheme"]])]
    assert found == [], "\n".join(found)
    assert {"Spaces of Sanctuary Portsmouth", "Pompey Safe Spaces Scheme"} <= seen  # the check met what it checks
