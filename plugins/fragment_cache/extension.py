"""The {% cache %} block: a Jinja extension, and its installation in each generator's environment."""

# The pattern of Jinja's own documented example (docs/examples/cache_extension.py, "Example Extension"), with the
# cache kept on the environment, so it lives exactly as long as one build's generator, and keyed by the block itself
# (a number given as it is compiled) as well as by the values the template names.

from __future__ import annotations

from itertools import count

from jinja2 import nodes
from jinja2.ext import Extension
from pelican.plugins._utils import plugin_enabled


class FragmentCache(Extension):
    """Render the body of {% cache value, ... %}...{% endcache %} once for each set of values, then reuse it."""

    # A block names every value its body reads that can differ between two pages (the language, the relative
    # address of the site): two pages with the same values get the same text. Anything else it reads must be the
    # same on every page of the build (settings, the language's words).
    tags = {"cache"}

    def __init__(self, environment):
        super().__init__(environment)
        environment.extend(fragment_cache={})
        self.blocks = count()  # two blocks never share text, even on one line of one template

    def parse(self, parser):
        """Read {% cache value, ... %}, its body and {% endcache %} into a call of _cached with the body as caller."""
        lineno = next(parser.stream).lineno
        values = [nodes.Const(next(self.blocks)), parser.parse_expression()]
        while parser.stream.skip_if("comma"):
            values.append(parser.parse_expression())
        body = parser.parse_statements(("name:endcache",), drop_needle=True)
        return nodes.CallBlock(self.call_method("_cached", [nodes.Tuple(values, "load")]), [], [], body).set_lineno(
            lineno)

    def _cached(self, key: tuple, caller) -> str:
        """Return the body rendered for this key, rendering it the first time only."""
        cache = self.environment.fragment_cache
        if key not in cache:
            cache[key] = caller()
        return cache[key]


def add_fragment_cache(generator) -> None:
    """Give the generator's templates the {% cache %} block, before any template is compiled."""
    # Signals outlive a build: in a process that runs several builds (the tests), only answer those that enable us.
    if plugin_enabled("fragment_cache", generator.settings.get("PLUGINS")):
        generator.env.add_extension(FragmentCache)
