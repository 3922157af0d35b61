"""The build writes a service worker with its precache manifest, an app manifest per language, and links them."""

from __future__ import annotations

import gzip
import hashlib
import json
import re
import shutil
import struct
from pathlib import Path
from urllib.parse import urljoin

from babel.messages.pofile import read_po
from offline.manifest import precache_manifest
from pelican.settings import read_settings

from tests.conftest import ROOT, build_site, only_languages

BASE = "https://example.org/sub/"  # any base: every address the build writes is relative
OTHER_LANGUAGES = ["ar", "fa", "ps", "ckb", "ti", "uk", "sq", "vi"]


def worker_manifest(site: Path) -> dict:
    first = (site / "service-worker.js").read_text(encoding="utf-8").split("\n", 1)[0]
    return json.loads(first.removeprefix("var OFFLINE=").removesuffix(";"))


def translated(lang: str, msgid: str) -> str:
    with (ROOT / "theme" / "translations" / lang / "LC_MESSAGES" / "messages.po").open("rb") as file:
        return read_po(file)[msgid].string


def shown_venue_slugs(site: Path) -> list[str]:
    return sorted(path.parent.name for path in (site / "venues").glob("*/index.html")
                  if path.parent.name not in {"offers", "languages"})


def test_the_worker_keeps_each_languages_list_and_the_theme_but_not_the_map(example_site):
    manifest = worker_manifest(example_site)
    assert manifest["languages"] == {"en": "", **{code: f"{code}/" for code in OTHER_LANGUAGES}}
    for prefix in manifest["languages"].values():
        for page in ["", "venues/", "urgent-help/"]:
            data = (example_site / (prefix + page) / "index.html").read_bytes()
            assert manifest["revisions"][prefix + page] == hashlib.sha256(data).hexdigest()[:16], prefix + page
    assets = manifest["assets"]
    assert {"theme/css/site.css", "theme/js/offline.js", "theme/js/directory.js", "theme/icons/icons.svg"} <= set(assets)
    assert not [asset for asset in assets if "map" in asset or "vendor/" in asset or asset.endswith(".png")]
    for asset in assets:
        assert manifest["revisions"][asset] == hashlib.sha256((example_site / asset).read_bytes()).hexdigest()[:16]
    assert manifest["venues"] == shown_venue_slugs(example_site)
    assert "example-lapsed-bookshop" not in manifest["venues"]  # lapsed: not shown, never kept
    assert not any("map/" in page for page in manifest["revisions"])


def test_the_version_follows_the_content_not_the_clock(example_site, tmp_path):
    settings = {"OUTPUT_PATH": str(example_site), "THEME_STATIC_DIR": "theme", "DEFAULT_LANG": "en",
                "TRANSLATIONS_LANGUAGES": {code: {"name": code} for code in ["en", *OTHER_LANGUAGES]}}
    slugs = worker_manifest(example_site)["venues"]
    assert precache_manifest(settings, slugs) == worker_manifest(example_site)
    copy = tmp_path / "copy"
    shutil.copytree(example_site, copy)
    venue_page = copy / "ar" / "venues" / slugs[0] / "index.html"
    venue_page.write_bytes(venue_page.read_bytes().replace(b"</main>", b"<p>changed</p></main>"))
    changed = precache_manifest({**settings, "OUTPUT_PATH": str(copy)}, slugs)
    assert changed["version"] != worker_manifest(example_site)["version"], "a changed venue page is a new version"
    assert precache_manifest({**settings, "OUTPUT_PATH": str(copy)}, slugs[1:])["venues"] == slugs[1:]


def test_every_page_links_its_languages_app_manifest_and_the_worker(example_site):
    pages = sorted(example_site.rglob("*.html"))
    assert len(pages) > 100
    for path in pages:
        relative = path.relative_to(example_site).as_posix()
        address = urljoin(BASE, relative)
        html = path.read_text(encoding="utf-8")
        lang = re.search(r'<html lang="([^"]+)"', html).group(1)
        manifest = re.search(r'<link rel="manifest" href="([^"]+)">', html).group(1)
        assert urljoin(address, manifest) == urljoin(BASE, ("" if lang == "en" else f"{lang}/") + "manifest.webmanifest")
        script = re.search(r'<script defer src="([^"]+/offline\.js)" data-worker="([^"]+)"></script>', html)
        assert urljoin(address, script.group(1)) == urljoin(BASE, "theme/js/offline.js"), relative
        assert urljoin(address, script.group(2)) == urljoin(BASE, "service-worker.js"), relative
        # Our own addition carries no inline script (a CSP without 'unsafe-inline' is coming).
        assert "navigator.serviceWorker" not in html


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_app_manifest_speaks_the_readers_language_and_opens_its_home(example_site):
    for lang in ["en", *OTHER_LANGUAGES]:
        prefix = "" if lang == "en" else f"{lang}/"
        address = urljoin(BASE, f"{prefix}manifest.webmanifest")
        manifest = json.loads((example_site / prefix / "manifest.webmanifest").read_text(encoding="utf-8"))
        assert manifest["lang"] == lang
        assert manifest["dir"] == ("rtl" if lang in {"ar", "fa", "ps", "ckb"} else "ltr")
        assert urljoin(address, manifest["start_url"]) == urljoin(BASE, prefix)
        assert urljoin(address, manifest["scope"]) == BASE
        expected = "Find a space" if lang == "en" else translated(lang, "Find a space")
        assert manifest["short_name"] == expected and expected
        assert manifest["display"] == "standalone"
        for icon in manifest["icons"]:
            path = example_site / urljoin(address, icon["src"]).removeprefix(BASE)
            width, height = png_size(path)
            assert icon["sizes"] == f"{width}x{height}" and icon["type"] == "image/png"
        assert sorted(icon["sizes"] for icon in manifest["icons"]) == ["192x192", "512x512"]


def test_the_map_page_says_it_needs_a_connection_in_every_language(example_site):
    msgid = "The map needs an internet connection. The list works without one on a phone that has opened it before."
    assert msgid in (example_site / "map" / "index.html").read_text(encoding="utf-8")
    for lang in OTHER_LANGUAGES:
        words = translated(lang, msgid)
        assert words and words in (example_site / lang / "map" / "index.html").read_text(encoding="utf-8"), lang


def test_the_saved_line_is_translated_and_waits_hidden_for_the_phone(example_site):
    for lang in ["en", *OTHER_LANGUAGES]:
        prefix = "" if lang == "en" else f"{lang}/"
        html = (example_site / prefix / "venues" / "index.html").read_text(encoding="utf-8")
        note = re.search(r'<p class="sos-saved-note" data-saved-note data-locale="([^"]+)"\s+data-words="([^"]+)" hidden>',
                         html)
        words = "Saved on {date}: check opening times" if lang == "en" else translated(
            lang, "Saved on %(date)s: check opening times").replace("%(date)s", "{date}")
        assert note.group(2) == words
        assert note.group(1) == ("en-GB" if lang == "en" else lang)


def test_the_worker_and_its_registration_stay_small(example_site):
    worker = (example_site / "service-worker.js").read_bytes()
    code = worker.split(b"\n", 1)[1]
    registration = (example_site / "theme" / "js" / "offline.js").read_bytes()
    assert len(gzip.compress(code, 9)) < 2_000
    assert len(gzip.compress(registration, 9)) < 1_000
    assert len(gzip.compress(worker, 9)) < 4_000  # with this build's manifest


def test_without_the_plugin_there_is_no_worker_and_no_link(tmp_path):
    plugins = [name for name in read_settings(str(ROOT / "pelicanconf.py"))["PLUGINS"]
               if name != "offline"]
    site = build_site(tmp_path, PLUGINS=plugins, **only_languages("en", "ar"))
    assert not (site / "service-worker.js").exists() and not (site / "manifest.webmanifest").exists()
    html = (site / "venues" / "index.html").read_text(encoding="utf-8")
    assert "offline.js" not in html and 'rel="manifest"' not in html and "data-saved-note" not in html
