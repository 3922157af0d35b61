"""safety.paths: which names belong to the site, and how a page that would write elsewhere is told so."""

from __future__ import annotations

from types import SimpleNamespace

from safety.paths import language_prefix, metadata_line, owner_of, page_problems, reserved_names

SETTINGS = {"DEFAULT_LANG": "en", "TRANSLATIONS_LANGUAGES": {"en": {}, "ar": {}}, "THEME_STATIC_DIR": "theme",
            "NETWORK_EXTRA_SAVE_AS": "extra/index.html", "SOMETHING_SAVE_AS": "{slug}/index.html"}


def test_the_sites_own_folders_and_every_languages_are_reserved():
    names = reserved_names(SETTINGS)
    assert {"venues", "map", "theme", "en", "ar", "extra", "network"} <= names  # network: VENUES_NETWORK_SAVE_AS
    assert "{slug}" not in names and "" not in names
    assert "places" in reserved_names({**SETTINGS, "VENUES_SAVE_AS": "places/{slug}/index.html"})


def page(slug, lang="en", **metadata):
    save_as = metadata.get("save_as", f"{language_prefix(SETTINGS, lang)}{slug}/index.html")
    return SimpleNamespace(settings=SETTINGS, slug=slug, lang=lang, metadata=metadata, save_as=save_as,
                           url=metadata.get("url", save_as.removesuffix("index.html")))


def test_a_page_is_one_folder_of_its_own():
    reserved = reserved_names(SETTINGS)
    assert page_problems(page("about"), reserved) == []
    assert page_problems(page("about", "ar"), reserved) == []
    assert [key for key, _ in page_problems(page("../venues"), reserved)] == ["slug"]
    assert "a name the site uses" in page_problems(page("map"), reserved)[0][1]
    [(key, message)] = page_problems(page("about", save_as="venues/index.html"), reserved)
    assert key == "save_as" and "under venues/, which belongs to the site's own pages" in message
    [(key, _)] = page_problems(page("about", url="https://elsewhere.example/"), reserved)
    assert key == "url"
    assert [key for key, _ in page_problems(page("about", override_save_as="x"), reserved)] == ["override_save_as"]


def test_the_owner_of_a_path_is_named_for_the_message():
    reserved = {"venues"}
    assert owner_of("ar/about/index.html", "ar/", reserved) == "somewhere else than this page's own folder"
    assert owner_of("about/index.html", "ar/", reserved) == "outside this language's folder (ar/)"
    assert owner_of("venues.html", "", reserved) == "venues.html, which belongs to the site's own pages"


def test_a_metadata_key_is_found_in_the_header_only(tmp_path):
    source = tmp_path / "page.md"
    source.write_text("Title: About\nSave_as: x.html\n\nSlug: in the body\n", encoding="utf-8")
    assert (metadata_line(source, "save_as"), metadata_line(source, "slug")) == (2, 1)
    assert metadata_line(tmp_path / "missing.md", "slug") == 1
