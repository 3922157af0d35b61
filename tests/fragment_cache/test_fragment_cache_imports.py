"""fragment_cache.imports: a component imported with context is made again only when a name it reads changes."""

from __future__ import annotations

from types import SimpleNamespace

from fragment_cache import imports
from fragment_cache.imports import ImportCachingTemplate, cache_imports, keep_imported_modules, names_read
from jinja2 import DictLoader, Environment, Template, pass_context
from minify.html import TidyTemplate, tidy_rendered_pages

from tests.conftest import CallCounter

# A component whose top level counts how often its module is made, and whose macro reads the page's address.
COMPONENT = "{% set made = made() %}{% macro link(words) %}<a href='{{ SITEURL }}/'>{{ words }}</a>{% endmacro %}"
PAGE = "{% from 'component' import link with context %}{{ link(title) }}"


def environment(**templates: str) -> Environment:
    made = Environment(loader=DictLoader({"component": COMPONENT, "page": PAGE, **templates}), autoescape=True,
                       extensions=["jinja2.ext.i18n"])
    cache_imports(made)
    return made


def test_a_component_is_made_once_for_each_value_of_what_it_reads():
    pages, made = environment(), CallCounter()
    page = pages.get_template("page")
    assert page.render(SITEURL="../..", title="One", made=made) == "<a href='../../'>One</a>"
    # Another page at the same depth: its title is not read by the component, so the module is kept.
    assert page.render(SITEURL="../..", title="Two", made=made) == "<a href='../../'>Two</a>"
    assert made.count == 1
    assert page.render(SITEURL="..", title="Three", made=made) == "<a href='../'>Three</a>"
    assert made.count == 2


def test_a_function_given_the_whole_context_gets_it_as_jinja_gives_it():
    # Such a function can read any name, which nothing in the template shows: the module is made as Jinja makes it.
    pages, made = environment(component="{% set made = made() %}{% macro peek() %}{{ context_names() }}"
                                         "{% endmacro %}",
                              page="{% from 'component' import peek with context %}{{ peek() }}"), CallCounter()
    assert names_read(pages, "component") == ("context_names", "made")

    @pass_context
    def context_names(context):
        return ",".join(sorted(name for name in context.get_all() if name.isupper()))

    page = pages.get_template("page")
    assert page.render(context_names=context_names, made=made, SITEURL="..", SECRET="x") == "SECRET,SITEURL"
    assert page.render(context_names=context_names, made=made, SITEURL="..", SECRET="y") == "SECRET,SITEURL"
    assert made.count == 2


def test_a_page_without_words_of_its_own_gets_the_i18n_extensions():
    # Jinja's global _ looks gettext up in the page's context as it runs: the component must be made with it.
    pages = environment(component="{% macro hello() %}{{ _('Hello') }}{% endmacro %}",
                        page="{% from 'component' import hello with context %}{{ hello() }}")
    pages.install_null_translations(newstyle=True)
    assert pages.get_template("page").render() == "Hello"


def test_the_words_function_of_each_language_is_read_even_though_i18n_installs_a_global_one():
    # The i18n extension installs a global _; each page's own language's _ shadows it, so it is part of the key.
    pages = environment(component="{% macro hello() %}{{ _('Hello') }}{% endmacro %}",
                        page="{% from 'component' import hello with context %}{{ hello() }}")
    assert "_" in names_read(pages, "component")
    page = pages.get_template("page")
    assert page.render(_=lambda words: "Bonjour") == "Bonjour"
    assert page.render(_=lambda words: "Hola") == "Hola"


def test_an_importing_templates_own_variable_is_read_before_the_pages():
    # Inside {% with %} the name is the importer's local, which Jinja hands the import apart from the page's context.
    pages, made = environment(page="{% with SITEURL = '/deeper' %}" + PAGE + "{% endwith %}"), CallCounter()
    assert pages.get_template("page").render(SITEURL="..", title="Here", made=made) == "<a href='/deeper/'>Here</a>"


def test_a_value_that_cannot_be_hashed_is_kept_by_identity():
    pages, made = environment(component="{% set made = made() %}{% macro n() %}{{ LANGUAGES|length }}{% endmacro %}",
                              page="{% from 'component' import n with context %}{{ n() }}"), CallCounter()
    page, languages = pages.get_template("page"), ["en", "ar"]
    assert page.render(LANGUAGES=languages, made=made) == page.render(LANGUAGES=languages, made=made) == "2"
    assert made.count == 1
    assert page.render(LANGUAGES=["en", "ar", "fa"], made=made) == "3"  # another list, even an equal one, is new
    assert made.count == 2


def test_true_and_one_are_different_values():
    pages = environment(component="{% macro show() %}{{ flag }}{% endmacro %}",
                        page="{% from 'component' import show with context %}{{ show() }}")
    page = pages.get_template("page")
    assert (page.render(flag=1), page.render(flag=True)) == ("1", "True")


def test_a_component_that_includes_a_template_named_at_render_time_is_made_every_time():
    pages, made = environment(component="{% set made = made() %}{% macro inner() %}{% include name %}"
                                         "{% endmacro %}",
                              page="{% from 'component' import inner with context %}{{ inner() }}",
                              one="1", two="2"), CallCounter()
    assert names_read(pages, "component") is None
    page = pages.get_template("page")
    assert page.render(name="one", made=made) + page.render(name="two", made=made) == "12"
    assert made.count == 2


def test_a_component_that_may_include_a_missing_template_renders_as_jinja_renders_it():
    pages = environment(component="{% macro inner() %}{% include 'absent' ignore missing %}{% include ['gone', "
                                  "'here'] %}{% endmacro %}",
                        page="{% from 'component' import inner with context %}{{ inner() }}", here="found")
    assert names_read(pages, "component") is None
    assert pages.get_template("page").render() == "found"


def test_what_a_component_imports_counts_as_read_by_it():
    pages = environment(component="{% from 'inner' import deep with context %}{% macro outer() %}{{ deep() }}"
                                  "{% endmacro %}",
                        inner="{% macro deep() %}{{ LANG }}{% endmacro %}",
                        page="{% from 'component' import outer with context %}{{ outer() }}")
    assert names_read(pages, "component") == ("LANG",)
    page = pages.get_template("page")
    assert (page.render(LANG="en"), page.render(LANG="ar")) == ("en", "ar")


def test_the_least_recently_used_module_goes_when_too_many_are_kept(monkeypatch):
    monkeypatch.setattr(imports, "KEPT_MODULES", 2)
    pages, made = environment(), CallCounter()
    page = pages.get_template("page")
    for depth in ["a", "b", "a", "c", "a", "b"]:  # "a" is used again before "c" comes, so "b" goes
        page.render(SITEURL=depth, title="", made=made)
    assert made.count == 4  # a, b, c, then b again
    assert len(pages.kept_modules) == 2


def test_a_template_class_from_another_plugin_keeps_its_own_work():
    # minify's TidyTemplate drops indentation: in either order, the environment's templates do both.
    for first, second in [(tidy_rendered_pages, keep_imported_modules), (keep_imported_modules, tidy_rendered_pages)]:
        generator = SimpleNamespace(settings={"PLUGINS": ["minify", "fragment_cache"]},
                                    env=Environment(loader=DictLoader({"page.html": "<p>\n    {{ words }}</p>"})))
        first(generator)
        second(generator)
        assert issubclass(generator.env.template_class, ImportCachingTemplate)
        assert issubclass(generator.env.template_class, TidyTemplate)
        assert generator.env.get_template("page.html").render(words="kept") == "<p>\nkept</p>"
        # ...and such an environment keeps an imported module.
        generator.env.loader = DictLoader({"component": COMPONENT, "page": PAGE})
        made, page = CallCounter(), generator.env.get_template("page")
        assert page.render(SITEURL="..", title="1", made=made) + page.render(SITEURL="..", title="2", made=made) \
            == "<a href='../'>1</a><a href='../'>2</a>"
        assert made.count == 1


def test_the_plugin_keeps_modules_only_for_builds_that_list_it():
    listed = SimpleNamespace(settings={"PLUGINS": ["fragment_cache"]}, env=Environment())
    keep_imported_modules(listed)
    assert issubclass(listed.env.template_class, ImportCachingTemplate)
    unlisted = SimpleNamespace(settings={"PLUGINS": ["translations"]}, env=Environment())
    keep_imported_modules(unlisted)
    assert unlisted.env.template_class is Template
