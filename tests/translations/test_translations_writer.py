"""translations.writer: a page written once is written in every language, each with its own words and addresses."""

from __future__ import annotations

import jinja2
import pytest
from pelican.settings import read_settings
from translations.writer import TranslatingWriter

from tests.conftest import ROOT

PAGE = jinja2.Template("{{ LANG }} {{ LANG_DIR }} {{ LANGURL }} {{ page_path }} {{ language_urls|dictsort }} "
                       "{{ LANGUAGES|map(attribute='code')|join(',') }}")


@pytest.fixture
def writer(tmp_path):
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"OUTPUT_PATH": str(tmp_path)})
    return TranslatingWriter(str(tmp_path), settings=settings)


def test_a_page_is_written_in_every_language_under_its_folder(writer, tmp_path):
    writer.write_file("venues/index.html", PAGE, {}, relative_urls=True)
    codes = [language.code for language in writer.languages]
    assert codes[0] == "en" and len(codes) == 9
    english = (tmp_path / "venues" / "index.html").read_text(encoding="utf-8")
    arabic = (tmp_path / "ar" / "venues" / "index.html").read_text(encoding="utf-8")
    assert english.startswith("en ltr .. venues/ ") and arabic.startswith("ar rtl ../../ar venues/ ")
    assert "('ar', '../../ar/venues/')" in arabic and "('en', '../../venues/')" in arabic
    assert all((tmp_path / code / "venues" / "index.html").is_file() for code in codes[1:])


def test_a_page_made_in_some_languages_names_only_those(writer, tmp_path):
    writer.write_file("venues/cafe/poster/index.html", PAGE, {}, relative_urls=True, languages={"uk"})
    written = sorted(path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("index.html"))
    assert written == ["uk/venues/cafe/poster/index.html", "venues/cafe/poster/index.html"]
    assert (tmp_path / "uk" / "venues" / "cafe" / "poster" / "index.html").read_text(encoding="utf-8").endswith(" en,uk")


def test_an_empty_name_writes_nothing(writer, tmp_path):
    writer.write_file("", PAGE, {})
    assert list(tmp_path.iterdir()) == []
