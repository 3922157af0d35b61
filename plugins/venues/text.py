"""Turn venue text into safe HTML and tidy values for display."""

from __future__ import annotations

import markdown
import nh3

ALLOWED_TAGS = {"p", "a", "em", "strong", "ul", "ol", "li", "br"}
ALLOWED_SCHEMES = {"http", "https", "tel", "mailto"}


def markdown_to_html(source: str) -> str:
    """Render Markdown to HTML, before sanitising."""
    return markdown.markdown(source, output_format="html")


def safe_html(source: str) -> str:
    """Render a venue's Markdown to HTML that keeps only plain text, lists and safe links."""
    return nh3.clean(
        markdown_to_html(source),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href"}},
        url_schemes=ALLOWED_SCHEMES,
        link_rel="noopener noreferrer",
    )


def normalise_postcode(postcode: str) -> str:
    """Write a UK postcode in upper case with one space before the last three characters."""
    compact = "".join(postcode.split()).upper()
    return f"{compact[:-3]} {compact[-3:]}"
