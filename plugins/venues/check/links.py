"""Find the links in a venue's description, and say which kinds of link it may hold."""

from __future__ import annotations

import re
from html.parser import HTMLParser

from .. import text

# The link types a description may hold: the same list the sanitiser keeps (text.ALLOWED_SCHEMES).
ALLOWED_LINK = re.compile(rf"^({'|'.join(sorted(text.ALLOWED_SCHEMES))}):", re.IGNORECASE)


class _LinkCollector(HTMLParser):
    """Collect the href and src of every tag in some HTML."""

    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.links.extend(value or "" for name, value in attrs if name in {"href", "src"})


def description_links(data: dict) -> list[tuple[tuple, str]]:
    """Return (path, link) for every link in the description's Markdown."""
    description = data.get("description")
    texts = description.items() if isinstance(description, dict) else [("", description)]
    links = []
    for language, markdown in texts:
        if not isinstance(markdown, str):
            continue
        collector = _LinkCollector()
        collector.feed(text.markdown_to_html(markdown))
        path = ("description", language) if language else ("description",)
        links.extend((path, link) for link in collector.links)
    return links
