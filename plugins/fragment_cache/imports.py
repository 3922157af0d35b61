"""Reuse a component imported with context while every name it reads has the same value as last time."""

# `{% from "components/icon.html" import icon with context %}` makes the component's module again on every page:
# Jinja copies the page's whole context (about 250 names) and runs the component's top level to define its macros.
# A venue page made eight such imports: about a tenth of a 1,000-venue build. A component reads only a few of those
# names (its words `_`, the relative address `SITEURL`), so its module is made from those alone, and kept for as long
# as they keep their values: a page in the same language at the same depth gets the same module back.
#
# What this asks of a component, as {% cache %} does of a block: its top level runs once per set of values, not once
# a page, so it must not work anything out from an object that changes while the site is written. Values are told
# apart by their type and equality (1 is not True), but inside a tuple or dataclass by equality alone.

from __future__ import annotations

from collections import OrderedDict

from jinja2 import Environment, Template, TemplateNotFound, meta
from jinja2.runtime import missing
from jinja2.utils import _PassArg
from pelican.plugins._utils import plugin_enabled

KEPT_MODULES = 1024  # a build reuses about 20 components in 9 languages at a few depths; the least recently used go


class ImportCachingTemplate(Template):
    """A template that, imported with context, is made once for each set of values of the names it reads."""

    def make_module(self, vars=None, shared=False, locals=None):
        """Return this template's module for an importing page: kept, when the names it reads are unchanged."""
        names = names_read(self.environment, self.name) if shared and vars is not None and self.name else None
        if names is None:
            return super().make_module(vars, shared, locals)
        # The module sees only the names it reads, so it cannot depend on anything its key leaves out.
        values = {name: value for name in names if (value := _value(name, vars, locals)) is not missing}
        key = (self.name, *[_keyed(name, value) for name, value in values.items()])
        kept = self.environment.kept_modules
        if key in kept:
            kept.move_to_end(key)
            return kept[key][0]
        if any(map(_takes_the_context, values.values())):  # it reads names no template shows (Jinja's own _ does):
            return super().make_module(vars, shared, locals)  # made as Jinja makes it, and never kept
        module = super().make_module(values, True)
        # The values go with the module: an object keyed by identity stays alive, so its id cannot be reused.
        kept[key] = (module, tuple(values.values()))
        if len(kept) > KEPT_MODULES:
            kept.popitem(last=False)
        return module


def names_read(environment: Environment, name: str) -> tuple[str, ...] | None:
    """Return every name a template and the templates it imports or includes read from the page (sorted), or None."""
    known = environment.names_read_by_template
    if name not in known:
        known[name] = None  # unknown while it is read, so a template on an import cycle stays unknown
        try:
            source = environment.loader.get_source(environment, name)[0]
        except TemplateNotFound:  # {% include "x" ignore missing %}, or the first of a list that is not there
            return None
        tree = _without_globals(environment).parse(source)
        names = set(meta.find_undeclared_variables(tree))
        for referenced in meta.find_referenced_templates(tree):
            inner = names_read(environment, referenced) if referenced is not None else None
            if inner is None:  # a template named at render time: nothing says what it reads
                return None
            names.update(inner)
        known[name] = tuple(sorted(names))  # sorted: the key lists the values in one order
    return known[name]


def _without_globals(environment: Environment) -> Environment:
    """Return an overlay with no globals, so every name counts as read: a page's `_` shadows the i18n global."""
    overlay = environment.overlay()
    overlay.globals = {}
    return overlay


def _value(name: str, vars: dict, locals) -> object:
    """Return what a name holds for the imported template: the importer's local variable first, as Jinja does."""
    value = locals.get(name, missing) if locals else missing
    return vars.get(name, missing) if value is missing else value


def _takes_the_context(value: object) -> bool:
    """Tell whether Jinja would hand a callable the whole template context, as it decides (Context.call)."""
    # The i18n extension's global _ is such a function: it looks gettext up in the page's context when it runs.
    return callable(value) and _PassArg.context in (_PassArg.from_obj(value), _PassArg.from_obj(value.__call__))


def _keyed(name: str, value: object) -> tuple:
    """Return a name's part of the key: its value where it can be hashed (and its type: 1 is not True), else its id."""
    try:
        hash(value)
    except TypeError:  # a list or dict of settings: the same object on every page, or a new one that misses
        return name, id(value)
    return name, type(value), value


def cache_imports(environment: Environment) -> None:
    """Make the environment's templates keep their imported modules, whatever class they were before."""
    environment.extend(kept_modules=OrderedDict(), names_read_by_template={})
    current = environment.template_class
    if not issubclass(current, ImportCachingTemplate):  # another plugin's class (minify's) keeps its own work
        environment.template_class = type("ImportCaching" + current.__name__, (ImportCachingTemplate, current), {})


def keep_imported_modules(generator) -> None:
    """Make the generator's templates keep the modules they import with context, before any is compiled."""
    # Signals outlive a build: in a process that runs several builds (the tests), only answer those that enable us.
    if plugin_enabled("fragment_cache", generator.settings.get("PLUGINS")):
        cache_imports(generator.env)
