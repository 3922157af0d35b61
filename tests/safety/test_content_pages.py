"""Content pages are trusted less than the code: their HTML is sanitised and they write only to their own paths."""

from __future__ import annotations

import logging
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from safety.paths import PagePathErrors

from tests.browser.chromium import Tab, browser, serve  # noqa: F401  (browser is a fixture)
from tests.conftest import FIXTURES, ROOT, build_site

# What a translator's or coordinator's page might carry, on purpose or pasted from elsewhere.
HOSTILE_PAGE = """Title: ሓገዝ
Slug: urgent-help
Lang: ti
Summary: Call 999 <img src="x" onerror="window.pwned = 'summary'">

## If you are in danger now, call 999

[Call 999](tel:999) for the police.

<script>window.pwned = 'script'</script>
<p onclick="window.pwned = 'click'" style="position:fixed" class="sos-button" id="main-content">Press here</p>
<a href="javascript:window.pwned = 'link'">Open</a> and [this](javascript:alert(1)).
<iframe src="https://elsewhere.invalid/"></iframe><style>body { display: none }</style>
<form action="https://elsewhere.invalid/"><input name="q"></form>

Kept: <bdi lang="en" dir="ltr" translate="no">Samaritans</bdi>, [a site](https://example.org/) and
[email](mailto:help@example.org).

A paragraph with an attribute list.
{: onmouseover="window.pwned = 'attr_list'" }
"""


def one_venue(tmp_path: Path) -> Path:
    folder = tmp_path / "venues"
    folder.mkdir()
    shutil.copy(FIXTURES / "venues" / "valid" / "minimal.yaml", folder)
    return folder


def content_with(tmp_path: Path, pages: dict[str, str]) -> Path:
    """Write a content folder holding only the given pages (path under pages/ → text)."""
    content = tmp_path / "content"
    for name, text in pages.items():
        (content / "pages" / name).parent.mkdir(parents=True, exist_ok=True)
        (content / "pages" / name).write_text(text, encoding="utf-8")
    return content


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """Build a site whose Tigrinya urgent-help page carries scripts, handlers and javascript: links."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    content = content_with(tmp_path, {"ti/urgent-help.md": HOSTILE_PAGE})
    records = []
    handler = logging.Handler()
    handler.emit = records.append
    logging.getLogger("safety").addHandler(handler)
    try:
        site = build_site(tmp_path, one_venue(tmp_path), PATH=str(content))
    finally:
        logging.getLogger("safety").removeHandler(handler)
    return site, [record.getMessage() for record in records]


def test_scripts_handlers_styles_and_javascript_links_are_removed(hostile_site):
    site, _ = hostile_site
    html = (site / "ti" / "urgent-help" / "index.html").read_text(encoding="utf-8")
    prose = re.search(r'<div class="sos-prose">(.*?)</div>\s*</main>', html, re.DOTALL).group(1)
    assert "pwned" not in html
    for banned in ("<script", "<iframe", "<style", "<form", "<input", "javascript:", " on", "style=", "class=", "id="):
        assert banned not in prose, banned
    assert "Press here" in prose  # the words stay; only the markup goes
    assert '<bdi lang="en" dir="ltr" translate="no">Samaritans</bdi>' in prose
    assert '<a href="https://example.org/">a site</a>' in prose
    assert '<a href="mailto:help@example.org">email</a>' in prose
    assert '<a href="tel:999">Call 999</a>' in prose
    description = re.search(r'<meta name="description" content="([^"]*)"', html).group(1)
    assert "onerror" not in description and "<" not in description


def test_the_build_names_the_page_whose_markup_was_removed(hostile_site):
    _, messages = hostile_site
    assert len(messages) == 1
    assert messages[0].startswith("safety: content/pages/ti/urgent-help.md has markup a page may not use")


@pytest.mark.browser
def test_nothing_in_the_page_runs_in_chromium(hostile_site, browser):  # noqa: F811
    site, _ = hostile_site
    with serve(site) as url:
        tab = Tab(browser)
        try:
            page = tab.goto(url + "ti/urgent-help/")
            page.get_by_text("Press here").click()
            page.get_by_text("Open", exact=True).click()
            page.get_by_text("A paragraph with an attribute list.").hover()
            assert page.evaluate("window.pwned") is None
            assert page.evaluate("document.body.checkVisibility()")
            assert page.locator("script:not([src]), iframe, style, form").count() == 0
            assert tab.errors == [] and tab.left_the_site() == []
        finally:
            tab.close()


def test_the_site_s_own_pages_lose_nothing_but_comments():
    """Every page of the site passes the sanitiser as it is, so the build warns only about a page that changed."""
    from pelican.readers import MarkdownReader
    from pelican.settings import read_settings
    from safety.sanitise import clean_page_html, removes_markup

    reader = MarkdownReader(read_settings(str(ROOT / "pelicanconf.py")))
    sources = sorted((ROOT / "content" / "pages").rglob("*.md"))
    assert len(sources) > 60
    for source in sources:
        html, metadata = reader.read(str(source))
        assert not removes_markup(html), source
        assert not removes_markup(metadata.get("summary", "")), source
    html, _ = reader.read(str(ROOT / "content" / "pages" / "ckb" / "urgent-help.md"))
    assert '<a href="tel:116123">' in clean_page_html(html) and '<bdi dir="ltr">116 123</bdi>' in clean_page_html(html)


# Each case: the page's path under content/pages/, its text, and the message's start (file:line:column: ...).
PATH_CASES = {
    "fake venue page": (
        "ti/urgent-help.md",
        "Title: ሓገዝ\nSlug: urgent-help\nLang: ti\nSave_as: venues/fake-sanctuary/index.html\n\nText.\n",
        "content/pages/ti/urgent-help.md:4:1: Save_as: venues/fake-sanctuary/index.html would write under venues/",
    ),
    "the map page": (
        "about.md", "Title: About\nSlug: about\nSave_as: map/index.html\nURL: map/\n\nText.\n",
        "content/pages/about.md:3:1: Save_as: map/index.html would write under map/",
    ),
    "a slug that is the theme folder": (
        "fa/theme.md", "Title: T\nLang: fa\nSlug: theme\n\nText.\n",
        "content/pages/fa/theme.md:3:1: Slug: theme is a name the site uses for its own pages",
    ),
    "a slug that is a path": (
        "about.md", "Title: About\nslug: venues/fake\n\nText.\n",
        "content/pages/about.md:2:1: Slug: venues/fake must be one word",
    ),
    "a slug that climbs back in": (
        "about.md", "Title: About\nSlug: about/../venues/fake\n\nText.\n",
        "content/pages/about.md:2:1: Slug: about/../venues/fake must be one word",
    ),
    "another language's home": (
        "about.md", "Title: About\nSlug: ar\n\nText.\n",
        "content/pages/about.md:2:1: Slug: ar is a name the site uses",
    ),
    "the home page": (
        "about.md", "Title: About\nSlug: about\nSave_as: index.html\n\nText.\n",
        "content/pages/about.md:3:1: Save_as: index.html would write index.html, which belongs to the site",
    ),
    "another page's folder": (
        "about.md", "Title: About\nSlug: about\nSave_as: privacy/more/index.html\n\nText.\n",
        "content/pages/about.md:3:1: Save_as: privacy/more/index.html would write somewhere else",
    ),
    "a link that points elsewhere": (
        "ar/about.md", "Title: A\nSlug: about\nLang: ar\nURL: venues/fake/\n\nText.\n",
        "content/pages/ar/about.md:4:1: URL: venues/fake/ would send readers somewhere else",
    ),
    "overwriting a file": (
        "about.md", "Title: About\nSlug: about\nOverride_save_as: true\n\nText.\n",
        "content/pages/about.md:3:1: a page may not overwrite another file",
    ),
}


@pytest.mark.parametrize("name", list(PATH_CASES))
def test_a_page_that_writes_outside_its_own_path_stops_the_build(tmp_path, name):
    page, text, message = PATH_CASES[name]
    content = content_with(tmp_path, {page: text})
    with pytest.raises(PagePathErrors) as stopped:
        build_site(tmp_path, one_venue(tmp_path), PATH=str(content))
    assert [str(problem) for problem in stopped.value.problems][0].startswith(message)
    assert not (tmp_path / "output" / "venues" / "fake-sanctuary").exists()


def test_every_problem_is_reported_at_once(tmp_path):
    content = content_with(tmp_path, {
        "about.md": "Title: About\nSlug: about\nSave_as: map/index.html\n\nText.\n",
        "uk/about.md": "Title: A\nSlug: venues\nLang: uk\n\nText.\n",
    })
    with pytest.raises(PagePathErrors, match=r"2 content page\(s\) must be fixed") as stopped:
        build_site(tmp_path, one_venue(tmp_path), PATH=str(content))
    assert [problem.file for problem in stopped.value.problems] == ["content/pages/about.md",
                                                                     "content/pages/uk/about.md"]


def test_the_pelican_command_exits_non_zero_naming_the_file(tmp_path):
    content = content_with(tmp_path, {"ti/urgent-help.md": PATH_CASES["fake venue page"][1]})
    result = subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-s", str(ROOT / "pelicanconf.py"), "-o", str(tmp_path / "out"),
         "--fatal", "errors", "-e", "GEOCODING_OFFLINE=true", f'VENUES_PATH="{one_venue(tmp_path)}"'],
        capture_output=True, text=True, cwd=ROOT,
    )
    assert result.returncode != 0
    assert "content/pages/ti/urgent-help.md:4:1: Save_as: venues/fake-sanctuary/index.html" in \
        " ".join((result.stdout + result.stderr).split())
    assert not (tmp_path / "out" / "venues" / "fake-sanctuary").exists()
