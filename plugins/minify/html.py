"""Drop the template indentation from rendered HTML pages, keeping one line break wherever there was one."""

from __future__ import annotations

import re

from jinja2 import Template
from pelican.plugins._utils import plugin_enabled

# Whitespace is kept as written inside these: pre and textarea show it, and scripts and styles are left alone.
KEPT = re.compile(r"(<(pre|textarea|script|style)\b.*?</\2\s*>)", re.S | re.I)
# A line break and the spaces, tabs and line breaks after it: the template's indentation. (Starting the pattern at the
# line break, not at spaces before it, makes it three times faster: 0.1 ms a page.)
INDENTED_BREAK = re.compile(r"\n[ \t\r\n]+")


def without_indentation(html: str) -> str:
    """Return the page with each line break's following whitespace run cut to that one line break."""
    # The browser draws any run of spaces and line breaks as one space (white-space: normal, nowrap and pre-line
    # alike), so a single line break reads and renders the same; unlike minify-html (measured in docs/benchmarks.md)
    # it keeps every attribute quoted, every optional tag and every space between inline words.
    parts = KEPT.split(html)
    # split() puts each kept element at 1, 4, 7... (with its tag name after it): only the text between them changes.
    return "".join(INDENTED_BREAK.sub("\n", part) if index % 3 == 0 else part
                   for index, part in enumerate(parts) if index % 3 != 2)


class TidyTemplate(Template):
    """A template whose HTML pages come out without the template's indentation."""

    def render(self, *args, **kwargs) -> str:
        """Render the page, then drop its indentation (pages only: words.js and the manifest are left as written)."""
        html = super().render(*args, **kwargs)
        return without_indentation(html) if (self.name or "").endswith(".html") else html


def tidy_rendered_pages(generator) -> None:
    """Make the generator's templates render pages without indentation, unless MINIFY_HTML is false."""
    # Done as the page is rendered, before Pelican writes it: tidying each file after it was written read and wrote
    # every page twice (13,700 pages at 1,000 venues).
    # Signals outlive a build: in a process that runs several builds (the tests), only answer those that enable us.
    if plugin_enabled("minify", generator.settings.get("PLUGINS")) and generator.settings.get("MINIFY_HTML", True):
        current = generator.env.template_class
        if not issubclass(current, TidyTemplate):  # another plugin's class (fragment_cache's) keeps its own work
            generator.env.template_class = type("Tidy" + current.__name__, (TidyTemplate, current), {})
