"""Every theme component documents its macros in a side file and renders each of its examples (GOV.UK Frontend's
component yaml): params match the macro's signature, classes are ours, and the HTML is valid."""

from __future__ import annotations

import dataclasses
import datetime
import functools
import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml
from jinja2 import nodes
from markupsafe import Markup
from pelican import Pelican
from pelican.generators import Generator
from pelican.settings import read_settings
from translations.install import install_translations
from translations.writer import TranslatingWriter
from venues.check.catalogue import read_catalogue
from venues.schema import accessibility_features, kinds, offers, schemes
from venues.site.listings import area_listings, language_listings, offer_listings
from venues.site.present import present
from venues.site.qr import qr_code

from tests.conftest import BUILD_DAY, ROOT
from tests.theme.test_class_prefix import not_ours

COMPONENTS = ROOT / "theme" / "templates" / "components"
MACRO_FILES = sorted(COMPONENTS.glob("*.html"))
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PARAM_FIELDS = {"name", "type", "required", "description"}
EXAMPLE_FIELDS = {"name", "description", "data", "caller", "language", "context", "empty", "in"}


@dataclasses.dataclass(frozen=True)
class Tagged:
    """A value written with one of our YAML tags, made into real data only when an example is rendered."""

    tag: str
    value: object


class ExampleLoader(yaml.SafeLoader):
    """Read a component's yaml; !venue and the like name the data the site itself would pass."""


for _tag in ("!venue", "!venues", "!hours", "!time", "!catalogue", "!offer_listings", "!language_listings",
             "!area_listings", "!qr"):
    ExampleLoader.add_constructor(_tag, lambda loader, node: Tagged(node.tag, loader.construct_scalar(node)))


@functools.cache
def docs(stem: str) -> dict:
    """Return the side file of a component, theme/templates/components/<stem>.yaml."""
    return yaml.load((COMPONENTS / f"{stem}.yaml").read_text(encoding="utf-8"), Loader=ExampleLoader)


def signatures(stem: str) -> dict[str, list[tuple[str, bool]]]:
    """Return each macro of a component file with its (parameter, required) pairs, from Jinja's own parse."""
    source = (COMPONENTS / f"{stem}.html").read_text(encoding="utf-8")
    macros = site().generator.env.parse(source).find_all(nodes.Macro)
    return {macro.name: [(arg.name, index < len(macro.args) - len(macro.defaults)) for index, arg in enumerate(macro.args)]
            for macro in macros}


@dataclasses.dataclass
class Site:
    """The real settings, Jinja environment and translating writer of a build, without building."""

    settings: dict
    generator: Generator
    writer: TranslatingWriter


@functools.cache
def site() -> Site:
    """Set up Pelican as a build does (plugins and their defaults), and its Jinja environment with translations."""
    output = ROOT / ".cache" / "components"  # never written to: nothing here generates output
    settings = read_settings(str(ROOT / "pelicanconf.py"), override={"OUTPUT_PATH": str(output), "CACHE_CONTENT": False,
                                                                     "LOAD_CONTENT_CACHE": False})
    settings = Pelican(settings).settings  # plugins registered, their defaults (OFFLINE_*, SAFETY_*) in place
    generator = Generator({}, settings, settings["PATH"], settings["THEME"], str(output))
    install_translations(generator)
    return Site(settings, generator, TranslatingWriter(str(output), settings=settings))


@functools.cache
def example_pages() -> dict:
    """Return the example venues as the theme sees them, placed at their file's point."""
    venues = read_catalogue(ROOT / "venues").venues
    return {venue.slug: present(venue, BUILD_DAY, site().settings.get("VENUES_REPORT_URL", ""), position=venue.location)
            for venue in venues}


def resolve(value):
    """Turn the tagged values of an example into the objects the site passes to the macro."""
    if isinstance(value, list):
        return [resolve(item) for item in value]
    if isinstance(value, dict):
        return {key: resolve(item) for key, item in value.items()}
    if not isinstance(value, Tagged):
        return value
    pages = example_pages()
    return {
        "!venue": lambda: pages[value.value],
        "!venues": lambda: list(pages.values()),
        "!hours": lambda: pages[value.value].hours,
        "!time": lambda: datetime.time.fromisoformat(value.value),
        "!catalogue": lambda: {"offers": offers, "accessibility": accessibility_features, "kinds": kinds}[value.value](),
        "!offer_listings": lambda: offer_listings(list(pages.values())),
        "!language_listings": lambda: language_listings(list(pages.values())),
        "!area_listings": lambda: area_listings(list(pages.values())),
        "!qr": lambda: qr_code(value.value),
    }[value.tag]()


def page_context(language_code: str, overrides: dict) -> dict:
    """Return a page's context in one language, as the translating writer and the venues generator give it."""
    built = site()
    language = next(language for language in built.writer.languages if language.code == language_code)
    name = "components/index.html"
    return {**built.settings, "OFFERS": offers(), "KINDS": kinds(), "ACCESSIBILITY": accessibility_features(),
            "SCHEMES": schemes(),
            **built.writer._page_context(language, name, language.prefix + name, False, built.writer.languages),
            **overrides}


def render(stem: str, macro: str, example: dict) -> str:
    """Render one example of a macro with the site's environment, in the example's language."""
    context = page_context(example.get("language", "en"), example.get("context", {}))
    module = site().generator.env.get_template(f"components/{stem}.html").make_module(context)
    arguments = resolve(example.get("data", {}))
    if "caller" in example:
        body = Markup(example["caller"])
        arguments["caller"] = lambda: body
    return str(getattr(module, macro)(**arguments))


def all_examples():
    for path in MACRO_FILES:
        for macro, doc in docs(path.stem).get("macros", {}).items():
            for example in doc.get("examples", []):
                yield pytest.param(path.stem, macro, example, id=f"{path.stem}-{macro}-{example['name']}")


EXAMPLES = list(all_examples())


@pytest.mark.parametrize("path", MACRO_FILES, ids=[path.stem for path in MACRO_FILES])
def test_each_macro_file_points_to_its_yaml(path):
    assert (COMPONENTS / f"{path.stem}.yaml").is_file(), f"write theme/templates/components/{path.stem}.yaml"
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    assert re.fullmatch(r"\{# Parameters and examples: components/" + re.escape(path.stem) + r"\.yaml #\}", first_line)


@pytest.mark.parametrize("path", MACRO_FILES, ids=[path.stem for path in MACRO_FILES])
def test_the_yaml_documents_every_parameter_of_every_macro_and_no_other(path):
    documented = docs(path.stem)["macros"]
    macros = signatures(path.stem)
    assert list(documented) == list(macros), "document every macro of the file, in its order"
    module = site().generator.env.get_template(f"components/{path.stem}.html").make_module(page_context("en", {}))
    for name, params in macros.items():
        doc = documented[name]
        assert doc.get("description"), f"{name}: say what the macro is for"
        assert all(set(param) == PARAM_FIELDS for param in doc.get("params", [])), f"{name}: {PARAM_FIELDS} per param"
        written = [(param["name"], param["required"]) for param in doc.get("params", [])]
        assert written == params, f"{name}: params (name, required) must match the signature, in its order"
        assert [param for param, _ in written] == list(getattr(module, name).arguments)  # Jinja's own Macro
        assert all(param["type"] and param["description"] for param in doc.get("params", []))
        assert doc.get("examples"), f"{name}: give at least one example"
        for example in doc["examples"]:
            assert set(example) <= EXAMPLE_FIELDS, f"{name}/{example.get('name')}: unknown fields"
            assert set(example.get("data", {})) <= {param for param, _ in params}, f"{name}/{example['name']}"
            assert {param for param, required in params if required} <= set(example.get("data", {}))
            assert ("caller" in example) == getattr(module, name).caller, f"{name}: a caller exactly when it takes one"


@pytest.mark.parametrize(("stem", "macro", "example"), EXAMPLES)
def test_each_example_renders_with_only_our_classes(stem, macro, example):
    html = render(stem, macro, example)
    assert bool(html.strip()) is not example.get("empty", False), "renders nothing" if not html.strip() else html
    assert "Undefined" not in html and "None" not in html
    names = [name for value in re.findall(r'class="([^"]*)"', html) for name in value.split()]
    assert not_ours(names) == []


def test_an_example_in_a_right_to_left_language_renders_in_its_words():
    rtl = [(stem, macro, example) for stem, macro, example in (param.values for param in EXAMPLES)
           if example.get("language") in {"ar", "fa", "ps", "ckb"}]
    assert len(rtl) >= 5
    html = render("urgent_numbers", "urgent_numbers", {"language": "ar"})
    assert "someone to talk to" not in html and "مجاني" in html and "tel:116123" in html


def test_every_example_is_valid_html(tmp_path):
    assert VNU.is_file(), "npm's vnu-jar is missing: run make test, which installs it"
    assert shutil.which("java"), "Java is missing: run make browser, which installs it"
    for stem, macro, example in (param.values for param in EXAMPLES):
        html = render(stem, macro, example)
        code = example.get("language", "en")
        direction = next(language.dir for language in site().writer.languages if language.code == code)
        # "in" says where the macro's markup goes on a page: in the head, in a list, or (by default) in the body.
        head, body = {"head": (html, ""), "ul": ("", f"<ul>{html}</ul>")}.get(example.get("in"), ("", html))
        (tmp_path / f"{stem}-{macro}-{example['name']}.html").write_text(
            f'<!DOCTYPE html><html lang="{code}" dir="{direction}"><head><meta charset="utf-8"><title>{macro}</title>'
            f"{head}</head><body><main>{body}</main></body></html>", encoding="utf-8")
    result = subprocess.run(["java", "-jar", str(VNU), "--errors-only", "--format", "json", str(tmp_path)],
                            capture_output=True, text=True, timeout=300)
    messages = json.loads(result.stderr or '{"messages": []}')["messages"]
    errors = [f"{Path(m['url']).name}:{m.get('lastLine', '?')}: {m['message']}" for m in messages
              if m["type"] == "error" or m.get("subType") == "fatal"]
    assert errors == [], "\n".join(errors)
