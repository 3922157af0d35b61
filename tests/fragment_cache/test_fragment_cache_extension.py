"""fragment_cache.extension: a {% cache %} block is rendered once for each set of values, and the site reads as if it were not."""

from __future__ import annotations

from pathlib import Path

from fragment_cache.extension import FragmentCache
from jinja2 import DictLoader, Environment

from tests.conftest import build_site


def environment(**templates: str) -> Environment:
    return Environment(loader=DictLoader(templates), extensions=[FragmentCache], autoescape=True)


class Counter:
    """Count how often a template asks for the next number."""

    def __init__(self):
        self.count = 0

    def __call__(self) -> int:
        self.count += 1
        return self.count


def test_a_block_is_rendered_once_for_each_set_of_the_values_it_names():
    counter = Counter()
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


def test_the_example_site_is_byte_for_byte_the_same_when_nothing_is_kept(example_site: Path, tmp_path, monkeypatch):
    # Every block names what it varies with: a block that forgot one would give some page another page's frame.
    monkeypatch.setattr(FragmentCache, "_cached", lambda self, key, caller: caller())
    uncached = build_site(tmp_path)
    files = sorted(path.relative_to(example_site) for path in example_site.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(uncached) for path in uncached.rglob("*") if path.is_file())
    differing = [str(name) for name in files if (example_site / name).read_bytes() != (uncached / name).read_bytes()]
    assert differing == []
