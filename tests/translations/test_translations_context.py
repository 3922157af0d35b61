"""translations.context: each page's gettext and formatters speak the page's language."""

from __future__ import annotations

import datetime

from babel.support import NullTranslations
from jinja2 import Environment
from jinja2.runtime import Context
from translations.context import language_context, language_name
from translations.languages import Language

ARABIC = Language("ar", "العربية", "ar", reviewed=False)


def test_the_context_carries_the_language_its_direction_and_formatters():
    context = language_context(ARABIC, NullTranslations())
    assert (context["LANG"], context["LANG_DIR"], context["LANGUAGE"]) == ("ar", "rtl", ARABIC)
    assert context["format_number"](1234.5) == "1,234.5"  # CLDR: Arabic as used here writes Latin digits
    assert context["format_time"](datetime.time(9, 5)) == "09:05"
    assert context["own_language_name"]("uk") == "Українська"
    assert context["english_language_name"]("ckb") == "Central Kurdish"
    english = language_context(Language("en", "English", "en_GB", reviewed=True, default=True), NullTranslations())
    assert english["LANG_DIR"] == "ltr" and english["format_day"](datetime.date(2026, 12, 7)) == "Monday 7 December"


def test_a_language_cldr_does_not_know_is_named_by_its_code():
    assert language_name("xx-unknown", "en") == "xx-unknown"
    assert language_name("fa", "en") == "Persian"


class Catalogue(NullTranslations):
    """A catalogue with a few translations, counting how often it is asked."""

    WORDS = {"Closed": "مغلق", "100%% sure": "متأكد 100%%", "Open <b>now</b>": "مفتوح <b>الآن</b>",
             "%(count)s places": "%(count)s أماكن"}

    def __init__(self):
        super().__init__()
        self.asked = 0

    def gettext(self, message):
        self.asked += 1
        return self.WORDS.get(message, message)

    def ngettext(self, singular, plural, number):
        return self.gettext(singular if number == 1 else plural)


def render(source: str, context: dict, autoescape: bool = True, **variables) -> str:
    """Render a template string with a language's context, in an environment set up as install_translations does."""
    environment = Environment(extensions=["jinja2.ext.i18n"], autoescape=autoescape)
    environment.install_null_translations(newstyle=True)
    return environment.from_string(source).render(**context, **variables)


def test_underscore_is_the_languages_gettext_itself():
    context = language_context(ARABIC, Catalogue())
    assert context["_"] is context["gettext"]


def test_a_message_without_placeholders_is_asked_once_and_reads_the_same_every_time():
    catalogue = Catalogue()
    context = language_context(ARABIC, catalogue)  # once a language, as the translating writer makes it
    template = "{{ _('Closed') }}|{{ _('100%% sure') }}|{{ _('Open <b>now</b>') }}|{% trans %}Closed{% endtrans %}"
    first = render(template, context)
    asked = catalogue.asked
    assert [render(template, context) for _ in range(3)] == [first] * 3
    assert catalogue.asked == asked  # the catalogue was not asked again
    # As Jinja's own newstyle gettext writes them: %% formatted to %, the translation's markup kept as written.
    assert first == "مغلق|متأكد 100%|مفتوح <b>الآن</b>|مغلق"


def test_placeholders_are_filled_and_escaped_on_every_call():
    context = language_context(ARABIC, Catalogue())
    template = ("{{ _('%(count)s places', count=count) }}|"
                "{% trans number=count %}{{ number }} venue{% pluralize %}{{ number }} venues{% endtrans %}")
    assert render(template, context, count="<3>") == "&lt;3&gt; أماكن|&lt;3&gt; venues"
    assert render(template, context, count=1) == "1 أماكن|1 venue"
    assert render("{{ _('x', message=m) }}", context, m="a") == "x"  # a placeholder may be called message


def test_without_autoescape_nothing_kept_for_escaping_is_reused():
    context = language_context(ARABIC, Catalogue())
    escaped = render("{{ _('Open <b>now</b>') }}", context)
    plain = render("{{ _('Open <b>now</b>') }}", context, autoescape=False)
    assert escaped == plain == "مفتوح <b>الآن</b>"
    # Kept with autoescape on, then asked with it off: the same words, %% formatted either way.
    assert render("{{ _('100%% sure') }}", context) == render("{{ _('100%% sure') }}", context, autoescape=False)


def test_words_asked_inside_a_loop_that_sets_a_variable_are_translated_and_escaped_alike(monkeypatch):
    # Jinja hands a function that takes the template context a copy of the page's whole context (Context.derived)
    # when it is called inside a loop or block that sets a variable: about 390,000 copies at 1,000 venues. The
    # language's gettext and ngettext take no copy, and still answer as anywhere else in the page.
    copies = []
    monkeypatch.setattr(Context, "derived", lambda self, locals=None: copies.append(locals))
    context = language_context(ARABIC, Catalogue())
    template = ("{% for word in words %}{% set shown = word %}{{ _(shown) }}/{{ _('%(count)s places', count=n) }}/"
                "{{ ngettext('%(num)s place', '%(count)s places', 2, count=n) }};{% endfor %}")
    assert render(template, context, words=["Closed", "Open <b>now</b>"], n="<2>") == (
        "مغلق/&lt;2&gt; أماكن/&lt;2&gt; أماكن;مفتوح <b>الآن</b>/&lt;2&gt; أماكن/&lt;2&gt; أماكن;")
    plain = render("{% for n in [1, 3] %}{% set m = n %}{{ ngettext('%(num)s place', '%(num)s places', m) }} "
                   "{% endfor %}", context, autoescape=False)
    assert plain == "1 place 3 places "
    plural = render("{% for n in [1, 2] %}{% set m = n %}{% trans count=m %}{{ count }} place{% pluralize %}"
                    "{{ count }} places{% endtrans %};{% endfor %}", context)
    assert plural == "1 place;2 أماكن;"  # the catalogue translates the plural form
    assert copies == []
