"""Words keep their spaces: no link or label laid out as flex or grid swallows the space beside a name inside it."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import languages

pytestmark = pytest.mark.browser

PAGES = ["", "venues/", "venues/example-harbour-library/", "about/"]
# In a flex or grid box, text beside an element becomes its own item, and the space between them is dropped:
# "انضمّوا إلى<bdi>Spaces of Sanctuary</bdi>" shows as one word.
SWALLOWED = """() => {
  const out = [];
  for (const el of document.querySelectorAll('body *')) {
    if (!/flex|grid/.test(getComputedStyle(el).display)) continue;
    el.childNodes.forEach(node => {
      if (node.nodeType !== Node.TEXT_NODE || !node.textContent.trim()) return;
      const before = node.previousSibling, after = node.nextSibling;
      if ((before && before.nodeType === Node.ELEMENT_NODE && /^\\s/.test(node.textContent))
          || (after && after.nodeType === Node.ELEMENT_NODE && /\\s$/.test(node.textContent))) {
        out.push(`<${el.tagName.toLowerCase()} class="${el.className}">: "${el.textContent.trim().slice(0, 50)}"`);
      }
    });
  }
  return out;
}"""


@pytest.mark.parametrize("code", ["en", "ar", "uk", "ps"])
def test_no_link_or_label_swallows_a_space(site_url, tab, code):
    opened = tab(viewport=checks.PHONE)
    found = []
    for path in PAGES:
        page = opened.goto(f"{site_url}{languages()[code]}{path}")
        if path == "venues/":
            page.locator("[data-finder-panel] > summary").click()  # its labels too
        found += [f"/{languages()[code]}{path}: {line}" for line in page.evaluate(SWALLOWED)]
    assert found == [], "\n".join(found)


def test_a_language_filter_reads_its_name_then_its_english_name_with_a_space(site_url, tab):
    page = tab(viewport=checks.PHONE).goto(f"{site_url}ar/venues/")
    page.locator("[data-finder-panel] > summary").click()
    assert page.locator("label[for='filter-lang-ar']").inner_text().strip() == "العربية"
    assert page.locator("label[for='filter-lang-uk']").inner_text().strip() == "Українська (الأوكرانية)"
    english = tab(viewport=checks.PHONE).goto(f"{site_url}venues/")
    english.locator("[data-finder-panel] > summary").click()
    assert english.locator("label[for='filter-lang-ar']").inner_text().strip() == "العربية (Arabic)"
