"""Build the map's header, html and script parts from the shown venues."""

from __future__ import annotations

import html
import logging
from dataclasses import dataclass
from typing import NamedTuple

import folium
from branca.element import CssLink, Element, Figure, JavascriptLink
from folium.map import FitBounds
from folium.plugins import MarkerCluster
from markupsafe import Markup

from .elements import BindPopup, VenueMap

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class MapOptions:
    """Hold what the map needs from the settings, with URLs already relative to the map page."""

    tiles_url: str
    tiles_attribution: str
    center: tuple[float, float]
    zoom: int
    site_url: str  # the site root as seen from the map page, e.g. "../"
    label_id: str = "sos-map-title"  # id of the page's heading that names the map, in the reader's language
    cluster_radius: int = 48
    fit_max_zoom: int = 16
    tiles_max_zoom: int = 19


class MapParts(NamedTuple):
    """Hold what a template places: assets in <head>, the map where it goes, its script at the end."""

    # Asset paths are relative to the theme's static folder: the template prefixes them with the
    # page's own way to the site root, so one map serves the map page of every language.
    stylesheets: tuple[str, ...]
    scripts: tuple[str, ...]  # to load with defer, in this order
    html: Markup
    script: Markup


def build_map(venues, options: MapOptions) -> MapParts:
    """Render a clustered map of the venues that have a position."""
    placed = [venue for venue in venues if venue.position is not None]
    for venue in venues:
        if venue.position is None:
            log.warning("venue_map: %s has no position and is left off the map", venue.source)

    vmap = VenueMap(
        location=options.center,
        zoom_start=options.zoom,
        tiles=None,
        label_id=options.label_id,
    )
    # Set on the instance, never through add_js_link: that edits folium's class-level lists.
    vmap.default_js = [("leaflet", "vendor/leaflet/leaflet.js")]
    vmap.default_css = [("leaflet_css", "vendor/leaflet/leaflet.css")]
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

    if placed:
        lats = [venue.position.lat for venue in placed]
        lons = [venue.position.lon for venue in placed]
        fit = FitBounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding=(24, 24), max_zoom=options.fit_max_zoom)
        # Fit before the clusters are added and without animation, so the page opens at rest
        # instead of zooming and re-clustering in front of the reader.
        fit.options["animate"] = False
        fit.add_to(vmap)

    cluster = MarkerCluster(
        # Markers closer than this many pixels share a cluster; 48 keeps markers (25 x 41) and
        # clusters (40 x 40) from covering each other, so each stays a target of its own (axe target-size).
        max_cluster_radius=options.cluster_radius,
        spiderfy_on_max_zoom=True,
        spiderfy_distance_multiplier=1.5,
        show_coverage_on_hover=False,
    )
    cluster.default_js = [
        ("markercluster_js", "vendor/leaflet.markercluster/leaflet.markercluster.js"),
        # After Leaflet and markercluster: it sets reduced-motion defaults before the map is made. It
        # fetches js/filters.js and js/map-filters.js itself, only when the address holds filters.
        ("venue_map_js", "js/map.js"),
    ]
    cluster.default_css = [
        ("markercluster_css", "vendor/leaflet.markercluster/MarkerCluster.css"),
        ("markercluster_default_css", "vendor/leaflet.markercluster/MarkerCluster.Default.css"),
        ("venue_map_css", "css/map.css"),
    ]
    cluster.add_to(vmap)

    for venue in placed:
        # title and alt name the focusable marker after its venue instead of "Marker"; the rest is
        # what js/map.js filters by, as the directory's list items carry it (escaped by folium's tojavascript).
        marker = folium.Marker([venue.position.lat, venue.position.lon], title=venue.name, alt=venue.name,
                               **filter_facts(venue))
        marker.add_child(BindPopup(popup_html(venue, options.site_url)))
        marker.add_to(cluster)

    figure = vmap.get_root()
    number_elements(figure)
    figure.render()
    stylesheets, scripts = collect_assets(figure)
    return MapParts(
        stylesheets=stylesheets,
        scripts=scripts,
        html=Markup(" ".join(figure.html.render().split())),
        script=render_script(figure),
    )


def filter_facts(venue) -> dict[str, str]:
    """Return the marker options js/map.js filters by: keys separated by spaces, like the directory's data-*."""
    return {
        "slug": venue.slug,
        "kind": venue.kind,
        "offers": " ".join(venue.offers),
        "langs": " ".join(venue.languages),
        "access": " ".join(venue.accessibility),
    }


def popup_html(venue, site_url: str) -> str:
    """Return the popup's HTML with every piece of venue text escaped."""
    address = venue.address.one_line()
    # The map serves every language: js/map.js writes the page's own word for "Example" into the tag,
    # as the directory's cards show it (components/example_tag.html).
    tag = ' <strong class="sos-tag sos-tag--example" data-example-tag></strong>' if venue.example else ""
    return (
        f'<p class="sos-venue-map__popup"><a href="{html.escape(site_url + venue.url)}">'
        f'<bdi lang="en" translate="no">{html.escape(venue.name)}</bdi></a>{tag}'
        f'<br><bdi lang="en" translate="no">{html.escape(address)}</bdi>'
        f"<br>{open_status_html(venue)}</p>"
    )


def open_status_html(venue) -> str:
    """Return an empty status for js/open-now.js to fill in the reader's language when the popup opens."""
    # The map is built once for every language, so the words come from the page (open_status.html).
    schedule = venue.schedule  # set by venues.present.present()
    if schedule is None:
        return '<span class="sos-open-status" data-open-status></span>'
    return (
        f'<span class="sos-open-status" data-open-status data-open-from="{html.escape(schedule.start.isoformat())}"'
        f' data-open-days="{int(schedule.days)}" data-open-hours="{html.escape(schedule.encoded)}"></span>'
    )


def number_elements(root: Element) -> None:
    """Give every element an id from a counter, so the same venues give byte-identical pages."""
    # branca draws ids from os.urandom; only the order of elements matters here.
    stack = [root]
    count = 0
    while stack:
        element = stack.pop()
        element._id = str(count)
        count += 1
        stack.extend(reversed(list(element._children.values())))


def collect_assets(figure: Figure) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Return the stylesheets and scripts folium collected, and nothing else of its header."""
    # Other header children are folium's meta tag and styles, which our page template replaces.
    children = list(figure.header._children.values())
    stylesheets = tuple(child.url for child in children if isinstance(child, CssLink))
    scripts = tuple(child.url for child in children if isinstance(child, JavascriptLink))
    return stylesheets, scripts


def render_script(figure: Figure) -> Markup:
    """Return folium's script in one <script>, run once the deferred assets have loaded."""
    # folium's templates leave runs of blank lines; dropping them keeps the page small.
    body = "\n".join(line for line in figure.script.render().splitlines() if line.strip())
    # The body is folium's own output, built from escaped values; it is trusted as markup.
    return Markup('<script>\ndocument.addEventListener("DOMContentLoaded", function () {\n' + body + "\n});\n</script>")
