"""The directory's venue cards: each title link is a target a finger can hit."""

from __future__ import annotations

import pytest

from tests.browser import checks
from tests.browser.site_pages import languages, one_language_per_direction

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("code", one_language_per_direction())
def test_every_venue_cards_title_link_is_44_px_tall_at_normal_and_200_percent_text(site_url, tab, code):
    page = tab(viewport=checks.PHONE).goto(f"{site_url}{languages()[code]}venues/")
    for text_size in ("100%", "200%"):
        page.evaluate(f"document.documentElement.style.fontSize = '{text_size}'")
        heights = page.eval_on_selector_all(".sos-venue-card__link", "links => links.map(l => l.getBoundingClientRect().height)")
        assert len(heights) >= 2
        assert min(heights) >= checks.MIN_TARGET - 0.5, f"at {text_size} text: {sorted(heights)[:3]}"
