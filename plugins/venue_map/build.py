"""Build the map's configuration, its asset lists and its places (data, not code) from the shown venues."""

from __future__ import annotations

import json
import logging
from dataclasses import dataclass
from typing import NamedTuple

import folium
from branca.element import CssLink, Figure, JavascriptLink
from folium.map import FitBounds
from folium.utilities import camelize

log = logging.getLogger(__name__)
# Where a map opens that has neither a MAP_CENTER nor a place on it: Great Britain, whole.
COUNTRY_VIEW = ((54.0, -2.5), 6)


@dataclass(frozen=True)
class MapOptions:
    """Hold what the map needs from the settings."""

    tiles_url: str
    tiles_attribution: str
    center: tuple[float, float] | None  # None: the middle of the places (the map fits them anyway)
    zoom: int
    data_save_as: str = "map/places.json"  # the places file, from the site root
    details_save_as: str = "map/details.json"  # the details file, from the site root
    cluster_radius: int = 48
    fit_max_zoom: int = 16
    tiles_max_zoom: int = 19


class MapParts(NamedTuple):
    """Hold what a template places and what the generator writes beside the page."""

    # Asset paths are relative to the theme's static folder, the places file to the site root: the
    # template prefixes them with the page's own way to the site root, so one map serves every language.
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...]  # to load with defer, in this order
    config: dict  # Leaflet's options as folium sets them: the template writes them in a data attribute
    data_url: str
    places: tuple[dict, ...]  # what the markers need, loaded with the page
    details_url: str = "map/details.json"
    details: tuple[dict, ...] = ()  # the rest, in the places' order, fetched on a popup's or a filter's first use
    # The filters' keys in use, by group (offer, lang, access, kind): the page names each once.
    names: dict[str, list[str]] | None = None

    def places_json(self) -> str:
        """Return the places file: one JSON object, keys in a fixed order, so builds are byte-identical."""
        return compact_json({"places": list(self.places)})

    def details_json(self) -> str:
        """Return the details file, its records in the places file's order."""
        return compact_json({"details": list(self.details)})


def compact_json(data: dict) -> str:
    """Return data as JSON without spaces, ending in a newline."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def build_map(venues, options: MapOptions) -> MapParts:
    """Describe a clustered map of the venues that have a position."""
    placed = [venue for venue in venues if venue.position is not None]
    for venue in venues:
        if venue.position is None:
            log.warning("venue_map: %s has no position and is left off the map", venue.source)

    # folium still models the map: its options, its tile layer and the fit, and the assets each needs. Its
    # generated script (a JavaScript statement per marker, written inline) is never rendered: js/map.js builds
    # the same map from these options and the places file, so the page holds no inline script (a Content
    # Security Policy forbids it) and a venue's name is never code.
    vmap = folium.Map(location=opening_center(placed, options), zoom_start=options.zoom if options.center or placed
                      else COUNTRY_VIEW[1], tiles=None)
    # Set on the instance, never through add_js_link: that edits folium's class-level lists.
    vmap.default_js = [
        ("leaflet", "vendor/leaflet/leaflet.js"),
        # Clusters come from supercluster (an index of every place, built in the browser in one go), and
        # js/map-places.js draws markers only for what is in view: folium's MarkerCluster (Leaflet.markercluster)
        # made a marker for every place, seconds of work on a slow phone at a few thousand places.
        ("supercluster", "vendor/supercluster/supercluster.min.js"),
        # The words, numbers and position every page script shares, the places layer, then the map's own
        # script. It fetches js/filters.js and js/map-filters.js itself, only when the address holds filters.
        ("sos_i18n_js", "js/i18n.js"),
        ("venue_map_places_js", "js/map-places.js"),
        ("venue_map_js", "js/map.js"),
    ]
    vmap.default_css = [("leaflet_css", "vendor/leaflet/leaflet.css"), ("venue_map_css", "css/map.css")]
    tiles = folium.TileLayer(
        tiles=options.tiles_url,
        attr=options.tiles_attribution,
        max_zoom=options.tiles_max_zoom,
        name="tiles",
    )
    # Whether to ask for sharper tiles depends on the reader's screen and data, known only in the
    # browser: js/map.js sets Leaflet's default, which folium's explicit false would override.
    tiles.options.pop("detect_retina", None)
    tiles.add_to(vmap)

    fit = None
    if placed:
        lats = [venue.position.lat for venue in placed]
        lons = [venue.position.lon for venue in placed]
        fit = FitBounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(24, 24), max_zoom=options.fit_max_zoom)
        # Fit without animation, so the page opens at rest instead of zooming in front of the reader.
        fit.options["animate"] = False
        fit.add_to(vmap)

    figure = vmap.get_root()
    figure.render()  # collects each element's assets in the header; the rendered text is not used
    stylesheets, scripts = collect_assets(figure)
    return MapParts(
        stylesheets=stylesheets,
        scripts=scripts,
        config=map_config(vmap, tiles, fit, options),
        data_url=options.data_save_as,
        places=tuple(place(venue) for venue in placed),
        details_url=options.details_save_as,
        details=tuple(details(venue) for venue in placed),
        names=names_in_use(venues),
    )


def names_in_use(venues) -> dict[str, list[str]]:
    """Return the offers, languages, accessibility features and kinds the venues use, each sorted once."""
    return {
        "offer": sorted({key for venue in venues for key in venue.offers}),
        "lang": sorted({code for venue in venues for code in venue.languages}),
        "access": sorted({key for venue in venues for key in venue.accessibility}),
        "kind": sorted({venue.kind for venue in venues}),
    }


def leaflet_options(options: dict) -> dict:
    """Return folium's snake_case options under Leaflet's camelCase names, as folium's templates write them."""
    return {camelize(key): value for key, value in options.items()}


def opening_center(placed: list, options: MapOptions) -> tuple[float, float]:
    """Return where the map opens: MAP_CENTER, else the middle of the places, else the middle of Great Britain."""
    if options.center is not None:
        return options.center
    if not placed:
        return COUNTRY_VIEW[0]
    lats = [venue.position.lat for venue in placed]
    lons = [venue.position.lon for venue in placed]
    return ((min(lats) + max(lats)) / 2, (min(lons) + max(lons)) / 2)


def map_config(vmap: folium.Map, tiles: folium.TileLayer, fit: FitBounds | None, options: MapOptions) -> dict:
    """Return what js/map.js passes to L.map, L.tileLayer, fitBounds and its places layer (js/map-places.js)."""
    return {
        "crs": vmap.crs,
        "center": list(vmap.location),
        "map": leaflet_options(vmap.options),
        "tiles": {"url": tiles.tiles, "options": leaflet_options(tiles.options)},
        "fit": None if fit is None else {"bounds": fit.bounds, "options": leaflet_options(fit.options)},
        # Places closer than this many pixels share a cluster; 48 keeps markers (25 x 41) and clusters
        # (44 x 44) from covering each other, so each stays a target of its own (axe target-size).
        "cluster": {"radius": options.cluster_radius},
    }


def place(venue) -> dict:
    """Return what a venue's marker needs: where it stands, its name (the marker's label) and its page."""
    # Five decimals place a marker within about a metre: closer than a pin's point can show.
    return {
        "slug": venue.slug,
        "name": venue.name,
        "url": venue.url,  # from the site root; the page gives the way there in the reader's language
        "lat": round(venue.position.lat, 5),
        "lon": round(venue.position.lon, 5),
    }


def details(venue) -> dict:
    """Return what the map's popup shows of a venue and its filters choose by; the popup's markup is the page's."""
    record = {
        "address": venue.address.one_line(),
        # Keys separated by spaces, as the directory's cards carry them in data-* for js/filters.js.
        "kind": venue.kind,
        "offers": " ".join(venue.offers),
        "langs": " ".join(venue.languages),
        "access": " ".join(venue.accessibility),
    }
    if venue.example:
        record["example"] = True
    # A page object from venues.site.present carries the schedule (js/open-now.js says what it means now); a bare
    # Venue, whose hours nobody presented, has none.
    schedule = getattr(venue, "schedule", None)
    if schedule is not None:
        record["open"] = {"from": schedule.start.isoformat(), "days": int(schedule.days), "hours": schedule.encoded}
    return record


def collect_assets(figure: Figure) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the stylesheets and scripts folium collected, and nothing else of its header."""
    # Other header children are folium's meta tag and styles, which our page template replaces.
    children = list(figure.header._children.values())
    stylesheets = tuple(child.url for child in children if isinstance(child, CssLink))
    scripts = tuple(child.url for child in children if isinstance(child, JavascriptLink))
    return stylesheets, scripts
