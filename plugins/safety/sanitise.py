"""Clean each content page's HTML with the sanitiser venue descriptions go through (nh3)."""

from __future__ import annotations

import logging
from pathlib import Path

import nh3
from pelican.contents import Page
from venues.check.load import display_path
from venues.text import ALLOWED_SCHEMES, ALLOWED_TAGS

from .settings import enabled

log = logging.getLogger(__name__)

# Pages are longer than a venue's description: headings, quotes and tables besides its paragraphs and lists.
PAGE_TAGS = ALLOWED_TAGS | {"h2", "h3", "h4", "bdi", "span", "blockquote", "abbr", "code", "hr",
                            "table", "thead", "tbody", "tr", "th", "td"}
# A translation marks words kept in English (lang, dir, translate); no class, id or style: a page cannot
# dress itself as part of the site's own interface.
PAGE_ATTRIBUTES = {"*": {"lang", "dir", "translate"}, "a": {"href", "hreflang"}, "abbr": {"title"}, "th": {"scope"}}


def _cleaner(strip_comments: bool) -> nh3.Cleaner:
    return nh3.Cleaner(tags=PAGE_TAGS, attributes=PAGE_ATTRIBUTES, url_schemes=ALLOWED_SCHEMES,
                       link_rel=None, strip_comments=strip_comments)


CLEANER = _cleaner(strip_comments=True)
# The same rules keeping comments: what it changes is markup the sanitiser removed, worth a warning.
CHECKER = _cleaner(strip_comments=False)


def clean_page_html(html: str) -> str:
    """Keep text, headings, lists, tables and http(s), tel: and mailto: links; drop scripts, handlers and styles."""
    return CLEANER.clean(html)


def removes_markup(html: str) -> bool:
    """Tell whether cleaning takes out more than comments."""
    return CHECKER.clean(html) != html.strip()


def sanitise_page(content) -> None:
    """Replace a content page's HTML, and its summary's, by their cleaned versions."""
    if not isinstance(content, Page) or not enabled(content.settings):
        return
    html = content._content or ""
    summary = content.metadata.get("summary")
    if removes_markup(html) or (summary and removes_markup(summary)):
        name = display_path(Path(content.source_path), Path(content.settings["PATH"]).parent)
        log.warning("safety: %s has markup a page may not use (a script, an event handler, a style, an id or class, "
                    "a link that is not http(s), tel: or mailto:, or a tag other than text, headings, lists, "
                    "tables and links): it was removed", name)
    content._content = clean_page_html(html)
    if summary:
        content.metadata["summary"] = content._summary = clean_page_html(summary)
