"""The city a site serves, from its VENUES_* settings: its name, and the places in it that are not people."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from pelican.plugins._utils import plugin_enabled

from .config import setting


class CityNotSet(ValueError):
    """Stop a build whose settings do not name the city."""


@dataclass(frozen=True)
class City:
    """Hold what the checks and the model know of the city: the town a venue's address falls back to, its places."""

    name: str = ""
    place_names: frozenset[str] = frozenset()  # districts and neighbourhoods, never a person
    schemes: tuple[str, ...] | None = None  # the schemes its venues may belong to; None: every scheme of the schema

    def scheme_choices(self) -> dict:
        """Return the schema's schemes this city's venues may belong to, with their words."""
        from .schema import schemes  # here: the schema module is only needed when a site is built or checked

        return {key: choice for key, choice in schemes().items() if self.schemes is None or key in self.schemes}

    @property
    def words(self) -> frozenset[str]:
        """Return the lower-case words of the city's and its places' names."""
        return frozenset(word.casefold() for name in (self.name, *self.place_names) for word in name.split())


def city_of(settings: Mapping) -> City:
    """Return the city that VENUES_CITY and VENUES_PLACE_NAMES describe."""
    return City(" ".join(str(setting(settings, "VENUES_CITY")).split()),
                frozenset(str(name) for name in setting(settings, "VENUES_PLACE_NAMES")),
                tuple(setting(settings, "VENUES_SCHEMES")))


def require_city(pelican) -> None:
    """Refuse to build a site that does not say which city it serves: every page names it."""
    settings = pelican.settings
    if plugin_enabled("venues", settings.get("PLUGINS")) and not city_of(settings).name:
        raise CityNotSet('pelicanconf.py: VENUES_CITY is not set. Write the name of your city or town as readers '
                         'know it, in the block headed "The city", for example VENUES_CITY = "Leeds" '
                         "(see docs/new-city.md).")


NO_CITY = City()  # for checks run without a site's settings: no town to fall back to, no place names
