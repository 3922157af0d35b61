"""Put the venues of the FAKE_VENUES setting in the context, as the venues plugin would (tests only)."""

from pelican import signals
from pelican.generators import Generator


class FakeVenuesGenerator(Generator):
    """Publish settings["FAKE_VENUES"] as context["venues"]."""

    def generate_context(self):
        self.context["venues"] = list(self.settings["FAKE_VENUES"])


def get_generators(pelican):
    """Offer the generator only to builds that list this plugin."""
    return FakeVenuesGenerator if "fake_venues" in pelican.settings.get("PLUGINS", []) else None


def register():
    """Connect the generator."""
    signals.get_generators.connect(get_generators)
