"""fragment_cache.extension: a {% cache %} block is rendered once for each set of values; the site reads the same."""

from __future__ import annotations

from types import SimpleNamespace

import fragment_cache.imports
import pytest
from fragment_cache.extension import FragmentCache, add_fragment_cache
from jinja2 import DictLoader, Environment, TemplateSyntaxError

from tests.conftest import CallCounter, build_site, differing_files, only_languages, output_files


def environment(**templates: str) -> Environment:
    return Environment(loader=DictLoader(templates), extensions=[FragmentCache], autoescape=True)


def test_a_block_is_rendered_once_for_each_set_of_the_values_it_names():
    counter = CallCounter()
    page = environment(page="{% cache lang, depth %}<p>{{ lang }} {{ depth }} #{{ next() }}</p>{% endcache %}")
    template = page.get_template("page")
    assert template.render(lang="ar", depth="../..", next=counter) == "<p>ar ../.. #1</p>"
    assert template.render(lang="ar", depth="../..", next=counter) == "<p>ar ../.. #1</p>"  # kept, not rendered
    assert template.render(lang="ar", depth="..", next=counter) == "<p>ar .. #2</p>"
    assert template.render(lang="fa", depth="..", next=counter) == "<p>fa .. #3</p>"
    assert counter.count == 3


def test_two_blocks_with_the_same_values_keep_their_own_text():
    source = "{% cache lang %}<a>{{ lang }}</a>{% endcache %}|{% cache lang %}<b>{{ lang }}</b>{% endcache %}"
    pages = environment(one=source, other="{% cache lang %}<i>{{ lang }}</i>{% endcache %}")
    assert pages.get_template("one").render(lang="en") == "<a>en</a>|<b>en</b>"
    assert pages.get_template("other").render(lang="en") == "<i>en</i>"


def test_a_new_environment_starts_with_nothing_kept():
    # Pelican makes an environment for each generator of each build: one build's text never reaches another.
    source = {"page": "{% cache 1 %}{{ city }}{% endcache %}"}
    assert environment(**source).get_template("page").render(city="Portsmouth") == "Portsmouth"
    assert environment(**source).get_template("page").render(city="Sheffield") == "Sheffield"


def test_kept_text_stays_escaped_and_components_imported_inside_a_block_work():
    pages = environment(
        macros="{% macro link(words) %}<a href='{{ base }}/'>{{ words }}</a>{% endmacro %}",
        page="{% cache base %}{% from 'macros' import link with context %}{{ link(words) }}{% endcache %}")
    template = pages.get_template("page")
    first = template.render(base="..", words="<Help>")
    assert first == template.render(base="..", words="<Help>") == "<a href='../'>&lt;Help&gt;</a>"


def test_the_plugin_gives_the_block_only_to_builds_that_list_it():
    listed = SimpleNamespace(settings={"PLUGINS": ["translations", "fragment_cache"]}, env=Environment())
    add_fragment_cache(listed)
    assert listed.env.from_string("{% cache 1 %}kept{% endcache %}").render() == "kept"
    # Signals outlive a build: an earlier build's receiver must not change a build that does not list the plugin.
    unlisted = SimpleNamespace(settings={"PLUGINS": ["translations"]}, env=Environment())
    add_fragment_cache(unlisted)
    with pytest.raises(TemplateSyntaxError, match="cache"):
        unlisted.env.from_string("{% cache 1 %}kept{% endcache %}")


@pytest.mark.parametrize("addresses", [{}, {"SITEURL": "https://example.org/sanctuary", "RELATIVE_URLS": False}],
                         ids=["relative-links", "published-addresses"])
def test_the_example_site_is_byte_for_byte_the_same_when_nothing_is_kept(addresses, tmp_path, monkeypatch):
    # Every block names what it varies with: a block that forgot one would give some page another page's frame. And
    # every component imported with context is made afresh for each page, as Jinja does without the plugin.
    # With relative links a frame differs by depth; with the published site's addresses, only by language.
    settings = {**only_languages("en", "ar"), **addresses}
    cached = build_site(tmp_path / "cached", **settings)
    monkeypatch.setattr(FragmentCache, "_cached", lambda self, key, caller: caller())
    monkeypatch.setattr(fragment_cache.imports, "names_read", lambda environment, name: None)  # no module kept
    uncached = build_site(tmp_path / "uncached", **settings)
    assert any(name.parts[:2] == ("ar", "venues") for name in output_files(cached))  # venue pages in both languages
    assert differing_files(cached, uncached) == []
