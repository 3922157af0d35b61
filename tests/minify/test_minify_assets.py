"""The built site serves its own stylesheets and scripts minified, and Leaflet's scripts as their package ships them."""

from __future__ import annotations

import gzip
from pathlib import Path

import rjsmin
from minify.assets import MINIFIERS, is_shipped_minified

from tests.conftest import ROOT, build_site, only_languages

THEME = ROOT / "theme" / "static"


def gzip_size(data: bytes) -> int:
    return len(gzip.compress(data, 9))


def test_own_scripts_and_stylesheets_are_minified(example_site):
    for name in ["js/map.js", "js/directory.js", "js/open-now.js", "css/site.css", "css/map.css", "vendor/leaflet/leaflet.css"]:
        source, served = (THEME / name).read_bytes(), (example_site / "theme" / name).read_bytes()
        assert gzip_size(served) < 0.9 * gzip_size(source), name
        assert b"\n  //" not in served and b"/* " not in served, name  # comments are gone


def test_leaflet_scripts_keep_their_licence_notices(example_site):
    for name in ["vendor/leaflet/leaflet.js", "vendor/supercluster/supercluster.min.js"]:
        assert (example_site / "theme" / name).read_bytes() == (THEME / name).read_bytes()
    assert b"@preserve" in (example_site / "theme" / "vendor/leaflet/leaflet.js").read_bytes()


def test_the_setting_turns_minifying_off(tmp_path):
    site = build_site(tmp_path, MINIFY_ENABLED=False, **only_languages("en", "ar"))
    assert (site / "theme" / "js" / "map.js").read_bytes() == (THEME / "js" / "map.js").read_bytes()


def test_licence_notices_are_kept_and_only_vendored_scripts_count_as_shipped_minified():
    css = MINIFIERS[".css"]("/*! Licence: MIT */\n/* ours */\n.sos-a {\n  color: red;\n}\n")
    assert css == "/*! Licence: MIT */.sos-a{color:red}"
    script = MINIFIERS[".js"]("/*! keep */\n// ours\nvar answer = 1 + 1;\n")
    assert script.startswith("/*! keep */") and "ours" not in script and "var answer=1+1;" in script
    assert is_shipped_minified(Path("vendor/leaflet/leaflet.js"))
    assert not is_shipped_minified(Path("vendor/leaflet/leaflet.css")) and not is_shipped_minified(Path("js/map.js"))


def test_a_scripts_own_names_are_shortened_and_what_other_scripts_see_is_kept():
    script = MINIFIERS[".js"]('(function () {\n  "use strict";\n  var placesFound = 3;\n'
                              '  function sayHowMany(count) { return count; }\n'
                              '  window.sosThing = { say: sayHowMany, found: placesFound };\n})();\n')
    assert '"use strict"' in script and "window.sosThing={say:" in script
    assert "placesFound" not in script and "sayHowMany" not in script and "count" not in script
    # A script written in later JavaScript than the renamer reads is only stripped, and still works.
    later = MINIFIERS[".js"]("const answer = () => 1;  // ours\n")
    assert later == "const answer=()=>1;"


def test_the_directory_pages_scripts_are_smaller_than_stripping_alone_makes_them(example_site):
    for name in ["js/finder.js", "js/directory.js", "js/directory-search.js", "js/i18n.js", "js/map.js"]:
        stripped = rjsmin.jsmin((THEME / name).read_text(encoding="utf-8"))
        assert gzip_size((example_site / "theme" / name).read_bytes()) < 0.92 * gzip_size(stripped.encode()), name
