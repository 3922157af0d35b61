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
    static_url: str  # the theme's static folder as seen from the map page, e.g. "../theme/"
    site_url: str  # the site root as seen from the map page, e.g. "../"
    label: str = "Map of Spaces of Sanctuary"
    cluster_label: str = "{count} venues here: zoom in"
    cluster_radius: int = 48
    fit_max_zoom: int = 16
    tiles_max_zoom: int = 19


class MapParts(NamedTuple):
    """Hold the three pieces a template places: in <head>, where the map goes, at the end of <body>."""

    header: Markup
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
        label=options.label,
        cluster_label=options.cluster_label,
    )
    # Set on the instance, never through add_js_link: that edits folium's class-level lists.
    vmap.default_js = [("leaflet", options.static_url + "vendor/leaflet/leaflet.js")]
    vmap.default_css = [("leaflet_css", options.static_url + "vendor/leaflet/leaflet.css")]
    folium.TileLayer(
        tiles=options.tiles_url,
        attr=options.tiles_attribution,
        max_zoom=options.tiles_max_zoom,
        name="tiles",
    ).add_to(vmap)

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
        ("markercluster_js", options.static_url + "vendor/leaflet.markercluster/leaflet.markercluster.js"),
        # After Leaflet and markercluster: it sets reduced-motion defaults before the map is made.
        ("venue_map_js", options.static_url + "js/map.js"),
    ]
    cluster.default_css = [
        ("markercluster_css", options.static_url + "vendor/leaflet.markercluster/MarkerCluster.css"),
        ("markercluster_default_css", options.static_url + "vendor/leaflet.markercluster/MarkerCluster.Default.css"),
        ("venue_map_css", options.static_url + "css/map.css"),
    ]
    cluster.add_to(vmap)

    for venue in placed:
        # title and alt name the focusable marker after its venue instead of "Marker".
        marker = folium.Marker([venue.position.lat, venue.position.lon], title=venue.name, alt=venue.name)
        marker.add_child(BindPopup(popup_html(venue, options.site_url)))
        marker.add_to(cluster)

    figure = vmap.get_root()
    number_elements(figure)
    figure.render()
    return MapParts(
        header=render_header(figure),
        html=Markup(" ".join(figure.html.render().split())),
        script=render_script(figure),
    )


def popup_html(venue, site_url: str) -> str:
    """Return the popup's HTML with every piece of venue text escaped."""
    address = venue.address.one_line()
    return (
        f'<p class="venue-map__popup"><a href="{html.escape(site_url + venue.url)}">{html.escape(venue.name)}</a>'
        f"<br>{html.escape(address)}</p>"
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


def render_header(figure: Figure) -> Markup:
    """Return link and deferred script tags for the assets folium collected, and nothing else."""
    # Other header children are folium's meta tag and styles, which our page template replaces.
    tags = []
    for child in figure.header._children.values():
        if isinstance(child, JavascriptLink):
            tags.append(Markup('<script defer src="{}"></script>').format(child.url))
        elif isinstance(child, CssLink):
            tags.append(Markup('<link rel="stylesheet" href="{}">').format(child.url))
    return Markup("\n").join(tags)


def render_script(figure: Figure) -> Markup:
    """Return folium's script in one <script>, run once the deferred assets have loaded."""
    # folium's templates leave runs of blank lines; dropping them keeps the page small.
    body = "\n".join(line for line in figure.script.render().splitlines() if line.strip())
    # The body is folium's own output, built from escaped values; it is trusted as markup.
    return Markup('<script>\ndocument.addEventListener("DOMContentLoaded", function () {\n' + body + "\n});\n</script>")
