"""Written pages lose the templates' indentation, and nothing a reader sees or a script reads changes."""

from __future__ import annotations

from minify.html import without_indentation


def test_indentation_goes_and_one_line_break_stays_where_there_was_one():
    html = '<ul>\n    <li class="a">One</li>\n\n    <li>Two <b>three</b>\n  four</li>\n</ul>\n'
    assert without_indentation(html) == '<ul>\n<li class="a">One</li>\n<li>Two <b>three</b>\nfour</li>\n</ul>\n'


def test_spaces_within_a_line_and_attributes_are_left_as_written():
    html = '<p data-words="a  b" title=\'x\'>Two  spaces <span>and</span> <span>words</span></p>'
    assert without_indentation(html) == html


def test_pre_textarea_script_and_style_keep_their_whitespace():
    kept = ["<pre>\n  code\n    more\n</pre>", "<textarea name=\"t\">\n  typed\n</textarea>",
            "<script type=\"application/json\">\n  {\"a\": 1}\n</script>", "<style>\n  .a { }\n</style>"]
    html = "<div>\n  " + "\n  ".join(kept) + "\n</div>"
    assert without_indentation(html) == "<div>\n" + "\n".join(kept) + "\n</div>"


def test_the_built_pages_have_no_indentation_outside_kept_elements(example_site):
    page = (example_site / "ar" / "venues" / "example-college-hub" / "index.html").read_text(encoding="utf-8")
    assert page == without_indentation(page) and "\n  <" not in page
    assert 'class="sos-header"' in page and 'lang="ar" dir="rtl"' in page


def test_the_setting_turns_it_off(tmp_path):
    from tests.conftest import build_site, only_languages

    site = build_site(tmp_path, MINIFY_HTML=False, **only_languages("en", "ar"))
    assert "\n  <meta charset" in (site / "index.html").read_text(encoding="utf-8")
