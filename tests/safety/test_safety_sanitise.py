"""safety.sanitise: a content page keeps text, headings, lists, tables and safe links, and nothing that runs."""

from __future__ import annotations

from safety.sanitise import clean_page_html, removes_markup


def test_scripts_handlers_styles_and_unsafe_links_go():
    html = ('<h2 id="x" class="sos-alert" style="color:red" onclick="go()">Help</h2><script>alert(1)</script>'
            '<p><a href="javascript:alert(1)">bad</a> <a href="tel:+441632960123">call</a>'
            ' <a href="https://example.org" target="_blank">web</a></p>')
    assert clean_page_html(html) == ('<h2>Help</h2><p><a>bad</a> <a href="tel:+441632960123">call</a>'
                                     ' <a href="https://example.org">web</a></p>')
    assert removes_markup(html)


def test_a_page_keeps_its_tables_quotes_and_words_in_another_language():
    html = ('<table><thead><tr><th scope="col">Day</th></tr></thead><tbody><tr><td>Mo</td></tr></tbody></table>'
            '<blockquote><p><span lang="en" dir="ltr" translate="no">Space of Sanctuary</span></p></blockquote>'
            '<p><abbr title="City of Sanctuary">CoS</abbr> <a href="mailto:a@example.org" hreflang="en">mail</a></p>')
    assert clean_page_html(html) == html
    assert not removes_markup(html)


def test_a_comment_is_dropped_without_counting_as_removed_markup():
    html = "<p>Open<!-- note for the team --></p>"
    assert clean_page_html(html) == "<p>Open</p>"
    assert not removes_markup(html)
