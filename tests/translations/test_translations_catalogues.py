"""translations.catalogues: each language's .po is read as written, and a translation holding markup is refused."""

from __future__ import annotations

import pytest
from babel.messages.catalog import Catalog
from translations.catalogues import UnsafeTranslation, catalogue_path, load_translations, unsafe_messages


def write_po(folder, code, pairs):
    path = catalogue_path(folder, code)
    path.parent.mkdir(parents=True)
    lines = ['msgid ""', 'msgstr ""', '"Content-Type: text/plain; charset=UTF-8\\n"', ""]
    for msgid, msgstr in pairs:
        lines += [f'msgid "{msgid}"', f'msgstr "{msgstr}"', ""]
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def test_a_catalogue_lives_under_its_language_code(tmp_path):
    assert catalogue_path(tmp_path, "ar") == tmp_path / "ar" / "LC_MESSAGES" / "messages.po"


def test_a_language_reads_its_po_and_the_default_or_a_missing_one_reads_english(tmp_path, caplog):
    write_po(tmp_path, "uk", [("Places", "Місця")])
    assert load_translations(tmp_path, "uk", "en").gettext("Places") == "Місця"
    assert load_translations(tmp_path, "en", "en").gettext("Places") == "Places"
    assert load_translations(tmp_path, "fa", "en").gettext("Places") == "Places"
    assert "no catalogue for fa" in caplog.text and "make translations" in caplog.text


def test_markup_in_a_translation_is_found_and_stops_the_load(tmp_path):
    catalog = Catalog()
    catalog.add("Places", "Місця")
    catalog.add("Map", '<b onclick="x">Мапа</b>')
    catalog.add(("One place", "%(n)s places"), ("Одне", "<i>багато</i>"))
    assert unsafe_messages(catalog) == ["Map", "One place"]
    write_po(tmp_path, "sq", [("Map", '<b>Harta</b>')])
    with pytest.raises(UnsafeTranslation, match="holds <, > or"):
        load_translations(tmp_path, "sq", "en")
