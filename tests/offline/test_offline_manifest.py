"""offline.manifest: which pages and theme files a phone may keep, each file's revision, and the build's version."""

from __future__ import annotations

from offline.manifest import asset_paths, kept_pages, page_file, precache_manifest, revision, venue_page


def test_the_kept_pages_follow_the_directory_and_venue_settings_unless_set():
    assert kept_pages({}) == ["", "venues/", "urgent-help/", "words.js"]
    moved = {"VENUES_DIRECTORY_URL": "all/", "VENUES_URL": "place-{slug}.html", "VENUES_WORDS_URL": "w.js"}
    assert (kept_pages(moved), venue_page(moved)) == (["", "all/", "urgent-help/", "w.js"], "place-{slug}.html")
    assert kept_pages({**moved, "OFFLINE_PAGES": ["x/"]}) == ["x/"]
    assert venue_page({**moved, "OFFLINE_VENUE_PAGE": "v/{slug}/"}) == "v/{slug}/"


def test_a_pages_file_is_its_folders_index_or_the_file_named(tmp_path):
    assert page_file(tmp_path, "") == tmp_path / "index.html"
    assert page_file(tmp_path, "ar/venues/") == tmp_path / "ar" / "venues" / "index.html"
    assert page_file(tmp_path, "place-cafe.html") == tmp_path / "place-cafe.html"


def site(tmp_path):
    """Write a tiny built site: two languages' pages, a venue page and theme files."""
    output = tmp_path / "output"
    for path, text in {"index.html": "home", "venues/index.html": "list", "urgent-help/index.html": "help",
                       "ar/index.html": "ar home", "ar/venues/index.html": "ar list",
                       "ar/urgent-help/index.html": "ar help", "venues/cafe/index.html": "cafe",
                       "theme/css/site.css": "css", "theme/css/map.css": "map css", "theme/js/map.js": "map",
                       "theme/js/filters.js": "js", "theme/fonts/x.woff2": "font"}.items():
        (output / path).parent.mkdir(parents=True, exist_ok=True)
        (output / path).write_text(text, encoding="utf-8")
    settings = {"OUTPUT_PATH": str(output), "THEME_STATIC_DIR": "theme", "DEFAULT_LANG": "en",
                "TRANSLATIONS_LANGUAGES": {"en": {"name": "English"}, "ar": {"name": "العربية"}}}
    return output, settings


def test_the_manifest_lists_pages_and_assets_with_revisions_and_leaves_the_map_out(tmp_path):
    output, settings = site(tmp_path)
    manifest = precache_manifest(settings, ["cafe"])
    assert manifest["languages"] == {"en": "", "ar": "ar/"} and manifest["default"] == "en"
    assert (manifest["list"], manifest["venuePage"], manifest["venues"]) == ("venues/", "venues/{slug}/", ["cafe"])
    assert manifest["assets"] == ["theme/css/site.css", "theme/js/filters.js"]
    assert manifest["revisions"]["ar/venues/"] == revision(output / "ar" / "venues" / "index.html")
    assert "theme/fonts/x.woff2" in manifest["revisions"] and manifest["onDemand"] == ["theme/fonts/*"]
    assert asset_paths(output / "theme", settings, "OFFLINE_ASSETS_ON_DEMAND") == ["fonts/x.woff2"]


def test_the_version_changes_with_a_kept_venue_page_and_not_otherwise(tmp_path):
    output, settings = site(tmp_path)
    first = precache_manifest(settings, ["cafe"])["version"]
    assert precache_manifest(settings, ["cafe"])["version"] == first
    (output / "venues" / "cafe" / "index.html").write_text("cafe, new hours", encoding="utf-8")
    assert precache_manifest(settings, ["cafe"])["version"] != first
